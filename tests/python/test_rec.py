"""cnumpy.rec (numpy.core.records) against NumPy 1.24: recarray attribute access and result
types, NumPy's rec.array repr, record scalars, format_parser, fromarrays, fromrecords,
fromstring, fromfile, rec.array from every kind of input, and NumPy's errors. Cases ported
from numpy/core/tests/test_records.py where they fit."""
import io
import textwrap

import numpy as np
import pytest

import cnumpy as cnp
from rec_helpers import check, check_error, kind_of, same

PERSON = [("name", "U16"), ("age", "<i4"), ("salary", "<f8")]


def people(xp, n=5):
    """A recarray of n Person records, built from field arrays (the same on both sides)."""
    names = xp.array(["ann", "bob", "cy", "dora", "eve", "fred", "gus"][:n])
    return xp.rec.fromarrays([names, xp.arange(20, 20 + n, dtype="i4"),
                              xp.arange(n, dtype="f8") * 1000.5], dtype=PERSON)


# ---- format_parser ----------------------------------------------------------------------------
FORMATS = ["i4,f8", ["i4", "f8", "S3"], "f4", "3i2,f8", [("a", "i1"), ("b", "f4")], "u1,a1,f4",
           ["U4", "(2,3)f8"], "i8"]


@pytest.mark.parametrize("formats", FORMATS)
@pytest.mark.parametrize("names", [None, "x,y,z", ["p"], " a , b ", ("u", "v", "w")])
@pytest.mark.parametrize("aligned", [False, True])
def test_format_parser(formats, names, aligned):
    check(lambda xp: xp.format_parser(formats, names, None, aligned=aligned).dtype)


@pytest.mark.parametrize("byteorder", ["big", "little", ">", "<", "="])
def test_format_parser_byteorder(byteorder):
    check(lambda xp: xp.format_parser("i4,f8,(2,)u2", "a,b,c", None, byteorder=byteorder).dtype)


def test_format_parser_titles():
    check(lambda xp: xp.format_parser("i4,f8", "a,b", ["first", "second"]).dtype.fields)
    check(lambda xp: xp.format_parser("i4,f8", "a,b", ["first"]).dtype.descr)


@pytest.mark.parametrize("args", [(None, "a", None), ("i4,f8", "a,a", None),
                                  ("i4,f8", 5, None), ("i4,f8,i2", "x,f1,x", None)])
def test_format_parser_errors(args):
    check_error(lambda xp: xp.format_parser(*args))


# ---- recarray ---------------------------------------------------------------------------------
def test_recarray_repr():
    a = cnp.rec.array(cnp.zeros(2, [("foo", "<i4"), ("bar", "<f8")]))
    a["foo"] = [1, 2]
    a["bar"] = [0.1, 0.2]
    assert repr(a) == textwrap.dedent("""\
        rec.array([(1, 0.1), (2, 0.2)],
                  dtype=[('foo', '<i4'), ('bar', '<f8')])""")


@pytest.mark.parametrize("make", [
    lambda xp: people(xp),
    lambda xp: people(xp, 0),
    lambda xp: people(xp, 1),
    lambda xp: people(xp, 7).reshape(7, 1)[::2],
    lambda xp: xp.rec.array(xp.ones(4, dtype="f8")),
    lambda xp: xp.rec.array(xp.ones(3, dtype="i4")),
    lambda xp: xp.rec.array(xp.ones(3, dtype="i4,i4")),
    lambda xp: xp.rec.array(None, shape=(2, 0), formats="i4,f8"),
    lambda xp: xp.rec.fromarrays([xp.arange(1001), xp.arange(1001) / 3], names="a,b"),
    lambda xp: xp.rec.fromarrays([xp.arange(6).reshape(2, 3), xp.ones((2, 3), "f4")]),
    lambda xp: xp.rec.fromarrays([xp.zeros((3, 2)), xp.arange(3)], formats="2f8,i2"),
])
def test_repr_str(make):
    exp, got = make(np), make(cnp)
    assert repr(got) == repr(exp)
    assert str(got) == str(exp)
    same(got, exp)


def test_attribute_access_and_types():
    def f(xp):
        r = people(xp)
        return [r.age, r.name, r.salary, r[0], r[1:3], r[[0, 2]], r[r.age > 21], r[0].age,
                r[-1].name, r["age"], r[0]["salary"], r[1:3].name, r.field(1), r.field("name")]
    check(f)


def test_attribute_writes():
    def f(xp):
        r = people(xp)
        r.age = xp.arange(5, dtype="i4") * 2
        r[0].name = "zed"
        r[1]["salary"] = -1.5
        r.salary[2] = 7
        r.field(0, ["q"] * 5)
        r[3:].age = 99
        return r
    check(f)


def test_conflicting_field_names():
    # fields named like ndarray attributes: the attribute wins, setting it sets the field
    # where the attribute is read-only (numpy's test_recarray_conflict_fields)
    def f(xp):
        ra = xp.rec.fromrecords([(1, "abc", 2.3), (2, "xyz", 4.2), (3, "wrs", 1.3)],
                                names="field, shape, mean")
        ra.mean = [1.1, 2.2, 3.3]
        kinds = [callable(ra.mean), callable(ra.field)]
        ra.shape = (1, 3)
        ra.field = 5
        return ra, ra["mean"], ra["field"], ra.shape, kinds
    check(f)


@pytest.mark.parametrize("attr", ["nofield", "height", "_private"])
def test_missing_attribute(attr):
    check_error(lambda xp: getattr(people(xp), attr))
    check_error(lambda xp: getattr(people(xp)[0], attr))
    check_error(lambda xp: setattr(people(xp)[0], attr, 1))


def test_new_attribute_is_stored():
    def f(xp):
        r = people(xp)
        r.extra = 5
        return r.extra
    check(f)


def test_nested_fields_are_records():
    def f(xp):
        dt = [("foo", "S4"), ("bar", [("A", "i8"), ("B", "i8")]), ("baz", "i8")]
        a = xp.rec.fromarrays([xp.array([b"abc ", b"abc"]), xp.zeros(2, [("A", "i8"), ("B", "i8")]),
                               xp.array([1, 1])], dtype=dt)
        a.bar.A = [1, 2]
        a.bar.B = [1, 3]
        return [a.foo, a["foo"], a.bar, a["bar"], a.baz, a[0].bar, a[0]["bar"], a[0].bar.A,
                a[0].bar["A"], a[0]["bar"].A, a[0]["bar"]["B"], a.bar.B, a[1]]
    check(f)


@pytest.mark.parametrize("method", ["copy", "ravel", "flatten", "transpose", "squeeze", "T"])
def test_methods_keep_recarray(method):
    def f(xp):
        r = people(xp, 6).reshape(2, 3)
        m = getattr(r, method)
        return m() if callable(m) else m
    check(f)


def test_more_methods_keep_recarray():
    check(lambda xp: people(xp, 6).reshape(3, 2))
    check(lambda xp: people(xp).take([3, 1]))
    check(lambda xp: people(xp).repeat(2))
    check(lambda xp: people(xp).astype([("name", "U4"), ("age", "f8"), ("salary", "f4")]))
    check(lambda xp: people(xp).view(xp.ndarray))
    check(lambda xp: people(xp).view(xp.recarray))
    check(lambda xp: xp.zeros(3, "i4,f8").view(xp.recarray))


def test_views_share_memory():
    for xp in (np, cnp):
        base = xp.zeros(4, PERSON)
        r = base.view(xp.recarray)
        r.age = [1, 2, 3, 4]
        r[1].salary = 9.5
        v = r[::2]
        v.name = "x"
        assert base.tolist() == r.tolist()
    got = cnp.zeros(4, PERSON).view(cnp.recarray)
    got.age = [1, 2, 3, 4]
    assert got.age.tolist() == [1, 2, 3, 4]


def test_record_scalar():
    def f(xp):
        r = people(xp)
        rec = r[2]
        rec.age = 77
        return [rec, rec.age, rec.name, rec[1], rec["salary"], rec.item(), len(rec),
                rec.pprint(), r]
    check(f)


def test_record_bad_set():
    check_error(lambda xp: setattr(people(xp)[0], "dtype", 1))
    check_error(lambda xp: people(xp)[0]["height"])


def test_recarray_new():
    check(lambda xp: xp.recarray((2,), formats="i4,f8", names="a,b").dtype)
    check(lambda xp: xp.recarray((2, 3), dtype=PERSON).shape)
    check(lambda xp: xp.recarray(3, dtype="i4,i2",
                                 buf=bytearray(range(18))))
    check(lambda xp: xp.recarray(2, formats="i2,i2", names="p,q", buf=bytes(range(8)),
                                 byteorder="big"))
    check(lambda xp: xp.recarray(2, formats="i2", buf=bytes(range(8)), offset=2))
    check_error(lambda xp: xp.recarray(2))


# ---- constructors -----------------------------------------------------------------------------
FROMARRAYS = [
    lambda xp: xp.rec.fromarrays([xp.array([1, 2, 3, 4]), xp.array(["a", "dd", "xyz", "12"]),
                                  xp.array([1.1, 2, 3, 4])], names="a,b,c"),
    lambda xp: xp.rec.fromarrays([[1, 2], [1.5, 2.5]]),
    lambda xp: xp.rec.fromarrays([[1, 2], [3, 4]], formats="i1,u2", names=["p", "q"]),
    lambda xp: xp.rec.fromarrays([xp.arange(6).reshape(2, 3), xp.ones((2, 3))]),
    lambda xp: xp.rec.fromarrays([xp.arange(6.)[::-2], xp.arange(3, dtype="i2")]),
    lambda xp: xp.rec.fromarrays([xp.arange(3), xp.ones(3, dtype=[("a", "<u2"), ("b", "<f4")])]),
    lambda xp: xp.rec.fromarrays([xp.zeros((3, 2)), xp.arange(3)], formats="2f8,i2"),
    lambda xp: xp.rec.fromarrays([[1, 2]], dtype=[("x", "f4")]),
    lambda xp: xp.rec.fromarrays([xp.array(True), xp.array(2.5)]),
    lambda xp: xp.rec.fromarrays([[1, 2], [3, 4]], shape=2, names="a,b"),
    lambda xp: xp.rec.fromarrays([[1, 2], [3, 4]], formats="i4,f4", titles=["A", "B"]),
    lambda xp: xp.rec.fromarrays([[1, 2], [3, 4]], formats="i4,f4", byteorder=">"),
    lambda xp: xp.rec.fromarrays([xp.array([b"ab", b"c"]), [0, 1]], aligned=True),
]


@pytest.mark.parametrize("make", FROMARRAYS)
def test_fromarrays(make):
    check(make)


@pytest.mark.parametrize("make", [
    lambda xp: xp.rec.fromarrays([[1, 2], [3, 4, 5]]),
    lambda xp: xp.rec.fromarrays([[1, 2], [3, 4]], formats="i4"),
    lambda xp: xp.rec.fromarrays([[1, 2]], names="a,b", formats="i4,i4"),
    lambda xp: xp.rec.fromarrays([[1, 2], [3, 4]], shape=3),
    lambda xp: xp.rec.fromarrays([[1, 2], [3, 4]], names="a,a"),
    lambda xp: xp.rec.fromarrays([xp.zeros((3, 3)), xp.arange(3)], formats="2f8,i2"),
])
def test_fromarrays_errors(make):
    check_error(make)


def test_fromarrays_copies():
    for xp in (np, cnp):
        x1 = xp.array([1, 2, 3, 4])
        r = xp.rec.fromarrays([x1, xp.array(["a", "dd", "xyz", "12"])], names="a,b")
        x1[1] = 34
        assert r.a.tolist() == [1, 2, 3, 4]


FROMRECORDS = [
    lambda xp: xp.rec.fromrecords([(456, "dbe", 1.2), (2, "de", 1.3)], names="col1,col2,col3"),
    lambda xp: xp.rec.fromrecords([[456, "dbe", 1.2], [2, "de", 1.3]], names="col1,col2,col3"),
    lambda xp: xp.rec.fromrecords([], dtype=[("a", float), ("b", float)]),
    lambda xp: xp.rec.fromrecords([[(1, 2), (3, 4), (5, 6)], [(6, 5), (4, 3), (2, 1)]],
                                  dtype=[("a", int), ("b", int)]),
    lambda xp: xp.rec.fromrecords([[(1, 2), (3, 4), (5, 6)], [(6, 5), (4, 3), (2, 1)]],
                                  names=["a", "b"]),
    lambda xp: xp.rec.fromrecords([(1, 11, "a"), (2, 22, "b"), (3, 33, "c"), (5, 55, "ex")],
                                  formats="u1,f4,a1"),
    lambda xp: xp.rec.fromrecords([(1, 2.5), (3, 4)], dtype="i2,f4"),
    lambda xp: xp.rec.fromrecords([[1, 2], [3, 4]], dtype="i4,f8"),
    lambda xp: xp.rec.fromrecords([(1, True), (0, False)]),
    lambda xp: xp.rec.fromrecords([(1, 2), (3, 4)], dtype="i4,f8", shape=(2, 1)),
    lambda xp: xp.rec.fromrecords([(1, "x")], formats="i4,U3", names="n,s", titles=["N", "S"]),
    lambda xp: xp.rec.fromrecords([(1.5, 2)], names="a,b", aligned=True),
]


@pytest.mark.parametrize("make", FROMRECORDS)
def test_fromrecords(make):
    check(make)


@pytest.mark.parametrize("make", [
    lambda xp: xp.rec.fromrecords([(1, 2), (3,)], dtype="i4,f8"),
    lambda xp: xp.rec.fromrecords([(1, 2), (3,)]),
    lambda xp: xp.rec.fromrecords([(1, 2, 3)], dtype="i4,f8"),
    lambda xp: xp.rec.fromrecords([(1, 2)], names="a,a"),
])
def test_fromrecords_errors(make):
    check_error(make)


def test_fromrecords_list_of_lists_warns():
    def f(xp):
        with pytest.warns(FutureWarning, match="fromrecords expected a list of tuples"):
            return xp.rec.fromrecords([[1, "a"], [2, "b"]], dtype=[("n", "i4"), ("s", "U2")])
    check(f)


DATA = bytes(range(256)) * 4


@pytest.mark.parametrize("args, kw", [
    ((DATA,), {"formats": "i2,a3,i4", "shape": 3, "byteorder": "big"}),
    ((DATA,), {"formats": "i2,a3,i4", "shape": 3}),
    ((DATA,), {"dtype": "u1,u2", "offset": 3}),
    ((DATA[:12],), {"formats": "i4"}),
    ((DATA,), {"dtype": PERSON[1:], "shape": (2, 2)}),
    ((DATA,), {"formats": "f8", "shape": -1, "names": "v"}),
])
def test_fromstring(args, kw):
    check(lambda xp: xp.rec.fromstring(*args, **kw))


def test_fromstring_errors():
    check_error(lambda xp: xp.rec.fromstring(DATA))
    check_error(lambda xp: xp.rec.fromstring(DATA[:10], formats="i4,f8", shape=5))


def test_fromfile(tmp_path):
    path = tmp_path / "recs.bin"
    path.write_bytes(DATA[:240])

    def f(xp):
        with open(path, "rb") as fd:
            a = xp.rec.fromfile(fd, formats="f8,i4,a4", shape=15)
            b = xp.rec.fromfile(str(path), dtype="i4,i4", shape=(3, 2), offset=8)
            c = xp.rec.fromfile(io.BytesIO(DATA[:40]), formats="i4,i4")
        return [a, b, c]
    check(f)
    check_error(lambda xp: xp.rec.fromfile(io.BytesIO(DATA[:40]), formats="i4,i4", shape=9))
    check_error(lambda xp: xp.rec.fromfile(io.BytesIO(DATA[:40])))


ARRAY = [
    lambda xp: xp.rec.array(b"abcdefg" * 100, formats="i2,a3,i4", shape=3, byteorder="big"),
    lambda xp: xp.rec.array([(1, 11, "a"), (2, 22, "b"), (3, 33, "c"), (4, 44, "d"),
                             (5, 55, "ex"), (6, 66, "f"), (7, 77, "g")], formats="u1,f4,a1"),
    lambda xp: xp.rec.array([(1, 11, "a"), (2, 22, "b"), (3, 33, "c"), (4, 44, "d"),
                             (5, 55, "ex"), (6, 66, "f"), (7, 77, "g")],
                            formats="u1,f4,a1")[1::2][1],
    lambda xp: xp.rec.array([(1, "abc", 3.7000002861022949, 0), (2, "xy", 6.6999998092651367, 1),
                             (0, " ", 0.40000000596046448, 0)], names="c1, c2, c3, c4"),
    lambda xp: xp.rec.array([[1, 2, 3], [1.5, 2.5, 3.5]], names="a,b"),
    lambda xp: xp.rec.array([1, 2, 3]),
    lambda xp: xp.rec.array(None, shape=0, formats="i4"),
    lambda xp: xp.rec.array(people(xp)),
    lambda xp: xp.rec.array(people(xp), copy=False),
    lambda xp: xp.rec.array(people(xp), dtype=[("n", "U16"), ("a", "<i4"), ("s", "<f8")]),
    lambda xp: xp.rec.array(xp.arange(6.).reshape(3, 2), dtype=[("x", "f8"), ("y", "f8")]),
    lambda xp: xp.rec.array(xp.zeros(3, PERSON)),
    lambda xp: xp.rec.array(xp.arange(4, dtype="i4"), copy=False),
]


@pytest.mark.parametrize("make", ARRAY)
def test_array(make):
    check(make)


def test_array_copy_semantics():
    for xp in (np, cnp):
        base = xp.zeros(3, "i4,f8")
        shared = xp.rec.array(base, copy=False)
        copied = xp.rec.array(base)
        shared.f0 = [1, 2, 3]
        assert base["f0"].tolist() == [1, 2, 3]
        assert copied.f0.tolist() == [0, 0, 0]


@pytest.mark.parametrize("make", [
    lambda xp: xp.rec.array(None),
    lambda xp: xp.rec.array("abc"),
    lambda xp: xp.rec.array(None, formats="i4"),
    lambda xp: xp.rec.array(object()),
    lambda xp: xp.rec.array(io.BytesIO(b"")),
])
def test_array_errors(make):
    check_error(make)


def test_array_from_interface():
    class HasInterface:
        def __init__(self, a):
            self.__array_interface__ = a.__array_interface__
            self._keep = a
    check(lambda xp: xp.rec.array(HasInterface(np.arange(3, dtype="i4"))))


def test_shape_zero_is_deprecated():
    def f(xp):
        with pytest.warns(FutureWarning, match="Passing `shape=0`"):
            return xp.rec.fromarrays([[1, 2]], shape=0)
    check(f)


def test_find_duplicate():
    for lst in ([1, 2, 3, 4, 5], [1, 1, 2, 3, 3], [1] * 5, [2, 1, 2, 1, "a", "a"]):
        assert cnp.rec.find_duplicate(lst) == np.rec.find_duplicate(lst)


def test_kinds():
    assert kind_of(people(cnp), cnp) == kind_of(people(np), np) == "recarray"
    assert type(people(cnp)).__name__ == "recarray"
    assert type(people(cnp)[0]).__name__ == "record"


@pytest.mark.parametrize("protocol", [0, 2, 4, 5])
def test_pickle_keeps_recarray(protocol):
    import pickle
    check(lambda xp: pickle.loads(pickle.dumps(people(xp), protocol=protocol)))
    check(lambda xp: pickle.loads(pickle.dumps(people(xp, 6).reshape(2, 3).T,
                                               protocol=protocol)))


def test_copy_module():
    import copy
    check(lambda xp: copy.copy(people(xp)))
    check(lambda xp: copy.deepcopy(people(xp)))


# -- result types of recarrays (NumPy's __array_finalize__/__array_wrap__) ------------------------
@pytest.mark.parametrize("expr", [
    lambda xp, r: r == r, lambda xp, r: r != r, lambda xp, r: r == r[0], lambda xp, r: r[::-1] != r,
    lambda xp, r: r.age + 1, lambda xp, r: r["salary"] * 2, lambda xp, r: r[0], lambda xp, r: r[1:],
    lambda xp, r: r[[0, 2]], lambda xp, r: r[r.age > 30], lambda xp, r: xp.asarray(r),
    lambda xp, r: xp.asanyarray(r), lambda xp, r: xp.array(r), lambda xp, r: xp.array(r, copy=False),
    lambda xp, r: xp.array(r, subok=True), lambda xp, r: xp.array(r, subok=True, copy=False),
    lambda xp, r: xp.sort(r, order="age"), lambda xp, r: xp.unique(r), lambda xp, r: xp.copy(r),
    lambda xp, r: xp.asarray(r).base is not None, lambda xp, r: xp.asanyarray(r) is r,
    lambda xp, r: xp.array(r, subok=True, copy=False) is r,
    lambda xp, r: r.view(xp.ndarray), lambda xp, r: xp.asarray(r.reshape(5, 1)[::2]),
])
def test_recarray_result_types(expr):
    check(lambda xp: expr(xp, xp.rec.array(people(xp))))


def test_asarray_of_recarray_shares_memory():
    def run(xp):
        r = xp.rec.array(people(xp))
        v = xp.asarray(r)
        v["age"] = 7
        return r.age, type(v).__name__
    check(run)


@pytest.mark.parametrize("expr", [
    lambda x: x + 1, lambda x: 1 + x, lambda x: x == 1, lambda x: -x, lambda x: x * x,
    lambda x: x > 1, lambda x: abs(x), lambda x: x // 2,
])
def test_plain_recarray_operators_keep_the_type(expr):
    check(lambda xp: expr(xp.arange(4).view(xp.recarray)))
