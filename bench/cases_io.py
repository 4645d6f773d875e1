"""Benchmark cases for numpy's binary I/O (issue 25), with the issue's targets in the notes:
save+load of 100 MB (>= 1.0x NumPy, close to the page cache's bandwidth), memory-mapped loads of
a 10 MB and a 1 GB file (O(1): only the header is read, the times must not grow with the size),
and savez_compressed. Files go to $CNUMPY_BENCH_DIR (default /tmp), i.e. the page cache.
`/usr/bin/python3 bench/run.py --filter io_` runs this file's cases.
"""
import os

from harness import Case

DIR = os.environ.get("CNUMPY_BENCH_DIR", "/tmp")


def _path(name):
    return os.path.join(DIR, "cnumpy_bench_%d_%s" % (os.getpid(), name))


def _save_load(n_bytes):
    def setup(np, cnp):
        a = np.random.default_rng(25).standard_normal(n_bytes // 8)
        ca = cnp.array(a)
        pn, pc = _path("n.npy"), _path("c.npy")

        def run_np():
            np.save(pn, a)
            return np.load(pn)

        def run_cn():
            cnp.save(pc, ca)
            return cnp.load(pc)
        return run_np, run_cn
    return setup


def _mmap(n_bytes):
    def setup(np, cnp):
        p = _path("m%d.npy" % n_bytes)
        if not os.path.exists(p):
            # A sparse file: the header, then n_bytes the mapping never touches.
            np.lib.format.open_memmap(p, mode="w+", dtype="f8", shape=(n_bytes // 8,))

        def run_np():
            m = np.load(p, mmap_mode="r")
            return m.shape

        def run_cn():
            m = cnp.load(p, mmap_mode="r")
            return m.shape
        return run_np, run_cn
    return setup


def _savez_compressed(np, cnp):
    a = np.arange(10 ** 6, dtype="f8") % 1000
    b = np.random.default_rng(25).integers(0, 100, 10 ** 6)
    ca, cb = cnp.array(a), cnp.array(b)
    pn, pc = _path("n.npz"), _path("c.npz")
    return (lambda: np.savez_compressed(pn, a=a, b=b)), (lambda: cnp.savez_compressed(pc, a=ca, b=cb))


def _npz_load(np, cnp):
    p = _path("l.npz")
    np.savez(p, a=np.arange(10 ** 6, dtype="f8"), b=np.ones((1000, 100)))

    def run(m):
        with m.load(p) as z:
            return z["a"], z["b"]
    return (lambda: run(np)), (lambda: run(cnp))


CASES = [
    Case("io_save_load_100MB", "np.save(p, a); np.load(p), a float64 100 MB", _save_load(100 * 2 ** 20),
         note="target >= 1.0x. One write(2) of the array's memory after the header; load reads the "
              "header, checks the file size, then one read(2) into the new array."),
    Case("io_save_load_1MB", "np.save(p, a); np.load(p), a float64 1 MB", _save_load(2 ** 20),
         note="per-call overhead: NumPy's header is Python (repr, literal_eval), ours C++."),
    Case("io_load_mmap_10MB", "np.load(p, mmap_mode='r'), 10 MB file", _mmap(10 * 2 ** 20),
         note="O(1): header read and mmap(2) only; compare with the 1 GB case."),
    Case("io_load_mmap_1GB", "np.load(p, mmap_mode='r'), 1 GB file", _mmap(2 ** 30),
         note="O(1): the same time as 10 MB (nothing of the data is read)."),
    Case("io_savez_compressed_16MB", "np.savez_compressed(p, a=a, b=b), 2 x 8 MB", _savez_compressed,
         note="no target: deflate (zlib, level 6 for both) dominates."),
    Case("io_npz_load_16MB", "np.load(p)['a'], ['b'] of an uncompressed .npz, 16 MB", _npz_load,
         note="no target: libzip over the archive read once into memory; NumPy's zipfile reads members."),
]
