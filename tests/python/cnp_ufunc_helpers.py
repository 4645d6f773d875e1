"""Helpers of the ufunc test-suite (test_ufunc_values.py, test_ufunc_engine.py).

* The ufunc lists come from the library's header (include/cnumpy/ufunc.h) and NumPy 1.24's loop
  table (tests/data/ufunc_types_numpy124.txt), so a ufunc added to the header is tested.
* ``outcome(fn)`` runs fn(numpy) and fn(cnumpy) under the default error state and records the
  result, the exception and the RuntimeWarnings of each side; ``compare_outcomes`` reports every
  difference at once (values bit-exact, or within a ULP bound for transcendentals with the NaN,
  inf and zero positions and signs identical), naming the inputs of each differing element.
* ``libm``: the C library (glibc) through ctypes, the reference for float64/float32
  transcendentals besides NumPy itself (whose float64 results come from SVML on AVX-512 CPUs).
"""
import ctypes
import ctypes.util
import math
import os
import re
import warnings
import zlib

import numpy as np
import pytest

import cnumpy as cnp

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))

ALL_DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
              "float16", "float32", "float64", "complex64", "complex128"]
MAXULP = 4

# --------------------------------------------------------------------------------------------
# the ufuncs


def _parse_types():
    table = {}
    with open(os.path.join(REPO, "tests", "data", "ufunc_types_numpy124.txt")) as f:
        for line in f:
            parts = line.split()
            if len(parts) < 4:
                continue
            table[parts[0]] = (int(parts[1]), int(parts[2]), parts[4:])
    return table


def _parse_header():
    with open(os.path.join(REPO, "include", "cnumpy", "ufunc.h")) as f:
        text = f.read()
    unary = re.findall(r"cnp_status cnp_(\w+)\(const cnp_array\* x, const cnp_ufunc_args\* args, "
                       r"cnp_array\*\* out\);", text)
    binary = re.findall(r"cnp_status cnp_(\w+)\(const cnp_array\* x1, const cnp_array\* x2, "
                        r"const cnp_ufunc_args\* args, cnp_array\*\* out\);", text)
    two_out = re.findall(r"cnp_status cnp_(\w+)\(const cnp_array\* x1, const cnp_array\* x2, "
                         r"const cnp_ufunc_args\* args, cnp_array\*\* out1, cnp_array\*\* out2\);",
                         text)
    # One input, two outputs (modf, frexp): tested with the unary ufuncs (results are tuples).
    unary_two_out = re.findall(r"cnp_status cnp_(\w+)\(const cnp_array\* x, const cnp_ufunc_args\* args, "
                               r"cnp_array\*\* out1, cnp_array\*\* out2\);", text)
    return unary + unary_two_out, binary, two_out, unary_two_out


UFUNC_TYPES = _parse_types()
UNARY, BINARY, TWO_OUT, UNARY_TWO_OUT = _parse_header()
assert len(UNARY) >= 40 and len(BINARY) >= 30 and TWO_OUT == ["divmod"], (UNARY, BINARY, TWO_OUT)
assert UNARY_TWO_OUT == ["modf", "frexp"], UNARY_TWO_OUT

# Results compared within MAXULP units in the last place (NumPy's own values depend on the CPU:
# SVML/AVX-512 kernels or the C library), with NaN/inf/zero placement and signs identical.
TRANSCENDENTAL = {"exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan",
                  "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "arcsinh", "arccosh",
                  "arctanh", "cbrt", "logaddexp", "logaddexp2", "arctan2", "hypot", "float_power"}
# Exact for real inputs; for complex ones libm-based (hypot, csqrt) or a sum of products whose
# rounding NumPy itself computes differently by memory layout (its AVX-512 loop for contiguous
# complex multiply contracts to FMA, its strided loop does not: (-2.871531734522037+
# 0.6577518019101944j)**2 has real part 7.81305706945103 contiguous, 7.813057069451031 strided).
TRANSCENDENTAL_IF_COMPLEX = {"absolute", "abs", "sqrt", "multiply", "square", "divide",
                             "true_divide", "reciprocal"}

# glibc names of NumPy's transcendentals (the reference on float64 / float32 inputs).
LIBM_NAMES = {"exp": "exp", "exp2": "exp2", "expm1": "expm1", "log": "log", "log2": "log2",
              "log10": "log10", "log1p": "log1p", "sin": "sin", "cos": "cos", "tan": "tan",
              "arcsin": "asin", "arccos": "acos", "arctan": "atan", "sinh": "sinh",
              "cosh": "cosh", "tanh": "tanh", "arcsinh": "asinh", "arccosh": "acosh",
              "arctanh": "atanh", "cbrt": "cbrt", "power": "pow", "float_power": "pow",
              "arctan2": "atan2", "hypot": "hypot", "sqrt": "sqrt"}


def maxulp_for(name, dtypes, result_dtype=None):
    """None (bit-exact) or the ULP bound of ufunc `name` on inputs of `dtypes`."""
    if name in TRANSCENDENTAL:
        return MAXULP
    kinds = {np.dtype(d).kind for d in dtypes}
    if result_dtype is not None:
        kinds.add(np.dtype(result_dtype).kind)
    if name in TRANSCENDENTAL_IF_COMPLEX and "c" in kinds:
        return MAXULP
    if name == "power" and kinds & {"f", "c"}:
        return MAXULP
    return None


# --------------------------------------------------------------------------------------------
# glibc


def _load_libm():
    path = ctypes.util.find_library("m") or "libm.so.6"
    return ctypes.CDLL(path)


_LIBM = _load_libm()
_LIBM_CACHE = {}


def libm(name, dtype, nargs=1):
    """The C library's `name` (float64) or `name`f (float32) as a Python callable on floats."""
    key = (name, dtype, nargs)
    if key not in _LIBM_CACHE:
        ct = ctypes.c_double if dtype == "float64" else ctypes.c_float
        fn = getattr(_LIBM, name if dtype == "float64" else name + "f")
        fn.restype = ct
        fn.argtypes = [ct] * nargs
        _LIBM_CACHE[key] = fn
    return _LIBM_CACHE[key]


# --------------------------------------------------------------------------------------------
# inputs

NAN, INF = float("nan"), float("inf")
FMAX = 1.7976931348623157e308

# Special float inputs (converted to float16/float32 by NumPy: out-of-range become inf).
FLOAT_SPECIALS = [
    0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 3.0, -3.5, 0.1, 0.3, -0.7, 0.75,
    0.9999999, -0.99999, 1.0000001, 1.0 + 2.0 ** -52, 1.0 - 2.0 ** -53, 2.0, 7.0, 10.0, -10.0,
    math.pi / 2, math.pi, -math.pi, 4.71238898038469, 11.0, 11.1, -17.4, 20.0, 88.7, 89.0,
    -103.0, 709.7, 710.0, -708.0, -745.2, 1000.0, -1000.0, 1e5, 65504.0, 65520.0, 1e10, 1e22,
    2.0 ** 52 + 0.5, 4503599627370497.0, 1e300, -1e300, FMAX, -FMAX, 1e-5, 1e-8, 6e-8, 1e-40,
    1e-45, 1e-300, 2.2250738585072014e-308, 1e-310, 5e-324, -5e-324, NAN, INF, -INF,
]
# A smaller set for the pairs of binary ufuncs (all pairs are tested).
FLOAT_PAIR_SPECIALS = [0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 3.0, 7.0, -10.0, 0.1, 2.0, 1000.0,
                       65504.0, 1e10, 1e-8, 1e300, -1e300, 1e-310, 5e-324, NAN, INF, -INF]
_CPLX_RE = [0.0, -0.0, 1.0, -1.0, 0.5, 2.5, -10.0, 700.0, 1e300, 1e-310, NAN, INF, -INF]
_CPLX_IM = [0.0, -0.0, 1.0, -2.5, 3.14, 1e300, NAN, INF, -INF]
COMPLEX_SPECIALS = [complex(r, i) for r in _CPLX_RE for i in _CPLX_IM]
COMPLEX_PAIR_SPECIALS = [0j, complex(-0.0, 0.0), complex(0.0, -0.0), 1 + 0j, -1 + 0j, 1j,
                         -2.5 + 0.5j, 3 - 4j, 0.1 + 1e300j, 1e300 + 1e300j, complex(NAN, 0.0),
                         complex(0.0, NAN), complex(INF, 0.0), complex(-INF, 1.0),
                         complex(1.0, INF), complex(INF, INF), 1e-310 + 1e-310j]


def int_specials(dtype):
    info = np.iinfo(dtype)
    vals = {0, 1, 2, 3, 7, 100, 127, info.max, info.max - 1, info.min, info.max // 2,
            info.max // 2 + 1}
    if info.min < 0:
        vals |= {-1, -2, -3, -7, -100, -128, info.min + 1}
    return sorted(v for v in vals if info.min <= v <= info.max)


def int_pair_specials(dtype):
    info = np.iinfo(dtype)
    vals = {0, 1, 2, 3, 5, 7, 8, 13, 64, info.max, info.min}
    if info.min < 0:
        vals |= {-1, -2, -5, -64, info.min + 1}
    return sorted(v for v in vals if info.min <= v <= info.max)


def rng_for(*key):
    return np.random.default_rng(zlib.crc32(repr(key).encode()))


def random_values(dtype, n, rng):
    """n random Python values of dtype: full range for integers, several scales for floats."""
    dt = np.dtype(dtype)
    if dt.kind == "b":
        return [bool(v) for v in rng.integers(0, 2, n)]
    if dt.kind in "iu":
        info = np.iinfo(dt)
        full = rng.integers(info.min, info.max, n - n // 2, dtype=dt, endpoint=True).tolist()
        small = rng.integers(max(info.min, -20), 21, n // 2).tolist()
        return full + small

    def real(m):
        k = m // 3
        a = rng.uniform(-1, 1, k)
        b = rng.uniform(-20, 20, k)
        c = rng.choice([-1.0, 1.0], m - 2 * k) * 10.0 ** rng.uniform(-30, 30, m - 2 * k)
        return np.concatenate([a, b, c]).tolist()
    if dt.kind == "f":
        return real(n)
    return [complex(r, i) for r, i in zip(real(n), rng.permutation(real(n)).tolist())]


def specials(dtype):
    k = np.dtype(dtype).kind
    if k == "b":
        return [False, True]
    if k in "iu":
        return int_specials(dtype)
    if k == "f":
        return list(FLOAT_SPECIALS)
    return list(COMPLEX_SPECIALS)


def pair_specials(dtype):
    k = np.dtype(dtype).kind
    if k == "b":
        return [False, True]
    if k in "iu":
        return int_pair_specials(dtype)
    if k == "f":
        return list(FLOAT_PAIR_SPECIALS)
    return list(COMPLEX_PAIR_SPECIALS)


def np_array(vals, dtype):
    """NumPy's conversion of Python values (overflowing floats become inf, silently)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return np.array(vals, dtype=dtype)


def to_cnp(a):
    """A cnumpy copy of the NumPy array a (same dtype and shape)."""
    return cnp.array(a)


def xp_array(xp, a):
    """The NumPy array a, for module xp (numpy: a copy; cnumpy: a cnumpy copy)."""
    return a.copy() if xp is np else cnp.array(a)


# --------------------------------------------------------------------------------------------
# running both sides


DEFAULT_ERR = dict(divide="warn", over="warn", under="ignore", invalid="warn")


class Outcome:
    __slots__ = ("value", "error", "warnings")

    def __init__(self, value, error, warns):
        self.value, self.error, self.warnings = value, error, warns


def run_one(fn, xp):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            value, error = fn(xp), None
        except Exception as e:  # noqa: BLE001 - compared
            value, error = None, e
    warns = sorted((c.category.__name__, str(c.message)) for c in w
                   if issubclass(c.category, (RuntimeWarning, DeprecationWarning)))
    return Outcome(value, error, warns)


def outcome(fn):
    """(numpy outcome, cnumpy outcome) of fn(xp), each under the default error state."""
    with np.errstate(**DEFAULT_ERR):
        exp = run_one(fn, np)
    got = run_one(fn, cnp)
    return exp, got


def _norm_msg(msg):
    # NumPy's no-loop message names dtype classes: <class 'numpy.dtype[bool_]'>; cnumpy's own
    # classes print as cnumpy.dtype[...]: both spellings are accepted.
    return msg.replace("'cnumpy.dtype[", "'numpy.dtype[")


def error_problems(got_err, exp_err):
    """[] when cnumpy raised what NumPy raised: same message; NumPy's UFuncTypeError family
    (not public in 1.24) maps to TypeError, any other class must be the same builtin."""
    if got_err is None:
        return ["numpy raised %s(%r) but cnumpy did not" % (type(exp_err).__name__, str(exp_err))]
    base = type(exp_err)
    if isinstance(exp_err, TypeError):
        base = TypeError
    elif isinstance(exp_err, np.AxisError):
        base = cnp.AxisError
    probs = []
    if not isinstance(got_err, base):
        probs.append("cnumpy raised %s(%r); numpy raised %s(%r)" % (
            type(got_err).__name__, str(got_err), type(exp_err).__name__, str(exp_err)))
    elif _norm_msg(str(got_err)) != str(exp_err):
        probs.append("message %r != numpy's %r" % (str(got_err), str(exp_err)))
    return probs


def _as_numpy(got):
    return np.asarray(got)


def ulp_distance(a, b):
    """|a - b| in units in the last place, elementwise, for finite float arrays of one dtype."""
    dt = a.dtype
    ity = {2: np.int16, 4: np.int32, 8: np.int64}[dt.itemsize]
    uty = np.uint64
    ai = a.view(ity).astype(np.int64)
    bi = b.view(ity).astype(np.int64)
    mask = np.int64((1 << (8 * dt.itemsize - 1)) - 1)
    am, bm = (ai & mask).astype(uty), (bi & mask).astype(uty)
    aneg, bneg = ai < 0, bi < 0
    same = aneg == bneg
    d = np.where(same, np.where(am > bm, am - bm, bm - am), am + bm)
    return d


def _fmt_inputs(inputs, i):
    if not inputs:
        return ""
    parts = []
    for x in inputs:
        if isinstance(x, np.ndarray) and x.size > i:
            v = x.reshape(-1)[i]
            parts.append(repr(v.item()) + ":" + x.dtype.name)
    return "(" + ", ".join(parts) + ") -> "


def _value_problems(got, exp, maxulp, inputs, what, ref="numpy", scale=None):
    """Differences between two NumPy arrays of the same dtype and shape. For complex results
    compared within maxulp, a part also passes when it is within 4 eps of the complex modulus
    |exp| (the usual error bound of complex arithmetic: the real part of (a+bi)(c+di) is
    ac - bd, whose rounding error is relative to |a||b|, not to a small difference; NumPy's own
    results differ by memory layout there)."""
    if exp.dtype.kind == "c":
        with np.errstate(all="ignore"):
            mod = np.abs(exp.astype(np.complex128)).reshape(-1) if maxulp is not None else None
        return (_value_problems(got.real.copy(), exp.real.copy(), maxulp, inputs, what + ".real",
                                ref, mod)
                + _value_problems(got.imag.copy(), exp.imag.copy(), maxulp, inputs,
                                  what + ".imag", ref, mod))
    g, e = got.reshape(-1), exp.reshape(-1)
    if exp.dtype.kind != "f":
        bad = np.nonzero(g != e)[0]
    else:
        gn, en = np.isnan(g), np.isnan(e)
        bad_mask = gn != en
        both = ~gn & ~en
        if maxulp is None:
            ity = {2: np.int16, 4: np.int32, 8: np.int64}[e.dtype.itemsize]
            bad_mask |= both & (g.view(ity) != e.view(ity))
        else:
            finite = both & np.isfinite(e) & np.isfinite(g) & (e != 0) & (g != 0)
            special = both & ~finite
            ity = {2: np.int16, 4: np.int32, 8: np.int64}[e.dtype.itemsize]
            # inf, zero: identical value and sign
            bad_mask |= special & (g.view(ity) != e.view(ity))
            if finite.any():
                d = ulp_distance(g[finite], e[finite])
                far = d > maxulp
                if scale is not None:
                    eps = float(np.finfo(e.dtype).eps)
                    with np.errstate(all="ignore"):
                        diff = np.abs(g[finite].astype(np.float64) - e[finite].astype(np.float64))
                        far &= ~(diff <= 4 * eps * scale[finite])
                sub = np.zeros_like(bad_mask)
                sub[np.nonzero(finite)[0]] = far
                bad_mask |= sub
        bad = np.nonzero(bad_mask)[0]
    if not len(bad):
        return []
    lines = ["%s: %d of %d elements differ%s" % (what, len(bad), e.size,
                                                 "" if maxulp is None else
                                                 " (> %d ULP or NaN/inf/zero placement)" % maxulp)]
    for i in bad[:12]:
        gv, ev = g[i].item(), e[i].item()
        extra = ""
        if maxulp is not None and e.dtype.kind == "f" and np.isfinite(ev) and np.isfinite(gv):
            extra = " [%d ulp]" % int(ulp_distance(g[i:i + 1], e[i:i + 1])[0])
        lines.append("  [%d] %scnumpy %r, %s %r%s" % (i, _fmt_inputs(inputs, i), gv, ref, ev,
                                                      extra))
    return lines


def result_problems(got, exp, maxulp=None, inputs=None, what="result", ref="numpy"):
    """Every difference between cnumpy's result `got` and NumPy's `exp` (arrays, scalars,
    tuples of them, Python scalars)."""
    if isinstance(exp, tuple):
        if not isinstance(got, tuple) or len(got) != len(exp):
            return ["%s: cnumpy returned %r, numpy a tuple of %d" % (what, type(got), len(exp))]
        out = []
        for k, (g, e) in enumerate(zip(got, exp)):
            out += result_problems(g, e, maxulp, inputs, "%s[%d]" % (what, k))
        return out
    if isinstance(exp, np.ndarray):
        if not isinstance(got, cnp.ndarray):
            return ["%s: expected a cnumpy.ndarray, got %s" % (what, type(got).__name__)]
    elif isinstance(exp, np.generic):
        if isinstance(got, cnp.ndarray) or not hasattr(got, "dtype"):
            return ["%s: expected a cnumpy scalar (numpy returned %s), got %s"
                    % (what, type(exp).__name__, type(got).__name__)]
    else:  # Python scalar
        if type(got) is not type(exp):
            return ["%s: %r (%s) != numpy's %r (%s)" % (what, got, type(got).__name__, exp,
                                                        type(exp).__name__)]
        e = np.asarray(exp)
        return _value_problems(np.asarray(got, dtype=e.dtype), e, maxulp, None, what)
    if str(got.dtype) != exp.dtype.name:
        return ["%s: dtype %s != numpy's %s" % (what, got.dtype, exp.dtype.name)]
    if tuple(got.shape) != exp.shape:
        return ["%s: shape %r != numpy's %r" % (what, got.shape, exp.shape)]
    g = _as_numpy(got)
    if g.dtype != exp.dtype:
        return ["%s: numpy.asarray(cnumpy result) has dtype %s" % (what, g.dtype)]
    return _value_problems(g, np.asarray(exp), maxulp, inputs, what, ref)


def outcome_problems(exp, got, maxulp=None, inputs=None, warnings_too=False):
    if exp.error is not None:
        probs = error_problems(got.error, exp.error)
        if got.error is None:
            probs[0] += " (cnumpy returned %r)" % (got.value,)
        return probs
    if got.error is not None:
        return ["cnumpy raised %s(%r); numpy returned a result" % (type(got.error).__name__,
                                                                   str(got.error))]
    probs = result_problems(got.value, exp.value, maxulp, inputs)
    if warnings_too and got.warnings != exp.warnings:
        probs.append("warnings: cnumpy %r, numpy %r" % (got.warnings, exp.warnings))
    return probs


def assert_no_problems(probs, header=""):
    if probs:
        pytest.fail((header + "\n" if header else "") + "\n".join(probs), pytrace=False)


def check_outcome(fn, maxulp=None, inputs=None, warnings_too=True):
    """fn(numpy) vs fn(cnumpy): value (or error) and, by default, the warnings too."""
    exp, got = outcome(fn)
    assert_no_problems(outcome_problems(exp, got, maxulp, inputs, warnings_too))
    return exp, got


def numpy_weak(fn):
    """fn(numpy) under NEP 50 promotion (NumPy 2's rule for Python scalars), which cnumpy follows."""
    old = np._get_promotion_state()
    np._set_promotion_state("weak")
    try:
        with np.errstate(**DEFAULT_ERR):
            return run_one(fn, np)
    finally:
        np._set_promotion_state(old)


def reset_errstate():
    """Both libraries back to the default error state (a failing test must not leak one)."""
    np.seterr(**DEFAULT_ERR)
    if hasattr(cnp, "seterr"):
        cnp.seterr(**DEFAULT_ERR)
