"""Zero-copy exchange with NumPy and Python buffers; frombuffer; lifetimes."""
import array
import gc

import numpy as np
import pytest

import cnumpy as cnp
from cnp_helpers import ALL_DTYPES, arr, assert_array_same, check, check_error, values_for

BIG = 1 << 18  # elements: large enough that freed buffers go back to the OS (mmap)


def _addr(a):
    return a.__array_interface__["data"][0]


# --------------------------------------------------------------------------------------------
# cnumpy -> numpy


@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_numpy_asarray_of_cnumpy_is_zero_copy(dtype):
    c = arr(cnp, values_for(dtype)[:6], dtype)
    n = np.asarray(c)
    assert n.dtype == np.dtype(dtype)
    assert n.shape == c.shape and n.strides == c.strides
    assert _addr(n) == _addr(c)
    assert n.flags.writeable
    # write through numpy, read through cnumpy and back
    n[0] = n[1]
    assert np.asarray(c[0:1]).tobytes() == n[1:2].tobytes()
    c[2] = n[3]
    assert n[2:3].tobytes() == n[3:4].tobytes()


def test_array_interface_contents():
    c = cnp.arange(6.0).reshape(2, 3)
    ai = c.__array_interface__
    e = np.arange(6.0).reshape(2, 3).__array_interface__
    assert ai["version"] == 3
    assert ai["typestr"] == e["typestr"] == "<f8"
    assert tuple(ai["shape"]) == (2, 3)
    assert ai["strides"] is None or tuple(ai["strides"]) == (24, 8)
    assert isinstance(ai["data"], tuple) and ai["data"][1] is False
    t = c.T.__array_interface__
    assert tuple(t["strides"]) == (8, 24)
    assert t["data"][0] == ai["data"][0]
    r = c[::-1].__array_interface__
    assert tuple(r["strides"]) == (-24, 8)
    assert r["data"][0] == ai["data"][0] + 24


@pytest.mark.parametrize("view", ["T", "neg", "step", "F", "0d", "empty", "none"])
def test_numpy_asarray_of_cnumpy_views(view):
    mk = {
        "T": lambda xp: xp.arange(24).reshape(2, 3, 4).transpose(2, 0, 1),
        "neg": lambda xp: xp.arange(24.0).reshape(4, 6)[::-1, ::-2],
        "step": lambda xp: xp.arange(30, dtype="uint16").reshape(5, 6)[1::2, ::3],
        "F": lambda xp: xp.ones((3, 4), dtype="complex64", order="F"),
        "0d": lambda xp: xp.array(2.5, dtype="float32"),
        "empty": lambda xp: xp.zeros((0, 4)),
        "none": lambda xp: xp.arange(6)[None, :, None],
    }[view]
    c = mk(cnp)
    e = mk(np)
    n = np.asarray(c)
    assert n.shape == e.shape and n.dtype == e.dtype
    if e.size:
        assert n.strides == e.strides
    np.testing.assert_array_equal(n, e)
    if n.size:
        n[...] = 3
        assert all(v == 3 for v in np.asarray(c).ravel().tolist())
        assert np.all(np.asarray(c) == 3)


def test_numpy_view_survives_cnumpy_deletion():
    c = cnp.arange(BIG, dtype="float64")
    n = np.asarray(c)
    v = np.asarray(c[::-2])
    del c
    gc.collect()
    junk = [cnp.ones(BIG) for _ in range(3)]  # reuse of freed memory would show up
    assert n[0] == 0.0 and n[-1] == BIG - 1
    assert v[0] == BIG - 1 and v[-1] == 1.0
    assert float(n.sum()) == (BIG - 1) * BIG / 2
    n[5] = -1
    del junk


def test_readonly_cnumpy_to_numpy():
    c = cnp.arange(4.0)
    c.flags.writeable = False
    n = np.asarray(c)
    assert not n.flags.writeable
    with pytest.raises(ValueError):
        n[0] = 1


# --------------------------------------------------------------------------------------------
# numpy -> cnumpy


@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_cnumpy_asarray_of_numpy_is_zero_copy(dtype):
    n = np.array(values_for(dtype)[:6], dtype=dtype)
    c = cnp.asarray(n)
    assert isinstance(c, cnp.ndarray)
    assert_array_same(c, n, strides=True)
    assert _addr(c) == _addr(n)
    assert cnp.may_share_memory(c, c)
    c[0] = c[1]
    assert n[0:1].tobytes() == n[1:2].tobytes()
    n[2] = n[3]
    assert np.asarray(c[2:3]).tobytes() == n[3:4].tobytes()


@pytest.mark.parametrize("view", ["T", "neg", "step", "F", "0d", "empty", "newaxis", "neg1d"])
def test_cnumpy_asarray_of_numpy_views(view):
    base = np.arange(60.0).reshape(3, 4, 5)
    n = {
        "T": base.transpose(2, 0, 1),
        "neg": base[::-1, :, ::-2],
        "step": base[1:, ::2, 1::3],
        "F": np.asfortranarray(base),
        "0d": np.array(3.5),
        "empty": base[:, 4:2],
        "newaxis": base[:, None, 2],
        "neg1d": base.ravel()[::-7],
    }[view]
    c = cnp.asarray(n)
    assert_array_same(c, n, strides=True)
    if n.size:
        assert _addr(c) == _addr(n)
        c[...] = -1
        assert np.all(n == -1)


def test_cnumpy_keeps_numpy_array_alive():
    n = np.arange(BIG, dtype="float64")
    c = cnp.asarray(n)
    v = c[::-1]
    del n
    gc.collect()
    junk = [np.ones(BIG) for _ in range(3)]
    assert c[0] == 0.0 and c[BIG - 1] == BIG - 1
    assert v[0] == BIG - 1
    assert np.asarray(c)[12345] == 12345.0
    del c
    gc.collect()
    assert v[1] == BIG - 2
    del junk


def test_readonly_numpy_gives_readonly_cnumpy():
    n = np.arange(5.0)
    n.flags.writeable = False
    c = cnp.asarray(n)
    assert not c.flags.writeable
    with pytest.raises(ValueError) as info:
        c[0] = 1
    assert str(info.value) == "assignment destination is read-only"
    assert not np.asarray(c).flags.writeable


def test_cnumpy_asarray_with_dtype_copies():
    n = np.arange(5, dtype="int32")
    c = cnp.asarray(n, dtype="float32")
    assert c.dtype == "float32" and c.tolist() == [0.0, 1.0, 2.0, 3.0, 4.0]
    c[0] = 9
    assert n[0] == 0


def test_cnumpy_array_of_numpy_copies():
    n = np.arange(5)
    c = cnp.array(n)
    assert_array_same(c, n)
    c[0] = 7
    assert n[0] == 0
    assert c.flags.owndata


def test_roundtrip_numpy_cnumpy_numpy():
    n = np.arange(12.0).reshape(3, 4)[::-1, 1::2]
    back = np.asarray(cnp.asarray(n))
    assert back.strides == n.strides and _addr(back) == _addr(n)
    back[0, 0] = 99
    assert n[0, 0] == 99


# --------------------------------------------------------------------------------------------
# Python buffers


def test_bytearray_is_shared_uint8():
    buf = bytearray(b"\x01\x02\x03\x04")
    c = cnp.asarray(buf)
    assert_array_same(c, np.asarray(bytearray(b"\x01\x02\x03\x04")))
    assert c.flags.writeable
    c[0] = 200
    assert buf[0] == 200
    buf[3] = 9
    assert c[3] == 9


def test_memoryview_of_bytes_is_readonly():
    c = cnp.asarray(memoryview(b"abc"))
    assert_array_same(c, np.asarray(memoryview(b"abc")))
    assert not c.flags.writeable
    with pytest.raises(ValueError):
        c[0] = 1


def test_memoryview_cast_formats():
    buf = bytearray(16)
    c = cnp.asarray(memoryview(buf).cast("d"))
    assert c.dtype == "float64" and c.shape == (2,)
    c[1] = 1.5
    assert memoryview(buf).cast("d")[1] == 1.5


def test_memoryview_strided():
    n = np.arange(12.0)
    mv = memoryview(n)[::-3]
    c = cnp.asarray(mv)
    assert_array_same(c, np.asarray(mv), strides=True)
    c[0] = -5
    assert n[11] == -5


@pytest.mark.parametrize("code", ["b", "B", "h", "H", "i", "I", "q", "Q", "f", "d"])
def test_array_array(code):
    arr = array.array(code, [1, 2, 3, 4])
    c = cnp.asarray(arr)
    assert_array_same(c, np.asarray(array.array(code, [1, 2, 3, 4])))
    c[1] = 7
    assert arr[1] == 7


def test_bytes_through_asarray_memoryview_and_frombuffer():
    data = bytes(range(16))
    c = cnp.frombuffer(data, dtype="uint8")
    assert_array_same(c, np.frombuffer(data, dtype="uint8"))
    assert not c.flags.writeable


@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_frombuffer_dtypes(dtype):
    raw = np.array(values_for(dtype)[:4], dtype=dtype).tobytes()
    check(lambda xp: xp.frombuffer(raw, dtype=dtype))
    check(lambda xp: xp.frombuffer(bytearray(raw), dtype=dtype))


def test_frombuffer_default_float64_offset_count():
    raw = np.arange(6.0).tobytes()
    check(lambda xp: xp.frombuffer(raw))
    check(lambda xp: xp.frombuffer(raw, offset=8))
    check(lambda xp: xp.frombuffer(raw, count=2, offset=16))
    check(lambda xp: xp.frombuffer(raw, dtype="int16", count=3, offset=2))
    check(lambda xp: xp.frombuffer(b"", dtype="uint8"))
    check(lambda xp: xp.frombuffer(b"abcd", dtype="int16", offset=1, count=1))


def test_frombuffer_shares_writable_memory():
    buf = bytearray(8)
    c = cnp.frombuffer(buf, dtype="int32")
    assert c.flags.writeable
    c[1] = -1
    assert buf[4:] == b"\xff\xff\xff\xff"


def test_frombuffer_keeps_buffer_alive():
    c = cnp.frombuffer(bytearray(np.arange(BIG, dtype="float64").tobytes()), dtype="float64")
    gc.collect()
    junk = [bytearray(BIG * 8) for _ in range(3)]
    assert c[BIG - 1] == BIG - 1
    del junk


@pytest.mark.parametrize("args", [dict(dtype="int16"), dict(offset=4), dict(count=5),
                                  dict(offset=-1), dict(count=2, dtype="int16", offset=1)],
                         ids=repr)
def test_frombuffer_errors(args):
    check_error(lambda xp: xp.frombuffer(b"abc", **args))


# --------------------------------------------------------------------------------------------
# lifetime / robustness


def test_views_outlive_base():
    a = cnp.arange(BIG, dtype="int64")
    v1 = a[10:]
    v2 = v1[::-1]
    v3 = a.reshape(-1, 8).T
    del a
    gc.collect()
    junk = [cnp.zeros(BIG, dtype="int64") for _ in range(3)]
    assert v1[0] == 10
    assert v2[0] == BIG - 1
    assert v3[7, 1] == 15
    del v1
    gc.collect()
    assert v2[-1] == 10
    del junk


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 0, 2), (1, 2, 0)])
def test_delete_in_any_order(order):
    objs = []
    a = cnp.arange(1000.0)
    objs = [a, a[::2], np.asarray(a)]
    expected = [o.tolist() for o in objs]
    del a
    for i in order:
        o = objs[i]
        objs[i] = None
        assert o.tolist() == expected[i]
        del o
        gc.collect()


def test_many_arrays_in_a_loop():
    total = 0.0
    for i in range(2000):
        a = cnp.arange(i % 50, dtype="float64")
        b = a[::-1].reshape(-1, 1).T
        c = cnp.asarray(np.asarray(b))
        d = cnp.zeros_like(c, dtype="int8")
        total += float(sum(c.tolist()[0])) if c.size else 0.0
        del a, b, c, d
    assert total == sum(sum(range(i % 50)) for i in range(2000))


def test_many_dtypes_and_scalars_in_a_loop():
    for i in range(300):
        for name in ALL_DTYPES:
            d = cnp.dtype(name)
            a = cnp.ones(3, dtype=d)
            s = a[1]
            assert np.asarray(s).dtype == np.dtype(name)
            del d, a, s
