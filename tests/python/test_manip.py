"""Shape manipulation, joining, splitting, rearranging and selection, compared with NumPy."""
import numpy as np
import pytest

import cnumpy as cnp
from cnp_helpers import ALL_DTYPES, DATASETS, arr, check, check_error

M = np.arange(24).reshape(2, 3, 4)


def a3(xp, dtype="int64", layout="c"):
    a = arr(xp, M, dtype)
    if layout == "f":
        return xp.asfortranarray(a)
    if layout == "neg":
        return a[::-1, ::-1]
    if layout == "strided":
        return arr(xp, np.arange(96).reshape(4, 3, 8), dtype)[::2, :, ::2]
    return a


LAYOUTS = ["c", "f", "neg", "strided"]


def shares(xp, a, b):
    return xp.may_share_memory(a, b)


# -- shape functions ---------------------------------------------------------------------------
SHAPE_CASES = [
    lambda xp, a: xp.transpose(a, (1, 0, 2)),
    lambda xp, a: a.transpose(2, 0, 1),
    lambda xp, a: a.T,
    lambda xp, a: xp.swapaxes(a, 0, 2),
    lambda xp, a: a.swapaxes(-1, 1),
    lambda xp, a: xp.moveaxis(a, 0, -1),
    lambda xp, a: xp.moveaxis(a, [0, 1], [-1, -2]),
    lambda xp, a: xp.squeeze(a[:1, :, 1:2]),
    lambda xp, a: xp.squeeze(a[:1], axis=0),
    lambda xp, a: a[:, :1].squeeze((1,)),
    lambda xp, a: xp.expand_dims(a, 1),
    lambda xp, a: xp.expand_dims(a, (0, -1)),
    lambda xp, a: xp.reshape(a, (4, -1)),
    lambda xp, a: xp.reshape(a, (4, 6), order="F"),
    lambda xp, a: xp.ravel(a, order="F"),
    lambda xp, a: a.flatten("F"),
    lambda xp, a: xp.atleast_3d(a[0]),
    lambda xp, a: xp.atleast_3d(a[0, 0]),
    lambda xp, a: xp.atleast_2d(a[0, 0]),
    lambda xp, a: xp.broadcast_to(a[:, :1], (5, 2, 3, 4)),
    lambda xp, a: xp.broadcast_arrays(a, a[:1, :, :1]),
    lambda xp, a: xp.flip(a),
    lambda xp, a: xp.flip(a, (0, 2)),
    lambda xp, a: xp.fliplr(a),
    lambda xp, a: xp.flipud(a),
    lambda xp, a: xp.rot90(a),
    lambda xp, a: xp.rot90(a, 2, (2, 1)),
    lambda xp, a: xp.rot90(a, -1, (0, 2)),
    lambda xp, a: xp.diagonal(a),
    lambda xp, a: xp.diagonal(a, 1, 2, 1),
    lambda xp, a: a.diagonal(-1, 0, 2),
]


@pytest.mark.parametrize("case", SHAPE_CASES, ids=range(len(SHAPE_CASES)))
@pytest.mark.parametrize("layout", LAYOUTS)
def test_shape_functions(case, layout):
    check(lambda xp: case(xp, a3(xp, "int64", layout)))


VIEW_CASES = [
    lambda xp, a: xp.transpose(a),
    lambda xp, a: xp.swapaxes(a, 0, 1),
    lambda xp, a: xp.moveaxis(a, 0, -1),
    lambda xp, a: xp.expand_dims(a, 0),
    lambda xp, a: xp.squeeze(a[:1]),
    lambda xp, a: xp.flip(a, 1),
    lambda xp, a: xp.rot90(a),
    lambda xp, a: xp.atleast_3d(a[0]),
    lambda xp, a: xp.split(a, 2)[1],
    lambda xp, a: xp.array_split(a, 3, axis=2)[2],
    lambda xp, a: a[::2, 1:],
    lambda xp, a: a.reshape(6, 4)[::-1],
]


@pytest.mark.parametrize("case", VIEW_CASES, ids=range(len(VIEW_CASES)))
def test_views_share_memory(case):
    for xp in (np, cnp):
        a = xp.arange(24).reshape(2, 3, 4)
        v = case(xp, a)
        assert shares(xp, a, v)
        v[...] = -1 if v.size else 0        # writes through the view are visible
        vv = v[..., ::-1] if v.ndim else v
        assert (np.asarray(vv) == -1).all()
        assert int((np.asarray(a) == -1).sum()) == v.size
    check(lambda xp: case(xp, xp.arange(24).reshape(2, 3, 4)))


def test_views_of_views():
    def f(xp):
        a = xp.arange(60.).reshape(3, 4, 5)
        v = xp.swapaxes(a, 0, 2)[::-1][1:, ::2]
        w = xp.flip(xp.expand_dims(v, 1), -1)
        w[0, 0, 0] = 100.
        return a, v, w
    check(f)


def test_broadcast_to_read_only():
    check_error(lambda xp: xp.broadcast_to(xp.arange(3), (2, 3)).__setitem__(0, 5))
    check(lambda xp: xp.broadcast_to(xp.arange(3), (2, 3)).flags.writeable)
    check(lambda xp: xp.diagonal(xp.eye(3)).flags.writeable)


SHAPE_ERRORS = [
    lambda xp: xp.swapaxes(xp.zeros((2, 3)), 0, 2),
    lambda xp: xp.moveaxis(xp.zeros((2, 3)), 0, 5),
    lambda xp: xp.moveaxis(xp.zeros((2, 3)), [0, 0], [1, 0]),
    lambda xp: xp.moveaxis(xp.zeros((2, 3)), [0, 1], [0]),
    lambda xp: xp.squeeze(xp.zeros((2, 1)), axis=0),
    lambda xp: xp.squeeze(xp.zeros((2, 1)), axis=2),
    lambda xp: xp.expand_dims(xp.zeros((2, 3)), 3),
    lambda xp: xp.expand_dims(xp.zeros((2, 3)), (0, 0)),
    lambda xp: xp.broadcast_to(xp.arange(3), (4,)),
    lambda xp: xp.broadcast_to(xp.arange(3), ()),
    lambda xp: xp.broadcast_to(xp.arange(3), (-1, 3)),
    lambda xp: xp.broadcast_shapes((2,), (3,)),
    lambda xp: xp.broadcast_arrays(xp.zeros(2), xp.zeros((3, 3))),
    lambda xp: xp.transpose(xp.zeros((2, 3)), (0, 0)),
    lambda xp: xp.transpose(xp.zeros((2, 3)), (0,)),
    lambda xp: xp.reshape(xp.zeros((2, 3)), (4, -1)),
    lambda xp: xp.diagonal(xp.zeros(3)),
    lambda xp: xp.diagonal(xp.zeros((2, 3)), 0, 1, 1),
    lambda xp: xp.diagonal(xp.zeros((2, 3)), 0, 0, 5),
    lambda xp: xp.fliplr(xp.zeros(3)),
    lambda xp: xp.flipud(xp.array(1.0)),
    lambda xp: xp.flip(xp.zeros((2, 3)), 2),
    lambda xp: xp.rot90(xp.zeros((2, 3)), 1, (0, 0)),
    lambda xp: xp.rot90(xp.zeros((2, 3)), 1, (0, 3)),
    lambda xp: xp.rot90(xp.zeros((2, 3)), 1, (0,)),
]


@pytest.mark.parametrize("fn", SHAPE_ERRORS, ids=range(len(SHAPE_ERRORS)))
def test_shape_errors(fn):
    check_error(fn)


def test_broadcast_shapes():
    check(lambda xp: xp.broadcast_shapes((2, 1), (3,), (1, 1, 1)))
    check(lambda xp: xp.broadcast_shapes())
    check(lambda xp: xp.broadcast_shapes(5, (1, 5)))


# -- joining -------------------------------------------------------------------------------------
@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_concatenate_dtypes(dtype):
    check(lambda xp: xp.concatenate([a3(xp, dtype), a3(xp, dtype, "neg")], axis=1))
    check(lambda xp: xp.concatenate([a3(xp, dtype), a3(xp, "float32")], axis=None))
    check(lambda xp: xp.stack([a3(xp, dtype)[0], a3(xp, "int8", "f")[1]], axis=-1))


JOIN_CASES = [
    lambda xp: xp.concatenate([a3(xp), a3(xp, "int64", "f")]),
    lambda xp: xp.concatenate([a3(xp), a3(xp, "int64", "strided")], axis=-1),
    lambda xp: xp.concatenate([a3(xp)[:, :0], a3(xp)], axis=1),
    lambda xp: xp.concatenate((xp.arange(3), [7, 8], xp.zeros(0, "int8"))),
    lambda xp: xp.concatenate([a3(xp, "int16"), a3(xp, "uint8")], dtype="float32"),
    lambda xp: xp.concatenate([a3(xp, "float64"), a3(xp, "float64")], out=xp.zeros((4, 3, 4))),
    lambda xp: xp.concatenate([a3(xp, "float64")], dtype="int32", casting="unsafe"),
    lambda xp: xp.stack([xp.arange(3), xp.arange(3.)]),
    lambda xp: xp.stack([a3(xp), a3(xp, "int64", "neg")], axis=2),
    lambda xp: xp.stack([xp.array(1), xp.array(2)]),
    lambda xp: xp.vstack([xp.arange(3), xp.arange(3)]),
    lambda xp: xp.row_stack([xp.arange(3), [[1, 2, 3]]]),
    lambda xp: xp.vstack([a3(xp), a3(xp)]),
    lambda xp: xp.hstack([xp.arange(3), xp.arange(2)]),
    lambda xp: xp.hstack([a3(xp), a3(xp, "int8")]),
    lambda xp: xp.hstack([xp.array(1), xp.array(2.)]),
    lambda xp: xp.dstack([xp.arange(3), xp.arange(3)]),
    lambda xp: xp.dstack([a3(xp)[0], a3(xp)[1]]),
    lambda xp: xp.column_stack([xp.arange(3), xp.ones((3, 2))]),
    lambda xp: xp.append(a3(xp), [1, 2]),
    lambda xp: xp.append(a3(xp), a3(xp)[:, :1], axis=1),
    lambda xp: xp.block([[xp.ones((2, 2)), xp.zeros((2, 3))], [xp.eye(1, 5) * 3]]),
    lambda xp: xp.block([xp.arange(2), 7, xp.arange(3.)]),
    lambda xp: xp.block([[1, 2], [3, 4]]),
    lambda xp: xp.block(xp.arange(3)),
    lambda xp: xp.block([[a3(xp)], [a3(xp)]]),
]


@pytest.mark.parametrize("case", JOIN_CASES, ids=range(len(JOIN_CASES)))
def test_joining(case):
    check(case)


def test_concatenate_out_is_returned():
    out = cnp.zeros(5)
    r = cnp.concatenate([cnp.arange(2.), cnp.arange(3.)], out=out)
    assert r is out and out.tolist() == [0, 1, 0, 1, 2]


JOIN_ERRORS = [
    lambda xp: xp.concatenate([]),
    lambda xp: xp.concatenate([xp.array(1.0)]),
    lambda xp: xp.concatenate([xp.zeros((2, 2)), xp.zeros(2)]),
    lambda xp: xp.concatenate([xp.zeros((2, 2)), xp.zeros((2, 3))]),
    lambda xp: xp.concatenate([xp.zeros((2, 2)), xp.zeros((2, 3))], axis=2),
    lambda xp: xp.concatenate([xp.zeros((2, 2))], out=xp.zeros(4), dtype=float),
    lambda xp: xp.concatenate([xp.zeros((2, 2))], out=xp.zeros(3)),
    lambda xp: xp.concatenate([xp.zeros((2, 2))], out=xp.zeros((2, 3))),
    lambda xp: xp.concatenate([xp.zeros((2, 2))], out=xp.zeros((2, 2), int)),
    lambda xp: xp.concatenate([xp.zeros((2, 2))], dtype=int),
    lambda xp: xp.concatenate([xp.zeros(2)], casting="bogus"),
    lambda xp: xp.stack([]),
    lambda xp: xp.stack([xp.zeros(2), xp.zeros(3)]),
    lambda xp: xp.stack([xp.zeros(2)], axis=2),
    lambda xp: xp.vstack([xp.zeros(2), xp.zeros(3)]),
    lambda xp: xp.hstack([xp.zeros((2, 2)), xp.zeros((3, 2))]),
    lambda xp: xp.block([]),
    lambda xp: xp.block([[1, 2], 3]),
    lambda xp: xp.block((1, 2)),
]


@pytest.mark.parametrize("fn", JOIN_ERRORS, ids=range(len(JOIN_ERRORS)))
def test_joining_errors(fn):
    check_error(fn)


def test_dataset_2():
    m = DATASETS["DS-ARRAY-2"]
    check(lambda xp: xp.array(m).reshape(3, 2))
    check(lambda xp: xp.array(m).T)
    check(lambda xp: xp.transpose(xp.array(m)).reshape(-1))
    check(lambda xp: xp.stack([xp.array(m), xp.array(m)], axis=1))
    check(lambda xp: xp.vstack([xp.array(m), xp.array(m)[::-1]]))
    check(lambda xp: xp.hstack([xp.array(m), xp.array(m)]))
    check(lambda xp: xp.concatenate([xp.array(m), xp.array(m)], axis=None))


# -- splitting -----------------------------------------------------------------------------------
SPLIT_CASES = [
    lambda xp, a: xp.split(a, 2),
    lambda xp, a: xp.split(a, [1, 3], axis=2),
    lambda xp, a: xp.split(a, [5], axis=1),
    lambda xp, a: xp.array_split(a, 3, axis=2),
    lambda xp, a: xp.array_split(a, 5, axis=1),
    lambda xp, a: xp.array_split(a, [2, 1], axis=2),
    lambda xp, a: xp.hsplit(a, 3),
    lambda xp, a: xp.vsplit(a, [1]),
    lambda xp, a: xp.dsplit(a, 2),
    lambda xp, a: xp.hsplit(a[0, 0], 2),
]


@pytest.mark.parametrize("case", SPLIT_CASES, ids=range(len(SPLIT_CASES)))
@pytest.mark.parametrize("layout", ["c", "neg"])
def test_splitting(case, layout):
    check(lambda xp: case(xp, a3(xp, "float32", layout)))


SPLIT_ERRORS = [
    lambda xp: xp.split(xp.arange(5), 2),
    lambda xp: xp.array_split(xp.arange(5), 0),
    lambda xp: xp.hsplit(xp.array(1), 1),
    lambda xp: xp.vsplit(xp.arange(4), 2),
    lambda xp: xp.dsplit(xp.zeros((2, 2)), 2),
]


@pytest.mark.parametrize("fn", SPLIT_ERRORS, ids=range(len(SPLIT_ERRORS)))
def test_splitting_errors(fn):
    check_error(fn)


# -- rearranging ---------------------------------------------------------------------------------
REARRANGE = [
    lambda xp, a: xp.roll(a, 3),
    lambda xp, a: xp.roll(a, -5, axis=2),
    lambda xp, a: xp.roll(a, (1, 2), axis=(0, 2)),
    lambda xp, a: xp.roll(a, 7, axis=(1, 1)),
    lambda xp, a: xp.tile(a, 2),
    lambda xp, a: xp.tile(a, (2, 1, 1, 2)),
    lambda xp, a: xp.tile(a[0, 0], (3, 2)),
    lambda xp, a: xp.repeat(a, 2),
    lambda xp, a: xp.repeat(a, 3, axis=1),
    lambda xp, a: xp.repeat(a, [1, 0, 2], axis=1),
    lambda xp, a: a.repeat([2, 1], axis=0),
    lambda xp, a: xp.resize(a, (5, 7)),
    lambda xp, a: xp.resize(a, 3),
    lambda xp, a: xp.resize(a[:0], (2, 2)),
    lambda xp, a: xp.insert(a, 1, 99),
    lambda xp, a: xp.insert(a, [1, 3, 1], [7, 8, 9]),
    lambda xp, a: xp.insert(a, 2, [5, 6, 7], axis=1),
    lambda xp, a: xp.insert(a, [0, -1], 5, axis=2),
    lambda xp, a: xp.insert(a, slice(0, 3), 0, axis=2),
    lambda xp, a: xp.delete(a, 1, axis=1),
    lambda xp, a: xp.delete(a, [0, 2, 2], axis=2),
    lambda xp, a: xp.delete(a, slice(1, None, 2)),
    lambda xp, a: xp.delete(a, xp.array([True, False, True]), axis=1),
]


@pytest.mark.parametrize("case", REARRANGE, ids=range(len(REARRANGE)))
@pytest.mark.parametrize("layout", ["c", "neg", "strided"])
def test_rearranging(case, layout):
    check(lambda xp: case(xp, a3(xp, "int64", layout)))


@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_rearranging_dtypes(dtype):
    check(lambda xp: xp.roll(a3(xp, dtype), 2, axis=1))
    check(lambda xp: xp.tile(a3(xp, dtype), (1, 2)))
    check(lambda xp: xp.repeat(a3(xp, dtype, "neg"), [1, 2, 3], axis=1))
    check(lambda xp: xp.pad(a3(xp, dtype), 1))
    check(lambda xp: xp.pad(a3(xp, dtype), ((0, 1), (2, 0), (1, 1)), mode="wrap"))


def test_repeat_scalars_and_empty():
    check(lambda xp: xp.repeat(5, 3))
    check(lambda xp: xp.repeat(xp.array(2.5), [2]))
    check(lambda xp: xp.repeat(xp.zeros((0, 2)), 2, axis=1))
    check(lambda xp: xp.tile(xp.zeros((0, 2)), 3))


REARRANGE_ERRORS = [
    lambda xp: xp.repeat([1, 2, 3], [1, 2]),
    lambda xp: xp.repeat([1, 2, 3], [1, -2, 1]),
    lambda xp: xp.repeat([1, 2, 3], 2, axis=1),
    lambda xp: xp.roll(xp.arange(3), 1, axis=1),
    lambda xp: xp.resize(xp.arange(3), (-1, 2)),
    lambda xp: xp.delete(xp.arange(3), 5),
    lambda xp: xp.delete(xp.arange(3), [5]),
    lambda xp: xp.insert(xp.arange(3), 5, 1),
    lambda xp: xp.insert(xp.arange(3), [5], 1),
]


@pytest.mark.parametrize("fn", REARRANGE_ERRORS, ids=range(len(REARRANGE_ERRORS)))
def test_rearranging_errors(fn):
    check_error(fn)


def test_trim_zeros():
    check(lambda xp: xp.trim_zeros(xp.array([0, 0, 1, 2, 0, 3, 0])))
    check(lambda xp: xp.trim_zeros(xp.array([0, 0, 1, 2, 0, 3, 0.]), "f"))
    check(lambda xp: xp.trim_zeros(xp.array([0, 0, 1, 2, 0, 3, 0]), "b"))
    check(lambda xp: xp.trim_zeros(xp.zeros(3)))


PAD_CASES = [
    ((2, 3), "constant", {}),
    (((1, 2), (0, 3), (2, 1)), "constant", {"constant_values": ((1, 2), (3, 4), (5, 6))}),
    (1, "constant", {"constant_values": 7.9}),
    (((1, 2),), "edge", {}),
    (3, "edge", {}),
    (((2, 5), (3, 3), (4, 9)), "wrap", {}),
    (((2, 5), (3, 3), (4, 9)), "reflect", {}),
    (((1, 2), (5, 4), (3, 7)), "reflect", {"reflect_type": "odd"}),
    (((2, 5), (3, 3), (4, 9)), "symmetric", {}),
    (((1, 2), (5, 4), (3, 7)), "symmetric", {"reflect_type": "odd"}),
    (((1, 2), (2, 3), (3, 1)), "linear_ramp", {}),
    (((1, 2), (2, 3), (3, 1)), "linear_ramp", {"end_values": ((5, -5), (1, 2), (0, 9))}),
    (2, "maximum", {}),
    (((1, 2), (2, 3), (3, 1)), "minimum", {"stat_length": 2}),
    (((1, 2), (2, 3), (3, 1)), "mean", {}),
    (((1, 2), (2, 3), (3, 1)), "mean", {"stat_length": ((1, 2), (2, 1), (3, 3))}),
    (0, "reflect", {}),
]


@pytest.mark.parametrize("case", PAD_CASES, ids=range(len(PAD_CASES)))
@pytest.mark.parametrize("dtype", ["int64", "float64", "uint8"])
def test_pad(case, dtype):
    width, mode, kw = case
    check(lambda xp: xp.pad(a3(xp, dtype, "neg"), width, mode, **kw))


def test_pad_1d_and_singleton():
    check(lambda xp: xp.pad(xp.arange(5.), (7, 9), "reflect"))
    check(lambda xp: xp.pad(xp.arange(5.), (7, 9), "symmetric", reflect_type="odd"))
    check(lambda xp: xp.pad(xp.arange(1.), 3, "reflect"))
    check(lambda xp: xp.pad(xp.arange(4), (2, 3), "mean"))
    check(lambda xp: xp.pad(xp.zeros((0, 2)), 1))


def test_pad_median():
    if not hasattr(cnp, "median"):
        with pytest.raises(NotImplementedError):
            cnp.pad(cnp.arange(4.), 1, "median")
        return
    check(lambda xp: xp.pad(a3(xp, "float64"), 2, "median"))


PAD_ERRORS = [
    lambda xp: xp.pad(xp.arange(3), 1, "bogus"),
    lambda xp: xp.pad(xp.arange(3), 1, "edge", constant_values=1),
    lambda xp: xp.pad(xp.arange(3), -1),
    lambda xp: xp.pad(xp.zeros(0), 1, "edge"),
    lambda xp: xp.pad(xp.zeros((2, 2)), ((1, 2), (3, 4), (5, 6))),
]


@pytest.mark.parametrize("fn", PAD_ERRORS, ids=range(len(PAD_ERRORS)))
def test_pad_errors(fn):
    check_error(fn)


# -- selection -----------------------------------------------------------------------------------
SELECT = [
    lambda xp, a: xp.take(a, [3, 0, -1]),
    lambda xp, a: xp.take(a, [[1, 0], [2, 2]], axis=1),
    lambda xp, a: xp.take(a, 5),
    lambda xp, a: xp.take(a, [1.7, 2]),
    lambda xp, a: xp.take(a, [5, -7, 30], axis=2, mode="wrap"),
    lambda xp, a: xp.take(a, [5, -7, 30], axis=2, mode="clip"),
    lambda xp, a: a.take([1], axis=0),
    lambda xp, a: xp.take_along_axis(a, xp.argmax(a, axis=1)[:, None], axis=1),
    lambda xp, a: xp.take_along_axis(a, xp.array([[[0, 3, 1]]]), axis=2),
    lambda xp, a: xp.take_along_axis(a, xp.array([5, 0]), axis=None),
    lambda xp, a: xp.compress([True, False, True], a, axis=1),
    lambda xp, a: xp.compress([False, True], a, axis=0),
    lambda xp, a: xp.compress([0, 1, 1], a),
    lambda xp, a: a.compress([1, 0, 1, 1], axis=2),
    lambda xp, a: xp.extract(a % 3 == 0, a),
    lambda xp, a: xp.nonzero(a % 5 == 0),
    lambda xp, a: a.nonzero(),
    lambda xp, a: xp.flatnonzero(a % 4),
    lambda xp, a: xp.argwhere(a > 17),
    lambda xp, a: xp.where(a > 20),
    lambda xp, a: xp.diag(a[0]),
    lambda xp, a: xp.diag(a[0], 1),
    lambda xp, a: xp.diag(a[0, 0], -2),
    lambda xp, a: xp.diag(a[1, 0], 2),
    lambda xp, a: xp.diagflat(a[0], 1),
    lambda xp, a: xp.tril(a),
    lambda xp, a: xp.triu(a, 1),
    lambda xp, a: xp.tril(a[0], -1),
    lambda xp, a: xp.trace(a[0]),
    lambda xp, a: xp.trace(a, 1, 1, 2),
    lambda xp, a: a[0].trace(-1),
    lambda xp, a: xp.choose(xp.array([[0, 1, 2, 0]] * 3) , [a[0], a[1], 100]),
    lambda xp, a: xp.choose(xp.array([4, -1, 2]), [a[0, 0, :3], a[1, 0, :3]], mode="wrap"),
    lambda xp, a: xp.choose(xp.array([4, -1, 2]), [a[0, 0, :3], a[1, 0, :3]], mode="clip"),
    lambda xp, a: xp.select([a < 5, a > 20], [a, a * 10], default=-1),
    lambda xp, a: xp.select([a[0] < 5, a[0] > 10], [a[0], 3.5]),
]


@pytest.mark.parametrize("case", SELECT, ids=range(len(SELECT)))
@pytest.mark.parametrize("layout", ["c", "neg", "strided"])
def test_selection(case, layout):
    check(lambda xp: case(xp, a3(xp, "int64", layout)))


@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_selection_dtypes(dtype):
    check(lambda xp: xp.take(a3(xp, dtype), [[2, 0], [1, 1]], axis=1))
    check(lambda xp: xp.nonzero(a3(xp, dtype, "neg")))
    check(lambda xp: xp.diagonal(a3(xp, dtype), 1, 0, 2))
    check(lambda xp: xp.compress([1, 0, 1], a3(xp, dtype), axis=1))


def test_nonzero_special_values():
    check(lambda xp: xp.nonzero(xp.array([0.0, -0.0, float("nan"), 1e-300, float("-inf")])))
    check(lambda xp: xp.nonzero(xp.array([0j, 1j, complex(0, -0.0), 2 + 0j])))
    check(lambda xp: xp.nonzero(xp.zeros((2, 0))))
    check(lambda xp: xp.argwhere(xp.array(3)))
    check(lambda xp: xp.argwhere(xp.array(0)))


def test_put_place_put_along_axis():
    def f(xp, mode):
        a = xp.arange(12.).reshape(3, 4)
        xp.put(a, [0, 5, -1, 13], [-1, -2], mode=mode)
        return a
    check(lambda xp: f(xp, "wrap"))
    check(lambda xp: f(xp, "clip"))
    check_error(lambda xp: f(xp, "raise"))

    def g(xp):
        a = xp.arange(12).reshape(3, 4)[:, ::-1]
        a.put([1, 2], 7)
        xp.place(a, a % 3 == 0, [10, 20])
        b = xp.arange(12).reshape(3, 4)
        xp.put_along_axis(b, xp.array([[1], [0], [3]]), 99, axis=1)
        return a, b
    check(g)
    check_error(lambda xp: xp.place(xp.arange(3), [True, False, True], []))


def test_grids():
    check(lambda xp: xp.meshgrid(xp.arange(3), xp.arange(2.)))
    check(lambda xp: xp.meshgrid(xp.arange(3), xp.arange(2), xp.arange(4), indexing="ij"))
    check(lambda xp: xp.meshgrid(xp.arange(3), xp.arange(2), sparse=True))
    check(lambda xp: xp.meshgrid())
    check(lambda xp: xp.indices((2, 3)))
    check(lambda xp: xp.indices((2, 3), sparse=True))
    check(lambda xp: xp.indices((2, 0), dtype="int8"))
    check(lambda xp: xp.ix_([0, 2], [True, False, True]))
    check(lambda xp: xp.arange(24).reshape(2, 3, 4)[xp.ix_([1, 0], [2], [0, 3])])
    check(lambda xp: xp.tri(3, 4, 1))
    check(lambda xp: xp.tri(3, dtype=int))


SELECT_ERRORS = [
    lambda xp: xp.take(xp.arange(10), [12]),
    lambda xp: xp.take(xp.zeros((2, 3)), [5], axis=1),
    lambda xp: xp.take(xp.arange(0), [1]),
    lambda xp: xp.take(xp.arange(3), xp.array([1.0])),
    lambda xp: xp.take(xp.arange(3), [1], mode="bogus"),
    lambda xp: xp.take(xp.arange(3), [1], axis=1),
    lambda xp: xp.compress([True, False, True, True], xp.arange(3)),
    lambda xp: xp.compress([[True]], xp.arange(3)),
    lambda xp: xp.take_along_axis(xp.zeros((2, 2)), xp.zeros(2, int), 0),
    lambda xp: xp.take_along_axis(xp.zeros((2, 2)), xp.zeros((2, 2)), 0),
    lambda xp: xp.choose(xp.array([0, 3]), [xp.zeros(2), xp.ones(2)]),
    lambda xp: xp.select([xp.array([1, 0])], [xp.zeros(2)]),
    lambda xp: xp.select([], []),
    lambda xp: xp.select([xp.array([True])], []),
    lambda xp: xp.diag(xp.zeros((2, 2, 2))),
    lambda xp: xp.meshgrid(xp.arange(2), indexing="xx"),
    lambda xp: xp.ix_(xp.zeros((2, 2), int)),
]


@pytest.mark.parametrize("fn", SELECT_ERRORS, ids=range(len(SELECT_ERRORS)))
def test_selection_errors(fn):
    check_error(fn)


def test_copyto_where_and_casting():
    def f(xp):
        a = xp.zeros((2, 3), "int32")
        xp.copyto(a, xp.arange(3.) * 1.5, casting="unsafe", where=xp.array([True, False, True]))
        return a
    check(f)
    check_error(lambda xp: xp.copyto(xp.zeros(3, "int32"), xp.arange(3.)))


# Copies far larger than the cache (>= 16 MiB) take the streaming-store paths: transposed tiles
# (src/core/blocked_copy.cpp) and concatenate's byte runs (src/core/bulk_copy.cpp). Odd sizes
# leave partial tiles and unaligned runs.
BIG_TRANSPOSES = [
    ("float64", (1501, 1399), None), ("float32", (2100, 2050), None), ("int16", (2900, 3001), None),
    ("complex128", (1030, 1030), None), ("float64", (3, 900, 801), (2, 0, 1)),
    ("float64", (801, 3, 900), (2, 1, 0)),
]


@pytest.mark.parametrize("dtype,shape,axes", BIG_TRANSPOSES, ids=str)
def test_large_transposed_copies(dtype, shape, axes):
    a = (np.arange(np.prod(shape)) % 1000).astype(dtype).reshape(shape)
    c = cnp.array(a)
    for src_np, src_c in ((a.transpose(axes), c.transpose(axes)),
                          (a.transpose(axes)[1:, ::-1], c.transpose(axes)[1:, ::-1])):
        got = cnp.ascontiguousarray(src_c)
        np.testing.assert_array_equal(np.asarray(got), np.ascontiguousarray(src_np))
        assert got.flags.c_contiguous


@pytest.mark.parametrize("axis", [0, 1, None])
@pytest.mark.parametrize("dtype,shape", [("float64", (1001, 1000)), ("int8", (2049, 3001))])
def test_large_concatenate(axis, dtype, shape):
    n = shape[0] * shape[1]
    parts = [(np.arange(n + 1) * k % 127).astype(dtype) for k in range(1, 4)]
    # C-contiguous views starting one element in: unaligned sources (and, for int8 along axis 1,
    # destination runs starting anywhere in a line).
    got = cnp.concatenate([cnp.array(p)[1:].reshape(shape) for p in parts], axis=axis)
    exp = np.concatenate([p[1:].reshape(shape) for p in parts], axis=axis)
    np.testing.assert_array_equal(np.asarray(got), exp)
