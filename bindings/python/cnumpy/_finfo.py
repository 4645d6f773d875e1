"""finfo and iinfo: machine limits of the floating and integer types (numpy.finfo / numpy.iinfo),
with NumPy's attribute values (as scalars of the type), repr and str."""
from ._dtype import dtype as _dtype

_RULE = "-" * 63

# (machep, negep, minexp, maxexp, nexp, nmant, precision, digits in str()) per float type
_FLOAT_PARAMS = {
    "float16": (-10, -11, -14, 16, 5, 10, 3, 5),
    "float32": (-23, -24, -126, 128, 8, 23, 6, 7),
    "float64": (-52, -53, -1022, 1024, 11, 52, 15, 16),
}


def _as_dtype(obj):
    try:
        return _dtype(obj)
    except (TypeError, ValueError):
        return _dtype(type(obj))


class finfo:
    """Machine limits for floating point types (complex types give their float part's)."""

    _cache = {}

    def __new__(cls, dtype):
        try:
            d = _as_dtype(dtype)
        except (TypeError, ValueError, NotImplementedError):
            d = None
        if d is None or d.kind not in "fc":
            raise ValueError("data type %r not inexact" % (dtype,))
        if d.kind == "c":
            d = _dtype("float%d" % (d.itemsize * 4))
        try:
            return cls._cache[d.name]
        except KeyError:
            pass
        self = object.__new__(cls)
        self._init(d)
        cls._cache[d.name] = self
        return self

    def _init(self, d):
        machep, negep, minexp, maxexp, nexp, nmant, precision, digits = _FLOAT_PARAMS[d.name]
        t = d.type
        self.dtype = d
        self.bits = d.itemsize * 8
        self.machep, self.negep, self.minexp, self.maxexp = machep, negep, minexp, maxexp
        self.nexp = self.iexp = nexp
        self.nmant = nmant
        self.precision = precision
        eps = 2.0 ** machep
        big = (2.0 - eps) * 2.0 ** (maxexp - 1)
        self.eps = t(eps)
        self.epsneg = t(2.0 ** negep)
        self.max = t(big)
        self.min = t(-big)
        self.smallest_normal = t(2.0 ** minexp)
        self.smallest_subnormal = t(2.0 ** (minexp - nmant))
        self.resolution = t(10.0 ** -precision)
        self._digits = digits

    @property
    def tiny(self):
        return self.smallest_normal

    def _fmt(self, v):
        return "%.*e" % (self._digits, float(v))

    def __str__(self):
        f = self._fmt
        return "\n".join([
            "Machine parameters for %s" % self.dtype,
            _RULE,
            "precision = %3s   resolution = %s" % (self.precision, f(self.resolution)),
            "machep = %6s   eps =        %s" % (self.machep, f(self.eps)),
            "negep =  %6s   epsneg =     %s" % (self.negep, f(self.epsneg)),
            "minexp = %6s   tiny =       %s" % (self.minexp, f(self.tiny)),
            "maxexp = %6s   max =        %s" % (self.maxexp, f(self.max)),
            "nexp =   %6s   min =        -max" % self.nexp,
            "smallest_normal = %s   smallest_subnormal = %s" % (f(self.smallest_normal),
                                                              f(self.smallest_subnormal)),
            _RULE, ""])

    def __repr__(self):
        return "%s(resolution=%s, min=-%s, max=%s, dtype=%s)" % (
            type(self).__name__, self.resolution, self._fmt(self.max), self._fmt(self.max),
            self.dtype)


class iinfo:
    """Machine limits for integer types."""

    _cache = {}

    def __new__(cls, int_type):
        try:
            d = _as_dtype(int_type)
        except (TypeError, ValueError, NotImplementedError):
            d = None
        if d is None or d.kind not in "iu":
            kind = d.kind if d is not None else "O"
            raise ValueError("Invalid integer data type %r." % (kind,))
        try:
            return cls._cache[d.name]
        except KeyError:
            pass
        self = object.__new__(cls)
        self.dtype = d
        self.kind = d.kind
        self.bits = d.itemsize * 8
        self.key = "%s%d" % (d.kind, self.bits)
        if d.kind == "u":
            self.min, self.max = 0, (1 << self.bits) - 1
        else:
            self.min, self.max = -(1 << (self.bits - 1)), (1 << (self.bits - 1)) - 1
        cls._cache[d.name] = self
        return self

    def __str__(self):
        return "Machine parameters for %s\n%s\nmin = %s\nmax = %s\n%s\n" % (
            self.dtype, _RULE, self.min, self.max, _RULE)

    def __repr__(self):
        return "%s(min=%s, max=%s, dtype=%s)" % (type(self).__name__, self.min, self.max,
                                                 self.dtype)
