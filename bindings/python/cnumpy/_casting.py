"""Type promotion and casting: can_cast, promote_types, result_type, copyto; memory overlap:
shares_memory, may_share_memory."""
from . import _args, _backend, _dtype
from ._capi import call, call_writing, query
from ._convert import as_array, as_source
from ._dtype import promote_types  # noqa: F401 (numpy.promote_types: a dtype-level function)
from ._errors import TooHardError
from ._ndarray import ndarray, drop_leading_ones
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


_PY_DEFAULT = {bool: "bool", int: "int64", float: "float64", complex: "complex128"}


def value_dtype(v, to):
    """The dtype NumPy 1.24's value-based casting gives a Python scalar when casting to `to`
    (numpy's min_scalar_type, with small non-negative ints made signed unless `to` is
    unsigned)."""
    t = type(v)
    if t is bool:
        return _dt("bool")
    if t is int:
        if v >= 0:
            for bits in (8, 16, 32, 64):
                if v < 1 << bits:
                    signed = v < 1 << (bits - 1) and to.kind != "u"
                    return _dt(("int%d" if signed else "uint%d") % bits)
        else:
            for bits in (8, 16, 32, 64):
                if v >= -(1 << (bits - 1)):
                    return _dt("int%d" % bits)
        raise OverflowError("Python int too large to convert to C long")
    if t is float:
        a = abs(v)
        if a != a or a == float("inf") or a < 65000.0:
            return _dt("float16")
        return _dt("float32") if a < 3.4e38 else _dt("float64")
    if abs(v.real) < 3.4e38 and abs(v.imag) < 3.4e38:     # nan/inf parts: complex128
        return _dt("complex64")
    return _dt("complex128")


def can_cast(from_, to, casting="safe"):
    """numpy.can_cast(from_, to, casting='safe'); from_ is a dtype spelling, an array, or a
    Python scalar (judged by its value, as NumPy 1.24 does: can_cast(300, 'int8') is False)."""
    c = _args.casting(casting)
    b = _dt(to)
    t = type(from_)
    if t is int or t is float or t is complex or t is bool:
        own = "uint64" if t is int and from_ > 0x7FFFFFFFFFFFFFFF else _PY_DEFAULT[t]
        if c == _args.CASTING_UNSAFE or _dt(own) is b:
            return True
        a = value_dtype(from_, b)
    else:
        a = _dtype_of(from_)
    return _dtype.can_cast_dtypes(a, b, c)


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
    return _dtype.from_handle(query(_lib.cnp_result_type, _backend.new_dtype_out, len(dts),
                                    _backend.dtype_array([d._h for d in dts]) if dts else _NULL))


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
    if c == _args.CASTING_UNSAFE:
        call_writing(dst, s, _lib.cnp_copyto, dst._h, s._h, c, _NULL if w is None else w._h)
    else:
        call(_lib.cnp_copyto, dst._h, s._h, c, _NULL if w is None else w._h)


MAY_SHARE_BOUNDS = 0     # max_work: compare the arrays' byte ranges only
MAY_SHARE_EXACT = -1     # max_work: solve the overlap problem exactly
_INTP_MIN, _INTP_MAX = -2 ** 63, 2 ** 63 - 1


def _overlap(a, b, max_work, default, raise_exceptions):
    """NumPy's shares_memory/may_share_memory: the library solves the overlap problem
    (cnp_shares_memory) and answers 1, 0, -1 (work limit reached) or -2 (64-bit overflow);
    shares_memory raises on the last two, may_share_memory says True ("don't know")."""
    a, b = as_array(a), as_array(b)
    if max_work is None:
        max_work = default
    elif not isinstance(max_work, int):
        raise ValueError("max_work must be an integer")
    elif not _INTP_MIN <= max_work <= _INTP_MAX:
        raise OverflowError("Python int too large to convert to C ssize_t")
    r = query(_lib.cnp_shares_memory, _backend.new_int32_out, a._h, b._h, int(max_work))
    if r >= 0 or not raise_exceptions:
        return r != 0
    if r == -1:
        raise TooHardError("Exceeded max_work")
    raise OverflowError("Integer overflow in computing overlap")


def shares_memory(a, b, /, max_work=None):
    """numpy.shares_memory: whether a and b have a byte in common, solved exactly by default
    (max_work=None or MAY_SHARE_EXACT); a positive max_work bounds the candidate solutions
    tried (TooHardError "Exceeded max_work" beyond it), MAY_SHARE_BOUNDS compares the byte
    ranges only (TooHardError when they overlap)."""
    return _overlap(a, b, max_work, MAY_SHARE_EXACT, True)


def may_share_memory(a, b, /, max_work=None):
    """numpy.may_share_memory: False when a and b certainly have no byte in common. By default
    only their byte ranges are compared (MAY_SHARE_BOUNDS); max_work=MAY_SHARE_EXACT solves the
    problem exactly, a positive max_work bounds the work (True when undecided)."""
    return _overlap(a, b, max_work, MAY_SHARE_BOUNDS, False)

