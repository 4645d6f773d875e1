"""Locating libcnumpy and checking that it speaks the ABI the header describes."""
import ctypes.util
import os

from . import _header, _installed


def candidates():
    """Library paths to try, best first, as (path, explicit). An explicit path (from
    CNUMPY_LIBRARY) is the only candidate: loading something else instead would hide the
    mistake."""
    env = os.environ.get("CNUMPY_LIBRARY")
    if env:
        return [(env, True)]
    out = []
    intree = os.path.join(_header.REPO_ROOT, "build", "libcnumpy.so")
    if os.path.exists(intree):
        out.append((intree, False))
    if _installed.LIBRARY:
        out.append((_installed.LIBRARY, False))
    found = ctypes.util.find_library("cnumpy")
    if found:
        out.append((found, False))
    out.append(("libcnumpy.so.%d" % _header.abi_version(), False))   # the SONAME
    return out


def open_library(dlopen):
    """dlopen(path) -> library object, tried on each candidate; returns (lib, path)."""
    errors = []
    for path, explicit in candidates():
        try:
            return dlopen(path), path
        except OSError as e:
            if explicit:
                raise ImportError("cnumpy: cannot load CNUMPY_LIBRARY=%r: %s" % (path, e)) from None
            errors.append("%s: %s" % (path, e))
    raise ImportError("cnumpy: cannot find libcnumpy.so.%d, the C library this package wraps "
                      "(install it: the libcnumpy%d package, or `cmake --install` of a build; "
                      "or set CNUMPY_LIBRARY to its path); tried %s"
                      % (_header.abi_version(), _header.abi_version(), "; ".join(errors)))


def check_abi(found, path):
    expected = _header.abi_version()
    if found != expected:
        raise ImportError("cnumpy: %s has ABI version %d but the header (CNP_ABI_VERSION) says %d"
                          % (path, found, expected))
