"""numpy.polynomial._polybase.ABCPolyBase (NumPy 1.24): the class behaviour the six series
classes share (domain/window mapping, arithmetic within one kind, printing). A subclass names
its basis' functions (_add, _mul, _val, ...) and its domain, window and basis_name."""
import abc
import numbers
import os

from .._convert import as_array
from .._creation import linspace
from .._print import get_printoptions
from .._ufunc_table import UFUNCS
from . import polyutils as pu

__all__ = ["ABCPolyBase", "set_default_printstyle"]

_signbit = UFUNCS["signbit"]


def _all_equal(a, b):
    return bool((as_array(a) == as_array(b)).all())


class ABCPolyBase(abc.ABC):
    """The base of Polynomial, Chebyshev, Legendre, Laguerre, Hermite and HermiteE."""
    __hash__ = None
    __array_ufunc__ = None
    maxpower = 100
    _superscript_mapping = str.maketrans({str(d): s for d, s in zip(range(10), "⁰¹²³⁴⁵⁶⁷⁸⁹")})
    _subscript_mapping = str.maketrans({str(d): s for d, s in zip(range(10), "₀₁₂₃₄₅₆₇₈₉")})
    _use_unicode = not os.name == "nt"

    @property
    def symbol(self):
        return self._symbol

    def has_samecoef(self, other):
        return len(self.coef) == len(other.coef) and _all_equal(self.coef, other.coef)

    def has_samedomain(self, other):
        return _all_equal(self.domain, other.domain)

    def has_samewindow(self, other):
        return _all_equal(self.window, other.window)

    def has_sametype(self, other):
        return isinstance(other, self.__class__)

    def _get_coefficients(self, other):
        """other's coefficients if it is a series of the same kind, domain, window and
        symbol (NumPy's errors otherwise); other itself when it is not a series."""
        if isinstance(other, ABCPolyBase):
            if not isinstance(other, self.__class__):
                raise TypeError("Polynomial types differ")
            elif not _all_equal(self.domain, other.domain):
                raise TypeError("Domains differ")
            elif not _all_equal(self.window, other.window):
                raise TypeError("Windows differ")
            elif self.symbol != other.symbol:
                raise ValueError("Polynomial symbols differ")
            return other.coef
        return other

    def __init__(self, coef, domain=None, window=None, symbol="x"):
        [coef] = pu.as_series([coef], trim=False)
        self.coef = coef
        if domain is not None:
            [domain] = pu.as_series([domain], trim=False)
            if len(domain) != 2:
                raise ValueError("Domain has wrong number of elements.")
            self.domain = domain
        if window is not None:
            [window] = pu.as_series([window], trim=False)
            if len(window) != 2:
                raise ValueError("Window has wrong number of elements.")
            self.window = window
        try:
            if not symbol.isidentifier():
                raise ValueError("Symbol string must be a valid Python identifier")
        except AttributeError:
            raise TypeError("Symbol must be a non-empty string")
        self._symbol = symbol

    def __repr__(self):
        coef = repr(self.coef)[6:-1]
        domain = repr(self.domain)[6:-1]
        window = repr(self.window)[6:-1]
        name = self.__class__.__name__
        return f"{name}({coef}, domain={domain}, window={window}, symbol='{self.symbol}')"

    def __format__(self, fmt_str):
        if fmt_str == "":
            return self.__str__()
        if fmt_str not in ("ascii", "unicode"):
            raise ValueError(f"Unsupported format string '{fmt_str}' passed to "
                             f"{self.__class__}.__format__. Valid options are 'ascii' and "
                             "'unicode'")
        if fmt_str == "ascii":
            return self._generate_string(self._str_term_ascii)
        return self._generate_string(self._str_term_unicode)

    def __str__(self):
        if self._use_unicode:
            return self._generate_string(self._str_term_unicode)
        return self._generate_string(self._str_term_ascii)

    def _generate_string(self, term_method):
        """The terms joined with + and -, wrapped at the print options' linewidth."""
        linewidth = max(get_printoptions().get("linewidth", 75), 1)
        out = pu.format_float(self.coef[0])
        rest = self.coef[1:]
        for i, coef in enumerate(rest):
            out += " "
            power = str(i + 1)
            if coef.dtype.kind == "c":  # NumPy orders complex values lexicographically
                z = complex(coef)
                if z.real > 0 or (z.real == 0 and z.imag >= 0):
                    next_term = f"+ {coef}"
                else:
                    next_term = f"- {-coef}"
            elif coef >= 0:
                next_term = "+ " + pu.format_float(coef, parens=True)
            else:
                next_term = "- " + pu.format_float(-coef, parens=True)
            next_term += term_method(power, self.symbol)
            line_len = len(out.split("\n")[-1]) + len(next_term)
            if i < len(rest) - 1:
                line_len += 2
            if line_len >= linewidth:
                next_term = next_term.replace(" ", "\n", 1)
            out += next_term
        return out

    @classmethod
    def _str_term_unicode(cls, i, arg_str):
        if cls.basis_name is None:
            raise NotImplementedError("Subclasses must define either a basis_name, or override "
                                      "_str_term_unicode(cls, i, arg_str)")
        return f"·{cls.basis_name}{i.translate(cls._subscript_mapping)}({arg_str})"

    @classmethod
    def _str_term_ascii(cls, i, arg_str):
        if cls.basis_name is None:
            raise NotImplementedError("Subclasses must define either a basis_name, or override "
                                      "_str_term_ascii(cls, i, arg_str)")
        return f" {cls.basis_name}_{i}({arg_str})"

    @classmethod
    def _repr_latex_term(cls, i, arg_str, needs_parens):
        if cls.basis_name is None:
            raise NotImplementedError("Subclasses must define either a basis name, or override "
                                      "_repr_latex_term(i, arg_str, needs_parens)")
        return f"{{{cls.basis_name}}}_{{{i}}}({arg_str})"

    @staticmethod
    def _repr_latex_scalar(x, parens=False):
        return r"\text{{{}}}".format(pu.format_float(x, parens=parens))

    def _repr_latex_(self):
        off, scale = self.mapparms()
        if off == 0 and scale == 1:
            term = self.symbol
            needs_parens = False
        elif scale == 1:
            term = f"{self._repr_latex_scalar(off)} + {self.symbol}"
            needs_parens = True
        elif off == 0:
            term = f"{self._repr_latex_scalar(scale)}{self.symbol}"
            needs_parens = True
        else:
            term = (f"{self._repr_latex_scalar(off)} + "
                    f"{self._repr_latex_scalar(scale)}{self.symbol}")
            needs_parens = True
        parts = []
        for i, c in enumerate(self.coef):
            if i == 0:
                coef_str = f"{self._repr_latex_scalar(c)}"
            elif c.dtype.kind == "c":
                coef_str = f" + ({self._repr_latex_scalar(c)})"
            elif not bool(_signbit(c)):
                coef_str = f" + {self._repr_latex_scalar(c, parens=True)}"
            else:
                coef_str = f" - {self._repr_latex_scalar(-c, parens=True)}"
            term_str = self._repr_latex_term(i, term, needs_parens)
            part = coef_str if term_str == "1" else f"{coef_str}\\,{term_str}"
            if c == 0:
                part = r"\color{{LightGray}}{{{}}}".format(part)
            parts.append(part)
        body = "".join(parts) if parts else "0"
        return f"${self.symbol} \\mapsto {body}$"

    def __getstate__(self):
        ret = self.__dict__.copy()
        ret["coef"] = self.coef.copy()
        ret["domain"] = self.domain.copy()
        ret["window"] = self.window.copy()
        ret["symbol"] = self.symbol
        return ret

    def __setstate__(self, state):
        self.__dict__ = state

    def __call__(self, arg):
        off, scl = pu.mapparms(self.domain, self.window)
        arg = off + scl * arg
        return self._val(arg, self.coef)

    def __iter__(self):
        return iter(self.coef)

    def __len__(self):
        return len(self.coef)

    def _new(self, coef):
        return self.__class__(coef, self.domain, self.window, self.symbol)

    def __neg__(self):
        return self._new(-self.coef)

    def __pos__(self):
        return self

    def _binary(self, op, other):
        othercoef = self._get_coefficients(other)
        try:
            coef = op(self.coef, othercoef)
        except Exception:
            return NotImplemented
        return self._new(coef)

    def __add__(self, other):
        return self._binary(self._add, other)

    def __sub__(self, other):
        return self._binary(self._sub, other)

    def __mul__(self, other):
        return self._binary(self._mul, other)

    def __truediv__(self, other):
        if not isinstance(other, numbers.Number) or isinstance(other, bool):
            raise TypeError(f"unsupported types for true division: '{type(self)}', "
                            f"'{type(other)}'")
        return self.__floordiv__(other)

    def __floordiv__(self, other):
        res = self.__divmod__(other)
        return res if res is NotImplemented else res[0]

    def __mod__(self, other):
        res = self.__divmod__(other)
        return res if res is NotImplemented else res[1]

    def __divmod__(self, other):
        othercoef = self._get_coefficients(other)
        try:
            quo, rem = self._div(self.coef, othercoef)
        except ZeroDivisionError:
            raise
        except Exception:
            return NotImplemented
        return self._new(quo), self._new(rem)

    def __pow__(self, other):
        return self._new(self._pow(self.coef, other, maxpower=self.maxpower))

    def _rbinary(self, op, other):
        try:
            coef = op(other, self.coef)
        except Exception:
            return NotImplemented
        return self._new(coef)

    def __radd__(self, other):
        return self._rbinary(self._add, other)

    def __rsub__(self, other):
        return self._rbinary(self._sub, other)

    def __rmul__(self, other):
        return self._rbinary(self._mul, other)

    def __rdiv__(self, other):
        return self.__rfloordiv__(other)

    def __rtruediv__(self, other):
        return NotImplemented

    def __rfloordiv__(self, other):
        res = self.__rdivmod__(other)
        return res if res is NotImplemented else res[0]

    def __rmod__(self, other):
        res = self.__rdivmod__(other)
        return res if res is NotImplemented else res[1]

    def __rdivmod__(self, other):
        try:
            quo, rem = self._div(other, self.coef)
        except ZeroDivisionError:
            raise
        except Exception:
            return NotImplemented
        return self._new(quo), self._new(rem)

    def __eq__(self, other):
        return (isinstance(other, self.__class__) and
                _all_equal(self.domain, other.domain) and
                _all_equal(self.window, other.window) and
                self.coef.shape == other.coef.shape and
                _all_equal(self.coef, other.coef) and
                self.symbol == other.symbol)

    def __ne__(self, other):
        return not self.__eq__(other)

    def copy(self):
        return self._new(self.coef)

    def degree(self):
        return len(self) - 1

    def cutdeg(self, deg):
        return self.truncate(deg + 1)

    def trim(self, tol=0):
        return self._new(pu.trimcoef(self.coef, tol))

    def truncate(self, size):
        isize = int(size)
        if isize != size or isize < 1:
            raise ValueError("size must be a positive integer")
        return self._new(self.coef if isize >= len(self.coef) else self.coef[:isize])

    def convert(self, domain=None, kind=None, window=None):
        if kind is None:
            kind = self.__class__
        if domain is None:
            domain = kind.domain
        if window is None:
            window = kind.window
        return self(kind.identity(domain, window=window, symbol=self.symbol))

    def mapparms(self):
        return pu.mapparms(self.domain, self.window)

    def integ(self, m=1, k=[], lbnd=None):
        off, scl = self.mapparms()
        lbnd = 0 if lbnd is None else off + scl * lbnd
        return self._new(self._int(self.coef, m, k, lbnd, 1.0 / scl))

    def deriv(self, m=1):
        off, scl = self.mapparms()
        return self._new(self._der(self.coef, m, scl))

    def roots(self):
        return pu.mapdomain(self._roots(self.coef), self.window, self.domain)

    def linspace(self, n=100, domain=None):
        if domain is None:
            domain = self.domain
        x = linspace(domain[0], domain[1], n)
        return x, self(x)

    @classmethod
    def fit(cls, x, y, deg, domain=None, rcond=None, full=False, w=None, window=None,
            symbol="x"):
        if domain is None:
            domain = pu.getdomain(x)
        elif type(domain) is list and len(domain) == 0:
            domain = cls.domain
        if window is None:
            window = cls.window
        xnew = pu.mapdomain(x, domain, window)
        res = cls._fit(xnew, y, deg, w=w, rcond=rcond, full=full)
        if full:
            [coef, status] = res
            return cls(coef, domain=domain, window=window, symbol=symbol), status
        return cls(res, domain=domain, window=window, symbol=symbol)

    @classmethod
    def fromroots(cls, roots, domain=[], window=None, symbol="x"):
        [roots] = pu.as_series([roots], trim=False)
        if domain is None:
            domain = pu.getdomain(roots)
        elif type(domain) is list and len(domain) == 0:
            domain = cls.domain
        if window is None:
            window = cls.window
        deg = len(roots)
        off, scl = pu.mapparms(domain, window)
        rnew = off + scl * roots
        coef = cls._fromroots(rnew) / scl ** deg
        return cls(coef, domain=domain, window=window, symbol=symbol)

    @classmethod
    def identity(cls, domain=None, window=None, symbol="x"):
        if domain is None:
            domain = cls.domain
        if window is None:
            window = cls.window
        off, scl = pu.mapparms(window, domain)
        return cls(cls._line(off, scl), domain, window, symbol)

    @classmethod
    def basis(cls, deg, domain=None, window=None, symbol="x"):
        if domain is None:
            domain = cls.domain
        if window is None:
            window = cls.window
        ideg = int(deg)
        if ideg != deg or ideg < 0:
            raise ValueError("deg must be non-negative integer")
        return cls([0] * ideg + [1], domain, window, symbol)

    @classmethod
    def cast(cls, series, domain=None, window=None):
        if domain is None:
            domain = cls.domain
        if window is None:
            window = cls.window
        return series.convert(domain, cls, window)


def set_default_printstyle(style):
    """numpy.polynomial.set_default_printstyle: 'unicode' or 'ascii' for every series' str()."""
    if style not in ("unicode", "ascii"):
        raise ValueError(f"Unsupported format string '{style}'. Valid options are 'ascii' "
                         "and 'unicode'")
    ABCPolyBase._use_unicode = style != "ascii"
