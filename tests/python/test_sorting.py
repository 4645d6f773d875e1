"""Sorting, searching and sets against NumPy 1.24: the audit's DS-ARRAY-8/9, generated data of
every dtype (NaN/inf/-0.0 mixes, duplicates, sorted and reversed input, sizes around the
kernels' thresholds), every axis of 3-D inputs, non-contiguous views, 0-d and empty arrays,
keyword forms and NumPy's errors. Stable results are compared bit for bit; unstable kinds are
compared as values (NumPy may place -0.0/0.0 or NaN payloads differently among equals)."""
import numpy as np
import pytest

import cnumpy as cnp
from cnp_helpers import ALL_DTYPES, check, check_error

DS8 = [1, 1, 2, 3, 5, 8, 13]
DS9_A = [1, 2, 3, 4]
DS9_B = [3, 4, 5, 6]
SIZES = [0, 1, 2, 16, 17, 1023, 1025, 70000]
NAN, INF = float("nan"), float("inf")


def data(dtype, n, pattern, seed=0):
    """NumPy array of n elements of dtype following a pattern."""
    rng = np.random.default_rng(seed + n)
    dt = np.dtype(dtype)
    if dt.kind == "b":
        a = rng.integers(0, 2, n).astype(bool)
    elif dt.kind in "iu":
        info = np.iinfo(dt)
        lo, hi = (info.min, info.max) if pattern == "wide" else (0, 5)
        a = rng.integers(lo, hi, n, dtype=dt, endpoint=True)
    else:
        a = rng.integers(-4, 5, n).astype(dt) / 2 if pattern != "wide" else rng.standard_normal(n).astype(dt)
        if pattern == "special":
            specials = np.array([NAN, -NAN, INF, -INF, 0.0, -0.0], dtype=dt)
            pick = rng.integers(0, len(specials), n)
            mask = rng.random(n) < 0.3
            a = np.where(mask, specials[pick], a)
        if dt.kind == "c":
            b = data(dt.char.lower() == "f" and "float32" or "float64", n, pattern, seed + 1)
            with np.errstate(invalid="ignore"):  # inf * 1j makes a NaN part, on purpose
                a = a + 1j * b
    if pattern == "sorted":
        a = np.sort(a, kind="stable")
    elif pattern == "reversed":
        a = np.sort(a, kind="stable")[::-1].copy()
    return a


PATTERNS = ["dups", "wide", "special", "sorted", "reversed"]


def c(a):
    return cnp.array(a)


def assert_values(got, exp):
    """Same dtype, shape and values (NaN equal to NaN, -0.0 equal to 0.0)."""
    g = np.asarray(got)
    assert g.dtype == exp.dtype and g.shape == exp.shape
    if exp.dtype.kind in "fc":
        assert np.array_equal(g, exp, equal_nan=True)
    else:
        assert np.array_equal(g, exp)


# -- the audit's datasets ---------------------------------------------------------------------

@pytest.mark.parametrize("fn", [
    lambda m: m.sort(m.array(DS8[::-1])),
    lambda m: m.argsort(m.array(DS8[::-1]), kind="stable"),
    lambda m: m.unique(m.array(DS8)),
    lambda m: m.unique(m.array(DS8), return_index=True, return_inverse=True, return_counts=True),
    lambda m: m.searchsorted(m.array(DS8), 5),
    lambda m: m.searchsorted(m.array(DS8), [0, 1, 4, 13, 14], side="right"),
    lambda m: m.partition(m.array(DS8[::-1]), 3)[3],
    lambda m: m.digitize([0, 1, 6, 20], m.array(DS8)),
    lambda m: m.lexsort((m.array(DS8), m.array(DS8[::-1]))),
    lambda m: m.union1d(DS9_A, DS9_B),
    lambda m: m.intersect1d(DS9_A, DS9_B),
    lambda m: m.intersect1d(DS9_A, DS9_B, return_indices=True),
    lambda m: m.setdiff1d(DS9_A, DS9_B),
    lambda m: m.setxor1d(DS9_A, DS9_B),
    lambda m: m.in1d(DS9_A, DS9_B),
    lambda m: m.isin(m.array([[1, 2], [5, 6]]), DS9_B, invert=True),
])
def test_datasets(fn):
    check(fn)


# -- sort / argsort on generated data -----------------------------------------------------------

@pytest.mark.parametrize("dtype", ALL_DTYPES)
@pytest.mark.parametrize("n", SIZES)
@pytest.mark.parametrize("pattern", PATTERNS)
def test_sort_argsort_stable_exact(dtype, n, pattern):
    a = data(dtype, n, pattern)
    ca = c(a)
    # stable kinds: NumPy's exact order, bits included (-0.0/0.0 and NaNs keep input order)
    assert np.array_equal(np.asarray(cnp.sort(ca, kind="stable")).view(np.uint8),
                          np.sort(a, kind="stable").view(np.uint8))
    assert np.array_equal(np.asarray(cnp.argsort(ca, kind="stable")), np.argsort(a, kind="stable"))
    assert np.array_equal(np.asarray(cnp.argsort(ca, kind="mergesort")), np.argsort(a, kind="stable"))
    for kind in (None, "quicksort", "heapsort"):
        assert_values(cnp.sort(ca, kind=kind), np.sort(a, kind=kind))
        p = np.asarray(cnp.argsort(ca, kind=kind))
        assert p.dtype == np.intp
        assert_values(c(a)[cnp.array(p)], np.sort(a)) if n else None


@pytest.mark.parametrize("dtype", ["int8", "int64", "float32", "float64", "complex128", "bool"])
@pytest.mark.parametrize("axis", [0, 1, 2, -1, -3, None])
def test_every_axis_3d(dtype, axis):
    a = data(dtype, 4 * 5 * 6, "special" if dtype[0] in "fc" else "dups").reshape(4, 5, 6)
    check(lambda m: m.sort(m.array(a), axis=axis, kind="stable"))
    check(lambda m: m.argsort(m.array(a), axis=axis, kind="stable"))
    check(lambda m: m.lexsort(m.array(a), axis=-1 if axis is None else min(axis, 1)))
    assert_values(cnp.sort(c(a), axis=axis), np.sort(a, axis=axis))


@pytest.mark.parametrize("dtype", ["int16", "float64", "complex64", "float16", "uint32"])
def test_views_and_strides(dtype):
    base = data(dtype, 7 * 9 * 2, "special" if dtype[0] in "fc" else "wide").reshape(7, 9, 2)
    for view in (lambda x: x[::-1], lambda x: x[:, ::-2, 1], lambda x: x.transpose(2, 0, 1),
                 lambda x: x[1:6:2, ::3]):
        for axis in (0, -1, None):
            check(lambda m: m.sort(view(m.array(base)), axis=axis, kind="stable"))
            check(lambda m: m.argsort(view(m.array(base)), axis=axis, kind="stable"))
            for kth in (0, -1):
                got = np.asarray(cnp.partition(view(c(base)), kth, axis=axis))
                exp = np.partition(view(base), kth, axis=axis)
                ax = -1 if axis is None else axis
                assert_values(np.take(got, [kth], axis=ax), np.take(exp, [kth], axis=ax))


def test_sort_layout_and_inplace_methods():
    a = np.arange(12.0)[::-1].reshape(3, 4).T
    check(lambda m: m.sort(m.array(a), axis=0), strides=True)
    check(lambda m: m.argsort(m.array(a), axis=0), strides=True)

    def inplace(m):
        x = m.array(np.arange(24)[::-1].reshape(2, 3, 4) % 7)
        v = x[:, ::-1]
        r = v.sort(axis=1, kind="stable")
        assert r is None
        x[0].sort()
        return x
    check(inplace)

    def inpart(m):
        x = m.array([5, 1, 4, 2, 3, 9, 0])
        x.partition(3)
        return x[3]
    check(inpart)


def test_0d_and_empty():
    for fn in (lambda m: m.sort(m.array(5.0)), lambda m: m.sort(m.array(5.0), axis=None),
               lambda m: m.argsort(m.array(5)), lambda m: m.argsort(m.array(5), axis=None),
               lambda m: m.sort(m.zeros((0, 3)), axis=0), lambda m: m.argsort(m.zeros((3, 0))),
               lambda m: m.sort(m.zeros((0,), dtype="int8")),
               lambda m: m.partition(m.array(5), 0), lambda m: m.partition(m.array(5), 0, axis=None),
               lambda m: m.partition(m.zeros((2, 0)), 0, axis=0),
               lambda m: m.unique(m.zeros(0)), lambda m: m.unique(m.array(3.0)),
               lambda m: m.unique(m.zeros(0), return_index=True, return_inverse=True, return_counts=True),
               lambda m: m.searchsorted(m.zeros(0), 1.0), lambda m: m.searchsorted(m.array([1, 2]), m.zeros((2, 0))),
               lambda m: m.in1d([], [1, 2]), lambda m: m.in1d([1, 2], []),
               lambda m: m.union1d([], []), lambda m: m.intersect1d([], [1]), lambda m: m.setxor1d([], []),
               lambda m: m.setdiff1d([1, 2], [])):
        check(fn)


def test_sort_complex_and_nan_order():
    vals = [complex(NAN, 1), complex(1, NAN), complex(1, 2), complex(NAN, NAN), complex(0, 5),
            complex(1, -1), complex(INF, 0), complex(-0.0, 3), complex(0.0, 3), complex(NAN, -1)]
    for dt in ("complex64", "complex128"):
        check(lambda m: m.sort(m.array(vals, dtype=dt), kind="stable"))
        check(lambda m: m.argsort(m.array(vals, dtype=dt)))
        check(lambda m: m.searchsorted(m.sort(m.array(vals, dtype=dt)), m.array(vals, dtype=dt)))
    for dt in ("int8", "uint16", "int64", "float32", "bool"):
        check(lambda m: m.sort_complex(m.array([3, 1, 2, 0], dtype=dt)))
    check(lambda m: m.sort_complex([1 + 2j, 2 - 1j, 3 - 2j, 3 - 3j, 3 + 5j]))
    check(lambda m: m.sort([NAN, 1.0, -INF, INF, -NAN, -0.0, 0.0, 2.0], kind="stable"))


# -- partition ------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", ALL_DTYPES)
@pytest.mark.parametrize("n", [1, 2, 17, 1025])
def test_partition(dtype, n):
    a = data(dtype, n, "special" if dtype[0] in "fc" else "dups")
    exp_sorted = np.sort(a)
    for kth in ([0], [n - 1], [n // 2], [-1, 0, n // 3]):
        got = np.asarray(cnp.partition(c(a), kth))
        gi = np.asarray(cnp.argpartition(c(a), kth))
        assert gi.dtype == np.intp and sorted(gi.tolist()) == list(range(n))
        for k in kth:
            assert_values(got[[k]], exp_sorted[[k]])
            assert_values(a[gi][[k]], exp_sorted[[k]])
        if dtype not in ("complex64", "complex128"):  # the partition property (NaN last)
            k = kth[0] % n
            key = np.where(np.isnan(got.astype(float)), np.inf, got.astype(float)) if got.dtype.kind == "f" else got
            assert (key[:k] <= key[k]).all() and (key[k + 1:] >= key[k]).all()


@pytest.mark.parametrize("dtype", ["int64", "float64", "uint8", "float32"])
def test_partition_large(dtype):
    # above the quickselect's small-range cutoff, with heavy duplicates and NaNs
    rng = np.random.default_rng(9)
    for a in (rng.integers(0, 3, 70000).astype(dtype), rng.standard_normal(70000).astype(dtype)
              if dtype[0] == "f" else rng.integers(0, 200, 70000).astype(dtype)):
        if dtype[0] == "f":
            a[::7] = np.nan
        exp = np.sort(a)
        for kth in ([0], [35000], [69999], [5, 40000, -3]):
            got = np.asarray(cnp.partition(c(a), kth))
            gi = np.asarray(cnp.argpartition(c(a), kth))
            for k in kth:
                assert_values(got[[k]], exp[[k]])
                assert_values(a[gi][[k]], exp[[k]])
            k = kth[0] % len(a)
            key = np.where(np.isnan(got), np.inf, got) if dtype[0] == "f" else got
            assert (key[:k] <= key[k]).all() and (key[k + 1:] >= key[k]).all()


def test_partition_errors():
    a = DS8
    check_error(lambda m: m.partition(m.array(a), 10))
    check_error(lambda m: m.partition(m.array(a), -10))
    check_error(lambda m: m.argpartition(m.array(a), [1, 7]))
    check_error(lambda m: m.partition(m.array(a), 1.5))
    check_error(lambda m: m.partition(m.array(a), [[1]]))
    check_error(lambda m: m.partition(m.array(a), 1, kind="bogus"))
    check_error(lambda m: m.partition(m.array(a), 1, axis=1))
    check_error(lambda m: m.partition(m.array(a), 1, order="x"))
    check(lambda m: m.partition(m.array(a), (1, -2))[[1, -2]])
    # empty arrays: only kth's type is checked
    check(lambda m: m.partition(m.array([]), 5))
    check(lambda m: m.argpartition(m.zeros((0, 3)), 7, axis=1))
    check_error(lambda m: m.partition(m.array([]), 1.5))
    check(lambda m: m.argpartition(m.array(5), 0))
    check_error(lambda m: m.argpartition(m.array(5), 3))
    check_error(lambda m: m.partition(m.array(5), 3, axis=None))


# -- searchsorted / digitize ------------------------------------------------------------------

@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_searchsorted(dtype):
    hay = np.sort(data(dtype, 300, "special" if dtype[0] in "fc" else "dups"))
    needles = data(dtype, 500, "special" if dtype[0] in "fc" else "dups", seed=3)
    for side in ("left", "right", "R", "L"):
        check(lambda m: m.searchsorted(m.array(hay), m.array(needles), side=side))
        check(lambda m: m.searchsorted(m.array(hay), m.sort(m.array(needles)), side=side))
        check(lambda m: m.array(hay).searchsorted(m.array(needles).reshape(20, 25), side))
    perm = np.argsort(hay[::-1], kind="stable")
    check(lambda m: m.searchsorted(m.array(hay[::-1]), m.array(needles), sorter=m.array(perm)))


def test_searchsorted_forms_and_errors():
    check(lambda m: m.searchsorted([1, 2, 3], 2))                 # a scalar result
    check(lambda m: m.searchsorted([1, 2, 3], 2.5))               # promoted to float64
    check(lambda m: m.searchsorted(m.array([1, 2, 3], dtype="int8"), 300))
    check(lambda m: m.searchsorted([0.0, 1.0, NAN], [NAN, -0.0, 0.0, 1.0], side="right"))
    check(lambda m: m.searchsorted([3, 1, 2], [2, 3], sorter=[1, 2, 0]))
    check_error(lambda m: m.searchsorted([1, 2, 3], 2, side="middle"))
    check_error(lambda m: m.searchsorted([1, 2, 3], 2, sorter=[0, 1]))
    check_error(lambda m: m.searchsorted([[1, 2, 3]], 2))
    check_error(lambda m: m.searchsorted([1, 2, 3], 1, sorter=[0.0, 1.0, 2.0]))
    check_error(lambda m: m.searchsorted([1, 2, 3], 1, sorter=[[0, 1, 2]]))
    check(lambda m: m.searchsorted(m.arange(10**6), m.arange(-5, 10**6 + 5, 7)))
    # many random needles in a large haystack: the needles are sorted first
    rng = np.random.default_rng(2)
    hay = np.sort(np.concatenate([rng.integers(0, 5000, 60000), rng.integers(0, 10**6, 60000)]))
    nd = rng.integers(-10, 10**6 + 10, 9000)
    for side in ("left", "right"):
        check(lambda m: m.searchsorted(m.array(hay), m.array(nd), side=side))
        check(lambda m: m.searchsorted(m.array(hay.astype("float32")), m.array(nd.astype("float32")), side=side))


def test_digitize():
    x = [-1.0, 0.0, 0.2, 6.4, 3.0, 1.6, 10.0, NAN]
    for bins in ([0.0, 1.0, 2.5, 4.0, 10.0], [10.0, 4.0, 2.5, 1.0, 0.0], [1.0, 1.0, 2.0],
                 [3.0, 3.0, 3.0]):
        for right in (False, True):
            check(lambda m: m.digitize(x, bins, right=right))
    check(lambda m: m.digitize(m.array(DS8), [0, 5, 10]))
    check_error(lambda m: m.digitize(x, [1.0, 3.0, 2.0]))
    check_error(lambda m: m.digitize([1 + 1j], [1.0, 2.0]))
    check_error(lambda m: m.digitize(x, [[1.0, 2.0]]))


# -- lexsort --------------------------------------------------------------------------------

def test_lexsort():
    a = [1, 5, 1, 4, 3, 4, 4]
    b = [9, 4, 0, 4, 0, 2, 1]
    check(lambda m: m.lexsort((b, a)))
    check(lambda m: m.lexsort(m.array([b, a])))
    surnames = [3.0, NAN, 1.0, -0.0, 0.0, NAN]
    firsts = [1, 2, 3, 4, 5, 6]
    check(lambda m: m.lexsort((m.array(firsts, dtype="uint8"), m.array(surnames))))
    x = np.arange(24).reshape(2, 3, 4) % 3
    for axis in (0, 1, -1):
        check(lambda m: m.lexsort((m.array(x), m.array(x[::-1])), axis=axis))
    check(lambda m: m.lexsort(m.array([3, 1, 2])))
    check(lambda m: m.lexsort([m.array(3)]))
    check_error(lambda m: m.lexsort([]))
    check_error(lambda m: m.lexsort(([1, 2], [1, 2, 3])))
    check_error(lambda m: m.lexsort(([1, 2],), axis=1))


# -- unique ---------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", ALL_DTYPES)
@pytest.mark.parametrize("n", [1, 17, 1025])
def test_unique(dtype, n):
    a = data(dtype, n, "special" if dtype[0] in "fc" else "dups")
    for equal_nan in (True, False):
        check(lambda m: m.unique(m.array(a), True, True, True, equal_nan=equal_nan))
        # Without return_index NumPy sorts with quicksort: which zero (-0.0 or 0.0) stands for
        # its group may differ, so values are compared with -0.0 == 0.0.
        assert_values(cnp.unique(c(a), equal_nan=equal_nan), np.unique(a, equal_nan=equal_nan))
        got = cnp.unique(c(a), return_counts=True, equal_nan=equal_nan)
        exp = np.unique(a, return_counts=True, equal_nan=equal_nan)
        assert_values(got[0], exp[0])
        assert_values(got[1], exp[1])
        if equal_nan or not np.isnan(a).any():
            # (with distinct NaNs, their group numbers follow NumPy's unstable quicksort)
            got = cnp.unique(c(a).reshape(-1, 1), return_inverse=True, equal_nan=equal_nan)
            exp = np.unique(a.reshape(-1, 1), return_inverse=True, equal_nan=equal_nan)
            assert_values(got[0], exp[0])
            assert_values(got[1], exp[1])


def test_unique_axis():
    a = np.array([[1, 0, 0], [1, 0, 0], [2, 3, 4], [0, 0, 9], [2, 3, 4]], dtype="int8")
    for axis in (0, 1, -1, -2):
        check(lambda m: m.unique(m.array(a), axis=axis))
        check(lambda m: m.unique(m.array(a), True, True, True, axis=axis))
    f = np.array([[NAN, 1.0], [NAN, 1.0], [-0.0, 2.0], [0.0, 2.0], [0.0, -1.0]])
    check(lambda m: m.unique(m.array(f), axis=0, return_counts=True))
    check(lambda m: m.unique(m.zeros((3, 0)), axis=0))
    check(lambda m: m.unique(m.zeros((0, 2)), axis=0, return_inverse=True))
    check_error(lambda m: m.unique(m.array([1, 2]), axis=2))
    z = np.arange(24).reshape(2, 3, 4) % 2
    for axis in (0, 1, 2):
        check(lambda m: m.unique(m.array(z), axis=axis, return_index=True))


# -- set functions (examples from NumPy's test_arraysetops) ------------------------------------

def test_set_functions():
    a = [5, 7, 1, 2]
    b = [2, 4, 3, 1, 5]
    check(lambda m: m.intersect1d(a, b, assume_unique=True))
    check(lambda m: m.intersect1d([5, 5, 7, 1, 2], [2, 1, 4, 3, 3, 1, 5]))
    check(lambda m: m.intersect1d([1, 2, 3, 4], [2, 1, 4, 6], assume_unique=True, return_indices=True))
    check(lambda m: m.intersect1d([1, 1, 2, 3, 4], [2, 1, 4, 6], return_indices=True))
    check(lambda m: m.intersect1d([[1, 1, 2], [3, 4, 2]], [[1, 1], [4, 6]], return_indices=True))
    check(lambda m: m.setxor1d([5, 7, 1, 2], [2, 4, 3, 1, 5]))
    check(lambda m: m.setxor1d([1, 2, 3], [6, 5, 4]))
    check(lambda m: m.setxor1d([1, 8, 2, 3], [6, 5, 4, 8], assume_unique=True))
    check(lambda m: m.setdiff1d([6, 5, 4, 7, 1, 2, 7, 4], [2, 4, 3, 3, 2, 1, 5]))
    check(lambda m: m.setdiff1d(m.arange(21), m.arange(19)))
    check(lambda m: m.setdiff1d(m.array([1, 2, 3], dtype="uint32"), m.array([1], dtype="uint32")))
    check(lambda m: m.union1d([5, 4, 7, 1, 2], [2, 4, 3, 3, 2, 1, 5]))
    check(lambda m: m.union1d([[1, 2], [3, 4]], [[5, 2]]))
    check(lambda m: m.union1d([1.5, NAN, 2.0], [NAN, -0.0, 0.0]))
    check(lambda m: m.intersect1d([1.0, NAN, 2.0], [NAN, 2.0]))
    check(lambda m: m.unique(m.array([True, False, True]), return_counts=True))


@pytest.mark.parametrize("kind", [None, "sort", "table"])
def test_in1d_isin(kind):
    a = [5, 7, 1, 2]
    b = [2, 4, 3, 1, 5] * 3
    check(lambda m: m.in1d(a, b, kind=kind))
    check(lambda m: m.in1d(a, b, invert=True, kind=kind))
    check(lambda m: m.isin(m.array([[5, 7], [1, 2]]), b, kind=kind))
    check(lambda m: m.isin(m.array([[5, 7], [1, 2]]), m.array(b, dtype="int8"), invert=True, kind=kind))
    check(lambda m: m.in1d(m.array([True, False]), m.array([False]), kind=kind))
    rng = np.random.default_rng(5)
    x, y = rng.integers(0, 3000, 5000), rng.integers(0, 3000, 700)
    check(lambda m: m.in1d(m.array(x), m.array(y), kind=kind))
    if kind != "table":
        check(lambda m: m.in1d([1.0, NAN, -0.0, 2.5], [NAN, 0.0, 2.5, 7], kind=kind))
        check(lambda m: m.in1d([1 + 1j, complex(NAN, 0), 2j], [2j, complex(NAN, 0)], kind=kind))
        check(lambda m: m.in1d(m.array([1, 2, 3], dtype="uint64"), [1.0, 3.5, -1], kind=kind))
    else:
        check_error(lambda m: m.in1d([1.0], [1.0], kind=kind))
    check_error(lambda m: m.in1d([1], [1], kind="bogus"))


# -- errors and keyword forms -----------------------------------------------------------------

def test_sort_errors_and_kinds():
    a = [3, 1, 2]
    for kind in ("quicksort", "mergesort", "heapsort", "stable", "q", "Stable", None):
        check(lambda m: m.sort(m.array(a), kind=kind))
        check(lambda m: m.argsort(m.array(a), kind=kind))
    check_error(lambda m: m.sort(m.array(a), kind="bogus"))
    check_error(lambda m: m.argsort(m.array(a), kind="bogus"))
    check_error(lambda m: m.sort(m.array(a), kind=3))
    check_error(lambda m: m.sort(m.array(a), axis=1))
    check_error(lambda m: m.argsort(m.array(a), axis=-2))
    check_error(lambda m: m.sort(m.array(5)))
    check_error(lambda m: m.sort(m.array(a), order="f0"))
    check_error(lambda m: m.array(a).sort(kind="bogus"))
    check_error(lambda m: m.array(a).sort(axis=3))
    check(lambda m: m.msort(m.array([[3, 1], [2, 4], [0, 9]])))

    def readonly(m):
        x = m.broadcast_to(m.array([3, 1, 2]), (2, 3))
        x.sort()
    check_error(readonly)
