"""Issue 28, last part: ufunc attributes (types, ntypes, nin, nout, nargs, identity, signature)
against every NumPy ufunc cnumpy has, ndarray.getfield/setfield and the deprecated tostring."""
import warnings

import numpy as np
import pytest

import cnumpy as cnp
from cnp_helpers import check, check_error

_SUPPORTED = set("?bBhHiIlLqQefdFD")
_UFUNCS = sorted(n for n in dir(cnp) if isinstance(getattr(cnp, n), cnp.ufunc))


@pytest.mark.parametrize("name", _UFUNCS)
def test_ufunc_attributes(name):
    u, nu = getattr(cnp, name), getattr(np, name)
    # NumPy's list without the loops of types cnumpy does not have (long double, object,
    # datetime) and without its repeats (a SIMD loop and a legacy loop for the same types);
    # isnat, whose loops are all datetime ones, lists them as NumPy does
    expected = []
    for t in nu.types:
        if (set(t.replace("->", "")) <= _SUPPORTED or name == "isnat") and t not in expected:
            expected.append(t)
    assert u.types == expected
    assert u.ntypes == len(expected)
    for attr in ("nin", "nout", "nargs", "identity", "signature", "__name__"):
        assert getattr(u, attr) == getattr(nu, attr), attr


def test_ufunc_types_drive_calls():
    # every listed loop runs: inputs of the loop's types give outputs of its types
    for name in ("add", "divmod", "ldexp", "isnan", "logical_and", "sqrt", "left_shift"):
        u = getattr(cnp, name, None)
        if u is None:
            continue
        for t in u.types:
            ins, outs = t.split("->")
            args = [cnp.ones(2, dtype=c) for c in ins]
            res = u(*args)
            res = res if isinstance(res, tuple) else (res,)
            assert [r.dtype for r in res] == [cnp.dtype(c) for c in outs], (name, t)


FIELDS = {
    "imag": lambda m: (m.arange(3, dtype=m.complex128) + 1j).getfield(m.float64, 8),
    "real_f4": lambda m: (m.arange(3, dtype=m.complex64) * (1 - 2j)).getfield(m.float32),
    "int_bytes": lambda m: m.arange(4, dtype=m.int32).getfield(m.int16, 2),
    "subarray": lambda m: (m.arange(3, dtype=m.complex128) + 1j)[::-1].getfield("(2,)f4", 0),
    "2d_strided": lambda m: m.arange(12.).reshape(3, 4)[:, ::2].getfield(m.uint32, 4),
    "too_big": lambda m: m.arange(3.).getfield(m.float64, 1),
    "negative": lambda m: m.arange(3.).getfield(m.int8, -1),
    "wider": lambda m: m.arange(3, dtype=m.int32).getfield(m.int64),
}


@pytest.mark.parametrize("name", FIELDS)
def test_getfield(name):
    check(FIELDS[name])


def test_getfield_is_a_view():
    def fn(m):
        a = m.zeros(3)
        f = a.getfield(m.int32, 4)
        f[...] = 7
        return a, f.flags.writeable
    check(fn)


SETFIELDS = {
    "int16": lambda m: (m.int32, (5, m.int16, 2)),
    "imag": lambda m: (m.complex128, (m.array([1.5, 2, 3]), m.float64, 8)),
    "bool": lambda m: (m.int16, (True, m.bool_, 1)),
    "too_big": lambda m: (m.int16, (1, m.int32, 0)),
}


@pytest.mark.parametrize("name", SETFIELDS)
def test_setfield(name):
    def fn(m):
        dt, args = SETFIELDS[name](m)
        a = m.zeros(3, dtype=dt)
        a.setfield(*args)
        return a
    check(fn)


def test_setfield_readonly():
    check_error(lambda m: m.broadcast_to(m.zeros(3), (2, 3)).setfield(1, m.int8))


def test_tostring():
    with warnings.catch_warnings(record=True) as w_np:
        warnings.simplefilter("always")
        exp = np.arange(6, dtype=np.int16).reshape(2, 3).tostring(order="F")
    with warnings.catch_warnings(record=True) as w_c:
        warnings.simplefilter("always")
        got = cnp.arange(6, dtype=cnp.int16).reshape(2, 3).tostring(order="F")
    assert got == exp
    assert [(w.category, str(w.message)) for w in w_c] == \
        [(w.category, str(w.message)) for w in w_np]
    assert w_c[0].filename == __file__


# ---- signalling NaN: the classification ufuncs are silent ------------------------------------
_SNAN = {"float16": ("<H", 0x7c01), "float32": ("<I", 0x7f800001),
         "float64": ("<Q", 0x7ff0000000000001), "complex64": ("<II", 0x7f800001, 0),
         "complex128": ("<QQ", 0, 0x7ff4000000000000)}


@pytest.mark.parametrize("tname", list(_SNAN))
@pytest.mark.parametrize("fn", ["isnan", "isinf", "isfinite", "signbit"])
def test_classification_silent_on_signalling_nan(tname, fn):
    import struct
    fmt, *bits = _SNAN[tname]
    raw = struct.pack(fmt, *bits) * 3
    if fn == "signbit" and tname.startswith("complex"):
        pytest.skip("signbit has no complex loop")

    def run(m):
        a = m.frombuffer(raw, dtype=getattr(m, tname))
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            return getattr(m, fn)(a)
    check(run)


# ---- a ComplexWarning turned into an error through out= leaves out untouched -----------------
OUT_CASES = {
    "add": lambda m: m.add(m.array([1 + 2j, 3, 4]), 1, out=m.zeros(3), casting="unsafe"),
    "multiply_bcast": lambda m: m.multiply(m.array([1 + 2j, 3, 4]), m.array([[1], [2]]),
                                           out=m.zeros((2, 3)), casting="unsafe"),
    "dtype_complex": lambda m: m.add(m.arange(3), 1, out=m.zeros(3, m.int32), casting="unsafe",
                                     dtype=complex),
    "positional_out": lambda m: m.subtract(m.array([1j, 2]), 1, m.zeros(2), casting="unsafe"),
    "shape_error_first": lambda m: m.add(m.array([1 + 2j, 3, 4]), 1, out=m.zeros(2),
                                         casting="unsafe"),
    "same_kind": lambda m: m.add(m.array([1 + 2j, 3, 4]), 1, out=m.zeros(3)),
}


@pytest.mark.parametrize("name", OUT_CASES)
def test_complex_warning_error_leaves_out_untouched(name):
    def run(m):
        with warnings.catch_warnings():
            warnings.simplefilter("error", m.ComplexWarning)
            try:
                OUT_CASES[name](m)
            except Exception as e:    # the exception's name and message are compared
                return type(e).__name__, str(e)
        return None
    exp, got = run(np), run(cnp)
    assert exp is not None and got == exp


def test_complex_warning_error_out_values():
    def run(m):
        x = m.zeros(3)
        q = m.zeros((2, 3))
        with warnings.catch_warnings():
            warnings.simplefilter("error", m.ComplexWarning)
            try:
                m.multiply(m.array([1 + 2j, 3, 4]), m.array([[1], [2]]), out=q,
                           casting="unsafe")
            except m.ComplexWarning:
                pass
        with warnings.catch_warnings():
            warnings.simplefilter("error", m.ComplexWarning)
            try:
                m.add(m.array([1 + 2j, 3, 4]), 1, out=x, casting="unsafe")
            except m.ComplexWarning:
                pass
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            m.add(m.array([1 + 2j, 3, 4]), 1, out=x, casting="unsafe")
            y = m.absolute(m.array([3 + 4j, 1]), out=m.zeros(2), casting="unsafe")
        return x, y, q, [str(i.message) for i in w]
    check(run)


# ---- pinv: NumPy's bits (its final matmul through BLAS gemm at every size) ------------------
@pytest.mark.parametrize("shape", [(2, 2), (3, 5), (5, 5), (8, 6), (16, 16), (17, 17), (2, 3, 4),
                                   (4, 1), (1, 1)], ids=str)
@pytest.mark.parametrize("dt", ["float64", "float32", "complex128", "complex64"])
def test_pinv_bit_exact(shape, dt):
    rng = np.random.default_rng(sum(shape))
    a = rng.standard_normal(shape).astype(dt)
    if a.dtype.kind == "c":
        a = a + 1j * rng.standard_normal(shape).astype(dt)
    check(lambda m: m.linalg.pinv(m.array(a.tolist(), dtype=dt)))


REDUCE_OUT = {
    "reduce": lambda m, c, o: m.add.reduce(c, axis=0, out=o),
    "sum": lambda m, c, o: m.sum(c, axis=0, out=o),
    "prod": lambda m, c, o: m.prod(c, axis=0, out=o),
    "max": lambda m, c, o: m.maximum.reduce(c, axis=0, out=o),
    "accumulate": lambda m, c, o: m.add.accumulate(c[0], out=o),
    "reduceat": lambda m, c, o: m.add.reduceat(c[0], [0, 1], out=o),
    "mean": lambda m, c, o: m.mean(c, axis=0, out=o),
    "cumsum": lambda m, c, o: m.cumsum(c[0], out=o),
    "sum_dtype": lambda m, c, o: m.sum(m.ones((2, 2)), axis=0, dtype=complex, out=o),
}


@pytest.mark.parametrize("name", REDUCE_OUT)
def test_complex_warning_error_reductions_leave_out_untouched(name):
    def run(m):
        c = m.array([[1 + 2j, 3], [4, 5j]])
        o = m.zeros(2)
        with warnings.catch_warnings():
            warnings.simplefilter("error", m.ComplexWarning)
            try:
                REDUCE_OUT[name](m, c, o)
                err = None
            except Exception as e:  # the exception's name and message are compared
                err = (type(e).__name__, str(e))
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            o2 = m.zeros(2)
            try:
                REDUCE_OUT[name](m, c, o2)
            except Exception:
                pass
        # (NumPy's maximum.reduce warns twice; the values and the first warning are compared)
        return err, o.tolist(), o2.tolist(), sorted({str(i.message) for i in w})
    assert run(cnp) == run(np)
