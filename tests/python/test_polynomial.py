"""Polynomials against NumPy 1.24: the legacy numpy.polyval/polyfit/roots/poly1d family and the
six bases of numpy.polynomial (functions, classes, printing), on the audit's DS-ARRAY-12
(p(x) = 1 - 2x + 3x^2) and generated coefficients.

Evaluation (the library's kernels) is compared bit for bit, dtype and shape included, over
shapes, strides, dtypes and scalar forms. The series arithmetic follows NumPy's algorithms but
multiplies through cnumpy's own convolution (a different summation order than NumPy's dot), so
those results are compared to a relative 1e-12; fits and roots, where conditioning dominates,
by residuals or to a tolerance."""
import warnings

import numpy as np
import numpy.polynomial as npp
import pytest

import cnumpy as cnp
import cnumpy.polynomial as cpp
from cnp_helpers import check, check_error

DS12_INC = [1.0, -2.0, 3.0]
DS12_DEC = [3.0, -2.0, 1.0]

BASES = [  # module name, prefix, class name
    ("polynomial", "poly", "Polynomial"),
    ("chebyshev", "cheb", "Chebyshev"),
    ("legendre", "leg", "Legendre"),
    ("laguerre", "lag", "Laguerre"),
    ("hermite", "herm", "Hermite"),
    ("hermite_e", "herme", "HermiteE"),
]
BASE_IDS = [b[0] for b in BASES]
COEFS = [[2.0], [1.0, -3.0], DS12_INC, [0.5, -1.25, 2.0, 0.0, -3.5, 1.0, 0.25, -0.75, 4.0],
         [1 + 2j, -0.5j, 3.0]]


def mod(xp, name):
    return getattr(xp.polynomial, name)


def fn(xp, base, suffix):
    name, prefix, _ = base
    return getattr(mod(xp, name), prefix + suffix)


def to_np(v):
    """cnumpy results as NumPy values (recursively)."""
    if isinstance(v, cnp.ndarray):
        return np.asarray(v)
    if isinstance(v, (list, tuple)):
        return type(v)(to_np(x) for x in v)
    if hasattr(v, "dtype") and not isinstance(v, np.generic):
        return np.asarray(v)[()]
    return v


def close(f, rtol=1e-12, atol=0.0):
    """Run f(numpy) and f(cnumpy): the same error, or results of the same dtype and shape that
    agree to rtol."""
    try:
        exp = f(np)
    except Exception as e:  # noqa: BLE001 - compared below
        with pytest.raises(Exception) as info:
            f(cnp)
        assert type(info.value).__name__ == type(e).__name__ or isinstance(info.value, type(e))
        assert str(info.value) == str(e)
        return None
    got = to_np(f(cnp))
    _close(got, exp, rtol, atol)
    return exp


def _close(got, exp, rtol, atol):
    if isinstance(exp, (list, tuple)):
        assert len(got) == len(exp)
        for g, e in zip(got, exp):
            _close(g, e, rtol, atol)
        return
    if isinstance(exp, (np.ndarray, np.generic)):
        g = np.asarray(got)
        assert g.dtype == exp.dtype, (g.dtype, exp.dtype)
        assert g.shape == np.shape(exp)
        np.testing.assert_allclose(g, exp, rtol=rtol, atol=atol)
    else:
        assert got == exp or np.allclose(got, exp, rtol=rtol, atol=atol)


# ---- the audit's dataset ------------------------------------------------------------------------

def test_ds_array_12_legacy():
    x = [-1.0, 0.0, 0.5, 1.0, 2.0, 3.0]
    check(lambda xp: xp.polyval(DS12_DEC, xp.array(x)))
    check(lambda xp: xp.polyval(xp.array(DS12_DEC), 2.0))
    r = close(lambda xp: xp.sort_complex(xp.roots(DS12_DEC)) if xp is np else
              xp.sort(xp.roots(DS12_DEC)))
    assert r.dtype == np.complex128
    xs = np.linspace(-2, 2, 11)
    ys = np.polyval(DS12_DEC, xs)
    close(lambda xp: xp.polyfit(xp.array(xs), xp.array(ys), 2), atol=1e-12)


def test_ds_array_12_new():
    x = [-1.0, 0.0, 0.5, 1.0, 2.0]
    for name, prefix, _ in BASES:
        check(lambda xp: getattr(mod(xp, name), prefix + "val")(xp.array(x), DS12_INC))
    check(lambda xp: xp.polynomial.polynomial.polycompanion(DS12_INC))
    close(lambda xp: xp.polynomial.polynomial.polyroots(DS12_INC))
    check(lambda xp: xp.polynomial.Polynomial(DS12_INC)(xp.array(x)))


# ---- evaluation kernels: bit-exact -------------------------------------------------------------

X_FORMS = {
    "1d": lambda xp: xp.linspace(-1.5, 2.0, 13),
    "2d": lambda xp: xp.linspace(-1.5, 2.0, 12).reshape(3, 4),
    "strided": lambda xp: xp.linspace(-3, 3, 40)[::3],
    "reversed": lambda xp: xp.linspace(-3, 3, 9)[::-1],
    "transposed": lambda xp: xp.linspace(-1, 1, 12).reshape(3, 4).T,
    "0d": lambda xp: xp.array(0.75),
    "empty": lambda xp: xp.zeros((0, 3)),
    "float": lambda xp: 0.625,
    "int": lambda xp: 3,
    "list": lambda xp: [0.5, -1.0, 2.0],
    "complex": lambda xp: xp.array([0.5 + 1j, -1.0 - 0.25j]),
    "complexscalar": lambda xp: 0.5 - 2j,
    "float32": lambda xp: xp.linspace(-2, 2, 7).astype("float32"),
    "int64": lambda xp: xp.arange(-3, 4),
    "special": lambda xp: xp.array([float("inf"), -float("inf"), float("nan"), -0.0, 0.0]),
}


@pytest.mark.parametrize("base", BASES, ids=BASE_IDS)
@pytest.mark.parametrize("xform", sorted(X_FORMS))
@pytest.mark.parametrize("ci", range(len(COEFS)))
def test_val_exact(base, xform, ci):
    c = COEFS[ci]
    check(lambda xp: fn(xp, base, "val")(X_FORMS[xform](xp), c))


@pytest.mark.parametrize("base", BASES, ids=BASE_IDS)
@pytest.mark.parametrize("cdtype", ["int64", "bool", "float32", "complex64", "float64"])
def test_val_coefficient_dtypes(base, cdtype):
    c = [1, 0, 1, 1] if cdtype == "bool" else [3, -1, 2, 5]
    check(lambda xp: fn(xp, base, "val")(xp.linspace(-1, 1, 5), xp.array(c, dtype=cdtype)))
    check(lambda xp: fn(xp, base, "val")(xp.linspace(-1, 1, 5).astype("float32"),
                                         xp.array(c, dtype=cdtype)))


@pytest.mark.parametrize("base", BASES, ids=BASE_IDS)
def test_val_tensor(base):
    c2 = [[1.0, 2.0, -1.0], [0.5, -0.5, 3.0], [2.0, 1.0, 0.25], [-1.0, 0.0, 1.5]]
    x = [[0.25, -0.5], [1.5, 2.0]]
    check(lambda xp: fn(xp, base, "val")(xp.array(x), xp.array(c2)))
    check(lambda xp: fn(xp, base, "val")(xp.array([0.5, 1.0, -2.0]), xp.array(c2), tensor=False))
    check(lambda xp: fn(xp, base, "val")(0.5, xp.array(c2)))


@pytest.mark.parametrize("base", BASES, ids=BASE_IDS)
def test_val_large_threaded(base):
    # Large inputs are split over the pool in fixed parts: still bit-identical.
    c = COEFS[3]
    check(lambda xp: fn(xp, base, "val")(xp.linspace(-1, 1, 300001), c))


@pytest.mark.parametrize("base", BASES, ids=BASE_IDS)
def test_val_nd_and_grid(base):
    c2 = np.arange(12.0).reshape(3, 4) / 7
    c3 = np.arange(24.0).reshape(2, 3, 4) / 5
    x, y, z = [0.5, -1.0, 2.0], [1.5, 0.25, -0.5], [0.1, 0.2, 0.3]
    close(lambda xp: fn(xp, base, "val2d")(xp.array(x), xp.array(y), xp.array(c2)))
    close(lambda xp: fn(xp, base, "val3d")(xp.array(x), xp.array(y), xp.array(z), xp.array(c3)))
    close(lambda xp: fn(xp, base, "grid2d")(xp.array(x), xp.array(y), xp.array(c2)))
    close(lambda xp: fn(xp, base, "grid3d")(xp.array(x), xp.array(y[:2]), xp.array(z),
                                            xp.array(c3)))
    close(lambda xp: fn(xp, base, "val2d")(xp.array(x), xp.array(y[:2]), xp.array(c2)))


def test_legacy_polyval_forms():
    for p in ([3.0, -2.0, 1.0], [2.0], [1 + 1j, 2.0, -3j], [1, 2, 3]):
        for xf in ("1d", "2d", "strided", "0d", "float", "complex", "float32", "special",
                   "empty", "int64"):
            check(lambda xp: xp.polyval(xp.array(p), X_FORMS[xf](xp)))
    check(lambda xp: xp.polyval(xp.array([1.5, 2.0], dtype="float32"), xp.linspace(0, 1, 4)))
    check(lambda xp: xp.polyval([], xp.linspace(0, 1, 3)))
    check(lambda xp: xp.polyval(xp.array([1, 2, 3]), xp.arange(4)))


# ---- every function of every basis -------------------------------------------------------------

SERIES = [[1.0], [1.0, 2.0], [3.0, 0.0, -1.5, 2.0], [0.25, -1.0, 0.5, 2.0, -3.0, 1.0],
          [1.0, 2.0, 0.0, 0.0], [1 + 1j, 2.0 - 0.5j]]


@pytest.mark.parametrize("base", BASES, ids=BASE_IDS)
def test_constants_and_line(base):
    name, prefix, _ = base
    for suffix in ("domain", "zero", "one", "x"):
        check(lambda xp: getattr(mod(xp, name), prefix + suffix))
    for off, scl in ((3.0, 2.0), (1.0, 0), (-0.5, 0.25)):
        check(lambda xp: fn(xp, base, "line")(off, scl))


@pytest.mark.parametrize("base", BASES, ids=BASE_IDS)
@pytest.mark.parametrize("i", range(len(SERIES)))
@pytest.mark.parametrize("j", range(len(SERIES)))
def test_arithmetic(base, i, j):
    a, b = SERIES[i], SERIES[j]
    close(lambda xp: fn(xp, base, "add")(a, b))
    close(lambda xp: fn(xp, base, "sub")(a, b))
    close(lambda xp: fn(xp, base, "mul")(a, b))
    close(lambda xp: fn(xp, base, "div")(a, b), rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("base", BASES, ids=BASE_IDS)
@pytest.mark.parametrize("i", range(len(SERIES)))
def test_unary(base, i):
    c = SERIES[i]
    close(lambda xp: fn(xp, base, "mulx")(c))
    for p in (0, 1, 2, 3):
        close(lambda xp: fn(xp, base, "pow")(c, p), rtol=1e-11)
    close(lambda xp: fn(xp, base, "trim")(c + [0.0, 1e-3], 1e-2))
    name, prefix, _ = base
    to_poly = getattr(mod(np, name), prefix + "2poly", None) if prefix != "poly" else None
    if to_poly is not None:
        close(lambda xp: getattr(mod(xp, name), prefix + "2poly")(c), atol=1e-12)
        close(lambda xp: getattr(mod(xp, name), "poly2" + prefix)(c), atol=1e-12)


@pytest.mark.parametrize("base", BASES, ids=BASE_IDS)
def test_der_int(base):
    c = [1.0, 2.0, -3.0, 0.5, 4.0]
    for m in (0, 1, 2, 5, 7):
        close(lambda xp: fn(xp, base, "der")(c, m))
        close(lambda xp: fn(xp, base, "der")(c, m, scl=0.5))
    for m, k, lbnd, scl in ((1, [], 0, 1), (2, [1.0, -2.0], 0.5, 2.0), (3, 2.0, -1, 1),
                            (1, [0.0], 1.5, -1.0)):
        close(lambda xp: fn(xp, base, "int")(c, m, k, lbnd, scl), atol=1e-12)
    close(lambda xp: fn(xp, base, "int")([0.0], 2, [1.0, 2.0]))
    c2 = np.arange(12.0).reshape(4, 3) - 5
    for axis in (0, 1, -1):
        close(lambda xp: fn(xp, base, "der")(xp.array(c2), 1, 1, axis))
        close(lambda xp: fn(xp, base, "int")(xp.array(c2), 1, [], 0, 1, axis), atol=1e-12)
    close(lambda xp: fn(xp, base, "der")(xp.array([1, 2, 3]), 1))   # int coefficients
    check_error(lambda xp: fn(xp, base, "der")(c, -1))
    check_error(lambda xp: fn(xp, base, "int")(c, -1))
    check_error(lambda xp: fn(xp, base, "int")(c, 1, [1, 2]))
    check_error(lambda xp: fn(xp, base, "int")(c, 1, [], [0, 1]))
    check_error(lambda xp: fn(xp, base, "int")(c, 1, [], 0, [1, 2]))
    check_error(lambda xp: fn(xp, base, "der")(c, 1, 1, 2))
    check_error(lambda xp: fn(xp, base, "der")(c, 1.5))


@pytest.mark.parametrize("base", BASES, ids=BASE_IDS)
def test_basis_vander(base):
    x = [0.5, -1.0, 2.0, 0.25]
    for deg in (0, 1, 4):
        close(lambda xp: fn(xp, base, "vander")(xp.array(x), deg))
    close(lambda xp: fn(xp, base, "vander")(xp.array([[0.5, 1.0], [2.0, 3.0]]), 3))
    close(lambda xp: fn(xp, base, "vander")(xp.array([1, 2, 3]), 2))
    close(lambda xp: fn(xp, base, "vander")(xp.array([1j, 2.0]), 2))
    close(lambda xp: fn(xp, base, "vander2d")(xp.array(x), xp.array(x[::-1]), [2, 1]))
    close(lambda xp: fn(xp, base, "vander3d")(xp.array(x), xp.array(x), xp.array(x), [1, 2, 1]))
    check_error(lambda xp: fn(xp, base, "vander")(xp.array(x), -1))
    check_error(lambda xp: fn(xp, base, "vander2d")(xp.array(x), xp.array(x), [1]))


@pytest.mark.parametrize("base", BASES, ids=BASE_IDS)
def test_companion_roots_fromroots(base):
    for c in ([1.0, 2.0], [1.0, -2.0, 3.0], [0.5, -1.0, 0.25, 2.0, 1.0]):
        close(lambda xp: fn(xp, base, "companion")(c))
        r_np = np.sort_complex(fn(np, base, "roots")(c))
        r_cn = np.sort_complex(np.asarray(fn(cnp, base, "roots")(c)))
        assert r_cn.dtype == r_np.dtype
        np.testing.assert_allclose(r_cn, r_np, rtol=1e-10, atol=1e-12)
    check(lambda xp: fn(xp, base, "roots")([2.0]))
    check_error(lambda xp: fn(xp, base, "companion")([1.0]))
    for r in ([], [1.0], [0.5, -1.0, 2.0], [1j, -1j, 2.0]):
        close(lambda xp: fn(xp, base, "fromroots")(r), atol=1e-12)
    # roots of a series built from roots give the roots back (residual check)
    rts = np.array([-0.75, 0.1, 0.5, 0.9])
    got = np.sort(np.asarray(fn(cnp, base, "roots")(fn(cnp, base, "fromroots")(rts))).real)
    np.testing.assert_allclose(got, rts, atol=1e-8)


@pytest.mark.parametrize("base", BASES, ids=BASE_IDS)
def test_fit(base):
    rng = np.random.default_rng(7)
    x = np.linspace(-1, 1, 40)
    y = np.cos(3 * x) + 0.01 * rng.standard_normal(40)
    y2 = np.stack([y, np.sin(x)], axis=1)
    w = 1.0 + rng.random(40)
    for deg in (0, 3, [0, 2, 3], 6):
        close(lambda xp: fn(xp, base, "fit")(xp.array(x), xp.array(y), deg), rtol=1e-9,
              atol=1e-10)
    close(lambda xp: fn(xp, base, "fit")(xp.array(x), xp.array(y2), 4), rtol=1e-9, atol=1e-10)
    close(lambda xp: fn(xp, base, "fit")(xp.array(x), xp.array(y), 4, w=xp.array(w)),
          rtol=1e-9, atol=1e-10)
    exp = fn(np, base, "fit")(x, y, 3, full=True)
    got = fn(cnp, base, "fit")(cnp.array(x), cnp.array(y), 3, full=True)
    assert isinstance(got, tuple) and isinstance(got[1], list) and len(got[1]) == 4
    np.testing.assert_allclose(np.asarray(got[0]), exp[0], rtol=1e-9, atol=1e-10)
    np.testing.assert_allclose(np.asarray(got[1][0]), exp[1][0], rtol=1e-6)
    assert int(got[1][1]) == int(exp[1][1])
    np.testing.assert_allclose(np.asarray(got[1][2]), exp[1][2], rtol=1e-9)
    assert got[1][3] == exp[1][3]
    for bad in (-1, 1.5, [], [[1]]):
        check_error(lambda xp: fn(xp, base, "fit")(xp.array(x), xp.array(y), bad))
    check_error(lambda xp: fn(xp, base, "fit")(xp.array([[1.0]]), xp.array([1.0]), 1))
    check_error(lambda xp: fn(xp, base, "fit")(xp.array([]), xp.array([]), 1))
    check_error(lambda xp: fn(xp, base, "fit")(xp.array(x), xp.array(y[:5]), 1))
    check_error(lambda xp: fn(xp, base, "fit")(xp.array(x), xp.array(y), 1, w=xp.array(w[:3])))
    check_error(lambda xp: fn(xp, base, "fit")(xp.array(x), xp.array(y), 1,
                                               w=xp.array([w, w])))
    check_error(lambda xp: fn(xp, base, "fit")(xp.array(x), xp.zeros((40, 2, 2)), 1))


@pytest.mark.parametrize("base", BASES, ids=BASE_IDS)
def test_fit_rank_warning(base):
    x = np.ones(10)
    y = np.arange(10.0)
    with pytest.warns(npp.polyutils.RankWarning):
        fn(np, base, "fit")(x, y, 3)
    with pytest.warns(cpp.polyutils.RankWarning, match="The fit may be poorly conditioned"):
        fn(cnp, base, "fit")(cnp.array(x), cnp.array(y), 3)


@pytest.mark.parametrize("base", BASES[1:], ids=BASE_IDS[1:])
def test_gauss_weight(base):
    for deg in (1, 2, 5, 12):
        close(lambda xp: fn(xp, base, "gauss")(deg), rtol=1e-10, atol=1e-13)
    close(lambda xp: fn(xp, base, "weight")(xp.array([0.0, 0.25, 0.5, 0.75])), rtol=1e-14)
    check_error(lambda xp: fn(xp, base, "gauss")(0))


def test_chebyshev_extras():
    C = lambda xp: xp.polynomial.chebyshev  # noqa: E731
    for n in (1, 2, 5):
        close(lambda xp: C(xp).chebpts1(n), rtol=1e-14, atol=1e-15)
    for n in (2, 3, 6):
        close(lambda xp: C(xp).chebpts2(n), rtol=1e-14, atol=1e-15)
    check_error(lambda xp: C(xp).chebpts1(0))
    check_error(lambda xp: C(xp).chebpts2(1))
    check_error(lambda xp: C(xp).chebpts1(1.5))
    for deg in (0, 3, 8):
        close(lambda xp: C(xp).chebinterpolate(lambda x: x * x - 2 * x, deg), atol=1e-14)
    close(lambda xp: C(xp).chebinterpolate(lambda x, a: x * a, 3, (2.0,)), atol=1e-14)
    check_error(lambda xp: C(xp).chebinterpolate(lambda x: x, -1))
    check_error(lambda xp: C(xp).chebinterpolate(lambda x: x, 2.5))
    ch = cpp.Chebyshev.interpolate(lambda x: x * x, 4, domain=[0, 2])
    ch_np = npp.Chebyshev.interpolate(lambda x: x * x, 4, domain=[0, 2])
    np.testing.assert_allclose(np.asarray(ch.coef), ch_np.coef, atol=1e-14)


def test_polyvalfromroots():
    P = lambda xp: xp.polynomial.polynomial  # noqa: E731
    close(lambda xp: P(xp).polyvalfromroots(xp.array([0.5, 2.0]), [1.0, -1.0, 3.0]))
    close(lambda xp: P(xp).polyvalfromroots(xp.array([0.5, 2.0]), xp.array([[1.0, 2.0],
                                                                            [3.0, 4.0]])))
    close(lambda xp: P(xp).polyvalfromroots(xp.array([0.5, 2.0]), xp.array([[1.0, 2.0],
                                                                            [3.0, 4.0]]),
                                            tensor=False))


# ---- errors ------------------------------------------------------------------------------------

@pytest.mark.parametrize("base", BASES, ids=BASE_IDS)
def test_errors(base):
    check_error(lambda xp: fn(xp, base, "add")([], [1.0]))
    check_error(lambda xp: fn(xp, base, "mul")([[1.0, 2.0]], [1.0]))
    check_error(lambda xp: fn(xp, base, "div")([1.0, 2.0], [0.0]))
    check_error(lambda xp: fn(xp, base, "div")([1.0, 2.0], [1.0, 0.0, 0.0]) if False else
                fn(xp, base, "div")([1.0], [0]))
    check_error(lambda xp: fn(xp, base, "pow")([1.0, 2.0], -1))
    check_error(lambda xp: fn(xp, base, "pow")([1.0, 2.0], 1.5))
    check_error(lambda xp: fn(xp, base, "pow")([1.0, 2.0], 20, maxpower=4))
    check_error(lambda xp: fn(xp, base, "trim")([1.0, 2.0], -1))
    check_error(lambda xp: fn(xp, base, "add")([True], [1.0]))


def test_polyutils():
    pu_np, pu_cn = npp.polyutils, cpp.polyutils
    for f in (lambda pu: pu.as_series([[1, 2, 0], [3.0]]),
              lambda pu: pu.as_series([[1, 2, 0]], trim=False),
              lambda pu: pu.as_series([[1j, 2], [1.0]]),
              lambda pu: pu.trimseq(np.array([1.0, 0.0, 0.0]) if pu is pu_np
                                    else cnp.array([1.0, 0.0, 0.0])),
              lambda pu: pu.trimcoef([1.0, 1e-5, 1e-3, 0.0], 1e-4),
              lambda pu: pu.trimcoef([1e-5], 1e-4),
              lambda pu: pu.getdomain([1.0, -3.0, 2.5]),
              lambda pu: pu.getdomain([1 + 2j, -3.0 - 1j, 2.5j]),
              lambda pu: pu.mapparms([0.0, 4.0], [-1.0, 1.0]),
              lambda pu: pu.mapdomain([0.0, 1.0, 4.0], [0.0, 4.0], [-1.0, 1.0])):
        exp = f(pu_np)
        got = to_np(f(pu_cn))
        _close(got, exp, 1e-15, 0)
    for bad in (lambda pu: pu.as_series([[]]), lambda pu: pu.as_series([[[1.0]]]),
                lambda pu: pu.as_series([[True]]), lambda pu: pu.trimcoef([1.0], -1)):
        with pytest.raises(ValueError) as e_np:
            bad(pu_np)
        with pytest.raises(ValueError) as e_cn:
            bad(pu_cn)
        assert str(e_cn.value) == str(e_np.value)
    assert issubclass(cpp.polyutils.RankWarning, UserWarning)
    assert cpp.polyutils.RankWarning is cnp.RankWarning


# ---- the classes -------------------------------------------------------------------------------

def cls(xp, base):
    return getattr(xp.polynomial, base[2])


def same_series(got, exp, rtol=1e-12, atol=1e-14):
    assert type(got).__name__ == type(exp).__name__
    np.testing.assert_allclose(np.asarray(got.coef), exp.coef, rtol=rtol, atol=atol)
    assert np.asarray(got.coef).dtype == exp.coef.dtype
    np.testing.assert_array_equal(np.asarray(got.domain), exp.domain)
    np.testing.assert_array_equal(np.asarray(got.window), exp.window)
    assert got.symbol == exp.symbol


def both(base, f):
    """f(class, xp) for numpy and cnumpy."""
    return f(cls(np, base), np), f(cls(cnp, base), cnp)


@pytest.mark.parametrize("base", BASES, ids=BASE_IDS)
def test_class_basics(base):
    e, g = both(base, lambda K, xp: K(DS12_INC, domain=[0, 2], window=[-1, 1], symbol="t"))
    same_series(g, e)
    assert repr(g) == repr(e)
    assert str(g) == str(e)
    assert format(g, "ascii") == format(e, "ascii")
    assert format(g, "unicode") == format(e, "unicode")
    assert g._repr_latex_() == e._repr_latex_()
    assert len(g) == len(e) and g.degree() == e.degree()
    assert list(map(float, g)) == list(map(float, e))
    same_series(g.copy(), e.copy())
    same_series(-g, -e)
    same_series(+g, +e)
    same_series(g.trim(2.5), e.trim(2.5))
    same_series(g.truncate(2), e.truncate(2))
    same_series(g.cutdeg(0), e.cutdeg(0))
    assert g.has_samecoef(g.copy()) and g.has_samedomain(g) and g.has_samewindow(g)
    assert g.has_sametype(g) and g == g.copy() and not (g != g.copy())
    x = [0.0, 0.5, 1.0, 2.0]
    np.testing.assert_allclose(np.asarray(g(cnp.array(x))), e(np.array(x)), rtol=1e-14)
    assert float(g(0.5)) == pytest.approx(float(e(0.5)), rel=1e-14)
    same_series(g.deriv(), e.deriv())
    same_series(g.deriv(2), e.deriv(2))
    same_series(g.integ(), e.integ(), atol=1e-13)
    same_series(g.integ(2, [1.0, 2.0], lbnd=0.5), e.integ(2, [1.0, 2.0], lbnd=0.5), atol=1e-12)
    np.testing.assert_allclose(np.sort_complex(np.asarray(g.roots())),
                               np.sort_complex(e.roots()), rtol=1e-10)
    gx, gy = g.linspace(5)
    ex, ey = e.linspace(5)
    np.testing.assert_allclose(np.asarray(gx), ex)
    np.testing.assert_allclose(np.asarray(gy), ey, rtol=1e-13)
    assert g.mapparms() == pytest.approx(e.mapparms())
    with pytest.raises(ValueError, match="size must be a positive integer"):
        g.truncate(0)


@pytest.mark.parametrize("base", BASES, ids=BASE_IDS)
def test_class_arithmetic(base):
    def pair(K, xp):
        return K([1.0, 2.0, -1.0]), K([0.5, -3.0])
    (a, b), (c, d) = both(base, pair)
    for op in (lambda p, q: p + q, lambda p, q: p - q, lambda p, q: p * q, lambda p, q: p // q,
               lambda p, q: p % q, lambda p, q: p + 2, lambda p, q: 2 - p, lambda p, q: 3 * p,
               lambda p, q: p * [1, 2], lambda p, q: p / 2, lambda p, q: p ** 3,
               lambda p, q: [1.0, 2.0] + p, lambda p, q: 5 // q, lambda p, q: 5 % q):
        same_series(op(c, d), op(a, b), atol=1e-12)
    (qe, re), (qg, rg) = divmod(a, b), divmod(c, d)
    same_series(qg, qe)
    same_series(rg, re)
    with pytest.raises(ZeroDivisionError):
        c // cls(cnp, base)([0.0])
    for bad, exc, msg in ((lambda K, p: p + K([1.0], domain=[0, 5]), TypeError, "Domains differ"),
                          (lambda K, p: p + K([1.0], window=[0, 5]), TypeError, "Windows differ"),
                          (lambda K, p: p + K([1.0], symbol="y"), ValueError,
                           "Polynomial symbols differ"),
                          (lambda K, p: p / p, TypeError, "unsupported types for true division"),
                          (lambda K, p: p ** -1, ValueError,
                           "Power must be a non-negative integer."),
                          (lambda K, p: p ** 101, ValueError, "Power is too large"),
                          (lambda K, p: K([1.0], domain=[1, 2, 3]), ValueError,
                           "Domain has wrong number of elements."),
                          (lambda K, p: K([1.0], window=[1]), ValueError,
                           "Window has wrong number of elements."),
                          (lambda K, p: K([1.0], symbol="1x"), ValueError,
                           "Symbol string must be a valid Python identifier"),
                          (lambda K, p: K([1.0], symbol=None), TypeError,
                           "Symbol must be a non-empty string"),
                          (lambda K, p: K.basis(-1), ValueError,
                           "deg must be non-negative integer")):
        with pytest.raises(exc, match=msg):
            bad(cls(np, base), a)
        with pytest.raises(exc, match=msg):
            bad(cls(cnp, base), c)
    other = npp.Polynomial if base[2] != "Polynomial" else npp.Chebyshev
    other_c = getattr(cpp, other.__name__)
    with pytest.raises(TypeError, match="Polynomial types differ"):
        a + other([1.0])
    with pytest.raises(TypeError, match="Polynomial types differ"):
        c + other_c([1.0])


@pytest.mark.parametrize("base", BASES, ids=BASE_IDS)
def test_class_constructors(base):
    e, g = both(base, lambda K, xp: K.identity())
    same_series(g, e)
    e, g = both(base, lambda K, xp: K.identity(domain=[0, 3], window=[-1, 1]))
    same_series(g, e)
    e, g = both(base, lambda K, xp: K.basis(3, domain=[1, 2]))
    same_series(g, e)
    e, g = both(base, lambda K, xp: K.fromroots([0.5, -1.0, 2.0]))
    same_series(g, e, atol=1e-12)
    e, g = both(base, lambda K, xp: K.fromroots([0.5, -1.0, 2.0], domain=None))
    same_series(g, e, atol=1e-12)
    x = np.linspace(0, 4, 30)
    y = x ** 2 - 3 * x + 1
    e, g = both(base, lambda K, xp: K.fit(xp.array(x), xp.array(y), 2))
    same_series(g, e, rtol=1e-9, atol=1e-10)
    e, g = both(base, lambda K, xp: K.fit(xp.array(x), xp.array(y), 3, domain=[], window=[0, 1]))
    same_series(g, e, rtol=1e-8, atol=1e-9)
    e, g = both(base, lambda K, xp: K.fit(xp.array(x), xp.array(y), 2, full=True))
    same_series(g[0], e[0], rtol=1e-9, atol=1e-10)
    assert int(g[1][1]) == int(e[1][1])
    for target in ("Polynomial", "Chebyshev", "Hermite"):
        e, g = both(base, lambda K, xp: K([1.0, 2.0, 3.0], domain=[0, 2]).convert(
            kind=getattr(xp.polynomial, target)))
        same_series(g, e, atol=1e-12)
        e, g = both(base, lambda K, xp: getattr(xp.polynomial, target).cast(
            K([1.0, -1.0, 0.5])))
        same_series(g, e, atol=1e-12)
    e, g = both(base, lambda K, xp: K([1.0, 2.0, 3.0]).convert(domain=[0, 1]))
    same_series(g, e, atol=1e-12)


@pytest.mark.parametrize("base", BASES, ids=BASE_IDS)
def test_class_printing(base):
    cases = [[1.0, -2.0, 3.0], [0.0], [1.5, 0.0, -2.25e-5, 1e9, 1 / 3], [-1.0, 2.0, -0.0],
             list(np.arange(1.0, 20.0) * 1.37), [1 + 2j, -3j]]
    for c in cases:
        for dom in (None, [0, 2], [-2, -1]):
            e = cls(np, base)(c, domain=dom)
            g = cls(cnp, base)(c, domain=dom)
            assert str(g) == str(e)
            assert format(g, "ascii") == format(e, "ascii")
            assert repr(g) == repr(e)
            assert g._repr_latex_() == e._repr_latex_()
    with pytest.raises(ValueError, match="Unsupported format string 'bogus'"):
        format(cls(cnp, base)([1.0]), "bogus")


def test_set_default_printstyle():
    p_np, p_cn = npp.Polynomial([1.0, 2.0, 3.0]), cpp.Polynomial([1.0, 2.0, 3.0])
    try:
        for style in ("ascii", "unicode"):
            npp.set_default_printstyle(style)
            cpp.set_default_printstyle(style)
            assert str(p_cn) == str(p_np)
            assert str(cpp.Legendre([1.0, 2.0])) == str(npp.Legendre([1.0, 2.0]))
    finally:
        npp.set_default_printstyle("unicode")
        cpp.set_default_printstyle("unicode")
    with pytest.raises(ValueError, match="Unsupported format string 'x'"):
        cpp.set_default_printstyle("x")


def test_printing_linewidth():
    c = list(np.arange(1.0, 30.0) * 1.37)
    with np.printoptions(linewidth=40):
        exp = str(npp.Polynomial(c))
    with cnp.printoptions(linewidth=40):
        got = str(cpp.Polynomial(c))
    assert got == exp


# ---- legacy API --------------------------------------------------------------------------------

def test_legacy_arith():
    for a, b in (([1.0, 2.0], [3.0, -1.0, 2.0]), ([1, 2, 3], [2]), ([1j, 2.0], [1.0, 0.0, 1.0]),
                 ([3.0, -2.0, 1.0], [3.0, -2.0, 1.0])):
        check(lambda xp: xp.polyadd(xp.array(a), xp.array(b)))
        check(lambda xp: xp.polysub(xp.array(a), xp.array(b)))
        close(lambda xp: xp.polymul(xp.array(a), xp.array(b)))
        close(lambda xp: xp.polydiv(xp.array(a), xp.array(b)))
        close(lambda xp: xp.polydiv(xp.array(b), xp.array(a)))
    check(lambda xp: xp.polyadd(2.0, [1.0, 2.0]))
    for p in ([1.0, 2.0, 3.0, 4.0], [5.0], [1, 2, 3]):
        for m in (0, 1, 2, 4):
            close(lambda xp: xp.polyder(xp.array(p), m))
            close(lambda xp: xp.polyint(xp.array(p), m))
        close(lambda xp: xp.polyint(xp.array(p), 2, [1.0, 2.0]))
        close(lambda xp: xp.polyint(xp.array(p), 3, 2.0))
    check_error(lambda xp: xp.polyder([1.0, 2.0], -1))
    check_error(lambda xp: xp.polyint([1.0, 2.0], -1))
    check_error(lambda xp: xp.polyint([1.0, 2.0], 3, [1.0, 2.0]))


def test_legacy_poly_roots():
    for r in ([1.0, 2.0, 3.0], [], [1j, -1j], [1 + 1j, 2.0], [0.5]):
        close(lambda xp: xp.poly(xp.array(r)), atol=1e-14)
    close(lambda xp: xp.poly(xp.array([[1.0, 2.0], [3.0, 4.0]])), atol=1e-13)
    check_error(lambda xp: xp.poly(xp.zeros((2, 3))))
    for p in ([3.0, -2.0, 1.0], [1.0, 0.0, -1.0], [0.0, 0.0, 1.0, -3.0, 2.0, 0.0, 0.0],
              [0.0], [5.0], [1, 2, 3], [1j, 2.0, 1.0]):
        e = np.roots(p)
        g = np.asarray(cnp.roots(cnp.array(p)))
        assert g.dtype == e.dtype and g.shape == e.shape
        np.testing.assert_allclose(np.sort_complex(g), np.sort_complex(e), rtol=1e-10, atol=1e-12)
    check_error(lambda xp: xp.roots(xp.zeros((2, 2))))


def test_legacy_polyfit():
    rng = np.random.default_rng(3)
    x = np.linspace(-2, 3, 25)
    y = 2 * x ** 3 - x + 1 + 0.05 * rng.standard_normal(25)
    y2 = np.stack([y, x ** 2], axis=1)
    w = 1 + rng.random(25)
    for deg in (0, 1, 3, 5):
        close(lambda xp: xp.polyfit(xp.array(x), xp.array(y), deg), rtol=1e-9, atol=1e-10)
    close(lambda xp: xp.polyfit(xp.array(x), xp.array(y2), 3), rtol=1e-9, atol=1e-10)
    close(lambda xp: xp.polyfit(xp.array(x), xp.array(y), 3, w=xp.array(w)), rtol=1e-9,
          atol=1e-10)
    close(lambda xp: xp.polyfit(xp.array(x), xp.array(y2), 2, w=xp.array(w)), rtol=1e-9,
          atol=1e-10)
    e = np.polyfit(x, y, 3, full=True)
    g = cnp.polyfit(cnp.array(x), cnp.array(y), 3, full=True)
    assert isinstance(g, tuple) and len(g) == 5
    for ge, ee in zip(g[:4], e[:4]):
        np.testing.assert_allclose(np.asarray(ge), ee, rtol=1e-7, atol=1e-10)
    assert g[4] == e[4]
    for cov in (True, "unscaled"):
        e = np.polyfit(x, y, 2, cov=cov)
        g = cnp.polyfit(cnp.array(x), cnp.array(y), 2, cov=cov)
        np.testing.assert_allclose(np.asarray(g[0]), e[0], rtol=1e-9)
        np.testing.assert_allclose(np.asarray(g[1]), e[1], rtol=1e-7)
        e = np.polyfit(x, y2, 2, cov=cov)
        g = cnp.polyfit(cnp.array(x), cnp.array(y2), 2, cov=cov)
        assert np.asarray(g[1]).shape == e[1].shape
        np.testing.assert_allclose(np.asarray(g[1]), e[1], rtol=1e-7)
    # ill-conditioned: compare residuals, not coefficients
    xi = np.linspace(1000, 1001, 30)
    yi = np.sin(xi)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ce = np.polyfit(xi, yi, 6)
        cg = np.asarray(cnp.polyfit(cnp.array(xi), cnp.array(yi), 6))
    re_, rg = np.linalg.norm(np.polyval(ce, xi) - yi), np.linalg.norm(np.polyval(cg, xi) - yi)
    assert rg <= 10 * re_ + 1e-12
    with pytest.warns(np.RankWarning):
        np.polyfit(np.ones(5), np.arange(5.0), 2)
    with pytest.warns(cnp.RankWarning, match="Polyfit may be poorly conditioned"):
        cnp.polyfit(cnp.ones(5), cnp.arange(5.0), 2)
    for bad in (lambda xp: xp.polyfit(xp.array(x), xp.array(y), -1),
                lambda xp: xp.polyfit(xp.array([[1.0]]), xp.array([1.0]), 1),
                lambda xp: xp.polyfit(xp.array([]), xp.array([]), 1),
                lambda xp: xp.polyfit(xp.array(x), xp.zeros((25, 2, 2)), 1),
                lambda xp: xp.polyfit(xp.array(x), xp.array(y[:3]), 1),
                lambda xp: xp.polyfit(xp.array(x), xp.array(y), 1, w=xp.array(w[:3])),
                lambda xp: xp.polyfit(xp.array(x), xp.array(y), 1, w=xp.array([w, w])),
                lambda xp: xp.polyfit(xp.array(x[:3]), xp.array(y[:3]), 3, cov=True)):
        check_error(bad)


def test_vander():
    for x in ([1.0, 2.0, 3.0], [1, 2, 3, 4], [1j, 2.0], [], [True, False]):
        for N in (None, 0, 1, 3):
            for inc in (False, True):
                check(lambda xp: xp.vander(xp.array(x), N, inc))
    for dt in ("int8", "uint8", "float32", "complex64", "uint64"):
        check(lambda xp: xp.vander(xp.array([1, 2, 3], dtype=dt), 4))
    check_error(lambda xp: xp.vander(xp.zeros((2, 2))))


def test_poly1d():
    cases = [[1.0, -2.0, 3.5], [0.0, 0.0, 2.0, 1.0], [0.0], [1, 2, 3], [1j, 2.0, -1 - 1j],
             [-1.0, 0.0, 0.0, 1e-5, 123456.789], list(np.arange(1.0, 25.0))]
    for c in cases:
        e, g = np.poly1d(c), cnp.poly1d(cnp.array(c))
        assert str(g) == str(e)
        assert repr(g) == repr(e)
        assert g.order == e.order and len(g) == len(e)
        np.testing.assert_array_equal(np.asarray(g.coeffs), e.coeffs)
        np.testing.assert_array_equal(np.asarray(g.c), e.c)
        assert g.variable == e.variable
    e, g = np.poly1d([1.0, 2.0, 3.0], variable="z"), cnp.poly1d([1.0, 2.0, 3.0], variable="z")
    assert str(g) == str(e)
    e, g = np.poly1d([1.0, 2.0], r=True), cnp.poly1d([1.0, 2.0], r=True)
    np.testing.assert_array_equal(np.asarray(g.coeffs), e.coeffs)
    np.testing.assert_allclose(np.sort(np.asarray(g.roots)), np.sort(e.roots))
    a_np, b_np = np.poly1d([1.0, 2.0, -1.0]), np.poly1d([3.0, 0.5])
    a_cn, b_cn = cnp.poly1d([1.0, 2.0, -1.0]), cnp.poly1d([3.0, 0.5])
    for op in (lambda p, q: p + q, lambda p, q: p - q, lambda p, q: p * q, lambda p, q: p * 2,
               lambda p, q: 2 * p, lambda p, q: 1 - p, lambda p, q: p ** 3, lambda p, q: -p,
               lambda p, q: p / 2.0, lambda p, q: p + [1.0, 1.0], lambda p, q: p.deriv(),
               lambda p, q: p.integ(2, 1.0), lambda p, q: p.deriv(2)):
        e, g = op(a_np, b_np), op(a_cn, b_cn)
        np.testing.assert_allclose(np.asarray(g.coeffs), e.coeffs, rtol=1e-14)
        assert np.asarray(g.coeffs).dtype == e.coeffs.dtype
    (qe, re), (qg, rg) = a_np / b_np, a_cn / b_cn
    np.testing.assert_allclose(np.asarray(qg.coeffs), qe.coeffs)
    np.testing.assert_allclose(np.asarray(rg.coeffs), re.coeffs)
    assert a_cn == cnp.poly1d([1.0, 2.0, -1.0]) and a_cn != b_cn
    assert float(a_cn[0]) == -1.0 and float(a_cn[5]) == 0.0 and float(a_cn[-1]) == 0.0
    np.testing.assert_array_equal(np.asarray(a_cn(cnp.array([0.0, 1.0, 2.0]))),
                                  a_np(np.array([0.0, 1.0, 2.0])))
    assert float(a_cn(2.0)) == a_np(2.0)
    np.testing.assert_array_equal(np.asarray(a_cn(b_cn).coeffs), a_np(b_np).coeffs)
    q = cnp.poly1d([1.0, 2.0])
    q[3] = 5.0
    qn = np.poly1d([1.0, 2.0])
    qn[3] = 5.0
    np.testing.assert_array_equal(np.asarray(q.coeffs), qn.coeffs)
    with pytest.raises(ValueError, match="Does not support negative powers."):
        q[-1] = 1.0
    with pytest.raises(ValueError, match="Power to non-negative integers only."):
        q ** -1
    with pytest.raises(ValueError, match="Polynomial must be 1d only."):
        cnp.poly1d(cnp.zeros((2, 2)))
    with pytest.raises(AttributeError, match="Cannot set attribute"):
        q.coeffs = cnp.array([1.0])
    assert list(map(float, q)) == list(map(float, qn))
    assert cnp.poly1d(q) == q
    np.testing.assert_array_equal(np.asarray(cnp.asarray(q)), np.asarray(qn))


def test_exports():
    for name in ("poly", "roots", "polyint", "polyder", "polyadd", "polysub", "polymul", "polydiv",
                 "polyval", "poly1d", "polyfit", "RankWarning", "vander"):
        assert hasattr(cnp, name) and name in cnp.__all__
    for m, _, k in BASES:
        sub_np, sub_cn = getattr(npp, m), getattr(cpp, m)
        missing = [n for n in sub_np.__all__ if not hasattr(sub_cn, n)]
        assert not missing, (m, missing)
        assert getattr(cpp, k) is getattr(sub_cn, k)
    assert sorted(cpp.__all__) == sorted(npp.__all__)
    assert cnp.RankWarning.__module__ == "cnumpy" and cnp.poly1d.__module__ == "cnumpy"


MIX_DTYPES = ["bool", "int8", "int16", "int64", "uint8", "float16", "float32", "float64",
              "complex64", "complex128"]


def _mix_c(xp, cd):
    if cd == "bool":
        return xp.array([True, False, True, True])
    vals = [0.1, -0.7, 1.3, 0.9] if cd[0] in "fc" else [1, 2, 3, 1]
    return xp.array(vals).astype(cd)


def _mix_x(xp, xd, form):
    x = xp.array([True, False, True]) if xd == "bool" else \
        xp.linspace(-1.3, 1.1, 5).astype(xd)
    if form == "0d":
        return x[1:2].reshape(())
    if form == "scalar":
        return x[1]
    return x


@pytest.mark.parametrize("base", BASES, ids=BASE_IDS)
def test_val_dtype_matrix(base):
    """Every coefficient dtype against every x dtype: NumPy's result dtype (value-based and
    scalar promotion included) and its values bit for bit, for arrays, 0-d arrays and scalars
    (NumPy's scalar arithmetic promotes Python ints to int64, and rounds steps between narrow
    coefficients in their own precision)."""
    for cd in MIX_DTYPES:
        for xd in MIX_DTYPES:
            check(lambda xp: fn(xp, base, "val")(_mix_x(xp, xd, "array"), _mix_c(xp, cd)))
            for form in ("0d", "scalar"):
                e = fn(np, base, "val")(_mix_x(np, xd, form), _mix_c(np, cd))
                g = np.asarray(fn(cnp, base, "val")(_mix_x(cnp, xd, form), _mix_c(cnp, cd)))
                assert g.dtype == np.asarray(e).dtype, (cd, xd, form)
                assert type(fn(cnp, base, "val")(_mix_x(cnp, xd, form), _mix_c(cnp, cd))) \
                    is not cnp.ndarray
                np.testing.assert_array_equal(g, e)


def test_legacy_polyval_dtype_matrix():
    for cd in MIX_DTYPES[1:]:
        for xd in MIX_DTYPES[1:]:
            for form in ("array", "0d"):
                check(lambda xp: xp.polyval(_mix_c(xp, cd), _mix_x(xp, xd, form)))


def test_format_float():
    """polyutils.format_float (the classes' coefficient printing): Dragon4's unique digits with
    the print options' precision, positional or scientific, float32's own shortest digits."""
    rng = np.random.default_rng(0)
    vals = [0.0, -0.0, 1.0, 1e-5, 123456789.0, 0.1 + 0.2, 1 / 3, -2.5, 1e8, 99999999.99,
            12345.678901234, 5e-324, 1.5e300, 1e-4, 9.9999e-5, 0.00012345678912, 2.5e-7, 1e22,
            float("nan"), float("inf"), -float("inf"), 123.456, 7e-3]
    vals += list(rng.standard_normal(30) * 10.0 ** rng.integers(-10, 12, 30))
    pn, pc = npp.polyutils, cpp.polyutils
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for dt in ("float64", "float32"):
            for v in vals:
                for parens in (False, True):
                    e = pn.format_float(np.array(v, dt)[()], parens=parens)
                    assert pc.format_float(cnp.array(v, dt)[()], parens=parens) == e, (dt, v)
    for opts in ({"precision": 3, "sign": "+"}, {"precision": 4, "floatmode": "fixed"}):
        with np.printoptions(**opts), cnp.printoptions(**opts):
            for v in vals[:25]:
                assert pc.format_float(cnp.float64(v)) == pn.format_float(np.float64(v)), (opts, v)
    assert pc.format_float(3) == pn.format_float(3)


# ---- cases ported from numpy/lib/tests/test_polynomial.py --------------------------------------

def test_ported_poly1d_printing_and_math():
    r_np = np.poly1d([1.89999 + 2j, -3j, -5.12345678, 2 + 1j])
    r_cn = cnp.poly1d([1.89999 + 2j, -3j, -5.12345678, 2 + 1j])
    assert str(r_cn) == str(r_np) == ("            3      2\n"
                                      "(1.9 + 2j) x - 3j x - 5.123 x + (2 + 1j)")
    assert str(cnp.poly1d([-3, -2, -1])) == str(np.poly1d([-3, -2, -1]))
    assert str(cnp.poly1d([1.0, 2, 3], variable="lambda")) == \
        str(np.poly1d([1.0, 2, 3], variable="lambda"))
    for xp in (np, cnp):
        p = xp.poly1d([4, 3, 2, 1])
        p[3] = 0
        assert str(p) == "   2\n3 x + 2 x + 1"
        p = xp.poly1d([1, 2])
        p[0] = 0
        p[1] = 0
        assert str(p) == " \n0"
    p, q = cnp.poly1d([1.0, 2, 3]), cnp.poly1d([3.0, 2, 1])
    assert p ** 4 == cnp.poly1d([1.0, 8.0, 36.0, 104.0, 214.0, 312.0, 324.0, 216.0, 81.0])
    assert p(q) == cnp.poly1d([9.0, 12.0, 16.0, 8.0, 6.0])
    assert q(p) == cnp.poly1d([3.0, 12.0, 32.0, 40.0, 34.0])
    assert float(p(5)) == 38.0 and float(q(5)) == 86.0
    quo, rem = cnp.polydiv(cnp.poly1d([1, 0, -1]), cnp.poly1d([1, 1]))
    assert quo == cnp.poly1d([1.0, -1.0]) and rem == cnp.poly1d([0.0])
    p2 = cnp.poly1d([3j, 2j, 1j]).integ()
    assert bool((p2.coeffs == cnp.array([1j, 1j, 1j, 0])).all())
    p3 = cnp.poly1d([3, 2, 1]).integ(3, k=[9, 7, 6])
    assert bool((p3.coeffs == cnp.array([1 / 4. / 5., 1 / 3. / 4., 1 / 2. / 3., 9 / 1. / 2., 7,
                                         6])).all())


@pytest.mark.parametrize("dt", ["int64", "float32", "complex64", "float64", "int8"])
def test_ported_poly1d_misc(dt):
    ar = cnp.array([1, 2, 3], dtype=dt)
    p = cnp.poly1d(ar)
    assert np.asarray(cnp.asarray(p)).dtype == np.dtype(dt) and len(p) == 2
    for index, ref in {-1: 0, 0: 3, 1: 2, 2: 1, 3: 0}.items():
        assert p[index] == ref and str(p[index].dtype) == dt
    z = cnp.poly1d(cnp.zeros(3, dtype=dt))
    assert str(z.coeffs.dtype) == dt


def test_ported_poly_and_roots():
    for r in ([3, -np.sqrt(2), np.sqrt(2)], [[1, 2, 3], [4, 5, 6], [7, 8, 0]]):
        np.testing.assert_allclose(np.asarray(cnp.poly(cnp.array(r))), np.poly(r), atol=1e-10)
    for r in ([1.082j, 2.613j, -2.613j, -1.082j], [1j, -1j, 1 + 2j, 1 - 2j, 1 + 3j, 1 - 3j],
              [1j, -1j], [1, -1], [1j, -1.0000001j]):
        assert np.asarray(cnp.poly(cnp.array(r))).dtype == np.poly(r).dtype
    v = np.arange(1, 21)
    np.testing.assert_allclose(np.asarray(cnp.poly(cnp.array(v))), np.poly(v), rtol=1e-12)
    np.testing.assert_allclose(np.asarray(cnp.poly(cnp.diag(cnp.array(v)))), np.poly(np.diag(v)),
                               rtol=1e-6)
    check(lambda xp: xp.roots(xp.array([1, 0, 0])))
    check_error(lambda xp: xp.poly(xp.zeros((0, 0))))


def test_ported_poly_eq_polydiv_mutable():
    p, p2 = cnp.poly1d([1, 2, 3]), cnp.poly1d([1, 2, 4])
    assert (p == None) is False and (p != None) is True  # noqa: E711
    assert (p == p) is True and (p == p2) is False and (p != p2) is True
    b = cnp.poly1d([2, 6, 6, 1])
    a = cnp.poly1d([-1j, (1 + 2j), -(2 + 1j), 1])
    q, r = cnp.polydiv(b, a)
    assert str(q.coeffs.dtype) == "complex128" and str(r.coeffs.dtype) == "complex128"
    np.testing.assert_allclose(np.asarray((q * a + r).coeffs), np.asarray(b.coeffs), atol=1e-12)
    s, t = cnp.polydiv([1, 2, 3], cnp.poly1d([1, 2, 3]))
    assert isinstance(s, cnp.poly1d) and isinstance(t, cnp.poly1d)
    p = cnp.poly1d([1, 2, 3])
    p.coeffs += 1
    p.coeffs[2] += 10
    assert list(map(int, p.coeffs)) == [2, 3, 14]


@pytest.mark.parametrize("base", BASES, ids=BASE_IDS)
def test_bad_input(base):
    name, prefix, _ = base
    check_error(lambda xp: fn(xp, base, "val")(xp.array([1.0, 2.0]), []))
    check(lambda xp: fn(xp, base, "val")(xp.array([1.0, 2.0]), xp.zeros((0, 2))))
    check_error(lambda xp: fn(xp, base, "vander")(xp.array([1.0, 2.0]), 2.5))
    check_error(lambda xp: fn(xp, base, "fromroots")([[1.0, 2.0]]))
    check(lambda xp: fn(xp, base, "roots")([1.0]))
    check_error(lambda xp: fn(xp, base, "der")([1.0, 2.0], 1, 1, "a"))
    check_error(lambda xp: fn(xp, base, "int")([1.0, 2.0], "a"))
    check_error(lambda xp: fn(xp, base, "val3d")([1.0, 2.0], [1.0], [1.0], [[[1.0]]]))
    check_error(lambda xp: fn(xp, base, "vander2d")([1.0], [1.0], []))
    if name != "polynomial":
        check_error(lambda xp: fn(xp, base, "gauss")(2.5))
        outcome = []
        for xp in (np, cnp):    # an integral float deg: deprecated, then NumPy's own outcome
            with pytest.warns(DeprecationWarning, match="deg will need to be an integer"):
                try:
                    outcome.append(len(fn(xp, base, "gauss")(2.0)[0]))
                except TypeError as e:
                    outcome.append(str(e))
        assert outcome[0] == outcome[1]


def test_bad_input_legacy():
    check_error(lambda xp: xp.polyder([1.0, 2, 3], -2))
    check_error(lambda xp: xp.poly1d(xp.zeros((2, 2, 2))))
    check_error(lambda xp: xp.poly(xp.zeros((2, 2, 2))))
    check_error(lambda xp: xp.roots(xp.zeros((2, 2))))
    close(lambda xp: xp.polyfit(xp.array([1.0, 2, 3]), xp.array([1.0, 2, 4]), 1, rcond=1e-3))
    check_error(lambda xp: xp.polynomial.chebyshev.chebinterpolate(xp.sin, [2]))


# ---- printing cases after numpy/polynomial/tests/test_printing.py ------------------------------

PRINT_COEFS = [[1, 2, 3], [-1, 0, 1], [1, 2, 0, -1], [0.5, 14.5], [1.0e-10, 1.0e10],
               [float("nan"), float("inf"), -float("inf")], [0.0, 1e-4, 1e8, 123456789.125],
               [1 / 3, 2 / 3, -1 / 7], [-0.0, 0.0], list(np.linspace(-1, 1, 12) * 1.2345e5)]


@pytest.mark.parametrize("kind", [b[2] for b in BASES])
@pytest.mark.parametrize("ci", range(len(PRINT_COEFS)))
def test_printing_cases(kind, ci):
    c = PRINT_COEFS[ci]
    for dom, win, sym in ((None, None, "x"), ([0, 1], None, "z"), ([-2, 0], [-1, 1], "t"),
                          ([1, 3], [0, 1], "x"), ([-1, 1], [-1, 1], "lam")):
        e = getattr(npp, kind)(c, domain=dom, window=win, symbol=sym)
        g = getattr(cpp, kind)(c, domain=dom, window=win, symbol=sym)
        assert f"{g:unicode}" == f"{e:unicode}"
        assert f"{g:ascii}" == f"{e:ascii}"
        assert repr(g) == repr(e)
        assert g._repr_latex_() == e._repr_latex_()
    for opts in ({"precision": 4, "floatmode": "fixed"}, {"linewidth": 30}, {"precision": 2},
                 {"linewidth": 1}):
        with np.printoptions(**opts), cnp.printoptions(**opts):
            e, g = getattr(npp, kind)(c), getattr(cpp, kind)(c)
            assert str(g) == str(e), opts
            assert g._repr_latex_() == e._repr_latex_(), opts
