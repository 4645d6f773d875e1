#!/usr/bin/python3
"""A distributed run of cnumpy chunks under Dask (issue 30; not part of CI).

Starts a dask.distributed LocalCluster of 2 worker processes (1 thread each, loopback only, a
memory limit per worker), then builds an array larger than one worker's limit chunk by chunk
(each chunk drawn from its own seeded PCG64 generator: cnumpy.random for the cnumpy chunks,
numpy.random for the NumPy chunks; the two give the same numbers) and runs two pipelines on it,
once with cnumpy chunks and once with NumPy chunks, in alternating order:

  elementwise+reduction: ((x * 0.5 + 1) ** 2 - sqrt(|x|)).sum(axis=0) and x.std(axis=0)
  FFT per block:          |rfft(x, axis=1)| (map_blocks, rows chunked, the FFT axis whole)
                          then mean(axis=0)

The results of the two chunk types are compared (max relative difference printed) and the wall
times are printed side by side with the ratio NumPy/cnumpy. The chunk generation is part of
each pipeline: the array never exists whole (it does not fit the workers), as in a real job
that reads or simulates its data. A third line times the generation alone (x.sum()), so the
pipelines' own share can be read off.

Usage: /usr/bin/python3 bench/dask_cluster.py [--gb 6] [--cols 8192] [--chunk-mb 128]
           [--memory-limit 2GB] [--repeats 1]
Each worker runs cnumpy with CNUMPY_NUM_THREADS=1 (one library thread per worker thread, as
the nanny does for NumPy's BLAS), and the pipelines are run once on a small array first
(untimed: imports in the workers, FFT plans). The package and library are found as for the tests (PYTHONPATH=bindings/python,
CNUMPY_LIBRARY=build/libcnumpy.so); worker processes inherit the environment.
"""
import argparse
import os
import sys
import time

import numpy as np

import cnumpy as cnp
import dask.array as da
from dask.distributed import Client, LocalCluster


def generated(lib, rows, cols, rows_per_chunk):
    def block(block_info=None):
        (r0, r1), _ = block_info[None]["array-location"]
        return lib.random.default_rng(r0).standard_normal((r1 - r0, cols))
    chunks = (tuple(min(rows_per_chunk, rows - i) for i in range(0, rows, rows_per_chunk)),
              (cols,))
    return da.map_blocks(block, chunks=chunks, dtype="f8", meta=lib.empty((0, 0)))


def pipelines(lib):
    def elementwise(x):
        return [((x * 0.5 + 1) ** 2 - da.sqrt(abs(x))).sum(axis=0), x.std(axis=0)]

    def fft_blocks(x):
        n = x.shape[1] // 2 + 1
        spec = x.map_blocks(lib.fft.rfft, axis=1, dtype="c16", chunks=(x.chunks[0], (n,)))
        return [abs(spec).mean(axis=0)]

    def generation(x):
        return [x.sum()]
    return [("elementwise+reduction", elementwise), ("FFT per block", fft_blocks),
            ("generation only (x.sum())", generation)]


def run(client, lib, make, pipe):
    x = make(lib)
    t = time.perf_counter()
    out = client.compute(pipe(x), sync=True)
    return time.perf_counter() - t, out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gb", type=float, default=6.0, help="array size in GB (1e9 bytes)")
    ap.add_argument("--cols", type=int, default=8192)
    ap.add_argument("--chunk-mb", type=float, default=128.0)
    ap.add_argument("--memory-limit", default="2GB", help="per worker")
    ap.add_argument("--repeats", type=int, default=1)
    args = ap.parse_args()

    cols = args.cols
    rows = int(args.gb * 1e9 / 8 / cols)
    rows_per_chunk = max(1, int(args.chunk_mb * 1e6 / 8 / cols))

    def make(lib):
        return generated(lib, rows, cols, rows_per_chunk)

    print("array %d x %d float64 = %.2f GB in %d chunks of %.0f MB; 2 workers x 1 thread, "
          "memory_limit %s each" % (rows, cols, rows * cols * 8 / 1e9,
                                    -(-rows // rows_per_chunk), rows_per_chunk * cols * 8 / 1e6,
                                    args.memory_limit))
    print("load average before: %.2f %.2f %.2f (%d cores)" % (os.getloadavg() + (os.cpu_count(),)))
    # One library thread per worker thread, as the nanny sets OMP_NUM_THREADS=1 for NumPy's
    # BLAS: the workers' threads are the parallelism, the library's pool would oversubscribe.
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address=None, memory_limit=args.memory_limit,
                           silence_logs=40, env={"CNUMPY_NUM_THREADS": "1"})
    rows_out = []
    try:
        with Client(cluster) as client:
            # Warm-up, untimed: imports in the workers and the FFT plans for this length.
            for lib in (cnp, np):
                for _, pipe in pipelines(lib):
                    client.compute(pipe(generated(lib, 4 * rows_per_chunk, cols, rows_per_chunk)),
                                   sync=True)
            for name, pipe in zip(*[[p[i] for p in pipelines(np)] for i in (0, 1)]):
                best = {"cnumpy": float("inf"), "numpy": float("inf")}
                results = {}
                for rep in range(args.repeats):
                    order = [("cnumpy", cnp), ("numpy", np)]
                    if rep % 2:
                        order.reverse()
                    for label, lib in order:
                        cpipe = dict(pipelines(lib))[name]
                        dt, out = run(client, lib, make, cpipe)
                        best[label] = min(best[label], dt)
                        results[label] = out
                assert all(isinstance(r, (cnp.ndarray, cnp.generic)) for r in results["cnumpy"])
                rel = max(float(np.max(np.abs(np.asarray(c) - np.asarray(n)) /
                                       np.maximum(np.abs(np.asarray(n)), 1e-300)))
                          for c, n in zip(results["cnumpy"], results["numpy"]))
                rows_out.append((name, best["numpy"], best["cnumpy"], rel))
                print("%-28s numpy %8.2f s   cnumpy %8.2f s   ratio %.2fx   max rel diff %.1e"
                      % (name, best["numpy"], best["cnumpy"], best["numpy"] / best["cnumpy"], rel),
                      flush=True)
    finally:
        cluster.close()
    print("load average after: %.2f %.2f %.2f" % os.getloadavg())
    return 0 if all(r[3] < 1e-9 for r in rows_out) else 1


if __name__ == "__main__":
    sys.exit(main())
