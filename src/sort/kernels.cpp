// The sorting kernels: Highway's vectorised quicksort (vqsort, runtime ISA dispatch) on integer
// keys, counting sorts for 8/16-bit keys, value-range splits across the library's thread pool for
// large inputs, and quickselect with branch-free splits for partition. Complex values have no integer key and use
// the standard algorithms with NumPy's comparison.
#include "sort/kernels.hpp"

#include <algorithm>
#include <cstring>
#include <memory>
#include <numeric>
#include <vector>

#include <dlfcn.h>

#include <hwy/contrib/sort/vqsort.h>

#include "core/parallel.hpp"
#include "sort/keys.hpp"

namespace cnp::sorting {
namespace {

using u128 = hwy::uint128_t;

// Highway's vqsort is reached through dlopen at the first large sort, not linked: loading
// libhwy runs a static initialiser that executes RDTSCP, which valgrind cannot emulate, so a
// link-time dependency made every valgrind test (the C user program, the streaming audio API)
// die with SIGILL before main. Loaded lazily, only programs that sort pay for it, and without
// libhwy_contrib.so.1 the sorts fall back to std::sort (same results: the keys are totally
// ordered). The calls follow the Itanium C++ ABI: a member function is a function taking `this`
// first; hwy::Sorter is one pointer to its scratch memory.
struct Vqsort {
  void* lib = nullptr;
  void (*construct)(void* self) = nullptr;
  void (*destroy)(void* self) = nullptr;
  void (*sort_u16)(const void*, uint16_t*, size_t, hwy::SortAscending) = nullptr;
  void (*sort_i16)(const void*, int16_t*, size_t, hwy::SortAscending) = nullptr;
  void (*sort_u32)(const void*, uint32_t*, size_t, hwy::SortAscending) = nullptr;
  void (*sort_i32)(const void*, int32_t*, size_t, hwy::SortAscending) = nullptr;
  void (*sort_u64)(const void*, uint64_t*, size_t, hwy::SortAscending) = nullptr;
  void (*sort_i64)(const void*, int64_t*, size_t, hwy::SortAscending) = nullptr;
  void (*sort_u128)(const void*, u128*, size_t, hwy::SortAscending) = nullptr;
  int64_t (*supported_targets)() = nullptr;
  void (*set_targets_for_test)(int64_t) = nullptr;

  Vqsort() {
    lib = dlopen("libhwy_contrib.so.1", RTLD_NOW | RTLD_LOCAL);
    if (!lib) return;
    bool ok = load(construct, "_ZN3hwy6SorterC1Ev") & load(destroy, "_ZN3hwy6Sorter6DeleteEv") &
              load(sort_u16, "_ZNK3hwy6SorterclEPtmNS_13SortAscendingE") &
              load(sort_i16, "_ZNK3hwy6SorterclEPsmNS_13SortAscendingE") &
              load(sort_u32, "_ZNK3hwy6SorterclEPjmNS_13SortAscendingE") &
              load(sort_i32, "_ZNK3hwy6SorterclEPimNS_13SortAscendingE") &
              load(sort_u64, "_ZNK3hwy6SorterclEPmmNS_13SortAscendingE") &
              load(sort_i64, "_ZNK3hwy6SorterclEPlmNS_13SortAscendingE") &
              load(sort_u128, "_ZNK3hwy6SorterclEPNS_9uint128_tEmNS_13SortAscendingE");
    // libhwy (loaded with libhwy_contrib) holds the target selection, for the tests.
    load(supported_targets, "_ZN3hwy16SupportedTargetsEv");
    load(set_targets_for_test, "_ZN3hwy26SetSupportedTargetsForTestEl");
    if (!ok) construct = nullptr;  // incomplete: use the fallback
  }
  template <class F>
  bool load(F& f, const char* name) {
    f = reinterpret_cast<F>(dlsym(lib, name));
    return f != nullptr;
  }
};

const Vqsort& vqsort() {
  static const Vqsort v;  // thread-safe one-time load
  return v;
}

// A Sorter owns scratch memory and is not thread-safe: one per thread.
struct ThreadSorter {
  void* ptr = nullptr;  // hwy::Sorter's only member
  bool made = false;
  ~ThreadSorter() {
    if (made) vqsort().destroy(this);
  }
  const void* get() {
    if (!made) {
      vqsort().construct(this);
      made = true;
    }
    return this;
  }
};

template <class K>
void vq_sort(K* k, int64_t n) {
  const Vqsort& v = vqsort();
  if (!v.construct || n < 2) {
    std::sort(k, k + n);
    return;
  }
  thread_local ThreadSorter ts;
  const size_t m = static_cast<size_t>(n);
  if constexpr (std::is_same_v<K, uint16_t>) v.sort_u16(ts.get(), k, m, hwy::SortAscending());
  else if constexpr (std::is_same_v<K, int16_t>) v.sort_i16(ts.get(), k, m, hwy::SortAscending());
  else if constexpr (std::is_same_v<K, uint32_t>) v.sort_u32(ts.get(), k, m, hwy::SortAscending());
  else if constexpr (std::is_same_v<K, int32_t>) v.sort_i32(ts.get(), k, m, hwy::SortAscending());
  else if constexpr (std::is_same_v<K, uint64_t>) v.sort_u64(ts.get(), k, m, hwy::SortAscending());
  else if constexpr (std::is_same_v<K, int64_t>) v.sort_i64(ts.get(), k, m, hwy::SortAscending());
  else v.sort_u128(ts.get(), k, m, hwy::SortAscending());
}

// Moves the keys of k[0, n) that satisfy below(x) to the front, in place and without branches
// on the data (a mispredicted branch per key would cost more than the pass); returns how many.
template <class K, class Below>
int64_t split(K* k, int64_t n, Below below) {
  int64_t lo = 0;
  for (int64_t j = 0; j < n; ++j) {
    K x = k[j];
    k[j] = k[lo];
    k[lo] = x;
    lo += below(x);
  }
  return lo;
}

// The key at rank ~q (0..1) of an evenly spaced sample of k[0, n).
template <class K>
K sample_key(const K* k, int64_t n, double q) {
  K sample[63];
  for (int64_t i = 0; i < 63; ++i) sample[i] = k[i * n / 63];
  auto at = sample + std::clamp<int64_t>(static_cast<int64_t>(q * 63), 0, 62);
  std::nth_element(sample, at, sample + 63);
  return *at;
}

template <class K>
int64_t split_at_sample_median(K* k, int64_t n) {
  if (n < 2) return 0;  // (a range below a minimum pivot can be empty)
  const K pivot = sample_key(k, n, 0.5);
  return split(k, n, [pivot](const K& x) { return x < pivot; });
}

// Puts the key of rank kth (within [lo, hi)) in place, smaller ones before, larger after:
// quickselect with branch-free splits around a pivot sampled near the wanted rank (so each round
// keeps a small fraction of the range), std::nth_element once the range is small.
template <class K>
void select_key(K* k, int64_t lo, int64_t kth, int64_t hi) {
  while (hi - lo > 4096) {
    const K pivot = sample_key(k + lo, hi - lo, static_cast<double>(kth - lo) / static_cast<double>(hi - lo));
    int64_t p = lo + split(k + lo, hi - lo, [pivot](const K& x) { return x < pivot; });
    if (kth < p) {
      hi = p;  // progress: the pivot itself is not below the pivot
    } else if (p > lo) {
      lo = p;
    } else {  // the pivot is the range's minimum: peel off the keys equal to it
      int64_t q = lo + split(k + lo, hi - lo, [pivot](const K& x) { return !(pivot < x); });
      if (kth < q) return;
      lo = q;
    }
  }
  std::nth_element(k + lo, k + kth, k + hi);
}

// Sorts keys (any type vqsort takes). Large inputs are first split by value into as many ranges
// as there are threads (up to 8; each level splits every range at its sample median, the ranges
// of one level in parallel), then the ranges are sorted in parallel, in place: no scratch and no
// merge (a branchy merge of random keys costs as much as vqsort itself). The keys are totally
// ordered, so the result is the same however the ranges fall and whatever the thread count.
template <class K>
void sort_keys(K* k, int64_t n) {
  const int threads = num_threads();
  if (n < kParallelSortMin || threads < 2) {
    vq_sort(k, n);
    return;
  }
  std::vector<int64_t> bounds = {0, n};  // range r is [bounds[r], bounds[r + 1])
  while (static_cast<int>(bounds.size()) - 1 < std::min(threads, 8)) {
    const int nr = static_cast<int>(bounds.size()) - 1;
    std::vector<int64_t> mid(static_cast<size_t>(nr));
    parallel_run(nr, [&](int r) { mid[r] = bounds[r] + split_at_sample_median(k + bounds[r], bounds[r + 1] - bounds[r]); });
    std::vector<int64_t> next;
    for (int r = 0; r < nr; ++r) next.insert(next.end(), {bounds[r], mid[r]});
    next.push_back(n);
    bounds.swap(next);
  }
  parallel_run(static_cast<int>(bounds.size()) - 1, [&](int r) {
    vq_sort(k + bounds[r], bounds[r + 1] - bounds[r]);
  });
}

// Counting sort of 8/16-bit keys in place.
template <class U>
void counting_sort(U* k, int64_t n) {
  constexpr size_t kBuckets = size_t{1} << (8 * sizeof(U));
  std::vector<int64_t> count(kBuckets, 0);
  for (int64_t i = 0; i < n; ++i) ++count[k[i]];
  int64_t pos = 0;
  for (size_t b = 0; b < kBuckets; ++b) {
    std::fill(k + pos, k + pos + count[b], static_cast<U>(b));
    pos += count[b];
  }
}

// Stable counting argsort of 8/16-bit keys: the radix pass NumPy's stable argsort of small
// integers also uses.
template <class U>
void counting_argsort(const U* k, int64_t n, int64_t* out) {
  constexpr size_t kBuckets = size_t{1} << (8 * sizeof(U));
  std::vector<int64_t> start(kBuckets + 1, 0);
  for (int64_t i = 0; i < n; ++i) ++start[size_t{k[i]} + 1];
  for (size_t b = 0; b < kBuckets; ++b) start[b + 1] += start[b];
  for (int64_t i = 0; i < n; ++i) out[start[k[i]]++] = i;
}

template <class U>
void sort_unsigned_keys(U* k, int64_t n) {
  if constexpr (sizeof(U) == 1) counting_sort(k, n);
  else if constexpr (sizeof(U) == 2) {
    if (n >= kCount16Min) counting_sort(k, n);
    else sort_keys(k, n);
  } else {
    sort_keys(k, n);
  }
}

// The stable permutation of canonical keys: small keys by counting, keys of up to 32 bits packed
// with their index into one uint64 (key high, index low), 64-bit keys into a 128-bit pair; the
// index half makes the order total, so the sort is stable whatever algorithm runs it.
template <class U>
void argsort_keys(const U* k, int64_t n, int64_t* out) {
  if constexpr (sizeof(U) <= 2) {
    if (sizeof(U) == 1 || n >= kCount16Min) {
      counting_argsort(k, n, out);
      return;
    }
  }
  if (sizeof(U) <= 4 && n <= int64_t{0xFFFFFFFF}) {
    Scratch<uint64_t> p(n);
    for (int64_t i = 0; i < n; ++i) p[i] = (uint64_t{k[i]} << 32) | static_cast<uint64_t>(i);
    sort_keys(p.get(), n);
    for (int64_t i = 0; i < n; ++i) out[i] = static_cast<int64_t>(p[i] & 0xFFFFFFFFu);
  } else {
    Scratch<u128> p(n);
    for (int64_t i = 0; i < n; ++i) p[i] = u128{static_cast<uint64_t>(i), static_cast<uint64_t>(k[i])};
    sort_keys(p.get(), n);
    for (int64_t i = 0; i < n; ++i) out[i] = static_cast<int64_t>(p[i].lo);
  }
}

// Floats: one pass turns the non-NaN values into bit keys at the front (in place: the key of
// v[i] lands at k[m], m <= i) and collects NaNs, which go to the end in input order (NumPy's
// stable kinds keep NaN payloads in input order); the keys are sorted and turned back.
template <class T>
void sort_floats(T* v, int64_t n, bool stable) {
  using U = key_t<T>;
  constexpr U kNegZero = U(U(~U(0)) >> 1);  // bit key of -0.0; +0.0 is the next one
  U* k = reinterpret_cast<U*>(v);
  std::vector<T> nans;
  // Bit keys order -0.0 before +0.0; a stable sort must instead keep the zeros' input order, so
  // their keys are recorded (used only when both signs occur).
  std::vector<U> zeros;
  bool neg = false, pos = false;
  int64_t m = 0;
  for (int64_t i = 0; i < n; ++i) {
    T x = v[i];
    if (is_nan(x)) {
      nans.push_back(x);
      continue;
    }
    U key = bit_key(x);
    if (stable && (key == kNegZero || key == U(kNegZero + 1))) {
      zeros.push_back(key);
      (key == kNegZero ? neg : pos) = true;
    }
    std::memcpy(k + m++, &key, sizeof(U));
  }
  std::copy(nans.begin(), nans.end(), v + m);
  sort_unsigned_keys(k, m);
  if (neg && pos) std::copy(zeros.begin(), zeros.end(), std::lower_bound(k, k + m, kNegZero));
  for (int64_t i = 0; i < m; ++i) v[i] = from_bit_key<T>(k[i]);
}

}  // namespace

template <class T>
void sort_values(T* v, int64_t n, bool stable) {
  if (n < 2) return;
  if constexpr (is_complex_v<T>) {
    if (stable) std::stable_sort(v, v + n, complex_less<T>);
    else std::sort(v, v + n, complex_less<T>);
  } else if constexpr (is_fp_v<T>) {
    sort_floats(v, n, stable);
  } else if constexpr (sizeof(T) <= 2) {
    if constexpr (sizeof(T) == 2) {
      if (n < kCount16Min) {
        sort_keys(v, n);
        return;
      }
    }
    auto* k = reinterpret_cast<key_t<T>*>(v);  // 8/16-bit: counting sort on offset keys
    for (int64_t i = 0; i < n; ++i) k[i] = bit_key(v[i]);
    counting_sort(k, n);
    for (int64_t i = 0; i < n; ++i) v[i] = from_bit_key<T>(k[i]);
  } else {
    sort_keys(v, n);  // vqsort takes signed and unsigned 32/64-bit integers as they are
  }
}

template <class T>
void argsort_values(const T* v, int64_t n, int64_t* out) {
  if constexpr (is_complex_v<T>) {
    std::iota(out, out + n, int64_t{0});
    std::stable_sort(out, out + n, [v](int64_t a, int64_t b) { return complex_less(v[a], v[b]); });
  } else {
    argsort_keys(keys_of(v, n).get(), n, out);
  }
}

template <class T>
void select_values(T* v, int64_t n, const int64_t* kth, int64_t nkth) {
  if constexpr (is_complex_v<T>) {
    for (int64_t j = 0, lo = 0; j < nkth; lo = kth[j++] + 1) std::nth_element(v + lo, v + kth[j], v + n, complex_less<T>);
  } else if constexpr (is_fp_v<T>) {
    // NaNs go last (any order: partition is unstable), selection runs on bit keys of the rest.
    int64_t m = std::partition(v, v + n, [](T x) { return !is_nan(x); }) - v;
    using U = key_t<T>;
    U* k = reinterpret_cast<U*>(v);
    for (int64_t i = 0; i < m; ++i) {
      U key = bit_key(v[i]);
      std::memcpy(k + i, &key, sizeof(U));
    }
    for (int64_t j = 0, lo = 0; j < nkth && kth[j] < m; lo = kth[j++] + 1) select_key(k, lo, kth[j], m);
    for (int64_t i = 0; i < m; ++i) v[i] = from_bit_key<T>(k[i]);
  } else {
    using U = key_t<T>;
    U* k = reinterpret_cast<U*>(v);
    for (int64_t i = 0; i < n; ++i) k[i] = bit_key(v[i]);
    for (int64_t j = 0, lo = 0; j < nkth; lo = kth[j++] + 1) select_key(k, lo, kth[j], n);
    for (int64_t i = 0; i < n; ++i) v[i] = from_bit_key<T>(k[i]);
  }
}

template <class T>
void argselect_values(const T* v, int64_t n, const int64_t* kth, int64_t nkth, int64_t* out) {
  if constexpr (is_complex_v<T>) {
    std::iota(out, out + n, int64_t{0});
    auto less = [v](int64_t a, int64_t b) { return complex_less(v[a], v[b]) || (!complex_less(v[b], v[a]) && a < b); };
    for (int64_t j = 0, lo = 0; j < nkth; lo = kth[j++] + 1) std::nth_element(out + lo, out + kth[j], out + n, less);
  } else {
    // (canonical key, index) pairs: a total order, so the result is deterministic.
    Scratch<u128> p(n);
    for (int64_t i = 0; i < n; ++i) p[i] = u128{static_cast<uint64_t>(i), static_cast<uint64_t>(canon_key(v[i]))};
    for (int64_t j = 0, lo = 0; j < nkth; lo = kth[j++] + 1) select_key(p.get(), lo, kth[j], n);
    for (int64_t i = 0; i < n; ++i) out[i] = static_cast<int64_t>(p[i].lo);
  }
}

template <class K>
void search_keys(const K* hay, int64_t nh, const K* needles, int64_t nn, bool right, int64_t* out) {
  auto before = [right](const K& h, const K& x) {  // does h precede the insertion point of x?
    if constexpr (is_complex_v<K>) return right ? !complex_less(x, h) : complex_less(h, x);
    else return right ? !(x < h) : h < x;
  };
  // Needles in ascending order (common: merging two sorted arrays) are found by one forward walk
  // with doubling steps from the previous answer. Many random needles in a haystack larger than
  // the caches are sorted first (their stable permutation) and walked the same way: a binary
  // search per needle would miss the cache on most of its steps. Few needles, or a small
  // haystack: a branch-free binary search per needle, the needles split among threads.
  auto walk = [&](auto needle_of, auto store) {
    int64_t pos = 0;
    for (int64_t i = 0; i < nn; ++i) {
      const K& x = needle_of(i);
      int64_t step = 1, lo = pos, hi = pos;
      while (hi < nh && before(hay[hi], x)) {
        lo = hi + 1;
        hi += step;
        step *= 2;
      }
      hi = std::min(hi, nh);
      pos = std::partition_point(hay + lo, hay + hi, [&](const K& h) { return before(h, x); }) - hay;
      store(i, pos);
    }
  };
  bool ascending = true;
  for (int64_t i = 1; i < nn && ascending; ++i) {
    if constexpr (is_complex_v<K>) ascending = !complex_less(needles[i], needles[i - 1]);
    else ascending = !(needles[i] < needles[i - 1]);
  }
  if (ascending) {
    walk([&](int64_t i) -> const K& { return needles[i]; }, [&](int64_t i, int64_t pos) { out[i] = pos; });
    return;
  }
  if constexpr (!is_complex_v<K>) {
    if (nn >= 4096 && nh >= 65536) {
      Scratch<int64_t> order(nn);
      argsort_keys(needles, nn, order.get());
      walk([&](int64_t i) -> const K& { return needles[order[i]]; }, [&](int64_t i, int64_t pos) { out[order[i]] = pos; });
      return;
    }
  }
  int64_t parts = std::clamp<int64_t>(nn / 16384, 1, 64);
  parallel_run(static_cast<int>(parts), [&](int p) {
    for (int64_t i = nn * p / parts, e = nn * (p + 1) / parts; i < e; ++i) {
      const K* base = hay;
      int64_t len = nh;
      while (len > 1) {
        int64_t half = len / 2;
        base = before(base[half], needles[i]) ? base + half : base;
        len -= half;
      }
      out[i] = (base - hay) + (len == 1 && before(*base, needles[i]));
    }
  });
}

bool vqsort_loaded() { return vqsort().construct != nullptr; }

int64_t vqsort_targets() { return vqsort().supported_targets ? vqsort().supported_targets() : 0; }

void vqsort_force_targets(int64_t targets) {
  if (vqsort().set_targets_for_test) vqsort().set_targets_for_test(targets);
}

#define CNP_SORT_INSTANTIATE(T)                                                        \
  template void sort_values<T>(T*, int64_t, bool);                                     \
  template void argsort_values<T>(const T*, int64_t, int64_t*);                        \
  template void select_values<T>(T*, int64_t, const int64_t*, int64_t);                \
  template void argselect_values<T>(const T*, int64_t, const int64_t*, int64_t, int64_t*);
CNP_SORT_INSTANTIATE(bool_t)
CNP_SORT_INSTANTIATE(int8_t)
CNP_SORT_INSTANTIATE(uint8_t)
CNP_SORT_INSTANTIATE(int16_t)
CNP_SORT_INSTANTIATE(uint16_t)
CNP_SORT_INSTANTIATE(int32_t)
CNP_SORT_INSTANTIATE(uint32_t)
CNP_SORT_INSTANTIATE(int64_t)
CNP_SORT_INSTANTIATE(uint64_t)
CNP_SORT_INSTANTIATE(half_t)
CNP_SORT_INSTANTIATE(float)
CNP_SORT_INSTANTIATE(double)
CNP_SORT_INSTANTIATE(c64_t)
CNP_SORT_INSTANTIATE(c128_t)
template void search_keys<uint8_t>(const uint8_t*, int64_t, const uint8_t*, int64_t, bool, int64_t*);
template void search_keys<uint16_t>(const uint16_t*, int64_t, const uint16_t*, int64_t, bool, int64_t*);
template void search_keys<uint32_t>(const uint32_t*, int64_t, const uint32_t*, int64_t, bool, int64_t*);
template void search_keys<uint64_t>(const uint64_t*, int64_t, const uint64_t*, int64_t, bool, int64_t*);
template void search_keys<c64_t>(const c64_t*, int64_t, const c64_t*, int64_t, bool, int64_t*);
template void search_keys<c128_t>(const c128_t*, int64_t, const c128_t*, int64_t, bool, int64_t*);

}  // namespace cnp::sorting
