// numpy.concatenate: each input copied (and cast) into its slab of the result.
#include <cstring>
#include <string>

#include "core/bulk_copy.hpp"
#include "core/cast.hpp"
#include "core/error.hpp"
#include "core/result_type.hpp"
#include "core/views.hpp"
#include "manip/manip.hpp"

namespace cnp {

Array concatenate(const std::vector<const Array*>& in, const int64_t* axis, Array* out, const Dtype* dtype,
                  int32_t casting) {
  if (in.empty()) throw_value("need at least one array to concatenate");
  if (out && dtype)
    throw_type("concatenate() only takes `out` or `dtype` as an argument, but both were provided.");
  casting_name(casting);  // validates
  std::vector<Array> arrays;
  arrays.reserve(in.size());
  for (const Array* p : in) arrays.push_back(axis ? *p : ravel(*p, CNP_ORDER_C));
  const int32_t nd = arrays[0].ndim();
  if (nd == 0) throw_value("zero-dimensional arrays cannot be concatenated");
  const int32_t ax = static_cast<int32_t>(normalize_axis(axis ? *axis : 0, nd));
  int64_t shape[kMaxDims];
  std::copy(arrays[0].shape(), arrays[0].shape() + nd, shape);
  for (size_t i = 1; i < arrays.size(); ++i) {
    const Array& b = arrays[i];
    if (b.ndim() != nd)
      throw_value("all the input arrays must have same number of dimensions, but the array at index 0 has " +
                  std::to_string(nd) + " dimension(s) and the array at index " + std::to_string(i) + " has " +
                  std::to_string(b.ndim()) + " dimension(s)");
    for (int32_t d = 0; d < nd; ++d) {
      if (d == ax) continue;
      if (b.shape(d) != shape[d])
        throw_value("all the input array dimensions except for the concatenation axis must match exactly, but along "
                    "dimension " + std::to_string(d) + ", the array at index 0 has size " + std::to_string(shape[d]) +
                    " and the array at index " + std::to_string(i) + " has size " + std::to_string(b.shape(d)));
    }
    shape[ax] += b.shape(ax);
  }
  Array result;
  if (out) {
    if (out->ndim() != nd) throw_value("Output array has wrong dimensionality");
    for (int32_t d = 0; d < nd; ++d)
      if (out->shape(d) != shape[d]) throw_value("Output array is the wrong shape");
    result = *out;
  } else {
    // NumPy's result_type of the inputs: any descriptors (U3 + U5 -> U5, S + U -> U, numbers
    // with strings -> a string wide enough for the number), in native byte order.
    DtypeRef dt;
    if (dtype) {
      dt = DtypeRef::borrow(dtype);
    } else {
      std::vector<const Dtype*> ds;
      for (const Array& b : arrays) ds.push_back(b.dtype());
      dt = promote_sequence(ds.data(), ds.size());
    }
    // NumPy lays the result out in the inputs' common axis order (Fortran inputs give a
    // Fortran result).
    std::vector<const Array*> all;
    for (const Array& b : arrays) all.push_back(&b);
    int32_t perm[kMaxDims];
    axes_by_strides_of(all.data(), static_cast<int32_t>(all.size()), nd, perm);
    result = allocate_in_axis_order(dt.get(), nd, shape, perm, false);
  }
  for (const Array& b : arrays) check_cast(b.dtype(), result.dtype(), casting);
  int64_t start = 0;
  std::vector<CopyRun> runs;  // same-type C-contiguous inputs: plain byte runs, copied together below
  int64_t slab_shape[kMaxDims];
  std::copy(shape, shape + nd, slab_shape);
  for (const Array& b : arrays) {
    slab_shape[ax] = b.shape(ax);
    Array slab = result.view(nd, slab_shape, result.strides(), result.data() + start * result.stride(ax));
    start += b.shape(ax);
    if (b.size() == 0) continue;
    if (!out && dtype_equal(b.dtype(), result.dtype()) && b.c_contiguous() && result.c_contiguous()) {
      // Both C-contiguous: one run per index of the axes before `ax`.
      int64_t outer = 1, chunk = b.itemsize();
      for (int32_t d = 0; d < ax; ++d) outer *= shape[d];
      for (int32_t d = ax; d < nd; ++d) chunk *= b.shape(d);
      const int64_t row = ax > 0 ? result.stride(ax - 1) : 0;
      const char* src = b.data();
      char* dst = slab.data();
      for (int64_t o = 0; o < outer; ++o) runs.push_back({dst + o * row, src + o * chunk, chunk});
      continue;
    }
    assign(slab, b, CNP_CASTING_UNSAFE);
  }
  copy_runs(runs.data(), static_cast<int64_t>(runs.size()));
  return result;
}

namespace {

// a seen with one more length-1 axis at `axis` (a view).
Array with_axis(const Array& a, int32_t axis) {
  int64_t shape[kMaxDims], strides[kMaxDims];
  int32_t k = 0;
  for (int32_t d = 0; d <= a.ndim(); ++d) {
    if (d == axis) {
      shape[k] = 1;
      strides[k++] = 0;
    }
    if (d < a.ndim()) {
      shape[k] = a.shape(d);
      strides[k++] = a.stride(d);
    }
  }
  return a.view(a.ndim() + 1, shape, strides, a.data());
}

Array at_least(const Array& a, int32_t nd) {
  if (a.ndim() >= nd) return a;
  if (a.ndim() == 0) return at_least(with_axis(a, 0), nd);
  return with_axis(a, 0);  // 1-d (n,) -> (1, n)
}

Array join_all(const std::vector<Array>& arrays, int64_t axis, Array* out, const Dtype* dtype, int32_t casting) {
  std::vector<const Array*> ptrs;
  for (const Array& a : arrays) ptrs.push_back(&a);
  return concatenate(ptrs, &axis, out, dtype, casting);
}

}  // namespace

Array stack(const std::vector<const Array*>& in, int64_t axis, Array* out, const Dtype* dtype, int32_t casting) {
  if (in.empty()) throw_value("need at least one array to stack");
  const Array& first = *in[0];
  for (const Array* p : in) {
    bool same = p->ndim() == first.ndim();
    for (int32_t d = 0; same && d < first.ndim(); ++d) same = p->shape(d) == first.shape(d);
    if (!same) throw_value("all input arrays must have the same shape");
  }
  const int32_t ax = static_cast<int32_t>(normalize_axis(axis, first.ndim() + 1));
  std::vector<Array> expanded;
  for (const Array* p : in) expanded.push_back(with_axis(*p, ax));
  return join_all(expanded, ax, out, dtype, casting);
}

Array vstack(const std::vector<const Array*>& in, const Dtype* dtype, int32_t casting) {
  std::vector<Array> arrays;
  for (const Array* p : in) arrays.push_back(at_least(*p, 2));
  if (arrays.empty()) throw_value("need at least one array to concatenate");
  return join_all(arrays, 0, nullptr, dtype, casting);
}

Array hstack(const std::vector<const Array*>& in, const Dtype* dtype, int32_t casting) {
  std::vector<Array> arrays;
  for (const Array* p : in) arrays.push_back(at_least(*p, 1));
  if (arrays.empty()) throw_value("need at least one array to concatenate");
  return join_all(arrays, arrays[0].ndim() == 1 ? 0 : 1, nullptr, dtype, casting);
}

}  // namespace cnp
