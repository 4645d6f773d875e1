"""Text files (NumPy 1.24 signatures): loadtxt, savetxt, genfromtxt, fromregex.

The parsing and formatting are the library's (include/cnumpy/textio.h): loadtxt's tokenizer and
number parsers, savetxt's Python-compatible % formatting, genfromtxt's float fast path. This
module does what NumPy's Python layer does around its C reader (argument rules, opening files
and decoding them, comments given as lists, unpack, the "no data" warning) and the parts that
call Python: converters (loadtxt reads the fields as text in the library, then calls them),
formats that need Python's % operator (%s, %r, mapping keys), genfromtxt's general algorithm
(names, dtype=None inference, converters, invalid rows) and fromregex (Python's re).
docs/textio.md lists what differs from NumPy."""
import bz2
import codecs
import gzip
import io
import lzma
import operator
import os
import re
import warnings

from . import _backend
from ._capi import cfunc, produce, produce_many, produce_string
from ._convert import array, asarray
from ._creation import zeros as _zeros
from ._dtype import dtype as _dtype_cls
from ._errors import _user_stacklevel
from ._ndarray import ndarray
from ._scalars import character
from .ma._fields import make_mask_descr
from .ma.core import MaskedArray

_NULL = _backend.NULL
(_loadtxt_c, _loadtxt_lines_c, _loadtxt_path_c, _savetxt_c, _genfromtxt_c, _genfromtxt_path_c,
 _genfromtxt_infer_c, _genfromtxt_infer_path_c) = (cfunc("cnp_" + n) for n in (
     "loadtxt", "loadtxt_lines", "loadtxt_path", "savetxt", "genfromtxt_numeric",
     "genfromtxt_numeric_path", "genfromtxt_infer", "genfromtxt_infer_path"))


class ConversionWarning(UserWarning):
    """numpy.lib._iotools.ConversionWarning: genfromtxt's invalid rows with invalid_raise=False."""


class VisibleDeprecationWarning(UserWarning):
    """numpy.VisibleDeprecationWarning."""


# -- reading the input ---------------------------------------------------------------------------
def _not_found(path):
    """np.lib._datasource's error for a file to read that does not exist."""
    if not os.path.exists(path):
        raise FileNotFoundError(f"{path} not found.")


def _open_text(path, mode, encoding):
    """np.lib._datasource.open for local files: .gz, .bz2 and .xz are decompressed."""
    if "r" in mode:
        _not_found(path)
    opener = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}.get(os.path.splitext(path)[1], open)
    if opener is open:
        return open(path, mode, encoding=encoding)
    return opener(path, mode, encoding=encoding)


def _input_bytes(fname, encoding, what):
    """The input as UTF-8 bytes for the library. A plain file whose bytes are ASCII (valid in
    every encoding NumPy would use here) is handed over as read, without decoding."""
    if isinstance(fname, os.PathLike):
        fname = os.fspath(fname)
    if isinstance(fname, str) and os.path.splitext(fname)[1] not in (".gz", ".bz2", ".xz"):
        _not_found(fname)
        with open(fname, "rb") as fh:
            raw = fh.read()
        if raw.isascii() and (encoding is None or
                              codecs.lookup(encoding).name in ("utf-8", "ascii", "latin-1",
                                                               "iso8859-1", "cp1252")):
            if b"\r" in raw:   # text mode's universal newlines, as NumPy's open() does
                raw = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
            return raw
    return _encoded(_input_text(fname, encoding, what))


def _utf8_path(fname, encoding):
    """The file name the library may read itself (the *_path functions map the file and read
    it as Python's text mode reads UTF-8): a plain file (no .gz/.bz2/.xz) with a UTF-8 encoding
    (None is the locale's, UTF-8 here as for the bytes path above). None otherwise."""
    if isinstance(fname, os.PathLike):
        fname = os.fspath(fname)
    if not isinstance(fname, str) or os.path.splitext(fname)[1] in (".gz", ".bz2", ".xz"):
        return None
    if encoding is not None and codecs.lookup(encoding).name != "utf-8":
        return None
    return _encoded(fname)


def _input_text(fname, encoding, what):
    """The whole input as one str (lines of a sequence joined with their line ends), as the
    readers see it. `what` words the TypeError for an unusable fname (loadtxt/genfromtxt)."""
    if isinstance(fname, os.PathLike):
        fname = os.fspath(fname)
    if isinstance(fname, bytes):
        fname = fname.decode()
    if isinstance(fname, str):
        with _open_text(fname, "rt", encoding) as fh:
            return fh.read()
    if hasattr(fname, "read") and not isinstance(fname, io.TextIOWrapper):
        # A file object NumPy would iterate by lines: read at once, then checked as those
        # lines (a lone \r inside one is NumPy's "embedded newline" error).
        data = fname.read()
        if isinstance(data, bytes):
            data = data.decode(encoding or getattr(fname, "encoding", None) or "latin1")
        if "\r" not in data:
            return data
        return _joined_lines(data.split("\n"), encoding)
    if hasattr(fname, "read"):  # a text file with universal newlines (open()): \r already handled
        data = fname.read()
        if isinstance(data, bytes):
            data = data.decode(encoding or getattr(fname, "encoding", None) or "latin1")
        return data
    try:
        lines = iter(fname)
    except TypeError:
        raise what(type(fname)) from None
    return _joined_lines(lines, encoding or getattr(fname, "encoding", None))


def _line_items(fname, encoding):
    """A list or generator of lines, which NumPy's reader takes item by item (each item is one
    line; a quoted field may go on into the next item): (the items' UTF-8 bytes one after the
    other, the offset where each ends). None for a file name or a file object."""
    if isinstance(fname, (str, bytes, os.PathLike)) or hasattr(fname, "read"):
        return None
    try:
        lines = iter(fname)
    except TypeError:
        raise _fname_error(type(fname)) from None
    enc = encoding or getattr(fname, "encoding", None) or "latin1"
    parts, ends, n = [], [], 0
    for line in lines:
        if isinstance(line, bytes):
            line = line.decode(enc)
        elif not isinstance(line, str):
            raise TypeError("non-string returned while reading data")
        b = _encoded(line)
        n += len(b)
        parts.append(b)
        ends.append(n)
    return b"".join(parts), ends


def _joined_lines(lines, encoding):
    """Lines of an iterable as one text, each ended by \n; NumPy's error for a line break
    inside a line."""
    enc = encoding or "latin1"
    parts = []
    for line in lines:
        if isinstance(line, bytes):
            line = line.decode(enc)
        elif not isinstance(line, str):
            raise TypeError("non-string returned while reading data")
        body = line[:-1] if line.endswith("\n") else line
        if body.endswith("\r"):
            body = body[:-1]
        if "\n" in body or "\r" in body:
            raise ValueError("Found an unquoted embedded newline within a single line of input.  "
                             "This is currently not supported.")
        parts.append(body)
        parts.append("\n")
    return "".join(parts)


def _encoded(text):
    return text.encode("utf-8", "surrogatepass")


# -- loadtxt -------------------------------------------------------------------------------------
def _check_nonneg_int(value, name="argument"):
    try:
        operator.index(value)
    except TypeError:
        raise TypeError(f"{name} must be an integer") from None
    if value < 0:
        raise ValueError(f"{name} must be nonnegative")


def _control(value):
    """A control character as a code point (-1 for None), NumPy's TypeError otherwise."""
    if value is None:
        return -1
    if not isinstance(value, str) or len(value) != 1:
        raise TypeError("Text reading control character must be a single unicode character or "
                        "None; but got: %.100r" % (value,))
    return ord(value)


def _ensure_ndmin(a, ndmin):
    if a.ndim > ndmin:
        a = a.squeeze()
    if a.ndim < ndmin:
        if ndmin == 1:
            a = a.reshape(1)
        elif ndmin == 2:
            a = a.reshape(1, -1).T if a.ndim == 1 else a.reshape(1, 1)
    return a


def _no_data_warning(arr, fname):
    if arr.shape and arr.shape[0] == 0:
        warnings.warn(f'loadtxt: input contained no data: "{fname}"', UserWarning,
                      stacklevel=_user_stacklevel())


def _fname_error(t):
    return ValueError(f"fname must be a string, filehandle, list of strings,\nor generator. "
                      f"Got {t} instead.")


def _conv_funcs(converters, ncols, usecols):
    """NumPy's create_conv_funcs: one callable (or None) per read column."""
    if callable(converters):
        return [converters] * ncols
    if not isinstance(converters, dict):
        raise TypeError("converters must be a dictionary mapping columns to converter "
                        "functions or a single callable.")
    funcs = [None] * ncols
    for key, value in converters.items():
        try:
            column = operator.index(key)
        except TypeError:
            raise TypeError("keys of the converters dictionary must be integers; got %.100r"
                            % (key,)) from None
        if usecols is not None:
            matches = [i for i, u in enumerate(usecols) if u == column]
            if not matches:
                continue
            column = matches[0]
        else:
            if column < -ncols or column >= ncols:
                raise ValueError("converter specified for column %d, which is invalid for the "
                                 "number of fields %d." % (key, ncols))
            if column < 0:
                column += ncols
        if not callable(value):
            raise TypeError("values of the converters dictionary must be callable, but the "
                            "value associated with key %r is not" % (key,))
        funcs[column] = value
    return funcs


def _leaf_kinds(dt):
    if dt.names:
        return "".join(_leaf_kinds(_dtype_cls(dt.fields[n][0])) for n in dt.names)
    if dt.subdtype is not None:
        return _leaf_kinds(_dtype_cls(dt.subdtype[0]))
    return dt.kind


def _records(rows, dt):
    """A 1-D record array from a list of tuples (np.array(rows, dt): each value converted as
    NumPy's setitem converts it into its field)."""
    return array(rows, dtype=dt) if rows else _zeros(0, dtype=dt)


def _flat_leaves(dt):
    """numpy.lib._iotools.flatten_dtype(dt, flatten_base=True): the scalar dtypes of a record's
    columns in order, nested records walked and subarray fields repeated per element."""
    if dt.names is not None:
        return [leaf for n in dt.names for leaf in _flat_leaves(_dtype_cls(dt.fields[n][0]))]
    if dt.subdtype is not None:
        base, shape = dt.subdtype
        count = 1
        for n in shape:
            count *= n
        return _flat_leaves(_dtype_cls(base)) * count
    return [dt]


def _records_of_columns(rows, dt):
    """The records of rows holding one value per text column: a nested record or subarray field
    takes several columns, so (as NumPy's genfromtxt) the rows fill a record of the flat column
    dtypes that is then viewed as dt."""
    flat = _flat_leaves(dt)
    for r in rows:
        if len(r) < len(flat):      # NumPy's np.array(rows, flat record dtype) refuses the row
            raise ValueError("could not assign tuple of length %d to structure with %d fields."
                             % (len(r), len(flat)))
    if rows and len(rows[0]) > len(flat):
        rows = [r[:len(flat)] for r in rows]    # NumPy converts only the dtype's columns
    if len(flat) == len(dt.names) and all(dt.fields[n][0] == f for n, f in zip(dt.names, flat)):
        return _records(rows, dt)
    return _records(rows, _dtype_cls([("f%d" % i, f) for i, f in enumerate(flat)])).view(dt)


def _read_with_python(args, dtype, converters, usecols, byte_converters):
    """loadtxt with converters or a dtype the library does not parse: the fields are read as
    text by the library (its tokenizer, so rows, quotes and column errors are the same); columns
    without a converter are parsed by the library too, the others by their converter, each value
    packed into the column's dtype (NumPy's PyArray_Pack)."""
    fields = _call_loadtxt(_dtype_cls("U"), *args)
    nrows, ncols = fields.shape
    leaves = [_dtype_cls(dtype.fields[n][0]) for n in dtype.names] if dtype.names else None
    if leaves is not None and nrows and ncols != len(leaves) and usecols is None:
        raise ValueError("the number of columns changed from %d to %d at row 1; use `usecols` "
                         "to select a subset and avoid this error" % (len(leaves), ncols))
    funcs = _conv_funcs(converters, ncols, usecols) if converters is not None else [None] * ncols
    cells = fields.tolist() if nrows else []
    if leaves is None and converters is None and dtype.kind in "Mm" and "[" not in dtype.str:
        # A generic datetime64/timedelta64: NumPy finds one unit for the whole result from the
        # text (['2020-01-01', '2021'] gives [D]), as array() does for a nested list.
        try:
            return array(cells, dtype=dtype) if nrows else _zeros((0, ncols), dtype=dtype)
        except Exception:
            pass    # a bad field: the per-column pass below words NumPy's error
    columns = []
    for j in range(ncols):
        target = leaves[j] if leaves is not None else dtype
        conv = funcs[j]
        src = j if usecols is None else usecols[j]
        if conv is None and target.kind not in "MmO":
            col_args = args[:6] + ([src],) + args[7:]
            columns.append(_call_loadtxt(target, *col_args)[:, 0])
            continue
        values = []
        for i in range(nrows):
            s = cells[i][j]
            arg = s.encode("latin1") if (byte_converters and conv is not None) else s
            try:
                v = conv(arg) if conv is not None else s
                array([v], dtype=target)
            except Exception as e:
                raise ValueError("could not convert string %.100r to %s at row %d, column %d."
                                 % (s, target, i, (src if src >= 0 else src + ncols) + 1)) from e
            values.append(v)
        columns.append(array(values, dtype=target) if values else array([], dtype=target))
    if leaves is not None:
        out = _zeros(nrows, dtype=dtype)
        for name, col in zip(dtype.names, columns):
            if nrows:
                out[name] = col
        return out
    out = _zeros((nrows, ncols), dtype=dtype)
    for j, col in enumerate(columns):
        if nrows:
            out[:, j] = col
    return out


def _call_loadtxt(dtype, data, delimiter, comment, comments, quote, skiprows, usecols, max_rows,
                  line_ends=None, ndmin=2, path=None):
    cs = _backend.charp_array([_encoded(c) for c in comments]) if comments else _NULL
    uc = _backend.int64_array(usecols) if usecols is not None else _NULL
    rest = (dtype._h, delimiter, comment, cs, len(comments) if comments else 0, quote, skiprows,
            uc, len(usecols) if usecols is not None else 0, ndmin, max_rows, 0)
    if path is not None:
        return produce(_loadtxt_path_c, path, *rest)
    if line_ends is not None:
        ends = _backend.int64_array(line_ends) if line_ends else _NULL
        return produce(_loadtxt_lines_c, data, len(data), ends, len(line_ends), *rest)
    return produce(_loadtxt_c, data, len(data), *rest)


def loadtxt(fname, dtype=float, comments='#', delimiter=None, converters=None, skiprows=0,
            usecols=None, unpack=False, ndmin=0, encoding='bytes', max_rows=None, *,
            quotechar=None, like=None):
    """numpy.loadtxt (NumPy 1.24): the library's tokenizer and parsers (`like` is ignored)."""
    if isinstance(delimiter, bytes):
        delimiter = delimiter.decode("latin1")
    if dtype is None:
        dtype = float
    comment = comments
    if comment is not None:
        if isinstance(comment, (str, bytes)):
            comment = [comment]
        comment = [x.decode("latin1") if isinstance(x, bytes) else x for x in comment]
    byte_converters = False
    if encoding == "bytes":
        encoding = None
        byte_converters = True
    dtype = _dtype_cls(dtype)
    if usecols is not None:
        try:
            usecols = list(usecols)
        except TypeError:
            usecols = [usecols]
        for u in usecols:
            try:
                operator.index(u)
            except TypeError:
                raise TypeError("usecols must be an int or a sequence of ints but it contains at "
                                "least one element of type '%s'" % type(u).__name__) from None
        usecols = [operator.index(u) for u in usecols]
    if ndmin not in (0, 1, 2):
        raise ValueError(f"Illegal value of ndmin keyword: {ndmin}")
    single, several = None, None
    if comment is not None:
        if "" in comment:
            raise ValueError("comments cannot be an empty string. Use comments=None to disable "
                             "comments.")
        several = tuple(comment)
        if len(several) == 0:
            several = None
        elif len(several) == 1:
            if isinstance(several[0], str) and len(several[0]) == 1:
                single, several = several[0], None
        elif delimiter in several:
            raise TypeError(f"Comment characters '{several}' cannot include the delimiter "
                            f"'{delimiter}'")
    if several is not None and quotechar is not None:
        raise ValueError("when multiple comments or a multi-character comment is given, quotes "
                         "are not supported.  In this case quotechar must be set to None.")
    _check_nonneg_int(skiprows)
    if max_rows is not None:
        _check_nonneg_int(max_rows)
    else:
        max_rows = -1
    d_cp, c_cp, q_cp = _control(delimiter), _control(single), _control(quotechar)
    path = _utf8_path(fname, encoding)
    if path is not None and converters is None and not any(k in "MmO" for k in _leaf_kinds(dtype)):
        try:
            arr = _call_loadtxt(dtype, None, d_cp, c_cp, several, q_cp, skiprows, usecols, max_rows,
                                ndmin=ndmin, path=path)
        except (UnicodeDecodeError, OSError):
            pass    # read below by Python, which raises its own error (FileNotFoundError, ...)
        else:
            _no_data_warning(arr, fname)
            return _unpacked(arr, unpack)
    items = _line_items(fname, encoding)
    if items is not None:
        data, line_ends = items
    else:
        data, line_ends = _input_bytes(fname, encoding, _fname_error), None
    args = (data, d_cp, c_cp, several, q_cp, skiprows, usecols, max_rows, line_ends)
    python_dtype = any(k in "MmO" for k in _leaf_kinds(dtype))
    if converters is not None or python_dtype:
        arr = _ensure_ndmin(_read_with_python(args, dtype, converters, usecols, byte_converters),
                            ndmin)
    else:
        arr = _call_loadtxt(dtype, *args, ndmin=ndmin)
    _no_data_warning(arr, fname)
    return _unpacked(arr, unpack)


def _unpacked(arr, unpack):
    if unpack:
        if arr.dtype.names is not None:
            return [arr[field] for field in arr.dtype.names]
        return arr.T
    return arr


# -- savetxt -------------------------------------------------------------------------------------
def _asstr(s):
    return s.decode("latin1") if isinstance(s, bytes) else str(s)


def _format_rows_python(X, format, newline, iscomplex):
    """The rows through Python's % operator (formats the library leaves to Python)."""
    out = []
    if iscomplex:
        for row in X:
            row2 = []
            for number in row:
                row2.append(number.real)
                row2.append(number.imag)
            out.append((format % tuple(row2) + newline).replace("+-", "-"))
    else:
        for row in X:
            try:
                out.append(format % tuple(row) + newline)
            except TypeError as e:
                raise TypeError("Mismatch between array dtype ('%s') and format specifier ('%s')"
                                % (str(X.dtype), format)) from e
    return "".join(out)


def _savetxt_text(X, fmt, delimiter, newline, header, footer, comments):
    """The file's text, as NumPy 1.24's savetxt writes it."""
    if isinstance(fmt, bytes):
        fmt = _asstr(fmt)
    delimiter = _asstr(delimiter)
    X = asarray(X)
    if X.ndim == 0 or X.ndim > 2:
        raise ValueError("Expected 1D or 2D array, got %dD array instead" % X.ndim)
    elif X.ndim == 1:
        ncol = 1 if X.dtype.names is None else len(X.dtype.names)
    else:
        ncol = X.shape[1]
    iscomplex = X.dtype.kind == "c"
    if type(fmt) in (list, tuple):
        if len(fmt) != ncol:
            raise AttributeError('fmt has wrong shape.  %s' % str(fmt))
        fmts, is_list = [_asstr(f) for f in fmt], 1
        format = delimiter.join(fmts)
    elif isinstance(fmt, str):
        n = fmt.count('%')
        if n == 1:
            one = ' (%s+%sj)' % (fmt, fmt) if iscomplex else fmt
            format = delimiter.join([one] * ncol)
        elif (iscomplex and n != 2 * ncol) or (not iscomplex and n != ncol):
            raise ValueError('fmt has wrong number of %% formats:  %s' % fmt)
        else:
            format = fmt
        fmts, is_list = [fmt], 0
    else:
        raise ValueError('invalid fmt: %r' % (fmt,))
    newline, header, footer, comments = (_asstr(v) for v in (newline, header, footer, comments))
    if "\0" not in "".join(fmts) + delimiter + newline + header + footer + comments:
        try:
            return produce_string(_savetxt_c, X._h, _backend.charp_array([_encoded(f) for f in fmts]),
                                  len(fmts), is_list, _encoded(delimiter), _encoded(newline),
                                  _encoded(header), _encoded(footer), _encoded(comments),
                                  _backend.new_int64_out())
        except NotImplementedError:
            pass        # a format Python's % operator must do: the rows below
    parts = []
    if len(header) > 0:
        parts.append(comments + header.replace('\n', '\n' + comments) + newline)
    rows = X.reshape(-1, 1) if X.ndim == 1 and X.dtype.names is None else X
    parts.append(_format_rows_python(rows, format, newline, iscomplex))
    if len(footer) > 0:
        parts.append(comments + footer.replace('\n', '\n' + comments) + newline)
    return "".join(parts)


def savetxt(fname, X, fmt='%.18e', delimiter=' ', newline='\n', header='', footer='',
            comments='# ', encoding=None):
    """numpy.savetxt (NumPy 1.24): the same bytes; numbers formatted by the library."""
    if isinstance(fname, os.PathLike):
        fname = os.fspath(fname)
    if isinstance(fname, (str, bytes)):
        fname = os.fsdecode(fname)
        text = _savetxt_text(X, fmt, delimiter, newline, header, footer, comments)
        with _open_text(fname, "wt", encoding) as fh:
            fh.write(text)
        return
    if not hasattr(fname, "write"):
        raise ValueError('fname must be a string or file handle')
    text = _savetxt_text(X, fmt, delimiter, newline, header, footer, comments)
    try:
        fname.write(text)
    except TypeError:
        fname.write(text.encode(encoding or "latin1"))


# -- genfromtxt ----------------------------------------------------------------------------------
_DEFAULT_DELETECHARS = set("""~!@#$%^&*()-=+~\\|]}[{';: /?.>,<""")
_DEFAULT_EXCLUDE = ["return", "file", "print"]


def _validate_names(names, excludelist, deletechars, case_sensitive, replace_space,
                    defaultfmt="f%i", nbfields=None):
    """numpy.lib._iotools.NameValidator."""
    exclude = list(_DEFAULT_EXCLUDE) + list(excludelist or [])
    delete = _DEFAULT_DELETECHARS if deletechars is None else set(deletechars)
    delete = set(delete) | {'"'}
    if case_sensitive is None or case_sensitive is True:
        case = lambda x: x  # noqa: E731
    elif case_sensitive is False or case_sensitive.startswith('u'):
        case = str.upper
    elif case_sensitive.startswith('l'):
        case = str.lower
    else:
        raise ValueError('%s is not a valid case_sensitive parameter' % case_sensitive)
    if names is None:
        if nbfields is None:
            return None
        names = []
    if isinstance(names, str):
        names = [names]
    if nbfields is not None:
        nbnames = len(names)
        if nbnames < nbfields:
            names = list(names) + [''] * (nbfields - nbnames)
        elif nbnames > nbfields:
            names = names[:nbfields]
    validated, seen, nbempty = [], {}, 0
    for item in names:
        item = case(str(item).strip())
        if replace_space:
            item = item.replace(' ', replace_space)
        item = ''.join([c for c in item if c not in delete])
        if item == '':
            item = defaultfmt % nbempty
            while item in names:
                nbempty += 1
                item = defaultfmt % nbempty
            nbempty += 1
        elif item in exclude:
            item += '_'
        cnt = seen.get(item, 0)
        if cnt > 0:
            validated.append(item + '_%d' % cnt)
        else:
            validated.append(item)
        seen[item] = cnt + 1
    return tuple(validated)


def _split_line(line, delimiter, comments, autostrip):
    """numpy.lib._iotools.LineSplitter."""
    if comments is not None:
        line = line.split(comments)[0]
    if isinstance(delimiter, int) or (isinstance(delimiter, (list, tuple)) and delimiter):
        line = line.strip("\r\n")
        if not line:
            return []
        if isinstance(delimiter, int):
            fixed = [line[i:i + delimiter] for i in range(0, len(line), delimiter)]
        else:
            idx = [0]
            for w in delimiter:
                idx.append(idx[-1] + w)
            fixed = [line[s:e] for s, e in zip(idx[:-1], idx[1:])]
        return [f.strip() for f in fixed] if autostrip else fixed
    line = line.strip(" \r\n")
    if not line:
        return []
    values = line.split(delimiter)
    return [v.strip() for v in values] if autostrip else values


def _str2bool(value):
    v = value.upper()
    if v == 'TRUE':
        return True
    if v == 'FALSE':
        return False
    raise ValueError("Invalid boolean")


# StringConverter's upgrade chain for dtype=None: (kind, function, default).
_CHAIN = [("b", _str2bool, False), ("i", int, -1), ("f", float, float("nan")),
          ("c", complex, complex(float("nan"), 0.0)), ("U", str, "???")]
_KIND_DTYPE = {"b": "?", "i": "i8", "f": "f8", "c": "c16"}


def _int64_of(x):
    v = int(x)
    if not -2 ** 63 <= v < 2 ** 63:
        raise OverflowError("Python int too large to convert to C long")
    return v


def _uint64_of(x):
    v = int(x)
    if not 0 <= v < 2 ** 64:
        raise OverflowError("Python int too large to convert to C unsigned long")
    return v


def _func_for(dt):
    k = dt.kind
    if k == "b":
        return _str2bool, False
    if k in "iu":
        # StringConverter for a given integer dtype: int() (through np.int64/np.uint64) for
        # 64-bit types, int(float(x)) for the others ("4.5" is 4, "1e5" 100000; inf overflows)
        if dt.itemsize == 8:
            return _int64_of if k == "i" else _uint64_of, -1
        return (lambda x: int(float(x))), -1
    if k == "f":
        return float, float("nan")
    if k == "c":
        return complex, complex(float("nan"), 0.0)
    if k == "S":
        return (lambda s: s.encode("latin1")), b"???"
    return str, "???"


def _infer(values, missing):
    """StringConverter.iterupgrade over a column's values: (the chain position it ends at, its
    _checked flag). Every value is tried again after each upgrade (NumPy re-runs the whole
    column), a value that fails but is missing is accepted, ints must fit int64; _checked is
    False when the column stays bool with a missing value (NumPy then leaves it out of the
    uniform-type test)."""
    level = 0
    while True:
        func = _CHAIN[level][1]
        checked, ok = True, True
        for v in values:
            try:
                x = func(v)
                if func is int and not -2 ** 63 <= x < 2 ** 63:
                    raise ValueError
            except (ValueError, OverflowError):
                if v.strip() in missing:
                    checked = checked and level > 0
                    continue
                ok = False
                break
        if ok or level == len(_CHAIN) - 1:
            return level, checked
        level += 1


_SKIP = object()


def _column_key(key, names, usecols):
    """genfromtxt's column for a missing_values/filling_values key (a name or an index, counted
    among usecols when given), or _SKIP for a name that is not a column (NumPy ignores it)."""
    if isinstance(key, str):
        try:
            key = names.index(key)
        except (ValueError, AttributeError):
            return _SKIP
    if usecols:
        try:
            key = usecols.index(key)
        except ValueError:
            pass
    return key


_NUMERIC_FAST = ("?", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "float32",
                 "float64")


def _fast_dtype(d):
    """Whether the library converts into d: a native number type it parses as NumPy's
    StringConverter does, or a record of them."""
    if d.names is not None:
        return all(_fast_dtype(_dtype_cls(d.fields[n][0])) for n in d.names) and len(d.names) > 0
    return d.isnative and d.subdtype is None and (d.name if d.kind != "b" else "?") in _NUMERIC_FAST


def _head(data, path, encoding, skip_header, comments, delimiter, names_line):
    """NumPy's first-values search: after skip_header lines, the first line with values (for
    names=True a comment marker in it is dropped with what precedes it). (lines consumed, the
    values) or None when the input ends first."""
    if data is None:
        fh = open(path, "r", encoding=encoding)
        lines = iter(fh)
    else:
        fh = None

        def _lines():
            start = 0
            while start < len(data):
                end = data.find(b"\n", start)
                end = len(data) if end < 0 else end + 1
                yield data[start:end].decode("utf-8", "surrogatepass")
                start = end
        lines = _lines()
    try:
        n = 0
        for line in lines:
            n += 1
            if n <= skip_header:
                continue
            if "\r" in line[:-1]:
                return None     # a line the library would split differently
            if names_line and comments is not None and comments in line:
                line = "".join(line.split(comments)[1:])
            values = _split_line(line, delimiter, comments, False)
            if values:
                return n, values
        return None
    finally:
        if fh is not None:
            fh.close()


def _genfromtxt_library(data, path, dtype, comments, delimiter, skip_header, skip_footer,
                        missing_values, filling_values, usecols, names, excludelist, deletechars,
                        replace_space, case_sensitive, defaultfmt, usemask, max_rows, encoding,
                        strings):
    """genfromtxt through the library (cnp_genfromtxt_numeric / cnp_genfromtxt_infer, on the
    file or the bytes) for what it converts as NumPy does: numeric dtypes or records of them,
    dtype=None inferring to bool/int/float/str (strings: the library's mode, 0 = no str
    columns, 1 = str, 2 = bytes when Latin-1 as for encoding='bytes'), names from the first
    line, a list or a string.
    None when the arguments are outside it; NotImplementedError when the data is (the library
    declines: NumPy's algorithm then runs)."""
    if type(usecols) is int:
        usecols = [usecols]     # NumPy's one-column usecols
    if not ((delimiter is None or (isinstance(delimiter, str) and len(delimiter) == 1))
            and (usecols is None or (isinstance(usecols, (list, tuple)) and
                                     all(type(u) is int and u >= 0 for u in usecols)))
            and (missing_values is None or isinstance(missing_values, str))
            and (filling_values is None or type(filling_values) in (int, float))
            and (comments is None or (isinstance(comments, str) and comments))
            and (names is None or names is False or names is True or isinstance(names, str)
                 or (isinstance(names, (list, tuple)) and all(isinstance(n, str) for n in names)))):
        return None
    try:
        d = _dtype_cls(dtype) if dtype is not None else None
    except TypeError:
        return None     # a sequence of formats: easy_dtype's, in NumPy's algorithm
    if d is not None and not _fast_dtype(d):
        return None
    # NumPy's validate_names: a NameValidator whose empty names are 'f%i' (defaultfmt names
    # only the columns of an unnamed result)
    validate = lambda n: _validate_names(  # noqa: E731
        n, excludelist, deletechars, case_sensitive, replace_space)
    skip = skip_header
    out_names = None
    if names is True or (d is None and not names):
        head = _head(data, path, encoding, skip_header, comments, delimiter, names is True)
        if head is None:
            return None     # no data: NumPy's warning and empty result
        consumed, first_values = head
        if names is True:
            if comments is not None and first_values[0].strip() in comments:
                del first_values[0]
            out_names = list(validate([str(v.strip()) for v in first_values]))
            skip = consumed
        else:
            ncols = len(usecols) if usecols is not None else len(first_values)
            out_names = [defaultfmt % i for i in range(ncols)]
    elif isinstance(names, str):
        out_names = list(validate([n.strip() for n in names.split(",")]))
    elif names:
        out_names = list(validate(names))
    if out_names is not None and usecols is not None and len(out_names) > len(usecols):
        # NumPy names every column, then keeps the used ones' names (easy_dtype's fields picked
        # by usecols, or the names themselves)
        if max(usecols) >= len(out_names):
            return None
        out_names = [out_names[u] for u in usecols]
    missing = missing_values.split(",") if isinstance(missing_values, str) else []
    ms = [_encoded(m) for m in missing]
    fill_arr = None if filling_values is None else array(float(filling_values))
    common = (-1 if delimiter is None else ord(delimiter),
              _encoded(comments) if comments is not None else _NULL, skip, skip_footer,
              _backend.int64_array(usecols) if usecols is not None else _NULL,
              len(usecols) if usecols is not None else 0,
              _backend.charp_array(ms) if ms else _NULL, len(ms),
              _NULL if fill_arr is None else fill_arr._h, -1 if max_rows is None else max_rows)
    src = (path,) if data is None else (data, len(data))
    skip_mask = () if usemask else (1,)
    if d is None:
        structured = names is not None and names is not False
        nm = [_encoded(n) for n in out_names]
        fn = _genfromtxt_infer_path_c if data is None else _genfromtxt_infer_c
        out, mask = produce_many(fn, 2, *src, _backend.charp_array(nm), len(nm),
                                 1 if structured else 0, strings, *common, skip=skip_mask)
        kinds = [out.dtype.fields[n][0].kind for n in out.dtype.names] if out.dtype.names \
            else [out.dtype.kind]
        if strings == 2 and any(k in "SU" for k in kinds):
            warnings.warn("Reading unicode strings without specifying the encoding argument is "
                          "deprecated. Set the encoding, use None for the system default.",
                          VisibleDeprecationWarning, stacklevel=_user_stacklevel())
    else:
        if out_names is not None:   # easy_dtype validates the names again, with defaultfmt
            if d.names is not None and len(out_names) != len(d.names):
                return None
            out_names = _validate_names(out_names, excludelist, deletechars, case_sensitive,
                                        replace_space, defaultfmt)
            d = _dtype_cls([(n, d) for n in out_names]) if d.names is None else \
                _with_names(d, out_names)
        # NumPy converts a one-leaf record's text as bytes with np.array(rows, dtype): float(b'')
        # is an error where the library fills. For a float64 leaf the two agree on every value
        # the library reads without a missing entry (it declines invalid text), so the library
        # reads it and any missing entry sends the call to the port (NumPy's error there).
        fn = _genfromtxt_path_c if data is None else _genfromtxt_c
        leaves = _flat_leaves(d) if d.names is not None else None
        if leaves is not None and len(leaves) == 1:
            f8 = _dtype_cls("float64")
            if leaves[0] != f8 or d.itemsize != 8:
                return None
            # read as one float64 column (a plain mask), then viewed as the record
            out, mask = produce_many(fn, 2, *src, f8._h, *common)
            if out.shape[0] == 0 or out.shape[1] != 1 or asarray(mask).any():
                return None
            out = out.reshape(-1).view(d)
            return MaskedArray(out, mask=False) if usemask else out
        out, mask = produce_many(fn, 2, *src, d._h, *common, skip=skip_mask)
    if out.ndim == 2 and out.shape[0] == 0:
        out = out.reshape(0)
        mask = mask.reshape(0) if usemask else mask
    if usemask:
        out = MaskedArray(out, mask=mask)
    return out


def genfromtxt(fname, dtype=float, comments='#', delimiter=None, skip_header=0, skip_footer=0,
               converters=None, missing_values=None, filling_values=None, usecols=None,
               names=None, excludelist=None, deletechars=''.join(sorted(_DEFAULT_DELETECHARS)),
               replace_space='_', autostrip=False, case_sensitive=True, defaultfmt="f%i",
               unpack=None, usemask=False, loose=True, invalid_raise=True, max_rows=None,
               encoding='bytes', *, ndmin=0, like=None):
    """numpy.genfromtxt (NumPy 1.24): float columns without names or converters through the
    library's fast path, everything else by NumPy's algorithm here (`like` is ignored)."""
    if max_rows is not None:
        if skip_footer:
            raise ValueError("The keywords 'skip_footer' and 'max_rows' can not be specified at "
                             "the same time.")
        if max_rows < 1:
            raise ValueError("'max_rows' must be at least 1.")
    if usemask:
        pass
    if ndmin not in (0, 1, 2):
        raise ValueError(f"Illegal value of ndmin keyword: {ndmin}")
    if isinstance(comments, bytes):
        comments = comments.decode("latin1")
    if isinstance(delimiter, bytes):
        delimiter = delimiter.decode("latin1")
    user_converters = converters or {}
    if not isinstance(user_converters, dict):
        raise TypeError("The input argument 'converter' should be a valid dictionary "
                        "(got '%s' instead)" % type(user_converters))
    byte_converters = encoding == "bytes"
    if byte_converters:
        encoding = None
    path = _utf8_path(fname, encoding)
    data = None if path is not None else _input_bytes(fname, encoding, lambda t: TypeError(
        "fname must be a string, a filehandle, a sequence of strings,\n"
        f"or an iterator of strings. Got {t} instead."))

    # The library's paths: numeric columns, no converters (names and dtype=None included).
    if not user_converters:
        try:
            out = _genfromtxt_library(data, path, dtype, comments, delimiter, skip_header,
                                      skip_footer, missing_values, filling_values, usecols, names,
                                      excludelist, deletechars, replace_space, case_sensitive,
                                      defaultfmt, usemask, max_rows, encoding,
                                      0 if autostrip else 2 if byte_converters else 1)
        except (NotImplementedError, UnicodeDecodeError, OSError):
            out = None  # NumPy's algorithm below (it reads the file: Python's own errors)
        if out is not None:
            out = _ensure_ndmin(out, ndmin)
            if not unpack:
                return out
            fields = out.dtype.names
            if fields is None:
                return out.T
            return out[fields[0]] if len(fields) == 1 else [out[f] for f in fields]
    if data is None:
        data = _input_bytes(fname, encoding, None)
    return _genfromtxt_python(
        data.decode("utf-8", "surrogatepass"), dtype, comments, delimiter, skip_header, skip_footer, user_converters,
        missing_values, filling_values, usecols, names, excludelist, deletechars,
        replace_space, autostrip, case_sensitive, defaultfmt, unpack, usemask, loose,
        invalid_raise, max_rows, byte_converters, ndmin, fname)


def _genfromtxt_python(text, dtype, comments, delimiter, skip_header, skip_footer,
                       user_converters, missing_values, filling_values, usecols, names,
                       excludelist, deletechars, replace_space, autostrip, case_sensitive,
                       defaultfmt, unpack, usemask, loose, invalid_raise, max_rows,
                       byte_converters, ndmin, fname):
    """NumPy 1.24's genfromtxt algorithm (numpy/lib/npyio.py) over the decoded text."""
    lines = text.splitlines(True)
    pos = min(skip_header, len(lines))
    # NumPy's validate_names: a NameValidator whose empty names are 'f%i' (defaultfmt names
    # only the columns of an unnamed result)
    validate = lambda n: _validate_names(  # noqa: E731
        n, excludelist, deletechars, case_sensitive, replace_space)
    first_values, first_line = [], ''
    while not first_values:
        if pos >= len(lines):
            first_line, first_values = '', []
            warnings.warn('genfromtxt: Empty input file: "%s"' % fname,
                          stacklevel=_user_stacklevel())
            break
        first_line = lines[pos]
        pos += 1
        if names is True and comments is not None and comments in first_line:
            first_line = ''.join(first_line.split(comments)[1:])
        first_values = _split_line(first_line, delimiter, comments, autostrip)
    if names is True:     # (IndexError for an empty input, as NumPy's first_values[0])
        if comments is not None and first_values[0].strip() in comments:
            del first_values[0]
    if usecols is not None:
        try:
            usecols = [u.strip() for u in usecols.split(",")]
        except AttributeError:
            try:
                usecols = list(usecols)
            except TypeError:
                usecols = [usecols]
    nbcols = len(usecols or first_values)
    if names is True:
        names = validate([str(v.strip()) for v in first_values])
        first_line = ''
    elif isinstance(names, str):
        names = validate([n.strip() for n in names.split(',')])
    elif names:
        names = validate(names)
    if dtype is not None:
        try:
            dtype = _dtype_cls(dtype)
        except TypeError:
            # easy_dtype: a sequence of formats, named by names (completed with 'f%i')
            fmts = list(dtype)
            dtype = _dtype_cls({"formats": fmts, "names": list(_validate_names(
                names if names is not None else [""] * len(fmts), excludelist, deletechars,
                case_sensitive, replace_space, defaultfmt, len(fmts)))})
        # easy_dtype: the names validated again, with defaultfmt and (records) the field count
        again = lambda n, nb=None: _validate_names(  # noqa: E731
            n, excludelist, deletechars, case_sensitive, replace_space, defaultfmt, nb)
        if names is not None and dtype.names is None and len(names) > 0 and dtype.kind != "V":
            # easy_dtype repeats dtype.type: strings lose their width, byte order becomes
            # native, datetimes lose their unit ('U3' names fields '<U', as NumPy)
            dtype = _dtype_cls([(n, _dtype_cls(dtype.type)) for n in again(names)])
        elif names is not None and dtype.names is not None:
            # (genfromtxt's own names stay the full list: with usecols they pick the fields'
            # names below)
            dtype = _with_names(dtype, again(names, len(dtype.names)))
    if names is not None:
        names = list(names)
    if usecols:
        for i, current in enumerate(usecols):
            if isinstance(current, str):
                usecols[i] = names.index(current)
            elif current < 0:
                usecols[i] = current + len(first_values)
        if dtype is not None and dtype.names is not None and len(dtype.names) > nbcols:
            fields = list(dtype.names)   # (NumPy indexes dtype.descr, a list: its IndexError)
            dtype = _dtype_cls([(fields[u], dtype.fields[fields[u]][0]) for u in usecols])
            names = list(dtype.names)
        elif names is not None and len(names) > nbcols:
            names = [names[u] for u in usecols]
    elif names is not None and dtype is not None and dtype.names is not None:
        names = list(dtype.names)
    if names and dtype is not None and dtype.names is not None and list(dtype.names) != names:
        if len(names) != len(dtype.names):     # NumPy's dtype.names = names
            raise ValueError("must replace all names at once with a sequence of length %d"
                             % len(dtype.names))
        dtype = _with_names(dtype, names)

    # missing and filling values per column
    user_missing = missing_values or ()
    if isinstance(user_missing, bytes):
        user_missing = user_missing.decode('latin1')
    missing = [[''] for _ in range(nbcols)]
    if isinstance(user_missing, dict):
        for key, val in user_missing.items():
            key = _column_key(key, names, usecols)
            if key is _SKIP:
                continue
            val = [str(v) for v in val] if isinstance(val, (list, tuple)) else [str(val)]
            if key is None:
                for m in missing:
                    m.extend(val)
            else:
                missing[key].extend(val)
    elif isinstance(user_missing, (list, tuple)):
        for value, entry in zip(user_missing, missing):
            value = str(value)
            if value not in entry:
                entry.append(value)
    elif isinstance(user_missing, str):
        for entry in missing:
            entry.extend(user_missing.split(","))
    else:
        for entry in missing:
            entry.extend([str(user_missing)])
    fills = [None] * nbcols
    if isinstance(filling_values, dict):
        for key, val in filling_values.items():
            key = _column_key(key, names, usecols)
            if key is _SKIP:
                continue
            fills[key] = val
    elif isinstance(filling_values, (list, tuple)):
        n = len(filling_values)
        if n <= nbcols:
            fills[:n] = filling_values
        else:
            fills = list(filling_values[:nbcols])
    elif filling_values is not None:
        fills = [filling_values] * nbcols

    # rows
    rows, masks, invalid = [], [], []
    data_lines = [first_line] + lines[pos:]
    for i, line in enumerate(data_lines):
        values = _split_line(line, delimiter, comments, autostrip)
        nb = len(values)
        if nb == 0:
            continue
        if usecols:
            try:
                values = [values[u] for u in usecols]
            except IndexError:
                invalid.append((i + skip_header + 1, nb))
                continue
        elif nb != nbcols:
            invalid.append((i + skip_header + 1, nb))
            continue
        rows.append(tuple(values))
        if usemask:
            masks.append(tuple(v.strip() in m for v, m in zip(values, missing)))
        if len(rows) == max_rows:
            break

    # converters per column: user ones, the dtype's, or inferred (dtype=None)
    flat = None
    if dtype is not None:
        # one column per leaf (NumPy's flatten_dtype(flatten_base=True)): nested records and
        # subarray fields take several columns
        flat = _flat_leaves(dtype) if dtype.names else None
    # A record of one leaf is NumPy's "basic dtype" case: every column's StringConverter gets
    # the record dtype itself, which its mapper does not know: the text's latin-1 bytes, then
    # np.array(rows, dtype) converts them (b'' into a float field is a ValueError, any text
    # into a bool field is True).
    one_leaf = flat is not None and len(flat) == 1
    convs, types, checked = [], [], []
    for j in range(nbcols):
        col_dt = None
        if dtype is not None:
            col_dt = flat[j] if flat is not None and j < len(flat) else (dtype if flat is None else None)
        if one_leaf:
            types.append(dtype)
            convs.append([_latin1_bytes, fills[j]])
            continue
        if col_dt is not None:
            func, default = _func_for(col_dt)
            types.append(col_dt)
        else:
            level, ok = _infer([r[j] for r in rows], missing[j])
            _, func, default = _CHAIN[level]
            types.append(_CHAIN[level][0])
            checked.append(ok)
        if fills[j] is not None:
            default = fills[j]
        convs.append([func, default])
    user_types = {}     # column -> the type of its user converter (StringConverter.update)
    for key, conv in user_converters.items():
        if isinstance(key, str):
            try:
                key = names.index(key)
            except (ValueError, AttributeError):
                continue
            j = key
        elif usecols:
            try:
                j = usecols.index(key)
            except ValueError:
                continue
        else:
            j = key
        # StringConverter.update: the converter's type, from the filling value or from
        # converting the first line's value in that column ('1' without one)
        testing = first_values[key] if first_line else None
        if conv is bytes:
            user = lambda s: s.encode("latin1")  # noqa: E731
        elif byte_converters:
            user = (lambda c: lambda s: c(s if type(s) is bytes else s.encode("latin1")))(conv)
        else:
            user = conv
        convs[j][0] = user
        types[j] = "user"
        if fills[j] is not None:
            user_types[j] = _converter_type(fills[j])
        else:
            try:
                tester = user(testing or '1')
            except (TypeError, ValueError):
                tester = None
            user_types[j] = _converter_type(tester)

    if invalid:
        nbrows = len(rows) + len(invalid) - skip_footer
        template = "    Line #%%i (got %%i columns instead of %i)" % nbcols
        if skip_footer > 0:
            skipped = len([v for v in invalid if v[0] > nbrows + skip_header])
            invalid = invalid[:len(invalid) - skipped]
            skip_footer -= skipped
        msg = [template % (i, nb) for i, nb in invalid]
        if msg:
            msg.insert(0, "Some errors were detected !")
            msg = "\n".join(msg)
            if invalid_raise:
                raise ValueError(msg)
            warnings.warn(msg, ConversionWarning, stacklevel=_user_stacklevel())
    if skip_footer > 0:
        rows = rows[:-skip_footer]
        masks = masks[:-skip_footer]

    def call(j, value):
        func, default = convs[j]
        try:
            return func(value)
        except ValueError:
            if loose or value.strip() in missing[j]:
                return default
            raise ValueError("Cannot convert string '%s'" % value) from None

    data = [tuple(call(j, v) for j, v in enumerate(r)) for r in rows]

    # the output dtype
    if dtype is None:
        col_dtypes = []
        strcols = []
        for j, t in enumerate(types):
            if t == "U" or t == "user":
                vals = [r[j] for r in data]
                if t == "user" and not all(isinstance(v, (str, bytes)) for v in vals):
                    col_dtypes.append(asarray(vals).dtype if vals else _dtype_cls(float))
                    continue
                is_bytes = any(isinstance(v, bytes) for v in vals)
                strcols.append(j) if not is_bytes else None
                width = max([len(v) for v in vals] or [0])
                col_dtypes.append(_dtype_cls(("S%d" if is_bytes else "U%d") % width))
            else:
                col_dtypes.append(_dtype_cls(_KIND_DTYPE[t]))
        if byte_converters and strcols:
            warnings.warn("Reading unicode strings without specifying the encoding argument is "
                          "deprecated. Set the encoding, use None for the system default.",
                          VisibleDeprecationWarning, stacklevel=_user_stacklevel())
            try:
                data = [tuple(v.encode("latin1") if j in strcols else v for j, v in enumerate(r))
                        for r in data]
            except UnicodeEncodeError:
                pass
            else:
                for j in strcols:
                    col_dtypes[j] = _dtype_cls("S%d" % (col_dtypes[j].itemsize // 4))
        # NumPy's uniform test: the types of the checked columns before strings are sized
        # (all str columns are one type); the result is then that type, strings sized by array().
        base = {c.kind if c.kind in "SU" else str(c)
                for j, c in enumerate(col_dtypes) if j >= len(checked) or checked[j]}
        if names is None and len(base) == 1:
            kind = base.pop()
            out_dtype = _dtype_cls(kind)
            homogeneous = True
        elif names is None:
            out_dtype = _dtype_cls([(defaultfmt % j, c) for j, c in enumerate(col_dtypes)])
            homogeneous = False
        else:
            out_dtype = _dtype_cls(list(zip(names, col_dtypes)))
            homogeneous = False
    elif flat is not None and not one_leaf:
        out_dtype = dtype
        homogeneous = False
    else:
        # NumPy's basic-dtype case: np.array(rows, dtype), where user converters of another
        # type make a record of the columns' types (one column: that type)
        out_dtype = dtype
        if user_converters:
            uniform, descr, ttype = True, [], None
            for j in range(nbcols):
                if j in user_types:
                    ttype = user_types[j]
                    uniform &= ttype == dtype.type
                    if isinstance(ttype, type) and issubclass(ttype, character):
                        ttype = (ttype, max(len(r[j]) for r in data))
                    descr.append(('', ttype))
                else:
                    descr.append(('', dtype))
            if not uniform:
                out_dtype = _dtype_cls(descr) if len(descr) > 1 else _dtype_cls(ttype)
        output = array(data, dtype=out_dtype) if data else array([], dtype=out_dtype)
        if usemask:
            if out_dtype.names is None:
                outmask = array(masks, dtype=bool) if masks else array([], dtype=bool)
            else:
                outmask = _genfromtxt_record_mask(output, masks, missing, call)
            output = MaskedArray(output, mask=outmask)
        return _genfromtxt_finish(output, ndmin, unpack)
    if homogeneous:
        output = array([list(r) for r in data], dtype=out_dtype) if data else \
            array([], dtype=out_dtype)
    else:
        output = _records_of_columns(data, out_dtype)
    if usemask:
        if homogeneous:
            outmask = array([list(m) for m in masks], dtype=bool) if masks else \
                array([], dtype=bool)
        else:
            outmask = _genfromtxt_record_mask(output, masks, missing, call)
        output = MaskedArray(output, mask=outmask)
    return _genfromtxt_finish(output, ndmin, unpack)


def _genfromtxt_finish(output, ndmin, unpack):
    output = _ensure_ndmin(output, ndmin)
    if unpack:
        fields = output.dtype.names
        if fields is None:
            return output.T
        if len(fields) == 1:
            return output[fields[0]]
        return [output[f] for f in fields]
    return output


def _with_names(dt, names):
    """Record dtype dt with its fields renamed, in order (dtype.names = names)."""
    return _dtype_cls([(n, dt.fields[o][0]) for n, o in zip(names, dt.names)])


def _latin1_bytes(text):
    """NumPy's asbytes, the converter of a type StringConverter does not map (a UnicodeEncodeError
    is a ValueError: the converter's default then)."""
    return text.encode("latin1")


def _converter_type(value):
    """StringConverter's type for a value: its array dtype's scalar type (a datetime64 dtype
    itself)."""
    d = asarray(value).dtype
    return d if d.kind == "M" else d.type


def _genfromtxt_record_mask(output, masks, missing, call):
    """genfromtxt(usemask=True)'s record mask: each column's missing entries masked in its
    field, and then (NumPy's second pass over named fields) every value equal to the
    conversion of one of the column's missing strings."""
    # one mask column per leaf, as the values (NumPy's np.array(masks, flat mask dtype), viewed
    # with the nested mask dtype; its error for rows with more columns than leaves)
    nleaves = len(_flat_leaves(output.dtype))
    for m in masks:
        if len(m) != nleaves:
            raise ValueError("could not assign tuple of length %d to structure with %d fields."
                             % (len(m), nleaves))
    flat = _records(masks, _dtype_cls([("f%d" % i, "?") for i in range(nleaves)]))
    mask = flat.view(make_mask_descr(output.dtype)).reshape(output.shape)
    for j, name in enumerate(output.dtype.names[:len(missing)]):
        field = ndarray.__getitem__(output, name)
        for text in missing[j]:
            if text == '':
                continue
            try:
                value = call(j, text)
                hit = asarray(field == value)
            except (ValueError, TypeError):
                continue    # NumPy's comparison of bytes with str fails and masks nothing
            if hit.shape == field.shape and field.dtype.names is None:
                fm = ndarray.__getitem__(mask, name)
                fm |= hit
    return mask


# -- fromregex -----------------------------------------------------------------------------------
def fromregex(file, regexp, dtype, encoding=None):
    """numpy.fromregex: Python's re over the whole text; one field per group."""
    own = False
    if not hasattr(file, "read"):
        file = os.fspath(file)
        file = _open_text(file, "rt", encoding)
        own = True
    try:
        if not isinstance(dtype, _dtype_cls):
            dtype = _dtype_cls(dtype)
        if dtype.names is None:
            raise TypeError('dtype must be a structured datatype.')
        content = file.read()
        if isinstance(content, bytes) and isinstance(regexp, str):
            regexp = regexp.encode("latin1")
        elif isinstance(content, str) and isinstance(regexp, bytes):
            regexp = regexp.decode("latin1")
        if not hasattr(regexp, 'match'):
            regexp = re.compile(regexp)
        seq = regexp.findall(content)
        if seq and not isinstance(seq[0], tuple):
            # one group: a structured array of a single field
            field = dtype.names[0]
            newdtype = _dtype_cls(dtype.fields[field][0])
            output = array(seq, dtype=newdtype)
            return _records([(v,) for v in output.tolist()], dtype)
        return _records(seq, dtype)
    finally:
        if own:
            file.close()


__all__ = ["loadtxt", "savetxt", "genfromtxt", "fromregex", "ConversionWarning"]
_ = ndarray
