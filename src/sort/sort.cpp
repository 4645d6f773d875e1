// sort, argsort, partition, argpartition along an axis: argument rules and messages as NumPy 1.24,
// lanes gathered into contiguous buffers (or used in place when already contiguous) and handed
// to the typed kernels.
#include "sort/sort.hpp"

#include <algorithm>
#include <cstring>
#include <string>

#include "core/cast.hpp"
#include "core/dtype.hpp"
#include "core/error.hpp"
#include "core/views.hpp"
#include "sort/by_method.hpp"
#include "sort/kernels.hpp"
#include "sort/lanes.hpp"

namespace cnp::sorting {

Kind parse_kind(const char* kind) {
  if (!kind) return Kind::quick;
  switch (kind[0]) {
    case 'q': case 'Q': return Kind::quick;
    case 'm': case 'M': return Kind::merge;
    case 'h': case 'H': return Kind::heap;
    case 's': case 'S': return Kind::stable;
    default: throw_value(std::string("sort kind must be one of 'quick', 'heap', or 'stable' (got '") + kind + "')");
  }
}

void check_select_kind(const char* kind) {
  if (kind && std::strcmp(kind, "introselect") != 0)
    throw_value(std::string("select kind must be 'introselect' (got '") + kind + "')");
}

bool parse_side(const char* side) {
  if (side && (side[0] == 'l' || side[0] == 'L')) return false;
  if (side && (side[0] == 'r' || side[0] == 'R')) return true;
  throw_value(std::string("search side must be 'left' or 'right' (got '") + (side ? side : "") + "')");
}

namespace {

bool is_stable(Kind k) { return k == Kind::stable || k == Kind::merge; }

// The kth argument: integers (a scalar or 1-D), negative ones counted from the end; returned
// ascending and distinct, as the kernels want them. Like NumPy, an empty array checks only the
// type (there is nothing to partition).
std::vector<int64_t> kth_list(const Array& kth, int64_t n, bool empty) {
  if (kth.ndim() > 1) throw_value("object too deep for desired array");
  if (!is_integer(kth.dtype()) && kth.dtype()->kind != 'b') throw_type("Partition index must be integer");
  if (empty) return {};
  Array k = cast_copy(kth, builtin_dtype(CNP_INT64), CNP_ORDER_C);
  std::vector<int64_t> ks(static_cast<size_t>(k.size()));
  std::memcpy(ks.data(), k.data(), ks.size() * sizeof(int64_t));
  for (int64_t& v : ks) {
    if (v < 0) v += n;
    if (v < 0 || v >= n) throw_value("kth(=" + std::to_string(v) + ") out of bounds (" + std::to_string(n) + ")");
  }
  std::sort(ks.begin(), ks.end());
  ks.erase(std::unique(ks.begin(), ks.end()), ks.end());
  return ks;
}

// Runs kernel(T* buffer, n) on every lane of `a` along `axis`, in place.
template <class Kernel>
void per_lane_inplace(Array& a, int32_t axis, Kernel&& kernel) {
  Lanes<1> L = lanes_of<1>({&a}, axis);
  const int64_t n = L.n;
  visit_type(a.dtype()->typenum, [&](auto tag) {
    using T = typename decltype(tag)::type;
    const bool direct = L.stride[0] == static_cast<int64_t>(sizeof(T)) && a.aligned();
    run_lanes(static_cast<int64_t>(L.starts.size()), n, [&](int64_t lo, int64_t hi) {
      std::vector<T> buf(direct ? 0 : static_cast<size_t>(n));
      for (int64_t l = lo; l < hi; ++l) {
        char* p = L.starts[l][0];
        if (direct) {
          kernel(reinterpret_cast<T*>(p), n);
        } else {
          gather(p, L.stride[0], n, buf.data());
          kernel(buf.data(), n);
          scatter(buf.data(), n, p, L.stride[0]);
        }
      }
    });
  });
}

// out (int64, C order, a's shape) = kernel(values, n, indices) for every lane of `a`.
template <class Kernel>
Array per_lane_indices(const Array& a, int32_t axis, Kernel&& kernel) {
  Array out = Array::allocate(builtin_dtype(CNP_INT64), a.ndim(), a.shape(), CNP_ORDER_C);
  Lanes<2> L = lanes_of<2>({&a, &out}, axis);
  const int64_t n = L.n;
  visit_type(a.dtype()->typenum, [&](auto tag) {
    using T = typename decltype(tag)::type;
    const bool direct_in = L.stride[0] == static_cast<int64_t>(sizeof(T)) && a.aligned();
    const bool direct_out = L.stride[1] == 8;
    run_lanes(static_cast<int64_t>(L.starts.size()), n, [&](int64_t lo, int64_t hi) {
      std::vector<T> buf(direct_in ? 0 : static_cast<size_t>(n));
      std::vector<int64_t> idx(direct_out ? 0 : static_cast<size_t>(n));
      for (int64_t l = lo; l < hi; ++l) {
        const T* v = reinterpret_cast<const T*>(L.starts[l][0]);
        if (!direct_in) {
          gather(L.starts[l][0], L.stride[0], n, buf.data());
          v = buf.data();
        }
        int64_t* o = direct_out ? reinterpret_cast<int64_t*>(L.starts[l][1]) : idx.data();
        kernel(v, n, o);
        if (!direct_out) scatter(idx.data(), n, L.starts[l][1], L.stride[1]);
      }
    });
  });
  return out;
}

// NumPy's sort/partition functions: a copy (flattened for axis=None, else in a's memory order)
// sorted in place.
Array sorted_copy(const Array& a, const int64_t* axis) {
  return axis ? cast_copy(a, a.dtype(), CNP_ORDER_K) : flatten(a, CNP_ORDER_C);
}

}  // namespace

Array with_order(const Array& a, const Order* order) {
  if (!order) return a;
  const Dtype* d = a.dtype();
  if (!is_record(d)) throw_value("Cannot specify order when the array has no fields.");
  // numpy.core._internal._newnames: the named fields first, the others after them in dtype order.
  std::vector<const DtypeField*> rest, first;
  for (const DtypeField& f : d->fields) rest.push_back(&f);
  for (const std::string& name : *order) {
    auto it = std::find_if(rest.begin(), rest.end(), [&](const DtypeField* f) { return f->name == name; });
    if (it == rest.end()) {
      const bool seen = std::any_of(first.begin(), first.end(), [&](const DtypeField* f) { return f->name == name; });
      throw_value((seen ? "duplicate field name: " : "unknown field name: ") + name);
    }
    first.push_back(*it);
    rest.erase(it);
  }
  first.insert(first.end(), rest.begin(), rest.end());
  bool same = true;
  for (size_t i = 0; i < first.size(); ++i) same = same && first[i] == &d->fields[i];
  if (same) return a;
  std::vector<FieldSpec> specs;
  for (const DtypeField* f : first)
    specs.push_back({f->name, DtypeRef::borrow(f->dtype), f->offset, f->has_title, f->title});
  DtypeRef nd = make_record(std::move(specs), d->itemsize, false);
  return a.view_as(nd.get(), a.ndim(), a.shape(), a.strides(), a.data());
}

namespace {
// r seen with descriptor d again (a result computed through with_order's view), keeping OWNDATA.
Array retyped(const Array& r, const Dtype* d) {
  if (r.dtype() == d) return r;
  Array v = r.view_as(d, r.ndim(), r.shape(), r.strides(), r.data());
  v.set_owndata(r.owns_data());
  return v;
}
}  // namespace

void sort_inplace(Array& a0, int64_t axis, Kind kind, const Order* order) {
  if (!a0.writeable()) throw_value("sort array is read-only");
  Array a = with_order(a0, order);
  int32_t ax = static_cast<int32_t>(normalize_axis(axis, a.ndim()));
  if (!is_numeric(a.dtype())) return method_sort_inplace(a, ax);  // strings ...: their sort method
  const bool stable = is_stable(kind);
  per_lane_inplace(a, ax, [stable](auto* v, int64_t n) { sort_values(v, n, stable); });
}

void partition_inplace(Array& a0, const Array& kth, int64_t axis, const Order* order) {
  if (!a0.writeable()) throw_value("partition array is read-only");
  Array a = with_order(a0, order);
  int32_t ax = static_cast<int32_t>(normalize_axis(axis, a.ndim()));
  std::vector<int64_t> ks = kth_list(kth, a.shape(ax), a.size() == 0);
  if (ks.empty()) return;
  // Other dtypes: a full sort (a valid partition for every kth; NumPy's partition of records is
  // a full quicksort too: it has no selection for them).
  if (!is_numeric(a.dtype())) return method_sort_inplace(a, ax);
  per_lane_inplace(a, ax, [&ks](auto* v, int64_t n) { select_values(v, n, ks.data(), static_cast<int64_t>(ks.size())); });
}

Array sort(const Array& a0, const int64_t* axis, Kind kind, const Order* order) {
  Array a = with_order(a0, order);
  if (!is_numeric(a.dtype())) {
    // A contiguous 1-D lane: argsort it where it is and gather into the result (no copy first).
    Array src = axis ? a : ravel(a, CNP_ORDER_C);
    if (src.ndim() == 1 && src.c_contiguous()) {
      normalize_axis(axis ? *axis : 0, 1);
      return retyped(sorted_contiguous(src, nullptr), a0.dtype());
    }
  }
  Array r = sorted_copy(a, axis);
  sort_inplace(r, axis ? *axis : 0, kind);
  return retyped(r, a0.dtype());
}

Array partition(const Array& a0, const Array& kth, const int64_t* axis, const Order* order) {
  Array a = with_order(a0, order);
  Array r = sorted_copy(a, axis);
  partition_inplace(r, kth, axis ? *axis : 0);
  return retyped(r, a0.dtype());
}

Array argsort(const Array& a0, const int64_t* axis, Kind, const Order* order) {
  Array a = with_order(a0, order);
  if (a.ndim() == 0) {  // NumPy 1.24 answers array([0]) for a 0-d array, whatever the axis
    int64_t one = 1;
    return Array::allocate(builtin_dtype(CNP_INT64), 1, &one, CNP_ORDER_C, true);
  }
  Array src = axis ? a : ravel(a, CNP_ORDER_C);
  int32_t ax = static_cast<int32_t>(normalize_axis(axis ? *axis : 0, src.ndim()));
  if (!is_numeric(src.dtype())) return method_argsort_axis(src, ax);
  return per_lane_indices(src, ax, [](const auto* v, int64_t n, int64_t* o) { argsort_values(v, n, o); });
}

Array argpartition(const Array& a0, const Array& kth, const int64_t* axis, const Order* order) {
  Array a = with_order(a0, order);
  if (a.ndim() == 0) {  // as argsort: NumPy 1.24 treats a 0-d array as one element, [0]
    kth_list(kth, 1, false);
    int64_t one = 1;
    return Array::allocate(builtin_dtype(CNP_INT64), 1, &one, CNP_ORDER_C, true);
  }
  Array src = axis ? a : ravel(a, CNP_ORDER_C);
  int32_t ax = static_cast<int32_t>(normalize_axis(axis ? *axis : 0, src.ndim()));
  std::vector<int64_t> ks = kth_list(kth, src.shape(ax), src.size() == 0);
  if (!is_numeric(src.dtype())) return method_argsort_axis(src, ax);  // a full argsort partitions
  return per_lane_indices(src, ax, [&ks](const auto* v, int64_t n, int64_t* o) {
    argselect_values(v, n, ks.data(), static_cast<int64_t>(ks.size()), o);
  });
}

}  // namespace cnp::sorting
