"""The names of NumPy 1.24's top-level namespace added last (issue: the namespace gaps): the
index objects (mgrid, ogrid, r_, c_, s_, index_exp), numpy.broadcast, rollaxis, unwrap, the
type and memory helpers, recfromtxt/recfromcsv, the buffer size and error object, NumPy's
module constants and sctypeDict, each compared with NumPy 1.24."""
import io
import sys
import threading
import warnings

import numpy as np
import pytest

import cnumpy as cnp
from cnp_helpers import ALL_DTYPES, assert_same, check, check_error
import rec_helpers

# ---- mgrid / ogrid ---------------------------------------------------------------------------
GRID_CASES = {
    "mgrid_int": lambda m: m.mgrid[0:5],
    "mgrid_start_none": lambda m: m.mgrid[:5],
    "mgrid_step": lambda m: m.mgrid[1:10:3],
    "mgrid_negative_step": lambda m: m.mgrid[5:0:-2],
    "mgrid_empty": lambda m: m.mgrid[5:0],
    "mgrid_float_step": lambda m: m.mgrid[0:1:0.1],
    "mgrid_float_bounds": lambda m: m.mgrid[-1:1:0.1],
    "mgrid_complex_step": lambda m: m.mgrid[-1:1:10j],
    "mgrid_complex_step_1": lambda m: m.mgrid[-1:1:1j],
    "mgrid_complex_step_frac": lambda m: m.mgrid[0.1:0.3:3.3j],
    "mgrid_complex_step_int_bounds": lambda m: m.mgrid[0:10:5j],
    "mgrid_linspace": lambda m: m.mgrid[2:10:50j],
    "mgrid_2d": lambda m: m.mgrid[0:3, 0:2],
    "mgrid_2d_float": lambda m: m.mgrid[-1:1:0.1, -2:2:0.2],
    "mgrid_2d_complex": lambda m: m.mgrid[-1:1:10j, -2:2:10j],
    "mgrid_2d_mixed": lambda m: m.mgrid[0:4, 0:1:4j],
    "mgrid_3d": lambda m: m.mgrid[0:2, 1:4, -1:1],
    "mgrid_tuple_1": lambda m: m.mgrid[0.1:0.33:0.1, ],
    "mgrid_tuple_complex": lambda m: m.mgrid[0.1:0.3:3j, ],
    "mgrid_none_10j": lambda m: m.mgrid[None:10:10j, None:10:10j],
    "mgrid_none_10j_1": lambda m: m.mgrid[None:10:10j],
    "mgrid_none_step": lambda m: m.mgrid[-10:20:None, -10:20:None],
    "mgrid_none_step_1": lambda m: m.mgrid[-10:20:None],
    "mgrid_empty_2d": lambda m: m.mgrid[0:0, 0:3],
    "mgrid_empty_tuple": lambda m: m.mgrid[()],
    "mgrid_complex_scalar_step": lambda m: m.mgrid[0.1:0.3:m.complex64(3j)],
    "mgrid_complex_scalar_step_2d": lambda m: m.mgrid[0.1:0.3:m.complex64(3j), ],
    "mgrid_float_scalars": lambda m: m.mgrid[m.float64(0.1):m.float64(0.33):m.float64(0.1), ],
    "mgrid_float32_scalars": lambda m: m.mgrid[m.float32(0.1):m.float32(0.33):m.float32(0.1), ],
    "mgrid_float32_scalars_1": lambda m: m.mgrid[m.float32(0.1):m.float32(0.33):m.float32(0.1)],
    "mgrid_int8_scalars": lambda m: m.mgrid[m.int8(0):m.int8(5)],
    "mgrid_int8_scalars_2d": lambda m: m.mgrid[m.int8(0):m.int8(5), 0:2],
    "mgrid_uint_bounds": lambda m: m.mgrid[m.uint8(1):m.uint8(7):2, ],
    "ogrid_float32_stop": lambda m: m.ogrid[0:m.float32(1):0.25, 0:2],
    "ogrid_2d": lambda m: m.ogrid[0:3, 0:2],
    "ogrid_1d": lambda m: m.ogrid[0:5],
    "ogrid_tuple_1": lambda m: m.ogrid[0:5, ],
    "ogrid_float": lambda m: m.ogrid[-1:1:0.5, 0:3],
    "ogrid_complex": lambda m: m.ogrid[-1:1:10j, -2:2:10j],
    "ogrid_3d": lambda m: m.ogrid[0:2, 0:3:2, 5:0:-1],
    "ogrid_complex_1d": lambda m: m.ogrid[0:1:5j],
    # errors: NumPy's own (its single-slice fallback reads .step of a non-slice)
    "mgrid_int_key": lambda m: m.mgrid[5],
    "mgrid_str_key": lambda m: m.mgrid["a"],
    "mgrid_no_stop": lambda m: m.mgrid[0:, 0:2],
    "mgrid_no_stop_1": lambda m: m.mgrid[3:],
    "ogrid_int_key": lambda m: m.ogrid[5],
}


@pytest.mark.parametrize("name", sorted(GRID_CASES))
def test_grids(name):
    check(GRID_CASES[name], strides=True)


def test_grid_dense_equals_broadcast_sparse():
    full = cnp.mgrid[-1:1:10j, -2:2:10j]
    for f, b in zip(full, cnp.broadcast_arrays(*cnp.ogrid[-1:1:10j, -2:2:10j])):
        assert cnp.array_equal(f, b)


def test_grid_types():
    assert type(cnp.mgrid[0:3, 0:2]) is cnp.ndarray
    assert type(cnp.ogrid[0:3, 0:2]) is list
    assert type(cnp.mgrid).__name__ == type(np.mgrid).__name__ == "MGridClass"
    assert type(cnp.ogrid).__name__ == type(np.ogrid).__name__ == "OGridClass"


# ---- r_ / c_ ---------------------------------------------------------------------------------
CONCAT_CASES = {
    "r_ints": lambda m: m.r_[1, 2, 3, 4, 5, 6],
    "r_arrays_scalars": lambda m: m.r_[m.ones(5), 0, 0, m.ones(5)],
    "r_mixed_float_slice": lambda m: m.r_[10.1, 1:10],
    "r_more_mixed": lambda m: m.r_[-10.1, m.array([1]), m.array([2, 3, 4]), 10.0],
    "r_complex_step": lambda m: m.r_[0:36:100j],
    "r_complex_scalar_step": lambda m: m.r_[0:36:m.complex64(100j)],
    "r_slice_and_list": lambda m: m.r_[1:4, 0, [7, 8]],
    "r_linspace_mixed": lambda m: m.r_[-1:1:6j, [0] * 3, 5, 6],
    "r_float_step": lambda m: m.r_[0:1:0.25, 7],
    "r_scalar_no_upcast": lambda m: m.r_[m.arange(3, dtype=m.int8), 300],
    "r_scalar_kind_upcast": lambda m: m.r_[m.arange(3, dtype=m.int8), 2.5],
    "r_float32_scalar": lambda m: m.r_[m.ones(2, m.float32), 1e100],
    "r_bool_and_int": lambda m: m.r_[m.array([True, False]), 3],
    "r_complex_scalar": lambda m: m.r_[m.arange(2.0), 1j],
    "r_numpy_scalars": lambda m: m.r_[m.float32(1), m.int16(2)],
    "r_int8_scalar_first": lambda m: m.r_[m.int8(3), m.arange(2, dtype=m.int8)],
    "r_uint64_big": lambda m: m.r_[m.arange(2, dtype=m.uint64), 2 ** 64 - 1],
    "r_negative_strides": lambda m: m.r_[m.arange(6)[::-1], m.arange(3)[::-2]],
    "r_2d_axis1": lambda m: m.r_["1", m.arange(6).reshape(2, 3), m.arange(4).reshape(2, 2)],
    "r_2d": lambda m: m.r_[m.arange(6).reshape(2, 3), m.arange(3).reshape(1, 3)],
    "r_0d": lambda m: m.r_[0, m.array(1), 2],
    "r_0d_list": lambda m: m.r_[[0, 1, 2], m.array(3)],
    "r_0d_first": lambda m: m.r_[m.array(0), [1, 2, 3]],
    "r_directive_02": lambda m: m.r_["0,2", [1, 2, 3], [4, 5, 6]],
    "r_directive_12": lambda m: m.r_["1,2", [1, 2, 3], [4, 5, 6]],
    "r_directive_120": lambda m: m.r_["1,2,0", [1, 2, 3], [4, 5, 6]],
    "r_directive_020": lambda m: m.r_["0,2,0", [1, 2, 3], [4, 5, 6]],
    "r_directive_130": lambda m: m.r_["1,3,0", [1, 2], [3, 4]],
    "r_directive_131": lambda m: m.r_["-1,3,1", [1, 2], [3, 4]],
    "r_directive_neg_trans": lambda m: m.r_["0,3,-2", [1, 2], [3, 4]],
    "r_directive_2d_items": lambda m: m.r_["0,3", m.ones((2, 2)), m.zeros((1, 2, 2))],
    "r_directive_slice": lambda m: m.r_["0,2", 0:3, 3:6],
    "r_directive_slice_trans": lambda m: m.r_["0,2,0", 0:3, 3:6],
    "r_directive_axis_neg": lambda m: m.r_["-1", m.ones((2, 2)), m.zeros((2, 1))],
    "r_one_item": lambda m: m.r_[m.arange(4)[::-1]],
    "r_empty": lambda m: m.r_[[], [1, 2]],
    "r_noncontiguous": lambda m: m.r_[m.arange(12).reshape(3, 4)[:, ::2], m.zeros((1, 2), m.int64)],
    "r_dtypes_promote": lambda m: m.r_[m.arange(2, dtype=m.uint8), m.arange(2, dtype=m.int8)],
    "c_lists": lambda m: m.c_[[1, 2], [3, 4]],
    "c_arrays": lambda m: m.c_[m.array([1, 2, 3]), m.array([4, 5, 6])],
    "c_2d_and_scalars": lambda m: m.c_[m.array([[1, 2, 3]]), 0, 0, m.array([[4, 5, 6]])],
    "c_slices": lambda m: m.c_[0:3, 3:6],
    "c_complex_step": lambda m: m.c_[-1:1:3j, [1, 2, 3]],
    "c_2d": lambda m: m.c_[m.ones((2, 2)), m.zeros((2, 3))],
    "c_directive": lambda m: m.c_["0", m.ones((1, 2)), m.zeros((2, 2))],
    "c_float_int": lambda m: m.c_[m.arange(3.0), m.arange(3)],
    "r_len": lambda m: len(m.r_),
    "c_len": lambda m: len(m.c_),
    # errors
    "r_directive_not_first": lambda m: m.r_[[1, 2], "0"],
    "r_unknown_directive": lambda m: m.r_["abc", [1, 2]],
    "r_unknown_directive_comma": lambda m: m.r_["0,x", [1, 2]],
    "r_mismatch": lambda m: m.r_[m.ones((2, 2)), m.ones(3)],
    "r_axis_out_of_range": lambda m: m.r_["2", m.ones((2, 2)), m.ones((2, 2))],
    "r_nothing": lambda m: m.r_[()],
    "c_mismatch": lambda m: m.c_[[1, 2], [3, 4, 5]],
}


@pytest.mark.parametrize("name", sorted(CONCAT_CASES))
def test_concatenators(name):
    check(CONCAT_CASES[name], strides=True)


def test_r_strings():
    for make in (lambda m: m.r_[m.array(["a", "bc"]), m.array(["def"])],
                 lambda m: m.c_[m.array([b"a", b"bc"]), m.array([b"x", b"yzw"])]):
        e, g = make(np), make(cnp)
        assert (str(g.dtype), g.shape, g.tolist()) == (str(e.dtype), e.shape, e.tolist())


@pytest.mark.parametrize("dt", ALL_DTYPES)
def test_r_c_every_dtype(dt):
    check(lambda m: m.r_[m.arange(4).astype(dt), m.ones(2, dt), 1], strides=True)
    check(lambda m: m.c_[m.arange(4).astype(dt)[::-1], m.zeros(4, dt)], strides=True)
    check(lambda m: m.r_["0,2,0", m.arange(3).astype(dt), m.ones(3, dt)], strides=True)


@pytest.mark.parametrize("key", ["r", "c"])
def test_matrix_directives(key):
    """'r' and 'c' make a numpy.matrix (a row, or a column from 1-d operands), as NumPy's."""
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PendingDeprecationWarning)
        for args in (([1, 2, 3],), ([1, 2], [3, 4]), (cnp.arange(3), 7)):
            got = cnp.r_[(key,) + args]
            exp = np.r_[(key,) + tuple(np.asarray(a) if isinstance(a, cnp.ndarray) else a
                                       for a in args)]
            assert type(got).__name__ == type(exp).__name__ == "matrix"
            assert got.shape == exp.shape and got.tolist() == exp.tolist()
        A = cnp.array([[1, 2]])     # noqa: F841 (named in the string)
        assert cnp.r_["A, A"].tolist() == [[1, 2, 1, 2]]
        with pytest.raises(NameError, match="name '1' is not defined"):
            cnp.r_["1 2; 3 4"]


# ---- s_ / index_exp --------------------------------------------------------------------------
INDEX_EXP_KEYS = [
    lambda m: m[1:2, ::3],
    lambda m: m[2],
    lambda m: m[:-1],
    lambda m: m[..., None],
    lambda m: m[:, :3, [1, 2]],
    lambda m: m[()],
    lambda m: m[1, ...],
]


@pytest.mark.parametrize("i", range(len(INDEX_EXP_KEYS)))
@pytest.mark.parametrize("name", ["s_", "index_exp"])
def test_index_expressions(name, i):
    got = INDEX_EXP_KEYS[i](getattr(cnp, name))
    exp = INDEX_EXP_KEYS[i](getattr(np, name))
    assert type(got) is type(exp) and got == exp


def test_index_expressions_index_arrays():
    a = np.random.default_rng(0).random((4, 5, 6))
    c = cnp.array(a)
    for key in (cnp.s_[:, :3, [1, 2]], cnp.index_exp[:, :3, [1, 2]], cnp.s_[:-1],
                cnp.index_exp[::-2]):
        assert_same(c[key], a[key])


# ---- numpy.broadcast -------------------------------------------------------------------------
def _bc_summary(b):
    return (b.shape, b.nd, b.ndim, b.numiter, b.size, b.index)


def _bc_walk(m, *args):
    b = m.broadcast(*args)
    head = _bc_summary(b)
    items = list(b)
    after = (b.index, [it.index for it in b.iters])
    b.reset()
    reset = (b.index, [it.index for it in b.iters])
    first = next(b) if b.size else None
    return head, items, after, reset, first, (b.index, [it.index for it in b.iters])


BROADCAST_CASES = {
    "two": lambda m: _bc_walk(m, m.arange(3), [[1], [2]]),
    "scalars": lambda m: _bc_walk(m, 5, 3.0),
    "zero_d": lambda m: _bc_walk(m, m.array(5)),
    "none": lambda m: _bc_walk(m),
    "one": lambda m: _bc_walk(m, m.arange(6).reshape(2, 3)),
    "three_dtypes": lambda m: _bc_walk(m, m.arange(3, dtype=m.int8), [[1.5], [2.5]],
                                      m.array([True, False, True])),
    "complex": lambda m: _bc_walk(m, m.array([1 + 2j, 3j]), m.float32(2)),
    "empty": lambda m: _bc_walk(m, m.ones((0, 3)), [1, 2, 3]),
    "noncontiguous": lambda m: _bc_walk(m, m.arange(12).reshape(3, 4)[::-1, ::2], m.arange(2)),
    "nd": lambda m: _bc_walk(m, m.ones((2, 1, 3)), m.arange(4).reshape(4, 1)),
    "uint64": lambda m: _bc_walk(m, m.array([2 ** 64 - 1], dtype=m.uint64), m.arange(2)),
    "thirty_two": lambda m: _bc_summary(m.broadcast(*[m.ones(5)] * 32)),
    "nested": lambda m: _bc_summary(m.broadcast(m.broadcast(m.ones((6, 7)), m.ones((5, 6, 1))),
                                                m.broadcast(m.ones(7), m.ones((5, 1, 7))))),
    "nested_empty": lambda m: _bc_summary(m.broadcast(m.broadcast(), m.broadcast(m.ones(3)))),
    "nested_walk": lambda m: _bc_walk(m, m.broadcast([1, 2], [[3], [4]]), 10),
    "in_sum_of_shape": lambda m: m.broadcast(m.ones((2, 3)), m.ones((4, 1, 1))).shape,
    # errors
    "mismatch": lambda m: m.broadcast(m.ones(2), m.ones(3)),
    "mismatch_third": lambda m: m.broadcast(m.ones((2, 3)), m.ones((2,)), m.ones((5, 3))),
    "mismatch_message": lambda m: m.broadcast([[1, 2, 3]], [[4], [5]], [6, 7]),
    "mismatch_nd": lambda m: m.broadcast(m.ones((2, 3)), m.ones(4)),
    "too_many": lambda m: m.broadcast(*[1] * 33),
    "too_many_nested": lambda m: m.broadcast(m.broadcast(*[1] * 20), *[1] * 13),
    "kwargs": lambda m: m.broadcast(1, x=1),
}


@pytest.mark.parametrize("name", sorted(BROADCAST_CASES))
def test_broadcast(name):
    check(BROADCAST_CASES[name])


@pytest.mark.parametrize("dt", ALL_DTYPES)
def test_broadcast_every_dtype(dt):
    check(lambda m: _bc_walk(m, m.arange(6).astype(dt).reshape(2, 3)[:, ::-1],
                             m.ones((4, 1, 1), dt)[::2], m.zeros(3, dt)))


@pytest.mark.parametrize("shapes", [((2, 3), (2,), (5, 3)), ((1, 3), (2, 1), (2,)),
                                    ((4, 1), (3,), (5, 1, 2)), ((3,), (0,)), ((2, 0), (3, 1)),
                                    ((6, 7), (5, 6, 1), (7,), (5, 1, 8))])
def test_broadcast_shapes_mismatch_order(shapes):
    """The mismatch NumPy reports is the one on the first axis that has one (the same for
    broadcast, broadcast_shapes and broadcast_arrays)."""
    check_error(lambda m: m.broadcast(*[m.ones(s) for s in shapes]))
    check_error(lambda m: m.broadcast_shapes(*shapes))
    check_error(lambda m: m.broadcast_arrays(*[m.ones(s) for s in shapes]))


def test_broadcast_number_of_arguments():
    arr = cnp.empty((5,))
    for j in range(35):
        if j > 32:
            with pytest.raises(ValueError, match="Need at least 0 and at most 32 array objects."):
                cnp.broadcast(*[arr] * j)
        else:
            assert cnp.broadcast(*[arr] * j).numiter == j


def test_broadcast_in_args():
    """NumPy's gh-5881: broadcast objects as arguments count their operands; the iters'
    bases are the operands."""
    arrs = [cnp.empty((6, 7)), cnp.empty((5, 6, 1)), cnp.empty((7,)), cnp.empty((5, 1, 7))]
    mits = [cnp.broadcast(*arrs),
            cnp.broadcast(cnp.broadcast(*arrs[:0]), cnp.broadcast(*arrs[0:])),
            cnp.broadcast(cnp.broadcast(*arrs[:1]), cnp.broadcast(*arrs[1:])),
            cnp.broadcast(cnp.broadcast(*arrs[:2]), cnp.broadcast(*arrs[2:])),
            cnp.broadcast(arrs[0], cnp.broadcast(*arrs[1:-1]), arrs[-1])]
    for mit in mits:
        assert (mit.shape, mit.ndim, mit.nd, mit.numiter) == ((5, 6, 7), 3, 3, 4)
        for a, ia in zip(arrs, mit.iters):
            assert a is ia.base
            assert isinstance(ia, cnp.flatiter)


def test_broadcast_object_api():
    b = cnp.broadcast([1, 2])
    assert iter(b) is b
    with pytest.raises(AttributeError):
        b.index = 1
    with pytest.raises(AttributeError):
        b.shape = (3,)
    assert type(b).__name__ == "broadcast" and cnp.broadcast.__module__ == "cnumpy"
    assert cnp.flatiter.__module__ == "cnumpy"
    assert type(cnp.ones(2).flat) is cnp.flatiter
    b = cnp.broadcast(cnp.arange(3), [[10], [20]])
    next(b)
    next(b)
    assert [next(it) for it in b.iters] == [2, 10]      # the iters advance the operands only
    assert b.index == 2
    assert next(b) == (0, 20)                            # and the broadcast object follows them
    n = cnp.broadcast(*cnp.ogrid[0:2, 0:3])
    assert [tuple(map(int, t)) for t in n] == [(i, j) for i in range(2) for j in range(3)]


def test_broadcast_strings():
    def walk(m):
        b = m.broadcast(m.array(["a", "bc"]), m.array([[b"x"], [b"yz"]]))
        return b.shape, [tuple(type(x).__name__ + ":" + str(x) for x in t) for t in b]
    assert walk(cnp) == walk(np)


def test_broadcast_object_elements():
    class X:
        pass
    x = X()
    items = list(cnp.broadcast([x], [1, 2]))
    assert items[0][0] is x and items[1][0] is x and int(items[1][1]) == 2


# ---- rollaxis --------------------------------------------------------------------------------
ROLL_TARGETS = [(i, j) for i in range(4) for j in range(5)]


@pytest.mark.parametrize("axis,start", ROLL_TARGETS)
def test_rollaxis_all(axis, start):
    check(lambda m: m.rollaxis(m.arange(24).reshape(1, 2, 3, 4), axis, start), strides=True)
    check(lambda m: m.rollaxis(m.arange(24).reshape(1, 2, 3, 4), axis - 4, start), strides=True)
    check(lambda m: m.rollaxis(m.arange(24).reshape(1, 2, 3, 4), axis, start - 5), strides=True)


ROLL_CASES = {
    "default_start": lambda m: m.rollaxis(m.ones((3, 4, 5, 6)), 3),
    "to_end": lambda m: m.rollaxis(m.ones((3, 4, 5, 6)), 2, 4),
    "to_1": lambda m: m.rollaxis(m.ones((3, 4, 5, 6)), 1, 4),
    "noop_view": lambda m: m.rollaxis(m.arange(6).reshape(2, 3), 0, 1),
    "noncontiguous": lambda m: m.rollaxis(m.arange(24).reshape(2, 3, 4)[:, ::-1, ::2], 2),
    "one_d": lambda m: m.rollaxis(m.arange(3), 0),
    "one_d_start_1": lambda m: m.rollaxis(m.arange(3), 0, 1),
    "float32": lambda m: m.rollaxis(m.ones((2, 3), m.float32), 1),
    "empty": lambda m: m.rollaxis(m.ones((0, 3, 2)), 2, 0),
    "err_axis": lambda m: m.rollaxis(m.ones((1, 2, 3, 4)), -5, 0),
    "err_axis_4": lambda m: m.rollaxis(m.ones((1, 2, 3, 4)), 4, 0),
    "err_start_neg": lambda m: m.rollaxis(m.ones((1, 2, 3, 4)), 0, -6),
    "err_start_5": lambda m: m.rollaxis(m.ones((1, 2, 3, 4)), 0, 5),
    "err_0d": lambda m: m.rollaxis(m.array(1.0), 0),
    "err_list": lambda m: m.rollaxis([[1, 2]], 1),
    "err_float_axis": lambda m: m.rollaxis(m.ones((2, 3)), 1.0),
}


@pytest.mark.parametrize("name", sorted(ROLL_CASES))
def test_rollaxis(name):
    check(ROLL_CASES[name], strides=True)


def test_rollaxis_is_a_view():
    a = cnp.arange(24).reshape(2, 3, 4)
    r = cnp.rollaxis(a, 2)
    assert not r.flags.owndata and r.base is not None
    r[0, 0, 0] = 100
    assert int(a[0, 0, 0]) == 100
    v = cnp.rollaxis(a, 0, 1)
    assert v is not a and v.shape == a.shape


# ---- unwrap ----------------------------------------------------------------------------------
UNWRAP_CASES = {
    "simple": lambda m: m.unwrap([1, 1 + 2 * m.pi]),
    "jumps": lambda m: m.unwrap([0, 1, 2, 7, 8, 2, -5]),
    "period_int": lambda m: m.unwrap([1, 1 + 256], period=255),
    "period_int_seq": lambda m: m.unwrap(m.mod(m.array([0, 75, 150, 225, 300]), 255), period=255),
    "period_no_discont": lambda m: m.unwrap(m.mod(m.array([0, 75, 150, 225, 300, 430]), 250),
                                            period=250),
    "period_discont": lambda m: m.unwrap(m.mod(m.array([0, 75, 150, 225, 300, 430]), 250),
                                         period=250, discont=140),
    "period_odd": lambda m: m.unwrap(m.array([0, 3, 6, 9, 1, 4]), period=7),
    "period_float": lambda m: m.unwrap([0.0, 170.0, 350.0, 10.0, 190.0], period=360.0),
    "period_int_float_data": lambda m: m.unwrap([0.0, 170.0, 350.0, 10.0, 190.0], period=360),
    "discont_small": lambda m: m.unwrap([0, 1, 2, 7, 8], discont=0.5),
    "discont_large": lambda m: m.unwrap([0, 1, 2, 7, 8], discont=10),
    "tie_positive": lambda m: m.unwrap([0.0, m.pi, 0.0]),
    "tie_negative": lambda m: m.unwrap([0.0, -m.pi, 0.0]),
    "tie_int": lambda m: m.unwrap(m.array([0, 4, 0, -4, 0]), period=8),
    "axis0": lambda m: m.unwrap(m.array([[0.0, 6.0], [6.0, 0.0], [1.0, 5.0]]), axis=0),
    "axis1_2d": lambda m: m.unwrap(m.array([[0.0, 6.0, 1.0], [6.0, 0.0, 5.0]]), axis=1),
    "axis_neg2_3d": lambda m: m.unwrap(m.arange(24.0).reshape(2, 3, 4) * 2.5, axis=-2),
    "noncontiguous": lambda m: m.unwrap((m.arange(20.0) * 1.7)[::-2]),
    "one_element": lambda m: m.unwrap([3.0]),
    "empty": lambda m: m.unwrap(m.array([], dtype=m.float64)),
    "empty_2d": lambda m: m.unwrap(m.ones((0, 4)), axis=1),
    "float32": lambda m: m.unwrap(m.array([0, 1, 2, 7, 8], dtype=m.float32)),
    "float32_period_int": lambda m: m.unwrap(m.array([0, 100, 200, 50], dtype=m.float32),
                                             period=120),
    "float16": lambda m: m.unwrap(m.array([0, 1, 2, 7, 8], dtype=m.float16)),
    "int8_period": lambda m: m.unwrap(m.array([0, 100, -100, 50], dtype=m.int8), period=200),
    "int_default_period": lambda m: m.unwrap(m.array([0, 5, 10, 3])),
    "uint8_period": lambda m: m.unwrap(m.array([0, 200, 10, 250], dtype=m.uint8), period=256),
    "bool": lambda m: m.unwrap(m.array([True, False, True])),
    "nan": lambda m: m.unwrap([0.0, m.nan, 7.0, 1.0]),
    "inf": lambda m: m.unwrap([0.0, m.inf, 1.0]),
    "complex": lambda m: m.unwrap([1 + 1j, 5 + 0j]),
    "err_0d": lambda m: m.unwrap(m.array(1.0)),
    "err_axis": lambda m: m.unwrap([1.0, 2.0], axis=1),
}


@pytest.mark.parametrize("name", sorted(UNWRAP_CASES))
def test_unwrap(name):
    check(UNWRAP_CASES[name], ulp=1)


@pytest.mark.parametrize("dt", ["int8", "int16", "int32", "int64", "uint16", "uint32",
                                "float32", "float64"])
def test_unwrap_dtypes(dt):
    vals = [0, 3, 6, 1, 4, 7, 2, 5]
    check(lambda m: m.unwrap(m.array(vals, dtype=dt), period=8))
    check(lambda m: m.unwrap(m.array(vals, dtype=dt), period=8, discont=2))
    check(lambda m: m.unwrap(m.array(vals, dtype=dt)), ulp=1)


# ---- small helpers ---------------------------------------------------------------------------
HELPER_CASES = {
    "iterable_list": lambda m: m.iterable([1, 2]),
    "iterable_int": lambda m: m.iterable(2),
    "iterable_0d": lambda m: m.iterable(m.array(2)),
    "iterable_1d": lambda m: m.iterable(m.array([2])),
    "iterable_str": lambda m: m.iterable("ab"),
    "iterable_scalar": lambda m: m.iterable(m.float64(1)),
    "issubclass_true": lambda m: m.issubclass_(m.int32, m.integer),
    "issubclass_false": lambda m: m.issubclass_(m.int32, m.floating),
    "issubclass_not_class": lambda m: m.issubclass_(1, int),
    "issubclass_tuple": lambda m: m.issubclass_(m.float64, (m.integer, float)),
    "issubsctype_types": lambda m: m.issubsctype(m.int32, m.integer),
    "issubsctype_str": lambda m: m.issubsctype("i4", m.signedinteger),
    "issubsctype_dtype": lambda m: m.issubsctype(m.dtype("f8"), m.floating),
    "issubsctype_array": lambda m: m.issubsctype(m.ones(2, m.float32), m.float64),
    "issubsctype_arrays": lambda m: m.issubsctype(m.ones(2, m.float32), m.ones(2, m.float32)),
    "issubsctype_complex": lambda m: m.issubsctype(m.complex64, m.inexact),
    "issubsctype_bad": lambda m: m.issubsctype("not a type", m.integer),
    "isfortran_c": lambda m: m.isfortran(m.ones((2, 3))),
    "isfortran_f": lambda m: m.isfortran(m.ones((2, 3), order="F")),
    "isfortran_T": lambda m: m.isfortran(m.ones((2, 3)).T),
    "isfortran_1d": lambda m: m.isfortran(m.ones(3)),
    "isfortran_0d": lambda m: m.isfortran(m.array(1)),
    "isfortran_row": lambda m: m.isfortran(m.ones((1, 3)).T),
    "isfortran_strided": lambda m: m.isfortran(m.ones((4, 6), order="F")[::2]),
    "isfortran_list": lambda m: m.isfortran([[1, 2]]),
    "flags_fnc": lambda m: (m.ones((2, 3)).T.flags.fnc, m.ones((2, 3)).flags.forc,
                            m.ones((4, 4))[::2, ::2].flags.forc, m.ones((2, 3)).T.flags["FNC"],
                            m.ones((2, 3))[:, ::2].flags["FORC"]),
    "get_array_wrap_none": lambda m: m.get_array_wrap(1, [2]),
    "fastCopyAndTranspose": lambda m: m.fastCopyAndTranspose(m.arange(6.).reshape(2, 3)[:, ::-1]),
    "fastCopyAndTranspose_list": lambda m: m.fastCopyAndTranspose([[1, 2], [3, 4]]),
    "fastCopyAndTranspose_3d": lambda m: m.fastCopyAndTranspose(m.ones((2, 3, 4), m.int16)),
    "fastCopyAndTranspose_1d": lambda m: m.fastCopyAndTranspose(m.arange(3)),
}


@pytest.mark.parametrize("name", sorted(HELPER_CASES))
def test_helpers(name):
    check(HELPER_CASES[name], strides=True)


def test_fastCopyAndTranspose_warns():
    for m in (np, cnp):
        with pytest.warns(DeprecationWarning, match="fastCopyAndTranspose and the underlying C "
                          "function PyArray_CopyAndTranspose have been deprecated") as w:
            m.fastCopyAndTranspose(m.ones((2, 3)))
        assert w[0].filename == __file__
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        e, g = np.fastCopyAndTranspose(5), cnp.fastCopyAndTranspose(5)
    assert type(e).__name__ == type(g).__name__ == "int64"     # PyArray_Return: a scalar
    assert_same(g, e)


def test_get_array_wrap():
    a = cnp.ones(2)

    class W:
        __array_priority__ = 20     # above both arrays' (cnumpy's ndarray has 10, NumPy's 0)

        def __array_wrap__(self, arr, context=None):
            return arr

    w = W()
    assert cnp.get_array_wrap(a, [1]) == a.__array_wrap__
    assert cnp.get_array_wrap(a, w) == w.__array_wrap__
    b = cnp.zeros(3)
    assert cnp.get_array_wrap(a, b).__self__ is a      # ties: the leftmost


@pytest.mark.parametrize("make", [
    lambda m: m.arange(10),
    lambda m: m.arange(10)[::-2],
    lambda m: m.arange(24, dtype=m.int16).reshape(4, 6)[::-1, 1::2],
    lambda m: m.ones((3, 4), m.complex128).T,
    lambda m: m.ones((0, 3)),
    lambda m: m.array(5.0),
    lambda m: m.ones((2, 3, 4), m.float32)[:, ::-1, ::3],
    lambda m: m.broadcast_to(m.arange(3), (4, 3)),
])
def test_byte_bounds(make):
    """The bounds relative to the data pointer (the addresses differ between the two)."""
    def rel(m):
        a = make(m)
        low, high = m.byte_bounds(a)
        ptr = a.__array_interface__["data"][0]
        return low - ptr, high - ptr
    assert rel(cnp) == rel(np)


def test_byte_bounds_errors():
    check_error(lambda m: m.byte_bounds([1, 2]))


def test_disp():
    for m in (np, cnp):
        out = io.StringIO()
        m.disp("a", device=out)
        m.disp(m.arange(3), device=out, linefeed=False)
        m.disp(1.5, out)
        assert out.getvalue() == "a\n[0 1 2]1.5\n"


def test_who(capsys):
    def run(m):
        a = m.arange(10)
        d = {"a": a, "b": m.ones((2, 3), m.float32), "alias": a, "x": 3, "c": m.array(1j)}
        m.who(d)
        m.who({})
        return capsys.readouterr().out
    assert run(cnp) == run(np)


# ---- recfromtxt / recfromcsv -----------------------------------------------------------------
CSV = "A,b,C\n1,2.5,x\n3,4,yz\n"
TXT = "1 2.5 x\n3 4 yz\n"
REC_CASES = {
    "csv": lambda m: m.recfromcsv(io.StringIO(CSV), encoding=None),
    "csv_case_upper": lambda m: m.recfromcsv(io.StringIO(CSV), case_sensitive="upper",
                                             encoding=None),
    "csv_dtype": lambda m: m.recfromcsv(io.StringIO("a,b\n1,2\n3,4\n"), dtype=float),
    "csv_names": lambda m: m.recfromcsv(io.StringIO("1,2\n3,4\n"), names=["p", "q"]),
    "csv_usecols": lambda m: m.recfromcsv(io.StringIO(CSV), usecols=(0, 1), encoding=None),
    "csv_skip_header": lambda m: m.recfromcsv(io.StringIO("junk\n" + CSV), skip_header=1,
                                              encoding=None),
    "txt": lambda m: m.recfromtxt(io.StringIO(TXT), encoding=None),
    "txt_names": lambda m: m.recfromtxt(io.StringIO(TXT), names="p,q,r", encoding=None),
    "txt_dtype": lambda m: m.recfromtxt(io.StringIO("1 2\n3 4\n"), dtype=[("a", "i4"), ("b", "f4")]),
    "txt_one_column": lambda m: m.recfromtxt(io.StringIO("1\n2\n"), names="a"),
    "txt_delimiter": lambda m: m.recfromtxt(io.StringIO("1;2\n3;4\n"), delimiter=";", names=True),
}


def _rec_result(m, name):
    r = REC_CASES[name](m)
    return type(r).__name__, r.dtype.names, r.shape, [r[n] for n in r.dtype.names] if r.dtype.names else r


@pytest.mark.parametrize("name", sorted(REC_CASES))
def test_recfrom(name):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        e = REC_CASES[name](np)
        g = REC_CASES[name](cnp)
    assert type(g).__name__ == type(e).__name__ == "recarray"
    assert isinstance(g, cnp.recarray)
    rec_helpers.same(g, e)
    for n in e.dtype.names or ():
        rec_helpers.same(getattr(g, n), getattr(e, n))


def test_recfrom_usemask():
    data = "a,b\n1,2.5\n3,\n"
    e = np.recfromcsv(io.StringIO(data), usemask=True, encoding=None)
    g = cnp.recfromcsv(io.StringIO(data), usemask=True, encoding=None)
    assert type(g).__name__ == type(e).__name__ == "MaskedRecords"
    assert g.filled().tolist() == e.filled().tolist()
    assert rec_helpers.dtype_text(g.dtype) == rec_helpers.dtype_text(e.dtype)
    assert_same(g.b.mask, e.b.mask)
    assert_same(g.b.data, e.b.data)
    e = np.recfromtxt(io.StringIO("1 2\n3 x\n"), usemask=True, encoding=None)
    g = cnp.recfromtxt(io.StringIO("1 2\n3 x\n"), usemask=True, encoding=None)
    assert type(g).__name__ == type(e).__name__ == "MaskedRecords"
    assert_same(g.f1.mask, e.f1.mask)


# ---- buffer size and the error object --------------------------------------------------------
@pytest.fixture
def restore_errobj():
    old_np, old_cnp = list(np.geterrobj()), cnp.geterrobj()   # NumPy's list is live
    yield
    np.seterrobj(old_np)
    cnp.seterrobj(old_cnp)


ERROBJ_STEPS = {
    "defaults": lambda m: (m.getbufsize(), m.geterrobj()),
    "setbufsize": lambda m: (m.setbufsize(16), m.getbufsize(), m.geterrobj()[0],
                             m.setbufsize(8192 * 2), m.getbufsize()),
    "setbufsize_max": lambda m: (m.setbufsize(9999984), m.getbufsize()),
    "setbufsize_big": lambda m: m.setbufsize(10 ** 8),
    "setbufsize_small": lambda m: m.setbufsize(4),
    "setbufsize_not16": lambda m: m.setbufsize(8191),
    "setbufsize_str": lambda m: m.setbufsize("a"),
    "seterr_mask": lambda m: (sorted(m.seterr(all="raise").items()), m.geterrobj()[1],
                              m.seterr(divide="ignore", over="print", under="log",
                                       invalid="call") and None, m.geterrobj()[1]),
    "seterrobj_roundtrip": lambda m: (m.seterrobj([64, 2 + (4 << 3) + (5 << 6) + (3 << 9), None]),
                                      sorted(m.geterr().items()), m.getbufsize(), m.geterrobj()),
    "seterrobj_call": lambda m: (m.seterrobj([8192, 521, print]), m.geterrcall() is print,
                                 m.geterrobj()[2] is print),
    "seterrobj_high_bits": lambda m: (m.seterrobj([8192, 2 ** 40, None]),
                                      sorted(m.geterr().items())),
    "seterrobj_short": lambda m: m.seterrobj([8192, 521]),
    "seterrobj_tuple": lambda m: m.seterrobj((8192, 521, None)),
    "seterrobj_long": lambda m: m.seterrobj([8192, 521, None, 4]),
    "seterrobj_int": lambda m: m.seterrobj(5),
    "seterrobj_float_size": lambda m: m.seterrobj([8192.0, 521, None]),
    "seterrobj_bad_size": lambda m: m.seterrobj([7, 521, None]),
    "seterrobj_zero_size": lambda m: m.seterrobj([0, 521, None]),
    "seterrobj_huge_size": lambda m: m.seterrobj([10 ** 8, 521, None]),
    "seterrobj_huge_int": lambda m: m.seterrobj([2 ** 70, 521, None]),
    "seterrobj_str_mask": lambda m: m.seterrobj([8192, "x", None]),
    "seterrobj_neg_mask": lambda m: m.seterrobj([8192, -1, None]),
    "seterrobj_bad_call": lambda m: m.seterrobj([8192, 521, 3]),
    "errstate_in_errobj": lambda m: _errstate_mask(m),
}


def _errstate_mask(m):
    with m.errstate(divide="raise", under="warn"):
        inside = m.geterrobj()[1]
    return inside, m.geterrobj()[1]


@pytest.mark.parametrize("name", sorted(ERROBJ_STEPS))
def test_errobj(name, restore_errobj):
    check(ERROBJ_STEPS[name])


def test_seterrobj_modes_take_effect(restore_errobj):
    cnp.seterrobj([8192, 2 << 0, None])     # divide: raise
    with pytest.raises(FloatingPointError, match="divide by zero"):
        cnp.divide(cnp.ones(2), 0)
    cnp.seterrobj([8192, 0, None])          # all ignore
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cnp.divide(cnp.ones(2), 0)


def test_bufsize_is_per_thread(restore_errobj):
    cnp.setbufsize(64)
    seen = []
    t = threading.Thread(target=lambda: seen.append((cnp.getbufsize(), cnp.geterrobj())))
    t.start()
    t.join()
    assert seen == [(8192, [8192, 521, None])]
    assert cnp.getbufsize() == 64


# ---- constants, type tables, aliases, warning classes ----------------------------------------
CONSTANTS = ["ALLOW_THREADS", "BUFSIZE", "CLIP", "RAISE", "WRAP", "MAXDIMS", "ERR_CALL",
             "ERR_DEFAULT", "ERR_IGNORE", "ERR_LOG", "ERR_PRINT", "ERR_RAISE", "ERR_WARN",
             "FPE_DIVIDEBYZERO", "FPE_INVALID", "FPE_OVERFLOW", "FPE_UNDERFLOW",
             "SHIFT_DIVIDEBYZERO", "SHIFT_INVALID", "SHIFT_OVERFLOW", "SHIFT_UNDERFLOW",
             "UFUNC_BUFSIZE_DEFAULT", "UFUNC_PYVALS_NAME", "FLOATING_POINT_SUPPORT",
             "tracemalloc_domain", "infty"]


@pytest.mark.parametrize("name", CONSTANTS)
def test_constants(name):
    e, g = getattr(np, name), getattr(cnp, name)
    assert type(g) is type(e) and g == e
    assert name in cnp.__all__


_LONG_DOUBLE_KEYS = {"longdouble", "g", 13, "clongdouble", "G", 16, "f16", "float128", "c32",
                     "complex256", "longfloat", "clongfloat", "longcomplex"}


def test_sctypeDict():
    expected = [(k, v) for k, v in np.sctypeDict.items() if k not in _LONG_DOUBLE_KEYS]
    assert list(cnp.sctypeDict) == [k for k, _ in expected]
    for k, v in expected:
        g = cnp.sctypeDict[k]
        assert g.__name__ == {"longlong": "int64", "ulonglong": "uint64"}.get(v.__name__, v.__name__), k
        if isinstance(k, str) and k not in ("a", "int0", "uint0", "object0", "bytes0", "str0",
                                            "void0", "unicode"):
            assert g is cnp.void or cnp.dtype(g) == np.dtype(v).name, k


@pytest.mark.parametrize("name,target", [("string_", "bytes_"), ("unicode_", "str_"),
                                         ("singlecomplex", "complex64")])
def test_type_aliases(name, target):
    assert getattr(np, name) is getattr(np, target)
    assert getattr(cnp, name) is getattr(cnp, target)
    assert name in cnp.__all__


@pytest.mark.parametrize("name", ["VisibleDeprecationWarning", "ModuleDeprecationWarning"])
def test_warning_classes(name):
    e, g = getattr(np, name), getattr(cnp, name)
    assert [c.__name__ for c in g.__mro__[1:]] == [c.__name__ for c in e.__mro__[1:]]
    assert g.__mro__[1:] == e.__mro__[1:]
    assert g.__module__ == "cnumpy" and g.__name__ == name and name in cnp.__all__
    with pytest.warns(g):
        warnings.warn("x", g)


ADDED = ["r_", "c_", "s_", "index_exp", "mgrid", "ogrid", "broadcast", "flatiter", "rollaxis",
         "unwrap", "iterable", "isfortran", "byte_bounds", "infty", "string_", "unicode_",
         "singlecomplex", "sctypeDict", "issubclass_", "issubsctype", "VisibleDeprecationWarning",
         "ModuleDeprecationWarning", "get_array_wrap", "recfromcsv", "recfromtxt", "getbufsize",
         "setbufsize", "geterrobj", "seterrobj", "fastCopyAndTranspose", "disp", "who"] + CONSTANTS


def test_namespace_added():
    for name in ADDED:
        assert name in np.__all__ and name in cnp.__all__ and hasattr(cnp, name), name
    assert len(cnp.__all__) - len(set(cnp.__all__)) <= 2     # 'where', 'trace' (older entries)


# The names of NumPy 1.24's namespace cnumpy does not have, each for a reason (
# the long double types, modules and tools of NumPy's build and test machinery, names another
# task adds): the list only shrinks.
KNOWN_MISSING = {
    "DataSource", "Tester", "add_docstring",
    "add_newdoc", "add_newdoc_ufunc", "cast", "clongdouble", "clongfloat",
    "compat", "complex256", "ctypeslib", "deprecate", "deprecate_with_doc", "float128",
    "get_include", "kernel_version", "longcomplex", "longdouble",
    "longfloat", "lookfor", "math", "nbytes", "numarray", "oldnumeric",
    "safe_eval", "set_numeric_ops", "set_string_function", "show_runtime",
    "source", "test", "testing", "use_hugepage", "version",
}


def test_namespace_missing_only_known():
    # numpy's submodules imported elsewhere (numpy.typing by another test) become attributes
    # of numpy only then: the submodules NumPy 1.24 imports at `import numpy` are compared
    lazy = {"typing", "f2py", "distutils", "array_api", "doc"}
    missing = {n for n in dir(np) if not n.startswith("_") and not hasattr(cnp, n)} - lazy
    assert missing <= KNOWN_MISSING, sorted(missing - KNOWN_MISSING)
