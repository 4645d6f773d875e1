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

inf = Inf = Infinity = PINF = math.inf
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

__all__ = ["inf", "Inf", "Infinity", "PINF", "NINF", "nan", "NaN", "NAN", "PZERO", "NZERO", "pi",
           "e", "euler_gamma", "little_endian", "typecodes", "sctypes", "ScalarType"]
