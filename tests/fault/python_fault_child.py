"""Child process of test_python_faults.py (issue 18): runs under LD_PRELOAD=libcnumpy_failmalloc.so
and sweeps allocation failures over operations of the Python package.

For each operation named on the command line: run it once with the shim counting the K heap
allocations made on behalf of libcnumpy, then for N = 1..K run it with exactly the Nth of them
failing. Each such call must raise MemoryError or return the reference result; afterwards the same
operation, unarmed, must give the reference result again (the library is still usable). Prints one
JSON line per operation: {"op", "allocations", "memory_errors", "succeeded", "bad": [...]}.
Any crash or abort shows as the child's exit status.
"""
import ctypes
import json
import os
import sys

import cnumpy as cnp
import cnumpy.audio
import cnumpy.fft
import cnumpy.linalg
import cnumpy.polynomial
import cnumpy.random

shim = ctypes.CDLL(os.environ["CNUMPY_FAILMALLOC"])
shim.failmalloc_arm.argtypes = [ctypes.c_char_p, ctypes.c_longlong]
shim.failmalloc_disarm.restype = ctypes.c_longlong
shim.failmalloc_refused.restype = ctypes.c_longlong
LIBRARY = b"libcnumpy.so"

m = cnp.arange(36.0).reshape(6, 6) % 7 + cnp.eye(6) * 10  # well conditioned
v = cnp.linspace(-1.0, 1.0, 200)
ints = (cnp.arange(300) * 7919) % 101
sound = cnp.sin(cnp.arange(2000, dtype="float32") * 0.05)


def stack8():
    return cnp.arange(4 * 64.0).reshape(4, 8, 8)


# name -> callable returning a result to compare (arrays as (dtype str, shape, tolist), strings).
OPS = {
    # core: creation, views, casts, dtypes
    "zeros_reshape": lambda: cnp.zeros((30, 40)).reshape(1200, 1),
    "astype": lambda: v.astype("float32"),
    # (dtype objects of a spelling are cached by the package: these build new ones each call)
    "dtype_record": lambda: cnp.zeros(2, dtype=[("a", "i4"), ("b", "f8", (2,))]),
    "dtype_offsets": lambda: cnp.dtype({"names": ["x", "y"], "formats": ["i4", "f8"], "offsets": [0, 8]}),
    "datetime_cast": lambda: cnp.array([1, 2]).astype("M8[3D]"),
    "concatenate": lambda: cnp.concatenate([m, m, m], axis=1),
    "fancy_index": lambda: v[ints[:50] % 200],
    "boolean_index": lambda: v[v > 0.25],
    # ufuncs and reductions
    "add_broadcast": lambda: cnp.add(m, v[:6]),
    "sin": lambda: cnp.sin(v),
    "sum_axis": lambda: m.sum(axis=0),
    "median": lambda: cnp.median(m, axis=1),
    "percentile": lambda: cnp.percentile(v, [10, 50, 90]),
    "histogram": lambda: cnp.histogram(v, bins=7),
    # linalg
    "matmul_stack": lambda: stack8() @ stack8(),
    "einsum": lambda: cnp.einsum("ij,jk->ik", m, m),
    "inv": lambda: cnp.linalg.inv(m),
    "svd": lambda: cnp.linalg.svd(m),
    # fft
    "fft": lambda: cnp.fft.fft(v),
    "rfftn": lambda: cnp.fft.rfftn(m),
    # printing
    "repr": lambda: repr(m),
    # random
    "random_normal": lambda: cnp.random.default_rng(7).normal(size=50),
    # sorting
    "sort": lambda: cnp.sort(ints),
    "unique": lambda: cnp.unique(ints, return_counts=True),
    # polynomial
    "polyval": lambda: cnp.polyval([1.0, -2.0, 3.0], v),
    "polynomial_roots": lambda: cnp.polynomial.Polynomial([6.0, -5.0, 1.0]).roots(),
    # audio
    "resample": lambda: cnp.audio.resample(sound, 44100, 48000),
}


def snapshot(r):
    """A comparable value, computed with the shim disarmed."""
    if isinstance(r, tuple):
        return [snapshot(x) for x in r]
    if isinstance(r, cnp.ndarray):
        # repr: a record's subarray field is an array inside tolist() (NumPy's), not comparable
        return [str(r.dtype), list(r.shape), repr(r.tolist())]
    return repr(r) if not isinstance(r, str) else r


def sweep(name):
    op = OPS[name]
    reference = snapshot(op())
    shim.failmalloc_arm(LIBRARY, 0)
    op()
    allocations = shim.failmalloc_disarm()
    memory_errors = succeeded = 0
    bad = []
    for n in range(1, allocations + 1):
        r = None
        shim.failmalloc_arm(LIBRARY, n)
        try:
            r = op()
        except MemoryError:
            shim.failmalloc_disarm()
            memory_errors += 1
        except BaseException as e:  # anything else is a finding
            shim.failmalloc_disarm()
            bad.append("N=%d: %s: %s" % (n, type(e).__name__, e))
        else:
            shim.failmalloc_disarm()
            succeeded += 1
            if snapshot(r) != reference:
                bad.append("N=%d: succeeded with a different result" % n)
        r = None
        if snapshot(op()) != reference:
            bad.append("N=%d: the next unarmed call gives a different result" % n)
    return {"op": name, "allocations": allocations, "memory_errors": memory_errors,
            "succeeded": succeeded, "bad": bad[:5]}


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(json.dumps(sweep(name)), flush=True)
