"""The ctypes backend: prototypes built from the parsed public header.

Representation choices (the rest of the package only sees them through the interface listed in
_backend.py):
  * handles (pointers to opaque structs) are plain ints, so they cost nothing to store or pass;
  * out-parameters are 1-element ctypes arrays, read back as cell[0] (the same spelling as the
    cffi backend's ffi.new("T *[1]"));
  * const char* is c_char_p (bytes) both ways.
"""
import ctypes

from . import _cparser, _header, _loader

NAME = "ctypes"

_BUILTIN = {
    "void": None, "char": ctypes.c_char, "signed char": ctypes.c_byte,
    "unsigned char": ctypes.c_ubyte, "short": ctypes.c_short, "unsigned short": ctypes.c_ushort,
    "int": ctypes.c_int, "unsigned int": ctypes.c_uint, "unsigned": ctypes.c_uint,
    "long": ctypes.c_long, "unsigned long": ctypes.c_ulong, "long long": ctypes.c_longlong,
    "unsigned long long": ctypes.c_ulonglong, "float": ctypes.c_float, "double": ctypes.c_double,
    "_Bool": ctypes.c_bool, "int8_t": ctypes.c_int8, "uint8_t": ctypes.c_uint8,
    "int16_t": ctypes.c_int16, "uint16_t": ctypes.c_uint16, "int32_t": ctypes.c_int32,
    "uint32_t": ctypes.c_uint32, "int64_t": ctypes.c_int64, "uint64_t": ctypes.c_uint64,
    "size_t": ctypes.c_size_t, "ptrdiff_t": ctypes.c_ssize_t, "intptr_t": ctypes.c_ssize_t,
    "uintptr_t": ctypes.c_size_t,
}


class _Types:
    """Maps parsed C types onto ctypes types."""

    def __init__(self, decls):
        self.decls = decls
        self.named = {}          # struct and function-pointer typedefs, built on first use

    def base(self, name):
        if name in _BUILTIN:
            return _BUILTIN[name]
        if name in self.named:
            return self.named[name]
        d = self.decls
        if name in d.aliases:
            return self.ctype(d.aliases[name])
        if name in d.structs:
            t = self.named[name] = self._record(ctypes.Structure, name, d.structs[name])
            return t
        if name in d.funcptrs:
            fp = d.funcptrs[name]
            t = self.named[name] = ctypes.CFUNCTYPE(
                self.ctype(fp.ret), *[self.ctype(p.ctype) for p in fp.params])
            return t
        raise TypeError("cnumpy header: unknown C type %r" % name)

    def _record(self, kind, name, fields):
        spec = []
        for f in fields:
            if isinstance(f.ctype, _cparser.Union):
                spec.append((f.name, self._record(ctypes.Union, name + "_" + f.name,
                                                  f.ctype.fields)))
            else:
                spec.append((f.name, self.ctype(f.ctype)))
        return type(name, (kind,), {"_fields_": spec})

    def ctype(self, ct):
        if ct.ptr == 0:
            t = self.base(ct.base)
        else:
            t = self.pointer(ct.base, ct.ptr)
        if ct.array is not None:
            t = t * ct.array
        return t

    def pointer(self, base, depth):
        if depth == 1:
            if base == "void" or self._is_opaque(base):
                return ctypes.c_void_p      # handles travel as plain ints
            if base == "char":
                return ctypes.c_char_p
        inner = self.base(base) if depth == 1 else self.pointer(base, depth - 1)
        return ctypes.POINTER(inner)

    def _is_opaque(self, name):
        d = self.decls
        while name in d.aliases and d.aliases[name].ptr == 0:
            name = d.aliases[name].base
        return name in d.opaque


class _Lib:
    """Namespace of the library's functions, one attribute per header prototype."""


# ctypes cuts a Python int to an integer parameter's width without a word (2**64 + 1 becomes 1);
# cffi raises OverflowError. Functions with integer parameters get a wrapper that raises as
# NumPy does when it converts such an int to C.
_INT_RANGES = {}
for _t, _msg in ((ctypes.c_int8, "int"), (ctypes.c_int16, "int"), (ctypes.c_int32, "int"),
                 (ctypes.c_int64, "long"), (ctypes.c_uint8, "int"), (ctypes.c_uint16, "int"),
                 (ctypes.c_uint32, "int"), (ctypes.c_uint64, "long")):
    _bits = 8 * ctypes.sizeof(_t)
    _lo = 0 if _t(-1).value > 0 else -2 ** (_bits - 1)
    _INT_RANGES[_t] = (_lo, _lo + 2 ** _bits - 1, _msg)


def _too_large(kind):
    raise OverflowError("Python int too large to convert to C " + kind)


def _range_checked(name, fn):
    checks = [(i, _INT_RANGES[t]) for i, t in enumerate(fn.argtypes) if t in _INT_RANGES]
    if not checks:
        return fn
    params = ", ".join("a%d" % i for i in range(len(fn.argtypes)))
    tests = "".join("    if type(a%d) is int and not %d <= a%d <= %d:\n        _too_large(%r)\n"
                    % (i, lo, i, hi, kind) for i, (lo, hi, kind) in checks)
    src = "def %s(%s):\n%s    return _fn(%s)\n" % (name, params, tests, params)
    scope = {"_fn": fn, "_too_large": _too_large}
    exec(src, scope)  # noqa: S102 - generated from the header's parameter types only
    wrapper = scope[name]
    wrapper._as_parameter_ = fn     # ctypes.cast(lib.f, c_void_p) still gives the address
    return wrapper


def _missing(name, path):
    def stub(*args):
        raise NotImplementedError("%s does not export %s" % (path, name))
    return stub


def _load():
    decls = _cparser.parse(_header.declarations())
    types = _Types(decls)
    cdll, path = _loader.open_library(ctypes.CDLL)
    lib = _Lib()
    protos = {f.name: f for f in decls.functions}
    missing = []

    def bind(name):
        f = protos[name]
        try:
            fn = getattr(cdll, name)
        except AttributeError:
            missing.append(name)
            setattr(lib, name, _missing(name, path))
            return
        fn.restype = types.ctype(f.ret)
        fn.argtypes = [types.ctype(p.ctype) for p in f.params]
        setattr(lib, name, _range_checked(name, fn))

    # The ABI check comes first: a library of another ABI may lack symbols the header names.
    bind("cnp_abi_version")
    _loader.check_abi(lib.cnp_abi_version(), path)
    for name in protos:
        if name != "cnp_abi_version":
            bind(name)
    return decls, types, lib, path, missing


_decls, _types, lib, path, missing = _load()
consts = dict(_decls.consts)
NULL = None

_Scalar = _types.base("cnp_scalar")
_Index = _types.base("cnp_index")
_Deleter = _types.base("cnp_deleter")
_WarningFn = _types.base("cnp_warning_fn")
_RefsFn = _types.base("cnp_object_refs_fn")
_UfuncArgs = _types.base("cnp_ufunc_args")
_Errstate = _types.base("cnp_errstate")
_UfuncInfo = _types.base("cnp_ufunc_info")
_SAME_KIND = consts["CNP_CASTING_SAME_KIND"]
_ORDER_K = consts["CNP_ORDER_K"]

_VP1 = ctypes.c_void_p * 1
_I32_1 = ctypes.c_int32 * 1
_I64_1 = ctypes.c_int64 * 1
_CP1 = ctypes.c_char_p * 1
_I64P1 = ctypes.POINTER(ctypes.c_int64) * 1
_string_at = ctypes.string_at

# Out-parameter cells: create, pass, read cell[0].
new_array_out = _VP1
new_dtype_out = _VP1
new_voidp_out = _VP1
new_int32_out = _I32_1
new_int64_out = _I64_1
new_charp_out = _CP1
new_int64p_out = _I64P1
new_scalar = _Scalar
new_errstate = _Errstate
new_ufunc_info = _UfuncInfo


def new_ufunc_args():
    """A cnp_ufunc_args holding the defaults (no out/where/dtype, same_kind, order K)."""
    a = _UfuncArgs()
    a.casting = _SAME_KIND
    a.order = _ORDER_K
    return a


_I64_TYPES = [ctypes.c_int64 * n for n in range(65)]   # array types made once, not per call


def int64_array(seq, _types=_I64_TYPES):
    """int64_t[] holding the ints of a sequence (OverflowError beyond int64, as cffi)."""
    n = len(seq)
    if n and (min(seq) < -0x8000000000000000 or max(seq) > 0x7FFFFFFFFFFFFFFF):
        _too_large("long")
    return (_types[n] if n < 65 else ctypes.c_int64 * n)(*seq)


def dtype_array(handles):
    """const cnp_dtype*[] holding dtype handles."""
    return (ctypes.c_void_p * len(handles))(*handles)


def charp_array(items):
    """const char*[] of bytes objects (None: NULL); the array keeps the bytes alive."""
    return (ctypes.c_char_p * max(len(items), 1))(*items)


def double_array(seq):
    """double[] holding the floats of a sequence."""
    return (ctypes.c_double * len(seq))(*seq)


def handle_array(handles):
    """const cnp_array*[] holding array handles."""
    return (ctypes.c_void_p * len(handles))(*handles)


def new_array_outs(n):
    """cnp_array*[n] for entry points that hand out several arrays."""
    return (ctypes.c_void_p * max(n, 1))()


def index_array(items):
    """cnp_index[] from (kind, flags, start, stop, step) tuples."""
    arr = (_Index * len(items))()
    for dst, item in zip(arr, items):
        dst.kind, dst.flags, dst.start, dst.stop, dst.step = item[:5]
        if len(item) > 5:
            dst.array = item[5]         # the handle of an index array (CNP_INDEX_ARRAY)
    return arr


def is_null(ptr):
    return not ptr


def string(ptr):
    """A C string (char* result or cell) as str."""
    return ptr.decode("utf-8", "replace") if ptr else ""


def address(ptr):
    """The address held by a void* result, as an int."""
    return ptr or 0


def voidp(addr):
    """An int address as a value accepted for a void* parameter."""
    return addr


def read_int64s(ptr, n):
    return tuple(ptr[:n]) if n else ()


def read_bytes(addr, n):
    return _string_at(addr, n) if n else b""


def memory(addr, n, readonly=True):
    """A memoryview of n bytes at addr, without copying (the caller keeps the owner alive)."""
    mv = memoryview((ctypes.c_char * n).from_address(addr)).cast("B")
    return mv.toreadonly() if readonly else mv


def make_deleter(fn):
    """A cnp_deleter calling fn(ctx as int). The caller must keep the result alive."""
    return _Deleter(lambda data, ctx: fn(ctx or 0))


def make_warning_fn(fn):
    """A cnp_warning_fn calling fn(category, message str)."""
    return _WarningFn(lambda cat, msg, ctx: fn(cat, msg.decode("utf-8", "replace") if msg else ""))


def make_refs_fn(fn):
    """A cnp_object_refs_fn calling fn(address of the references, n). Keep the result alive."""
    return _RefsFn(lambda objs, n, ctx, _c=ctypes.cast, _v=ctypes.c_void_p: fn(_c(objs, _v).value, n))


def refs_fn_at(addr):
    """The cnp_object_refs_fn at a C address."""
    return _RefsFn(addr)


def keep_forever(obj):
    """Leaks one reference to obj so it outlives interpreter teardown: C may still call a
    callback while modules are being cleared."""
    ctypes.pythonapi.Py_IncRef(ctypes.py_object(obj))
