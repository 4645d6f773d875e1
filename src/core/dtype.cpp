#include "core/dtype.hpp"

#include <array>
#include <cstring>
#include <string_view>

#include "core/error.hpp"

namespace cnp {

namespace {

struct Spec {
  int32_t typenum;
  int64_t itemsize;
  char kind;
  char chr;
  const char* name;
  const char* str;
};

// Order is the type number order of the header.
constexpr Spec kSpecs[CNP_NTYPES_BUILTIN] = {
    {CNP_BOOL, 1, 'b', '?', "bool", "|b1"},
    {CNP_INT8, 1, 'i', 'b', "int8", "|i1"},
    {CNP_UINT8, 1, 'u', 'B', "uint8", "|u1"},
    {CNP_INT16, 2, 'i', 'h', "int16", "<i2"},
    {CNP_UINT16, 2, 'u', 'H', "uint16", "<u2"},
    {CNP_INT32, 4, 'i', 'i', "int32", "<i4"},
    {CNP_UINT32, 4, 'u', 'I', "uint32", "<u4"},
    {CNP_INT64, 8, 'i', 'l', "int64", "<i8"},
    {CNP_UINT64, 8, 'u', 'L', "uint64", "<u8"},
    {CNP_FLOAT16, 2, 'f', 'e', "float16", "<f2"},
    {CNP_FLOAT32, 4, 'f', 'f', "float32", "<f4"},
    {CNP_FLOAT64, 8, 'f', 'd', "float64", "<f8"},
    {CNP_COMPLEX64, 8, 'c', 'F', "complex64", "<c8"},
    {CNP_COMPLEX128, 16, 'c', 'D', "complex128", "<c16"},
};

std::array<Dtype, CNP_NTYPES_BUILTIN>& builtins() {
  // Filled in place (Dtype holds an atomic, so it cannot be copied out of a factory).
  static std::array<Dtype, CNP_NTYPES_BUILTIN> table;
  static const bool filled = [] {
    for (int i = 0; i < CNP_NTYPES_BUILTIN; ++i) {
      const Spec& s = kSpecs[i];
      Dtype& t = table[i];
      t.magic = kDtypeMagic;
      t.refs.store(1);
      t.immortal = true;
      t.typenum = s.typenum;
      t.itemsize = s.itemsize;
      t.alignment = s.kind == 'c' ? s.itemsize / 2 : s.itemsize;
      t.kind = s.kind;
      t.chr = s.chr;
      t.name = s.name;
      t.str = s.str;
    }
    return true;
  }();
  (void)filled;
  return table;
}

// Rank of a kind for same_kind casting: b < u < i < f < c (unsigned may go to signed, not back).
int kind_rank(char k) {
  switch (k) {
    case 'b': return 0;
    case 'u': return 1;
    case 'i': return 2;
    case 'f': return 3;
    default: return 4;
  }
}

// Bits of integer precision a float (or the parts of a complex) holds exactly.
int mantissa_bits(const Dtype* d) {
  int64_t part = d->kind == 'c' ? d->itemsize / 2 : d->itemsize;
  return part == 2 ? 11 : part == 4 ? 24 : 53;
}

bool safe_cast(const Dtype* from, const Dtype* to) {
  if (from->typenum == to->typenum) return true;
  if (from->kind == 'b') return true;
  if (to->kind == 'b') return false;
  char fk = from->kind, tk = to->kind;
  int64_t fs = from->itemsize, ts = to->itemsize;
  if (fk == 'u' || fk == 'i') {
    if (tk == 'u') return fk == 'u' && ts >= fs;
    if (tk == 'i') return fk == 'u' ? ts > fs : ts >= fs;
    // Floats hold small integers exactly; NumPy also counts (u)int64 -> float64 as safe.
    int needed = fs == 1 ? 11 : fs == 2 ? 24 : 53;
    return mantissa_bits(to) >= needed;
  }
  if (fk == 'f') {
    if (tk == 'f') return ts >= fs;
    return tk == 'c' && ts >= 2 * fs;
  }
  return tk == 'c' && ts >= fs;  // complex to complex
}

struct Alias {
  std::string_view text;
  int32_t typenum;
};

// NumPy's names and codes for the builtin types (native byte order).
constexpr Alias kAliases[] = {
    {"bool", CNP_BOOL}, {"?", CNP_BOOL}, {"b1", CNP_BOOL}, {"bool_", CNP_BOOL}, {"bool8", CNP_BOOL},
    {"int8", CNP_INT8}, {"i1", CNP_INT8}, {"b", CNP_INT8}, {"byte", CNP_INT8},
    {"uint8", CNP_UINT8}, {"u1", CNP_UINT8}, {"B", CNP_UINT8}, {"ubyte", CNP_UINT8},
    {"int16", CNP_INT16}, {"i2", CNP_INT16}, {"h", CNP_INT16}, {"short", CNP_INT16},
    {"uint16", CNP_UINT16}, {"u2", CNP_UINT16}, {"H", CNP_UINT16}, {"ushort", CNP_UINT16},
    {"int32", CNP_INT32}, {"i4", CNP_INT32}, {"i", CNP_INT32}, {"intc", CNP_INT32},
    {"uint32", CNP_UINT32}, {"u4", CNP_UINT32}, {"I", CNP_UINT32}, {"uintc", CNP_UINT32},
    {"int64", CNP_INT64}, {"i8", CNP_INT64}, {"l", CNP_INT64}, {"q", CNP_INT64}, {"int", CNP_INT64},
    {"int_", CNP_INT64}, {"intp", CNP_INT64}, {"p", CNP_INT64}, {"long", CNP_INT64}, {"longlong", CNP_INT64},
    {"uint64", CNP_UINT64}, {"u8", CNP_UINT64}, {"L", CNP_UINT64}, {"Q", CNP_UINT64}, {"uint", CNP_UINT64},
    {"uintp", CNP_UINT64}, {"P", CNP_UINT64}, {"ulong", CNP_UINT64}, {"ulonglong", CNP_UINT64},
    {"float16", CNP_FLOAT16}, {"f2", CNP_FLOAT16}, {"e", CNP_FLOAT16}, {"half", CNP_FLOAT16},
    {"float32", CNP_FLOAT32}, {"f4", CNP_FLOAT32}, {"f", CNP_FLOAT32}, {"single", CNP_FLOAT32},
    {"float64", CNP_FLOAT64}, {"f8", CNP_FLOAT64}, {"d", CNP_FLOAT64}, {"float", CNP_FLOAT64},
    {"double", CNP_FLOAT64}, {"float_", CNP_FLOAT64},
    {"complex64", CNP_COMPLEX64}, {"c8", CNP_COMPLEX64}, {"F", CNP_COMPLEX64}, {"csingle", CNP_COMPLEX64},
    {"singlecomplex", CNP_COMPLEX64},
    {"complex128", CNP_COMPLEX128}, {"c16", CNP_COMPLEX128}, {"D", CNP_COMPLEX128}, {"complex", CNP_COMPLEX128},
    {"cdouble", CNP_COMPLEX128}, {"complex_", CNP_COMPLEX128}, {"cfloat", CNP_COMPLEX128},
};

// Spellings NumPy accepts that name dtypes cnumpy does not have yet.
bool numpy_knows_but_unsupported(std::string_view s) {
  static constexpr std::string_view kinds = "MmSUVaOgG";
  if (s.empty()) return false;
  if (s == "longdouble" || s == "clongdouble" || s == "float128" || s == "complex256" || s == "object" ||
      s == "str" || s == "bytes" || s == "void" || s.substr(0, 10) == "datetime64" || s.substr(0, 11) == "timedelta64")
    return true;
  return kinds.find(s[0]) != std::string_view::npos && s.size() >= 1 &&
         (s.size() == 1 || s[1] == '[' || (s[1] >= '0' && s[1] <= '9') || s[1] == '8');
}

}  // namespace

const Dtype* builtin_dtype(int32_t typenum) {
  if (!is_builtin_typenum(typenum)) throw_type("invalid data type number " + std::to_string(typenum));
  return &builtins()[typenum];
}

Dtype* dtype_retain(const Dtype* d) noexcept {
  Dtype* m = const_cast<Dtype*>(d);
  if (!m->immortal) m->refs.fetch_add(1, std::memory_order_relaxed);
  return m;
}

void dtype_release(const Dtype* d) noexcept {
  if (!d || d->immortal) return;
  Dtype* m = const_cast<Dtype*>(d);
  if (m->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) {
    m->magic = 0;
    delete m;
  }
}

const Dtype* parse_dtype(const char* spec) {
  std::string_view s(spec);
  std::string_view body = s;
  if (!body.empty() && (body[0] == '<' || body[0] == '=' || body[0] == '|')) body.remove_prefix(1);
  else if (!body.empty() && body[0] == '>') {
    // Big-endian data: NumPy supports it, cnumpy keeps native order only (for now).
    std::string_view rest = body.substr(1);
    for (const Alias& a : kAliases)
      if (a.text == rest) {
        const Dtype* d = builtin_dtype(a.typenum);
        if (d->itemsize == 1) return d;  // byte order is meaningless for one byte
        throw Error(CNP_ERR_NOT_IMPLEMENTED, "non-native byte order ('" + std::string(s) + "') is not supported");
      }
  }
  for (const Alias& a : kAliases)
    if (a.text == body) return builtin_dtype(a.typenum);
  if (numpy_knows_but_unsupported(body))
    throw Error(CNP_ERR_NOT_IMPLEMENTED, "data type '" + std::string(s) + "' is not supported by cnumpy yet");
  throw_type("data type '" + std::string(s) + "' not understood");
}

const char* casting_name(int32_t casting) {
  switch (casting) {
    case CNP_CASTING_NO: return "no";
    case CNP_CASTING_EQUIV: return "equiv";
    case CNP_CASTING_SAFE: return "safe";
    case CNP_CASTING_SAME_KIND: return "same_kind";
    case CNP_CASTING_UNSAFE: return "unsafe";
    default: throw_value("casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'");
  }
}

bool can_cast(const Dtype* from, const Dtype* to, int32_t casting) {
  casting_name(casting);  // validates
  switch (casting) {
    case CNP_CASTING_NO:
    case CNP_CASTING_EQUIV: return from->typenum == to->typenum;
    case CNP_CASTING_SAFE: return safe_cast(from, to);
    case CNP_CASTING_SAME_KIND: return safe_cast(from, to) || kind_rank(from->kind) <= kind_rank(to->kind);
    default: return true;
  }
}

const Dtype* promote_types(const Dtype* a, const Dtype* b) {
  // The smallest type, in type-number order, that both cast to safely: this reproduces NumPy's
  // promotion table for the builtin numbers (int64 + uint64 -> float64, int8 + uint8 -> int16).
  if (a->typenum == b->typenum) return a;
  for (int32_t t = 0; t < CNP_NTYPES_BUILTIN; ++t) {
    const Dtype* c = builtin_dtype(t);
    if (safe_cast(a, c) && safe_cast(b, c)) return c;
  }
  throw_type("invalid type promotion");
}

std::string dtype_repr(const Dtype* d) { return "dtype('" + d->name + "')"; }

}  // namespace cnp
