"""Benchmark cases for structured arrays (issue 26): 10**6 Person records (name U16, age i4,
salary f8, 76 bytes each). `/usr/bin/python3 bench/run.py --filter records` runs them. The
seed's scenario benchmarks (Python objects, ctypes arrays, serialisation) are bench/ffi's.
"""
from harness import Case

M = 10**6
PERSON = [("name", "U16"), ("age", "<i4"), ("salary", "<f8")]


def _people(np, n=M):
    rng = np.random.default_rng(26)
    a = np.zeros(n, PERSON)
    a["age"] = rng.integers(18, 80, n)
    a["salary"] = rng.random(n) * 1e5
    a["name"] = np.char.add("p", rng.integers(0, 10**6, n).astype("U7"))
    return a


def _pair(fn, n=M):
    """setup for fn(xp, a) run on the same n records in NumPy and cnumpy."""
    def setup(np, cnp):
        a = _people(np, n)
        ca = cnp.array(a)
        return (lambda: fn(np, a)), (lambda: fn(cnp, ca))
    return setup


def _from_tuples(np, cnp):
    rows = _people(np, 10**5).tolist()
    return (lambda: np.array(rows, PERSON)), (lambda: cnp.array(rows, PERSON))


def _frombuffer(np, cnp):
    buf = _people(np).tobytes()
    return (lambda: np.frombuffer(buf, PERSON)), (lambda: cnp.frombuffer(buf, PERSON))


def _eq(np, cnp):
    a = _people(np)
    b = a.copy()
    b["salary"][::3] += 1
    ca, cb = cnp.array(a), cnp.array(b)
    return (lambda: a == b), (lambda: ca == cb)


CASES = [
    Case("records_sort_order_age_1e6", "np.sort(a, order='age'), 10**6 Person records",
         _pair(lambda xp, a: xp.sort(a, order="age")),
         note="target >= 1.5x. NumPy compares whole records field by field in its generic sort; "
              "cnumpy's record sort method packs the fields' key bits (age, then name, then "
              "salary: NumPy's tie order) into 64-bit words sorted by its MSD kernel (one vqsort "
              "pass for almost every record) and takes the records once."),
    Case("records_argsort_order_1e6", "np.argsort(a, order=['age', 'salary']), 10**6 records",
         _pair(lambda xp, a: xp.argsort(a, order=["age", "salary"])),
         note="the same key-word sort without the final take."),
    Case("records_field_view_1e6", "a['age'], 10**6 records",
         _pair(lambda xp, a: a["age"]),
         note="O(1): a strided view (offset 64, stride 76); the time is the per-call overhead."),
    Case("records_field_view_1e3", "a['age'], 10**3 records",
         _pair(lambda xp, a: a["age"], 10**3),
         note="the same view over 1000 times fewer records: the same time (O(1))."),
    Case("records_multifield_view_1e6", "a[['name', 'salary']], 10**6 records",
         _pair(lambda xp, a: a[["name", "salary"]]),
         note="O(1): a view with a dtype of those fields at their offsets (NumPy 1.24)."),
    Case("records_filter_mean_1e6", "a['salary'][a['age'] >= 40].mean(), 10**6 records",
         _pair(lambda xp, a: a["salary"][a["age"] >= 40].mean()),
         note="strided field views into the comparison, the mask and the reduction."),
    Case("records_update_field_1e6", "a['salary'] *= 1.1, 10**6 records",
         _pair(lambda xp, a: xp.multiply(a["salary"], 1.1, out=a["salary"])),
         note="in place through the field view (strided loads and stores)."),
    Case("records_eq_1e6", "a == b, 10**6 records", _eq,
         note="field by field (NumPy 1.24's rule), and-ed."),
    Case("records_from_tuples_1e5", "np.array(list of 10**5 tuples, dtype=Person)", _from_tuples,
         note="cnumpy transposes the tuples into one column per field (zip) and converts each "
              "column in one call; NumPy converts each tuple."),
    Case("records_frombuffer_1e6", "np.frombuffer(bytes of 10**6 records, Person)", _frombuffer,
         note="O(1) on both sides: a view of the bytes."),
]
