// Bounded integers (Generator.integers, RandomState.randint; see draw.hpp), as NumPy 1.24's
// _bounded_integers.pyx and distributions.c: the range [low, high] is drawn as off + [0, rng],
// 64-bit ranges that fit 32 bits use 32-bit draws, 8/16-bit and bool values are cut from one
// 32-bit draw kept for the whole call, masked rejection (RandomState) or Lemire's multiply
// (Generator); rng of the type's full width takes raw draws.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "core/broadcast.hpp"
#include "core/error.hpp"
#include "core/types.hpp"
#include "random/draw.hpp"

namespace cnp::random {

namespace {

using i128 = __int128;

uint64_t gen_mask(uint64_t max) {
  uint64_t m = max;
  m |= m >> 1;
  m |= m >> 2;
  m |= m >> 4;
  m |= m >> 8;
  m |= m >> 16;
  m |= m >> 32;
  return m;
}

// The draw state of one call: the 32-bit buffer of the 8/16-bit and bool draws.
template <class E>
struct Bounded {
  E& e;
  bool masked;
  uint32_t buf = 0;
  int bcnt = 0;

  uint16_t buffered16() {
    if (!bcnt) {
      buf = next32(e);
      bcnt = 1;
    } else {
      buf >>= 16;
      bcnt -= 1;
    }
    return uint16_t(buf);
  }
  uint8_t buffered8() {
    if (!bcnt) {
      buf = next32(e);
      bcnt = 3;
    } else {
      buf >>= 8;
      bcnt -= 1;
    }
    return uint8_t(buf);
  }
  bool buffered_bool() {
    if (!bcnt) {
      buf = next32(e);
      bcnt = 31;
    } else {
      buf >>= 1;
      bcnt -= 1;
    }
    return (buf & 1u) != 0;
  }
  uint32_t bounded32(uint32_t rng) {  // rng < 0xFFFFFFFF
    if (masked) {
      const uint32_t mask = uint32_t(gen_mask(rng));
      uint32_t v;
      while ((v = (next32(e) & mask)) > rng) {
      }
      return v;
    }
    const uint32_t excl = rng + 1;
    uint64_t m = uint64_t(next32(e)) * excl;
    uint32_t left = uint32_t(m);
    if (left < excl) {
      const uint32_t threshold = (UINT32_MAX - rng) % excl;
      while (left < threshold) {
        m = uint64_t(next32(e)) * excl;
        left = uint32_t(m);
      }
    }
    return uint32_t(m >> 32);
  }
  uint64_t bounded64(uint64_t rng) {  // rng > 0xFFFFFFFF, < UINT64_MAX
    if (masked) {
      const uint64_t mask = gen_mask(rng);
      uint64_t v;
      while ((v = (e.next64() & mask)) > rng) {
      }
      return v;
    }
    const uint64_t excl = rng + 1;
    unsigned __int128 m = (unsigned __int128)e.next64() * excl;
    uint64_t left = uint64_t(m);
    if (left < excl) {
      const uint64_t threshold = (UINT64_MAX - rng) % excl;
      while (left < threshold) {
        m = (unsigned __int128)e.next64() * excl;
        left = uint64_t(m);
      }
    }
    return uint64_t(m >> 64);
  }
  uint16_t bounded16(uint16_t rng) {
    if (masked) {
      const uint16_t mask = uint16_t(gen_mask(rng));
      uint16_t v;
      while ((v = uint16_t(buffered16() & mask)) > rng) {
      }
      return v;
    }
    const uint16_t excl = uint16_t(rng + 1);
    uint32_t m = uint32_t(buffered16()) * excl;
    uint16_t left = uint16_t(m);
    if (left < excl) {
      const uint16_t threshold = uint16_t((UINT16_MAX - rng) % excl);
      while (left < threshold) {
        m = uint32_t(buffered16()) * excl;
        left = uint16_t(m);
      }
    }
    return uint16_t(m >> 16);
  }
  uint8_t bounded8(uint8_t rng) {
    if (masked) {
      const uint8_t mask = uint8_t(gen_mask(rng));
      uint8_t v;
      while ((v = uint8_t(buffered8() & mask)) > rng) {
      }
      return v;
    }
    const uint8_t excl = uint8_t(rng + 1);
    uint16_t m = uint16_t(uint16_t(buffered8()) * excl);
    uint8_t left = uint8_t(m);
    if (left < excl) {
      const uint8_t threshold = uint8_t((UINT8_MAX - rng) % excl);
      while (left < threshold) {
        m = uint16_t(uint16_t(buffered8()) * excl);
        left = uint8_t(m);
      }
    }
    return uint8_t(m >> 8);
  }

  // One value in [off, off + rng] of `bits` width (1 = bool), wrapped to that width.
  uint64_t draw(int bits, uint64_t off, uint64_t rng) {
    if (rng == 0) return off;
    switch (bits) {
      case 64:
        if (rng <= 0xFFFFFFFFull) return off + (rng == 0xFFFFFFFFull ? next32(e) : bounded32(uint32_t(rng)));
        if (rng == UINT64_MAX) return off + e.next64();
        return off + bounded64(rng);
      case 32: return uint32_t(off + (rng == 0xFFFFFFFFull ? next32(e) : bounded32(uint32_t(rng))));
      case 16: return uint16_t(off + (rng == 0xFFFF ? buffered16() : bounded16(uint16_t(rng))));
      case 8: return uint8_t(off + (rng == 0xFF ? buffered8() : bounded8(uint8_t(rng))));
      default: return buffered_bool() ? 1 : 0;
    }
  }
};

// An integer-valued parameter element as an exact wide integer (floats truncate, as NumPy's casts).
i128 load_wide(const Array& a, const char* p) {
  i128 r = 0;
  visit_type(a.dtype()->typenum, [&](auto tag) {
    using T = typename decltype(tag)::type;
    T v;
    std::memcpy(&v, p, sizeof(T));
    if constexpr (std::is_same_v<T, bool_t>) {
      r = v.v ? 1 : 0;
    } else if constexpr (std::is_integral_v<T>) {
      r = i128(v);
    } else if constexpr (std::is_same_v<T, half_t> || std::is_floating_point_v<T>) {
      double d;
      if constexpr (std::is_same_v<T, half_t>)
        d = half_to_float(v.bits);
      else
        d = double(v);
      if (!std::isfinite(d)) throw_value("cannot convert float NaN or infinity to integer");
      r = i128(d);
    } else {
      throw_type("Unsupported type for integer bounds");
    }
  });
  return r;
}

}  // namespace

Array integers(BitGen& g, const Array& low, const Array& high, bool endpoint, bool masked, int32_t ndim,
               const int64_t* size, const Dtype* dtype) {
  if (!dtype) dtype = builtin_dtype(CNP_INT64);
  int bits;
  i128 lb, ub;
  switch (dtype->typenum) {
    case CNP_BOOL: bits = 1, lb = 0, ub = 1; break;
    case CNP_INT8: bits = 8, lb = INT8_MIN, ub = INT8_MAX; break;
    case CNP_UINT8: bits = 8, lb = 0, ub = UINT8_MAX; break;
    case CNP_INT16: bits = 16, lb = INT16_MIN, ub = INT16_MAX; break;
    case CNP_UINT16: bits = 16, lb = 0, ub = UINT16_MAX; break;
    case CNP_INT32: bits = 32, lb = INT32_MIN, ub = INT32_MAX; break;
    case CNP_UINT32: bits = 32, lb = 0, ub = UINT32_MAX; break;
    case CNP_INT64: bits = 64, lb = INT64_MIN, ub = INT64_MAX; break;
    case CNP_UINT64: bits = 64, lb = 0, ub = i128(UINT64_MAX); break;
    default: throw_type("Unsupported dtype " + dtype_repr(dtype) + " for integers");
  }
  static const char* const kNames[] = {"bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64"};
  const std::string tname = kNames[dtype->typenum];
  // The rank, negative and overflowing sizes (NumPy's messages) before anything is drawn.
  if (size && checked_size(ndim, size, dtype->itemsize) == 0) return Array::allocate(dtype, ndim, size, CNP_ORDER_C);
  const bool scalar = low.ndim() == 0 && high.ndim() == 0;
  // Values (exact) and broadcast.
  auto values = [](const Array& a) {
    std::vector<i128> v;
    v.reserve(size_t(a.size()));
    const int32_t nd = a.ndim();
    std::vector<int64_t> idx(size_t(nd), 0);
    const int64_t n = a.size();
    for (int64_t k = 0; k < n; ++k) {
      int64_t off = 0;
      for (int32_t d = 0; d < nd; ++d) off += idx[size_t(d)] * a.stride(d);
      v.push_back(load_wide(a, a.data() + off));
      for (int32_t d = nd - 1; d >= 0; --d) {
        if (++idx[size_t(d)] < a.shape(d)) break;
        idx[size_t(d)] = 0;
      }
    }
    return v;
  };
  std::vector<i128> lo = values(low), hi = values(high);
  for (auto& h : hi) h -= endpoint ? 0 : 1;
  bool all_low_zero = true;
  for (auto l : lo) all_low_zero = all_low_zero && l == 0;
  const std::string bounds = all_low_zero ? (endpoint ? "high < 0" : "high <= 0") : (endpoint ? "low > high" : "low >= high");
  for (auto l : lo)
    if (l < lb) throw_value("low is out of bounds for " + tname);
  if (!scalar && bits == 64)
    for (auto h : hi)
      if (h < lb) throw_value(bounds);
  for (auto h : hi)
    if (h > ub) throw_value("high is out of bounds for " + tname);

  // Shapes: size, or the broadcast of low and high.
  const Array* cs[2] = {&low, &high};
  int64_t bshape[kMaxDims], shape[kMaxDims];
  const int32_t bnd = broadcast_shape(2, cs, bshape);
  int32_t nd = bnd;
  std::copy(bshape, bshape + bnd, shape);
  if (size) {
    nd = ndim;
    std::copy(size, size + ndim, shape);
  }
  int64_t sl[kMaxDims], sh[kMaxDims];
  // element strides into the C-order value vectors
  auto elem_strides = [&](const Array& a, int64_t* out) {
    Array shell = Array::allocate(builtin_dtype(CNP_BOOL), a.ndim(), a.shape(), CNP_ORDER_C);
    if (!broadcast_strides(shell, nd, shape, out))
      throw_value("shape mismatch: objects cannot be broadcast to a single shape");
  };
  elem_strides(low, sl);
  elem_strides(high, sh);
  // any(low > high) over the broadcast pairs
  std::vector<int64_t> idx(size_t(nd), 0);
  int64_t n = 1;
  for (int32_t d = 0; d < nd; ++d) n *= shape[d];
  {
    std::vector<int64_t> bidx(size_t(bnd), 0);
    int64_t bl[kMaxDims], bh[kMaxDims];
    Array sh_l = Array::allocate(builtin_dtype(CNP_BOOL), low.ndim(), low.shape(), CNP_ORDER_C);
    Array sh_h = Array::allocate(builtin_dtype(CNP_BOOL), high.ndim(), high.shape(), CNP_ORDER_C);
    broadcast_strides(sh_l, bnd, bshape, bl);
    broadcast_strides(sh_h, bnd, bshape, bh);
    int64_t m = 1;
    for (int32_t d = 0; d < bnd; ++d) m *= bshape[d];
    int64_t ol = 0, oh = 0;
    for (int64_t k = 0; k < m; ++k) {
      if (lo[size_t(ol)] > hi[size_t(oh)]) throw_value(bounds);
      for (int32_t d = bnd - 1; d >= 0; --d) {
        if (++bidx[size_t(d)] < bshape[d]) {
          ol += bl[d];
          oh += bh[d];
          break;
        }
        ol -= bl[d] * (bshape[d] - 1);
        oh -= bh[d] * (bshape[d] - 1);
        bidx[size_t(d)] = 0;
      }
    }
  }
  Array result = Array::allocate(dtype, nd, shape, CNP_ORDER_C);
  char* out = result.data();
  const int64_t isz = dtype->itemsize;
  if (lo.size() == 1 && hi.size() == 1) {
    // One range for every element: the draw picked once, the loop typed and inlined.
    const uint64_t off = uint64_t(lo[0]), rng = uint64_t(hi[0] - lo[0]);
    with_engine(g, [&](auto& e) {
      Bounded<std::remove_reference_t<decltype(e)>> b{e, masked};
      auto fill = [&](auto* o, auto one) {
        for (int64_t k = 0; k < n; ++k) o[k] = static_cast<std::remove_reference_t<decltype(*o)>>(one());
      };
      if (rng == 0 || bits == 1) {
        for (int64_t k = 0; k < n; ++k) {
          const uint64_t v = b.draw(bits, off, rng);
          std::memcpy(out + k * isz, &v, size_t(isz));
        }
      } else if (bits == 64 && rng < 0xFFFFFFFFull) {
        fill(reinterpret_cast<uint64_t*>(out), [&] { return off + b.bounded32(uint32_t(rng)); });
      } else if (bits == 64 && rng > 0xFFFFFFFFull && rng != UINT64_MAX) {
        fill(reinterpret_cast<uint64_t*>(out), [&] { return off + b.bounded64(rng); });
      } else if (bits == 32 && rng < 0xFFFFFFFFull) {
        fill(reinterpret_cast<uint32_t*>(out), [&] { return uint32_t(off) + b.bounded32(uint32_t(rng)); });
      } else if (bits == 16 && rng < 0xFFFF) {
        fill(reinterpret_cast<uint16_t*>(out), [&] { return uint16_t(uint16_t(off) + b.bounded16(uint16_t(rng))); });
      } else if (bits == 8 && rng < 0xFF) {
        fill(reinterpret_cast<uint8_t*>(out), [&] { return uint8_t(uint8_t(off) + b.bounded8(uint8_t(rng))); });
      } else {
        for (int64_t k = 0; k < n; ++k) {
          const uint64_t v = b.draw(bits, off, rng);
          std::memcpy(out + k * isz, &v, size_t(isz));
        }
      }
    });
    return result;
  }
  with_engine(g, [&](auto& e) {
    Bounded<std::remove_reference_t<decltype(e)>> b{e, masked};
    int64_t ol = 0, oh = 0;
    for (int64_t k = 0; k < n; ++k) {
      const i128 l = lo[size_t(ol)], h = hi[size_t(oh)];
      const uint64_t off = uint64_t(l), rng = uint64_t(h - l);
      const uint64_t v = b.draw(bits, off, rng);
      std::memcpy(out + k * isz, &v, size_t(isz));  // little-endian: the low bytes
      for (int32_t d = nd - 1; d >= 0; --d) {
        if (++idx[size_t(d)] < shape[d]) {
          ol += sl[d];
          oh += sh[d];
          break;
        }
        ol -= sl[d] * (shape[d] - 1);
        oh -= sh[d] * (shape[d] - 1);
        idx[size_t(d)] = 0;
      }
    }
  });
  return result;
}

}  // namespace cnp::random
