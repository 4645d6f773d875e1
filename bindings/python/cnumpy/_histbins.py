"""numpy.histogram's bin-count estimators for string `bins` ('auto', 'fd', 'doane', 'scott',
'stone', 'rice', 'sturges', 'sqrt'), NumPy 1.24's formulas step by step: the data-dtype steps
(max - min, std, the doane moments) run as cnumpy operations so they round like NumPy's, the
scalar arithmetic after them is float64 (Python floats, as NumPy's scalar promotion gives)."""
import math
import warnings

from ._products import dot
from ._reduce import all as _all, amax, amin, mean, std
from ._ufunc_table import UFUNCS

_subtract, _true_divide, _power = UFUNCS["subtract"], UFUNCS["true_divide"], UFUNCS["power"]
_logical_and, _greater_equal, _less_equal = (UFUNCS["logical_and"], UFUNCS["greater_equal"],
                                             UFUNCS["less_equal"])


def _spread(hi, lo):
    """NumPy's _unsigned_subtract(hi, lo) as a Python number: exact for integers (NumPy
    subtracts in the unsigned type), in the operands' float type otherwise."""
    if isinstance(hi, int) and isinstance(lo, int):
        return hi - lo
    return float(_subtract(hi, lo))


def _scalar(v):
    """A cnumpy scalar as a Python int (integer kinds) or float."""
    kind = getattr(getattr(v, "dtype", None), "kind", None)
    if kind in ("i", "u", "b"):
        return int(v)
    return v if isinstance(v, (int, float)) else v


def _ptp(x):
    return _spread(_scalar(amax(x)), _scalar(amin(x)))


def _sqrt(x, rng, hist, pct):
    return _ptp(x) / math.sqrt(x.size)


def _sturges(x, rng, hist, pct):
    return _ptp(x) / (math.log2(x.size) + 1.0)


def _rice(x, rng, hist, pct):
    return _ptp(x) / (2.0 * x.size ** (1.0 / 3))


def _scott(x, rng, hist, pct):
    factor = (24.0 * math.pi ** 0.5 / x.size) ** (1.0 / 3)
    return factor * float(std(x))


def _stone(x, rng, hist, pct):
    n = x.size
    ptp_x = _ptp(x)
    if n <= 1 or ptp_x == 0:
        return 0

    def jhat(nbins):
        hh = ptp_x / nbins
        p_k = hist(x, bins=nbins, range=rng)[0] / n
        return (2 - (n + 1) * float(dot(p_k, p_k))) / hh

    upper = max(100, int(math.sqrt(n)))
    nbins = min(range(1, upper + 1), key=jhat)
    if nbins == upper:
        warnings.warn("The number of bins estimated may be suboptimal.", RuntimeWarning, stacklevel=4)
    return ptp_x / nbins


def _doane(x, rng, hist, pct):
    if x.size > 2:
        sg1 = math.sqrt(6.0 * (x.size - 2) / ((x.size + 1.0) * (x.size + 3)))
        sigma = std(x)
        if float(sigma) > 0.0:
            temp = _subtract(x, mean(x))
            _true_divide(temp, sigma, temp)
            _power(temp, 3, temp)
            g1 = float(mean(temp))
            return _ptp(x) / (1.0 + math.log2(x.size) + math.log2(1.0 + abs(g1) / sg1))
    return 0.0


def _fd(x, rng, hist, pct):
    p75, p25 = pct(x, [75, 25]).tolist()
    return 2.0 * (p75 - p25) * x.size ** (-1.0 / 3.0)


def _auto(x, rng, hist, pct):
    fd_bw = _fd(x, rng, hist, pct)
    sturges_bw = _sturges(x, rng, hist, pct)
    return min(fd_bw, sturges_bw) if fd_bw else sturges_bw


_SELECTORS = {"stone": _stone, "auto": _auto, "doane": _doane, "fd": _fd, "rice": _rice,
              "scott": _scott, "sqrt": _sqrt, "sturges": _sturges}


def check_name(name, weights):
    if name not in _SELECTORS:
        raise ValueError("{!r} is not a valid estimator for `bins`".format(name))
    if weights is not None:
        raise TypeError("Automated estimation of the number of bins is not supported for weighted data")


def bin_count(a, name, rng, hist, pct):
    """The number of equal bins NumPy's estimator `name` picks for the raveled data `a`
    (its range already validated by the caller). hist and pct are numpy.histogram and
    numpy.percentile, which the estimators call (they are defined above this module)."""
    if rng is not None:
        first, last = rng
        if first == last:
            first, last = first - 0.5, last + 0.5
            rng = (first, last)
        keep = _logical_and(_greater_equal(a, first), _less_equal(a, last))
        if not bool(_all(keep)):
            a = a[keep]
        span = float(last) - float(first)
    elif a.size == 0:
        span = 1.0
    else:
        first, last = _scalar(amin(a)), _scalar(amax(a))
        span = 1.0 if first == last else _spread(last, first)
        rng = (first, last) if first != last else (first - 0.5, last + 0.5)
    if a.size == 0:
        return 1
    width = _SELECTORS[name](a, rng, hist, pct)
    if width:
        return int(math.ceil(span / width))
    return 1
