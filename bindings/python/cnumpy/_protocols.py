"""NumPy's dispatch protocols on cnumpy arrays: __array_ufunc__ (NEP 13), __array_function__
(NEP 18), __array_wrap__, __array_priority__, and the NumPy dtype of a cnumpy dtype.

They let NumPy-consuming code (Dask, and any library that calls numpy.* on the arrays it is
given) run on cnumpy arrays: `numpy.add(x, y)`, `numpy.sum(x)`, `numpy.concatenate([x, y])` with
a cnumpy operand call cnumpy's own ufunc or function and return cnumpy arrays. A NumPy function
or ufunc method cnumpy does not have returns NotImplemented, so NumPy raises its TypeError
("no implementation found for 'numpy.X' on types that implement __array_function__") instead of
silently converting the data.

The package never imports NumPy: these methods only run when NumPy calls them, and they find
NumPy through the objects NumPy hands them (the ufunc's type, the function's __module__) or as
an already imported module in sys.modules.

Mixed operands (docs/scale-out.md, "What is dispatched to cnumpy"):
  * NumPy ndarrays and NumPy scalars among the operands are taken over by cnumpy: arrays are
    wrapped without a copy (their __array_interface__), scalars become the cnumpy scalar of
    their type; the result is a cnumpy array. A NumPy array passed as out= is written through
    such a view and returned itself.
  * Any other type that overrides the protocol (a NumPy ndarray subclass with its own override,
    a Dask array, ...) makes cnumpy return NotImplemented, so that type's override runs (NEP 13
    and NEP 18's rule for unknown types).
"""
import sys

from ._convert import asarray
from ._dtype import dtype
from ._ndarray import ndarray
from ._scalars import generic
from ._subclass import wrap_into
from ._ufunc_table import UFUNCS

# Above NumPy's ndarray (0) and below Dask's Array (11): Dask's concatenate/divide/tensordot
# lookups pick the chunk type with the highest priority, so a mix of NumPy and cnumpy chunks
# is combined by cnumpy, and a Dask array next to a cnumpy chunk keeps the lead.
ARRAY_PRIORITY = 10.0

_namespace = None       # the cnumpy package module, handed over by the package __init__
_PY_SCALARS = (bool, int, float, complex)
_NUMPY_DTYPES = {}      # cnumpy dtype -> the equal numpy.dtype (Dask asks for it per task)


def adopt_namespace(module):
    """Called once by the package __init__: the public namespace in which a NumPy function's
    name is looked up (cnumpy.X for numpy.X, cnumpy.fft.X for numpy.fft.X)."""
    global _namespace
    _namespace = module


def _numpy():
    return sys.modules.get("numpy")


def _foreign(x, np):
    """How a non-cnumpy operand is taken: (True, converted) or (False, None) when its own
    override must run instead."""
    if np is not None:
        t = type(x)
        if isinstance(x, np.ndarray):
            if t is not np.ndarray and t.__array_ufunc__ is not np.ndarray.__array_ufunc__:
                return False, None
            return True, asarray(x)
        if isinstance(x, np.generic):
            return True, dtype(x.dtype).type(x) if x.dtype.kind in "biufc" else asarray(x)[()]
    if hasattr(type(x), "__array_ufunc__"):
        return False, None
    return True, x


def array_ufunc(self, ufunc, method, *inputs, **kwargs):
    """ndarray.__array_ufunc__ (NEP 13): a NumPy ufunc (or one of its methods) applied with a
    cnumpy array among its operands runs as cnumpy's ufunc of the same name."""
    name = getattr(ufunc, "__name__", None)
    impl = UFUNCS.get(name)
    fn = getattr(impl, method, None) if impl is not None else None
    if impl is None and method == "__call__" and _namespace is not None:
        # A NumPy ufunc that cnumpy has as a plain function (matmul): its call only.
        fn = getattr(_namespace, name, None) if isinstance(name, str) else None
        fn = fn if callable(fn) and not isinstance(fn, type) else None
    if fn is None:
        return NotImplemented
    np = _numpy()
    args = []
    for x in inputs:
        if isinstance(x, (ndarray, generic)) or type(x) in _PY_SCALARS:
            args.append(x)
            continue
        ok, y = _foreign(x, np)
        if not ok:
            return NotImplemented
        args.append(y)
    outs = kwargs.get("out")
    originals = None
    if outs is not None:
        converted = []
        for o in outs:
            if o is None or isinstance(o, ndarray):
                converted.append(o)
                continue
            ok, y = _foreign(o, np)
            if not ok:
                return NotImplemented
            if not isinstance(y, ndarray):
                raise TypeError("return arrays must be of ArrayType")
            converted.append(y)
        originals = outs
        kwargs["out"] = tuple(converted) if len(converted) > 1 else converted[0]
    if "dtype" in kwargs and kwargs["dtype"] is not None:
        kwargs["dtype"] = dtype(kwargs["dtype"])
    result = fn(*args, **kwargs)
    if originals is None or method == "at":
        return result
    # NumPy returns the out= objects themselves (the NumPy arrays, not cnumpy views of them).
    if isinstance(result, tuple):
        return tuple(o if o is not None else r for o, r in zip(originals, result))
    return originals[0] if originals[0] is not None else result


def _implementation(func):
    """cnumpy's function of the same name and module as the NumPy function, or None."""
    module = getattr(func, "__module__", None) or ""
    parts = module.split(".")
    if parts[0] != "numpy" or _namespace is None:
        return None
    obj = _namespace
    for part in parts[1:]:
        if part in ("core", "multiarray", "numeric", "fromnumeric", "_multiarray_umath"):
            continue            # private homes of public top-level functions
        obj = getattr(obj, part, None)
        if obj is None:
            return None
    impl = getattr(obj, getattr(func, "__name__", ""), None)
    return impl if callable(impl) and not isinstance(impl, type(sys)) else None


def array_function(self, func, types, args, kwargs):
    """ndarray.__array_function__ (NEP 18): a NumPy function called with cnumpy arrays runs as
    cnumpy's function of the same name; NotImplemented when cnumpy has none or another array
    type (other than NumPy's own ndarray) takes part."""
    np = _numpy()
    for t in types:
        if not (issubclass(t, (ndarray, generic)) or (np is not None and t is np.ndarray)):
            return NotImplemented
    impl = _implementation(func)
    if impl is None:
        return NotImplemented
    if "like" in kwargs:
        kwargs = {k: v for k, v in kwargs.items() if k != "like"}
    return impl(*args, **kwargs)


def array_wrap(self, arr, context=None):
    """ndarray.__array_wrap__: a result computed for this array as an array of its type. For a
    subclass instance (cnumpy's ufuncs and reductions call it, _subclass.py) the result becomes
    an instance of the subclass sharing arr's memory, finalized with self; a 0-d result stays
    an array. For an exact ndarray (NumPy calls it with results computed on this array's data)
    a cnumpy array: NumPy's ndarray results wrapped without a copy, 0-d unwrapped to the
    scalar."""
    if type(self) is not ndarray:
        if not isinstance(arr, ndarray):
            arr = asarray(arr)
        return arr if type(arr) is type(self) else wrap_into(type(self), arr, self)
    out = asarray(arr)
    return out[()] if out.ndim == 0 else out


def numpy_dtype(self):
    """cnumpy.dtype.dtype: the equal numpy.dtype, for NumPy and libraries that give a cnumpy
    array's .dtype to NumPy (numpy.empty(..., dtype=x.dtype), numpy.result_type). NumPy reads a
    .dtype attribute when it converts an object that is not one of its own dtypes; without
    NumPy loaded there is no such attribute (AttributeError)."""
    np = _numpy()
    if np is None:
        raise AttributeError("'dtype' object has no attribute 'dtype' (NumPy is not imported)")
    cached = _NUMPY_DTYPES.get(self)
    if cached is not None:
        return cached
    if self.names is not None:
        fields = self.fields
        spec = {"names": list(self.names),
                "formats": [numpy_dtype(fields[n][0]) for n in self.names],
                "offsets": [fields[n][1] for n in self.names],
                "titles": [fields[n][2] if len(fields[n]) > 2 else None for n in self.names],
                "itemsize": self.itemsize}
        result = np.dtype(spec, align=self.isalignedstruct)
    elif self.subdtype is not None:
        base, shape = self.subdtype
        result = np.dtype((numpy_dtype(base), shape))
    else:
        result = np.dtype(self.str)
    if len(_NUMPY_DTYPES) < 1024:        # the dtypes a program uses are few; bound it anyway
        _NUMPY_DTYPES[self] = result
    return result
