"""Reductions against NumPy 1.24: every function, every accepted dtype, axis forms, keepdims,
dtype/out/where/initial/ddof, the audit datasets, empty and non-contiguous inputs, errors and
warnings. Values are compared bit for bit (NumPy's pairwise summation order)."""
import warnings

import numpy as np
import pytest

import cnumpy as cnp
from cnp_helpers import ALL_DTYPES, NUMERIC, DATASETS, arr, check, check_error

NAN = float("nan")
DS8 = [1, 1, 2, 3, 5, 8, 13]
BASE = [[3, 1, 4, 1], [5, 9, 2, 6], [5, 3, 5, 8]]
ARITH = ["sum", "prod", "mean", "std", "var", "min", "max", "amin", "amax", "ptp", "all", "any"]
AXES = [None, 0, 1, -1, (0, 1), (1,), ()]


def _fn(xp, name):
    return getattr(xp, name)


def _vals(dtype):
    if dtype == "bool":
        return [[True, False, True, True], [False, False, True, False], [True, True, True, True]]
    if dtype.startswith("complex"):
        return [[complex(v, (v * 3) % 5 - 2) for v in row] for row in BASE]
    if dtype.startswith("float"):
        return [[v * 1.25 - 3.1 for v in row] for row in BASE]
    return BASE


def _skip(name, dtype):
    # NumPy: boolean subtract is a TypeError (ptp), checked separately.
    return name == "ptp" and dtype == "bool"


@pytest.mark.parametrize("dtype", ALL_DTYPES)
@pytest.mark.parametrize("name", ARITH)
@pytest.mark.parametrize("axis", AXES)
def test_reduction_dtypes_axes(name, dtype, axis):
    if _skip(name, dtype):
        check(lambda xp: _fn(xp, name)(arr(xp, _vals(dtype), dtype), axis=axis))
        return
    check(lambda xp: _fn(xp, name)(arr(xp, _vals(dtype), dtype), axis=axis))
    check(lambda xp: _fn(xp, name)(arr(xp, _vals(dtype), dtype), axis=axis, keepdims=True))


@pytest.mark.parametrize("dtype", ALL_DTYPES)
@pytest.mark.parametrize("name", ["argmin", "argmax", "cumsum", "cumprod", "count_nonzero"])
@pytest.mark.parametrize("axis", [None, 0, 1, -1])
def test_arg_cum_dtypes(name, dtype, axis):
    check(lambda xp: _fn(xp, name)(arr(xp, _vals(dtype), dtype), axis=axis))


@pytest.mark.parametrize("name", ["argmin", "argmax"])
@pytest.mark.parametrize("axis", [None, 0, 1])
def test_arg_keepdims(name, axis):
    check(lambda xp: _fn(xp, name)(arr(xp, BASE, "int32"), axis=axis, keepdims=True))


@pytest.mark.parametrize("ds", sorted(DATASETS) + ["DS-ARRAY-8"])
@pytest.mark.parametrize("name", ARITH + ["argmin", "argmax", "cumsum", "cumprod", "count_nonzero"])
def test_datasets(ds, name):
    vals = DS8 if ds == "DS-ARRAY-8" else DATASETS[ds]
    check(lambda xp: _fn(xp, name)(xp.array(np.array(vals)) if xp is cnp else np.array(vals)))


@pytest.mark.parametrize("name", ["sum", "mean", "std", "var", "max", "min", "prod", "cumsum"])
def test_float16_and_float32_large(name):
    v = np.linspace(-3, 7, 20001)
    for dt in ("float16", "float32", "float64"):
        check(lambda xp: _fn(xp, name)(arr(xp, v, dt)))


def test_pairwise_exact():
    assert cnp.sum(cnp.full(10_000_001, 0.1)) == np.sum(np.full(10_000_001, 0.1))
    check(lambda xp: xp.sum(arr(xp, np.linspace(0, 1, 300001) ** 2, "float64")))
    check(lambda xp: xp.sum(arr(xp, np.linspace(0, 1, 300001) ** 2, "float32")))
    check(lambda xp: xp.sum(arr(xp, np.linspace(0, 1, 30001) ** 2, "complex128")))
    check(lambda xp: xp.mean(arr(xp, np.arange(100001), "int64")))


@pytest.mark.parametrize("axis", [None, 0, 1, (0, 1)])
def test_2d_float_order(axis):
    v = (np.arange(600 * 301) % 977) * 0.1
    v = v.reshape(600, 301)
    for name in ("sum", "mean", "std", "var"):
        check(lambda xp: _fn(xp, name)(arr(xp, v, "float64"), axis=axis))
        check(lambda xp: _fn(xp, name)(arr(xp, v, "float64").T, axis=axis))


def test_noncontiguous():
    v = np.arange(60, dtype=float).reshape(3, 4, 5) * 0.37
    for name in ARITH + ["argmax", "argmin", "cumsum"]:
        check(lambda xp: _fn(xp, name)(arr(xp, v, "float64")[::2, ::-1, 1::2], axis=1))
        check(lambda xp: _fn(xp, name)(arr(xp, v, "float64").transpose(2, 0, 1)))


def test_dtype_out_initial_where():
    check(lambda xp: xp.sum(arr(xp, BASE, "int8"), dtype="float32"))
    check(lambda xp: xp.sum(arr(xp, BASE, "int8"), axis=0, dtype="int8"))
    check(lambda xp: xp.prod(arr(xp, BASE, "uint8"), axis=1))
    check(lambda xp: xp.mean(arr(xp, BASE, "float32"), axis=1, dtype="float64"))
    check(lambda xp: xp.sum(arr(xp, BASE, "int64"), initial=10))
    check(lambda xp: xp.max(arr(xp, BASE, "int64"), axis=0, initial=6))
    check(lambda xp: xp.min(arr(xp, [], "float64"), initial=1.5))
    w = [[True, False, True, True], [False, True, True, False], [True, True, False, True]]

    def wh(xp):
        return w if xp is np else cnp.array(np.array(w))
    check(lambda xp: xp.sum(arr(xp, BASE, "float64"), axis=1, where=wh(xp)))
    check(lambda xp: xp.mean(arr(xp, BASE, "float64"), axis=0, where=wh(xp)))
    check(lambda xp: xp.var(arr(xp, BASE, "float64"), axis=1, where=wh(xp)))
    check(lambda xp: xp.max(arr(xp, BASE, "float64"), axis=1, where=wh(xp), initial=-1.0))
    check(lambda xp: xp.all(arr(xp, BASE, "int64"), axis=0, where=wh(xp)))

    def with_out(xp):
        o = xp.zeros(4)
        r = xp.sum(arr(xp, BASE, "int32"), axis=0, out=o)
        assert r is o
        return o
    check(with_out)

    def argout(xp):
        o = xp.zeros(4, dtype="int64")
        xp.argmax(arr(xp, BASE, "int32"), axis=0, out=o)
        return o
    check(argout)

    def cumout(xp):
        o = xp.zeros((3, 4))
        xp.cumsum(arr(xp, BASE, "int32"), axis=1, out=o)
        return o
    check(cumout)
    check(lambda xp: xp.std(arr(xp, BASE, "float64"), ddof=1))
    check(lambda xp: xp.var(arr(xp, BASE, "complex64"), axis=0, ddof=2))
    check(lambda xp: xp.cumprod(arr(xp, BASE, "int8"), dtype="float16"))


def test_methods():
    for name in ("sum", "prod", "mean", "std", "var", "min", "max", "argmin", "argmax", "ptp",
                 "all", "any", "cumsum", "cumprod"):
        check(lambda xp: getattr(arr(xp, BASE, "float64"), name)())
        check(lambda xp: getattr(arr(xp, BASE, "int16"), name)(axis=0))


def test_nan_behaviour():
    v = [1.0, NAN, 3.0, NAN, -1.0]
    for name in ("min", "max", "argmin", "argmax", "sum", "mean", "ptp", "cumsum"):
        check(lambda xp: _fn(xp, name)(arr(xp, v, "float64")))
    c = [1 + 1j, complex(NAN, 0), 2 + 0j]
    for name in ("min", "max", "argmin", "argmax"):
        check(lambda xp: _fn(xp, name)(arr(xp, c, "complex128")))


@pytest.mark.parametrize("name", ARITH + ["argmin", "argmax", "cumsum", "cumprod", "count_nonzero"])
def test_empty(name):
    check(lambda xp: _fn(xp, name)(arr(xp, [], "float64")))
    check(lambda xp: _fn(xp, name)(xp.zeros((0, 3)), axis=0))
    check(lambda xp: _fn(xp, name)(xp.zeros((0, 3)), axis=1))


def _warnings(fn, xp):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        fn(xp)
    return [(x.category.__name__, str(x.message)) for x in w]


@pytest.mark.parametrize("expr", [
    lambda xp: xp.mean(xp.zeros(0)),
    lambda xp: xp.mean(xp.zeros((0, 3)), axis=0),
    lambda xp: xp.var(xp.zeros(0)),
    lambda xp: xp.var(xp.ones(1), ddof=1),
    lambda xp: xp.std(xp.ones((2, 1)), axis=1, ddof=1),
    lambda xp: xp.max(xp.array([1.0, NAN])),
    lambda xp: xp.sum(xp.full(3, 1e308)),
])
def test_warnings(expr):
    assert _warnings(expr, cnp) == _warnings(expr, np)


def test_errors():
    check_error(lambda xp: xp.sum(xp.ones(3), axis=2))
    check_error(lambda xp: xp.sum(xp.ones(3), axis=-2))
    check_error(lambda xp: xp.sum(xp.ones((2, 2)), axis=(0, 0)))
    check_error(lambda xp: xp.sum(xp.ones((2, 2)), axis=(1, -1)))
    check_error(lambda xp: xp.max(xp.zeros(0)))
    check_error(lambda xp: xp.min(xp.zeros((3, 0)), axis=1))
    check_error(lambda xp: xp.argmin(xp.zeros(0)))
    check_error(lambda xp: xp.argmax(xp.zeros(0)))
    check_error(lambda xp: xp.max(xp.ones(2), where=xp.array([True, False])))
    check_error(lambda xp: xp.ptp(xp.array([True, False])))
    check_error(lambda xp: xp.argmax(xp.ones(3), axis=1))
    check_error(lambda xp: xp.cumsum(xp.ones(3), axis=1))


def test_scalar_types():
    assert type(cnp.sum(cnp.array([1, 2], dtype="int8"))) is cnp.int64
    assert type(cnp.sum(cnp.array([1, 2], dtype="uint8"))) is cnp.uint64
    assert type(cnp.mean(cnp.array([1, 2], dtype="float16"))) is cnp.float16
    assert type(cnp.var(cnp.array([1j, 2], dtype="complex64"))) is cnp.float32
    assert type(cnp.all(cnp.array([1, 2]))) is cnp.bool_
    assert type(cnp.count_nonzero(cnp.array([1, 0]))) is int


@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("n", [15, 16, 17, 33, 1000, 100003])
def test_minmax_long_runs(dtype, n):
    """The vectorised min/max path: NaN anywhere (first, middle, tail) propagates; infinities."""
    rng = np.random.default_rng(n)
    base = rng.standard_normal(n).astype(dtype)
    for pos in (None, 0, n // 2, n - 1):
        data = base.copy()
        if pos is not None:
            data[pos] = np.nan
        for name in ("max", "min", "nanmax", "nanmin", "ptp"):
            check(lambda xp: getattr(xp, name)(xp.array(data)))
        check(lambda xp: xp.max(xp.array(data)[::-1]))
    data = base.copy()
    data[n // 3] = np.inf
    data[n // 5] = -np.inf
    check(lambda xp: xp.max(xp.array(data)))
    check(lambda xp: xp.min(xp.array(data)))
    check(lambda xp: xp.max(xp.array(data).reshape(1, n), axis=1))


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_var_std_large_contiguous(dtype):
    """The fused one-pass sum of squared deviations equals NumPy's temporaries bit for bit."""
    rng = np.random.default_rng(11)
    data = (rng.standard_normal(3 * 8192 + 17) * 3 + 1e3).astype(dtype)
    for name in ("var", "std"):
        for ddof in (0, 1):
            check(lambda xp: getattr(xp, name)(xp.array(data), ddof=ddof))
            check(lambda xp: getattr(xp, name)(xp.array(data[:-2]).reshape(3, -1)))
            check(lambda xp: getattr(xp, name)(xp.asfortranarray(xp.array(data[:-2]).reshape(3, -1))))
    big = data.copy()
    big[5] = 1e30 if dtype == "float32" else 1e300
    check(lambda xp: xp.var(xp.array(big)))
    check(lambda xp: xp.std(xp.array(np.where(np.arange(big.size) == 7, np.nan, big).astype(dtype))))
    with warnings.catch_warnings(record=True) as w1:
        warnings.simplefilter("always")
        np.var(big)
    with warnings.catch_warnings(record=True) as w2:
        warnings.simplefilter("always")
        cnp.var(cnp.array(big))
    assert [str(x.message) for x in w2] == [str(x.message) for x in w1]


@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("rows", [4, 7, 9, 130])
def test_sum_leading_axis_blocked_rows(dtype, rows):
    """Leading-axis sums add four rows per pass; the order of additions must stay NumPy's."""
    rng = np.random.default_rng(rows)
    data = (rng.standard_normal((rows, 37)) * 10.0 ** rng.integers(-3, 4, (rows, 37))).astype(dtype)
    check(lambda xp: xp.sum(xp.array(data), axis=0))
    check(lambda xp: xp.mean(xp.array(data), axis=0))
    check(lambda xp: xp.sum(xp.array(data)[:, ::-1], axis=0))
    check(lambda xp: xp.sum(xp.array(np.ascontiguousarray(data.T)), axis=1))


def _random_3d(xp, dtype):
    rng = np.random.default_rng(7)
    vals = rng.standard_normal((5, 6, 7)) * 3
    if dtype.startswith("complex"):
        vals = vals + 1j * rng.standard_normal((5, 6, 7))
    base = np.asarray(vals).astype(dtype)
    return xp.array(base) if xp is cnp else base


@pytest.mark.parametrize("dtype", ["float64", "float32", "float16", "int8", "int64", "uint16", "complex128", "bool"])
@pytest.mark.parametrize("name", ["cumsum", "cumprod", "nancumsum"])
@pytest.mark.parametrize("axis", [None, 0, 1, 2, -1])
@pytest.mark.parametrize("view", ["plain", "reversed", "transposed", "strided"])
def test_accumulate_layouts(name, dtype, axis, view):
    # The scan reads C-contiguous inputs of the accumulation dtype directly and casts the others
    # first: both paths, every axis, against NumPy's bits.
    def make(xp):
        a = _random_3d(xp, dtype)
        return {"plain": a, "reversed": a[::-1, :, ::-1], "transposed": a.transpose(2, 0, 1),
                "strided": a[:, ::2, 1:]}[view]
    check(lambda xp: _fn(xp, name)(make(xp), axis=axis))
    check(lambda xp: _fn(xp, name)(make(xp), axis=axis, dtype=dtype if dtype != "bool" else "int32"))


@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_accumulate_long_bits(dtype):
    # 10**5 sequential additions: rounding must match NumPy's order exactly.
    def make(xp):
        v = np.random.default_rng(3).random(100_000).astype(dtype)
        return xp.array(v) if xp is cnp else v
    check(lambda xp: xp.cumsum(make(xp)))
    check(lambda xp: xp.cumprod(make(xp) * 0.5 + 0.75))


@pytest.mark.parametrize("dtype", ["complex64", "complex128"])
@pytest.mark.parametrize("axis", [None, 0, 1])
def test_complex_products_bits(dtype, axis):
    # NumPy multiplies complex128 in reductions with its scalar loop (fused multiply-adds on
    # AVX-512F CPUs, whose dispatch target is built with -mfma; the plain formula elsewhere), not
    # with its AVX-512F vector loop: prod and cumprod must follow it on either kind of CPU.
    def make(xp):
        rng = np.random.default_rng(11)
        v = (rng.standard_normal((40, 25)) * 1.05 + 1j * rng.standard_normal((40, 25))).astype(dtype)
        return xp.array(v) if xp is cnp else v
    check(lambda xp: xp.prod(make(xp), axis=axis))
    check(lambda xp: xp.cumprod(make(xp), axis=axis))


_OUT_CASES = [
    ("sum", [1.5, 2.5], "float64", "int64"), ("prod", [1.5, 2.5], "float64", "int64"),
    ("mean", [1.5, 2.5], "float64", "int64"), ("var", [1.5, 2.5], "float64", "int64"),
    ("cumsum", [1.5, 2.5], "float64", "int64"), ("cumprod", [1.5, 2.5], "float64", "int16"),
    ("sum", [60000.0, 60000.0, -60000.0], "float32", "float16"),
    ("cumsum", [60000.0, 60000.0, -60000.0], "float32", "float16"),
    ("sum", [0.1] * 10, "float32", "float64"), ("mean", [0.1] * 10, "float32", "float64"),
    ("std", [0.1, 0.3, 0.7] * 10, "float32", "float64"), ("var", [0.1, 0.3, 0.7] * 10, "float64", "float32"),
    ("std", [0.1, 0.3, 0.7] * 10, "float64", "float32"), ("mean", [1, 2], "float16", "float64"),
    ("max", [1.7, 2.9], "float64", "int64"), ("min", [1, 2], "int8", "float32"),
    ("sum", [100, 100, 100], "int8", "int8"), ("sum", [100, 100, 100], "int8", "uint8"),
    ("sum", [1 + 2j], "complex128", "int64"), ("sum", [True, True], "bool", "bool"),
    ("prod", [200, 2], "uint8", "int8"), ("sum", [2**62, 2**62], "int64", "uint64"),
    ("mean", [1 + 1j, 2 + 3j], "complex128", "complex64"),
]


@pytest.mark.parametrize("name,vals,dtype,out_dtype", _OUT_CASES)
def test_out_dtype_promotion(name, vals, dtype, out_dtype):
    # With out= and no dtype=, NumPy picks the loop from (out, input) and casts into out at the
    # end: a float sum into an int out adds in float, a float32 sum into a float64 out adds in
    # float64.
    def run(xp):
        a = xp.array(np.array(vals, dtype=dtype)) if xp is cnp else np.array(vals, dtype=dtype)
        o = xp.zeros(len(vals) if name.startswith("cum") else (), dtype=out_dtype)
        r = getattr(xp, name)(a, out=o)
        assert r is o
        return o
    check(run)


def test_std_integer_out_error():
    # NumPy's std ends with sqrt(ret, out=ret): same_kind casting refuses float64 -> int64.
    # (NumPy raises a private subclass of its UFuncTypeError; cnumpy raises UFuncTypeError.)
    with pytest.raises(np.core._exceptions.UFuncTypeError) as exp:
        np.std(np.array([1.5, 2.5]), out=np.zeros((), dtype="int64"))
    with pytest.raises(TypeError) as got:
        cnp.std(cnp.array([1.5, 2.5]), out=cnp.zeros((), dtype="int64"))
    assert type(got.value).__name__ == "UFuncTypeError"
    assert str(got.value) == str(exp.value)


@pytest.mark.parametrize("name", ["argmax", "argmin"])
@pytest.mark.parametrize("out_dtype,shape,axis", [
    ("int64", (2,), 0), ("int32", (), None), ("int8", (2,), 0), ("uint32", (2,), 1),
    ("float64", (), None), ("float64", (2,), 0), ("uint64", (2,), 0), ("int64", (1,), 0),
    ("int64", (3,), 1), ("int64", (1, 2), 0)])
def test_arg_out(name, out_dtype, shape, axis):
    # NumPy: out's shape must match exactly; its dtype must cast safely to intp.
    def run(xp):
        o = xp.zeros(shape, dtype=out_dtype)
        r = getattr(xp, name)(xp.array([[1.0, 3.0], [4.0, 2.0]]), axis=axis, out=o)
        assert r is o
        return o
    check(run)


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("shape", [(7, 5), (4003, 700), (2, 3, 1500), (1501, 3)])
@pytest.mark.parametrize("view", ["plain", "reversed_rows", "column_slice"])
def test_leading_axis_sum_bits(dtype, shape, view):
    # Leading-axis sums run four rows per pass (vectorised clones) and split the kept columns
    # into bands over the threads: every output element must still see NumPy's additions in
    # NumPy's order.
    def make(xp):
        v = np.random.default_rng(5).standard_normal(shape).astype(dtype)
        a = xp.array(v) if xp is cnp else v
        return {"plain": a, "reversed_rows": a[::-1], "column_slice": a[..., 1:]}[view]
    check(lambda xp: xp.sum(make(xp), axis=0))
    check(lambda xp: xp.mean(make(xp), axis=0))
    check(lambda xp: xp.sum(make(xp), axis=tuple(range(len(shape) - 1))))
