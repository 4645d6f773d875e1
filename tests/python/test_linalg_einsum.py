"""cnumpy.einsum (the library's cnp_einsum) against NumPy 1.24: subscripts and sublist forms,
every dtype, broadcasting, views, empty operands, non-contiguous operands and NumPy's messages."""
import warnings

import numpy as np
import pytest

import cnumpy as cnp
from cnp_helpers import random_array, same_error

RNG = np.random.default_rng(66)


def _rand(shape, dt=np.float64):
    return random_array(RNG, shape, dt)


def close(got, want):
    g, w = np.asarray(got), np.asarray(want)
    assert g.shape == w.shape, (g.shape, w.shape)
    assert g.dtype == w.dtype, (g.dtype, w.dtype)
    if w.dtype.kind in "fc":
        tol = {2: 2e-2, 4: 2e-4, 8: 1e-10, 16: 1e-10}[w.dtype.itemsize if w.dtype.kind == "f" else w.dtype.itemsize // 2]
        scale = max(float(np.max(np.abs(w), initial=0.0)), 1.0)
        assert np.all(np.abs(g - w) <= tol * scale), np.max(np.abs(g - w))
    else:
        assert np.array_equal(g, w)


CASES = [
    ("ij,jk->ik", [(3, 4), (4, 5)]), ("ij,jk", [(3, 4), (4, 5)]), ("ii", [(4, 4)]), ("ii->i", [(4, 4)]),
    ("ij->ji", [(3, 4)]), ("ij->", [(3, 4)]), ("ij->j", [(3, 4)]), ("bij,bjk->bik", [(5, 3, 4), (5, 4, 2)]),
    ("i,i", [(5,), (5,)]), ("i,j->ij", [(3,), (4,)]), ("ijk,ikl->jl", [(2, 3, 4), (2, 4, 5)]),
    ("ij,ij->i", [(3, 4), (3, 4)]), ("...ij,...jk->...ik", [(2, 3, 4), (4, 5)]), ("iij->j", [(3, 3, 4)]),
    ("ij,jk,kl->il", [(2, 3), (3, 4), (4, 5)]), ("ba", [(3, 4)]), ("i,i->i", [(4,), (4,)]),
    ("ij,jk->ki", [(30, 40), (40, 20)]), ("bij,bkj->bik", [(100, 8, 8), (100, 8, 8)]),
    ("...ij,...jk", [(2, 1, 3, 4), (5, 4, 2)]), ("i...,i...->...", [(3, 2, 2), (3, 2, 2)]),
    ("ijk->kji", [(2, 3, 4)]), ("iii->i", [(3, 3, 3)]), ("ij,i->j", [(4, 3), (4,)]), (",ij->ij", [(), (2, 3)]),
    ("ij,ij", [(1, 3), (4, 3)]), ("ij,kj->ik", [(1, 3), (4, 1)]), ("ab,bc,cd,de->ae", [(2, 3), (3, 4), (4, 5), (5, 2)]),
    ("ij,jk->ik", [(0, 3), (3, 4)]), ("ij,jk->ik", [(3, 0), (0, 4)]), ("ij->", [(0, 3)]), ("i,i", [(0,), (0,)]),
    ("Ab,bC->AC", [(2, 3), (3, 2)]), (" i j , j k -> i k ", [(2, 3), (3, 2)]), ("...", [(2, 3)]),
    ("ii...->...i", [(3, 3, 2)]), ("ijkl,lkjm->im", [(2, 3, 4, 5), (5, 4, 3, 2)]), ("ij,jk->ik", [(9, 17), (17, 5)]),
]


@pytest.mark.parametrize("sub,shapes", CASES)
@pytest.mark.parametrize("dt", [np.float64, np.float32, np.complex128, np.complex64, np.int64, np.int32,
                                np.uint8, np.bool_, np.float16])
def test_einsum(sub, shapes, dt):
    ops = [_rand(s, dt) for s in shapes]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # uint8 / float16 overflow, as in NumPy
        want = np.einsum(sub, *ops)
        got = cnp.einsum(sub, *ops)
    if dt == np.float16:  # NumPy accumulates float16 sums in float32 for some paths, we in float32 too
        np.testing.assert_allclose(np.asarray(got, np.float64), np.asarray(want, np.float64), rtol=3e-2, atol=0.2)
        assert np.asarray(got).dtype == np.asarray(want).dtype
        return
    close(got, want)


def test_einsum_mixed_dtypes_and_dtype_argument():
    a, b = _rand((3, 4), np.int8), _rand((4, 2), np.float32)
    close(cnp.einsum("ij,jk", a, b), np.einsum("ij,jk", a, b))
    c = _rand((4, 2), np.complex64)
    close(cnp.einsum("ij,jk", b.T, c), np.einsum("ij,jk", b.T, c))
    close(cnp.einsum("ij,jk", a, b, dtype=np.float64), np.einsum("ij,jk", a, b, dtype=np.float64))
    same_error(lambda xp: xp.einsum("ij,jk", b, b.T, dtype=np.int32))


def test_einsum_noncontiguous():
    base = _rand((6, 10, 12))
    a, b = base[:, ::2, ::3], base[::-1, 1:5, :4]
    close(cnp.einsum("bij,bjk->bik", a, b), np.einsum("bij,bjk->bik", a, b))
    close(cnp.einsum("ij,kj->ik", base[0, ::-1], base[1, ::2]), np.einsum("ij,kj->ik", base[0, ::-1], base[1, ::2]))
    close(cnp.einsum("ii->i", base[0, :, ::-1][:, :10]), np.einsum("ii->i", base[0, :, ::-1][:, :10]))
    close(cnp.einsum("ijk->", base[:, ::3, 1::2]), np.einsum("ijk->", base[:, ::3, 1::2]))


def test_einsum_view_like_numpy():
    a = cnp.arange(12.0).reshape(3, 4)
    t = cnp.einsum("ij->ji", a)
    t[0, 1] = 100.0
    assert a[1, 0] == 100.0  # NumPy returns a writeable view too
    d = cnp.einsum("ii->i", cnp.arange(9.0).reshape(3, 3))
    close(d, np.einsum("ii->i", np.arange(9.0).reshape(3, 3)))


def test_einsum_out():
    a, b = _rand((3, 4)), _rand((4, 5))
    out = cnp.zeros((3, 5))
    r = cnp.einsum("ij,jk->ik", a, b, out=out)
    assert r is out
    close(out, np.einsum("ij,jk->ik", a, b))


SUBLISTS = [
    lambda a, b: (a, [0, 1], b, [1, 2]),
    lambda a, b: (a, [0, 1], b, [1, 2], [2, 0]),
    lambda a, b: (a, [Ellipsis, 0, 1], b, [1, 2], [Ellipsis, 0, 2]),
    lambda a, b: (a, [Ellipsis, 1], [Ellipsis]),
    lambda a, b: (a, [0, 1], [1, 0]),
    lambda a, b: (a, [0, 1], []),
    lambda a, b: (a, (26, 51), b, (51, 3)),
    lambda a, b: (a, [np.int64(0), 1], b, [1, 2]),
    lambda a, b: (a, [0, 1], a, [0, 1]),
]


@pytest.mark.parametrize("make", SUBLISTS)
def test_einsum_sublist(make):
    a, b = _rand((3, 4)), _rand((4, 5))
    close(cnp.einsum(*make(a, b)), np.einsum(*make(a, b)))


ERRORS = [
    ("ij,jk", [(2, 3)]), ("ij", [(2, 3), (2, 3)]), ("ij->k", [(2, 3)]), ("ij->ii", [(2, 3)]), ("i1", [(2, 3)]),
    ("ijk", [(2, 3)]), ("i", [(2, 3)]), ("ij,jk", [(2, 3), (4, 5)]), ("ii", [(2, 3)]), ("ij->i->j", [(2, 3)]),
    ("...i...", [(2, 3)]), ("ij-", [(2, 3)]), ("ij>", [(2, 3)]), ("...ij,...jk", [(2, 2, 3), (3, 3, 4)]),
    ("ij,jk->i.k", [(2, 3), (3, 4)]), ("", [(2, 3)]), ("ij,", [(2, 3), (2, 3)]), ("jk,ij", [(4, 5), (2, 3)]),
    ("ij,kj->", [(2, 3), (4, 5)]), ("ij,jk,kl", [(2, 3), (3, 4), (5, 6)]), ("iij,j", [(2, 2, 3), (4,)]),
    ("i,i", [(2,), (3,)]), ("...ij->ij", [(2, 2, 3)]), ("ij,jk->ik", [(2, 3), (2, 2, 3)]), ("i.j", [(2, 3)]),
    ("ij->.", [(2, 3)]), ("ié", [(2, 3)]), ("", []),
]


@pytest.mark.parametrize("sub,shapes", ERRORS)
def test_einsum_errors(sub, shapes):
    same_error(lambda xp: xp.einsum(sub, *[xp.ones(s) for s in shapes]))


def test_einsum_sublist_errors():
    a = np.ones((2, 3))
    for args in [(a, [0, 52]), (a, [0, -1]), (a, [0, "a"]), (a, [0, 1.5]), (a, [0, 1], [0, 0]),
                 (a, [0, 1], a, [1, 2], [9]), (a,), (a, [[0], 1]), (a, [True, 1])]:
        same_error(lambda xp: xp.einsum(*[xp.asarray(x) if isinstance(x, np.ndarray) else x for x in args]))
    same_error(lambda xp: xp.einsum())


def test_einsum_python_scalars_are_weak():
    # NEP 50 as in the library's ufuncs: a Python scalar takes the array's type.
    for args in [(",i", 2.0, np.arange(3, dtype=np.int32)), (",i", 2, np.arange(3, dtype=np.int8)), (",", 2, 3),
                 ("i,i", [1, 2], [3, 4]), ("", 2.5), (",i", 2.0, np.arange(3, dtype=np.float32))]:
        close(cnp.einsum(*args), np.einsum(*args))
