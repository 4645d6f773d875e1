// genfromtxt's fast path for float columns (text_loadtxt.hpp): NumPy's LineSplitter (comments cut
// first, " \r\n" stripped, split at the delimiter or at runs of whitespace, no quoting) and its
// float StringConverter (a field that is empty after stripping, or one of the missing strings,
// takes the filling value). Anything else — a field float() might still read (underscores,
// non-ASCII digits), a row of another length, an unparsable value genfromtxt's loose mode would
// fill — returns false so the Python implementation, which words the errors, does it.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/error.hpp"
#include "io/text_loadtxt.hpp"
#include "io/text_number.hpp"
#include "io/text_utf8.hpp"

namespace cnp::textio {

static std::string_view strip_crlf_space(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\r' || s[b] == '\n')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\r' || s[e - 1] == '\n')) --e;
  return s.substr(b, e - b);
}

static void split(std::string_view line, const std::string& delim, std::vector<std::string_view>& out) {
  out.clear();
  if (delim.empty()) {  // str.split(): runs of whitespace
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
    size_t k = line.find(delim, i);
    if (k == std::string_view::npos) {
      out.push_back(line.substr(i));
      return;
    }
    out.push_back(line.substr(i, k - i));
    i = k + delim.size();
  }
}

bool genfromtxt_numeric(std::string_view text, const Dtype* dtype, const Array& fill, const GenfromtxtArgs& args,
                        Array* out, Array* mask) {
  if (dtype->typenum != CNP_FLOAT64 && dtype->typenum != CNP_FLOAT32) return false;
  if (dtype->swapped) return false;
  double fill_value = NAN;
  if (fill.dtype()) {
    if (fill.dtype()->typenum != CNP_FLOAT64 || fill.ndim() != 0) return false;
    std::memcpy(&fill_value, fill.data(), 8);
  }
  std::string delim;
  if (args.delimiter >= 0) utf8_append(delim, static_cast<uint32_t>(args.delimiter));
  // Lines as a text-mode file yields them (\n, \r\n and \r end a line), read in place.
  size_t pos = 0;
  // Without any \r in the text (the usual case) a line ends at the next \n: memchr.
  bool has_cr = std::memchr(text.data(), '\r', text.size()) != nullptr;
  auto next_line = [&](std::string_view* line) {
    if (pos >= text.size()) return false;
    size_t j = pos;
    if (!has_cr) {
      const void* nl = std::memchr(text.data() + pos, '\n', text.size() - pos);
      j = nl ? static_cast<size_t>(static_cast<const char*>(nl) - text.data()) : text.size();
    }
    while (j < text.size() && text[j] != '\n' && text[j] != '\r') ++j;
    *line = text.substr(pos, j - pos);
    if (j < text.size()) j += (text[j] == '\r' && j + 1 < text.size() && text[j + 1] == '\n') ? 2 : 1;
    pos = j;
    return true;
  };
  std::string_view line;
  for (int64_t k = 0; k < args.skip_header && next_line(&line); ++k) {
  }
  // The values go straight into the result (and the mask, when asked for): arrays of `cap`
  // rows, allocated at the first row from the line ends left (an upper bound of the rows: exact
  // for a file without blank or comment lines), copied into exact arrays at the end only when
  // fewer rows came, grown by half when the bound was capped.
  const bool f64 = dtype->typenum == CNP_FLOAT64;
  const int64_t item = f64 ? 8 : 4;
  Array values, missing;
  int64_t cap = 0;
  auto allocate = [&](int64_t n, int64_t cols, Array* v, Array* m) {
    int64_t shape[2] = {n, cols};
    *v = Array::allocate(dtype, 2, shape, CNP_ORDER_C);
    if (mask) *m = Array::allocate(builtin_dtype(CNP_BOOL), 2, shape, CNP_ORDER_C);
  };
  std::vector<std::string_view> fields;
  int64_t ncols = args.has_usecols ? static_cast<int64_t>(args.usecols.size()) : -1, rows = 0;
  bool first = true;
  while (next_line(&line)) {
    if (!args.comments.empty()) {
      size_t k = line.find(args.comments);
      if (k != std::string_view::npos) line = line.substr(0, k);
    }
    line = strip_crlf_space(line);
    if (line.empty()) continue;
    split(line, delim, fields);
    int64_t nf = static_cast<int64_t>(fields.size());
    if (ncols < 0) ncols = nf;
    if (!args.has_usecols && nf != ncols) return false;
    if (first) {
      first = false;
      // This row plus the line ends left (a last line without one is a row too).
      int64_t bound = 1;
      for (size_t q = pos; q < text.size(); ++bound) {
        const void* nl = std::memchr(text.data() + q, '\n', text.size() - q);
        if (!nl) break;
        q = static_cast<size_t>(static_cast<const char*>(nl) - text.data()) + 1;
      }
      if (has_cr) bound = static_cast<int64_t>(text.size());  // \r lines: grown as needed
      if (pos < text.size() && text.back() != '\n' && text.back() != '\r') ++bound;
      if (args.max_rows >= 0) bound = std::min(bound, args.max_rows);
      // At most a few bytes of result per byte of text (many blank lines).
      if (ncols > 0) bound = std::min<int64_t>(bound, static_cast<int64_t>((text.size() + 4096) / 2) / ncols + 1);
      cap = std::max<int64_t>(bound, 1);
      allocate(cap, ncols, &values, &missing);
    }
    if (rows == cap) {
      Array v, m;
      int64_t grown = cap + cap / 2 + 16;
      allocate(grown, ncols, &v, &m);
      std::memcpy(v.data(), values.data(), static_cast<size_t>(rows * ncols * item));
      if (mask) std::memcpy(m.data(), missing.data(), static_cast<size_t>(rows * ncols));
      values = v;
      if (mask) missing = m;  // (an empty Array is not copied)
      cap = grown;
    }
    char* vrow = values.data() + rows * ncols * item;
    char* mrow = mask ? missing.data() + rows * ncols : nullptr;
    for (int64_t c = 0; c < ncols; ++c) {
      int64_t col = args.has_usecols ? args.usecols[static_cast<size_t>(c)] : c;
      if (col < 0) return false;  // the Python layer resolves negative columns
      if (col >= nf) return false;
      std::string_view f = fields[static_cast<size_t>(col)];
      // A field with a plain first and last byte has nothing to strip (no decoding needed).
      auto plain = [](char ch) { return static_cast<unsigned char>(ch) > 0x20 && static_cast<unsigned char>(ch) < 0x80; };
      std::string_view s = !f.empty() && plain(f.front()) && plain(f.back()) ? f : strip_spaces(f);
      double v;
      // float() first, the missing strings only for what it refuses (StringConverter); the mask
      // marks every missing string.
      bool parsed = parse_double(s, &v);
      bool is_missing = s.empty();
      if (!parsed || mask)
        for (const auto& m : args.missing)
          if (s == m) is_missing = true;
      if (!parsed) {
        if (!is_missing) return false;
        v = fill_value;
      }
      if (f64) std::memcpy(vrow + c * 8, &v, 8);
      else {
        float x = static_cast<float>(v);
        std::memcpy(vrow + c * 4, &x, 4);
      }
      if (mrow) mrow[c] = is_missing ? 1 : 0;
    }
    ++rows;
    if (args.max_rows >= 0 && rows == args.max_rows) break;
  }
  if (ncols < 0) return false;  // no data: the Python path warns "Empty input file"
  if (args.skip_footer > 0) rows = std::max<int64_t>(0, rows - args.skip_footer);
  if (rows != cap || first) {  // (first: no row came, nothing was allocated)
    Array v, m;
    allocate(rows, ncols, &v, &m);
    if (rows) std::memcpy(v.data(), values.data(), static_cast<size_t>(rows * ncols * item));
    if (mask && rows) std::memcpy(m.data(), missing.data(), static_cast<size_t>(rows * ncols));
    values = v;
    if (mask) missing = m;
  }
  if (mask) *mask = missing;
  *out = values;
  return true;
}

}  // namespace cnp::textio
