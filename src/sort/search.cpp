// searchsorted and in1d: both operands cast to their promoted dtype, compared as canonical keys
// (NumPy's sort order: NaN last, -0.0 == 0.0) or, for complex, with NumPy's complex order.
#include <cstring>
#include <vector>

#include "core/cast.hpp"
#include "core/dtype.hpp"
#include "core/error.hpp"
#include "core/views.hpp"
#include "core/result_type.hpp"
#include "sort/by_method.hpp"
#include "sort/keys.hpp"
#include "sort/kernels.hpp"
#include "sort/sort.hpp"

namespace cnp::sorting {
namespace {

const Dtype* int64_dtype() { return builtin_dtype(CNP_INT64); }

// NumPy's PyArray_FromAny(ndim 1..1) messages for the 1-D arguments.
void require_1d(const Array& a) {
  if (a.ndim() == 0) throw_value("object of too small depth for desired array");
  if (a.ndim() > 1) throw_value("object too deep for desired array");
}

// `a` in dtype d, C-contiguous and aligned: a itself when it already is (no copy), else a copy.
Array contiguous_as(const Array& a, const Dtype* d) {
  if ((a.dtype() == d || (!is_numeric(d) && dtype_equal(a.dtype(), d))) && a.c_contiguous() && a.aligned()) return a;
  return cast_copy(a, d, CNP_ORDER_C);
}

// The common descriptor of two operands: promote_types for numbers, NumPy's result_type (U2 and
// S5 -> U5, a string and a number -> a string) when either has a sort method instead.
DtypeRef common_of(const Array& a, const Array& b) {
  if (is_numeric(a.dtype()) && is_numeric(b.dtype())) return DtypeRef::borrow(promote_types(a.dtype(), b.dtype()));
  const Dtype* ds[2] = {a.dtype(), b.dtype()};
  return promote_sequence(ds, 2);
}

}  // namespace

Array searchsorted(const Array& a, const Array& v, bool right, const Array* sorter) {
  require_1d(a);
  DtypeRef common = common_of(a, v);
  const Dtype* d = common.get();
  const int64_t n = a.shape(0);
  Array hay = contiguous_as(a, d);
  if (sorter) {
    if (sorter->ndim() != 1) throw_type("could not parse sorter argument");
    if (!is_integer(sorter->dtype())) throw_type("sorter must only contain integers");
    if (sorter->size() != n) throw_value("sorter.size must equal a.size");
    Array idx = cast_copy(*sorter, int64_dtype(), CNP_ORDER_C);
    const auto* s = reinterpret_cast<const int64_t*>(idx.data());
    Array g = Array::allocate(d, 1, &n, CNP_ORDER_C);
    const int64_t w = d->itemsize;
    for (int64_t i = 0; i < n; ++i) {
      if (s[i] < 0 || s[i] >= n) throw_value("Sorter index out of range.");
      std::memcpy(g.data() + i * w, hay.data() + s[i] * w, static_cast<size_t>(w));
    }
    hay = g;
  }
  Array needles = contiguous_as(v, d);
  Array out = Array::allocate(int64_dtype(), v.ndim(), v.shape(), CNP_ORDER_C);
  const int64_t m = needles.size();
  if (!is_numeric(d)) {
    method_search(d, hay.data(), n, needles.data(), m, right, reinterpret_cast<int64_t*>(out.data()));
    return out;
  }
  visit_type(d->typenum, [&](auto tag) {
    using T = typename decltype(tag)::type;
    auto hk = keys_of(reinterpret_cast<const T*>(hay.data()), n);
    auto nk = keys_of(reinterpret_cast<const T*>(needles.data()), m);
    search_keys(hk.get(), n, nk.get(), m, right, reinterpret_cast<int64_t*>(out.data()));
  });
  return out;
}

Array in1d(const Array& a, const Array& b, bool invert) {
  DtypeRef common = common_of(a, b);
  const Dtype* d = common.get();
  Array x = ravel(a, CNP_ORDER_C);
  Array hay = cast_copy(ravel(b, CNP_ORDER_C), d, CNP_ORDER_C);
  Array needles = contiguous_as(x, d);
  const int64_t n = needles.size();
  Array out = Array::allocate(builtin_dtype(CNP_BOOL), 1, &n, CNP_ORDER_C);
  auto* o = reinterpret_cast<uint8_t*>(out.data());
  if (!is_numeric(d)) {  // the haystack sorted by its method, each needle found by bisection
    const SortMethod& m = sort_method(d);
    Array sorted = sorted_contiguous(hay, nullptr);
    const int64_t nh = sorted.size(), w = d->itemsize;
    std::vector<int64_t> pos(static_cast<size_t>(n));
    method_search(d, sorted.data(), nh, needles.data(), n, false, pos.data());
    for (int64_t i = 0; i < n; ++i) {
      const char* needle = needles.data() + i * w;
      const bool found = pos[i] < nh && !(m.unequal_to_all && m.unequal_to_all(d, needle)) &&
                         m.equal(d, sorted.data() + pos[i] * w, needle);
      o[i] = static_cast<uint8_t>(found != invert);
    }
    return out;
  }
  visit_type(d->typenum, [&](auto tag) {
    using T = typename decltype(tag)::type;
    // The haystack sorted (NaNs last, where no needle can match them: NaN == NaN is false).
    T* h = reinterpret_cast<T*>(hay.data());
    int64_t nh = hay.size();
    sort_values(h, nh, false);
    while (nh > 0 && is_nan(h[nh - 1])) --nh;
    const T* nv = reinterpret_cast<const T*>(needles.data());
    Scratch<int64_t> pos(n);
    auto hk = keys_of(h, nh);
    auto nk = keys_of(nv, n);
    search_keys(hk.get(), nh, nk.get(), n, false, pos.get());
    for (int64_t i = 0; i < n; ++i) {
      bool found = pos[i] < nh && !is_nan(nv[i]) && hk[pos[i]] == nk[i];
      o[i] = static_cast<uint8_t>(found != invert);
    }
  });
  return out;
}

}  // namespace cnp::sorting
