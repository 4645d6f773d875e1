"""Per-call cost of the hot entry points (issue 22): small operations whose time is the
binding's, not the loops'. Each runs three ways (bench/run.py: the ctypes and cffi backends
alone, and the C fast paths of cnumpy._speedups); the issue's targets for the fast path are
NumPy/cnumpy >= 0.8. The last case checks that a large array keeps its ratio (the fast path adds
nothing where the loop dominates)."""
from harness import Case


def _pair(make, run):
    """setup(np, cnp) -> the two calls: run(xp, state) on state = make(xp), made outside."""
    def setup(np, cnp):
        s_np, s_cnp = make(np), make(cnp)
        return (lambda: run(np, s_np)), (lambda: run(cnp, s_cnp))
    return setup


def _a10(xp):
    return {"a": xp.arange(10.0), "b": xp.arange(1.0, 11.0), "c": xp.zeros(10), "b2": xp.ones(2)}


def _setitem(xp, s):
    s["a"][3] = 1.0


def _setitem_array(xp, s):
    s["a"][2:4] = s["b2"]


def _scalars(xp):
    return {"x": xp.float64(1.5), "y": xp.float64(2.5), "i": xp.int64(7)}


NOTE = "per-call cost (binding overhead); target for the fast path >= 0.8"

CASES = [
    Case("calls_zeros", "np.zeros(10)", _pair(lambda xp: None, lambda xp, s: xp.zeros(10)),
         note=NOTE, per_backend=True),
    Case("calls_add", "a + b, float64 10 elements", _pair(_a10, lambda xp, s: s["a"] + s["b"]),
         note=NOTE, per_backend=True),
    Case("calls_add_scalar", "a + 1.5, float64 10 elements", _pair(_a10, lambda xp, s: s["a"] + 1.5),
         note=NOTE, per_backend=True),
    Case("calls_add_out", "np.add(a, b, out=c), float64 10 elements",
         _pair(_a10, lambda xp, s: xp.add(s["a"], s["b"], out=s["c"])), note=NOTE, per_backend=True),
    Case("calls_sum", "a.sum(), float64 10 elements", _pair(_a10, lambda xp, s: s["a"].sum()),
         note=NOTE, per_backend=True),
    Case("calls_setitem", "a[3] = 1.0, float64 10 elements", _pair(_a10, _setitem),
         note=NOTE, per_backend=True),
    Case("calls_float_sum", "float(a.sum()), float64 10 elements",
         _pair(_a10, lambda xp, s: float(s["a"].sum())), note=NOTE, per_backend=True),
    Case("calls_iadd", "a += 1.0, float64 10 elements", _pair(_a10, lambda xp, s: s["a"].__iadd__(1.0)),
         note="per-call cost (binding overhead)", per_backend=True),
    Case("calls_sqrt", "np.sqrt(a), float64 10 elements", _pair(_a10, lambda xp, s: xp.sqrt(s["a"])),
         note="per-call cost (binding overhead)", per_backend=True),
    Case("calls_sum_axis", "a.sum(axis=0, keepdims=True), float64 10 elements",
         _pair(_a10, lambda xp, s: s["a"].sum(axis=0, keepdims=True)),
         note="per-call cost (binding overhead)", per_backend=True),
    Case("calls_copy", "a.copy(), float64 10 elements", _pair(_a10, lambda xp, s: s["a"].copy()),
         note="per-call cost (binding overhead)", per_backend=True),
    Case("calls_shape", "a.shape, a.ndim, len(a)", _pair(_a10, lambda xp, s: (s["a"].shape, s["a"].ndim, len(s["a"]))),
         note="per-call cost (binding overhead)", per_backend=True),
    Case("calls_scalar_mul", "x * 2.0, x a float64 scalar", _pair(_scalars, lambda xp, s: s["x"] * 2.0),
         note=NOTE, per_backend=True),
    Case("calls_scalar_add", "x + y, float64 scalars", _pair(_scalars, lambda xp, s: s["x"] + s["y"]),
         note=NOTE, per_backend=True),
    Case("calls_scalar_float", "float(x), x a float64 scalar", _pair(_scalars, lambda xp, s: float(s["x"])),
         note=NOTE, per_backend=True),
    Case("calls_scalar_lt", "x < y, float64 scalars", _pair(_scalars, lambda xp, s: s["x"] < s["y"]),
         note=NOTE, per_backend=True),
    Case("calls_int_scalar_mul", "i * 3, i an int64 scalar", _pair(_scalars, lambda xp, s: s["i"] * 3),
         note="per-call cost (binding overhead)", per_backend=True),
    Case("calls_compare", "a < b, float64 10 elements", _pair(_a10, lambda xp, s: s["a"] < s["b"]),
         note="per-call cost (binding overhead)", per_backend=True),
    Case("calls_pow", "a ** 2, float64 10 elements", _pair(_a10, lambda xp, s: s["a"] ** 2),
         note="per-call cost (binding overhead)", per_backend=True),
    Case("calls_setitem_array", "a[2:4] = b2, float64 10 elements", _pair(_a10, _setitem_array),
         note="per-call cost (binding overhead)", per_backend=True),
    Case("calls_add_large", "a + b, float64 10**6 elements (large arrays: ratio unchanged)",
         _pair(lambda xp: {"a": xp.arange(1e6), "b": xp.ones(10**6)}, lambda xp, s: s["a"] + s["b"]),
         note="memory-bound: the fast path must not change it", per_backend=True),
]
