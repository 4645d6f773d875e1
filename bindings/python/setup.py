"""The dynamic half of pyproject.toml: version from cnumpy/export.h, the public headers copied
into the package (the bindings read their prototypes from them at import time), and _speedups
built when possible, skipped (pure-Python package) when not."""
import os
import re
import shutil

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext
from setuptools.command.build_py import build_py

HERE = os.path.dirname(os.path.abspath(__file__))


def include_dir():
    """The folder holding cnumpy/core.h: $CNUMPY_INCLUDE_DIR, the checkout's, or the system's."""
    env = os.environ.get("CNUMPY_INCLUDE_DIR")
    candidates = [env] if env else [os.path.join(HERE, "..", "..", "include"),
                                    "/usr/local/include", "/usr/include"]
    for d in candidates:
        if os.path.isfile(os.path.join(d, "cnumpy", "core.h")):
            return os.path.normpath(d)
    raise SystemExit("cnumpy: cannot find cnumpy's C headers (cnumpy/core.h) in %s: install the "
                     "libcnumpy-dev package or set CNUMPY_INCLUDE_DIR" % ", ".join(candidates))


INCLUDE = include_dir()


def version():
    with open(os.path.join(INCLUDE, "cnumpy", "export.h"), encoding="utf-8") as f:
        text = f.read()
    parts = [re.search(r"#define CNP_VERSION_%s (\d+)" % p, text).group(1)
             for p in ("MAJOR", "MINOR", "PATCH")]
    return ".".join(parts)


class BuildPyWithHeaders(build_py):
    def run(self):
        super().run()
        dest = os.path.join(self.build_lib, "cnumpy", "include", "cnumpy")
        shutil.rmtree(dest, ignore_errors=True)
        shutil.copytree(os.path.join(INCLUDE, "cnumpy"), dest)


class OptionalBuildExt(build_ext):
    """_speedups is optional: a failed compile leaves the pure-Python package."""

    def run(self):
        try:
            super().run()
        except Exception as e:          # no compiler, no Python headers
            print("cnumpy: the optional _speedups extension was not built (%s)" % e)

    def build_extension(self, ext):
        try:
            super().build_extension(ext)
        except Exception as e:
            print("cnumpy: the optional _speedups extension was not built (%s)" % e)


setup(
    version=version(),
    cmdclass={"build_py": BuildPyWithHeaders, "build_ext": OptionalBuildExt},
    ext_modules=[Extension("cnumpy._speedups", ["cnumpy/_speedups.c"], include_dirs=[INCLUDE],
                           extra_compile_args=["-O2"], optional=True)],
)
