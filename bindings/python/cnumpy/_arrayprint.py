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
import numbers
import operator
import warnings

from . import _accel
from ._dtype import dtype as _dtype_cls
from ._ndarray import ndarray
from ._print import get_printoptions, object_array2string, format_float as _format_float, \
    format_float_default as _format_float_default, array2string as _print_array2string, \
    legacy_option as _legacy_option, _LEGACY_NAMES
from ._args import NoValue
from ._joining import concatenate

_FLOAT_SIZES = (2, 4, 8)
_TRIMS = ("k", ".", "0", "-")


def _float_value(x):
    """(Python float, itemsize) of a value handed to format_float_*: NumPy's float16/32/64
    scalars keep their type, anything else goes through float() (a float64) as PyFloat_AsDouble
    does."""
    dt = getattr(x, "dtype", None)
    if dt is not None and getattr(x, "ndim", 0) == 0 and dt.kind == "f" and dt.itemsize in \
            _FLOAT_SIZES:
        return float(x), dt.itemsize
    if isinstance(x, (str, bytes)) or not hasattr(x, "__float__") and not hasattr(x, "__index__"):
        raise TypeError("must be real number, not %s" % type(x).__name__)
    return float(x), 8


def _dragon4_format(x, itemsize, scientific, precision=-1, unique=True, fractional=True,
                    trim="k", sign=False, pad_left=-1, pad_right=-1, exp_digits=-1,
                    min_digits=-1):
    """Dragon4_Positional / Dragon4_Scientific (the library's cnp_format_float) on a Python
    float of the given float size, with NumPy's argument errors."""
    if trim not in _TRIMS or not isinstance(trim, str):
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
    if x >= 2**31 - 1:     # the C int of NumPy's Dragon4 arguments (and our int32 fields)
        raise OverflowError("Python int too large to convert to C int")
    return x


def format_float_scientific(x, precision=None, unique=True, trim="k", sign=False,
                            pad_left=None, exp_digits=None, min_digits=None):
    """numpy.format_float_scientific: Dragon4 in scientific notation."""
    if type(x) is float and precision is None and unique is True and trim == "k" and \
            sign is False and pad_left is None and exp_digits is None and min_digits is None:
        return _format_float_default(x, True)
    precision = -1 if precision is None else _none_or_positive_arg(precision, "precision")
    pad_left = -1 if pad_left is None else _none_or_positive_arg(pad_left, "pad_left")
    exp_digits = -1 if exp_digits is None else _none_or_positive_arg(exp_digits, "exp_digits")
    min_digits = -1 if min_digits is None else _none_or_positive_arg(min_digits, "min_digits")
    if min_digits > 0 and precision > 0 and min_digits > precision:
        raise ValueError("min_digits must be less than or equal to precision")
    value, itemsize = (x, 8) if type(x) is float else _float_value(x)
    return _dragon4_format(value, itemsize, True, precision, unique, True, trim, sign,
                           pad_left, -1, exp_digits, min_digits)


def format_float_positional(x, precision=None, unique=True, fractional=True, trim="k",
                            sign=False, pad_left=None, pad_right=None, min_digits=None):
    """numpy.format_float_positional: Dragon4 in positional notation."""
    if type(x) is float and precision is None and unique is True and fractional is True and \
            trim == "k" and sign is False and pad_left is None and pad_right is None and \
            min_digits is None:
        # most calls pass only a float: at ~1 us per call, argument handling would show
        return _format_float_default(x, False)
    precision = -1 if precision is None else _none_or_positive_arg(precision, "precision")
    pad_left = -1 if pad_left is None else _none_or_positive_arg(pad_left, "pad_left")
    pad_right = -1 if pad_right is None else _none_or_positive_arg(pad_right, "pad_right")
    min_digits = -1 if min_digits is None else _none_or_positive_arg(min_digits, "min_digits")
    if not fractional and precision == 0:
        raise ValueError("precision must be greater than 0 if fractional=False")
    if min_digits > 0 and precision > 0 and min_digits > precision:
        raise ValueError("min_digits must be less than or equal to precision")
    value, itemsize = (x, 8) if type(x) is float else _float_value(x)
    return _dragon4_format(value, itemsize, False, precision, unique, fractional, trim, sign,
                           pad_left, pad_right, -1, min_digits)


# The extension's C path for a plain float with every option at its default (the common
# call); everything else runs the Python functions above.
format_float_scientific = _accel.fast_function("format_float_scientific", format_float_scientific)
format_float_positional = _accel.fast_function("format_float_positional", format_float_positional)


def _user_format(dt, options):
    """A function giving the texts of an array's elements in C order through the formatter=
    callable for this dtype (NumPy's _get_format_function
    order: 'all', then the kind group, then the exact kind), or None for the library's own."""
    formatter = options.get("formatter")
    if formatter is None:
        return None
    key = {"b": "bool", "i": "int", "u": "int", "f": "float", "c": "complexfloat",
           "U": "numpystr", "S": "numpystr", "V": "void", "M": "datetime",
           "m": "timedelta"}.get(dt.kind, "numpystr")
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
    if chosen is None:
        return None
    if dt.kind in "Mm":     # tolist() gives dates; the formatter gets datetime64 scalars
        return lambda data: [chosen(v) for v in data.ravel()]
    scalar = dt.type
    return lambda data: [chosen(scalar(x)) for x in _flat(data.tolist(), data.ndim)]


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


def _options(precision=None, threshold=None, edgeitems=None, linewidth=None, suppress=None,
             sign=None, formatter=None, floatmode=None, legacy=None):
    """The print options with these overrides (NumPy's _make_options_dict checks)."""
    modes = ["fixed", "unique", "maxprec", "maxprec_equal"]
    if floatmode not in modes + [None]:
        raise ValueError("floatmode option must be one of " +
                         ", ".join('"{}"'.format(m) for m in modes))
    if sign not in [None, "-", "+", " "]:
        raise ValueError("sign option must be one of ' ', '+', or '-'")
    given_legacy = legacy
    legacy = _legacy_option(legacy, stacklevel=4)
    if legacy is None and isinstance(given_legacy, str):
        # NumPy keeps the unknown string and then compares it with 113
        raise TypeError("'<=' not supported between instances of 'str' and 'int'")
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
    if legacy is not None:
        options["legacy"] = _LEGACY_NAMES[legacy]
    if suppress is not None:
        options["suppress"] = bool(suppress)
    return options


def _array2string(a, options, separator=" ", prefix="", texts=None, mask=None, suffix=""):
    """The text of an array through the library's one layout (cnp_array2string). Element texts
    come from Python only for a formatter= callable or texts(data, mask) (nested lists of
    ready-made texts, numpy.ma's '--' for masked items); data and mask are first cut to the
    printed corners, which is the order cnp_array2string expects them in."""
    if a.dtype.kind == "O" and texts is None and _user_format(a.dtype, options) is None:
        return object_array2string(a, options, separator, prefix, suffix)
    fmt = _user_format(a.dtype, options) if texts is None else None
    flat = None
    if (texts is not None or fmt is not None) and a.size > 0:
        if a.size > options["threshold"]:
            data = _leading_trailing(a, options["edgeitems"])
            if mask is not None:
                mask = _leading_trailing(mask, options["edgeitems"])
        else:
            data = a
        if texts is not None:
            flat = [str(t) for t in _flat(texts(data, mask), data.ndim)]
        else:
            flat = fmt(data)
    return _print_array2string(a, options, separator, prefix, suffix, flat)


def array2string(a, max_line_width=None, precision=None, suppress_small=None, separator=" ",
                 prefix="", style=NoValue, formatter=None, threshold=None, edgeitems=None,
                 sign=None, floatmode=None, suffix="", *, legacy=None):
    """numpy.array2string (legacy='1.13': NumPy 1.13's layout, style() of a 0-d array's item)."""
    options = _options(precision, threshold, edgeitems, max_line_width, suppress_small, sign,
                       formatter, floatmode, legacy)
    if options["legacy"] == "1.13":
        if style is NoValue:
            style = repr
        if a.shape == () and a.dtype.names is None:
            return style(a.item())
    elif style is not NoValue:
        warnings.warn("'style' argument is deprecated and no longer functional except in "
                      "1.13 'legacy' mode", DeprecationWarning, stacklevel=2)
    if a.size == 0:
        return "[]"
    return _array2string(a, options, separator, prefix, suffix=suffix)


def dtype_is_implied(dt):
    """NumPy's arrayprint.dtype_is_implied: repr() leaves these dtypes out (not bool in 1.13
    legacy mode)."""
    dt = _dtype_cls(dt)
    if dt.names is not None or not dt.isnative:
        return False
    if dt.char == "?" and get_printoptions()["legacy"] == "1.13":
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
    legacy = get_printoptions()["legacy"] == "1.13"
    if legacy and arr.shape == () and arr.dtype.names is None:
        lst = repr(arr.item())
    elif arr.size > 0 or arr.shape == (0,):
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
    if legacy:
        if arr.dtype.kind in "SUV":
            spacer = "\n" + " " * len(prefix)
    elif last_line_len + len(dtype_str) + 1 > max_line_width:
        spacer = "\n" + " " * len(prefix)
    return arr_str + spacer + dtype_str


def array_str(a, max_line_width=None, precision=None, suppress_small=None):
    """numpy.array_str."""
    if a.shape == () and a.dtype.names is None and get_printoptions()["legacy"] == "1.13":
        return str(a.item())
    if a.shape == ():
        v = a[()]
        return repr(v) if isinstance(v, bytes) else str(v)
    return array2string(a, max_line_width, precision, suppress_small, " ", "")

