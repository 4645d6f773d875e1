// unique (NumPy 1.24's _unique1d: sort once, then one pass over the sorted values) and lexsort
// (successive stable argsorts, least significant key first).
#include <cstring>
#include <numeric>

#include "core/cast.hpp"
#include "core/dtype.hpp"
#include "core/error.hpp"
#include "core/views.hpp"
#include "sort/by_method.hpp"
#include "sort/keys.hpp"
#include "sort/kernels.hpp"
#include "sort/lanes.hpp"
#include "sort/sort.hpp"

namespace cnp::sorting {
namespace {

// NumPy's `==` between two elements of one dtype (NaN equals nothing; -0.0 == 0.0).
template <class T>
bool same(const T& x, const T& y) {
  if constexpr (std::is_same_v<T, half_t>) return half_to_float(x.bits) == half_to_float(y.bits);
  else if constexpr (std::is_same_v<T, bool_t>) return (x.v != 0) == (y.v != 0);
  else return x == y;
}

Array int64_vector(int64_t n) { return Array::allocate(builtin_dtype(CNP_INT64), 1, &n, CNP_ORDER_C); }

// unique's index, inverse and counts from the sorted order: perm[i] is the i-th element in
// sorted order and mask[i] says whether it starts one of the `groups` groups.
void group_outputs(const std::vector<uint8_t>& mask, const int64_t* perm, int64_t n, int64_t groups, Array* index,
                   Array* inverse, Array* counts) {
  if (index) {
    *index = int64_vector(groups);
    auto* o = reinterpret_cast<int64_t*>(index->data());
    for (int64_t i = 0, j = 0; i < n; ++i)
      if (mask[i]) o[j++] = perm[i];
  }
  if (inverse) {
    *inverse = int64_vector(n);
    auto* o = reinterpret_cast<int64_t*>(inverse->data());
    for (int64_t i = 0, g = -1; i < n; ++i) {
      g += mask[i];
      o[perm[i]] = g;
    }
  }
  if (counts) {
    *counts = int64_vector(groups);
    auto* o = reinterpret_cast<int64_t*>(counts->data());
    for (int64_t i = 0, j = -1; i < n; ++i) {
      if (mask[i]) o[++j] = 0;
      ++o[j];
    }
  }
}

}  // namespace

namespace {
// unique of a dtype with a sort method: one stable argsort, groups split where the method's
// equality says two neighbours (in sorted order) differ. The sorted copy is never written out:
// neighbours are compared through the permutation and only the group representatives are
// gathered (writing 10**6 sorted strings cost more, in page faults alone, than the sort).
// Without equal_nan, elements NumPy's == finds unequal to everything (NaT) each form a group of
// their own, as NumPy's `aux[1:] != aux[:-1]` makes them; with it they collapse into one.
void unique_by_method(const Array& flat, bool equal_nan, Array* values, Array* index, Array* inverse,
                      Array* counts) {
  const SortMethod& m = sort_method(flat.dtype());
  const Dtype* d = flat.dtype();
  const int64_t n = flat.size(), w = d->itemsize;
  std::vector<int64_t> perm(static_cast<size_t>(n));
  method_argsort(m, d, flat.data(), n, perm.data());
  const char* s = flat.data();
  std::vector<uint8_t> mask(static_cast<size_t>(n));
  int64_t groups = 0;
  const bool split_all = !equal_nan && m.unequal_to_all;
  for (int64_t i = 0; i < n; ++i) {
    const char* cur = s + perm[i] * w;
    mask[i] = i == 0 || !m.equal(d, cur, s + perm[i - 1] * w) || (split_all && m.unequal_to_all(d, cur));
    groups += mask[i];
  }
  if (values) {
    *values = Array::allocate(d, 1, &groups, CNP_ORDER_C);
    for (int64_t i = 0, j = 0; i < n; ++i)
      if (mask[i]) std::memcpy(values->data() + w * j++, s + perm[i] * w, static_cast<size_t>(w));
  }
  group_outputs(mask, perm.data(), n, groups, index, inverse, counts);
}
}  // namespace

void unique(const Array& a, bool equal_nan, Array* values, Array* index, Array* inverse, Array* counts) {
  if (!is_numeric(a.dtype())) {  // read only: a C-contiguous input is used as it is
    Array flat = ravel(a, CNP_ORDER_C);
    if (!flat.c_contiguous()) flat = flatten(a, CNP_ORDER_C);
    return unique_by_method(flat, equal_nan, values, index, inverse, counts);
  }
  Array flat = flatten(a, CNP_ORDER_C);
  const int64_t n = flat.size();
  visit_type(a.dtype()->typenum, [&](auto tag) {
    using T = typename decltype(tag)::type;
    T* v = reinterpret_cast<T*>(flat.data());
    // Ties are kept in input order (a stable sort) so that which of -0.0/+0.0 (or of several
    // NaNs) represents its group is the first one met, as NumPy gives for small arrays and for
    // return_index (it uses a stable sort then).
    std::vector<int64_t> perm;
    std::vector<T> sorted_copy;
    const T* aux = v;
    if (index || inverse) {
      perm.resize(static_cast<size_t>(n));
      argsort_values(v, n, perm.data());
      sorted_copy.resize(static_cast<size_t>(n));
      for (int64_t i = 0; i < n; ++i) sorted_copy[i] = v[perm[i]];
      aux = sorted_copy.data();
    } else {
      sort_values(v, n, true);
    }
    // mask[i]: aux[i] starts a new group. With equal_nan the NaNs (sorted last) form one group.
    std::vector<uint8_t> mask(static_cast<size_t>(n));
    int64_t first_nan = n;
    if constexpr (is_complex_v<T> || is_fp_v<T>) {
      if (equal_nan && n > 0 && is_nan(aux[n - 1])) {
        first_nan = n - 1;
        while (first_nan > 0 && is_nan(aux[first_nan - 1])) --first_nan;
      }
    }
    int64_t m = 0;
    for (int64_t i = 0; i < n; ++i) {
      mask[i] = i == 0 || (i < first_nan ? !same(aux[i], aux[i - 1]) : i == first_nan);
      m += mask[i];
    }
    if (values) {
      *values = Array::allocate(a.dtype(), 1, &m, CNP_ORDER_C);
      T* o = reinterpret_cast<T*>(values->data());
      for (int64_t i = 0, j = 0; i < n; ++i)
        if (mask[i]) o[j++] = aux[i];
    }
    group_outputs(mask, perm.data(), n, m, index, inverse, counts);
  });
}

Array lexsort(const std::vector<Array>& keys, int64_t axis) {
  if (keys.empty()) throw_type("need sequence of keys with len > 0 in lexsort");
  const Array& k0 = keys[0];
  for (const Array& k : keys)
    if (k.ndim() != k0.ndim() || !std::equal(k.shape(), k.shape() + k.ndim(), k0.shape()))
      throw_value("all keys need to be the same shape");
  if (k0.ndim() == 0)  // NumPy answers 0 (a 0-d result) for 0-d keys
    return Array::allocate(builtin_dtype(CNP_INT64), 0, nullptr, CNP_ORDER_C, true);
  int32_t ax = static_cast<int32_t>(normalize_axis(axis, k0.ndim()));
  for (const Array& k : keys)
    if (!is_numeric(k.dtype())) sort_method(k.dtype());  // refused before any work starts
  Array out = Array::allocate(builtin_dtype(CNP_INT64), k0.ndim(), k0.shape(), CNP_ORDER_C);
  // Lanes of (out, key j): ordered by out's strides, so lane l is the same lane for every key.
  std::vector<Lanes<2>> lanes;
  for (const Array& k : keys) lanes.push_back(lanes_of<2>({&out, &k}, ax));
  const int64_t n = lanes[0].n;
  run_lanes(static_cast<int64_t>(lanes[0].starts.size()), n, [&](int64_t lo, int64_t hi) {
    std::vector<int64_t> perm(static_cast<size_t>(n)), q(perm.size()), next(perm.size());
    for (int64_t l = lo; l < hi; ++l) {
      std::iota(perm.begin(), perm.end(), int64_t{0});
      for (size_t j = 0; j < keys.size(); ++j) {
        if (!is_numeric(keys[j].dtype())) {
          method_argsort_gathered(keys[j], lanes[j].starts[l][1], lanes[j].stride[1], perm.data(), n, q.data());
        } else visit_type(keys[j].dtype()->typenum, [&](auto tag) {
          using T = typename decltype(tag)::type;
          std::vector<T> g(static_cast<size_t>(n));
          const char* p = lanes[j].starts[l][1];
          for (int64_t i = 0; i < n; ++i) g[i] = load_elem<T>(p + perm[i] * lanes[j].stride[1]);
          argsort_values(g.data(), n, q.data());
        });
        for (int64_t i = 0; i < n; ++i) next[i] = perm[q[i]];
        perm.swap(next);
      }
      scatter(perm.data(), n, lanes[0].starts[l][0], lanes[0].stride[0]);
    }
  });
  return out;
}

}  // namespace cnp::sorting
