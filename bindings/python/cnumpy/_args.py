"""Argument conversion shared by the wrappers: shapes, orders, castings, dtypes, axes, out=.
Every module takes its arguments through these helpers (there is no second axis parser).

An axis goes to the library in the C ABI's three forms (docs/api-conventions.md): a required
axis as a plain int64_t, an optional single axis as a pointer to one (NULL is None), an optional
tuple of axes as (axes, naxes) (NULL is None); axis, axis_pointer and axes produce them, and normalize_axis/normalize_axis_tuple are NumPy's for the axes Python itself
uses.

Error messages are NumPy's, since callers compare them."""
import operator

from . import _backend, _capi
from ._dtype import dtype, _BY_KEY
from ._errors import AxisError

_C = _backend.consts
_NULL = _backend.NULL
_int64_array = _backend.int64_array

ORDER_C = _C["CNP_ORDER_C"]
ORDER_F = _C["CNP_ORDER_F"]
ORDER_A = _C["CNP_ORDER_A"]
ORDER_K = _C["CNP_ORDER_K"]
_ORDERS = {"C": ORDER_C, "F": ORDER_F, "A": ORDER_A, "K": ORDER_K,
           "c": ORDER_C, "f": ORDER_F, "a": ORDER_A, "k": ORDER_K}

CASTINGS = {"no": _C["CNP_CASTING_NO"], "equiv": _C["CNP_CASTING_EQUIV"],
            "safe": _C["CNP_CASTING_SAFE"], "same_kind": _C["CNP_CASTING_SAME_KIND"],
            "unsafe": _C["CNP_CASTING_UNSAFE"]}
CASTING_UNSAFE = CASTINGS["unsafe"]


def order(value, default=ORDER_K):
    """NumPy's order= argument ('C', 'F', 'A', 'K'; None for the function's default)."""
    try:
        return _ORDERS[value]
    except (KeyError, TypeError):
        pass
    if value is None:
        return default
    raise ValueError("order must be one of 'C', 'F', 'A', or 'K' (got %r)" % (value,))


def order_cf(value):
    """order= of functions that lay out new memory without a prototype (empty, zeros...)."""
    o = order(value, ORDER_C)
    if o != ORDER_C and o != ORDER_F:
        raise ValueError("only 'C' or 'F' order is permitted")
    return o


def casting(value):
    try:
        return CASTINGS[value]
    except (KeyError, TypeError):
        raise ValueError("casting must be one of 'no', 'equiv', 'safe', 'same_kind', or "
                         "'unsafe' (got %r)" % (value,)) from None


_I64_MIN, _I64_MAX = -2**63, 2**63 - 1
DIM_ERROR = "Maximum allowed dimension exceeded"


def int64(value, message=DIM_ERROR):
    """operator.index(value), which must fit an int64_t (ctypes would silently wrap it)."""
    v = operator.index(value)
    if not _I64_MIN <= v <= _I64_MAX:
        raise ValueError(message)
    return v


def shape(value):
    """An int or a sequence of ints -> a tuple of ints (operator.index on each, as NumPy)."""
    if type(value) is int:
        if not _I64_MIN <= value <= _I64_MAX:
            raise ValueError(DIM_ERROR)
        return (value,)
    if type(value) is tuple and all(type(v) is int and _I64_MIN <= v <= _I64_MAX
                                    for v in value):
        return value
    try:
        return (int64(value),)
    except TypeError:
        pass
    try:
        items = list(value)
    except TypeError:
        raise TypeError("expected a sequence of integers or a single integer, got '%s'"
                        % (value,)) from None
    return tuple(int64(v) for v in items)


def shape_array(value):
    """(ndim, int64_t[] or NULL) for a shape argument."""
    if type(value) is int and _I64_MIN <= value <= _I64_MAX:
        return 1, _int64_array((value,))
    s = shape(value)
    return len(s), (_int64_array(s) if s else _NULL)


def dtype_handle(spec, _by_key=_BY_KEY, _dtype=dtype):
    """The library handle of a dtype argument; NULL for None (the function's default)."""
    if type(spec) is _dtype:
        return spec._h
    if spec is None:        # before the cache: a KeyError would cost more than the whole call
        return _NULL
    try:
        return _by_key[spec]._h
    except (KeyError, TypeError):
        pass
    return _dtype(spec)._h


def boolean(value):
    return 1 if value else 0


class _NoValueType:
    """NumPy's _NoValue: an argument that was not given (initial=None means something else)."""

    def __repr__(self):
        return "<no value>"


NoValue = _NoValueType()


# -- axes -----------------------------------------------------------------------------------------
def axis(value):
    """A single axis that the library normalises itself (an int64_t argument)."""
    return int64(value)


def axes(value):
    """(int64_t[] or NULL, count) for an optional axis or tuple of axes; count -1 is None. An
    empty tuple passes a non-NULL pointer with count 0 (no axes, which is not None)."""
    if value is None:
        return _NULL, -1
    if isinstance(value, tuple):
        vals = [operator.index(a) for a in value]
        return _int64_array(vals if vals else [0]), len(vals)
    return _int64_array([operator.index(value)]), 1


def axis_pointer(value):
    """int64_t[1] or NULL for an optional single axis passed by pointer (take, repeat...)."""
    return _NULL if value is None else _int64_array([operator.index(value)])


def int_sequence(value):
    """(int64_t[] or NULL, count) for an optional int or sequence of ints (numpy.fft's s and
    axes); NULL is None, an empty sequence a non-NULL pointer with count 0 (ABI 1)."""
    if value is None:
        return _NULL, -1
    try:
        items = [operator.index(value)]
    except TypeError:
        items = [operator.index(x) for x in value]
    return _int64_array(items if items else [0]), len(items)


def normalize_axis(axis, ndim, argname=None):
    """NumPy's normalize_axis_index: axis in [0, ndim), AxisError otherwise."""
    try:
        axis = operator.index(axis)
    except TypeError:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(axis).__name__) from None
    if not -ndim <= axis < ndim:
        raise AxisError(axis, ndim, argname)
    return axis % ndim if ndim else axis


def normalize_axis_tuple(axis, ndim, argname=None, allow_duplicate=False):
    """NumPy's normalize_axis_tuple: an axis or a sequence of axes as a tuple of normalised
    axes, ValueError for repeats."""
    if type(axis) not in (tuple, list):
        try:
            axis = [operator.index(axis)]
        except TypeError:
            pass
    axis = tuple(normalize_axis(ax, ndim, argname) for ax in axis)
    if not allow_duplicate and len(set(axis)) != len(axis):
        if argname:
            raise ValueError("repeated axis in `%s` argument" % argname)
        raise ValueError("repeated axis")
    return axis


# -- out= -----------------------------------------------------------------------------------------
def out(value):
    """The out= of a function with one output: None, an ndarray, or a tuple of one of them."""
    if value is None:
        return None
    if isinstance(value, tuple):
        if len(value) != 1:
            raise ValueError("The 'out' tuple must have exactly one entry")
        value = value[0]
    if value is not None and not _capi.is_array(value):
        raise TypeError("output must be an array")
    return value


def ufunc_out(value):
    """An output array of a ufunc (or a function taking the ufunc keywords): None or an ndarray,
    with NumPy's message for anything else."""
    if value is not None and not _capi.is_array(value):
        raise TypeError("return arrays must be of ArrayType")
    return value


def handle(x):
    """The handle of an optional array argument (NULL for None)."""
    return _NULL if x is None else x._h
