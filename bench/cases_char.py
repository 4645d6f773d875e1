"""Benchmark cases for numpy.char (issue 23): NumPy 1.24 calls a Python str method per element
(numpy.core.defchararray's _vec_string); cnumpy runs src/char's C++ loops (ASCII fast paths,
ICU for other characters, the pool's threads for large arrays). `/usr/bin/python3 bench/run.py
--filter char` runs this file's cases.
"""
from harness import Case

M = 10**6


def _words(np):
    """10**6 mixed-case ASCII words of 3..10 letters (a fixed seed)."""
    rng = np.random.default_rng(23)
    letters = np.array(list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    lengths = rng.integers(3, 11, M)
    flat = letters[rng.integers(0, len(letters), int(lengths.sum()))]
    ends = np.cumsum(lengths)
    text = "".join(flat.tolist())
    return np.array([text[e - n:e] for e, n in zip(ends.tolist(), lengths.tolist())])


def _case(fn_name, *args):
    def setup(np, cnp):
        a = _words(np)
        ca = cnp.array(a.tolist())
        f, g = getattr(np.char, fn_name), getattr(cnp.char, fn_name)
        return (lambda: f(a, *args)), (lambda: g(ca, *args))
    return setup


CASES = [
    Case("char_upper_1e6", "np.char.upper(a), a U10 10**6 words", _case("upper"),
         note="target >= 10x. ASCII fast path per element, threads over element ranges."),
    Case("char_find_1e6", "np.char.find(a, 'ab'), a U10 10**6 words", _case("find", "ab"),
         note="target >= 10x. Python's find rules (slice adjustment) on UCS4 code points."),
    Case("char_title_1e6", "np.char.title(a), a U10 10**6 words", _case("title"),
         note="no target: Python's title rule per character."),
    Case("char_str_len_1e6", "np.char.str_len(a), a U10 10**6 words", _case("str_len")),
    Case("char_center_1e6", "np.char.center(a, 12, '*'), a U10 10**6 words", _case("center", 12, "*")),
    Case("char_replace_1e6", "np.char.replace(a, 'a', 'XY'), a U10 10**6 words", _case("replace", "a", "XY"),
         note="two passes: results collected, then the width of the longest."),
    Case("char_startswith_1e6", "np.char.startswith(a, 'a'), a U10 10**6 words", _case("startswith", "a")),
    Case("char_isalpha_1e6", "np.char.isalpha(a), a U10 10**6 words", _case("isalpha")),
]
