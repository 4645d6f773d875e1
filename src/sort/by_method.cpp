// The sorting functions on descriptors the numeric kernels do not know, through their sort
// method (sort/methods.hpp): lanes gathered as bytes into contiguous buffers, ordered by the
// method's stable argsort, elements moved back as bytes (core/cast.hpp's copy_items).
#include "sort/by_method.hpp"

#include <algorithm>
#include <cstring>
#include <numeric>
#include <vector>

#include "core/cast.hpp"
#include "core/error.hpp"
#include "core/views.hpp"
#include "sort/lanes.hpp"

namespace cnp::sorting {

namespace {
void resolve_sort(const Method& m, const Dtype* const*, ResolvedLoop& r) { r.data = m.data; }
}  // namespace

void add_sort_method(LoopRegistry& r, DClass cls, const SortMethod* sm) {
  Method m;
  m.name = "sort";
  m.nin = 1;
  m.nout = 0;
  m.sig[0] = cls;
  m.resolve = &resolve_sort;
  m.data = sm;
  r.add(kOpSort, m);
}

const SortMethod& sort_method(const Dtype* d) {
  const Method* m = loop_registry().find(kOpSort, &d, 1);
  if (!m || is_record(d) || is_subarray(d))
    throw_type("cnumpy: sorting arrays of " + dtype_repr(d) + " is not supported");
  return *static_cast<const SortMethod*>(m->data);
}

void method_argsort(const SortMethod& m, const Dtype* d, const char* v, int64_t n, int64_t* out) {
  if (m.argsort) return m.argsort(d, v, n, out);
  std::iota(out, out + n, int64_t{0});
  const int64_t w = d->itemsize;
  std::stable_sort(out, out + n, [&](int64_t a, int64_t b) { return m.less(d, v + a * w, v + b * w); });
}

void method_sort_inplace(Array& a, int32_t axis) {
  const SortMethod& m = sort_method(a.dtype());
  const Dtype* d = a.dtype();
  const int64_t w = d->itemsize;
  Lanes<1> L = lanes_of<1>({&a}, axis);
  const int64_t n = L.n;
  run_lanes(static_cast<int64_t>(L.starts.size()), n, [&](int64_t lo, int64_t hi) {
    std::vector<char> buf(static_cast<size_t>(n * w));
    std::vector<int64_t> perm(static_cast<size_t>(n));
    for (int64_t l = lo; l < hi; ++l) {
      char* p = L.starts[l][0];
      copy_items(p, L.stride[0], buf.data(), w, n, w);
      method_argsort(m, d, buf.data(), n, perm.data());
      for (int64_t i = 0; i < n; ++i) std::memcpy(p + i * L.stride[0], buf.data() + perm[i] * w, static_cast<size_t>(w));
    }
  });
}

Array method_argsort_axis(const Array& a, int32_t axis) {
  const SortMethod& m = sort_method(a.dtype());
  const Dtype* d = a.dtype();
  const int64_t w = d->itemsize;
  Array out = Array::allocate(builtin_dtype(CNP_INT64), a.ndim(), a.shape(), CNP_ORDER_C);
  Lanes<2> L = lanes_of<2>({&a, &out}, axis);
  const int64_t n = L.n;
  run_lanes(static_cast<int64_t>(L.starts.size()), n, [&](int64_t lo, int64_t hi) {
    std::vector<char> buf(static_cast<size_t>(n * w));
    std::vector<int64_t> perm(static_cast<size_t>(n));
    for (int64_t l = lo; l < hi; ++l) {
      const char* v = L.starts[l][0];
      if (L.stride[0] != w) {
        copy_items(v, L.stride[0], buf.data(), w, n, w);
        v = buf.data();
      }
      method_argsort(m, d, v, n, perm.data());
      scatter(perm.data(), n, L.starts[l][1], L.stride[1]);
    }
  });
  return out;
}

void method_argsort_gathered(const Array& key, const char* lane, int64_t stride, const int64_t* perm, int64_t n,
                             int64_t* out) {
  const SortMethod& m = sort_method(key.dtype());
  const int64_t w = key.itemsize();
  std::vector<char> g(static_cast<size_t>(n * w));
  for (int64_t i = 0; i < n; ++i) std::memcpy(g.data() + i * w, lane + perm[i] * stride, static_cast<size_t>(w));
  method_argsort(m, key.dtype(), g.data(), n, out);
}

Array sorted_contiguous(const Array& flat, std::vector<int64_t>* perm_out) {
  const SortMethod& m = sort_method(flat.dtype());
  const int64_t n = flat.size(), w = flat.itemsize();
  std::vector<int64_t> local;
  std::vector<int64_t>& perm = perm_out ? *perm_out : local;
  perm.resize(static_cast<size_t>(n));
  method_argsort(m, flat.dtype(), flat.data(), n, perm.data());
  Array out = Array::allocate(flat.dtype(), 1, &n, CNP_ORDER_C);
  for (int64_t i = 0; i < n; ++i)
    std::memcpy(out.data() + i * w, flat.data() + perm[i] * w, static_cast<size_t>(w));
  return out;
}

void method_search(const Dtype* d, const char* hay, int64_t nh, const char* needles, int64_t nn, bool right,
                   int64_t* out) {
  const SortMethod& m = sort_method(d);
  const int64_t w = d->itemsize;
  for (int64_t j = 0; j < nn; ++j) {
    const char* x = needles + j * w;
    int64_t lo = 0, hi = nh;
    while (lo < hi) {
      const int64_t mid = lo + (hi - lo) / 2;
      const char* h = hay + mid * w;
      // left: first position not less than x; right: first position greater than x.
      if (right ? !m.less(d, x, h) : m.less(d, h, x)) lo = mid + 1;
      else hi = mid;
    }
    out[j] = lo;
  }
}

}  // namespace cnp::sorting
