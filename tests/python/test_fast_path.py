"""The C fast paths of cnumpy._speedups (operators, ufunc calls, creation, reductions,
a[key] = v, attributes, conversions, the buffer protocol) against NumPy and against the
pure-Python package.

Differential part: every snippet below runs here (through the fast paths when CTest runs this
file with CNUMPY_SPEEDUPS=1) and in a subprocess with CNUMPY_SPEEDUPS=0 (the package's Python
implementation, the reference); results, exceptions (type and message) and warnings must be
identical. The snippets cover what the fast paths take and the edges where they must hand over
(other types, huge Python ints, keywords, errors, warnings, read-only arrays).
NumPy 1.24's own results are not the reference there: cnumpy follows NumPy 2's promotion of
Python scalars (docs/numpy-differences.md), which the Python path implements.

Buffer part: memoryview(a) against memoryview(numpy_array) for every dtype and layout.
"""
import array
import ctypes
import gc
import json
import os
import struct
import subprocess
import sys
import warnings

import numpy as np
import pytest

import cnumpy as cnp
from cnumpy import _accel

FAST = _accel.speedups is not None

SETUP = """
f = np.arange(10.0)
f32 = np.arange(6, dtype='float32')
i8 = np.arange(5, dtype='int8')
u8 = np.arange(5, dtype='uint8')
i2 = np.arange(6).reshape(2, 3)
c = np.arange(4.0).astype('complex128')
b = np.array([True, False, True])
z = np.array(2.5)
zi = np.array(7)
e = np.zeros((0, 3))
nz = np.arange(12.0).reshape(3, 4)[::-1, ::2]
big = np.arange(20000.0)
ro = np.arange(4.0)
ro.flags.writeable = False
o = np.zeros(10)
rec = np.zeros(3, [('a', 'i4'), ('b', 'f8', (2,)), ('c', [('d', 'U3')])])
rec2 = rec[::-1].reshape(3, 1)
"""

ARRAYS = ["f", "f32", "i8", "u8", "i2", "c", "b", "z", "zi", "e", "nz"]
OPERANDS = ["1", "-1", "1.5", "-0.0", "2**63", "2**64 + 5", "True", "1j", "np.float64(2.0)",
            "np.int64(3)", "np.float32(2.0)", "z", "[1]", "None", "'a'"]
BINARY = ["+", "-", "*", "/", "//", "%", "&", "|", "^", "<<", ">>", "**",
          "==", "!=", "<", "<=", ">", ">="]
# Exponents where ** takes NumPy's shortcuts (square, reciprocal, sqrt) or just misses them.
POWERS = ["2", "2.0", "-1", "-1.0", "0.5", "3", "0", "1", "-2", "np.float64(2.0)", "np.int64(2)", "True"]
# Scalars: the C versions of float64's and int64's exact operators (ScalarOp) against the
# Python ones; every operand type and the edges where they hand over (zero divisors, overflow,
# inf/nan/subnormal results, int64 limits).
SCALARS = ["np.float64(1.5)", "np.float64(-0.0)", "np.float64(1e308)", "np.float64(np.nan)",
           "np.float64(5e-324)", "np.int64(7)", "np.int64(0)", "np.int64(2**63 - 1)",
           "np.int64(-2**63)"]
SCALAR_OPERANDS = ["2.0", "0.0", "1e308", "2.2250738585072014e-308", "3", "0", "-2", "2**63",
                   "True", "np.float64(2.0)", "np.int64(-3)", "np.float32(2.0)", "z", "'a'"]
SCALAR_OPS = ["+", "-", "*", "/", "//", "%", "**", "==", "!=", "<", "<=", ">", ">="]


def _snippets():
    out = []
    for x in ARRAYS:
        for op in BINARY:
            out.append("r = %s %s %s" % (x, op, x))
            for y in OPERANDS:
                out.append("r = %s %s %s" % (x, op, y))
                out.append("r = %s %s %s" % (y, op, x))
        for p in POWERS:
            out.append("r = %s ** %s" % (x, p))
            out.append("r = %s.copy()\nr **= %s" % (x, p))
        out.append("r = pow(%s, 2, 3)" % x)
        for op in ("+=", "-=", "*=", "/=", "//=", "%=", "&=", "<<=", "**="):
            for y in ("1", "1.5", "True", "2**63", x, "np.float64(2.0)", "[1]"):
                out.append("r = %s.copy()\nr %s %s" % (x, op, y))
        for u in ("-", "abs", "~"):
            out.append("r = %s(%s)" % (u, x))
        for attr in ("len(%s)", "%s.shape", "%s.ndim", "%s.size", "%s.dtype", "float(%s)",
                     "int(%s)", "%s.copy()", "%s.astype('int8')", "%s.astype(np.float32)",
                     "%s.astype('S3')", "%s.astype(None)", "%s.copy(order='F')"):
            out.append("r = " + attr % x)
        for red in ("sum", "prod", "mean", "min", "max", "all", "any"):
            for args in ("", "0", "1", "-1", "2", "axis=(0, 1)", "axis=()", "axis=(0, 0)",
                         "keepdims=True", "axis=0, keepdims=True", "None, keepdims=True",
                         "keepdims=1", "axis=np.int64(0)", "axis=1.0"):
                out.append("r = %s.%s(%s)" % (x, red, args))
    for x, dt in (("f", "float64"), ("i8", "int8"), ("u8", "uint8"), ("c", "complex128"),
                  ("b", "bool"), ("i2", "int64")):
        for key in ("0", "-1", "3", "99", "(0, 1)", "slice(1, 3)", "...", "(slice(None), 0)",
                    "(None, 0)", "True", "[0, 1]", "np.int64(1)"):
            for v in ("1.0", "-2", "300", "1.7", "True", "1j", "2**63", "2**70", "np.float64(2.5)",
                      "np.arange(2.0)", "None", "'x'"):
                out.append("r = %s.copy()\nr[%s] = %s" % (x, key, v))
        out.append("r = %s.copy()\ndel r[0]" % x)
        for key in ("0", "slice(1, 3)", "...", "(slice(None), 0)", "(None, 0)", "(0, 1)"):
            for v in ("np.arange(2.0)", "np.ones(2, 'int8')", "np.array(5)", "np.array([1j, 2])",
                      "np.array([True, False])", "np.zeros((1, 2))", "np.zeros((2, 2))",
                      "np.arange(3)", "np.array(['1', '2'])", "z", "r", "r[::-1]", "ro[:2]"):
                out.append("r = %s.copy()\nr[%s] = %s" % (x, key, v))
    for x in SCALARS:
        for op in SCALAR_OPS:
            for y in SCALAR_OPERANDS:
                out.append("x = %s\nr = x %s %s" % (x, op, y))
                out.append("x = %s\nr = %s %s x" % (x, y, op))
            out.append("x = %s\nr = x %s x" % (x, op))
        for code in ("class S(type(%s)):\n    pass\nr = [S(%s) * 2, S(%s) < 3, 3 < S(%s), S(%s) == %s, S(%s) + %s]",
                     "class S(type(%s)):\n    def __lt__(self, o):\n        return 'lt'\nr = [S(%s) < 1, 1 > S(%s), %s < 1, S(%s) * 2, %s, %s, %s]",
                     "r = sorted([%s, 3, 2.5, -1, %s])", "r = {%s: 1}[%s]", "r = [%s == None, %s != 'a', %s]"):
            out.append(code.replace("%s", x))
        for u in ("float(%s)", "int(%s)", "-%s", "abs(%s)", "hash(%s) == hash(float(%s))", "%s.__add__", "%s.__lt__(1)",
                  "type(%s).__mul__(%s, 2.0)", "str(%s.__mul__)"):
            out.append("r = " + u.replace("%s", x))
    out += ["r = ro.copy()\nro[0] = 1.0", "ro[1:3] = 2", "r = ro + 1", "ro += 1",
            "r = f[3]", "r = i2[1, 2]", "r = f[10]", "r = i2[0, 0, 0]", "r = ro[0]", "r = z[()]",
            "r = big + big", "r = big.sum()", "r = -big", "r = float(np.array([1.5]))",
            "r = int(np.array(np.nan))", "r = int(np.array(2**63, dtype='uint64'))",
            "r = float(np.array(1 + 2j))", "r = int(np.array([[3]], dtype='int16'))",
            "r = float(np.array('1.5'))", "r = len(np.array([[1, 2]]))"]
    # Field names (a view through cnp_array_field, or the Python path's errors).
    for x in ("rec", "rec2", "f", "z"):
        for name in ("'a'", "'b'", "'c'", "'x'", "''", "'a\\x00'", "'\\udc80'"):
            out.append("r = %s[%s]" % (x, name))
            out.append("v = %s[%s]\nr = [v.base is %s, v.flags.writeable, v.strides]" % (x, name, x))
    out += ["r = rec['c']['d']", "v = rec['b']\nv[0] = 7\nr = rec", "r = rec[['a', 'b']]"]
    for fn in ("zeros", "ones", "empty"):
        for args in ("3", "(2, 3)", "()", "(0,)", "-1", "(2, -1)", "3, 'int8'", "3, dtype=np.int32",
                     "3, None", "3, 'S3'", "3, '>f8'", "3.0", "True", "(2,), order='F'", "3, 'foo'",
                     "[2, 3]", "np.int64(3)", "2**70", "(2, 2**62)", "3, dtype=float", "3, int",
                     "3, np.dtype('f4')", "3, 'f', 'C'", "shape=3"):
            out.append("r = np.%s(%s)%s" % (fn, args, "" if fn != "empty" else ".shape"))
    for args in ("3, 1.5", "(2, 3), 7", "3, True", "3, 1j", "3, 2**63", "3, 2**70", "3, -1, 'uint8'",
                 "3, 300, 'int8'", "3, 1.5, dtype='int32'", "3, 1.5, None", "3, np.float64(2.5)",
                 "3, np.int64(2)", "3, [1, 2, 3]", "-1, 0", "3, 0, 'S3'", "3, 0, order='F'",
                 "3, 1.0, 'foo'", "(2, 2**62), 0", "3.0, 1", "3, np.nan, int"):
        out.append("r = np.full(%s)" % args)
    for args in ("5", "1, 5", "1, 5, 2", "5.0", "0.5, 3, 0.25", "5, dtype='int8'", "5, dtype=None",
                 "1, 5, 0", "-5", "1, 2**70", "2**63, 2**63 + 3", "True", "1j", "1, 5, dtype='S3'",
                 "np.float64(3)", "np.int64(3)", "5, 1, -1", "0, 10**19", "None", "stop=5",
                 "5, 'f4'", "1e300", "np.nan", "np.array(3)"):
        out.append("r = np.arange(%s)" % args)
    for call in ("np.add(f, 1)", "np.add(f, f, out=o)", "np.add(f, 1.5, o)", "np.add(i8, 1, out=o)",
                 "np.add(f, 1, out=i8.copy())", "np.sqrt(f)", "np.sqrt(f, out=o)", "np.negative(z)",
                 "np.add(f, f, None)", "np.add(f, f, out=None)", "np.add(f)", "np.add(f, f, o, o)",
                 "np.add(f, f, out=(o,))", "np.divide(f, 0.0)", "np.log(z * 0)", "np.add(i8, 2**64 + 5)",
                 "np.add(z, z)", "np.add(z, 1.5, out=np.zeros(()))",                  "np.add(f, f, dtype='float32')", "np.add(f, [1] * 10)", "np.add(ro, 1, out=ro)",
                 "np.add(f, np.ones(3))", "np.sqrt(-1.0)", "np.add(1, 2)", "np.add(f, 1, out=ro[:0])", "np.modf(f)", "np.add(f, 1, out=f[::2])", "np.sqrt(c)",
                 "np.add(f, f, extobj=None)", "np.add(big, 1.0, out=big)",
                 "np.add(f, 1, out=o, where=f > 3)", "np.add(f, 1, where=True)",
                 "np.add(i8, 1.5, casting='unsafe')", "np.add(i8, 1.5, out=i8.copy(), casting='unsafe')",
                 "np.add(i8, 1.5, out=i8.copy())", "np.add(f, 1, casting='no')", "np.add(i8, 1, dtype='int16')",
                 "np.sqrt(f, where=f > 2, out=o)", "np.less(f, 3)", "np.equal(f, f, out=b.copy())",
                 "np.power(f, 2)", "np.power(i8, -1)", "np.add(f, 1, order='F')", "np.add(f, 1, subok=False)"):
        out.append("r = " + call)
    return out


SNIPPETS = _snippets()

OBSERVE = r'''
import json, sys, warnings
import cnumpy as np

SETUP = %r


def describe(r):
    if isinstance(r, np.ndarray):
        return ["array", type(r).__name__, r.dtype.str, list(r.shape), repr(r.tolist())]
    if isinstance(r, tuple):
        return ["tuple"] + [describe(x) for x in r]
    return [type(r).__name__, repr(r)]


def observe(code):
    g = {"np": np}
    exec(SETUP, g)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            exec(code, g)
            res = describe(g.get("r"))
        except BaseException as e:
            res = ["error", type(e).__name__, str(e)]
    return [res, [[x.category.__name__, str(x.message)] for x in w]]


if __name__ == "__main__":
    print(json.dumps([observe(c) for c in json.load(sys.stdin)]))
''' % SETUP


def _observe_here(snippets):
    g = {}
    exec(OBSERVE.replace('if __name__ == "__main__":', "if False:"), g)
    return [g["observe"](c) for c in snippets]


def _observe_pure(snippets):
    env = dict(os.environ, CNUMPY_SPEEDUPS="0")
    r = subprocess.run([sys.executable, "-c", OBSERVE], input=json.dumps(snippets), env=env,
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    return json.loads(r.stdout)


@pytest.fixture(scope="module")
def pure_observations():
    if not FAST:
        pytest.skip("the fast paths are not active (CNUMPY_SPEEDUPS=0 or not built)")
    return _observe_pure(SNIPPETS)


CHUNK = 400


@pytest.mark.parametrize("start", range(0, len(SNIPPETS), CHUNK))
def test_fast_path_equals_python_path(pure_observations, start):
    snippets = SNIPPETS[start:start + CHUNK]
    got = _observe_here(snippets)
    bad = [(code, g, e) for code, g, e in zip(snippets, got, pure_observations[start:start + CHUNK])
           if g != e]
    assert not bad, "\n\n".join("%s\n  fast:   %s\n  python: %s" % b for b in bad[:10])


def test_snippets_reach_the_fast_paths():
    # Guard against a differential test that compares the Python path with itself: the
    # classes use the C implementations.
    if not FAST:
        pytest.skip("the fast paths are not active")
    for name in ("__add__", "__iadd__", "__neg__", "__setitem__", "sum", "copy", "shape",
                 "__pow__", "__ipow__", "__eq__", "__lt__"):
        assert name not in cnp.ndarray.__dict__, name
    if hasattr(_accel.speedups, "ScalarOp"):
        for cls in (cnp.float64, cnp.int64):
            for name in ("__add__", "__rmul__", "__eq__", "__ge__"):
                assert type(cls.__dict__[name]).__name__ == "ScalarOp", (cls, name)
    assert "__call__" not in type(cnp.add).__dict__
    assert type(cnp.zeros).__name__ == "FastFunction"
    assert cnp.zeros.__wrapped__.__name__ == "zeros" and cnp.zeros.__name__ == "zeros"


# ---- results against NumPy where both agree (NumPy 1.24 and NEP 50 give the same) ------------
@pytest.mark.parametrize("expr", ["a + b", "a - 1.5", "2.0 * a", "a / b", "a // 2", "a % 3",
                                  "-a", "abs(a - 5)", "a.sum()", "a.mean()", "a.min()",
                                  "a.max(axis=0)", "a.reshape(2, 5).sum(axis=1, keepdims=True)",
                                  "a.prod()", "(a > 3).all()", "(a > 3).any()", "a.copy()",
                                  "a.astype('int32')", "float(a.sum())", "int(a[3:4])",
                                  "len(a)", "a.shape", "a.size", "a.ndim"])
def test_results_match_numpy(expr):
    def run(xp):
        a, b = xp.arange(10.0), xp.arange(1.0, 11.0)
        return eval(expr, {"a": a, "b": b, "xp": xp})
    exp, got = run(np), run(cnp)
    if isinstance(exp, np.ndarray):
        assert got.dtype.str == exp.dtype.str and got.shape == exp.shape
        assert got.tolist() == exp.tolist()
    else:
        assert type(got).__name__ == type(exp).__name__ and got == exp


def test_ufunc_out_and_setitem_match_numpy():
    n, k = np.zeros(10), cnp.zeros(10)
    for xp, c in ((np, n), (cnp, k)):
        assert xp.add(xp.arange(10.0), xp.ones(10), out=c) is c
        c[3] = 1.0
        c[5:7] = -2
        assert xp.multiply(c, 2.5, c) is c
        c += 1
    assert k.tolist() == n.tolist()


# ---- the buffer protocol ---------------------------------------------------------------------
# Not listed: 'q'/'Q' (NumPy's long long, which cnumpy spells as int64/'l': its buffers say 'l').
BUFFER_DTYPES = ["?", "b", "B", "h", "H", "i", "I", "l", "L", "e", "f", "d", "F", "D",
                 ">i4", "<i4", ">f8", ">c16", ">u2", "S5", "U3", "V4",
                 [("a", "<i4"), ("b", ">f8")], [("a", "i8"), ("b", "i4")], [("a", "i4"), ("b", "i8")],
                 [("x", "S3"), ("y", "(2,)i2")], [("a", "i1"), ("b", [("c", "f4"), ("d", "S2")])],
                 {"names": ["a", "b"], "formats": ["i1", "f8"], "align": True}]
LAYOUTS = {
    "c": lambda a: a,
    "f": lambda a: a.reshape(3, 4).T,
    "strided": lambda a: a.reshape(3, 4)[:, ::2],
    "reversed": lambda a: a[::-1],
    "0d": lambda a: a[5:6].reshape(()),
    "empty": lambda a: a[:0].reshape(0, 3),
    "3d": lambda a: a.reshape(2, 3, 2)[:, ::-1],
}


def _pair(dt, layout):
    n = np.zeros(12, dtype=dt)
    raw = np.frombuffer(bytes(range(12 * n.itemsize)), dtype=np.uint8)
    n = raw.view(n.dtype).copy() if n.dtype.kind not in "OM" else n
    if n.dtype.names is None and n.dtype.kind in "fc":
        n = np.arange(12).astype(dt)
    c = cnp.asarray(n).copy()
    c = cnp.frombuffer(bytearray(n.tobytes()), dtype=cnp.dtype(n.dtype.descr if n.dtype.names else n.dtype.str)) \
        if n.dtype.names else c
    return LAYOUTS[layout](c), LAYOUTS[layout](n)


needs_fast = pytest.mark.skipif(not FAST and sys.version_info < (3, 12),
                                reason="a pure-Python class exports no buffer before Python 3.12")


@needs_fast
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("dt", BUFFER_DTYPES, ids=str)
def test_memoryview_matches_numpy(dt, layout):
    c, n = _pair(dt, layout)
    try:
        mn = memoryview(n)
    except (ValueError, NotImplementedError) as e:
        with pytest.raises(type(e)):
            memoryview(c)
        return
    m = memoryview(c)
    assert (m.format, m.shape, m.strides, m.itemsize, m.ndim, m.readonly, m.nbytes) == \
        (mn.format, mn.shape, mn.strides, mn.itemsize, mn.ndim, mn.readonly, mn.nbytes)
    assert (m.c_contiguous, m.f_contiguous, m.contiguous) == (mn.c_contiguous, mn.f_contiguous, mn.contiguous)
    assert m.tobytes() == mn.tobytes()
    if n.ndim:      # bytes() of a 0-d integer array is bytes(int(a)), zeros
        assert bytes(c) == bytes(n)
    if mn.format in ("d", "f", "l", "i", "?", "B", "b", "h", "H", "L", "I"):
        assert m.tolist() == mn.tolist()


@needs_fast
def test_buffer_errors_and_flags():
    ro = cnp.arange(4.0)
    ro.flags.writeable = False
    assert memoryview(ro).readonly
    for bad, exp_n in ((lambda a: (ctypes.c_char * 32).from_buffer(a), np.arange(4.0)),):
        n = np.arange(4.0)
        n.flags.writeable = False
        with pytest.raises(TypeError) as en:
            bad(n)
        with pytest.raises(TypeError) as ec:
            bad(ro)
        assert str(ec.value) == str(en.value)
    nc, nn = cnp.arange(12.0).reshape(3, 4)[:, ::2], np.arange(12.0).reshape(3, 4)[:, ::2]
    with pytest.raises(TypeError) as en:
        (ctypes.c_char * 48).from_buffer(nn)
    with pytest.raises(TypeError) as ec:
        (ctypes.c_char * 48).from_buffer(nc)
    assert str(ec.value) == str(en.value)
    with pytest.raises(ValueError) as en:
        array.array("d").frombytes(nn)
    with pytest.raises(ValueError) as ec:
        array.array("d").frombytes(nc)
    assert str(ec.value) == str(en.value)
    with pytest.raises(ValueError, match="cannot include dtype 'M' in a buffer"):
        memoryview(cnp.zeros(3, dtype="M8[s]"))


@needs_fast
def test_buffer_consumers():
    a = cnp.arange(6.0)
    assert bytes(a) == np.arange(6.0).tobytes()
    assert array.array("d", bytes(a)).tolist() == a.tolist()
    assert struct.unpack_from("3d", a, 8) == (1.0, 2.0, 3.0)
    buf = (ctypes.c_double * 6).from_buffer(a)       # writable: shares the memory
    buf[2] = 42.0
    assert a[2] == 42.0
    del buf
    m = memoryview(a)
    m[1] = -1.0
    assert a[1] == -1.0
    assert a.data.tolist() == a.tolist()
    assert np.asarray(memoryview(a)).tolist() == a.tolist()   # NumPy imports it back


@needs_fast
def test_buffer_keeps_memory_alive():
    a = cnp.arange(1000.0)
    m = memoryview(a[::3])
    del a
    gc.collect()
    assert m[:3].tolist() == [0.0, 3.0, 6.0] and m[-1] == 999.0
    # The exported memory outlives a change of the array's handle (resize while exported).
    b = cnp.arange(4.0)
    m = memoryview(b)
    b.shape = (2, 2)
    assert m.tolist() == [0.0, 1.0, 2.0, 3.0]
    m.release()


# ---- safety ------------------------------------------------------------------------------------
def test_no_reference_leaks_on_fast_paths():
    a, b, o = cnp.arange(10.0), cnp.ones(10), cnp.zeros(10)
    f64 = cnp.float64(2.0)

    def cycle():
        a + b, a + 1.5, 1.5 * a, -a, cnp.add(a, b, out=o), cnp.add(a, 2.0), cnp.zeros(10),
        cnp.zeros((2, 3), "int8"), a.sum(), a.sum(axis=0, keepdims=True), a.mean(), float(a.sum()),
        a.copy(), a.astype("float32"), len(a), a.shape, a.dtype, a + f64, a.data.tobytes()
        o[3] = 1.0
        o[1:3] = 2
        o.__iadd__(1.0)
        for bad in (lambda: a + b[:3], lambda: cnp.add(a, b, out=b[:3]), lambda: a.sum(axis=3),
                    lambda: cnp.zeros(-1), lambda: a.__setitem__(99, 1.0)):
            try:
                bad()
            except (ValueError, IndexError, TypeError):
                pass
    cycle()
    gc.collect()
    objs = (a, b, o, f64, type(a), cnp.add, cnp.float64)
    before = [sys.getrefcount(x) for x in objs]
    for _ in range(300):
        cycle()
    gc.collect()
    assert [sys.getrefcount(x) for x in objs] == before


def test_errors_propagate_and_warnings_come_once():
    for call in (lambda: cnp.divide(cnp.arange(1.0, 4.0), 0.0), lambda: cnp.arange(1.0, 4.0) / 0.0,
                 lambda: cnp.arange(1.0, 4.0).__itruediv__(0.0)):
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            call()
        assert [str(x.message) for x in w] == ["divide by zero encountered in divide"]
        assert w[0].filename == __file__      # points at the caller, as from the Python path
    with cnp.errstate(divide="raise"):
        with pytest.raises(FloatingPointError, match="divide by zero encountered in divide"):
            cnp.arange(3.0) / 0.0
    with pytest.raises(ValueError, match="operands could not be broadcast together"):
        cnp.arange(3.0) + cnp.arange(2.0)


def test_keyboard_interrupt_reaches_a_loop_of_fast_calls():
    # Large operands release the GIL during the call (as ctypes does), so another thread runs
    # meanwhile; Ctrl-C is raised as soon as the call returns.
    # Without the compiled base type the handle is freed in a Python __del__; a signal handled
    # while a finalizer runs is reported as unraisable and lost (CPython's rule for exceptions
    # in finalizers), so the pure package's run keeps pressing Ctrl-C, as a user would. The
    # compiled base frees in tp_dealloc, without a Python frame: there one SIGINT must do.
    import signal
    import threading
    import time
    a = cnp.arange(2e5)
    compiled = _accel.base is not object
    done = threading.Event()
    armed = [True]
    lost = [0]

    def interrupt(signum, frame):
        # Raises once per arming: a press racing the caught one finds it disarmed. Only the
        # loop re-arms, and only when the raise did not reach it (it was lost in a finalizer).
        if armed[0]:
            armed[0] = False
            raise KeyboardInterrupt

    def press():
        while not done.wait(0.1):
            os.kill(os.getpid(), signal.SIGINT)
            if compiled:
                return
    previous = signal.signal(signal.SIGINT, interrupt)
    presser = threading.Thread(target=press)
    presser.start()
    deadline = time.monotonic() + 30
    try:
        with pytest.raises(KeyboardInterrupt):
            while time.monotonic() < deadline:
                a + a, a.sum(), cnp.add(a, 1.0, out=a)
                if not armed[0]:
                    lost[0] += 1
                    armed[0] = True
    finally:
        done.set()
        presser.join()
        signal.signal(signal.SIGINT, previous)
    assert not (compiled and lost[0]), "a SIGINT was lost with the compiled base"


def test_fast_functions_look_like_the_python_ones():
    import inspect
    import pickle
    for name in ("zeros", "ones", "empty", "full", "arange"):
        f = getattr(cnp, name)
        python = getattr(f, "__wrapped__", f)
        assert f.__name__ == name and f.__doc__ == python.__doc__
        if FAST:    # (the pure package's create() closures cannot be pickled)
            assert pickle.loads(pickle.dumps(f)) is f
        assert inspect.signature(f) == inspect.signature(python)
    assert list(inspect.signature(cnp.zeros).parameters)[:3] == ["shape", "dtype", "order"]
