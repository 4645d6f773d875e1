// numpy.repeat: every slice along the axis copied `repeats` times, as contiguous blocks.
#include <cstring>
#include <vector>

#include "core/cast.hpp"
#include "core/error.hpp"
#include "core/views.hpp"
#include "manip/manip.hpp"

namespace cnp {

Array repeat(const Array& a0, const Array& repeats, const int64_t* axis) {
  check_cast(repeats.dtype(), builtin_dtype(CNP_INT64), CNP_CASTING_SAFE);
  Array a = axis ? a0 : ravel(a0, CNP_ORDER_C);
  if (a.ndim() == 0) {  // NumPy repeats a 0-d array as shape (1,)
    int64_t one = 1, s = a.itemsize();
    a = a.view(1, &one, &s, a.data());
  }
  const int32_t ax = axis ? static_cast<int32_t>(normalize_axis(*axis, a.ndim())) : 0;
  const int64_t n = a.shape(ax);
  Array r = cast_copy(repeats, builtin_dtype(CNP_INT64), CNP_ORDER_C);
  const int64_t* rv = reinterpret_cast<const int64_t*>(r.data());
  const int64_t nr = r.size();
  if (nr != 1 && nr != n)
    throw_value("operands could not be broadcast together with shape (" + std::to_string(n) + ",) (" +
                std::to_string(nr) + ",)");
  int64_t total = 0;
  for (int64_t i = 0; i < nr; ++i)
    if (rv[i] < 0) throw_value("repeats may not contain negative values.");
  if (nr == 1) total = rv[0] * n;
  else
    for (int64_t i = 0; i < n; ++i) total += rv[i];
  int64_t shape[kMaxDims];
  std::copy(a.shape(), a.shape() + a.ndim(), shape);
  shape[ax] = total;
  Array out = Array::allocate(a.dtype(), a.ndim(), shape, CNP_ORDER_C);
  if (out.size() == 0) return out;
  Array src = a.c_contiguous() ? a : cast_copy(a, a.dtype(), CNP_ORDER_C);
  int64_t outer = 1, chunk = a.itemsize();
  for (int32_t d = 0; d < ax; ++d) outer *= a.shape(d);
  for (int32_t d = ax + 1; d < a.ndim(); ++d) chunk *= a.shape(d);
  const char* s = src.data();
  char* o = out.data();
  for (int64_t k = 0; k < outer; ++k)
    for (int64_t i = 0; i < n; ++i, s += chunk) {
      const int64_t times = nr == 1 ? rv[0] : rv[i];
      if (chunk == 8) {
        uint64_t v;
        std::memcpy(&v, s, 8);
        for (int64_t t = 0; t < times; ++t, o += 8) std::memcpy(o, &v, 8);
      } else {
        for (int64_t t = 0; t < times; ++t, o += chunk) std::memcpy(o, s, static_cast<size_t>(chunk));
      }
    }
  return out;
}

}  // namespace cnp
