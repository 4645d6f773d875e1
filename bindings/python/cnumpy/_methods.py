"""The one place where methods and operators join cnumpy.ndarray and the scalar types.

_ndarray.py defines the array's core (handle, attributes, copies and views) and _scalars.py the
scalar classes; everything they do through the layers above them (indexing with arrays,
printing, arithmetic through the ufuncs, reductions, selection, products, DLPack, the
constructors) is attached here, after all those layers are imported, so no lower module has to
import a higher one. NumPy does the same: its array type reaches the ufuncs through the number
table umath sets at import, and methods such as sum through numpy/core/_methods.py.

The package __init__ imports this module before anything is exported, so users only ever see
the complete classes.
"""
import warnings

from . import _accel, _backend, _datetime, _dtype, _reduce, _scalars
from ._args import NoValue, casting as _casting_rule
from ._capi import error, flush_warnings, pending
from ._convert import bool_new, cast_objects, scalar_constructor
from ._objarray import fill as _fill_objects
from ._creation import ndarray_new
from ._arrayprint import array_repr as numpy_array_repr
from ._array_misc import ctypes_of, itemset, resize, getfield, setfield, tostring
from ._flatiter import flatiter
from ._indexing import getitem, scalar_getitem, setitem
from ._interop import __dlpack__, __dlpack_device__, buffer, buffer_format, data
from ._mathfuncs import (clip_method, conjugate, get_imag, get_real, round_method, scalar_imag,
                         scalar_real, set_imag, set_real)
from ._ndarray import ndarray, scalar_of as _ndarray_scalar_of
from ._dtype import dtype
from ._operators import array_operators, scalar_operators, _BINARY_OPS, _COMPARE_OPS, _UNARY_OPS
from ._print import array_repr, array_str
from ._pickling import dump, dumps, reduce, reduce_ex
from ._npyio import tofile
from ._memmap import memmap
from ._index_tricks import AxisConcatenator
from .matrixlib import matrix, index_tricks_matrix
from ._products import dot, matmul
from ._protocols import (ARRAY_PRIORITY, array_function, array_ufunc, array_wrap,
                         numpy_dtype)
from ._rearranging import repeat
from ._records import void_new
from ._scalars import _CLASSES as SCALAR_CLASSES, bool_
from ._selection import choose, compress, diagonal, nonzero, put, take, trace
from ._shape_funcs import squeeze, swapaxes
from ._ufunc import ufunc
from ._ufunc_table import UFUNCS
from ._subclass import adopt as adopt_subclass_protocol, install as install_subclass
from ._sorting import (array_argpartition, array_argsort, array_partition, array_searchsorted,
                       array_sort)


# -- ndarray methods that are NumPy functions with the array first ------------------------------
# (the reductions' array_method: the function without its call of a subclass's own method)
def _sum(self, axis=None, dtype=None, out=None, keepdims=False, initial=NoValue, where=True):
    return _reduce.sum.array_method(self, axis, dtype, out, keepdims, initial, where)


def _prod(self, axis=None, dtype=None, out=None, keepdims=False, initial=NoValue, where=True):
    return _reduce.prod.array_method(self, axis, dtype, out, keepdims, initial, where)


def _min(self, axis=None, out=None, keepdims=False, initial=NoValue, where=True):
    return _reduce.amin.array_method(self, axis, out, keepdims, initial, where)


def _max(self, axis=None, out=None, keepdims=False, initial=NoValue, where=True):
    return _reduce.amax.array_method(self, axis, out, keepdims, initial, where)


def _mean(self, axis=None, dtype=None, out=None, keepdims=False, *, where=True):
    return _reduce.mean.array_method(self, axis, dtype, out, keepdims, where=where)


def _var(self, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True):
    return _reduce.var.array_method(self, axis, dtype, out, ddof, keepdims, where=where)


def _std(self, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True):
    return _reduce.std.array_method(self, axis, dtype, out, ddof, keepdims, where=where)


def _ptp(self, axis=None, out=None, keepdims=False):
    return _reduce.ptp.array_method(self, axis, out, keepdims)


def _all(self, axis=None, out=None, keepdims=False, *, where=True):
    return _reduce.all.array_method(self, axis, out, keepdims, where=where)


def _any(self, axis=None, out=None, keepdims=False, *, where=True):
    return _reduce.any.array_method(self, axis, out, keepdims, where=where)


def _argmin(self, axis=None, out=None, *, keepdims=False):
    return _reduce.argmin(self, axis, out, keepdims=keepdims)


def _argmax(self, axis=None, out=None, *, keepdims=False):
    return _reduce.argmax(self, axis, out, keepdims=keepdims)


def _cumsum(self, axis=None, dtype=None, out=None):
    return _reduce.cumsum.array_method(self, axis, dtype, out)


def _cumprod(self, axis=None, dtype=None, out=None):
    return _reduce.cumprod.array_method(self, axis, dtype, out)


def _take(self, indices, axis=None, out=None, mode="raise"):
    return take(self, indices, axis, out, mode)


def _repeat(self, repeats, axis=None):
    return repeat(self, repeats, axis)


def _put(self, indices, values, mode="raise"):
    return put(self, indices, values, mode)


def _nonzero(self):
    return nonzero(self)


def _diagonal(self, offset=0, axis1=0, axis2=1):
    return diagonal(self, offset, axis1, axis2)


def _trace(self, offset=0, axis1=0, axis2=1, dtype=None, out=None):
    return trace(self, offset, axis1, axis2, dtype, out)


def _compress(self, condition, axis=None, out=None):
    return compress(condition, self, axis, out)


def _choose(self, choices, out=None, mode="raise"):
    return choose(self, choices, out, mode)


def _swapaxes(self, axis1, axis2):
    return swapaxes(self, axis1, axis2)


def _squeeze(self, axis=None):
    return squeeze(self, axis)


def _dot(self, b, out=None):
    return dot(self, b, out=out)


def _matmul(self, other):
    return matmul(self, other)


def _rmatmul(self, other):
    return matmul(other, self)


def _imatmul(self, other):
    return matmul(self, other, out=self)


_FUNCTION_METHODS = {
    "sum": _sum, "prod": _prod, "min": _min, "max": _max, "mean": _mean, "var": _var,
    "std": _std, "ptp": _ptp, "all": _all, "any": _any, "argmin": _argmin, "argmax": _argmax,
    "cumsum": _cumsum, "cumprod": _cumprod, "take": _take, "repeat": _repeat, "put": _put,
    "nonzero": _nonzero, "diagonal": _diagonal, "trace": _trace, "compress": _compress,
    "choose": _choose, "swapaxes": _swapaxes, "squeeze": _squeeze, "dot": _dot,
    "sort": array_sort, "argsort": array_argsort, "partition": array_partition,
    "argpartition": array_argpartition, "searchsorted": array_searchsorted,
}


def _object_methods():
    """astype and fill of object arrays (the library moves no values between object and other
    dtypes, nor Python values into object arrays: docs/object-dtype.md)."""
    plain_astype, plain_fill = ndarray.astype, ndarray.fill

    def astype(self, dtype, order="K", casting="unsafe", subok=True, copy=True):
        d = _dtype.dtype(dtype)
        if (d.kind == "O") != (self.dtype.kind == "O"):
            if not _dtype.can_cast_dtypes(self.dtype, d, _casting_rule(casting)):
                raise TypeError("Cannot cast array data from %r to %r according to the rule %r"
                                % (self.dtype, d, casting))
            return cast_objects(self, d)
        return plain_astype(self, dtype, order, casting, subok, copy)

    def fill(self, value):
        if self.dtype.kind == "O":
            return _fill_objects(self, value)
        return plain_fill(self, value)
    astype.__doc__, fill.__doc__ = plain_astype.__doc__, plain_fill.__doc__
    ndarray.astype, ndarray.fill = astype, fill


def _attach_array_methods():
    _object_methods()
    ndarray.__new__ = ndarray_new
    ndarray.__repr__ = array_repr
    ndarray.__str__ = array_str
    ndarray.__reduce__ = reduce
    ndarray.__reduce_ex__ = reduce_ex
    ndarray.dump = dump
    ndarray.dumps = dumps
    ndarray.tofile = tofile
    # NumPy's dispatch protocols (NEP 13, NEP 18) and what Dask reads of a chunk type.
    ndarray.__array_ufunc__ = array_ufunc
    ndarray.__array_function__ = array_function
    ndarray.__array_wrap__ = array_wrap
    ndarray.__array_priority__ = ARRAY_PRIORITY
    # NumPy's subclassing protocol (_subclass.py): each subclass made from here on gets the
    # methods and operators that keep its type
    ndarray.__init_subclass__ = classmethod(install_subclass)
    adopt_subclass_protocol(dict(UFUNCS, matmul=matmul), numpy_array_repr)
    dtype.dtype = property(numpy_dtype, doc="The equal numpy.dtype (only with NumPy imported).")
    ndarray.__getitem__ = getitem
    ndarray.__setitem__ = setitem
    for name, fn in array_operators().items():
        setattr(ndarray, name, fn)
    ndarray.__matmul__, ndarray.__rmatmul__, ndarray.__imatmul__ = _matmul, _rmatmul, _imatmul
    ndarray.real = property(get_real, set_real, doc="The real part of the array.")
    ndarray.imag = property(get_imag, set_imag, doc="The imaginary part of the array.")
    ndarray.conj = ndarray.conjugate = conjugate
    ndarray.round = round_method
    ndarray.clip = clip_method
    for name, fn in _FUNCTION_METHODS.items():
        fn.__name__ = name
        fn.__qualname__ = "ndarray." + name
        setattr(ndarray, name, fn)
    ndarray.__dlpack__ = __dlpack__
    ndarray.__dlpack_device__ = __dlpack_device__
    if not hasattr(ndarray, "data"):
        ndarray.data = property(data, doc="A memoryview of the array's memory (NumPy's .data).")
    ndarray.__buffer__ = buffer
    ndarray.flat = property(_get_flat, _set_flat, doc="A 1-D iterator over the array (numpy.flatiter).")
    ndarray.itemset = itemset
    ndarray.resize = resize
    ndarray.getfield = getfield
    ndarray.setfield = setfield
    ndarray.tostring = tostring
    ndarray.ctypes = property(ctypes_of, doc="The data address, shape and strides for ctypes.")
    # Last: the C fast paths take over __getitem__/reshape (with these as their fallbacks).
    _accel.install(ndarray, ufunc, _accel_glue())


def _builtin_dtype_address(spec):
    """The library address of the dtype a dtype= argument names when it is one of the immortal
    builtin dtypes (the C fast paths cache it by the argument's identity), else None."""
    d = _dtype.dtype(spec)
    if _dtype._BY_TYPENUM.get(d._num) is not d:
        return None
    return _accel.handle_address(d._h)


def _accel_glue():
    """The package's objects the C fast paths use (cnumpy._speedups' install)."""
    n = _backend.consts["CNP_NTYPES_BUILTIN"]
    ops = {short: UFUNCS[name]._cname for short, name in _BINARY_OPS + _UNARY_OPS + _COMPARE_OPS}
    ops.update((name, UFUNCS[name]._cname) for name in ("square", "reciprocal", "sqrt"))
    return {"pending": pending, "flush": flush_warnings, "error": error,
            "scalar_wrap": [_dtype._SCALAR_TYPES[i]._wrap for i in range(n)],
            "kinds": "".join(_scalars._KIND[i] for i in range(n)),
            "true": _scalars.True_, "false": _scalars.False_, "float64": _scalars.float64,
            "int64": _scalars.int64, "complex128": _scalars.complex128,
            "dtype_address": _builtin_dtype_address, "buffer_format": buffer_format,
            "operator_functions": ops, "scalar_of": _ndarray_scalar_of}


def _get_flat(self):
    return flatiter(self)


def _set_flat(self, value):
    flatiter(self)[...] = value


def _scalar_round(self, ndigits=None):
    """round(scalar[, ndigits]) as NumPy's scalars: the scalar's own type with ndigits (its
    round method), a Python int without (complex: the complex scalar, with NumPy's warning)."""
    is_complex = self.dtype.kind == "c"
    if is_complex:
        warnings.warn("The Python built-in `round` is deprecated for complex scalars, and will "
                      "raise a `TypeError` in a future release. Use `np.round` or "
                      "`scalar.round` instead.", DeprecationWarning, stacklevel=2)
    if ndigits is None:
        r = round_method(self)
        return r if is_complex else int(r)
    return round_method(self, ndigits)


def _attach_scalar_methods():
    for cls in SCALAR_CLASSES.values():
        cls.__new__ = bool_new if cls is bool_ else scalar_constructor(cls)
        for name, fn in scalar_operators(cls).items():
            setattr(cls, name, fn)
        cls.real = property(scalar_real, doc="The real part of the scalar.")
        cls.imag = property(scalar_imag, doc="The imaginary part of the scalar.")
        cls.conj = cls.conjugate = conjugate
        cls.round = round_method
        cls.clip = clip_method
        cls.__round__ = _scalar_round
        cls.__getitem__ = scalar_getitem
        # NumPy's numeric scalars take x[()] and x[...] but are not sequences: iter(x) raises
        # TypeError (numpy.iterable(x) is False) rather than walking __getitem__(0), (1), ...
        cls.__iter__ = None
        # NumPy's scalars take part in the protocols too: numpy.divide(total, n) on two
        # cnumpy scalars (Dask's mean) stays cnumpy.
        cls.__array_ufunc__ = array_ufunc
        cls.__array_function__ = array_function
        cls.__array_priority__ = ARRAY_PRIORITY


def _attach_datetime_scalar_methods():
    """datetime64/timedelta64: NumPy's constructors, and their arithmetic and comparisons as
    the ufuncs (the library's datetime loops) compute them on 0-d arrays."""
    _scalars.datetime64.__new__ = _datetime.datetime64_new
    _scalars.timedelta64.__new__ = _datetime.timedelta64_new
    _scalars._datetime_base.__init__ = lambda self, *args, **kwargs: None   # __new__ did it

    def operand(x):
        # Python datetime objects are object-dtype operands in NumPy (its TypeError): deferred.
        if isinstance(x, (ndarray, _scalars._datetime_base)):
            return _datetime.scalar_of(x)._array() if not isinstance(x, ndarray) else x
        if type(x) in (int, float, bool) or isinstance(x, _scalars.generic):
            return x
        return None

    def unwrap(r, other):
        if isinstance(other, ndarray):
            return r
        if isinstance(r, tuple):
            return tuple(x[()] if isinstance(x, ndarray) else x for x in r)
        return r[()] if isinstance(r, ndarray) else r

    def binary(uf, swap=False):
        def op(self, other):
            o = operand(other)
            if o is None:
                return NotImplemented
            a = self._array()
            return unwrap(uf(o, a) if swap else uf(a, o), other)
        return op

    def unary(uf):
        return lambda self: unwrap(uf(self._array()), None)

    ops = {}
    for name, uf in (("add", "add"), ("sub", "subtract"), ("mul", "multiply"),
                     ("truediv", "true_divide"), ("floordiv", "floor_divide"), ("mod", "remainder"),
                     ("divmod", "divmod")):
        ops["__%s__" % name] = binary(UFUNCS[uf])
        ops["__r%s__" % name] = binary(UFUNCS[uf], swap=True)
    for name, uf in (("eq", "equal"), ("ne", "not_equal"), ("lt", "less"), ("le", "less_equal"),
                     ("gt", "greater"), ("ge", "greater_equal")):
        ops["__%s__" % name] = binary(UFUNCS[uf])
    for name, uf in (("neg", "negative"), ("pos", "positive"), ("abs", "absolute")):
        ops["__%s__" % name] = unary(UFUNCS[uf])
    for cls in (_scalars.datetime64, _scalars.timedelta64):
        for name, fn in ops.items():
            setattr(cls, name, fn)
        cls.__hash__ = _scalars._datetime_base.__hash__
        cls.astype = lambda self, dt: self._array().astype(dt)[()]
        cls.__array_ufunc__ = array_ufunc
        cls.__array_function__ = array_function
        cls.__array_priority__ = ARRAY_PRIORITY
    _scalars.timedelta64.__bool__ = lambda self: self._value != 0
    _scalars.timedelta64.__int__ = lambda self: self._value
    _scalars.datetime64.__int__ = lambda self: self._value


_attach_array_methods()
_attach_scalar_methods()
_attach_datetime_scalar_methods()
_scalars.void.__new__ = void_new      # numpy.void(length_or_data, dtype=None)
for _cls in (memmap, matrix):   # made before ndarray's hook was set (later ones get it as made)
    install_subclass(_cls)
del _cls
AxisConcatenator.makemat = staticmethod(index_tricks_matrix)    # r_['r', ...] is a numpy.matrix
