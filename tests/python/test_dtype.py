"""dtype objects, spellings, scalar types, can_cast / promote_types / result_type."""
import itertools

import numpy as np
import pytest

import cnumpy as cnp
from cnp_helpers import ALL_DTYPES, CASTINGS, check, check_error

SPELLINGS = [
    # names
    "bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
    "float16", "float32", "float64", "complex64", "complex128",
    # Python-ish names and C names
    "int", "float", "complex", "bool_", "byte", "ubyte", "short", "ushort", "intc", "uintc",
    "int_", "uint", "longlong", "ulonglong", "intp", "uintp", "half", "single", "double",
    "csingle", "cdouble",
    # type characters
    "?", "b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "p", "P", "e", "f", "d", "F", "D",
    # kind + size, with and without byte order
    "b1", "i1", "u1", "i2", "u2", "i4", "u4", "i8", "u8", "f2", "f4", "f8", "c8", "c16",
    "<f4", "<i4", "<u8", "<c16", "<f2", "<c8", "=f8", "=i2", "|b1", "|u1", "|i1",
]


@pytest.mark.parametrize("spec", SPELLINGS)
def test_dtype_from_string(spec):
    check(lambda xp: xp.dtype(spec))


@pytest.mark.parametrize("pytype", [bool, int, float, complex])
def test_dtype_from_python_type(pytype):
    check(lambda xp: xp.dtype(pytype))


@pytest.mark.parametrize("name", ALL_DTYPES)
def test_dtype_from_scalar_type(name):
    scalar_name = "bool_" if name == "bool" else name
    check(lambda xp: xp.dtype(getattr(xp, scalar_name)))


@pytest.mark.parametrize("name", ALL_DTYPES)
def test_dtype_from_numpy_dtype_and_type(name):
    assert cnp.dtype(np.dtype(name)) == name
    assert cnp.dtype(np.dtype(name)).name == name
    scalar_name = "bool_" if name == "bool" else name
    assert cnp.dtype(getattr(np, scalar_name)) == name


@pytest.mark.parametrize("name", ALL_DTYPES)
def test_dtype_from_dtype_is_equal(name):
    check(lambda xp: xp.dtype(xp.dtype(name)))


def test_dtype_none_is_float64():
    check(lambda xp: xp.dtype(None))


@pytest.mark.parametrize("bad", ["xyz", "f3", "i3", "int7", "", "float31", "u16", "c4", "b2"])
def test_dtype_not_understood(bad):
    check_error(lambda xp: xp.dtype(bad))


def test_dtype_xyz_message():
    with pytest.raises(TypeError) as info:
        cnp.dtype("xyz")
    assert str(info.value) == "data type 'xyz' not understood"


@pytest.mark.parametrize("name", ALL_DTYPES)
def test_dtype_attributes(name):
    e = np.dtype(name)
    g = cnp.dtype(name)
    assert g.name == e.name
    assert g.kind == e.kind
    assert g.char == e.char
    assert g.itemsize == e.itemsize
    assert type(g.itemsize) is int
    assert g.str == e.str
    assert str(g) == str(e)
    assert repr(g) == repr(e)


@pytest.mark.parametrize("name", ALL_DTYPES)
def test_dtype_alignment(name):
    assert cnp.dtype(name).alignment == np.dtype(name).alignment


@pytest.mark.parametrize("name", ALL_DTYPES)
def test_dtype_type_attribute(name):
    scalar_name = "bool_" if name == "bool" else name
    assert cnp.dtype(name).type is getattr(cnp, scalar_name)


def test_dtype_repr_float64():
    assert repr(cnp.dtype("float64")) == "dtype('float64')"
    assert repr(cnp.dtype("?")) == "dtype('bool')"


def test_dtype_equality_spellings():
    f4 = cnp.dtype("f4")
    assert f4 == "float32"
    assert f4 == cnp.float32
    assert f4 == cnp.dtype("float32")
    assert f4 == cnp.dtype("<f4")
    assert f4 == "f"
    assert not (f4 != "float32")
    assert f4 != "float64"
    assert f4 != cnp.float64
    assert f4 != cnp.dtype("int32")
    assert not (f4 == "xyz")  # numpy: comparing with an invalid spelling is simply False
    assert cnp.dtype("int") == cnp.int64
    assert cnp.dtype(float) == "float64"
    assert cnp.dtype(bool) == cnp.bool_
    assert cnp.dtype(complex) == cnp.complex128


def test_dtype_hash_consistent_with_equality():
    assert hash(cnp.dtype("f4")) == hash(cnp.dtype("float32"))
    assert hash(cnp.dtype("i8")) == hash(cnp.dtype(int))
    d = {cnp.dtype("f8"): 1}
    assert d[cnp.dtype("d")] == 1


@pytest.mark.parametrize("alias", [
    "bool_", "byte", "ubyte", "short", "ushort", "intc", "uintc", "int_", "uint", "longlong",
    "ulonglong", "intp", "uintp", "half", "single", "double", "csingle", "cdouble",
    "float_", "complex_",
])
def test_scalar_type_aliases(alias):
    if not hasattr(np, alias):
        pytest.skip("alias %s not in the reference numpy" % alias)
    assert hasattr(cnp, alias), "cnumpy lacks numpy alias %s" % alias
    assert cnp.dtype(getattr(cnp, alias)) == np.dtype(getattr(np, alias)).name


@pytest.mark.parametrize("name", ALL_DTYPES)
def test_scalar_types_exist(name):
    scalar_name = "bool_" if name == "bool" else name
    t = getattr(cnp, scalar_name)
    assert isinstance(t, type)
    assert cnp.dtype(t).name == name


def test_newaxis_is_none():
    assert cnp.newaxis is None


def test_exception_classes():
    assert issubclass(cnp.AxisError, ValueError)
    assert issubclass(cnp.AxisError, IndexError)
    assert issubclass(cnp.ComplexWarning, Warning)
    assert cnp.AxisError.__name__ == "AxisError"
    assert cnp.ComplexWarning.__name__ == "ComplexWarning"


def test_version_string():
    v = cnp.__version__
    assert isinstance(v, str)
    parts = v.split(".")
    assert len(parts) >= 3 and all(p.isdigit() for p in parts[:3]), v


# --------------------------------------------------------------------------------------------
# can_cast, promote_types, result_type over all pairs


PAIRS = list(itertools.product(ALL_DTYPES, ALL_DTYPES))


@pytest.mark.parametrize("src,dst", PAIRS)
def test_can_cast_all_rules(src, dst):
    expected = {c: bool(np.can_cast(np.dtype(src), np.dtype(dst), c)) for c in CASTINGS}
    got = {c: cnp.can_cast(cnp.dtype(src), cnp.dtype(dst), c) for c in CASTINGS}
    for c in CASTINGS:
        assert type(got[c]) is bool, "can_cast must return a bool, got %r" % (got[c],)
    assert got == expected
    # default rule is 'safe'; strings and scalar types are accepted too
    assert cnp.can_cast(src, dst) == expected["safe"]
    assert cnp.can_cast(cnp.dtype(src), dst, casting="same_kind") == expected["same_kind"]


@pytest.mark.parametrize("name", ALL_DTYPES)
def test_can_cast_scalar_types(name):
    scalar_name = "bool_" if name == "bool" else name
    for dst in ALL_DTYPES:
        dst_scalar = "bool_" if dst == "bool" else dst
        assert cnp.can_cast(getattr(cnp, scalar_name), getattr(cnp, dst_scalar)) == \
            np.can_cast(getattr(np, scalar_name), getattr(np, dst_scalar))


def test_can_cast_bad_casting():
    check_error(lambda xp: xp.can_cast(xp.dtype("f8"), xp.dtype("i4"), "bogus"))


@pytest.mark.parametrize("a,b", PAIRS)
def test_promote_types_all_pairs(a, b):
    check(lambda xp: xp.promote_types(xp.dtype(a), xp.dtype(b)))
    check(lambda xp: xp.promote_types(a, b))


@pytest.mark.parametrize("a,b", PAIRS)
def test_result_type_pairs(a, b):
    check(lambda xp: xp.result_type(xp.dtype(a), xp.dtype(b)))


@pytest.mark.parametrize("a", ALL_DTYPES)
def test_result_type_triples(a):
    for b, c in [("int8", "uint8"), ("uint64", "int64"), ("float16", "int16"),
                 ("complex64", "float64"), ("bool", "bool"), ("uint32", "float32")]:
        check(lambda xp: xp.result_type(xp.dtype(a), xp.dtype(b), xp.dtype(c)))
        check(lambda xp: xp.result_type(a, b, c))


@pytest.mark.parametrize("a,b", [("int8", "uint8"), ("float32", "int64"), ("bool", "float16"),
                                 ("complex64", "float64"), ("uint64", "int8"), ("int32", "int32")])
def test_result_type_with_arrays(a, b):
    # arrays of ndim >= 1 (no value-based casting in any NumPy version)
    check(lambda xp: xp.result_type(xp.zeros(3, dtype=a), xp.zeros((2, 1), dtype=b)))
    check(lambda xp: xp.result_type(xp.ones(2, dtype=a), b))


def test_result_type_single():
    for name in ALL_DTYPES:
        check(lambda xp: xp.result_type(name))


def test_result_type_requires_argument():
    check_error(lambda xp: xp.result_type())
