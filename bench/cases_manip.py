"""Benchmark cases for indexing and shape manipulation (issue 5).

Targets: ascontiguousarray(a.T) of a 4000x4000 float64 >= 3x NumPy (cache-blocked tiles in the
core copy path), boolean mask selection of 1e7 >= 1.5x, concatenate >= 1.0x, take of 1e6
indices from 1e7 >= 1.0x, view creation through Python (reshape, a[::2]) within 3x of NumPy per
call (ratio >= 0.33). `/usr/bin/python3 bench/run.py --filter manip` runs these cases.
"""
from harness import Case


def _transpose(np, cnp):
    a = np.random.default_rng(0).random((4000, 4000))
    ca = cnp.array(a)
    return (lambda: np.ascontiguousarray(a.T)), (lambda: cnp.ascontiguousarray(ca.T))


def _mask(np, cnp):
    x = np.random.default_rng(1).random(10**7)
    m = x > 0.5
    cx, cm = cnp.array(x), cnp.array(m)
    return (lambda: x[m]), (lambda: cx[cm])


def _concatenate(np, cnp):
    rng = np.random.default_rng(2)
    parts = [rng.random((1000, 1000)) for _ in range(4)]
    cparts = [cnp.array(p) for p in parts]
    return (lambda: np.concatenate(parts)), (lambda: cnp.concatenate(cparts))


def _concatenate_axis1(np, cnp):
    rng = np.random.default_rng(3)
    parts = [rng.random((1000, 1000)) for _ in range(4)]
    cparts = [cnp.array(p) for p in parts]
    return (lambda: np.concatenate(parts, axis=1)), (lambda: cnp.concatenate(cparts, axis=1))


def _take(np, cnp):
    rng = np.random.default_rng(4)
    x = rng.random(10**7)
    i = rng.integers(0, 10**7, 10**6)
    cx, ci = cnp.array(x), cnp.array(i)
    return (lambda: np.take(x, i)), (lambda: cnp.take(cx, ci))


def _fancy_rows(np, cnp):
    rng = np.random.default_rng(5)
    x = rng.random((100000, 16))
    i = rng.integers(0, 100000, 100000)
    cx, ci = cnp.array(x), cnp.array(i)
    return (lambda: x[i]), (lambda: cx[ci])


def _reshape(np, cnp):
    a = np.arange(24.)
    ca = cnp.array(a)
    return (lambda: a.reshape(4, 6)), (lambda: ca.reshape(4, 6))


def _slice(np, cnp):
    a = np.arange(1000.)
    ca = cnp.array(a)
    return (lambda: a[::2]), (lambda: ca[::2])


def _repeat(np, cnp):
    a = np.random.default_rng(6).random(10**6)
    ca = cnp.array(a)
    return (lambda: np.repeat(a, 3)), (lambda: cnp.repeat(ca, 3))


def _nonzero(np, cnp):
    m = np.random.default_rng(7).random(10**7) > 0.5
    cm = cnp.array(m)
    return (lambda: np.nonzero(m)), (lambda: cnp.nonzero(cm))


CASES = [
    Case("manip_transpose_copy_4000", "np.ascontiguousarray(a.T), a float64 4000x4000",
         _transpose, note="cache-blocked tiles, streaming stores, split over the library's threads"),
    Case("manip_mask_1e7", "a[mask], a float64 1e7, mask ~50% true", _mask),
    Case("manip_concatenate_4x1000x1000", "np.concatenate(4 float64 1000x1000)", _concatenate,
         note="32 MB result written with streaming stores"),
    Case("manip_concatenate_axis1", "np.concatenate(4 float64 1000x1000, axis=1)",
         _concatenate_axis1, note="32 MB result written with streaming stores"),
    Case("manip_take_1e6_of_1e7", "np.take(a, i), 1e6 random indices into 1e7 float64", _take),
    Case("manip_fancy_rows", "a[i], a float64 100000x16, 1e5 random row indices", _fancy_rows),
    Case("manip_repeat_1e6", "np.repeat(a, 3), a float64 1e6", _repeat),
    Case("manip_nonzero_1e7", "np.nonzero(mask), 1e7 bools", _nonzero),
    Case("manip_reshape_call", "a.reshape(4, 6) (per-call cost)", _reshape,
         note="C fast path (cnumpy._speedups); target ratio >= 0.33", per_backend=True),
    Case("manip_slice_call", "a[::2] (per-call cost)", _slice,
         note="C fast path (cnumpy._speedups); target ratio >= 0.33", per_backend=True),
]
