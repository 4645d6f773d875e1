"""numpy.lib.recfunctions: building, reshaping and converting structured arrays (NumPy 1.24's
behaviour and messages).

Every function here works field by field on cnumpy's primitives: a field (or nested field) of a
structured array is a strided view, so converting between layouts is one strided copy per field
rather than NumPy's per-record tuples (merge_arrays) or structured casts. Results that would be
numpy.ma masked arrays (usemask=True where NumPy masks missing values) are not supported:
cnumpy.ma has no structured masks.
"""
from .. import _dtype
from .._convert import asarray as _asarray
from .._creation import empty as _empty, zeros as _zeros
from .._casting import can_cast as _can_cast, result_type as _result_type
from .._ndarray import ndarray
from .._scalars import void
from ..lib.stride_tricks import as_strided as _as_strided
from ..rec import adopt as _adopt, recarray

__all__ = ["append_fields", "drop_fields", "flatten_descr", "get_fieldstructure", "get_names",
           "get_names_flat", "merge_arrays", "rec_append_fields", "rec_drop_fields",
           "recursive_fill_fields", "rename_fields", "repack_fields",
           "structured_to_unstructured", "unstructured_to_structured"]

_dt = _dtype.dtype
_NO_MASK = ("cnumpy: masked structured arrays (usemask=True) are not supported; "
            "pass usemask=False")


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
        cur = ndarray.__getitem__(input, name)
        dst = ndarray.__getitem__(output, name)
        if cur.dtype.names is not None:
            recursive_fill_fields(cur, dst)
        else:
            dst[:len(cur)] = cur
    return output


def _fix_output(output, usemask, asrecarray):
    return _adopt(output, recarray) if asrecarray else output


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
    fill_value); flatten=True lifts nested fields to the top."""
    if usemask:
        raise NotImplementedError(_NO_MASK)
    if isinstance(seqarrays, (ndarray, void)) or len(seqarrays) == 1:
        one = seqarrays if isinstance(seqarrays, (ndarray, void)) else seqarrays[0]
        if isinstance(one, void):
            one = one._view()
        one = _asarray(one)
        seqdtype = one.dtype if one.dtype.names is not None else _dt([("", one.dtype)])
        if not flatten or _zip_dtype((one,), True) == seqdtype:
            r = one.ravel().view(seqdtype)
            return _adopt(r, recarray) if asrecarray else r
        seqarrays = (one,)
    else:
        seqarrays = [_asarray(a) for a in seqarrays]
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
    return _adopt(output, recarray) if asrecarray else output


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
        data = [_asarray(a) for a in data]
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
    data = [a.view([(n, a.dtype)]) for n, a in zip(names, data)]
    if usemask:
        raise NotImplementedError(_NO_MASK)
    base = merge_arrays(base, usemask=False, fill_value=fill_value)
    data = merge_arrays(data, flatten=True, usemask=False, fill_value=fill_value) \
        if len(data) > 1 else data.pop()
    n = max(len(base), len(data))
    output = _empty(n, dtype=_fieldspec(base.dtype) + _fieldspec(data.dtype))
    # NumPy's masked_all then filled(): missing records hold the fill value of each field
    for src in (base, data):
        recursive_fill_fields(src, output)
        if len(src) < n:
            for name in src.dtype.names:
                _fill_default(ndarray.__getitem__(output, name)[len(src):])
    return _fix_output(output, usemask, asrecarray)


# numpy.ma's default fill values (what filled() writes into masked records)
_DEFAULT_FILL = {"b": True, "i": 999999, "u": 999999, "f": 1e20, "c": 1e20 + 0j, "S": b"N/A",
                 "U": "N/A", "V": b"???"}


def _fill_default(dst):
    if dst.dtype.names is None:
        dst[...] = _DEFAULT_FILL.get(dst.dtype.kind, 0)
        return
    for path, leaf, _, _, _ in _leaves(dst.dtype):
        _leaf_view(dst, path)[...] = _DEFAULT_FILL.get(leaf.kind, 0)


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
