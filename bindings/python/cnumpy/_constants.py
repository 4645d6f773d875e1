"""NumPy 1.24's module-level constants: the float values, the type-code strings and the scalar
type tables, with NumPy's values and Python types (plain floats, a bool, dicts, a tuple).

The tables list the scalar types cnumpy has. NumPy's also hold longdouble/clongdouble
(float128/complex256), which cnumpy does not implement (docs/numpy-differences.md); `typecodes` keeps NumPy's exact strings, since they
are plain data that code compares against `dtype.char`.
"""
import math
import sys

from ._scalars import (bool_, int8, int16, int32, int64, uint8, uint16, uint32, uint64, float16,
                       float32, float64, complex64, complex128, datetime64, timedelta64, void,
                       bytes_, str_, object_)

inf = Inf = Infinity = PINF = infty = math.inf
NINF = -math.inf
nan = NaN = NAN = math.nan
PZERO = 0.0
NZERO = -0.0
pi = math.pi
e = math.e
euler_gamma = 0.5772156649015329

little_endian = sys.byteorder == "little"

typecodes = {
    "Character": "c", "Integer": "bhilqp", "UnsignedInteger": "BHILQP", "Float": "efdg",
    "Complex": "FDG", "AllInteger": "bBhHiIlLqQpP", "AllFloat": "efdgFDG", "Datetime": "Mm",
    "All": "?bhilqpBHILQPefdgFDGSUVOMm",
}

sctypes = {
    "int": [int8, int16, int32, int64],
    "uint": [uint8, uint16, uint32, uint64],
    "float": [float16, float32, float64],
    "complex": [complex64, complex128],
    "others": [bool, object, bytes, str],
}

# Python's own scalar types first, then the library's, in NumPy's order.
ScalarType = (int, float, complex, bool, bytes, str, memoryview, bool_, complex64, complex128,
              float16, float32, float64, int8, int16, int32, int64, datetime64, timedelta64, object_,
              bytes_, str_, uint8, uint16, uint32, uint64, void)

# numpy.sctypeDict: every name, type character and type number NumPy 1.24 accepts for a scalar
# type, in NumPy's order (LP64: intp, long and longlong are int64); the long double entries
# ('g', 'G', 13, 16, 'longdouble', 'float128', ...) are left out with the types.
sctypeDict = {
    '?': bool_, 0: bool_, 'byte': int8, 'b': int8, 1: int8, 'ubyte': uint8, 'B': uint8, 2: uint8,
    'short': int16, 'h': int16, 3: int16, 'ushort': uint16, 'H': uint16, 4: uint16, 'i': int32,
    5: int32, 'uint': uint64, 'I': uint32, 6: uint32, 'intp': int64, 'p': int64, 7: int64,
    'uintp': uint64, 'P': uint64, 8: uint64, 'long': int64, 'l': int64, 'ulong': uint64,
    'L': uint64, 'longlong': int64, 'q': int64, 9: int64, 'ulonglong': uint64, 'Q': uint64,
    10: uint64, 'half': float16, 'e': float16, 23: float16, 'f': float32, 11: float32,
    'double': float64, 'd': float64, 12: float64, 'cfloat': complex128, 'F': complex64,
    14: complex64, 'cdouble': complex128, 'D': complex128, 15: complex128, 'O': object_,
    17: object_, 'S': bytes_, 18: bytes_, 'unicode': str_, 'U': str_, 19: str_, 'void': void,
    'V': void, 20: void, 'M': datetime64, 21: datetime64, 'm': timedelta64, 22: timedelta64,
    'b1': bool_, 'bool8': bool_, 'i8': int64, 'int64': int64, 'u8': uint64, 'uint64': uint64,
    'f2': float16, 'float16': float16, 'f4': float32, 'float32': float32, 'f8': float64,
    'float64': float64, 'c8': complex64, 'complex64': complex64, 'c16': complex128,
    'complex128': complex128, 'object0': object_, 'bytes0': bytes_, 'str0': str_, 'void0': void,
    'M8': datetime64, 'datetime64': datetime64, 'm8': timedelta64, 'timedelta64': timedelta64,
    'int32': int32, 'i4': int32, 'uint32': uint32, 'u4': uint32, 'int16': int16, 'i2': int16,
    'uint16': uint16, 'u2': uint16, 'int8': int8, 'i1': int8, 'uint8': uint8, 'u1': uint8,
    'complex_': complex128, 'single': float32, 'csingle': complex64, 'singlecomplex': complex64,
    'float_': float64, 'intc': int32, 'uintc': uint32, 'int_': int64, 'bool_': bool_,
    'bytes_': bytes_, 'string_': bytes_, 'str_': str_, 'unicode_': str_, 'object_': object_,
    'int': int64, 'float': float64, 'complex': complex128, 'bool': bool_, 'object': object_,
    'str': str_, 'bytes': bytes_, 'a': bytes_, 'int0': int64, 'uint0': uint64,
}

# The C-level constants numpy/core exports (NumPy 1.24's values): clip modes of take/put/choose,
# the ufunc error-mode numbers and their bit layout in the error mask (geterrobj), the
# floating-point exception bits, buffer sizes, the array-dimension limit.
ALLOW_THREADS = 1
BUFSIZE = UFUNC_BUFSIZE_DEFAULT = 8192
CLIP, WRAP, RAISE = 0, 1, 2
MAXDIMS = 32
ERR_IGNORE, ERR_WARN, ERR_RAISE, ERR_CALL, ERR_PRINT, ERR_LOG = 0, 1, 2, 3, 4, 5
SHIFT_DIVIDEBYZERO, SHIFT_OVERFLOW, SHIFT_UNDERFLOW, SHIFT_INVALID = 0, 3, 6, 9
ERR_DEFAULT = ((ERR_WARN << SHIFT_DIVIDEBYZERO) + (ERR_WARN << SHIFT_OVERFLOW)
               + (ERR_WARN << SHIFT_INVALID))
FPE_DIVIDEBYZERO, FPE_OVERFLOW, FPE_UNDERFLOW, FPE_INVALID = 1, 2, 4, 8
FLOATING_POINT_SUPPORT = 1
UFUNC_PYVALS_NAME = "UFUNC_PYVALS"
tracemalloc_domain = 389047     # NumPy's tracemalloc domain number (its data allocations)

__all__ = ["inf", "Inf", "Infinity", "PINF", "infty", "NINF", "nan", "NaN", "NAN", "PZERO", "NZERO", "pi",
           "e", "euler_gamma", "little_endian", "typecodes", "sctypes", "ScalarType", "sctypeDict",
           "ALLOW_THREADS", "BUFSIZE", "UFUNC_BUFSIZE_DEFAULT", "CLIP", "WRAP", "RAISE", "MAXDIMS",
           "ERR_IGNORE", "ERR_WARN", "ERR_RAISE", "ERR_CALL", "ERR_PRINT", "ERR_LOG",
           "ERR_DEFAULT", "SHIFT_DIVIDEBYZERO", "SHIFT_OVERFLOW", "SHIFT_UNDERFLOW",
           "SHIFT_INVALID", "FPE_DIVIDEBYZERO", "FPE_OVERFLOW", "FPE_UNDERFLOW", "FPE_INVALID",
           "FLOATING_POINT_SUPPORT", "UFUNC_PYVALS_NAME", "tracemalloc_domain"]
