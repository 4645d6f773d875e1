"""astype over all 14x14 dtype pairs (values incl. negatives, extremes, nan/inf), casting rules,
order/copy arguments, ComplexWarning, and copyto."""
import itertools
import warnings

import numpy as np
import pytest

import cnumpy as cnp
from cnp_helpers import (ALL_DTYPES, arr, CASTINGS, check, check_error, defined_cast_values,
                         values_for)

PAIRS = list(itertools.product(ALL_DTYPES, ALL_DTYPES))


@pytest.mark.parametrize("src,dst", PAIRS)
def test_astype_values(src, dst):
    # values_for(src) less the few undefined float->int casts NumPy itself computes
    # differently depending on layout and position (see stable_cast_values)
    vals = defined_cast_values(src, dst)
    check(lambda xp: arr(xp, vals, src).astype(dst), strides=True)
    # the same values through a negative-stride view and a 2-d F-ordered copy (order='K')
    check(lambda xp: arr(xp, vals, src)[::-1].astype(dst), strides=True)
    n = len(vals) - len(vals) % 2
    check(lambda xp: xp.copy(arr(xp, vals[:n], src).reshape(2, n // 2).T, order="F")
          .astype(dst), strides=True)


@pytest.mark.parametrize("src,dst", PAIRS)
def test_astype_casting_rules(src, dst):
    for casting in CASTINGS:
        check(lambda xp: arr(xp, values_for(src)[:3], src).astype(dst, casting=casting))


def test_astype_safe_error_message():
    with pytest.raises(TypeError) as info:
        cnp.arange(3.0).astype(cnp.int32, casting="safe")
    assert str(info.value) == ("Cannot cast array data from dtype('float64') to dtype('int32') "
                               "according to the rule 'safe'")


def test_astype_bad_casting():
    check_error(lambda xp: xp.arange(3.0).astype("i4", casting="bogus"))


@pytest.mark.parametrize("src", ALL_DTYPES)
def test_astype_0d_and_empty(src):
    for dst in ALL_DTYPES:
        check(lambda xp: arr(xp, values_for(src)[1], src).astype(dst))
        check(lambda xp: xp.zeros((0, 3), dtype=src).astype(dst))


@pytest.mark.parametrize("order", ["C", "F", "A", "K"])
@pytest.mark.parametrize("proto", ["T", "F", "neg", "step", "c"])
def test_astype_order(proto, order):
    mk = {
        "T": lambda xp: xp.arange(24, dtype="int16").reshape(2, 3, 4).transpose(2, 0, 1),
        "F": lambda xp: xp.ones((3, 4), dtype="float32", order="F"),
        "neg": lambda xp: xp.arange(12.0).reshape(3, 4)[::-1, ::-1],
        "step": lambda xp: xp.arange(24.0).reshape(4, 6)[:, ::2],
        "c": lambda xp: xp.arange(6).reshape(2, 3),
    }[proto]
    check(lambda xp: mk(xp).astype("float64", order=order), strides=True)
    check(lambda xp: mk(xp).astype("complex64", order=order), strides=True)


def test_astype_copy_false():
    a = cnp.arange(5)
    assert a.astype("int64", copy=False) is a
    assert a.astype(cnp.int64, copy=False) is a
    b = a.astype("int64")
    assert b is not a and not cnp.may_share_memory(a, b)
    c = a.astype("float64", copy=False)
    assert c is not a and c.dtype == "float64"


def test_astype_returns_new_array():
    a = cnp.arange(4, dtype="float32")
    b = a.astype("float32")
    b[0] = 100
    assert a[0] == 0
    assert b.flags.owndata


@pytest.mark.parametrize("src", ["complex64", "complex128"])
@pytest.mark.parametrize("dst", ["float16", "float32", "float64", "int8", "int64", "uint16"])
def test_complex_to_real_warns(src, dst):
    a = cnp.array([1 + 2j, -3 + 0.5j], dtype=src)
    with pytest.warns(cnp.ComplexWarning) as rec:
        r = a.astype(dst)
    assert any(issubclass(w.category, cnp.ComplexWarning) for w in rec)
    with warnings.catch_warnings(record=True) as nrec:
        warnings.simplefilter("always")
        e = np.array([1 + 2j, -3 + 0.5j], dtype=src).astype(dst)
    exp_msgs = {str(w.message) for w in nrec if w.category is np.ComplexWarning}
    got_msgs = {str(w.message) for w in rec if issubclass(w.category, cnp.ComplexWarning)}
    assert got_msgs == exp_msgs
    assert r.tolist() == e.tolist()


def test_complex_to_bool_does_not_warn():
    a = cnp.array([1j, 0j, 2 + 0j])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        r = a.astype(bool)
    assert r.tolist() == [True, False, True]


# --------------------------------------------------------------------------------------------
# copyto


@pytest.mark.parametrize("src,dst", PAIRS)
def test_copyto_unsafe_all_pairs(src, dst):
    vals = defined_cast_values(src, dst)

    def fn(xp):
        d = xp.zeros(len(vals), dtype=dst)
        xp.copyto(d, arr(xp, vals, src), casting="unsafe")
        return d
    check(fn)


@pytest.mark.parametrize("src,dst", PAIRS)
def test_copyto_default_casting(src, dst):
    def fn(xp):
        d = xp.zeros(3, dtype=dst)
        xp.copyto(d, arr(xp, values_for(src)[:3], src))
        return d
    check(fn)


@pytest.mark.parametrize("casting", CASTINGS)
def test_copyto_casting_argument(casting):
    for src, dst in [("float64", "int32"), ("int32", "float64"), ("float64", "float32"),
                     ("int64", "int64"), ("uint8", "int8"), ("bool", "complex64")]:
        def fn(xp):
            d = xp.zeros(2, dtype=dst)
            xp.copyto(d, xp.ones(2, dtype=src), casting=casting)
            return d
        check(fn)


COPYTO_BROADCAST = [
    ((2, 3), [1, 2, 3]), ((2, 3), [[1], [2]]), ((2, 3), 5), ((2, 3), [[1, 2, 3]]),
    ((2, 3), [1, 2]), ((2, 3), [[1, 2], [3, 4]]), ((3,), [[1, 2, 3]]), ((0, 3), [1, 2, 3]),
    ((2, 1, 3), [[7], [8]]), ((2, 3), [[[1, 2, 3]]]), ((), 4), ((), [4]), ((4,), []),
]


@pytest.mark.parametrize("shape,src", COPYTO_BROADCAST, ids=repr)
def test_copyto_broadcast(shape, src):
    def fn(xp):
        d = xp.zeros(shape)
        xp.copyto(d, src)
        return d
    check(fn)

    def fn_arr(xp):
        d = xp.zeros(shape, dtype="int64")
        xp.copyto(d, xp.array(src, dtype="int64"))
        return d
    check(fn_arr)


def test_copyto_broadcast_error_message():
    with pytest.raises(ValueError) as info:
        cnp.copyto(cnp.zeros(2), cnp.zeros(3))
    assert str(info.value) == "could not broadcast input array from shape (3,) into shape (2,)"


def test_copyto_casting_errors():
    check_error(lambda xp: xp.copyto(xp.zeros(2, dtype="int32"), xp.zeros(2)))
    check_error(lambda xp: xp.copyto(xp.zeros(2, dtype="int32"), xp.zeros(2), casting="no"))
    check_error(lambda xp: xp.copyto(xp.zeros(2, dtype="float32"), xp.zeros(2), casting="safe"))
    check_error(lambda xp: xp.copyto(xp.zeros(2), xp.zeros(2, dtype="complex64")))
    check_error(lambda xp: xp.copyto(xp.zeros(2), xp.zeros(2), casting="bogus"))


@pytest.mark.parametrize("where", [[True, False, True], [[True], [False]], True, False,
                                   [[True, False, False], [False, True, True]]], ids=repr)
def test_copyto_where(where):
    def fn(xp):
        d = xp.zeros((2, 3))
        xp.copyto(d, xp.array([[1.0, 2, 3], [4, 5, 6]]), where=where)
        return d
    check(fn)

    def fn_bcast(xp):
        d = xp.full((2, 3), -1, dtype="int8")
        xp.copyto(d, 9, where=xp.array(where))
        return d
    check(fn_bcast)


def test_copyto_where_errors():
    check_error(lambda xp: xp.copyto(xp.zeros((2, 3)), 1.0, where=[True, False]))


def test_copyto_overlapping():
    def fn(xp):
        a = xp.arange(10.0)
        xp.copyto(a[1:], a[:-1])
        b = xp.arange(10)
        xp.copyto(b[::-1], b)
        c = xp.arange(9).reshape(3, 3)
        xp.copyto(c, c.T)
        return a, b, c
    check(fn)


def test_copyto_into_views():
    def fn(xp):
        a = xp.zeros((4, 6), dtype="float32")
        xp.copyto(a[::2, ::-3], xp.array([[1, 2], [3, 4]], dtype="float32"))
        xp.copyto(a.T[1:3], 7.0)
        return a
    check(fn, strides=True)


# Contiguous float -> int32 and narrower casts run in blocks of 64 through packed conversions:
# lengths around the block size, NaN / inf / out-of-range values anywhere in a block, the
# "invalid value encountered in cast" warning exactly when NumPy gives it, and a misaligned start.
@pytest.mark.parametrize("src", ["float32", "float64"])
@pytest.mark.parametrize("dst", ["int8", "uint8", "int16", "uint16", "int32"])
@pytest.mark.parametrize("n", [63, 64, 65, 130, 1000])
@pytest.mark.parametrize("special", [None, np.nan, np.inf, -np.inf, 3e9, -3e9, 2 ** 31, -2 ** 31])
def test_float_to_int_blocks(src, dst, n, special):
    rng = np.random.default_rng(n)
    vals = rng.uniform(-70000, 70000, n + 1)
    if special is not None:
        vals[rng.integers(0, n, 3)] = special
    vals = vals.astype(src)
    for sl in (slice(0, n), slice(1, n + 1)):
        def cast(xp):
            with warnings.catch_warnings(record=True) as w:
                warnings.simplefilter("always")
                r = arr(xp, vals, src)[sl].astype(dst)
            return r, sorted(str(x.message) for x in w)
        (exp, exp_w), (got, got_w) = cast(np), cast(cnp)
        assert got.dtype == exp.dtype
        np.testing.assert_array_equal(np.asarray(got.tolist(), dtype=dst), exp)
        assert got_w == exp_w
