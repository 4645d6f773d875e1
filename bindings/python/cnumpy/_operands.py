"""Ufunc operands: any input as the array the library computes on, as NumPy 2 (NEP 50) sees it.

cnumpy arrays are used as they are, cnumpy scalars as 0-d arrays of their type, Python
int/float/complex as *weak* 0-d arrays (cnp_array_from_scalar with CNP_SCALAR_WEAK: they take the
other operand's type, int8_array + 1 stays int8), Python bools as strong bool arrays,
lists/tuples and other array-likes as cnumpy.asarray makes them. Weak 0-d arrays of small Python
scalars are cached: building one is most of the cost of `a + 1.5`.
"""
import math

from . import _backend
from ._capi import error, wrap
from ._convert import as_array, from_sequence
from ._dtype import promote_types
from ._ndarray import ndarray
from ._scalars import _datetime_base, generic, to_cscalar

_lib = _backend.lib
_NULL = _backend.NULL
_array_from_scalar = _lib.cnp_array_from_scalar


def _zero_d(s, _new_cell=_backend.new_array_out):
    """A 0-d array made from a cnp_scalar. (produce's steps, inlined: every operator on a cnumpy
    scalar makes one or two of these, and a call level is 3% of such an operation.)"""
    cell = _new_cell()
    st = _array_from_scalar(s, _NULL, cell)
    if st:
        raise error(st)
    a = wrap(cell[0])
    a._shape = ()
    return a


def weak_new(v):
    return _zero_d(to_cscalar(v))       # Python int/float/complex: flagged weak


# Weak 0-d arrays of Python scalars, by value. The library only reads its inputs, so one array
# serves every call (and thread). ints and floats are kept apart (1 == 1.0), zeros by sign,
# nan never (nan != nan).
_WEAK_INT = {}
_WEAK_FLOAT = {}
_WEAK_MAX = 1024
_INT_LO, _INT_HI = -2**63, 2**64 - 1


def _weak_int(v):
    a = _WEAK_INT.get(v)
    if a is None:
        a = weak_new(v)
        if len(_WEAK_INT) < _WEAK_MAX:
            _WEAK_INT[v] = a
    return a


_POS_ZERO = _NEG_ZERO = None


def _weak_float(v):
    a = _WEAK_FLOAT.get(v)
    if a is None:
        if v == 0.0:
            global _POS_ZERO, _NEG_ZERO
            if math.copysign(1.0, v) > 0:
                if _POS_ZERO is None:
                    _POS_ZERO = weak_new(0.0)
                return _POS_ZERO
            if _NEG_ZERO is None:
                _NEG_ZERO = weak_new(-0.0)
            return _NEG_ZERO
        a = weak_new(v)
        if v == v and len(_WEAK_FLOAT) < _WEAK_MAX:
            _WEAK_FLOAT[v] = a
    return a


_BOOLS = {}


def _strong_bool(v):
    a = _BOOLS.get(v)
    if a is None:
        a = _BOOLS[v] = _zero_d(to_cscalar(bool(v)))
    return a


def typed(v):
    """A cnumpy scalar as a 0-d array of its own type (strong)."""
    if isinstance(v, _datetime_base):
        return v._array()
    return _zero_d(to_cscalar(v))


def operand(x):
    """Any ufunc input as a cnumpy array (see the module docstring)."""
    t = type(x)
    if t is ndarray:
        return x
    if t is float:
        return _weak_float(x)
    if t is int:
        return _weak_int(x)
    if t is bool:
        return _strong_bool(x)
    if isinstance(x, generic) and hasattr(t, "_typenum"):   # numbers; str_/datetime64 as arrays
        return typed(x)
    if t is complex:
        return weak_new(x)
    if t is list or t is tuple:
        return from_sequence(x)
    if isinstance(x, ndarray):
        return x
    return as_array(x)


def op_operand(x):
    """operand(x) for a binary operator, or None when the operator should return
    NotImplemented (types cnumpy cannot make arrays of, objects opting out of NumPy's operators
    with __array_ufunc__ = None)."""
    t = type(x)
    if t is float:
        return _weak_float(x)
    if t is int:
        if _INT_LO <= x <= _INT_HI:
            return _weak_int(x)
        return HUGE
    if getattr(t, "__array_ufunc__", 0) is None:
        return None
    if t is str or t is bytes:
        return None     # no string ufunc loops yet (numpy.char): the operator defers, as before
    try:
        return operand(x)
    except NotImplementedError:
        return None


HUGE = object()    # marker: a Python int beyond int64/uint64, resolved by huge_operand


def huge_operand(x, others, comparison):
    """A Python int too large for any integer dtype, next to `others` (NumPy 2's rules): with a
    float/complex operand it is a (weak) float; in a comparison with integers it compares as
    the infinity of its sign (always the true answer); otherwise OverflowError."""
    kinds = [a.dtype.kind for a in others]
    if any(k in "fc" for k in kinds):
        return weak_new(float(x))
    if kinds and comparison:
        return weak_new(math.copysign(math.inf, x))
    if kinds:
        d = others[0].dtype
        for a in others[1:]:
            d = promote_types(d, a.dtype)
        raise OverflowError("Python integer %d out of bounds for %s" % (x, d.name))
    raise OverflowError("Python int too large to convert to C long")


def inputs(xs, comparison):
    """The inputs of a ufunc call as arrays (huge Python ints resolved against the others)."""
    arrs = []
    huge = []
    for i, x in enumerate(xs):
        if type(x) is int and not _INT_LO <= x <= _INT_HI:
            arrs.append(None)
            huge.append(i)
        else:
            arrs.append(operand(x))
    if huge:
        others = [a for a in arrs if a is not None]
        for i in huge:
            arrs[i] = huge_operand(xs[i], others, comparison)
    return arrs


def where_array(where):
    """A where= argument as a boolean array (NumPy's casting error for other dtypes)."""
    w = where if type(where) is ndarray else operand(where)
    d = w.dtype
    if d.kind != "b":
        raise TypeError("Cannot cast array data from %r to dtype('bool') according to the rule "
                        "'safe'" % (d,))
    return w


def where_mask(where):
    """where= of reductions and ufuncs: None for the default True, else the boolean array."""
    return None if where is True else where_array(where)
