"""Benchmark cases for datetime64/timedelta64 (issue 24), with the issue's targets in the notes.
`/usr/bin/python3 bench/run.py --filter datetime` runs this file's cases."""
from harness import Case

M = 10**6
N = 10**7


def _seconds(np, n):
    """n datetime64[s] values from 1900 to 2100."""
    rng = np.random.default_rng(24)
    return rng.integers(-2208988800, 4102444800, n).astype("M8[s]")


def _parse(np, cnp):
    text = np.datetime_as_string(_seconds(np, M))          # '2034-05-06T07:08:09', U19
    ctext = cnp.array(text)
    return (lambda: text.astype("M8[s]")), (lambda: ctext.astype("M8[s]"))


def _as_string(np, cnp):
    a = _seconds(np, M)
    ca = cnp.array(a)
    return (lambda: np.datetime_as_string(a)), (lambda: cnp.datetime_as_string(ca))


def _busday_count(np, cnp):
    rng = np.random.default_rng(24)
    b = rng.integers(0, 20000, M).astype("M8[D]")
    e = b + rng.integers(-400, 400, M).astype("m8[D]")
    hol = np.array(["2024-01-01", "2024-12-25", "2025-01-01", "2025-12-25"], "M8[D]")
    cb, ce, ch = cnp.array(b), cnp.array(e), cnp.array(hol)
    return (lambda: np.busday_count(b, e, holidays=hol)), (lambda: cnp.busday_count(cb, ce, holidays=ch))


def _to_months(np, cnp):
    a = _seconds(np, N)
    ca = cnp.array(a)
    return (lambda: a.astype("M8[M]")), (lambda: ca.astype("M8[M]"))


def _subtract(np, cnp):
    a = _seconds(np, N)
    b = a[::-1].copy()
    ca, cb = cnp.array(a), cnp.array(b)
    return (lambda: a - b), (lambda: ca - cb)


CASES = [
    Case("datetime_parse_1e6", "np.array(iso_strings).astype('M8[s]'), 10**6 'YYYY-MM-DDThh:mm:ss'",
         _parse, note="target >= 3x. One pass over the UCS4 text, fields read by position, the "
                      "day number from the date without loops (src/datetime/parse.cpp)."),
    Case("datetime_as_string_1e6", "np.datetime_as_string(a), a M8[s] 10**6", _as_string,
         note="target >= 2x. Neri-Schneider date from the day number, digits written in pairs."),
    Case("busday_count_1e6", "np.busday_count(b, e, holidays=4 dates), 10**6 pairs", _busday_count,
         note="target >= 1.5x. Whole weeks at once, the rest of a week from a 7x7 table, holidays "
              "by binary search."),
    Case("datetime_s_to_M_1e7", "a.astype('M8[M]'), a M8[s] 10**7", _to_months,
         note="target >= 1.5x. Days by a constant division, months by Neri-Schneider."),
    Case("datetime_subtract_1e7", "a - b, M8[s] 10**7", _subtract,
         note="no target: the registry's datetime subtract loop (NaT checks)."),
]
