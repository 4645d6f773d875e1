"""pytest configuration for the cnumpy Python test-suite.

* Puts the in-tree package (``<repo>/bindings/python``) first on ``sys.path`` unless the
  environment variable ``CNUMPY_NO_INTREE`` is set (then an installed ``cnumpy`` is tested).
* The backend is chosen by the package itself from ``CNUMPY_BACKEND`` (``ctypes`` by default,
  ``cffi``); CTest runs this suite once per backend.
* Registers a small, deterministic hypothesis profile (when hypothesis is installed).
"""
import os
import sys

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
