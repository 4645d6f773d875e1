"""Text and None converted into typed arrays as NumPy 1.24 converts them, and genfromtxt's dtype
handling that rests on it (session 12): numpy.array of strings/bytes/None with a requested dtype
(bool takes a string's truth, None is NaN/False/'None', bytes into record fields), timedelta64
from strings with C strtol's rules, genfromtxt with a one-leaf record dtype (NumPy converts the
text as bytes: a missing value is an error), names on a plain dtype (easy_dtype's dtype.type),
user converters whose type differs from dtype. Each case runs in NumPy and cnumpy; the outcomes
must agree: the repr of the result, or the exception's class and message."""
import copy
import io
import warnings

import numpy as np
import pytest

import cnumpy as cnp


def _outcome(fn, xp):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return "ok", repr(fn(xp))
        except Exception as e:      # noqa: BLE001 - the class and message are compared
            return type(e).__name__, str(e)


def same(fn):
    exp, got = _outcome(fn, np), _outcome(fn, cnp)
    assert got == exp


# -- numpy.array of text and None with a requested dtype --------------------------------------
_TEXTS = ["", "5", "N", " 5 ", "0x10", "2.5", "1e3", "True", "0", "inf", "1+2j", "-7", "300",
          "nan", "2020-01-01"]
_DTYPES = ["f8", "f4", "f2", "i8", "i4", "u1", "?", "c16", "c8", "U3", "U", "S3", "S", "M8[s]",
           "m8[s]", "<i2", ">f8"]


@pytest.mark.parametrize("dt", _DTYPES)
@pytest.mark.parametrize("form", ["scalar", "list", "record"])
@pytest.mark.parametrize("as_bytes", [False, True])
def test_text_into_dtype(dt, form, as_bytes):
    for t in _TEXTS:
        v = t.encode() if as_bytes else t
        if form == "scalar":
            same(lambda xp: xp.array(v, dtype=dt))
        elif form == "list":
            same(lambda xp: xp.array([v, v], dtype=dt))
        else:
            same(lambda xp: xp.array([(v,), (v,)], dtype=[("b", dt)]))


@pytest.mark.parametrize("dt", ["f8", "f4", "f2", "c16", "i8", "u1", "?", "U3", "S3", "M8[s]",
                                "m8[s]"])
def test_none_into_dtype(dt):
    same(lambda xp: xp.array([None], dtype=dt))
    same(lambda xp: xp.array([None, 1], dtype=dt))
    same(lambda xp: xp.array([(None,)], dtype=[("a", dt)]))
    same(lambda xp: xp.array([(1, None)], dtype=[("a", dt), ("b", dt)]))


@pytest.mark.parametrize("text", ["5", "NaT", "", b"NaT", 5, None, "2020-01-01", "0", b"5"])
@pytest.mark.parametrize("dt", ["m8", "M8", "M8[D]"])
def test_generic_time_record_fields(text, dt):
    same(lambda xp: xp.array([(text,)], dtype=[("b", dt)]))


def test_zero_width_string_fields():
    same(lambda xp: xp.array([("",)], dtype=[("b", "U")]))
    same(lambda xp: xp.array([(b"",)], dtype=[("b", "S")]))


# -- timedelta64 from strings: strtol over the whole text --------------------------------------
_TD_TEXTS = [" ", "  ", " NaT", "NaT ", "nAt", "NAT", "+5", " -5", "\t7", "\n7", "\x0b7", "\x0c7",
             "\r7", "\xa07", "99999999999999999999", "-99999999999999999999",
             "-9223372036854775807", "-9223372036854775808", "9223372036854775807", "5_0", "+",
             "-", "+-5", "0005", "5 ", "5\n", "", "12"]


@pytest.mark.parametrize("text", _TD_TEXTS)
def test_timedelta_from_text(text):
    same(lambda xp: xp.array([text]).astype("m8[s]").view("i8"))
    same(lambda xp: xp.array([text, 1], dtype="m8[s]").view("i8"))
    same(lambda xp: xp.array([text.encode("utf-8")]).astype("m8[s]").view("i8"))


# -- genfromtxt: names, usecols and dtypes ------------------------------------------------------
_GF_TEXTS = ["a,b,c\n1,,3\n4,5,6\n", "a,b,c\n1,x,3\n4,5,6\n", "a,b,c\n1,2,3\n4,5,6\n",
             "a,b,c\n1, ,3\n4,5,6\n", "a,b,c\n1,N,3\n4,5,6\n"]
_GF_NAMES = [dict(names=True), dict(names=["x", "y", "z"], skip_header=1),
             dict(names="x,y,z", skip_header=1)]
_GF_KW = [dict(usecols=(1,)), dict(usecols=(-2,)), dict(usecols=1), dict(usecols=(1,), dtype=int),
          dict(usecols=(1,), dtype="U3"), dict(usecols=(1,), dtype=None),
          dict(usecols=(1,), filling_values=7), dict(usecols=(1,), usemask=True),
          dict(usecols=(1,), missing_values="N"), dict(usecols=(1,), dtype="f4,i4"),
          dict(usecols=(1,), dtype=[("q", "f8")]),
          dict(usecols=(1,), dtype=float, usemask=True, missing_values="N"),
          dict(usecols=(1, 2)), dict(usecols=(1,), converters={1: float}),
          dict(usecols=(1,), dtype=complex)]


def _gf(text, kw):
    return lambda xp: xp.genfromtxt(io.StringIO(text), **copy.deepcopy(kw))


@pytest.mark.parametrize("names", _GF_NAMES)
@pytest.mark.parametrize("kw", _GF_KW)
def test_genfromtxt_names_usecols(names, kw):
    for text in _GF_TEXTS:
        same(_gf(text, dict(kw, delimiter=",", **names)))


_GF_CASES = [
    ("1,2\n3,4\n", dict(converters={0: int})),
    ("1,2\n3,4\n", dict(converters={0: float})),
    ("1,2\n3,4\n", dict(converters={0: int}, dtype=int)),
    ("1,2\n3,4\n", dict(converters={0: lambda s: s}, dtype=int)),
    ("1,2\n3,4\n", dict(converters={1: lambda s: float(s) * 2}, dtype="f4")),
    ("1,2\n3,4\n", dict(converters={0: int}, filling_values=0.5)),
    ("1,2\n3,4\n", dict(converters={0: int}, usemask=True)),
    ("1\n3\n", dict(converters={0: int})),
    ("1\n3\n", dict(converters={0: int}, names=["x"])),
    ("1\n3\n", dict(names=["x"])),
    ("1\n\n3\n", dict(names=["x"])),
    ("1\nN\n3\n", dict(names=["x"], missing_values="N")),
    ("1\nN\n3\n", dict(names="x", missing_values="N", filling_values=0)),
    ("1\n0\n3\n", dict(names=["x"], dtype=bool)),
    ("1\n0\n3\n", dict(names=["x"], dtype="U2")),
    ("1\n0\n3\n", dict(names=["x"], dtype="S2")),
    ("1\n0\n3\n", dict(names=["x"], dtype=">i4")),
    ("1,2\n0,3\n", dict(names=["x", "y"], dtype=">i4")),
    ("1,2\n0,3\n", dict(names=["x", "y"], dtype="U2")),
    ("1,2\n0,3\n", dict(dtype=[("a", "f8")])),
    ("1\n\xe2\x82\xac\n".encode("latin1").decode("utf-8"), dict(dtype=[("a", "f8")])),
    ("1\n\xe2\x82\xac\n".encode("latin1").decode("utf-8"), dict(dtype=[("a", "U3")])),
    ("1\n2\n", dict(dtype=[("a", "f8")], usemask=True)),
    ("1\n2\n", dict(dtype=[("a", "f8")], unpack=True)),
    ("1\n2\n", dict(dtype=[("a", "f8")], ndmin=2)),
    ("1\n2\n", dict(dtype=[("a", [("b", "f8")])])),
    ("1\nN\n2\n", dict(dtype=[("a", "i4")], missing_values="N")),
    ("1\n0\n2\n", dict(dtype=[("a", "?")])),
    ("1\n0x10\n2\n", dict(dtype=[("a", "i8")])),
    ("1\n1e3\n2\n", dict(dtype=[("a", "f8")], converters={0: lambda s: float(s) * 2})),
    ("a\n1\n2\n", dict(names=True, dtype=int)),
    ("a,b\n1,2\n3,4\n", dict(names=True, usecols=0)),
    ("a,b\n1,2\n3,4\n", dict(names=True, usecols="b")),
    ("a,b\n1,2\n3,4\n", dict(names=True, usecols=["b"], dtype=None)),
    ("a,b\n1,\n3,4\n", dict(names=True, usecols=["b"], dtype=None)),
    ("a,b\n1,2\n3,4\n", dict(names=True, usecols=["b"], ndmin=2)),
    ("a,b\n1,2\n3,4\n", dict(names=True, usecols=["b"], unpack=True)),
]


@pytest.mark.parametrize("text,kw", _GF_CASES)
def test_genfromtxt_dtype_cases(text, kw):
    same(_gf(text, dict(kw, delimiter=",")))


def test_genfromtxt_one_leaf_record_file(tmp_path):
    """The library's file path declines one-leaf records as the in-memory one does."""
    p = tmp_path / "one.csv"
    p.write_text("a,b\n1,\n3,4\n")
    same(lambda xp: xp.genfromtxt(str(p), delimiter=",", names=True, usecols=1))
    same(lambda xp: xp.genfromtxt(str(p), delimiter=",", dtype=[("q", "f8")], skip_header=2,
                                  usecols=(1,)))


# -- assignments and fill values: the destination's setitem ------------------------------------
def _assigned(xp, dt, key, value):
    a = xp.zeros(3, dtype=dt)
    a[key] = value
    return a


@pytest.mark.parametrize("dt", ["f8", "f4", "c16", "?", "U3", "S3", "i4"])
@pytest.mark.parametrize("key", [0, slice(None), [1], Ellipsis])
def test_assign_none(dt, key):
    same(lambda xp: _assigned(xp, dt, key, None))
    same(lambda xp: xp.full(2, None, dtype=dt))


@pytest.mark.parametrize("value", ["0", "", "x", b"0", b"", ["0", ""], ("", "1", "0")])
@pytest.mark.parametrize("key", [0, slice(None), [1, 2], Ellipsis])
def test_assign_text_into_bool(value, key):
    if key == 0 and isinstance(value, (list, tuple)):
        return      # NumPy's BOOL_setitem takes a list's truth there; not this test's subject
    same(lambda xp: _assigned(xp, "?", key, value))


@pytest.mark.parametrize("value", [[None, 1.0, 2.5], (None, None, None)])
@pytest.mark.parametrize("dt", ["f8", "c16", "?"])
def test_assign_list_with_none(value, dt):
    same(lambda xp: _assigned(xp, dt, slice(None), value))
    same(lambda xp: xp.array(value, dtype=dt))
