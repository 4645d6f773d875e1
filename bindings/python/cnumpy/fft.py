"""cnumpy.fft: numpy.fft's discrete Fourier transforms, computed by libcnumpy with FFTW3.

Signatures, defaults, zero-padding/truncation (n, s), axes and norm follow numpy.fft. Precision
follows NumPy 2: float32/complex64 inputs give complex64 (float32 for irfft/hfft), everything
else complex128/float64 (see docs/fft.md and docs/numpy-differences.md).

cnumpy extensions (not in numpy.fft): export_wisdom() / import_wisdom(pair) save and restore
FFTW's measured plans across processes."""
import operator

from . import _args, _backend
from ._capi import call as _call, produce, produce_string as _produce_string
from ._convert import as_array

__all__ = ["fft", "ifft", "rfft", "irfft", "hfft", "ihfft", "fft2", "ifft2", "rfft2", "irfft2",
           "fftn", "ifftn", "rfftn", "irfftn", "fftfreq", "rfftfreq", "fftshift", "ifftshift"]

_lib = _backend.lib
_C = _backend.consts
_NORMS = {None: _C["CNP_FFT_NORM_BACKWARD"], "backward": _C["CNP_FFT_NORM_BACKWARD"],
          "ortho": _C["CNP_FFT_NORM_ORTHO"], "forward": _C["CNP_FFT_NORM_FORWARD"]}


def _norm(norm):
    try:
        return _NORMS[norm]
    except (KeyError, TypeError):
        raise ValueError('Invalid norm value %s; should be "backward", "ortho" or "forward".'
                         % (norm,)) from None


def _n(n):
    if n is None:
        return -1
    n = operator.index(n)
    if n < 1:
        raise ValueError("Invalid number of FFT data points (%d) specified." % n)
    return _args.int64(n)  # NumPy's next step, zeros(n), fails beyond int64


def _one(fn):
    cfn = getattr(_lib, "cnp_fft_" + fn)

    def f(a, n=None, axis=-1, norm=None):
        a = as_array(a)
        return produce(cfn, a._h, _n(n), operator.index(axis), _norm(norm))
    f.__name__ = f.__qualname__ = fn
    f.__doc__ = "numpy.fft.%s(a, n=None, axis=-1, norm=None)" % fn
    return f


def _many(fn, default_axes):
    cfn = getattr(_lib, "cnp_fft_" + fn)

    def f(a, s=None, axes=default_axes, norm=None):
        a = as_array(a)
        sp, ns = _args.int_sequence(s)
        ap, na = _args.int_sequence(axes)
        return produce(cfn, a._h, sp, ns, ap, na, _norm(norm))
    f.__name__ = f.__qualname__ = fn
    f.__doc__ = "numpy.fft.%s(a, s=None, axes=%r, norm=None)" % (fn, default_axes)
    return f


fft = _one("fft")
ifft = _one("ifft")
rfft = _one("rfft")
irfft = _one("irfft")
hfft = _one("hfft")
ihfft = _one("ihfft")
fftn = _many("fftn", None)
ifftn = _many("ifftn", None)
rfftn = _many("rfftn", None)
irfftn = _many("irfftn", None)
fft2 = _many("fft2", (-2, -1))
ifft2 = _many("ifft2", (-2, -1))
rfft2 = _many("rfft2", (-2, -1))
irfft2 = _many("irfft2", (-2, -1))


def _freq(cfn, n, d):
    if isinstance(n, bool) or not isinstance(n, int):
        try:
            n = operator.index(n)
        except TypeError:
            raise ValueError("n should be an integer") from None
    if n * d == 0:
        raise ZeroDivisionError("float division by zero")
    return produce(cfn, n, float(d))


def fftfreq(n, d=1.0):
    """numpy.fft.fftfreq(n, d=1.0): [0, 1, ..., n//2-1(or so), -n//2, ..., -1] / (d*n)."""
    return _freq(_lib.cnp_fft_fftfreq, n, d)


def rfftfreq(n, d=1.0):
    """numpy.fft.rfftfreq(n, d=1.0): [0, 1, ..., n//2] / (d*n)."""
    return _freq(_lib.cnp_fft_rfftfreq, n, d)


def fftshift(x, axes=None):
    """numpy.fft.fftshift: the zero-frequency term moved to the centre."""
    x = as_array(x)
    ap, na = _args.int_sequence(axes)
    return produce(_lib.cnp_fft_fftshift, x._h, ap, na)


def ifftshift(x, axes=None):
    """numpy.fft.ifftshift: the inverse of fftshift."""
    x = as_array(x)
    ap, na = _args.int_sequence(axes)
    return produce(_lib.cnp_fft_ifftshift, x._h, ap, na)


# --- cnumpy extension: FFTW wisdom (NumPy has no plans). Not in __all__. ---

def export_wisdom():
    """cnumpy extension: FFTW's accumulated wisdom as a (double, single) pair of str.

    Large multi-dimensional plans are measured on first use (up to a few seconds, see docs/fft.md);
    a long-running service can save this pair and hand it to import_wisdom() at its next start."""
    return tuple(_produce_string(_lib.cnp_fft_export_wisdom, single) for single in (0, 1))


def import_wisdom(wisdom):
    """cnumpy extension: merges a (double, single) pair from export_wisdom() into FFTW's wisdom.

    Raises ValueError when FFTW cannot parse a string (that precision's wisdom is then unchanged)."""
    if isinstance(wisdom, (str, bytes)) or not hasattr(wisdom, "__len__") or len(wisdom) != 2:
        raise TypeError("wisdom must be a (double, single) pair of strings, as export_wisdom() "
                        "returns")
    for single, text in enumerate(wisdom):
        if isinstance(text, str):
            text = text.encode("ascii", "replace")
        if not isinstance(text, bytes):
            raise TypeError("wisdom must be a (double, single) pair of strings, as "
                            "export_wisdom() returns")
        if b"\0" in text:
            raise ValueError("wisdom strings must not contain NUL characters")
        _call(_lib.cnp_fft_import_wisdom, single, text)
