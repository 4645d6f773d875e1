"""Comparing cnumpy.ma results of record dtypes with numpy.ma's (test_ma_records,
test_recfunctions): masked arrays by type, repr, str, data (or filled data: NumPy leaves the
data under a masked_all mask undefined), mask and fill value; mvoid records by repr and tolist;
errors by type and message."""
import warnings

import numpy as np

import cnumpy as cnp
import rec_helpers
from rec_helpers import same


def compare(got, exp, what="result", data=True):
    """got (cnumpy) matches exp (NumPy): masked arrays by type, repr, str, data, mask and fill
    value; records (mvoid) by repr and tolist; the rest as rec_helpers.same."""
    if exp is np.ma.masked:
        assert got is cnp.ma.masked, "%s: %r is not masked" % (what, got)
        return
    if isinstance(exp, np.ma.MaskedArray):
        assert isinstance(got, cnp.ma.MaskedArray), "%s: %r" % (what, got)
        assert type(got).__name__ == type(exp).__name__, what
        assert repr(got) == repr(exp), "%s:\n%s\n!=\n%s" % (what, repr(got), repr(exp))
        assert str(got) == str(exp), what
        if isinstance(exp, np.ma.mvoid):
            assert got.tolist() == exp.tolist() if not _has_subarray(exp.dtype) else True
            return
        if data:
            same(got.data, exp.data.view(np.ndarray), what + ".data")
        else:
            same(cnp.ma.filled(got), np.ma.filled(exp).view(np.ndarray), what + ".filled")
        if exp.mask is np.ma.nomask:
            assert got.mask is cnp.ma.nomask, what
        else:
            same(cnp.asarray(got.mask), np.asarray(exp.mask), what + ".mask")
        assert repr(got.fill_value) == repr(exp.fill_value), what + ".fill_value"
        return
    if isinstance(exp, (tuple, list)) and not isinstance(exp, np.ndarray):
        assert type(got) is type(exp) and len(got) == len(exp), "%s: %r != %r" % (what, got,
                                                                                 exp)
        for i, (g, e) in enumerate(zip(got, exp)):
            compare(g, e, "%s[%d]" % (what, i), data)
        return
    if isinstance(exp, np.void):
        assert repr(got) == repr(exp), what
        assert got.tolist() == exp.tolist() if not _has_subarray(exp.dtype) else True
        return
    same(got, exp, what)


def _has_subarray(dt):
    return any(dt.fields[n][0].shape != () or dt.fields[n][0].names is not None
               for n in dt.names)


def outcome(fn, xp):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)
            return fn(xp), None
    except Exception as e:      # noqa: BLE001 - compared with NumPy's below
        return None, e


def check(fn, data=True):
    """fn(numpy) and fn(cnumpy) agree (results or errors); FutureWarnings silenced."""
    return rec_helpers.check(fn, lambda got, exp: compare(got, exp, data=data), outcome)
