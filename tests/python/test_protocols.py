"""NumPy's dispatch protocols on cnumpy arrays (NEP 13 __array_ufunc__, NEP 18
__array_function__): numpy.X called with cnumpy operands runs cnumpy's X and returns cnumpy
arrays whose dtype and values equal NumPy's own result on NumPy arrays; what cnumpy lacks, or
another overriding type, gives NumPy's TypeError / the other type's override (NotImplemented)."""
import os
import subprocess
import sys

import numpy as np
import pytest

import cnumpy as cnp

HERE = os.path.dirname(os.path.abspath(__file__))


def _unique_ufuncs():
    seen, names = set(), []
    for name, uf in sorted(cnp._UFUNCS.items()):
        if id(uf) in seen or not isinstance(getattr(np, name, None), np.ufunc):
            continue
        seen.add(id(uf))
        names.append(name)
    return names


UFUNC_NAMES = _unique_ufuncs()


def _signature_char(npuf):
    """The input type (float64, int64 or bool) NumPy's ufunc has a loop for."""
    for ch in "dlq?":
        if any(t.split("->")[0] == ch * npuf.nin for t in npuf.types):
            return ch
    pytest.skip("no float64/int64/bool loop for %s" % npuf.__name__)


def _inputs(ch, nin):
    if ch == "d":
        base = [0.25 + np.arange(12.0).reshape(3, 4) / 16, 0.5 + np.arange(12.0)[::-1].reshape(3, 4) / 8]
    elif ch in "lq":
        base = [np.arange(1, 13, dtype=np.int64).reshape(3, 4), np.array([1, 2, 3, 1] * 3, np.int64).reshape(3, 4)]
    else:
        base = [np.array([True, False, True, True] * 3).reshape(3, 4), np.array([False, False, True, False] * 3).reshape(3, 4)]
    return base[:nin]


def _is_cnumpy(x):
    return isinstance(x, (cnp.ndarray, cnp.generic))


def _same(res, exp, exact=False):
    """res (cnumpy) has exp's (NumPy) dtype and values."""
    assert _is_cnumpy(res), type(res)
    assert np.dtype(res.dtype) == np.asarray(exp).dtype
    got = np.asarray(res)
    if exact or got.dtype.kind in "biuUSVMm":
        np.testing.assert_array_equal(got, exp)
    else:
        np.testing.assert_allclose(got, exp, rtol=1e-12, atol=1e-13, equal_nan=True)   # FFT zeros


@pytest.mark.parametrize("name", UFUNC_NAMES)
def test_every_ufunc_dispatches(name):
    npuf = getattr(np, name)
    ch = _signature_char(npuf)
    ins = _inputs(ch, npuf.nin)
    cins = [cnp.asarray(x) for x in ins]
    with np.errstate(all="ignore"), cnp.errstate(all="ignore"):
        exp = npuf(*ins)
        res = npuf(*cins)
        direct = getattr(cnp, name)(*cins)
    if npuf.nout > 1:
        assert isinstance(res, tuple) and len(res) == npuf.nout
        for r, e, d in zip(res, exp, direct):
            _same(r, e)
            np.testing.assert_array_equal(np.asarray(r), np.asarray(d))
    else:
        _same(res, exp)
        np.testing.assert_array_equal(np.asarray(res), np.asarray(direct))   # the same kernel


@pytest.mark.parametrize("name", ["add", "subtract", "multiply", "true_divide", "maximum",
                                  "arctan2", "greater", "logical_and", "hypot"])
def test_mixed_numpy_cnumpy_operands(name):
    npuf = getattr(np, name)
    a = 0.5 + np.arange(6.0).reshape(2, 3)
    b = np.linspace(-1, 2, 3)
    exp = npuf(a, b)
    _same(npuf(a, cnp.asarray(b)), exp)      # NumPy array first: cnumpy's override still runs
    _same(npuf(cnp.asarray(a), b), exp)
    _same(npuf(cnp.asarray(a), 2.5), npuf(a, 2.5))


def test_operators_with_numpy_arrays_on_the_left():
    a = np.arange(6.0).reshape(2, 3)
    c = cnp.arange(6.0).reshape(2, 3)
    _same(a + c, a + a)
    _same(a * c - 1, a * a - 1)
    _same(a < c + 1, a < a + 1)


def test_out_numpy_array_is_written_and_returned():
    a = np.arange(6.0)
    out = np.zeros(6)
    r = np.multiply(cnp.asarray(a), 3, out=out)
    assert r is out
    np.testing.assert_array_equal(out, a * 3)
    outs = (np.zeros(6), cnp.zeros(6))
    q, rem = np.divmod(cnp.asarray(a), 4, out=outs)
    assert q is outs[0] and rem is outs[1]
    np.testing.assert_array_equal(outs[0], a // 4)
    np.testing.assert_array_equal(np.asarray(outs[1]), a % 4)


def test_ufunc_keywords():
    a = np.arange(6.0).reshape(2, 3)
    c = cnp.asarray(a)
    _same(np.add(c, c, dtype="float32"), np.add(a, a, dtype="float32"))
    _same(np.sqrt(c, where=c > 2, out=cnp.zeros((2, 3))),
          np.sqrt(a, where=a > 2, out=np.zeros((2, 3))))


def test_ufunc_methods():
    a = np.arange(12.0).reshape(3, 4)
    c = cnp.asarray(a)
    _same(np.add.reduce(c, axis=0), np.add.reduce(a, axis=0))
    _same(np.multiply.reduce(c, axis=1, keepdims=True), np.multiply.reduce(a, axis=1, keepdims=True))
    _same(np.add.accumulate(c, axis=1), np.add.accumulate(a, axis=1))
    _same(np.add.reduceat(c[0], [0, 2]), np.add.reduceat(a[0], [0, 2]))
    _same(np.multiply.outer(c[0], c[1]), np.multiply.outer(a[0], a[1]))
    _same(np.maximum.reduce(c, axis=None), np.maximum.reduce(a, axis=None))
    d, e = cnp.zeros(4), np.zeros(4)
    assert np.add.at(d, [0, 0, 3], 1.5) is None
    np.add.at(e, [0, 0, 3], 1.5)
    np.testing.assert_array_equal(np.asarray(d), e)


def test_matmul_ufunc_reaches_the_cnumpy_function():
    a = np.arange(6.0).reshape(2, 3)
    c = cnp.asarray(a)
    _same(np.matmul(c, c.T), np.matmul(a, a.T))
    _same(c @ a.T, a @ a.T)


A = np.arange(12.0).reshape(3, 4) * 0.75 - 2
SQ = np.array([[4.0, 1.0, 0.5], [1.0, 3.0, 0.25], [0.5, 0.25, 2.0]])

FUNCTIONS = {
    "sum": lambda xp, a: xp.sum(a),
    "sum_axis": lambda xp, a: xp.sum(a, axis=0, keepdims=True),
    "mean": lambda xp, a: xp.mean(a, axis=1),
    "std": lambda xp, a: xp.std(a, axis=0, ddof=1),
    "var": lambda xp, a: xp.var(a),
    "amax": lambda xp, a: xp.amax(a, axis=1),
    "min": lambda xp, a: xp.min(a),
    "argmax": lambda xp, a: xp.argmax(a, axis=1),
    "cumsum": lambda xp, a: xp.cumsum(a, axis=0),
    "prod": lambda xp, a: xp.prod(a, axis=1),
    "concatenate": lambda xp, a: xp.concatenate([a, a * 2], axis=1),
    "concatenate_none": lambda xp, a: xp.concatenate([a, a], axis=None),
    "stack": lambda xp, a: xp.stack([a, a], axis=-1),
    "vstack": lambda xp, a: xp.vstack([a, a]),
    "hstack": lambda xp, a: xp.hstack([a, a]),
    "reshape": lambda xp, a: xp.reshape(a, (4, 3)),
    "transpose": lambda xp, a: xp.transpose(a),
    "ravel": lambda xp, a: xp.ravel(a, order="F"),
    "moveaxis": lambda xp, a: xp.moveaxis(a[None], 0, -1),
    "expand_dims": lambda xp, a: xp.expand_dims(a, 1),
    "where": lambda xp, a: xp.where(a > 1, a, -a),
    "clip": lambda xp, a: xp.clip(a, -1, 3),
    "round": lambda xp, a: xp.round(a / 3, 2),
    "sort": lambda xp, a: xp.sort(-a, axis=1),
    "argsort": lambda xp, a: xp.argsort(-a, axis=0, kind="stable"),
    "unique": lambda xp, a: xp.unique(xp.floor(a)),
    "searchsorted": lambda xp, a: xp.searchsorted(xp.ravel(a), [0.5, 3.0]),
    "dot": lambda xp, a: xp.dot(a, xp.transpose(a)),
    "einsum": lambda xp, a: xp.einsum("ij,kj->ik", a, a),
    "tensordot": lambda xp, a: xp.tensordot(a, a, axes=([1], [1])),
    "outer": lambda xp, a: xp.outer(a[0], a[1]),
    "fft.rfft": lambda xp, a: xp.fft.rfft(a, axis=1),
    "fft.fft": lambda xp, a: xp.fft.fft(a, axis=0),
    "fft.irfft": lambda xp, a: xp.fft.irfft(a, n=6),
    "linalg.norm": lambda xp, a: xp.linalg.norm(a, axis=1),
    "linalg.inv": lambda xp, a: xp.linalg.inv(a[:3, :3] + 5 * xp.eye(3)),
    "linalg.solve": lambda xp, a: xp.linalg.solve(a[:3, :3] + 5 * xp.eye(3), a[:, 0]),
    "median": lambda xp, a: xp.median(a, axis=0),
    "percentile": lambda xp, a: xp.percentile(a, 30),
    "histogram": lambda xp, a: xp.histogram(a, bins=4),
    "diff": lambda xp, a: xp.diff(a, axis=1),
    "take": lambda xp, a: xp.take(a, [0, 2], axis=1),
    "repeat": lambda xp, a: xp.repeat(a, 2, axis=0),
    "tile": lambda xp, a: xp.tile(a, (2, 1)),
    "flip": lambda xp, a: xp.flip(a, 1),
    "roll": lambda xp, a: xp.roll(a, 2),
    "pad": lambda xp, a: xp.pad(a, 1),
    "split": lambda xp, a: xp.split(a, 2, axis=1),
    "nonzero": lambda xp, a: xp.nonzero(a > 1),
    "broadcast_to": lambda xp, a: xp.broadcast_to(a[0], (2, 4)),
    "full_like": lambda xp, a: xp.full_like(a, 7),
    "zeros_like": lambda xp, a: xp.zeros_like(a, dtype="int32"),
    "ones_like_shape": lambda xp, a: xp.ones_like(a, shape=(2,)),
    "ones_like": lambda xp, a: xp.ones(3, like=a),
    "asarray_like": lambda xp, a: xp.asarray([1, 2], like=a),
    "isclose": lambda xp, a: xp.isclose(a, a + 1e-10),
    "count_nonzero": lambda xp, a: xp.count_nonzero(a > 0, axis=0),
    "nanmean": lambda xp, a: xp.nanmean(a, axis=1),
    "average": lambda xp, a: xp.average(a, axis=0, weights=[1, 2, 3]),
    "atleast_3d": lambda xp, a: xp.atleast_3d(a),
    "cross": lambda xp, a: xp.cross(a[:, :3], a[:, 1:]),
    "sliding_window_view": lambda xp, a: xp.lib.stride_tricks.sliding_window_view(a[0], 2),
    "tril": lambda xp, a: xp.tril(a),
    "trace": lambda xp, a: xp.trace(a),
    "interp": lambda xp, a: xp.interp(a[0], [-2, 0, 5], [0, 1, 0]),
}


def _flat(x):
    return list(x) if isinstance(x, (tuple, list)) else [x]


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_function_dispatches(name):
    f = FUNCTIONS[name]
    exp = f(np, A)
    res = f(np, cnp.asarray(A))
    assert type(res) is type(exp) or (_is_cnumpy(res) and isinstance(exp, (np.ndarray, np.generic))), \
        (type(res), type(exp))
    for r, e in zip(_flat(res), _flat(exp)):
        _same(r, e)
    assert len(_flat(res)) == len(_flat(exp))


def test_scalar_results_and_bool_functions():
    c = cnp.asarray(A)
    assert np.allclose(c, c) is True or np.allclose(c, c) == True    # noqa: E712 (numpy.bool_)
    assert np.array_equal(c, c)
    assert not np.array_equal(c, c + 1)
    r = np.sum(c)
    assert isinstance(r, cnp.float64) and r == A.sum()


def test_numpy_arrays_among_arguments_are_taken_over():
    c = cnp.asarray(A)
    _same(np.concatenate([A, c]), np.concatenate([A, A]))
    _same(np.dot(A, c.T), np.dot(A, A.T))
    _same(np.stack([c, A]), np.stack([A, A]))


def test_scalars_take_part():
    assert isinstance(np.add(cnp.float32(1), 2), cnp.float32)
    assert isinstance(np.divide(cnp.float64(3), cnp.float64(2)), cnp.float64)
    assert np.sqrt(cnp.float64(4)) == 2.0


# -- NotImplemented paths ----------------------------------------------------------------------
def test_function_cnumpy_lacks_gives_numpys_type_error():
    c = cnp.asarray(A)
    # numpy.linalg functions cnumpy does not have yet, and a NumPy-dispatched function of the
    # numpy namespace that cnumpy can never have (made here with NumPy's own decorator)
    from numpy.core.overrides import array_function_dispatch

    @array_function_dispatch(lambda x: (x,), module="numpy")
    def no_such_function(x):
        return x

    calls = {"no_such_function": lambda: no_such_function(c)}
    if not callable(getattr(cnp.linalg, "tensorinv", None)):
        calls["linalg.tensorinv"] = lambda: np.linalg.tensorinv(c.reshape(4, 3)[:2, :2])
    for n, call in calls.items():
        with pytest.raises(TypeError, match="no implementation found for 'numpy.%s'" % n):
            call()


def test_ufunc_cnumpy_lacks_gives_numpys_type_error():
    c = cnp.asarray(A)
    pyuf = np.frompyfunc(lambda v: v, 1, 1)             # a ufunc with no cnumpy counterpart
    with pytest.raises(TypeError, match="NotImplemented from __array_ufunc__"):
        pyuf(c)
    missing = [n for n, u in vars(np).items() if isinstance(u, np.ufunc)
               and n not in cnp._UFUNCS and not callable(getattr(cnp, n, None))]
    for n in missing:
        with pytest.raises(TypeError, match="NotImplemented from __array_ufunc__"):
            getattr(np, n)(*([c] * getattr(np, n).nin))


class _Other:
    """A foreign array type with its own overrides (like a Dask array)."""
    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        return ("other", ufunc.__name__, method)

    def __array_function__(self, func, types, args, kwargs):
        return ("other", func.__name__)


def test_other_overriding_types_win():
    c = cnp.asarray(A)
    assert np.add(c, _Other()) == ("other", "add", "__call__")
    assert np.add(_Other(), c) == ("other", "add", "__call__")
    assert np.concatenate([c, _Other()]) == ("other", "concatenate")
    assert c.__array_ufunc__(np.add, "__call__", c, _Other()) is NotImplemented
    assert c.__array_function__(np.concatenate, (cnp.ndarray, _Other), ([c],), {}) \
        is NotImplemented


class _Sub(np.ndarray):
    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        return "sub"


def test_numpy_subclass_with_its_own_override():
    c = cnp.asarray(A)
    s = np.arange(12.0).reshape(3, 4).view(_Sub)
    assert np.add(c, s) == "sub"
    masked = np.ma.masked_array(A)
    with pytest.raises(TypeError, match="no implementation found"):
        np.concatenate([c, masked])


def test_array_wrap_priority_and_dtype_attribute():
    c = cnp.asarray(A)
    w = c.__array_wrap__(np.arange(3.0))
    assert isinstance(w, cnp.ndarray) and w.tolist() == [0.0, 1.0, 2.0]
    assert isinstance(c.__array_wrap__(np.array(2.5)), cnp.float64)
    assert c.__array_priority__ > np.empty(0).__array_priority__
    for spec in ["f8", ">i2", "U3", "S2", "M8[D]", "m8[s]", "c8", "?", ("f4", (2, 3)),
                 [("a", "<i4"), ("b", ">f8", (2,))],
                 {"names": ["x", "y"], "formats": ["u1", "f8"], "offsets": [0, 8], "itemsize": 24},
                 np.dtype([("p", "i1"), ("q", "f8")], align=True)]:
        nd = np.dtype(spec)
        d = cnp.dtype(spec)
        assert d.dtype == nd
        assert np.dtype(d) == nd
        assert np.empty(2, dtype=d).dtype == np.empty(2, dtype=nd).dtype


def test_cnumpy_imports_and_works_without_numpy():
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'numpy' or name.startswith('numpy.'):\n"
        "            raise ImportError('numpy is blocked')\n"
        "sys.meta_path.insert(0, Block())\n"
        "import cnumpy as c\n"
        "a = c.arange(4.0)\n"
        "assert callable(c.ndarray.__array_ufunc__) and callable(c.ndarray.__array_function__)\n"
        "assert not hasattr(c.dtype('f8'), 'dtype')\n"
        "import pickle\n"
        "b = pickle.loads(pickle.dumps(a, protocol=5))\n"
        "assert b.tolist() == [0.0, 1.0, 2.0, 3.0]\n"
        "assert 'numpy' not in sys.modules\n"
        "print('ok')\n")
    env = dict(os.environ)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         cwd=HERE, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
