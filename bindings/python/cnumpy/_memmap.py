"""numpy.memmap (NumPy 1.24): an ndarray subclass whose memory is a file mapping made by the
library (include/cnumpy/io.h cnp_io_memmap; numpy.load(mmap_mode=...) and
lib.format.open_memmap return one too).

NumPy's rules for the type of results: a view of the mapping (basic indexing, reshape, T, view,
ravel, ...) is a memmap with the parent's filename, offset and mode; a fancy-indexing copy and
every ufunc or reduction result is a plain ndarray (0-d results are scalars), as memmap's
__getitem__ and __array_wrap__ give; copy(), astype() and flatten() are memmaps that map nothing
(their filename, offset, mode and _mmap are None), as NumPy's subclass-preserving methods give.
The mapping is released with the last array that uses it (`del`), as numpy's mmap object is.

`base` follows NumPy: a memmap made from a file has Python's `mmap.mmap` object of the file's
mapped region (opened on the same pages: the library's mapping holds the array's memory, this
one is what NumPy users find in `.base` and `._mmap`), views have the memmap they view,
`asarray(m)` is a plain array whose base is m, copies own their data (base None). Subclasses
of memmap keep their type for operator and reduction-method results, as NumPy's
memmap.__array_wrap__ returns them unchanged.
"""
import mmap as _pymmap
import os
import pathlib

from . import _backend
from ._capi import call, cfunc, is_array, produce
from ._dtype import dtype as _dtype
from ._ndarray import as_subclass, finalize, ndarray

__all__ = ["memmap", "as_memmap"]

_NULL = _backend.NULL
_memmap_path, _memmap_fd, _memmap_info, _memmap_flush = (cfunc("cnp_" + n) for n in (
    "io_memmap", "io_memmap_fd", "io_memmap_info", "io_memmap_flush"))

valid_filemodes = ["r", "c", "r+", "w+"]
writeable_filemodes = ["r+", "w+"]
mode_equivalents = {"readonly": "r", "copyonwrite": "c", "readwrite": "r+", "write": "w+"}


class _Mapping:
    """What memmap._mmap holds when Python's mmap cannot map the region (views share one
    object, as they share numpy's mmap object); the memory is the library's arrays'."""
    __slots__ = ("mode",)

    def __init__(self, mode):
        self.mode = mode


_ACCESS = {"r": _pymmap.ACCESS_READ, "c": _pymmap.ACCESS_COPY, "r+": _pymmap.ACCESS_WRITE,
           "w+": _pymmap.ACCESS_WRITE}


def _python_mmap(fileno, mode, offset, nbytes):
    """numpy.memmap's mmap.mmap object for a mapping of nbytes at offset (the mapping starts
    at the allocation granularity below offset, as NumPy's); a _Mapping token when Python's
    mmap refuses (a 0-byte region)."""
    start = offset - offset % _pymmap.ALLOCATIONGRANULARITY
    length = offset - start + nbytes
    try:
        if length <= 0:
            raise ValueError
        return _pymmap.mmap(fileno, length, access=_ACCESS[mode], offset=start)
    except (ValueError, OSError):
        return _Mapping(mode)


def _owns(a):
    return bool(a.flags.owndata)


def _mapped(a):
    """(whether a's memory is a file mapping of the library, the mapping's data offset)."""
    m = _backend.new_int32_out()
    off = _backend.new_int64_out()
    call(_memmap_info, a._h, m, off)
    return bool(m[0]), off[0]


def _as(a, cls, parent):
    """A new `cls` object sharing a's array; memmap attributes from parent (None: unmapped).
    Its base as NumPy's: the memmap viewed (the chain collapses through memmaps to the one
    whose base is the mmap object), None for an array owning its data."""
    r = as_subclass(a, cls)
    _take_mapping(r, parent)
    if parent is None:
        if _owns(a):
            r._base = None
    else:
        b = parent._base
        r._base = b if isinstance(b, memmap) and type(b) is type(r) else parent
    return r


def _take_mapping(r, parent):
    """r's memmap attributes: parent's (r shares its mapped memory), or None."""
    if parent is None:
        r._mmap = r.filename = r.offset = r.mode = None
    else:
        r._mmap, r.filename, r.offset, r.mode = parent._mmap, parent.filename, parent.offset, parent.mode


def _filename_attr(filename):
    """memmap.filename for a path argument: a pathlib path resolved, a str made absolute, None
    for bytes (numpy takes the open file's name, which is then bytes)."""
    if isinstance(filename, pathlib.PurePath):
        return filename.resolve()
    path = os.fspath(filename)
    return os.path.abspath(path) if isinstance(path, str) else None


def _plain(a):
    """a's array as a plain ndarray (no copy)."""
    return as_subclass(a, ndarray)


def _view_of(self, res):
    """The result of a view method: a memmap sharing self's mapping (NumPy's
    __array_finalize__: the attributes follow when the memory is shared)."""
    if not is_array(res):
        return res
    if self._mmap is not None and _mapped(res)[0]:
        return _as(res, type(self), self)
    return _as(res, type(self), None)


class memmap(ndarray):
    """numpy.memmap(filename, dtype=uint8, mode='r+', offset=0, shape=None, order='C')."""
    __slots__ = ("_mmap", "filename", "offset", "mode")
    __array_priority__ = -100.0

    def __new__(subtype, filename, dtype="uint8", mode="r+", offset=0, shape=None, order="C"):
        try:
            mode = mode_equivalents[mode]
        except (KeyError, TypeError):
            if mode not in valid_filemodes:
                raise ValueError("mode must be one of {!r} (got {!r})".format(
                    valid_filemodes + list(mode_equivalents.keys()), mode)) from None
        if mode == "w+" and shape is None:
            raise ValueError("shape must be given")
        descr = _dtype(dtype)
        if shape is None:
            ndim, shp = -1, _NULL
        else:
            if not isinstance(shape, tuple):
                shape = (shape,)
            dims = [int(k) for k in shape]
            ndim, shp = len(dims), _backend.int64_array(dims) if dims else _NULL
        if order not in ("C", "F", "A", "K", None):
            raise ValueError("order must be one of 'C', 'F', 'A', or 'K' (got %r)" % (order,))
        fortran = 1 if order == "F" else 0
        offset = int(offset)
        if hasattr(filename, "read"):
            fid = filename
            if hasattr(fid, "flush"):
                fid.flush()     # what Python's buffer holds must be in the file before mapping
            a = produce(_memmap_fd, fid.fileno(), mode.encode(), descr._h, offset, ndim, shp,
                        fortran)
            mm = _python_mmap(fid.fileno(), mode, offset, a.nbytes)
            name = getattr(fid, "name", None)
            fname = os.path.abspath(name) if isinstance(name, str) else None
        else:
            path = os.fspath(filename)
            # Python's open() first: its FileNotFoundError/PermissionError, as numpy's open.
            with open(path, ("r" if mode == "c" else mode) + "b"):
                pass
            path_b = path.encode() if isinstance(path, str) else path
            a = produce(_memmap_path, path_b, mode.encode(), descr._h, offset, ndim, shp, fortran)
            with open(path, ("r" if mode in ("r", "c") else "r+") + "b") as f:
                mm = _python_mmap(f.fileno(), mode, offset, a.nbytes)
            fname = _filename_attr(filename)
        self = _as(a, subtype, None)
        self._mmap = mm
        self._base = mm if isinstance(mm, _pymmap.mmap) else None
        self.filename = fname
        self.offset = offset
        self.mode = mode
        return self

    def flush(self):
        """Write any changes in the array to the file on disk."""
        if self._mmap is not None:
            call(_memmap_flush, self._h)

    def __getitem__(self, index):
        res = ndarray.__getitem__(self, index)
        if not is_array(res):
            return res
        if type(self) is memmap and (self._mmap is None or not _mapped(res)[0]):
            return _plain(res)      # a copy (fancy indexing) is a plain ndarray
        return _view_of(self, res)

    def __array_finalize__(self, obj):
        # NumPy's: a memmap made from another array shares its mapping's attributes when it
        # shares its memory (a subclass's wrapped ufunc results do not)
        mapped = getattr(obj, "_mmap", None) is not None and _mapped(self)[0]
        _take_mapping(self, obj if mapped else None)

    def __array_wrap__(self, arr, context=None):
        # Ufunc results (numpy.sin(m), m + 1): a plain ndarray, 0-d as a scalar, for a memmap
        # itself; a subclass of memmap keeps its type.
        arr = ndarray.__array_wrap__(self, arr, context)
        if arr is self or type(self) is not memmap:
            return arr
        if is_array(arr) and arr.shape == ():
            return arr[()]
        return _plain(arr) if is_array(arr) and type(arr) is not ndarray else arr

    # -- methods whose result NumPy keeps as the subclass -------------------------------------------
    def view(self, dtype=None, type=None):
        if type is None and isinstance(dtype, builtins_type) and issubclass(dtype, ndarray):
            dtype, type = None, dtype
        if type is None:
            return _view_of(self, ndarray.view(self, dtype))
        if not (isinstance(type, builtins_type) and issubclass(type, memmap)):
            return ndarray.view(self, dtype, type)      # ndarray or another subclass
        r = ndarray.view(self, dtype)
        parent = self if self._mmap is not None and _mapped(r)[0] else None
        return finalize(_as(r, type, parent), self)

    def reshape(self, *args, **kwargs):
        return _view_of(self, ndarray.reshape(self, *args, **kwargs))

    def transpose(self, *axes):
        return _view_of(self, ndarray.transpose(self, *axes))

    @property
    def T(self):
        return _view_of(self, ndarray.transpose(self))

    def ravel(self, order="C"):
        return _view_of(self, ndarray.ravel(self, order))

    def squeeze(self, *args, **kwargs):
        return _view_of(self, ndarray.squeeze(self, *args, **kwargs))

    def swapaxes(self, *args, **kwargs):
        return _view_of(self, ndarray.swapaxes(self, *args, **kwargs))

    def diagonal(self, *args, **kwargs):
        return _view_of(self, ndarray.diagonal(self, *args, **kwargs))

    @property
    def real(self):
        return _view_of(self, ndarray.real.__get__(self))

    @real.setter
    def real(self, value):
        ndarray.real.__set__(self, value)

    @property
    def imag(self):
        return _view_of(self, ndarray.imag.__get__(self))

    @imag.setter
    def imag(self, value):
        ndarray.imag.__set__(self, value)

    def copy(self, order="C"):
        return _view_of(self, ndarray.copy(self, order))

    def flatten(self, order="C"):
        return _view_of(self, ndarray.flatten(self, order))

    def astype(self, dtype, order="K", casting="unsafe", subok=True, copy=True):
        res = ndarray.astype(self, dtype, order, casting, subok, copy)
        if not subok:
            return _plain(res) if res is not self else res
        return res if res is self else _view_of(self, res)


builtins_type = type


def as_memmap(a, filename, mode):
    """The memmap numpy.load(mmap_mode=...) and open_memmap return for a mapped array a
    (filename: the path argument they were given)."""
    r = _as(a, memmap, None)
    mode = mode_equivalents.get(mode, mode)
    r.filename = _filename_attr(filename)
    r.offset = _mapped(a)[1]
    r.mode = mode
    try:
        with open(os.fspath(filename), ("r" if mode in ("r", "c") else "r+") + "b") as f:
            r._mmap = _python_mmap(f.fileno(), mode, r.offset, a.nbytes)
    except OSError:
        r._mmap = _Mapping(mode)
    r._base = r._mmap if isinstance(r._mmap, _pymmap.mmap) else None
    return r
