"""The package loads with the backend CNUMPY_BACKEND asks for and exposes NumPy's names."""
import os

import pytest

import cnumpy as cnp

PUBLIC_NAMES = [
    "empty", "zeros", "ones", "full", "empty_like", "zeros_like", "ones_like", "full_like",
    "arange", "linspace", "logspace", "geomspace", "eye", "identity", "copy", "array", "asarray",
    "ascontiguousarray", "frombuffer", "reshape", "ravel", "transpose", "shape", "ndim", "size",
    "can_cast", "promote_types", "result_type", "copyto", "may_share_memory", "dtype",
    "newaxis", "AxisError", "ComplexWarning", "__version__", "ndarray",
    "bool_", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
    "float16", "float32", "float64", "complex64", "complex128",
]


def test_active_backend_matches_environment():
    wanted = os.environ.get("CNUMPY_BACKEND", "ctypes").strip().lower() or "ctypes"
    backend = cnp._backend
    assert backend.NAME == wanted


def test_backend_is_a_known_one():
    assert cnp._backend.NAME in ("ctypes", "cffi")


@pytest.mark.parametrize("name", PUBLIC_NAMES)
def test_public_name_exists(name):
    assert hasattr(cnp, name), "cnumpy.%s is missing" % name


def test_ndarray_is_a_class():
    assert isinstance(cnp.ndarray, type)
    assert isinstance(cnp.zeros(2), cnp.ndarray)
