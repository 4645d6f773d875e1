"""Calling Python functions over arrays (numpy/lib/function_base.py, shape_base.py and
numeric.py, NumPy 1.24 behaviour and messages): apply_along_axis, apply_over_axes, piecewise,
vectorize, fromfunction, fromiter.

NumPy's vectorize runs the Python function through an object-dtype ufunc (frompyfunc); cnumpy
has no object dtype, so vectorize loops over the broadcast index space itself, passes the same
Python values (elements converted with .item(), as NumPy's object arrays hold them), calls the
function the same number of times (including the extra first call that discovers the output
types when `otypes` is not given) and converts the results with the same dtype rules (object
results into object arrays). `frompyfunc` makes a ufunc of a Python function whose loop is
_objufunc's object loop (docs/object-dtype.md)."""
import collections.abc
import operator
import re

from ._args import normalize_axis
from ._convert import asanyarray, asarray, array
from ._creation import empty, zeros, zeros_like
from ._constants import typecodes
from ._dtype import dtype as _dtype
from ._index_tricks import ndindex
from ._joining import concatenate
from ._ndarray import ndarray
from ._objarray import from_leaves
from ._objufunc import apply as _apply_objects
from ._operands import where_mask
from ._ufunc import ufunc
from ._reduce import any as _any
from ._selection import indices
from ._shape_funcs import broadcast_shapes, broadcast_to, expand_dims, transpose

__all__ = ["apply_along_axis", "apply_over_axes", "piecewise", "vectorize", "fromfunction",
           "fromiter", "frompyfunc"]


def apply_along_axis(func1d, axis, arr, *args, **kwargs):
    """numpy.apply_along_axis: func1d applied to the 1-d slices of arr along axis."""
    arr = asanyarray(arr)
    nd = arr.ndim
    axis = normalize_axis(axis, nd)
    dims = list(range(nd))
    view = transpose(arr, dims[:axis] + dims[axis + 1:] + [axis])
    inds = (ind + (Ellipsis,) for ind in ndindex(view.shape[:-1]))
    try:
        ind0 = next(inds)
    except StopIteration:
        raise ValueError("Cannot apply_along_axis when any iteration dimensions are 0") from None
    res = asanyarray(func1d(view[ind0], *args, **kwargs))
    buff = zeros(view.shape[:-1] + res.shape, res.dtype)
    bdims = list(range(buff.ndim))
    permute = (bdims[0:axis] + bdims[buff.ndim - res.ndim:buff.ndim]
               + bdims[axis:buff.ndim - res.ndim])
    buff[ind0] = res
    for ind in inds:
        buff[ind] = asanyarray(func1d(view[ind], *args, **kwargs))
    return transpose(buff, permute)


def apply_over_axes(func, a, axes):
    """numpy.apply_over_axes: func(a, axis) repeatedly, keeping the number of dimensions."""
    val = asarray(a)
    n = a.ndim
    if array(axes).ndim == 0:
        axes = (axes,)
    for axis in axes:
        if axis < 0:
            axis = n + axis
        res = func(val, axis)
        if res.ndim == val.ndim:
            val = res
        else:
            res = expand_dims(res, axis)
            if res.ndim != val.ndim:
                raise ValueError("function is not returning an array of the correct shape")
            val = res
    return val


def piecewise(x, condlist, funclist, *args, **kw):
    """numpy.piecewise: funclist[i] evaluated where condlist[i] holds (last one: otherwise)."""
    x = asanyarray(x)
    n2 = len(funclist)
    if (not isinstance(condlist, (list, tuple, ndarray))
            or (not isinstance(condlist[0], (list, ndarray)) and x.ndim != 0)):
        condlist = [condlist]
    condlist = asarray(condlist, dtype=bool)
    n = len(condlist)
    if n == n2 - 1:
        otherwise = ~_any(condlist, axis=0, keepdims=True)
        condlist = concatenate([condlist, otherwise], axis=0)
        n += 1
    elif n != n2:
        raise ValueError("with {} condition(s), either {} or {} functions are expected"
                         .format(n, n, n + 1))
    y = zeros_like(x)
    for cond, func in zip(condlist, funclist):
        if not isinstance(func, collections.abc.Callable):
            y[cond] = func
        else:
            vals = x[cond]
            if vals.size > 0:
                y[cond] = func(vals, *args, **kw)
    return y


def fromfunction(function, shape, *, dtype=float, like=None, **kwargs):
    """numpy.fromfunction: function called once with the index grids of shape."""
    return function(*indices(shape, dtype=dtype), **kwargs)


def fromiter(iter, dtype, count=-1, *, like=None):
    """numpy.fromiter: a 1-d array of dtype from an iterable (count items, or all)."""
    d = _dtype(dtype)
    count = int(count)
    if count < -1:
        raise ValueError("Must specify length when using variable-size data-type.")
    items = []
    it = iter.__iter__() if hasattr(iter, "__iter__") else None
    if it is None:
        raise TypeError("'%s' object is not iterable" % type(iter).__name__)
    for v in it:
        items.append(v)
        if count >= 0 and len(items) == count:
            break
    if count >= 0 and len(items) < count:
        raise ValueError("iterator too short: Expected %d but iterator had only %d items."
                         % (count, len(items)))
    if not items:
        return empty((0,), d)
    return array(items, dtype=d)


_DIMENSION_NAME = r"\w+"
_CORE_DIMENSION_LIST = "(?:{0:}(?:,{0:})*)?".format(_DIMENSION_NAME)
_ARGUMENT = r"\({}\)".format(_CORE_DIMENSION_LIST)
_ARGUMENT_LIST = "{0:}(?:,{0:})*".format(_ARGUMENT)
_SIGNATURE = "^{0:}->{0:}$".format(_ARGUMENT_LIST)


def _parse_gufunc_signature(signature):
    signature = re.sub(r"\s+", "", signature)
    if not re.match(_SIGNATURE, signature):
        raise ValueError("not a valid gufunc signature: {}".format(signature))
    return tuple([tuple(re.findall(_DIMENSION_NAME, arg))
                  for arg in re.findall(_ARGUMENT, arg_list)]
                 for arg_list in signature.split("->"))


def _update_dim_sizes(dim_sizes, arg, core_dims):
    if not core_dims:
        return
    if arg.ndim < len(core_dims):
        raise ValueError("%d-dimensional argument does not have enough dimensions for all core "
                         "dimensions %r" % (arg.ndim, core_dims))
    for dim, size in zip(core_dims, arg.shape[-len(core_dims):]):
        if dim in dim_sizes:
            if size != dim_sizes[dim]:
                raise ValueError("inconsistent size for core dimension %r: %r vs %r"
                                 % (dim, size, dim_sizes[dim]))
        else:
            dim_sizes[dim] = size


def _shapes(broadcast_shape, dim_sizes, list_of_core_dims):
    return [broadcast_shape + tuple(dim_sizes[d] for d in core)
            for core in list_of_core_dims]


def _item(v):
    """An element as NumPy's object arrays hold it: a Python value."""
    return v.item() if hasattr(v, "item") else v


class vectorize:
    """numpy.vectorize: a Python function applied element by element with broadcasting."""

    def __init__(self, pyfunc, otypes=None, doc=None, excluded=None, cache=False,
                 signature=None):
        self.pyfunc = pyfunc
        self.cache = cache
        self.signature = signature
        self.__doc__ = pyfunc.__doc__ if doc is None else doc
        if isinstance(otypes, str):
            for char in otypes:
                if char not in typecodes["All"]:
                    raise ValueError("Invalid otype specified: %s" % (char,))
        elif otypes is not None:
            try:
                otypes = "".join(_dtype(x).char for x in otypes)
            except TypeError:
                raise ValueError("Invalid otype specification") from None
        self.otypes = otypes
        self.excluded = set() if excluded is None else set(excluded)
        self._core = None if signature is None else _parse_gufunc_signature(signature)

    def __call__(self, *args, **kwargs):
        excluded = self.excluded
        if not kwargs and not excluded:
            func, vargs = self.pyfunc, args
        else:
            names = [n for n in kwargs if n not in excluded]
            inds = [i for i in range(len(args)) if i not in excluded]
            the_args = list(args)

            def func(*vargs):
                for n, i in enumerate(inds):
                    the_args[i] = vargs[n]
                kwargs.update(zip(names, vargs[len(inds):]))
                return self.pyfunc(*the_args, **kwargs)
            vargs = [args[i] for i in inds] + [kwargs[n] for n in names]
        if self._core is not None:
            return self._call_with_signature(func, vargs)
        if not vargs:
            return func()
        return self._call(func, vargs)

    def _otypes(self, func, args):
        """The output type characters and the function to loop with (NumPy's first call on
        the first elements, cached when cache=True)."""
        if self.otypes is not None:
            return self.otypes, func
        if any(a.size == 0 for a in args):
            raise ValueError("cannot call `vectorize` on size 0 inputs unless `otypes` is set")
        outputs = func(*(a.reshape(-1)[0] for a in args))
        call = func
        if self.cache:
            cached = [outputs]

            def call(*vargs):
                return cached.pop() if cached else func(*vargs)
        if not isinstance(outputs, tuple):
            outputs = (outputs,)
        return "".join(asarray(o).dtype.char for o in outputs), call

    def _call(self, func, args):
        args = [asanyarray(a) for a in args]
        otypes, func = self._otypes(func, args)
        shape = broadcast_shapes(*(a.shape for a in args))
        args = [broadcast_to(a, shape) for a in args]
        nout = len(otypes)
        results = [[] for _ in range(nout)]
        for index in ndindex(shape):
            r = func(*(_item(a[index]) for a in args))
            if nout == 1:
                r = (r,)
            elif not isinstance(r, tuple) or len(r) != nout:
                raise ValueError("function returned %s values, expected %d"
                                 % (len(r) if isinstance(r, tuple) else 1, nout))
            for lst, v in zip(results, r):
                lst.append(v)
        outs = []
        for lst, t in zip(results, otypes):
            out = empty(shape, t)
            if lst and t == "O":
                out = from_leaves(lst, shape)       # the results themselves (lists stay lists)
            elif lst:
                out.reshape(-1)[...] = array(lst, dtype=t) if t not in "?bBhHiIlLqQpP" \
                    else _to_integers(lst, t)
            outs.append(out)
        return outs[0] if nout == 1 else tuple(outs)

    def _call_with_signature(self, func, args):
        in_core, out_core = self._core
        if len(args) != len(in_core):
            raise TypeError("wrong number of positional arguments: expected %r, got %r"
                            % (len(in_core), len(args)))
        args = tuple(asanyarray(a) for a in args)
        dim_sizes = {}
        loop_shapes = []
        for a, core in zip(args, in_core):
            _update_dim_sizes(dim_sizes, a, core)
            loop_shapes.append(a.shape[:a.ndim - len(core)])
        shape = broadcast_shapes(*loop_shapes)
        args = [broadcast_to(a, s) for a, s in zip(args, _shapes(shape, dim_sizes, in_core))]
        outputs = None
        otypes = self.otypes
        nout = len(out_core)
        for index in ndindex(*shape):
            results = func(*(a[index] for a in args))
            n = len(results) if isinstance(results, tuple) else 1
            if nout != n:
                raise ValueError("wrong number of outputs from pyfunc: expected %r, got %r"
                                 % (nout, n))
            if nout == 1:
                results = (results,)
            if outputs is None:
                results = tuple(asanyarray(r) for r in results)
                for r, core in zip(results, out_core):
                    _update_dim_sizes(dim_sizes, r, core)
                types = otypes or [r.dtype for r in results]
                outputs = tuple(empty(s, t) for s, t in
                                zip(_shapes(shape, dim_sizes, out_core), types))
            for o, r in zip(outputs, results):
                o[index] = r
        if outputs is None:
            if otypes is None:
                raise ValueError("cannot call `vectorize` on size 0 inputs unless `otypes` is "
                                 "set")
            if any(d not in dim_sizes for dims in out_core for d in dims):
                raise ValueError("cannot call `vectorize` with a signature including new "
                                 "output dimensions on size 0 inputs")
            outputs = tuple(empty(s, t) for s, t in
                            zip(_shapes(shape, dim_sizes, out_core), otypes))
        return outputs[0] if nout == 1 else outputs


def _to_integers(values, t):
    """Python results into an integer type as NumPy's object-to-integer cast does (floats
    truncate toward zero)."""
    return array([int(v) if isinstance(v, float) else v for v in values], dtype=t)


class _PyFuncUfunc(ufunc):
    """The ufunc numpy.frompyfunc makes: func called on the elements of the broadcast inputs
    (as Python objects), results in object arrays (docs/object-dtype.md). No library function
    stands behind it: the C fast paths find no address for it and leave every call to Python."""

    def __init__(self, func, nin, nout, identity, reorderable):
        name = getattr(func, "__name__", None)
        self.__name__ = self.__qualname__ = "%s (vectorized)" % (name if name is not None
                                                                  else "?")
        self.nin, self.nout, self.nargs = nin, nout, nin + nout
        self.identity = identity
        self.signature = None
        self.types = ["O" * nin + "->" + "O" * nout]
        self.ntypes = 1
        self.__doc__ = "dynamic ufunc based on a python function"
        self._pyfunc = func
        self._reorderable = reorderable     # identity= given (even None): NumPy's reorderable
        self._cname = None
        self._fn = None
        self._comparison = False
        self._simple = -1

    def __call__(self, *args, out=None, where=True, **kwargs):
        nin, nout = self.nin, self.nout
        for k in kwargs:
            if k not in ("casting", "order", "dtype", "subok", "signature"):
                raise TypeError("%s() got an unexpected keyword argument '%s'"
                                % (self.__name__, k))
        if len(args) < nin or len(args) > nin + nout:
            raise TypeError("%s() takes from %d to %d positional arguments but %d were given"
                            % (self.__name__, nin, nin + nout, len(args)))
        outs = list(args[nin:])
        if out is not None:
            if outs:
                raise TypeError("cannot specify 'out' as both a positional and keyword argument")
            outs = list(out) if isinstance(out, tuple) else [out]
            if len(outs) != nout:
                raise ValueError("The 'out' tuple must have exactly one entry per ufunc output")
        outs += [None] * (nout - len(outs))
        for o in outs:
            if o is not None and not isinstance(o, ndarray):
                raise TypeError("return arrays must be of ArrayType")
        arrs = [a if isinstance(a, ndarray) else asarray(a) for a in args[:nin]]
        w = where_mask(where)
        return _apply_objects(self._pyfunc, arrs, outs, w, nout)


_NO_IDENTITY = object()


def frompyfunc(func, /, nin, nout, *, identity=_NO_IDENTITY):
    """numpy.frompyfunc: a ufunc calling func on Python objects, returning object arrays.
    Without identity= its reductions take one axis at most (NumPy: not reorderable)."""
    if not callable(func):
        raise TypeError("function must be callable")
    nin, nout = operator.index(nin), operator.index(nout)
    if nin < 0 or nout < 0 or nin + nout > 32:
        raise ValueError("Cannot construct a ufunc with more than 32 operands (requested number "
                         "were: inputs = %d and outputs = %d)" % (nin, nout))
    reorderable = identity is not _NO_IDENTITY
    return _PyFuncUfunc(func, nin, nout, identity if reorderable else None, reorderable)
