"""Pickling of cnumpy arrays and scalars: every pickle protocol, every dtype of the descriptor
model (byte-swapped numbers, strings, records, subarrays, datetimes, void), C/F/non-contiguous
layouts, 0-d and empty arrays; protocol 5's out-of-band buffers without a copy; copy.copy and
copy.deepcopy; ndarray.dump/dumps. The loaded arrays are compared with the NumPy array they were
made from (dtype, shape, values, memory order)."""
import copy
import io
import pickle

import numpy as np
import pytest

import cnumpy as cnp
from cnp_helpers import ALL_DTYPES

PROTOCOLS = list(range(pickle.HIGHEST_PROTOCOL + 1))

PARAMETRIC = ["<U3", ">U2", "S4", "M8[D]", "M8[ms]", "m8[s]", ">i4", ">f8", ">c16", "<u2",
              "V3", [("a", "<i4"), ("b", ">f8"), ("c", "S2")], [("p", "u1"), ("q", "f4", (2,))],
              {"names": ["x", "y"], "formats": ["i2", "f8"], "offsets": [0, 8], "itemsize": 24},
              np.dtype([("p", "i1"), ("q", "f8")], align=True)]


def _numpy_values(dt, shape):
    dt = np.dtype(dt)
    n = int(np.prod(shape))
    raw = (np.arange(n * dt.itemsize, dtype=np.uint32) * 37 % 251).astype(np.uint8)
    a = raw.view(dt).reshape(shape)
    if dt.kind in "fc":
        a = (np.arange(n) * 0.75 - 3).astype(dt).reshape(shape)
    elif dt.kind in "Mm":
        a = (np.arange(n) * 1000 - 7).astype(dt).reshape(shape)
    elif dt.kind == "U":
        a = np.array(["é%d" % i for i in range(n)], dtype=dt).reshape(shape)
    elif dt.kind == "b":
        a = (np.arange(n) % 3 == 0).reshape(shape)
    elif dt.names is not None:
        a = np.zeros(shape, dt)
        for name in dt.names:
            sub = dt.fields[name][0]
            a[name] = (np.arange(n * int(np.prod(sub.shape or (1,)))) % 7).reshape(
                shape + sub.shape).astype(sub.base)
    return a


def _check(loaded, expected, order=None):
    assert isinstance(loaded, cnp.ndarray)
    assert np.dtype(loaded.dtype) == expected.dtype
    assert loaded.shape == expected.shape
    if expected.dtype.kind == "V":
        # Records and void by their bytes (NumPy's __array_interface__ import names padding
        # fields, so np.asarray would not give the same record dtype back).
        assert loaded.tobytes() == np.ascontiguousarray(expected).tobytes()
    else:
        np.testing.assert_array_equal(np.asarray(loaded), expected)
    if order == "F":
        assert loaded.flags.f_contiguous
    elif order == "C":
        assert loaded.flags.c_contiguous


@pytest.mark.parametrize("protocol", PROTOCOLS)
@pytest.mark.parametrize("dt", ALL_DTYPES)
def test_every_numeric_dtype(protocol, dt):
    e = _numpy_values(dt, (3, 4))
    a = cnp.asarray(e)
    b = pickle.loads(pickle.dumps(a, protocol=protocol))
    _check(b, e, "C")
    assert b.flags.writeable and b.flags.owndata or not b.flags.owndata


@pytest.mark.parametrize("protocol", [2, 4, 5])
@pytest.mark.parametrize("dt", PARAMETRIC, ids=str)
def test_parametric_and_byteswapped_dtypes(protocol, dt):
    e = _numpy_values(dt, (2, 3))
    a = cnp.asarray(e) if np.dtype(dt).kind not in "Mm" else cnp.array(e.view("i8"), dtype=cnp.dtype(dt))
    _check(pickle.loads(pickle.dumps(a, protocol=protocol)), e, "C")


@pytest.mark.parametrize("protocol", [0, 2, 5])
@pytest.mark.parametrize("layout", ["C", "F", "strided", "negative", "zero-d", "empty",
                                    "empty-F", "broadcast"])
def test_layouts(protocol, layout):
    e = _numpy_values("float64", (4, 6))
    a = cnp.asarray(e)
    order = "C"
    if layout == "F":
        e, a, order = np.asfortranarray(e), cnp.asfortranarray(a), "F"
    elif layout == "strided":
        e, a = e[::2, 1::2], a[::2, 1::2]
    elif layout == "negative":
        e, a = e[::-1, ::-3], a[::-1, ::-3]
    elif layout == "zero-d":
        e, a = np.array(2.5), cnp.array(2.5)
    elif layout == "empty":
        e, a = np.zeros((0, 3)), cnp.zeros((0, 3))
    elif layout == "empty-F":
        e, a = np.zeros((2, 0), order="F"), cnp.zeros((2, 0), order="F")
    elif layout == "broadcast":
        e, a = np.broadcast_to(e[0], (3, 6)), cnp.broadcast_to(a[0], (3, 6))
    b = pickle.loads(pickle.dumps(a, protocol=protocol))
    _check(b, e, order)
    assert b.flags.writeable
    # NumPy's own pickles of the same array keep the same order.
    nb = pickle.loads(pickle.dumps(e, protocol=protocol))
    assert nb.flags.f_contiguous == b.flags.f_contiguous
    assert nb.flags.c_contiguous == b.flags.c_contiguous


def test_fortran_order_kept_for_3d():
    e = np.asfortranarray(np.arange(24, dtype=np.int16).reshape(2, 3, 4))
    b = pickle.loads(pickle.dumps(cnp.asarray(e), protocol=2))
    _check(b, e, "F")
    assert not b.flags.c_contiguous


def test_protocol5_out_of_band_is_zero_copy():
    a = cnp.arange(1000.0)
    buffers = []
    data = pickle.dumps(a, protocol=5, buffer_callback=buffers.append)
    assert len(buffers) == 1 and len(data) < 400          # the 8000 bytes travel out of band
    raw = buffers[0].raw()
    assert raw.nbytes == 8000
    assert np.frombuffer(raw, dtype=np.float64).__array_interface__["data"][0] == \
        a.__array_interface__["data"][0]                 # a view of the array's own memory
    b = pickle.loads(data, buffers=buffers)
    assert b.__array_interface__["data"][0] == a.__array_interface__["data"][0]
    b[3] = -1.0                                          # the loaded array shares the buffer
    assert a[3] == -1.0


def test_protocol5_out_of_band_into_a_receivers_buffer():
    a = cnp.arange(12, dtype=cnp.int32).reshape(3, 4)
    buffers = []
    data = pickle.dumps(a, protocol=5, buffer_callback=buffers.append)
    received = bytearray(buffers[0].raw())               # as if it came over a socket
    b = pickle.loads(data, buffers=[received])
    _check(b, np.arange(12, dtype=np.int32).reshape(3, 4), "C")
    b[0, 0] = 99
    assert received[:4] == (99).to_bytes(4, "little")    # wraps the receiver's memory
    ro = pickle.loads(data, buffers=[bytes(received)])
    assert not ro.flags.writeable                        # read-only memory stays read-only


def test_protocol5_in_band_and_read_only():
    a = cnp.arange(6.0)
    b = pickle.loads(pickle.dumps(a, protocol=5))
    assert b.flags.writeable and b.tolist() == a.tolist()
    a.flags.writeable = False
    c = pickle.loads(pickle.dumps(a, protocol=5))
    e = np.arange(6.0)
    e.flags.writeable = False
    assert c.flags.writeable == pickle.loads(pickle.dumps(e, protocol=5)).flags.writeable
    d = pickle.loads(pickle.dumps(a, protocol=4))
    assert d.flags.writeable                             # protocols 0-4 load a new array


def test_loaded_arrays_support_views_of_their_memory():
    b = pickle.loads(pickle.dumps(cnp.arange(8.0), protocol=5))
    w = cnp.lib.stride_tricks.sliding_window_view(b, 3)
    np.testing.assert_array_equal(np.asarray(w),
                                  np.lib.stride_tricks.sliding_window_view(np.arange(8.0), 3))
    # The wrapped memory's extent is known: views inside it are allowed, beyond it refused.
    st = cnp.lib.stride_tricks.as_strided
    assert st(b[2:], shape=(3,), strides=(16,)).tolist() == [2.0, 4.0, 6.0]
    with pytest.raises(ValueError, match="outside the array's memory"):
        st(b[2:], shape=(4,), strides=(16,))
    wrapped = cnp.asarray(np.arange(6.0))          # NumPy memory, wrapped without a copy
    assert st(wrapped, shape=(2, 3), strides=(24, 8)).tolist() == [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]
    with pytest.raises(ValueError, match="outside the array's memory"):
        st(wrapped, shape=(7,), strides=(8,))


@pytest.mark.parametrize("value", [cnp.float32(1.5), cnp.int8(-3), cnp.uint64(2**64 - 1),
                                   cnp.complex64(1 - 2j), cnp.bool_(True), cnp.float16(0.1),
                                   cnp.float64(-0.0), cnp.int64(-2**63)], ids=repr)
@pytest.mark.parametrize("protocol", [0, 2, 5])
def test_scalars(value, protocol):
    v = pickle.loads(pickle.dumps(value, protocol=protocol))
    assert type(v) is type(value)
    assert v == value and str(v) == str(value)


@pytest.mark.parametrize("dt", ["M8[D]", "M8[s]", "m8[ms]", "m8"])
def test_datetime_scalars(dt):
    s = cnp.array([5, -7], dtype=dt)[1]
    v = pickle.loads(pickle.dumps(s, protocol=2))
    assert type(v) is type(s) and v == s and v.dtype == s.dtype and repr(v) == repr(s)


def test_copy_and_deepcopy():
    for a in (cnp.arange(6.0).reshape(2, 3), cnp.asfortranarray(cnp.ones((2, 3), ">i4")),
              cnp.array(["ab", "c"]), cnp.zeros(2, dtype=[("a", "i4"), ("b", "f8")])):
        for f in (copy.copy, copy.deepcopy):
            b = f(a)
            assert isinstance(b, cnp.ndarray) and b.dtype == a.dtype and b.shape == a.shape
            assert b.tolist() == a.tolist()
            assert b.__array_interface__["data"][0] != a.__array_interface__["data"][0]
    nested = {"x": cnp.arange(3)}
    d = copy.deepcopy(nested)
    d["x"][0] = 7
    assert nested["x"][0] == 0


def test_dumps_and_dump(tmp_path):
    a = cnp.arange(12, dtype=cnp.float32).reshape(3, 4)[:, ::2]
    s = a.dumps()
    assert isinstance(s, bytes) and s[:2] == b"\x80\x02"     # protocol 2, as NumPy's
    _check(pickle.loads(s), np.arange(12, dtype=np.float32).reshape(3, 4)[:, ::2])
    path = tmp_path / "a.pkl"
    a.dump(path)
    with open(path, "rb") as f:
        _check(pickle.load(f), np.asarray(a))
    a.dump(str(path))
    with open(path, "rb") as f:
        _check(pickle.load(f), np.asarray(a))
    buf = io.BytesIO()
    a.dump(buf)
    _check(pickle.loads(buf.getvalue()), np.asarray(a))


def test_bad_pickle_data_is_refused():
    from cnumpy._pickling import from_buffer, from_bytes
    with pytest.raises(ValueError, match="bytes of data"):
        from_bytes(b"\0" * 7, cnp.dtype("f8"), (1,), "C")
    with pytest.raises(ValueError, match="order"):
        from_bytes(b"\0" * 8, cnp.dtype("f8"), (1,), "K")
    with pytest.raises(ValueError, match="negative"):
        from_buffer(bytearray(8), cnp.dtype("f8"), (-1,), "C")
    with pytest.raises(TypeError):
        from_buffer(12, cnp.dtype("f8"), (1,), "C")
