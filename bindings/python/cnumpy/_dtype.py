"""cnumpy.dtype: NumPy's data-type objects, one cached wrapper per library dtype.

Spellings are parsed by the library (cnp_dtype_from_string) so that Python and C accept the
same strings with the same errors; Python structures (lists of tuples, dicts, (base, shape)
tuples) become the library's record and subarray builder calls. Each wrapper holds a library
dtype handle; builtin dtypes are cached by type number, parametric ones by their canonical key.
The model is described in docs/dtypes.md.
"""
import ast
import sys
import warnings

from . import _backend
from ._capi import query
from ._errors import _user_stacklevel

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
_BY_DESC = {}        # (canonical key, repr) -> dtype (parametric and byte-swapped descriptors)
_NATIVE_NUM = {}     # typenum -> numpy num
_PY_TYPES = {}       # Python and scalar types -> typenum, filled by _scalars
_SCALAR_TYPES = {}   # typenum -> cnumpy scalar type, filled by _scalars


def _query_str(fn, handle, *args):
    return _string(query(fn, _backend.new_charp_out, handle, *args))


# NumPy's legacy print mode (0, 113 or 121), set by set_printoptions (_print).
_legacy_print = 0


def set_legacy_print(level):
    global _legacy_print
    _legacy_print = level


class dtype:
    """dtype(obj, align=False, copy=False): a NumPy data type.

    obj may be a string ("float32", "<f4", "f"), a Python type (float, int, bool, complex), a
    cnumpy or numpy scalar type, another dtype, None (float64), or any object with a .dtype.
    """

    __slots__ = ("_h", "_num", "_itemsize", "_alignment", "_kind", "_char", "_name", "_str",
                 "_repr", "_text", "_key", "_fields", "_names", "_npnum", "__weakref__")

    def __new__(cls, obj=None, align=False, copy=False):
        if type(obj) is dtype:
            return obj
        if not align:
            try:
                return _BY_KEY[obj]
            except (KeyError, TypeError):
                pass
        frozen = _freeze(obj) if type(obj) is list else None
        if frozen is not None:
            # record specs (lists of tuples) are parsed with several library calls (~50 us);
            # code such as zeros(n, [('a', 'i4'), ...]) repeats them: a bounded cache by value
            key = (frozen, bool(align))
            d = _BY_SPEC.get(key)
            if d is not None:
                return d
        d = _resolve(obj, bool(align))
        if align and d.names is not None and not d.isalignedstruct:
            d = _record([(n,) + tuple(d.fields[n][:1]) for n in d.names], True)
        if not align and (type(obj) is str or isinstance(obj, type)):
            _BY_KEY[obj] = d          # only spellings: a cache keyed by values could grow
        if frozen is not None:
            if len(_BY_SPEC) >= 256:
                _BY_SPEC.clear()
            _BY_SPEC[key] = d
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
        return chr(query(_lib.cnp_dtype_byteorder, _backend.new_int32_out, self._h))

    @property
    def type(self):
        return _SCALAR_TYPES[self._num]

    @property
    def descr(self):
        return ast.literal_eval(_query_str(_lib.cnp_dtype_descr, self._h))

    @property
    def isnative(self):
        return bool(query(_lib.cnp_dtype_isnative, _backend.new_int32_out, self._h))

    @property
    def isbuiltin(self):
        return query(_lib.cnp_dtype_isbuiltin, _backend.new_int32_out, self._h)

    @property
    def isalignedstruct(self):
        return bool(query(_lib.cnp_dtype_isalignedstruct, _backend.new_int32_out, self._h))

    @property
    def num(self):
        """NumPy's type number (NPY_TYPES on LP64 Linux: int64 is NPY_LONG 7, float16 23)."""
        return self._npnum

    @property
    def shape(self):
        nd = query(_lib.cnp_dtype_ndim, _backend.new_int32_out, self._h)
        if not nd:
            return ()
        p = query(_lib.cnp_dtype_shape, _backend.new_int64p_out, self._h)
        return tuple(_backend.read_int64s(p, nd))

    @property
    def ndim(self):
        return len(self.shape)

    @property
    def base(self):
        if not self.shape:
            return self
        return from_handle(query(_lib.cnp_dtype_base, _backend.new_dtype_out, self._h))

    @property
    def subdtype(self):
        shape = self.shape
        return (self.base, shape) if shape else None

    @property
    def names(self):
        self._load_fields()
        return self._names

    @property
    def fields(self):
        self._load_fields()
        return self._fields

    def _load_fields(self):
        if self._names is not False:
            return
        n = query(_lib.cnp_dtype_nfields, _backend.new_int64_out, self._h)
        if n < 0:
            self._names = None
            return
        names = []
        fields = {}
        for i in range(n):
            name = _query_str(_lib.cnp_dtype_field_name, self._h, i)
            fd = from_handle(query(_lib.cnp_dtype_field_dtype, _backend.new_dtype_out, self._h, i))
            off = query(_lib.cnp_dtype_field_offset, _backend.new_int64_out, self._h, i)
            tp = query(_lib.cnp_dtype_field_title, _backend.new_charp_out, self._h, i)
            title = _string(tp) if tp else None
            entry = (fd, off) if title is None else (fd, off, title)
            names.append(name)
            fields[name] = entry
            if title is not None:
                fields[title] = entry
        self._names = tuple(names)
        self._fields = _MappingProxy(fields)

    hasobject = property(lambda self: self._kind == "O")
    metadata = property(lambda self: None)

    def __getitem__(self, key):
        names = self.names
        if names is None:
            raise KeyError("There are no fields in dtype %s." % self)
        if isinstance(key, str):
            try:
                return self.fields[key][0]
            except KeyError:
                raise KeyError("Field named %r not found." % key) from None
        if isinstance(key, int):
            if not -len(names) <= key < len(names):
                raise IndexError("Field index %d out of range." % key)
            return self.fields[names[key]][0]
        if isinstance(key, list) and all(isinstance(k, str) for k in key):
            return dtype({"names": key, "formats": [self.fields[k][0] for k in key],
                          "offsets": [self.fields[k][1] for k in key], "itemsize": self.itemsize})
        raise TypeError("Field key must be an integer field index, string, or list of strings.")

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
        return hash((dtype, self._key))

    def __repr__(self):
        if _legacy_print:       # the library's spelling for the mode (compact dict forms)
            return _query_str(_lib.cnp_dtype_repr_legacy, self._h)
        return self._repr

    def __str__(self):
        if _legacy_print:
            return _query_str(_lib.cnp_dtype_text_legacy, self._h)
        return self._text

    def __reduce__(self):
        names = self.names
        if names is None:
            sub = self.subdtype
            return (dtype, (self._str if sub is None else sub,))
        # Records as NumPy's dict form, which keeps offsets, itemsize, titles and the aligned
        # flag (the descr list would turn padding into named 'f1' void fields).
        fields = self.fields
        spec = {"names": list(names), "formats": [fields[n][0] for n in names],
                "offsets": [fields[n][1] for n in names], "itemsize": self.itemsize}
        titles = [fields[n][2] if len(fields[n]) > 2 else None for n in names]
        if any(t is not None for t in titles):
            spec["titles"] = titles
        return (dtype, (spec, self.isalignedstruct))

    def __len__(self):
        names = self.names
        return 0 if names is None else len(names)

    def newbyteorder(self, new_order="S"):
        if not isinstance(new_order, str) or not new_order:
            raise ValueError("%r is an unrecognized byteorder" % (new_order,))
        return from_handle(query(_lib.cnp_dtype_newbyteorder, _backend.new_dtype_out, self._h,
                                 ord(new_order[0])))


def _equal(a, b):
    return bool(query(_lib.cnp_dtype_equal, _backend.new_int32_out, a._h, b._h))


def can_cast_dtypes(a, b, casting):
    """Whether dtype a casts to dtype b under a CNP_CASTING_* rule."""
    return bool(query(_lib.cnp_can_cast, _backend.new_int32_out, a._h, b._h, casting))


def promote_types(type1, type2):
    """numpy.promote_types: the smallest dtype both cast to safely."""
    a, b = dtype(type1), dtype(type2)
    return from_handle(query(_lib.cnp_promote_types, _backend.new_dtype_out, a._h, b._h))


class _MappingProxy(dict):
    """dtype.fields: a read-only mapping (NumPy returns a mappingproxy)."""

    def _ro(self, *a, **k):
        raise TypeError("'mappingproxy' object does not support item assignment")

    __setitem__ = __delitem__ = update = pop = popitem = clear = setdefault = _ro

    def __repr__(self):
        return "mappingproxy(%s)" % dict.__repr__(self)


def _make(handle, num):
    """Wraps a dtype handle (taking over its reference) into a new dtype object."""
    d = object.__new__(dtype)
    d._h = handle
    d._num = num
    d._fields = None
    d._names = False     # not loaded yet
    d._npnum = query(_lib.cnp_dtype_num, _backend.new_int32_out, handle)
    d._repr = _query_str(_lib.cnp_dtype_repr, handle)
    d._text = _query_str(_lib.cnp_dtype_text, handle)
    d._key = _query_str(_lib.cnp_dtype_key, handle)
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
    builtin = num < _C["CNP_NTYPES_BUILTIN"] and \
        query(_lib.cnp_dtype_isbuiltin, _backend.new_int32_out, handle)
    if builtin:
        d = _BY_TYPENUM.get(num)
        if d is not None:
            _lib.cnp_dtype_free(handle)
            return d
        d = _BY_TYPENUM[num] = _make(handle, num)
        return d
    # Parametric or byte-swapped: one object per distinct descriptor (key and spelling; the type
    # character tells 'c' from the S1 it equals).
    try:
        ident = (_query_str(_lib.cnp_dtype_key, handle), _query_str(_lib.cnp_dtype_repr, handle),
                 query(_lib.cnp_dtype_char, _backend.new_int32_out, handle))
    except BaseException:
        _lib.cnp_dtype_free(handle)
        raise
    d = _BY_DESC.get(ident)
    if d is not None:
        _lib.cnp_dtype_free(handle)
        return d
    d = _BY_DESC[ident] = _make(handle, num)
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
    try:
        return from_handle(query(_lib.cnp_dtype_from_string, _backend.new_dtype_out, b))
    except ValueError as e:
        if str(e) != _SHAPE_SYNTAX:
            raise
        # NumPy parses the repeat shape of a comma string with ast: its SyntaxError ('f8,,i4')
        raise SyntaxError("invalid syntax", ("<unknown>", 1, 1, spec, 1, 2)) from None


_SHAPE_SYNTAX = "invalid syntax (<unknown>, line 1)"


def _resolve(obj, align=False):
    if obj is None:
        return from_typenum(_C["CNP_FLOAT64"])
    if isinstance(obj, str):
        return _from_string(obj)
    if obj is str or obj is bytes:
        return _from_string("U" if obj is str else "S")
    if isinstance(obj, type):
        num = _PY_TYPES.get(obj)
        if num is not None:
            return from_typenum(num) if isinstance(num, int) else dtype(num)
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
        if obj.names is not None:
            return _from_dict({"names": list(obj.names),
                               "formats": [obj.fields[n][0] for n in obj.names],
                               "offsets": [obj.fields[n][1] for n in obj.names],
                               "titles": [obj.fields[n][2] if len(obj.fields[n]) > 2 else None
                                          for n in obj.names],
                               "itemsize": obj.itemsize}, obj.isalignedstruct)
        if obj.subdtype is not None:
            return _subarray(dtype(obj.subdtype[0]), obj.subdtype[1])
        return _from_string(obj.str)
    if isinstance(obj, list):
        return _from_list(obj, align)
    if isinstance(obj, dict):
        return _from_dict(obj, align)
    if isinstance(obj, tuple):
        return _from_tuple(obj, align)
    inner = getattr(obj, "dtype", None)
    if inner is not None:
        return dtype(inner)
    raise TypeError("Cannot interpret '%r' as a data type" % (obj,))


def _strs(items):
    return [x.encode("utf-8") for x in items]


_BY_SPEC = {}
_FROZEN_LEAVES = (str, int)


def _freeze(spec):
    """A record spec (nested lists/tuples of str, int and dtype) as a hashable key that tells
    different specs apart (bools and floats, which hash like ints, are refused), else None."""
    t = type(spec)
    if t is list or t is tuple:
        out = []
        for x in spec:
            f = _freeze(x)
            if f is None:
                return None
            out.append(f)
        return (t is list, tuple(out))
    if t is str or t is int or t is dtype:
        return (t.__name__, spec)
    return None


def _record(fields, align, offsets=None, itemsize=-1):
    """fields: (name, dtype[, title]) in order -> cnp_dtype_record."""
    n = len(fields)
    names = [f[0] for f in fields]
    dts = [dtype(f[1]) for f in fields]
    titles = [f[2] if len(f) > 2 else None for f in fields]
    for t in titles:
        if t is not None and not isinstance(t, str):
            raise NotImplementedError("cnumpy: field titles must be str")
    h = query(_lib.cnp_dtype_record, _backend.new_dtype_out, n,
              _backend.charp_array(_strs(names)), _backend.dtype_array([d._h for d in dts]),
              _backend.int64_array(offsets) if offsets is not None else _backend.NULL,
              _backend.charp_array([None if t is None else t.encode("utf-8") for t in titles])
              if any(t is not None for t in titles) else _backend.NULL,
              itemsize, 1 if align else 0)
    return from_handle(h)


def _shape_of(shape):
    if isinstance(shape, int) and not isinstance(shape, bool):
        return (shape,)
    if isinstance(shape, tuple) and all(isinstance(s, int) and not isinstance(s, bool) for s in shape):
        return shape
    raise TypeError("Tuple must have size 2, but has size %d" % len(shape)) \
        if False else ValueError("invalid shape in fixed-type tuple.")


def _subarray(base, shape):
    shape = _shape_of(shape)
    return from_handle(query(_lib.cnp_dtype_subarray, _backend.new_dtype_out, base._h,
                             len(shape), _backend.int64_array(list(shape)), ))


def _from_tuple(obj, align):
    if len(obj) != 2:
        raise TypeError("Tuple must have size 2, but has size %d" % len(obj))
    base = dtype(obj[0], align)
    second = obj[1]
    if base.itemsize == 0 and base.kind in "SUV" and base.names is None \
            and base.subdtype is None and isinstance(second, (int, tuple, list)):
        # ('U', 5): a flexible type with its width (a shape there is NumPy's error)
        if not isinstance(second, int) or isinstance(second, bool) or not 0 <= second < 2**31:
            raise ValueError("invalid itemsize in generic type tuple")
        return _from_string("%s%s%d" % (base.str[0] if base.kind == "U" else "", base.kind, second))
    if type(second) is int and second == 1:
        warnings.warn("Passing (type, 1) or '1type' as a synonym of type is deprecated; in a future "
                      "version of numpy, it will be understood as (type, (1,)) / '(1,)type'.",
                      FutureWarning, stacklevel=_user_stacklevel())
        return base
    if not isinstance(second, (int, tuple)) or isinstance(second, bool):
        return _base_new(base, second, align)
    return _subarray(base, second)


def _base_new(base, second, align):
    """NumPy's (base_dtype, new_dtype): the memory of base read as new. Without fields in new the
    result is base itself (the sizes must agree; an unsized base takes new's size); a plain void
    base becomes new's record. A numeric base carrying new's fields (NumPy's
    dtype((numpy.int32, [('r', 'u1'), ...]))) is a hybrid this descriptor model does not have."""
    try:
        new = dtype(second, align)
    except (TypeError, ValueError):
        raise ValueError("invalid shape in fixed-type tuple.") from None
    plain_void = base.kind == "V" and base.names is None and base.subdtype is None
    if base.itemsize == 0 and base.kind in "SUV" and base.names is None:
        if plain_void:
            return new if new.names is not None else _from_string("V%d" % new.itemsize)
        width = new.itemsize // 4 if base.kind == "U" else new.itemsize
        return _from_string("%s%s%d" % (base.str[0] if base.kind == "U" else "", base.kind, width))
    if new.itemsize != base.itemsize:
        raise ValueError("mismatch in size of old and new data-descriptor")
    if new.names is None:
        return base
    if plain_void:
        return new
    raise NotImplementedError("cnumpy: a %s dtype carrying the fields of %s (NumPy's (base_dtype, "
                              "new_dtype) union) is not supported" % (base, new))


def _field_name(name, i):
    title = None
    if isinstance(name, tuple):
        if len(name) != 2:
            raise TypeError("Field elements must be 2- or 3-tuples, got %r" % (name,))
        title, name = name
    if not isinstance(name, str):
        raise TypeError("Field elements must be 2- or 3-tuples, got %r" % (name,))
    return (name or "f%d" % i), title


def _from_list(obj, align):
    if not obj:
        return _record([], align)
    fields = []
    for i, item in enumerate(obj):
        if not isinstance(item, tuple) or len(item) not in (2, 3):
            raise TypeError("Field elements must be 2- or 3-tuples, got '%r'" % (item,))
        name, title = _field_name(item[0], i)
        fd = dtype(item[1], align)
        if len(item) == 3:
            fd = _subarray(fd, item[2])
        fields.append((name, fd) if title is None else (name, fd, title))
    return _record(fields, align)


def _from_dict(obj, align):
    if "names" not in obj or "formats" not in obj:
        # The older {name: (format, offset[, title])} form, ordered by offset.
        items = []
        for name, spec in obj.items():
            if not isinstance(spec, tuple) or len(spec) not in (2, 3):
                raise ValueError("entry not a 2- or 3- tuple")
            items.append((spec[1], name, spec[0], spec[2] if len(spec) == 3 else None))
        items.sort(key=lambda t: t[0])
        return _from_dict({"names": [t[1] for t in items], "formats": [t[2] for t in items],
                           "offsets": [t[0] for t in items], "titles": [t[3] for t in items]}, align)
    names = list(obj["names"])
    formats = list(obj["formats"])
    offsets = obj.get("offsets")
    titles = obj.get("titles")
    n = len(names)
    # NumPy 1.24 reads as many formats/offsets/titles as there are names (extra ones ignored)
    if len(formats) < n or (offsets is not None and len(offsets) < n) or \
            (titles is not None and len(titles) < n):
        raise ValueError("'names', 'formats', 'offsets', and 'titles' dict entries must have "
                         "the same length")
    formats = formats[:n]
    offsets = None if offsets is None else list(offsets)[:n]
    titles = None if titles is None else list(titles)[:n]
    used = set()
    for i, name in enumerate(names):
        # NumPy adds each name, then its title, to one dict of fields
        if isinstance(name, str) and name in used:
            raise ValueError("name already used as a name or title")
        used.add(name)
        if titles is not None and titles[i] is not None:
            used.add(titles[i])
    align = align or bool(obj.get("aligned", False))
    fields = []
    for i, (n, f) in enumerate(zip(names, formats)):
        if not isinstance(n, str):
            raise ValueError("field names must be strings")
        t = titles[i] if titles is not None else None
        fd = dtype(f, align)
        fields.append((n, fd) if t is None else (n, fd, t))
    itemsize = obj.get("itemsize")
    offsets = None if offsets is None else [int(o) for o in offsets]
    if itemsize is not None and int(itemsize) == -1:
        # The C ABI reads -1 as "not given"; NumPy measures an explicit -1 like any negative.
        need = _record(fields, align, offsets).itemsize
        raise ValueError("NumPy dtype descriptor requires %d bytes, cannot override to smaller itemsize of -1" % need)
    return _record(fields, align, offsets, -1 if itemsize is None else int(itemsize))
