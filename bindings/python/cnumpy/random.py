"""numpy.random with NumPy 1.24's exact streams: SeedSequence, the bit generators (PCG64,
PCG64DXSM, MT19937, Philox, SFC64), Generator and default_rng, the legacy RandomState and the
module-level functions (seed, rand, randn, randint, ...) over a global RandomState.

The draws are the library's (include/cnumpy/random.h); this module keeps NumPy's Python-level
logic: seeds to uint32 words, state dicts, argument checks made before any draw, choice and
permutation composed the way _generator.pyx and mtrand.pyx compose them (docs/random.md).

Threads: every method holds its bit generator's lock (a threading.Lock shared by the
Generators and RandomStates using that bit generator), so the global RandomState behind
numpy.random.rand & co. is guarded, as in NumPy."""
import operator
import re
import secrets
import threading
import warnings

from . import _backend
from ._args import dtype_handle as _dtype_handle, shape_array as _shape_array, normalize_axis
from ._capi import call as _call, cfunc, error as _error, produce as _produce, wrap as _wrap
from ._convert import array as _array, asarray as _asarray
from ._creation import arange as _arange, empty as _empty, zeros as _zeros
from ._dtype import dtype as _dtype
from ._ndarray import ndarray
from ._mathfuncs import allclose as _allclose
from ._products import dot as _dot
from ._reduce import cumprod as _cumprod, cumsum as _cumsum
from ._shape_funcs import moveaxis as _moveaxis, swapaxes as _swapaxes
from ._ufunc_table import UFUNCS as _UFUNCS
from ._sorting import unique as _unique

__all__ = ["SeedSequence", "BitGenerator", "PCG64", "PCG64DXSM", "MT19937", "Philox", "SFC64",
           "Generator", "default_rng", "RandomState"]

_lib = _backend.lib
_C = _backend.consts
_NULL = _backend.NULL

(_seedseq_pool, _seedseq_generate_state, _bitgen_new, _bitgen_copy, _bitgen_get_state,
 _bitgen_set_state, _bitgen_legacy_seed, _bitgen_advance, _random_raw, _random_draw,
 _random_legacy_draw, _random_integers, _random_shuffle, _random_multinomial,
 _random_choice_noreplace, _random_mvhg, _bitgen_jump) = (cfunc("cnp_" + n) for n in (
    "random_seedseq_pool", "random_seedseq_generate_state", "bitgen_new", "bitgen_copy",
    "bitgen_get_state", "bitgen_set_state", "bitgen_legacy_seed", "bitgen_advance",
    "random_raw", "random_draw", "random_legacy_draw", "random_integers", "random_shuffle",
    "random_multinomial", "random_choice_noreplace", "random_multivariate_hypergeometric",
    "bitgen_jump"))

if _backend.NAME == "cffi":
    from ._cffi_backend import ffi as _ffi

    def _bitgen_out():
        return _ffi.new("cnp_bitgen *[1]")
else:
    _bitgen_out = _backend.new_voidp_out

_MASK32 = 0xFFFFFFFF
_DECIMAL_RE = re.compile(r"[0-9]+")
_DEFAULT_POOL_SIZE = 4


def _u32(words):
    return _array(list(words), dtype="uint32")


def _u64(words):
    return _array(list(words), dtype="uint64")


def _size(size):
    """(ndim, int64_t[]) for a size argument; (0, NULL) for None (the library's NULL = None)."""
    if size is None:
        return 0, _NULL
    nd, arr = _shape_array(size)
    if arr is _NULL:
        return 0, _backend.int64_array([0])       # size=(): a 0-d output, not None
    return nd, arr


def _is_int(x):
    if isinstance(x, bool):
        return True
    if isinstance(x, int):
        return True
    try:
        operator.index(x)
    except TypeError:
        return False
    return not isinstance(x, (float, complex)) and not hasattr(x, "shape") or (
        hasattr(x, "shape") and x.shape == () and x.dtype.kind in "iub")


# -- SeedSequence ---------------------------------------------------------------------------------
def _int_to_uint32_array(n):
    if n < 0:
        raise ValueError("expected non-negative integer")
    if n == 0:
        return [0]
    n = int(n)
    out = []
    while n > 0:
        out.append(n & _MASK32)
        n >>= 32
    return out


def _coerce_to_uint32_array(x):
    """NumPy's _coerce_to_uint32_array, as a list of ints."""
    if isinstance(x, ndarray) and x.dtype == _dtype("uint32"):
        return x.tolist() if x.ndim else [x.item()]
    if isinstance(x, str):
        if x.startswith("0x"):
            x = int(x, base=16)
        elif _DECIMAL_RE.match(x):
            x = int(x)
        else:
            raise ValueError("unrecognized seed string")
    if isinstance(x, (float, complex)) or (hasattr(x, "dtype") and getattr(x, "shape", None) == ()
                                           and x.dtype.kind in "fc"):
        raise TypeError("seed must be integer")
    if not isinstance(x, (list, tuple, range, ndarray)) and not hasattr(x, "__len__"):
        try:
            return _int_to_uint32_array(operator.index(x))
        except TypeError:
            raise TypeError("seed must be integer") from None
    if isinstance(x, ndarray) and x.ndim == 0:
        return _coerce_to_uint32_array(x.item())
    if len(x) == 0:
        return []
    out = []
    for v in x:
        out.extend(_coerce_to_uint32_array(v))
    return out


class ISeedSequence:
    """Marker base of seed sequences (NumPy's ISeedSequence)."""


class SeedSequence(ISeedSequence):
    """numpy.random.SeedSequence(entropy=None, *, spawn_key=(), pool_size=4,
    n_children_spawned=0)."""

    def __init__(self, entropy=None, *, spawn_key=(), pool_size=_DEFAULT_POOL_SIZE,
                 n_children_spawned=0):
        if pool_size < _DEFAULT_POOL_SIZE:
            raise ValueError("The size of the entropy pool should be at least %d"
                             % _DEFAULT_POOL_SIZE)
        if entropy is None:
            entropy = secrets.randbits(pool_size * 32)
        elif not (isinstance(entropy, (int, list, tuple, range, ndarray))
                  or (hasattr(entropy, "__index__") and not isinstance(entropy, float))):
            raise TypeError("SeedSequence expects int or sequence of ints for entropy not {}"
                            .format(entropy))
        self.entropy = entropy
        self.spawn_key = tuple(spawn_key)
        self.pool_size = pool_size
        self.n_children_spawned = n_children_spawned
        run = _coerce_to_uint32_array(entropy)
        spawn = _coerce_to_uint32_array(self.spawn_key)
        run_a, spawn_a = _u32(run), (_u32(spawn) if spawn else None)  # alive during the call
        self.pool = _produce(_seedseq_pool, run_a._h, spawn_a._h if spawn else _NULL, pool_size)

    def __repr__(self):
        lines = ["%s(" % type(self).__name__, "    entropy=%r," % (self.entropy,)]
        if self.spawn_key:
            lines.append("    spawn_key=%r," % (self.spawn_key,))
        if self.pool_size != _DEFAULT_POOL_SIZE:
            lines.append("    pool_size=%r," % (self.pool_size,))
        if self.n_children_spawned != 0:
            lines.append("    n_children_spawned=%r," % (self.n_children_spawned,))
        lines.append(")")
        return "\n".join(lines)

    @property
    def state(self):
        return {k: getattr(self, k) for k in ["entropy", "spawn_key", "pool_size",
                                              "n_children_spawned"]
                if getattr(self, k) is not None}

    def _words(self, n_words):
        return _produce(_seedseq_generate_state, self.pool._h, n_words)

    def generate_state(self, n_words, dtype="uint32"):
        """generate_state(n_words, dtype=np.uint32): uint32 or uint64 words for seeding."""
        out_dtype = _dtype(dtype)
        if out_dtype == _dtype("uint32"):
            return self._words(n_words)
        if out_dtype == _dtype("uint64"):
            w = self._words(2 * n_words).tolist()
            return _u64([w[2 * i] | (w[2 * i + 1] << 32) for i in range(n_words)])
        raise ValueError("only support uint32 or uint64")

    def spawn(self, n_children):
        """spawn(n_children): child SeedSequences with extended spawn keys."""
        seqs = [type(self)(self.entropy, spawn_key=self.spawn_key + (i,),
                           pool_size=self.pool_size)
                for i in range(self.n_children_spawned, self.n_children_spawned + n_children)]
        self.n_children_spawned += n_children
        return seqs


# -- bit generators ---------------------------------------------------------------------------
def _wrap_int(value, bits):
    value = int(value)
    mask = (1 << bits) - 1
    return value & mask


class BitGenerator:
    """numpy.random.BitGenerator: the base of the five bit generators (a library handle)."""
    _kind = None

    def __init__(self, seed=None):
        if type(self) is BitGenerator:
            raise NotImplementedError("BitGenerator is a base class and cannot be instantized")
        self.lock = threading.Lock()
        if not isinstance(seed, ISeedSequence):
            seed = SeedSequence(seed)
        self._seed_seq = seed
        self._h = None
        n = {0: 8, 1: 8, 2: 624, 3: 4, 4: 6}[self._kind]
        words = seed.generate_state(n, "uint32")
        self._h = self._new_handle(words)

    def _new_handle(self, words):
        cell = _bitgen_out()
        st = _bitgen_new(self._kind, words._h, cell)
        if st:
            raise _error(st)
        return cell[0]

    def __del__(self):
        h = getattr(self, "_h", None)
        if h is not None:
            self._h = None
            _lib.cnp_bitgen_free(h)

    def _words(self):
        return _produce(_bitgen_get_state, self._h).tolist()

    def _set_words(self, w):
        words = _u64(w)
        _call(_bitgen_set_state, self._h, words._h)

    def _set_bitgen_words(self, w):
        """Sets the bit generator's part of the state, keeping the legacy Gaussian words."""
        cur = self._words()
        self._set_words(list(w) + cur[-2:])

    def __getstate__(self):
        return self.state

    def __setstate__(self, state):
        self.state = state

    def __reduce__(self):
        # unpickling makes a fresh generator of the class, then sets the saved state
        return type(self), (), self.state

    def random_raw(self, size=None, output=True):
        """random_raw(size=None): the raw outputs as uint64 (MT19937: its 32-bit words)."""
        nd, arr = _size(size)
        with self.lock:
            r = _produce(_random_raw, self._h, nd, arr if size is not None else _NULL)
        if not output:
            return None
        return r.item() if size is None else r

    def _copy_from(self, other):
        cell = _bitgen_out()
        st = _bitgen_copy(other._h, cell)
        if st:
            raise _error(st)
        if self._h is not None:
            _lib.cnp_bitgen_free(self._h)
        self._h = cell[0]

    @property
    def seed_seq(self):
        return self._seed_seq


class _PCGBase(BitGenerator):
    def __init__(self, seed=None):
        BitGenerator.__init__(self, seed)

    @property
    def state(self):
        w = self._words()
        return {"bit_generator": type(self).__name__,
                "state": {"state": (w[0] << 64) | w[1], "inc": (w[2] << 64) | w[3]},
                "has_uint32": w[4], "uinteger": w[5]}

    @state.setter
    def state(self, value):
        if not isinstance(value, dict):
            raise TypeError("state must be a dict")
        bitgen = value.get("bit_generator", "")
        if bitgen != type(self).__name__:
            raise ValueError("state must be for a {0} RNG".format(type(self).__name__))
        s, inc = int(value["state"]["state"]), int(value["state"]["inc"])
        m = (1 << 64) - 1
        self._set_bitgen_words([s >> 64, s & m, inc >> 64, inc & m, int(value["has_uint32"]),
                                int(value["uinteger"])])

    def advance(self, delta):
        """advance(delta): as if delta draws had been made (resets the buffered 32 bits)."""
        delta = _wrap_int(delta, 128)
        with self.lock:
            d = _u64([delta >> 64, delta & ((1 << 64) - 1)])
            _call(_bitgen_advance, self._h, d._h)
        return self

    def jumped(self, jumps=1):
        """jumped(jumps=1): a new generator advanced by jumps * (phi - 1) * 2**128 draws."""
        bg = type(self).__new__(type(self))
        bg.lock = threading.Lock()
        bg._seed_seq = self._seed_seq
        bg._h = None
        bg._copy_from(self)
        bg.advance(0x9e3779b97f4a7c15f39cc0605cedc835 * int(jumps))
        return bg


class PCG64(_PCGBase):
    """numpy.random.PCG64(seed=None)."""
    _kind = 0


class PCG64DXSM(_PCGBase):
    """numpy.random.PCG64DXSM(seed=None)."""
    _kind = 1


class MT19937(BitGenerator):
    """numpy.random.MT19937(seed=None)."""
    _kind = 2

    def _legacy_seeding(self, seed):
        """RandomState.seed's seeding: an int in [0, 2**32-1] or a 1-d array of them."""
        with self.lock:
            if seed is None:
                seq = SeedSequence()
                words = seq.generate_state(624).tolist()
                w = self._words()
                w[0] = 0x80000000
                w[1:624] = words[1:624]
                self._set_words(w)
            else:
                if hasattr(seed, "squeeze"):
                    seed = seed.squeeze()
                try:
                    idx = operator.index(seed)
                except TypeError:
                    obj = _asarray(seed)
                    if obj.size == 0:
                        raise ValueError("Seed must be non-empty") from None
                    if obj.dtype.kind not in "iub":
                        raise TypeError("Cannot cast %s from dtype('%s') to dtype('int64') "
                                        "according to the rule 'safe'"
                                        % ("scalar" if obj.ndim == 0 else "array data",
                                           obj.dtype.name)) from None
                    if obj.ndim != 1:
                        raise ValueError("Seed array must be 1-d") from None
                    _call(_bitgen_legacy_seed, self._h, obj._h)
                else:
                    if idx > 2**32 - 1 or idx < 0:
                        raise ValueError("Seed must be between 0 and 2**32 - 1")
                    key = _asarray(idx, dtype="int64")
                    _call(_bitgen_legacy_seed, self._h, key._h)
        self._seed_seq = None

    @property
    def state(self):
        w = self._words()
        return {"bit_generator": "MT19937",
                "state": {"key": _u32(w[:624]), "pos": w[624]}}

    @state.setter
    def state(self, value):
        if isinstance(value, tuple):
            if value[0] != "MT19937" or len(value) not in (3, 5):
                raise ValueError("state is not a legacy MT19937 state")
            value = {"bit_generator": "MT19937", "state": {"key": value[1], "pos": value[2]}}
        if not isinstance(value, dict):
            raise TypeError("state must be a dict")
        bitgen = value.get("bit_generator", "")
        if bitgen != "MT19937":
            raise ValueError("state must be for a MT19937 PRNG")
        key = value["state"]["key"]
        key = key.tolist() if hasattr(key, "tolist") else list(key)
        self._set_bitgen_words([int(k) & _MASK32 for k in key[:624]] + [int(value["state"]["pos"])])

    def jumped(self, jumps=1):
        """jumped(jumps=1): a copy 2**(128 * jumps) draws ahead (NumPy's jump polynomial)."""
        bg = type(self).__new__(type(self))
        bg.lock = threading.Lock()
        bg._seed_seq = self._seed_seq
        bg._h = None
        bg._copy_from(self)
        _call(_bitgen_jump, bg._h, operator.index(jumps))
        return bg


class Philox(BitGenerator):
    """numpy.random.Philox(seed=None, counter=None, key=None)."""
    _kind = 3

    def __init__(self, seed=None, counter=None, key=None):
        if seed is not None and key is not None:
            raise ValueError("seed and key cannot be both used")
        BitGenerator.__init__(self, seed)
        w = self._words()
        if key is not None:
            k = self._int_to_words(key, "key", 128)
            w[4:6] = k
        counter = 0 if counter is None else counter
        w[0:4] = self._int_to_words(counter, "counter", 256)
        self._set_words(w)

    @staticmethod
    def _int_to_words(value, name, bits):
        n = bits // 64
        if isinstance(value, (list, tuple, ndarray)):
            v = list(_asarray(value).astype("uint64").tolist())
            if len(v) != n:
                raise ValueError("{name} must have {len} elements when using array form"
                                 .format(name=name, len=n))
            return v
        value = int(value)
        if value < 0 or value >= 2**bits:
            raise ValueError("{name} must be positive and less than 2**{bits}."
                             .format(name=name, bits=bits))
        return [(value >> (64 * i)) & ((1 << 64) - 1) for i in range(n)]

    @property
    def state(self):
        w = self._words()
        return {"bit_generator": "Philox",
                "state": {"counter": _u64(w[0:4]), "key": _u64(w[4:6])},
                "buffer": _u64(w[6:10]), "buffer_pos": w[10],
                "has_uint32": w[11], "uinteger": w[12]}

    @state.setter
    def state(self, value):
        if not isinstance(value, dict):
            raise TypeError("state must be a dict")
        bitgen = value.get("bit_generator", "")
        if bitgen != "Philox":
            raise ValueError("state must be for a Philox PRNG")
        f = (lambda x: [int(v) for v in (x.tolist() if hasattr(x, "tolist") else x)])
        self._set_bitgen_words(f(value["state"]["counter"]) + f(value["state"]["key"])
                               + f(value["buffer"]) + [int(value["buffer_pos"]),
                                                       int(value["has_uint32"]),
                                                       int(value["uinteger"])])

    def advance(self, delta):
        """advance(delta): the counter moved by delta blocks (resets the buffer)."""
        delta = _wrap_int(delta, 256)
        with self.lock:
            d = _u64([(delta >> (64 * i)) & ((1 << 64) - 1) for i in range(4)])
            _call(_bitgen_advance, self._h, d._h)
        return self

    def jumped(self, jumps=1):
        """jumped(jumps=1): a copy advanced by jumps * 2**128 draws."""
        bg = type(self).__new__(type(self))
        bg.lock = threading.Lock()
        bg._seed_seq = self._seed_seq
        bg._h = None
        bg._copy_from(self)
        bg.advance(int(jumps) * 2**128)
        return bg


class SFC64(BitGenerator):
    """numpy.random.SFC64(seed=None)."""
    _kind = 4

    @property
    def state(self):
        w = self._words()
        return {"bit_generator": "SFC64", "state": {"state": _u64(w[0:4])},
                "has_uint32": w[4], "uinteger": w[5]}

    @state.setter
    def state(self, value):
        if not isinstance(value, dict):
            raise TypeError("state must be a dict")
        bitgen = value.get("bit_generator", "")
        if bitgen != "SFC64":
            raise ValueError("state must be for a SFC64 RNG")
        s = value["state"]["state"]
        s = [int(v) for v in (s.tolist() if hasattr(s, "tolist") else s)]
        self._set_bitgen_words(s + [int(value["has_uint32"]), int(value["uinteger"])])


# -- the shared calling scheme -------------------------------------------------------------------
def _param(x):
    return x if isinstance(x, ndarray) else _asarray(x)


def _unwrap_draw(r, size, params, integer=False):
    """size=None with scalar parameters: a Python float/int as NumPy's cont/disc return."""
    if size is None and r.ndim == 0:
        v = r.item()
        return int(v) if integer else v
    return r


def _draw(bitgen, method, params, size, dtype=None, out=None, legacy=False):
    ps = [_param(p) for p in params]
    handles = _backend.handle_array([p._h for p in ps]) if ps else _NULL
    nd, arr = _size(size)
    size_ptr = arr if size is not None else _NULL
    with bitgen.lock:
        if legacy:
            r = _produce(_random_legacy_draw, bitgen._h, method.encode(), len(ps), handles, nd,
                         size_ptr)
        else:
            cell = _backend.new_array_out()
            st = _random_draw(bitgen._h, method.encode(), len(ps), handles, nd, size_ptr,
                              _dtype_handle(dtype), _NULL if out is None else out._h, cell)
            if st:
                raise _error(st)
            if out is not None:
                _lib.cnp_array_free(cell[0])
                return out
            r = _wrap(cell[0])
    return r


_INT_DTYPES = {"bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"}
_BOUNDS = {"bool": (0, 1), "int8": (-2**7, 2**7 - 1), "int16": (-2**15, 2**15 - 1),
           "int32": (-2**31, 2**31 - 1), "int64": (-2**63, 2**63 - 1), "uint8": (0, 2**8 - 1),
           "uint16": (0, 2**16 - 1), "uint32": (0, 2**32 - 1), "uint64": (0, 2**64 - 1)}


def _bounds_error(closed, low_all_zero):
    if low_all_zero:
        return "high < 0" if closed else "high <= 0"
    return "low > high" if closed else "low >= high"


def _integers(bitgen, low, high, size, dtype, endpoint, masked):
    dt = _dtype(dtype)
    name = dt.name
    if size is not None:
        shp = (size,) if isinstance(size, int) else tuple(size)
        n = 1
        for s in shp:
            n *= operator.index(s)
        if n == 0:
            return _empty(shp, dtype=dt)
    lo_scalar = not isinstance(low, (ndarray, list, tuple)) and not hasattr(low, "__len__")
    hi_scalar = not isinstance(high, (ndarray, list, tuple)) and not hasattr(high, "__len__")
    if lo_scalar and hi_scalar and not (isinstance(low, ndarray) or isinstance(high, ndarray)):
        # NumPy's scalar path: exact Python ints, checked before any draw.
        lo, hi = int(low), int(high)
        if not endpoint:
            hi -= 1
        lb, ub = _BOUNDS[name]
        if lo < lb:
            raise ValueError("low is out of bounds for %s" % name)
        if hi > ub:
            raise ValueError("high is out of bounds for %s" % name)
        if lo > hi:
            raise ValueError(_bounds_error(endpoint, lo == 0))
        la = _asarray(lo, dtype="uint64" if lo > 2**63 - 1 else "int64")
        ha = _asarray(hi, dtype="uint64" if hi > 2**63 - 1 else "int64")
        close = 1
    else:
        la, ha = _param(low), _param(high)
        close = 1 if endpoint else 0
    nd, arr = _size(size)
    with bitgen.lock:
        r = _produce(_random_integers, bitgen._h, la._h, ha._h, close, 1 if masked else 0, nd,
                     arr if size is not None else _NULL, dt._h)
    if size is None and r.ndim == 0:
        return r[()]
    return r


def _check_dtype(dtype, allowed, what):
    dt = _dtype(dtype)
    if dt.name not in allowed:
        raise TypeError("Unsupported dtype %r for %s" % (dt, what))
    return dt


def _kahan_sum(values):
    if not values:
        return 0.0
    s = values[0]
    c = 0.0
    for v in values[1:]:
        y = v - c
        t = s + y
        c = (t - s) - y
        s = t
    return s


def _check_p(p, pop_size, legacy):
    atol = (2.220446049250313e-16) ** 0.5
    if isinstance(p, ndarray) and p.dtype.kind == "f":
        import math
        eps = {"float16": 0.000977, "float32": 1.1920929e-07}.get(p.dtype.name, 2.220446049250313e-16)
        atol = max(atol, math.sqrt(eps))
    p = _asarray(p, dtype="float64")
    if p.ndim != 1:
        raise ValueError("'p' must be 1-dimensional" if legacy else "p must be 1-dimensional")
    if p.size != pop_size:
        raise ValueError("'a' and 'p' must have same size" if legacy else
                         "a and p must have same size")
    vals = p.tolist()
    p_sum = _kahan_sum(vals)
    if p_sum != p_sum:
        raise ValueError("probabilities contain NaN")
    if any(v < 0 for v in vals):
        raise ValueError("probabilities are not non-negative")
    if abs(p_sum - 1.) > atol:
        raise ValueError("probabilities do not sum to 1")
    return p


def _prod(shape):
    n = 1
    for s in shape:
        n *= s
    return n


def _shape_tuple(size):
    if size is None:
        return ()
    return (operator.index(size),) if not hasattr(size, "__len__") else tuple(
        operator.index(s) for s in size)


def _choice_p_noreplace(rand, p, shape, size):
    """NumPy's choice(replace=False, p=...) loop: uniform draws through the cdf, duplicates
    dropped in order of first appearance, until `size` distinct indices."""
    if int((p > 0).sum()) < size:
        raise ValueError("Fewer non-zero entries in p than size")
    n_uniq = 0
    p = p.copy()
    found = _zeros(shape, dtype="int64")
    flat_found = found.ravel()
    while n_uniq < size:
        x = rand(size - n_uniq)
        if n_uniq > 0:
            p[flat_found[0:n_uniq]] = 0
        cdf = _cumsum(p)
        cdf /= cdf[-1]
        new = cdf.searchsorted(x, side="right")
        _, unique_indices = _unique(new, return_index=True)
        unique_indices.sort()
        new = new.take(unique_indices)
        flat_found[n_uniq:n_uniq + new.size] = new
        n_uniq += new.size
    return found


def _take_choice(a, idx, is_scalar, axis):
    if is_scalar and isinstance(idx, ndarray):
        idx = idx.item(0)
    if a.ndim == 0:
        return idx
    if not is_scalar and isinstance(idx, ndarray) and idx.ndim == 0:
        res = _empty((), dtype=a.dtype)
        res[()] = a[idx]
        return res
    return a.take(_asarray(idx, dtype="int64"), axis=axis)


# -- Generator --------------------------------------------------------------------------------------
class _Distributions:
    """The distribution methods whose Python side Generator and RandomState share: each
    calls the class's own `_d`, which picks NumPy's Generator or legacy algorithm."""
    __slots__ = ()

    def normal(self, loc=0.0, scale=1.0, size=None):
        return self._d("normal", (loc, scale), size)

    def exponential(self, scale=1.0, size=None):
        return self._d("exponential", (scale,), size)

    def uniform(self, low=0.0, high=1.0, size=None):
        return self._d("uniform", (low, high), size)

    def gamma(self, shape, scale=1.0, size=None):
        return self._d("gamma", (shape, scale), size)

    def beta(self, a, b, size=None):
        return self._d("beta", (a, b), size)

    def f(self, dfnum, dfden, size=None):
        return self._d("f", (dfnum, dfden), size)

    def noncentral_f(self, dfnum, dfden, nonc, size=None):
        return self._d("noncentral_f", (dfnum, dfden, nonc), size)

    def chisquare(self, df, size=None):
        return self._d("chisquare", (df,), size)

    def noncentral_chisquare(self, df, nonc, size=None):
        return self._d("noncentral_chisquare", (df, nonc), size)

    def standard_cauchy(self, size=None):
        return self._d("standard_cauchy", (), size)

    def standard_t(self, df, size=None):
        return self._d("standard_t", (df,), size)

    def vonmises(self, mu, kappa, size=None):
        return self._d("vonmises", (mu, kappa), size)

    def pareto(self, a, size=None):
        return self._d("pareto", (a,), size)

    def weibull(self, a, size=None):
        return self._d("weibull", (a,), size)

    def power(self, a, size=None):
        return self._d("power", (a,), size)

    def laplace(self, loc=0.0, scale=1.0, size=None):
        return self._d("laplace", (loc, scale), size)

    def gumbel(self, loc=0.0, scale=1.0, size=None):
        return self._d("gumbel", (loc, scale), size)

    def logistic(self, loc=0.0, scale=1.0, size=None):
        return self._d("logistic", (loc, scale), size)

    def lognormal(self, mean=0.0, sigma=1.0, size=None):
        return self._d("lognormal", (mean, sigma), size)

    def rayleigh(self, scale=1.0, size=None):
        return self._d("rayleigh", (scale,), size)

    def wald(self, mean, scale, size=None):
        return self._d("wald", (mean, scale), size)

    def triangular(self, left, mode, right, size=None):
        return self._d("triangular", (left, mode, right), size)

    def binomial(self, n, p, size=None):
        return self._d("binomial", (n, p), size, True)

    def negative_binomial(self, n, p, size=None):
        return self._d("negative_binomial", (n, p), size, True)

    def poisson(self, lam=1.0, size=None):
        return self._d("poisson", (lam,), size, True)

    def zipf(self, a, size=None):
        return self._d("zipf", (a,), size, True)

    def geometric(self, p, size=None):
        return self._d("geometric", (p,), size, True)

    def hypergeometric(self, ngood, nbad, nsample, size=None):
        return self._d("hypergeometric", (ngood, nbad, nsample), size, True)

    def logseries(self, p, size=None):
        return self._d("logseries", (p,), size, True)


class Generator(_Distributions):
    """numpy.random.Generator(bit_generator)."""

    def __init__(self, bit_generator):
        if not isinstance(bit_generator, BitGenerator):
            if not hasattr(bit_generator, "capsule"):
                raise AttributeError("'%s' object has no attribute 'capsule'"
                                     % type(bit_generator).__name__)
            raise ValueError("Invalid bit generator. The bit generator must be instantiated.")
        self._bit_generator = bit_generator
        self.lock = bit_generator.lock

    def __repr__(self):
        return self.__str__() + " at 0x{:X}".format(id(self))

    def __str__(self):
        return "%s(%s)" % (type(self).__name__, type(self._bit_generator).__name__)

    @property
    def bit_generator(self):
        return self._bit_generator

    def _d(self, method, params, size, integer=False):
        return _unwrap_draw(_draw(self._bit_generator, method, params, size), size, params,
                            integer)

    # --- uniform and the ziggurat family, with dtype and out ---
    def random(self, size=None, dtype="float64", out=None):
        dt = _check_dtype(dtype, ("float64", "float32"), "random")
        r = _draw(self._bit_generator, "random", (), size, dt, out)
        return r.item() if (size is None and out is None) else r

    def standard_normal(self, size=None, dtype="float64", out=None):
        dt = _check_dtype(dtype, ("float64", "float32"), "standard_normal")
        r = _draw(self._bit_generator, "standard_normal", (), size, dt, out)
        return r.item() if (size is None and out is None) else r

    def standard_exponential(self, size=None, dtype="float64", method="zig", out=None):
        dt = _check_dtype(dtype, ("float64", "float32"), "standard_exponential")
        # NumPy takes any method other than 'zig' as 'inv'
        name = "standard_exponential" if method == "zig" else "standard_exponential_inv"
        r = _draw(self._bit_generator, name, (), size, dt, out)
        return r.item() if (size is None and out is None) else r

    def standard_gamma(self, shape, size=None, dtype="float64", out=None):
        dt = _check_dtype(dtype, ("float64", "float32"), "standard_gamma")
        r = _draw(self._bit_generator, "standard_gamma", (shape,), size, dt, out)
        if out is None and size is None and r.ndim == 0:
            return r.item()
        return r

    def integers(self, low, high=None, size=None, dtype="int64", endpoint=False):
        if high is None:
            high = low
            low = 0
        dt = _dtype(dtype)
        if dt.name not in _INT_DTYPES:
            raise TypeError("Unsupported dtype %r for integers" % dt)
        return _integers(self._bit_generator, low, high, size, dt, endpoint, False)

    def bytes(self, length):
        n_uint32 = ((length - 1) // 4 + 1)
        r = self.integers(0, 4294967296, size=n_uint32, dtype="uint32")
        return r.data.tobytes()[:length]

    # --- continuous distributions ---
    # --- discrete distributions ---
    def multinomial(self, n, pvals, size=None):
        return _multinomial(self._bit_generator, n, pvals, size, False)

    def dirichlet(self, alpha, size=None):
        return _dirichlet(self, alpha, size, legacy=False)

    def multivariate_hypergeometric(self, colors, nsample, size=None, method="marginals"):
        if method not in ["count", "marginals"]:
            raise ValueError('method must be "count" or "marginals".')
        try:
            operator.index(nsample)
        except TypeError:
            raise ValueError("nsample must be an integer") from None
        if nsample < 0:
            raise ValueError("nsample must be nonnegative.")
        if nsample > 2**63 - 1:
            raise ValueError("nsample must not exceed %d" % (2**63 - 1))
        msg = ("colors must be a one-dimensional sequence of nonnegative integers not "
               "exceeding %d." % (2**63 - 1))
        try:
            c = _asarray(colors)
        except (ValueError, OverflowError):
            raise ValueError(msg) from None
        if c.ndim != 1 or (c.size > 0 and c.dtype.kind not in "iu"):
            raise ValueError(msg)
        vals = c.tolist()
        if any(v < 0 or v > 2**63 - 1 for v in vals):
            raise ValueError(msg)
        total = sum(vals)
        if total > 2**63 - 1:
            raise ValueError("sum(colors) must not exceed the maximum value of a 64 bit signed "
                             "integer (%d)" % (2**63 - 1))
        if method == "marginals" and total >= 1000000000:
            raise ValueError('When method is "marginals", sum(colors) must be less than '
                             '1000000000.')
        if method == "count" and total > (2**63 - 1) // 8:
            raise ValueError("When method is 'count', sum(colors) must not exceed %d"
                             % ((2**63 - 1) // 8))
        if nsample > total:
            raise ValueError("nsample > sum(colors)")
        c64 = _asarray(vals, dtype="int64")
        nd, arr = _size(size)
        with self.lock:
            return _produce(_random_mvhg, self._bit_generator._h, c64._h, operator.index(nsample),
                            nd, arr if size is not None else _NULL,
                            1 if method == "marginals" else 0)

    def multivariate_normal(self, mean, cov, size=None, check_valid="warn", tol=1e-8, *,
                            method="svd"):
        return _multivariate_normal(self, mean, cov, size, check_valid, tol, method)

    # --- permutations and sampling ---
    def shuffle(self, x, axis=0):
        if isinstance(x, ndarray):
            if not x.flags.writeable:
                raise ValueError("array is read-only")
            axis = normalize_axis(axis, x.ndim)
            if x.size == 0:
                return
            if axis != 0:
                x = _swapaxes(x, 0, axis)
            with self.lock:
                _call(_random_shuffle, self._bit_generator._h, x._h)
            return
        if axis != 0:
            raise NotImplementedError("Axis argument is only supported on ndarray objects")
        _shuffle_sequence(self, x)

    def permutation(self, x, axis=0):
        if _is_int(x) and not isinstance(x, ndarray):
            arr = _arange(x)
            self.shuffle(arr)
            return arr
        arr = _asarray(x)
        axis = normalize_axis(axis, arr.ndim)
        if arr.ndim == 1:
            arr = arr.copy()
            self.shuffle(arr)
            return arr
        idx = _arange(arr.shape[axis], dtype="int64")
        self.shuffle(idx)
        return arr.take(idx, axis=axis)

    def permuted(self, x, *, axis=None, out=None):
        x = _asarray(x)
        if out is None:
            out = x.copy(order="K")
        else:
            if not isinstance(out, ndarray):
                raise TypeError("out must be a numpy array")
            if out.shape != x.shape:
                raise ValueError("out must have the same shape as x")
            out[...] = x
        if axis is None:
            if x.ndim > 1:
                if not (out.flags.c_contiguous or out.flags.f_contiguous):
                    flat = out.ravel()
                    self.shuffle(flat)
                    out[...] = flat.reshape(out.shape)
                    return out
                self.shuffle(out.ravel(order="A"))
            else:
                self.shuffle(out)
            return out
        ax = normalize_axis(axis, out.ndim)
        if out.ndim == 1 or out.size == 0:
            if out.size:
                self.shuffle(out)
            return out
        moved = _moveaxis(out, ax, -1)
        for index in _ndindex(moved.shape[:-1]):
            self.shuffle(moved[index])
        return out

    def choice(self, a, size=None, replace=True, p=None, axis=0, shuffle=True):
        a_original = a
        a = _asarray(a) if not isinstance(a, ndarray) else a
        if a.ndim == 0:
            try:
                pop_size = operator.index(a.item())
            except TypeError as exc:
                raise ValueError("a must be a sequence or an integer, not %s"
                                 % type(a_original)) from exc
            if pop_size <= 0 and _prod(_shape_tuple(size)) != 0:
                raise ValueError("a must be a positive integer unless no samples are taken")
        else:
            axis = normalize_axis(axis, a.ndim)
            pop_size = a.shape[axis]
            if pop_size == 0 and _prod(_shape_tuple(size)) != 0:
                raise ValueError("a cannot be empty unless no samples are taken")
        if p is not None:
            p = _check_p(p, pop_size, False)
        is_scalar = size is None
        shape = _shape_tuple(size)
        n = _prod(shape)
        if replace:
            if p is not None:
                cdf = _cumsum(p)
                cdf /= cdf[-1]
                uniform_samples = self.random(shape)
                idx = _asarray(cdf.searchsorted(uniform_samples, side="right"), dtype="int64")
            else:
                idx = self.integers(0, pop_size, size=shape, dtype="int64")
        else:
            if n > pop_size:
                raise ValueError("Cannot take a larger sample than population when replace is "
                                 "False")
            elif n < 0:
                raise ValueError("negative dimensions are not allowed")
            if p is not None:
                idx = _choice_p_noreplace(lambda k: self.random((k,)), p, shape, n)
            else:
                with self.lock:
                    idx = _produce(_random_choice_noreplace, self._bit_generator._h, pop_size,
                                   n, 1 if shuffle else 0)
                idx = idx.reshape(shape)
        return _take_choice(a, idx, is_scalar, axis)

    def spawn(self, n_children):
        raise NotImplementedError("Generator.spawn is NumPy 1.25 API")

    def __reduce__(self):
        return type(self), (self._bit_generator,)


def _ndindex(shape):
    if not shape:
        yield ()
        return
    idx = [0] * len(shape)
    total = _prod(shape)
    for _ in range(total):
        yield tuple(idx)
        for d in range(len(shape) - 1, -1, -1):
            idx[d] += 1
            if idx[d] < shape[d]:
                break
            idx[d] = 0


def _shuffle_sequence(gen, x):
    """shuffle of a mutable Python sequence: the same Fisher-Yates draws as for arrays."""
    n = len(x)
    if n < 2:
        return
    perm = _arange(n, dtype="int64")
    with gen.lock:
        _call(_random_shuffle, gen._bit_generator._h, perm._h)
    items = list(x)
    # Fisher-Yates on the sequence reproduces the permutation's swaps: apply the result.
    for i, j in enumerate(perm.tolist()):
        x[i] = items[j]


def _multinomial(bitgen, n, pvals, size, legacy):
    if legacy:
        len(pvals)                  # NumPy's TypeError for a scalar: "object of type ... has no len()"
        n = operator.index(n)
    pv = _asarray(pvals, dtype="float64")
    if legacy and pv.ndim != 1:
        raise ValueError("object too deep for desired array")
    if pv.ndim == 0 or pv.shape[-1] == 0:
        raise ValueError("pvals must have at least 1 dimension and the last dimension of pvals "
                         "must be greater than 0.")
    d = pv.shape[-1]
    vals = pv.ravel().tolist()
    if any(not (v >= 0) or not (v <= 1) for v in vals):
        raise ValueError("pvals < 0, pvals > 1 or pvals contains NaNs")
    for off in range(0, len(vals), d):
        if _kahan_sum(vals[off:off + d - 1]) > 1.0 + 1e-12:
            slice_repr = "[:-1]" if pv.ndim == 1 else "[...,:-1]"
            if (not legacy and isinstance(pvals, ndarray) and pvals.dtype.kind == "f"
                    and pvals.dtype.name != "float64" and float(pvals.sum()) < 1.0001):
                raise ValueError("sum(pvals%s.astype(np.float64)) > 1.0. The pvals array is cast "
                                 "to 64-bit floating point prior to checking the sum. Precision "
                                 "changes when casting may cause problems even if the sum of the "
                                 "original pvals is valid." % slice_repr)
            raise ValueError("sum(pvals%s) > 1.0" % slice_repr)
    na = _asarray(n, dtype="int64")
    nd, arr = _size(size)
    with bitgen.lock:
        return _produce(_random_multinomial, bitgen._h, na._h, pv._h, nd,
                        arr if size is not None else _NULL, 1 if legacy else 0)


_sqrt, _absolute = _UFUNCS["sqrt"], _UFUNCS["absolute"]


def _dirichlet(gen, alpha, size, legacy):
    """dirichlet: k standard-gamma draws per row in C order (the library's broadcast draw gives
    NumPy's loop order), each row scaled by 1/sum with the sum taken left to right (cumsum);
    Generator's small-alpha path (max(alpha) < 0.1) draws the stick-breaking betas."""
    k = len(alpha)
    alpha_arr = _asarray(alpha, dtype="float64")
    if alpha_arr.ndim != 1:
        raise ValueError("object too deep for desired array" if alpha_arr.ndim > 1 else
                         "object of too small depth for desired array")
    if k and bool((alpha_arr <= 0).any()):
        raise ValueError("alpha <= 0")
    if size is None:
        shape = (k,)
    else:
        try:
            shape = (operator.index(size), k)
        except TypeError:
            shape = tuple(size) + (k,)
    if k == 0 or _prod(shape) == 0:
        return _zeros(shape, dtype="float64")
    bitgen = gen._bit_generator
    if not legacy and alpha_arr.max() < 0.1:
        csum = _cumsum(alpha_arr[::-1])[::-1].copy()
        if k == 1:
            return _asarray([1.0] * _prod(shape), dtype="float64").reshape(shape)
        v = _draw(bitgen, "beta", (alpha_arr[:-1].copy(), csum[1:].copy()), shape[:-1] + (k - 1,))
        acc = _cumprod(1.0 - v, axis=-1)
        out = _empty(shape, dtype="float64")
        out[..., 0] = v[..., 0]
        if k > 2:
            out[..., 1:k - 1] = acc[..., :k - 2] * v[..., 1:]
        out[..., k - 1] = acc[..., k - 2]
        return out
    g = _draw(bitgen, "standard_gamma", (alpha_arr,), shape, legacy=legacy)
    acc = _cumsum(g, axis=-1)[..., k - 1:]
    return g * (1.0 / acc)


def _multivariate_normal(gen, mean, cov, size, check_valid, tol, method, legacy=False):
    """multivariate_normal as NumPy composes it (standard normals times a factor of cov from
    cnumpy.linalg). Bit-exact only where cnumpy.linalg's factorisation is (docs/random.md)."""
    from . import linalg
    if method not in {"eigh", "svd", "cholesky"}:
        raise ValueError("method must be one of {'eigh', 'svd', 'cholesky'}")
    mean = _array(mean)
    cov = _array(cov)
    if mean.dtype.kind == "c" or cov.dtype.kind == "c":
        raise TypeError("mean and cov must not be complex")
    if size is None:
        shape = []
    elif _is_int(size):
        shape = [operator.index(size)]
    else:
        shape = list(size)
    if len(mean.shape) != 1:
        raise ValueError("mean must be 1 dimensional")
    if len(cov.shape) != 2 or cov.shape[0] != cov.shape[1]:
        raise ValueError("cov must be 2 dimensional and square")
    if mean.shape[0] != cov.shape[0]:
        raise ValueError("mean and cov must have same length")
    final_shape = list(shape[:]) + [mean.shape[0]]
    x = gen.standard_normal(final_shape).reshape(-1, mean.shape[0])
    cov = cov.astype("float64")
    if method == "svd":
        (u, s, vh) = linalg.svd(cov)
    elif method == "eigh":
        (s, u) = linalg.eigh(cov)
    else:
        lower = linalg.cholesky(cov)
    if check_valid != "ignore" and method != "cholesky":
        if check_valid != "warn" and check_valid != "raise":
            raise ValueError("check_valid must equal 'warn', 'raise', or 'ignore'")
        if method == "svd":
            psd = _allclose(_dot(vh.T * s, vh), cov, rtol=tol, atol=tol)
        else:
            psd = not bool((s < -tol).any())
        if not psd:
            if check_valid == "warn":
                warnings.warn("covariance is not symmetric positive-semidefinite.",
                              RuntimeWarning)
            else:
                raise ValueError("covariance is not symmetric positive-semidefinite.")
    if legacy:
        x = _dot(x, _sqrt(s)[:, None] * vh)
        x += mean
    else:
        if method == "cholesky":
            factor = lower
        elif method == "eigh":
            factor = u * _sqrt(_absolute(s))
        else:
            factor = u * _sqrt(s)
        x = mean + x @ factor.T
    return x.reshape(tuple(final_shape))


def default_rng(seed=None):
    """numpy.random.default_rng(seed=None): a Generator over PCG64."""
    if isinstance(seed, BitGenerator):
        return Generator(seed)
    if isinstance(seed, Generator):
        return seed
    return Generator(PCG64(seed))


# -- RandomState ------------------------------------------------------------------------------------
class RandomState(_Distributions):
    """numpy.random.RandomState(seed=None): the legacy MT19937 generator."""

    def __init__(self, seed=None):
        if seed is None:
            bit_generator = MT19937()
        elif not isinstance(seed, BitGenerator):
            bit_generator = MT19937()
            bit_generator._legacy_seeding(seed)
        else:
            bit_generator = seed
        self._bit_generator = bit_generator
        self.lock = bit_generator.lock
        self._reset_gauss()

    def _reset_gauss(self):
        w = self._bit_generator._words()
        w[-2:] = [0, 0]
        self._bit_generator._set_words(w)

    def __repr__(self):
        return self.__str__() + " at 0x{:X}".format(id(self))

    def __str__(self):
        return "%s(%s)" % (type(self).__name__, type(self._bit_generator).__name__)

    def seed(self, seed=None):
        if not isinstance(self._bit_generator, MT19937):
            raise TypeError("can only re-seed a MT19937 BitGenerator")
        self._bit_generator._legacy_seeding(seed)
        self._reset_gauss()

    def get_state(self, legacy=True):
        st = self._bit_generator.state
        if st["bit_generator"] != "MT19937" and legacy:
            warnings.warn("get_state and legacy can only be used with the MT19937 "
                          "BitGenerator. To silence this warning, set `legacy` to False.",
                          RuntimeWarning)
            legacy = False
        w = self._bit_generator._words()
        import struct
        st["has_gauss"] = w[-2]
        st["gauss"] = struct.unpack("<d", struct.pack("<Q", w[-1]))[0]
        if legacy:
            return (st["bit_generator"], st["state"]["key"], st["state"]["pos"],
                    st["has_gauss"], st["gauss"])
        return st

    def set_state(self, state):
        if isinstance(state, dict):
            if "bit_generator" not in state or "state" not in state:
                raise ValueError("state dictionary is not valid.")
            st = state
        else:
            if not isinstance(state, (tuple, list)):
                raise TypeError("state must be a dict or a tuple.")
            if state[0] != "MT19937":
                raise ValueError("set_state can only be used with legacy MT19937state "
                                 "instances.")
            st = {"bit_generator": state[0], "state": {"key": state[1], "pos": state[2]}}
            if len(state) > 3:
                st["has_gauss"] = state[3]
                st["gauss"] = state[4]
        self._bit_generator.state = st
        import struct
        w = self._bit_generator._words()
        w[-2] = int(st.get("has_gauss", 0))
        w[-1] = struct.unpack("<Q", struct.pack("<d", float(st.get("gauss", 0.0))))[0]
        self._bit_generator._set_words(w)

    def __getstate__(self):
        return self.get_state(legacy=False)

    def __setstate__(self, state):
        self.set_state(state)

    def __reduce__(self):
        return type(self), (self._bit_generator,), self.get_state(legacy=False)

    def _d(self, method, params, size, integer=False):
        return _unwrap_draw(_draw(self._bit_generator, method, params, size, legacy=True),
                            size, params, integer)

    def random_sample(self, size=None):
        return self._d("random", (), size)

    def random(self, size=None):
        return self.random_sample(size=size)

    def rand(self, *args):
        if len(args) == 0:
            return self.random_sample()
        return self.random_sample(size=args)

    def randn(self, *args):
        if len(args) == 0:
            return self.standard_normal()
        return self.standard_normal(size=args)

    def standard_normal(self, size=None):
        return self._d("standard_normal", (), size)

    def standard_exponential(self, size=None):
        return self._d("standard_exponential", (), size)

    def standard_gamma(self, shape, size=None):
        return self._d("standard_gamma", (shape,), size)

    def multinomial(self, n, pvals, size=None):
        return _multinomial(self._bit_generator, n, pvals, size, True)

    def dirichlet(self, alpha, size=None):
        return _dirichlet(self, alpha, size, legacy=True)

    def multivariate_normal(self, mean, cov, size=None, check_valid="warn", tol=1e-8):
        return _multivariate_normal(self, mean, cov, size, check_valid, tol, "svd", legacy=True)

    def tomaxint(self, size=None):
        return self._d("tomaxint", (), size, True)

    def randint(self, low, high=None, size=None, dtype=int):
        if high is None:
            high = low
            low = 0
        dt = _dtype("int64" if dtype is int else ("bool" if dtype is bool else dtype))
        if dt.name not in _INT_DTYPES:
            raise TypeError("Unsupported dtype %r for randint" % dt)
        r = _integers(self._bit_generator, low, high, size, dt, False, True)
        if size is None and dtype in (bool, int) and not isinstance(r, ndarray):
            return dtype(r)         # NumPy returns Python ints and bools for these
        return r

    def random_integers(self, low, high=None, size=None):
        if high is None:
            warnings.warn(("This function is deprecated. Please call randint(1, {low} + 1) "
                           "instead".format(low=low)), DeprecationWarning)
            high = low
            low = 1
        else:
            warnings.warn(("This function is deprecated. Please call randint({low}, {high} "
                           "+ 1) instead".format(low=low, high=high)), DeprecationWarning)
        return self.randint(low, int(high) + 1 if not isinstance(high, ndarray) else high + 1,
                            size=size, dtype="int64")

    def bytes(self, length):
        n_uint32 = ((length - 1) // 4 + 1)
        r = self.randint(0, 4294967296, size=n_uint32, dtype="uint32")
        return r.data.tobytes()[:length]

    def shuffle(self, x):
        if isinstance(x, ndarray):
            if not x.flags.writeable:
                raise ValueError("array is read-only")
            if x.ndim == 0:
                raise TypeError("len() of unsized object")
            if x.size == 0:
                return
            with self.lock:
                _call(_random_shuffle, self._bit_generator._h, x._h)
            return
        _shuffle_sequence(self, x)

    def permutation(self, x):
        if _is_int(x) and not isinstance(x, ndarray):
            arr = _arange(x)
            self.shuffle(arr)
            return arr
        arr = _asarray(x)
        if arr.ndim < 1:
            raise IndexError("x must be an integer or at least 1-dimensional")
        if arr.ndim == 1:
            arr = arr.copy()
            self.shuffle(arr)
            return arr
        idx = _arange(arr.shape[0], dtype="int64")
        self.shuffle(idx)
        return arr[idx]

    def choice(self, a, size=None, replace=True, p=None):
        a = _asarray(a) if not isinstance(a, ndarray) else a
        if a.ndim == 0:
            try:
                pop_size = operator.index(a.item())
            except TypeError:
                raise ValueError("a must be 1-dimensional or an integer") from None
            if pop_size <= 0 and _prod(_shape_tuple(size)) != 0:
                raise ValueError("a must be greater than 0 unless no samples are taken")
        elif a.ndim != 1:
            raise ValueError("a must be 1-dimensional")
        else:
            pop_size = a.shape[0]
            if pop_size == 0 and _prod(_shape_tuple(size)) != 0:
                raise ValueError("'a' cannot be empty unless no samples are taken")
        if p is not None:
            p = _check_p(p, pop_size, True)
        is_scalar = size is None
        shape = _shape_tuple(size)
        n = _prod(shape)
        if replace:
            if p is not None:
                cdf = _cumsum(p)
                cdf /= cdf[-1]
                uniform_samples = self.random_sample(shape)
                idx = _asarray(cdf.searchsorted(uniform_samples, side="right"), dtype="int64")
            else:
                idx = self.randint(0, pop_size, size=shape)
        else:
            if n > pop_size:
                raise ValueError("Cannot take a larger sample than population when "
                                 "'replace=False'")
            elif n < 0:
                raise ValueError("Negative dimensions are not allowed")
            if p is not None:
                idx = _choice_p_noreplace(lambda k: self.rand(k), p, shape, n)
            else:
                idx = self.permutation(pop_size)[:n]
                idx = idx.reshape(shape)
        return _take_choice(a, idx, is_scalar, 0)


# -- the module-level legacy functions over one global RandomState -----------------------------------
_rand = RandomState()


def get_bit_generator():
    return _rand._bit_generator


def set_bit_generator(bitgen):
    global _rand
    _rand = RandomState(bitgen)


def seed(seed=None):
    """numpy.random.seed: reseeds the global RandomState."""
    if isinstance(_rand._bit_generator, MT19937):
        return _rand.seed(seed)
    _rand.__init__(seed)


def _global(name):
    def fn(*args, **kwargs):
        return getattr(_rand, name)(*args, **kwargs)
    fn.__name__ = name
    fn.__doc__ = "numpy.random.%s on the global RandomState." % name
    return fn


_GLOBAL_NAMES = [
    "beta", "binomial", "bytes", "chisquare", "choice", "dirichlet", "exponential", "f", "gamma",
    "geometric", "get_state", "gumbel", "hypergeometric", "laplace", "logistic", "lognormal",
    "logseries", "multinomial", "multivariate_normal", "negative_binomial",
    "noncentral_chisquare", "noncentral_f", "normal", "pareto", "permutation", "poisson",
    "power", "rand", "randint", "randn", "random", "random_integers", "random_sample",
    "rayleigh", "set_state", "shuffle", "standard_cauchy", "standard_exponential",
    "standard_gamma", "standard_normal", "standard_t", "triangular", "uniform", "vonmises",
    "wald", "weibull", "zipf"]

for _name in _GLOBAL_NAMES:
    globals()[_name] = _global(_name)
ranf = _global("random_sample")
sample = _global("random_sample")
ranf.__name__, sample.__name__ = "ranf", "sample"
__all__ += _GLOBAL_NAMES + ["seed", "ranf", "sample", "get_bit_generator", "set_bit_generator"]
