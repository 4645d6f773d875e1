"""ndarray.base (issue 28): None for arrays owning their data, the owning Python object for views,
chains collapsed to the owner as NumPy >= 1.7 does; compared with NumPy 1.24 case by case."""
import array
import mmap

import numpy as np
import pytest

import cnumpy as cnp


def _owner(m):
    return m.arange(24.0).reshape(4, 6).copy()


def _record(m):
    return m.zeros(5, dtype=[("x", "f8"), ("y", "i4")])


# Each case: m -> (result, {name: object}); the test compares how result.base relates to the
# named objects (which one it is, or None, or the type of a foreign base).
CASES = {
    "owner": lambda m: (_owner(m), {}),
    "slice": lambda m: (lambda a: (a[1:], {"a": a}))(_owner(m)),
    "slice_step": lambda m: (lambda a: (a[::-2, 1::3], {"a": a}))(_owner(m)),
    "slice_int": lambda m: (lambda a: (a[1], {"a": a}))(_owner(m)),
    "chain": lambda m: (lambda a: (a[1:][1:], {"a": a}))(_owner(m)),
    "chain3": lambda m: (lambda a: (a[1:].T[::2].reshape(-1), {"a": a}))(m.arange(12.0)),
    "ellipsis": lambda m: (lambda a: (a[...], {"a": a}))(_owner(m)),
    "newaxis": lambda m: (lambda a: (a[None, :, None], {"a": a}))(_owner(m)),
    "zero_d_view": lambda m: (lambda a: (a[...], {"a": a}))(m.array(3.0)),
    "empty_slice": lambda m: (lambda a: (a[3:1], {"a": a}))(_owner(m)),
    "fancy": lambda m: (lambda a: (a[[0, 2]], {"a": a}))(_owner(m)),
    "mask": lambda m: (lambda a: (a[a > 3], {"a": a}))(_owner(m)),
    "fancy_then_slice": lambda m: (lambda a: (lambda f: (f[1:], {"a": a, "f": f}))(a[[0, 2]]))(
        _owner(m)),
    "reshape_view": lambda m: (lambda a: (a.reshape(6, 4), {"a": a}))(_owner(m)),
    "reshape_tuple": lambda m: (lambda a: (a.reshape((2, 12)), {"a": a}))(_owner(m)),
    "reshape_func": lambda m: (lambda a: (m.reshape(a, -1), {"a": a}))(_owner(m)),
    "reshape_of_view": lambda m: (lambda a: (a[1:].reshape(-1), {"a": a}))(_owner(m)),
    "ravel_view": lambda m: (lambda a: (a.ravel(), {"a": a}))(_owner(m)),
    "ravel_copy": lambda m: (lambda a: (a.T.ravel(), {"a": a}))(_owner(m)),
    "ravel_F_view": lambda m: (lambda a: (a.T.ravel("F"), {"a": a}))(_owner(m)),
    "ravel_func": lambda m: (lambda a: (m.ravel(a[::2]), {"a": a}))(_owner(m)),
    "flatten": lambda m: (lambda a: (a.flatten(), {"a": a}))(_owner(m)),
    "transpose": lambda m: (lambda a: (a.T, {"a": a}))(_owner(m)),
    "transpose_axes": lambda m: (lambda a: (a.reshape(2, 3, 4).transpose(2, 0, 1), {"a": a}))(
        _owner(m)),
    "swapaxes": lambda m: (lambda a: (m.swapaxes(a, 0, 1), {"a": a}))(_owner(m)),
    "moveaxis": lambda m: (lambda a: (m.moveaxis(a, 0, -1), {"a": a}))(_owner(m)),
    "expand_dims": lambda m: (lambda a: (m.expand_dims(a, 1), {"a": a}))(_owner(m)),
    "squeeze": lambda m: (lambda a: (m.squeeze(a[None]), {"a": a}))(_owner(m)),
    "flip": lambda m: (lambda a: (m.flip(a), {"a": a}))(_owner(m)),
    "fliplr": lambda m: (lambda a: (m.fliplr(a), {"a": a}))(_owner(m)),
    "atleast_2d": lambda m: (lambda a: (m.atleast_2d(a), {"a": a}))(m.arange(3.0)),
    "atleast_3d": lambda m: (lambda a: (m.atleast_3d(a), {"a": a}))(_owner(m)),
    "split": lambda m: (lambda a: (m.split(a, 2)[1], {"a": a}))(_owner(m)),
    "hsplit": lambda m: (lambda a: (m.hsplit(a, 3)[0], {"a": a}))(_owner(m)),
    "view": lambda m: (lambda a: (a.view(), {"a": a}))(_owner(m)),
    "view_dtype": lambda m: (lambda a: (a.view("i8"), {"a": a}))(_owner(m)),
    "view_smaller": lambda m: (lambda a: (a.view("f4"), {"a": a}))(_owner(m)),
    "view_of_view": lambda m: (lambda a: (a[1:].view("u8"), {"a": a}))(_owner(m)),
    "field": lambda m: (lambda r: (r["x"], {"r": r}))(_record(m)),
    "field_of_slice": lambda m: (lambda r: (r[1:]["y"], {"r": r}))(_record(m)),
    "diagonal": lambda m: (lambda a: (a.diagonal(), {"a": a}))(_owner(m)),
    "diagonal_func": lambda m: (lambda a: (m.diagonal(a, 1), {"a": a}))(_owner(m)),
    "diag_1d": lambda m: (lambda a: (m.diag(a), {"a": a}))(m.arange(3.0)),
    "real": lambda m: (lambda z: (z.real, {"z": z}))(m.arange(4.0) + 1j),
    "imag": lambda m: (lambda z: (z.imag, {"z": z}))(m.arange(4.0) + 1j),
    "real_func": lambda m: (lambda z: (m.real(z[1:]), {"z": z}))(m.arange(4.0) + 1j),
    "imag_of_real": lambda m: (lambda a: (a.imag, {"a": a}))(_owner(m)),
    "real_of_real_view": lambda m: (lambda a: (a[1:].real, {"a": a}))(_owner(m)),
    "broadcast_to": lambda m: (lambda a: (m.broadcast_to(a, (3, 4, 6)), {"a": a}))(_owner(m)),
    "broadcast_arrays": lambda m: (lambda a: (m.broadcast_arrays(a, m.ones((2, 1, 1)))[0],
                                              {"a": a}))(_owner(m)),
    "asarray_same": lambda m: (lambda a: (m.asarray(a), {"a": a}))(_owner(m)),
    "asarray_view": lambda m: (lambda a: (lambda v: (m.asarray(v), {"a": a, "v": v}))(a[1:]))(
        _owner(m)),
    "array_nocopy": lambda m: (lambda a: (m.array(a[::2], copy=False), {"a": a}))(_owner(m)),
    "ascontiguous_copy": lambda m: (lambda a: (m.ascontiguousarray(a[:, ::2]), {"a": a}))(
        _owner(m)),
    "copy": lambda m: (lambda a: (a[1:].copy(), {"a": a}))(_owner(m)),
    "astype": lambda m: (lambda a: (a[1:].astype("f4"), {"a": a}))(_owner(m)),
    "arith": lambda m: (lambda a: (a[1:] + 1, {"a": a}))(_owner(m)),
    "reduction": lambda m: (lambda a: (a.sum(axis=0), {"a": a}))(_owner(m)),
    "creation": lambda m: (m.zeros((2, 3)), {}),
    "arange": lambda m: (m.arange(5), {}),
    "frombuffer_bytes": lambda m: (lambda b: (m.frombuffer(b, "u1"), {"b": b}))(b"abcdefgh"),
    "frombuffer_bytearray": lambda m: (lambda b: (m.frombuffer(b, "u2"), {"b": b}))(
        bytearray(b"abcdefgh")),
    "frombuffer_array": lambda m: (lambda b: (m.frombuffer(b, "f8"), {"b": b}))(
        array.array("d", [1.0, 2.0])),
    "frombuffer_view": lambda m: (lambda f: (f[1:], {"f": f}))(m.frombuffer(b"abcdefgh", "u1")),
    "frombuffer_chain": lambda m: (lambda f: (f[1:][::2].reshape(2, 2)[0], {"f": f}))(
        m.frombuffer(b"abcdefghi", "u1")),
    "ndarray_buffer": lambda m: (lambda b: (m.ndarray((2,), "u1", buffer=b), {"b": b}))(
        bytearray(b"abcd")),
    "ndarray_buffer_view": lambda m: (lambda n: (n[1:], {"n": n}))(
        m.ndarray((4,), "u1", buffer=bytearray(b"abcd"))),
    "asarray_memoryview": lambda m: (m.asarray(memoryview(bytearray(b"abcd"))), {}),
    "asarray_array_module": lambda m: (m.asarray(array.array("d", [1.0, 2.0])), {}),
    "asarray_mmap_slice": lambda m: (lambda b: (m.frombuffer(b, "u1")[2:], {}))(_anon_mmap()),
}


def _anon_mmap():
    mm = mmap.mmap(-1, 16)
    mm.write(b"0123456789abcdef")
    return mm


def _describe(r, named, xp):
    """How r.base relates to the named objects: None, a name, or the type of a foreign base."""
    b = r.base
    if b is None:
        return None
    for name, obj in named.items():
        if b is obj:
            return name
    if isinstance(b, xp.ndarray):
        return ("another array", b.shape, str(b.dtype))
    return type(b).__name__


@pytest.mark.parametrize("case", sorted(CASES))
def test_base_like_numpy(case):
    ref, ref_named = CASES[case](np)
    got, got_named = CASES[case](cnp)
    assert _describe(got, got_named, cnp) == _describe(ref, ref_named, np)
    # base and result share memory exactly when NumPy says so
    if isinstance(got.base, cnp.ndarray):
        assert cnp.may_share_memory(got, got.base) == np.may_share_memory(ref, ref.base)
    if ref.base is not None:
        assert not got.flags.owndata


def test_base_keeps_owner_alive():
    v = cnp.arange(10.0)[2:5]
    owner = v.base
    assert owner.shape == (10,) and owner.base is None
    del owner
    import gc
    gc.collect()
    assert v.base.tolist() == list(range(10))


def test_base_after_owner_dropped_in_chain():
    a = cnp.arange(6.0)
    w = a[1:][1:]
    del a
    assert w.base.shape == (6,) and w.base.base is None


def test_base_not_settable():
    a = cnp.arange(3)
    with pytest.raises(AttributeError):
        a.base = None


def test_base_with_flat():
    a = cnp.arange(6).reshape(2, 3)
    assert a.flat.base is a


def test_shape_setter_keeps_base():
    a = cnp.arange(6.0)
    v = a[:]
    v.shape = (2, 3)
    assert v.base is a and np.arange(6.0)[:].base is not None


def test_from_dlpack_base_is_capsule():
    a = cnp.arange(4.0)
    r = cnp.from_dlpack(a)
    n = np.from_dlpack(np.arange(4.0))
    assert type(r.base).__name__ == type(n.base).__name__ == "PyCapsule"


def test_asarray_of_numpy_array_keeps_it():
    n = np.arange(4.0)
    assert cnp.asarray(n).base is n


def test_owner_arrays_everywhere():
    for make in (lambda m: m.ones(3), lambda m: m.eye(3),
                 lambda m: m.array([[1, 2], [3, 4]]), lambda m: m.concatenate([m.ones(2)] * 2),
                 lambda m: m.sort(m.arange(4)[::-1]), lambda m: m.empty_like(m.ones(2))):
        assert make(cnp).base is None and make(np).base is None
