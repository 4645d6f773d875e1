"""ctypes bindings to the benchmark references libsoxr and libsamplerate (Debian libsoxr0,
libsamplerate0; `apt-get install libsoxr0 libsamplerate0`). Used by bench/cases_audio.py only:
the resampler of cnumpy is its own. Each loader returns None when the library is absent."""
import ctypes
import ctypes.util

SOXR_FLOAT32_I, SOXR_FLOAT64_I = 0, 1
SOXR_FLOAT32_S, SOXR_FLOAT64_S = 4, 5
SOXR_LQ, SOXR_MQ, SOXR_HQ, SOXR_VHQ = 1, 2, 4, 6
SRC_SINC_BEST_QUALITY, SRC_SINC_MEDIUM_QUALITY, SRC_SINC_FASTEST = 0, 1, 2


class _QualitySpec(ctypes.Structure):
    _fields_ = [("precision", ctypes.c_double), ("phase_response", ctypes.c_double),
                ("passband_end", ctypes.c_double), ("stopband_begin", ctypes.c_double),
                ("e", ctypes.c_void_p), ("flags", ctypes.c_ulong)]


class _IoSpec(ctypes.Structure):
    _fields_ = [("itype", ctypes.c_int), ("otype", ctypes.c_int), ("scale", ctypes.c_double),
                ("e", ctypes.c_void_p), ("flags", ctypes.c_ulong)]


class _RuntimeSpec(ctypes.Structure):
    _fields_ = [("log2_min_dft_size", ctypes.c_uint), ("log2_large_dft_size", ctypes.c_uint),
                ("coef_size_kbytes", ctypes.c_uint), ("num_threads", ctypes.c_uint),
                ("e", ctypes.c_void_p), ("flags", ctypes.c_ulong)]


class _SrcData(ctypes.Structure):
    _fields_ = [("data_in", ctypes.c_void_p), ("data_out", ctypes.c_void_p),
                ("input_frames", ctypes.c_long), ("output_frames", ctypes.c_long),
                ("input_frames_used", ctypes.c_long), ("output_frames_gen", ctypes.c_long),
                ("end_of_input", ctypes.c_int), ("src_ratio", ctypes.c_double)]


def _open(names):
    for n in names:
        try:
            return ctypes.CDLL(n)
        except OSError:
            pass
    found = ctypes.util.find_library(names[0].split(".so")[0][3:])
    return ctypes.CDLL(found) if found else None


def load_soxr():
    """soxr_resample(np, x, in_rate, out_rate, recipe) -> y (one thread), or None."""
    lib = _open(["libsoxr.so.0", "libsoxr.so"])
    if lib is None:
        return None
    lib.soxr_quality_spec.restype = _QualitySpec
    lib.soxr_quality_spec.argtypes = [ctypes.c_ulong, ctypes.c_ulong]
    lib.soxr_io_spec.restype = _IoSpec
    lib.soxr_io_spec.argtypes = [ctypes.c_int, ctypes.c_int]
    lib.soxr_runtime_spec.restype = _RuntimeSpec
    lib.soxr_runtime_spec.argtypes = [ctypes.c_uint]
    lib.soxr_oneshot.restype = ctypes.c_char_p
    lib.soxr_oneshot.argtypes = [ctypes.c_double, ctypes.c_double, ctypes.c_uint, ctypes.c_void_p,
                                 ctypes.c_size_t, ctypes.POINTER(ctypes.c_size_t), ctypes.c_void_p,
                                 ctypes.c_size_t, ctypes.POINTER(ctypes.c_size_t),
                                 ctypes.POINTER(_IoSpec), ctypes.POINTER(_QualitySpec),
                                 ctypes.POINTER(_RuntimeSpec)]
    runtime = lib.soxr_runtime_spec(1)

    def soxr_resample(np, x, in_rate, out_rate, recipe=SOXR_HQ):
        x = np.ascontiguousarray(x)
        ch = 1 if x.ndim == 1 else x.shape[1]
        n = x.shape[0]
        olen = int(np.ceil(n * out_rate / in_rate))
        y = np.empty((olen,) + x.shape[1:], dtype=x.dtype)
        t = SOXR_FLOAT64_I if x.dtype == np.float64 else SOXR_FLOAT32_I
        io = lib.soxr_io_spec(t, t)
        q = lib.soxr_quality_spec(recipe, 0)
        odone = ctypes.c_size_t(0)
        err = lib.soxr_oneshot(in_rate, out_rate, ch, x.ctypes.data, n, None, y.ctypes.data, olen,
                               ctypes.byref(odone), ctypes.byref(io), ctypes.byref(q),
                               ctypes.byref(runtime))
        if err:
            raise RuntimeError(err.decode())
        return y[:odone.value]
    return soxr_resample


def load_samplerate():
    """src_resample(np, x, in_rate, out_rate, converter) -> y (float32), or None."""
    lib = _open(["libsamplerate.so.0", "libsamplerate.so"])
    if lib is None:
        return None
    lib.src_simple.restype = ctypes.c_int
    lib.src_simple.argtypes = [ctypes.POINTER(_SrcData), ctypes.c_int, ctypes.c_int]
    lib.src_strerror.restype = ctypes.c_char_p

    def src_resample(np, x, in_rate, out_rate, converter=SRC_SINC_BEST_QUALITY):
        x = np.ascontiguousarray(x, dtype=np.float32)
        ch = 1 if x.ndim == 1 else x.shape[1]
        n = x.shape[0]
        olen = int(np.ceil(n * out_rate / in_rate))
        y = np.empty((olen,) + x.shape[1:], dtype=np.float32)
        d = _SrcData(x.ctypes.data, y.ctypes.data, n, olen, 0, 0, 1, out_rate / in_rate)
        err = lib.src_simple(ctypes.byref(d), converter, ch)
        if err:
            raise RuntimeError(lib.src_strerror(err).decode())
        return y[:d.output_frames_gen]
    return src_resample
