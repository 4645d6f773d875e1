"""numpy.info and numpy.show_config: short descriptions of objects and of this build.

info() prints what NumPy 1.24's prints (the same fields for an array; signature and docstring for
functions and classes; a search of the package's namespaces for a name). show_config() describes
cnumpy's own build instead of NumPy's distutils sections: the library, its version and ABI, the
Python backend, the numeric libraries loaded with it and the CPU's vector extensions.
"""
import inspect
import os
import pydoc
import sys

from . import _backend
from ._ndarray import ndarray

_NAMESPACES = ("cnumpy", "cnumpy.linalg", "cnumpy.fft", "cnumpy.audio")


def _signature_line(name, obj, maxwidth):
    try:
        arguments = str(inspect.signature(obj))
    except (TypeError, ValueError):
        arguments = "()"
    if len(name + arguments) <= maxwidth:
        return name + arguments
    # NumPy wraps at ", " once the running width passes maxwidth; a continued line starts under
    # the parenthesis and counts the name's width plus one.
    out, width = name, len(name)
    for i, argument in enumerate(arguments.split(", ")):
        sep = ", " if i else ""
        width += len(argument) + len(sep)
        if width > maxwidth:
            width = len(name) + 1 + len(argument)
            out += ",\n" + " " * (len(name) + 2) + argument
        else:
            out += sep + argument
    return out


def _array_info(a, output):
    print("class: ", type(a).__name__, file=output)
    print("shape: ", a.shape, file=output)
    print("strides: ", a.strides, file=output)
    print("itemsize: ", a.itemsize, file=output)
    print("aligned: ", a.flags.aligned, file=output)
    print("contiguous: ", a.flags.contiguous, file=output)
    print("fortran: ", a.flags.fortran, file=output)
    print("data pointer: %s" % hex(a.__array_interface__["data"][0]), file=output)
    order = a.dtype.byteorder
    where = {"|": sys.byteorder, "=": sys.byteorder, ">": "big"}.get(order, "little")
    print("byteorder: ", end=" ", file=output)
    print(where, file=output)
    print("byteswap: ", where != sys.byteorder, file=output)
    print("type: %s" % a.dtype, file=output)


def _lookup(name, maxwidth, output):
    found, seen = 0, []
    for modname in _NAMESPACES:
        module = sys.modules.get(modname)
        if module is None or not hasattr(module, name):
            continue
        obj = getattr(module, name)
        found += 1
        if any(obj is s for s in seen):
            print("\n     *** Repeat reference found in %s *** " % modname, file=output)
            continue
        seen.append(obj)
        print("     *** Found in %s ***" % modname, file=output)
        info(obj, maxwidth, output)
        print("-" * maxwidth, file=output)
    if found == 0:
        print("Help for %s not found." % name, file=output)
    else:
        print("\n     *** Total of %d references found. ***" % found, file=output)


def info(object=None, maxwidth=76, output=None, toplevel="cnumpy"):
    """Print a short description of object: an array's layout, a function's or class's signature
    and docstring, or, for a string, every object of that name in cnumpy's namespaces."""
    output = sys.stdout if output is None else output
    if object is None:
        info(info, maxwidth, output)
    elif isinstance(object, ndarray):
        _array_info(object, output)
    elif isinstance(object, str):
        _lookup(object, maxwidth, output)
    elif inspect.isfunction(object) or inspect.ismethod(object) or inspect.isclass(object):
        print(" " + _signature_line(object.__name__, object, maxwidth) + "\n", file=output)
        doc = inspect.getdoc(object)
        if doc is None and inspect.isclass(object):
            doc = inspect.getdoc(object.__init__)
        print(doc, file=output)
        if inspect.isclass(object):
            public = [m for m in pydoc.allmethods(object) if m[0] != "_"]
            if public:
                print("\n\nMethods:\n", file=output)
                for m in public:
                    summary, _ = pydoc.splitdoc(inspect.getdoc(getattr(object, m, None)) or "None")
                    print("  %s  --  %s" % (m, summary), file=output)
    elif hasattr(object, "__doc__"):
        print(inspect.getdoc(object), file=output)


def _loaded_libraries():
    """Shared objects mapped into this process whose names say what cnumpy computes with."""
    wanted = ("libcnumpy", "libopenblas", "liblapacke", "liblapack", "libblas", "libfftw3",
              "libsleef", "libgomp")
    found = set()
    try:
        with open("/proc/self/maps", encoding="utf-8") as f:
            for line in f:
                path = line.split()[-1]
                if path.startswith("/") and os.path.basename(path).startswith(wanted):
                    found.add(os.path.realpath(path))
    except OSError:
        pass
    return sorted(found)


def _cpu_extensions():
    names = ("sse2", "sse4_2", "avx", "avx2", "fma", "avx512f", "avx512dq", "avx512bw", "avx512vl")
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("flags"):
                    flags = set(line.split(":", 1)[1].split())
                    return [n.upper() for n in names if n in flags]
    except OSError:
        pass
    return []


def show_config():
    """Print how this cnumpy was built and what it runs with."""
    lib = _backend.lib
    print("cnumpy:")
    print("  version = %s" % _backend.string(lib.cnp_version_string()))
    print("  abi = %d" % lib.cnp_abi_version())
    print("  library = %s" % os.path.realpath(_backend.path))
    print("  backend = %s" % _backend.NAME)
    print("  threads = %d" % lib.cnp_get_num_threads())
    print("Libraries loaded:")
    for path in _loaded_libraries():
        print("  %s" % path)
    print("CPU vector extensions:")
    print("  found = %s" % (",".join(_cpu_extensions()) or "none detected"))
