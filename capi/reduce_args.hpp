// Argument translation shared by the reduction (reduce.cpp) and statistics (statistics.cpp) entry
// points, and the macros that write out the entry points sharing one signature: each is called
// with the exported name in full (CNP_RED_DTYPE(cnp_sum, rd::sum)), so grep finds it.
// Parameters follow docs/api-conventions.md: (axes, naxes) an optional tuple of axes (axes NULL =
// None), axis an optional single axis (NULL = None), out_array NumPy's out=, out the result.
#pragma once
#include <cstring>
#include <string>

#include "capi/guard.hpp"
#include "reduce/reduce.hpp"

namespace cnp::capi {

inline reduce::Opts opts(const cnp_dtype* dtype, cnp_array* out_array, int32_t keepdims, const cnp_array* initial,
                         const cnp_array* where) {
  reduce::Opts o;
  o.dtype = opt_dtype(dtype);
  o.out = opt_out(out_array);
  o.keepdims = keepdims != 0;
  o.initial = opt_array(initial);
  o.where = opt_array(where);
  return o;
}

// opts() for a reduction that also takes datetime64/timedelta64 arrays: with such an input, out=
// may be of any dtype (the result is cast into it), initial= any 0-d array (strings are parsed,
// src/datetime/functions.cpp) and dtype= any descriptor (a time unit is NumPy's TypeError there).
inline reduce::Opts times_opts(const Array& x, const cnp_dtype* dtype, cnp_array* out_array, int32_t keepdims,
                               const cnp_array* initial, const cnp_array* where) {
  if (!is_datetime(x.dtype())) return opts(dtype, out_array, keepdims, initial, where);
  reduce::Opts o;
  o.dtype = opt_any_dtype(dtype);
  o.out = out_array ? &method_output(out_array) : nullptr;
  o.keepdims = keepdims != 0;
  o.initial = initial ? &method_input(initial) : nullptr;
  o.where = opt_array(where);
  return o;
}

// The reduced axes of x for an optional tuple of axes, with ufunc.reduce's checks and messages.
inline reduce::Axes reduced_axes(const Array& x, const int64_t* axes, int32_t naxes) {
  return reduce::parse_axes(axes, axes_count(axes, naxes), x.ndim());
}

// The array of a min/max entry point: NumPy 1.24 has no maximum/minimum loops for S and U, so
// (nor fmax/fmin, which nanmax/nanmin reduce with) they get its dispatch error. With `times`,
// datetime64/timedelta64 arrays pass as they are (the engine hands them to
// src/datetime/functions.cpp's reduce_times); other kinds go to the engine as array_of hands them.
inline const Array& minmax_input(const cnp_array* h, const char* cname, bool times = false) {
  const Array& a = any_array_of(h);
  if (times && is_datetime(a.dtype())) return a;
  const char k = a.dtype()->kind;
  if (k == 'S' || k == 'U') {
    const std::string d = dtype_repr(a.dtype());
    const bool mx = std::strstr(cname, "max") != nullptr, nan = std::strstr(cname, "nan") != nullptr;  // nanmax: fmax
    throw_type(std::string("ufunc '") + (nan ? (mx ? "fmax" : "fmin") : (mx ? "maximum" : "minimum")) +
               "' did not contain a loop with signature matching types (" + d + ", " + d + ") -> None");
  }
  return array_of(h);
}
// The reductions that also take datetime64/timedelta64 arrays (sum, prod): those pass as they are.
inline const Array& time_or_number(const cnp_array* h) {
  const Array& a = any_array_of(h);
  return is_datetime(a.dtype()) ? a : array_of(h);
}

}  // namespace cnp::capi

#define CNP_RED_DTYPE(cname, fn)                                                                                      \
  CNP_API cnp_status cname(const cnp_array* a, const int64_t* axes, int32_t naxes, const cnp_dtype* dtype,            \
                           cnp_array* out_array, int32_t keepdims, const cnp_array* initial, const cnp_array* where,  \
                           cnp_array** out) {                                                                         \
    return produce(out, out_array, [&] {                                                                              \
      const Array& x = array_of(a);                                                                                   \
      return fn(x, reduced_axes(x, axes, naxes), opts(dtype, out_array, keepdims, initial, where));                   \
    });                                                                                                               \
  }

#define CNP_RED_MINMAX(cname, fn)                                                                                     \
  CNP_API cnp_status cname(const cnp_array* a, const int64_t* axes, int32_t naxes, cnp_array* out_array,              \
                           int32_t keepdims, const cnp_array* initial, const cnp_array* where, cnp_array** out) {     \
    return produce(out, out_array, [&] {                                                                              \
      const Array& x = minmax_input(a, #cname);                                                                       \
      return fn(x, reduced_axes(x, axes, naxes), opts(nullptr, out_array, keepdims, initial, where));                 \
    });                                                                                                               \
  }

#define CNP_RED_DTYPE_T(cname, fn)                                                                                      \
  CNP_API cnp_status cname(const cnp_array* a, const int64_t* axes, int32_t naxes, const cnp_dtype* dtype,            \
                           cnp_array* out_array, int32_t keepdims, const cnp_array* initial, const cnp_array* where,  \
                           cnp_array** out) {                                                                         \
    return produce(out, out_array, [&] {                                                                              \
      const Array& x = time_or_number(a);                                                                             \
      return fn(x, reduced_axes(x, axes, naxes), times_opts(x, dtype, out_array, keepdims, initial, where));          \
    });                                                                                                               \
  }

#define CNP_RED_MINMAX_T(cname, fn)                                                                                     \
  CNP_API cnp_status cname(const cnp_array* a, const int64_t* axes, int32_t naxes, cnp_array* out_array,              \
                           int32_t keepdims, const cnp_array* initial, const cnp_array* where, cnp_array** out) {     \
    return produce(out, out_array, [&] {                                                                              \
      const Array& x = minmax_input(a, #cname, true);                                                                 \
      return fn(x, reduced_axes(x, axes, naxes), times_opts(x, nullptr, out_array, keepdims, initial, where));        \
    });                                                                                                               \
  }

#define CNP_RED_MEAN(cname, fn)                                                                                       \
  CNP_API cnp_status cname(const cnp_array* a, const int64_t* axes, int32_t naxes, const cnp_dtype* dtype,            \
                           cnp_array* out_array, int32_t keepdims, const cnp_array* where, cnp_array** out) {         \
    return produce(out, out_array, [&] {                                                                              \
      const Array& x = array_of(a);                                                                                   \
      return fn(x, reduced_axes(x, axes, naxes), opts(dtype, out_array, keepdims, nullptr, where));                   \
    });                                                                                                               \
  }

#define CNP_RED_VAR(cname, fn, sq)                                                                                    \
  CNP_API cnp_status cname(const cnp_array* a, const int64_t* axes, int32_t naxes, const cnp_dtype* dtype,            \
                           cnp_array* out_array, double ddof, int32_t keepdims, const cnp_array* where,               \
                           cnp_array** out) {                                                                         \
    return produce(out, out_array, [&] {                                                                              \
      const Array& x = array_of(a);                                                                                   \
      return fn(x, reduced_axes(x, axes, naxes), opts(dtype, out_array, keepdims, nullptr, where), ddof, sq);         \
    });                                                                                                               \
  }

#define CNP_RED_LOGIC(cname, fn)                                                                                      \
  CNP_API cnp_status cname(const cnp_array* a, const int64_t* axes, int32_t naxes, cnp_array* out_array,              \
                           int32_t keepdims, const cnp_array* where, cnp_array** out) {                               \
    return produce(out, out_array, [&] {                                                                              \
      const Array& x = array_of(a);                                                                                   \
      return fn(x, reduced_axes(x, axes, naxes), opts(nullptr, out_array, keepdims, nullptr, where));                 \
    });                                                                                                               \
  }

// argmin/argmax and the accumulations take an optional single axis (NULL = flattened).
#define CNP_RED_ARG(cname, fn, is_max)                                                                                \
  CNP_API cnp_status cname(const cnp_array* a, const int64_t* axis, cnp_array* out_array, int32_t keepdims,           \
                           cnp_array** out) {                                                                         \
    return produce(out, out_array, [&] {                                                                              \
      return fn(is_max, method_input(a), axis != nullptr, axis ? *axis : 0, opt_out(out_array), keepdims != 0);       \
    });                                                                                                               \
  }

#define CNP_RED_ACC(cname, fn, is_prod)                                                                               \
  CNP_API cnp_status cname(const cnp_array* a, const int64_t* axis, const cnp_dtype* dtype, cnp_array* out_array,     \
                           cnp_array** out) {                                                                         \
    return produce(out, out_array, [&] {                                                                              \
      return fn(is_prod, array_of(a), axis != nullptr, axis ? *axis : 0, opt_dtype(dtype), opt_out(out_array));       \
    });                                                                                                               \
  }
