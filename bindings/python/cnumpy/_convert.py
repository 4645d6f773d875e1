"""Python objects -> cnumpy arrays: array(), asarray() and the helpers behind them.

Sources, in the order they are tried:
  * cnumpy arrays (used as they are) and scalars (a 0-d array of their type);
  * Python bool/int/float/complex (a 0-d array of NumPy's default type for them);
  * objects with __array_interface__ (NumPy arrays...): wrapped without copying;
  * other buffer-protocol objects (memoryview, bytearray, array.array): wrapped without copying;
  * nested lists/tuples: the dtype and shape are inferred as NumPy does, the values packed into
    one buffer and copied by a single cnp_array_from_data call.
The scalar types' constructors (cnumpy.float32(2.7), cnumpy.bool_([1, 0])) convert here too.
"""
import array as _pyarray
import datetime as _pydt
from itertools import repeat as _repeat
import operator
import struct
import warnings

from . import _args, _backend, _wrapmem
from ._capi import produce, produce_view, set_base, wrap
from ._dtype import dtype as _dtype_cls, promote_types
from ._errors import _user_stacklevel
from ._ndarray import as_subclass, finalize, ndarray, get_scalar
from ._objarray import (ObjectsNeeded, from_python as _objects_from, from_leaves as _objects_of,
                        to_object as _to_object, elements as _elements)
from ._scalars import (generic, floating, to_cscalar, from_cscalar, bool_, True_, False_, _PY_BASE,
                       _datetime_base, void)

_lib = _backend.lib
_C = _backend.consts
_NULL = _backend.NULL
_FLAG_C = _C["CNP_FLAG_C_CONTIGUOUS"]
_FLAG_F = _C["CNP_FLAG_F_CONTIGUOUS"]

_INHOMOGENEOUS = ("setting an array element with a sequence. The requested array has an "
                  "inhomogeneous shape after %d dimensions. The detected shape was %s + "
                  "inhomogeneous part.")


# -- scalars -----------------------------------------------------------------------------------
def from_scalar(value, weak=False):
    """A 0-d array holding a Python or cnumpy scalar. weak=True keeps NEP 50's weak flag of
    Python int/float/complex (for values that meet another array's dtype: fill values,
    linspace bounds, assignments)."""
    s = to_cscalar(value)
    if not weak:
        s.flags = 0
    return produce(_lib.cnp_array_from_scalar, s, _NULL)


# Set by _datetime (a module above this one): [time_leaves_array, is_time_leaf, scalar_array]
# for lists holding datetime64/timedelta64 scalars or Python datetimes.
TIME = []
# Set by _records (above this one): [from_records(obj, record_dtype)], the conversion of nested
# lists of tuples (and void scalars) to arrays of a record dtype.
RECORDS = []


def _is_python_scalar(v):
    t = type(v)
    return t is float or t is int or t is bool or t is complex or isinstance(
        v, (int, float, complex)) or (isinstance(v, generic) and hasattr(t, "_typenum"))


def _big_int():
    """Ints beyond 64 bits: NumPy makes an object array of them (without dtype=)."""
    e = ObjectsNeeded("cnumpy: ints beyond 64 bits need an object array")
    e.error = OverflowError("Python int too large to convert to C long")
    return e


def _other_object(v):
    """A value only an object array holds (None, arbitrary objects)."""
    name = type(v).__name__
    e = ObjectsNeeded("cnumpy: cannot make an array of %s objects for this dtype" % name)
    e.error = None
    e.type_name = name     # (raised as it is; not itself: a cycle would keep the leaves alive)
    return e


# -- nested sequences ------------------------------------------------------------------------------
def _is_sequence(v):
    return type(v) is list or type(v) is tuple or isinstance(v, (list, tuple, range))


_SEQ_TYPES = {list, tuple}
_NUMBER_TYPES = {bool, int, float, complex}
_REAL_TYPES = {bool, int, float}


def _typed_nested(a):
    """An array element of a list as nested lists of cnumpy scalars of its dtype, so that the
    array's dtype (not its values' Python types) takes part in the promotion."""
    w = a.dtype.type._wrap
    nd = len(a.shape)
    if nd == 0:
        return a[()]

    def rec(node, depth):
        if depth == nd:
            return w(node)
        return [rec(x, depth + 1) for x in node]
    return rec(a.tolist(), 0)


def _expand(x):
    """A list element that is an array (cnumpy, or anything with __array_interface__ that is
    not a cnumpy scalar) as nested lists; other elements unchanged."""
    if isinstance(x, ndarray):
        if x.dtype.names is not None:
            return x.tolist() if x.ndim else x[()]      # records: tuples or void scalars
        return _typed_nested(x)
    if not isinstance(x, generic) and hasattr(x, "__array_interface__"):
        return _typed_nested(as_array(x))
    return x


_STR_TYPE, _BYTES_TYPE, _TEXT_TYPES = {str}, {bytes}, {str, bytes}


def _discover(obj):
    """(shape, flat leaves) of a nested list, NumPy's inhomogeneity error if it is ragged."""
    shape = []
    level = [obj]
    while True:
        types = set(map(type, level))       # C speed: the common cases skip per-item work
        if types <= _SEQ_TYPES:
            pass
        elif types <= _NUMBER_TYPES or types == _STR_TYPE or types == _BYTES_TYPE:
            return tuple(shape), level          # numbers, or text leaves (words, lines)
        else:
            level = [_expand(x) for x in level]
            seqs = [_is_sequence(x) for x in level]
            if not any(seqs):
                return tuple(shape), level
            if not all(seqs):
                raise ValueError(_INHOMOGENEOUS % (len(shape), tuple(shape)))
        lengths = {len(x) for x in level}
        if len(lengths) != 1:
            raise ValueError(_INHOMOGENEOUS % (len(shape), tuple(shape)))
        n = lengths.pop()
        shape.append(n)
        if n == 0:
            return tuple(shape), []
        level = [y for x in level for y in x]


def sequence_ndim(obj):
    """Number of nested sequence levels (following first elements; raggedness is found later
    by _discover)."""
    n = 0
    while _is_sequence(obj) or isinstance(obj, ndarray):
        if isinstance(obj, ndarray):
            return n + obj.ndim
        n += 1
        if not len(obj):
            break
        obj = obj[0]
    return n


def _leaf_dtype(leaves, typed):
    """NumPy's dtype for a list of scalars: bool < int64 < float64 < complex128, promoted with
    the dtypes of typed leaves (cnumpy/numpy scalars, arrays). NumPy 1.24 types each Python
    int on its own (int64, else uint64, else object) and then promotes, so int64 values mixed
    with uint64 values give float64."""
    types = set(map(type, leaves))
    if types <= _NUMBER_TYPES:
        return _python_leaf_dtype(leaves, types)
    has_bool = has_float = has_complex = small = big = False
    for v in leaves:
        t = type(v)
        if t is float:
            has_float = True
        elif t is int:
            if -0x8000000000000000 <= v <= 0x7FFFFFFFFFFFFFFF:
                small = True
            elif 0 <= v <= 0xFFFFFFFFFFFFFFFF:
                big = True
            else:
                raise _big_int()
        elif t is bool:
            has_bool = True
        elif t is complex:
            has_complex = True
        elif isinstance(v, generic):
            typed.add(v.dtype)
        elif isinstance(v, bool):
            has_bool = True
        elif isinstance(v, int):
            return _leaf_dtype([int(x) if isinstance(x, int) and not isinstance(x, bool)
                                else x for x in leaves], typed)
        elif isinstance(v, float):
            has_float = True
        elif isinstance(v, complex):
            has_complex = True
        elif hasattr(v, "dtype") and hasattr(v, "item"):
            typed.add(_dtype_cls(v.dtype))      # numpy scalars
        else:
            raise _other_object(v)
    names = []
    if has_complex:
        names.append("complex128")
    elif has_float:
        names.append("float64")
    if small and big:
        names.append("float64")
    elif big:
        names.append("uint64")
    elif small:
        names.append("int64")
    if has_bool and not names:
        names.append("bool")
    dts = [_dtype_cls(n) for n in names] + list(typed)
    if not dts:
        return _dtype_cls("float64")
    d = dts[0]
    for other in dts[1:]:
        if other is not d:
            d = promote_types(d, other)
    return d


def _python_leaf_dtype(leaves, types):
    """_leaf_dtype for leaves that are all exact bool/int/float/complex (the common case),
    without a per-item Python loop."""
    if int in types:
        ints = leaves if len(types) == 1 else [v for v in leaves if type(v) is int]
        lo, hi = min(ints), max(ints)
        if lo < -0x8000000000000000 or hi > 0xFFFFFFFFFFFFFFFF:
            raise _big_int()
        if hi <= 0x7FFFFFFFFFFFFFFF:
            int_name = "int64"
        elif lo <= 0x7FFFFFFFFFFFFFFF:
            int_name = "float64"        # int64 and uint64 values: NumPy 1.24 promotes so
        else:
            int_name = "uint64"
    if complex in types:
        return _dtype_cls("complex128")
    if float in types:
        return _dtype_cls("float64")
    if int in types:
        return _dtype_cls(int_name)
    if bool in types:
        return _dtype_cls("bool")
    return _dtype_cls("float64")        # no leaves: NumPy's empty list is float64


def _check_conversion(leaves, requested):
    """NumPy converts each element with int()/float() when the requested dtype is integer or
    real, so Python complex values and non-finite floats into integers raise Python's
    errors (the first offending element decides)."""
    k = requested.kind
    if k not in "iuf":
        return
    for v in leaves:
        t = type(v)
        if t is complex:
            if k == "f":
                raise TypeError("float() argument must be a string or a real number, not "
                                "'complex'")
            raise TypeError("int() argument must be a string, a bytes-like object or a real "
                            "number, not 'complex'")
        if k != "f" and (t is float or isinstance(v, (float, floating))):
            f = float(v)
            if f != f:
                raise ValueError("cannot convert float NaN to integer")
            if f in (float("inf"), float("-inf")):
                raise OverflowError("cannot convert float infinity to integer")


def _pack(leaves, d):
    """The leaves as an array.array holding dtype d's bytes (native order); None when some
    value does not fit."""
    k = d.kind
    n = len(leaves)
    types = set(map(type, leaves))
    if types <= _REAL_TYPES:
        # array.array converts exact Python numbers in C; the dtype was chosen so they fit.
        if k == "b" and types == {bool}:
            return _pyarray.array("B", bytes(leaves))
        if k == "f" and d.itemsize == 8:
            return _pyarray.array("d", leaves)
        if k == "i" and d.itemsize == 8 and float not in types:
            return _pyarray.array("q", leaves)
        if k == "u" and d.itemsize == 8 and float not in types:
            return _pyarray.array("Q", leaves)
    try:
        if k == "b":
            return _pyarray.array("B", bytes(1 if v else 0 for v in leaves))
        if k == "i" or k == "u":
            code = {1: "b", 2: "h", 4: "i", 8: "q"}[d.itemsize]
            if k == "u":
                code = code.upper()
            return _pyarray.array(code, [operator.index(v) for v in leaves])
        if k == "f":
            if d.itemsize == 2:
                return _pyarray.array("B", struct.pack("%de" % n, *[float(v) for v in leaves]))
            return _pyarray.array("f" if d.itemsize == 4 else "d",
                                  [float(v) for v in leaves])
        if k == "c":
            parts = []
            for v in leaves:
                z = complex(v)
                parts.append(z.real)
                parts.append(z.imag)
            return _pyarray.array("f" if d.itemsize == 8 else "d", parts)
    except (OverflowError, TypeError):
        return None
    raise NotImplementedError("cnumpy: cannot pack values as %s" % d)


_OUT_OF_BOUND = ("NumPy will stop allowing conversion of out-of-bound Python integers to integer "
                 "arrays.  The conversion of %d to %s will fail in the future.\nFor the old "
                 "behavior, usually:\n    np.array(value).astype(dtype)`\nwill give the desired "
                 "result (the cast overflows).")


def _pack_into_integer(leaves, d):
    """Python bools/ints/floats assigned one by one into integer dtype d, as NumPy 1.24's
    array(list, dtype=...) does: ints exactly (no float64 detour: 2**64 - 1 stays exact);
    an int outside d but inside C long (unsigned long for uint64) wraps with NumPy 1.24's
    DeprecationWarning; larger ones raise OverflowError. Returns None when a float is out of
    d's range (the library's cast then decides, as NumPy's C cast does)."""
    bits = d.itemsize * 8
    signed = d.kind == "i"
    lo, hi = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)
    top = 0xFFFFFFFFFFFFFFFF if d.kind == "u" and bits == 64 else 0x7FFFFFFFFFFFFFFF
    mask = (1 << bits) - 1
    out = []
    warned = False
    for v in leaves:
        if type(v) is float:
            v = int(v)              # truncation; nan/inf were rejected by _check_conversion
            if not lo <= v <= hi:
                return None
        else:
            v = int(v)
            if not lo <= v <= hi:
                if not -0x8000000000000000 <= v <= top:
                    raise OverflowError("Python int too large to convert to C long")
                if not warned:
                    warnings.warn(_OUT_OF_BOUND % (v, d.name), DeprecationWarning,
                                  stacklevel=_user_stacklevel())
                    warned = True
                v &= mask
                if signed and v > hi:
                    v -= 1 << bits
        out.append(v)
    code = {1: "b", 2: "h", 4: "i", 8: "q"}[d.itemsize]
    return _pyarray.array(code if signed else code.upper(), out)


def _from_data(data, d, shape):
    """One cnp_array_from_data call over a packed array.array."""
    nd = len(shape)
    addr = data.buffer_info()[0] if len(data) else 0
    return produce(_lib.cnp_array_from_data, _backend.voidp(addr) if addr else _NULL, d._h, nd,
               _backend.int64_array(shape) if nd else _NULL, _NULL)


def _text_array(leaves, shape, kind):
    """A U (UCS4) or S array of Python str / bytes leaves, as wide as the longest (at least 1).
    Built with C-level map/join and one encode: per-element Python code would cost more than the
    rest together."""
    m = len(leaves)
    n = max(1, max(map(len, leaves), default=1))
    if kind == "U":
        raw = "".join(map(str.ljust, leaves, _repeat(n, m), _repeat("\0", m))).encode("utf-32-le")
    else:
        raw = b"".join(map(bytes.ljust, leaves, _repeat(n, m), _repeat(b"\0", m)))
    return _from_data(_pyarray.array("B", raw), _dtype_cls("%s%d" % (kind, n)), shape)


_NUMBER_OF = {"b": bool, "i": int, "u": int, "f": float, "c": complex}


def without_none(leaves, requested):
    """None among leaves going into a requested dtype, as NumPy's setitem reads it: NaN for
    floats and complex (nan+nanj), False for bool, its text 'None' for strings; an integer
    dtype refuses it (int(None)'s TypeError). Other dtypes: the leaves unchanged."""
    kind = requested.kind
    if kind in "iu":
        raise TypeError("int() argument must be a string, a bytes-like object or a real number, "
                        "not 'NoneType'")
    none = {"f": float("nan"), "c": complex(float("nan"), float("nan")), "b": False,
            "U": "None", "S": b"None"}.get(kind, _NO_VALUE)
    if none is _NO_VALUE:
        return leaves
    return [none if v is None else v for v in leaves]


_NO_VALUE = object()


def _truth_array(leaves, shape):
    """Strings and bytes into a requested bool dtype: NumPy's setitem takes each one's truth
    (bool('0') is True, only '' is False), not the str->bool cast that parses an integer."""
    return _from_data(_pyarray.array("B", [1 if v else 0 for v in leaves]), _dtype_cls("bool"),
                      shape)


def _mixed_text(leaves, shape, requested):
    """Leaves mixing strings (or bytes) with numbers, as NumPy 1.24 makes them: a requested
    number dtype converts each string as its setitem does (int('2'), float('2.5'), bool(s)); else
    a string array (U if any leaf is a str) of str() of every number, as wide as NumPy's
    promotion of the numbers' dtypes with the strings makes it (int64 21, float 32, bool 5,
    complex 64; an unsized requested U/S: the longest text)."""
    if requested is not None and requested.kind in _NUMBER_OF:
        conv = _NUMBER_OF[requested.kind]
        flat = [conv(v) if isinstance(v, (str, bytes)) else v for v in leaves]
        return from_sequence(flat, requested).reshape(shape)
    if requested is not None and requested.kind in "US":
        kind = requested.kind
    else:
        kind = "U" if any(isinstance(v, str) for v in leaves) else "S"
    texts, dt = [], None
    for v in leaves:
        if isinstance(v, str):
            t = v
        elif isinstance(v, bytes):
            t = v.decode("ascii") if kind == "U" else v
        elif isinstance(v, (bool, int, float, complex, generic)) and not isinstance(v, _datetime_base):
            t = str(v)
            if requested is None:
                if type(v) is int:
                    if not -2**63 <= v < 2**64:
                        raise _big_int()
                    d = _dtype_cls("int64" if v < 2**63 else "uint64")
                else:
                    d = v.dtype if isinstance(v, generic) else _leaf_dtype([v], set())
                dt = d if dt is None else promote_types(dt, d)
        else:
            raise _other_object(v)
        if kind == "S" and isinstance(t, str):
            t = t.encode("ascii")
        texts.append(t)
    a = _text_array(texts, shape, kind)
    if requested is not None:       # the caller casts to a sized requested width
        return a
    width = promote_types(dt, a.dtype) if dt is not None else a.dtype
    return a if width == a.dtype else a.astype(width)


def from_sequence(obj, requested=None):
    """A new C-contiguous array from a nested list/tuple (or a lone Python number), in the
    requested dtype when the values can be converted one by one as NumPy does, else in the
    inferred dtype (the caller casts)."""
    shape, leaves = _discover(obj)
    types = set(map(type, leaves))
    if requested is not None and type(None) in types and requested.kind in "fcbUSiu":
        leaves = without_none(leaves, requested)
        types = set(map(type, leaves))
    if leaves and any(issubclass(t, void) for t in types):
        return _void_leaves(obj, shape, leaves)
    if TIME and leaves and not types <= _NUMBER_TYPES and (
            any(map(TIME[1], leaves)) or (requested is not None and requested.kind in "Mm" and
                                          types != _STR_TYPE and types != _BYTES_TYPE)):
        return TIME[0](leaves, shape, requested)       # (strings alone: the cast parses them)
    if requested is not None and requested.kind == "b" and leaves and types <= _TEXT_TYPES:
        return _truth_array(leaves, shape)
    if types == _STR_TYPE:
        return _text_array(leaves, shape, "U")      # the caller casts to a requested dtype
    if types == _BYTES_TYPE:
        return _text_array(leaves, shape, "S")
    if leaves and not types <= _NUMBER_TYPES and any(isinstance(v, (str, bytes)) for v in leaves):
        return _mixed_text(leaves, shape, requested)
    if requested is not None and leaves:
        types = set(map(type, leaves))
        if types <= _NUMBER_TYPES:
            _check_conversion(leaves, requested)
            if types <= _REAL_TYPES:
                if requested.kind in "iu":
                    data = _pack_into_integer(leaves, requested)
                    if data is not None:
                        # packed in native order: a byte-swapped request is the caller's cast
                        native = requested if requested.isnative else requested.newbyteorder("=")
                        return _from_data(data, native, shape)
                elif requested.kind in "fc" and int in types:
                    # float() of each int, as NumPy (ints beyond 64 bits included).
                    return _from_data(_pyarray.array("d", [float(v) for v in leaves]),
                                      _dtype_cls("float64"), shape)
    typed = set()
    inferred = _leaf_dtype(leaves, typed)
    if requested is not None and inferred.kind in "fc":
        _check_conversion(leaves, requested)
    data = _pack(leaves, inferred)
    if data is None:
        # A typed leaf's dtype is narrower than some Python int: pack through int64/float64.
        inferred = _dtype_cls("float64" if inferred.kind == "f" else "int64")
        data = _pack(leaves, inferred)
        if data is None:
            raise OverflowError("Python int too large to convert to C long")
    return _from_data(data, inferred, shape)


def _void_leaves(obj, shape, leaves):
    """A list of void scalars (records) without a dtype: an array of their common dtype, as
    NumPy's discovery finds it; mixed with other values it is inhomogeneous."""
    d = None
    for v in leaves:
        if not isinstance(v, void):
            raise ValueError(_INHOMOGENEOUS % (len(shape), shape))
        d = v.dtype if d is None else promote_types(d, v.dtype)
    if d.names is None:
        raise NotImplementedError("cnumpy: arrays of plain void scalars from lists are not "
                                  "supported")
    return RECORDS[0](obj, d)


# -- the general conversion ----------------------------------------------------------------------
def _split_chars(obj):
    """NumPy's discovery for the 'c' dtype: a str or bytes whose length is not 1 is a sequence
    of its characters (bytes: of its byte values, which then convert as numbers, so b'ab' gives
    [b'9', b'8']), inside lists and tuples too; array('abc', dtype='c') is [b'a', b'b', b'c']."""
    if isinstance(obj, (str, bytes)):
        return list(obj) if len(obj) != 1 else obj
    if isinstance(obj, (list, tuple)):
        return [_split_chars(v) for v in obj]
    return obj


def _from_any(obj, requested=None):
    """(array, fresh): obj as a cnumpy array; fresh tells whether it is a new array that shares
    memory with nothing else (so array() need not copy it again)."""
    if isinstance(obj, ndarray):
        return obj, False
    if requested is not None and requested.char == "c" and isinstance(obj, (str, bytes, list, tuple)):
        obj = _split_chars(obj)
    if requested is not None and requested.names is not None and (
            _is_sequence(obj) or isinstance(obj, void)):
        return RECORDS[0](obj, requested), True       # tuples are records, lists dimensions
    if isinstance(obj, void):
        return obj._view().copy(), True
    if isinstance(obj, _datetime_base):
        return obj._array(), True
    if requested is not None and requested.kind == "O":
        if not isinstance(obj, (ndarray, generic)) and hasattr(obj, "__array_interface__"):
            return _objects_from(_from_any(obj)[0]), True     # NumPy arrays: their elements
        return _objects_from(obj), True
    if _is_python_scalar(obj):
        if requested is not None and type(obj) in _NUMBER_TYPES:
            return from_sequence(obj, requested), True      # converted as a list element
        if requested is None and type(obj) is int and not -2**63 <= obj < 2**64:
            return _objects_of([obj], ()), True
        return from_scalar(obj), True
    if _is_sequence(obj):
        try:
            return from_sequence(obj, requested), True
        except ObjectsNeeded as e:
            if requested is not None:
                raise _conversion_error(e, requested) from None
            return _objects_from(obj), True
    if obj is None and requested is not None and requested.kind in "fcbUSiu":
        return from_sequence([None], requested).reshape(()), True   # NaN, False, 'None'
    if isinstance(obj, (str, bytes)):
        if requested is not None and requested.kind == "b":
            return _truth_array([obj], ()), True
        return _text_array([obj], (), "U" if isinstance(obj, str) else "S"), True
    ai = getattr(obj, "__array_interface__", None)
    if ai is not None and ai.get("typestr") == "|O" and hasattr(obj, "reshape"):
        return _objects_of(list(obj.reshape(-1)), tuple(ai["shape"])), True   # NumPy's objects
    if ai is not None:
        r = wrap(_wrapmem.from_array_interface(obj, ai))
        r._base = obj
        return r, False
    try:
        memoryview(obj).release()
    except TypeError:
        pass
    else:
        r = wrap(_wrapmem.from_buffer_protocol(obj))
        r._base = memoryview(obj)       # NumPy's base for a PEP 3118 exporter
        return r, False
    if TIME and isinstance(obj, (_pydt.date, _pydt.timedelta)):
        return TIME[2](obj), True
    a = _from_other(obj, requested)
    if a is not None:
        return a, True
    if requested is None:           # NumPy: a 0-d object array holding it
        return _objects_of([obj], ()), True
    raise NotImplementedError("cnumpy: cannot make an array of %s objects as %s"
                              % (type(obj).__name__, requested))


def _conversion_error(e, requested):
    """The error NumPy's setitem of the requested dtype raises for a leaf only an object array
    holds (int()/float()/complex() of it)."""
    if e.error is not None:
        return e.error
    name = getattr(e, "type_name", None)
    k = requested.kind
    if name is not None and k in "iu":
        return TypeError("int() argument must be a string, a bytes-like object or a real number, "
                         "not '%s'" % name)
    if name is not None and k == "f":
        return TypeError("float() argument must be a string or a real number, not '%s'" % name)
    if name is not None and k == "c":
        return TypeError("complex() first argument must be a string or a number, not '%s'"
                         % name)
    return e


def _from_other(obj, requested=None):
    """NumPy scalars without the array interface, objects with __array__ (via NumPy, which
    such objects need anyway), numbers with __index__/__float__/__complex__ when a dtype is
    requested (without one NumPy makes a 0-d object array of Fraction, Decimal ...)."""
    if hasattr(obj, "__array__"):
        return _from_any(obj.__array__())[0]
    if hasattr(obj, "dtype") and hasattr(obj, "item"):
        return from_scalar(obj)
    if requested is not None and (hasattr(obj, "__index__") or hasattr(obj, "__float__") or
                                  hasattr(obj, "__complex__")):
        return from_scalar(obj)
    if hasattr(obj, "__len__") and hasattr(obj, "__getitem__"):
        return from_sequence(list(obj))
    return None


def _layout_ok(a, order):
    if order is None or order == "K" or order == "A":
        return True
    bits = a._flag_bits()
    if order == "C":
        return bool(bits & _FLAG_C)
    if order == "F":
        return bool(bits & _FLAG_F)
    return True


def array(object, dtype=None, *, copy=True, order="K", subok=False, ndmin=0, like=None):
    """numpy.array: a new array (always a copy unless copy=False allows sharing)."""
    o = _args.order(order)          # validates order before any work
    d = None if dtype is None else _dtype_cls(dtype)
    a, fresh = _from_any(object, d)
    if d is not None and a.dtype is not d and not _unit_found(a, d):
        if d.kind == "O" or a.dtype.kind == "O":
            a = cast_objects(a, d)
        else:
            a = produce(_lib.cnp_astype, a._h, d._h, o, _args.CASTING_UNSAFE, 1)
    elif (copy and not fresh) or not _layout_ok(a, _norm_order(order)):
        a = produce(_lib.cnp_copy, a._h, o)
    if ndmin and a.ndim < ndmin:
        a = a.reshape((1,) * (ndmin - a.ndim) + a.shape)
    if isinstance(object, ndarray) and type(object) is not ndarray:
        a = _subok_result(a, object, subok)
    return a


def _subok_result(a, obj, subok):
    """np.array of an ndarray subclass (recarray, memmap, chararray): the subclass with subok,
    else a base-class ndarray (a view of obj when nothing was copied)."""
    if subok:
        if type(a) is type(obj):
            return a
        r = as_subclass(a, type(obj))
        if a._base is None:
            r._base = None      # a copy owns its data
        return finalize(r, obj)
    if type(a) is not ndarray:
        a = set_base(produce(_lib.cnp_array_view, a._h, a.dtype._h), a)
    return a


def cast_objects(a, d):
    """a as dtype d when one side is the object dtype (the C core moves no values between
    object and other dtypes): to object, each element's Python value (item()); from object,
    each element converted as numpy.array converts a list of them to d."""
    if d.kind == "O":
        return a.copy() if a.dtype.kind == "O" else _to_object(a)
    flat = _elements(a)
    if d.kind in "US" and d.itemsize == 0:      # str() of each element, as wide as the longest
        if d.kind == "U":
            flat = [v.decode("ascii") if isinstance(v, bytes) else v if isinstance(v, str)
                    else str(v) for v in flat]
        else:
            flat = [v if isinstance(v, bytes) else str(v).encode("ascii") for v in flat]
        return array(flat).reshape(a.shape) if flat else array(flat, dtype=d).reshape(a.shape)
    if not flat:
        return produce(_lib.cnp_empty, a.ndim, _backend.int64_array(a.shape) if a.ndim else _NULL,
                       d._h, 0)
    r = array(flat, dtype=d)
    if r.shape != (len(flat),):
        raise ValueError("setting an array element with a sequence.")
    return r.reshape(a.shape)


def _unit_found(a, d):
    """A unitless datetime64/timedelta64 request that the conversion gave a unit (NumPy's
    unit discovery from strings and datetime objects): the array keeps it."""
    return d.kind in "Mm" and a.dtype.kind == d.kind and "[" not in d.str


def _norm_order(order):
    return order.upper() if isinstance(order, str) else order


def asarray(a, dtype=None, order=None, *, like=None):
    """numpy.asarray: `a` itself when it already is a cnumpy array of that dtype and order."""
    if type(a) is ndarray and dtype is None and order is None:
        return a
    o = _args.order(order)
    d = None if dtype is None else _dtype_cls(dtype)
    arr, fresh = _from_any(a, d)
    if type(arr) is not ndarray:
        # a subclass (memmap, chararray, recarray): NumPy's asarray gives the base class, sharing memory
        # (its base is the subclass instance)
        arr = produce_view(_lib.cnp_array_view, arr, arr.dtype._h)
    if d is not None and arr.dtype is not d and not _unit_found(arr, d):
        return produce(_lib.cnp_astype, arr._h, d._h, o, _args.CASTING_UNSAFE, 1)
    if not _layout_ok(arr, _norm_order(order)):
        return produce(_lib.cnp_copy, arr._h, o)
    return arr


def asanyarray(a, dtype=None, order=None, *, like=None):
    """numpy.asanyarray: asarray, but a subclass instance (memmap, chararray) stays as it is."""
    if isinstance(a, ndarray) and dtype is None and order is None:
        return a
    return asarray(a, dtype, order)


def ascontiguousarray(a, dtype=None, *, like=None):
    """numpy.ascontiguousarray: C-contiguous, at least 1-d (NumPy 1.24 turns 0-d into (1,))."""
    arr = asarray(a, dtype, order="C")
    if not arr.shape:
        arr = arr.reshape(1)
    return arr


def asfortranarray(a, dtype=None, *, like=None):
    arr = asarray(a, dtype, order="F")
    if not arr.shape:
        arr = arr.reshape(1)
    return arr


def as_source(value, dst=None):
    """A value on the right of an assignment (or a fill value) as an array: Python scalars stay
    weak so that they take the destination's type as NumPy 2 does. dst: the destination's
    dtype, for the values NumPy converts with the destination's setitem rather than by a cast:
    None (NaN, False, 'None'), and strings into bool (their truth: '0' is True)."""
    if isinstance(value, ndarray):
        return value
    if _is_python_scalar(value):
        return from_scalar(value, weak=True)
    if dst is not None and dst.kind in "biufcUS":
        if value is None or (dst.kind == "b" and isinstance(value, (str, bytes))):
            return array(value, dtype=dst)
        a = _from_any(value)[0]
        if isinstance(value, (list, tuple)) and (
                a.dtype.kind == "O" or (dst.kind == "b" and a.dtype.kind in "US")):
            return array(value, dtype=dst)
        return a
    return _from_any(value)[0]


def as_array(value):
    """An array-like argument as an array (asarray without dtype handling)."""
    if type(value) is ndarray:
        return value
    return _from_any(value)[0]


# -- the scalar types' constructors (attached as __new__ by _methods) ---------------------------
def _is_arraylike(v):
    return isinstance(v, (list, tuple)) or (hasattr(v, "shape") and getattr(v, "ndim", 0) > 0)


def scalar_cast(cscalar, dt):
    """cscalar converted to dtype dt as NumPy casts (unsafely), as a cnumpy scalar."""
    a = produce(_lib.cnp_array_from_scalar, cscalar, _NULL)
    b = produce(_lib.cnp_astype, a._h, dt._h, _args.ORDER_K, _args.CASTING_UNSAFE, 0)
    return from_cscalar(get_scalar(b._h, ()))


def _construct(cls, value):
    """NumPy's conversion for cls(value): a 0-d array of the value cast (unsafely) to cls's dtype,
    read back as a scalar. Sequences give arrays, as in NumPy."""
    if _is_arraylike(value):
        return array(value, dtype=cls.dtype)
    if isinstance(value, str):
        k = cls.dtype.kind
        value = int(value) if k in "iu" else complex(value) if k == "c" else float(value)
    return scalar_cast(to_cscalar(value), cls.dtype)


def scalar_constructor(cls):
    """cls.__new__ for a numeric scalar type: cls(value=0)."""
    base = _PY_BASE.get(cls)
    if base is not None:
        def __new__(klass, value=0, _base=base):
            if type(value) is _base and (_base is not int or -2**63 <= value < 2**63):
                return _base.__new__(klass, value)      # exact already: no library round trip
            return _construct(klass, value)
    else:
        def __new__(klass, value=0):
            return _construct(klass, value)
    return __new__


def bool_new(cls, value=False):
    """bool_.__new__: one of the two instances, or an array for a sequence."""
    if type(value) is bool_:
        return value
    if _is_arraylike(value):
        return array(value, dtype=cls.dtype)
    return True_ if value else False_
