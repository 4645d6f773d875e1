"""cnumpy.ma with record (structured) dtypes against numpy.ma 1.24: record masks (the mask
dtype of make_mask_descr), mvoid records, field access and assignment, filled and fill values
per field, getmask/getmaskarray/mask_or, repr/str/tolist, == and != of records, errors.
Cases ported from numpy/ma/tests/test_core.py (the structured, mvoid and record tests) and
added for nested, subarray, 0-d, empty and N-d records."""
import numpy as np
import pytest

import cnumpy as cnp
from ma_rec_helpers import check

DT = [("a", "i4"), ("b", [("c", "f8"), ("d", "U3")]), ("e", "i2", (2,))]
FLAT = [("i", "i8"), ("s", "S8"), ("f", "f8")]
NESTED = [("A", "i8"), ("B", [("BA", "i8"), ("BB", "i8")])]


def _x(xp, ma):
    x = ma.array([(1, (2.5, "xy"), [3, 4]), (5, (6.0, "z"), [7, 8]), (9, (1e30, ""), [1, 2])],
                 dtype=DT)
    x[1] = ma.masked
    x["b"]["c"][2] = ma.masked
    return x


def _f(xp, ma):
    return ma.array([(1, 2., "a"), (3, 4., "b")], dtype="i4,f4,S2",
                    mask=[(0, 1, 0), (1, 0, 1)])


def _nested(xp, ma):
    return ma.array([[(1, (1, 1)), (2, (2, 2))], [(3, (3, 3)), (4, (4, 4))]],
                    mask=[[(0, (1, 0)), (0, (0, 1))], [(1, (0, 0)), (1, (1, 1))]], dtype=NESTED)


def _ab(xp, ma, mask=((0, 1), (0, 0))):
    return ma.array([(1, 1), (2, 2)], mask=list(mask), dtype=[("A", "i8"), ("B", "i8")])


def _set(x, index, value):
    x[index] = value
    return x


def _setmask(x, mask):
    x.mask = mask
    return x


def _setfill(x, value):
    x.fill_value = value
    return x


EVERY_KIND = [("b", "?"), ("i1", "i1"), ("u2", "u2"), ("i8", "i8"), ("f2", "f2"), ("f4", "f4"),
              ("f8", "f8"), ("c8", "c8"), ("c16", "c16"), ("S3", "S3"), ("U2", "U2")]


CASES = {
    # construction and printing
    "nested_subarray": lambda xp, ma: ma.array(
        [(1, (2.5, "xy"), [3, 4]), (5, (6.0, "z"), [7, 8])], dtype=DT),
    "masked_record": _x,
    "str": lambda xp, ma: str(_x(xp, ma)),
    "flat_masks": _f,
    "str_flat": lambda xp, ma: str(_f(xp, ma)),
    "every_kind": lambda xp, ma: ma.array(
        xp.zeros(3, dtype=EVERY_KIND), mask=[tuple([i % 2] * 11) for i in range(3)]),
    "every_kind_partly": lambda xp, ma: ma.array(
        xp.ones(2, dtype=EVERY_KIND), mask=[tuple((i + j) % 2 for j in range(11))
                                            for i in range(2)]),
    "datetime_fields": lambda xp, ma: ma.array(xp.array(
        [("2020-01-02", 5, "2020-01-01T00:00:01")], dtype=[("d", "M8[D]"), ("t", "m8[s]"),
                                                          ("s", "M8[s]")]), mask=[(0, 1, 0)]),
    "datetime_tolist_filled": lambda xp, ma: (lambda m: (m.tolist(), m.filled()))(ma.array(
        xp.array([("2020-01-02", 5)], dtype=[("d", "M8[D]"), ("t", "m8[s]")]),
        mask=[(0, 1)])),
    "mask_all_true": lambda xp, ma: ma.array([(1, 2.)], dtype="i4,f4", mask=[(1, 1)]),
    "no_mask_2d": lambda xp, ma: ma.array(xp.zeros((2, 2), "i4,f4")),
    "empty": lambda xp, ma: ma.array(xp.zeros((0,), "i4,f4")),
    "empty_2d": lambda xp, ma: ma.array(xp.zeros((2, 0), "i4,f4")),
    "0d": lambda xp, ma: ma.array(xp.zeros((), "i4,f4")),
    "0d_masked": lambda xp, ma: ma.array(xp.zeros((), "i4,f4"), mask=(1, 0)),
    "0d_str": lambda xp, ma: str(ma.array(xp.zeros((), "i4,f4"), mask=(1, 0))),
    "mask_one_record": lambda xp, ma: ma.array(xp.zeros((2,), "i4,f4"), mask=(1, 0)),
    "mask_true": lambda xp, ma: ma.array(xp.zeros((2,), "i4,f4"), mask=True),
    "mask_false": lambda xp, ma: ma.array(xp.zeros((2,), "i4,f4"), mask=False),
    "mask_bools": lambda xp, ma: ma.array(xp.zeros((3,), "i4,f4"), mask=[1, 0, 1]),
    "mask_reshaped": lambda xp, ma: ma.array(xp.zeros((2, 2), "i4,f4"),
                                             mask=[(1, 0), (0, 0), (0, 1), (1, 1)]),
    "mask_bad_size": lambda xp, ma: ma.array(xp.zeros((3,), "i4,f4"), mask=[(1, 0), (0, 1)]),
    "nested_2d": _nested,
    "subarray_2d": lambda xp, ma: ma.masked_array(
        data=[([[1, 2], [3, 4]], 1)], mask=[([[False, True], [True, False]], False)],
        dtype=[("a", "<i4", (2, 2)), ("b", float)]),
    "one_field": lambda xp, ma: ma.array([(1,), (2,)], mask=[(1,), (0,)], dtype=[("a", "i4")]),
    "titles": lambda xp, ma: ma.array([(1, 2.)], mask=[(0, 1)],
                                      dtype=[(("T", "a"), "i4"), ("b", "f8")]),
    "fill_value_given": lambda xp, ma: ma.array(
        [(1, 2.)], dtype=[("a", "i8"), ("b", "f8")], fill_value=(-999, -1.5), mask=[(1, 0)]),
    "fill_value_scalar": lambda xp, ma: ma.array(
        [(1, b"a")], dtype=[("f", "f8"), ("s", "S3")], fill_value=999),
    "fill_value_cycled": lambda xp, ma: ma.array(xp.zeros(1, "i4,i4,i4"), fill_value=(1, 2)),
    "fill_value_bad": lambda xp, ma: ma.array(xp.zeros(1, "i4,i4"), fill_value=("x", 1)),
    "fill_value_array_bad": lambda xp, ma: ma.array(
        xp.zeros(1, "i4,i4"), fill_value=xp.zeros(1, "i4,i4,i4")),
    "from_masked": lambda xp, ma: ma.array(_f(xp, ma), mask=[(1, 0, 0), (0, 0, 0)]),
    "from_masked_drop": lambda xp, ma: ma.array(_f(xp, ma), mask=[(1, 0, 0), (0, 0, 0)],
                                                keep_mask=False),
    "masked_all": lambda xp, ma: ma.masked_all((2,), dtype=DT),
    "masked_all_2d": lambda xp, ma: ma.masked_all((2, 1), dtype="i4,f8"),
    # mask helpers
    "make_mask_descr": lambda xp, ma: ma.make_mask_descr(xp.dtype(DT)),
    "make_mask_descr_titles": lambda xp, ma: ma.make_mask_descr(
        xp.dtype([(("T", "a"), "i4"), ("b", [("c", "f4", (3,))])])),
    "make_mask_descr_plain": lambda xp, ma: ma.make_mask_descr(xp.dtype("f4")),
    "make_mask_descr_subarray": lambda xp, ma: ma.make_mask_descr(xp.dtype(("f4", (2, 3)))),
    "getmaskarray_plain_records": lambda xp, ma: ma.getmaskarray(xp.zeros(2, "i4,f4")),
    "getmaskarray_records": lambda xp, ma: ma.getmaskarray(_f(xp, ma)),
    "getmask_records": lambda xp, ma: ma.getmask(_nested(xp, ma)),
    "make_mask_none": lambda xp, ma: ma.make_mask_none((2,), dtype=DT),
    "make_mask_records": lambda xp, ma: ma.make_mask(
        xp.array([(1, 0), (0, 1)], dtype=[("man", "i8"), ("mouse", "i8")]),
        dtype=[("man", "i8"), ("mouse", "i8")]),
    "make_mask_fields_true": lambda xp, ma: ma.make_mask(xp.zeros(2, "i4,i4")),
    "mask_or": lambda xp, ma: ma.mask_or(xp.array([(0, 1), (1, 0)], dtype="?,?"),
                                         xp.array([(1, 0), (0, 0)], dtype="?,?")),
    "mask_or_nested": lambda xp, ma: ma.mask_or(ma.getmask(_nested(xp, ma)),
                                                ma.getmask(_nested(xp, ma))[::-1]),
    "mask_or_nomask": lambda xp, ma: ma.mask_or(ma.nomask, xp.array([(0, 1)], dtype="?,?")),
    "mask_or_bad": lambda xp, ma: ma.mask_or(xp.array([(0, 1)], dtype="?,?"),
                                             xp.array([1], dtype="?")),
    "flatten_mask": lambda xp, ma: ma.flatten_mask(ma.getmask(_nested(xp, ma))),
    "recordmask": lambda xp, ma: ma.array(
        [(1, 1), (2, 2), (3, 3), (4, 4), (5, 5)], mask=[(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)],
        dtype=[("a", int), ("b", int)]).recordmask,
    "recordmask_nested": lambda xp, ma: _nested(xp, ma).recordmask,
    # items and fields
    "record": lambda xp, ma: _x(xp, ma)[0],
    "record_masked": lambda xp, ma: _x(xp, ma)[1],
    "record_partly": lambda xp, ma: _x(xp, ma)[2],
    "record_str": lambda xp, ma: str(_x(xp, ma)[2]),
    "record_2d": lambda xp, ma: _nested(xp, ma)[1, 0],
    "record_0d": lambda xp, ma: ma.array(xp.zeros((), "i4,f4"), mask=(1, 0))[()],
    "record_field": lambda xp, ma: (_f(xp, ma)[0]["f0"], _f(xp, ma)[0][0], _f(xp, ma)[0][1]),
    "record_field_masked": lambda xp, ma: _f(xp, ma)[1]["f0"],
    "record_iter": lambda xp, ma: [list(_ab(xp, ma)[0]), list(_ab(xp, ma)[1])],
    "record_len": lambda xp, ma: len(_f(xp, ma)[0]),
    "record_tolist": lambda xp, ma: (_f(xp, ma)[0].tolist(), _f(xp, ma)[1].tolist()),
    "record_subarray_field": lambda xp, ma: ma.masked_array(
        data=[([0, 1],)], mask=[([True, False],)], dtype=[("A", "<i2", (2,))])[0]["A"],
    "record_subarray_str": lambda xp, ma: str(ma.masked_array(
        data=[([1, 2, 3],)], mask=[([False, True, False],)], fill_value=([999999] * 3,),
        dtype=[("a", "<i4", (3,))])[0]),
    "record_subarray_2d_str": lambda xp, ma: repr(ma.masked_array(
        data=[([[1, 2], [3, 4]],)], mask=[([[False, True], [True, False]],)],
        dtype=[("a", "<i4", (2, 2))])[0]),
    "record_filled": lambda xp, ma: (_f(xp, ma)[1].filled(), _f(xp, ma)[0].filled((7, 8, "z"))),
    "mvoid_new": lambda xp, ma: ma.mvoid((1, 2.), mask=(0, 1), dtype=[("a", int),
                                                                         ("b", float)]),
    "mvoid_filled": lambda xp, ma: (
        ma.mvoid((1, 2.), mask=[(0, 1)], dtype=[("a", int), ("b", float)]).filled().tolist(),
        (ma.mvoid((1, 2.), mask=[(0, 1)], dtype=[("a", int), ("b", float)])
              .filled((-1, -1)).tolist())),
    "field": lambda xp, ma: _x(xp, ma)["b"],
    "field_leaf": lambda xp, ma: _x(xp, ma)["b"]["c"],
    "field_subarray": lambda xp, ma: _x(xp, ma)["e"],
    "field_of_record_in_field": lambda xp, ma: _x(xp, ma)["b"][2],
    "field_2d": lambda xp, ma: _nested(xp, ma)["B"],
    "fields_multi": lambda xp, ma: _f(xp, ma)[["f0", "f2"]],
    "slice": lambda xp, ma: _x(xp, ma)[1:],
    "fancy": lambda xp, ma: _x(xp, ma)[[2, 0]],
    "boolean": lambda xp, ma: _f(xp, ma)[xp.array([False, True])],
    "no_field": lambda xp, ma: _f(xp, ma)["zz"],
    # assignment
    "set_masked_record": lambda xp, ma: _set(_f(xp, ma), 0, ma.masked),
    "set_masked_field": lambda xp, ma: _set(_f(xp, ma), "f1", ma.masked),
    "set_field_values": lambda xp, ma: _set(_f(xp, ma), "f0", [7, 8]),
    "set_record_tuple": lambda xp, ma: _set(_f(xp, ma), 1, (5, 6., "q")),
    "set_record_slice": lambda xp, ma: _set(_f(xp, ma), slice(None), (5, 6., "q")),
    "set_record_mvoid": lambda xp, ma: _set(_f(xp, ma), 0, _f(xp, ma)[1]),
    "set_masked_nested": lambda xp, ma: _set(_nested(xp, ma), (0, 1), ma.masked),
    "set_field_through_record": lambda xp, ma: (lambda x: (x[0].__setitem__("f1", 9.), x)[1])(
        _f(xp, ma)),
    "set_record_field_masked": lambda xp, ma: (lambda x: (x[0].__setitem__(
        "f0", ma.masked), x)[1])(_f(xp, ma)),
    "set_hard": lambda xp, ma: _set(ma.array(xp.zeros(2, "i4,i4"), mask=[(1, 0), (0, 0)],
                                             hard_mask=True), 0, (1, 1)),
    "set_field_element_masked": lambda xp, ma: (lambda x: (x["b"].__setitem__(0, ma.masked),
                                                           x)[1])(_x(xp, ma)),
    "setmask_nomask": lambda xp, ma: _setmask(_f(xp, ma), ma.nomask),
    "setmask_masked": lambda xp, ma: _setmask(_f(xp, ma), ma.masked),
    "setmask_true": lambda xp, ma: _setmask(_f(xp, ma), True),
    "setmask_false": lambda xp, ma: _setmask(_f(xp, ma), False),
    "setmask_list": lambda xp, ma: _setmask(_f(xp, ma), [0, 1]),
    "setmask_records": lambda xp, ma: _setmask(_f(xp, ma), [(1, 1, 0), (0, 0, 0)]),
    "setmask_hard": lambda xp, ma: _setmask(ma.array(
        xp.zeros(2, "i4,i4"), mask=[(1, 0), (0, 0)], hard_mask=True), [(0, 1), (0, 0)]),
    # fill values
    "default_fill_value": lambda xp, ma: ma.default_fill_value(xp.dtype(DT)),
    "default_fill_value_kinds": lambda xp, ma: ma.default_fill_value(xp.dtype(EVERY_KIND)),
    "default_fill_value_array": lambda xp, ma: ma.default_fill_value(xp.zeros(1, FLAT)),
    "minimum_fill_value": lambda xp, ma: ma.minimum_fill_value(xp.dtype("i1,f4,u2")),
    "maximum_fill_value": lambda xp, ma: ma.maximum_fill_value(xp.dtype("i1,f4,u2")),
    "fill_value_field": lambda xp, ma: (_x(xp, ma)["a"].fill_value, _x(xp, ma)["b"].fill_value),
    "fill_value_subarray_field": lambda xp, ma: _x(xp, ma)["e"].fill_value,
    "fill_value_set_scalar": lambda xp, ma: _setfill(ma.array(
        [(1, "a"), (2, "b")], dtype=[("f", float), ("s", "|S3")]), 999),
    "fill_value_set_tuple": lambda xp, ma: _setfill(ma.array(
        [(1, "a"), (2, "b")], dtype=[("f", float), ("s", "|S3")]), (9, "???")),
    "fill_value_set_field": lambda xp, ma: (lambda x: (x["f"].set_fill_value(10), x)[1])(
        ma.array([(1, "a")], dtype=[("f", float), ("s", "|S3")], fill_value=(-1, "x"))),
    "fill_value_write_through": lambda xp, ma: (lambda x: (
        x.fill_value.__setitem__("f", -10), x)[1])(ma.array([(1, "a")], dtype=[
            ("f", float), ("s", "|S3")])),
    "fill_value_multi_field": lambda xp, ma: (
        ma.array([(1, 1, 1)], dtype=FLAT)[["i", "f"]].fill_value.tolist()),
    "filled": lambda xp, ma: _x(xp, ma).filled(),
    "filled_nested": lambda xp, ma: (_nested(xp, ma).filled(0), _nested(xp, ma)["B"].filled(0)),
    "filled_flexible": lambda xp, ma: _set(ma.array([(1, 1, 1)], dtype=FLAT), 0,
                                           ma.masked).filled(),
    "filled_flexible_1": lambda xp, ma: _set(ma.array([(1, 1, 1)], dtype=FLAT), 0,
                                             ma.masked).filled(1),
    "filled_every_kind": lambda xp, ma: ma.array(xp.zeros(2, dtype=EVERY_KIND),
                                                 mask=True).filled(),
    "tolist": lambda xp, ma: _f(xp, ma).tolist(),
    "tolist_2d": lambda xp, ma: ma.array(xp.zeros((2, 1), "i4,f4"),
                                         mask=[[(1, 0)], [(0, 1)]]).tolist(),
    "tolist_0d": lambda xp, ma: ma.array(xp.zeros((), "i4,f4"), mask=(1, 0)).tolist(),
    "tolist_fill": lambda xp, ma: _f(xp, ma).tolist(fill_value=(0, 0, "z")),
    "tolist_nested": lambda xp, ma: _nested(xp, ma).tolist(),
    "tolist_subarray": lambda xp, ma: ma.array(xp.zeros(2, [("e", "i2", (2,))]),
                                               mask=[([1, 0],), ([0, 0],)]).tolist(),
    # comparisons (test_eq_on_structured / test_ne_on_structured)
    "eq_self": lambda xp, ma: _ab(xp, ma) == _ab(xp, ma),
    "ne_self": lambda xp, ma: _ab(xp, ma) != _ab(xp, ma),
    "eq_other": lambda xp, ma: _ab(xp, ma) == _ab(xp, ma, ((1, 0), (0, 0))),
    "ne_other": lambda xp, ma: _ab(xp, ma) != _ab(xp, ma, ((1, 0), (0, 0))),
    "eq_other_2": lambda xp, ma: _ab(xp, ma) == _ab(xp, ma, ((0, 1), (1, 0))),
    "eq_records": lambda xp, ma: (_ab(xp, ma)[0] == _ab(xp, ma)[1],
                                  _ab(xp, ma)[1] == _ab(xp, ma)[1]),
    "eq_nested_data": lambda xp, ma: (_nested(xp, ma)[0, 0] == _nested(xp, ma)).data,
    "eq_nested_mask": lambda xp, ma: (_nested(xp, ma)[0, 0] != _nested(xp, ma)).mask,
    "eq_plain": lambda xp, ma: _ab(xp, ma) == xp.zeros(2, [("A", "i8"), ("B", "i8")]),
    "lt": lambda xp, ma: _ab(xp, ma) < _ab(xp, ma),
    "eq_array_with_record": lambda xp, ma: repr(_f3(xp, ma) == _f3(xp, ma)[0]),
    "eq_broadcast": lambda xp, ma: ma.array([(1, 2)], dtype="i4,i4") == ma.array(
        [(1, 2), (1, 3)], dtype="i4,i4"),
    # shapes, layouts and methods
    "reversed": lambda xp, ma: _f3(xp, ma)[::-1],
    "strided_field": lambda xp, ma: _f3(xp, ma)[::-2]["f1"],
    "reshape": lambda xp, ma: _f3(xp, ma).reshape(3, 1),
    "transpose": lambda xp, ma: _f3(xp, ma).reshape(3, 1).T,
    "ravel": lambda xp, ma: _f3(xp, ma).reshape(3, 1).ravel(),
    "copy": lambda xp, ma: _f3(xp, ma).copy(),
    "row_of_2d": lambda xp, ma: _f3(xp, ma).reshape(1, 3)[0],
    "column_of_2d": lambda xp, ma: _f3(xp, ma).reshape(3, 1)[:, 0],
    "astype_records": lambda xp, ma: _f3(xp, ma).astype([("a", "i8"), ("b", "f8"),
                                                         ("c", "S3")]),
    "count": lambda xp, ma: _f3(xp, ma).count(),
    "compressed": lambda xp, ma: _f3(xp, ma).compressed(),
    "iter_str": lambda xp, ma: [str(r) for r in _f3(xp, ma)],
    "field_sum": lambda xp, ma: (_f3(xp, ma)["f0"].sum(), _f3(xp, ma)["f1"].mean()),
    "getmask_record": lambda xp, ma: ma.getmask(_f3(xp, ma)[0]),
    "masked_all_filled": lambda xp, ma: ma.masked_all((2,), [("a", "i4"), ("b", "S2")]).filled(),
    "str_2d": lambda xp, ma: str(ma.array(xp.zeros((2, 3), "i4,f4"), mask=[(1, 0)] * 6)),
    "long": lambda xp, ma: ma.array(xp.zeros(4000, "i4,f4"), mask=[(1, 0), (0, 0)] * 2000),
    "long_2d": lambda xp, ma: ma.array(xp.zeros((200, 3), "i4,f4"), mask=[(1, 0)] * 600),
    "list_with_masked": lambda xp, ma: ma.array([(1, ma.masked), (2, 3.)], dtype="i4,f8"),
    "list_of_masked_records": lambda xp, ma: ma.array(
        [ma.array((1, 2.), dtype="i4,f8", mask=(1, 0)), (3, 4.)], dtype="i4,f8"),
    "plain_list_with_masked": lambda xp, ma: ma.array([[1, ma.masked], (2, 3)]),
    "list_of_masked_rows": lambda xp, ma: ma.array([ma.array([1, 2], mask=[0, 1]), [3, 4]]),
    "list_masked_first": lambda xp, ma: ma.array([ma.masked, 2., 3.]),
    "record_nested_field": lambda xp, ma: (_nested(xp, ma)[0, 0]["B"], _nested(xp, ma)[1, 0]["B"],
                                           _nested(xp, ma)[0, 1]["B"]),
    "mask_default": lambda xp, ma: ma.array(xp.zeros(2, "i4,f4")).mask,
    "mask_nomask_given": lambda xp, ma: ma.array(xp.zeros(2, "i4,f4"), mask=ma.nomask).mask,
}


def _f3(xp, ma):
    return ma.array([(1, 2., "a"), (3, 4., "b"), (5, 6., "c")], dtype="i4,f4,S2",
                    mask=[(0, 1, 0), (1, 0, 1), (0, 0, 0)])


@pytest.mark.parametrize("name", CASES)
def test_records(name):
    check(lambda xp: CASES[name](xp, xp.ma))


def test_mvoid_types():
    """a[i] of a record array is an mvoid; a masked field of it is masked (test_mvoid_getitem)."""
    for xp in (np, cnp):
        a = xp.ma.masked_array([(1, 2), (3, 4)], mask=[(0, 0), (1, 0)],
                               dtype=[("a", int), ("b", int)])
        assert isinstance(a[0], xp.ma.mvoid) and isinstance(a[1], xp.ma.MaskedArray)
        assert a[1][0] is xp.ma.masked and a[1]["a"] is xp.ma.masked
        assert a[0]["b"] == 2 and a[1][1] == 4


def test_field_fill_value_shared():
    """A field's fill value is a view of the record fill value (test_fillvalue_individual_fields)."""
    for xp in (np, cnp):
        a = xp.ma.array(list(zip([1, 2, 3], [4, 5, 6])), fill_value=(-999, -999),
                        dtype=[("a", int), ("b", int)])
        aa = a["a"]
        aa.set_fill_value(10)
        assert tuple(a.fill_value) == (10, -999)
        a.fill_value["b"] = -10
        assert tuple(a.fill_value) == (10, -10)
        assert a["b"].fill_value == -10


def test_print_option_display():
    """The masked print option's text shows in records (test_mvoid_print); switched off, masked
    items print as their fill values."""
    texts = {}
    for xp in (np, cnp):
        mx = xp.ma.array([(1, 1), (2, 2)], dtype=[("a", int), ("b", int)])
        assert str(mx[0]) == "(1, 1)"
        mx["b"][0] = xp.ma.masked
        assert str(mx[0]) == "(1, --)" and repr(mx[0]) == "(1, --)"
        opt = xp.ma.masked_print_option
        opt.set_display("-X-")
        try:
            assert str(mx[0]) == "(1, -X-)" and repr(mx[0]) == "(1, -X-)"
            texts[xp] = [str(mx), repr(mx)]
        finally:
            opt.set_display("--")
        plain = xp.ma.array([1., 2.], mask=[0, 1])
        opt.enable(False)
        try:
            texts[xp] += [str(plain), repr(plain)]
        finally:
            opt.enable(True)
    assert texts[cnp] == texts[np]


def test_masked_recarray_name():
    """Over a recarray the repr says masked_recarray (NumPy's _baseclass name); the dtype line
    differs: a cnumpy recarray's dtype is the plain record dtype (docs/rec.md)."""
    for xp in (np, cnp):
        m = xp.ma.array(xp.rec.fromrecords([(1, 2.)], names="a,b"), mask=[(1, 0)])
        assert repr(m).startswith("masked_recarray(data=[(--, 2.0)],\n")
        assert type(m.filled()).__name__ == "recarray"
