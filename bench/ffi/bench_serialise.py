#!/usr/bin/python3
"""Scenario 7 of the second seed (issue 26): JSON vs a binary encoding vs zero-copy hand-over
for a nested object.

The object: a dict with metadata strings, 10**6 Person records (name U16, age int32, salary
float64) and a 1000x1000 float64 matrix. Held three ways: pure Python (a list of tuples and a
list of lists), NumPy (a structured array and an ndarray), cnumpy (the same). For each format,
serialise and deserialise times (median of repeats) and the bytes on the wire; every decoded
object is checked equal to the original.

  JSON             Python's json module. Python: records as [name, age, salary] lists; the
                   array libraries: the records as columns (tolist() of each field) and the
                   matrix as nested lists, rebuilt field by field / with array() on the way
                   back.
  pickle           protocol 5 (Python's binary encoding; NumPy and cnumpy pickle their arrays)
  .npz             np.savez / cnp.savez into memory (metadata as a JSON string array), load back
  raw + header     a small JSON header (metadata, each array's dtype (descr), shape and byte
                   offset) with a length prefix, then each array's tobytes(); decoded with
                   frombuffer over the received bytes (no copy)
  zero-copy        no bytes at all: the arrays handed between cnumpy and NumPy in-process
                   (__array_interface__ for the records, DLPack for the matrix; DLPack has no
                   structured types)

Prints a markdown section (docs/ffi-benchmarks.md, "12. Serialisation").
Usage: CNUMPY_LIBRARY=build/libcnumpy.so /usr/bin/python3 bench/ffi/bench_serialise.py [--quick]
"""
import argparse
import io
import json
import os
import pickle
import statistics
import struct
import sys
import time

import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPO, "bindings", "python"))
os.environ.setdefault("CNUMPY_LIBRARY", os.path.join(REPO, "build", "libcnumpy.so"))
import cnumpy as cnp  # noqa: E402

PERSON = [("name", "<U16"), ("age", "<i4"), ("salary", "<f8")]
META = {"dataset": "payroll", "version": "1.2.0", "created": "2026-12-07T00:00:00Z",
        "source": "bench/ffi/bench_serialise.py", "tags": ["hr", "people", "demo"]}


def median_time(fn, repeats):
    times = []
    for _ in range(repeats + 1):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times[1:])


def make_objects(n, m):
    rng = np.random.default_rng(7)
    names = np.array(["person%d" % i for i in range(n)], "<U16")
    ages = rng.integers(18, 70, n).astype("i4")
    salaries = (rng.random(n) * 1e5).round(2)
    matrix = rng.random((m, m))
    people = np.empty(n, PERSON)
    people["name"], people["age"], people["salary"] = names, ages, salaries
    py = {"meta": META, "people": list(zip(names.tolist(), ages.tolist(), salaries.tolist())),
          "matrix": matrix.tolist()}
    npo = {"meta": META, "people": people, "matrix": matrix}
    cpo = {"meta": META, "people": cnp.frombuffer(bytearray(people.tobytes()), cnp.dtype(PERSON)),
           "matrix": cnp.array(matrix)}
    return py, npo, cpo


# ---- JSON -----------------------------------------------------------------------------------
def py_json_dump(o):
    return json.dumps(o).encode()


def py_json_load(b):
    d = json.loads(b)
    d["people"] = [tuple(r) for r in d["people"]]
    return d


def arr_json_dump(o):
    p = o["people"]
    return json.dumps({"meta": o["meta"],
                       "people": {f: p[f].tolist() for f, _ in PERSON},
                       "matrix": o["matrix"].tolist()}).encode()


def arr_json_load(xp):
    def load(b):
        d = json.loads(b)
        cols = [xp.array(d["people"][f], dtype=t) for f, t in PERSON]
        people = xp.empty(len(cols[0]), PERSON)
        for (f, _), c in zip(PERSON, cols):
            people[f] = c
        return {"meta": d["meta"], "people": people,
                "matrix": xp.array(d["matrix"])}
    return load


# ---- npz ------------------------------------------------------------------------------------
def npz_dump(xp):
    def dump(o):
        f = io.BytesIO()
        xp.savez(f, meta=xp.array(json.dumps(o["meta"])), people=o["people"], matrix=o["matrix"])
        return f.getvalue()
    return dump


def npz_load(xp):
    def load(b):
        z = xp.load(io.BytesIO(b))
        return {"meta": json.loads(str(z["meta"])), "people": z["people"], "matrix": z["matrix"]}
    return load


# ---- raw bytes with a small header ----------------------------------------------------------
def raw_dump(o):
    arrays = [("people", o["people"]), ("matrix", o["matrix"])]
    head, off = [], 0
    for name, a in arrays:
        dt = a.dtype.str if a.dtype.names is None else a.dtype.descr
        head.append({"name": name, "dtype": dt, "shape": list(a.shape),
                     "offset": off, "nbytes": a.nbytes})
        off += a.nbytes
    header = json.dumps({"meta": o["meta"], "arrays": head}).encode()
    return b"".join([struct.pack("<I", len(header)), header] + [a.tobytes() for _, a in arrays])


def raw_load(xp):
    def load(b):
        (hlen,) = struct.unpack_from("<I", b, 0)
        header = json.loads(b[4:4 + hlen])
        base = 4 + hlen
        view = memoryview(b)
        out = {"meta": header["meta"]}
        for h in header["arrays"]:
            dt = h["dtype"]
            dt = xp.dtype(dt if isinstance(dt, str) else [tuple(f) for f in dt])
            start = base + h["offset"]
            out[h["name"]] = xp.frombuffer(view[start:start + h["nbytes"]],
                                           dtype=dt).reshape(h["shape"])
        return out
    return load


def same(a, b):
    """The decoded object equals the original (values, dtypes, shapes)."""
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if hasattr(a, "dtype"):
        return str(a.dtype) == str(b.dtype) and a.shape == b.shape and a.tolist() == b.tolist()
    return a == b


def run(n, m, repeats):
    py, npo, cpo = make_objects(n, m)
    rows = []
    formats = [
        ("JSON (`json`)", (py_json_dump, py_json_load), (arr_json_dump, arr_json_load(np)),
         (arr_json_dump, arr_json_load(cnp))),
        ("pickle (protocol 5)", (pickle.dumps, pickle.loads),
         (lambda o: pickle.dumps(o, protocol=5), pickle.loads),
         (lambda o: pickle.dumps(o, protocol=5), pickle.loads)),
        (".npz (`savez` / `load`, in memory)", None, (npz_dump(np), npz_load(np)),
         (npz_dump(cnp), npz_load(cnp))),
        ("raw `tobytes` + JSON header / `frombuffer`", None, (raw_dump, raw_load(np)),
         (raw_dump, raw_load(cnp))),
    ]
    for name, *sides in formats:
        row = [name]
        for obj, side in zip((py, npo, cpo), sides):
            if side is None:
                row.append(None)
                continue
            dump, load = side
            blob = dump(obj)
            back = load(blob)
            assert same(obj, back), (name, "round trip differs")
            row.append((median_time(lambda: dump(obj), repeats),
                        median_time(lambda: load(blob), repeats), len(blob)))
        rows.append(row)
    # zero-copy: pointers change hands, the data stays
    people_np = np.asarray(cpo["people"])
    matrix_np = np.from_dlpack(cpo["matrix"])
    assert people_np.__array_interface__["data"][0] == \
        cpo["people"].__array_interface__["data"][0]
    assert matrix_np.__array_interface__["data"][0] == \
        cpo["matrix"].__array_interface__["data"][0]
    people_c = cnp.asarray(npo["people"])
    matrix_c = cnp.from_dlpack(npo["matrix"])
    assert people_c.__array_interface__["data"][0] == npo["people"].__array_interface__["data"][0]
    assert matrix_c.__array_interface__["data"][0] == npo["matrix"].__array_interface__["data"][0]
    zc = [("zero-copy cnumpy -> NumPy (`np.asarray` records, `np.from_dlpack` matrix)",
           median_time(lambda: (np.asarray(cpo["people"]), np.from_dlpack(cpo["matrix"])),
                       repeats)),
          ("zero-copy NumPy -> cnumpy (`cnp.asarray` records, `cnp.from_dlpack` matrix)",
           median_time(lambda: (cnp.asarray(npo["people"]), cnp.from_dlpack(npo["matrix"])),
                       repeats))]
    return rows, zc


def fmt(t):
    if t >= 1:
        return "%.2f s" % t
    if t >= 0.01:
        return "%.0f ms" % (t * 1e3)
    if t >= 1e-4:
        return "%.2f ms" % (t * 1e3)
    return "%.1f us" % (t * 1e6)


def fmt_bytes(b):
    return "%.1f MB" % (b / 1e6) if b >= 1e5 else "%d B" % b


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    n, m = (10**5, 300) if args.quick else (10**6, 1000)
    repeats = 2 if args.quick else 3
    rows, zc = run(n, m, repeats)
    print("### %d Person records + a %dx%d float64 matrix + metadata\n" % (n, m, m))
    print("| format | side | serialise | deserialise | bytes | NumPy / cnumpy (ser.) "
          "| NumPy / cnumpy (deser.) |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for name, py, n_, c in rows:
        for side, v in (("pure Python", py), ("NumPy", n_), ("cnumpy", c)):
            if v is None:
                continue
            r = ("%.1f" % (n_[0] / c[0]), "%.1f" % (n_[1] / c[1])) if side == "cnumpy" \
                else ("", "")
            print("| %s | %s | %s | %s | %s | %s | %s |" % (name, side, fmt(v[0]), fmt(v[1]),
                                                           fmt_bytes(v[2]), r[0], r[1]))
    for name, t in zc:
        print("| %s | - | %s | - | 0 B | | |" % (name, fmt(t)))


if __name__ == "__main__":
    main()
