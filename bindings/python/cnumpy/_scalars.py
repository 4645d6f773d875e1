"""cnumpy's scalar types (cnumpy.float32, ...) and Python values <-> cnp_scalar.

Class layout follows NumPy, where it matters for interoperability:
  * float64 subclasses float and complex128 subclasses complex (as in NumPy); int64 subclasses
    int (NumPy's does not, but the default integer then works wherever Python wants an int).
  * the other types do NOT subclass Python numbers: NumPy classifies any int/float/complex
    subclass as a plain Python scalar, so numpy.asarray(x) would come out int64/float64 instead
    of x's dtype. They hold their Python value in `_v` and implement the conversion protocols
    (int, float, index, hash...) by delegating to it, and are registered with the numbers ABCs
    like NumPy's.
  * arithmetic, comparisons, unary operators, real/imag/conj/round/clip and the constructors
    (cnumpy.float32(2.7), which needs arrays) of every type are attached by _methods: the
    ufunc on 0-d arrays, with NumPy's promotion and NEP 50 weak Python scalars.
  * bool_ cannot subclass bool; it wraps one (True_ and False_ are its only instances).
Every scalar exposes __array_interface__ (a 0-d view of its packed bytes), so NumPy converts it
with the right dtype without cnumpy importing NumPy.
"""
import math
import numbers
import operator
import struct

from . import _backend, _capi, _dtype, _objrefs
from ._capi import call, produce, produce_string
from ._dtype import dtype

_C = _backend.consts
_WEAK = _C["CNP_SCALAR_WEAK"]
_BOOL = _C["CNP_BOOL"]
_INT64 = _C["CNP_INT64"]
_UINT64 = _C["CNP_UINT64"]
_FLOAT64 = _C["CNP_FLOAT64"]
_COMPLEX128 = _C["CNP_COMPLEX128"]
_new_scalar = _backend.new_scalar


# -- abstract hierarchy (NumPy's) --------------------------------------------------------------
class generic:
    """Base class of cnumpy scalar types."""
    __slots__ = ()
    ndim = 0
    shape = ()
    size = 1
    strides = ()

    @property
    def itemsize(self):
        return self.dtype.itemsize

    @property
    def nbytes(self):
        return self.dtype.itemsize

    @property
    def __array_interface__(self):
        d = self.dtype
        return {"version": 3, "shape": (), "typestr": d.str, "descr": [("", d.str)],
                "data": struct.pack(_FORMATS[d.char], *self._parts())}

    def _parts(self):
        v = self.item()
        return (v.real, v.imag) if isinstance(v, complex) else (v,)

    def tolist(self):
        return self.item()

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return (type(self), (self.item(),))

    def astype(self, dt):
        return dtype(dt).type(self)


class number(generic):
    __slots__ = ()


class integer(number):
    __slots__ = ()

    def is_integer(self):
        return True


class signedinteger(integer):
    __slots__ = ()


class unsignedinteger(integer):
    __slots__ = ()


class inexact(number):
    __slots__ = ()


class floating(inexact):
    __slots__ = ()


class complexfloating(inexact):
    __slots__ = ()


numbers.Integral.register(integer)
numbers.Real.register(floating)
numbers.Complex.register(complexfloating)

_FORMATS = {"?": "?", "b": "b", "B": "B", "h": "h", "H": "H", "i": "i", "I": "I", "l": "q",
            "L": "Q", "q": "q", "Q": "Q", "e": "e", "f": "f", "d": "d", "F": "ff", "D": "dd"}


# -- repr of reduced-precision floats ------------------------------------------------------------
def _shortest(x, fmt, maxdigits):
    """The double closest to the shortest decimal that round-trips x through `fmt` (NumPy
    prints float32(0.1) as 0.1, not as the double 0.10000000149011612)."""
    if x != x or x in (float("inf"), float("-inf")) or x == 0.0:
        return x
    pack, unpack = struct.pack, struct.unpack
    for p in range(1, maxdigits + 1):
        y = float("%.*g" % (p, x))
        try:
            if unpack(fmt, pack(fmt, y))[0] == x:
                return y
        except (OverflowError, struct.error):
            continue
    return x


def _float_repr(x, fmt, maxdigits):
    return repr(_shortest(x, fmt, maxdigits))


def _complex_repr(z, fmt, maxdigits):
    return repr(complex(_shortest(z.real, fmt, maxdigits), _shortest(z.imag, fmt, maxdigits)))


# NumPy's legacy print mode (0, 113 or 121), set by set_printoptions (_print). In '1.13' mode
# float and complex scalars print with printf's %g at fixed precisions (scalartypes.c.src).
_legacy_print = 0
# %g precisions of legacy repr and str: float16 and float32 use FLOATPREC, float64 DOUBLEPREC
_LEGACY_PREC = {"e": (8, 6), "f": (8, 6), "d": (17, 12)}


def set_legacy_print(level):
    global _legacy_print
    _legacy_print = level


def _legacy_float(x, prec):
    """NumPy 1.13's float scalar text: %.<prec>g, '.0' appended to bare digits."""
    s = "%.*g" % (prec, x)
    return s + ".0" if s.lstrip("-").isdigit() else s


def _legacy_complex(z, prec):
    """NumPy 1.13's complex scalar text (legacy_c*_format): non-finite parts starred."""
    re, im = z.real, z.imag
    if re == 0.0 and math.copysign(1.0, re) > 0:
        s = "%.*g" % (prec, im)
        return s + ("j" if math.isfinite(im) else "*j")
    r = "%.*g" % (prec, re) if math.isfinite(re) else "nan" if re != re else "inf" if re > 0 \
        else "-inf"
    if math.isfinite(im):
        i = "%+.*g" % (prec, im)
    else:
        i = ("+nan" if im != im else "+inf" if im > 0 else "-inf") + "*"
    return "(%s%sj)" % (r, i)


# -- delegation for types that cannot subclass a Python number -------------------------------------
class _Delegating(generic):
    """Number protocols forwarded to the Python value in _v."""
    __slots__ = ("_v",)

    def item(self):
        return self._v

    def __hash__(self):
        return hash(self._v)

    def __bool__(self):
        return bool(self._v)

    def __int__(self):
        return int(self._v)

    def __float__(self):
        return float(self._v)

    def __complex__(self):
        return complex(self._v)

    def __format__(self, spec):
        return format(self._v, spec) if spec else str(self)

    @property
    def real(self):
        return self._v.real

    @property
    def imag(self):
        return self._v.imag

    def conjugate(self):
        return self._v.conjugate()


class _DelegatingInteger(_Delegating):
    __slots__ = ()

    def __index__(self):
        return self._v

    def __round__(self, ndigits=None):
        return round(self._v, ndigits)

    def __trunc__(self):
        return self._v

    __floor__ = __ceil__ = __trunc__

    def __repr__(self):
        return repr(self._v)

    __str__ = __repr__


class _DelegatingFloat(_Delegating):
    __slots__ = ()
    _fmt, _digits = "f", 9

    def __round__(self, ndigits=None):
        return round(self._v, ndigits)

    def __trunc__(self):
        return int(self._v)

    def __floor__(self):
        import math
        return math.floor(self._v)

    def __ceil__(self):
        import math
        return math.ceil(self._v)

    def is_integer(self):
        return self._v.is_integer()

    def __repr__(self):
        if _legacy_print == 113:
            return _legacy_float(self._v, _LEGACY_PREC[self._fmt][0])
        return _float_repr(self._v, self._fmt, self._digits)

    def __str__(self):
        if _legacy_print == 113:
            return _legacy_float(self._v, _LEGACY_PREC[self._fmt][1])
        return _float_repr(self._v, self._fmt, self._digits)


class _DelegatingComplex(_Delegating):
    __slots__ = ()

    def __repr__(self):
        if _legacy_print == 113:
            return _legacy_complex(self._v, 8)
        return _complex_repr(self._v, "f", 9)

    def __str__(self):
        if _legacy_print == 113:
            return _legacy_complex(self._v, 6)
        return _complex_repr(self._v, "f", 9)


# -- concrete types --------------------------------------------------------------------------------
class bool_(_Delegating):
    """cnumpy.bool_: a wrapped Python bool (there are exactly two instances)."""
    __slots__ = ()

    def item(self):
        return self._v

    def __bool__(self):
        return self._v

    def __hash__(self):
        return hash(self._v)

    def __int__(self):
        return int(self._v)

    def __float__(self):
        return float(self._v)

    def __index__(self):
        return int(self._v)

    def __repr__(self):
        return repr(self._v)

    __str__ = __repr__

    def __format__(self, spec):
        return format(self._v, spec) if spec else str(self)


True_ = object.__new__(bool_)
True_._v = True
False_ = object.__new__(bool_)
False_._v = False


class int8(_DelegatingInteger, signedinteger):
    __slots__ = ()


class int16(_DelegatingInteger, signedinteger):
    __slots__ = ()


class int32(_DelegatingInteger, signedinteger):
    __slots__ = ()


class int64(int, signedinteger):
    """cnumpy.int64, also a Python int."""
    __slots__ = ()

    def item(self):
        return int(self)

    def __repr__(self):
        return int.__repr__(self)

    __str__ = __repr__


class uint8(_DelegatingInteger, unsignedinteger):
    __slots__ = ()


class uint16(_DelegatingInteger, unsignedinteger):
    __slots__ = ()


class uint32(_DelegatingInteger, unsignedinteger):
    __slots__ = ()


class uint64(_DelegatingInteger, unsignedinteger):
    __slots__ = ()


class float16(_DelegatingFloat, floating):
    __slots__ = ()
    _fmt, _digits = "e", 5


class float32(_DelegatingFloat, floating):
    __slots__ = ()
    _fmt, _digits = "f", 9


class float64(float, floating):
    """cnumpy.float64, also a Python float (as NumPy's)."""
    __slots__ = ()

    def item(self):
        return float(self)

    def __repr__(self):
        if _legacy_print == 113:
            return _legacy_float(float(self), 17)
        return float.__repr__(self)

    def __str__(self):
        if _legacy_print == 113:
            return _legacy_float(float(self), 12)
        return float.__repr__(self)


class complex64(_DelegatingComplex, complexfloating):
    __slots__ = ()


class complex128(complex, complexfloating):
    """cnumpy.complex128, also a Python complex (as NumPy's)."""
    __slots__ = ()

    def item(self):
        return complex(self)

    def __repr__(self):
        if _legacy_print == 113:
            return _legacy_complex(complex(self), 17)
        return complex.__repr__(self)

    def __str__(self):
        if _legacy_print == 113:
            return _legacy_complex(complex(self), 12)
        return complex.__repr__(self)


_CLASSES = {"bool": bool_, "int8": int8, "int16": int16, "int32": int32, "int64": int64,
            "uint8": uint8, "uint16": uint16, "uint32": uint32, "uint64": uint64,
            "float16": float16, "float32": float32, "float64": float64,
            "complex64": complex64, "complex128": complex128}
_PY_BASE = {int64: int, float64: float, complex128: complex}




# Filled per typenum from the library's dtype table, so no type number is hard-coded here.
_FROM_C = {}     # typenum -> function(cnp_scalar) -> cnumpy scalar
_TO_PY = {}      # typenum -> function(cnp_scalar) -> Python value
_KIND = {}       # typenum -> dtype kind character


def _wrapper(cls):
    """Builds an instance of cls around a Python value without conversion."""
    base = _PY_BASE.get(cls)
    if base is int:
        return lambda v: int.__new__(cls, v)
    if base is float:
        return lambda v: float.__new__(cls, v)
    if base is complex:
        return lambda v: complex.__new__(cls, v)
    if cls is bool_:
        return lambda v: True_ if v else False_

    def make(v, _new=object.__new__):
        o = _new(cls)
        o._v = v
        return o
    return make


for _num in range(_C["CNP_NTYPES_BUILTIN"]):
    _d = _dtype.from_typenum(_num)
    _cls = _CLASSES[_d.name]
    _cls.dtype = _d
    _cls._typenum = _num
    _cls._wrap = staticmethod(_wrapper(_cls))
    _KIND[_num] = _d.kind
    _dtype._SCALAR_TYPES[_num] = _cls
    _dtype._PY_TYPES[_cls] = _num
    _w = _cls._wrap
    if _d.kind == "b":
        _TO_PY[_num] = lambda s: s.value.i != 0
        _FROM_C[_num] = lambda s: True_ if s.value.i else False_
    elif _d.kind == "i":
        _TO_PY[_num] = lambda s: s.value.i
        _FROM_C[_num] = lambda s, _w=_w: _w(s.value.i)
    elif _d.kind == "u":
        _TO_PY[_num] = lambda s: s.value.u
        _FROM_C[_num] = lambda s, _w=_w: _w(s.value.u)
    elif _d.kind == "f":
        _TO_PY[_num] = lambda s: s.value.f
        _FROM_C[_num] = lambda s, _w=_w: _w(s.value.f)
    else:
        _TO_PY[_num] = lambda s: complex(s.value.c[0], s.value.c[1])
        _FROM_C[_num] = lambda s, _w=_w: _w(complex(s.value.c[0], s.value.c[1]))
del _num, _d, _cls, _w

_dtype._PY_TYPES.update({float: _FLOAT64, int: _INT64, bool: _BOOL, complex: _COMPLEX128})


def from_cscalar(s):
    """The cnumpy scalar held by a cnp_scalar."""
    return _FROM_C[s.typenum](s)


def py_from_cscalar(s):
    """The Python value (bool/int/float/complex) held by a cnp_scalar."""
    return _TO_PY[s.typenum](s)


# -- Python values into cnp_scalar -------------------------------------------------------------
def _set(s, num, v):
    k = _KIND[num]
    s.typenum = num
    if k == "b" or k == "i":
        s.value.i = int(v)
    elif k == "u":
        s.value.u = int(v)
    elif k == "f":
        s.value.f = float(v)
    else:
        v = complex(v)
        s.value.c[0] = v.real
        s.value.c[1] = v.imag


def _set_int(s, v):
    if -0x8000000000000000 <= v <= 0x7FFFFFFFFFFFFFFF:
        s.typenum = _INT64
        s.value.i = v
    elif 0 <= v <= 0xFFFFFFFFFFFFFFFF:
        s.typenum = _UINT64
        s.value.u = v
    else:
        raise OverflowError("Python int too large to convert to C long")


def to_cscalar(v):
    """A cnp_scalar for a Python or cnumpy value. Python int/float/complex are flagged weak
    (NEP 50: they take the other operand's type); typed scalars keep their type."""
    s = _new_scalar()
    t = type(v)
    if t is float:
        s.typenum = _FLOAT64
        s.flags = _WEAK
        s.value.f = v
    elif t is int:
        _set_int(s, v)
        s.flags = _WEAK
    elif t is bool:
        s.typenum = _BOOL
        s.value.i = v
    elif t is complex:
        s.typenum = _COMPLEX128
        s.flags = _WEAK
        s.value.c[0] = v.real
        s.value.c[1] = v.imag
    elif isinstance(v, generic):
        _set(s, v._typenum, v.item())
    elif isinstance(v, bool):
        s.typenum = _BOOL
        s.value.i = bool(v)
    elif isinstance(v, int):
        _set_int(s, int(v))
        s.flags = _WEAK
    elif isinstance(v, float):
        s.typenum = _FLOAT64
        s.flags = _WEAK
        s.value.f = float(v)
    elif isinstance(v, complex):
        s.typenum = _COMPLEX128
        s.flags = _WEAK
        v = complex(v)
        s.value.c[0] = v.real
        s.value.c[1] = v.imag
    else:
        return _foreign_cscalar(s, v)
    return s


def _foreign_cscalar(s, v):
    dt = getattr(v, "dtype", None)
    item = getattr(v, "item", None)
    if dt is not None and item is not None and getattr(v, "size", 1) == 1:
        # A numpy scalar, a size-1 numpy or cnumpy array: typed, not weak.
        d = dtype(dt)
        _set(s, d._num, item() if getattr(v, "ndim", 0) == 0 else item(0))
        return s
    if isinstance(v, str):
        # NumPy parses strings assigned into numeric arrays; float() gives its error message.
        s.typenum = _FLOAT64
        s.flags = _WEAK
        s.value.f = float(v)
        return s
    if hasattr(v, "__index__"):
        _set_int(s, operator.index(v))
        s.flags = _WEAK
        return s
    if hasattr(v, "__float__"):
        s.typenum = _FLOAT64
        s.flags = _WEAK
        s.value.f = float(v)
        return s
    if hasattr(v, "__complex__"):
        z = complex(v)
        s.typenum = _COMPLEX128
        s.flags = _WEAK
        s.value.c[0] = z.real
        s.value.c[1] = z.imag
        return s
    raise TypeError("cnumpy: cannot convert %s object to a number" % type(v).__name__)




# NumPy's aliases, resolved by the library's own reading of the spellings where it has them
# (intp, int_, uint... depend on the platform); the table is the LP64 fallback.
_ALIAS_FALLBACK = {
    "half": float16, "single": float32, "double": float64, "float_": float64,
    "csingle": complex64, "cdouble": complex128, "complex_": complex128, "cfloat": complex128,
    "byte": int8, "ubyte": uint8, "short": int16, "ushort": uint16, "intc": int32,
    "uintc": uint32, "int_": int64, "uint": uint64, "intp": int64, "uintp": uint64,
    "longlong": int64, "ulonglong": uint64, "bool8": bool_, "singlecomplex": complex64,
}


def _aliases():
    out = {}
    for name, cls in _ALIAS_FALLBACK.items():
        try:
            out[name] = dtype(name).type
        except (TypeError, ValueError, NotImplementedError):
            out[name] = cls
    return out


ALIASES = _aliases()


# -- elements of the parametric dtypes (docs/dtypes.md) -----------------------------------------
_TO_PYTHON = [None]     # _datetime.to_python, set by _datetime (a layer above)


class _datetime_base(generic):
    """A minimal numpy.datetime64 / timedelta64 scalar: an int64 value and its dtype (unit).
    Arithmetic on them is numpy's datetime module (not part of the descriptor model)."""
    __slots__ = ("_value", "_dtype")

    def __init__(self, value, unit="generic"):
        d = unit if isinstance(unit, dtype) else dtype(
            "%s8%s" % (self._kind, "" if unit == "generic" else "[%s]" % unit))
        self._value = int(value)
        self._dtype = d

    dtype = property(lambda self: self._dtype)

    @property
    def __array_interface__(self):
        d = self._dtype
        return {"version": 3, "shape": (), "typestr": d.str, "descr": [("", d.str)],
                "data": struct.pack(">q" if d.str[0] == ">" else "<q", self._value)}

    def _text(self):
        import ctypes
        buf = ctypes.create_string_buffer(struct.pack("<q", self._value), 8)
        d = self._dtype.newbyteorder("=")   # held across the call
        return produce_string(_backend.lib.cnp_dtype_format_element, d._h,
                              _backend.voidp(ctypes.addressof(buf)))

    def __str__(self):
        return self._text()

    def _array(self):
        """The scalar as a 0-d array of its dtype (ufunc operands, array(scalar))."""
        import ctypes
        a = produce(_backend.lib.cnp_empty, 0, _backend.NULL, self._dtype._h, 0)
        buf = ctypes.create_string_buffer(struct.pack("<q" if self._dtype.str[0] != ">" else ">q",
                                                      self._value), 8)
        call(_backend.lib.cnp_array_setitem_bytes, a._h, 0, _backend.NULL,
             _backend.voidp(ctypes.addressof(buf)), 8)
        return a

    def item(self):
        """NumPy's Python value: datetime.date/datetime/timedelta by unit, int beyond them,
        None for NaT (_datetime.to_python)."""
        return _TO_PYTHON[0](self._value, self._dtype)

    def __hash__(self):
        return hash((type(self), self._value, self._dtype))

    def __reduce__(self):
        # The generic scalar's (type, (item,)) would lose the unit: the value and the dtype.
        return (type(self), (self._value, self._dtype))


class datetime64(_datetime_base):
    __slots__ = ()
    _kind = "M"

    def __repr__(self):
        return "numpy.datetime64('%s')" % self._text()


class timedelta64(_datetime_base):
    __slots__ = ()
    _kind = "m"

    def __str__(self):
        if "[" not in self._dtype.name and self._value != -2**63:
            return "%d generic time units" % self._value
        return self._text()

    def __repr__(self):
        name = self._dtype.name
        if "[" not in name:
            return "numpy.timedelta64(%s)" % ("'NaT'" if self._value == -2**63 else self._value)
        unit = name[name.index("[") + 1:-1]
        if self._value == -2**63:
            return "numpy.timedelta64('NaT','%s')" % unit
        return "numpy.timedelta64(%d,'%s')" % (self._value, unit)


class void(generic):
    """NumPy's numpy.void: one record of a structured array, a view of the element (setting a
    field writes into the array), indexable by field name, title, position or a list of names,
    printed as NumPy; or raw bytes for a plain void dtype. Made by the ndarray's indexing
    (_ndarray.scalar_element) with void._at(array, index); the public constructor
    void(length_or_data, dtype=None) is attached by _methods (_records.void_new)."""
    __slots__ = ("_arr", "_idx")

    @classmethod
    def _at(cls, arr, ints):
        self = object.__new__(cls)
        object.__setattr__(self, "_arr", arr)
        object.__setattr__(self, "_idx", tuple(ints))
        return self

    dtype = property(lambda self: self._arr.dtype)
    shape = property(lambda self: ())
    ndim = property(lambda self: 0)
    size = property(lambda self: 1)
    itemsize = property(lambda self: self._arr.dtype.itemsize)
    nbytes = itemsize

    @property
    def __array_interface__(self):
        d = self._arr.dtype
        return {"version": 3, "shape": (), "typestr": d.str,
                "descr": d.descr if d.names is not None else [("", d.str)],
                "data": self._view().tobytes()}

    def _name(self, key):
        names = self._arr.dtype.names
        if names is None:
            raise IndexError("invalid index")
        if type(key) is str:
            if key in names:
                return key
            fields = self._arr.dtype.fields
            if key in fields:       # a title
                return names[[fields[n][:2] for n in names].index(fields[key][:2])]
            raise ValueError("no field of name %s" % key)
        if isinstance(key, int) and not isinstance(key, bool):
            if key < 0:
                key += len(names)
            if not 0 <= key < len(names):
                raise IndexError("invalid index (%d)" % key)
            return names[key]
        if type(key) is list and key and all(type(k) is str for k in key):
            return key          # a multi-field index: a void of those fields
        return None             # anything else indexes the 0-d record as an array

    def __getitem__(self, key):
        name = self._name(key)
        if name is None:
            return self._view()[key]
        return self._wrap_field(self._arr[name][self._idx])

    def __setitem__(self, key, value):
        name = self._name(key)
        if name is None:
            self._view()[key] = value
            return
        self._arr[name][self._idx] = value

    def _wrap_field(self, value):
        # a nested record read from a record scalar is of the scalar's own class
        if isinstance(value, void) and type(value) is not type(self):
            return type(self)._at(value._arr, value._idx)
        return value

    def __len__(self):
        names = self._arr.dtype.names
        return 0 if names is None else len(names)      # NumPy: 0 for plain void

    def __iter__(self):
        return iter(self.item())

    def item(self):
        return self._view().item()

    tolist = item

    def _view(self):
        # the element as a plain 0-d ndarray, also when the array is a subclass (a recarray's
        # element prints as a void, not as rec.array)
        return _capi._array_type.__getitem__(self._arr, self._idx + (Ellipsis,))

    def getfield(self, dtype, offset=0):
        return self._view().getfield(dtype, offset)[()]

    def __repr__(self):
        if self._arr.dtype.names is None:
            return "void(%s)" % self._hex()
        text = repr(self._view())     # array((1, 2.5), dtype=[...]), maybe wrapped before dtype=
        return text[len("array("):text.rindex("dtype=")].rstrip().rstrip(",")

    def __str__(self):
        if self._arr.dtype.names is None:
            return self._hex()
        return self.__repr__()

    def _hex(self):
        return "b'%s'" % "".join("\\x%02X" % c for c in self._view().tobytes())

    def __eq__(self, other):
        if other is None:
            return False
        if not isinstance(other, void):
            raise TypeError("Cannot compare structured or void to non-void arrays.")
        return bool(self._view() == other._view())

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        raise TypeError("unhashable type: 'writeable void-scalar'")

    def __reduce__(self):
        # the record's bytes and dtype: void(bytes, dtype) rebuilds it (a copy, as NumPy's)
        return (type(self), (self._view().tobytes(), self._arr.dtype))


class record(void):
    """numpy.record: a void scalar whose fields are also attributes (the element type of
    numpy.rec arrays); attributes of the scalar itself win over fields of the same name."""
    __slots__ = ()

    def __getattr__(self, attr):
        # only called when normal lookup fails
        if attr.startswith("__") or attr in ("_arr", "_idx"):
            raise AttributeError(attr)
        fields = self._arr.dtype.fields
        if fields is not None and attr in fields:
            return self[attr]
        raise AttributeError("'record' object has no attribute '%s'" % attr)

    def __setattr__(self, attr, value):
        if attr in ("setfield", "getfield", "dtype"):
            raise AttributeError("Cannot set '%s' attribute" % attr)
        fields = self._arr.dtype.fields
        if fields is not None and attr in fields and attr not in ("_arr", "_idx"):
            self[attr] = value
            return
        raise AttributeError("'record' object has no attribute '%s'" % attr)

    def pprint(self):
        """The fields, one per line, names right-aligned."""
        names = self._arr.dtype.names
        width = max(len(n) for n in names)
        return "\n".join("%*s: %s" % (width, n, self[n]) for n in names)


class flexible(generic):
    __slots__ = ()


class character(flexible):
    __slots__ = ()


class str_(str, character):
    """numpy.str_: an element of a U array, a str (its methods, comparisons and hashing are
    str's) with the scalar attributes (dtype <U n, item() the plain str)."""

    @property
    def dtype(self):
        return dtype("<U%d" % len(self))

    def item(self):
        return str(self)

    @property
    def __array_interface__(self):
        return {"version": 3, "shape": (), "typestr": "<U%d" % len(self),
                "descr": [("", "<U%d" % len(self))], "data": self.encode("utf-32-le")}

    def __reduce__(self):
        return (type(self), (str(self),))


class bytes_(bytes, character):
    """numpy.bytes_: an element of an S array, a bytes object with the scalar attributes."""

    @property
    def dtype(self):
        return dtype("|S%d" % len(self))

    def item(self):
        return bytes(self)

    @property
    def __array_interface__(self):
        return {"version": 3, "shape": (), "typestr": "|S%d" % len(self),
                "descr": [("", "|S%d" % len(self))], "data": bytes(self)}

    def __reduce__(self):
        return (type(self), (bytes(self),))


def element_value(d, raw, subarray=None):
    """The Python value of one element of a parametric dtype from its bytes: str for U, bytes
    for S and plain void, datetime64/timedelta64, and a tuple of field values for records
    (a subarray field as subarray(field_dtype, raw) when given: NumPy's item() keeps it an
    array; else as nested lists)."""
    kind = d.kind
    if kind == "S":
        return raw.rstrip(b"\0")
    if kind == "U":
        return raw.decode("utf-32-le" if d.str[0] == "<" else "utf-32-be").rstrip("\0")
    if kind in "Mm":
        v = struct.unpack("<q" if d.str[0] == "<" else ">q", raw)[0]
        return (datetime64 if kind == "M" else timedelta64)(v, d)
    if kind == "O":         # the referenced object itself (NULL is None)
        return _objrefs.value(struct.unpack("P", raw)[0])
    if d.names is not None:
        out = []
        for name in d.names:
            fd, off = d.fields[name][:2]
            out.append(_field_value(fd, raw[off:off + fd.itemsize], subarray))
        return tuple(out)
    if d.subdtype is not None:
        return _field_value(d, raw)
    return raw


def _field_value(fd, raw, subarray=None):
    if fd.subdtype is not None and subarray is not None:
        return subarray(fd, raw)
    if fd.subdtype is not None:
        base, shape = fd.subdtype
        size = base.itemsize
        flat = [_field_value(base, raw[i * size:(i + 1) * size]) for i in range(len(raw) // size)]
        for n in reversed(shape[1:]):
            flat = [flat[i:i + n] for i in range(0, len(flat), n)]
        return flat
    if fd._num < _C["CNP_NTYPES_BUILTIN"]:
        fmt = ("<" if fd.str[0] in "<|" else ">") + {"?": "?", "b": "b", "B": "B", "h": "h",
                                                     "H": "H", "i": "i", "I": "I", "l": "q",
                                                     "L": "Q", "e": "e", "f": "f", "d": "d",
                                                     "F": "ff", "D": "dd"}[fd.char]
        v = struct.unpack(fmt, raw)
        return complex(*v) if len(v) == 2 else v[0]
    if fd.kind in "Mm":     # a record's item(): Python dates and timedeltas, as NumPy's
        return element_value(fd, raw).item()
    return element_value(fd, raw, subarray)


_dtype._PY_TYPES.update({datetime64: "M8", timedelta64: "m8", str_: "U", bytes_: "S"})
_dtype._SCALAR_TYPES.update({_C["CNP_BYTES"]: bytes_, _C["CNP_UNICODE"]: str_,
                             _C["CNP_DATETIME64"]: datetime64, _C["CNP_TIMEDELTA64"]: timedelta64,
                             _C["CNP_VOID"]: tuple})


class object_(generic):
    """numpy.object_: the type of object arrays' elements. As in NumPy, calling it returns its
    argument itself (None without one): elements of object arrays are the objects they hold."""

    def __new__(cls, value=None):
        return value


object_.dtype = dtype("O")
_dtype._PY_TYPES.update({object_: "O", object: "O"})
_dtype._SCALAR_TYPES[_C["CNP_OBJECT"]] = object_

# NumPy 1.24's older names of the string scalar types (removed in NumPy 2.0).
ALIASES.update(string_=bytes_, unicode_=str_)
