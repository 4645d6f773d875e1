"""numpy's binary I/O (NumPy 1.24 signatures): save, load, savez, savez_compressed, NpzFile,
lib.format.open_memmap, fromfile, fromstring and ndarray.tofile.

The bytes are the library's (include/cnumpy/io.h: the .npy header writer and reader, the
libzip archives, the memory maps); this module keeps numpy.load's dispatch (zip, .npy or
pickle by the first bytes), Python's file objects and exceptions, and NumPy's warnings
(docs/io.md)."""
import contextlib
import io
import os
import pickle
import warnings
import zipfile
from collections.abc import Mapping

from . import _backend, _wrapmem
from ._capi import call, cfunc, check, produce, query
from ._convert import asanyarray
from ._dtype import dtype as _dtype
from ._memmap import as_memmap

__all__ = ["save", "load", "savez", "savez_compressed", "NpzFile", "open_memmap", "fromfile",
           "fromstring", "tofile", "MAGIC_PREFIX"]

_NULL = _backend.NULL
(_save_fd, _save_bytes, _load_fd, _load_bytes, _open_memmap, _savez_bytes, _npz_open,
 _npz_open_bytes, _npz_count, _npz_name, _npz_get, _npz_free, _tofile_fd, _fromfile_fd,
 _fromstring, _savez_fd) = (cfunc("cnp_" + n) for n in (
    "io_save_fd", "io_save_bytes", "io_load_fd", "io_load_bytes", "io_open_memmap",
    "io_savez_bytes", "npz_open", "npz_open_bytes", "npz_count", "npz_name", "npz_get",
    "npz_free", "io_tofile_fd", "io_fromfile_fd", "io_fromstring", "io_savez_fd"))

if _backend.NAME == "cffi":
    from ._cffi_backend import ffi as _ffi

    def _npz_out():
        return _ffi.new("cnp_npz *[1]")
else:
    _npz_out = _backend.new_voidp_out

MAGIC_PREFIX = b"\x93NUMPY"
_ZIP_PREFIX = b"PK\x03\x04"
_ZIP_SUFFIX = b"PK\x05\x06"  # an empty zip file starts with this
_MAX_HEADER_SIZE = 10000


def _isfileobj(f):
    """numpy.lib.format.isfileobj: objects with a real descriptor the library can use."""
    return isinstance(f, (io.FileIO, io.BufferedReader, io.BufferedWriter))


def _header_limit(max_header_size, allow_pickle):
    if allow_pickle or max_header_size >= 2 ** 63:
        return -1
    return int(max_header_size)


def _bytes_of(a):
    return a.tobytes()


def _warn_version(version):
    if version == 2:
        warnings.warn("Stored array in format 2.0. It can only be"
                      "read by NumPy >= 1.9", UserWarning, stacklevel=3)
    elif version == 3:
        warnings.warn("Stored array in format 3.0. It can only be "
                      "read by NumPy >= 1.17", UserWarning, stacklevel=3)


def _sync_position(fid, fd):
    """After the library moved the descriptor, tell the Python file object where it is."""
    try:
        pos = os.lseek(fd, 0, os.SEEK_CUR)
        # A buffered file trusts its cached raw position for seeks inside its buffer; seeking
        # to the end first drops the buffer, so the second seek really moves.
        fid.seek(0, os.SEEK_END)
        fid.seek(pos)
    except (OSError, ValueError):
        pass


def _write_array(fid, arr):
    cell = _backend.new_int32_out()
    if _isfileobj(fid):
        fid.flush()
        fd = fid.fileno()
        check(_save_fd(fd, arr._h, 0, cell))
        _sync_position(fid, fd)
    else:
        fid.write(_bytes_of(produce(_save_bytes, arr._h, 0, cell)))
    _warn_version(cell[0])


def _read_array(fid, allow_pickle, max_header_size):
    limit = _header_limit(max_header_size, allow_pickle)
    if _isfileobj(fid):
        fd = fid.fileno()
        os.lseek(fd, fid.tell(), os.SEEK_SET)
        a = produce(_load_fd, fd, int(bool(allow_pickle)), limit)
        _sync_position(fid, fd)
        return a
    start = fid.tell() if fid.seekable() else None
    data = fid.read()
    used = _backend.new_int64_out()
    view = _wrapmem.get_buffer(data, _wrapmem.PyBUF_SIMPLE)
    try:
        a = produce(_load_bytes, _backend.voidp(view.buf or 0), len(data), int(bool(allow_pickle)),
                    limit, used)
    finally:
        _wrapmem.release(view)
    if start is not None:
        fid.seek(start + used[0])
    return a


def save(file, arr, allow_pickle=True, fix_imports=True):
    """numpy.save: the same bytes numpy writes (format 1.0, 2.0 or 3.0 as numpy picks)."""
    if hasattr(file, "write"):
        file_ctx = contextlib.nullcontext(file)
    else:
        file = os.fspath(file)
        if not file.endswith(".npy"):
            file = file + ".npy"
        file_ctx = open(file, "wb")
    with file_ctx as fid:
        arr = asanyarray(arr)
        _write_array(fid, arr)


def load(file, mmap_mode=None, allow_pickle=False, fix_imports=True, encoding="ASCII", *,
         max_header_size=_MAX_HEADER_SIZE):
    """numpy.load: a .npy array (memory-mapped with mmap_mode 'r', 'r+' or 'c'), an NpzFile
    for a zip archive, or a pickle when allow_pickle is true."""
    if encoding not in ("ASCII", "latin1", "bytes"):
        raise ValueError("encoding must be 'ASCII', 'latin1', or 'bytes'")
    with contextlib.ExitStack() as stack:
        if hasattr(file, "read"):
            fid = file
            own_fid = False
        else:
            fid = stack.enter_context(open(os.fspath(file), "rb"))
            own_fid = True
        n = len(MAGIC_PREFIX)
        magic = fid.read(n)
        # NumPy 1.24 has no "No data left in file" EOFError (later versions do): an empty
        # file falls through to the pickle branch, as here.
        fid.seek(-min(n, len(magic)), 1)
        if magic.startswith(_ZIP_PREFIX) or magic.startswith(_ZIP_SUFFIX):
            stack.pop_all()
            return NpzFile(fid, own_fid=own_fid, allow_pickle=allow_pickle,
                           max_header_size=max_header_size)
        if magic == MAGIC_PREFIX:
            if mmap_mode:
                if allow_pickle:
                    max_header_size = 2 ** 64
                return open_memmap(file, mode=mmap_mode, max_header_size=max_header_size)
            return _read_array(fid, allow_pickle, max_header_size)
        if not allow_pickle:
            raise ValueError("Cannot load file containing pickled data "
                             "when allow_pickle=False")
        try:
            return pickle.load(fid, fix_imports=fix_imports, encoding=encoding)
        except Exception as e:
            raise pickle.UnpicklingError(
                f"Failed to interpret file {file!r} as a pickle") from e


def open_memmap(filename, mode="r+", dtype=None, shape=None, fortran_order=False, version=None,
                *, max_header_size=_MAX_HEADER_SIZE):
    """numpy.lib.format.open_memmap: a memmap whose memory is the file's ('r' arrays are
    read-only, 'r+'/'w+' write through, 'c' copies on write); its offset is the header's
    length."""
    if _isfileobj(filename):
        raise ValueError("Filename must be a string or a path-like object."
                         "  Memmap cannot use existing file handles.")
    path = os.fspath(filename)
    if isinstance(path, str):
        path_b = path.encode()
    else:
        path_b = path
    if version not in [(1, 0), (2, 0), (3, 0), None]:
        raise ValueError("we only support format version (1,0), (2,0), and (3,0), not %s"
                         % (version,))
    major = 0 if version is None else version[0]
    limit = _header_limit(max_header_size, False)
    if "w" in mode:
        d = _dtype(dtype)
        shp = (shape,) if isinstance(shape, int) else tuple(shape)
        a = produce(_open_memmap, path_b, mode.encode(), d._h, len(shp),
                    _backend.int64_array(shp), int(bool(fortran_order)), major, limit)
    else:
        with open(path, "rb"):
            pass  # Python's FileNotFoundError/PermissionError, as numpy's open() raises them
        a = produce(_open_memmap, path_b, mode.encode(), _NULL, 0, _NULL, 0, major, limit)
    # numpy's open_memmap ends with numpy.memmap(filename, ...): its filename and mode rules.
    return as_memmap(a, filename, mode)


class BagObj:
    """numpy.lib.npyio.BagObj: attribute access to an NpzFile's arrays (npz.f.x)."""

    def __init__(self, obj):
        self._obj = obj

    def __getattribute__(self, key):
        try:
            return object.__getattribute__(self, "_obj")[key]
        except KeyError:
            raise AttributeError(key) from None

    def __dir__(self):
        return list(object.__getattribute__(self, "_obj").keys())


class NpzFile(Mapping):
    """numpy.lib.npyio.NpzFile: a lazy, closeable mapping of an .npz archive's arrays (each
    member is read when asked for; a member that is not a .npy comes back as bytes)."""

    fid = None
    _h = None
    _zip = None
    _source = None

    def __init__(self, fid, own_fid=False, allow_pickle=False, pickle_kwargs=None, *,
                 max_header_size=_MAX_HEADER_SIZE):
        limit = _header_limit(max_header_size, allow_pickle)
        if _isfileobj(fid) and getattr(fid, "name", None) and fid.tell() == 0 \
                and isinstance(fid.name, (str, bytes)) and os.path.isfile(fid.name):
            # A real file from its start: the library maps it (no copy of the archive).
            path = os.fspath(fid.name)
            h = query(_npz_open, _npz_out, path.encode() if isinstance(path, str) else path,
                      int(bool(allow_pickle)), limit)
        elif hasattr(fid, "read"):
            data = fid.read()
            view = _wrapmem.get_buffer(data, _wrapmem.PyBUF_SIMPLE)
            try:
                h = query(_npz_open_bytes, _npz_out, _backend.voidp(view.buf or 0), len(data),
                          int(bool(allow_pickle)), limit)
            finally:
                _wrapmem.release(view)
        else:
            path = os.fspath(fid)
            h = query(_npz_open, _npz_out, path.encode() if isinstance(path, str) else path,
                      int(bool(allow_pickle)), limit)
        self._h = h
        self._source = fid   # what `.zip` opens (a path or the file object), on first use
        count = query(_npz_count, _backend.new_int64_out, h)
        self._files = [_backend.string(query(_npz_name, _backend.new_charp_out, h, i))
                       for i in range(count)]
        self.files = [x[:-4] if x.endswith(".npy") else x for x in self._files]
        self.allow_pickle = allow_pickle
        self.pickle_kwargs = pickle_kwargs
        self.f = BagObj(self)
        if own_fid:
            self.fid = fid

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        self.close()

    @property
    def zip(self):
        """numpy's NpzFile.zip: the archive as a zipfile.ZipFile (None once closed). The arrays
        are read by the library; the ZipFile is opened when first asked for."""
        if self._h is None:
            return None
        if self._zip is None:
            src = self._source
            if hasattr(src, "seek"):
                src.seek(0)
            self._zip = zipfile.ZipFile(src, mode="r", allowZip64=True)
        return self._zip

    def close(self):
        """Closes the archive (arrays already read stay valid)."""
        if self._zip is not None:
            self._zip.close()
            self._zip = None
        self._source = None
        if self._h is not None:
            _npz_free(self._h)
            self._h = None
        if self.fid is not None:
            self.fid.close()
            self.fid = None
        self.f = None

    def __del__(self):
        self.close()

    def __iter__(self):
        return iter(self.files)

    def __len__(self):
        return len(self.files)

    def __getitem__(self, key):
        if key in self._files:
            name = key
        elif key in self.files:
            name = key + ".npy"
        else:
            raise KeyError("%s is not a file in the archive" % key)
        if self._h is None:
            raise AttributeError("'NoneType' object has no attribute 'open'")
        raw = _backend.new_int32_out()
        a = produce(_npz_get, self._h, name.encode(), raw)
        return a.tobytes() if raw[0] else a


def _savez(file, args, kwds, compress):
    if not hasattr(file, "write"):
        file = os.fspath(file)
        if not file.endswith(".npz"):
            file = file + ".npz"
    namedict = kwds
    for i, val in enumerate(args):
        key = "arr_%d" % i
        if key in namedict.keys():
            raise ValueError("Cannot use un-named variables and keyword %s" % key)
        namedict[key] = val
    names = [k.encode() for k in namedict]
    arrays = [asanyarray(v) for v in namedict.values()]
    args = (len(arrays), _backend.charp_array(names), _backend.handle_array([a._h for a in arrays]),
            int(compress))
    with (contextlib.nullcontext(file) if hasattr(file, "write") else open(file, "wb")) as fid:
        if _isfileobj(fid):
            fid.flush()
            fd = fid.fileno()
            call(_savez_fd, fd, *args)
            _sync_position(fid, fd)
        else:
            fid.write(_bytes_of(produce(_savez_bytes, *args)))


def savez(file, *args, **kwds):
    """numpy.savez: an uncompressed .npz (members arr_0.npy, ... and name.npy)."""
    _savez(file, args, kwds, False)


def savez_compressed(file, *args, **kwds):
    """numpy.savez_compressed: a deflate-compressed .npz."""
    _savez(file, args, kwds, True)


def tofile(self, fid, sep="", format=""):
    """ndarray.tofile: raw bytes in C order (sep ''), or text: each element as repr() of its
    Python value (numpy's C default format ''), or format % value, joined by sep."""
    own = False
    if not hasattr(fid, "write"):
        fid = open(os.fspath(fid), "wb" if sep == "" else "w")
        own = True
    try:
        if sep == "":
            if _isfileobj(fid):
                fid.flush()
                fd = fid.fileno()
                call(_tofile_fd, fd, self._h, _NULL)
                _sync_position(fid, fd)
            else:
                fid.write(self.tobytes())
            return
        items = self.ravel().tolist() if self.ndim else [self.item()]
        if format == "":
            text = sep.join(repr(x) for x in items)
        else:
            text = sep.join(format % (x,) for x in items)
        if isinstance(fid, io.TextIOBase):
            fid.write(text)
        else:
            fid.write(text.encode())
    finally:
        if own:
            fid.close()


def fromfile(file, dtype=float, count=-1, sep="", offset=0, *, like=None):
    """numpy.fromfile: binary (sep '') or text (numbers separated by sep)."""
    d = _dtype(dtype)
    own = False
    if isinstance(file, (str, bytes, os.PathLike)):
        file = open(os.fspath(file), "rb")
        own = True
    try:
        fd = file.fileno()
        try:
            file.flush()
        except (OSError, ValueError, AttributeError):
            pass
        if hasattr(file, "tell"):
            os.lseek(fd, file.tell(), os.SEEK_SET)
        a = produce(_fromfile_fd, fd, d._h, int(count),
                    sep.encode() if sep else _NULL, int(offset))
        if not own:
            _sync_position(file, fd)
        return a
    finally:
        if own:
            file.close()


def fromstring(string, dtype=float, count=-1, *, sep="", like=None):
    """numpy.fromstring: text separated by sep, or (sep '', deprecated) the raw bytes."""
    d = _dtype(dtype)
    if isinstance(string, str):
        string = string.encode("latin-1" if not sep else "utf-8")
    data = bytes(string)
    view = _wrapmem.get_buffer(data, _wrapmem.PyBUF_SIMPLE)
    try:
        return produce(_fromstring, _backend.voidp(view.buf or 0), len(data), d._h, int(count),
                       sep.encode() if sep else _NULL)
    finally:
        _wrapmem.release(view)
