"""Benchmark cases for string arrays (issue 23, core part): comparison, sort, unique and the
float -> string cast on 10**6 elements, with the issue's targets in the notes. Words are drawn
from /usr/share/dict/words (Debian's wamerican) cut to 7 characters (a <U7 array).
`/usr/bin/python3 bench/run.py --filter strings` runs this file's cases.
"""
from harness import Case

M = 10**6
_WORDS = "/usr/share/dict/words"


def _words(np, n, width=7):
    with open(_WORDS, encoding="utf-8") as f:
        vocab = [w[:width] for w in f.read().split()]
    rng = np.random.default_rng(23)
    return np.array(vocab)[rng.integers(0, len(vocab), n)]


def _equal(np, cnp):
    a = _words(np, M)
    b = a.copy()
    b[::3] = "zzz"
    ca, cb = cnp.array(a), cnp.array(b)
    return (lambda: a == b), (lambda: ca == cb)


def _sort(np, cnp):
    a = _words(np, M)
    ca = cnp.array(a)
    return (lambda: np.sort(a)), (lambda: cnp.sort(ca))


def _argsort_stable(np, cnp):
    a = _words(np, M)
    ca = cnp.array(a)
    return (lambda: np.argsort(a, kind="stable")), (lambda: cnp.argsort(ca, kind="stable"))


def _unique_counts(np, cnp):
    a = _words(np, M, 30)
    ca = cnp.array(a)
    return (lambda: np.unique(a, return_counts=True)), (lambda: cnp.unique(ca, return_counts=True))


def _astype_u32(np, cnp):
    a = np.random.default_rng(23).standard_normal(M)
    ca = cnp.array(a)
    return (lambda: a.astype("U32")), (lambda: ca.astype("U32"))


def _searchsorted(np, cnp):
    hay = np.unique(_words(np, 10**5, 30))
    needles = _words(np, M, 30)
    ch, cn = cnp.array(hay), cnp.array(needles)
    return (lambda: np.searchsorted(hay, needles)), (lambda: cnp.searchsorted(ch, cn))


def _isin(np, cnp):
    hay = _words(np, 10**4, 30)
    needles = _words(np, M, 30)
    ch, cn = cnp.array(hay), cnp.array(needles)
    return (lambda: np.isin(needles, hay)), (lambda: cnp.isin(cn, ch))


CASES = [
    Case("str_equal_u7_1e6", "a == b, two <U7 arrays of 10**6 words", _equal,
         note="target >= 1.5x. The string comparison loop of the registry (src/ufunc/string_compare.cpp)."),
    Case("str_sort_u7_1e6", "np.sort(a), <U7 10**6 words", _sort,
         note="target >= 2x. Code points packed 8 to a uint64 key (all below 256 here), one "
              "vqsort of (key, index) pairs, elements gathered by the permutation."),
    Case("str_argsort_stable_u7_1e6", "np.argsort(a, kind='stable'), <U7 10**6 words", _argsort_stable,
         note="the same kernel (its permutation is stable)."),
    Case("str_unique_counts_1e6", "np.unique(a, return_counts=True), 10**6 dictionary words (<U23)",
         _unique_counts, note="target >= 2x. MSD prefix-key sort (runs of equal 8-char keys refined "
                               "with the next 8), one pass comparing neighbours."),
    Case("str_astype_f64_u32_1e6", "a.astype('U32'), float64 10**6", _astype_u32,
         note="target >= 2x. Shortest round-trip digits (the printer's Dragon4 rules) per element."),
    Case("str_searchsorted_1e6", "np.searchsorted(h, v), 10**5 unique words, 10**6 needles", _searchsorted,
         note="binary search per needle with the unicode method's comparison."),
    Case("str_isin_1e6_1e4", "np.isin(v, h), 10**6 words vs 10**4 words", _isin,
         note="haystack sorted once, then a binary search per needle."),
]
