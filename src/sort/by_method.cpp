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
#include "sort/kernels.hpp"
#include "sort/lanes.hpp"

namespace cnp::sorting {

namespace {
void resolve_sort(const Method& m, const Dtype* const*, ResolvedLoop& r) { r.data = m.data; }

template <int W>
void gather_fixed(char* dst, int64_t ds, const char* src, const int64_t* perm, int64_t n) {
  for (int64_t i = 0; i < n; ++i) std::memcpy(dst + i * ds, src + perm[i] * W, W);
}

// dst[i * ds] = element perm[i] of the contiguous src, for n elements of w bytes: fixed-size
// copies (inlined moves) for the common widths, a memcpy call otherwise.
void gather_perm(char* dst, int64_t ds, const char* src, const int64_t* perm, int64_t n, int64_t w) {
  switch (w) {
#define CNP_GATHER(W) \
  case W: return gather_fixed<W>(dst, ds, src, perm, n);
    CNP_GATHER(1) CNP_GATHER(2) CNP_GATHER(3) CNP_GATHER(4) CNP_GATHER(5) CNP_GATHER(6) CNP_GATHER(7)
    CNP_GATHER(8) CNP_GATHER(12) CNP_GATHER(16) CNP_GATHER(20) CNP_GATHER(24) CNP_GATHER(28) CNP_GATHER(32)
    CNP_GATHER(36) CNP_GATHER(40) CNP_GATHER(44) CNP_GATHER(48) CNP_GATHER(52) CNP_GATHER(56) CNP_GATHER(60)
    CNP_GATHER(64) CNP_GATHER(80) CNP_GATHER(92) CNP_GATHER(96) CNP_GATHER(128)
#undef CNP_GATHER
    default:
      for (int64_t i = 0; i < n; ++i) std::memcpy(dst + i * ds, src + perm[i] * w, static_cast<size_t>(w));
  }
}
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
  if (!m || is_subarray(d))
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
    // Uninitialised scratch from the library's recycling allocator (zero-filled vectors cost a
    // page fault and a memset per page before the sort even starts).
    Scratch<char> buf(n * w);
    Scratch<int64_t> perm(n);
    for (int64_t l = lo; l < hi; ++l) {
      char* p = L.starts[l][0];
      copy_items(p, L.stride[0], buf.get(), w, n, w);
      method_argsort(m, d, buf.get(), n, perm.get());
      gather_perm(p, L.stride[0], buf.get(), perm.get(), n, w);
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
    Scratch<char> buf(L.stride[0] != w ? n * w : 0);
    Scratch<int64_t> perm(L.stride[1] != 8 ? n : 0);
    for (int64_t l = lo; l < hi; ++l) {
      const char* v = L.starts[l][0];
      if (L.stride[0] != w) {
        copy_items(v, L.stride[0], buf.get(), w, n, w);
        v = buf.get();
      }
      int64_t* o = L.stride[1] == 8 ? reinterpret_cast<int64_t*>(L.starts[l][1]) : perm.get();
      method_argsort(m, d, v, n, o);
      if (L.stride[1] != 8) scatter(perm.get(), n, L.starts[l][1], L.stride[1]);
    }
  });
  return out;
}

void method_argsort_gathered(const Array& key, const char* lane, int64_t stride, const int64_t* perm, int64_t n,
                             int64_t* out) {
  const SortMethod& m = sort_method(key.dtype());
  const int64_t w = key.itemsize();
  Scratch<char> g(n * w);
  for (int64_t i = 0; i < n; ++i) std::memcpy(g.get() + i * w, lane + perm[i] * stride, static_cast<size_t>(w));
  method_argsort(m, key.dtype(), g.get(), n, out);
}

Array sorted_contiguous(const Array& flat, std::vector<int64_t>* perm_out) {
  const SortMethod& m = sort_method(flat.dtype());
  const int64_t n = flat.size(), w = flat.itemsize();
  Scratch<int64_t> local(perm_out ? 0 : n);
  if (perm_out) perm_out->resize(static_cast<size_t>(n));
  int64_t* perm = perm_out ? perm_out->data() : local.get();
  method_argsort(m, flat.dtype(), flat.data(), n, perm);
  Array out = Array::allocate(flat.dtype(), 1, &n, CNP_ORDER_C);
  gather_perm(out.data(), w, flat.data(), perm, n, w);
  return out;
}

void method_search(const Dtype* d, const char* hay, int64_t nh, const char* needles, int64_t nn, bool right,
                   int64_t* out) {
  const SortMethod& m = sort_method(d);
  if (m.search) return m.search(d, hay, nh, needles, nn, right, out);
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
