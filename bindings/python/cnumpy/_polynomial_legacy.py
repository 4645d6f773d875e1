"""numpy.lib.polynomial (NumPy 1.24): poly, roots, polyint, polyder, polyfit, polyval, polyadd,
polysub, polymul, polydiv, poly1d, RankWarning, and numpy.vander.

Coefficients are highest degree first. polyval's loop runs in the library (cnp_poly_val with
CNP_POLY_LEGACY: NumPy's `y = y*x + p[i]` per point, one pass); fitting and roots go through
linalg (lstsq, eigvals) as NumPy's do. The helpers at the bottom (_convolve, _common_type,
_format_float, ...) also serve cnumpy.polynomial (docs/polynomial.md)."""
import decimal
import math
import numbers
import re
import struct
import warnings

from ._capi import cfunc, produce
from ._casting import promote_types
from ._convert import array, asarray, as_array
from ._creation import zeros, ones, arange, zeros_like, empty
from ._dtype import dtype as _dtype
from ._joining import concatenate, hstack
from ._numeric import convolve
from ._ndarray import ndarray
from ._print import get_printoptions
from ._rearranging import trim_zeros
from ._selection import diag, nonzero
from ._sorting import sort
from ._ufunc_table import UFUNCS
from . import linalg

_poly_val = cfunc("cnp_poly_val")
_sqrt, _logical_or = UFUNCS["sqrt"], UFUNCS["logical_or"]

__all__ = ["poly", "roots", "polyint", "polyder", "polyadd", "polysub", "polymul", "polydiv",
           "polyval", "poly1d", "polyfit", "RankWarning", "vander"]

_KERNEL_TYPES = ("float32", "float64", "complex64", "complex128")


class RankWarning(UserWarning):
    """Issued by polyfit when the Vandermonde matrix is rank deficient."""


RankWarning.__module__ = "cnumpy"


# ---- helpers shared with cnumpy.polynomial ------------------------------------------------------

def _is_scalar(x):
    """numpy.isscalar."""
    return isinstance(x, (numbers.Number, str, bytes)) or (
        hasattr(x, "dtype") and not isinstance(x, ndarray))


def _iterable(x):
    try:
        iter(x)
    except TypeError:
        return False
    return True


def _common_type(*arrays):
    """numpy.common_type: integers count as float64; bool/object have none (TypeError)."""
    prec = 0
    is_complex = False
    for a in arrays:
        k = a.dtype.kind
        if k == "c":
            is_complex = True
            prec = max(prec, a.dtype.itemsize // 2)
        elif k == "f":
            prec = max(prec, a.dtype.itemsize)
        elif k in "iu":
            prec = max(prec, 8)
        else:
            raise TypeError("can't get common type for non-numeric array")
    name = {2: "float16", 4: "float32", 8: "float64"}[prec]
    if is_complex:
        name = {"float16": "complex64", "float32": "complex64", "float64": "complex128"}[name]
    return _dtype(name)


def _mintypecode_of(a):
    """numpy.lib.polynomial.poly's astype(mintypecode(dt.char)): 'd' unless complex ('D')."""
    return "complex128" if a.dtype.kind == "c" else "float64"


def _convolve(a, v):
    """numpy.convolve(a, v, mode='full') of two 1-D arrays: the library's kernel, which sums
    in NumPy's order (so products of series are NumPy's bit for bit)."""
    a = asarray(a)
    v = asarray(v)
    if a.ndim != 1 or v.ndim != 1:
        raise ValueError("object too deep for desired array")
    return convolve(a, v, "full")


def _format_float(x, parens=False):
    """numpy.polynomial.polyutils.format_float: Dragon4 in unique mode with the print options'
    precision as the cutoff (positional, or scientific for |x| >= 1e8 or tiny values)."""
    if not hasattr(x, "dtype") or x.dtype.kind != "f":
        return str(x)
    opts = get_printoptions()
    v = float(x)
    if math.isnan(v):
        return opts["nanstr"]
    if math.isinf(v):
        return opts["infstr"]
    prec = opts["precision"]
    unique = opts["floatmode"] != "fixed"
    exp_format = v != 0 and (abs(v) >= 1e8 or abs(v) < 10 ** min(0, -(prec - 1) // 2))
    sign = "+" if opts["sign"] == "+" and not math.copysign(1.0, v) < 0 else ""
    short = _shortest(v, x.dtype.itemsize)          # the shortest round-tripping digits
    digits, point = _digits_of(short)
    if exp_format:
        nfrac = len(digits) - 1
        if unique and nfrac <= prec:
            mant = digits[0] + "." + (digits[1:] or "0")
            e = point - 1
            neg = "-" if v < 0 else ""
        else:
            m, ex = ("%.*e" % (prec, v)).split("e")
            neg, m = ("-", m[1:]) if m.startswith("-") else ("", m)
            mant, e = m, int(ex)
            if unique:
                mant = mant.rstrip("0")
                if mant.endswith("."):
                    mant += "0"
        s = "%s%s%se%s%02d" % (sign, neg, mant, "-" if e < 0 else "+", abs(e))
        return "(" + s + ")" if parens else s
    nfrac = max(len(digits) - point, 0)
    if unique and nfrac <= prec:
        r = _positional(v, digits, point)
    else:
        r = "%.*f" % (prec, v)
        if unique:
            r = r.rstrip("0")
            if r.endswith("."):
                r += "0"
    return sign + r


def _shortest(v, itemsize):
    """repr-like shortest digits of v as a float64, or as a float32 when itemsize is 4."""
    if itemsize >= 8:
        return repr(v)
    f = struct.unpack("f", struct.pack("f", v))[0]
    for p in range(1, 10):
        s = "%.*e" % (p - 1, f)
        if struct.unpack("f", struct.pack("f", float(s)))[0] == f:
            return s
    return repr(f)


def _digits_of(text):
    """(significant digits, decimal point position) of a decimal string:
    value = 0.DIGITS * 10**point."""
    t = decimal.Decimal(text).normalize().as_tuple()
    if not any(t.digits):
        return "0", 1
    return "".join(map(str, t.digits)), len(t.digits) + t.exponent


def _positional(v, digits, point):
    neg = "-" if math.copysign(1.0, v) < 0 else ""
    if point <= 0:
        return neg + "0." + "0" * (-point) + digits
    if point >= len(digits):
        return neg + digits + "0" * (point - len(digits)) + ".0"
    return neg + digits[:point] + "." + digits[point:]


def _val_kernel(basis, c, x, result):
    """cnp_poly_val: c 1-D or N-d (coefficients along axis 0), x an array; result a dtype."""
    d = _dtype(result)      # held across the call
    return produce(_poly_val, basis, c._h, x._h, d._h)


# ---- numpy.vander and the legacy functions ------------------------------------------------------

def vander(x, N=None, increasing=False):
    """numpy.vander: the powers of x, highest first unless increasing (multiply.accumulate)."""
    x = asarray(x)
    if x.ndim != 1:
        raise ValueError("x must be a one-dimensional array or sequence.")
    if N is None:
        N = len(x)
    v = empty((len(x), N), dtype=promote_types(x.dtype, "int64"))
    tmp = v[:, ::-1] if not increasing else v
    if N > 0:
        tmp[:, 0] = 1
    if N > 1:
        tmp[:, 1:] = x[:, None]
        UFUNCS["multiply"].accumulate(tmp[:, 1:], out=tmp[:, 1:], axis=1)
    return v


def poly(seq_of_zeros):
    """numpy.poly: the coefficients of the monic polynomial with the given roots (or of the
    characteristic polynomial of a square matrix)."""
    seq = asarray(seq_of_zeros)
    if seq.ndim == 0:
        seq = seq.reshape(1)
    sh = seq.shape
    if len(sh) == 2 and sh[0] == sh[1] and sh[0] != 0:
        seq = linalg.eigvals(seq)
    elif len(sh) == 1:
        if seq.dtype.kind == "O":
            raise TypeError("object arrays are not supported")
        seq = seq.astype(_mintypecode_of(seq))
    else:
        raise ValueError("input must be 1d or non-empty square 2d array.")
    if len(seq) == 0:
        return 1.0
    dt = seq.dtype
    a = ones((1,), dtype=dt)
    for z in seq:
        a = _convolve(a, array([1, -z], dtype=dt))
    if a.dtype.kind == "c":
        r = asarray(seq, "complex128")
        if bool((sort(r) == sort(r.conjugate())).all()):
            a = a.real.copy()
    return a


def roots(p):
    """numpy.roots: the eigenvalues of the companion matrix (leading and trailing zeros
    handled as NumPy does)."""
    p = asarray(p)
    if p.ndim == 0:
        p = p.reshape(1)
    if p.ndim != 1:
        raise ValueError("Input must be a rank-1 array.")
    nz = nonzero(p.ravel())[0]
    if len(nz) == 0:
        return array([])
    trailing = len(p) - int(nz[-1]) - 1
    p = p[int(nz[0]):int(nz[-1]) + 1]
    if p.dtype.kind not in "fc":
        p = p.astype(float)
    n = len(p)
    if n > 1:
        A = diag(ones((n - 2,), p.dtype), -1)
        A[0, :] = -p[1:] / p[0]
        r = linalg.eigvals(A)
    else:
        r = array([])
    return hstack((r, zeros(trailing, r.dtype)))


def polyint(p, m=1, k=None):
    """numpy.polyint."""
    m = int(m)
    if m < 0:
        raise ValueError("Order of integral must be positive (see polyder)")
    if k is None:
        k = zeros(m, float)
    k = asarray(k)
    if k.ndim == 0:
        k = k.reshape(1)
    if len(k) == 1 and m > 1:
        k = k[0] * ones(m, float)
    if len(k) < m:
        raise ValueError("k must be a scalar or a rank-1 array of length 1 or >m.")
    truepoly = isinstance(p, poly1d)
    p = asarray(p)
    if m == 0:
        return poly1d(p) if truepoly else p
    y = concatenate((p / arange(len(p), 0, -1), asarray(k[:1])))
    val = polyint(y, m - 1, k=k[1:])
    return poly1d(val) if truepoly else val


def polyder(p, m=1):
    """numpy.polyder."""
    m = int(m)
    if m < 0:
        raise ValueError("Order of derivative must be positive (see polyint)")
    truepoly = isinstance(p, poly1d)
    p = asarray(p)
    n = len(p) - 1
    y = p[:-1] * arange(n, 0, -1)
    val = p if m == 0 else polyder(y, m - 1)
    return poly1d(val) if truepoly else val


def polyfit(x, y, deg, rcond=None, full=False, w=None, cov=False):
    """numpy.polyfit: least squares on the column-scaled Vandermonde matrix."""
    order = int(deg) + 1
    x = asarray(x) + 0.0
    y = asarray(y) + 0.0
    if deg < 0:
        raise ValueError("expected deg >= 0")
    if x.ndim != 1:
        raise TypeError("expected 1D vector for x")
    if x.size == 0:
        raise TypeError("expected non-empty vector for x")
    if y.ndim < 1 or y.ndim > 2:
        raise TypeError("expected 1D or 2D array for y")
    if x.shape[0] != y.shape[0]:
        raise TypeError("expected x and y to have same length")
    if rcond is None:
        rcond = len(x) * _eps(x.dtype)
    lhs = vander(x, order)
    rhs = y
    if w is not None:
        w = asarray(w) + 0.0
        if w.ndim != 1:
            raise TypeError("expected a 1-d array for weights")
        if w.shape[0] != y.shape[0]:
            raise TypeError("expected w and y to have the same length")
        lhs *= w[:, None]
        if rhs.ndim == 2:
            rhs *= w[:, None]
        else:
            rhs *= w
    scale = _sqrt((lhs * lhs).sum(axis=0))
    lhs /= scale
    c, resids, rank, s = linalg.lstsq(lhs, rhs, rcond)
    c = (c.T / scale).T
    if rank != order and not full:
        warnings.warn("Polyfit may be poorly conditioned", RankWarning, stacklevel=2)
    if full:
        return c, resids, rank, s, rcond
    if cov:
        vbase = linalg.inv(linalg.dot(lhs.T, lhs))
        vbase /= linalg.outer(scale, scale)
        if cov == "unscaled":
            fac = 1
        else:
            if len(x) <= order:
                raise ValueError("the number of data points must exceed order "
                                 "to scale the covariance matrix")
            fac = resids / (len(x) - order)
        if y.ndim == 1:
            return c, vbase * fac
        return c, vbase[:, :, None] * fac
    return c


def _eps(dt):
    return {"float16": 2.0 ** -10, "float32": 2.0 ** -23}.get(str(dt), 2.0 ** -52)


def _legacy_dtype(p, x):
    """The dtype NumPy's `y = zeros_like(x); y = y*x + pv` ends with, when the kernel can
    reproduce it (else None): an x array keeps its dtype against the scalar coefficients of the
    same or a lower kind (value-based casting); 0-d x promotes normally."""
    pk, xk = p.dtype.kind, x.dtype.kind
    if p.ndim != 1 or len(p) == 0 or pk not in "fciub" or xk not in "fciu":
        return None
    xs = str(x.dtype)
    if x.ndim == 0:
        r = str(promote_types(p.dtype if pk in "fc" else _dtype("float64"), x.dtype))
        if pk in "fc" and xk in "fc":
            return r if r in _KERNEL_TYPES else None
        return None
    if xs in ("float64", "complex128"):
        if pk == "c" and xs == "float64":
            return "complex128"
        return xs
    if xs in ("float32", "complex64"):
        if pk == "f":
            return xs
        if pk == "c":
            return "complex64"
        # integer scalars small enough for int16/uint16 keep a float32 array float32
        if pk == "b" or bool(((p >= -32768) & (p <= 65535)).all()):
            return xs
        return None
    if xs in ("int64", "int32", "uint64", "uint32") and str(p.dtype) == "float64":
        return "float64"
    return None


def polyval(p, x):
    """numpy.polyval: Horner's rule, highest coefficient first."""
    p = asarray(p)
    if isinstance(x, poly1d):
        y = 0
    else:
        x = as_array(x)
        dt = _legacy_dtype(p, x)
        if dt is not None:
            r = _val_kernel(0, p, x, dt)
            return r[()] if r.ndim == 0 else r
        y = zeros_like(x)
        if x.ndim >= 1:
            # NumPy 1.24 casts the scalar coefficients by value against an array: as Python
            # numbers of a kind no higher than x's, cnumpy's weak scalars do the same.
            order = "buifc"
            pk, xk = p.dtype.kind, x.dtype.kind
            if order.index(pk if pk != "u" else "i") <= order.index(xk if xk != "u" else "i") \
                    or (pk == "c" and xk == "f"):
                for pv in p:
                    y = y * x + pv.item()
                return y
    for pv in p:
        y = y * x + pv
    return y


def polyadd(a1, a2):
    """numpy.polyadd."""
    truepoly = isinstance(a1, poly1d) or isinstance(a2, poly1d)
    a1, a2 = _atleast_1d(a1), _atleast_1d(a2)
    diff = len(a2) - len(a1)
    if diff == 0:
        val = a1 + a2
    elif diff > 0:
        val = concatenate((zeros(diff, a1.dtype), a1)) + a2
    else:
        val = a1 + concatenate((zeros(-diff, a2.dtype), a2))
    return poly1d(val) if truepoly else val


def polysub(a1, a2):
    """numpy.polysub."""
    truepoly = isinstance(a1, poly1d) or isinstance(a2, poly1d)
    a1, a2 = _atleast_1d(a1), _atleast_1d(a2)
    diff = len(a2) - len(a1)
    if diff == 0:
        val = a1 - a2
    elif diff > 0:
        val = concatenate((zeros(diff, a1.dtype), a1)) - a2
    else:
        val = a1 - concatenate((zeros(-diff, a2.dtype), a2))
    return poly1d(val) if truepoly else val


def polymul(a1, a2):
    """numpy.polymul."""
    truepoly = isinstance(a1, poly1d) or isinstance(a2, poly1d)
    a1, a2 = poly1d(a1), poly1d(a2)
    val = _convolve(a1.coeffs, a2.coeffs)
    return poly1d(val) if truepoly else val


def polydiv(u, v):
    """numpy.polydiv: quotient and remainder (ZeroDivisionError-free: NumPy divides by v[0])."""
    truepoly = isinstance(u, poly1d) or isinstance(v, poly1d)
    u = _atleast_1d(u) + 0.0
    v = _atleast_1d(v) + 0.0
    w = u[0] + v[0]
    m = len(u) - 1
    n = len(v) - 1
    scale = 1.0 / v[0]
    q = zeros((max(m - n + 1, 1),), w.dtype)
    r = u.astype(w.dtype)
    for k in range(0, m - n + 1):
        d = scale * r[k]
        q[k] = d
        r[k:k + n + 1] -= d * v
    while r.shape[-1] > 1 and _isclose0(r[0]):
        r = r[1:]
    if truepoly:
        return poly1d(q), poly1d(r)
    return q, r


def _isclose0(v):
    """numpy.allclose(v, 0, rtol=1e-14) for one value: |v| <= 1e-8 (atol), NaN is not close."""
    return bool(abs(v) <= 1e-08)


def _atleast_1d(a):
    a = asarray(a)
    return a.reshape(1) if a.ndim == 0 else a


_POWER = re.compile(r"\*\*([0-9]*)")


def _raise_power(astr, wrap=70):
    """poly1d's two-line layout: exponents on the line above their terms."""
    n = 0
    line1 = line2 = ""
    output = " "
    while True:
        mat = _POWER.search(astr, n)
        if mat is None:
            break
        span = mat.span()
        power = mat.groups()[0]
        part = astr[n:span[0]]
        n = span[1]
        add2 = part + " " * (len(power) - 1)
        add1 = " " * (len(part) - 1) + power
        if len(line2) + len(add2) > wrap or len(line1) + len(add1) > wrap:
            output += line1 + "\n" + line2 + "\n "
            line1, line2 = add1, add2
        else:
            line2 += add2
            line1 += add1
    output += line1 + "\n" + line2
    return output + astr[n:]


class poly1d:
    """numpy.poly1d: a one-dimensional polynomial, highest degree first."""
    __hash__ = None

    @property
    def coeffs(self):
        return self._coeffs

    @coeffs.setter
    def coeffs(self, value):
        if value is not self._coeffs:
            raise AttributeError("Cannot set attribute")

    @property
    def variable(self):
        return self._variable

    @property
    def order(self):
        return len(self._coeffs) - 1

    @property
    def roots(self):
        return roots(self._coeffs)

    @property
    def _coeffs(self):
        return self.__dict__["coeffs"]

    @_coeffs.setter
    def _coeffs(self, coeffs):
        self.__dict__["coeffs"] = coeffs

    r = roots
    c = coef = coefficients = coeffs
    o = order

    def __init__(self, c_or_r, r=False, variable=None):
        if isinstance(c_or_r, poly1d):
            self._variable = c_or_r._variable
            self._coeffs = c_or_r._coeffs
            if set(c_or_r.__dict__) - set(self.__dict__):
                warnings.warn("In the future extra properties will not be copied across when "
                              "constructing one poly1d from another", FutureWarning, stacklevel=2)
                self.__dict__.update(c_or_r.__dict__)
            if variable is not None:
                self._variable = variable
            return
        if r:
            c_or_r = poly(c_or_r)
        c_or_r = _atleast_1d(c_or_r)
        if c_or_r.ndim > 1:
            raise ValueError("Polynomial must be 1d only.")
        c_or_r = trim_zeros(c_or_r, trim="f")
        if len(c_or_r) == 0:
            c_or_r = array([0], dtype=c_or_r.dtype)
        self._coeffs = c_or_r
        self._variable = "x" if variable is None else variable

    def __array__(self, t=None):
        return asarray(self.coeffs, t) if t else asarray(self.coeffs)

    def __repr__(self):
        return "poly1d(%s)" % repr(self.coeffs)[6:-1]

    def __len__(self):
        return self.order

    def __str__(self):
        thestr = "0"
        var = self.variable
        coeffs = self.coeffs[_logical_or.accumulate(self.coeffs != 0)]
        N = len(coeffs) - 1

        def fmt(q):
            s = "%.4g" % q
            if s.endswith(".0000"):
                s = s[:-5]
            return s

        for k, coeff in enumerate(coeffs):
            cc = complex(coeff)
            if cc.imag == 0 or coeffs.dtype.kind != "c":
                coefstr = fmt(cc.real)
            elif cc.real == 0:
                coefstr = "%sj" % fmt(cc.imag)
            else:
                coefstr = "(%s + %sj)" % (fmt(cc.real), fmt(cc.imag))
            power = N - k
            if power == 0:
                if coefstr != "0":
                    newstr = "%s" % (coefstr,)
                elif k == 0:
                    newstr = "0"
                else:
                    newstr = ""
            elif power == 1:
                if coefstr == "0":
                    newstr = ""
                elif coefstr == "b":
                    newstr = var
                else:
                    newstr = "%s %s" % (coefstr, var)
            elif coefstr == "0":
                newstr = ""
            elif coefstr == "b":
                newstr = "%s**%d" % (var, power)
            else:
                newstr = "%s %s**%d" % (coefstr, var, power)
            if k > 0:
                if newstr != "":
                    if newstr.startswith("-"):
                        thestr = "%s - %s" % (thestr, newstr[1:])
                    else:
                        thestr = "%s + %s" % (thestr, newstr)
            else:
                thestr = newstr
        return _raise_power(thestr)

    def __call__(self, val):
        return polyval(self.coeffs, val)

    def __neg__(self):
        return poly1d(-self.coeffs)

    def __pos__(self):
        return self

    def __mul__(self, other):
        if _is_scalar(other):
            return poly1d(self.coeffs * other)
        return poly1d(polymul(self.coeffs, poly1d(other).coeffs))

    def __rmul__(self, other):
        if _is_scalar(other):
            return poly1d(other * self.coeffs)
        return poly1d(polymul(self.coeffs, poly1d(other).coeffs))

    def __add__(self, other):
        return poly1d(polyadd(self.coeffs, poly1d(other).coeffs))

    def __radd__(self, other):
        return poly1d(polyadd(self.coeffs, poly1d(other).coeffs))

    def __pow__(self, val):
        if not _is_scalar(val) or int(val) != val or val < 0:
            raise ValueError("Power to non-negative integers only.")
        res = [1]
        for _ in range(val):
            res = polymul(self.coeffs, res)
        return poly1d(res)

    def __sub__(self, other):
        return poly1d(polysub(self.coeffs, poly1d(other).coeffs))

    def __rsub__(self, other):
        return poly1d(polysub(poly1d(other).coeffs, self.coeffs))

    def __truediv__(self, other):
        if _is_scalar(other):
            return poly1d(self.coeffs / other)
        return polydiv(self, poly1d(other))

    __div__ = __truediv__

    def __rtruediv__(self, other):
        if _is_scalar(other):
            return poly1d(other / self.coeffs)
        return polydiv(poly1d(other), self)

    __rdiv__ = __rtruediv__

    def __eq__(self, other):
        if not isinstance(other, poly1d):
            return NotImplemented
        if self.coeffs.shape != other.coeffs.shape:
            return False
        return bool((self.coeffs == other.coeffs).all())

    def __ne__(self, other):
        if not isinstance(other, poly1d):
            return NotImplemented
        return not self.__eq__(other)

    def __getitem__(self, val):
        ind = self.order - val
        if val > self.order or val < 0:
            return self.coeffs.dtype.type(0)
        return self.coeffs[ind]

    def __setitem__(self, key, val):
        ind = self.order - key
        if key < 0:
            raise ValueError("Does not support negative powers.")
        if key > self.order:
            zr = zeros(key - self.order, self.coeffs.dtype)
            self._coeffs = concatenate((zr, self.coeffs))
            ind = 0
        self._coeffs[ind] = val

    def __iter__(self):
        return iter(self.coeffs)

    def integ(self, m=1, k=0):
        return poly1d(polyint(self.coeffs, m=m, k=k))

    def deriv(self, m=1):
        return poly1d(polyder(self.coeffs, m=m))


poly1d.__module__ = "cnumpy"
warnings.simplefilter("always", RankWarning)
