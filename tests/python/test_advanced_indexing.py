"""Advanced indexing (integer and boolean index arrays), assignment through any index, and
iteration, compared with NumPy."""
import numpy as np
import pytest

import cnumpy as cnp
from cnp_helpers import ALL_DTYPES, DATASETS, arr, check, check_error

BASE = np.arange(60).reshape(3, 4, 5)


def src(xp, dtype="int64", layout="c"):
    """A 3x4x5 array in the given layout: c, f (Fortran), strided, negative strides."""
    a = arr(xp, BASE, dtype)
    if layout == "f":
        return xp.asfortranarray(a)
    if layout == "strided":
        big = arr(xp, np.arange(6 * 4 * 10).reshape(6, 4, 10), dtype)
        return big[::2, :, ::2]
    if layout == "neg":
        return a[::-1, :, ::-1]
    return a


def conv(xp, key):
    """The index with NumPy arrays made into xp arrays."""
    if isinstance(key, tuple):
        return tuple(conv(xp, k) for k in key)
    if isinstance(key, np.ndarray):
        return key if xp is np else cnp.array(key)
    return key


KEYS = [
    [0, 2],
    [[0, 1], [2, 2]],
    [-1, 0, -3],
    (0, [1, 3]),
    ([0, 2], slice(None), [1, 4]),          # separated by a slice: to the front
    (slice(None), [0, 3], [1, 4]),          # adjacent: in place
    (slice(None), [[0], [3]], [1, 4]),      # broadcast (2,1) with (2,)
    ([0], None, [0]),                       # newaxis separates
    (Ellipsis, [1, 1, 4]),
    ([2, 0], Ellipsis, [1]),
    (slice(1, None), [0, 0], slice(None, None, -2)),
    np.array([True, False, True]),
    BASE % 3 == 0,
    (slice(None), BASE[0] % 2 == 0),        # 2-d mask after a slice
    (BASE[:, :, 0] > 10, [1, 2]),
    (np.array([True, False, True]), slice(None), 2),
    True,
    False,
    (0, True),
    (Ellipsis, True),
    [],
    np.array([], dtype=np.int64),
    (np.array(1), 2),                        # 0-d integer arrays are integers
    np.array([1, 2], dtype=np.uint8),
    (np.array([[0, 1]], dtype=np.int32), np.array([[2], [3]], dtype=np.int16)),
    (1, [1, 2], slice(None)),
    ([0, 1], 2, [3, 4]),
]


@pytest.mark.parametrize("key", KEYS, ids=range(len(KEYS)))
@pytest.mark.parametrize("layout", ["c", "f", "strided", "neg"])
def test_getitem(key, layout):
    check(lambda xp: src(xp, "int64", layout)[conv(xp, key)])


@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_getitem_dtypes(dtype):
    check(lambda xp: src(xp, dtype)[conv(xp, ([0, 2], slice(None), [1, 4]))])
    check(lambda xp: src(xp, dtype)[conv(xp, BASE % 4 == 1)])
    check(lambda xp: src(xp, dtype)[conv(xp, BASE[0] > 3)])
    check(lambda xp: src(xp, dtype, "neg")[conv(xp, [2, 0, 1, 1])])


def test_result_is_a_copy():
    for xp in (np, cnp):
        a = xp.arange(10)
        b = a[[1, 2]]
        b[0] = 100
        assert a[1] == 1
        c = a[a > 5]
        c[0] = -1
        assert a[6] == 6


def test_zero_d_and_empty():
    check(lambda xp: xp.array(5)[True])
    check(lambda xp: xp.array(5)[False])
    check(lambda xp: xp.array(5)[xp.array(True)])
    check(lambda xp: xp.zeros((0, 3))[[]])
    check(lambda xp: xp.zeros((0, 3))[xp.zeros((0, 3), bool)])
    check(lambda xp: xp.zeros((0, 3))[:, [0, 2]])
    check(lambda xp: xp.arange(6.).reshape(2, 3)[[], :])


@pytest.mark.parametrize("name", ["DS-ARRAY-4"])
def test_dataset_mask(name):
    data = DATASETS[name]
    check(lambda xp: xp.arange(5)[xp.array(data)])
    check(lambda xp: xp.array(data)[xp.array(data)])
    check(lambda xp: xp.arange(10.).reshape(5, 2)[xp.array(data)])
    check(lambda xp: xp.where(xp.array(data)))
    check(lambda xp: xp.nonzero(xp.array(data)))


def test_dataset_2_selection():
    m = DATASETS["DS-ARRAY-2"]
    check(lambda xp: xp.array(m)[xp.array(m) > 2])
    check(lambda xp: xp.array(m)[:, [2, 0]])
    check(lambda xp: xp.array(m)[[1, 0], [0, 2]])


ERRORS = [
    lambda xp: xp.arange(5)[[7]],
    lambda xp: xp.arange(5)[[-6]],
    lambda xp: xp.arange(24).reshape(2, 3, 4)[:, [5]],
    lambda xp: xp.arange(24).reshape(2, 3, 4)[None, :, [5]],
    lambda xp: xp.arange(5)[[1], 2],
    lambda xp: xp.arange(5)[[1], [2]],
    lambda xp: xp.arange(3)[xp.array([True, False])],
    lambda xp: xp.arange(24).reshape(2, 3, 4)[:, xp.ones((3, 3), bool)],
    lambda xp: xp.arange(24).reshape(2, 3, 4)[[0, 1], [0, 1, 2]],
    lambda xp: xp.arange(24).reshape(2, 3, 4)[[0, 1], xp.ones(3, bool)],
    lambda xp: xp.arange(5)[[1.0]],
    lambda xp: xp.arange(5)[xp.array([1.5])],
    lambda xp: xp.arange(5)[1.0],
    lambda xp: xp.arange(5)["a"],
    lambda xp: xp.arange(5)[..., ..., [1]],
    lambda xp: xp.arange(5)[7],
]


@pytest.mark.parametrize("fn", ERRORS, ids=range(len(ERRORS)))
def test_getitem_errors(fn):
    check_error(fn)


SET_KEYS = [
    [0, 2],
    (0, [1, 3]),
    ([0, 2], slice(None), [1, 4]),
    (slice(None), [0, 3], [1, 4]),
    BASE % 3 == 0,
    (slice(None), BASE[0] % 2 == 0),
    ([2, 2, 0],),                               # duplicates: the last write wins
    (Ellipsis, [1, 1, 4]),
    True,
    (1, slice(None), 2),                        # basic index
]


def _set(xp, key, value, dtype="int64", layout="c"):
    a = src(xp, dtype, layout).copy() if layout == "c" else src(xp, dtype, layout)
    a[conv(xp, key)] = value(xp, a[conv(xp, key)].shape) if callable(value) else value
    return a


def _ramp(xp, shape):
    n = int(np.prod(shape))
    return xp.arange(n, dtype="float64").reshape(shape) * 1.5 - 7


@pytest.mark.parametrize("key", SET_KEYS, ids=range(len(SET_KEYS)))
@pytest.mark.parametrize("layout", ["c", "neg", "strided"])
def test_setitem(key, layout):
    check(lambda xp: _set(xp, key, -9, layout=layout))
    check(lambda xp: _set(xp, key, 2.7, layout=layout))          # truncates into int64
    check(lambda xp: _set(xp, key, _ramp, layout=layout))        # an array of the indexed shape


@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_setitem_dtypes(dtype):
    check(lambda xp: _set(xp, BASE % 3 == 0, 1, dtype))
    check(lambda xp: _set(xp, ([0, 2], slice(None), [1, 4]), _ramp, dtype))


def test_setitem_broadcast_and_lists():
    check(lambda xp: _set(xp, ([0, 2],), lambda xp, s: xp.arange(5.)))
    check(lambda xp: _set(xp, (slice(None), [0, 1]), [[1], [2], [3]]))
    check(lambda xp: _set(xp, BASE > 50, [1, 2, 3, 4, 5, 6, 7, 8, 9]))
    check(lambda xp: _set(xp, ([0, 1],), lambda xp, s: xp.ones((1, 1, 4, 5))))


def test_setitem_through_view_and_overlap():
    def f(xp):
        a = xp.arange(20).reshape(4, 5)
        v = a[1:, ::2]
        v[[0, 2], [1, 0]] = [-1, -2]
        a[[0, 1]] = a[[1, 0]]           # source overlaps the destination
        a[a < 0] = a[:2].ravel()[:2]
        return a
    check(f)


SET_ERRORS = [
    lambda xp: _set(xp, ([0, 1],), lambda xp, s: xp.zeros(3)),
    lambda xp: _set(xp, ([0, 1],), lambda xp, s: xp.zeros((2, 4, 4))),
    lambda xp: _set(xp, (0,), lambda xp, s: xp.zeros((2, 3, 3))),
    lambda xp: _set(xp, ([7],), 1),
    lambda xp: _set(xp, (np.array([True]),), 1),
    lambda xp: _set(xp, ([1.5],), 1),
]


@pytest.mark.parametrize("fn", SET_ERRORS, ids=range(len(SET_ERRORS)))
def test_setitem_errors(fn):
    check_error(fn)


def test_setitem_read_only():
    for key in ([0], np.array([True, False, True]), 0):
        def f(xp, key=key):
            a = xp.broadcast_to(xp.arange(3), (2, 3))
            a[conv(xp, key)] = 1
        check_error(f)


def test_failed_assignment_leaves_data():
    a = cnp.arange(5)
    with pytest.raises(IndexError):
        a[[0, 1, 9]] = 7
    assert a.tolist() == [0, 1, 2, 3, 4]


def test_iteration_and_len():
    for xp in (np, cnp):
        a = xp.arange(12).reshape(3, 4)
        assert len(a) == 3
        rows = [r.tolist() for r in a]
        assert rows == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]
    check(lambda xp: [x for x in xp.arange(4.)[::-1]])
    check_error(lambda xp: len(xp.array(1.0)))
    check_error(lambda xp: iter(xp.array(1.0)))


def test_large_mask_matches():
    rng = np.random.default_rng(5)
    x = rng.random(10007)
    m = x > 0.3
    check(lambda xp: (xp.array(x) if xp is cnp else x)[xp.array(m) if xp is cnp else m])
    check(lambda xp: (xp.array(x) if xp is cnp else x)[xp.array(m[::-1]) if xp is cnp else m[::-1]])
