"""Object arrays on the Python side (docs/object-dtype.md): making them from Python objects,
conversions to and from the other dtypes, element stores and fills.

The library holds references it never interprets; the package hands it id(obj) (None as NULL)
while the object is alive, and the library's hooks (_objrefs) take the references it keeps.
Everything the C core refuses for object arrays (casts, arithmetic, printing, sorting) is done
here or in the modules above, element by element with Python's own operations, as NumPy's
object loops do.
"""
import array as _pyarray
import ctypes
import struct

from . import _backend, _objrefs
from ._capi import call, produce
from ._dtype import dtype as _dtype_cls
from ._ndarray import ndarray

_lib = _backend.lib
_NULL = _backend.NULL
_voidp = _backend.voidp
_int64_array = _backend.int64_array
_reference = _objrefs.reference

OBJECT = _dtype_cls("O")
_MAXDIMS = 32


class ObjectsNeeded(NotImplementedError):
    """A conversion met values that only an object array holds (ints beyond 64 bits, None,
    arbitrary objects): array() without dtype= makes an object array of them, as NumPy does."""


def is_object(a):
    return isinstance(a, ndarray) and a.dtype.kind == "O"


def from_leaves(leaves, shape):
    """An object array of the given shape holding the objects of a flat list (C order)."""
    refs = _pyarray.array("Q", map(id, leaves))      # (_objrefs.reference, at C speed)
    addr = refs.buffer_info()[0] if len(refs) else 0
    nd = len(shape)
    # `leaves` keeps every object alive during the call; the library increfs what it stores.
    return produce(_lib.cnp_array_from_data, _voidp(addr) if addr else _NULL, OBJECT._h, nd,
                   _int64_array(shape) if nd else _NULL, _NULL)


def _is_sequence(v):
    return type(v) is list or type(v) is tuple or isinstance(v, (list, tuple, ndarray)) and (
        not isinstance(v, ndarray) or v.ndim > 0)


def discover(obj, maxdims=_MAXDIMS):
    """(shape, leaves) of obj as an object array, as NumPy discovers it for dtype=object: the
    deepest level (at most maxdims) at which every item is a sequence of one common length;
    what lies below stays as objects (a ragged list gives an array of lists)."""
    shape = []
    level = [obj]
    while len(shape) < maxdims and level:
        types = set(map(type, level))       # C speed for the common all-leaves level
        if not any(issubclass(t, (list, tuple, ndarray)) for t in types):
            break
        if not all(map(_is_sequence, level)):
            break
        lengths = {len(x) for x in level}
        if len(lengths) != 1:
            break
        shape.append(lengths.pop())
        # Arrays of other dtypes give their elements' Python values (NumPy casts them to object).
        level = [y for x in level
                 for y in (x.tolist() if isinstance(x, ndarray) and x.dtype.kind != "O" else x)]
    return tuple(shape), level


def from_python(obj, maxdims=_MAXDIMS):
    """numpy.array(obj, dtype=object)."""
    if isinstance(obj, ndarray):
        return obj.copy() if obj.dtype.kind == "O" else to_object(obj)
    shape, leaves = discover(obj, maxdims)
    return from_leaves(leaves, shape)


def to_object(a):
    """A non-object array as a new object array of its elements' Python values (NumPy's
    astype(object): item() of each element)."""
    shape = a.shape
    leaves = [a.item()] if not shape else a.reshape(-1).tolist()
    return from_leaves(leaves, shape)


def elements(a):
    """The elements of an array as Python objects, flat in C order (an object array's objects
    themselves)."""
    if not a.shape:
        return [a.item()]
    if a.dtype.kind == "O":
        return object_list(a)
    return a.reshape(-1).tolist()


def object_list(a):
    """The objects of an object array, flat in C order: its references read in one piece."""
    n = a.size
    if not n:
        return []
    c = a if a.flags.c_contiguous else a.copy()
    return _objrefs.read(c._address(), n)   # c keeps the references alive while they are read


def empty(shape, order=0):
    """A new object array of Nones."""
    nd = len(shape)
    return produce(_lib.cnp_empty, nd, _int64_array(shape) if nd else _NULL, OBJECT._h, order)


def fill(a, value):
    """a[...] = value, the one object in every element."""
    ref = _reference(value)
    call(_lib.cnp_object_fill, a._h, _voidp(ref) if ref else _NULL)


def full(shape, value, order=0):
    a = empty(shape, order)
    if value is not None:
        fill(a, value)
    return a


def store(a, ints, value):
    """a[ints] = value for one element: the object itself (a list stays a list)."""
    buf = ctypes.create_string_buffer(struct.pack("P", _reference(value)), 8)
    call(_lib.cnp_array_setitem_bytes, a._h, len(ints), _int64_array(ints) if ints else _NULL,
         _voidp(ctypes.addressof(buf)), 8)
