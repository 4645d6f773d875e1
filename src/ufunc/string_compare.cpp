// The comparison ufuncs (equal ... greater_equal) on S and U arrays: the first parametric
// methods of the loop registry (core/loop_registry.hpp). NumPy's rules: the shorter string is
// padded with NULs, so trailing NULs never matter and embedded ones compare as code point 0;
// S compares unsigned bytes, U compares UCS4 code points; widths and byte orders may differ.
// S against U has no loop (NumPy: "did not contain a loop with signature matching types").
#include <cstring>

#include <algorithm>

#include "core/error.hpp"
#include "core/parallel.hpp"
#include "core/loop_registry.hpp"
#include "ufunc/ufunc.hpp"

namespace cnp {

namespace {

enum class Cmp : uint8_t { eq, ne, lt, le, gt, ge };

// Per call: the two widths in characters.
struct Widths {
  int64_t w0, w1;
};

template <class C, bool Swap>
inline C load_char(const char* p, int64_t i) {
  C c;
  std::memcpy(&c, p + i * static_cast<int64_t>(sizeof(C)), sizeof(C));
  if constexpr (Swap) c = __builtin_bswap32(c);
  return c;
}

// <0, 0, >0 as a NUL-padded comparison of a (width wa) and b (width wb). Bytes, and code points
// whose order memcmp does not give (little-endian UCS4) only for equality, compare with memcmp.
template <class C, bool SA, bool SB, bool EqOnly>
int compare(const char* a, int64_t wa, const char* b, int64_t wb) {
  const int64_t common = wa < wb ? wa : wb;
  if constexpr (sizeof(C) == 1 || (EqOnly && SA == SB)) {
    const int c = std::memcmp(a, b, static_cast<size_t>(common) * sizeof(C));
    if (c != 0) return c;
  } else {
    for (int64_t i = 0; i < common; ++i) {
      C x = load_char<C, SA>(a, i), y = load_char<C, SB>(b, i);
      if (x != y) return x < y ? -1 : 1;
    }
  }
  // The longer one's rest against NUL padding: any non-NUL character makes it the greater (a
  // zero code point is zero in either byte order).
  for (int64_t i = common; i < wa; ++i)
    if (load_char<C, false>(a, i) != 0) return 1;
  for (int64_t i = common; i < wb; ++i)
    if (load_char<C, false>(b, i) != 0) return -1;
  return 0;
}

template <Cmp op>
inline bool holds(int c) {
  switch (op) {
    case Cmp::eq: return c == 0;
    case Cmp::ne: return c != 0;
    case Cmp::lt: return c < 0;
    case Cmp::le: return c <= 0;
    case Cmp::gt: return c > 0;
    case Cmp::ge: return c >= 0;
  }
  return false;
}

// == / != of equal widths and byte orders: the elements are equal exactly when their bytes are.
// XORs of 8-byte words ORed together, no branch per element (a mispredicted one per element
// costs more than the compare); NB (the element size in bytes) fixed for the common widths.
template <int NB>
inline bool same_bytes_fixed(const char* a, const char* b) {
  uint64_t acc = 0;
  int k = 0;
  for (; k + 8 <= NB; k += 8) {
    uint64_t x, y;
    std::memcpy(&x, a + k, 8);
    std::memcpy(&y, b + k, 8);
    acc |= x ^ y;
  }
  if constexpr (NB % 8 >= 4) {
    uint32_t x, y;
    std::memcpy(&x, a + k, 4);
    std::memcpy(&y, b + k, 4);
    acc |= x ^ y;
    k += 4;
  }
  for (; k < NB; ++k) acc |= static_cast<uint64_t>(static_cast<unsigned char>(a[k] ^ b[k]));
  return acc == 0;
}

template <int NB, bool Eq>
void equal_run(const char* a, int64_t sa, const char* b, int64_t sb, char* out, int64_t so, int64_t n) {
  for (int64_t i = 0; i < n; ++i) out[i * so] = static_cast<char>(same_bytes_fixed<NB>(a + i * sa, b + i * sb) == Eq);
}

// Large runs are memory-bound (two input streams): split over the pool's threads, each part
// writing its own slice of the output (a nested call runs serially, parallel.hpp).
constexpr int64_t kParallelCompareMin = int64_t{1} << 17;

template <int NB, bool Eq>
void equal_fixed(const char* a, int64_t sa, const char* b, int64_t sb, char* out, int64_t so, int64_t n) {
  const int parts = n >= kParallelCompareMin ? std::min(num_threads(), 8) : 1;
  if (parts <= 1) return equal_run<NB, Eq>(a, sa, b, sb, out, so, n);
  parallel_run(parts, [&](int p) {
    const int64_t lo = n * p / parts, hi = n * (p + 1) / parts;
    equal_run<NB, Eq>(a + lo * sa, sa, b + lo * sb, sb, out + lo * so, so, hi - lo);
  });
}

template <bool Eq>
bool equal_bytes_fast(const char* a, int64_t sa, const char* b, int64_t sb, char* out, int64_t so, int64_t n,
                      int64_t nb) {
  switch (nb) {
#define CNP_EQ_CASE(NB) \
  case NB: return equal_fixed<NB, Eq>(a, sa, b, sb, out, so, n), true;
    CNP_EQ_CASE(1) CNP_EQ_CASE(2) CNP_EQ_CASE(3) CNP_EQ_CASE(4) CNP_EQ_CASE(5) CNP_EQ_CASE(6) CNP_EQ_CASE(7)
    CNP_EQ_CASE(8) CNP_EQ_CASE(10) CNP_EQ_CASE(12) CNP_EQ_CASE(16) CNP_EQ_CASE(20) CNP_EQ_CASE(24) CNP_EQ_CASE(28)
    CNP_EQ_CASE(32) CNP_EQ_CASE(36) CNP_EQ_CASE(40) CNP_EQ_CASE(44) CNP_EQ_CASE(48) CNP_EQ_CASE(52) CNP_EQ_CASE(56)
    CNP_EQ_CASE(60) CNP_EQ_CASE(64)
#undef CNP_EQ_CASE
    default: return false;
  }
}

template <class C, Cmp op, bool SA, bool SB>
void compare_loop(char* const* args, const int64_t* s, int64_t n, const void* data) {
  const auto& w = *static_cast<const Widths*>(data);
  constexpr bool eq_only = op == Cmp::eq || op == Cmp::ne;
  const char* a = args[0];
  const char* b = args[1];
  char* out = args[2];
  if constexpr (eq_only && SA == SB) {
    if (w.w0 == w.w1 &&
        equal_bytes_fast<op == Cmp::eq>(a, s[0], b, s[1], out, s[2], n, w.w0 * static_cast<int64_t>(sizeof(C))))
      return;
  }
  for (int64_t i = 0; i < n; ++i)
    out[i * s[2]] = static_cast<char>(holds<op>(compare<C, SA, SB, eq_only>(a + i * s[0], w.w0, b + i * s[1], w.w1)));
}

// The loops of one comparison: bytes, and code points for each pair of byte orders.
struct Loops {
  StridedFn bytes, unicode[2][2];
};

template <Cmp op>
constexpr Loops loops_of{&compare_loop<uint8_t, op, false, false>,
                         {{&compare_loop<uint32_t, op, false, false>, &compare_loop<uint32_t, op, false, true>},
                          {&compare_loop<uint32_t, op, true, false>, &compare_loop<uint32_t, op, true, true>}}};

// resolve_descriptors: the inputs as they are (no cast: the loop reads both widths and byte
// orders), a bool output; the loop is chosen for the byte orders, the widths are per-call data.
void resolve(const Method& m, const Dtype* const* in, ResolvedLoop& r) {
  const auto& loops = *static_cast<const Loops*>(m.data);
  const bool unicode = in[0]->kind == 'U';
  const int64_t char_size = unicode ? 4 : 1;
  auto w = std::make_shared<Widths>(Widths{in[0]->itemsize / char_size, in[1]->itemsize / char_size});
  r.fn = unicode ? loops.unicode[in[0]->swapped][in[1]->swapped] : loops.bytes;
  r.data = w.get();
  r.per_call = std::move(w);
  r.descrs[0] = DtypeRef::borrow(in[0]);
  r.descrs[1] = DtypeRef::borrow(in[1]);
  r.descrs[2] = DtypeRef::borrow(builtin_dtype(CNP_BOOL));
}

}  // namespace

void register_string_compare(LoopRegistry& r) {
  using ufunc::Id;
  struct Entry {
    Id id;
    const Loops* loops;
  };
  static constexpr Entry entries[] = {
      {Id::equal, &loops_of<Cmp::eq>},      {Id::not_equal, &loops_of<Cmp::ne>},
      {Id::less, &loops_of<Cmp::lt>},       {Id::less_equal, &loops_of<Cmp::le>},
      {Id::greater, &loops_of<Cmp::gt>},    {Id::greater_equal, &loops_of<Cmp::ge>},
  };
  for (const Entry& e : entries) {
    for (DClass c : {DClass::bytes, DClass::unicode}) {
      Method m;
      m.name = c == DClass::bytes ? "bytes_compare" : "unicode_compare";
      m.nin = 2;
      m.nout = 1;
      m.sig[0] = m.sig[1] = c;
      m.resolve = &resolve;
      m.data = e.loops;
      r.add(static_cast<int32_t>(e.id), m);
    }
  }
}

}  // namespace cnp
