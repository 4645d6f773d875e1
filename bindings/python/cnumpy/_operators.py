"""The operators of cnumpy.ndarray and of the cnumpy scalar types, as ufunc calls (_methods
attaches them). A scalar is a 0-d array of its type for the ufunc; the 0-d result comes back as
a scalar. float64/int64 arithmetic and comparisons take Python's own where it gives exactly the
ufunc's result (hashing, sorting and scalar loops stay fast)."""
import operator
import warnings

from . import _accel, _backend
from ._capi import error, pending, flush_warnings, unwrap, produce
from ._convert import as_array
from ._errors import UFuncTypeError, _user_stacklevel
from ._ndarray import ndarray
from ._operands import op_operand, huge_operand, typed, HUGE
from ._dtype import promote_types
from ._scalars import int64, float64, True_, False_, void
from ._ufunc import call_ufunc, binary_arrays, unary
from ._objufunc import call as object_call
from ._ufunc_table import UFUNCS

_C = _backend.consts
_NULL = _backend.NULL
_new_array_out = _backend.new_array_out
_new_ufunc_args = _backend.new_ufunc_args
_array_free = _backend.lib.cnp_array_free
_SAME_KIND = _C["CNP_CASTING_SAME_KIND"]
_ORDER_K = _C["CNP_ORDER_K"]


# -- ndarray ---------------------------------------------------------------------------------------
def _other_operand(self, other, comparison):
    """The operand `other` of an operator on the array `self` as an array, or None when the
    operator should return NotImplemented."""
    t = type(other)
    if comparison and (t is str or t is bytes or isinstance(other, (str, bytes))):  # str_ too
        return as_array(other)      # the string comparison loops (or NumPy's deferral below)
    if self.dtype.kind == "O" and getattr(t, "__array_ufunc__", 0) is not None:
        return as_array(other)      # an object loop takes anything (strings, huge ints ...)
    o = op_operand(other)
    if o is HUGE:
        o = huge_operand(other, [self], comparison)
    return o


_ELEMENTWISE_FAILED = ("elementwise comparison failed; returning scalar instead, but in the future "
                       "will perform elementwise comparison")


def _no_comparison(uf):
    """NumPy 1.24's array_richcompare when the comparison ufunc has no loop for the operands
    (strings against numbers, S against U): == and != defer with a FutureWarning (Python then
    answers False/True), the orderings defer (Python's TypeError)."""
    if uf.__name__ in ("equal", "not_equal"):
        warnings.warn(_ELEMENTWISE_FAILED, FutureWarning, stacklevel=_user_stacklevel())
    return NotImplemented


def _binop(uf, reflected=False):
    """self <op> other for an ndarray self; reflected: other <op> self (__radd__...)."""
    fn, comparison = uf._fn, uf._comparison

    def op(self, other):
        if type(other) is not ndarray and \
                (other := _other_operand(self, other, comparison)) is None:
            return NotImplemented
        if not comparison:
            return binary_arrays(fn, self, other)
        try:
            return binary_arrays(fn, self, other)
        except UFuncTypeError:
            return _no_comparison(uf)

    def rop(self, other):
        if type(other) is not ndarray and \
                (other := _other_operand(self, other, comparison)) is None:
            return NotImplemented
        return binary_arrays(fn, other, self)
    return rop if reflected else op


def _ibinop(uf):
    """In place: f(self, other, out=self); same_kind casting of the result into self."""
    fn, comparison = uf._fn, uf._comparison

    def op(self, other):
        if type(other) is not ndarray and \
                (other := _other_operand(self, other, comparison)) is None:
            return NotImplemented
        args = _new_ufunc_args()
        args.out[0] = self._h
        cell = _new_array_out()
        st = fn(self._h, other._h, args, cell)
        if st and (self.dtype.kind == "O" or other.dtype.kind == "O"):
            return object_call(fn, (self, other), (self,))     # NumPy's object loops
        if st:
            raise error(st)
        _array_free(cell[0])
        if pending:
            flush_warnings()
        return self
    return op


def _equal_any(numeric_op, negate, _nb=_backend.consts["CNP_NTYPES_BUILTIN"]):
    """== and != of arrays of records, void and datetimes (cnp_equal_any, bytewise in a common
    dtype); numbers and strings take the ufunc (its string loops, NumPy's deferral for S
    against U or strings against other kinds)."""
    def op(self, other):
        t = type(other)
        if self.dtype.names is not None or (t is ndarray and other.dtype.names is not None):
            return _record_compare(self, other, negate)
        if self.dtype._num < _nb and not (t is ndarray and other.dtype._num >= _nb):
            return numeric_op(self, other)
        if self.dtype.kind in "SUO" or t is str or t is bytes or \
                (t is ndarray and other.dtype.kind in "SUO"):
            return numeric_op(self, other)      # (object arrays: the object loop)
        try:
            o = other if t is ndarray else as_array(other)
        except (TypeError, ValueError, NotImplementedError):
            return NotImplemented
        return unwrap(produce(_backend.lib.cnp_equal_any, self._h, o._h, negate))
    return op


_NON_VOID = "Cannot compare structured or void to non-void arrays."
_NO_COMMON = ("Cannot compare structured arrays unless they have a common dtype.  I.e. "
              "`np.result_type(arr1, arr2)` must be defined.")


def _record_compare(a, b, negate):
    """== and != of record arrays as NumPy 1.24's _void_compare: the dtypes must promote (same
    field names in the same order), then field by field (each field's own comparison: NaN is
    unequal, -0.0 equals 0.0, strings without trailing NULs), a subarray field reduced over its
    axes, combined with and (==) or or (!=)."""
    if isinstance(b, void):
        b = b._view()
    if a.dtype.names is None:
        # a plain array against records: NumPy 1.24 first tries the ufunc, warns, then raises
        warnings.warn("elementwise comparison failed; returning scalar instead, but in the "
                      "future will perform elementwise comparison", FutureWarning,
                      stacklevel=_user_stacklevel())
        raise TypeError(_NON_VOID)
    if not isinstance(b, ndarray) or b.dtype.names is None:
        raise TypeError(_NON_VOID)
    try:
        promote_types(a.dtype, b.dtype)
    except TypeError:
        raise TypeError(_NO_COMMON) from None
    nd = max(a.ndim, b.ndim)
    result = None
    for na, nb in zip(a.dtype.names, b.dtype.names):
        fa, fb = a[na], b[nb]
        r = (fa != fb) if negate else (fa == fb)
        if getattr(r, "ndim", 0) > nd:
            axes = tuple(range(nd, r.ndim))
            r = r.any(axis=axes) if negate else r.all(axis=axes)
        result = r if result is None else ((result | r) if negate else (result & r))
    return result


def _pow_wrap(op):
    def __pow__(self, other, mod=None):
        if mod is not None:
            return NotImplemented
        return op(self, other)
    return __pow__


def _fast_power(self, e, inplace):
    """NumPy's fast_scalar_power for a ** e with a Python int/float exponent: a float or
    complex array takes square (e == 2), reciprocal (e == -1) or sqrt (e == 0.5) instead of
    power (sqrt(-0.0) is -0.0, sqrt(-inf) nan...); in place, any array is squared for e == 2
    (NumPy 1.24: an int array **= 2.0 stays int). The exponents whose power() values equal
    the shortcut's (0, 1) need no shortcut. Typed exponents (cnumpy scalars) take power(),
    whose NEP 50 dtype may differ from the array's. Returns the ufunc to use, or None."""
    if e == 2:
        if inplace or self.dtype.kind in "fc":
            return UFUNCS["square"]
    elif e == -1 or e == 0.5:
        if self.dtype.kind in "fc":
            return UFUNCS["reciprocal"] if e == -1 else UFUNCS["sqrt"]
    return None


def _make_pow():
    power, ipower = _binop(UFUNCS["power"]), _ibinop(UFUNCS["power"])

    def __pow__(self, other, mod=None):
        if mod is not None:
            return NotImplemented
        t = type(other)
        if t is int or t is float:
            f = _fast_power(self, other, False)
            if f is not None:
                return unary(f._fn, self)
        return power(self, other)

    def __ipow__(self, other):
        t = type(other)
        if t is int or t is float:
            f = _fast_power(self, other, True)
            if f is not None:
                return call_ufunc(f._fn, [self], [self], None, _NULL, _SAME_KIND, _ORDER_K)
        return ipower(self, other)
    return __pow__, __ipow__


def _divmod_op(reflected, scalar=False):
    """divmod(self, other) (reflected: divmod(other, self)) of an array or (scalar) a scalar."""
    fn = UFUNCS["divmod"]._fn

    def op(self, other):
        if scalar:
            self = typed(self)
        if type(other) is not ndarray and (other := _other_operand(self, other, False)) is None:
            return NotImplemented
        a, b = (other, self) if reflected else (self, other)
        return call_ufunc(fn, [a, b], [None, None], None, _NULL, _SAME_KIND, _ORDER_K)
    return op


_BINARY_OPS = [("add", "add"), ("sub", "subtract"), ("mul", "multiply"),
               ("truediv", "divide"), ("floordiv", "floor_divide"), ("mod", "remainder"),
               ("pow", "power"), ("and", "bitwise_and"), ("or", "bitwise_or"),
               ("xor", "bitwise_xor"), ("lshift", "left_shift"), ("rshift", "right_shift")]
_COMPARE_OPS = [("eq", "equal"), ("ne", "not_equal"), ("lt", "less"), ("le", "less_equal"),
                ("gt", "greater"), ("ge", "greater_equal")]
_UNARY_OPS = [("neg", "negative"), ("pos", "positive"), ("abs", "absolute"),
              ("invert", "invert")]


def _unop(uf):
    fn = uf._fn

    def op(self):
        return unary(fn, self)
    return op


_POS_DEPRECATED = ("Applying '+' to a non-numerical array is ill-defined. Returning a copy, but "
                   "in the future this will error.")


def _pos_array(self, _fn=UFUNCS["positive"]._fn):
    """+a: positive(a); for dtypes positive has no loop for (bool), NumPy 1.24 returns a copy
    with a DeprecationWarning."""
    try:
        return unary(_fn, self)
    except TypeError:
        warnings.warn(_POS_DEPRECATED, DeprecationWarning, stacklevel=_user_stacklevel())
        return unwrap(self.copy())


def _pos_scalar(self, _fn=UFUNCS["positive"]._fn):
    try:
        return unary(_fn, typed(self))
    except TypeError:
        warnings.warn(_POS_DEPRECATED, DeprecationWarning, stacklevel=_user_stacklevel())
        return self


def array_operators():
    """{name: function} of ndarray's arithmetic, comparison and unary operators."""
    ops = {}
    for short, name in _BINARY_OPS:
        uf = UFUNCS[name]
        fwd, ref, inp = _binop(uf), _binop(uf, True), _ibinop(uf)
        if short == "pow":
            fwd, ref = _pow_wrap(fwd), _pow_wrap(ref)
        ops["__%s__" % short] = fwd
        ops["__r%s__" % short] = ref
        ops["__i%s__" % short] = inp
    for short, name in _COMPARE_OPS:
        ops["__%s__" % short] = _binop(UFUNCS[name])
    ops["__eq__"] = _equal_any(ops["__eq__"], 0)
    ops["__ne__"] = _equal_any(ops["__ne__"], 1)
    for short, name in _UNARY_OPS:
        ops["__%s__" % short] = _unop(UFUNCS[name])
    ops["__pos__"] = _pos_array
    ops["__pow__"], ops["__ipow__"] = _make_pow()
    ops["__divmod__"] = _divmod_op(False)
    ops["__rdivmod__"] = _divmod_op(True)
    ops["__hash__"] = None     # mutable, and == is elementwise (as NumPy's)
    return ops


# -- scalar types ----------------------------------------------------------------------------------
def _scalar_binop(uf, reflected):
    fn, comparison = uf._fn, uf._comparison

    def op(self, other):
        o = op_operand(other)       # first: NotImplemented costs no 0-d array of self
        if o is None or (type(o) is not ndarray and o is not HUGE and o is other):
            return NotImplemented   # (an ndarray subclass: its reflected operator wraps)
        if o is not HUGE and o.dtype.kind == "O" and not isinstance(other, (ndarray, list, tuple)):
            return NotImplemented   # NumPy's scalars defer to other objects (None, ...)
        s = typed(self)
        if o is HUGE:
            o = huge_operand(other, [s], comparison)
        return binary_arrays(fn, o, s) if reflected else binary_arrays(fn, s, o)
    return op


def _scalar_unop(uf):
    fn = uf._fn

    def op(self):
        return unary(fn, typed(self))
    return op


def _exact_compare(pyop, cls, py_type):
    """Comparisons of float64/int64 with their own type or the Python type they subclass give
    exactly what the ufunc gives (IEEE doubles; exact integers, NumPy 2 answers out-of-range
    Python ints correctly too), so they skip the library: hashing and sorting stay fast."""
    slow = None

    def op(self, other):
        t = type(other)
        if t is py_type or t is cls:
            return True_ if pyop(py_type(self), py_type(other)) else False_
        return slow(self, other)

    def bind(s):
        nonlocal slow
        slow = s
        return op
    return bind


_PYOPS = {"eq": operator.eq, "ne": operator.ne, "lt": operator.lt, "le": operator.le,
          "gt": operator.gt, "ge": operator.ge}


def scalar_operators(cls):
    """{name: function} of the operators of scalar type cls."""
    ops = {}
    for short, name in _BINARY_OPS:
        uf = UFUNCS[name]
        fwd, ref = _scalar_binop(uf, False), _scalar_binop(uf, True)
        if short == "pow":
            fwd, ref = _pow_wrap(fwd), _pow_wrap(ref)
        ops["__%s__" % short] = fwd
        ops["__r%s__" % short] = ref
    for short, name in _COMPARE_OPS:
        op = _scalar_binop(UFUNCS[name], False)
        if cls is float64:
            op = _exact_compare(_PYOPS[short], cls, float)(op)
        elif cls is int64:
            op = _exact_compare(_PYOPS[short], cls, int)(op)
        ops["__%s__" % short] = op
    for short, name in _UNARY_OPS:
        ops["__%s__" % short] = _scalar_unop(UFUNCS[name])
    ops["__pos__"] = _pos_scalar
    ops["__divmod__"] = _divmod_op(False, scalar=True)
    ops["__rdivmod__"] = _divmod_op(True, scalar=True)
    _scalar_fast_paths(cls, ops)
    return ops


_DBL_MIN = 2.2250738585072014e-308


def _float64_fast(pyop, slow, reflected, divide):
    """float64 op float64/float with Python's IEEE arithmetic when no floating-point exception
    can have happened (a finite, normal result; for division a non-zero divisor): identical
    to the ufunc, without the library round trip. Anything else (inf, nan, zero, subnormal
    results, which may carry overflow/invalid/underflow/divide flags) takes the ufunc."""
    wrap = float64._wrap

    def op(self, other):
        t = type(other)
        if t is float or t is float64:
            if divide and not (self if reflected else other):
                return slow(self, other)
            r = pyop(other, self) if reflected else pyop(self, other)
            if r > _DBL_MIN or r < -_DBL_MIN:
                if r - r == 0.0:
                    return wrap(r)
        return slow(self, other)
    return op


def _int64_fast(pyop, slow, reflected, divide):
    """int64 op int64/int with Python's exact integers when the result fits int64 (else the
    ufunc wraps it like NumPy); // and % only with a non-zero divisor (same floor rules)."""
    wrap = int64._wrap

    def op(self, other):
        t = type(other)
        if t is int or t is int64:
            if divide and not (self if reflected else other):
                return slow(self, other)
            r = pyop(other, self) if reflected else pyop(self, other)
            if -0x8000000000000000 <= r <= 0x7FFFFFFFFFFFFFFF:
                return wrap(r)
        return slow(self, other)
    return op


def _scalar_fast_paths(cls, ops):
    """Replaces float64's and int64's arithmetic with Python's where it is exact (above), and
    puts the C extension's version of the same rule in front when it is loaded
    (_accel.scalar_op: no Python frame for `x * 2.0`)."""
    fl, it = float, int
    if cls is float64:
        kind, fast = "float64", _float64_fast
        table = [("add", fl.__add__, False), ("sub", fl.__sub__, False),
                 ("mul", fl.__mul__, False), ("truediv", fl.__truediv__, True)]
    elif cls is int64:
        kind, fast = "int64", _int64_fast
        table = [("add", it.__add__, False), ("sub", it.__sub__, False),
                 ("mul", it.__mul__, False), ("floordiv", it.__floordiv__, True),
                 ("mod", it.__mod__, True)]
    else:
        return
    for short, pyop, divide in table:
        for refl in (False, True):
            name = "__%s%s__" % ("r" if refl else "", short)
            ops[name] = _accel.scalar_op(kind, short, refl, fast(pyop, ops[name], refl, divide))
    for short, _ in _COMPARE_OPS:
        name = "__%s__" % short
        ops[name] = _accel.scalar_op(kind, short, False, ops[name])
