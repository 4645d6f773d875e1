"""Zero-copy interchange: DLPack both ways (numpy.from_dlpack(cnumpy) and cnumpy.from_dlpack(numpy))
sharing memory, strided views, lifetimes in both orders, errors with NumPy's messages; memoryview
export through ndarray.data; buffer-protocol import; the package without NumPy."""
import array
import gc
import os
import subprocess
import sys

import numpy as np
import pytest

import cnumpy as cnp
from cnumpy import _accel
from cnp_helpers import NUMERIC

DLPACK_DTYPES = NUMERIC          # DLPack 0.6 (NumPy 1.24) has no bool


def addr(a):
    return a.__array_interface__["data"][0]


def sample(dt, shape=(3, 4)):
    return (np.arange(int(np.prod(shape))) % 7 + 1).reshape(shape).astype(dt)


@pytest.mark.parametrize("dt", DLPACK_DTYPES)
def test_numpy_from_cnumpy_shares_memory(dt):
    n0 = sample(dt)
    c = cnp.asarray(n0).copy()
    n = np.from_dlpack(c)
    assert n.dtype == np.dtype(dt) and n.shape == c.shape and n.strides == c.strides
    assert addr(n) == addr(c)
    np.testing.assert_array_equal(n, n0)
    c[1, 2] = 0                  # a write through the exporter is seen by the consumer
    assert n[1, 2] == 0
    assert not n.flags.writeable   # NumPy 1.24 marks DLPack imports read-only


@pytest.mark.parametrize("dt", DLPACK_DTYPES)
def test_cnumpy_from_numpy_shares_memory(dt):
    n = sample(dt)
    c = cnp.from_dlpack(n)
    assert c.dtype == cnp.dtype(dt) and c.shape == n.shape and c.strides == n.strides
    assert addr(c) == addr(n)
    n[0, 0] = 5
    assert c[0, 0] == 5
    assert np.array_equal(np.asarray(c), n)
    assert not c.flags.writeable
    with pytest.raises(ValueError, match="read-only"):
        c[0, 0] = 1


@pytest.mark.parametrize("view", [lambda a: a[::-1], lambda a: a[:, ::2], lambda a: a.T,
                                  lambda a: a[1:, ::-3], lambda a: a[2], lambda a: a[1:2, 1],
                                  lambda a: a[:0], lambda a: a[None, :, 1:2]])
def test_strided_views_both_ways(view):
    base = np.arange(40.0).reshape(5, 8)
    cbase = cnp.asarray(base).copy()
    nv = np.from_dlpack(view(cbase))
    ref = view(base)
    assert nv.shape == ref.shape
    np.testing.assert_array_equal(nv, ref)
    if nv.size:
        assert addr(nv) == addr(view(cbase))
    cv = cnp.from_dlpack(view(base))
    # NumPy's exporter writes stride 1 for length-1 axes; compare with NumPy's own import
    assert cv.shape == ref.shape and cv.strides == np.from_dlpack(ref).strides
    np.testing.assert_array_equal(np.asarray(cv), ref)
    if ref.size:
        assert addr(cv) == addr(ref)


def test_exporter_freed_first():
    c = cnp.arange(1000.0)
    n = np.from_dlpack(c)
    del c
    gc.collect()
    assert n.sum() == 499500.0       # the DLPack deleter, not the array handle, owns the memory
    nb = np.arange(50.0)
    cb = cnp.from_dlpack(nb)
    del nb
    gc.collect()
    assert float(cnp.sum(cb)) == 1225.0


def test_consumer_freed_first():
    c = cnp.arange(10.0)
    n = np.from_dlpack(c)
    del n
    gc.collect()
    assert float(cnp.sum(c)) == 45.0
    nb = np.arange(10.0)
    cb = cnp.from_dlpack(nb)
    del cb
    gc.collect()
    assert nb.sum() == 45.0


def test_round_trip_and_chain():
    n = np.arange(12, dtype=np.int32).reshape(3, 4)
    c = cnp.from_dlpack(n)
    # an import is read-only, so it cannot be exported again: NumPy refuses the same way
    with pytest.raises(BufferError) as e1:
        np.from_dlpack(np.from_dlpack(n))
    with pytest.raises(BufferError) as e2:
        np.from_dlpack(c)
    assert str(e1.value) == str(e2.value)
    n2 = np.from_dlpack(cnp.asarray(n).copy().T)
    np.testing.assert_array_equal(n2, n.T)
    del n, c
    gc.collect()
    assert n2.sum() == 66


def test_unconsumed_capsule_releases():
    c = cnp.arange(5.0)
    cap = c.__dlpack__()
    assert type(cap).__name__ == "PyCapsule"
    del cap
    gc.collect()
    assert float(cnp.sum(c)) == 10.0


def test_capsule_consumed_once():
    cap = cnp.arange(3.0).__dlpack__()
    n = np.from_dlpack(type("H", (), {"__dlpack__": lambda self, stream=None: cap,
                                      "__dlpack_device__": lambda self: (1, 0)})())
    assert n.tolist() == [0.0, 1.0, 2.0]
    holder = type("H", (), {"__dlpack__": lambda self, stream=None: cap,
                            "__dlpack_device__": lambda self: (1, 0)})()
    with pytest.raises(ValueError):
        cnp.from_dlpack(holder)


def test_device_and_errors():
    c = cnp.arange(3.0)
    assert c.__dlpack_device__() == np.arange(3.0).__dlpack_device__()
    for bad in (np.array([True]), ):
        with pytest.raises(BufferError) as e1:
            bad.__dlpack__()
        with pytest.raises(BufferError) as e2:
            cnp.asarray(bad).__dlpack__()
        assert str(e1.value) == str(e2.value)
    ro_n = np.arange(3.0)
    ro_n.flags.writeable = False
    ro_c = cnp.arange(3.0)
    ro_c.flags.writeable = False
    with pytest.raises(BufferError) as e1:
        ro_n.__dlpack__()
    with pytest.raises(BufferError) as e2:
        ro_c.__dlpack__()
    assert str(e1.value) == str(e2.value)
    with pytest.raises(RuntimeError) as e1:
        np.arange(3.0).__dlpack__(stream=1)
    with pytest.raises(RuntimeError) as e2:
        c.__dlpack__(stream=1)
    assert str(e1.value) == str(e2.value)
    with pytest.raises(AttributeError):
        cnp.from_dlpack([1, 2])


# ---- memoryview export (ndarray.data) ----------------------------------------------------------
@pytest.mark.parametrize("dt", ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32",
                                "int64", "uint64", "float32", "float64"])
def test_data_memoryview(dt):
    n = sample(dt, (2, 3))
    c = cnp.asarray(n).copy()
    m, mn = c.data, n.data
    assert (m.format, m.shape, m.strides, m.itemsize) == (mn.format, mn.shape, mn.strides, mn.itemsize)
    assert m.tolist() == mn.tolist()
    assert not m.readonly
    c[0, 0] = 0
    assert m[0, 0] == 0


def test_data_memoryview_strided_readonly_lifetime():
    c = cnp.arange(10.0)
    n = np.arange(10.0)
    m, mn = c[::-3].data, n[::-3].data
    assert (m.shape, m.strides, m.tolist()) == (mn.shape, mn.strides, mn.tolist())
    ro = cnp.arange(4)
    ro.flags.writeable = False
    assert ro.data.readonly
    m = cnp.arange(4.0).data       # the view keeps the array's memory alive
    gc.collect()
    assert m.tolist() == [0.0, 1.0, 2.0, 3.0]
    # The pure-Python package can describe only C-contiguous or 1-D strided memory of the
    # formats memoryview.cast knows; the C base type (cnumpy._speedups) exports any layout and
    # NumPy's formats, as NumPy does.
    for make in (lambda xp: xp.arange(12.0).reshape(3, 4)[:, ::2],
                 lambda xp: xp.arange(3.0).astype("complex128")):
        if _accel.speedups is None:
            with pytest.raises(BufferError):
                make(cnp).data
        else:
            m, mn = make(cnp).data, make(np).data
            assert (m.format, m.shape, m.strides, m.tobytes()) == \
                (mn.format, mn.shape, mn.strides, mn.tobytes())


# ---- buffer-protocol import --------------------------------------------------------------------
@pytest.mark.parametrize("make", [lambda: bytearray(b"abcdefgh"), lambda: array.array("d", [1, 2, 3]),
                                  lambda: memoryview(bytearray(16)).cast("i"), lambda: np.arange(6.0)[::2],
                                  lambda: array.array("h", [1, -2, 3])])
def test_asarray_buffer_zero_copy(make):
    src = make()
    c, n = cnp.asarray(src), np.asarray(src)
    assert (c.shape, c.dtype.str, c.strides) == (n.shape, n.dtype.str, n.strides)
    assert addr(c) == addr(n)
    assert np.array_equal(np.asarray(c), n)
    assert c.flags.writeable == n.flags.writeable


def test_readonly_sources_stay_readonly():
    for src in (b"\x00" * 16, memoryview(bytearray(16)).toreadonly()):
        c = cnp.frombuffer(src, dtype="float64")
        n = np.frombuffer(src, dtype="float64")
        assert c.flags.writeable is False and n.flags.writeable is False
        with pytest.raises(ValueError) as e1:
            n[0] = 1
        with pytest.raises(ValueError) as e2:
            c[0] = 1
        assert str(e1.value) == str(e2.value)
    b = bytearray(16)
    c = cnp.frombuffer(b, dtype="float64")
    b[:8] = np.float64(2.5).tobytes()
    assert float(c[0]) == 2.5


# ---- no NumPy at all ---------------------------------------------------------------------------
def test_works_without_numpy():
    code = r"""
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "numpy" or name.startswith("numpy."):
            raise ImportError("numpy is blocked")
sys.meta_path.insert(0, Block())
import cnumpy as cnp, array, gc
a = cnp.arange(6.0).reshape(2, 3)
assert repr(a) == "array([[0., 1., 2.],\n       [3., 4., 5.]])", repr(a)
assert str(a[1]) == "[3. 4. 5.]"
b = cnp.from_dlpack(a[:, ::2])
assert b.tolist() == [[0.0, 2.0], [3.0, 5.0]]
del a; gc.collect()
assert b.tolist() == [[0.0, 2.0], [3.0, 5.0]]
m = cnp.asarray(array.array("i", [1, 2, 3]))
assert m.dtype == cnp.int32 and m.data.tolist() == [1, 2, 3]
with cnp.printoptions(precision=2):
    assert repr(cnp.asarray([1/3])) == "array([0.33])"
assert "numpy" not in sys.modules
print("ok")
"""
    env = dict(os.environ)
    r = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "ok"
