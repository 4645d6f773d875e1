"""The ufunc objects, one per ufunc the library declares (src/ufunc/declarations.hpp): NumPy's
names, arities, identities and one-line summaries are read from the library through
cnp_ufunc_count/cnp_ufunc_info_at, and NumPy's aliases are the same object under another name."""
from . import _backend
from ._capi import call, cfunc, produce_string
from ._scalars import py_from_cscalar
from ._ufunc import ufunc


def _declared():
    """(name, alias_of, nin, nout, identity, summary) of every entry of the library's table."""
    info_at, string = cfunc("cnp_ufunc_info_at"), _backend.string
    rows = []
    for i in range(cfunc("cnp_ufunc_count")()):
        info = _backend.new_ufunc_info()
        call(info_at, i, info)
        identity = py_from_cscalar(info.identity) if info.has_identity else None
        rows.append((string(info.name), string(info.alias_of) or None, info.nin, info.nout, identity,
                     string(info.summary)))
    return rows


def _numpy_types(index):
    """numpy.<ufunc>.types from the library's loops (cnp_ufunc_types_at): NumPy has separate
    'q'/'Q' (long long) loops running the same int64/uint64 kernels as 'l'/'L', listed right
    after the 'L' loop, so each loop with only int64 (or only uint64) inputs gets that twin."""
    loops = produce_string(cfunc("cnp_ufunc_types_at"), index).split()
    out, pending = [], []
    for i, loop in enumerate(loops):
        out.append(loop)
        ins = set(loop.split("->")[0])
        if ins == {"l"} or ins == {"L"}:
            pending.append(loop)
            nxt = loops[i + 1] if i + 1 < len(loops) else ""
            if ins == {"l"} and set(nxt.split("->")[0]) == {"L"}:
                continue
            out.extend(p.replace("l", "q").replace("L", "Q") for p in pending)
            pending = []
    return out


UFUNCS = {}
ALIASES = {}            # NumPy's aliases: alias name -> the ufunc's name
for _i, (_name, _alias_of, _nin, _nout, _identity, _summary) in enumerate(_declared()):
    if _alias_of:
        ALIASES[_name] = _alias_of
        UFUNCS[_name] = UFUNCS[_alias_of]
    else:
        UFUNCS[_name] = ufunc(_name, _nin, _nout, _identity, _summary)
        UFUNCS[_name].types = _numpy_types(_i)
        UFUNCS[_name].ntypes = len(UFUNCS[_name].types)
del _i, _name, _alias_of, _nin, _nout, _identity, _summary
