"""cnumpy.queue: a bounded single-producer/single-consumer queue of fixed-size records that native
code fills and Python reads as arrays without copying (include/cnumpy/queue.h, docs/queue.md).

    q = Queue(sensor_dtype(), capacity=1 << 16, overflow="drop_oldest")
    s = Sensor(q, rate_hz=10000, batch=100)        # a native producer thread
    batch = q.pop_batch(4096, timeout=0.1)           # a read-only view of the ring, no copy
    batch["value"].mean(); del batch                 # freeing the view releases its slots

Lifetime rule: the records of a popped view stay reserved until the view and every array made
from it are garbage (in CPython: when the last reference goes). Keeping views makes the queue look
full to the producer, which then applies the overflow policy; `copy=True` returns a copy and
frees the slots at once. Wrap-around rule: a view never crosses the end of the ring, so a pop may
return fewer records than are ready; the next pop continues at the start.

Blocking calls (pop_batch and wait with a timeout, push under overflow='block') run in the
library with the GIL released (ctypes and cffi both release it around foreign calls), so other
Python threads keep running meanwhile. Timeouts are in seconds: None waits without limit, 0 does
not wait.
"""
import operator
import struct

from . import _backend
from ._capi import check, is_array as _is_array, produce, query as _query
from ._convert import array as _array
from ._creation import frombuffer as _frombuffer
from ._dtype import dtype as _dtype, from_handle as _dtype_from_handle

__all__ = ["Queue", "Sensor", "sensor_dtype", "OVERFLOW_POLICIES"]

_lib = _backend.lib
_C = _backend.consts
OVERFLOW_POLICIES = {"drop_newest": _C["CNP_QUEUE_DROP_NEWEST"],
                     "drop_oldest": _C["CNP_QUEUE_DROP_OLDEST"],
                     "block": _C["CNP_QUEUE_BLOCK"]}
_POLICY_NAMES = {v: k for k, v in OVERFLOW_POLICIES.items()}
_STATS = ("ready", "held", "pushed", "popped", "dropped_newest", "dropped_oldest",
          "producer_waits")
_INFO = {name: _C["CNP_QUEUE_" + name.upper()] for name in
         _STATS + ("capacity", "itemsize", "closed", "overflow")}

if _backend.NAME == "cffi":
    from ._cffi_backend import ffi as _ffi

    def _queue_out():
        return _ffi.new("cnp_queue *[1]")

    def _sensor_out():
        return _ffi.new("cnp_queue_sensor *[1]")
else:
    _queue_out = _sensor_out = _backend.new_voidp_out


def _timeout(fn, timeout):
    """None -> no limit (-1 for the library); otherwise a number >= 0, as queue.Queue wants."""
    if timeout is None:
        return -1.0
    if isinstance(timeout, (str, bytes)):
        raise TypeError("%s: timeout must be a number or None, got %s"
                        % (fn, type(timeout).__name__))
    t = float(timeout)
    if not t >= 0:
        raise ValueError("%s: 'timeout' must be a non-negative number or None, got %r"
                         % (fn, timeout))
    return t


_STRUCT_CODES = {"b1": "?", "i1": "b", "u1": "B", "i2": "h", "u2": "H", "i4": "i", "u4": "I",
                 "i8": "q", "u8": "Q", "f2": "e", "f4": "f", "f8": "d"}


def _record_packer(dt):
    """A struct.Struct laying out one record of dt from a tuple of its field values (numeric
    fields in native byte order), or None when a field is of another kind."""
    fmt, pos = ["<"], 0
    for _, (fdt, off) in sorted(dt.fields.items(), key=lambda kv: kv[1][1]):
        code = _STRUCT_CODES.get(fdt.str[1:]) if fdt.str[0] in "<|" else None
        if code is None or off < pos:
            return None
        fmt.append("x" * (off - pos) + code)
        pos = off + fdt.itemsize
    fmt.append("x" * (dt.itemsize - pos))
    return struct.Struct("".join(fmt))


def _as_records(dt, packer, records):
    """records (an array, or a sequence of values / field tuples) as a C-ordered array of dt."""
    if packer is not None and not _is_array(records):
        rows = list(records)
        buf = b"".join(packer.pack(*r) for r in rows)
        return _frombuffer(buf, dtype=dt, count=len(rows))
    return _array(records, dtype=dt, copy=False)


def sensor_dtype():
    """The demo sensor's record: [('timestamp', '<i8'), ('seq', '<i8'), ('value', '<f4'),
    ('sensor', '<u2')], itemsize 24 (timestamp: time.monotonic_ns() at the push)."""
    return _dtype_from_handle(_query(_lib.cnp_queue_sensor_dtype, _backend.new_dtype_out))


class Queue:
    """Queue(dtype, capacity, overflow='drop_newest'): a ring of `capacity` records of `dtype`
    (numbers, records, fixed-width strings). overflow: 'drop_newest' (refuse what does not fit),
    'drop_oldest' (discard the oldest unread records; never records held by live views) or
    'block' (push waits for room)."""

    _h = None

    def __init__(self, dtype, capacity, overflow="drop_newest"):
        dt = _dtype(dtype)
        capacity = operator.index(capacity)
        try:
            policy = OVERFLOW_POLICIES[overflow]
        except (KeyError, TypeError):
            raise ValueError("Queue: overflow must be one of %s, got %r"
                             % (", ".join(repr(k) for k in OVERFLOW_POLICIES), overflow)) from None
        self._h = _query(_lib.cnp_queue_create, _queue_out, dt._h, capacity, policy)
        self.dtype, self.capacity, self.overflow = dt, capacity, overflow
        # tuples of field values are packed here: records from nested sequences are laid out
        # by the library's array() only for plain numbers
        self._packer = _record_packer(dt) if dt.fields else None

    def _handle(self):
        if self._h is None:
            raise ValueError("Queue: the queue has been freed")
        return self._h

    # -- producer ---------------------------------------------------------------------------
    def push(self, record, timeout=None):
        """Pushes one record (a value, or a tuple for a record dtype); True if it was accepted."""
        return self.push_many([record], timeout) == 1

    def push_many(self, records, timeout=None):
        """Pushes an array-like of records (converted to the queue's dtype, C order); returns
        how many were accepted (the overflow policy decides the rest; timeout: 'block' only)."""
        a = _as_records(self.dtype, self._packer, records)
        return _query(_lib.cnp_queue_push_array, _backend.new_int64_out, self._handle(), a._h,
                      _timeout("Queue.push", timeout))

    # -- consumer ---------------------------------------------------------------------------
    def pop_batch(self, max=None, timeout=0.0, copy=False):
        """Up to `max` (default: capacity) ready records as a read-only 1-D array viewing the
        ring (copy=True: a new writable array, slots freed at once). Waits up to `timeout`
        seconds for the first record (0: never waits; None: no limit). An empty array means
        nothing was ready (or the queue is closed and drained: check `closed`)."""
        n = self.capacity if max is None else operator.index(max)
        fn = _lib.cnp_queue_pop_copy if copy else _lib.cnp_queue_pop
        return produce(fn, self._handle(), n, _timeout("Queue.pop_batch", timeout))

    def wait(self, min_count=1, timeout=None):
        """Waits until min_count records are ready, the queue is closed or the timeout passes;
        returns the number ready (the GIL is released meanwhile)."""
        return _query(_lib.cnp_queue_wait, _backend.new_int64_out, self._handle(),
                      operator.index(min_count), _timeout("Queue.wait", timeout))

    def __iter__(self):
        """Batches (views) as they arrive, until the queue is closed and drained. The loop
        variable keeps the previous batch alive while the next pop waits, so batches are at most
        half the capacity: the producer always has room for the other half."""
        half = max(1, self.capacity // 2)
        while True:
            b = self.pop_batch(half, timeout=None)
            if b.shape[0] == 0:
                if self.closed and len(self) == 0:
                    return
                continue
            yield b

    # -- state ------------------------------------------------------------------------------
    def _info(self, name):
        return _query(_lib.cnp_queue_info, _backend.new_int64_out, self._handle(), _INFO[name])

    def __len__(self):
        """Records ready (pushed, not popped)."""
        return self._info("ready")

    @property
    def closed(self):
        return self._info("closed") == 1

    def stats(self):
        """The counters: ready, held (popped into live views), pushed, popped, dropped_newest,
        dropped_oldest, producer_waits."""
        return {name: self._info(name) for name in _STATS}

    def close(self):
        """No more pushes (they raise ValueError); waiting threads wake; what is ready can
        still be popped."""
        check(_lib.cnp_queue_close(self._handle()))

    def free(self):
        """Closes the queue and drops the handle (also done when garbage collected). Views
        popped earlier stay valid: the ring lives until the last of them goes."""
        h, self._h = self._h, None
        if h is not None:
            _lib.cnp_queue_free(h)

    __del__ = free

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.free()

    def __repr__(self):
        if self._h is None:
            return "<cnumpy.queue.Queue (freed)>"
        return "<cnumpy.queue.Queue dtype=%s capacity=%d overflow=%r ready=%d%s>" % (
            self.dtype, self.capacity, self.overflow, len(self), " closed" if self.closed else "")


class Sensor:
    """Sensor(queue, rate_hz=0.0, batch=1, count=None, close_at_end=False): a native thread
    pushing into `queue` (as its only producer) `batch` records at a time at rate_hz records per
    second (0: as fast as the queue takes them), `count` records in all (None: until stop()).
    Writes the sensor record (sensor_dtype()), seq into an integer queue, a 440 Hz tone of
    amplitude 0.5 sampled at rate_hz into a float32/float64 queue."""

    _h = None

    def __init__(self, queue, rate_hz=0.0, batch=1, count=None, close_at_end=False):
        if not isinstance(queue, Queue):
            raise TypeError("Sensor: queue must be a cnumpy.queue.Queue, got %s"
                            % type(queue).__name__)
        if isinstance(rate_hz, (str, bytes)) or rate_hz is None:
            raise TypeError("Sensor: rate_hz must be a number, got %s" % type(rate_hz).__name__)
        count = -1 if count is None else operator.index(count)
        if count < -1:
            raise ValueError("Sensor: count must be >= 0 or None, got %d" % count)
        self.queue = queue  # keeps the handle alive while the thread runs
        self._h = _query(_lib.cnp_queue_sensor_start, _sensor_out, queue._handle(),
                         float(rate_hz), operator.index(batch), count,
                         1 if close_at_end else 0)

    def stop(self):
        """Stops the thread (or waits for it to finish) and returns the number of records the
        queue accepted from it."""
        if self._h is None:
            raise ValueError("Sensor: the sensor has been freed")
        return _query(_lib.cnp_queue_sensor_stop, _backend.new_int64_out, self._h)

    def free(self):
        h, self._h = self._h, None
        if h is not None:
            _lib.cnp_queue_sensor_free(h)

    __del__ = free

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.free()
