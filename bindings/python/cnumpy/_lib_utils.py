"""Small helpers of numpy/lib/utils.py, function_base.py, shape_base.py and numpy/core (NumPy
1.24 behaviour and messages): isfortran, byte_bounds, get_array_wrap, fastCopyAndTranspose
(deprecated in 1.24), disp, who."""
import sys
import warnings

from ._convert import asarray
from ._errors import _user_stacklevel
from ._ndarray import ndarray

__all__ = ["isfortran", "byte_bounds", "get_array_wrap", "fastCopyAndTranspose", "disp", "who"]


def isfortran(a):
    """numpy.isfortran: whether the array is Fortran-contiguous and not C-contiguous (its
    flags.fnc; arrays only, as NumPy's)."""
    return a.flags.fnc


def byte_bounds(a):
    """numpy.byte_bounds: (low, high) addresses of the memory the array's elements use (high
    one past the last byte), read from its __array_interface__. cnumpy's interface always
    gives strides; NumPy's gives None exactly for C-contiguous arrays, which this reads as
    NumPy does (so an empty array's bounds are (data, data) as in NumPy)."""
    ai = a.__array_interface__
    a_data = ai["data"][0]
    astrides = ai["strides"]
    if isinstance(a, ndarray) and a.flags.c_contiguous:
        astrides = None
    ashape = ai["shape"]
    bytes_a = asarray(a).dtype.itemsize
    a_low = a_high = a_data
    if astrides is None:        # contiguous
        a_high += a.size * bytes_a
    else:
        for shape, stride in zip(ashape, astrides):
            if stride < 0:
                a_low += (shape - 1) * stride
            else:
                a_high += (shape - 1) * stride
        a_high += bytes_a
    return a_low, a_high


def get_array_wrap(*args):
    """numpy.get_array_wrap: the __array_wrap__ of the argument with the highest
    __array_priority__ (the leftmost among equals), None if none has one."""
    wrappers = sorted((getattr(x, "__array_priority__", 0), -i, x.__array_wrap__)
                      for i, x in enumerate(args) if hasattr(x, "__array_wrap__"))
    if wrappers:
        return wrappers[-1][-1]
    return None


def fastCopyAndTranspose(a):
    """numpy.fastCopyAndTranspose (deprecated in NumPy 1.24): a C-ordered copy of a.T."""
    warnings.warn("fastCopyAndTranspose and the underlying C function "
                  "PyArray_CopyAndTranspose have been deprecated.\n\n"
                  "Use the transpose method followed by a C-order copy instead, e.g. "
                  "``arr.T.copy()``", DeprecationWarning, stacklevel=_user_stacklevel())
    r = asarray(a).T.copy(order="C")
    return r[()] if r.ndim == 0 else r      # NumPy's PyArray_Return: a 0-d result is a scalar


def disp(mesg, device=None, linefeed=True):
    """numpy.disp: writes str(mesg) (and a newline) to device (sys.stdout) and flushes it."""
    if device is None:
        device = sys.stdout
    if linefeed:
        device.write("%s\n" % mesg)
    else:
        device.write("%s" % mesg)
    device.flush()


def who(vardict=None):
    """numpy.who: prints the arrays of a dictionary (the caller's globals by default): name,
    shape, bytes and type, then the total bytes of the distinct arrays."""
    if vardict is None:
        vardict = sys._getframe().f_back.f_globals
    sta = []
    cache = {}
    for name in vardict.keys():
        if isinstance(vardict[name], ndarray):
            var = vardict[name]
            idv = id(var)
            if idv in cache:
                namestr = name + " (%s)" % cache[idv]
                original = 0
            else:
                cache[idv] = name
                namestr = name
                original = 1
            sta.append([namestr, " x ".join(map(str, var.shape)), str(var.nbytes),
                        var.dtype.name, original])
    maxname = maxshape = maxbyte = totalbytes = 0
    for val in sta:
        maxname = max(maxname, len(val[0]))
        maxshape = max(maxshape, len(val[1]))
        maxbyte = max(maxbyte, len(val[2]))
        if val[4]:
            totalbytes += int(val[2])
    if sta:
        sp1 = max(10, maxname)
        sp2 = max(10, maxshape)
        sp3 = max(10, maxbyte)
        prval = "Name %s Shape %s Bytes %s Type" % (sp1 * " ", sp2 * " ", sp3 * " ")
        print(prval + "\n" + "=" * (len(prval) + 5) + "\n")
    for val in sta:
        print("%s %s %s %s %s %s %s" % (val[0], " " * (sp1 - len(val[0]) + 4),
                                        val[1], " " * (sp2 - len(val[1]) + 5),
                                        val[2], " " * (sp3 - len(val[2]) + 5),
                                        val[3]))
    print("\nUpper bound on total bytes  =       %d" % totalbytes)
