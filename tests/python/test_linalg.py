"""cnumpy.linalg and the matrix products against NumPy 1.24. Both sides call LAPACK (OpenBLAS),
but not always with the same layout, so values are compared with a tolerance scaled by the
dtype's precision and the matrix's condition; decompositions are checked by reconstruction
(A = U S V^H, A v = w v, A = Q R, A = L L^H) rather than by sign conventions."""
import warnings

import numpy as np
import pytest

import cnumpy as cnp
from cnp_helpers import random_array, same_error

RNG = np.random.default_rng(6)
FLOATS = [np.float32, np.float64, np.complex64, np.complex128]
ALL = FLOATS + [np.int32, np.int64, np.uint8, np.bool_]


def _rand(shape, dt=np.float64):
    return random_array(RNG, shape, dt)


def _well(shape, dt=np.float64):
    """Well-conditioned (diagonally dominant) square matrices."""
    a = _rand(shape, dt)
    n = shape[-1]
    if np.dtype(dt).kind in "fc":
        a = a + (n * 2) * np.eye(n, dtype=dt)
    else:
        a = a + np.eye(n, dtype=dt) * 40
    return a


def _tol(dt):
    dt = np.dtype(dt)
    return 2e-4 if dt in (np.float32, np.complex64) else 1e-10


def close(got, want, rtol=None, dtype=True):
    g = np.asarray(got)
    w = np.asarray(want)
    assert g.shape == w.shape, (g.shape, w.shape)
    if dtype:
        assert g.dtype == w.dtype, (g.dtype, w.dtype)
    if rtol is None:
        rtol = _tol(w.dtype) if w.dtype.kind in "fc" else 0
    if w.dtype.kind in "fc":
        fin = np.isfinite(w)
        scale = max(float(np.max(np.abs(w[fin]), initial=0.0)), 1.0)
        assert np.array_equal(np.isnan(g), np.isnan(w))
        assert np.array_equal(g[~fin & ~np.isnan(w)], w[~fin & ~np.isnan(w)])
        assert np.all(np.abs(g[fin] - w[fin]) <= rtol * scale), np.max(np.abs(g[fin] - w[fin]))
    else:
        assert np.array_equal(g, w)


# -- DS-ARRAY-10 -------------------------------------------------------------------------------
def test_ds_array_10():
    A = [[3.0, 1.0], [1.0, 2.0]]
    b = [9.0, 8.0]
    x = cnp.linalg.solve(A, b)
    close(x, np.linalg.solve(A, b))
    close(x, [2.0, 3.0])
    close(cnp.linalg.inv(A), np.linalg.inv(A))
    close(cnp.array(A) @ cnp.array(x), b)
    assert abs(cnp.linalg.det(A) - np.linalg.det(A)) < 1e-12


def test_linalg_error_class():
    # NumPy's derives from Exception only: code catching ValueError must not catch it (issue 18).
    assert cnp.linalg.LinAlgError.__mro__[1:] == np.linalg.LinAlgError.__mro__[1:]
    assert not issubclass(cnp.linalg.LinAlgError, ValueError)
    assert cnp.linalg.LinAlgError.__module__ == "cnumpy.linalg"


# -- products ----------------------------------------------------------------------------------
MATMUL_SHAPES = [((3, 4), (4, 5)), ((4,), (4,)), ((4,), (4, 2)), ((3, 4), (4,)), ((2, 3, 4), (4, 5)),
                 ((2, 1, 3, 4), (5, 4, 2)), ((5, 4), (2, 4, 3)), ((7,), (3, 7, 2)), ((3, 7, 2), (2,)),
                 ((0, 3), (3, 4)), ((3, 0), (0, 4)), ((2, 0, 3, 4), (4, 1)), ((20, 30), (30, 40)),
                 ((3, 40, 33), (33, 17)), ((1000, 8, 8), (1000, 8, 8)), ((50,), (50,)), ((40, 50), (50,)),
                 ((50,), (50, 40)), ((3, 40, 50), (50, 1)), ((1, 50), (2, 50, 40)), ((300, 5, 7), (7, 3))]


@pytest.mark.parametrize("sa,sb", MATMUL_SHAPES)
@pytest.mark.parametrize("dt", ALL + [np.float16, np.int8])
def test_matmul(sa, sb, dt):
    a, b = _rand(sa, dt), _rand(sb, dt)
    want = np.matmul(a, b)
    got = cnp.matmul(a, b)
    rtol = 2e-2 if dt == np.float16 else None
    close(got, want, rtol=rtol)
    close(cnp.asarray(a) @ cnp.asarray(b), want, rtol=rtol)


@pytest.mark.parametrize("da,db", [(np.int8, np.uint8), (np.int32, np.float32), (np.float32, np.complex128),
                                   (np.bool_, np.int16), (np.float32, np.float64)])
def test_matmul_mixed(da, db):
    a, b = _rand((3, 4), da), _rand((4, 2), db)
    close(cnp.matmul(a, b), np.matmul(a, b))


def test_matmul_noncontiguous():
    base = _rand((6, 10, 12))
    cases = [(base[:, ::2, ::3], base[:, 1:5, :].transpose(0, 2, 1)[:, :4, :]),
             (base[::-1, ::-2, :5], base[0, :5, ::-1]),
             (base[0].T, base[1]), (base[0, :, 3], base[1, :, ::2])]
    for a, b in cases:
        close(cnp.matmul(a, b), np.matmul(a, b))
        ca, cb = cnp.asarray(np.ascontiguousarray(a)), cnp.asarray(np.ascontiguousarray(b))
        close(cnp.matmul(ca.T.T, cb), np.matmul(a, b))
    v = _rand((3, 200))
    for a, b in [(v[0, ::2], v[1, ::-2]), (v[:, :50].T, v[0, ::3][:3]), (v[0, :50], v[:, :50].T[:, ::-1]),
                 (v[:, 1::2].T.copy().T, v[1, :100])]:
        close(cnp.matmul(a, b), np.matmul(a, b))
        close(cnp.dot(a, b), np.dot(a, b))
    c = _rand((5, 40, 30), np.complex128)
    close(cnp.matmul(c.transpose(0, 2, 1), c), np.matmul(c.transpose(0, 2, 1), c))
    d = c[:, :, ::-1].transpose(0, 2, 1)[:, ::-1, ::2]
    close(cnp.matmul(c[:, ::2, ::-1], d), np.matmul(c[:, ::2, ::-1], d))


def test_matmul_operators():
    a, b = _rand((3, 3)), _rand((3, 3))
    x = cnp.array(a)
    close(x @ b, a @ b)
    close(b.tolist() @ x, a.T.T @ a if False else np.array(b) @ a)
    y = cnp.array(a)
    y @= cnp.array(b)
    close(y, a @ b)
    close(x.dot(b), a.dot(b))
    i = cnp.array([[1, 2], [3, 4]])
    with pytest.raises(TypeError):
        i @= cnp.array([[0.5, 0], [0, 1]])


def test_matmul_errors():
    same_error(lambda xp: xp.matmul(xp.ones((2, 3)), xp.ones((2, 3))))
    same_error(lambda xp: xp.matmul(xp.ones(3), xp.ones(2)))
    same_error(lambda xp: xp.matmul(xp.ones(()), xp.ones(3)))
    same_error(lambda xp: xp.matmul(xp.ones(3), xp.ones(())))
    same_error(lambda xp: xp.matmul(xp.ones((2, 2, 3)), xp.ones((3, 3, 4))))
    same_error(lambda xp: xp.matmul(xp.ones((2, 2, 3)), xp.ones((4, 3))))


DOT_SHAPES = [((), (3,)), ((3,), ()), ((4,), (4,)), ((3, 4), (4,)), ((4,), (4, 3)), ((3, 4), (4, 5)),
              ((2, 3, 4), (4,)), ((2, 3, 4), (4, 5)), ((2, 3, 4), (5, 4, 6)), ((4,), (2, 4, 3)), ((0, 4), (4, 0))]


@pytest.mark.parametrize("sa,sb", DOT_SHAPES)
@pytest.mark.parametrize("dt", [np.float64, np.complex64, np.int64, np.bool_])
def test_dot(sa, sb, dt):
    a, b = _rand(sa, dt), _rand(sb, dt)
    close(cnp.dot(a, b), np.dot(a, b))


@pytest.mark.parametrize("dt", [np.float64, np.complex128, np.int32, np.float32])
def test_vdot_inner_outer(dt):
    a, b = _rand((3, 4), dt), _rand((3, 4), dt)
    close(cnp.vdot(a, b), np.vdot(a, b))
    close(cnp.inner(a, b), np.inner(a, b))
    close(cnp.inner(a[0], b), np.inner(a[0], b))
    c = _rand((2, 5, 4), dt)
    close(cnp.inner(a, c), np.inner(a, c))
    close(cnp.outer(a, b[:, 1]), np.outer(a, b[:, 1]))
    assert type(cnp.vdot(a, b)) is not cnp.ndarray


def test_dot_errors():
    same_error(lambda xp: xp.dot(xp.ones((2, 3)), xp.ones((2, 3))))
    same_error(lambda xp: xp.dot(xp.ones((2, 3)), xp.ones((2, 2, 3))))
    same_error(lambda xp: xp.dot(xp.ones(3), xp.ones(2)))
    same_error(lambda xp: xp.inner(xp.ones((2, 3)), xp.ones((2, 4))))
    same_error(lambda xp: xp.vdot(xp.ones((2, 3)), xp.ones((2, 4))))
    same_error(lambda xp: xp.tensordot(xp.ones((2, 3)), xp.ones((2, 4)), 1))


@pytest.mark.parametrize("axes", [0, 1, 2, ([1, 0], [0, 1]), ([2], [1]), (1, 0)])
def test_tensordot(axes):
    a, b = _rand((3, 4, 5)), _rand((4, 3, 5))
    if axes == 2:
        b = _rand((4, 5, 2))
    if axes == 1:
        b = _rand((5, 2))
    if axes == (1, 0):
        b = _rand((4, 6))
    if axes == ([2], [1]):
        b = _rand((2, 5))
    close(cnp.tensordot(a, b, axes), np.tensordot(a, b, axes))


@pytest.mark.parametrize("sa,sb", [((2, 3), (4, 5)), ((3,), (2, 2)), ((2, 1, 2), (3, 2)), ((2,), (3,))])
def test_kron(sa, sb):
    a, b = _rand(sa), _rand(sb, np.int64)
    close(cnp.kron(a, b), np.kron(a, b))
    close(cnp.kron(b, b), np.kron(b, b))
    close(cnp.kron(a, 2.5), np.kron(a, 2.5))


def test_trace_errors_and_views():
    same_error(lambda xp: xp.trace(xp.ones(3)))
    same_error(lambda xp: xp.trace(xp.ones((3, 3)), axis1=1, axis2=1))
    same_error(lambda xp: xp.trace(xp.ones((3, 3)), axis1=2))
    a = _rand((4, 5, 6))
    for v in (a[::-1, ::2], a.transpose(2, 0, 1), a[:, :, ::-2]):
        for kw in ({}, {"offset": -1, "axis1": 2, "axis2": 0}, {"offset": 2, "axis1": -1, "axis2": 1}):
            close(cnp.trace(v, **kw), np.trace(v, **kw))
    close(cnp.trace(np.ones((3, 3), bool)), np.trace(np.ones((3, 3), bool)))
    close(cnp.trace(np.ones((3, 3), np.int8)), np.trace(np.ones((3, 3), np.int8)))


@pytest.mark.parametrize("shape,kw", [((4, 4), {}), ((3, 5), {"offset": 1}), ((5, 3), {"offset": -2}),
                                      ((2, 3, 4), {"axis1": 1, "axis2": 2}), ((3, 4), {"offset": 9}),
                                      ((3, 3), {"dtype": np.float32})])
@pytest.mark.parametrize("dt", [np.float64, np.int32, np.complex64])
def test_trace(shape, kw, dt):
    a = _rand(shape, dt)
    close(cnp.trace(a, **kw), np.trace(a, **kw))


EINSUM = [("ij,jk->ik", [(3, 4), (4, 5)]), ("ij,jk", [(3, 4), (4, 5)]), ("ii", [(4, 4)]), ("ii->i", [(4, 4)]),
          ("ij->ji", [(3, 4)]), ("ij->", [(3, 4)]), ("ij->j", [(3, 4)]), ("bij,bjk->bik", [(5, 3, 4), (5, 4, 2)]),
          ("i,i", [(5,), (5,)]), ("i,j->ij", [(3,), (4,)]), ("ijk,ikl->jl", [(2, 3, 4), (2, 4, 5)]),
          ("ij,ij->i", [(3, 4), (3, 4)]), ("...ij,...jk->...ik", [(2, 3, 4), (4, 5)]), ("iij->j", [(3, 3, 4)]),
          ("ij,jk,kl->il", [(2, 3), (3, 4), (4, 5)]), ("ba", [(3, 4)]), ("i,i->i", [(4,), (4,)])]


@pytest.mark.parametrize("sub,shapes", EINSUM)
@pytest.mark.parametrize("dt", [np.float64, np.complex128, np.int64])
def test_einsum(sub, shapes, dt):
    ops = [_rand(s, dt) for s in shapes]
    close(cnp.einsum(sub, *ops), np.einsum(sub, *ops))


def test_einsum_errors():
    same_error(lambda xp: xp.einsum("ij,jk", xp.ones((2, 3))))
    same_error(lambda xp: xp.einsum("ij->k", xp.ones((2, 3))))


# -- inverses and determinants -------------------------------------------------------------------
@pytest.mark.parametrize("dt", ALL)
@pytest.mark.parametrize("shape", [(1, 1), (3, 3), (6, 6), (4, 5, 5), (2, 3, 4, 4), (0, 0), (0, 3, 3), (2, 0, 0)])
def test_inv_det_slogdet(dt, shape):
    a = _well(shape, dt) if shape[-1] else np.zeros(shape, dt)
    close(cnp.linalg.inv(a), np.linalg.inv(a))
    close(cnp.linalg.det(a), np.linalg.det(a), rtol=_tol(np.linalg.det(a).dtype) * 10)
    s, l = cnp.linalg.slogdet(a)
    ws, wl = np.linalg.slogdet(a)
    close(s, ws)
    close(l, wl)


def test_inv_noncontiguous_and_ill_conditioned():
    a = _well((4, 7, 7))[:, ::-1, :].transpose(0, 2, 1)
    close(cnp.linalg.inv(a), np.linalg.inv(a))
    h = 1.0 / (np.arange(1, 9)[:, None] + np.arange(8)[None, :])  # Hilbert, cond ~ 1e10
    got = np.asarray(cnp.linalg.inv(h))
    assert np.allclose(got @ h, np.eye(8), atol=1e-4)
    assert np.allclose(got, np.linalg.inv(h), rtol=1e-4)


def test_det_singular_and_nan():
    close(cnp.linalg.det([[1.0, 2.0], [2.0, 4.0]]), np.linalg.det([[1.0, 2.0], [2.0, 4.0]]))
    s, l = cnp.linalg.slogdet([[1.0, 2.0], [2.0, 4.0]])
    assert s == 0 and l == -np.inf
    close(cnp.linalg.det([[np.nan, 1.0], [1.0, 1.0]]), np.linalg.det([[np.nan, 1.0], [1.0, 1.0]]))
    close(cnp.linalg.inv([[np.inf, 1.0], [1.0, 1.0]]), np.linalg.inv([[np.inf, 1.0], [1.0, 1.0]]))


@pytest.mark.parametrize("dt", ALL)
@pytest.mark.parametrize("sa,sb", [((3, 3), (3,)), ((3, 3), (3, 2)), ((4, 3, 3), (4, 3)), ((4, 3, 3), (1, 3, 5)),
                                   ((2, 1, 3, 3), (2, 4, 3, 1)), ((3, 3), (2, 4, 3, 2)), ((0, 0), (0,)), ((3, 3), (3, 0))])
def test_solve(dt, sa, sb):
    a = _well(sa, dt) if sa[-1] else np.zeros(sa, dt)
    b = _rand(sb, dt)
    close(cnp.linalg.solve(a, b), np.linalg.solve(a, b))


def test_solve_mixed_and_noncontiguous():
    a = _well((5, 5), np.float32)
    b = _rand((5, 3), np.complex128)[::-1, ::2]
    close(cnp.linalg.solve(a, b), np.linalg.solve(a, b))
    close(cnp.linalg.solve(a.T, b[:, 0]), np.linalg.solve(a.T, b[:, 0]))


def test_inverse_errors():
    same_error(lambda xp: xp.linalg.inv(xp.ones((2, 2))))
    same_error(lambda xp: xp.linalg.inv(xp.ones((2, 3))))
    same_error(lambda xp: xp.linalg.inv(xp.ones(3)))
    same_error(lambda xp: xp.linalg.inv(xp.ones((2, 2), dtype=xp.float16)))
    same_error(lambda xp: xp.linalg.det(xp.ones((3, 2, 3))))
    same_error(lambda xp: xp.linalg.slogdet(xp.ones(2)))
    same_error(lambda xp: xp.linalg.solve(xp.ones((2, 2)), xp.ones(2)))
    same_error(lambda xp: xp.linalg.solve(xp.eye(2), xp.ones(3)))
    same_error(lambda xp: xp.linalg.solve(xp.eye(2), xp.ones((3, 1))))
    same_error(lambda xp: xp.linalg.solve(xp.ones((2, 3)), xp.ones(2)))
    same_error(lambda xp: xp.linalg.solve(xp.ones((4, 3, 3)), xp.ones(3)))
    same_error(lambda xp: xp.linalg.solve(xp.ones((4, 3, 3)), xp.ones((3, 5))))
    same_error(lambda xp: xp.linalg.inv(xp.array([[[1.0, 0], [0, 1]], [[1, 1], [1, 1]]])))


# -- decompositions --------------------------------------------------------------------------------
def _h(x):
    return np.conj(np.swapaxes(x, -1, -2))


@pytest.mark.parametrize("dt", ALL)
@pytest.mark.parametrize("shape", [(4, 4), (3, 5, 5), (1, 1), (0, 0), (2, 0, 0)])
def test_cholesky(dt, shape):
    a = _rand(shape, dt if np.dtype(dt).kind in "fc" else np.float64)
    spd = a @ _h(a) + shape[-1] * np.eye(shape[-1]) if shape[-1] else a
    spd = spd.astype(dt) if np.dtype(dt).kind in "fc" else spd
    L = np.asarray(cnp.linalg.cholesky(spd))
    W = np.linalg.cholesky(spd)
    close(L, W)
    close(L @ _h(L), spd.astype(W.dtype))
    assert np.allclose(np.triu(L, 1), 0)


@pytest.mark.parametrize("dt", ALL)
@pytest.mark.parametrize("shape", [(4, 4), (3, 5, 5), (1, 1), (0, 0)])
@pytest.mark.parametrize("uplo", ["L", "U"])
def test_eigh(dt, shape, uplo):
    a = _rand(shape, dt)
    a = (a + _h(a)).astype(dt) if np.dtype(dt).kind in "fc" else a + np.swapaxes(a, -1, -2)
    w, v = cnp.linalg.eigh(a, UPLO=uplo)
    ww, wv = np.linalg.eigh(a, UPLO=uplo)
    close(w, ww)
    w, v = np.asarray(w), np.asarray(v)
    assert v.dtype == wv.dtype and v.shape == wv.shape
    close(v @ (w[..., None] * _h(v)), a.astype(v.dtype), dtype=False)
    close(cnp.linalg.eigvalsh(a, uplo), np.linalg.eigvalsh(a, uplo))


@pytest.mark.parametrize("dt", ALL)
@pytest.mark.parametrize("shape", [(4, 4), (3, 5, 5), (1, 1), (0, 0)])
def test_eig(dt, shape):
    a = _rand(shape, dt)
    w, v = cnp.linalg.eig(a)
    ww, wv = np.linalg.eig(a)
    w, v = np.asarray(w), np.asarray(v)
    assert w.dtype == ww.dtype and v.dtype == wv.dtype and w.shape == ww.shape and v.shape == wv.shape
    af = a.astype(v.dtype) if a.dtype.kind not in "fc" or v.dtype.kind == "c" else a
    close(af @ v, v * w[..., None, :], rtol=_tol(w.dtype) * 50, dtype=False)
    key = lambda z: np.sort_complex(np.asarray(z, complex).ravel())  # noqa: E731
    close(key(cnp.linalg.eigvals(a)), key(ww), rtol=_tol(w.dtype) * 50, dtype=False)
    assert np.asarray(cnp.linalg.eigvals(a)).dtype == np.linalg.eigvals(a).dtype


def test_eig_real_vs_complex_output():
    rot = np.array([[0.0, -1.0], [1.0, 0.0]])
    w, v = cnp.linalg.eig(rot)
    assert np.asarray(w).dtype == np.complex128
    close(np.asarray(rot) @ np.asarray(v), np.asarray(v) * np.asarray(w)[None, :], dtype=False)
    w, _ = cnp.linalg.eig(np.diag([1.0, 2.0]))
    assert np.asarray(w).dtype == np.float64


@pytest.mark.parametrize("dt", ALL)
@pytest.mark.parametrize("shape", [(4, 4), (3, 5), (5, 3), (2, 4, 6), (1, 1), (2, 0), (0, 3), (0, 0)])
@pytest.mark.parametrize("full", [True, False])
def test_svd(dt, shape, full):
    a = _rand(shape, dt)
    u, s, vh = cnp.linalg.svd(a, full_matrices=full)
    wu, ws, wvh = np.linalg.svd(a, full_matrices=full)
    u, s, vh = np.asarray(u), np.asarray(s), np.asarray(vh)
    for g, w in ((u, wu), (s, ws), (vh, wvh)):
        assert g.shape == w.shape and g.dtype == w.dtype
    close(s, ws)
    k = s.shape[-1]
    close((u[..., :, :k] * s[..., None, :]) @ vh[..., :k, :], a.astype(u.dtype), dtype=False)
    close(cnp.linalg.svd(a, compute_uv=False), np.linalg.svd(a, compute_uv=False))


@pytest.mark.parametrize("dt", ALL)
@pytest.mark.parametrize("shape", [(4, 4), (5, 3), (3, 5), (2, 4, 3), (0, 3), (3, 0)])
@pytest.mark.parametrize("mode", ["reduced", "complete", "r"])
def test_qr(dt, shape, mode):
    a = _rand(shape, dt)
    want = np.linalg.qr(a, mode=mode)
    got = cnp.linalg.qr(a, mode=mode)
    if mode == "r":
        close(np.abs(np.asarray(got)), np.abs(want))
        return
    q, r = np.asarray(got[0]), np.asarray(got[1])
    assert q.shape == want[0].shape and r.shape == want[1].shape and q.dtype == want[0].dtype
    close(q @ r, a.astype(q.dtype), dtype=False)
    close(np.abs(r), np.abs(want[1]))
    close(_h(q) @ q, np.broadcast_to(np.eye(q.shape[-1]), q.shape[:-2] + (q.shape[-1],) * 2).astype(q.dtype))


def test_decomposition_errors():
    same_error(lambda xp: xp.linalg.cholesky(-xp.eye(2)))
    same_error(lambda xp: xp.linalg.cholesky(xp.ones((2, 3))))
    same_error(lambda xp: xp.linalg.eigh(xp.ones((2, 3))))
    same_error(lambda xp: xp.linalg.eigh(xp.eye(2), UPLO="X"))
    same_error(lambda xp: xp.linalg.eig(xp.array([[np.nan, 1.0], [1.0, 1.0]])))
    same_error(lambda xp: xp.linalg.eigvals(xp.array([[np.inf, 1.0], [1.0, 1.0]])))
    same_error(lambda xp: xp.linalg.svd(xp.array([[np.nan, 1.0], [1.0, 1.0]])))
    same_error(lambda xp: xp.linalg.svd(xp.ones(3)))
    same_error(lambda xp: xp.linalg.qr(xp.ones(3)))
    same_error(lambda xp: xp.linalg.qr(xp.ones((2, 2)), mode="bad"))
    same_error(lambda xp: xp.linalg.eig(xp.ones((2, 2), dtype=xp.float16)))


# -- least squares, pinv, rank, cond, norm, powers ---------------------------------------------
@pytest.mark.parametrize("dt", [np.float64, np.float32, np.complex128, np.int64])
@pytest.mark.parametrize("sa,sb", [((6, 3), (6,)), ((6, 3), (6, 2)), ((3, 6), (3,)), ((4, 4), (4, 1)),
                                   ((5, 2), (5, 0)), ((0, 2), (0,))])
@pytest.mark.parametrize("rcond", ["warn", None, -1, 1e-3])
def test_lstsq(dt, sa, sb, rcond):
    a, b = _rand(sa, dt), _rand(sb, dt)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        want = np.linalg.lstsq(a, b, rcond=rcond)
        got = cnp.linalg.lstsq(a, b, rcond=rcond)
    close(got[0], want[0], rtol=_tol(want[0].dtype) * 10)
    close(got[1], want[1], rtol=_tol(want[0].dtype) * 10)
    assert got[2] == want[2] and type(got[2]) is int
    close(got[3], want[3])


def test_lstsq_warns_and_errors():
    with pytest.warns(FutureWarning):
        cnp.linalg.lstsq(np.ones((3, 2)), np.ones(3))
    same_error(lambda xp: xp.linalg.lstsq(xp.ones((3, 2)), xp.ones(2), rcond=None))
    same_error(lambda xp: xp.linalg.lstsq(xp.ones((2, 3, 2)), xp.ones(3), rcond=None))
    rank_def = np.array([[1.0, 2.0], [2.0, 4.0], [3.0, 6.0]])
    got = cnp.linalg.lstsq(rank_def, [1.0, 2.0, 3.0], rcond=None)
    want = np.linalg.lstsq(rank_def, [1.0, 2.0, 3.0], rcond=None)
    assert got[2] == want[2] == 1
    close(got[0], want[0])
    close(got[1], want[1])


@pytest.mark.parametrize("dt", [np.float64, np.float32, np.complex128, np.int32])
@pytest.mark.parametrize("shape", [(4, 4), (5, 3), (2, 3, 6), (0, 3)])
def test_pinv_rank(dt, shape):
    a = _rand(shape, dt)
    close(cnp.linalg.pinv(a), np.linalg.pinv(a), rtol=_tol(a.dtype if a.dtype.kind in "fc" else "f8") * 100)
    if shape[-2] and shape[-1]:
        close(cnp.linalg.matrix_rank(a), np.linalg.matrix_rank(a))
        r = a[..., :1, :] * np.ones(a.shape[-2])[:, None]
        assert cnp.linalg.matrix_rank(r) == np.linalg.matrix_rank(r) if r.ndim == 2 else True
    if shape[-2] and shape[-1]:
        tol = np.linspace(0.1, 2.0, shape[0])[:, None] if len(shape) == 3 else 0.5
        if len(shape) == 3:
            tol = tol[:, 0]
        close(cnp.linalg.matrix_rank(a, tol), np.linalg.matrix_rank(a, tol))
        rc = np.array([0.3, 1e-15])[:shape[0]] if len(shape) == 3 else 0.2
        close(cnp.linalg.pinv(a, rc), np.linalg.pinv(a, rc), rtol=_tol(a.dtype if a.dtype.kind in "fc" else "f8") * 100)
    assert cnp.linalg.matrix_rank(np.zeros(3)) == np.linalg.matrix_rank(np.zeros(3))
    assert cnp.linalg.matrix_rank(np.ones(3)) == 1


@pytest.mark.parametrize("p", [None, 1, -1, 2, -2, np.inf, -np.inf, "fro", "nuc"])
@pytest.mark.parametrize("dt", [np.float64, np.float32, np.complex128])
def test_cond(p, dt):
    a = _well((4, 4), dt)
    close(cnp.linalg.cond(a, p), np.linalg.cond(a, p), rtol=1e-3 if dt != np.float64 else 1e-8)
    if p != "nuc":
        a = _well((3, 4, 4), dt)
        close(cnp.linalg.cond(a, p), np.linalg.cond(a, p), rtol=1e-3 if dt != np.float64 else 1e-8)
    sing = np.array([[1.0, 2.0], [2.0, 4.0]], dt)
    if p == "nuc":  # NumPy's SVD of the NaN inverse fails
        same_error(lambda xp: xp.linalg.cond(sing, p))
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        g, w = cnp.linalg.cond(sing, p), np.linalg.cond(sing, p)
    assert np.asarray(g).dtype == np.asarray(w).dtype
    g, w = abs(g), abs(w)
    assert (np.isinf(g) and np.isinf(w)) or abs(g - w) <= 1e-3 * w or (w > 1e7 and g > 1e7) or (w < 1e-6 and g < 1e-6)


VEC_ORDS = [None, 0, 1, 2, 3, 0.5, -1, -2, np.inf, -np.inf]
MAT_ORDS = [None, "fro", "nuc", 1, -1, 2, -2, np.inf, -np.inf]


@pytest.mark.parametrize("dt", [np.float64, np.float32, np.complex64, np.int64])
def test_norm(dt):
    v = _rand((7,), dt)
    m = _rand((3, 4, 5), dt)
    if np.dtype(dt).kind == "i":
        # No zeros: 0 ** -2 in cnumpy's power leaves errno = ERANGE, which makes CPython's
        # abs(complex(nan)) raise OverflowError in later tests (test_scalars); reported.
        v, m = np.where(v == 0, 3, v), np.where(m == 0, -4, m)
    rt = 1e-4 if np.dtype(dt) in (np.float32, np.complex64) else 1e-10
    for o in VEC_ORDS:
        with np.errstate(divide="ignore"):
            close(cnp.linalg.norm(v, o), np.linalg.norm(v, o), rtol=rt)
            close(cnp.linalg.norm(m, o, axis=1), np.linalg.norm(m, o, axis=1), rtol=rt)
            close(cnp.linalg.norm(m, o, axis=-1, keepdims=True), np.linalg.norm(m, o, axis=-1, keepdims=True), rtol=rt)
    for o in MAT_ORDS:
        close(cnp.linalg.norm(m, o, axis=(1, 2)), np.linalg.norm(m, o, axis=(1, 2)), rtol=rt)
        close(cnp.linalg.norm(m, o, axis=(2, 0), keepdims=True), np.linalg.norm(m, o, axis=(2, 0), keepdims=True), rtol=rt)
        close(cnp.linalg.norm(m[0], o), np.linalg.norm(m[0], o), rtol=rt)
    close(cnp.linalg.norm(m), np.linalg.norm(m), rtol=rt)
    close(cnp.linalg.norm(m, keepdims=True), np.linalg.norm(m, keepdims=True), rtol=rt)
    close(cnp.linalg.norm(m[0][::2, ::-1]), np.linalg.norm(m[0][::2, ::-1]), rtol=rt)
    close(cnp.linalg.norm(m[0], "f"), np.linalg.norm(m[0], "f"), rtol=rt)
    close(cnp.linalg.norm(m[0, 0], 2, keepdims=True), np.linalg.norm(m[0, 0], 2, keepdims=True), rtol=rt)
    close(cnp.linalg.norm(np.zeros((0, 3))), np.linalg.norm(np.zeros((0, 3))))


def test_norm_errors():
    same_error(lambda xp: xp.linalg.norm(xp.ones(3), "fro"))
    same_error(lambda xp: xp.linalg.norm(xp.ones((3, 3)), "bad"))
    same_error(lambda xp: xp.linalg.norm(xp.ones((3, 3)), 3))
    same_error(lambda xp: xp.linalg.norm(xp.ones((3, 3, 3)), axis=(0, 1, 2)))
    same_error(lambda xp: xp.linalg.norm(xp.ones((3, 3)), axis=(0, 0)))
    same_error(lambda xp: xp.linalg.norm(xp.ones((3, 3)), axis="a"))
    same_error(lambda xp: xp.linalg.norm(xp.ones((3, 3, 3)), "fro"))
    same_error(lambda xp: xp.linalg.norm(xp.ones((3, 3)), "f", axis=0))
    same_error(lambda xp: xp.linalg.norm(xp.ones((3, 3)), axis=(0, 5)))
    same_error(lambda xp: xp.linalg.norm(xp.ones((3, 3)), 1, axis=2))


@pytest.mark.parametrize("n", [0, 1, 2, 3, 5, 8, -1, -3])
@pytest.mark.parametrize("dt", [np.float64, np.complex64, np.int64])
def test_matrix_power(n, dt):
    a = _well((2, 3, 3), dt) if n < 0 else _rand((2, 3, 3), dt)
    if dt == np.int64 and n < 0:
        a = np.array([[2, 1, 0], [1, 2, 0], [0, 0, 1]])
    close(cnp.linalg.matrix_power(a, n), np.linalg.matrix_power(a, n), rtol=1e-3 if dt == np.complex64 else 1e-9)


def test_matrix_power_identity_and_ints():
    a = cnp.array([[1, 1], [1, 0]])
    assert cnp.linalg.matrix_power(a, 1) is a
    close(cnp.linalg.matrix_power(a, 40), np.linalg.matrix_power(np.array([[1, 1], [1, 0]]), 40))
    close(cnp.linalg.matrix_power(np.ones((0, 0)), 3), np.linalg.matrix_power(np.ones((0, 0)), 3))


def test_matrix_power_errors():
    same_error(lambda xp: xp.linalg.matrix_power(xp.ones((2, 3)), 2))
    same_error(lambda xp: xp.linalg.matrix_power(xp.ones((2, 2)), 1.5))


@pytest.mark.parametrize("shapes", [[(3, 4), (4, 5)], [(3, 4), (4, 5), (5, 2)], [(4,), (4, 5), (5, 2), (2,)],
                                    [(10, 2), (2, 30), (30, 3), (3, 7)], [(4,), (4, 6), (6, 3)]])
def test_multi_dot(shapes):
    ops = [_rand(s) for s in shapes]
    close(cnp.linalg.multi_dot(ops), np.linalg.multi_dot(ops))


def test_multi_dot_errors():
    same_error(lambda xp: xp.linalg.multi_dot([xp.ones(3)]))
    same_error(lambda xp: xp.linalg.multi_dot([xp.ones((2, 2)), xp.ones((2, 2, 2)), xp.ones((2, 2))]))


# -- C entry points added for issue 6: cond / multi_dot details, qr raw, small stacked products ---
def test_cond_errors_and_edges():
    same_error(lambda xp: xp.linalg.cond(xp.ones((0, 0))))
    same_error(lambda xp: xp.linalg.cond(xp.ones((2, 0, 3)), 1))
    same_error(lambda xp: xp.linalg.cond(xp.ones(3), 1))
    same_error(lambda xp: xp.linalg.cond(xp.ones(3)))
    same_error(lambda xp: xp.linalg.cond(xp.ones((2, 3)), 1))
    same_error(lambda xp: xp.linalg.cond(xp.ones((2, 2)), 3))
    same_error(lambda xp: xp.linalg.cond(xp.ones((2, 2)), "foo"))
    for a in [np.array([[1, 2], [3, 5]]), np.array([[True, False], [False, True]]), _well((3, 3), np.complex64),
              _well((2, 3, 3)).transpose(0, 2, 1), np.array([[np.nan, 1.0], [1.0, 2.0]]), _rand((3, 5))]:
        for p in [None, 1, np.inf, "fro", -2]:
            if a.shape[-1] != a.shape[-2] and p not in (None, -2):
                continue
            if np.isnan(a).any() and p in (None, -2):  # NumPy's SVD of a NaN matrix fails
                same_error(lambda xp: xp.linalg.cond(a, p))
                continue
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                close(cnp.linalg.cond(a, p), np.linalg.cond(a, p), rtol=1e-3)
    sing = np.array([[[1.0, 2.0], [2.0, 4.0]], [[2.0, 0.0], [0.0, 1.0]]])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        g, w = cnp.linalg.cond(sing, 1), np.linalg.cond(sing, 1)
    assert np.isinf(np.asarray(g)[0]) and np.isinf(w[0])
    close(np.asarray(g)[1:], w[1:])


def test_multi_dot_more():
    ops = [_rand((6,)), _rand((6, 3)), _rand((3, 9)), _rand((9, 2)), _rand((2, 5)), _rand((5,))]
    close(cnp.linalg.multi_dot(ops), np.linalg.multi_dot(ops))
    ops = [_rand((4, 3), np.complex128), _rand((3, 5), np.float32), _rand((5, 2), np.int64)]
    close(cnp.linalg.multi_dot(ops), np.linalg.multi_dot(ops))
    out = cnp.zeros((4, 2), dtype=cnp.complex128)
    assert cnp.linalg.multi_dot([cnp.asarray(o) for o in ops], out=out) is out
    close(out, np.linalg.multi_dot(ops))
    same_error(lambda xp: xp.linalg.multi_dot([]))
    same_error(lambda xp: xp.linalg.multi_dot([xp.ones((2, 3)), xp.ones((2, 2)), xp.ones((2, 2))]))
    same_error(lambda xp: xp.linalg.multi_dot([xp.ones((2, 2)), xp.ones((2, 2)), xp.ones(())]))


@pytest.mark.parametrize("shape", [(3, 2), (2, 3), (4, 4), (2, 5, 3), (3, 2, 4, 4), (0, 3), (3, 0), (2, 0, 0)])
@pytest.mark.parametrize("dt", ALL)
def test_qr_raw(shape, dt):
    a = _rand(shape, dt)
    h, tau = cnp.linalg.qr(a, mode="raw")
    wh, wt = np.linalg.qr(a, mode="raw")
    close(h, wh)
    close(tau, wt)


SMALL_SHAPES = [((1000, 8, 8), (1000, 8, 8)), ((9, 5, 8), (8, 8)), ((3, 16, 16), (3, 16, 16)), ((4, 7, 3), (3, 2)),
                ((6, 3, 5), (6, 5, 4)), ((2, 1, 4, 9), (3, 9, 16)), ((5, 4), (2, 4, 1)), ((8,), (7, 8, 8)),
                ((7, 8, 8), (8,)), ((11, 2, 6), (11, 6, 2)), ((4, 0, 8), (8, 8)), ((3, 5, 5), (3, 5, 3))]


@pytest.mark.parametrize("sa,sb", SMALL_SHAPES)
@pytest.mark.parametrize("dt", FLOATS)
def test_matmul_small_stacks(sa, sb, dt):
    a, b = _rand(sa, dt), _rand(sb, dt)
    close(cnp.matmul(a, b), np.matmul(a, b))
    # non-contiguous and negative-stride views of the same values
    a2 = np.ascontiguousarray(np.swapaxes(a, -1, -2)) if a.ndim >= 2 else a
    av = np.swapaxes(a2, -1, -2) if a.ndim >= 2 else a[::-1][::-1]
    bv = np.ascontiguousarray(b[..., ::-1])[..., ::-1]
    close(cnp.matmul(cnp.asarray(a2).swapaxes(-1, -2) if a.ndim >= 2 else av, cnp.asarray(bv)), np.matmul(av, bv))
    wide = _rand(sb[:-1] + (2 * sb[-1],), dt)[..., ::2] if len(sb) >= 2 else b
    close(cnp.matmul(a, wide), np.matmul(a, wide))


def test_matmul_small_unaligned_views():
    v = _rand(64)
    a = np.frombuffer(bytes(bytearray(1) + v.tobytes()), dtype=np.float64, offset=1).reshape(8, 8)
    ca = cnp.asarray(a)
    close(cnp.matmul(ca, ca), a @ a)
    close(cnp.matmul(ca[:, ::2].T, ca[:, 1::2]), a[:, ::2].T @ a[:, 1::2])
