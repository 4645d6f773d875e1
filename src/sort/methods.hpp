// Sort methods: how the sorting module orders the elements of descriptors its numeric kernels do
// not know (strings here; datetime64/timedelta64 and others register theirs the same way). A
// method is registered in the loop registry under kOpSort for one DType class (docs/sort.md,
// "Other dtypes: sort methods"); the module finds it with sort_method() and runs every sorting
// function on it: sort/argsort (and partition, which is a full sort here), lexsort, searchsorted,
// unique, in1d and argmax/argmin.
#pragma once
#include <cstdint>

#include "core/dtype.hpp"
#include "core/loop_registry.hpp"

namespace cnp::sorting {

struct SortMethod {
  // NumPy's order: true when element a sorts before element b (both of descriptor d, possibly
  // byte-swapped or unaligned).
  bool (*less)(const Dtype* d, const char* a, const char* b) = nullptr;
  // NumPy's == for unique and isin: a and b belong to one group.
  bool (*equal)(const Dtype* d, const char* a, const char* b) = nullptr;
  // out[0, n) = the stable sorting permutation of the n elements at v (contiguous, d->itemsize
  // apart). nullptr: a merge sort with `less`. A fast kernel belongs here (radix, keys + vqsort).
  void (*argsort)(const Dtype* d, const char* v, int64_t n, int64_t* out) = nullptr;
  // Optional: out[j] = the searchsorted position of needle j among nh sorted elements (all
  // contiguous, descriptor d); right: side='right'. nullptr: a bisection with `less`.
  void (*search)(const Dtype* d, const char* hay, int64_t nh, const char* needles, int64_t nn, bool right,
                 int64_t* out) = nullptr;
  // Optional: true for an element that NumPy's == finds equal to nothing, itself included (NaT),
  // although `equal` groups such elements for unique (equal_nan=True): isin never finds it and
  // unique(equal_nan=False) gives each its own group. nullptr: none.
  bool (*unequal_to_all)(const Dtype* d, const char* a) = nullptr;
};

// Registers m for the DType class cls (m must outlive the registry: a static).
void add_sort_method(LoopRegistry& r, DClass cls, const SortMethod* m);
// The method for d's class; TypeError naming the dtype when none is registered.
const SortMethod& sort_method(const Dtype* d);
// The stable permutation of n contiguous elements of d through m (its kernel or a merge sort).
void method_argsort(const SortMethod& m, const Dtype* d, const char* v, int64_t n, int64_t* out);

}  // namespace cnp::sorting
