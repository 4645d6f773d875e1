"""Matrix products at the top level of cnumpy: dot, vdot, inner, outer, matmul (libcnumpy's
cnp_matmul/cnp_dot/... on OpenBLAS), and tensordot, einsum, kron, trace built on them with
views (transpose/reshape) as NumPy builds them."""
import operator

from . import _backend
from ._convert import as_array
from ._ufunc import produce, _unwrap

_lib = _backend.lib


def _call1(fn, a):
    a = as_array(a)  # held until the call returns (its handle is freed with it)
    return produce(fn, a._h)


def _call2(fn, a, b):
    a, b = as_array(a), as_array(b)
    return produce(fn, a._h, b._h)


def _finish(r, out):
    if out is None:
        return _unwrap(r)
    from ._casting import copyto
    if out.shape != r.shape:
        raise ValueError("output array has wrong dimensions")
    copyto(out, r, casting="same_kind")
    return out


def matmul(x1, x2, /, out=None, **kwargs):
    """numpy.matmul(x1, x2, out=None): stacked matrix product (the @ operator)."""
    if kwargs:
        raise TypeError("matmul() got an unexpected keyword argument %r" % next(iter(kwargs)))
    return _finish(_call2(_lib.cnp_matmul, x1, x2), out)


def dot(a, b, out=None):
    """numpy.dot(a, b, out=None)."""
    return _finish(_call2(_lib.cnp_dot, a, b), out)


def vdot(a, b, /):
    """numpy.vdot(a, b): dot of the flattened arrays with a conjugated."""
    return _unwrap(_call2(_lib.cnp_vdot, a, b))


def inner(a, b, /):
    """numpy.inner(a, b): sum product over the last axes."""
    return _unwrap(_call2(_lib.cnp_inner, a, b))


def outer(a, b, out=None):
    """numpy.outer(a, b, out=None)."""
    return _finish(_call2(_lib.cnp_outer, a, b), out)


def _prod(seq):
    p = 1
    for v in seq:
        p *= v
    return p


def tensordot(a, b, axes=2):
    """numpy.tensordot(a, b, axes=2): sum products over the given axes, as one GEMM after
    moving the summed axes to the end of a and the front of b."""
    try:
        iter(axes)
    except Exception:
        axes_a = list(range(-axes, 0))
        axes_b = list(range(0, axes))
    else:
        axes_a, axes_b = axes
    try:
        na = len(axes_a)
        axes_a = list(axes_a)
    except TypeError:
        axes_a = [axes_a]
        na = 1
    try:
        nb = len(axes_b)
        axes_b = list(axes_b)
    except TypeError:
        axes_b = [axes_b]
        nb = 1
    a, b = as_array(a), as_array(b)
    if na != nb:
        raise ValueError("shape-mismatch for sum")
    axes_a = [operator.index(x) for x in axes_a]
    axes_b = [operator.index(x) for x in axes_b]
    pa = _backend.int64_array(axes_a) if na else _backend.NULL
    pb = _backend.int64_array(axes_b) if nb else _backend.NULL
    return produce(_lib.cnp_tensordot, a._h, b._h, pa, pb, na)


def _diagonal(a, offset, axis1, axis2):
    """a.diagonal(offset, axis1, axis2) as a new array (basic slicing of a flattened copy)."""
    nd = a.ndim
    axis1 = _norm_axis(axis1, nd)
    axis2 = _norm_axis(axis2, nd)
    if axis1 == axis2:
        raise ValueError("axis1 and axis2 cannot be the same")
    rest = [k for k in range(nd) if k not in (axis1, axis2)]
    v = a.transpose(rest + [axis1, axis2])
    if offset > 0:
        v = v[..., :, offset:]
    elif offset < 0:
        v = v[..., -offset:, :]
    n, m = v.shape[-2], v.shape[-1]
    lead = v.shape[:-2]
    k = min(n, m)
    flat = v.copy().reshape(lead + (n * m,))
    return flat[..., ::m + 1][..., :k] if k > 0 else flat[..., :0]


def _norm_axis(axis, nd):
    from ._errors import AxisError
    axis = operator.index(axis)
    if not -nd <= axis < nd:
        raise AxisError(axis, nd)
    return axis + nd if axis < 0 else axis


def trace(a, offset=0, axis1=0, axis2=1, dtype=None, out=None):
    """numpy.trace: sum along a diagonal (a strided view of a, summed by the library)."""
    from ._dtype import dtype as _dt
    a = as_array(a)
    dt = _dt(dtype) if dtype is not None else None
    r = produce(_lib.cnp_trace, a._h, operator.index(offset), operator.index(axis1),
                operator.index(axis2), dt._h if dt is not None else _backend.NULL)
    return _finish(r, out)


def kron(a, b):
    """numpy.kron(a, b): Kronecker product."""
    return _call2(_lib.cnp_kron, a, b)


# -- einsum -----------------------------------------------------------------------------------
_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _parse_einsum(subscripts, operands):
    subscripts = subscripts.replace(" ", "")
    if "->" in subscripts:
        lhs, rhs = subscripts.split("->")
        explicit = True
    else:
        lhs, rhs, explicit = subscripts, None, False
    ins = lhs.split(",")
    if len(ins) != len(operands):
        # (NumPy 1.24's two messages are swapped; kept as they are.)
        raise ValueError("more operands provided to einstein sum function than specified in the "
                         "subscripts string" if len(operands) < len(ins) else
                         "fewer operands provided to einstein sum function than specified in the "
                         "subscripts string")
    # Ellipses become fresh labels (broadcast dimensions), right-aligned.
    used = set(c for c in subscripts if c in _LETTERS)
    free = [c for c in _LETTERS if c not in used]
    ell_n = 0
    for s, op in zip(ins, operands):
        if "..." in s:
            ell_n = max(ell_n, op.ndim - (len(s) - 3))
    ell = "".join(free[:ell_n])
    out_ins = []
    for s, op in zip(ins, operands):
        if "..." in s:
            k = op.ndim - (len(s) - 3)
            s = s.replace("...", ell[ell_n - k:] if k else "")
        for c in s:
            if c not in _LETTERS:
                raise ValueError("invalid subscript '%s' in einstein sum subscripts string, "
                                 "subscripts must be letters" % c)
        if len(s) != op.ndim:
            raise ValueError("operand has more dimensions than subscripts given in einstein sum, "
                             "but no '...' ellipsis provided to broadcast the extra dimensions."
                             if op.ndim > len(s) else
                             "einstein sum subscripts string contains too many subscripts for "
                             "operand %d" % len(out_ins))
        out_ins.append(s)
    if rhs is None:
        counts = {}
        for s in out_ins:
            for c in s:
                counts[c] = counts.get(c, 0) + 1
        rhs = ell + "".join(sorted(c for c in counts if counts[c] == 1 and c not in ell))
    else:
        rhs = rhs.replace("...", ell)
        for c in rhs:
            if not any(c in s for s in out_ins):
                raise ValueError("einstein sum subscripts string included output subscript '%s' "
                                 "which never appeared in an input" % c)
        if len(set(rhs)) != len(rhs):
            raise ValueError("einstein sum subscripts string includes output subscript '%s' "
                             "multiple times" % next(c for c in rhs if rhs.count(c) > 1))
    return out_ins, rhs


def _take_diagonals(op, labels):
    """Repeated labels in one operand: keep the diagonal (a 'ii' operand becomes 'i')."""
    while True:
        dup = next((c for c in labels if labels.count(c) > 1), None)
        if dup is None:
            return op, labels
        i = labels.index(dup)
        j = labels.index(dup, i + 1)
        if op.shape[i] != op.shape[j]:
            raise ValueError("dimensions in operand 0 for collapsing index '%s' don't match "
                             "(%d != %d)" % (dup, op.shape[i], op.shape[j]))
        op = as_array(_diagonal(op, 0, i, j))
        labels = "".join(c for k, c in enumerate(labels) if k not in (i, j)) + dup


def _sum_labels(op, labels, keep):
    from ._reduce import sum as _sum
    drop = tuple(k for k, c in enumerate(labels) if c not in keep)
    if not drop:
        return op, labels
    return as_array(_sum(op, axis=drop, dtype=op.dtype)), "".join(c for c in labels if c in keep)


def _broadcast_sizes(ops, labels):
    sizes = {}
    for op, lab in zip(ops, labels):
        for c, n in zip(lab, op.shape):
            if c in sizes and sizes[c] != n and n != 1 and sizes[c] != 1:
                raise ValueError("operands could not be broadcast together with remapped shapes "
                                 "[original->remapped]: " +
                                 " ".join(str(tuple(o.shape)).replace(" ", "") for o in ops))
            if n != 1 or c not in sizes:
                sizes[c] = n
    return sizes


def _contract(x, lx, y, ly, keep):
    """Two operands with distinct labels each: batched GEMM over (batch, x-only, summed, y-only)."""
    batch = [c for c in lx if c in ly and c in keep]
    summed = [c for c in lx if c in ly and c not in keep]
    xo = [c for c in lx if c not in ly]
    yo = [c for c in ly if c not in lx]
    sizes = _broadcast_sizes([x, y], [lx, ly])
    xt = x.transpose([lx.index(c) for c in batch + xo + summed])
    yt = y.transpose([ly.index(c) for c in batch + summed + yo])
    from ._shape_funcs import reshape
    # Size-1 (broadcast) batch axes are expanded by matmul's own broadcasting.
    bx = [x.shape[lx.index(c)] for c in batch]
    by = [y.shape[ly.index(c)] for c in batch]
    M = _prod(sizes[c] for c in xo)
    K = _prod(sizes[c] for c in summed)
    N = _prod(sizes[c] for c in yo)
    xm = reshape(xt, tuple(bx) + (M, K))
    ym = reshape(yt, tuple(by) + (K, N))
    r = as_array(matmul(xm, ym))
    lab = "".join(batch + xo + yo)
    return r.reshape(tuple(sizes[c] for c in lab)), lab


def einsum(*operands, out=None, dtype=None, order="K", casting="safe", optimize=False):
    """numpy.einsum(subscripts, *operands): Einstein summation. Each operand's repeated labels
    become diagonals, labels used nowhere else are summed, then operands are contracted
    pairwise, left to right, as batched matrix products (GEMM)."""
    if not operands or not isinstance(operands[0], str):
        raise TypeError("einsum: only the subscripts-string form is supported")
    subscripts, ops = operands[0], [as_array(o) for o in operands[1:]]
    if dtype is not None:
        ops = [o.astype(dtype, casting=casting) for o in ops]
    ins, rhs = _parse_einsum(subscripts, ops)
    labs = []
    work = []
    for i, (op, lab) in enumerate(zip(ops, ins)):
        op, lab = _take_diagonals(op, lab)
        later = rhs + "".join(ins[:i] + ins[i + 1:])
        op, lab = _sum_labels(op, lab, later)
        work.append(op)
        labs.append(lab)
    x, lx = work[0], labs[0]
    for i in range(1, len(work)):
        keep = rhs + "".join(labs[i + 1:])
        x, lx = _contract(x, lx, work[i], labs[i], keep)
        x, lx = _sum_labels(x, lx, keep)
    x, lx = _sum_labels(x, lx, rhs)
    if len(work) == 1 and x is ops[0] and lx == rhs:
        x = x.copy()
    if lx != rhs:
        x = x.transpose([lx.index(c) for c in rhs])
    return _finish(as_array(x), out)
