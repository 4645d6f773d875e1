"""Benchmark cases for the reductions (issue 4): full reductions of 10**7 float64, axis
reductions of a 3000x3000 matrix, and the per-call cost of a 10-element sum.
Results are bit-identical to NumPy (same summation order); cnumpy may use several threads
(CNUMPY_NUM_THREADS) for large inputs without changing the result.
`/usr/bin/python3 bench/run.py --filter reduce` runs this file's cases.
"""
from harness import Case

N = 10**7


def _full(func):
    def setup(np, cnp):
        a = np.linspace(-1, 1, N)
        ca = cnp.array(a)
        f, cf = getattr(np, func), getattr(cnp, func)
        return (lambda: f(a)), (lambda: cf(ca))
    return setup


def _axis(axis):
    def setup(np, cnp):
        a = np.linspace(0, 1, 3000 * 3000).reshape(3000, 3000)
        ca = cnp.array(a)
        return (lambda: np.sum(a, axis=axis)), (lambda: cnp.sum(ca, axis=axis))
    return setup


def _median(np, cnp):
    a = np.random.default_rng(4).standard_normal(10**6)
    ca = cnp.array(a)
    return (lambda: np.median(a)), (lambda: cnp.median(ca))


def _small(np, cnp):
    a = np.linspace(0, 1, 10)
    ca = cnp.array(a)
    return (lambda: np.sum(a)), (lambda: cnp.sum(ca))


CASES = [
    Case("reduce_sum_f64", "np.sum(a), a float64 10**7", _full("sum")),
    Case("reduce_mean_f64", "np.mean(a), a float64 10**7", _full("mean")),
    Case("reduce_max_f64", "np.max(a), a float64 10**7", _full("max")),
    Case("reduce_std_f64", "np.std(a), a float64 10**7", _full("std"),
         note="two passes plus the subtract/multiply temporaries, like NumPy."),
    Case("reduce_cumsum_f64", "np.cumsum(a), a float64 10**7", _full("cumsum")),
    Case("reduce_sum_axis0", "np.sum(a, axis=0), a (3000, 3000) float64", _axis(0)),
    Case("reduce_sum_axis1", "np.sum(a, axis=1), a (3000, 3000) float64", _axis(1)),
    Case("reduce_median_1e6", "np.median(a), a float64 10**6 (random)", _median,
         note="selection (nth_element) on a copy, like NumPy's partition."),
    Case("reduce_sum_small", "np.sum(a), float64 10 elements", _small,
         note="per-call overhead.", per_backend=True),
]
