"""shares_memory, may_share_memory(max_work=...), TooHardError and MAY_SHARE_BOUNDS/EXACT
against NumPy 1.24.

Ported from NumPy's numpy/core/tests/test_mem_overlap.py where it applies: the manual cases of
test_may_share_memory_manual, the random strided view pairs of the easy and harder fuzz tests
(fewer pairs: NumPy marks them slow), test_shares_memory_api, test_may_share_memory_bad_max_work
and test_non_ndarray_inputs. Each answer is compared with NumPy's on the same views of a NumPy
array (cnumpy wraps NumPy's memory without a copy, so both see the same addresses), and the
exact answer is also checked the way NumPy's check_may_share_memory_exact does: fill one
array, look for the change in the other.

Not ported, with the reason:
- test_diophantine_fuzz, test_diophantine_overflow, test_internal_overlap_*: they call
  numpy.core._multiarray_tests (solve_diophantine, internal_overlap), private test hooks with no
  cnumpy counterpart; the solver itself is tested against brute force in
  tests/cpp/test_mem_overlap.cpp, including the 128-bit intermediate case of
  test_diophantine_overflow.
- test_overlapping_assignments and class TestUFunc: they test that assignments and ufuncs copy
  overlapping operands, which test_ufunc_engine.py covers for cnumpy.
"""
import itertools

import numpy as np
import pytest
from numpy.lib.stride_tricks import as_strided

import cnumpy as cnp


def _c(a):
    """A cnumpy view of the NumPy array a (same memory)."""
    return cnp.asarray(a)


def _same(fn_np, fn_cnp):
    """fn(numpy) and fn(cnumpy) give the same value or raise the same exception."""
    try:
        exp, exp_err = fn_np(), None
    except Exception as e:  # noqa: BLE001 - compared
        exp, exp_err = None, e
    try:
        got, got_err = fn_cnp(), None
    except Exception as e:  # noqa: BLE001 - compared
        got, got_err = None, e
    if exp_err is not None:
        assert got_err is not None, "numpy raised %r, cnumpy returned %r" % (exp_err, got)
        name = type(exp_err).__name__
        assert type(got_err).__name__ == name and str(got_err) == str(exp_err), (got_err, exp_err)
        return None
    assert got_err is None, "cnumpy raised %r, numpy returned %r" % (got_err, exp)
    assert type(got) is bool and got == exp, (got, exp)
    return got


def _all_answers(a, b, works=(None, 0, -1, 1, 2, 5, 50)):
    """Every answer of both functions for the NumPy views a, b, compared with NumPy's."""
    ca, cb = _c(a), _c(b)
    for mw in works:
        _same(lambda: np.shares_memory(a, b, max_work=mw),
              lambda: cnp.shares_memory(ca, cb, max_work=mw))
        _same(lambda: np.may_share_memory(a, b, max_work=mw),
              lambda: cnp.may_share_memory(ca, cb, max_work=mw))
    _same(lambda: np.shares_memory(a, b), lambda: cnp.shares_memory(ca, cb))
    _same(lambda: np.may_share_memory(a, b), lambda: cnp.may_share_memory(ca, cb))


def _check_exact(a, b):
    """NumPy's check_may_share_memory_exact: the exact answer is whether writing a changes b."""
    got = cnp.may_share_memory(_c(a), _c(b), max_work=cnp.MAY_SHARE_EXACT)
    assert cnp.may_share_memory(_c(a), _c(b)) == \
        cnp.may_share_memory(_c(a), _c(b), max_work=cnp.MAY_SHARE_BOUNDS)
    a.fill(0)
    b.fill(0)
    a.fill(1)
    assert got == bool(b.any()), (a.shape, b.shape, a.strides, b.strides)
    assert got == np.may_share_memory(a, b, max_work=np.MAY_SHARE_EXACT)


def test_names():
    assert cnp.MAY_SHARE_BOUNDS == np.MAY_SHARE_BOUNDS == 0
    assert cnp.MAY_SHARE_EXACT == np.MAY_SHARE_EXACT == -1
    assert issubclass(cnp.TooHardError, RuntimeError)
    assert cnp.TooHardError.__name__ == "TooHardError" and cnp.TooHardError.__module__ == "cnumpy"
    for n in ("shares_memory", "may_share_memory", "TooHardError", "MAY_SHARE_BOUNDS",
              "MAY_SHARE_EXACT"):
        assert n in cnp.__all__ and n in np.__all__


def test_shares_memory_api():
    x = np.zeros([4, 5, 6], dtype=np.int8)
    c = _c(x)
    assert cnp.shares_memory(c, c) is True
    assert cnp.shares_memory(c, c.copy()) is False
    a, b = c[:, ::2, ::3], c[:, ::3, ::2]
    assert cnp.shares_memory(a, b) is True
    assert cnp.shares_memory(a, b, max_work=None) is True
    with pytest.raises(cnp.TooHardError, match="^Exceeded max_work$"):
        cnp.shares_memory(a, b, max_work=1)
    with pytest.raises(RuntimeError):
        cnp.shares_memory(a, b, max_work=1)
    _all_answers(x[:, ::2, ::3], x[:, ::3, ::2])


def test_bad_max_work():
    x = np.zeros([1])
    for mw in (10 ** 100, 2 ** 63, -2 ** 63 - 1, -3, -2, 1.5, np.int64(3), True, False, "1"):
        for name in ("shares_memory", "may_share_memory"):
            _same(lambda: getattr(np, name)(x, x, max_work=mw),
                  lambda: getattr(cnp, name)(_c(x), _c(x), max_work=mw))


def test_signature():
    x = np.zeros(3)
    for call in ("f(x)", "f()", "f(x, x, 1, 2)", "f(x, x, foo=1)",
                 "f(x, x, max_work=1)", "f(x, x, 1)"):
        for name in ("shares_memory", "may_share_memory"):
            _same(lambda: eval(call, {"f": getattr(np, name), "x": x}),
                  lambda: eval(call, {"f": getattr(cnp, name), "x": _c(x)}))


def test_non_ndarray_inputs():
    """Objects with __array_interface__ or __array__ (NumPy's gh-5604 check)."""
    class MyArray:
        def __init__(self, data):
            self.data = data

        @property
        def __array_interface__(self):
            return self.data.__array_interface__

    class MyArray2:
        def __init__(self, data):
            self.data = data

        def __array__(self, dtype=None):
            return self.data

    for cls in (MyArray, MyArray2):
        x = cnp.arange(5)
        assert cnp.may_share_memory(cls(x[::2]), x[1::2])
        assert not cnp.shares_memory(cls(x[::2]), x[1::2])
        assert cnp.shares_memory(cls(x[1::3]), x[::2])
        assert cnp.may_share_memory(cls(x[1::3]), x[::2])
    # lists and scalars become new arrays: never shared
    assert cnp.shares_memory([1, 2], [1, 2]) is False
    assert cnp.may_share_memory(3.0, 3.0) is False
    n = np.arange(6.0)
    assert cnp.shares_memory(n[1:], _c(n)[:3]) is True  # a NumPy array is taken over


def test_may_share_memory_manual():
    xs0 = [np.zeros([13, 21, 23, 22], dtype=np.int8),
           np.zeros([13, 21, 23 * 2, 22], dtype=np.int8)[:, :, ::2, :]]
    xs = [x[ss] for x in xs0
          for ss in itertools.product(*(([slice(None), slice(None, None, -1)],) * 4))]
    for x in xs:
        assert cnp.may_share_memory(_c(x)[:, 0, :], _c(x)[:, 1, :])
        assert cnp.may_share_memory(_c(x)[:, 0, :], _c(x)[:, 1, :], max_work=None)
        _check_exact(x[:, 0, :], x[:, 1, :])
        _check_exact(x[:, ::7], x[:, 3::3])
        _all_answers(x[:, 0, :], x[:, 1, :])
        _all_answers(x[:, ::7], x[:, 3::3])
        xp = x.ravel()
        if xp.flags.owndata:
            continue
        try:
            xp = xp.view(np.int16)
        except ValueError:
            continue
        _check_exact(x.ravel()[6:6], xp.reshape(13, 21, 23, 11)[:, ::7])    # size 0
        _check_exact(x[:, ::7], xp.reshape(13, 21, 23, 11))                # itemsizes
        _check_exact(x[:, ::7], xp.reshape(13, 21, 23, 11)[:, 3::3])
        _check_exact(x.ravel()[6:7], xp.reshape(13, 21, 23, 11)[:, ::7])
    x = np.zeros([1], dtype=np.int8)
    _check_exact(x, x)
    _check_exact(x, x.copy())


def _random_view_pairs(x, same_steps, rng):
    """NumPy's iter_random_view_pairs: regular views, internal overlap (zero and small strides),
    then random slices (steps 1..10, reversed at random) with random transpositions."""
    def random_slice(n, step):
        start = int(rng.integers(0, n + 1))
        stop = int(rng.integers(start, n + 1))
        if rng.integers(0, 2) == 0:
            stop, start = start, stop
            step *= -1
        return slice(start, stop, step)

    yield x, x
    for j in range(1, 7, 3):
        yield x[j:], x[:-j]
        yield x[..., j:], x[..., :-j]
    strides = list(x.strides)
    strides[0] = 0
    xp = as_strided(x, shape=x.shape, strides=strides)
    yield x, xp
    yield xp, xp
    strides = list(x.strides)
    if strides[0] > 1:
        strides[0] = 1
    xp = as_strided(x, shape=x.shape, strides=strides)
    yield x, xp
    yield xp, xp
    while True:
        steps = tuple(int(rng.integers(1, 11)) if rng.integers(0, 5) == 0 else 1
                      for _ in range(x.ndim))
        s1 = tuple(random_slice(p, s) for p, s in zip(x.shape, steps))
        t1 = rng.permutation(x.ndim)
        t2 = rng.permutation(x.ndim)
        steps2 = steps if same_steps else tuple(
            int(rng.integers(1, 11)) if rng.integers(0, 5) == 0 else 1 for _ in range(x.ndim))
        s2 = tuple(random_slice(p, s) for p, s in zip(x.shape, steps2))
        yield x[s1].transpose(t1), x[s2].transpose(t2)


@pytest.mark.parametrize("same_steps", [True, False])
def test_random_strided_views(same_steps):
    """Random view pairs of one int16 array: every answer (each max_work) equals NumPy's, and
    the exact one is checked by writing. NumPy's easy fuzz shows max_work=1 suffices for common
    steps; the harder one that max(a.size, b.size) // 2 does otherwise."""
    x = np.zeros([17, 34, 71, 97], dtype=np.int16)
    rng = np.random.default_rng(1234 + same_steps)
    feasible = infeasible = 0
    pairs = _random_view_pairs(x, same_steps, rng)
    count = 0
    while min(feasible, infeasible) < 150:
        a, b = next(pairs)
        count += 1
        _all_answers(a, b)
        work = 1 if same_steps else max(a.size, b.size) // 2
        _same(lambda: np.may_share_memory(a, b, max_work=work),
              lambda: cnp.may_share_memory(_c(a), _c(b), max_work=work))
        exact = cnp.shares_memory(_c(a), _c(b))
        if cnp.may_share_memory(_c(a), _c(b)):
            if exact:
                feasible += 1
            else:
                infeasible += 1
        if count % 25 == 0 and a.size and b.size:
            _check_exact(a, b)
    assert count > 300


def test_small_random_layouts():
    """Arbitrary strides (not slices of one array: as_strided, negative, zero, overlapping,
    different itemsizes) over one small buffer, every pair against NumPy."""
    rng = np.random.default_rng(99)
    buf = np.zeros(400, dtype=np.uint8)
    for _ in range(1500):
        views = []
        for _ in range(2):
            isz = int(rng.choice([1, 2, 4, 8]))
            nd = int(rng.integers(0, 4))
            shape = tuple(int(rng.integers(0, 5)) for _ in range(nd))
            strides = tuple(int(rng.integers(-24, 25)) for _ in range(nd))
            lo = sum(s * (n - 1) for s, n in zip(strides, shape) if s < 0 and n > 0)
            hi = sum(s * (n - 1) for s, n in zip(strides, shape) if s > 0 and n > 0) + isz
            if hi - lo > 200:
                continue
            off = int(rng.integers(-lo, 400 - hi + 1))
            base = buf[off:].view(np.uint8)
            dt = {1: np.uint8, 2: np.uint16, 4: np.uint32, 8: np.uint64}[isz]
            v = as_strided(base[:len(base) - len(base) % isz].view(dt), shape=shape,
                           strides=strides)
            views.append(v)
        if len(views) == 2:
            _all_answers(*views, works=(None, 0, -1, 1, 3))
