// numpy's sorting, searching and set kernels for the builtin numeric dtypes (docs/sort.md).
// axis arguments: a pointer to the axis, nullptr for NumPy's axis=None (the flattened array).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/array.hpp"

namespace cnp::sorting {

enum class Kind { quick, merge, heap, stable };
// NumPy's sort kind converter: NULL is quicksort, else the first letter (q, m, h, s in either
// case) decides; ValueError "sort kind must be one of 'quick', 'heap', or 'stable' (got 'x')".
Kind parse_kind(const char* kind);
// NULL or "introselect"; ValueError "select kind must be 'introselect' (got 'x')" otherwise.
void check_select_kind(const char* kind);
// side='left' (false) or 'right' (true) by the first letter, like NumPy.
bool parse_side(const char* side);

// NumPy's order= argument: the field names to compare first (nullptr: None). A record array is
// then sorted as a view whose descriptor lists those fields first and the others after them in
// dtype order (numpy.core._internal._newnames); ValueError "unknown field name: x", "duplicate
// field name: x", "Cannot specify order when the array has no fields.".
using Order = std::vector<std::string>;
Array with_order(const Array& a, const Order* order);

// ndarray.sort / ndarray.partition: in place along one axis.
void sort_inplace(Array& a, int64_t axis, Kind kind, const Order* order = nullptr);
void partition_inplace(Array& a, const Array& kth, int64_t axis, const Order* order = nullptr);

Array sort(const Array& a, const int64_t* axis, Kind kind, const Order* order = nullptr);
// The stable permutation for every kind (NumPy's unstable kinds may order ties differently).
Array argsort(const Array& a, const int64_t* axis, Kind kind, const Order* order = nullptr);
Array partition(const Array& a, const Array& kth, const int64_t* axis, const Order* order = nullptr);
Array argpartition(const Array& a, const Array& kth, const int64_t* axis, const Order* order = nullptr);

// a: 1-D (sorted, or sorted through `sorter`); result: int64 indices, v's shape. a and v are
// compared in their promoted dtype.
Array searchsorted(const Array& a, const Array& v, bool right, const Array* sorter);
// Stable indirect sort by several keys, the last one primary.
Array lexsort(const std::vector<Array>& keys, int64_t axis);

// np.unique of the flattened array (NumPy 1.24's _unique1d); the optional outputs are produced
// when the pointer is not null.
void unique(const Array& a, bool equal_nan, Array* values, Array* index, Array* inverse, Array* counts);
// np.in1d(a, b): bool array of a.size, true where a's element equals one of b's (== semantics:
// NaN matches nothing, -0.0 matches 0.0).
Array in1d(const Array& a, const Array& b, bool invert);

}  // namespace cnp::sorting
