"""Benchmark cases for numpy.fft (issue 7), cnumpy on FFTW3 (plans cached).

NumPy 1.24 uses pocketfft on one thread. cnumpy plans 1-D transforms with FFTW_ESTIMATE and lets
FFTW use threads for those of >= 2**16 points (up to the library's thread setting); multi-
dimensional transforms of 2**15..2**20 points get a single-threaded FFTW_MEASURE plan, made in the
untimed warm-up call (its one-time cost, ~0.3-1 s here, is not in the ratio); larger ones
(fftn 128**3) run as cache-blocked passes on the library's threads (docs/fft.md).
Targets: complex fft 2**20 >= 1.5x, rfft 10**6 >= 1.3x, prime size 1,000,003 >= 2x,
fft2 1024x1024 >= 1.5x, a 64-point fft through Python within 2x of NumPy per call (ratio >= 0.5).
`/usr/bin/python3 bench/run.py --filter fft` runs this file's cases.
"""
from harness import Case


def _complex(np, n):
    rng = np.random.default_rng(0)
    return rng.standard_normal(n) + 1j * rng.standard_normal(n)


def _case(fn, make):
    def setup(np, cnp):
        a = make(np)
        ca = cnp.array(a)
        f, cf = getattr(np.fft, fn), getattr(cnp.fft, fn)
        return (lambda: f(a)), (lambda: cf(ca))
    return setup


CASES = [
    Case("fft_complex_2p20", "np.fft.fft(a), a complex128 2**20",
         _case("fft", lambda np: _complex(np, 2**20))),
    Case("fft_rfft_1e6", "np.fft.rfft(a), a float64 10**6",
         _case("rfft", lambda np: np.random.default_rng(1).standard_normal(10**6))),
    Case("fft_prime_1000003", "np.fft.fft(a), a complex128 of prime length 1,000,003",
         _case("fft", lambda np: _complex(np, 1000003)),
         note="pocketfft uses Bluestein; FFTW its prime-size (Rader/generic) codelets"),
    Case("fft_fft2_1024", "np.fft.fft2(a), a complex128 1024x1024",
         _case("fft2", lambda np: _complex(np, 1024 * 1024).reshape(1024, 1024))),
    Case("fft_rfft2_1024", "np.fft.rfft2(a), a float64 1024x1024",
         _case("rfft2", lambda np: np.random.default_rng(2).standard_normal((1024, 1024)))),
    Case("fft_irfft2_1024", "np.fft.irfft2(a), a complex128 1024x513 (rfft2 of 1024x1024)",
         _case("irfft2", lambda np: np.fft.rfft2(np.random.default_rng(3).standard_normal((1024, 1024))))),
    Case("fft_fftn_128cubed", "np.fft.fftn(a), a complex128 128x128x128",
         _case("fftn", lambda np: _complex(np, 128**3).reshape(128, 128, 128))),
    Case("fft_small_64", "np.fft.fft(a), a complex128 64 elements (per-call cost)",
         _case("fft", lambda np: _complex(np, 64)),
         note="binding overhead dominates; target ratio >= 0.5", per_backend=True),
]
