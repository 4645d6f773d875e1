"""ufunc.reduce / accumulate / reduceat / at against NumPy 1.24: every binary ufunc, the dtypes
each accepts, axis forms, keepdims, dtype=, out=, initial=, where=, empty inputs, views, and
NumPy's errors. Values are compared bit for bit, except power and arctan2 reductions (see
test_power_arctan2_reduce_sequential)."""
import numpy as np
import pytest

import cnumpy as cnp
from cnp_helpers import check, check_error

RNG = np.random.default_rng(2)
DATA = {
    "float64": RNG.standard_normal((3, 4, 5)),
    "float32": RNG.standard_normal((3, 4, 5)).astype("float32"),
    "float16": RNG.standard_normal((3, 4, 5)).astype("float16"),
    "int8": RNG.integers(-5, 6, (3, 4, 5)).astype("int8"),
    "int64": RNG.integers(-50, 60, (3, 4, 5)),
    "uint8": RNG.integers(0, 9, (3, 4, 5)).astype("uint8"),
    "bool": RNG.integers(0, 2, (3, 4, 5)).astype(bool),
    "complex128": RNG.standard_normal((3, 4, 5)) + 1j * RNG.standard_normal((3, 4, 5)),
}
# NumPy 1.24's AVX-512 SVML loops for power and arctan2 ignore that a reduction's output is its
# first input (they combine the first element with the last one only); cnumpy reduces them
# properly, so they are checked against the sequential definition instead.
SVML_REDUCE_BUG = {"power", "arctan2"}
UFUNCS = ["add", "subtract", "multiply", "divide", "true_divide", "floor_divide", "remainder", "fmod",
          "maximum", "minimum", "fmax", "fmin", "logaddexp", "logaddexp2", "hypot", "copysign",
          "nextafter", "logical_and", "logical_or", "logical_xor", "bitwise_and", "bitwise_or",
          "bitwise_xor", "left_shift", "right_shift", "gcd", "lcm", "equal", "less", "greater_equal"]


COMPARISONS = {"equal", "less", "greater_equal"}


def _check_view(name, dtype, fn):
    # NumPy 1.24 words the "comparisons reduce only bool" TypeError differently depending on the
    # input's layout and on what its dispatch cache saw before (a legacy-resolver quirk); cnumpy
    # always gives the first wording. Both raise TypeError.
    if name in COMPARISONS and dtype != "bool":
        with pytest.raises(TypeError):
            fn(np)
        with pytest.raises(TypeError):
            fn(cnp)
        return
    check(fn)


def _a(xp, dtype):
    v = DATA[dtype]
    return xp.array(v) if xp is cnp else v


@pytest.mark.parametrize("dtype", sorted(DATA))
@pytest.mark.parametrize("name", UFUNCS)
def test_reduce(name, dtype):
    f = lambda xp: getattr(xp, name)  # noqa: E731
    for axis in (0, 1, -1, None, (0, 2), ()):
        _check_view(name, dtype, lambda xp: f(xp).reduce(_a(xp, dtype), axis=axis))
    _check_view(name, dtype, lambda xp: f(xp).reduce(_a(xp, dtype), axis=1, keepdims=True))
    _check_view(name, dtype, lambda xp: f(xp).reduce(_a(xp, dtype)[::-1, :, ::2], axis=2))
    _check_view(name, dtype, lambda xp: f(xp).reduce(_a(xp, dtype).transpose(2, 0, 1), axis=1))


@pytest.mark.parametrize("dtype", sorted(DATA))
@pytest.mark.parametrize("name", UFUNCS)
def test_accumulate_reduceat(name, dtype):
    f = lambda xp: getattr(xp, name)  # noqa: E731
    _check_view(name, dtype, lambda xp: f(xp).accumulate(_a(xp, dtype)))
    _check_view(name, dtype, lambda xp: f(xp).accumulate(_a(xp, dtype), axis=1))
    _check_view(name, dtype, lambda xp: f(xp).accumulate(_a(xp, dtype)[:, ::-1], axis=-1))
    _check_view(name, dtype, lambda xp: f(xp).reduceat(_a(xp, dtype), [0, 3, 1, 4], axis=2))
    _check_view(name, dtype, lambda xp: f(xp).reduceat(_a(xp, dtype), [2, 0], axis=0))


@pytest.mark.parametrize("name", sorted(SVML_REDUCE_BUG))
@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_power_arctan2_reduce_sequential(name, dtype):
    v = np.abs(DATA[dtype]) + np.asarray(0.5, dtype)
    got = np.array(getattr(cnp, name).reduce(cnp.array(v), axis=-1).tolist(), dtype=dtype)
    ref = np.empty(v.shape[:-1], dtype)
    for idx in np.ndindex(*v.shape[:-1]):
        acc = v[idx][0]
        for x in v[idx][1:]:
            acc = getattr(np, name)(np.array([acc]), np.array([x]))[0]
        ref[idx] = acc
    np.testing.assert_allclose(got, ref, rtol=1e-6 if dtype == "float32" else 1e-13)
    # the accumulate path is not affected in NumPy: bit-exact there
    check(lambda xp: getattr(xp, name).accumulate(xp.array(v) if xp is cnp else v, axis=-1), ulp=1)


def test_reduce_arguments():
    m = RNG.standard_normal((4, 5))
    mi = RNG.integers(-9, 9, (4, 5))
    b = m > 0
    M = lambda xp: xp.array(m) if xp is cnp else m  # noqa: E731
    MI = lambda xp: xp.array(mi) if xp is cnp else mi  # noqa: E731
    B = lambda xp: xp.array(b) if xp is cnp else b  # noqa: E731
    check(lambda xp: xp.add.reduce(M(xp), axis=1, where=B(xp), initial=1.5))
    check(lambda xp: xp.maximum.reduce(M(xp), axis=1, where=B(xp), initial=-10))
    check(lambda xp: xp.fmax.reduce(M(xp), axis=0, where=B(xp), initial=-10))
    check(lambda xp: xp.hypot.reduce(M(xp), axis=0, where=B(xp)))
    check(lambda xp: xp.subtract.reduce(MI(xp), axis=0, dtype="float32"))
    check(lambda xp: xp.maximum.reduce(MI(xp), axis=0, dtype="float64"))
    check(lambda xp: xp.subtract.reduce(MI(xp), axis=0, out=xp.zeros(5)))
    check(lambda xp: xp.logaddexp.reduce(M(xp), axis=None))
    check(lambda xp: xp.add.reduce(xp.array([-0.0]), initial=None))
    check(lambda xp: xp.gcd.reduce(xp.array([-4, 6])))
    check(lambda xp: xp.gcd.reduce(xp.array([-4])))
    check(lambda xp: xp.bitwise_and.reduce(xp.array([255, 15], dtype="uint8")))
    check(lambda xp: xp.bitwise_and.reduce(xp.zeros(0, dtype="uint8")))
    check(lambda xp: xp.logical_xor.reduce(xp.array([1.5, 0.0, 2.0])))
    check(lambda xp: xp.divide.reduce(xp.array([8, 2, 2])))
    check(lambda xp: xp.floor_divide.reduce(xp.array([8, 0, 2])))
    check(lambda xp: xp.add.reduce(xp.zeros(0)))
    check(lambda xp: xp.subtract.reduce(xp.zeros((0, 3)), axis=0))
    check(lambda xp: xp.subtract.reduce(xp.array(3.0)))
    check(lambda xp: xp.subtract.reduce(xp.array(3.0), axis=None))
    check(lambda xp: xp.subtract.reduce([[1, 2], [3, 4]], axis=1))
    check(lambda xp: xp.equal.reduce(B(xp)))
    check(lambda xp: xp.multiply.reduce(xp.arange(1, 5, dtype="uint8")))


def test_reduce_errors():
    m = RNG.standard_normal((4, 5))
    M = lambda xp: xp.array(m) if xp is cnp else m  # noqa: E731
    check_error(lambda xp: xp.subtract.reduce(M(xp), axis=(0, 1)))
    check_error(lambda xp: xp.subtract.reduce(M(xp), axis=None))
    check_error(lambda xp: xp.subtract.reduce(xp.zeros((3, 0)), axis=1))
    check_error(lambda xp: xp.maximum.reduce(xp.zeros(0)))
    check_error(lambda xp: xp.add.reduce(xp.zeros(0), initial=None))
    check_error(lambda xp: xp.maximum.reduce(M(xp), where=M(xp) > 0))
    check_error(lambda xp: xp.power.reduce(xp.array([2, -1])))
    check_error(lambda xp: xp.subtract.reduce(M(xp), axis=2))
    check_error(lambda xp: xp.add.reduce(M(xp), axis=(0, 0)))
    check_error(lambda xp: xp.sin.reduce(M(xp)))
    check_error(lambda xp: xp.divmod.reduce(M(xp)))
    _check_view("equal", "int64", lambda xp: xp.equal.reduce(xp.array([1, 2])))
    check_error(lambda xp: xp.subtract.reduce(xp.array([True, False])))
    for shape in [(4,), (5, 1), (1,), (3,)]:
        check_error(lambda xp: xp.subtract.reduce(M(xp), axis=0, out=xp.zeros(shape)))


def test_accumulate_arguments():
    mi = RNG.integers(-9, 9, (4, 5))
    MI = lambda xp: xp.array(mi) if xp is cnp else mi  # noqa: E731
    check(lambda xp: xp.maximum.accumulate(MI(xp), out=xp.zeros((4, 5))))
    check(lambda xp: xp.maximum.accumulate(MI(xp)[0], axis=None))
    check(lambda xp: xp.maximum.accumulate(MI(xp), axis=(1,)))
    check(lambda xp: xp.add.accumulate(MI(xp).astype("int8"), dtype="float32"))
    check(lambda xp: xp.add.accumulate(MI(xp).astype("int8")))
    check(lambda xp: xp.multiply.accumulate(MI(xp).astype("uint8"), axis=1))
    check(lambda xp: xp.maximum.accumulate(xp.zeros((0, 3))))
    check_error(lambda xp: xp.subtract.accumulate(xp.array([True, False])))
    check_error(lambda xp: xp.add.accumulate(xp.array(3.0)))
    check_error(lambda xp: xp.add.accumulate(MI(xp), axis=None))
    check_error(lambda xp: xp.add.accumulate(MI(xp), axis=(0, 1)))
    _check_view("equal", "int64", lambda xp: xp.equal.accumulate(MI(xp)))
    check_error(lambda xp: xp.maximum.accumulate(MI(xp), out=xp.zeros((4, 4))))


def test_reduceat_arguments():
    m = RNG.standard_normal((4, 5))
    M = lambda xp: xp.array(m) if xp is cnp else m  # noqa: E731
    long64 = RNG.random(5000)
    check(lambda xp: xp.add.reduceat(xp.arange(8), [0, 4, 1, 7]))
    check(lambda xp: xp.add.reduceat(xp.arange(8.0), []))
    check(lambda xp: xp.add.reduceat(xp.arange(8.0), [0.5]))
    check(lambda xp: xp.multiply.reduceat(M(xp), [0, 2, 2, 4], axis=1))
    check(lambda xp: xp.maximum.reduceat(M(xp), [0, 2], axis=0))
    check(lambda xp: xp.add.reduceat(xp.arange(8, dtype="int8"), [0, 4]))
    for dt in ("float64", "float32", "float16"):
        v = long64.astype(dt)
        check(lambda xp: xp.add.reduceat(xp.array(v) if xp is cnp else v, [0, 10, 4000]))
    check(lambda xp: xp.add.reduceat(M(xp), [1, 3], axis=1, out=xp.zeros((4, 2))))
    check_error(lambda xp: xp.add.reduceat(xp.arange(8), [0, 9]))
    check_error(lambda xp: xp.add.reduceat(xp.arange(8), [-1]))
    check_error(lambda xp: xp.add.reduceat(xp.arange(8.0), [[0, 1]]))


def _at(arr, idx, b, name="add"):
    def run(xp):
        a = xp.array(arr)
        i = idx(xp) if callable(idx) else idx
        # (NumPy 1.24 crashes when b=None is passed explicitly to a unary ufunc's at)
        r = getattr(xp, name).at(a, i) if b is None else getattr(xp, name).at(a, i, b)
        return r, a
    return run


def test_at():
    check(_at(np.arange(5), [0, 0, 4], [1, 2, 3]))
    check(_at(np.arange(5), [0], 1.5))
    check(_at(np.arange(5, dtype="float32"), [0, 1, 1], 0.1))
    check(_at(np.arange(5.0), [0, 1], None, "negative"))
    check(_at(np.arange(6.0).reshape(2, 3), (slice(None), [0, 0]), 1))
    check(_at(np.arange(5.0), lambda xp: xp.arange(5.0) > 2, 10))
    check(_at(np.arange(5.0), [1, 1, 2], [3.0, 0.5, 9.0], "maximum"))
    check(_at(np.arange(1, 6), [[0, 1], [1, 1]], 2, "multiply"))
    check(_at(np.arange(24.0).reshape(2, 3, 4), (1, Ellipsis, [3, 3, 0]), np.array([1.0, 2.0, 4.0])))
    check(_at(np.arange(5.0)[::-1], [0, 4, 0], 1))
    check_error(_at(np.arange(5.0), [7], 1))
    check_error(_at(np.arange(5.0), [0], None))
    check_error(_at(np.arange(5.0), [0, 1], np.ones(3)))
    with pytest.raises(ValueError):
        a = cnp.arange(5.0)
        a.setflags(write=False)
        cnp.add.at(a, [0], 1)
