"""The ufunc objects, one per ufunc the library declares (src/ufunc/declarations.hpp): NumPy's
names, arities, identities and one-line summaries are read from the library through
cnp_ufunc_count/cnp_ufunc_info_at, and NumPy's aliases are the same object under another name."""
from . import _backend
from ._capi import call, cfunc
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


UFUNCS = {}
ALIASES = {}            # NumPy's aliases: alias name -> the ufunc's name
for _name, _alias_of, _nin, _nout, _identity, _summary in _declared():
    if _alias_of:
        ALIASES[_name] = _alias_of
        UFUNCS[_name] = UFUNCS[_alias_of]
    else:
        UFUNCS[_name] = ufunc(_name, _nin, _nout, _identity, _summary)
del _name, _alias_of, _nin, _nout, _identity, _summary
