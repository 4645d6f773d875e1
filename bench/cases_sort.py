"""Benchmark cases for sorting, searching and sets (issue 20), with the issue's targets in the
notes. cnumpy sorts integer keys with Highway's vqsort (AVX-512 here), counting sorts for 8/16-bit
keys, and splits large sorts by value across the pool's threads (ranges cut at sample medians,
sorted in parallel; the result is the same for any thread count). `/usr/bin/python3 bench/run.py --filter sort` runs this file's cases.
"""
from harness import Case

N = 10**7
M = 10**6


def _rng(np):
    return np.random.default_rng(20)


def _sort(dtype, n, kind=None):
    def setup(np, cnp):
        rng = _rng(np)
        if dtype.startswith("float"):
            a = rng.standard_normal(n).astype(dtype)
        else:
            a = rng.integers(-2**31 if dtype == "int32" else -2**62, 2**31 - 1 if dtype == "int32" else 2**62,
                             n, dtype=dtype)
        ca = cnp.array(a)
        return (lambda: np.sort(a, kind=kind)), (lambda: cnp.sort(ca, kind=kind))
    return setup


def _argsort(dtype, kind):
    def setup(np, cnp):
        rng = _rng(np)
        a = rng.standard_normal(M) if dtype == "float64" else rng.integers(0, 10**9, M, dtype=dtype)
        ca = cnp.array(a)
        return (lambda: np.argsort(a, kind=kind)), (lambda: cnp.argsort(ca, kind=kind))
    return setup


def _partition(np, cnp):
    a = _rng(np).standard_normal(N)
    ca = cnp.array(a)
    return (lambda: np.partition(a, N // 2)), (lambda: cnp.partition(ca, N // 2))


def _unique(np, cnp):
    a = _rng(np).integers(0, 10**5, M)
    ca = cnp.array(a)
    return (lambda: np.unique(a, return_counts=True)), (lambda: cnp.unique(ca, return_counts=True))


def _searchsorted(sorted_needles):
    def setup(np, cnp):
        rng = _rng(np)
        keys = np.sort(rng.standard_normal(M))
        needles = rng.standard_normal(M)
        if sorted_needles:
            needles.sort()
        ck, cn = cnp.array(keys), cnp.array(needles)
        return (lambda: np.searchsorted(keys, needles)), (lambda: cnp.searchsorted(ck, cn))
    return setup


def _isin(np, cnp):
    rng = _rng(np)
    a = rng.integers(0, 10**9, M)
    b = rng.integers(0, 10**9, 10**4)
    ca, cb = cnp.array(a), cnp.array(b)
    return (lambda: np.isin(a, b)), (lambda: cnp.isin(ca, cb))


CASES = [
    Case("sort_f64_1e7", "np.sort(a), a float64 10**7 (random)", _sort("float64", N),
         note="target >= 5x. NaNs moved out, float bits mapped to ordered uint64 keys, split by "
              "value in two ranges, vqsort of each on its own thread."),
    Case("sort_i64_1e7", "np.sort(a), a int64 10**7 (random)", _sort("int64", N),
         note="target >= 5x. vqsort on the int64 values, split by value over the threads."),
    Case("sort_i32_1e7", "np.sort(a), a int32 10**7 (random)", _sort("int32", N),
         note="target >= 1.5x (NumPy 1.24 has its own AVX-512 sort for 32-bit keys)."),
    Case("sort_f64_stable_1e6", "np.sort(a, kind='stable'), a float64 10**6", _sort("float64", M, "stable"),
         note="no target: bit keys sorted, then the zeros' input order restored."),
    Case("argsort_f64_1e6", "np.argsort(a), a float64 10**6 (random)", _argsort("float64", None),
         note="target >= 2x. (key, index) pairs as 128-bit vqsort keys: the stable permutation."),
    Case("argsort_i64_stable_1e6", "np.argsort(a, kind='stable'), a int64 10**6", _argsort("int64", "stable"),
         note="target >= 1.5x. Keys < 2**32 would pack with the index into uint64; int64 keys use 128-bit pairs."),
    Case("partition_f64_median_1e7", "np.partition(a, n//2), a float64 10**7", _partition,
         note="target >= 1.5x. Quickselect with branch-free splits on ordered uint64 keys."),
    Case("unique_counts_i64_1e6", "np.unique(a, return_counts=True), int64 10**6 in [0, 1e5)", _unique,
         note="target >= 2x. One vqsort, one pass."),
    Case("searchsorted_1e6", "np.searchsorted(k, v), 10**6 sorted keys, 10**6 random needles",
         _searchsorted(False), note="target >= 1.5x. The needles argsorted (vqsort), then one forward walk."),
    Case("searchsorted_sorted_1e6", "np.searchsorted(k, v), 10**6 keys, 10**6 sorted needles",
         _searchsorted(True), note="sorted needles: one forward walk with doubling steps."),
    Case("isin_1e6_1e4", "np.isin(a, b), int64 10**6 vs 10**4 (range 1e9)", _isin,
         note="target >= 2x. b sorted, then searchsorted's kernel for the elements of a."),
]
