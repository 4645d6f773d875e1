"""Shared helpers: run the same expression against NumPy and cnumpy and compare the outcomes.

Most tests are written as ``check(lambda xp: xp.zeros((2, 3), dtype="int8"))``: the lambda is run
once with ``xp = numpy`` and once with ``xp = cnumpy``; either both succeed and the results are
compared (type, shape, dtype, values bit-exactly including the sign of zero, optionally strides),
or both raise and the exceptions are compared (compatible class, identical message).
"""
import math
import warnings

import numpy as np
import pytest

import cnumpy as cnp

# --------------------------------------------------------------------------------------------
# dtype tables

BOOL = ["bool"]
SIGNED = ["int8", "int16", "int32", "int64"]
UNSIGNED = ["uint8", "uint16", "uint32", "uint64"]
INTS = SIGNED + UNSIGNED
FLOATS = ["float16", "float32", "float64"]
COMPLEXES = ["complex64", "complex128"]
ALL_DTYPES = [
    "bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
    "float16", "float32", "float64", "complex64", "complex128",
]
NUMERIC = [d for d in ALL_DTYPES if d != "bool"]
CASTINGS = ["no", "equiv", "safe", "same_kind", "unsafe"]

# Audit datasets
NAN = float("nan")
INF = float("inf")
DS_ARRAY_1 = [0, 1, -2, 3, 4, -5, 6]
DS_ARRAY_2 = [[1, 2, 3], [4, 5, 6]]
DS_ARRAY_3 = [0.0, -1.5, 2.25, NAN, INF, -INF]
DS_ARRAY_4 = [True, False, True, False, True]
DS_ARRAY_7 = [1 + 2j, -3 + 0.5j, 0 - 1j]
DATASETS = {
    "DS-ARRAY-1": DS_ARRAY_1,
    "DS-ARRAY-2": DS_ARRAY_2,
    "DS-ARRAY-3": DS_ARRAY_3,
    "DS-ARRAY-4": DS_ARRAY_4,
    "DS-ARRAY-7": DS_ARRAY_7,
}

# --------------------------------------------------------------------------------------------
# values that exercise every cast (negatives, extremes, rounding, nan/inf)


def values_for(dtype):
    """A list of Python values representative of `dtype` (all exactly representable in it,
    except for float16/float32 where NumPy's own conversion of the literal is part of the test)."""
    dt = np.dtype(dtype)
    if dt.kind == "b":
        return [True, False, True, True, False]
    if dt.kind in "iu":
        info = np.iinfo(dt)
        vals = {0, 1, 2, 7, 100, 127, info.max, info.max - 1, info.min}
        if dt.kind == "i":
            vals |= {-1, -2, -100, -128, info.min + 1}
        vals |= {v for v in (255, 256, 300, -129, 32767, 32768, 65535, 65536, -32769,
                             2 ** 31 - 1, 2 ** 31, -2 ** 31 - 1, 2 ** 32, 2 ** 53 + 1,
                             2 ** 63 - 1, 2 ** 63) if info.min <= v <= info.max}
        return sorted(vals)
    real = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 1.5, -1.5, 2.5, 2.7, -2.7, 100.25, -129.5,
            127.9, 128.0, 255.9, 256.0, 300.7, -300.7, 32767.5, 65504.0, 65520.0, 70000.0,
            -70000.0, 2.0 ** 31, -2.0 ** 31 - 1024, 4.5e9, -4.5e9, 2.0 ** 63, -2.0 ** 63,
            1.5e19, 2.0 ** 64, 1e20, -1e20, 1e-8, 6e-8, 1e-40, 3.4028235e38, 1e300,
            1.0 + 2.0 ** -11 + 2.0 ** -40, 1.0 + 2.0 ** -24 + 2.0 ** -60, NAN, INF, -INF]
    if dt.kind == "f":
        return real
    imag = [0.0, 1.0, -2.5, NAN, INF, 0.5, -0.0, 3.0]
    return [complex(r, imag[i % len(imag)]) for i, r in enumerate(real)]


def arr(xp, vals, dtype):
    """xp.array(vals, dtype=dtype) with NumPy's conversion of the Python values on both sides
    (cnumpy copies NumPy's array), so that tests of other functions do not depend on
    cnumpy.array's own conversion of Python lists (tested in test_creation)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        n = np.array(vals, dtype=dtype)
    return n if xp is np else cnp.array(n)


def stable_cast_values(vals, src, dst):
    """The values among `vals` whose cast src -> dst NumPy computes the same way whatever the
    memory layout and position in the array.

    Float -> integer casts of nan/inf/out-of-range values are undefined behaviour in C. On
    x86-64 NumPy's results for them are mostly fixed (what cnumpy matches), but for some
    targets (e.g. uint32) its SIMD body, its scalar tail and its strided loop disagree: nan ->
    uint32 gives 2147483648 mid-array and 0 as the last element. Such values have no single
    NumPy answer to compare with and are left out; everything else is kept."""
    sk, dk = np.dtype(src).kind, np.dtype(dst).kind
    if sk not in "fc" or dk not in "iu":
        return list(vals)
    out = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        contiguous = np.array(vals, dtype=src).astype(dst)
        strided = np.array(vals, dtype=src)[::-1].astype(dst)[::-1]
        for i, v in enumerate(vals):
            results = {contiguous[i].item(), strided[i].item()}
            results.add(np.array([v], dtype=src).astype(dst)[0].item())
            block = np.array([v] * 37, dtype=src)
            results.update(block.astype(dst).tolist())
            results.update(block[::-3].astype(dst).tolist())
            if len(results) == 1:
                out.append(v)
    return out


def defined_cast_values(src, dst):
    """values_for(src) restricted to stable_cast_values."""
    return stable_cast_values(values_for(src), src, dst)


# --------------------------------------------------------------------------------------------
# comparison


def dtype_name(dt):
    return np.dtype(dt).name


def _assert_values_equal(got, exp, what=""):
    """Bit-exact for these creation/view functions: NaN-aware, signed zeros must agree."""
    assert got.shape == exp.shape, "%s shape %r != %r" % (what, got.shape, exp.shape)
    if exp.dtype.kind == "c":
        _assert_values_equal(np.ascontiguousarray(got.real), np.ascontiguousarray(exp.real),
                             what + " (real part)")
        _assert_values_equal(np.ascontiguousarray(got.imag), np.ascontiguousarray(exp.imag),
                             what + " (imaginary part)")
        return
    np.testing.assert_array_equal(got, exp, err_msg=what)
    if exp.dtype.kind == "f" and exp.size:
        gs = np.signbit(got) & ~np.isnan(got)
        es = np.signbit(exp) & ~np.isnan(exp)
        np.testing.assert_array_equal(gs, es, err_msg=what + " (sign bits, e.g. -0.0 vs 0.0)")


def _assert_values_within_ulp(got, exp, maxulp, what=""):
    """For results of transcendental ufuncs (power, log10): NumPy's own values depend on the
    CPU it runs on (SVML on AVX-512 machines vs libm elsewhere), so exact equality is not
    NumPy's behaviour; nan/inf positions must still agree exactly."""
    if exp.dtype.kind == "c":
        _assert_values_within_ulp(np.ascontiguousarray(got.real), np.ascontiguousarray(exp.real),
                                  maxulp, what + " (real part)")
        _assert_values_within_ulp(np.ascontiguousarray(got.imag), np.ascontiguousarray(exp.imag),
                                  maxulp, what + " (imaginary part)")
        return
    if exp.dtype.kind != "f":
        _assert_values_equal(got, exp, what)
        return
    np.testing.assert_array_equal(np.isnan(got), np.isnan(exp), err_msg=what + " (nan positions)")
    np.testing.assert_array_equal(np.isinf(got), np.isinf(exp), err_msg=what + " (inf positions)")
    fin = np.isfinite(exp)
    np.testing.assert_array_equal(got[~fin & ~np.isnan(exp)], exp[~fin & ~np.isnan(exp)],
                                  err_msg=what)
    np.testing.assert_array_max_ulp(got[fin], exp[fin], maxulp=maxulp)


def assert_array_same(got, exp, strides=False, what="result", ulp=None):
    """`got` (a cnumpy.ndarray) matches `exp` (a numpy.ndarray)."""
    assert isinstance(got, cnp.ndarray), "%s: expected a cnumpy.ndarray, got %r" % (what, type(got))
    shape = got.shape
    assert type(shape) is tuple and all(type(s) is int for s in shape), \
        "%s: shape must be a tuple of ints, got %r" % (what, shape)
    assert shape == exp.shape, "%s: shape %r != numpy's %r" % (what, shape, exp.shape)
    assert got.ndim == exp.ndim
    assert got.size == exp.size
    assert str(got.dtype) == str(exp.dtype), \
        "%s: dtype %s != numpy's %s" % (what, got.dtype, exp.dtype)
    assert got.dtype == exp.dtype.name
    assert got.itemsize == exp.itemsize
    assert got.nbytes == exp.nbytes
    view = np.asarray(got)
    assert view.dtype == exp.dtype, "%s: numpy.asarray gives %s" % (what, view.dtype)
    assert view.shape == exp.shape
    if strides and exp.size > 0:
        gs, es = tuple(got.strides), exp.strides
        if strides == "nonunit":  # strides of length-1 axes do not matter for the layout
            gs = tuple(s if n > 1 else None for s, n in zip(gs, exp.shape))
            es = tuple(s if n > 1 else None for s, n in zip(es, exp.shape))
        assert gs == es, "%s: strides %r != numpy's %r" % (what, got.strides, exp.strides)
        assert view.strides == tuple(got.strides)
    if ulp is None:
        _assert_values_equal(view, exp, what)
    else:
        _assert_values_within_ulp(view, exp, ulp, what)


def assert_scalar_same(got, exp, what="scalar"):
    """`got` is a cnumpy scalar matching the numpy scalar `exp` (dtype and value)."""
    assert not isinstance(got, cnp.ndarray), "%s: expected a scalar, got a cnumpy.ndarray" % what
    assert str(got.dtype) == exp.dtype.name, "%s: dtype %s != %s" % (what, got.dtype, exp.dtype)
    arr = np.asarray(got)
    assert arr.dtype == exp.dtype and arr.shape == ()
    _assert_values_equal(arr, np.asarray(exp), what)


def _same_python_value(got, exp):
    if isinstance(exp, float) and math.isnan(exp):
        return isinstance(got, float) and math.isnan(got)
    if isinstance(exp, complex):
        return (_same_python_value(got.real, exp.real) and _same_python_value(got.imag, exp.imag))
    if isinstance(exp, float) and exp == 0.0:
        return got == 0.0 and math.copysign(1.0, got) == math.copysign(1.0, exp)
    return got == exp


def assert_same(got, exp, strides=False, what="result", ulp=None):
    """Dispatch on the type of the NumPy result."""
    if isinstance(exp, np.ndarray):
        assert_array_same(got, exp, strides=strides, what=what, ulp=ulp)
    elif isinstance(exp, np.generic):
        assert_scalar_same(got, exp, what=what)
    elif isinstance(exp, np.dtype):
        assert isinstance(got, cnp.dtype), "%s: expected a cnumpy.dtype, got %r" % (what, got)
        assert got == exp.name and got.name == exp.name, "%s: %r != %r" % (what, got, exp)
    elif isinstance(exp, (tuple, list)):
        assert type(got) is type(exp), \
            "%s: %s is not a %s" % (what, describe(got), type(exp).__name__)
        assert len(got) == len(exp), "%s: length %d != %d" % (what, len(got), len(exp))
        for i, (g, e) in enumerate(zip(got, exp)):
            assert_same(g, e, strides=strides, what="%s[%d]" % (what, i), ulp=ulp)
    elif exp is None or isinstance(exp, (bool, int, float, complex, str)):
        assert type(got) is type(exp), "%s: %s (%s) != numpy's %r (%s)" % (
            what, describe(got), type(got).__name__, exp, type(exp).__name__)
        assert _same_python_value(got, exp), "%s: %r != numpy's %r" % (what, got, exp)
    else:  # pragma: no cover - a test bug
        raise AssertionError("don't know how to compare %r" % (exp,))


def expected_exception_class(exc):
    """cnumpy's class for the exception NumPy raised."""
    if isinstance(exc, np.AxisError):
        return cnp.AxisError
    return type(exc)


def assert_same_error(got, exp):
    if isinstance(exp, np.core._exceptions.UFuncTypeError):
        # NumPy raises private subclasses displayed as UFuncTypeError; cnumpy raises its public
        # UFuncTypeError (a TypeError): matched by name and message.
        assert isinstance(got, TypeError) and type(got).__name__ == "UFuncTypeError", \
            "cnumpy raised %s(%r); numpy raised UFuncTypeError(%r)" % (type(got).__name__, str(got), str(exp))
        assert str(got) == str(exp), "message %r != numpy's %r" % (str(got), str(exp))
        return
    cls = expected_exception_class(exp)
    assert isinstance(got, cls) and type(got).__name__ == type(exp).__name__, \
        "cnumpy raised %s(%r); numpy raised %s(%r)" % (type(got).__name__, str(got),
                                                       type(exp).__name__, str(exp))
    if isinstance(exp, np.AxisError):
        assert isinstance(got, ValueError) and isinstance(got, IndexError)
    assert str(got) == str(exp), "message %r != numpy's %r" % (str(got), str(exp))


def describe(x):
    """A short description that never reads an array's data (which may be bogus)."""
    if isinstance(x, cnp.ndarray):
        return "cnumpy.ndarray(shape=%r, dtype=%s)" % (x.shape, x.dtype)
    if isinstance(x, np.ndarray) and x.size > 20:
        return "numpy.ndarray(shape=%r, dtype=%s)" % (x.shape, x.dtype)
    if isinstance(x, (tuple, list)):
        return "%s(%s)" % (type(x).__name__, ", ".join(describe(i) for i in x))
    return repr(x)


def run(fn, xp):
    """fn(xp) with warnings silenced: (result, exception)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return fn(xp), None
        except Exception as e:  # noqa: BLE001 - compared below
            return None, e


def check(fn, strides=False, ulp=None):
    """Run fn(numpy) and fn(cnumpy); compare results or errors. Returns (numpy result,
    cnumpy result). strides: False, True (exact, for non-empty arrays) or "nonunit" (ignore
    the strides of length-1 axes). ulp: None (bit-exact values) or the largest difference in
    units in the last place allowed for floats (only for results of transcendental ufuncs,
    whose NumPy values depend on the CPU)."""
    exp, exp_err = run(fn, np)
    got, got_err = run(fn, cnp)
    if exp_err is not None:
        if got_err is None:
            pytest.fail("numpy raised %s(%r) but cnumpy returned %s"
                        % (type(exp_err).__name__, str(exp_err), describe(got)))
        assert_same_error(got_err, exp_err)
        return exp_err, got_err
    if got_err is not None:
        raise AssertionError("cnumpy raised %s(%r); numpy returned %s"
                             % (type(got_err).__name__, str(got_err), describe(exp))) from got_err
    assert_same(got, exp, strides=strides, ulp=ulp)
    return exp, got


def check_error(fn):
    """Like check, but the NumPy side must raise (guards against a wrong test)."""
    exp, exp_err = run(fn, np)
    assert exp_err is not None, "test bug: numpy did not raise, returned %s" % describe(exp)
    return check(fn)


def flags_of(a):
    f = a.flags
    return {
        "c_contiguous": bool(f.c_contiguous),
        "f_contiguous": bool(f.f_contiguous),
        "writeable": bool(f.writeable),
        "owndata": bool(f.owndata),
    }


def random_array(rng, shape, dt=np.float64):
    """Random test data of any dtype: normal floats (complex: both parts), small ints, bools."""
    dt = np.dtype(dt)
    if dt.kind == "c":
        return (rng.standard_normal(shape) + 1j * rng.standard_normal(shape)).astype(dt)
    if dt.kind == "b":
        return rng.integers(0, 2, shape).astype(dt)
    if dt.kind in "iu":
        return rng.integers(0 if dt.kind == "u" else -9, 9, shape).astype(dt)
    return rng.standard_normal(shape).astype(dt)


def same_error(fn):
    """fn(np) and fn(cnp) raise the same exception type (by name) and message; a NumPy
    ValueError or TypeError must be one in cnumpy too."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(Exception) as e_np:
            fn(np)
        with pytest.raises(Exception) as e_cnp:
            fn(cnp)
    assert type(e_cnp.value).__name__ == type(e_np.value).__name__, (e_cnp.value, e_np.value)
    assert str(e_cnp.value) == str(e_np.value)
    for base in (ValueError, TypeError):
        if isinstance(e_np.value, base):
            assert isinstance(e_cnp.value, base)
