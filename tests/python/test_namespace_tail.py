"""The long tail of NumPy's namespace (issue 28, first part): index tools, type helpers,
functional helpers, window functions and numpy.emath, each compared with NumPy 1.24."""
import warnings

import numpy as np
import pytest

import cnumpy as cnp
from cnp_helpers import check, check_error

# ---- index tools ---------------------------------------------------------------------------
INDEX_CASES = {
    "unravel": lambda m: m.unravel_index([1, 5, 3], (2, 3)),
    "unravel_F": lambda m: m.unravel_index([1, 5, 3], (2, 3), order="F"),
    "unravel_scalar": lambda m: m.unravel_index(4, (2, 3)),
    "unravel_nd": lambda m: m.unravel_index(m.array([[1, 5], [0, 2]]), (3, 2)),
    "unravel_int_shape": lambda m: m.unravel_index(3, 6),
    "unravel_uint8": lambda m: m.unravel_index(m.uint8(3), (2, 3)),
    "unravel_view": lambda m: m.unravel_index(m.arange(12)[::-3], (3, 4)),
    "unravel_empty_shape": lambda m: m.unravel_index(0, ()),
    "ravel": lambda m: m.ravel_multi_index(([1, 2], [0, 1]), (3, 3)),
    "ravel_F": lambda m: m.ravel_multi_index(([1, 2], [0, 1]), (3, 4), order="F"),
    "ravel_f_lower": lambda m: m.ravel_multi_index((1, 1), (2, 3), order="f"),
    "ravel_modes": lambda m: m.ravel_multi_index(([1, 5], [0, -1]), (3, 3), mode=("clip", "wrap")),
    "ravel_wrap": lambda m: m.ravel_multi_index(([1, 5], [7, -1]), (3, 3), mode="wrap"),
    "ravel_scalar": lambda m: m.ravel_multi_index((1, 2), (3, 3)),
    "ravel_broadcast": lambda m: m.ravel_multi_index(([[1], [2]], [0, 1]), (3, 3)),
    "ravel_array": lambda m: m.ravel_multi_index(m.array([[1, 2], [0, 1]]), (3, 3)),
    "ravel_3d": lambda m: m.ravel_multi_index((m.arange(3), [1, 0, 1], 2), (3, 2, 4)),
    "tril": lambda m: m.tril_indices(4),
    "tril_k": lambda m: m.tril_indices(4, -2),
    "tril_m": lambda m: m.tril_indices(3, 1, 5),
    "triu": lambda m: m.triu_indices(4, 1),
    "triu_m": lambda m: m.triu_indices(4, -1, 2),
    "tril_from": lambda m: m.tril_indices_from(m.ones((3, 4)), 1),
    "triu_from": lambda m: m.triu_indices_from(m.ones((4, 2))),
    "mask_indices": lambda m: m.mask_indices(3, m.triu, 1),
    "diag_indices": lambda m: m.diag_indices(3, 3),
    "diag_indices_from": lambda m: m.diag_indices_from(m.ones((2, 2, 2))),
    "ndindex": lambda m: list(m.ndindex(2, 3)),
    "ndindex_tuple": lambda m: list(m.ndindex((2, 1, 2))),
    "ndindex_zero": lambda m: list(m.ndindex((2, 0))),
    "ndindex_empty": lambda m: list(m.ndindex()),
    "ndenumerate": lambda m: [(i, float(v)) for i, v in m.ndenumerate([[1, 2], [3, 4]])],
    "ndenumerate_0d": lambda m: [(i, int(v)) for i, v in m.ndenumerate(m.array(5))],
}
INDEX_ERRORS = {
    "unravel_oob": lambda m: m.unravel_index([1, 9], (2, 3)),
    "unravel_negative": lambda m: m.unravel_index(-1, (2, 3)),
    "unravel_float": lambda m: m.unravel_index(1.0, (2, 3)),
    "unravel_empty_list": lambda m: m.unravel_index([], (2, 3)),
    "unravel_order": lambda m: m.unravel_index(3, (2, 3), order="X"),
    "unravel_order_A": lambda m: m.unravel_index(3, (2, 3), order="A"),
    "ravel_order_K": lambda m: m.ravel_multi_index((1, 1), (2, 3), order="K"),
    "unravel_huge": lambda m: m.unravel_index(3, (2 ** 40, 2 ** 40)),
    "ravel_oob": lambda m: m.ravel_multi_index(([1, 5], [0, 1]), (3, 3)),
    "ravel_length": lambda m: m.ravel_multi_index((1, 2, 3), (3, 3)),
    "ravel_float": lambda m: m.ravel_multi_index(([1.0], [2]), (3, 3)),
    "ravel_mode": lambda m: m.ravel_multi_index((1, 2), (3, 3), mode="bad"),
    "ravel_huge": lambda m: m.ravel_multi_index((1, 2), (2 ** 40, 2 ** 40)),
    "ravel_shapes": lambda m: m.ravel_multi_index(([1, 2, 0], [0, 1]), (3, 3)),
    "tril_from_1d": lambda m: m.tril_indices_from(m.ones(3)),
    "diag_from_1d": lambda m: m.diag_indices_from(m.ones(3)),
    "diag_from_unequal": lambda m: m.diag_indices_from(m.ones((2, 3))),
    "ndindex_negative": lambda m: list(m.ndindex(2, -1)),
}


@pytest.mark.parametrize("name", sorted(INDEX_CASES))
def test_index_tools(name):
    check(INDEX_CASES[name])


@pytest.mark.parametrize("name", sorted(INDEX_ERRORS))
def test_index_tool_errors(name):
    check_error(INDEX_ERRORS[name])


@pytest.mark.parametrize("shape,val,wrap,transpose", [
    ((3, 3), 5, False, False), ((7, 3), [1, 2], True, False), ((7, 3), [1, 2], False, False),
    ((3, 3, 3), [4, 5], False, False), ((3, 5), 9, False, True), ((4, 2), 1.5, True, False),
    ((0, 0), 1, False, False), ((3, 3), [], False, False)])
def test_fill_diagonal(shape, val, wrap, transpose):
    def f(m):
        a = m.zeros(shape, dtype=float)
        a = a.T if transpose else a
        m.fill_diagonal(a, val, wrap)
        return a
    check(f)


def test_fill_diagonal_errors():
    check_error(lambda m: m.fill_diagonal(m.zeros(3), 1))
    check_error(lambda m: m.fill_diagonal(m.zeros((2, 3, 3)), 1))


@pytest.mark.parametrize("a,mask,values", [
    ([[0, 1, 2], [3, 4, 5]], [[0, 0, 1], [1, 1, 0]], [7.9, 8]),
    ([0.5, 1, 2], [True, False, True], [-1]),
    ([0, 1, 2], [True, False, True], []),
    ([[1, 2], [3, 4]], [True, False, True, True], [9, 8, 7, 6]),
])
def test_putmask(a, mask, values):
    def f(m):
        x = m.array(a)
        m.putmask(x, m.array(mask), values)
        return x
    check(f)


def test_putmask_noncontiguous_and_errors():
    def f(m):
        x = m.arange(12).reshape(3, 4).T
        m.putmask(x, x % 3 == 0, [100, 200])
        return x
    check(f)
    check_error(lambda m: m.putmask(m.arange(3), [True, False], [1]))
    check_error(lambda m: m.putmask([1, 2], [True, False], [1]))


# ---- type helpers --------------------------------------------------------------------------
TYPE_CASES = {
    "isscalar": lambda m: [m.isscalar(x) for x in (1, 1.5, 1j, "a", [1], None, m.float32(1),
                                                    m.array(1), b"x")],
    "iscomplex": lambda m: m.iscomplex([1 + 2j, 3, 4j]),
    "iscomplex_real": lambda m: m.iscomplex([1, 2]),
    "iscomplex_scalar": lambda m: m.iscomplex(2.0),
    "isreal": lambda m: m.isreal([1 + 2j, 3, 4j]),
    "isreal_int": lambda m: m.isreal(m.arange(3)),
    "iscomplexobj": lambda m: [m.iscomplexobj(x) for x in ([1j], [1], 3j, m.array([1], "c8"))],
    "isrealobj": lambda m: [m.isrealobj(x) for x in ([1j], [1], 3.0)],
    "isposinf": lambda m: m.isposinf(m.array([m.inf, -m.inf, 1, m.nan])),
    "isneginf": lambda m: m.isneginf(m.array([m.inf, -m.inf, 1, m.nan], "f4")),
    "isposinf_out": lambda m: m.isposinf(m.array([m.inf, 0]), m.zeros(2, bool)),
    "nan_to_num_kw": lambda m: m.nan_to_num(m.array([m.nan, m.inf, -m.inf, 1]), nan=5,
                                            posinf=7, neginf=-7),
    "nan_to_num_scalar": lambda m: m.nan_to_num(m.nan),
    "nan_to_num_nocopy": lambda m: (lambda a: (m.nan_to_num(a, copy=False), a))(
        m.array([m.nan, 1.0])),
    "real_if_close": lambda m: m.real_if_close(m.array([2.1 + 4e-14j, 5.2 + 3e-15j])),
    "real_if_close_tol": lambda m: m.real_if_close(m.array([2.1 + 4e-13j, 5.2 + 3e-15j]), 1000),
    "real_if_close_far": lambda m: m.real_if_close(m.array([2.1 + 1e-3j])),
    "issubdtype": lambda m: [m.issubdtype(a, b) for a, b in (
        ("f8", m.floating), ("i4", m.signedinteger), ("u1", m.integer), ("f4", "f8"),
        ("c8", m.complexfloating), (m.float64, m.number), (m.int8, m.unsignedinteger),
        (m.dtype("f2"), m.inexact), (float, m.floating), (int, m.signedinteger))],
    "issctype": lambda m: [m.issctype(x) for x in (m.int32, m.dtype("f8"), 3, "f8", list)],
    "obj2sctype": lambda m: [m.obj2sctype(x) is not None for x in (m.int32, "f8", "xx")],
    "obj2sctype_names": lambda m: [m.obj2sctype(x).__name__ for x in (
        m.int32, "f8", m.array([1j]), float, "u2")],
    "sctype2char": lambda m: [m.sctype2char(x) for x in (m.int32, float, "f4", m.complex64)],
    "maximum_sctype": lambda m: [m.maximum_sctype(x).__name__ for x in (
        m.int8, m.uint16, m.bool_, "i2")],
    "typename": lambda m: [m.typename(c) for c in "bBhHiIlLqQfdFDS?"],
    "mintypecode": lambda m: [m.mintypecode(x) for x in (
        ["d", "f", "S"], "idF", ["i", "f"], [m.float32(1)], "FdG", ["i"])],
    "common_type": lambda m: [m.common_type(*x).__name__ for x in (
        [m.arange(2)], [m.arange(2, dtype="f4"), m.array([1j], "c8")], [m.array([1], "f2")],
        [m.arange(2, dtype="i1"), m.array([1.0], "f4")], [m.array([1], "f2"), m.array([1], "f4")])],
    "find_common_type": lambda m: [m.find_common_type(a, b) for a, b in (
        (["f4"], ["i8"]), (["i2"], ["f4"]), (["f4"], ["c16"]), ([], ["i4", "f8"]),
        (["i4", "u4"], []), (["u8", "i8"], []), (["?"], ["u1"]), (["i1"], ["u8"]))],
    "min_scalar_type_arr": lambda m: m.min_scalar_type(m.array([1, 2], dtype="i8")),
    "min_scalar_type_arr0": lambda m: m.min_scalar_type(m.array(300, dtype="i8")),
    "require": lambda m: m.require(m.arange(6).reshape(2, 3).T, dtype="f4",
                                   requirements=["C", "W"]).flags["C_CONTIGUOUS"],
    "require_F": lambda m: m.require(m.arange(6).reshape(2, 3), requirements="F")
    .flags["F_CONTIGUOUS"],
    "require_none": lambda m: m.require([1, 2], dtype="i2"),
    "require_owndata": lambda m: m.require(m.arange(6)[::2], requirements=["O", "A"]),
    "array_equiv": lambda m: [m.array_equiv([1, 2], [[1, 2], [1, 2]]), m.array_equiv([1, 2], [1, 3]),
                              m.array_equiv([1, 2], [[1, 2, 1, 2]]), m.array_equiv(1, [1, 1])],
    "asarray_chkfinite": lambda m: m.asarray_chkfinite([1, 2], dtype="f4"),
    "asarray_chkfinite_int": lambda m: m.asarray_chkfinite([1, 2]),
    "asfarray": lambda m: [m.asfarray([1, 2]).dtype.str, m.asfarray([1, 2], dtype="i4").dtype.str,
                           m.asfarray([1], dtype="f4").dtype.str, m.asfarray([1j]).dtype.str],
    "binary_repr": lambda m: [m.binary_repr(x, w) for x, w in (
        (3, None), (-3, None), (-3, 8), (0, None), (0, 4), (-128, 8), (5, 10), (m.int8(-5), 8))],
    "base_repr": lambda m: [m.base_repr(x, b, p) for x, b, p in (
        (5, 2, 0), (-35, 36, 0), (10, 16, 3), (0, 7, 0), (-1, 2, 2))],
}
TYPE_ERRORS = {
    "isneginf_complex": lambda m: m.isneginf(m.array([1j])),
    "sctype2char_bad": lambda m: m.sctype2char("xx"),
    "typename_bad": lambda m: m.typename("x"),
    "require_CF": lambda m: m.require(m.arange(6), requirements=["C", "F"]),
    "require_bad": lambda m: m.require(m.arange(6), requirements=["Z"]),
    "chkfinite": lambda m: m.asarray_chkfinite([1, m.inf]),
    "chkfinite_nan": lambda m: m.asarray_chkfinite([1, m.nan], dtype="f4"),
    "base_repr_big": lambda m: m.base_repr(3, 40),
    "base_repr_small": lambda m: m.base_repr(3, 1),
    "binary_repr_float": lambda m: m.binary_repr(1.5),
    "common_type_bool": lambda m: m.common_type(m.array([True])),
}


@pytest.mark.parametrize("name", sorted(TYPE_CASES))
def test_type_helpers(name):
    check(TYPE_CASES[name])


@pytest.mark.parametrize("name", sorted(TYPE_ERRORS))
def test_type_helper_errors(name):
    check_error(TYPE_ERRORS[name])


@pytest.mark.parametrize("dt", ["f2", "f4", "f8", "c8", "c16", "i4", "u1", "?"])
def test_nan_to_num_dtypes(dt):
    def f(m):
        if np.dtype(dt).kind in "fc":
            return m.nan_to_num(m.array([m.nan, m.inf, -m.inf, 1, complex(m.nan, m.inf)]
                                        if dt[0] == "c" else [m.nan, m.inf, -m.inf, 1], dtype=dt))
        return m.nan_to_num(m.array([1, 0, 1], dtype=dt))
    check(f)


@pytest.mark.parametrize("value", [64999.0, 65000.0, -65000.0, 3.3e38, 3.4e38, -1e39 + 2j,
                                   complex(float("nan"), 1e300), 0,  1, 255, 256, -1, -128, -129, 65535, 70000, 2 ** 32,
                                   -2 ** 63, 2 ** 64 - 1, 1e3, 65504.0, 65520.0, 1e5, 1e38,
                                   1e40, 1e300, float("inf"), float("nan"), 1 + 1j, 1e39 + 0j,
                                   True, False])
def test_min_scalar_type(value):
    check(lambda m: m.min_scalar_type(value))


def test_binary_repr_warns_like_numpy():
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        cnp.binary_repr(-129, 4)
    assert [w.category for w in got] == [DeprecationWarning]


# ---- functional ----------------------------------------------------------------------------
FUNCTIONAL_CASES = {
    "apply_along": lambda m: m.apply_along_axis(lambda v: v * 2, 1, m.arange(6.0).reshape(2, 3)),
    "apply_along_scalar": lambda m: m.apply_along_axis(lambda v: v.sum(), 0,
                                                       m.arange(6.0).reshape(2, 3)),
    "apply_along_2d": lambda m: m.apply_along_axis(lambda v: m.outer(v, v), -1,
                                                   m.arange(6).reshape(2, 3)),
    "apply_along_3d": lambda m: m.apply_along_axis(lambda v: v[::-1].cumsum(), 1,
                                                   m.arange(24).reshape(2, 3, 4)),
    "apply_along_args": lambda m: m.apply_along_axis(lambda v, k: v[:k], 0,
                                                     m.arange(12.0).reshape(4, 3), 2),
    "apply_over": lambda m: m.apply_over_axes(m.sum, m.arange(24).reshape(2, 3, 4), [0, 2]),
    "apply_over_neg": lambda m: m.apply_over_axes(m.mean, m.arange(24.0).reshape(2, 3, 4), -1),
    "piecewise": lambda m: m.piecewise(m.linspace(-2.5, 2.5, 6),
                                       [m.linspace(-2.5, 2.5, 6) < 0,
                                        m.linspace(-2.5, 2.5, 6) >= 0], [-1, 1]),
    "piecewise_funcs": lambda m: m.piecewise(m.linspace(-2.5, 2.5, 6),
                                             [m.linspace(-2.5, 2.5, 6) < 0],
                                             [lambda x: -x, lambda x: x * 2]),
    "piecewise_0d": lambda m: m.piecewise(m.array(3), [True, False], [1]),
    "piecewise_args": lambda m: m.piecewise(m.arange(4.0), [m.arange(4) > 1],
                                            [lambda x, k: x * k, 0], 10),
    "vectorize": lambda m: m.vectorize(lambda a, b: a - b if a > b else a + b)([1, 2, 3, 4], 2),
    "vectorize_otypes": lambda m: m.vectorize(lambda a: a / 2, otypes=[float])([1, 2, 3]),
    "vectorize_otypes_int": lambda m: m.vectorize(lambda a: a / 2, otypes="l")([1, 2, 3]),
    "vectorize_2d": lambda m: m.vectorize(lambda a: a * 2)(m.arange(6).reshape(2, 3)),
    "vectorize_0d": lambda m: m.vectorize(lambda a: a + 1)(3),
    "vectorize_tuple": lambda m: m.vectorize(lambda a: (a, a * 2.5))([1, 2]),
    "vectorize_excluded": lambda m: m.vectorize(lambda x, p: p[0] + x, excluded=["p"])(
        [1, 2], p=[10, 20]),
    "vectorize_bool": lambda m: m.vectorize(lambda a: a > 1)([0, 1, 2, 3]),
    "vectorize_complex": lambda m: m.vectorize(lambda a: a * 1j)([1.0, 2.0]),
    "vectorize_signature": lambda m: m.vectorize(
        lambda x: (x.mean(), x.std()), signature="(n)->(),()")(m.arange(12.0).reshape(3, 4)),
    "vectorize_signature_matrix": lambda m: m.vectorize(
        lambda a, b: a @ b, signature="(m,n),(n)->(m)")(m.ones((2, 3, 4)), m.arange(4.0)),
    "fromfunction": lambda m: m.fromfunction(lambda i, j: i + j, (3, 3), dtype=int),
    "fromfunction_float": lambda m: m.fromfunction(lambda i, j: i * 10 + j, (2, 4)),
    "fromiter": lambda m: m.fromiter((x * x for x in range(5)), dtype=float),
    "fromiter_count": lambda m: m.fromiter(iter(range(10)), dtype="i4", count=3),
    "fromiter_empty": lambda m: m.fromiter(iter([]), dtype="f4"),
}
FUNCTIONAL_ERRORS = {
    "apply_along_empty": lambda m: m.apply_along_axis(lambda v: v, 0, m.zeros((3, 0))),
    "apply_along_axis": lambda m: m.apply_along_axis(lambda v: v, 2, m.zeros((3, 2))),
    "piecewise_count": lambda m: m.piecewise(m.arange(3), [[True, False, True]], [1, 2, 3]),
    "vectorize_empty": lambda m: m.vectorize(lambda a: a)([]),
    "vectorize_bad_otype": lambda m: m.vectorize(lambda a: a, otypes="X"),
    "vectorize_bad_signature": lambda m: m.vectorize(lambda a: a, signature="(n->()"),
    "vectorize_signature_args": lambda m: m.vectorize(lambda a: a, signature="(n)->(n)")(1, 2),
    "vectorize_core_size": lambda m: m.vectorize(lambda a, b: a, signature="(n),(n)->(n)")(
        m.ones(3), m.ones(4)),
    "vectorize_core_ndim": lambda m: m.vectorize(lambda a: a, signature="(n,k)->()")(m.ones(3)),
    "vectorize_nout": lambda m: m.vectorize(lambda a: a, signature="(n)->(),()")(m.ones(3)),
    "fromiter_short": lambda m: m.fromiter(iter(range(2)), dtype="i4", count=3),
}


@pytest.mark.parametrize("name", sorted(FUNCTIONAL_CASES))
def test_functional(name):
    check(FUNCTIONAL_CASES[name])


@pytest.mark.parametrize("name", sorted(FUNCTIONAL_ERRORS))
def test_functional_errors(name):
    check_error(FUNCTIONAL_ERRORS[name])


def test_vectorize_calls_like_numpy():
    """NumPy calls the function once more to find the output type (unless cache=True)."""
    for m in (np, cnp):
        for cache, expected in ((False, 4), (True, 3)):
            seen = []
            m.vectorize(lambda x: seen.append(x) or x, cache=cache)([1, 2, 3])
            assert len(seen) == expected


def test_vectorize_passes_python_values():
    seen = []
    cnp.vectorize(lambda x: seen.append(type(x)) or 1, otypes="l")(cnp.array([1.5, 2.5]))
    assert seen == [float, float]


# ---- windows and emath ---------------------------------------------------------------------
@pytest.mark.parametrize("window", ["bartlett", "blackman", "hamming", "hanning"])
@pytest.mark.parametrize("M", [-1, 0, 1, 2, 5, 12, 3.0])
def test_windows(window, M):
    # cos(pi) and cos(2 pi) may differ from glibc's in the last place, which near a zero of
    # the window (0.42 - 0.5 + 0.08) is many ulps: compare within 1e-15 absolute.
    exp, got = getattr(np, window)(M), getattr(cnp, window)(M)
    assert str(got.dtype) == str(exp.dtype) and got.shape == exp.shape
    np.testing.assert_allclose(np.asarray(got.tolist()), exp, rtol=1e-14, atol=1e-15)


@pytest.mark.parametrize("M,beta", [(1, 3.0), (2, 0.0), (5, 5.0), (12, 14), (7, 8.6)])
def test_kaiser(M, beta):
    check(lambda m: m.kaiser(M, beta), ulp=8)


def test_i0_sinc():
    check(lambda m: m.i0(m.array([0.0, 1, 7.9, 8, 8.1, 30, -3, 700])), ulp=8)
    check(lambda m: m.i0([0, 1, 2]), ulp=8)
    check(lambda m: m.i0(m.array([[0.5, 2]], "f4")), ulp=8)
    check_error(lambda m: m.i0([1j]))
    check(lambda m: m.sinc(m.linspace(-4, 4, 9)), ulp=4)
    check(lambda m: m.sinc(m.array([0, 0.5, 1.5], "f4")), ulp=4)
    check(lambda m: m.sinc(0.0))


@pytest.mark.parametrize("func", ["sqrt", "log", "log2", "log10", "arccos", "arcsin", "arctanh"])
@pytest.mark.parametrize("values,dt", [([-4, 4], "i8"), ([4.0, 0.5], "f8"), ([-0.5, 2.0], "f8"),
                                       ([-1], "i1"), ([-2, 0.25], "f4"), ([1 + 1j], "c16")])
def test_emath(func, values, dt):
    check(lambda m: getattr(m.emath, func)(m.array(values, dtype=dt)), ulp=4)


def test_emath_logn_power():
    check(lambda m: m.emath.logn(2, [4, -8]), ulp=4)
    check(lambda m: m.emath.power([-2, 4], [2, -2]), ulp=4)
    check(lambda m: m.emath.sqrt(-1))


def test_old_reduction_names():
    check(lambda m: [m.product([1, 2, 3]), m.alltrue([1, 0]), m.sometrue([1, 0]),
                     m.cumproduct([1, 2, 3])])


# ---- wrong answers fixed (issue 28) --------------------------------------------------------
@pytest.mark.parametrize("dt", ["f2", "f4", "f8", "c8"])
@pytest.mark.parametrize("vals", [[1, 2, float("nan"), 4], [1, 2, 3, 4]])
@pytest.mark.parametrize("q,axis", [(50, None), ([50], None), ([[25, 50]], 0), (50, 0)])
def test_quantile_keeps_precision_with_nan(dt, vals, q, axis):
    def f(m):
        a = m.array(vals, dtype=dt)
        return [m.percentile(a, q, axis=axis), m.quantile(a, m.array(q) / 100.0, axis=axis),
                m.nanpercentile(a, q, axis=axis), m.percentile(a, q, axis=axis, method="lower")]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        check(f)


@pytest.mark.parametrize("name", ["delete", "insert", "append", "concatenate0", "concatenate1",
                                  "mixed", "hstack", "roll", "stack3d"])
def test_fortran_order_kept(name):
    def f(m):
        a = m.asfortranarray(m.arange(12).reshape(3, 4))
        c = m.arange(12).reshape(3, 4)
        r = {"delete": lambda: m.delete(a, 1, axis=1),
             "insert": lambda: m.insert(a, [1, 2], 9, axis=0),
             "append": lambda: m.append(a, a, axis=0),
             "concatenate0": lambda: m.concatenate((a, a), axis=0),
             "concatenate1": lambda: m.concatenate((a, a[:, :2]), axis=1),
             "mixed": lambda: m.concatenate((c, a, c), axis=0),
             "hstack": lambda: m.hstack((a, a)),
             "roll": lambda: m.roll(a, 1, axis=1),
             "stack3d": lambda: m.concatenate((m.ones((2, 1, 3)).transpose(2, 1, 0),
                                               m.ones((3, 1, 2), order="F")), axis=1)}[name]()
        return r, r.flags.c_contiguous, r.flags.f_contiguous
    check(f)


@pytest.mark.parametrize("dt", ["i1", "u1", "f4", "?", "c8", "f2", "u8", "i8"])
def test_select_default_keeps_choice_type(dt):
    cond = [np.array([True, False, False])]
    defaults = (0, 1.5, 300, -1, True, [0, 0, 1], 1e10, 1j, 2 ** 63, 1e300)

    def f(m):
        return [m.select([m.array(cond[0])], [m.array([1, 2, 3], dtype=dt)], default=d)
                for d in defaults] + [
            m.select([m.array(cond[0])], [m.array([1, 2, 3], dtype=dt)], default=m.int16(3)),
            m.select([m.array(cond[0])], [m.array([1, 2, 3], dtype=dt)], default=m.array(5)),
            m.select([m.array(cond[0])], [m.array([1, 2, 3], dtype=dt)],
                     default=m.float32(1e30))]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        check(f)


# ---- correlate, convolve, interp (bit for bit: NumPy's summation steps) --------------------
def _signal(rng, n, dt):
    if np.dtype(dt).kind == "c":
        return (rng.standard_normal(n) + 1j * rng.standard_normal(n)).astype(dt)
    return (rng.standard_normal(n) * 5).astype(dt)


@pytest.mark.parametrize("dt", ["f8", "f4", "c16", "c8", "i1", "i4", "u2", "u8", "?", "f2"])
@pytest.mark.parametrize("n1,n2", [(5, 3), (3, 5), (1, 1), (7, 7), (20, 11), (20, 12), (4, 30)])
def test_correlate_convolve(dt, n1, n2):
    rng = np.random.default_rng(n1 * 100 + n2)
    a, v = _signal(rng, n1, dt), _signal(rng, n2, dt)
    for mode in ("valid", "same", "full", 0, 2):
        check(lambda m: m.correlate(m.array(a), m.array(v), mode))
        check(lambda m: m.convolve(m.array(a), m.array(v), mode))


def test_correlate_convolve_forms():
    check(lambda m: m.correlate(m.arange(10.0)[::-2], m.array([1.0, 2, 3]), "full"))
    check(lambda m: m.convolve(m.arange(10)[::3], [1, 2.5], "same"))
    check(lambda m: m.convolve(3, 2))
    check(lambda m: m.convolve([1, 2, 3], m.array([1, 2], "i1")))
    check(lambda m: m.correlate(m.array([1, 2], "u1"), [1.5], "full"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        check(lambda m: m.correlate([1, 2, 3], [1, 2], mode="fu"))
        check(lambda m: m.correlate([1, 2, 3], [1, 2], mode="S"))
    with pytest.warns(DeprecationWarning):
        cnp.correlate([1, 2, 3], [1, 2], mode="Valid")


@pytest.mark.parametrize("call", [
    lambda m: m.correlate(3, [1, 2]), lambda m: m.correlate([[1, 2]], [1, 2]),
    lambda m: m.correlate([], [1, 2]), lambda m: m.correlate([1], []),
    lambda m: m.correlate([1, 2], [1], mode="x"), lambda m: m.correlate([1, 2], [1], mode=5),
    lambda m: m.correlate([1, 2], [1], mode=None), lambda m: m.correlate([1, 2], [1], mode=1.0),
    lambda m: m.convolve([[1]], [2]), lambda m: m.convolve([], [2]), lambda m: m.convolve([1], []),
])
def test_correlate_convolve_errors(call):
    check_error(call)


def _interp_cases():
    rng = np.random.default_rng(1)
    xp = np.sort(rng.standard_normal(10))
    fp = rng.standard_normal(10)
    x = rng.standard_normal((3, 5)) * 2
    wide = rng.uniform(-1, 12, 300)
    cases = []
    for fpv in (fp, fp + 1j * fp[::-1]):
        cases += [
            lambda m, fpv=fpv: m.interp(m.array(x), m.array(xp), m.array(fpv)),
            lambda m, fpv=fpv: m.interp(0.3, m.array(xp), m.array(fpv)),
            lambda m, fpv=fpv: m.interp(m.array(x).T, m.array(xp), m.array(fpv), left=-5, right=7.5),
            lambda m, fpv=fpv: m.interp(m.linspace(-3, 3, 50), m.array(xp), m.array(fpv)),
            lambda m, fpv=fpv: m.interp(m.array(x), m.array(xp), m.array(fpv), period=2.5),
            lambda m, fpv=fpv: m.interp(m.array([0, 1, 2.0]), m.array([1.0]), m.array(fpv[:1])),
            lambda m, fpv=fpv: m.interp(m.array([m.nan, 0.5, m.inf, -m.inf]), m.array([0, 1.0]),
                                        m.array(fpv[:2])),
            lambda m, fpv=fpv: m.interp(m.linspace(0, 10, 23), m.array([3, 1, 4, 1, 5, 9, 2, 6.0]),
                                        m.array(fpv[:8])),
            lambda m, fpv=fpv: m.interp(m.array(wide), m.arange(10.0), m.array(fpv)),
        ]
    cases += [
        lambda m: m.interp(m.array([-180, -170, -185, 185, -10, -5, 0, 365]),
                           m.array([190, -190, 350, -350]), m.array([5, 10, 3, 4]), period=-360),
        lambda m: m.interp(m.array([0.5, 1.5, 1, 2.5]), m.array([0, 1.0, 2, 3]),
                           m.array([m.inf, m.inf, 1, -m.inf])),
        lambda m: m.interp(m.array([0.5, 1, 1.5]), m.array([0, 1.0, 1, 2]), m.array([0, 1, 5, 6.0])),
        lambda m: m.interp(m.array([1, 2]), m.array([0, 3]), m.array([0, 6])),
        lambda m: m.interp(m.array([-1.0, 9]), m.arange(3.0), m.arange(3.0) * 1j, left=1j, right=2),
        lambda m: m.interp(m.array([]), m.arange(3.0), m.arange(3.0)),
        lambda m: m.interp(2.5, [1, 2, 3], [3, 2, 0], left=m.float32(7)),
    ]
    return cases


@pytest.mark.parametrize("case", _interp_cases())
def test_interp(case):
    check(case)


@pytest.mark.parametrize("call", [
    lambda m: m.interp(m.array([1.0]), m.array([]), m.array([])),
    lambda m: m.interp(m.array([1.0]), m.array([1, 2.0]), m.array([1.0])),
    lambda m: m.interp(m.array([1.0]), m.array([1, 2.0]), m.array([1.0]), period=3),
    lambda m: m.interp(m.array([1.0]), m.array([1, 2.0]), m.array([1.0, 2]), period=0),
    lambda m: m.interp(m.array([1.0]), m.array([[1, 2.0]]), m.array([1.0, 2])),
    lambda m: m.interp(m.array([1.0]), m.array([[1, 2.0]]), m.array([1.0, 2]), period=1),
    lambda m: m.interp(m.array([1.0]), m.array([1.0]), m.array(1.0)),
    lambda m: m.interp(m.array([1.0]), m.array([]), m.array([]), period=2),
    lambda m: m.interp(m.array([-1.0]), m.arange(3.0), m.arange(3.0), left=m.array([3.0, 4])),
    lambda m: m.interp(m.array([-1.0]), m.arange(3.0), m.arange(3.0), left=1j),
])
def test_interp_errors(call):
    check_error(call)


# ---- cross, packbits/unpackbits, stride tricks ---------------------------------------------
@pytest.mark.parametrize("call", [
    lambda m: m.cross([1, 2, 3], [4, 5, 6]),
    lambda m: m.cross([1, 2], [4, 5, 6]),
    lambda m: m.cross([1, 2, 3], [4, 5]),
    lambda m: m.cross([1, 2], [4, 5]),
    lambda m: m.cross(m.arange(6.0).reshape(2, 3), [[4, 5], [1, 1]]),
    lambda m: m.cross(m.arange(12.0).reshape(3, 4)[:, :3], m.array([1, 2, 3], "f4")),
    lambda m: m.cross(m.arange(6).reshape(3, 2), m.arange(6).reshape(3, 2)[::-1], axisa=0,
                      axisb=0, axisc=0),
    lambda m: m.cross(m.arange(24.0).reshape(2, 3, 4), m.ones((2, 3, 4)), axis=1),
    lambda m: m.cross([1 + 1j, 2, 3], [0, 1j, 1]),
])
def test_cross(call):
    check(call)


@pytest.mark.parametrize("call", [
    lambda m: m.cross([1, 2, 3, 4], [4, 5]),
    lambda m: m.cross([1, 2, 3], [4, 5, 6], axisa=2),
    lambda m: m.cross(m.ones((2, 3)), m.ones((3, 3))),
])
def test_cross_errors(call):
    check_error(call)


@pytest.mark.parametrize("call", [
    lambda m: m.packbits(m.array([[1, 0, 1], [0, 1, 1]]), axis=1),
    lambda m: m.packbits([1, 0, 1, 1, 0, 0, 0, 1, 1]),
    lambda m: m.packbits([1, 0, 1], bitorder="little"),
    lambda m: m.packbits(m.array(3)),
    lambda m: m.packbits(m.zeros((2, 0), bool), axis=1),
    lambda m: m.packbits(m.arange(40).reshape(2, 4, 5) % 3, axis=0),
    lambda m: m.packbits(m.arange(40).reshape(2, 4, 5)[:, ::-1] > 20, axis=-1),
    lambda m: m.unpackbits(m.array([5, 255], m.uint8)),
    lambda m: m.unpackbits(m.array([[5], [7]], m.uint8), axis=1, count=-3, bitorder="little"),
    lambda m: m.unpackbits(m.array([[5], [7]], m.uint8), axis=1, count=10),
    lambda m: m.unpackbits(m.array([[5, 6], [7, 8]], m.uint8), axis=0, count=0),
    lambda m: m.unpackbits(m.array(3, m.uint8)),
])
def test_packbits(call):
    check(call)


@pytest.mark.parametrize("call", [
    lambda m: m.packbits([1.5]), lambda m: m.packbits([1], bitorder="x"),
    lambda m: m.unpackbits(m.array([1], "i4")),
    lambda m: m.unpackbits(m.array([1], m.uint8), count=-9),
    lambda m: m.packbits([1, 0], axis=1),
])
def test_packbits_errors(call):
    check_error(call)


def _stride_tricks(m):
    from importlib import import_module
    return import_module("numpy.lib.stride_tricks" if m is np else "cnumpy.lib.stride_tricks")


@pytest.mark.parametrize("args,kw", [
    ((3,), {}), (((2, 2),), {}), ((2,), {"axis": 1}), (((2, 3),), {"axis": (0, 0)}),
    ((0,), {"axis": -1}),
])
def test_sliding_window_view(args, kw):
    def f(m):
        x = m.arange(12).reshape(3, 4) if args[0] != 3 else m.arange(10)
        v = _stride_tricks(m).sliding_window_view(x, *args, **kw)
        return v, v.flags.writeable
    check(f)


@pytest.mark.parametrize("args,kw", [
    ((-1,), {}), (((2, 2),), {}), ((5,), {"axis": 0}), (((1, 1),), {"axis": 0}),
])
def test_sliding_window_view_errors(args, kw):
    check_error(lambda m: _stride_tricks(m).sliding_window_view(m.arange(4), *args, **kw))


def test_as_strided():
    check(lambda m: _stride_tricks(m).as_strided(m.arange(6), (3, 2), (16, 8)))
    check(lambda m: _stride_tricks(m).as_strided(m.arange(6.0), (4, 3), (8, 8)))
    check(lambda m: _stride_tricks(m).as_strided(m.arange(6), (2, 3), (0, 8)).flags.writeable)
    check(lambda m: _stride_tricks(m).as_strided(m.arange(6), writeable=False).flags.writeable)
    with pytest.raises(ValueError):   # NumPy hands out a view of foreign memory here
        _stride_tricks(cnp).as_strided(cnp.arange(6), (3, 2), (160, 8))


# ---- round() of scalars, around's powers of ten --------------------------------------------
@pytest.mark.parametrize("call", [
    lambda m: round(m.float64(2.567), 2), lambda m: round(m.float64(2.5)),
    lambda m: round(m.int64(501), -2), lambda m: round(m.float32(1.234), 1),
    lambda m: round(m.int8(7)), lambda m: round(m.float16(2.5), 0),
    lambda m: round(m.uint8(250), -1), lambda m: round(m.int8(-125), -1),
    lambda m: round(m.float64(1e300), -300), lambda m: round(m.int64(7), 2),
    lambda m: round(m.float32(2.5)), lambda m: round(m.complex64(1.26 + 2j), 1),
])
def test_round_scalar_keeps_type(call):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        exp, got = call(np), call(cnp)
    assert type(got).__name__ == type(exp).__name__
    assert got == exp


def test_round_scalar_nan_and_warning():
    check_error(lambda m: round(m.float64(m.nan)))
    with pytest.warns(DeprecationWarning):
        round(cnp.complex128(1 + 1j))


@pytest.mark.parametrize("decimals", [-320, -300, -30, -9, -8, 8, 9, 20, 300])
def test_around_large_decimals(decimals):
    vals = [1e300, 1.2345678901234567e20, 0.123456789012345678, 3.5e-5, -2.5e15, 7.0]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        check(lambda m: m.around(m.array(vals), decimals))


# ---- histogram2d / histogramdd -------------------------------------------------------------
_RNG = np.random.default_rng(3)
_X, _Y, _Z, _W = (_RNG.standard_normal(100), _RNG.standard_normal(100) * 3,
                  _RNG.uniform(0, 1, 100), _RNG.uniform(0, 2, 100))


@pytest.mark.parametrize("call", [
    lambda m: m.histogram2d(m.array(_X), m.array(_Y)),
    lambda m: m.histogram2d(m.array(_X), m.array(_Y), bins=[3, 5], density=True),
    lambda m: m.histogram2d(m.array(_X), m.array(_Y), bins=(m.array([-3.0, 0, 1, 3]), 4),
                            weights=m.array(_W)),
    lambda m: m.histogram2d(m.array(_X), m.array(_Y), bins=5, range=[[-1, 1], [0, 2]]),
    lambda m: m.histogram2d(m.array(_X), m.array(_Y), bins=[-2, -1, 0, 1, 2]),
    lambda m: m.histogramdd(m.stack([m.array(_X), m.array(_Y), m.array(_Z)], axis=1),
                            bins=(2, 3, 4), density=True),
    lambda m: m.histogramdd([m.array(_X)], bins=7),
    lambda m: m.histogramdd(m.array(_X), bins=7),
    lambda m: m.histogram2d(m.array([1.0, 1]), m.array([2, 2])),
    lambda m: m.histogram2d(m.array([]), m.array([])),
    lambda m: m.histogram2d(m.array([0, 1, 1, 2.0]), m.array([0, 0, 1, 1.0]), bins=[0, 1, 2, 3]),
    lambda m: m.histogram2d([1, 2, 3], [3, 2, 1], bins=2),
])
def test_histogramdd(call):
    check(call)


@pytest.mark.parametrize("call", [
    lambda m: m.histogram2d(m.array([1.0]), m.array([1, 2.0])),
    lambda m: m.histogramdd(m.ones((3, 2)), bins=[1, 2, 3]),
    lambda m: m.histogramdd(m.ones((3, 2)), bins=0),
    lambda m: m.histogramdd(m.ones((3, 2)), range=[(0, 1)]),
    lambda m: m.histogramdd(m.ones((3, 2)), range=[(1, 0), (0, 1)]),
    lambda m: m.histogramdd(m.ones((3, 2)), bins=[[3, 2], 2]),
    lambda m: m.histogramdd(m.ones((3, 2)), bins=1.5),
    lambda m: m.histogramdd(m.array([[1, m.inf]])),
])
def test_histogramdd_errors(call):
    check_error(call)


# ---- numpy.linalg bit for bit: A itself, in double precision (issue 28's det/lstsq finding) --
_LINALG = {
    "det": lambda x, m, b, r, spd: x.linalg.det(x.array(m)),
    "slogdet": lambda x, m, b, r, spd: x.linalg.slogdet(x.array(m)),
    "inv": lambda x, m, b, r, spd: x.linalg.inv(x.array(m)),
    "solve": lambda x, m, b, r, spd: x.linalg.solve(x.array(m), x.array(b)),
    "lstsq": lambda x, m, b, r, spd: x.linalg.lstsq(x.array(r), x.array(r[:, 0]), rcond=None)[:2],
    "svd": lambda x, m, b, r, spd: x.linalg.svd(x.array(m)),
    "eigvals": lambda x, m, b, r, spd: x.linalg.eigvals(x.array(m)),
    "eigh": lambda x, m, b, r, spd: x.linalg.eigh(x.array(spd)),
    "cholesky": lambda x, m, b, r, spd: x.linalg.cholesky(x.array(spd)),
    "qr": lambda x, m, b, r, spd: x.linalg.qr(x.array(r)),
    "cond1": lambda x, m, b, r, spd: x.linalg.cond(x.array(m), 1),
}


@pytest.mark.parametrize("name", sorted(_LINALG))
@pytest.mark.parametrize("dt", ["f4", "f8", "c8", "c16"])
@pytest.mark.parametrize("n", [1, 3, 7])
def test_linalg_bit_exact(name, dt, n):
    rng = np.random.default_rng(n)
    m = rng.standard_normal((n, n)) + (1j * rng.standard_normal((n, n)) if dt[0] == "c" else 0)
    m = m.astype(dt)
    b = rng.standard_normal((n, 2)).astype(dt)
    r = rng.standard_normal((n + 2, n)).astype(dt)
    spd = (m @ m.conj().T + n * np.eye(n)).astype(dt)
    check(lambda x: _LINALG[name](x, m, b, r, spd))


def test_det_of_exact_complex64_matrices():
    for mat in ([[0, 2j], [2, 0]], [[1j, 2], [3, 4j]], [[2, 0, 0], [0, -2j, 0], [0, 0, 1]]):
        check(lambda x: x.linalg.det(x.array(mat, dtype="c8")))


@pytest.mark.parametrize("call", [
    lambda m: m.nanmedian(m.array([[m.nan, m.nan], [m.nan, m.nan], [1, 2]]), axis=1),
    lambda m: m.nanmedian(m.array([[m.nan, m.nan], [m.nan, m.nan], [1, 2]])),
    lambda m: m.nanmedian(m.full((3, 700), m.nan), axis=1),
    lambda m: m.nanquantile(m.array([[m.nan, m.nan], [m.nan, m.nan], [1, 2]]), [0.2, 0.5], axis=1),
    lambda m: m.nanpercentile(m.full((2, 3), m.nan), 5),
    lambda m: m.nanmedian(m.full((2, 3, 4), m.nan), axis=(0, 2)),
])
def test_all_nan_slices_warn_once_each(call):
    counts = []
    for m in (np, cnp):
        with warnings.catch_warnings(record=True) as got:
            warnings.simplefilter("always")
            call(m)
        counts.append([str(w.message) for w in got])
    assert counts[0] == counts[1]


# ---- ndarray.flat ----------------------------------------------------------------------------
_FLAT_GET = [3, -1, slice(1, 7, 2), slice(None, None, -3), [0, 5], [], Ellipsis, (4,),
             "mask", "int_array"]


@pytest.mark.parametrize("key", _FLAT_GET, ids=[repr(k) for k in _FLAT_GET])
def test_flat_getitem(key):
    def f(m):
        a = m.arange(12).reshape(3, 4).T
        k = {"mask": m.array([True] * 3 + [False] * 9), "int_array": m.array([[1, 2], [3, -4]])}.get(
            key, key) if isinstance(key, str) else key
        return a.flat[k]
    check(f)


@pytest.mark.parametrize("key,value", [(slice(None, None, 5), [-1, -2]), (Ellipsis, 7),
                                       ([0, 2], [5, 6, 7]), (3, 9.5), ([1, 1, 4], [8]),
                                       (slice(2, 2), [1])])
def test_flat_setitem(key, value):
    def f(m):
        a = m.arange(12.0).reshape(3, 4).T.copy()
        b = m.zeros((3, 4))[:, ::-1]
        a.flat[key] = value
        b.flat[key] = value
        return a, b
    check(f)


def test_flat_iteration_and_attributes():
    def f(m):
        a = m.arange(6).reshape(2, 3)[:, ::-1]
        it = a.flat
        first = [next(it), next(it)]
        return first, it.index, it.coords, len(it), it.base is a, list(a.flat), it.copy()
    check(f)
    check(lambda m: m.asarray(m.arange(6).reshape(2, 3).T.flat))
    a = cnp.zeros((2, 2))
    a.flat = [1, 2]
    assert a.tolist() == [[1, 2], [1, 2]]


@pytest.mark.parametrize("key", [20, -13, 1.5, [0, 12]])
def test_flat_errors(key):
    check_error(lambda m: m.arange(12).flat[key])


# ---- itemset, resize, settable shape, ctypes, flags equality ------------------------------
@pytest.mark.parametrize("args", [(3, 10), (-1, 7.5), ((1,), 2.5), (10, 1), (7,), (), ((0, 0), 1)])
def test_itemset(args):
    def f(m):
        a = m.arange(6.0)
        a.itemset(*args)
        return a
    check(f)


@pytest.mark.parametrize("args", [((1, 2), -1), (1, 2, 9), ((2, 0), 9), (4, 1)])
def test_itemset_2d(args):
    def f(m):
        a = m.arange(6.0).reshape(2, 3)
        a.itemset(*args)
        return a
    check(f)


def test_itemset_size_one_and_readonly():
    def f(m):
        a = m.array([3.0])
        a.itemset(7)
        return a
    check(f)

    def g(m):
        a = m.arange(3.0)
        a.flags.writeable = False
        a.itemset(0, 1)
    check_error(g)


@pytest.mark.parametrize("shape", [(3, 2), (-1,), (6, 1), (1, 2, 3), (4,), (2, -1)])
def test_set_shape(shape):
    def f(m):
        a = m.arange(6)
        a.shape = shape
        return a
    check(f)


def test_set_shape_needs_a_view():
    def f(m):
        a = m.arange(6).reshape(2, 3).T
        a.shape = (6,)
    check_error(f)


@pytest.mark.parametrize("new_shape", [((2, 4),), (3,), (2, 2), ((0,),), (8,), ((3, 3),)])
@pytest.mark.parametrize("order", ["C", "F"])
def test_resize(new_shape, order):
    def f(m):
        a = m.array(m.arange(6.0).reshape(2, 3), order=order)
        a.resize(*new_shape)
        return a, a.flags.c_contiguous, a.flags.f_contiguous
    check(f)


@pytest.mark.parametrize("call", [
    lambda m: m.arange(6.0).reshape(2, 3)[:, :2].resize(2),
    lambda m: m.arange(4.0)[:2].resize(8),
    lambda m: m.arange(4.0).resize((-1,)),
])
def test_resize_errors(call):
    check_error(call)


def test_ctypes_attribute():
    import ctypes
    for m in (np, cnp):
        a = m.arange(6.0).reshape(2, 3)[:, ::2]
        assert list(a.ctypes.shape) == [2, 2] and list(a.ctypes.strides) == [24, 16]
        assert a.ctypes.data_as(ctypes.POINTER(ctypes.c_double))[3] == 3.0
        assert list(a.ctypes.shape_as(ctypes.c_int)) == [2, 2]


def test_flags_equality():
    check(lambda m: [m.arange(3).flags == m.arange(3).flags,
                     m.arange(6).reshape(2, 3).T.flags == m.arange(3).flags,
                     m.arange(3).flags != m.arange(6)[::2].flags])


# ---- a ComplexWarning turned into an error leaves the destination untouched ------------------
@pytest.mark.parametrize("write", [
    lambda m, x: x.__setitem__(slice(None), m.array([1 + 1j, 2, 3, 4])),
    lambda m, x: x.__setitem__(slice(0, 2), m.array([[1 + 1j, 2]])),
    lambda m, x: x.__setitem__(m.array([0, 2]), m.array([1 + 1j, 2])),
    lambda m, x: x.__setitem__(m.array([True, False, True, False]), m.array([1 + 1j, 2])),
    lambda m, x: m.copyto(x, m.array([1 + 1j, 2, 3, 4]), casting="unsafe"),
    lambda m, x: m.copyto(x, m.array([1 + 1j]), casting="unsafe", where=m.array([1, 0, 1, 0]) > 0),
])
def test_complex_warning_as_error_writes_nothing(write):
    for m in (np, cnp):
        x = m.zeros(4)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with pytest.raises(m.ComplexWarning if m is cnp else np.ComplexWarning):
                write(m, x)
        assert x.tolist() == [0.0] * 4
    def once(m):
        x = m.zeros(4)
        with warnings.catch_warnings(record=True) as got:
            warnings.simplefilter("always")
            write(m, x)
        return x, [w.category.__name__ for w in got]
    check(once)


def test_result_type_does_not_depend_on_order():
    import itertools
    types = ["?", "i1", "u1", "i2", "u2", "i4", "u4", "i8", "u8", "f2", "f4", "f8", "c8", "c16"]
    for combo in itertools.product(types, repeat=3):
        assert cnp.result_type(*combo).str == np.result_type(*combo).str, combo
    check(lambda m: [m.result_type(m.uint16, m.int16, m.float16),
                     m.result_type(m.float16, m.uint16, m.int16),
                     m.result_type("u8", "i1", "f2", "?")])
