"""cnumpy.ufunc: NumPy's elementwise functions over the library's cnp_<name> entry points, and
the arithmetic/comparison operators of cnumpy.ndarray and of the cnumpy scalar types.

Inputs become arrays as NumPy 2 (NEP 50) sees them: cnumpy arrays as they are, cnumpy scalars as
0-d arrays of their type, Python int/float/complex as *weak* 0-d arrays (cnp_array_from_scalar
with CNP_SCALAR_WEAK: they take the other operand's type, int8_array + 1 stays int8), Python
bools as strong bool arrays, lists/tuples and other array-likes as cnumpy.asarray makes them.
As in NumPy 1.24, a 0-d result without out= comes back as a cnumpy scalar.

Speed: the common calls (a + b, np.add(a, b) with arrays or Python scalars and no keywords)
call the C function resolved once at import with NULL for cnp_ufunc_args, a per-thread
out-pointer cell, cached weak 0-d arrays for small Python scalars, and build the result object
without querying the library (its shape is known when the operands' shapes are equal).
"""
import math
import threading
import warnings

from . import _args, _backend, _dtype
from ._convert import as_array, from_sequence
from ._errors import error, pending, flush_warnings, _user_stacklevel
from ._ndarray import ndarray, wrap
from ._scalars import (generic, to_cscalar, int64 as _int64_t, float64 as _float64_t, True_,
                       False_, _CLASSES as _SCALAR_CLASSES, _FROM_C)

_lib = _backend.lib
_C = _backend.consts
_NULL = _backend.NULL
_new_array_out = _backend.new_array_out
_new_scalar = _backend.new_scalar
_new_ufunc_args = _backend.new_ufunc_args
_object_new = object.__new__
_array_free = _lib.cnp_array_free
_array_getitem = _lib.cnp_array_getitem
_array_from_scalar = _lib.cnp_array_from_scalar
_SAME_KIND = _C["CNP_CASTING_SAME_KIND"]
_ORDER_K = _C["CNP_ORDER_K"]
_WEAK_FLAG = _C["CNP_SCALAR_WEAK"]


def cfunc(name):
    """The library's function `name`, or (when the library does not export it) a stand-in that
    raises NotImplementedError when called: a missing symbol fails at call time, not at import."""
    try:
        fn = getattr(_lib, name)
    except AttributeError:
        fn = None
    if fn is None or name in _backend.missing:
        path = _backend.path

        def fn(*args):
            raise NotImplementedError("cnumpy: %s does not export %s (the library is older "
                                      "than the bindings)" % (path, name))
    return fn


# -- per-thread out cell --------------------------------------------------------------------------
# The library writes the result handle into the cell and the caller reads it right after the
# call; the GIL is released during the call, so each thread needs its own cell.
_tls = threading.local()


def _cell():
    try:
        return _tls.cell
    except AttributeError:
        c = _tls.cell = _new_array_out()
        return c


# -- operands --------------------------------------------------------------------------------------
def _zero_d(s):
    """A 0-d array made from a cnp_scalar."""
    cell = _new_array_out()
    st = _array_from_scalar(s, _NULL, cell)
    if st:
        raise error(st)
    a = wrap(cell[0])
    a._shape = ()
    return a


def _weak_new(v):
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
        a = _weak_new(v)
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
                    _POS_ZERO = _weak_new(0.0)
                return _POS_ZERO
            if _NEG_ZERO is None:
                _NEG_ZERO = _weak_new(-0.0)
            return _NEG_ZERO
        a = _weak_new(v)
        if v == v and len(_WEAK_FLOAT) < _WEAK_MAX:
            _WEAK_FLOAT[v] = a
    return a


_BOOLS = {}


def _strong_bool(v):
    a = _BOOLS.get(v)
    if a is None:
        a = _BOOLS[v] = _zero_d(to_cscalar(bool(v)))
    return a


def _typed(v):
    """A cnumpy scalar as a 0-d array of its own type (strong)."""
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
    if isinstance(x, generic):
        return _typed(x)
    if t is complex:
        return _weak_new(x)
    if t is list or t is tuple:
        return from_sequence(x)
    if isinstance(x, ndarray):
        return x
    return as_array(x)


def _op_operand(x):
    """operand(x) for a binary operator, or None when the operator should return
    NotImplemented (types cnumpy cannot make arrays of, objects opting out of NumPy's operators
    with __array_ufunc__ = None)."""
    t = type(x)
    if t is float:
        return _weak_float(x)
    if t is int:
        if _INT_LO <= x <= _INT_HI:
            return _weak_int(x)
        return _HUGE
    if getattr(t, "__array_ufunc__", 0) is None:
        return None
    try:
        return operand(x)
    except NotImplementedError:
        return None


_HUGE = object()    # marker: a Python int beyond int64/uint64, resolved by _huge_operand


def _huge_operand(x, others, comparison):
    """A Python int too large for any integer dtype, next to `others` (NumPy 2's rules): with a
    float/complex operand it is a (weak) float; in a comparison with integers it compares as
    the infinity of its sign (always the true answer); otherwise OverflowError."""
    kinds = [a.dtype.kind for a in others]
    if any(k in "fc" for k in kinds):
        return _weak_new(float(x))
    if kinds and comparison:
        return _weak_new(math.copysign(math.inf, x))
    if kinds:
        d = others[0].dtype
        for a in others[1:]:
            from ._casting import promote_types
            d = promote_types(d, a.dtype)
        raise OverflowError("Python integer %d out of bounds for %s" % (x, d.name))
    raise OverflowError("Python int too large to convert to C long")


def _inputs(xs, comparison):
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
            arrs[i] = _huge_operand(xs[i], others, comparison)
    return arrs


# -- results ---------------------------------------------------------------------------------------
def _scalar_of(r):
    """The element of a 0-d result array as a cnumpy scalar (NumPy 1.24's unwrapping)."""
    s = _new_scalar()
    st = _array_getitem(r._h, 0, _NULL, s)
    if st:
        raise error(st)
    return _FROM_C[s.typenum](s)


def _unwrap(r):
    return _scalar_of(r) if not r.shape else r


def produce(fn, *args):
    """fn(*args, &out) -> the new ndarray (the calling pattern of every array-returning entry
    point), warnings flushed."""
    cell = _backend.new_array_out()
    st = fn(*args, cell)
    if st:
        raise error(st)
    r = wrap(cell[0])
    if pending:
        flush_warnings()
    return r


def produce_into(fn, out, *args):
    """fn(*args, &out) for entry points that write into an optional out array (its handle is
    among args): returns out itself when given (dropping the extra reference the library hands
    back), else the result, a scalar when 0-d as NumPy does."""
    cell = _backend.new_array_out()
    st = fn(*args, cell)
    if st:
        raise error(st)
    if out is not None:
        _backend.lib.cnp_array_free(cell[0])
        r = out
    else:
        r = wrap(cell[0])
    if pending:
        flush_warnings()
    return r if out is not None else _unwrap(r)


# -- the ufunc class -------------------------------------------------------------------------------
_MISSING = object()


class _NoValueType:
    """NumPy's _NoValue: an argument that was not given (initial=None means something else)."""

    def __repr__(self):
        return "<no value>"


_NoValue = _NoValueType()


def _ufunc_dtype(spec):
    return _NULL if spec is None else _dtype.dtype(spec)._h


def _signature_dtype(sig, name, nin, nout):
    """signature= as the dtype the library takes (cnp_ufunc_args.dtype): NumPy 1.24's forms are
    a type string ('dd->d'), a tuple of nin + nout dtypes or None, or (deprecated) a one-char
    string or one-element tuple. The first output's type is used; without one, the inputs'
    common type when they all name the same one."""
    if isinstance(sig, str):
        if len(sig) == 1:
            warnings.warn("The use of a length 1 string for the ufunc `signature` is "
                          "deprecated. Use `dtype` attribute or pass a tuple with `None`s.",
                          DeprecationWarning, stacklevel=_user_stacklevel())
            return _dtype.dtype(sig)._h
        ins, sep, outs = sig.partition("->")
        if not sep or len(ins) != nin or len(outs) != nout:
            raise ValueError("a type-string for %s, %d typecode(s) before and %d after the -> "
                             "sign" % (name, nin, nout))
        sig = tuple(ins) + tuple(outs)
    elif not isinstance(sig, tuple):
        raise TypeError("the signature object to ufunc must be a string or a tuple.")
    if len(sig) == 1:
        warnings.warn("The use of a length 1 tuple for the ufunc `signature` is deprecated. Use "
                      "`dtype` or  fill thetuple with `None`s.", DeprecationWarning,
                      stacklevel=_user_stacklevel())
        return _NULL if sig[0] is None else _dtype.dtype(sig[0])._h
    if len(sig) != nin + nout:
        raise ValueError("signature tuple must have exactly %d entries (nin + nout) for ufunc "
                         "%s" % (nin + nout, name))
    if sig[nin] is not None:
        return _dtype.dtype(sig[nin])._h
    named = {_dtype.dtype(s) for s in sig[:nin] if s is not None}
    return named.pop()._h if len(named) == 1 else _NULL


def _where_array(where):
    w = where if type(where) is ndarray else operand(where)
    d = w.dtype
    if d.kind != "b":
        raise TypeError("Cannot cast array data from %r to dtype('bool') according to the rule "
                        "'safe'" % (d,))
    return w


class ufunc:
    """Functions that operate element by element on whole arrays (numpy.ufunc).

    f(*inputs, out=None, *, where=True, casting='same_kind', order='K', dtype=None, subok=True,
    signature=None)"""

    def __init__(self, name, nin, nout, identity, doc, cname=None):
        self.__name__ = self.__qualname__ = name
        self.nin = nin
        self.nout = nout
        self.nargs = nin + nout
        self.identity = identity
        self.signature = None
        self.__doc__ = "%s(%s, /, out=%s, *, where=True, casting='same_kind', order='K', " \
                       "dtype=None, subok=True[, signature])\n\n%s" % (
                           name, ", ".join("x%d" % (i + 1) for i in range(nin)) if nin > 1
                           else "x", "None" if nout == 1 else "(None, None)", doc)
        self._cname = cname or "cnp_" + name
        self._fn = cfunc(self._cname)
        self._comparison = name in _COMPARISONS
        self._simple = nin if nout == 1 else -1

    def __repr__(self):
        return "<ufunc '%s'>" % self.__name__

    def __reduce__(self):
        return self.__name__        # pickles as the module attribute, like NumPy's

    def __call__(self, *args, **kwargs):
        if not kwargs:
            n = len(args)
            if n == self._simple:       # inputs only, one output
                if n == 2:
                    x, y = args
                    if type(x) is ndarray and type(y) is ndarray:
                        return _binary_arrays(self._fn, x, y)
                    return _binary(self._fn, x, y, self._comparison)
                return _unary(self._fn, args[0])
        return self._general(args, kwargs)

    def _general(self, args, kwargs):
        nin, nout, name = self.nin, self.nout, self.__name__
        n = len(args)
        if n < nin or n > nin + nout:
            raise TypeError("%s() takes from %d to %d positional arguments but %d were given"
                            % (name, nin, nin + nout, n))
        outs = list(args[nin:])
        out = kwargs.pop("out", _MISSING)
        where = kwargs.pop("where", True)
        casting = kwargs.pop("casting", "same_kind")
        order = kwargs.pop("order", "K")
        dtype = kwargs.pop("dtype", None)
        kwargs.pop("subok", None)
        signature = kwargs.pop("signature", None)
        if kwargs:
            raise TypeError("%s() got an unexpected keyword argument '%s'"
                            % (name, next(iter(kwargs))))
        if out is not _MISSING:
            if outs:
                raise TypeError("cannot specify 'out' as both a positional and keyword "
                                "argument")
            if isinstance(out, tuple):
                if len(out) != nout:
                    raise ValueError("The 'out' tuple must have exactly one entry per ufunc "
                                     "output")
                outs = list(out)
            elif out is None:
                outs = []
            elif nout > 1:
                raise TypeError("'out' must be a tuple of arrays")
            else:
                outs = [out]
        outs += [None] * (nout - len(outs))
        for o in outs:
            if o is not None and not isinstance(o, ndarray):
                raise TypeError("return arrays must be of ArrayType")
        if not isinstance(casting, str):
            raise TypeError("casting must be str, not %s" % type(casting).__name__)
        c = _args.casting(casting)
        o = _args.order(order)
        if dtype is not None and signature is not None:
            raise TypeError("cannot specify both 'signature' and 'dtype'")
        if signature is not None:
            dt = _signature_dtype(signature, name, nin, nout)
        else:
            dt = _ufunc_dtype(dtype)
        w = None if where is True else _where_array(where)
        arrs = _inputs(args[:nin], self._comparison)
        return call(self._fn, arrs, outs, w, dt, c, o)

    # -- methods NumPy's ufuncs have ------------------------------------------------------------
    def outer(self, A, B, **kwargs):
        """ufunc.outer(A, B): f(a, b) for every pair, with shape A.shape + B.shape."""
        if self.nin != 2:
            raise ValueError("outer product only supported for binary functions")
        a, b = operand(A), operand(B)
        a = a.reshape(a.shape + (1,) * len(b.shape))
        return self(a, b, **kwargs)

    def reduce(self, array, axis=0, dtype=None, out=None, keepdims=False, initial=_NoValue,
               where=True):
        """ufunc.reduce: combine the elements along axis (0 by default; None = all; a tuple
        for ufuncs that are reorderable)."""
        from . import _ufunc_methods
        return _ufunc_methods.reduce(self, array, axis, dtype, out, keepdims, initial, where)

    def accumulate(self, array, axis=0, dtype=None, out=None):
        """ufunc.accumulate: the running result along one axis."""
        from . import _ufunc_methods
        return _ufunc_methods.accumulate(self, array, axis, dtype, out)

    def reduceat(self, array, indices, axis=0, dtype=None, out=None):
        """ufunc.reduceat: reductions over the slices indices[i]:indices[i+1] along axis."""
        from . import _ufunc_methods
        return _ufunc_methods.reduceat(self, array, indices, axis, dtype, out)

    def at(self, a, indices, b=None):
        """ufunc.at: a[indices] = f(a[indices], b) in place, unbuffered."""
        from . import _ufunc_methods
        return _ufunc_methods.at(self, a, indices, b)


def call(fn, arrs, outs, where, dt, casting, order):
    """The general call: fn(*inputs, args, *outs) with a cnp_ufunc_args when anything is not
    the default. Returns the result (a tuple for two outputs); outputs given as out= are
    returned as they are, others unwrapped to scalars when 0-d."""
    if where is None and dt is _NULL and casting == _SAME_KIND and order == _ORDER_K and \
            all(o is None for o in outs):
        args = _NULL
    else:
        args = _new_ufunc_args()
        for k, o in enumerate(outs):
            if o is not None:
                args.out[k] = o._h
        if where is not None:
            args.where = where._h
        if dt is not _NULL:
            args.dtype = dt
        args.casting = casting
        args.order = order
    cells = [_new_array_out() for _ in outs]
    st = fn(*[a._h for a in arrs], args, *cells)
    if st:
        raise error(st)
    results = []
    for o, cell in zip(outs, cells):
        h = cell[0]
        if o is not None:
            _array_free(h)      # a new reference to o itself
            results.append(o)
        else:
            results.append(wrap(h))
    if pending:
        flush_warnings()
    for k, o in enumerate(outs):
        if o is None:
            results[k] = _unwrap(results[k])
    return results[0] if len(results) == 1 else tuple(results)


def _unary(fn, x):
    a = x if type(x) is ndarray else operand(x)
    sa = a._shape
    if sa is None:
        sa = a.shape
    try:
        cell = _tls.cell
    except AttributeError:
        cell = _cell()
    st = fn(a._h, _NULL, cell)
    h = cell[0]
    if st:
        raise error(st)
    r = _object_new(ndarray)
    r._h = h
    r._strides = r._dtype = None
    r._shape = sa
    if pending:
        flush_warnings()
    if not sa:
        return _scalar_of(r)
    return r


def _binary(fn, x, y, comparison):
    tx, ty = type(x), type(y)
    a = x if tx is ndarray else None
    b = y if ty is ndarray else None
    if a is None or b is None:
        a, b = _inputs((x, y), comparison)
    return _binary_arrays(fn, a, b)


def _binary_arrays(fn, a, b):
    sa = a._shape
    if sa is None:
        sa = a.shape
    sb = b._shape
    if sb is None:
        sb = b.shape
    try:
        cell = _tls.cell
    except AttributeError:
        cell = _cell()
    st = fn(a._h, b._h, _NULL, cell)
    h = cell[0]
    if st:
        raise error(st)
    r = _object_new(ndarray)
    r._h = h
    r._strides = r._dtype = None
    if sa == sb or not sb:
        r._shape = sa
    elif not sa:
        r._shape = sb
    else:
        r._shape = None
    if pending:
        flush_warnings()
    if not sa and not sb:
        return _scalar_of(r)
    return r


# -- the ufuncs ------------------------------------------------------------------------------------
_COMPARISONS = {"equal", "not_equal", "less", "less_equal", "greater", "greater_equal"}
_INF = float("inf")

# (name, nin, nout, identity, summary): NumPy's names, arities and identities.
_TABLE = [
    ("add", 2, 1, 0, "Add arguments element-wise."),
    ("subtract", 2, 1, None, "Subtract arguments, element-wise."),
    ("multiply", 2, 1, 1, "Multiply arguments element-wise."),
    ("divide", 2, 1, None, "Divide arguments element-wise."),
    ("floor_divide", 2, 1, None, "Return the largest integer smaller or equal to the division "
     "of the inputs."),
    ("remainder", 2, 1, None, "Returns the element-wise remainder of division."),
    ("fmod", 2, 1, None, "Returns the element-wise remainder of division."),
    ("divmod", 2, 2, None, "Return element-wise quotient and remainder simultaneously."),
    ("power", 2, 1, None, "First array elements raised to powers from second array, "
     "element-wise."),
    ("float_power", 2, 1, None, "First array elements raised to powers from second array, "
     "element-wise."),
    ("negative", 1, 1, None, "Numerical negative, element-wise."),
    ("positive", 1, 1, None, "Numerical positive, element-wise."),
    ("absolute", 1, 1, None, "Calculate the absolute value element-wise."),
    ("fabs", 1, 1, None, "Compute the absolute values element-wise."),
    ("sign", 1, 1, None, "Returns an element-wise indication of the sign of a number."),
    ("reciprocal", 1, 1, None, "Return the reciprocal of the argument, element-wise."),
    ("square", 1, 1, None, "Return the element-wise square of the input."),
    ("sqrt", 1, 1, None, "Return the non-negative square-root of an array, element-wise."),
    ("cbrt", 1, 1, None, "Return the cube-root of an array, element-wise."),
    ("exp", 1, 1, None, "Calculate the exponential of all elements in the input array."),
    ("exp2", 1, 1, None, "Calculate `2**p` for all `p` in the input array."),
    ("expm1", 1, 1, None, "Calculate ``exp(x) - 1`` for all elements in the array."),
    ("log", 1, 1, None, "Natural logarithm, element-wise."),
    ("log2", 1, 1, None, "Base-2 logarithm of `x`."),
    ("log10", 1, 1, None, "Return the base 10 logarithm of the input array, element-wise."),
    ("log1p", 1, 1, None, "Return the natural logarithm of one plus the input array, "
     "element-wise."),
    ("logaddexp", 2, 1, -_INF, "Logarithm of the sum of exponentiations of the inputs."),
    ("logaddexp2", 2, 1, -_INF, "Logarithm of the sum of exponentiations of the inputs in "
     "base-2."),
    ("sin", 1, 1, None, "Trigonometric sine, element-wise."),
    ("cos", 1, 1, None, "Cosine element-wise."),
    ("tan", 1, 1, None, "Compute tangent element-wise."),
    ("arcsin", 1, 1, None, "Inverse sine, element-wise."),
    ("arccos", 1, 1, None, "Trigonometric inverse cosine, element-wise."),
    ("arctan", 1, 1, None, "Trigonometric inverse tangent, element-wise."),
    ("arctan2", 2, 1, None, "Element-wise arc tangent of ``x1/x2`` choosing the quadrant "
     "correctly."),
    ("hypot", 2, 1, 0, 'Given the "legs" of a right triangle, return its hypotenuse.'),
    ("sinh", 1, 1, None, "Hyperbolic sine, element-wise."),
    ("cosh", 1, 1, None, "Hyperbolic cosine, element-wise."),
    ("tanh", 1, 1, None, "Compute hyperbolic tangent element-wise."),
    ("arcsinh", 1, 1, None, "Inverse hyperbolic sine element-wise."),
    ("arccosh", 1, 1, None, "Inverse hyperbolic cosine, element-wise."),
    ("arctanh", 1, 1, None, "Inverse hyperbolic tangent element-wise."),
    ("deg2rad", 1, 1, None, "Convert angles from degrees to radians."),
    ("rad2deg", 1, 1, None, "Convert angles from radians to degrees."),
    ("degrees", 1, 1, None, "Convert angles from radians to degrees."),
    ("radians", 1, 1, None, "Convert angles from degrees to radians."),
    ("floor", 1, 1, None, "Return the floor of the input, element-wise."),
    ("ceil", 1, 1, None, "Return the ceiling of the input, element-wise."),
    ("trunc", 1, 1, None, "Return the truncated value of the input, element-wise."),
    ("rint", 1, 1, None, "Round elements of the array to the nearest integer."),
    ("equal", 2, 1, None, "Return (x1 == x2) element-wise."),
    ("not_equal", 2, 1, None, "Return (x1 != x2) element-wise."),
    ("less", 2, 1, None, "Return the truth value of (x1 < x2) element-wise."),
    ("less_equal", 2, 1, None, "Return the truth value of (x1 <= x2) element-wise."),
    ("greater", 2, 1, None, "Return the truth value of (x1 > x2) element-wise."),
    ("greater_equal", 2, 1, None, "Return the truth value of (x1 >= x2) element-wise."),
    ("maximum", 2, 1, None, "Element-wise maximum of array elements."),
    ("minimum", 2, 1, None, "Element-wise minimum of array elements."),
    ("fmax", 2, 1, None, "Element-wise maximum of array elements."),
    ("fmin", 2, 1, None, "Element-wise minimum of array elements."),
    ("logical_and", 2, 1, True, "Compute the truth value of x1 AND x2 element-wise."),
    ("logical_or", 2, 1, False, "Compute the truth value of x1 OR x2 element-wise."),
    ("logical_xor", 2, 1, False, "Compute the truth value of x1 XOR x2, element-wise."),
    ("logical_not", 1, 1, None, "Compute the truth value of NOT x element-wise."),
    ("isnan", 1, 1, None, "Test element-wise for NaN and return result as a boolean array."),
    ("isinf", 1, 1, None, "Test element-wise for positive or negative infinity."),
    ("isfinite", 1, 1, None, "Test element-wise for finiteness (not infinity and not Not a "
     "Number)."),
    ("signbit", 1, 1, None, "Returns element-wise True where signbit is set (less than zero)."),
    ("copysign", 2, 1, None, "Change the sign of x1 to that of x2, element-wise."),
    ("nextafter", 2, 1, None, "Return the next floating-point value after x1 towards x2, "
     "element-wise."),
    ("spacing", 1, 1, None, "Return the distance between x and the nearest adjacent number."),
    ("bitwise_and", 2, 1, -1, "Compute the bit-wise AND of two arrays element-wise."),
    ("bitwise_or", 2, 1, 0, "Compute the bit-wise OR of two arrays element-wise."),
    ("bitwise_xor", 2, 1, 0, "Compute the bit-wise XOR of two arrays element-wise."),
    ("invert", 1, 1, None, "Compute bit-wise inversion, or bit-wise NOT, element-wise."),
    ("left_shift", 2, 1, None, "Shift the bits of an integer to the left."),
    ("right_shift", 2, 1, None, "Shift the bits of an integer to the right."),
    ("gcd", 2, 1, 0, "Returns the greatest common divisor of ``|x1|`` and ``|x2|``"),
    ("lcm", 2, 1, None, "Returns the lowest common multiple of ``|x1|`` and ``|x2|``"),
    ("conjugate", 1, 1, None, "Return the complex conjugate, element-wise."),
]
# NumPy's aliases: the same object under another name.
ALIASES = {"true_divide": "divide", "mod": "remainder", "abs": "absolute",
           "bitwise_not": "invert", "conj": "conjugate"}

UFUNCS = {}
for _row in _TABLE:
    UFUNCS[_row[0]] = ufunc(*_row)
for _alias, _target in ALIASES.items():
    UFUNCS[_alias] = UFUNCS[_target]
del _row, _alias, _target

NAMES = [r[0] for r in _TABLE] + list(ALIASES)


# -- operators of cnumpy.ndarray -------------------------------------------------------------------
def _other_operand(self, other, comparison):
    """The non-ndarray operand of an operator as an array, or None when the operator should
    return NotImplemented."""
    o = _op_operand(other)
    if o is _HUGE:
        o = _huge_operand(other, [self], comparison)
    return o


def _binop(uf):
    fn, comparison = uf._fn, uf._comparison

    def op(self, other):
        if type(other) is not ndarray:
            other = _other_operand(self, other, comparison)
            if other is None:
                return NotImplemented
        return _binary_arrays(fn, self, other)
    return op


def _rbinop(uf):
    fn, comparison = uf._fn, uf._comparison

    def op(self, other):
        if type(other) is not ndarray:
            other = _other_operand(self, other, comparison)
            if other is None:
                return NotImplemented
        return _binary_arrays(fn, other, self)
    return op


def _ibinop(uf):
    """In place: f(self, other, out=self); same_kind casting of the result into self."""
    fn, comparison = uf._fn, uf._comparison

    def op(self, other):
        if type(other) is not ndarray:
            other = _other_operand(self, other, comparison)
            if other is None:
                return NotImplemented
        args = _new_ufunc_args()
        args.out[0] = self._h
        cell = _new_array_out()
        st = fn(self._h, other._h, args, cell)
        if st:
            raise error(st)
        _array_free(cell[0])
        if pending:
            flush_warnings()
        return self
    return op


def _pow_wrap(op):
    def __pow__(self, other, mod=None):
        if mod is not None:
            return NotImplemented
        return op(self, other)
    return __pow__


def _fast_power(self, e, inplace):
    """NumPy's fast_scalar_power for a ** e with a Python int/float exponent: a float or
    complex array takes square (e == 2), reciprocal (e == -1) or sqrt (e == 0.5) instead of
    power (sqrt(-0.0) is -0.0, sqrt(-inf) nan...); in place, any array is squared for e == 2
    (NumPy 1.24: an int array **= 2.0 stays int). The exponents whose power() values equal
    the shortcut's (0, 1) need no shortcut. Typed exponents (cnumpy scalars) take power(),
    whose NEP 50 dtype may differ from the array's. Returns the ufunc to use, or None."""
    if e == 2:
        if inplace or self.dtype.kind in "fc":
            return UFUNCS["square"]
    elif e == -1 or e == 0.5:
        if self.dtype.kind in "fc":
            return UFUNCS["reciprocal"] if e == -1 else UFUNCS["sqrt"]
    return None


def _make_pow():
    power, ipower = _binop(UFUNCS["power"]), _ibinop(UFUNCS["power"])

    def __pow__(self, other, mod=None):
        if mod is not None:
            return NotImplemented
        t = type(other)
        if t is int or t is float:
            f = _fast_power(self, other, False)
            if f is not None:
                return _unary(f._fn, self)
        return power(self, other)

    def __ipow__(self, other):
        t = type(other)
        if t is int or t is float:
            f = _fast_power(self, other, True)
            if f is not None:
                return call(f._fn, [self], [self], None, _NULL, _SAME_KIND, _ORDER_K)
        return ipower(self, other)
    return __pow__, __ipow__


def _divmod_op(reflected):
    fn = UFUNCS["divmod"]._fn

    def op(self, other):
        if type(other) is not ndarray:
            o = _op_operand(other)
            if o is None:
                return NotImplemented
            if o is _HUGE:
                o = _huge_operand(other, [self], False)
            other = o
        a, b = (other, self) if reflected else (self, other)
        return call(fn, [a, b], [None, None], None, _NULL, _SAME_KIND, _ORDER_K)
    return op


_BINARY_OPS = [("add", "add"), ("sub", "subtract"), ("mul", "multiply"),
               ("truediv", "divide"), ("floordiv", "floor_divide"), ("mod", "remainder"),
               ("pow", "power"), ("and", "bitwise_and"), ("or", "bitwise_or"),
               ("xor", "bitwise_xor"), ("lshift", "left_shift"), ("rshift", "right_shift")]
_COMPARE_OPS = [("eq", "equal"), ("ne", "not_equal"), ("lt", "less"), ("le", "less_equal"),
                ("gt", "greater"), ("ge", "greater_equal")]
_UNARY_OPS = [("neg", "negative"), ("pos", "positive"), ("abs", "absolute"),
              ("invert", "invert")]


def _unop(uf):
    fn = uf._fn

    def op(self):
        return _unary(fn, self)
    return op


_POS_DEPRECATED = ("Applying '+' to a non-numerical array is ill-defined. Returning a copy, but "
                   "in the future this will error.")


def _pos_array(self, _fn=UFUNCS["positive"]._fn):
    """+a: positive(a); for dtypes positive has no loop for (bool), NumPy 1.24 returns a copy
    with a DeprecationWarning."""
    try:
        return _unary(_fn, self)
    except TypeError:
        warnings.warn(_POS_DEPRECATED, DeprecationWarning, stacklevel=_user_stacklevel())
        return _unwrap(self.copy())


def _pos_scalar(self, _fn=UFUNCS["positive"]._fn):
    try:
        return _unary(_fn, _typed(self))
    except TypeError:
        warnings.warn(_POS_DEPRECATED, DeprecationWarning, stacklevel=_user_stacklevel())
        return self


def _install_array_operators():
    for short, name in _BINARY_OPS:
        uf = UFUNCS[name]
        fwd, ref, inp = _binop(uf), _rbinop(uf), _ibinop(uf)
        if short == "pow":
            fwd, ref = _pow_wrap(fwd), _pow_wrap(ref)
        setattr(ndarray, "__%s__" % short, fwd)
        setattr(ndarray, "__r%s__" % short, ref)
        setattr(ndarray, "__i%s__" % short, inp)
    for short, name in _COMPARE_OPS:
        setattr(ndarray, "__%s__" % short, _binop(UFUNCS[name]))
    for short, name in _UNARY_OPS:
        setattr(ndarray, "__%s__" % short, _unop(UFUNCS[name]))
    ndarray.__pos__ = _pos_array
    ndarray.__pow__, ndarray.__ipow__ = _make_pow()
    ndarray.__divmod__ = _divmod_op(False)
    ndarray.__rdivmod__ = _divmod_op(True)
    ndarray.__hash__ = None


# -- operators of the cnumpy scalar types ----------------------------------------------------------
# A scalar is a 0-d array of its type for the ufunc; the 0-d result comes back as a scalar.
def _scalar_binop(uf, reflected):
    fn, comparison = uf._fn, uf._comparison

    def op(self, other):
        o = _op_operand(other)
        if o is None:
            return NotImplemented
        s = _typed(self)
        if o is _HUGE:
            o = _huge_operand(other, [s], comparison)
        if reflected:
            return _binary_arrays(fn, o, s)
        return _binary_arrays(fn, s, o)
    return op


def _scalar_unop(uf):
    fn = uf._fn

    def op(self):
        return _unary(fn, _typed(self))
    return op


def _scalar_divmod(reflected):
    fn = UFUNCS["divmod"]._fn

    def op(self, other):
        o = _op_operand(other)
        if o is None:
            return NotImplemented
        s = _typed(self)
        if o is _HUGE:
            o = _huge_operand(other, [s], False)
        a, b = (o, s) if reflected else (s, o)
        return call(fn, [a, b], [None, None], None, _NULL, _SAME_KIND, _ORDER_K)
    return op


def _exact_compare(pyop, cls, py_type):
    """Comparisons of float64/int64 with their own type or the Python type they subclass give
    exactly what the ufunc gives (IEEE doubles; exact integers, NumPy 2 answers out-of-range
    Python ints correctly too), so they skip the library: hashing and sorting stay fast."""
    slow = None

    def op(self, other):
        t = type(other)
        if t is py_type or t is cls:
            return True_ if pyop(py_type(self), py_type(other)) else False_
        return slow(self, other)

    def bind(s):
        nonlocal slow
        slow = s
        return op
    return bind


def _install_scalar_operators():
    import operator as _op
    pyops = {"eq": _op.eq, "ne": _op.ne, "lt": _op.lt, "le": _op.le, "gt": _op.gt, "ge": _op.ge}
    for cls in _SCALAR_CLASSES.values():
        for short, name in _BINARY_OPS:
            uf = UFUNCS[name]
            fwd, ref = _scalar_binop(uf, False), _scalar_binop(uf, True)
            if short == "pow":
                fwd, ref = _pow_wrap(fwd), _pow_wrap(ref)
            setattr(cls, "__%s__" % short, fwd)
            setattr(cls, "__r%s__" % short, ref)
        for short, name in _COMPARE_OPS:
            op = _scalar_binop(UFUNCS[name], False)
            if cls is _float64_t:
                op = _exact_compare(pyops[short], cls, float)(op)
            elif cls is _int64_t:
                op = _exact_compare(pyops[short], cls, int)(op)
            setattr(cls, "__%s__" % short, op)
        for short, name in _UNARY_OPS:
            setattr(cls, "__%s__" % short, _scalar_unop(UFUNCS[name]))
        cls.__pos__ = _pos_scalar
        cls.__divmod__ = _scalar_divmod(False)
        cls.__rdivmod__ = _scalar_divmod(True)
    _install_scalar_fast_paths()


_DBL_MIN = 2.2250738585072014e-308


def _float64_fast(pyop, slow, reflected, divide):
    """float64 op float64/float with Python's IEEE arithmetic when no floating-point exception
    can have happened (a finite, normal result; for division a non-zero divisor): identical
    to the ufunc, without the library round trip. Anything else (inf, nan, zero, subnormal
    results, which may carry overflow/invalid/underflow/divide flags) takes the ufunc."""
    wrap = _float64_t._wrap

    def op(self, other):
        t = type(other)
        if t is float or t is _float64_t:
            if divide and not (self if reflected else other):
                return slow(self, other)
            r = pyop(other, self) if reflected else pyop(self, other)
            if r > _DBL_MIN or r < -_DBL_MIN:
                if r - r == 0.0:
                    return wrap(r)
        return slow(self, other)
    return op


def _int64_fast(pyop, slow, reflected, divide):
    """int64 op int64/int with Python's exact integers when the result fits int64 (else the
    ufunc wraps it like NumPy); // and % only with a non-zero divisor (same floor rules)."""
    wrap = _int64_t._wrap

    def op(self, other):
        t = type(other)
        if t is int or t is _int64_t:
            if divide and not (self if reflected else other):
                return slow(self, other)
            r = pyop(other, self) if reflected else pyop(self, other)
            if -0x8000000000000000 <= r <= 0x7FFFFFFFFFFFFFFF:
                return wrap(r)
        return slow(self, other)
    return op


def _install_scalar_fast_paths():
    fl, it = float, int
    for short, pyop, divide in [("add", fl.__add__, False), ("sub", fl.__sub__, False),
                                ("mul", fl.__mul__, False), ("truediv", fl.__truediv__, True)]:
        for refl in (False, True):
            name = "__%s%s__" % ("r" if refl else "", short)
            slow = getattr(_float64_t, name)
            setattr(_float64_t, name, _float64_fast(pyop, slow, refl, divide))
    for short, pyop, divide in [("add", it.__add__, False), ("sub", it.__sub__, False),
                                ("mul", it.__mul__, False), ("floordiv", it.__floordiv__, True),
                                ("mod", it.__mod__, True)]:
        for refl in (False, True):
            name = "__%s%s__" % ("r" if refl else "", short)
            slow = getattr(_int64_t, name)
            setattr(_int64_t, name, _int64_fast(pyop, slow, refl, divide))


_install_array_operators()
_install_scalar_operators()
