"""ndarray subclasses (NumPy's subclassing protocol, bindings/python/cnumpy/_subclass.py) against
NumPy 1.24: the classes of numpy.doc.subclassing (an attribute carried by __array_finalize__,
__new__ through ndarray.__new__, view casting), which methods, functions, operators, ufunc calls
and reductions keep the subclass, __array_wrap__ with its context and __array_priority__,
out= arrays, objects with __array_wrap__ that are not arrays, and the package's own subclasses
(memmap, recarray, chararray) through the same mechanism. Cases ported from
numpy/core/tests/test_umath.py (TestSpecialMethods) and test_multiarray.py (subclass tests)."""
import pickle

import numpy as np
import pytest

import cnumpy as cnp


def make_classes(m):
    """The same subclasses over numpy (m = np) or cnumpy (m = cnp)."""

    class Info(m.ndarray):
        """numpy.doc.subclassing's RealisticInfoArray: an attribute that follows views."""

        def __new__(cls, input_array, info=None):
            obj = m.asarray(input_array).view(cls)
            obj.info = info
            return obj

        def __array_finalize__(self, obj):
            self.seen = type(obj).__name__ if obj is not None else None
            if obj is None:
                return
            self.info = getattr(obj, "info", "default")

    class Made(m.ndarray):
        """numpy.doc.subclassing's InfoArray: ndarray.__new__ with the subclass."""

        def __new__(subtype, shape, dtype=float, buffer=None, offset=0, strides=None,
                    order=None, info=None):
            obj = super().__new__(subtype, shape, dtype, buffer, offset, strides, order)
            obj.info = info
            return obj

        def __array_finalize__(self, obj):
            if obj is None:
                return
            self.info = getattr(obj, "info", None)

    class Plain(m.ndarray):
        pass

    class High(m.ndarray):
        __array_priority__ = 50.0

    return Info, Made, Plain, High


NP = make_classes(np)
CNP = make_classes(cnp)


def describe(r, m):
    """What is compared: the class (by name for the test's classes), shape, dtype, values and
    the carried attribute, recursively through tuples and lists."""
    if isinstance(r, (tuple, list)):
        return type(r).__name__, [describe(x, m) for x in r]
    if isinstance(r, m.ndarray):
        t = type(r)
        name = t.__name__ if t is not m.ndarray else "ndarray"
        return (name, r.shape, str(r.dtype), r.tolist(), getattr(r, "info", "-"))
    if isinstance(r, m.generic):
        return ("scalar", str(r.dtype), r.item())
    return (type(r).__name__, r)


EXPRESSIONS = [
    # indexing and views
    "a[1:]", "a[0]", "a[0, 1]", "a[:, 0]", "a[[0, 1]]", "a[a > 2]", "a[...]", "a[None]",
    "a.reshape(3, 2)", "a.T", "a.transpose()", "a.ravel()", "a.flatten()", "a.view()",
    "a.view(m.ndarray)", "a.squeeze()", "a.swapaxes(0, 1)", "a.diagonal()", "a.real", "a.imag",
    "a.copy()", "a.astype(int)", "a.astype(int, subok=False)", "a.byteswap()",
    "a.take([0, 1])", "a.repeat(2)", "a.compress([1, 0], axis=0)", "a.argsort()",
    "a.argmax()", "a.argmax(axis=0)", "a.argmin(axis=1)", "a.dot(a.T)", "a.nonzero()",
    "a.tolist()", "list(a)", "a.round()", "a.clip(1, 2)", "a.conj()",
    # reductions (0-d results stay arrays of the subclass)
    "a.sum()", "a.sum(axis=0)", "a.sum(keepdims=True)", "a.prod()", "a.mean()", "a.mean(axis=1)",
    "a.std()", "a.var(axis=0)", "a.min()", "a.max(axis=1)", "a.ptp()", "a.any()",
    "a.all(axis=0)", "a.cumsum()", "a.cumprod(axis=1)",
    "m.sum(a)", "m.mean(a)", "m.amax(a)", "m.std(a)", "m.cumsum(a)", "m.prod(a, axis=0)",
    "m.any(a)",
    # operators and ufuncs
    "a + 1", "1 + a", "a - a", "a * 2.5", "a / 2", "a // 2", "a % 2", "a ** 2", "2 ** a",
    "-a", "+a", "abs(a)", "a > 2", "a == a", "a != 1", "divmod(a, 2)", "a @ a.T",
    "m.add(a, 1)", "m.sqrt(a)", "m.maximum(a, 2)", "m.isnan(a)", "m.divmod(a, 2)",
    "m.add(a, 1, subok=False)", "m.add(1, 2)", "m.add.reduce(a)", "m.add.reduce(a, axis=1)",
    "m.add.accumulate(a)", "m.add.outer(a[0], a[1])", "m.multiply.reduceat(a[0], [0, 2])",
    "m.add(a, 1, out=m.zeros((2, 3)))", "m.negative(a[0, 0])",
    # functions that keep the subclass through the methods or *_like
    "m.reshape(a, (3, 2))", "m.transpose(a)", "m.ravel(a)", "m.squeeze(a)",
    "m.zeros_like(a)", "m.empty_like(a).shape", "m.ones_like(a)", "m.full_like(a, 3)",
    "m.zeros_like(a, subok=False)", "m.asarray(a)", "m.asanyarray(a)", "m.array(a)",
    "m.array(a, subok=True)", "m.array(a, subok=True, copy=False)",
]


@pytest.mark.parametrize("expr", EXPRESSIONS)
def test_results_keep_the_subclass(expr):
    results = []
    for m, (Info, _, _, _) in ((np, NP), (cnp, CNP)):
        a = Info(m.arange(6.0).reshape(2, 3), info="x")
        results.append(describe(eval(expr), m))
    assert results[1] == results[0]


@pytest.mark.parametrize("expr", ["a[1:]", "a.reshape(3, 2)", "a.copy()", "a + 1", "a.sum()",
                                  "m.sqrt(a)", "a.view(Info)", "m.zeros_like(a)",
                                  "m.array(a, subok=True)"])
def test_finalize_sees_the_source(expr):
    seen = []
    for m, (Info, _, _, _) in ((np, NP), (cnp, CNP)):
        a = Info(m.arange(6.0).reshape(2, 3), info="x")
        r = eval(expr)
        seen.append((r.seen, r.info))
    assert seen[1] == seen[0]


def test_new_through_ndarray_new():
    out = []
    for m, (_, Made, _, _) in ((np, NP), (cnp, CNP)):
        a = Made((2, 3), info="made")
        b = a[1:]
        c = Made((2,), dtype="i4", buffer=bytearray(8), info="buf")
        out.append((type(a).__name__, a.shape, a.dtype.str, a.info, type(b).__name__, b.info,
                    c.tolist(), c.info, a.flags.owndata))
    assert out[1] == out[0]


def test_ndarray_new_refuses_other_types():
    with pytest.raises(TypeError, match="is not a subtype of numpy.ndarray"):
        cnp.ndarray.__new__(int, (3,))


def test_priority_picks_the_wrapping_operand():
    for m, (Info, _, Plain, High) in ((np, NP), (cnp, CNP)):
        p = m.arange(3.0).view(Plain)
        h = m.arange(3.0).view(High)
        assert type(p + h) is High and type(h + p) is High
        assert type(m.add(p, h)) is High and type(m.add(h, p)) is High
        assert type(m.arange(3.0) + p) is Plain and type(p + m.arange(3.0)) is Plain
        assert type(m.float64(1) * h) is High


def test_base_chain():
    for m, (_, _, Plain, _) in ((np, NP), (cnp, CNP)):
        b0 = m.arange(6.0)
        a = b0.view(Plain)
        assert a.base is b0
        assert a[1:].base is a
        assert a.copy().base is None
        assert type((a + 1).base) is m.ndarray
        c = m.arange(6.0).view(Plain).copy()
        assert c[1:][1:].base is c


class _Recorder:
    """__array_wrap__ calls recorded as (type of self, type of arr, ufunc name, nargs, i)."""


def _wrap_recording(m):
    calls = []

    class W(m.ndarray):
        def __array_wrap__(self, arr, context=None):
            calls.append((context[0].__name__, len(context[1]), context[2])
                         if context is not None else None)
            return super().__array_wrap__(arr, context)
    return W, calls


@pytest.mark.parametrize("expr", ["w + 1", "m.add(w, 1)", "w.sum()", "m.add.reduce(w)",
                                  "m.add.accumulate(w)", "divmod(w, 2)", "-w", "w > 1",
                                  "m.add(w, 1, out=m.empty(4).view(W))",
                                  "m.add(1, 1, w)"])
def test_wrap_context(expr):
    got = []
    for m in (np, cnp):
        W, calls = _wrap_recording(m)
        w = m.arange(4.0).view(W)
        r = eval(expr)
        got.append((calls, [type(x).__name__ for x in r] if isinstance(r, tuple)
                    else type(r).__name__))
    assert got[1] == got[0]


def test_wrap_without_context_and_custom_results():
    for m in (np, cnp):
        singleton = m.array([1.0])

        class Ok(m.ndarray):
            def __array_wrap__(self, obj):
                return singleton

        ok = m.empty(1).view(Ok)
        assert m.add(ok, 1) is singleton
        assert m.add(1, 1, ok) is singleton

        class Bad(m.ndarray):
            def __array_wrap__(self, obj, context=None):
                raise RuntimeError("bad wrap")

        bad = m.empty(2).view(Bad)
        with pytest.raises(RuntimeError):
            m.maximum(bad, bad)
        with pytest.raises(RuntimeError):
            m.maximum.reduce(bad)

        class NoneWrap(m.ndarray):
            def __array_wrap__(self, arr, context=None):
                return None

        assert m.maximum(m.zeros(1).view(NoneWrap), 1) is None


def test_wrap_with_iterable_and_scalar_priority():
    for m in (np, cnp):
        class WithWrap(m.ndarray):
            __array_priority__ = 10

            def __new__(cls):
                return m.asarray(1).view(cls).copy()

            def __array_wrap__(self, arr, context):
                return arr.view(type(self))

        x = m.multiply(WithWrap(), (1, 2, 3))
        assert isinstance(x, WithWrap) and x.tolist() == [1, 2, 3]

        class A(m.ndarray):
            __array_priority__ = 10

            def __new__(cls):
                return m.asarray(1.0, "float64").view(cls).copy()

        y = m.float64(1) * A()
        assert isinstance(y, A) and y.shape == ()


def test_out_of_exact_ndarray_is_returned_itself():
    for m, (Info, _, _, _) in ((np, NP), (cnp, CNP)):
        a = Info(m.arange(3.0), info="x")
        out = m.zeros(3)
        assert m.add(a, 1, out=out) is out
        assert m.add.reduce(a, out=m.zeros(())) is not None


class PickledNp(np.ndarray):
    def __array_finalize__(self, obj):
        self.info = getattr(obj, "info", "default")


class PickledCnp(cnp.ndarray):
    def __array_finalize__(self, obj):
        self.info = getattr(obj, "info", "default")


def test_pickle_keeps_the_class():
    got = []
    for m, cls in ((np, PickledNp), (cnp, PickledCnp)):
        a = m.arange(6.0).reshape(2, 3).view(cls)
        a.info = "x"
        b = pickle.loads(pickle.dumps(a))
        got.append((type(b) is cls, b.tolist(), b.info, b.dtype.str))
    assert got[1] == got[0]


@pytest.mark.parametrize("expr", ["m.arange(3.0).view(Plain)", "m.arange(6).reshape(2, 3).view(Plain)",
                                  "m.zeros((2, 2), 'f4').view(High)", "m.arange(3.0).view(Plain)[0:0]",
                                  "m.arange(40.0).reshape(2, 20).view(Plain)"])
def test_repr_names_the_class(expr):
    got = []
    for m, (_, _, Plain, High) in ((np, NP), (cnp, CNP)):
        r = eval(expr)
        got.append((repr(r), str(r)))
    assert got[1] == got[0]


def test_iteration_gives_rows_of_the_subclass():
    for m, (_, _, Plain, _) in ((np, NP), (cnp, CNP)):
        rows = list(m.arange(6.0).reshape(2, 3).view(Plain))
        assert [type(r).__name__ for r in rows] == ["Plain", "Plain"]
        assert [type(x).__name__ for x in m.arange(2.0).view(Plain)] == ["float64", "float64"]


def test_user_override_is_kept():
    for m in (np, cnp):
        class Own(m.ndarray):
            def reshape(self, *shape, **kwargs):
                return "own reshape"

            def __add__(self, other):
                return "own add"

        class Child(Own):
            pass

        o = m.arange(4.0).view(Child)
        assert o.reshape(2, 2) == "own reshape"
        assert o + 1 == "own add"
        assert type(o[1:]) is Child


def test_package_subclasses_through_the_protocol():
    r = cnp.rec.array([(1, 2.0), (3, 4.0)], dtype=[("a", "i4"), ("b", "f8")])
    nr = np.rec.array([(1, 2.0), (3, 4.0)], dtype=[("a", "i4"), ("b", "f8")])
    assert type(r == r).__name__ == type(nr == nr).__name__ == "recarray"
    assert type(cnp.isnan(cnp.arange(3.0).view(cnp.recarray))).__name__ == "recarray"
    c = cnp.char.array(["a", "b"])
    assert type(c == c) is cnp.ndarray
    assert type(c.reshape(2, 1)).__name__ == "chararray"


def test_memmap_results(tmp_path):
    path = str(tmp_path / "m.dat")
    m = cnp.memmap(path, dtype="f8", mode="w+", shape=(4,))
    m[:] = cnp.arange(4.0)
    nm = np.memmap(str(tmp_path / "n.dat"), dtype="f8", mode="w+", shape=(4,))
    nm[:] = np.arange(4.0)
    for expr in ["x + 1", "x.sum()", "np_or_cnp.sqrt(x)", "x[1:]", "x.take([0, 1])",
                 "np_or_cnp.zeros_like(x)"]:
        got = []
        for x, np_or_cnp in ((nm, np), (m, cnp)):
            res = eval(expr)
            got.append((type(res).__name__, getattr(res, "filename", "-") is None))
        assert got[1] == got[0], expr

    class Sub(cnp.memmap):
        pass

    s = m.view(Sub)
    assert type(s + 1) is Sub and (s + 1).filename is None
