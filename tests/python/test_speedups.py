"""The optional C fast paths (cnumpy._speedups, loaded by cnumpy._accel).

The keys and reshape arguments below are the ones the fast paths take (exact ints, slices of
ints or None, None, Ellipsis, tuples of those) and their edges where they must hand over to the
Python implementation (int64 overflow, bools, index-like objects, scalars, errors, keywords).
Every case is compared with NumPy, so the file checks whichever path is active: CTest runs it
with the extension (CNUMPY_SPEEDUPS=1 when it is built) and without it (CNUMPY_SPEEDUPS=0).
"""
import gc
import os
import subprocess
import sys
import weakref

import numpy as np
import pytest

import cnumpy as cnp
from cnumpy import _accel
from cnp_helpers import check, check_error

S = slice
BIG = 2 ** 70

ARRAYS = {
    "1d": lambda xp: xp.arange(24.0),
    "2d": lambda xp: xp.arange(24, dtype="int16").reshape(4, 6),
    "3d": lambda xp: xp.arange(24, dtype="complex128").reshape(2, 3, 4),
    "neg": lambda xp: xp.arange(48.0).reshape(6, 8)[::-1, ::-2],
    "0d": lambda xp: xp.array(3.5),
    "empty": lambda xp: xp.zeros((0, 3), dtype="uint8"),
}

KEYS = [0, 1, -1, 3, -4, 23, -24, 24, -25, BIG, -BIG, True, False,
        S(None), S(2), S(None, 5), S(None, None, 2), S(1, -1, 3), S(None, None, -1), S(-2, None, -5),
        S(BIG, None), S(None, -BIG), S(None, None, BIG), S(None, None, -BIG), S(None, None, 0),
        S(None, None, -(2 ** 63)), S(np.int64(1), 3), None, Ellipsis,
        (), (0,), (1, 2), (-1, -1), (1, 2, 3), (0, 0, 0, 0), (S(1, 3), S(None, None, 2)),
        (Ellipsis, 1), (1, Ellipsis), (None, 1, None), (S(None), None, -1), (Ellipsis, Ellipsis),
        (Ellipsis, None, S(None, None, -2)), (1, BIG), (np.int64(1), 2),
        tuple([0] * 40), tuple([None] * 33), [1, 0], 1.0, "a"]
# Not listed, known differences of the Python implementation (not of the fast paths): a
# non-integer slice bound on a 0-d array (NumPy reports the dimensions first).


@pytest.mark.parametrize("name", sorted(ARRAYS))
@pytest.mark.parametrize("key", KEYS, ids=repr)
def test_getitem_matches_numpy(name, key):
    check(lambda xp: ARRAYS[name](xp)[key], strides=True)


@pytest.mark.parametrize("key", [1, S(1, 3), (S(None), 2), (1, S(None, None, -1)), (None, 0)],
                         ids=repr)
def test_views_share_memory(key):
    a, c = np.arange(24.0).reshape(4, 6), cnp.arange(24.0).reshape(4, 6)
    va, vc = a[key], c[key]
    va[...] = -7.0
    vc[...] = -7.0
    np.testing.assert_array_equal(np.asarray(c), a)
    # views of views, after the base is gone
    del c
    gc.collect()
    np.testing.assert_array_equal(np.asarray(vc[..., None][..., 0]), va[..., None][..., 0])


RESHAPES = [((4, 6), {}), (((4, 6),), {}), ((24,), {}), ((-1,), {}), ((2, -1, 3),), ((2, 3, 4),),
            ((1, 1, 24, 1),), ((5,),), ((-1, -1),), ((4, 7),), ((),), ((1,) * 40,),
            ((np.int64(4), 6),), ((4.0, 6),), (("4", 6),), (([4, 6],),), ((BIG, 1),),
            ((4, 6), {"order": "F"}), ((4, 6), {"order": "C"}), ((-2, -12),), ((0,),),
            ((24, 1, None),), ((True, 24),), ((True,),), ((), {"shape": (4, 6)}),
            ((4, 6), {"copy": True})]


@pytest.mark.parametrize("name", ["1d", "2d", "neg"])
@pytest.mark.parametrize("case", RESHAPES, ids=repr)
def test_reshape_matches_numpy(name, case):
    args, kwargs = case[0], case[1] if len(case) > 1 else {}
    check(lambda xp: ARRAYS[name](xp).reshape(*args, **kwargs), strides=True)


def test_reshape_without_arguments():
    check_error(lambda xp: xp.arange(4).reshape())


def test_reshape_result_is_a_view():
    c = cnp.arange(24.0)
    v = c.reshape(4, 6)
    v[1, 2] = 100.0
    assert c[8] == 100.0


def _cycle(c, key):
    c[::2], c[1], c[key], c.reshape(4, 6), c.reshape((2, 12)), c[1, None, ...]
    for bad in (lambda: c[99], lambda: c.reshape(5), lambda: c[1, 2, 3, 4]):
        with pytest.raises((IndexError, ValueError)):
            bad()
    c[3, 4], c.reshape(24, order="F"), c[[1, 2]]


def test_no_reference_leaks():
    c = cnp.arange(24.0).reshape(4, 6)
    key = (S(1, 3), S(None, None, 2))
    _cycle(c, key)
    gc.collect()
    before = (sys.getrefcount(c), sys.getrefcount(key), sys.getrefcount(key[0]),
              sys.getrefcount(type(c)), sys.getrefcount(None))
    for _ in range(200):
        _cycle(c, key)
    gc.collect()
    after = (sys.getrefcount(c), sys.getrefcount(key), sys.getrefcount(key[0]),
             sys.getrefcount(type(c)), sys.getrefcount(None))
    assert after[:4] == before[:4]
    assert abs(after[4] - before[4]) < 50   # None is shared with the rest of the interpreter


def test_arrays_are_freed_and_weakly_referenceable():
    c = cnp.arange(24.0)
    v = c[::2]
    r = weakref.ref(v)
    assert r() is v
    del v
    gc.collect()
    assert r() is None
    rc = weakref.ref(c.reshape(4, 6))
    gc.collect()
    assert rc() is None


def test_every_handle_is_freed():
    # An array over a bytearray holds a buffer export until the library frees the last view:
    # the bytearray can grow again only when every handle (fast path, fallback, Python-made) is
    # gone.
    ba = bytearray(8 * 24)
    c = cnp.frombuffer(ba, dtype="float64")
    views = [c[::2], c.reshape(4, 6), c.reshape(4, 6)[1], c[1:][None, ...], c[3:].reshape(-1),
             c.reshape(4, 6, order="C"), c[..., None], c.reshape((2, 12))[:, 0]]
    for _ in range(100):
        c[::3], c.reshape(6, 4)[2]
    with pytest.raises(BufferError):
        ba.append(0)
    del c, views
    gc.collect()
    ba.append(0)


def test_handle_round_trip():
    c = cnp.arange(6.0)[1:]
    h = c._h
    assert h is not None and c._h == h
    # The handle works with the backend like any other: ndim through the library.
    out = cnp._backend.new_int32_out()
    assert cnp._backend.lib.cnp_array_ndim(h, out) == 0 and out[0] == 1
    assert c.tolist() == [1.0, 2.0, 3.0, 4.0, 5.0]


def test_cffi_handles_are_read_without_python():
    # With cffi, handles made by Python code are read straight from the cdata (checked at
    # install on a probe); otherwise every array's deallocation would call into Python.
    if _accel.speedups is None or cnp._backend.NAME != "cffi":
        assert _accel.speedups is None or not _accel.speedups.reads_cdata()
        return
    assert _accel.speedups.reads_cdata()


def _run(code, **env):
    e = dict(os.environ)
    e.update(env)
    return subprocess.run([sys.executable, "-c", code], env=e, capture_output=True, text=True,
                          timeout=120)


def test_mode_zero_is_the_pure_python_package():
    r = _run("import sys, cnumpy as c\n"
             "assert c._accel.speedups is None and c.ndarray.__bases__ == (object,)\n"
             "a = c.arange(24.0)\n"
             "print(a.reshape(4, 6)[1:3, ::2].tolist(), 'numpy' in sys.modules)",
             CNUMPY_SPEEDUPS="0")
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == "[[6.0, 8.0, 10.0], [12.0, 14.0, 16.0]] False".split()


def test_mode_one_loads_or_refuses():
    code = ("import sys, cnumpy as c\n"
            "assert c._accel.speedups is not None and c.ndarray.__bases__ == (c._accel.base,)\n"
            "print(c.arange(24.0)[::5].tolist(), 'numpy' in sys.modules)")
    r = _run(code, CNUMPY_SPEEDUPS="1")
    if _accel.speedups is not None or _accel._find() is not None:
        assert r.returncode == 0, r.stderr
        assert r.stdout.split() == "[0.0, 5.0, 10.0, 15.0, 20.0] False".split()
    else:
        assert r.returncode != 0 and "_speedups" in r.stderr


def test_unknown_mode_is_an_error():
    r = _run("import cnumpy", CNUMPY_SPEEDUPS="fast")
    assert r.returncode != 0 and "unknown CNUMPY_SPEEDUPS 'fast'" in r.stderr


def test_active_mode_matches_environment():
    mode = os.environ.get("CNUMPY_SPEEDUPS", "auto")
    if mode == "0":
        assert _accel.speedups is None and cnp.ndarray.__bases__ == (object,)
    elif mode == "1":
        assert _accel.speedups is not None and cnp.ndarray.__bases__ == (_accel.base,)
    else:
        assert cnp.ndarray.__bases__ == (_accel.base,)
