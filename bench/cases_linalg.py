"""Benchmark cases for the matrix products and numpy.linalg (issue 6), cnumpy on OpenBLAS +
LAPACKE. Both sides call the same OpenBLAS (Debian's libblas/liblapack alternatives point at it),
so the large cases measure overhead; the batched 8x8 product measures cnumpy's small-matrix
kernel against NumPy's per-matrix GEMM calls.
Targets: matmul 1000x1000, inv/solve/svd 400x400, dot 1e7 >= 0.95x; 1000 stacked 8x8 >= 1.0x.
`/usr/bin/python3 bench/run.py --filter linalg` runs this file's cases.
"""
from harness import Case


def _rand(np, shape, seed=0):
    return np.random.default_rng(seed).standard_normal(shape)


def _case(path, *makers):
    def setup(np, cnp):
        args = [m(np) for m in makers]
        cargs = [a if isinstance(a, str) else cnp.array(a) for a in args]
        f, cf = np, cnp
        for part in path.split("."):
            f, cf = getattr(f, part), getattr(cf, part)
        return (lambda: f(*args)), (lambda: cf(*cargs))
    return setup


def _well(np, n):
    return _rand(np, (n, n), 1) + n * np.eye(n)


CASES = [
    Case("linalg_matmul_1000", "np.matmul(a, b), float64 1000x1000",
         _case("matmul", lambda np: _rand(np, (1000, 1000)), lambda np: _rand(np, (1000, 1000), 2))),
    Case("linalg_matmul_batched_8x8", "np.matmul(a, b), float64 1000 stacked 8x8",
         _case("matmul", lambda np: _rand(np, (1000, 8, 8)), lambda np: _rand(np, (1000, 8, 8), 2)),
         note="cnumpy: register-blocked vector kernel over the stack; NumPy: one BLAS call per matrix"),
    Case("linalg_matmul_batched_8x8_f32", "np.matmul(a, b), float32 1000 stacked 8x8",
         _case("matmul", lambda np: _rand(np, (1000, 8, 8)).astype(np.float32),
               lambda np: _rand(np, (1000, 8, 8), 2).astype(np.float32))),
    Case("linalg_matmul_batched_8x8_c128", "np.matmul(a, b), complex128 1000 stacked 8x8",
         _case("matmul", lambda np: _rand(np, (1000, 8, 8)) + 1j * _rand(np, (1000, 8, 8), 3),
               lambda np: _rand(np, (1000, 8, 8), 2) - 1j * _rand(np, (1000, 8, 8), 4))),
    Case("linalg_einsum_gemm_300", "np.einsum('ij,jk->ik', a, b), float64 300x300",
         _case("einsum", lambda np: "ij,jk->ik", lambda np: _rand(np, (300, 300)), lambda np: _rand(np, (300, 300), 2)),
         note="cnumpy routes the contraction to BLAS ?gemm; NumPy's einsum (optimize=False) uses its own loops"),
    Case("linalg_einsum_batched_8x8", "np.einsum('bij,bjk->bik', a, b), float64 1000 stacked 8x8",
         _case("einsum", lambda np: "bij,bjk->bik", lambda np: _rand(np, (1000, 8, 8)),
               lambda np: _rand(np, (1000, 8, 8), 2))),
    Case("linalg_dot_1e7", "np.dot(a, b), float64 vectors of 10**7",
         _case("dot", lambda np: _rand(np, 10**7), lambda np: _rand(np, 10**7, 2))),
    Case("linalg_inv_400", "np.linalg.inv(a), float64 400x400",
         _case("linalg.inv", lambda np: _well(np, 400))),
    Case("linalg_solve_400", "np.linalg.solve(a, b), float64 400x400, b 400",
         _case("linalg.solve", lambda np: _well(np, 400), lambda np: _rand(np, 400, 3))),
    Case("linalg_svd_300", "np.linalg.svd(a), float64 300x300",
         _case("linalg.svd", lambda np: _rand(np, (300, 300)))),
    Case("linalg_det_batched_3x3", "np.linalg.det(a), float64 10000 stacked 3x3",
         _case("linalg.det", lambda np: _rand(np, (10000, 3, 3)))),
]
