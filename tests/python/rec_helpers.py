"""Comparing structured and record arrays of cnumpy with NumPy's (test_rec, test_recfunctions):
dtype (as NumPy's repr, record types unwrapped), shape, type (recarray or ndarray), values
(tolist) and the bytes of every field; errors by type and message."""
import re

import numpy as np
import pytest

import cnumpy as cnp


def dtype_text(dt):
    """NumPy's repr of dt without the numpy.record wrapper that recarrays carry."""
    text = repr(dt)
    m = re.fullmatch(r"dtype\(\(numpy\.record, (.*)\)\)", text, re.S)
    return "dtype(%s)" % m.group(1) if m else text


def kind_of(x, mod):
    """'recarray', 'ndarray', 'record', 'void' or the Python type's name."""
    if isinstance(x, mod.dtype):
        return "dtype"
    if hasattr(x, "keys"):
        return "mapping"
    if isinstance(x, mod.recarray):
        return "recarray"
    if isinstance(x, mod.ndarray):
        return "ndarray"
    rec = np.record if mod is np else cnp.rec.record
    if isinstance(x, rec):
        return "record"
    if isinstance(x, mod.void):
        return "void"
    return type(x).__name__


def plain(x):
    """Values of tolist() with the arrays NumPy 1.24 leaves for subarray fields of records made
    lists too (on both sides), so that reprs compare."""
    if isinstance(x, (list, tuple)):
        return type(x)(plain(y) for y in x)
    if hasattr(x, "tolist") and hasattr(x, "shape") and not isinstance(x, (np.generic,)):
        return plain(x.tolist())
    return x


def same(got, exp, what="result"):
    """got (cnumpy) matches exp (NumPy) in kind, dtype, shape, values and bytes."""
    assert kind_of(got, cnp) == kind_of(exp, np), "%s: %s != numpy's %s" % (
        what, kind_of(got, cnp), kind_of(exp, np))
    if isinstance(exp, np.ndarray):
        assert dtype_text(got.dtype) == dtype_text(exp.dtype), what
        assert got.shape == exp.shape, what
        assert repr(plain(got.tolist())) == repr(plain(exp.tolist())), "%s: %r != %r" % (
            what, got.tolist(), exp.tolist())
        if exp.dtype.names is None:
            assert np.asarray(got).tobytes() == np.ascontiguousarray(exp).tobytes(), what
        else:
            for name in exp.dtype.names:
                same(cnp.ndarray.__getitem__(got, name).view(cnp.ndarray),
                     np.ndarray.__getitem__(exp, name).view(np.ndarray), what + "." + name)
    elif isinstance(exp, np.void):
        assert got.tolist() == exp.tolist() if hasattr(exp, "tolist") else got.item() == exp.item()
        assert repr(got) == repr(exp)
    elif isinstance(exp, np.generic):
        assert got == exp and str(got.dtype) == str(exp.dtype), what
    elif isinstance(exp, (tuple, list)):
        assert type(got) is type(exp) and len(got) == len(exp), what
        for i, (g, e) in enumerate(zip(got, exp)):
            same(g, e, "%s[%d]" % (what, i))
    elif hasattr(exp, "keys"):
        assert got.keys() == exp.keys(), what
        for k in exp:
            same(got[k], exp[k], "%s[%r]" % (what, k))
    elif isinstance(exp, np.dtype):
        assert dtype_text(got) == dtype_text(exp), what
    else:
        assert type(got) is type(exp) and got == exp, "%s: %r != %r" % (what, got, exp)


def outcome(fn, mod):
    try:
        return fn(mod), None
    except Exception as e:      # noqa: BLE001 - compared with NumPy's below
        return None, e


def check(fn, compare=same, run=outcome):
    """fn(numpy) and fn(cnumpy) agree: same result (by compare), or the same exception type and
    message (run(fn, module) gives (result, exception))."""
    exp, eerr = run(fn, np)
    got, gerr = run(fn, cnp)
    if eerr is not None:
        assert gerr is not None, "numpy raised %r, cnumpy returned %r" % (eerr, got)
        assert type(gerr).__name__ == type(eerr).__name__ and str(gerr) == str(eerr), \
            "cnumpy raised %r, numpy %r" % (gerr, eerr)
        return
    if gerr is not None:
        raise AssertionError("cnumpy raised %r; numpy returned %r" % (gerr, exp)) from gerr
    compare(got, exp)
    return exp, got


def check_error(fn):
    """Like check, the NumPy side must raise."""
    exp, eerr = outcome(fn, np)
    if eerr is None:
        pytest.fail("test bug: numpy returned %r" % (exp,))
    check(fn)
