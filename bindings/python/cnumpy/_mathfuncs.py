"""Elementwise functions that are not ufuncs in NumPy: around/round, fix, clip, real, imag,
angle, isclose, allclose, array_equal, where; and the ndarray/scalar methods built on them and
on the ufuncs (round, clip, conj, conjugate, real, imag), which _methods attaches."""
import re
import warnings

from . import _args, _backend
from ._capi import cfunc, produce, produce_into, produce_view, query, unwrap
from ._convert import as_array
from ._errors import UFuncTypeError, _user_stacklevel
from ._ndarray import ndarray
from ._objufunc import apply as _apply_objects
from ._operands import inputs
from ._scalars import generic, _CLASSES as _SCALAR_CLASSES
from ._ufunc import call_ufunc, pop_keywords, resolve_keywords
from ._ufunc_table import UFUNCS

_NULL = _backend.NULL
_new_int32_out = _backend.new_int32_out

_around = cfunc("cnp_around")
_fix = cfunc("cnp_fix")
_clip = cfunc("cnp_clip")
_real = cfunc("cnp_real")
_imag = cfunc("cnp_imag")
_angle = cfunc("cnp_angle")
_isclose = cfunc("cnp_isclose")
_allclose = cfunc("cnp_allclose")
_array_equal = cfunc("cnp_array_equal")
_where = cfunc("cnp_where")


def _into(fn, out, x, *args):
    """fn(x, *args, out_arr, &out) for the functions taking an optional out array (x is kept
    alive here for the call)."""
    _args.ufunc_out(out)
    return produce_into(fn, out, x._h, *args, _args.handle(out))


def around(a, decimals=0, out=None):
    """numpy.around: evenly round to the given number of decimals (half to even)."""
    return _into(_around, out, as_array(a), _args.int64(decimals))


def round_(a, decimals=0, out=None):
    return around(a, decimals, out)


round = around      # noqa: A001 (numpy.round)


def fix(x, out=None):
    """numpy.fix: round towards zero (a floating result)."""
    return _into(_fix, out, as_array(x))


def _is_scalar_nan(v):
    """NumPy 1.24's _clip_dep_is_scalar_nan: a 0-d NaN bound."""
    if isinstance(v, ndarray):
        if v.shape or v.dtype.kind not in "fc":
            return False
        v = v.item()
    elif isinstance(v, (list, tuple)) or not isinstance(v, (float, complex, generic)):
        return False
    try:
        return complex(v) != complex(v)
    except TypeError:
        return False


_CAST_MSG = re.compile(r"^Cannot cast ufunc '\w+' output from (dtype\('\w+'\)) to "
                       r"(dtype\('\w+'\)) with casting rule")


def clip(a, a_min, a_max, out=None, **kwargs):
    """numpy.clip(a, a_min, a_max, out=None, **kwargs): kwargs are the ufunc keywords (where,
    casting, order, dtype, subok, signature). Python scalar bounds are weak (NEP 50). NumPy
    1.24's deprecations are kept: a NaN bound means no bound, and without an explicit casting=
    an output that same_kind cannot take is written with unsafe casting (DeprecationWarning)."""
    if a_min is None and a_max is None:
        raise ValueError("One of max or min must be given")
    nan = False
    if _is_scalar_nan(a_min):
        a_min, nan = -float("inf"), True
    if _is_scalar_nan(a_max):
        a_max, nan = float("inf"), True
    if nan:
        warnings.warn("Passing `np.nan` to mean no clipping in np.clip has always been "
                      "unreliable, and is now deprecated. In future, this will always return "
                      "nan, like it already does when min or max are arrays that contain nan. "
                      "To skip a bound, pass either None or an np.inf of an appropriate sign.",
                      DeprecationWarning, stacklevel=_user_stacklevel())
    outs = [] if out is None else [out] if not isinstance(out, tuple) else list(out)
    if len(outs) > 1:
        raise ValueError("The 'out' tuple must have exactly one entry per ufunc output")
    outs += [None] * (1 - len(outs))
    for o in outs:
        _args.ufunc_out(o)
    where, casting, order, dtype, signature = pop_keywords("clip", kwargs, casting=None)
    w, dt, c, o = resolve_keywords("clip", 3, 1, where, "same_kind" if casting is None else casting,
                                   order, dtype, signature)
    present = [x for x in (a, a_min, a_max) if x is not None]
    arrs = iter(inputs(present, False))
    x = next(arrs)
    lo = next(arrs) if a_min is not None else None
    hi = next(arrs) if a_max is not None else None

    def clip3(xh, args, cell):
        return _clip(xh, _args.handle(lo), _args.handle(hi), args, cell)
    if casting is not None:
        return call_ufunc(clip3, [x], outs, w, dt, c, o)
    try:
        return call_ufunc(clip3, [x], outs, w, dt, c, o)
    except UFuncTypeError as e:
        m = _CAST_MSG.match(str(e))
        if m is None:
            raise
        warnings.warn("Converting the output of clip from %s to %s is deprecated. Pass "
                      "`casting=\"unsafe\"` explicitly to silence this warning, or correct "
                      "the type of the variables." % m.groups(), DeprecationWarning,
                      stacklevel=_user_stacklevel())
    return call_ufunc(clip3, [x], outs, w, dt, _args.CASTING_UNSAFE, o)


def real(val):
    """numpy.real: val.real for anything that has it, else the real part of asarray(val)."""
    try:
        return val.real
    except AttributeError:
        return as_array(val).real


def imag(val):
    try:
        return val.imag
    except AttributeError:
        return as_array(val).imag


def angle(z, deg=False):
    """numpy.angle: the counterclockwise angle from the positive real axis (radians, or
    degrees with deg=True)."""
    a = as_array(z)
    return unwrap(produce(_angle, a._h, 1 if deg else 0))


def isclose(a, b, rtol=1.e-5, atol=1.e-8, equal_nan=False):
    """numpy.isclose: |a - b| <= atol + rtol * |b| elementwise (a scalar for 0-d inputs)."""
    x, y = inputs((a, b), False)
    return unwrap(produce(_isclose, x._h, y._h, float(rtol), float(atol),
                            1 if equal_nan else 0))


def allclose(a, b, rtol=1.e-5, atol=1.e-8, equal_nan=False):
    """numpy.allclose: whether isclose holds everywhere (a Python bool)."""
    x, y = inputs((a, b), False)
    return bool(query(_allclose, _new_int32_out, x._h, y._h, float(rtol), float(atol),
                      1 if equal_nan else 0))


def array_equal(a1, a2, equal_nan=False):
    """numpy.array_equal: same shape and elements (a Python bool)."""
    x, y = as_array(a1), as_array(a2)
    return bool(query(_array_equal, _new_int32_out, x._h, y._h, 1 if equal_nan else 0))


def where(*args, **kwargs):
    """numpy.where(condition, x, y): elements of x where condition holds, else of y (Python
    scalars weak, as NumPy 2). The one-argument form is condition.nonzero()."""
    if kwargs:
        raise TypeError("where() takes no keyword arguments")
    n = len(args)
    if n == 0 or n > 3:
        raise TypeError("where() takes at most 3 arguments (%d given)" % n if n else
                        "where() takes at least 1 argument (0 given)")
    if n == 1:
        raise NotImplementedError("cnumpy: where(condition) with one argument (nonzero) is not "
                                  "implemented yet; give x and y")
    if n == 2:
        raise ValueError("either both or neither of x and y should be given")
    condition, x, y = args
    c = as_array(condition)
    xa, ya = inputs((x, y), False)
    if xa.dtype.kind == "O" or ya.dtype.kind == "O":      # elements picked in Python
        return _apply_objects(lambda k, u, v: u if k else v, [c, xa, ya], [], None, 1)
    return produce(_where, c._h, xa._h, ya._h)


# -- ndarray and scalar methods and properties (attached by _methods) ---------------------------------------------------------------
def get_real(self):
    if self.dtype.kind != "c":
        return self         # NumPy: a.real is a for real arrays
    return produce_view(_real, self)


def get_imag(self):
    if self.dtype.kind != "c":
        return produce(_imag, self._h)      # a new read-only array of zeros
    return produce_view(_imag, self)


def set_real(self, value):
    view = produce(_real, self._h)
    view[...] = value


def set_imag(self, value):
    if self.dtype.kind != "c":
        raise TypeError("array does not have imaginary part to set")
    view = produce(_imag, self._h)
    view[...] = value


def conjugate(self):
    return UFUNCS["conjugate"](self)


def round_method(self, decimals=0, out=None):
    return around(self, decimals, out)


def clip_method(self, min=None, max=None, out=None, **kwargs):
    return clip(self, min, max, out=out, **kwargs)


def scalar_real(self):
    if self.dtype.kind == "c":
        return _COMPONENT[type(self)](self.item().real)
    return self


def scalar_imag(self):
    if self.dtype.kind == "c":
        return _COMPONENT[type(self)](self.item().imag)
    return type(self)(0)


_COMPONENT = {_SCALAR_CLASSES["complex64"]: _SCALAR_CLASSES["float32"],
              _SCALAR_CLASSES["complex128"]: _SCALAR_CLASSES["float64"]}
