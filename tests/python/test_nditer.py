"""numpy.nditer's common forms and numpy.einsum_path (issue 28), each scenario run with NumPy
and with cnumpy and the recorded values, indices, shapes and errors compared. Scenarios follow
numpy/core/tests/test_nditer.py (best/C/F order over every stride direction, multi-index and
index tracking, coalescing, broadcasting, flag errors, casting, buffering, allocation)."""
import itertools

import numpy as np
import pytest

import cnumpy as cnp


def _run(fn, xp):
    try:
        return fn(xp)
    except Exception as e:  # the exception type and message are compared
        return ("raised", type(e).__name__, str(e))


def check(fn):
    exp = _run(fn, np)
    got = _run(fn, cnp)
    assert got == exp


def _py(x):
    if isinstance(x, tuple):
        return tuple(_py(v) for v in x)
    return x.tolist()


def _walk(it, what):
    out = []
    while not it.finished:
        rec = [_py(it.value), it.iterindex]
        if "multi_index" in what:
            rec.append(it.multi_index)
        if "index" in what:
            rec.append(it.index)
        out.append(tuple(rec))
        it.iternext()
    return out


SHAPES = [(5,), (3, 4), (2, 3, 4), (2, 3, 2, 2)]
VIEWS = [(shape, dirs) for shape in SHAPES for dirs in range(2 ** len(shape))]


def _view(xp, shape, dirs, how):
    a = xp.arange(int(np.prod(shape))).reshape(shape)
    a = a[tuple(slice(None, None, -1) if (1 << b) & dirs else slice(None)
                for b in range(len(shape)))]
    if how == "T":
        return a.T
    if how == "swap" and a.ndim > 2:
        return a.swapaxes(0, 1)
    return a


@pytest.mark.parametrize("shape,dirs", VIEWS, ids=str)
@pytest.mark.parametrize("how", ["as_is", "T", "swap"])
@pytest.mark.parametrize("order", ["K", "C", "F", "A"])
def test_orders(shape, dirs, how, order):
    check(lambda xp: [x.tolist() for x in xp.nditer(_view(xp, shape, dirs, how), order=order)])


@pytest.mark.parametrize("shape,dirs", VIEWS, ids=str)
@pytest.mark.parametrize("how", ["as_is", "T", "swap"])
@pytest.mark.parametrize("flags", [["multi_index"], ["c_index"], ["f_index"],
                                   ["multi_index", "c_index"]], ids=str)
def test_tracked_indices(shape, dirs, how, flags):
    what = "".join(flags)
    check(lambda xp: (lambda it: (it.ndim, it.shape, _walk(it, what)))(
        xp.nditer(_view(xp, shape, dirs, how), flags)))


@pytest.mark.parametrize("shape,dirs", VIEWS, ids=str)
@pytest.mark.parametrize("how", ["as_is", "T", "swap"])
def test_external_loop_coalescing(shape, dirs, how):
    check(lambda xp: (lambda it: (it.ndim, it.shape, [x.tolist() for x in it]))(
        xp.nditer(_view(xp, shape, dirs, how), ["external_loop"])))


COALESCE = {
    "skip_last": lambda xp: xp.arange(24).reshape(2, 3, 4)[:, :, :-1],
    "skip_row": lambda xp: xp.arange(24).reshape(2, 3, 4)[:, :-1, :],
    "skip_plane": lambda xp: xp.arange(24).reshape(2, 3, 4)[:-1, :, :],
    "ones": lambda xp: xp.arange(24).reshape(1, 1, 2, 1, 1, 3, 1, 1, 4, 1, 1),
    "strided": lambda xp: xp.arange(24).reshape(4, 6)[:, ::2],
    "broadcast": lambda xp: xp.broadcast_to(xp.arange(4), (3, 4)),
}


@pytest.mark.parametrize("name", COALESCE)
@pytest.mark.parametrize("flags", [["external_loop"], [], ["c_index"], ["f_index"],
                                   ["external_loop", "buffered"]], ids=str)
@pytest.mark.parametrize("order", ["K", "C", "F"])
def test_coalescing(name, flags, order):
    def fn(xp):
        it = xp.nditer(COALESCE[name](xp), flags, order=order, buffersize=5)
        views = [v.shape for v in it.itviews] if "buffered" not in flags else None
        return it.ndim, it.shape, views, [_py(x) for x in it]
    check(fn)


BROADCAST = {
    "scalar": lambda xp: [xp.arange(6).reshape(2, 3), 7],
    "row": lambda xp: [xp.arange(6).reshape(2, 3), xp.arange(3.)],
    "column": lambda xp: [xp.arange(2).reshape(2, 1), xp.arange(3)],
    "3d": lambda xp: [xp.arange(4).reshape(4, 1, 1), xp.arange(3).reshape(1, 3, 1),
                      xp.arange(2)],
    "mismatch": lambda xp: [xp.arange(6).reshape(2, 3), xp.ones((3, 2))],
    "mismatch3": lambda xp: [xp.arange(2), xp.arange(3), xp.arange(6).reshape(2, 3)],
}


@pytest.mark.parametrize("name", BROADCAST)
@pytest.mark.parametrize("flags", [[], ["multi_index"], ["external_loop"]], ids=str)
def test_broadcasting(name, flags):
    def fn(xp):
        it = xp.nditer(BROADCAST[name](xp), flags)
        return it.itersize, [_py(x) for x in it]
    check(fn)


ERRORS = {
    "index_and_external": lambda xp: xp.nditer([1], ["c_index", "external_loop"]),
    "multi_and_external": lambda xp: xp.nditer([1], ["multi_index", "external_loop"]),
    "c_and_f": lambda xp: xp.nditer([1], ["c_index", "f_index"]),
    "bad_flag": lambda xp: xp.nditer([1], ["foo"]),
    "bad_op_flag": lambda xp: xp.nditer([1], [], [["foo"]]),
    "two_rw": lambda xp: xp.nditer(xp.arange(3), [], [["readonly", "writeonly"]]),
    "allocate_readonly": lambda xp: xp.nditer([xp.arange(3), None],
                                              op_flags=[["readonly"], ["readonly", "allocate"]]),
    "no_rw": lambda xp: xp.nditer([1], [], [["aligned"]]),
    "bad_order": lambda xp: xp.nditer([1], order="X"),
    "readonly_write": lambda xp: xp.nditer(xp.arange(3)[::1].__class__.__call__ if False else
                                           xp.broadcast_to(xp.arange(3), (2, 3)),
                                           op_flags=["readwrite"]),
    "reduction": lambda xp: xp.nditer([xp.arange(6).reshape(2, 3), xp.ones(3)],
                                      op_flags=[["readonly"], ["readwrite"]]),
    "reduction_col": lambda xp: xp.nditer([xp.arange(6).reshape(2, 3), xp.ones((2, 1))],
                                          op_flags=[["readonly"], ["writeonly"]]),
    "null_readonly": lambda xp: xp.nditer([xp.arange(3), None],
                                          op_flags=[["readonly"], ["readonly"]]),
    "null_no_allocate": lambda xp: xp.nditer([xp.arange(3), None],
                                             op_flags=[["readonly"], ["writeonly"]]),
    "zerosize": lambda xp: xp.nditer(xp.zeros((0, 3))),
    "needs_copy": lambda xp: xp.nditer(xp.arange(3), op_dtypes=["f8"]),
    "unsafe_cast": lambda xp: xp.nditer(xp.arange(3.), ["buffered"], op_dtypes=["i4"]),
    "unsafe_write": lambda xp: xp.nditer(xp.arange(3.), ["buffered"], ["readwrite"],
                                         op_dtypes=["c16"]),
    "same_kind": lambda xp: xp.nditer(xp.arange(3.), ["buffered"], ["readwrite"],
                                      op_dtypes=["f4"], casting="same_kind").dtypes,
    "past_end": lambda xp: (lambda it: (list(it), it.value))(xp.nditer(xp.arange(2))),
    "no_multi_index": lambda xp: xp.nditer(xp.arange(2)).multi_index,
    "no_index": lambda xp: xp.nditer(xp.arange(2)).index,
}


@pytest.mark.parametrize("name", ERRORS)
def test_errors(name):
    check(ERRORS[name])


CASTS = [("i8", "c16"), ("i4", "f8"), ("f4", "f8"), ("f8", "f4"), ("u1", "i2"), ("?", "i1")]


@pytest.mark.parametrize("src,dst", CASTS)
@pytest.mark.parametrize("flags", [["buffered"], ["buffered", "external_loop"]], ids=str)
@pytest.mark.parametrize("casting", ["safe", "same_kind", "unsafe"])
def test_buffered_casts(src, dst, flags, casting):
    def fn(xp):
        a = xp.arange(10).astype(src).reshape(2, 5)[:, ::-2]
        it = xp.nditer(a, flags, op_dtypes=[dst], casting=casting, buffersize=2)
        return it.dtypes, [(_py(x), str(x.dtype)) for x in it]
    check(fn)


def _writes(xp):
    a = xp.arange(6).reshape(2, 3)
    with xp.nditer(a, op_flags=["readwrite"]) as it:
        for x in it:
            x[...] = 2 * x
    b = xp.arange(6.).reshape(2, 3)
    with xp.nditer([b, None]) as it:
        for x, y in it:
            y[...] = x * x
        out = it.operands[1]
    c = xp.arange(7.)[::-1]
    with xp.nditer(c, ["buffered"], ["readwrite"], op_dtypes=["f4"], casting="same_kind",
                   buffersize=3) as it:
        for x in it:
            x[...] = x + 0.5
    d = xp.arange(12).reshape(3, 4)[:, ::2]
    with xp.nditer(d, ["external_loop"], ["readwrite"]) as it:
        for x in it:
            x[...] = x * 3
    e = xp.arange(4.)
    with xp.nditer(e, [], ["readwrite", "updateifcopy"], op_dtypes=["f4"],
                   casting="same_kind") as it:
        for x in it:
            x[...] = 7.25
    f = xp.arange(6).reshape(2, 3).T
    with xp.nditer([f, None], ["external_loop", "buffered"],
                   [["readonly"], ["writeonly", "allocate"]], op_dtypes=["i8", "f4"],
                   buffersize=4) as it:
        for x, y in it:
            y[...] = x / 2
        g = it.operands[1]
    h = xp.arange(5)
    try:
        for x in xp.nditer(h):
            x[...] = 0
        err = None
    except Exception as ex:
        err = type(ex).__name__
    return (a.tolist(), out.tolist(), c.tolist(), d.tolist(), e.tolist(), g.tolist(),
            str(g.dtype), g.flags.f_contiguous, err)


def test_writes():
    check(_writes)


def test_allocate_layout():
    def fn(xp):
        out = []
        for a in (xp.arange(6).reshape(2, 3), xp.arange(6).reshape(2, 3).T,
                  xp.arange(24).reshape(2, 3, 4).swapaxes(0, 1)):
            it = xp.nditer([a, None])
            o = it.operands[1]
            out.append((o.shape, str(o.dtype), o.flags.c_contiguous, o.flags.f_contiguous,
                        it.dtypes))
        it = xp.nditer([xp.arange(3, dtype=xp.int8), xp.arange(3.), None])
        out.append(str(it.operands[2].dtype))
        it = xp.nditer([xp.arange(3, dtype=xp.int8), None], op_dtypes=[None, xp.float32])
        out.append(str(it.operands[1].dtype))
        return out
    check(fn)


def test_iterindex_and_reset():
    def fn(xp):
        it = xp.nditer(xp.arange(6).reshape(2, 3).T, ["multi_index"])
        it.iterindex = 4
        first = (it.multi_index, _py(it.value))
        it.multi_index = (1, 0)
        second = (it.iterindex, _py(it[0]))
        it.reset()
        third = [(_py(x), it.iterindex) for x in it]
        it.reset()
        it.remove_multi_index()
        it.enable_external_loop()
        fourth = [_py(x) for x in it]
        return first, second, third, fourth, it.has_multi_index, it.has_index, it.itersize, \
            len(it), it.nop, _run(lambda xp: xp.nditer(xp.arange(3), ["buffered"]).itviews, xp)
    check(fn)


def test_next_protocol():
    def fn(xp):
        it = xp.nditer([xp.arange(3), xp.arange(3.)])
        a = next(it)
        b = next(it)
        return _py(a), _py(b), it.iterindex, [_py(v) for v in it.value]
    check(fn)


def test_readonly_values():
    def fn(xp):
        x = next(xp.nditer(xp.arange(3)))
        try:
            x[...] = 5
            return "wrote"
        except ValueError as e:
            return str(e)
    check(fn)


def test_zerosize_ok():
    check(lambda xp: [_py(x) for x in xp.nditer(xp.zeros((0, 3)), ["zerosize_ok"])])


def test_common_dtype():
    def fn(xp):
        it = xp.nditer([xp.arange(3, dtype=xp.int8), xp.arange(3.)],
                       ["common_dtype", "buffered"])
        return it.dtypes, [(_py(x), str(x[0].dtype)) for x in it]
    check(fn)


# ---- einsum_path ----------------------------------------------------------------------------
EINSUM = [("ij,jk,kl->il", [(2, 2), (2, 5), (5, 2)]),
          ("ea,fb,abcd,gc,hd->efgh", [(10, 10)] * 2 + [(10,) * 4] + [(10, 10)] * 2),
          ("ij,jk,kl", [(3, 4), (4, 5), (5, 6)]),
          ("i,i", [(5,), (5,)]),
          ("ii->i", [(3, 3)]),
          ("...ij,...jk->...ik", [(2, 3, 4), (2, 4, 5)]),
          ("abc,bcd,cde,def", [(2, 3, 4), (3, 4, 5), (4, 5, 6), (5, 6, 7)]),
          ("ab,cd,ef", [(2, 3), (4, 5), (6, 7)]),
          ("ij,jk,kl,lm,mn", [(3, 1), (1, 4), (4, 2), (2, 9), (9, 3)]),
          ("a,b,c,ab", [(3,), (4,), (5,), (3, 4)]),
          ("ij...,jk...->ik...", [(2, 3, 5), (3, 4, 5)]),
          ("...,...", [(), (3,)]),
          ("ij,jk->", [(2, 3), (3, 4)]),
          ("ij,jk,k->x", [(2, 3), (3, 4), (4,)]),
          ("ij,kl->ii", [(2, 3), (3, 4)]),
          ("ij,jk", [(2, 3), (4, 4)]),
          ("ij,j", [(2, 3)]),
          ("i.j,j", [(2, 3), (3,)]),
          ("ij->i->j", [(2, 3)]),
          ("i1,j", [(2, 3), (3,)])]


@pytest.mark.parametrize("sub,shapes", EINSUM, ids=[e[0] for e in EINSUM])
@pytest.mark.parametrize("opt", ["greedy", "optimal", False, True, ("greedy", 10),
                                 ("optimal", 30)], ids=str)
def test_einsum_path(sub, shapes, opt):
    check(lambda xp: xp.einsum_path(sub, *[xp.ones(s) for s in shapes], optimize=opt))


def test_einsum_path_sublists_and_explicit():
    check(lambda xp: xp.einsum_path(xp.ones((2, 3)), [0, 1], xp.ones((3, 4)), [1, 2], [0, 2]))
    check(lambda xp: xp.einsum_path(xp.ones((2, 3)), [0, Ellipsis], xp.ones((3,)), [0.5]))
    shapes = [(2, 2), (2, 5), (5, 2)]
    for path in (["einsum_path", (1, 2), (0, 1)], ["einsum_path", (0, 1)], "foo", 3.5):
        check(lambda xp: xp.einsum_path("ij,jk,kl->il", *[xp.ones(s) for s in shapes],
                                        optimize=path))


def test_einsum_path_all_pairs():
    # the greedy tie-breaking over many equal-cost pairs
    shapes = list(itertools.repeat((3, 3), 5))
    check(lambda xp: xp.einsum_path("ab,bc,cd,de,ea->", *[xp.ones(s) for s in shapes]))
