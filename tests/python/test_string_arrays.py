"""String arrays against NumPy 1.24 (issue 23, core): casts between numbers and S/U (NumPy's
str() digits one way, Python's int()/float()/complex() the other, with their messages),
truncation on assignment, the str_/bytes_ scalars, printing, argmax/argmin and min/max."""
import math

import numpy as np
import pytest

import cnumpy as cnp

FLOATS = [0.1, 1e16, 1e-5, 1e-4, 1.5, -0.0, 0.0, math.nan, math.inf, -math.inf, 123456789.123,
          9.999999999999999e15, 5e-324, 1.7976931348623157e308, 2.0 ** 60, 0.30000000000000004, 1e100]


def _values(dt):
    kind = np.dtype(dt).kind
    if kind == "b":
        return [True, False]
    if kind in "iu":
        info = np.iinfo(dt)
        return [0, 1, 7, int(info.max), int(info.min)]
    if kind == "c":
        return [complex(x, -x) for x in FLOATS[:9]] + [1j, 2 + 0j, complex(-0.0, 1)]
    return FLOATS


def _same(c, n):
    assert c.dtype.str == n.dtype.str
    assert c.shape == n.shape
    assert c.tobytes() == n.tobytes()


@pytest.mark.parametrize("src", ["f8", "f4", "f2", "c16", "c8", "i8", "u8", "i1", "u2", "?", ">f8", ">i4", ">c8"])
@pytest.mark.parametrize("dst", ["U32", "U5", "S32", "S3", "U", "S", ">U40"])
def test_numbers_to_text(src, dst):
    with np.errstate(all="ignore"):
        n = np.array(_values(src)).astype(src)
    _same(cnp.asarray(n).astype(dst), n.astype(dst))


TEXTS = ["1.5", " 2 ", "1e3", "inf", "-inf", "nan", "NaN", "Infinity", "+1.5", "1_000", "0x10", "abc", "",
         "1.5j", "1+2j", "(1+2j)", "  -7", "1.", ".5", "1e", "True", "\u0661\u0662\u0663", "1__0", "_1", "1_",
         "j", "-j", "1 + 2j", "inf+nanj", "9223372036854775808", "18446744073709551616", "-9223372036854775809",
         "\u20031\u2003", "0", "00012"]


@pytest.mark.parametrize("dst", ["f8", "f4", "i8", "u8", "i4", "u1", "c16", "?"])
@pytest.mark.parametrize("kind", ["U", "S"])
def test_text_to_numbers(dst, kind):
    for t in TEXTS:
        try:
            n = np.array([t]).astype(kind + "40")
        except UnicodeEncodeError:
            continue
        try:
            exp = n.astype(dst)
        except (ValueError, OverflowError) as e:
            with pytest.raises(type(e).__mro__[1] if isinstance(e, UnicodeError) else type(e)) as got:
                cnp.asarray(n).astype(dst)
            assert str(got.value) == str(e), t
            continue
        _same(cnp.asarray(n).astype(dst), exp)


def test_codec_errors():
    for fn in (lambda xp: xp.array(["aé", "x"]).astype("S2"), lambda xp: xp.array(["éω"]).astype("S"),
               lambda xp: xp.array([b"\xff"]).astype("U")):
        with pytest.raises(ValueError) as e:
            fn(np)
        with pytest.raises(ValueError) as g:
            fn(cnp)
        assert type(g.value) is type(e.value) and str(g.value) == str(e.value)
        assert (g.value.encoding, g.value.start, g.value.end) == (e.value.encoding, e.value.start, e.value.end)


def test_text_to_text_widths_and_orders():
    n = np.array(["alpha", "Beta", "gamma", "", "ωé"])
    c = cnp.asarray(n)
    for dst in ("U2", "U9", ">U3", "<U5"):
        _same(c.astype(dst), n.astype(dst))
    s = np.array([b"ab\x00c", b"xyz", b""])
    for dst in ("S2", "S6", "U4", ">U6"):
        _same(cnp.asarray(s).astype(dst), s.astype(dst))


def _assign(xp, dtype, value, index):
    a = xp.array(["abc", "d", "efgh"], dtype=dtype)
    a[index] = value
    return a


@pytest.mark.parametrize("dtype", ["U4", "S4", ">U4"])
@pytest.mark.parametrize("value, index", [("abcdefg", 0), ("xy", slice(None)), (12345, 1), (2.5, 2),
                                          (["long words", "q", "r"], slice(None)), ("zzzzzz", [0, 2])])
def test_assignment_truncates(dtype, value, index):
    if dtype.startswith("S") and isinstance(value, str):
        value = value if isinstance(value, str) else value
    _same(_assign(cnp, dtype, value, index), _assign(np, dtype, value, index))


def test_creation_truncates():
    _same(cnp.array(["abcdef", "x"], dtype="U3"), np.array(["abcdef", "x"], dtype="U3"))
    _same(cnp.full(3, "abcd", dtype="U2"), np.full(3, "abcd", dtype="U2"))
    _same(cnp.full(2, b"xy"), np.full(2, b"xy"))
    _same(cnp.zeros(2, "U3"), np.zeros(2, "U3"))
    _same(cnp.ones(2, "S3"), np.ones(2, "S3"))


def test_scalars_are_str_and_bytes():
    u = cnp.array(["abc", "de"])[0]
    b = cnp.array([b"abc", b"de"])[1]
    assert isinstance(u, str) and isinstance(u, cnp.str_) and isinstance(u, cnp.generic)
    assert isinstance(b, bytes) and isinstance(b, cnp.bytes_) and isinstance(b, cnp.character)
    assert u == "abc" and b == b"de" and u.upper() == "ABC"
    assert str(u.dtype) == str(np.str_("abc").dtype) and str(b.dtype) == str(np.bytes_(b"de").dtype)
    assert type(u.item()) is str and type(cnp.array(["x"]).item(0)) is str
    assert type(cnp.array(["x"]).tolist()[0]) is str
    assert cnp.dtype(cnp.str_) == cnp.dtype("U") and cnp.dtype("U3").type is cnp.str_
    _same(cnp.asarray(u), np.asarray(np.str_("abc")))
    a = cnp.array(["abc", "zz"])
    assert (a == u).tolist() == [True, False] and (a < u).tolist() == [False, False]


PRINTED = [
    lambda xp: xp.array(["alpha", "Beta", "gamma", ""]),
    lambda xp: xp.array([b"ab", b"\x00x", b"\xff", b"it's", b'q"']),
    lambda xp: xp.array(["é", "ω\n", "tab\t", "it's", '"q']),
    lambda xp: xp.array(["x" * 100, "y"]),
    lambda xp: xp.array(["a" * 30] * 10),
    lambda xp: xp.array([["a", "bb"], ["ccc", ""]]),
    lambda xp: xp.array("abc"),
    lambda xp: xp.array(b"abc"),
    lambda xp: xp.array([], dtype="U3"),
    lambda xp: xp.array(["a", "b"]).astype(">U2"),
    lambda xp: xp.array(["a" * 10] * 2000),
]


@pytest.mark.parametrize("i", range(len(PRINTED)))
def test_printing(i):
    c, n = PRINTED[i](cnp), PRINTED[i](np)
    assert repr(c) == repr(n)
    assert str(c) == str(n)


def test_argmax_argmin_and_minmax_errors():
    n = np.array([["b", "abc", "b"], ["", "zz", "zz"]])
    c = cnp.asarray(n)
    for axis in (None, 0, 1):
        _same(cnp.asarray(cnp.argmax(c, axis=axis)), np.asarray(np.argmax(n, axis=axis)))
        _same(cnp.asarray(cnp.argmin(c, axis=axis)), np.asarray(np.argmin(n, axis=axis)))
    for f in ("max", "min", "nanmax", "nanmin"):
        with pytest.raises(TypeError) as e:
            getattr(np, f)(n)
        with pytest.raises(TypeError) as g:
            getattr(cnp, f)(c)
        assert str(g.value) == str(e.value)
