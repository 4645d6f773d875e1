// C entry points of the sorting module (include/cnumpy/sort.h): validate handles and strings,
// call src/sort.
#include "cnumpy/sort.h"

#include <optional>
#include <vector>

#include "capi/guard.hpp"
#include "sort/sort.hpp"

using namespace cnp;
using namespace cnp::capi;
namespace so = cnp::sorting;

namespace {
// Numbers go to the numeric kernels in native byte order (array_of); other kinds as they are,
// to be ordered by their sort method (src/sort/methods.hpp) or refused there.
const Array& sort_input(const cnp_array* h) {
  const Array& a = any_array_of(h);
  return is_numeric(a.dtype()) ? array_of(h) : a;
}
Array& sort_target(cnp_array* h) {
  Array& a = any_array_of(h);
  return is_numeric(a.dtype()) ? array_of(h) : a;
}
// NumPy's order= as a list of names: NULL (with norder 0) is None.
std::optional<so::Order> order_of(const char* const* order, int32_t norder) {
  if (!order) {
    if (norder != 0) throw Error(CNP_ERR_INVALID_HANDLE, "order pointer is NULL");
    return std::nullopt;
  }
  if (norder < 0) throw_value("norder must not be negative");
  so::Order o;
  for (int32_t i = 0; i < norder; ++i) {
    if (!order[i]) throw Error(CNP_ERR_INVALID_HANDLE, "order name is NULL");
    o.emplace_back(order[i]);
  }
  return o;
}
const so::Order* opt(const std::optional<so::Order>& o) { return o ? &*o : nullptr; }
}  // namespace

extern "C" {

CNP_API cnp_status cnp_sort(const cnp_array* a, const int64_t* axis, const char* kind, cnp_array** out) {
  return produce(out, [&] { return so::sort(sort_input(a), axis, so::parse_kind(kind)); });
}

CNP_API cnp_status cnp_array_sort(cnp_array* a, int64_t axis, const char* kind) {
  return run([&] { so::sort_inplace(sort_target(a), axis, so::parse_kind(kind)); });
}

CNP_API cnp_status cnp_argsort(const cnp_array* a, const int64_t* axis, const char* kind, cnp_array** out) {
  return produce(out, [&] { return so::argsort(sort_input(a), axis, so::parse_kind(kind)); });
}

CNP_API cnp_status cnp_partition(const cnp_array* a, const cnp_array* kth, const int64_t* axis, const char* kind,
                                 cnp_array** out) {
  return produce(out, [&] {
    so::check_select_kind(kind);
    return so::partition(sort_input(a), array_of(kth), axis);
  });
}

CNP_API cnp_status cnp_array_partition(cnp_array* a, const cnp_array* kth, int64_t axis, const char* kind) {
  return run([&] {
    so::check_select_kind(kind);
    so::partition_inplace(sort_target(a), array_of(kth), axis);
  });
}

CNP_API cnp_status cnp_argpartition(const cnp_array* a, const cnp_array* kth, const int64_t* axis, const char* kind,
                                    cnp_array** out) {
  return produce(out, [&] {
    so::check_select_kind(kind);
    return so::argpartition(sort_input(a), array_of(kth), axis);
  });
}

CNP_API cnp_status cnp_sort_order(const cnp_array* a, const int64_t* axis, const char* kind, const char* const* order,
                                  int32_t norder, cnp_array** out) {
  return produce(out, [&] {
    const so::Kind k = so::parse_kind(kind);
    const auto o = order_of(order, norder);
    return so::sort(sort_input(a), axis, k, opt(o));
  });
}

CNP_API cnp_status cnp_array_sort_order(cnp_array* a, int64_t axis, const char* kind, const char* const* order,
                                        int32_t norder) {
  return run([&] {
    const so::Kind k = so::parse_kind(kind);
    const auto o = order_of(order, norder);
    so::sort_inplace(sort_target(a), axis, k, opt(o));
  });
}

CNP_API cnp_status cnp_argsort_order(const cnp_array* a, const int64_t* axis, const char* kind,
                                     const char* const* order, int32_t norder, cnp_array** out) {
  return produce(out, [&] {
    const so::Kind k = so::parse_kind(kind);
    const auto o = order_of(order, norder);
    return so::argsort(sort_input(a), axis, k, opt(o));
  });
}

CNP_API cnp_status cnp_partition_order(const cnp_array* a, const cnp_array* kth, const int64_t* axis, const char* kind,
                                       const char* const* order, int32_t norder, cnp_array** out) {
  return produce(out, [&] {
    so::check_select_kind(kind);
    const auto o = order_of(order, norder);
    return so::partition(sort_input(a), array_of(kth), axis, opt(o));
  });
}

CNP_API cnp_status cnp_array_partition_order(cnp_array* a, const cnp_array* kth, int64_t axis, const char* kind,
                                             const char* const* order, int32_t norder) {
  return run([&] {
    so::check_select_kind(kind);
    const auto o = order_of(order, norder);
    so::partition_inplace(sort_target(a), array_of(kth), axis, opt(o));
  });
}

CNP_API cnp_status cnp_argpartition_order(const cnp_array* a, const cnp_array* kth, const int64_t* axis,
                                          const char* kind, const char* const* order, int32_t norder,
                                          cnp_array** out) {
  return produce(out, [&] {
    so::check_select_kind(kind);
    const auto o = order_of(order, norder);
    return so::argpartition(sort_input(a), array_of(kth), axis, opt(o));
  });
}

CNP_API cnp_status cnp_lexsort(int32_t n, const cnp_array* const* keys, int64_t axis, cnp_array** out) {
  return produce(out, [&] {
    if (n < 0 || (n > 0 && !keys)) throw Error(CNP_ERR_INVALID_HANDLE, "keys pointer is NULL");
    std::vector<Array> k;
    for (int32_t i = 0; i < n; ++i) k.push_back(sort_input(keys[i]));
    return so::lexsort(k, axis);
  });
}

CNP_API cnp_status cnp_searchsorted(const cnp_array* a, const cnp_array* v, const char* side, const cnp_array* sorter,
                                    cnp_array** out) {
  return produce(out, [&] {
    return so::searchsorted(sort_input(a), sort_input(v), side ? so::parse_side(side) : false, opt_array(sorter));
  });
}

CNP_API cnp_status cnp_unique(const cnp_array* a, int32_t equal_nan, cnp_array** values, cnp_array** index,
                              cnp_array** inverse, cnp_array** counts) {
  // values is required; the other results only when asked for (all or nothing: guard.hpp).
  return produce({Result{values}, Result{index, true}, Result{inverse, true}, Result{counts, true}},
                 [&](std::array<std::optional<Array>, 4>& r) {
                   Array v, i, inv, c;
                   so::unique(sort_input(a), equal_nan != 0, &v, index ? &i : nullptr, inverse ? &inv : nullptr,
                              counts ? &c : nullptr);
                   r[0] = std::move(v);
                   if (index) r[1] = std::move(i);
                   if (inverse) r[2] = std::move(inv);
                   if (counts) r[3] = std::move(c);
                 });
}

CNP_API cnp_status cnp_in1d(const cnp_array* a, const cnp_array* b, int32_t invert, cnp_array** out) {
  return produce(out, [&] { return so::in1d(sort_input(a), sort_input(b), invert != 0); });
}

}  // extern "C"
