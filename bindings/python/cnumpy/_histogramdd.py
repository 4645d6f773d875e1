"""numpy.histogramdd and numpy.histogram2d (numpy/lib/histograms.py, twodim_base.py, NumPy
1.24): the same steps as NumPy's (linspace edges, searchsorted on the right with the last edge
closed, ravel_multi_index, bincount), so counts, edges and densities match exactly."""
import builtins
import operator

from ._convert import asarray
from ._creation import linspace
from ._index_tricks import ravel_multi_index
from ._shape_funcs import atleast_2d, ndim
from ._sorting import searchsorted
from ._stats import bincount, diff
from ._ufunc_table import UFUNCS

__all__ = ["histogramdd", "histogram2d"]

_isfinite = UFUNCS["isfinite"]


def _outer_edges(a, rng):
    """NumPy's _get_outer_edges: the range given, or the data's (0..1 when empty), widened by
    0.5 each way when it is a single value."""
    if rng is not None:
        first, last = rng
        if first > last:
            raise ValueError("max must be larger than min in range parameter.")
        if not (bool(_isfinite(first)) and bool(_isfinite(last))):
            raise ValueError("supplied range of [{}, {}] is not finite".format(first, last))
    elif a.size == 0:
        first, last = 0, 1
    else:
        first, last = a.min(), a.max()
        if not (bool(_isfinite(first)) and bool(_isfinite(last))):
            raise ValueError("autodetected range of [{}, {}] is not finite".format(first, last))
    if first == last:
        first = first - 0.5
        last = last + 0.5
    return first, last


def histogramdd(sample, bins=10, range=None, density=None, weights=None):
    """numpy.histogramdd: the multidimensional histogram of an (N, D) sample."""
    try:
        n, d = sample.shape
    except (AttributeError, ValueError):
        sample = atleast_2d(sample).T
        n, d = sample.shape
    edges = d * [None]
    dedges = d * [None]
    nbin = [0] * d
    if weights is not None:
        weights = asarray(weights)
    try:
        if len(bins) != d:
            raise ValueError("The dimension of bins must be equal to the dimension of the  "
                             "sample x.")
    except TypeError:
        bins = d * [bins]
    if range is None:
        range = (None,) * d
    elif len(range) != d:
        raise ValueError("range argument must have one entry per dimension")
    for i in builtins.range(d):
        if ndim(bins[i]) == 0:
            if bins[i] < 1:
                raise ValueError("`bins[{}]` must be positive, when an integer".format(i))
            smin, smax = _outer_edges(sample[:, i], range[i])
            try:
                count = operator.index(bins[i])
            except TypeError as e:
                raise TypeError("`bins[{}]` must be an integer, when a scalar".format(i)) from e
            edges[i] = linspace(smin, smax, count + 1)
        elif ndim(bins[i]) == 1:
            edges[i] = asarray(bins[i])
            if bool((edges[i][:-1] > edges[i][1:]).any()):
                raise ValueError("`bins[{}]` must be monotonically increasing, when an array"
                                 .format(i))
        else:
            raise ValueError("`bins[{}]` must be a scalar or 1d array".format(i))
        nbin[i] = len(edges[i]) + 1     # one outlier bin each side
        dedges[i] = diff(edges[i])
    counts = tuple(searchsorted(edges[i], sample[:, i], side="right") for i in builtins.range(d))
    for i in builtins.range(d):
        # The last edge is inside the last bin.
        on_edge = sample[:, i] == edges[i][-1]
        counts[i][on_edge] -= 1
    xy = ravel_multi_index(counts, nbin)
    size = 1
    for b in nbin:
        size *= b
    hist = bincount(xy, weights, minlength=size).reshape(nbin)
    hist = hist.astype(float, casting="safe")
    hist = hist[d * (slice(1, -1),)]
    if density:
        s = hist.sum()
        for i in builtins.range(d):
            shape = [1] * d
            shape[i] = nbin[i] - 2
            hist = hist / dedges[i].reshape(shape)
        hist /= s
    return hist, edges


def histogram2d(x, y, bins=10, range=None, density=None, weights=None):
    """numpy.histogram2d: the bi-dimensional histogram of two samples."""
    if len(x) != len(y):
        raise ValueError("x and y must have the same length.")
    try:
        nb = len(bins)
    except TypeError:
        nb = 1
    if nb != 1 and nb != 2:
        xedges = yedges = asarray(bins)
        bins = [xedges, yedges]
    hist, edges = histogramdd([x, y], bins, range, density, weights)
    return hist, edges[0], edges[1]


