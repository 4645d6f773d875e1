"""Parametric dtypes (issue 19, docs/dtypes.md): parsing every spelling, the attributes, errors,
casting tables generated against numpy.can_cast, printing, byte-swapped inputs through the
numeric engines, views, element access and interchange with NumPy."""

import warnings

import numpy as np
import pytest

import cnumpy as cnp

ATTRS = ("str", "name", "char", "kind", "num", "byteorder", "isbuiltin", "itemsize", "alignment",
         "isnative", "names", "shape", "isalignedstruct", "hasobject", "ndim")

SPECS = [
    "f8", ">f8", "<f8", "=f8", "|f8", ">i4", ">i1", "<?", ">c16", ">f2", "int", "float", "complex",
    "U", "U5", "<U5", ">U3", "|U3", "S", "S3", "a5", "<S5", ">S5", "V", "V8", "str", "bytes", "void",
    "unicode", "M8", "m8", "M8[25s]", "m8[ms]", ">M8[us]", "datetime64[D]", "timedelta64[2W]",
    "datetime64", "timedelta64", "M8[Y]", "m8[M]", "M8[as]",
    "i4, f8, S3", "3i4", "(2,3)f8, i4", "i4,", "b1,", ">i4, <f8", "(2,)U3, M8[s]", "i4,f8",
    [("a", "<i4"), ("b", ">f8", (2,)), (("T", "c"), "U3")],
    [("name", "U16"), ("age", "<i4"), ("salary", "<f8")],
    [("", "i4"), ("", "f8")],
    [("a", [("x", "i2"), ("y", "f4")]), ("b", "S2")],
    {"names": ["x", "y"], "formats": ["i1", "f8"], "offsets": [0, 8], "itemsize": 24},
    {"names": ["x", "y"], "formats": ["i1", "f8"], "titles": ["X", None]},
    {"a": ("i4", 0), "b": ("f8", 8)},
    ("i4", (2, 3)), ("U", 5), ("S", 7), ("f8", 3), (">i2", (2,)),
    # a count before an unsized S/U/V is its size (NumPy's (type, repeats) tuple)
    "3S", "3U", "3V", "3a", "(2,3)3S", "(2,)3U", "3S0", "3U0", "3 S", ">3U", "3>U", "<3S",
    "3|S", "S,3a", "3S,2U", "1S", "1U", "3V0", "2147483647S", "536870911U",
    "(2,3)111S", "()i4", "(1,)i4", "(2,)S3", "3S3",
    [("a", "i1"), ("b", "i4"), ("c", "i2")],
    [],
]


def _ids(s):
    return repr(s)[:40]


@pytest.mark.parametrize("spec", SPECS, ids=_ids)
@pytest.mark.parametrize("align", [False, True])
def test_spelling_attributes(spec, align):
    n = np.dtype(spec, align=align)
    c = cnp.dtype(spec, align=align)
    assert repr(c) == repr(n)
    assert str(c) == str(n)
    for attr in ATTRS:
        assert getattr(c, attr) == getattr(n, attr), attr
    try:
        nd = n.descr
    except ValueError as e:
        with pytest.raises(ValueError, match=str(e)):
            c.descr
    else:
        assert c.descr == nd
    if n.names is not None:
        assert list(c.fields) == list(n.fields)
        for k in n.fields:
            assert c.fields[k][1:] == n.fields[k][1:]
            assert str(c.fields[k][0]) == str(n.fields[k][0])
    if n.subdtype is not None:
        assert str(c.subdtype[0]) == str(n.subdtype[0]) and c.subdtype[1] == n.subdtype[1]
        assert str(c.base) == str(n.base)


@pytest.mark.parametrize("spec", SPECS, ids=_ids)
def test_round_trips(spec):
    c = cnp.dtype(spec)
    assert cnp.dtype(c.str) == cnp.dtype(np.dtype(spec).str)
    if c.names is not None and c.isalignedstruct is False:
        assert cnp.dtype(c.descr) == c or "V" in str(c.descr)
    # A NumPy dtype converts, and the cnumpy one reads back as NumPy's.
    assert cnp.dtype(np.dtype(spec)) == c
    assert np.dtype(eval(repr(c)[6:-1])) == np.dtype(spec)
    assert hash(cnp.dtype(spec)) == hash(c)


@pytest.mark.parametrize("a,b,equal", [
    ("<f8", "float64", True), (">f8", "<f8", False), ("=i4", "int32", True), ("U3", "<U3", True),
    ("U3", ">U3", False), ("M8[s]", "M8[ms]", False), ("S3", "|S3", True),
    ([("a", "i4")], [("a", "i4")], True), ([("a", "i4")], [("b", "i4")], False),
    ("i4, f8", [("f0", "i4"), ("f1", "f8")], True), (">i1", "i1", True),
])
def test_equality_and_hash(a, b, equal):
    assert (cnp.dtype(a) == cnp.dtype(b)) == equal == (np.dtype(a) == np.dtype(b))
    if equal:
        assert hash(cnp.dtype(a)) == hash(cnp.dtype(b))


@pytest.mark.parametrize("spec", [
    "x", "M8[xx]", "M8[s", "M8[3]", "M8[]", "U-1", "i4, xx", "<>f8", "float64x", "",
    ">float64", ">object", [("a", "i4"), ("a", "f8")], [("a", "i4", -1)], [1], ("i4",),
    {"names": ["a"], "formats": ["i4"], "itemsize": 2},
    {"names": ["a", "b"], "formats": ["i1", "i4"], "offsets": [0, 1]},
    ("i4", (2, -3)),
    "(3,)S", "3,S", "()S", "(2,)0S", "(2,)U", "(0,)S", "2147483648S", "99999999999S", "(3)S",
    ("S", (3,)), ("U", [2]),
], ids=_ids)
def test_errors_match_numpy(spec):
    align = isinstance(spec, dict) and "offsets" in spec
    try:
        np.dtype(spec, align=align)
    except Exception as e:
        exc = e
    else:
        exc = None
    if spec == "U-1":
        exc = TypeError("data type 'U-1' not understood")   # NumPy 1.24 accepts it (bug)
    assert exc is not None
    with pytest.raises(type(exc)) as info:
        cnp.dtype(spec, align=align)
    assert str(info.value) == str(exc)


CAST_SET = ["?", "i1", "u1", "i2", "u4", "i8", "u8", "f2", "f4", "f8", "c8", "c16", ">f8", ">i4",
            "S", "S1", "S3", "S5", "S21", "S32", "U", "U1", "U3", "U5", "U21", "U32", ">U3",
            "M8", "M8[D]", "M8[s]", "M8[ms]", "M8[M]", "M8[Y]", "M8[2s]", "M8[W]", "M8[6h]",
            "m8", "m8[D]", "m8[s]", "m8[ms]", "m8[M]", "m8[Y]", "m8[3M]", "m8[W]",
            "V", "V3", "V8", "V16",
            [("a", "<i4"), ("b", "<f8")], [("x", "<i4"), ("y", "<f8")], [("a", ">i4"), ("b", "<f8")],
            [("a", "<i8"), ("b", "<f8")], [("a", "<i4")], [("a", "<i4", (2,))],
            ("<i4", (2,)), ("<i8", (2,)), ("<i4", (3,))]
CASTINGS = ["no", "equiv", "safe", "same_kind", "unsafe"]


@pytest.mark.parametrize("i", range(len(CAST_SET)))
def test_can_cast_table(i):
    """Every pair of the representative set under every rule, against numpy.can_cast."""
    a = CAST_SET[i]
    bad = []
    for b in CAST_SET:
        for rule in CASTINGS:
            if np.can_cast(np.dtype(a), np.dtype(b), rule) != cnp.can_cast(cnp.dtype(a), cnp.dtype(b), rule):
                bad.append((b, rule))
    assert not bad, (a, bad)


@pytest.mark.parametrize("a,b", [
    ("S3", "S5"), ("S3", "U2"), ("U3", "U7"), ("i4", "S3"), ("u1", "U1"), ("?", "S"), ("f8", "U3"),
    ("M8[s]", "M8[ms]"), ("M8[D]", "M8[h]"), ("m8[s]", "m8[ms]"), ("m8[2s]", "m8[3s]"),
    ("M8", "M8[s]"), ("i8", "m8[s]"), ("m8[s]", "i4"), ("M8[Y]", "M8[D]"), (">f8", ">f8"),
    (">f8", "<f4"), ("V3", "V3"), ([("a", "i4")], [("a", "f8")]),
])
def test_promote_types(a, b):
    assert str(cnp.promote_types(a, b)) == str(np.promote_types(a, b))


@pytest.mark.parametrize("a,b", [("S3", "M8[s]"), ("U3", "m8"), ("M8[s]", "f8"), ("V3", "V4"),
                                 ("m8[M]", "m8[D]")])
def test_promote_types_errors(a, b):
    with pytest.raises(TypeError) as e:
        np.promote_types(a, b)
    with pytest.raises(TypeError) as f:
        cnp.promote_types(a, b)
    assert str(f.value) == str(e.value)


# -- arrays ---------------------------------------------------------------------------------------
def _pair(np_array):
    return np_array, cnp.asarray(np_array)


def _same(c, n):
    assert str(c.dtype) == str(n.dtype)
    assert c.shape == n.shape
    assert c.tobytes() == n.tobytes()


@pytest.mark.filterwarnings("ignore::numpy.ComplexWarning", "ignore::cnumpy.ComplexWarning")
@pytest.mark.parametrize("order", [">", "<"])
@pytest.mark.parametrize("t", ["i2", "u4", "i8", "f2", "f4", "f8", "c8", "c16"])
def test_astype_between_byte_orders(t, order):
    n = (np.arange(-5, 7) * 3 + 1).astype(t)
    c = cnp.asarray(n)
    for target in (order + t, "=" + t, order + "f8", order + "i4"):
        _same(c.astype(target), n.astype(target))
        _same(c[::-2].astype(target), n[::-2].astype(target))
    sw = n.astype(order + t)
    _same(cnp.asarray(sw).astype(t), sw.astype(t))
    assert cnp.asarray(sw).tolist() == sw.tolist()


@pytest.mark.parametrize("t", ["i2", "f4", "f8", "c16", "U3", "M8[s]"])
def test_byteswap_and_newbyteorder(t):
    n = np.arange(6).astype(t).reshape(2, 3)
    c = cnp.asarray(n)
    _same(c.byteswap(), n.byteswap())
    _same(c.newbyteorder(), n.newbyteorder())
    if n.dtype.kind in "iufc":
        assert c.newbyteorder().tolist() == n.newbyteorder().tolist()
    c2 = c.copy()
    assert c2.byteswap(inplace=True) is c2
    _same(c2, n.byteswap())


SWAPPED = np.array([[3.5, -1.0, 2.25], [0.5, 8.0, -7.5]], dtype=">f8")


@pytest.mark.parametrize("fn", [
    lambda m, a: a + 1, lambda m, a: m.sqrt(m.abs(a)), lambda m, a: a * a, lambda m, a: -a,
    lambda m, a: m.maximum(a, 0.0), lambda m, a: a > 1, lambda m, a: m.add(a, a.astype(">f4")),
    lambda m, a: a.sum(), lambda m, a: a.sum(axis=0), lambda m, a: a.max(axis=1), lambda m, a: a.mean(),
    lambda m, a: m.cumsum(a), lambda m, a: m.argmax(a), lambda m, a: a.prod(),
    lambda m, a: m.sort(a, axis=None), lambda m, a: m.argsort(a, axis=1), lambda m, a: m.unique(a),
    lambda m, a: m.dot(a, a.T), lambda m, a: m.linalg.norm(a), lambda m, a: m.linalg.det(a[:, :2]),
    lambda m, a: m.linalg.inv(a[:, :2]), lambda m, a: a @ a.T, lambda m, a: m.median(a),
    lambda m, a: m.where(a > 0, a, 0.0), lambda m, a: a.astype(">i4") // 2, lambda m, a: m.std(a),
])
def test_byte_swapped_inputs_through_engines(fn):
    r_n = fn(np, SWAPPED)
    r_c = fn(cnp, cnp.asarray(SWAPPED))
    np.testing.assert_allclose(np.asarray(r_c, dtype=float), np.asarray(r_n, dtype=float), rtol=1e-12)


@pytest.mark.parametrize("fn", [
    lambda m, a, o: m.add(a, 1.5, out=o), lambda m, a, o: m.multiply(a, a, out=o, where=a > 0),
    lambda m, a, o: m.sqrt(m.abs(a), out=o), lambda m, a, o: m.negative(a[::-1], out=o),
    lambda m, a, o: m.add(o, 1, out=o), lambda m, a, o: m.divmod(a, 2.0, out=(o, o.copy()))[0],
    lambda m, a, o: m.sum(a, axis=0, out=o[0]), lambda m, a, o: m.cumsum(a, axis=1, out=o),
    lambda m, a, o: m.clip(a, -1, 1, out=o), lambda m, a, o: m.maximum.accumulate(a, axis=0, out=o),
])
@pytest.mark.parametrize("t", [">f8", ">f4", ">i4"])
def test_byte_swapped_out(fn, t):
    base = SWAPPED if t[-2] == "f" else (SWAPPED * 4).astype(t)
    o_n = np.arange(6.0).reshape(2, 3).astype(t)
    o_c = cnp.asarray(o_n.copy())
    kind_ok = True
    try:
        r_n = fn(np, base.astype(t) if t[-2] == "f" else base, o_n)
    except TypeError:
        kind_ok = False
    a_c = cnp.asarray(base.astype(t) if t[-2] == "f" else base)
    if not kind_ok:
        with pytest.raises(TypeError):
            fn(cnp, a_c, o_c)
        assert o_c.tolist() == np.arange(6.0).reshape(2, 3).astype(t).tolist()  # nothing written
        return
    r_c = fn(cnp, a_c, o_c)
    assert str(o_c.dtype) == str(o_n.dtype)
    assert o_c.tolist() == o_n.tolist()
    assert str(r_c.dtype) == str(r_n.dtype)
    assert np.shares_memory(np.asarray(r_c), np.asarray(o_c)) == np.shares_memory(r_n, o_n)


def test_byte_swapped_inplace_operations():
    for t in (">f8", ">i2", ">c16", "<f4"):
        n = (SWAPPED * 4).astype(t)
        c = cnp.asarray(n.copy())
        n += 3
        c += 3
        assert c.tolist() == n.tolist() and str(c.dtype) == str(n.dtype)
        n[::-1] *= 2
        c[::-1] *= 2
        assert c.tolist() == n.tolist()
        n.sort(axis=1)
        c.sort(axis=1)
        assert c.tolist() == n.tolist() and c.tobytes() == n.tobytes()
        n.sort(axis=0)
        c.sort(axis=0)
        assert c.tobytes() == n.tobytes()
    # a failing in-place call writes nothing (the cast of the float result into int16 is refused)
    c = cnp.asarray(np.arange(4, dtype=">i2"))
    with pytest.raises(TypeError, match="Cannot cast ufunc 'add' output"):
        c += 1.5
    assert c.tolist() == [0, 1, 2, 3]
    ro = _readonly(np.arange(4, dtype=">i2"))
    with pytest.raises(ValueError, match="read-only"):
        cnp.add(c, 1, out=ro)


def _readonly(n):
    c = cnp.asarray(n)
    c.flags.writeable = False
    return c


@pytest.mark.parametrize("spec,values", [
    ("U5", ["ab", "", "héllo", "xyz"]), ("S3", [b"ab", b"", b"xyz", b"\x01"]),
    ("M8[D]", ["2024-01-01", "NaT", "1969-12-31", "2000-02-29"]),
    ("M8[ms]", ["2024-01-01T10:00:00.123", "NaT", "1900-06-01T00:00:00.001", "1970-01-01"]),
    ("m8[s]", [5, -3, "NaT", 0]),
    ([("name", "U8"), ("age", "<i4"), ("salary", ">f8")], [("ann", 31, 1.5), ("bob", -2, 1e300),
                                                          ("", 0, -0.0), ("zoë", 7, 2.5)]),
])
def test_elements_tolist_and_printing(spec, values):
    n = np.array(values, dtype=spec)
    c = cnp.asarray(n)
    assert repr(c) == repr(n) and str(c) == str(n)
    assert repr(c.reshape(2, 2)) == repr(n.reshape(2, 2))
    assert repr(c[::-1][1:]) == repr(n[::-1][1:])
    if n.dtype.kind in "SU" or n.dtype.names:
        assert c.tolist() == n.tolist()
        assert c[1] == n[1] if n.dtype.names is None else tuple(c[1]) == tuple(n[1].tolist())
    else:
        assert [str(x) for x in c] == [str(x) for x in n]
        assert [repr(x) for x in c] == [repr(x) for x in n]
    assert c.tobytes() == n.tobytes()
    assert np.asarray(c).tobytes() == n.tobytes()


def test_records_share_memory_both_ways():
    n = np.zeros(3, [("name", "U4"), ("age", "<i4"), ("pos", "<f4", (2,))])
    c = cnp.asarray(n)
    back = np.asarray(c)
    assert np.shares_memory(back, n) and back.dtype == n.dtype
    n["age"] = [1, 2, 3]
    assert c["age"].tolist() == [1, 2, 3]
    assert c["pos"].shape == (3, 2)
    assert c["name"].dtype == cnp.dtype("<U4")
    with pytest.raises(ValueError, match="no field of name zz"):
        c["zz"]


@pytest.mark.parametrize("shape,src,dst", [
    ((4,), "f8", "i4"), ((4,), "f8", "i2"), ((2, 4), "i4", "f8"), ((3,), "i4", "i8"),
    ((4,), "f8", "U2"), ((2, 3), "u1", "i2"), ((), "f8", "i8"), ((2, 3), "i2", "f4"),
    ((0,), "f8", "i4"), ((6,), "S4", "S2"), ((3,), "i4", [("a", "i2"), ("b", "i2")]),
])
def test_view_itemsize_rules(shape, src, dst):
    n = np.zeros(shape, dtype=src)
    c = cnp.asarray(n)
    for a, b in ((n, c), (n.T, c.T), (n[..., ::2] if shape else n, c[..., ::2] if shape else c)):
        try:
            rn = a.view(dst)
        except Exception as e:
            with pytest.raises(type(e)) as info:
                b.view(dst)
            assert str(info.value) == str(e)
        else:
            rc = b.view(dst)
            assert rc.shape == rn.shape and str(rc.dtype) == str(rn.dtype)
            if rn.size:
                assert np.shares_memory(np.asarray(rc), np.asarray(b))


@pytest.mark.parametrize("src,dst", [
    ("i4", "U5"), ("i4", "S2"), ("f8", "U32"), ("f4", "U"), ("?", "S5"), ("c16", "U40"), ("u8", "S21"),
    ("U4", "i4"), ("S4", "f8"), ("U4", "S4"), ("S4", "U2"), ("U3", "U6"),
    ("M8[D]", "M8[s]"), ("M8[s]", "M8[D]"), ("M8[D]", "M8[M]"), ("M8[M]", "M8[D]"), ("M8[D]", "M8[Y]"),
    ("m8[s]", "m8[ms]"), ("m8[ms]", "m8[s]"), ("i8", "m8[s]"), ("m8[s]", "i8"), ("M8[s]", "U"),
    ("i4", [("a", "i4"), ("b", "f8")]),
])
def test_casts_between_kinds(src, dst):
    base = np.array([0, 7, -3, 12, 100, 1], dtype="i8")
    if src[0] in "US":
        n = base.astype(src)
    elif src[0] in "Mm":
        n = (base * 1000).astype(src)
    else:
        n = base.astype(src)
    c = cnp.asarray(n)
    if np.dtype(src).kind == "u":
        n = base.astype(np.dtype(src))
        c = cnp.asarray(n)
    r_n = n.astype(dst)
    r_c = c.astype(dst)
    assert str(r_c.dtype) == str(r_n.dtype)
    assert r_c.tobytes() == r_n.tobytes()


@pytest.mark.parametrize("text,dst,exc", [("abc", "f8", ValueError), ("1.5", "i4", ValueError),
                                          ("x", "i8", ValueError)])
def test_string_parse_errors(text, dst, exc):
    n = np.array([text])
    with pytest.raises(exc) as e:
        n.astype(dst)
    with pytest.raises(exc) as f:
        cnp.asarray(n).astype(dst)
    assert str(f.value) == str(e.value)


def test_astype_casting_rule_messages():
    c = cnp.asarray(np.zeros(2, "U3"))
    with pytest.raises(TypeError) as e:
        np.zeros(2, "U3").astype("S3", casting="safe")
    with pytest.raises(TypeError) as f:
        c.astype("S3", casting="safe")
    assert str(f.value) == str(e.value)


@pytest.mark.parametrize("spec", ["U3", "S2", "M8[s]", [("a", "i4"), ("b", "f8")], ">f8", "V4"])
def test_creation(spec):
    for fn in (lambda m: m.zeros((2, 3), spec), lambda m: m.empty(4, spec)[:0],
               lambda m: m.zeros_like(m.zeros(3, spec)), lambda m: m.zeros(3, spec).copy(order="F")):
        r_n, r_c = fn(np), fn(cnp)
        assert str(r_c.dtype) == str(r_n.dtype) and r_c.shape == r_n.shape
        assert r_c.tobytes() == r_n.tobytes()


def test_engines_refuse_strings_with_type_error():
    c = cnp.asarray(np.array(["a", "b"]))
    with pytest.raises(TypeError):
        c + c
    with pytest.raises(TypeError):
        cnp.sum(c)


def test_views_keep_their_descriptor_alive():
    c = cnp.zeros(4, [("a", "i4"), ("b", "U2")])
    f = c["b"]
    del c
    assert f.tolist() == ["", "", "", ""] and str(f.dtype) == "<U2"
    d = cnp.dtype([("x", "i4"), ("y", ">f8", (2,))])
    sub = d.fields["y"][0]
    del d
    assert str(sub.base) == ">f8" and sub.shape == (2,)


def test_datetime_scalar_type():
    n = np.array(["2024-01-01T12:30"], "M8[m]")
    c = cnp.asarray(n)
    assert repr(c[0]) == repr(n[0]) and str(c[0]) == str(n[0])
    assert c.dtype.type is cnp.datetime64 if hasattr(cnp, "datetime64") else True


@pytest.mark.parametrize("fn", [
    lambda m: m.asarray(np.array(["ab", "c", "xyz"])) == "c",
    lambda m: m.asarray(np.array(["ab", "c", "xyz"])) != m.asarray(np.array(["ab", "cd", "xyz"])),
    lambda m: m.asarray(np.array([b"ab", b"c"])) == m.asarray(np.array([[b"ab"], [b"c"]])),
    lambda m: m.asarray(np.array(["ab", "c"], ">U2")) == m.asarray(np.array(["ab", "c"], "<U5")),
    lambda m: m.asarray(np.zeros(3, "i4, f8")) == m.asarray(np.zeros(1, "i4, f8")),
    lambda m: m.asarray(np.array(["2024-01-01", "NaT"], "M8[D]")) == m.asarray(np.array(["2024-01-01", "NaT"], "M8[D]")),
    lambda m: m.array(["a", "bc"]), lambda m: m.array([[b"x"], [b"yz"]]), lambda m: m.array("abc"),
    lambda m: m.array(["1.5", "2"]).astype("f8"),
])
def test_string_arrays_and_equality(fn):
    r_n, r_c = fn(np), fn(cnp)
    assert str(r_c.dtype) == str(r_n.dtype) and r_c.shape == r_n.shape
    assert r_c.tolist() == r_n.tolist()


# -- string comparisons through the loop registry ----------------------------------------------------
_STR_U = np.array(["ab", "b\x00c", "x", "", "abc", "é", "\U0001F600", "b"])
_STR_U2 = np.array(["ab\x00", "b", "xy", "\x00", "ab", "z", "\U0001F600", "b\x00\x00"], dtype="U5")
_STR_S = np.array([b"ab", b"b\x00c", b"x", b"", b"abc", b"\xff", b"\x7f", b"b"])
_STR_S2 = np.array([b"ab\x00", b"b", b"xy", b"\x00", b"ab", b"\x01", b"\x80", b"b\x00"], dtype="S6")
_COMPARISONS = ["equal", "not_equal", "less", "less_equal", "greater", "greater_equal"]


@pytest.mark.parametrize("name", _COMPARISONS)
@pytest.mark.parametrize("x,y", [
    (_STR_U, _STR_U2), (_STR_S, _STR_S2), (_STR_U2, _STR_U.astype(">U3")), (_STR_U.astype(">U4"), _STR_U2),
    (_STR_U[:, None], _STR_U2[::-2]), (_STR_S.reshape(2, 4), _STR_S2[:4]), (_STR_U, _STR_U2[1:2]),
    (_STR_U[:0], _STR_U2[:0]), (_STR_S[3:4].reshape(()), _STR_S2),
])
def test_string_comparison_ufuncs(name, x, y):
    r_n = getattr(np, name)(x, y)
    r_c = getattr(cnp, name)(cnp.asarray(x), cnp.asarray(y))
    assert r_c.dtype == cnp.bool_ and r_c.shape == r_n.shape
    assert np.asarray(r_c).tolist() == r_n.tolist()


@pytest.mark.parametrize("op", ["==", "!=", "<", "<=", ">", ">="])
def test_string_comparison_operators(op):
    f = eval("lambda a, b: a %s b" % op)
    for x, y in [(_STR_U, _STR_U2), (_STR_S2, _STR_S), (_STR_U, "b"), ("b", _STR_U2), (_STR_S, b"ab"),
                 (_STR_U[::-1], _STR_U2[::3][:1])]:
        cx = cnp.asarray(x) if isinstance(x, np.ndarray) else x
        cy = cnp.asarray(y) if isinstance(y, np.ndarray) else y
        assert np.asarray(f(cx, cy)).tolist() == f(x, y).tolist()


def _outcome(f):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            r = f()
            r = r.tolist() if hasattr(r, "tolist") else r
        except Exception as e:  # noqa: BLE001 -- the outcome is compared, type and message
            # Python names the operand types in a failed operator: numpy's C type is
            # 'numpy.ndarray', the cnumpy class 'ndarray'
            r = (type(e).__name__, str(e).replace("numpy.ndarray", "ndarray"))
    return r, [(x.category.__name__, str(x.message)) for x in w]


@pytest.mark.parametrize("case", [
    lambda m, u, s, n: u == s, lambda m, u, s, n: u != s, lambda m, u, s, n: u < s,
    lambda m, u, s, n: s >= u, lambda m, u, s, n: u == n, lambda m, u, s, n: n != u,
    lambda m, u, s, n: n < "a", lambda m, u, s, n: n == "a", lambda m, u, s, n: u < b"a",
    lambda m, u, s, n: m.equal(u, s), lambda m, u, s, n: m.less(s, u), lambda m, u, s, n: m.equal(u, n),
    lambda m, u, s, n: m.greater(n, s), lambda m, u, s, n: m.add(u, u), lambda m, u, s, n: m.add(u, n),
    lambda m, u, s, n: m.maximum(s, s),
    lambda m, u, s, n: m.equal(u, u, out=m.zeros(2, "i4")), lambda m, u, s, n: m.equal(u, u, out=m.zeros(2, "U5")),
    lambda m, u, s, n: m.less(u, u, out=m.zeros(2, "i1"), casting="no"),
    lambda m, u, s, n: m.not_equal(u, m.asarray(["ab", "ab"]), out=m.ones(2, bool), where=m.asarray([True, False])),
    lambda m, u, s, n: m.equal(u[:, None], u, out=m.zeros(2, bool)),
])
def test_string_comparison_errors_and_out(case):
    u, s, n = np.array(["ab", "b"]), np.array([b"ab", b"b"]), np.array([1, 2])
    r_n, w_n = _outcome(lambda: case(np, u, s, n))
    r_c, w_c = _outcome(lambda: case(cnp, cnp.asarray(u), cnp.asarray(s), cnp.asarray(n)))
    assert r_c == r_n and w_c == w_n


@pytest.mark.parametrize("make", [
    lambda m: m.ones(3, "U3"), lambda m: m.ones((2, 2), "S1"), lambda m: m.full(2, 1.5, "S4"),
    lambda m: m.full(3, -7, ">U5"), lambda m: m.full(2, True, "U5"), lambda m: m.ones(2, "M8[D]"),
    lambda m: m.full(2, 90, "m8[s]"), lambda m: m.zeros(2, "U2"), lambda m: m.full((), 12345, "U3"),
])
def test_ones_and_full_of_strings_and_datetimes(make):
    n, c = make(np), make(cnp)
    assert str(c.dtype) == str(n.dtype) and c.shape == n.shape
    assert c.tobytes() == n.tobytes()


@pytest.mark.parametrize("spec", ["f8,,i4", "f8,,", ",f8", "f8, ,i4"])
def test_comma_string_syntax_error(spec):
    with pytest.raises(SyntaxError) as e:
        np.dtype(spec)
    with pytest.raises(SyntaxError) as f:
        cnp.dtype(spec)
    assert str(f.value) == str(e.value)


@pytest.mark.parametrize("spec", [
    "M8[2M/3]", "M8[M/3]", "M8[Y/12]", "M8[D/24]", "m8[s/1000]", "M8[D/7]", "M8[W/7]", "M8[as/2]",
    "M8[3D/5]", "m8[Y/4]", "M8[h/7]", "M8[Y/5]", "M8[W/14]", "M8[m/60]", "M8[m/7]", "M8[ms/1000000]",
    "M8[1000000000as/3]", "M8[Y/ 2]", "M8[ Y/2]", "M8[2Y/2]", "M8[M/30]", "M8[M/31]", "M8[2W/4]",
    "M8[fs/1000]", "M8[fs/10]", "M8[/2]", "M8[2/2]", "M8[Y/]", "M8[Y/2x]", "M8[7s/3]", "M8[D/1]",
    "datetime64[3Y/1]", "m8[us/+1000]", "M8[xx/2]",
])
def test_datetime_unit_divisors(spec):
    try:
        want = np.dtype(spec)
    except (TypeError, ValueError) as e:
        with pytest.raises(type(e)) as f:
            cnp.dtype(spec)
        assert str(f.value) == str(e)
        return
    assert cnp.dtype(spec).str == want.str


@pytest.mark.parametrize("src,dst", [
    ("m8[Y]", "m8[D]"), ("m8[Y]", "m8[M]"), ("m8[M]", "m8[Y]"), ("m8[M]", "m8[s]"), ("m8[D]", "m8[Y]"),
    ("m8[2Y]", "m8[3M]"), ("m8[Y]", "m8[W]"), ("m8[M]", "m8[h]"), ("m8[h]", "m8[M]"), ("m8[3D]", "m8[M]"),
    ("m8[s]", "m8[m]"), ("m8[s]", "m8[2m]"), ("m8[3M]", "m8[2Y]"), ("m8[7D]", "m8[2W]"), (">m8[W]", "<m8[Y]"),
    ("m8[D]", "m8[ps]"), ("m8[s]", "m8[as]"), ("m8[Y]", "m8[ns]"), ("m8[as]", "m8[D]"), ("M8[D]", "M8[ps]"),
    ("M8[s]", "M8[m]"), ("M8[7s]", "M8[3ms]"), ("M8[h]", "M8[D]"), ("M8[ms]", "M8[M]"), ("M8[M]", "M8[D]"),
])
def test_timedelta_and_datetime_unit_casts(src, dst):
    values = [1, 2, -3, -400, 400, 13, -13, 59, -61, 7200]
    n = np.array(values, dtype=src)
    n = np.concatenate([n, np.array(["NaT"], dtype=src)])
    c = cnp.asarray(n)
    try:
        want = n.astype(dst)
    except OverflowError as e:
        with pytest.raises(OverflowError) as f:
            c.astype(dst)
        assert str(f.value) == str(e)
        return
    got = c.astype(dst)
    assert str(got.dtype) == str(want.dtype) and got.tobytes() == want.tobytes()


def test_record_elements_are_void_scalars():
    spec = [("a", "<i4"), (("T", "b"), ">f8"), ("c", "U3"), ("d", "<f4", (2,))]
    n = np.array([(1, 2.5, "ab", (1, 2)), (-3, 0.0, "", (0.5, -1))], dtype=spec)
    c = cnp.asarray(n.copy())
    for i in (0, 1, -1):
        v, w = c[i], n[i]
        assert type(v).__name__ == "void" and isinstance(v, cnp.generic) and isinstance(v, cnp.void)
        assert repr(v) == repr(w) and str(v) == str(w)
        assert len(v) == len(w) and v.dtype == cnp.dtype(w.dtype)
        # (NumPy's item() holds a subarray field as an ndarray, cnumpy's as a list: not compared)
        assert v.item()[:3] == w.item()[:3] and v.tolist()[:3] == w.tolist()[:3] and list(v)[:3] == list(w)[:3]
        for key in ("a", "b", "T", "c", 0, 1, 2, -1, -4):
            assert np.asarray(v[key]).tolist() == np.asarray(w[key]).tolist()
        for key in ("zz", 4, -5, 1.5):
            r_n, _ = _outcome(lambda: w[key])
            r_c, _ = _outcome(lambda: v[key])
            assert r_c == r_n
    assert (c[0] == c[0]) is True and (c[0] == c[1]) is False and (c[0] != c[1]) is True
    assert (c[0] == None) is False and (c[0] != None) is True  # noqa: E711 -- NumPy's answer
    m = np.zeros(2, "i4,f8")
    assert _outcome(lambda: cnp.asarray(m)[0] == (0, 0.0)) == _outcome(lambda: m[0] == (0, 0.0))
    assert _outcome(lambda: hash(c[0])) == _outcome(lambda: hash(n[0]))
    v, w = c[1], n[1]
    v["a"] = 9
    w["a"] = 9
    v[2] = "xyz"
    w[2] = "xyz"
    assert c.tobytes() == n.tobytes()


@pytest.mark.parametrize("spec", [
    ("V", "i4,i4"), ("V4", "i4,i4"), ("i4", np.float32), ("i4", "f4"), ("i4", "S3"), ("i4", "xx"),
    ("U", "i8"), ("S", "i4"), ("V", "f8"), ("i4,i4", "i8"), ("M8[s]", "i8"), ("i8", "M8[s]"), ("i4", "f8"),
    ("V8", [("a", "i4"), ("b", "f4")]), ("V8", {"names": ["x"], "formats": ["i8"]}), ("i8", "U2"),
])
def test_base_new_dtype_tuples(spec):
    to_c = tuple(cnp.float32 if x is np.float32 else x for x in spec)
    try:
        want = np.dtype(spec)
    except ValueError as e:
        with pytest.raises(ValueError) as f:
            cnp.dtype(to_c)
        assert str(f.value) == str(e)
        return
    got = cnp.dtype(to_c)
    assert got.str == want.str and got.descr == want.descr and repr(got) == repr(want)


def test_base_new_dtype_with_fields_on_a_number_is_refused():
    np.dtype(("i4", [("r", "u1"), ("g", "u1"), ("b", "u1"), ("a", "u1")]))  # NumPy's union
    with pytest.raises(NotImplementedError, match="union"):
        cnp.dtype(("i4", [("r", "u1"), ("g", "u1"), ("b", "u1"), ("a", "u1")]))


@pytest.mark.parametrize("spec", [("f4", (2,)), ("i2", (2, 2)), ("f4", (3,)), ("f8", (1,)), ("i1", (2,)),
                                  (">u2", (4,))])
@pytest.mark.parametrize("which", ["c", "t", "r"])
def test_view_as_subarray_dtype(spec, which):
    n = np.arange(6.0).reshape(2, 3)
    n = {"c": n, "t": n.T, "r": n[:, ::-1]}[which]
    c = cnp.asarray(n)
    try:
        want = n.view(spec)
    except ValueError as e:
        with pytest.raises(ValueError) as f:
            c.view(spec)
        assert str(f.value) == str(e)
        return
    got = c.view(spec)
    assert got.shape == want.shape and got.strides == want.strides and str(got.dtype) == str(want.dtype)
    assert got.tobytes() == want.tobytes()


@pytest.mark.parametrize("spec", ["1i4", ("i4", 1), "1f8,1U"], ids=_ids)
def test_count_of_one_is_the_type(spec):
    """'1i4' and (type, 1) mean the type itself in NumPy 1.24 (with a FutureWarning, which the
    Python package gives for the tuple form: numpy-differences.md)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        exp = np.dtype(spec)
        got = cnp.dtype(spec)
    assert str(got) == str(exp) and got.itemsize == exp.itemsize
