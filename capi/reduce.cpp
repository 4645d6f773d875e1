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
  CNP_API cnp_status cnp_##cname(const cnp_array* a, const int64_t* axes, int32_t naxes, const cnp_dtype* dtype,        \
                                 cnp_array* out, int32_t keepdims, const cnp_array* initial, const cnp_array* where,   \
                                 cnp_array** result) {                                                                 \
    return reduce_call(out, result, [&] {                                                                              \
      const Array& x = array_of(a);                                                                                    \
      return rd::fn(x, rd::parse_axes(axes, naxes, x.ndim()), opts(dtype, out, keepdims, initial, where));             \
    });                                                                                                                \
  }
CNP_RED_DTYPE(sum, sum)
CNP_RED_DTYPE(prod, prod)
CNP_RED_DTYPE(nansum, nansum)
CNP_RED_DTYPE(nanprod, nanprod)

#define CNP_RED_MINMAX(cname, fn)                                                                                     \
  CNP_API cnp_status cnp_##cname(const cnp_array* a, const int64_t* axes, int32_t naxes, cnp_array* out,               \
                                 int32_t keepdims, const cnp_array* initial, const cnp_array* where,                   \
                                 cnp_array** result) {                                                                 \
    return reduce_call(out, result, [&] {                                                                              \
      const Array& x = array_of(a);                                                                                    \
      return rd::fn(x, rd::parse_axes(axes, naxes, x.ndim()), opts(nullptr, out, keepdims, initial, where));           \
    });                                                                                                                \
  }
CNP_RED_MINMAX(min, amin)
CNP_RED_MINMAX(max, amax)
CNP_RED_MINMAX(amin, amin)
CNP_RED_MINMAX(amax, amax)
CNP_RED_MINMAX(nanmin, nanmin)
CNP_RED_MINMAX(nanmax, nanmax)

CNP_API cnp_status cnp_mean(const cnp_array* a, const int64_t* axes, int32_t naxes, const cnp_dtype* dtype, cnp_array* out,
                            int32_t keepdims, const cnp_array* where, cnp_array** result) {
  return reduce_call(out, result, [&] {
    const Array& x = array_of(a);
    return rd::mean(x, rd::parse_axes(axes, naxes, x.ndim()), opts(dtype, out, keepdims, nullptr, where));
  });
}

CNP_API cnp_status cnp_nanmean(const cnp_array* a, const int64_t* axes, int32_t naxes, const cnp_dtype* dtype, cnp_array* out,
                            int32_t keepdims, const cnp_array* where, cnp_array** result) {
  return reduce_call(out, result, [&] {
    const Array& x = array_of(a);
    return rd::nanmean(x, rd::parse_axes(axes, naxes, x.ndim()), opts(dtype, out, keepdims, nullptr, where));
  });
}

#define CNP_RED_VAR(cname, fn, sq)                                                                                        \
  CNP_API cnp_status cnp_##cname(const cnp_array* a, const int64_t* axes, int32_t naxes, const cnp_dtype* dtype,        \
                                 cnp_array* out, double ddof, int32_t keepdims, const cnp_array* where,                \
                                 cnp_array** result) {                                                                 \
    return reduce_call(out, result, [&] {                                                                              \
      const Array& x = array_of(a);                                                                                    \
      return rd::fn(x, rd::parse_axes(axes, naxes, x.ndim()), opts(dtype, out, keepdims, nullptr, where), ddof, sq);   \
    });                                                                                                                \
  }
CNP_RED_VAR(var, var, false)
CNP_RED_VAR(std, var, true)
CNP_RED_VAR(nanvar, nanvar, false)
CNP_RED_VAR(nanstd, nanvar, true)

CNP_API cnp_status cnp_ptp(const cnp_array* a, const int64_t* axes, int32_t naxes, cnp_array* out, int32_t keepdims,
                           cnp_array** result) {
  return reduce_call(out, result, [&] {
    const Array& x = array_of(a);
    return rd::ptp(x, rd::parse_axes(axes, naxes, x.ndim()), opts(nullptr, out, keepdims, nullptr, nullptr));
  });
}

#define CNP_RED_LOGIC(cname, fn)                                                                                      \
  CNP_API cnp_status cnp_##cname(const cnp_array* a, const int64_t* axes, int32_t naxes, cnp_array* out,               \
                                 int32_t keepdims, const cnp_array* where, cnp_array** result) {                       \
    return reduce_call(out, result, [&] {                                                                              \
      const Array& x = array_of(a);                                                                                    \
      return rd::fn(x, rd::parse_axes(axes, naxes, x.ndim()), opts(nullptr, out, keepdims, nullptr, where));           \
    });                                                                                                                \
  }
CNP_RED_LOGIC(all, all)
CNP_RED_LOGIC(any, any)

CNP_API cnp_status cnp_count_nonzero(const cnp_array* a, const int64_t* axes, int32_t naxes, int32_t keepdims,
                                     cnp_array** result) {
  return reduce_call(nullptr, result, [&] {
    const Array& x = array_of(a);
    return rd::count_nonzero(x, rd::parse_axes(axes, naxes, x.ndim()), keepdims != 0);
  });
}

#define CNP_RED_ARG(cname, fn, is_max)                                                                                   \
  CNP_API cnp_status cnp_##cname(const cnp_array* a, const int64_t* axes, int32_t naxes, cnp_array* out,               \
                                 int32_t keepdims, cnp_array** result) {                                               \
    return reduce_call(out, result, [&] {                                                                              \
      const Array& x = array_of(a);                                                                                    \
      int64_t axis = 0;                                                                                                \
      bool has = single_axis(axes, naxes, &axis);                                                                      \
      return rd::fn(is_max, x, has, axis, out ? &array_of(out) : nullptr, keepdims != 0);                             \
    });                                                                                                                \
  }
CNP_RED_ARG(argmin, arg, false)
CNP_RED_ARG(argmax, arg, true)
CNP_RED_ARG(nanargmin, nanarg, false)
CNP_RED_ARG(nanargmax, nanarg, true)

#define CNP_RED_ACC(cname, fn, is_prod)                                                                                  \
  CNP_API cnp_status cnp_##cname(const cnp_array* a, const int64_t* axes, int32_t naxes, const cnp_dtype* dtype,        \
                                 cnp_array* out, cnp_array** result) {                                                 \
    return reduce_call(out, result, [&] {                                                                              \
      const Array& x = array_of(a);                                                                                    \
      int64_t axis = 0;                                                                                                \
      bool has = single_axis(axes, naxes, &axis);                                                                      \
      return rd::fn(is_prod, x, has, axis, opt_dtype(dtype), out ? &array_of(out) : nullptr);                  \
    });                                                                                                                \
  }
CNP_RED_ACC(cumsum, accumulate, false)
CNP_RED_ACC(cumprod, accumulate, true)
CNP_RED_ACC(nancumsum, nanaccumulate, false)
CNP_RED_ACC(nancumprod, nanaccumulate, true)

}  // extern "C"
