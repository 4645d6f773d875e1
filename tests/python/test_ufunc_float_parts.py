"""modf, frexp, ldexp and heaviside against NumPy 1.24.

test_ufunc_values.py already runs them over every dtype with its special and random values (the
header lists them; modf/frexp with the unary ufuncs, ldexp/heaviside with the binary ones). This
file covers what is particular to them: the edge values each function defines (-0.0, inf, NaN,
subnormals, exponents beyond C's int), ldexp's integer exponent loops and their resolution,
two outputs with out= tuples, where= and dtype=, the ufunc methods, layouts (0-d, empty,
strided, reversed, broadcast) and float16 through float32. Everything is compared with NumPy:
values bit for bit, dtype, shape, warnings, exception class and message.
"""
import itertools
import math

import numpy as np
import pytest

import cnumpy as cnp
from cnp_ufunc_helpers import (assert_no_problems, check_outcome, np_array, outcome,
                               outcome_problems, reset_errstate, xp_array)


@pytest.fixture(autouse=True)
def _errstate():
    reset_errstate()
    yield
    reset_errstate()


FLOATS = ["float16", "float32", "float64"]
INTS = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64"]
NAN, INF = float("nan"), float("inf")

# Values each function treats specially, for every float type (out-of-range ones become inf).
EDGE = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 1.5, -2.5, 3.75, -7.0, 0.1, 1e-3, 2.0 ** 10 + 0.5,
        2.0 ** 23 + 0.5, 2.0 ** 52 + 0.5, 2.0 ** 53, -(2.0 ** 60) - 2048.0, 65504.0, 65520.0,
        6e-8, 6.1e-5, -6e-5, 1e-40, -1e-45, 1.4e-45, 1e-310, -5e-324, 2.2250738585072014e-308,
        1e300, -1.7976931348623157e308, NAN, -NAN, INF, -INF]
NAN_PAYLOADS = {"float16": [0x7e01, 0xfe00, 0x7c01, 0x7d55],  # quiet, negative, signalling
                "float32": [0x7fc00001, 0xffc00000, 0x7f800001, 0x7fa00000],
                "float64": [0x7ff8000000000001, 0xfff8000000000000, 0x7ff0000000000001]}
UINT = {"float16": "uint16", "float32": "uint32", "float64": "uint64"}


def _edge(dtype):
    x = np_array(EDGE, dtype)
    nans = np.array(NAN_PAYLOADS[dtype], dtype=UINT[dtype]).view(dtype)
    return np.concatenate([x, nans])


def _quiet_x(x):
    """x with its NaNs quiet, for heaviside's first operand: whether NumPy raises "invalid" on a
    signalling NaN there depends on its loop's code path (contiguous or strided), cnumpy never
    does (docs/numpy-differences.md)."""
    return np.where(np.isnan(x), np.array(NAN, x.dtype), x) if np.ndim(x) else x


def _check(fn, maxulp=None):
    check_outcome(fn, maxulp)


# --------------------------------------------------------------------------------------------
# values at the edges


@pytest.mark.parametrize("dtype", FLOATS)
@pytest.mark.parametrize("name", ["modf", "frexp"])
def test_edge_values(name, dtype):
    """modf(-0.0) = (-0, -0), modf(inf) = (0, inf), frexp(0) = (0, 0), frexp(inf/NaN) keep the
    value with exponent 0, subnormals, NaN payloads (signalling ones too)."""
    x = _edge(dtype)
    _check(lambda xp: getattr(xp, name)(xp_array(xp, x)))


@pytest.mark.parametrize("dtype", FLOATS)
def test_heaviside_edges(dtype):
    """NaN in x gives NumPy's canonical NaN whatever its payload; h0 (NaN payloads included) is
    taken at both zeros."""
    x = _quiet_x(_edge(dtype))
    for h in ([0.5], [NAN], [-0.0], [INF], [1e-40]):
        hv = np_array(h, dtype)
        _check(lambda xp: xp.heaviside(xp_array(xp, x), xp_array(xp, hv)))
        _check(lambda xp: xp.heaviside(xp_array(xp, hv), xp_array(xp, x)))
    x = _edge(dtype)  # h0 with signalling NaN payloads is returned as it is, without a flag
    _check(lambda xp: xp.heaviside(xp_array(xp, np_array([0.0] * len(x), dtype)), xp_array(xp, x)))
    nans = np.array(NAN_PAYLOADS[dtype], dtype=UINT[dtype]).view(dtype)
    zeros = np_array([0.0, -0.0, 0.0, -0.0][:len(nans)], dtype)
    _check(lambda xp: xp.heaviside(xp_array(xp, zeros), xp_array(xp, nans)))


EXPONENTS = [0, 1, -1, 2, 10, -10, 15, 16, 24, -24, -25, 100, 127, 128, -126, -149, -150, 1000,
             1023, 1024, -1022, -1074, -1075, 2000, -2000, 2 ** 31 - 1, -2 ** 31, 2 ** 31,
             -2 ** 31 - 1, 2 ** 40, -2 ** 40, 2 ** 63 - 1, -2 ** 63]


@pytest.mark.parametrize("edtype", ["int32", "int64"])
@pytest.mark.parametrize("dtype", FLOATS)
def test_ldexp_values(dtype, edtype):
    """Every (mantissa, exponent) pair: overflow to inf with NumPy's warning, underflow to
    subnormals and zero, int64 exponents beyond C's int clamped as NumPy does."""
    info = np.iinfo(edtype)
    exps = [e for e in EXPONENTS if info.min <= e <= info.max]
    x = _edge(dtype)
    xs = np.array([a for a in x for _ in exps], dtype=dtype)
    es = np.array([e for _ in x for e in exps], dtype=edtype)
    _check(lambda xp: xp.ldexp(xp_array(xp, xs), xp_array(xp, es)))


def test_ldexp_python_scalars():
    """Python ints beside float arrays and scalars: NumPy 1.24's value-based choice of the int32
    or int64 loop gives the same result dtype and values under cnumpy's NEP 50 rules."""
    for dtype in FLOATS:
        x = np_array([1.5, -3.0, 0.0, 6e-5], dtype)
        for e in (3, -3, 0, 20, -30, 200, 2 ** 31, 2 ** 40, -2 ** 40, 2 ** 63 - 1, -2 ** 63):
            _check(lambda xp: xp.ldexp(xp_array(xp, x), e))
    for m, e in itertools.product([2.0, -0.0, 1e-300, 3], [3, 2 ** 40, -2 ** 40, -1100]):
        _check(lambda xp: xp.ldexp(m, e))
    _check(lambda xp: xp.ldexp(2.0, xp.int64(2 ** 40)))
    _check(lambda xp: xp.ldexp(xp.float32(3), 200))
    _check(lambda xp: xp.ldexp(xp.float16(3), 20))
    _check(lambda xp: xp.ldexp(xp.float16(3), xp.int8(2)))


@pytest.mark.parametrize("d2", INTS + FLOATS + ["complex64"])
@pytest.mark.parametrize("d1", INTS + FLOATS + ["complex128"])
def test_ldexp_type_resolution(d1, d2):
    """The loop NumPy picks for every pair of array dtypes (integer mantissas take the float
    loop they cast to safely; uint64, float and complex exponents have no loop)."""
    x, y = np_array([1, 0, 1], d1), np_array([1, 0, 1], d2)
    _check(lambda xp: xp.ldexp(xp_array(xp, x), xp_array(xp, y)))


@pytest.mark.parametrize("dtype", INTS + ["complex64", "complex128"])
@pytest.mark.parametrize("name", ["modf", "frexp"])
def test_integer_and_complex_inputs(name, dtype):
    """Integers take the float loop they cast to safely (int8 -> float16, int16 -> float32,
    int32/int64 -> float64); complex has no loop (NumPy's TypeError)."""
    x = np_array([0, 1, 2, 3, 7, 100, 127], dtype) if dtype != "bool" else np_array([0, 1], dtype)
    _check(lambda xp: getattr(xp, name)(xp_array(xp, x)))


@pytest.mark.parametrize("pair", [("int8", "int8"), ("uint8", "int16"), ("int32", "float16"),
                                  ("bool", "bool"), ("int64", "float32"), ("float16", "float64"),
                                  ("complex64", "float32"), ("uint64", "int64")])
def test_heaviside_mixed(pair):
    x = np_array([-2, -1, 0, 0, 1, 3], pair[0]) if pair[0] != "bool" else np_array([0, 1], "bool")
    h = np_array([1, 0, 1, 0, 1, 1], pair[1]) if pair[1] != "bool" else np_array([1, 0], "bool")
    _check(lambda xp: xp.heaviside(xp_array(xp, x), xp_array(xp, h)))
    _check(lambda xp: xp.heaviside(xp_array(xp, x), 0.5))


def test_random_bits():
    """Random bit patterns of every float type (all exponents, NaNs and subnormals)."""
    rng = np.random.default_rng(20240601)
    for dtype in FLOATS:
        bits = rng.integers(0, np.iinfo(UINT[dtype]).max, 4000, dtype=UINT[dtype], endpoint=True)
        x = bits.view(dtype)
        _check(lambda xp: xp.modf(xp_array(xp, x)))
        _check(lambda xp: xp.frexp(xp_array(xp, x)))
        e = rng.integers(-300, 300, x.size).astype("int32")
        _check(lambda xp: xp.ldexp(xp_array(xp, x), xp_array(xp, e)))
        _check(lambda xp: xp.heaviside(xp_array(xp, _quiet_x(x)), xp_array(xp, x[::-1])))


# --------------------------------------------------------------------------------------------
# the ufunc objects and their keywords


def test_ufunc_attributes():
    for name in ("modf", "frexp", "ldexp", "heaviside"):
        f, nf = getattr(cnp, name), getattr(np, name)
        assert isinstance(f, cnp.ufunc)
        # NumPy's loops without its long double ones, which cnumpy does not have
        assert (f.__name__, f.nin, f.nout, f.nargs, f.identity, f.types) == \
            (nf.__name__, nf.nin, nf.nout, nf.nargs, nf.identity,
             [t for t in nf.types if "g" not in t])
        assert f.ntypes == len(f.types)
        assert repr(f) == repr(nf)
        assert name in cnp.__all__
        assert f.__doc__.splitlines()[2] == nf.__doc__.splitlines()[2]


OUT_CASES = [
    "xp.modf(x, out=(xp.zeros(4), xp.zeros(4)))",
    "xp.modf(x, out=(xp.zeros(4, xp.float32), xp.zeros(4)))",
    "xp.modf(x, out=(xp.zeros(4, xp.int64), None))",
    "xp.modf(x, out=(None, xp.zeros(4, xp.int64)))",
    "xp.modf(x, out=(None, xp.zeros(4)))",
    "xp.modf(x, xp.zeros(4))",
    "xp.modf(x, xp.zeros(4), xp.zeros(4))",
    "xp.modf(x, out=xp.zeros(4))",
    "xp.modf(x, out=(xp.zeros(4),))",
    "xp.modf(x, xp.zeros(4), out=(None, None))",
    "xp.modf(x, out=(xp.zeros(4), xp.zeros(4)), casting='no')",
    "xp.frexp(x, out=(None, xp.zeros(4, xp.int64)))",
    "xp.frexp(x, out=(None, xp.zeros(4, xp.int16)))",
    "xp.frexp(x, out=(None, xp.zeros(4, xp.int16)), casting='unsafe')",
    "xp.frexp(x, out=(xp.zeros(4, xp.float16), xp.zeros(4, xp.int32)))",
    "xp.frexp(x, out=(xp.zeros(4, xp.float16), xp.zeros(4, xp.int32)), casting='unsafe')",
    "xp.frexp(x, out=(None, xp.zeros(4)))",
    "xp.frexp(x, out=(None, xp.zeros(3, xp.int32)))",
    "xp.frexp(x, out=(None, xp.zeros((2, 4), xp.int32)))",
    "xp.modf(x, out=(xp.zeros((3, 4)), xp.zeros((3, 4))))",
    "xp.ldexp(x, 3, out=xp.zeros(4, xp.float32))",
    "xp.ldexp(x, 3, out=xp.zeros(4, xp.int64))",
    "xp.heaviside(x, 0.5, out=xp.zeros(4, xp.float16))",
    "xp.frexp(x, out=(xp.full(4, 9.0), xp.full(4, 9, xp.int32)), where=xp.array([True, False, True, False]))",
    "xp.modf(x, out=(xp.full(4, 9.0), xp.full(4, 9.0)), where=False)",
    "xp.ldexp(x, xp.array([1, 2, 3, 4]), out=xp.full(4, 7.0), where=x > 0)",
    "xp.heaviside(x, 1.0, out=xp.full(4, 7.0), where=[True, True, False, False])",
    "xp.modf(x, dtype=xp.float32)",
    "xp.modf(x, dtype=xp.float16)",
    "xp.modf(x, dtype=xp.int32)",
    "xp.modf(x, dtype=xp.complex128)",
    "xp.frexp(x, dtype=xp.float64)",
    "xp.frexp(x, dtype=xp.int32)",
    "xp.frexp(x, signature=(None, None, None))",
    "xp.frexp(x, signature=(None, 'f', 'i'))",
    "xp.modf(x, signature='f->ff')",
    "xp.modf(x, signature='f->f')",
    "xp.ldexp(x, 2, dtype=xp.float64)",
    "xp.ldexp(x, 2, dtype=xp.float32)",
    "xp.ldexp(x, 2, dtype=xp.float32, casting='unsafe')",
    "xp.ldexp(x.astype(xp.float32), xp.array([2]), dtype=xp.float32)",
    "xp.ldexp(x.astype(xp.float16), 2, dtype=xp.float16)",
    "xp.ldexp(x.astype(xp.float16), xp.array([2], xp.int16), dtype=xp.float64)",
    "xp.ldexp(x, 2, signature='dl->d')",
    "xp.ldexp(x, 2.0)",
    "xp.ldexp(x, xp.array([2], xp.uint64))",
    "xp.ldexp(x, xp.array([2], xp.uint32))",
    "xp.ldexp(x, True)",
    "xp.ldexp(x, xp.array([True]))",
    "xp.heaviside(x, 2, dtype=xp.float16)",
    "xp.heaviside(x, 2, dtype=xp.int64)",
    "xp.heaviside(x, xp.array([2]), casting='no')",
    "xp.heaviside(x, xp.array([2.0]), casting='no')",
    "xp.modf(x, order='F')",
    "xp.modf(x, subok=False)",
    "xp.modf(x, foo=1)",
    "xp.modf()",
    "xp.modf(x, 1, 2, 3)",
    "xp.ldexp(x)",
    "xp.modf(x, out=(xp.zeros(4)[::-1], xp.zeros(8)[::2]))",
]


@pytest.mark.parametrize("case", OUT_CASES)
def test_keywords(case):
    """out= tuples (and positional outs), where=, dtype=, signature=, casting=, errors."""
    # (values that fit float16: an input cast overflowing under dtype= is warned as "in cast" by
    # NumPy and under the ufunc's name by cnumpy, an engine matter outside these functions)
    x0 = np.array([1.5, -2.25, 0.0, 300.0])

    def fn(xp):
        x = xp_array(xp, x0)
        r = eval(case, {"xp": xp, "x": x})
        return r
    exp, got = outcome(fn)
    assert_no_problems(outcome_problems(exp, got, None, None, True), case)


def test_out_is_returned_and_written():
    for xp in (np, cnp):
        x = xp.array([1.5, -2.25])
        o1, o2 = xp.zeros(2), xp.zeros(2, xp.int32)
        r = xp.frexp(x, out=(o1, o2))
        assert r[0] is o1 and r[1] is o2
        assert o1.tolist() == [0.75, -0.5625] and o2.tolist() == [1, 2]
        o1, o2 = xp.zeros(2), xp.zeros(2)
        r = xp.modf(x, o1, o2)
        assert r[0] is o1 and r[1] is o2 and o1.tolist() == [0.5, -0.25]


def test_outputs_overlapping_inputs():
    """modf in place (out = the input) and outputs that overlap the input other than element
    for element (NumPy reads the input from a copy)."""
    def inplace(xp):
        x = xp.array([1.5, -2.25, 3.75, -0.5, 8.0])
        r = xp.modf(x, out=(x, None))
        return x, r[1]
    _check(inplace)

    def shifted(xp):
        x = xp.array([1.5, -2.25, 3.75, -0.5, 8.0, 9.5])
        xp.modf(x[:-1], out=(x[1:], None))
        return x
    _check(shifted)

    def ldexp_shift(xp):
        x = xp.array([1.0, 2.0, 3.0, 4.0, 5.0])
        xp.ldexp(x[1:], xp.array([1, 2, 3, 4]), out=x[:-1])
        return x
    _check(ldexp_shift)


METHOD_CASES = [
    "xp.modf.reduce(x)", "xp.modf.accumulate(x)", "xp.modf.reduceat(x, [0, 1])",
    "xp.modf.outer(x, x)", "xp.modf.at(x.copy(), [0])", "xp.modf.at(x.copy(), [0], 1)",
    "xp.frexp.reduce(x)", "xp.frexp.at(x.copy(), [0])",
    "xp.ldexp.reduce(x)", "xp.ldexp.reduce(i)", "xp.ldexp.reduce(i, dtype=xp.float64)",
    "xp.ldexp.accumulate(x)", "xp.ldexp.accumulate(i)", "xp.ldexp.reduceat(x, [0, 1])",
    "xp.ldexp.outer(x, i)", "xp.ldexp.outer(x, x)", "xp.ldexp.outer(i, i)",
    "xp.heaviside.reduce(x)", "xp.heaviside.reduce(x, initial=0.5)",
    "xp.heaviside.reduce(xp.array([]))", "xp.heaviside.accumulate(x)",
    "xp.heaviside.reduceat(x, [0, 2])", "xp.heaviside.outer(x, x)",
    "xp.heaviside.reduce(x.reshape(2, 2), axis=1)", "xp.heaviside.reduce(x.reshape(2, 2), axis=None)",
]


def _ldexp_at(xp):
    a = xp.array([1.0, 2.0, 3.0])
    xp.ldexp.at(a, [0, 0, 2], xp.array([1, 2, 3]))
    return a


def _heaviside_at(xp):
    a = xp.array([0.0, -1.0, 3.0])
    xp.heaviside.at(a, [0, 1], 0.5)
    return a


@pytest.mark.parametrize("case", METHOD_CASES)
def test_methods(case):
    """reduce/accumulate/reduceat/outer/at: two-output ufuncs refuse them with NumPy's
    ValueError; ldexp's loops take (float, int), so reducing floats has no loop."""
    x0 = np.array([0.0, -1.5, 2.0, 0.0])
    i0 = np.array([1, 2, 3])

    def fn(xp):
        return eval(case, {"xp": xp, "x": xp_array(xp, x0), "i": xp_array(xp, i0)})
    exp, got = outcome(fn)
    assert_no_problems(outcome_problems(exp, got, None, None, True), case)


def test_at():
    _check(_ldexp_at)
    _check(_heaviside_at)


# --------------------------------------------------------------------------------------------
# layouts


LAYOUTS = {
    "0d": lambda a: a[3],
    "0d-array": lambda a: a[3:4].reshape(()),
    "empty": lambda a: a[:0],
    "empty-2d": lambda a: a[:0].reshape(0, 3),
    "strided": lambda a: a[::3],
    "reversed": lambda a: a[::-1],
    "reversed-strided": lambda a: a[::-5],
    "2d-transposed": lambda a: a[:24].reshape(4, 6).T,
    "2d-sliced": lambda a: a[:40].reshape(5, 8)[1:4, ::-3],
    "big": lambda a: np.tile(a, 2000),  # past the threading threshold
}


@pytest.mark.parametrize("dtype", FLOATS)
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_layouts(layout, dtype):
    base = _edge(dtype)[:40] if len(_edge(dtype)) >= 40 else np.resize(_edge(dtype), 40)
    x = LAYOUTS[layout](base)

    def arr(xp):
        return xp.asarray(x) if xp is np else (cnp.asarray(x) if isinstance(x, np.generic)
                                                else cnp.array(x))
    _check(lambda xp: xp.modf(arr(xp)))
    _check(lambda xp: xp.frexp(arr(xp)))
    ex = (np.arange(np.size(x)) % 61 - 30).astype("int32").reshape(np.shape(x))
    if np.ndim(x):  # 0-d operands only: NumPy 1.24 judges them by value (float64 results)
        _check(lambda xp: xp.ldexp(arr(xp), xp_array(xp, np.asarray(ex))))
        xq = _quiet_x(x)
        _check(lambda xp: xp.heaviside(xp_array(xp, xq), 0.5))


def test_broadcasting():
    x = np.array([[1.5], [-2.0], [0.0]])
    e = np.array([1, -2, 40, -1075], dtype="int64")
    _check(lambda xp: xp.ldexp(xp_array(xp, x), xp_array(xp, e)))
    _check(lambda xp: xp.heaviside(xp_array(xp, x), xp_array(xp, np.array([0.25, NAN]))))
    _check(lambda xp: xp.ldexp(xp_array(xp, x), xp_array(xp, np.array([1, 2]))[:, None, None]))
    _check(lambda xp: xp.ldexp(xp_array(xp, x), xp_array(xp, np.array([1, 2, 3, 4]))[:2]))
    _check(lambda xp: xp.ldexp(xp_array(xp, x), xp_array(xp, np.array([1, 2]))))
    _check(lambda xp: xp.modf(xp_array(xp, x), out=(xp.zeros((3, 4)), xp.zeros((3, 4)))))
    _check(lambda xp: xp.frexp(xp_array(xp, x), out=(xp.zeros((3, 2)), None)))


@pytest.mark.parametrize("mode", ["ignore", "warn", "raise"])
def test_errstate(mode):
    """ldexp's overflow and underflow, float16's through the conversion, under each mode."""
    cases = [(np.array([1e300, 1.0]), 100), (np.array([1e-300, 1.0]), -100),
             (np.array([3.0], "float16"), 20), (np.array([3.0], "float16"), -30),
             (np.array([3.0], "float32"), 200)]
    for x, e in cases:
        def fn(xp):
            with xp.errstate(all=mode):
                return xp.ldexp(xp_array(xp, x), e)
        _check(fn)


# --------------------------------------------------------------------------------------------
# the C library is the reference NumPy uses


def test_values_match_math_module():
    """float64 results equal Python's math.modf / math.frexp / math.ldexp (the C functions)."""
    rng = np.random.default_rng(7)
    x = rng.standard_normal(500) * 10.0 ** rng.integers(-300, 300, 500)
    f, i = cnp.modf(cnp.array(x))
    m, e = cnp.frexp(cnp.array(x))
    for k, v in enumerate(x.tolist()):
        assert (f[k], i[k]) == math.modf(v)
        assert (m[k], int(e[k])) == math.frexp(v)
    assert cnp.ldexp(cnp.array(x), 7).tolist() == [math.ldexp(v, 7) for v in x.tolist()]
