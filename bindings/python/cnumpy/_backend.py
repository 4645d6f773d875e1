"""The backend selected by CNUMPY_BACKEND ("ctypes", the default, or "cffi").

Both backends read the same public header and export the same interface, which is all the rest
of the package uses:
  NAME                  "ctypes" or "cffi"
  lib                   one attribute per function of the header (plain foreign functions: the
                        caller checks the returned cnp_status, see _capi.check)
  consts                {name: value} of every enum constant of the header
  NULL                  the null pointer to pass for optional pointer arguments
  path, missing         the loaded library file; header functions it does not export
  new_array_out() new_dtype_out() new_voidp_out() new_int32_out() new_int64_out()
  new_charp_out() new_int64p_out()
                        out-parameter cells: pass the cell, read the result as cell[0]
  new_scalar()          a zeroed cnp_scalar (fields typenum, flags, value.i/.u/.f/.c[0..1]),
                        passed as is for a const cnp_scalar* or cnp_scalar* parameter
  new_ufunc_args()      a cnp_ufunc_args with the defaults (fields out[0..1], where, dtype,
                        casting, order; handles are assigned as they are), passed as is
  new_errstate()        a zeroed cnp_errstate (fields divide, over, under, invalid)
  new_ufunc_info()      a zeroed cnp_ufunc_info (fields name, alias_of, summary: char*, read
                        with string(); nin, nout, has_identity; identity: a cnp_scalar)
  int64_array(seq)      int64_t[] of a sequence of ints
  dtype_array(handles)  const cnp_dtype*[] of dtype handles
  charp_array(items)    const char*[] of bytes objects (None for NULL)
  double_array(seq)     double[] of a sequence of floats
  handle_array(handles) const cnp_array*[] of array handles
  new_array_outs(n)     cnp_array*[n] cells for functions returning several arrays
  index_array(items)    cnp_index[] of (kind, flags, start, stop, step) tuples
  is_null(ptr)          whether a pointer result is NULL
  string(ptr)           a const char* result as str ("" for NULL)
  address(ptr)          a void* result as an int; voidp(int) the other way
  read_int64s(ptr, n)   n int64_t at a pointer as a tuple of ints
  read_bytes(addr, n)   a copy of n bytes at an address
  memory(addr, n, readonly=True)
                        a memoryview ("B") over n bytes at an address, no copy
  make_deleter(fn)      a cnp_deleter calling fn(ctx as int)
  make_warning_fn(fn)   a cnp_warning_fn calling fn(category, message)
  make_refs_fn(fn)      a cnp_object_refs_fn calling fn(address of the references, n)
  refs_fn_at(addr)      the cnp_object_refs_fn at a C address (the _speedups hooks)
  keep_forever(obj)     leaks a reference so a callback outlives interpreter teardown
"""
import os

_choice = os.environ.get("CNUMPY_BACKEND", "ctypes").strip().lower() or "ctypes"
if _choice == "ctypes":
    from ._ctypes_backend import *          # noqa: F401,F403
    from ._ctypes_backend import NAME, lib, consts, NULL, path, missing  # noqa: F401
elif _choice == "cffi":
    try:
        import cffi  # noqa: F401
    except ImportError:
        raise ImportError("cnumpy: CNUMPY_BACKEND=cffi but the cffi module is not installed") \
            from None
    from ._cffi_backend import *            # noqa: F401,F403
    from ._cffi_backend import NAME, lib, consts, NULL, path, missing  # noqa: F401
else:
    raise ImportError("cnumpy: unknown CNUMPY_BACKEND %r (use 'ctypes' or 'cffi')" % _choice)

INTERFACE = (
    "NAME", "lib", "consts", "NULL", "path", "missing",
    "new_array_out", "new_dtype_out", "new_voidp_out", "new_int32_out", "new_int64_out",
    "new_charp_out", "new_int64p_out", "new_scalar", "new_ufunc_args", "new_errstate",
    "new_ufunc_info",
    "int64_array", "dtype_array", "charp_array", "double_array", "handle_array", "new_array_outs",
    "index_array", "is_null", "string", "address", "voidp", "read_int64s", "read_bytes",
    "memory", "make_deleter", "make_warning_fn", "make_refs_fn", "refs_fn_at", "keep_forever",
)
_absent = [n for n in INTERFACE if n not in globals()]
if _absent:  # a backend that drifted from the interface is a bug in this package
    raise ImportError("cnumpy: backend %s lacks %s" % (_choice, ", ".join(_absent)))
