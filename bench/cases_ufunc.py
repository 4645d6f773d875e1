"""Benchmark cases for the ufuncs (issue 3): elementwise math on large arrays, broadcasting,
strides, mixed dtypes, and the per-call cost of a tiny add through each binding.

Large cases use N = 10**7 elements (80 MB per float64 array): they measure memory bandwidth, page
faults of the fresh output and, for the transcendentals, the vectorised kernels. NumPy 1.24 runs
them on one thread (AVX-512 SVML/own kernels where the CPU has them); cnumpy may use several
threads for large arrays (CNUMPY_NUM_THREADS), which is part of what the ratio shows.
Targets (issue 3): add/multiply >= 1.3x, exp/log/sin/sqrt >= 1.3x, float32 exp >= 1.2x, the
10-element add within 3x of NumPy's per-call time (ratio >= 0.33).
`/usr/bin/python3 bench/run.py --filter ufunc` runs this file's cases.
"""
from harness import Case

N = 10**7


def _inputs(np, cnp, make):
    """The same input for both sides: NumPy's array and a cnumpy copy of it (untimed)."""
    a = make(np)
    return a, cnp.array(a)


def _unary_of(func, make):
    def setup(np, cnp):
        a, ca = _inputs(np, cnp, make)
        f, cf = getattr(np, func), getattr(cnp, func)
        return (lambda: f(a)), (lambda: cf(ca))
    return setup


def _unary(func, lo, hi, dtype="float64"):
    return _unary_of(func, lambda m: m.linspace(lo, hi, N).astype(dtype))


def _binary(func, make_a, make_b):
    def setup(np, cnp):
        a, ca = _inputs(np, cnp, make_a)
        b, cb = _inputs(np, cnp, make_b)
        f, cf = getattr(np, func), getattr(cnp, func)
        return (lambda: f(a, b)), (lambda: cf(ca, cb))
    return setup


def _strided_add(np, cnp):
    a, ca = _inputs(np, cnp, lambda m: m.linspace(0, 1, 2 * N))
    b, cb = _inputs(np, cnp, lambda m: m.linspace(1, 2, 2 * N))
    a2, b2, ca2, cb2 = a[::2], b[::-2], ca[::2], cb[::-2]
    return (lambda: np.add(a2, b2)), (lambda: cnp.add(ca2, cb2))


def _small_add(np, cnp):
    a, ca = _inputs(np, cnp, lambda m: m.arange(10.0))
    b, cb = _inputs(np, cnp, lambda m: m.arange(10.0) * 0.5)
    return (lambda: np.add(a, b)), (lambda: cnp.add(ca, cb))


def _small_add_op(np, cnp):
    a, ca = _inputs(np, cnp, lambda m: m.arange(10.0))
    b, cb = _inputs(np, cnp, lambda m: m.arange(10.0) * 0.5)
    return (lambda: a + b), (lambda: ca + cb)


def _small_add_scalar(np, cnp):
    a, ca = _inputs(np, cnp, lambda m: m.arange(10.0))
    return (lambda: a + 1.5), (lambda: ca + 1.5)


_f64 = lambda lo, hi: (lambda m: m.linspace(lo, hi, N))  # noqa: E731


def _uniform(lo, hi, n=10**6, seed=3):
    """Random float64 values, made by NumPy (_inputs copies them for cnumpy)."""
    return lambda np: np.random.default_rng(seed).uniform(lo, hi, n)


def _c(n, dtype, seed):
    """Random complex values, made by NumPy (_inputs copies them for cnumpy)."""
    def make(np):
        r = np.random.default_rng(seed)
        return (r.standard_normal(n) + 1j * r.standard_normal(n)).astype(dtype)
    return make


CASES = [
    Case("ufunc_add_f64", "np.add(a, b), float64 10**7",
         _binary("add", _f64(0, 1), _f64(1, 2)),
         note="two 80 MB reads and one 80 MB fresh output: memory-bound."),
    Case("ufunc_multiply_f64", "np.multiply(a, b), float64 10**7",
         _binary("multiply", _f64(0, 1), _f64(1, 2))),
    Case("ufunc_multiply_c128", "np.multiply(a, b), complex128 10**6",
         _binary("multiply", _c(10**6, "complex128", 0), _c(10**6, "complex128", 1))),
    Case("ufunc_multiply_c64", "np.multiply(a, b), complex64 10**6",
         _binary("multiply", _c(10**6, "complex64", 0), _c(10**6, "complex64", 1))),
    Case("ufunc_square_c64", "np.square(a), complex64 10**6", _unary_of("square", _c(10**6, "complex64", 0))),
    Case("ufunc_exp_f64", "np.exp(a), a = linspace(-700, 700, 10**7)", _unary("exp", -700, 700),
         note="NumPy 1.24 has its own AVX-512F exp/log kernels for float64."),
    Case("ufunc_log_f64", "np.log(a), a = linspace(1e-3, 1e6, 10**7)", _unary("log", 1e-3, 1e6)),
    Case("ufunc_sin_f64", "np.sin(a), a = linspace(-100, 100, 10**7)", _unary("sin", -100, 100)),
    Case("ufunc_sqrt_f64", "np.sqrt(a), a = linspace(0, 1e6, 10**7)", _unary("sqrt", 0, 1e6)),
    Case("ufunc_exp_f32", "np.exp(a), a float32 linspace(-80, 80, 10**7)",
         _unary("exp", -80, 80, "float32"),
         note="NumPy 1.24 uses its AVX-512F float32 exp here."),
    Case("ufunc_add_broadcast", "np.add(a, b), a (1000, 1000) + b (1000,) float64",
         _binary("add", lambda m: m.linspace(0, 1, 10**6).reshape(1000, 1000),
                 lambda m: m.linspace(1, 2, 1000))),
    Case("ufunc_add_strided", "np.add(a[::2], b[::-2]), a, b float64 2*10**7",
         _strided_add, note="stride 16 bytes and -16 bytes: no contiguous fast path on either side."),
    Case("ufunc_add_mixed", "np.add(a, b), a int32 + b float64, 10**7",
         _binary("add", lambda m: m.arange(N, dtype="int32"), _f64(0, 1)),
         note="int32 -> float64 cast of one operand inside the loop (NumPy: buffered casting)."),
    Case("ufunc_modf_f64", "np.modf(a), a float64 10**6 random in (-1e6, 1e6)",
         _unary_of("modf", _uniform(-1e6, 1e6)),
         note="two outputs; one C modf per element on both sides."),
    Case("ufunc_frexp_f64", "np.frexp(a), a float64 10**6 random in (-1e6, 1e6)",
         _unary_of("frexp", _uniform(-1e6, 1e6)),
         note="float64 mantissa and int32 exponent; one C frexp per element on both sides."),
    Case("ufunc_ldexp_f64", "np.ldexp(a, e), a float64, e int64 in [-60, 60), 10**6",
         _binary("ldexp", _uniform(-1e6, 1e6), lambda m: m.arange(10**6) % 120 - 60),
         note="the 'dl->d' loop (int64 exponents, clamped to C's int)."),
    Case("ufunc_add_small", "np.add(a, b), float64 10 elements", _small_add,
         note="per-call overhead: argument handling, the foreign call, wrapping the result. "
              "Target: within 3x of NumPy (ratio >= 0.33).", per_backend=True),
    Case("ufunc_add_small_op", "a + b, float64 10 elements", _small_add_op,
         note="the operator path (ndarray.__add__).", per_backend=True),
    Case("ufunc_add_small_scalar", "a + 1.5, float64 10 elements", _small_add_scalar,
         note="a Python float operand (a weak scalar, NEP 50).", per_backend=True),
]
