#!/usr/bin/python3
"""The queue and the audio extension together (docs/queue.md): a native sensor thread produces a
44.1 kHz float32 tone in 10 ms blocks at real-time pace; Python pops what is ready (zero-copy
views of the ring), resamples it to 48 kHz with the streaming Resampler and reports the level.

    CNUMPY_LIBRARY=build/libcnumpy.so PYTHONPATH=bindings/python \\
        /usr/bin/python3 examples/queue_to_resampler.py [seconds]
"""
import sys
import time

import cnumpy as cnp
from cnumpy import audio
from cnumpy.queue import Queue, Sensor


def main(seconds=2.0):
    rate_in, rate_out = 44100, 48000
    q = Queue("float32", capacity=rate_in, overflow="drop_oldest")   # 1 s of audio
    r = audio.Resampler(rate_in, rate_out, dtype="float32")
    sensor = Sensor(q, rate_hz=rate_in, batch=rate_in // 100, count=int(seconds * rate_in),
                    close_at_end=True)
    produced = 0
    t0 = time.monotonic()
    for block in q:                      # waits with the GIL released; ends when closed
        y = r.process(block)             # the view goes straight into the resampler
        produced += y.shape[0]
        del block                        # frees the slots for the producer
        if y.shape[0]:
            rms = float(cnp.sqrt(cnp.mean(y * y)))
            print("t=%5.2fs  in %6d  out %6d frames  rms %.3f"
                  % (time.monotonic() - t0, q.stats()["popped"], produced, rms))
    produced += r.flush().shape[0]
    st = q.stats()
    print("done: %d frames in, %d out (expected %d), dropped %d"
          % (st["popped"], produced, r.out_length(st["popped"]), st["dropped_oldest"]))
    sensor.free()
    q.free()


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 2.0)
