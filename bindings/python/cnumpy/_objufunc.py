"""NumPy's object loops (docs/object-dtype.md): a ufunc given an object array calls Python's
operation element by element (`add` calls `+`, comparisons give bool arrays, the math functions
call the element's method of the same name), and frompyfunc's ufuncs call their function the
same way. Reductions and accumulations fold the elements left to right as NumPy's object
reductions do (the first element starts the fold; the identity only answers an empty
reduction).

The C core has no loop for object items; the ufunc call paths (_ufunc, _operators) come here
when the library refuses a call because an operand or out= array is an object array.
"""
import math
import operator

from . import _args, _backend
from ._capi import produce
from ._convert import array, cast_objects
from ._ndarray import ndarray
from ._objarray import OBJECT, elements, from_leaves, full as _full

_lib = _backend.lib
_int64_array = _backend.int64_array
_NULL = _backend.NULL

_BY_FN = {}     # a ufunc's C function -> the ufunc (the object loops need its name)


def register(uf):
    _BY_FN[id(uf._fn)] = uf      # (ctypes function pointers are not hashable; each lives as long as its ufunc)


def involved(arrays):
    """Whether any of the arrays (None entries allowed) is an object array."""
    return any(a is not None and a.dtype.kind == "O" for a in arrays)


def _method(name):
    """NumPy's object loop of a math ufunc: the element's own method of that name."""
    def f(x, *rest):
        m = getattr(x, name, None)
        if not callable(m):
            raise TypeError("loop of ufunc does not support argument 0 of type %s which has no "
                            "callable %s method" % (type(x).__name__, name))
        return m(*rest)
    return f


def _sign(x):
    return (x > 0) - (x < 0) if not x != x else x


_BINARY = {
    "add": operator.add, "subtract": operator.sub, "multiply": operator.mul,
    "divide": operator.truediv, "true_divide": operator.truediv,
    "floor_divide": operator.floordiv, "remainder": operator.mod, "mod": operator.mod,
    "power": pow, "bitwise_and": operator.and_, "bitwise_or": operator.or_,
    "bitwise_xor": operator.xor, "left_shift": operator.lshift, "right_shift": operator.rshift,
    "logical_and": lambda x, y: x and y, "logical_or": lambda x, y: x or y,
    "maximum": lambda x, y: x if x >= y else y, "minimum": lambda x, y: x if x <= y else y,
    "fmax": lambda x, y: x if x >= y else y, "fmin": lambda x, y: x if x <= y else y,
    "gcd": math.gcd, "lcm": math.lcm,
}
_UNARY = {
    "negative": operator.neg, "positive": operator.pos, "absolute": abs,
    "invert": operator.invert, "bitwise_not": operator.invert, "logical_not": operator.not_,
    "square": lambda x: x * x, "reciprocal": lambda x: 1 / x, "sign": _sign,
}
_COMPARE = {"equal": operator.eq, "not_equal": operator.ne, "less": operator.lt,
            "less_equal": operator.le, "greater": operator.gt, "greater_equal": operator.ge}
_METHODS = {"sqrt", "cbrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos",
            "tan", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "arcsinh", "arccosh",
            "arctanh", "degrees", "radians", "deg2rad", "rad2deg", "rint", "floor", "ceil",
            "trunc", "fabs", "conjugate", "conj", "arctan2", "hypot", "fmod"}
# Identities NumPy's object reductions use for an empty input.
_IDENTITY = {"add": 0, "multiply": 1, "logical_and": True, "logical_or": False,
             "logical_xor": False, "bitwise_and": -1, "bitwise_or": 0, "bitwise_xor": 0}


def operation(uf):
    """(function, bool result) of a ufunc's object loop; TypeError when NumPy has none."""
    name = uf.__name__
    fn = getattr(uf, "_pyfunc", None)
    if fn is not None:
        return fn, False
    if name in _COMPARE:
        return _COMPARE[name], True
    f = _BINARY.get(name) if uf.nin == 2 else _UNARY.get(name)
    if f is not None:
        return f, False
    if name in _METHODS:
        return _method("conjugate" if name == "conj" else name), False
    if name == "logical_xor":       # NumPy's loop calls the element's method (AttributeError)
        return (lambda x, y: getattr(x, "logical_xor")(y)), False
    raise TypeError("ufunc '%s' not supported for the input types, and the inputs could not be "
                    "safely coerced to any supported types according to the casting rule "
                    "''safe''" % name)


def broadcast_shape(shapes):
    """NumPy's broadcast of the operands' shapes (its ufunc error message)."""
    nd = max((len(s) for s in shapes), default=0)
    out = []
    for i in range(-nd, 0):
        n = 1
        for s in shapes:
            if len(s) >= -i:
                m = s[i]
                if m != 1:
                    if n != 1 and n != m:
                        raise ValueError("operands could not be broadcast together with shapes "
                                         + "".join("(%s) " % ",".join(map(str, s)) if len(s) != 1
                                                   else "(%d,) " % s[0] for s in shapes))
                    n = m
        out.append(n)
    return tuple(out)


def _flat(a, shape):
    """The elements of a broadcast to shape, flat in C order, as Python objects."""
    if a.shape != shape:
        nd = len(shape)
        a = produce(_lib.cnp_broadcast_to, a._h, nd, _int64_array(shape) if nd else _NULL)
    return elements(a)


def apply(func, arrs, outs, where, nout, bool_result=False):
    """func over the broadcast elements of arrs (arrays), one result (or nout) per element, into
    new object (or bool) arrays or the out= arrays, only where `where` (a bool array or None)
    holds. Returns what a ufunc call returns (0-d results as their element)."""
    shapes = [a.shape for a in arrs]
    shape = broadcast_shape(shapes + ([where.shape] if where is not None else []))
    for o in outs:
        if o is not None:
            if broadcast_shape([shape, o.shape]) != o.shape:
                raise ValueError("non-broadcastable output operand with shape %s doesn't match "
                                 "the broadcast shape %s" % (_tuple(o.shape), _tuple(shape)))
            shape = o.shape
    columns = [_flat(a, shape) for a in arrs]
    n = 1
    for d in shape:
        n *= d
    mask = _flat(where, shape) if where is not None else None
    results = [[None] * n for _ in range(nout)]
    if nout > 1:
        for i, args in enumerate(zip(*columns)) if columns else enumerate([()] * n):
            if mask is None or mask[i]:
                r = func(*args)
                if not isinstance(r, tuple) or len(r) != nout:
                    raise ValueError("function must return a tuple of %d values" % nout)
                for k in range(nout):
                    results[k][i] = r[k]
    else:
        col = results[0]
        for i, args in enumerate(zip(*columns)) if columns else enumerate([()] * n):
            if mask is None or mask[i]:
                col[i] = func(*args)
    answers = []
    for k in range(nout):
        o = outs[k] if k < len(outs) else None
        flat = results[k]
        if o is not None and mask is not None:
            old = _flat(o, shape)
            flat = [v if m else old[i] for i, (v, m) in enumerate(zip(flat, mask))]
        if bool_result:
            r = array([bool(v) for v in flat], dtype=bool).reshape(shape)
        else:
            r = from_leaves(flat, shape)
        if o is not None:
            o[...] = r if o.dtype.kind == "O" or bool_result else cast_objects(r, o.dtype)
            answers.append(o)
        else:
            answers.append(r[()] if not shape else r)
    return answers[0] if nout == 1 else tuple(answers)


def _tuple(shape):
    return "(%s)" % ",".join(map(str, shape)) if len(shape) != 1 else "(%d,)" % shape[0]


def call(fn, arrs, outs=(), where=None):
    """A ufunc call (by its C function) that the library refused for object operands."""
    uf = _BY_FN[id(fn)]
    func, to_bool = operation(uf)
    return apply(func, arrs, list(outs), where, uf.nout, to_bool)


# -- reductions ----------------------------------------------------------------------------------
def _fold(func, items, initial, name):
    it = iter(items)
    if initial is _args.NoValue:
        try:
            acc = next(it)
        except StopIteration:
            if name in _IDENTITY:
                return _IDENTITY[name]
            raise ValueError("zero-size array to reduction operation %s which has no identity"
                             % name) from None
    else:
        acc = initial
    for v in it:
        acc = func(acc, v)
    return acc


def _axes(axis, ndim):
    if axis is None:
        return tuple(range(ndim))
    if isinstance(axis, tuple):
        return _args.normalize_axis_tuple(axis, ndim)
    return (_args.normalize_axis(axis, ndim),)


def reduce(uf, a, axis=0, out=None, keepdims=False, initial=_args.NoValue, where=True):
    """ufunc.reduce of an object array: each output element folds its slice left to right."""
    if uf.nin != 2 or uf.nout != 1:
        raise ValueError("reduce only supported for binary functions")
    if where is not True:
        raise NotImplementedError("cnumpy: where= in reductions of object arrays")
    func, to_bool = operation(uf)
    if initial is _args.NoValue and getattr(uf, "_pyfunc", None) is not None and \
            uf.identity is not None:
        initial_empty = uf.identity
    else:
        initial_empty = _args.NoValue
    name = uf.__name__
    shape = a.shape
    red = _axes(axis, len(shape))
    if len(red) > 1 and not getattr(uf, "_reorderable", True):
        raise ValueError("reduction operation '%s' is not reorderable, so at most one axis may "
                         "be specified" % name)
    kept = tuple(i for i in range(len(shape)) if i not in red)
    t = a.transpose(kept + red) if kept + red != tuple(range(len(shape))) else a
    items = elements(t) if a.size else []
    m = 1
    for i in red:
        m *= shape[i]
    out_shape = tuple(shape[i] for i in kept)
    count = 1
    for d in out_shape:
        count *= d
    flat = []
    for j in range(count):
        chunk = items[j * m:(j + 1) * m]
        if not chunk and initial is _args.NoValue and initial_empty is not _args.NoValue:
            flat.append(initial_empty)
        else:
            flat.append(_fold(func, chunk, initial, name))
    if to_bool:
        flat = [bool(v) for v in flat]
    if keepdims:
        out_shape = tuple(1 if i in red else shape[i] for i in range(len(shape)))
    r = from_leaves(flat, out_shape)
    if out is not None:
        out[...] = r if out.dtype.kind == "O" else cast_objects(r, out.dtype)
        return out
    return r[()] if not out_shape else r


def accumulate(uf, a, axis=0, out=None):
    """ufunc.accumulate of an object array along one axis."""
    if uf.nin != 2 or uf.nout != 1:
        raise ValueError("accumulate only supported for binary functions")
    func, _ = operation(uf)
    shape = a.shape
    if not shape:
        raise TypeError("cannot accumulate on a scalar")
    ax = _args.normalize_axis(axis, len(shape))
    order = tuple(i for i in range(len(shape)) if i != ax) + (ax,)
    items = elements(a.transpose(order)) if a.size else []
    m = shape[ax]
    acc_items = []
    for j in range(0, len(items), m or 1):
        acc = None
        for k, v in enumerate(items[j:j + m]):
            acc = v if k == 0 else func(acc, v)
            acc_items.append(acc)
    moved = tuple(shape[i] for i in order)
    r = from_leaves(acc_items, moved)
    back = [0] * len(shape)
    for pos, i in enumerate(order):
        back[i] = pos
    r = r.transpose(tuple(back)).copy()
    if out is not None:
        out[...] = r if out.dtype.kind == "O" else cast_objects(r, out.dtype)
        return out
    return r


def filled(shape, value):
    """An object array of shape holding one object everywhere."""
    return _full(shape, value)


def object_operand(x):
    """x as an array for an object loop (lists and Python objects become object arrays when
    they are not plain numbers)."""
    if isinstance(x, ndarray):
        return x
    a = array(x)
    return a


OBJECT_DTYPE = OBJECT
