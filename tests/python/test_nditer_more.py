"""numpy.nditer's remaining forms (issue 28): op_axes, itershape, reductions (reduce_ok, with
allocate), ranged iteration (iterrange, reset), copy(), remove_axis/remove_multi_index/
enable_external_loop, writemasked/arraymask; each scenario run with NumPy and with cnumpy and the
recorded values, indices, shapes, operands and errors compared. Cases follow
numpy/core/tests/test_nditer.py."""
import numpy as np
import pytest

from test_nditer import _py, check      # one scenario runner for both nditer files


def _walk(it, multi=False):
    out = []
    while not it.finished:
        rec = [_py(it.value), it.iterindex]
        if multi:
            rec.append(it.multi_index)
        out.append(tuple(rec))
        it.iternext()
    return out


def _a(xp, shape=(2, 3), step=1):
    n = int(np.prod(shape))
    return xp.arange(n).reshape(shape)[..., ::step] if step != 1 else xp.arange(n).reshape(shape)


# ---- op_axes and itershape --------------------------------------------------------------------
OP_AXES = {
    "swap": lambda m: _walk(m.nditer([_a(m)], op_axes=[[1, 0]], flags=["multi_index"]), True),
    "swap_shape": lambda m: m.nditer([_a(m)], op_axes=[[1, 0]]).shape,
    "newaxis_mid": lambda m: _walk(m.nditer([_a(m), _a(m, (4,))], op_axes=[[0, -1, 1], [-1, 0, -1]],
                                            flags=["multi_index"]), True),
    "newaxis_none": lambda m: m.nditer([m.arange(3)], op_axes=[[None, 0]]).shape,
    "outer": lambda m: _walk(m.nditer([m.arange(3), m.arange(2)], op_axes=[[0, -1], [-1, 0]])),
    "partial_axes": lambda m: _walk(m.nditer([_a(m)], op_axes=[[1]])),
    "partial_axes0": lambda m: _walk(m.nditer([_a(m)], op_axes=[[0]])),
    "three_d": lambda m: _walk(m.nditer([_a(m, (2, 3, 4))], op_axes=[[2, 0, 1]],
                                        flags=["multi_index"]), True),
    "three_d_K": lambda m: m.nditer([_a(m, (2, 3, 4))], op_axes=[[2, 0, 1]]).shape,
    "itershape": lambda m: m.nditer([_a(m)], op_axes=[[0, 1, -1]], itershape=(2, 3, 4)).shape,
    "itershape_walk": lambda m: _walk(m.nditer([m.arange(2)], op_axes=[[-1, 0]],
                                               itershape=(3, -1), flags=["multi_index"]), True),
    "itershape_free": lambda m: m.nditer([_a(m)], op_axes=[[0, 1]], itershape=[2, -1]).shape,
    "itershape_only": lambda m: m.nditer([_a(m)], itershape=(-1, -1)).shape,
    "itershape_prepend": lambda m: m.nditer([_a(m)], itershape=(4, 2, 3),
                                            flags=["multi_index"]).shape,
    "with_none_entry": lambda m: _walk(m.nditer([_a(m), m.arange(3)], op_axes=[None, [-1, 0]])),
    "tuple_entry": lambda m: m.nditer([_a(m)], op_axes=[(0, 1)]).shape,
    "readwrite_remap": lambda m: (lambda a: ([x.__setitem__(Ellipsis, x * 10) for x in m.nditer(
        [a], op_axes=[[1, 0]], op_flags=[["readwrite"]])], a.tolist())[1])(_a(m)),
    "external_loop": lambda m: [x.tolist() for x in m.nditer([_a(m, (2, 3, 4))], op_axes=[[1, 0, 2]],
                                                              flags=["external_loop"])],
    "empty_axes": lambda m: m.nditer([_a(m)], op_axes=[[]]).shape,
    # errors
    "err_dup": lambda m: m.nditer([_a(m)], op_axes=[[1, 1]]),
    "err_bad_axis": lambda m: m.nditer([_a(m)], op_axes=[[0, 2]]),
    "err_bad_axis_first": lambda m: m.nditer([_a(m, (2, 3, 4))], op_axes=[[5, 1, 0]]),
    "err_bad_axis_mid": lambda m: m.nditer([_a(m, (2, 3, 4))], op_axes=[[1, 5, 0]]),
    "err_sizes": lambda m: m.nditer([_a(m), _a(m)], op_axes=[[0, 1], [0, 1, -1]]),
    "err_count": lambda m: m.nditer([_a(m)], op_axes=[[0, 1], [0, 1]]),
    "err_flat": lambda m: m.nditer([_a(m)], op_axes=[0, 1]),
    "err_entry": lambda m: m.nditer([_a(m)], op_axes=[3]),
    "err_all_none": lambda m: m.nditer([_a(m)], op_axes=[None]),
    "err_float": lambda m: m.nditer([_a(m)], op_axes=[[0.5, 0]]),
    "err_too_many": lambda m: m.nditer([_a(m)], op_axes=[[0] * 40]),
    "err_itershape_len": lambda m: m.nditer([_a(m)], op_axes=[[0, 1, -1]], itershape=(2, 3)),
    "err_itershape_len2": lambda m: m.nditer([_a(m)], op_axes=[[0, 1]], itershape=(2, 3, 4)),
    "err_itershape": lambda m: m.nditer([_a(m)], itershape=(2, 4)),
    "err_itershape_remap": lambda m: m.nditer([_a(m)], op_axes=[[0, -1, 1]], itershape=(2, 4, 5)),
    "err_itershape_mixed": lambda m: m.nditer([_a(m), _a(m, (2, 3, 4))], op_axes=[[0, -1, 1], None],
                                              itershape=(2, 4, 5)),
    "err_itershape_1d": lambda m: m.nditer([m.arange(3), m.arange(4)], itershape=(3,)),
    "err_itershape_one": lambda m: m.nditer([m.arange(3)], op_axes=[[0]], itershape=(4,)),
    "err_leading": lambda m: m.nditer([m.arange(3)], op_axes=[[-1, 0]], itershape=(4, 5)),
    "err_itershape_fixed_one": lambda m: m.nditer([_a(m)], itershape=(2, 3, 1)),
    "err_remap_bcast": lambda m: m.nditer([_a(m, (2, 3, 4)), m.zeros((2, 1))],
                                          op_axes=[None, [1, 0, -1]]),
    "err_remap_bcast2": lambda m: m.nditer([_a(m, (2, 3, 4)), m.zeros((2, 3))],
                                           op_axes=[None, [0, -1, 1]],
                                           op_flags=[["readonly"], ["readwrite"]]),
}


@pytest.mark.parametrize("name", sorted(OP_AXES))
def test_op_axes(name):
    check(OP_AXES[name])


# ---- reductions ------------------------------------------------------------------------------
def _reduce_sum(m, shape, axes_out, flags=(), out=None, order="K", step=1):
    a = _a(m, shape, step)
    ops = [a, out(m) if out else None]
    fl = ["readwrite"] if out else ["readwrite", "allocate"]
    it = m.nditer(ops, op_axes=[None, axes_out], op_flags=[["readonly"], fl],
                  flags=["reduce_ok"] + list(flags), order=order)
    r = it.operands[1]
    if not out:
        r[...] = 0
    with it:
        for x, y in it:
            y[...] += x
    return r.tolist(), r.shape, r.strides


REDUCE = {
    "sum_axis1": lambda m: _reduce_sum(m, (2, 3, 4), [0, -1, 1]),
    "sum_axis0": lambda m: _reduce_sum(m, (2, 3, 4), [-1, 0, 1]),
    "sum_axis2": lambda m: _reduce_sum(m, (2, 3, 4), [0, 1, -1]),
    "sum_swapped": lambda m: _reduce_sum(m, (2, 3, 4), [1, -1, 0]),
    "sum_all": lambda m: _reduce_sum(m, (2, 3), [-1, -1]),
    "sum_F": lambda m: _reduce_sum(m, (2, 3, 4), [0, -1, 1], order="F"),
    "sum_C": lambda m: _reduce_sum(m, (2, 3, 4), [1, -1, 0], order="C"),
    "sum_strided": lambda m: _reduce_sum(m, (2, 3, 8), [0, -1, 1], step=2),
    "sum_multi": lambda m: _reduce_sum(m, (2, 3), [0, -1], flags=["multi_index"]),
    # the chunks (a stride-0 output chunk; NumPy's `y += x` on it copies the overlapping input)
    "external_chunks": lambda m: [(_py(x), y.shape, y.strides) for x, y in m.nditer(
        [_a(m, (2, 3, 4)), m.zeros((2, 3))], op_axes=[None, [0, 1, -1]], flags=[
            "reduce_ok", "external_loop"], op_flags=[["readonly"], ["readwrite"]])],
    "external_chunks_axis0": lambda m: [(_py(x), y.shape, y.strides) for x, y in m.nditer(
        [_a(m, (2, 3, 4)), m.zeros((3, 4))], op_axes=[None, [-1, 0, 1]], flags=[
            "reduce_ok", "external_loop"], op_flags=[["readonly"], ["readwrite"]])],
    "sum_given_out": lambda m: _reduce_sum(m, (2, 3, 4), [0, -1, 1],
                                           out=lambda mm: mm.ones((2, 4))),
    "sum_given_keepdims": lambda m: (lambda a, o: ([y.__setitem__(Ellipsis, y + x) for x, y in
                                                    m.nditer([a, o], flags=["reduce_ok"],
                                                             op_flags=[["readonly"],
                                                                       ["readwrite"]])],
                                                   o.tolist())[1])(_a(m, (2, 3)), m.zeros((2, 1))),
    "transposed_input": lambda m: (lambda it: (it.operands[1].shape, it.operands[1].strides))(
        m.nditer([_a(m, (2, 3, 4)).T, None], op_axes=[None, [1, -1, 0]],
                 op_flags=[["readonly"], ["readwrite", "allocate"]], flags=["reduce_ok"])),
    "allocate_nonreduce_axes": lambda m: (lambda it: (it.operands[1].shape, it.shape))(
        m.nditer([_a(m, (2, 3)), None], op_axes=[[0, 1], [1, 0]],
                 op_flags=[["readonly"], ["writeonly", "allocate"]])),
    # errors
    "err_not_enabled": lambda m: m.nditer([_a(m), None], op_axes=[[0, 1], [0, -1]],
                                          op_flags=[["readonly"], ["readwrite", "allocate"]]),
    "err_writeonly": lambda m: m.nditer([_a(m), None], op_axes=[[0, 1], [0, -1]],
                                        flags=["reduce_ok"],
                                        op_flags=[["readonly"], ["writeonly", "allocate"]]),
    "err_writeonly_given": lambda m: m.nditer([_a(m), m.zeros(3)], flags=["reduce_ok"],
                                              op_flags=[["readonly"], ["writeonly"]]),
    "err_leading_axis": lambda m: m.nditer([_a(m, (2, 3, 4)), m.zeros((3, 4))],
                                           op_flags=[["readonly"], ["readwrite"]]),
    "err_middle_axis": lambda m: m.nditer([_a(m, (2, 3, 4)), m.zeros((2, 1, 4))],
                                          op_flags=[["readonly"], ["readwrite"]]),
    "err_buffered_alloc": lambda m: m.nditer([_a(m, (2, 3, 4)), None], op_axes=[None, [0, -1, 1]],
                                             op_flags=[["readonly"], ["readwrite", "allocate"]],
                                             flags=["reduce_ok", "buffered"]),
}


@pytest.mark.parametrize("name", sorted(REDUCE))
def test_reductions(name):
    check(REDUCE[name])


# ---- ranged iteration, copy, remove_axis, remove_multi_index, after close ---------------------
def _ranged(m, rng, flags=(), bufsize=0, step=1):
    it = m.nditer(_a(m, (3, 4), step), flags=["ranged"] + list(flags), buffersize=bufsize)
    before = it.iterrange
    it.iterrange = rng
    first = (it.iterindex, it.finished)
    vals = [_py(x) for x in it]
    it.reset()
    return before, first, vals, it.iterindex, it.iterrange, it.itersize


def _goto(m, rng, k):
    it = m.nditer(_a(m, (3, 4)), flags=["ranged"])
    it.iterrange = rng
    it.iterindex = k
    return it.iterindex, _py(it.value)


RANGED = {
    "range": lambda m: _ranged(m, (2, 7)),
    "range_empty": lambda m: _ranged(m, (3, 3)),
    "range_full": lambda m: _ranged(m, (0, 12)),
    "range_strided": lambda m: _ranged(m, (1, 5), step=2),
    "range_multi": lambda m: _walk(m.nditer(_a(m, (3, 4)), flags=["ranged", "multi_index"]), True),
    "range_buffered": lambda m: _ranged(m, (1, 10), ["buffered"], 4),
    "range_buffered_ext": lambda m: _ranged(m, (1, 10), ["buffered", "external_loop"], 4),
    "range_buffered_ext2": lambda m: _ranged(m, (3, 12), ["buffered", "external_loop"], 2),
    "goto_in": lambda m: _goto(m, (2, 7), 4),
    "goto_low": lambda m: _goto(m, (2, 7), 1),
    "goto_high": lambda m: _goto(m, (2, 7), 7),
    "goto_unranged": lambda m: (lambda it: (setattr(it, "iterindex", 12)))(m.nditer(_a(m))),
    "goto_negative": lambda m: (lambda it: (setattr(it, "iterindex", -1)))(m.nditer(_a(m))),
    "err_not_ranged": lambda m: setattr(m.nditer(_a(m)), "iterrange", (1, 2)),
    "err_out_of_bounds": lambda m: _ranged(m, (4, 19)),
    "err_negative": lambda m: _ranged(m, (-1, 2)),
    "err_inverted": lambda m: _ranged(m, (3, 2)),
    "err_external": lambda m: m.nditer(_a(m), flags=["ranged", "external_loop"]),
    "default_range": lambda m: m.nditer(_a(m)).iterrange,
}


@pytest.mark.parametrize("name", sorted(RANGED))
def test_ranged(name):
    check(RANGED[name])


def _copy_case(m, flags, steps):
    it = m.nditer(_a(m, (2, 3)), flags=list(flags))
    for _ in range(steps):
        next(it)
    c = it.copy()
    rest = [_py(x) for x in c]
    return rest, it.iterindex, c.finished, [_py(x) for x in it]


def _remove_axis(m, ax, shape=(2, 3, 4), step=1, steps=0, then=None):
    a = _a(m, shape)
    if step != 1:
        a = a[:, ::step]
    it = m.nditer(a, flags=["multi_index"])
    for _ in range(steps):
        next(it)
    for x in (ax if isinstance(ax, tuple) else (ax,)):
        it.remove_axis(x)
    if then == "rmi":
        it.remove_multi_index()
        return it.shape, it.ndim, [_py(x) for x in it]
    if then == "ext":
        it.remove_multi_index()
        it.enable_external_loop()
        return [_py(x) for x in it]
    return it.shape, it.ndim, it.itersize, _walk(it, True)


MISC = {
    "copy_fresh": lambda m: _copy_case(m, (), 0),
    "copy_started": lambda m: _copy_case(m, (), 2),
    "copy_multi": lambda m: (lambda it: (next(it), next(it), it.copy().multi_index))(
        m.nditer(_a(m), flags=["multi_index"]))[2],
    "copy_buffered": lambda m: _copy_case(m, ("buffered",), 3),
    "copy_external": lambda m: _copy_case(m, ("external_loop",), 1),
    "copy_writes": lambda m: (lambda a: (lambda it: ([x.__setitem__(Ellipsis, 7) for x in
                                                      it.copy()], a.tolist())[1])(
        m.nditer(a, op_flags=["readwrite"])))(_a(m)),
    "remove_axis0": lambda m: _remove_axis(m, 0),
    "remove_axis1": lambda m: _remove_axis(m, 1),
    "remove_axis2": lambda m: _remove_axis(m, 2),
    "remove_axis_flipped": lambda m: _remove_axis(m, 1, (2, 6), step=-1),
    "remove_axis_strided": lambda m: _remove_axis(m, 2, step=2),
    "remove_two": lambda m: _remove_axis(m, (0, 0)),
    "remove_all": lambda m: _remove_axis(m, (0, 0, 0)),
    "remove_after_next": lambda m: _remove_axis(m, 0, steps=2),
    "remove_then_rmi": lambda m: _remove_axis(m, 1, then="rmi"),
    "remove_then_ext": lambda m: _remove_axis(m, 0, then="ext"),
    "err_remove_no_multi": lambda m: m.nditer(_a(m)).remove_axis(0),
    "err_remove_bounds": lambda m: m.nditer(_a(m), flags=["multi_index"]).remove_axis(2),
    "err_remove_buffered": lambda m: m.nditer(_a(m), flags=["multi_index", "buffered"]
                                              ).remove_axis(0),
    "err_remove_index": lambda m: m.nditer(_a(m), flags=["multi_index", "c_index"]
                                           ).remove_axis(0),
    "rmi_resets": lambda m: (lambda it: (next(it), next(it), it.remove_multi_index(),
                                         it.iterindex, it.shape))(
        m.nditer(_a(m, (2, 6))[:, ::2], flags=["multi_index"]))[3:],
    "rmi_ext": lambda m: (lambda it: (it.remove_multi_index(), it.enable_external_loop(),
                                      [_py(x) for x in it]))(
        m.nditer(_a(m), flags=["multi_index"]))[2],
}


@pytest.mark.parametrize("name", sorted(MISC))
def test_copy_remove(name):
    check(MISC[name])


@pytest.mark.parametrize("attr", ["operands", "value", "shape", "multi_index", "iterindex",
                                  "itviews", "dtypes", "finished", "ndim", "nop", "itersize"])
def test_after_close(attr):
    def run(m):
        it = m.nditer([m.arange(3.0)], flags=["multi_index"])
        it.close()
        v = getattr(it, attr)
        return v if attr == "finished" else "no error"
    check(run)


# ---- writemasked / arraymask -----------------------------------------------------------------
def _masked(m, buffered, mask_shape=(2, 3), dtype=None):
    a = _a(m, (2, 3)).astype("f8")
    mask = m.array([[True, False, True], [False, True, False]])
    if mask_shape != (2, 3):
        mask = mask[0]
    flags = ["buffered"] if buffered else []
    it = m.nditer([a, mask], op_flags=[["readwrite", "writemasked"], ["readonly", "arraymask"]],
                  flags=flags, op_dtypes=[dtype, None], casting="unsafe", buffersize=2)
    with it:
        for x, k in it:
            x[...] = -1
    return a.tolist()


MASKED = {
    "buffered": lambda m: _masked(m, True, dtype="i4"),
    "buffered_same_dtype": lambda m: _masked(m, True),
    "buffered_row_mask": lambda m: _masked(m, True, (3,), "f4"),
    "unbuffered": lambda m: _masked(m, False),
    "err_no_mask": lambda m: m.nditer([_a(m), m.ones((2, 3), bool)],
                                      op_flags=[["readwrite", "writemasked"], ["readonly"]]),
    "err_no_masked": lambda m: m.nditer([_a(m), m.ones((2, 3), bool)],
                                        op_flags=[["readwrite"], ["readonly", "arraymask"]]),
    "err_two_masks": lambda m: m.nditer([_a(m), m.ones((2, 3), bool), m.ones((2, 3), bool)],
                                        op_flags=[["readwrite", "writemasked"],
                                                  ["readonly", "arraymask"],
                                                  ["readonly", "arraymask"]]),
    "err_both": lambda m: m.nditer([_a(m), m.ones((2, 3), bool)],
                                   op_flags=[["readwrite", "writemasked", "arraymask"],
                                             ["readonly"]]),
    "err_readonly": lambda m: m.nditer([_a(m), m.ones((2, 3), bool)],
                                       op_flags=[["readonly", "writemasked"],
                                                 ["readonly", "arraymask"]]),
    "err_broadcast": lambda m: m.nditer([m.arange(3), m.ones((2, 3), bool)],
                                        op_flags=[["readwrite", "writemasked"],
                                                  ["readonly", "arraymask"]]),
}


@pytest.mark.parametrize("name", sorted(MASKED))
def test_writemasked(name):
    check(MASKED[name])


# ---- nested_iters ----------------------------------------------------------------------------
def _nested(m, groups, shape=(2, 3, 2), flags=None, multi=False, view=None):
    a = _a(m, shape)
    if view:
        a = view(a)
    its = m.nested_iters(a, groups, flags=flags)
    out = [tuple(it.shape for it in its), tuple(it.ndim for it in its)]

    def walk(level):
        it = its[level]
        rec = []
        for x in it:
            if level + 1 < len(its):
                rec.append(walk(level + 1))
            else:
                rec.append((_py(x), it.multi_index) if multi else _py(x))
        return rec
    out.append(walk(0))
    return out


NESTED = {
    "outer0": lambda m: _nested(m, [[0], [1, 2]]),
    "outer02": lambda m: _nested(m, [[0, 2], [1]]),
    "outer1_multi": lambda m: _nested(m, [[1], [0, 2]], flags=["multi_index"], multi=True),
    "three": lambda m: _nested(m, [[0], [1], [2]]),
    "partial": lambda m: _nested(m, [[0], [1]]),
    "reversed_view": lambda m: _nested(m, [[0], [1, 2]], view=lambda a: a[::-1]),
    "negative_inner": lambda m: _nested(m, [[2], [0, 1]], view=lambda a: a[:, ::-1]),
    "transposed": lambda m: _nested(m, [[0], [1, 2]], view=lambda a: a.transpose(2, 0, 1)),
    "external": lambda m: _nested(m, [[0], [1, 2]], flags=["external_loop"]),
    "empty_inner": lambda m: _nested(m, [[0], []], shape=(3,)),
    "empty_outer": lambda m: _nested(m, [[], [0, 1, 2]]),
    "err_twice": lambda m: m.nested_iters(_a(m, (2, 3, 2)), [[0, 1], [1, 2]]),
    "err_bad_axis": lambda m: m.nested_iters(_a(m, (2, 3, 2)), [[0], [1, 3]]),
    "writes": lambda m: (lambda a, b: ([[y[1].__setitem__(Ellipsis, y[0] * 2) for y in j]
                                        for i, j in [m.nested_iters([a, b], [[0], [1, 2]],
                                                                    op_flags=[["readonly"],
                                                                              ["readwrite"]])]
                                        for x in i], b.tolist())[1])(
        _a(m, (2, 3, 2)), m.zeros((2, 3, 2))),
    "err_lower_ndim_op": lambda m: m.nested_iters([_a(m, (2, 3)), m.arange(3)], [[1], [0]]),
    "two_ops": lambda m: (lambda i, j: [[_py(y) for y in j] for x in i])(
        *m.nested_iters([_a(m, (2, 3)), m.ones((2, 3))], [[1], [0]])),
    "iterindex_moves_inner": lambda m: (lambda i, j: (setattr(i, "iterindex", 1),
                                                      [_py(y) for y in j])[1])(
        *m.nested_iters(_a(m, (2, 3, 2)), [[0], [1, 2]])),
}


@pytest.mark.parametrize("name", sorted(NESTED))
def test_nested_iters(name):
    check(NESTED[name])
