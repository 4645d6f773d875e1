#!/usr/bin/python3
"""FFI scenario benchmarks (issue 8, seed 004): what crossing the Python <-> C boundary costs.

  1. basic types   trivial exported call, small scalar math, a string function and a bool
                   function: raw ctypes vs raw cffi vs pure Python vs NumPy (and the cnumpy API)
  2. arrays        1e6 pseudo-random float64 made in the library, then sum and filter: cnumpy
                   (ctypes and cffi backends) vs Python lists vs NumPy
  3. zero-copy     1 MB / 100 MB / 1 GB float64 arrays handed from the library to NumPy and back
                   (__array_interface__ and DLPack) vs a pickle round trip
  4. call overhead (issue 22; the second seed's scenario 1) the per-call cost of small NumPy
                   calls through the package: ctypes, cffi, and the C fast paths of
                   cnumpy._speedups, each next to NumPy (bench/cases_calls.py, timed by
                   bench/run.py's interleaved harness)

Each measurement is the median of several repeats of a calibrated loop, in one process per
cnumpy backend (the backend is fixed at import). Results go to docs/ffi-benchmarks.md.

Usage: /usr/bin/python3 bench/ffi/run_ffi.py [--out docs/ffi-benchmarks.md] [--quick] [--calls-only]
(--calls-only re-measures scenario 4 and replaces its section in the existing file.)
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LIB = os.environ.get("CNUMPY_LIBRARY", os.path.join(REPO, "build", "libcnumpy.so"))


def timeit(fn, repeats=7, target=0.05):
    """Median seconds per call: loops calibrated so one repeat lasts about `target` seconds."""
    fn()
    loops = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(loops):
            fn()
        dt = time.perf_counter() - t0
        if dt >= target or loops >= 1 << 22:
            break
        loops = max(loops * 2, min(int(target / max(dt / loops, 1e-9)), loops * 100))
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(loops):
            fn()
        times.append((time.perf_counter() - t0) / loops)
    return statistics.median(times)


# ---- 1. basic types: raw FFI calls, no cnumpy package --------------------------------------------
CDEF = """
int32_t cnp_abi_version(void);
typedef struct cnp_dtype cnp_dtype;
int32_t cnp_dtype_from_string(const char* spec, cnp_dtype** out);
int32_t cnp_dtype_name(const cnp_dtype* dtype, const char** out);
void cnp_dtype_free(cnp_dtype* dtype);
int32_t cnp_can_cast(const cnp_dtype* from, const cnp_dtype* to, int32_t casting, int32_t* out);
double hypot(double, double);
"""


def basic():
    import ctypes
    import math
    import cffi
    import numpy as np

    res = {}
    # ctypes
    cl = ctypes.CDLL(LIB)
    cl.cnp_abi_version.restype = ctypes.c_int32
    cl.cnp_abi_version.argtypes = []
    vp = ctypes.c_void_p
    cl.cnp_dtype_from_string.argtypes = [ctypes.c_char_p, ctypes.POINTER(vp)]
    cl.cnp_dtype_name.argtypes = [vp, ctypes.POINTER(ctypes.c_char_p)]
    cl.cnp_dtype_free.argtypes = [vp]
    cl.cnp_dtype_free.restype = None
    cl.cnp_can_cast.argtypes = [vp, vp, ctypes.c_int32, ctypes.POINTER(ctypes.c_int32)]
    libm = ctypes.CDLL("libm.so.6")
    libm.hypot.restype = ctypes.c_double
    libm.hypot.argtypes = [ctypes.c_double, ctypes.c_double]
    # cffi (ABI mode)
    ffi = cffi.FFI()
    ffi.cdef(CDEF)
    fl = ffi.dlopen(LIB)
    fm = ffi.dlopen("libm.so.6")

    def ct_name(spec):
        d = vp()
        cl.cnp_dtype_from_string(spec, ctypes.byref(d))
        s = ctypes.c_char_p()
        cl.cnp_dtype_name(d, ctypes.byref(s))
        name = s.value.decode()
        cl.cnp_dtype_free(d)
        return name

    fd, fs = ffi.new("cnp_dtype **"), ffi.new("const char **")

    def cf_name(spec):
        fl.cnp_dtype_from_string(spec, fd)
        fl.cnp_dtype_name(fd[0], fs)
        name = ffi.string(fs[0]).decode()
        fl.cnp_dtype_free(fd[0])
        return name

    aliases = {b"f4": "float32", b"float32": "float32", b"d": "float64"}
    assert ct_name(b"f4") == cf_name(b"f4") == np.dtype("f4").name == "float32"

    d8, d4 = vp(), vp()
    cl.cnp_dtype_from_string(b"f8", ctypes.byref(d8))
    cl.cnp_dtype_from_string(b"f4", ctypes.byref(d4))
    cout = ctypes.c_int32()
    f8, f4 = ffi.new("cnp_dtype **"), ffi.new("cnp_dtype **")
    fl.cnp_dtype_from_string(b"f8", f8)
    fl.cnp_dtype_from_string(b"f4", f4)
    fout = ffi.new("int32_t *")

    def ct_cast():
        cl.cnp_can_cast(d8, d4, 2, ctypes.byref(cout))
        return bool(cout.value)

    def cf_cast():
        fl.cnp_can_cast(f8[0], f4[0], 2, fout)
        return bool(fout[0])

    safe = frozenset({("f4", "f8"), ("f8", "f8")})
    npf8, npf4 = np.dtype("f8"), np.dtype("f4")

    def py_trivial():
        return 0

    res["trivial"] = {"ctypes": timeit(cl.cnp_abi_version), "cffi": timeit(fl.cnp_abi_version),
                      "python": timeit(py_trivial)}
    res["hypot"] = {"ctypes": timeit(lambda: libm.hypot(3.0, 4.0)),
                    "cffi": timeit(lambda: fm.hypot(3.0, 4.0)),
                    "python": timeit(lambda: math.hypot(3.0, 4.0)),
                    "numpy": timeit(lambda: np.hypot(3.0, 4.0))}
    res["string"] = {"ctypes": timeit(lambda: ct_name(b"f4")), "cffi": timeit(lambda: cf_name(b"f4")),
                     "python": timeit(lambda: aliases[b"f4"]),
                     "numpy": timeit(lambda: np.dtype("f4").name)}
    res["bool"] = {"ctypes": timeit(ct_cast), "cffi": timeit(cf_cast),
                   "python": timeit(lambda: ("f8", "f4") in safe),
                   "numpy": timeit(lambda: np.can_cast(npf8, npf4))}
    return res


# ---- per-backend work through the cnumpy package ------------------------------------------------
N = 10 ** 6


def noise(xp, n):
    """n pseudo-random float64 in [0, 1): a splitmix/PCG-style integer hash of the index k
    (multiply, add, xor-shift, multiply, top 53 bits), computed by the library's ufuncs. cnumpy
    has no random generator yet (numpy.random is another issue); the expression is exact integer
    arithmetic, so NumPy computes bit-identical numbers from it."""
    k = xp.arange(n, dtype="uint64")
    h = k * 6364136223846793005 + 1442695040888963407
    h = h ^ (h >> 29)
    h = h * 0xBF58476D1CE4E5B9
    return (h >> 11).astype("float64") * (2.0 ** -53)


def package(backend, sizes):
    import numpy as np
    import cnumpy as cnp
    import pickle
    import random

    res = {"backend": cnp._backend.NAME}
    assert res["backend"] == backend
    # 1. the same small operations through the cnumpy API (argument parsing + FFI + result)
    res["api"] = {"hypot": timeit(lambda: cnp.hypot(3.0, 4.0)),
                  "string": timeit(lambda: cnp.dtype("f4").name),
                  "bool": timeit(lambda: cnp.can_cast(cnp.float64, cnp.float32)),
                  "scalar_add": timeit(lambda: cnp.float64(1.5) + cnp.float64(2.5)),
                  "array_len": timeit(lambda: cnp.zeros(3).shape)}
    # 2. arrays
    x = noise(cnp, N)
    xn = noise(np, N)
    assert np.array_equal(np.asarray(x), xn)
    rng = np.random.default_rng(0)
    xs = [random.random() for _ in range(N)]
    a = {}
    a["generate"] = {"cnumpy": timeit(lambda: noise(cnp, N), repeats=5),
                     "numpy_same_math": timeit(lambda: noise(np, N), repeats=5),
                     "numpy_rng": timeit(lambda: rng.random(N), repeats=5),
                     "python": timeit(lambda: [random.random() for _ in range(N)], repeats=3)}
    a["sum"] = {"cnumpy": timeit(lambda: cnp.sum(x)), "numpy": timeit(lambda: xn.sum()),
                "python": timeit(lambda: sum(xs), repeats=3)}
    a["filter"] = {"cnumpy": timeit(lambda: (cnp.count_nonzero(x > 0.5), cnp.sum(cnp.where(x > 0.5, x, 0.0)))),
                   "numpy": timeit(lambda: xn[xn > 0.5]),
                   "numpy_same_math": timeit(lambda: (np.count_nonzero(xn > 0.5), np.where(xn > 0.5, xn, 0.0).sum())),
                   "python": timeit(lambda: [v for v in xs if v > 0.5], repeats=3)}
    res["arrays"] = a
    # 3. zero-copy
    z = {}
    for label, nbytes in sizes:
        n = nbytes // 8
        c = cnp.ones(n)
        nn = np.asarray(c)
        assert nn.__array_interface__["data"][0] == c.__array_interface__["data"][0]
        p = np.ones(n)
        z[label] = {
            "to_numpy_interface": timeit(lambda: np.asarray(c), repeats=5),
            "to_numpy_dlpack": timeit(lambda: np.from_dlpack(c), repeats=5),
            "from_numpy_asarray": timeit(lambda: cnp.asarray(p), repeats=5),
            "from_numpy_dlpack": timeit(lambda: cnp.from_dlpack(p), repeats=5),
            "pickle_round_trip": timeit(lambda: pickle.loads(pickle.dumps(p)), repeats=3, target=0.2),
        }
        c = nn = p = None     # frees the arrays before the next size
    res["zero_copy"] = z
    return res


SIZES = [("1 MB", 1 << 20), ("100 MB", 100 << 20), ("1 GB", 1 << 30)]


def fmt_t(s):
    if s < 1e-6:
        return "%.0f ns" % (s * 1e9)
    if s < 1e-3:
        return "%.2f us" % (s * 1e6)
    if s < 1:
        return "%.2f ms" % (s * 1e3)
    return "%.2f s" % s


def report(basic_res, pk, quick):
    ct, cf = pk["ctypes"], pk["cffi"]
    L = []
    L.append("# FFI scenario benchmarks")
    L.append("")
    L.append("Generated by `/usr/bin/python3 bench/ffi/run_ffi.py` (issue 8; scenarios 1, 3 and 5 of "
             "seed 004: basic types, arrays, zero-copy). Medians of repeated calibrated loops, one "
             "process per cnumpy backend. Machine: %s, Python %s, NumPy %s%s." % (
                 platform.machine(), platform.python_version(), basic_res["numpy"],
                 " (quick run)" if quick else ""))
    L.append("")
    L.append("## 1. Basic types: the cost of one call")
    L.append("")
    L.append("Raw FFI: the library's functions (and libm's `hypot`) called directly through ctypes "
             "and cffi (ABI mode), next to the same work in pure Python, in NumPy, and through the "
             "cnumpy package (which adds argument conversion and error checking).")
    L.append("")
    L.append("| operation | raw ctypes | raw cffi | pure Python | NumPy | cnumpy API (ctypes) | cnumpy API (cffi) |")
    L.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    b = basic_res["basic"]
    rows = [("trivial call `cnp_abi_version()`", "trivial", None),
            ("scalar math `hypot(3.0, 4.0)`", "hypot", "hypot"),
            ("string: dtype spelling -> name (`'f4'` -> `'float32'`)", "string", "string"),
            ("bool: `can_cast(float64, float32)`", "bool", "bool")]
    for label, k, api in rows:
        r = b[k]
        L.append("| %s | %s | %s | %s | %s | %s | %s |" % (
            label, fmt_t(r["ctypes"]), fmt_t(r["cffi"]), fmt_t(r["python"]),
            fmt_t(r["numpy"]) if "numpy" in r else "-",
            fmt_t(ct["api"][api]) if api else "-", fmt_t(cf["api"][api]) if api else "-"))
    L.append("| scalar `float64(1.5) + float64(2.5)` | - | - | - | - | %s | %s |" % (
        fmt_t(ct["api"]["scalar_add"]), fmt_t(cf["api"]["scalar_add"])))
    L.append("| `zeros(3).shape` (create + free an array) | - | - | - | - | %s | %s |" % (
        fmt_t(ct["api"]["array_len"]), fmt_t(cf["api"]["array_len"])))
    L.append("")
    L.append("Per-call overhead of the bare FFI: ctypes %s vs cffi %s for a no-argument call "
             "(ratio %.1fx); with two double arguments %s vs %s. A Python function call costs %s." % (
                 fmt_t(b["trivial"]["ctypes"]), fmt_t(b["trivial"]["cffi"]),
                 b["trivial"]["ctypes"] / b["trivial"]["cffi"], fmt_t(b["hypot"]["ctypes"]),
                 fmt_t(b["hypot"]["cffi"]), fmt_t(b["trivial"]["python"])))
    L.append("")
    L.append("## 2. Arrays: 1e6 float64, generate, sum, filter")
    L.append("")
    L.append("cnumpy has no random generator yet (numpy.random is a separate issue), so the library "
             "generates the numbers with arange-based integer math: a splitmix/PCG-style hash of the "
             "index (`h = k*A + C; h ^= h >> 29; h *= B; (h >> 11) * 2**-53`, six ufunc passes and a "
             "uint64 -> float64 cast); NumPy runs the same expression (bit-identical result, checked) "
             "and, as its idiomatic way, `default_rng().random(10**6)`. Filtering keeps the values > 0.5: NumPy with a boolean "
             "mask; cnumpy has no boolean-mask indexing on this branch, so it counts and sums them "
             "(`count_nonzero(x > 0.5)`, `sum(where(x > 0.5, x, 0))`), and NumPy's time for that same "
             "expression is shown too.")
    L.append("")
    L.append("| step | cnumpy (ctypes) | cnumpy (cffi) | NumPy (same expression) | NumPy (idiomatic) | Python list | NumPy / cnumpy-ctypes |")
    L.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for step, idiom in (("generate", "numpy_rng"), ("sum", "numpy"), ("filter", "numpy")):
        a1, a2 = ct["arrays"][step], cf["arrays"][step]
        same = a1.get("numpy_same_math", a1.get("numpy"))
        L.append("| %s | %s | %s | %s | %s | %s | %.2f |" % (
            step, fmt_t(a1["cnumpy"]), fmt_t(a2["cnumpy"]), fmt_t(same), fmt_t(a1[idiom]),
            fmt_t(a1["python"]), same / a1["cnumpy"]))
    L.append("")
    L.append("## 3. Zero-copy hand-over of large arrays")
    L.append("")
    L.append("A float64 array of each size made by the library, handed to NumPy and back without "
             "copying (the views share the data pointer, checked), vs serialising a NumPy array of "
             "the same size with pickle and loading it back (two copies).")
    L.append("")
    L.append("| size | lib -> NumPy (`np.asarray`, array interface) | lib -> NumPy (`np.from_dlpack`) | NumPy -> lib (`cnp.asarray`) | NumPy -> lib (`cnp.from_dlpack`) | pickle round trip | pickle / from_dlpack |")
    L.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, _ in SIZES:
        if label not in ct["zero_copy"]:
            continue
        r = ct["zero_copy"][label]
        L.append("| %s | %s | %s | %s | %s | %s | %.0fx |" % (
            label, fmt_t(r["to_numpy_interface"]), fmt_t(r["to_numpy_dlpack"]),
            fmt_t(r["from_numpy_asarray"]), fmt_t(r["from_numpy_dlpack"]),
            fmt_t(r["pickle_round_trip"]), r["pickle_round_trip"] / r["to_numpy_dlpack"]))
    L.append("")
    L.append("(ctypes backend; cffi: %s.)" % ", ".join(
        "%s dlpack %s / %s" % (label, fmt_t(cf["zero_copy"][label]["to_numpy_dlpack"]),
                               fmt_t(cf["zero_copy"][label]["from_numpy_dlpack"]))
        for label, _ in SIZES if label in cf["zero_copy"]))
    L.append("")
    return "\n".join(L)


def analysis(basic_res, pk):
    b = basic_res["basic"]
    ct, cf = pk["ctypes"], pk["cffi"]
    r_triv = b["trivial"]["ctypes"] / b["trivial"]["cffi"]
    r_hyp = b["hypot"]["ctypes"] / b["hypot"]["cffi"]
    r_str = b["string"]["ctypes"] / b["string"]["cffi"]
    big = [k for k, _ in SIZES if k in ct["zero_copy"]]
    z_first, z_last = ct["zero_copy"][big[0]], ct["zero_copy"][big[-1]]
    L = ["## Analysis: which backend when", ""]
    L.append("- **Per-call overhead.** A bare call with no arguments costs %s through ctypes and %s "
             "through cffi (a Python function call: %s). Arguments widen the gap: two doubles %s vs "
             "%s (ctypes/cffi %.1fx); a string in, a handle and a string out %s vs %s (%.1fx). So the "
             "floor is a few hundred nanoseconds per crossing, and work that takes less than that "
             "(scalar math: `math.hypot` %s) is faster in pure Python than through any FFI."
             % (fmt_t(b["trivial"]["ctypes"]), fmt_t(b["trivial"]["cffi"]), fmt_t(b["trivial"]["python"]),
                fmt_t(b["hypot"]["ctypes"]), fmt_t(b["hypot"]["cffi"]), r_hyp,
                fmt_t(b["string"]["ctypes"]), fmt_t(b["string"]["cffi"]), r_str,
                fmt_t(b["hypot"]["python"])))
    L.append("- **Through the cnumpy package** a NumPy-style call adds argument parsing, dtype "
             "resolution, a result handle and error checks: `cnumpy.hypot(3.0, 4.0)` takes %s "
             "(ctypes) / %s (cffi) against NumPy's %s for the same ufunc on Python floats. Cached "
             "work is cheap (`dtype('f4').name` %s: the dtype object is cached on the Python side). "
             "Scalar-at-a-time code belongs in pure Python; cross the boundary with whole arrays."
             % (fmt_t(ct["api"]["hypot"]), fmt_t(cf["api"]["hypot"]), fmt_t(b["hypot"]["numpy"]),
                fmt_t(ct["api"]["string"])))
    L.append("- **ctypes or cffi.** cffi converts arguments in generated C, so it wins on "
             "call-heavy code with arguments (%.1f-%.1fx on the raw calls above); ctypes needs "
             "nothing outside the standard library and is the default. For array work the two are "
             "the same (sum of 1e6: %s vs %s): the time is in the library's loops, not the crossing. "
             "Choose cffi (`CNUMPY_BACKEND=cffi`) for many small calls, ctypes otherwise."
             % (min(r_hyp, r_str, r_triv), max(r_hyp, r_str, r_triv),
                fmt_t(ct["arrays"]["sum"]["cnumpy"]), fmt_t(cf["arrays"]["sum"]["cnumpy"])))
    L.append("- **Arrays.** On 1e6 elements the library is in NumPy's class (sum %s vs NumPy %s) "
             "and %.0fx faster than summing a Python list (%s); filtering through a list "
             "comprehension costs %s. Data generated in the library never becomes Python floats."
             % (fmt_t(ct["arrays"]["sum"]["cnumpy"]), fmt_t(ct["arrays"]["sum"]["numpy"]),
                ct["arrays"]["sum"]["python"] / ct["arrays"]["sum"]["cnumpy"],
                fmt_t(ct["arrays"]["sum"]["python"]), fmt_t(ct["arrays"]["filter"]["python"])))
    L.append("- **Large data.** Handing an array over without copying costs the same few "
             "microseconds at %s (%s via DLPack) as at %s (%s): only a header crosses. A pickle "
             "round trip copies the bytes twice and grows with the size (%s at %s). Give library "
             "arrays to NumPy with `np.asarray(a)` or `np.from_dlpack(a)`, take NumPy arrays with "
             "`cnumpy.asarray` or `cnumpy.from_dlpack`; keep pickle for storage and for crossing "
             "process boundaries."
             % (big[0], fmt_t(z_first["to_numpy_dlpack"]), big[-1], fmt_t(z_last["to_numpy_dlpack"]),
                fmt_t(z_last["pickle_round_trip"]), big[-1]))
    L.append("")
    return "\n".join(L)


CALLS_BEGIN, CALLS_END = "<!-- calls -->", "<!-- /calls -->"


def call_overhead(quick):
    """{case name: {variant: row}} for bench/cases_calls.py, each variant in its own process."""
    sys.path[:0] = [os.path.join(REPO, "bench")]
    import run as bench_run
    from cases_calls import CASES
    res = {}
    for case in CASES:
        res[case.name] = {v: bench_run.run_in_subprocess(case, quick, v) for v in bench_run.BACKENDS}
    return res, bench_run.BACKENDS


def calls_section(calls):
    res, variants = calls
    L = [CALLS_BEGIN, "## 4. Call overhead: ctypes, cffi and the C fast path", "",
         "The per-call cost of small NumPy calls through the package (issue 22; scenario 1 of the "
         "second seed). Each variant runs in its own process: the pure-Python package on the ctypes "
         "or the cffi backend (`CNUMPY_SPEEDUPS=0`), and the C fast paths of the optional "
         "`cnumpy._speedups` extension (`CNUMPY_SPEEDUPS=1`, ctypes backend). NumPy's and "
         "cnumpy's calls alternate in one process (bench/run.py's harness, medians); the ratio is "
         "NumPy time / cnumpy time (1.0: as fast as NumPy). Cases: bench/cases_calls.py.", "",
         "| call | NumPy | ctypes | cffi | fast path | ratio ctypes | ratio cffi | ratio fast path |",
         "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name, rows in res.items():
        call = next(iter(rows.values()))["call"]
        np_t = statistics.median([r["numpy_s"] for r in rows.values() if "numpy_s" in r] or [float("nan")])
        cells = [fmt_t(rows[v]["cnumpy_s"]) if "cnumpy_s" in rows[v] else "n/a" for v in variants]
        ratios = ["**%.2f**" % rows[v]["ratio"] if v == "fast path" and "ratio" in rows[v] else
                  ("%.2f" % rows[v]["ratio"] if "ratio" in rows[v] else "n/a") for v in variants]
        L.append("| `%s` | %s | %s | %s |" % (call, fmt_t(np_t), " | ".join(cells), " | ".join(ratios)))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    L += ["", "NumPy's time is the median over the three processes (each ratio is against the NumPy "
          "time measured next to it). Load average at the end of the run: %.1f on %d cores (on a "
          "loaded machine absolute times grow several-fold and the ratios of the fast calls vary by "
          "about 0.15 between runs)." % (load, os.cpu_count() or 0), "", CALLS_END]
    return "\n".join(L)


def calls_analysis(calls):
    res, _ = calls

    def ratio(name, v):
        r = res.get(name, {}).get(v, {})
        return r.get("ratio", float("nan"))
    fast = [ratio(n, "fast path") for n in res if n != "calls_add_large"]
    pure = [ratio(n, v) for n in res if n != "calls_add_large" for v in ("ctypes", "cffi")]
    return ("- **Which to use when (small calls).** The pure-Python package pays %.2f-%.2fx NumPy's "
            "speed per small call on either backend: argument conversion in Python and the FFI "
            "crossing dominate a call whose work is a few nanoseconds. The C fast path "
            "(`cnumpy._speedups`, built with the library when Python's headers are present, on by "
            "default; `CNUMPY_SPEEDUPS=0` turns it off) answers operators, ufunc calls, "
            "zeros/ones/empty/full/arange, reductions, `a[key] = x` (numbers and arrays), "
            "comparisons, `**`, attribute reads, the buffer protocol and the float64/int64 scalar "
            "operators without a Python frame: %.2f-%.2fx NumPy's speed here. Where it stays below 1 "
            "the remainder is per-result cost, not argument handling: each result is a new object of "
            "a Python heap type (GC-tracked, unlike NumPy's static ndarray type) holding a library "
            "handle and buffer (one allocation each for small arrays, issue 22's second part). Use "
            "the fast path whenever it is available (it falls back to the "
            "Python implementation for anything it does not handle, with the same results and "
            "errors); choose between ctypes and cffi only for the calls it does not cover (cffi for "
            "many small calls, ctypes otherwise). Large arrays are unaffected: `a + b` on 10**6 "
            "elements is %.2f / %.2f / %.2f (ctypes / cffi / fast path)."
            % (min(pure), max(pure), min(fast), max(fast), ratio("calls_add_large", "ctypes"),
               ratio("calls_add_large", "cffi"), ratio("calls_add_large", "fast path")))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(REPO, "docs", "ffi-benchmarks.md"))
    ap.add_argument("--quick", action="store_true", help="skip the 1 GB size")
    ap.add_argument("--worker", choices=["ctypes", "cffi"])
    ap.add_argument("--sizes", default="")
    ap.add_argument("--calls-only", action="store_true", help="re-measure scenario 4 only")
    args = ap.parse_args()
    if args.calls_only:
        calls = call_overhead(args.quick)
        with open(args.out) as f:
            text = f.read()
        if CALLS_BEGIN in text:
            head, _, rest = text.partition(CALLS_BEGIN)
            _, _, tail = rest.partition(CALLS_END)
        else:       # a file from before scenario 4: the section goes before the analysis
            head, sep, tail = text.partition("## Analysis")
            head, tail = head, "\n\n" + sep + tail
        # the analysis bullet of scenario 4 is the one starting with its title
        lines = [ln for ln in tail.split("\n") if not ln.startswith("- **Which to use when (small calls).**")]
        tail = "\n".join(lines).rstrip("\n") + "\n" + calls_analysis(calls) + "\n"
        text = head + calls_section(calls) + tail
        with open(args.out, "w") as f:
            f.write(text)
        print(text)
        return
    sizes = [s for s in SIZES if not (args.quick and s[1] >= 1 << 30)]
    if args.worker:
        print(json.dumps(package(args.worker, sizes)))
        return
    import numpy as np
    basic_res = {"basic": basic(), "numpy": np.__version__}
    pk = {}
    for backend in ("ctypes", "cffi"):
        env = dict(os.environ, CNUMPY_BACKEND=backend, CNUMPY_LIBRARY=LIB,
                   PYTHONPATH=os.path.join(REPO, "bindings", "python"))
        cmd = [sys.executable, os.path.abspath(__file__), "--worker", backend]
        if args.quick:
            cmd.append("--quick")
        out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
        pk[backend] = json.loads(out.strip().splitlines()[-1])
    calls = call_overhead(args.quick)
    text = (report(basic_res, pk, args.quick) + "\n" + calls_section(calls) + "\n\n" +
            analysis(basic_res, pk) + calls_analysis(calls) + "\n")
    with open(args.out, "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
