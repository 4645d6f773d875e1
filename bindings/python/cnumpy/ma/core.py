"""numpy.ma, first step (docs/ma.md): MaskedArray over a cnumpy data array and a boolean mask
(or nomask), with NumPy 1.24's rules for the mask of every result: elementwise operations
propagate masks and mask their domain errors (divide by zero, log of x <= 0, sqrt of x < 0, ...),
reductions skip masked items, repr/str print masked items as '--'.

MaskedArray is not an ndarray subclass here: cnumpy's ufuncs and functions see its data only
(through __array_interface__, as numpy.asarray does), operators between ndarrays and masked
arrays defer to MaskedArray (__array_ufunc__ = None), and numpy.ma's own functions (ma.sqrt,
ma.sum, ...) keep the mask.
"""
import builtins
import operator as _operator
import warnings

from .._args import NoValue, normalize_axis_tuple
from .._arrayprint import array2string, dtype_is_implied, dtype_short_repr, _options, \
    _array2string
from .._casting import can_cast, copyto
from .._convert import array as _array, asarray as _asarray
from .._creation import zeros, ones, full
from .._dtype import dtype as _dtype
from .._errstate import errstate
from .._finfo import iinfo
from .._joining import concatenate as _concatenate
from .._mathfuncs import isclose
from .._ndarray import ndarray
from .._scalars import bool_, int64, void
from .._selection import where as _where, take_along_axis as _take_along_axis
from .._shape_funcs import broadcast_to
from .._ufunc_table import UFUNCS as _U
from ._fields import make_mask_descr, each_leaf, field as _field, leaves, nest, record_all, \
    record_text, record_texts

__all__ = ["MaskedArray", "masked_array", "array", "asarray", "asanyarray", "MAError", "MaskError",
           "MaskType", "nomask", "masked", "masked_print_option", "getmask", "getmaskarray",
           "getdata", "filled", "is_masked", "isMaskedArray", "make_mask", "make_mask_none",
           "mask_or", "masked_where", "masked_invalid", "masked_equal", "masked_not_equal",
           "masked_greater", "masked_greater_equal", "masked_less", "masked_less_equal",
           "masked_inside", "masked_outside", "masked_values", "compressed", "count",
           "default_fill_value", "minimum_fill_value", "maximum_fill_value", "sum", "prod",
           "product", "mean", "std", "var", "min", "max", "amin", "amax", "all", "any", "sqrt",
           "log", "log2", "log10", "arcsin", "arccos", "arccosh", "arctanh", "tan",
           "exp", "sin", "cos", "arctan", "arcsinh", "sinh", "cosh", "tanh", "absolute", "fabs",
           "negative", "floor", "ceil", "logical_not", "conjugate", "invert", "abs", "add",
           "subtract", "multiply", "arctan2", "hypot", "equal", "not_equal", "less",
           "less_equal", "greater", "greater_equal", "logical_and", "logical_or", "logical_xor",
           "bitwise_and", "bitwise_or", "bitwise_xor", "true_divide", "divide", "floor_divide",
           "remainder", "mod", "fmod", "power", "MaskedConstant", "masked_singleton", "isarray",
           "isMA", "is_mask", "make_mask_descr", "mvoid", "masked_all", "flatten_mask",
           "concatenate"]

MaskType = bool_
nomask = bool_(False)


class MAError(Exception):
    """numpy.ma.MAError."""


class MaskError(MAError):
    """numpy.ma.MaskError."""


class _MaskedPrintOption:
    def __init__(self, display):
        self._display = display
        self._enabled = True

    def display(self):
        return self._display

    def enabled(self):
        return self._enabled

    def enable(self, shrink=1):
        """Prints masked items as the display text (shrink true) or as their fill values."""
        self._enabled = shrink

    def set_display(self, s):
        """The text masked items print as ('--')."""
        self._display = s

    def __str__(self):
        return str(self._display)

    __repr__ = __str__


masked_print_option = _MaskedPrintOption("--")


# ---- fill values -------------------------------------------------------------------------------
_DEFAULT_FILLER = {"b": True, "c": 1.e20 + 0.0j, "f": 1.e20, "i": 999999, "u": 999999,
                   "S": b"N/A", "U": "N/A", "V": b"???"}


def default_fill_value(obj):
    """numpy.ma.default_fill_value: 1e20 for floats, 999999 for integers, True, 'N/A'; a record
    of each field's default for a structured dtype."""
    dt = _dtype_of(obj)
    if dt.names is not None:
        return _record_fill(dt, lambda leaf: _DEFAULT_FILLER.get(leaf.kind, "NaT"))[()]
    return _DEFAULT_FILLER.get(dt.kind, "?")


def _record_fill(dt, value_of):
    """A 0-d record of dtype dt whose every leaf field holds value_of(leaf dtype), cast as
    NumPy's _recursive_fill_value casts (999999 is 16959 in an int16 field, 'N/A' is b'N/' in
    an S2 one)."""
    out = zeros((), dtype=dt)

    def put(leaf):
        value = value_of(leaf.dtype)
        try:
            leaf[...] = _asarray(value).astype(leaf.dtype)
        except (TypeError, ValueError):
            pass        # void fields: NumPy's b'???' does not cast either; they stay zero
    each_leaf(put, out)
    return out


def _extreme_fill(obj, largest):
    dt = _dtype_of(obj)
    if dt.names is not None:
        # NumPy's None for a string field becomes the text 'None' in the record
        return _record_fill(dt, lambda leaf: "None" if leaf.kind in "SU" else
                            _extreme_fill(leaf, largest))[()]
    if dt.kind in "SUV":
        return None
    if dt.kind in "Mm":
        return (1 << 63) - 1 if largest else -(1 << 63)
    if dt.kind in "biu":
        if dt.kind == "b":
            return 1 if largest else 0
        info = iinfo(dt)
        return int(info.max if largest else info.min)
    inf = float("inf") if largest else -float("inf")
    if dt.kind == "f":
        return inf
    if dt.kind == "c":
        return complex(inf, inf)
    raise TypeError("Unsuitable type for calculating %s." % ("minimum" if largest else
                                                           "maximum"))


def minimum_fill_value(obj):
    """numpy.ma.minimum_fill_value: the largest value of the type (what min() fills with)."""
    return _extreme_fill(obj, True)


def maximum_fill_value(obj):
    """numpy.ma.maximum_fill_value: the smallest value of the type."""
    return _extreme_fill(obj, False)


def _dtype_of(obj):
    if isinstance(obj, _dtype):
        return obj
    dt = getattr(obj, "dtype", None)
    if dt is not None:
        return dt
    return _asarray(obj).dtype


def _check_fill_value(fill_value, dt):
    """NumPy's _check_fill_value: a 0-d array of the default or of the value cast to dt."""
    if fill_value is None:
        if dt.names is not None:
            return _record_fill(dt, lambda leaf: _DEFAULT_FILLER.get(leaf.kind, "NaT"))
        return _array(default_fill_value(dt))
    if dt.names is not None:
        if isinstance(fill_value, (ndarray, void)):
            try:
                return _array(_array(fill_value, dtype=dt))
            except ValueError as e:
                raise ValueError("Unable to transform %s to dtype %s" % (fill_value, dt)) \
                    from e
        return _array(_record_fill_value(fill_value, dt), dtype=dt)
    if isinstance(fill_value, str) and dt.char not in "OSVU":
        raise TypeError("Cannot set fill value of string with array of dtype %s" % dt)
    try:
        return _array(_array(fill_value, dtype=dt))
    except (OverflowError, ValueError) as e:
        raise TypeError("Cannot convert fill_value %s to dtype %s" % (fill_value, dt)) from e


def _record_fill_value(fill_value, dt):
    """NumPy's _recursive_set_fill_value: one value per field (a scalar repeated, a sequence
    cycled to the number of fields), each converted to its field's type."""
    n = len(dt.names)
    items = _object_items(fill_value)
    values = [items[i % len(items)] for i in range(n)] if items else [fill_value] * n
    out = []
    for value, name in zip(values, dt.names):
        fdt = dt.fields[name][0]
        if fdt.shape != ():
            fdt = fdt.base
        if fdt.names is not None:
            out.append(_record_fill_value(value, fdt))
        else:
            out.append(_array(value, dtype=fdt).item())
    return tuple(out)


def _object_items(value):
    """The items of numpy.asarray(value, dtype=object).flat: nested sequences of equal lengths
    are unpacked level by level (a ragged level stays as objects); a scalar is one item."""
    if not isinstance(value, (list, tuple)):
        return [value]
    items = list(value)
    while items and builtins.all(isinstance(x, (list, tuple)) for x in items) and \
            len(set(len(x) for x in items)) == 1 and len(items[0]):
        items = [y for x in items for y in x]
    return items


# ---- masks -------------------------------------------------------------------------------------
def getmask(a):
    """numpy.ma.getmask: the mask of a masked array (a record's: a void), nomask for anything
    else."""
    if type(a) is mvoid and a._mask.dtype.names is not None:
        return a._mask[()]
    return getattr(a, "_mask", nomask)


def getmaskarray(arr):
    """numpy.ma.getmaskarray: the mask as a full boolean array."""
    mask = getmask(arr)
    if mask is nomask:
        shape = getattr(arr, "shape", None)
        if shape is None:
            shape = _asarray(getdata(arr)).shape
        mask = make_mask_none(shape, getattr(arr, "dtype", None))
    return mask


def getdata(a, subok=True):
    """numpy.ma.getdata: the data of a masked array, anything else as an array."""
    if isinstance(a, MaskedArray):
        return a._data
    return _asarray(a)


def make_mask_none(newshape, dtype=None):
    """numpy.ma.make_mask_none: an all-False mask (of the mask dtype of a record dtype)."""
    return zeros(newshape, dtype=bool if dtype is None else make_mask_descr(dtype))


def make_mask(m, copy=False, shrink=True, dtype=MaskType):
    """numpy.ma.make_mask: a boolean mask (nomask when shrink and nothing is masked; a record
    mask is never shrunk)."""
    if m is nomask:
        return nomask
    dtype = make_mask_descr(dtype)
    if isinstance(m, ndarray) and m.dtype.names is not None and dtype == _dtype(bool):
        return ones(m.shape, dtype=bool)     # NumPy: "existence of fields implies true"
    result = _array(filled(m, True) if isinstance(m, MaskedArray) else m, dtype=dtype,
                    copy=copy)
    if shrink and result.dtype.names is None and not result.any():
        return nomask
    return result


def mask_or(m1, m2, copy=False, shrink=True):
    """numpy.ma.mask_or (record masks field by field)."""
    if m1 is nomask or m1 is False:
        return make_mask(m2, copy=copy, shrink=shrink, dtype=getattr(m2, "dtype", MaskType))
    if m2 is nomask or m2 is False:
        return make_mask(m1, copy=copy, shrink=shrink, dtype=getattr(m1, "dtype", MaskType))
    if m1 is m2 and is_mask(m1):
        return m1
    dtype1, dtype2 = getattr(m1, "dtype", None), getattr(m2, "dtype", None)
    if dtype1 != dtype2:
        raise ValueError("Incompatible dtypes '%s'<>'%s'" % (dtype1, dtype2))
    if dtype1.names is not None:
        m1, m2 = _asarray(m1), _asarray(m2)
        shape = _U["logical_and"](zeros(m1.shape, bool), zeros(m2.shape, bool)).shape
        newmask = zeros(shape, dtype=dtype1)
        each_leaf(lambda o, a, b: _U["logical_or"](a, b, out=o), newmask, m1, m2)
        return newmask
    return make_mask(_U["logical_or"](m1, m2), copy=copy, shrink=shrink)


def flatten_mask(mask):
    """numpy.ma.flatten_mask: every field of every record as one flat bool array."""
    mask = _asarray(mask)
    if mask.dtype.names is None:
        return mask.ravel()
    parts = [leaf.ravel() for leaf in leaves(mask)]      # field by field, as NumPy's
    return _concatenate(parts) if parts else zeros(0, bool)


def is_mask(m):
    try:
        return m.dtype.kind == "b"
    except AttributeError:
        return False


def _check_mask_axis(mask, axis, keepdims=NoValue):
    if mask is nomask:
        return nomask
    if keepdims is NoValue:
        return mask.all(axis=axis)
    return mask.all(axis=axis, keepdims=keepdims)


def _kw(keepdims):
    return {} if keepdims is NoValue else {"keepdims": keepdims}


# ---- the class ---------------------------------------------------------------------------------
class MaskedArray:
    """numpy.ma.MaskedArray (masked_array): data, mask and fill value."""

    __array_ufunc__ = None          # ndarray operators defer to ours
    _isfield = False                # a field view: its fill value is a view of the parent's
    _print_width = 100
    _print_width_1d = 1500

    def __new__(cls, data=None, mask=nomask, dtype=None, copy=False, subok=True, ndmin=0,
                fill_value=None, keep_mask=True, hard_mask=None, shrink=True, order=None):
        given_mask = getmask(data)
        list_mask = None
        if isinstance(data, (list, tuple)):
            data, list_mask = _strip_masked(data)
            if list_mask is not None and dtype is not None and _dtype(dtype).names is not None:
                # NumPy converts `masked` in records to nan (warning) and masks nothing
                warnings.warn("Warning: converting a masked element to nan.", UserWarning,
                              stacklevel=2)
                list_mask = None
        # subok=True as NumPy's MaskedArray: the data keeps its class (a recarray stays one)
        _data = _array(getdata(data) if isinstance(data, MaskedArray) else data, dtype=dtype,
                       copy=copy, order=order, subok=True, ndmin=ndmin)
        if _data.dtype.names is not None:
            return cls._new_records(_data, data, given_mask, mask, copy, keep_mask, fill_value,
                                    hard_mask)
        self = object.__new__(cls)
        self._data = _data
        self._fill_value = None
        self._hardmask = bool(hard_mask) if hard_mask is not None else \
            getattr(data, "_hardmask", False)
        inherited = nomask
        if given_mask is not nomask:
            inherited = given_mask.copy() if copy or given_mask.shape != _data.shape else \
                given_mask
            if inherited.shape != _data.shape:
                inherited = inherited.reshape(_data.shape)
        if mask is nomask:
            if not keep_mask:
                self._mask = nomask if shrink else make_mask_none(_data.shape)
            elif list_mask is not None:
                m = _array(list_mask, dtype=bool)
                self._mask = m if m.shape == _data.shape and m.any() else nomask
            else:
                self._mask = inherited
        else:
            if mask is True:
                m = ones(_data.shape, dtype=bool)
            elif mask is False:
                m = zeros(_data.shape, dtype=bool)
            else:
                m = _array(getdata(mask), dtype=bool, copy=copy)
            if m.shape != _data.shape:
                nd, nm = _data.size, m.size
                if nm == 1:
                    m = full(_data.shape, bool(m.ravel()[0]), dtype=bool)
                elif nm == nd:
                    m = m.reshape(_data.shape)
                else:
                    raise MaskError("Mask and data not compatible: data size is %i, mask size "
                                    "is %i." % (nd, nm))
            if inherited is nomask or not keep_mask:
                self._mask = m
            else:
                self._mask = _U["logical_or"](m, inherited)
        if fill_value is None:
            fill_value = getattr(data, "_fill_value", None)
            if fill_value is not None:
                self._fill_value = fill_value
        else:
            self._fill_value = _check_fill_value(fill_value, _data.dtype)
        return self

    @classmethod
    def _new_records(cls, _data, data, given_mask, mask, copy, keep_mask, fill_value,
                     hard_mask):
        """A masked array of a record dtype: its mask always holds one bool per field of every
        record (NumPy never shrinks a record mask to nomask)."""
        mdtype = make_mask_descr(_data.dtype)
        self = object.__new__(cls)
        self._data = _data
        self._hardmask = bool(hard_mask) if hard_mask is not None else \
            getattr(data, "_hardmask", False)
        self._isfield = False
        inherited = None
        if given_mask is not nomask and given_mask.dtype == mdtype and \
                given_mask.size == _data.size:
            inherited = given_mask.copy() if copy or given_mask.shape != _data.shape else \
                given_mask
            inherited = inherited.reshape(_data.shape)
        if mask is nomask:
            m = inherited if keep_mask and inherited is not None else zeros(_data.shape, mdtype)
        else:
            m = _record_mask(mask, mdtype, _data.shape, copy)
            if inherited is not None and keep_mask:
                m = mask_or(m, inherited)
        self._mask = m
        if fill_value is None:
            fill_value = getattr(data, "_fill_value", None)
        self._fill_value = _check_fill_value(fill_value, _data.dtype)
        return self

    @classmethod
    def _wrap(cls, data, mask, like=None):
        """A masked array over data (an ndarray) and mask (nomask or a bool array of its shape);
        the fill value (and hard mask) of `like` as NumPy's _update_from."""
        self = object.__new__(MaskedArray)
        self._data = data
        fill = getattr(like, "_fill_value", None)
        self._hardmask = getattr(like, "_hardmask", False)
        self._isfield = False
        if data.dtype.names is not None:
            # record arrays: a full record mask and a fill value of their own (NumPy's
            # __array_finalize__ checks the inherited one against the new dtype)
            if mask is nomask:
                mask = make_mask_none(data.shape, data.dtype)
            if fill is not None and fill.dtype != data.dtype:
                try:
                    fill = _check_fill_value(fill, data.dtype) if fill.dtype.names else None
                except (TypeError, ValueError):
                    fill = None
            fill = _check_fill_value(fill, data.dtype)
        elif fill is not None and fill.dtype.names is not None:
            fill = None
        self._mask = mask
        self._fill_value = fill
        return self

    # -- attributes --
    @property
    def data(self):
        return self._data

    @property
    def mask(self):
        return self._mask

    @mask.setter
    def mask(self, value):
        self.__setmask__(value)

    def __setmask__(self, mask):
        if self.dtype.names is not None:
            self._set_record_mask(mask)
            return
        if mask is nomask:
            if self._mask is not nomask:
                self._mask[...] = False
            return
        if self._mask is nomask:
            self._mask = make_mask_none(self.shape)
        if self._hardmask:
            self._mask |= _asarray(getdata(mask), dtype=bool)
        else:
            self._mask[...] = getdata(mask)

    def _set_record_mask(self, mask):
        """NumPy's __setmask__ for named fields: a bool sets every field, a record or a
        sequence of records (or of bools, one per record) sets the fields."""
        if mask is masked:
            mask = True
        current = self._mask
        mdtype = current.dtype
        if isinstance(mask, MaskedArray):
            mask = mask._data
        m = _asarray(mask)     # NumPy's np.array(mask): a list of tuples is a 2-d int array
        if not m.ndim:
            if m.dtype.kind == "b":
                m = _array(bool(m), dtype=mdtype)
            else:
                m = m.astype(mdtype)
        else:
            try:
                m = _array(m, dtype=mdtype)
            except TypeError:
                m = _array([tuple([x] * len(mdtype.names)) for x in mask], dtype=mdtype)
        if self._hardmask:
            each_leaf(lambda cur, new: _U["logical_or"](cur, new, out=cur), current, m)
        elif current.size:
            # NumPy assigns through .flat: the given records in C order, repeated as needed
            flat = m.reshape(-1)
            if flat.size != current.size:
                flat = flat[_U["remainder"](_asarray(range(current.size)), flat.size)]
            current[...] = flat.reshape(current.shape)

    @property
    def recordmask(self):
        """The mask; for records, True where every field of the record is masked."""
        if self._mask is not nomask and self._mask.dtype.names is not None:
            return record_all(self._mask)
        return self._mask

    @recordmask.setter
    def recordmask(self, mask):
        raise NotImplementedError("Coming soon: setting the mask per records!")

    @property
    def hardmask(self):
        return self._hardmask

    def harden_mask(self):
        self._hardmask = True
        return self

    def soften_mask(self):
        self._hardmask = False
        return self

    @property
    def sharedmask(self):
        return False

    @property
    def fill_value(self):
        if self._fill_value is None:
            self._fill_value = _check_fill_value(None, self.dtype)
        return self._fill_value[()]

    @fill_value.setter
    def fill_value(self, value):
        target = _check_fill_value(value, self.dtype)
        if target.ndim:
            warnings.warn("Non-scalar arrays for the fill value are deprecated. Use arrays with "
                          "scalar values instead. The filled function still supports any "
                          "array as `fill_value`.", DeprecationWarning, stacklevel=2)
            target = target.ravel()[0:1].reshape(())
        if self._fill_value is not None and (self._isfield or self.dtype.names is not None):
            # written in place: a field's fill value is a view of its record array's
            self._fill_value[()] = target
        else:
            self._fill_value = target

    def get_fill_value(self):
        return self.fill_value

    def set_fill_value(self, value=None):
        self.fill_value = value

    @property
    def dtype(self):
        return self._data.dtype

    @property
    def shape(self):
        return self._data.shape

    @property
    def ndim(self):
        return self._data.ndim

    @property
    def size(self):
        return self._data.size

    @property
    def itemsize(self):
        return self._data.itemsize

    @property
    def nbytes(self):
        return self._data.nbytes

    @property
    def __array_interface__(self):
        return self._data.__array_interface__

    @property
    def T(self):
        return self.transpose()

    @property
    def real(self):
        return MaskedArray._wrap(self._data.real, self._mask, self)

    @property
    def imag(self):
        return MaskedArray._wrap(self._data.imag, self._mask, self)

    def __len__(self):
        return len(self._data)

    # -- filling --
    def filled(self, fill_value=None):
        """The data with masked items replaced by fill_value (the array's fill value)."""
        m = self._mask
        if m is nomask:
            return self._data
        fill_value = self.fill_value if fill_value is None else \
            _check_fill_value(fill_value, self.dtype)
        if self is masked:
            return _asarray(fill_value)
        if m.dtype.names is not None:
            result = self._data.copy("K")
            each_leaf(lambda r, mm, f: copyto(r, f, where=mm), result, m, _asarray(fill_value))
            return result
        if not m.any():
            return self._data
        result = self._data.copy("K")
        copyto(result, fill_value, where=m)
        return result

    def compressed(self):
        """The unmasked items as a 1-d array."""
        data = self._data.ravel()
        if self._mask is not nomask:
            _no_record_mask(self._mask, "logical_not")
            data = data[_U["logical_not"](self._mask.ravel())]
        return data

    def count(self, axis=None, keepdims=NoValue):
        """Number of unmasked items (an int, or an intp array along axes)."""
        kw = _kw(keepdims)
        m = self._mask
        if m is nomask:
            if self.shape == ():
                if axis not in (None, 0):
                    normalize_axis_tuple(axis, 0)
                return 1
            if axis is None:
                if kw.get("keepdims"):
                    return _array(self.size, dtype=int64, ndmin=self.ndim)
                return self.size
            axes = normalize_axis_tuple(axis, self.ndim)
            items = 1
            for ax in axes:
                items *= self.shape[ax]
            if kw.get("keepdims"):
                dims = [1 if i in axes else d for i, d in enumerate(self.shape)]
            else:
                dims = [d for i, d in enumerate(self.shape) if i not in axes]
            return full(dims, items, dtype=int64)
        if self is masked:
            return 0
        _no_record_mask(m, "invert")
        return _U["logical_not"](m).sum(axis=axis, dtype=int64, **kw)

    # -- reductions --
    def _reduce_filled(self, name, fill, axis, dtype, keepdims):
        kw = _kw(keepdims)
        newmask = _check_mask_axis(self._mask, axis, keepdims)
        args = {"axis": axis, **kw}
        if dtype is not None:
            args["dtype"] = dtype
        result = getattr(self.filled(fill), name)(**args)
        if getattr(result, "ndim", 0):
            return MaskedArray._wrap(result, newmask.copy() if newmask is not nomask else
                                     nomask)
        if newmask:
            return masked
        return result

    def sum(self, axis=None, dtype=None, out=None, keepdims=NoValue):
        """Sum of the unmasked items."""
        _no_out(out)
        return self._reduce_filled("sum", 0, axis, dtype, keepdims)

    def prod(self, axis=None, dtype=None, out=None, keepdims=NoValue):
        """Product of the unmasked items."""
        _no_out(out)
        return self._reduce_filled("prod", 1, axis, dtype, keepdims)

    product = prod

    def _extreme(self, name, fill, axis, keepdims):
        kw = _kw(keepdims)
        newmask = _check_mask_axis(self._mask, axis, keepdims)
        result = getattr(self.filled(fill), name)(axis=axis, **kw)
        if getattr(result, "ndim", 0):
            out = MaskedArray._wrap(result, newmask.copy() if newmask is not nomask else
                                    nomask)
            if newmask is not nomask and newmask.ndim:
                copyto(result, out.fill_value, where=newmask)
            return out
        if newmask:
            return masked
        return result

    def min(self, axis=None, out=None, fill_value=None, keepdims=NoValue):
        """Minimum of the unmasked items."""
        _no_out(out)
        return self._extreme("min", minimum_fill_value(self) if fill_value is None else
                             fill_value, axis, keepdims)

    def max(self, axis=None, out=None, fill_value=None, keepdims=NoValue):
        """Maximum of the unmasked items."""
        _no_out(out)
        return self._extreme("max", maximum_fill_value(self) if fill_value is None else
                             fill_value, axis, keepdims)

    def all(self, axis=None, out=None, keepdims=NoValue):
        """True where all unmasked items are true."""
        _no_out(out)
        return self._reduce_filled("all", True, axis, None, keepdims)

    def any(self, axis=None, out=None, keepdims=NoValue):
        """True where any unmasked item is true."""
        _no_out(out)
        return self._reduce_filled("any", False, axis, None, keepdims)

    def _plain(self, result):
        """NumPy's super().mean(...)[()] on a mask-free array: scalars stay scalars, arrays become
        masked arrays without a mask."""
        if getattr(result, "ndim", 0):
            return MaskedArray._wrap(result, nomask)
        return result

    def mean(self, axis=None, dtype=None, out=None, keepdims=NoValue):
        """Mean of the unmasked items."""
        _no_out(out)
        kw = _kw(keepdims)
        if self._mask is nomask:
            return self._plain(self._data.mean(axis=axis, dtype=dtype, **kw))
        half = False
        if dtype is None:
            if self.dtype.kind in "biu":
                dtype = _dtype("f8")
            elif self.dtype == _dtype("f2"):
                dtype, half = _dtype("f4"), True
        dsum = self.sum(axis=axis, dtype=dtype, **kw)
        cnt = self.count(axis=axis, **kw)
        if getattr(cnt, "shape", ()) == () and cnt == 0:
            return masked
        if half:
            # NumPy's float16(result): astype for a masked array, a scalar otherwise
            r = dsum * 1. / cnt
            if isinstance(r, MaskedArray):
                return r.astype(self.dtype)
            return self.dtype.type(r)
        return _true_divide_plain(_multiply_one(dsum), cnt)

    def var(self, axis=None, dtype=None, out=None, ddof=0, keepdims=NoValue):
        """Variance of the unmasked items."""
        _no_out(out)
        kw = _kw(keepdims)
        if self._mask is nomask:
            return self._plain(self._data.var(axis=axis, dtype=dtype, ddof=ddof, **kw))
        cnt = self.count(axis=axis, **kw) - ddof
        danom = self - self.mean(axis, dtype, keepdims=True)
        if self.dtype.kind == "c":
            danom = absolute(danom) ** 2
        else:
            danom *= danom
        dvar = divide(danom.sum(axis, **kw), cnt)
        if isinstance(dvar, MaskedArray) and dvar.ndim:
            dvar._mask = mask_or(self._mask.all(axis, **kw), cnt <= 0)
            dvar._fill_value = self._fill_value
            return dvar
        if dvar is masked or getmask(dvar):
            return masked
        return dvar

    def std(self, axis=None, dtype=None, out=None, ddof=0, keepdims=NoValue):
        """Standard deviation of the unmasked items."""
        dvar = self.var(axis, dtype, out, ddof, keepdims)
        if dvar is not masked:
            dvar = sqrt(dvar)
        return dvar

    # -- shape --
    def _each(self, name, *args, **kw):
        data = getattr(self._data, name)(*args, **kw)
        mask = self._mask if self._mask is nomask else getattr(self._mask, name)(*args, **kw)
        return MaskedArray._wrap(data, mask, self)

    def reshape(self, *s, **kw):
        return self._each("reshape", *s, **kw)

    def ravel(self, order="C"):
        return self._each("ravel", order)

    def flatten(self, order="C"):
        return self._each("flatten", order)

    def transpose(self, *axes):
        return self._each("transpose", *axes)

    def swapaxes(self, a1, a2):
        return self._each("swapaxes", a1, a2)

    def squeeze(self, axis=None):
        return self._each("squeeze", axis)

    def copy(self, order="C"):
        return self._each("copy", order)

    def astype(self, dtype, order="K", casting="unsafe", subok=True, copy=True):
        data = self._data.astype(dtype, order=order, casting=casting, copy=copy)
        mask = self._mask if self._mask is nomask else self._mask.copy()
        if mask is not nomask and mask.dtype.names is not None and data.dtype.names is not None:
            # the record fill value follows the cast (NumPy's __array_finalize__)
            mask = mask.astype(make_mask_descr(data.dtype))
            return MaskedArray._wrap(data, mask, self)
        return MaskedArray._wrap(data, mask, None)

    def tolist(self, fill_value=None):
        """Python lists; masked items become None (or fill_value)."""
        if self._mask is nomask:
            return self._data.tolist()
        if fill_value is not None:
            return self.filled(fill_value).tolist()
        if self.dtype.names is not None:
            return self._records_tolist()
        data = self._data.ravel().tolist()
        for i, m in enumerate(self._mask.ravel().tolist()):
            if m:
                data[i] = None
        return nest(data, self.shape)

    def _records_tolist(self):
        """NumPy's tolist of records: each field's masked values become None (its boolean
        index of a nested or subarray field's mask fails as NumPy's does)."""
        for name in self.dtype.names:
            fm = _field(self._mask, name)
            if fm.dtype.names is not None:
                raise IndexError("arrays used as indices must be of integer (or boolean) type")
            if fm.ndim > self.ndim:
                raise IndexError("too many indices for array: array is %d-dimensional, but %d "
                                 "were indexed" % (self.ndim, fm.ndim))
        if self.ndim == 0:
            return tuple(None if m else v for v, m in zip(self._data.tolist(),
                                                          self._mask.tolist()))
        flat = [tuple(None if m else v for v, m in zip(rec, rmask))
                for rec, rmask in zip(self._data.reshape(-1).tolist(),
                                      self._mask.reshape(-1).tolist())]
        return nest(flat, self.shape)

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    # -- sorting --
    def argsort(self, axis=NoValue, kind=None, order=None, endwith=True, fill_value=None):
        """The indices that sort the data with masked items filled to sort last (endwith) or
        first: NumPy's MaskedArray.argsort."""
        if axis is NoValue:
            axis = -1 if self.ndim <= 1 else None
        if fill_value is None:
            if endwith:
                fill_value = float("nan") if self.dtype.kind == "f" else \
                    minimum_fill_value(self)
            else:
                fill_value = maximum_fill_value(self)
        return self.filled(fill_value).argsort(axis=axis, kind=kind, order=order)

    def sort(self, axis=-1, kind=None, order=None, endwith=True, fill_value=None):
        """Sorts in place, masked items last (endwith) or first."""
        if self._mask is nomask:
            self._data.sort(axis=axis, kind=kind, order=order)
            return
        if self is masked:
            return
        sidx = self.argsort(axis=axis, kind=kind, order=order, fill_value=fill_value,
                            endwith=endwith)
        self._data[...] = _take_along_axis(self._data, sidx, axis=axis)
        self._mask[...] = _take_along_axis(self._mask, sidx, axis=axis)

    # -- items --
    def __getitem__(self, index):
        dout = self._data[index]
        mask = self._mask
        if self.dtype.names is not None and mask is not nomask:
            return self._record_item(index, dout)
        if mask is not nomask:
            mout = mask[index]
            if not isinstance(mout, ndarray):
                return masked if mout else dout
            return MaskedArray._wrap(dout, mout, self)
        if not isinstance(dout, ndarray):
            return dout
        return MaskedArray._wrap(dout, nomask, self)

    def _record_item(self, index, dout):
        """Indexing a record array: a record is an mvoid, a field or a selection of records a
        masked array over the same part of the mask; a field's fill value is a view of the
        record fill value."""
        mout = self._mask[index]
        if not isinstance(mout, ndarray):
            # 0-d views rather than the void scalars, so that setting a field of the record
            # writes into the array as NumPy's does
            idx = (index if isinstance(index, tuple) else (index,)) + (Ellipsis,)
            return mvoid._of(self._data[idx], self._mask[idx], self)
        if mout.shape != dout.shape:
            mout = mout.reshape(dout.shape)
        out = MaskedArray._wrap(dout, mout, self)
        if isinstance(index, str) or (isinstance(index, list) and index and
                                      builtins.all(isinstance(i, str) for i in index)):
            fill = self._fill_value[index] if self._fill_value is not None else None
            if fill is not None and fill.ndim:
                if not bool((fill == fill.ravel()[0]).all()):
                    warnings.warn("Upon accessing multidimensional field %s, need to keep "
                                  "dimensionality of fill_value at 0. Discarding heterogeneous "
                                  "fill_value and setting all to %s." % (index, fill[0]),
                                  stacklevel=3)
                fill = fill.ravel()[0:1].reshape(())
            out._fill_value = fill
            out._isfield = True
        return out

    def __setitem__(self, index, value):
        if self is masked:
            raise MaskError("Cannot alter the masked element.")
        records = self.dtype.names is not None
        if isinstance(index, str):
            self._data[index] = getdata(value) if isinstance(value, MaskedArray) else value
            if self._mask is nomask:
                self._mask = make_mask_none(self.shape, self.dtype)
            self._mask[index] = getmask(value)
            return
        if value is masked:
            if self._mask is nomask:
                self._mask = make_mask_none(self.shape, self.dtype)
            self._mask[index] = True
            return
        dval = getdata(value) if isinstance(value, MaskedArray) else value
        mval = getmask(value)
        if records and mval is nomask:
            mval = False
        if records and self._hardmask and self._mask is not nomask and \
                not (getattr(index, "dtype", None) == _dtype(bool)):
            raise NotImplementedError("Flexible 'hard' masks are not yet supported.")
        if self._mask is nomask:
            self._data[index] = dval
            if mval is not nomask:
                self._mask = make_mask_none(self.shape)
                self._mask[index] = mval
        elif not self._hardmask:
            self._data[index] = dval
            self._mask[index] = mval
        else:
            mindx = mask_or(self._mask[index], mval, copy=True)
            dindx = self._data[index]
            if isinstance(dindx, ndarray) and dindx.size > 1:
                copyto(dindx, dval, where=_U["logical_not"](mindx))
            elif mindx is nomask:
                dindx = dval
            self._data[index] = dindx
            self._mask[index] = mindx

    # -- printing --
    def _corners(self):
        """NumPy's _insert_masked_print: the data and mask, cut to the printed corners."""
        data, mask = self._data, self._mask
        width = self._print_width if self.ndim > 1 else self._print_width_1d
        for axis in range(self.ndim):
            if data.shape[axis] > width:
                ind = width // 2
                idx = [slice(None)] * self.ndim
                lo, hi = list(idx), list(idx)
                lo[axis], hi[axis] = slice(None, ind), slice(-ind, None)
                data = _concatenate((data[tuple(lo)], data[tuple(hi)]), axis=axis)
                mask = _concatenate((mask[tuple(lo)], mask[tuple(hi)]), axis=axis)
        return data, mask

    def _text(self, separator, prefix, suffix):
        if not masked_print_option.enabled():
            return array2string(self.filled(self.fill_value), separator=separator,
                                prefix=prefix, suffix=suffix)
        if self._mask is nomask:
            return array2string(self._data, separator=separator, prefix=prefix, suffix=suffix)
        data, mask = self._corners()
        if data.size == 0:
            return "[]"
        texts = record_texts(masked_print_option.display()) if data.dtype.names is not None \
            else _element_texts
        return _array2string(data, _options(), separator, prefix, texts, mask, suffix)

    def __str__(self):
        if self._mask is nomask:
            return str(self._data)
        if not masked_print_option.enabled():
            return str(self.filled(self.fill_value))
        if self.ndim == 0 and self.dtype.names is not None:
            return record_text(self.dtype, self._data.tolist(), self._mask.tolist(),
                               masked_print_option.display())
        if self.ndim == 0:
            return masked_print_option.display() if self._mask[()] else str(self._data[()])
        return self._text(" ", "", "")

    def __repr__(self):
        # NumPy names the data's class (_baseclass): masked_recarray(...) over a recarray
        name = "array" if type(self._data) is ndarray else type(self._data).__name__
        prefix = "masked_%s(" % name
        dtype_needed = (not dtype_is_implied(self.dtype) or
                        bool(_asarray(self._mask).all()) or self.size == 0)
        keys = ["data", "mask", "fill_value"]
        if dtype_needed:
            keys.append("dtype")
        is_one_row = builtins.all(d == 1 for d in self.shape[:-1])
        min_indent = 2
        if is_one_row:
            indents = {keys[0]: prefix}
            for k in keys[1:]:
                indents[k] = " " * builtins.max(min_indent, len(prefix + keys[0]) - len(k))
            prefix = ""
        else:
            indents = {k: " " * min_indent for k in keys}
            prefix = prefix + "\n"
        reprs = {"data": self._text(", ", indents["data"] + "data=", ","),
                 "mask": array2string(_asarray(self._mask), separator=", ",
                                      prefix=indents["mask"] + "mask=", suffix=","),
                 "fill_value": repr(self.fill_value)}
        if dtype_needed:
            reprs["dtype"] = dtype_short_repr(self.dtype)
        result = ",\n".join("{}{}={}".format(indents[k], k, reprs[k]) for k in keys)
        return prefix + result + ")"

    # -- arithmetic --
    def __add__(self, other):
        return add(self, other)

    def __radd__(self, other):
        return add(other, self)

    def __sub__(self, other):
        return subtract(self, other)

    def __rsub__(self, other):
        return subtract(other, self)

    def __mul__(self, other):
        return multiply(self, other)

    def __rmul__(self, other):
        return multiply(other, self)

    def __truediv__(self, other):
        return true_divide(self, other)

    def __rtruediv__(self, other):
        return true_divide(other, self)

    def __floordiv__(self, other):
        return floor_divide(self, other)

    def __rfloordiv__(self, other):
        return floor_divide(other, self)

    def __mod__(self, other):
        return self._wrapped("remainder", self, other)

    def __rmod__(self, other):
        return self._wrapped("remainder", other, self)

    def __pow__(self, other):
        return power(self, other)

    def __rpow__(self, other):
        return power(other, self)

    def __neg__(self):
        return self._wrapped("negative", self)

    def __pos__(self):
        return self._wrapped("positive", self)

    def _wrapped(self, name, *inputs):
        """An operator NumPy's MaskedArray leaves to ndarray's ufunc and then __array_wrap__:
        the masks of the inputs combined, and the domain errors (remainder by zero) filled
        with the ufunc's fill value and masked, together with the masked items."""
        result = _U[name](*[getdata(x) for x in inputs])
        m = getmaskarray(inputs[0])
        for x in inputs[1:]:
            m = mask_or(m, getmaskarray(x))
        if name == "remainder":
            d = _safe_divide(*[getdata(x) for x in inputs])
            if d.any():
                copyto(result, 1, where=d, casting="unsafe")
                m = d if m is nomask else _U["logical_or"](m, d)
        if not getattr(result, "ndim", 0):
            return masked if m is not nomask and bool(m) else result
        return MaskedArray._wrap(result, m, self)

    def __abs__(self):
        return self._wrapped("absolute", self)

    def __and__(self, other):
        return self._wrapped("bitwise_and", self, other)

    def __or__(self, other):
        return self._wrapped("bitwise_or", self, other)

    def __xor__(self, other):
        return self._wrapped("bitwise_xor", self, other)

    def __invert__(self):
        return self._wrapped("invert", self)

    def _inplace(self, other, op, neutral):
        m = getmask(other)
        if self._mask is nomask:
            if m is not nomask and m.any():
                self._mask = make_mask_none(self.shape)
                self._mask |= m
        elif m is not nomask:
            self._mask |= m
        other_data = getdata(other)
        if self._mask is not nomask:
            other_data = _where(self._mask, other_data.dtype.type(neutral), other_data)
        op(self._data, other_data, out=self._data)
        return self

    def __iadd__(self, other):
        return self._inplace(other, _U["add"], 0)

    def __isub__(self, other):
        return self._inplace(other, _U["subtract"], 0)

    def __imul__(self, other):
        return self._inplace(other, _U["multiply"], 1)

    def _compare(self, other, op):
        """NumPy's _comparison: the data compared, the masks combined; == and != of two masked
        items compare the masks (equal when both are masked)."""
        omask = getmask(other)
        smask = self._mask
        mask = mask_or(smask, omask, copy=True)
        sdata = self._data
        if mask is not nomask and mask.dtype.names is not None:
            if op not in (_U["equal"], _U["not_equal"]):
                return NotImplemented
            if omask is nomask:     # NumPy then compares the record mask with False
                raise TypeError("Cannot compare structured or void to non-void arrays.")
            # masked fields count as equal: self's take other's values there; the result is
            # masked where every field is masked
            odata = _asarray(getdata(other))
            shape = broadcast_to(mask, mask.shape).shape
            sdata = broadcast_to(self._data, shape).copy()
            each_leaf(lambda r, mm, f: copyto(r, f, where=mm), sdata, mask,
                      broadcast_to(odata, shape))
            smask, omask = broadcast_to(smask, shape), broadcast_to(omask, shape)
            mask = record_all(mask)
            # the ufuncs have no record loops: ndarray's ==/!= compare records field by field
            op = _operator.eq if op is _U["equal"] else _operator.ne
        check = op(sdata, getdata(other))
        if not isinstance(check, ndarray):
            return masked if mask is not nomask and bool(mask) else check
        if mask is not nomask and op in (_U["equal"], _U["not_equal"], _operator.eq,
                                         _operator.ne):
            check = _where(mask, op(smask, omask), check)
            if mask.shape != check.shape:
                mask = broadcast_to(mask, check.shape).copy()
        out = MaskedArray._wrap(check, mask, None)
        if type(self) is mvoid:
            # NumPy's check.view(type(self)): a record compared with an array (Python asks
            # the subclass first) gives an mvoid-typed array, printed as its str
            out.__class__ = mvoid
        if self._fill_value is not None:
            try:
                out._fill_value = _check_fill_value(self._fill_value[()], _dtype("?"))
            except (TypeError, ValueError):
                out._fill_value = None
        return out

    def __eq__(self, other):
        return self._compare(other, _U["equal"])

    def __ne__(self, other):
        return self._compare(other, _U["not_equal"])

    def __lt__(self, other):
        return self._compare(other, _U["less"])

    def __le__(self, other):
        return self._compare(other, _U["less_equal"])

    def __gt__(self, other):
        return self._compare(other, _U["greater"])

    def __ge__(self, other):
        return self._compare(other, _U["greater_equal"])

    __hash__ = None

    def __bool__(self):
        return bool(self.filled(True)) if self.size == 1 else bool(self._data)

    def __float__(self):
        if self.size > 1:
            raise TypeError("Only length-1 arrays can be converted to Python scalars")
        if self._mask is not nomask and self._mask.any():
            warnings.warn("Warning: converting a masked element to nan.", UserWarning,
                          stacklevel=2)
            return float("nan")
        return float(self._data)

    def __int__(self):
        if self.size > 1:
            raise TypeError("Only length-1 arrays can be converted to Python scalars")
        if self._mask is not nomask and self._mask.any():
            raise MaskError("Cannot convert masked element to a Python int.")
        return int(self._data)


def _element_texts(data, mask):
    """Nested lists of element texts: '--' for masked items, the repr of the Python value for
    the others (NumPy prints a masked array's data through astype(object))."""
    values = data.ravel().tolist()
    mflat = mask.ravel().tolist()
    texts = [masked_print_option.display() if m else repr(v) for v, m in zip(values, mflat)]
    return nest(texts, data.shape)


def _strip_masked(seq):
    """A list given to masked_array may hold `masked` or masked arrays. NumPy masks by the
    list's own items only (each item's getmaskarray: `masked` is one masked item, a masked
    array its mask); a `masked` deeper inside an item becomes nan, unmasked. Returns the data
    (tuples kept: records) and the mask list, or None when no item is masked."""
    top = [False]

    def data_of(x):
        if x is masked:
            return float("nan")
        if isinstance(x, MaskedArray):
            return x._data
        if isinstance(x, (list, tuple)):
            kind = tuple if isinstance(x, tuple) else list
            return kind(data_of(v) for v in x)
        return x

    def mask_of(x, d):
        if x is masked:
            top[0] = True
            return True
        if isinstance(x, MaskedArray):
            top[0] = top[0] or x._mask is not nomask
            return getmaskarray(x)
        return zeros(_asarray(d).shape, dtype=bool) if isinstance(x, (list, tuple)) else False

    if not _holds_masked(seq):
        return seq, None    # unchanged: tuples stay tuples (records)
    data = [data_of(x) for x in seq]
    mask = [mask_of(x, d) for x, d in zip(seq, data)]
    if isinstance(seq, tuple):
        data = tuple(data)
    return data, (mask if top[0] else None)


def _holds_masked(x):
    if isinstance(x, MaskedArray):
        return True
    if isinstance(x, (list, tuple)):
        return builtins.any(_holds_masked(v) for v in x)
    return False


def _record_mask(mask, mdtype, shape, copy):
    """A given mask as a record mask of mdtype and the data's shape: a bool sets every field,
    records set fields, a sequence of bools one bool per record (NumPy's __new__)."""
    if mask is masked:
        mask = True
    if isinstance(mask, MaskedArray):
        mask = mask._data
    try:
        m = _array(mask, dtype=mdtype, copy=copy)
    except TypeError:
        m = _array([tuple([x] * len(mdtype.names)) for x in mask], dtype=mdtype)
    if m.shape != shape:
        nd, nm = 1, m.size
        for n in shape:
            nd *= n
        if nm == 1:
            m = broadcast_to(m.reshape(()), shape).copy()
        elif nm == nd:
            m = m.reshape(shape)
        else:
            raise MaskError("Mask and data not compatible: data size is %i, mask size is %i."
                            % (nd, nm))
    return m


def _no_record_mask(mask, ufunc):
    """NumPy's error where it applies a bool ufunc to a record mask (count, compressed)."""
    if mask.dtype.names is not None:
        raise TypeError("ufunc '%s' not supported for the input types, and the inputs could "
                        "not be safely coerced to any supported types according to the "
                        "casting rule ''safe''" % ufunc)


def _no_out(out):
    if out is not None:
        raise NotImplementedError("cnumpy.ma: out= is not supported")


class MaskedConstant(MaskedArray):
    """numpy.ma.masked: a 0-d float64 masked array, printed as 'masked' / '--'."""
    _instance = None

    def __new__(cls):
        if cls._instance is None:
            self = object.__new__(cls)
            self._data = _array(0.0)
            self._mask = _array(True)
            self._fill_value = None
            self._hardmask = False
            cls._instance = self
        return cls._instance

    def __repr__(self):
        return "masked"

    def __str__(self):
        return str(masked_print_option._display)

    def __format__(self, spec):
        return object.__format__(self, spec)

    def __setitem__(self, index, value):
        raise MaskError("Cannot alter the masked element.")

    def copy(self, *args, **kwargs):
        return self

    def __iadd__(self, other):
        return self

    __isub__ = __imul__ = __iadd__

    def __reduce__(self):
        return (self.__class__, ())


masked = masked_singleton = MaskedConstant()
masked_array = MaskedArray


class mvoid(MaskedArray):
    """numpy.ma.mvoid: one record of a structured masked array (its data and mask 0-d views of
    the array's, so that setting a field writes through); masked fields print as '--'."""

    def __new__(cls, data, mask=nomask, dtype=None, fill_value=None, hardmask=False,
                copy=False, subok=True):
        _data = _array(getdata(data) if isinstance(data, MaskedArray) else data, dtype=dtype,
                       copy=copy)
        if _data.ndim:
            _data = _data.reshape(())
        mdtype = make_mask_descr(_data.dtype)
        self = object.__new__(cls)
        self._data = _data
        self._hardmask = hardmask
        if mask is nomask:
            self._mask = zeros((), dtype=mdtype)
        else:
            m = _array(getdata(mask) if isinstance(mask, MaskedArray) else mask, dtype=mdtype)
            self._mask = m.reshape(()) if m.size == 1 else m
        self._fill_value = _check_fill_value(fill_value, _data.dtype)
        return self

    @classmethod
    def _of(cls, dout, mout, parent):
        """The record parent[index] (dout, mout: the data and mask records)."""
        self = object.__new__(cls)
        self._data = _asarray(dout) if not isinstance(dout, ndarray) else dout
        self._mask = _asarray(mout) if not isinstance(mout, ndarray) else mout
        if self._data.ndim:
            self._data = self._data.reshape(())
            self._mask = self._mask.reshape(())
        self._hardmask = parent._hardmask
        fill = parent._fill_value
        self._fill_value = _check_fill_value(fill if fill is not None and
                                             fill.dtype == self._data.dtype else None,
                                             self._data.dtype)
        return self

    @property
    def mask(self):
        return self._mask[()]

    @mask.setter
    def mask(self, value):
        self.__setmask__(value)

    def _name(self, indx):
        if isinstance(indx, str):
            return indx
        return self.dtype.names[indx]

    def __getitem__(self, indx):
        name = self._name(indx)
        m = _field(self._mask, name)
        if m.ndim:      # a subarray field: no longer a record
            return MaskedArray(data=_field(self._data, name), mask=m,
                               fill_value=_field(self._fill_value, name),
                               hard_mask=self._hardmask)
        if m.dtype.names is not None:     # a nested record: masked if any of it is
            if builtins.any(bool(leaf.any()) for leaf in leaves(m)):
                return masked
            return _field(self._data, name)[()]
        if bool(m):
            return masked
        return _field(self._data, name)[()]

    def __setitem__(self, indx, value):
        name = self._name(indx)
        target = _field(self._data, name)
        if value is masked:
            target[...] = _masked_as_value(target.dtype)
        else:
            target[...] = getdata(value) if isinstance(value, MaskedArray) else value
        vm = getattr(value, "_mask", False)
        fm = _field(self._mask, name)
        if self._hardmask:
            fm[...] = _U["logical_or"](fm, vm)
        else:
            fm[...] = vm

    def __str__(self):
        if self.dtype.names is None:
            return MaskedArray.__str__(self)
        return record_text(self.dtype, self._data.tolist(), self._mask.tolist(),
                           masked_print_option.display())

    __repr__ = __str__

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def __len__(self):
        return len(self.dtype.names)

    def filled(self, fill_value=None):
        """The record with masked fields set to fill_value (the fill value by default)."""
        return MaskedArray._wrap(self._data, self._mask, self).filled(fill_value)[()]

    def tolist(self):
        """The record as a tuple, masked fields None."""
        return tuple(None if m else v for v, m in zip(self._data.tolist(),
                                                      self._mask.tolist()))


def _masked_as_value(dt):
    """What NumPy writes when `masked` is stored into a field of a record (its scalar
    conversion: int() refuses, float() warns and gives nan, a string field gets '--')."""
    if dt.kind in "biu":
        raise MaskError("Cannot convert masked element to a Python int.")
    if dt.kind in "fc":
        warnings.warn("Warning: converting a masked element to nan.", UserWarning,
                      stacklevel=3)
        return float("nan")
    return str(masked)


def concatenate(arrays, axis=0):
    """numpy.ma.concatenate: the data joined, and the masks when any array has one."""
    d = _concatenate([getdata(a) for a in arrays], axis)
    like = next((a for a in arrays if isinstance(a, MaskedArray)), None)
    if builtins.all(getmask(a) is nomask for a in arrays):
        return MaskedArray._wrap(d, nomask, like)
    dm = _concatenate([getmaskarray(a) for a in arrays], axis).reshape(d.shape)
    if dm.dtype.names is None and not dm.any():
        dm = nomask
    return MaskedArray._wrap(d, dm, like)


def masked_all(shape, dtype=float):
    """numpy.ma.masked_all: an array whose every item (every field) is masked."""
    dt = _dtype(dtype)
    return MaskedArray(zeros(shape, dtype=dt), mask=ones(shape, dtype=make_mask_descr(dt)))


# ---- elementwise operations --------------------------------------------------------------------
def _result(result, mask, like):
    """A ufunc result as NumPy's masked operations return it: masked / scalar for 0-d."""
    if not getattr(result, "ndim", 0):
        if mask is not nomask and bool(mask):
            return masked
        return result
    return MaskedArray._wrap(result, mask, like)


class _DomainSafeDivide:
    def __call__(self, a, b):
        with errstate(invalid="ignore"):
            return _U["greater_equal"](_U["absolute"](a) * 2.2250738585072014e-308,
                                       _U["absolute"](b))


class _DomainLess:
    """x < value (sqrt: x < 0), or x <= value when inclusive (log: x <= 0)."""

    def __init__(self, value, inclusive):
        self.value, self.inclusive = value, inclusive

    def __call__(self, x):
        with errstate(invalid="ignore"):
            f = _U["less_equal"] if self.inclusive else _U["less"]
            return f(x, self.value)


class _DomainOutside:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __call__(self, x):
        with errstate(invalid="ignore"):
            return _U["logical_or"](_U["greater"](x, self.b), _U["less"](x, self.a))


class _DomainTan:
    def __call__(self, x):
        with errstate(invalid="ignore"):
            return _U["less"](_U["absolute"](_U["cos"](x)), 1e-35)


class _Unary:
    def __init__(self, name, domain=None):
        self.f = _U[name]
        self.domain = domain
        self.__name__ = name
        self.__doc__ = "numpy.ma.%s: numpy.%s with the mask kept%s." % (
            name, name, " and its domain errors masked" if domain else "")

    def __call__(self, a, *args, **kwargs):
        d = getdata(a)
        if self.domain is not None:
            with errstate(divide="ignore", invalid="ignore"):
                result = self.f(d, *args, **kwargs)
            m = _U["logical_not"](_U["isfinite"](result))
            m = _U["logical_or"](m, self.domain(d))
            ma = getmask(a)
            if ma is not nomask:
                m = _U["logical_or"](m, ma)
        else:
            result = self.f(d, *args, **kwargs)
            m = getmask(a)
        if not getattr(result, "ndim", 0):
            if m is not nomask and bool(m):
                return masked
            return result
        if m is not nomask:
            try:
                copyto(result, d, where=m)
            except TypeError:
                pass
        return MaskedArray._wrap(result, m, a)


class _Binary:
    def __init__(self, name, domain=None):
        self.f = _U[name]
        self.domain = domain
        self.__name__ = name
        self.__doc__ = "numpy.ma.%s: numpy.%s with the masks combined%s." % (
            name, name, " and its domain errors masked" if domain else "")

    def __call__(self, a, b, *args, **kwargs):
        da, db = getdata(a), getdata(b)
        like = a if isinstance(a, MaskedArray) else b
        with errstate(divide="ignore", invalid="ignore"):
            result = self.f(da, db, *args, **kwargs)
        if self.domain is None:
            ma, mb = getmask(a), getmask(b)
            if ma is nomask and mb is nomask:
                m = nomask
            else:
                m = _U["logical_or"](getmaskarray(a) if ma is nomask else ma,
                                     getmaskarray(b) if mb is nomask else mb)
            if not getattr(result, "ndim", 0):
                return masked if m is not nomask and bool(m) else result
            if m is not nomask and m.any():
                try:
                    copyto(result, da, casting="unsafe", where=m)
                except Exception:
                    pass
            if m is not nomask and m.shape != result.shape:
                m = broadcast_to(m, result.shape).copy()
            return MaskedArray._wrap(result, m, like)
        m = _U["logical_not"](_U["isfinite"](result))
        for mm in (getmask(a), getmask(b)):
            if mm is not nomask:
                m = _U["logical_or"](m, mm)
        m = _U["logical_or"](m, self.domain(da, db))
        if not getattr(m, "ndim", 0):
            return masked if bool(m) else result
        copyto(result, 0, casting="unsafe", where=m)
        masked_da = _U["multiply"](m, da)
        if can_cast(masked_da.dtype, result.dtype, casting="safe"):
            result += masked_da
        return MaskedArray._wrap(result, m, like)


_safe_divide = _DomainSafeDivide()
sqrt = _Unary("sqrt", _DomainLess(0.0, False))
log = _Unary("log", _DomainLess(0.0, True))
log2 = _Unary("log2", _DomainLess(0.0, True))
log10 = _Unary("log10", _DomainLess(0.0, True))
arcsin = _Unary("arcsin", _DomainOutside(-1.0, 1.0))
arccos = _Unary("arccos", _DomainOutside(-1.0, 1.0))
arccosh = _Unary("arccosh", _DomainLess(1.0, False))
arctanh = _Unary("arctanh", _DomainOutside(-1.0 + 1e-15, 1.0 - 1e-15))
tan = _Unary("tan", _DomainTan())
exp, sin, cos, arctan, arcsinh = (_Unary(n) for n in ("exp", "sin", "cos", "arctan", "arcsinh"))
sinh, cosh, tanh, absolute, fabs = (_Unary(n) for n in ("sinh", "cosh", "tanh", "absolute",
                                                         "fabs"))
negative, floor, ceil, logical_not, conjugate, invert = (
    _Unary(n) for n in ("negative", "floor", "ceil", "logical_not", "conjugate", "invert"))
abs = absolute
add, subtract, multiply, arctan2, hypot = (
    _Binary(n) for n in ("add", "subtract", "multiply", "arctan2", "hypot"))
equal, not_equal, less, less_equal, greater, greater_equal = (
    _Binary(n) for n in ("equal", "not_equal", "less", "less_equal", "greater", "greater_equal"))
logical_and, logical_or, logical_xor, bitwise_and, bitwise_or, bitwise_xor = (
    _Binary(n) for n in ("logical_and", "logical_or", "logical_xor", "bitwise_and",
                         "bitwise_or", "bitwise_xor"))
true_divide = _Binary("true_divide", _safe_divide)
divide = true_divide
floor_divide = _Binary("floor_divide", _safe_divide)
remainder = _Binary("remainder", _safe_divide)
mod = remainder
fmod = _Binary("fmod", _safe_divide)


def power(a, b, third=None):
    """numpy.ma.power: masks combined, and the results that are not finite masked (their data
    set to the fill value). Always a masked array (0-d too), or masked."""
    if third is not None:
        raise MaskError("3-argument power not supported.")
    m = mask_or(getmask(a), getmask(b))
    fa, fb = getdata(a), getdata(b)
    with errstate(divide="ignore", invalid="ignore"):
        raw = _U["power"](fa, fb)
        result = _asarray(_where(m, fa, raw) if m is not nomask else raw)
    like = a if isinstance(a, MaskedArray) else None
    invalid = _asarray(_U["logical_not"](_U["isfinite"](result)))
    mask = nomask
    if m is not nomask:
        if not result.ndim:
            return masked
        mask = _U["logical_or"](m, invalid)
    if invalid.any():
        if not result.ndim:
            return masked
        if mask is nomask:
            mask = invalid
        out = MaskedArray._wrap(result, mask, like)
        result[invalid] = out.fill_value
        return out
    return MaskedArray._wrap(result, mask, like)


def _multiply_one(x):
    return x * 1.


def _true_divide_plain(a, b):
    if isinstance(a, MaskedArray):
        return true_divide(a, b)
    return a / b


# ---- constructors and masking helpers ----------------------------------------------------------
def array(data, dtype=None, copy=False, order=None, mask=nomask, fill_value=None,
          keep_mask=True, hard_mask=False, shrink=True, subok=True, ndmin=0):
    """numpy.ma.array."""
    return MaskedArray(data, mask=mask, dtype=dtype, copy=copy, fill_value=fill_value,
                       keep_mask=keep_mask, hard_mask=hard_mask, shrink=shrink, ndmin=ndmin,
                       order=order)


def asarray(a, dtype=None, order=None):
    """numpy.ma.asarray: a masked array (no copy when it already is one)."""
    if isinstance(a, MaskedArray) and (dtype is None or _dtype(dtype) == a.dtype):
        return a
    return MaskedArray(a, dtype=dtype, copy=False, keep_mask=True, order=order)


asanyarray = asarray


def isMaskedArray(x):
    """numpy.ma.isMaskedArray."""
    return isinstance(x, MaskedArray)


isarray = isMA = isMaskedArray


def is_masked(x):
    """numpy.ma.is_masked: whether x has masked items."""
    m = getmask(x)
    if m is nomask:
        return False
    return bool(m.any())


def filled(a, fill_value=None):
    """numpy.ma.filled."""
    if isinstance(a, MaskedArray):
        return a.filled(fill_value)
    if isinstance(a, ndarray):
        return a
    return _array(a)


def compressed(x):
    """numpy.ma.compressed."""
    return asarray(x).compressed()


def masked_where(condition, a, copy=True):
    """numpy.ma.masked_where: a masked where condition is true."""
    cond = make_mask(condition, shrink=False)
    a = _array(a, copy=copy) if not isinstance(a, MaskedArray) else a
    (cshape, ashape) = (cond.shape, a.shape)
    if cshape and cshape != ashape:
        raise IndexError("Inconsistent shape between the condition and the input"
                         " (got %s and %s)" % (cshape, ashape))
    if isinstance(a, MaskedArray):
        result = a.copy() if copy else a
        data = result._data
    else:
        data = a
        result = MaskedArray._wrap(data, nomask)
    if result._mask is nomask:
        result._mask = cond if not cshape else cond.copy()
    else:
        result._mask = _U["logical_or"](result._mask, cond)
    if not cshape:
        result._mask = full(ashape, bool(cond), dtype=bool)
    return result


def masked_greater(x, value, copy=True):
    return masked_where(_U["greater"](getdata(x), value), x, copy=copy)


def masked_greater_equal(x, value, copy=True):
    return masked_where(_U["greater_equal"](getdata(x), value), x, copy=copy)


def masked_less(x, value, copy=True):
    return masked_where(_U["less"](getdata(x), value), x, copy=copy)


def masked_less_equal(x, value, copy=True):
    return masked_where(_U["less_equal"](getdata(x), value), x, copy=copy)


def masked_not_equal(x, value, copy=True):
    return masked_where(_U["not_equal"](getdata(x), value), x, copy=copy)


def masked_equal(x, value, copy=True):
    """numpy.ma.masked_equal (the fill value becomes value)."""
    output = masked_where(_U["equal"](getdata(x), value), x, copy=copy)
    output.fill_value = value
    return output


def masked_inside(x, v1, v2, copy=True):
    if v2 < v1:
        (v1, v2) = (v2, v1)
    xf = getdata(x)
    cond = _U["logical_and"](_U["greater_equal"](xf, v1), _U["less_equal"](xf, v2))
    return masked_where(cond, x, copy=copy)


def masked_outside(x, v1, v2, copy=True):
    if v2 < v1:
        (v1, v2) = (v2, v1)
    xf = getdata(x)
    cond = _U["logical_or"](_U["less"](xf, v1), _U["greater"](xf, v2))
    return masked_where(cond, x, copy=copy)


def masked_values(x, value, rtol=1e-5, atol=1e-8, copy=True, shrink=True):
    """numpy.ma.masked_values: masked where close to value (floats) or equal (others)."""
    xnew = filled(x, value)
    if xnew.dtype.kind in "fc":
        mask = isclose(xnew, value, atol=atol, rtol=rtol)
    else:
        mask = _U["equal"](xnew, value)
    ret = MaskedArray(xnew, mask=mask, copy=copy, fill_value=value)
    if shrink and not ret._mask.any():
        ret._mask = nomask
    return ret


def masked_invalid(a, copy=True):
    """numpy.ma.masked_invalid: masked where not finite."""
    a = _array(a, copy=False) if not isinstance(a, MaskedArray) else a
    res = masked_where(_U["logical_not"](_U["isfinite"](getdata(a))), a, copy=copy)
    if res._mask is nomask:
        res._mask = make_mask_none(res.shape)
    return res


# ---- the reductions as functions ---------------------------------------------------------------
def _from_method(name):
    def f(a, *args, **params):
        return getattr(asanyarray(a), name)(*args, **params)
    f.__name__ = name
    f.__doc__ = "numpy.ma.%s: MaskedArray.%s of a as a masked array." % (name, name)
    return f


sum = _from_method("sum")
prod = product = _from_method("prod")
mean = _from_method("mean")
std = _from_method("std")
var = _from_method("var")
min = amin = _from_method("min")
max = amax = _from_method("max")
all = _from_method("all")
any = _from_method("any")


def count(self, axis=None, keepdims=NoValue):
    """numpy.ma.count."""
    return asanyarray(self).count(axis=axis, keepdims=keepdims)

