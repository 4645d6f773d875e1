"""Statistics against NumPy 1.24: median/quantile/percentile (all methods), the nan functions,
average, histogram, bincount, diff, ediff1d, gradient, trapz, cov, corrcoef. Every accepted
dtype, axis forms, keepdims, NaN/inf data (DS-ARRAY-3), empty, 0-d and non-contiguous inputs,
errors and warnings. Values are compared bit for bit unless a test says otherwise."""
import warnings

import numpy as np
import pytest

import cnumpy as cnp
from cnp_helpers import ALL_DTYPES, DATASETS, arr, check, check_error

NAN = float("nan")
INF = float("inf")
BASE = [[3, 1, 4, 1, 7], [5, 9, 2, 6, 0], [5, 3, 5, 8, 2], [9, 7, 9, 3, 2]]
AXES = [None, 0, 1, -1, (0, 1)]
METHODS = ["inverted_cdf", "averaged_inverted_cdf", "closest_observation",
           "interpolated_inverted_cdf", "hazen", "weibull", "linear", "median_unbiased",
           "normal_unbiased", "lower", "higher", "midpoint", "nearest"]


def _vals(dtype, nan=False):
    if dtype == "bool":
        return [[v % 2 == 0 for v in row] for row in BASE]
    if dtype.startswith("complex"):
        return [[complex(v, (v * 3) % 5 - 2) for v in row] for row in BASE]
    if dtype.startswith("float"):
        out = [[v * 1.25 - 3.1 for v in row] for row in BASE]
        if nan:
            out[1][2] = NAN
            out[3] = [NAN] * 5
        return out
    if dtype.startswith("u"):
        return BASE
    return [[v - 4 for v in row] for row in BASE]


def _a(xp, dtype, nan=False):
    return arr(xp, _vals(dtype, nan), dtype)


def _warnings(fn, xp):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            fn(xp)
        except Exception:  # noqa: BLE001 - the errors are compared elsewhere
            pass
    return sorted({(x.category.__name__, str(x.message)) for x in w})


# -- median / quantile / percentile ---------------------------------------------------------------

@pytest.mark.parametrize("dtype", ALL_DTYPES)
@pytest.mark.parametrize("axis", AXES)
def test_median(dtype, axis):
    check(lambda xp: xp.median(_a(xp, dtype), axis=axis))
    check(lambda xp: xp.median(_a(xp, dtype), axis=axis, keepdims=True))
    if dtype.startswith("float"):
        check(lambda xp: xp.median(_a(xp, dtype, nan=True), axis=axis))
        check(lambda xp: xp.nanmedian(_a(xp, dtype, nan=True), axis=axis))


@pytest.mark.parametrize("dtype", [d for d in ALL_DTYPES if d != "bool"])
@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("axis", [None, 1, (0, 1)])
def test_quantile_methods(dtype, method, axis):
    q = [0.0, 0.1, 0.25, 0.5, 0.7, 1.0]
    check(lambda xp: xp.quantile(_a(xp, dtype), q, axis=axis, method=method))
    check(lambda xp: xp.quantile(_a(xp, dtype), 0.4, axis=axis, method=method, keepdims=True))
    check(lambda xp: xp.percentile(_a(xp, dtype), [5, 50, 95], axis=axis, method=method))
    if dtype.startswith("float"):
        check(lambda xp: xp.quantile(_a(xp, dtype, nan=True), q, axis=axis, method=method))
        check(lambda xp: xp.nanquantile(_a(xp, dtype, nan=True), q, axis=axis, method=method))
        check(lambda xp: xp.nanpercentile(_a(xp, dtype, nan=True), 30, axis=axis, method=method))


@pytest.mark.parametrize("q", [0.5, [0, 1], [[0.2, 0.4], [0.6, 1.0]], np.float32(0.3), 1, True])
def test_quantile_q_forms(q):
    check(lambda xp: xp.quantile(xp.array([5.0, 1.0, 4.0, 2.0]), q))
    check(lambda xp: xp.quantile(xp.array([5, 1, 4, 2], dtype="int8"), q, method="averaged_inverted_cdf"))
    check(lambda xp: xp.quantile(xp.arange(24.0).reshape(2, 3, 4), q, axis=(0, 2)))


def test_quantile_special_values():
    check(lambda xp: xp.quantile(xp.array([1.0, INF]), [0.0, 0.5, 1.0]))
    check(lambda xp: xp.quantile(xp.array([-INF, INF]), 0.5))
    check(lambda xp: xp.median(xp.array([1.0, INF])))
    check(lambda xp: xp.quantile(xp.array([-100, 100], dtype="int8"), 0.5))
    check(lambda xp: xp.median(xp.array([-0.0, 0.0, -0.0])))
    check(lambda xp: xp.quantile(xp.array([True, False]), 0.5, method="lower"))
    check(lambda xp: xp.median(xp.array([True, False, True])))
    for name, data in DATASETS.items():
        check(lambda xp: xp.median(xp.array(data)))
        check(lambda xp: xp.percentile(xp.array(data), [25, 75]))
        check(lambda xp: xp.nanmedian(xp.array(data)))


def test_quantile_layouts():
    base = lambda xp: xp.arange(60.0).reshape(3, 4, 5) * 1.5 % 7  # noqa: E731
    check(lambda xp: xp.median(base(xp)[:, ::-2, 1:], axis=1))
    check(lambda xp: xp.quantile(base(xp).transpose(2, 0, 1), [0.3, 0.9], axis=(0, 2)))
    check(lambda xp: xp.median(xp.array(3.5)))
    check(lambda xp: xp.quantile(xp.array(3.5), 0.3))
    check(lambda xp: xp.median(xp.zeros((2, 0)), axis=0))
    check(lambda xp: xp.quantile(xp.zeros((2, 0)), 0.5, axis=0))
    out_np, out_c = np.zeros(4), cnp.zeros(4)
    r_np = np.median(np.arange(20.0).reshape(5, 4), axis=0, out=out_np)
    r_c = cnp.median(cnp.arange(20.0).reshape(5, 4), axis=0, out=out_c)
    assert r_c is out_c and r_np is out_np
    assert out_c.tolist() == out_np.tolist()


def test_quantile_large_selection():
    rng = np.random.default_rng(5)
    for data in (rng.standard_normal(10001), rng.integers(-50, 50, 4000)):
        check(lambda xp: xp.median(xp.array(data)))
        check(lambda xp: xp.quantile(xp.array(data), [0.01, 0.33, 0.5, 0.999]))
        check(lambda xp: xp.median(xp.array(data).reshape(-1, 2) if data.size % 2 == 0
                                   else xp.array(data), axis=0))


def test_quantile_errors():
    check_error(lambda xp: xp.quantile(xp.array([1.0, 2.0]), 1.5))
    check_error(lambda xp: xp.quantile(xp.array([1.0, 2.0]), [-0.1, 0.5]))
    check_error(lambda xp: xp.percentile(xp.array([1.0, 2.0]), 101))
    check_error(lambda xp: xp.quantile(xp.array([1.0, 2.0]), NAN))
    check_error(lambda xp: xp.quantile(xp.array([1.0, 2.0]), 0.5, method="foo"))
    check_error(lambda xp: xp.quantile(xp.array([1.0, 2.0]), 0.5, axis=1))
    check_error(lambda xp: xp.quantile(xp.zeros(0), 0.5))
    check_error(lambda xp: xp.quantile(xp.array([True, False]), 0.5))
    check_error(lambda xp: xp.quantile(xp.ones(3), xp.ones((1, 1, 1)) * 0.5))
    check_error(lambda xp: xp.median(xp.ones((2, 2)), axis=(0, 0)))


def test_quantile_warnings():
    assert _warnings(lambda xp: xp.nanmedian(xp.array([NAN, NAN])), cnp) == \
        _warnings(lambda xp: xp.nanmedian(xp.array([NAN, NAN])), np)
    assert _warnings(lambda xp: xp.nanquantile(xp.array([[NAN], [1.0]]), 0.5, axis=1), cnp) == \
        _warnings(lambda xp: xp.nanquantile(xp.array([[NAN], [1.0]]), 0.5, axis=1), np)
    assert _warnings(lambda xp: xp.median(xp.zeros(0)), cnp) == \
        _warnings(lambda xp: xp.median(xp.zeros(0)), np)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        r = cnp.quantile(cnp.array([1.0, 2.0, 3.0]), 0.5, interpolation="lower")
    assert r == 2.0 and w and w[0].category is DeprecationWarning


# -- nan reductions --------------------------------------------------------------------------------

NANFUNCS = ["nansum", "nanprod", "nanmin", "nanmax", "nanmean", "nanvar", "nanstd"]


@pytest.mark.parametrize("dtype", ALL_DTYPES)
@pytest.mark.parametrize("name", NANFUNCS)
@pytest.mark.parametrize("axis", AXES)
def test_nan_reductions(name, dtype, axis):
    f = lambda xp: getattr(xp, name)  # noqa: E731
    check(lambda xp: f(xp)(_a(xp, dtype, nan=True), axis=axis))
    check(lambda xp: f(xp)(_a(xp, dtype, nan=True), axis=axis, keepdims=True))


@pytest.mark.parametrize("dtype", ALL_DTYPES)
@pytest.mark.parametrize("name", ["nanargmin", "nanargmax", "nancumsum", "nancumprod"])
@pytest.mark.parametrize("axis", [None, 0, 1, -1])
def test_nan_index_and_accumulate(name, dtype, axis):
    f = lambda xp: getattr(xp, name)  # noqa: E731
    check(lambda xp: f(xp)(_a(xp, dtype), axis=axis))
    if dtype.startswith("float"):
        vals = _vals(dtype, nan=True)[:3]  # no all-NaN row: nanargmin would raise
        check(lambda xp: f(xp)(arr(xp, vals, dtype), axis=axis))


def test_nan_reduction_options():
    a = lambda xp: xp.array([[1.0, NAN, 3.0], [NAN, NAN, NAN], [4.0, 5.0, NAN]])  # noqa: E731
    check(lambda xp: xp.nansum(a(xp), axis=1, dtype="float32"))
    check(lambda xp: xp.nansum(a(xp), initial=10.0))
    check(lambda xp: xp.nansum(a(xp), axis=0, where=xp.array([True, False, True])))
    check(lambda xp: xp.nanmin(a(xp), axis=1, initial=-1.0))
    check(lambda xp: xp.nanmax(a(xp), axis=0))
    check(lambda xp: xp.nanmean(a(xp), axis=1, dtype="float32"))
    check(lambda xp: xp.nanmean(a(xp), where=xp.array([True, True, False])))
    check(lambda xp: xp.nanvar(a(xp), axis=1, ddof=1))
    check(lambda xp: xp.nanstd(a(xp), axis=0, ddof=2, keepdims=True))
    check(lambda xp: xp.nanvar(a(xp)[:, ::-1].T, axis=0))
    check_error(lambda xp: xp.nanargmin(a(xp), axis=1))
    check_error(lambda xp: xp.nanmin(xp.zeros((0, 2)), axis=0))
    check_error(lambda xp: xp.nanmean(a(xp), dtype="int64"))
    out_np, out_c = np.zeros(3), cnp.zeros(3)
    np.nanmean(a(np), axis=1, out=out_np)
    assert cnp.nanmean(a(cnp), axis=1, out=out_c) is out_c
    np.testing.assert_array_equal(np.asarray(out_c), out_np)
    for name, data in DATASETS.items():
        for fn in NANFUNCS:
            check(lambda xp: getattr(xp, fn)(xp.array(data)))


@pytest.mark.parametrize("expr", [
    lambda xp: xp.nanmean(xp.array([NAN, NAN])),
    lambda xp: xp.nanmean(xp.array([[NAN, 1.0], [NAN, 2.0]]), axis=0),
    lambda xp: xp.nanvar(xp.array([NAN, 1.0]), ddof=1),
    lambda xp: xp.nanmin(xp.array([NAN, NAN])),
    lambda xp: xp.nanmax(xp.array([[NAN, 1.0], [NAN, 2.0]]), axis=0),
])
def test_nan_warnings(expr):
    assert _warnings(expr, cnp) == _warnings(expr, np)


# -- average, bincount, histogram ------------------------------------------------------------------

@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_average(dtype):
    a = lambda xp: _a(xp, dtype)  # noqa: E731
    check(lambda xp: xp.average(a(xp)))
    check(lambda xp: xp.average(a(xp), axis=1))
    check(lambda xp: xp.average(a(xp), axis=(0, 1), keepdims=True))
    check(lambda xp: xp.average(a(xp), axis=0, weights=xp.array([1, 2, 3, 4])))
    check(lambda xp: xp.average(a(xp), axis=1, weights=xp.array([0.5, 1, 0, 2, 1]), returned=True))
    check(lambda xp: xp.average(a(xp), weights=xp.ones((4, 5), dtype="float32"), returned=True))
    check(lambda xp: xp.average(a(xp), returned=True))


def test_average_errors():
    check_error(lambda xp: xp.average(xp.ones((2, 3)), weights=xp.ones(3)))
    check_error(lambda xp: xp.average(xp.ones((2, 3)), axis=1, weights=xp.ones((3, 1))))
    check_error(lambda xp: xp.average(xp.ones((2, 3)), axis=1, weights=xp.ones(2)))
    check_error(lambda xp: xp.average(xp.ones(3), weights=xp.array([1.0, -1.0, 0.0])))


@pytest.mark.parametrize("dtype", ["bool", "int8", "uint8", "int32", "int64", "uint32"])
def test_bincount(dtype):
    x = lambda xp: xp.array([0, 1, 1, 3, 2, 1, 7], dtype=dtype)  # noqa: E731
    check(lambda xp: xp.bincount(x(xp)))
    check(lambda xp: xp.bincount(x(xp), minlength=12))
    check(lambda xp: xp.bincount(x(xp), weights=xp.array([0.5, 1, 2, 3, 4, 5, 6.25])))
    check(lambda xp: xp.bincount(x(xp)[::-2]))


def test_bincount_errors():
    check(lambda xp: xp.bincount(xp.zeros(0, dtype="int64")))
    check_error(lambda xp: xp.bincount(xp.array([1, -1])))
    check_error(lambda xp: xp.bincount(xp.array([1.0])))
    check_error(lambda xp: xp.bincount(xp.array([1], dtype="uint64")))
    check_error(lambda xp: xp.bincount(xp.array([[1]])))
    check_error(lambda xp: xp.bincount(xp.array(1)))
    check_error(lambda xp: xp.bincount(xp.array([1, 2]), minlength=-1))
    check_error(lambda xp: xp.bincount(xp.array([1, 2]), weights=xp.array([1.0])))


@pytest.mark.parametrize("dtype", ["int8", "uint8", "int64", "float16", "float32", "float64", "bool"])
def test_histogram(dtype):
    rng = np.random.default_rng(3)
    data = (rng.standard_normal(1000) * 20).astype(dtype)
    x = lambda xp: xp.array(data)  # noqa: E731
    for bins in (1, 7, 10, 64):
        check(lambda xp: xp.histogram(x(xp), bins))
    check(lambda xp: xp.histogram(x(xp), 5, range=(-10, 30)))
    check(lambda xp: xp.histogram(x(xp), 6, density=True))
    check(lambda xp: xp.histogram(x(xp), [-30, -5, 0, 0, 2.5, 40]))
    check(lambda xp: xp.histogram(x(xp), xp.array([-3, 0, 5, 9])))
    check(lambda xp: xp.histogram(x(xp), 4, weights=xp.array(np.linspace(0, 1, 1000))))
    check(lambda xp: xp.histogram(x(xp), 4, weights=xp.array(np.arange(1000) % 3)))


def test_histogram_special():
    check(lambda xp: xp.histogram(xp.array([1.0, 1.0, 1.0]), 4))
    check(lambda xp: xp.histogram(xp.zeros(0), 3))
    check(lambda xp: xp.histogram(xp.array([0.1, 0.2, 0.3], dtype="float32"), 3))
    check(lambda xp: xp.histogram(xp.array([1e8, 1e8 + 1], dtype="float32"), 3))
    check(lambda xp: xp.histogram(xp.array([2048, 2048], dtype="float16"), 3))
    check(lambda xp: xp.histogram(xp.array([5, 5, 5], dtype="int16"), 2))
    check(lambda xp: xp.histogram(xp.array([0.1, 0.7, 0.7, 2.9], dtype="float16"), 4, range=(0.1, 2.9)))
    check(lambda xp: xp.histogram(xp.arange(100.0).reshape(10, 10)[:, ::3], 5))
    check(lambda xp: xp.histogram(xp.array([1.0, NAN, 3.0]), 3, range=(0, 4)))
    check(lambda xp: xp.histogram(xp.array([1.0, 2.0, 3.0]), [0, 1, 2, 3], density=True))
    check(lambda xp: xp.histogram(xp.array(np.arange(200000) % 97 * 0.01), 9,
                                  weights=xp.array(np.full(200000, 0.1))))
    check_error(lambda xp: xp.histogram(xp.array([1.0, NAN]), 2))
    check_error(lambda xp: xp.histogram(xp.array([1.0, 2.0]), 0))
    check_error(lambda xp: xp.histogram(xp.array([1.0, 2.0]), 2.5))
    check_error(lambda xp: xp.histogram(xp.array([1.0, 2.0]), [3, 1]))
    check_error(lambda xp: xp.histogram(xp.array([1.0, 2.0]), xp.array([[1, 2]])))
    check_error(lambda xp: xp.histogram(xp.array([1.0, 2.0]), 2, range=(3, 1)))
    check_error(lambda xp: xp.histogram(xp.array([1.0, 2.0]), 2, range=(0, INF)))
    check_error(lambda xp: xp.histogram(xp.array([1.0, 2.0]), 2, weights=xp.ones(3)))


_ESTIMATORS = ["auto", "fd", "doane", "scott", "stone", "rice", "sturges", "sqrt"]


@pytest.mark.parametrize("name", _ESTIMATORS)
@pytest.mark.parametrize("dtype", ["float64", "float32", "float16", "int8", "uint8", "int64"])
def test_histogram_estimators(name, dtype):
    # NumPy's string bins: the estimator's width decides the count, then the usual equal bins.
    rng = np.random.default_rng(8)
    normal = (rng.standard_normal(1500) * 20).astype(dtype)
    skewed = (rng.exponential(size=400) * 30).astype(dtype)
    for data in (normal, skewed, normal[:3], normal[:1], np.full(6, 7, dtype=dtype)):
        x = lambda xp: xp.array(data)  # noqa: E731
        check(lambda xp: xp.histogram(x(xp), name))
        check(lambda xp: xp.histogram_bin_edges(x(xp), name))
    x = lambda xp: xp.array(normal)  # noqa: E731
    check(lambda xp: xp.histogram(x(xp), name, range=(-10, 30)))
    check(lambda xp: xp.histogram(x(xp), name, range=(5, 5)))
    check(lambda xp: xp.histogram(x(xp), name, density=True))
    check(lambda xp: xp.histogram(x(xp).reshape(30, 50)[:, ::2], name))


def test_histogram_estimator_edges():
    check(lambda xp: xp.histogram(xp.zeros(0), "auto"))
    check(lambda xp: xp.histogram(xp.array(np.arange(10000) % 7 * 1.0), "fd"))  # IQR 0: one bin
    check(lambda xp: xp.histogram(xp.array([1.0, 2.0, 2.0, 2.0, 9.0]), "fd"))
    check(lambda xp: xp.histogram(xp.array(np.linspace(0, 1, 20000) ** 3), "stone"))  # warns
    check(lambda xp: xp.histogram_bin_edges(xp.array([1.0, 4.0]), [0, 2, 5]))
    check(lambda xp: xp.histogram_bin_edges(xp.array([1.0, 4.0]), 3, range=(0, 6)))
    check_error(lambda xp: xp.histogram(xp.array([1.0, 2.0]), "bogus"))
    check_error(lambda xp: xp.histogram(xp.array([1.0, 2.0]), "auto", weights=xp.ones(2)))
    check_error(lambda xp: xp.histogram(xp.array([1.0, NAN]), "auto"))
    check_error(lambda xp: xp.histogram(xp.array([1.0, 2.0]), "sturges", range=(0, INF)))
    check_error(lambda xp: xp.histogram(xp.array([1.0, 2.0]), "sqrt", range=(2, 1)))


# -- differences -----------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_diff(dtype):
    a = lambda xp: _a(xp, dtype)  # noqa: E731
    for axis in (0, 1, -1):
        for n in (0, 1, 2, 4, 7):
            check(lambda xp: xp.diff(a(xp), n=n, axis=axis))
    check(lambda xp: xp.diff(a(xp)[:, ::-2]))
    check(lambda xp: xp.diff(a(xp), prepend=a(xp)[:, :1]))
    check(lambda xp: xp.diff(a(xp), axis=0, append=a(xp)[:1]))
    check(lambda xp: xp.diff(a(xp), prepend=0, append=xp.ones((4, 2), dtype="float32")))
    check(lambda xp: xp.ediff1d(a(xp)))
    check(lambda xp: xp.ediff1d(a(xp)[::-1], to_begin=xp.array([1, 2]), to_end=xp.array(0)))


def test_diff_errors():
    check_error(lambda xp: xp.diff(xp.array(3.0)))
    check_error(lambda xp: xp.diff(xp.ones(3), n=-1))
    check_error(lambda xp: xp.diff(xp.ones(3), axis=1))
    check_error(lambda xp: xp.diff(xp.ones((2, 3)), prepend=xp.ones((3, 1))))
    check_error(lambda xp: xp.diff(xp.ones((2, 3)), prepend=xp.ones(3)))
    check_error(lambda xp: xp.ediff1d(xp.ones(3, dtype="int32"), to_end=xp.array([1.5])))
    check(lambda xp: xp.ediff1d(xp.zeros(0)))
    check(lambda xp: xp.ediff1d(xp.ones(1), to_begin=xp.array(5.0)))


@pytest.mark.parametrize("dtype", ["int8", "int64", "uint8", "float16", "float32", "float64", "complex128"])
def test_gradient(dtype):
    a = lambda xp: arr(xp, [[1, 2, 4, 7, 11, 16], [3, 1, 4, 1, 5, 9], [2, 7, 1, 8, 2, 8]], dtype)  # noqa: E731
    for edge in (1, 2):
        check(lambda xp: xp.gradient(a(xp), edge_order=edge))
        check(lambda xp: xp.gradient(a(xp), 2.0, edge_order=edge))
        check(lambda xp: xp.gradient(a(xp), 0.5, 3, edge_order=edge))
        check(lambda xp: xp.gradient(a(xp), axis=1, edge_order=edge))
        check(lambda xp: xp.gradient(a(xp), xp.array([0.0, 1.0, 3.0]), xp.array([0, 1, 2, 3, 4, 5]),
                                     edge_order=edge))
        check(lambda xp: xp.gradient(a(xp), xp.array([0.0, 0.5, 1.5, 1.75, 3.0, 4.0]), axis=-1,
                                     edge_order=edge))
        check(lambda xp: xp.gradient(a(xp)[:, ::-1], edge_order=edge))


def test_gradient_errors():
    check_error(lambda xp: xp.gradient(xp.ones(2), edge_order=2))
    check_error(lambda xp: xp.gradient(xp.ones(4), edge_order=3))
    check_error(lambda xp: xp.gradient(xp.ones((3, 3)), 1.0, 2.0, 3.0))
    check_error(lambda xp: xp.gradient(xp.ones(4), xp.ones(3)))
    check_error(lambda xp: xp.gradient(xp.ones(4), xp.ones((4, 1))))
    check_error(lambda xp: xp.gradient(xp.array([True, False, True])))
    check_error(lambda xp: xp.gradient(xp.ones((3, 3)), axis=(0, -2)))
    check_error(lambda xp: xp.gradient(xp.ones((3, 3)), axis=2))


@pytest.mark.parametrize("dtype", ["int32", "float32", "float64", "complex128", "bool"])
def test_trapz(dtype):
    y = lambda xp: arr(xp, [[1, 2, 4, 7], [3, 1, 4, 1], [2, 7, 1, 8]], dtype)  # noqa: E731
    check(lambda xp: xp.trapz(y(xp)))
    check(lambda xp: xp.trapz(y(xp), axis=0))
    check(lambda xp: xp.trapz(y(xp), dx=0.5))
    check(lambda xp: xp.trapz(y(xp), x=xp.array([0.0, 1.0, 3.0, 3.5])))
    check(lambda xp: xp.trapz(y(xp), x=xp.array([[0.0], [1.0], [3.0]]) * xp.ones((3, 4)), axis=0))
    check(lambda xp: xp.trapz(y(xp)[0]))


# -- covariance ------------------------------------------------------------------------------------

def _close(fn, rtol=1e-12):
    """NumPy's cov goes through BLAS GEMM; ours is a direct loop: equal within rounding."""
    exp, got = fn(np), fn(cnp)
    got_np = np.asarray(got)
    assert type(got).__name__ in ("ndarray", "float64", "complex128", "float32")
    assert got_np.dtype == np.asarray(exp).dtype and got_np.shape == np.shape(exp)
    np.testing.assert_allclose(got_np, exp, rtol=rtol, atol=1e-14)


def test_cov_corrcoef():
    rng = np.random.default_rng(8)
    m = rng.standard_normal((3, 20))
    c = m + 1j * rng.standard_normal((3, 20))
    _close(lambda xp: xp.cov(xp.array(m)))
    _close(lambda xp: xp.cov(xp.array(m.T), rowvar=False))
    _close(lambda xp: xp.cov(xp.array(m[0])))
    _close(lambda xp: xp.cov(xp.array(m[0]), xp.array(m[1])))
    _close(lambda xp: xp.cov(xp.array(m), bias=True))
    _close(lambda xp: xp.cov(xp.array(m), ddof=3))
    _close(lambda xp: xp.cov(xp.array(m), fweights=xp.array(np.arange(20) % 3 + 1)))
    _close(lambda xp: xp.cov(xp.array(m), aweights=xp.array(np.linspace(0.1, 1, 20))))
    _close(lambda xp: xp.cov(xp.array(m), fweights=xp.array(np.arange(20) % 2 + 1),
                             aweights=xp.array(np.linspace(0.1, 1, 20))))
    _close(lambda xp: xp.cov(xp.array(c)))
    _close(lambda xp: xp.cov(xp.array((m * 10).astype("int32"))))
    _close(lambda xp: xp.cov(xp.array(m), dtype="float32"), rtol=1e-5)
    _close(lambda xp: xp.corrcoef(xp.array(m)))
    _close(lambda xp: xp.corrcoef(xp.array(c)))
    _close(lambda xp: xp.corrcoef(xp.array(m[0]), xp.array(m[2])))
    _close(lambda xp: xp.corrcoef(xp.array(m[0])))
    check(lambda xp: xp.cov(xp.zeros((0, 3))))
    check_error(lambda xp: xp.cov(xp.ones((2, 2, 2))))
    check_error(lambda xp: xp.cov(xp.ones((2, 3)), ddof=1.5))
    check_error(lambda xp: xp.cov(xp.ones((2, 3)), fweights=xp.array([1.5, 1, 1])))
    check_error(lambda xp: xp.cov(xp.ones((2, 3)), fweights=xp.array([-1, 1, 1])))
    check_error(lambda xp: xp.cov(xp.ones((2, 3)), aweights=xp.array([1, 1])))
    check_error(lambda xp: xp.cov(xp.ones((2, 3)), xp.ones((2, 4))))
    assert _warnings(lambda xp: xp.cov(xp.ones((2, 1))), cnp) == \
        _warnings(lambda xp: xp.cov(xp.ones((2, 1))), np)


def test_methods_and_exports():
    for name in ("median", "quantile", "percentile", "nanmedian", "nanquantile", "nanpercentile",
                 "nansum", "nanprod", "nanmin", "nanmax", "nanmean", "nanvar", "nanstd",
                 "nanargmin", "nanargmax", "nancumsum", "nancumprod", "average", "bincount",
                 "histogram", "diff", "ediff1d", "gradient", "trapz", "cov", "corrcoef"):
        assert callable(getattr(cnp, name)) and name in cnp.__all__
