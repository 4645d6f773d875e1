"""genfromtxt(..., usemask=True) against NumPy 1.24: masked arrays of records (names=True, a
record dtype, dtype=None with mixed columns) with each missing entry masked in its field, and
NumPy's second pass that masks values equal to a column's converted missing strings. Cases
ported from numpy/lib/tests/test_io.py (the usemask=True ones) plus nested, string and 0-row
inputs. Not here (they differ with usemask=False too, in the parser shared with
genfromtxt's other paths): a nested record dtype, and dtype=None with a column whose every entry
is missing."""
import io

import pytest

from ma_rec_helpers import check

MDTYPE = [("A", int), ("B", float), ("C", complex)]
USER_MISSING = "A, B, C\n0, 0., 0j\n1, N/A, 1j\n-9, 2.2, N/A\n3, -99, 3j"

CASES = {
    "tabs": ("1\t2\t3\n\t2\t\n1\t\t3", dict(delimiter="\t")),
    "withmissing_int": ("A,B\n0,1\n2,N/A", dict(delimiter=",", missing_values="N/A",
                                                names=True, dtype=None)),
    "withmissing_float": ("A,B\n0,1\n2,N/A", dict(delimiter=",", missing_values="N/A",
                                                  names=True)),
    "user_missing": (USER_MISSING, dict(dtype=None, delimiter=",", names=True,
                                        missing_values="N/A")),
    "user_missing_dict": (USER_MISSING, dict(dtype=MDTYPE, delimiter=",", names=True,
                                             missing_values={0: -9, 1: -99, 2: -999j})),
    "user_missing_names": (USER_MISSING, dict(dtype=MDTYPE, delimiter=",", names=True,
                                              missing_values={0: -9, "B": -99, "C": -999j})),
    "withmissing_float_value": ("A,B\n0,1.5\n2,-999.00", dict(
        dtype=None, delimiter=",", missing_values="-999.0", names=True)),
    "masked_column_various": ("True 2 3\nFalse 5 6\n", dict(dtype=None,
                                                            missing_values="2,5")),
    "names_empty_fields": ("a,b,c\n1,,3\n4,5,\n", dict(delimiter=",", names=True)),
    "names_dtype_none": ("a,b,c\n1,,3\n4,5,\n", dict(delimiter=",", names=True, dtype=None)),
    "strings": ("a,b,c\n1,,x\n4,5,\n", dict(delimiter=",", names=True, dtype=None,
                                           encoding=None)),
    "bytes_strings": ("a,b,c\n1,,x\n4,5,\n", dict(delimiter=",", names=True, dtype=None)),
    "record_dtype": ("1,N/A,3\n4,5,N/A\n-1,2,3\n", dict(delimiter=",", dtype="i4,f8,i8",
                                                        missing_values="N/A")),
    "string_field_missing": ("1,N/A,3\n4,5,N/A\n", dict(
        delimiter=",", dtype=[("x", "i4"), ("y", "f8"), ("z", "U3")], missing_values="N/A",
        encoding=None)),
    "mixed_dtype_none": ("1,N/A,3\n4,5,N/A\n", dict(delimiter=",", dtype=None,
                                                    missing_values="N/A", encoding=None)),
    "filling_dict": ("1,N/A,3\n4,5,N/A\n", dict(
        delimiter=",", dtype=None, missing_values={1: "N/A", 2: "N/A"},
        filling_values={1: -9}, encoding=None)),
    "one_row": ("x y\n1 2\n", dict(names=True)),
    "no_rows": ("x y\n", dict(names=True)),
    "int_filling": ("a,b\n1,2\n3,\n", dict(delimiter=",", names=True, dtype=int,
                                           filling_values=-1)),
    "names_given": ("a,b\n1,2\n3,\n", dict(delimiter=",", names="p,q", skip_header=1,
                                           dtype=None)),
    "unpack": ("1 2 3\n4 5 6\n", dict(dtype="i4,f4,U2", encoding=None, unpack=True)),
    "plain_int": ("1, 2\n3,\n", dict(delimiter=",", dtype=int)),
    "plain_float": ("1, 2\n3,\n", dict(delimiter=",")),
    "skip_footer": ("a,b\n1,\n,2\n9,9\n", dict(delimiter=",", names=True, skip_footer=1)),
    "usecols": ("a,b,c\n1,,3\n4,5,\n", dict(delimiter=",", names=True, usecols=(0, 2))),
}


@pytest.mark.parametrize("name", CASES)
def test_genfromtxt_usemask(name):
    text, kw = CASES[name]
    check(lambda xp: xp.genfromtxt(io.StringIO(text), usemask=True, **kw))
