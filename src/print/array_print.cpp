// See array_print.hpp. The elements that will be shown (all, or the edge items of every long axis
// when the array is summarised) are visited twice: once to choose the shared element format
// (NumPy builds it from _leading_trailing(a)), once to lay the text out line by line.
#include "print/array_print.hpp"

#include <algorithm>
#include <cctype>
#include <climits>
#include <complex>
#include <cstring>
#include <functional>
#include <memory>
#include <vector>

#include "core/cast.hpp"
#include "core/cast_any.hpp"
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

// Python's repr() of a float (a.item() of every float dtype is a Python float): NumPy's float64
// scalar text, which is Python's repr (shortest round trip; positional for 1e-4 <= |x| < 1e16).
std::string py_float_repr(double x) { return float_scalar_str(x, FloatKind::Double); }

// A part of Python's complex repr: a float's repr without its ".0" ('1', '1.5', '1e+16', '-0').
std::string py_complex_part(double x) {
  std::string s = py_float_repr(x);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s;
}

// Python's complex repr: '2j' for a +0 real part, else '(1+2j)' ('+nan', '-0', '+inf' parts).
std::string py_complex_repr(double re, double im) {
  std::string i = py_complex_part(im);
  if (re == 0 && !std::signbit(re)) return i + "j";
  if (i[0] != '-') i.insert(0, "+");
  return "(" + py_complex_part(re) + i + "j)";
}

// NumPy 1.13's text of a 0-d array: repr() or str() of a.item() (a Python bool, int, float,
// complex, str or bytes). false for the dtypes whose item this printer cannot spell (datetimes,
// void), which keep the usual text.
bool item_text(const Array& a, bool repr, std::string& out) {
  const Dtype* d = a.dtype();
  const char* p = a.data();
  const int32_t t = d->typenum;
  switch (d->kind) {
    case 'b': out = *reinterpret_cast<const uint8_t*>(p) ? "True" : "False"; return true;
    case 'i':
    case 'u': out = int_text(t, p); return true;
    case 'f': out = py_float_repr(load_real(t, p)); return true;
    case 'c': out = py_complex_repr(load_real(t, p), load_imag(t, p)); return true;
    case 'U': out = repr ? py_repr(element_text(d, p)) : element_text(d, p); return true;
    case 'S': out = bytes_repr(element_text(d, p)); return true;
    default: return false;
  }
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

ElementFormat format_for(const Dtype* d, bool nd, const std::vector<const char*>& data, const cnp_printoptions& o);

int64_t load_i64(const char* p) {
  int64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

// NumPy's formats of the parametric kinds (native byte order: the caller made a native copy).
ElementFormat parametric_format(const Dtype* d, bool nd, const std::vector<const char*>& data, const cnp_printoptions& o) {
  DtypeRef keep = DtypeRef::borrow(d);
  if (d->kind == 'U') return [keep](const char* p) { return py_repr(element_text(keep.get(), p)); };
  if (d->kind == 'S') return [keep](const char* p) { return bytes_repr(element_text(keep.get(), p)); };
  if (is_datetime(d)) {
    // _TimelikeFormat: every value right-aligned to the widest of min/max, NaT as 'NaT'.
    constexpr int64_t nat = INT64_MIN;
    bool any_nat = false, any = false;
    int64_t lo = 0, hi = 0;
    for (const char* p : data) {
      int64_t v = load_i64(p);
      if (v == nat) { any_nat = true; continue; }
      if (!any) lo = hi = v;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
      any = true;
    }
    auto text = [keep](int64_t v) {
      const Dtype* t = keep.get();
      return t->kind == 'M' ? "'" + datetime_text(v, t->unit, t->unit_count) + "'" : std::to_string(v);
    };
    size_t width = any ? std::max(text(lo).size(), text(hi).size()) : 0;
    if (any_nat) width = std::max<size_t>(width, 5);
    return [text, width](const char* p) {
      int64_t v = load_i64(p);
      std::string s = v == nat ? "'NaT'" : text(v);
      if (s.size() < width) s.insert(0, width - s.size(), ' ');
      return s;
    };
  }
  if (is_record(d)) {
    // StructuredVoidFormat: each field with its own format over that field's values.
    std::vector<std::pair<int64_t, ElementFormat>> fields;
    for (const DtypeField& f : d->fields) {
      std::vector<const char*> fd;
      fd.reserve(data.size());
      for (const char* p : data) fd.push_back(p + f.offset);
      // a field of a 0-d record is 0-d too (NumPy's from_data(data[name])): 'True' unpadded
      fields.emplace_back(f.offset, format_for(f.dtype, nd || is_subarray(f.dtype), fd, o));
    }
    return [fields](const char* p) {
      std::string s = "(";
      for (size_t i = 0; i < fields.size(); ++i) s += (i ? ", " : "") + fields[i].second(p + fields[i].first);
      return s + (fields.size() == 1 ? ",)" : ")");
    };
  }
  if (is_subarray(d)) {
    const Dtype* b = d->base;
    int64_t count = d->itemsize / std::max<int64_t>(b->itemsize, 1), step = b->itemsize;
    std::vector<const char*> bd;
    for (const char* p : data)
      for (int64_t k = 0; k < count; ++k) bd.push_back(p + k * step);
    ElementFormat inner = format_for(b, true, bd, o);
    std::vector<int64_t> shape = d->sub_shape;
    return [inner, shape, step](const char* p) {
      // Nested lists of the subarray's elements (NumPy's SubArrayFormat, no wrapping).
      std::function<std::string(const char*&, size_t)> rec = [&](const char*& q, size_t axis) -> std::string {
        std::string s = "[";
        for (int64_t i = 0; i < shape[axis]; ++i) {
          if (i) s += ", ";
          if (axis + 1 == shape.size()) {
            s += inner(q);
            q += step;
          } else {
            s += rec(q, axis + 1);
          }
        }
        return s + "]";
      };
      const char* q = p;
      return rec(q, 0);
    };
  }
  int64_t isz = d->itemsize;
  // void: str() of NumPy's void scalar, every byte as \xHH in upper case (voidtype_str)
  return [isz](const char* p) {
    static const char hex[] = "0123456789ABCDEF";
    std::string s = "b'";
    for (int64_t i = 0; i < isz; ++i) {
      const auto c = static_cast<unsigned char>(p[i]);
      s += "\\x";
      s += hex[c >> 4];
      s += hex[c & 15];
    }
    return s + "'";
  };
}

ElementFormat format_function(const Array& a, const std::vector<const char*>& data, const cnp_printoptions& o) {
  return format_for(a.dtype(), a.ndim() != 0, data, o);
}

// NumPy's _get_format_function.
ElementFormat format_for(const Dtype* d, bool nd, const std::vector<const char*>& data, const cnp_printoptions& o) {
  if (!is_numeric(d)) return parametric_format(d, nd, data, o);
  const int32_t t = d->typenum;
  const char kind = d->kind;
  // NumPy 1.13 printed N-d floats with a space for the sign unless a sign was asked for
  const int sign = o.legacy == CNP_LEGACY_1_13 && nd && o.sign == CNP_SIGN_MINUS ? CNP_SIGN_SPACE : o.sign;
  if (kind == 'b') {
    std::string truestr = nd ? " True" : "True";
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
    auto f = std::make_shared<FloatFormat>(v, float_kind(t), o, sign);
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
    auto f = std::make_shared<ComplexFormat>(re, im, float_kind(t), o, sign);
    return [f, t](const char* p) { return (*f)(load_real(t, p), load_imag(t, p)); };
  }
  throw Error(CNP_ERR_NOT_IMPLEMENTED, "printing is not supported for this dtype yet");
}

std::string rstrip(const std::string& s) {
  size_t e = s.find_last_not_of(" \t\n");
  return e == std::string::npos ? std::string() : s.substr(0, e + 1);
}

// len() of UTF-8 text as Python counts it (code points): NumPy measures lines with len(str).
size_t text_len(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// NumPy's _extendLine: wrap unless the line holds only the prefix (legacy 1.13: wrap anyway).
void extend_line_plain(std::string& s, std::string& line, const std::string& word, size_t width,
                       const std::string& prefix, bool legacy = false) {
  bool wrap = text_len(line) + text_len(word) > width;
  if (!legacy && text_len(line) <= prefix.size()) wrap = false;
  if (wrap) {
    s += rstrip(line) + "\n";
    line = prefix;
  }
  line += word;
}

// NumPy's _extendLine_pretty: a word of several lines (a formatter='s text) is kept as a block
// (legacy 1.13: always _extendLine).
void extend_line(std::string& s, std::string& line, const std::string& word, size_t width, const std::string& prefix,
                 bool legacy) {
  if (legacy || word.find('\n') == std::string::npos) return extend_line_plain(s, line, word, width, prefix, legacy);
  std::vector<std::string> words;
  for (size_t start = 0;;) {  // str.splitlines() of text with '\n' line ends
    size_t nl = word.find('\n', start);
    words.push_back(word.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
    if (nl == std::string::npos || nl + 1 == word.size()) break;
    start = nl + 1;
  }
  if (words.size() == 1) return extend_line_plain(s, line, words[0], width, prefix);
  size_t max_len = 0;
  for (const auto& w : words) max_len = std::max(max_len, text_len(w));
  std::string indent;
  if (text_len(line) + max_len > width && text_len(line) > prefix.size()) {
    s += rstrip(line) + "\n";
    line = prefix + words[0];
    indent = prefix;
  } else {
    indent = std::string(text_len(line), ' ');
    line += words[0];
  }
  for (size_t i = 1; i < words.size(); ++i) {
    s += rstrip(line) + "\n";
    line = indent + words[i];
  }
  line += std::string(max_len - text_len(words.back()), ' ');
}

// NumPy's _formatArray. Elements are found by pointer; with texts, by their index among the
// shown elements (flat, C order over the shown corners).
struct Layout {
  const Array& a;
  const ElementFormat& fmt;
  const std::vector<std::string>* texts;
  const std::string& sep;
  int64_t edge;
  bool summarize;
  bool legacy;  // legacy='1.13': NumPy 1.13's widths and summary separators

  // The index of item i of an axis of length n among that axis' shown items, and their count
  // (NumPy's _leading_trailing keeps a[:edge] and a[-edge:]; a[-0:] is the whole axis).
  int64_t shown_count(int64_t n) const { return summarize && n > 2 * edge && edge > 0 ? 2 * edge : n; }
  int64_t shown_index(int64_t i, int64_t n) const {
    return summarize && n > 2 * edge && edge > 0 && i >= edge ? i - (n - 2 * edge) : i;
  }

  std::string item(const char* ptr, int axis, int64_t i, int64_t flat, const std::string& hanging, int64_t width) const {
    const int64_t n = a.shape(axis);
    return rec(ptr + i * a.stride(axis), axis + 1, flat * shown_count(n) + shown_index(i, n), hanging, width);
  }

  std::string rec(const char* ptr, int axis, int64_t flat, const std::string& hanging, int64_t width) const {
    const int left = a.ndim() - axis;
    if (left == 0) return texts ? (*texts)[static_cast<size_t>(flat)] : fmt(ptr);
    const std::string next_hanging = hanging + " ";
    const int64_t next_width = legacy ? width : width - 1;
    const int64_t n = a.shape(axis);
    const bool summary = summarize && 2 * edge < n;
    const int64_t leading = summary ? edge : 0;
    const int64_t trailing = summary ? edge : n;
    std::string s;
    if (left == 1) {
      const std::string sep_r = rstrip(sep);
      const int64_t sep_w = legacy ? static_cast<int64_t>(sep_r.size()) : std::max<int64_t>(sep_r.size(), 1);
      size_t elem_width = static_cast<size_t>(std::max<int64_t>(0, width - sep_w));
      std::string line = hanging;
      for (int64_t i = 0; i < leading; ++i) {
        extend_line(s, line, item(ptr, axis, i, flat, next_hanging, next_width), elem_width, hanging, legacy);
        line += sep;
      }
      if (summary) {
        extend_line(s, line, "...", elem_width, hanging, legacy);
        line += legacy ? ", " : sep;
      }
      for (int64_t i = trailing; i > 1; --i) {
        extend_line(s, line, item(ptr, axis, n - i, flat, next_hanging, next_width), elem_width, hanging, legacy);
        line += sep;
      }
      if (legacy) elem_width = static_cast<size_t>(std::max<int64_t>(0, width));  // 1.13: no room kept for ']'
      extend_line(s, line, item(ptr, axis, n - 1, flat, next_hanging, next_width), elem_width, hanging, legacy);
      s += line;
    } else {
      const std::string line_sep = rstrip(sep) + std::string(static_cast<size_t>(left - 1), '\n');
      for (int64_t i = 0; i < leading; ++i)
        s += hanging + item(ptr, axis, i, flat, next_hanging, next_width) + line_sep;
      if (summary) s += hanging + "..." + (legacy ? ", \n" : line_sep);
      for (int64_t i = trailing; i > 1; --i)
        s += hanging + item(ptr, axis, n - i, flat, next_hanging, next_width) + line_sep;
      s += hanging + item(ptr, axis, n - 1, flat, next_hanging, next_width);
    }
    return "[" + s.substr(hanging.size()) + "]";
  }
};

// NumPy's array2string (legacy off) on a native-order array.
std::string array2string_native(const Array& a, const cnp_printoptions& o, const std::string& sep,
                                const std::string& prefix, const std::string& suffix,
                                const std::vector<std::string>* texts) {
  if (a.size() == 0) return "[]";
  const bool legacy = o.legacy == CNP_LEGACY_1_13;
  std::string item;
  if (legacy && a.ndim() == 0 && !texts && item_text(a, true, item)) return item;  // 1.13: repr(a.item())
  const int64_t linewidth = static_cast<int64_t>(o.linewidth) - (legacy ? 0 : static_cast<int64_t>(suffix.size()));
  const bool summarize = a.size() > o.threshold;
  std::vector<const char*> data;
  shown(a, 0, a.data(), summarize, o.edgeitems, data);
  ElementFormat fmt;
  if (texts) {
    if (texts->size() != data.size())
      throw Error(CNP_ERR_VALUE, "array2string: " + std::to_string(texts->size()) + " element texts given for " +
                                     std::to_string(data.size()) + " shown elements");
  } else {
    fmt = format_function(a, data, o);
  }
  Layout layout{a, fmt, texts, sep, o.edgeitems, summarize, legacy};
  return layout.rec(a.data(), 0, 0, " " + std::string(prefix.size(), ' '), linewidth);
}

bool dtype_is_implied(const Dtype* d, bool legacy) {
  // NumPy 1.13 showed dtype=bool
  return d->typenum == CNP_FLOAT64 || d->typenum == CNP_INT64 || (d->typenum == CNP_BOOL && !legacy) ||
         d->typenum == CNP_COMPLEX128;
}

// NumPy's dtype_short_repr (legacy: the print mode, whose dict spellings are compact).
std::string dtype_short_repr(const Dtype* d, bool legacy) {
  if (is_record(d)) return legacy && !d->text_legacy.empty() ? d->text_legacy : d->text;
  if (is_flexible(d)) return "'" + d->text + "'";
  const std::string& n = d->name;
  bool plain = !n.empty() && std::isalpha(static_cast<unsigned char>(n[0]));
  for (char c : n) plain &= std::isalnum(static_cast<unsigned char>(c)) != 0;
  return plain ? n : py_repr(n);
}

std::string scalar_str(const Array& a) {
  const int32_t t = a.dtype()->typenum;
  const char* p = a.data();
  if (!is_numeric(a.dtype())) {
    std::vector<const char*> one{p};
    const Dtype* d = a.dtype();
    // str() of a 0-d array: the element's str (NumPy: str(a[()])); str() of bytes is their
    // repr (b'abc'), which the element formatter writes.
    if (d->kind == 'U') return element_text(d, p);
    if (is_datetime(d)) return d->kind == 'M' ? datetime_text(load_i64(p), d->unit, d->unit_count)
                                              : timedelta_text(load_i64(p), d->unit, d->unit_count);
    return format_for(d, false, one, get_options())(p);
  }
  switch (a.dtype()->kind) {
    case 'b': return *reinterpret_cast<const uint8_t*>(p) ? "True" : "False";
    case 'i':
    case 'u': return int_text(t, p);
    case 'f': return float_scalar_str(load_real(t, p), float_kind(t));
    case 'c': return complex_scalar_str(load_real(t, p), load_imag(t, p), float_kind(t));
    default: throw Error(CNP_ERR_NOT_IMPLEMENTED, "printing is not supported for this dtype yet");
  }
}

// Byte-swapped data is printed from a native copy; the dtype shown is the array's own.
Array native_view_for_print(const Array& a) {
  if (dtype_isnative(a.dtype()) && !a.dtype()->swapped) return a;
  DtypeRef n = native_of(a.dtype());
  return cast_copy(a, n.get(), CNP_ORDER_C);
}

std::string array_repr_of(const Array& a, const Dtype* shown);

}  // namespace

std::string array_repr(const Array& a) { return array_repr_of(native_view_for_print(a), a.dtype()); }

namespace {

std::string array_repr_of(const Array& a, const Dtype* shown) {
  const cnp_printoptions o = get_options();
  const bool legacy = o.legacy == CNP_LEGACY_1_13;
  const std::string prefix = "array(";
  const bool skipdtype = dtype_is_implied(shown, legacy) && a.size() > 0;
  const std::string suffix = skipdtype ? ")" : ",";
  std::string lst;
  if (legacy && a.ndim() == 0 && item_text(a, true, lst)) {
    // NumPy 1.13: repr(a.item())
  } else if (a.size() > 0 || (a.ndim() == 1 && a.shape(0) == 0))
    lst = array2string_native(a, o, ", ", prefix, suffix, nullptr);
  else
    lst = "[], shape=" + shape_str(a.ndim(), a.shape());
  std::string s = prefix + lst + suffix;
  if (skipdtype) return s;
  const std::string dtype_str = "dtype=" + dtype_short_repr(shown, o.legacy != CNP_LEGACY_OFF) + ")";
  const size_t nl = s.rfind('\n');
  const size_t last_line_len = text_len(s.substr(nl == std::string::npos ? 0 : nl + 1));
  std::string spacer = " ";
  const bool wrap = legacy ? is_flexible(shown) : last_line_len + dtype_str.size() + 1 > static_cast<size_t>(o.linewidth);
  if (wrap) spacer = "\n" + std::string(prefix.size(), ' ');
  return s + spacer + dtype_str;
}

}  // namespace

std::string array_str(const Array& a0) {
  Array a = native_view_for_print(a0);
  std::string item;
  if (a.ndim() == 0 && get_options().legacy == CNP_LEGACY_1_13 && item_text(a, false, item)) return item;
  if (a.ndim() == 0) return scalar_str(a);
  return array2string_native(a, get_options(), " ", "", "", nullptr);
}

std::string array2string(const Array& a, const cnp_printoptions& o, const std::string& separator,
                         const std::string& prefix, const std::string& suffix, const std::vector<std::string>* texts) {
  if (o.edgeitems < 0) throw Error(CNP_ERR_VALUE, "edgeitems must be >= 0");
  if (o.sign < CNP_SIGN_MINUS || o.sign > CNP_SIGN_SPACE) throw Error(CNP_ERR_VALUE, "sign option must be one of ' ', '+', or '-'");
  if (o.floatmode < CNP_FLOATMODE_MAXPREC || o.floatmode > CNP_FLOATMODE_MAXPREC_EQUAL)
    throw Error(CNP_ERR_VALUE, "floatmode option must be one of \"fixed\", \"unique\", \"maxprec\", \"maxprec_equal\"");
  check_legacy(o.legacy);
  return array2string_native(native_view_for_print(a), o, separator, prefix, suffix, texts);
}

}  // namespace cnp::print
