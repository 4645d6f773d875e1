"""Benchmark cases for cnumpy.audio (issue 9): resample 'hq' against libsoxr HQ (the default of
librosa) and libsamplerate SINC_BEST_QUALITY on 10 s of noise, mono and stereo, 44.1k->48k and
48k->16k; the lower presets 'lq' and 'mq' against libsoxr's LQ and MQ (mono).

In these rows the "numpy" column is the reference library (called through ctypes, one thread),
not NumPy: ratio = reference / cnumpy (> 1: cnumpy is faster). The references are optional:
`apt-get install libsoxr0 libsamplerate0`; without them their cases are left out.
`/usr/bin/python3 bench/run.py --filter audio` runs this file's cases.
"""
import os
import sys

from harness import Case

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import audio_refs  # noqa: E402

_SOXR = audio_refs.load_soxr()
_SRC = audio_refs.load_samplerate()


def _signal(np, rate, channels, dtype):
    x = np.random.default_rng(0).standard_normal((rate * 10, channels)) * 0.1
    return (x[:, 0] if channels == 1 else x).astype(dtype)


def _soxr_case(in_rate, out_rate, channels, dtype):
    def setup(np, cnp):
        x = _signal(np, in_rate, channels, dtype)
        cx = cnp.asarray(x)
        return ((lambda: _SOXR(np, x, in_rate, out_rate, audio_refs.SOXR_HQ)),
                (lambda: cnp.audio.resample(cx, in_rate, out_rate, quality="hq")))
    return setup


def _soxr_preset_case(in_rate, out_rate, dtype, soxr_quality, quality):
    # A lower preset against libsoxr's preset of the same name (mono, one-shot).
    def setup(np, cnp):
        x = _signal(np, in_rate, 1, dtype)
        cx = cnp.asarray(x)
        return ((lambda: _SOXR(np, x, in_rate, out_rate, soxr_quality)),
                (lambda: cnp.audio.resample(cx, in_rate, out_rate, quality=quality)))
    return setup


def _src_case(in_rate, out_rate, channels):
    def setup(np, cnp):
        x = _signal(np, in_rate, channels, "float32")
        cx = cnp.asarray(x)
        return ((lambda: _SRC(np, x, in_rate, out_rate, audio_refs.SRC_SINC_BEST_QUALITY)),
                (lambda: cnp.audio.resample(cx, in_rate, out_rate, quality="hq")))
    return setup


CASES = []
for _in, _out in ((44100, 48000), (48000, 16000)):
    if _SOXR is not None:
        for _q, _sq in (("lq", audio_refs.SOXR_LQ), ("mq", audio_refs.SOXR_MQ)):
            for _dt in ("float32", "float64"):
                CASES.append(Case(
                    "audio_soxr_%s_%dk_%dk_mono_%s" % (_q, _in // 1000, _out // 1000, _dt),
                    "soxr %s vs cnumpy %s: %d->%d, 10 s mono %s" % (_q.upper(), _q, _in, _out, _dt),
                    _soxr_preset_case(_in, _out, _dt, _sq, _q),
                    note="'numpy' column = libsoxr %s (one thread)" % _q.upper()))
    for _ch in (1, 2):
        _tag = "%dk_%dk_%s" % (_in // 1000, _out // 1000, "mono" if _ch == 1 else "stereo")
        if _SOXR is not None:
            for _dt in ("float32", "float64"):
                CASES.append(Case(
                    "audio_soxr_hq_%s_%s" % (_tag, _dt),
                    "soxr HQ vs cnumpy hq: %d->%d, 10 s %s %s" % (_in, _out, _tag.split("_")[-1], _dt),
                    _soxr_case(_in, _out, _ch, _dt),
                    note="'numpy' column = libsoxr HQ (one thread)"))
        if _SRC is not None:
            CASES.append(Case(
                "audio_src_best_%s_float32" % _tag,
                "libsamplerate SINC_BEST vs cnumpy hq: %d->%d, 10 s %s float32"
                % (_in, _out, _tag.split("_")[-1]),
                _src_case(_in, _out, _ch),
                note="'numpy' column = libsamplerate SINC_BEST_QUALITY"))
