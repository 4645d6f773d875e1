#!/usr/bin/python3
"""Scenario 9 of seed 004 (issue 29): the same HTTP endpoints served by cnumpy_server (C++,
cpp-httplib, cnumpy's C API), by Flask with NumPy and by Flask with cnumpy, under wrk on
127.0.0.1: requests/s, p50/p99 latency and errors per implementation, endpoint and concurrency.

Payloads: /health (GET); /stats, a JSON array of 1000 numbers; /fft, 4096 raw float64;
/resample?in=44100&out=48000, a 0.1 s 16-bit mono WAV (4410 frames).

Usage (after building cnumpy_server; needs wrk and python3-flask, tools/install_deps.sh):
    /usr/bin/python3 bench/ffi/bench_server.py [--duration 10] [--conns 1,16,64]
"""
import argparse
import json
import os
import re
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request

import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SERVER = os.path.join(REPO, "build", "server", "cnumpy_server")
LUA = """
wrk.method = os.getenv("METHOD")
local ct = os.getenv("CT")
if ct ~= "" then wrk.headers["Content-Type"] = ct end
local path = os.getenv("BODY")
if path ~= "" then
  local f = io.open(path, "rb"); wrk.body = f:read("*a"); f:close()
end
"""


def payloads(tmp):
    rng = np.random.default_rng(0)
    out = {}

    def put(name, data):
        p = os.path.join(tmp, name)
        with open(p, "wb") as f:
            f.write(data)
        return p
    out["health"] = ("GET", "/health", "", "")
    out["stats"] = ("POST", "/stats", "application/json",
                    put("stats.json", json.dumps(rng.normal(size=1000).tolist()).encode()))
    out["fft"] = ("POST", "/fft", "application/octet-stream",
                  put("fft.bin", rng.normal(size=4096).astype("<f8").tobytes()))
    pcm = (np.sin(2 * np.pi * 440 * np.arange(4410) / 44100) * 12000).astype("<i2").tobytes()
    wav = struct.pack("<4sI4s4sIHHIIHH4sI", b"RIFF", 36 + len(pcm), b"WAVE", b"fmt ", 16, 1, 1,
                      44100, 88200, 2, 16, b"data", len(pcm)) + pcm
    out["resample"] = ("POST", "/resample?in=44100&out=48000", "audio/wav", put("in.wav", wav))
    return out


def wait_up(port, timeout=30):
    t0 = time.time()
    while time.time() - t0 < timeout:
        try:
            urllib.request.urlopen("http://127.0.0.1:%d/health" % port, timeout=1).read()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("server on port %d did not start" % port)


def ms(text):
    v = float(re.match(r"([\d.]+)", text).group(1))
    unit = text[len(re.match(r"[\d.]+", text).group(0)):]
    return v * {"us": 1e-3, "ms": 1.0, "s": 1000.0}[unit]


def run_wrk(port, spec, conns, duration, lua):
    method, path, ct, body = spec
    env = dict(os.environ, METHOD=method, CT=ct, BODY=body)
    cmd = ["wrk", "-t%d" % min(2, conns), "-c%d" % conns, "-d%ds" % duration, "--latency",
           "-s", lua, "http://127.0.0.1:%d%s" % (port, path)]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=duration + 60).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = ms(re.search(r"\s50%\s+(\S+)", out).group(1))
    p99 = ms(re.search(r"\s99%\s+(\S+)", out).group(1))
    errors = 0
    m = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    if m:
        errors += int(m.group(1))
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if m:
        errors += sum(int(g) for g in m.groups())
    return rps, p50, p99, errors


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--duration", type=int, default=10)
    ap.add_argument("--conns", default="1,16,64")
    ap.add_argument("--threads", type=int, default=64,
                    help="cnumpy_server workers (a keep-alive connection holds one: >= connections)")
    args = ap.parse_args()
    conns = [int(c) for c in args.conns.split(",")]
    impls = [("cnumpy_server (C++)", [SERVER, "--port", "18480", "--threads", str(args.threads)], 18480),
             ("Flask + NumPy", [sys.executable, os.path.join(REPO, "server", "flask_app.py"),
                                "--impl", "numpy", "--port", "18481"], 18481),
             ("Flask + cnumpy", [sys.executable, os.path.join(REPO, "server", "flask_app.py"),
                                 "--impl", "cnumpy", "--port", "18482"], 18482)]
    with tempfile.TemporaryDirectory() as tmp:
        lua = os.path.join(tmp, "req.lua")
        with open(lua, "w") as f:
            f.write(LUA)
        specs = payloads(tmp)
        print("wrk -d%ds --latency on 127.0.0.1; req/s, p50 / p99 ms, errors\n" % args.duration)
        print("| implementation | endpoint | " +
              " | ".join("c=%d" % c for c in conns) + " |")
        print("| --- | --- |" + " --- |" * len(conns))
        for name, cmd, port in impls:
            proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                wait_up(port)
                for ep, spec in specs.items():
                    cells = []
                    for c in conns:
                        rps, p50, p99, err = run_wrk(port, spec, c, args.duration, lua)
                        cells.append("%.0f, %.2f / %.2f, %d" % (rps, p50, p99, err))
                    print("| %s | %s | %s |" % (name, ep, " | ".join(cells)), flush=True)
            finally:
                proc.terminate()
                proc.wait(timeout=30)


if __name__ == "__main__":
    main()
