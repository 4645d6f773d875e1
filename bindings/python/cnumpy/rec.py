"""numpy.rec (numpy.core.records): record arrays, structured arrays whose fields are also
attributes (`r.age`), and their constructors fromarrays, fromrecords, fromstring, fromfile,
array, with format_parser (NumPy 1.24's behaviour and messages).

cnumpy's ndarray results are plain ndarrays (the library's handles know no Python subclass), so
a recarray is an ndarray subclass whose structured results are re-adopted as recarrays here:
indexing, attribute access and the shape/copy methods listed in _KEEP_TYPE. The elements are
`record`s: numpy.void with attribute access to the fields.
"""
import builtins
import os
import warnings

from ._arrayprint import array2string
from ._convert import array as _array, asarray as _asarray
from ._dtype import dtype as _dtype
from ._ndarray import as_subclass, ndarray
from ._scalars import record, void

__all__ = ["record", "recarray", "format_parser", "fromarrays", "fromrecords", "fromstring",
           "fromfile", "array", "find_duplicate"]

_SLOTS = ("_h", "_shape", "_strides", "_dtype")

# numpy.core.records._byteorderconv
_BYTEORDER = {"b": ">", "l": "<", "n": "=", "B": ">", "L": "<", "N": "=", "S": "s", "s": "s",
              ">": ">", "<": "<", "=": "=", "|": "|", "I": "|", "i": "|"}


def find_duplicate(lst):
    """The names that occur more than once in lst, in first-occurrence order."""
    seen, dups = {}, []
    for x in lst:
        seen[x] = seen.get(x, 0) + 1
        if seen[x] == 2:
            dups.append(x)
    return dups


adopt = as_subclass


def _as_rec_result(obj):
    """NumPy's recarray result rule: structured arrays stay recarrays, others are ndarrays,
    structured elements are records."""
    if isinstance(obj, ndarray):
        if obj.dtype.names is not None and type(obj) is not recarray:
            return adopt(obj, recarray)
        return obj
    if isinstance(obj, void) and not isinstance(obj, record):
        return _record_at(obj._arr, obj._idx)
    return obj


def _record_at(arr, idx):
    """The record at index tuple idx of the structured array arr (a view of the element)."""
    return record._at(arr, idx)


class recarray(ndarray):
    """numpy.recarray(shape, dtype=None, buf=None, offset=0, strides=None, formats=None,
    names=None, titles=None, byteorder=None, aligned=False, order='C')."""

    __module__ = "numpy"

    def __new__(cls, shape, dtype=None, buf=None, offset=0, strides=None, formats=None,
                names=None, titles=None, byteorder=None, aligned=False, order="C"):
        if dtype is not None:
            descr = _dtype(dtype)
        else:
            descr = format_parser(formats, names, titles, aligned, byteorder).dtype
        if buf is None:
            base = ndarray(shape, descr, order=order)
        else:
            base = ndarray(shape, descr, buffer=buf, offset=offset, strides=strides,
                           order=order)
        return adopt(base, cls)

    def __getattr__(self, attr):
        # only called when the ordinary lookup failed: ndarray's attributes win over fields
        if attr in _SLOTS or attr.startswith("__"):
            raise AttributeError(attr)
        fields = self.dtype.fields      # the recarray's dtype is cached: the field's is not
        if fields is None or attr not in fields:
            raise AttributeError("recarray has no attribute %s" % attr)
        obj = ndarray.__getitem__(self, attr)
        return obj if fields[attr][0].names is None else adopt(obj, recarray)

    def __setattr__(self, attr, val):
        if attr in _SLOTS:
            object.__setattr__(self, attr, val)
            return
        newattr = attr not in self.__dict__
        fields = ndarray.dtype.__get__(self).fields or {}
        try:
            object.__setattr__(self, attr, val)
        except Exception:
            if attr not in fields:
                raise
        else:
            if attr not in fields:
                return
            if newattr:
                try:
                    object.__delattr__(self, attr)
                except Exception:
                    return
        ndarray.__setitem__(self, attr, val)

    def __getitem__(self, indx):
        return _as_rec_result(ndarray.__getitem__(self, indx))

    def __repr__(self):
        prefix = "rec.array("
        if self.size > 0 or self.shape == (0,):
            lst = array2string(self, separator=", ", prefix=prefix, suffix=",")
        else:
            lst = "[], shape=%s" % (repr(self.shape),)
        return "rec.array(%s,%sdtype=%s)" % (lst, "\n" + " " * len(prefix), self.dtype)

    def field(self, attr, val=None):
        """The field `attr` (a name or position); sets it to val when given."""
        dt = ndarray.dtype.__get__(self)
        if isinstance(attr, int):
            attr = dt.names[attr]
        dt.fields[attr]     # KeyError for an unknown name, as NumPy's
        if val is None:
            return _as_rec_result(ndarray.__getitem__(self, attr))
        ndarray.__setitem__(self, attr, val)

    def __reduce_ex__(self, protocol):
        fn, args = ndarray.__reduce_ex__(self, protocol)[:2]
        return (_unpickle, (fn, args))

    def __reduce__(self):
        return self.__reduce_ex__(2)

    def view(self, dtype=None, type=None):
        if type is None and isinstance(dtype, builtins.type) and issubclass(dtype, ndarray):
            dtype, type = None, dtype
        r = ndarray.view(self, dtype)
        return adopt(r, recarray if type is None else type) if type is not ndarray else r


def _unpickle(fn, args):
    """A pickled recarray: ndarray's own pickle, made a recarray again."""
    return adopt(fn(*args), recarray)


def _keep_type(name):
    method = getattr(ndarray, name)

    def kept(self, *args, **kwargs):
        r = method(self, *args, **kwargs)
        return adopt(r, recarray) if type(r) is ndarray else r
    kept.__name__ = name
    kept.__doc__ = method.__doc__
    return kept


# NumPy's methods that keep the subclass (views, copies and rearrangements of the records)
_KEEP_TYPE = ("copy", "reshape", "ravel", "flatten", "transpose", "squeeze", "swapaxes", "take",
              "repeat", "compress", "astype", "byteswap", "newbyteorder", "__copy__",
              "__deepcopy__")
for _name in _KEEP_TYPE:
    setattr(recarray, _name, _keep_type(_name))
recarray.T = property(lambda self: recarray.transpose(self))
# Operators and ufunc calls on a recarray keep the type through the subclassing protocol
# (_subclass.py: `r == r` is a bool recarray; `r.age + 1` is not: the field is a plain ndarray).
recarray.__hash__ = None
del _name


class format_parser:
    """numpy.format_parser(formats, names, titles, aligned=False, byteorder=None): the record
    dtype of a list of formats (`.dtype`)."""

    def __init__(self, formats, names, titles, aligned=False, byteorder=None):
        self._parse_formats(formats, aligned)
        self._set_field_names(names, titles)
        self._create_dtype(byteorder)

    def _parse_formats(self, formats, aligned):
        if formats is None:
            raise ValueError("Need formats argument")
        if isinstance(formats, list):
            dt = _dtype([("f{}".format(i), f) for i, f in enumerate(formats)], aligned)
        else:
            dt = _dtype(formats, aligned)
        fields = dt.fields
        if fields is None:
            dt = _dtype([("f1", dt)], aligned)
            fields = dt.fields
        keys = dt.names
        self._f_formats = [fields[k][0] for k in keys]
        self._offsets = [fields[k][1] for k in keys]
        self._nfields = len(keys)

    def _set_field_names(self, names, titles):
        if names:
            if type(names) in (list, tuple):
                pass
            elif isinstance(names, str):
                names = names.split(",")
            else:
                raise NameError("illegal input names %s" % repr(names))
            self._names = [n.strip() for n in names[:self._nfields]]
        else:
            self._names = []
        self._names += ["f%d" % i for i in range(len(self._names), self._nfields)]
        dup = find_duplicate(self._names)
        if dup:
            raise ValueError("Duplicate field names: %s" % dup)
        self._titles = [n.strip() for n in titles[:self._nfields]] if titles else []
        self._titles += [None] * (self._nfields - len(self._titles))

    def _create_dtype(self, byteorder):
        spec = {"names": self._names, "formats": self._f_formats, "offsets": self._offsets}
        if any(t is not None for t in self._titles):
            spec["titles"] = self._titles
        dt = _dtype(spec)
        if byteorder is not None:
            dt = dt.newbyteorder(_BYTEORDER[byteorder[0]])
        self.dtype = dt


def _shape_0_as_none(shape):
    if shape == 0:
        warnings.warn("Passing `shape=0` to have the shape be inferred is deprecated, and in "
                      "future will be equivalent to `shape=(0,)`. To infer the shape and "
                      "suppress this warning, pass `shape=None` instead.", FutureWarning,
                      stacklevel=3)
        return None
    return shape


def fromarrays(arrayList, dtype=None, shape=None, formats=None, names=None, titles=None,
               aligned=False, byteorder=None):
    """numpy.rec.fromarrays: a record array whose fields are copies of the given arrays."""
    arrays = [_asarray(x) for x in arrayList]
    shape = _shape_0_as_none(shape)
    if shape is None:
        shape = arrays[0].shape
    elif isinstance(shape, int):
        shape = (shape,)
    if formats is None and dtype is None:
        formats = [a.dtype for a in arrays]
    if dtype is not None:
        descr = _dtype(dtype)
    else:
        descr = format_parser(formats, names, titles, aligned, byteorder).dtype
    names = descr.names
    if len(descr) != len(arrays):
        raise ValueError("mismatch between the number of fields and the number of arrays")
    nn = len(descr[0].shape)
    if nn > 0:
        shape = shape[:-nn]
    result = recarray(shape, descr)
    for k, a in enumerate(arrays):
        nn = descr[k].ndim
        if a.shape[:a.ndim - nn] != tuple(shape):
            raise ValueError('array-shape mismatch in array %d ("%s")' % (k, names[k]))
        ndarray.__setitem__(result, names[k], a)
    return result


def _records(recList):
    """The records of a (nested) list of records and the list nesting's shape: lists are
    dimensions, what the innermost list holds (tuples, or lists of scalars) are the records."""
    outer = []
    x = recList
    while isinstance(x, list) and x and isinstance(x[0], (list, tuple)):
        outer.append(len(x))
        x = x[0]
    rows = []

    def walk(x, level):
        if level == 0:
            rows.append(x)
        else:
            if not isinstance(x, list) or len(x) != outer[len(outer) - level]:
                raise ValueError("setting an array element with a sequence. The requested "
                                 "array has an inhomogeneous shape after %d dimensions."
                                 % (len(outer) - level))
            for y in x:
                walk(y, level - 1)
    walk(recList, len(outer))
    return rows, tuple(outer)


def fromrecords(recList, dtype=None, shape=None, formats=None, names=None, titles=None,
                aligned=False, byteorder=None):
    """numpy.rec.fromrecords: a record array from a list of tuples (one per record)."""
    if formats is None and dtype is None:
        # NumPy's object route: each field's type is the one its column alone would have
        rows, outer = _records(recList)
        nf = {len(r) for r in rows}
        if len(nf) == 1:
            n = nf.pop()
            arrays = [_array([r[i] for r in rows]) for i in range(n)]
            arrays = [a.reshape(outer + a.shape[1:]) for a in arrays]
        else:       # ragged records: NumPy's 1-d object array, one "column" per record
            arrays = [_array(list(r)) for r in rows]
        return fromarrays(arrays, formats=formats, shape=shape, names=names, titles=titles,
                          aligned=aligned, byteorder=byteorder)
    if dtype is not None:
        descr = _dtype(dtype)
    else:
        descr = format_parser(formats, names, titles, aligned, byteorder).dtype
    names = descr.names
    rows, outer = _records(recList)
    try:
        if all(type(r) is tuple for r in rows):
            for r in rows:
                if len(r) != len(names):
                    raise ValueError("could not assign tuple of length %d to structure with "
                                     "%d fields." % (len(r), len(names)))
            result = recarray(outer, descr)
            for i, name in enumerate(names):
                col = ndarray.__getitem__(result, name)
                col[...] = _array([r[i] for r in rows], dtype=col.dtype).reshape(col.shape)
        else:
            # lists of scalars are a dimension: each scalar fills every field of its record
            values = _array(recList)
            result = recarray(values.shape, descr)
            for name in names:
                ndarray.__getitem__(result, name)[...] = values
    except (TypeError, ValueError, NotImplementedError):
        if all(type(r) is tuple for r in rows):
            raise
        # NumPy's element-by-element route for lists of lists, with its warning
        shape = _shape_0_as_none(shape)
        if shape is None:
            shape = len(recList)
        if isinstance(shape, int):
            shape = (shape,)
        if len(shape) > 1:
            raise ValueError("Can only deal with 1-d array.")
        result = recarray(shape, descr)
        for k in range(result.size):
            row = tuple(recList[k])
            if len(row) != len(names):
                raise ValueError("could not assign tuple of length %d to structure with %d "
                                 "fields." % (len(row), len(names)))
            for name, v in zip(names, row):
                ndarray.__getitem__(result, name)[k] = v
        warnings.warn("fromrecords expected a list of tuples, may have received a list of "
                      "lists instead. In the future that will raise an error", FutureWarning,
                      stacklevel=2)
        return result
    if shape is not None and result.shape != shape:
        result.shape = shape
    return result


def fromstring(datastring, dtype=None, shape=None, offset=0, formats=None, names=None,
               titles=None, aligned=False, byteorder=None):
    """numpy.rec.fromstring: a record array viewing a bytes-like object (read-only for bytes)."""
    if dtype is None and formats is None:
        raise TypeError("fromstring() needs a 'dtype' or 'formats' argument")
    if dtype is not None:
        descr = _dtype(dtype)
    else:
        descr = format_parser(formats, names, titles, aligned, byteorder).dtype
    itemsize = descr.itemsize
    shape = _shape_0_as_none(shape)
    if shape in (None, -1):
        shape = (len(datastring) - offset) // itemsize
    return recarray(shape, descr, buf=datastring, offset=offset)


def fromfile(fd, dtype=None, shape=None, offset=0, formats=None, names=None, titles=None,
             aligned=False, byteorder=None):
    """numpy.rec.fromfile: a record array read from a binary file (a path or an open file)."""
    if dtype is None and formats is None:
        raise TypeError("fromfile() needs a 'dtype' or 'formats' argument")
    shape = _shape_0_as_none(shape)
    if shape is None:
        shape = (-1,)
    elif isinstance(shape, int):
        shape = (shape,)
    opened = not hasattr(fd, "readinto")
    f = open(os.fspath(fd), "rb") if opened else fd
    try:
        if offset > 0:
            f.seek(offset, 1)
        pos = f.tell()
        f.seek(0, 2)
        size = f.tell() - pos
        f.seek(pos, 0)
        if dtype is not None:
            descr = _dtype(dtype)
        else:
            descr = format_parser(formats, names, titles, aligned, byteorder).dtype
        itemsize = descr.itemsize
        count = 1
        for n in shape:
            count *= n
        if count * itemsize < 0:
            shape = list(shape)
            shape[shape.index(-1)] = size // -(count * itemsize)
            shape = tuple(shape)
            count = 1
            for n in shape:
                count *= n
        nbytes = count * itemsize
        if nbytes > size:
            raise ValueError("Not enough bytes left in file for specified shape and type")
        data = f.read(nbytes)
        if len(data) != nbytes:
            raise OSError("Didn't read as many bytes as expected")
    finally:
        if opened:
            f.close()
    return recarray(shape, descr, buf=bytearray(data))


def array(obj, dtype=None, shape=None, offset=0, strides=None, formats=None, names=None,
          titles=None, aligned=False, byteorder=None, copy=True):
    """numpy.rec.array: a record array from None (a new array), bytes, a list of records or of
    field arrays, a file, an ndarray or an object with __array_interface__."""
    if (isinstance(obj, (type(None), str)) or hasattr(obj, "readinto")) and \
            formats is None and dtype is None:
        raise ValueError("Must define formats (or dtype) if object is None, string, or an "
                         "open file")
    kwds = {}
    if dtype is not None:
        dtype = _dtype(dtype)
    elif formats is not None:
        dtype = format_parser(formats, names, titles, aligned, byteorder).dtype
    else:
        kwds = {"formats": formats, "names": names, "titles": titles, "aligned": aligned,
                "byteorder": byteorder}
    if obj is None:
        if shape is None:
            raise ValueError("Must define a shape if obj is None")
        return recarray(shape, dtype, buf=obj, offset=offset, strides=strides)
    if isinstance(obj, bytes):
        return fromstring(obj, dtype, shape=shape, offset=offset, **kwds)
    if isinstance(obj, (list, tuple)):
        if isinstance(obj[0], (tuple, list)):
            return fromrecords(obj, dtype=dtype, shape=shape, **kwds)
        return fromarrays(obj, dtype=dtype, shape=shape, **kwds)
    if isinstance(obj, recarray):
        new = obj.view(dtype) if dtype is not None and obj.dtype != dtype else obj
        return new.copy() if copy else new
    if hasattr(obj, "readinto"):
        return fromfile(obj, dtype=dtype, shape=shape, offset=offset)
    if isinstance(obj, ndarray):
        new = obj.view(dtype) if dtype is not None and obj.dtype != dtype else obj
        if copy:
            new = new.copy()
        return adopt(new, recarray)
    interface = getattr(obj, "__array_interface__", None)
    if interface is None or not isinstance(interface, dict):
        raise ValueError("Unknown input type")
    new = _array(obj)
    if dtype is not None and new.dtype != dtype:
        new = new.view(dtype)
    return adopt(new, recarray)
