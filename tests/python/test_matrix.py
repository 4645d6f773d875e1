"""numpy.matrix, asmatrix, mat, bmat (bindings/python/cnumpy/matrixlib.py) against NumPy 1.24:
construction (lists, strings, arrays, matrices, dtype and copy), the two-dimension rules of
indexing, `*` and `**` as matrix product and power, reductions with NumPy's axis handling,
the A/A1/T/H/I properties, ufuncs and operators keeping the class, the functions NumPy
special-cases for matrices (ravel, expand_dims, diagonal, trace) and numpy.linalg on matrices.
Cases ported from numpy/matrixlib/tests (test_defmatrix.py, test_interaction.py,
test_matrix_linalg.py, test_numeric.py)."""
import warnings

import numpy as np
import pytest

import cnumpy as cnp


def describe(r, m):
    if isinstance(r, (tuple, list)):
        return type(r).__name__, [describe(x, m) for x in r]
    if isinstance(r, m.ndarray):
        name = "matrix" if isinstance(r, m.matrix) else type(r).__name__
        v = r.tolist()
        if r.dtype.kind in "fc":
            v = np.round(np.asarray(r.tolist()), 10).tolist()
        return (name, r.shape, str(r.dtype), v)
    if isinstance(r, m.generic):
        v = r.item()
        return ("scalar", str(r.dtype), round(v, 10) if isinstance(v, float) else v)
    return (type(r).__name__, r)


def run(expr, m):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PendingDeprecationWarning)
        M = m.matrix([[1.0, 2.0], [3.0, 4.0]])
        N = m.matrix([[1, 2, 3], [4, 5, 6]])
        C = m.matrix([[1 + 2j, 3], [4j, 5]])
        A = m.arange(6).reshape(2, 3)
        try:
            return describe(eval(expr), m)
        except Exception as e:
            return ("raises", type(e).__name__, str(e))


EXPRESSIONS = [
    # construction
    "M", "m.matrix([1, 2, 3])", "m.matrix(5)", "m.matrix('1 2; 3 4')", "m.matrix('[1, 2; 3 4]')",
    "m.matrix('1 2; 3')", "m.matrix(A)", "m.matrix(A, dtype=float)", "m.matrix(M, dtype=int)",
    "m.matrix(m.zeros((2, 2, 2)))", "m.matrix(m.zeros((1, 3, 1)))", "m.asmatrix(A)",
    "m.asmatrix([1, 2])", "m.mat([[1, 2], [3, 4]])", "m.asmatrix(M) is M",
    "m.matrix(M, copy=False) is M", "m.matrix(A.T).flags.f_contiguous",
    "m.bmat([[M, M], [M, M]])", "m.bmat([M, M])", "m.bmat(A)", "m.bmat('M, M; M, M')",
    # indexing keeps two dimensions
    "M[0]", "M[0, 0]", "M[:, 0]", "M[0, :]", "M[:, 1:]", "M[[0, 1]]", "M[M > 2]", "M[0][0]",
    "M[..., 0]", "M[:, [0]]", "M[0, [0, 1]]", "M.T[0]", "N[1, 1:]", "list(M)",
    # products and powers
    "M * M", "M * 2", "2 * M", "M * A[:2, :2]", "A[:2, :2] * M", "M * [[1], [1]]", "M ** 2",
    "M ** 0", "M ** -1", "M ** 3", "M @ M", "m.dot(M, M)", "m.matmul(M, M)", "M.dot(M)",
    "m.dot(A[:2, :2], M)", "M / 2", "M + 1", "1 - M", "-M", "M == M", "M > 2",
    "m.sqrt(M)", "m.add(M, M)", "m.multiply(M, M)", "abs(-M)", "divmod(M, 2)",
    "m.linalg.matrix_power(M, 2)",
    # reductions
    "M.sum()", "M.sum(axis=0)", "M.sum(axis=1)", "M.mean()", "M.mean(0)", "M.std(1)",
    "M.var()", "M.prod(axis=0)", "M.max()", "M.max(axis=1)", "M.min(0)", "M.any()",
    "M.all(axis=0)", "M.argmax()", "M.argmax(axis=0)", "M.argmin(axis=1)", "M.ptp()",
    "M.ptp(axis=0)", "M.ptp(axis=1)", "M.cumsum()", "M.cumsum(axis=0)", "M.cumprod(1)",
    "m.sum(M)", "m.sum(M, axis=1)", "m.mean(M, axis=0)", "m.amax(M, axis=1)", "m.prod(M)",
    "m.std(M)", "m.any(M, axis=0)", "m.cumsum(M, axis=1)", "M.trace()", "M.diagonal()",
    # shapes and properties
    "M.T", "M.H", "C.H", "M.I", "N.I", "M.A", "M.A1", "M.getA()", "M.getT()", "M.ravel()",
    "M.flatten()", "M.squeeze()", "M.reshape(1, 4)", "M.reshape(4)", "M.copy()",
    "M.astype(int)", "M.transpose()", "M.swapaxes(0, 1)", "M.real", "C.imag", "C.conj()",
    "M.round()", "M.clip(2, 3)", "M.repeat(2)", "M.take([0, 1])", "M.compress([1, 0], axis=0)",
    "M.argsort()", "M.tolist()", "M.nonzero()",
    # functions NumPy special-cases
    "m.ravel(M)", "m.expand_dims(M, 0)", "m.diagonal(M)", "m.trace(M)", "m.reshape(M, (4,))",
    "m.transpose(M)", "m.squeeze(m.matrix([[1, 2]]))", "m.zeros_like(M)", "m.ones_like(N)",
    "m.asarray(M)", "m.asanyarray(M)", "m.array(M)", "m.array(M, subok=True)",
    # numpy.linalg keeps the class of its input
    "m.linalg.inv(M)", "m.linalg.pinv(N)", "m.linalg.solve(M, M)", "m.linalg.det(M)",
    "m.linalg.eig(M)[1]", "m.linalg.eigvals(M)", "m.linalg.svd(M)[0]",
    "m.linalg.svd(M, compute_uv=False)", "m.linalg.qr(M)[0]", "m.linalg.cholesky(M.T * M)",
    "m.linalg.eigh(M.T * M)[1]",
]


@pytest.mark.parametrize("expr", EXPRESSIONS)
def test_matrix_matches_numpy(expr):
    assert run(expr, cnp) == run(expr, np)


def test_repr_and_str():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PendingDeprecationWarning)
        for data in ([[1, 2], [3, 4]], [[1.5, 2], [3, 4e10]], [[1 + 1j]], [[True, False]]):
            assert repr(cnp.matrix(data)) == repr(np.matrix(data))
            assert str(cnp.matrix(data)) == str(np.matrix(data))


def test_pending_deprecation_warning():
    with pytest.warns(PendingDeprecationWarning, match="the matrix subclass is not"):
        cnp.matrix([[1, 2]])
    with pytest.warns(PendingDeprecationWarning):
        cnp.asmatrix([[1, 2]])


def test_in_place_operators():
    for m in (np, cnp):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PendingDeprecationWarning)
            a = m.matrix([[1.0, 2.0], [3.0, 4.0]])
            b = a
            a *= a
            a **= 2
            a += 1
            assert b is a
            assert type(a).__name__ == "matrix"
        yield_ = a.tolist()
        if m is np:
            expected = yield_
    assert yield_ == expected


def test_bmat_names_from_the_caller():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PendingDeprecationWarning)
        A = cnp.matrix([[1, 2]])
        B = cnp.matrix([[3]])
        r = cnp.bmat("A B; A B")
        assert r.tolist() == [[1, 2, 3], [1, 2, 3]]
        with pytest.raises(NameError, match="name 'Z' is not defined"):
            cnp.bmat("A Z")
        assert cnp.bmat("X", ldict={"X": A}, gdict={}).tolist() == [[1, 2]]


def test_pickle():
    import pickle
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PendingDeprecationWarning)
        m = cnp.matrix([[1, 2], [3, 4]])
        r = pickle.loads(pickle.dumps(m))
    assert type(r) is cnp.matrix and r.tolist() == m.tolist() and r.shape == (2, 2)
