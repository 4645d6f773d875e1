"""Benchmark cases for numpy.rec and numpy.lib.recfunctions (issue 26): 10**6 Person records
(name U16, age int32, salary float64). cnumpy moves each field as one strided copy between
field views; NumPy's recfunctions go through structured casts (structured_to_unstructured) or
per-record tuples (merge_arrays). `/usr/bin/python3 bench/run.py --filter recfunctions`.
"""
from harness import Case

M = 10**6


def _fields(np):
    rng = np.random.default_rng(26)
    names = np.array(["p%d" % i for i in range(1000)])[rng.integers(0, 1000, M)]
    return names, rng.integers(18, 70, M).astype("i4"), rng.random(M) * 1e5


def _people(np, cnp, dt=None):
    dt = dt or [("name", "U16"), ("age", "<i4"), ("salary", "<f8")]
    names, ages, salaries = _fields(np)
    a = np.rec.fromarrays([names, ages, salaries], dtype=dt).view(np.ndarray)
    ca = cnp.frombuffer(bytearray(a.tobytes()), dtype=cnp.dtype(dt))
    return a, ca


def _fromarrays(np, cnp):
    cols = _fields(np)
    ccols = [cnp.array(c) for c in cols]
    names = "name,age,salary"
    return (lambda: np.rec.fromarrays(cols, names=names)), \
        (lambda: cnp.rec.fromarrays(ccols, names=names))


def _s2u(dt):
    def setup(np, cnp):
        import numpy.lib.recfunctions as nrf
        import cnumpy.lib.recfunctions as crf
        rng = np.random.default_rng(27)
        a = np.zeros(M, dt)
        for n in a.dtype.names:
            a[n] = rng.integers(0, 100, M)
        ca = cnp.frombuffer(bytearray(a.tobytes()), dtype=cnp.dtype(dt))
        return (lambda: nrf.structured_to_unstructured(a)), \
            (lambda: crf.structured_to_unstructured(ca))
    return setup


def _u2s(np, cnp):
    import numpy.lib.recfunctions as nrf
    import cnumpy.lib.recfunctions as crf
    u = np.random.default_rng(28).random((M, 3))
    cu = cnp.array(u)
    dt = [("x", "f4"), ("y", "i4"), ("z", "f8")]
    return (lambda: nrf.unstructured_to_structured(u, np.dtype(dt))), \
        (lambda: crf.unstructured_to_structured(cu, cnp.dtype(dt)))


def _append(np, cnp):
    import numpy.lib.recfunctions as nrf
    import cnumpy.lib.recfunctions as crf
    a, ca = _people(np, cnp)
    bonus = np.arange(M, dtype="f8")
    cb = cnp.array(bonus)
    return (lambda: nrf.append_fields(a, "bonus", bonus, usemask=False)), \
        (lambda: crf.append_fields(ca, "bonus", cb, usemask=False))


def _append_masked(np, cnp):
    import numpy.lib.recfunctions as nrf
    import cnumpy.lib.recfunctions as crf
    a, ca = _people(np, cnp)
    bonus = np.arange(M // 2, dtype="f8")
    cb = cnp.array(bonus)
    return (lambda: nrf.append_fields(a, "bonus", bonus)), \
        (lambda: crf.append_fields(ca, "bonus", cb))


def _stack(np, cnp):
    import numpy.lib.recfunctions as nrf
    import cnumpy.lib.recfunctions as crf
    a, ca = _people(np, cnp)
    b, cb = a[["name", "age"]].copy(), ca[["name", "age"]].copy()
    return (lambda: nrf.stack_arrays((a, b))), (lambda: crf.stack_arrays((ca, cb)))


def _join(np, cnp):
    import numpy.lib.recfunctions as nrf
    import cnumpy.lib.recfunctions as crf
    n = 10**5
    rng = np.random.default_rng(29)
    k1, k2 = rng.permutation(n), rng.permutation(n) + n // 2
    dt1, dt2 = [("k", "i8"), ("x", "f8")], [("k", "i8"), ("y", "f8")]
    a = np.empty(n, dt1)
    a["k"], a["x"] = k1, rng.random(n)
    b = np.empty(n, dt2)
    b["k"], b["y"] = k2, rng.random(n)
    ca = cnp.frombuffer(bytearray(a.tobytes()), dtype=cnp.dtype(dt1))
    cb = cnp.frombuffer(bytearray(b.tobytes()), dtype=cnp.dtype(dt2))
    return (lambda: nrf.join_by("k", a, b, jointype="outer")), \
        (lambda: crf.join_by("k", ca, cb, jointype="outer"))


def _drop(np, cnp):
    import numpy.lib.recfunctions as nrf
    import cnumpy.lib.recfunctions as crf
    a, ca = _people(np, cnp)
    return (lambda: nrf.drop_fields(a, "name")), (lambda: crf.drop_fields(ca, "name"))


def _attr(np, cnp):
    a, ca = _people(np, cnp)
    r, cr = a.view(np.recarray), ca.view(cnp.recarray)
    return (lambda: r.salary), (lambda: cr.salary)


CASES = [
    Case("rec_fromarrays_1e6", "np.rec.fromarrays([names, ages, salaries]), 10**6 Person records",
         _fromarrays, note="one strided copy per field into the new records (NumPy: the same)."),
    Case("s2u_mixed_1e6", "structured_to_unstructured(a), 10**6 records i4,f4,f8 -> (10**6, 3) f8",
         _s2u([("a", "i4"), ("b", "f4"), ("c", "f8")]),
         note="a copy: each field cast into its column (NumPy: a structured astype)."),
    Case("s2u_uniform_view_1e6", "structured_to_unstructured(a), 10**6 records of 3 f8 (a view)",
         _s2u([("a", "f8"), ("b", "f8"), ("c", "f8")]),
         note="packed uniform fields: a strided view in both, O(1)."),
    Case("u2s_1e6", "unstructured_to_structured(u, f4,i4,f8), u (10**6, 3) f8", _u2s,
         note="a copy: each column cast into its field."),
    Case("append_fields_1e6", "append_fields(a, 'bonus', x, usemask=False), 10**6 Person records",
         _append, note="NumPy builds a masked array and fills it; cnumpy copies the fields once."),
    Case("append_fields_masked_1e6", "append_fields(a, 'bonus', x) (usemask=True), 10**6 Person "
         "records, x of 5*10**5", _append_masked,
         note="NumPy zips tuples and fills a masked array; cnumpy: one copy per field and mask."),
    Case("stack_arrays_1e6", "stack_arrays((a, a[['name', 'age']])), 2*10**6 masked records",
         _stack, note="one strided copy per field into masked_all's records (both)."),
    Case("join_by_outer_1e5", "join_by('k', a, b, jointype='outer'), 10**5 records each", _join,
         note="NumPy's algorithm in both: sorts of the keys, then field copies."),
    Case("drop_fields_1e6", "drop_fields(a, 'name'), 10**6 Person records", _drop,
         note="the kept fields copied into the new layout."),
    Case("recarray_attr_1e6", "r.salary, a recarray of 10**6 Person records", _attr,
         note="a field view: O(1) in the number of records."),
]
