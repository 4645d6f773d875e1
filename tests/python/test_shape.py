"""reshape / ravel / flatten / transpose, views vs copies, strides and flags, shape helpers."""
import numpy as np
import pytest

import cnumpy as cnp
from cnp_helpers import ALL_DTYPES, assert_same, check, check_error, flags_of

# Bases built through each library's own operations (arange + reshape + basic indexing).
BASES = {
    "1d": lambda xp: xp.arange(12),
    "2d": lambda xp: xp.arange(6).reshape(2, 3),
    "2d_f32": lambda xp: xp.arange(12, dtype="float32").reshape(3, 4),
    "3d": lambda xp: xp.arange(24).reshape(2, 3, 4),
    "5d": lambda xp: xp.arange(120, dtype="int16").reshape(2, 3, 1, 4, 5),
    "F": lambda xp: xp.copy(xp.arange(12.0).reshape(4, 3).T, order="F"),
    "T": lambda xp: xp.arange(12).reshape(3, 4).T,
    "T3": lambda xp: xp.arange(24.0).reshape(2, 3, 4).transpose(2, 0, 1),
    "step": lambda xp: xp.arange(24).reshape(4, 6)[::2, 1::2],
    "neg1d": lambda xp: xp.arange(10)[::-1],
    "neg2d": lambda xp: xp.arange(24).reshape(4, 6)[:, ::-2],
    "negboth": lambda xp: xp.arange(24).reshape(4, 6)[::-1, ::-1],
    "0d": lambda xp: xp.array(7.5),
    "empty": lambda xp: xp.zeros((0, 4), dtype="int8"),
    "empty_mid": lambda xp: xp.zeros((2, 0, 3)),
    "ones": lambda xp: xp.arange(3).reshape(1, 3, 1),
}


def run_view_op(mk, op):
    """op(base) in a library; then write through the result and report what the base sees."""
    def fn(xp):
        base = mk(xp)
        r = op(base)
        shares = xp.may_share_memory(base, r)
        result_before = xp.array(r) if isinstance(r, xp.ndarray) else r
        if isinstance(r, xp.ndarray) and r.size and r.flags.writeable:
            r.fill(99)
        return result_before, r, base, bool(shares)
    return fn


def check_view_op(mk, op, strides=True):
    exp, got = check(run_view_op(mk, op), strides=False)
    if isinstance(exp, Exception):
        return
    # strides of the operation's result
    assert_same(got[1], exp[1], strides=strides, what="view")
    assert got[3] == exp[3], "may_share_memory: cnumpy %r, numpy %r" % (got[3], exp[3])


def _reshape_targets(size):
    """Valid target shapes for `size` elements (with and without -1), plus invalid ones."""
    shapes = [(-1,), (size,), (1, size), (size, 1), (1, -1, 1), (-1, 1)]
    divisors = [d for d in range(1, size + 1) if size % d == 0]
    for d in divisors:
        shapes += [(d, size // d), (d, -1), (-1, size // d)]
        for e in divisors:
            if (size // d) % e == 0:
                shapes.append((d, e, size // d // e))
    if size == 0:
        shapes += [(0, 3), (3, 0), (2, 0, 4), (0, 0)]
    if size == 1:
        shapes += [(), (1, 1, 1)]
    invalid = [(size + 1,), (-1, size + 1), (-1, -1), (size, 2) if size else (1,), (0, -1)]
    seen, out = set(), []
    for sh in shapes[:24] + invalid:
        if sh not in seen:
            seen.add(sh)
            out.append(sh)
    return out


RESHAPE_BASES = ["1d", "2d_f32", "F", "T", "step", "neg1d", "negboth", "0d", "empty", "ones",
                 "T3", "5d"]
RESHAPE_CASES = [(b, sh) for b in RESHAPE_BASES for sh in _reshape_targets(BASES[b](np).size)]


@pytest.mark.parametrize("order", ["C", "F", "A"])
@pytest.mark.parametrize("base,shape", RESHAPE_CASES, ids=repr)
def test_reshape(base, shape, order):
    mk = BASES[base]
    check_view_op(mk, lambda a: a.reshape(shape, order=order), strides="nonunit")


@pytest.mark.parametrize("base", list(BASES))
def test_reshape_spellings(base):
    mk = BASES[base]
    n = mk(np).size
    check(lambda xp: mk(xp).reshape(n), strides="nonunit")
    check(lambda xp: mk(xp).reshape((n,)), strides="nonunit")
    check(lambda xp: mk(xp).reshape([n]), strides="nonunit")
    check(lambda xp: mk(xp).reshape(-1), strides="nonunit")
    check(lambda xp: mk(xp).reshape(1, n), strides="nonunit")
    check(lambda xp: xp.reshape(mk(xp), (n, 1)), strides="nonunit")
    check(lambda xp: xp.reshape(mk(xp), -1, order="F"), strides="nonunit")


def test_reshape_unit_dim_strides_exact():
    # NumPy's strides for length-1 axes produced by a no-copy reshape
    for mk, shape in [(lambda xp: xp.zeros(4)[::2], (2, 1)), (lambda xp: xp.zeros(6)[::2], (3, 1)),
                      (lambda xp: xp.zeros((2, 3)).T, (3, 2, 1)),
                      (lambda xp: xp.arange(6).reshape(2, 3), (1, 2, 1, 3, 1))]:
        check(lambda xp: mk(xp).reshape(shape), strides=True)


@pytest.mark.parametrize("shape", [(4,), (-1, 4), (4, -1, 1), (5, -1), (7,), (2, 4), (1, 2, 5),
                                   (-1, 4, 1), (2, -1, 4), (0, -1), (-1, -1), (2, -1, -1)],
                         ids=repr)
def test_reshape_errors(shape):
    check_error(lambda xp: xp.arange(6).reshape(shape))
    check_error(lambda xp: xp.reshape(xp.arange(6).reshape(2, 3).T, shape))


def test_reshape_error_messages():
    with pytest.raises(ValueError) as info:
        cnp.arange(6).reshape((4,))
    assert str(info.value) == "cannot reshape array of size 6 into shape (4,)"
    with pytest.raises(ValueError) as info:
        cnp.arange(6).reshape(-1, -1)
    assert str(info.value) == "can only specify one unknown dimension"


def test_reshape_empty_errors():
    check_error(lambda xp: xp.zeros((0, 3)).reshape(0, -1))
    check_error(lambda xp: xp.zeros((0, 3)).reshape(-1, 0))
    check(lambda xp: xp.zeros((0, 3)).reshape(-1))
    check(lambda xp: xp.zeros((0, 3)).reshape(3, 0, 5))
    check_error(lambda xp: xp.array(5).reshape(2))
    check(lambda xp: xp.array(5).reshape(-1))
    check(lambda xp: xp.zeros(1).reshape(()))


def test_reshape_empty_views_with_negative_strides():
    check(lambda xp: xp.zeros((0, 2))[:, ::-1].reshape(1, 0))
    check(lambda xp: xp.zeros((0, 2))[:, ::-1].reshape(0))
    check(lambda xp: xp.zeros((2, 0, 3))[::-1, :, ::-2].reshape(3, 0, 1))


def test_reshape_bad_order():
    check_error(lambda xp: xp.arange(6).reshape((3, 2), order="X"))


def test_reshape_too_many_dims():
    check_error(lambda xp: xp.arange(6).reshape((1,) * 33))


def test_reshape_of_list():
    check(lambda xp: xp.reshape([1, 2, 3, 4], (2, 2)))
    check(lambda xp: xp.reshape([[1.5, 2], [3, 4]], -1))


def test_reshape_view_sees_writes_both_ways():
    a = cnp.arange(6)
    b = a.reshape(2, 3)
    assert cnp.may_share_memory(a, b)
    assert not b.flags.owndata
    b[1, 2] = 50
    assert a[5] == 50
    a[0] = -1
    assert b[0, 0] == -1
    c = a.reshape(2, 3).T.reshape(6)  # needs a copy
    assert not cnp.may_share_memory(a, c)
    c[0] = 1000
    assert a[0] == -1


@pytest.mark.parametrize("order", ["C", "F", "A", "K"])
@pytest.mark.parametrize("base", list(BASES))
def test_ravel(base, order):
    mk = BASES[base]
    check_view_op(mk, lambda a: a.ravel(order), strides=True)
    check_view_op(mk, lambda a: cnp_or_np(a).ravel(a, order=order), strides=True)


def cnp_or_np(a):
    return cnp if isinstance(a, cnp.ndarray) else np


@pytest.mark.parametrize("order", ["C", "F", "A", "K"])
@pytest.mark.parametrize("base", list(BASES))
def test_flatten(base, order):
    mk = BASES[base]
    check_view_op(mk, lambda a: a.flatten(order), strides=True)
    check_view_op(mk, lambda a: a.flatten(), strides=True)


def test_flatten_ravel_bad_order():
    check_error(lambda xp: xp.arange(6).reshape(2, 3).flatten("X"))


# --------------------------------------------------------------------------------------------
# transpose


TRANSPOSES = {
    "2d": [None, (1, 0), (0, 1), (-1, 0), (-1, -2)],
    "3d": [None, (1, 0, 2), (2, 0, 1), (0, 1, 2), (-1, 0, 1), (2, 1, 0)],
    "5d": [None, (4, 3, 2, 1, 0), (0, 2, 4, 1, 3), (-5, -1, 1, 2, 3)],
    "T": [None, (1, 0)],
    "neg2d": [None, (1, 0)],
    "step": [(1, 0)],
    "0d": [None, ()],
    "1d": [None, (0,), (-1,)],
    "empty_mid": [None, (2, 0, 1)],
    "T3": [None, (1, 2, 0)],
}
TRANSPOSE_CASES = [(b, ax) for b, axes in TRANSPOSES.items() for ax in axes]


@pytest.mark.parametrize("base,axes", TRANSPOSE_CASES, ids=repr)
def test_transpose(base, axes):
    mk = BASES[base]
    if axes is None:
        check_view_op(mk, lambda a: a.transpose(), strides=True)
        check_view_op(mk, lambda a: a.T, strides=True)
        check_view_op(mk, lambda a: cnp_or_np(a).transpose(a), strides=True)
    else:
        check_view_op(mk, lambda a: a.transpose(axes), strides=True)
        check_view_op(mk, lambda a: cnp_or_np(a).transpose(a, axes), strides=True)
        if len(axes) > 0:
            check_view_op(mk, lambda a: a.transpose(*axes), strides=True)
        check_view_op(mk, lambda a: a.transpose(list(axes)), strides=True)


@pytest.mark.parametrize("axes", [(0, 2), (1, 1), (0,), (0, 1, 2), (-3, 0), (2, 0), (0, 0)],
                         ids=repr)
def test_transpose_errors_2d(axes):
    check_error(lambda xp: xp.zeros((2, 3)).transpose(axes))
    check_error(lambda xp: xp.transpose(xp.zeros((2, 3)), axes))


def test_transpose_errors_other():
    check_error(lambda xp: xp.zeros((2, 3, 4)).transpose(0, 2, 2))
    check_error(lambda xp: xp.zeros((2, 3, 4)).transpose(0, 5, 1))
    check_error(lambda xp: xp.array(5).transpose(0))
    check_error(lambda xp: xp.zeros(3).transpose(0, 0))


def test_transpose_axis_error_class_and_message():
    with pytest.raises(cnp.AxisError) as info:
        cnp.zeros((2, 3)).transpose(0, 2)
    assert isinstance(info.value, ValueError) and isinstance(info.value, IndexError)
    assert str(info.value) == "axis 2 is out of bounds for array of dimension 2"
    with pytest.raises(ValueError) as info:
        cnp.zeros((2, 3)).transpose(1, 1)
    assert str(info.value) == "repeated axis in transpose"
    with pytest.raises(ValueError) as info:
        cnp.zeros((2, 3)).transpose(0,)
    assert str(info.value) == "axes don't match array"


def test_transpose_view_sees_writes():
    a = cnp.arange(6).reshape(2, 3)
    t = a.T
    assert t.shape == (3, 2)
    assert cnp.may_share_memory(a, t)
    t[2, 1] = 77
    assert a[1, 2] == 77
    assert t.T.strides == a.strides


# --------------------------------------------------------------------------------------------
# attributes, flags, helpers


@pytest.mark.parametrize("base", list(BASES))
def test_attributes_and_flags(base):
    mk = BASES[base]
    e, g = mk(np), mk(cnp)
    assert g.shape == e.shape and g.ndim == e.ndim and g.size == e.size
    assert g.itemsize == e.itemsize and g.nbytes == e.nbytes
    for name in ("ndim", "size", "itemsize", "nbytes"):
        assert type(getattr(g, name)) is int, name
    assert type(g.strides) is tuple
    if e.size:
        assert g.strides == e.strides
    assert flags_of(g) == flags_of(e), "flags %r != numpy's %r" % (flags_of(g), flags_of(e))
    assert cnp.shape(g) == np.shape(e)
    assert cnp.ndim(g) == np.ndim(e)
    assert cnp.size(g) == np.size(e)


def test_flags_spellings():
    a = cnp.zeros((2, 3), order="F")
    f = a.flags
    assert f["F_CONTIGUOUS"] is True and f["C_CONTIGUOUS"] is False
    assert f["WRITEABLE"] is True and f["OWNDATA"] is True and f["ALIGNED"] is True
    assert f.f_contiguous is True and f.c_contiguous is False
    assert f.writeable is True and f.owndata is True and f.aligned is True
    a.flags.writeable = False
    assert a.flags.writeable is False and a.flags["WRITEABLE"] is False
    a.flags.writeable = True
    assert a.flags.writeable is True
    v = a.T
    assert v.flags.c_contiguous is True and v.flags.owndata is False


@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_itemsize_nbytes(dtype):
    check(lambda xp: xp.zeros((3, 5), dtype=dtype))
    g = cnp.zeros((3, 5), dtype=dtype)
    assert g.itemsize == np.dtype(dtype).itemsize
    assert g.nbytes == 15 * np.dtype(dtype).itemsize


def test_shape_helpers_on_python_objects():
    for obj in (5, 2.5, [], [[1, 2]], [[1], [2], [3]], [[[1.0]]], (1, 2, 3)):
        assert cnp.shape(obj) == np.shape(obj)
        assert cnp.ndim(obj) == np.ndim(obj)
        assert cnp.size(obj) == np.size(obj)


def test_len_and_iteration():
    check(lambda xp: len(xp.zeros((4, 2))))
    check(lambda xp: len(xp.zeros(0)))
    check(lambda xp: list(xp.arange(6).reshape(2, 3)))
    check(lambda xp: list(xp.arange(6).reshape(2, 3).T), strides=True)
    check(lambda xp: list(xp.arange(4.0)[::-1]))
    check(lambda xp: list(xp.zeros((0, 3))))
    check(lambda xp: [list(row) for row in xp.arange(6).reshape(3, 2)])


def test_len_of_0d():
    check_error(lambda xp: len(xp.array(1)))
    with pytest.raises(TypeError) as info:
        len(cnp.zeros(()))
    assert str(info.value) == "len() of unsized object"


def test_iterate_0d():
    check_error(lambda xp: iter(xp.array(1.0)))


def test_iteration_rows_are_views():
    a = cnp.zeros((2, 3))
    for i, row in enumerate(a):
        assert isinstance(row, cnp.ndarray)
        row[0] = i + 1
    assert a[:, 0].tolist() == [1.0, 2.0]


PAIRS_SHARE = [
    (lambda xp: xp.arange(10), lambda a: a[::2]),
    (lambda xp: xp.arange(10), lambda a: a[1::2]),
    (lambda xp: xp.arange(10), lambda a: a[5:]),
    (lambda xp: xp.arange(10), lambda a: a[:0]),
    (lambda xp: xp.arange(10), lambda a: a.copy()),
    (lambda xp: xp.arange(10), lambda a: a[::-1]),
    (lambda xp: xp.arange(12).reshape(3, 4), lambda a: a.T),
    (lambda xp: xp.arange(12).reshape(3, 4), lambda a: a[1]),
    (lambda xp: xp.arange(12).reshape(3, 4), lambda a: a[:, 0]),
    (lambda xp: xp.arange(12).reshape(3, 4), lambda a: xp_of(a).zeros_like(a)),
]


def xp_of(a):
    return cnp if isinstance(a, cnp.ndarray) else np


@pytest.mark.parametrize("i", range(len(PAIRS_SHARE)))
def test_may_share_memory(i):
    mk, op = PAIRS_SHARE[i]
    check(lambda xp: xp.may_share_memory(mk(xp), op(mk(xp))))  # different bases: False

    def same_base(xp):
        a = mk(xp)
        return xp.may_share_memory(a, op(a)), xp.may_share_memory(op(a), a)
    check(same_base)


def test_may_share_memory_disjoint_halves():
    def fn(xp):
        a = xp.arange(10)
        return xp.may_share_memory(a[:5], a[5:]), xp.may_share_memory(a[:6], a[5:])
    check(fn)
