"""Benchmark cases for the parametric dtypes (issue 19): casts between byte orders and arithmetic
on a byte-swapped array. cnumpy swaps 8-byte elements with one bswap per element in a single
pass (astype), and gives the ufunc engine a native copy of a byte-swapped operand (the one place
where engines meet descriptors, capi/guard.hpp), and a string comparison through the loop
registry. `/usr/bin/python3 bench/run.py --filter dtype`.
"""
from harness import Case

N = 10**7


def _astype_swapped(np, cnp):
    a = np.random.default_rng(19).standard_normal(N)
    ca = cnp.array(a)
    return (lambda: a.astype(">f8").astype("<f8")), (lambda: ca.astype(">f8").astype("<f8"))


def _astype_to_big(np, cnp):
    a = np.random.default_rng(19).standard_normal(N)
    ca = cnp.array(a)
    return (lambda: a.astype(">f8")), (lambda: ca.astype(">f8"))


def _swapped_add(np, cnp):
    a = np.random.default_rng(19).standard_normal(N).astype(">f8")
    ca = cnp.asarray(a)
    return (lambda: a + 1.5), (lambda: ca + 1.5)


def _string_less(np, cnp):
    rng = np.random.default_rng(19)
    a = rng.integers(0, 26, (10**6, 8)).astype("u4") + ord("a")
    a = a.view("<U8").ravel()
    b = a.astype("<U12")[::-1].copy()
    ca, cb = cnp.asarray(a), cnp.asarray(b)
    return (lambda: a < b), (lambda: ca < cb)


CASES = [
    Case("astype_swap_roundtrip_1e7", "a.astype('>f8').astype('<f8'), a float64 10**7", _astype_swapped,
         note="target >= 1.5x. One bswap pass each way."),
    Case("astype_big_endian_1e7", "a.astype('>f8'), a float64 10**7", _astype_to_big,
         note="target >= 1.5x."),
    Case("add_swapped_1e7", "a + 1.5, a '>f8' 10**7", _swapped_add,
         note="target >= 1.0x. Native copy of the operand, then the native add loop."),
    Case("less_U8_U12_1e6", "a < b, U8 against U12, 10**6 strings", _string_less,
         note="the loop registry's string comparison method (widths per call)."),
]
