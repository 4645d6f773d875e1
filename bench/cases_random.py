"""Benchmark cases for numpy.random (issue 21), with the issue's targets in the notes. Every
cnumpy call gives NumPy's numbers bit for bit (tests/python/test_random.py); the speed comes from
fill loops compiled per bit generator (the raw draw inlined, no call through a pointer per value)
and the ziggurat with NumPy's own tables. `/usr/bin/python3 bench/run.py --filter random` runs
this file's cases.
"""
from harness import Case

N = 10**7
M = 10**6


def _gen(call):
    def setup(np, cnp):
        g, h = np.random.default_rng(12), cnp.random.default_rng(12)
        return (lambda: call(g)), (lambda: call(h))
    return setup


def _legacy(call):
    def setup(np, cnp):
        r, q = np.random.RandomState(12), cnp.random.RandomState(12)
        return (lambda: call(r)), (lambda: call(q))
    return setup


CASES = [
    Case("random_1e7", "default_rng().random(10**7)", _gen(lambda g: g.random(N)),
         note="target >= 1.5x. PCG64 inlined in the fill loop: (next64 >> 11) * 2**-53."),
    Case("random_f32_1e7", "default_rng().random(10**7, dtype=float32)", _gen(lambda g: g.random(N, dtype="float32")),
         note="no target: 32-bit halves of the 64-bit draws."),
    Case("integers_1000_1e7", "default_rng().integers(0, 1000, 10**7)", _gen(lambda g: g.integers(0, 1000, N)),
         note="target >= 1.3x. Lemire's multiply-shift on 32-bit draws, as NumPy."),
    Case("integers_u8_1e7", "default_rng().integers(0, 100, 10**7, dtype=uint8)",
         _gen(lambda g: g.integers(0, 100, N, dtype="uint8")),
         note="no target: four 8-bit values per 32-bit draw, as NumPy."),
    Case("standard_normal_1e7", "default_rng().standard_normal(10**7)", _gen(lambda g: g.standard_normal(N)),
         note="target >= 1.1x. Ziggurat with NumPy's tables, inlined draws."),
    Case("exponential_1e7", "default_rng().exponential(2.0, 10**7)", _gen(lambda g: g.exponential(2.0, N)),
         note="target >= 1.1x. Exponential ziggurat."),
    Case("legacy_randn_1e7", "RandomState().randn(10**7)", _legacy(lambda r: r.randn(N)),
         note="target >= 1.1x. MT19937's polar Gaussian with its cached second value."),
    Case("permutation_1e6", "default_rng().permutation(10**6)", _gen(lambda g: g.permutation(M)),
         note="target >= 1.1x. Fisher-Yates with NumPy's masked-rejection interval draws."),
    Case("binomial_1e6", "default_rng().binomial(100, 0.3, 10**6)", _gen(lambda g: g.binomial(100, 0.3, M)),
         note="no target: BTPE as NumPy."),
]
