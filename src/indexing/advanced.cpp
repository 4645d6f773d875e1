// Advanced indexing as NumPy does it: basic items first make a view in which every index array
// (integer arrays, boolean masks turned into integer arrays by nonzero, and integer scalars once
// any array is present) still owns its axis; the index arrays broadcast to one shape B, and the
// result is B placed where the first index array was when the advanced items were adjacent in
// the index expression, or in front otherwise, with the remaining (sliced) axes copied whole.
#include "indexing/advanced.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

#include "core/broadcast.hpp"
#include "core/cast.hpp"
#include "core/error.hpp"
#include "core/iter.hpp"
#include "core/views.hpp"

namespace cnp {

namespace {

const Array& item_array(const cnp_index& it) {
  const cnp_array* h = it.array;
  if (!h) throw Error(CNP_ERR_INVALID_HANDLE, "array handle is NULL");
  if (h->magic != kArrayMagic) throw Error(CNP_ERR_INVALID_HANDLE, "not a valid cnumpy array handle");
  return h->a;
}

cnp_index full_slice() { return cnp_index{CNP_INDEX_SLICE, 0, 0, 0, 1, nullptr}; }

// One advanced index: int64 values indexing axis `axis` of the basic view.
struct Fancy {
  Array idx;
  int32_t axis;
  int32_t orig;  // the original array's axis, for error messages
};

struct Plan {
  Array view;
  std::vector<Fancy> fancy;
  bool consecutive = true;
  int32_t nb = 0;
  int64_t bshape[kMaxDims];
  int64_t bsize = 1;
  // The non-indexed axes of the view and where B goes among them in the result.
  int32_t nsub = 0;
  int32_t sub_axes[kMaxDims];
  int32_t pos = 0;
  // Result geometry.
  int32_t rnd = 0;
  int64_t rshape[kMaxDims];

  int64_t sub_shape(int32_t k) const { return view.shape(sub_axes[k]); }
};

Array int64_scalar_array(int64_t v) {
  Array r = Array::allocate(builtin_dtype(CNP_INT64), 0, nullptr, CNP_ORDER_C);
  std::memcpy(r.data(), &v, 8);
  return r;
}

Array as_int64(const Array& a) {
  if (a.dtype()->typenum == CNP_INT64) return a;
  return cast_copy(a, builtin_dtype(CNP_INT64), CNP_ORDER_K);
}

// Calls f(j, offset) for every element of a C-order walk over shape, offset being the byte offset
// given by strides.
template <class F>
void walk_c(int32_t nd, const int64_t* shape, const int64_t* strides, F&& f) {
  int64_t total = 1;
  for (int32_t i = 0; i < nd; ++i) total *= shape[i];
  if (total == 0) return;
  if (nd == 0) return f(int64_t{0}, int64_t{0});
  const int64_t inner = shape[nd - 1], istride = strides[nd - 1];
  int64_t counter[kMaxDims] = {};
  int64_t base = 0, j = 0;
  for (;;) {
    for (int64_t i = 0; i < inner; ++i) f(j++, base + i * istride);
    int32_t d = nd - 2;
    for (; d >= 0; --d) {
      base += strides[d];
      if (++counter[d] < shape[d]) break;
      base -= strides[d] * shape[d];
      counter[d] = 0;
    }
    if (d < 0) return;
  }
}

[[noreturn]] void out_of_bounds(int64_t v, int32_t axis, int64_t n) {
  throw_index("index " + std::to_string(v) + " is out of bounds for axis " + std::to_string(axis) + " with size " +
              std::to_string(n));
}

Plan make_plan(const Array& a, int32_t nitems, const cnp_index* items) {
  if (nitems < 0 || (nitems > 0 && !items)) throw Error(CNP_ERR_INVALID_HANDLE, "index items pointer is NULL");
  int32_t consumed = 0, ellipses = 0;
  for (int32_t i = 0; i < nitems; ++i) {
    switch (items[i].kind) {
      case CNP_INDEX_INTEGER:
      case CNP_INDEX_SLICE: ++consumed; break;
      case CNP_INDEX_NEWAXIS: break;
      case CNP_INDEX_ELLIPSIS:
        if (++ellipses > 1) throw_index("an index can only have a single ellipsis ('...')");
        break;
      case CNP_INDEX_ARRAY: {
        const Array& x = item_array(items[i]);
        if (x.dtype()->kind == 'b') consumed += x.ndim();
        else if (is_integer(x.dtype())) ++consumed;
        else throw_index("arrays used as indices must be of integer (or boolean) type");
        break;
      }
      default: throw_value("invalid index item kind " + std::to_string(items[i].kind));
    }
  }
  if (consumed > a.ndim())
    throw_index("too many indices for array: array is " + std::to_string(a.ndim()) + "-dimensional, but " +
                std::to_string(consumed) + " were indexed");
  Plan p;
  std::vector<cnp_index> basic;
  basic.reserve(static_cast<size_t>(nitems) + kMaxDims);
  int32_t vaxis = 0, oaxis = 0, first_item = -1, last_item = -1, fancy_items = 0;
  auto mark = [&](int32_t i) {
    if (first_item < 0) first_item = i;
    last_item = i;
    ++fancy_items;
  };
  for (int32_t i = 0; i < nitems; ++i) {
    const cnp_index& it = items[i];
    switch (it.kind) {
      case CNP_INDEX_INTEGER:  // an integer among index arrays is a 0-d index array
        basic.push_back(full_slice());
        p.fancy.push_back({int64_scalar_array(it.start), vaxis++, oaxis++});
        mark(i);
        break;
      case CNP_INDEX_SLICE:
        basic.push_back(it);
        ++vaxis;
        ++oaxis;
        break;
      case CNP_INDEX_NEWAXIS:
        basic.push_back(it);
        ++vaxis;
        break;
      case CNP_INDEX_ELLIPSIS: {
        basic.push_back(it);
        int32_t k = a.ndim() - consumed;
        vaxis += k;
        oaxis += k;
        break;
      }
      default: {
        const Array& x = item_array(it);
        mark(i);
        if (x.dtype()->kind != 'b') {
          basic.push_back(full_slice());
          p.fancy.push_back({as_int64(x), vaxis++, oaxis++});
        } else if (x.ndim() == 0) {
          // A 0-d boolean adds an axis of length 1 and selects all (true) or nothing (false) of it.
          basic.push_back(cnp_index{CNP_INDEX_NEWAXIS, 0, 0, 0, 0, nullptr});
          const bool t = *x.data() != 0;
          int64_t n = t ? 1 : 0;
          p.fancy.push_back({Array::allocate(builtin_dtype(CNP_INT64), 1, &n, CNP_ORDER_C, true), vaxis++, -1});
        } else {
          for (int32_t d = 0; d < x.ndim(); ++d)
            if (x.shape(d) != a.shape(oaxis + d))
              throw_index("boolean index did not match indexed array along dimension " + std::to_string(oaxis + d) +
                          "; dimension is " + std::to_string(a.shape(oaxis + d)) +
                          " but corresponding boolean dimension is " + std::to_string(x.shape(d)));
          Array nz = nonzero(x);
          int64_t count = nz.shape(1), stride = 8;
          for (int32_t d = 0; d < x.ndim(); ++d) {
            basic.push_back(full_slice());
            p.fancy.push_back({nz.view(1, &count, &stride, nz.data() + d * nz.stride(0)), vaxis++, oaxis++});
          }
        }
      }
    }
  }
  p.consecutive = last_item - first_item + 1 == fancy_items;
  p.view = index(a, static_cast<int32_t>(basic.size()), basic.data());

  // Broadcast the index arrays together.
  p.nb = 0;
  for (const Fancy& f : p.fancy) p.nb = std::max(p.nb, f.idx.ndim());
  std::fill(p.bshape, p.bshape + p.nb, int64_t{1});
  bool ok = true;
  for (const Fancy& f : p.fancy) {
    int32_t lead = p.nb - f.idx.ndim();
    for (int32_t d = 0; d < f.idx.ndim(); ++d) {
      int64_t n = f.idx.shape(d);
      int64_t& b = p.bshape[lead + d];
      if (n == b || n == 1) continue;
      if (b == 1) b = n;
      else ok = false;
    }
  }
  if (!ok) {
    std::string msg = "shape mismatch: indexing arrays could not be broadcast together with shapes ";
    for (const Fancy& f : p.fancy) msg += numpy_shape_string(f.idx.ndim(), f.idx.shape()) + " ";
    throw_index(msg);
  }
  for (int32_t d = 0; d < p.nb; ++d) p.bsize *= p.bshape[d];

  bool is_fancy[kMaxDims] = {};
  for (const Fancy& f : p.fancy) is_fancy[f.axis] = true;
  const int32_t first_axis = p.fancy.front().axis;
  p.pos = 0;
  for (int32_t d = 0; d < p.view.ndim(); ++d) {
    if (is_fancy[d]) continue;
    if (p.consecutive && d < first_axis) ++p.pos;
    p.sub_axes[p.nsub++] = d;
  }
  p.rnd = p.nsub + p.nb;
  if (p.rnd > kMaxDims)
    throw_index("number of dimensions must be within [0, 32], indexing result would have " + std::to_string(p.rnd));
  int32_t r = 0;
  for (int32_t k = 0; k < p.pos; ++k) p.rshape[r++] = p.sub_shape(k);
  for (int32_t d = 0; d < p.nb; ++d) p.rshape[r++] = p.bshape[d];
  for (int32_t k = p.pos; k < p.nsub; ++k) p.rshape[r++] = p.sub_shape(k);
  return p;
}

// Byte offsets into the view of every element of B (C order), checking the bounds first.
std::vector<int64_t> fancy_offsets(const Plan& p) {
  std::vector<int64_t> off(static_cast<size_t>(p.bsize), 0);
  if (p.bsize == 0) return off;
  int64_t* o = off.data();
  for (const Fancy& f : p.fancy) {
    int64_t st[kMaxDims];
    broadcast_strides(f.idx, p.nb, p.bshape, st);
    const int64_t n = p.view.shape(f.axis), s = p.view.stride(f.axis);
    const char* base = f.idx.data();
    auto one = [&](int64_t j, int64_t byte) {
      int64_t v;
      std::memcpy(&v, base + byte, 8);
      if (v < 0) v += n;
      if (static_cast<uint64_t>(v) >= static_cast<uint64_t>(n)) {
        std::memcpy(&v, base + byte, 8);
        out_of_bounds(v, f.orig, n);
      }
      o[j] += v * s;
    };
    if (p.nb == 1 && st[0] == 8) {
      for (int64_t j = 0; j < p.bsize; ++j) one(j, j * 8);
    } else {
      walk_c(p.nb, p.bshape, st, one);
    }
  }
  return off;
}

bool c_block(int32_t nd, const int64_t* shape, const int64_t* strides, int64_t itemsize) {
  int64_t expect = itemsize;
  for (int32_t d = nd - 1; d >= 0; --d) {
    if (shape[d] == 1) continue;
    if (strides[d] != expect) return false;
    expect *= shape[d];
  }
  return true;
}

// Copies one sub-space block (nd axes) between strided layouts of the same dtype.
struct BlockCopy {
  int32_t nd;
  int64_t shape[kMaxDims];
  int64_t sstr[kMaxDims];
  int64_t dstr[kMaxDims];
  int64_t itemsize;
  int64_t bytes = 0;  // > 0: both sides are one contiguous run of this many bytes

  void operator()(char* dst, const char* src) const {
    if (bytes) return void(std::memcpy(dst, src, static_cast<size_t>(bytes)));
    const int64_t* strides[2] = {dstr, sstr};
    char* bases[2] = {dst, const_cast<char*>(src)};
    for_each_run<2>(nd, shape, strides, bases, [&](char* const* ptr, const int64_t* s, int64_t n) {
      copy_items(ptr[1], s[1], ptr[0], s[0], n, itemsize);
    });
  }
};

struct Item16 {
  char b[16];
};

template <class T>
void gather(char* dst, const char* base, const int64_t* off, int64_t n) {
  T* d = reinterpret_cast<T*>(dst);
  for (int64_t j = 0; j < n; ++j) std::memcpy(d + j, base + off[j], sizeof(T));
}

// NumPy's fast path for a[mask] with a mask over the leading axes of a C-contiguous array.
bool try_mask_get(const Array& a, int32_t nitems, const cnp_index* items, Array& out) {
  if (nitems < 1 || nitems > 2 || items[0].kind != CNP_INDEX_ARRAY) return false;
  if (nitems == 2 && items[1].kind != CNP_INDEX_ELLIPSIS) return false;
  const Array& m = item_array(items[0]);
  if (m.dtype()->kind != 'b' || m.ndim() == 0 || m.ndim() > a.ndim()) return false;
  for (int32_t d = 0; d < m.ndim(); ++d)
    if (m.shape(d) != a.shape(d)) return false;  // the general path raises the error
  if (!a.c_contiguous() || !m.c_contiguous()) return false;
  const int64_t n = m.size();
  const unsigned char* mk = reinterpret_cast<const unsigned char*>(m.data());
  const int64_t count = count_true(m);
  int64_t shape[kMaxDims];
  shape[0] = count;
  int64_t block = a.itemsize();
  for (int32_t d = m.ndim(); d < a.ndim(); ++d) {
    shape[1 + d - m.ndim()] = a.shape(d);
    block *= a.shape(d);
  }
  out = Array::allocate(a.dtype(), 1 + a.ndim() - m.ndim(), shape, CNP_ORDER_C);
  if (count == 0 || block == 0) return true;
  char* dst = out.data();
  const char* src = a.data();
  auto branchless = [&](auto tag) {
    using T = decltype(tag);
    T* d = reinterpret_cast<T*>(dst);
    int64_t last = n - 1;
    while (!mk[last]) --last;
    int64_t k = 0;
    for (int64_t i = 0; i < last; ++i) {
      std::memcpy(d + k, src + i * sizeof(T), sizeof(T));
      k += mk[i] != 0;
    }
    std::memcpy(d + count - 1, src + last * sizeof(T), sizeof(T));
  };
  switch (block) {
    case 1: branchless(uint8_t{}); break;
    case 2: branchless(uint16_t{}); break;
    case 4: branchless(uint32_t{}); break;
    case 8: branchless(uint64_t{}); break;
    default:
      for (int64_t i = 0; i < n; ++i)
        if (mk[i]) {
          std::memcpy(dst, src + i * block, static_cast<size_t>(block));
          dst += block;
        }
  }
  return true;
}

}  // namespace

bool has_array_item(int32_t nitems, const cnp_index* items) {
  for (int32_t i = 0; i < nitems && items; ++i)
    if (items[i].kind == CNP_INDEX_ARRAY) return true;
  return false;
}

int64_t count_true(const Array& mask) {
  int64_t count = 0;
  if (mask.size() == 0) return 0;
  const int64_t* strides[1] = {mask.strides()};
  char* bases[1] = {mask.data()};
  for_each_run<1>(mask.ndim(), mask.shape(), strides, bases, [&](char* const* p, const int64_t* s, int64_t n) {
    const unsigned char* q = reinterpret_cast<const unsigned char*>(p[0]);
    int64_t c = 0;
    if (s[0] == 1) {
      for (int64_t i = 0; i < n; ++i) c += q[i] != 0;
    } else {
      for (int64_t i = 0; i < n; ++i) c += q[i * s[0]] != 0;
    }
    count += c;
  });
  return count;
}

Array nonzero(const Array& a0) {
  Array a = a0;
  if (a.ndim() == 0) {
    int64_t one = 1, s = a.itemsize();
    a = a0.view(1, &one, &s, a0.data());
  }
  Array m = (a.dtype()->kind == 'b' && a.c_contiguous()) ? a : cast_copy(a, builtin_dtype(CNP_BOOL), CNP_ORDER_C);
  const int64_t count = count_true(m);
  const int32_t nd = a.ndim();
  int64_t shape[2] = {nd, count};
  Array out = Array::allocate(builtin_dtype(CNP_INT64), 2, shape, CNP_ORDER_C);
  if (count == 0) return out;
  int64_t* o = reinterpret_cast<int64_t*>(out.data());
  const unsigned char* q = reinterpret_cast<const unsigned char*>(m.data());
  const int64_t n = m.size();
  if (nd == 1) {
    int64_t k = 0;
    for (int64_t i = 0; i < n; ++i) {
      o[k] = i;
      k += q[i] != 0;
      if (k == count) break;
    }
    return out;
  }
  int64_t coord[kMaxDims] = {};
  const int64_t inner = m.shape(nd - 1);
  int64_t k = 0;
  for (int64_t i = 0; i < n; i += inner) {
    for (int64_t c = 0; c < inner; ++c) {
      if (!q[i + c]) continue;
      for (int32_t d = 0; d < nd - 1; ++d) o[d * count + k] = coord[d];
      o[(nd - 1) * count + k] = c;
      ++k;
    }
    for (int32_t d = nd - 2; d >= 0; --d) {
      if (++coord[d] < m.shape(d)) break;
      coord[d] = 0;
    }
  }
  return out;
}

Array index_get(const Array& a, int32_t nitems, const cnp_index* items) {
  if (!has_array_item(nitems, items)) return index(a, nitems, items);
  Array fast;
  if (try_mask_get(a, nitems, items, fast)) return fast;
  Plan p = make_plan(a, nitems, items);
  std::vector<int64_t> off = fancy_offsets(p);
  Array out = Array::allocate(a.dtype(), p.rnd, p.rshape, CNP_ORDER_C);
  if (out.size() == 0) return out;
  const int64_t isz = a.itemsize();
  // The result's strides seen in B-then-sub order.
  int64_t bstr[kMaxDims];
  BlockCopy bc;
  bc.nd = p.nsub;
  bc.itemsize = isz;
  for (int32_t d = 0; d < p.nb; ++d) bstr[d] = out.stride(p.pos + d);
  for (int32_t k = 0; k < p.nsub; ++k) {
    bc.shape[k] = p.sub_shape(k);
    bc.sstr[k] = p.view.stride(p.sub_axes[k]);
    bc.dstr[k] = out.stride(k < p.pos ? k : k + p.nb);
  }
  const char* src = p.view.data();
  char* dst = out.data();
  if (p.nsub == 0) {
    switch (isz) {
      case 1: gather<uint8_t>(dst, src, off.data(), p.bsize); return out;
      case 2: gather<uint16_t>(dst, src, off.data(), p.bsize); return out;
      case 4: gather<uint32_t>(dst, src, off.data(), p.bsize); return out;
      case 8: gather<uint64_t>(dst, src, off.data(), p.bsize); return out;
      case 16: gather<Item16>(dst, src, off.data(), p.bsize); return out;
      default:
        for (int64_t j = 0; j < p.bsize; ++j) std::memcpy(dst + j * isz, src + off[j], static_cast<size_t>(isz));
        return out;
    }
  }
  if (c_block(bc.nd, bc.shape, bc.sstr, isz) && c_block(bc.nd, bc.shape, bc.dstr, isz)) {
    bc.bytes = isz;
    for (int32_t k = 0; k < bc.nd; ++k) bc.bytes *= bc.shape[k];
  }
  walk_c(p.nb, p.bshape, bstr, [&](int64_t j, int64_t doff) { bc(dst + doff, src + off[j]); });
  return out;
}

void index_set(Array& a, int32_t nitems, const cnp_index* items, const Array& value_in) {
  a.require_writeable();  // NumPy checks this before looking at the index
  if (!has_array_item(nitems, items)) {
    Array v = index(a, nitems, items);
    return assign(v, value_in, CNP_CASTING_UNSAFE);
  }
  Plan p = make_plan(a, nitems, items);
  int64_t vst[kMaxDims];
  if (!broadcast_strides(value_in, p.rnd, p.rshape, vst))
    throw_value("shape mismatch: value array of shape " + numpy_shape_string(value_in.ndim(), value_in.shape()) +
                " could not be broadcast to indexing result of shape " + numpy_shape_string(p.rnd, p.rshape));
  std::vector<int64_t> off = fancy_offsets(p);
  if (p.bsize == 0) return;
  for (int32_t k = 0; k < p.nsub; ++k)
    if (p.sub_shape(k) == 0) return;
  Array value = value_in;
  // Elements move as bytes: the value is first cast to a's exact descriptor (width, byte order).
  if (!dtype_equal(value.dtype(), a.dtype()) || may_share_memory(a, value)) {
    value = cast_copy(value_in, a.dtype(), CNP_ORDER_K);
    broadcast_strides(value, p.rnd, p.rshape, vst);
  }
  const int64_t isz = a.itemsize();
  int64_t bstr[kMaxDims];
  BlockCopy bc;
  bc.nd = p.nsub;
  bc.itemsize = isz;
  for (int32_t d = 0; d < p.nb; ++d) bstr[d] = vst[p.pos + d];
  for (int32_t k = 0; k < p.nsub; ++k) {
    bc.shape[k] = p.sub_shape(k);
    bc.dstr[k] = p.view.stride(p.sub_axes[k]);
    bc.sstr[k] = vst[k < p.pos ? k : k + p.nb];
  }
  char* dst = p.view.data();
  const char* src = value.data();
  if (p.nsub == 0) {
    walk_c(p.nb, p.bshape, bstr, [&](int64_t j, int64_t soff) {
      std::memcpy(dst + off[j], src + soff, static_cast<size_t>(isz));
    });
    return;
  }
  if (c_block(bc.nd, bc.shape, bc.sstr, isz) && c_block(bc.nd, bc.shape, bc.dstr, isz)) {
    bc.bytes = isz;
    for (int32_t k = 0; k < bc.nd; ++k) bc.bytes *= bc.shape[k];
  }
  walk_c(p.nb, p.bshape, bstr, [&](int64_t j, int64_t soff) { bc(dst + off[j], src + soff); });
}

}  // namespace cnp
