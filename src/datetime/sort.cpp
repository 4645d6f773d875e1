// datetime64/timedelta64 sort methods (src/sort/methods.hpp, docs/sort.md "Other dtypes"):
// NumPy's order (>= 1.18) is the int64 order with NaT last. The argsort kernel maps each value to
// an unsigned key that keeps that order (the sign bit flipped, then minus one, which sends NaT =
// INT64_MIN to UINT64_MAX above every real value) and runs the numeric module's stable
// vqsort-backed argsort on the keys.
#include <cstring>
#include <vector>

#include "core/loop_registry.hpp"
#include "datetime/units.hpp"
#include "sort/kernels.hpp"
#include "sort/methods.hpp"

namespace cnp {

namespace {

inline int64_t load(const Dtype* d, const char* p) {
  uint64_t u;
  std::memcpy(&u, p, 8);
  return static_cast<int64_t>(d->swapped ? __builtin_bswap64(u) : u);
}

inline uint64_t key(int64_t v) { return (static_cast<uint64_t>(v) ^ 0x8000000000000000ULL) - 1u; }

bool less(const Dtype* d, const char* a, const char* b) { return key(load(d, a)) < key(load(d, b)); }

// Grouping for unique: equal values, and NaT with NaT (NumPy 1.24's unique collapses NaTs with
// its default equal_nan=True).
bool equal(const Dtype* d, const char* a, const char* b) { return load(d, a) == load(d, b); }

void argsort(const Dtype* d, const char* v, int64_t n, int64_t* out) {
  std::vector<uint64_t> keys(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) keys[static_cast<size_t>(i)] = key(load(d, v + 8 * i));
  sorting::argsort_values<uint64_t>(keys.data(), n, out);
}

// NaT == anything is false (isin does not find NaT, as NumPy's in1d).
bool is_nat(const Dtype* d, const char* a) { return load(d, a) == INT64_MIN; }

const sorting::SortMethod kTimes{&less, &equal, &argsort, nullptr, &is_nat};

}  // namespace

void register_datetime_sort(LoopRegistry& r) {
  sorting::add_sort_method(r, DClass::datetime, &kTimes);
  sorting::add_sort_method(r, DClass::timedelta, &kTimes);
}

}  // namespace cnp
