"""numpy.polynomial.chebyshev (NumPy 1.24): Chebyshev series of the first kind.

chebval runs in the library (cnp_poly_val, CNP_POLY_CHEBYSHEV: Clenshaw, one pass);
multiplication and division go through NumPy's z-series (c_n (z^n + z^-n)/2)."""
from .._convert import array
from .._creation import empty, zeros, ones, arange, linspace
from .._products import dot
from .._ufunc_table import UFUNCS
from .._polynomial_legacy import _convolve
from . import polyutils as pu
from ._polybase import ABCPolyBase
from .polynomial import polyadd, polysub, polymulx

__all__ = ["chebzero", "chebone", "chebx", "chebdomain", "chebline", "chebadd", "chebsub",
           "chebmulx", "chebmul", "chebdiv", "chebpow", "chebval", "chebder", "chebint",
           "cheb2poly", "poly2cheb", "chebfromroots", "chebvander", "chebfit", "chebtrim",
           "chebroots", "chebpts1", "chebpts2", "Chebyshev", "chebval2d", "chebval3d",
           "chebgrid2d", "chebgrid3d", "chebvander2d", "chebvander3d", "chebcompanion",
           "chebgauss", "chebweight", "chebinterpolate"]

_sqrt, _cos, _sin = UFUNCS["sqrt"], UFUNCS["cos"], UFUNCS["sin"]
_PI = 3.141592653589793
chebtrim = pu.trimcoef
chebdomain = array([-1, 1])
chebzero = array([0])
chebone = array([1])
chebx = array([0, 1])
chebline = pu._line


# ---- z-series: a Chebyshev series as a symmetric Laurent series in z ---------------------------

def _cseries_to_zseries(c):
    n = c.size
    zs = zeros(2 * n - 1, dtype=c.dtype)
    zs[n - 1:] = c / 2
    return zs + zs[::-1]


def _zseries_to_cseries(zs):
    n = (zs.size + 1) // 2
    c = zs[n - 1:].copy()
    c[1:n] *= 2
    return c


def _zseries_div(z1, z2):
    """Division of symmetric z-series, eliminating from both ends at once."""
    z1 = z1.copy()
    z2 = z2.copy()
    lc1, lc2 = len(z1), len(z2)
    if lc2 == 1:
        z1 /= z2
        return z1, z1[:1] * 0
    if lc1 < lc2:
        return z1[:1] * 0, z1
    dlen = lc1 - lc2
    scl = z2[0]
    z2 /= scl
    quo = empty(dlen + 1, dtype=z1.dtype)
    i, j = 0, dlen
    while i < j:
        r = z1[i]
        quo[i] = z1[i]
        quo[dlen - i] = r
        tmp = r * z2
        z1[i:i + lc2] -= tmp
        z1[j:j + lc2] -= tmp
        i += 1
        j -= 1
    r = z1[i]
    quo[i] = r
    tmp = r * z2
    z1[i:i + lc2] -= tmp
    quo /= scl
    rem = z1[i + 1:i - 1 + lc2].copy()
    return quo, rem


def poly2cheb(pol):
    [pol] = pu.as_series([pol])
    res = 0
    for i in range(len(pol) - 1, -1, -1):
        res = chebadd(chebmulx(res), pol[i])
    return res


def cheb2poly(c):
    [c] = pu.as_series([c])
    n = len(c)
    if n < 3:
        return c
    c0, c1 = c[-2], c[-1]
    for i in range(n - 1, 1, -1):
        tmp = c0
        c0 = polysub(c[i - 2], c1)
        c1 = polyadd(tmp, polymulx(c1) * 2)
    return polyadd(c0, polymulx(c1))


def chebfromroots(roots):
    return pu._fromroots(chebline, chebmul, roots)


def chebadd(c1, c2):
    return pu._add(c1, c2)


def chebsub(c1, c2):
    return pu._sub(c1, c2)


def chebmulx(c):
    [c] = pu.as_series([c])
    if len(c) == 1 and c[0] == 0:
        return c
    prd = empty(len(c) + 1, dtype=c.dtype)
    prd[0] = c[0] * 0
    prd[1] = c[0]
    if len(c) > 1:
        tmp = c[1:] / 2
        prd[2:] = tmp
        prd[0:-2] += tmp
    return prd


def chebmul(c1, c2):
    [c1, c2] = pu.as_series([c1, c2])
    prd = _convolve(_cseries_to_zseries(c1), _cseries_to_zseries(c2))
    return pu.trimseq(_zseries_to_cseries(prd))


def chebdiv(c1, c2):
    [c1, c2] = pu.as_series([c1, c2])
    if c2[-1] == 0:
        raise ZeroDivisionError()
    lc1, lc2 = len(c1), len(c2)
    if lc1 < lc2:
        return c1[:1] * 0, c1
    if lc2 == 1:
        return c1 / c2[-1], c1[:1] * 0
    quo, rem = _zseries_div(_cseries_to_zseries(c1), _cseries_to_zseries(c2))
    return (pu.trimseq(_zseries_to_cseries(quo)), pu.trimseq(_zseries_to_cseries(rem)))


def chebpow(c, pow, maxpower=16):
    [c] = pu.as_series([c])
    power = int(pow)
    if power != pow or power < 0:
        raise ValueError("Power must be a non-negative integer.")
    elif maxpower is not None and power > maxpower:
        raise ValueError("Power is too large")
    elif power == 0:
        return array([1], dtype=c.dtype)
    elif power == 1:
        return c
    zs = _cseries_to_zseries(c)
    prd = zs
    for _ in range(2, power + 1):
        prd = _convolve(prd, zs)
    return _zseries_to_cseries(prd)


def _der_step(c, n):
    der = empty((n,) + c.shape[1:], dtype=c.dtype)
    for j in range(n, 2, -1):
        der[j - 1] = (2 * j) * c[j]
        c[j - 2] += (j * c[j]) / (j - 2)
    if n > 1:
        der[1] = 4 * c[2]
    der[0] = c[1]
    return der


def chebder(c, m=1, scl=1, axis=0):
    return pu._der(_der_step, c, m, scl, axis)


def _int_step(c, n):
    tmp = empty((n + 1,) + c.shape[1:], dtype=c.dtype)
    tmp[0] = c[0] * 0
    tmp[1] = c[0]
    if n > 1:
        tmp[2] = c[1] / 4
    for j in range(2, n):
        tmp[j + 1] = c[j] / (2 * (j + 1))
        tmp[j - 1] -= c[j] / (2 * (j - 1))
    return tmp


def chebint(c, m=1, k=[], lbnd=0, scl=1, axis=0):
    return pu._int(_int_step, chebval, c, m, k, lbnd, scl, axis)


def _val_py(x, c, k=int):
    if len(c) == 1:
        c0, c1 = c[0], k(0)
    elif len(c) == 2:
        c0, c1 = c[0], c[1]
    else:
        x2 = k(2) * x
        c0, c1 = c[-2], c[-1]
        for i in range(3, len(c) + 1):
            tmp = c0
            c0 = c[-i] - c1
            c1 = tmp + c1 * x2
    return c0 + c1 * x


def chebval(x, c, tensor=True):
    return pu._val(2, _val_py, x, c, tensor)


def chebval2d(x, y, c):
    return pu._valnd(chebval, c, x, y)


def chebgrid2d(x, y, c):
    return pu._gridnd(chebval, c, x, y)


def chebval3d(x, y, z, c):
    return pu._valnd(chebval, c, x, y, z)


def chebgrid3d(x, y, z, c):
    return pu._gridnd(chebval, c, x, y, z)


def chebvander(x, deg):
    return pu._vander(lambda v, x, i: x if i == 1 else v[i - 1] * (2 * x) - v[i - 2], x, deg)


def chebvander2d(x, y, deg):
    return pu._vander_nd_flat((chebvander, chebvander), (x, y), deg)


def chebvander3d(x, y, z, deg):
    return pu._vander_nd_flat((chebvander, chebvander, chebvander), (x, y, z), deg)


def chebfit(x, y, deg, rcond=None, full=False, w=None):
    return pu._fit(chebvander, x, y, deg, rcond, full, w)


def chebcompanion(c):
    """The scaled companion matrix (symmetric when c is a basis polynomial)."""
    [c] = pu.as_series([c])
    if len(c) < 2:
        raise ValueError("Series must have maximum degree of at least 1.")
    if len(c) == 2:
        return array([[-c[0] / c[1]]])
    n = len(c) - 1
    mat = zeros((n, n), dtype=c.dtype)
    scl = array([1.0] + [float(_sqrt(0.5))] * (n - 1))
    top = mat.reshape(-1)[1::n + 1]
    bot = mat.reshape(-1)[n::n + 1]
    top[0] = _sqrt(0.5)
    top[1:] = 1 / 2
    bot[...] = top
    mat[:, -1] -= c[:-1] / c[-1] * (scl / scl[-1]) * 0.5
    return mat


def chebroots(c):
    return pu._roots(chebcompanion, c, lambda c: -c[0] / c[1])


def chebinterpolate(func, deg, args=()):
    """The Chebyshev series interpolating func at the Chebyshev points of the first kind."""
    deg = array(deg)
    if deg.ndim > 0 or deg.dtype.kind not in "iu" or deg.size == 0:
        raise TypeError("deg must be an int")
    if deg < 0:
        raise ValueError("expected deg >= 0")
    deg = int(deg)
    order = deg + 1
    xcheb = chebpts1(order)
    yfunc = func(xcheb, *args)
    m = chebvander(xcheb, deg)
    c = dot(m.T, yfunc)
    c[0] /= order
    c[1:] /= 0.5 * order
    return c


def chebgauss(deg):
    ideg = pu._as_int(deg, "deg")
    if ideg <= 0:
        raise ValueError("deg must be a positive integer")
    x = _cos(_PI * arange(1, 2 * ideg, 2) / (2.0 * ideg))
    w = ones(ideg) * (_PI / ideg)
    return x, w


def chebweight(x):
    return 1.0 / (_sqrt(1.0 + x) * _sqrt(1.0 - x))


def chebpts1(npts):
    _npts = int(npts)
    if _npts != npts:
        raise ValueError("npts must be integer")
    if _npts < 1:
        raise ValueError("npts must be >= 1")
    x = 0.5 * _PI / _npts * arange(-_npts + 1, _npts + 1, 2)
    return _sin(x)


def chebpts2(npts):
    _npts = int(npts)
    if _npts != npts:
        raise ValueError("npts must be integer")
    if _npts < 2:
        raise ValueError("npts must be >= 2")
    return _cos(linspace(-_PI, 0, _npts))


class Chebyshev(ABCPolyBase):
    """numpy.polynomial.Chebyshev: a Chebyshev series."""
    _add = staticmethod(chebadd)
    _sub = staticmethod(chebsub)
    _mul = staticmethod(chebmul)
    _div = staticmethod(chebdiv)
    _pow = staticmethod(chebpow)
    _val = staticmethod(chebval)
    _int = staticmethod(chebint)
    _der = staticmethod(chebder)
    _fit = staticmethod(chebfit)
    _line = staticmethod(chebline)
    _roots = staticmethod(chebroots)
    _fromroots = staticmethod(chebfromroots)

    @classmethod
    def interpolate(cls, func, deg, domain=None, args=()):
        if domain is None:
            domain = cls.domain

        def xfunc(x):
            return func(pu.mapdomain(x, cls.window, domain), *args)
        return cls(chebinterpolate(xfunc, deg), domain=domain)

    domain = array(chebdomain)
    window = array(chebdomain)
    basis_name = "T"
