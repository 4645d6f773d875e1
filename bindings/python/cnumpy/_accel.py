"""The optional C fast paths (cnumpy._speedups, bindings/python/cnumpy/_speedups.c).

When the extension is found, `base` is its ArrayBase and cnumpy.ndarray derives from it: the C
type owns the handle (freed in its tp_dealloc, not in a Python __del__) and answers view-making
`a[key]` (ints, slices, None, ...) and `a.reshape(ints)` without entering Python. Everything else
stays in Python (_ndarray.py, _indexing.py), which the fast paths call for any case they do not
handle; _methods calls install() once __getitem__ is attached.

CNUMPY_SPEEDUPS selects: unset or "auto" uses the extension when it is found, "0" never does
(the pure-Python package), "1" requires it (ImportError when it cannot be loaded). The extension
is looked for in the package (an installed build) and next to the loaded libcnumpy (the build
tree: CMake puts _speedups.<soabi>.so beside libcnumpy.so).
"""
import functools
import importlib.machinery
import importlib.util
import os

from . import _backend

_MODE = os.environ.get("CNUMPY_SPEEDUPS", "auto").strip().lower() or "auto"
if _MODE not in ("auto", "0", "1"):
    raise ImportError("cnumpy: unknown CNUMPY_SPEEDUPS %r (use '0', '1' or 'auto')" % _MODE)

# The library functions the fast paths call, by the addresses the backend resolved.
_FUNCTIONS = ("cnp_array_free", "cnp_array_index", "cnp_reshape", "cnp_array_ndim")


def _find():
    try:
        from . import _speedups         # an installed package carries the module itself
        return _speedups
    except ImportError:
        pass
    folder = os.path.dirname(os.path.realpath(_backend.path)) if os.sep in _backend.path else None
    if folder:
        for suffix in importlib.machinery.EXTENSION_SUFFIXES:   # this interpreter's ABI only
            path = os.path.join(folder, "_speedups" + suffix)
            if os.path.exists(path):
                spec = importlib.util.spec_from_file_location(__package__ + "._speedups", path)
                module = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(module)
                return module
    return None


def _load():
    if _MODE == "0":
        return None
    try:
        module = _find()
    except ImportError:
        if _MODE == "1":
            raise
        module = None       # auto: a broken build falls back to the pure-Python package
    if module is None and _MODE == "1":
        raise ImportError("cnumpy: CNUMPY_SPEEDUPS=1 but the _speedups extension was not found "
                          "(build it with CMake next to %s)" % _backend.path)
    return module


speedups = _load()
base = speedups.ArrayBase if speedups is not None else object


_PROBE_ADDRESS = 0x5a5a5a5a5a40    # install() checks it reads this back from a cffi handle


def _backend_glue():
    """(addresses, int_handles, to_handle, to_address, probe) for the loaded backend."""
    lib = _backend.lib
    if _backend.NAME == "ctypes":
        import ctypes
        addrs = {n: ctypes.cast(getattr(lib, n), ctypes.c_void_p).value for n in _FUNCTIONS}
        return addrs, True, None, None, None
    from ._cffi_backend import ffi
    addrs = {n: int(ffi.cast("uintptr_t", getattr(lib, n))) for n in _FUNCTIONS}
    cast = ffi.cast
    # partial (C) over the ctype object: no Python frame, no type-string parsing per handle.
    to_handle = functools.partial(cast, ffi.typeof("cnp_array *"))
    return (addrs, False, to_handle, lambda h: int(cast("uintptr_t", h)),
            to_handle(_PROBE_ADDRESS))


def install(ndarray, pending, flush_warnings):
    """Hands the Python implementations of the accelerated methods to the extension (its
    fallbacks) and removes them from the class, so that the C ones (inherited) are found.
    pending and flush_warnings are the library's warning queue (_capi), which the C paths
    flush after their calls as the Python ones do."""
    if speedups is None:
        return
    addrs, int_handles, to_handle, to_address, probe = _backend_glue()
    speedups.install(ndarray, addrs, int_handles, to_handle, to_address, pending,
                     flush_warnings, ndarray.__dict__["__getitem__"],
                     ndarray.__dict__["reshape"], probe)
    del ndarray.__getitem__, ndarray.reshape, ndarray.__del__
