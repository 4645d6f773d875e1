"""cnumpy.dtype: NumPy's data-type objects, one cached wrapper per library dtype.

Spellings are parsed by the library (cnp_dtype_from_string) so that Python and C accept the
same strings with the same errors. Each wrapper holds a library dtype handle for the life of
the process: dtypes are few and passing the cached handle saves a parse on every call.
"""
import sys

from . import _backend
from ._capi import query

_lib = _backend.lib
_C = _backend.consts
_string = _backend.string
_SAFE = _C["CNP_CASTING_SAFE"]

_NATIVE = "<" if sys.byteorder == "little" else ">"
_BY_TYPENUM = {}     # typenum -> dtype (builtin types)
_NUMPY_NUM = {"bool": 0, "int8": 1, "uint8": 2, "int16": 3, "uint16": 4, "int32": 5, "uint32": 6,
              "int64": 7, "uint64": 8, "float16": 23, "float32": 11, "float64": 12,
              "complex64": 14, "complex128": 15}
_BY_KEY = {}         # str / type spellings already resolved -> dtype
_PY_TYPES = {}       # Python and scalar types -> typenum, filled by _scalars
_SCALAR_TYPES = {}   # typenum -> cnumpy scalar type, filled by _scalars


def _query_str(fn, handle):
    return _string(query(fn, _backend.new_charp_out, handle))


class dtype:
    """dtype(obj, align=False, copy=False): a NumPy data type.

    obj may be a string ("float32", "<f4", "f"), a Python type (float, int, bool, complex), a
    cnumpy or numpy scalar type, another dtype, None (float64), or any object with a .dtype.
    """

    __slots__ = ("_h", "_num", "_itemsize", "_alignment", "_kind", "_char", "_name", "_str",
                 "__weakref__")

    def __new__(cls, obj=None, align=False, copy=False):
        if type(obj) is dtype:
            return obj
        try:
            return _BY_KEY[obj]
        except (KeyError, TypeError):
            pass
        d = _resolve(obj)
        if type(obj) is str or isinstance(obj, type):
            _BY_KEY[obj] = d          # only spellings: a cache keyed by values could grow
        return d

    # -- attributes ---------------------------------------------------------------------------
    @property
    def name(self):
        return self._name

    @property
    def kind(self):
        return self._kind

    @property
    def char(self):
        return self._char

    @property
    def itemsize(self):
        return self._itemsize

    @property
    def alignment(self):
        return self._alignment

    @property
    def str(self):
        return self._str

    @property
    def byteorder(self):
        o = self._str[0]
        if o == _NATIVE:
            return "="
        return o

    @property
    def type(self):
        return _SCALAR_TYPES[self._num]

    @property
    def descr(self):
        return [("", self._str)]

    @property
    def isnative(self):
        return self._str[0] in (_NATIVE, "|", "=")

    @property
    def isbuiltin(self):
        return 1

    @property
    def num(self):
        """NumPy's type number (NPY_TYPES on LP64 Linux: int64 is NPY_LONG 7, float16 23)."""
        return _NUMPY_NUM[self._name]

    shape = property(lambda self: ())
    ndim = property(lambda self: 0)
    base = property(lambda self: self)
    subdtype = property(lambda self: None)
    names = property(lambda self: None)
    fields = property(lambda self: None)
    hasobject = property(lambda self: False)

    # -- comparisons, hashing, printing ---------------------------------------------------------
    def __eq__(self, other):
        if type(other) is dtype:
            return other is self or _equal(self, other)
        try:
            other = dtype(other)
        except (TypeError, ValueError, NotImplementedError):
            return False        # NumPy: an invalid spelling simply compares unequal
        return other is self or _equal(self, other)

    def __ne__(self, other):
        return not self.__eq__(other)

    def _can_cast_safe(self, other):
        return can_cast_dtypes(self, other, _SAFE)

    # NumPy orders dtypes by safe castability.
    def __le__(self, other):
        return self._can_cast_safe(dtype(other))

    def __lt__(self, other):
        other = dtype(other)
        return self != other and self._can_cast_safe(other)

    def __ge__(self, other):
        return dtype(other)._can_cast_safe(self)

    def __gt__(self, other):
        other = dtype(other)
        return self != other and other._can_cast_safe(self)

    def __hash__(self):
        return hash((dtype, self._num, self._str))

    def __repr__(self):
        return "dtype(%r)" % self._name

    def __str__(self):
        return self._name

    def __reduce__(self):
        return (dtype, (self._str,))

    def __len__(self):
        return 0

    def newbyteorder(self, new_order="S"):
        if self._str[0] == "|" or new_order in ("=", "N", "n", "native", "|", "I", "i"):
            return self
        raise NotImplementedError("cnumpy supports native byte order only")


def _equal(a, b):
    return bool(query(_lib.cnp_dtype_equal, _backend.new_int32_out, a._h, b._h))


def can_cast_dtypes(a, b, casting):
    """Whether dtype a casts to dtype b under a CNP_CASTING_* rule."""
    return bool(query(_lib.cnp_can_cast, _backend.new_int32_out, a._h, b._h, casting))


def promote_types(type1, type2):
    """numpy.promote_types: the smallest dtype both cast to safely."""
    a, b = dtype(type1), dtype(type2)
    return from_handle(query(_lib.cnp_promote_types, _backend.new_dtype_out, a._h, b._h))


def _make(handle, num):
    """Wraps a dtype handle (taking over its reference) into a new dtype object."""
    d = object.__new__(dtype)
    d._h = handle
    d._num = num
    d._itemsize = query(_lib.cnp_dtype_itemsize, _backend.new_int64_out, handle)
    d._alignment = query(_lib.cnp_dtype_alignment, _backend.new_int64_out, handle)
    d._kind = chr(query(_lib.cnp_dtype_kind, _backend.new_int32_out, handle))
    d._char = chr(query(_lib.cnp_dtype_char, _backend.new_int32_out, handle))
    d._name = _query_str(_lib.cnp_dtype_name, handle)
    d._str = _query_str(_lib.cnp_dtype_str, handle)
    return d


def from_handle(handle):
    """The cached dtype for a new dtype reference (the reference is consumed)."""
    try:
        num = query(_lib.cnp_dtype_typenum, _backend.new_int32_out, handle)
    except BaseException:
        _lib.cnp_dtype_free(handle)
        raise
    d = _BY_TYPENUM.get(num)
    if d is not None:
        _lib.cnp_dtype_free(handle)
        return d
    if num >= _C["CNP_NTYPES_BUILTIN"]:
        # Parametric dtypes (datetime, strings, records) will need a key with their parameters.
        _lib.cnp_dtype_free(handle)
        raise NotImplementedError("cnumpy: dtype kind %d is not supported by the bindings yet" % num)
    d = _BY_TYPENUM[num] = _make(handle, num)
    return d


def from_typenum(num):
    d = _BY_TYPENUM.get(num)
    if d is None:
        d = from_handle(query(_lib.cnp_dtype_from_typenum, _backend.new_dtype_out, num))
    return d


def _from_string(spec):
    try:
        b = spec.encode("utf-8")
    except UnicodeEncodeError:
        raise TypeError("data type %r not understood" % spec) from None
    if b"\0" in b:  # C would stop at the NUL: 'f8\x00junk' is not float64
        raise TypeError("data type %r not understood" % spec)
    return from_handle(query(_lib.cnp_dtype_from_string, _backend.new_dtype_out, b))


def _resolve(obj):
    if obj is None:
        return from_typenum(_C["CNP_FLOAT64"])
    if isinstance(obj, str):
        return _from_string(obj)
    if isinstance(obj, type):
        num = _PY_TYPES.get(obj)
        if num is not None:
            return from_typenum(num)
        if obj.__module__ == "numpy":
            # A numpy scalar type (numpy.float32, numpy.bool_): its name is a NumPy spelling.
            name = obj.__name__
            return _from_string(name[:-1] if name.endswith("_") else name)
        inner = getattr(obj, "dtype", None)
        if inner is not None and not isinstance(inner, (property, type(dtype.name))):
            return dtype(inner)
        raise TypeError("Cannot interpret '%r' as a data type" % (obj,))
    if isinstance(obj, bytes):
        return _from_string(obj.decode("ascii", "replace"))
    # A numpy dtype (it has .str), or anything carrying a dtype (arrays, scalars).
    if type(obj).__module__.startswith("numpy") and isinstance(getattr(obj, "str", None), str) \
            and hasattr(obj, "kind"):
        return _from_string(obj.str)
    inner = getattr(obj, "dtype", None)
    if inner is not None:
        return dtype(inner)
    if isinstance(obj, (list, tuple, dict)):
        raise NotImplementedError("cnumpy: structured dtypes are not supported yet")
    raise TypeError("Cannot interpret '%r' as a data type" % (obj,))


