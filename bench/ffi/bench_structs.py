#!/usr/bin/python3
"""Scenario 2 of the second seed (issue 26): Person structs (name, age, salary) made by native
code and used from Python.

The native side is a C array of `struct person { char name[16]; int32_t age; double salary; }`
(32 bytes, the C compiler's layout), here a ctypes `Structure` array. The same 10**6 records are
used four ways, each step timed separately (median of repeats):

  Python objects   a list of `@dataclass(slots=True)` Person objects
  ctypes           the Structure array itself, read and written field by field from Python
  NumPy            a structured array of dtype {name S16, age i4, salary f8, align=True}
  cnumpy           the same structured array in cnumpy

Steps: build (from three columns: the names, ages and salaries), wrap the native array (zero
copy: np.frombuffer / cnp.frombuffer over the ctypes memory), read a field (ages), filter by
age (> 40), mean salary, update a field (salary *= 1.1). Then the cost of a field view
(`a['age']`, `r.age` on a recarray) against the number of records: O(1).

Prints a markdown section (docs/ffi-benchmarks.md, "11. Structs").
Usage: CNUMPY_LIBRARY=build/libcnumpy.so /usr/bin/python3 bench/ffi/bench_structs.py [--quick]
"""
import argparse
import ctypes
import dataclasses
import os
import statistics
import sys
import time

import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPO, "bindings", "python"))
os.environ.setdefault("CNUMPY_LIBRARY", os.path.join(REPO, "build", "libcnumpy.so"))
import cnumpy as cnp  # noqa: E402

FIELDS = [("name", "S16"), ("age", "<i4"), ("salary", "<f8")]


class CPerson(ctypes.Structure):
    """struct person as the C side declares it."""
    _fields_ = [("name", ctypes.c_char * 16), ("age", ctypes.c_int32),
                ("salary", ctypes.c_double)]


@dataclasses.dataclass(slots=True)
class Person:
    name: bytes
    age: int
    salary: float


def median_time(fn, repeats, setup=None):
    """Median seconds of fn() over repeats (setup() before each, untimed)."""
    times = []
    for _ in range(repeats + 1):
        if setup:
            setup()
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times[1:])


def columns(n):
    rng = np.random.default_rng(2)
    names = [b"p%07d" % i for i in range(n)]
    return names, rng.integers(18, 70, n).tolist(), (rng.random(n) * 1e5).round(2).tolist()


def native_array(names, ages, salaries):
    """The records as the native side holds them (a C array of struct person)."""
    arr = (CPerson * len(names))()
    buf = np.frombuffer(arr, np.dtype(FIELDS, align=True))
    buf["name"], buf["age"], buf["salary"] = names, ages, salaries
    return arr


def run(n, repeats):
    names, ages, salaries = columns(n)
    ndt = np.dtype(FIELDS, align=True)
    cdt = cnp.dtype(FIELDS, align=True)
    assert ctypes.sizeof(CPerson) == ndt.itemsize == cdt.itemsize == 32
    assert [CPerson.name.offset, CPerson.age.offset, CPerson.salary.offset] == \
        [cdt.fields[f][1] for f, _ in FIELDS]
    native = native_array(names, ages, salaries)
    n_cols = [np.array(names, "S16"), np.array(ages, "i4"), np.array(salaries)]
    c_cols = [cnp.array(c) for c in n_cols]
    rows = []

    # build from columns
    def build_py():
        return [Person(a, b, c) for a, b, c in zip(names, ages, salaries)]

    def build_ct():
        arr = (CPerson * n)()
        for i, (a, b, c) in enumerate(zip(names, ages, salaries)):
            p = arr[i]
            p.name, p.age, p.salary = a, b, c
        return arr

    def build_np():
        a = np.empty(n, ndt)
        a["name"], a["age"], a["salary"] = n_cols
        return a

    def build_cnp():
        a = cnp.empty(n, cdt)
        a["name"], a["age"], a["salary"] = c_cols
        return a
    rows.append(("build from 3 columns", median_time(build_py, repeats),
                 median_time(build_ct, max(1, repeats // 2)), median_time(build_np, repeats),
                 median_time(build_cnp, repeats)))
    people = build_py()
    # wrap the native array: zero copy for the array libraries (the list must be built)
    a_np = np.frombuffer(native, ndt)
    a_cnp = cnp.frombuffer(native, cdt)
    assert a_cnp.__array_interface__["data"][0] == ctypes.addressof(native)
    rows.append(("wrap the native C array", median_time(
        lambda: [Person(p.name, p.age, p.salary) for p in native], max(1, repeats // 2)), None,
        median_time(lambda: np.frombuffer(native, ndt), repeats),
        median_time(lambda: cnp.frombuffer(native, cdt), repeats)))
    assert a_cnp.tolist() == a_np.tolist() == [(p.name, p.age, p.salary) for p in people]

    # read a field
    rows.append(("read a field (ages)", median_time(lambda: [p.age for p in people], repeats),
                 median_time(lambda: [p.age for p in native], repeats),
                 median_time(lambda: a_np["age"], repeats),
                 median_time(lambda: a_cnp["age"], repeats)))
    rows.append(("read a field, as Python ints", None, None,
                 median_time(lambda: a_np["age"].tolist(), repeats),
                 median_time(lambda: a_cnp["age"].tolist(), repeats)))
    # filter by age
    f_py = [p for p in people if p.age > 40]
    assert a_cnp[a_cnp["age"] > 40].tolist() == a_np[a_np["age"] > 40].tolist() == \
        [(p.name, p.age, p.salary) for p in f_py]
    rows.append(("filter age > 40", median_time(lambda: [p for p in people if p.age > 40],
                                                repeats),
                 median_time(lambda: [p for p in native if p.age > 40], repeats),
                 median_time(lambda: a_np[a_np["age"] > 40], repeats),
                 median_time(lambda: a_cnp[a_cnp["age"] > 40], repeats)))
    # mean salary
    m_py = sum(p.salary for p in people) / n
    assert abs(float(a_cnp["salary"].mean()) - m_py) <= 1e-9 * abs(m_py)
    rows.append(("mean salary", median_time(lambda: sum(p.salary for p in people) / n, repeats),
                 median_time(lambda: sum(p.salary for p in native) / n, repeats),
                 median_time(lambda: a_np["salary"].mean(), repeats),
                 median_time(lambda: a_cnp["salary"].mean(), repeats)))

    # update a field (in place; the array libraries write through the view into the C array)
    def upd_py():
        for p in people:
            p.salary *= 1.1

    def upd_ct():
        for p in native:
            p.salary *= 1.1

    def upd_np():
        s = a_np["salary"]
        s *= 1.1

    def upd_cnp():
        s = a_cnp["salary"]
        s *= 1.1
    rows.append(("update salary *= 1.1", median_time(upd_py, repeats),
                 median_time(upd_ct, repeats), median_time(upd_np, repeats),
                 median_time(upd_cnp, repeats)))
    return rows


def field_view_scaling(repeats):
    """Seconds per field view (a['age'] and recarray r.age) for growing record counts."""
    out = []
    for n in (10**3, 10**4, 10**5, 10**6, 10**7):
        a_np = np.zeros(n, np.dtype(FIELDS, align=True))
        a_cnp = cnp.zeros(n, cnp.dtype(FIELDS, align=True))
        r_np, r_cnp = a_np.view(np.recarray), a_cnp.view(cnp.recarray)
        loops = 2000

        def per_call(fn):
            def timed():
                for _ in range(loops):
                    fn()
            return median_time(timed, repeats) / loops
        out.append((n, per_call(lambda: a_np["age"]), per_call(lambda: a_cnp["age"]),
                    per_call(lambda: r_np.age), per_call(lambda: r_cnp.age)))
    return out


def fmt(t):
    if t is None:
        return "-"
    if t >= 0.01:
        return "%.0f ms" % (t * 1e3)
    if t >= 1e-4:
        return "%.2f ms" % (t * 1e3)
    if t >= 1e-6:
        return "%.1f us" % (t * 1e6)
    return "%.0f ns" % (t * 1e9)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    n = 10**5 if args.quick else 10**6
    repeats = 3 if args.quick else 5
    print("### %d Person records\n" % n)
    print("| step | Python objects (dataclass, slots) | ctypes Structure array | NumPy 1.24 "
          "| cnumpy | NumPy / cnumpy | Python objects / cnumpy |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, py, ct, n_, c in run(n, repeats):
        r1 = "%.1f" % (n_ / c) if n_ and c else "-"
        r2 = "%.0f" % (py / c) if py and c else "-"
        print("| %s | %s | %s | %s | %s | %s | %s |" % (name, fmt(py), fmt(ct), fmt(n_),
                                                        fmt(c), r1, r2))
    print("\n### A field view against the number of records\n")
    print("| records | NumPy `a['age']` | cnumpy `a['age']` | NumPy recarray `r.age` "
          "| cnumpy recarray `r.age` |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    for n, a, b, c, d in field_view_scaling(3):
        print("| %d | %s | %s | %s | %s |" % (n, fmt(a), fmt(b), fmt(c), fmt(d)))


if __name__ == "__main__":
    main()
