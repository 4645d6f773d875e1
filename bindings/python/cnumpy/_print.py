"""repr()/str() of arrays and the print options: the library formats (cnp_array_repr /
cnp_array_str, src/print), Python only moves the string across and frees it.

set_printoptions/get_printoptions/printoptions follow NumPy's signatures for the options the
library implements (precision, threshold, edgeitems, linewidth, suppress, sign, floatmode,
legacy).
"""
import contextlib
import math
import numbers
import threading
import warnings

from . import _backend, _capi, _dtype, _scalars
from ._capi import call, produce_string
from ._objarray import elements as _elements

_lib = _backend.lib
_C = _backend.consts
_SIGNS = {"-": _C["CNP_SIGN_MINUS"], "+": _C["CNP_SIGN_PLUS"], " ": _C["CNP_SIGN_SPACE"]}
_FLOATMODES = {"maxprec": _C["CNP_FLOATMODE_MAXPREC"], "fixed": _C["CNP_FLOATMODE_FIXED"],
               "unique": _C["CNP_FLOATMODE_UNIQUE"],
               "maxprec_equal": _C["CNP_FLOATMODE_MAXPREC_EQUAL"]}
_SIGN_NAMES = {v: k for k, v in _SIGNS.items()}
_FLOATMODE_NAMES = {v: k for k, v in _FLOATMODES.items()}

if _backend.NAME == "ctypes":
    from . import _ctypes_backend
    _new_options = _ctypes_backend._types.base("cnp_printoptions")
    _new_float_options = _ctypes_backend._types.base("cnp_format_float_options")
else:
    from ._cffi_backend import ffi as _ffi

    def _new_options():
        return _ffi.new("cnp_printoptions *")

    def _new_float_options():
        return _ffi.new("cnp_format_float_options *")

_TRIMS = {"k": _C["CNP_TRIM_KEEP"], ".": _C["CNP_TRIM_ZEROS"], "0": _C["CNP_TRIM_ONE_ZERO"],
          "-": _C["CNP_TRIM_POINT"]}
_FLOAT_TYPENUMS = {2: _C["CNP_FLOAT16"], 4: _C["CNP_FLOAT32"], 8: _C["CNP_FLOAT64"]}


# The entry point without the ctypes backend's int-range wrapper: the typenum comes from
# _FLOAT_TYPENUMS and the counts were checked to fit an int32 (_arrayprint).
_format_float_raw = getattr(_lib.cnp_format_float, "_as_parameter_", _lib.cnp_format_float)
_float_options_cache = {}


def _float_options(key):
    """The cnp_format_float_options of an argument tuple, built once: the struct is only read by
    the library, so calls with the same arguments (a loop over values) share it."""
    o = _float_options_cache.get(key)
    if o is None:
        if len(_float_options_cache) >= 256:
            _float_options_cache.clear()
        o = _new_float_options()
        (o.scientific, o.precision, o.unique, o.fractional, o.trim, o.sign, o.pad_left,
         o.pad_right, o.exp_digits, o.min_digits) = key
        _float_options_cache[key] = o
    return o


def format_float_default(value, scientific):
    """format_float_positional(value) / format_float_scientific(value) of a Python float with
    every other argument at NumPy's default: the options struct built once, the out cell one
    per thread (the call cannot re-enter), the check inline."""
    try:
        cell = _tls.cell
    except AttributeError:
        cell = _tls.cell = _new_charp_out()
    st = _format_float_raw(value, _F64, _DEFAULT_FLOAT_OPTIONS[scientific], cell)
    if st:
        raise _capi.error(st)
    if _capi.pending:
        _capi.flush_warnings()
    return _take(cell)


def format_float(value, itemsize, scientific, precision=-1, unique=True, fractional=True,
                 trim="k", sign=False, pad_left=-1, pad_right=-1, exp_digits=-1,
                 min_digits=-1):
    """NumPy's Dragon4 (cnp_format_float) of a Python float taken as a float of this size;
    counts are -1 for None and already checked, trim is one of 'k', '.', '0', '-'."""
    o = _float_options((1 if scientific else 0, precision, 1 if unique else 0,
                        1 if fractional else 0, _TRIMS[trim], 1 if sign else 0, pad_left,
                        pad_right, exp_digits, min_digits))
    return produce_string(_format_float_raw, value, _FLOAT_TYPENUMS[itemsize], o)


_F64 = _FLOAT_TYPENUMS[8]
_tls = threading.local()
_new_charp_out = _backend.new_charp_out
_take = _capi._take
_DEFAULT_FLOAT_OPTIONS = {
    sci: _float_options((1 if sci else 0, -1, 1, 1, _TRIMS["k"], 0, -1, -1, -1, -1))
    for sci in (False, True)}


def array_repr(self):
    """ndarray.__repr__."""
    if self.dtype.kind == "O":
        return _object_repr(self)
    return produce_string(_lib.cnp_array_repr, self._h)


def array_str(self):
    """ndarray.__str__."""
    if self.dtype.kind == "O":
        if not self.shape:
            return str(self[()])
        return object_array2string(self, get_printoptions(), " ", "", "")
    return produce_string(_lib.cnp_array_str, self._h)


def _object_text(o):
    """NumPy's element text of an object array (arrayprint's _object_format)."""
    return "list(%r)" % (o,) if type(o) is list else repr(o)


def _shown(a, options):
    """The elements NumPy prints of an object array, flat in C order: all of them, or the
    corners (edgeitems of each longer axis) when the size is above threshold."""
    threshold, edge = options["threshold"], options["edgeitems"]
    if a.size > threshold:
        for ax, n in enumerate(a.shape):
            if n > 2 * edge:
                head = (slice(None),) * ax
                parts = [a[head + (slice(0, edge),)], a[head + (slice(n - edge, n),)]]
                nd = len(a.shape)
                handles = _backend.handle_array([p._h for p in parts])
                axis = _backend.int64_array([ax])
                a = _capi.produce(_lib.cnp_concatenate, 2, handles, axis, _backend.NULL,
                                  _backend.NULL, _C["CNP_CASTING_SAME_KIND"]) if nd else a
    return _elements(a)


def object_array2string(a, options, separator, prefix, suffix):
    """array2string of an object array: each shown element's repr, laid out by the library's
    printer over a stand-in array of the same shape."""
    texts = [_object_text(o) for o in _shown(a, options)]
    nd = len(a.shape)
    # One zero seen with the array's shape (a broadcast view: no memory per element).
    stand_in = _capi.produce(_lib.cnp_zeros, 0, _backend.NULL, _backend.NULL, 0)
    if nd:
        stand_in = _capi.produce(_lib.cnp_broadcast_to, stand_in._h, nd,
                                 _backend.int64_array(a.shape))
    return array2string(stand_in, options, separator, prefix, suffix, texts)


def _object_repr(a):
    """NumPy's _array_repr_implementation for an object array."""
    options = get_printoptions()
    if a.size > 0 or a.shape == (0,):
        body = object_array2string(a, options, ", ", "array(", ",")
    else:
        body = "[], shape=%r" % (a.shape,)
    text = "array(" + body + ","
    dtype_text = "dtype=object)"
    last = len(text) - (text.rfind("\n") + 1)
    spacer = " "
    if options["legacy"] == "1.13":
        if "\n" in text:
            spacer = "\n" + " " * len("array(")
    elif last + len(dtype_text) + 1 > options["linewidth"]:
        spacer = "\n" + " " * len("array(")
    return text + spacer + dtype_text


def _clamp_int(value, lo, hi):
    return max(lo, min(int(value), hi))


def array2string(a, options, separator, prefix, suffix, texts=None):
    """cnp_array2string with per-call options: options is a get_printoptions()-like dict of
    already validated values (precision an int, sign/floatmode names); texts: None or the
    element texts of the shown elements (see print.h)."""
    o = _new_options()
    o.precision = _clamp_int(options["precision"], -1, _INT32_MAX)
    o.edgeitems = _count_option("edgeitems", options["edgeitems"], _INT32_MAX)
    o.threshold = _count_option("threshold", options["threshold"], _INT64_MAX)
    lw = options["linewidth"]
    o.linewidth = _clamp_int(lw, -_INT32_MAX, _INT32_MAX) if isinstance(lw, numbers.Integral) \
        else _count_option("linewidth", lw, _INT32_MAX)
    o.suppress = 1 if options["suppress"] else 0
    o.sign = _SIGNS[options["sign"]]
    o.floatmode = _FLOATMODES[options["floatmode"]]
    o.legacy = _LEGACY[options["legacy"]]
    if texts is None:
        ctexts, n = _backend.NULL, 0
    else:
        ctexts, n = _backend.charp_array([t.encode("utf-8") for t in texts]), len(texts)
    return produce_string(_lib.cnp_array2string, a._h, o, separator.encode("utf-8"),
                          prefix.encode("utf-8"), suffix.encode("utf-8"), ctexts, n)


def _current():
    o = _new_options()
    call(_lib.cnp_get_printoptions, o)
    return o


# NumPy keeps whatever value was given (get_printoptions() hands back inf, 1.5, True); the C
# struct holds the int it prints with. _given remembers, per option, the value set from Python
# and the C value it became, so get_printoptions returns the given value while C still has it.
_given = {}
_INT32_MAX = 2**31 - 1
_INT64_MAX = 2**63 - 1


def _reported(name, c_value):
    given = _given.get(name)
    return given[0] if given is not None and given[1] == c_value else c_value


def get_printoptions():
    """The current print options as a dict (NumPy's keys; nanstr/infstr/formatter are fixed at
    NumPy's defaults)."""
    o = _current()
    return {"edgeitems": _reported("edgeitems", o.edgeitems),
            "threshold": _reported("threshold", o.threshold), "floatmode":
            _FLOATMODE_NAMES[o.floatmode], "precision": o.precision, "suppress": bool(o.suppress),
            "linewidth": _reported("linewidth", o.linewidth), "nanstr": "nan", "infstr": "inf",
            "sign": _SIGN_NAMES[o.sign], "formatter": None, "legacy": _LEGACY_NAMES[o.legacy]}


_LEGACY = {False: _C["CNP_LEGACY_OFF"], "1.13": _C["CNP_LEGACY_1_13"],
           "1.21": _C["CNP_LEGACY_1_21"]}
_LEGACY_NAMES = {v: k for k, v in _LEGACY.items()}


def legacy_option(legacy, stacklevel=4):
    """The C value of NumPy's legacy= argument (None: not given); anything else than False,
    '1.13' or '1.21' is NumPy's UserWarning and leaves the mode as it is."""
    if legacy is None:
        return None
    if legacy == False:     # noqa: E712 - NumPy's test (0 and np.False_ count too)
        return _LEGACY[False]
    if legacy == "1.13" or legacy == "1.21":
        return _LEGACY[legacy]
    warnings.warn("legacy printing option can currently only be '1.13', '1.21', or `False`",
                  stacklevel=stacklevel)
    return None


def _count_option(name, value, limit):
    """The C value of a count option given as an int or a real number: infinity and counts above
    the C field's range mean "no limit" (the printer can never reach them), a fraction counts
    like NumPy's comparisons do (size > 1.5 is size > 1). Negative values become -1 for the
    library to refuse."""
    if isinstance(value, numbers.Integral):
        return max(-1, min(int(value), limit))
    if isinstance(value, numbers.Real) and value == value:
        if value >= limit:
            return limit
        # NumPy slices with edgeitems when it prints, so a fraction fails there (TypeError):
        # refuse it here instead, where the mistake is made.
        if name != "edgeitems":
            return max(-1, math.floor(value))
    raise TypeError(f"{name} must be an integer")


def set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None,
                     suppress=None, nanstr=None, infstr=None, formatter=None, sign=None,
                     floatmode=None, *, legacy=None):
    """numpy.set_printoptions for precision, threshold, edgeitems, linewidth, suppress, sign and
    floatmode (None keeps the current value). threshold, edgeitems and linewidth accept
    infinity ("never summarise", "all items", "one line") and are reported back as given."""
    if nanstr not in (None, "nan") or infstr not in (None, "inf") or formatter is not None:
        raise NotImplementedError("cnumpy.set_printoptions: nanstr, infstr and formatter are "
                                  "not supported")
    o = _current()
    legacy_value = legacy_option(legacy)
    if legacy_value is not None:
        o.legacy = legacy_value     # the library resets sign to '-' in 1.13 mode, as NumPy
    given = {}
    if floatmode is not None:
        if floatmode not in _FLOATMODES:
            raise ValueError("floatmode option must be one of " +
                             ", ".join('"{}"'.format(m) for m in
                                       ("fixed", "unique", "maxprec", "maxprec_equal")))
        o.floatmode = _FLOATMODES[floatmode]
    if sign is not None:
        if sign not in _SIGNS:
            raise ValueError("sign option must be one of ' ', '+', or '-'")
        o.sign = _SIGNS[sign]
    if threshold is not None:
        if not isinstance(threshold, numbers.Number):
            raise TypeError("threshold must be numeric")
        if isinstance(threshold, numbers.Integral) and not -2**63 <= threshold < 2**64:
            # NumPy tests np.isnan(threshold), which has no loop for ints beyond 64 bits
            raise TypeError("ufunc 'isnan' not supported for the input types, and the inputs "
                            "could not be safely coerced to any supported types according to "
                            "the casting rule ''safe''")
        if threshold != threshold:
            raise ValueError("threshold must be non-NAN, try sys.maxsize for untruncated "
                             "representation")
        given["threshold"] = threshold
    if precision is not None:
        try:
            precision = precision.__index__()
        except AttributeError:
            raise TypeError("precision must be an integer") from None
        if precision < 0:
            raise ValueError("precision must be >= 0")
        if precision > _INT32_MAX:
            raise OverflowError("Python int too large to convert to C int")
        o.precision = precision
    # The C fields are int32_t: larger values mean the same as INT32_MAX (show everything, one
    # line), instead of being cut to their low 32 bits.
    if edgeitems is not None:
        given["edgeitems"] = edgeitems
    if linewidth is not None:
        given["linewidth"] = linewidth
    limits = {"threshold": _INT64_MAX, "edgeitems": _INT32_MAX, "linewidth": _INT32_MAX}
    for name, value in given.items():
        setattr(o, name, _count_option(name, value, limits[name]))
    if suppress is not None:
        o.suppress = 1 if suppress else 0
    call(_lib.cnp_set_printoptions, o)
    for name, value in given.items():
        _given[name] = (value, getattr(o, name))
    # the scalar types and dtypes print themselves: tell them the legacy mode
    _dtype.set_legacy_print(o.legacy)
    _scalars.set_legacy_print(o.legacy)


@contextlib.contextmanager
def printoptions(*args, **kwargs):
    """Context manager setting print options inside the with-block (numpy.printoptions)."""
    saved = get_printoptions()
    set_printoptions(*args, **kwargs)
    try:
        yield get_printoptions()
    finally:
        set_printoptions(**{k: saved[k] for k in ("precision", "threshold", "edgeitems",
                                                   "linewidth", "suppress", "sign",
                                                   "floatmode", "legacy")})
