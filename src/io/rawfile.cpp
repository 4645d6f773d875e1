// ndarray.tofile, numpy.fromfile and numpy.fromstring (NumPy 1.24): raw bytes in C order, or
// text. Text reading follows numpy's ctors.c: the separator is normalised as swab_separator does
// (a space in it matches any run of whitespace, including none), numbers are read as PyOS_strtol /
// NumPyOS_ascii_strtod read them (base 10 integers, decimal floats with nan/inf, no hex), each value
// is stored through the usual unsafe cast (300 into int8 wraps as numpy's C cast does), and data
// that stops matching ends the array with numpy's DeprecationWarning.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <complex>
#include <cstring>
#include <string>

#include "core/cast.hpp"
#include "core/error.hpp"
#include "io/io.hpp"
#include "io/pyliteral.hpp"

namespace cnp::io {
namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

std::string swab_separator(std::string_view sep) {
  std::string s;
  bool skip_space = false;
  if (!sep.empty() && !is_space(sep[0])) s += ' ';
  for (char c : sep) {
    if (is_space(c)) {
      if (!skip_space) {
        s += ' ';
        skip_space = true;
      }
    } else {
      s += c;
      skip_space = false;
    }
  }
  if (!s.empty() && s.back() == ' ') s += ' ';  // numpy's condition, kept as written
  return s;
}

// fromstr_skip_separator: 0 matched, -1 end of data, -2 no match.
int skip_separator(const char*& p, const char* end, const std::string& sep) {
  const char* q = p;
  size_t k = 0;
  for (;;) {
    if (q >= end) {
      p = q;
      return -1;
    }
    char c = *q;
    if (k == sep.size()) {
      int r = q != p ? 0 : -2;
      p = q;
      return r;
    }
    if (sep[k] == ' ') {
      if (!is_space(c)) {
        ++k;
        continue;
      }
    } else if (sep[k] != c) {
      p = q;
      return -2;
    } else {
      ++k;
    }
    ++q;
  }
}

enum class Wide { kInt, kUInt, kFloat };

Wide wide_kind(const Dtype* d) {
  if (d->kind == 'i') return Wide::kInt;  // bool reads a double (NumPyOS_ascii_strtod) and keeps its truth
  if (d->kind == 'u') return Wide::kUInt;
  return Wide::kFloat;
}

// One number at p, false when nothing is consumed. Integers follow CPython's PyOS_strtol /
// PyOS_strtoul (numpy's fromstr for integer types): leading whitespace (and, for signed types,
// a sign) counts as consumed even without digits (the value is then 0), overflow clamps (to the
// signed maximum whatever the sign, as PyOS_strtol does), unsigned types take no sign.
bool parse_int(const char*& p, const char* end, int64_t* out) {
  const char* q = p;
  while (q < end && is_space(*q)) ++q;
  bool neg = false;
  if (q < end && (*q == '+' || *q == '-')) neg = *q++ == '-';
  unsigned __int128 v = 0;
  bool over = false;
  while (q < end && *q >= '0' && *q <= '9') {
    v = v * 10 + static_cast<unsigned>(*q - '0');
    if (v > UINT64_MAX) {
      over = true;
      v = static_cast<unsigned __int128>(UINT64_MAX) + 1;
    }
    ++q;
  }
  if (q == p) return false;
  if (over || v > static_cast<unsigned __int128>(INT64_MAX) + (neg ? 1 : 0)) *out = INT64_MAX;
  else *out = neg ? static_cast<int64_t>(-static_cast<__int128>(v)) : static_cast<int64_t>(v);
  p = q;
  return true;
}

bool parse_uint(const char*& p, const char* end, uint64_t* out) {
  const char* q = p;
  while (q < end && is_space(*q)) ++q;
  unsigned __int128 v = 0;
  while (q < end && *q >= '0' && *q <= '9') {
    v = v * 10 + static_cast<unsigned>(*q - '0');
    if (v > UINT64_MAX) v = static_cast<unsigned __int128>(UINT64_MAX) + 1;
    ++q;
  }
  if (q == p) return false;
  *out = v > UINT64_MAX ? UINT64_MAX : static_cast<uint64_t>(v);
  p = q;
  return true;
}

bool parse_float(const char*& p, const char* end, double* out) {
  const char* q = p;
  while (q < end && is_space(*q)) ++q;
  bool neg = false;
  if (q < end && (*q == '+' || *q == '-')) neg = *q++ == '-';
  if (q < end && (*q == '+' || *q == '-')) return false;
  double v = 0;
  auto r = std::from_chars(q, end, v, std::chars_format::general);
  if (r.ec == std::errc::invalid_argument || r.ptr == q) return false;
  if (r.ec == std::errc::result_out_of_range) {
    // from_chars leaves v alone on range errors: strtod's inf / 0 instead.
    std::string tmp(q, r.ptr);
    v = std::strtod(tmp.c_str(), nullptr);
  }
  *out = neg ? -v : v;
  p = r.ptr;
  return true;
}

Array text_array(const char* data, int64_t size, const Dtype* dtype, int64_t count, std::string_view sep_in) {
  if (!is_numeric(dtype)) throw Error(CNP_ERR_VALUE, "don't know how to read character strings with that array type");
  std::string sep = swab_separator(sep_in);
  Wide w = wide_kind(dtype);
  std::vector<int64_t> ints;
  std::vector<uint64_t> uints;
  std::vector<double> floats;
  const char* p = data;
  const char* end = data + size;
  int stop = 0;
  int64_t n = 0;
  for (int64_t i = 0; count < 0 || i < count; ++i) {
    bool ok;
    if (w == Wide::kInt) {
      int64_t v;
      ok = parse_int(p, end, &v);
      if (ok) ints.push_back(v);
    } else if (w == Wide::kUInt) {
      uint64_t v;
      ok = parse_uint(p, end, &v);
      if (ok) uints.push_back(v);
    } else {
      double v;
      ok = parse_float(p, end, &v);
      if (ok) floats.push_back(v);
    }
    if (!ok) {
      stop = p >= end ? -1 : -2;
      // numpy's fromstr stops on the untouched position: trailing whitespace alone is the end.
      if (stop == -2) {
        const char* q = p;
        while (q < end && is_space(*q)) ++q;
        if (q >= end) stop = -1;
      }
      break;
    }
    ++n;
    stop = skip_separator(p, end, sep);
    if (stop < 0) {
      if (count == i + 1) stop = -1;
      break;
    }
  }
  if (stop == -2)
    warn(CNP_WARN_DEPRECATION,
         "string or file could not be read to its end due to unmatched data; this will raise a ValueError in the future.");
  const Dtype* wide = builtin_dtype(w == Wide::kInt ? CNP_INT64 : w == Wide::kUInt ? CNP_UINT64 : CNP_FLOAT64);
  char* src = w == Wide::kInt ? reinterpret_cast<char*>(ints.data())
              : w == Wide::kUInt ? reinterpret_cast<char*>(uints.data()) : reinterpret_cast<char*>(floats.data());
  int64_t stride = 8;
  Array tmp = Array::wrap(src, wide, 1, &n, &stride, false, nullptr, nullptr);
  if (!dtype->swapped) return cast_copy(tmp, dtype, CNP_ORDER_C);
  // numpy 1.24's fromstr stores the native bytes even into a byte-swapped dtype ('>i4' reads
  // "3" as 50331648): the same bytes here, under the swapped descriptor.
  Array native = cast_copy(tmp, native_numeric(dtype), CNP_ORDER_C);
  int64_t st = dtype->itemsize;
  return native.view_as(dtype, 1, &n, &st, native.data());
}

std::string element_text(const Array& flat, int64_t i) {
  const Dtype* d = flat.dtype();
  const char* p = flat.data() + i * flat.stride(0);
  switch (d->kind) {
    case 'b': return *p ? "True" : "False";
    case 'i': return std::to_string(*reinterpret_cast<const int64_t*>(p));
    case 'u': return std::to_string(*reinterpret_cast<const uint64_t*>(p));
    case 'f': return float_repr(*reinterpret_cast<const double*>(p));
    default: {
      PyValue v;
      v.kind = PyValue::kComplex;
      std::memcpy(&v.f, p, 8);
      std::memcpy(&v.imag, p + 8, 8);
      return py_repr_value(v);
    }
  }
}

}  // namespace

void tofile(int fd, const Array& a, std::string_view sep) {
  int64_t n = a.size();
  if (sep.empty()) {
    FdSink sink(fd);
    write_c_order(sink, a);
    return;
  }
  // Text: each element as repr() of the Python scalar numpy's getitem gives (tofile's default
  // format ""), joined by sep. Numbers only; the bindings format other dtypes themselves.
  const Dtype* d = a.dtype();
  if (!is_numeric(d)) throw Error(CNP_ERR_VALUE, "cnumpy: text tofile from C supports numeric dtypes only");
  const Dtype* wide = builtin_dtype(d->kind == 'b' ? CNP_BOOL : d->kind == 'i' ? CNP_INT64 : d->kind == 'u' ? CNP_UINT64
                                    : d->kind == 'f' ? CNP_FLOAT64 : CNP_COMPLEX128);
  Array c = cast_copy(a, wide, CNP_ORDER_C);
  int64_t flat_stride = wide->itemsize;
  Array flat = c.view(1, &n, &flat_stride, c.data());
  std::string out;
  for (int64_t i = 0; i < n; ++i) {
    if (i) out.append(sep);
    out += element_text(flat, i);
    if (out.size() > (1u << 20)) {
      write_all_fd(fd, out.data(), static_cast<int64_t>(out.size()));
      out.clear();
    }
  }
  write_all_fd(fd, out.data(), static_cast<int64_t>(out.size()));
}

Array fromfile(int fd, const Dtype* dtype, int64_t count, std::string_view sep, int64_t offset) {
  if (!dtype) dtype = default_float();
  if (offset < 0) throw Error(CNP_ERR_VALUE, "offset must be non-negative");
  if (offset > 0 && ::lseek(fd, offset, SEEK_CUR) < 0) throw Error(CNP_ERR_OS, std::string("[Errno ") + std::to_string(errno) + "] " + std::strerror(errno));
  FdSource src(fd);
  if (!sep.empty()) {
    std::string text;
    char buf[1 << 16];
    for (;;) {
      int64_t got = src.read(buf, sizeof buf);
      text.append(buf, static_cast<size_t>(got));
      if (got < static_cast<int64_t>(sizeof buf)) break;
    }
    return text_array(text.data(), static_cast<int64_t>(text.size()), dtype, count, sep);
  }
  int64_t item = dtype->itemsize;
  if (item == 0) throw Error(CNP_ERR_VALUE, "The elements are 0-sized.");
  int64_t rem = src.remaining();
  if (rem >= 0) {
    int64_t avail = rem / item;
    int64_t n = count < 0 ? avail : std::min(count, avail);
    Array a = Array::allocate(dtype, 1, &n, CNP_ORDER_C);
    if (n) src.read(a.data(), n * item);
    return a;
  }
  // A pipe or device: read what arrives (up to count items), growing by what actually came.
  std::string data;
  int64_t want = count < 0 || count > INT64_MAX / item ? INT64_MAX : count * item;  // no overflow
  char buf[1 << 16];
  while (static_cast<int64_t>(data.size()) < want) {
    int64_t got = src.read(buf, std::min<int64_t>(sizeof buf, want - static_cast<int64_t>(data.size())));
    data.append(buf, static_cast<size_t>(got));
    if (got == 0) break;
  }
  int64_t n = static_cast<int64_t>(data.size()) / item;
  Array a = Array::allocate(dtype, 1, &n, CNP_ORDER_C);
  if (n) std::memcpy(a.data(), data.data(), static_cast<size_t>(n * item));
  return a;
}

Array fromstring(const char* data, int64_t size, const Dtype* dtype, int64_t count, std::string_view sep) {
  if (!dtype) dtype = default_float();
  if (!data && size) throw Error(CNP_ERR_INVALID_HANDLE, "data is NULL");
  if (size < 0) throw Error(CNP_ERR_VALUE, "size must be >= 0");
  if (!sep.empty()) return text_array(data, size, dtype, count, sep);
  warn(CNP_WARN_DEPRECATION,
       "The binary mode of fromstring is deprecated, as it behaves surprisingly on unicode inputs. Use frombuffer instead");
  int64_t item = dtype->itemsize;
  if (item == 0) throw Error(CNP_ERR_VALUE, "zero-valued itemsize");
  int64_t n;
  if (count < 0) {
    if (size % item) throw Error(CNP_ERR_VALUE, "string size must be a multiple of element size");
    n = size / item;
  } else {
    if (size / item < count) throw Error(CNP_ERR_VALUE, "string is smaller than requested size");
    n = count;
  }
  Array a = Array::allocate(dtype, 1, &n, CNP_ORDER_C);
  if (n) std::memcpy(a.data(), data, static_cast<size_t>(n * item));
  return a;
}

}  // namespace cnp::io
