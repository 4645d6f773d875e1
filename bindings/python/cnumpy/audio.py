"""cnumpy.audio: resampling (one-shot and streaming), gain, normalization, loudness, true peak.

Signals are 1-D (frames,) mono or 2-D (frames, channels) interleaved; planar=True reads and
writes a 2-D signal as (channels, frames). float32 and float64 keep their dtype; float16 works
as float32; integers and bool are converted to float64 values as they are (no scaling by the
integer range). See docs/audio.md for the filter design and the measured quality of each preset.
"""
import math
import operator

from . import _backend
from ._capi import check, produce, query as _query
from ._convert import as_array
from ._dtype import dtype as _dtype

__all__ = ["resample", "Resampler", "gain", "normalize", "loudness", "true_peak", "QUALITIES"]

_lib = _backend.lib
_C = _backend.consts
QUALITIES = {"lq": _C["CNP_AUDIO_LQ"], "mq": _C["CNP_AUDIO_MQ"], "hq": _C["CNP_AUDIO_HQ"],
             "vhq": _C["CNP_AUDIO_VHQ"]}
_MODES = {"peak": _C["CNP_AUDIO_PEAK"], "true_peak": _C["CNP_AUDIO_TRUE_PEAK"],
          "rms": _C["CNP_AUDIO_RMS"], "lufs": _C["CNP_AUDIO_LUFS"]}
_OVER = {"report": _C["CNP_AUDIO_OVER_REPORT"], "clip": _C["CNP_AUDIO_OVER_CLIP"],
         "limit": _C["CNP_AUDIO_OVER_LIMIT"]}
# Default normalization targets: -1 dBFS/dBTP peaks, -20 dBFS RMS, and EBU
# R128's -23 LUFS.
_DEFAULT_TARGET = {"peak": -1.0, "true_peak": -1.0, "rms": -20.0, "lufs": -23.0}

if _backend.NAME == "cffi":
    from ._cffi_backend import ffi as _ffi

    def _double_out():
        return _ffi.new("double[1]")

    def _resampler_out():
        return _ffi.new("cnp_audio_resampler *[1]")
else:
    import ctypes as _ctypes
    _D1 = _ctypes.c_double * 1

    def _double_out():
        return _D1()

    _resampler_out = _backend.new_voidp_out


def _choice(table, value, what):
    try:
        return table[value]
    except (KeyError, TypeError):
        raise ValueError("%s must be one of %s, got %r"
                         % (what, ", ".join(repr(k) for k in table), value)) from None


def _rate(fn, name, value):
    if isinstance(value, (str, bytes)) or value is None:
        raise TypeError("%s: %s must be a number, got %s" % (fn, name, type(value).__name__))
    try:
        r = float(value)
    except (TypeError, ValueError):
        raise TypeError("%s: %s must be a number, got %s" % (fn, name, type(value).__name__)) \
            from None
    if not (r > 0.0 and math.isfinite(r)):
        raise ValueError("%s: %s must be a positive finite number, got %r" % (fn, name, value))
    return r


def _double(fn, name, value):
    if isinstance(value, (str, bytes)) or value is None:
        raise TypeError("%s: %s must be a number, got %s" % (fn, name, type(value).__name__))
    return float(value)


def resample(x, in_rate, out_rate, *, quality="hq", planar=False):
    """x resampled from in_rate to out_rate; length ceil(frames * out_rate / in_rate).

    x: (frames,) or (frames, channels) ((channels, frames) with planar=True), float32/float64
    (output of the same dtype). quality: 'lq', 'mq', 'hq' (default: passband to 0.95 of the
    lower Nyquist, >= 130 dB stopband) or 'vhq' (>= 170 dB). Linear phase, no delay to trim."""
    x = as_array(x)
    q = _choice(QUALITIES, quality, "quality")
    return produce(_lib.cnp_audio_resample, x._h, _rate("resample", "in_rate", in_rate),
                   _rate("resample", "out_rate", out_rate), q, 1 if planar else 0)


class Resampler:
    """Streaming resampler: process(chunk) returns what is ready, flush() the rest. The
    concatenated outputs equal resample() of the concatenated input (same settings)."""

    _h = None

    def __init__(self, in_rate, out_rate, channels=1, dtype="float32", quality="hq", *,
                 planar=False):
        in_rate = _rate("Resampler", "in_rate", in_rate)
        out_rate = _rate("Resampler", "out_rate", out_rate)
        channels = operator.index(channels)
        if channels < 1:
            raise ValueError("Resampler: channels must be >= 1, got %d" % channels)
        dt = _dtype(dtype)
        if dt.name not in ("float32", "float64"):
            raise TypeError("Resampler: dtype must be float32 or float64, got %s" % dt.name)
        q = _choice(QUALITIES, quality, "quality")
        self._h = _query(_lib.cnp_audio_resampler_create, _resampler_out, in_rate, out_rate,
                        channels, _C["CNP_FLOAT32"] if dt.name == "float32" else _C["CNP_FLOAT64"],
                        q, 1 if planar else 0)
        self.in_rate, self.out_rate, self.channels = in_rate, out_rate, channels
        self.dtype, self.quality, self.planar = dt, quality, bool(planar)

    def _handle(self):
        if self._h is None:
            raise ValueError("Resampler: the resampler is closed")
        return self._h

    def process(self, chunk):
        """Feeds chunk ((frames,) or (frames, channels)); returns the frames that are ready."""
        chunk = as_array(chunk)  # kept alive across the call: the handle is only borrowed
        return produce(_lib.cnp_audio_resampler_process, self._handle(), chunk._h)

    def flush(self):
        """Ends the stream: returns the remaining frames (process() then needs reset())."""
        return produce(_lib.cnp_audio_resampler_flush, self._handle())

    def reset(self):
        """Starts a new stream with the same settings."""
        check(_lib.cnp_audio_resampler_reset(self._handle()))

    @property
    def delay(self):
        """Latency in output frames (float): the frames held back while streaming."""
        return _query(_lib.cnp_audio_resampler_delay, _double_out, self._handle())

    def out_length(self, n):
        """Total output frames for n input frames."""
        return _query(_lib.cnp_audio_resampler_out_length, _backend.new_int64_out, self._handle(),
                     operator.index(n))

    def close(self):
        """Frees the resampler (also done when it is garbage collected)."""
        h, self._h = self._h, None
        if h is not None:
            _lib.cnp_audio_resampler_free(h)

    __del__ = close

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def gain(x, db):
    """x * 10**(db / 20) (0 dB: an exact copy). Any shape; float32 stays float32."""
    x = as_array(x)
    return produce(_lib.cnp_audio_gain, x._h, _double("gain", "db", db))


def normalize(x, mode="peak", target_db=None, rate=None, *, overflow="report", planar=False):
    """(y, n_over): x scaled so that its mode ('peak' dBFS, 'true_peak' dBTP, 'rms' dBFS or
    'lufs', which needs rate) reads target_db (defaults -1, -1, -20, -23), and the number of
    samples with |y| > 1 before overflow handling: 'report' leaves them, 'clip' clips them,
    'limit' applies a look-ahead limiter (+/-1 ms at rate, else +/-32 frames). Silence is
    returned unchanged."""
    x = as_array(x)
    m = _choice(_MODES, mode, "mode")
    o = _choice(_OVER, overflow, "overflow")
    target = _DEFAULT_TARGET[mode] if target_db is None else _double("normalize", "target_db",
                                                                      target_db)
    if rate is None:
        if mode == "lufs":
            raise ValueError("normalize: mode 'lufs' needs the sample rate (rate=...)")
        r = 0.0
    else:
        r = _rate("normalize", "rate", rate)
    n_over = _backend.new_int64_out()
    y = produce(_lib.cnp_audio_normalize, x._h, m, target, r, o, 1 if planar else 0, n_over)
    return y, n_over[0]


def loudness(x, rate, *, planar=False):
    """ITU-R BS.1770-4 integrated loudness in LUFS (-inf when all blocks are gated)."""
    x = as_array(x)
    return _query(_lib.cnp_audio_loudness, _double_out, x._h, _rate("loudness", "rate", rate),
                 1 if planar else 0)


def true_peak(x, rate, *, planar=False):
    """True peak in dBTP (4x oversampling, never below the sample peak; -inf for silence)."""
    x = as_array(x)
    return _query(_lib.cnp_audio_true_peak, _double_out, x._h,
                 _rate("true_peak", "rate", rate), 1 if planar else 0)
