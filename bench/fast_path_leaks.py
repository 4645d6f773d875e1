#!/usr/bin/python3
"""Reference and memory leak check of the C fast paths (issue 22): runs each fast path 10**6
times (--calls N) and reports the process's resident memory before and after, and with a debug
build of Python sys.gettotalrefcount(). Not a timed test: run by hand,
  CNUMPY_SPEEDUPS=1 /usr/bin/python3 bench/fast_path_leaks.py [--calls N]
A leak of one object or one library handle per call shows as tens of MB over 10**6 calls; the
script fails (exit 1) when RSS grows by more than 8 MB."""
import argparse
import gc
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [os.path.join(os.path.dirname(HERE), "bindings", "python")]

import cnumpy as cnp  # noqa: E402


def rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def cases():
    a, b, c = cnp.arange(10.0), cnp.ones(10), cnp.zeros(10)
    i = cnp.arange(10)
    f64 = cnp.float64(2.0)
    i64 = cnp.int64(3)
    src = cnp.arange(2.0)

    def setitem_array():
        c[1:3] = src
        c[4] = src[0:1].reshape(())

    def setitem():
        c[3] = 1.0
        c[1:3] = 2

    def errors():
        for bad in (lambda: a + b[:3], lambda: a.sum(axis=3), lambda: cnp.zeros(-1),
                    lambda: c.__setitem__(99, 1.0), lambda: cnp.add(a, b, out=b[:3])):
            try:
                bad()
            except (ValueError, IndexError, TypeError):
                pass
    return {
        "a + b": lambda: a + b, "a + 1.5": lambda: a + 1.5, "2 * i": lambda: 2 * i,
        "a + float64": lambda: a + f64, "-a": lambda: -a, "a += 1": lambda: c.__iadd__(1.0),
        "add(out=)": lambda: cnp.add(a, b, out=c), "sqrt": lambda: cnp.sqrt(a),
        "zeros": lambda: cnp.zeros(10), "zeros int8": lambda: cnp.zeros((2, 3), "int8"),
        "sum": lambda: a.sum(), "sum axis": lambda: a.sum(axis=0, keepdims=True),
        "mean": lambda: a.mean(), "float(sum)": lambda: float(a.sum()), "copy": lambda: a.copy(),
        "astype": lambda: a.astype("float32"), "a[3]": lambda: a[3], "a[::2]": lambda: a[::2],
        "setitem": setitem, "shape": lambda: (a.shape, a.ndim, a.size, len(a), a.dtype),
        "memoryview": lambda: memoryview(a).tobytes(), "errors": errors,
        "a < b": lambda: a < b, "a == 1.5": lambda: a == 1.5, "a ** 2": lambda: a ** 2,
        "a ** 3": lambda: a ** 3, "a[k] = array": setitem_array,
        "x * 2.0": lambda: f64 * 2.0, "x + x": lambda: f64 + f64, "x < y": lambda: f64 < 1.5,
        "i64 * 3": lambda: i64 * 3, "i64 // 2": lambda: i64 // 2,
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--calls", type=int, default=10**6)
    args = ap.parse_args()
    print("fast paths active:", cnp._accel.speedups is not None, "backend:", cnp._backend.NAME)
    total = getattr(sys, "gettotalrefcount", None)
    worst = 0.0
    for name, fn in cases().items():
        n = args.calls // 10 if name == "errors" else args.calls
        for _ in range(1000):
            fn()
        gc.collect()
        r0, t0 = rss_mb(), total() if total else None
        for _ in range(n):
            fn()
        gc.collect()
        r1, t1 = rss_mb(), total() if total else None
        worst = max(worst, r1 - r0)
        print("%-14s %8d calls  RSS %+7.2f MB%s" % (name, n, r1 - r0,
                                                      "" if t0 is None else "  refs %+d" % (t1 - t0)))
    print("largest RSS growth: %.2f MB" % worst)
    return 1 if worst > 8 else 0


if __name__ == "__main__":
    sys.exit(main())
