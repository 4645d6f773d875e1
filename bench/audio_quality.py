#!/usr/bin/python3
"""Quality table of docs/audio.md: the spec's measurements (shared/design/audio-spec.md) for
every cnumpy preset and, when installed, libsoxr HQ/VHQ and libsamplerate SINC_BEST, all through
the same code. Not part of CI (tests/python/test_audio.py asserts the targets).

  /usr/bin/python3 bench/audio_quality.py [--quick]

Columns: minimum tone SINAD over the rate pairs and tones (0.011, 0.25, 0.5, 0.9 of the lower
Nyquist, amplitude 0.5, 65536 samples, fitted sine), largest passband deviation up to 0.95 of the
lower Nyquist, and the worst level of tones at 1.0-1.5 of the output Nyquist after 48k -> 16k and
96k -> 44.1k (aliasing), in float32 and float64 (libsamplerate: float32 only).
"""
import argparse
import math
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "bindings", "python"))
import audio_refs  # noqa: E402
import cnumpy as cnp  # noqa: E402

PAIRS = [(44100, 48000), (48000, 44100), (48000, 16000), (16000, 48000), (96000, 44100),
         (44100, 44100 * math.sqrt(2)), (48000, 48048)]
TONES = (0.011, 0.25, 0.5, 0.9)


def fit(y, f, start):
    n = np.arange(start, start + len(y))
    a = np.stack([np.sin(2 * np.pi * f * n), np.cos(2 * np.pi * f * n), np.ones(len(y))], 1)
    c, *_ = np.linalg.lstsq(a, y, rcond=None)
    return a @ c, math.hypot(c[0], c[1])


def measure(resample, dtype, pairs, quick):
    trim = 3000
    n = 32768 if quick else 65536
    sinad = []
    for inr, outr in pairs:
        low = min(inr, outr) / 2
        for fr in TONES:
            f = fr * low
            x = (0.5 * np.sin(2 * np.pi * f / inr * np.arange(n) + 0.3)).astype(dtype)
            y = np.asarray(resample(x, inr, outr), dtype=np.float64)[trim:-trim]
            ft, _ = fit(y, f / outr, trim)
            sinad.append(10 * np.log10(np.sum(ft ** 2) / np.sum((y - ft) ** 2)))
    dev = 0.0
    dev90 = 0.0
    for inr, outr in [(44100, 48000), (48000, 16000)]:
        low = min(inr, outr) / 2
        for fr in np.linspace(0.01, 0.95, 16 if quick else 64):
            f = fr * low
            m = int((8192 + 2 * trim) * inr / outr)
            x = (0.5 * np.sin(2 * np.pi * f / inr * np.arange(m))).astype(dtype)
            y = np.asarray(resample(x, inr, outr), dtype=np.float64)[trim:-trim]
            _, amp = fit(y, f / outr, trim)
            dev = max(dev, abs(20 * np.log10(amp / 0.5)))
            if fr <= 0.9:
                dev90 = max(dev90, abs(20 * np.log10(amp / 0.5)))
    alias = -400.0
    for inr, outr in [(48000, 16000), (96000, 44100)]:
        for fr in np.linspace(1.0, 1.5, 6):
            f = fr * outr / 2
            m = int((8192 + 2 * trim) * inr / outr)
            x = (0.5 * np.sin(2 * np.pi * f / inr * np.arange(m))).astype(dtype)
            y = np.asarray(resample(x, inr, outr), dtype=np.float64)[trim:-trim]
            alias = max(alias, 10 * np.log10(max(np.mean(y ** 2), 1e-300) / 0.125))
    return min(sinad), dev90, dev, alias


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    rows = []
    for q in ("lq", "mq", "hq", "vhq"):
        rows.append(("cnumpy %s" % q, lambda x, i, o, q=q: cnp.audio.resample(cnp.asarray(x), i, o, quality=q),
                     (np.float32, np.float64)))
    soxr = audio_refs.load_soxr()
    if soxr:
        rows.append(("libsoxr HQ", lambda x, i, o: soxr(np, x, i, o, audio_refs.SOXR_HQ), (np.float32, np.float64)))
        rows.append(("libsoxr VHQ", lambda x, i, o: soxr(np, x, i, o, audio_refs.SOXR_VHQ), (np.float32, np.float64)))
    src = audio_refs.load_samplerate()
    if src:
        rows.append(("libsamplerate SINC_BEST", lambda x, i, o: src(np, x, i, o), (np.float32,)))
    print("| resampler | dtype | min tone SINAD (dB) | passband deviation to 0.90 / 0.95 (dB) "
          "| worst alias (dB) |")
    print("|---|---|---|---|---|")
    for name, fn, dtypes in rows:
        for dt in dtypes:
            s, d90, d, a = measure(fn, dt, PAIRS, args.quick)
            print("| %s | %s | %.1f | %.1e / %.1e | %.1f |" % (name, dt.__name__, s, d90, d, a),
                  flush=True)


if __name__ == "__main__":
    main()
