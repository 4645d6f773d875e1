"""Benchmark cases for array printing (issue 8): repr() formatted by the library (src/print) vs
NumPy's arrayprint in Python. `/usr/bin/python3 bench/run.py --filter print` runs these."""
from harness import Case


def _case(make):
    def setup(np, cnp):
        a = make(np)
        ca = cnp.array(a)
        return (lambda: repr(a)), (lambda: repr(ca))
    return setup


CASES = [
    Case("print_float64_100", "repr(a), a float64 100 random values",
         _case(lambda np: np.random.default_rng(0).standard_normal(100))),
    Case("print_float64_2d_summarised", "repr(a), a float64 1000x1000 (summarised)",
         _case(lambda np: np.random.default_rng(1).standard_normal((1000, 1000)))),
    Case("print_int32_1000", "repr(a), a int32 1000 elements",
         _case(lambda np: np.arange(1000, dtype=np.int32) * 37)),
    Case("print_complex128_3d", "repr(a), a complex128 4x5x6",
         _case(lambda np: (np.arange(120) / 7 + 1j * np.arange(120)).reshape(4, 5, 6))),
    Case("print_small", "repr(a), a float64 3 elements (per-call cost)",
         _case(lambda np: np.array([1.0, 2.5, -3.25])), per_backend=True),
]
