"""The object dtype (docs/object-dtype.md) and frompyfunc against NumPy 1.24: dtype spellings,
object arrays from lists (with and without dtype=object), element get/set, views, copies,
fancy indexing, concatenation, casts to and from object, tolist/item, repr/str, ufuncs through
Python's operators, reductions, pickling, frompyfunc's attributes and calls, vectorize with
otypes=[object]; reference counts (sys.getrefcount) back to where they started; clear errors
for what the C core refuses. Cases ported from numpy/core/tests/test_umath.py and
test_ufunc.py (frompyfunc) and test_multiarray.py (object arrays)."""
import datetime
import fractions
import gc
import pickle
import sys

import numpy as np
import pytest

import cnumpy as cnp


class Thing:
    """An object with identity, ordering and arithmetic (its only reference may be an array)."""

    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return "Thing(%r)" % (self.v,)

    def __eq__(self, other):
        return isinstance(other, Thing) and self.v == other.v

    def __lt__(self, other):
        return self.v < other.v

    def __add__(self, other):
        return Thing(self.v + (other.v if isinstance(other, Thing) else other))

    __hash__ = None


def same(c, n):
    """A cnumpy result equals NumPy's: type, dtype, shape, elements (compared as objects)."""
    if isinstance(n, np.ndarray):
        assert isinstance(c, cnp.ndarray), (c, n)
        assert c.dtype.str == n.dtype.str, (c.dtype, n.dtype)
        assert c.shape == n.shape
        assert c.tolist() == n.tolist()
    elif isinstance(n, tuple):
        assert isinstance(c, tuple) and len(c) == len(n)
        for x, y in zip(c, n):
            same(x, y)
    else:
        assert not isinstance(c, cnp.ndarray), c
        assert type(c) is type(n) or (isinstance(n, np.bool_) and isinstance(c, cnp.bool_)), \
            (type(c), type(n))
        assert c == n


def both(f):
    same(f(cnp), f(np))


# -- dtype ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("spec", ["O", "|O", "=O", "<O", ">O", "O8", "O4", "object", "object_",
                                  "object0", object])
def test_dtype_spellings(spec):
    c, n = cnp.dtype(spec), np.dtype(spec)
    for attr in ("str", "name", "kind", "char", "num", "itemsize", "alignment", "byteorder",
                 "descr", "hasobject", "isnative", "isbuiltin"):
        assert getattr(c, attr) == getattr(n, attr), attr
    assert repr(c) == repr(n) and str(c) == str(n)
    assert c.type is cnp.object_
    assert cnp.dtype(cnp.object_) is c


def test_dtype_errors_and_promotion():
    with pytest.raises(TypeError, match="not understood"):
        cnp.dtype(">object")
    with pytest.raises(TypeError, match="object fields"):
        cnp.dtype([("a", "i4"), ("b", "O")])
    for t in ("i8", "f4", "U3", "?", "M8[s]"):
        assert cnp.promote_types(t, "O") == cnp.dtype("O") == np.promote_types(t, "O")
        assert cnp.can_cast(t, "O") == np.can_cast(t, "O")
        assert cnp.can_cast("O", t) == np.can_cast("O", t)
        assert cnp.can_cast("O", t, "unsafe") == np.can_cast("O", t, "unsafe")


def test_object_scalar_type():
    assert cnp.object_(5) == 5 and cnp.object_() is None
    x = Thing(1)
    assert cnp.object_(x) is x
    assert issubclass(cnp.object_, cnp.generic)


# -- creation ------------------------------------------------------------------------------------
LISTS = [
    [1, 2, 3], [1, "a", None], [[1, 2], [3, 4]], [[1, 2], [3]], [[1, 2], 3], [], [[], []],
    [1.5, "ab", [1, 2]], [(1, 2), (3, 4)], [[[1, 2]], [[3]]], [None], [[None, 1]] * 3,
]


@pytest.mark.parametrize("obj", LISTS, ids=repr)
def test_array_dtype_object(obj):
    both(lambda xp: xp.array(obj, dtype=object))


@pytest.mark.parametrize("obj", [
    [1, None], [2**70], [-2**70, 1], [1, "a", None], [2**70, "a"], [None, None], [[1, None]],
    [1.5, 2**64], ["a", Thing(1)], [Thing(1), Thing(2)],
], ids=repr)
def test_lists_numpy_makes_object_arrays(obj):
    c, n = cnp.array(obj), np.array(obj)
    assert n.dtype == object and c.dtype == object
    assert c.shape == n.shape and c.tolist() == n.tolist()


def test_scalars_to_object_arrays():
    for v in (None, 2**80, Thing(3), fractions.Fraction(1, 3)):
        c, n = cnp.array(v), np.array(v)
        assert c.dtype == n.dtype == object and c.shape == () and c.item() == n.item()
    both(lambda xp: xp.array(5, dtype=object))
    both(lambda xp: xp.array("abc", dtype=object))


def test_requested_dtype_still_refuses():
    with pytest.raises(OverflowError):
        cnp.array([2**70], dtype=np.int64)
    with pytest.raises(OverflowError):
        np.array([2**70], dtype=np.int64)


@pytest.mark.parametrize("fn,args", [
    ("empty", ((2, 3),)), ("zeros", ((2, 3),)), ("ones", (4,)), ("full", ((2, 2), "x")),
    ("full", (3, None)), ("zeros", ((),)),
])
def test_creation_functions(fn, args):
    both(lambda xp: getattr(xp, fn)(*args, dtype=object))


def test_like_functions():
    for fn, extra in (("empty_like", ()), ("zeros_like", ()), ("ones_like", ()),
                      ("full_like", (7,))):
        both(lambda xp: getattr(xp, fn)(xp.array([[1, "a"], [None, 2]], dtype=object), *extra))
        both(lambda xp: getattr(xp, fn)(xp.arange(3), *extra, dtype=object))
    both(lambda xp: xp.full(3, None))


# -- elements, views and copies ------------------------------------------------------------------
def test_element_access_and_assignment():
    def f(xp):
        a = xp.array([1, "a", None, 2.5, [1, 2]], dtype=object)
        a[0] = [3, 4]           # one element: the list itself
        a[2] = "z"
        a[-1] = None
        return a, a[0], a[1], a[2], a[4]
    c, n = f(cnp), f(np)
    same(c[0], n[0])
    assert c[1:] == n[1:]


def test_region_assignment():
    def f(xp):
        a = xp.empty((3, 4), dtype=object)
        a[...] = 0
        a[1] = [1, "b", None, 2.5]
        a[:, 0] = "col"
        a[2, 1:3] = xp.array([7, 8])
        a[[0, 2], 3] = [Thing(1), Thing(2)]
        a[a == 0] = -1
        return a
    both(f)


def test_views_and_copies():
    base = [[1, "a", None, 2.5], [Thing(1), (1, 2), [3], 4]]

    def f(xp):
        a = xp.array(base, dtype=object)
        return (a.T, a[:, ::-2], a.reshape(4, 2), a.ravel(), a.flatten("F"), a.copy(),
                a[::-1].copy(), xp.transpose(a), a[1], a[None, :, 1], a.swapaxes(0, 1))
    both(f)


def test_fancy_indexing_and_joins():
    def f(xp):
        a = xp.array([[1, "a", None], [2.5, (1,), "b"]], dtype=object)
        return (a[[1, 0, 1]], a[:, [2, 2, 0]], a[a != None], xp.take(a, [2, 0], axis=1),
                xp.concatenate([a, a], axis=1), xp.stack([a, a]), xp.vstack([a, a]),
                xp.hstack([a, a]), xp.repeat(a, 2, axis=0), xp.tile(a, (2, 1)), xp.flip(a),
                xp.broadcast_to(a[0], (2, 3)), xp.where(xp.array([True, False, True]), a, 0),
                xp.concatenate([a, xp.arange(3)[None]]))  # noqa: E711
    both(f)


@pytest.mark.parametrize("dtype", ["i8", "f8", "?", "c16", "U3", "S2", "u1", "f2", "M8[D]",
                                   "m8[s]"])
def test_astype_to_object(dtype):
    def f(xp):
        a = xp.array([[1, 0], [3, 1]]).astype(dtype)
        return a.astype(object), xp.array(a, dtype=object), a[::-1].astype("O")
    both(f)


@pytest.mark.parametrize("dtype", ["i8", "f8", "?", "c16", "U", "f4", "u2"])
def test_astype_from_object(dtype):
    both(lambda xp: xp.array([1, 2.0, True, 3], dtype=object).astype(dtype))
    both(lambda xp: xp.array([[1, 0], [5, 7]], dtype=object).T.astype(dtype))


def test_astype_casting_rule():
    a = cnp.array([1, 2], dtype=object)
    with pytest.raises(TypeError, match="Cannot cast array data"):
        a.astype("i8", casting="safe")
    with pytest.raises(TypeError):
        np.array([1, 2], dtype=object).astype("i8", casting="safe")


def test_tolist_item():
    def f(xp):
        a = xp.array([[1, "a"], [None, [2]]], dtype=object)
        return a.tolist(), a.item(3), a[1, 1], a.T.tolist(), xp.array(7, dtype=object).item()
    c, n = f(cnp), f(np)
    assert c == n


# -- printing ------------------------------------------------------------------------------------
PRINTED = [
    [1, "a", None, 2.5], [[1, "abc"], [None, 2.5]], [], [1.5, "ab", [1, 2]], [[[1, 2]], [[3]]],
    [Thing(1), datetime.date(2020, 1, 2)], ["x" * 40, "y" * 40, 3], list(range(2000)),
    [[i * j for i in range(10)] for j in range(3)],
]


@pytest.mark.parametrize("obj", PRINTED, ids=lambda o: repr(o)[:30])
def test_repr_str(obj):
    c, n = cnp.array(obj, dtype=object), np.array(obj, dtype=object)
    assert repr(c) == repr(n)
    assert str(c) == str(n)


def test_repr_str_special_shapes():
    for f in (lambda xp: xp.empty((2, 0), dtype=object), lambda xp: xp.array(5, dtype=object),
              lambda xp: xp.array("s", dtype=object), lambda xp: xp.empty((2, 2), dtype=object)):
        assert repr(f(cnp)) == repr(f(np))
        assert str(f(cnp)) == str(f(np))


# -- ufuncs and reductions -----------------------------------------------------------------------
A = [1, 2.5, -3, fractions.Fraction(1, 2)]
B = [4, 1, 2, 3]


@pytest.mark.parametrize("name", ["add", "subtract", "multiply", "true_divide", "floor_divide",
                                  "power", "maximum", "minimum", "equal", "not_equal", "less",
                                  "less_equal", "greater", "greater_equal", "logical_and",
                                  "logical_or", "remainder"])
def test_binary_ufuncs(name):
    both(lambda xp: getattr(xp, name)(xp.array(A, dtype=object), xp.array(B, dtype=object)))
    both(lambda xp: getattr(xp, name)(xp.array(A, dtype=object), 2))
    both(lambda xp: getattr(xp, name)(xp.array(B), xp.array(A, dtype=object)[::-1]))


@pytest.mark.parametrize("name", ["negative", "positive", "absolute", "logical_not", "square",
                                  "sign"])
def test_unary_ufuncs(name):
    both(lambda xp: getattr(xp, name)(xp.array(A, dtype=object)))
    both(lambda xp: getattr(xp, name)(xp.array(-2, dtype=object)))


def test_operators():
    def f(xp):
        a = xp.array([1, "a", [2]], dtype=object)
        b = xp.array([2, "b", [3]], dtype=object)
        c = xp.array([[1], [2]], dtype=object)
        d = xp.array([Thing(1), Thing(2)])
        e = xp.array([1, 2, 3], dtype=object)
        e += 1
        return (a + b, a * 2, a == a, c + xp.array([1, 2]), -c, d + 1, d + d, e,
                xp.array([1, None]) == None, xp.array(3, dtype=object) + 1)  # noqa: E711
    both(f)


def test_logical_xor_calls_the_method_as_numpy():
    for xp in (np, cnp):
        with pytest.raises(AttributeError, match="no attribute 'logical_xor'"):
            xp.logical_xor(xp.array([1, 2], dtype=object), 1)


def test_math_method_loops():
    class HasSqrt:
        def sqrt(self):
            return "root"
    c = cnp.sqrt(cnp.array([HasSqrt()], dtype=object))
    assert c.dtype == object and c[0] == "root"
    for xp in (np, cnp):
        with pytest.raises(TypeError, match="has no callable sqrt method"):
            xp.sqrt(xp.array([4.0], dtype=object))


def test_out_and_where():
    def f(xp):
        a = xp.array([1, 2, 3], dtype=object)
        o = xp.array(["x", "y", "z"], dtype=object)
        xp.add(a, 10, out=o, where=xp.array([True, False, True]))
        f8 = xp.zeros(3)
        xp.multiply(a, 2, out=f8, casting="unsafe")
        return o, f8
    both(f)


@pytest.mark.parametrize("method", ["sum", "prod", "min", "max", "any", "all"])
def test_reductions(method):
    data = [[1, 2, 3], [4, 0, 6]]
    both(lambda xp: getattr(xp.array(data, dtype=object), method)())
    both(lambda xp: getattr(xp.array(data, dtype=object), method)(axis=0))
    both(lambda xp: getattr(xp.array(data, dtype=object), method)(axis=1, keepdims=True))
    both(lambda xp: getattr(xp, method if method not in ("min", "max") else "a" + method)(
        xp.array(data, dtype=object), axis=(0, 1)))


def test_reduction_edge_cases():
    both(lambda xp: xp.array([], dtype=object).sum())
    both(lambda xp: xp.array([], dtype=object).prod())
    both(lambda xp: xp.array([2, 3], dtype=object).any())
    both(lambda xp: xp.array([3, 0], dtype=object).all())
    both(lambda xp: xp.array(["a", "b", "c"], dtype=object).sum())
    both(lambda xp: xp.array([1, 2], dtype=object).sum(initial=10))
    both(lambda xp: xp.add.accumulate(xp.array([[1, 2], [3, 4]], dtype=object), axis=1))
    both(lambda xp: xp.add.reduce(xp.array([[1, 2], [3, 4]], dtype=object)))
    for xp in (np, cnp):
        with pytest.raises(ValueError, match="zero-size array to reduction operation maximum "
                                             "which has no identity"):
            xp.array([], dtype=object).max()


# -- pickling ------------------------------------------------------------------------------------
def test_pickle_roundtrip():
    a = cnp.array([1, "a", None, [2, 3], Thing(4)], dtype=object)
    for proto in range(2, pickle.HIGHEST_PROTOCOL + 1):
        b = pickle.loads(pickle.dumps(a, protocol=proto))
        assert b.dtype == object and b.tolist() == a.tolist()


# -- reference counts ----------------------------------------------------------------------------
def test_refcounts_back_to_start():
    x = Thing(1)
    start = sys.getrefcount(x)
    a = cnp.array([x, x, None], dtype=object)
    assert sys.getrefcount(x) == start + 2
    b = a.copy()
    v = a[::2]
    t = a.T.reshape(3, 1)
    c = cnp.concatenate([a, b])
    f = a[[0, 0, 0]]
    r = a.astype(object)
    assert sys.getrefcount(x) == start + 2 + 2 + 4 + 3 + 2     # views take none
    del a, b, v, t, c, f, r
    gc.collect()
    assert sys.getrefcount(x) == start


def test_overwritten_references_are_dropped():
    x, y = Thing(1), Thing(2)
    sx, sy = sys.getrefcount(x), sys.getrefcount(y)
    a = cnp.full(5, x, dtype=object)
    assert sys.getrefcount(x) == sx + 5
    a[1:3] = y
    a[0] = y
    assert sys.getrefcount(x) == sx + 2 and sys.getrefcount(y) == sy + 3
    a[...] = None
    assert sys.getrefcount(x) == sx and sys.getrefcount(y) == sy
    a.fill(x)
    del a
    assert sys.getrefcount(x) == sx


def test_array_is_the_only_owner():
    a = cnp.array([Thing(i) for i in range(100)], dtype=object)
    b = a[10:20].copy()
    del a
    gc.collect()
    assert b.tolist() == [Thing(i) for i in range(10, 20)]
    c = cnp.array([[Thing(1)], [Thing(2)]], dtype=object)
    c[0, 0] = c[1, 0]       # the only reference to Thing(1) goes
    assert repr(c) == "array([[Thing(2)],\n       [Thing(2)]], dtype=object)"


def test_ufunc_and_failed_calls_do_not_leak():
    x = Thing(1)
    start = sys.getrefcount(x)
    a = cnp.array([x, x], dtype=object)
    r = a + 1
    s = a.sum()
    with pytest.raises(TypeError):
        cnp.sqrt(a)
    with pytest.raises(TypeError):
        a.astype("f8")
    del a, r, s
    gc.collect()
    assert sys.getrefcount(x) == start


# -- what stays refused --------------------------------------------------------------------------
def test_refused_operations_raise_clearly():
    a = cnp.array([1.0, 2.0, None], dtype=object)
    for f in (lambda: cnp.linalg.inv(cnp.array([[1, 2], [3, 4]], dtype=object)),
              lambda: cnp.fft.fft(a), lambda: a.view("i8"), lambda: cnp.arange(3).view("O"),
              lambda: cnp.lib.stride_tricks.as_strided(a, (2,), (8,)),
              lambda: memoryview(a)):
        with pytest.raises((TypeError, ValueError, NotImplementedError, BufferError)):
            f()
    with pytest.raises(TypeError, match="Cannot change data-type for object array"):
        a.view("i8")


# -- frompyfunc (numpy/core/tests/test_umath.py, test_ufunc.py) ---------------------------------
def test_frompyfunc_attributes():
    def myfunc(x, y):
        return x + y
    for xp in (np, cnp):
        uf = xp.frompyfunc(myfunc, 2, 1)
        assert isinstance(uf, xp.ufunc)
        assert uf.__name__ == "myfunc (vectorized)"
        assert (uf.nin, uf.nout, uf.nargs, uf.ntypes, uf.types, uf.identity, uf.signature) == \
            (2, 1, 3, 1, ["OO->O"], None, None)
    assert cnp.frompyfunc(lambda x: x, 1, 3).types == np.frompyfunc(lambda x: x, 1, 3).types
    assert cnp.frompyfunc(myfunc, 2, 1, identity=0).identity == 0


def test_frompyfunc_calls():
    def f(xp):
        add = xp.frompyfunc(lambda x, y: (x, y), 2, 1)
        two = xp.frompyfunc(lambda x: (x, -x), 1, 2)
        return (xp.frompyfunc(lambda x, y: x * y, 2, 1)(xp.arange(3), [[1], [2]]),
                two(xp.array([1, 2])), xp.frompyfunc(str, 1, 1)(xp.arange(4.0)),
                xp.frompyfunc(lambda x: x + 1, 1, 1)(5), add(1, 2))
    both(f)


def test_frompyfunc_out_where_reduce_accumulate():
    def f(xp):
        uf = xp.frompyfunc(lambda x, y: x + y, 2, 1, identity=0)
        o = xp.array([None, None, None], dtype=object)
        uf([1, 2, 3], 1, out=o, where=[True, False, True])
        return (o, uf.reduce([1, 2, 3]), uf.reduce(xp.array([[1, 2], [3, 4]]), axis=1),
                uf.accumulate([1, 2, 3]), uf.reduce(xp.array([], dtype=object)),
                uf.outer([1, 2], [10, 20]))
    both(f)


def test_frompyfunc_errors():
    for xp in (np, cnp):
        uf = xp.frompyfunc(lambda x, y: x + y, 2, 1)
        with pytest.raises(ValueError, match="which has no identity"):
            uf.reduce(xp.array([], dtype=object))
        with pytest.raises(TypeError):
            xp.frompyfunc(1, 1, 1)


def test_frompyfunc_nonnumeric_objects():
    # test_umath: frompyfunc over lists of arbitrary objects
    both(lambda xp: xp.frompyfunc(lambda s: s.upper(), 1, 1)(xp.array(["ab", "cd"],
                                                                      dtype=object)))
    both(lambda xp: xp.frompyfunc(len, 1, 1)(xp.array([[1, 2], [3]], dtype=object)))


def test_vectorize_otypes_object():
    def f(xp):
        v = xp.vectorize(lambda x: [x] * x, otypes=[object])
        w = xp.vectorize(lambda x: None if x else Thing(0))
        return v(xp.arange(3)), w(xp.array([0, 1]))
    c, n = f(cnp), f(np)
    for x, y in zip(c, n):
        assert x.dtype == y.dtype == object and x.tolist() == y.tolist()


def test_sort_argsort():
    data = [[3, 1.5, -2, 7], [fractions.Fraction(1, 3), 0, 9, 2]]
    both(lambda xp: xp.sort(xp.array(data, dtype=object)))
    both(lambda xp: xp.sort(xp.array(data, dtype=object), axis=0))
    both(lambda xp: xp.sort(xp.array(data, dtype=object), axis=None))
    both(lambda xp: xp.argsort(xp.array(data, dtype=object)))
    both(lambda xp: xp.array(["b", "a", "c"], dtype=object).argsort())

    def in_place(xp):
        a = xp.array(["b", "a", "c"], dtype=object)
        a.sort()
        return a
    both(in_place)


def test_frompyfunc_identity_and_reorderable():
    # numpy/core/tests/test_umath.py: test_reduce_reorder / frompyfunc identities
    def mul(a, b):
        return a * b
    for xp in (np, cnp):
        f = xp.frompyfunc(mul, nin=2, nout=1, identity=1)
        assert f.reduce([2, 3, 4]) == 24
        assert f.reduce(xp.ones((2, 2)), axis=(0, 1)) == 1
        assert f.reduce([]) == 1
        f = xp.frompyfunc(mul, nin=2, nout=1, identity=None)
        assert f.reduce([2, 3, 4]) == 24 and f.identity is None
        assert f.reduce(xp.ones((2, 2)), axis=(0, 1)) == 1
        with pytest.raises(ValueError):
            f.reduce([])
        f = xp.frompyfunc(mul, nin=2, nout=1)
        assert f.reduce([2, 3, 4]) == 24
        with pytest.raises(ValueError, match="is not reorderable, so at most one axis"):
            f.reduce(xp.ones((2, 2)), axis=(0, 1))
        with pytest.raises(ValueError, match="which has no identity"):
            f.reduce([])


def test_arrays_inside_object_arrays():
    # numpy/core/tests/test_multiarray.py: object arrays holding arrays (ragged, None beside)
    def f(xp):
        return (xp.array([xp.array([1, 2]), None], dtype=object),
                xp.array([xp.arange(2), xp.arange(3)], dtype=object))
    for c, n in zip(f(cnp), f(np)):
        assert c.dtype == n.dtype and c.shape == n.shape
        assert repr(c) == repr(n)
        assert str(c) == str(n)
    c = cnp.empty(2, dtype=object)
    c[0] = cnp.arange(3)
    c[1] = cnp.arange(2)
    assert repr(c) == "array([array([0, 1, 2]), array([0, 1])], dtype=object)"


def test_object_array_from_numpy_objects():
    n = np.array([1, "a", None, [2]], dtype=object)
    c = cnp.asarray(n)
    assert c.dtype == object and c.tolist() == n.tolist()
    assert cnp.array(n, dtype=object).tolist() == n.tolist()
    back = np.asarray(c)
    assert back.dtype == object and back.tolist() == n.tolist()


def test_numeric_arrays_inside_give_python_values():
    for xp in (np, cnp):
        a = xp.array([xp.arange(2), xp.arange(2)], dtype=object)
        assert a.shape == (2, 2) and type(a[0, 0]) is int
        assert type(xp.arange(3).astype(object)[1]) is int
        assert type(xp.array([[1.5]]).astype(object)[0, 0]) is float
