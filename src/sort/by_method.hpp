// The sorting module's paths for descriptors with a sort method (sort/methods.hpp); sort.cpp,
// search.cpp and unique.cpp branch here for every non-numeric dtype.
#pragma once
#include <cstdint>
#include <vector>

#include "core/array.hpp"
#include "sort/methods.hpp"

namespace cnp::sorting {

// Sorts every lane of `a` along axis in place.
void method_sort_inplace(Array& a, int32_t axis);
// The stable sorting permutation of every lane along axis (int64, a's shape, C order).
Array method_argsort_axis(const Array& a, int32_t axis);
// out[0, n) = stable argsort of the lane elements lane[perm[i] * stride] (lexsort's keys).
void method_argsort_gathered(const Array& key, const char* lane, int64_t stride, const int64_t* perm, int64_t n,
                             int64_t* out);
// A sorted copy of a contiguous 1-D array; *perm (when given) receives the stable permutation.
Array sorted_contiguous(const Array& flat, std::vector<int64_t>* perm);
// Positions of nn needles in nh sorted elements (all contiguous, descriptor d): searchsorted.
void method_search(const Dtype* d, const char* hay, int64_t nh, const char* needles, int64_t nn, bool right,
                   int64_t* out);

}  // namespace cnp::sorting
