"""Window functions and the functions they need (numpy/lib/function_base.py, NumPy 1.24):
bartlett, blackman, hamming, hanning, kaiser, i0, sinc.

Written with the same array operations in the same order as NumPy's, so values agree to the
rounding of the library's cos/exp/sqrt (within an ulp of glibc's)."""
from ._convert import array, asanyarray
from ._creation import arange, ones
from ._functional import piecewise
from ._selection import where
from ._casting import result_type
from ._ufunc_table import UFUNCS

__all__ = ["bartlett", "blackman", "hamming", "hanning", "kaiser", "i0", "sinc"]

_cos, _sin, _exp, _sqrt, _absolute, _less_equal = (
    UFUNCS[n] for n in ("cos", "sin", "exp", "sqrt", "absolute", "less_equal"))
_PI = 3.141592653589793

# Chebyshev coefficients of exp(-x) I0(x) on [0, 8] (A) and of exp(-x) sqrt(x) I0(x) on
# (8, inf) (B): Cephes' i0.c (S. L. Moshier), the expansions NumPy's i0 uses.
_I0A = (
    -4.4153416464793395e-18, 3.3307945188222384e-17, -2.431279846547955e-16,
    1.715391285555133e-15, -1.1685332877993451e-14, 7.676185498604936e-14,
    -4.856446783111929e-13, 2.95505266312964e-12, -1.726826291441556e-11,
    9.675809035373237e-11, -5.189795601635263e-10, 2.6598237246823866e-09,
    -1.300025009986248e-08, 6.046995022541919e-08, -2.670793853940612e-07,
    1.1173875391201037e-06, -4.4167383584587505e-06, 1.6448448070728896e-05,
    -5.754195010082104e-05, 0.00018850288509584165, -0.0005763755745385824,
    0.0016394756169413357, -0.004324309995050576, 0.010546460394594998, -0.02373741480589947,
    0.04930528423967071, -0.09490109704804764, 0.17162090152220877, -0.3046826723431984,
    0.6767952744094761,)
_I0B = (
    -7.233180487874754e-18, -4.830504485944182e-18, 4.46562142029676e-17,
    3.461222867697461e-17, -2.8276239805165836e-16, -3.425485619677219e-16,
    1.7725601330565263e-15, 3.8116806693526224e-15, -9.554846698828307e-15,
    -4.150569347287222e-14, 1.54008621752141e-14, 3.8527783827421426e-13,
    7.180124451383666e-13, -1.7941785315068062e-12, -1.3215811840447713e-11,
    -3.1499165279632416e-11, 1.1889147107846439e-11, 4.94060238822497e-10,
    3.3962320257083865e-09, 2.266668990498178e-08, 2.0489185894690638e-07,
    2.8913705208347567e-06, 6.889758346916825e-05, 0.0033691164782556943, 0.8044904110141088,)


def _small(m):
    """NumPy's M < 1 and M == 1 windows: empty or [1.0] in result_type(M, 0.0)."""
    if m < 1:
        return array([], dtype=result_type(m, 0.0))
    if m == 1:
        return ones(1, dtype=result_type(m, 0.0))
    return None


def bartlett(M):
    """numpy.bartlett: the triangular window."""
    small = _small(M)
    if small is not None:
        return small
    n = arange(1 - M, M, 2)
    return where(_less_equal(n, 0), 1 + n / (M - 1), 1 - n / (M - 1))


def _cosine_window(M, terms):
    """NumPy's generalised cosine windows: sum of c * cos(k * pi * n / (M - 1)) over
    n = 1-M, 3-M, ..., M-1, evaluated term by term in NumPy's order."""
    small = _small(M)
    if small is not None:
        return small
    n = arange(1 - M, M, 2)
    (c0, _), *rest = terms
    w = c0
    for c, k in rest:
        w = w + c * _cos(k * _PI * n / (M - 1))
    return w


def blackman(M):
    """numpy.blackman: 0.42 + 0.5 cos(pi n/(M-1)) + 0.08 cos(2 pi n/(M-1))."""
    return _cosine_window(M, ((0.42, 0), (0.5, 1), (0.08, 2.0)))


def hamming(M):
    """numpy.hamming: 0.54 + 0.46 cos(pi n/(M-1))."""
    return _cosine_window(M, ((0.54, 0), (0.46, 1)))


def hanning(M):
    """numpy.hanning: 0.5 + 0.5 cos(pi n/(M-1))."""
    return _cosine_window(M, ((0.5, 0), (0.5, 1)))


def kaiser(M, beta):
    """numpy.kaiser."""
    if M == 1:
        return ones(1, dtype=result_type(M, 0.0))
    n = arange(0, M)
    alpha = (M - 1) / 2.0
    return i0(beta * _sqrt(1 - ((n - alpha) / alpha) ** 2.0)) / i0(float(beta))


def _chbevl(x, vals):
    b0, b1, b2 = vals[0], 0.0, 0.0
    for v in vals[1:]:
        b2 = b1
        b1 = b0
        b0 = x * b1 - b2 + v
    return 0.5 * (b0 - b2)


def _i0_1(x):
    return _exp(x) * _chbevl(x / 2.0 - 2, _I0A)


def _i0_2(x):
    return _exp(x) * _chbevl(32.0 / x - 2.0, _I0B) / _sqrt(x)


def i0(x):
    """numpy.i0: the modified Bessel function of the first kind, order 0."""
    x = asanyarray(x)
    if x.dtype.kind == "c":
        raise TypeError("i0 not supported for complex values")
    if x.dtype.kind != "f":
        x = x.astype(float)
    x = _absolute(x)
    return piecewise(x, [x <= 8.0], [_i0_1, _i0_2])


def sinc(x):
    """numpy.sinc: sin(pi x) / (pi x), 1 at 0."""
    x = asanyarray(x)
    y = _PI * where(x == 0, 1.0e-20, x)
    return _sin(y) / y
