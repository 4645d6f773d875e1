"""Fault injection through the Python package (issue 18): for operations from every module, on
both backends, every heap allocation the library makes during the call is made to fail in turn
(an LD_PRELOAD shim, tests/fault/failmalloc.c); the call must raise MemoryError or give the right
result, never crash, abort or raise anything else, and the library must work afterwards.

One subprocess per module and backend (python_fault_child.py does the sweeps). Run by CTest
(`fault_injection_python`), which sets CNUMPY_FAILMALLOC to the shim and CNUMPY_LIBRARY.
"""
import json
import os
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
SHIM = os.environ.get("CNUMPY_FAILMALLOC")

GROUPS = {
    "core": ["zeros_reshape", "astype", "dtype_record", "dtype_offsets", "datetime_cast",
             "concatenate", "fancy_index", "boolean_index"],
    "ufunc": ["add_broadcast", "sin"],
    "reduce_statistics": ["sum_axis", "median", "percentile", "histogram"],
    "linalg": ["matmul_stack", "einsum", "inv", "svd"],
    "fft": ["fft", "rfftn"],
    "print": ["repr"],
    "random": ["random_normal"],
    "sort": ["sort", "unique"],
    "polynomial": ["polyval", "polynomial_roots"],
    "audio": ["resample"],
}


@pytest.mark.skipif(not SHIM, reason="CNUMPY_FAILMALLOC (the shim) is set by the CTest fault_injection_python")
@pytest.mark.parametrize("backend", ["ctypes", "cffi", "ctypes+fast-path"])
@pytest.mark.parametrize("group", sorted(GROUPS))
def test_allocation_failures_are_memory_errors(group, backend):
    # The backends' own error mapping is swept with the C fast path off; with it on, a fast call
    # that fails hands the call to the Python path, which repeats it (and then usually succeeds,
    # the one failing allocation being past), so there a correct result counts as much as a
    # MemoryError.
    fast = backend.endswith("+fast-path")
    env = dict(os.environ, LD_PRELOAD=SHIM, CNUMPY_BACKEND=backend.split("+")[0],
               CNUMPY_SPEEDUPS="1" if fast else "0")
    proc = subprocess.run([sys.executable, os.path.join(HERE, "python_fault_child.py")] + GROUPS[group],
                          env=env, capture_output=True, text=True, timeout=600)
    # A crash or abort is a negative return code (the signal) or a non-zero exit.
    assert proc.returncode == 0, (proc.returncode, proc.stderr[-3000:])
    rows = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    assert [r["op"] for r in rows] == GROUPS[group]
    for r in rows:
        assert r["bad"] == [], r
        # The sweep injected failures (the operation allocates) and most of them surfaced.
        assert r["allocations"] > 0 and (fast or r["memory_errors"] > 0), r
        assert r["memory_errors"] + r["succeeded"] == r["allocations"], r
    sys.stdout.write("\n".join(json.dumps(r) for r in rows) + "\n")
