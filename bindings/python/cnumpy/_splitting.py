"""Splitting arrays (numpy's shape_base): array_split, split, hsplit, vsplit, dsplit, as views."""
from ._convert import as_array
from ._shape_funcs import swapaxes


def array_split(ary, indices_or_sections, axis=0):
    ary = as_array(ary)
    ntotal = ary.shape[axis]
    try:
        nsections = len(indices_or_sections) + 1
        div_points = [0] + list(indices_or_sections) + [ntotal]
    except TypeError:
        nsections = int(indices_or_sections)
        if nsections <= 0:
            raise ValueError("number sections must be larger than 0.") from None
        each, extras = divmod(ntotal, nsections)
        sizes = [0] + extras * [each + 1] + (nsections - extras) * [each]
        div_points = []
        acc = 0
        for s in sizes:
            acc += s
            div_points.append(acc)
    sary = swapaxes(ary, axis, 0)
    out = []
    for i in range(nsections):
        st, end = div_points[i], div_points[i + 1]
        out.append(swapaxes(sary[st:end], axis, 0))
    return out


def split(ary, indices_or_sections, axis=0):
    try:
        len(indices_or_sections)
    except TypeError:
        sections = indices_or_sections
        n = as_array(ary).shape[axis]
        if n % sections:
            raise ValueError("array split does not result in an equal division") from None
    return array_split(ary, indices_or_sections, axis)


def hsplit(ary, indices_or_sections):
    a = as_array(ary)
    if a.ndim == 0:
        raise ValueError("hsplit only works on arrays of 1 or more dimensions")
    return split(a, indices_or_sections, 1 if a.ndim > 1 else 0)


def vsplit(ary, indices_or_sections):
    a = as_array(ary)
    if a.ndim < 2:
        raise ValueError("vsplit only works on arrays of 2 or more dimensions")
    return split(a, indices_or_sections, 0)


def dsplit(ary, indices_or_sections):
    a = as_array(ary)
    if a.ndim < 3:
        raise ValueError("dsplit only works on arrays of 3 or more dimensions")
    return split(a, indices_or_sections, 2)


__all__ = ["array_split", "split", "hsplit", "vsplit", "dsplit"]
