"""Regression tests for issue 18 (faults found by adversarial probing): each bad call must raise
NumPy's exception type and message (or give NumPy's result), on both backends, and never hang,
crash or return a plausible wrong answer."""
import numpy as np
import pytest

import cnumpy as cnp
from cnp_helpers import check, same_error

BIG = 2**64


# -- finding 2: one array as both arguments ---------------------------------------------------------
def test_lstsq_same_1d_array_twice():
    def fn(xp):
        e = xp.ones(3)
        return xp.linalg.lstsq(e, e, rcond=None)
    same_error(fn)
