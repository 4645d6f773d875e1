"""Benchmark cases for text files (issue 25), with the issue's targets in the notes: loadtxt of a
2e5 x 5 float CSV (target >= 5x NumPy 1.24), genfromtxt of the same (>= 10x), savetxt of 1e5 x 5
(>= 3x). loadtxt/genfromtxt read a file in /tmp (page cache: no disk), as NumPy's C reader is
meant to be used; savetxt writes to an in-memory StringIO.
`/usr/bin/python3 bench/run.py --filter text` runs this file's cases.
"""
import atexit
import io
import os
import tempfile

from harness import Case


def _csv(np, rows):
    a = np.random.default_rng(25).standard_normal((rows, 5))
    buf = io.StringIO()
    np.savetxt(buf, a, delimiter=",", fmt="%.17g")
    return a, buf.getvalue()


def _csv_file(np):
    _, text = _csv(np, 200000)
    fd, path = tempfile.mkstemp(suffix=".csv")
    with os.fdopen(fd, "w") as f:
        f.write(text)
    atexit.register(os.unlink, path)
    return path


def _loadtxt(np, cnp):
    path = _csv_file(np)
    return (lambda: np.loadtxt(path, delimiter=",")), (lambda: cnp.loadtxt(path, delimiter=","))


def _genfromtxt(np, cnp):
    path = _csv_file(np)
    return (lambda: np.genfromtxt(path, delimiter=",")), (lambda: cnp.genfromtxt(path, delimiter=","))


def _genfromtxt_one_field(np, cnp):
    path = _csv_file(np)
    dt = [("b", "f8")]
    return (lambda: np.genfromtxt(path, delimiter=",", dtype=dt, usecols=(1,))), \
        (lambda: cnp.genfromtxt(path, delimiter=",", dtype=dt, usecols=(1,)))


def _savetxt(np, cnp):
    a, _ = _csv(np, 100000)
    ca = cnp.array(a)
    return (lambda: np.savetxt(io.StringIO(), a)), (lambda: cnp.savetxt(io.StringIO(), ca))


CASES = [
    Case("loadtxt_2e5x5", "np.loadtxt(StringIO(csv), delimiter=','), 2e5 x 5 float64", _loadtxt,
         note="target >= 5x. One pass over the UTF-8 bytes, fields parsed with fast_float."),
    Case("genfromtxt_2e5x5", "np.genfromtxt(StringIO(csv), delimiter=','), 2e5 x 5 float64",
         _genfromtxt, note="target >= 10x. The library's float fast path (NumPy's is Python)."),
    Case("genfromtxt_one_field_2e5", "np.genfromtxt(csv, delimiter=',', dtype=[('b', 'f8')], "
         "usecols=(1,)), 2e5 rows", _genfromtxt_one_field,
         note="NumPy's one-leaf record case (text as bytes); the library reads a float64 column "
              "and views it as the record when nothing is missing."),
    Case("savetxt_1e5x5", "np.savetxt(StringIO(), a), a 1e5 x 5 float64, fmt '%.18e'", _savetxt,
         note="target >= 3x. Python's % rules in C++ (std::to_chars for the digits)."),
]
