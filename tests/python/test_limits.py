"""finfo/iinfo, dtype.num and the printing/hashing/interface behaviour of cnumpy scalars,
against NumPy."""
import numpy as np
import pytest

import cnumpy as cnp
from cnp_helpers import ALL_DTYPES, FLOATS, COMPLEXES, INTS

FINFO_ATTRS = ["bits", "eps", "epsneg", "max", "min", "tiny", "smallest_normal",
               "smallest_subnormal", "resolution", "precision", "iexp", "machep", "negep", "nexp",
               "nmant", "maxexp", "minexp"]


@pytest.mark.parametrize("t", FLOATS + COMPLEXES)
def test_finfo(t):
    a, b = np.finfo(t), cnp.finfo(t)
    for k in FINFO_ATTRS:
        x, y = getattr(a, k), getattr(b, k)
        assert repr(x) == repr(y), k
        assert type(x).__name__ == type(y).__name__, k
    assert str(a) == str(b)
    assert repr(a) == repr(b)
    assert a.dtype.name == b.dtype.name
    assert cnp.finfo(getattr(cnp, t)) is b       # cached, like NumPy's
    assert cnp.finfo(cnp.dtype(t)) is b


def test_finfo_from_values_and_errors():
    assert cnp.finfo(1.0).dtype.name == np.finfo(1.0).dtype.name
    assert cnp.finfo(1j).dtype.name == np.finfo(1j).dtype.name
    assert cnp.finfo(cnp.float32(1)).dtype.name == "float32"
    for t in ("int32", "bool"):
        with pytest.raises(ValueError, match="not inexact"):
            np.finfo(t)
        with pytest.raises(ValueError, match="not inexact"):
            cnp.finfo(t)


@pytest.mark.parametrize("t", INTS)
def test_iinfo(t):
    a, b = np.iinfo(t), cnp.iinfo(t)
    assert (a.min, a.max, a.bits, a.kind, a.key) == (b.min, b.max, b.bits, b.kind, b.key)
    assert type(b.min) is int and type(b.max) is int
    assert str(a) == str(b)
    assert repr(a) == repr(b)
    assert cnp.iinfo(getattr(cnp, t)(1)).max == a.max


def test_iinfo_errors():
    for t in ("float32", "complex64", "bool"):
        with pytest.raises(ValueError) as e1:
            np.iinfo(t)
        with pytest.raises(ValueError) as e2:
            cnp.iinfo(t)
        assert str(e1.value) == str(e2.value)


@pytest.mark.parametrize("t", ALL_DTYPES)
def test_dtype_attributes(t):
    a, b = np.dtype(t), cnp.dtype(t)
    for k in ("name", "kind", "char", "itemsize", "str", "byteorder", "num", "alignment"):
        assert getattr(a, k) == getattr(b, k), k
    assert repr(a) == repr(b) and str(a) == str(b)
    assert b == t and b == a.str and b == a.char and b == getattr(cnp, t if t != "bool" else "bool_")
    assert not (b != t)


SCALAR_VALUES = [0, 1, -1, 0.1, 1.5, -2.25, 1e-5, 1e20, 65504.0, float("nan"), float("inf"),
                 -0.0, 3 + 4j, -0.5j, 123456789]


@pytest.mark.parametrize("t", ALL_DTYPES)
def test_scalar_str_hash_interface(t):
    for v in SCALAR_VALUES:
        if t not in COMPLEXES and isinstance(v, complex):
            continue
        with np.errstate(all="ignore"):
            try:
                n = np.array(v).astype(t)[()]
            except (OverflowError, ValueError):
                continue
        c = cnp.asarray(np.asarray(n))[()]
        assert type(c).__name__ == type(n).__name__
        assert str(c) == str(n)
        assert repr(c) == repr(n)           # NumPy 1.24's scalar repr (see docs/print.md)
        if n == n:
            assert hash(c) == hash(n)
        ai = c.__array_interface__
        assert ai["typestr"] == np.asarray(n).__array_interface__["typestr"] and ai["shape"] == ()


def test_bool_of_arrays():
    for shape in [(2,), (2, 2)]:
        with pytest.raises(ValueError) as e1:
            bool(np.ones(shape))
        with pytest.raises(ValueError) as e2:
            bool(cnp.ones(shape))
        assert str(e1.value) == str(e2.value)
    assert bool(cnp.ones((1, 1))) is True and bool(cnp.zeros(())) is False
