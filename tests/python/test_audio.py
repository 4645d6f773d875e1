"""cnumpy.audio: the numeric methodology of shared/design/audio-spec.md (NumPy/SciPy measure,
cnumpy computes): tone SINAD with a fitted sine, passband flatness, aliasing and imaging, DC and
impulse, streaming == one-shot, interleaved == planar, BS.1770-4 loudness and true peak; gain,
normalize and the error cases."""
import hashlib
import math

import numpy as np
import pytest

import cnumpy as cnp
from cnumpy import audio

RNG = np.random.default_rng(9)
N_TONE = 65536

# The spec's rate pairs; (1.0, 1.001) and the sqrt(2) pair take the interpolated-table path,
# (48000, 48048) is the same ratio 1.001 as an exact rational.
PAIRS = [(44100, 48000), (48000, 44100), (48000, 16000), (16000, 48000), (96000, 44100),
         (44100, 44100 * math.sqrt(2)), (48000, 48048), (1.0, 1.001)]
TONES = (0.011, 0.25, 0.5, 0.9)


def _np(a):
    return np.asarray(a)


def _fit(y, f, start, amplitude=False):
    """Least-squares sine (+ DC) at the known frequency f (cycles per sample); (fit, residual),
    or the fitted amplitude."""
    n = np.arange(start, start + len(y))
    a = np.stack([np.sin(2 * np.pi * f * n), np.cos(2 * np.pi * f * n), np.ones(len(y))], 1)
    c, *_ = np.linalg.lstsq(a, y, rcond=None)
    if amplitude:
        return math.hypot(c[0], c[1])
    fit = a @ c
    return fit, y - fit


def _trim(in_rate, out_rate, quality="hq"):
    """Output frames to drop at each end: more than the filter's reach (its half-length is about
    370 input samples at the lower rate for 'hq', 500 for 'vhq', docs/audio.md)."""
    return int(600 * out_rate / min(in_rate, out_rate)) + 32


def _tone(in_rate, f, n, dtype, amp=0.5, phase=0.3):
    return (amp * np.sin(2 * np.pi * f / in_rate * np.arange(n) + phase)).astype(dtype)


def _sinad(in_rate, out_rate, frac, dtype, quality="hq"):
    f = frac * min(in_rate, out_rate) / 2
    y = _np(audio.resample(_tone(in_rate, f, N_TONE, dtype), in_rate, out_rate, quality=quality))
    assert y.dtype == dtype
    assert len(y) == math.ceil(N_TONE * out_rate / in_rate - 1e-9)
    t = _trim(in_rate, out_rate, quality)
    fit, res = _fit(y[t:-t].astype(np.float64), f / out_rate, t)
    return 10 * np.log10(np.sum(fit ** 2) / np.sum(res ** 2))


# -- 1. tone SINAD -----------------------------------------------------------------------------
@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: "%g-%g" % p)
@pytest.mark.parametrize("dtype,floor", [(np.float32, 120.0), (np.float64, 130.0)],
                         ids=["f32", "f64"])
def test_hq_sinad(pair, dtype, floor):
    for frac in TONES:
        s = _sinad(*pair, frac, dtype)
        assert s >= floor, (pair, frac, s)


@pytest.mark.parametrize("quality,floor", [("vhq", 170.0), ("mq", 120.0)])
def test_preset_sinad_float64(quality, floor):
    for pair in [(44100, 48000), (48000, 44100), (1.0, 1.001)]:
        for frac in (0.25, 0.8):
            s = _sinad(*pair, frac, np.float64, quality)
            assert s >= floor, (quality, pair, frac, s)


def test_lq_sinad():
    assert _sinad(44100, 48000, 0.25, np.float64, "lq") >= 90.0


# -- 2. passband -------------------------------------------------------------------------------
@pytest.mark.parametrize("pair", [(44100, 48000), (48000, 16000), (1.0, 1.001)],
                         ids=lambda p: "%g-%g" % p)
def test_hq_passband_flat(pair):
    in_rate, out_rate = pair
    low = min(in_rate, out_rate) / 2
    t = _trim(in_rate, out_rate)
    for frac in np.linspace(0.01, 0.95, 64):
        f = frac * low
        y = _np(audio.resample(_tone(in_rate, f, 8192, np.float64), in_rate, out_rate))
        gain_db = 20 * np.log10(_fit(y[t:-t], f / out_rate, t, amplitude=True) / 0.5)
        assert abs(gain_db) <= 0.01, (frac, gain_db)


# -- 3. aliasing and imaging -------------------------------------------------------------------
@pytest.mark.parametrize("pair", [(48000, 16000), (48000, 44100), (44100 * math.sqrt(2), 44100)],
                         ids=lambda p: "%g-%g" % p)
def test_hq_aliasing_rejected(pair):
    in_rate, out_rate = pair
    t = _trim(in_rate, out_rate)
    # tones from 1.0 to 1.5 of the output Nyquist (as far as the input can hold them)
    for frac in np.linspace(1.0, min(1.5, 0.98 * in_rate / out_rate), 6):
        f = frac * out_rate / 2
        y = _np(audio.resample(_tone(in_rate, f, 16384, np.float64), in_rate, out_rate))[t:-t]
        level = 10 * np.log10(np.mean(y ** 2) / (0.5 ** 2 / 2))
        assert level < -120.0, (frac, level)


def test_hq_imaging_rejected():
    # 7 kHz at 16 kHz -> 48 kHz: the image at 9 kHz (and everything above 8 kHz) must vanish.
    y = _np(audio.resample(_tone(16000, 7000.0, 32768, np.float64), 16000, 48000))
    t = _trim(16000, 48000)
    y = y[t:-t]
    spec = np.abs(np.fft.rfft(y * np.kaiser(len(y), 20.0))) ** 2
    freqs = np.fft.rfftfreq(len(y), 1 / 48000)
    above = spec[freqs >= 8000].sum() / spec.sum()
    assert 10 * np.log10(above) < -120.0


# -- 4. DC, impulse, delay ---------------------------------------------------------------------
@pytest.mark.parametrize("pair", [(44100, 48000), (48000, 16000), (1.0, math.pi)],
                         ids=lambda p: "%g-%g" % p)
def test_dc_gain(pair):
    y = _np(audio.resample(np.ones(20000), *pair))
    t = _trim(*pair)
    assert np.max(np.abs(y[t:-t] - 1.0)) <= 1e-6


@pytest.mark.parametrize("pair", [(1, 2), (1, 3), (3, 1)])
def test_impulse_symmetric_and_centred(pair):
    # Linear phase and zero delay: an impulse at input m comes out symmetric about m * out / in.
    in_rate, out_rate = pair
    m = 3000
    x = np.zeros(6000)
    x[m] = 1.0
    y = _np(audio.resample(x, in_rate, out_rate))
    c = m * out_rate // in_rate
    k = np.arange(1, 400)
    assert np.max(np.abs(y[c + k] - y[c - k])) <= 1e-12
    assert np.argmax(np.abs(y)) == c


@pytest.mark.parametrize("pair", [(44100, 48000), (48000, 16000), (1.0, 1.001)],
                         ids=lambda p: "%g-%g" % p)
def test_reported_delay_matches_streaming(pair):
    r = audio.Resampler(*pair, dtype="float64")
    got = fed = 0
    for n_in in (1000, 5000, 12345):
        got += len(_np(r.process(np.zeros(n_in - fed))))
        fed = n_in
        pending = r.out_length(n_in) - got
        assert 0 <= pending <= math.ceil(r.delay), (pending, r.delay)
    # flush returns exactly the frames held back
    assert len(_np(r.flush())) == r.out_length(12345) - got
    r.close()


# -- 5. streaming == one-shot ------------------------------------------------------------------
PRIMES = [1, 2, 3, 7, 13, 127, 509, 1021, 4093]


@pytest.mark.parametrize("pair", [(44100, 48000), (48000, 16000), (44100, 44100 * math.sqrt(2))],
                         ids=lambda p: "%g-%g" % p)
@pytest.mark.parametrize("dtype", [np.float32, np.float64], ids=["f32", "f64"])
@pytest.mark.parametrize("channels", [1, 2])
def test_streaming_equals_oneshot(pair, dtype, channels):
    n = 30000
    x = RNG.standard_normal((n, channels)).astype(dtype) * 0.3
    if channels == 1:
        x = x[:, 0]
    want = _np(audio.resample(x, *pair))
    r = audio.Resampler(*pair, channels=channels, dtype=dtype)
    sizes = PRIMES + list(RNG.integers(1, 4097, 40))
    pieces, pos, i = [], 0, 0
    while pos < n:
        s = int(sizes[i % len(sizes)])
        pieces.append(_np(r.process(x[pos:pos + s])))
        pos += s
        i += 1
    pieces.append(_np(r.flush()))
    got = np.concatenate(pieces)
    assert got.dtype == want.dtype and got.shape == want.shape
    assert np.array_equal(got, want)
    # reset() starts over: one whole chunk then flush gives the same again
    r.reset()
    again = np.concatenate([_np(r.process(x)), _np(r.flush())])
    assert np.array_equal(again, want)
    with pytest.raises(ValueError, match="after flush"):
        r.process(x[:10])
    r.close()


def test_streaming_empty_chunks_and_repeated_flush():
    x = RNG.standard_normal(5000)
    want = _np(audio.resample(x, 48000, 44100, quality="mq"))
    r = audio.Resampler(48000, 44100, dtype="float64", quality="mq")
    out = [_np(r.process(x[:0])), _np(r.process(x)), _np(r.process(x[:0])), _np(r.flush())]
    assert np.array_equal(np.concatenate(out), want)
    assert len(_np(r.flush())) == 0


# -- 6. layouts --------------------------------------------------------------------------------
@pytest.mark.parametrize("pair", [(44100, 48000), (1.0, 1.001)], ids=lambda p: "%g-%g" % p)
@pytest.mark.parametrize("dtype", [np.float32, np.float64], ids=["f32", "f64"])
def test_interleaved_equals_planar_and_mono(pair, dtype):
    x = (RNG.standard_normal((4000, 3)) * 0.3).astype(dtype)
    x[:, 1] = 0.0  # a silent channel
    inter = _np(audio.resample(x, *pair))
    planar = _np(audio.resample(np.ascontiguousarray(x.T), *pair, planar=True))
    assert inter.shape == (math.ceil(4000 * pair[1] / pair[0] - 1e-9), 3)
    assert np.array_equal(inter, planar.T)
    assert np.all(inter[:, 1] == 0.0)
    assert not np.any(np.signbit(inter[:, 1]))
    for c in (0, 2):
        assert np.array_equal(inter[:, c], _np(audio.resample(x[:, c], *pair)))
    # non-contiguous and negative-stride views are read as they are
    assert np.array_equal(_np(audio.resample(x[::-1], *pair)),
                          _np(audio.resample(np.ascontiguousarray(x[::-1]), *pair)))


def test_dtype_conversion():
    xi = (RNG.integers(-1000, 1000, 3000)).astype(np.int16)
    y = _np(audio.resample(xi, 2, 3))
    assert y.dtype == np.float64
    assert np.array_equal(y, _np(audio.resample(xi.astype(np.float64), 2, 3)))
    assert _np(audio.resample(xi.astype(np.float16), 2, 3)).dtype == np.float32


def test_deterministic():
    x = RNG.standard_normal((20000, 2))
    a = _np(audio.resample(x, 44100, 48000))
    b = _np(audio.resample(x, 44100, 48000))
    assert np.array_equal(a, b)


# -- 7. loudness and true peak -----------------------------------------------------------------
def test_loudness_997hz_reference():
    x = _tone(48000, 997.0, 48000 * 5, np.float64, amp=10 ** (-20 / 20), phase=0.0)
    assert abs(audio.loudness(x, 48000) - (-23.01)) <= 0.1
    full = _tone(48000, 997.0, 48000 * 5, np.float64, amp=1.0, phase=0.0)
    assert abs(audio.loudness(full, 48000) - (-3.01)) <= 0.1


def _lfilter(b, a, x):
    """A direct-form I biquad along axis 0 (plain Python loop: the reference, not fast)."""
    y = np.empty_like(x)
    x1 = x2 = y1 = y2 = np.zeros(x.shape[1:])
    for i in range(len(x)):
        v = x[i]
        o = b[0] * v + b[1] * x1 + b[2] * x2 - a[1] * y1 - a[2] * y2
        x2, x1, y2, y1 = x1, v, y1, o
        y[i] = o
    return y


def _bs1770_reference(x, rate):
    """BS.1770-4 with the standard's published 48 kHz K-weighting coefficients."""
    b1 = [1.53512485958697, -2.69169618940638, 1.19839281085285]
    a1 = [1.0, -1.69065929318241, 0.73248077421585]
    b2 = [1.0, -2.0, 1.0]
    a2 = [1.0, -1.99004745483398, 0.99007225036621]
    y = _lfilter(b2, a2, _lfilter(b1, a1, x))
    if y.ndim == 1:
        y = y[:, None]
    g = np.array([1.0, 1.0, 1.0, 1.41, 1.41][:y.shape[1]])
    block, hop = int(0.4 * rate), int(0.1 * rate)
    z = np.array([(y[s:s + block] ** 2).mean(axis=0) @ g
                  for s in range(0, len(y) - block + 1, hop)])
    lk = -0.691 + 10 * np.log10(np.maximum(z, 1e-300))
    z1 = z[lk > -70]
    rel = -0.691 + 10 * np.log10(z1.mean()) - 10
    return -0.691 + 10 * np.log10(z[(lk > -70) & (lk > rel)].mean())


@pytest.mark.parametrize("channels", [1, 2, 5])
def test_loudness_against_reference(channels):
    n = 48000 * 3
    env = np.repeat(RNG.uniform(0.001, 1.0, 30), n // 30)[:, None]  # varied levels: gates act
    x = RNG.standard_normal((n, channels)) * 0.1 * env
    if channels == 1:
        x = x[:, 0]
    got = audio.loudness(x, 48000)
    want = _bs1770_reference(x, 48000)
    assert abs(got - want) <= 0.01, (got, want)


def test_loudness_rates_and_silence():
    # The K-weighting is derived for every rate: the same tone reads the same at 44.1 kHz.
    x48 = _tone(48000, 997.0, 48000 * 3, np.float64, amp=0.1)
    x44 = _tone(44100, 997.0, 44100 * 3, np.float64, amp=0.1)
    assert abs(audio.loudness(x48, 48000) - audio.loudness(x44, 44100)) <= 0.02
    assert audio.loudness(np.zeros(48000), 48000) == -math.inf
    with pytest.raises(ValueError, match="shorter than one 400 ms block"):
        audio.loudness(np.zeros(1000), 48000)


def test_true_peak():
    n = 48000
    x = np.sin(2 * np.pi * 0.25 * np.arange(n) + np.pi / 4)  # fs/4, 45 degrees: samples at 0.707
    # faded in and out: an abrupt start rings (Gibbs) above the steady-state peak
    fade = np.sin(np.linspace(0, np.pi / 2, 2000)) ** 2
    x[:2000] *= fade
    x[-2000:] *= fade[::-1]
    sample_peak = 20 * np.log10(np.max(np.abs(x)))
    tp = audio.true_peak(x, 48000)
    assert abs((tp - sample_peak) - 3.01) <= 0.05
    for _ in range(3):
        y = RNG.standard_normal((4800, 2)) * 0.2
        assert audio.true_peak(y, 48000) >= 20 * np.log10(np.abs(y).max()) - 1e-12
    assert audio.true_peak(np.zeros(100), 48000) == -math.inf


# -- gain and normalize ------------------------------------------------------------------------
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_gain(dtype):
    x = RNG.standard_normal((100, 2)).astype(dtype)
    y0 = _np(audio.gain(x, 0.0))
    assert y0.dtype == dtype and np.array_equal(y0, x)
    y = _np(audio.gain(x, -6.0))
    want = (x.astype(np.float64) * 10 ** (-6.0 / 20)).astype(dtype)
    assert y.dtype == dtype and np.array_equal(y, want)
    assert _np(audio.gain(np.arange(4, dtype=np.int32), 20.0)).tolist() == [0.0, 10.0, 20.0, 30.0]
    with pytest.raises(ValueError, match="finite"):
        audio.gain(x, math.nan)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_normalize_modes(dtype):
    x = (RNG.standard_normal((48000, 2)) * 0.05).astype(dtype)
    y, over = audio.normalize(x, "peak", -3.0)
    y = _np(y)
    assert y.dtype == dtype and over == 0
    assert abs(20 * np.log10(np.abs(y.astype(np.float64)).max()) + 3.0) < 1e-5
    y, _ = audio.normalize(x, "rms", -20.0)
    rms = np.sqrt(np.mean(_np(y).astype(np.float64) ** 2))
    assert abs(20 * np.log10(rms) + 20.0) < 1e-5
    y, _ = audio.normalize(x, "lufs", -23.0, rate=48000)
    assert abs(audio.loudness(y, 48000) + 23.0) < 1e-3
    y, _ = audio.normalize(x, "true_peak", -1.0)
    assert abs(audio.true_peak(y, 48000) + 1.0) < 1e-3
    # silence stays silence
    z, over = audio.normalize(np.zeros(1000, dtype), "peak", 0.0)
    assert over == 0 and not np.any(_np(z))


def test_normalize_overflow_modes():
    x = RNG.standard_normal(48000) * 0.1
    x[1000] = 1.0  # one spike; RMS normalization to -3 dBFS pushes many samples over
    y, over = audio.normalize(x, "rms", -3.0)
    y = _np(y)
    assert over == int(np.sum(np.abs(y) > 1.0)) and over > 100
    yc, overc = audio.normalize(x, "rms", -3.0, overflow="clip")
    yc = _np(yc)
    assert overc == over and np.abs(yc).max() <= 1.0
    assert np.array_equal(yc, np.clip(y, -1.0, 1.0))
    yl, overl = audio.normalize(x, "rms", -3.0, rate=48000, overflow="limit")
    yl = _np(yl)
    assert overl == over and np.abs(yl).max() <= 1.0
    # the limiter only turns gain down, and leaves samples far from any peak alone
    assert np.all(np.abs(yl) <= np.abs(y) + 1e-15)


# -- errors ------------------------------------------------------------------------------------
def test_errors():
    x = np.zeros(100)
    for bad in (0, -1, math.inf, math.nan):
        with pytest.raises(ValueError, match="in_rate must be a positive finite number"):
            audio.resample(x, bad, 48000)
        with pytest.raises(ValueError, match="out_rate must be a positive finite number"):
            audio.resample(x, 48000, bad)
        with pytest.raises(ValueError, match="positive finite"):
            audio.Resampler(bad, 48000)
    with pytest.raises(TypeError, match="must be a number"):
        audio.resample(x, "44100", 48000)
    with pytest.raises(ValueError, match="no frames"):
        audio.resample(np.zeros(0), 44100, 48000)
    with pytest.raises(ValueError, match="no channels"):
        audio.resample(np.zeros((10, 0)), 44100, 48000)
    with pytest.raises(ValueError, match="got 3-D"):
        audio.resample(np.zeros((2, 2, 2)), 44100, 48000)
    with pytest.raises(ValueError, match="got 0-D"):
        audio.resample(np.float64(1.0), 44100, 48000)
    with pytest.raises(TypeError, match="unsupported dtype complex128"):
        audio.resample(np.zeros(10, complex), 44100, 48000)
    with pytest.raises(ValueError, match="needs a [0-9]+-tap filter"):
        audio.resample(x, 48000, 10)
    with pytest.raises(ValueError, match="quality must be one of"):
        audio.resample(x, 44100, 48000, quality="best")
    with pytest.raises(TypeError, match="float32 or float64"):
        audio.Resampler(44100, 48000, dtype="int16")
    with pytest.raises(ValueError, match="channels must be >= 1"):
        audio.Resampler(44100, 48000, channels=0)
    r = audio.Resampler(44100, 48000, channels=2)
    with pytest.raises(ValueError, match="has 2 channel"):
        r.process(np.zeros((10, 3), np.float32))
    with pytest.raises(ValueError, match="got 3-D"):
        r.process(np.zeros((1, 1, 2), np.float32))
    r.close()
    with pytest.raises(ValueError, match="closed"):
        r.process(np.zeros((10, 2), np.float32))
    with pytest.raises(ValueError, match="mode must be one of"):
        audio.normalize(x, "loud")
    with pytest.raises(ValueError, match="overflow must be one of"):
        audio.normalize(x, overflow="wrap")
    with pytest.raises(ValueError, match="needs the sample rate"):
        audio.normalize(x, "lufs")
    with pytest.raises(ValueError, match="rate must be a positive finite number"):
        audio.loudness(x, 0)
    with pytest.raises(TypeError, match="unsupported dtype"):
        audio.true_peak(np.zeros(10, complex), 48000)


@pytest.mark.parametrize("quality", ["lq", "mq", "hq", "vhq"])
def test_short_inputs_all_presets(quality):
    # Inputs shorter than any filter, every structure (2x chain, decimation, stage B, irrational,
    # ratio 1): exact lengths, streaming == one-shot, flush of an empty stream, planar streams.
    for pair in [(44100, 48000), (48000, 16000), (48000, 44100), (1.0, math.sqrt(2)), (5, 1),
                 (44100, 44100)]:
        for n in (1, 2, 7, 100):
            x = RNG.standard_normal(n)
            y = _np(audio.resample(x, *pair, quality=quality))
            assert len(y) == math.ceil(n * pair[1] / pair[0] - 1e-9)
            r = audio.Resampler(*pair, dtype="float64", quality=quality)
            assert np.array_equal(y, np.concatenate([_np(r.process(x)), _np(r.flush())]))
        r = audio.Resampler(*pair, quality=quality)
        assert _np(r.flush()).shape == (0,)
        x = RNG.standard_normal((2, 3000))
        want = _np(audio.resample(x, *pair, quality=quality, planar=True))
        r = audio.Resampler(*pair, channels=2, dtype="float64", quality=quality, planar=True)
        got = np.concatenate([_np(r.process(x[:, :1000])), _np(r.process(x[:, 1000:])),
                              _np(r.flush())], axis=1)
        assert np.array_equal(want, got)


# -- every FFT structure streams like one-shot ---------------------------------------------------
# chain.cpp picks: the one-FFT resize stage (integer rates whose reduced L/M have only the prime
# factors 2, 3, 5, 7), else the two-stage chain: 2x + polyphase (ratios near or above 1), integer
# decimation by the FFT alone (48000 -> 4000 is M = 12; 44000 -> 4000 is 11, not smooth), a
# polyphase stage B after a plain low-pass (downsampling below 0.75), or interpolated tables.
@pytest.mark.parametrize("pair,quality,dtype", [
    ((44100, 48000), "lq", np.float64),    # resize; lq computes in float32 for float64
    ((16000, 48000), "mq", np.float32),    # resize, upsampling
    ((96000, 44100), "hq", np.float64),    # resize, M = 320
    ((48000, 48048), "hq", np.float32),    # 1001 / 1000: two-stage, 2x + rational stage B
    ((44000, 4000), "hq", np.float64),     # D = 11: FFT decimation, no stage B
    ((48000, 22001), "mq", np.float64),    # two-stage, plain low-pass + stage B
    ((44100, 44100 * math.sqrt(2)), "lq", np.float32),  # irrational
], ids=lambda v: str(v))
def test_streaming_equals_oneshot_every_structure(pair, quality, dtype):
    n = 23000
    x = (RNG.standard_normal((n, 2)) * 0.3).astype(dtype)
    want = _np(audio.resample(x, *pair, quality=quality))
    assert want.dtype == dtype and want.shape == (math.ceil(n * pair[1] / pair[0] - 1e-9), 2)
    r = audio.Resampler(*pair, channels=2, dtype=dtype, quality=quality)
    sizes = PRIMES + list(RNG.integers(1, 4097, 30))
    pieces, pos, i = [], 0, 0
    while pos < n:
        s = int(sizes[i % len(sizes)])
        pieces.append(_np(r.process(x[pos:pos + s])))
        pos = min(pos + s, n)
        i += 1
        pending = r.out_length(pos) - sum(len(p) for p in pieces)
        assert 0 <= pending <= math.ceil(r.delay)
    pieces.append(_np(r.flush()))
    assert np.array_equal(np.concatenate(pieces), want)
    r.close()


def test_lower_presets_meet_their_design():
    # lq: passband 0.80, 100 dB design; mq: 0.90, 125 dB (docs/audio.md): tones inside the
    # passband come out at those levels of accuracy.
    for pair in [(44100, 48000), (48000, 16000), (48000, 44100)]:
        for frac in (0.011, 0.25, 0.5, 0.75):
            assert _sinad(*pair, frac, np.float64, "lq") >= 88.0, (pair, frac)
            assert _sinad(*pair, frac, np.float64, "mq") >= 118.0, (pair, frac)


def test_deterministic_across_processes():
    # The FFT plans come from shipped wisdom imported before the first plan of the process, so a
    # process that made an FFT plan of the same size first (through cnumpy.fft) resamples to the
    # same bits as this one.
    import subprocess
    import sys
    code = ("import sys, hashlib, numpy as np, cnumpy as cnp\n"
            "cnp.fft.rfft(cnp.asarray(np.ones(4704, np.float32)))\n"
            "x = np.random.default_rng(5).standard_normal(30000).astype(np.float32)\n"
            "y = np.asarray(cnp.audio.resample(cnp.asarray(x), 44100, 48000))\n"
            "print(hashlib.sha256(y.tobytes()).hexdigest())\n")
    x = np.random.default_rng(5).standard_normal(30000).astype(np.float32)
    here = hashlib.sha256(_np(audio.resample(x, 44100, 48000)).tobytes()).hexdigest()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == here
