"""cnumpy.ndarray: a Python object owning one cnp_array* handle.

The handle is released exactly once, in __del__ (or in the C base type's dealloc when the
optional cnumpy._speedups extension is loaded, see _accel.py). Shape, strides and dtype never change for a
handle, so each is fetched from the library on first use and cached on the object.
"""
import math
import operator
import struct

from . import _accel, _args, _backend, _dtype
from ._errors import error, pending, flush_warnings
from ._scalars import from_cscalar, py_from_cscalar, to_cscalar, generic, bool_

_lib = _backend.lib
_C = _backend.consts
_NULL = _backend.NULL
_new_array_out = _backend.new_array_out
_new_scalar = _backend.new_scalar
_int64_array = _backend.int64_array
_read_int64s = _backend.read_int64s
_new_int32_out = _backend.new_int32_out
_new_int64p_out = _backend.new_int64p_out
_array_ndim = _lib.cnp_array_ndim
_array_shape = _lib.cnp_array_shape

_FLAG_C = _C["CNP_FLAG_C_CONTIGUOUS"]
_FLAG_F = _C["CNP_FLAG_F_CONTIGUOUS"]
_FLAG_OWN = _C["CNP_FLAG_OWNDATA"]
_FLAG_ALIGNED = _C["CNP_FLAG_ALIGNED"]
_FLAG_W = _C["CNP_FLAG_WRITEABLE"]
_IDX_INT = _C["CNP_INDEX_INTEGER"]
_IDX_SLICE = _C["CNP_INDEX_SLICE"]
_IDX_NEW = _C["CNP_INDEX_NEWAXIS"]
_IDX_ELL = _C["CNP_INDEX_ELLIPSIS"]
_IDX_ARR = _C["CNP_INDEX_ARRAY"]
_HAS_START = _C["CNP_SLICE_HAS_START"]
_HAS_STOP = _C["CNP_SLICE_HAS_STOP"]
_HAS_STEP = _C["CNP_SLICE_HAS_STEP"]
_I64_MIN, _I64_MAX = -2**63, 2**63 - 1

_INDEX_ERROR = ("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and "
                "integer or boolean arrays are valid indices")

_object_new = object.__new__


def wrap(handle):
    """A new ndarray owning `handle` (a new reference from the library)."""
    a = _object_new(ndarray)
    a._h = handle
    a._shape = None
    a._strides = None
    a._dtype = None
    return a


def new(fn, *args):
    """Calls fn(*args, out) for an array out-parameter and wraps the result."""
    out = _new_array_out()
    st = fn(*args, out)
    if st:
        raise error(st)
    if pending:
        flush_warnings()
    return wrap(out[0])


def call(fn, *args):
    st = fn(*args)
    if st:
        raise error(st)
    if pending:
        flush_warnings()


def _query(fn, h, new_out):
    out = new_out()
    call(fn, h, out)
    return out[0]


class flagsobj:
    """ndarray.flags: NumPy's flag attributes, read live from the library."""
    __slots__ = ("_a",)

    def __init__(self, a):
        self._a = a

    def _bits(self):
        return _query(_lib.cnp_array_flags, self._a._h, _backend.new_int32_out)

    c_contiguous = property(lambda self: bool(self._bits() & _FLAG_C))
    f_contiguous = property(lambda self: bool(self._bits() & _FLAG_F))
    owndata = property(lambda self: bool(self._bits() & _FLAG_OWN))
    aligned = property(lambda self: bool(self._bits() & _FLAG_ALIGNED))
    contiguous = c_contiguous
    fortran = f_contiguous
    writebackifcopy = property(lambda self: False)

    @property
    def writeable(self):
        return bool(self._bits() & _FLAG_W)

    @writeable.setter
    def writeable(self, value):
        call(_lib.cnp_array_set_writeable, self._a._h, 1 if value else 0)

    _KEYS = {"C_CONTIGUOUS": "c_contiguous", "C": "c_contiguous", "CONTIGUOUS": "c_contiguous",
             "F_CONTIGUOUS": "f_contiguous", "F": "f_contiguous", "FORTRAN": "f_contiguous",
             "OWNDATA": "owndata", "O": "owndata", "WRITEABLE": "writeable", "W": "writeable",
             "ALIGNED": "aligned", "A": "aligned", "WRITEBACKIFCOPY": "writebackifcopy",
             "X": "writebackifcopy"}

    def __getitem__(self, key):
        try:
            return getattr(self, self._KEYS[key])
        except (KeyError, TypeError):
            raise KeyError("Unknown flag") from None

    def __setitem__(self, key, value):
        if self._KEYS.get(key) != "writeable":
            raise KeyError("Unknown flag")
        self.writeable = value

    def __repr__(self):
        names = ["C_CONTIGUOUS", "F_CONTIGUOUS", "OWNDATA", "WRITEABLE", "ALIGNED",
                 "WRITEBACKIFCOPY"]
        return "\n".join("  %s : %s" % (n, self[n]) for n in names) + "\n"


def _slice_item(s):
    flags = 0
    start = stop = 0
    step = 1
    try:
        if s.start is not None:
            start = max(_I64_MIN, min(_I64_MAX, operator.index(s.start)))
            flags |= _HAS_START
        if s.stop is not None:
            stop = max(_I64_MIN, min(_I64_MAX, operator.index(s.stop)))
            flags |= _HAS_STOP
        if s.step is not None:
            step = max(-_I64_MAX, min(_I64_MAX, operator.index(s.step)))
            flags |= _HAS_STEP
    except TypeError:
        raise TypeError("slice indices must be integers or None or have an __index__ method") \
            from None
    return (_IDX_SLICE, flags, start, stop, step)


def _int_index(k):
    """An integer index: Python ints and anything with __index__ except booleans (which are
    advanced boolean indices in NumPy)."""
    if isinstance(k, (bool, bool_)) or not hasattr(k, "__index__") or \
            hasattr(k, "shape") and getattr(k, "ndim", 0) != 0:
        raise IndexError(_INDEX_ERROR)
    v = operator.index(k)
    if not _I64_MIN <= v <= _I64_MAX:
        raise IndexError(_INDEX_ERROR)
    return v


def _array_item(k):
    """(item, array) for an index array: an integer or boolean array (lists and other sequences
    are converted; an empty list is an empty integer index, as in NumPy)."""
    from ._convert import as_array
    if isinstance(k, ndarray):
        return (_IDX_ARR, 0, 0, 0, 0, k._h), k      # the library checks its dtype
    a = as_array(k)
    if a.dtype.kind not in "biu":
        if a.size == 0 and not isinstance(k, ndarray):
            a = a.astype("int64")
        else:
            raise IndexError(_INDEX_ERROR)
    return (_IDX_ARR, 0, 0, 0, 0, a._h), a


_FULL_SLICE = (_IDX_SLICE, 0, 0, 0, 1)


def _bad_slice(items, keep, shape, bad_at, error):
    """Raise for an index whose item bad_at is a slice with bounds that are not integers. NumPy
    classifies the whole index first (one ellipsis at most, no more indices than dimensions);
    then, for a basic index, it walks the items in order, so an out-of-bounds integer before the
    slice wins too. Only then does the slice's TypeError come."""
    ndim = len(shape)
    arrays = iter(keep or ())
    consumed = ellipses = 0
    for it in items:
        kind = it[0]
        if kind == _IDX_ELL:
            ellipses += 1
            if ellipses > 1:
                raise IndexError("an index can only have a single ellipsis ('...')")
        elif kind == _IDX_ARR:
            a = next(arrays)
            consumed += a.ndim if a.dtype.kind == "b" else 1
        elif kind != _IDX_NEW:
            consumed += 1
    if consumed > ndim:
        raise IndexError("too many indices for array: array is %d-dimensional, but %d were indexed"
                         % (ndim, consumed))
    if keep is None:
        axis = 0
        for i, it in enumerate(items[:bad_at]):
            kind = it[0]
            if kind == _IDX_ELL:
                axis = ndim - sum(1 for j in items[i + 1:] if j[0] in (_IDX_INT, _IDX_SLICE))
            elif kind == _IDX_INT:
                n = shape[axis]
                if not -n <= it[2] < n:
                    raise IndexError("index %d is out of bounds for axis %d with size %d"
                                     % (it[2], axis, n))
                axis += 1
            elif kind == _IDX_SLICE:
                axis += 1
    raise error


def parse_index(key, shape):
    """(items, ints, keep): cnp_index tuples for an index into an array of this shape, the
    list of integer indices when the index is nothing but integers (None otherwise), and the index
    arrays the items point to (None when there are none: a basic index, whose result is a view)."""
    if type(key) is not tuple:
        key = (key,)
    items = []
    ints = []
    keep = None
    bad = None
    for k in key:
        t = type(k)
        if t is int:
            if not _I64_MIN <= k <= _I64_MAX:
                raise IndexError(_INDEX_ERROR)
            items.append((_IDX_INT, 0, k, 0, 0))
            if ints is not None:
                ints.append(k)
            continue
        if t is slice:
            try:
                items.append(_slice_item(k))
            except TypeError as e:
                if bad is None:     # raised after the whole index is classified, as NumPy does
                    bad, bad_at = e, len(items)
                items.append(_FULL_SLICE)
        elif k is None:
            items.append((_IDX_NEW, 0, 0, 0, 0))
        elif k is Ellipsis:
            items.append((_IDX_ELL, 0, 0, 0, 0))
        elif t is list or t is tuple or t is bool or isinstance(k, (bool_, ndarray)) and not (
                k.ndim == 0 and k.dtype.kind in "iu"):
            item, arr = _array_item(k)
            items.append(item)
            if keep is None:
                keep = []
            keep.append(arr)
        else:
            v = _int_index(k)
            items.append((_IDX_INT, 0, v, 0, 0))
            if ints is not None:
                ints.append(v)
            continue
        ints = None
    if bad is not None:
        _bad_slice(items, keep, shape, bad_at, bad)
    return items, ints, keep


def _get_scalar(h, ints):
    s = _new_scalar()
    st = _lib.cnp_array_getitem(h, len(ints), _int64_array(ints) if ints else _NULL, s)
    if st:
        raise error(st)
    if pending:
        flush_warnings()
    return s


# struct formats by dtype char; complex types unpack as pairs of their component format.
_FMT = {"?": "?", "b": "b", "B": "B", "h": "h", "H": "H", "i": "i", "I": "I", "l": "q",
        "L": "Q", "q": "q", "Q": "Q", "e": "e", "f": "f", "d": "d", "F": "f", "D": "d"}


def _nest(flat, shape):
    """Nested lists of the given shape from a flat list (C order)."""
    for n in reversed(shape[1:]):
        flat = [flat[i:i + n] for i in range(0, len(flat), n)]
    return flat


def _empty_nested(shape):
    if not shape[0]:
        return []
    return [_empty_nested(shape[1:]) for _ in range(shape[0])]


class ndarray(_accel.base):
    """ndarray(shape, dtype=float, buffer=None, offset=0, strides=None, order=None)."""

    # With the C base (cnumpy._accel) these slots are the base's own.
    __slots__ = () if _accel.base is not object else ("_h", "_shape", "_strides", "_dtype",
                                                      "__weakref__")
    __hash__ = None     # mutable, and == will be elementwise (as NumPy's)

    def __new__(cls, shape, dtype=float, buffer=None, offset=0, strides=None, order=None):
        if buffer is not None:
            from ._creation import _ndarray_from_buffer
            return _ndarray_from_buffer(shape, dtype, buffer, offset, strides, order)
        if strides is not None:
            raise NotImplementedError("cnumpy: ndarray(strides=...) needs a buffer")
        from ._creation import empty
        return empty(shape, dtype, "C" if order is None else order)

    def __del__(self, _free=_lib.cnp_array_free):
        try:
            h = self._h
        except AttributeError:
            return
        if h is not None:
            self._h = None
            _free(h)

    # -- introspection ----------------------------------------------------------------------------
    @property
    def shape(self):
        s = self._shape
        if s is None:
            h = self._h
            nd = _new_int32_out()
            p = _new_int64p_out()
            st = _array_ndim(h, nd) or _array_shape(h, p)
            if st:
                raise error(st)
            s = self._shape = _read_int64s(p[0], nd[0])
        return s

    @shape.setter
    def shape(self, value):
        raise AttributeError("cnumpy: set the shape with reshape() (views cannot be reshaped "
                             "in place)")

    @property
    def ndim(self):
        return len(self.shape)

    @property
    def size(self):
        return math.prod(self.shape)

    @property
    def strides(self):
        s = self._strides
        if s is None:
            p = _query(_lib.cnp_array_strides, self._h, _backend.new_int64p_out)
            s = self._strides = _read_int64s(p, len(self.shape))
        return s

    @property
    def dtype(self):
        d = self._dtype
        if d is None:
            d = self._dtype = _dtype.from_handle(
                _query(_lib.cnp_array_dtype, self._h, _backend.new_dtype_out))
        return d

    @property
    def itemsize(self):
        return self.dtype.itemsize

    @property
    def nbytes(self):
        return self.size * self.dtype.itemsize

    @property
    def flags(self):
        return flagsobj(self)

    @property
    def T(self):
        return self.transpose()

    def _flag_bits(self):
        return _query(_lib.cnp_array_flags, self._h, _backend.new_int32_out)

    def _address(self):
        return _backend.address(_query(_lib.cnp_array_data, self._h, _backend.new_voidp_out))

    @property
    def __array_interface__(self):
        d = self.dtype
        # Strides are always given (even when contiguous) so that NumPy's view has exactly the
        # library's strides, including those of length-1 axes.
        return {"version": 3, "shape": self.shape, "typestr": d.str, "descr": [("", d.str)],
                "data": (self._address(), not self._flag_bits() & _FLAG_W),
                "strides": self.strides}

    # -- conversion to Python -------------------------------------------------------------------
    def _c_contiguous_bytes(self):
        """The elements in C order as bytes."""
        a = self
        if not self._flag_bits() & _FLAG_C:
            a = new(_lib.cnp_copy, self._h, _args.ORDER_C)
        return _backend.read_bytes(a._address(), a.nbytes)

    def tolist(self):
        shape = self.shape
        d = self.dtype
        if not shape:
            return py_from_cscalar(_get_scalar(self._h, ()))
        if 0 in shape:
            return _empty_nested(shape)
        raw = self._c_contiguous_bytes()
        fmt = _FMT[d.char]
        kind = d.kind
        if kind == "c":
            parts = memoryview(raw).cast(fmt).tolist()
            flat = [complex(r, i) for r, i in zip(parts[0::2], parts[1::2])]
            return _nest(flat, shape)
        if fmt == "e":       # memoryview cannot cast to half floats
            return _nest(list(struct.unpack("%de" % (len(raw) // 2), raw)), shape)
        return memoryview(raw).cast(fmt, shape).tolist()

    def item(self, *args):
        if not args:
            if self.size != 1:
                raise ValueError("can only convert an array of size 1 to a Python scalar")
            return py_from_cscalar(_get_scalar(self._h, (0,) * len(self.shape)))
        if len(args) == 1 and type(args[0]) is tuple:
            args = args[0]
        if len(args) == 1:
            size = self.size
            i = operator.index(args[0])
            if not -size <= i < size:
                raise IndexError("index %d is out of bounds for %ssize %d"
                                 % (i, "axis 0 with " if len(self.shape) == 1 else "", size))
            i %= size
            idx = []
            for n in reversed(self.shape):
                idx.append(i % n)
                i //= n
            return py_from_cscalar(_get_scalar(self._h, idx[::-1]))
        return py_from_cscalar(_get_scalar(self._h, [_int_index(i) for i in args]))

    def __len__(self):
        shape = self.shape
        if not shape:
            raise TypeError("len() of unsized object")
        return shape[0]

    def __iter__(self):
        shape = self.shape
        if not shape:
            raise TypeError("iteration over a 0-d array")
        return (self[i] for i in range(shape[0]))

    def __bool__(self):
        size = self.size
        if size == 1:
            return bool(self.item())
        if size == 0:
            import warnings
            warnings.warn("The truth value of an empty array is ambiguous. Returning False, but "
                          "in future this will result in an error. Use `array.size > 0` to "
                          "check that an array is not empty.", DeprecationWarning, stacklevel=2)
            return False
        raise ValueError("The truth value of an array with more than one element is ambiguous. "
                         "Use a.any() or a.all()")

    def _size1_item(self):
        if self.size != 1:
            raise TypeError("only size-1 arrays can be converted to Python scalars")
        return self.item()

    def __int__(self):
        return int(self._size1_item())

    def __float__(self):
        return float(self._size1_item())

    def __complex__(self):
        return complex(self._size1_item())

    def __index__(self):
        if self.shape or self.dtype.kind not in "iu":
            raise TypeError("only integer scalar arrays can be converted to a scalar index")
        return self.item()

    def __repr__(self):
        from ._print import array_repr
        return array_repr(self)

    def __str__(self):
        from ._print import array_str
        return array_str(self)

    # -- copies and views -----------------------------------------------------------------------
    def copy(self, order="C"):
        return new(_lib.cnp_copy, self._h, _args.order(order))

    def __copy__(self):
        return self.copy()

    def __deepcopy__(self, memo):
        return self.copy()

    def __reduce__(self):
        from ._convert import array
        return (array, (self.tolist(), self.dtype.str))

    def astype(self, dtype, order="K", casting="unsafe", subok=True, copy=True):
        d = _dtype.dtype(dtype)
        o = _args.order(order)
        c = _args.casting(casting)
        if not copy and d is self.dtype and (
                o == _args.ORDER_K or o == _args.ORDER_A or
                self._flag_bits() & (_FLAG_C if o == _args.ORDER_C else _FLAG_F)):
            return self         # NumPy returns the array itself (`is` holds)
        out = _new_array_out()
        call(_lib.cnp_astype, self._h, d._h, o, c, 1 if copy else 0, out)
        h = out[0]
        if not copy and h == self._h:
            # The library handed back the input itself: so does NumPy (`is` holds).
            _lib.cnp_array_free(h)
            return self
        return wrap(h)

    def reshape(self, *shape, **kwargs):
        order = kwargs.pop("order", "C")
        if kwargs:
            raise TypeError("'%s' is an invalid keyword argument for this function" % next(iter(kwargs)))
        if len(shape) == 1:
            shape = shape[0]
        elif not shape:
            raise TypeError("reshape() takes exactly 1 argument (0 given)")
        if type(shape) is bool:
            raise TypeError("expected a sequence of integers or a single integer, got 'True'"
                            if shape else "expected a sequence of integers or a single integer, got 'False'")
        if type(shape) is tuple and any(type(d) is bool for d in shape):
            raise TypeError("an integer is required")
        nd, arr = _args.shape_array(shape)
        return new(_lib.cnp_reshape, self._h, nd, arr, _args.order(order))

    def ravel(self, order="C"):
        return new(_lib.cnp_ravel, self._h, _args.order(order))

    def flatten(self, order="C"):
        return new(_lib.cnp_flatten, self._h, _args.order(order))

    def transpose(self, *axes):
        if len(axes) == 1 and (axes[0] is None or not hasattr(axes[0], "__index__")):
            axes = axes[0]
        if axes is None or axes == ():
            return new(_lib.cnp_transpose, self._h, _NULL, -1)
        axes = [_args.axis(a) for a in axes]
        return new(_lib.cnp_transpose, self._h, _int64_array(axes), len(axes))

    def fill(self, value):
        call(_lib.cnp_array_fill, self._h, to_cscalar(value))

    def setflags(self, write=None, align=None, uic=None):
        if write is not None:
            call(_lib.cnp_array_set_writeable, self._h, 1 if write else 0)

    # -- indexing -----------------------------------------------------------------------------------
    def __getitem__(self, key):
        h = self._h
        if type(key) is int:
            if not _I64_MIN <= key <= _I64_MAX:
                raise IndexError(_INDEX_ERROR)
            shape = self._shape or self.shape
            if len(shape) == 1:
                return from_cscalar(_get_scalar(h, (key,)))
            items, ints = [(_IDX_INT, 0, key, 0, 0)], None
        elif type(key) is slice and (self._shape or self.shape):
            items = [_slice_item(key)]
        else:
            items, ints, keep = parse_index(key, self.shape)
            if ints is not None and len(ints) == len(self.shape):
                return from_cscalar(_get_scalar(h, ints))
        return new(_lib.cnp_array_index, h, len(items), _backend.index_array(items))

    def __setitem__(self, key, value):
        items, ints, keep = parse_index(key, self.shape)
        if keep is not None:
            # Advanced indexing: the library writes through the index arrays.
            if _is_scalar(value):
                src = new(_lib.cnp_array_from_scalar, to_cscalar(value), self.dtype._h)
            else:
                from ._convert import as_source
                src = as_source(value)
            call(_lib.cnp_array_index_assign, self._h, len(items), _backend.index_array(items),
                 src._h)
            return
        if ints is not None and len(ints) == len(self.shape) and _is_scalar(value):
            call(_lib.cnp_array_setitem, self._h, len(ints),
                 _int64_array(ints) if ints else _NULL, to_cscalar(value))
            return
        view = new(_lib.cnp_array_index, self._h, len(items), _backend.index_array(items))
        if _is_scalar(value):
            # Assigning a scalar to a region is filling it; fill applies NumPy's rules for
            # Python scalars (a complex into a real array is a TypeError, not a warning).
            call(_lib.cnp_array_fill, view._h, to_cscalar(value))
            return
        from ._convert import as_source, sequence_ndim
        if isinstance(value, (list, tuple)):
            nd = sequence_ndim(value)
            if nd > len(view.shape):
                # NumPy converts a sequence with the destination's ndim as the limit.
                raise ValueError("setting an array element with a sequence. The requested "
                                 "array would exceed the maximum number of dimension of %d."
                                 % len(view.shape))
        src = drop_leading_ones(as_source(value), len(view.shape))
        call(_lib.cnp_copyto, view._h, src._h, _args.CASTING_UNSAFE, _NULL)

    # Matrix products (cnumpy/_products.py; imported late: it imports this module).
    def dot(self, b, out=None):
        from ._products import dot
        return dot(self, b, out=out)

    def __matmul__(self, other):
        from ._products import matmul
        return matmul(self, other)

    def __rmatmul__(self, other):
        from ._products import matmul
        return matmul(other, self)

    def __imatmul__(self, other):
        from ._products import matmul
        return matmul(self, other, out=self)


_accel.install(ndarray)   # C fast paths for __getitem__/reshape and the handle, when available


def drop_leading_ones(src, ndim):
    """NumPy's assignment drops leading length-1 axes of a source with more dimensions than the
    destination (np.copyto(zeros(3), [[1, 2, 3]]) works); the library's copyto does not."""
    shape = src.shape
    extra = len(shape) - ndim
    if extra > 0 and all(n == 1 for n in shape[:extra]):
        return src.reshape(shape[extra:])
    return src


def _is_scalar(v):
    t = type(v)
    return t is float or t is int or t is bool or t is complex or isinstance(
        v, (generic, int, float, complex)) or (
        not hasattr(v, "__len__") and not hasattr(v, "__array_interface__") and
        (hasattr(v, "__index__") or hasattr(v, "__float__") or hasattr(v, "__complex__")))


def scalar_cast(cscalar, dt):
    """cscalar converted to dtype dt as NumPy casts (unsafely), as a cnumpy scalar."""
    a = new(_lib.cnp_array_from_scalar, cscalar, _NULL)
    b = new(_lib.cnp_astype, a._h, dt._h, _args.ORDER_K, _args.CASTING_UNSAFE, 0)
    return from_cscalar(_get_scalar(b._h, ()))
