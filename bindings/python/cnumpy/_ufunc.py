"""cnumpy.ufunc: NumPy's elementwise functions over the library's cnp_<name> entry points.

As in NumPy 1.24, a 0-d result without out= comes back as a cnumpy scalar. Inputs become arrays
as _operands describes (NEP 50's weak Python scalars).

Speed: the common calls (a + b, np.add(a, b) with arrays or Python scalars and no keywords)
call the C function resolved once at import with NULL for cnp_ufunc_args, a per-thread
out-pointer cell, cached weak 0-d arrays for small Python scalars, and build the result object
without querying the library (its shape is known when the operands' shapes are equal).
"""
import threading
import warnings

from . import _accel, _args, _backend, _dtype, _ufunc_methods
from ._args import NoValue
from ._capi import (cfunc, error, pending, flush_warnings, wrap,  # noqa: F401 (tests: _ufunc.cfunc)
                    WARNINGS, _broadcastable)
from ._errors import ComplexWarning, _user_stacklevel
from ._ndarray import ndarray, scalar_of
from ._operands import operand, inputs, where_array
from ._subclass import involved, ufunc_results, reduce_result
from . import _objufunc

_lib = _backend.lib
_C = _backend.consts
_NULL = _backend.NULL
_new_array_out = _backend.new_array_out
_new_ufunc_args = _backend.new_ufunc_args
_object_new = object.__new__
_array_free = _lib.cnp_array_free
_SAME_KIND = _C["CNP_CASTING_SAME_KIND"]
_UNSAFE = _C["CNP_CASTING_UNSAFE"]
_ORDER_K = _C["CNP_ORDER_K"]
_dtype_handle = _args.dtype_handle

# Comparisons take a Python int beyond int64/uint64 as the infinity of its sign (_operands).
COMPARISONS = {"equal", "not_equal", "less", "less_equal", "greater", "greater_equal"}


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


_MISSING = object()


def pop_keywords(name, kwargs, casting="same_kind"):
    """(where, casting, order, dtype, signature): the ufunc keywords taken out of kwargs (subok
    is accepted and ignored); TypeError for any other keyword."""
    where = kwargs.pop("where", True)
    casting = kwargs.pop("casting", casting)
    order = kwargs.pop("order", "K")
    dtype = kwargs.pop("dtype", None)
    kwargs.pop("subok", None)
    signature = kwargs.pop("signature", None)
    if kwargs:
        raise TypeError("%s() got an unexpected keyword argument '%s'"
                        % (name, next(iter(kwargs))))
    return where, casting, order, dtype, signature


def resolve_keywords(name, nin, nout, where, casting, order, dtype, signature):
    """(where array or None, dtype handle, CNP_CASTING_*, CNP_ORDER_*) for call_ufunc from the
    keywords pop_keywords returned, checked in NumPy's order."""
    if not isinstance(casting, str):
        raise TypeError("casting must be str, not %s" % type(casting).__name__)
    c = _args.casting(casting)
    o = _args.order(order)
    if dtype is not None and signature is not None:
        raise TypeError("cannot specify both 'signature' and 'dtype'")
    if signature is not None:
        dt = signature_dtype(signature, name, nin, nout)
    else:
        dt = _dtype_handle(dtype)
    w = None if where is True else where_array(where)
    return w, dt, c, o


def signature_dtype(sig, name, nin, nout):
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


class ufunc(_accel.ufunc_base):
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
        self.types = []             # NumPy's loop list, filled by _ufunc_table from the library
        self.ntypes = 0
        self.__doc__ = "%s(%s, /, out=%s, *, where=True, casting='same_kind', order='K', " \
                       "dtype=None, subok=True[, signature])\n\n%s" % (
                           name, ", ".join("x%d" % (i + 1) for i in range(nin)) if nin > 1
                           else "x", "None" if nout == 1 else "(None, None)", doc)
        self._cname = cname or "cnp_" + name
        self._fn = cfunc(self._cname)
        self._comparison = name in COMPARISONS
        self._simple = nin if nout == 1 else -1
        _objufunc.register(self)

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
                        return binary_arrays(self._fn, x, y)
                    r = _binary(self._fn, x, y, self._comparison)
                else:
                    x = args[0]
                    if type(x) is ndarray:
                        return unary(self._fn, x)
                    r = unary(self._fn, x)
                # a subclass or an operand with __array_wrap__ (_subclass.py)
                return ufunc_results(self, args, (None,), r) if involved(args) else r
        return self._general(args, kwargs)

    def _general(self, args, kwargs):
        nin, nout, name = self.nin, self.nout, self.__name__
        n = len(args)
        if n < nin or n > nin + nout:
            raise TypeError("%s() takes from %d to %d positional arguments but %d were given"
                            % (name, nin, nin + nout, n))
        outs = list(args[nin:])
        out = kwargs.pop("out", _MISSING)
        subok = kwargs.get("subok", True)
        keywords = pop_keywords(name, kwargs)
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
            _args.ufunc_out(o)
        w, dt, c, o = resolve_keywords(name, nin, nout, *keywords)
        arrs = inputs(args[:nin], self._comparison)
        r = call_ufunc(self._fn, arrs, outs, w, dt, c, o)
        if subok and (involved(args[:nin]) or involved(outs)):
            return ufunc_results(self, args[:nin], outs, r)
        return r

    # -- methods NumPy's ufuncs have ------------------------------------------------------------
    def outer(self, A, B, **kwargs):
        """ufunc.outer(A, B): f(a, b) for every pair, with shape A.shape + B.shape."""
        if self.nin != 2:
            raise ValueError("outer product only supported for binary functions")
        a, b = operand(A), operand(B)
        a = a.reshape(a.shape + (1,) * len(b.shape))
        return self(a, b, **kwargs)

    def reduce(self, array, axis=0, dtype=None, out=None, keepdims=False, initial=NoValue,
               where=True):
        """ufunc.reduce: combine the elements along axis (0 by default; None = all; a tuple
        for ufuncs that are reorderable)."""
        r = _ufunc_methods.reduce(self, array, axis, dtype, out, keepdims, initial, where)
        return r if type(array) is ndarray else reduce_result(array, r, _single(out))

    def accumulate(self, array, axis=0, dtype=None, out=None):
        """ufunc.accumulate: the running result along one axis."""
        r = _ufunc_methods.accumulate(self, array, axis, dtype, out)
        return r if type(array) is ndarray else reduce_result(array, r, _single(out))

    def reduceat(self, array, indices, axis=0, dtype=None, out=None):
        """ufunc.reduceat: reductions over the slices indices[i]:indices[i+1] along axis."""
        r = _ufunc_methods.reduceat(self, array, indices, axis, dtype, out)
        return r if type(array) is ndarray else reduce_result(array, r, _single(out))

    def at(self, a, indices, b=None):
        """ufunc.at: a[indices] = f(a[indices], b) in place, unbuffered."""
        return _ufunc_methods.at(self, a, indices, b)


def _single(out):
    """The out= of a reduction as one array or None (NumPy also takes a 1-tuple)."""
    return out[0] if isinstance(out, tuple) and len(out) == 1 else out


def call_ufunc(fn, arrs, outs, where, dt, casting, order):
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
    early = casting == _UNSAFE and _complex_to_real(fn, arrs, outs, dt, order)
    st = fn(*[a._h for a in arrs], args, *cells)
    if st and (_objufunc.involved(arrs) or _objufunc.involved(outs)):
        return _objufunc.call(fn, arrs, outs, where)    # NumPy's object loops
    if early and pending:       # the library's own copy of the warning given first
        me = threading.get_ident()
        for w in [w for w in pending if w[0] == me and WARNINGS.get(w[1]) is ComplexWarning]:
            pending.remove(w)
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
            r = results[k]
            results[k] = scalar_of(r) if not r.shape else r
    return results[0] if len(results) == 1 else tuple(results)


def _complex_to_real(fn, arrs, outs, dt, order):
    """With casting='unsafe', NumPy raises ComplexWarning while it sets up a complex loop
    output's cast to a real out= array, before anything is computed, so a filter turning the
    warning into an error leaves out untouched; the library reports it after the call. When an
    out= array is real and an input is complex, the loop's output types are found by calling
    on zero-size stand-ins of the inputs (nothing computed), and the warning is given first."""
    real_outs = [k for k, o in enumerate(outs) if o is not None and o.dtype.kind not in "cb"]
    if not real_outs or not (dt is not _NULL or any(a.dtype.kind == "c" for a in arrs)):
        return False
    for o in outs:      # a shape error comes first, as in NumPy
        if o is not None and not all(_broadcastable(a.shape, o.shape) for a in arrs):
            return False
    stand_ins = [a if not a.ndim or 0 in a.shape else
                 a[(slice(0, 0),) + (slice(0, 1),) * (a.ndim - 1)] for a in arrs]
    probe = _new_ufunc_args()
    if dt is not _NULL:
        probe.dtype = dt
    probe.casting = _UNSAFE
    probe.order = order
    cells = [_new_array_out() for _ in outs]
    if fn(*[a._h for a in stand_ins], probe, *cells):
        return False            # the real call reports the error
    results = [wrap(cell[0]) for cell in cells]
    if not any(results[k].dtype.kind == "c" for k in real_outs):
        return False
    warnings.warn("Casting complex values to real discards the imaginary part", ComplexWarning,
                  stacklevel=_user_stacklevel())
    return True


# unary and binary_arrays are the fast paths: the per-thread out cell, and the result's shape
# set without asking the library.
def _thread_result(st, cell, shape):
    """The new array a fast path's call left in the per-thread cell (shape known)."""
    h = cell[0]
    if st:
        raise error(st)
    r = _object_new(ndarray)
    r._h = h
    r._strides = r._dtype = r._base = None
    r._shape = shape
    if pending:
        flush_warnings()
    return r


def unary(fn, x):
    """f(x) for a one-input ufunc without keywords."""
    a = x if type(x) is ndarray else operand(x)
    sa = a._shape
    if sa is None:
        sa = a.shape
    try:
        cell = _tls.cell
    except AttributeError:
        cell = _cell()
    st = fn(a._h, _NULL, cell)
    if st and a.dtype.kind == "O":
        return _objufunc.call(fn, (a,))                 # NumPy's object loops
    r = _thread_result(st, cell, sa)
    if not sa:
        return scalar_of(r)
    return r


def _binary(fn, x, y, comparison):
    tx, ty = type(x), type(y)
    a = x if tx is ndarray else None
    b = y if ty is ndarray else None
    if a is None or b is None:
        a, b = inputs((x, y), comparison)
    return binary_arrays(fn, a, b)


def binary_arrays(fn, a, b):
    """f(a, b) for a two-input ufunc without keywords, a and b arrays."""
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
    if st and (a.dtype.kind == "O" or b.dtype.kind == "O"):
        return _objufunc.call(fn, (a, b))               # NumPy's object loops
    r = _thread_result(st, cell, sa if sa == sb or not sb else sb if not sa else None)
    if not sa and not sb:
        return scalar_of(r)
    return r
