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


def _isnat(np, cnp):
    a = _seconds(np, N)
    a[::7] = np.datetime64("NaT")
    ca = cnp.array(a)
    return (lambda: np.isnat(a)), (lambda: cnp.isnat(ca))


def _unique_nat(np, cnp):
    a = _seconds(np, M).astype("M8[D]").astype("M8[s]")     # many repeats; every 5th NaT
    a[::5] = np.datetime64("NaT")
    ca = cnp.array(a)
    return (lambda: np.unique(a, equal_nan=False, return_counts=True)), \
        (lambda: cnp.unique(ca, equal_nan=False, return_counts=True))


def _sum_where(np, cnp):
    rng = np.random.default_rng(24)
    t = rng.integers(-10**9, 10**9, (1000, 10**4)).astype("m8[s]")
    w = rng.integers(0, 2, 10**4).astype(bool)
    ct, cw = cnp.array(t), cnp.array(w)
    init, cinit = np.timedelta64(5, "m"), cnp.timedelta64(5, "m")
    return (lambda: np.sum(t, axis=1, where=w, initial=init)), \
        (lambda: cnp.sum(ct, axis=1, where=cw, initial=cinit))


class _PytzLike:
    """A zone whose fromutc takes NumPy's naive datetimes (as pytz zones do), with US DST."""
    def __init__(self):
        import zoneinfo
        self.zone = zoneinfo.ZoneInfo("US/Eastern")

    def fromutc(self, dt):
        return self.zone.fromutc(dt.replace(tzinfo=self.zone))


def _as_string_tz(np, cnp):
    a = _seconds(np, 10**5)
    ca = cnp.array(a)
    tz = _PytzLike()
    return (lambda: np.datetime_as_string(a, timezone=tz)), (lambda: cnp.datetime_as_string(ca, timezone=tz))


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
    Case("datetime_isnat_1e7", "np.isnat(a), a M8[s] 10**7 (every 7th NaT)", _isnat,
         note="the isnat ufunc through the loop registry"),
    Case("datetime_unique_nat_1e6", "np.unique(a, equal_nan=False, return_counts=True), M8[s] 10**6",
         _unique_nat, note="datetime sort method; NaTs kept apart"),
    Case("timedelta_sum_where_1e7", "np.sum(t, axis=1, where=w, initial=5 min), m8[s] (1000, 10**4)",
         _sum_where, note="datetime reduction with where= and initial="),
    Case("datetime_as_string_tz_1e5", "np.datetime_as_string(a, timezone=<pytz-like US/Eastern>), 10**5",
         _as_string_tz, note="tz.fromutc once per distinct minute (NumPy: once per element)"),
]
