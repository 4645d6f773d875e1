"""pytest configuration for the cnumpy Python test-suite.

* Puts the in-tree package (``<repo>/bindings/python``) first on ``sys.path`` unless the
  environment variable ``CNUMPY_NO_INTREE`` is set (then an installed ``cnumpy`` is tested).
* The backend is chosen by the package itself from ``CNUMPY_BACKEND`` (``ctypes`` by default,
  ``cffi``); CTest runs this suite once per backend.
* Registers a small, deterministic hypothesis profile (when hypothesis is installed).
* Keeps the reference NumPy on the CPU features cnumpy uses: some of cnumpy's results follow what
  NumPy 1.24 computes on the same CPU (docs/ufunc.md, "Results that depend on the CPU": NumPy's
  AVX-512 loops on AVX-512 machines, its AVX2/baseline ones elsewhere). When ``CNUMPY_SIMD`` names
  a path below avx512 (as on an AVX-512 CI machine testing the AVX2 behaviour), NumPy is imported
  here with its AVX-512 dispatch targets disabled (``NPY_DISABLE_CPU_FEATURES``, unless already
  set), so both sides run the non-AVX-512 loops.
"""
import os
import sys
import warnings

# NumPy 1.24's dispatched AVX-512 features (numpy.core._multiarray_umath.__cpu_dispatch__ of
# Debian's build); NumPy warns about the ones this CPU lacks, which is expected here.
_NUMPY_AVX512 = "AVX512F AVX512CD AVX512_SKX AVX512_CLX AVX512_CNL AVX512_ICL"
if (os.environ.get("CNUMPY_SIMD", "") in ("avx2", "sse4", "sse2", "scalar", "none", "0")
        and "NPY_DISABLE_CPU_FEATURES" not in os.environ):
    os.environ["NPY_DISABLE_CPU_FEATURES"] = _NUMPY_AVX512
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        try:
            import numpy  # noqa: F401  (first import: reads NPY_DISABLE_CPU_FEATURES)
        except ImportError:  # pragma: no cover - reported by the tests themselves
            pass

_HERE = os.path.dirname(os.path.abspath(__file__))
_INTREE = os.path.normpath(os.path.join(_HERE, "..", "..", "bindings", "python"))

if not os.environ.get("CNUMPY_NO_INTREE"):
    if _INTREE not in sys.path:
        sys.path.insert(0, _INTREE)

if _HERE not in sys.path:  # so that test modules can `import cnp_helpers`
    sys.path.insert(0, _HERE)

try:
    from hypothesis import HealthCheck, settings

    settings.register_profile(
        "cnumpy",
        deadline=None,
        max_examples=40,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    settings.load_profile(os.environ.get("CNUMPY_HYPOTHESIS_PROFILE", "cnumpy"))
except ImportError:  # pragma: no cover - hypothesis is optional
    pass


def pytest_report_header(config):
    lines = []
    try:
        import cnumpy

        lines.append("cnumpy %s from %s" % (getattr(cnumpy, "__version__", "?"),
                                            os.path.dirname(cnumpy.__file__)))
        backend = _backend_name(cnumpy)
        lines.append("cnumpy backend: %s (CNUMPY_BACKEND=%r)"
                     % (backend, os.environ.get("CNUMPY_BACKEND")))
    except Exception as exc:  # pragma: no cover - reported by the tests themselves
        lines.append("cnumpy import failed: %r" % (exc,))
    try:
        import numpy

        lines.append("reference numpy %s" % numpy.__version__)
    except ImportError:  # pragma: no cover
        lines.append("reference numpy missing: run with /usr/bin/python3")
    return lines


def _backend_name(mod):
    b = getattr(mod, "_backend", None)
    for attr in ("NAME", "name", "BACKEND"):
        v = getattr(b, attr, None)
        if isinstance(v, str):
            return v
    return "?"
