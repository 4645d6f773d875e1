#!/usr/bin/python3
"""The endpoints of cnumpy_server (server/main.cpp) in Flask, for the comparison of scenario 9:
--impl numpy computes with NumPy, --impl cnumpy with cnumpy (same framework, so the difference
between the two is the library's and the difference to cnumpy_server is the framework's).

Same inputs, outputs and errors as the C++ server: JSON arrays of numbers or raw little-endian
float64/float32 (application/octet-stream, ?dtype=), WAV (16-bit PCM or 32-bit float) for
/resample; 4xx JSON errors; body limit (--max-body). Run with Flask's threaded development server
(Debian's python3-flask; no WSGI server is packaged alongside it), bound to 127.0.0.1.

  /usr/bin/python3 server/flask_app.py --impl numpy --port 8081
"""
import argparse
import json
import math
import os
import struct
import sys

from flask import Flask, Response, request

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QS = [1.0, 5.0, 25.0, 50.0, 75.0, 95.0, 99.0]
WAV_TYPES = ("audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave")


class HttpError(Exception):
    def __init__(self, status, msg):
        super().__init__(msg)
        self.status = status


def bad(msg):
    raise HttpError(400, msg)


def error_response(status, msg):
    return Response(json.dumps({"error": msg, "status": status}) + "\n", status=status,
                    mimetype="application/json")


def media_type():
    return (request.headers.get("Content-Type") or "").split(";")[0].strip().lower()


def unsupported(m, accepted):
    if m in ("application/x-npy", "application/npy"):
        raise HttpError(415, "'.npy' bodies are not supported yet")
    raise HttpError(415, "unsupported Content-Type '%s'; accepted: %s" % (m, accepted))


def _reject_constant(name):
    raise ValueError("not a JSON number: " + name)


def parse_json_numbers(body):
    try:
        v = json.loads(body, parse_constant=_reject_constant)
    except (ValueError, UnicodeDecodeError) as e:
        bad("malformed JSON: %s" % e)
    if not isinstance(v, list) or not all(type(x) in (int, float) for x in v):
        bad("expected a JSON array of numbers")
    v = [float(x) for x in v]
    if not all(math.isfinite(x) for x in v):
        bad("number out of range")
    return v


def parse_wav(b):
    if len(b) < 12 or b[:4] != b"RIFF" or b[8:12] != b"WAVE":
        bad("bad WAV body: not a RIFF/WAVE file")
    pos, fmt = 12, None
    while pos + 8 <= len(b):
        cid, size = b[pos:pos + 4], struct.unpack_from("<I", b, pos + 4)[0]
        body = pos + 8
        if cid == b"fmt ":
            if size < 16 or body + size > len(b):
                bad("bad WAV body: truncated fmt chunk")
            code, ch, rate, _, block, bits = struct.unpack_from("<HHIIHH", b, body)
            if code == 0xFFFE:
                if size < 40:
                    bad("bad WAV body: truncated WAVE_FORMAT_EXTENSIBLE fmt chunk")
                code = struct.unpack_from("<H", b, body + 24)[0]
            fmt = (code, ch, rate, block, bits)
        elif cid == b"data":
            if fmt is None:
                bad("bad WAV body: data chunk before the fmt chunk")
            code, ch, rate, block, bits = fmt
            if (code, bits) not in ((1, 16), (3, 32)):
                bad("bad WAV body: only 16-bit PCM and 32-bit float are accepted")
            if not 1 <= ch <= 16 or not 1 <= rate <= 768000 or block != ch * bits // 8:
                bad("bad WAV body: bad channels, rate or block align")
            size = min(size, len(b) - body)
            frames = size // block
            return code == 3, ch, rate, frames, b[body:body + frames * block]
        nxt = body + size + (size & 1)
        if nxt > len(b):
            break
        pos = nxt
    bad("bad WAV body: no data chunk")


def write_wav(data, frames, ch, rate, is_float):
    bits = 32 if is_float else 16
    hdr = struct.pack("<4sI4s4sIHHIIHH4sI", b"RIFF", 36 + len(data), b"WAVE", b"fmt ", 16,
                      3 if is_float else 1, ch, rate, rate * ch * bits // 8, ch * bits // 8, bits,
                      b"data", len(data))
    return hdr + data


def num(v):
    v = float(v)
    return v if math.isfinite(v) else None


def make_app(xp, resample_fn, fft_fn, max_body):
    app = Flask("cnumpy_flask")
    app.config["MAX_CONTENT_LENGTH"] = max_body

    @app.errorhandler(HttpError)
    def _http_error(e):
        return error_response(e.status, str(e))

    @app.errorhandler(404)
    def _nf(e):
        return error_response(404, "no such endpoint")

    @app.errorhandler(405)
    def _na(e):
        return error_response(405, "method not allowed")

    @app.errorhandler(413)
    def _big(e):
        return error_response(413, "request body too large")

    @app.errorhandler(Exception)
    def _other(e):
        status = getattr(e, "code", 500)
        if isinstance(e, (ValueError, TypeError)):
            status = 400
        return error_response(status if isinstance(status, int) else 500, str(e))

    def numbers():
        m = media_type()
        if m == "application/json":
            return xp.asarray(parse_json_numbers(request.get_data()), dtype=xp.float64), False
        if m == "application/octet-stream":
            dt = request.args.get("dtype", "float64")
            if dt not in ("float64", "float32"):
                bad("dtype must be float64 or float32, got '%s'" % dt)
            body = request.get_data()
            item = 8 if dt == "float64" else 4
            if len(body) % item:
                bad("body length %d is not a multiple of the %s itemsize" % (len(body), dt))
            return xp.frombuffer(body, dtype="<f8" if item == 8 else "<f4").astype(xp.float64), True
        unsupported(m, "application/json, application/octet-stream")

    @app.get("/health")
    def health():
        return Response(json.dumps({"status": "ok", "impl": xp.__name__}) + "\n",
                        mimetype="application/json")

    @app.post("/stats")
    def stats():
        x, _ = numbers()
        if x.shape[0] == 0:
            bad("stats of an empty array")
        if not bool(xp.isfinite(x).all()):
            bad("the data contain NaN or infinity")
        qs = QS
        if "q" in request.args:
            try:
                qs = [float(t) for t in request.args["q"].split(",")]
            except ValueError:
                qs = None
            if not qs or not all(0 <= q <= 100 for q in qs) or len(qs) > 64:
                bad("q must be a comma-separated list of numbers in [0, 100]")
        p = xp.percentile(x, xp.asarray(qs))
        out = {"n": int(x.shape[0]), "sum": num(xp.sum(x)), "mean": num(xp.mean(x)),
               "std": num(xp.std(x)), "min": num(xp.min(x)), "max": num(xp.max(x)),
               "percentiles": {("%.17g" % q): num(v) for q, v in zip(qs, p.tolist())}}
        return Response(json.dumps(out) + "\n", mimetype="application/json")

    @app.post("/fft")
    def fft():
        x, raw = numbers()
        if x.shape[0] == 0:
            bad("fft of an empty array")
        y = fft_fn(x)
        if raw:
            r = Response(xp.ascontiguousarray(y).tobytes(),
                         mimetype="application/octet-stream")
            r.headers["X-Dtype"] = "complex128"
            return r
        return Response(json.dumps({"real": [num(v) for v in y.real.tolist()],
                                    "imag": [num(v) for v in y.imag.tolist()]}) + "\n",
                        mimetype="application/json")

    @app.post("/resample")
    def resample():
        def rate(name):
            try:
                v = float(request.args[name])
            except (KeyError, ValueError):
                bad("query parameter '%s' must be a number" % name)
            if not 1 <= v <= 768000:
                bad("in and out must be sample rates in [1, 768000] Hz")
            return v
        fin, fout = rate("in"), rate("out")
        if fout / fin > 16:
            bad("out / in must be at most 16")
        m = media_type()
        body = request.get_data()
        if m in WAV_TYPES:
            is_float, ch, r, frames, data = parse_wav(body)
            if abs(r - fin) > 1e-9:
                bad("the WAV file's rate %d differs from in=%s" % (r, request.args["in"]))
            if is_float:
                x = xp.frombuffer(data, dtype="<f4")
            else:
                x = xp.frombuffer(data, dtype="<i2").astype(xp.float32) / xp.float32(32768.0)
            y = resample_fn(x.reshape(frames, ch), fin, fout)
            if is_float:
                out = xp.ascontiguousarray(y.astype(xp.float32)).tobytes()
            else:
                out = xp.clip(xp.rint(y * 32768.0), -32768, 32767).astype("<i2").tobytes()
            return Response(write_wav(out, y.shape[0], ch, int(round(fout)), is_float),
                            mimetype="audio/wav")
        if m == "application/json":
            x = xp.asarray(parse_json_numbers(body), dtype=xp.float32)
            y = resample_fn(x.reshape(-1, 1), fin, fout)
            return Response(json.dumps([num(v) for v in y.reshape(-1).tolist()]) + "\n",
                            mimetype="application/json")
        if m == "application/octet-stream":
            ch = int(request.args.get("channels", "1"))
            if not 1 <= ch <= 16 or len(body) % (4 * ch):
                bad("body length is not a whole number of float32 frames")
            x = xp.frombuffer(body, dtype="<f4")
            if not bool(xp.isfinite(x).all()):
                bad("the samples contain NaN or infinity")
            y = resample_fn(x.reshape(-1, ch), fin, fout)
            r = Response(xp.ascontiguousarray(y).tobytes(),
                         mimetype="application/octet-stream")
            r.headers["X-Dtype"] = "float32"
            return r
        unsupported(m, "audio/wav, application/octet-stream (float32), application/json")

    return app


def numpy_impl():
    import numpy as np

    def resample(x, fin, fout):
        # NumPy has no resampler: band-limited resampling by zero-padding or truncating the
        # spectrum (rfft/irfft over the whole signal, what NumPy alone offers; SciPy's
        # signal.resample does the same). Same length rule as cnumpy.audio: ceil(n * out / in).
        n = x.shape[0]
        m = max(1, int(math.ceil(n * fout / fin)))
        spec = np.fft.rfft(x.astype(np.float64), axis=0)
        out = np.zeros((m // 2 + 1,) + x.shape[1:], dtype=np.complex128)
        k = min(spec.shape[0], out.shape[0])
        out[:k] = spec[:k]
        return (np.fft.irfft(out, m, axis=0) * (m / n)).astype(np.float32)
    return np, resample, np.fft.fft


def cnumpy_impl():
    sys.path.insert(0, os.path.join(REPO, "bindings", "python"))
    os.environ.setdefault("CNUMPY_LIBRARY", os.path.join(REPO, "build", "libcnumpy.so"))
    import cnumpy as cnp
    from cnumpy import audio

    def resample(x, fin, fout):
        return audio.resample(x, fin, fout)
    return cnp, resample, cnp.fft.fft


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--impl", choices=["numpy", "cnumpy"], required=True)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8081)
    ap.add_argument("--max-body", type=int, default=16 << 20)
    args = ap.parse_args()
    xp, resample_fn, fft_fn = numpy_impl() if args.impl == "numpy" else cnumpy_impl()
    app = make_app(xp, resample_fn, fft_fn, args.max_body)
    app.run(host=args.host, port=args.port, threaded=True, debug=False, use_reloader=False)


if __name__ == "__main__":
    main()
