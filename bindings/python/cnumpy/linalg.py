"""cnumpy.linalg: numpy.linalg on libcnumpy (OpenBLAS + LAPACKE).

Every function is a thin wrapper over a C entry point (cnp_linalg_*, cnp_einsum, ...), batched
over leading axes. dtypes follow NumPy 1.24:
float32/complex64 stay single precision, integers and bool become float64, float16 is a
TypeError. See docs/linalg.md."""
import functools as _functools
import operator

from . import _args, _backend
from ._capi import produce, produce_many as _produce_many, unwrap as _unwrap
# These names were importable from cnumpy.linalg before the calling convention moved to _capi;
# kept so that the module's attributes do not change.
from ._capi import error, flush_warnings, pending, wrap  # noqa: F401
from ._convert import as_array, asarray
from ._errors import LinAlgError
from ._ndarray import ndarray
from ._subclass import priority_subtype
from ._products import _call1, _call2, _finish
from ._products import matmul, dot, vdot, inner, outer, tensordot, einsum, kron, trace  # noqa: F401

__all__ = ["LinAlgError", "inv", "det", "slogdet", "solve", "lstsq", "pinv", "cholesky", "eigh",
           "eigvalsh", "eig", "eigvals", "svd", "qr", "norm", "matrix_rank", "cond",
           "matrix_power", "multi_dot", "tensordot", "outer", "einsum", "tensorinv",
           "tensorsolve"]

_lib = _backend.lib
_NULL = _backend.NULL
_C = _backend.consts


def _multi_a(fn, n, a, *args, skip=()):
    a = as_array(a)    # held until the call returns (its handle is freed with it)
    return _produce_many(fn, n, a._h, *args, skip=skip)


def _assert_stacked_2d(a):
    if a.ndim < 2:
        raise LinAlgError("%d-dimensional array given. Array must be at least two-dimensional"
                          % a.ndim)


def _assert_stacked_square(a):
    if a.shape[-1] != a.shape[-2]:
        raise LinAlgError("Last 2 dimensions of the array must be square")


def _compute_kind(dt):
    """(is_complex, is_single) of NumPy's _commonType for one dtype."""
    if dt.kind == "c":
        return True, dt.itemsize == 8
    if dt.kind == "f":
        if dt.itemsize == 2:
            raise TypeError("array type float16 is unsupported in linalg")
        return False, dt.itemsize == 4
    return False, False


# -- C entry points -----------------------------------------------------------------------------
def inv(a):
    """numpy.linalg.inv(a): the inverse of each matrix in a."""
    return _call1(_lib.cnp_linalg_inv, a)


def det(a):
    """numpy.linalg.det(a)."""
    return _unwrap(_call1(_lib.cnp_linalg_det, a))


def slogdet(a):
    """numpy.linalg.slogdet(a) -> (sign, logabsdet)."""
    s, l = _multi_a(_lib.cnp_linalg_slogdet, 2, a)
    return _unwrap(s), _unwrap(l)


def solve(a, b):
    """numpy.linalg.solve(a, b): x with a @ x = b (b a stack of vectors when b.ndim == a.ndim-1)."""
    return _call2(_lib.cnp_linalg_solve, a, b)


def cholesky(a):
    """numpy.linalg.cholesky(a): the lower-triangular L with a = L @ L^H."""
    return _call1(_lib.cnp_linalg_cholesky, a)


def _uplo(UPLO):
    if UPLO not in ("L", "U"):
        raise ValueError("UPLO argument must be 'L' or 'U'")
    return ord(UPLO)


def eigh(a, UPLO="L"):
    """numpy.linalg.eigh(a, UPLO='L') -> (w, v), ascending eigenvalues."""
    return _multi_a(_lib.cnp_linalg_eigh, 2, a, _uplo(UPLO))


def eigvalsh(a, UPLO="L"):
    """numpy.linalg.eigvalsh(a, UPLO='L')."""
    return _multi_a(_lib.cnp_linalg_eigh, 2, a, _uplo(UPLO), skip=(1,))[0]


def eig(a):
    """numpy.linalg.eig(a) -> (w, v); complex unless a is real with real eigenvalues."""
    return _multi_a(_lib.cnp_linalg_eig, 2, a)


def eigvals(a):
    """numpy.linalg.eigvals(a)."""
    return _multi_a(_lib.cnp_linalg_eig, 2, a, skip=(1,))[0]


def svd(a, full_matrices=True, compute_uv=True, hermitian=False):
    """numpy.linalg.svd(a, full_matrices=True, compute_uv=True, hermitian=False). hermitian=True
    is accepted and computed by the general SVD (same singular values; NumPy uses eigh)."""
    a = as_array(a)
    if compute_uv:
        return _produce_many(_lib.cnp_linalg_svd, 3, a._h, 1 if full_matrices else 0)
    return _produce_many(_lib.cnp_linalg_svd, 3, a._h, 0, skip=(0, 2))[1]


_QR_MODES = {"reduced": "CNP_LINALG_QR_REDUCED", "complete": "CNP_LINALG_QR_COMPLETE",
             "r": "CNP_LINALG_QR_R", "raw": "CNP_LINALG_QR_RAW"}


def qr(a, mode="reduced"):
    """numpy.linalg.qr(a, mode='reduced'|'complete'|'r'|'raw'); 'raw' gives NumPy's (h, tau):
    h is LAPACK ?geqrf's output with the last two axes swapped."""
    if mode not in _QR_MODES:
        if mode in ("full", "f", "economic", "e"):
            raise NotImplementedError("qr mode %r is not supported by cnumpy" % mode)
        raise ValueError(f"Unrecognized mode '{mode}'")
    a = as_array(a)
    m = _C[_QR_MODES[mode]]
    if mode == "r":
        return _produce_many(_lib.cnp_linalg_qr, 2, a._h, m, skip=(0,))[1]
    return _produce_many(_lib.cnp_linalg_qr, 2, a._h, m)


def lstsq(a, b, rcond="warn"):
    """numpy.linalg.lstsq(a, b, rcond='warn') -> (x, residuals, rank, s), NumPy 1.24's default:
    rcond='warn' warns (FutureWarning) and uses the machine precision (rcond=-1)."""
    a, b = as_array(a), as_array(b)
    if isinstance(rcond, str) and rcond == "warn":
        import warnings
        warnings.warn("`rcond` parameter will change to the default of machine precision times "
                      "``max(M, N)`` where M and N are the input matrix dimensions.\n"
                      "To use the future default and silence this warning we advise to pass "
                      "`rcond=None`, to keep using the old, explicitly pass `rcond=-1`.",
                      FutureWarning, stacklevel=2)
        rc = -1.0
    elif rcond is None:
        single = _compute_kind(a.dtype)[1] and _compute_kind(b.dtype)[1]
        rc = (1.1920928955078125e-07 if single else 2.220446049250313e-16) * max(a.shape[-2:] if a.ndim >= 2 else (0,))
    else:
        rc = float(rcond)
    x, resid, rank, s = _produce_many(_lib.cnp_linalg_lstsq, 4, a._h, b._h, rc)
    return x, resid, int(rank), s


# -- composed from the above (as numpy/linalg/linalg.py does) ------------------------------------
def pinv(a, rcond=1e-15, hermitian=False):
    """numpy.linalg.pinv(a, rcond=1e-15, hermitian=False): through the SVD, singular values at
    or below rcond * largest treated as zero. hermitian=True uses the general SVD too."""
    a = as_array(a)
    rc = as_array(rcond)
    return produce(_lib.cnp_linalg_pinv, a._h, rc._h)


def matrix_rank(A, tol=None, hermitian=False):
    """numpy.linalg.matrix_rank(A, tol=None, hermitian=False)."""
    A = as_array(A)
    t = as_array(tol) if tol is not None else None
    r = produce(_lib.cnp_linalg_matrix_rank, A._h, t._h if t is not None else _NULL)
    return int(r) if A.ndim < 2 else _unwrap(r)


def norm(x, ord=None, axis=None, keepdims=False):
    """numpy.linalg.norm(x, ord=None, axis=None, keepdims=False): vector norms (any ord, inf,
    -inf, 0) and matrix norms ('fro', 'nuc', 1, -1, 2, -2, inf, -inf), computed by the library."""
    x = as_array(x)
    if axis is None:
        naxes = -1
        count = x.ndim
        axes = _NULL
    else:
        if not isinstance(axis, tuple):
            try:
                axis = int(axis)
            except Exception as e:
                raise TypeError("'axis' must be None, an integer or a tuple of integers") from e
            axis = (axis,)
        axes, naxes = _args.axes(axis)
        count = naxes
    fast = axis is None and (ord is None or (ord in ("f", "fro") and x.ndim == 2) or
                             (ord == 2 and x.ndim == 1))
    if ord is None:
        kind, val = _C["CNP_LINALG_NORM_DEFAULT"], 0.0
    elif isinstance(ord, str):
        if count == 1 and not fast:
            raise ValueError(f"Invalid norm order '{ord}' for vectors")
        if ord in ("fro", "f"):
            kind, val = _C["CNP_LINALG_NORM_FRO"], 0.0
        elif ord == "nuc":
            kind, val = _C["CNP_LINALG_NORM_NUC"], 0.0
        else:
            if count == 2:
                raise ValueError("Invalid norm order for matrices.")
            raise ValueError("Improper number of dimensions to norm.")
    else:
        try:
            val = float(ord)
        except (TypeError, ValueError):
            raise ValueError("Invalid norm order for vectors." if count == 1 else
                             "Invalid norm order for matrices.") from None
        kind = _C["CNP_LINALG_NORM_NUMBER"]
    r = produce(_lib.cnp_linalg_norm, x._h, kind, val, axes, naxes, 1 if keepdims else 0)
    return _unwrap(r)


def _ord_arg(ord):
    """norm/cond's ord as (CNP_LINALG_NORM_* kind, value) for a matrix norm."""
    if ord is None:
        return _C["CNP_LINALG_NORM_DEFAULT"], 0.0
    if isinstance(ord, str):
        if ord in ("fro", "f"):
            return _C["CNP_LINALG_NORM_FRO"], 0.0
        if ord == "nuc":
            return _C["CNP_LINALG_NORM_NUC"], 0.0
        raise ValueError("Invalid norm order for matrices.")
    try:
        return _C["CNP_LINALG_NORM_NUMBER"], float(ord)
    except (TypeError, ValueError):
        raise ValueError("Invalid norm order for matrices.") from None


def cond(x, p=None):
    """numpy.linalg.cond(x, p=None): condition number in the given norm (inf for a singular
    matrix unless it holds NaNs), computed by the library (cnp_linalg_cond)."""
    x = as_array(x)
    kind, val = _ord_arg(p)
    return _unwrap(produce(_lib.cnp_linalg_cond, x._h, kind, val))


def matrix_power(a, n):
    """numpy.linalg.matrix_power(a, n): repeated squaring; n < 0 inverts first."""
    a = as_array(a)
    _assert_stacked_2d(a)
    _assert_stacked_square(a)
    try:
        n = operator.index(n)
    except TypeError as e:
        raise TypeError("exponent must be an integer") from e
    if n == 1:
        return a  # NumPy returns its input here
    if not -2**63 < n < 2**63:
        return priority_subtype((a,), _matrix_power_big(a, n))
    # a subclass keeps its type, as NumPy's products of it do
    return priority_subtype((a,), produce(_lib.cnp_linalg_matrix_power, a._h, n))


def _matrix_power_big(a, n):
    """NumPy's binary decomposition for an exponent beyond int64 (which C cannot take)."""
    if n < 0:
        a, n = inv(a), -n
    z = result = None
    while n > 0:
        z = a if z is None else matmul(z, z)
        n, bit = divmod(n, 2)
        if bit:
            result = z if result is None else matmul(result, z)
    return result


def multi_dot(arrays, *, out=None):
    """numpy.linalg.multi_dot(arrays): the chain product in NumPy's cheapest order, computed by
    the library (cnp_linalg_multi_dot)."""
    arrays = [as_array(a) for a in arrays]
    handles = _backend.handle_array([a._h for a in arrays]) if arrays else _NULL
    r = produce(_lib.cnp_linalg_multi_dot, len(arrays), handles)
    if out is not None:
        return _finish(r, out)
    return _unwrap(r)


def tensorinv(a, ind=2):
    """numpy.linalg.tensorinv(a, ind=2): the inverse of a taken as the linear map from its
    first `ind` axes to the others, shaped a.shape[ind:] + a.shape[:ind] (so that
    tensordot(tensorinv(a), a, ind) is the identity); a subclass is taken as an ndarray."""
    a = asarray(a)
    if ind <= 0:
        raise ValueError("Invalid ind argument.")
    inverse_shape = a.shape[ind:] + a.shape[:ind]
    rows = 1
    for n in a.shape[ind:]:
        rows *= n
    return inv(a.reshape(rows, -1)).reshape(*inverse_shape)


_TENSORSOLVE_SHAPES = ("Input arrays must satisfy the requirement             "
                       "prod(a.shape[b.ndim:]) == prod(a.shape[:b.ndim])")


def tensorsolve(a, b, axes=None):
    """numpy.linalg.tensorsolve(a, b, axes=None): x with tensordot(a, x, x.ndim) == b, the
    axes named by `axes` moved to the end of a first; x has the shape of a's last axes after
    b.ndim."""
    src = a
    a = as_array(a)
    b = as_array(b)
    if axes is not None:
        order = list(range(a.ndim))
        for k in axes:
            order.remove(k)
            order.insert(a.ndim, k)
        a = a.transpose(order)
    x_shape = a.shape[-(a.ndim - b.ndim):]
    n = 1
    for k in x_shape:
        n *= k
    if a.size != n ** 2:
        raise LinAlgError(_TENSORSOLVE_SHAPES)
    x = priority_subtype((src,), solve(a.reshape(n, n), b.ravel()))
    return x.reshape(x_shape)


# NumPy's linalg functions return the results that are matrices of their input's (or, for
# solve and lstsq, b's) subclass (its _makearray/wrap): an inverse of a numpy.matrix is one.
def _keeps_subclass(fn, source, parts=None):
    """fn with its array results (parts: the indices of the tuple items that are) made of the
    subclass of argument `source` (0: a, 1: b) when that is not an exact ndarray."""
    @_functools.wraps(fn)
    def wrapped(*args, **kwargs):
        r = fn(*args, **kwargs)
        src = args[source] if len(args) > source else kwargs.get("ab"[source])
        if type(src) is ndarray or not isinstance(src, ndarray):
            return r
        if isinstance(r, tuple):
            return type(r)(priority_subtype((src,), x) if parts is None or i in parts else x
                           for i, x in enumerate(r))
        # a single result of a tuple-returning function (svd's values alone) stays plain
        return priority_subtype((src,), r) if parts is None else r
    del wrapped.__wrapped__
    return wrapped


inv = _keeps_subclass(inv, 0)
pinv = _keeps_subclass(pinv, 0)
cholesky = _keeps_subclass(cholesky, 0)
solve = _keeps_subclass(solve, 1)
eig = _keeps_subclass(eig, 0, (1,))
eigh = _keeps_subclass(eigh, 0, (1,))
svd = _keeps_subclass(svd, 0, (0, 2))
qr = _keeps_subclass(qr, 0)
lstsq = _keeps_subclass(lstsq, 1, (0, 1))
