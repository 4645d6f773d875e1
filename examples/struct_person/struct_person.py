"""A C struct array handed to Python and back through libcnumpy (docs/records.md).

libperson_demo (person.c) owns a table of `struct person` in a cnumpy array built with
cnp_array_wrap over malloc'ed structs, whose record descriptor it made from offsetof/sizeof.
Python sees the same memory without a copy (its __array_interface__ -> cnumpy.asarray), reads
and filters fields as NumPy code does, writes through a field view, and hands the memory back
to C, which wraps it borrowed and reads Python's writes through its own field views.

Usage: struct_person.py path/to/libperson_demo.so   (CNUMPY_LIBRARY as for the package)
"""
import ctypes
import sys

import cnumpy as np


class Person(ctypes.Structure):     # the C compiler's layout, as ctypes computes it
    _fields_ = [("name", ctypes.c_char * 16), ("age", ctypes.c_int32),
                ("salary", ctypes.c_double)]


PERSON = np.dtype([("name", "S16"), ("age", "<i4"), ("salary", "<f8")], align=True)


class _Table:
    """The C table's memory as an __array_interface__ (the C array handle keeps it alive)."""

    def __init__(self, data, n):
        self.__array_interface__ = {"version": 3, "shape": (n,), "typestr": PERSON.str,
                                    "descr": PERSON.descr, "data": (data, False)}


def main(path):
    demo = ctypes.CDLL(path)
    c_int64_p = ctypes.POINTER(ctypes.c_int64)
    c_double_p = ctypes.POINTER(ctypes.c_double)
    demo.person_table_new.argtypes = [ctypes.c_int64, ctypes.POINTER(ctypes.c_void_p),
                                      ctypes.POINTER(ctypes.c_void_p)]
    demo.person_table_free.argtypes = [ctypes.c_void_p]
    demo.person_stats_borrowed.argtypes = [ctypes.c_void_p, ctypes.c_int64, ctypes.c_int64,
                                           ctypes.c_int32, c_int64_p, c_double_p]
    failures = 0

    # the layouts agree: the C compiler's, ctypes', and numpy.dtype(..., align=True)'s
    assert PERSON.itemsize == ctypes.sizeof(Person)
    assert [PERSON.fields[n][1] for n in PERSON.names] == \
        [getattr(Person, n).offset for n in PERSON.names]

    n = 1000
    handle, data = ctypes.c_void_p(), ctypes.c_void_p()
    if demo.person_table_new(n, ctypes.byref(handle), ctypes.byref(data)) != 0:
        raise SystemExit("person_table_new failed")
    table = np.asarray(_Table(data.value, n))           # no copy: the structs themselves
    assert table.__array_interface__["data"][0] == data.value
    ages = table["age"]                                  # a strided view, O(1)
    assert ages.strides == (PERSON.itemsize,)
    print(table[:3])
    print("mean salary of the 40+: %.2f" % table["salary"][ages >= 40].mean())

    # Python writes through a field view; C reads the same structs
    ages += 1
    total, count = ctypes.c_double(), ctypes.c_int64()
    status = demo.person_stats_borrowed(data.value, n, PERSON.itemsize, 41, ctypes.byref(count),
                                        ctypes.byref(total))
    expect = table["salary"][table["age"] >= 41]
    if status != 0 or count.value != expect.size or total.value != float(expect.sum()):
        print("C saw", count.value, total.value, "Python has", expect.size, float(expect.sum()))
        failures += 1
    # ... and C reads a Python-made array as well (a strided slice: every other record)
    made = np.array([(b"zed", 50, 1.5), (b"yan", 10, 2.5), (b"xu", 60, 4.0)], dtype=PERSON)
    view = made[::2]
    status = demo.person_stats_borrowed(view.__array_interface__["data"][0], view.size,
                                        view.strides[0], 0, ctypes.byref(count),
                                        ctypes.byref(total))
    if status != 0 or (count.value, total.value) != (2, 5.5):
        print("C read", count.value, total.value, "from the Python array")
        failures += 1

    del table, ages, expect
    demo.person_table_free(handle)      # the last view: free() runs now
    print("ok" if not failures else "%d failures" % failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
