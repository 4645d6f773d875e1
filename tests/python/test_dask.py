"""Dask arrays whose chunks are cnumpy arrays (issue 30): the same Dask expression computed on
cnumpy chunks and on NumPy chunks gives equal results, and compute() returns cnumpy arrays.
Dask calls numpy.* on the chunks; the calls reach cnumpy through __array_ufunc__ and
__array_function__ (docs/scale-out.md). The LocalCluster test runs two worker processes on the
loopback interface, with chunks pickled between processes (protocol 5, out of band).

Skipped, with the reason, when Debian's python3-dask / python3-distributed are missing
(tools/install_deps.sh installs both)."""
import os
import warnings

import numpy as np
import pytest

import cnumpy as cnp

da = pytest.importorskip("dask.array", reason="python3-dask is not installed "
                                              "(tools/install_deps.sh installs it)")
import dask  # noqa: E402

pytestmark = [
    # NumPy 1.24 reads the .dtype of an object it is given as a dtype through a deprecated path
    # when that .dtype is not a numpy.dtype: Dask hands it a cnumpy scalar's or scalar type's
    # .dtype (a cnumpy dtype, itself converted through cnumpy.dtype.dtype). The value is right.
    pytest.mark.filterwarnings("ignore:in the future the `.dtype` attribute:DeprecationWarning"),
]


@pytest.fixture(autouse=True)
def _synchronous():
    with dask.config.set(scheduler="synchronous"):
        yield


def _base(shape=(12, 10), seed=0):
    return np.random.default_rng(seed).standard_normal(shape) * 3 + 1


def _pair(shape=(12, 10), chunks=(5, 4), seed=0):
    e = _base(shape, seed)
    return da.from_array(cnp.asarray(e.copy()), chunks=chunks), da.from_array(e, chunks=chunks)


def _close(res, exp, exact=False):
    assert isinstance(res, (cnp.ndarray, cnp.generic)), type(res)
    assert np.dtype(res.dtype) == np.asarray(exp).dtype
    if exact:
        np.testing.assert_array_equal(np.asarray(res), exp)
    else:
        np.testing.assert_allclose(np.asarray(res), exp, rtol=1e-12, atol=1e-12)


def test_from_array_meta_and_compute_type():
    x, _ = _pair()
    assert isinstance(x._meta, cnp.ndarray)
    assert x.dtype == np.float64 and x.chunks == ((5, 5, 2), (4, 4, 2))
    r = x.compute()
    assert isinstance(r, cnp.ndarray) and r.shape == (12, 10)
    assert isinstance(x.blocks[1, 2].compute(), cnp.ndarray)


EXPRESSIONS = {
    "arith": lambda m, x: (x * 2 + 1) ** 2 - x / 3,
    "ufuncs": lambda m, x: da.sin(x) + da.exp(-abs(x)) * da.sqrt(abs(x)),
    "compare_where": lambda m, x: da.where(x > 1, x, -x),
    "transpose_add": lambda m, x: x + x.T.T,
    "broadcast_row": lambda m, x: x - x[0],
    "slice": lambda m, x: x[2:9:2, ::-3],
    "fancy": lambda m, x: x[[0, 3, 7]],
    "boolean": lambda m, x: x[x > 2],
    "rechunk": lambda m, x: x.rechunk((3, 10)) * 2,
    "concatenate": lambda m, x: da.concatenate([x, x * 2], axis=1),
    "stack": lambda m, x: da.stack([x, x + 1], axis=0),
    "matmul": lambda m, x: x @ x.T,
    "astype": lambda m, x: (x * 10).astype("int32"),
    "clip_round": lambda m, x: da.round(da.clip(x, -2, 3), 2),
    "cumsum": lambda m, x: x.cumsum(axis=0),
    "cumprod": lambda m, x: (x / 4).cumprod(axis=1),
    "sort_topk": lambda m, x: da.topk(x.ravel(), 5),
}


@pytest.mark.parametrize("name", sorted(EXPRESSIONS))
def test_elementwise_and_shape_expressions(name):
    x, y = _pair()
    f = EXPRESSIONS[name]
    res, exp = f(cnp, x).compute(), f(np, y).compute()
    _close(res, exp)


REDUCTIONS = ["sum", "mean", "std", "var", "min", "max", "prod", "argmin", "argmax", "any",
              "all", "nansum", "nanmean"]
AXES = [None, 0, 1, (0, 1)]


@pytest.mark.parametrize("axis", AXES, ids=str)
@pytest.mark.parametrize("name", REDUCTIONS)
def test_tree_reductions(name, axis):
    if name in ("argmin", "argmax") and isinstance(axis, tuple):
        pytest.skip("Dask's arg reductions take one axis")
    x, y = _pair(shape=(16, 12), chunks=(3, 5))
    if name in ("any", "all"):
        x, y = x > 0, y > 0
    if name == "prod":
        x, y = x / 4, y / 4
    fx = getattr(da, name)
    kw = {"split_every": 2}          # several levels of Dask's tree (chunk, combine, aggregate)
    res = fx(x, axis=axis, **kw).compute()
    exp = fx(y, axis=axis, **kw).compute()
    _close(res, exp, exact=name in ("argmin", "argmax", "any", "all", "min", "max"))


def test_reductions_with_keepdims_and_ddof():
    x, y = _pair(shape=(9, 8), chunks=(4, 3))
    _close(x.std(axis=0, ddof=1, keepdims=True).compute(),
           y.std(axis=0, ddof=1, keepdims=True).compute())
    _close(x.mean(axis=1, dtype="float32").compute(), y.mean(axis=1, dtype="float32").compute())
    _close(x.sum(axis=1, dtype="float32").compute(), y.sum(axis=1, dtype="float32").compute())


def test_mixed_numpy_and_cnumpy_chunks():
    x, y = _pair()
    r = (x + y).compute()
    _close(r, (y + y).compute())
    _close(da.concatenate([x, y]).sum(axis=0).compute(), da.concatenate([y, y]).sum(axis=0).compute())


def test_map_blocks_rfft_along_unchunked_axis():
    e = _base((8, 64))
    x = da.from_array(cnp.asarray(e), chunks=(3, 64))
    y = da.from_array(e, chunks=(3, 64))
    res = x.map_blocks(cnp.fft.rfft, axis=1, dtype="c16", chunks=(3, 33)).compute()
    exp = y.map_blocks(np.fft.rfft, axis=1, dtype="c16", chunks=(3, 33)).compute()
    assert isinstance(res, cnp.ndarray) and res.shape == (8, 33)
    np.testing.assert_allclose(np.asarray(res), exp, rtol=1e-12, atol=1e-11)
    # numpy.fft.rfft given cnumpy chunks dispatches to cnumpy.fft.rfft (NEP 18)
    via_numpy = x.map_blocks(np.fft.rfft, axis=1, dtype="c16", chunks=(3, 33)).compute()
    assert isinstance(via_numpy, cnp.ndarray)
    np.testing.assert_array_equal(np.asarray(via_numpy), np.asarray(res))


def test_map_blocks_audio_resample_per_channel_block():
    rng = np.random.default_rng(5)
    sig = cnp.asarray(rng.standard_normal((6, 4800)).astype(np.float32))
    whole = cnp.audio.resample(sig, 48000, 44100, planar=True)
    x = da.from_array(sig, chunks=(2, 4800))
    blocks = x.map_blocks(cnp.audio.resample, 48000, 44100, planar=True, dtype="f4",
                          chunks=(2, whole.shape[1])).compute()
    assert isinstance(blocks, cnp.ndarray) and blocks.dtype == cnp.float32
    np.testing.assert_array_equal(np.asarray(blocks), np.asarray(whole))   # channels independent


def test_creation_with_cnumpy_meta():
    meta = cnp.empty(0)
    for make, ref in [(lambda m: da.ones((7, 5), chunks=(3, 2), meta=m), np.ones((7, 5))),
                      (lambda m: da.zeros((7, 5), chunks=3, dtype="f4", meta=m), np.zeros((7, 5), "f4")),
                      (lambda m: da.full((7, 5), 2.5, chunks=4, meta=m), np.full((7, 5), 2.5)),
                      (lambda m: da.empty((7, 5), chunks=4, meta=m)[:0], np.empty((0, 5)))]:
        z = make(meta)
        assert isinstance(z._meta, cnp.ndarray)
        r = z.compute()
        assert isinstance(r, cnp.ndarray)
        _close(r, ref, exact=True)


def _generated(lib, n_rows=40, n_cols=16, rows_per_chunk=7):
    """A Dask array generated chunk by chunk from per-chunk seeds, without da.random."""
    def block(block_info=None):
        (r0, r1), _ = block_info[None]["array-location"]
        return lib.random.default_rng(1000 + r0).standard_normal((r1 - r0, n_cols))
    chunks = (tuple(min(rows_per_chunk, n_rows - i) for i in range(0, n_rows, rows_per_chunk)),
              (n_cols,))
    meta = lib.empty((0, 0))
    return da.map_blocks(block, chunks=chunks, dtype="f8", meta=meta)


def test_chunkwise_generation_pipeline():
    x, y = _generated(cnp), _generated(np)
    assert isinstance(x._meta, cnp.ndarray)
    _close(x.compute(), y.compute(), exact=True)      # cnumpy.random = NumPy's PCG64 streams
    _close(((x - x.mean(axis=0)) / x.std(axis=0)).sum(axis=1).compute(),
           ((y - y.mean(axis=0)) / y.std(axis=0)).sum(axis=1).compute())


def test_threaded_scheduler():
    x, y = _pair(shape=(30, 20), chunks=(4, 7))
    with dask.config.set(scheduler="threads", num_workers=2):
        res = (da.sin(x) * x).sum(axis=0).compute()
    _close(res, (da.sin(y) * y).sum(axis=0).compute())


# -- dask.distributed ------------------------------------------------------------------------
def test_local_cluster_two_worker_processes():
    distributed = pytest.importorskip(
        "distributed", reason="python3-distributed is not installed (tools/install_deps.sh "
                              "installs it); the LocalCluster test needs it")
    # The nanny writes its pre-spawn variables (OMP_NUM_THREADS=1, OPENBLAS_NUM_THREADS=1,
    # MALLOC_TRIM_THRESHOLD_) into this process's os.environ before it starts a worker; cnumpy's
    # linalg reads OPENBLAS_NUM_THREADS once, at its first call, so later tests in this process
    # would see a different OpenBLAS set-up. Put the environment back afterwards.
    saved_environ = dict(os.environ)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        cluster = distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
            dashboard_address=None, memory_limit="600MB", silence_logs=40)
    try:
        with distributed.Client(cluster, timeout="60s") as client:
            assert len(client.scheduler_info()["workers"]) == 2
            x, y = _generated(cnp, 120, 64, 9), _generated(np, 120, 64, 9)
            pipes = [lambda a: ((a * 2 + 1) ** 2).sum(axis=0),
                     lambda a: a.std(axis=1),
                     lambda a: abs(a.map_blocks(np.fft.rfft, axis=1, dtype="c16",
                                                chunks=(a.chunks[0], 33))).mean(axis=0)]
            for p in pipes:
                res = client.compute(p(x)).result(timeout=120)
                exp = client.compute(p(y)).result(timeout=120)
                assert isinstance(res, cnp.ndarray)     # pickled back from a worker process
                np.testing.assert_allclose(np.asarray(res), exp, rtol=1e-12, atol=1e-11)
            # A chunk computed in a worker process and sent back whole.
            blk = client.compute(x.blocks[3]).result(timeout=60)
            assert isinstance(blk, cnp.ndarray) and blk.shape == (9, 64)
            np.testing.assert_array_equal(np.asarray(blk),
                                          np.random.default_rng(1027).standard_normal((9, 64)))
    finally:
        cluster.close(timeout=30)
        os.environ.clear()
        os.environ.update(saved_environ)
