"""cnumpy.fft against numpy.fft (NumPy 1.24 here: it computes float32 in double precision, so
single-precision results are compared to NumPy's cast to complex64 with a float32 tolerance)."""
import threading

import numpy as np
import pytest

import cnumpy as cnp

RNG = np.random.default_rng(7)


def _close(got, want, single=False):
    got = np.asarray(got)
    want = np.asarray(want)
    assert got.shape == want.shape
    if single:
        want = want.astype(np.complex64 if np.iscomplexobj(want) else np.float32)
        rtol = 1e-5
    else:
        rtol = 1e-12
    assert got.dtype == want.dtype, (got.dtype, want.dtype)
    scale = max(np.abs(want).max(initial=0.0), 1.0)
    assert np.all(np.abs(got - want) <= rtol * scale * (1 + np.log2(max(want.size, 2)))), \
        np.abs(got - want).max()


def _data(shape, kind="f8"):
    if kind == "c16":
        return RNG.standard_normal(shape) + 1j * RNG.standard_normal(shape)
    if kind == "c8":
        return (RNG.standard_normal(shape) + 1j * RNG.standard_normal(shape)).astype(np.complex64)
    if kind == "f4":
        return RNG.standard_normal(shape).astype(np.float32)
    if kind == "i8":
        return RNG.integers(-50, 50, shape)
    if kind == "b":
        return RNG.integers(0, 2, shape).astype(bool)
    return RNG.standard_normal(shape)


SIZES = [1, 2, 3, 5, 8, 12, 17, 64, 97, 100, 128, 1000, 1009, 4096]
NORMS = [None, "backward", "ortho", "forward"]


def test_ds_array_11_sine_peaks():
    x = np.sin(2 * np.pi * np.arange(64) / 64)
    got = np.asarray(cnp.fft.fft(x))
    _close(got, np.fft.fft(x))
    assert sorted(np.argsort(-np.abs(got))[:2].tolist()) == [1, 63]


def test_ds_array_7_complex():
    x = [1 + 2j, -3 + 0.5j, -1j]
    _close(cnp.fft.fft(x), np.fft.fft(x))
    _close(cnp.fft.ifft(x), np.fft.ifft(x))


@pytest.mark.parametrize("n", SIZES)
@pytest.mark.parametrize("kind", ["f8", "c16", "i8"])
def test_fft_ifft_sizes(n, kind):
    x = _data(n, kind)
    _close(cnp.fft.fft(x), np.fft.fft(x))
    _close(cnp.fft.ifft(x), np.fft.ifft(x))


@pytest.mark.parametrize("n", SIZES)
def test_rfft_irfft_hfft_ihfft_sizes(n):
    x = _data(n)
    _close(cnp.fft.rfft(x), np.fft.rfft(x))
    _close(cnp.fft.ihfft(x), np.fft.ihfft(x))
    h = np.fft.rfft(x)
    if h.size > 1:
        _close(cnp.fft.irfft(h), np.fft.irfft(h))
        _close(cnp.fft.hfft(h), np.fft.hfft(h))
    _close(cnp.fft.irfft(h, n), np.fft.irfft(h, n))
    _close(cnp.fft.hfft(h, n), np.fft.hfft(h, n))


@pytest.mark.parametrize("norm", NORMS)
@pytest.mark.parametrize("fn", ["fft", "ifft", "rfft", "irfft", "hfft", "ihfft"])
def test_norms_1d(fn, norm):
    x = _data(30, "f8" if fn in ("rfft", "ihfft") else "c16")
    _close(getattr(cnp.fft, fn)(x, norm=norm), getattr(np.fft, fn)(x, norm=norm))


@pytest.mark.parametrize("n", [1, 7, 16, 31, 64, 100])
@pytest.mark.parametrize("fn", ["fft", "ifft", "rfft", "irfft", "hfft", "ihfft"])
def test_n_pad_truncate(fn, n):
    x = _data(40, "f8" if fn in ("rfft", "ihfft") else "c16")
    _close(getattr(cnp.fft, fn)(x, n=n), getattr(np.fft, fn)(x, n=n))


@pytest.mark.parametrize("axis", [0, 1, 2, -1, -2, -3])
@pytest.mark.parametrize("fn", ["fft", "ifft", "rfft", "irfft", "hfft", "ihfft"])
def test_every_axis_3d(fn, axis):
    x = _data((4, 6, 5), "f8" if fn in ("rfft", "ihfft") else "c16")
    _close(getattr(cnp.fft, fn)(x, axis=axis), getattr(np.fft, fn)(x, axis=axis))
    _close(getattr(cnp.fft, fn)(x, n=7, axis=axis), getattr(np.fft, fn)(x, n=7, axis=axis))


@pytest.mark.parametrize("kind", ["f8", "c16"])
def test_non_contiguous(kind):
    base = _data((10, 12, 8), kind)
    for view in (base[::2, 1::3, ::-1], base.transpose(2, 0, 1), base[:, 3, :], base[..., ::2]):
        c = cnp.asarray(base)
        cview = {0: c[::2, 1::3, ::-1], 1: c.transpose(2, 0, 1), 2: c[:, 3, :], 3: c[..., ::2]}
        for k, v in enumerate((base[::2, 1::3, ::-1], base.transpose(2, 0, 1), base[:, 3, :],
                               base[..., ::2])):
            for axis in range(v.ndim):
                _close(cnp.fft.fft(cview[k], axis=axis), np.fft.fft(v, axis=axis))
            if kind == "f8":
                _close(cnp.fft.rfft(cview[k]), np.fft.rfft(v))
            _close(cnp.fft.fftn(cview[k]), np.fft.fftn(v))
        break


@pytest.mark.parametrize("kind", ["f4", "c8"])
def test_single_precision(kind):
    x = _data((6, 33), kind)
    got = cnp.fft.fft(x)
    assert got.dtype == cnp.complex64
    _close(got, np.fft.fft(x), single=True)
    _close(cnp.fft.ifft(x), np.fft.ifft(x), single=True)
    _close(cnp.fft.fftn(x), np.fft.fftn(x), single=True)
    if kind == "f4":
        _close(cnp.fft.rfft(x), np.fft.rfft(x), single=True)
        _close(cnp.fft.rfftn(x), np.fft.rfftn(x), single=True)
    else:
        _close(cnp.fft.irfft(x), np.fft.irfft(x), single=True)
        _close(cnp.fft.irfftn(x), np.fft.irfftn(x), single=True)


@pytest.mark.parametrize("kind", ["i8", "b"])
def test_int_bool_inputs(kind):
    x = _data((5, 9), kind)
    _close(cnp.fft.fft(x), np.fft.fft(x))
    _close(cnp.fft.rfft(x), np.fft.rfft(x))
    _close(cnp.fft.fft2(x), np.fft.fft2(x))


@pytest.mark.parametrize("norm", NORMS)
@pytest.mark.parametrize("fn", ["fftn", "ifftn", "rfftn", "irfftn", "fft2", "ifft2", "rfft2", "irfft2"])
def test_nd(fn, norm):
    x = _data((4, 6, 10), "f8" if fn.startswith("rfft") else "c16")
    f, g = getattr(cnp.fft, fn), getattr(np.fft, fn)
    _close(f(x, norm=norm), g(x, norm=norm))
    _close(f(x, axes=(0, 2), norm=norm), g(x, axes=(0, 2), norm=norm))
    _close(f(x, s=(5, 8), norm=norm), g(x, s=(5, 8), norm=norm))
    _close(f(x, s=(3, 12), axes=(2, 0), norm=norm), g(x, s=(3, 12), axes=(2, 0), norm=norm))


def test_nd_repeated_axes_and_1d():
    x = _data((6, 8), "c16")
    _close(cnp.fft.fftn(x, axes=(1, 1)), np.fft.fftn(x, axes=(1, 1)))
    y = _data(16)
    _close(cnp.fft.fftn(y), np.fft.fftn(y))
    _close(cnp.fft.rfftn(y), np.fft.rfftn(y))
    _close(cnp.fft.irfftn(np.fft.rfftn(y)), np.fft.irfftn(np.fft.rfftn(y)))


def test_large_threaded():
    x = _data(1 << 17, "c16")
    _close(cnp.fft.fft(x), np.fft.fft(x))
    y = _data((300, 400))
    _close(cnp.fft.rfft2(y), np.fft.rfft2(y))
    _close(cnp.fft.fft2(y), np.fft.fft2(y))


def test_concurrent_threads():
    xs = [_data(n, "c16") for n in (64, 100, 1009, 4096)]
    want = [np.fft.fft(x) for x in xs]
    errors = []

    def work(i):
        try:
            for _ in range(20):
                for x, w in zip(xs[i:] + xs[:i], want[i:] + want[:i]):
                    _close(cnp.fft.fft(x), w)
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)
    ts = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert not errors


def _same_error(f, g):
    with pytest.raises(Exception) as want:
        g()
    with pytest.raises(type(want.value)) as got:
        f()
    assert str(got.value) == str(want.value)


def test_errors():
    x = np.ones(4)
    _same_error(lambda: cnp.fft.fft(x, n=0), lambda: np.fft.fft(x, n=0))
    _same_error(lambda: cnp.fft.fft(x, n=-2), lambda: np.fft.fft(x, n=-2))
    _same_error(lambda: cnp.fft.fft([]), lambda: np.fft.fft([]))
    _same_error(lambda: cnp.fft.irfft([1.0]), lambda: np.fft.irfft([1.0]))
    # NumPy 2's wording (1.24 lacks the space after "backward",)
    with pytest.raises(ValueError, match='Invalid norm value bad; should be "backward", "ortho"'):
        cnp.fft.fft(x, norm="bad")
    _same_error(lambda: cnp.fft.fftn(np.ones((2, 2)), s=(2,), axes=(0, 1)),
                lambda: np.fft.fftn(np.ones((2, 2)), s=(2,), axes=(0, 1)))
    _same_error(lambda: cnp.fft.fftn(np.ones((2, 2)), s=(0, 2)),
                lambda: np.fft.fftn(np.ones((2, 2)), s=(0, 2)))
    with pytest.raises(cnp.AxisError):
        cnp.fft.fft(x, axis=1)
    with pytest.raises(cnp.AxisError):
        cnp.fft.fft2(x)
    with pytest.raises(ValueError, match="n should be an integer"):
        cnp.fft.fftfreq(2.5)


@pytest.mark.parametrize("n", [1, 2, 5, 8, 9, 10])
@pytest.mark.parametrize("d", [1.0, 0.1, 3])
def test_freq(n, d):
    _close(cnp.fft.fftfreq(n, d), np.fft.fftfreq(n, d))
    _close(cnp.fft.rfftfreq(n, d), np.fft.rfftfreq(n, d))
    assert np.array_equal(np.asarray(cnp.fft.fftfreq(n, d)), np.fft.fftfreq(n, d))


@pytest.mark.parametrize("axes", [None, 0, 1, (0,), (1, 0), (0, 0), -1])
def test_shift(axes):
    x = np.arange(35).reshape(5, 7)
    for f, g in ((cnp.fft.fftshift, np.fft.fftshift), (cnp.fft.ifftshift, np.fft.ifftshift)):
        got = np.asarray(f(x, axes))
        want = g(x, axes)
        assert got.dtype == want.dtype and np.array_equal(got, want)
    y = np.arange(10)[::-3]
    assert np.array_equal(np.asarray(cnp.fft.fftshift(cnp.asarray(np.arange(10))[::-3])),
                          np.fft.fftshift(y))
    assert np.array_equal(np.asarray(cnp.fft.ifftshift(cnp.fft.fftshift(x))), x)


def test_roundtrip_and_empty_batch():
    x = _data((3, 16), "c16")
    _close(cnp.fft.ifft(cnp.fft.fft(x)), x.astype(complex))
    e = np.zeros((0, 4))
    got = cnp.fft.fft(e)
    assert got.shape == (0, 4) and got.dtype == cnp.complex128
    _close(cnp.fft.rfft(e), np.fft.rfft(e))


# --- Plans measured by FFTW_MEASURE (multi-dimensional / strided batches of >= 2**15 points):
# planned on scratch arrays, so the caller's data is untouched, and keyed by alignment.

@pytest.mark.parametrize("fn", ["fft2", "ifft2", "fftn", "rfft2", "irfft2", "rfftn", "irfftn"])
def test_measured_plans_power_of_two(fn):
    x = _data((256, 256), "f8" if fn.startswith("rfft") else "c16")
    keep = x.copy()
    _close(getattr(cnp.fft, fn)(x), getattr(np.fft, fn)(x))
    assert np.array_equal(x, keep)        # MEASURE never ran on the caller's array
    _close(getattr(cnp.fft, fn)(x), getattr(np.fft, fn)(x))   # the cached plan


@pytest.mark.parametrize("axis", [0, 1])
def test_strided_batch(axis):
    # c2c: the blocked column pass; rfft/irfft along axis 0: a measured strided plan
    x = _data((512, 128), "c16")
    keep = x.copy()
    _close(cnp.fft.fft(x, axis=axis), np.fft.fft(x, axis=axis))
    _close(cnp.fft.ifft(x, axis=axis), np.fft.ifft(x, axis=axis))
    assert np.array_equal(x, keep)
    y = _data((512, 128))
    _close(cnp.fft.rfft(y, axis=0), np.fft.rfft(y, axis=0))
    _close(cnp.fft.irfft(x, axis=0), np.fft.irfft(x, axis=0))


@pytest.mark.parametrize("kind", ["c16", "f8", "c8", "f4"])
def test_measured_plans_misaligned_views(kind):
    # The same shape and strides at a data pointer one element off: FFTW's SIMD alignment
    # differs, so the plan made for the aligned array must not be reused.
    base = _data(256 * 256 + 1, kind)
    c = cnp.asarray(base)
    for off in (0, 1):
        v = base[off:off + 256 * 256].reshape(256, 256)
        cv = c[off:off + 256 * 256].reshape(256, 256)
        single = kind in ("c8", "f4")
        _close(cnp.fft.fft2(cv), np.fft.fft2(v), single)
        _close(cnp.fft.fftn(cv.T), np.fft.fftn(v.T), single)
        if kind in ("f8", "f4"):
            _close(cnp.fft.rfft2(cv), np.fft.rfft2(v), single)
    assert np.array_equal(np.asarray(c), base)


def test_measured_non_contiguous_views():
    base = _data((300, 260), "c16")
    c = cnp.asarray(base)
    for v, cv in ((base[::2, 2:258], c[::2, 2:258]), (base.T, c.T), (base[::-1], c[::-1])):
        _close(cnp.fft.fft2(cv), np.fft.fft2(v))
        _close(cnp.fft.ifftn(cv), np.fft.ifftn(v))
        _close(cnp.fft.irfft2(cv), np.fft.irfft2(v))
        _close(cnp.fft.rfft2(cv.real), np.fft.rfft2(v.real))


@pytest.mark.parametrize("axes", [(0, 1), (1, 2), (2, 0), (1, 0), (-1, -3), (0, 1, 2), (2, 1, 0)])
@pytest.mark.parametrize("fn", ["fftn", "ifftn", "rfftn", "irfftn"])
def test_nd_every_axis_pair_3d(fn, axes):
    x = _data((5, 6, 8), "f8" if fn == "rfftn" else "c16")
    f, g = getattr(cnp.fft, fn), getattr(np.fft, fn)
    _close(f(x, axes=axes), g(x, axes=axes))
    s = tuple(range(4, 4 + len(axes)))
    _close(f(x, s=s, axes=axes), g(x, s=s, axes=axes))


@pytest.mark.parametrize("fn", ["rfftn", "irfftn"])
def test_nd_repeated_axes_real(fn):
    x = _data((6, 8), "f8" if fn == "rfftn" else "c16")
    f, g = getattr(cnp.fft, fn), getattr(np.fft, fn)
    for axes, s in (((1, 1), None), ((0, 1, 0), None), ((0, 0, 1), (4, 9, 7))):
        _close(f(x, s=s, axes=axes), g(x, s=s, axes=axes))


def test_nd_errors_order():
    x = np.ones((3, 4))
    for fn in ("fftn", "ifftn", "rfftn", "irfftn"):
        for s in ((0, -1), (-2, 0), (3, 0)):
            _same_error(lambda: getattr(cnp.fft, fn)(x, s=s),
                        lambda: getattr(np.fft, fn)(x, s=s))
    _same_error(lambda: cnp.fft.rfftn(x, axes=()), lambda: np.fft.rfftn(x, axes=()))
    with pytest.raises(TypeError):
        cnp.fft.rfft2(x + 1j)


def test_zero_d_inputs():
    # NumPy raises IndexError for an axis of a 0-d array; cnumpy's AxisError is one.
    for fn in ("fft", "rfft", "ifft"):
        with pytest.raises(IndexError):
            getattr(cnp.fft, fn)(np.float64(1.0))
    with pytest.raises(IndexError):
        cnp.fft.fft2(np.float64(1.0))
    got = cnp.fft.fftn(np.float64(2.5))
    want = np.fft.fftn(np.float64(2.5))
    assert got.shape == () and float(np.asarray(got)) == float(want)


def test_float16_is_single_precision():
    x = _data(40).astype(np.float16)
    got = cnp.fft.fft(x)
    assert got.dtype == cnp.complex64
    _close(got, np.fft.fft(x.astype(np.float32)), single=True)
    assert cnp.fft.irfft(x).dtype == cnp.float32


# --- cnumpy extension: FFTW wisdom.

def test_wisdom_round_trip_in_process():
    cnp.fft.fft2(_data((256, 128), "c16"))          # a measured plan: wisdom to export
    cnp.fft.fft2(_data((256, 128), "c8"))
    w = cnp.fft.export_wisdom()
    assert isinstance(w, tuple) and len(w) == 2
    assert w[0].startswith("(fftw-") and " fftw_wisdom" in w[0]
    assert w[1].startswith("(fftw-") and " fftwf_wisdom" in w[1]
    cnp.fft.import_wisdom(w)
    cnp.fft.import_wisdom((w[0].encode(), w[1].encode()))   # bytes too
    assert cnp.fft.export_wisdom() == w             # importing what is known changes nothing


def test_wisdom_round_trip_to_new_process(tmp_path):
    import json
    import os
    import subprocess
    import sys
    x = _data((128, 512), "c16")
    cnp.fft.fft2(x)
    w = cnp.fft.export_wisdom()
    path = tmp_path / "wisdom.json"
    path.write_text(json.dumps(w))
    code = (
        "import json, sys, numpy as np, cnumpy as cnp\n"
        "w = tuple(json.load(open(sys.argv[1])))\n"
        "cnp.fft.import_wisdom(w)\n"
        "x = np.random.default_rng(1).standard_normal((128, 512)) + 0j\n"
        "assert np.allclose(np.asarray(cnp.fft.fft2(x)), np.fft.fft2(x), rtol=1e-12, atol=1e-9)\n"
        "got = cnp.fft.export_wisdom()\n"
        "for mine, theirs in zip(got, w):\n"
        "    assert set(theirs.splitlines()[1:-1]) <= set(mine.splitlines()), 'wisdom lost'\n"
        "print('ok')\n")
    r = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                       env=dict(os.environ), timeout=300)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "ok"


def test_wisdom_malformed_is_an_error():
    before = cnp.fft.export_wisdom()
    for bad in (("garbage ((( #x", before[1]), (before[0], "(fftw-3.3.10 fftwf_wisdom"),
                ("", before[1]), (before[1], before[1]),      # single wisdom into double
                (before[0][: len(before[0]) // 2], before[1])):
        with pytest.raises(ValueError, match="FFTW could not import this"):
            cnp.fft.import_wisdom(bad)
    assert cnp.fft.export_wisdom() == before     # a failed import leaves the wisdom unchanged
    with pytest.raises(ValueError, match="NUL"):
        cnp.fft.import_wisdom(("a\0b", before[1]))
    for bad in ("(fftw-3.3.10 fftw_wisdom)", (before[0],), None, (1, 2)):
        with pytest.raises(TypeError):
            cnp.fft.import_wisdom(bad)


# --- Blocked passes: multi-dimensional / strided transforms of more than 2**20 points are done
# axis by axis in cache-sized blocks on the library's threads (src/fft/blocked.cpp).

@pytest.mark.parametrize("fn", ["fft2", "ifft2", "fftn", "ifftn"])
def test_blocked_c2c(fn):
    x = _data((1030, 1031), "c16")        # more than 2**20 points, odd and composite lengths
    keep = x.copy()
    f, g = getattr(cnp.fft, fn), getattr(np.fft, fn)
    _close(f(x), g(x))
    assert np.array_equal(x, keep)
    _close(f(x, norm="ortho"), g(x, norm="ortho"))
    y = _data((3, 700, 520), "c16")
    _close(f(y, axes=(0, 2)), g(y, axes=(0, 2)))
    _close(f(y, s=(600, 5), axes=(1, 0)), g(y, s=(600, 5), axes=(1, 0)))


def test_blocked_c2c_3d_every_axis_and_views():
    x = _data((64, 130, 128), "c16")
    c = cnp.asarray(x)
    _close(cnp.fft.fftn(c), np.fft.fftn(x))
    for axis in range(3):
        _close(cnp.fft.fft(c, axis=axis), np.fft.fft(x, axis=axis))
        _close(cnp.fft.ifft(c, n=200, axis=axis), np.fft.ifft(x, n=200, axis=axis))
    big = _data((1100, 2100), "c16")
    cb = cnp.asarray(big)
    for v, cv in ((big[:, ::2], cb[:, ::2]), (big.T, cb.T), (big[::-1, 3:], cb[::-1, 3:])):
        _close(cnp.fft.fft2(cv), np.fft.fft2(v))
        _close(cnp.fft.fft(cv, axis=0), np.fft.fft(v, axis=0))


@pytest.mark.parametrize("fn", ["rfft2", "irfft2", "rfftn", "irfftn"])
def test_blocked_real(fn):
    x = _data((1030, 1031), "c16" if fn.startswith("i") else "f8")
    keep = x.copy()
    f, g = getattr(cnp.fft, fn), getattr(np.fft, fn)
    _close(f(x), g(x))
    assert np.array_equal(x, keep)
    _close(f(x, s=(1100, 1001), norm="forward"), g(x, s=(1100, 1001), norm="forward"))


@pytest.mark.parametrize("kind", ["c8", "f4"])
def test_blocked_single_precision(kind):
    x = _data((1030, 1100), kind)
    _close(cnp.fft.fft2(x), np.fft.fft2(x), single=True)
    assert cnp.fft.fft2(x).dtype == cnp.complex64
    if kind == "f4":
        _close(cnp.fft.rfft2(x), np.fft.rfft2(x), single=True)
    else:
        _close(cnp.fft.irfft2(x), np.fft.irfft2(x), single=True)


def test_blocked_thread_counts_agree():
    # The library's thread setting (cnp_set_num_threads) splits the blocks, never the results.
    from cnumpy import _backend
    lib = _backend.lib
    x = _data((1100, 1030), "c16")
    want = np.fft.fft2(x)
    old = lib.cnp_get_num_threads()
    try:
        got = []
        for nt in (1, 2, 3):
            assert lib.cnp_set_num_threads(nt) == 0
            got.append(np.asarray(cnp.fft.fft2(x)))
            _close(got[-1], want)
        assert np.array_equal(got[0], got[1]) and np.array_equal(got[0], got[2])
    finally:
        lib.cnp_set_num_threads(old)


@pytest.mark.parametrize("fn", ["fft2", "ifft2", "rfft2", "irfft2", "fftn"])
def test_batches_of_small_2d_transforms(fn):
    # > 2**15 points in all, < 2**13 per transform: one ESTIMATE plan over the batch.
    x = _data((300, 32, 32), "f8" if fn == "rfft2" else "c16")
    f, g = getattr(cnp.fft, fn), getattr(np.fft, fn)
    axes = (-2, -1) if fn != "fftn" else (1, 2)
    _close(f(x, axes=axes), g(x, axes=axes))
    _close(f(x[::2, :, ::-1], axes=axes, norm="ortho"), g(x[::2, :, ::-1], axes=axes, norm="ortho"))


@pytest.mark.parametrize("kind", ["c8", "c16"])
def test_hfft_scaled_conjugated_input(kind):
    # hfft conjugates and scales the (copied) input before the c2r transform.
    x = _data((5, 33), kind)
    single = kind == "c8"
    for norm in NORMS:
        _close(cnp.fft.hfft(x, norm=norm), np.fft.hfft(x, norm=norm), single)
        _close(cnp.fft.hfft(x[:, ::2], n=20, norm=norm), np.fft.hfft(x[:, ::2], n=20, norm=norm),
               single)
        _close(cnp.fft.irfft(x.T, axis=0, norm=norm), np.fft.irfft(x.T, axis=0, norm=norm), single)
