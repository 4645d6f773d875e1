// numpy.loadtxt's reader over a UTF-8 buffer (text_loadtxt.hpp): NumPy 1.24's read_rows loop
// (textreading/rows.c) — skip lines, tokenize rows, skip empty rows, fix the column count on
// the first row, remap usecols (negative from the end), convert each field — then ndmin/unpack.
#include "io/text_loadtxt.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>

#include "core/error.hpp"
#include "core/views.hpp"
#include "io/text_columns.hpp"
#include "io/text_tokenizer.hpp"
#include "io/text_utf8.hpp"

namespace cnp::textio {

static std::string encode_cp(int64_t cp) {
  std::string s;
  if (cp >= 0) {
    if (cp > 0x10ffff) throw Error(CNP_ERR_VALUE, "control character is not a Unicode code point");
    utf8_append(s, static_cast<uint32_t>(cp));
  }
  return s;
}

// NumPy's Python layer for several or multi-character comments: every line is cut at the first
// occurrence of each comment string in turn (the line end goes with the cut part).
static std::string strip_comments(std::string_view text, const std::vector<std::string>& comments) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    size_t j = i;
    while (j < text.size() && text[j] != '\n' && text[j] != '\r') ++j;
    size_t next = j;
    if (next < text.size()) next += (text[next] == '\r' && next + 1 < text.size() && text[next + 1] == '\n') ? 2 : 1;
    std::string_view line = text.substr(i, j - i);
    bool cut = false;
    for (const auto& c : comments) {
      size_t k = line.find(c);
      if (k != std::string_view::npos) {
        line = line.substr(0, k);
        cut = true;
      }
    }
    out.append(line);
    if (cut || j < text.size()) out.push_back('\n');
    i = next;
  }
  return out;
}

Array ensure_ndmin(const Array& a, int32_t ndmin) {
  Array r = a;
  if (r.ndim() > ndmin) {  // squeeze
    std::vector<int64_t> shape, strides;
    for (int i = 0; i < r.ndim(); ++i)
      if (r.shape(i) != 1) {
        shape.push_back(r.shape(i));
        strides.push_back(r.stride(i));
      }
    r = r.view(static_cast<int32_t>(shape.size()), shape.data(), strides.data(), r.data());
  }
  if (r.ndim() < ndmin) {
    if (ndmin == 1) {  // atleast_1d of a 0-d array
      int64_t one = 1, st = 0;
      r = r.view(1, &one, &st, r.data());
    } else if (ndmin == 2) {  // atleast_2d(a).T: (n,) -> (n, 1); () -> (1, 1)
      int64_t shape[2] = {r.ndim() == 1 ? r.shape(0) : 1, 1};
      int64_t strides[2] = {r.ndim() == 1 ? r.stride(0) : 0, 0};
      r = r.view(2, shape, strides, r.data());
    }
  }
  return r;
}

namespace {
// The rows read so far, written straight into the result's memory: an array of `capacity` rows
// allocated once the first row fixes the row size, sized from an upper bound of the rows left
// (the line ends still to come), so a typical file is parsed into the array that is returned,
// with no second buffer and no copy. When the bound is too generous (blank or comment lines,
// \r\n counted twice) the rows read are copied into an exact array at the end; when it is too
// small (an estimate capped for memory) the array grows by half.
struct RowBuffer {
  const Dtype* dtype = nullptr;
  bool homogeneous = true;
  int64_t ncols = 0;
  int64_t row_size = 0;
  int64_t rows = 0;
  int64_t capacity = 0;
  int64_t hint_rows = 0;  // the first allocation's rows (set with the first row)
  Array arr;
  Array allocate(int64_t n) const {
    int64_t shape[2] = {n, ncols};
    return Array::allocate(dtype, homogeneous ? 2 : 1, shape, CNP_ORDER_C);
  }
  char* new_row() {
    if (row_size == 0) return nullptr;  // nothing is written (no columns)
    if (rows == capacity) {
      int64_t grown = std::max<int64_t>({rows + 1, capacity + capacity / 2 + 16, hint_rows});
      Array bigger = allocate(grown);
      if (rows > 0) std::memcpy(bigger.data(), arr.data(), static_cast<size_t>(rows * row_size));
      arr = bigger;
      capacity = grown;
    }
    return arr.data() + rows * row_size;
  }
  Array finish() const {
    if (row_size > 0 && rows == capacity) return arr;
    Array a = allocate(rows);
    if (rows > 0 && row_size > 0) std::memcpy(a.data(), arr.data(), static_cast<size_t>(rows * row_size));
    return a;
  }
};

// An upper bound of the rows in text[from:]: its line ends, plus a last line without one.
int64_t rows_bound(std::string_view text, size_t from) {
  int64_t n = 0;
  const char* p = text.data() + from;
  const char* end = text.data() + text.size();
  bool cr = std::memchr(p, '\r', static_cast<size_t>(end - p)) != nullptr;
  for (const char* q = p; q < end; ++n) {
    const void* nl = std::memchr(q, '\n', static_cast<size_t>(end - q));
    if (!nl) break;
    q = static_cast<const char*>(nl) + 1;
  }
  if (cr)
    for (const char* q = p; q < end; ++n) {
      const void* r = std::memchr(q, '\r', static_cast<size_t>(end - q));
      if (!r) break;
      q = static_cast<const char*>(r) + 1;
    }
  // A last line without a line end is a row too.
  return n + (p < end && end[-1] != '\n' && end[-1] != '\r' ? 1 : 0);
}
}  // namespace

// "S0"/"U0": the fields are kept as text and the width is the longest one (NumPy reads them as
// objects and casts, so an empty result or empty strings give width 1).
static Array read_unsized(Tokenizer& tok, const Dtype* d, const LoadtxtArgs& args) {
  std::vector<std::string> cells;
  int64_t ncols = -1, rows = 0, width = 1;
  while ((args.max_rows < 0 || rows < args.max_rows) && tok.next_row()) {
    int64_t nf = static_cast<int64_t>(tok.nfields());
    if (nf == 0) continue;
    if (ncols < 0) ncols = args.has_usecols ? static_cast<int64_t>(args.usecols.size()) : nf;
    if (!args.has_usecols && nf != ncols)
      throw Error(CNP_ERR_VALUE, "the number of columns changed from " + std::to_string(ncols) + " to " +
                                     std::to_string(nf) + " at row " + std::to_string(rows + 1) +
                                     "; use `usecols` to select a subset and avoid this error");
    for (int64_t i = 0; i < ncols; ++i) {
      int64_t col = args.has_usecols ? args.usecols[i] : i;
      if (args.has_usecols) {
        if (col < 0) col += nf;
        if (col < 0 || col >= nf)
          throw Error(CNP_ERR_VALUE, "invalid column index " + std::to_string(args.usecols[i]) + " at row " +
                                         std::to_string(rows + 1) + " with " + std::to_string(nf) + " columns");
      }
      std::string_view f = tok.field(static_cast<size_t>(col));
      std::u32string u;
      if (!utf8_to_ucs4(f, u)) throw Error(CNP_ERR_VALUE, "loadtxt: the input is not valid UTF-8");
      if (d->kind == 'S')
        for (char32_t c : u)
          if (c > 255) {  // NumPy reads unsized strings as objects: its message names "object"
            std::string m = conversion_error(f, d, rows, col + 1);
            m.replace(m.find(" to " + d->text + " at"), 4 + d->text.size(), " to object");
            throw Error(CNP_ERR_VALUE, m);
          }
      width = std::max<int64_t>(width, static_cast<int64_t>(u.size()));
      cells.emplace_back(f);
    }
    ++rows;
  }
  if (ncols < 0) ncols = 1;
  DtypeRef sized = make_flexible(d->kind, width, d->byteorder == '>' ? '>' : '=');
  Column c{d->kind == 'S' ? Leaf::kS : Leaf::kU, 0, sized->itemsize, sized.get()};
  int64_t shape[2] = {rows, ncols};
  Array a = Array::allocate(sized.get(), 2, shape, CNP_ORDER_C);
  ConvertState st;
  for (size_t i = 0; i < cells.size(); ++i) convert_field(c, cells[i], a.data() + i * sized->itemsize, st);
  return a;
}

Array loadtxt(std::string_view text, const Dtype* dtype, const LoadtxtArgs& args) {
  if (!dtype) dtype = default_float();
  if (args.ndmin < 0 || args.ndmin > 2) throw Error(CNP_ERR_VALUE, "Illegal value of ndmin keyword: " + std::to_string(args.ndmin));
  if (args.skiprows < 0) throw Error(CNP_ERR_VALUE, "argument must be nonnegative");
  if (args.max_rows < -1) throw Error(CNP_ERR_VALUE, "argument must be nonnegative");
  for (const auto& c : args.comments)
    if (c.empty()) throw Error(CNP_ERR_VALUE, "comments cannot be an empty string. Use comments=None to disable comments.");
  if (!args.comments.empty() && args.quote >= 0)
    throw Error(CNP_ERR_VALUE,
                "when multiple comments or a multi-character comment is given, quotes are not supported.  In this "
                "case quotechar must be set to None.");
  check_control_characters(args.delimiter, args.quote, args.comments.empty() ? args.comment : -1);

  std::string stripped;
  std::vector<size_t> line_ends = args.line_ends;
  if (!args.comments.empty() && args.has_lines) {
    // Each item is cut at the comments on its own (NumPy's _preprocess_comments on each line).
    size_t start = 0;
    for (size_t& e : line_ends) {
      if (e < start || e > text.size()) throw Error(CNP_ERR_VALUE, "line ends must be non-decreasing offsets within the text");
      stripped += strip_comments(text.substr(start, e - start), args.comments);
      start = e;
      e = stripped.size();
    }
    if (start != text.size()) throw Error(CNP_ERR_VALUE, "the last line must end at the end of the text");
    text = stripped;
  } else if (!args.comments.empty()) {
    stripped = strip_comments(text, args.comments);
    text = stripped;
  }
  TokenizerConfig cfg{encode_cp(args.delimiter), args.comments.empty() ? encode_cp(args.comment) : std::string(),
                      encode_cp(args.quote)};
  Tokenizer tok(text.data(), text.size(), cfg);
  if (args.has_lines) tok.set_items(std::move(line_ends));
  for (int64_t i = 0; i < args.skiprows; ++i)
    if (!tok.skip_line()) break;

  Array result;
  bool homogeneous = !is_record(dtype) && !is_subarray(dtype);
  if (homogeneous && (dtype->kind == 'S' || dtype->kind == 'U') && dtype->itemsize == 0) {
    result = read_unsized(tok, dtype, args);
  } else {
    std::vector<Column> cols = columns_of(dtype);
    if (!homogeneous && args.has_usecols && args.usecols.size() != cols.size())
      throw Error(CNP_ERR_TYPE,
                  "If a structured dtype is used, the number of columns in `usecols` must match the effective "
                  "number of fields. But " +
                      std::to_string(args.usecols.size()) + " usecols were given and the number of fields is " +
                      std::to_string(cols.size()) + ".");
    ConvertState st;
    st.imaginary_unit = static_cast<char32_t>(args.imaginary_unit);
    RowBuffer buf;
    int64_t ncols = args.has_usecols ? static_cast<int64_t>(args.usecols.size())
                                     : (homogeneous ? -1 : static_cast<int64_t>(cols.size()));
    bool warn_empty = args.max_rows >= 0;
    bool have_first = false;
    while (args.max_rows < 0 || buf.rows < args.max_rows) {
      if (!tok.next_row()) break;
      int64_t nf = static_cast<int64_t>(tok.nfields());
      if (nf == 0) {
        if (warn_empty && !tok.row_hit_end()) {
          warn_empty = false;
          warn(CNP_WARN_USER,
               "Input line " + std::to_string(buf.rows + args.skiprows + 1) +
                   " contained no data and will not be counted towards `max_rows=" + std::to_string(args.max_rows) +
                   "`.  This differs from the behaviour in NumPy <=1.22 which counted lines rather than rows.  If "
                   "desired, the previous behaviour can be achieved by using `itertools.islice`.\nPlease see the "
                   "1.23 release notes for an example on how to do this.  If you wish to ignore this warning, use "
                   "`warnings.filterwarnings`.  This warning is expected to be removed in the future and is given "
                   "only once per `loadtxt` call.");
        }
        if (tok.row_hit_end()) break;
        continue;
      }
      if (!have_first) {
        have_first = true;
        if (ncols < 0) ncols = nf;
        buf.dtype = dtype;
        buf.homogeneous = homogeneous;
        buf.ncols = ncols;
        buf.row_size = homogeneous ? dtype->itemsize * ncols : dtype->itemsize;
        int64_t hint = args.has_lines ? static_cast<int64_t>(tok.items_left()) + 1 : rows_bound(text, tok.offset()) + 1;
        if (args.max_rows >= 0) hint = std::min<int64_t>(hint, args.max_rows);
        // Never let the bound ask for more than a few bytes per input byte (many short lines).
        if (buf.row_size > 0)
          hint = std::min<int64_t>(hint, static_cast<int64_t>((8 * text.size() + 4096) / static_cast<size_t>(buf.row_size)));
        buf.hint_rows = std::max<int64_t>(hint, 1);
      }
      if (!args.has_usecols && nf != ncols)  // NumPy 1.24 words records' mismatch the same way
        throw Error(CNP_ERR_VALUE, "the number of columns changed from " + std::to_string(ncols) + " to " +
                                       std::to_string(nf) + " at row " + std::to_string(buf.rows + 1) +
                                       "; use `usecols` to select a subset and avoid this error");
      char* row = buf.new_row();
      for (int64_t i = 0; i < ncols; ++i) {
        const Column& c = homogeneous ? cols[0] : cols[static_cast<size_t>(i)];
        char* dst = row + (homogeneous ? i * dtype->itemsize : c.offset);
        int64_t col = i;
        if (args.has_usecols) {
          col = args.usecols[static_cast<size_t>(i)];
          if (col < 0) col += nf;
          if (col < 0 || col >= nf)
            throw Error(CNP_ERR_VALUE, "invalid column index " + std::to_string(args.usecols[static_cast<size_t>(i)]) +
                                           " at row " + std::to_string(buf.rows + 1) + " with " + std::to_string(nf) +
                                           " columns");
        }
        std::string_view f = tok.field(static_cast<size_t>(col));
        if (!convert_field(c, f, dst, st))
          throw Error(CNP_ERR_VALUE, conversion_error(f, c.dtype, buf.rows, col + 1));
      }
      ++buf.rows;
      if (tok.row_hit_end()) break;
    }
    if (!have_first) {
      buf.dtype = dtype;
      buf.homogeneous = homogeneous;
      buf.ncols = ncols < 0 ? 1 : ncols;
    }
    result = buf.finish();
  }
  result = ensure_ndmin(result, args.ndmin);
  if (args.unpack && !is_record(dtype)) result = transpose(result, nullptr, -1);
  return result;
}

}  // namespace cnp::textio
