// See array_print.hpp. The elements that will be shown (all, or the edge items of every long axis
// when the array is summarised) are visited twice: once to choose the shared element format
// (NumPy builds it from _leading_trailing(a)), once to lay the text out line by line.
#include "print/array_print.hpp"

#include <algorithm>
#include <complex>
#include <cstring>
#include <functional>
#include <memory>
#include <vector>

#include "core/types.hpp"
#include "print/float_format.hpp"
#include "print/options.hpp"

namespace cnp::print {
namespace {

FloatKind float_kind(int32_t typenum) {
  switch (typenum) {
    case CNP_FLOAT16: return FloatKind::Half;
    case CNP_FLOAT32:
    case CNP_COMPLEX64: return FloatKind::Single;
    default: return FloatKind::Double;
  }
}

template <class T>
T load(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

double load_real(int32_t t, const char* p) {
  switch (t) {
    case CNP_FLOAT16: return half_to_float(load<uint16_t>(p));
    case CNP_FLOAT32: return load<float>(p);
    case CNP_FLOAT64: return load<double>(p);
    case CNP_COMPLEX64: return load<float>(p);
    case CNP_COMPLEX128: return load<double>(p);
    default: return 0;
  }
}
double load_imag(int32_t t, const char* p) {
  return t == CNP_COMPLEX64 ? load<float>(p + 4) : load<double>(p + 8);
}

bool is_signed_int(int32_t t) { return t == CNP_INT8 || t == CNP_INT16 || t == CNP_INT32 || t == CNP_INT64; }
int64_t load_signed(int32_t t, const char* p) {
  switch (t) {
    case CNP_INT8: return load<int8_t>(p);
    case CNP_INT16: return load<int16_t>(p);
    case CNP_INT32: return load<int32_t>(p);
    default: return load<int64_t>(p);
  }
}
uint64_t load_unsigned(int32_t t, const char* p) {
  switch (t) {
    case CNP_UINT8: return load<uint8_t>(p);
    case CNP_UINT16: return load<uint16_t>(p);
    case CNP_UINT32: return load<uint32_t>(p);
    default: return load<uint64_t>(p);
  }
}

std::string int_text(int32_t t, const char* p) {
  return is_signed_int(t) ? std::to_string(load_signed(t, p)) : std::to_string(load_unsigned(t, p));
}

// The shown elements in printing order (NumPy's _leading_trailing).
void shown(const Array& a, int axis, const char* ptr, bool summarize, int64_t edge, std::vector<const char*>& out) {
  if (axis == a.ndim()) {
    out.push_back(ptr);
    return;
  }
  const int64_t n = a.shape(axis), st = a.stride(axis);
  if (summarize && n > 2 * edge) {
    for (int64_t i = 0; i < edge; ++i) shown(a, axis + 1, ptr + i * st, summarize, edge, out);
    // NumPy takes a[-edge:], which for edge 0 is the whole axis
    for (int64_t i = edge ? n - edge : 0; i < n; ++i) shown(a, axis + 1, ptr + i * st, summarize, edge, out);
  } else {
    for (int64_t i = 0; i < n; ++i) shown(a, axis + 1, ptr + i * st, summarize, edge, out);
  }
}

using ElementFormat = std::function<std::string(const char*)>;

// NumPy's _get_format_function for the builtin numeric dtypes.
ElementFormat format_function(const Array& a, const std::vector<const char*>& data, const cnp_printoptions& o) {
  const int32_t t = a.dtype()->typenum;
  const char kind = a.dtype()->kind;
  if (kind == 'b') {
    std::string truestr = a.ndim() ? " True" : "True";
    return [truestr](const char* p) { return *reinterpret_cast<const uint8_t*>(p) ? truestr : std::string("False"); };
  }
  if (kind == 'i' || kind == 'u') {
    size_t width = 0;
    for (const char* p : data) width = std::max(width, int_text(t, p).size());
    return [t, width](const char* p) {
      std::string s = int_text(t, p);
      if (s.size() < width) s.insert(0, width - s.size(), ' ');
      return s;
    };
  }
  if (kind == 'f') {
    std::vector<double> v;
    v.reserve(data.size());
    for (const char* p : data) v.push_back(load_real(t, p));
    auto f = std::make_shared<FloatFormat>(v, float_kind(t), o, o.sign);
    return [f, t](const char* p) { return (*f)(load_real(t, p)); };
  }
  if (kind == 'c') {
    std::vector<double> re, im;
    re.reserve(data.size());
    im.reserve(data.size());
    for (const char* p : data) {
      re.push_back(load_real(t, p));
      im.push_back(load_imag(t, p));
    }
    auto f = std::make_shared<ComplexFormat>(re, im, float_kind(t), o);
    return [f, t](const char* p) { return (*f)(load_real(t, p), load_imag(t, p)); };
  }
  throw Error(CNP_ERR_NOT_IMPLEMENTED, "printing is not supported for this dtype yet");
}

std::string rstrip(const std::string& s) {
  size_t e = s.find_last_not_of(" \t\n");
  return e == std::string::npos ? std::string() : s.substr(0, e + 1);
}

// NumPy's _extendLine (legacy off): wrap unless the line holds only the prefix.
void extend_line(std::string& s, std::string& line, const std::string& word, size_t width, const std::string& prefix) {
  bool wrap = line.size() + word.size() > width;
  if (line.size() <= prefix.size()) wrap = false;
  if (wrap) {
    s += rstrip(line) + "\n";
    line = prefix;
  }
  line += word;
}

// NumPy's _formatArray.
struct Layout {
  const Array& a;
  const ElementFormat& fmt;
  const std::string& sep;
  int64_t edge;
  bool summarize;

  std::string rec(const char* ptr, int axis, const std::string& hanging, int64_t width) const {
    const int left = a.ndim() - axis;
    if (left == 0) return fmt(ptr);
    const std::string next_hanging = hanging + " ";
    const int64_t next_width = width - 1;
    const int64_t n = a.shape(axis), st = a.stride(axis);
    const bool summary = summarize && 2 * edge < n;
    const int64_t leading = summary ? edge : 0;
    const int64_t trailing = summary ? edge : n;
    std::string s;
    if (left == 1) {
      const std::string sep_r = rstrip(sep);
      const size_t elem_width = static_cast<size_t>(std::max<int64_t>(0, width - std::max<int64_t>(sep_r.size(), 1)));
      std::string line = hanging;
      for (int64_t i = 0; i < leading; ++i) {
        extend_line(s, line, rec(ptr + i * st, axis + 1, next_hanging, next_width), elem_width, hanging);
        line += sep;
      }
      if (summary) {
        extend_line(s, line, "...", elem_width, hanging);
        line += sep;
      }
      for (int64_t i = trailing; i > 1; --i) {
        extend_line(s, line, rec(ptr + (n - i) * st, axis + 1, next_hanging, next_width), elem_width, hanging);
        line += sep;
      }
      extend_line(s, line, rec(ptr + (n - 1) * st, axis + 1, next_hanging, next_width), elem_width, hanging);
      s += line;
    } else {
      const std::string line_sep = rstrip(sep) + std::string(static_cast<size_t>(left - 1), '\n');
      for (int64_t i = 0; i < leading; ++i)
        s += hanging + rec(ptr + i * st, axis + 1, next_hanging, next_width) + line_sep;
      if (summary) s += hanging + "..." + line_sep;
      for (int64_t i = trailing; i > 1; --i)
        s += hanging + rec(ptr + (n - i) * st, axis + 1, next_hanging, next_width) + line_sep;
      s += hanging + rec(ptr + (n - 1) * st, axis + 1, next_hanging, next_width);
    }
    return "[" + s.substr(hanging.size()) + "]";
  }
};

// NumPy's array2string (legacy off) for a non-empty array.
std::string array2string(const Array& a, const cnp_printoptions& o, const std::string& sep, const std::string& prefix,
                         const std::string& suffix) {
  if (a.size() == 0) return "[]";
  const int64_t linewidth = static_cast<int64_t>(o.linewidth) - static_cast<int64_t>(suffix.size());
  const bool summarize = a.size() > o.threshold;
  std::vector<const char*> data;
  shown(a, 0, a.data(), summarize, o.edgeitems, data);
  ElementFormat fmt = format_function(a, data, o);
  Layout layout{a, fmt, sep, o.edgeitems, summarize};
  return layout.rec(a.data(), 0, " " + std::string(prefix.size(), ' '), linewidth);
}

bool dtype_is_implied(const Dtype* d) {
  return d->typenum == CNP_FLOAT64 || d->typenum == CNP_INT64 || d->typenum == CNP_BOOL || d->typenum == CNP_COMPLEX128;
}

std::string scalar_str(const Array& a) {
  const int32_t t = a.dtype()->typenum;
  const char* p = a.data();
  switch (a.dtype()->kind) {
    case 'b': return *reinterpret_cast<const uint8_t*>(p) ? "True" : "False";
    case 'i':
    case 'u': return int_text(t, p);
    case 'f': return float_scalar_str(load_real(t, p), float_kind(t));
    case 'c': return complex_scalar_str(load_real(t, p), load_imag(t, p), float_kind(t));
    default: throw Error(CNP_ERR_NOT_IMPLEMENTED, "printing is not supported for this dtype yet");
  }
}

}  // namespace

std::string array_repr(const Array& a) {
  const cnp_printoptions o = get_options();
  const std::string prefix = "array(";
  const bool skipdtype = dtype_is_implied(a.dtype()) && a.size() > 0;
  const std::string suffix = skipdtype ? ")" : ",";
  std::string lst;
  if (a.size() > 0 || (a.ndim() == 1 && a.shape(0) == 0))
    lst = array2string(a, o, ", ", prefix, suffix);
  else
    lst = "[], shape=" + shape_str(a.ndim(), a.shape());
  std::string s = prefix + lst + suffix;
  if (skipdtype) return s;
  const std::string dtype_str = "dtype=" + a.dtype()->name + ")";
  const size_t nl = s.rfind('\n');
  const size_t last_line_len = s.size() - (nl == std::string::npos ? 0 : nl + 1);
  std::string spacer = " ";
  if (last_line_len + dtype_str.size() + 1 > static_cast<size_t>(o.linewidth)) spacer = "\n" + std::string(prefix.size(), ' ');
  return s + spacer + dtype_str;
}

std::string array_str(const Array& a) {
  if (a.ndim() == 0) return scalar_str(a);
  return array2string(a, get_options(), " ", "", "");
}

}  // namespace cnp::print
