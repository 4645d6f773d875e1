// Sorting kernels on contiguous, aligned buffers of one element type (the lane driver in
// sort.cpp gathers strided lanes into such buffers). Every kernel is deterministic: keys are
// totally ordered (bit keys, or canonical keys paired with the element's index), so the output
// does not depend on vqsort's random pivots nor on how many threads shared the work.
#pragma once
#include <cstdint>

#include "core/array.hpp"
#include "core/dtype.hpp"
#include "sort/keys.hpp"

namespace cnp::sorting {

// Uninitialised scratch memory for n elements of K from the library's allocator, which recycles
// large blocks: fresh pages cost one fault each, and faulting in a 40 MB buffer here took four
// times as long as sorting it (worse with two threads faulting at once).
template <class K>
class Scratch {
 public:
  explicit Scratch(int64_t n) {
    int64_t bytes = n * static_cast<int64_t>(sizeof(K));
    mem_ = Array::allocate(builtin_dtype(CNP_UINT8), 1, &bytes, CNP_ORDER_C);
  }
  K* get() const { return reinterpret_cast<K*>(mem_.data()); }
  K& operator[](int64_t i) const { return get()[i]; }

 private:
  Array mem_;
};

// Below this many elements a sort runs on one thread (splitting costs a merge pass).
inline constexpr int64_t kParallelSortMin = int64_t{1} << 17;
// 16-bit keys use a counting sort (65536 buckets) from this size on, vqsort below it.
inline constexpr int64_t kCount16Min = int64_t{1} << 16;

// Canonical keys of n values (searchsorted, isin, argsort); complex values are compared as they
// are, so for them this just lends the values.
template <class T>
struct Lent {
  const T* p;
  const T* get() const { return p; }
  const T& operator[](int64_t i) const { return p[i]; }
};
template <class T>
auto keys_of(const T* v, int64_t n) {
  if constexpr (is_complex_v<T>) {
    return Lent<T>{v};
  } else {
    Scratch<key_t<T>> k(n);
    for (int64_t i = 0; i < n; ++i) k[i] = canon_key(v[i]);
    return k;
  }
}

// Sorts v[0, n) into NumPy's order (NaNs last). stable: equal values (-0.0/+0.0, NaNs, complex
// ties) keep their input order, which is what NumPy's stable kinds give; otherwise ties may end
// up in any (but a deterministic) order.
template <class T>
void sort_values(T* v, int64_t n, bool stable);

// out[0, n) = the stable sorting permutation of v[0, n): NumPy's argsort(kind='stable') exactly.
template <class T>
void argsort_values(const T* v, int64_t n, int64_t* out);

// Partitions v[0, n) so that each v[kth[j]] holds the value a full sort would put there, with
// no larger value before and no smaller one after it. kth: ascending, distinct, in [0, n).
template <class T>
void select_values(T* v, int64_t n, const int64_t* kth, int64_t nkth);

// The same as a permutation: out[0, n) indices into v (ties broken by index).
template <class T>
void argselect_values(const T* v, int64_t n, const int64_t* kth, int64_t nkth, int64_t* out);

// For searchsorted and isin: the position of each needle in sorted haystack keys. Both arrays
// hold canonical keys of one type K (uint8..uint64), or complex values (complex_less).
// right: first position whose key is greater than the needle (side='right'), else first not less.
template <class K>
void search_keys(const K* hay, int64_t nh, const K* needles, int64_t nn, bool right, int64_t* out);

// Highway's vqsort, loaded at first use (kernels.cpp says why); for the tests: whether it loaded,
// the ISA targets it may run (HWY_AVX3 | HWY_AVX2 | ...), and forcing a subset (0 = all again).
bool vqsort_loaded();
int64_t vqsort_targets();
void vqsort_force_targets(int64_t targets);

}  // namespace cnp::sorting
