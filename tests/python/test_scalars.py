"""Scalars returned by indexing, tolist()/item() Python types, scalar constructors."""
import math

import numpy as np
import pytest

import cnumpy as cnp
from cnp_helpers import ALL_DTYPES, arr, assert_scalar_same, check, check_error, values_for

# values_for() deliberately holds values that overflow float16/float32: NumPy warns about them
pytestmark = [pytest.mark.filterwarnings("ignore:overflow encountered:RuntimeWarning"),
              pytest.mark.filterwarnings("ignore:invalid value encountered:RuntimeWarning")]


def scalar_type_name(dtype):
    return "bool_" if np.dtype(dtype).kind == "b" else np.dtype(dtype).name


def same_py(got, exp):
    """Same Python type and value (nan-aware, signed zero aware)."""
    if type(got) is not type(exp):
        return False
    if isinstance(exp, list):
        return len(got) == len(exp) and all(same_py(g, e) for g, e in zip(got, exp))
    if isinstance(exp, complex):
        return same_py(got.real, exp.real) and same_py(got.imag, exp.imag)
    if isinstance(exp, float):
        if math.isnan(exp):
            return math.isnan(got)
        return got == exp and math.copysign(1, got) == math.copysign(1, exp)
    return got == exp


@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_index_returns_typed_scalar(dtype):
    vals = values_for(dtype)
    a = arr(cnp, vals, dtype)
    n = np.array(vals, dtype=dtype)
    for i in range(len(vals)):
        s = a[i]
        assert_scalar_same(s, n[i], what="a[%d]" % i)
        assert isinstance(s, getattr(cnp, scalar_type_name(dtype))), type(s)
        assert s.dtype == dtype
        assert np.asarray(s).dtype == np.dtype(dtype)


@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_scalar_is_a_number(dtype):
    vals = [v for v in values_for(dtype)]
    a = arr(cnp, vals, dtype)
    n = np.array(vals, dtype=dtype)
    kind = np.dtype(dtype).kind
    for i in range(len(vals)):
        s, e = a[i], n[i]
        # NEP 50: a Python int/float keeps the scalar's type (NumPy 1.24 promotes by value),
        # so NumPy's side is computed with a scalar of the same type.
        one, three, two = (1, 3, 2) if kind == "b" else (e.dtype.type(1), e.dtype.type(3),
                                                         e.dtype.type(2))
        if kind == "c":
            assert same_py(complex(s), complex(e))
            if abs(e) < 2 ** 20:
                assert same_py(complex(s + 1), complex(e + one))
            continue
        assert same_py(float(s), float(e))
        assert bool(s) == bool(e)
        small = abs(complex(e)) < 2 ** 20  # no overflow/precision rules in play
        if kind in "biu":
            assert int(s) == int(e)
            if small:
                assert int(s + 1) == int(e + one)
                assert s - 3 == e - three
            assert s == int(e)
            assert hash(s) == hash(int(e))
            assert [10, 20, 30][int(s) % 3] == [10, 20, 30][int(e) % 3]
        else:
            if small:
                assert same_py(float(s + 1), float(e + one))
                assert same_py(float(s * 2), float(e * two))
            if math.isfinite(float(e)):
                assert s == float(e)
                assert hash(s) == hash(float(e))
                assert int(s) == int(e)


def test_scalar_arithmetic_examples():
    a = cnp.array([1, 2, 3])
    assert a[0] + 1 == 2
    assert a[1] * 2.5 == 5.0
    assert 10 - a[2] == 7
    assert float(a[0]) == 1.0 and type(float(a[0])) is float
    b = cnp.array([1.5, -2.0], dtype="float32")
    assert b[0] + 1 == 2.5
    assert -b[1] == 2.0
    assert abs(b[1]) == 2.0
    assert b[0] > 1 and b[1] < 0
    c = cnp.array([1 + 2j])
    assert c[0] * 1j == (1 + 2j) * 1j
    assert cnp.array([True])[0]
    assert not cnp.array([False])[0]


def test_scalar_index_usable_as_index():
    a = cnp.arange(5)
    assert [0, 1, 2, 3, 4][a[3]] == 3
    assert a[a[2]] == 2
    assert list(range(10))[cnp.array([2], dtype="uint8")[0]] == 2


@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_scalar_str_matches_numpy(dtype):
    vals = values_for(dtype)[:10]
    a = arr(cnp, vals, dtype)
    n = np.array(vals, dtype=dtype)
    for i in range(len(vals)):
        assert str(a[i]) == str(n[i]), (i, str(a[i]), str(n[i]))


@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_scalar_constructors(dtype):
    name = scalar_type_name(dtype)
    for v in values_for(dtype)[:8]:
        if np.dtype(dtype).kind in "iu":
            e = getattr(np, name)(v)
        elif np.dtype(dtype).kind == "b":
            e = np.bool_(v)
        else:
            e = getattr(np, name)(v)
        g = getattr(cnp, name)(v)
        assert_scalar_same(g, e)


@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_scalar_item_and_tolist(dtype):
    n = np.array(values_for(dtype)[:5], dtype=dtype)
    a = arr(cnp, values_for(dtype)[:5], dtype)
    for i in range(5):
        assert same_py(a[i].item(), n[i].item())
        assert same_py(a[i].tolist(), n[i].tolist())


# --------------------------------------------------------------------------------------------
# tolist / item

TOLIST_SHAPES = [(), (0,), (5,), (1, 5), (5, 1), (0, 3), (3, 0)]


@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_tolist_types_and_values(dtype):
    vals = values_for(dtype)
    n = np.array(vals, dtype=dtype)
    a = arr(cnp, vals, dtype)
    assert same_py(a.tolist(), n.tolist())
    assert same_py(a[::-3].tolist(), n[::-3].tolist())
    m = len(vals) - len(vals) % 3
    assert same_py(a[:m].reshape(3, -1).T.tolist(), n[:m].reshape(3, -1).T.tolist())
    assert same_py(a[:m].reshape(3, 1, -1)[:, None].tolist(),
                   n[:m].reshape(3, 1, -1)[:, None].tolist())


@pytest.mark.parametrize("shape", TOLIST_SHAPES, ids=str)
@pytest.mark.parametrize("dtype", ["bool", "int8", "uint64", "float16", "float32", "complex64"])
def test_tolist_shapes(shape, dtype):
    size = int(np.prod(shape))
    vals = (values_for(dtype) * 3)[:size]
    n = np.array(vals, dtype=dtype).reshape(shape)
    a = arr(cnp, vals, dtype).reshape(shape)
    assert same_py(a.tolist(), n.tolist())


def test_tolist_0d_returns_python_scalar():
    for dtype in ALL_DTYPES:
        v = values_for(dtype)[1]
        got = cnp.array(v, dtype=dtype).tolist()
        exp = np.array(v, dtype=dtype).tolist()
        assert same_py(got, exp), (dtype, got, exp)


def test_item():
    check(lambda xp: xp.array(1).item())
    check(lambda xp: xp.array([2.5]).item())
    check(lambda xp: xp.array([[True]]).item())
    check(lambda xp: xp.array([1, 2]).item(1))
    check(lambda xp: xp.array([[1, 2], [3, 4]]).item(1, 0))
    check(lambda xp: xp.array([[1, 2], [3, 4]]).item(-1))
    check(lambda xp: xp.array([[1, 2], [3, 4]]).item(2))
    check(lambda xp: xp.array([[1, 2], [3, 4]]).T.item(1))
    check(lambda xp: xp.array([1 + 1j], dtype="complex64").item())
    check(lambda xp: xp.array([7], dtype="float16").item())
    check(lambda xp: xp.array([2 ** 64 - 1], dtype="uint64").item())


def test_item_errors():
    check_error(lambda xp: xp.array([1, 2]).item())
    check_error(lambda xp: xp.array([1, 2]).item(5))
    check_error(lambda xp: xp.zeros(0).item())
