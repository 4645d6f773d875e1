"""repr()/str() of arrays (printed by the library, src/print) against NumPy 1.24's arrayprint:
every dtype, 0-d, empty, N-d, summarised, wrapped, non-contiguous, special values, print options."""
import contextlib

import numpy as np
import pytest

import cnumpy as cnp
from cnp_helpers import ALL_DTYPES, FLOATS, COMPLEXES, INTS

OPTION_KEYS = ("precision", "threshold", "edgeitems", "linewidth", "suppress", "sign", "floatmode")


@contextlib.contextmanager
def both_options(**kw):
    with np.printoptions(**kw), cnp.printoptions(**kw):
        yield


def same(n, c=None):
    """repr and str of a NumPy array and of the cnumpy array made from it agree."""
    if c is None:
        c = cnp.asarray(n)
    assert repr(c) == repr(n)
    assert str(c) == str(n)


def values(kind, seed, size):
    rng = np.random.default_rng(seed)
    pick = seed % 6
    if pick == 0:
        v = rng.uniform(-10, 10, size)
    elif pick == 1:
        v = rng.uniform(0, 1, size).round(rng.integers(0, 6))
    elif pick == 2:
        v = 10.0 ** rng.uniform(-12, 12, size) * rng.choice([-1, 1], size)
    elif pick == 3:
        v = rng.integers(-1000, 1000, size).astype(float)
    elif pick == 4:
        v = rng.normal(0, 1e3, size)
    else:
        v = 10.0 ** rng.uniform(-3, 3, size)
    if kind == "c":
        v = v + 1j * values("f", seed + 1000, size)
    return v


# ---- dtypes and shapes ----------------------------------------------------------------------
SHAPES = [(), (0,), (1,), (5,), (2, 3), (0, 3), (3, 0, 2), (2, 3, 4), (2, 1, 2, 1, 3)]


@pytest.mark.parametrize("dt", ALL_DTYPES)
@pytest.mark.parametrize("shape", SHAPES, ids=str)
def test_dtypes_shapes(dt, shape):
    size = int(np.prod(shape))
    n = (np.arange(size) * 7 % 11 - 4).reshape(shape).astype(dt)
    same(n)
    if dt in FLOATS + COMPLEXES:
        same(np.array(n / 3, dtype=dt))


@pytest.mark.parametrize("dt", FLOATS + COMPLEXES)
@pytest.mark.parametrize("seed", range(30))
def test_random_floats(dt, seed):
    kind = "c" if dt in COMPLEXES else "f"
    with np.errstate(over="ignore", invalid="ignore"):
        n = values(kind, seed, 1 + seed % 9).astype(dt)
    same(n)
    same(n[:1].reshape(()))


@pytest.mark.parametrize("dt", INTS)
def test_integer_extremes(dt):
    info = np.iinfo(dt)
    same(np.array([info.min, 0, info.max], dtype=dt))
    same(np.array([info.max], dtype=dt).reshape(()))
    same(np.array([[1, info.max], [info.min, 5]], dtype=dt))


@pytest.mark.parametrize("dt", FLOATS)
def test_special_values(dt):
    nan, inf = float("nan"), float("inf")
    cases = [[nan], [inf], [-inf], [nan, 1.0], [-inf, 1.0], [nan, inf, -inf], [-0.0, 0.0],
             [-0.0], [0.0, 1e-5], [1e-30, 1e30], [1.0, 1e8], [1.0, 999.0], [1.0, 1001.0],
             [0.0001, 0.1], [0.00009999, 0.1], [1e-300, 1.0], [1.5, nan, -2.25],
             [np.finfo(dt).max, np.finfo(dt).tiny], [np.finfo(dt).eps, 1.0]]
    with np.errstate(over="ignore"):
        for c in cases:
            n = np.array(c, dtype=dt)
            same(n)
            for x in c:
                same(np.array(x, dtype=dt))


@pytest.mark.parametrize("dt", COMPLEXES)
def test_complex_special(dt):
    nan, inf = float("nan"), float("inf")
    cases = [[1 + 2j], [0j], [-0.0 - 0j], [complex(nan, 1)], [complex(1, nan)],
             [complex(1, inf), complex(1, -inf)], [1e20 + 1e-5j], [0.1 + 0j, 3j],
             [complex(-0.0, 2.5)], [complex(inf, -inf), 1 + 1j]]
    for c in cases:
        same(np.array(c, dtype=dt))
        for x in c:
            same(np.array(x, dtype=dt))


def test_float32_threshold_in_its_own_type():
    # float32(1e-4) is below 1e-4 in double but not in float32: NumPy compares in float32
    same(np.array([np.float32(1e-4), 1], dtype=np.float32))
    same(np.array([np.float32(1e8)], dtype=np.float32))
    same(np.array([0.1, 100.0], dtype=np.float16))
    same(np.array(np.float32(1e-4)))
    same(np.array([np.float32(38735208)]))
    same(np.array([np.float32(38735208), 0.5]))
    same(np.array([65504.0], dtype=np.float16))


def test_bool():
    same(np.array([True, False, True]))
    same(np.array(True))
    same(np.array(False))
    same(np.ones((2, 2), dtype=bool))
    same(np.zeros(0, dtype=bool))


# ---- summarisation and wrapping -------------------------------------------------------------
@pytest.mark.parametrize("shape", [(1001,), (2000,), (10, 200), (3, 4, 100), (1000, 2), (11, 11, 11)], ids=str)
@pytest.mark.parametrize("dt", ["int64", "float64", "float32", "bool", "complex128", "uint8"])
def test_summarised(shape, dt):
    n = (np.arange(int(np.prod(shape))) % 251).reshape(shape).astype(dt)
    if dt[0] in "fc":
        n = n / 7
    same(n)


def test_exactly_threshold_not_summarised():
    same(np.arange(1000))
    same(np.arange(1001))


@pytest.mark.parametrize("n", [20, 30, 40, 80])
def test_wrapping(n):
    same(np.arange(n) * 12345)
    same(np.linspace(0, 1, n))
    same(np.linspace(0, 1, n).astype(np.float32))
    same(np.arange(n, dtype=np.int16))
    same((np.arange(2 * n) * 3).reshape(2, n).astype(np.int8))
    same(np.linspace(-1, 1, n) + 1j * np.linspace(2, 3, n))


def test_dtype_suffix_moves_to_new_line():
    # the dtype= suffix goes on its own line when it would overflow the last line
    for k in range(8, 20):
        same(np.arange(k, dtype=np.int32) * 1000)
        same(np.arange(k, dtype=np.float32) / 3)


# ---- views ----------------------------------------------------------------------------------
def test_views():
    n = (np.arange(60, dtype=np.float64) / 4).reshape(3, 4, 5)
    c = cnp.asarray(n)
    same(n[::-1], c[::-1])
    same(n[:, ::2, 1:], c[:, ::2, 1:])
    same(n.T, c.T)
    same(n[1, :, 3], c[1, :, 3])
    same(np.asarray(n[2, 3, 4]), cnp.asarray(c[2, 3, 4]))
    big = np.arange(3000).reshape(30, 100)
    cb = cnp.asarray(big)
    same(big[::-1, ::3], cb[::-1, ::3])


# ---- print options --------------------------------------------------------------------------
@pytest.mark.parametrize("floatmode", ["maxprec", "fixed", "unique", "maxprec_equal"])
@pytest.mark.parametrize("precision", [0, 1, 3, 8, 12])
def test_floatmode_precision(floatmode, precision):
    with both_options(floatmode=floatmode, precision=precision):
        for seed in range(12):
            for dt in ("float64", "float32", "float16", "complex128"):
                with np.errstate(over="ignore", invalid="ignore"):
                    n = values("c" if dt[0] == "c" else "f", seed, 5).astype(dt)
                same(n)
        same(np.array([1.0, 2.5, 0.125]))
        same(np.array([0.5, 1.5, 2.5, 3.5]))


@pytest.mark.parametrize("sign", ["-", "+", " "])
def test_sign(sign):
    with both_options(sign=sign):
        same(np.array([1.0, 2.5]))
        same(np.array([-1.0, 2.5]))
        same(np.array([np.nan, 1.0]))
        same(np.array([np.inf, 1e-9]))
        same(np.array([1 + 1j, -2 - 0.5j]))
        same(np.array(3.5))


def test_suppress():
    with both_options(suppress=True):
        same(np.array([1e-10, 1.0, 1e3]))
        same(np.array([-1e-10, 1.0]))
        same(np.array([1e9, 1.0]))
        same(np.array([1e-5, 1e-6], dtype=np.float32))


@pytest.mark.parametrize("linewidth", [1, 10, 40, 75, 200])
def test_linewidth(linewidth):
    with both_options(linewidth=linewidth):
        same(np.arange(50))
        same(np.arange(24).reshape(2, 3, 4) / 3)
        same(np.arange(30, dtype=np.uint16))


@pytest.mark.parametrize("threshold,edgeitems", [(10, 0), (10, 1), (10, 2), (0, 3), (5, 4), (100, 10)])
def test_threshold_edgeitems(threshold, edgeitems):
    with both_options(threshold=threshold, edgeitems=edgeitems):
        same(np.arange(30))
        same(np.arange(120).reshape(4, 5, 6) / 8)
        same(np.arange(5))
        same(np.linspace(0, 1, 7).astype(np.float16))
        same(np.array([True] * 12))


def test_get_set_printoptions():
    d = cnp.get_printoptions()
    nd = np.get_printoptions()
    for k in OPTION_KEYS:
        assert d[k] == nd[k], k
    with cnp.printoptions(precision=3) as opts:
        assert opts["precision"] == 3
        assert cnp.get_printoptions()["precision"] == 3
    assert cnp.get_printoptions()["precision"] == 8
    for kw in ({"sign": "x"}, {"floatmode": "nope"}):
        with pytest.raises(ValueError) as e1:
            np.set_printoptions(**kw)
        with pytest.raises(ValueError) as e2:
            cnp.set_printoptions(**kw)
        assert str(e1.value) == str(e2.value)
    # NumPy 1.24 accepts these and fails later; cnumpy refuses them up front like NumPy 2
    for kw in ({"precision": -1}, {"threshold": -1}):
        with pytest.raises(ValueError):
            cnp.set_printoptions(**kw)
    assert cnp.get_printoptions() == d
