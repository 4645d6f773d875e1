"""numpy.char (NumPy 1.24's numpy.core.defchararray): vectorised string operations on S and U
arrays, every one in C (include/cnumpy/char.h, docs/char.md), and the chararray class.

split, rsplit and splitlines return nested lists shaped like the input (NumPy: an object array
of lists; cnumpy has no object dtype); partition/rpartition return NumPy's array with a last
axis of 3. docs/numpy-differences.md lists the differences."""
from . import _backend
from ._capi import cfunc, produce, produce_many, is_array
from ._convert import as_array, asarray as _asarray, array as _array
from ._creation import empty
from ._ndarray import as_subclass, ndarray

__all__ = [
    'equal', 'not_equal', 'greater_equal', 'less_equal', 'greater', 'less', 'str_len', 'add',
    'multiply', 'mod', 'capitalize', 'center', 'count', 'decode', 'encode', 'endswith',
    'expandtabs', 'find', 'index', 'isalnum', 'isalpha', 'isdigit', 'islower', 'isspace',
    'istitle', 'isupper', 'join', 'ljust', 'lower', 'lstrip', 'partition', 'replace', 'rfind',
    'rindex', 'rjust', 'rpartition', 'rsplit', 'rstrip', 'split', 'splitlines', 'startswith',
    'strip', 'swapcase', 'title', 'translate', 'upper', 'zfill', 'isnumeric', 'isdecimal',
    'array', 'asarray', 'chararray', 'compare_chararrays']

_NULL = _backend.NULL


def _fn(name):
    return cfunc("cnp_char_" + name)


def _a(x):
    """An argument as an array (str -> U, bytes -> S, int -> int64), as NumPy's _vec_string
    turns every argument into one."""
    return as_array(x)


def _call(f, *args, n=1):
    """f(handles..., &out...) with every argument an array (None: NULL); the arrays made here
    are held until the call returns."""
    keep = [None if x is None else _a(x) for x in args]
    hs = [_NULL if x is None else x._h for x in keep]
    return produce(f, *hs) if n == 1 else produce_many(f, n, *hs)


def _kind(a):
    return a.dtype.kind


def _fill(a, fillchar):
    """NumPy's asbytes(fillchar) for S arrays."""
    if _kind(a) == 'S' and isinstance(fillchar, str):
        return fillchar.encode('latin-1')
    return fillchar


# -- comparisons ---------------------------------------------------------------------------------
_compare = _fn("compare")


def compare_chararrays(a1, a2, cmp, rstrip):
    """numpy.compare_chararrays: NotImplemented for S against U, as NumPy."""
    a1, a2 = _a(a1), _a(a2)
    if not isinstance(cmp, (str, bytes)):
        raise TypeError("comparison must be '==', '!=', '<', '>', '<=', '>='")
    c = cmp.encode() if isinstance(cmp, str) else cmp
    try:
        return produce(_compare, a1._h, a2._h, c, 1 if rstrip else 0)
    except NotImplementedError:
        return NotImplemented


def equal(x1, x2):
    """numpy.char.equal: trailing whitespace ignored."""
    return compare_chararrays(x1, x2, '==', True)


def not_equal(x1, x2):
    """numpy.char.not_equal."""
    return compare_chararrays(x1, x2, '!=', True)


def greater_equal(x1, x2):
    """numpy.char.greater_equal."""
    return compare_chararrays(x1, x2, '>=', True)


def less_equal(x1, x2):
    """numpy.char.less_equal."""
    return compare_chararrays(x1, x2, '<=', True)


def greater(x1, x2):
    """numpy.char.greater."""
    return compare_chararrays(x1, x2, '>', True)


def less(x1, x2):
    """numpy.char.less."""
    return compare_chararrays(x1, x2, '<', True)


# -- one array in, one out ---------------------------------------------------------------------
def _unary(name, doc):
    f = _fn(name)

    def op(a):
        return _call(f, a)
    op.__name__ = op.__qualname__ = name
    op.__doc__ = doc
    return op


upper = _unary("upper", "numpy.char.upper (Python's full case mapping for U, cut to the width).")
lower = _unary("lower", "numpy.char.lower.")
swapcase = _unary("swapcase", "numpy.char.swapcase.")
capitalize = _unary("capitalize", "numpy.char.capitalize.")
title = _unary("title", "numpy.char.title.")
isalnum = _unary("isalnum", "numpy.char.isalnum.")
isalpha = _unary("isalpha", "numpy.char.isalpha.")
isdecimal = _unary("isdecimal", "numpy.char.isdecimal (U only).")
isdigit = _unary("isdigit", "numpy.char.isdigit.")
islower = _unary("islower", "numpy.char.islower.")
isnumeric = _unary("isnumeric", "numpy.char.isnumeric (U only).")
isspace = _unary("isspace", "numpy.char.isspace.")
istitle = _unary("istitle", "numpy.char.istitle.")
isupper = _unary("isupper", "numpy.char.isupper.")
str_len = _unary("str_len", "numpy.char.str_len: int64 lengths.")


# -- searching -----------------------------------------------------------------------------------
def _search(name, doc):
    f = _fn(name)

    def op(a, sub, start=0, end=None):
        return _call(f, a, sub, start, end)
    op.__name__ = op.__qualname__ = name
    op.__doc__ = doc
    return op


count = _search("count", "numpy.char.count.")
find = _search("find", "numpy.char.find: -1 where absent.")
rfind = _search("rfind", "numpy.char.rfind.")
index = _search("index", "numpy.char.index: ValueError 'substring not found'.")
rindex = _search("rindex", "numpy.char.rindex.")
startswith = _search("startswith", "numpy.char.startswith.")
endswith = _search("endswith", "numpy.char.endswith.")


# -- padding and stripping ---------------------------------------------------------------------
def _stripper(name):
    f = _fn(name)

    def op(a, chars=None):
        return _call(f, a, chars)
    op.__name__ = op.__qualname__ = name
    op.__doc__ = "numpy.char.%s: whitespace for chars=None." % name
    return op


strip = _stripper("strip")
lstrip = _stripper("lstrip")
rstrip = _stripper("rstrip")


def _justifier(name):
    f = _fn(name)

    def op(a, width, fillchar=' '):
        a = _a(a)
        return _call(f, a, width, _fill(a, fillchar))
    op.__name__ = op.__qualname__ = name
    op.__doc__ = "numpy.char.%s: as wide as the largest width." % name
    return op


center = _justifier("center")
ljust = _justifier("ljust")
rjust = _justifier("rjust")

_zfill, _expandtabs = _fn("zfill"), _fn("expandtabs")


def zfill(a, width):
    """numpy.char.zfill."""
    return _call(_zfill, a, width)


def expandtabs(a, tabsize=8):
    """numpy.char.expandtabs."""
    return _call(_expandtabs, a, tabsize)


# -- building strings --------------------------------------------------------------------------
_replace, _add, _multiply, _join, _mod = (_fn(n) for n in ("replace", "add", "multiply", "join", "mod"))


def replace(a, old, new, count=None):
    """numpy.char.replace: as wide as the longest result."""
    return _call(_replace, a, old, new, count)


def add(x1, x2):
    """numpy.char.add: the widths summed."""
    return _call(_add, x1, x2)


def multiply(a, i):
    """numpy.char.multiply: ValueError 'Can only multiply by integers'."""
    return _call(_multiply, a, i)


def join(sep, seq):
    """numpy.char.join: sep.join(element)."""
    return _call(_join, sep, seq)


def mod(a, values):
    """numpy.char.mod: a % value per element (Python's printf-style formatting)."""
    return _call(_mod, a, values)


# -- splitting -----------------------------------------------------------------------------------
_partition, _rpartition = _fn("partition"), _fn("rpartition")
_split, _rsplit, _splitlines = _fn("split"), _fn("rsplit"), _fn("splitlines")


def partition(a, sep):
    """numpy.char.partition: a trailing axis of 3 (before, sep, after)."""
    return _call(_partition, a, sep)


def rpartition(a, sep):
    """numpy.char.rpartition."""
    return _call(_rpartition, a, sep)


def _nest(pieces, counts):
    """The flat pieces regrouped as lists per element, nested like counts' shape (a 0-d counts
    gives one list)."""
    flat = pieces.tolist()
    sizes = counts.ravel().tolist()
    lists, at = [], 0
    for n in sizes:
        lists.append(flat[at:at + n])
        at += n
    shape = counts.shape
    if not shape:
        return lists[0]
    for dim in reversed(shape[1:]):
        lists = [lists[k:k + dim] for k in range(0, len(lists), dim)]
    return lists


def split(a, sep=None, maxsplit=None):
    """numpy.char.split: nested lists shaped like the input (NumPy: an object array of lists)."""
    return _nest(*_call(_split, a, sep, maxsplit, n=2))


def rsplit(a, sep=None, maxsplit=None):
    """numpy.char.rsplit: nested lists shaped like the input."""
    return _nest(*_call(_rsplit, a, sep, maxsplit, n=2))


def splitlines(a, keepends=None):
    """numpy.char.splitlines: nested lists shaped like the input."""
    return _nest(*_call(_splitlines, a, keepends, n=2))


# -- codecs and translation --------------------------------------------------------------------
_encode, _decode = _fn("encode"), _fn("decode")


def _codec_arg(x, what):
    if x is None:
        return _NULL
    if not isinstance(x, str):
        raise TypeError("%s() argument '%s' must be str, not %s"
                        % ("decode" if what == "decode" else "encode",
                           "encoding", type(x).__name__))
    return x.encode()


def _coded(f, method, a, encoding, errors):
    a = _a(a)
    if encoding is None:        # NumPy's _clean_args stops at the first None
        errors = None
    try:
        return produce(f, a._h, _codec_arg(encoding, method), _codec_arg(errors, method))
    except KeyError as e:
        msg = e.args[0] if e.args else ""
        if msg.startswith("unknown encoding") or msg.startswith("unknown error handler"):
            raise LookupError(msg) from None
        raise
    except ValueError:
        # Python's own exception (UnicodeDecodeError/UnicodeEncodeError with its object and
        # range): the failing element repeated through Python's codec.
        for item in a.ravel().tolist():
            args = [x for x in (encoding, errors) if x is not None]
            getattr(item, method)(*args)
        raise


def decode(a, encoding=None, errors=None):
    """numpy.char.decode (S -> U)."""
    return _coded(_decode, "decode", a, encoding, errors)


def encode(a, encoding=None, errors=None):
    """numpy.char.encode (U -> S)."""
    return _coded(_encode, "encode", a, encoding, errors)


_translate, _translate_bytes = _fn("translate"), _fn("translate_bytes")


def translate(a, table, deletechars=None):
    """numpy.char.translate: str.translate's table (a dict of ordinals, or a str/sequence indexed
    by ordinal) for U; bytes.translate's 256-byte table and deletechars for S."""
    a = _a(a)
    if _kind(a) == 'S':
        if table is not None:
            table = bytes(table).rstrip(b"\0")     # NumPy's bytes_ of the table loses them
            if len(table) != 256:
                raise ValueError("translation table must be 256 characters long")
        dele = b"" if deletechars is None else bytes(deletechars).rstrip(b"\0")
        return produce(_translate_bytes, a._h, _NULL if table is None else table, dele, len(dele))
    if _kind(a) != 'U':
        raise TypeError("string operation on non-string array")
    if isinstance(table, dict):
        items = [(k, v) for k, v in table.items() if isinstance(k, int)]
    else:
        items = list(enumerate(table))
    keys, vals, dels = [], [], []
    for k, v in items:
        if k < 0 or k > 0x10FFFF:
            continue
        if v is None:
            keys.append(k)
            vals.append('')
            dels.append(True)
            continue
        if isinstance(v, int):
            if v < 0 or v > 0x10FFFF:
                raise ValueError("character mapping must be in range(0x110000)")
            v = chr(v)
        elif not isinstance(v, str):
            raise TypeError("character mapping must return integer, None or str")
        keys.append(k)
        vals.append(v)
        dels.append(False)
    return _call(_translate, a, _asarray(keys, dtype='int64'),
                 _asarray(vals, dtype='U1' if not vals else None), _asarray(dels, dtype='bool'))


# -- chararray -----------------------------------------------------------------------------------
class chararray(ndarray):
    """numpy.chararray: an S/U array whose items lose trailing whitespace, whose comparisons
    ignore it, and whose string methods are numpy.char's (returning chararrays)."""
    __slots__ = ()

    def __new__(subtype, shape, itemsize=1, unicode=False, buffer=None, offset=0, strides=None,
                order='C'):
        from_str = isinstance(buffer, str)
        if buffer is not None and not from_str:
            raise NotImplementedError("chararray over a buffer is not supported by cnumpy")
        base = empty(shape, dtype=('U' if unicode else 'S') + str(int(itemsize)), order=order)
        if from_str:
            base[...] = buffer
        return _view(base)

    def __getitem__(self, obj):
        val = ndarray.__getitem__(self, obj)
        if is_array(val):
            return _view(val)
        if isinstance(val, (str, bytes)):
            return val.rstrip()
        return val

    def __array_wrap__(self, arr, context=None):
        # NumPy's: a ufunc's string result is a chararray, any other a plain ndarray
        if arr.dtype.char in "SUbc":
            return ndarray.__array_wrap__(self, arr, context)
        return arr

    def __eq__(self, other):
        return equal(self, other)

    def __ne__(self, other):
        return not_equal(self, other)

    def __ge__(self, other):
        return greater_equal(self, other)

    def __le__(self, other):
        return less_equal(self, other)

    def __gt__(self, other):
        return greater(self, other)

    def __lt__(self, other):
        return less(self, other)

    def __add__(self, other):
        return asarray(add(self, other))

    def __radd__(self, other):
        return asarray(add(_a(other), self))

    def __mul__(self, i):
        return asarray(multiply(self, i))

    __rmul__ = __mul__

    def __mod__(self, i):
        return asarray(mod(self, i))

    def __rmod__(self, other):
        return NotImplemented

    __hash__ = None

    def argsort(self, axis=-1, kind=None, order=None):
        return wrap_plain(self).argsort(axis, kind, order)

    def capitalize(self):
        return asarray(capitalize(self))

    def center(self, width, fillchar=' '):
        return asarray(center(self, width, fillchar))

    def count(self, sub, start=0, end=None):
        return count(self, sub, start, end)

    def decode(self, encoding=None, errors=None):
        return decode(self, encoding, errors)

    def encode(self, encoding=None, errors=None):
        return encode(self, encoding, errors)

    def endswith(self, suffix, start=0, end=None):
        return endswith(self, suffix, start, end)

    def expandtabs(self, tabsize=8):
        return asarray(expandtabs(self, tabsize))

    def find(self, sub, start=0, end=None):
        return find(self, sub, start, end)

    def index(self, sub, start=0, end=None):
        return index(self, sub, start, end)

    def isalnum(self):
        return isalnum(self)

    def isalpha(self):
        return isalpha(self)

    def isdigit(self):
        return isdigit(self)

    def islower(self):
        return islower(self)

    def isspace(self):
        return isspace(self)

    def istitle(self):
        return istitle(self)

    def isupper(self):
        return isupper(self)

    def join(self, seq):
        return join(self, seq)

    def ljust(self, width, fillchar=' '):
        return asarray(ljust(self, width, fillchar))

    def lower(self):
        return asarray(lower(self))

    def lstrip(self, chars=None):
        return asarray(lstrip(self, chars))

    def partition(self, sep):
        return asarray(partition(self, sep))

    def replace(self, old, new, count=None):
        return asarray(replace(self, old, new, count))

    def rfind(self, sub, start=0, end=None):
        return rfind(self, sub, start, end)

    def rindex(self, sub, start=0, end=None):
        return rindex(self, sub, start, end)

    def rjust(self, width, fillchar=' '):
        return asarray(rjust(self, width, fillchar))

    def rpartition(self, sep):
        return asarray(rpartition(self, sep))

    def rsplit(self, sep=None, maxsplit=None):
        return rsplit(self, sep, maxsplit)

    def rstrip(self, chars=None):
        return asarray(rstrip(self, chars))

    def split(self, sep=None, maxsplit=None):
        return split(self, sep, maxsplit)

    def splitlines(self, keepends=None):
        return splitlines(self, keepends)

    def startswith(self, prefix, start=0, end=None):
        return startswith(self, prefix, start, end)

    def strip(self, chars=None):
        return asarray(strip(self, chars))

    def swapcase(self):
        return asarray(swapcase(self))

    def title(self):
        return asarray(title(self))

    def translate(self, table, deletechars=None):
        return asarray(translate(self, table, deletechars))

    def upper(self):
        return asarray(upper(self))

    def zfill(self, width):
        return asarray(zfill(self, width))

    def isnumeric(self):
        return isnumeric(self)

    def isdecimal(self):
        return isdecimal(self)


_rewrap = as_subclass     # a new `cls` object sharing a's array


def _view(a):
    """a as a chararray sharing its memory; ValueError for non-string data, as NumPy."""
    if a.dtype.kind not in 'SU':
        raise ValueError("Can only create a chararray from string data.")
    return _rewrap(a, chararray)


def wrap_plain(a):
    """A chararray's data as a plain ndarray (no copy)."""
    return _rewrap(a, ndarray)


def array(obj, itemsize=None, copy=True, unicode=None, order=None):
    """numpy.char.array: a chararray (NumPy's rules for itemsize, unicode and copying)."""
    if isinstance(obj, (bytes, str)):
        if unicode is None:
            unicode = isinstance(obj, str)
        if itemsize is None:
            itemsize = len(obj)
        shape = len(obj) // itemsize
        # NumPy fills every element with the whole string (cut to the itemsize).
        return chararray(shape, itemsize=itemsize, unicode=unicode, buffer=obj if isinstance(obj, str) else None,
                         order=order or 'C') if isinstance(obj, str) else \
            _bytes_chararray(obj, shape, itemsize, unicode, order)
    if isinstance(obj, (list, tuple)):
        obj = _asarray(obj)
    if is_array(obj) and obj.dtype.kind in 'SU':
        if itemsize is None:
            itemsize = obj.itemsize // (4 if obj.dtype.kind == 'U' else 1)
        if unicode is None:
            unicode = obj.dtype.kind == 'U'
        kind = 'U' if unicode else 'S'
        if order is not None:
            obj = _asarray(obj, order=order)
        if copy or itemsize != obj.itemsize // (4 if obj.dtype.kind == 'U' else 1) or kind != obj.dtype.kind:
            obj = wrap_plain(obj).astype(kind + str(int(itemsize)))
        return _view(obj)
    kind = 'U' if unicode else 'S'
    dt = kind if itemsize is None else kind + str(int(itemsize))
    return _view(_array(obj, dtype=dt, order=order or 'K'))


def _bytes_chararray(obj, shape, itemsize, unicode, order):
    """char.array(bytes): every element the whole bytes object cut to the itemsize."""
    r = chararray(shape, itemsize=itemsize, unicode=unicode, order=order or 'C')
    if shape:
        r[...] = _array(obj.decode('latin-1') if unicode else obj)
    return r


def asarray(obj, itemsize=None, unicode=None, order=None):
    """numpy.char.asarray: array(obj, copy=False)."""
    return array(obj, itemsize, copy=False, unicode=unicode, order=order)

