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
  int64_t lo = 0, hi = 0;
  bool empty = false;
  for (int32_t i = 0; i < ndim; ++i) {
    if (shape[i] < 0) throw_value("negative dimensions are not allowed");
    if (shape[i] == 0) empty = true;
  }
  if (!empty) {
    for (int32_t i = 0; i < ndim; ++i) {
      int64_t e = (shape[i] - 1) * strides[i];
      if (e < 0) lo += e;
      else hi += e;
    }
    Buffer* b = a.buffer();
    if (b) {
      const char* start = a.data() + lo;
      const char* end = a.data() + hi + a.itemsize();
      if (start < b->base || end > b->base + b->nbytes)
        throw_value("as_strided view would reach outside the array's memory");
    }
  }
  Array v = a.view(ndim, shape, strides, a.data());
  if (!writeable) v.set_writeable(false);
  return v;
}

}  // namespace cnp
