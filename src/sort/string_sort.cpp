// Sort methods of the string classes (bytes S n, str U n): NumPy's order is the lexicographic
// order of the whole fixed-width element, bytes as unsigned chars, code points as unsigned
// 32-bit values (trailing NULs pad, so 'a' < 'a\0b' < 'ab' as in npysort's STRING_LT/UNICODE_LT).
//
// The kernel is the most-significant-digit sort of sort/msd.hpp on packed prefix keys: each
// element's characters are packed into uint64 words (8 bytes of S; for U as many code points as
// fit: 8 when every code point in the array is below 256, 4 below 65536, else 3). Words of up to 8 Latin-1 characters are sorted by one
// vqsort pass. searchsorted bisects the haystack's prefix keys first and compares whole
// strings only among the elements that share the needle's key.
#include <algorithm>
#include <cstring>
#include <vector>

#include "core/error.hpp"
#include "sort/kernels.hpp"
#include "sort/msd.hpp"
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

// The characters of n contiguous elements: char k of element i. Templated on the element kind
// and byte order so that the inner loops carry no per-character branches.
template <bool Unicode, bool Swapped>
struct Text {
  const char* v;
  int64_t width;   // bytes per element
  int64_t nchars;  // characters per element
  int bits;        // bits per character in a key
  int per_key;     // characters per key

  uint32_t ch(int64_t i, int64_t k) const {
    const char* p = v + i * width;
    if constexpr (Unicode) return load_cp(p + 4 * k, Swapped);
    else return static_cast<unsigned char>(p[k]);
  }
  // Characters [depth, depth + per_key) of element i packed, first most significant; past the
  // end they count as NULs.
  uint64_t key(int64_t i, int64_t depth) const {
    if constexpr (!Unicode) {
      if (depth + 8 <= nchars) {
        uint64_t k;
        std::memcpy(&k, v + i * width + depth, 8);
        return __builtin_bswap64(k);
      }
    }
    uint64_t k = 0;
    for (int j = 0; j < per_key; ++j) {
      const int64_t c = depth + j;
      k = (k << bits) | (c < nchars ? ch(i, c) : 0u);
    }
    return k;
  }
  // NumPy's order from character `depth` on, ties broken by index (a total order, so any
  // comparison sort of it gives the stable permutation).
  bool before(int64_t a, int64_t b, int64_t depth) const {
    if constexpr (!Unicode) {
      const int c = std::memcmp(v + a * width + depth, v + b * width + depth, static_cast<size_t>(nchars - depth));
      return c != 0 ? c < 0 : a < b;
    } else {
      for (int64_t k = depth; k < nchars; ++k) {
        const uint32_t x = ch(a, k), y = ch(b, k);
        if (x != y) return x < y;
      }
      return a < b;
    }
  }
};

// The levels of msd_argsort (sort/msd.hpp): level l is the key of characters
// [l * per_key, (l + 1) * per_key).
template <bool Unicode, bool Swapped>
struct TextLevels {
  static constexpr bool kKeyedSmallRuns = false;
  const Text<Unicode, Swapped>& t;
  int64_t levels() const { return (t.nchars + t.per_key - 1) / t.per_key; }
  uint64_t key(int64_t i, int64_t level) const { return t.key(i, level * t.per_key); }
  bool before(int64_t a, int64_t b, int64_t level) const { return t.before(a, b, level * t.per_key); }
};

template <bool Unicode, bool Swapped>
void text_argsort(Text<Unicode, Swapped> t, int64_t n, int64_t* out) {
  msd_argsort(TextLevels<Unicode, Swapped>{t}, n, out);
}

// <0, 0, >0: element i of a against element j of b (one descriptor) from character `depth` on.
template <bool Unicode, bool Swapped>
int compare_from(const Text<Unicode, Swapped>& a, int64_t i, const Text<Unicode, Swapped>& b, int64_t j,
                 int64_t depth) {
  for (int64_t k = depth; k < a.nchars; ++k) {
    const uint32_t x = a.ch(i, k), y = b.ch(j, k);
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

// searchsorted: the haystack's prefix keys bisected first (8 bytes a probe instead of a string
// compare), full comparisons only among the elements sharing the needle's key.
template <bool Unicode, bool Swapped>
void text_search(const Text<Unicode, Swapped>& th, int64_t nh, const Text<Unicode, Swapped>& tn, int64_t nn,
                 bool right, int64_t* out) {
  Scratch<uint64_t> hk(nh);
  for (int64_t i = 0; i < nh; ++i) hk[i] = th.key(i, 0);
  const uint64_t* h = hk.get();
  for (int64_t j = 0; j < nn; ++j) {
    const uint64_t k = tn.key(j, 0);
    int64_t lo = std::lower_bound(h, h + nh, k) - h;
    int64_t hi = std::upper_bound(h + lo, h + nh, k) - h;
    if (lo < hi && th.nchars > th.per_key) {
      // left: the first element not less than the needle; right: the first greater one.
      while (lo < hi) {
        const int64_t mid = lo + (hi - lo) / 2;
        const int c = compare_from(th, mid, tn, j, th.per_key);
        if (right ? c <= 0 : c < 0) lo = mid + 1;
        else hi = mid;
      }
      out[j] = lo;
    } else {
      out[j] = right ? hi : lo;
    }
  }
}

// Bits and characters per key for the code points of these elements (U), 8 bytes for S.
void key_layout(const Dtype* d, const char* const* vs, const int64_t* ns, int count, int* bits, int* per_key) {
  *bits = 8;
  *per_key = 8;
  if (d->kind != 'U') return;
  uint32_t top = 0;
  for (int c = 0; c < count; ++c) {
    const int64_t m = ns[c] * (d->itemsize / 4);
    if (d->swapped) {
      for (int64_t i = 0; i < m; ++i) top = std::max(top, load_cp(vs[c] + 4 * i, true));
    } else {
      uint32_t t = 0;  // a plain max the compiler vectorises
      for (int64_t i = 0; i < m; ++i) {
        uint32_t x;
        std::memcpy(&x, vs[c] + 4 * i, 4);
        t = x > t ? x : t;
      }
      top = std::max(top, t);
    }
  }
  if (top >= (1u << 21)) {  // not Unicode: whole 32-bit values, two per key
    *bits = 32;
    *per_key = 2;
  } else if (top > 0xFFFF) {  // every code point in 21 bits
    *bits = 21;
    *per_key = 3;
  } else if (top > 0xFF) {
    *bits = 16;
    *per_key = 4;
  }
}

// U elements whose code points are all below 256, one byte per character: the order is the same
// and the bytes kernel (memcpy keys, memcmp comparisons) reads a quarter of the memory.
Scratch<char> narrowed(const Dtype* d, const char* v, int64_t n) {
  const int64_t nchars = d->itemsize / 4;
  Scratch<char> out(n * nchars);
  char* o = out.get();
  for (int64_t i = 0, m = n * nchars; i < m; ++i) o[i] = static_cast<char>(load_cp(v + 4 * i, d->swapped));
  return out;
}

void string_argsort(const Dtype* d, const char* v, int64_t n, int64_t* out) {
  const bool unicode = d->kind == 'U';
  const int64_t nchars = unicode ? d->itemsize / 4 : d->itemsize;
  int bits, per_key;
  key_layout(d, &v, &n, 1, &bits, &per_key);
  if (n == 0) return;
  if (unicode && bits == 8 && nchars > 0) {
    Scratch<char> narrow = narrowed(d, v, n);
    return text_argsort(Text<false, false>{narrow.get(), nchars, nchars, 8, 8}, n, out);
  }
  if (!unicode) return text_argsort(Text<false, false>{v, d->itemsize, nchars, bits, per_key}, n, out);
  if (d->swapped) return text_argsort(Text<true, true>{v, d->itemsize, nchars, bits, per_key}, n, out);
  text_argsort(Text<true, false>{v, d->itemsize, nchars, bits, per_key}, n, out);
}

void string_search(const Dtype* d, const char* hay, int64_t nh, const char* needles, int64_t nn, bool right,
                   int64_t* out) {
  const bool unicode = d->kind == 'U';
  const int64_t nchars = unicode ? d->itemsize / 4 : d->itemsize;
  int bits, per_key;
  const char* vs[2] = {hay, needles};
  const int64_t ns[2] = {nh, nn};
  key_layout(d, vs, ns, 2, &bits, &per_key);
  auto run = [&](auto tag) {
    using T = decltype(tag);
    text_search(T{hay, d->itemsize, nchars, bits, per_key}, nh, T{needles, d->itemsize, nchars, bits, per_key}, nn,
                right, out);
  };
  if (unicode && bits == 8 && nchars > 0) {  // one byte per character, as in string_argsort
    Scratch<char> h = narrowed(d, hay, nh), q = narrowed(d, needles, nn);
    using T = Text<false, false>;
    return text_search(T{h.get(), nchars, nchars, 8, 8}, nh, T{q.get(), nchars, nchars, 8, 8}, nn, right, out);
  }
  if (!unicode) return run(Text<false, false>{});
  if (d->swapped) return run(Text<true, true>{});
  run(Text<true, false>{});
}

const SortMethod kBytes{&bytes_less, &same_bytes, &string_argsort, &string_search};
const SortMethod kUnicode{&unicode_less, &same_bytes, &string_argsort, &string_search};

}  // namespace
}  // namespace cnp::sorting

namespace cnp {
void register_string_sort(LoopRegistry& r) {
  sorting::add_sort_method(r, DClass::bytes, &sorting::kBytes);
  sorting::add_sort_method(r, DClass::unicode, &sorting::kUnicode);
}
}  // namespace cnp
