"""ndarray subclasses: NumPy 1.24's subclassing protocol (numpy.doc.subclassing) in one place.

* `__array_finalize__(self, obj)` runs whenever an instance of a subclass is made: from
  `ndarray.__new__` (obj None), `view(type=...)` (obj the viewed array), a method's view or
  copy of a subclass instance (obj that instance) and a wrapped result (obj the input whose
  `__array_wrap__` was chosen). `_ndarray.finalize` calls it.
* Methods returning views and copies of a subclass instance (indexing, reshape, copy, astype,
  take ...) return the subclass (`keep_type`, installed on each subclass by `install`, which
  ndarray.__init_subclass__ runs).
* Ufunc calls, operators and reductions pass their results through `__array_wrap__` of the
  operand with the highest `__array_priority__` among those that are neither exact ndarrays nor
  scalars (NumPy's _find_array_wrap), with the context `(ufunc, args, i)` (None for reductions);
  an `out=` array that is a subclass gets its own `__array_wrap__`. ndarray's `__array_wrap__`
  (_protocols.array_wrap) turns a result into the subclass and finalizes it. A 0-d result stays
  a 0-d subclass array, as in NumPy (`a.sum()` of a subclass is not a scalar).

Exact ndarrays never reach this module: each caller tests `type(x) is ndarray` first, so the
common case costs one comparison. NumPy's `__array_prepare__` is not called (deprecated in
NumPy 2; docs/numpy-differences.md).
"""
import sys

from ._capi import set_base
from ._convert import asarray
from ._ndarray import ndarray, as_subclass, finalize
from ._scalars import generic

_PLAIN = (bool, int, float, complex, str, bytes, list, tuple, type(None))


def _candidate(x):
    """x's __array_wrap__ when x takes part in the choice of the wrapping operand (NumPy's
    _find_array_wrap skips exact ndarrays and scalars), else None."""
    t = type(x)
    if t is ndarray or t in _PLAIN or isinstance(x, generic):
        return None
    if not isinstance(x, ndarray):
        np = sys.modules.get("numpy")
        if np is not None and isinstance(x, (np.ndarray, np.generic)):
            return None     # NumPy's arrays and scalars are taken over as cnumpy's (_protocols)
    w = getattr(x, "__array_wrap__", None)
    return w if callable(w) else None


def involved(args):
    """Whether any of args (operands of a ufunc) has an __array_wrap__ the result must pass."""
    for x in args:
        t = type(x)
        if t is not ndarray and t not in _PLAIN and _candidate(x) is not None:
            return True
    return False


def _chosen_wrap(args):
    """The __array_wrap__ of the operand with the highest __array_priority__ (the first of
    equals), or None."""
    best, best_p = None, None
    for x in args:
        w = _candidate(x)
        if w is None:
            continue
        p = getattr(x, "__array_priority__", 0.0)
        if best is None or p > best_p:
            best, best_p = w, p
    return best


def _apply(wrap, arr, context):
    """wrap(arr, context); an __array_wrap__ without the context argument is called with arr
    alone, as NumPy does after a TypeError."""
    try:
        return wrap(arr, context)
    except TypeError:
        return wrap(arr)


def ufunc_results(uf, inputs, outs, result):
    """The result of a ufunc call (one value, or a tuple for two outputs) as NumPy returns it
    when an operand or out= array is a subclass or has __array_wrap__. inputs: the operands as
    the caller gave them; outs: one entry per output, the out= array or None."""
    given = tuple(o for o in outs if o is not None)
    context_args = tuple(inputs) + given
    many = isinstance(result, tuple)
    results = list(result) if many else [result]
    wrap = None
    for i, r in enumerate(results):
        o = outs[i] if i < len(outs) else None
        if o is not None:
            if type(o) is not ndarray and _candidate(o) is not None:
                results[i] = _apply(o.__array_wrap__, r, (uf, context_args, i))
            continue
        if wrap is None:
            wrap = _chosen_wrap(inputs) or False
        if wrap:
            results[i] = _apply(wrap, r if isinstance(r, ndarray) else asarray(r),
                                (uf, context_args, i))
    return tuple(results) if many else results[0]


def reduce_result(src, res, out=None):
    """A reduction's result (ufunc.reduce/accumulate/reduceat, sum, mean, ... and their
    methods) as NumPy returns it for an input that is not an exact ndarray: the input's
    __array_wrap__(result, None) (a 0-d result stays an array), unless out= was given."""
    if out is not None or type(src) is ndarray:
        return res
    wrap = _candidate(src)
    if wrap is None:
        return res
    return _apply(wrap, res if isinstance(res, ndarray) else asarray(res), None)


def wrap_into(cls, arr, obj):
    """ndarray.__array_wrap__'s conversion: arr (an array computed for obj) as an instance of
    cls sharing its memory (its base arr, as NumPy's), finalized with obj."""
    return finalize(as_subclass(arr, cls), obj)


def keep_type(self, res):
    """A method's array result as NumPy returns it for a subclass instance self: an instance of
    type(self) finalized with self; a view's base follows NumPy's chain from self, a copy owns
    its data. Scalars, tuples and results already of a subclass are returned unchanged."""
    if type(res) is not ndarray:
        return res
    r = as_subclass(res, type(self))
    if res._base is None:
        r._base = None
    else:
        set_base(r, self)
    return finalize(r, self)


# ndarray's methods whose results NumPy makes of the subclass (PyArray_NewFromDescr with the
# instance's type): views, copies and rearrangements. Reductions and ufunc-based methods wrap
# through __array_wrap__ where they are computed (_reduce, _ufunc, _operators).
_KEEP_METHODS = (
    "__getitem__", "copy", "__copy__", "__deepcopy__", "astype", "reshape", "ravel", "flatten",
    "transpose", "view", "squeeze", "swapaxes", "diagonal", "take", "repeat", "compress",
    "byteswap", "newbyteorder", "argsort", "argpartition", "argmax", "argmin", "dot",
)
# ufunc-based methods: their results pass through __array_wrap__ (memmap's makes them plain)
_WRAP_METHODS = ("round", "clip", "conj", "conjugate")
_KEEP_PROPERTIES = ("T", "real", "imag")


def _defined_by_ndarray(cls, name):
    """Whether cls inherits `name` from ndarray (or its C base) rather than from a class of its
    own (a user's override, or the wrapper installed on a parent subclass)."""
    for k in cls.__mro__:
        if name in k.__dict__:
            return k is ndarray or k in ndarray.__mro__
    return False


def _keeping(name, method):
    if name == "view":
        def kept(self, dtype=None, type=None):
            if type is None and isinstance(dtype, builtins_type) and issubclass(dtype, ndarray):
                dtype, type = None, dtype
            if type is not None:
                return method(self, dtype, type)
            return keep_type(self, method(self, dtype))
    elif name == "astype":
        def kept(self, dtype, order="K", casting="unsafe", subok=True, copy=True):
            r = method(self, dtype, order, casting, subok, copy)
            return keep_type(self, r) if subok else r
    elif name == "__getitem__":
        def kept(self, index):
            return keep_type(self, method(self, index))
    else:
        def kept(self, *args, **kwargs):
            return keep_type(self, method(self, *args, **kwargs))
    kept.__name__ = kept.__qualname__ = name
    kept.__doc__ = getattr(method, "__doc__", None)
    return kept


def _wrapping(name, method):
    def wrapped(self, *args, **kwargs):
        r = method(self, *args, **kwargs)
        if type(r) is not ndarray and isinstance(r, ndarray) or any(r is x for x in args) or \
                r is kwargs.get("out"):
            return r        # already wrapped, or the out= array itself
        return reduce_result(self, r)       # self.__array_wrap__(r, None), as a reduction's
    wrapped.__name__ = wrapped.__qualname__ = name
    wrapped.__doc__ = getattr(method, "__doc__", None)
    return wrapped


def _iterate(self):
    """Iteration over the first axis: each item as indexing gives it (a row of a subclass is
    the subclass)."""
    if self.ndim == 0:
        raise TypeError("iteration over a 0-d array")
    for i in range(len(self)):
        yield self[i]


def _keeping_property(name):
    desc = next(k.__dict__[name] for k in ndarray.__mro__ if name in k.__dict__)

    def get(self):
        return keep_type(self, desc.__get__(self, type(self)))

    def set_(self, value):
        desc.__set__(self, value)
    return property(get, set_ if hasattr(desc, "__set__") else None, None,
                    getattr(desc, "__doc__", None))


builtins_type = type


def install(cls, **kwargs):
    """ndarray.__init_subclass__: gives a new subclass the methods that keep its type, for every
    such method it inherits from ndarray itself."""
    super(ndarray, cls).__init_subclass__(**kwargs)
    for name in _KEEP_METHODS:
        if _defined_by_ndarray(cls, name):
            setattr(cls, name, _keeping(name, getattr(ndarray, name)))
    for name in _WRAP_METHODS:
        if _defined_by_ndarray(cls, name):
            setattr(cls, name, _wrapping(name, getattr(ndarray, name)))
    for name in _KEEP_PROPERTIES:
        if _defined_by_ndarray(cls, name):
            setattr(cls, name, _keeping_property(name))
    if _defined_by_ndarray(cls, "__iter__"):
        cls.__iter__ = _iterate
    if _defined_by_ndarray(cls, "__repr__"):
        cls.__repr__ = _subclass_repr
    for name, uf_name, reflected, unary in _operators():
        if _defined_by_ndarray(cls, name) and hasattr(ndarray, name):
            setattr(cls, name, _operator(name, uf_name, reflected, unary))


# -- operators ---------------------------------------------------------------------------------
# A subclass gets ndarray's operators with their results passed through __array_wrap__ as a
# ufunc call's (NumPy's operators are ufunc calls). Being the subclass's own methods, Python
# also tries the reflected one first for `ndarray + subclass`.
_BINARY = {"add": "add", "sub": "subtract", "mul": "multiply", "truediv": "divide",
           "floordiv": "floor_divide", "mod": "remainder", "pow": "power", "and": "bitwise_and",
           "or": "bitwise_or", "xor": "bitwise_xor", "lshift": "left_shift",
           "rshift": "right_shift", "matmul": "matmul", "divmod": "divmod"}
_COMPARE = {"eq": "equal", "ne": "not_equal", "lt": "less", "le": "less_equal",
            "gt": "greater", "ge": "greater_equal"}
_UNARY = {"neg": "negative", "pos": "positive", "abs": "absolute", "invert": "invert"}
_ufuncs = {}    # name -> cnumpy ufunc (or function), handed over by _methods (a layer above)
_repr = []      # numpy.array_repr (_arrayprint, a layer above): a subclass's repr names its class


def adopt(ufuncs, array_repr):
    """Called once by _methods: the ufuncs the operators' contexts name, and array_repr."""
    _ufuncs.update(ufuncs)
    _repr.append(array_repr)


def _subclass_repr(self):
    return _repr[0](self)


def _operator(name, uf_name, reflected, unary):
    method = getattr(ndarray, name)
    if unary:
        def op(self):
            return ufunc_results(_ufuncs.get(uf_name), (self,), (None,), method(self))
    elif name in ("__pow__", "__rpow__"):
        def op(self, other, mod=None):
            r = method(self, other, mod)
            if r is NotImplemented:
                return r
            args = (other, self) if reflected else (self, other)
            return ufunc_results(_ufuncs.get(uf_name), args, (None, None), r)
    else:
        def op(self, other):
            r = method(self, other)
            if r is NotImplemented:
                return r
            args = (other, self) if reflected else (self, other)
            return ufunc_results(_ufuncs.get(uf_name), args, (None, None), r)
    op.__name__ = op.__qualname__ = name
    return op


def _operators():
    """(name, ufunc name, reflected, unary) of every operator a subclass wraps."""
    for short, uf in _BINARY.items():
        yield "__%s__" % short, uf, False, False
        yield "__r%s__" % short, uf, True, False
    for short, uf in _COMPARE.items():
        yield "__%s__" % short, uf, False, False
    for short, uf in _UNARY.items():
        yield "__%s__" % short, uf, False, True


def priority_subtype(args, res):
    """A result NumPy creates directly as the subtype of the operand with the highest
    __array_priority__ (numpy.dot, numpy.outer...: no __array_wrap__ call), finalized with that
    operand; scalars and exact-ndarray operands leave res as it is."""
    if not isinstance(res, ndarray):
        return res
    best, best_p = None, None
    for x in args:
        if type(x) is not ndarray and isinstance(x, ndarray):
            p = getattr(x, "__array_priority__", 0.0)
            if best is None or p > best_p:
                best, best_p = x, p
    if best is None or type(res) is type(best):
        return res
    return wrap_into(type(best), res, best)


def plain_for_function(a):
    """a as an exact ndarray when its class asks NumPy's functions for that (numpy.matrix:
    NumPy's ravel, expand_dims, diagonal and trace take `asarray(matrix)`, since a matrix
    cannot have other than two dimensions), else a itself."""
    if type(a) is not ndarray and getattr(type(a), "_functions_take_plain", False):
        return asarray(a)
    return a
