"""numpy.array2string, array_repr, array_str, format_float_positional and
format_float_scientific (issue 28), each compared character for character with NumPy 1.24."""
import itertools
import random

import numpy as np
import pytest

import cnumpy as cnp

# ---- Dragon4: format_float_positional / format_float_scientific ------------------------------
_VALUES = [0.0, -0.0, 1.0, 0.1, 1.5, 2.5, 123.456, 9.99, 0.999, 1e20, 1e-20, 5e-324,
           1.7976931348623157e308, 2.0 ** -1022, 1 / 3, 1e16, 12345678.9, 0.00123456, 99.5,
           0.05, 65504.0, 6e-8, float("inf"), -float("inf"), float("nan")]
_OPTIONS = list(itertools.product([None, 0, 1, 3, 10], [True, False], [True, False], "k.0-",
                                  [False, True], [None, 4], [None, 5], [None, 2, 6]))
_rng = random.Random(5)
_SAMPLED = _rng.sample(_OPTIONS, 30)


def _outcome(f):
    try:
        return f()
    except Exception as e:  # the exception type and message are compared
        return type(e).__name__, str(e)


@pytest.mark.parametrize("tname", ["float16", "float32", "float64"])
@pytest.mark.parametrize("opt", _SAMPLED, ids=str)
def test_format_float(tname, opt):
    prec, uniq, frac, trim, sign, pl, pr, md = opt
    with np.errstate(over="ignore"):
        values = [getattr(np, tname)(v) for v in _VALUES]
    for x in values:
        y = getattr(cnp, tname)(float(x))
        kw = dict(precision=prec, unique=uniq, fractional=frac, trim=trim, sign=sign,
                  pad_left=pl, pad_right=pr, min_digits=md)
        assert _outcome(lambda: np.format_float_positional(x, **kw)) == \
            _outcome(lambda: cnp.format_float_positional(y, **kw)), (float(x), kw)
        kw = dict(precision=prec, unique=uniq, trim=trim, sign=sign, pad_left=pl,
                  exp_digits=pr, min_digits=md)
        assert _outcome(lambda: np.format_float_scientific(x, **kw)) == \
            _outcome(lambda: cnp.format_float_scientific(y, **kw)), (float(x), kw)


@pytest.mark.parametrize("x", [1, 5, 2.5, -7, True])
def test_format_float_python_numbers(x):
    assert np.format_float_positional(x) == cnp.format_float_positional(x)
    assert np.format_float_scientific(x, precision=3) == cnp.format_float_scientific(x, precision=3)


@pytest.mark.parametrize("kw", [dict(precision=-1), dict(pad_left=-2), dict(trim="x"),
                                dict(precision=0, fractional=False),
                                dict(precision=2, min_digits=3), dict(unique=False)])
def test_format_float_errors(kw):
    assert _outcome(lambda: np.format_float_positional(1.5, **kw)) == \
        _outcome(lambda: cnp.format_float_positional(1.5, **kw))
    kw.pop("fractional", None)
    assert _outcome(lambda: np.format_float_scientific(1.5, **kw)) == \
        _outcome(lambda: cnp.format_float_scientific(1.5, **kw))


class _FloatSub(float):
    pass


@pytest.mark.parametrize("x", _VALUES + [_FloatSub(2.5), -1e-300, 123456789012345678.0])
def test_format_float_default_arguments(x):
    """The default-arguments paths (Python's and the extension's C one for a plain float) against
    NumPy, and the keyword forms that must leave them."""
    for pos in ((), (None,), (None, True)):
        assert np.format_float_positional(x, *pos) == cnp.format_float_positional(x, *pos)
        assert np.format_float_scientific(x, *pos) == cnp.format_float_scientific(x, *pos)
    for kw in (dict(trim="-"), dict(sign=True), dict(precision=3), dict(fractional=False),
               dict(unique=True), dict(trim="k", sign=False)):
        assert np.format_float_positional(x, **kw) == cnp.format_float_positional(x, **kw), kw
    assert np.format_float_scientific(x, exp_digits=3) == cnp.format_float_scientific(
        x, exp_digits=3)


def test_format_float_function_attributes():
    for name in ("format_float_positional", "format_float_scientific"):
        f = getattr(cnp, name)
        assert f.__name__ == name and "Dragon4" in f.__doc__


def test_format_float_bad_type():
    assert _outcome(lambda: np.format_float_positional("1")) == \
        _outcome(lambda: cnp.format_float_positional("1"))


# ---- array2string, array_repr, array_str -----------------------------------------------------
ARRAYS = {
    "float": lambda m: m.array([1.5, 2, 3]),
    "tiny": lambda m: m.array([1e-16, 1, 2, 3]),
    "small": lambda m: m.array([1e-6, 4e-7, 2, 3]),
    "float_2d": lambda m: m.arange(12.).reshape(3, 4) / 7,
    "nonfinite": lambda m: m.array([m.nan, m.inf, -m.inf, 1.25]),
    "large": lambda m: m.array([1e10, 1, -3.5]),
    "int_summary": lambda m: m.arange(2000).reshape(20, 100),
    "float_summary": lambda m: m.arange(1500.) / 3,
    "bool": lambda m: m.array([True, False]),
    "complex": lambda m: m.array([1 + 2j, -3.5 - 1e-5j, complex(m.nan, 1)]),
    "complex64": lambda m: m.array([0.1 + 2j, 3j], dtype=m.complex64),
    "float32": lambda m: m.array([0.1, 0.2], m.float32),
    "float16": lambda m: m.array([0.1, 1e4], m.float16),
    "str": lambda m: m.array(["a", "bcd"]),
    "bytes": lambda m: m.array([b"x", b"yz"]),
    "int8_3d": lambda m: m.arange(24).reshape(2, 3, 4).astype(m.int8),
    "0d_float": lambda m: m.array(3.25),
    "0d_bool": lambda m: m.array(True),
    "0d_uint16": lambda m: m.array(7, m.uint16),
    "empty_2d": lambda m: m.zeros((0, 3)),
    "empty": lambda m: m.array([]),
    "signed_zero": lambda m: m.array([-0.0, 0.0]),
    "float_3d": lambda m: m.arange(60.).reshape(3, 4, 5) * 1e4,
    "exp_row": lambda m: m.array([[1e8, 1]]),
    "int64_wide": lambda m: m.array([1, 2 ** 40, -5]),
    "uint64": lambda m: m.array([2 ** 64 - 1, 0], m.uint64),
    "negative_strides": lambda m: m.arange(10.)[::-3],
    "fortran": lambda m: m.asfortranarray(m.arange(6.).reshape(2, 3)),
}
OPTIONS = {
    "default": {},
    "narrow": dict(max_line_width=20),
    "precision": dict(precision=2),
    "suppress": dict(suppress_small=True, precision=3),
    "repr_like": dict(separator=", ", prefix="array("),
    "sign_plus": dict(sign="+"),
    "sign_space": dict(sign=" "),
    "fixed": dict(floatmode="fixed"),
    "unique": dict(floatmode="unique"),
    "maxprec_equal": dict(floatmode="maxprec_equal", precision=4),
    "summary": dict(threshold=5, edgeitems=1),
    "suffix": dict(separator=",", suffix=")"),
    "float_kind": dict(formatter={"float_kind": lambda x: "%.2f" % x}),
    "int_hex": dict(formatter={"int": lambda x: hex(x)}),
    "all": dict(formatter={"all": lambda x: "X"}),
    "mixed": dict(threshold=10, edgeitems=2, max_line_width=30, separator=", "),
    "bad_floatmode": dict(floatmode="x"),
    "bad_sign": dict(sign="-+"),
    "bad_precision": dict(precision=1.5),
    "bad_threshold": dict(threshold="3"),
}


# every option on a few arrays of different kinds, every array under a few options
_PAIRS = ([(n, o) for o in OPTIONS for n in ("float_2d", "nonfinite", "complex", "int8_3d",
                                            "float_summary", "bool", "0d_float")] +
          [(n, o) for n in ARRAYS for o in ("default", "narrow", "sign_space", "fixed",
                                            "mixed")])


@pytest.mark.parametrize("name,opt", sorted(set(_PAIRS)))
def test_array2string(name, opt):
    a, c = ARRAYS[name](np), ARRAYS[name](cnp)
    kw = OPTIONS[opt]
    assert _outcome(lambda: np.array2string(a, **kw)) == \
        _outcome(lambda: cnp.array2string(c, **kw))


@pytest.mark.parametrize("name", ARRAYS)
@pytest.mark.parametrize("kw", [dict(max_line_width=30), dict(precision=3, suppress_small=True)],
                         ids=["narrow", "precision"])
@pytest.mark.parametrize("fn", ["array_repr", "array_str"])
def test_array_repr_str(name, kw, fn):
    a, c = ARRAYS[name](np), ARRAYS[name](cnp)
    assert getattr(np, fn)(a, **kw) == getattr(cnp, fn)(c, **kw)


def test_array2string_follows_print_options():
    a = np.arange(12.) / 7
    with np.printoptions(precision=3, linewidth=30), cnp.printoptions(precision=3, linewidth=30):
        assert np.array2string(a) == cnp.array2string(cnp.array(a))
        assert np.array_repr(a) == cnp.array_repr(cnp.array(a))


def test_array2string_style_deprecated():
    with pytest.warns(DeprecationWarning, match="'style' argument is deprecated"):
        cnp.array2string(cnp.arange(3), style=repr)


# ---- the C printer's edges (cnp_format_float / cnp_array2string) ----------------------------
@pytest.mark.parametrize("x", [1e308, -1.7976931348623157e308, 5e-324, -0.1, 123.5])
@pytest.mark.parametrize("kw", [dict(precision=16382, min_digits=16382),
                                dict(precision=16383, unique=False, fractional=False),
                                dict(precision=16390, unique=False, pad_left=20, sign=True),
                                dict(min_digits=2000, trim=".")], ids=str)
def test_format_float_buffer_limit(x, kw):
    """NumPy cuts results at its 16383-character Dragon4 buffer; so does the C port."""
    assert cnp.format_float_positional(x, **kw) == np.format_float_positional(x, **kw)
    kw.pop("fractional", None)
    assert cnp.format_float_scientific(x, **kw) == np.format_float_scientific(x, **kw)


def test_format_float_int_overflow():
    assert _outcome(lambda: cnp.format_float_positional(1.0, precision=2**40)) == \
        _outcome(lambda: np.format_float_positional(1.0, precision=2**40))


@pytest.mark.parametrize("kw", [
    dict(threshold=5, edgeitems=0, formatter={"float": lambda x: "<%g>" % x}),
    dict(threshold=5, edgeitems=1, formatter={"all": lambda x: "a\nbb"}, max_line_width=12),
    dict(threshold=5, edgeitems=2, formatter={"int": lambda x: str(x)}),
    dict(formatter={"float_kind": lambda x: "%.1f" % x}, separator=", ", prefix="ab(",
         suffix=")", max_line_width=16)], ids=str)
@pytest.mark.parametrize("shape", [(7,), (3, 4), (2, 3, 4), ()])
def test_array2string_formatter_texts(kw, shape):
    """formatter= texts are computed on the shown corners and placed by the C layout."""
    a = np.arange(float(np.prod(shape))).reshape(shape) * 1.5
    assert cnp.array2string(cnp.array(a), **kw) == np.array2string(a, **kw)


def test_array2string_datetime_formatter():
    a = np.arange(4).astype("M8[D]")
    c = cnp.array([0, 1, 2, 3]).astype("M8[D]")
    kw = dict(formatter={"datetime": lambda x: "<%s>" % x})
    assert cnp.array2string(c, **kw) == np.array2string(a, **kw)
    assert cnp.array2string(c) == np.array2string(a)


# ---- legacy='1.13' / '1.21' (set_printoptions and per call) -----------------------------------
LEGACY_ARRAYS = {
    "float": lambda m: m.array([1.5, -2, 3]),
    "float_pos": lambda m: m.array([1.5, 2, 3]),
    "float_0d": lambda m: m.array(0.1),
    "float32_0d": lambda m: m.array(0.1, dtype="f4"),
    "float16": lambda m: m.array([0.1, 0.2], dtype="f2"),
    "int_0d": lambda m: m.array(5),
    "bool_0d": lambda m: m.array(True),
    "complex_0d": lambda m: m.array(1 + 2j),
    "imag_0d": lambda m: m.array(2j),
    "complex_neg0_0d": lambda m: m.array(complex(1.5, -0.0)),
    "str_0d": lambda m: m.array("abc"),
    "bytes_0d": lambda m: m.array(b"abc"),
    "bool": lambda m: m.array([True, False]),
    "int": lambda m: m.arange(3),
    "int8": lambda m: m.arange(3, dtype="i1"),
    "complex": lambda m: m.array([1 + 2j, 3 - 1j]),
    "complex_mixed": lambda m: m.array([1.5 + 2j, 3 - 1.25j, 0.1j]),
    "complex64": lambda m: m.array([1 + 0j, 2.5 - 1j], dtype="c8"),
    "long_digits": lambda m: m.array([0.12345678912]),
    "exp": lambda m: m.array([1e-10, 1, 1e10]),
    "exp_neg": lambda m: m.array([-1e-10, 1, 1e10]),
    "exp_big": lambda m: m.array([1e20, -1.0]),
    "summarised": lambda m: m.arange(2000.0),
    "summarised_int": lambda m: m.arange(2000),
    "summarised_2d": lambda m: m.arange(3000.0).reshape(30, 100),
    "summarised_rows": lambda m: m.arange(1100).reshape(11, 100),
    "wrapped": lambda m: m.linspace(0, 1, 30),
    "two_d": lambda m: m.arange(12.0).reshape(3, 4) / 7,
    "three_d": lambda m: m.arange(24).reshape(2, 3, 4),
    "nonfinite": lambda m: m.array([1.5, m.nan, -m.inf]),
    "nan_first": lambda m: m.array([m.nan, 1.0]),
    "str": lambda m: m.array(["a", "bcd"]),
    "bytes": lambda m: m.array([b"a", b"bcd"]),
    "float32": lambda m: m.array([0.1, 0.25], dtype="f4"),
    "empty": lambda m: m.zeros((0, 3)),
    "record": lambda m: m.zeros(2, dtype=[("x", "f8"), ("y", "i4")]),
    "neg_zero": lambda m: m.array([-0.0, 1.0]),
}


def _legacy_outcome(m, legacy, fn, kind, opts):
    m.set_printoptions(legacy=legacy, **opts)
    try:
        a = LEGACY_ARRAYS[fn](m)
        if kind == "repr":
            return _outcome(lambda: repr(a))
        if kind == "str":
            return _outcome(lambda: str(a))
        return _outcome(lambda: m.array2string(a, separator=", ", prefix="xx("))
    finally:
        m.set_printoptions(legacy=False, linewidth=75, precision=8, floatmode="maxprec")


@pytest.mark.parametrize("legacy", ["1.13", "1.21"])
@pytest.mark.parametrize("fn", sorted(LEGACY_ARRAYS))
@pytest.mark.parametrize("kind", ["repr", "str", "array2string"])
def test_legacy_modes(legacy, fn, kind):
    assert _legacy_outcome(np, legacy, fn, kind, {}) == _legacy_outcome(cnp, legacy, fn, kind, {})


@pytest.mark.parametrize("opts", [dict(linewidth=40), dict(precision=3, floatmode="fixed"),
                                  dict(floatmode="unique"), dict(suppress=True),
                                  dict(floatmode="maxprec_equal", precision=4)], ids=str)
@pytest.mark.parametrize("fn", ["float", "exp", "exp_big", "summarised_2d", "wrapped",
                                "complex_mixed", "nonfinite", "int8"])
def test_legacy_with_options(opts, fn):
    for kind in ("repr", "str"):
        assert _legacy_outcome(np, "1.13", fn, kind, opts) == \
            _legacy_outcome(cnp, "1.13", fn, kind, opts)


# ---- scalars and dtypes under legacy modes (NumPy's scalartypes.c legacy formats, _dtype.py's
# compact dict spelling up to '1.21') --------------------------------------------------------
LEGACY_SCALARS = {
    "f8": lambda m: m.float64(0.1), "f8_big": lambda m: m.float64(1e20),
    "f8_int": lambda m: m.float64(3.0), "f8_nan": lambda m: m.float64("nan"),
    "f8_inf": lambda m: m.float64("-inf"), "f8_long": lambda m: m.float64(0.12345678912345678),
    "f8_neg0": lambda m: m.float64(-0.0), "f8_small": lambda m: m.float64(1e-7),
    "f4": lambda m: m.float32(0.1), "f4_big": lambda m: m.float32(1e20),
    "f4_int": lambda m: m.float32(3), "f2": lambda m: m.float16(0.1), "f2_int": lambda m: m.float16(-2),
    "c16": lambda m: m.complex128(1 + 2j), "c16_frac": lambda m: m.complex128(0.1 + 0.2j),
    "c8": lambda m: m.complex64(0.1 + 2j), "c16_imag": lambda m: m.complex128(0.5j),
    "c16_nan": lambda m: m.complex128(complex(float("nan"), 1)),
    "c16_nan_imag": lambda m: m.complex128(complex(1, float("nan"))),
    "c16_inf_imag": lambda m: m.complex128(complex(0, float("-inf"))),
    "c16_neg0": lambda m: m.complex128(complex(-0.0, 1)), "c8_inf": lambda m: m.complex64(complex(2, float("inf"))),
    "i8": lambda m: m.int64(5), "i1": lambda m: m.int8(-3), "u8": lambda m: m.uint64(7),
    "bool": lambda m: m.bool_(True), "str": lambda m: m.str_("abc"), "bytes": lambda m: m.bytes_(b"ab"),
    "record": lambda m: m.zeros(1, [("x", "f8"), ("y", "i4")])[0],
    "0d_f": lambda m: m.array(1.5), "0d_f01": lambda m: m.array(0.1), "0d_c": lambda m: m.array(1 + 0.5j),
    "dtype_offsets": lambda m: m.dtype({"names": ["a", "b"], "formats": ["i1", "f8"], "offsets": [0, 8],
                                        "itemsize": 24}),
    "dtype_aligned": lambda m: m.dtype([("a", "i1"), ("b", "f8")], align=True),
    "dtype_titles": lambda m: m.dtype({"names": ["a", "b"], "formats": ["i1", "f8"], "offsets": [0, 4],
                                       "titles": ["A", None], "itemsize": 16}),
    "dtype_nested": lambda m: m.dtype([("n", m.dtype({"names": ["a"], "formats": ["i4"], "offsets": [4],
                                                      "itemsize": 8})), ("s", "f4", (2,))]),
    "arr_offsets": lambda m: m.zeros(2, m.dtype({"names": ["a", "b"], "formats": ["i1", "f8"],
                                                 "offsets": [0, 8], "itemsize": 24})),
    "arr_aligned": lambda m: m.zeros(2, m.dtype([("a", "i1"), ("b", "f8")], align=True)),
    "arr_plain_record": lambda m: m.zeros(2, [("x", "f8"), ("y", "i4")]),
}


@pytest.mark.parametrize("legacy", ["1.13", "1.21", False])
@pytest.mark.parametrize("fn", sorted(LEGACY_SCALARS))
def test_legacy_scalars_and_dtypes(legacy, fn):
    def texts(m):
        m.set_printoptions(legacy=legacy)
        try:
            v = LEGACY_SCALARS[fn](m)
            return _outcome(lambda: repr(v)), _outcome(lambda: str(v))
        finally:
            m.set_printoptions(legacy=False)
    assert texts(cnp) == texts(np)


def test_legacy_scalars_follow_the_context_manager():
    def texts(m):
        with m.printoptions(legacy="1.13"):
            inside = repr(m.float64(0.1)), str(m.float32(0.1)), repr(m.dtype([("a", "i1"), ("b", "f8")], align=True))
        return inside, repr(m.float64(0.1))
    assert texts(cnp) == texts(np)


def _warned(f):
    import warnings as w
    with w.catch_warnings(record=True) as rec:
        w.simplefilter("always")
        r = _outcome(f)
    return r, [(x.category.__name__, str(x.message)) for x in rec]


LEGACY_CALLS = {
    "a2s": lambda m: m.array2string(m.array([1.5, 2]), legacy="1.13"),
    "a2s_0d": lambda m: m.array2string(m.array(0.5), legacy="1.13"),
    "a2s_0d_style": lambda m: m.array2string(m.array(0.5), legacy="1.13", style=str),
    "a2s_style_warns": lambda m: m.array2string(m.array([0.5]), style=str),
    "a2s_bad": lambda m: m.array2string(m.array([1.5, 2]), legacy="1.14"),
    "a2s_sign_plus": lambda m: m.array2string(m.array([1.5, 2]), legacy="1.13", sign="+"),
    "a2s_width": lambda m: m.array2string(m.linspace(0, 1, 40), legacy="1.13",
                                          max_line_width=30),
    "a2s_fixed": lambda m: m.array2string(m.linspace(0, 1, 40), legacy="1.13", precision=3,
                                          floatmode="fixed"),
    "a2s_suppress": lambda m: m.array2string(m.array([1e-6, 1.0]), legacy="1.13",
                                             suppress_small=True),
    "a2s_off_in_legacy": lambda m: (m.set_printoptions(legacy="1.13"),
                                    m.array2string(m.array([1.5, 2]), legacy=False),
                                    m.set_printoptions(legacy=False))[1],
    "set_resets_sign": lambda m: (m.set_printoptions(legacy="1.13", sign="+"),
                                  m.get_printoptions()["sign"], m.get_printoptions()["legacy"],
                                  m.set_printoptions(legacy=False, sign="-"))[1:3],
    "set_121": lambda m: (m.set_printoptions(legacy="1.21"), m.get_printoptions()["legacy"],
                          m.set_printoptions(legacy=False))[1],
    "set_zero_is_false": lambda m: (m.set_printoptions(legacy="1.13"),
                                    m.set_printoptions(legacy=0),
                                    m.get_printoptions()["legacy"])[2],
    "context": lambda m: (lambda cm: (cm.__enter__(), m.get_printoptions()["legacy"],
                                      cm.__exit__(None, None, None),
                                      m.get_printoptions()["legacy"])[1::2])(
        m.printoptions(legacy="1.13")),
    "array_repr_args": lambda m: (m.set_printoptions(legacy="1.13"),
                                  m.array_repr(m.array([True, False]), max_line_width=20),
                                  m.array_repr(m.array(2.5), precision=3),
                                  m.array_repr(m.array(["abc", "d"]), precision=3),
                                  m.array_str(m.array(2.5), precision=3),
                                  m.set_printoptions(legacy=False))[1:5],
}


@pytest.mark.parametrize("name", sorted(LEGACY_CALLS))
def test_legacy_calls(name):
    try:
        exp = _warned(lambda: LEGACY_CALLS[name](np))
    finally:
        np.set_printoptions(legacy=False, sign="-")
    try:
        got = _warned(lambda: LEGACY_CALLS[name](cnp))
    finally:
        cnp.set_printoptions(legacy=False, sign="-")
    assert got == exp
