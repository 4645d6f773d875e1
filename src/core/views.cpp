#include "core/views.hpp"

#include <algorithm>
#include <cstdlib>
#include <limits>

#include "core/cast.hpp"
#include "core/error.hpp"

namespace cnp {

namespace {

// NumPy's _attempt_nocopy_reshape: new strides for a view, or false when a copy is needed.
bool nocopy_strides(const Array& a, int32_t newnd, const int64_t* newdims, int64_t* newstrides, bool f_order) {
  int64_t olddims[kMaxDims], oldstrides[kMaxDims];
  int32_t oldnd = 0;
  for (int32_t i = 0; i < a.ndim(); ++i)
    if (a.shape(i) != 1) {
      olddims[oldnd] = a.shape(i);
      oldstrides[oldnd++] = a.stride(i);
    }
  int32_t oi = 0, oj = 1, ni = 0, nj = 1;
  while (ni < newnd && oi < oldnd) {
    int64_t np = newdims[ni], op = olddims[oi];
    while (np != op) {
      if (np < op) np *= newdims[nj++];
      else op *= olddims[oj++];
    }
    for (int32_t ok = oi; ok < oj - 1; ++ok) {
      if (f_order ? oldstrides[ok + 1] != olddims[ok] * oldstrides[ok]
                  : oldstrides[ok] != olddims[ok + 1] * oldstrides[ok + 1])
        return false;
    }
    if (f_order) {
      newstrides[ni] = oldstrides[oi];
      for (int32_t nk = ni + 1; nk < nj; ++nk) newstrides[nk] = newstrides[nk - 1] * newdims[nk - 1];
    } else {
      newstrides[nj - 1] = oldstrides[oj - 1];
      for (int32_t nk = nj - 1; nk > ni; --nk) newstrides[nk - 1] = newstrides[nk] * newdims[nk];
    }
    ni = nj++;
    oi = oj++;
  }
  int64_t last = ni >= 1 ? newstrides[ni - 1] : a.itemsize();
  if (f_order && ni >= 1) last *= newdims[ni - 1];
  for (int32_t nk = ni; nk < newnd; ++nk) newstrides[nk] = last;
  return true;
}

[[noreturn]] void reshape_mismatch(const Array& a, int32_t ndim, const int64_t* shape) {
  throw_value("cannot reshape array of size " + std::to_string(a.size()) + " into shape " + numpy_shape_string(ndim, shape));
}

}  // namespace

Array reshape(const Array& a, int32_t ndim, const int64_t* shape_in, int32_t order) {
  if (order == CNP_ORDER_K) throw_value("order 'K' is not permitted for reshaping");
  if (order < CNP_ORDER_C || order > CNP_ORDER_K) throw_value("order must be one of 'C', 'F', 'A', or 'K'");
  if (ndim < 0 || ndim > kMaxDims)
    throw_value("maximum supported dimension for an ndarray is 32, found " + std::to_string(ndim));
  if (ndim > 0 && !shape_in) throw Error(CNP_ERR_INVALID_HANDLE, "shape pointer is NULL");
  int64_t shape[kMaxDims];
  std::copy(shape_in, shape_in + ndim, shape);
  // NumPy's _fix_unknown_dimension: any negative entry is the unknown one.
  int32_t unknown = -1;
  int64_t known = 1;
  bool overflow = false;
  for (int32_t i = 0; i < ndim; ++i) {
    if (shape[i] < 0) {
      if (unknown >= 0) throw_value("can only specify one unknown dimension");
      unknown = i;
    } else if (__builtin_mul_overflow(known, shape[i], &known)) {
      overflow = true;
    }
  }
  const int64_t size = a.size();
  if (overflow) reshape_mismatch(a, ndim, shape_in);
  if (unknown >= 0) {
    if (known == 0 || size % known != 0) reshape_mismatch(a, ndim, shape_in);
    shape[unknown] = size / known;
  } else if (known != size) {
    reshape_mismatch(a, ndim, shape_in);
  }
  checked_size(ndim, shape, a.itemsize());  // (0, 2**62, 2**62) has size 0 but no valid strides
  if (order == CNP_ORDER_A) order = (a.f_contiguous() && !a.c_contiguous()) ? CNP_ORDER_F : CNP_ORDER_C;
  const bool f = order == CNP_ORDER_F;
  int64_t strides[kMaxDims];
  if (f ? a.f_contiguous() : a.c_contiguous()) {
    contiguous_strides(ndim, shape, a.itemsize(), order, strides);
    return a.view(ndim, shape, strides, a.data());
  }
  if (nocopy_strides(a, ndim, shape, strides, f)) return a.view(ndim, shape, strides, a.data());
  Array c = cast_copy(a, a.dtype(), order);  // contiguous in the requested order
  contiguous_strides(ndim, shape, a.itemsize(), order, strides);
  Array out = c.view(ndim, shape, strides, c.data());
  out.set_owndata(true);
  return out;
}

Array flatten(const Array& a, int32_t order) {
  if (order < CNP_ORDER_C || order > CNP_ORDER_K) throw_value("order must be one of 'C', 'F', 'A', or 'K'");
  Array c = cast_copy(a, a.dtype(), order);  // memory order of the copy is the flattening order
  int64_t n = a.size(), s = a.itemsize();
  Array out = c.view(1, &n, &s, c.data());
  out.set_owndata(true);
  return out;
}

Array ravel(const Array& a, int32_t order) {
  if (order < CNP_ORDER_C || order > CNP_ORDER_K) throw_value("order must be one of 'C', 'F', 'A', or 'K'");
  if (order == CNP_ORDER_A) order = (a.f_contiguous() && !a.c_contiguous()) ? CNP_ORDER_F : CNP_ORDER_C;
  else if (order == CNP_ORDER_K) {
    if (a.c_contiguous()) order = CNP_ORDER_C;
    else if (a.f_contiguous()) order = CNP_ORDER_F;
  }
  int64_t n = a.size(), s = a.itemsize();
  if ((order == CNP_ORDER_C && a.c_contiguous()) || (order == CNP_ORDER_F && a.f_contiguous())) {
    int64_t m = -1;
    return reshape(a, 1, &m, order);
  }
  if (order == CNP_ORDER_K) {
    // A view when the axes sorted by stride form one contiguous run.
    int32_t perm[kMaxDims];
    axes_by_stride(a, perm);
    int64_t expect = s;
    bool contiguous = true;
    for (int32_t i = a.ndim() - 1; i >= 0 && contiguous; --i) {
      if (a.shape(perm[i]) == 1) continue;
      if (a.stride(perm[i]) != expect) contiguous = false;
      expect *= a.shape(perm[i]);
    }
    if (contiguous) {
      // The lowest address is the start of the run.
      char* lo = a.data();
      for (int32_t i = 0; i < a.ndim(); ++i)
        if (a.stride(i) < 0) lo += (a.shape(i) - 1) * a.stride(i);
      return a.view(1, &n, &s, lo);
    }
  }
  return flatten(a, order);
}

Array transpose(const Array& a, const int64_t* axes, int32_t naxes) {
  const int32_t nd = a.ndim();
  int64_t perm[kMaxDims];
  if (naxes < 0 || !axes) {
    for (int32_t i = 0; i < nd; ++i) perm[i] = nd - 1 - i;
  } else {
    if (naxes != nd) throw_value("axes don't match array");
    bool seen[kMaxDims] = {};
    for (int32_t i = 0; i < nd; ++i) {
      int64_t ax = normalize_axis(axes[i], nd);
      if (seen[ax]) throw_value("repeated axis in transpose");
      seen[ax] = true;
      perm[i] = ax;
    }
  }
  int64_t shape[kMaxDims], strides[kMaxDims];
  for (int32_t i = 0; i < nd; ++i) {
    shape[i] = a.shape(static_cast<int32_t>(perm[i]));
    strides[i] = a.stride(static_cast<int32_t>(perm[i]));
  }
  return a.view(nd, shape, strides, a.data());
}

Array index(const Array& a, int32_t nitems, const cnp_index* items) {
  if (nitems < 0 || (nitems > 0 && !items)) throw Error(CNP_ERR_INVALID_HANDLE, "index items pointer is NULL");
  int32_t consumed = 0, ellipses = 0, newaxes = 0;
  for (int32_t i = 0; i < nitems; ++i) {
    switch (items[i].kind) {
      case CNP_INDEX_INTEGER:
      case CNP_INDEX_SLICE: ++consumed; break;
      case CNP_INDEX_NEWAXIS: ++newaxes; break;
      case CNP_INDEX_ELLIPSIS:
        if (++ellipses > 1) throw_index("an index can only have a single ellipsis ('...')");
        break;
      case CNP_INDEX_ARRAY: throw_value("index arrays are advanced indexing: see advanced_index()");
      default: throw_value("invalid index item kind " + std::to_string(items[i].kind));
    }
  }
  if (consumed > a.ndim())
    throw_index("too many indices for array: array is " + std::to_string(a.ndim()) + "-dimensional, but " +
                std::to_string(consumed) + " were indexed");
  const int32_t result_nd = a.ndim() - consumed + newaxes;
  if (result_nd > kMaxDims)
    throw_index("number of dimensions must be within [0, 32], indexing result would have " + std::to_string(result_nd));
  int64_t shape[kMaxDims], strides[kMaxDims];
  int32_t out_nd = 0, axis = 0;
  char* data = a.data();
  auto push = [&](int64_t n, int64_t s) {
    shape[out_nd] = n;
    strides[out_nd++] = s;
  };
  for (int32_t i = 0; i < nitems; ++i) {
    const cnp_index& it = items[i];
    if (it.kind == CNP_INDEX_INTEGER) {
      int64_t n = a.shape(axis), k = it.start;
      if (k < -n || k >= n)
        throw_index("index " + std::to_string(k) + " is out of bounds for axis " + std::to_string(axis) +
                    " with size " + std::to_string(n));
      data += (k < 0 ? k + n : k) * a.stride(axis);
      ++axis;
    } else if (it.kind == CNP_INDEX_SLICE) {
      // Python's PySlice_Unpack + PySlice_AdjustIndices.
      const int64_t kMax = std::numeric_limits<int64_t>::max();
      int64_t step = (it.flags & CNP_SLICE_HAS_STEP) ? it.step : 1;
      if (step == 0) throw_value("slice step cannot be zero");
      if (step < -kMax) step = -kMax;
      int64_t start = (it.flags & CNP_SLICE_HAS_START) ? it.start : (step < 0 ? kMax : 0);
      int64_t stop = (it.flags & CNP_SLICE_HAS_STOP) ? it.stop : (step < 0 ? std::numeric_limits<int64_t>::min() : kMax);
      const int64_t n = a.shape(axis);
      auto adjust = [&](int64_t& v) {
        if (v < 0) {
          v = v < -n ? (step < 0 ? -1 : 0) : v + n;  // v + n would not overflow here, but keep the branch explicit
        } else if (v >= n) {
          v = step < 0 ? n - 1 : n;
        }
      };
      adjust(start);
      adjust(stop);
      int64_t len = 0;
      if (step < 0) {
        if (stop < start) len = (start - stop - 1) / (-step) + 1;
      } else if (start < stop) {
        len = (stop - start - 1) / step + 1;
      }
      if (len > 0) data += start * a.stride(axis);
      // The product fits whenever len > 1 (the extent does); for len <= 1 it is meaningless and
      // NumPy's C multiplication wraps: the same bits, without signed overflow.
      push(len, static_cast<int64_t>(static_cast<uint64_t>(a.stride(axis)) * static_cast<uint64_t>(step)));
      ++axis;
    } else if (it.kind == CNP_INDEX_NEWAXIS) {
      push(1, 0);
    } else {  // ellipsis: the axes no other item takes
      for (int32_t k = 0; k < a.ndim() - consumed; ++k, ++axis) push(a.shape(axis), a.stride(axis));
    }
  }
  for (; axis < a.ndim(); ++axis) push(a.shape(axis), a.stride(axis));
  return a.view(out_nd, shape, strides, data);
}

char* element_ptr(const Array& a, int32_t nindex, const int64_t* idx) {
  if (nindex > a.ndim())
    throw_index("too many indices for array: array is " + std::to_string(a.ndim()) + "-dimensional, but " +
                std::to_string(nindex) + " were indexed");
  if (nindex < a.ndim())
    throw_index("an element index needs one integer per dimension: array is " + std::to_string(a.ndim()) +
                "-dimensional, but " + std::to_string(nindex) + " were given");
  if (nindex > 0 && !idx) throw Error(CNP_ERR_INVALID_HANDLE, "index pointer is NULL");
  char* p = a.data();
  for (int32_t i = 0; i < nindex; ++i) {
    int64_t n = a.shape(i), k = idx[i];
    if (k < -n || k >= n)
      throw_index("index " + std::to_string(k) + " is out of bounds for axis " + std::to_string(i) + " with size " +
                  std::to_string(n));
    p += (k < 0 ? k + n : k) * a.stride(i);
  }
  return p;
}

}  // namespace cnp
