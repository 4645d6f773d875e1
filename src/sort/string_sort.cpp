// Sort methods of the string classes (bytes S n, str U n): NumPy's order is the lexicographic
// order of the whole fixed-width element, bytes as unsigned chars, code points as unsigned
// 32-bit values (trailing NULs pad, so 'a' < 'a\0b' < 'ab' as in npysort's STRING_LT/UNICODE_LT).
//
// The kernel is a most-significant-digit sort on packed prefix keys: each element's first
// characters are packed into one uint64 (8 bytes of S; for U as many code points as fit: 8 when
// every code point in the array is below 256, 4 below 65536, else 3), the (key, index) pairs
// go through the numeric module's stable argsort (vqsort on 128-bit pairs), and each run of
// equal keys is refined with the next characters the same way (short runs: insertion sort).
// Words of up to 8 Latin-1 characters are sorted by one vqsort pass.
#include <algorithm>
#include <cstring>
#include <vector>

#include "core/error.hpp"
#include "sort/kernels.hpp"
#include "sort/methods.hpp"

namespace cnp::sorting {
namespace {

inline uint32_t load_cp(const char* p, bool swapped) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return swapped ? __builtin_bswap32(v) : v;
}

bool unicode_less(const Dtype* d, const char* a, const char* b) {
  const int64_t n = d->itemsize / 4;
  for (int64_t k = 0; k < n; ++k) {
    const uint32_t x = load_cp(a + 4 * k, d->swapped), y = load_cp(b + 4 * k, d->swapped);
    if (x != y) return x < y;
  }
  return false;
}

bool bytes_less(const Dtype* d, const char* a, const char* b) {
  return std::memcmp(a, b, static_cast<size_t>(d->itemsize)) < 0;
}

// Fixed-width strings are equal exactly when their bytes are (the padding is NULs either way).
bool same_bytes(const Dtype* d, const char* a, const char* b) {
  return std::memcmp(a, b, static_cast<size_t>(d->itemsize)) == 0;
}

// The characters of n contiguous elements: char k of element i.
struct Text {
  const char* v;
  int64_t width;   // bytes per element
  int64_t nchars;  // characters per element
  bool unicode;
  bool swapped;
  int bits;        // bits per character in a key
  int per_key;     // characters per key

  uint32_t ch(int64_t i, int64_t k) const {
    const char* p = v + i * width;
    return unicode ? load_cp(p + 4 * k, swapped) : static_cast<unsigned char>(p[k]);
  }
  // Characters [depth, depth + per_key) of element i packed, first most significant; past the
  // end they count as NULs.
  uint64_t key(int64_t i, int64_t depth) const {
    if (!unicode && depth + 8 <= nchars) {
      uint64_t k;
      std::memcpy(&k, v + i * width + depth, 8);
      return __builtin_bswap64(k);
    }
    uint64_t k = 0;
    for (int j = 0; j < per_key; ++j) {
      const int64_t c = depth + j;
      k = (k << bits) | (c < nchars ? ch(i, c) : 0u);
    }
    return k;
  }
  // Whether element a sorts before b looking at characters from `depth` on.
  bool less_from(int64_t a, int64_t b, int64_t depth) const {
    for (int64_t k = depth; k < nchars; ++k) {
      const uint32_t x = ch(a, k), y = ch(b, k);
      if (x != y) return x < y;
    }
    return false;
  }
};

constexpr int64_t kInsertionMax = 24;

void string_argsort(const Dtype* d, const char* v, int64_t n, int64_t* out) {
  Text t{v, d->itemsize, 0, d->kind == 'U', d->swapped, 8, 8};
  t.nchars = t.unicode ? d->itemsize / 4 : d->itemsize;
  if (t.unicode) {
    uint32_t top = 0;
    for (int64_t i = 0, m = n * t.nchars; i < m; ++i) top = std::max(top, load_cp(v + 4 * i, t.swapped));
    if (top > 0xFFFF) {
      t.bits = 21;  // every code point (and every 32-bit value up to 2^21) in 21 bits
      t.per_key = 3;
      if (top >= (1u << 21)) {  // not Unicode: whole 32-bit values, two per key
        t.bits = 32;
        t.per_key = 2;
      }
    } else if (top > 0xFF) {
      t.bits = 16;
      t.per_key = 4;
    }
  }
  if (n == 0) return;
  std::vector<uint64_t> keys(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) keys[i] = t.key(i, 0);
  argsort_values(keys.data(), n, out);
  if (t.nchars <= t.per_key) return;
  struct Run {
    int64_t lo, hi, depth;
  };
  std::vector<Run> todo;
  auto push_runs = [&](int64_t lo, int64_t hi, const uint64_t* k, int64_t depth) {
    // k[j] is the key of out[lo + j]; runs of equal keys need the next characters.
    for (int64_t a = lo; a < hi;) {
      int64_t b = a + 1;
      while (b < hi && k[b - lo] == k[a - lo]) ++b;
      if (b - a > 1) todo.push_back({a, b, depth});
      a = b;
    }
  };
  {
    std::vector<uint64_t> sorted(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) sorted[i] = keys[out[i]];
    push_runs(0, n, sorted.data(), t.per_key);
  }
  std::vector<uint64_t> sub, sorted_sub;
  std::vector<int64_t> q, moved;
  while (!todo.empty()) {
    const Run r = todo.back();
    todo.pop_back();
    const int64_t len = r.hi - r.lo;
    int64_t* o = out + r.lo;
    if (len <= kInsertionMax) {  // stable insertion sort on the remaining characters
      for (int64_t i = 1; i < len; ++i) {
        const int64_t x = o[i];
        int64_t j = i;
        while (j > 0 && t.less_from(x, o[j - 1], r.depth)) {
          o[j] = o[j - 1];
          --j;
        }
        o[j] = x;
      }
      continue;
    }
    sub.resize(static_cast<size_t>(len));
    q.resize(static_cast<size_t>(len));
    moved.resize(static_cast<size_t>(len));
    for (int64_t j = 0; j < len; ++j) sub[j] = t.key(o[j], r.depth);
    argsort_values(sub.data(), len, q.data());  // stable: ties keep input (index) order
    for (int64_t j = 0; j < len; ++j) moved[j] = o[q[j]];
    std::copy(moved.begin(), moved.end(), o);
    if (r.depth + t.per_key >= t.nchars) continue;
    sorted_sub.resize(static_cast<size_t>(len));
    for (int64_t j = 0; j < len; ++j) sorted_sub[j] = sub[q[j]];
    push_runs(r.lo, r.hi, sorted_sub.data(), r.depth + t.per_key);
  }
}

const SortMethod kBytes{&bytes_less, &same_bytes, &string_argsort};
const SortMethod kUnicode{&unicode_less, &same_bytes, &string_argsort};

}  // namespace
}  // namespace cnp::sorting

namespace cnp {
void register_string_sort(LoopRegistry& r) {
  sorting::add_sort_method(r, DClass::bytes, &sorting::kBytes);
  sorting::add_sort_method(r, DClass::unicode, &sorting::kUnicode);
}
}  // namespace cnp
