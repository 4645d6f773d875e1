"""What a new user touches in the first minutes (issue 16): NumPy's module constants, info() and
show_config(), print options given as infinity or out of the C field's range, and arrays made
from objects whose exported memory is owned by a temporary (NumPy scalars)."""
import array
import contextlib
import gc
import io
import math
import sys

import numpy as np
import pytest

import cnumpy as cnp
from cnp_helpers import check, same_error

FLOATS = ["nan", "inf", "NaN", "NAN", "Inf", "Infinity", "PINF", "NINF", "PZERO", "NZERO", "pi",
          "e", "euler_gamma"]


@pytest.mark.parametrize("name", FLOATS)
def test_float_constants(name):
    got, want = getattr(cnp, name), getattr(np, name)
    assert type(got) is type(want) is float
    assert math.copysign(1, got) == math.copysign(1, want)
    assert got == want or (math.isnan(got) and math.isnan(want))
    assert name in cnp.__all__


def test_little_endian_and_typecodes():
    assert type(cnp.little_endian) is bool and cnp.little_endian == np.little_endian
    assert cnp.typecodes == np.typecodes
    assert type(cnp.typecodes) is dict


def _names(types):
    return [t.__name__ for t in types]


def test_sctypes_list_numpys_types_that_cnumpy_has():
    for kind in ("int", "uint", "float", "complex", "others"):
        have = [t for t in np.sctypes[kind] if t.__name__ in _names(cnp.sctypes[kind])]
        assert _names(cnp.sctypes[kind]) == _names(have), kind
    for kind in ("int", "uint"):
        assert _names(cnp.sctypes[kind]) == _names(np.sctypes[kind])
        for t in cnp.sctypes[kind]:
            assert t is getattr(cnp, t.__name__)
    assert cnp.sctypes["others"] == [bool, object, bytes, str]


def test_scalar_type_tuple():
    assert type(cnp.ScalarType) is tuple
    assert cnp.ScalarType[:7] == np.ScalarType[:7]
    order = [n for n in _names(np.ScalarType[7:]) if hasattr(cnp, n) and n not in ("longlong", "ulonglong")]
    assert _names(cnp.ScalarType[7:]) == order
    # what NumPy users do with it
    for v in (1, 2.5, 1j, True, cnp.float32(1), cnp.int8(3)):
        assert isinstance(v, cnp.ScalarType)


def test_version_string():
    assert isinstance(cnp.__version__, str)
    assert cnp.__version__.count(".") == 2


def _info(mod, obj, **kw):
    out = io.StringIO()
    mod.info(obj, output=out, **kw)
    return out.getvalue()


def _long_signature(a, bbbbbbbbbbbbbbbbbbbbbbbb=1, ccccccccccccccccccccccccccccccccccccccc=2,
                    dddddddddddddddddddddddddddd=3, e=4):
    """A function with a signature too long for one line."""


class _Documented:
    """A class.

    With a longer description."""

    def method(self):
        """Does something."""


@pytest.mark.parametrize("obj", [_long_signature, _Documented, math.hypot, "not a name"],
                         ids=["function", "class", "builtin", "unknown name"])
def test_info_matches_numpy(obj):
    assert _info(cnp, obj) == _info(np, obj)


@pytest.mark.parametrize("maxwidth", [20, 40, 76])
def test_info_wraps_signatures_like_numpy(maxwidth):
    assert _info(cnp, _long_signature, maxwidth=maxwidth) == _info(np, _long_signature, maxwidth=maxwidth)


@pytest.mark.parametrize("make", [
    lambda xp: xp.zeros((2, 3)),
    lambda xp: xp.arange(12, dtype="int16").reshape(3, 4)[:, ::-2],
    lambda xp: xp.ones((3, 2), dtype="complex64").T,
    lambda xp: xp.zeros(()),
], ids=["2-d", "negative strides", "transposed", "0-d"])
def test_info_of_arrays(make):
    def lines(mod):
        return [ln for ln in _info(mod, make(mod)).splitlines() if not ln.startswith("data pointer")]
    assert lines(cnp) == lines(np)
    a = make(cnp)
    assert "data pointer: %s" % hex(a.__array_interface__["data"][0]) in _info(cnp, a)


def test_info_name_lookup_finds_cnumpy_functions():
    text = _info(cnp, "inv")
    assert "*** Found in cnumpy.linalg ***" in text and "inv(a)" in text
    assert "*** Total of 1 references found. ***" in text
    assert _info(cnp, "no_such_function_anywhere") == "Help for no_such_function_anywhere not found.\n"


def test_info_default_describes_info():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        cnp.info()
    assert out.getvalue().startswith(" info(object=None, maxwidth=76, output=None")


def test_show_config_names_the_build():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cnp.show_config() is None
    text = out.getvalue()
    assert "version = %s" % cnp.__version__ in text
    assert "backend = " in text and "libcnumpy" in text


# ---- print options --------------------------------------------------------------------------
@pytest.fixture
def restore_printoptions():
    saved = cnp.get_printoptions()
    yield
    cnp.set_printoptions(**{k: saved[k] for k in ("precision", "threshold", "edgeitems",
                                               "linewidth", "suppress", "sign", "floatmode")})


ARRAYS = [lambda m: m.arange(2000), lambda m: m.arange(2000.0) / 7,
          lambda m: m.arange(24).reshape(2, 3, 4), lambda m: m.arange(1), lambda m: m.arange(2),
          lambda m: m.zeros(0), lambda m: m.linspace(0, 1, 30).reshape(5, 6)]

OPTIONS = [dict(threshold=float("inf")), dict(threshold=sys.maxsize), dict(threshold=2**64 - 1),
           dict(threshold=1.5), dict(threshold=True), dict(threshold=0), dict(threshold=10.0),
           dict(edgeitems=2**62, threshold=5), dict(edgeitems=2**31, threshold=5),
           dict(edgeitems=0, threshold=5), dict(edgeitems=True, threshold=5),
           dict(edgeitems=float("inf"), threshold=5),
           dict(linewidth=float("inf")), dict(linewidth=2**70), dict(linewidth=2.5),
           dict(linewidth=40.9), dict(linewidth=float("inf"), threshold=float("inf"))]


@pytest.mark.parametrize("kw", OPTIONS, ids=repr)
def test_printoptions_numpy_accepts(kw, restore_printoptions):
    with np.printoptions(**kw), cnp.printoptions(**kw):
        got, want = cnp.get_printoptions(), np.get_printoptions()
        for k, v in kw.items():
            assert got[k] == want[k] and type(got[k]) is type(want[k]), k
        for make in ARRAYS:
            assert repr(make(cnp)) == repr(make(np))
            assert str(make(cnp)) == str(make(np))
    assert cnp.get_printoptions()["threshold"] == 1000


@pytest.mark.parametrize("kw", [dict(threshold=float("nan")), dict(threshold="1000"),
                                dict(threshold=None and 1 or [1]), dict(threshold=2**64),
                                dict(threshold=-2**63 - 1),
                                dict(precision=1.5), dict(precision=float("inf")),
                                dict(sign="x"), dict(floatmode="f")],
                         ids=repr)
def test_printoptions_errors_like_numpy(kw, restore_printoptions):
    before = cnp.get_printoptions()
    same_error(lambda m: m.set_printoptions(**kw))
    np.set_printoptions(precision=8, threshold=1000)
    assert cnp.get_printoptions() == before


def _numpy_repr_fails(kw, a):
    try:
        with np.printoptions(**kw):
            repr(a)
    except (TypeError, OverflowError):
        return True
    return False


@pytest.mark.parametrize("kw, exc", [
    (dict(edgeitems=1.5), TypeError), (dict(edgeitems="3"), TypeError),
    (dict(linewidth="75"), TypeError), (dict(threshold=1 + 2j), TypeError),
    (dict(precision=2**31), OverflowError)], ids=repr)
def test_printoptions_refused_up_front(kw, exc, restore_printoptions):
    # NumPy 1.24 stores these and fails when it next prints (summarises, wraps or formats) an
    # array (docs/numpy-differences.md); cnumpy raises the same exception type when the option
    # is set.
    assert _numpy_repr_fails(dict(kw, threshold=kw.get("threshold", 5)), np.arange(2000) / 3)
    before = cnp.get_printoptions()
    with pytest.raises(exc):
        cnp.set_printoptions(**kw)
    assert cnp.get_printoptions() == before


def test_printoptions_nan_linewidth_refused(restore_printoptions):
    # NumPy 1.24 takes a NaN width as "never wrap"; cnumpy refuses the nonsense value
    before = cnp.get_printoptions()
    with pytest.raises(TypeError, match="linewidth must be an integer"):
        cnp.set_printoptions(linewidth=float("nan"))
    assert cnp.get_printoptions() == before


@pytest.mark.parametrize("kw", [dict(edgeitems=-1), dict(edgeitems=-2**40), dict(linewidth=0),
                                dict(linewidth=-2**70), dict(threshold=-1), dict(threshold=-2.5)],
                         ids=repr)
def test_printoptions_negative_counts_refused(kw, restore_printoptions):
    before = cnp.get_printoptions()
    with pytest.raises(ValueError):
        cnp.set_printoptions(**kw)
    assert cnp.get_printoptions() == before


def test_printoptions_given_value_reported_only_while_in_effect(restore_printoptions):
    cnp.set_printoptions(threshold=float("inf"))
    assert cnp.get_printoptions()["threshold"] == float("inf")
    cnp.set_printoptions(precision=3)                  # other options keep it
    assert cnp.get_printoptions()["threshold"] == float("inf")
    cnp.set_printoptions(threshold=12)
    assert cnp.get_printoptions()["threshold"] == 12


# ---- lifetimes of zero-copy imports -----------------------------------------------------------
def _churn():
    """Make and drop objects that reuse freed memory of the sizes involved."""
    junk = [np.int8(5), np.float64(7.0), np.complex128(3j), np.uint16(9), np.zeros(1), np.ones(())]
    junk += [np.int8(i % 100) for i in range(200)] + [np.float64(i) for i in range(200)]
    del junk
    gc.collect()


SCALARS = [np.int8(-128), np.uint8(200), np.int16(-300), np.int32(-7), np.int64(-2**62),
           np.uint64(2**63 + 5), np.float16(1.5), np.float32(-2.25), np.float64(2.5),
           np.complex64(1 - 2j), np.complex128(3 + 4j), np.bool_(True)]


@pytest.mark.parametrize("scalar", SCALARS, ids=lambda s: type(s).__name__)
@pytest.mark.parametrize("fn", ["asarray", "array", "asanyarray", "ascontiguousarray"])
def test_numpy_scalar_exporter_dropped(scalar, fn):
    value = scalar.item()
    a = getattr(cnp, fn)(type(scalar)(value))       # the exporter is a temporary
    _churn()
    want = getattr(np, fn)(scalar)
    assert a.shape == want.shape and str(a.dtype) == str(want.dtype)
    assert a.tolist() == want.tolist()
    b = cnp.asarray([type(scalar)(value), type(scalar)(value)])
    _churn()
    assert b.tolist() == [value, value]


def test_numpy_array_exporter_dropped():
    a = cnp.asarray(np.arange(6.0).reshape(2, 3)[:, ::-1])
    _churn()
    assert a.tolist() == [[2.0, 1.0, 0.0], [5.0, 4.0, 3.0]]
    v = cnp.asarray(np.arange(5, dtype="int16")[::2])
    _churn()
    assert v.tolist() == [0, 2, 4]


class _InterfaceOwnsMemory:
    """An exporter whose interface dict alone owns the memory, like a NumPy scalar's."""

    @property
    def __array_interface__(self):
        buf = np.array([1.5, -2.5, 3.5])
        return {"data": (buf.ctypes.data, False), "shape": (3,), "typestr": "<f8", "version": 3,
                "__ref": buf}


def test_interface_dict_owning_the_memory():
    a = cnp.asarray(_InterfaceOwnsMemory())
    _churn()
    for _ in range(50):
        np.full(3, 9.0)
    assert a.tolist() == [1.5, -2.5, 3.5]


def test_buffer_protocol_exporter_dropped():
    a = cnp.asarray(memoryview(array.array("d", [1.0, 2.0, 3.0])))
    b = cnp.frombuffer(bytes(bytearray([1, 2, 3, 4])), dtype="uint8")
    c = cnp.asarray(bytearray(b"\x05\x06"))
    _churn()
    assert a.tolist() == [1.0, 2.0, 3.0] and b.tolist() == [1, 2, 3, 4] and c.tolist() == [5, 6]


def test_dlpack_exporter_dropped():
    a = cnp.from_dlpack(np.arange(4.0) * 2)
    _churn()
    assert a.tolist() == [0.0, 2.0, 4.0, 6.0]
    check(lambda m: m.from_dlpack(np.arange(3, dtype="int32")))
