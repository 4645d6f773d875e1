// The sort method of void descriptors: records (NumPy's VOID_compare) and plain "V n" bytes.
//
// NumPy compares two records field by field in the descriptor's name order (the order= names
// first: sort/sort.cpp makes a descriptor with the names reordered), each field with its own
// type's compare function, the first unequal field deciding:
//   - bool: false < true; integers by value; datetime64/timedelta64 by value with NaT last;
//   - float32/float64 with NaNs last (all NaNs equal, -0.0 == 0.0);
//   - float16 with NaNs FIRST (NumPy's HALF_compare returns -1 for a NaN on the left);
//   - complex as NumPy's CLT: no NaN < imaginary NaN < real NaN < both, then by the parts;
//   - S and plain V (and subarray fields, whatever their base: a subarray descriptor has no
//     fields, so VOID_compare falls back to STRING_compare) by memcmp of the raw bytes;
//   - U by code points; nested records recursively (which is the same as their fields inline).
// Byte-swapped fields are compared by value (NumPy copyswaps them first).
//
// Each scalar field maps to one or more order-preserving unsigned "units" (key bits whose
// unsigned order is the field's compare order, equal exactly when the compare says equal). A
// record's key is its units' bits concatenated in priority order; packed into 64-bit words it
// sorts lexicographically like the records, so the argsort kernel is the MSD sort of
// sort/msd.hpp (vqsort of the first word, runs of equal words refined by the next ones). For
// 10**6 Person records sorted by age, the first word holds the age and four characters of the
// name, and almost every record is placed by one vqsort pass.
//
// `equal` is NumPy's record == instead (_void_compare: each field's ==, NaN unequal to itself,
// -0.0 == 0.0, subarrays element by element): unique and isin group with it, as NumPy's do.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <vector>

#include "core/error.hpp"
#include "core/types.hpp"
#include "sort/methods.hpp"
#include "sort/msd.hpp"

namespace cnp::sorting {
namespace {

// What a unit reads at `offset` in the record.
enum class Op : uint8_t {
  boolean,   // 1 bit: the byte is nonzero
  sint,      // `size` bytes, signed: sign bit flipped
  uint,      // `size` bytes, unsigned
  f16,       // NaN -> 0 (first), else the IEEE key (-0.0 as 0.0)
  f32,       // NaN -> all ones (last), else the IEEE key
  f64,
  cclass,    // 2 bits of a complex of part size `size`: 2 * isnan(real) + isnan(imag)
  time,      // int64 with NaT (INT64_MIN) last
  bytes,     // `size` (<= 8) raw bytes, big-endian
  ucs4,      // `size` code points of `char_bits` bits each
};

struct Unit {
  Op op;
  uint8_t size = 0;       // bytes (numbers, bytes) or code points (ucs4) read
  uint8_t bits = 0;       // width of the unit's value
  uint8_t char_bits = 0;  // ucs4: bits per code point
  bool swapped = false;
  int64_t offset = 0;
};

// A scalar field before it is cut into units (the cut of U depends on the data).
struct Leaf {
  Op op;            // complex fields: cclass (expanded to the class and the two parts)
  int64_t size;     // bytes of the scalar; bytes: total bytes; ucs4: code points
  bool swapped;
  int64_t offset;
};

// The value of type T stored at p (maybe unaligned), its bytes reversed first when swapped.
template <class T>
inline T load(const char* p, bool swapped) {
  char b[sizeof(T)];
  std::memcpy(b, p, sizeof(T));
  if (swapped) std::reverse(b, b + sizeof(T));
  T v;
  std::memcpy(&v, b, sizeof(T));
  return v;
}

inline uint64_t load_uint(const char* p, int64_t size, bool swapped) {
  switch (size) {
    case 1: return static_cast<unsigned char>(*p);
    case 2: return load<uint16_t>(p, swapped);
    case 4: return load<uint32_t>(p, swapped);
    default: return load<uint64_t>(p, swapped);
  }
}

inline bool nan16(uint16_t h) { return (h & 0x7c00u) == 0x7c00u && (h & 0x03ffu) != 0; }
inline bool nan32(uint32_t b) { return (b & 0x7fffffffu) > 0x7f800000u; }
inline bool nan64(uint64_t b) { return (b & 0x7fffffffffffffffull) > 0x7ff0000000000000ull; }

// The IEEE trick on `bits`-wide patterns (negative: all bits inverted; positive: sign set), -0.0
// first folded onto 0.0 so that the two zeros get one key.
template <class U>
inline U float_key(U b) {
  constexpr U sign = U(1) << (sizeof(U) * 8 - 1);
  if (b == sign) b = 0;
  return (b & sign) ? U(~b) : U(b | sign);
}

uint64_t unit_value(const Unit& u, const char* rec) {
  const char* p = rec + u.offset;
  switch (u.op) {
    case Op::boolean: return *p != 0;
    case Op::sint: {
      const uint64_t v = load_uint(p, u.size, u.swapped);
      return (v ^ (uint64_t{1} << (u.size * 8 - 1))) & (u.size == 8 ? ~uint64_t{0} : (uint64_t{1} << (u.size * 8)) - 1);
    }
    case Op::uint: return load_uint(p, u.size, u.swapped);
    case Op::f16: {
      const uint16_t h = load<uint16_t>(p, u.swapped);
      return nan16(h) ? 0 : float_key<uint16_t>(h);
    }
    case Op::f32: {
      const uint32_t b = load<uint32_t>(p, u.swapped);
      return nan32(b) ? 0xffffffffu : float_key<uint32_t>(b);
    }
    case Op::f64: {
      const uint64_t b = load<uint64_t>(p, u.swapped);
      return nan64(b) ? ~uint64_t{0} : float_key<uint64_t>(b);
    }
    case Op::cclass: {
      if (u.size == 4)
        return 2u * nan32(load<uint32_t>(p, u.swapped)) + nan32(load<uint32_t>(p + 4, u.swapped));
      return 2u * nan64(load<uint64_t>(p, u.swapped)) + nan64(load<uint64_t>(p + 8, u.swapped));
    }
    case Op::time: {
      const uint64_t v = load<uint64_t>(p, u.swapped);
      constexpr uint64_t nat = uint64_t{1} << 63;  // INT64_MIN's bits
      return v == nat ? ~uint64_t{0} : (v ^ nat) - 1;  // others in [0, 2^64 - 2]
    }
    case Op::bytes: {
      uint64_t v = 0;
      std::memcpy(&v, p, u.size);
      return __builtin_bswap64(v) >> (64 - 8 * u.size);
    }
    case Op::ucs4: {
      uint64_t v = 0;
      for (int k = 0; k < u.size; ++k) v = (v << u.char_bits) | load<uint32_t>(p + 4 * k, u.swapped);
      return v;
    }
  }
  return 0;
}

[[noreturn]] void unsortable(const Dtype* d) {
  throw_type("cnumpy: sorting arrays of " + dtype_repr(d) + " is not supported");
}

// The scalar fields of d (at byte `offset` in the record) in NumPy's compare order.
void collect_leaves(const Dtype* d, int64_t offset, std::vector<Leaf>& out, const Dtype* whole) {
  if (is_record(d)) {
    for (const DtypeField& f : d->fields) collect_leaves(f.dtype, offset + f.offset, out, whole);
    return;
  }
  if (is_subarray(d) || d->kind == 'V' || d->kind == 'S') {  // raw bytes (memcmp)
    if (d->itemsize > 0) out.push_back({Op::bytes, d->itemsize, false, offset});
    return;
  }
  const bool sw = d->swapped;
  switch (d->kind) {
    case 'b': out.push_back({Op::boolean, 1, false, offset}); return;
    case 'i': out.push_back({Op::sint, d->itemsize, sw, offset}); return;
    case 'u': out.push_back({Op::uint, d->itemsize, sw, offset}); return;
    case 'f':
      out.push_back({d->itemsize == 2 ? Op::f16 : d->itemsize == 4 ? Op::f32 : Op::f64, d->itemsize, sw, offset});
      return;
    case 'c': out.push_back({Op::cclass, d->itemsize / 2, sw, offset}); return;
    case 'M': case 'm': out.push_back({Op::time, 8, sw, offset}); return;
    case 'U':
      if (d->itemsize > 0) out.push_back({Op::ucs4, d->itemsize / 4, sw, offset});
      return;
    default: unsortable(whole);
  }
}

// Bits per code point for the U leaf over n records (8 when all are below 256, 16, 21 or 32).
int char_bits_of(const Leaf& l, const char* v, int64_t n, int64_t w) {
  uint32_t top = 0;
  for (int64_t i = 0; i < n; ++i) {
    const char* p = v + i * w + l.offset;
    for (int64_t k = 0; k < l.size; ++k) top = std::max(top, load<uint32_t>(p + 4 * k, l.swapped));
  }
  return top < 256 ? 8 : top < 65536 ? 16 : top < (1u << 21) ? 21 : 32;
}

// The units of the leaves; U leaves use `char_bits(leaf)` bits per code point.
template <class CharBits>
std::vector<Unit> units_of(const std::vector<Leaf>& leaves, CharBits&& char_bits) {
  std::vector<Unit> u;
  for (const Leaf& l : leaves) {
    switch (l.op) {
      case Op::boolean: u.push_back({Op::boolean, 1, 1, 0, false, l.offset}); break;
      case Op::sint: case Op::uint:
        u.push_back({l.op, static_cast<uint8_t>(l.size), static_cast<uint8_t>(8 * l.size), 0, l.swapped, l.offset});
        break;
      case Op::f16: u.push_back({Op::f16, 2, 16, 0, l.swapped, l.offset}); break;
      case Op::f32: u.push_back({Op::f32, 4, 32, 0, l.swapped, l.offset}); break;
      case Op::f64: u.push_back({Op::f64, 8, 64, 0, l.swapped, l.offset}); break;
      case Op::cclass: {
        const Op part = l.size == 4 ? Op::f32 : Op::f64;
        const auto pb = static_cast<uint8_t>(8 * l.size);
        u.push_back({Op::cclass, static_cast<uint8_t>(l.size), 2, 0, l.swapped, l.offset});
        u.push_back({part, static_cast<uint8_t>(l.size), pb, 0, l.swapped, l.offset});
        u.push_back({part, static_cast<uint8_t>(l.size), pb, 0, l.swapped, l.offset + l.size});
        break;
      }
      case Op::time: u.push_back({Op::time, 8, 64, 0, l.swapped, l.offset}); break;
      case Op::bytes:
        for (int64_t k = 0; k < l.size; k += 8) {
          const auto s = static_cast<uint8_t>(std::min<int64_t>(8, l.size - k));
          u.push_back({Op::bytes, s, static_cast<uint8_t>(8 * s), 0, false, l.offset + k});
        }
        break;
      case Op::ucs4: {
        const int cb = char_bits(l);
        const int64_t per = 64 / cb;
        for (int64_t k = 0; k < l.size; k += per) {
          const auto s = static_cast<uint8_t>(std::min<int64_t>(per, l.size - k));
          u.push_back({Op::ucs4, s, static_cast<uint8_t>(cb * s), static_cast<uint8_t>(cb), l.swapped, l.offset + 4 * k});
        }
        break;
      }
    }
  }
  return u;
}

std::vector<Leaf> leaves_of(const Dtype* d) {
  std::vector<Leaf> leaves;
  if (is_record(d) || d->kind == 'V') collect_leaves(d, 0, leaves, d);
  else unsortable(d);
  return leaves;
}

// A piece of a key word: bits [rshift, rshift + nbits) of a unit, placed at bit lshift.
struct Piece {
  uint32_t unit;
  uint8_t rshift, nbits, lshift;
};

// The units concatenated and cut into 64-bit words (the last one padded with zero bits).
struct Words {
  std::vector<Unit> units;
  std::vector<Piece> pieces;
  std::vector<uint32_t> first;  // word l is pieces[first[l], first[l + 1])

  explicit Words(std::vector<Unit> u) : units(std::move(u)) {
    int used = 0;  // bits of the current word already taken, from the top
    first.push_back(0);
    for (uint32_t i = 0; i < units.size(); ++i) {
      int remaining = units[i].bits;
      while (remaining > 0) {
        const int take = std::min(remaining, 64 - used);
        pieces.push_back({i, static_cast<uint8_t>(remaining - take), static_cast<uint8_t>(take),
                          static_cast<uint8_t>(64 - used - take)});
        used += take;
        remaining -= take;
        if (used == 64) {
          first.push_back(static_cast<uint32_t>(pieces.size()));
          used = 0;
        }
      }
    }
    if (used > 0) first.push_back(static_cast<uint32_t>(pieces.size()));
  }
  int64_t levels() const { return static_cast<int64_t>(first.size()) - 1; }
  uint64_t word(const char* rec, int64_t level) const {
    uint64_t w = 0;
    for (uint32_t k = first[level]; k < first[level + 1]; ++k) {
      const Piece& p = pieces[k];
      uint64_t v = unit_value(units[p.unit], rec) >> p.rshift;
      if (p.nbits < 64) v &= (uint64_t{1} << p.nbits) - 1;
      w |= v << p.lshift;
    }
    return w;
  }
};

// msd_argsort's view of n contiguous records.
struct RecordLevels {
  static constexpr bool kKeyedSmallRuns = true;
  const Words& w;
  const char* v;
  int64_t size;
  int64_t levels() const { return w.levels(); }
  uint64_t key(int64_t i, int64_t level) const { return w.word(v + i * size, level); }
  bool before(int64_t a, int64_t b, int64_t level) const {
    const char* pa = v + a * size;
    const char* pb = v + b * size;
    for (int64_t l = level, n = w.levels(); l < n; ++l) {
      const uint64_t x = w.word(pa, l), y = w.word(pb, l);
      if (x != y) return x < y;
    }
    return a < b;
  }
};

void record_argsort(const Dtype* d, const char* v, int64_t n, int64_t* out) {
  const std::vector<Leaf> leaves = leaves_of(d);
  const Words w(units_of(leaves, [&](const Leaf& l) { return char_bits_of(l, v, n, d->itemsize); }));
  msd_argsort(RecordLevels{w, v, d->itemsize}, n, out);
}

// The units of d for element comparisons (32 bits per code point: no data to look at), kept for
// the last descriptor seen on this thread (searchsorted and argmax compare many pairs of one
// descriptor). The reference keeps the descriptor, hence its address, alive.
const std::vector<Unit>& compare_units(const Dtype* d) {
  thread_local DtypeRef last;
  thread_local std::vector<Unit> units;
  if (last.get() != d) {
    units = units_of(leaves_of(d), [](const Leaf&) { return 32; });
    last = DtypeRef::borrow(d);
  }
  return units;
}

bool record_less(const Dtype* d, const char* a, const char* b) {
  for (const Unit& u : compare_units(d)) {
    const uint64_t x = unit_value(u, a), y = unit_value(u, b);
    if (x != y) return x < y;
  }
  return false;
}

// NumPy's == on two scalars or records of descriptor d.
bool elements_equal(const Dtype* d, const char* a, const char* b) {
  if (is_record(d)) {
    for (const DtypeField& f : d->fields)
      if (!elements_equal(f.dtype, a + f.offset, b + f.offset)) return false;
    return true;
  }
  if (is_subarray(d)) {
    const int64_t w = d->base->itemsize, n = w > 0 ? d->itemsize / w : 0;
    for (int64_t i = 0; i < n; ++i)
      if (!elements_equal(d->base, a + i * w, b + i * w)) return false;
    return true;
  }
  const bool sw = d->swapped;
  switch (d->kind) {
    case 'b': return (*a != 0) == (*b != 0);
    case 'f':
      if (d->itemsize == 2) return half_to_float(load<uint16_t>(a, sw)) == half_to_float(load<uint16_t>(b, sw));
      if (d->itemsize == 4) return load<float>(a, sw) == load<float>(b, sw);
      return load<double>(a, sw) == load<double>(b, sw);
    case 'c':
      if (d->itemsize == 8) return load<float>(a, sw) == load<float>(b, sw) && load<float>(a + 4, sw) == load<float>(b + 4, sw);
      return load<double>(a, sw) == load<double>(b, sw) && load<double>(a + 8, sw) == load<double>(b + 8, sw);
    case 'M': case 'm': {
      const int64_t x = load<int64_t>(a, sw), y = load<int64_t>(b, sw);
      return x == y && x != INT64_MIN;  // NaT equals nothing
    }
    case 'i': case 'u': case 'S': case 'U': case 'V':
      return std::memcmp(a, b, static_cast<size_t>(d->itemsize)) == 0;
    default: unsortable(d);
  }
}

bool record_equal(const Dtype* d, const char* a, const char* b) { return elements_equal(d, a, b); }

// True when a NaN or NaT makes the element unequal to everything (itself included).
bool has_unequal(const Dtype* d, const char* a) {
  if (is_record(d)) {
    for (const DtypeField& f : d->fields)
      if (has_unequal(f.dtype, a + f.offset)) return true;
    return false;
  }
  if (is_subarray(d)) {
    const int64_t w = d->base->itemsize, n = w > 0 ? d->itemsize / w : 0;
    for (int64_t i = 0; i < n; ++i)
      if (has_unequal(d->base, a + i * w)) return true;
    return false;
  }
  return !elements_equal(d, a, a);
}

const SortMethod kVoid{&record_less, &record_equal, &record_argsort, nullptr, &has_unequal};

}  // namespace
}  // namespace cnp::sorting

namespace cnp {
void register_record_sort(LoopRegistry& r) { sorting::add_sort_method(r, DClass::void_, &sorting::kVoid); }
}  // namespace cnp
