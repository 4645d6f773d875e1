// Argument translation shared by the reduction (reduce.cpp) and statistics (statistics.cpp) entry
// points, and the macros that write out the entry points sharing one signature: each is called
// with the exported name in full (CNP_RED_DTYPE(cnp_sum, rd::sum)), so grep finds it.
#pragma once
#include "capi/guard.hpp"
#include "reduce/reduce.hpp"

namespace cnp::capi {

inline reduce::Opts opts(const cnp_dtype* dtype, cnp_array* out, int32_t keepdims, const cnp_array* initial, const cnp_array* where) {
  reduce::Opts o;
  o.dtype = opt_dtype(dtype);
  o.out = opt_out(out);
  o.keepdims = keepdims != 0;
  o.initial = opt_array(initial);
  o.where = opt_array(where);
  return o;
}

// One optional axis (naxes -1 = None).
inline bool single_axis(const int64_t* axes, int32_t naxes, int64_t* axis) {
  if (naxes < 0 || !axes) return false;
  if (naxes != 1) throw Error(CNP_ERR_TYPE, "'tuple' object cannot be interpreted as an integer");
  *axis = axes[0];
  return true;
}

}  // namespace cnp::capi

#define CNP_RED_DTYPE(cname, fn)                                                                                      \
  CNP_API cnp_status cname(const cnp_array* a, const int64_t* axes, int32_t naxes, const cnp_dtype* dtype,        \
                                 cnp_array* out, int32_t keepdims, const cnp_array* initial, const cnp_array* where,   \
                                 cnp_array** result) {                                                                 \
    return produce(result, out, [&] {                                                                              \
      const Array& x = array_of(a);                                                                                    \
      return fn(x, reduce::parse_axes(axes, naxes, x.ndim()), opts(dtype, out, keepdims, initial, where));             \
    });                                                                                                                \
  }

#define CNP_RED_MINMAX(cname, fn)                                                                                     \
  CNP_API cnp_status cname(const cnp_array* a, const int64_t* axes, int32_t naxes, cnp_array* out,               \
                                 int32_t keepdims, const cnp_array* initial, const cnp_array* where,                   \
                                 cnp_array** result) {                                                                 \
    return produce(result, out, [&] {                                                                              \
      const Array& x = array_of(a);                                                                                    \
      return fn(x, reduce::parse_axes(axes, naxes, x.ndim()), opts(nullptr, out, keepdims, initial, where));           \
    });                                                                                                                \
  }

#define CNP_RED_MEAN(cname, fn)                                                                                        \
  CNP_API cnp_status cname(const cnp_array* a, const int64_t* axes, int32_t naxes, const cnp_dtype* dtype,               \
                           cnp_array* out, int32_t keepdims, const cnp_array* where, cnp_array** result) {                \
    return produce(result, out, [&] {                                                                                   \
      const Array& x = array_of(a);                                                                                     \
      return fn(x, reduce::parse_axes(axes, naxes, x.ndim()), opts(dtype, out, keepdims, nullptr, where));             \
    });                                                                                                                 \
  }

#define CNP_RED_VAR(cname, fn, sq)                                                                                        \
  CNP_API cnp_status cname(const cnp_array* a, const int64_t* axes, int32_t naxes, const cnp_dtype* dtype,        \
                                 cnp_array* out, double ddof, int32_t keepdims, const cnp_array* where,                \
                                 cnp_array** result) {                                                                 \
    return produce(result, out, [&] {                                                                              \
      const Array& x = array_of(a);                                                                                    \
      return fn(x, reduce::parse_axes(axes, naxes, x.ndim()), opts(dtype, out, keepdims, nullptr, where), ddof, sq);   \
    });                                                                                                                \
  }

#define CNP_RED_LOGIC(cname, fn)                                                                                      \
  CNP_API cnp_status cname(const cnp_array* a, const int64_t* axes, int32_t naxes, cnp_array* out,               \
                                 int32_t keepdims, const cnp_array* where, cnp_array** result) {                       \
    return produce(result, out, [&] {                                                                              \
      const Array& x = array_of(a);                                                                                    \
      return fn(x, reduce::parse_axes(axes, naxes, x.ndim()), opts(nullptr, out, keepdims, nullptr, where));           \
    });                                                                                                                \
  }

#define CNP_RED_ARG(cname, fn, is_max)                                                                                   \
  CNP_API cnp_status cname(const cnp_array* a, const int64_t* axes, int32_t naxes, cnp_array* out,               \
                                 int32_t keepdims, cnp_array** result) {                                               \
    return produce(result, out, [&] {                                                                              \
      const Array& x = array_of(a);                                                                                    \
      int64_t axis = 0;                                                                                                \
      bool has = single_axis(axes, naxes, &axis);                                                                      \
      return fn(is_max, x, has, axis, opt_out(out), keepdims != 0);                             \
    });                                                                                                                \
  }

#define CNP_RED_ACC(cname, fn, is_prod)                                                                                  \
  CNP_API cnp_status cname(const cnp_array* a, const int64_t* axes, int32_t naxes, const cnp_dtype* dtype,        \
                                 cnp_array* out, cnp_array** result) {                                                 \
    return produce(result, out, [&] {                                                                              \
      const Array& x = array_of(a);                                                                                    \
      int64_t axis = 0;                                                                                                \
      bool has = single_axis(axes, naxes, &axis);                                                                      \
      return fn(is_prod, x, has, axis, opt_dtype(dtype), opt_out(out));                  \
    });                                                                                                                \
  }

