"""Text files against NumPy 1.24: loadtxt (every keyword, quotes, comments, CRLF, unicode,
structured dtypes, converters, errors and warnings), savetxt (byte-identical output for every fmt
form, header/footer/comments/newline, complex, errors), genfromtxt (fast path and the general
algorithm: missing/filling values, names, usecols, skip_header/footer, dtype=None, invalid rows)
and fromregex; round trips between cnumpy and NumPy through files. The audit's DS-IO-1 (a 3x3
numeric CSV) is the first case."""
import io
import warnings

import numpy as np
import pytest

import cnumpy as cnp
from cnp_helpers import assert_same, assert_same_error
from cnp_helpers import run as _run


DS_IO_1 = "1.0,2.0,3.0\n4.0,5.0,6.0\n7.0,8.0,9.0\n"


def _same(got, exp):
    """cnumpy result vs NumPy's: arrays of every dtype (strings and records compared through
    tolist and the dtype's str), lists of arrays, strings."""
    if isinstance(exp, list):
        assert isinstance(got, list) and len(got) == len(exp)
        for g, e in zip(got, exp):
            _same(g, e)
        return
    if isinstance(exp, np.ndarray):
        if exp.dtype.names:
            assert got.shape == exp.shape, (got.shape, exp.shape)
            assert str(got.dtype) == str(exp.dtype), (got.dtype, exp.dtype)
            for name in exp.dtype.names:
                _same(got[name], exp[name])
            return
        if exp.dtype.kind in "SUV" or exp.dtype.byteorder == ">" or \
                isinstance(exp, np.ma.MaskedArray):
            assert got.shape == exp.shape, (got.shape, exp.shape)
            assert str(got.dtype) == str(exp.dtype), (got.dtype, exp.dtype)
            g, e = got.tolist(), exp.tolist()
            assert repr(g) == repr(e), (g, e)
            return
    assert_same(got, exp)


def check(fn):
    exp, exp_err = _run(fn, np)
    got, got_err = _run(fn, cnp)
    if exp_err is not None:
        assert got_err is not None, "numpy raised %r, cnumpy returned %r" % (exp_err, got)
        assert_same_error(got_err, exp_err)
        return
    if got_err is not None:
        raise AssertionError("cnumpy raised %r" % (got_err,)) from got_err
    _same(got, exp)


def check_error(fn):
    _, exp_err = _run(fn, np)
    assert exp_err is not None, "test bug: numpy did not raise"
    check(fn)


def sio(text):
    return io.StringIO(text)


def test_ds_io_1(tmp_path):
    p = tmp_path / "ds.csv"
    p.write_text(DS_IO_1)
    check(lambda xp: xp.loadtxt(str(p), delimiter=","))
    check(lambda xp: xp.loadtxt(sio(DS_IO_1), delimiter=",", dtype=np.float32))
    a = np.loadtxt(str(p), delimiter=",")
    for fmt in ["%.18e", "%g", "%d", "%10.3f"]:
        b1, b2 = io.StringIO(), io.StringIO()
        np.savetxt(b1, a, fmt=fmt, delimiter=",")
        cnp.savetxt(b2, cnp.asarray(a), fmt=fmt, delimiter=",")
        assert b1.getvalue() == b2.getvalue()


LOAD_CASES = [
    ("1 2 3\n4 5 6\n", {}),
    ("1,2,3\n4,5,6\n", {"delimiter": ","}),
    ("1,2,3\r\n4,5,6\r\n", {"delimiter": ","}),
    ("1,2,3\r4,5,6\r", {"delimiter": ","}),
    ("  1   2\t3  \n 4 5 6", {}),
    ("# header\n1 2 # trailing\n\n3 4\n", {}),
    ("% c\n1 2\n", {"comments": "%"}),
    ("// c\n1 2 // x\n# y\n3 4\n", {"comments": ["//", "#"]}),
    ("#1 2\n3 4\n", {"comments": None, "dtype": "U3"}),
    ('"1",2\n"3","4"\n', {"delimiter": ",", "quotechar": '"'}),
    ('"a,b",c\n"d""e",f\n', {"delimiter": ",", "quotechar": '"', "dtype": "U5"}),
    ('"ABC"DEF,XY"Z\n', {"delimiter": ",", "quotechar": '"', "dtype": "U8"}),
    ("1 2\n3 4\n5 6\n", {"skiprows": 1}),
    ("1 2\n3 4\n5 6\n", {"max_rows": 2}),
    ("1 2\n3 4\n5 6\n", {"skiprows": 1, "max_rows": 1}),
    ("1 2 3\n4 5 6\n", {"usecols": (0, 2)}),
    ("1 2 3\n4 5 6\n", {"usecols": -1}),
    ("1 2 3\n4 5 6\n", {"usecols": [-1, 0]}),
    ("1 2 3\n4 5 6\n", {"unpack": True}),
    ("1\n2\n3\n", {}),
    ("1\n2\n3\n", {"ndmin": 2}),
    ("1 2 3\n", {}),
    ("1 2 3\n", {"ndmin": 2}),
    ("5\n", {}),
    ("5\n", {"ndmin": 1}),
    ("5\n", {"ndmin": 2}),
    ("1 2\n3 4\n", {"dtype": int}),
    ("-1 2\n3 -128\n", {"dtype": np.int8}),
    ("1 0\n5 -2\n", {"dtype": bool}),
    ("1 2\n3 4\n", {"dtype": np.uint64}),
    ("18446744073709551615\n", {"dtype": np.uint64}),
    ("-9223372036854775808\n", {"dtype": np.int64}),
    ("1.5 2.25\n", {"dtype": np.float16}),
    ("0.1 1e-50\n", {"dtype": np.float32}),
    ("1e400 -1e400 1e-400\n", {}),
    ("inf -Inf +INFINITY nan -NaN\n", {}),
    ("+1.5 -.5 5. 1E3\n", {}),
    (" 1.5 , 2 \n", {"delimiter": ","}),
    ("1+2j 3-4j (5+6j) 7j ( 1+1j ) 2\n", {"dtype": complex}),
    ("1+2i 3i\n", {"dtype": complex}),
    ("1+2j 3\n", {"dtype": np.complex64}),
    ("héllo wörld\nça va\n", {"dtype": "U5"}),
    ("héllo wörld\nça va\n", {"dtype": "U"}),
    ("abc de\nf g\n", {"dtype": "S"}),
    ("abc de\nf g\n", {"dtype": "S2"}),
    ("1;2\n3;4\n", {"delimiter": ";"}),
    ("1\u20ac2\n3\u20ac4\n", {"delimiter": "\u20ac"}),
    ("1 2\n", {"dtype": ">f8"}),
    ("1 2\n", {"dtype": ">i4"}),
    ("1 2.5 abc\n3 4.5 de\n", {"dtype": "i4,f8,U3"}),
    ("1 2.5 abc\n3 4.5 de\n", {"dtype": [("a", "i4"), ("b", "f8"), ("c", "U3")]}),
    ("1 2.5 abc\n3 4.5 de\n", {"dtype": [("a", "i4"), ("c", "U3")], "usecols": (0, 2)}),
    ("1 2.5 abc\n3 4.5 de\n", {"dtype": "i4,f8,U3", "unpack": True}),
    ("1 2 3\n4 5 6\n", {"dtype": [("a", "i4"), ("b", "f8", (2,))]}),
    ("1 2\n", {"dtype": [("a", "i4"), ("b", "i4")], "ndmin": 2}),
    ("", {}),
    ("# only comments\n\n", {"ndmin": 2}),
    ("", {"dtype": "U"}),
    ("\n\n1 2\n", {"max_rows": 1}),
    ("-1\n", {"dtype": np.uint64}),
    ("99999999999999999999\n", {"dtype": np.int64}),
]


@pytest.mark.parametrize("text,kw", LOAD_CASES)
def test_loadtxt(text, kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        check(lambda xp: xp.loadtxt(sio(text), **kw))


@pytest.mark.parametrize("text,kw", LOAD_CASES[:20])
def test_loadtxt_list_and_bytes_input(text, kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        check(lambda xp: xp.loadtxt(text.splitlines(), **kw))
        check(lambda xp: xp.loadtxt(io.BytesIO(text.encode()), **kw))
        check(lambda xp: xp.loadtxt((line for line in text.encode().splitlines()), **kw))


# Each item of a list or generator is one line (NumPy's reader of iterables): a quoted field may
# continue into the next item with nothing added between them, a comment runs to the item's end,
# a line break inside an item is an error unless quoted.
LINE_ITEM_CASES = [
    (['"1 2" 3', '4 5'], dict(dtype=str, quotechar='"')),
    (['"1', '2" 3'], dict(dtype=str, quotechar='"')),
    (['"1\n2" 3', '4 5'], dict(dtype=str, quotechar='"')),
    (['"1 2\n', '3" 4'], dict(dtype=str, quotechar='"')),
    (['"1 2\r\n', '3" 4'], dict(dtype=str, quotechar='"')),
    (['"a', 'b"'], dict(dtype=str, quotechar='"', delimiter=',')),
    (['"a""', 'b" c'], dict(dtype=str, quotechar='"')),
    (['"a"', '"b"'], dict(dtype=str, quotechar='"')),
    (['a"b c"d e'], dict(dtype=str, quotechar='"')),
    (['"a"b"', 'c"'], dict(dtype=str, quotechar='"')),
    (['1 # "x', '2'], dict(quotechar='"')),
    (['"1 # x', '2"'], dict(dtype=str, quotechar='"')),
    (['1 # a\nb', '2'], dict(quotechar='"')),
    (['1 # a\nb', '2'], dict()),
    (['"1" 2\n3', '2 3'], dict(quotechar='"')),
    (['1\n2'], dict()),
    (['1\r\n', '2\r'], dict()),
    (['1\n', '', '2'], dict()),
    (['"1'], dict(dtype=str, quotechar='"')),
    (['"x,1', '",2', '3,4'], dict(dtype=str, quotechar='"', delimiter=',')),
    (['"x', '1",2', '3,4'], dict(dtype=str, quotechar='"', delimiter=',', skiprows=1)),
    (['"x', 'y",2', '3,4'], dict(dtype=str, quotechar='"', delimiter=',', max_rows=1)),
    (['a,1 // c', 'b,2 # d'], dict(dtype=str, delimiter=',', comments=['//', '#'])),
    (['1,2', '3,4'], dict(delimiter=',', usecols=1)),
    ([b'1;2', b'3;4'], dict(delimiter=';', dtype=int)),
    (['1 2', '3'], dict()),
    ([], dict()),
    (['', ''], dict()),
    (['é,"ü', 'x"'], dict(dtype=str, quotechar='"', delimiter=',', encoding='utf-8')),
]


@pytest.mark.parametrize("lines,kw", LINE_ITEM_CASES)
def test_loadtxt_line_items(lines, kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        check(lambda xp: xp.loadtxt(list(lines), **kw))
        check(lambda xp: xp.loadtxt((x for x in lines), **kw))


DATETIME_LOAD_CASES = [
    ("2020-01-01\n2021-03-04\n", dict(dtype="M8[D]")),
    ("2020-01-01T10:00,5\n2021-03-04T00:01,6\n", dict(dtype="M8[s]", delimiter=",", usecols=0)),
    ("2020-01-01,5\nNaT,6\n", dict(dtype=[("t", "M8[D]"), ("v", "i4")], delimiter=",")),
    ("2020-01\n2021-12\n", dict(dtype="M8[M]")),
    ("2020-01-01 2020-02-01\n2020-03-01 2020-04-01\n", dict(dtype="M8[D]")),
    ("2020-01-01\n", dict(dtype="M8[ns]", ndmin=2)),
    ("5\n-3\n", dict(dtype="m8[s]")),
    ("1,2020-01-01\n", dict(dtype=[("a", "f8"), ("t", "M8[h]")], delimiter=",")),
    ("2020-01-01\n2020-13-01\n", dict(dtype="M8[D]")),
    ("2020-01-01\nxyz\n", dict(dtype="M8[D]")),
    ("\n", dict(dtype="M8[D]")),
    ("2020-01-01\n", dict(dtype="M8")),
    ("2020-01-01\n2021\n", dict(dtype="M8")),
    ('"2020-01-01"\n', dict(dtype="M8[D]", quotechar='"')),
]


@pytest.mark.parametrize("text,kw", DATETIME_LOAD_CASES)
def test_loadtxt_datetimes(text, kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        check(lambda xp: xp.loadtxt(sio(text), **kw))


def test_loadtxt_char_dtype():
    check(lambda xp: xp.loadtxt(sio("a b\nc d\n"), dtype="c"))
    check(lambda xp: xp.loadtxt(sio("ab\n"), dtype="c"))


def test_savetxt_zero_columns():
    # NumPy writes one newline per row of a (N, 0) array.
    for shape in [(3, 0), (0, 0), (1, 0)]:
        check(lambda xp: _saved(xp, xp.zeros(shape)))
    # (2**59, 0) is 2**59 newlines: NumPy writes for as long as the disk lasts; the library
    # builds the text in memory and refuses at once (docs/io.md).
    a = cnp.empty((2 ** 59, 0))
    with pytest.raises(MemoryError, match="rows needs at least"):
        cnp.savetxt(io.StringIO(), a)


def test_loadtxt_path_encoding_and_gz(tmp_path):
    p = tmp_path / "u.txt"
    p.write_bytes("é 1\nü 2\n".encode("latin1"))
    check(lambda xp: xp.loadtxt(p, dtype="U2", encoding="latin1"))
    check(lambda xp: xp.loadtxt(str(p), dtype="U2", encoding="latin1", usecols=0))
    import gzip
    g = tmp_path / "d.txt.gz"
    with gzip.open(g, "wt") as f:
        f.write(DS_IO_1)
    check(lambda xp: xp.loadtxt(str(g), delimiter=","))


LOAD_ERRORS = [
    ("1,2\n3,x\n", {"delimiter": ","}),
    ("1,2\n3\n", {"delimiter": ","}),
    ("1,2\n  \n3,4\n", {"delimiter": ","}),
    ("0x10\n", {}),
    ("1_0\n", {}),
    ("NAN(1)\n", {}),
    ("true\n", {"dtype": bool}),
    ("1,2,3\n", {"delimiter": ",", "usecols": (5,)}),
    ("1 2\n", {"ndmin": 3}),
    ("1 2\n", {"skiprows": -1}),
    ("1 2\n", {"max_rows": -1}),
    ("1 2\n", {"skiprows": 1.5}),
    ("1 2\n", {"usecols": ["a"]}),
    ("1 2\n", {"comments": ""}),
    ("1 2\n", {"comments": ["#", "//"], "quotechar": '"'}),
    ("1 2\n", {"delimiter": ",", "comments": ","}),
    ("1 2\n", {"delimiter": "\n"}),
    ("1 2\n", {"quotechar": " "}),
    ("1 2\n", {"delimiter": ",,"}),
    ("1 2 3\n", {"dtype": "i4,i4"}),
    ("1 2 3\n", {"dtype": "i4,i4", "usecols": (0,)}),
    ("\u0100\n", {"dtype": "S"}),
    ("x" * 300 + "\n", {}),
]


@pytest.mark.parametrize("text,kw", LOAD_ERRORS)
def test_loadtxt_errors(text, kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        check_error(lambda xp: xp.loadtxt(sio(text), **kw))


def test_loadtxt_bad_fname():
    check_error(lambda xp: xp.loadtxt(5))


def _warnings_of(fn):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        r = fn()
    return r, [(x.category, str(x.message)) for x in w]


@pytest.mark.parametrize("text,kw", [
    ("1.0 2\n3 4.5\n", {"dtype": int}),
    ("300\n", {"dtype": np.uint8}),
    ("1e3\n-1\n", {"dtype": np.uint32}),
    ("1 2\n\n3 4\n5 6\n", {"max_rows": 2}),
    ("1 2\n\n3 4\n", {"max_rows": 5, "skiprows": 0}),
    ("1 2\n3 4\n\n", {"max_rows": 5}),
])
def test_loadtxt_warnings(text, kw):
    r1, w1 = _warnings_of(lambda: np.loadtxt(sio(text), **kw))
    r2, w2 = _warnings_of(lambda: cnp.loadtxt(sio(text), **kw))
    assert_same(r2, r1)
    assert [c.__name__ for c, _ in w2] == [c.__name__ for c, _ in w1]
    assert [m for _, m in w2] == [m for _, m in w1]


def test_loadtxt_no_data_warning():
    with pytest.warns(UserWarning, match="loadtxt: input contained no data"):
        r = cnp.loadtxt(["# nothing"])
    assert r.shape == (0,)


@pytest.mark.parametrize("conv,kw", [
    (float, {}),
    (lambda s: float(s) * 2, {"encoding": None}),
    ({1: lambda s: float(s.strip() or -1)}, {"delimiter": ","}),
    ({-1: lambda s: int(s, 16)}, {"delimiter": ",", "dtype": int}),
    ({0: lambda s: s.upper()}, {"delimiter": ",", "dtype": "U3", "usecols": (0,)}),
    ({0: lambda b: len(b)}, {"delimiter": ","}),
])
def test_loadtxt_converters(conv, kw):
    text = "a,1\nbb,\n" if "dtype" in kw and kw["dtype"] == "U3" else "1,a\n2,ff\n"
    if kw.get("dtype") is int:
        text = "1,a\n2,ff\n"
    elif isinstance(conv, dict) and 1 in conv:
        text = "1, 2\n3,\n"
    elif not isinstance(conv, dict) or 0 in conv and kw.get("dtype") is None:
        text = "1,2\n3,4\n" if not isinstance(conv, dict) else "ab,1\nc,2\n"
    if not isinstance(conv, dict):
        kw = dict(kw, delimiter=",")
    check(lambda xp: xp.loadtxt(sio(text), converters=conv, **kw))


@pytest.mark.parametrize("conv", [{"a": float}, {5: float}, {0: 3}, 42])
def test_loadtxt_converter_errors(conv):
    check_error(lambda xp: xp.loadtxt(sio("1,2\n"), delimiter=",", converters=conv))


def test_loadtxt_converter_failure_message():
    check_error(lambda xp: xp.loadtxt(sio("1,x\n"), delimiter=",", converters={1: float},
                                      encoding=None))


# -- savetxt ------------------------------------------------------------------------------------
def _saved(xp, a, **kw):
    b = io.StringIO()
    xp.savetxt(b, xp.asarray(a), **kw)
    return b.getvalue()


SAVE_ARRAYS = {
    "f8": np.array([[1.5, -2.25e-10, np.pi], [np.inf, -np.inf, np.nan], [0.0, -0.0, 1e300]]),
    "f4": np.array([[0.1, 2.5], [-3.75, 1e-8]], dtype=np.float32),
    "f2": np.array([1.5, -0.099], dtype=np.float16),
    "i8": np.array([[1, -2, 3], [2**62, -2**63, 0]]),
    "u8": np.array([2**64 - 1, 0], dtype=np.uint64),
    "i1": np.array([[-128, 127]], dtype=np.int8),
    "b": np.array([[True, False]]),
    "c16": np.array([[1 + 2j, -1.5 - 0.5j], [np.nan + 1j, 0j]]),
    "c8": np.array([1 - 1j, 2.5 + 0j], dtype=np.complex64),
    ">f8": np.array([1.5, 2.5], dtype=">f8"),
    "rec": np.array([(1, 2.5), (3, -4.5)], dtype=[("a", "i4"), ("b", "f8")]),
    "T": np.arange(6.0).reshape(2, 3).T,
    "empty": np.zeros((0, 3)),
}

SAVE_FORMATS = [
    {}, {"fmt": "%d"}, {"fmt": "%i"}, {"fmt": "%u"}, {"fmt": "%.3f"}, {"fmt": "%10.4e"},
    {"fmt": "%-12g|"}, {"fmt": "%+.2E"}, {"fmt": "% G"}, {"fmt": "%08.3f"}, {"fmt": "%.0f"},
    {"fmt": "%s"}, {"fmt": "%r"}, {"fmt": "%x"}, {"fmt": "%#o"}, {"fmt": "%5.3d"},
    {"fmt": "%.12g", "delimiter": ","}, {"fmt": "%.1f", "delimiter": "\t", "newline": "\r\n"},
    {"header": "a b\nc", "footer": "end", "comments": "// "},
    {"header": "h", "newline": "|"}, {"fmt": "%lf"}, {"fmt": "%.3F"}, {"fmt": "%%%.2f"},
]


@pytest.mark.parametrize("name", list(SAVE_ARRAYS))
@pytest.mark.parametrize("kw", SAVE_FORMATS, ids=[str(k) for k in SAVE_FORMATS])
def test_savetxt_bytes(name, kw):
    a = SAVE_ARRAYS[name]
    if name in ("c16", "c8") and kw.get("fmt") in ("%x", "%#o"):
        pytest.skip("Python's TypeError names the scalar type: numpy.float64 vs float64")
    check(lambda xp: _saved(xp, a, **kw))


@pytest.mark.parametrize("a,fmt", [
    (np.arange(6.0).reshape(2, 3), "%d %.2f %e"),
    (np.arange(6.0).reshape(2, 3), ["%d", "%.2f", "%e"]),
    (np.arange(6.0).reshape(2, 3), ("%d", "%.2f", "%e")),
    (np.array([[1 + 2j, 3 - 4j]]), "%.2f %.2f %.3f %.3f"),
    (np.array([[1 + 2j, 3 - 4j]]), ["(%.1f%+.1fj)", "%.2f %.2f"]),
    (np.array([(1, 2.5)], dtype=[("a", "i4"), ("b", "f8")]), ["%d", "%.1f"]),
    (np.arange(6.0).reshape(2, 3), b"%.1f"),
])
def test_savetxt_fmt_forms(a, fmt):
    check(lambda xp: _saved(xp, a, fmt=fmt))


@pytest.mark.parametrize("a,kw", [
    (np.arange(6.0).reshape(2, 3), {"fmt": "%d %d"}),
    (np.arange(6.0).reshape(2, 3), {"fmt": ["%d", "%d"]}),
    (np.array([[1 + 2j]]), {"fmt": "%d %d %d"}),
    (np.arange(8.0).reshape(2, 2, 2), {}),
    (np.array(5.0), {}),
    (np.array([np.nan]), {"fmt": "%d"}),
    (np.array([np.inf]), {"fmt": "%d"}),
    (np.arange(3.0), {"fmt": "%x"}),
    (np.arange(3.0), {"fmt": 5}),
    (np.arange(3.0), {"fmt": "%d %d"}),
])
def test_savetxt_errors(a, kw):
    check_error(lambda xp: _saved(xp, a, **kw))


def test_savetxt_files_and_round_trips(tmp_path):
    rng = np.random.default_rng(1)
    a = rng.standard_normal((50, 5))
    p1, p2 = tmp_path / "n.txt", tmp_path / "c.txt"
    np.savetxt(p1, a, header="x y", footer="f")
    cnp.savetxt(str(p2), cnp.asarray(a), header="x y", footer="f")
    assert p1.read_bytes() == p2.read_bytes()
    assert np.array_equal(np.loadtxt(p2), a)                  # NumPy reads cnumpy's file
    assert np.array_equal(cnp.loadtxt(p1).tolist(), a.tolist())  # and the reverse
    b = io.BytesIO()
    cnp.savetxt(b, cnp.asarray(a[:2]), fmt="%.3f", encoding="latin1")
    b2 = io.BytesIO()
    np.savetxt(b2, a[:2], fmt="%.3f", encoding="latin1")
    assert b.getvalue() == b2.getvalue()
    g1, g2 = tmp_path / "n.txt.gz", tmp_path / "c.txt.gz"
    np.savetxt(g1, a[:3])
    cnp.savetxt(g2, cnp.asarray(a[:3]))
    assert np.array_equal(np.loadtxt(g2), np.loadtxt(g1))
    i = rng.integers(-1000, 1000, (20, 4))
    cnp.savetxt(p2, cnp.asarray(i), fmt="%d", delimiter=",")
    assert np.array_equal(np.loadtxt(p2, delimiter=",", dtype=int), i)


# -- genfromtxt ---------------------------------------------------------------------------------
GEN_CASES = [
    ("1 2 3\n4 5 6\n", {}),
    ("1,2,3\n4,,6\n", {"delimiter": ","}),
    ("1,2,3\n4,,6\n", {"delimiter": ",", "filling_values": -1}),
    ("1,N/A,3\n4,5,6\n", {"delimiter": ",", "missing_values": "N/A"}),
    ("1,N/A,3\n4,5,6\n", {"delimiter": ",", "missing_values": "N/A", "usemask": True}),
    ("1,-999,3\n4,5,6\n", {"delimiter": ",", "missing_values": "-999", "usemask": True}),
    ("1,2,3\n4,x,6\n", {"delimiter": ","}),
    ("# c\n1 2 # x\n\n3 4\n", {}),
    ("skip\nskip\n1 2\n3 4\n5 6\n", {"skip_header": 2, "skip_footer": 1}),
    ("1 2 3\n4 5 6\n", {"usecols": (0, 2)}),
    ("1 2 3\n4 5 6\n", {"usecols": (-1,)}),
    ("1 2 3\n4 5 6\n7 8 9\n", {"max_rows": 2}),
    ("1 2\n3 4\n", {"unpack": True}),
    ("1\n2\n", {"ndmin": 2}),
    ("1 2\n3 4\n", {"dtype": np.float32}),
    ("1 2\n3 4\n", {"dtype": int}),
    ("1.5,x\n3,4\n", {"delimiter": ",", "dtype": int}),
    ("a b\n1 2\n3 4\n", {"names": True}),
    ("# a b\n1 2\n3 4\n", {"names": True}),
    ("a b c\n1 2 3\n4 5 6\n", {"names": True, "usecols": ("a", "c")}),
    ("1 2\n3 4\n", {"names": "x,y"}),
    ("1 2\n3 4\n", {"names": ["return", "a b"]}),
    ("1,2.5,a,True\n3,,b,False\n", {"delimiter": ",", "dtype": None, "encoding": None}),
    ("1,2\n3,4\n", {"delimiter": ",", "dtype": None}),
    ("1,a\n2,bc\n", {"delimiter": ",", "dtype": None}),
    ("1,2.5\n3,4\n", {"delimiter": ",", "dtype": None}),
    ("1+2j,3\n", {"delimiter": ",", "dtype": None}),
    ("True,False\nfalse,TRUE\n", {"delimiter": ",", "dtype": None}),
    ("a b\n1 2.5\n3 4\n", {"names": True, "dtype": None}),
    ("1 2\n3 4 5\n6 7\n", {"invalid_raise": False}),
    ("1 2\n3 4 5\n6 7\n", {}),
    ("12345\n67890\n", {"delimiter": [2, 3]}),
    ("12345\n67890\n", {"delimiter": 2}),
    ("1 2\n3 4\n", {"dtype": [("a", "i4"), ("b", "f8")]}),
    ("1 2\n3 4\n", {"converters": {1: lambda s: float(s) * 10}}),
    ("1,2\n3,4\n", {"delimiter": ",", "filling_values": {1: 9}}),
    ("1,,3\n,5,\n", {"delimiter": ",", "filling_values": [7, 8, 9]}),
    ("1,2\n3,4\n", {"delimiter": ",", "skip_footer": 5}),
    ("1 2\n3 4\n", {"max_rows": 1, "skip_footer": 1}),
    ("", {}),
    ("1, 2\n3 ,4\n", {"delimiter": ",", "autostrip": True, "dtype": None, "encoding": None}),
]


@pytest.mark.parametrize("text,kw", GEN_CASES)
def test_genfromtxt(text, kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        check(lambda xp: xp.genfromtxt(sio(text), **kw))


# Files the library maps and reads itself (cnp_loadtxt_path / cnp_genfromtxt_numeric_path):
# UTF-8 checks, universal newlines, blank and comment lines (the row bound the result is sized
# from), a missing last line end, and the fallbacks to Python's reading (invalid UTF-8, other
# encodings, missing files).
PATH_TEXTS = [
    b"1,2\n3,4\n", b"1,2\n3,4", b"1,2\r\n3,4\r\n", b"1,2\r3,4\r", b"\n\n1,2\n\n\n3,4\n\n",
    b"# c\n1,2\n# d\n3,4 # e\n", "# \u00e9\u20ac\n1,2\n3,4\n".encode(), b"1,2\n\xff\n",
    b"\xef\xbb\xbf1,2\n", b"", b"1,2\n3\n", b"1,2\n3,x\n", b"1,,2\n3,4,5\n" * 3,
    "1,2\n3,4\u00a0\n".encode(), b"1,2\n" * 1000 + b"\n" * 3000,
]
PATH_KW = [{}, {"skip_footer": 1}, {"max_rows": 1}, {"usemask": True}, {"dtype": np.float32},
           {"skip_header": 1}, {"usecols": [1]}, {"encoding": "utf-8"}, {"encoding": "latin-1"},
           {"missing_values": "x", "filling_values": 7}]


@pytest.mark.parametrize("text", PATH_TEXTS, ids=range(len(PATH_TEXTS)))
@pytest.mark.parametrize("kw", PATH_KW, ids=[str(k) for k in PATH_KW])
def test_genfromtxt_path(tmp_path, text, kw):
    p = tmp_path / "t.csv"
    p.write_bytes(text)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        check(lambda xp: xp.genfromtxt(str(p), delimiter=",", **kw))


# (A byte-order mark: loadtxt's conversion message shows it raw where Python's repr escapes it
# as '\\ufeff', a difference of the library's repr for every input, not of the path readers.)
LOAD_TEXTS = [t for t in PATH_TEXTS if not t.startswith(b"\xef\xbb\xbf")]
PATH_LOAD_KW = [{}, {"max_rows": 1}, {"skiprows": 1}, {"usecols": [1]}, {"encoding": "utf-8"},
                {"dtype": "U5"}, {"ndmin": 2}, {"unpack": True}]


@pytest.mark.parametrize("text", LOAD_TEXTS, ids=range(len(LOAD_TEXTS)))
@pytest.mark.parametrize("kw", PATH_LOAD_KW, ids=[str(k) for k in PATH_LOAD_KW])
def test_loadtxt_path(tmp_path, text, kw):
    p = tmp_path / "t.csv"
    p.write_bytes(text)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        check(lambda xp: xp.loadtxt(p, delimiter=",", **kw))


@pytest.mark.parametrize("text", [b'"a\r\nb",1\r\n"c\rd",2\r\n', b'"a\nb",1\n'])
def test_loadtxt_path_quoted_newlines(tmp_path, text):
    # Python's text mode turns \r\n and \r into \n inside quoted fields too, as NumPy reads it.
    p = tmp_path / "q.csv"
    p.write_bytes(text)
    check(lambda xp: xp.loadtxt(p, delimiter=",", quotechar='"', dtype="U4"))


@pytest.mark.parametrize("enc", [None, "latin-1", "cp1252"])
def test_loadtxt_path_other_encodings(tmp_path, enc):
    # Not UTF-8: the Python layer decodes (Latin-1's no-break space is whitespace here).
    p = tmp_path / "l.csv"
    p.write_bytes(b"1,2\n3,4\xa0\n5,6\n")
    check(lambda xp: xp.loadtxt(p, delimiter=",", encoding=enc))
    check(lambda xp: xp.genfromtxt(p, delimiter=",", encoding=enc))


@pytest.mark.parametrize("name", ["nope.csv", "nope.csv.gz", "."])
def test_path_readers_missing_file(tmp_path, name):
    p = str(tmp_path / name)
    check_error(lambda xp: xp.loadtxt(p))
    check_error(lambda xp: xp.genfromtxt(p))


def test_path_readers_c_api(tmp_path):
    # The C entry points themselves: Python's codec wording for invalid UTF-8 (the Python layer
    # then reads the file as NumPy would and raises Python's own error).
    from cnumpy import _textio
    from cnumpy._capi import produce, produce_many
    p = tmp_path / "bad.csv"
    p.write_bytes(b"1,2\n\xff,3\n")
    with pytest.raises(UnicodeDecodeError, match="can't decode byte 0xff in position 4: invalid start"):
        produce(_textio._loadtxt_path_c, str(p).encode(), cnp.dtype("f8")._h, ord(","), ord("#"),
                _textio._NULL, 0, -1, 0, _textio._NULL, 0, 0, -1, 0)
    with pytest.raises(UnicodeDecodeError, match="position 4"):
        produce_many(_textio._genfromtxt_path_c, 2, str(p).encode(), cnp.dtype("f8")._h, ord(","),
                     b"#", 0, 0, _textio._NULL, 0, _textio._NULL, 0, _textio._NULL, -1)
    with pytest.raises(OSError, match="No such file or directory"):
        produce(_textio._loadtxt_path_c, str(tmp_path / "none").encode(), cnp.dtype("f8")._h,
                ord(","), ord("#"), _textio._NULL, 0, -1, 0, _textio._NULL, 0, 0, -1, 0)


# The library's genfromtxt routes (numeric dtypes and records, names, dtype=None inference) and
# the inputs it must hand back to NumPy's algorithm, from a StringIO and from a file.
LIB_TEXTS = [
    "1,2\n3,4\n", "a,b\n1,2\n3,4\n", "# a,b\n1,2\n3,4.5\n", "#a b\n1,2\n", " x , y z \n1,2\n",
    "return,file\n1,2\n", "a,a\n1,2\n", "True,1\n5,2\n", "1,1\n,2\n", ",1\n,2\n", "a,b\nc,d\n",
    "True,\nFalse,1\n", "1,2\n99999999999999999999,3\n", "True,False\n,True\n", "1.5,x\n,y\n",
    "1_0,2\n3,4\n", "nan,1\ninf,2\n", "1e5,1\n2,2\n", "1+2j,3\n,4\n", "True,1.5\nFalse,2\n",
    ",\n,\n", "N/A,1\n2,2\n", "1,2\n3,4,5\n", "-3,+4\n 5 ,6\n", "300,-1\n2,70000\n",
    "1,2\n\n# c\n3,4 # d\n", "TRUE,false\ntrue,FALSE\n", "\u0661,2\n3,4\n", "",
    # str columns: widths, Latin-1 or not (bytes for encoding='bytes'), spaces kept, uniform str,
    # a value complex() reads (the general algorithm), missing strings kept
    "a,1\nbb,2\n", "\u00e9t\u00e9,1\nx,2\n", "\u20ac,1\nab,2\n", " ab ,1\ncd ,2\n", "a,b\nc,dd\n",
    "x,1j\ny,2\n", "1j,1\nabc,2\n", "N/A,1\nq,2\n", "name,v\nab,1.5\ncd,2\n", "True,x\n5,y\n",
    "zz,1\n0x1A,2\nyy,3\n", "a\u0661,1\nb,2\n", "inf,a\nnan,b\n",
]
LIB_KW = [
    {}, {"dtype": None}, {"dtype": None, "encoding": None}, {"names": True},
    {"names": True, "dtype": None}, {"names": "p,q"}, {"names": ["p", "q"], "dtype": None},
    {"dtype": int}, {"dtype": bool}, {"dtype": "u1"}, {"dtype": "i2,f4"}, {"dtype": "?,f8"},
    {"dtype": None, "missing_values": "N/A", "filling_values": 7},
    {"dtype": None, "max_rows": 1}, {"dtype": None, "skip_footer": 1}, {"dtype": None, "usecols": [1]},
    {"dtype": None, "skip_header": 1}, {"names": True, "unpack": True}, {"dtype": None, "ndmin": 2},
    {"names": True, "defaultfmt": "v%02d"}, {"dtype": None, "defaultfmt": "v%02d"},
    {"names": True, "excludelist": ["a"], "case_sensitive": "upper"},
]


@pytest.mark.parametrize("text", LIB_TEXTS, ids=range(len(LIB_TEXTS)))
@pytest.mark.parametrize("kw", LIB_KW, ids=[str(k) for k in LIB_KW])
def test_genfromtxt_library_routes(tmp_path, text, kw):
    p = tmp_path / "g.csv"
    p.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        check(lambda xp: xp.genfromtxt(sio(text), delimiter=",", **kw))
        check(lambda xp: xp.genfromtxt(str(p), delimiter=",", **kw))


# usemask with dtype=None on inputs whose result is not structured (structured masks are the
# usemask helper's: ma's structured masks).
@pytest.mark.parametrize("text", ["1,2\n3,4\n", "1,1\n,2\n", "nan,1.5\ninf,2\n", "1,2\n\n# c\n3,4 # d\n",
                                  "1,N/A\n3,4\n", "1.5,\n3,4.5\n"])
def test_genfromtxt_library_usemask(text):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if "N/A" not in text:
            check(lambda xp: xp.genfromtxt(sio(text), delimiter=",", dtype=None, usemask=True))
        check(lambda xp: xp.genfromtxt(sio(text), delimiter=",", usemask=True, missing_values="N/A"))


# Cases of NumPy's own numpy/lib/tests/test_io.py (TestFromTxt), as (text, keywords), compared
# with NumPy's result, warnings aside.
_SKIP_FOOTER = "\n".join(["# %i" % i for i in range(1, 6)] + ["A, B, C"] +
                         ["%i,%3.1f,%03s" % (i, i, i) for i in range(50)] + ["99,99"])
_INVALID = "\n".join(["2, 2, 2, 2 2" if i % 10 == 0 else "1, 1, 1, 1, 1" for i in range(50)])
NUMPY_IO_CASES = [
    ("1 2\n3 4", {"dtype": int}),                                          # test_array
    ("1\n2\n3\n4\n", {"dtype": int}), ("1,2,3,4\n", {"dtype": int, "delimiter": ","}),  # test_1D
    ("# comment\n1,2,3,5\n", {"dtype": int, "delimiter": ",", "comments": "#"}),  # test_comments
    ("1,2,3,5# comment\n", {"dtype": int, "delimiter": ",", "comments": "#"}),
    ("comment\n1,2,3,5\n", {"dtype": int, "delimiter": ",", "skip_header": 1}),  # test_skiprows
    (_SKIP_FOOTER, {"delimiter": ",", "names": True, "skip_header": 5, "skip_footer": 10}),
    ("1 1\n2 2\n3 3\n4 4\n5  \n6  \n7  \n", {"skip_footer": 1, "invalid_raise": False}),
    ("1 1\n2 2\n3 3\n4 4\n5  \n6  \n7  \n", {"skip_footer": 3}),
    ("1 1\n2  \n3 3\n4 4\n5  \n6 6\n7 7\n", {"skip_footer": 3, "invalid_raise": False}),
    ("gender age weight\nM 64.0 75.0\nF 25.0 60.0", {"dtype": None, "names": True}),  # test_header
    ("A 64 75.0 3+4j True\nBCD 25 60.0 5+6j False", {"dtype": None}),  # test_auto_dtype
    ("1 2 3 4\n5 6 7 8\n", {"dtype": None}),                             # test_auto_dtype_uniform
    ("col1 col2\n 1 2\n 3 4", {"dtype": (int, int), "comments": None, "names": True}),
    ("\n# gender age weight\nM   21  72.100000\nF   35  58.330000\nM   33  21.99\n",
     {"names": True, "dtype": None}),                                         # test_commented_header
    ("A B C D\n aaaa 121 45 9.1", {"names": True, "dtype": None, "usecols": ("A", "C", "D")}),
    ("1  2  3  4   5\n6  7  8  9  10", {}),                                 # test_spacedelimiter
    ("  1  2  3\n  4  5 67\n890123  4", {"delimiter": 3}),                 # test_integer_delimiter
    ("1,2,3,,5\n", {"dtype": int, "delimiter": ",", "converters": {3: lambda s: int(s or -999)}}),
    ("1\t2\t3\n\t2\t\n1\t\t3", {"delimiter": "\t", "usemask": True}),  # test_missing_with_tabs
    ("1 2 3\n4 5 6", {"usecols": (1,)}), ("1 2 3\n4 5 6", {"usecols": (1, 2)}),
    ("1 2 3\n4 5 6", {"usecols": "0, 2", "names": "a, b, c"}),             # test_usecols_as_css
    ("JOE 70.1 25.3\nBOB 60.5 27.9", {"usecols": (0, 2), "dtype": [("name", "S4"), ("h", float)]}),
    ("1 2 3\n4 5 6", {"usecols": 0}), ("1 2 3\n4 5 6", {"usecols": (0, -1), "names": "a, b, c"}),
    ("1 2 3\n4 5 6", {"usecols": ("a", "c"), "names": "a, b, c"}),
    ("", {}), ("\n\n", {"skip_header": 1}),                                 # test_empty_file
    ("A,B\n0,1\n2,N/A", {"dtype": None, "usemask": True, "delimiter": ",", "names": None,
                          "missing_values": "N/A"}),                            # test_withmissing
    ("A, B, C\n0, 0., 0j\n1, N/A, 1j\n-9, 2.2, N/A\n3, -99, 3j",
     {"missing_values": "N/A", "names": True, "dtype": None, "delimiter": ","}),  # test_user_missing
    ("N/A, 2, 3\n4, ,???", {"delimiter": ",", "dtype": int, "names": "a,b,c",
                            "missing_values": {0: "N/A", "b": " ", 2: "???"},
                            "filling_values": {0: 0, "b": 0, 2: -999}}),        # test_user_filling
    ("1,2,*,4\n5,*,7,8\n", {"delimiter": ",", "dtype": int, "missing_values": "*",
                               "filling_values": -1}),
    ("1,2,*,4\n5,*,7,8\n", {"delimiter": ",", "dtype": int, "missing_values": {None: "*"},
                               "filling_values": {None: -1}}),
    ("1 2 3\n4 5 6\n", {"dtype": None, "missing_values": "2,5", "usemask": True}),
    (_INVALID, {"delimiter": ",", "names": True, "invalid_raise": False}),   # test_invalid_raise
    (_INVALID, {"delimiter": ",", "names": True}),
    (_INVALID, {"delimiter": ",", "names": True, "usecols": (0, 4), "invalid_raise": False}),
    (_INVALID, {"delimiter": ",", "names": True, "usecols": (0, 1)}),
    ("0, 1, 2.3\n4, 5, 6.7", {"delimiter": ",", "dtype": None, "defaultfmt": "f%02i"}),
    ("0, 1, 2.3\n4, 5, 6.7", {"delimiter": ",", "dtype": float}),            # single dtype, no names
    ("0, 1, 2.3\n4, 5, 6.7", {"delimiter": ",", "dtype": float, "names": "a, b, c"}),
    ("a, b, c\n0, 1, 2.3\n4, 5, 6.7", {"delimiter": ",", "dtype": float, "names": True}),
    ("0, 1, 2.3\n4, 5, 6.7", {"delimiter": ",", "dtype": (int, float, float), "names": "a, b, c"}),
    ("01/01/2003  , 1.3,   abcde", {"delimiter": ",", "dtype": None, "encoding": None,
                                    "autostrip": True}),                        # test_autostrip
    ("A.A, B (B), C:C\n1, 2, 3.14", {"delimiter": ",", "names": True, "dtype": None}),
    ("A.A, B (B), C:C\n1, 2, 3.14", {"delimiter": ",", "names": True, "dtype": None,
                                     "replace_space": "", "deletechars": ""}),  # test_replace_space
    ("A.A, B (B), C:C\n1, 2, 3", {"delimiter": ",", "names": True, "dtype": int,
                                  "deletechars": ""}),
    ("A,,C\n0,1,2\n3,4,5", {"delimiter": ",", "names": True, "dtype": None}),  # incomplete names
    ("A,,C\n0,1,2\n3,4,5", {"delimiter": ",", "names": True}),
    ("1 2 3\n 4 5 6", {"dtype": (int, float, float), "names": "a"}),         # names auto-completion
    ("A,B,C,D,E\n0,1,2,3,4\n0,1,2,3,4\n0,1,2,3,4", {"delimiter": ",", "names": True,
                                                     "usecols": (0, 2, 4)}),  # bug1636
    ("A,B,C,D,E\n0,1,2,3,4\n0,1,2,3,4\n0,1,2,3,4", {"delimiter": ",", "names": True,
                                                     "usecols": ("A", "C", "E")}),
    ("    A    B   C\n    0    1 2.3\n   45   67   9.", {"delimiter": (5, 5, 4), "names": True,
                                                        "dtype": None}),   # fixed-width names
    ("1, 2, 3\n1, , 5\n0, 6, \n", {"delimiter": ",", "dtype": None,
                                      "filling_values": -999}),                # test_filling_values
    ("test1,testNonetherestofthedata", {"dtype": None, "comments": None, "delimiter": ",",
                                        "encoding": None}),
    ("1,2,3\n4,5,6\n7,8,9\n", {"delimiter": ",", "max_rows": 2}),          # test_max_rows
    ("a b\n1 2\n3 4\n5 6\n", {"names": True, "max_rows": 2}),
    ("1 2\n3 4\n", {"skip_header": 1, "max_rows": 1, "dtype": None}),
]


@pytest.mark.parametrize("text,kw", NUMPY_IO_CASES, ids=range(len(NUMPY_IO_CASES)))
def test_genfromtxt_numpy_io_cases(text, kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        check(lambda xp: xp.genfromtxt(sio(text), **kw))


def test_genfromtxt_invalid_warning():
    r1, w1 = _warnings_of(lambda: np.genfromtxt(sio("1 2\n3 4 5\n6 7\n"), invalid_raise=False))
    r2, w2 = _warnings_of(lambda: cnp.genfromtxt(sio("1 2\n3 4 5\n6 7\n"), invalid_raise=False))
    assert_same(r2, r1)
    assert [m for _, m in w2] == [m for _, m in w1]
    assert [c.__name__ for c, _ in w2] == ["ConversionWarning"]


def test_genfromtxt_mask():
    t = "1,,3\n4,5,N/A\n"
    m1 = np.genfromtxt(sio(t), delimiter=",", missing_values="N/A", usemask=True)
    m2 = cnp.genfromtxt(sio(t), delimiter=",", missing_values="N/A", usemask=True)
    assert np.array_equal(np.asarray(cnp.ma.getmaskarray(m2).tolist()), m1.mask)
    assert np.array_equal(np.asarray(cnp.ma.getdata(m2).tolist())[~m1.mask], m1.data[~m1.mask])


# -- fromregex ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text,regexp,dt", [
    ("1312 foo\n1534  bar\n444   qux", r"(\d+)\s+(...)", [("num", np.int64), ("key", "U3")]),
    ("1312 foo\n1534  bar\n", r"(\d+)\s", [("num", np.int64)]),
    ("a=1.5;b=2\n", r"(\w)=([\d.]+)", [("k", "U1"), ("v", np.float64)]),
    ("nothing", r"(\d+)", [("n", np.int64)]),
])
def test_fromregex(text, regexp, dt):
    check(lambda xp: xp.fromregex(sio(text), regexp, dt))


def test_fromregex_path_and_errors(tmp_path):
    p = tmp_path / "r.txt"
    p.write_text("1 a\n2 b\n")
    check(lambda xp: xp.fromregex(str(p), r"(\d) (\w)", [("n", int), ("s", "U1")]))
    check_error(lambda xp: xp.fromregex(sio("1"), r"(\d)", np.int64))


# genfromtxt with nested records and subarray fields: one text column per leaf, as NumPy's
# flatten_dtype(flatten_base=True) (the port gave each top-level field one column: wrong values).
_NESTED = [
    ("1,2,3\n4,5,6", [("a", "i4"), ("b", [("x", "i4"), ("y", "f8")])]),
    ("1,2,3\n4,5,6", [("a", "i4"), ("b", "f8", (2,))]),
    ("1,2,3,4,5\n4,5,6,7,8", [("a", "i4"), ("b", "f8", (2, 2))]),
    ("1,2,3,4\n4,5,6,7", [("a", "i4"), ("b", [("x", "i4"), ("y", "f8", (2,))])]),
    ("1,,3\n4,5,6", [("a", "i4"), ("b", [("x", "i4"), ("y", "f8")])]),
    ("1,2\n4,5", [("a", "i4"), ("b", "f8", (2,))]),
    ("1,2\n4,5", [("a", "i4"), ("b", "f8"), ("c", "f8")]),
    ("1,2,3,4\n4,5,6,7", [("a", "i4"), ("b", "f8"), ("c", "f8")]),
    ("1,2,3,4\n4,5,6,7", [("a", "i4"), ("b", "f8", (2,))]),
    ("7,8,9", "i4,(2)f8"),
    ("1,,3\n4,5,", [("a", "i4"), ("b", "f8", (2,))]),
    ("1,,3\n,5,6", [("a", "i4"), ("b", [("x", "i4"), ("y", "f8")])]),
]


@pytest.mark.parametrize("text,dt", _NESTED)
@pytest.mark.parametrize("kw", [{}, {"filling_values": 7}, {"usemask": True},
                                {"invalid_raise": False}])
def test_genfromtxt_nested_and_subarray_fields(text, dt, kw):
    check(lambda xp: xp.genfromtxt(sio(text), delimiter=",", dtype=dt, **kw))
