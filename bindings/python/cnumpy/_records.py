"""Structured arrays (records) in Python terms: arrays of a record dtype from nested lists of
tuples, NumPy 1.24's multi-field index (a view keeping the original itemsize and offsets), the
void scalar's constructor, and the sort keys of a record array (docs/records.md).

The record layout, field views (`a['age']`), casts between records and the data movement of
any dtype are the library's (src/core/dtype*.cpp, cast_any.cpp); this module only turns
Python values into columns, which the library then copies into the fields' strided views, so
building n records costs one conversion per field rather than per element.
"""
import array as _pyarray
from itertools import repeat as _repeat
from operator import itemgetter as _itemgetter

from . import _args, _backend, _convert
from ._capi import call_writing, produce, produce_view
from ._dtype import dtype as _dtype_cls
from ._ndarray import ndarray
from ._scalars import generic, void

_lib = _backend.lib
_NULL = _backend.NULL

_NUMBERS = (int, float, complex, generic, ndarray)
_TUPLE_LENGTH = "could not assign tuple of length %d to structure with %d fields."
_SEQUENCE = "setting an array element with a sequence"


# -- Python values -> record arrays ------------------------------------------------------------
def _discover(obj):
    """(shape, leaves) of a nested list for a record dtype: lists (and arrays without fields)
    are dimensions; tuples, void scalars, strings and numbers are elements, as NumPy reads them
    for a structured dtype (a tuple is always one record)."""
    shape = []
    level = [obj]
    while True:
        types = set(map(type, level))       # C speed: no per-item Python code when uniform
        if any(issubclass(t, ndarray) for t in types):
            level = [x.tolist() if isinstance(x, ndarray) and x.ndim else
                     x[()] if isinstance(x, ndarray) else x for x in level]
            types = set(map(type, level))
        if types == {list}:
            pass
        elif not any(issubclass(t, list) for t in types):
            return tuple(shape), level
        else:
            raise ValueError(_convert._INHOMOGENEOUS % (len(shape), tuple(shape)))
        lengths = set(map(len, level))
        if len(lengths) != 1:
            raise ValueError(_convert._INHOMOGENEOUS % (len(shape), tuple(shape)))
        n = lengths.pop()
        shape.append(n)
        if n == 0:
            return tuple(shape), []
        level = [y for x in level for y in x]


def _as_tuple(leaf, nfields):
    """One element as a tuple of field values: a void scalar by position (NumPy assigns records
    field by field in order), anything else (a number, a string) to every field."""
    if type(leaf) is tuple:
        return leaf
    if isinstance(leaf, void):
        return tuple(leaf.item()) if leaf.dtype.names is not None else (leaf.item(),) * nfields
    if isinstance(leaf, tuple):
        return tuple(leaf)
    return (leaf,) * nfields


def _copy_into(dst, src):
    call_writing(dst, src, _lib.cnp_copyto, dst._h, src._h, _args.CASTING_UNSAFE, _NULL)


_PLAIN_NUMBERS = {int, float, bool, complex}
_INTS = {int, bool}
_REALS = {int, float, bool}


def _complex_of(v):
    """complex() as NumPy's setitem applies it: bytes are decoded (UTF-8) first."""
    return complex(v.decode("utf-8") if isinstance(v, bytes) else v)


def _scalar_values(values, fd):
    """A column's values as NumPy's setitem of fd converts each one: int()/float()/complex()
    of strings for numbers (so 'x' into an int field is Python's ValueError), str() of
    numbers for a U field, their text's bytes for an S field."""
    kind = fd.kind
    types = set(map(type, values))
    if type(None) in types and kind in "fcbUSiu":
        values = _convert.without_none(values, fd)
        types = set(map(type, values))
    if kind == "M" and "[" not in fd.str:
        for v in values:    # a generic-unit field holds only NaT (NumPy's setitem errors)
            if isinstance(v, (str, bytes)) and v and v.lower() not in ("nat", b"nat"):
                raise ValueError("Cannot create a NumPy datetime other than NaT with generic units")
            if isinstance(v, int) and not isinstance(v, bool):
                raise ValueError("Converting an integer to a NumPy datetime requires a specified unit")
    if types <= _PLAIN_NUMBERS:
        return values
    if any(issubclass(t, (list, tuple)) for t in types):
        raise ValueError("setting an array element with a sequence.")
    if kind in "iufc" and not all(issubclass(t, _NUMBERS) for t in types):
        conv = int if kind in "iu" else float if kind == "f" else _complex_of
        return [v if isinstance(v, _NUMBERS) else conv(v) for v in values]
    if kind == "b" and types <= {str, bytes}:
        return [bool(v) for v in values]    # NumPy's setitem: the string's truth
    if kind == "U" and types != {str}:
        # bytes decode as ASCII (b'5' is '5', not "b'5'")
        return [v if isinstance(v, str) else v.decode("ascii") if isinstance(v, bytes) else str(v)
                for v in values]
    if kind == "S" and types != {bytes}:
        return [v if isinstance(v, bytes) else str(v).encode("ascii") for v in values]
    return values


def _filled(shape, v):
    for n in reversed(shape):
        v = [v] * n
    return v


def _fill_field(view, column, fd, n):
    """Writes one field's values (one per record, in order) into its view (n records, then the
    subarray's axes)."""
    values = list(column)
    if fd.subdtype is not None and fd.names is None:
        base, sub = fd.subdtype
        seqs = [isinstance(v, (list, tuple, ndarray)) for v in values]
        if any(seqs) and not all(seqs):      # a scalar fills its record's whole subarray
            values = [v if s else _filled(sub, v) for v, s in zip(values, seqs)]
        if any(seqs) and base.names is None:
            col = _convert.array(values, base)
            if col.shape[1:] != tuple(sub):
                for v in values:
                    one = _convert.array(v, base)
                    if one.shape != tuple(sub):
                        raise ValueError("could not broadcast input array from shape %s into "
                                         "shape %s" % (one.shape, tuple(sub)))
        else:
            col = _convert.array(values if base.names is not None else
                                 _scalar_values(values, base), base)
            if col.ndim == 1 and sub:
                col = col.reshape((n,) + (1,) * len(sub))     # one scalar per record
    elif fd.names is not None:
        col = _convert.array(values, fd)
    else:
        col = _column(values, fd)
    _copy_into(view, col)


def _column(values, fd):
    """One scalar field's values as an array that casts to fd as NumPy's element-by-element
    conversion would: uniform columns (str, bytes, in-range ints, floats) take one C-speed
    conversion each, anything else goes value by value (_scalar_values)."""
    kind = fd.kind
    types = set(map(type, values))
    n = len(values)
    if types == {str} and kind == "U" or types == {bytes} and kind == "S":
        width = fd.itemsize // (4 if kind == "U" else 1)
        if 0 < width and max(map(len, values)) <= width:   # the field's width: a plain copy later
            if kind == "U":
                raw = "".join(map(str.ljust, values, _repeat(width, n),
                                  _repeat("\0", n))).encode("utf-32-le")
            else:
                raw = b"".join(map(bytes.ljust, values, _repeat(width, n), _repeat(b"\0", n)))
            return _convert._from_data(_pyarray.array("B", raw), _dtype_cls(fd.str.lstrip("<>|=")
                                       if kind == "S" else "<U%d" % width), (n,))
        return _convert._text_array(values, (n,), kind)
    if types <= _INTS and kind in "iu":
        bits = fd.itemsize * 8
        lo, hi = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if kind == "i" else (0, (1 << bits) - 1)
        if lo <= min(values) and max(values) <= hi and hi < 1 << 63:
            return _convert.array(values)           # int64: the cast to fd is exact
    if types <= _REALS and kind in "fc" and fd.itemsize >= 4:
        big = 1 << 63
        if float in types or all(-big <= v < big for v in (min(values), max(values))):
            return _convert.array(values)           # int64 or float64, then the field's cast
    return _convert.array(_scalar_values(values, fd), fd)


def from_records(obj, d, maxdim=None):
    """numpy.array(obj, dtype=d) for a record dtype d: a new C-contiguous array. maxdim: the
    most dimensions an assigned value may have beyond leading length-1 ones."""
    shape, leaves = _discover(obj)
    if maxdim is not None and len(shape) > maxdim:
        extra = len(shape) - maxdim
        if any(k != 1 for k in shape[:extra]):
            raise ValueError(_SEQUENCE)
        shape = shape[extra:]
    out = produce(_lib.cnp_zeros, len(shape), _backend.int64_array(shape) if shape else _NULL,
                  d._h, _args.ORDER_C)
    n = len(leaves)
    if not n:
        return out
    names = d.names
    nf = len(names)
    if set(map(type, leaves)) != {tuple}:
        leaves = [_as_tuple(x, nf) for x in leaves]
    lengths = set(map(len, leaves))
    if lengths != {nf}:
        bad = next(len(x) for x in leaves if len(x) != nf)
        raise ValueError(_TUPLE_LENGTH % (bad, nf))
    flat = out.reshape(n)
    fields = d.fields
    for i, name in enumerate(names):
        column = list(map(_itemgetter(i), leaves))
        fd = fields[name][0]
        _fill_field(produce(_lib.cnp_array_field, flat._h, name.encode("utf-8")), column, fd, n)
    return out


def source_for(view, value):
    """A value assigned to a region of a record array, as an array of the region's dtype
    (tuples are records, lists are dimensions); NumPy's errors for a sequence that is deeper
    than the region or a tuple of the wrong length."""
    if isinstance(value, ndarray):
        return value
    if isinstance(value, void) and value.dtype.names is not None:
        return value._view()
    if not view.ndim and isinstance(value, list):
        raise ValueError(_SEQUENCE)      # one element takes a tuple, never a list
    return from_records(value, view.dtype, view.ndim)


_convert.RECORDS.append(from_records)


# -- multi-field index ---------------------------------------------------------------------------
def field_names(key):
    """True for a list of field names (a multi-field index), NumPy's test: a non-empty list
    whose items are all str."""
    return type(key) is list and key != [] and all(type(k) is str for k in key)


def multi_field(arr, names):
    """arr[['a', 'c']] as NumPy 1.24: a view with only those fields at their offsets and the
    original itemsize (numpy.lib.recfunctions.repack_fields makes it packed)."""
    d = arr.dtype
    if d.names is None:
        raise IndexError(_convert_index_error())
    key = (d, tuple(names))
    view_dtype = _MULTI.get(key)
    if view_dtype is None:
        view_dtype = _multi_field_dtype(d, names)
        if len(_MULTI) >= 256:
            _MULTI.clear()
        _MULTI[key] = view_dtype
    return produce_view(_lib.cnp_array_view, arr, view_dtype._h)


_MULTI = {}     # (dtype, names) -> the view's dtype: building it costs ~30 us of library calls


def _multi_field_dtype(d, names):
    fields = d.fields
    seen = set()
    spec = {"names": [], "formats": [], "offsets": [], "titles": [], "itemsize": d.itemsize}
    for name in names:
        if name not in fields:
            raise KeyError(name)
        entry = fields[name]
        if len(entry) == 3 and entry[2] == name:
            raise KeyError("cannot use field titles in multi-field index")
        if name in seen:
            raise ValueError("duplicate field of name '%s'" % name)
        seen.add(name)
        spec["names"].append(name)
        spec["formats"].append(entry[0])
        spec["offsets"].append(entry[1])
        spec["titles"].append(entry[2] if len(entry) == 3 else None)
    if not any(t is not None for t in spec["titles"]):
        del spec["titles"]
    return _dtype_cls(spec)


def _convert_index_error():
    return ("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer "
            "or boolean arrays are valid indices")


# -- sort keys -----------------------------------------------------------------------------------
# -- the void scalar's constructor (attached by _methods) ---------------------------------------
def void_new(cls, length_or_data, dtype=None):
    """numpy.void(length_or_data, dtype=None): with a record dtype, a record of those values
    (a tuple of fields, or bytes of the record); else raw bytes (an int: that many zero bytes)."""
    if dtype is not None:
        d = _dtype_cls(dtype)
        if d.names is not None and not isinstance(length_or_data, (bytes, int)):
            return cls._at(from_records(length_or_data, d), ())
    data = length_or_data
    if isinstance(data, int) and not isinstance(data, bool):
        if not 0 <= data <= 2147483647:
            raise OverflowError("size must be non-negative and not greater than 2147483647")
        data = bytes(data)
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError("A bytes-like object is required, not '%s'" % type(data).__name__)
    data = bytes(data)
    d = _dtype_cls(dtype) if dtype is not None else _dtype_cls("V%d" % max(len(data), 1))
    data = data[:d.itemsize].ljust(d.itemsize, b"\0")     # NumPy pads or cuts to the dtype
    return cls._at(_convert._from_data(_pyarray.array("B", data), d, ()), ())
