// C entry points of the ufunc methods (reduce, accumulate, reduceat, at): the ufunc is named by
// its NumPy name; the work is src/reduce/ufunc_methods.cpp.
#include "cnumpy/reduce.h"

#include "capi/reduce_args.hpp"
#include "reduce/ufunc_methods.hpp"

using namespace cnp;
using namespace cnp::capi;
namespace rd = cnp::reduce;

namespace {
// NumPy's first check of ufunc.accumulate/reduceat: the ufunc takes two inputs.
void binary_method(ufunc::Id id, const char* method) {
  if (ufunc::get(id).nin != 2) throw_value(std::string(method) + " only supported for binary functions");
}
}  // namespace

extern "C" {

CNP_API cnp_status cnp_ufunc_reduce(const char* name, const cnp_array* a, const int64_t* axes, int32_t naxes,
                                    const cnp_dtype* dtype, cnp_array* out_array, int32_t keepdims,
                                    const cnp_array* initial, int32_t no_identity, const cnp_array* where,
                                    cnp_array** out) {
  return produce(out, out_array, [&] {
    const ufunc::Id id = rd::ufunc_id(name);
    const Array& x = time_or_number(a);
    const rd::Opts o = times_opts(x, dtype, out_array, keepdims, initial, where);
    return rd::method_reduce(id, x, reduced_axes(x, axes, naxes), o.dtype, o.out, o.keepdims, o.initial,
                             no_identity != 0, o.where);
  });
}

CNP_API cnp_status cnp_ufunc_accumulate(const char* name, const cnp_array* a, int64_t axis, const cnp_dtype* dtype,
                                        cnp_array* out_array, cnp_array** out) {
  return produce(out, out_array, [&] {
    const ufunc::Id id = rd::ufunc_id(name);
    binary_method(id, "accumulate");  // before the array's dtype is looked at (isnat of datetimes)
    return rd::method_accumulate(id, array_of(a), axis, opt_dtype(dtype), opt_out(out_array));
  });
}

CNP_API cnp_status cnp_ufunc_reduceat(const char* name, const cnp_array* a, const cnp_array* indices, int64_t axis,
                                      const cnp_dtype* dtype, cnp_array* out_array, cnp_array** out) {
  return produce(out, out_array, [&] {
    const ufunc::Id id = rd::ufunc_id(name);
    binary_method(id, "reduceat");
    return rd::method_reduceat(id, array_of(a), array_of(indices), axis, opt_dtype(dtype),
                               opt_out(out_array));
  });
}

CNP_API cnp_status cnp_ufunc_at(const char* name, cnp_array* a, int32_t nitems, const cnp_index* items,
                                const cnp_array* b) {
  return run([&] {
    const ufunc::Id id = rd::ufunc_id(name);
    if (nitems < 0 || (nitems > 0 && !items)) throw Error(CNP_ERR_VALUE, "invalid index items");
    rd::method_at(id, array_of(a), nitems, items, opt_array(b));
  });
}

}  // extern "C"
