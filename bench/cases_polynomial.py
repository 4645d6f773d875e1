"""Benchmark cases for polynomials (issue 27), with the issue's targets in the notes. Evaluation
runs in one fused pass per point in the library (cnp_poly_val: Horner/Clenshaw in NumPy's
operation order, blocks of 256 points vectorised over the coefficients, fixed parts on the
pool); NumPy makes two temporaries per coefficient. `/usr/bin/python3 bench/run.py --filter
polynomial` runs this file's cases.
"""
from harness import Case

C8 = [0.5, -1.25, 2.0, 0.75, -3.5, 1.0, 0.25, -0.75, 4.0]   # degree 8


def _x(np, n):
    return np.random.default_rng(27).uniform(-1, 1, n)


def _polyval(n):
    def setup(np, cnp):
        x = _x(np, n)
        cx, p = cnp.array(x), C8[::-1]
        return (lambda: np.polyval(p, x)), (lambda: cnp.polyval(p, cx))
    return setup


def _val(module, fname, n):
    def setup(np, cnp):
        x = _x(np, n)
        cx = cnp.array(x)
        f_np = getattr(getattr(np.polynomial, module), fname)
        f_cn = getattr(getattr(cnp.polynomial, module), fname)
        return (lambda: f_np(x, C8)), (lambda: f_cn(cx, C8))
    return setup


def _polyfit(n, deg):
    def setup(np, cnp):
        x = _x(np, n)
        y = 1 - 2 * x + 3 * x ** 2 + 0.01 * np.random.default_rng(1).standard_normal(n)
        cx, cy = cnp.array(x), cnp.array(y)
        return (lambda: np.polyfit(x, y, deg)), (lambda: cnp.polyfit(cx, cy, deg))
    return setup


def _fit(module, fname, n, deg):
    def setup(np, cnp):
        x = _x(np, n)
        y = np.cos(3 * x)
        cx, cy = cnp.array(x), cnp.array(y)
        f_np = getattr(getattr(np.polynomial, module), fname)
        f_cn = getattr(getattr(cnp.polynomial, module), fname)
        return (lambda: f_np(x, y, deg)), (lambda: f_cn(cx, cy, deg))
    return setup


def _roots(np, cnp):
    c = np.random.default_rng(3).standard_normal(41)
    cc = cnp.array(c)
    return (lambda: np.roots(c)), (lambda: cnp.roots(cc))


CASES = [
    Case("polyval_deg8_1e7", "np.polyval(p, x), degree 8, x float64 10**7", _polyval(10**7),
         note="target >= 2x. One pass (y = y*x + p[i] per point), threads on fixed parts."),
    Case("polyval_deg8_1e3", "np.polyval(p, x), degree 8, x float64 10**3", _polyval(10**3),
         note="no target: the call overhead of a small input."),
    Case("polynomial_polyval_deg8_1e6", "np.polynomial.polynomial.polyval(x, c), degree 8, 10**6",
         _val("polynomial", "polyval", 10**6), note="Horner from c[-1], one pass."),
    Case("chebval_deg8_1e6", "np.polynomial.chebyshev.chebval(x, c), degree 8, 10**6",
         _val("chebyshev", "chebval", 10**6), note="target >= 2x. Clenshaw, one pass."),
    Case("legval_deg8_1e6", "np.polynomial.legendre.legval(x, c), degree 8, 10**6",
         _val("legendre", "legval", 10**6), note="Clenshaw with two divisions per step."),
    Case("hermval_deg8_1e6", "np.polynomial.hermite.hermval(x, c), degree 8, 10**6",
         _val("hermite", "hermval", 10**6), note="Clenshaw, one pass."),
    Case("polyfit_deg3_1e6", "np.polyfit(x, y, 3), 10**6 points", _polyfit(10**6, 3),
         note="target >= 1.0x. Vandermonde (multiply.accumulate), column scaling, LAPACK gelsd."),
    Case("chebfit_deg5_1e5", "np.polynomial.chebyshev.chebfit(x, y, 5), 10**5 points",
         _fit("chebyshev", "chebfit", 10**5, 5), note="no target: the basis Vandermonde, then lstsq."),
    Case("roots_deg40", "np.roots(p), degree 40", _roots,
         note="no target: companion matrix eigenvalues (LAPACK geev)."),
]
