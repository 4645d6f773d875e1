// Elements of S and U arrays as sequences of characters, and the one elementwise driver of the
// numpy.char functions (docs/char.md). Every function works on code points: a U element is its
// UCS4 code points, an S element its bytes (0..255), so one implementation serves both kinds and
// only the character classes and case rules differ (Python's str methods for U, bytes methods
// with ASCII rules for S). Elements lose their trailing NULs when loaded, as NumPy's str_/bytes_
// scalars (which NumPy's Python loop hands to the str methods) do.
#pragma once
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "core/array.hpp"
#include "core/broadcast.hpp"
#include "core/dtype.hpp"
#include "core/error.hpp"
#include "core/iter.hpp"
#include "core/parallel.hpp"

namespace cnp::chr {

using Text = std::u32string;

// How a string array stores its characters.
struct Layout {
  bool unicode = false;  // U (UCS4) or S (bytes)
  bool swapped = false;  // U in the other byte order
  int64_t width = 0;     // characters per element
};

inline bool is_string(const Dtype* d) { return d->kind == 'S' || d->kind == 'U'; }

inline Layout layout_of(const Dtype* d) {
  Layout l;
  l.unicode = d->kind == 'U';
  l.swapped = l.unicode && d->swapped;
  l.width = l.unicode ? d->itemsize / 4 : d->itemsize;
  return l;
}

// The element at p without its trailing NULs, into out.
inline void load(const char* p, const Layout& l, Text& out) {
  out.clear();
  if (!l.unicode) {
    int64_t n = l.width;
    while (n > 0 && p[n - 1] == 0) --n;
    out.resize(static_cast<size_t>(n));
    const auto* b = reinterpret_cast<const unsigned char*>(p);
    for (int64_t i = 0; i < n; ++i) out[static_cast<size_t>(i)] = b[i];
    return;
  }
  int64_t n = l.width;
  uint32_t c;
  while (n > 0) {
    std::memcpy(&c, p + (n - 1) * 4, 4);
    if (c != 0) break;
    --n;
  }
  out.resize(static_cast<size_t>(n));
  if (n) std::memcpy(out.data(), p, static_cast<size_t>(n) * 4);
  if (l.swapped)
    for (auto& ch : out) ch = __builtin_bswap32(static_cast<uint32_t>(ch));
}

// Writes s[0, n) at p, truncated to the width and padded with NULs (NumPy's assignment of a
// longer str into a narrower element).
inline void store(char* p, const Layout& l, const char32_t* s, size_t n) {
  const size_t w = static_cast<size_t>(l.width);
  if (n > w) n = w;
  if (!l.unicode) {
    for (size_t i = 0; i < n; ++i) p[i] = static_cast<char>(s[i]);
    if (n < w) std::memset(p + n, 0, w - n);
    return;
  }
  if (!l.swapped) {
    if (n) std::memcpy(p, s, n * 4);
  } else {
    for (size_t i = 0; i < n; ++i) {
      uint32_t c = __builtin_bswap32(static_cast<uint32_t>(s[i]));
      std::memcpy(p + i * 4, &c, 4);
    }
  }
  if (n < w) std::memset(p + n * 4, 0, (w - n) * 4);
}
inline void store(char* p, const Layout& l, const Text& s) { store(p, l, s.data(), s.size()); }

// The checks every function makes on its arguments.
// NumPy's _vec_string: "string operation on non-string array".
const Array& string_array(const Array& a);
// An integer argument (start, end, width, count ...) as native int64; `message` is the
// TypeError of Python's method for a non-integer value.
Array int_array(const Array& a, const char* message);
// A string argument of a U call that is not U: NumPy hands a bytes_ (or int64 ...) scalar to a
// str method, which raises TypeError(message, its %s replaced by the scalar type's name,
// "numpy.bytes_"). A bytes method takes any NumPy scalar through the buffer protocol: a U
// argument of an S call is the UCS4 bytes of its str_, a number its raw bytes (so b'a' + 1 is
// b'a\x01\x00...', as in NumPy); those are never errors.
void check_str_arg(const Array& a, const Array& arg, const char* message);
// The name Python gives a NumPy scalar of d in messages ("numpy.bytes_", "numpy.int64").
std::string scalar_type_name(const Dtype* d);
// Loads an argument element as the call's kind sees it.
struct ArgReader {
  Layout lay;
  bool ucs4_bytes = false;  // U argument of an S call
  bool raw = false;         // numeric argument of an S call: its itemsize bytes
  int64_t itemsize = 0;
  ArgReader() = default;
  ArgReader(const Array& a, const Array& arg) {
    if (is_string(arg.dtype())) {
      lay = layout_of(arg.dtype());
      ucs4_bytes = a.dtype()->kind == 'S' && arg.dtype()->kind == 'U';
    } else {
      raw = true;
      itemsize = arg.itemsize();
    }
  }
  void operator()(const char* p, Text& out) const {
    if (raw) {
      out.resize(static_cast<size_t>(itemsize));
      for (int64_t i = 0; i < itemsize; ++i) out[static_cast<size_t>(i)] = static_cast<unsigned char>(p[i]);
      return;
    }
    load(p, lay, out);
    if (ucs4_bytes) {
      Text b;
      b.reserve(out.size() * 4);
      for (char32_t c : out)
        for (int k = 0; k < 4; ++k) b.push_back((static_cast<uint32_t>(c) >> (8 * k)) & 0xff);
      out.swap(b);
    }
  }
};

inline int64_t get_int(const char* p) {
  int64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

// A new C-contiguous array of `dtype` over the broadcast shape.
struct Shape {
  int32_t nd = 0;
  int64_t dims[kMaxDims];
  int64_t size() const {
    int64_t n = 1;
    for (int32_t i = 0; i < nd; ++i) n *= dims[i];
    return n;
  }
};
Shape broadcast_of(std::initializer_list<const Array*> ops);
Array new_output(const Dtype* dtype, const Shape& s);
// An S/U descriptor of `width` characters in `order` ('=' native, '>'/'<').
DtypeRef string_dtype(bool unicode, int64_t width, char order = '=');

// Buffers an element function reuses from one element to the next (one set per run of
// elements, so no thread_local lookups, which cost a call each in a shared library).
struct Scratch {
  Text t[4];
};

// Calls fn(ptrs, scratch) for every element of the broadcast shape in C order, ptrs[k] pointing at
// operand k's element (outputs are C-contiguous arrays of the shape). Large calls are split
// among the pool's threads (elements are independent, so results do not depend on the split).
template <class Fn>
void for_each_element(std::initializer_list<const Array*> ops, const Shape& s, Fn&& fn, bool parallel = true) {
  const int nop = static_cast<int>(ops.size());
  int64_t strides[kIterMaxOps][kMaxDims];
  const int64_t* sp[kIterMaxOps];
  char* bases[kIterMaxOps];
  int k = 0;
  for (const Array* a : ops) {
    broadcast_strides(*a, s.nd, s.dims, strides[k]);
    sp[k] = strides[k];
    bases[k] = a->data();
    ++k;
  }
  int32_t perm[kMaxDims];
  for (int32_t i = 0; i < s.nd; ++i) perm[i] = i;
  NdIter it;
  it.init(nop, s.nd, s.dims, sp, bases, perm, false);
  auto run = [&](char* const* p, const int64_t* st, int64_t n) {
    Scratch sc;
    char* ptrs[kIterMaxOps];
    for (int j = 0; j < nop; ++j) ptrs[j] = p[j];
    for (int64_t i = 0; i < n; ++i) {
      fn(static_cast<char* const*>(ptrs), sc);
      for (int j = 0; j < nop; ++j) ptrs[j] += st[j];
    }
  };
  const int64_t size = it.size();
  int parts = parallel ? static_cast<int>(size / 16384) : 1;
  if (parts > 4 * num_threads()) parts = 4 * num_threads();
  if (parts <= 1) {
    it.for_each(run);
    return;
  }
  parallel_run(parts, [&](int part) { it.for_range(size * part / parts, size * (part + 1) / parts, run); });
}

// Results whose width is known only once every element is computed (NumPy's object results
// turned into an array by numpy.asarray(result.tolist())): fn(ptrs, out) per element, then an
// array of the kind asked for, as wide as the longest result (at least 1). An empty result is
// float64, as numpy.asarray([]) is.
template <class Fn>
Array collect(std::initializer_list<const Array*> ops, const Shape& s, bool unicode, Fn&& fn) {
  Text all, one;
  std::vector<size_t> ends;
  ends.reserve(static_cast<size_t>(s.size()));
  for_each_element(
      ops, s,
      [&](char* const* p, Scratch& sc) {
        one.clear();
        fn(p, one, sc);
        all += one;
        ends.push_back(all.size());
      },
      false);
  if (ends.empty()) return new_output(builtin_dtype(CNP_FLOAT64), s);
  size_t width = 1, prev = 0;
  for (size_t e : ends) {
    if (e - prev > width) width = e - prev;
    prev = e;
  }
  DtypeRef dt = string_dtype(unicode, static_cast<int64_t>(width));
  Array out = new_output(dt.get(), s);
  const Layout lay = layout_of(dt.get());
  prev = 0;
  for (size_t i = 0; i < ends.size(); ++i) {
    store(out.data() + static_cast<int64_t>(i) * out.itemsize(), lay, all.data() + prev, ends[i] - prev);
    prev = ends[i];
  }
  return out;
}

// Python's slice index adjustment of start/end against a length (ADJUST_INDICES).
inline void adjust_indices(int64_t& start, int64_t& end, int64_t len) {
  if (end > len) end = len;
  else if (end < 0) {
    end += len;
    if (end < 0) end = 0;
  }
  if (start < 0) {
    start += len;
    if (start < 0) start = 0;
  }
}

}  // namespace cnp::chr
