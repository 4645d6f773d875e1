"""Finding the public C header and extracting its declaration blocks.

The header is the single source of truth for prototypes and constants: both backends read it at
import time instead of keeping a second, hand-written list that could drift from the library.
"""
import os
import re

_PKG_DIR = os.path.dirname(os.path.abspath(__file__))
# bindings/python/cnumpy -> repository root (only meaningful for an in-tree checkout).
REPO_ROOT = os.path.normpath(os.path.join(_PKG_DIR, "..", "..", ".."))

_BEGIN = "/* CNP_DECLS_BEGIN */"
_END = "/* CNP_DECLS_END */"
_COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)
_INCLUDE = re.compile(r'#\s*include\s*"cnumpy/([\w.]+)"')
_ABI = re.compile(r"#\s*define\s+CNP_ABI_VERSION\s+(\d+)")


def _candidates():
    env = os.environ.get("CNUMPY_INCLUDE_DIR")
    if env:
        # An explicit choice is not second-guessed: if it is wrong, say so instead of silently
        # reading some other copy of the header.
        return [env]
    return [os.path.join(REPO_ROOT, "include"),
            os.path.join(_PKG_DIR, "include"),   # headers installed next to the package
            "/usr/local/include", "/usr/include"]


def include_dir():
    """The directory holding cnumpy/core.h (the first candidate that has it)."""
    tried = _candidates()
    for d in tried:
        if os.path.isfile(os.path.join(d, "cnumpy", "core.h")):
            return d
    raise ImportError("cnumpy: cannot find the C headers (cnumpy/core.h) in any of %s; "
                      "set CNUMPY_INCLUDE_DIR" % ", ".join(tried))


def _header_order(hdir):
    """Headers in dependency order: the umbrella header cnumpy.h includes them in that order;
    any other header with a declaration block follows, sorted by name."""
    names = []
    umbrella = os.path.join(hdir, "cnumpy.h")
    if os.path.isfile(umbrella):
        with open(umbrella, encoding="utf-8") as f:
            names = _INCLUDE.findall(f.read())
    if "core.h" not in names:
        names.insert(0, "core.h")
    rest = sorted(n for n in os.listdir(hdir) if n.endswith(".h") and n not in names)
    return names + rest


def strip(text):
    """Removes comments and the CNP_API export token, leaving plain C declarations."""
    text = _COMMENT.sub(" ", text)
    return re.sub(r"\bCNP_API\b", " ", text)


def declarations(root=None):
    """The comment-free text of every CNP_DECLS block, in dependency order."""
    hdir = os.path.join(root or include_dir(), "cnumpy")
    blocks = []
    for name in _header_order(hdir):
        path = os.path.join(hdir, name)
        if not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        start = text.find(_BEGIN)
        if start < 0:
            continue
        end = text.find(_END, start)
        if end < 0:
            raise ImportError("cnumpy: %s has %s without %s" % (path, _BEGIN, _END))
        blocks.append(strip(text[start + len(_BEGIN):end]))
    if not blocks:
        raise ImportError("cnumpy: no declaration block found in %s" % hdir)
    return "\n".join(blocks)


def abi_version(root=None):
    """CNP_ABI_VERSION from cnumpy/export.h."""
    path = os.path.join(root or include_dir(), "cnumpy", "export.h")
    try:
        with open(path, encoding="utf-8") as f:
            m = _ABI.search(f.read())
    except OSError as e:
        raise ImportError("cnumpy: cannot read %s: %s" % (path, e)) from None
    if not m:
        raise ImportError("cnumpy: no CNP_ABI_VERSION in %s" % path)
    return int(m.group(1))
