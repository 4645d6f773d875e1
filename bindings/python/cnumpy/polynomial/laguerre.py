"""numpy.polynomial.laguerre (NumPy 1.24): Laguerre series (domain [0, 1]).

lagval runs in the library (cnp_poly_val, CNP_POLY_LAGUERRE: Clenshaw, one pass)."""
from .._convert import array
from .._creation import empty, zeros, arange
from .._ufunc_table import UFUNCS
from .. import linalg
from . import polyutils as pu
from ._polybase import ABCPolyBase
from .polynomial import polyadd, polysub, polymulx

__all__ = ["lagzero", "lagone", "lagx", "lagdomain", "lagline", "lagadd", "lagsub", "lagmulx",
           "lagmul", "lagdiv", "lagpow", "lagval", "lagder", "lagint", "lag2poly", "poly2lag",
           "lagfromroots", "lagvander", "lagfit", "lagtrim", "lagroots", "Laguerre",
           "lagval2d", "lagval3d", "laggrid2d", "laggrid3d", "lagvander2d", "lagvander3d",
           "lagcompanion", "laggauss", "lagweight"]

_exp, _abs = UFUNCS["exp"], UFUNCS["absolute"]
lagtrim = pu.trimcoef
lagdomain = array([0, 1])
lagzero = array([0])
lagone = array([1])
lagx = array([1, -1])


def lagline(off, scl):
    return array([off + scl, -scl]) if scl != 0 else array([off])


def poly2lag(pol):
    [pol] = pu.as_series([pol])
    res = 0
    for p in pol[::-1]:
        res = lagadd(lagmulx(res), p)
    return res


def lag2poly(c):
    [c] = pu.as_series([c])
    n = len(c)
    if n == 1:
        return c
    c0, c1 = c[-2], c[-1]
    for i in range(n - 1, 1, -1):
        tmp = c0
        c0 = polysub(c[i - 2], (c1 * (i - 1)) / i)
        c1 = polyadd(tmp, polysub((2 * i - 1) * c1, polymulx(c1)) / i)
    return polyadd(c0, polysub(c1, polymulx(c1)))


def lagfromroots(roots):
    return pu._fromroots(lagline, lagmul, roots)


def lagadd(c1, c2):
    return pu._add(c1, c2)


def lagsub(c1, c2):
    return pu._sub(c1, c2)


def lagmulx(c):
    [c] = pu.as_series([c])
    if len(c) == 1 and c[0] == 0:
        return c
    prd = empty(len(c) + 1, dtype=c.dtype)
    prd[0] = c[0]
    prd[1] = -c[0]
    for i in range(1, len(c)):
        prd[i + 1] = -c[i] * (i + 1)
        prd[i] += c[i] * (2 * i + 1)
        prd[i - 1] -= c[i] * i
    return prd


def lagmul(c1, c2):
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
            c0 = lagsub(c[-i] * xs, (c1 * (nd - 1)) / nd)
            c1 = lagadd(tmp, lagsub((2 * nd - 1) * c1, lagmulx(c1)) / nd)
    return lagadd(c0, lagsub(c1, lagmulx(c1)))


def lagdiv(c1, c2):
    return pu._div(lagmul, c1, c2)


def lagpow(c, pow, maxpower=16):
    return pu._pow(lagmul, c, pow, maxpower)


def _der_step(c, n):
    der = empty((n,) + c.shape[1:], dtype=c.dtype)
    for j in range(n, 1, -1):
        der[j - 1] = -c[j]
        c[j - 1] += c[j]
    der[0] = -c[1]
    return der


def lagder(c, m=1, scl=1, axis=0):
    return pu._der(_der_step, c, m, scl, axis)


def _int_step(c, n):
    tmp = empty((n + 1,) + c.shape[1:], dtype=c.dtype)
    tmp[0] = c[0]
    tmp[1] = -c[0]
    for j in range(1, n):
        tmp[j] += c[j]
        tmp[j + 1] = -c[j]
    return tmp


def lagint(c, m=1, k=[], lbnd=0, scl=1, axis=0):
    return pu._int(_int_step, lagval, c, m, k, lbnd, scl, axis)


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
            c1 = tmp + (c1 * (k(2 * nd - 1) - x)) / k(nd)
    return c0 + c1 * (k(1) - x)


def lagval(x, c, tensor=True):
    return pu._val(4, _val_py, x, c, tensor)


def lagval2d(x, y, c):
    return pu._valnd(lagval, c, x, y)


def laggrid2d(x, y, c):
    return pu._gridnd(lagval, c, x, y)


def lagval3d(x, y, z, c):
    return pu._valnd(lagval, c, x, y, z)


def laggrid3d(x, y, z, c):
    return pu._gridnd(lagval, c, x, y, z)


def lagvander(x, deg):
    return pu._vander(lambda v, x, i: 1 - x if i == 1 else
                      (v[i - 1] * (2 * i - 1 - x) - v[i - 2] * (i - 1)) / i, x, deg)


def lagvander2d(x, y, deg):
    return pu._vander_nd_flat((lagvander, lagvander), (x, y), deg)


def lagvander3d(x, y, z, deg):
    return pu._vander_nd_flat((lagvander, lagvander, lagvander), (x, y, z), deg)


def lagfit(x, y, deg, rcond=None, full=False, w=None):
    return pu._fit(lagvander, x, y, deg, rcond, full, w)


def lagcompanion(c):
    [c] = pu.as_series([c])
    if len(c) < 2:
        raise ValueError("Series must have maximum degree of at least 1.")
    if len(c) == 2:
        return array([[1 + c[0] / c[1]]])
    n = len(c) - 1
    mat = zeros((n, n), dtype=c.dtype)
    top = mat.reshape(-1)[1::n + 1]
    mid = mat.reshape(-1)[0::n + 1]
    bot = mat.reshape(-1)[n::n + 1]
    top[...] = -arange(1, n)
    mid[...] = 2.0 * arange(n) + 1.0
    bot[...] = top
    mat[:, -1] += c[:-1] / c[-1] * n
    return mat


def lagroots(c):
    return pu._roots(lagcompanion, c, lambda c: 1 + c[0] / c[1])


def laggauss(deg):
    ideg = pu._as_int(deg, "deg")
    if ideg <= 0:
        raise ValueError("deg must be a positive integer")
    c = array([0] * deg + [1])
    m = lagcompanion(c)
    x = linalg.eigvalsh(m)
    dy = lagval(x, c)
    df = lagval(x, lagder(c))
    x -= dy / df
    fm = lagval(x, c[1:])
    fm /= _abs(fm).max()
    df /= _abs(df).max()
    w = 1 / (fm * df)
    w /= w.sum()
    return x, w


def lagweight(x):
    return _exp(-x)


class Laguerre(ABCPolyBase):
    """numpy.polynomial.Laguerre: a Laguerre series."""
    _add = staticmethod(lagadd)
    _sub = staticmethod(lagsub)
    _mul = staticmethod(lagmul)
    _div = staticmethod(lagdiv)
    _pow = staticmethod(lagpow)
    _val = staticmethod(lagval)
    _int = staticmethod(lagint)
    _der = staticmethod(lagder)
    _fit = staticmethod(lagfit)
    _line = staticmethod(lagline)
    _roots = staticmethod(lagroots)
    _fromroots = staticmethod(lagfromroots)
    domain = array(lagdomain)
    window = array(lagdomain)
    basis_name = "L"
