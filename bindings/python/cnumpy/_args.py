"""Argument conversion shared by the wrappers: shapes, orders, castings, dtypes, axes.

Error messages are NumPy's, since callers compare them."""
import operator

from . import _backend
from ._dtype import dtype, _BY_KEY

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
    try:
        return _by_key[spec]._h
    except (KeyError, TypeError):
        pass
    if spec is None:
        return _NULL
    return _dtype(spec)._h


def axis(value):
    return int64(value)


def boolean(value):
    return 1 if value else 0
