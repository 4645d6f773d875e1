// genfromtxt's fast paths (text_loadtxt.hpp): NumPy's LineSplitter (comments cut first, " \r\n"
// stripped, split at the delimiter or at runs of whitespace, no quoting) and StringConverter for
// the clean cases — numeric columns given by the dtype (a number type, or a record of them), or
// dtype=None's inference among bool, int and float. Whenever NumPy's general algorithm has to
// judge — a field float()/int() might still read differently (underscores, non-ASCII digits),
// a missing value outside a float column, a row of another length, a column that infers to
// complex or str, a bool column with missing values (NumPy's _checked rule) — the functions
// return false so the Python implementation, which words the errors and warnings, does it.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>

#include "char/chars.hpp"
#include "core/error.hpp"
#include "io/text_loadtxt.hpp"
#include "io/text_number.hpp"
#include "io/text_utf8.hpp"

namespace cnp::textio {

namespace {

std::string_view strip_crlf_space(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\r' || s[b] == '\n')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\r' || s[e - 1] == '\n')) --e;
  return s.substr(b, e - b);
}

// NumPy's LineSplitter over the text, line by line as a text-mode file yields them (\n, \r\n
// and \r end a line); fields are views of the text.
class Lines {
 public:
  Lines(std::string_view text, const GenfromtxtArgs& a) : text_(text), comments_(a.comments) {
    if (a.delimiter >= 0) utf8_append(delim_, static_cast<uint32_t>(a.delimiter));
    // Without any \r in the text (the usual case) a line ends at the next \n: memchr.
    has_cr_ = std::memchr(text.data(), '\r', text.size()) != nullptr;
    for (int64_t k = 0; k < a.skip_header && next_line(nullptr); ++k) {
    }
  }
  // The next row with fields (empty and comment-only lines skipped); false at the end.
  bool next_row(std::vector<std::string_view>& fields) {
    std::string_view line;
    while (next_line(&line)) {
      if (!comments_.empty()) {
        size_t k = line.find(comments_);
        if (k != std::string_view::npos) line = line.substr(0, k);
      }
      line = strip_crlf_space(line);
      if (line.empty()) continue;
      split(line, fields);
      return true;
    }
    return false;
  }
  // An upper bound of the rows left: the line ends to come, plus a last line without one.
  int64_t rows_bound() const {
    if (has_cr_) return static_cast<int64_t>(text_.size() - pos_) + 1;
    int64_t n = 0;
    for (size_t q = pos_; q < text_.size(); ++n) {
      const void* nl = std::memchr(text_.data() + q, '\n', text_.size() - q);
      if (!nl) break;
      q = static_cast<size_t>(static_cast<const char*>(nl) - text_.data()) + 1;
    }
    if (pos_ < text_.size() && text_.back() != '\n') ++n;
    return n;
  }

 private:
  bool next_line(std::string_view* line) {
    if (pos_ >= text_.size()) return false;
    size_t j = pos_;
    if (!has_cr_) {
      const void* nl = std::memchr(text_.data() + pos_, '\n', text_.size() - pos_);
      j = nl ? static_cast<size_t>(static_cast<const char*>(nl) - text_.data()) : text_.size();
    }
    while (j < text_.size() && text_[j] != '\n' && text_[j] != '\r') ++j;
    if (line) *line = text_.substr(pos_, j - pos_);
    if (j < text_.size()) j += (text_[j] == '\r' && j + 1 < text_.size() && text_[j + 1] == '\n') ? 2 : 1;
    pos_ = j;
    return true;
  }
  void split(std::string_view line, std::vector<std::string_view>& out) const {
    out.clear();
    if (delim_.empty()) {  // str.split(): runs of whitespace
      const char* p = line.data();
      const char* e = p + line.size();
      while (p < e) {
        while (p < e) {
          int n = space_len(p, e);
          if (!n) break;
          p += n;
        }
        if (p >= e) break;
        const char* s = p;
        while (p < e && !space_len(p, e)) ++p;
        out.emplace_back(s, static_cast<size_t>(p - s));
      }
      return;
    }
    size_t i = 0;
    for (;;) {
      size_t k = line.find(delim_, i);
      if (k == std::string_view::npos) {
        out.push_back(line.substr(i));
        return;
      }
      out.push_back(line.substr(i, k - i));
      i = k + delim_.size();
    }
  }

  std::string_view text_;
  std::string comments_;
  std::string delim_;
  bool has_cr_ = false;
  size_t pos_ = 0;
};

// A field with a plain first and last byte has nothing to strip (no decoding needed).
std::string_view stripped(std::string_view f) {
  auto plain = [](char ch) { return static_cast<unsigned char>(ch) > 0x20 && static_cast<unsigned char>(ch) < 0x80; };
  return !f.empty() && plain(f.front()) && plain(f.back()) ? f : strip_spaces(f);
}

bool is_missing(std::string_view s, const GenfromtxtArgs& a) {
  if (s.empty()) return true;
  for (const auto& m : a.missing)
    if (s == m) return true;
  return false;
}

// NumPy's str2bool (value.upper() == 'TRUE' / 'FALSE', on the field as split: no stripping).
int parse_bool(std::string_view f) {
  auto eq = [&](const char* w) {
    size_t n = std::strlen(w);
    if (f.size() != n) return false;
    for (size_t i = 0; i < n; ++i)
      if ((f[i] & ~0x20) != w[i]) return false;
    return true;
  };
  return eq("TRUE") ? 1 : eq("FALSE") ? 0 : -1;
}

// int(): ASCII digits with an optional sign and whitespace around (parse_int64's rules); what
// else Python's int() reads (underscores, non-ASCII digits) is left to the Python algorithm.
bool parse_int(std::string_view s, int64_t lo, int64_t hi, int64_t* v) { return parse_int64(s, lo, hi, v); }

enum Kind { kBoolean = 0, kInteger = 1, kReal = 2, kText = 3 };

struct Target {
  int32_t typenum;
  int64_t offset;
  int64_t width = 0;  // characters of a str (U) or bytes (S) column
};

bool numeric_target(const Dtype* d, int64_t offset, std::vector<Target>* out) {
  if (d->swapped || d->has_fields || is_subarray(d)) return false;
  switch (d->typenum) {
    case CNP_BOOL: case CNP_INT8: case CNP_INT16: case CNP_INT32: case CNP_INT64:
    case CNP_UINT8: case CNP_UINT16: case CNP_UINT32: case CNP_FLOAT32: case CNP_FLOAT64:
      out->push_back({d->typenum, offset});
      return true;
    default:
      return false;
  }
}

template <class T>
void put(char* dst, T v) {
  std::memcpy(dst, &v, sizeof v);
}

// One field into its target (StringConverter's call for that type): false when the Python
// algorithm must judge it. *missing: whether the field is a missing value (for the mask).
bool store(const Target& t, std::string_view f, double fill, const GenfromtxtArgs& a, char* dst, bool* missing) {
  if (t.typenum == CNP_UNICODE || t.typenum == CNP_BYTES) {
    // str(): the field as split, missing or not (a missing str keeps its text, as NumPy's)
    *missing = is_missing(strip_spaces(f), a);
    const char* p = f.data();
    const char* e = p + f.size();
    int64_t k = 0;
    while (p < e) {
      uint32_t cp;
      int n = utf8_decode(p, e, &cp);
      if (n <= 0 || k >= t.width || (t.typenum == CNP_BYTES && cp > 0xff)) return false;
      if (t.typenum == CNP_UNICODE) put(dst + 4 * k, cp);
      else dst[k] = static_cast<char>(cp);
      p += n;
      ++k;
    }
    std::memset(dst + (t.typenum == CNP_UNICODE ? 4 : 1) * k, 0,
                static_cast<size_t>((t.typenum == CNP_UNICODE ? 4 : 1) * (t.width - k)));
    return true;
  }
  std::string_view s = stripped(f);
  if (t.typenum == CNP_FLOAT64 || t.typenum == CNP_FLOAT32) {
    double v;
    // float() first, the missing strings only for what it refuses; the mask marks every
    // missing string.
    bool parsed = parse_double(s, &v);
    *missing = is_missing(s, a);
    if (!parsed) {
      if (!*missing) return false;
      v = fill;
    }
    if (t.typenum == CNP_FLOAT64) put(dst, v);
    else put(dst, static_cast<float>(v));
    return true;
  }
  *missing = false;
  if (t.typenum == CNP_BOOL) {
    int b = parse_bool(f);
    if (b < 0 || is_missing(s, a)) return false;
    put(dst, static_cast<uint8_t>(b));
    return true;
  }
  int64_t lo = 0, hi = 0, v;
  switch (t.typenum) {
    case CNP_INT8: lo = INT8_MIN; hi = INT8_MAX; break;
    case CNP_INT16: lo = INT16_MIN; hi = INT16_MAX; break;
    case CNP_INT32: lo = INT32_MIN; hi = INT32_MAX; break;
    case CNP_INT64: lo = INT64_MIN; hi = INT64_MAX; break;
    case CNP_UINT8: hi = UINT8_MAX; break;
    case CNP_UINT16: hi = UINT16_MAX; break;
    case CNP_UINT32: hi = UINT32_MAX; break;
    default: return false;
  }
  if (!parse_int(s, lo, hi, &v) || is_missing(s, a)) return false;
  switch (t.typenum) {
    case CNP_INT8: put(dst, static_cast<int8_t>(v)); break;
    case CNP_INT16: put(dst, static_cast<int16_t>(v)); break;
    case CNP_INT32: put(dst, static_cast<int32_t>(v)); break;
    case CNP_INT64: put(dst, v); break;
    case CNP_UINT8: put(dst, static_cast<uint8_t>(v)); break;
    case CNP_UINT16: put(dst, static_cast<uint16_t>(v)); break;
    default: put(dst, static_cast<uint32_t>(v)); break;
  }
  return true;
}

// The kinds (bit k: Kind k) StringConverter would accept the field at; a missing field is
// accepted at every kind (_strict_call returns the default), but marks the column.
unsigned accepted(std::string_view f, const GenfromtxtArgs& a, bool* missing) {
  std::string_view s = stripped(f);
  *missing = false;
  unsigned m = 0;
  if (parse_bool(f) >= 0) m |= 1u << kBoolean;
  int64_t iv;
  double dv;
  if (parse_int(s, INT64_MIN, INT64_MAX, &iv)) m |= (1u << kInteger) | (1u << kReal);
  else if (parse_double(s, &dv)) m |= 1u << kReal;
  if (m != 7 && is_missing(s, a)) {
    *missing = true;
    m = 7;
  }
  return m;
}

// Whether complex() and np.longdouble() surely refuse the (stripped) text: a character no
// complex literal, "inf"/"nan"/"infinity" or hex float can hold (Python's number parsers also
// read Unicode decimal digits and spaces: those decide nothing). Only then is a column str.
bool surely_text(std::string_view s) {
  size_t i = (!s.empty() && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
  if (s.size() >= i + 2 && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) return false;
  const char* p = s.data();
  const char* e = p + s.size();
  while (p < e) {
    unsigned char c = static_cast<unsigned char>(*p);
    if (c >= 0x80) {
      uint32_t cp;
      int n = utf8_decode(p, e, &cp);
      if (n <= 0) return false;
      if (!chr::uni::decimal(cp) && !py_isspace(cp)) return true;
      p += n;
      continue;
    }
    ++p;
    if (c == 0 || !((c >= '0' && c <= '9') || std::strchr("+-.eEjJ()_ \t\n\r\v\f\x1c\x1d\x1e\x1finfatyINFATY", c)))
      return true;
  }
  return false;
}

// The rows, written into arrays sized from the rows left when the first row comes (exact for
// a file without blank or comment lines), copied into exact arrays at the end only when fewer
// rows came, grown by half when the bound was capped for memory.
class Output {
 public:
  Output(const Dtype* dtype, int32_t ndim, int64_t row_bytes, int64_t ncols, bool want_mask)
      : dtype_(dtype), ndim_(ndim), row_bytes_(row_bytes), ncols_(ncols), want_mask_(want_mask) {}
  void start(int64_t bound, size_t text_size) {
    // At most a few bytes of result per byte of text (many blank lines).
    if (row_bytes_ > 0) bound = std::min<int64_t>(bound, static_cast<int64_t>((4 * text_size + 4096) / static_cast<size_t>(row_bytes_)) + 1);
    allocate(std::max<int64_t>(bound, 1), &values_, &mask_);
    cap_ = std::max<int64_t>(bound, 1);
  }
  // Where row `rows` goes (and its mask row, or nullptr).
  char* row(int64_t rows, char** mrow) {
    if (rows == cap_) {
      Array v, m;
      int64_t grown = cap_ + cap_ / 2 + 16;
      allocate(grown, &v, &m);
      std::memcpy(v.data(), values_.data(), static_cast<size_t>(rows * row_bytes_));
      values_ = v;
      if (want_mask_) {
        std::memcpy(m.data(), mask_.data(), static_cast<size_t>(rows * ncols_));
        mask_ = m;
      }
      cap_ = grown;
    }
    *mrow = want_mask_ ? mask_.data() + rows * ncols_ : nullptr;
    return values_.data() + rows * row_bytes_;
  }
  void finish(int64_t rows, Array* out, Array* mask) {
    if (rows != cap_ || cap_ == 0) {  // (cap_ 0: nothing was allocated)
      Array v, m;
      allocate(rows, &v, &m);
      if (rows) std::memcpy(v.data(), values_.data(), static_cast<size_t>(rows * row_bytes_));
      values_ = v;
      if (want_mask_) {
        if (rows) std::memcpy(m.data(), mask_.data(), static_cast<size_t>(rows * ncols_));
        mask_ = m;
      }
    }
    *out = values_;
    if (want_mask_) *mask = mask_;
  }

 private:
  void allocate(int64_t n, Array* v, Array* m) const {
    int64_t shape[2] = {n, ncols_};
    *v = Array::allocate(dtype_, ndim_, shape, CNP_ORDER_C);
    if (want_mask_) *m = Array::allocate(builtin_dtype(CNP_BOOL), 2, shape, CNP_ORDER_C);
  }
  const Dtype* dtype_;
  int32_t ndim_;
  int64_t row_bytes_, ncols_;
  bool want_mask_;
  int64_t cap_ = 0;
  Array values_, mask_;
};

// The fill value of float columns: a 0-d float64 array, or NaN.
bool fill_of(const Array& fill, double* out) {
  *out = std::numeric_limits<double>::quiet_NaN();
  if (!fill.dtype()) return true;
  if (fill.dtype()->typenum != CNP_FLOAT64 || fill.ndim() != 0) return false;
  std::memcpy(out, fill.data(), 8);
  return true;
}

// The field of row `fields` for output column c (usecols maps it; negative indices are the
// Python layer's to resolve).
bool column_field(const std::vector<std::string_view>& fields, const GenfromtxtArgs& a, int64_t c, std::string_view* f) {
  int64_t col = a.has_usecols ? a.usecols[static_cast<size_t>(c)] : c;
  if (col < 0 || col >= static_cast<int64_t>(fields.size())) return false;
  *f = fields[static_cast<size_t>(col)];
  return true;
}

}  // namespace

bool genfromtxt_numeric(std::string_view text, const Dtype* dtype, const Array& fill, const GenfromtxtArgs& args,
                        Array* out, Array* mask) {
  double fill_value;
  if (!fill_of(fill, &fill_value)) return false;
  std::vector<Target> targets;
  const bool record = dtype->has_fields;
  if (record) {
    if (mask) return false;  // a structured mask: the Python algorithm's
    for (const auto& fld : dtype->fields)
      if (!numeric_target(fld.dtype, fld.offset, &targets)) return false;
    if (targets.empty()) return false;
  } else if (!numeric_target(dtype, 0, &targets)) {
    return false;
  }
  Lines lines(text, args);
  std::vector<std::string_view> fields;
  int64_t ncols = args.has_usecols ? static_cast<int64_t>(args.usecols.size()) : -1, rows = 0;
  if (record && ncols >= 0 && ncols != static_cast<int64_t>(targets.size())) return false;
  std::optional<Output> output;  // made at the first row (Array members: never copied empty)
  int64_t item = dtype->itemsize;
  while (lines.next_row(fields)) {
    int64_t nf = static_cast<int64_t>(fields.size());
    if (ncols < 0) ncols = nf;
    if (!args.has_usecols && nf != ncols) return false;
    if (!output) {
      if (record && ncols != static_cast<int64_t>(targets.size())) return false;
      output.emplace(dtype, record ? 1 : 2, record ? item : item * ncols, ncols, mask != nullptr);
      int64_t bound = 1 + lines.rows_bound();
      if (args.max_rows >= 0) bound = std::min(bound, args.max_rows);
      output->start(bound, text.size());
    }
    char* mrow;
    char* vrow = output->row(rows, &mrow);
    for (int64_t c = 0; c < ncols; ++c) {
      std::string_view f;
      if (!column_field(fields, args, c, &f)) return false;
      const Target& t = record ? targets[static_cast<size_t>(c)] : targets[0];
      bool miss;
      if (!store(t, f, fill_value, args, vrow + (record ? t.offset : c * item), &miss)) return false;
      if (mrow) mrow[c] = miss ? 1 : 0;
    }
    ++rows;
    if (args.max_rows >= 0 && rows == args.max_rows) break;
  }
  if (ncols < 0) return false;  // no data: the Python path warns "Empty input file"
  if (record && ncols != static_cast<int64_t>(targets.size())) return false;
  if (!output) output.emplace(dtype, record ? 1 : 2, record ? item : item * ncols, ncols, mask != nullptr);
  if (args.skip_footer > 0) rows = std::max<int64_t>(0, rows - args.skip_footer);
  output->finish(rows, out, mask);
  return true;
}

bool genfromtxt_infer(std::string_view text, const std::vector<std::string>& names, bool structured,
                      int32_t strings, const Array& fill, const GenfromtxtArgs& args, Array* out, Array* mask) {
  double fill_value;
  if (!fill_of(fill, &fill_value)) return false;
  // Pass 1: the kinds each column accepts (NumPy re-checks the whole column at each upgrade,
  // so a column's kind is the first one every value is accepted at).
  std::vector<unsigned> kinds;
  std::vector<uint8_t> any_missing, any_text, past_latin1;
  std::vector<int64_t> widths;
  std::vector<std::string_view> fields;
  int64_t ncols = args.has_usecols ? static_cast<int64_t>(args.usecols.size()) : -1, rows = 0;
  {
    Lines lines(text, args);
    while (lines.next_row(fields)) {
      int64_t nf = static_cast<int64_t>(fields.size());
      if (ncols < 0) ncols = nf;
      if (!args.has_usecols && nf != ncols) return false;
      if (kinds.empty()) {
        kinds.assign(static_cast<size_t>(ncols), 7u);
        any_missing.assign(static_cast<size_t>(ncols), 0);
        any_text.assign(static_cast<size_t>(ncols), 0);
        past_latin1.assign(static_cast<size_t>(ncols), 0);
        widths.assign(static_cast<size_t>(ncols), 0);
      }
      for (int64_t c = 0; c < ncols; ++c) {
        std::string_view f;
        if (!column_field(fields, args, c, &f)) return false;
        size_t k = static_cast<size_t>(c);
        bool miss;
        kinds[k] &= accepted(f, args, &miss);
        if (miss) any_missing[k] = 1;
        if (!kinds[k]) {  // complex or str
          if (!strings) return false;
          if (!miss && !any_text[k] && surely_text(stripped(f))) any_text[k] = 1;
        }
      }
      ++rows;
      if (args.max_rows >= 0 && rows == args.max_rows) break;
    }
  }
  if (ncols <= 0 || rows == 0) return false;
  if (args.skip_footer > 0) return false;  // NumPy infers from the rows before the footer is cut
  // Each column's kind; bool and int columns with missing values take NumPy's defaults or the
  // filling values there (and bool's _checked rule): the Python algorithm's.
  // The str columns' widths (their longest field in code points) and whether each is Latin-1:
  // a pass of its own, made only when there are str columns.
  if (std::find(kinds.begin(), kinds.end(), 0u) != kinds.end()) {
    Lines lines(text, args);
    for (int64_t r = 0; r < rows; ++r) {
      if (!lines.next_row(fields)) return false;
      for (int64_t c = 0; c < ncols; ++c) {
        size_t k = static_cast<size_t>(c);
        if (kinds[k]) continue;
        std::string_view f;
        if (!column_field(fields, args, c, &f)) return false;
        int64_t n = 0;
        for (char ch : f) {
          unsigned char u = static_cast<unsigned char>(ch);
          if ((u & 0xc0) != 0x80) ++n;
          if (u >= 0xc4) past_latin1[k] = 1;  // U+0100 and beyond start at 0xC4
        }
        widths[k] = std::max(widths[k], n);
      }
    }
  }
  std::vector<Kind> kind(static_cast<size_t>(ncols));
  bool bytes = strings == 2;  // str columns as latin-1 bytes when every one can be
  for (size_t c = 0; c < kind.size(); ++c) {
    unsigned m = kinds[c];
    if (!m) {
      // No value made it complex-proof: complex() (or np.longdouble) may read the column.
      if (!any_text[c] || widths[c] == 0) return false;
      kind[c] = kText;
      if (past_latin1[c]) bytes = false;
      continue;
    }
    kind[c] = (m & 1) ? kBoolean : (m & 2) ? kInteger : kReal;
    if (kind[c] != kReal && any_missing[c]) return false;
  }
  bool uniform = std::all_of(kind.begin(), kind.end(), [&](Kind k) { return k == kind[0]; });
  if (structured || !uniform) {
    if (mask) return false;  // a structured mask: the Python algorithm's
    if (static_cast<int64_t>(names.size()) != ncols) return false;
  }
  // A uniform str result is one width: the longest field of all columns (np.array(data, str)).
  int64_t all_width = *std::max_element(widths.begin(), widths.end());
  auto leaf = [&](Kind k, int64_t width) {
    if (k == kText) return make_flexible(bytes ? 'S' : 'U', width);
    return DtypeRef::borrow(builtin_dtype(k == kBoolean ? CNP_BOOL : k == kInteger ? CNP_INT64 : CNP_FLOAT64));
  };
  std::vector<Target> targets;
  DtypeRef record;
  const Dtype* dtype;
  if (structured || !uniform) {
    std::vector<FieldSpec> specs;
    int64_t off = 0;
    for (size_t c = 0; c < kind.size(); ++c) {
      FieldSpec s;
      s.name = names[c];
      s.dtype = leaf(kind[c], widths[c]);
      s.offset = off;
      targets.push_back({s.dtype->typenum, off, widths[c]});
      off += s.dtype->itemsize;
      specs.push_back(std::move(s));
    }
    record = make_record(std::move(specs), off, false);
    dtype = record.get();
  } else {
    record = leaf(kind[0], all_width);
    dtype = record.get();
    targets.push_back({dtype->typenum, 0, all_width});
  }
  // Pass 2: the values.
  const bool rec = structured || !uniform;
  int64_t item = dtype->itemsize;
  Output output(dtype, rec ? 1 : 2, rec ? item : item * ncols, ncols, mask != nullptr);
  output.start(rows, text.size());
  Lines lines(text, args);
  for (int64_t r = 0; r < rows; ++r) {
    if (!lines.next_row(fields)) return false;
    char* mrow;
    char* vrow = output.row(r, &mrow);
    for (int64_t c = 0; c < ncols; ++c) {
      std::string_view f;
      if (!column_field(fields, args, c, &f)) return false;
      const Target& t = rec ? targets[static_cast<size_t>(c)] : targets[0];
      bool miss;
      if (!store(t, f, fill_value, args, vrow + (rec ? t.offset : c * item), &miss)) return false;
      if (mrow) mrow[c] = miss ? 1 : 0;
    }
  }
  output.finish(rows, out, mask);
  return true;
}

}  // namespace cnp::textio
