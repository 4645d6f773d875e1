#include "core/dtype.hpp"

#include <algorithm>
#include <array>
#include <climits>
#include <cstring>
#include <string_view>

#include "core/error.hpp"
#include "datetime/units.hpp"

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

void fill_builtin(Dtype& t, const Spec& s, bool swapped) {
  t.magic = kDtypeMagic;
  t.refs.store(1);
  t.immortal = true;
  t.typenum = s.typenum;
  t.itemsize = s.itemsize;
  t.alignment = s.kind == 'c' ? s.itemsize / 2 : s.itemsize;
  t.kind = s.kind;
  t.chr = s.chr;
  t.byteorder = s.itemsize == 1 ? '|' : swapped ? '>' : kNativeOrder;
  t.swapped = swapped && s.itemsize > 1;
  finish_spellings(&t);
}

// Filled in place (Dtype holds an atomic, so it cannot be copied out of a factory).
std::array<Dtype, CNP_NTYPES_BUILTIN>& builtins() {
  static std::array<Dtype, CNP_NTYPES_BUILTIN> table;
  static const bool filled = [] {
    for (int i = 0; i < CNP_NTYPES_BUILTIN; ++i) fill_builtin(table[i], kSpecs[i], false);
    return true;
  }();
  (void)filled;
  return table;
}

std::array<Dtype, CNP_NTYPES_BUILTIN>& swapped_builtins() {
  static std::array<Dtype, CNP_NTYPES_BUILTIN> table;
  static const bool filled = [] {
    for (int i = 0; i < CNP_NTYPES_BUILTIN; ++i) fill_builtin(table[i], kSpecs[i], true);
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

}  // namespace

const Dtype* builtin_dtype(int32_t typenum) {
  if (!is_builtin_typenum(typenum)) throw_type("invalid data type number " + std::to_string(typenum));
  return &builtins()[typenum];
}

const Dtype* swapped_builtin(int32_t typenum) {
  const Dtype* d = builtin_dtype(typenum);
  return d->itemsize == 1 ? d : &swapped_builtins()[typenum];
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

namespace {

int32_t builtin_level(const Dtype* from, const Dtype* to) {
  if (from->typenum == to->typenum) return from->byteorder == to->byteorder ? CNP_CASTING_NO : CNP_CASTING_EQUIV;
  if (safe_cast(from, to)) return CNP_CASTING_SAFE;
  if (kind_rank(from->kind) <= kind_rank(to->kind)) return CNP_CASTING_SAME_KIND;
  return CNP_CASTING_UNSAFE;
}

// Characters NumPy requires of a string for a number to cast to it safely (REQUIRED_STR_LEN).
int64_t required_str_len(const Dtype* d) {
  switch (d->kind) {
    case 'b': return 5;
    case 'u': return d->itemsize == 1 ? 3 : d->itemsize == 2 ? 5 : d->itemsize == 4 ? 10 : 20;
    case 'i': return d->itemsize == 1 ? 4 : d->itemsize == 2 ? 6 : d->itemsize == 4 ? 11 : 21;
    case 'f': return 32;
    default: return 64;  // complex
  }
}

int64_t chars_of(const Dtype* d) { return d->kind == 'U' ? d->itemsize / 4 : d->itemsize; }

bool nonlinear(int32_t unit) { return unit == kUnitY || unit == kUnitM; }

// How many `fine` units make one `coarse` unit (coarse <= fine in unit order, both linear or
// Y -> M); 0 when it overflows or is not a fixed number (M -> D).
unsigned __int128 unit_factor(int32_t coarse, int32_t fine) {
  static const int64_t step[] = {12, 0, 7, 1, 24, 60, 60, 1000, 1000, 1000, 1000, 1000, 1000};  // unit -> unit+1
  unsigned __int128 f = 1;
  for (int32_t u = coarse; u < fine; ++u) {
    if (u == kUnitW) { f *= 7; ++u; continue; }  // W -> D skips the removed B
    if (step[u] == 0) return 0;
    f *= static_cast<uint64_t>(step[u]);
    if (f > static_cast<unsigned __int128>(1) << 100) return 0;
  }
  return f;
}

int32_t datetime_level(const Dtype* from, const Dtype* to) {
  if (from->unit == to->unit && from->unit_count == to->unit_count)
    return from->byteorder == to->byteorder ? CNP_CASTING_NO : CNP_CASTING_EQUIV;
  if (from->unit == kUnitGeneric) return CNP_CASTING_SAFE;
  if (to->unit == kUnitGeneric) return CNP_CASTING_UNSAFE;
  if (from->kind == 'm' && nonlinear(from->unit) != nonlinear(to->unit)) return CNP_CASTING_UNSAFE;
  if (from->unit > to->unit) return CNP_CASTING_SAME_KIND;  // to a coarser unit
  bool divides;
  if (nonlinear(from->unit) != nonlinear(to->unit)) {
    divides = true;  // datetime: months and years fall on whole days
  } else {
    unsigned __int128 f = unit_factor(from->unit, to->unit);
    divides = f != 0 && (f * static_cast<uint64_t>(from->unit_count)) % static_cast<uint64_t>(to->unit_count) == 0;
  }
  return divides ? CNP_CASTING_SAFE : CNP_CASTING_SAME_KIND;
}

int32_t flexible_same_kind_level(const Dtype* from, const Dtype* to) {
  // S -> S, U -> U, V -> V, S -> U.
  if (to->itemsize == 0) {
    if (from->kind != to->kind) return CNP_CASTING_SAFE;
    return from->swapped ? CNP_CASTING_EQUIV : CNP_CASTING_NO;  // unsized adapts
  }
  int64_t fc = chars_of(from), tc = chars_of(to);
  if (from->kind == 'S' && to->kind == 'U') return tc >= fc ? CNP_CASTING_SAFE : CNP_CASTING_SAME_KIND;
  if (fc == tc) return from->byteorder == to->byteorder ? CNP_CASTING_NO : CNP_CASTING_EQUIV;
  return tc > fc ? CNP_CASTING_SAFE : CNP_CASTING_SAME_KIND;
}

int32_t record_level(const Dtype* from, const Dtype* to) {
  if (is_record(from) && is_record(to)) {
    if (from->fields.size() != to->fields.size()) return -1;
    int32_t level = CNP_CASTING_NO;
    for (size_t i = 0; i < from->fields.size(); ++i) {
      const DtypeField& f = from->fields[i];
      const DtypeField& t = to->fields[i];
      int32_t l = cast_level(f.dtype, t.dtype);
      if (l < 0) return -1;
      if (f.name != t.name) l = std::max<int32_t>(l, CNP_CASTING_SAFE);
      else if (f.offset != t.offset) l = std::max<int32_t>(l, CNP_CASTING_EQUIV);
      level = std::max(level, l);
    }
    if (level < CNP_CASTING_EQUIV && from->itemsize != to->itemsize) level = CNP_CASTING_EQUIV;
    return level;
  }
  if (is_record(to)) return CNP_CASTING_UNSAFE;  // every field gets the value
  return from->fields.size() == 1 ? CNP_CASTING_UNSAFE : -1;
}

int32_t subarray_level(const Dtype* from, const Dtype* to) {
  if (is_subarray(from) && is_subarray(to)) {
    if (from->sub_shape != to->sub_shape) return CNP_CASTING_UNSAFE;
    return cast_level(from->base, to->base);
  }
  if (is_subarray(to)) {
    int32_t l = cast_level(from, to->base);  // broadcast into every element: at best safe
    return l < 0 ? l : std::max<int32_t>(l, CNP_CASTING_SAFE);
  }
  return CNP_CASTING_UNSAFE;
}

}  // namespace

int32_t cast_level(const Dtype* from, const Dtype* to) {
  if (from == to) return CNP_CASTING_NO;
  // Everything goes into object safely; out of it only unsafely (NumPy).
  if (to->kind == 'O') return from->kind == 'O' ? CNP_CASTING_NO : CNP_CASTING_SAFE;
  if (from->kind == 'O') return CNP_CASTING_UNSAFE;
  if (is_numeric(from) && is_numeric(to)) return builtin_level(from, to);
  if (to->kind == 'V' && to->itemsize == 0 && !is_record(to) && !is_subarray(to)) {
    // The unsized void adapts to the source (NumPy)
    if (is_record(from)) return CNP_CASTING_NO;
    if (is_subarray(from)) return CNP_CASTING_SAFE;
  }
  if (is_record(from) || is_record(to)) return record_level(from, to);
  if (is_subarray(from) || is_subarray(to)) return subarray_level(from, to);
  char fk = from->kind, tk = to->kind;
  if (tk == 'V') {
    if (fk == 'V') {
      if (to->itemsize == 0 || from->itemsize == to->itemsize) return CNP_CASTING_NO;
      return to->itemsize > from->itemsize ? CNP_CASTING_SAFE : CNP_CASTING_SAME_KIND;
    }
    return to->itemsize == 0 || to->itemsize >= from->itemsize ? CNP_CASTING_SAFE : CNP_CASTING_UNSAFE;
  }
  if (fk == 'V') return CNP_CASTING_UNSAFE;
  if (tk == 'S' || tk == 'U') {
    if (is_numeric(from)) {
      if (to->itemsize == 0) return CNP_CASTING_SAFE;
      return chars_of(to) >= required_str_len(from) ? CNP_CASTING_SAFE : CNP_CASTING_SAME_KIND;
    }
    if (fk == tk || (fk == 'S' && tk == 'U')) return flexible_same_kind_level(from, to);
    return CNP_CASTING_UNSAFE;  // U -> S, datetimes -> strings
  }
  if (fk == 'S' || fk == 'U') return CNP_CASTING_UNSAFE;
  if (fk == tk) return datetime_level(from, to);  // M -> M, m -> m
  if (tk == 'm' && (fk == 'b' || is_integer(from)))
    return from->typenum == CNP_UINT64 ? CNP_CASTING_SAME_KIND : CNP_CASTING_SAFE;
  return CNP_CASTING_UNSAFE;
}

bool can_cast(const Dtype* from, const Dtype* to, int32_t casting) {
  casting_name(casting);  // validates
  if (is_numeric(from) && is_numeric(to)) {
    // The engines' hot path: builtins only.
    switch (casting) {
      case CNP_CASTING_NO: return from->typenum == to->typenum && from->byteorder == to->byteorder;
      case CNP_CASTING_EQUIV: return from->typenum == to->typenum;
      case CNP_CASTING_SAFE: return safe_cast(from, to);
      case CNP_CASTING_SAME_KIND: return safe_cast(from, to) || kind_rank(from->kind) <= kind_rank(to->kind);
      default: return true;
    }
  }
  int32_t level = cast_level(from, to);
  return level >= 0 && level <= casting;
}

namespace {

// NumPy's DType class name in promotion errors: numpy.dtype[float64].
std::string dtype_class(const Dtype* d) {
  switch (d->kind) {
    case 'S': return "bytes_";
    case 'U': return "str_";
    case 'V': return "void";
    case 'M': return "datetime64";
    case 'm': return "timedelta64";
    case 'O': return "object_";
    case 'b': return "bool_";
    default: return builtin_dtype(d->typenum)->name;
  }
}

[[noreturn]] void no_common_dtype(const Dtype* a, const Dtype* b) {
  std::string ca = "<class 'numpy.dtype[" + dtype_class(a) + "]'>", cb = "<class 'numpy.dtype[" + dtype_class(b) + "]'>";
  throw_type("The DTypes " + ca + " and " + cb +
             " do not have a common DType. For example they cannot be stored in a single array unless the dtype is "
             "`object`.");
}


}  // namespace

DtypeRef promote_any(const Dtype* a, const Dtype* b) {
  if (is_numeric(a) && is_numeric(b)) return DtypeRef::borrow(promote_types(a, b));
  if (a->kind == 'O' || b->kind == 'O') return DtypeRef::borrow(a->kind == 'O' ? a : b);  // object absorbs all
  char ka = a->kind, kb = b->kind;
  bool sa = ka == 'S' || ka == 'U', sb = kb == 'S' || kb == 'U';
  if (sa && sb) {
    char k = ka == 'U' || kb == 'U' ? 'U' : 'S';
    return make_flexible(k, std::max(chars_of(a), chars_of(b)));
  }
  if (sa && is_numeric(b) && !is_record(a)) return make_flexible(ka, std::max(chars_of(a), required_str_len(b)));
  if (sb && is_numeric(a)) return make_flexible(kb, std::max(chars_of(b), required_str_len(a)));
  // Datetimes with datetimes: NumPy's datetime_type_promotion (src/datetime/units.cpp).
  if (is_datetime(a) && is_datetime(b)) return dt::promote_times(a, b);
  if (ka == 'm' && (is_integer(b) || kb == 'b')) return make_datetime('m', a->unit, a->unit_count);
  if (kb == 'm' && (is_integer(a) || ka == 'b')) return make_datetime('m', b->unit, b->unit_count);
  if (ka == 'V' && kb == 'V') {
    if (dtype_equal(a, b)) return native_of(a);
    if (is_record(a) && is_record(b) && a->fields.size() == b->fields.size()) {
      std::vector<FieldSpec> fs;
      for (size_t i = 0; i < a->fields.size(); ++i) {
        if (a->fields[i].name != b->fields[i].name) no_common_dtype(a, b);
        FieldSpec f;
        f.name = a->fields[i].name;
        f.dtype = promote_any(a->fields[i].dtype, b->fields[i].dtype);
        f.has_title = a->fields[i].has_title;
        f.title = a->fields[i].title;
        fs.push_back(std::move(f));
      }
      return make_record(std::move(fs), -1, a->aligned_struct || b->aligned_struct);
    }
    if (!is_record(a) && !is_record(b) && !is_subarray(a) && !is_subarray(b))
      throw_type("Invalid type promotion with void datatypes of different lengths. Use the `np.bytes_` datatype "
                 "instead to pad the shorter value with trailing zero bytes.");
    throw_type("invalid type promotion with structured datatype(s).");
  }
  no_common_dtype(a, b);
}

const Dtype* promote_types(const Dtype* a, const Dtype* b) {
  // The smallest type, in type-number order, that both cast to safely: this reproduces NumPy's
  // promotion table for the builtin numbers (int64 + uint64 -> float64, int8 + uint8 -> int16).
  // The result is always in native byte order (NumPy).
  if (!is_numeric(a) || !is_numeric(b)) throw_type("invalid type promotion");
  if (a->typenum == b->typenum) return builtin_dtype(a->typenum);
  for (int32_t t = 0; t < CNP_NTYPES_BUILTIN; ++t) {
    const Dtype* c = builtin_dtype(t);
    if (safe_cast(a, c) && safe_cast(b, c)) return c;
  }
  throw_type("invalid type promotion");
}

bool dtype_equal(const Dtype* a, const Dtype* b) {
  if (a == b) return true;
  if (a->typenum != b->typenum || a->itemsize != b->itemsize || a->kind != b->kind) return false;
  if (a->byteorder != b->byteorder && a->itemsize > 1 && a->byteorder != '|' && b->byteorder != '|') return false;
  if (is_datetime(a)) return a->unit == b->unit && a->unit_count == b->unit_count;
  if (is_subarray(a) != is_subarray(b) || is_record(a) != is_record(b)) return false;
  if (is_subarray(a)) return a->sub_shape == b->sub_shape && dtype_equal(a->base, b->base);
  if (is_record(a)) {
    if (a->fields.size() != b->fields.size()) return false;
    for (size_t i = 0; i < a->fields.size(); ++i) {
      const DtypeField& x = a->fields[i];
      const DtypeField& y = b->fields[i];
      if (x.name != y.name || x.offset != y.offset || x.has_title != y.has_title || x.title != y.title ||
          !dtype_equal(x.dtype, y.dtype))
        return false;
    }
  }
  return true;
}

bool dtype_isnative(const Dtype* d) {
  if (is_record(d)) {
    for (const DtypeField& f : d->fields)
      if (!dtype_isnative(f.dtype)) return false;
    return true;
  }
  return !d->swapped;  // a subarray's own order is '|' (NumPy does not look inside)
}

DtypeRef native_of(const Dtype* d) {
  if (dtype_isnative(d)) return DtypeRef::borrow(d);
  return with_byteorder(d, '=');
}

std::string dtype_repr(const Dtype* d) { return d->repr; }

DtypeRef adapt_flexible(const Dtype* from, const Dtype* to) {
  bool unsized = to->itemsize == 0 && (to->kind == 'S' || to->kind == 'U' || (to->kind == 'V' && !is_record(to) && !is_subarray(to)));
  if (!unsized) return DtypeRef::borrow(to);
  if (to->kind == 'V') return make_flexible('V', from->itemsize);
  int64_t n;
  if (is_numeric(from)) n = required_str_len(from);
  else if (from->kind == 'S' || from->kind == 'U') n = chars_of(from);
  else if (from->kind == 'm') n = 21;
  else if (from->kind == 'M') {
    // NumPy's get_datetime_iso_8601_strlen (UTC, with the terminating NUL it counts)
    static const int64_t add[] = {21, 3, 3, 0, 3, 3, 3, 3, 4, 3, 3, 3, 3, 3};  // Y M W B D h m s ms us ns ps fs as
    if (from->unit == kUnitGeneric) n = 4;
    else {
      n = 0;
      for (int32_t u = 0; u <= from->unit; ++u) n += u == kUnitW ? 0 : add[u];
      if (from->unit == kUnitW) n += 3;
      if (from->unit >= kUnith) n += 1;
      n += 1;
    }
  } else n = from->itemsize;
  return make_flexible(to->kind, n, to->byteorder == '|' ? '=' : to->byteorder);
}

}  // namespace cnp

cnp_dtype::~cnp_dtype() {
  for (const cnp::DtypeField& f : fields) cnp::dtype_release(f.dtype);
  cnp::dtype_release(base);
}
