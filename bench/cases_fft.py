"""Benchmark cases for numpy.fft (issue 7), cnumpy on FFTW3 (FFTW_ESTIMATE plans, cached).

NumPy 1.24 uses pocketfft on one thread; cnumpy lets FFTW use threads for transforms of >= 2**16
points (up to the library's thread setting), which is part of what the ratios show.
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
    Case("fft_small_64", "np.fft.fft(a), a complex128 64 elements (per-call cost)",
         _case("fft", lambda np: _complex(np, 64)),
         note="binding overhead dominates; target ratio >= 0.5", per_backend=True),
]
