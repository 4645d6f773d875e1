"""Structured arrays (issue 26, docs/records.md) against NumPy 1.24: creation from lists of
tuples (nested records, subarray fields, scalars to every field), element get/set, void and
record scalars, field views writing through, the multi-field index, layouts against
ctypes.Structure, comparisons, sorting by fields, .npy round trips both ways and bad input."""
import ctypes
import io
import warnings

import numpy as np
import pytest

import cnumpy as cnp

PERSON = [("name", "U16"), ("age", "<i4"), ("salary", "<f8")]
PEOPLE = [("ann", 31, 5200.5), ("bob", 25, 4100.0), ("cy", 31, 3900.25), ("dee", 47, -0.0)]
NESTED = [("id", "<i2"), ("pos", [("x", "<f4"), ("y", "<f4")]), ("tag", "S3")]
SUBARR = [("a", "<i4"), ("v", "<f8", (3,)), ("m", "u1", (2, 2))]
SPELLINGS = [
    PERSON,
    [("a", "i1"), ("b", "f8")],
    "i4, f8, S3",
    [("a", ">i4"), ("b", "<f8")],
    {"names": ["x", "y"], "formats": ["i1", "f8"], "offsets": [0, 8], "itemsize": 24},
    {"names": ["x", "y"], "formats": ["i1", "f8"], "titles": ["X", None]},
    {"a": ("i4", 0), "b": ("f8", 8)},
    NESTED,
    SUBARR,
    [("b", "?"), ("c", "c8"), ("h", "f2"), ("u", "u2")],
]


def plain(v):
    """Python values with arrays (NumPy's tolist keeps a subarray field as an array) as lists."""
    if isinstance(v, (np.ndarray, cnp.ndarray)):
        return ("ndarray", v.tolist())
    if isinstance(v, (list, tuple)):
        return type(v)(plain(x) for x in v)
    return v


def outcome(fn, xp):
    """(kind, value) of fn(xp): the result's repr, dtype and Python value, or the exception's
    class name and message."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            r = fn(xp)
    except Exception as e:       # compared class and message
        return ("raise", type(e).__name__, str(e))
    if isinstance(r, (np.ndarray, cnp.ndarray)):
        return ("array", repr(r), str(r), r.dtype.str, r.shape, repr(plain(r.tolist())))
    if isinstance(r, (np.void, cnp.void)):
        return ("void", repr(r), str(r), str(r.dtype), repr(plain(r.item())))
    if isinstance(r, (np.dtype, cnp.dtype)):
        return ("dtype", repr(r))
    return ("value", repr(r))


def same(fn):
    """fn run with NumPy and with cnumpy gives the same outcome."""
    expected = outcome(fn, np)
    got = outcome(fn, cnp)
    assert got == expected


def people(xp, dt=PERSON):
    return xp.array(PEOPLE, dtype=dt)


# -- creation ------------------------------------------------------------------------------------
@pytest.mark.parametrize("spec", SPELLINGS, ids=str)
def test_zeros_and_repr_every_spelling(spec):
    same(lambda xp: xp.zeros(3, xp.dtype(spec)))
    same(lambda xp: xp.zeros((2, 0), xp.dtype(spec)))
    same(lambda xp: xp.dtype(spec).descr)


@pytest.mark.parametrize("value", [
    PEOPLE, [PEOPLE], PEOPLE[0], [], [[], []], [PEOPLE[:2], PEOPLE[2:]],
    [1, 2], [[1, 2], [3, 4]], 7, [("x", 1, 2.0), 5],
    [("x", 1)], [("x", 1, 2, 4)], [["x", 1, 2.0]], [("1", 2, 3)],
], ids=repr)
def test_array_from_tuples(value):
    same(lambda xp: xp.array(value, dtype=PERSON))


@pytest.mark.parametrize("dt,value", [
    (NESTED, [(1, (1.5, 2.5), b"ab"), (-2, (0.0, -1.0), b"xyz")]),
    (NESTED, [(1, 3, b"ab")]),
    (SUBARR, [(1, [1, 2, 3], [[1, 2], [3, 4]]), (2, 5, 7)]),
    (SUBARR, [(1, (1, 2, 3), 0)]),
    (SUBARR, [(1, [1, 2], 0)]),
    ([("p", [("a", "i4"), ("b", [("c", "f8")])])], [(((1, (2.5,)),),)]),
    ([("a", "M8[D]"), ("b", "m8[s]")], [("2020-01-01", 5)]),
    ([("a", "S3"), ("b", "?"), ("c", "c16")], [(b"x", True, 1 + 2j)]),
    ({"names": ["x", "y"], "formats": ["i1", "f8"], "offsets": [0, 8], "itemsize": 24},
     [(1, 2.0), (3, 4.0)]),
])
def test_array_nested_and_subarray(dt, value):
    same(lambda xp: xp.array(value, dtype=dt))
    same(lambda xp: xp.array(value, dtype=dt)[0])


def test_array_of_void_scalars():
    same(lambda xp: xp.array([people(xp)[1], people(xp)[0]]))
    same(lambda xp: xp.array(people(xp)[2]))
    same(lambda xp: xp.array([people(xp)[1], (1, 2, 3)]))
    same(lambda xp: xp.asarray(PEOPLE, dtype=PERSON))


# -- element access ------------------------------------------------------------------------------
@pytest.mark.parametrize("expr", [
    lambda a: a[0], lambda a: a[-1], lambda a: a[0]["age"], lambda a: a[0][2], lambda a: a[0][-1],
    lambda a: a[0]["height"], lambda a: a[0][5], lambda a: a[0].item(), lambda a: a[0].tolist(),
    lambda a: str(a[0]), lambda a: len(a[0]), lambda a: a[0].dtype, lambda a: a[1:3],
    lambda a: a[[3, 0]], lambda a: a[a["age"] > 30], lambda a: a["age"], lambda a: a["salary"][1:],
    lambda a: a["height"], lambda a: a.tolist(), lambda a: str(a), lambda a: a[::-2],
    lambda a: a.reshape(2, 2), lambda a: a.reshape(2, 2)[1, 0], lambda a: a[0] == a[2],
    lambda a: a[0] == a[0], lambda a: a[0][["age", "name"]], lambda a: a[0].shape,
])
def test_element_access(expr):
    same(lambda xp: expr(people(xp)))


def test_field_view_is_zero_copy():
    a = cnp.array(PEOPLE, dtype=PERSON)
    f = a["age"]
    n = np.array(PEOPLE, dtype=PERSON)["age"]
    assert f.strides == n.strides and f.dtype == cnp.dtype("<i4")
    assert f.__array_interface__["data"][0] - a.__array_interface__["data"][0] == 64
    f[1] = 99
    a["salary"][2] = 1.25
    assert a[1]["age"] == 99 and a.tolist()[2][2] == 1.25
    v = a[3]
    v["name"] = "zed"
    v[1] = 5
    assert a[3].item() == ("zed", 5, -0.0)


@pytest.mark.parametrize("assign", [
    lambda a: a.__setitem__(0, ("y", 2, 3.0)),
    lambda a: a.__setitem__(0, ("y", 2)),
    lambda a: a.__setitem__(0, ("y", 2, 3, 4)),
    lambda a: a.__setitem__(0, ["y", 2, 3]),
    lambda a: a.__setitem__(0, [("y", 2, 3)]),
    lambda a: a.__setitem__(0, 5),
    lambda a: a.__setitem__("age", 5),
    lambda a: a.__setitem__("age", [1, 2, 3, 4]),
    lambda a: a.__setitem__(slice(1, None), a[0]),
    lambda a: a.__setitem__(slice(0, 2), [("p", 1, 1.5), ("q", 2, 2.5)]),
    lambda a: a.__setitem__(["age", "salary"], (3, 4.0)),
    lambda a: a.__setitem__(["salary", "age"], [(1.5, 2), (3.5, 4), (5.5, 6), (7.5, 8)]),
    lambda a: a.__setitem__([True, False, True, False], ("m", 9, 9.5)),
    lambda a: a.__setitem__([3, 1], [("m", 9, 9.5), ("n", 8, 8.5)]),
    lambda a: a.__setitem__(Ellipsis, ("all", 1, 1.0)),
    lambda a: a[2].__setitem__("age", 77),
    lambda a: a.__setitem__("height", 1),
])
def test_element_assignment(assign):
    def run(xp):
        a = people(xp)
        assign(a)
        return a
    same(run)


# -- multi-field index -----------------------------------------------------------------------
@pytest.mark.parametrize("names", [
    ["name", "salary"], ["salary", "name"], ["age"], ["age", "age"], ["height"],
    ["salary", "age", "name"],
], ids=str)
def test_multi_field_index(names):
    same(lambda xp: people(xp)[names])
    same(lambda xp: people(xp)[names].dtype)
    same(lambda xp: people(xp)[names][1])
    same(lambda xp: people(xp)[1][names])


def test_multi_field_view_writes_through():
    def run(xp):
        a = people(xp)
        v = a[["salary", "age"]]
        v[1] = (1.0, 2)
        v[2:] = xp.zeros(2, v.dtype)
        return a
    same(run)


def test_multi_field_titles():
    dt = {"names": ["x", "y"], "formats": ["i1", "f8"], "titles": ["X", None]}
    same(lambda xp: xp.zeros(2, dt)[["y", "x"]].dtype)
    same(lambda xp: xp.array([(1, 2.0)], dt)[["x"]])


# -- scalars -----------------------------------------------------------------------------------
@pytest.mark.parametrize("args", [
    (b"abc",), (3,), (0,), (b"ab", "V3"), (b"abcd", "V2"), ((1, 2.5), [("a", "i4"), ("b", "f8")]),
    (-1,), ("x",),
], ids=repr)
def test_void_constructor(args):
    same(lambda xp: xp.void(*args))
    same(lambda xp: str(xp.void(*args)))


def test_record_scalar_attributes():
    a = cnp.array(PEOPLE, dtype=PERSON)
    r = cnp.record._at(a, (1,))
    assert isinstance(r, cnp.void)
    assert r.age == 25 and r.name == "bob" and repr(r) == "('bob', 25, 4100.)"
    r.age = 26
    assert a[1]["age"] == 26
    with pytest.raises(AttributeError):
        r.height
    nested = cnp.record._at(cnp.array([(1, (1.5, 2.5), b"ab")], NESTED), (0,))
    assert type(nested.pos) is cnp.record and nested.pos.y == 2.5


# -- layouts against the C compiler --------------------------------------------------------------
_CT = {"i1": ctypes.c_int8, "u1": ctypes.c_uint8, "i2": ctypes.c_int16, "i4": ctypes.c_int32,
       "i8": ctypes.c_int64, "f4": ctypes.c_float, "f8": ctypes.c_double, "u2": ctypes.c_uint16}


@pytest.mark.parametrize("members", [
    ["i1", "f8"], ["i1", "i4", "i2"], ["f8", "i1"], ["i2", "i1", "i8", "u1"], ["f4", "f8", "i1"],
    ["u1", "u1", "u2", "f4"], ["i1"], ["i8", "i4"],
], ids=str)
@pytest.mark.filterwarnings("ignore:A builtin ctypes object")
def test_aligned_layout_matches_ctypes(members):
    class S(ctypes.Structure):
        _fields_ = [("f%d" % i, _CT[m]) for i, m in enumerate(members)]
    d = cnp.dtype([("f%d" % i, m) for i, m in enumerate(members)], align=True)
    assert d.itemsize == ctypes.sizeof(S)
    assert [d.fields["f%d" % i][1] for i in range(len(members))] == \
        [getattr(S, "f%d" % i).offset for i in range(len(members))]
    assert d == np.dtype([("f%d" % i, m) for i, m in enumerate(members)], align=True)
    # a ctypes array of structs read zero-copy through the buffer protocol
    arr = (S * 3)()
    arr[1].f0 = 7
    view = cnp.asarray(np.ctypeslib.as_array(arr)).view(d)
    assert view["f0"][1] == 7


# -- casts ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("to", [
    [("n", "U16"), ("a", "i8"), ("s", "f4")], [("name", "U4"), ("age", "f8"), ("salary", "i4")],
    [("a", "i4"), ("b", "f8")], "i4", [("x", "i4")],
], ids=str)
def test_astype_between_records(to):
    same(lambda xp: people(xp).astype(to))


# -- printing ------------------------------------------------------------------------------------
@pytest.mark.parametrize("dt,value", [
    (PERSON, PEOPLE), (NESTED, [(1, (1.5, 2.5), b"ab")]),
    (SUBARR, [(1, [1, 2, 3], [[1, 2], [3, 4]])]), ([("a", "f8")], [(1e300,), (1e-300,)]),
])
def test_printing(dt, value):
    same(lambda xp: repr(xp.array(value * 3, dt)))
    same(lambda xp: str(xp.array(value, dt).reshape(-1, 1)))
    same(lambda xp: repr(xp.array(value, dt)[0]))


# -- comparisons -------------------------------------------------------------------------------
MANY = PEOPLE + [("ann", 31, 100.0), ("", 25, float("nan")), ("bob", 25, 4100.0), ("dee", 47, 0.0)]
SUB_VALUES = [(1, [3, 1]), (1, [2, 9]), (0, [5, 5]), (1, [3, 1])]
SUB_DT = [("k", "i1"), ("v", "f4", (2,))]
NEST_VALUES = [((1, 2.0), 3), ((1, 1.0), 4), ((0, 9.0), 1), ((1, 2.0), 3)]
NEST_DT = [("p", [("a", "i4"), ("b", "f8")]), ("c", "i2")]


@pytest.mark.parametrize("expr", [
    lambda xp, a: a == a, lambda xp, a: a != a, lambda xp, a: a == a[::-1],
    lambda xp, a: a == a[0], lambda xp, a: a[1] == a[6], lambda xp, a: a[5] != a[5],
    lambda xp, a: a.reshape(2, 4) == a[:4], lambda xp, a: a == ("x", 1, 2.0),
    lambda xp, a: a == 1, lambda xp, a: 1 == a,
    lambda xp, a: a == a.astype([("name", "U4"), ("age", "i8"), ("salary", "f4")]),
    lambda xp, a: a == a.astype([("n", "U16"), ("age", "i4"), ("salary", "f8")]),
    lambda xp, a: a == xp.array([(1, 2)], [("a", "i4"), ("b", "f8")]),
    lambda xp, a: xp.arange(8) == a,
])
def test_compare(expr):
    same(lambda xp: expr(xp, xp.array(MANY, PERSON)))


@pytest.mark.parametrize("dt,values", [(SUB_DT, SUB_VALUES), (NEST_DT, NEST_VALUES)])
def test_compare_nested_and_subarray(dt, values):
    same(lambda xp: xp.array(values, dt) == xp.array(values, dt)[::-1])
    same(lambda xp: xp.array(values, dt) != xp.array(values, dt)[::-1])
    same(lambda xp: xp.array(values, dt)[0] == xp.array(values, dt)[3])


# -- sorting by fields ---------------------------------------------------------------------------
@pytest.mark.parametrize("order", [None, "age", "name", "salary", ["age", "salary"],
                                   ["salary", "age"], ("name",), "height", ["age", 3]], ids=str)
def test_sort_order(order):
    same(lambda xp: xp.sort(xp.array(MANY, PERSON), order=order))
    same(lambda xp: xp.argsort(xp.array(MANY, PERSON), order=order, kind="stable"))


@pytest.mark.parametrize("axis", [0, 1, -1, None])
def test_sort_records_2d(axis):
    same(lambda xp: xp.sort(xp.array(MANY, PERSON).reshape(2, 4), axis=axis, order="salary"))
    same(lambda xp: xp.argsort(xp.array(MANY, PERSON).reshape(4, 2).T, axis=axis, kind="stable"))


def test_sort_method_in_place_and_nested():
    def run(xp):
        a = xp.array(MANY, PERSON)
        a.sort(order=["age"])
        return a
    same(run)
    for dt, values in [(SUB_DT, SUB_VALUES), (NEST_DT, NEST_VALUES)]:
        for order in (None, dt[1][0]):
            same(lambda xp: xp.sort(xp.array(values, dt), order=order))
    same(lambda xp: xp.sort(xp.arange(3), order="x"))
    for kind in ("bogus", "", 3, "mergesort"):
        same(lambda xp: xp.sort(xp.array(MANY, PERSON), kind=kind))
    same(lambda xp: xp.lexsort((xp.array(MANY, PERSON)["salary"], xp.array(MANY, PERSON)["age"])))


# -- sorting: NumPy's per-field compare, through the library's record sort method --------------
FIELD_VALUES = {
    "f2": [float("nan"), -0.0, 0.0, 1.0, -1.0, float("inf"), -float("inf")],
    "f4": [float("nan"), -0.0, 0.0, 1.0, -1.0, float("inf"), -float("inf")],
    "f8": [float("nan"), -0.0, 0.0, 1.0, -1.0, float("inf"), -float("inf")],
    "c8": [complex(float("nan"), 0), complex(0, float("nan")), complex(float("nan"), float("nan")),
           1 + 1j, 1 - 1j, -0.0 + 0j, 2j],
    "c16": [complex(float("nan"), 1), complex(1, float("nan")), 1 + 1j, 1 - 1j, 0j, -2j],
    "i1": [-128, 127, 0, -1, 1], "u2": [0, 65535, 1, 256], "i8": [-2**63, 2**63 - 1, 0, -1],
    "u8": [0, 2**64 - 1, 5], "i4": [-2**31, 7, 0, -1, 256], "?": [True, False],
    "S3": [b"", b"a", b"a\x00b", b"ab", b"\xff"], "U3": ["", "a", "ab", "\u1234", "z\u0100", "\U0001F600"],
    "M8[D]": ["NaT", "2000-01-01", "1969-12-31"], "m8[s]": ["NaT", 5, -5],
    "V2": [b"ab", b"\x00\xff", b"\xff\x00"],
}


def _field_records(xp, kind, byteorder, n=24):
    code = kind if kind[0] in "?SUVi" and kind in ("?", "S3", "U3", "V2", "i1") else byteorder + kind
    dt = xp.dtype([("x", code), ("y", byteorder + "i2")])
    vals = FIELD_VALUES[kind]
    xs = np.array(vals, dtype=np.dtype(code))
    picks = [(i * 7 + i // 3) % len(vals) for i in range(n)]
    buf = np.zeros(n, np.dtype([("x", code), ("y", byteorder + "i2")]))
    buf["x"] = xs[picks]
    buf["y"] = [(i * 5) % 3 for i in range(n)]
    return xp.frombuffer(buf.tobytes(), dt).copy()


@pytest.mark.parametrize("byteorder", ["<", ">"])
@pytest.mark.parametrize("kind", sorted(FIELD_VALUES))
def test_sort_every_field_kind(kind, byteorder):
    # float16 NaNs sort first in a record, other floats' last; V by bytes (NumPy's compares)
    for order in (None, "y"):
        same(lambda xp: xp.sort(_field_records(xp, kind, byteorder), order=order, kind="stable"))
        same(lambda xp: xp.argsort(_field_records(xp, kind, byteorder), order=order, kind="stable"))
    same(lambda xp: xp.argsort(_field_records(xp, kind, byteorder)[::-3], kind="stable"))
    same(lambda xp: xp.argsort(_field_records(xp, kind, byteorder).reshape(4, 6), axis=0, kind="stable"))
    same(lambda xp: xp.unique(_field_records(xp, kind, byteorder), return_index=True,
                              return_inverse=True, return_counts=True))


SORT_DTYPES = [
    [("p", [("a", "<i4"), ("b", ">f8")]), ("c", "i2")],
    [("k", "i1"), ("v", "<i4", (2,))],                    # subarray: raw bytes, 256 before 1
    [("k", "i1"), ("v", "<f8", (2, 2))],
    [("k", "i1"), ("v", [("q", "i2"), ("r", "S2")], (2,))],
    {"names": ["x", "y"], "formats": ["i1", "f8"], "titles": ["X", None]},
    {"names": ["x", "y"], "formats": ["i1", "f8"], "offsets": [8, 0], "itemsize": 24},
    [("e", "V3"), ("f", "U2"), ("g", "S4")],
    [],
]


def _raw_records(xp, spec, n=30):
    dt = np.dtype(spec)
    raw = bytes((i * 37 + i // 7) % 3 for i in range(n * dt.itemsize))
    a = np.frombuffer(raw, dt).copy()
    for name in dt.names:
        if dt[name].kind == "U":
            a[name] = [["", "a", "ab", "b"][i % 4] for i in range(n)]
    return xp.frombuffer(a.tobytes(), xp.dtype(spec)).copy()


@pytest.mark.parametrize("spec", SORT_DTYPES, ids=str)
def test_sort_layouts(spec):
    names = np.dtype(spec).names
    for order in [None] + [[n] for n in names] + ([list(names[::-1])] if names else []):
        same(lambda xp: xp.sort(_raw_records(xp, spec), order=order, kind="stable"))
        same(lambda xp: xp.argsort(_raw_records(xp, spec), order=order, kind="stable"))
    same(lambda xp: xp.argsort(_raw_records(xp, spec)[::-2], kind="stable"))
    same(lambda xp: xp.sort(_raw_records(xp, spec).reshape(5, 6), axis=None))
    same(lambda xp: xp.sort(_raw_records(xp, spec)[:0]))
    same(lambda xp: xp.argsort(_raw_records(xp, spec)[:1], kind="stable"))


def test_sort_in_place_non_contiguous_and_aligned():
    dt = np.dtype([("a", "i1"), ("b", "f8")], align=True)

    def run(xp):
        a = xp.zeros((4, 6), xp.dtype(dt) if xp is cnp else dt)
        a["a"] = [[(i * 5 + j * 3) % 4 for j in range(6)] for i in range(4)]
        a["b"] = [[(i * 7 + j) % 5 - 2.5 for j in range(6)] for i in range(4)]
        v = a[::-1, 1::2]
        v.sort(axis=0, order="b")
        v.sort(axis=1, kind="stable")
        a[0].partition(2, order=["b", "a"])
        return a
    same(run)
    same(lambda xp: xp.sort(xp.zeros((), PERSON)))
    same(lambda xp: xp.argsort(xp.zeros((), PERSON)))


@pytest.mark.parametrize("order", [[], (), ["age", "age"], ["age", "name", "age"], ["nope", "age"],
                                   ["age", 3], [3], {"age": 1}, 3, ["age", ["x"]], "X"], ids=str)
def test_sort_order_errors(order):
    for fn in ("sort", "argsort"):
        same(lambda xp: getattr(xp, fn)(xp.array(MANY, PERSON), order=order))
    same(lambda xp: xp.partition(xp.array(MANY, PERSON), 2, order=order))
    same(lambda xp: xp.sort(xp.arange(3), order=order))
    same(lambda xp: xp.sort(xp.array(MANY, PERSON), kind="bogus", order=order))
    same(lambda xp: xp.sort(xp.arange(3), kind="bogus", order=order))


def test_sort_records_other_functions():
    same(lambda xp: xp.lexsort((xp.array(MANY, PERSON), xp.array(MANY, PERSON)["age"])))
    same(lambda xp: xp.searchsorted(xp.sort(xp.array(MANY, PERSON)), xp.array(MANY, PERSON)))
    same(lambda xp: xp.isin(xp.array(MANY, PERSON), xp.array(MANY, PERSON)[:4]))
    same(lambda xp: xp.unique(xp.array(MANY, PERSON), return_counts=True))
    same(lambda xp: xp.argmax(xp.array(MANY, PERSON)))
    same(lambda xp: xp.array(MANY, PERSON).argmin())
    same(lambda xp: xp.sort(xp.array([b"b\x00", b"a\x01", b"a\x00"], "V2")))
    same(lambda xp: type(xp.sort(xp.rec.array(xp.array(MANY, PERSON)), order="age")).__name__)


# -- full / full_like / fill / a[...] = with tuples (NumPy 1.24: full converts the fill value with
# np.array first, so a tuple is an array of its items, broadcast into the shape) ---------------
@pytest.mark.parametrize("shape,value", [
    (2, ("x", 1, 2.5)), ((2, 2), ("x", 1, 2.5)), (2, ("x", 1)), (2, ("x", 1, 2.5, 4)),
    (2, [("x", 1, 2.5)]), (2, [("x", 1, 2.5), ("y", 2, 3.5)]), (3, ("1", "2", "3")),
    (3, (1, "x", 2.0)), (3, (1, 2, 3.5)), ((), ("x", 1, 2.5)), (0, ("x", 1, 2.5)), (2, 5),
    ((1, 3), (1, 2, 3.5)), (2, [[("x", 1, 2.5)]]),
], ids=str)
def test_full_with_tuples(shape, value):
    same(lambda xp: xp.full(shape, value, PERSON))
    same(lambda xp: xp.full_like(xp.zeros(shape, PERSON), value))
    same(lambda xp: xp.full(shape, value, "i4,i4,f8"))


@pytest.mark.parametrize("value", [("x", 1, 2.5), ("x", 1), ("x", "bad", 2.5), 7, "abc",
                                   [("a", 1, 1.0), ("b", 2, 2.0)], ("x", 1, 2.5, 4), [1, 2, 3],
                                   (("a", 1, 1.0),)], ids=str)
def test_fill_and_ellipsis_assignment_with_tuples(value):
    def fill(xp):
        a = xp.array(PEOPLE[:2], PERSON)
        try:
            a.fill(value)
        except (ValueError, TypeError) as e:
            return type(e).__name__, str(e), a.tolist()      # nothing written on failure
        return a

    def ellipsis(xp):
        a = xp.array(PEOPLE[:2], PERSON)[::-1]
        a[...] = value
        return a
    same(fill)
    same(ellipsis)
    same(lambda xp: xp.zeros(2, PERSON).fill(xp.arange(2)))
    same(lambda xp: xp.full(2, xp.array(value, PERSON) if isinstance(value, tuple) and
                            len(value) == 3 and value[1] != "bad" else 0, PERSON))


# -- .npy / .npz ---------------------------------------------------------------------------------
NPY_DTYPES = [
    PERSON, NESTED, SUBARR, [("a", ">i4"), ("b", "<f8")], [("", "i4"), ("", "f8")],
    np.dtype([("a", "i1"), ("b", "f8")], align=True),
    {"names": ["x", "y"], "formats": ["i1", "f8"], "offsets": [0, 8], "itemsize": 24},
    {"names": ["x", "y"], "formats": ["i1", "f8"], "titles": ["X", None]},
]


def _filled_numpy(dt):
    a = np.zeros(5, dt)
    a.view("u1")[:] = np.arange(a.nbytes) % 7       # every byte set, padding included
    if "name" in (a.dtype.names or ()):
        a["name"] = ["ann", "bob", "", "dee", "eve"]
    return a


@pytest.mark.parametrize("dt", NPY_DTYPES, ids=str)
def test_npy_both_ways(dt, tmp_path):
    a = _filled_numpy(dt)
    theirs, ours = tmp_path / "numpy.npy", tmp_path / "cnumpy.npy"
    np.save(theirs, a)
    got = cnp.load(theirs)
    expected = np.load(theirs)
    assert repr(got.dtype) == repr(expected.dtype)
    assert got.tobytes() == expected.tobytes()
    cnp.save(ours, cnp.asarray(a))
    assert ours.read_bytes() == theirs.read_bytes()         # byte-compatible files
    back = np.load(ours)
    assert back.dtype == expected.dtype and back.tobytes() == expected.tobytes()


def test_npz_both_ways(tmp_path):
    a = _filled_numpy(PERSON)
    np.savez(tmp_path / "n.npz", people=a, nested=_filled_numpy(NESTED))
    with cnp.load(tmp_path / "n.npz") as z:
        assert z["people"].tolist() == a.tolist()
        assert z["nested"].tobytes() == _filled_numpy(NESTED).tobytes()
    cnp.savez_compressed(tmp_path / "c.npz", people=cnp.asarray(a))
    with np.load(tmp_path / "c.npz") as z:
        assert z["people"].dtype == a.dtype and z["people"].tobytes() == a.tobytes()
    buf = io.BytesIO()
    cnp.save(buf, cnp.asarray(a))
    buf.seek(0)
    assert np.load(buf).tolist() == a.tolist()


# -- bad input -----------------------------------------------------------------------------------
@pytest.mark.parametrize("spec", [
    {"names": ["a", "b"], "formats": ["i4", "i4"], "offsets": [0, -2]},
    {"names": ["a", "b"], "formats": ["i4", "i4"], "offsets": [0, 2], "itemsize": 4},
    {"names": ["a", "b"], "formats": ["i4", "i4"], "offsets": [0, 1], "aligned": True},
    {"names": ["a", "b"], "formats": ["i4"]},
    {"names": ["a", "b"], "formats": ["i4", "i4"], "offsets": [0]},
    {"names": ["a", "a"], "formats": ["i4", "i4"]},
    {"names": ["a", "b"], "formats": ["i4", "i4"], "titles": ["b", None]},
    [("a", "i4"), ("a", "f8")],
    {"names": ["a", "b"], "formats": ["i4", "i4"], "offsets": [0, 2]},   # overlapping: allowed
], ids=str)
def test_bad_layouts(spec):
    same(lambda xp: xp.dtype(spec))


@pytest.mark.parametrize("expr", [
    lambda xp: xp.zeros(1, [("a", "i4")]).astype([("a", "i4"), ("b", "i4")]),
    lambda xp: xp.zeros(1, [("a", "i4"), ("b", "i4")]).astype("i4"),
    lambda xp: xp.array([(1, "x")], [("a", "i4"), ("b", "U2")]).astype([("a", "i4"), ("b", "i4")]),
    lambda xp: xp.zeros(2, "i4").astype([("a", "i4"), ("b", "f8")]),
    lambda xp: xp.zeros(2, [("a", "i4"), ("b", "i4")]).view("i8"),
    lambda xp: xp.zeros(2, [("a", "i4"), ("b", "i4")]).view([("x", "f8")]),
    lambda xp: xp.can_cast(xp.dtype([("a", "i4")]), xp.dtype([("b", "i8")])),
    lambda xp: xp.result_type(xp.dtype([("a", "i4")]), xp.dtype([("a", "i8")])),
    lambda xp: xp.array([("q", 2)], [("a", "i4"), ("b", "f8")]),
    lambda xp: xp.array([(None, 2)], [("a", "i4"), ("b", "f8")]),
    lambda xp: xp.array(((1, 2), (3, 4)), [("a", "i4"), ("b", "f8")]),
    lambda xp: xp.array([((1, 2), [1, 2])], [("p", [("x", "i4"), ("y", "i4")]), ("v", "f4", (3,))]),
    lambda xp: xp.zeros(3, PERSON)[["name", 1]],
    lambda xp: xp.zeros(3, PERSON)[0][1:],
])
def test_bad_records(expr):
    same(expr)


@pytest.mark.parametrize("kth", [0, 2, -1, [1, 3], 8, -9])
def test_partition_records(kth):
    def kth_values(xp, fn):
        a = xp.array(MANY, PERSON)
        try:
            r = fn(xp, a)
        except ValueError as e:
            return ("raise", str(e))
        ks = [kth] if isinstance(kth, int) else kth
        return [repr(r[k].item() if hasattr(r[k], "item") else r[k]) for k in ks]

    for fn in (lambda xp, a: xp.partition(a, kth, order="salary"),
               lambda xp, a: a[xp.argpartition(a, kth, order=["age", "salary"])]):
        assert kth_values(cnp, fn) == kth_values(np, fn)


@pytest.mark.parametrize("expr", [
    lambda xp, a: xp.unique(a),
    lambda xp, a: xp.unique(a, return_index=True, return_inverse=True, return_counts=True),
    lambda xp, a: xp.unique(a[:0], return_counts=True),
    lambda xp, a: xp.concatenate([a[:2], a[5:]]),
    lambda xp, a: xp.where([True, False] * 4, a, a[::-1]),
    lambda xp, a: xp.full(2, xp.array(("x", 1, 2.5), PERSON), PERSON),
    lambda xp, a: xp.full(2, 7, PERSON),
    lambda xp, a: xp.ones(2, PERSON),
    lambda xp, a: xp.zeros((), PERSON)[()],
    lambda xp, a: xp.zeros((), PERSON)["age"],
    lambda xp, a: a.reshape(4, 2).T["salary"],
    lambda xp, a: a[::-1]["age"].strides,
    lambda xp, a: a[xp.newaxis, 1:3],
    lambda xp, a: list(a[:3]),
    lambda xp, a: a.copy()[2],
    lambda xp, a: xp.array([[(1, 2)], [(1, 2), (3, 4)]], [("a", "i4"), ("b", "f8")]),
    lambda xp, a: xp.array([[(1, 2)], (3, 4)], [("a", "i4"), ("b", "f8")]),
    lambda xp, a: a.view(xp.dtype([("x", "S64"), ("y", "i4"), ("z", "f8")])),
])
def test_records_through_other_functions(expr):
    same(lambda xp: expr(xp, xp.array(MANY, PERSON)))


def test_failed_assignment_leaves_the_array_alone():
    a = cnp.array(PEOPLE, PERSON)
    before = a.tobytes()
    with pytest.raises(ValueError):
        a[1] = ("x", "not a number", 1.0)
    with pytest.raises(ValueError):
        a[:2] = [("x", 1, 2.0), ("y", 2)]
    assert a.tobytes() == before


TITLED = {"names": ["x", "y"], "formats": ["i1", "f8"], "titles": ["X", None]}
NEST_SUB = [("pos", [("x", "<f4"), ("y", "<f4")]), ("v", "f8", (2, 2))]


@pytest.mark.parametrize("expr", [
    lambda xp: xp.array([(1, 2.0), (3, 4.0)], TITLED)["X"],
    lambda xp: xp.array([(1, 2.0), (3, 4.0)], TITLED)[0]["X"],
    lambda xp: xp.array([(1, 2.0), (3, 4.0)], TITLED)[["X"]],
    lambda xp: repr(xp.dtype(TITLED).fields),
    lambda xp: xp.dtype(TITLED).descr,
    lambda xp: xp.array([((1, 2), [[1, 2], [3, 4]])], NEST_SUB)["pos"]["y"],
    lambda xp: xp.array([((1, 2), [[1, 2], [3, 4]])], NEST_SUB)["pos"][["y"]],
    lambda xp: xp.zeros(2, NEST_SUB)["v"].strides,
    lambda xp: xp.array([((1, 2), [[1, 2], [3, 4]])], NEST_SUB)[0]["v"],
    lambda xp: xp.array([((1, 2), [[1, 2], [3, 4]])], NEST_SUB)[0]["pos"],
    lambda xp: xp.array([((1, 2), [[1, 2], [3, 4]])], NEST_SUB)[0]["pos"]["x"],
    lambda xp: xp.array([(1.5,)], [("a", "f8")]).astype([("b", "i2")]),
    lambda xp: xp.array([(1, 2)], [("a", "i4"), ("b", "i4")]).astype([("b", "i4"), ("a", "i4")]),
    lambda xp: xp.array([(1,)], [("a", "i4")]).astype("f8"),
])
def test_titles_nested_fields(expr):
    same(expr)


def test_pickle_records_and_scalars():
    import pickle
    a = cnp.array(MANY, PERSON)
    b = pickle.loads(pickle.dumps(a))
    assert repr(b) == repr(a) and b.dtype == a.dtype
    v = pickle.loads(pickle.dumps(a[2]))
    assert type(v) is cnp.void and v.item() == a[2].item() and v.dtype == a.dtype
    r = pickle.loads(pickle.dumps(cnp.record._at(a, (1,))))
    assert type(r) is cnp.record and r.age == 25
    n = cnp.array(NEST_VALUES, NEST_DT)
    assert pickle.loads(pickle.dumps(n[1])).item() == n[1].item()
