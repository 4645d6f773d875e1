"""numpy.ma.mrecords, the essentials: MaskedRecords (mrecarray), a masked record array whose
fields are attributes, as numpy.lib.recfunctions returns for usemask=True, asrecarray=True.

Only what those results need: attribute access and assignment of fields, indexing, and NumPy
1.24's str/repr; the constructors of numpy.ma.mrecords (fromarrays, fromrecords, fromtextfile,
addfield) are not provided.
"""
from .._ndarray import ndarray
from .core import MaskedArray, MAError, filled, getmaskarray, masked

__all__ = ["MaskedRecords", "mrecarray"]

_OWN = frozenset(["_data", "_mask", "_fill_value", "_hardmask", "_isfield"])


class MaskedRecords(MaskedArray):
    """numpy.ma.mrecords.MaskedRecords: a structured masked array with its fields as
    attributes."""

    def __new__(cls, data, mask=False, fill_value=None, hard_mask=False, **kw):
        base = MaskedArray(data, mask=mask, fill_value=fill_value, hard_mask=hard_mask)
        if base.dtype.names is None:
            raise MAError("MaskedRecords need a structured dtype")
        return cls._of(base)

    @classmethod
    def _of(cls, m):
        """The masked record array m (a MaskedArray of a record dtype) as MaskedRecords,
        sharing its data, mask and fill value."""
        self = object.__new__(cls)
        for name in ("_data", "_mask", "_fill_value", "_hardmask"):
            object.__setattr__(self, name, getattr(m, name))
        return self

    @property
    def _fieldmask(self):
        return self._mask

    def __len__(self):
        if self.ndim:
            return len(self._data)
        return len(self.dtype.names)

    def __getattr__(self, attr):
        # only called when the ordinary lookup failed: the fields
        if attr.startswith("__") or attr in _OWN:
            raise AttributeError(attr)
        fields = self.dtype.fields
        if fields is None or attr not in fields:
            raise AttributeError("record array has no attribute %s" % attr)
        obj = ndarray.__getitem__(self._data, attr)
        if obj.dtype.names is not None:
            raise NotImplementedError("MaskedRecords is currently limited tosimple records.")
        fmask = ndarray.__getitem__(self._mask, attr)
        if obj.shape or bool(fmask.any()):
            out = MaskedArray._wrap(obj, fmask, None)
            out._isfield = True
            if self._fill_value is not None:
                out._fill_value = self._fill_value[attr]
            return out
        return obj.item()

    def __setattr__(self, attr, val):
        if attr in ("mask", "fieldmask"):
            self.__setmask__(val)
            return
        fields = self.dtype.fields if "_data" in self.__dict__ else None
        if fields is None or attr not in fields:
            object.__setattr__(self, attr, val)
            return
        if val is masked:
            dval = self._fill_value[attr] if self._fill_value is not None else val
            mval = True
        else:
            dval = filled(val)
            mval = getmaskarray(val)
        ndarray.__getitem__(self._data, attr)[...] = dval
        ndarray.__getitem__(self._mask, attr)[...] = mval

    def __getitem__(self, indx):
        if isinstance(indx, str):
            obj = MaskedArray.__getitem__(self, indx)
            if not obj.ndim and bool(obj._mask):
                return masked
            return obj
        data = self._data[indx]
        mask = self._mask[indx]
        if not isinstance(data, ndarray):     # one record: a 0-d masked record array
            idx = (indx if isinstance(indx, tuple) else (indx,)) + (Ellipsis,)
            data, mask = self._data[idx], self._mask[idx]
        return MaskedRecords._of(MaskedArray._wrap(data, mask, self))

    def __setitem__(self, indx, value):
        MaskedArray.__setitem__(self, indx, value)
        if isinstance(indx, str):
            self._mask[indx] = getmaskarray(value)

    def __str__(self):
        columns = [getattr(self, f) for f in self.dtype.names]
        if self.size > 1:
            rows = ["(%s)" % ",".join(str(i) for i in s) for s in zip(*columns)]
            return "[%s]" % ", ".join(rows)
        rows = [",".join(str(i) for i in s) for s in zip(columns)]
        return "(%s)" % ", ".join(rows)

    def __repr__(self):
        names = self.dtype.names
        fmt = "%%%is : %%s" % (max(len(n) for n in names) + 4,)
        lines = ["masked_records("]
        lines += [fmt % (f, getattr(self, f)) for f in names]
        lines += [fmt % ("    fill_value", self.fill_value), "              )"]
        return "\n".join(lines)


mrecarray = MaskedRecords
