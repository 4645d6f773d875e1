"""Benchmark cases for issue 28's Python-level pieces: array2string / format_float_positional
(Dragon4 on Python integers), numpy.ma reductions and arithmetic, nditer, einsum_path.
`/usr/bin/python3 bench/run.py --filter namespace` runs these."""
from harness import Case


def _array2string(np, cnp):
    a = np.random.default_rng(0).standard_normal(100)
    ca = cnp.array(a)
    return (lambda: np.array2string(a, precision=4, separator=", ")), \
        (lambda: cnp.array2string(ca, precision=4, separator=", "))


def _format_float(np, cnp):
    xs = [float(v) for v in np.random.default_rng(1).standard_normal(100)]
    return (lambda: [np.format_float_positional(x, precision=6) for x in xs]), \
        (lambda: [cnp.format_float_positional(x, precision=6) for x in xs])


def _format_float_one(np, cnp):
    return (lambda: np.format_float_positional(0.1)), (lambda: cnp.format_float_positional(0.1))


def _format_float_sci_one(np, cnp):
    return (lambda: np.format_float_scientific(1234.5678, precision=3)), \
        (lambda: cnp.format_float_scientific(1234.5678, precision=3))


def _ma_mean(np, cnp):
    rng = np.random.default_rng(2)
    a = rng.standard_normal((1000, 1000))
    m = rng.random((1000, 1000)) < 0.1
    na, ca = np.ma.array(a, mask=m), cnp.ma.array(cnp.array(a), mask=cnp.array(m))
    return (lambda: na.mean(axis=0)), (lambda: ca.mean(axis=0))


def _ma_divide(np, cnp):
    rng = np.random.default_rng(3)
    a, b = rng.standard_normal(10**6), rng.standard_normal(10**6)
    b[::7] = 0
    m = rng.random(10**6) < 0.1
    na, nb = np.ma.array(a, mask=m), np.ma.array(b)
    ca, cb = cnp.ma.array(cnp.array(a), mask=cnp.array(m)), cnp.ma.array(cnp.array(b))
    return (lambda: na / nb), (lambda: ca / cb)


def _nditer(np, cnp):
    a = np.arange(10**4, dtype=np.float64).reshape(100, 100)
    ca = cnp.array(a)
    return (lambda: [x for x in np.nditer(a, flags=["external_loop"], order="F")]), \
        (lambda: [x for x in cnp.nditer(ca, flags=["external_loop"], order="F")])


def _einsum_path(np, cnp):
    shapes = [(10, 10)] * 2 + [(10,) * 4] + [(10, 10)] * 2
    ops, cops = [np.ones(s) for s in shapes], [cnp.ones(s) for s in shapes]
    return (lambda: np.einsum_path("ea,fb,abcd,gc,hd->efgh", *ops)), \
        (lambda: cnp.einsum_path("ea,fb,abcd,gc,hd->efgh", *cops))


CASES = [
    Case("array2string_f64_100", "np.array2string(a, precision=4, separator=', '), 100 floats",
         _array2string, note="Python layout over Dragon4 on Python integers in both."),
    Case("format_float_positional_100", "format_float_positional(x, precision=6) x 100",
         _format_float),
    Case("format_float_positional_one", "format_float_positional(0.1)", _format_float_one,
         note="per-call cost: the string hand-over, a default-arguments path, the C fast path",
         per_backend=True),
    Case("format_float_scientific_one", "format_float_scientific(1234.5678, precision=3)",
         _format_float_sci_one, note="keyword arguments: the Python path on every variant",
         per_backend=True),
    Case("ma_mean_axis0_1000x1000", "ma.mean(axis=0), float64 1000x1000, 10% masked", _ma_mean),
    Case("ma_divide_1e6", "ma a / b (domain-masked divide), 10**6, 10% masked", _ma_divide),
    Case("nditer_external_F_100x100", "list(nditer(a, ['external_loop'], order='F')), 100x100",
         _nditer),
    Case("einsum_path_5_terms", "einsum_path('ea,fb,abcd,gc,hd->efgh', ...)", _einsum_path),
]
