// Views that change the descriptor: ndarray.view(dtype), record fields, and byteswap
// (docs/dtypes.md).
#include <cstring>
#include <string>

#include "core/broadcast.hpp"
#include "core/cast.hpp"
#include "core/cast_any.hpp"
#include "core/error.hpp"
#include "core/iter.hpp"
#include "core/views.hpp"

namespace cnp {

Array view_dtype(const Array& a, const Dtype* dtype) {
  int64_t old_size = a.itemsize(), new_size = dtype->itemsize;
  int32_t nd = a.ndim();
  if (is_subarray(dtype)) {
    // NumPy: only with the same itemsize; the subarray's shape becomes trailing axes of its base.
    if (old_size != new_size)
      throw_value("Changing the dtype to a subarray type is only supported if the total itemsize is unchanged");
    const int32_t extra = static_cast<int32_t>(dtype->sub_shape.size());
    if (nd + extra > kMaxDims) throw_value("too many dimensions");
    int64_t shape[kMaxDims], strides[kMaxDims];
    std::memcpy(shape, a.shape(), sizeof(int64_t) * static_cast<size_t>(nd));
    std::memcpy(strides, a.strides(), sizeof(int64_t) * static_cast<size_t>(nd));
    int64_t step = dtype->base->itemsize;
    for (int32_t k = extra - 1; k >= 0; --k) {
      shape[nd + k] = dtype->sub_shape[static_cast<size_t>(k)];
      strides[nd + k] = step;
      step *= dtype->sub_shape[static_cast<size_t>(k)];
    }
    return a.view_as(dtype->base, nd + extra, shape, strides, a.data());
  }
  if (old_size == new_size) return a.view_as(dtype, nd, a.shape(), a.strides(), a.data());
  if (nd == 0) throw_value("Changing the dtype of a 0d array is only supported if the itemsize is unchanged");
  if (new_size == 0) throw_value("Changing the dtype to a 0-sized dtype is not supported");  // NumPy: a new itemsize is required
  int64_t shape[kMaxDims], strides[kMaxDims];
  std::memcpy(shape, a.shape(), sizeof(int64_t) * static_cast<size_t>(nd));
  std::memcpy(strides, a.strides(), sizeof(int64_t) * static_cast<size_t>(nd));
  int32_t last = nd - 1;
  if (shape[last] != 1 && a.size() != 0 && strides[last] != old_size)
    throw_value("To change to a dtype of a different size, the last axis must be contiguous");
  if (new_size < old_size) {
    if (old_size % new_size != 0)
      throw_value("When changing to a smaller dtype, its size must be a divisor of the size of original dtype");
    shape[last] *= old_size / new_size;
  } else {
    int64_t total = shape[last] * old_size;
    if (total % new_size != 0)
      throw_value("When changing to a larger dtype, its size must be a divisor of the total size in bytes of the last "
                  "axis of the array.");
    shape[last] = total / new_size;
  }
  strides[last] = new_size;
  return a.view_as(dtype, nd, shape, strides, a.data());
}

Array field_view(const Array& a, const std::string& name) {
  const Dtype* d = a.dtype();
  if (!is_record(d)) throw_value("no field of name " + name);
  for (const DtypeField& f : d->fields) {
    if (f.name != name && !(f.has_title && f.title == name)) continue;
    const Dtype* fd = f.dtype;
    int32_t nd = a.ndim();
    int64_t shape[kMaxDims], strides[kMaxDims];
    std::memcpy(shape, a.shape(), sizeof(int64_t) * static_cast<size_t>(nd));
    std::memcpy(strides, a.strides(), sizeof(int64_t) * static_cast<size_t>(nd));
    if (is_subarray(fd)) {
      // The field's own axes follow the array's, C-contiguous inside the record.
      int32_t extra = static_cast<int32_t>(fd->sub_shape.size());
      if (nd + extra > kMaxDims) throw_value("too many dimensions");
      int64_t step = fd->base->itemsize;
      for (int32_t k = extra - 1; k >= 0; --k) {
        shape[nd + k] = fd->sub_shape[static_cast<size_t>(k)];
        strides[nd + k] = step;
        step *= fd->sub_shape[static_cast<size_t>(k)];
      }
      return a.view_as(fd->base, nd + extra, shape, strides, a.data() + f.offset);
    }
    return a.view_as(fd, nd, shape, strides, a.data() + f.offset);
  }
  throw_value("no field of name " + name);
}

Array equal_any(const Array& a, const Array& b, bool negate) {
  // Both sides in one descriptor (strings padded to the longer width, native order), then the
  // elements compare as bytes: NumPy's string comparison (trailing NULs are padding) and its
  // bytewise equality of void and records.
  DtypeRef common = dtype_equal(a.dtype(), b.dtype()) ? DtypeRef::borrow(a.dtype()) : promote_any(a.dtype(), b.dtype());
  Array x = dtype_equal(a.dtype(), common.get()) ? a : cast_copy(a, common.get(), CNP_ORDER_K);
  Array y = dtype_equal(b.dtype(), common.get()) ? b : cast_copy(b, common.get(), CNP_ORDER_K);
  const Array* both[2] = {&x, &y};
  int64_t shape[kMaxDims], sx[kMaxDims], sy[kMaxDims];
  int32_t nd = broadcast_shape(2, both, shape, BroadcastError::Ufunc);
  broadcast_strides(x, nd, shape, sx);
  broadcast_strides(y, nd, shape, sy);
  Array out = Array::allocate(builtin_dtype(CNP_BOOL), nd, shape, CNP_ORDER_C);
  if (out.size() == 0) return out;
  const size_t isz = static_cast<size_t>(common->itemsize);
  const int64_t* strides[3] = {out.strides(), sx, sy};
  char* bases[3] = {out.data(), x.data(), y.data()};
  if (is_datetime(common.get())) {
    // NaT equals nothing, itself included (NumPy).
    const uint64_t nat = common->swapped ? __builtin_bswap64(uint64_t{1} << 63) : uint64_t{1} << 63;
    for_each_run<3>(nd, shape, strides, bases, [&](char* const* p, const int64_t* s, int64_t n) {
      for (int64_t i = 0; i < n; ++i) {
        uint64_t u, v;
        std::memcpy(&u, p[1] + i * s[1], 8);
        std::memcpy(&v, p[2] + i * s[2], 8);
        p[0][i * s[0]] = static_cast<char>((u == v && u != nat) != negate);
      }
    });
    return out;
  }
  for_each_run<3>(nd, shape, strides, bases, [&](char* const* p, const int64_t* s, int64_t n) {
    for (int64_t i = 0; i < n; ++i)
      p[0][i * s[0]] = static_cast<char>((std::memcmp(p[1] + i * s[1], p[2] + i * s[2], isz) == 0) != negate);
  });
  return out;
}

void byteswap_array(Array& a) {
  if (a.size() == 0) return;
  const Dtype* d = a.dtype();
  const int64_t* strides[1] = {a.strides()};
  char* bases[1] = {a.data()};
  for_each_run<1>(a.ndim(), a.shape(), strides, bases,
                  [&](char* const* p, const int64_t* s, int64_t n) { byteswap_inplace(p[0], s[0], n, d); });
}

}  // namespace cnp
