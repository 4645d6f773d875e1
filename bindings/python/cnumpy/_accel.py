"""The optional C fast paths (cnumpy._speedups, bindings/python/cnumpy/_speedups*.c).

When the extension is found, `base` is its ArrayBase and cnumpy.ndarray derives from it, and
`ufunc_base` its UfuncBase, the base of cnumpy.ufunc: the C types own the handle (freed in
tp_dealloc, not in a Python __del__) and answer the common calls without entering Python:
views, operators, ufunc calls, zeros/ones/empty (`fast_function`), reductions, `a[key] = v`,
attributes, float()/int() and the buffer protocol (the list and the cases each one takes are in
_speedups.h and the .c files); `scalar_op` puts C versions of float64's and int64's exact
operators in front of their Python ones. Everything else stays in Python, which the fast paths call for
any case they do not handle; _methods calls install() once all methods are attached, and
install() moves the Python implementations the C types take over (the extension's TAKES_OVER)
out of the classes into the extension's fallbacks.

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
    if module is not None and not hasattr(module, "UfuncBase"):
        if _MODE == "1":
            raise ImportError("cnumpy: the _speedups extension next to %s is older than the "
                              "package (rebuild it)" % _backend.path)
        module = None
    return module


speedups = _load()
base = speedups.ArrayBase if speedups is not None else object
ufunc_base = speedups.UfuncBase if speedups is not None else object


def scalar_op(kind, name, reflected, python_function):
    """float64's or int64's operator `name` ('add', 'rmul' when reflected, 'lt', ...) with the
    extension's C version of its exact fast path in front of python_function (which it calls for
    every other case), or python_function itself without the extension."""
    if speedups is None or not hasattr(speedups, "ScalarOp"):
        return python_function
    return speedups.ScalarOp(kind, name, reflected, python_function)


def fast_function(kind, python_function):
    """The module function `kind` ('zeros', 'ones', 'empty', 'full', 'arange',
    'format_float_positional', 'format_float_scientific') with the
    extension's fast path in
    front of python_function, or python_function itself without the extension."""
    if speedups is None:
        return python_function
    return speedups.fast_function(kind, python_function)


_PROBE_ADDRESS = 0x5a5a5a5a5a40    # install() checks it reads this back from a cffi handle


def _backend_glue():
    """(address(name), handle_address(handle), int_handles, to_handle, to_address, probe) for
    the loaded backend."""
    lib = _backend.lib
    missing = _backend.missing
    if _backend.NAME == "ctypes":
        import ctypes

        def address(name):
            f = getattr(lib, name, None) if name not in missing else None
            return None if f is None else ctypes.cast(f, ctypes.c_void_p).value

        def handle_address(h):
            return h if isinstance(h, int) else ctypes.cast(h, ctypes.c_void_p).value
        return address, handle_address, True, None, None, None
    from ._cffi_backend import ffi
    cast = ffi.cast

    def address(name):
        f = getattr(lib, name, None) if name not in missing else None
        return None if f is None else int(cast("uintptr_t", f))

    def handle_address(h):
        return int(cast("uintptr_t", h))
    # partial (C) over the ctype object: no Python frame, no type-string parsing per handle.
    to_handle = functools.partial(cast, ffi.typeof("cnp_array *"))
    return (address, handle_address, False, to_handle, lambda h: int(cast("uintptr_t", h)),
            to_handle(_PROBE_ADDRESS))


def handle_address(h):
    """The address a library handle (as the backend spells it) holds."""
    return _backend_glue()[1](h)


def install(ndarray, ufunc, glue):
    """Hands the Python implementations the C types take over to the extension (its
    fallbacks) and removes them from the classes, so that the C ones (inherited) are found.
    glue: the package's objects the fast paths use (_methods lists them)."""
    if speedups is None:
        return
    address, _, int_handles, to_handle, to_address, probe = _backend_glue()
    fallbacks = {}
    for name in speedups.TAKES_OVER:
        if name in ndarray.__dict__:
            fallbacks[name] = ndarray.__dict__[name]
    fallbacks["ufunc.__call__"] = ufunc.__dict__["__call__"]
    glue = dict(glue, fallbacks=fallbacks, address=address)
    addrs = {n: address(n) for n in speedups.FUNCTIONS}
    speedups.install(ndarray, addrs, int_handles, to_handle, to_address, probe, glue)
    for name in fallbacks:
        if name != "ufunc.__call__":
            delattr(ndarray, name)
    del ufunc.__call__
