"""cnumpy.queue: the record queue from Python. Popped batches are compared with NumPy arrays
built from the same values (np.asarray of a cnumpy array goes through the buffer protocol, so it
also checks the views' dtype, strides and memory); ordering and no loss under a native producer
running flat out; the wrap-around and lifetime rules; overflow counters; close and the GIL
released while waiting; argument errors."""
import math
import threading
import time

import numpy as np
import pytest

import cnumpy as cnp
from cnumpy import audio
from cnumpy.queue import Queue, Sensor, sensor_dtype

REC = [("t", "<i8"), ("sensor", "<u2"), ("value", "<f4")]


def _np(a):
    return np.asarray(a)


@pytest.mark.parametrize("dt", ["int8", "uint16", "int64", "float32", "float64", "complex128",
                                "bool", "S5", "U3"])
def test_roundtrip_each_dtype(dt):
    ref = np.array([1, 0, 3, 7, 2], dtype="int64").astype(dt)
    q = Queue(dt, 8)
    assert q.push_many(cnp.array(ref.tolist(), dtype=dt)) == 5
    assert len(q) == 5
    b = q.pop_batch(3)
    assert b.dtype == cnp.dtype(dt)
    assert _np(b).dtype == np.dtype(dt)
    np.testing.assert_array_equal(_np(b), ref[:3])
    np.testing.assert_array_equal(_np(q.pop_batch()), ref[3:])
    assert q.pop_batch().shape == (0,)


def test_record_dtype_fields_match_numpy():
    ref = np.array([(10, 1, 0.5), (11, 2, -1.25), (12, 3, 2.0)], dtype=REC)
    q = Queue(REC, 4)
    assert q.push((10, 1, 0.5))
    assert q.push_many([(11, 2, -1.25), (12, 3, 2.0)]) == 2
    b = q.pop_batch()
    assert _np(b).dtype == ref.dtype
    np.testing.assert_array_equal(_np(b), ref)
    for name in ("t", "sensor", "value"):
        np.testing.assert_array_equal(_np(b[name]), ref[name])


def test_views_are_read_only_and_copies_writable():
    q = Queue("float64", 8)
    q.push_many([1.0, 2.0])
    v = q.pop_batch(1)
    assert not v.flags.writeable
    with pytest.raises(ValueError, match="read-only"):
        v[0] = 5.0
    c = q.pop_batch(copy=True)
    assert c.flags.writeable
    assert q.stats()["held"] == 2      # the copied slot is free but waits behind v's (oldest first)
    del v
    assert q.stats()["held"] == 0


def test_wraparound_rule():
    q = Queue("int64", 8)
    q.push_many(np.arange(6).tolist())
    del_me = q.pop_batch(6)
    del del_me
    q.push_many(list(range(6, 12)))          # slots 6, 7, 0, 1, 2, 3
    a = q.pop_batch()                         # stops at the end of the ring
    b = q.pop_batch()
    np.testing.assert_array_equal(_np(a), [6, 7])
    np.testing.assert_array_equal(_np(b), [8, 9, 10, 11])
    del a, b
    q.push_many(list(range(12, 18)))
    np.testing.assert_array_equal(_np(q.pop_batch(copy=True)), np.arange(12, 18))


def test_lifetime_views_hold_slots_until_garbage():
    q = Queue("int64", 4, overflow="drop_newest")
    q.push_many([0, 1, 2, 3])
    a = q.pop_batch(2)
    sub = a[1:]                               # a view of the view keeps the batch
    del a
    assert q.stats()["held"] == 2
    assert q.push_many([4, 5, 6]) == 0        # two unread, two held: full
    assert q.stats()["dropped_newest"] == 3
    assert int(sub[0]) == 1
    del sub
    assert q.stats()["held"] == 0
    assert q.push_many([4, 5]) == 2
    np.testing.assert_array_equal(_np(q.pop_batch(copy=True)), [2, 3, 4, 5])


def test_overflow_policies():
    q = Queue("int32", 4, overflow="drop_oldest")
    assert q.push_many(range(10)) == 10
    assert q.stats()["dropped_oldest"] == 6
    np.testing.assert_array_equal(_np(q.pop_batch(copy=True)), [6, 7, 8, 9])

    q = Queue("int32", 4, overflow="block")
    assert q.push_many(range(6), timeout=0.01) == 4
    st = q.stats()
    assert (st["pushed"], st["dropped_newest"], st["producer_waits"]) == (4, 0, 1)


def test_sensor_flat_out_random_batches_no_loss():
    n = 50000
    q = Queue("int64", 512, overflow="block")
    s = Sensor(q, rate_hz=0, batch=17, count=n, close_at_end=True)
    rng = np.random.default_rng(3)
    parts, held = [], []
    while True:
        if len(q) == 0:   # about to wait: views kept alive could be what stops the producer
            held.clear()
        # blocks with the GIL released until a batch is ready or the queue is closed
        b = q.pop_batch(int(rng.integers(1, 600)), timeout=None)
        if b.shape[0] == 0:
            if q.closed and len(q) == 0:
                break
            continue
        parts.append(_np(b).copy())
        held.append(b)
        if len(held) > int(rng.integers(0, 4)):   # keep a few views alive, drop them at random
            held.pop(int(rng.integers(0, len(held))))
    assert s.stop() == n
    np.testing.assert_array_equal(np.concatenate(parts), np.arange(n))
    s.free()


def test_sensor_records_and_random_pop_sizes():
    q = Queue(sensor_dtype(), 4096, overflow="block")
    ref = np.dtype({"names": ["timestamp", "seq", "value", "sensor"],
                    "formats": ["<i8", "<i8", "<f4", "<u2"], "offsets": [0, 8, 16, 20],
                    "itemsize": 24})
    assert str(q.pop_batch().dtype) == str(ref) and q.dtype.itemsize == 24
    with Sensor(q, rate_hz=0, batch=64, count=3000, close_at_end=True):
        rng = np.random.default_rng(5)
        got = []
        while True:
            b = q.pop_batch(int(rng.integers(1, 700)), timeout=None, copy=bool(rng.integers(0, 2)))
            if b.shape[0] == 0 and q.closed and len(q) == 0:
                break
            got.append({f: _np(b[f]).copy() for f in ref.names})
    r = {f: np.concatenate([g[f] for g in got]) for f in ref.names}
    np.testing.assert_array_equal(r["seq"], np.arange(3000))
    np.testing.assert_array_equal(r["sensor"], np.arange(3000) % 4)
    tone = (0.5 * np.sin(2 * np.pi * 440.0 * np.arange(3000) / 48000.0)).astype(np.float32)
    np.testing.assert_allclose(r["value"], tone, atol=1e-6)
    assert np.all(np.diff(r["timestamp"]) >= 0)
    assert r["timestamp"][-1] <= time.monotonic_ns()


def test_sensor_stop_while_pacing():
    q = Queue("int64", 8)
    s = Sensor(q, rate_hz=0.001, count=10)   # one record now, the next in 1000 s
    assert q.wait(1, timeout=10) == 1
    assert s.stop() == 1                     # answered while the thread sleeps towards the next
    np.testing.assert_array_equal(_np(q.pop_batch()), [0])
    s.free()


def test_close_wakes_waiter_and_gil_is_released():
    q = Queue("float64", 4)
    ticks = []

    def other():   # runs only if the waiting call released the GIL
        for _ in range(5):
            ticks.append(1)
            time.sleep(0.005)
        q.close()

    t = threading.Thread(target=other)
    t.start()
    b = q.pop_batch(timeout=None)
    t.join()
    assert b.shape == (0,) and q.closed and len(ticks) == 5
    with pytest.raises(ValueError, match="push: the queue is closed"):
        q.push(1.0)


def test_wait_min_count_with_python_producer():
    q = Queue("int64", 16)

    def producer():
        for i in range(5):
            q.push(i)
            time.sleep(0.002)

    t = threading.Thread(target=producer)
    t.start()
    assert q.wait(5, timeout=10) == 5
    t.join()
    np.testing.assert_array_equal(_np(q.pop_batch()), np.arange(5))


def test_queue_feeds_resampler():
    """The example of docs/queue.md: a 44.1 kHz float32 tone from the native sensor, resampled
    to 48 kHz in streaming; equals the one-shot resampling of the whole signal."""
    q = Queue("float32", 8192, overflow="block")
    s = Sensor(q, rate_hz=0, batch=441, count=44100 // 4, close_at_end=True)
    r = audio.Resampler(44100, 48000, dtype="float32")
    out, seen = [], []
    for b in q:
        seen.append(_np(b).copy())
        out.append(_np(r.process(b)))
    out.append(_np(r.flush()))
    s.free()
    x = np.concatenate(seen)
    one_shot = _np(audio.resample(cnp.asarray(x), 44100, 48000))
    np.testing.assert_array_equal(np.concatenate(out), one_shot)
    assert x.shape == (44100 // 4,)


def test_argument_errors():
    with pytest.raises(ValueError, match="Queue: capacity must be >= 1, got 0"):
        Queue("f8", 0)
    with pytest.raises(ValueError, match="overflow must be one of"):
        Queue("f8", 4, overflow="newest")
    q = Queue("f8", 4)
    with pytest.raises(ValueError, match="non-negative"):
        q.pop_batch(timeout=-1)
    with pytest.raises(ValueError, match="pop: max must be >= 0, got -2"):
        q.pop_batch(-2)
    with pytest.raises(ValueError, match=r"wait: min_count must be in \[0, capacity\]"):
        q.wait(5, timeout=0)
    with pytest.raises(TypeError):
        Sensor(q, rate_hz="fast")
    with pytest.raises(ValueError, match="sensor: rate_hz must be a finite number >= 0"):
        Sensor(q, rate_hz=math.inf)
    with pytest.raises(TypeError, match="sensor: the queue's dtype must be"):
        Sensor(Queue("c16", 4))
    q.free()
    with pytest.raises(ValueError, match="freed"):
        q.pop_batch()
