#!/usr/bin/python3
"""Scenario 6 of seed 004 (issue 29): native code streams sensor events to Python.

A producer emits events {timestamp, seq, value, sensor} one at a time; a Python consumer reads up
to B events per call (B = 1 .. 4096) and sees every one. Four pipelines:

  cnumpy.queue        the producer is the library's native sensor thread (cnp_queue_sensor_*);
                      the consumer pops zero-copy views (pop_batch(B, timeout=None): waits with
                      the GIL released)
  queue.Queue         a Python producer thread putting tuples; the consumer get()s one (blocking)
                      then up to B-1 more without blocking
  multiprocessing     a producer process putting tuples into multiprocessing.Queue; same consumer
  asyncio.Queue       producer and consumer coroutines in one event loop

throughput: events/s with the producer flat out (block-on-full everywhere: nothing lost), from the
start of the consumer loop until it has seen every event.
latency: the producer paced at RATE events/s; for each event, the consumer's time.monotonic_ns()
when the batch holding it arrives minus the producer's timestamp at the push (CLOCK_MONOTONIC on
both sides, also across processes); p50/p99/p99.9 over all events.

Usage: CNUMPY_LIBRARY=build/libcnumpy.so PYTHONPATH=bindings/python \\
       /usr/bin/python3 bench/ffi/bench_queue.py [--quick]
"""
import argparse
import asyncio
import multiprocessing as mp
import os
import queue as pyqueue
import sys
import threading
import time

import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPO, "bindings", "python"))
os.environ.setdefault("CNUMPY_LIBRARY", os.path.join(REPO, "build", "libcnumpy.so"))
from cnumpy.queue import Queue, Sensor, sensor_dtype  # noqa: E402

CAPACITY = 1 << 16
_DONE = None


def _event(seq):
    return (time.monotonic_ns(), seq, 0.5, seq % 4)


def _paced(n, rate, emit):
    """Calls emit(seq) n times, at `rate` per second (0: flat out)."""
    t0 = time.perf_counter()
    for seq in range(n):
        if rate:
            due = t0 + seq / rate
            while True:
                d = due - time.perf_counter()
                if d <= 0:
                    break
                time.sleep(d if d > 0.0005 else 0)
        emit(seq)


def _drain(get, get_nowait, empty_exc, b, n, lat):
    """The consumer of the Python queues: get() one, then up to b-1 more without blocking."""
    seen = 0
    while seen < n:
        batch = [get()]
        try:
            while len(batch) < b:
                batch.append(get_nowait())
        except empty_exc:
            pass
        now = time.monotonic_ns()
        if lat is not None:
            lat.extend(now - e[0] for e in batch)
        seen += len(batch)
    return seen


def run_cnumpy(n, b, rate, lat):
    q = Queue(sensor_dtype(), CAPACITY, overflow="block")
    s = Sensor(q, rate_hz=rate, batch=1, count=n, close_at_end=True)
    seen = 0
    t0 = time.perf_counter()
    while True:
        v = q.pop_batch(b, timeout=None)
        k = v.shape[0]
        if k == 0:
            if q.closed and len(q) == 0:
                break
            continue
        if lat is not None:
            now = time.monotonic_ns()
            lat.append(now - np.asarray(v["timestamp"]))
        seen += k
        del v
    dt = time.perf_counter() - t0
    s.free()
    q.free()
    return seen, dt


def run_thread(n, b, rate, lat):
    q = pyqueue.Queue(maxsize=CAPACITY)
    t = threading.Thread(target=_paced, args=(n, rate, lambda s: q.put(_event(s))))
    t0 = time.perf_counter()
    t.start()
    seen = _drain(q.get, q.get_nowait, pyqueue.Empty, b, n, lat)
    dt = time.perf_counter() - t0
    t.join()
    return seen, dt


def _mp_producer(q, n, rate):
    _paced(n, rate, lambda s: q.put(_event(s)))


def run_mp(n, b, rate, lat):
    ctx = mp.get_context("fork")
    q = ctx.Queue(maxsize=CAPACITY)
    p = ctx.Process(target=_mp_producer, args=(q, n, rate))
    t0 = time.perf_counter()
    p.start()
    seen = _drain(q.get, q.get_nowait, pyqueue.Empty, b, n, lat)
    dt = time.perf_counter() - t0
    p.join()
    return seen, dt


def run_asyncio(n, b, rate, lat):
    async def main():
        q = asyncio.Queue(maxsize=CAPACITY)

        async def producer():
            t0 = time.perf_counter()
            for seq in range(n):
                if rate:
                    d = t0 + seq / rate - time.perf_counter()
                    if d > 0:
                        await asyncio.sleep(d)
                await q.put(_event(seq))

        async def consumer():
            seen = 0
            while seen < n:
                batch = [await q.get()]
                while len(batch) < b and not q.empty():
                    batch.append(q.get_nowait())
                now = time.monotonic_ns()
                if lat is not None:
                    lat.extend(now - e[0] for e in batch)
                seen += len(batch)
            return seen

        t0 = time.perf_counter()
        _, seen = await asyncio.gather(producer(), consumer())
        return seen, time.perf_counter() - t0

    return asyncio.run(main())


PIPELINES = [("cnumpy.queue (native producer)", run_cnumpy), ("queue.Queue + thread", run_thread),
             ("multiprocessing.Queue", run_mp), ("asyncio.Queue", run_asyncio)]


def percentiles(lat):
    if lat and isinstance(lat[0], np.ndarray):
        a = np.concatenate(lat)
    else:
        a = np.asarray(lat)
    return np.percentile(a, [50, 99, 99.9]) / 1000.0  # microseconds


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    sizes = [1, 16, 256, 4096]
    n_tp = 50_000 if args.quick else 200_000
    rate, secs = 10_000, (0.5 if args.quick else 2.0)
    print("throughput: %d events, producer flat out; events/s (millions)\n" % n_tp)
    print("| pipeline | " + " | ".join("B=%d" % b for b in sizes) + " |")
    print("| --- |" + " ---: |" * len(sizes))
    for name, fn in PIPELINES:
        row = []
        for b in sizes:
            n = n_tp // 4 if fn is run_mp else n_tp
            seen, dt = fn(n, b, 0, None)
            assert seen == n, (name, seen, n)
            row.append("%.3f" % (n / dt / 1e6))
        print("| %s | %s |" % (name, " | ".join(row)), flush=True)
    print("\nlatency: %d events/s for %.1f s; push -> Python sees it, p50 / p99 / p99.9 in µs\n"
          % (rate, secs))
    print("| pipeline | " + " | ".join("B=%d" % b for b in sizes) + " |")
    print("| --- |" + " ---: |" * len(sizes))
    for name, fn in PIPELINES:
        row = []
        for b in sizes:
            lat = []
            n = int(rate * secs)
            seen, _ = fn(n, b, rate, lat)
            assert seen == n
            p = percentiles(lat)
            row.append("%.0f / %.0f / %.0f" % tuple(p))
        print("| %s | %s |" % (name, " | ".join(row)), flush=True)


if __name__ == "__main__":
    main()
