"""numpy.polynomial.legendre (NumPy 1.24): Legendre series.

legval runs in the library (cnp_poly_val, CNP_POLY_LEGENDRE: Clenshaw, one pass)."""
from .._convert import array
from .._creation import empty, zeros, arange
from .._ufunc_table import UFUNCS
from .. import linalg
from . import polyutils as pu
from ._polybase import ABCPolyBase
from .polynomial import polyadd, polysub, polymulx

__all__ = ["legzero", "legone", "legx", "legdomain", "legline", "legadd", "legsub", "legmulx",
           "legmul", "legdiv", "legpow", "legval", "legder", "legint", "leg2poly", "poly2leg",
           "legfromroots", "legvander", "legfit", "legtrim", "legroots", "Legendre",
           "legval2d", "legval3d", "leggrid2d", "leggrid3d", "legvander2d", "legvander3d",
           "legcompanion", "leggauss", "legweight"]

_sqrt, _abs = UFUNCS["sqrt"], UFUNCS["absolute"]
legtrim = pu.trimcoef
legdomain = array([-1, 1])
legzero = array([0])
legone = array([1])
legx = array([0, 1])
legline = pu._line


def poly2leg(pol):
    [pol] = pu.as_series([pol])
    res = 0
    for i in range(len(pol) - 1, -1, -1):
        res = legadd(legmulx(res), pol[i])
    return res


def leg2poly(c):
    [c] = pu.as_series([c])
    n = len(c)
    if n < 3:
        return c
    c0, c1 = c[-2], c[-1]
    for i in range(n - 1, 1, -1):
        tmp = c0
        c0 = polysub(c[i - 2], (c1 * (i - 1)) / i)
        c1 = polyadd(tmp, (polymulx(c1) * (2 * i - 1)) / i)
    return polyadd(c0, polymulx(c1))


def legfromroots(roots):
    return pu._fromroots(legline, legmul, roots)


def legadd(c1, c2):
    return pu._add(c1, c2)


def legsub(c1, c2):
    return pu._sub(c1, c2)


def legmulx(c):
    [c] = pu.as_series([c])
    if len(c) == 1 and c[0] == 0:
        return c
    prd = empty(len(c) + 1, dtype=c.dtype)
    prd[0] = c[0] * 0
    prd[1] = c[0]
    for i in range(1, len(c)):
        j, k, s = i + 1, i - 1, 2 * i + 1
        prd[j] = (c[i] * j) / s
        prd[k] += (c[i] * i) / s
    return prd


def legmul(c1, c2):
    """Clenshaw's recurrence over the shorter series with legmulx."""
    [c1, c2] = pu.as_series([c1, c2])
    c, xs = (c2, c1) if len(c1) > len(c2) else (c1, c2)
    if len(c) == 1:
        c0, c1 = c[0] * xs, 0
    elif len(c) == 2:
        c0, c1 = c[0] * xs, c[1] * xs
    else:
        nd = len(c)
        c0, c1 = c[-2] * xs, c[-1] * xs
        for i in range(3, len(c) + 1):
            tmp = c0
            nd = nd - 1
            c0 = legsub(c[-i] * xs, (c1 * (nd - 1)) / nd)
            c1 = legadd(tmp, (legmulx(c1) * (2 * nd - 1)) / nd)
    return legadd(c0, legmulx(c1))


def legdiv(c1, c2):
    return pu._div(legmul, c1, c2)


def legpow(c, pow, maxpower=16):
    return pu._pow(legmul, c, pow, maxpower)


def _der_step(c, n):
    der = empty((n,) + c.shape[1:], dtype=c.dtype)
    for j in range(n, 2, -1):
        der[j - 1] = (2 * j - 1) * c[j]
        c[j - 2] += c[j]
    if n > 1:
        der[1] = 3 * c[2]
    der[0] = c[1]
    return der


def legder(c, m=1, scl=1, axis=0):
    return pu._der(_der_step, c, m, scl, axis)


def _int_step(c, n):
    tmp = empty((n + 1,) + c.shape[1:], dtype=c.dtype)
    tmp[0] = c[0] * 0
    tmp[1] = c[0]
    if n > 1:
        tmp[2] = c[1] / 3
    for j in range(2, n):
        t = c[j] / (2 * j + 1)
        tmp[j + 1] = t
        tmp[j - 1] -= t
    return tmp


def legint(c, m=1, k=[], lbnd=0, scl=1, axis=0):
    return pu._int(_int_step, legval, c, m, k, lbnd, scl, axis)


def _val_py(x, c, k=int):
    if len(c) == 1:
        c0, c1 = c[0], k(0)
    elif len(c) == 2:
        c0, c1 = c[0], c[1]
    else:
        nd = len(c)
        c0, c1 = c[-2], c[-1]
        for i in range(3, len(c) + 1):
            tmp = c0
            nd = nd - 1
            c0 = c[-i] - (c1 * k(nd - 1)) / k(nd)
            c1 = tmp + (c1 * x * k(2 * nd - 1)) / k(nd)
    return c0 + c1 * x


def legval(x, c, tensor=True):
    return pu._val(3, _val_py, x, c, tensor)


def legval2d(x, y, c):
    return pu._valnd(legval, c, x, y)


def leggrid2d(x, y, c):
    return pu._gridnd(legval, c, x, y)


def legval3d(x, y, z, c):
    return pu._valnd(legval, c, x, y, z)


def leggrid3d(x, y, z, c):
    return pu._gridnd(legval, c, x, y, z)


def legvander(x, deg):
    return pu._vander(lambda v, x, i: x if i == 1 else
                      (v[i - 1] * x * (2 * i - 1) - v[i - 2] * (i - 1)) / i, x, deg)


def legvander2d(x, y, deg):
    return pu._vander_nd_flat((legvander, legvander), (x, y), deg)


def legvander3d(x, y, z, deg):
    return pu._vander_nd_flat((legvander, legvander, legvander), (x, y, z), deg)


def legfit(x, y, deg, rcond=None, full=False, w=None):
    return pu._fit(legvander, x, y, deg, rcond, full, w)


def legcompanion(c):
    [c] = pu.as_series([c])
    if len(c) < 2:
        raise ValueError("Series must have maximum degree of at least 1.")
    if len(c) == 2:
        return array([[-c[0] / c[1]]])
    n = len(c) - 1
    mat = zeros((n, n), dtype=c.dtype)
    scl = 1.0 / _sqrt(2 * arange(n) + 1)
    top = mat.reshape(-1)[1::n + 1]
    bot = mat.reshape(-1)[n::n + 1]
    top[...] = arange(1, n) * scl[:n - 1] * scl[1:n]
    bot[...] = top
    mat[:, -1] -= c[:-1] / c[-1] * (scl / scl[-1]) * (n / (2 * n - 1))
    return mat


def legroots(c):
    return pu._roots(legcompanion, c, lambda c: -c[0] / c[1])


def leggauss(deg):
    """Gauss-Legendre nodes and weights: companion eigenvalues, one Newton step."""
    ideg = pu._as_int(deg, "deg")
    if ideg <= 0:
        raise ValueError("deg must be a positive integer")
    c = array([0] * deg + [1])
    m = legcompanion(c)
    x = linalg.eigvalsh(m)
    dy = legval(x, c)
    df = legval(x, legder(c))
    x -= dy / df
    fm = legval(x, c[1:])
    fm /= _abs(fm).max()
    df /= _abs(df).max()
    w = 1 / (fm * df)
    w = (w + w[::-1]) / 2
    x = (x - x[::-1]) / 2
    w *= 2.0 / w.sum()
    return x, w


def legweight(x):
    return x * 0.0 + 1.0


class Legendre(ABCPolyBase):
    """numpy.polynomial.Legendre: a Legendre series."""
    _add = staticmethod(legadd)
    _sub = staticmethod(legsub)
    _mul = staticmethod(legmul)
    _div = staticmethod(legdiv)
    _pow = staticmethod(legpow)
    _val = staticmethod(legval)
    _int = staticmethod(legint)
    _der = staticmethod(legder)
    _fit = staticmethod(legfit)
    _line = staticmethod(legline)
    _roots = staticmethod(legroots)
    _fromroots = staticmethod(legfromroots)
    domain = array(legdomain)
    window = array(legdomain)
    basis_name = "P"
