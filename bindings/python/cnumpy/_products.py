"""Matrix products at the top level of cnumpy: dot, vdot, inner, outer, matmul (libcnumpy's
cnp_matmul/cnp_dot/... on OpenBLAS), and tensordot, einsum, kron, trace built on them with
views (transpose/reshape) as NumPy builds them."""
import operator

from . import _args, _backend
from ._capi import produce, unwrap
from ._casting import can_cast, copyto
from ._convert import as_array, as_source
from ._dtype import dtype as _dt
from ._ndarray import ndarray
from ._subclass import involved, plain_for_function, priority_subtype, ufunc_results

_lib = _backend.lib


def _call1(fn, a):
    a = as_array(a)  # held until the call returns (its handle is freed with it)
    return produce(fn, a._h)


def _call2(fn, a, b):
    a, b = as_array(a), as_array(b)
    return produce(fn, a._h, b._h)


def _finish(r, out):
    if out is None:
        return unwrap(r)
    if out.shape != r.shape:
        raise ValueError("output array has wrong dimensions")
    copyto(out, r, casting="same_kind")
    return out


def matmul(x1, x2, /, out=None, **kwargs):
    """numpy.matmul(x1, x2, out=None): stacked matrix product (the @ operator)."""
    if kwargs:
        raise TypeError("matmul() got an unexpected keyword argument %r" % next(iter(kwargs)))
    r = _finish(_call2(_lib.cnp_matmul, x1, x2), out)
    if out is None and (type(x1) is not ndarray or type(x2) is not ndarray) and \
            involved((x1, x2)):
        return ufunc_results(matmul, (x1, x2), (None,), r)     # NumPy's matmul is a ufunc
    return r


def dot(a, b, out=None):
    """numpy.dot(a, b, out=None)."""
    r = _finish(_call2(_lib.cnp_dot, a, b), out)
    if out is None and (type(a) is not ndarray or type(b) is not ndarray):
        return priority_subtype((a, b), r)
    return r


def vdot(a, b, /):
    """numpy.vdot(a, b): dot of the flattened arrays with a conjugated."""
    return unwrap(_call2(_lib.cnp_vdot, a, b))


def inner(a, b, /):
    """numpy.inner(a, b): sum product over the last axes."""
    return unwrap(_call2(_lib.cnp_inner, a, b))


def outer(a, b, out=None):
    """numpy.outer(a, b, out=None)."""
    return _finish(_call2(_lib.cnp_outer, a, b), out)


def _axis_list(axes):
    """A sequence of axes as a list, a single axis as a list of one (tensordot's rule)."""
    try:
        return list(axes)
    except TypeError:
        return [axes]


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
    axes_a, axes_b = _axis_list(axes_a), _axis_list(axes_b)
    na, nb = len(axes_a), len(axes_b)
    a, b = as_array(a), as_array(b)
    if na != nb:
        raise ValueError("shape-mismatch for sum")
    axes_a = [operator.index(x) for x in axes_a]
    axes_b = [operator.index(x) for x in axes_b]
    pa = _backend.int64_array(axes_a) if na else _backend.NULL
    pb = _backend.int64_array(axes_b) if nb else _backend.NULL
    return produce(_lib.cnp_tensordot, a._h, b._h, pa, pb, na)


def trace(a, offset=0, axis1=0, axis2=1, dtype=None, out=None):
    """numpy.trace: sum along a diagonal (a strided view of a, summed by the library)."""
    a = as_array(plain_for_function(a))
    r = produce(_lib.cnp_trace, a._h, operator.index(offset), operator.index(axis1),
                operator.index(axis2), _args.dtype_handle(dtype))
    return _finish(r, out)


def kron(a, b):
    """numpy.kron(a, b): Kronecker product."""
    return _call2(_lib.cnp_kron, a, b)


# -- einsum -----------------------------------------------------------------------------------
_SUBLIST_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def _sublist_str(sub):
    """NumPy's sublist ([0, 1, Ellipsis]) as subscripts: 0-25 are A-Z, 26-51 are a-z."""
    out = []
    for v in sub:
        if v is Ellipsis:
            out.append("...")
            continue
        if isinstance(v, bool) or not hasattr(v, "__index__"):
            raise TypeError("each subscript must be either an integer or an ellipsis")
        v = operator.index(v)
        if not 0 <= v < 52:
            raise ValueError("subscript is not within the valid range [0, 52)")
        out.append(_SUBLIST_LETTERS[v])
    return "".join(out)


def _interleaved(args):
    """einsum(op0, sublist0, op1, sublist1, ..., [sublistout]) -> (subscripts, operands)."""
    args = list(args)
    ops, subs = args[0::2], args[1::2]
    out = None
    if len(ops) > len(subs):  # an odd count: the last item is the output sublist
        out = ops.pop()
    s = ",".join(_sublist_str(x) for x in subs)
    if out is not None:
        s += "->" + _sublist_str(out)
    return s, ops


def einsum(*operands, out=None, dtype=None, order="K", casting="safe", optimize=False):
    """numpy.einsum(subscripts, *operands) or einsum(op0, sublist0, op1, sublist1, ...,
    [sublistout]): Einstein summation by the library (cnp_einsum): repeated labels become
    diagonals, labels used by one operand only are summed, then the operands are contracted
    pairwise as (batched) matrix products on BLAS. optimize is accepted and ignored."""
    if not operands:
        raise ValueError("must specify the einstein sum subscripts string and at least one "
                         "operand, or at least one operand and its corresponding subscripts list")
    if isinstance(operands[0], str):
        subscripts, ops = operands[0], list(operands[1:])
    else:
        if len(operands) < 2:
            raise ValueError("must provide at least an operand and a subscripts list to einsum")
        subscripts, ops = _interleaved(operands)
    ops = [as_source(o) for o in ops]  # Python scalars stay weak (NEP 50), as in ufuncs
    if not ops:
        raise ValueError("must specify the einstein sum subscripts string and at least one operand")
    if dtype is not None:
        dt = _dt(dtype)
        for i, o in enumerate(ops):
            if not can_cast(o.dtype, dt, casting=casting):
                raise TypeError("Iterator operand %d dtype could not be cast from %r to %r according "
                                "to the rule %r" % (i, o.dtype, dt, casting))
        ops = [o.astype(dt) for o in ops]
    sub = subscripts.encode("ascii")  # NumPy raises UnicodeEncodeError too
    r = produce(_lib.cnp_einsum, sub, len(ops), _backend.handle_array([o._h for o in ops]))
    return _finish(r, out)
