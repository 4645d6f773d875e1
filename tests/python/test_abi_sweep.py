"""Issue 18: every exported function, generated from the headers' declaration blocks (as the
export check is), called with extreme integer arguments (INT64_MIN, -2, -1, 0, 2**62, INT64_MAX,
one parameter at a time) on small valid arrays. Whatever the status, the call must return (no
crash, no hang), and the header's promises must hold: handle out-parameters are NULL after a
failure, and a failing call leaves its const array inputs unchanged.

Runs on the ctypes backend's library only (the C ABI is the same for both backends)."""
import ctypes
import re

import pytest

import cnumpy as cnp
from cnumpy import _backend, _header

pytestmark = pytest.mark.skipif(_backend.NAME != "ctypes", reason="one run of the C ABI sweep")

# Functions that change process-wide state or hand the library callbacks, whose extreme arguments
# are not a question of input validation.
SKIP = {"cnp_set_num_threads", "cnp_set_warning_handler", "cnp_set_printoptions", "cnp_set_errstate",
        "cnp_fft_import_wisdom", "cnp_array_wrap", "cnp_array_from_dlpack", "cnp_dlpack_free"}
# Out-parameters that are arrays of results (caller-sized) are not written at all on failure.
UNTOUCHED_ON_FAILURE = {"cnp_gradient"}
EXTREMES64 = [-2**63, -2, -1, 0, 2**62, 2**63 - 1]
EXTREMES32 = [-2**31, -2, -1, 0, 2**31 - 1]

_PARAM = re.compile(r"^(?P<const>const\s+)?(?P<base>\w+)\s*(?P<stars>(?:\*\s*(?:const\s*)?)*)(?P<name>\w+)?$")


def _prototypes():
    text = _header.declarations()  # the declaration blocks, comments and CNP_API removed
    for m in re.finditer(r"^\s*([\w\s\*]+?)\s*\b(cnp_\w+)\s*\(([^;]*?)\)\s*;", text, re.M):
        ret, name, params = m.group(1).strip(), m.group(2), m.group(3).strip()
        if params in ("", "void"):
            yield name, ret, []
            continue
        out = []
        for p in params.split(","):
            pm = _PARAM.match(" ".join(p.split()))
            if not pm:
                out = None
                break
            stars = pm.group("stars").replace(" ", "")
            out.append((bool(pm.group("const")), pm.group("base"), stars.count("*"), "const" in stars))
        if out is not None:
            yield name, ret, out


def _array(shape=(2, 3)):
    return cnp.arange(6.0).reshape(shape)


def _call(lib, name, params, int_at, value):
    """One call; returns (status, handle out cells, const inputs)."""
    args, outs, inputs, keep = [], [], [], []
    for i, (const, base, ptr, _) in enumerate(params):
        if ptr == 0 and base in ("int64_t", "int32_t"):
            args.append(value if i == int_at else (1 if base == "int64_t" else 0))
        elif ptr == 0 and base == "double":
            args.append(1.0)
        elif ptr == 0 and base == "cnp_status":
            args.append(0)
        elif base == "cnp_array" and ptr == 1:
            a = _array()
            keep.append(a)
            if const:
                inputs.append(a)
            args.append(a._h)
        elif base == "cnp_array" and ptr == 2 and not const:
            cell = (ctypes.c_void_p * 1)(0xD1)   # not NULL: failures must reset it
            outs.append(cell)
            args.append(cell)
        else:
            args.append(None)                    # any other pointer: NULL (means "not given")
    fn = getattr(lib, name)
    fn.restype = ctypes.c_int32
    fn.argtypes = None
    conv = []
    for (const, base, ptr, _), a in zip(params, args):
        if ptr == 0 and base == "double":
            conv.append(ctypes.c_double(a))
        elif ptr == 0 and base == "int64_t":
            conv.append(ctypes.c_int64(a))
        elif ptr == 0:
            conv.append(ctypes.c_int32(a))
        elif isinstance(a, int):
            conv.append(ctypes.c_void_p(a))
        else:
            conv.append(a)
    before = [x.tolist() for x in inputs]
    st = fn(*conv)
    return st, outs, inputs, before, keep


def _cases():
    for name, ret, params in _prototypes():
        if name in SKIP or ret != "cnp_status" or not params:
            continue
        ints = [i for i, (c, b, p, _) in enumerate(params) if p == 0 and b in ("int64_t", "int32_t")]
        if not ints:
            continue
        yield pytest.param(name, params, ints, id=name)


@pytest.mark.parametrize("name,params,ints", list(_cases()))
def test_extreme_integer_arguments(name, params, ints):
    lib = ctypes.CDLL(_backend.path)
    for i in ints:
        for v in (EXTREMES64 if params[i][1] == "int64_t" else EXTREMES32):
            st, outs, inputs, before, keep = _call(lib, name, params, i, v)
            if st == 0:
                for cell in outs:
                    if cell[0] and cell[0] != 0xD1:
                        _backend.lib.cnp_array_free(cell[0])
                continue
            what = "%s(param %d = %d) -> status %d (%s)" % (name, i, v, st,
                                                            _backend.string(_backend.lib.cnp_last_error()))
            assert st != _backend.consts["CNP_ERR_INTERNAL"], what
            for cell in outs:
                if name in UNTOUCHED_ON_FAILURE:
                    assert cell[0] == 0xD1, "out-parameter written by " + what
                else:
                    assert not cell[0], "out-parameter not NULL after " + what
            for a, b in zip(inputs, before):
                assert a.tolist() == b, "input changed by " + what
