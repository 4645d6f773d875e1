"""Data movement on every fixed-size dtype (strings, datetimes, records, byte-swapped numbers):
indexing, take/put, where, choose, select, concatenate and friends copy elements as itemsize
bytes and follow NumPy 1.24's dtype rules. Each case runs with NumPy and cnumpy and compares
dtype, shape and bytes (or the exception)."""
import numpy as np
import pytest

import cnumpy as cnp

_REC = np.dtype([("a", "<i4"), ("b", "S3")])


def _sample(spec):
    """A (3, 4) NumPy array of dtype spec with distinct values."""
    if spec in ("<U5", ">U5"):
        v = ["alpha", "Beta", "gamma", "", "é", "ωx", "z", "aa", "zz", "Q", "qq", "  "]
    elif spec == "S4":
        v = [b"ab", b"", b"xyz", b"\x00a", b"q", b"zz", b"a\x01", b"b", b"c", b"dd", b"e", b"ff"]
    elif spec.startswith(("M8", "m8")):
        v = [0, 5, -3, 100, "NaT", 7, 8, 9, 10, 11, 12, 13]
        return np.array(v if spec.startswith("m8") else [np.datetime64(x if x != "NaT" else "NaT", "D")
                                                         if isinstance(x, str) else np.datetime64(x, "D")
                                                         for x in v], dtype=spec).reshape(3, 4)
    elif spec == "rec":
        return np.array([(i, b"r%d" % i) for i in range(12)], dtype=_REC).reshape(3, 4)
    elif spec == "V3":
        return np.frombuffer(bytes(range(36)), dtype="V3").reshape(3, 4).copy()
    else:
        v = np.arange(12) * 3 - 7
        if spec.startswith((">c", "<c")):
            v = v + 0.5j
    return np.array(v, dtype=spec).reshape(3, 4)


SPECS = ["<U5", ">U5", "S4", "M8[D]", "m8[s]", "rec", "V3", ">i4", ">f8", ">c16", "<i2"]


def _pair(spec):
    n = _sample(spec)
    return n, cnp.asarray(n)


def _same(c, n):
    if isinstance(n, tuple):
        assert isinstance(c, tuple) and len(c) == len(n)
        for x, y in zip(c, n):
            _same(x, y)
        return
    assert c.dtype.str == n.dtype.str, (c.dtype, n.dtype)
    if n.dtype.names:
        assert c.dtype.descr == n.dtype.descr
    assert c.shape == n.shape
    assert c.tobytes() == n.tobytes()


def _both(fn, spec):
    n, c = _pair(spec)
    try:
        exp = fn(np, n)
    except Exception as e:  # noqa: BLE001 - the same exception is expected from cnumpy
        with pytest.raises(Exception) as got:
            fn(cnp, c)
        assert str(got.value) == str(e)
        return
    _same(fn(cnp, c), exp)


MOVES = {
    "mask": lambda xp, a: a[a.shape[1] * [True, False, True][:1] and xp.asarray([True, False, True])],
    "mask2d": lambda xp, a: a[xp.asarray([[True, False, True, False]] * 3)],
    "fancy": lambda xp, a: a[xp.asarray([2, 0, 2])],
    "fancy2": lambda xp, a: a[xp.asarray([0, 2]), 1:],
    "fancy_cols": lambda xp, a: a[:, xp.asarray([3, 1])],
    "fancy_neg_stride": lambda xp, a: a[::-1, ::-2][xp.asarray([1, 0])],
    "take": lambda xp, a: xp.take(a, [5, 0, -1]),
    "take_axis": lambda xp, a: xp.take(a, [3, 0], axis=1),
    "take_clip": lambda xp, a: xp.take(a, [7, -9], axis=0, mode="clip"),
    "take_along": lambda xp, a: xp.take_along_axis(a, xp.asarray([[1, 0, 3, 2]] * 3), axis=1),
    "compress": lambda xp, a: xp.compress([True, False, True], a, axis=0),
    "extract": lambda xp, a: xp.extract(xp.asarray([[True, False] * 2] * 3), a),
    "where": lambda xp, a: xp.where(xp.asarray([[True, False, False, True]] * 3), a, a[::-1]),
    "choose": lambda xp, a: xp.choose(xp.asarray([[0, 1, 1, 0]] * 3), [a, a[::-1]]),
    "select": lambda xp, a: xp.select([xp.asarray([True, False, True, False])], [a], a[0]),
    "concatenate": lambda xp, a: xp.concatenate([a, a[:1]]),
    "concatenate1": lambda xp, a: xp.concatenate([a, a[:, ::-1]], axis=1),
    "concatenate_none": lambda xp, a: xp.concatenate([a, a.T], axis=None),
    "stack": lambda xp, a: xp.stack([a, a], axis=1),
    "hstack": lambda xp, a: xp.hstack([a, a]),
    "vstack": lambda xp, a: xp.vstack([a, a[0]]),
    "dstack": lambda xp, a: xp.dstack([a, a]),
    "column_stack": lambda xp, a: xp.column_stack([a[0], a[1]]),
    "block": lambda xp, a: xp.block([[a, a], [a, a]]),
    "append": lambda xp, a: xp.append(a, a[1]),
    "append_axis": lambda xp, a: xp.append(a, a[1:], axis=0),
    "insert": lambda xp, a: xp.insert(a, 1, a[2], axis=0),
    "delete": lambda xp, a: xp.delete(a, [0, 2], axis=1),
    "repeat": lambda xp, a: xp.repeat(a, 2, axis=0),
    "repeat_list": lambda xp, a: xp.repeat(a, [1, 0, 3], axis=0),
    "tile": lambda xp, a: xp.tile(a, (2, 1)),
    "flip": lambda xp, a: xp.flip(a),
    "roll": lambda xp, a: xp.roll(a, 3),
    "roll_axis": lambda xp, a: xp.roll(a, -1, axis=1),
    "rot90": lambda xp, a: xp.rot90(a),
    "resize": lambda xp, a: xp.resize(a, (5, 3)),
    "diagonal": lambda xp, a: xp.diagonal(a, 1).copy(),
    "diag": lambda xp, a: xp.diag(a[0]),
    "pad_edge": lambda xp, a: xp.pad(a, 1, mode="edge"),
    "broadcast_to": lambda xp, a: xp.broadcast_to(a[0], (2, 4)).copy(),
    "empty_like": lambda xp, a: xp.zeros_like(a),
    "full_like": lambda xp, a: xp.full_like(a, a[0, 1]),
    "transpose_copy": lambda xp, a: xp.ascontiguousarray(a.T),
    "trim_zeros": lambda xp, a: a[0],
}


@pytest.mark.parametrize("spec", SPECS)
@pytest.mark.parametrize("name", sorted(MOVES))
def test_moves_match_numpy(name, spec):
    _both(MOVES[name], spec)


def _setter(fn):
    def run(xp, a):
        a = a.copy()
        fn(xp, a)
        return a
    return run


SETS = {
    "mask_set": lambda xp, a: a.__setitem__(xp.asarray([True, False, True]), a[1]),
    "fancy_set": lambda xp, a: a.__setitem__((xp.asarray([0, 2]), xp.asarray([1, 3])), a[1, :2]),
    "fancy_set_scalar_elem": lambda xp, a: a.__setitem__(xp.asarray([1, 0]), a[2, 0]),
    "put": lambda xp, a: xp.put(a, [0, 5, -1], a[1, :3]),
    "put_along": lambda xp, a: xp.put_along_axis(a, xp.asarray([[0], [1], [2]]), a[:, 3:], axis=1),
    "place": lambda xp, a: xp.place(a, xp.asarray([[True, False] * 2] * 3), a[2]),
    "copyto": lambda xp, a: xp.copyto(a, a[::-1].copy()),
    "copyto_where": lambda xp, a: xp.copyto(a, a[0], where=xp.asarray([True, False, True, False])),
    "fill": lambda xp, a: a.fill(a[1, 1]),
}


@pytest.mark.parametrize("spec", SPECS)
@pytest.mark.parametrize("name", sorted(SETS))
def test_setters_match_numpy(name, spec):
    _both(_setter(SETS[name]), spec)


# -- dtype rules ----------------------------------------------------------------------------
JOINS = [
    (["ab", "c"], ["xyzw"]),
    ([b"ab"], ["xyz"]),
    ([b"ab"], [b"xyzuv"]),
    (["ab"], [1, 2]),
    (["ab"], [1.5]),
    (["ab"], [True]),
    ([b"ab"], [300]),
    (["ab"], [1 + 2j]),
]


@pytest.mark.parametrize("x, y", JOINS)
def test_concatenate_promotes_like_numpy(x, y):
    def f(xp):
        return xp.concatenate([xp.asarray(x), xp.asarray(y)])
    _same(f(cnp), f(np))


def test_concatenate_float32_string():
    f = lambda xp: xp.concatenate([xp.asarray([1.5], dtype="f4"), xp.asarray(["abc"])])  # noqa: E731
    _same(f(cnp), f(np))


@pytest.mark.parametrize("other", ["ab", 5, -300, 70000, 2.5, True, 1j, "xyzuvw"])
def test_where_result_dtype(other):
    for xs in (["a", "bcd"], [b"a", b"b"]):
        def f(xp):
            return xp.where(xp.asarray([True, False]), xp.asarray(xs), other)
        try:
            exp = f(np)
        except Exception as e:  # noqa: BLE001
            with pytest.raises(type(e)) as got:
                f(cnp)
            assert str(got.value) == str(e)
            continue
        _same(f(cnp), exp)


@pytest.mark.parametrize("a, b", [("M8[D]", "i8"), ("M8[D]", "U3"), ("M8[D]", "M8[s]"), ("m8[s]", "i4"),
                                  ("U3", "V3"), ("S2", ">U4"), (">i4", ">i4"), (">U2", ">U2")])
def test_concatenate_mixed_kinds(a, b):
    def f(xp):
        return xp.concatenate([xp.zeros(2, dtype=a), xp.zeros(1, dtype=b)])
    try:
        exp = f(np)
    except Exception as e:  # noqa: BLE001
        with pytest.raises(type(e)) as got:
            f(cnp)
        assert str(got.value) == str(e)
        return
    _same(f(cnp), exp)


def test_assign_truncates_and_casts():
    for xp in (np, cnp):
        a = xp.asarray(["alpha", "Beta", "gamma"])
        a[xp.asarray([True, False, True])] = xp.asarray(["longer words", "z"])
        b = xp.zeros(3, dtype="U2")
        b[[0, 2]] = 12345
        yield_ = (a, b)
        if xp is np:
            ref = yield_
        else:
            _same(yield_[0], ref[0])
            _same(yield_[1], ref[1])


def test_empty_and_zero_d():
    for spec in ("<U3", "S2", "M8[D]"):
        n = np.zeros((0, 3), dtype=spec)
        c = cnp.asarray(n)
        _same(c[cnp.asarray([], dtype=bool)], n[np.asarray([], dtype=bool)])
        _same(cnp.take(c, cnp.asarray([], dtype="i8"), axis=1), np.take(n, [], axis=1))
        _same(cnp.concatenate([c, c]), np.concatenate([n, n]))
        z = np.zeros((), dtype=spec)
        _same(cnp.repeat(cnp.asarray(z), 3), np.repeat(z, 3))
        _same(cnp.where(True, cnp.asarray(z), cnp.asarray(z)), np.where(True, z, z))


def test_index_errors_match():
    n, c = _pair("<U5")
    for fn in (lambda a: a[[5]], lambda a: a[np.array([True])], lambda a: np.take(a, [99]) if a is n
               else cnp.take(a, [99])):
        with pytest.raises(IndexError) as e:
            fn(n)
        with pytest.raises(IndexError) as g:
            fn(c)
        assert str(g.value) == str(e.value)
