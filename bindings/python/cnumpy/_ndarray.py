"""cnumpy.ndarray's core: a Python object owning one cnp_array* handle, its attributes, its
conversions to Python values, copies and views.

The handle is released exactly once, in __del__ (or in the C base type's dealloc when the
optional cnumpy._speedups extension is loaded, see _accel.py). Shape, strides and dtype never
change for a handle, so each is fetched from the library on first use and cached on the object.

What needs the layers above (indexing with arrays, printing, arithmetic, reductions, the
constructor...) is attached by _methods, the one place where methods join the class.
"""
import array as _pyarray
import math
import operator
import struct

from . import _accel, _args, _backend, _capi, _dtype, _objrefs
from ._capi import (call, error, pending, flush_warnings, produce, produce_view, set_base,
                    produce_maybe_view, query)
from ._scalars import py_from_cscalar, to_cscalar, bool_, _FROM_C, element_value, void, str_, bytes_

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
_IDX_SLICE = _C["CNP_INDEX_SLICE"]
_HAS_START = _C["CNP_SLICE_HAS_START"]
_HAS_STOP = _C["CNP_SLICE_HAS_STOP"]
_HAS_STEP = _C["CNP_SLICE_HAS_STEP"]
_I64_MIN, _I64_MAX = -2**63, 2**63 - 1

INDEX_ERROR = ("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and "
               "integer or boolean arrays are valid indices")


class flagsobj:
    """ndarray.flags: NumPy's flag attributes, read live from the library."""
    __slots__ = ("_a",)

    def __init__(self, a):
        self._a = a

    def _bits(self):
        return query(_lib.cnp_array_flags, _backend.new_int32_out, self._a._h)

    c_contiguous = property(lambda self: bool(self._bits() & _FLAG_C))
    f_contiguous = property(lambda self: bool(self._bits() & _FLAG_F))
    owndata = property(lambda self: bool(self._bits() & _FLAG_OWN))
    aligned = property(lambda self: bool(self._bits() & _FLAG_ALIGNED))
    contiguous = c_contiguous
    fortran = f_contiguous
    writebackifcopy = property(lambda self: False)
    # NumPy's derived flags: Fortran- and not C-contiguous; either contiguous.
    fnc = property(lambda self: self._bits() & (_FLAG_C | _FLAG_F) == _FLAG_F)
    forc = property(lambda self: bool(self._bits() & (_FLAG_C | _FLAG_F)))

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
             "X": "writebackifcopy", "FNC": "fnc", "FORC": "forc"}

    def __getitem__(self, key):
        try:
            return getattr(self, self._KEYS[key])
        except (KeyError, TypeError):
            raise KeyError("Unknown flag") from None

    def __setitem__(self, key, value):
        if self._KEYS.get(key) != "writeable":
            raise KeyError("Unknown flag")
        self.writeable = value

    def __eq__(self, other):
        if not isinstance(other, flagsobj):
            return NotImplemented
        return self._bits() == other._bits()

    __hash__ = None

    def __repr__(self):
        names = ["C_CONTIGUOUS", "F_CONTIGUOUS", "OWNDATA", "WRITEABLE", "ALIGNED",
                 "WRITEBACKIFCOPY"]
        return "\n".join("  %s : %s" % (n, self[n]) for n in names) + "\n"


def slice_item(s):
    """A Python slice as a cnp_index tuple (bounds clamped to int64, as NumPy's)."""
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


def int_index(k):
    """An integer index: Python ints and anything with __index__ except booleans (which are
    advanced boolean indices in NumPy)."""
    if isinstance(k, (bool, bool_)) or not hasattr(k, "__index__") or \
            hasattr(k, "shape") and getattr(k, "ndim", 0) != 0:
        raise IndexError(INDEX_ERROR)
    v = operator.index(k)
    if not _I64_MIN <= v <= _I64_MAX:
        raise IndexError(INDEX_ERROR)
    return v


def get_scalar(h, ints):
    """The element at integer indices `ints` as a cnp_scalar. (_capi.call's check inline: this
    is every a[i] of a 1-d array.)"""
    s = _new_scalar()
    st = _lib.cnp_array_getitem(h, len(ints), _int64_array(ints) if ints else _NULL, s)
    if st:
        raise error(st)
    if pending:
        flush_warnings()
    return s


_NBUILTIN = _backend.consts["CNP_NTYPES_BUILTIN"]


def element(arr, ints):
    """The Python value of arr[ints] for a dtype the cnp_scalar cannot hold (strings, records,
    datetimes): its bytes through cnp_array_getitem_bytes, converted by _scalars.element_value."""
    d = arr.dtype
    import ctypes
    buf = ctypes.create_string_buffer(max(d.itemsize, 1))
    call(_lib.cnp_array_getitem_bytes, arr._h, len(ints), _int64_array(ints) if ints else _NULL,
         _backend.voidp(ctypes.addressof(buf)), d.itemsize)
    return element_value(d, buf.raw[:d.itemsize], _subarray_value)


def _subarray_value(fd, raw):
    """A subarray field of a record's item()/tolist(): a new array, as NumPy gives it."""
    base, shape = fd.subdtype
    data = _pyarray.array("B", raw)
    return produce(_lib.cnp_array_from_data, _backend.voidp(data.buffer_info()[0]), base._h,
                   len(shape), _int64_array(shape), _NULL)


def scalar_element(arr, ints):
    """arr[ints] as NumPy's indexing returns it: a void scalar (a view) for records, else as
    element() gives it."""
    d = arr.dtype
    if d.names is not None or d.kind == "V":       # records and plain void: numpy.void
        return void._at(arr, ints)
    v = element(arr, ints)
    kind = d.kind
    return str_(v) if kind == "U" else bytes_(v) if kind == "S" else v


def is_parametric(d):
    """True for the dtypes whose elements are not cnp_scalar numbers."""
    return d._num >= _NBUILTIN


# struct formats by dtype char; complex types unpack as pairs of their component format.
_FMT = {"?": "?", "b": "b", "B": "B", "h": "h", "H": "H", "i": "i", "I": "I", "l": "q",
        "L": "Q", "q": "q", "Q": "Q", "e": "e", "f": "f", "d": "d", "F": "f", "D": "d"}


def _unravel(i, shape):
    """The multi-index of flat index i (negative from the end), NumPy's item() bounds error."""
    size = 1
    for n in shape:
        size *= n
    if not -size <= i < size:
        raise IndexError("index %d is out of bounds for size %d" % (i, size))
    i %= size
    idx = []
    for n in reversed(shape):
        idx.append(i % n)
        i //= n
    return idx[::-1]


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
                                                      "_base", "__weakref__")
    __hash__ = None     # mutable, and == will be elementwise (as NumPy's)

    def __array_finalize__(self, obj):
        """NumPy's subclass hook, called when an instance of a subclass is made (obj: the array
        it comes from, None from __new__); ndarray's does nothing (docs: _subclass.py)."""
        return None

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
        # NumPy's in-place reshape: only where a view can have the new shape.
        nd, arr = _args.shape_array(value)
        h = query(_lib.cnp_reshape, _new_array_out, self._h, nd, arr, _args.ORDER_C)
        r = _capi.wrap(h)
        if r.size and r._address() != self._address():
            raise AttributeError("Incompatible shape for in-place modification. Use `.reshape()` "
                                 "to make a copy with the desired shape.")
        _capi.rebind(self, query(_lib.cnp_reshape, _new_array_out, self._h, nd, arr,
                                 _args.ORDER_C))

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
            p = query(_lib.cnp_array_strides, _backend.new_int64p_out, self._h)
            s = self._strides = _read_int64s(p, len(self.shape))
        return s

    @property
    def dtype(self):
        d = self._dtype
        if d is None:
            d = self._dtype = _dtype.from_handle(
                query(_lib.cnp_array_dtype, _backend.new_dtype_out, self._h))
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
    def base(self):
        """The object whose memory this array views (NumPy's rules, _capi.set_base), None when
        the array owns its data."""
        return self._base

    @property
    def T(self):
        return self.transpose()

    def _flag_bits(self):
        return query(_lib.cnp_array_flags, _backend.new_int32_out, self._h)

    def _address(self):
        return _backend.address(query(_lib.cnp_array_data, _backend.new_voidp_out, self._h))

    @property
    def __array_interface__(self):
        d = self.dtype
        # Strides are always given (even when contiguous) so that NumPy's view has exactly the
        # library's strides, including those of length-1 axes.
        return {"version": 3, "shape": self.shape, "typestr": d.str,
                "descr": d.descr if d.names is not None else [("", d.str)],
                "data": (self._address(), not self._flag_bits() & _FLAG_W),
                "strides": self.strides}

    # -- conversion to Python -------------------------------------------------------------------
    def _c_contiguous_bytes(self):
        """The elements in C order as bytes."""
        a = self
        if not self._flag_bits() & _FLAG_C:
            a = produce(_lib.cnp_copy, self._h, _args.ORDER_C)
        return _backend.read_bytes(a._address(), a.nbytes)

    def tolist(self):
        shape = self.shape
        d = self.dtype
        if is_parametric(d):
            if not shape:
                v = element(self, ())
                return v.item() if d.kind in "Mm" else v
            if 0 in shape:
                return _empty_nested(shape)
            if d.kind == "O":       # the objects, their references read in one piece
                c = self if self._flag_bits() & _FLAG_C else self.copy()
                return _nest(_objrefs.read(c._address(), self.size), shape)
            raw = self._c_contiguous_bytes()
            size = d.itemsize
            flat = [element_value(d, raw[i * size:(i + 1) * size], _subarray_value)
                    for i in range(self.size)]
            if d.kind in "Mm":      # Python dates, datetimes, timedeltas, ints, None
                flat = [v.item() for v in flat]
            return _nest(flat, shape)
        if not d.isnative:
            return self.astype(d.newbyteorder("=")).tolist()
        if not shape:
            return py_from_cscalar(get_scalar(self._h, ()))
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
        if is_parametric(self.dtype):
            if len(args) == 1 and type(args[0]) is not tuple and len(self.shape) > 1:
                args = tuple(int(i) for i in _unravel(operator.index(args[0]), self.shape))
            if args:
                v = self[args if len(args) > 1 else args[0]]
                return v.item() if isinstance(v, (str_, bytes_)) else v
            if self.size != 1:
                raise ValueError("can only convert an array of size 1 to a Python scalar")
            v = element(self, (0,) * len(self.shape))
            return v.item() if self.dtype.kind in "Mm" else v
        if not args:
            if self.size != 1:
                raise ValueError("can only convert an array of size 1 to a Python scalar")
            return py_from_cscalar(get_scalar(self._h, (0,) * len(self.shape)))
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
            return py_from_cscalar(get_scalar(self._h, idx[::-1]))
        return py_from_cscalar(get_scalar(self._h, [int_index(i) for i in args]))

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

    # -- copies and views -----------------------------------------------------------------------
    def copy(self, order="C"):
        return produce(_lib.cnp_copy, self._h, _args.order(order))

    def __copy__(self):
        return self.copy()

    def __deepcopy__(self, memo):
        return self.copy()

    def astype(self, dtype, order="K", casting="unsafe", subok=True, copy=True):
        d = _dtype.dtype(dtype)
        o = _args.order(order)
        c = _args.casting(casting)
        if not copy and d is self.dtype and (
                o == _args.ORDER_K or o == _args.ORDER_A or
                self._flag_bits() & (_FLAG_C if o == _args.ORDER_C else _FLAG_F)):
            return self         # NumPy returns the array itself (`is` holds)
        h = query(_lib.cnp_astype, _new_array_out, self._h, d._h, o, c, 1 if copy else 0)
        if not copy and h == self._h:
            # The library handed back the input itself: so does NumPy (`is` holds).
            _lib.cnp_array_free(h)
            return self
        return _capi.wrap(h)

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
        return produce_maybe_view(_lib.cnp_reshape, self, nd, arr, _args.order(order))

    def ravel(self, order="C"):
        return produce_maybe_view(_lib.cnp_ravel, self, _args.order(order))

    def flatten(self, order="C"):
        return produce(_lib.cnp_flatten, self._h, _args.order(order))

    def transpose(self, *axes):
        if len(axes) == 1 and (axes[0] is None or not hasattr(axes[0], "__index__")):
            axes = axes[0]
        if axes is None or axes == ():
            return produce_view(_lib.cnp_transpose, self, _NULL, -1)
        axes = [_args.axis(a) for a in axes]
        return produce_view(_lib.cnp_transpose, self, _int64_array(axes), len(axes))

    def view(self, dtype=None, type=None):
        if type is None and isinstance(dtype, _pytype) and issubclass(dtype, ndarray):
            dtype, type = None, dtype       # a.view(recarray): NumPy's positional type
        if dtype is None:
            r = produce_view(_lib.cnp_array_view, self, self.dtype._h)
        else:
            d = _dtype.dtype(dtype)     # held across the call (its handle lives as long as it)
            r = produce_view(_lib.cnp_array_view, self, d._h)
        if type is None or type is ndarray:
            return r
        if not (isinstance(type, _pytype) and issubclass(type, ndarray)):
            raise TypeError("Type must be a sub-type of ndarray type")
        # NumPy: a.view(recarray).base is a; the subclass's __array_finalize__ sees a
        return finalize(set_base(as_subclass(r, type), self), self)

    def byteswap(self, inplace=False):
        r = produce(_lib.cnp_array_byteswap, self._h, 1 if inplace else 0)
        return self if inplace else r

    def newbyteorder(self, new_order="S"):
        return self.view(self.dtype.newbyteorder(new_order))

    def tobytes(self, order="C"):
        o = _args.order(order)
        if o == _args.ORDER_A:
            o = _args.ORDER_F if (self._flag_bits() & _FLAG_F and not self._flag_bits() & _FLAG_C) \
                else _args.ORDER_C
        if o == _args.ORDER_F:
            # keep the transposed view alive across the call: `self.T._h` alone let the view
            # (and its handle) be freed before cnp_copy read it
            t = self.T
            return produce(_lib.cnp_copy, t._h, _args.ORDER_C)._c_contiguous_bytes()
        return self._c_contiguous_bytes()

    def fill(self, value):
        if self.dtype.names is not None:
            # NumPy packs one value into a record (PyArray_Pack): a tuple is the fields, a list
            # or an array of several elements is refused
            if isinstance(value, list):
                raise ValueError("setting an array element with a sequence")
            if getattr(value, "ndim", 0) and getattr(value, "size", 1) != 1:
                raise ValueError("setting an array element with a sequence.")
        if self.dtype.kind in "SUVMm" and type(value) not in (int, float, complex, bool):
            self[...] = value       # strings, datetimes, records: assigned like an element
            return
        call(_lib.cnp_array_fill, self._h, to_cscalar(value))

    def setflags(self, write=None, align=None, uic=None):
        if write is not None:
            call(_lib.cnp_array_set_writeable, self._h, 1 if write else 0)


_pytype = type
_retain = _capi.cfunc("cnp_array_retain")


def as_subclass(a, cls):
    """A new `cls` object (ndarray or a subclass: recarray, chararray, memmap) sharing a's array
    (another reference to its handle); its base is a (NumPy's rules: set_base)."""
    cell = _new_array_out()
    st = _retain(a._h, cell)
    if st:
        raise error(st)
    if cls is ndarray:
        r = _capi.wrap(cell[0])
    else:
        r = object.__new__(cls)
        r._h = cell[0]
        r._shape = r._strides = r._dtype = None
    return set_base(r, a)


_base_finalize = ndarray.__array_finalize__


def finalize(new, obj):
    """new (an instance of a subclass just made from obj, or None) after its class's
    __array_finalize__(obj) ran; ndarray's own is skipped, as is a class attribute None (the
    pre-1.23 spelling)."""
    f = _pytype(new).__array_finalize__
    if f is not _base_finalize and f is not None:
        f(new, obj)
    return new


def new_instance(a, cls):
    """An instance of the subclass cls over a's array, as NumPy's ndarray.__new__(cls, ...) and
    its unpickling make one: a's base (the same memory), finalized with None."""
    r = as_subclass(a, cls)
    r._base = a._base
    return finalize(r, None)


def scalar_of(r):
    """The element of a 0-d array as a cnumpy scalar (NumPy 1.24's unwrapping of results;
    the status check inline: every operator on cnumpy scalars ends here)."""
    s = _new_scalar()
    st = _lib.cnp_array_getitem(r._h, 0, _NULL, s)
    if st:
        if r.dtype.kind in "MmSUV":       # elements a cnp_scalar cannot hold
            return element(r, ())
        raise error(st)
    return _FROM_C[s.typenum](s)


_capi.adopt_array_type(ndarray, scalar_of)


def drop_leading_ones(src, ndim):
    """NumPy's assignment drops leading length-1 axes of a source with more dimensions than the
    destination (np.copyto(zeros(3), [[1, 2, 3]]) works); the library's copyto does not."""
    shape = src.shape
    extra = len(shape) - ndim
    if extra > 0 and all(n == 1 for n in shape[:extra]):
        return src.reshape(shape[extra:])
    return src
