#!/usr/bin/env python3
"""Regenerates src/fft/generated/fftw_wisdom.inc: FFTW wisdom (FFTW_MEASURE plans) for the transforms the
audio resampler's FFT stage runs (src/audio/chain.cpp) at the common audio rates.

Why shipped wisdom and not FFTW_MEASURE at run time: MEASURE times candidate plans, so two runs
may pick different algorithms and round differently, and the resampler promises identical output
across runs. Imported wisdom makes FFTW's planner choose the same measured plan every time (with
FFTW_ESTIMATE, which uses wisdom from any higher planning level). Wisdom is tied to the FFTW build
(its header carries a hash of the build's configuration): with another FFTW the import is refused
and the plans are FFTW_ESTIMATE's, still deterministic, just slower.

Run on the target machine class after changing the chain's block sizes or filter presets:
    /usr/bin/python3 tools/gen_fft_wisdom.py > src/fft/generated/fftw_wisdom.inc
The sizes below mirror Chain's constructor and make_chain(); keep them in step.
"""
import ctypes
import ctypes.util
import math
import sys

# (pass, stop, attenuation dB) per quality, as src/audio/filter_design.cpp.
PRESETS = [(0.80, 1.00, 100.0), (0.90, 1.00, 125.0), (0.95, 1.00, 140.0), (0.95, 1.00, 185.0)]
RATES = [8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000, 88200, 96000, 176400, 192000]
EXTRA_PAIRS = [(1, 4)]  # true_peak's 4x oversampling (quality mq, float64)
# Non-integer ratios take the two-stage chain (sqrt(2), 1.001 and their inverses).
IRRATIONAL_PAIRS = [(44100.0, 44100.0 * 2 ** 0.5), (48000.0, 48048.0 + 1e-9), (44100.0 * 2 ** 0.5, 44100.0),
                    (48048.0 + 1e-9, 48000.0)]
MAX_RESIZE_FACTOR = 1024
MAX_N = 1 << 18


def kaiser_taps(a, dw):
    return (a - 7.95) / (2.285 * 2.0 * math.pi * dw) + 1.0


def round_up(v, q):
    return (v + q - 1) // q * q


def smooth(v):
    for p in (2, 3, 5, 7):
        while v % p == 0:
            v //= p
    return v == 1


def chain_sizes(in_rate, out_rate, quality):
    """(r2c length, c2r length) of Chain for this pair, or None when no FFT stage runs."""
    if in_rate == out_rate:
        return None
    p, s, a = PRESETS[quality]
    f_low = 0.5 * min(in_rate, out_rate)
    if isinstance(in_rate, int) and isinstance(out_rate, int):
        g = math.gcd(in_rate, out_rate)
        m, l = in_rate // g, out_rate // g
        if smooth(l) and smooth(m) and l <= MAX_RESIZE_FACTOR and m <= MAX_RESIZE_FACTOR:
            dw = f_low * (s - p) / in_rate
            e = int(math.ceil(kaiser_taps(a, dw) / 2.0)) + 1
            r = (2 * e * l + m - 1) // m
            best, best_cost, nin = 0, 0.0, m
            while nin <= 1 << 22:
                step = (nin - (r * m + l - 1) // l) // m * m
                if nin >= 4 * 2 * e and step > 0:
                    nout = nin // m * l
                    cost = (nin * math.log2(nin) + nout * math.log2(nout)) / step
                    if best == 0 or cost < best_cost:
                        best, best_cost = nin, cost
                    if nin > 64 * 2 * e:
                        break
                nin *= 2
            return best, best // m * l
    u, d = 1, 1
    if out_rate > in_rate:
        u = 2
    elif isinstance(in_rate, int) and isinstance(out_rate, int) and in_rate % out_rate == 0:
        d = in_rate // out_rate
    elif out_rate > 0.75 * in_rate:
        u = 2
    ru = in_rate * u
    dw = f_low * (s - p) / ru
    c = round_up(int(math.ceil(kaiser_taps(a, dw) / 2.0)), 2 * u * d)
    n = 256 * u * d
    while n < 6 * 2 * c:
        n *= 2
    return n // u, n // d


def problems():
    out = set()
    pairs = [(a, b) for a in RATES for b in RATES] + EXTRA_PAIRS + IRRATIONAL_PAIRS
    for a, b in pairs:
        for q in range(4):
            sz = chain_sizes(a, b, q)
            if sz is None or max(sz) > MAX_N:
                continue
            for single in ((True, False) if q < 3 else (False,)):
                if (a, b) in EXTRA_PAIRS and single:
                    continue
                out.add(("r2c", single, sz[0]))
                out.add(("c2r", single, sz[1]))
    return sorted(out)


class IoDim(ctypes.Structure):
    _fields_ = [("n", ctypes.c_ssize_t), ("is_", ctypes.c_ssize_t), ("os", ctypes.c_ssize_t)]


FFTW_MEASURE, FFTW_DESTROY_INPUT = 0, 1


def main():
    libs = {True: ctypes.CDLL("libfftw3f.so.3"), False: ctypes.CDLL("libfftw3.so.3")}
    # As plan_cache.cpp: the threads libraries initialised (they register their solvers, which
    # changes the planner's signature that wisdom is checked against), one thread per plan.
    threads = {True: ctypes.CDLL("libfftw3f_threads.so.3"), False: ctypes.CDLL("libfftw3_threads.so.3")}
    wisdom = {}
    for single, lib in libs.items():
        pre = "fftwf_" if single else "fftw_"
        for name in ("plan_guru64_dft_r2c", "plan_guru64_dft_c2r"):
            f = getattr(lib, pre + name)
            f.restype = ctypes.c_void_p
            f.argtypes = [ctypes.c_int, ctypes.POINTER(IoDim), ctypes.c_int, ctypes.POINTER(IoDim),
                          ctypes.c_void_p, ctypes.c_void_p, ctypes.c_uint]
        getattr(lib, pre + "malloc").restype = ctypes.c_void_p
        getattr(lib, pre + "malloc").argtypes = [ctypes.c_size_t]
        getattr(lib, pre + "free").argtypes = [ctypes.c_void_p]
        getattr(lib, pre + "destroy_plan").argtypes = [ctypes.c_void_p]
        getattr(lib, pre + "export_wisdom_to_string").restype = ctypes.c_void_p
        th = threads[single]
        th[pre + "plan_with_nthreads"].argtypes = [ctypes.c_int]
        th[pre + "init_threads"]()
        th[pre + "plan_with_nthreads"](1)
    for kind, single, n in problems():
        lib = libs[single]
        pre = "fftwf_" if single else "fftw_"
        es = 4 if single else 8
        real = getattr(lib, pre + "malloc")(es * n)
        cplx = getattr(lib, pre + "malloc")(2 * es * (n // 2 + 1))
        dim = IoDim(n, 1, 1)
        if kind == "r2c":
            p = getattr(lib, pre + "plan_guru64_dft_r2c")(1, ctypes.byref(dim), 0, None, real, cplx, FFTW_MEASURE)
        else:
            p = getattr(lib, pre + "plan_guru64_dft_c2r")(1, ctypes.byref(dim), 0, None, cplx, real,
                                                           FFTW_MEASURE | FFTW_DESTROY_INPUT)
        if not p:
            sys.exit("planning failed: %s %s %d" % (kind, single, n))
        getattr(lib, pre + "destroy_plan")(p)
        getattr(lib, pre + "free")(real)
        getattr(lib, pre + "free")(cplx)
        print("planned %s %s %d" % (kind, "float" if single else "double", n), file=sys.stderr)
    for single, lib in libs.items():
        pre = "fftwf_" if single else "fftw_"
        ptr = getattr(lib, pre + "export_wisdom_to_string")()
        wisdom[single] = ctypes.string_at(ptr).decode()
        ctypes.CDLL(ctypes.util.find_library("c")).free(ctypes.c_void_p(ptr))
    print("// Generated by tools/gen_fft_wisdom.py: FFTW_MEASURE wisdom for the audio resampler's")
    print("// transforms (see that script for why). Do not edit by hand; regenerate with")
    print("//   /usr/bin/python3 tools/gen_fft_wisdom.py > src/fft/generated/fftw_wisdom.inc")
    for single in (False, True):
        name = "kWisdomFloat" if single else "kWisdomDouble"
        print("static const char %s[] = R\"WISDOM(%s)WISDOM\";" % (name, wisdom[single]))


if __name__ == "__main__":
    main()
