"""The cffi backend (ABI mode): the header's declaration blocks are fed to ffi.cdef as they are.

Handles are cdata pointers; out-parameters are ffi.new("T *[1]") cells read back as cell[0],
the same spelling as the ctypes backend. Enum constants come from cffi's own reading of the
header, so both backends are checked against it independently.
"""
import cffi

from . import _header, _loader

NAME = "cffi"

ffi = cffi.FFI()
ffi.cdef(_header.declarations())


def _load():
    raw, path = _loader.open_library(ffi.dlopen)
    # The ABI check comes first; any other missing symbol would only fail when used (cffi
    # resolves functions lazily), with cffi's AttributeError naming the symbol.
    _loader.check_abi(raw.cnp_abi_version(), path)
    return raw, path


lib, path = _load()
missing = []
consts = {name: getattr(lib, name) for name in dir(lib)
          if name.startswith("CNP_") and isinstance(getattr(lib, name), int)}
NULL = ffi.NULL

_new = ffi.new
_unpack = ffi.unpack
_cast = ffi.cast
_string = ffi.string
_buffer = ffi.buffer


def new_array_out():
    return _new("cnp_array *[1]")


def new_dtype_out():
    return _new("cnp_dtype *[1]")


def new_voidp_out():
    return _new("void *[1]")


def new_int32_out():
    return _new("int32_t[1]")


def new_int64_out():
    return _new("int64_t[1]")


def new_charp_out():
    return _new("char *[1]")


def new_int64p_out():
    return _new("int64_t *[1]")


def new_scalar():
    return _new("cnp_scalar *")


_SAME_KIND = consts["CNP_CASTING_SAME_KIND"]
_ORDER_K = consts["CNP_ORDER_K"]


def new_ufunc_args():
    a = _new("cnp_ufunc_args *")
    a.casting = _SAME_KIND
    a.order = _ORDER_K
    return a


def new_errstate():
    return _new("cnp_errstate *")


def new_ufunc_info():
    return _new("cnp_ufunc_info *")


def int64_array(seq):
    try:
        return _new("int64_t[]", seq)
    except OverflowError:  # NumPy's wording (and the ctypes backend's), not cffi's
        raise OverflowError("Python int too large to convert to C long") from None


def dtype_array(handles):
    return _new("cnp_dtype *[]", handles)


_KEEP = []   # the strings behind the last few charp_array results (a call uses them at once)


def charp_array(items):
    strings = [NULL if b is None else _new("char[]", b) for b in items]
    arr = _new("char *[]", strings or [NULL])
    _KEEP.append((arr, strings))
    del _KEEP[:-64]
    return arr


def double_array(seq):
    return _new("double[]", seq)


def new_array_outs(n):
    return _new("cnp_array *[]", max(n, 1))


def handle_array(handles):
    return _new("cnp_array *[]", handles)


def index_array(items):
    return _new("cnp_index[]", items)


def is_null(ptr):
    return ptr == NULL


def string(ptr):
    return _string(ptr).decode("utf-8", "replace") if ptr != NULL else ""


def address(ptr):
    return int(_cast("uintptr_t", ptr))


def voidp(addr):
    return _cast("void *", addr)


def read_int64s(ptr, n):
    return tuple(_unpack(ptr, n)) if n else ()


def read_bytes(addr, n):
    return _buffer(_cast("char *", addr), n)[:] if n else b""


def memory(addr, n, readonly=True):
    mv = memoryview(_buffer(_cast("char *", addr), n)).cast("B")
    return mv.toreadonly() if readonly else mv


def make_deleter(fn):
    # Default arguments, not globals: the callback may run while this module is torn down.
    return ffi.callback("cnp_deleter",
                        lambda data, ctx, _c=_cast: fn(int(_c("uintptr_t", ctx))))


def make_warning_fn(fn):
    return ffi.callback("cnp_warning_fn",
                        lambda cat, msg, ctx, _s=string: fn(cat, _s(msg)))


def make_refs_fn(fn):
    return ffi.callback("cnp_object_refs_fn",
                        lambda objs, n, ctx, _c=_cast: fn(int(_c("uintptr_t", objs)), n))


def refs_fn_at(addr):
    return _cast("cnp_object_refs_fn", addr)


def keep_forever(obj):
    import ctypes
    ctypes.pythonapi.Py_IncRef(ctypes.py_object(obj))
