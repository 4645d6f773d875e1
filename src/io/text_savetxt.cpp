// numpy.savetxt (text_savetxt.hpp): the row format is built as NumPy's Python code builds it,
// then each row is formatted by text_format's Python-compatible conversions.
#include "io/text_savetxt.hpp"

#include <cstdlib>
#include <cstring>
#include <new>

#include "core/error.hpp"
#include "core/types.hpp"
#include "io/text_format.hpp"

namespace cnp::textio {

namespace {
struct Leaf {
  const Dtype* d;
  int64_t offset;
};

[[noreturn]] void not_handled(const std::string& why) { throw Error(CNP_ERR_NOT_IMPLEMENTED, "savetxt: " + why); }

template <class T>
T load(const char* p, bool swapped) {
  T v;
  char b[sizeof(T)];
  std::memcpy(b, p, sizeof(T));
  if (swapped)
    for (size_t i = 0; i < sizeof(T) / 2; ++i) std::swap(b[i], b[sizeof(T) - 1 - i]);
  std::memcpy(&v, b, sizeof(T));
  return v;
}

// One element as the values `format % tuple(row)` sees (complex: two floats).
void values_of(const Dtype* d, const char* p, std::vector<FormatValue>& out) {
  bool sw = d->swapped;
  FormatValue v;
  switch (d->typenum) {
    case CNP_BOOL: v.kind = FormatValue::kBool; v.u = *p != 0; break;
    case CNP_INT8: v.kind = FormatValue::kInt; v.i = load<int8_t>(p, sw); break;
    case CNP_INT16: v.kind = FormatValue::kInt; v.i = load<int16_t>(p, sw); break;
    case CNP_INT32: v.kind = FormatValue::kInt; v.i = load<int32_t>(p, sw); break;
    case CNP_INT64: v.kind = FormatValue::kInt; v.i = load<int64_t>(p, sw); break;
    case CNP_UINT8: v.kind = FormatValue::kUInt; v.u = load<uint8_t>(p, sw); break;
    case CNP_UINT16: v.kind = FormatValue::kUInt; v.u = load<uint16_t>(p, sw); break;
    case CNP_UINT32: v.kind = FormatValue::kUInt; v.u = load<uint32_t>(p, sw); break;
    case CNP_UINT64: v.kind = FormatValue::kUInt; v.u = load<uint64_t>(p, sw); break;
    case CNP_FLOAT16: v.f = half_to_float(load<uint16_t>(p, sw)); break;
    case CNP_FLOAT32: v.f = load<float>(p, sw); break;
    case CNP_FLOAT64: v.f = load<double>(p, sw); break;
    case CNP_COMPLEX64:
      v.f = load<float>(p, sw);
      out.push_back(v);
      v.f = load<float>(p + 4, sw);
      break;
    case CNP_COMPLEX128:
      v.f = load<double>(p, sw);
      out.push_back(v);
      v.f = load<double>(p + 8, sw);
      break;
    default:
      not_handled("elements of " + d->text + " are formatted by Python");
  }
  out.push_back(v);
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  size_t pos = 0;
  while ((pos = s.find(from, pos)) != std::string::npos) {
    s.replace(pos, from.size(), to);
    pos += to.size();
  }
  return s;
}
// The whole text is built in memory, so its smallest possible size (every row's literal text and
// newline, one character per conversion) is reserved before any row is formatted: an array whose
// text cannot exist - a (2**59, 0) array is 2**59 newlines, which NumPy would write for as long
// as the disk lasts - fails at once with MemoryError instead of growing the string for hours.
// For a text that fits, the reservation is a lower bound of what the rows need anyway.
void reserve_text(std::string& out, int64_t nrows, const RowFormat& rf, bool cplx, const SavetxtArgs& args) {
  uint64_t row = rf.tail.size() + args.newline.size();
  for (const FormatSpec& s : rf.specs) row += s.before.size() + (cplx ? 0 : 1);  // "+-" -> "-" may drop one
  uint64_t extra = 0;
  for (const std::string* t : {&args.header, &args.footer})
    if (!t->empty()) extra += t->size() + args.comments.size() + args.newline.size();
  uint64_t total = 0;
  bool overflow = __builtin_mul_overflow(static_cast<uint64_t>(nrows), row, &total) ||
                  __builtin_add_overflow(total, extra, &total);
  try {
    if (overflow || total > out.max_size()) throw std::bad_alloc();
    // A large size is asked of malloc first: under ASan operator new aborts where it would
    // throw (allocator_may_return_null covers malloc only), and the sweep runs under ASan.
    if (total >= (uint64_t{1} << 26)) {
      void* probe = std::malloc(static_cast<size_t>(total));
      if (!probe) throw std::bad_alloc();
      std::free(probe);
    }
    out.reserve(static_cast<size_t>(total));
  } catch (const std::bad_alloc&) {
    throw Error(CNP_ERR_MEMORY, "savetxt: the text of " + std::to_string(nrows) + " rows needs at least " +
                                    (overflow ? std::string("2**64") : std::to_string(total)) +
                                    " bytes, more than can be allocated");
  }
}
}  // namespace

std::string savetxt(const Array& x, const SavetxtArgs& args) {
  const Dtype* d = x.dtype();
  if (x.ndim() == 0 || x.ndim() > 2)
    throw Error(CNP_ERR_VALUE, "Expected 1D or 2D array, got " + std::to_string(x.ndim()) + "D array instead");
  bool record = is_record(d);
  int64_t nrows = x.shape(0), ncol;
  if (x.ndim() == 1) ncol = record ? static_cast<int64_t>(d->fields.size()) : 1;
  else ncol = x.shape(1);
  if (x.ndim() == 2 && record) not_handled("rows of records are formatted by Python");
  bool cplx = d->kind == 'c';

  std::string format;
  if (args.fmt_is_list) {
    if (static_cast<int64_t>(args.fmts.size()) != ncol) {
      std::string list = "[";
      for (size_t i = 0; i < args.fmts.size(); ++i) list += (i ? ", " : "") + py_repr(args.fmts[i]);
      throw Error(CNP_ERR_VALUE, "fmt has wrong shape.  " + list + "]");
    }
    for (size_t i = 0; i < args.fmts.size(); ++i) format += (i ? args.delimiter : "") + args.fmts[i];
  } else {
    if (args.fmts.size() != 1) throw Error(CNP_ERR_VALUE, "fmt: one format string expected");
    const std::string& fmt = args.fmts[0];
    int64_t n = 0;
    for (char c : fmt) n += c == '%';
    if (n == 1) {
      std::string one = cplx ? " (" + fmt + "+" + fmt + "j)" : fmt;
      for (int64_t i = 0; i < ncol; ++i) format += (i ? args.delimiter : "") + one;
    } else if ((cplx && n != 2 * ncol) || (!cplx && n != ncol)) {
      throw Error(CNP_ERR_VALUE, "fmt has wrong number of % formats:  " + fmt);
    } else {
      format = fmt;
    }
  }
  RowFormat rf;
  if (!parse_row_format(format, &rf)) not_handled("the format needs Python's % operator");

  std::vector<Leaf> leaves;
  if (record) {
    for (const auto& f : d->fields) {
      if (is_record(f.dtype) || is_subarray(f.dtype)) not_handled("nested fields are formatted by Python");
      leaves.push_back({f.dtype, f.offset});
    }
  }

  std::string out;
  reserve_text(out, nrows, rf, cplx, args);
  if (!args.header.empty())
    out += args.comments + replace_all(args.header, "\n", "\n" + args.comments) + args.newline;
  std::vector<FormatValue> vals;
  std::string line;
  for (int64_t r = 0; r < nrows; ++r) {
    vals.clear();
    const char* row = x.data() + r * x.stride(0);
    if (record) {
      for (const Leaf& l : leaves) values_of(l.d, row + l.offset, vals);
    } else if (x.ndim() == 1) {
      values_of(d, row, vals);
    } else {
      for (int64_t c = 0; c < ncol; ++c) values_of(d, row + c * x.stride(1), vals);
    }
    if (vals.size() != rf.specs.size()) {
      std::string why = vals.size() > rf.specs.size() ? "not all arguments converted during string formatting"
                                                       : "not enough arguments for format string";
      if (cplx) throw Error(CNP_ERR_TYPE, why);
      throw Error(CNP_ERR_TYPE, "Mismatch between array dtype ('" + d->text + "') and format specifier ('" + format + "')");
    }
    line.clear();
    for (size_t k = 0; k < vals.size(); ++k)
      if (!format_value(rf.specs[k], vals[k], line)) not_handled("a value needs Python's % operator");
    line += rf.tail;
    line += args.newline;
    if (cplx) line = replace_all(line, "+-", "-");
    out += line;
  }
  if (!args.footer.empty())
    out += args.comments + replace_all(args.footer, "\n", "\n" + args.comments) + args.newline;
  return out;
}

}  // namespace cnp::textio
