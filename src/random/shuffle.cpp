// shuffle, multinomial and random_raw (see draw.hpp).
#include <algorithm>
#include <cstring>
#include <vector>

#include "core/broadcast.hpp"
#include "core/cast.hpp"
#include "core/error.hpp"
#include "random/distributions.hpp"
#include "random/draw.hpp"

namespace cnp::random {

namespace {
// NumPy's random_interval (masked rejection in [0, max]) on the concrete engine.
template <class E>
inline uint64_t interval(E& e, uint64_t max) {
  if (max == 0) return 0;
  uint64_t mask = max, value;
  mask |= mask >> 1;
  mask |= mask >> 2;
  mask |= mask >> 4;
  mask |= mask >> 8;
  mask |= mask >> 16;
  mask |= mask >> 32;
  if (max <= 0xffffffffull) {
    while ((value = (next32(e) & mask)) > max) {
    }
  } else {
    while ((value = (e.next64() & mask)) > max) {
    }
  }
  return value;
}
}  // namespace

void shuffle(BitGen& g, Array& a) {
  a.require_writeable();
  if (a.ndim() == 0) throw_type("len() of unsized object");
  const int64_t n = a.shape(0);
  if (n == 0 || a.size() == 0) return;
  // Each "item" is the subarray a[i, ...]: swapped as a block of bytes gathered element by
  // element (rows may be strided), through a buffer like NumPy's.
  const int32_t sub_nd = a.ndim() - 1;
  const int64_t isz = a.itemsize();
  int64_t sub_n = 1;
  for (int32_t d = 1; d < a.ndim(); ++d) sub_n *= a.shape(d);
  std::vector<int64_t> offs(static_cast<size_t>(sub_n));
  {
    std::vector<int64_t> idx(size_t(sub_nd), 0);
    for (int64_t k = 0; k < sub_n; ++k) {
      int64_t o = 0;
      for (int32_t d = 0; d < sub_nd; ++d) o += idx[size_t(d)] * a.stride(d + 1);
      offs[size_t(k)] = o;
      for (int32_t d = sub_nd - 1; d >= 0; --d) {
        if (++idx[size_t(d)] < a.shape(d + 1)) break;
        idx[size_t(d)] = 0;
      }
    }
  }
  char* base = a.data();
  const int64_t stride = a.stride(0);
  if (sub_n == 1 && offs[0] == 0) {
    if (isz == 8) {
      with_engine(g, [&](auto& e) {
        for (int64_t i = n - 1; i >= 1; --i) {
          const int64_t j = int64_t(interval(e, uint64_t(i)));
          uint64_t t, u;
          std::memcpy(&t, base + j * stride, 8);
          std::memcpy(&u, base + i * stride, 8);
          std::memcpy(base + j * stride, &u, 8);
          std::memcpy(base + i * stride, &t, 8);
        }
      });
      return;
    }
    char buf[64];
    for (int64_t i = n - 1; i >= 1; --i) {
      const int64_t j = int64_t(random_interval(g, uint64_t(i)));
      std::memcpy(buf, base + j * stride, size_t(isz));
      std::memmove(base + j * stride, base + i * stride, size_t(isz));
      std::memcpy(base + i * stride, buf, size_t(isz));
    }
    return;
  }
  std::vector<char> buf(static_cast<size_t>(isz * sub_n));
  for (int64_t i = n - 1; i >= 1; --i) {
    const int64_t j = int64_t(random_interval(g, uint64_t(i)));
    if (i == j) continue;
    char* pj = base + j * stride;
    char* pi = base + i * stride;
    for (int64_t k = 0; k < sub_n; ++k) std::memcpy(buf.data() + k * isz, pj + offs[size_t(k)], size_t(isz));
    for (int64_t k = 0; k < sub_n; ++k) std::memmove(pj + offs[size_t(k)], pi + offs[size_t(k)], size_t(isz));
    for (int64_t k = 0; k < sub_n; ++k) std::memcpy(pi + offs[size_t(k)], buf.data() + k * isz, size_t(isz));
  }
}

Array multinomial(BitGen& g, const Array& n, const Array& pvals, int32_t ndim, const int64_t* size, bool legacy) {
  (void)legacy;  // RandomState's multinomial draws the same binomials (scalar n, 1-d pvals only)
  Array p = cast_copy(pvals, builtin_dtype(CNP_FLOAT64), CNP_ORDER_C);
  if (p.ndim() == 0 || p.shape(p.ndim() - 1) == 0)
    throw_value("pvals must have at least 1 dimension and the last dimension of pvals must be greater than 0.");
  const int64_t d = p.shape(p.ndim() - 1);
  const double* pix = reinterpret_cast<const double*>(p.data());
  Array nn = cast_copy(n, builtin_dtype(CNP_INT64), CNP_ORDER_C);
  const int64_t* nv = reinterpret_cast<const int64_t*>(nn.data());
  for (int64_t k = 0, m = nn.size(); k < m; ++k)
    if (nv[k] < 0) throw_value("n < 0");
  BinomialCache c;
  int64_t shape[kMaxDims];
  if (nn.ndim() == 0 && p.ndim() == 1) {
    // one n and one pvals row for every output row
    int32_t nd = 0;
    if (size) {
      if (ndim + 1 > kMaxDims) throw_value("size has too many dimensions");
      std::copy(size, size + ndim, shape);
      nd = ndim;
    }
    shape[nd++] = d;
    Array out = Array::allocate(builtin_dtype(CNP_INT64), nd, shape, CNP_ORDER_C, true);
    int64_t* o = reinterpret_cast<int64_t*>(out.data());
    for (int64_t k = 0, rows = out.size() / d; k < rows; ++k) multinomial(g, nv[0], o + k * d, pix, d, c);
    return out;
  }
  // n and the rows of pvals (its shape without the last axis) broadcast, NumPy's multi-iterator
  const Array rows = Array::allocate(builtin_dtype(CNP_BOOL), p.ndim() - 1, p.shape(), CNP_ORDER_C);
  std::vector<const Array*> cs{&nn, &rows};
  Array shell;
  if (size) {
    shell = Array::allocate(builtin_dtype(CNP_BOOL), ndim, size, CNP_ORDER_C);
    cs.push_back(&shell);
  }
  int32_t nd = 0;
  for (const Array* a : cs) nd = std::max(nd, a->ndim());
  for (int32_t k = 0; k < nd; ++k) {
    shape[k] = 1;
    int src = 0;
    for (int j = 0; j < int(cs.size()); ++j) {
      const int32_t ax = k + cs[size_t(j)]->ndim() - nd;
      if (ax < 0) continue;
      const int64_t t = cs[size_t(j)]->shape(ax);
      if (t == 1) continue;
      if (shape[k] == 1) {
        shape[k] = t;
        src = j;
      } else if (shape[k] != t) {
        throw_value("shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg " +
                    std::to_string(src) + " with shape " + shape_str(cs[size_t(src)]->ndim(), cs[size_t(src)]->shape()) +
                    " and arg " + std::to_string(j) + " with shape " +
                    shape_str(cs[size_t(j)]->ndim(), cs[size_t(j)]->shape()) + ".");
      }
    }
  }
  if (size && (nd != ndim || !std::equal(size, size + ndim, shape)))
    throw_value("Output size " + shape_str(ndim, size) + " is not compatible with broadcast dimensions of inputs " +
                shape_str(nd, shape) + ".");
  int64_t sn[kMaxDims], sr[kMaxDims];
  broadcast_strides(nn, nd, shape, sn);
  broadcast_strides(rows, nd, shape, sr);
  if (nd + 1 > kMaxDims) throw_value("size has too many dimensions");
  shape[nd] = d;
  Array out = Array::allocate(builtin_dtype(CNP_INT64), nd + 1, shape, CNP_ORDER_C, true);
  int64_t* o = reinterpret_cast<int64_t*>(out.data());
  int64_t m = 1;
  for (int32_t k = 0; k < nd; ++k) m *= shape[k];
  std::vector<int64_t> idx(static_cast<size_t>(nd), 0);
  int64_t on = 0, orow = 0;  // byte offsets into nn and rows (rows: one byte per row)
  for (int64_t k = 0; k < m; ++k) {
    multinomial(g, nv[on / 8], o + k * d, pix + orow * d, d, c);
    for (int32_t a = nd - 1; a >= 0; --a) {
      if (++idx[size_t(a)] < shape[a]) {
        on += sn[a];
        orow += sr[a];
        break;
      }
      on -= sn[a] * (shape[a] - 1);
      orow -= sr[a] * (shape[a] - 1);
      idx[size_t(a)] = 0;
    }
  }
  return out;
}

Array random_raw(BitGen& g, int32_t ndim, const int64_t* size) {
  if (size)
    for (int32_t d = 0; d < ndim; ++d)
      if (size[d] < 0) throw_value("negative dimensions are not allowed");
  Array out = Array::allocate(builtin_dtype(CNP_UINT64), size ? ndim : 0, size, CNP_ORDER_C);
  uint64_t* o = reinterpret_cast<uint64_t*>(out.data());
  const int64_t n = out.size();
  // MT19937's raw output is its 32-bit word (NumPy's mt19937_raw).
  with_engine(g, [&](auto& e) {
    for (int64_t i = 0; i < n; ++i) {
      if constexpr (requires { e.next32(); })
        o[i] = e.next32();
      else
        o[i] = e.next64();
    }
  });
  return out;
}

}  // namespace cnp::random

namespace cnp::random {

namespace {
// Lemire's bounded draw in [0, max] as NumPy's random_bounded_uint64(bitgen, 0, max, 0, 0).
uint64_t bounded_lemire(BitGen& g, uint64_t max) {
  if (max == 0) return 0;
  if (max <= 0xFFFFFFFFull) {
    if (max == 0xFFFFFFFFull) return g.next32();
    const uint32_t rng = uint32_t(max), excl = rng + 1;
    uint64_t m = uint64_t(g.next32()) * excl;
    uint32_t left = uint32_t(m);
    if (left < excl) {
      const uint32_t threshold = (UINT32_MAX - rng) % excl;
      while (left < threshold) {
        m = uint64_t(g.next32()) * excl;
        left = uint32_t(m);
      }
    }
    return m >> 32;
  }
  if (max == UINT64_MAX) return g.next64();
  const uint64_t excl = max + 1;
  unsigned __int128 m = (unsigned __int128)g.next64() * excl;
  uint64_t left = uint64_t(m);
  if (left < excl) {
    const uint64_t threshold = (UINT64_MAX - max) % excl;
    while (left < threshold) {
      m = (unsigned __int128)g.next64() * excl;
      left = uint64_t(m);
    }
  }
  return uint64_t(m >> 64);
}

// NumPy's _shuffle_int: Fisher-Yates over data[first..n-1] with Lemire draws.
void shuffle_int(BitGen& g, int64_t n, int64_t first, int64_t* data) {
  for (int64_t i = n - 1; i >= first; --i) {
    const int64_t j = int64_t(bounded_lemire(g, uint64_t(i)));
    std::swap(data[j], data[i]);
  }
}

uint64_t mask_of(uint64_t max) {
  uint64_t m = max;
  for (int s = 1; s < 64; s <<= 1) m |= m >> s;
  return m;
}
}  // namespace

Array choice_noreplace(BitGen& g, int64_t pop_size, int64_t size, bool shuffle) {
  if (size > pop_size) throw_value("Cannot take a larger sample than population when replace is False");
  if (size < 0) throw_value("negative dimensions are not allowed");
  const int64_t cutoff = shuffle ? 50 : 20;
  if (pop_size > 10000 && size > pop_size / cutoff) {
    // tail shuffle of range(pop_size): the last `size` elements
    std::vector<int64_t> idx(static_cast<size_t>(pop_size));
    for (int64_t i = 0; i < pop_size; ++i) idx[size_t(i)] = i;
    shuffle_int(g, pop_size, std::max<int64_t>(pop_size - size, 1), idx.data());
    Array out = Array::allocate(builtin_dtype(CNP_INT64), 1, &size, CNP_ORDER_C);
    std::memcpy(out.data(), idx.data() + (pop_size - size), size_t(size) * 8);
    return out;
  }
  // Floyd's algorithm with an open-addressing set (NumPy's, same probe order)
  Array out = Array::allocate(builtin_dtype(CNP_INT64), 1, &size, CNP_ORDER_C);
  int64_t* o = reinterpret_cast<int64_t*>(out.data());
  const uint64_t set_size0 = uint64_t(1.2 * double(size));
  const uint64_t mask = mask_of(set_size0);
  std::vector<uint64_t> set(static_cast<size_t>(mask + 1), UINT64_MAX);
  for (int64_t j = pop_size - size; j < pop_size; ++j) {
    const uint64_t val = bounded_lemire(g, uint64_t(j));
    uint64_t loc = val & mask;
    while (set[loc] != UINT64_MAX && set[loc] != val) loc = (loc + 1) & mask;
    if (set[loc] == UINT64_MAX) {
      set[loc] = val;
      o[j - pop_size + size] = int64_t(val);
    } else {
      loc = uint64_t(j) & mask;
      while (set[loc] != UINT64_MAX) loc = (loc + 1) & mask;
      set[loc] = uint64_t(j);
      o[j - pop_size + size] = j;
    }
  }
  if (shuffle) shuffle_int(g, size, 1, o);
  return out;
}

}  // namespace cnp::random

namespace cnp::random {

Array multivariate_hypergeometric(BitGen& g, const Array& colors_in, int64_t nsample, int32_t ndim,
                                  const int64_t* size, bool marginals) {
  Array cc = cast_copy(colors_in, builtin_dtype(CNP_INT64), CNP_ORDER_C);
  if (cc.ndim() != 1)
    throw_value("colors must be a one-dimensional sequence of nonnegative integers not exceeding 9223372036854775807.");
  const int64_t nc = cc.shape(0);
  const int64_t* colors = reinterpret_cast<const int64_t*>(cc.data());
  int64_t total = 0;
  for (int64_t i = 0; i < nc; ++i) {
    if (colors[i] < 0)
      throw_value("colors must be a one-dimensional sequence of nonnegative integers not exceeding 9223372036854775807.");
    if (__builtin_add_overflow(total, colors[i], &total))
      throw_value("sum(colors) must not exceed the maximum value of a 64 bit signed integer (9223372036854775807)");
  }
  if (nsample < 0) throw_value("nsample must be nonnegative.");
  if (marginals && total >= 1000000000)
    throw_value("When method is \"marginals\", sum(colors) must be less than 1000000000.");
  if (nsample > total) throw_value("nsample > sum(colors)");
  int64_t shape[kMaxDims];
  int32_t nd = 0;
  if (size) {
    if (ndim + 1 > kMaxDims) throw_value("size has too many dimensions");
    std::copy(size, size + ndim, shape);
    nd = ndim;
  }
  shape[nd++] = nc;
  Array out = Array::allocate(builtin_dtype(CNP_INT64), nd, shape, CNP_ORDER_C, true);
  if (nc == 0) return out;
  int64_t* v = reinterpret_cast<int64_t*>(out.data());
  const int64_t nvar = out.size() / nc;
  if (total == 0 || nsample == 0 || nvar == 0) return out;
  const bool more_than_half = nsample > total / 2;
  const int64_t ns = more_than_half ? total - nsample : nsample;
  if (marginals) {
    for (int64_t i = 0; i < nvar * nc; i += nc) {
      int64_t to_sample = ns, remaining = total;
      for (int64_t j = 0; to_sample > 0 && j + 1 < nc; ++j) {
        remaining -= colors[j];
        const int64_t r = hypergeometric(g, colors[j], remaining, to_sample);
        v[i + j] = r;
        to_sample -= r;
      }
      if (to_sample > 0) v[i + nc - 1] = to_sample;
      if (more_than_half)
        for (int64_t k = 0; k < nc; ++k) v[i + k] = colors[k] - v[i + k];
    }
    return out;
  }
  // 'count': a partial Fisher-Yates over the list of every item's color.
  std::vector<int64_t> choices(static_cast<size_t>(total));
  for (int64_t i = 0, k = 0; i < nc; ++i)
    for (int64_t j = 0; j < colors[i]; ++j) choices[size_t(k++)] = i;
  for (int64_t i = 0; i < nvar * nc; i += nc) {
    for (int64_t j = 0; j < ns; ++j) {
      const int64_t k = j + int64_t(random_interval(g, uint64_t(total - j - 1)));
      std::swap(choices[size_t(k)], choices[size_t(j)]);
    }
    for (int64_t j = 0; j < ns; ++j) v[i + choices[size_t(j)]] += 1;
    if (more_than_half)
      for (int64_t k = 0; k < nc; ++k) v[i + k] = colors[k] - v[i + k];
  }
  return out;
}

}  // namespace cnp::random
