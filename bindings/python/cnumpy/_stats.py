"""Statistics beyond the plain reductions (NumPy 1.24 signatures): median, quantile, percentile,
the nan functions, average, histogram, bincount, diff, ediff1d, gradient, trapz, cov, corrcoef.
The work is done by the library (include/cnumpy/statistics.h)."""
import math
import operator
import warnings

from . import _args, _backend, _histbins
from ._args import NoValue, axes as _axes, out as _out, handle as _h
from ._capi import cfunc, check, produce, produce_into, produce_many, unwrap, wrap
from ._convert import as_array
from ._ndarray import ndarray
from ._operands import where_mask
from ._ufunc_table import UFUNCS
from ._creation import empty
from ._reduce import _reduce_dtype, _reduce_plain, _var_like, _arg, _acc

_NULL = _backend.NULL

_median = cfunc("cnp_median")
_nanmedian = cfunc("cnp_nanmedian")
_quantile = cfunc("cnp_quantile")
_percentile = cfunc("cnp_percentile")
_nanquantile = cfunc("cnp_nanquantile")
_nanpercentile = cfunc("cnp_nanpercentile")
_nansum = cfunc("cnp_nansum")
_nanprod = cfunc("cnp_nanprod")
_nanmin = cfunc("cnp_nanmin")
_nanmax = cfunc("cnp_nanmax")
_nanmean = cfunc("cnp_nanmean")
_nanvar = cfunc("cnp_nanvar")
_nanstd = cfunc("cnp_nanstd")
_nanargmin = cfunc("cnp_nanargmin")
_nanargmax = cfunc("cnp_nanargmax")
_nancumsum = cfunc("cnp_nancumsum")
_nancumprod = cfunc("cnp_nancumprod")
_average = cfunc("cnp_average")
_bincount = cfunc("cnp_bincount")
_histogram = cfunc("cnp_histogram")
_diff = cfunc("cnp_diff")
_ediff1d = cfunc("cnp_ediff1d")
_gradient = cfunc("cnp_gradient")
_trapz = cfunc("cnp_trapz")
_cov = cfunc("cnp_cov")
_corrcoef = cfunc("cnp_corrcoef")


def _kd(keepdims):
    return False if keepdims is NoValue else keepdims


def _opt(x):
    return NoValue if x is NoValue else x


# -- order statistics ----------------------------------------------------------------------------

def median(a, axis=None, out=None, overwrite_input=False, keepdims=False):
    """numpy.median: the mean of the middle value(s), found by selection (no full sort)."""
    a = as_array(a)
    out = _out(out)
    ax, n = _axes(axis)
    return produce_into(_median, out, a._h, ax, n, _h(out), _args.boolean(keepdims))


def nanmedian(a, axis=None, out=None, overwrite_input=False, keepdims=NoValue):
    """numpy.nanmedian."""
    a = as_array(a)
    out = _out(out)
    ax, n = _axes(axis)
    return produce_into(_nanmedian, out, a._h, ax, n, _h(out), _args.boolean(_kd(keepdims)))


def _method(method, interpolation, fname):
    if interpolation is not None:
        warnings.warn(
            "the `interpolation=` argument to %s was renamed to `method=`, which has additional "
            "options.\nUsers of the modes 'nearest', 'lower', 'higher', or 'midpoint' are "
            "encouraged to review the method they used. (Deprecated NumPy 1.22)" % fname,
            DeprecationWarning, stacklevel=3)
        if method != "linear":
            raise TypeError("You shall not pass both `method` and `interpolation`!\n"
                            "(`interpolation` is Deprecated in favor of `method`)")
        method = interpolation
    if not isinstance(method, str):
        raise ValueError("%r is not a valid method." % (method,))
    return method.encode()


def _q(fn, fname, a, q, axis, out, method, keepdims, interpolation):
    a = as_array(a)
    q = as_array(q)
    out = _out(out)
    ax, n = _axes(axis)
    m = _method(method, interpolation, fname)
    return produce_into(fn, out, a._h, q._h, ax, n, m, _h(out), _args.boolean(_kd(keepdims)))


def quantile(a, q, axis=None, out=None, overwrite_input=False, method="linear", keepdims=False,
             *, interpolation=None):
    """numpy.quantile (all 13 methods; NumPy's _lerp for the interpolating ones)."""
    return _q(_quantile, "quantile", a, q, axis, out, method, keepdims, interpolation)


def percentile(a, q, axis=None, out=None, overwrite_input=False, method="linear", keepdims=False,
               *, interpolation=None):
    """numpy.percentile: quantile of q / 100."""
    return _q(_percentile, "percentile", a, q, axis, out, method, keepdims, interpolation)


def nanquantile(a, q, axis=None, out=None, overwrite_input=False, method="linear",
                keepdims=NoValue, *, interpolation=None):
    """numpy.nanquantile."""
    return _q(_nanquantile, "nanquantile", a, q, axis, out, method, keepdims, interpolation)


def nanpercentile(a, q, axis=None, out=None, overwrite_input=False, method="linear",
                  keepdims=NoValue, *, interpolation=None):
    """numpy.nanpercentile."""
    return _q(_nanpercentile, "nanpercentile", a, q, axis, out, method, keepdims, interpolation)


# -- nan reductions --------------------------------------------------------------------------------

def nansum(a, axis=None, dtype=None, out=None, keepdims=NoValue, initial=NoValue, where=NoValue):
    """numpy.nansum: NaN counts as zero."""
    return _reduce_dtype(_nansum, a, axis, dtype, out, _kd(keepdims), initial,
                         True if where is NoValue else where)


def nanprod(a, axis=None, dtype=None, out=None, keepdims=NoValue, initial=NoValue, where=NoValue):
    """numpy.nanprod: NaN counts as one."""
    return _reduce_dtype(_nanprod, a, axis, dtype, out, _kd(keepdims), initial,
                         True if where is NoValue else where)


def nanmin(a, axis=None, out=None, keepdims=NoValue, initial=NoValue, where=NoValue):
    """numpy.nanmin."""
    return _reduce_plain(_nanmin, a, axis, out, _kd(keepdims), initial,
                         True if where is NoValue else where)


def nanmax(a, axis=None, out=None, keepdims=NoValue, initial=NoValue, where=NoValue):
    """numpy.nanmax."""
    return _reduce_plain(_nanmax, a, axis, out, _kd(keepdims), initial,
                         True if where is NoValue else where)


def nanmean(a, axis=None, dtype=None, out=None, keepdims=NoValue, *, where=NoValue):
    """numpy.nanmean."""
    a = as_array(a)
    out = _out(out)
    ax, n = _axes(axis)
    wh = where_mask(True if where is NoValue else where)
    return produce_into(_nanmean, out, a._h, ax, n, _args.dtype_handle(dtype), _h(out),
                        _args.boolean(_kd(keepdims)), _h(wh))


def nanvar(a, axis=None, dtype=None, out=None, ddof=0, keepdims=NoValue, *, where=NoValue):
    """numpy.nanvar."""
    return _var_like(_nanvar, a, axis, dtype, out, ddof, _kd(keepdims),
                     True if where is NoValue else where)


def nanstd(a, axis=None, dtype=None, out=None, ddof=0, keepdims=NoValue, *, where=NoValue):
    """numpy.nanstd."""
    return _var_like(_nanstd, a, axis, dtype, out, ddof, _kd(keepdims),
                     True if where is NoValue else where)


def nanargmin(a, axis=None, out=None, *, keepdims=NoValue):
    """numpy.nanargmin: ValueError for an all-NaN slice."""
    return _arg(_nanargmin, a, axis, out, _kd(keepdims))


def nanargmax(a, axis=None, out=None, *, keepdims=NoValue):
    """numpy.nanargmax: ValueError for an all-NaN slice."""
    return _arg(_nanargmax, a, axis, out, _kd(keepdims))


def nancumsum(a, axis=None, dtype=None, out=None):
    """numpy.nancumsum."""
    return _acc(_nancumsum, a, axis, dtype, out)


def nancumprod(a, axis=None, dtype=None, out=None):
    """numpy.nancumprod."""
    return _acc(_nancumprod, a, axis, dtype, out)


# -- average, histograms ---------------------------------------------------------------------------

def average(a, axis=None, weights=None, returned=False, *, keepdims=NoValue):
    """numpy.average (weights, returned, keepdims)."""
    a = as_array(a)
    w = None if weights is None else as_array(weights)
    ax, n = _axes(axis)
    avg, s = produce_many(_average, 2, a._h, ax, n, _h(w), _args.boolean(_kd(keepdims)),
                          skip=() if returned else (1,))
    return (unwrap(avg), unwrap(s)) if returned else unwrap(avg)


def bincount(x, weights=None, minlength=0):
    """numpy.bincount."""
    x = as_array(x)
    w = None if weights is None else as_array(weights)
    if minlength is None:
        minlength = 0
    return produce(_bincount, x._h, _h(w), operator.index(minlength))


def histogram(a, bins=10, range=None, density=None, weights=None):  # noqa: A002
    """numpy.histogram: bins as a count, as edges, or as the name of an estimator."""
    a = as_array(a)
    w = None if weights is None else as_array(weights)
    edges = _NULL
    nb = 0
    if isinstance(bins, str):
        bins = _estimated_bins(a, bins, range, weights)
        if bins == 0:
            # An infinite width (float16 std overflowing) makes NumPy 1.24 count into zero bins,
            # which fails inside its bincount with this message.
            raise ValueError("'list' argument must have no negative elements")
    if isinstance(bins, (ndarray, list, tuple)) or (hasattr(bins, "__len__")):
        e = as_array(bins)
        if e.ndim == 0:
            nb = _bins_count(e)
        else:
            edges = e._h
    else:
        nb = _bins_count(bins)
    rng = _NULL
    if range is not None:
        lo, hi = range
        if lo > hi:
            raise ValueError("max must be larger than min in range parameter.")
        if not (math.isfinite(lo) and math.isfinite(hi)):
            raise ValueError("supplied range of [{}, {}] is not finite".format(lo, hi))
        rng = _backend.double_array([float(lo), float(hi)])
    return produce_many(_histogram, 2, a._h, nb, edges, rng, _h(w),
                        _args.boolean(bool(density)))


def _estimated_bins(a, name, range, weights):  # noqa: A002
    _histbins.check_name(name, weights)
    # The library validates the range (NumPy's messages) before the estimator runs.
    histogram(a, 1, range)
    return _histbins.bin_count(a.ravel(), name, range, histogram, percentile)


def histogram_bin_edges(a, bins=10, range=None, weights=None):  # noqa: A002
    """numpy.histogram_bin_edges: the edges histogram would use."""
    a = as_array(a)
    if isinstance(bins, str):
        bins = _estimated_bins(a, bins, range, weights)
        if bins == 0:  # NumPy: linspace(first, last, 1), just the first edge
            return histogram(a, 1, range)[1][:1]
    return histogram(a, bins, range, weights=weights)[1]


def _bins_count(bins):
    try:
        return operator.index(bins)
    except TypeError:
        raise TypeError("`bins` must be an integer, a string, or an array") from None


# -- differences -----------------------------------------------------------------------------------

def diff(a, n=1, axis=-1, prepend=NoValue, append=NoValue):
    """numpy.diff."""
    a = as_array(a)
    pre = None if prepend is NoValue else as_array(prepend)
    app = None if append is NoValue else as_array(append)
    n = operator.index(n)
    if n == 0:
        return a
    if a.dtype.kind in "Mm":
        return _time_diff(a, n, operator.index(axis), pre, app)
    return produce(_diff, a._h, n, operator.index(axis), _h(pre), _h(app))


def _time_diff(a, n, axis, pre, app):
    """diff of datetime64/timedelta64 arrays: repeated subtraction of shifted views (the
    datetime loops of subtract: datetimes give timedeltas)."""
    if n < 0:
        raise ValueError("order must be non-negative but got %d" % n)
    if a.ndim == 0:
        raise ValueError("diff requires input that is at least one dimensional")
    ax = axis + a.ndim if axis < 0 else axis
    if pre is not None or app is not None:
        # NumPy concatenates prepend/append (broadcast to one step along the axis) around a.
        parts = [x for x in (pre, a, app) if x is not None]
        sizes = [x.shape[ax] if x.ndim == a.ndim else 1 for x in parts]
        shape = list(a.shape)
        shape[ax] = sum(sizes)
        out = empty(tuple(shape), dtype=a.dtype)
        at = 0
        for x, k in zip(parts, sizes):
            out[tuple(slice(None) if i != ax else slice(at, at + k) for i in range(a.ndim))] = x
            at += k
        a = out
    lo = tuple(slice(None) if i != ax else slice(None, -1) for i in range(a.ndim))
    hi = tuple(slice(None) if i != ax else slice(1, None) for i in range(a.ndim))
    for _ in range(n):
        a = UFUNCS["subtract"](a[hi], a[lo])
    return a


def ediff1d(ary, to_end=None, to_begin=None):
    """numpy.ediff1d."""
    ary = as_array(ary)
    e = None if to_end is None else as_array(to_end)
    b = None if to_begin is None else as_array(to_begin)
    return produce(_ediff1d, ary._h, _h(e), _h(b))


def gradient(f, *varargs, axis=None, edge_order=1):
    """numpy.gradient (unit, scalar or coordinate spacing; edge_order 1 or 2)."""
    f = as_array(f)
    sp = [as_array(v) for v in varargs]
    ax, na = _axes(axis)
    nout = f.ndim if axis is None else na
    cells = _backend.new_array_outs(max(nout, 1))
    cnt = _backend.new_int32_out()
    handles = _backend.handle_array([v._h for v in sp]) if sp else _NULL
    check(_gradient(f._h, handles, len(sp), ax, na, operator.index(edge_order), cells, cnt))
    outs = [wrap(cells[i]) for i in range(cnt[0])]
    return outs[0] if len(outs) == 1 else outs



def trapz(y, x=None, dx=1.0, axis=-1):
    """numpy.trapz."""
    y = as_array(y)
    xa = None if x is None else as_array(x)
    return produce_into(_trapz, None, y._h, _h(xa), float(dx), operator.index(axis))


# -- covariance --------------------------------------------------------------------------------------

def cov(m, y=None, rowvar=True, bias=False, ddof=None, fweights=None, aweights=None, *, dtype=None):
    """numpy.cov."""
    m = as_array(m)
    ya = None if y is None else as_array(y)
    fw = None if fweights is None else as_array(fweights)
    aw = None if aweights is None else as_array(aweights)
    dd = _NULL if ddof is None else _backend.double_array([float(ddof)])
    return produce(_cov, m._h, _h(ya), _args.boolean(rowvar), _args.boolean(bias), dd, _h(fw),
                   _h(aw), _args.dtype_handle(dtype))


def corrcoef(x, y=None, rowvar=True, bias=NoValue, ddof=NoValue, *, dtype=None):
    """numpy.corrcoef (bias and ddof have no effect, as in NumPy, and warn)."""
    if bias is not NoValue or ddof is not NoValue:
        warnings.warn("bias and ddof have no effect and are deprecated", DeprecationWarning,
                      stacklevel=2)
    x = as_array(x)
    ya = None if y is None else as_array(y)
    r = produce(_corrcoef, x._h, _h(ya), _args.boolean(rowvar), _args.dtype_handle(dtype))
    return unwrap(r)
