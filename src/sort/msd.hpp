// The most-significant-digit argsort shared by the sort methods whose elements map to a sequence
// of 64-bit key words ordered lexicographically (strings: packed characters; records: their
// fields' keys concatenated, sort/record_sort.cpp). Level 0's (key, index) pairs go through the
// numeric module's stable argsort (vqsort on 128-bit pairs); each run of equal keys is refined
// with the next level's keys the same way, or, up to kCompareSortMax elements, by a comparison
// sort of the remaining levels with the index as tie-break (a total order, so the result is the
// stable permutation).
#pragma once
#include <algorithm>
#include <cstdint>
#include <numeric>
#include <utility>
#include <vector>

#include "sort/kernels.hpp"

namespace cnp::sorting {

// Runs of equal keys up to this length are finished by a comparison sort on the remaining
// levels; longer ones by another round of keys.
inline constexpr int64_t kCompareSortMax = 256;

// Src: int64_t levels() const (number of key words); uint64_t key(int64_t i, int64_t level) const;
// bool before(int64_t a, int64_t b, int64_t level) const (element a sorts before b comparing the
// words from `level` on, ties by index); static constexpr bool kKeyedSmallRuns: small runs are
// sorted by (key, index) pairs of one level at a time (keys that are dear to compute: records)
// instead of by `before` (strings, whose remaining characters memcmp compares directly).
// out[0, n) = the stable sorting permutation.
template <class Src>
void msd_argsort(const Src& s, int64_t n, int64_t* out) {
  const int64_t levels = s.levels();
  if (n <= 0) return;
  if (levels == 0) {  // every element equal
    std::iota(out, out + n, int64_t{0});
    return;
  }
  Scratch<uint64_t> keys(n);  // uninitialised, from the recycling allocator
  for (int64_t i = 0; i < n; ++i) keys[i] = s.key(i, 0);
  argsort_values(keys.get(), n, out);
  if (levels <= 1) return;
  struct Run {
    int64_t lo, hi, level;
  };
  std::vector<Run> todo;
  auto push_runs = [&](int64_t lo, int64_t hi, const uint64_t* k, int64_t level) {
    // k[j] is the key of out[lo + j]; runs of equal keys need the next level.
    for (int64_t a = lo; a < hi;) {
      int64_t b = a + 1;
      while (b < hi && k[b - lo] == k[a - lo]) ++b;
      if (b - a > 1) todo.push_back({a, b, level});
      a = b;
    }
  };
  {
    Scratch<uint64_t> sorted(n);
    for (int64_t i = 0; i < n; ++i) sorted[i] = keys[out[i]];
    push_runs(0, n, sorted.get(), 1);
  }
  std::vector<uint64_t> sub, sorted_sub;
  std::vector<int64_t> q, moved;
  std::vector<std::pair<uint64_t, int64_t>> small;
  while (!todo.empty()) {
    const Run r = todo.back();
    todo.pop_back();
    const int64_t len = r.hi - r.lo;
    int64_t* o = out + r.lo;
    if (len <= kCompareSortMax) {
      if constexpr (Src::kKeyedSmallRuns) {
        small.resize(static_cast<size_t>(len));
        for (int64_t j = 0; j < len; ++j) small[j] = {s.key(o[j], r.level), o[j]};
        std::sort(small.begin(), small.end());  // (key, index): stable
        sorted_sub.resize(static_cast<size_t>(len));
        for (int64_t j = 0; j < len; ++j) {
          o[j] = small[j].second;
          sorted_sub[j] = small[j].first;
        }
        if (r.level + 1 < levels) push_runs(r.lo, r.hi, sorted_sub.data(), r.level + 1);
      } else {
        std::sort(o, o + len, [&](int64_t a, int64_t b) { return s.before(a, b, r.level); });
      }
      continue;
    }
    sub.resize(static_cast<size_t>(len));
    q.resize(static_cast<size_t>(len));
    moved.resize(static_cast<size_t>(len));
    for (int64_t j = 0; j < len; ++j) sub[j] = s.key(o[j], r.level);
    argsort_values(sub.data(), len, q.data());  // stable: ties keep input (index) order
    for (int64_t j = 0; j < len; ++j) moved[j] = o[q[j]];
    std::copy(moved.begin(), moved.end(), o);
    if (r.level + 1 >= levels) continue;
    sorted_sub.resize(static_cast<size_t>(len));
    for (int64_t j = 0; j < len; ++j) sorted_sub[j] = sub[q[j]];
    push_runs(r.lo, r.hi, sorted_sub.data(), r.level + 1);
  }
}

}  // namespace cnp::sorting
