"""Sorting, searching and set functions on string arrays (S and U of any width and byte order)
through their sort method in the loop registry, against NumPy 1.24."""
import random

import numpy as np
import pytest

import cnumpy as cnp


def _words(n, seed, alphabet="abcz", maxlen=12):
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        k = rng.randrange(0, maxlen + 1)
        out.append("".join(rng.choice(alphabet) for _ in range(k)))
    return out


# Shared prefixes longer than a key (8 chars), code points below 256, below 65536 and above,
# empty strings, embedded NULs.
DATA = {
    "ds5": ["alpha", "Beta", "gamma", ""],
    "short": _words(300, 1, "ab", 5),
    "prefix": ["commonprefix_" + w for w in _words(400, 2, "xyz", 14)],
    "latin1": _words(200, 3, "aéÿz", 10),
    "bmp": _words(200, 4, "aωЖz", 10),
    "astral": _words(200, 5, "a\U0001F600\U00010000z", 6),
    "nul": ["a", "a\x00b", "ab", "", "a\x00", "b"],
}
BYTES = {
    "ds5": [b"alpha", b"Beta", b"gamma", b""],
    "prefix": [("commonprefix_" + w).encode() for w in _words(400, 6, "xyz", 14)],
    "high": [bytes([0x80 + (i * 37) % 120, (i * 11) % 256]) for i in range(150)],
}


def _arrays():
    for name, v in DATA.items():
        yield "U-" + name, np.array(v)
    yield "U-swapped", np.array(DATA["prefix"]).astype(">U30")
    yield "U-wide", np.array(DATA["short"], dtype="U40")
    for name, v in BYTES.items():
        yield "S-" + name, np.array(v)


ARRAYS = dict(_arrays())


def _same(c, n):
    assert c.dtype.str == n.dtype.str
    assert c.shape == n.shape
    assert c.tobytes() == n.tobytes()


@pytest.mark.parametrize("name", sorted(ARRAYS))
@pytest.mark.parametrize("kind", [None, "stable", "heapsort"])
def test_sort_and_argsort(name, kind):
    n = ARRAYS[name]
    c = cnp.asarray(n)
    _same(cnp.sort(c, kind=kind), np.sort(n, kind=kind))
    if kind == "stable":
        _same(cnp.argsort(c, kind=kind), np.argsort(n, kind=kind))
    else:  # NumPy's unstable kinds may order ties differently: compare the values
        _same(c[cnp.argsort(c, kind=kind)], n[np.argsort(n, kind=kind)])
    m = c.copy()
    m.sort(kind=kind)
    _same(m, np.sort(n, kind=kind))


@pytest.mark.parametrize("name", ["U-prefix", "S-prefix", "U-bmp", "U-swapped"])
def test_sort_along_axes_and_strides(name):
    n = ARRAYS[name][:200].reshape(10, 20)
    c = cnp.asarray(n)
    for axis in (0, 1, -1, None):
        _same(cnp.sort(c, axis=axis), np.sort(n, axis=axis))
        _same(cnp.argsort(c, axis=axis, kind="stable"), np.argsort(n, axis=axis, kind="stable"))
    _same(cnp.sort(c[::-2, 1::3], axis=0), np.sort(n[::-2, 1::3], axis=0))
    _same(cnp.sort(c.T, axis=1), np.sort(n.T, axis=1))


@pytest.mark.parametrize("name", ["U-ds5", "U-prefix", "S-high", "U-astral"])
def test_partition(name):
    n = ARRAYS[name]
    c = cnp.asarray(n)
    for kth in (0, len(n) // 2, -1, [1, 2]):
        p = cnp.partition(c, kth)
        s = np.sort(n)
        ks = [kth] if isinstance(kth, int) else kth
        for k in ks:
            assert p[k] == s[k]
            assert (p[:k % len(n)] <= p[k]).all() if hasattr(p[:1], "all") else True
        ap = cnp.argpartition(c, kth)
        for k in ks:
            assert c[ap[k]] == s[k]


def test_lexsort_with_string_keys():
    rng = random.Random(7)
    first = np.array(_words(300, 8, "ab", 3))
    second = np.array([rng.randrange(3) for _ in range(300)])
    third = np.array(_words(300, 9, "xy", 2)).astype("S")
    for keys in ((first, second), (second, first), (third, first, second)):
        _same(cnp.lexsort(tuple(cnp.asarray(k) for k in keys)), np.lexsort(keys))


@pytest.mark.parametrize("side", ["left", "right"])
def test_searchsorted(side):
    hay = np.sort(np.array(DATA["prefix"] + DATA["short"]))
    needles = np.array(_words(100, 10, "abxyz", 6) + ["commonprefix_x", "", "zzzz"])
    c = cnp.asarray(hay)
    _same(cnp.searchsorted(c, cnp.asarray(needles), side=side), np.searchsorted(hay, needles, side=side))
    for v in ("a", "commonprefix_", b"ab", 1, ["b", "a"]):
        _same(cnp.asarray(cnp.searchsorted(c, v, side=side)), np.asarray(np.searchsorted(hay, v, side=side)))
    unsorted = np.array(DATA["prefix"])
    sorter = np.argsort(unsorted, kind="stable")
    _same(cnp.searchsorted(cnp.asarray(unsorted), cnp.asarray(needles), side=side, sorter=cnp.asarray(sorter)),
          np.searchsorted(unsorted, needles, side=side, sorter=sorter))
    sb = np.sort(np.array(BYTES["prefix"]))
    assert int(cnp.searchsorted(cnp.asarray(sb), b"commonprefix_y", side=side)) == \
        int(np.searchsorted(sb, b"commonprefix_y", side=side))


@pytest.mark.parametrize("name", sorted(ARRAYS))
def test_unique_all_outputs(name):
    n = ARRAYS[name]
    c = cnp.asarray(n)
    got = cnp.unique(c, return_index=True, return_inverse=True, return_counts=True)
    exp = np.unique(n, return_index=True, return_inverse=True, return_counts=True)
    for g, e in zip(got, exp):
        _same(g, e)
    _same(cnp.unique(c), np.unique(n))


def test_unique_axis_and_2d():
    n = np.array([["a", "b"], ["a", "b"], ["c", "a"], ["a", "a"]])
    c = cnp.asarray(n)
    for axis in (0, 1):
        for g, e in zip(cnp.unique(c, axis=axis, return_counts=True), np.unique(n, axis=axis, return_counts=True)):
            _same(g, e)
    _same(cnp.unique(c), np.unique(n))


def test_set_functions():
    a = np.array(_words(200, 11, "abc", 3))
    b = np.array(_words(150, 12, "bcd", 3))
    ca, cb = cnp.asarray(a), cnp.asarray(b)
    _same(cnp.isin(ca, cb), np.isin(a, b))
    _same(cnp.isin(ca, cb, invert=True), np.isin(a, b, invert=True))
    _same(cnp.in1d(ca, cb), np.in1d(a, b))
    _same(cnp.union1d(ca, cb), np.union1d(a, b))
    _same(cnp.intersect1d(ca, cb), np.intersect1d(a, b))
    for g, e in zip(cnp.intersect1d(ca, cb, return_indices=True), np.intersect1d(a, b, return_indices=True)):
        _same(g, e)
    _same(cnp.setdiff1d(ca, cb), np.setdiff1d(a, b))
    _same(cnp.setxor1d(ca, cb), np.setxor1d(a, b))
    sa, sb = a.astype("S"), b.astype("S")
    _same(cnp.isin(cnp.asarray(sa), cnp.asarray(sb)), np.isin(sa, sb))
    _same(cnp.union1d(cnp.asarray(sa), cnp.asarray(sb)), np.union1d(sa, sb))
    # different widths: the haystack and the needles meet in their common width
    w = np.array(["ab", "abc", "abcdefghij"])
    _same(cnp.isin(cnp.asarray(w), cnp.asarray(np.array(["abcdefghij", "ab"]))),
          np.isin(w, np.array(["abcdefghij", "ab"])))


def test_empty_and_zero_d():
    for spec in ("U3", "S2"):
        e = np.zeros(0, dtype=spec)
        c = cnp.asarray(e)
        _same(cnp.sort(c), np.sort(e))
        _same(cnp.argsort(c), np.argsort(e))
        _same(cnp.unique(c), np.unique(e))
        _same(cnp.searchsorted(c, cnp.asarray(e)), np.searchsorted(e, e))
    z = np.array("abc")
    _same(cnp.sort(cnp.asarray(z), axis=None), np.sort(z, axis=None))


def test_large_sort_matches():
    words = _words(20000, 13, "abcdefghijklmnop", 9)
    n = np.array(words)
    c = cnp.asarray(n)
    _same(cnp.sort(c), np.sort(n))
    _same(cnp.argsort(c, kind="stable"), np.argsort(n, kind="stable"))
    for g, e in zip(cnp.unique(c, return_counts=True), np.unique(n, return_counts=True)):
        _same(g, e)


def test_plain_void_sorts_by_bytes():
    # records sort field by field (issue 26, tests/python/test_records.py); plain void by its
    # raw bytes (NumPy's VOID_compare falls back to memcmp)
    raw = [b"b\x00\x01", b"a\x01\x00", b"a\x00\xff", b"\xff\x00\x00", b"a\x00\xff"]
    expected = np.sort(np.array(raw, "V3"), kind="stable")
    got = cnp.sort(cnp.array(raw, "V3"), kind="stable")
    assert got.tolist() == expected.tolist()
    assert cnp.argsort(cnp.array(raw, "V3")).tolist() == np.argsort(np.array(raw, "V3"), kind="stable").tolist()
