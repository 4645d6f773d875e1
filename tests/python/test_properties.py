"""Property tests: random shapes, views, indices, reshapes, casts and ranges against NumPy.

Each generator takes `ri(lo, hi)` (an inclusive random integer) so that it runs both under
hypothesis (which shrinks failures) and under a seeded `random.Random` (which needs nothing
beyond the standard library)."""
import itertools
import random
import warnings

import numpy as np
import pytest

import cnumpy as cnp
from cnp_helpers import ALL_DTYPES, arr, check, values_for

try:
    from hypothesis import given, strategies as st
    HAVE_HYPOTHESIS = True
except ImportError:  # pragma: no cover
    HAVE_HYPOTHESIS = False

needs_hypothesis = pytest.mark.skipif(not HAVE_HYPOTHESIS,
                                      reason="hypothesis is not installed (python3-hypothesis)")

pytestmark = [pytest.mark.filterwarnings("ignore:overflow encountered:RuntimeWarning"),
              pytest.mark.filterwarnings("ignore:invalid value encountered:RuntimeWarning")]


def gen_shape(ri, max_ndim=4, max_len=4):
    return tuple(ri(0, max_len) for _ in range(ri(0, max_ndim)))


def gen_slice(ri, n):
    def bound():
        return None if ri(0, 3) == 0 else ri(-n - 2, n + 2)
    step = None if ri(0, 2) == 0 else [-3, -2, -1, 1, 2, 3][ri(0, 5)]
    return slice(bound(), bound(), step)


def gen_index(ri, shape):
    """A valid basic index for `shape`: ints, slices, None and at most one Ellipsis."""
    items = []
    axis = 0
    used_ellipsis = False
    # after an Ellipsis the remaining items must cover exactly the trailing axes
    while axis < len(shape) and (used_ellipsis or ri(0, 4) > 0):
        kind = ri(0, 5)
        if kind == 0 and shape[axis] > 0:
            items.append(ri(-shape[axis], shape[axis] - 1))
            axis += 1
        elif kind == 1:
            items.append(None)
        elif kind == 2 and not used_ellipsis:
            items.append(Ellipsis)
            used_ellipsis = True
            axis = len(shape) - max(0, ri(0, len(shape) - axis))
        else:
            items.append(gen_slice(ri, shape[axis]))
            axis += 1
    if ri(0, 3) == 0:
        items.append(None)
    return tuple(items)


def gen_view(ri):
    """(shape, dtype, index, transpose axes): a random view of a random array."""
    shape = gen_shape(ri)
    dtype = ALL_DTYPES[ri(0, len(ALL_DTYPES) - 1)]
    idx = gen_index(ri, shape)
    return shape, dtype, idx


def make(xp, shape, dtype):
    n = int(np.prod(shape, dtype=np.int64))
    vals = values_for(dtype)
    data = [vals[i % len(vals)] for i in range(n)]
    return arr(xp, data, dtype).reshape(shape)


def factorizations(n, ri):
    dims = []
    rest = n
    for _ in range(ri(0, 3)):
        divisors = [d for d in range(1, rest + 1) if rest % d == 0] if rest else [0, 1, 2]
        d = divisors[ri(0, len(divisors) - 1)]
        dims.append(d)
        rest = rest // d if d else rest
    if n == 0 and 0 not in dims:
        dims.append(0)
    elif n and int(np.prod(dims, dtype=np.int64)) != n:
        dims.append(n // int(np.prod(dims, dtype=np.int64)))
    if dims and ri(0, 2) == 0 and n:
        dims[ri(0, len(dims) - 1)] = -1
    return tuple(dims)


# ---- the properties ------------------------------------------------------------------------


def prop_basic_index(ri):
    shape, dtype, idx = gen_view(ri)
    check(lambda xp: make(xp, shape, dtype)[idx], strides=True)


def prop_index_then_write(ri):
    shape, dtype, idx = gen_view(ri)

    def fn(xp):
        a = make(xp, shape, dtype)
        v = a[idx]
        if isinstance(v, xp.ndarray):
            v[...] = 1
        return a
    check(fn)


def prop_view_reshape(ri):
    shape, dtype, idx = gen_view(ri)
    n_view = np.empty(shape)[idx]
    if not isinstance(n_view, np.ndarray):
        return
    newshape = factorizations(n_view.size, ri)
    order = "CFA"[ri(0, 2)]

    def fn(xp):
        a = make(xp, shape, dtype)
        v = a[idx]
        r = v.reshape(newshape, order=order)
        shares = bool(xp.may_share_memory(a, r))
        if r.size:
            r[...] = 0
        return r, a, shares
    check(fn)
    check(lambda xp: make(xp, shape, dtype)[idx].reshape(newshape, order=order),
          strides="nonunit")


def prop_transpose(ri):
    shape, dtype, idx = gen_view(ri)
    n_view = np.empty(shape)[idx]
    if not isinstance(n_view, np.ndarray):
        return
    axes = list(range(n_view.ndim))
    for i in range(len(axes) - 1, 0, -1):
        j = ri(0, i)
        axes[i], axes[j] = axes[j], axes[i]
    axes = [a - n_view.ndim if ri(0, 1) else a for a in axes]
    check(lambda xp: make(xp, shape, dtype)[idx].transpose(axes), strides=True)
    check(lambda xp: make(xp, shape, dtype)[idx].T.copy(), strides=True)
    check(lambda xp: make(xp, shape, dtype)[idx].ravel("K"), strides=True)


def prop_astype(ri):
    shape, dtype, idx = gen_view(ri)
    dst = ALL_DTYPES[ri(0, len(ALL_DTYPES) - 1)]
    order = "CFAK"[ri(0, 3)]
    if not isinstance(np.empty(shape)[idx], np.ndarray):
        return
    check(lambda xp: make(xp, shape, dtype)[idx].astype(dst, order=order), strides=True)


def prop_arange(ri):
    start = ri(-50, 50) / [1, 2, 4, 10][ri(0, 3)]
    stop = ri(-50, 50) / [1, 2, 4, 10][ri(0, 3)]
    step = [1, 2, 3, -1, -2, 0.5, -0.25, 0.1, 0.3, 7][ri(0, 9)]
    if ri(0, 1):
        start, stop = int(start), int(stop)
    dtype = [None, "float32", "float64", "int64", "int16", "complex64", "float16"][ri(0, 6)]
    check(lambda xp: xp.arange(start, stop, step, dtype=dtype))


def prop_linspace(ri):
    start = ri(-1000, 1000) / [1, 3, 7, 100][ri(0, 3)]
    stop = ri(-1000, 1000) / [1, 3, 7, 100][ri(0, 3)]
    num = ri(0, 60)
    endpoint = bool(ri(0, 1))
    dtype = [None, "float32", "int64", "int32", "complex128"][ri(0, 4)]
    check(lambda xp: xp.linspace(start, stop, num, endpoint=endpoint, dtype=dtype))
    if start > 0 and stop > 0:
        check(lambda xp: xp.geomspace(start, stop, num, endpoint=endpoint), ulp=16)
    # power/log10: NumPy's float results depend on the CPU (SVML vs libm), see test_ranges
    check(lambda xp: xp.logspace(start / 100, stop / 100, num, endpoint=endpoint), ulp=4)


PROPERTIES = [prop_basic_index, prop_index_then_write, prop_view_reshape, prop_transpose,
              prop_astype, prop_arange, prop_linspace]


# ---- seeded random (always runs) -----------------------------------------------------------


@pytest.mark.parametrize("prop", PROPERTIES, ids=lambda p: p.__name__)
@pytest.mark.parametrize("seed", range(4))
def test_random_property(prop, seed):
    rng = random.Random(1000 * seed + PROPERTIES.index(prop))
    for _ in range(60):
        prop(rng.randint)


# ---- hypothesis ----------------------------------------------------------------------------


def _hyp(prop):
    if not HAVE_HYPOTHESIS:
        @needs_hypothesis
        def skipped():
            pass  # pragma: no cover
        return skipped

    @given(st.data())
    def test(data):
        prop(lambda lo, hi: data.draw(st.integers(lo, hi)))
    return test


test_hyp_basic_index = _hyp(prop_basic_index)
test_hyp_index_then_write = _hyp(prop_index_then_write)
test_hyp_view_reshape = _hyp(prop_view_reshape)
test_hyp_transpose = _hyp(prop_transpose)
test_hyp_astype = _hyp(prop_astype)
test_hyp_arange = _hyp(prop_arange)
test_hyp_linspace = _hyp(prop_linspace)


if HAVE_HYPOTHESIS:
    @given(st.lists(st.floats(allow_nan=True, allow_infinity=True, width=64), min_size=1,
                    max_size=8),
           st.sampled_from(ALL_DTYPES), st.sampled_from(ALL_DTYPES))
    def test_hyp_astype_float_values(vals, mid, dst):
        check(lambda xp: xp.array(vals).astype(mid).astype(dst))

    @given(st.lists(st.integers(-2 ** 63, 2 ** 63 - 1), min_size=1, max_size=8),
           st.sampled_from(ALL_DTYPES))
    def test_hyp_astype_int64_values(vals, dst):
        check(lambda xp: xp.array(vals, dtype="int64").astype(dst))

    @given(st.sampled_from(ALL_DTYPES), st.sampled_from(ALL_DTYPES),
           st.sampled_from(["no", "equiv", "safe", "same_kind", "unsafe"]))
    def test_hyp_can_cast_consistent_with_astype(a, b, casting):
        ok = cnp.can_cast(a, b, casting)
        assert ok == np.can_cast(a, b, casting)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                cnp.zeros(2, dtype=a).astype(b, casting=casting)
            raised = False
        except TypeError:
            raised = True
        assert raised == (not ok)


def test_permutation_exhaustive_3d():
    # every transpose of a 3-d view, plain random is not needed here
    for perm in itertools.permutations(range(3)):
        check(lambda xp: xp.arange(60).reshape(3, 4, 5)[::-1, 1::2].transpose(perm),
              strides=True)
