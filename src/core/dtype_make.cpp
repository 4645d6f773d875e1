// Making parametric descriptors: strings, void, datetimes, records (with NumPy's layout and
// align=True padding rules) and subarrays; byte-order changes (docs/dtypes.md).
#include <algorithm>
#include <climits>
#include <string>

#include "core/dtype.hpp"
#include "core/error.hpp"

namespace cnp {

namespace {

Dtype* new_dtype(int32_t typenum, char kind, char chr, int64_t itemsize, int64_t alignment) {
  Dtype* d = new Dtype();
  d->magic = kDtypeMagic;
  d->refs.store(1);
  d->immortal = false;
  d->typenum = typenum;
  d->kind = kind;
  d->chr = chr;
  d->itemsize = itemsize;
  d->alignment = alignment;
  return d;
}

// '<' or '>' for a multi-byte scalar given a requested order ('=' and '|' mean native).
char resolve_order(char order) { return order == '<' || order == '>' ? order : kNativeOrder; }

DtypeRef finished(Dtype* d) {
  DtypeRef r(d);
  finish_spellings(d);
  return r;
}

}  // namespace

int32_t datetime_unit_from(std::string_view s) {
  static const char* names[] = {"Y", "M", "W", "B", "D", "h", "m", "s", "ms", "us", "ns", "ps", "fs", "as"};
  for (int32_t i = 0; i < 14; ++i)
    if (s == names[i]) return i == kUnitB ? -1 : i;
  if (s == "\xce\xbcs") return kUnitus;  // NumPy also takes the micro sign
  if (s == "generic") return kUnitGeneric;
  return -1;
}

const char* datetime_unit_name(int32_t unit) {
  static const char* names[] = {"Y", "M", "W", "B", "D", "h", "m", "s", "ms", "us", "ns", "ps", "fs", "as", "generic"};
  return unit >= 0 && unit <= kUnitGeneric ? names[unit] : "?";
}

DtypeRef make_flexible(char kind, int64_t width, char order) {
  if (width < 0) throw_type("data type '" + std::string(1, kind) + std::to_string(width) + "' not understood");
  if (kind == 'U') {
    if (width > INT_MAX / 4) throw_value("Maximum allowed size exceeded");
    Dtype* d = new_dtype(CNP_UNICODE, 'U', 'U', width * 4, 4);
    d->byteorder = resolve_order(order);
    d->swapped = d->byteorder != kNativeOrder;
    return finished(d);
  }
  if (width > INT_MAX) throw_value("Maximum allowed size exceeded");
  if (kind == 'S') return finished(new_dtype(CNP_BYTES, 'S', 'S', width, 1));
  if (kind == 'V') return finished(new_dtype(CNP_VOID, 'V', 'V', width, 1));
  throw_type("data type '" + std::string(1, kind) + "' not understood");
}

DtypeRef make_char() { return finished(new_dtype(CNP_BYTES, 'S', 'c', 1, 1)); }

DtypeRef make_datetime(char kind, int32_t unit, int64_t count, char order) {
  if (unit < 0 || unit > kUnitGeneric || unit == kUnitB) throw_type("Invalid datetime unit");
  if (count <= 0 || count > INT_MAX) throw_type("Invalid datetime multiplier");
  Dtype* d = new_dtype(kind == 'M' ? CNP_DATETIME64 : CNP_TIMEDELTA64, kind, kind, 8, 8);
  d->unit = unit;
  d->unit_count = unit == kUnitGeneric ? 1 : static_cast<int32_t>(count);
  d->byteorder = resolve_order(order);
  d->swapped = d->byteorder != kNativeOrder;
  return finished(d);
}

DtypeRef make_record(std::vector<FieldSpec> fields, int64_t itemsize, bool align) {
  Dtype* d = new_dtype(CNP_VOID, 'V', 'V', 0, 1);
  DtypeRef keep(d);  // frees the partial record on an error
  d->has_fields = true;
  d->aligned_struct = align;
  int64_t end = 0, max_align = 1;
  for (FieldSpec& f : fields) {
    if (f.dtype && (f.dtype->kind == 'O' || (f.dtype->base && f.dtype->base->kind == 'O')))
      throw_type("cnumpy: records with object fields are not supported");
    for (const DtypeField& g : d->fields) {
      if (g.name == f.name) throw_value("field '" + f.name + "' occurs more than once");
      if (f.has_title && ((g.has_title && g.title == f.title) || g.name == f.title))
        throw_value("title already used as a name or title.");
    }
    if (f.has_title && f.title == f.name) throw_value("title already used as a name or title.");
    const Dtype* fd = f.dtype.get();
    int64_t off = f.offset;
    if (align) max_align = std::max(max_align, fd->alignment);
    if (off < 0) {
      off = end;
      if (align && fd->alignment > 1) off = (off + fd->alignment - 1) / fd->alignment * fd->alignment;
    } else if (align && fd->alignment > 1 && off % fd->alignment != 0) {
      throw_value("offset " + std::to_string(off) + " for NumPy dtype with fields is not divisible by the field alignment " +
                  std::to_string(fd->alignment) + " with align=True");
    }
    if (off > INT_MAX) throw_value("integer won't fit into a C int");  // NumPy's offsets are C ints
    if (off > INT_MAX - fd->itemsize) throw_value("Maximum allowed size exceeded");
    end = std::max(end, off + fd->itemsize);
    DtypeField g;
    g.name = f.name;
    g.dtype = f.dtype.release();
    g.offset = off;
    g.has_title = f.has_title;
    g.title = f.title;
    d->fields.push_back(std::move(g));
  }
  if (align && max_align > 1) end = (end + max_align - 1) / max_align * max_align;
  if (itemsize != -1) {  // -1 and only -1 means "not given" (other negatives: NumPy's errors)
    // NumPy's itemsize is a C int (found by fuzz_record: 2**62 overflowed the spellings' bit count).
    if (itemsize > INT_MAX || itemsize < INT_MIN) throw_value("integer won't fit into a C int");
    if (itemsize < end)
      throw_value("NumPy dtype descriptor requires " + std::to_string(end) +
                  " bytes, cannot override to smaller itemsize of " + std::to_string(itemsize));
    if (align && itemsize % max_align != 0)
      throw_value("NumPy dtype descriptor requires alignment of " + std::to_string(max_align) +
                  " bytes, which is not divisible into the specified itemsize " + std::to_string(itemsize));
    end = itemsize;
  }
  d->itemsize = end;
  d->alignment = align ? (d->fields.empty() ? 0 : max_align) : 1;  // NumPy: dtype([], align=True) has 0
  finish_spellings(d);
  return keep;
}

DtypeRef make_subarray(const Dtype* base, std::vector<int64_t> shape) {
  if (shape.empty()) return DtypeRef::borrow(base);
  if (base->kind == 'O') throw_type("cnumpy: object subarrays are not supported");
  int64_t n = 1;
  for (int64_t s : shape) {
    if (s < 0) throw_value("invalid shape in fixed-type tuple: dimension smaller then zero.");
    if (__builtin_mul_overflow(n, s, &n) || n > INT_MAX)
      throw_value("invalid shape in fixed-type tuple: dtype size in bytes must fit into a C int.");
  }
  int64_t size;
  if (__builtin_mul_overflow(n, base->itemsize, &size) || size > INT_MAX)
    throw_value("invalid shape in fixed-type tuple: dtype size in bytes must fit into a C int.");
  Dtype* d = new_dtype(CNP_VOID, 'V', 'V', size, base->alignment);
  d->base = dtype_retain(base);
  d->sub_shape = std::move(shape);
  return finished(d);
}

DtypeRef with_byteorder(const Dtype* d, char order) {
  if (order == '|') return DtypeRef::borrow(d);  // NumPy: ignore
  auto target = [&](const Dtype* x) -> char {
    if (order == 'S') return x->byteorder == '<' ? '>' : x->byteorder == '>' ? '<' : x->byteorder;
    return order == '=' ? kNativeOrder : order;
  };
  if (is_record(d)) {
    std::vector<FieldSpec> fs;
    for (const DtypeField& f : d->fields) {
      FieldSpec s;
      s.name = f.name;
      s.dtype = with_byteorder(f.dtype, order);
      s.offset = f.offset;
      s.has_title = f.has_title;
      s.title = f.title;
      fs.push_back(std::move(s));
    }
    // Offsets were validated when d was made; align only re-checks them.
    return make_record(std::move(fs), d->itemsize, d->aligned_struct);
  }
  if (is_subarray(d)) return make_subarray(with_byteorder(d->base, order).get(), d->sub_shape);
  if (d->byteorder == '|') return DtypeRef::borrow(d);
  char o = target(d);
  if (is_numeric(d)) return DtypeRef::borrow(o == kNativeOrder ? builtin_dtype(d->typenum) : swapped_builtin(d->typenum));
  if (d->kind == 'U') return make_flexible('U', d->itemsize / 4, o);
  return make_datetime(d->kind, d->unit, d->unit_count, o);
}

}  // namespace cnp
