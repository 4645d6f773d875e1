// C entry points of the reduction module: validate handles, translate optional arguments, call
// the engine (src/reduce).
#include "cnumpy/reduce.h"

#include "capi/reduce_args.hpp"
#include "reduce/statistics.hpp"

using namespace cnp;
using namespace cnp::capi;
namespace rd = cnp::reduce;


extern "C" {

#define CNP_RED_DTYPE(cname, fn)                                                                                      \
  CNP_API cnp_status cname(const cnp_array* a, const int64_t* axes, int32_t naxes, const cnp_dtype* dtype,        \
                                 cnp_array* out, int32_t keepdims, const cnp_array* initial, const cnp_array* where,   \
                                 cnp_array** result) {                                                                 \
    return produce(result, out, [&] {                                                                              \
      const Array& x = array_of(a);                                                                                    \
      return rd::fn(x, rd::parse_axes(axes, naxes, x.ndim()), opts(dtype, out, keepdims, initial, where));             \
    });                                                                                                                \
  }
CNP_RED_DTYPE(cnp_sum, sum)
CNP_RED_DTYPE(cnp_prod, prod)
CNP_RED_DTYPE(cnp_nansum, nansum)
CNP_RED_DTYPE(cnp_nanprod, nanprod)

#define CNP_RED_MINMAX(cname, fn)                                                                                     \
  CNP_API cnp_status cname(const cnp_array* a, const int64_t* axes, int32_t naxes, cnp_array* out,               \
                                 int32_t keepdims, const cnp_array* initial, const cnp_array* where,                   \
                                 cnp_array** result) {                                                                 \
    return produce(result, out, [&] {                                                                              \
      const Array& x = array_of(a);                                                                                    \
      return rd::fn(x, rd::parse_axes(axes, naxes, x.ndim()), opts(nullptr, out, keepdims, initial, where));           \
    });                                                                                                                \
  }
CNP_RED_MINMAX(cnp_min, amin)
CNP_RED_MINMAX(cnp_max, amax)
CNP_RED_MINMAX(cnp_amin, amin)
CNP_RED_MINMAX(cnp_amax, amax)
CNP_RED_MINMAX(cnp_nanmin, nanmin)
CNP_RED_MINMAX(cnp_nanmax, nanmax)

CNP_API cnp_status cnp_mean(const cnp_array* a, const int64_t* axes, int32_t naxes, const cnp_dtype* dtype, cnp_array* out,
                            int32_t keepdims, const cnp_array* where, cnp_array** result) {
  return produce(result, out, [&] {
    const Array& x = array_of(a);
    return rd::mean(x, rd::parse_axes(axes, naxes, x.ndim()), opts(dtype, out, keepdims, nullptr, where));
  });
}

CNP_API cnp_status cnp_nanmean(const cnp_array* a, const int64_t* axes, int32_t naxes, const cnp_dtype* dtype, cnp_array* out,
                            int32_t keepdims, const cnp_array* where, cnp_array** result) {
  return produce(result, out, [&] {
    const Array& x = array_of(a);
    return rd::nanmean(x, rd::parse_axes(axes, naxes, x.ndim()), opts(dtype, out, keepdims, nullptr, where));
  });
}

#define CNP_RED_VAR(cname, fn, sq)                                                                                        \
  CNP_API cnp_status cname(const cnp_array* a, const int64_t* axes, int32_t naxes, const cnp_dtype* dtype,        \
                                 cnp_array* out, double ddof, int32_t keepdims, const cnp_array* where,                \
                                 cnp_array** result) {                                                                 \
    return produce(result, out, [&] {                                                                              \
      const Array& x = array_of(a);                                                                                    \
      return rd::fn(x, rd::parse_axes(axes, naxes, x.ndim()), opts(dtype, out, keepdims, nullptr, where), ddof, sq);   \
    });                                                                                                                \
  }
CNP_RED_VAR(cnp_var, var, false)
CNP_RED_VAR(cnp_std, var, true)
CNP_RED_VAR(cnp_nanvar, nanvar, false)
CNP_RED_VAR(cnp_nanstd, nanvar, true)

CNP_API cnp_status cnp_ptp(const cnp_array* a, const int64_t* axes, int32_t naxes, cnp_array* out, int32_t keepdims,
                           cnp_array** result) {
  return produce(result, out, [&] {
    const Array& x = array_of(a);
    return rd::ptp(x, rd::parse_axes(axes, naxes, x.ndim()), opts(nullptr, out, keepdims, nullptr, nullptr));
  });
}

#define CNP_RED_LOGIC(cname, fn)                                                                                      \
  CNP_API cnp_status cname(const cnp_array* a, const int64_t* axes, int32_t naxes, cnp_array* out,               \
                                 int32_t keepdims, const cnp_array* where, cnp_array** result) {                       \
    return produce(result, out, [&] {                                                                              \
      const Array& x = array_of(a);                                                                                    \
      return rd::fn(x, rd::parse_axes(axes, naxes, x.ndim()), opts(nullptr, out, keepdims, nullptr, where));           \
    });                                                                                                                \
  }
CNP_RED_LOGIC(cnp_all, all)
CNP_RED_LOGIC(cnp_any, any)

CNP_API cnp_status cnp_count_nonzero(const cnp_array* a, const int64_t* axes, int32_t naxes, int32_t keepdims,
                                     cnp_array** result) {
  return produce(result, nullptr, [&] {
    const Array& x = array_of(a);
    return rd::count_nonzero(x, rd::parse_axes(axes, naxes, x.ndim()), keepdims != 0);
  });
}

#define CNP_RED_ARG(cname, fn, is_max)                                                                                   \
  CNP_API cnp_status cname(const cnp_array* a, const int64_t* axes, int32_t naxes, cnp_array* out,               \
                                 int32_t keepdims, cnp_array** result) {                                               \
    return produce(result, out, [&] {                                                                              \
      const Array& x = array_of(a);                                                                                    \
      int64_t axis = 0;                                                                                                \
      bool has = single_axis(axes, naxes, &axis);                                                                      \
      return rd::fn(is_max, x, has, axis, opt_out(out), keepdims != 0);                             \
    });                                                                                                                \
  }
CNP_RED_ARG(cnp_argmin, arg, false)
CNP_RED_ARG(cnp_argmax, arg, true)
CNP_RED_ARG(cnp_nanargmin, nanarg, false)
CNP_RED_ARG(cnp_nanargmax, nanarg, true)

#define CNP_RED_ACC(cname, fn, is_prod)                                                                                  \
  CNP_API cnp_status cname(const cnp_array* a, const int64_t* axes, int32_t naxes, const cnp_dtype* dtype,        \
                                 cnp_array* out, cnp_array** result) {                                                 \
    return produce(result, out, [&] {                                                                              \
      const Array& x = array_of(a);                                                                                    \
      int64_t axis = 0;                                                                                                \
      bool has = single_axis(axes, naxes, &axis);                                                                      \
      return rd::fn(is_prod, x, has, axis, opt_dtype(dtype), opt_out(out));                  \
    });                                                                                                                \
  }
CNP_RED_ACC(cnp_cumsum, accumulate, false)
CNP_RED_ACC(cnp_cumprod, accumulate, true)
CNP_RED_ACC(cnp_nancumsum, nanaccumulate, false)
CNP_RED_ACC(cnp_nancumprod, nanaccumulate, true)

}  // extern "C"
