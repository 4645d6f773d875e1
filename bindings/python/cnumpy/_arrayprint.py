"""numpy.array2string, array_repr, array_str, format_float_positional and
format_float_scientific (numpy/core/arrayprint.py and the Dragon4 of
numpy/core/src/multiarray/dragon4.c).

ndarray's own repr()/str() stay in the C printer (src/print, _print.py); these functions take
per-call options (separator, prefix, suffix, formatter, min_digits, fractional, trim, ...) that
the C printer does not, so they lay the text out here. The digits come from Dragon4 done with
Python's exact integers: the value's binary mantissa and exponent scaled by powers of ten, digits
cut and rounded at the same places as NumPy's bignum code, so every option combination prints
NumPy's characters. Printing is bounded by the threshold (summarised arrays format only their
corners), so the per-element Python cost does not matter.
"""
import math
import numbers
import operator
import struct
import warnings

from ._dtype import dtype as _dtype_cls
from ._ndarray import ndarray
from ._print import get_printoptions, format_float as _format_float
from ._args import NoValue
from ._joining import concatenate

# Each float size: struct code (for rounding a Python float to it).
_FLOAT_LAYOUT = {2: ("<e",), 4: ("<f",), 8: ("<d",)}
_TRIMS = ("k", ".", "0", "-")


def _float_value(x):
    """(Python float, itemsize) of a value handed to format_float_*: NumPy's float16/32/64
    scalars keep their type, anything else goes through float() (a float64) as PyFloat_AsDouble
    does."""
    dt = getattr(x, "dtype", None)
    if dt is not None and getattr(x, "ndim", 0) == 0 and dt.kind == "f" and dt.itemsize in \
            _FLOAT_LAYOUT:
        return float(x), dt.itemsize
    if isinstance(x, (str, bytes)) or not hasattr(x, "__float__") and not hasattr(x, "__index__"):
        raise TypeError("must be real number, not %s" % type(x).__name__)
    return float(x), 8


def _dragon4_format(x, itemsize, scientific, precision=-1, unique=True, fractional=True,
                    trim="k", sign=False, pad_left=-1, pad_right=-1, exp_digits=-1,
                    min_digits=-1):
    """Dragon4_Positional / Dragon4_Scientific (the library's cnp_format_float) on a Python
    float of the given float size, with NumPy's argument errors."""
    if not isinstance(trim, str) or trim not in _TRIMS:
        # NumPy's converter formats the value with "%100S" (right-aligned in 100 columns)
        raise TypeError("if supplied, trim must be 'k', '.', '0' or '-' found `%100s`" % (trim,))
    if not unique and precision < 0:
        raise TypeError("in non-unique mode `precision` must be supplied")
    return _format_float(x, itemsize, scientific, precision, unique, fractional, trim, sign,
                         pad_left, pad_right, exp_digits, min_digits)


def _none_or_positive_arg(x, name):
    if x is None:
        return -1
    if x < 0:
        raise ValueError("{} must be >= 0".format(name))
    return x


def format_float_scientific(x, precision=None, unique=True, trim="k", sign=False,
                            pad_left=None, exp_digits=None, min_digits=None):
    """numpy.format_float_scientific: Dragon4 in scientific notation."""
    precision = _none_or_positive_arg(precision, "precision")
    pad_left = _none_or_positive_arg(pad_left, "pad_left")
    exp_digits = _none_or_positive_arg(exp_digits, "exp_digits")
    min_digits = _none_or_positive_arg(min_digits, "min_digits")
    if min_digits > 0 and precision > 0 and min_digits > precision:
        raise ValueError("min_digits must be less than or equal to precision")
    value, itemsize = _float_value(x)
    return _dragon4_format(value, itemsize, True, precision=precision, unique=unique,
                           trim=trim, sign=sign, pad_left=pad_left, exp_digits=exp_digits,
                           min_digits=min_digits)


def format_float_positional(x, precision=None, unique=True, fractional=True, trim="k",
                            sign=False, pad_left=None, pad_right=None, min_digits=None):
    """numpy.format_float_positional: Dragon4 in positional notation."""
    precision = _none_or_positive_arg(precision, "precision")
    pad_left = _none_or_positive_arg(pad_left, "pad_left")
    pad_right = _none_or_positive_arg(pad_right, "pad_right")
    min_digits = _none_or_positive_arg(min_digits, "min_digits")
    if not fractional and precision == 0:
        raise ValueError("precision must be greater than 0 if fractional=False")
    if min_digits > 0 and precision > 0 and min_digits > precision:
        raise ValueError("min_digits must be less than or equal to precision")
    value, itemsize = _float_value(x)
    return _dragon4_format(value, itemsize, False, precision=precision, unique=unique,
                           fractional=fractional, trim=trim, sign=sign, pad_left=pad_left,
                           pad_right=pad_right, min_digits=min_digits)


# ---- element formatters (NumPy's FloatingFormat, IntegerFormat, BoolFormat, ...) ----

def _round_to(x, itemsize):
    """x rounded to a float of the given size (inf on overflow), as NumPy's arithmetic in that
    type gives."""
    if itemsize == 8:
        return x
    try:
        return struct.unpack(_FLOAT_LAYOUT[itemsize][0],
                             struct.pack(_FLOAT_LAYOUT[itemsize][0], x))[0]
    except OverflowError:
        return math.copysign(math.inf, x)


class _FloatingFormat:
    """NumPy's FloatingFormat over the printed values (Python floats of a float type)."""

    def __init__(self, values, itemsize, precision, floatmode, suppress_small, sign, options):
        if isinstance(sign, bool):
            sign = "+" if sign else "-"
        self.itemsize = itemsize
        self.floatmode = floatmode
        self.precision = _none_or_positive_arg(None if floatmode == "unique" else precision,
                                               "precision")
        self.suppress_small = suppress_small
        self.sign = sign
        self.nanstr = options["nanstr"]
        self.infstr = options["infstr"]
        self.exp_format = False
        self._fill(values)

    def _fill(self, values):
        finite = [v for v in values if math.isfinite(v)]
        nonzero = [abs(v) for v in finite if v != 0]
        if nonzero:
            max_val, min_val = max(nonzero), min(nonzero)
            if max_val >= 1.e8 or (not self.suppress_small and (
                    min_val < 0.0001 or _round_to(max_val / min_val, self.itemsize) > 1000.)):
                self.exp_format = True
        psign = self.sign == "+"
        if not finite:
            self.pad_left = self.pad_right = 0
            self.trim, self.exp_size, self.unique, self.min_digits = ".", -1, True, -1
        elif self.exp_format:
            trim, unique = (".", True) if self.floatmode != "fixed" else ("k", False)
            strs = [_dragon4_format(v, self.itemsize, True, precision=self.precision,
                                    unique=unique, trim=trim, sign=psign) for v in finite]
            parts = [s.partition("e") for s in strs]
            int_frac = [p[0].split(".") for p in parts]
            self.exp_size = max(len(p[2]) for p in parts) - 1
            self.trim = "k"
            self.precision = max(len(f[1]) for f in int_frac)
            self.min_digits = self.precision
            self.unique = unique
            self.pad_left = max(len(f[0]) for f in int_frac)
            self.pad_right = self.exp_size + 2 + self.precision
        else:
            trim, unique = (".", True) if self.floatmode != "fixed" else ("k", False)
            strs = [_dragon4_format(v, self.itemsize, False, precision=self.precision,
                                    unique=unique, trim=trim, sign=psign) for v in finite]
            int_frac = [s.split(".") for s in strs]
            self.pad_left = max(len(f[0]) for f in int_frac)
            self.pad_right = max(len(f[1]) for f in int_frac)
            self.exp_size = -1
            self.unique = unique
            if self.floatmode in ("fixed", "maxprec_equal"):
                self.precision = self.min_digits = self.pad_right
                self.trim = "k"
            else:
                self.trim = "."
                self.min_digits = 0
        if self.sign == " " and not any(math.copysign(1.0, v) < 0 for v in finite):
            self.pad_left += 1
        if len(finite) != len(values):
            neginf = self.sign != "-" or any(v < 0 for v in values if math.isinf(v))
            offset = self.pad_right + 1
            self.pad_left = max(self.pad_left, len(self.nanstr) - offset,
                                len(self.infstr) + neginf - offset)

    def __call__(self, x):
        if not math.isfinite(x):
            if math.isnan(x):
                ret = ("+" if self.sign == "+" else "") + self.nanstr
            else:
                ret = ("-" if x < 0 else "+" if self.sign == "+" else "") + self.infstr
            return " " * (self.pad_left + self.pad_right + 1 - len(ret)) + ret
        if self.exp_format:
            return _dragon4_format(x, self.itemsize, True, precision=self.precision,
                                   min_digits=self.min_digits, unique=self.unique,
                                   trim=self.trim, sign=self.sign == "+",
                                   pad_left=self.pad_left, exp_digits=self.exp_size)
        return _dragon4_format(x, self.itemsize, False, precision=self.precision,
                               min_digits=self.min_digits, unique=self.unique, trim=self.trim,
                               sign=self.sign == "+", pad_left=self.pad_left,
                               pad_right=self.pad_right)


class _ComplexFormat:
    def __init__(self, values, itemsize, precision, floatmode, suppress_small, sign, options):
        if isinstance(sign, bool):
            sign = "+" if sign else "-"
        self.real = _FloatingFormat([v.real for v in values], itemsize, precision, floatmode,
                                    suppress_small, sign, options)
        self.imag = _FloatingFormat([v.imag for v in values], itemsize, precision, floatmode,
                                    suppress_small, "+", options)

    def __call__(self, x):
        r = self.real(x.real)
        i = self.imag(x.imag)
        sp = len(i.rstrip())
        return r + i[:sp] + "j" + i[sp:]


def _integer_format(values):
    width = max(len(str(max(values))), len(str(min(values)))) if values else 0
    return lambda x: "%*d" % (width, x)


def _bool_format(zero_d):
    truestr = "True" if zero_d else " True"
    return lambda x: truestr if x else "False"


def _format_function(values, dt, zero_d, options):
    """NumPy's _get_format_function: the formatter of this dtype (a user formatter first)."""
    kind = dt.kind
    key = {"b": "bool", "i": "int", "u": "int", "f": "float", "c": "complexfloat",
           "U": "numpystr", "S": "numpystr", "V": "void", "M": "datetime",
           "m": "timedelta"}.get(kind, "numpystr")
    formatter = options.get("formatter")
    if formatter is not None:
        fkeys = {k for k, v in formatter.items() if v is not None}
        groups = {"int": "int_kind", "float": "float_kind", "complexfloat": "complex_kind",
                  "numpystr": "str_kind"}
        chosen = None
        if "all" in fkeys:
            chosen = formatter["all"]
        if groups.get(key) in fkeys:
            chosen = formatter[groups[key]]
        if key in fkeys:
            chosen = formatter[key]
        if chosen is not None:
            scalar = dt.type
            return lambda x: chosen(scalar(x))
    if key == "bool":
        return _bool_format(zero_d)
    if key == "int":
        return _integer_format(values)
    if key in ("float", "complexfloat"):
        cls = _FloatingFormat if key == "float" else _ComplexFormat
        size = dt.itemsize if key == "float" else dt.itemsize // 2
        return cls(values, size, options["precision"], options["floatmode"],
                   options["suppress"], options["sign"], options)
    if key == "void":
        return str
    if key in ("datetime", "timedelta"):
        raise NotImplementedError("cnumpy.array2string: datetime64/timedelta64 arrays print "
                                  "through repr()/str() only")
    return repr


def _flat(nested, ndim):
    if ndim == 0:
        return [nested]
    if ndim == 1:
        return list(nested)
    return [v for sub in nested for v in _flat(sub, ndim - 1)]


def _leading_trailing(a, edgeitems, index=()):
    axis = len(index)
    if axis == a.ndim:
        return a[index]
    if a.shape[axis] > 2 * edgeitems:
        return concatenate((
            _leading_trailing(a, edgeitems, index + (slice(None, edgeitems),)),
            _leading_trailing(a, edgeitems, index + (slice(-edgeitems, None),))), axis=axis)
    return _leading_trailing(a, edgeitems, index + (slice(None),))


def _extend_line(s, line, word, line_width, next_line_prefix):
    needs_wrap = len(line) + len(word) > line_width
    if len(line) <= len(next_line_prefix):
        needs_wrap = False
    if needs_wrap:
        s += line.rstrip() + "\n"
        line = next_line_prefix
    return s, line + word


def _extend_line_pretty(s, line, word, line_width, next_line_prefix):
    words = word.splitlines()
    if len(words) == 1:
        return _extend_line(s, line, word, line_width, next_line_prefix)
    max_word_length = max(len(w) for w in words)
    if len(line) + max_word_length > line_width and len(line) > len(next_line_prefix):
        s += line.rstrip() + "\n"
        line = next_line_prefix + words[0]
        indent = next_line_prefix
    else:
        indent = len(line) * " "
        line += words[0]
    for w in words[1:]:
        s += line.rstrip() + "\n"
        line = indent + w
    return s, line + (max_word_length - len(words[-1])) * " "


def _format_nested(shape, nested, format_function, line_width, next_line_prefix, separator,
                   edge_items, summary_insert):
    """NumPy's _formatArray over nested lists: nested holds the printed corners (all items when
    not summarised), shape the full array's shape."""
    ndim = len(shape)

    def get(index):
        v = nested
        for i in index:
            v = v[i]
        return v

    def recurser(index, hanging_indent, curr_width):
        axis = len(index)
        axes_left = ndim - axis
        if axes_left == 0:
            return format_function(get(index))
        next_hanging_indent = hanging_indent + " "
        next_width = curr_width - len("]")
        a_len = shape[axis]
        show_summary = summary_insert and 2 * edge_items < a_len
        if show_summary:
            leading_items = trailing_items = edge_items
        else:
            leading_items, trailing_items = 0, a_len
        s = ""
        if axes_left == 1:
            elem_width = curr_width - max(len(separator.rstrip()), len("]"))
            line = hanging_indent
            for i in range(leading_items):
                word = recurser(index + (i,), next_hanging_indent, next_width)
                s, line = _extend_line_pretty(s, line, word, elem_width, hanging_indent)
                line += separator
            if show_summary:
                s, line = _extend_line(s, line, summary_insert, elem_width, hanging_indent)
                line += separator
            for i in range(trailing_items, 1, -1):
                word = recurser(index + (-i,), next_hanging_indent, next_width)
                s, line = _extend_line_pretty(s, line, word, elem_width, hanging_indent)
                line += separator
            word = recurser(index + (-1,), next_hanging_indent, next_width)
            s, line = _extend_line_pretty(s, line, word, elem_width, hanging_indent)
            s += line
        else:
            line_sep = separator.rstrip() + "\n" * (axes_left - 1)
            for i in range(leading_items):
                nested_s = recurser(index + (i,), next_hanging_indent, next_width)
                s += hanging_indent + nested_s + line_sep
            if show_summary:
                s += hanging_indent + summary_insert + line_sep
            for i in range(trailing_items, 1, -1):
                nested_s = recurser(index + (-i,), next_hanging_indent, next_width)
                s += hanging_indent + nested_s + line_sep
            nested_s = recurser(index + (-1,), next_hanging_indent, next_width)
            s += hanging_indent + nested_s
        return "[" + s[len(hanging_indent):] + "]"

    return recurser((), next_line_prefix, line_width)


def _options(precision=None, threshold=None, edgeitems=None, linewidth=None, suppress=None,
             sign=None, formatter=None, floatmode=None, legacy=None):
    """The print options with these overrides (NumPy's _make_options_dict checks)."""
    modes = ["fixed", "unique", "maxprec", "maxprec_equal"]
    if floatmode not in modes + [None]:
        raise ValueError("floatmode option must be one of " +
                         ", ".join('"{}"'.format(m) for m in modes))
    if sign not in [None, "-", "+", " "]:
        raise ValueError("sign option must be one of ' ', '+', or '-'")
    if legacy not in (None, False):
        raise NotImplementedError("cnumpy.array2string: legacy printing modes are not "
                                  "supported")
    if threshold is not None:
        if not isinstance(threshold, numbers.Number):
            raise TypeError("threshold must be numeric")
        if threshold != threshold:
            raise ValueError("threshold must be non-NAN, try sys.maxsize for untruncated "
                             "representation")
    if precision is not None:
        try:
            precision = operator.index(precision)
        except TypeError as e:
            raise TypeError("precision must be an integer") from e
    options = get_printoptions()
    given = dict(precision=precision, threshold=threshold, edgeitems=edgeitems,
                 linewidth=linewidth, suppress=suppress, sign=sign, formatter=formatter,
                 floatmode=floatmode)
    options.update({k: v for k, v in given.items() if v is not None})
    if suppress is not None:
        options["suppress"] = bool(suppress)
    return options


def _array2string(a, options, separator=" ", prefix="", texts=None, mask=None):
    """The text of a non-empty array. texts(data, mask): nested lists of ready-made element
    texts (numpy.ma's '--' for masked items) printed as NumPy prints an object array's
    elements; data and mask are cut to the printed corners first."""
    if a.size > options["threshold"]:
        summary_insert = "..."
        data = _leading_trailing(a, options["edgeitems"])
        if mask is not None:
            mask = _leading_trailing(mask, options["edgeitems"])
    else:
        summary_insert = ""
        data = a
    if texts is not None:
        nested, format_function = texts(data, mask), str
    else:
        nested = data.tolist()
        values = _flat(nested, data.ndim)
        format_function = _format_function(values, a.dtype, a.ndim == 0, options)
    return _format_nested(a.shape, nested, format_function, options["linewidth"],
                          " " + " " * len(prefix), separator, options["edgeitems"],
                          summary_insert)


def array2string(a, max_line_width=None, precision=None, suppress_small=None, separator=" ",
                 prefix="", style=NoValue, formatter=None, threshold=None, edgeitems=None,
                 sign=None, floatmode=None, suffix="", *, legacy=None):
    """numpy.array2string (legacy printing modes are not supported)."""
    options = _options(precision, threshold, edgeitems, max_line_width, suppress_small, sign,
                       formatter, floatmode, legacy)
    if style is not NoValue:
        warnings.warn("'style' argument is deprecated and no longer functional except in "
                      "1.13 'legacy' mode", DeprecationWarning, stacklevel=2)
    options["linewidth"] -= len(suffix)
    if a.size == 0:
        return "[]"
    return _array2string(a, options, separator, prefix)


def dtype_is_implied(dt):
    """NumPy's arrayprint.dtype_is_implied: repr() leaves these dtypes out."""
    dt = _dtype_cls(dt)
    if dt.names is not None or not dt.isnative:
        return False
    return dt.char in "ldD?"


def dtype_short_repr(dt):
    """NumPy's arrayprint.dtype_short_repr."""
    if dt.names is not None:
        return str(dt)
    if dt.kind in "SUV":
        return "'%s'" % str(dt)
    name = dt.name
    if name and not (name[0].isalpha() and name.isalnum()):
        name = repr(name)
    return name


def array_repr(arr, max_line_width=None, precision=None, suppress_small=None):
    """numpy.array_repr."""
    if max_line_width is None and precision is None and suppress_small is None and \
            type(arr) is ndarray:
        return repr(arr)
    if max_line_width is None:
        max_line_width = get_printoptions()["linewidth"]
    class_name = "array" if type(arr) is ndarray else type(arr).__name__
    skipdtype = dtype_is_implied(arr.dtype) and arr.size > 0
    prefix = class_name + "("
    suffix = ")" if skipdtype else ","
    if arr.size > 0 or arr.shape == (0,):
        lst = array2string(arr, max_line_width, precision, suppress_small, ", ", prefix,
                           suffix=suffix)
    else:
        lst = "[], shape=%s" % (repr(arr.shape),)
    arr_str = prefix + lst + suffix
    if skipdtype:
        return arr_str
    dtype_str = "dtype={})".format(dtype_short_repr(arr.dtype))
    last_line_len = len(arr_str) - (arr_str.rfind("\n") + 1)
    spacer = " "
    if last_line_len + len(dtype_str) + 1 > max_line_width:
        spacer = "\n" + " " * len(prefix)
    return arr_str + spacer + dtype_str


def array_str(a, max_line_width=None, precision=None, suppress_small=None):
    """numpy.array_str."""
    if a.shape == ():
        v = a[()]
        return repr(v) if isinstance(v, bytes) else str(v)
    return array2string(a, max_line_width, precision, suppress_small, " ", "")

