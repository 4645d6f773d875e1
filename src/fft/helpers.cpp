// numpy.fft's helpers: fftfreq, rfftfreq, fftshift, ifftshift.
#include <cstring>

#include "core/dtype.hpp"
#include "core/error.hpp"
#include "fft/transforms.hpp"

namespace cnp::fft {

Array fftfreq(int64_t n, double d, bool real) {
  if (n < 0) throw_value("negative dimensions are not allowed");
  if (n * d == 0.0) throw Error(CNP_ERR_ZERO_DIVISION, "float division by zero");
  double val = 1.0 / (static_cast<double>(n) * d);
  int64_t len = real ? n / 2 + 1 : n;
  Array out = Array::allocate(builtin_dtype(CNP_FLOAT64), 1, &len, CNP_ORDER_C);
  double* p = reinterpret_cast<double*>(out.data());
  int64_t npos = real ? len : (n - 1) / 2 + 1;
  for (int64_t i = 0; i < npos; ++i) p[i] = static_cast<double>(i) * val;
  for (int64_t i = npos; i < len; ++i) p[i] = static_cast<double>(i - n) * val;  // -(n//2) .. -1
  return out;
}

namespace {

void roll_copy(int dim, int ndim, const int64_t* shape, const int64_t* sstrides, const int64_t* dstrides,
               const int64_t* shift, const char* src, char* dst, int64_t itemsize) {
  int64_t n = shape[dim];
  for (int64_t i = 0; i < n; ++i) {
    int64_t j = i - shift[dim];  // out[i] = in[(i - shift) mod n]
    j %= n;
    if (j < 0) j += n;
    const char* s = src + j * sstrides[dim];
    char* d = dst + i * dstrides[dim];
    if (dim + 1 == ndim)
      std::memcpy(d, s, itemsize);
    else
      roll_copy(dim + 1, ndim, shape, sstrides, dstrides, shift, s, d, itemsize);
  }
}

}  // namespace

Array fftshift(const Array& x, const int64_t* axes, int32_t naxes, bool inverse) {
  int64_t shift[kMaxDims] = {};
  auto add = [&](int ax) {
    int64_t half = x.shape(ax) / 2;
    shift[ax] += inverse ? -half : half;
  };
  if (!axes || naxes < 0) {
    for (int i = 0; i < x.ndim(); ++i) add(i);
  } else {
    for (int32_t k = 0; k < naxes; ++k) add(static_cast<int>(normalize_axis(axes[k], x.ndim())));
  }
  Array out = Array::allocate(x.dtype(), x.ndim(), x.shape(), CNP_ORDER_C);
  if (out.size() == 0) return out;
  if (x.ndim() == 0) {
    std::memcpy(out.data(), x.data(), x.itemsize());
    return out;
  }
  roll_copy(0, x.ndim(), x.shape(), x.strides(), out.strides(), shift, x.data(), out.data(), x.itemsize());
  return out;
}

}  // namespace cnp::fft
