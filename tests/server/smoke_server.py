#!/usr/bin/python3
"""CTest server_smoke (issue 29): starts cnumpy_server on an ephemeral loopback port, sends good
and bad requests, checks the answers against NumPy (stats, fft) and the WAV format (resample),
then stops it with SIGTERM and expects a clean exit. No load test here (bench: server/loadtest.sh).

Usage: smoke_server.py PATH/TO/cnumpy_server
"""
import http.client
import io
import json
import math
import signal
import struct
import subprocess
import sys

import numpy as np

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def wav(samples, rate, ch, is_float):
    if is_float:
        data = np.asarray(samples, dtype="<f4").tobytes()
    else:
        data = np.asarray(samples, dtype="<i2").tobytes()
    bits = 32 if is_float else 16
    return struct.pack("<4sI4s4sIHHIIHH4sI", b"RIFF", 36 + len(data), b"WAVE", b"fmt ", 16,
                       3 if is_float else 1, ch, rate, rate * ch * bits // 8, ch * bits // 8,
                       bits, b"data", len(data)) + data


def main(exe):
    proc = subprocess.Popen([exe, "--port", "0", "--threads", "4", "--max-body", "65536"],
                            stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline().strip()
    host, port = line.rsplit(" ", 1)[1].split(":")
    check(host == "127.0.0.1", "binds 127.0.0.1 by default: " + line)

    def req(method, path, body=None, ctype=None):
        c = http.client.HTTPConnection(host, int(port), timeout=10)
        headers = {"Content-Type": ctype} if ctype else {}
        c.request(method, path, body=body, headers=headers)
        r = c.getresponse()
        data = r.read()
        c.close()
        return r.status, r.getheader("Content-Type"), data

    def expect_error(status, path, body, ctype, text, method="POST"):
        st, ct, data = req(method, path, body, ctype)
        ok = st == status and ct.startswith("application/json")
        msg = json.loads(data).get("error", "") if ok else data[:200]
        check(ok and text in msg, "%s %s -> %d %r (want %d, %r)" % (method, path, st, msg, status, text))

    try:
        st, _, data = req("GET", "/health")
        check(st == 200 and json.loads(data)["status"] == "ok", "health")

        x = np.random.default_rng(1).normal(size=1000)
        ref = {"sum": x.sum(), "mean": x.mean(), "std": x.std(), "min": x.min(), "max": x.max()}
        for body, ctype, path in [(json.dumps(x.tolist()), "application/json", "/stats"),
                                  (x.astype("<f8").tobytes(), "application/octet-stream", "/stats"),
                                  (x.astype("<f4").tobytes(), "application/octet-stream",
                                   "/stats?dtype=float32&q=10,50,90")]:
            st, _, data = req("POST", path, body, ctype)
            check(st == 200, "stats %s %s: %d" % (ctype, path, st))
            r = json.loads(data)
            xx = x.astype(np.float32).astype(np.float64) if "float32" in path else x
            qs = [10.0, 50.0, 90.0] if "q=" in path else [1, 5, 25, 50, 75, 95, 99]
            for k in ref:
                check(math.isclose(r[k], getattr(xx, k)(), rel_tol=1e-12, abs_tol=1e-12),
                      "stats %s %s" % (path, k))
            got = [r["percentiles"][k] for k in r["percentiles"]]
            check(np.allclose(got, np.percentile(xx, qs), rtol=1e-12), "percentiles " + path)

        st, _, data = req("POST", "/fft", json.dumps(x[:64].tolist()), "application/json")
        r = json.loads(data)
        check(np.allclose(np.array(r["real"]) + 1j * np.array(r["imag"]), np.fft.fft(x[:64])), "fft json")
        st, ct, data = req("POST", "/fft", x[:64].tobytes(), "application/octet-stream")
        check(ct == "application/octet-stream" and
              np.allclose(np.frombuffer(data, "<c16"), np.fft.fft(x[:64])), "fft raw")
        # .npy bodies through the library's reader and writer (issue 25): any real dtype, any shape.
        for arr in (x[:64], x[:64].astype(">f4").reshape(8, 8), np.arange(16, dtype="<i2")):
            b = io.BytesIO()
            np.save(b, arr)
            st, ct, data = req("POST", "/fft", b.getvalue(), "application/x-npy")
            got = np.load(io.BytesIO(data))
            check(st == 200 and ct == "application/x-npy" and got.dtype == np.complex128 and
                  np.allclose(got, np.fft.fft(arr.ravel().astype("f8"))), "fft npy %s" % arr.dtype)
        b = io.BytesIO()
        np.save(b, x[:64])
        st, _, data = req("POST", "/stats", b.getvalue(), "application/x-npy")
        check(st == 200 and math.isclose(json.loads(data)["sum"], x[:64].sum(), rel_tol=1e-12), "stats npy")

        t = np.arange(4410) / 44100.0
        pcm = (np.sin(2 * np.pi * 440 * t) * 12000).astype("<i2")
        st, ct, data = req("POST", "/resample?in=44100&out=48000", wav(pcm, 44100, 1, False), "audio/wav")
        check(st == 200 and ct == "audio/wav" and data[:4] == b"RIFF", "resample wav")
        code, ch, rate, _, _, bits = struct.unpack_from("<HHIIHH", data, 20)
        n = struct.unpack_from("<I", data, 40)[0] // 2
        check((code, ch, rate, bits, n) == (1, 1, 48000, 16, 4800), "resampled wav format %r"
              % ((code, ch, rate, bits, n),))
        st, ct, data = req("POST", "/resample?in=48000&out=24000&channels=2",
                           np.zeros(960, "<f4").tobytes(), "application/octet-stream")
        check(st == 200 and len(data) == 240 * 2 * 4, "resample raw stereo")
        for shape in ((960,), (960, 2)):
            b = io.BytesIO()
            np.save(b, np.sin(np.arange(int(np.prod(shape))) / 7.0).reshape(shape))  # float64
            st, ct, data = req("POST", "/resample?in=48000&out=24000", b.getvalue(), "application/x-npy")
            got = np.load(io.BytesIO(data)) if st == 200 else None
            check(st == 200 and ct == "application/x-npy" and got.dtype == np.float32 and
                  got.shape == (480,) + shape[1:], "resample npy %s" % (shape,))
        expect_error(400, "/resample?in=48000&out=24000", b"\x93NUMPY", "application/x-npy", "bad .npy body")

        # bad input: 4xx JSON errors, never a crash
        expect_error(400, "/stats", "[1, 2,", "application/json", "malformed JSON")
        expect_error(400, "/stats", '{"a": 1}', "application/json", "expected a JSON array")
        expect_error(400, "/stats", "[1, NaN]", "application/json", "malformed JSON")
        expect_error(400, "/stats", "[1e999]", "application/json", "out of range")
        expect_error(400, "/stats", "[]", "application/json", "empty")
        expect_error(400, "/stats", b"\x00" * 7, "application/octet-stream", "not a multiple")
        expect_error(400, "/stats?dtype=int8", b"\x00" * 8, "application/octet-stream", "dtype must be")
        expect_error(400, "/stats?q=101", "[1]", "application/json", "q must be")
        expect_error(415, "/stats", "1,2", "text/csv", "unsupported Content-Type")
        expect_error(400, "/fft", b"\x93NUMPY", "application/x-npy", "EOF: reading magic string")
        expect_error(400, "/fft", b"\x93NUMPY\x01\x00\x10\x00{'descr': '|O'}", "application/x-npy", "bad .npy body")
        expect_error(413, "/stats", b"\x00" * 70000, "application/octet-stream", "too large")
        expect_error(404, "/nope", None, None, "no such endpoint", method="GET")
        expect_error(400, "/resample?in=44100", b"", "audio/wav", "missing query parameter 'out'")
        expect_error(400, "/resample?in=abc&out=1", b"", "audio/wav", "must be a number")
        expect_error(400, "/resample?in=1&out=100", b"", "audio/wav", "at most 16")
        expect_error(400, "/resample?in=44100&out=48000", b"RIFF\x00\x00\x00\x00WAVE", "audio/wav", "no fmt chunk")
        good = wav(pcm[:100], 44100, 1, False)
        expect_error(400, "/resample?in=44100&out=48000", good[:30], "audio/wav", "truncated fmt")
        expect_error(400, "/resample?in=22050&out=48000", good, "audio/wav", "differs from in=")
        bad24 = bytearray(good)
        struct.pack_into("<H", bad24, 34, 24)
        expect_error(400, "/resample?in=44100&out=48000", bytes(bad24), "audio/wav", "only 16-bit PCM")
        huge = bytearray(good)
        struct.pack_into("<I", huge, 40, 0xFFFFFFF0)  # declares more data than present
        st, _, _ = req("POST", "/resample?in=44100&out=48000", bytes(huge), "audio/wav")
        check(st == 200, "a data chunk longer than the file reads what is there")
        nan = np.array([0, np.nan], "<f4").tobytes()
        expect_error(400, "/resample?in=2&out=4", nan, "application/octet-stream", "NaN")
        st, _, _ = req("GET", "/health")
        check(st == 200, "still healthy after the bad requests")
    finally:
        proc.send_signal(signal.SIGTERM)
        rc = proc.wait(timeout=20)
        check(rc == 0, "clean exit on SIGTERM (rc %d)" % rc)
    print("server_smoke: %d failure(s)" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
