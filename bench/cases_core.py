"""Benchmark cases for the core: creation, copy, casting, and the per-call overhead of a binding.

Large cases use N = 10**7 elements (80 MB in float64): far beyond the caches, so they measure
memory bandwidth and page faults as much as code. Both sides make the same call with the same
arguments; a case's note says when NumPy and cnumpy do different amounts of work for it.
"""
from harness import Case

N = 10**7
EYE = 3000


def _copy(m, a):
    # numpy.copy is the module function; fall back to the method if a binding lacks it.
    return m.copy(a) if hasattr(m, "copy") else a.copy()


def _zeros_fill(m):
    def run():
        a = m.zeros(N)
        a.fill(1.0)
    return run


CASES = [
    Case("zeros", "np.zeros(10**7)", lambda np, cnp: (lambda: np.zeros(N), lambda: cnp.zeros(N)),
         note="NumPy gets its zeros from calloc: fresh pages from the kernel are already zero and are "
              "only faulted in when touched, so this times little more than the allocation. See "
              "zeros_fill for the cost including first touch."),
    Case("zeros_fill", "a = np.zeros(10**7); a.fill(1.0)",
         lambda np, cnp: (_zeros_fill(np), _zeros_fill(cnp)),
         note="zeros followed by a write of every element, so calloc's lazy zeroing no longer hides "
              "work. NumPy 1.24 asks for transparent huge pages (madvise) on its large malloc'd buffers "
              "but not on calloc'd ones: on a kernel with THP in 'madvise' mode this case pays 4 KiB "
              "page faults on NumPy's side (np.empty(n).fill(1.0) is several times faster)."),
    Case("ones", "np.ones(10**7)", lambda np, cnp: (lambda: np.ones(N), lambda: cnp.ones(N))),
    Case("full", "np.full(10**7, 3.5)", lambda np, cnp: (lambda: np.full(N, 3.5), lambda: cnp.full(N, 3.5))),
    Case("arange_int64", "np.arange(10**7)", lambda np, cnp: (lambda: np.arange(N), lambda: cnp.arange(N))),
    Case("arange_float64", "np.arange(10**7, dtype=float64)",
         lambda np, cnp: (lambda: np.arange(N, dtype="float64"), lambda: cnp.arange(N, dtype="float64"))),
    Case("linspace", "np.linspace(0, 1, 10**7)",
         lambda np, cnp: (lambda: np.linspace(0, 1, N), lambda: cnp.linspace(0, 1, N)),
         note="NumPy's linspace is Python code over several temporaries (arange, multiply, add)."),
    Case("copy", "np.copy(a), a float64 10**7",
         lambda np, cnp: (lambda a=np.arange(N, dtype="float64"): _copy(np, a),
                          lambda a=cnp.arange(N, dtype="float64"): _copy(cnp, a))),
    Case("astype_f64_f32", "a.astype(float32), a float64 10**7",
         lambda np, cnp: (lambda a=np.arange(N, dtype="float64"): a.astype("float32"),
                          lambda a=cnp.arange(N, dtype="float64"): a.astype("float32"))),
    Case("astype_f64_c128", "a.astype(complex128), a float64 10**6",
         lambda np, cnp: (lambda a=np.arange(10**6, dtype="float64"): a.astype("complex128"),
                          lambda a=cnp.arange(10**6, dtype="float64"): a.astype("complex128"))),
    Case("astype_f64_i32", "a.astype(int32), a float64 10**7",
         lambda np, cnp: (lambda a=np.arange(N, dtype="float64"): a.astype("int32"),
                          lambda a=cnp.arange(N, dtype="float64"): a.astype("int32"))),
    Case("eye", "np.eye(3000)", lambda np, cnp: (lambda: np.eye(EYE), lambda: cnp.eye(EYE)),
         note="72 MB of which 3000 elements are non-zero: NumPy writes only the diagonal into calloc'd "
              "memory, so most pages are never touched (as in zeros)."),
    Case("zeros_small", "np.zeros(10)", lambda np, cnp: (lambda: np.zeros(10), lambda: cnp.zeros(10)),
         note="per-call overhead of the binding: argument conversion, the foreign call, wrapping the "
              "result. NumPy's is a C extension call.", per_backend=True),
]
