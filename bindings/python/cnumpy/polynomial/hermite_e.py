"""numpy.polynomial.hermite_e (NumPy 1.24): probabilists' Hermite series.

hermeval runs in the library (cnp_poly_val, CNP_POLY_HERMITE_E: Clenshaw, one pass)."""
from .._convert import array
from .._creation import empty, zeros, arange, full
from .._joining import hstack
from .._ufunc_table import UFUNCS
from .. import linalg
from . import polyutils as pu
from ._polybase import ABCPolyBase
from .polynomial import polyadd, polysub, polymulx

__all__ = ["hermezero", "hermeone", "hermex", "hermedomain", "hermeline", "hermeadd",
           "hermesub", "hermemulx", "hermemul", "hermediv", "hermepow", "hermeval", "hermeder",
           "hermeint", "herme2poly", "poly2herme", "hermefromroots", "hermevander",
           "hermefit", "hermetrim", "hermeroots", "HermiteE", "hermeval2d", "hermeval3d",
           "hermegrid2d", "hermegrid3d", "hermevander2d", "hermevander3d", "hermecompanion",
           "hermegauss", "hermeweight"]

_sqrt, _exp, _abs, _multiply = (UFUNCS["sqrt"], UFUNCS["exp"], UFUNCS["absolute"],
                                UFUNCS["multiply"])
_PI = 3.141592653589793
hermetrim = pu.trimcoef
hermedomain = array([-1, 1])
hermezero = array([0])
hermeone = array([1])
hermex = array([0, 1])
hermeline = pu._line


def poly2herme(pol):
    [pol] = pu.as_series([pol])
    res = 0
    for i in range(len(pol) - 1, -1, -1):
        res = hermeadd(hermemulx(res), pol[i])
    return res


def herme2poly(c):
    [c] = pu.as_series([c])
    n = len(c)
    if n <= 2:
        return c
    c0, c1 = c[-2], c[-1]
    for i in range(n - 1, 1, -1):
        tmp = c0
        c0 = polysub(c[i - 2], c1 * (i - 1))
        c1 = polyadd(tmp, polymulx(c1))
    return polyadd(c0, polymulx(c1))


def hermefromroots(roots):
    return pu._fromroots(hermeline, hermemul, roots)


def hermeadd(c1, c2):
    return pu._add(c1, c2)


def hermesub(c1, c2):
    return pu._sub(c1, c2)


def hermemulx(c):
    [c] = pu.as_series([c])
    if len(c) == 1 and c[0] == 0:
        return c
    prd = empty(len(c) + 1, dtype=c.dtype)
    prd[0] = c[0] * 0
    prd[1] = c[0]
    for i in range(1, len(c)):
        prd[i + 1] = c[i]
        prd[i - 1] += c[i] * i
    return prd


def hermemul(c1, c2):
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
            c0 = hermesub(c[-i] * xs, c1 * (nd - 1))
            c1 = hermeadd(tmp, hermemulx(c1))
    return hermeadd(c0, hermemulx(c1))


def hermediv(c1, c2):
    return pu._div(hermemul, c1, c2)


def hermepow(c, pow, maxpower=16):
    return pu._pow(hermemul, c, pow, maxpower)


def _der_step(c, n):
    der = empty((n,) + c.shape[1:], dtype=c.dtype)
    for j in range(n, 0, -1):
        der[j - 1] = j * c[j]
    return der


def hermeder(c, m=1, scl=1, axis=0):
    return pu._der(_der_step, c, m, scl, axis)


def _int_step(c, n):
    tmp = empty((n + 1,) + c.shape[1:], dtype=c.dtype)
    tmp[0] = c[0] * 0
    tmp[1] = c[0]
    for j in range(1, n):
        tmp[j + 1] = c[j] / (j + 1)
    return tmp


def hermeint(c, m=1, k=[], lbnd=0, scl=1, axis=0):
    return pu._int(_int_step, hermeval, c, m, k, lbnd, scl, axis)


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
            c0 = c[-i] - c1 * k(nd - 1)
            c1 = tmp + c1 * x
    return c0 + c1 * x


def hermeval(x, c, tensor=True):
    return pu._val(6, _val_py, x, c, tensor)


def hermeval2d(x, y, c):
    return pu._valnd(hermeval, c, x, y)


def hermegrid2d(x, y, c):
    return pu._gridnd(hermeval, c, x, y)


def hermeval3d(x, y, z, c):
    return pu._valnd(hermeval, c, x, y, z)


def hermegrid3d(x, y, z, c):
    return pu._gridnd(hermeval, c, x, y, z)


def hermevander(x, deg):
    return pu._vander(lambda v, x, i: x if i == 1 else v[i - 1] * x - v[i - 2] * (i - 1),
                      x, deg)


def hermevander2d(x, y, deg):
    return pu._vander_nd_flat((hermevander, hermevander), (x, y), deg)


def hermevander3d(x, y, z, deg):
    return pu._vander_nd_flat((hermevander, hermevander, hermevander), (x, y, z), deg)


def hermefit(x, y, deg, rcond=None, full=False, w=None):
    return pu._fit(hermevander, x, y, deg, rcond, full, w)


def hermecompanion(c):
    [c] = pu.as_series([c])
    if len(c) < 2:
        raise ValueError("Series must have maximum degree of at least 1.")
    if len(c) == 2:
        return array([[-c[0] / c[1]]])
    n = len(c) - 1
    mat = zeros((n, n), dtype=c.dtype)
    scl = hstack((1.0, 1.0 / _sqrt(arange(n - 1, 0, -1))))
    scl = _multiply.accumulate(scl)[::-1]
    top = mat.reshape(-1)[1::n + 1]
    bot = mat.reshape(-1)[n::n + 1]
    top[...] = _sqrt(arange(1, n))
    bot[...] = top
    mat[:, -1] -= scl * c[:-1] / c[-1]
    return mat


def hermeroots(c):
    return pu._roots(hermecompanion, c, lambda c: -c[0] / c[1])


def _normed_hermite_e_n(x, n):
    if n == 0:
        return full(x.shape, 1 / _sqrt(_sqrt(2 * _PI)))
    c0 = 0.0
    c1 = 1.0 / _sqrt(_sqrt(2 * _PI))
    nd = float(n)
    for _ in range(n - 1):
        tmp = c0
        c0 = -c1 * _sqrt((nd - 1.0) / nd)
        c1 = tmp + c1 * x * _sqrt(1.0 / nd)
        nd = nd - 1.0
    return c0 + c1 * x


def hermegauss(deg):
    ideg = pu._as_int(deg, "deg")
    if ideg <= 0:
        raise ValueError("deg must be a positive integer")
    c = array([0] * deg + [1])
    m = hermecompanion(c)
    x = linalg.eigvalsh(m)
    dy = _normed_hermite_e_n(x, ideg)
    df = _normed_hermite_e_n(x, ideg - 1) * _sqrt(ideg)
    x -= dy / df
    fm = _normed_hermite_e_n(x, ideg - 1)
    fm /= _abs(fm).max()
    w = 1 / (fm * fm)
    w = (w + w[::-1]) / 2
    x = (x - x[::-1]) / 2
    w *= _sqrt(2 * _PI) / w.sum()
    return x, w


def hermeweight(x):
    return _exp(-0.5 * x ** 2)


class HermiteE(ABCPolyBase):
    """numpy.polynomial.HermiteE: a probabilists' Hermite series."""
    _add = staticmethod(hermeadd)
    _sub = staticmethod(hermesub)
    _mul = staticmethod(hermemul)
    _div = staticmethod(hermediv)
    _pow = staticmethod(hermepow)
    _val = staticmethod(hermeval)
    _int = staticmethod(hermeint)
    _der = staticmethod(hermeder)
    _fit = staticmethod(hermefit)
    _line = staticmethod(hermeline)
    _roots = staticmethod(hermeroots)
    _fromroots = staticmethod(hermefromroots)
    domain = array(hermedomain)
    window = array(hermedomain)
    basis_name = "He"
