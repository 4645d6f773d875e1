"""numpy.polynomial.polyutils (NumPy 1.24) and the machinery the six bases share: argument
checks, series arithmetic that does not depend on the basis (add, sub, div through the basis'
mul, pow, fromroots), fitting through the basis' Vandermonde matrix, the N-d val/grid/vander
forms, and evaluation through the library's kernel (cnp_poly_val)."""
import functools
import operator
import warnings

from .._convert import array, asarray, as_array
from .._creation import empty, zeros, ones
from .._args import normalize_axis as _normalize_axis
from .._casting import promote_types
from .._dtype import dtype as _dtype
from .._ndarray import ndarray
from .._selection import nonzero
from .._shape_funcs import moveaxis
from .._ufunc_table import UFUNCS
from .. import linalg
from .._polynomial_legacy import (RankWarning, _common_type, _format_float, _iterable,
                                  _val_kernel, _KERNEL_TYPES, _eps)

__all__ = ["RankWarning", "as_series", "trimseq", "trimcoef", "getdomain", "mapdomain",
           "mapparms", "format_float"]

_sqrt, _square, _abs = UFUNCS["sqrt"], UFUNCS["square"], UFUNCS["absolute"]
format_float = _format_float
_INT_CODES = "?bBhHiIlLqQpP"
_INT64 = _dtype("int64").type


def trimseq(seq):
    """Drop trailing zeros (keeping at least one element)."""
    if len(seq) == 0:
        return seq
    i = len(seq) - 1
    while i > 0 and seq[i] == 0:
        i -= 1
    return seq[:i + 1]


def as_series(alist, trim=True):
    """1-D arrays of a common inexact dtype (copies), trailing zeros dropped if trim."""
    arrays = [array(a, ndmin=1, copy=False) for a in alist]
    if min(a.size for a in arrays) == 0:
        raise ValueError("Coefficient array is empty")
    if any(a.ndim != 1 for a in arrays):
        raise ValueError("Coefficient array is not 1-d")
    if trim:
        arrays = [trimseq(a) for a in arrays]
    if any(a.dtype.kind == "O" for a in arrays):
        raise TypeError("object arrays are not supported")
    try:
        dt = _common_type(*arrays)
    except Exception as e:
        raise ValueError("Coefficient arrays have no common type") from e
    return [array(a, copy=True, dtype=dt) for a in arrays]


def trimcoef(c, tol=0):
    """Remove trailing coefficients of absolute value <= tol."""
    if tol < 0:
        raise ValueError("tol must be non-negative")
    [c] = as_series([c])
    [ind] = nonzero(_abs(c) > tol)
    if len(ind) == 0:
        return c[:1] * 0
    return c[:int(ind[-1]) + 1].copy()


def getdomain(x):
    """The smallest interval (or complex rectangle) containing x."""
    [x] = as_series([x], trim=False)
    if x.dtype.kind == "c":
        rmin, rmax = x.real.min(), x.real.max()
        imin, imax = x.imag.min(), x.imag.max()
        return array((complex(rmin, imin), complex(rmax, imax)))
    return array((x.min(), x.max()))


def mapparms(old, new):
    """(off, scl) of the linear map old -> new: new = off + scl*old."""
    oldlen = old[1] - old[0]
    newlen = new[1] - new[0]
    off = (old[1] * new[0] - old[0] * new[1]) / oldlen
    scl = newlen / oldlen
    return off, scl


def mapdomain(x, old, new):
    """x mapped linearly from the interval old to new."""
    x = as_array(x)
    off, scl = mapparms(old, new)
    return off + scl * x


# ---- integers ----------------------------------------------------------------------------------

def _as_int(x, desc):
    """An integer argument (integral floats deprecated, as NumPy 1.24)."""
    try:
        return operator.index(x)
    except TypeError as e:
        try:
            ix = int(x)
        except TypeError:
            pass
        else:
            if ix == x:
                warnings.warn(f"In future, this will raise TypeError, as {desc} will need to be "
                              "an integer not just an integral float.", DeprecationWarning,
                              stacklevel=3)
                return ix
        raise TypeError(f"{desc} must be an integer") from e


_deprecate_as_int = _as_int


# ---- evaluation --------------------------------------------------------------------------------

def _coef_array(c, copy=False):
    """The coefficients as *val/*der/*int take them: at least 1-D, bool/int as float64."""
    c = array(c, ndmin=1, copy=copy)
    if c.dtype.char in _INT_CODES:
        c = c.astype("float64")
    return c


def _scalar_dtype(x):
    if isinstance(x, bool):
        return _dtype("bool")
    if isinstance(x, int):
        return _dtype("int64")
    if isinstance(x, float):
        return _dtype("float64")
    if isinstance(x, complex):
        return _dtype("complex128")
    return getattr(x, "dtype", None)


def _prec(dt):
    return dt.itemsize // 2 if dt.kind == "c" else dt.itemsize


# Whether NumPy's loop for a basis (numbers as cnp_poly_val's) applies a Python int to x alone
# (x*0, 2*x, 1 - x, x*2), given the number of coefficients n.
_X_INT_OP = {1: lambda n: True, 2: lambda n: n != 2, 3: lambda n: n == 1, 4: lambda n: True,
             5: lambda n: True, 6: lambda n: n == 1}


def _val_dtype(basis, c, x, is_arr, tensor, scalar_mode):
    """The dtype NumPy's loop ends with when the kernel reproduces that loop step for step,
    else None (then the loop itself runs over cnumpy's ufuncs)."""
    if c.dtype.kind not in "fc" or not (tensor or not is_arr or c.ndim == 1):
        return None
    xd = x.dtype if is_arr else _scalar_dtype(x)
    if xd is None or xd.kind not in "biufc":
        return None
    n = len(c)
    x_int = _X_INT_OP[basis](n)
    if xd.kind == "b" and x_int:
        xd = _dtype("int64")        # bool * int is int64 in NumPy
    elif xd.kind in "iu" and xd.itemsize < 8 and x_int and basis in (2, 4, 5) and \
            not scalar_mode:
        return None                 # 2*x, 1 - x wrap around in small integer arrays
    rd = promote_types(c.dtype, xd)
    if scalar_mode and basis >= 2 and n >= 3 and _prec(c.dtype) < 8:
        return None         # NumPy's first steps between narrow coefficient scalars
    if scalar_mode and _prec(rd) < 8 and x_int:
        # Between NumPy scalars a Python int counts as int64: float32 becomes float64.
        rd = promote_types(rd, _dtype("float64"))
    if str(rd) not in _KERNEL_TYPES:
        return None
    # Laguerre's 1 - x rounds in x's own precision before meeting c, and the Clenshaw bases'
    # first steps round in the coefficients' precision: the kernel computes both in the
    # result's precision, so narrower inputs go the slow way (arrays only, see above).
    if not scalar_mode:
        if basis == 4 and xd.kind in "fc" and _prec(xd) < _prec(rd):
            return None
        if basis >= 2 and n >= 3 and _prec(c.dtype) < _prec(rd):
            return None
        if not tensor and x.ndim != 0 and c.dtype != rd:
            return None
    return rd


def _val(basis, fallback, x, c, tensor):
    """<basis>val(x, c, tensor): the library's kernel when it reproduces NumPy's loop, else
    NumPy's own loop (`fallback`) over cnumpy's ufuncs."""
    c = _coef_array(c)
    if isinstance(x, (tuple, list)):
        x = asarray(x)
    is_arr = isinstance(x, ndarray)
    scalar_mode = not is_arr or (x.ndim == 0 and c.ndim == 1)
    rd = _val_dtype(basis, c, x, is_arr, tensor, scalar_mode) if len(c) else None
    if rd is not None:
        r = _val_kernel(basis, c, as_array(x), rd)
        return r[()] if scalar_mode else r
    if scalar_mode and c.ndim == 1 and len(c) and (is_arr or _scalar_dtype(x) is not None):
        # NumPy's loop over NumPy scalars: Python numbers count as int64/float64/complex128
        # there (no value-based casting), which cnumpy's strong scalars reproduce.
        return fallback(_strong(x), c, _INT64)
    if is_arr and tensor:
        c = c.reshape(c.shape + (1,) * x.ndim)
    return fallback(x, c)


def _strong(x):
    """x as a NumPy-typed scalar (Python numbers as int64/float64/complex128, 0-d arrays as
    their scalar)."""
    if isinstance(x, ndarray):
        return x[()]
    d = _scalar_dtype(x)
    if isinstance(x, (bool, int, float, complex)) and d is not None:
        return asarray(x, dtype=d)[()]
    return x


def _valnd(val_f, c, *args):
    args = [as_array(a) for a in args]
    shape0 = args[0].shape
    if not all(a.shape == shape0 for a in args[1:]):
        if len(args) == 3:
            raise ValueError("x, y, z are incompatible")
        elif len(args) == 2:
            raise ValueError("x, y are incompatible")
        raise ValueError("ordinates are incompatible")
    it = iter(args)
    c = val_f(next(it), c)
    for xi in it:
        c = val_f(xi, c, tensor=False)
    return c


def _gridnd(val_f, c, *args):
    for xi in args:
        c = val_f(xi, c)
    return c


# ---- Vandermonde matrices ----------------------------------------------------------------------

def _vander(step, x, deg):
    """The pseudo-Vandermonde matrix: `step(v, x, i)` gives row i from the earlier rows."""
    ideg = _as_int(deg, "deg")
    if ideg < 0:
        raise ValueError("deg must be non-negative")
    x = array(x, copy=False, ndmin=1) + 0.0
    v = empty((ideg + 1,) + x.shape, dtype=x.dtype)
    v[0] = x * 0 + 1
    for i in range(1, ideg + 1):
        v[i] = step(v, x, i)
    return moveaxis(v, 0, -1)


def _nth_slice(i, ndim):
    sl = [None] * ndim
    sl[i] = slice(None)
    return tuple(sl)


def _vander_nd(vander_fs, points, degrees):
    n_dims = len(vander_fs)
    if n_dims != len(points):
        raise ValueError(f"Expected {n_dims} dimensions of sample points, got {len(points)}")
    if n_dims != len(degrees):
        raise ValueError(f"Expected {n_dims} dimensions of degrees, got {len(degrees)}")
    if n_dims == 0:
        raise ValueError("Unable to guess a dtype or shape when no points are given")
    points = tuple(as_array(p) + 0.0 for p in points)
    points = tuple(asarray(points))
    arrays = (vander_fs[i](points[i], degrees[i])[(Ellipsis,) + _nth_slice(i, n_dims)]
              for i in range(n_dims))
    return functools.reduce(operator.mul, arrays)


def _vander_nd_flat(vander_fs, points, degrees):
    v = _vander_nd(vander_fs, points, degrees)
    return v.reshape(v.shape[:-len(degrees)] + (-1,))


# ---- basis-independent arithmetic --------------------------------------------------------------

def _fromroots(line_f, mul_f, roots):
    """The series with the given roots: products of lines, multiplied pairwise."""
    if len(roots) == 0:
        return ones(1)
    [roots] = as_series([roots], trim=False)
    roots.sort()
    p = [line_f(-r, 1) for r in roots]
    n = len(p)
    while n > 1:
        m, r = divmod(n, 2)
        tmp = [mul_f(p[i], p[i + m]) for i in range(m)]
        if r:
            tmp[0] = mul_f(tmp[0], p[-1])
        p = tmp
        n = m
    return p[0]


def _div(mul_f, c1, c2):
    """Long division through the basis' multiplication."""
    [c1, c2] = as_series([c1, c2])
    if c2[-1] == 0:
        raise ZeroDivisionError()
    lc1, lc2 = len(c1), len(c2)
    if lc1 < lc2:
        return c1[:1] * 0, c1
    if lc2 == 1:
        return c1 / c2[-1], c1[:1] * 0
    quo = empty(lc1 - lc2 + 1, dtype=c1.dtype)
    rem = c1
    for i in range(lc1 - lc2, -1, -1):
        p = mul_f([0] * i + [1], c2)
        q = rem[-1] / p[-1]
        rem = rem[:-1] - q * p[:-1]
        quo[i] = q
    return quo, trimseq(rem)


def _add(c1, c2):
    [c1, c2] = as_series([c1, c2])
    if len(c1) > len(c2):
        c1[:c2.size] += c2
        ret = c1
    else:
        c2[:c1.size] += c1
        ret = c2
    return trimseq(ret)


def _sub(c1, c2):
    [c1, c2] = as_series([c1, c2])
    if len(c1) > len(c2):
        c1[:c2.size] -= c2
        ret = c1
    else:
        c2 = -c2
        c2[:c1.size] += c1
        ret = c2
    return trimseq(ret)


def _pow(mul_f, c, pow, maxpower):
    [c] = as_series([c])
    power = int(pow)
    if power != pow or power < 0:
        raise ValueError("Power must be a non-negative integer.")
    elif maxpower is not None and power > maxpower:
        raise ValueError("Power is too large")
    elif power == 0:
        return array([1], dtype=c.dtype)
    elif power == 1:
        return c
    prd = c
    for _ in range(2, power + 1):
        prd = mul_f(prd, c)
    return prd


def _line(off, scl):
    return array([off, scl]) if scl != 0 else array([off])


# ---- fitting -----------------------------------------------------------------------------------

def _fit(vander_f, x, y, deg, rcond=None, full=False, w=None):
    """Least squares fit in a basis, columns scaled to unit norm (NumPy's _fit)."""
    x = asarray(x) + 0.0
    y = asarray(y) + 0.0
    deg = asarray(deg)
    if deg.ndim > 1 or deg.dtype.kind not in "iu" or deg.size == 0:
        raise TypeError("deg must be an int or non-empty 1-D array of int")
    if deg.min() < 0:
        raise ValueError("expected deg >= 0")
    if x.ndim != 1:
        raise TypeError("expected 1D vector for x")
    if x.size == 0:
        raise TypeError("expected non-empty vector for x")
    if y.ndim < 1 or y.ndim > 2:
        raise TypeError("expected 1D or 2D array for y")
    if len(x) != len(y):
        raise TypeError("expected x and y to have same length")
    if deg.ndim == 0:
        lmax = int(deg)
        order = lmax + 1
        van = vander_f(x, lmax)
    else:
        deg = deg.copy()
        deg.sort()
        lmax = int(deg[-1])
        order = len(deg)
        van = vander_f(x, lmax)[:, deg]
    lhs = van.T
    rhs = y.T
    if w is not None:
        w = asarray(w) + 0.0
        if w.ndim != 1:
            raise TypeError("expected 1D vector for w")
        if len(x) != len(w):
            raise TypeError("expected x and w to have same length")
        lhs = lhs * w
        rhs = rhs * w
    if rcond is None:
        rcond = len(x) * _eps(x.dtype)
    if lhs.dtype.kind == "c":
        scl = _sqrt((_square(lhs.real) + _square(lhs.imag)).sum(1))
    else:
        scl = _sqrt(_square(lhs).sum(1))
    scl[scl == 0] = 1
    c, resids, rank, s = linalg.lstsq(lhs.T / scl, rhs.T, rcond)
    c = (c.T / scl).T
    if deg.ndim > 0:
        if c.ndim == 2:
            cc = zeros((lmax + 1, c.shape[1]), dtype=c.dtype)
        else:
            cc = zeros(lmax + 1, dtype=c.dtype)
        cc[deg] = c
        c = cc
    if rank != order and not full:
        warnings.warn("The fit may be poorly conditioned", RankWarning, stacklevel=2)
    if full:
        return c, [resids, rank, s, rcond]
    return c


# ---- derivatives and integrals (the argument handling the bases share) -------------------------

def _der(step, c, m, scl, axis):
    """Differentiate m times along axis; `step(c, n)` gives one derivative of the n+1 leading
    coefficients of c (c already scaled), as an array of n."""
    c = _coef_array(c, copy=True)
    cnt = _as_int(m, "the order of derivation")
    iaxis = _as_int(axis, "the axis")
    if cnt < 0:
        raise ValueError("The order of derivation must be non-negative")
    iaxis = _normalize_axis(iaxis, c.ndim)
    if cnt == 0:
        return c
    c = moveaxis(c, iaxis, 0)
    n = len(c)
    if cnt >= n:
        c = c[:1] * 0
    else:
        for _ in range(cnt):
            n = n - 1
            c *= scl
            c = step(c, n)
    return moveaxis(c, 0, iaxis)


def _int(step, val_f, c, m, k, lbnd, scl, axis):
    """Integrate m times along axis; `step(c, n)` gives the n+1 coefficients of one integral
    of the n coefficients of c; the constant makes the value at lbnd equal k[i]."""
    c = _coef_array(c, copy=True)
    if not _iterable(k):
        k = [k]
    cnt = _as_int(m, "the order of integration")
    iaxis = _as_int(axis, "the axis")
    if cnt < 0:
        raise ValueError("The order of integration must be non-negative")
    if len(k) > cnt:
        raise ValueError("Too many integration constants")
    if as_array(lbnd).ndim != 0:
        raise ValueError("lbnd must be a scalar.")
    if as_array(scl).ndim != 0:
        raise ValueError("scl must be a scalar.")
    iaxis = _normalize_axis(iaxis, c.ndim)
    if cnt == 0:
        return c
    c = moveaxis(c, iaxis, 0)
    k = list(k) + [0] * (cnt - len(k))
    for i in range(cnt):
        n = len(c)
        c *= scl
        if n == 1 and bool(as_array(c[0] == 0).all()):
            c[0] += k[i]
        else:
            tmp = step(c, n)
            tmp[0] += k[i] - val_f(lbnd, tmp)
            c = tmp
    return moveaxis(c, 0, iaxis)


# ---- roots -------------------------------------------------------------------------------------

def _roots(companion_f, c, linear):
    """Eigenvalues of the (reversed) companion matrix, sorted; `linear(c)` the degree-1 root."""
    [c] = as_series([c])
    if len(c) < 2:
        return array([], dtype=c.dtype)
    if len(c) == 2:
        return array([linear(c)])
    m = companion_f(c)[::-1, ::-1]
    r = linalg.eigvals(m)
    r.sort()
    return r
