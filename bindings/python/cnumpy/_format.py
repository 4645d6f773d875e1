"""repr() and str() of arrays, following numpy.core.arrayprint's default options (precision 8,
floatmode 'maxprec', linewidth 75, threshold 1000, edgeitems 3). A close port of the common
paths, not of every option; values come from the array once, as Python objects."""
import math
from decimal import Decimal

from ._scalars import _shortest

_PRECISION = 8
_LINEWIDTH = 75
_THRESHOLD = 1000
_EDGE = 3
_IMPLIED = ("float64", "int64", "bool", "complex128")   # dtypes repr() leaves out
_SHORTEST = {"e": ("e", 5), "f": ("f", 9)}               # dtype char -> struct format, digits


class _Skip:
    """Marks the elided middle of a summarized axis."""


_SKIP = _Skip()


def _collect(a, summarize):
    """Nested lists of Python values; summarized axes keep their edges around _SKIP."""
    if not summarize:
        return a.tolist()

    def rec(view):
        shape = view.shape
        n = shape[0]
        if n > 2 * _EDGE:
            if len(shape) == 1:
                return view[:_EDGE].tolist() + [_SKIP] + view[n - _EDGE:].tolist()
            return ([rec(view[i]) for i in range(_EDGE)] + [_SKIP] +
                    [rec(view[i]) for i in range(n - _EDGE, n)])
        if len(shape) == 1:
            return view.tolist()
        return [rec(view[i]) for i in range(n)]
    return rec(a)


def _leaves(nested, ndim):
    if ndim == 0:
        return [nested]
    out = nested
    for _ in range(ndim - 1):
        out = [y for x in out if x is not _SKIP for y in x]
    return [x for x in out if x is not _SKIP]


# -- float digits ---------------------------------------------------------------------------------
def _digits(x, char, sci):
    """Shortest round-trip digits of x (rounded to 8 fraction digits if longer), as a Decimal."""
    fmt = _SHORTEST.get(char)
    y = _shortest(x, *fmt) if fmt else x
    d = Decimal(repr(y))
    if sci:
        t = d.as_tuple()
        if len(t.digits) - 1 > _PRECISION:
            d = Decimal("%.*e" % (_PRECISION, x))
    elif -d.as_tuple().exponent > _PRECISION:
        d = Decimal("%.*f" % (_PRECISION, x))
    return d


def _positional(x, char):
    """(int part, fraction digits) of x in positional notation, trailing zeros trimmed."""
    d = _digits(x, char, False)
    s = format(d, "f")
    neg = s.startswith("-") or (x == 0.0 and math.copysign(1.0, x) < 0)
    s = s.lstrip("-")
    ip, _, fp = s.partition(".")
    return ("-" if neg else "") + ip, fp.rstrip("0")


def _scientific(x, char):
    """(mantissa int part, fraction digits, exponent) of x, trailing zeros trimmed."""
    if x == 0.0:
        return ("-0" if math.copysign(1.0, x) < 0 else "0"), "", 0
    d = _digits(x, char, True)
    t = d.as_tuple()
    digits = "".join(map(str, t.digits)).rstrip("0") or "0"
    exp = t.exponent + len(t.digits) - 1
    return ("-" if t.sign else "") + digits[0], digits[1:], exp


class _FloatFormat:
    def __init__(self, values, char, sign="-"):
        self.char = char
        self.sign = sign
        finite = [v for v in values if math.isfinite(v)]
        nonzero = [abs(v) for v in finite if v != 0]
        self.exp = False
        if nonzero:
            mx, mn = max(nonzero), min(nonzero)
            if mx >= 1e8 or mn < 0.0001 or mx / mn > 1000.0:
                self.exp = True
        self.pad_left = self.pad_right = 0
        self.precision = 0
        self.exp_size = -1
        if not finite:
            pass
        elif self.exp:
            parts = [self._sign(v, *_scientific(v, char)) for v in finite]
            self.exp_size = max(len(str(abs(e))) for _, _, e in parts)
            self.exp_size = max(self.exp_size, 2)
            self.precision = max(len(f) for _, f, _ in parts)
            self.pad_left = max(len(i) for i, _, _ in parts)
            self.pad_right = self.exp_size + 2 + self.precision
        else:
            parts = [self._sign(v, *_positional(v, char)) for v in finite]
            self.pad_left = max(len(i) for i, _ in parts)
            self.pad_right = max(len(f) for _, f in parts)
        if len(finite) != len(values):
            neginf = sign != "-" or any(v == float("-inf") for v in values)
            offset = self.pad_right + 1
            self.pad_left = max(self.pad_left, 3 - offset, 3 + neginf - offset)

    def _sign(self, v, ip, *rest):
        if self.sign == "+" and not ip.startswith("-"):
            ip = "+" + ip
        return (ip,) + rest

    def __call__(self, x):
        if not math.isfinite(x):
            if x != x:
                ret = ("+" if self.sign == "+" else "") + "nan"
            else:
                ret = ("-" if x < 0 else "+" if self.sign == "+" else "") + "inf"
            return " " * (self.pad_left + self.pad_right + 1 - len(ret)) + ret
        if self.exp:
            ip, fp, e = self._sign(x, *_scientific(x, self.char))
            fp = fp.ljust(self.precision, "0")
            es = str(abs(e)).rjust(self.exp_size, "0")
            return ip.rjust(self.pad_left) + "." + fp + "e" + ("-" if e < 0 else "+") + es
        ip, fp = self._sign(x, *_positional(x, self.char))
        return ip.rjust(self.pad_left) + "." + fp.ljust(self.pad_right)


class _ComplexFormat:
    def __init__(self, values, char):
        part = {"F": "f", "D": "d"}[char]
        self.real = _FloatFormat([v.real for v in values], part)
        self.imag = _FloatFormat([v.imag for v in values], part, sign="+")

    def __call__(self, z):
        r = self.real(z.real)
        i = self.imag(z.imag)
        sp = len(i.rstrip())
        return r + i[:sp] + "j" + i[sp:]


def _format_function(values, dt, ndim):
    k = dt.kind
    if k == "b":
        true = " True" if ndim else "True"
        return lambda v: true if v else "False"
    if k in "iu":
        width = max((len(str(v)) for v in values), default=0)
        return lambda v: str(v).rjust(width)
    if k == "f":
        return _FloatFormat(values, dt.char)
    if k == "c":
        return _ComplexFormat(values, dt.char)
    return str


# -- layout (numpy's _formatArray) --------------------------------------------------------------------
def _extend_line(s, line, word, width, prefix):
    needs_wrap = len(line) + len(word) > width
    if len(line) <= len(prefix):
        needs_wrap = False
    if needs_wrap:
        s += line.rstrip() + "\n"
        line = prefix
    return s, line + word


def _extend_line_pretty(s, line, word, width, prefix):
    words = word.splitlines()
    if len(words) == 1:
        return _extend_line(s, line, word, width, prefix)
    max_word_length = max(len(w) for w in words)
    if len(line) + max_word_length > width and len(line) > len(prefix):
        s += line.rstrip() + "\n"
        line = prefix + words[0]
        indent = prefix
    else:
        indent = " " * len(line)
        line += words[0]
    for w in words[1:]:
        s += line.rstrip() + "\n"
        line = indent + w
    suffix_length = max_word_length - len(words[-1])
    line += suffix_length * " "
    return s, line


def _format_array(nested, ndim, fmt, width, prefix, sep):
    def rec(node, depth, hanging, curr_width):
        left = ndim - depth
        if left == 0:
            return fmt(node)
        next_hanging = hanging + " "
        next_width = curr_width - 1
        if any(x is _SKIP for x in node):
            k = next(i for i, x in enumerate(node) if x is _SKIP)
            leading, trailing, summary = node[:k], node[k + 1:], True
        else:
            leading, trailing, summary = [], node, False
        if left == 1:
            elem_width = curr_width - max(len(sep.rstrip()), 1)
            s, line = "", hanging
            for x in leading:
                s, line = _extend_line_pretty(s, line, rec(x, depth + 1, next_hanging,
                                                           next_width), elem_width, hanging)
                line += sep
            if summary:
                s, line = _extend_line(s, line, "...", elem_width, hanging)
                line += sep
            for x in trailing[:-1]:
                s, line = _extend_line_pretty(s, line, rec(x, depth + 1, next_hanging,
                                                           next_width), elem_width, hanging)
                line += sep
            s, line = _extend_line_pretty(s, line, rec(trailing[-1], depth + 1, next_hanging,
                                                       next_width), elem_width, hanging)
            s += line
        else:
            s = ""
            line_sep = sep.rstrip() + "\n" * (left - 1)
            for x in leading:
                s += hanging + rec(x, depth + 1, next_hanging, next_width) + line_sep
            if summary:
                s += hanging + "..." + line_sep
            for x in trailing[:-1]:
                s += hanging + rec(x, depth + 1, next_hanging, next_width) + line_sep
            s += hanging + rec(trailing[-1], depth + 1, next_hanging, next_width)
        return "[" + s[len(hanging):] + "]"
    return rec(nested, 0, prefix, width)


def _array2string(a, sep, prefix, suffix):
    shape = a.shape
    ndim = len(shape)
    if a.size == 0:
        return "[]"
    nested = _collect(a, a.size > _THRESHOLD)
    fmt = _format_function(_leaves(nested, ndim), a.dtype, ndim)
    if ndim == 0:
        return fmt(nested)
    return _format_array(nested, ndim, fmt, _LINEWIDTH - len(suffix), " " + " " * len(prefix),
                         sep)


def array_repr(a):
    prefix = "array("
    d = a.dtype
    skipdtype = d.name in _IMPLIED and a.size > 0
    suffix = ")" if skipdtype else ","
    shape = a.shape
    if a.size > 0 or shape == (0,):
        body = _array2string(a, ", ", prefix, suffix)
    else:
        body = "[], shape=%r" % (shape,)
    s = prefix + body + suffix
    if skipdtype:
        return s
    dtype_str = "dtype=%s)" % d.name
    last_line_len = len(s) - (s.rfind("\n") + 1)
    spacer = " "
    if last_line_len + len(dtype_str) + 1 > _LINEWIDTH:
        spacer = "\n" + " " * len(prefix)
    return s + spacer + dtype_str


def array_str(a):
    if not a.shape:
        return str(a[()])
    return _array2string(a, " ", "", "")
