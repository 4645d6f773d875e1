"""The field-by-field parts of numpy.ma's structured (record) masks: the mask dtype of a record
dtype (each field a bool, nesting, subarrays and titles mirrored), walks over the leaf fields of
a record array and its mask, and the printed text of masked records.

A structured masked array keeps one bool per field of every record (numpy.ma's "mask dtype"); a
field view of the array is a field view of its mask, so every operation here is one strided
operation per leaf field.
"""
from .._creation import ones
from .._dtype import dtype as _dtype
from .._ndarray import ndarray

_BOOL = _dtype("?")


def make_mask_descr(ndtype):
    """numpy.ma.make_mask_descr: ndtype with every (nested, subarray) field's type made bool;
    names and titles kept, a plain dtype becomes bool."""
    ndtype = _dtype(ndtype)
    new = _bool_like(ndtype)
    return ndtype if new == ndtype else new


def _bool_like(dt):
    if dt.names is not None:
        descr = []
        for name in dt.names:
            f = dt.fields[name]
            descr.append(((f[2], name) if len(f) == 3 else name, _bool_like(f[0])))
        return _dtype(descr)
    if dt.shape != ():
        return _dtype((_bool_like(dt.base), dt.shape))
    return _BOOL


def field(a, name):
    """The field `name` of the ndarray a (a view)."""
    return ndarray.__getitem__(a, name)


def each_leaf(fn, a, *others):
    """fn(leaf of a, same leaf of each of others) for every non-structured field of the record
    array a (a subarray field's view has the subarray's axes at the end)."""
    for name in a.dtype.names:
        sub = field(a, name)
        subs = [field(o, name) for o in others]
        if sub.dtype.names is not None:
            each_leaf(fn, sub, *subs)
        else:
            fn(sub, *subs)


def leaves(a):
    """The non-structured field views of a, depth first."""
    out = []
    each_leaf(out.append, a)
    return out


def record_all(mask):
    """Per record, whether every field (every element of a subarray field) is set: NumPy's
    recordmask, and `mask == ones((), mask.dtype)` of the structured comparison."""
    result = None
    for leaf in leaves(mask):
        extra = leaf.ndim - mask.ndim
        if extra:
            leaf = leaf.reshape(mask.shape + (-1,)).all(axis=-1)
        result = leaf.copy() if result is None else result & leaf
    if result is None:
        return ones(mask.shape, dtype=bool)
    return result


# ---- printing -----------------------------------------------------------------------------
def _plain(v):
    """The value of one element as NumPy's astype(object) hands it to repr."""
    return v.tolist() if isinstance(v, ndarray) else v


def _value_text(dt, value, masked, display):
    """The text of one field value (dt: the field's dtype) with its mask: NumPy prints a masked
    record through a copy whose fields are objects, masked ones replaced by the print option."""
    if dt.names is not None:
        parts = [_value_text(dt.fields[n][0], value[i], masked[i], display)
                 for i, n in enumerate(dt.names)]
        return "(" + ", ".join(parts) + ("," if len(parts) == 1 else "") + ")"
    if dt.shape != ():
        return _nested_text(dt.base, _plain(value), _plain(masked), len(dt.shape), display)
    if masked:
        return display
    return "list(%r)" % (value,) if type(value) is list else repr(value)


def _nested_text(base, value, masked, depth, display):
    if depth == 0:
        return _value_text(base, value, masked, display)
    return "[" + ", ".join(_nested_text(base, v, m, depth - 1, display)
                           for v, m in zip(value, masked)) + "]"


def record_text(dt, value, mask, display):
    """The printed text of one masked record (a tuple value and its mask tuple)."""
    return _value_text(dt, value, mask, display)


def record_texts(display):
    """A texts(data, mask) function for _arrayprint._array2string: nested lists of record
    texts."""
    def texts(data, mask):
        dt = data.dtype
        flat = [record_text(dt, v, m, display)
                for v, m in zip(_records(data), _records(mask))]
        return nest(flat, data.shape)
    return texts


def _records(a):
    """The records of a as tuples, C order."""
    if a.ndim == 0:
        return [a.tolist()]
    return a.reshape(-1).tolist()


def nest(flat, shape):
    """A flat list as nested lists of shape (tolist's layout)."""
    if len(shape) == 0:
        return flat[0]
    if len(shape) == 1:
        return flat
    step = len(flat) // shape[0] if shape[0] else 0
    return [nest(flat[i * step:(i + 1) * step], shape[1:]) for i in range(shape[0])]
