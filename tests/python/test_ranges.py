"""arange, linspace, logspace, geomspace: bit-exact against NumPy 1.24's formulas."""
import math

import numpy as np
import pytest

import cnumpy as cnp
from cnp_helpers import ALL_DTYPES, assert_same, check, check_error, run

# --------------------------------------------------------------------------------------------
# arange

ARANGE_ARGS = [
    (5,), (0,), (-3,), (1,), (1, 10, 3), (10, 0), (10, 0, -3), (0, 10, 3), (-10, 10, 7),
    (3, 3), (0, 5, -1), (0.0, 1.0, 0.1), (0.1, 0.4, 0.1), (0.5, 3.7, 0.7), (-3, 3, 1.5),
    (1e-3, 2e-3, 1e-4), (0, 1, 1 / 3), (-1, 1, 0.25), (5.0,), (2.5,), (-0.0, 3.0),
    (10.0, -10.0, -2.5), (1, 2, 0.3), (0, 100, 7), (100, -100, -9), (True, 3), (0, 2, True),
    (2 ** 62, 2 ** 62 + 3), (-2 ** 63, -2 ** 63 + 3), (2 ** 53, 2 ** 53 + 4, 1.0),
    (1e300, 1.0000000000001e300, 1e287),
]


@pytest.mark.parametrize("args", ARANGE_ARGS, ids=repr)
def test_arange_default_dtype(args):
    check(lambda xp: xp.arange(*args), strides=True)


def test_arange_named_examples():
    check(lambda xp: xp.arange(5))
    check(lambda xp: xp.arange(1, 10, 3))
    _, got = check(lambda xp: xp.arange(0.0, 1.0, 0.1))
    assert np.asarray(got).tobytes() == np.arange(0.0, 1.0, 0.1).tobytes()
    _, got = check(lambda xp: xp.arange(10, dtype=xp.float32))
    assert got.dtype == "float32"
    assert cnp.arange(5).dtype == "int64"
    assert cnp.arange(5.0).dtype == "float64"


_ARANGE_DTYPE_ARGS = [(5,), (1, 10, 3), (10,), (0, 5, 2), (10, 0, -3), (0, 100, 11),
                      (0.0, 1.0, 0.1), (1, 2, 0.3), (0.5, 5), (0.5, 5, 1.5), (10, 0, -0.5),
                      (0, 1000, 100), (-1, 1, 0.25), (0,), (7, 7)]
# negative values into unsigned types are left out: NumPy-version dependent / platform defined
_ARANGE_DTYPE_CASES = [(args, dtype) for dtype in ALL_DTYPES if dtype != "bool"
                       for args in _ARANGE_DTYPE_ARGS
                       if not (np.dtype(dtype).kind == "u" and any(a < 0 for a in args))]


@pytest.mark.parametrize("args,dtype", _ARANGE_DTYPE_CASES, ids=repr)
def test_arange_dtype(args, dtype):
    check(lambda xp: xp.arange(*args, dtype=dtype), strides=True)


def test_arange_float32_accumulates_in_float32():
    # NumPy computes the first two values in double, casts them, then fills start + i*delta in
    # the target type: the 10th value is 0.90000004, not 0.9
    _, got = check(lambda xp: xp.arange(0, 1, 0.1, dtype=xp.float32))
    assert np.asarray(got)[9] == np.float32(0.90000004)
    check(lambda xp: xp.arange(0, 1, 0.1, dtype="float16"))
    check(lambda xp: xp.arange(1, 2, 0.3, dtype="complex64"))


def test_arange_int_dtype_from_float_bounds():
    check(lambda xp: xp.arange(0.5, 5, 1.5, dtype=int))  # numpy: [0, 2, 4]
    check(lambda xp: xp.arange(0.5, 5, dtype="int32"))
    check(lambda xp: xp.arange(5.0, dtype="int8"))


def test_arange_bool():
    check(lambda xp: xp.arange(2, dtype=bool))
    check(lambda xp: xp.arange(1, dtype=bool))
    check(lambda xp: xp.arange(0, dtype=bool))
    check(lambda xp: xp.arange(1, 3, dtype=bool))
    check(lambda xp: xp.arange(2.0, dtype=bool))
    check_error(lambda xp: xp.arange(5, dtype=bool))
    check_error(lambda xp: xp.arange(0, 3, 1, dtype="?"))


def test_arange_uint64_large():
    check(lambda xp: xp.arange(2 ** 63, 2 ** 63 + 3, dtype=xp.uint64))
    check(lambda xp: xp.arange(2 ** 64 - 3, 2 ** 64 - 1, dtype="uint64"))


def test_arange_keywords():
    check(lambda xp: xp.arange(1, 10, step=2))
    check(lambda xp: xp.arange(1, step=2))
    check(lambda xp: xp.arange(stop=3))
    check(lambda xp: xp.arange(start=2, stop=8, step=3, dtype="int16"))


@pytest.mark.parametrize("args", [(0, 10, 0), (0.0, 10, 0), (0, 10, 0.0), (5, 1, 0),
                                  (0.0, 1.0, 0.0)], ids=repr)
def test_arange_step_zero(args):
    check_error(lambda xp: xp.arange(*args))
    check_error(lambda xp: xp.arange(*args, dtype="int8"))


def test_arange_step_zero_message():
    with pytest.raises(ZeroDivisionError) as info:
        cnp.arange(0, 10, 0)
    assert str(info.value) == "division by zero"


@pytest.mark.parametrize("args", [(float("nan"),), (0, float("nan")), (float("inf"),),
                                  (0, float("inf")), (0, 1e20, 1e-5), (2 ** 62,)], ids=repr)
def test_arange_size_errors(args):
    check_error(lambda xp: xp.arange(*args))


@pytest.mark.parametrize("args", [(1j, 5j), (0, 5 + 1j), (0, 4 + 4j, 1 + 1j), (1 + 1j, 4 + 9j),
                                  (0, 3 + 0j)], ids=repr)
def test_arange_complex_arguments(args):
    check(lambda xp: xp.arange(*args))


def test_arange_complex_dtype():
    check(lambda xp: xp.arange(3, dtype=complex))
    check(lambda xp: xp.arange(0.5, 2, 0.25, dtype="complex64"))


# --------------------------------------------------------------------------------------------
# linspace


def _same_step(got, exp):
    """retstep: numpy gives numpy.float64 (or a float nan for div == 0, or an array)."""
    if isinstance(exp, np.ndarray):
        assert_same(got, exp, what="step")
        return
    g = np.asarray(got)
    assert g.shape == ()
    assert g.dtype == np.asarray(exp).dtype, (g.dtype, np.asarray(exp).dtype)
    assert isinstance(got, float) or isinstance(got, cnp.ndarray) or hasattr(got, "dtype")
    gf, ef = complex(got), complex(exp)
    for a, b in ((gf.real, ef.real), (gf.imag, ef.imag)):
        assert (math.isnan(a) and math.isnan(b)) or a == b, (got, exp)


def check_retstep(fn):
    exp, exp_err = run(fn, np)
    got, got_err = run(fn, cnp)
    assert exp_err is None, exp_err
    assert got_err is None, "cnumpy raised %r" % (got_err,)
    assert isinstance(got, tuple) and len(got) == 2
    assert_same(got[0], exp[0], strides=True)
    _same_step(got[1], exp[1])


LINSPACE_ARGS = [
    (0, 1, 0), (0, 1, 1), (0, 1, 2), (0, 1, 50), (0, 1, 3), (-1, 1, 5), (1, -1, 7), (5, 5, 3),
    (0, 10, 11), (2.5, -7.25, 13), (-5, 5, 4), (0.1, 0.7, 9), (1e-10, 1e10, 20), (-0.0, 0.0, 3),
    (-3, 0, 4), (0, -1, 6), (1 + 2j, -3 + 0.5j, 5), (1j, 2 + 3j, 3), (True, False, 3),
]


@pytest.mark.parametrize("endpoint", [True, False])
@pytest.mark.parametrize("args", LINSPACE_ARGS, ids=repr)
def test_linspace(args, endpoint):
    start, stop, num = args
    check(lambda xp: xp.linspace(start, stop, num, endpoint=endpoint), strides=True)
    check_retstep(lambda xp: xp.linspace(start, stop, num, endpoint=endpoint, retstep=True))


def test_linspace_default_num_is_50():
    _, got = check(lambda xp: xp.linspace(2.0, 3.0))
    assert got.shape == (50,)


_LINSPACE_DTYPE_ARGS = [(0, 10, 5), (-5, 5, 4), (0, 1, 5), (-2.5, 2.5, 6), (10, -10, 7),
                        (0, 100, 50), (1, 3, 1)]
# negative values into unsigned types are left out (platform defined in C)
_LINSPACE_DTYPE_CASES = [(args, dtype) for dtype in ALL_DTYPES for args in _LINSPACE_DTYPE_ARGS
                         if not (np.dtype(dtype).kind == "u" and min(args[:2]) < 0)]


@pytest.mark.parametrize("args,dtype", _LINSPACE_DTYPE_CASES, ids=repr)
def test_linspace_dtype(args, dtype):
    start, stop, num = args
    check(lambda xp: xp.linspace(start, stop, num, dtype=dtype), strides=True)
    check(lambda xp: xp.linspace(start, stop, num, endpoint=False, dtype=dtype), strides=True)


def test_linspace_integer_rounds_down():
    _, got = check(lambda xp: xp.linspace(-5, 5, 4, dtype=int))
    assert got.tolist() == [-5, -2, 1, 5]
    check(lambda xp: xp.linspace(0, 10, 5, dtype=int))
    check(lambda xp: xp.linspace(-1, 0, 5, dtype="int8"))


@pytest.mark.parametrize("axis", [0, -1, 1, -2])
@pytest.mark.parametrize("endpoint", [True, False])
def test_linspace_arrays(axis, endpoint):
    check(lambda xp: xp.linspace([0, 1], [2, 3], 3, axis=axis, endpoint=endpoint), strides=True)
    check(lambda xp: xp.linspace(xp.array([0.0, -1.0, 2.5]), 10.0, 4, axis=axis,
                                 endpoint=endpoint), strides=True)
    check(lambda xp: xp.linspace(xp.array([[0], [5]]), xp.array([1, 2, 3]), 5, axis=axis),
          strides=True)
    check_retstep(lambda xp: xp.linspace([0, 1], [2, 3], 3, axis=axis, retstep=True))
    check_retstep(lambda xp: xp.linspace([0, 1], [1, 1], 4, axis=axis, retstep=True,
                                         endpoint=endpoint))


def test_linspace_arrays_axis_3d():
    for axis in (0, 1, 2, -1, -2, -3):
        check(lambda xp: xp.linspace(xp.zeros((2, 3)), xp.ones((2, 3)), 4, axis=axis),
              strides=True)


def test_linspace_arrays_zero_step():
    # a zero step in one column: NumPy divides first, then multiplies (different rounding)
    check(lambda xp: xp.linspace([0.1, 1.0], [0.7, 1.0], 7))
    check(lambda xp: xp.linspace(0.1, 0.1, 7))


@pytest.mark.parametrize("start,stop,num,kw", [(0, 1, -1, {}), (0, 1, 2, {"axis": 1}),
                                               ([0, 1], [1, 2], 2, {"axis": 2}),
                                               ([0, 1], [1, 2], 2, {"axis": -3}),
                                               ([0, 1], [1, 2, 3], 2, {})], ids=repr)
def test_linspace_errors(start, stop, num, kw):
    check_error(lambda xp: xp.linspace(start, stop, num, **kw))


def test_linspace_negative_num_message():
    with pytest.raises(ValueError) as info:
        cnp.linspace(0, 1, -1)
    assert str(info.value) == "Number of samples, -1, must be non-negative."


def test_linspace_float32():
    check(lambda xp: xp.linspace(0, 1, 5, dtype=xp.float32))
    check(lambda xp: xp.linspace(0, 1, 7, dtype="float32"))
    check(lambda xp: xp.linspace(-3.3, 7.7, 11, dtype="float32", endpoint=False))
    check_retstep(lambda xp: xp.linspace(0, 1, 7, dtype="float32", retstep=True))


# --------------------------------------------------------------------------------------------
# logspace / geomspace go through numpy.power and numpy.log10, whose float results depend on
# the CPU NumPy runs on (SVML on AVX-512, libm elsewhere). Against NumPy, floats are compared
# to within a few units in the last place (geomspace: log10's 1-ulp differences are amplified
# by the power, up to ~10 ulp), everything else (dtype, shape, strides, integers, nan/inf)
# exactly; and bit-exactly against NumPy 1.24's formulas evaluated with the C library's
# pow/log10 (test_*_reference_formula).
LOG_ULP = 4
GEOM_ULP = 16

# logspace


LOGSPACE_ARGS = [(0, 3, 4), (0, 1, 0), (0, 1, 1), (0, 1, 2), (0, 2, 50), (-2, 2, 9), (3, 0, 4),
                 (0.5, 1.5, 3), (-1, -3, 5)]


@pytest.mark.parametrize("base", [None, 2, 2.0, 10.0, 0.5, np.e])
@pytest.mark.parametrize("args", LOGSPACE_ARGS, ids=repr)
def test_logspace(args, base):
    start, stop, num = args
    kw = {} if base is None else {"base": base}
    check(lambda xp: xp.logspace(start, stop, num, **kw), strides=True, ulp=LOG_ULP)
    check(lambda xp: xp.logspace(start, stop, num, endpoint=False, **kw), strides=True,
          ulp=LOG_ULP)


@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_logspace_dtype(dtype):
    check(lambda xp: xp.logspace(0, 3, 4, dtype=dtype), ulp=LOG_ULP)
    check(lambda xp: xp.logspace(0, 2, 7, base=2, dtype=dtype), ulp=LOG_ULP)


@pytest.mark.parametrize("axis", [0, 1, -1])
def test_logspace_arrays(axis):
    check(lambda xp: xp.logspace([0, 1], [2, 3], 3, axis=axis), strides=True, ulp=LOG_ULP)
    check(lambda xp: xp.logspace(xp.array([0.0, -1.0]), 2.0, 4, axis=axis, base=2.0),
          strides=True, ulp=LOG_ULP)


def test_logspace_errors():
    check_error(lambda xp: xp.logspace(0, 1, -1))


# --------------------------------------------------------------------------------------------
# geomspace


GEOMSPACE_ARGS = [(1, 1000, 4), (1, 256, 9), (1, 1, 1), (1, 2, 0), (1, 2, 1), (1, 2, 2),
                  (-1, -1000, 4), (-1000, -1, 5), (1000, 1, 4), (0.5, 8, 50), (2, 3, 10),
                  (1e-5, 1e5, 11), (1j, 1000j, 4), (-1j, -100j, 3), (1 + 1j, 1000 + 1000j, 4),
                  (-1 + 0j, 1, 3), (3, 3, 4), (2 + 3j, -5 + 1j, 6)]


@pytest.mark.parametrize("endpoint", [True, False])
@pytest.mark.parametrize("args", GEOMSPACE_ARGS, ids=repr)
def test_geomspace(args, endpoint):
    start, stop, num = args
    check(lambda xp: xp.geomspace(start, stop, num, endpoint=endpoint), strides=True,
          ulp=GEOM_ULP)


@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_geomspace_dtype(dtype):
    check(lambda xp: xp.geomspace(1, 1000, 4, dtype=dtype), ulp=GEOM_ULP)
    check(lambda xp: xp.geomspace(2, 50, 6, dtype=dtype), ulp=GEOM_ULP)
    if np.dtype(dtype).kind not in "ub":
        check(lambda xp: xp.geomspace(-2, -50, 6, dtype=dtype), ulp=GEOM_ULP)


@pytest.mark.parametrize("axis", [0, 1, -1])
def test_geomspace_arrays(axis):
    check(lambda xp: xp.geomspace([1, 2], [1000, 2000], 3, axis=axis), strides=True,
          ulp=GEOM_ULP)
    check(lambda xp: xp.geomspace(xp.array([1.0, -1.0]), xp.array([8.0, -8.0]), 4, axis=axis),
          strides=True, ulp=GEOM_ULP)


@pytest.mark.parametrize("args", [(0, 1), (1, 0), (0, 0), (0j, 1j)], ids=repr)
def test_geomspace_zero(args):
    check_error(lambda xp: xp.geomspace(*args))
    with pytest.raises(ValueError) as info:
        cnp.geomspace(*args)
    assert str(info.value) == "Geometric sequence cannot include zero"


def test_geomspace_errors():
    check_error(lambda xp: xp.geomspace(1, 2, -1))
    check_error(lambda xp: xp.geomspace([1, 0], [2, 3], 3))


def _ref_logspace(start, stop, num, endpoint=True, base=10.0):
    y = np.linspace(start, stop, num, endpoint=endpoint)
    return np.array([math.pow(base, v) for v in y.tolist()], dtype="float64")


def _ref_geomspace(start, stop, num, endpoint=True):
    sign = -1.0 if (start < 0 and stop < 0) else 1.0
    start, stop = abs(start) if sign < 0 else start, abs(stop) if sign < 0 else stop
    r = _ref_logspace(math.log10(start), math.log10(stop), num, endpoint)
    if num > 0:
        r[0] = start
        if num > 1 and endpoint:
            r[-1] = stop
    return sign * r


@pytest.mark.parametrize("args", [(0, 3, 4), (0, 2, 50), (-2, 2, 9), (3, 0, 4), (0.5, 1.5, 3),
                                  (-1, -3, 5), (1.7, 42.25, 17)], ids=repr)
@pytest.mark.parametrize("endpoint", [True, False])
@pytest.mark.parametrize("base", [10.0, 2.0, 0.5, math.e])
def test_logspace_reference_formula(args, endpoint, base):
    start, stop, num = args
    got = np.asarray(cnp.logspace(start, stop, num, endpoint=endpoint, base=base))
    ref = _ref_logspace(start, stop, num, endpoint, base)
    assert got.dtype == ref.dtype
    assert got.tobytes() == ref.tobytes(), (got.tolist(), ref.tolist())


@pytest.mark.parametrize("args", [(1, 1000, 4), (1, 256, 9), (-1, -1000, 4), (-1000, -1, 5),
                                  (1000, 1, 4), (0.5, 8, 50), (2, 3, 10), (1e-5, 1e5, 11),
                                  (948.0, 68.33333333333333, 52)], ids=repr)
@pytest.mark.parametrize("endpoint", [True, False])
def test_geomspace_reference_formula(args, endpoint):
    start, stop, num = args
    got = np.asarray(cnp.geomspace(start, stop, num, endpoint=endpoint))
    ref = _ref_geomspace(start, stop, num, endpoint)
    assert got.dtype == ref.dtype
    assert got.tobytes() == ref.tobytes(), (got.tolist(), ref.tolist())
