"""Timing core of the benchmarks: cases, interleaved timing, machine facts.

A case names one operation and builds the two calls to compare, NumPy's and cnumpy's, from the
two modules; inputs are made in setup, outside the timed region. Files bench/cases_*.py define
CASES = [Case(...), ...] and bench/run.py collects them all.
"""
import gc
import os
import platform
import resource
import statistics
import time
from dataclasses import dataclass
from typing import Callable


@dataclass
class Case:
    name: str                 # short unique name, used by --filter ("zeros", "arange_int64")
    call: str                 # the NumPy call being measured, for the table ("np.zeros(10**7)")
    setup: Callable           # setup(np, cnp) -> (numpy_fn, cnumpy_fn), both without arguments
    note: str = ""            # what to keep in mind when reading the ratio
    per_backend: bool = False  # run once per cnumpy backend (ctypes, cffi), each in a subprocess


def _run(fn, loops, faults=None):
    """Seconds per call of fn over `loops` back-to-back calls; adds the page faults taken to
    faults[0] when given (memory-bound cases are often decided by them)."""
    f0 = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    t0 = time.perf_counter()
    for _ in range(loops):
        fn()
    dt = time.perf_counter() - t0
    if faults is not None:
        faults[0] += resource.getrusage(resource.RUSAGE_SELF).ru_minflt - f0
    return dt / loops


def calibrate(fn, target):
    """Loops per repeat so that one repeat lasts about `target` seconds (doubling, like timeit's
    autorange). One untimed call first, then the calibration calls, form the warm-up: lazy imports,
    caches and the allocator's first growth are paid before any timed repeat, and a slow first
    call cannot leave the loop count at 1."""
    fn()
    loops = 1
    while True:
        per_call = _run(fn, loops)
        if per_call * loops >= target or loops >= 1 << 22:
            return loops
        loops = max(loops * 2, min(int(target / max(per_call, 1e-9)), loops * 100))


def compare(np_fn, cnp_fn, repeats, target):
    """Median seconds per call of both functions, timed alternately: numpy, cnumpy, numpy, ...
    Alternating spreads slow phases of a shared, noisy machine (other jobs, frequency changes)
    over both sides instead of penalising whichever ran second."""
    np_loops, cnp_loops = calibrate(np_fn, target), calibrate(cnp_fn, target)
    np_t, cnp_t = [], []
    np_f, cnp_f = [0], [0]
    gc_was_enabled = gc.isenabled()
    gc.disable()                        # a collection in the middle of one side's repeat is noise
    try:
        for _ in range(repeats):
            np_t.append(_run(np_fn, np_loops, np_f))
            cnp_t.append(_run(cnp_fn, cnp_loops, cnp_f))
    finally:
        if gc_was_enabled:
            gc.enable()
    return {
        "numpy_s": statistics.median(np_t), "cnumpy_s": statistics.median(cnp_t),
        "numpy_spread": (max(np_t) - min(np_t)) / statistics.median(np_t),
        "cnumpy_spread": (max(cnp_t) - min(cnp_t)) / statistics.median(cnp_t),
        "numpy_faults": np_f[0] / (np_loops * repeats), "cnumpy_faults": cnp_f[0] / (cnp_loops * repeats),
        "numpy_loops": np_loops, "cnumpy_loops": cnp_loops, "repeats": repeats,
    }


def machine_info():
    """CPU model, core counts, memory: what a reader needs to judge the absolute times."""
    info = {"cpu": platform.processor() or platform.machine(), "python": platform.python_version(),
            "cores_online": os.cpu_count(), "cores_usable": len(os.sched_getaffinity(0))}
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    info["cpu"] = line.split(":", 1)[1].strip()
                    break
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
            info["memory"] = f"{kb / 2**20:.1f} GiB"
    except OSError:
        pass
    info["kernel"] = platform.release()
    try:   # NumPy madvises huge pages for big buffers; whether that helps depends on this mode
        with open("/sys/kernel/mm/transparent_hugepage/enabled") as f:
            info["transparent huge pages"] = f.read().strip()
    except OSError:
        pass
    return info
