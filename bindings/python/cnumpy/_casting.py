"""Type promotion and casting: can_cast, promote_types, result_type, copyto, may_share_memory."""
from . import _args, _backend, _dtype
from ._convert import as_array, as_source
from ._ndarray import ndarray, call, drop_leading_ones
from ._scalars import generic

_lib = _backend.lib
_NULL = _backend.NULL
_dt = _dtype.dtype


def _dtype_of(x):
    """The dtype of a dtype spelling, a scalar or an array (arrays before spellings: an array
    is not a dtype spelling even if it has a .dtype)."""
    if isinstance(x, (ndarray, generic)):
        return x.dtype
    return _dt(x)


def can_cast(from_, to, casting="safe"):
    """numpy.can_cast(from_, to, casting='safe'); from_ is a dtype spelling or an array."""
    c = _args.casting(casting)
    t = type(from_)
    if t is int or t is float or t is complex or t is bool:
        # NumPy 2's rule: the answer used to depend on the value, which NEP 50 removed.
        raise TypeError("can_cast() does not support Python ints, floats, and complex because "
                        "the result used to depend on the value.\nThis change was part of "
                        "adopting NEP 50, we may explicitly allow them again in the future.")
    a = _dtype_of(from_)
    b = _dt(to)
    out = _backend.new_int32_out()
    call(_lib.cnp_can_cast, a._h, b._h, c, out)
    return bool(out[0])


def promote_types(type1, type2):
    a, b = _dt(type1), _dt(type2)
    out = _backend.new_dtype_out()
    call(_lib.cnp_promote_types, a._h, b._h, out)
    return _dtype.from_handle(out[0])


_PY_DEFAULT = {bool: "bool", int: "int64", float: "float64", complex: "complex128"}


def result_type(*arrays_and_dtypes):
    """numpy.result_type over dtypes, arrays and scalars. Python bool/int/float/complex count
    as bool/int64/float64/complex128 (no value-based or weak promotion yet)."""
    dts = []
    for x in arrays_and_dtypes:
        name = _PY_DEFAULT.get(type(x))
        if name is not None:
            dts.append(_dt(name))
        elif x is None:
            raise TypeError("Cannot interpret 'None' as a data type")
        elif isinstance(x, (list, tuple)):
            dts.append(as_array(x).dtype)
        else:
            dts.append(_dtype_of(x))
    out = _backend.new_dtype_out()
    call(_lib.cnp_result_type, len(dts), _backend.dtype_array([d._h for d in dts]) if dts
         else _NULL, out)
    return _dtype.from_handle(out[0])


def copyto(dst, src, casting="same_kind", where=True):
    """numpy.copyto(dst, src, casting='same_kind', where=True)."""
    if not isinstance(dst, ndarray):
        raise TypeError("copyto() argument 1 must be cnumpy.ndarray, not %s"
                        % type(dst).__name__)
    c = _args.casting(casting)
    s = drop_leading_ones(as_source(src), len(dst.shape))
    if where is True:
        w = None
    else:
        w = as_array(where)
    call(_lib.cnp_copyto, dst._h, s._h, c, _NULL if w is None else w._h)


def may_share_memory(a, b, max_work=None):
    a, b = as_array(a), as_array(b)
    out = _backend.new_int32_out()
    call(_lib.cnp_may_share_memory, a._h, b._h, out)
    return bool(out[0])

