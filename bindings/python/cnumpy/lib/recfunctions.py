"""numpy.lib.recfunctions: building, reshaping and converting structured arrays (NumPy 1.24's
behaviour and messages).

Every function here works field by field on cnumpy's primitives: a field (or nested field) of a
structured array is a strided view, so converting between layouts is one strided copy per field
rather than NumPy's per-record tuples (merge_arrays) or structured casts. usemask=True results
are cnumpy.ma masked arrays with record masks (missing records or fields masked), and
cnumpy.ma.mrecords.MaskedRecords with asrecarray=True, as NumPy's.
"""
import builtins

from .. import _dtype
from .._convert import asarray as _asarray
from .._creation import empty as _empty, zeros as _zeros
from .._casting import can_cast as _can_cast, copyto as _copyto, result_type as _result_type
from .._ndarray import ndarray
from .._scalars import void
from .._sorting import argsort as _argsort
from ..lib.stride_tricks import as_strided as _as_strided
from ..ma._fields import each_leaf as _each_leaf
from ..ma.core import MaskedArray, concatenate as _ma_concatenate, filled as _ma_filled, \
    getmaskarray as _getmaskarray, make_mask_descr as _make_mask_descr, \
    masked_all as _masked_all, nomask as _nomask
from ..ma.mrecords import MaskedRecords
from ..rec import adopt as _adopt, recarray

__all__ = ["append_fields", "apply_along_fields", "assign_fields_by_name", "drop_fields",
           "find_duplicates", "flatten_descr", "get_fieldstructure", "get_names",
           "get_names_flat", "join_by", "merge_arrays", "rec_append_fields", "rec_drop_fields",
           "rec_join", "recursive_fill_fields", "rename_fields", "repack_fields",
           "require_fields", "stack_arrays", "structured_to_unstructured",
           "unstructured_to_structured"]

_dt = _dtype.dtype


def _get(a, name):
    """The field `name` of a (a masked array's field keeps its part of the mask)."""
    if isinstance(a, MaskedArray):
        return a[name]
    return ndarray.__getitem__(a, name)


def _field(a, path):
    """The (nested) field `path` of a as a view."""
    for name in path:
        a = ndarray.__getitem__(a, name)
    return a


def _leaves(dt, path=(), offset=0):
    """The non-structured fields of dt, depth first: (path, leaf dtype without subarray,
    subarray shape, element count, byte offset). A structured subarray field counts as its
    elements' leaves repeated (NumPy's _get_fields_and_offsets)."""
    out = []
    for name in dt.names:
        f = dt.fields[name]
        fdt, foff = f[0], f[1] + offset
        shape = ()
        while fdt.shape != ():
            shape += fdt.shape
            fdt = fdt.base
        count = 1
        for n in shape:
            count *= n
        if fdt.names is None:
            out.append((path + (name,), fdt, shape, count, foff))
        else:
            sub = _leaves(fdt, (), 0)
            for i in range(count):
                for p, d, s, c, o in sub:
                    idx = _unravel(i, shape)
                    out.append((path + (name,) + (idx,) + p, d, s, c,
                                foff + i * fdt.itemsize + o))
    return out


def _unravel(i, shape):
    idx = []
    for n in reversed(shape):
        idx.append(i % n)
        i //= n
    return tuple(reversed(idx))


def _leaf_view(a, path):
    """The leaf field `path` of a (a path may hold an index tuple into a structured subarray:
    the structured element at that index of every record)."""
    for step in path:
        if type(step) is tuple:
            a = ndarray.__getitem__(a, (Ellipsis,) + step)
        else:
            a = ndarray.__getitem__(a, step)
    return a


def _descr_text(fields, itemsize):
    """NumPy's repr of a dict-form dtype (for the cast error messages)."""
    return _dt({"names": ["f%d" % i for i in range(len(fields))],
                "formats": [f[0] for f in fields], "offsets": [f[1] for f in fields],
                "itemsize": itemsize})


# ---- names ----------------------------------------------------------------------------------
def get_names(adtype):
    """The field names of a structured dtype, nested fields as (name, (subnames...))."""
    out = []
    for name in adtype.names:
        cur = adtype[name]
        out.append((name, tuple(get_names(cur))) if cur.names is not None else name)
    return tuple(out)


def get_names_flat(adtype):
    """Every field name of a structured dtype, nested ones after their parent."""
    out = []
    for name in adtype.names:
        out.append(name)
        cur = adtype[name]
        if cur.names is not None:
            out.extend(get_names_flat(cur))
    return tuple(out)


def flatten_descr(ndtype):
    """The (name, dtype) pairs of the non-structured fields of ndtype, nesting flattened."""
    if ndtype.names is None:
        return (("", ndtype),)
    out = []
    for name in ndtype.names:
        typ = ndtype.fields[name][0]
        out.extend(flatten_descr(typ) if typ.names is not None else [(name, typ)])
    return tuple(out)


def get_fieldstructure(adtype, lastname=None, parents=None):
    """{field name: [its parents' names, outermost first]} for every field of adtype."""
    if parents is None:
        parents = {}
    for name in adtype.names:
        cur = adtype[name]
        if cur.names is not None:
            parents[name] = [lastname] if lastname else []
            parents.update(get_fieldstructure(cur, name, parents))
        else:
            last = list(parents.get(lastname, []) or [])
            if last:
                last.append(lastname)
            elif lastname:
                last = [lastname]
            parents[name] = last or []
    return parents


def _fieldspec(dt):
    """dt's fields as a dtype list (titles kept); a plain dtype as one unnamed field."""
    if dt.names is None:
        return [("", dt)]
    out = []
    for name in dt.names:
        f = dt.fields[name]
        out.append(((f[2], name) if len(f) == 3 else name, f[0]))
    return out


# ---- copying fields -------------------------------------------------------------------------
def recursive_fill_fields(input, output):
    """Copies the fields of input into the same-named fields of output (the first len(input)
    records); returns output."""
    for name in output.dtype.names:
        if input.dtype.names is None or name not in input.dtype.names:
            continue
        cur = _get(input, name)
        dst = _get(output, name)
        if cur.dtype.names is not None:
            recursive_fill_fields(cur, dst)
        else:
            dst[:len(cur)] = cur
    return output


def _fix_output(output, usemask=True, asrecarray=False):
    """NumPy's _fix_output: a masked array stays one (MaskedRecords for asrecarray) with
    usemask, else it is filled; asrecarray makes a plain result a recarray."""
    if not isinstance(output, MaskedArray):
        usemask = False
    if usemask:
        return MaskedRecords._of(output) if asrecarray else output
    if isinstance(output, MaskedArray) and output._mask is not _nomask and \
            output._mask.dtype.names is not None:
        # the masked array was made here (masked_all): fill its own data in place rather than
        # filled()'s copy
        data = output._data
        _each_leaf(lambda d, m, f: _copyto(d, f, where=m), data, output._mask,
                   _asarray(output._fill_value))
        output = data
    else:
        output = _ma_filled(output)
    return _adopt(output, recarray) if asrecarray else output


def _fix_defaults(output, defaults=None):
    """The fields named in defaults: their fill value and their masked items set to it."""
    names = output.dtype.names
    for k, v in (defaults or {}).items():
        if k in names:
            output.fill_value[k] = v
            fdata = ndarray.__getitem__(output._data, k)
            fdata[ndarray.__getitem__(output._mask, k)] = v
    return output


def _as_masked(a):
    """a as a record masked array over the same data (a plain array's mask all False)."""
    if isinstance(a, MaskedArray):
        return a
    return MaskedArray._wrap(a, _getmaskarray(a))


def drop_fields(base, drop_names, usemask=True, asrecarray=False):
    """A copy of base without the fields drop_names (a name or a sequence; nested ones too)."""
    drop = [drop_names] if isinstance(drop_names, str) else set(drop_names)

    def descr(nd):
        out = []
        for name in nd.names:
            cur = nd[name]
            if name in drop:
                continue
            if cur.names is not None:
                sub = descr(cur)
                if sub:
                    out.append((name, sub))
            else:
                out.append((name, cur))
        return out
    output = _empty(base.shape, dtype=descr(base.dtype))
    output = recursive_fill_fields(base, output)
    return _fix_output(output, usemask, asrecarray)


def rec_drop_fields(base, drop_names):
    """drop_fields(base, drop_names, usemask=False, asrecarray=True)."""
    return drop_fields(base, drop_names, usemask=False, asrecarray=True)


def rename_fields(base, namemapper):
    """A view of base with fields renamed by the {old: new} mapping (nested fields too)."""
    def rename(nd):
        out = []
        for name in nd.names:
            cur = nd[name]
            new = namemapper.get(name, name)
            out.append((new, rename(cur)) if cur.names is not None else (new, cur))
        return out
    return base.view(rename(base.dtype))


def _fill_leaves(dst, value):
    """Every non-structured field of dst set to value cast to the field's type (numpy.ma's
    _check_fill_value: -1 is 255 in a uint8 field, '-1' in a string one)."""
    if not dst.size:
        return
    if dst.dtype.names is None:
        dst[...] = _asarray(value).astype(dst.dtype)
        return
    for path, leaf, _, _, _ in _leaves(dst.dtype):
        _leaf_view(dst, path)[...] = _asarray(value).astype(leaf)


def _check_flat_padding(seqarrays, sizes, nfields):
    """NumPy's merge_arrays(flatten=True) builds each record as a flat tuple in which a padded
    array contributes one item (its fill value as an array): the errors NumPy then raises."""
    maxlength = max(sizes)
    for r in sorted(set(n for n in sizes if n < maxlength)):
        length = 0
        seq_error = False
        for a, n in zip(seqarrays, sizes):
            names = a.dtype.names
            if n > r:
                length += len(flatten_descr(a.dtype)) if names is not None else 1
            else:
                length += 1
                seq_error |= names is None and a.dtype.kind in "SU"
        if length != nfields:
            raise ValueError("could not assign tuple of length %d to structure with %d "
                             "fields." % (length, nfields))
        if seq_error:
            raise ValueError("setting an array element with a sequence")


def merge_arrays(seqarrays, fill_value=-1, flatten=False, usemask=False, asrecarray=False):
    """The arrays side by side as the fields of one structured array (shorter ones padded with
    fill_value); flatten=True lifts nested fields to the top. usemask=True gives a masked array
    whose padded records (and the masked items of masked inputs) are masked."""
    if isinstance(seqarrays, (ndarray, void, MaskedArray)) or len(seqarrays) == 1:
        one = seqarrays if isinstance(seqarrays, (ndarray, void, MaskedArray)) else \
            seqarrays[0]
        if isinstance(one, void):
            one = one._view()
        mask = _getmaskarray(one) if isinstance(one, MaskedArray) else None
        one = one._data if isinstance(one, MaskedArray) else _asarray(one)
        seqdtype = one.dtype if one.dtype.names is not None else _dt([("", one.dtype)])
        if not flatten or _zip_dtype((one,), True) == seqdtype:
            r = one.ravel().view(seqdtype)
            if usemask:
                if mask is None and one.dtype.names is None:
                    # NumPy's view of a plain array as a masked record array keeps nomask
                    r = MaskedArray._wrap(r, None)
                    r._mask = _nomask
                else:
                    m = (mask if mask is not None else _getmaskarray(one)).ravel()
                    r = MaskedArray._wrap(r, m.view(_make_mask_descr(seqdtype)))
                return MaskedRecords._of(r) if asrecarray else r
            return _adopt(r, recarray) if asrecarray else r
        seqarrays = (one,)
        masks = [mask if mask is not None else _getmaskarray(one)]
    else:
        masks = [_getmaskarray(a) for a in seqarrays]
        seqarrays = [a._data if isinstance(a, MaskedArray) else _asarray(a) for a in seqarrays]
    sizes = [a.size for a in seqarrays]
    maxlength = max(sizes)
    newdtype = _zip_dtype(seqarrays, flatten)
    if flatten:
        _check_flat_padding(seqarrays, sizes, len(newdtype.names))
    output = _empty(maxlength, dtype=newdtype)
    names = output.dtype.names
    k = 0
    for a, n in zip(seqarrays, sizes):
        flat = a.ravel()
        if flatten and a.dtype.names is not None:
            for (path,) in _leaves_flat(a.dtype):
                dst = ndarray.__getitem__(output, names[k])
                dst[:n] = _field(flat, path)
                _fill_leaves(dst[n:], fill_value)
                k += 1
            continue
        dst = ndarray.__getitem__(output, names[k])
        src = flat
        if a.dtype.names is not None and len(a.dtype.names) == 1:
            src = ndarray.__getitem__(flat, a.dtype.names[0])
        if src.dtype.names is not None:
            recursive_fill_fields(src, dst)
        else:
            dst[:n] = src
        _fill_leaves(dst[n:], fill_value)
        k += 1
    if usemask:
        output = MaskedArray._wrap(output, _merged_mask(output, seqarrays, masks, sizes,
                                                        flatten))
        return MaskedRecords._of(output) if asrecarray else output
    return _adopt(output, recarray) if asrecarray else output


def _merged_mask(output, seqarrays, masks, sizes, flatten):
    """The record mask of merge_arrays(usemask=True): each input's mask in its fields, and
    the records past an input's end masked in all of its fields."""
    mask = _zeros(output.shape, dtype=_make_mask_descr(output.dtype))
    names = output.dtype.names
    k = 0
    for a, m, n in zip(seqarrays, masks, sizes):
        flat = m.ravel()
        if flatten and a.dtype.names is not None:
            for (path,) in _leaves_flat(a.dtype):
                dst = ndarray.__getitem__(mask, names[k])
                dst[:n] = _field(flat, path)
                dst[n:] = True
                k += 1
            continue
        dst = ndarray.__getitem__(mask, names[k])
        if a.dtype.names is not None and len(a.dtype.names) == 1:
            flat = ndarray.__getitem__(flat, a.dtype.names[0])
        dst[:n] = flat
        dst[n:] = True
        k += 1
    return mask


def _leaves_flat(dt, path=()):
    """The paths of dt's non-structured fields (flatten_descr's order)."""
    out = []
    for name in dt.names:
        typ = dt.fields[name][0]
        if typ.names is not None:
            out.extend(_leaves_flat(typ, path + (name,)))
        else:
            out.append((path + (name,),))
    return out


def _zip_dtype(seqarrays, flatten=False):
    new = []
    for a in seqarrays:
        if flatten:
            new.extend(flatten_descr(a.dtype))
        elif a.dtype.names is not None and len(a.dtype.names) == 1:
            new.extend(_fieldspec(a.dtype))
        else:
            new.append(("", a.dtype))
    return _dt(new)


def append_fields(base, names, data, dtypes=None, fill_value=-1, usemask=True,
                  asrecarray=False):
    """base with new fields `names` holding `data` (padded with fill_value to the longer)."""
    if isinstance(names, (tuple, list)):
        if len(names) != len(data):
            raise ValueError("The number of arrays does not match the number of names")
    elif isinstance(names, str):
        names = [names]
        data = [data]
    if dtypes is None:
        data = [a if isinstance(a, MaskedArray) else _asarray(a) for a in data]
        dtypes = [a.dtype for a in data]
    else:
        if not isinstance(dtypes, (tuple, list)):
            dtypes = [dtypes]
        if len(data) != len(dtypes):
            if len(dtypes) == 1:
                dtypes = dtypes * len(data)
            else:
                raise ValueError("The dtypes argument must be None, a dtype, or a list.")
        data = [_asarray(a, dtype=d) for a, d in zip(data, dtypes)]
    data = [_named_view(a, n) for n, a in zip(names, data)]
    base = merge_arrays(base, usemask=usemask, fill_value=fill_value)
    data = merge_arrays(data, flatten=True, usemask=usemask, fill_value=fill_value) \
        if len(data) > 1 else data.pop()
    # NumPy's masked_all: the records past the end of base or of data stay masked (and are
    # the fields' fill values once filled)
    output = _masked_all(max(len(base), len(data)),
                         dtype=_fieldspec(base.dtype) + _fieldspec(data.dtype))
    output = recursive_fill_fields(base, output)
    output = recursive_fill_fields(data, output)
    return _fix_output(output, usemask, asrecarray)


def _named_view(a, name):
    """a (one new field's values) viewed as a one-field record array `name`."""
    if isinstance(a, MaskedArray):
        m = _getmaskarray(a)
        return MaskedArray._wrap(a._data.view([(name, a.dtype)]),
                                 m.view(_make_mask_descr([(name, a.dtype)])))
    return a.view([(name, a.dtype)])


def rec_append_fields(base, names, data, dtypes=None):
    """append_fields(..., asrecarray=True, usemask=False)."""
    return append_fields(base, names, data=data, dtypes=dtypes, asrecarray=True, usemask=False)


def repack_fields(a, align=False, recurse=False):
    """The fields of a dtype (or an array's, then a copy of the array) without padding
    (align=False) or laid out as a C compiler would (align=True). NumPy 1.24 places a nested
    struct repacked with align=True at alignment 1 (its dtype((void, dt)) wrapper loses the
    alignment); cnumpy keeps the C layout there."""
    if not isinstance(a, _dt):
        dt = repack_fields(a.dtype, align=align, recurse=recurse)
        if dt == a.dtype and dt.itemsize == a.dtype.itemsize and \
                dt.isalignedstruct == a.dtype.isalignedstruct:
            return a
        return a.astype(dt)
    if a.names is None:
        return a
    info = []
    for name in a.names:
        tup = a.fields[name]
        fmt = repack_fields(tup[0], align=align, recurse=True) if recurse else tup[0]
        info.append(((tup[2], name) if len(tup) == 3 else name, fmt))
    return _dt(info, align=align)


# ---- structured <-> unstructured ------------------------------------------------------------
def structured_to_unstructured(arr, dtype=None, copy=False, casting="unsafe"):
    """arr's fields as a new last axis (n fields -> shape arr.shape + (n,)), cast to dtype (the
    fields' common type by default); a view when the fields are already packed and uniform."""
    if arr.dtype.names is None:
        raise ValueError("arr must be a structured array")
    leaves = _leaves(arr.dtype)
    if not leaves and dtype is None:
        raise ValueError("arr has no fields. Unable to guess dtype")
    if not leaves:
        raise NotImplementedError("arr with no fields is not supported")
    out_dtype = _result_type(*[leaf[1] for leaf in leaves]) if dtype is None else _dt(dtype)
    total = sum(leaf[3] for leaf in leaves)
    for _, leaf, shape, _, off in leaves:
        if not _can_cast(leaf, out_dtype, casting=casting):
            src = _descr_text([((d, (c,)), o) for _, d, _, c, o in leaves], arr.dtype.itemsize)
            dst = _dt({"names": ["f%d" % i for i in range(len(leaves))],
                       "formats": [(out_dtype, (c,)) for _, _, _, c, _ in leaves]})
            raise TypeError("Cannot cast array data from %r to %r according to the rule %r"
                            % (src, dst, casting))
    packed = all(leaf[1] == out_dtype for leaf in leaves) and \
        all(leaf[4] == i * out_dtype.itemsize
            for i, leaf in enumerate(_expand(leaves))) and \
        total * out_dtype.itemsize == arr.dtype.itemsize
    if packed and not copy:
        first = _leaf_view(arr, leaves[0][0])
        first = ndarray.__getitem__(first, (Ellipsis,) + (0,) * len(leaves[0][2])) \
            if leaves[0][2] else first
        return _as_strided(first, shape=arr.shape + (total,),
                           strides=arr.strides + (out_dtype.itemsize,))
    out = _empty(arr.shape + (total,), dtype=out_dtype)
    pos = 0
    for path, _, shape, count, _ in leaves:
        src = _leaf_view(arr, path)
        if shape:
            src = src.reshape(arr.shape + (count,))
        dst = ndarray.__getitem__(out, (Ellipsis, slice(pos, pos + count)))
        if shape:
            dst[...] = src
        else:
            ndarray.__getitem__(out, (Ellipsis, pos))[...] = src
        pos += count
    return out


def _expand(leaves):
    """One entry per element of the leaves (a subarray field counts its elements) with the
    element's offset, for the packed-layout check."""
    out = []
    for path, d, shape, count, off in leaves:
        for i in range(count):
            out.append((path, d, (), 1, off + i * d.itemsize))
    return out


def unstructured_to_structured(arr, dtype=None, names=None, align=False, copy=False,
                               casting="unsafe"):
    """The last axis of arr as the fields of a structured array (dtype, or fields `names` of
    arr's type); a view when the layout allows."""
    if arr.shape == ():
        raise ValueError("arr must have at least one dimension")
    n_elem = arr.shape[-1]
    if n_elem == 0:
        raise NotImplementedError("last axis with size 0 is not supported")
    if dtype is None:
        if names is None:
            names = ["f{}".format(n) for n in range(n_elem)]
        out_dtype = _dt([(n, arr.dtype) for n in names], align=align)
        leaves = _leaves(out_dtype)
    else:
        if names is not None:
            raise ValueError("don't supply both dtype and names")
        out_dtype = _dt(dtype)
        leaves = _leaves(out_dtype)
        if n_elem != sum(leaf[3] for leaf in leaves):
            raise ValueError("The length of the last dimension of arr must be equal to the "
                             "number of fields in dtype")
        if align and not out_dtype.isalignedstruct:
            raise ValueError("align was True but dtype is not aligned")
    for _, leaf, shape, _, _ in leaves:
        if not _can_cast(arr.dtype, leaf, casting=casting):
            src = _dt({"names": ["f%d" % i for i in range(len(leaves))],
                       "formats": [(arr.dtype, (c,)) for _, _, _, c, _ in leaves]})
            dst = _descr_text([((d, (c,)), o) for _, d, _, c, o in leaves], out_dtype.itemsize)
            raise TypeError("Cannot cast array data from %r to %r according to the rule %r"
                            % (src, dst, casting))
    elems = _expand(leaves)
    packed = all(leaf[1] == arr.dtype for leaf in leaves) and \
        all(e[4] == i * arr.dtype.itemsize for i, e in enumerate(elems)) and \
        len(elems) * arr.dtype.itemsize == out_dtype.itemsize
    if packed and not copy and arr.flags.c_contiguous:
        return ndarray.__getitem__(arr.view(out_dtype), (Ellipsis, 0))
    out = _zeros(arr.shape[:-1], dtype=out_dtype)
    pos = 0
    for path, _, shape, count, _ in leaves:
        dst = _leaf_view(out, path)
        if shape:
            src = ndarray.__getitem__(arr, (Ellipsis, slice(pos, pos + count)))
            dst[...] = src.reshape(arr.shape[:-1] + shape)
        else:
            dst[...] = ndarray.__getitem__(arr, (Ellipsis, pos))
        pos += count
    return out


# ---- assigning by name ----------------------------------------------------------------------
def apply_along_fields(func, arr):
    """func(fields as the last axis, axis=-1): a reduction over the fields of each record."""
    if arr.dtype.names is None:
        raise ValueError("arr must be a structured array")
    return func(structured_to_unstructured(arr), axis=-1)


def assign_fields_by_name(dst, src, zero_unassigned=True):
    """dst's fields set from src's fields of the same names (nested too); the fields src does
    not have set to 0 (zero_unassigned)."""
    if dst.dtype.names is None:
        dst[...] = src
        return
    for name in dst.dtype.names:
        if name not in src.dtype.names:
            if zero_unassigned:
                dst[name] = 0
        else:
            assign_fields_by_name(ndarray.__getitem__(dst, name), _get(src, name),
                                  zero_unassigned)


def require_fields(array, required_dtype):
    """A new array of required_dtype with array's fields copied by name (the others 0)."""
    out = _empty(array.shape, dtype=required_dtype)
    assign_fields_by_name(out, array)
    return out


# ---- stacking and joining -------------------------------------------------------------------
def _keep_fields(base, keep_names, usemask=True, asrecarray=False):
    """A copy of base with only the fields keep_names, in that order."""
    output = _empty(base.shape, dtype=[(n, base.dtype[n]) for n in keep_names])
    output = recursive_fill_fields(base, output)
    return _fix_output(output, usemask=usemask, asrecarray=asrecarray)


def _larger_dtype(a, b):
    """Python's max(a, b) of two dtypes (a dtype is larger when the other casts to it
    safely)."""
    return b if (b != a and _can_cast(a, b, casting="safe")) else a


def stack_arrays(arrays, defaults=None, usemask=True, asrecarray=False, autoconvert=False):
    """The records of the arrays one after the other; fields missing from an array are masked
    (or hold defaults[name] / the fill value once filled)."""
    if isinstance(arrays, (ndarray, MaskedArray)):
        return arrays
    if len(arrays) == 1:
        return arrays[0]
    seqarrays = [a.ravel() if isinstance(a, MaskedArray) else _asarray(a).ravel()
                 for a in arrays]
    nrecords = [len(a) for a in seqarrays]
    ndtype = [a.dtype for a in seqarrays]
    fldnames = [d.names for d in ndtype]
    newdescr = _fieldspec(ndtype[0])
    names = [n for n, d in newdescr]
    for dtype_n in ndtype[1:]:
        for fname, fdtype in _fieldspec(dtype_n):
            if fname not in names:
                newdescr.append((fname, fdtype))
                names.append(fname)
            else:
                nameidx = names.index(fname)
                _, cdtype = newdescr[nameidx]
                if autoconvert:
                    newdescr[nameidx] = (fname, _larger_dtype(fdtype, cdtype))
                elif fdtype != cdtype:
                    raise TypeError("Incompatible type '%s' <> '%s'" % (cdtype, fdtype))
    if len(newdescr) == 1:
        output = _ma_concatenate(seqarrays)
    else:
        output = _masked_all((builtins.sum(nrecords),), newdescr)
        offset = [0]
        for n in nrecords:
            offset.append(offset[-1] + n)
        seen = []
        for a, n, i, j in zip(seqarrays, fldnames, offset[:-1], offset[1:]):
            if a.dtype.names is None:
                output["f%i" % len(seen)][i:j] = a
            else:
                for name in n:
                    output[name][i:j] = _get(a, name)
                    if name not in seen:
                        seen.append(name)
    return _fix_output(_fix_defaults(output, defaults), usemask=usemask, asrecarray=asrecarray)


def find_duplicates(a, key=None, ignoremask=True, return_index=False):
    """The records of the masked array a whose field `key` (the whole record by default)
    occurs more than once, sorted (with their indices: return_index)."""
    a = a.ravel() if isinstance(a, MaskedArray) else _asarray(a).ravel()
    fields = get_fieldstructure(a.dtype)
    base = a
    if key:
        for f in fields[key]:
            base = base[f]
        base = base[key]
    sortidx = base.argsort()
    sortedbase = base[sortidx]
    if not isinstance(sortedbase, MaskedArray):
        raise AttributeError("'numpy.ndarray' object has no attribute 'filled'")
    sorteddata = sortedbase.filled()
    flag = _asarray(sorteddata[:-1] == sorteddata[1:])
    if ignoremask:
        sortedmask = sortedbase.recordmask
        if sortedmask is not False and getattr(sortedmask, "ndim", 0):
            flag[sortedmask[1:]] = False
    flag = _concat_bool(flag)
    flag[:-1] = flag[:-1] | flag[1:]
    duplicates = a[sortidx][flag]
    if return_index:
        return duplicates, sortidx[flag]
    return duplicates


def _concat_bool(flag):
    """[False] + flag as a bool array."""
    out = _zeros(len(flag) + 1, dtype=bool)
    out[1:] = flag
    return out


def join_by(key, r1, r2, jointype="inner", r1postfix="1", r2postfix="2", defaults=None,
            usemask=True, asrecarray=False):
    """The records of r1 and r2 joined on the fields `key` (inner: keys in both, outer: all,
    leftouter: all of r1); missing fields masked; other common fields suffixed."""
    if jointype not in ("inner", "outer", "leftouter"):
        raise ValueError("The 'jointype' argument should be in 'inner', 'outer' or "
                         "'leftouter' (got '%s' instead)" % jointype)
    if isinstance(key, str):
        key = (key,)
    if len(set(key)) != len(key):
        dup = next(x for n, x in enumerate(key) if x in key[n + 1:])
        raise ValueError("duplicate join key %r" % dup)
    for name in key:
        if name not in r1.dtype.names:
            raise ValueError("r1 does not have key field %r" % name)
        if name not in r2.dtype.names:
            raise ValueError("r2 does not have key field %r" % name)
    r1 = r1.ravel()
    r2 = r2.ravel()
    nb1 = len(r1)
    r1names, r2names = r1.dtype.names, r2.dtype.names
    collisions = (set(r1names) & set(r2names)) - set(key)
    if collisions and not (r1postfix or r2postfix):
        raise ValueError("r1 and r2 contain common names, r1postfix and r2postfix can't both "
                         "be empty")
    key1 = [n for n in r1names if n in key]
    r1k = _keep_fields(r1, key1)
    r2k = _keep_fields(r2, key1)
    aux = _concatenate_records(r1k, r2k)
    idx_sort = _argsort(aux, order=list(key))
    aux = aux[idx_sort]
    flag_in = _concat_bool(_asarray(aux[1:] == aux[:-1]))
    flag_in[:-1] = flag_in[1:] | flag_in[:-1]
    idx_in = idx_sort[flag_in]
    idx_1 = idx_in[idx_in < nb1]
    idx_2 = idx_in[idx_in >= nb1] - nb1
    r1cmn, r2cmn = len(idx_1), len(idx_2)
    if jointype == "inner":
        r1spc, r2spc = 0, 0
    else:
        idx_out = idx_sort[~flag_in]
        idx_1 = _concatenate_ints(idx_1, idx_out[idx_out < nb1])
        if jointype == "outer":
            idx_2 = _concatenate_ints(idx_2, idx_out[idx_out >= nb1] - nb1)
        r1spc, r2spc = len(idx_1) - r1cmn, len(idx_2) - r2cmn
    s1, s2 = r1[idx_1], r2[idx_2]
    ndtype = _fieldspec(r1k.dtype)
    for fname, fdtype in _fieldspec(r1.dtype):
        if fname not in key:
            ndtype.append((fname, fdtype))
    for fname, fdtype in _fieldspec(r2.dtype):
        names = [name for name, _ in ndtype]
        if fname not in names:
            ndtype.append((fname, fdtype))
            continue
        nameidx = names.index(fname)
        _, cdtype = ndtype[nameidx]
        if fname in key:
            ndtype[nameidx] = (fname, _larger_dtype(fdtype, cdtype))
        else:
            ndtype[nameidx:nameidx + 1] = [(fname + r1postfix, cdtype),
                                           (fname + r2postfix, fdtype)]
    ndtype = _dt(ndtype)
    cmn = max(r1cmn, r2cmn)
    output = _masked_all((cmn + r1spc + r2spc,), dtype=ndtype)
    names = output.dtype.names
    for f in r1names:
        selected = _get(s1, f)
        if f not in names or (f in r2names and not r2postfix and f not in key):
            f += r1postfix
        current = output[f]
        current[:r1cmn] = selected[:r1cmn]
        if jointype in ("outer", "leftouter"):
            current[cmn:cmn + r1spc] = selected[r1cmn:]
    for f in r2names:
        selected = _get(s2, f)
        if f not in names or (f in r1names and not r1postfix and f not in key):
            f += r2postfix
        current = output[f]
        current[:r2cmn] = selected[:r2cmn]
        if jointype == "outer" and r2spc:
            current[-r2spc:] = selected[r2cmn:]
    output.sort(order=list(key))
    return _fix_output(_fix_defaults(output, defaults), usemask=usemask, asrecarray=asrecarray)


def _concatenate_records(a, b):
    return _ma_concatenate((a, b))._data


def _concatenate_ints(a, b):
    out = _empty(len(a) + len(b), dtype=_result_type(a.dtype, b.dtype))
    out[:len(a)] = a
    out[len(a):] = b
    return out


def rec_join(key, r1, r2, jointype="inner", r1postfix="1", r2postfix="2", defaults=None):
    """join_by(..., usemask=False, asrecarray=True)."""
    return join_by(key, r1, r2, jointype=jointype, r1postfix=r1postfix, r2postfix=r2postfix,
                   defaults=defaults, usemask=False, asrecarray=True)
