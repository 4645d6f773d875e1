"""numpy.polynomial.polynomial (NumPy 1.24): power series, lowest degree first.

polyval runs in the library (cnp_poly_val, CNP_POLY_POWER: Horner from c[-1], one pass); the
rest follows NumPy's algorithms over cnumpy arrays (docs/polynomial.md)."""
from .._convert import array, as_array
from .._creation import empty
from .._ndarray import ndarray
from .._reduce import prod as _prod
from . import polyutils as pu
from ._polybase import ABCPolyBase
from .._polynomial_legacy import _convolve

__all__ = ["polyzero", "polyone", "polyx", "polydomain", "polyline", "polyadd", "polysub",
           "polymulx", "polymul", "polydiv", "polypow", "polyval", "polyvalfromroots",
           "polyder", "polyint", "polyfromroots", "polyvander", "polyfit", "polytrim",
           "polyroots", "Polynomial", "polyval2d", "polyval3d", "polygrid2d", "polygrid3d",
           "polyvander2d", "polyvander3d", "polycompanion"]

polytrim = pu.trimcoef
polydomain = array([-1, 1])
polyzero = array([0])
polyone = array([1])
polyx = array([0, 1])
polyline = pu._line


def polyfromroots(roots):
    return pu._fromroots(polyline, polymul, roots)


def polyadd(c1, c2):
    return pu._add(c1, c2)


def polysub(c1, c2):
    return pu._sub(c1, c2)


def polymulx(c):
    [c] = pu.as_series([c])
    if len(c) == 1 and c[0] == 0:
        return c
    prd = empty(len(c) + 1, dtype=c.dtype)
    prd[0] = c[0] * 0
    prd[1:] = c
    return prd


def polymul(c1, c2):
    [c1, c2] = pu.as_series([c1, c2])
    return pu.trimseq(_convolve(c1, c2))


def polydiv(c1, c2):
    """Synthetic division (NumPy's in-place loop)."""
    [c1, c2] = pu.as_series([c1, c2])
    if c2[-1] == 0:
        raise ZeroDivisionError()
    lc1, lc2 = len(c1), len(c2)
    if lc1 < lc2:
        return c1[:1] * 0, c1
    if lc2 == 1:
        return c1 / c2[-1], c1[:1] * 0
    scl = c2[-1]
    c2 = c2[:-1] / scl
    i, j = lc1 - lc2, lc1 - 1
    while i >= 0:
        c1[i:j] -= c2 * c1[j]
        i -= 1
        j -= 1
    return c1[j + 1:] / scl, pu.trimseq(c1[:j + 1])


def polypow(c, pow, maxpower=None):
    return pu._pow(_convolve, c, pow, maxpower)


def _der_step(c, n):
    der = empty((n,) + c.shape[1:], dtype=c.dtype)
    for j in range(n, 0, -1):
        der[j - 1] = j * c[j]
    return der


def polyder(c, m=1, scl=1, axis=0):
    return pu._der(_der_step, c, m, scl, axis)


def _int_step(c, n):
    tmp = empty((n + 1,) + c.shape[1:], dtype=c.dtype)
    tmp[0] = c[0] * 0
    tmp[1] = c[0]
    for j in range(1, n):
        tmp[j + 1] = c[j] / (j + 1)
    return tmp


def polyint(c, m=1, k=[], lbnd=0, scl=1, axis=0):
    return pu._int(_int_step, polyval, c, m, k, lbnd, scl, axis)


def _val_py(x, c, k=int):
    c0 = c[-1] + x * k(0)
    for i in range(2, len(c) + 1):
        c0 = c[-i] + c0 * x
    return c0


def polyval(x, c, tensor=True):
    return pu._val(1, _val_py, x, c, tensor)


def polyvalfromroots(x, r, tensor=True):
    r = pu._coef_array(r)
    if isinstance(x, (tuple, list)):
        x = as_array(x)
    if isinstance(x, ndarray):
        if tensor:
            r = r.reshape(r.shape + (1,) * x.ndim)
        elif x.ndim >= r.ndim:
            raise ValueError("x.ndim must be < r.ndim when tensor == False")
    return _prod(x - r, axis=0)


def polyval2d(x, y, c):
    return pu._valnd(polyval, c, x, y)


def polygrid2d(x, y, c):
    return pu._gridnd(polyval, c, x, y)


def polyval3d(x, y, z, c):
    return pu._valnd(polyval, c, x, y, z)


def polygrid3d(x, y, z, c):
    return pu._gridnd(polyval, c, x, y, z)


def polyvander(x, deg):
    return pu._vander(lambda v, x, i: x if i == 1 else v[i - 1] * x, x, deg)


def polyvander2d(x, y, deg):
    return pu._vander_nd_flat((polyvander, polyvander), (x, y), deg)


def polyvander3d(x, y, z, deg):
    return pu._vander_nd_flat((polyvander, polyvander, polyvander), (x, y, z), deg)


def polyfit(x, y, deg, rcond=None, full=False, w=None):
    return pu._fit(polyvander, x, y, deg, rcond, full, w)


def polycompanion(c):
    """The companion matrix (ones below the diagonal, -c[:-1]/c[-1] in the last column)."""
    [c] = pu.as_series([c])
    if len(c) < 2:
        raise ValueError("Series must have maximum degree of at least 1.")
    if len(c) == 2:
        return array([[-c[0] / c[1]]])
    n = len(c) - 1
    mat = pu.zeros((n, n), dtype=c.dtype)
    bot = mat.reshape(-1)[n::n + 1]
    bot[...] = 1
    mat[:, -1] -= c[:-1] / c[-1]
    return mat


def polyroots(c):
    return pu._roots(polycompanion, c, lambda c: -c[0] / c[1])


class Polynomial(ABCPolyBase):
    """numpy.polynomial.Polynomial: a power series."""
    _add = staticmethod(polyadd)
    _sub = staticmethod(polysub)
    _mul = staticmethod(polymul)
    _div = staticmethod(polydiv)
    _pow = staticmethod(polypow)
    _val = staticmethod(polyval)
    _int = staticmethod(polyint)
    _der = staticmethod(polyder)
    _fit = staticmethod(polyfit)
    _line = staticmethod(polyline)
    _roots = staticmethod(polyroots)
    _fromroots = staticmethod(polyfromroots)
    domain = array(polydomain)
    window = array(polydomain)
    basis_name = None

    @classmethod
    def _str_term_unicode(cls, i, arg_str):
        if i == "1":
            return f"·{arg_str}"
        return f"·{arg_str}{i.translate(cls._superscript_mapping)}"

    @staticmethod
    def _str_term_ascii(i, arg_str):
        if i == "1":
            return f" {arg_str}"
        return f" {arg_str}**{i}"

    @staticmethod
    def _repr_latex_term(i, arg_str, needs_parens):
        if needs_parens:
            arg_str = rf"\left({arg_str}\right)"
        if i == 0:
            return "1"
        elif i == 1:
            return arg_str
        return f"{arg_str}^{{{i}}}"
