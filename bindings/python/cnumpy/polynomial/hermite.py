"""numpy.polynomial.hermite (NumPy 1.24): physicists' Hermite series.

hermval runs in the library (cnp_poly_val, CNP_POLY_HERMITE: Clenshaw, one pass)."""
from .._convert import array
from .._creation import empty, zeros, arange, full
from .._joining import hstack
from .._ufunc_table import UFUNCS
from .. import linalg
from . import polyutils as pu
from ._polybase import ABCPolyBase
from .polynomial import polyadd, polysub, polymulx

__all__ = ["hermzero", "hermone", "hermx", "hermdomain", "hermline", "hermadd", "hermsub",
           "hermmulx", "hermmul", "hermdiv", "hermpow", "hermval", "hermder", "hermint",
           "herm2poly", "poly2herm", "hermfromroots", "hermvander", "hermfit", "hermtrim",
           "hermroots", "Hermite", "hermval2d", "hermval3d", "hermgrid2d", "hermgrid3d",
           "hermvander2d", "hermvander3d", "hermcompanion", "hermgauss", "hermweight"]

_sqrt, _exp, _abs, _multiply = (UFUNCS["sqrt"], UFUNCS["exp"], UFUNCS["absolute"],
                                UFUNCS["multiply"])
_PI = 3.141592653589793
hermtrim = pu.trimcoef
hermdomain = array([-1, 1])
hermzero = array([0])
hermone = array([1])
hermx = array([0, 1 / 2])


def hermline(off, scl):
    return array([off, scl / 2]) if scl != 0 else array([off])


def poly2herm(pol):
    [pol] = pu.as_series([pol])
    res = 0
    for i in range(len(pol) - 1, -1, -1):
        res = hermadd(hermmulx(res), pol[i])
    return res


def herm2poly(c):
    [c] = pu.as_series([c])
    n = len(c)
    if n == 1:
        return c
    if n == 2:
        c[1] *= 2
        return c
    c0, c1 = c[-2], c[-1]
    for i in range(n - 1, 1, -1):
        tmp = c0
        c0 = polysub(c[i - 2], c1 * (2 * (i - 1)))
        c1 = polyadd(tmp, polymulx(c1) * 2)
    return polyadd(c0, polymulx(c1) * 2)


def hermfromroots(roots):
    return pu._fromroots(hermline, hermmul, roots)


def hermadd(c1, c2):
    return pu._add(c1, c2)


def hermsub(c1, c2):
    return pu._sub(c1, c2)


def hermmulx(c):
    [c] = pu.as_series([c])
    if len(c) == 1 and c[0] == 0:
        return c
    prd = empty(len(c) + 1, dtype=c.dtype)
    prd[0] = c[0] * 0
    prd[1] = c[0] / 2
    for i in range(1, len(c)):
        prd[i + 1] = c[i] / 2
        prd[i - 1] += c[i] * i
    return prd


def hermmul(c1, c2):
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
            c0 = hermsub(c[-i] * xs, c1 * (2 * (nd - 1)))
            c1 = hermadd(tmp, hermmulx(c1) * 2)
    return hermadd(c0, hermmulx(c1) * 2)


def hermdiv(c1, c2):
    return pu._div(hermmul, c1, c2)


def hermpow(c, pow, maxpower=16):
    return pu._pow(hermmul, c, pow, maxpower)


def _der_step(c, n):
    der = empty((n,) + c.shape[1:], dtype=c.dtype)
    for j in range(n, 0, -1):
        der[j - 1] = (2 * j) * c[j]
    return der


def hermder(c, m=1, scl=1, axis=0):
    return pu._der(_der_step, c, m, scl, axis)


def _int_step(c, n):
    tmp = empty((n + 1,) + c.shape[1:], dtype=c.dtype)
    tmp[0] = c[0] * 0
    tmp[1] = c[0] / 2
    for j in range(1, n):
        tmp[j + 1] = c[j] / (2 * (j + 1))
    return tmp


def hermint(c, m=1, k=[], lbnd=0, scl=1, axis=0):
    return pu._int(_int_step, hermval, c, m, k, lbnd, scl, axis)


def _val_py(x, c, k=int):
    x2 = x * k(2)
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
            c0 = c[-i] - c1 * k(2 * (nd - 1))
            c1 = tmp + c1 * x2
    return c0 + c1 * x2


def hermval(x, c, tensor=True):
    return pu._val(5, _val_py, x, c, tensor)


def hermval2d(x, y, c):
    return pu._valnd(hermval, c, x, y)


def hermgrid2d(x, y, c):
    return pu._gridnd(hermval, c, x, y)


def hermval3d(x, y, z, c):
    return pu._valnd(hermval, c, x, y, z)


def hermgrid3d(x, y, z, c):
    return pu._gridnd(hermval, c, x, y, z)


def hermvander(x, deg):
    return pu._vander(lambda v, x, i: x * 2 if i == 1 else
                      v[i - 1] * (x * 2) - v[i - 2] * (2 * (i - 1)), x, deg)


def hermvander2d(x, y, deg):
    return pu._vander_nd_flat((hermvander, hermvander), (x, y), deg)


def hermvander3d(x, y, z, deg):
    return pu._vander_nd_flat((hermvander, hermvander, hermvander), (x, y, z), deg)


def hermfit(x, y, deg, rcond=None, full=False, w=None):
    return pu._fit(hermvander, x, y, deg, rcond, full, w)


def hermcompanion(c):
    [c] = pu.as_series([c])
    if len(c) < 2:
        raise ValueError("Series must have maximum degree of at least 1.")
    if len(c) == 2:
        return array([[-0.5 * c[0] / c[1]]])
    n = len(c) - 1
    mat = zeros((n, n), dtype=c.dtype)
    scl = hstack((1.0, 1.0 / _sqrt(2.0 * arange(n - 1, 0, -1))))
    scl = _multiply.accumulate(scl)[::-1]
    top = mat.reshape(-1)[1::n + 1]
    bot = mat.reshape(-1)[n::n + 1]
    top[...] = _sqrt(0.5 * arange(1, n))
    bot[...] = top
    mat[:, -1] -= scl * c[:-1] / (2.0 * c[-1])
    return mat


def hermroots(c):
    return pu._roots(hermcompanion, c, lambda c: -0.5 * c[0] / c[1])


def _normed_hermite_n(x, n):
    """The normalised H_n at x, by the stable recurrence (no overflow for large n)."""
    if n == 0:
        return full(x.shape, 1 / _sqrt(_sqrt(_PI)))
    c0 = 0.0
    c1 = 1.0 / _sqrt(_sqrt(_PI))
    nd = float(n)
    for _ in range(n - 1):
        tmp = c0
        c0 = -c1 * _sqrt((nd - 1.0) / nd)
        c1 = tmp + c1 * x * _sqrt(2.0 / nd)
        nd = nd - 1.0
    return c0 + c1 * x * _sqrt(2)


def hermgauss(deg):
    ideg = pu._as_int(deg, "deg")
    if ideg <= 0:
        raise ValueError("deg must be a positive integer")
    c = array([0] * deg + [1], dtype="float64")
    m = hermcompanion(c)
    x = linalg.eigvalsh(m)
    dy = _normed_hermite_n(x, ideg)
    df = _normed_hermite_n(x, ideg - 1) * _sqrt(2 * ideg)
    x -= dy / df
    fm = _normed_hermite_n(x, ideg - 1)
    fm /= _abs(fm).max()
    w = 1 / (fm * fm)
    w = (w + w[::-1]) / 2
    x = (x - x[::-1]) / 2
    w *= _sqrt(_PI) / w.sum()
    return x, w


def hermweight(x):
    return _exp(-x ** 2)


class Hermite(ABCPolyBase):
    """numpy.polynomial.Hermite: a physicists' Hermite series."""
    _add = staticmethod(hermadd)
    _sub = staticmethod(hermsub)
    _mul = staticmethod(hermmul)
    _div = staticmethod(hermdiv)
    _pow = staticmethod(hermpow)
    _val = staticmethod(hermval)
    _int = staticmethod(hermint)
    _der = staticmethod(hermder)
    _fit = staticmethod(hermfit)
    _line = staticmethod(hermline)
    _roots = staticmethod(hermroots)
    _fromroots = staticmethod(hermfromroots)
    domain = array(hermdomain)
    window = array(hermdomain)
    basis_name = "H"
