// Views made by choosing strides: broadcast_to, diagonal, as_strided.
#include <algorithm>

#include "core/error.hpp"
#include "manip/manip.hpp"

namespace cnp {

Array broadcast_view(const Array& a, int32_t ndim, const int64_t* shape) {
  if (ndim < 0 || ndim > kMaxDims) throw_value("maximum supported dimension for an ndarray is 32, found " + std::to_string(ndim));
  if (ndim > 0 && !shape) throw Error(CNP_ERR_INVALID_HANDLE, "shape pointer is NULL");
  if (ndim == 0 && a.ndim() > 0) throw_value("cannot broadcast a non-scalar to a scalar array");
  for (int32_t i = 0; i < ndim; ++i)
    if (shape[i] < 0) throw_value("all elements of broadcast shape must be non-negative");
  // NumPy's nditer refuses an element count beyond int64 first; the view's size check follows.
  int64_t count = 1;
  bool too_large = false, has_zero = false;
  for (int32_t i = 0; i < ndim; ++i) {
    if (shape[i] == 0) has_zero = true;
    else if (!too_large && !mul_fits(count, shape[i], &count)) too_large = true;
  }
  if (too_large && !has_zero) throw_value("iterator is too large");
  checked_size(ndim, shape, a.itemsize());
  int64_t strides[kMaxDims];
  bool ok = a.ndim() <= ndim;
  const int32_t lead = ndim - a.ndim();
  for (int32_t i = 0; i < ndim && ok; ++i) {
    if (i < lead) {
      strides[i] = 0;
      continue;
    }
    const int64_t n = a.shape(i - lead);
    if (n == shape[i]) strides[i] = a.stride(i - lead);
    else if (n == 1) strides[i] = 0;
    else ok = false;
  }
  if (!ok) {
    const std::string s = numpy_shape_string(a.ndim(), a.shape());
    throw_value("operands could not be broadcast together with remapped shapes [original->remapped]: " + s +
                "  and requested shape " + numpy_shape_string(ndim, shape));
  }
  Array v = a.view(ndim, shape, strides, a.data());
  v.set_writeable(false);
  return v;
}

Array diagonal(const Array& a, int64_t offset, int64_t axis1, int64_t axis2) {
  const int32_t nd = a.ndim();
  if (nd < 2) throw_value("diag requires an array of at least two dimensions");
  int64_t a1, a2;
  try {
    a1 = normalize_axis(axis1, nd);
  } catch (const Error& e) {
    throw Error(CNP_ERR_AXIS, std::string("axis1: ") + e.what());
  }
  try {
    a2 = normalize_axis(axis2, nd);
  } catch (const Error& e) {
    throw Error(CNP_ERR_AXIS, std::string("axis2: ") + e.what());
  }
  if (a1 == a2) throw_value("axis1 and axis2 cannot be the same");
  int64_t n1 = a.shape(static_cast<int32_t>(a1)), n2 = a.shape(static_cast<int32_t>(a2));
  char* data = a.data();
  int64_t len;
  if (offset >= 0) {
    len = std::max<int64_t>(0, std::min(n1, n2 - offset));
    if (len > 0) data += offset * a.stride(static_cast<int32_t>(a2));
  } else {
    len = std::max<int64_t>(0, std::min(n1 + offset, n2));
    if (len > 0) data -= offset * a.stride(static_cast<int32_t>(a1));
  }
  int64_t shape[kMaxDims], strides[kMaxDims];
  int32_t k = 0;
  for (int32_t d = 0; d < nd; ++d) {
    if (d == a1 || d == a2) continue;
    shape[k] = a.shape(d);
    strides[k++] = a.stride(d);
  }
  shape[k] = len;
  strides[k++] = a.stride(static_cast<int32_t>(a1)) + a.stride(static_cast<int32_t>(a2));
  Array v = a.view(k, shape, strides, data);
  v.set_writeable(false);
  return v;
}

Array as_strided(const Array& a, int32_t ndim, const int64_t* shape, const int64_t* strides, bool writeable) {
  if (ndim < 0 || ndim > kMaxDims) throw_value("maximum supported dimension for an ndarray is 32, found " + std::to_string(ndim));
  if (ndim > 0 && (!shape || !strides)) throw Error(CNP_ERR_INVALID_HANDLE, "shape pointer is NULL");
  checked_size(ndim, shape, a.itemsize());
  // Checked arithmetic: strides like {1 << 62, 8} must not wrap the extent back inside the buffer.
  int64_t lo, hi;
  if (!byte_extent(ndim, shape, strides, a.itemsize(), &lo, &hi))
    throw_value("as_strided view would reach outside the array's memory");
  Buffer* b = a.buffer();
  if (b && hi > lo) {
    const int64_t off = a.data() - b->base;
    int64_t start, end;
    if (!add_fits(off, lo, &start) || !add_fits(off, hi, &end) || start < 0 || end > b->nbytes)
      throw_value("as_strided view would reach outside the array's memory");
  }
  Array v = a.view(ndim, shape, strides, a.data());
  if (!writeable) v.set_writeable(false);
  return v;
}

}  // namespace cnp
