"""Benchmark cases for the object dtype (docs/object-dtype.md): making object arrays from lists,
copies (every reference incref'd through the batched hooks, the C hooks of cnumpy._speedups or
the pure packages' ctypes/cffi callbacks), fancy indexing, element-wise Python operators and
reductions. `/usr/bin/python3 bench/run.py --filter object` runs them."""
from harness import Case

N = 10**5


def _objects(np):
    return [str(i) if i % 3 else i for i in range(N)]


def _from_list(np, cnp):
    items = _objects(np)
    return (lambda: np.array(items, dtype=object)), (lambda: cnp.array(items, dtype=object))


def _copy(np, cnp):
    items = _objects(np)
    a, ca = np.array(items, dtype=object), cnp.array(items, dtype=object)
    return a.copy, ca.copy


def _fancy(np, cnp):
    items = _objects(np)
    a, ca = np.array(items, dtype=object), cnp.array(items, dtype=object)
    idx = np.arange(N)[::-1].copy()
    cidx = cnp.array(idx)
    return (lambda: a[idx]), (lambda: ca[cidx])


def _add(np, cnp):
    a, ca = np.array(list(range(N)), dtype=object), cnp.array(list(range(N)), dtype=object)
    return (lambda: a + 1), (lambda: ca + 1)


def _sum(np, cnp):
    a, ca = np.array(list(range(N)), dtype=object), cnp.array(list(range(N)), dtype=object)
    return a.sum, ca.sum


def _frompyfunc(np, cnp):
    f, cf = np.frompyfunc(lambda x: x + 1, 1, 1), cnp.frompyfunc(lambda x: x + 1, 1, 1)
    a, ca = np.arange(N), cnp.arange(N)
    return (lambda: f(a)), (lambda: cf(ca))


CASES = [
    Case("object_from_list_1e5", "np.array(list of 10**5 objects, dtype=object)", _from_list,
         "ids packed in Python, one cnp_array_from_data; references taken by the hooks",
         per_backend=True),
    Case("object_copy_1e5", "a.copy(), a object 10**5", _copy,
         "memcpy plus one incref pass (batches of 4096 through the hook)", per_backend=True),
    Case("object_fancy_1e5", "a[idx], a object 10**5, idx reversed", _fancy,
         "the int64 gather as for numbers, then the incref pass", per_backend=True),
    Case("object_add_1e5", "a + 1, a object (ints) 10**5", _add,
         "Python's + per element over the elements' list (NumPy: its C object loop)"),
    Case("object_sum_1e5", "a.sum(), a object (ints) 10**5", _sum, "a Python fold"),
    Case("object_frompyfunc_1e5", "np.frompyfunc(lambda x: x + 1, 1, 1)(np.arange(10**5))",
         _frompyfunc, "the function call dominates both"),
]
