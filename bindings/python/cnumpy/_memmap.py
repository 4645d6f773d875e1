"""numpy.memmap (NumPy 1.24): an ndarray subclass whose memory is a file mapping made by the
library (include/cnumpy/io.h cnp_io_memmap; numpy.load(mmap_mode=...) and
lib.format.open_memmap return one too).

NumPy's rules for the type of results: a view of the mapping (basic indexing, reshape, T, view,
ravel, ...) is a memmap with the parent's filename, offset and mode; a fancy-indexing copy and
every ufunc or reduction result is a plain ndarray (0-d results are scalars), as memmap's
__getitem__ and __array_wrap__ give; copy(), astype() and flatten() are memmaps that map nothing
(their filename, offset, mode and _mmap are None), as NumPy's subclass-preserving methods give.
The mapping is released with the last array that uses it (`del`), as numpy's mmap object is.
"""
import os
import pathlib

from . import _backend
from ._capi import call, cfunc, is_array, produce
from ._dtype import dtype as _dtype
from ._ndarray import as_subclass, ndarray

__all__ = ["memmap", "as_memmap"]

_NULL = _backend.NULL
_memmap_path, _memmap_fd, _memmap_info, _memmap_flush = (cfunc("cnp_" + n) for n in (
    "io_memmap", "io_memmap_fd", "io_memmap_info", "io_memmap_flush"))

valid_filemodes = ["r", "c", "r+", "w+"]
writeable_filemodes = ["r+", "w+"]
mode_equivalents = {"readonly": "r", "copyonwrite": "c", "readwrite": "r+", "write": "w+"}


class _Mapping:
    """What memmap._mmap holds: the mapped file's identity (views share one object, as they
    share numpy's mmap object); the memory itself is owned by the library's arrays."""
    __slots__ = ("mode",)

    def __init__(self, mode):
        self.mode = mode


def _mapped(a):
    """(whether a's memory is a file mapping of the library, the mapping's data offset)."""
    m = _backend.new_int32_out()
    off = _backend.new_int64_out()
    call(_memmap_info, a._h, m, off)
    return bool(m[0]), off[0]


def _as(a, cls, parent):
    """A new `cls` object sharing a's array; memmap attributes from parent (None: unmapped)."""
    r = as_subclass(a, cls)
    if parent is None:
        r._mmap = r.filename = r.offset = r.mode = None
    else:
        r._mmap, r.filename, r.offset, r.mode = parent._mmap, parent.filename, parent.offset, parent.mode
    return r


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
            name = getattr(fid, "name", None)
            fname = os.path.abspath(name) if isinstance(name, str) else None
        else:
            path = os.fspath(filename)
            # Python's open() first: its FileNotFoundError/PermissionError, as numpy's open.
            with open(path, ("r" if mode == "c" else mode) + "b"):
                pass
            path_b = path.encode() if isinstance(path, str) else path
            a = produce(_memmap_path, path_b, mode.encode(), descr._h, offset, ndim, shp, fortran)
            fname = _filename_attr(filename)
        self = _as(a, subtype, None)
        self._mmap = _Mapping(mode)
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

    def __array_wrap__(self, arr, context=None):
        # Results computed by NumPy (numpy.sin(m)): a plain ndarray, 0-d as a scalar.
        arr = ndarray.__array_wrap__(self, arr, context)
        if arr is self or type(self) is not memmap:
            return arr
        if is_array(arr) and arr.shape == ():
            return arr[()]
        return arr

    def __reduce__(self):
        # A pickled memmap is a plain array of its values (numpy pickles the ndarray's data).
        return _plain(self).__reduce__()

    # -- methods whose result NumPy keeps as the subclass -------------------------------------------
    def view(self, dtype=None, type=None):
        if type is not None and isinstance(type, builtins_type) and issubclass(type, ndarray) \
                and not issubclass(type, memmap):
            return ndarray.view(self, dtype) if dtype is not None else _plain(self)
        if isinstance(dtype, builtins_type) and issubclass(dtype, ndarray):
            return _plain(self) if not issubclass(dtype, memmap) else _view_of(self, ndarray.view(self))
        return _view_of(self, ndarray.view(self, dtype))

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
    r._mmap = _Mapping(mode_equivalents.get(mode, mode))
    r.filename = _filename_attr(filename)
    r.offset = _mapped(a)[1]
    r.mode = r._mmap.mode
    return r
