"""cnumpy: NumPy's API over libcnumpy, a C++ library with a flat C ABI.

The package never imports NumPy: the library does the work, and the bindings are generated at
import time from the library's public C header (through ctypes, or cffi with
CNUMPY_BACKEND=cffi).
"""
import sys as _sys

from . import _backend, _protocols
from ._errors import (AxisError, ComplexWarning, VisibleDeprecationWarning, ModuleDeprecationWarning,
                      TooHardError)
from ._dtype import dtype
from ._scalars import (generic, number, integer, signedinteger, unsignedinteger, inexact,
                       floating, complexfloating, bool_, int8, int16, int32, int64, uint8,
                       uint16, uint32, uint64, float16, float32, float64, complex64, complex128,
                       True_, False_, datetime64, timedelta64, void, record, str_, bytes_,
                       character, flexible, object_, ALIASES as _ALIASES)
from ._ndarray import ndarray, flagsobj
from . import _methods  # noqa: F401  (attaches the methods and operators of ndarray and scalars)
from ._convert import array, asarray, asanyarray, ascontiguousarray, asfortranarray
from ._creation import (empty, zeros, ones, full, empty_like, zeros_like, ones_like, full_like,
                        arange, linspace, logspace, geomspace, eye, identity, copy, frombuffer)
from ._shape_funcs import reshape, ravel, transpose, shape, ndim, size, rollaxis
from ._casting import (can_cast, promote_types, result_type, copyto, may_share_memory,
                       shares_memory, MAY_SHARE_BOUNDS, MAY_SHARE_EXACT)
from ._ufunc import ufunc
from ._ufunc_table import UFUNCS as _UFUNCS
from ._mathfuncs import (around, round_, round, fix, clip, real, imag, angle, isclose, allclose,
                         array_equal)
from ._errstate import (seterr, geterr, seterrcall, geterrcall, errstate, setbufsize, getbufsize,
                        geterrobj, seterrobj)
from ._reduce import (sum, prod, amin, amax, min, max, mean, var, std, ptp, all, any,
                      count_nonzero, argmin, argmax, cumsum, cumprod)
from ._stats import (median, nanmedian, quantile, percentile, nanquantile, nanpercentile, nansum,
                     nanprod, nanmin, nanmax, nanmean, nanvar, nanstd, nanargmin, nanargmax,
                     nancumsum, nancumprod, average, bincount, histogram, histogram_bin_edges, diff, ediff1d, gradient,
                     trapz, cov, corrcoef)
from ._shape_funcs import (swapaxes, moveaxis, squeeze, expand_dims, atleast_1d, atleast_2d,
                           atleast_3d, broadcast_to, broadcast_arrays, broadcast_shapes)
from ._selection import *  # noqa: F401,F403  (where: numpy.where with its one-argument form)
from ._joining import *  # noqa: F401,F403
from ._splitting import *  # noqa: F401,F403
from ._rearranging import *  # noqa: F401,F403
from ._pad import pad
from . import _selection, _joining, _splitting, _rearranging
from ._sorting import *  # noqa: F401,F403  (sort, argsort, searchsorted, unique, set functions)
from ._sorting import __all__ as _sorting_all
from ._datetime import (busday_count, busday_offset, busdaycalendar, datetime_as_string,
                        datetime_data, is_busday)
from ._index_tricks import *  # noqa: F401,F403  (ravel_multi_index, unravel_index, tril_indices, ...)
from ._type_check import *  # noqa: F401,F403  (isscalar, iscomplexobj, issubdtype, require, ...)
from ._functional import *  # noqa: F401,F403  (apply_along_axis, piecewise, vectorize, ...)
from ._window import *  # noqa: F401,F403  (bartlett, blackman, hamming, hanning, kaiser, i0, sinc)
from ._numeric import correlate, convolve, interp, cross, unwrap
from ._flatiter import flatiter, broadcast
from ._lib_utils import *  # noqa: F401,F403  (isfortran, byte_bounds, get_array_wrap, who, ...)
from . import _lib_utils
from ._stride_tricks import packbits, unpackbits
from ._histogramdd import histogramdd, histogram2d
from ._npyio import save, load, savez, savez_compressed, fromfile, fromstring
from ._memmap import memmap
from . import lib
from . import ma
from ._textio import loadtxt, savetxt, genfromtxt, fromregex  # noqa: F401
from . import emath, _index_tricks, _type_check, _functional, _window
from . import fft
from . import char
from .char import chararray, compare_chararrays
from . import rec
from .rec import recarray, format_parser
from . import matrixlib
from .matrixlib import matrix, asmatrix, mat, bmat
from ._recfromtxt import recfromtxt, recfromcsv
from . import audio
from . import queue
from ._print import set_printoptions, get_printoptions, printoptions
from ._einsum_path import einsum_path
from ._nditer import nditer, nested_iters
from ._arrayprint import (array2string, array_repr, array_str, format_float_positional,
                          format_float_scientific)
from ._interop import from_dlpack
from ._finfo import finfo, iinfo
from ._constants import *  # noqa: F401,F403  (nan, inf, pi, e, typecodes, sctypes, ...)
from ._constants import __all__ as _constants_all
from ._info import info, show_config
from ._products import dot, vdot, inner, outer, matmul, tensordot, einsum, kron, trace  # noqa: F811
from . import linalg
from ._polynomial_legacy import (poly, roots, polyint, polyder, polyadd, polysub, polymul,
                                 polydiv, polyval, poly1d, polyfit, RankWarning, vander)
from . import polynomial
from . import random

globals().update(_ALIASES)
globals().update(_UFUNCS)
# numpy.X called with cnumpy arrays (__array_function__) runs the X of this namespace.
_protocols.adopt_namespace(_sys.modules[__name__])

newaxis = None
# NumPy 1.24's older names of four reductions (deprecated in NumPy 1.25, still used by scripts).
product, cumproduct, alltrue, sometrue = prod, cumprod, all, any
__version__ = _backend.string(_backend.lib.cnp_version_string())

# Public classes print as cnumpy.X (as NumPy's print as numpy.X), not as private modules.
for _cls in (AxisError, ComplexWarning, TooHardError, dtype, ndarray, generic, number, integer,
             signedinteger, unsignedinteger, inexact, floating, complexfloating, bool_, int8,
             int16, int32, int64, uint8, uint16, uint32, uint64, float16, float32, float64,
             complex64, complex128, datetime64, timedelta64, void, record, str_, bytes_, character,
             flexible, object_, ufunc, errstate, busdaycalendar, memmap, VisibleDeprecationWarning,
             ModuleDeprecationWarning, flatiter, broadcast):
    _cls.__module__ = __name__
del _cls

__all__ = [
    "AxisError", "ComplexWarning", "VisibleDeprecationWarning", "ModuleDeprecationWarning", "TooHardError", "dtype", "ndarray", "generic", "number",
    "integer", "signedinteger", "unsignedinteger", "inexact", "floating", "complexfloating",
    "bool_", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float16",
    "float32", "float64", "complex64", "complex128", "datetime64", "timedelta64", "void",
    "record", "str_", "bytes_", "character", "flexible", "object_", "array", "asarray", "asanyarray",
    "ascontiguousarray", "asfortranarray", "empty", "zeros", "ones", "full", "empty_like",
    "zeros_like", "ones_like", "full_like", "arange", "linspace", "logspace", "geomspace", "eye",
    "identity", "copy", "frombuffer", "reshape", "ravel", "transpose", "shape", "ndim", "size",
    "can_cast", "promote_types", "result_type", "copyto", "may_share_memory",
    "shares_memory", "MAY_SHARE_BOUNDS", "MAY_SHARE_EXACT", "newaxis",
    "ufunc", "around", "round_", "round", "fix", "clip", "real", "imag", "angle", "isclose",
    "allclose", "array_equal", "where", "seterr", "geterr", "seterrcall", "geterrcall",
    "errstate", "setbufsize", "getbufsize", "geterrobj", "seterrobj", "rollaxis", "sum", "prod", "amin", "amax", "min", "max", "mean", "var", "std", "ptp", "all",
    "any", "count_nonzero", "argmin", "argmax", "cumsum", "cumprod", "median", "nanmedian",
    "quantile", "percentile", "nanquantile", "nanpercentile", "nansum", "nanprod", "nanmin",
    "nanmax", "nanmean", "nanvar", "nanstd", "nanargmin", "nanargmax", "nancumsum", "nancumprod",
    "average", "bincount", "histogram", "histogram_bin_edges", "diff", "ediff1d", "gradient", "trapz", "cov", "corrcoef",
    "dot", "vdot", "inner", "outer", "matmul", "tensordot", "einsum", "kron", "trace",
] + _selection.__all__ + _joining.__all__ + _splitting.__all__ + _rearranging.__all__ + [
    "pad",
    "swapaxes", "moveaxis", "squeeze", "expand_dims", "atleast_1d", "atleast_2d", "atleast_3d",
    "broadcast_to", "broadcast_arrays", "broadcast_shapes",
] + _sorting_all + sorted(_ALIASES) + sorted(_UFUNCS)
__all__ += ["loadtxt", "savetxt", "genfromtxt", "fromregex"]
__all__ += ["nditer", "nested_iters", "einsum_path", "array2string", "array_repr", "array_str", "format_float_positional",
            "format_float_scientific"]
__all__ += ["set_printoptions", "get_printoptions", "printoptions", "from_dlpack", "finfo", "iinfo",
            "info", "show_config"] + _constants_all
__all__ += (["product", "cumproduct", "alltrue", "sometrue", "emath", "lib", "ma", "correlate", "convolve",
             "interp", "cross", "unwrap", "flatiter", "broadcast", "packbits", "unpackbits", "histogramdd", "histogram2d",
             "save", "load", "savez", "savez_compressed", "fromfile", "fromstring", "memmap"] + _index_tricks.__all__
            + _type_check.__all__ + _functional.__all__ + _window.__all__ + _lib_utils.__all__)
__all__ += ["rec", "recarray", "format_parser", "recfromtxt", "recfromcsv", "matrixlib", "matrix",
            "asmatrix", "mat", "bmat"]
__all__ += ["busday_count", "busday_offset", "busdaycalendar", "datetime_as_string", "datetime_data",
            "is_busday"]
__all__ += ["poly", "roots", "polyint", "polyder", "polyadd", "polysub", "polymul", "polydiv",
            "polyval", "poly1d", "polyfit", "RankWarning", "vander"]
