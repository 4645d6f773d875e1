"""numpy's datetime64/timedelta64 support (NumPy 1.24): the scalar constructors, Python values
(tolist/item), datetime_data, datetime_as_string, isnat, arange over datetimes, business days
(busdaycalendar, busday_offset, busday_count, is_busday) and arrays of datetime objects.

The work is the library's (include/cnumpy/datetime.h: the ISO 8601 parser and formatter, the
calendar, the business-day kernels); arithmetic goes through the ufuncs, whose datetime loops
live in the library's loop registry (docs/datetime.md)."""
import datetime as _pydt
import operator
import re
import warnings

from . import _backend
from . import _convert as _convert_hooks
from ._capi import call, cfunc, produce, query
from ._convert import array, asarray
from ._dtype import dtype as _dtype_cls, from_handle, promote_types
from ._ndarray import ndarray
from ._objarray import ObjectsNeeded
from ._scalars import _TO_PYTHON, _datetime_base, datetime64, generic, timedelta64

_NULL = _backend.NULL
(_parse, _as_string, _as_string_offset, _weekmask, _holidays, _offset, _count,
 _is_busday) = (cfunc("cnp_" + n) for n in (
     "datetime_parse", "datetime_as_string", "datetime_as_string_offset",
     "busday_weekmask", "busdaycalendar_holidays", "busday_offset", "busday_count", "is_busday"))

_NAT = -2**63
_EPOCH_ORDINAL = 719163                 # date(1970, 1, 1).toordinal()
_US = {"h": 3600 * 10**6, "m": 60 * 10**6, "s": 10**6, "ms": 1000, "us": 1, "D": 86400 * 10**6,
       "W": 7 * 86400 * 10**6}
_CASTING = {"no": 0, "equiv": 1, "safe": 2, "same_kind": 3, "unsafe": 4}


def _meta(d):
    """(unit, count) of a datetime dtype: NumPy's datetime_data."""
    name = d.str
    if "[" not in name:
        return "generic", 1
    inner = name[name.index("[") + 1:-1]
    i = 0
    while i < len(inner) and inner[i].isdigit():
        i += 1
    return inner[i:], int(inner[:i]) if i else 1


def _time_dtype(kind, unit, count=1):
    if unit == "generic":
        return _dtype_cls(kind + "8")
    return _dtype_cls("%s8[%s%s]" % (kind, count if count != 1 else "", unit))


def datetime_data(dtype, /):
    """numpy.datetime_data: (unit, count) of a datetime64/timedelta64 dtype."""
    d = _dtype_cls(dtype)
    if d.kind not in "Mm":
        raise TypeError("cannot get datetime metadata from non-datetime type")
    return _meta(d)


# -- Python values --------------------------------------------------------------------------------
def to_python(value, d):
    """NumPy's convert_datetime_to_pyobject / convert_timedelta_to_pyobject: None for NaT,
    datetime.date for Y/M/W/D, datetime.datetime for h..us, int beyond (or outside Python's
    years 1..9999); timedelta: datetime.timedelta for W..us, int for Y, M, generic and finer."""
    if value == _NAT:
        return None
    unit, count = _meta(d)
    if d.kind == "m":
        if unit in ("Y", "M", "generic", "ns", "ps", "fs", "as"):
            return value
        return _pydt.timedelta(microseconds=value * count * _US[unit])
    if unit in ("generic", "ns", "ps", "fs", "as"):
        return value
    total = value * count
    try:
        if unit == "Y":
            year = 1970 + total
            return _pydt.date(year, 1, 1) if 1 <= year <= 9999 else value
        if unit == "M":
            year, month = 1970 + total // 12, total % 12 + 1
            return _pydt.date(year, month, 1) if 1 <= year <= 9999 else value
        us = total * _US[unit]
        days, rest = divmod(us, 86400 * 10**6)
        day = _pydt.date.fromordinal(days + _EPOCH_ORDINAL)
        if unit in ("W", "D"):
            return day
        return _pydt.datetime.combine(day, _pydt.time()) + _pydt.timedelta(microseconds=rest)
    except (ValueError, OverflowError):
        return value


_TO_PYTHON[0] = to_python


# -- the scalar constructors ----------------------------------------------------------------------
def _unit_arg(kind, unit):
    """A unit argument ('D', '25s', 'generic', a datetime64 dtype) as a dtype of that kind."""
    if unit is None:
        return None
    if isinstance(unit, tuple):         # NumPy's (unit, count)
        return _time_dtype(kind, unit[0], unit[1])
    if isinstance(unit, str):
        return _dtype_cls("%s8%s" % (kind, "" if unit == "generic" else "[%s]" % unit))
    return _dtype_cls(unit)


def _py_datetime_value(v):
    """(value, dtype) of a Python datetime/date (M8[us] / M8[D]); an aware datetime is taken
    in UTC with NumPy 1.24's DeprecationWarning."""
    if isinstance(v, _pydt.datetime):
        off = v.utcoffset()
        if off is not None:
            warnings.warn("parsing timezone aware datetimes is deprecated; this will raise an "
                          "error in the future", DeprecationWarning, stacklevel=4)
            v = v.replace(tzinfo=None) - off
        days = v.toordinal() - _EPOCH_ORDINAL
        us = ((days * 24 + v.hour) * 60 + v.minute) * 60 + v.second
        return us * 10**6 + v.microsecond, _dtype_cls("M8[us]")
    return v.toordinal() - _EPOCH_ORDINAL, _dtype_cls("M8[D]")


def _cast_value(value, src, dst):
    """One value from dtype src to dst as the library casts (floor for datetimes)."""
    if src == dst:
        return value
    a = datetime64(value, src)._array() if src.kind == "M" else timedelta64(value, src)._array()
    out = a.astype(dst)
    return _raw(out)


def _raw(a0):
    """The int64 value of a 0-d datetime/timedelta array."""
    return a0.view("i8").item()


def parse(text, unit_dtype=None):
    """(value, dtype) of an ISO 8601 string, as numpy.datetime64(text[, unit])."""
    if unit_dtype is None or _meta(unit_dtype)[0] == "generic":
        value, h = _parse_call(text, _NULL)
        return value, _dtype_from(h)
    unit, count = _meta(unit_dtype)
    value, h = _parse_call(text, unit.encode())
    d = _dtype_from(h)
    if count != 1:
        return _cast_value(value, d, unit_dtype), unit_dtype
    return value, d


def _parse_call(text, unit):
    vcell, dcell = _backend.new_int64_out(), _backend.new_dtype_out()
    call(_parse, text.encode("utf-8", "replace"), unit, vcell, dcell)
    return vcell[0], dcell[0]


def _dtype_from(handle):
    return from_handle(handle)


def datetime64_value(value, unit=None):
    """(value, dtype) for numpy.datetime64(value[, unit])."""
    ud = _unit_arg("M", unit)
    if value is None:
        return _NAT, (ud if ud is not None else _dtype_cls("M8"))
    if isinstance(value, datetime64):
        return (value._value, value._dtype) if ud is None else (
            _cast_value(value._value, value._dtype, ud), ud)
    if isinstance(value, str):
        if ud is not None and _meta(ud)[0] == "generic" and value.strip().lower() not in ("nat", ""):
            raise ValueError("Cannot create a NumPy datetime other than NaT with generic units")
        return parse(value, ud)
    if isinstance(value, bytes):
        return parse(value.decode("ascii"), ud)
    if isinstance(value, (_pydt.date,)):
        v, d = _py_datetime_value(value)
        return (v, d) if ud is None else (_cast_value(v, d, ud), ud)
    if isinstance(value, (int,)) and not isinstance(value, bool) or (
            isinstance(value, generic) and value.dtype.kind in "iu"):
        if ud is None or _meta(ud)[0] == "generic":
            raise ValueError("Converting an integer to a NumPy datetime requires a specified unit")
        return operator.index(value), ud
    kind = getattr(getattr(value, "dtype", None), "kind", None)
    if kind == "M":                     # a numpy.datetime64
        d = _dtype_cls(value.dtype.str)
        v = int(value.view("i8")) if hasattr(value, "view") else int(value.astype("i8"))
        return (v, d) if ud is None else (_cast_value(v, d, ud), ud)
    raise ValueError("Could not convert object to NumPy datetime")


_STRTOL = re.compile(r"[ \t\n\v\f\r]*([-+]?[0-9]+)\Z")


def _timedelta_count(text):
    """A string as NumPy reads it into a timedelta: None (NaT) for "" and any-case "nat", else
    C's strtol over the whole text (leading blanks and a sign, ASCII digits, saturating at the
    int64 range: "5 " and "5_0" are refused); the C cast from strings does the same."""
    if not text or (len(text) == 3 and text.lower() == "nat"):
        return None
    m = _STRTOL.match(text)
    if m is None:
        raise ValueError("Could not convert object to NumPy timedelta")
    return min(max(int(m.group(1)), -2**63), 2**63 - 1)


def timedelta64_value(value=0, unit=None):
    """(value, dtype) for numpy.timedelta64(value[, unit])."""
    ud = _unit_arg("m", unit)
    if value is None:
        return _NAT, (ud if ud is not None else _dtype_cls("m8"))
    if isinstance(value, timedelta64):
        return (value._value, value._dtype) if ud is None else (
            _cast_value(value._value, value._dtype, ud), ud)
    if isinstance(value, _pydt.timedelta):
        v = (value.days * 86400 + value.seconds) * 10**6 + value.microseconds
        d = _dtype_cls("m8[us]")
        return (v, d) if ud is None else (_cast_value(v, d, ud), ud)
    if isinstance(value, str):
        value = _timedelta_count(value)
        if value is None:
            return _NAT, (ud if ud is not None else _dtype_cls("m8"))
    if isinstance(value, bool):
        value = int(value)
    if isinstance(value, int) or (isinstance(value, generic) and value.dtype.kind in "iub"):
        return operator.index(value), (ud if ud is not None else _dtype_cls("m8"))
    kind = getattr(getattr(value, "dtype", None), "kind", None)
    if kind == "m":                     # a numpy.timedelta64
        d = _dtype_cls(value.dtype.str)
        v = int(value.view("i8"))
        return (v, d) if ud is None else (_cast_value(v, d, ud), ud)
    raise ValueError("Could not convert object to NumPy timedelta")


def datetime64_new(cls, value=None, unit=None):
    if isinstance(value, (list, tuple)):
        return array(value, dtype=_unit_arg("M", unit) if unit is not None else "M8")
    v, d = datetime64_value(value, unit)
    return _make(datetime64, v, d)


def timedelta64_new(cls, value=0, unit=None):
    if isinstance(value, (list, tuple)):
        return array(value, dtype=_unit_arg("m", unit) if unit is not None else "m8")
    v, d = timedelta64_value(value, unit)
    return _make(timedelta64, v, d)


def _make(cls, v, d):
    s = object.__new__(cls)
    s._value = v
    s._dtype = d
    return s


def scalar_of(x):
    """A datetime-like Python object as a cnumpy datetime64/timedelta64 scalar, or None."""
    if isinstance(x, _datetime_base):
        return x
    if isinstance(x, _pydt.timedelta):
        return _make(timedelta64, *timedelta64_value(x))
    if isinstance(x, _pydt.date):
        return _make(datetime64, *datetime64_value(x))
    return None


# -- arrays of datetime objects --------------------------------------------------------------------
def is_time_leaf(v):
    return isinstance(v, (_datetime_base, _pydt.date, _pydt.timedelta))


def _object_array(v):
    """NumPy makes an object array of these leaves (array() catches it when no dtype is given)."""
    e = ObjectsNeeded("cnumpy: cannot make an array of %s objects for this dtype" % type(v).__name__)
    e.error = None     # (raised as it is; not itself: a cycle would keep the leaves alive)
    return e


def _requested_leaf(v, requested):
    """One leaf that is not a datetime scalar as NumPy 1.24's setitem of the requested
    datetime64/timedelta64 dtype converts it (convert_pyobject_to_datetime/_timedelta):
    strings parsed (timedeltas: 'NaT', '' or an integer), ints as raw values, None as NaT."""
    kind = requested.kind
    cls = datetime64 if kind == "M" else timedelta64
    if v is None:
        return _make(cls, _NAT, requested)
    if isinstance(v, bytes):
        v = v.decode()
    if isinstance(v, str):
        if kind == "M":
            return _make(datetime64, *parse(v, requested))
        n = _timedelta_count(v)
        return _make(timedelta64, _NAT if n is None else n, requested)
    elif isinstance(v, int):
        if not -2**63 <= v < 2**63:
            raise OverflowError("int too big to convert")
        return _make(cls, int(v), requested)
    raise ValueError("Could not convert object to NumPy " + ("datetime" if kind == "M" else "timedelta"))


def time_leaves_array(leaves, shape, requested):
    """An array from flat leaves mixing datetime64/timedelta64 scalars, Python datetimes,
    strings, ints and None as numpy.array does: with a requested datetime dtype each leaf as its
    setitem converts it; else the promotion of every leaf's own dtype (timedelta64 with ints;
    NumPy makes object arrays of datetime64 with strings or numbers, which cnumpy does not have).
    Python datetime objects become datetime arrays (NumPy: object arrays)."""
    kind = requested.kind if requested is not None and requested.kind in "Mm" else None
    scalars = []
    saw_int = False
    for v in leaves:
        s = scalar_of(v)
        if s is not None:
            if (kind == "m" and s._dtype.kind == "M") or (kind == "M" and isinstance(v, _pydt.timedelta)):
                raise ValueError("Could not convert object to NumPy " + ("datetime" if kind == "M" else "timedelta"))
        elif kind is not None:
            s = _requested_leaf(v, requested)
        elif isinstance(v, int) and not isinstance(v, bool):
            saw_int = True
            s = _make(timedelta64, int(v), _dtype_cls("m8"))
        else:
            raise _object_array(v)
        scalars.append(s)
    if saw_int and any(s._dtype.kind == "M" for s in scalars):
        raise _object_array(0)
    if requested is not None and requested.kind in "Mm" and _meta(requested)[0] != "generic":
        target = requested
    else:
        target = scalars[0]._dtype
        for s in scalars[1:]:
            if s._dtype != target:
                target = promote_types(target, s._dtype)
        if requested is not None and requested.kind not in "Mm":
            target = requested
    groups = {}
    for i, s in enumerate(scalars):
        groups.setdefault(s._dtype, []).append(i)
    values = [0] * len(scalars)
    native = target if target.isnative else target.newbyteorder("=")
    for d, idx in groups.items():
        raw = array([scalars[i]._value for i in idx], dtype="i8").view(
            d if d.isnative else d.newbyteorder("="))     # the scalars' values are native ints
        conv = raw.astype(native).view("i8").tolist() if target.kind in "Mm" else None
        if conv is None:
            return array(scalars_as_arrays(scalars), dtype=target).reshape(shape)
        for i, v in zip(idx, conv):
            values[i] = v
    out = array(values, dtype="i8").view(native).reshape(shape)
    return out if native is target else out.astype(target)


def scalars_as_arrays(scalars):
    return [s._array() for s in scalars]


# -- numpy functions ------------------------------------------------------------------------------
def _time_operand(x):
    if isinstance(x, ndarray):
        return x
    s = scalar_of(x)
    if s is not None:
        return s._array()
    return asarray(x)


def datetime_as_string(arr, unit=None, timezone="naive", casting="same_kind"):
    """numpy.datetime_as_string: ISO texts (unit None/'auto'/a unit; timezone 'naive', 'UTC',
    'local' or any tzinfo-like object, asked for each element's offset as NumPy asks)."""
    a = _time_operand(arr)
    if casting not in _CASTING:
        raise ValueError("casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'")
    u = _NULL if unit is None else str(unit).encode()
    if isinstance(timezone, bytes):
        timezone = timezone.decode()
    if isinstance(timezone, str):
        r = produce(_as_string, a._h, u, timezone.encode(), _CASTING[casting])
    else:
        r = _as_string_tzinfo(a, u, timezone, _CASTING[casting])
    return r if r.ndim else r[()]       # a 0-d input gives a str, as NumPy's str_


_TD_STEPS = ((1000, "us"), (10**6, "ms"), (60 * 10**6, "s"), (3600 * 10**6, "m"),
             (86400 * 10**6, "h"), (7 * 86400 * 10**6, "D"))


def check_time_initial(a, initial):
    """The checks NumPy's setitem makes of a Python datetime object given as initial= to a
    reduction of the datetime64/timedelta64 array a (the library converts the rest): a
    datetime.timedelta reaches years/months only with its own unit's 'same_kind' error, and the
    two kinds do not mix."""
    kind = a.dtype.kind
    if kind not in "Mm":
        return
    if isinstance(initial, _pydt.timedelta):
        if kind == "M":
            raise ValueError("Could not convert object to NumPy datetime")
        unit, count = _meta(a.dtype)
        if unit in ("Y", "M"):
            td = (initial.days * 86400 + initial.seconds) * 10**6 + initial.microseconds
            src = next((name for step, name in _TD_STEPS if td % step), "W")
            raise TypeError("Cannot cast datetime.timedelta object from metadata [%s] to [%s%s] according "
                            "to the rule 'same_kind'" % (src, "" if count == 1 else count, unit))
    elif isinstance(initial, _pydt.date) and kind == "m":
        raise ValueError("Could not convert object to NumPy timedelta")


def _civil(days):
    """(year, month, day) of a day number (days since 1970-01-01) in the proleptic Gregorian
    calendar, any year (Hinnant's civil_from_days)."""
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    month = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (month <= 2), month, doy - (153 * mp + 2) // 5 + 1


_EPOCH_DT = _pydt.datetime(1970, 1, 1)
_MIN_MINUTE = (_pydt.datetime(1, 1, 1) - _EPOCH_DT) // _pydt.timedelta(minutes=1)
_MAX_MINUTE = (_pydt.datetime(9999, 12, 31, 23, 59) - _EPOCH_DT) // _pydt.timedelta(minutes=1)


def _tz_offset_fast(tz, minute, _td=_pydt.timedelta, _dt=_pydt.datetime):
    """_tz_offset for a minute within Python's years 1..9999 whose fromutc answers with a
    datetime: the same arithmetic on datetime objects (C-level) instead of calendar code."""
    if not _MIN_MINUTE <= minute <= _MAX_MINUTE:
        return _tz_offset(tz, minute)
    utc = _EPOCH_DT + _td(minutes=minute)
    loc = tz.fromutc(utc)
    if type(loc) is not _dt and not isinstance(loc, _dt):
        return _tz_offset_from(loc, minute)
    d = loc.replace(tzinfo=None, second=0, microsecond=0) - utc
    return d.days * 1440 + d.seconds // 60


def _tz_offset(tz, minute):
    """NumPy 1.24's get_tzoffset_from_pytzinfo for the element whose value floors to `minute`
    (minutes since the epoch; NaT: its struct has year NaT, which C's (int) makes 0): a naive
    datetime of its year..minute (seconds dropped) through tz.fromutc, the offset the minutes
    between the local fields and the UTC ones."""
    if minute == _NAT:
        year, month, day, hm = 0, 1, 1, 0
    else:
        days, hm = divmod(minute, 1440)
        year, month, day = _civil(days)
    year = ((year + 2**31) % 2**32) - 2**31       # NumPy passes (int)dts->year
    return _tz_offset_from(tz.fromutc(_pydt.datetime(year, month, day, hm // 60, hm % 60)), minute)


def _tz_offset_from(loc, minute):
    """The offset in minutes of fromutc's answer `loc` for the UTC minute `minute`."""
    local = (_pydt.date(loc.year, loc.month, loc.day).toordinal() - _EPOCH_ORDINAL) * 1440
    if hasattr(loc, "hour"):
        local += loc.hour * 60 + loc.minute
    return local - (0 if minute == _NAT else minute)


def _as_string_tzinfo(a, u, tz, casting):
    """datetime_as_string with a tzinfo object (pytz zones, or any object whose fromutc takes a
    naive datetime; the standard library's zones refuse those, as under NumPy): tz.fromutc is
    called once per distinct minute, in the order the elements come, and the elements of each
    offset are formatted by the library with that fixed offset."""
    flat = a.ravel()
    none = flat[:0]                 # (kept referenced: the call borrows its handle)
    first = produce(_as_string_offset, none._h, u, 0, casting)     # the dtype/unit checks first
    if flat.size == 0:
        return first.reshape(a.shape)
    minutes = flat.astype("M8[m]").view("int64").tolist()
    seen, offsets = {}, []
    for m in minutes:
        o = seen.get(m)
        if o is None:
            try:
                o = seen[m] = _tz_offset_fast(tz, m)
            except Exception:
                # NumPy formats each element right after its fromutc: an earlier element's
                # formatting error comes first.
                if offsets:
                    _format_by_offset(flat[:len(offsets)], u, offsets, casting)
                raise
        offsets.append(o)
    if len(set(offsets)) == 1:
        return produce(_as_string_offset, a._h, u, offsets[0], casting)
    return _format_by_offset(flat, u, offsets, casting).reshape(a.shape)


def _format_by_offset(flat, u, offsets, casting):
    """The ISO texts of a 1-d datetime array whose element i has the offset offsets[i]."""
    distinct = list(dict.fromkeys(offsets))
    per = asarray(offsets, dtype="int64")
    out = None
    for o in distinct:
        sel = per == o
        chosen = flat[sel]
        part = produce(_as_string_offset, chosen._h, u, o, casting)
        if out is None:
            out = array([""] * flat.size, dtype=part.dtype)
        out[sel] = part
    return out


def datetime_arange(start, stop, step, dtype):
    """numpy.arange over datetime64/timedelta64 (NumPy's datetime_arange)."""
    if stop is None:
        start, stop = None, start
        if stop is None:
            raise ValueError("arange needs at least a stopping value")
    if step is not None and isinstance(scalar_of(step) or step, datetime64):
        raise ValueError("cannot use a datetime as a step in arange")
    d = None if dtype is None else _dtype_cls(dtype)
    if d is not None:
        if d.kind not in "Mm":
            raise ValueError("datetime_arange was given a non-datetime dtype")
        kind = d.kind
        if _meta(d)[0] == "generic":
            d = None
    else:
        is_dt = (start is not None and _is_datetime_like(start)) or _is_datetime_like(stop)
        kind = "M" if is_dt else "m"
    if kind == "M" and start is None:
        raise ValueError("arange requires both a start and a stop for NumPy datetime64 ranges")
    stop_kind = "m" if kind == "m" or isinstance(stop, (int, timedelta64, _pydt.timedelta)) and \
        not isinstance(stop, bool) else "M"
    kinds = [kind, stop_kind, "m"]
    objs = [start, stop, step]
    scal = [None if o is None else _to_time(o, k, d) for o, k in zip(objs, kinds)]
    if d is None:
        target = None
        for s in scal:
            if s is not None:
                m = _time_dtype("M", *_meta(s._dtype))
                target = m if target is None else promote_types(target, m)
        unit, count = _meta(target)
    else:
        unit, count = _meta(d)
    vals = []
    for s, k in zip(scal, kinds):
        if s is None:
            vals.append(None)
            continue
        td = _time_dtype(s._dtype.kind, unit, count)
        vals.append(_cast_value(s._value, s._dtype, td) if _meta(s._dtype)[0] != "generic"
                    else s._value)
    v0 = 0 if vals[0] is None else vals[0]
    v1 = vals[1]
    v2 = 1 if vals[2] is None else vals[2]
    if kind == "M" and stop_kind == "m":
        v1 += v0
    if _NAT in (v0, v1, v2):
        raise ValueError("arange: cannot use NaT (not-a-time) datetime values")
    if v2 == 0:
        raise ValueError("arange: step cannot be zero")
    if v2 > 0 and v1 > v0:
        n = (v1 - v0 + v2 - 1) // v2
    elif v2 < 0 and v1 < v0:
        n = (v1 - v0 + v2 + 1) // v2
    else:
        n = 0
    out_dtype = _time_dtype(kind, unit, count) if dtype is None or _meta(_dtype_cls(dtype))[0] == \
        "generic" else _dtype_cls(dtype)
    values = array(list(range(v0, v0 + n * v2, v2)) if n else [], dtype="i8")
    return values.view(out_dtype)


def _is_datetime_like(o):
    return isinstance(o, (datetime64, _pydt.date)) or isinstance(o, str) or \
        getattr(getattr(o, "dtype", None), "kind", None) == "M"


def _to_time(o, kind, d):
    """o as a datetime64 (kind 'M') or timedelta64 scalar, in dtype d's unit when given."""
    s = scalar_of(o)
    if s is not None:
        return s if d is None or s._dtype.kind != kind else s
    if kind == "M":
        ud = None if d is None else _time_dtype("M", *_meta(d))
        if isinstance(o, int) and not isinstance(o, bool):
            if ud is None:
                return _make(datetime64, int(o), _dtype_cls("M8"))
            return _make(datetime64, int(o), ud)
        return _make(datetime64, *datetime64_value(o, ud))
    ud = None if d is None else _time_dtype("m", *_meta(d))
    return _make(timedelta64, *timedelta64_value(o, ud))


def needs_datetime_arange(start, stop, step, dtype):
    """Whether numpy.arange takes its datetime path for these arguments."""
    if dtype is not None:
        try:
            if _dtype_cls(dtype).kind in "Mm":
                return True
        except TypeError:
            return False
    return any(isinstance(x, _datetime_base) or getattr(getattr(x, "dtype", None), "kind", "")
               in ("M", "m") and not isinstance(x, ndarray) for x in (start, stop, step))


# -- business days ---------------------------------------------------------------------------------
_DEFAULT_MASK = 0x1F


_GIVEN_NOT = object()     # NumPy's C parser tells an omitted argument from an explicit None


def _weekmask_bits(weekmask):
    if isinstance(weekmask, str):
        return query(_weekmask, _backend.new_int32_out, weekmask.encode())
    if isinstance(weekmask, (bytes, bytearray)):
        return _weekmask_bits(weekmask.decode("ascii"))
    if isinstance(weekmask, ndarray) and weekmask.ndim != 1:
        raise ValueError("A business day weekmask array must have length 7")
    try:
        n = len(weekmask)
    except TypeError:
        raise ValueError("Couldn't convert object into a business day weekmask") from None
    if n != 7:
        raise ValueError("A business day weekmask array must have length 7")
    bits = 0
    for i, v in enumerate(weekmask):
        b = operator.truth(v)
        bits |= int(b) << i
    return bits


def _holiday_array(holidays):
    """holidays as a 1-D datetime64[D] array (ValueError like NumPy for anything else)."""
    if isinstance(holidays, ndarray):
        h = holidays
    elif isinstance(holidays, (list, tuple)) and not len(holidays):
        h = array([], dtype="M8[D]")
    elif holidays is None:
        raise ValueError("holidays must be a provided as a one-dimensional array")
    else:
        h = asarray(holidays, dtype="M8[D]")
    if h.ndim != 1:
        raise ValueError("holidays must be a provided as a one-dimensional array")
    return h


class busdaycalendar:
    """numpy.busdaycalendar: a weekmask and the normalised holidays (read-only attributes)."""

    def __init__(self, weekmask="1111100", holidays=_GIVEN_NOT):
        bits = _weekmask_bits(weekmask)
        h = None if holidays is _GIVEN_NOT else _holiday_array(holidays)
        self._bits = bits
        self._holidays = produce(_holidays, bits, _NULL if h is None else h._h)

    @property
    def weekmask(self):
        return array([bool(self._bits >> i & 1) for i in range(7)])

    @property
    def holidays(self):
        return self._holidays.copy()

    def __repr__(self):
        return "<numpy.busdaycalendar object at %#x>" % id(self)


def _calendar(weekmask, holidays, busdaycal, fname):
    """(weekmask bits, holidays array or None) from NumPy's three ways of giving them."""
    if busdaycal is not _GIVEN_NOT:
        if not isinstance(busdaycal, busdaycalendar):
            raise TypeError("%s() argument 6 must be numpy.busdaycalendar, not %s"
                            % (fname, "None" if busdaycal is None else type(busdaycal).__name__))
        if weekmask is not _GIVEN_NOT or holidays is not _GIVEN_NOT:
            raise ValueError("Cannot supply both the weekmask/holidays and the busdaycal "
                             "parameters to %s()" % fname)
        return busdaycal._bits, busdaycal._holidays
    bits = _DEFAULT_MASK if weekmask is _GIVEN_NOT else _weekmask_bits(weekmask)
    h = None if holidays is _GIVEN_NOT else _holiday_array(holidays)
    if bits == 0:
        raise ValueError("the business day weekmask must have at least one valid business day")
    return bits, h


def _dates(x):
    """A dates argument: arrays as they are (cast by the library under 'safe'), anything else
    converted to datetime64[D] as NumPy does."""
    if isinstance(x, ndarray):
        return x
    s = scalar_of(x)
    if s is not None:
        return s._array()
    return asarray(x, dtype="M8[D]")


def _ints(x):
    """offsets: arrays as they are (cast under 'safe' by the library); other values converted
    to int64 as NumPy's PyArray_FromAny does (Python floats truncated)."""
    if isinstance(x, ndarray):
        return x
    a = asarray(x)
    return a.astype("i8") if a.dtype.kind in "fb" else a


def _out(out, fname):
    if out is None:
        return _NULL
    if not isinstance(out, ndarray):
        raise ValueError("busday_offset: must provide a NumPy array for 'out'")
    return out._h


def _result(r, out):
    if out is not None:
        return out
    return r if r.ndim else r[()]


def busday_offset(dates, offsets, roll="raise", weekmask=_GIVEN_NOT, holidays=_GIVEN_NOT,
                  busdaycal=_GIVEN_NOT, out=None):
    """numpy.busday_offset."""
    bits, h = _calendar(weekmask, holidays, busdaycal, "busday_offset")
    if not isinstance(roll, str):
        raise TypeError("roll must be a string")
    d, o = _dates(dates), _ints(offsets)        # kept alive across the call
    r = produce(_offset, d._h, o._h, roll.encode(), bits, _NULL if h is None else h._h,
                _out(out, "busday_offset"))
    return _result(r, out)


def busday_count(begindates, enddates, weekmask=_GIVEN_NOT, holidays=_GIVEN_NOT,
                 busdaycal=_GIVEN_NOT, out=None):
    """numpy.busday_count."""
    bits, h = _calendar(weekmask, holidays, busdaycal, "busday_count")
    b, e = _dates(begindates), _dates(enddates)
    r = produce(_count, b._h, e._h, bits, _NULL if h is None else h._h, _out(out, "busday_count"))
    return _result(r, out)


def is_busday(dates, weekmask=_GIVEN_NOT, holidays=_GIVEN_NOT, busdaycal=_GIVEN_NOT, out=None):
    """numpy.is_busday."""
    bits, h = _calendar(weekmask, holidays, busdaycal, "is_busday")
    d = _dates(dates)
    r = produce(_is_busday, d._h, bits, _NULL if h is None else h._h, _out(out, "is_busday"))
    return _result(r, out)


# The conversions below this module (_convert) reach these through its hooks.
_convert_hooks.TIME[:] = [time_leaves_array, is_time_leaf, lambda x: scalar_of(x)._array()]
