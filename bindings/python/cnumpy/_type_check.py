"""Type helpers of numpy/lib/type_check.py, numpy/core/numerictypes.py and numeric.py (NumPy
1.24 behaviour and messages): isscalar, iscomplex, iscomplexobj, isreal, isrealobj, isposinf,
isneginf, nan_to_num, real_if_close, issubdtype, issctype, obj2sctype, sctype2char,
maximum_sctype, mintypecode, min_scalar_type, common_type, typename, find_common_type, require,
array_equiv, asarray_chkfinite, asfarray, binary_repr, base_repr, issubclass_, issubsctype,
iterable.

cnumpy has no long double, no object dtype and (until the parametric dtype work) no string
dtypes: the tables below hold the types cnumpy has, so `common_type` never answers float128."""
import numbers
import operator
import warnings

from ._casting import copyto, value_dtype
from ._constants import ScalarType, sctypes, typecodes
from ._convert import array, asanyarray, asarray
from ._creation import zeros
from ._dtype import dtype
from ._finfo import finfo
from ._mathfuncs import imag
from ._ndarray import ndarray
from ._reduce import all as _all
from ._scalars import (generic, integer, inexact, complexfloating, bool_, float16, float32,
                       float64, complex64, complex128, int8, int16, int32, int64, uint8, uint16,
                       uint32, uint64)
from ._shape_funcs import broadcast_shapes
from ._ufunc_table import UFUNCS

__all__ = ["isscalar", "iscomplex", "iscomplexobj", "isreal", "isrealobj", "isposinf",
           "isneginf", "nan_to_num", "real_if_close", "issubdtype", "issctype", "obj2sctype",
           "sctype2char", "maximum_sctype", "mintypecode", "min_scalar_type", "common_type",
           "typename", "find_common_type", "require", "array_equiv", "asarray_chkfinite",
           "asfarray", "binary_repr", "base_repr", "issubclass_", "issubsctype", "iterable"]

_isinf, _isnan, _signbit, _logical_and, _absolute, _isfinite = (
    UFUNCS[n] for n in ("isinf", "isnan", "signbit", "logical_and", "absolute", "isfinite"))

_NAME_FROM_TYPE = {
    "S1": "character", "?": "bool", "b": "signed char", "B": "unsigned char", "h": "short",
    "H": "unsigned short", "i": "integer", "I": "unsigned integer", "l": "long integer",
    "L": "unsigned long integer", "q": "long long integer", "Q": "unsigned long long integer",
    "f": "single precision", "d": "double precision", "g": "long precision",
    "F": "complex single precision", "D": "complex double precision",
    "G": "complex long double precision", "S": "string", "U": "unicode", "V": "void",
    "O": "object"}
_TYPECODES_BY_ELSIZE = "GDFgdfQqLlIiHhBb?"
# common_type's precision ladder (NumPy's array_type without long double).
_REAL_BY_PRECISION = [float16, float32, float64]
_COMPLEX_BY_PRECISION = [None, complex64, complex128]
_PRECISION = {float16: 0, float32: 1, float64: 2, complex64: 1, complex128: 2}
# find_common_type's search order and kinds (numerictypes.__test_types, _kind_list).
_TEST_TYPES = "?bBhHiIlLqQefdgFDGO"
_KIND_LIST = ["b", "u", "i", "f", "c", "S", "U", "V", "O", "M", "m"]
_CONCRETE = {bool_, int8, int16, int32, int64, uint8, uint16, uint32, uint64, float16, float32,
             float64, complex64, complex128}
_POSSIBLE_FLAGS = {"C": "C", "C_CONTIGUOUS": "C", "CONTIGUOUS": "C", "F": "F",
                   "F_CONTIGUOUS": "F", "FORTRAN": "F", "A": "A", "ALIGNED": "A", "W": "W",
                   "WRITEABLE": "W", "O": "O", "OWNDATA": "O", "E": "E", "ENSUREARRAY": "E"}
_FLAG_NAMES = {"C": "C_CONTIGUOUS", "F": "F_CONTIGUOUS", "A": "ALIGNED", "W": "WRITEABLE",
               "O": "OWNDATA"}


def isscalar(element):
    """numpy.isscalar."""
    return (isinstance(element, generic) or type(element) in ScalarType
            or isinstance(element, numbers.Number))


def iscomplexobj(x):
    """numpy.iscomplexobj: True if x's type (not its values) is complex."""
    try:
        type_ = x.dtype.type
    except AttributeError:
        type_ = asarray(x).dtype.type
    return issubclass(type_, complexfloating)


def isrealobj(x):
    """numpy.isrealobj."""
    return not iscomplexobj(x)


def iscomplex(x):
    """numpy.iscomplex: element-wise, True where the imaginary part is non-zero."""
    ax = asanyarray(x)
    if issubclass(ax.dtype.type, complexfloating):
        return ax.imag != 0
    return zeros(ax.shape, bool)[()]


def isreal(x):
    """numpy.isreal: element-wise, True where the imaginary part is zero."""
    return imag(x) == 0


def _signed_inf(x, out, negative):
    is_inf = _isinf(x)
    try:
        sign = _signbit(x) if negative else ~_signbit(x)
    except TypeError as e:
        raise TypeError("This operation is not supported for %s values because it would be "
                        "ambiguous." % asanyarray(x).dtype) from e
    return _logical_and(is_inf, sign, out)


def isposinf(x, out=None):
    """numpy.isposinf."""
    return _signed_inf(x, out, False)


def isneginf(x, out=None):
    """numpy.isneginf."""
    return _signed_inf(x, out, True)


def nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None):
    """numpy.nan_to_num: NaN to `nan`, +-inf to the largest finite values (or those given)."""
    x = array(x, copy=copy)
    scalar = x.ndim == 0
    if not issubclass(x.dtype.type, inexact):
        return x[()] if scalar else x
    parts = (x.real, x.imag) if issubclass(x.dtype.type, complexfloating) else (x,)
    info = finfo(x.real.dtype)
    maxf = info.max if posinf is None else posinf
    minf = info.min if neginf is None else neginf
    for d in parts:
        nan_at, pos_at, neg_at = _isnan(d), isposinf(d), isneginf(d)
        copyto(d, nan, where=nan_at)
        copyto(d, maxf, where=pos_at)
        copyto(d, minf, where=neg_at)
    return x[()] if scalar else x


def real_if_close(a, tol=100):
    """numpy.real_if_close: the real part if every imaginary part is below tol (eps units)."""
    a = asanyarray(a)
    if not issubclass(a.dtype.type, complexfloating):
        return a
    if tol > 1:
        tol = finfo(a.dtype.type).eps * tol
    if bool(_all(_absolute(a.imag) < tol)):
        a = a.real
    return a


def obj2sctype(rep, default=None):
    """numpy.obj2sctype: the scalar type of a type, dtype, array or spelling."""
    if isinstance(rep, type) and issubclass(rep, generic):
        return rep
    if isinstance(rep, ndarray):
        return rep.dtype.type
    try:
        return dtype(rep).type
    except Exception:
        return default


def issctype(rep):
    """numpy.issctype: whether rep is a scalar type (or dtype) cnumpy has."""
    if not isinstance(rep, (type, dtype)):
        return False
    try:
        return bool(obj2sctype(rep))
    except Exception:
        return False


def issubdtype(arg1, arg2):
    """numpy.issubdtype: whether arg1's type is below arg2 in the scalar type hierarchy."""
    if not (isinstance(arg1, type) and issubclass(arg1, generic)):
        arg1 = dtype(arg1).type
    if not (isinstance(arg2, type) and issubclass(arg2, generic)):
        arg2 = dtype(arg2).type
    return issubclass(arg1, arg2)


def sctype2char(sctype):
    """numpy.sctype2char: the type character of a scalar type."""
    sctype = obj2sctype(sctype)
    if sctype is None:
        raise ValueError("unrecognized type")
    if sctype not in _CONCRETE:
        raise KeyError(sctype)
    return dtype(sctype).char


def maximum_sctype(t):
    """numpy.maximum_sctype: the widest scalar type of t's kind."""
    g = obj2sctype(t)
    if g is None:
        return t
    kind = {"b": "others", "i": "int", "u": "uint", "f": "float", "c": "complex"}.get(
        dtype(g).kind)
    if kind in sctypes and kind != "others":
        return sctypes[kind][-1]
    return g


def typename(char):
    """numpy.typename: a description of a type character."""
    return _NAME_FROM_TYPE[char]


def mintypecode(typechars, typeset="GDFgdf", default="d"):
    """numpy.mintypecode: the smallest type character in typeset all of typechars cast to."""
    codes = ((isinstance(t, str) and t) or asarray(t).dtype.char for t in typechars)
    found = {t for t in codes if t in typeset}
    if not found:
        return default
    if "F" in found and "d" in found:
        return "D"
    return min(found, key=_TYPECODES_BY_ELSIZE.index)


def common_type(*arrays):
    """numpy.common_type: the inexact scalar type all arrays convert to (integers: float64)."""
    is_complex, precision = False, 0
    for a in arrays:
        t = a.dtype.type
        if iscomplexobj(a):
            is_complex = True
        if issubclass(t, integer):
            p = 2
        else:
            p = _PRECISION.get(t)
            if p is None:
                raise TypeError("can't get common type for non-numeric array")
        precision = max(precision, p)
    return (_COMPLEX_BY_PRECISION if is_complex else _REAL_BY_PRECISION)[precision]


def _can_coerce_all(dtypes, start=0):
    if not dtypes:
        return None
    if len(dtypes) == 1:
        return dtypes[0]
    for code in _TEST_TYPES[start:]:
        try:
            candidate = dtype(code)
        except (TypeError, NotImplementedError):     # long double: cnumpy has none
            continue
        if all(candidate >= d for d in dtypes):
            return candidate
    return None


def find_common_type(array_types, scalar_types):
    """numpy.find_common_type (deprecated in NumPy 1.25; 1.24's rules: scalars only count if
    their kind is higher than the arrays')."""
    array_types = [dtype(x) for x in array_types]
    scalar_types = [dtype(x) for x in scalar_types]
    maxa = _can_coerce_all(array_types)
    maxsc = _can_coerce_all(scalar_types)
    if maxa is None:
        return maxsc
    if maxsc is None:
        return maxa
    try:
        index_a = _KIND_LIST.index(maxa.kind)
        index_sc = _KIND_LIST.index(maxsc.kind)
    except ValueError:
        return None
    if index_sc <= index_a:
        return maxa
    if maxsc > maxa:
        return maxsc
    return _can_coerce_all([maxsc, maxa], start=_TEST_TYPES.index(maxsc.char))


def min_scalar_type(a):
    """numpy.min_scalar_type: the smallest dtype that holds a's value (arrays: their dtype)."""
    if isinstance(a, ndarray) and a.ndim > 0:
        return a.dtype
    arr = asarray(a)
    if arr.ndim > 0:
        return arr.dtype
    if arr.dtype.kind not in "biufc":
        return arr.dtype
    # NumPy 1.24's value-based sizing, the rule can_cast applies to Python scalars (unsigned
    # for non-negative integers: judged against an unsigned target).
    return value_dtype(arr[()].item(), dtype("uint64"))


def require(a, dtype=None, requirements=None, *, like=None):
    """numpy.require: an array of the given dtype meeting the flag requirements."""
    if not requirements:
        return asanyarray(a, dtype=dtype)
    if isinstance(requirements, str):
        requirements = [requirements]
    wanted = set()
    for r in requirements:
        try:
            wanted.add(_POSSIBLE_FLAGS[r.upper()])
        except KeyError:
            raise KeyError(r.upper()) from None
    wanted.discard("E")
    order = "A"
    if wanted >= {"C", "F"}:
        raise ValueError('Cannot specify both "C" and "F" order')
    if "F" in wanted:
        order = "F"
        wanted.remove("F")
    elif "C" in wanted:
        order = "C"
        wanted.remove("C")
    arr = asarray(a, dtype=dtype, order=order)
    for flag in wanted:
        if not arr.flags[_FLAG_NAMES[flag]]:
            return arr.copy(order)
    return arr


def array_equiv(a1, a2):
    """numpy.array_equiv: shape-consistent (broadcastable) and all elements equal."""
    try:
        a1, a2 = asarray(a1), asarray(a2)
    except Exception:
        return False
    try:
        broadcast_shapes(a1.shape, a2.shape)
    except Exception:
        return False
    return bool(asarray(a1 == a2).all())


def asarray_chkfinite(a, dtype=None, order=None):
    """numpy.asarray_chkfinite: asarray, raising on inf or NaN."""
    a = asarray(a, dtype=dtype, order=order)
    if a.dtype.char in typecodes["AllFloat"] and not bool(_isfinite(a).all()):
        raise ValueError("array must not contain infs or NaNs")
    return a


def asfarray(a, dtype=float64):
    """numpy.asfarray: an array of an inexact type (float64 unless an inexact type is given)."""
    if not issubdtype(dtype, inexact):
        dtype = float64
    return asarray(a, dtype=dtype)


def binary_repr(num, width=None):
    """numpy.binary_repr: the binary string of an integer (two's complement with a width)."""
    def warn_if_insufficient(width, binwidth):
        if width is not None and width < binwidth:
            warnings.warn("Insufficient bit width provided. This behavior will raise an error "
                          "in the future.", DeprecationWarning, stacklevel=3)
    num = operator.index(num)
    if num == 0:
        return "0" * (width or 1)
    if num > 0:
        binary = bin(num)[2:]
        binwidth = len(binary)
        outwidth = binwidth if width is None else max(binwidth, width)
        warn_if_insufficient(width, binwidth)
        return binary.zfill(outwidth)
    if width is None:
        return "-" + bin(-num)[2:]
    poswidth = len(bin(-num)[2:])
    if 2 ** (poswidth - 1) == -num:     # -2**k fits in k+1 bits
        poswidth -= 1
    binary = bin(2 ** (poswidth + 1) + num)[2:]
    binwidth = len(binary)
    outwidth = max(binwidth, width)
    warn_if_insufficient(width, binwidth)
    return "1" * (outwidth - binwidth) + binary


def base_repr(number, base=2, padding=0):
    """numpy.base_repr: the string of an integer in a base up to 36."""
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    if base > len(digits):
        raise ValueError("Bases greater than 36 not handled in base_repr.")
    if base < 2:
        raise ValueError("Bases less than 2 not handled in base_repr.")
    num = abs(number)
    res = []
    while num:
        res.append(digits[num % base])
        num //= base
    if padding:
        res.append("0" * padding)
    if number < 0:
        res.append("-")
    return "".join(reversed(res or "0"))


def issubclass_(arg1, arg2):
    """numpy.issubclass_: issubclass(arg1, arg2), False instead of a TypeError."""
    try:
        return issubclass(arg1, arg2)
    except TypeError:
        return False


def issubsctype(arg1, arg2):
    """numpy.issubsctype: whether the scalar type of arg1 is a subclass of arg2's (both read
    by obj2sctype: types, dtypes, arrays, type strings)."""
    return issubclass(obj2sctype(arg1), obj2sctype(arg2))


def iterable(y):
    """numpy.iterable: whether iter(y) works (0-d arrays are not iterable)."""
    try:
        iter(y)
    except TypeError:
        return False
    return True
