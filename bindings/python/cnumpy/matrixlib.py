"""numpy.matrix, asmatrix, mat and bmat (numpy.matrixlib.defmatrix): the 2-d ndarray subclass
whose `*` is the matrix product and `**` the matrix power, on cnumpy's subclassing protocol
(_subclass.py: __array_finalize__ keeps every result 2-d, ufuncs and reductions come back as
matrices through __array_wrap__).

NumPy 1.24 semantics, including its quirks: creating one gives NumPy's
PendingDeprecationWarning; indexing keeps two dimensions (a row is (1, n), `m[:, 0]` a column);
reductions keep the dimensions (`m.sum(axis=0)` is (1, n)) and give a scalar for axis=None;
`m.A`, `m.A1`, `m.T`, `m.H`, `m.I` (inverse, or pseudo-inverse when not square).
"""
import ast
import sys
import warnings

from ._convert import array, asarray
from ._dtype import dtype as _dtype
from ._joining import concatenate
from ._capi import set_base
from ._ndarray import ndarray, as_subclass, finalize
from ._type_check import isscalar
from ._products import dot
from . import linalg

__all__ = ["matrix", "bmat", "mat", "asmatrix"]

_PENDING = ("the matrix subclass is not the recommended way to represent matrices or deal with "
            "linear algebra (see https://docs.scipy.org/doc/numpy/user/"
            "numpy-for-matlab-users.html). Please adjust your code to use regular ndarray.")


def _convert_from_string(data):
    """matrix('1 2; 3 4'): rows split by ';', values by ',' or blanks, each a Python literal."""
    for char in "[]":
        data = data.replace(char, "")
    rows = []
    for row in data.split(";"):
        values = []
        for col in row.split(","):
            values.extend(map(ast.literal_eval, col.split()))
        if rows and len(values) != len(rows[0]):
            raise ValueError("Rows not the same size.")
        rows.append(values)
    return rows


def asmatrix(data, dtype=None):
    """numpy.asmatrix: data as a matrix, without a copy when it already is one (or an ndarray)."""
    return matrix(data, dtype=dtype, copy=False)


class matrix(ndarray):
    """numpy.matrix(data, dtype=None, copy=True): a 2-d array whose `*` is the matrix product."""

    __module__ = "numpy"
    __array_priority__ = 10.0
    _functions_take_plain = True    # _subclass.plain_for_function: NumPy's ravel, expand_dims ...

    def __new__(subtype, data, dtype=None, copy=True):
        warnings.warn(_PENDING, PendingDeprecationWarning, stacklevel=2)
        if isinstance(data, matrix):
            if dtype is None:
                dtype = data.dtype
            if data.dtype == _dtype(dtype) and not copy:
                return data
            return data.astype(dtype)
        if isinstance(data, ndarray):
            intype = data.dtype if dtype is None else _dtype(dtype)
            new = data.view(subtype)
            if intype != data.dtype:
                return new.astype(intype)
            return new.copy() if copy else new
        if isinstance(data, str):
            data = _convert_from_string(data)
        arr = array(data, dtype=dtype, copy=copy)
        if arr.ndim > 2:
            raise ValueError("matrix must be 2-dimensional")
        shape = (1, 1) if arr.ndim == 0 else (1, arr.shape[0]) if arr.ndim == 1 else arr.shape
        order = "F" if arr.ndim == 2 and arr.flags.f_contiguous and not arr.flags.c_contiguous \
            else "C"
        if not (arr.flags.c_contiguous if order == "C" else arr.flags.f_contiguous):
            arr = arr.copy(order)
        # NumPy's ndarray.__new__(subtype, shape, buffer=arr): a view of arr's memory
        ret = set_base(as_subclass(arr.reshape(shape, order=order), subtype), arr)
        return finalize(ret, None)

    def __array_finalize__(self, obj):
        # every matrix is 2-d: fewer axes become a row, length-1 axes beyond two are dropped
        self._getitem = False
        if isinstance(obj, matrix) and obj._getitem:
            return
        ndim = self.ndim
        if ndim == 2:
            return
        if ndim > 2:
            newshape = tuple(n for n in self.shape if n > 1)
            if len(newshape) > 2:
                raise ValueError("shape too large to be a matrix.")
            if len(newshape) == 2:
                self.shape = newshape
                return
            ndim, shape = len(newshape), newshape
        else:
            shape = self.shape
        self.shape = (1, 1) if ndim == 0 else (1, shape[0])

    def __getitem__(self, index):
        self._getitem = True
        try:
            out = ndarray.__getitem__(self, index)
        finally:
            self._getitem = False
        if not isinstance(out, ndarray):
            return out
        if not isinstance(out, matrix):
            # the plain indexing's result, made a matrix without __array_finalize__'s reshape
            # (NumPy's _getitem flag), shaped below as NumPy does
            out = set_base(as_subclass(out, matrix), self)
            out._getitem = False
        if out.ndim == 0:
            return out[()]
        if out.ndim == 1:
            n = out.shape[0]
            try:
                k = len(index)
            except Exception:
                k = 0
            out.shape = (n, 1) if k > 1 and isscalar(index[1]) else (1, n)
        return out

    # -- products and powers ---------------------------------------------------------------------
    def __mul__(self, other):
        if isinstance(other, (ndarray, list, tuple)):
            return _as_matrix(dot(self, asmatrix(other)))
        if isscalar(other) or not hasattr(other, "__rmul__"):
            return _as_matrix(dot(self, other))
        return NotImplemented

    def __rmul__(self, other):
        return _as_matrix(dot(other, self))

    def __imul__(self, other):
        self[:] = self * other
        return self

    def __pow__(self, other):
        return _as_matrix(linalg.matrix_power(self, other))

    def __ipow__(self, other):
        self[:] = self ** other
        return self

    def __rpow__(self, other):
        return NotImplemented

    # -- reductions keep two dimensions; axis=None gives the element -----------------------------
    def _align(self, axis):
        if axis is None:
            return self[0, 0]
        if axis == 0:
            return self
        if axis == 1:
            return self.transpose()
        raise ValueError("unsupported axis")

    def _collapse(self, axis):
        return self[0, 0] if axis is None else self

    def tolist(self):
        return asarray(self).tolist()

    def sum(self, axis=None, dtype=None, out=None):
        return _as_matrix(ndarray.sum(self, axis, dtype, out, keepdims=True))._collapse(axis)

    def mean(self, axis=None, dtype=None, out=None):
        return _as_matrix(ndarray.mean(self, axis, dtype, out, keepdims=True))._collapse(axis)

    def std(self, axis=None, dtype=None, out=None, ddof=0):
        return _as_matrix(ndarray.std(self, axis, dtype, out, ddof, keepdims=True))._collapse(axis)

    def var(self, axis=None, dtype=None, out=None, ddof=0):
        return _as_matrix(ndarray.var(self, axis, dtype, out, ddof, keepdims=True))._collapse(axis)

    def prod(self, axis=None, dtype=None, out=None):
        return _as_matrix(ndarray.prod(self, axis, dtype, out, keepdims=True))._collapse(axis)

    def any(self, axis=None, out=None):
        return _as_matrix(ndarray.any(self, axis, out, keepdims=True))._collapse(axis)

    def all(self, axis=None, out=None):
        return _as_matrix(ndarray.all(self, axis, out, keepdims=True))._collapse(axis)

    def max(self, axis=None, out=None):
        return _as_matrix(ndarray.max(self, axis, out, keepdims=True))._collapse(axis)

    def min(self, axis=None, out=None):
        return _as_matrix(ndarray.min(self, axis, out, keepdims=True))._collapse(axis)

    def argmax(self, axis=None, out=None):
        return _aligned(ndarray.argmax(self, axis, out), axis)

    def argmin(self, axis=None, out=None):
        return _aligned(ndarray.argmin(self, axis, out), axis)

    def ptp(self, axis=None, out=None):
        return _aligned(ndarray.ptp(self, axis, out), axis)

    def trace(self, offset=0, axis1=0, axis2=1, dtype=None, out=None):
        r = asarray(self).trace(offset, axis1, axis2, dtype, out)
        return r if out is not None else _as_matrix(asarray(r))   # NumPy's is a 1x1 matrix

    # -- pickling: the class is named numpy.matrix, so pickles name the function below ----------
    def __reduce_ex__(self, protocol):
        fn, args = ndarray.__reduce_ex__(self, protocol)[:2]
        return (_unpickle, (fn, args))

    def __reduce__(self):
        return self.__reduce_ex__(2)

    # -- shapes and views ------------------------------------------------------------------------
    def squeeze(self, axis=None):
        return _as_matrix(ndarray.squeeze(self, axis=axis))

    def flatten(self, order="C"):
        return _as_matrix(ndarray.flatten(self, order=order))

    def ravel(self, order="C"):
        return _as_matrix(ndarray.ravel(self, order=order))

    @property
    def I(self):  # noqa: E743 (NumPy's name)
        """The inverse (pseudo-inverse when not square)."""
        m, n = self.shape
        return asmatrix((linalg.inv if m == n else linalg.pinv)(self))

    @property
    def A(self):
        """self as an ndarray."""
        return asarray(self)

    @property
    def A1(self):
        """self as a flattened ndarray."""
        return asarray(self).ravel()

    @property
    def T(self):
        """The transpose."""
        return self.transpose()

    @property
    def H(self):
        """The (complex) conjugate transpose."""
        return self.transpose().conjugate() if self.dtype.kind == "c" else self.transpose()

    getT = T.fget
    getA = A.fget
    getA1 = A1.fget
    getH = H.fget
    getI = I.fget


def _as_matrix(r):
    """A result computed for a matrix as a matrix (cnumpy's dot and matrix_power return plain
    arrays where NumPy's give the operands' subtype); scalars stay scalars."""
    if isinstance(r, matrix) or not isinstance(r, ndarray):
        return r
    return r.view(matrix)


def _unpickle(fn, args):
    """A pickled matrix: ndarray's pickle of its data, made a matrix again."""
    return _as_matrix(fn(*args))


def _aligned(r, axis):
    """argmax/argmin/ptp of a matrix: NumPy's _align (a scalar for axis=None)."""
    if not isinstance(r, ndarray):
        return r
    return _as_matrix(r)._align(axis)


def _from_string(text, gdict, ldict):
    rowtup = []
    for row in text.split(";"):
        coltup = []
        for col in (x for part in row.split(",") for x in part.split()):
            col = col.strip()
            if col in ldict:
                coltup.append(ldict[col])
            elif col in gdict:
                coltup.append(gdict[col])
            else:
                raise NameError("name %r is not defined" % (col,))
        rowtup.append(concatenate(coltup, axis=-1))
    return concatenate(rowtup, axis=0)


def bmat(obj, ldict=None, gdict=None):
    """numpy.bmat: a matrix built from blocks (nested sequences of arrays, or a string of names
    looked up in the caller's variables, ';' between rows)."""
    if isinstance(obj, str):
        if gdict is None:
            frame = sys._getframe().f_back
            gdict, ldict = frame.f_globals, frame.f_locals
        return matrix(_from_string(obj, gdict, ldict))
    if isinstance(obj, (tuple, list)):
        rows = []
        for row in obj:
            if isinstance(row, ndarray):        # one row of blocks given flat
                return matrix(concatenate(obj, axis=-1))
            rows.append(concatenate(row, axis=-1))
        return matrix(concatenate(rows, axis=0))
    if isinstance(obj, ndarray):
        return matrix(obj)


mat = asmatrix


def index_tricks_matrix(obj, gdict=None, ldict=None):
    """r_/c_'s makemat (attached by _methods): a matrix of an array, or numpy.bmat of a string
    with the names of the caller of r_[...]."""
    if isinstance(obj, str):
        return bmat(obj, ldict, gdict)
    return matrix(obj)
