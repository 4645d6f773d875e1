"""numpy.linalg.tensorinv and tensorsolve against NumPy 1.24 (cases from NumPy's
test_linalg.py: TestTensorinv, TestTensorsolve): values, shapes, dtypes, the axes argument,
a numpy.matrix input, and the errors."""
import warnings

import numpy as np
import pytest

import cnumpy as cnp


def outcome(fn, m):
    try:
        r = fn(m)
    except Exception as e:
        return ("raises", type(e).__name__, str(e))
    return (type(r).__name__ if not isinstance(r, m.ndarray) or type(r) is not m.ndarray
            else "ndarray", r.shape, str(r.dtype), np.round(np.asarray(r.tolist()), 9).tolist())


def rng_array(m, shape, dtype="f8", seed=0):
    a = np.random.default_rng(seed).standard_normal(shape)
    if np.dtype(dtype).kind == "c":
        a = a + 1j * np.random.default_rng(seed + 1).standard_normal(shape)
    return m.asarray(a.astype(dtype))


@pytest.mark.parametrize("shape,ind", [((4, 6, 8, 3), 2), ((24, 8, 3), 1), ((6, 4), 1),
                                       ((2, 3, 6), 2), ((4, 2, 2, 2), 1), ((3, 3), 1)])
@pytest.mark.parametrize("dtype", ["f8", "f4", "c16", "i8"])
def test_tensorinv(shape, ind, dtype):
    assert outcome(lambda m: m.linalg.tensorinv(rng_array(m, shape, dtype), ind=ind), cnp) == \
        outcome(lambda m: m.linalg.tensorinv(rng_array(m, shape, dtype), ind=ind), np)


@pytest.mark.parametrize("shape,ind", [((4, 6, 8, 3), 0), ((4, 6, 8, 3), -1), ((4, 6), 1),
                                       ((2, 3), 1)])
def test_tensorinv_errors(shape, ind):
    assert outcome(lambda m: m.linalg.tensorinv(rng_array(m, shape), ind=ind), cnp) == \
        outcome(lambda m: m.linalg.tensorinv(rng_array(m, shape), ind=ind), np)


@pytest.mark.parametrize("a_shape,b_shape,axes", [
    ((2, 3, 6), (2, 3), None), ((3, 2, 3, 2), (3, 2), None), ((6, 6), (6,), None),
    ((2, 3, 6), (2, 3), (0, 2)), ((3, 4, 12), (12,), (0, 1)), ((4, 4), (4,), (0,)),
    ((2, 3, 6), (6,), None), ((2, 3, 5), (2, 3), None),
])
@pytest.mark.parametrize("dtype", ["f8", "c16"])
def test_tensorsolve(a_shape, b_shape, axes, dtype):
    def fn(m):
        return m.linalg.tensorsolve(rng_array(m, a_shape, dtype, 3), rng_array(m, b_shape, dtype, 5),
                                    axes=axes)
    assert outcome(fn, cnp) == outcome(fn, np)


def test_tensor_functions_round_trip():
    a = rng_array(cnp, (3, 2, 3, 2), seed=7)
    b = rng_array(cnp, (3, 2), seed=8)
    x = cnp.linalg.tensorsolve(a, b)
    assert np.allclose(np.asarray(cnp.tensordot(a, x, x.ndim)), np.asarray(b))
    ainv = cnp.linalg.tensorinv(a, ind=2)
    assert np.allclose(np.asarray(cnp.tensordot(ainv, a, 2)).reshape(6, 6), np.eye(6))


def test_matrix_input():
    """tensorinv takes asarray of a matrix (an ndarray result); tensorsolve wraps like solve."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PendingDeprecationWarning)
        for fn in (lambda m: m.linalg.tensorinv(m.matrix([[2.0, 1.0], [1.0, 3.0]]), ind=1),
                   lambda m: m.linalg.tensorsolve(m.matrix([[2.0, 1.0], [1.0, 3.0]]),
                                                  m.array([1.0, 2.0]))):
            assert outcome(fn, cnp) == outcome(fn, np)
