"""Array creation functions with NumPy's signatures and defaults."""
import operator

from . import _accel, _args, _backend, _dtype, _wrapmem
from ._capi import error, pending, flush_warnings, produce, produce_many, wrap
from ._convert import as_array, as_source, from_scalar, _is_python_scalar
from ._datetime import datetime_arange, needs_datetime_arange
from ._ndarray import ndarray, get_scalar, new_instance
from ._subclass import keep_type
from . import _objarray
from ._scalars import from_cscalar, to_cscalar

_lib = _backend.lib
_NULL = _backend.NULL
_new_array_out = _backend.new_array_out
_dtype_handle = _args.dtype_handle
_ORDER_C = _args.ORDER_C
_order = _args.order
_F64 = _dtype.dtype("float64")


# int64_t[1] arrays for int shapes, made once: the library only reads them, so sharing them
# between calls (and threads) is safe, and it saves an allocation per call.
_SHAPE1 = {}


def _shape1(n):
    nd, shp = _args.shape_array(n)      # validates the range
    if len(_SHAPE1) < 4096:
        _SHAPE1[n] = shp
    return shp


def _object_shape(shape):
    return (operator.index(shape),) if not isinstance(shape, (tuple, list)) else \
        tuple(operator.index(n) for n in shape)


def _make_filled(cfn, value=None):
    """empty/zeros/ones share one shape: kept as tight as possible (it is what the per-call
    overhead benchmark times). The library makes object arrays of Nones only: zeros and ones of
    dtype=object hold the Python ints `value` (NumPy's 0 and 1), filled here."""

    def create(shape, dtype=float, order="C", *, like=None):
        if type(shape) is int:
            nd = 1
            shp = _SHAPE1.get(shape)
            if shp is None:
                shp = _shape1(shape)
        else:
            nd, shp = _args.shape_array(shape)
        if order == "C":
            o = _ORDER_C
        else:
            o = _args.order_cf(order)
        out = _new_array_out()
        st = cfn(nd, shp, _dtype_handle(dtype), o, out)
        if st:
            if value is not None and _dtype.dtype(dtype).kind == "O":
                return _objarray.full(_object_shape(shape), value, o)
            raise error(st)
        if pending:
            flush_warnings()
        return wrap(out[0])
    return create


empty = _make_filled(_lib.cnp_empty)
zeros = _make_filled(_lib.cnp_zeros, 0)
ones = _make_filled(_lib.cnp_ones, 1)
empty.__name__, zeros.__name__, ones.__name__ = "empty", "zeros", "ones"
empty.__doc__ = "numpy.empty(shape, dtype=float, order='C')"
zeros.__doc__ = "numpy.zeros(shape, dtype=float, order='C')"
ones.__doc__ = "numpy.ones(shape, dtype=float, order='C')"
# With cnumpy._speedups: C fast paths in front (simple shapes and builtin dtypes).
empty = _accel.fast_function("empty", empty)
zeros = _accel.fast_function("zeros", zeros)
ones = _accel.fast_function("ones", ones)


def full(shape, fill_value, dtype=None, order="C", *, like=None):
    nd, shp = _args.shape_array(shape)
    o = _args.order_cf(order)
    d = None if dtype is None else _dtype.dtype(dtype)
    # NumPy's copyto of None takes the destination's setitem (NaN, False, 'None'); other values
    # are cast (a string into bool is parsed), so only None is given the destination
    fill = as_source(fill_value, d if fill_value is None else None)
    if (fill.dtype if d is None else d).kind == "O":
        return _objarray.full(_object_shape(shape), fill_value, o)
    return produce(_lib.cnp_full, nd, shp, fill._h, _dtype_handle(dtype), o)


def _like_args(shape):
    if shape is None:
        return -1, _NULL
    return _args.shape_array(shape)


def _like(p, subok, r):
    """A *_like result: of the prototype's subclass with subok (NumPy's default), finalized
    with the prototype."""
    return keep_type(p, r) if subok and type(p) is not ndarray else r


def empty_like(prototype, dtype=None, order="K", subok=True, shape=None):
    p = as_array(prototype)
    nd, shp = _like_args(shape)
    return _like(p, subok, produce(_lib.cnp_empty_like, p._h, _dtype_handle(dtype), _order(order),
                                   nd, shp))


def zeros_like(a, dtype=None, order="K", subok=True, shape=None):
    p = as_array(a)
    nd, shp = _like_args(shape)
    if (p.dtype if dtype is None else _dtype.dtype(dtype)).kind == "O":
        return _objarray.full(p.shape if shape is None else _object_shape(shape), 0)
    return _like(p, subok, produce(_lib.cnp_zeros_like, p._h, _dtype_handle(dtype), _order(order),
                                   nd, shp))


def ones_like(a, dtype=None, order="K", subok=True, shape=None):
    p = as_array(a)
    nd, shp = _like_args(shape)
    if (p.dtype if dtype is None else _dtype.dtype(dtype)).kind == "O":
        return _objarray.full(p.shape if shape is None else _object_shape(shape), 1)
    return _like(p, subok, produce(_lib.cnp_ones_like, p._h, _dtype_handle(dtype), _order(order),
                                   nd, shp))


def full_like(a, fill_value, dtype=None, order="K", subok=True, shape=None):
    p = as_array(a)
    o = _order(order)
    nd, shp = _like_args(shape)
    fill = as_source(fill_value)
    if (p.dtype if dtype is None else _dtype.dtype(dtype)).kind == "O":
        return _objarray.full(p.shape if shape is None else _object_shape(shape), fill_value)
    return _like(p, subok, produce(_lib.cnp_full_like, p._h, fill._h, _dtype_handle(dtype), o, nd,
                                   shp))


def _bound(v):
    """A start/stop/step of arange as a cnp_scalar (0-d arrays give their element)."""
    if isinstance(v, ndarray):
        if v.size != 1:
            raise TypeError("only size-1 arrays can be converted to Python scalars")
        return get_scalar(v._h, (0,) * v.ndim)
    return to_cscalar(v)


def arange(start=None, stop=None, step=None, dtype=None, *, like=None):
    """numpy.arange([start,] stop[, step,], dtype=None)."""
    if needs_datetime_arange(start, stop, step, dtype):
        return datetime_arange(start, stop, step, dtype)
    if start is None:
        if stop is None:
            raise TypeError("arange() requires stop to be specified.")
        start, stop = stop, None      # arange(stop=5) counts from 0 like arange(5)
    a = _bound(start)
    b = _NULL if stop is None else _bound(stop)
    c = _NULL if step is None else _bound(step)
    return produce(_lib.cnp_arange, a, b, c, _dtype_handle(dtype))


# With cnumpy._speedups: C fast paths in front (simple shapes, numbers, builtin dtypes).
full = _accel.fast_function("full", full)
arange = _accel.fast_function("arange", arange)


def _space_arg(v):
    """start/stop/base of the *space functions: weak 0-d arrays for Python scalars."""
    if isinstance(v, ndarray):
        return v
    if _is_python_scalar(v):
        return from_scalar(v, weak=True)
    return as_array(v)


def _num(num):
    return _args.int64(num, "Maximum allowed size exceeded")


def linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0):
    a, b = _space_arg(start), _space_arg(stop)
    n = _num(num)
    result, step = produce_many(_lib.cnp_linspace, 2, a._h, b._h, n, 1 if endpoint else 0,
                                _dtype_handle(dtype), _args.axis(axis),
                                skip=() if retstep else (1,))
    if not retstep:
        return result
    if (n - 1 if endpoint else n) <= 0:
        step = float("nan")     # NumPy: an undefined step is the Python float nan
    elif not step.shape:
        step = from_cscalar(get_scalar(step._h, ()))   # NumPy returns a scalar step
    return result, step


def logspace(start, stop, num=50, endpoint=True, base=10.0, dtype=None, axis=0):
    a, b = _space_arg(start), _space_arg(stop)
    bs = None if base is None else _space_arg(base)
    return produce(_lib.cnp_logspace, a._h, b._h, _num(num), 1 if endpoint else 0,
               _NULL if bs is None else bs._h, _dtype_handle(dtype), _args.axis(axis))


def geomspace(start, stop, num=50, endpoint=True, dtype=None, axis=0):
    a, b = _space_arg(start), _space_arg(stop)
    return produce(_lib.cnp_geomspace, a._h, b._h, _num(num), 1 if endpoint else 0,
               _dtype_handle(dtype), _args.axis(axis))


def eye(N, M=None, k=0, dtype=float, order="C", *, like=None):
    m = -1 if M is None else _args.int64(M)
    if m < 0 and M is not None:  # C reads -1 as "not given"
        raise ValueError("negative dimensions are not allowed")
    # Any k beyond int64 is off the matrix, like the nearest int64 (NumPy takes any Python int).
    k = min(max(operator.index(k), -2**63), 2**63 - 1)
    return produce(_lib.cnp_eye, _args.int64(N), m, k, _dtype_handle(dtype),
                   _args.order_cf(order))


def identity(n, dtype=None, *, like=None):
    return produce(_lib.cnp_identity, _args.int64(n),
               _dtype_handle(_F64 if dtype is None else dtype))


def copy(a, order="K", subok=False):
    o = _order(order)
    a = as_array(a)     # held across the call (a temporary's handle is freed with it)
    return produce(_lib.cnp_copy, a._h, o)


def frombuffer(buffer, dtype=float, count=-1, offset=0, *, like=None):
    """numpy.frombuffer: a 1-d array viewing the buffer's bytes (no copy; read-only when the
    buffer is)."""
    d = _dtype.dtype(dtype)
    count = operator.index(count)
    offset = operator.index(offset)
    view = _wrapmem.get_buffer(buffer, _wrapmem.PyBUF_SIMPLE)
    try:
        length = view.len
        itemsize = d.itemsize
        if offset < 0 or offset > length:
            raise ValueError("offset must be non-negative and no greater than buffer length "
                             "(%d)" % length)
        avail = length - offset
        if count < 0:
            if itemsize == 0 or avail % itemsize:
                raise ValueError("buffer size must be a multiple of element size")
            n = avail // itemsize
        else:
            if avail < count * itemsize:
                raise ValueError("buffer is smaller than requested size")
            n = count
        addr = (view.buf or 0) + offset
        writeable = not view.readonly
    except BaseException:
        _wrapmem.release(view)
        raise
    r = wrap(_wrapmem.wrap(addr, d, (n,), None, writeable, view))
    r._base = _wrapmem.base_object(buffer)
    return r


def ndarray_new(cls, shape, dtype=float, buffer=None, offset=0, strides=None, order=None):
    """ndarray.__new__: ndarray(shape, dtype=float, buffer=None, offset=0, strides=None,
    order=None); for a subclass (`super().__new__(cls, shape, ...)` in its own __new__) an
    instance of it, finalized with None as NumPy's."""
    if buffer is not None:
        r = _ndarray_from_buffer(shape, dtype, buffer, offset, strides, order)
    elif strides is not None:
        raise NotImplementedError("cnumpy: ndarray(strides=...) needs a buffer")
    else:
        r = empty(shape, dtype, "C" if order is None else order)
    if cls is ndarray:
        return r
    if not (isinstance(cls, type) and issubclass(cls, ndarray)):
        name = getattr(cls, "__name__", repr(cls))
        raise TypeError("numpy.ndarray.__new__(%s): %s is not a subtype of numpy.ndarray"
                        % (name, name))
    return new_instance(r, cls)


def _ndarray_from_buffer(shape, dtype, buffer, offset, strides, order):
    """ndarray(shape, dtype, buffer=..., offset=..., strides=...): a view of the buffer."""
    d = _dtype.dtype(dtype)
    shp = _args.shape(shape)
    offset = _args.int64(offset)
    item = d.itemsize
    if strides is None:
        strides, acc = [], item
        dims = shp if order in ("F", "f") else shp[::-1]
        for n in dims:
            strides.append(acc)
            acc *= n
        strides = tuple(strides if order in ("F", "f") else strides[::-1])
    else:
        strides = tuple(_args.int64(s) for s in strides)
        if len(strides) != len(shp):
            raise ValueError("strides, if given, must be the same length as shape")
    view = _wrapmem.get_buffer(buffer, _wrapmem.PyBUF_SIMPLE)
    try:
        # Every element must lie inside the buffer: the library trusts the description.
        lo = hi = offset
        for n, st in zip(shp, strides):
            if n == 0:
                lo = hi = offset
                break
            if st > 0:
                hi += (n - 1) * st
            else:
                lo += (n - 1) * st
        if offset < 0 or lo < 0 or (0 not in shp and hi + item > view.len):
            raise TypeError("buffer is too small for requested array")
        addr = (view.buf or 0) + offset
        writeable = not view.readonly
    except BaseException:
        _wrapmem.release(view)
        raise
    r = wrap(_wrapmem.wrap(addr, d, shp, strides, writeable, view))
    r._base = buffer        # NumPy's ndarray(buffer=...) keeps the object itself
    return r
