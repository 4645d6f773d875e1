"""Basic indexing (ints, slices, None, Ellipsis): views, strides, scalars, assignment, errors."""
import numpy as np
import pytest

import cnumpy as cnp
from cnp_helpers import ALL_DTYPES, arr, check, check_error, values_for

E = Ellipsis
S = slice
BIG = 10 ** 20

ARRAYS = {
    "1d": lambda xp: xp.arange(10),
    "1d_f16": lambda xp: xp.arange(7, dtype="float16"),
    "2d": lambda xp: xp.arange(12).reshape(3, 4),
    "2d_F": lambda xp: xp.copy(xp.arange(12.0).reshape(4, 3).T, order="F"),
    "3d": lambda xp: xp.arange(24, dtype="int32").reshape(2, 3, 4),
    "5d": lambda xp: xp.arange(48, dtype="complex64").reshape(2, 3, 1, 4, 2),
    "0d": lambda xp: xp.array(5.0),
    "empty": lambda xp: xp.zeros((3, 0)),
    "neg": lambda xp: xp.arange(24.0).reshape(4, 6)[::-1, ::-2],
}

INDICES = {
    "1d": [0, 3, -1, -10, 9, S(None), S(2, 7), S(2, 7, 2), S(None, None, -1), S(None, None, -3),
           S(7, 2, -1), S(-3, None), S(None, -3), S(100, None), S(-100, None), S(5, 5), S(7, 2),
           S(2, 7, -1), S(-100, 100), S(100, -100, -1), S(None, 3, -1), S(-3, None, -1),
           S(-100, None, -1), S(100, None, -1), S(None, -100, -1), S(2, -2, 3), S(-BIG, BIG),
           S(BIG, -BIG, -1), S(None, None, 2 ** 70), S(None, None, -(2 ** 70)), None, E,
           (None, E), (E, None), (4, None), (None, 4), (), (S(1, 4), None), (None, None, S(2))],
    "2d": [1, -1, (1, 2), (-1, -1), (S(None), 1), (1, S(None)), (E, 1), (1, E), (None, 1),
           (E, None), (S(None, None, -1), S(None, None, -2)), (S(1, None), None, S(None, None, 2)),
           (), E, (1, E, 2), (1, 2, E), (None, None, 1, None), (E, None, 1), (S(5, None), S(1, 1)),
           (S(0, 0),), (S(None), S(None)), (-3, -4), (S(-2, None), S(-3, -1)),
           (S(None, None, 2), S(1, None, 2)), (None, S(None), None, S(None), None)],
    "3d": [0, (1, 2, 3), (E, 0), (0, E), (E, S(None, None, -1)), (S(None), 1, S(None)),
           (None, E, None), (1, None, S(None, None, 2), -1), (S(None, None, -1),) * 3,
           (0, 0), (E, 1, 2), (S(1, 2), S(0, 3, 2), S(3, 0, -2)), (), (-1, E, None)],
    "5d": [0, (E, 1), (1, E, 0, S(None, None, -1)), (S(None), S(None), 0), (E,),
           (None, 1, 2, 0, 3, 1), (S(None, None, -1), E, S(None, None, -1)),
           (1, S(None), None, 0, S(1, 3), E), (E, None, None)],
    "0d": [(), E, None, (E, None), (None, E), (None, None)],
    "empty": [0, (S(None), S(None, None, -1)), (E, None), (1, E), (S(1, 1),), (-3,)],
    "neg": [0, -1, (S(None, None, -1),), (1, S(None)), (S(None), 1), (S(1, 3), S(None, None, -1)),
            (E, None), ()],
    "2d_F": [0, (S(None), 1), (S(None, None, -1), S(1, None)), (None, E, 2)],
    "1d_f16": [0, -1, S(None, None, -2), (E, None)],
}
CASES = [(name, idx) for name, idxs in INDICES.items() for idx in idxs]


def _read_and_write(mk, idx):
    def fn(xp):
        a = mk(xp)
        r = a[idx]
        if isinstance(r, xp.ndarray):
            before = r.copy()
            shares = bool(xp.may_share_memory(a, r))
            if r.size:
                r[...] = 1
            return before, r, a, shares
        return r, a
    return fn


@pytest.mark.parametrize("name,idx", CASES, ids=repr)
def test_basic_index(name, idx):
    mk = ARRAYS[name]
    exp, got = check(lambda xp: mk(xp)[idx], strides=True)
    # a view of the original: writes through it are seen by the base
    check(_read_and_write(mk, idx))
    if isinstance(exp, np.ndarray):
        assert not got.flags.owndata


@pytest.mark.parametrize("name,idx", [(n, i) for n, i in CASES if n in ("2d", "3d")], ids=repr)
def test_index_assignment_scalar(name, idx):
    mk = ARRAYS[name]

    def fn(xp):
        a = mk(xp)
        a[idx] = -7
        return a
    check(fn, strides=True)


@pytest.mark.parametrize("name", list(ARRAYS))
def test_index_integer_returns_scalar(name):
    mk = ARRAYS[name]
    e = mk(np)
    if e.ndim == 0 or e.size == 0:
        return
    for flat in range(min(e.size, 6)):
        idx = np.unravel_index(flat, e.shape)
        idx = tuple(int(i) for i in idx)
        exp, got = check(lambda xp: mk(xp)[idx])
        assert isinstance(exp, np.generic)
        negidx = tuple(i - n for i, n in zip(idx, e.shape))
        check(lambda xp: mk(xp)[negidx])


def test_0d_index_empty_tuple_returns_scalar():
    exp, got = check(lambda xp: xp.array(5.0)[()])
    assert isinstance(exp, np.float64)
    assert not isinstance(got, cnp.ndarray)
    exp, got = check(lambda xp: xp.array(5.0)[...], strides=True)
    assert isinstance(got, cnp.ndarray) and got.shape == ()


def test_index_with_ellipsis_returns_0d_array():
    exp, got = check(lambda xp: xp.arange(12).reshape(3, 4)[1, ..., 2])
    assert isinstance(got, cnp.ndarray) and got.shape == ()


def test_nested_views_see_each_others_writes():
    a = cnp.arange(24).reshape(4, 6)
    v1 = a[1:, ::2]
    v2 = v1[::-1, 1:]
    v3 = v2.T[None, ...]
    v3[0, 0, 0] = -1
    assert a[3, 2] == -1
    a[1, 4] = -2
    assert v1[0, 2] == -2 and v2[2, 1] == -2 and v3[0, 1, 2] == -2
    n = np.arange(24).reshape(4, 6)
    n[1:, ::2][::-1, 1:].T[None, ...][0, 0, 0] = -1
    n[1, 4] = -2
    assert a.tolist() == n.tolist()
    for v in (v1, v2, v3):
        assert cnp.may_share_memory(a, v)


@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_index_every_dtype(dtype):
    vals = (values_for(dtype) * 2)[:8]
    check(lambda xp: arr(xp, vals, dtype)[::-2], strides=True)
    check(lambda xp: arr(xp, vals, dtype)[3])
    check(lambda xp: arr(xp, vals, dtype)[-1])
    check(lambda xp: arr(xp, vals, dtype).reshape(2, 4)[1, 1:3], strides=True)
    check(lambda xp: arr(xp, vals, dtype).reshape(2, 4)[:, 2])


# --------------------------------------------------------------------------------------------
# index errors

INDEX_ERRORS = [
    ("1d5", 7), ("1d5", -6), ("1d5", 5), ("1d5", (1, 2)), ("1d5", (E, E)),
    ("1d5", S(None, None, 0)),
    ("1d5", (0, S(None, None, 0))), ("2d", 5), ("2d", (0, 5)), ("2d", (0, -5)), ("2d", -4),
    ("2d", (1, 2, 3)), ("2d", (S(None),) * 3), ("2d", (E, 1, E)), ("2d", (1, S(1, 2, 0))),
    ("0d", 0), ("0d", S(None)), ("0d", (E, E)), ("1d5", 1.0), ("1d5", "a"), ("1d5", 2 ** 70),
    ("1d5", (None,) * 32), ("2d", (None,) * 31), ("empty", (0, 0)), ("empty", 3),
]
ERR_ARRAYS = {
    "1d5": lambda xp: xp.arange(5),
    "2d": lambda xp: xp.zeros((2, 3)),
    "0d": lambda xp: xp.array(1.5),
    "empty": lambda xp: xp.zeros((3, 0)),
}


@pytest.mark.parametrize("name,idx", INDEX_ERRORS, ids=repr)
def test_index_errors(name, idx):
    mk = ERR_ARRAYS[name]
    check_error(lambda xp: mk(xp)[idx])

    def assign(xp):
        a = mk(xp)
        a[idx] = 1
    check_error(assign)


def test_index_error_messages():
    a = cnp.arange(5)
    cases = [(7, IndexError, "index 7 is out of bounds for axis 0 with size 5"),
             ((1, 2), IndexError,
              "too many indices for array: array is 1-dimensional, but 2 were indexed"),
             ((E, E), IndexError, "an index can only have a single ellipsis ('...')"),
             (S(None, None, 0), ValueError, "slice step cannot be zero")]
    for idx, cls, msg in cases:
        with pytest.raises(cls) as info:
            a[idx]
        assert str(info.value) == msg


# Slices with non-integer bounds: NumPy classifies the whole index first (ellipsis count, too
# many indices), then walks a basic index in order (an out-of-bounds integer before the slice
# wins), and only then raises the slice's TypeError.
BAD_SLICE_CASES = [
    ((), S(1.5, None)), ((), (None, S(None, 2.0))), ((), (True, S(None, None, 1.0))),
    ((5,), (S(1.5, None), S(0, 1))), ((5,), (S(0, 1), S(1.5, None))), ((5,), S(0.5, 3)),
    ((2, 3), (S(1.5, None), 10)), ((2, 3), (10, S(1.5, None))), ((2, 3), (-3, S(1.5, None))),
    ((2, 3), (-2, S(1.5, None))), ((2, 3), (E, S(1.5, None), E)), ((2, 3), (E, 7, S(1.5, None))),
    ((2, 3, 4), (E, 7, S(1.5, None))), ((2, 3, 4), (None, 5, S(1.5, None))),
    ((2, 3), ([0], S(1.5, None))), ((2, 3), ([5], S(1.5, None))), ((2, 3), ([0], 0, S(1.5, None))),
    ((2, 3), (np.ones((2, 3), bool), S(1.5, None))), ((2, 3), (S(0, 1.5), S(0.5, None))),
    ((2, 3), (1.5, S(1.5, None))),
]


@pytest.mark.parametrize("shape,idx", BAD_SLICE_CASES, ids=[str(i) for i in range(len(BAD_SLICE_CASES))])
def test_non_integer_slice_bounds(shape, idx):
    def conv(xp, i):
        return xp.asarray(i) if isinstance(i, np.ndarray) else i
    def key(xp):
        return tuple(conv(xp, i) for i in idx) if isinstance(idx, tuple) else idx
    check_error(lambda xp: xp.ones(shape)[key(xp)])

    def assign(xp):
        a = xp.ones(shape)
        a[key(xp)] = 2
    check_error(assign)

    def at(xp):
        a = xp.zeros(shape)
        xp.add.at(a, key(xp), 1)
    check_error(at)


def test_numpy_integer_and_index_objects():
    class Idx:
        def __index__(self):
            return 2

    check(lambda xp: xp.arange(5)[np.int64(3)])
    check(lambda xp: xp.arange(5)[Idx()])
    check(lambda xp: xp.arange(10)[Idx():np.int32(8):Idx()], strides=True)
    check(lambda xp: xp.arange(5)[cnp.int64(1) if xp is cnp else np.int64(1)])


# --------------------------------------------------------------------------------------------
# assignment


ASSIGNMENTS = [
    ("int32", 0, 2.7), ("int32", 0, -2.7), ("int32", S(None), [1.5, 2.5, 3.5, -4.5]),
    ("int8", 1, 100), ("int8", -1, -128), ("uint8", 0, 255), ("uint8", S(None, 2), 7.9),
    ("float64", 2, 1), ("float64", 0, True), ("float32", S(None, None, -1), [1, 2, 3, 4]),
    ("float16", 1, 3.14159), ("float16", 0, 1e10), ("bool", 0, 2.5), ("bool", 1, 0.0),
    ("bool", S(None), [0, 1, 2, 0]), ("complex64", 0, 1 - 2j), ("complex128", S(1, 3), 5),
    ("complex128", 0, float("nan")), ("int64", 3, 2 ** 63 - 1), ("uint64", 0, 2 ** 64 - 1),
    ("int64", E, -1), ("float64", E, [9, 8, 7, 6]), ("int16", S(None, None, 2), [10, 20]),
    ("uint32", 3, 4294967295), ("float32", 0, float("inf")), ("float64", 1, -0.0),
]


@pytest.mark.parametrize("dtype,idx,value", ASSIGNMENTS, ids=repr)
def test_assignment_casts(dtype, idx, value):
    def fn(xp):
        a = xp.zeros(4, dtype=dtype)
        a[idx] = value
        return a
    check(fn)


def test_assign_float_into_int32_truncates():
    a = cnp.zeros(3, dtype="int32")
    a[0] = 2.7
    a[1] = -2.7
    assert a.tolist() == [2, -2, 0]


BROADCAST_ASSIGNMENTS = [
    ((2, 3), S(None), [1, 2, 3]),
    ((2, 3), S(None), [[1], [2]]),
    ((2, 3), 0, [7, 8, 9]),
    ((2, 3), (S(None), 1), [5, 6]),
    ((2, 3), (S(None), S(None, None, -1)), [[1, 2, 3]]),
    ((2, 3, 4), (E, 0), [[1, 2, 3], [4, 5, 6]]),
    ((2, 3, 4), (0, S(None), S(1, 3)), [[1], [2], [3]]),
    ((2, 3, 4), 1, 9.5),
    ((2, 3), (None, S(None)), [[[1, 2, 3]]]),
    ((2, 3), S(None), [1, 2]),
    ((2, 3), 0, [1, 2]),
    ((2, 3), (S(None), 1), [1, 2, 3]),
    ((2, 3), S(None), [[1, 2, 3], [4, 5, 6], [7, 8, 9]]),
    ((3,), S(None), [[1, 2, 3]]),
    ((0, 3), S(None), [1, 2, 3]),
    ((3, 0), S(None), 5),
]


@pytest.mark.parametrize("shape,idx,value", BROADCAST_ASSIGNMENTS, ids=repr)
def test_slice_assignment_broadcasts(shape, idx, value):
    def fn(xp):
        a = xp.zeros(shape, dtype="float32")
        a[idx] = value
        return a
    check(fn)

    def fn_array(xp):
        a = xp.zeros(shape, dtype="int16")
        a[idx] = xp.array(value)
        return a
    check(fn_array)


def test_assign_from_views_and_overlap():
    def shift(xp):
        a = xp.arange(10)
        a[1:] = a[:-1]
        return a
    check(shift)

    def reverse(xp):
        a = xp.arange(10.0)
        a[:] = a[::-1]
        return a
    check(reverse)

    def transpose(xp):
        a = xp.arange(9).reshape(3, 3)
        a[...] = a.T
        return a
    check(transpose)

    def cross(xp):
        a = xp.arange(12).reshape(3, 4)
        b = xp.zeros((4, 3), dtype="float16")
        b[::-1] = a.T
        return b
    check(cross)


def test_assign_complex_into_real():
    def scalar_float(xp):
        a = xp.zeros(3)
        a[0] = 1j
    check_error(scalar_float)

    def scalar_int(xp):
        a = xp.zeros(3, dtype=int)
        a[0] = 1j
    check_error(scalar_int)

    def slice_float(xp):
        a = xp.zeros(3)
        a[:] = 1j
    check_error(slice_float)


def test_assign_complex_array_into_real_warns():
    def fn(xp):
        a = xp.zeros(3)
        a[...] = xp.array([1 + 1j, 2, 3])
        return a
    check(fn)
    a = cnp.zeros(3)
    with pytest.warns(cnp.ComplexWarning):
        a[...] = cnp.array([1 + 1j, 2, 3])


def test_assign_nonfinite_float_scalar_into_int():
    def nan(xp):
        a = xp.zeros(3, dtype="int32")
        a[0] = float("nan")
    check_error(nan)

    def inf(xp):
        a = xp.zeros(3, dtype="int32")
        a[0] = float("inf")
    check_error(inf)


def test_assign_python_int_too_large():
    def fn(xp):
        a = xp.zeros(3, dtype="int64")
        a[0] = 2 ** 70
    check_error(fn)


def test_assign_0d():
    def fn(xp):
        a = xp.array(1.5)
        a[()] = 4
        b = xp.array(2, dtype="int8")
        b[...] = 3.9
        return a, b
    check(fn)


def test_fill():
    for dtype in ALL_DTYPES:
        for value in values_for(dtype)[:6]:
            def fn(xp):
                a = xp.zeros((2, 3), dtype=dtype)
                a.fill(value)
                v = xp.zeros((4, 6), dtype=dtype)
                v[::2, ::-3].fill(value)
                return a, v
            check(fn)

    def cast(xp):
        a = xp.zeros(3, dtype="int32")
        a.fill(2.7)
        return a
    check(cast)


# --------------------------------------------------------------------------------------------
# read-only arrays


def _readonly(xp):
    if xp is np:
        a = np.arange(5.0)
        a.flags.writeable = False
        return a
    n = np.arange(5.0)
    n.flags.writeable = False
    return cnp.asarray(n)


def _readonly_by_flag(xp):
    a = xp.arange(5.0)
    a.flags.writeable = False
    return a


@pytest.mark.parametrize("make", [_readonly, _readonly_by_flag])
def test_readonly_assignment(make):
    def item(xp):
        make(xp)[0] = 1
    check_error(item)

    def sl(xp):
        make(xp)[1:3] = 1
    check_error(sl)

    def ell(xp):
        make(xp)[...] = 1
    check_error(ell)

    def fill(xp):
        make(xp).fill(1)
    check_error(fill)

    def view(xp):
        make(xp)[::-1][0] = 1
    check_error(view)

    def copyto(xp):
        xp.copyto(make(xp), 1.0)
    check_error(copyto)

    with pytest.raises(ValueError) as info:
        make(cnp)[0] = 1
    assert str(info.value) == "assignment destination is read-only"


def test_readonly_views_are_readonly_copies_writeable():
    r = _readonly_by_flag(cnp)
    assert not r.flags.writeable
    assert not r[1:].flags.writeable
    assert not r.reshape(5, 1).flags.writeable
    assert not r.T.flags.writeable
    c = r.copy()
    assert c.flags.writeable
    c[0] = 10
    assert r[0] == 0
    assert r.astype("float32").flags.writeable


def test_cannot_make_foreign_readonly_memory_writeable():
    n = np.arange(3.0)
    n.flags.writeable = False
    a = cnp.asarray(n)
    with pytest.raises(ValueError) as info:
        a.flags.writeable = True
    assert str(info.value) == "cannot set WRITEABLE flag to True of this array"
    b = cnp.frombuffer(b"\x00" * 16, dtype="float64")
    assert not b.flags.writeable
    with pytest.raises(ValueError) as info:
        b.flags.writeable = True
    exp = np.frombuffer(b"\x00" * 16, dtype="float64")
    with pytest.raises(ValueError) as exp_info:
        exp.flags.writeable = True
    assert str(info.value) == str(exp_info.value)
