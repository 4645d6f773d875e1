"""The audit datasets DS-ARRAY-1/2/3/4/7 through array(), reshape, transpose, slicing, astype,
tolist and copy, compared with NumPy."""
import math

import numpy as np
import pytest

from cnp_helpers import ALL_DTYPES, DATASETS, check, stable_cast_values

NAMES = list(DATASETS)


def _tolist_same(got, exp):
    if type(got) is not type(exp):
        return False
    if isinstance(exp, list):
        return len(got) == len(exp) and all(_tolist_same(g, e) for g, e in zip(got, exp))
    if isinstance(exp, complex):
        return _tolist_same(got.real, exp.real) and _tolist_same(got.imag, exp.imag)
    if isinstance(exp, float) and math.isnan(exp):
        return math.isnan(got)
    return got == exp


@pytest.mark.parametrize("name", NAMES)
def test_dataset_array(name):
    data = DATASETS[name]
    check(lambda xp: xp.array(data), strides=True)
    check(lambda xp: xp.asarray(data), strides=True)


@pytest.mark.parametrize("name", NAMES)
def test_dataset_tolist_roundtrip(name):
    data = DATASETS[name]
    exp, got = check(lambda xp: xp.array(data).tolist())
    assert _tolist_same(got, exp)
    if name != "DS-ARRAY-3":  # contains nan
        assert got == data


@pytest.mark.parametrize("name", NAMES)
def test_dataset_reshape_transpose(name):
    data = DATASETS[name]
    size = int(np.size(data))
    for shape in [(-1,), (size,), (1, size), (size, 1), (1, -1, 1)]:
        check(lambda xp: xp.array(data).reshape(shape), strides=True)
    if size % 2 == 0:
        check(lambda xp: xp.array(data).reshape(2, -1), strides=True)
        check(lambda xp: xp.array(data).reshape(2, -1).T, strides=True)
        check(lambda xp: xp.array(data).reshape((2, -1), order="F").T.ravel(), strides=True)
    if size % 3 == 0:
        check(lambda xp: xp.array(data).reshape(-1, 3).transpose(), strides=True)
        check(lambda xp: xp.array(data).reshape(3, -1).T.copy(), strides=True)
    check(lambda xp: xp.transpose(xp.array(data)), strides=True)
    check(lambda xp: xp.array(data).T.flatten(), strides=True)


@pytest.mark.parametrize("name", NAMES)
def test_dataset_slicing(name):
    data = DATASETS[name]
    for idx in [0, -1, slice(None, None, -1), slice(1, None, 2), slice(-3, None),
                slice(None, 2), slice(5, 1, -2), slice(10, 20), (Ellipsis, None), (None, 0)]:
        check(lambda xp: xp.array(data)[idx], strides=True)
    if np.ndim(data) == 2:
        for idx in [(1, 2), (slice(None), 1), (slice(None, None, -1), slice(None, None, -2)),
                    (Ellipsis, -1), (1, Ellipsis), (None, 1, slice(1, None))]:
            check(lambda xp: xp.array(data)[idx], strides=True)


@pytest.mark.parametrize("dtype", ALL_DTYPES)
@pytest.mark.parametrize("name", NAMES)
def test_dataset_astype(name, dtype):
    data = DATASETS[name]
    src = np.array(data).dtype
    if np.ndim(data) == 1:  # drop casts NumPy computes layout-dependently (nan -> uint32)
        data = stable_cast_values(data, src, dtype)
    check(lambda xp: xp.array(data).astype(dtype), strides=True)
    check(lambda xp: xp.array(data)[::-1].astype(dtype), strides=True)
    exp, got = check(lambda xp: xp.array(data).astype(dtype).tolist())
    assert _tolist_same(got, exp)


@pytest.mark.parametrize("name", NAMES)
def test_dataset_copy(name):
    data = DATASETS[name]
    check(lambda xp: xp.array(data).copy(), strides=True)
    check(lambda xp: xp.copy(xp.array(data)), strides=True)
    check(lambda xp: xp.array(data)[::-2].copy(), strides=True)

    def independent(xp):
        a = xp.array(data)
        b = a.copy()
        b[...] = 0
        return a, b
    check(independent)


@pytest.mark.parametrize("name", NAMES)
def test_dataset_scalars(name):
    data = DATASETS[name]
    flat = np.ravel(data).tolist()
    for i in range(len(flat)):
        idx = np.unravel_index(i, np.shape(data))
        idx = tuple(int(j) for j in idx)
        check(lambda xp: xp.array(data)[idx])
        check(lambda xp: xp.array(data)[idx].item())
