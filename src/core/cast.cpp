#include "core/cast.hpp"
#include "core/cast_any.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include <emmintrin.h>

#include "core/blocked_copy.hpp"
#include "core/broadcast.hpp"
#include "core/error.hpp"
#include "core/iter.hpp"
#include "core/types.hpp"

namespace cnp {

namespace {

// float/double to int32 or a narrower integer: NumPy converts through int32 with cvttss2si /
// cvttsd2si (convert(), which the compiler cannot vectorise: it branches to raise FE_INVALID).
// The packed forms of the instructions do the same per lane, flag included: INT32_MIN and
// FE_INVALID for NaN and out-of-range values. Narrower types keep the low bits. Returns how many
// values were converted (whole blocks); the caller converts the rest.
template <class From, class To>
int64_t float_to_int_blocks(const char* src, char* dst, int64_t n) {
  constexpr int B = 64;
  alignas(16) int32_t tmp[B];
  int64_t i = 0;
  for (; i + B <= n; i += B) {
    const From* s = reinterpret_cast<const From*>(src) + i;
    for (int k = 0; k < B; k += 4) {
      __m128i v;
      if constexpr (std::is_same_v<From, float>) {
        v = _mm_cvttps_epi32(_mm_loadu_ps(s + k));
      } else {
        v = _mm_unpacklo_epi64(_mm_cvttpd_epi32(_mm_loadu_pd(s + k)), _mm_cvttpd_epi32(_mm_loadu_pd(s + k + 2)));
      }
      _mm_store_si128(reinterpret_cast<__m128i*>(tmp + k), v);
    }
    for (int k = 0; k < B; ++k) store_elem<To>(dst + (i + k) * sizeof(To), static_cast<To>(tmp[k]));
  }
  return i;
}

template <class From, class To>
void cast_strided(const char* src, int64_t ss, char* dst, int64_t ds, int64_t n) {
  if (ss == sizeof(From) && ds == sizeof(To)) {  // contiguous: a loop the compiler vectorises
    if constexpr (std::is_same_v<From, To>) return void(std::memcpy(dst, src, static_cast<size_t>(n) * sizeof(To)));
    if constexpr (std::is_floating_point_v<From> && std::is_integral_v<To> && sizeof(To) <= 4 &&
                  !std::is_same_v<To, uint32_t>) {
      const int64_t done = float_to_int_blocks<From, To>(src, dst, n);
      src += done * sizeof(From);
      dst += done * sizeof(To);
      n -= done;
    }
    for (int64_t i = 0; i < n; ++i) store_elem<To>(dst + i * sizeof(To), convert<To>(load_elem<From>(src + i * sizeof(From))));
    return;
  }
  for (int64_t i = 0; i < n; ++i, src += ss, dst += ds) store_elem<To>(dst, convert<To>(load_elem<From>(src)));
}

// The table of all builtin pairs, built once from the type visitor.
struct CastTable {
  CastLoop loops[CNP_NTYPES_BUILTIN][CNP_NTYPES_BUILTIN];
  CastTable() {
    for (int32_t f = 0; f < CNP_NTYPES_BUILTIN; ++f)
      for (int32_t t = 0; t < CNP_NTYPES_BUILTIN; ++t)
        loops[f][t] = visit_type(f, [&](auto ft) {
          return visit_type(t, [&](auto tt) -> CastLoop {
            return &cast_strided<typename decltype(ft)::type, typename decltype(tt)::type>;
          });
        });
  }
};

const CastTable& cast_table() {
  static const CastTable table;
  return table;
}


// dst = src elementwise (src already broadcast through src_strides), converted by the cast table.
void cast_into(Array& dst, const Array& src, const int64_t* src_strides) {
  const Dtype* fd = src.dtype();
  const Dtype* td = dst.dtype();
  if (!is_numeric(fd) || !is_numeric(td) || fd->swapped || td->swapped) {
    // Descriptors beyond the native builtins (cast_any.cpp).
    AnyCastLoop any = any_cast_loop(fd, td);
    const int64_t* strides[2] = {dst.strides(), src_strides};
    char* bases[2] = {dst.data(), src.data()};
    for_each_run<2>(dst.ndim(), dst.shape(), strides, bases, [&](char* const* p, const int64_t* s, int64_t n) {
      any(p[1], s[1], p[0], s[0], n);
    });
    return;
  }
  CastLoop loop = cast_loop(src.dtype()->typenum, dst.dtype()->typenum);
  if (blocked_copy(dst, src, src_strides, loop)) return;  // transposed layouts
  const int64_t* strides[2] = {dst.strides(), src_strides};
  char* bases[2] = {dst.data(), src.data()};
  for_each_run<2>(dst.ndim(), dst.shape(), strides, bases, [&](char* const* p, const int64_t* s, int64_t n) {
    loop(p[1], s[1], p[0], s[0], n);
  });
}

template <class U>
void fill_contiguous(char* d, const char* item, int64_t n) {
  U v;
  std::memcpy(&v, item, sizeof(U));
  for (int64_t i = 0; i < n; ++i) std::memcpy(d + i * static_cast<int64_t>(sizeof(U)), &v, sizeof(U));
}

[[noreturn]] void int_out_of_bounds(const cnp_scalar& v, const Dtype* d) {
  std::string text = v.typenum == CNP_UINT64 ? std::to_string(v.value.u) : std::to_string(v.value.i);
  throw Error(CNP_ERR_OVERFLOW, "Python integer " + text + " out of bounds for " + d->name);
}

// A Python int stored into an integer dtype: NumPy 2 rejects values the dtype cannot hold.
template <class T>
void store_weak_int(const cnp_scalar& v, const Dtype* d, char* dst) {
  bool neg = v.typenum != CNP_UINT64 && v.value.i < 0;
  if constexpr (std::is_signed_v<T>) {
    if (v.typenum == CNP_UINT64 ? v.value.u > static_cast<uint64_t>(std::numeric_limits<T>::max())
                                : (v.value.i < std::numeric_limits<T>::min() || v.value.i > std::numeric_limits<T>::max()))
      int_out_of_bounds(v, d);
    store_elem<T>(dst, static_cast<T>(v.typenum == CNP_UINT64 ? static_cast<int64_t>(v.value.u) : v.value.i));
  } else {
    uint64_t u = v.typenum == CNP_UINT64 ? v.value.u : static_cast<uint64_t>(v.value.i);
    if (neg || u > std::numeric_limits<T>::max()) int_out_of_bounds(v, d);
    store_elem<T>(dst, static_cast<T>(u));
  }
}

// A Python float stored into an integer dtype: Python's int() (NaN/inf errors, truncation), then a
// C long that wraps into narrower types, as NumPy's setitem does.
template <class T>
void store_weak_float_to_int(double f, char* dst) {
  if (std::isnan(f)) throw_value("cannot convert float NaN to integer");
  if (std::isinf(f)) throw Error(CNP_ERR_OVERFLOW, "cannot convert float infinity to integer");
  double t = std::trunc(f);
  if (!(t >= -9223372036854775808.0 && t < 9223372036854775808.0))
    throw Error(CNP_ERR_OVERFLOW, "Python int too large to convert to C long");
  store_elem<T>(dst, static_cast<T>(static_cast<int64_t>(t)));
}

template <class T>
void store_typed(const cnp_scalar& v, char* dst) {
  switch (v.typenum) {
    case CNP_BOOL: store_elem<T>(dst, convert<T>(bool_t{static_cast<uint8_t>(v.value.i != 0)})); break;
    case CNP_UINT8: case CNP_UINT16: case CNP_UINT32: case CNP_UINT64:
      store_elem<T>(dst, convert<T>(v.value.u)); break;
    case CNP_INT8: case CNP_INT16: case CNP_INT32: case CNP_INT64:
      store_elem<T>(dst, convert<T>(v.value.i)); break;
    case CNP_FLOAT16: case CNP_FLOAT32: case CNP_FLOAT64: {
      // float32/float16 values are exact in the double; convert from their own type so that the
      // rounding matches a cast from an array of that type.
      if (v.typenum == CNP_FLOAT32) store_elem<T>(dst, convert<T>(static_cast<float>(v.value.f)));
      else if (v.typenum == CNP_FLOAT16) store_elem<T>(dst, convert<T>(half_t{double_to_half(v.value.f)}));
      else store_elem<T>(dst, convert<T>(v.value.f));
      break;
    }
    default: store_elem<T>(dst, convert<T>(c128_t(v.value.c[0], v.value.c[1])));
  }
}

}  // namespace

// NumPy's ComplexWarning: complex into a real (non-bool) type drops the imaginary part.
void warn_if_discarding_imag(bool from_complex, const Dtype* to) {
  if (from_complex && is_numeric(to) && !is_complex(to) && to->kind != 'b')
    warn(CNP_WARN_COMPLEX, "Casting complex values to real discards the imaginary part");
}

CastLoop cast_loop(int32_t from, int32_t to) {
  if (!is_builtin_typenum(from) || !is_builtin_typenum(to))
    throw Error(CNP_ERR_NOT_IMPLEMENTED, "casting between these dtypes is not supported yet");
  return cast_table().loops[from][to];
}

namespace {
template <size_t W>
void copy_fixed(const char* src, int64_t ss, char* dst, int64_t ds, int64_t n) {
  if (ss == static_cast<int64_t>(W) && ds == static_cast<int64_t>(W))
    return void(std::memmove(dst, src, static_cast<size_t>(n) * W));
  for (int64_t i = 0; i < n; ++i, src += ss, dst += ds) std::memcpy(dst, src, W);
}
}  // namespace

void copy_items(const char* src, int64_t ss, char* dst, int64_t ds, int64_t n, int64_t isz) {
  switch (isz) {
    case 1: return copy_fixed<1>(src, ss, dst, ds, n);
    case 2: return copy_fixed<2>(src, ss, dst, ds, n);
    case 4: return copy_fixed<4>(src, ss, dst, ds, n);
    case 8: return copy_fixed<8>(src, ss, dst, ds, n);
    case 16: return copy_fixed<16>(src, ss, dst, ds, n);
    default: break;
  }
  if (ss == isz && ds == isz) return void(std::memmove(dst, src, static_cast<size_t>(n * isz)));
  for (int64_t i = 0; i < n; ++i, src += ss, dst += ds) std::memcpy(dst, src, static_cast<size_t>(isz));
}

const Dtype* scalar_dtype(const cnp_scalar& value) {
  if (!is_builtin_typenum(value.typenum)) throw_type("invalid scalar type number " + std::to_string(value.typenum));
  return builtin_dtype(value.typenum);
}

void store_scalar(const cnp_scalar& v, const Dtype* dtype, char* dst) {
  if (!is_numeric(dtype)) throw_type("cnumpy: a number cannot be stored as " + dtype->repr + " this way (use the element bytes API)");
  if (dtype->swapped) {
    alignas(16) char item[16];
    store_scalar(v, builtin_dtype(dtype->typenum), item);
    byteswap_inplace(item, dtype->itemsize, 1, dtype);
    return void(std::memcpy(dst, item, static_cast<size_t>(dtype->itemsize)));
  }
  const char kind = scalar_dtype(v)->kind;
  const bool weak = (v.flags & CNP_SCALAR_WEAK) != 0;
  visit_type(dtype->typenum, [&](auto tag) {
    using T = typename decltype(tag)::type;
    if (weak) {  // Python values follow Python's conversion rules
      if constexpr (is_int_v<T>) {
        if (kind == 'i' || kind == 'u') return store_weak_int<T>(v, dtype, dst);
        if (kind == 'f') return store_weak_float_to_int<T>(v.value.f, dst);
        if (kind == 'c') throw_type("int() argument must be a string, a bytes-like object or a real number, not 'complex'");
      } else if constexpr (is_float_v<T>) {
        if (kind == 'c') throw_type("float() argument must be a string or a real number, not 'complex'");
      }
    }
    warn_if_discarding_imag(kind == 'c', dtype);
    store_typed<T>(v, dst);
  });
}

cnp_scalar load_scalar(const Dtype* dtype, const char* src) {
  if (!is_numeric(dtype)) throw_type("cnumpy: an element of " + dtype->repr + " is not a number (use the element bytes API)");
  if (dtype->swapped) {
    alignas(16) char item[16];
    std::memcpy(item, src, static_cast<size_t>(dtype->itemsize));
    byteswap_inplace(item, dtype->itemsize, 1, dtype);
    return load_scalar(builtin_dtype(dtype->typenum), item);
  }
  cnp_scalar s{};
  s.typenum = dtype->typenum;
  visit_type(dtype->typenum, [&](auto tag) {
    using T = typename decltype(tag)::type;
    T v = load_elem<T>(src);
    if constexpr (std::is_same_v<T, bool_t>) s.value.i = v.v != 0;
    else if constexpr (is_complex_v<T>) {
      s.value.c[0] = v.real();
      s.value.c[1] = v.imag();
    } else if constexpr (is_float_v<T>) s.value.f = to_double(v);
    else if constexpr (std::is_unsigned_v<T>) s.value.u = v;
    else s.value.i = v;
  });
  return s;
}

void check_cast(const Dtype* from, const Dtype* to, int32_t casting) {
  if (!can_cast(from, to, casting))
    throw_type("Cannot cast array data from " + dtype_repr(from) + " to " + dtype_repr(to) + " according to the rule '" +
               casting_name(casting) + "'");
}

void assign(Array& dst, const Array& src, int32_t casting, const Array* where) {
  dst.require_writeable();
  check_cast(src.dtype(), dst.dtype(), casting);
  int64_t sstr[kMaxDims];
  if (!broadcast_strides(src, dst.ndim(), dst.shape(), sstr)) {
    // NumPy (PyArray_AssignArray) strips the source's leading unit axes beyond dst's first and
    // names the shape that is left.
    int32_t skip = 0;
    while (src.ndim() - skip > dst.ndim() && src.shape(skip) == 1) ++skip;
    throw_value("could not broadcast input array from shape " +
                numpy_shape_string(src.ndim() - skip, src.shape() + skip) + " into shape " +
                numpy_shape_string(dst.ndim(), dst.shape()));
  }
  if (dst.size() == 0) return;
  // Overlapping memory with a different layout would read values already overwritten: copy first.
  if (may_share_memory(dst, src) && !(src.data() == dst.data() && src.ndim() == dst.ndim() &&
                                      std::equal(sstr, sstr + dst.ndim(), dst.strides()) &&
                                      src.dtype()->itemsize == dst.dtype()->itemsize)) {
    Array tmp = cast_copy(src, src.dtype(), CNP_ORDER_K);
    return assign(dst, tmp, CNP_CASTING_UNSAFE, where);
  }
  warn_if_discarding_imag(is_complex(src.dtype()), dst.dtype());
  if (!where) return cast_into(dst, src, sstr);
  check_cast(where->dtype(), builtin_dtype(CNP_BOOL), CNP_CASTING_SAFE);  // only bool casts safely to bool
  AnyCastLoop loop = any_cast_loop(src.dtype(), dst.dtype());
  int64_t wstr[kMaxDims];
  if (!broadcast_strides(*where, dst.ndim(), dst.shape(), wstr))
    throw_value("could not broadcast where mask from shape " + numpy_shape_string(where->ndim(), where->shape()) +
                " into shape " + numpy_shape_string(dst.ndim(), dst.shape()));
  const int64_t* strides[3] = {dst.strides(), sstr, wstr};
  char* bases[3] = {dst.data(), src.data(), where->data()};
  for_each_run<3>(dst.ndim(), dst.shape(), strides, bases, [&](char* const* p, const int64_t* s, int64_t n) {
    // Runs of true mask values go through the cast loop together.
    int64_t i = 0;
    while (i < n) {
      if (!p[2][i * s[2]]) {
        ++i;
        continue;
      }
      int64_t j = i;
      while (j < n && p[2][j * s[2]]) ++j;
      loop(p[1] + i * s[1], s[1], p[0] + i * s[0], s[0], j - i);
      i = j;
    }
  });
}

void fill(Array& dst, const cnp_scalar& value) {
  dst.require_writeable();
  const int64_t isz = dst.itemsize();
  std::vector<char> wide;
  alignas(16) char small[16];
  char* item = small;
  if (is_numeric(dst.dtype())) {
    store_scalar(value, native_numeric(dst.dtype()), item);
    if (dst.dtype()->swapped) byteswap_inplace(item, isz, 1, dst.dtype());
  } else {
    // Strings, datetimes, void: the number in its own type, cast like astype (ones(3, 'U3') is
    // '1', full(2, 1.5, 'S4') b'1.5').
    const Dtype* from = scalar_dtype(value);
    alignas(16) char num[16];
    store_scalar(value, from, num);
    wide.assign(static_cast<size_t>(std::max<int64_t>(isz, 1)), 0);
    item = wide.data();
    any_cast_loop(from, dst.dtype())(num, 0, item, 0, 1);
  }
  if (dst.size() == 0) return;
  const int64_t* strides[1] = {dst.strides()};
  char* bases[1] = {dst.data()};
  for_each_run<1>(dst.ndim(), dst.shape(), strides, bases, [&](char* const* p, const int64_t* s, int64_t n) {
    char* d = p[0];
    if (s[0] == isz) {
      // Contiguous: typed stores of the pattern vectorise; all-equal bytes become memset.
      bool same = true;
      for (int64_t b = 1; b < isz; ++b) same &= item[b] == item[0];
      if (same) return void(std::memset(d, item[0], static_cast<size_t>(n * isz)));
      switch (isz) {
        case 2: return fill_contiguous<uint16_t>(d, item, n);
        case 4: return fill_contiguous<uint32_t>(d, item, n);
        case 8: return fill_contiguous<uint64_t>(d, item, n);
        default: break;
      }
    }
    for (int64_t i = 0; i < n; ++i, d += s[0]) std::memcpy(d, item, static_cast<size_t>(isz));
  });
}

Array cast_copy(const Array& src, const Dtype* dtype, int32_t order) {
  Array out = allocate_like(src, dtype, order, -1, nullptr, false);
  // The copy is new memory: no overlap, and any cast is allowed (astype checks the rule first).
  if (out.size() == 0) return out;
  warn_if_discarding_imag(is_complex(src.dtype()), dtype);
  cast_into(out, src, src.strides());
  return out;
}

}  // namespace cnp
