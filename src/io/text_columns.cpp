// Field-to-element conversion of the text readers (text_columns.hpp).
#include "io/text_columns.hpp"

#include <cstring>

#include "core/error.hpp"
#include "core/types.hpp"
#include "io/text_number.hpp"
#include "io/text_utf8.hpp"

namespace cnp::textio {

static Leaf leaf_of(const Dtype* d) {
  switch (d->typenum) {
    case CNP_BOOL: return Leaf::kBool;
    case CNP_INT8: return Leaf::kI8;
    case CNP_INT16: return Leaf::kI16;
    case CNP_INT32: return Leaf::kI32;
    case CNP_INT64: return Leaf::kI64;
    case CNP_UINT8: return Leaf::kU8;
    case CNP_UINT16: return Leaf::kU16;
    case CNP_UINT32: return Leaf::kU32;
    case CNP_UINT64: return Leaf::kU64;
    case CNP_FLOAT16: return Leaf::kF16;
    case CNP_FLOAT32: return Leaf::kF32;
    case CNP_FLOAT64: return Leaf::kF64;
    case CNP_COMPLEX64: return Leaf::kC64;
    case CNP_COMPLEX128: return Leaf::kC128;
    case CNP_BYTES: return Leaf::kS;
    case CNP_UNICODE: return Leaf::kU;
    default:
      throw Error(CNP_ERR_NOT_IMPLEMENTED, "loadtxt: the C reader does not convert text to " + d->text);
  }
}

static void add_columns(const Dtype* d, int64_t offset, std::vector<Column>& out) {
  if (is_record(d)) {
    for (const auto& f : d->fields) add_columns(f.dtype, offset + f.offset, out);
    return;
  }
  if (is_subarray(d)) {
    int64_t n = 1;
    for (int64_t s : d->sub_shape) n *= s;
    for (int64_t i = 0; i < n; ++i) add_columns(d->base, offset + i * d->base->itemsize, out);
    return;
  }
  out.push_back(Column{leaf_of(d), offset, d->itemsize, d});
}

std::vector<Column> columns_of(const Dtype* dtype) {
  std::vector<Column> cols;
  add_columns(dtype, 0, cols);
  return cols;
}

// NumPy's `(intN_t)double` as x86-64 code computes it (cvttsd2si and truncation to the width),
// without raising the invalid flag: the deprecated int-via-float path of loadtxt.
template <class T>
static T int_from_double(double v) {
  auto c32 = [](double x) -> int32_t { return (x > -2147483649.0 && x < 2147483648.0) ? static_cast<int32_t>(x) : INT32_MIN; };
  auto c64 = [](double x) -> int64_t {
    return (x >= -9223372036854775808.0 && x < 9223372036854775808.0) ? static_cast<int64_t>(x) : INT64_MIN;
  };
  if constexpr (std::is_same_v<T, int64_t>) return c64(v);
  else if constexpr (std::is_same_v<T, uint64_t>) {
    if (v >= 9223372036854775808.0) return static_cast<uint64_t>(c64(v - 9223372036854775808.0)) ^ (1ull << 63);
    return static_cast<uint64_t>(c64(v));
  } else if constexpr (std::is_same_v<T, uint32_t>) return static_cast<uint32_t>(static_cast<uint64_t>(c64(v)));
  else return static_cast<T>(c32(v));
}

static const char* kIntViaFloat =
    "loadtxt(): Parsing an integer via a float is deprecated.  To avoid this warning, you can:\n"
    "    * make sure the original data is stored as integers.\n"
    "    * use the `converters=` keyword argument.  If you only use\n"
    "      NumPy 1.23 or later, `converters=float` will normally work.\n"
    "    * Use `np.loadtxt(...).astype(np.int64)` parsing the file as\n"
    "      floating point and then convert it.  (On all NumPy versions.)\n"
    "  (Deprecated NumPy 1.23)";

template <class T>
static bool to_int(std::string_view f, char* dst, ConvertState& st) {
  T x;
  if constexpr (std::is_signed_v<T>) {
    int64_t v;
    if (parse_int64(f, std::numeric_limits<T>::min(), std::numeric_limits<T>::max(), &v)) {
      x = static_cast<T>(v);
      std::memcpy(dst, &x, sizeof x);
      return true;
    }
  } else {
    uint64_t v;
    if (parse_uint64(f, std::numeric_limits<T>::max(), &v)) {
      x = static_cast<T>(v);
      std::memcpy(dst, &x, sizeof x);
      return true;
    }
  }
  double d;
  if (!parse_double(f, &d)) return false;
  if (!st.warned_int_via_float) {
    st.warned_int_via_float = true;
    warn(CNP_WARN_DEPRECATION, kIntViaFloat);
  }
  x = int_from_double<T>(d);
  std::memcpy(dst, &x, sizeof x);
  return true;
}

static void swap_bytes(char* p, int64_t n) {
  for (int64_t i = 0; i < n / 2; ++i) std::swap(p[i], p[n - 1 - i]);
}

bool convert_field(const Column& c, std::string_view f, char* dst, ConvertState& st) {
  bool ok = true;
  switch (c.kind) {
    case Leaf::kBool: {
      int64_t v;
      if (!parse_int64(f, INT64_MIN, INT64_MAX, &v)) return false;
      *dst = v != 0;
      return true;
    }
    case Leaf::kI8: ok = to_int<int8_t>(f, dst, st); break;
    case Leaf::kI16: ok = to_int<int16_t>(f, dst, st); break;
    case Leaf::kI32: ok = to_int<int32_t>(f, dst, st); break;
    case Leaf::kI64: ok = to_int<int64_t>(f, dst, st); break;
    case Leaf::kU8: ok = to_int<uint8_t>(f, dst, st); break;
    case Leaf::kU16: ok = to_int<uint16_t>(f, dst, st); break;
    case Leaf::kU32: ok = to_int<uint32_t>(f, dst, st); break;
    case Leaf::kU64: ok = to_int<uint64_t>(f, dst, st); break;
    case Leaf::kF16: {
      double d;
      if (!parse_double(f, &d)) return false;
      uint16_t h = double_to_half(d);
      std::memcpy(dst, &h, 2);
      break;
    }
    case Leaf::kF32: {
      double d;
      if (!parse_double(f, &d)) return false;
      float x = static_cast<float>(d);  // NumPy also rounds twice (text -> double -> float)
      std::memcpy(dst, &x, 4);
      break;
    }
    case Leaf::kF64: {
      double d;
      if (!parse_double(f, &d)) return false;
      std::memcpy(dst, &d, 8);
      break;
    }
    case Leaf::kC64:
    case Leaf::kC128: {
      double re, im;
      if (!parse_complex(f, st.imaginary_unit, &re, &im)) return false;
      if (c.kind == Leaf::kC64) {
        float p[2] = {static_cast<float>(re), static_cast<float>(im)};
        std::memcpy(dst, p, 8);
        if (c.dtype->swapped) {
          swap_bytes(dst, 4);
          swap_bytes(dst + 4, 4);
        }
      } else {
        double p[2] = {re, im};
        std::memcpy(dst, p, 16);
        if (c.dtype->swapped) {
          swap_bytes(dst, 8);
          swap_bytes(dst + 8, 8);
        }
      }
      return true;
    }
    case Leaf::kS: {
      // Latin-1, as NumPy: a character past U+00FF fails the field.
      const char* p = f.data();
      const char* e = p + f.size();
      int64_t i = 0;
      while (p < e && i < c.itemsize) {
        uint32_t cp;
        int n = utf8_decode(p, e, &cp);
        if (!n || cp > 255) return false;
        dst[i++] = static_cast<char>(cp);
        p += n;
      }
      if (i < c.itemsize) std::memset(dst + i, 0, static_cast<size_t>(c.itemsize - i));
      return true;
    }
    case Leaf::kU: {
      const char* p = f.data();
      const char* e = p + f.size();
      int64_t n_chars = c.itemsize / 4, i = 0;
      while (p < e && i < n_chars) {
        uint32_t cp;
        int n = utf8_decode(p, e, &cp);
        if (!n) return false;
        if (c.dtype->swapped) cp = __builtin_bswap32(cp);
        std::memcpy(dst + 4 * i, &cp, 4);
        ++i;
        p += n;
      }
      if (i < n_chars) std::memset(dst + 4 * i, 0, static_cast<size_t>(4 * (n_chars - i)));
      return true;
    }
  }
  if (!ok) return false;
  if (c.dtype->swapped && c.itemsize > 1) swap_bytes(dst, c.itemsize);
  return true;
}

std::string conversion_error(std::string_view field, const Dtype* d, int64_t row, int64_t col) {
  std::string r = py_repr(std::string(field));
  // %.100R: the repr cut after 100 characters (code points).
  size_t chars = 0, i = 0;
  while (i < r.size() && chars < 100) {
    uint32_t cp;
    int n = utf8_decode(r.data() + i, r.data() + r.size(), &cp);
    i += n ? static_cast<size_t>(n) : 1;
    ++chars;
  }
  r.resize(i);
  return "could not convert string " + r + " to " + d->text + " at row " + std::to_string(row) + ", column " +
         std::to_string(col) + ".";
}

}  // namespace cnp::textio
