"""Regression tests for issue 18 (faults found by adversarial probing): each bad call must raise
NumPy's exception type and message (or give NumPy's result), on both backends, and never hang,
crash or return a plausible wrong answer."""
import numpy as np
import pytest

import cnumpy as cnp
from cnp_helpers import check, same_error

BIG = 2**64


# -- finding 6: Python ints beyond int64 are errors, not their low 64 bits ----------------------
@pytest.mark.parametrize("fn", [
    lambda xp: xp.sum(xp.zeros((2, 3, 4)), axis=BIG + 1),
    lambda xp: xp.fft.fft(xp.zeros(4), n=BIG + 4),
    lambda xp: xp.broadcast_to(xp.zeros(8), (BIG + 8,)),
    lambda xp: xp.zeros(BIG + 2),
    lambda xp: xp.ones(5).reshape(BIG + 5),
    lambda xp: xp.take(xp.arange(5), 1, axis=BIG),
])
def test_python_ints_beyond_int64(fn):
    same_error(fn)


def test_matrix_power_exponent_beyond_int64():
    m = [[1.0, 1.0], [0.0, 1.0]]
    for n in (BIG + 2, 2**63, -(BIG + 3)):
        check(lambda xp: xp.linalg.matrix_power(xp.array(m), n))


def test_ctypes_style_truncation_is_gone_for_scalar_parameters():
    # A C int64_t parameter reached directly (no Python-level check in between).
    lib = cnp._backend.lib
    with pytest.raises(OverflowError):
        lib.cnp_fft_fftfreq(BIG + 4, 1.0, cnp._backend.new_array_out())
    with pytest.raises(OverflowError):
        cnp._backend.int64_array([1, BIG])


# -- finding 8: loops bounded by the data, not by an argument -----------------------------------
def test_diff_order_beyond_length_is_empty():
    for n in (3, 4, 2**31, 2**63 - 1):
        check(lambda xp: xp.diff(xp.arange(3.0), n=n) if n < 2**31 else
              xp.diff(xp.arange(3.0), n=5))
    r = cnp.diff(cnp.arange(3.0), n=2**62)
    assert r.shape == (0,) and r.dtype == cnp.float64
    r = cnp.diff(cnp.array([True, False]), n=2**40)
    assert r.shape == (0,) and r.dtype == cnp.bool_


# -- finding 9: int64 edges -----------------------------------------------------------------------
@pytest.mark.parametrize("k", [-2**63, -2**63 - 1, 2**63 - 1, 2**63, -3, 3, -2, 2])
def test_eye_extreme_diagonals(k):
    check(lambda xp: xp.eye(3, k=k))


@pytest.mark.parametrize("m", [-1, -2, -2**63])
def test_eye_negative_columns(m):
    same_error(lambda xp: xp.eye(3, m))


@pytest.mark.parametrize("decimals", [-2**63, 2**63 - 1, 2**31, -2**31 - 1])
def test_around_decimals_beyond_c_int(decimals):
    same_error(lambda xp: xp.around(xp.ones(3), decimals))


@pytest.mark.parametrize("sl", [slice(-2**63, 2**63 - 1), slice(2**63 - 1, -2**63, -1),
                                slice(-2**63, 2**63 - 1, 2**63 - 1), slice(None, None, -2**63),
                                slice(2**63 - 1, None, -2**63), slice(-2**63, None, 2**63 - 1)])
def test_slices_at_int64_limits(sl):
    check(lambda xp: xp.arange(5.0)[sl], strides=True)


# -- finding 11: median keeps NumPy's checks --------------------------------------------------------
@pytest.mark.parametrize("args", [
    ((4,), None, (3,), False), ((4,), None, (1,), False), ((2, 4), 1, (3,), False),
    ((2, 5), 1, (3,), False), ((2, 4), 1, (2, 1), False), ((2, 4), 1, (2,), True),
    ((4, 2), 0, (3,), False), ((2, 3, 4), (0, 2), (2,), False),
])
def test_median_out_of_the_wrong_shape(args):
    shape, axis, out_shape, keepdims = args
    same_error(lambda xp: xp.median(xp.ones(shape), axis=axis, out=xp.empty(out_shape),
                                    keepdims=keepdims))


def test_median_out_of_the_right_shape_still_works():
    check(lambda xp: xp.median(xp.arange(8.0).reshape(2, 4), axis=1, out=xp.empty(2)))
    check(lambda xp: xp.median(xp.arange(8.0).reshape(2, 4), axis=1, keepdims=True,
                               out=xp.empty((2, 1))))


@pytest.mark.parametrize("values", [[np.inf, -np.inf], [1e308, 1e308], [np.inf, np.inf],
                                    [np.inf, -np.inf, 1.0], [np.nan, 1.0]])
def test_median_under_errstate_raise(values):
    def fn(xp):
        with xp.errstate(all="raise"):
            return xp.median(xp.array(values))
    check(fn)


# -- finding 12: options and strings are not cut silently ----------------------------------------
def test_dtype_string_with_nul():
    for s in ("f8\x00junk", "int8\x00", "float64\x00\x00"):  # NumPy reads "\x00" alone as bool
        same_error(lambda xp: xp.dtype(s))


def test_record_itemsize_and_offsets_beyond_int32():
    # Found by fuzz_record (issue 18): itemsize 2**62 overflowed inside the library.
    for big in (2**31, 2**62):
        same_error(lambda xp: xp.dtype({"names": ["a"], "formats": ["i4"], "itemsize": big}))
        same_error(lambda xp: xp.dtype({"names": ["a"], "formats": ["i4"], "offsets": [big]}))
    assert cnp.dtype({"names": ["a"], "formats": ["i4"], "itemsize": 2**31 - 1}).itemsize == 2**31 - 1


def test_record_negative_itemsize():
    # Found by the ABI sweep (issue 18): the C ABI read every negative itemsize as "not given".
    for v in (-1, -2, -2**31, -2**63):
        same_error(lambda xp: xp.dtype({"names": ["a"], "formats": ["i4"], "itemsize": v}))
        same_error(lambda xp: xp.dtype({"names": [], "formats": [], "itemsize": v}))
        same_error(lambda xp: xp.dtype({"names": ["a", "b"], "formats": ["i1", "f8"], "itemsize": v}, align=True))


def test_printoptions_beyond_int32():
    for kw in ({"threshold": 5, "edgeitems": 2**62}, {"linewidth": 2**62}):
        def fn(xp):
            with xp.printoptions(**kw):
                return repr(xp.arange(10.0))
        e, g = fn(np), fn(cnp)
        assert g == e
    with pytest.raises(OverflowError, match="Python int too large to convert to C int"):
        with cnp.printoptions(precision=2**40):
            repr(cnp.arange(3.0))


# -- finding 15: LinAlgError is not a ValueError ---------------------------------------------------
def test_linalg_error_is_not_a_value_error():
    with pytest.raises(cnp.linalg.LinAlgError):
        try:
            cnp.linalg.inv(cnp.zeros((2, 2)))
        except ValueError:
            pytest.fail("LinAlgError was caught as a ValueError")


# -- finding 2: one array as both arguments ---------------------------------------------------------
def test_lstsq_same_1d_array_twice():
    def fn(xp):
        e = xp.ones(3)
        return xp.linalg.lstsq(e, e, rcond=None)
    same_error(fn)


def test_histogram_bins_at_int64_max():
    same_error(lambda xp: xp.histogram(xp.ones(3), bins=2**63 - 1))


# -- finding 8 (resampler): the ratio bounds the work per input frame ---------------------------
@pytest.mark.parametrize("rates", [(1e-300, 44100), (44100, 1e-300), (1.0, 65537.0), (65537.0, 1.0)])
def test_resampler_ratio_out_of_range(rates):
    msg = "out_rate / in_rate must be between 1/65536 and 65536"
    with pytest.raises(ValueError, match="Resampler: " + msg):
        cnp.audio.Resampler(*rates)
    with pytest.raises(ValueError, match="resample: " + msg):
        cnp.audio.resample(cnp.zeros(64), *rates)


# -- finding 10: non-finite audio is an error, not a plausible level -----------------------------
@pytest.mark.parametrize("value", [np.inf, -np.inf, np.nan])
def test_levels_of_non_finite_signals(value):
    x = cnp.full(48000, value)
    y = cnp.concatenate([cnp.zeros(47999), cnp.array([value])])
    for sig in (x, y):
        with pytest.raises(ValueError, match="loudness: the signal contains NaN or infinity"):
            cnp.audio.loudness(sig, 48000)
        with pytest.raises(ValueError, match="true_peak: the signal contains NaN or infinity"):
            cnp.audio.true_peak(sig, 48000)
        with pytest.raises(ValueError, match="normalize: the signal contains NaN or infinity"):
            cnp.audio.normalize(sig, "peak", -1.0)


def test_loudness_at_a_huge_rate_is_too_short():
    with pytest.raises(ValueError, match="shorter than one 400 ms block"):
        cnp.audio.loudness(cnp.zeros(100), 1e300)


# -- finding 14: a container too large is a ValueError, not SystemError --------------------------
def test_resampler_with_absurd_channel_count():
    with pytest.raises((ValueError, MemoryError)) as e:
        cnp.audio.Resampler(48000, 44100, channels=2**62)
    assert not isinstance(e.value, SystemError)


def test_sort_empty_array_with_huge_axis():
    # Found by the ABI sweep (issue 18): sorting (2**59, 0) along its last axis hung.
    def fn(xp):
        a = xp.zeros((2**59, 0))
        a.sort()
        return xp.sort(a), xp.argsort(a), xp.unique(a)
    check(fn)
