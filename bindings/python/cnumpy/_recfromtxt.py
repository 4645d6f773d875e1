"""numpy.recfromtxt and numpy.recfromcsv (numpy/lib/npyio.py, NumPy 1.24): genfromtxt with
dtype=None by default (recfromcsv also: names from the first line, lower-cased, comma-delimited)
whose result is viewed as a record array (rec.recarray, or ma.mrecords.MaskedRecords when
usemask=True)."""
from ._textio import genfromtxt
from .ma.mrecords import MaskedRecords
from .rec import recarray

__all__ = ["recfromtxt", "recfromcsv"]


def _as_records(output, usemask):
    if usemask:
        return MaskedRecords._of(output)
    return output.view(recarray)


def recfromtxt(fname, **kwargs):
    """numpy.recfromtxt: genfromtxt(fname, dtype=None, **kwargs) as a record array."""
    kwargs.setdefault("dtype", None)
    usemask = kwargs.get("usemask", False)
    return _as_records(genfromtxt(fname, **kwargs), usemask)


def recfromcsv(fname, **kwargs):
    """numpy.recfromcsv: genfromtxt(fname, case_sensitive='lower', names=True,
    delimiter=',', dtype=None, **kwargs) as a record array."""
    kwargs.setdefault("case_sensitive", "lower")
    kwargs.setdefault("names", True)
    kwargs.setdefault("delimiter", ",")
    kwargs.setdefault("dtype", None)
    output = genfromtxt(fname, **kwargs)
    return _as_records(output, kwargs.get("usemask", False))
