// C entry points of the reduction module: validate handles, translate optional arguments, call
// the engine (src/reduce).
#include "cnumpy/reduce.h"

#include "capi/guard.hpp"
#include "reduce/reduce.hpp"

using namespace cnp;
using namespace cnp::capi;
namespace rd = cnp::reduce;

namespace {

rd::Opts opts(const cnp_dtype* dtype, cnp_array* out, int32_t keepdims, const cnp_array* initial, const cnp_array* where) {
  rd::Opts o;
  o.dtype = opt_dtype(dtype);
  o.out = out ? &array_of(out) : nullptr;
  o.keepdims = keepdims != 0;
  o.initial = opt_array(initial);
  o.where = opt_array(where);
  return o;
}

cnp_status hand_out(cnp_array* out, cnp_array** result, Array (*body)(void*), void* ctx) {
  if (result) *result = nullptr;
  return run([&] {
    require_out(result);
    Array r = body(ctx);
    *result = out ? retain_handle(out) : new_handle(std::move(r));
  });
}

template <class F>
cnp_status reduce_call(cnp_array* out, cnp_array** result, F&& f) {
  return hand_out(out, result, [](void* c) { return (*static_cast<F*>(c))(); }, &f);
}

// One optional axis (naxes -1 = None).
bool single_axis(const int64_t* axes, int32_t naxes, int64_t* axis) {
  if (naxes < 0 || !axes) return false;
  if (naxes != 1) throw Error(CNP_ERR_TYPE, "'tuple' object cannot be interpreted as an integer");
  *axis = axes[0];
  return true;
}

}  // namespace

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

CNP_API cnp_status cnp_mean(const cnp_array* a, const int64_t* axes, int32_t naxes, const cnp_dtype* dtype, cnp_array* out,
                            int32_t keepdims, const cnp_array* where, cnp_array** result) {
  return reduce_call(out, result, [&] {
    const Array& x = array_of(a);
    return rd::mean(x, rd::parse_axes(axes, naxes, x.ndim()), opts(dtype, out, keepdims, nullptr, where));
  });
}

#define CNP_RED_VAR(cname, sq)                                                                                         \
  CNP_API cnp_status cnp_##cname(const cnp_array* a, const int64_t* axes, int32_t naxes, const cnp_dtype* dtype,        \
                                 cnp_array* out, double ddof, int32_t keepdims, const cnp_array* where,                \
                                 cnp_array** result) {                                                                 \
    return reduce_call(out, result, [&] {                                                                              \
      const Array& x = array_of(a);                                                                                    \
      return rd::var(x, rd::parse_axes(axes, naxes, x.ndim()), opts(dtype, out, keepdims, nullptr, where), ddof, sq);  \
    });                                                                                                                \
  }
CNP_RED_VAR(var, false)
CNP_RED_VAR(std, true)

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

#define CNP_RED_ARG(cname, is_max)                                                                                    \
  CNP_API cnp_status cnp_##cname(const cnp_array* a, const int64_t* axes, int32_t naxes, cnp_array* out,               \
                                 int32_t keepdims, cnp_array** result) {                                               \
    return reduce_call(out, result, [&] {                                                                              \
      const Array& x = array_of(a);                                                                                    \
      int64_t axis = 0;                                                                                                \
      bool has = single_axis(axes, naxes, &axis);                                                                      \
      return rd::arg(is_max, x, has, axis, out ? &array_of(out) : nullptr, keepdims != 0);                             \
    });                                                                                                                \
  }
CNP_RED_ARG(argmin, false)
CNP_RED_ARG(argmax, true)

#define CNP_RED_ACC(cname, is_prod)                                                                                   \
  CNP_API cnp_status cnp_##cname(const cnp_array* a, const int64_t* axes, int32_t naxes, const cnp_dtype* dtype,        \
                                 cnp_array* out, cnp_array** result) {                                                 \
    return reduce_call(out, result, [&] {                                                                              \
      const Array& x = array_of(a);                                                                                    \
      int64_t axis = 0;                                                                                                \
      bool has = single_axis(axes, naxes, &axis);                                                                      \
      return rd::accumulate(is_prod, x, has, axis, opt_dtype(dtype), out ? &array_of(out) : nullptr);                  \
    });                                                                                                                \
  }
CNP_RED_ACC(cumsum, false)
CNP_RED_ACC(cumprod, true)

}  // extern "C"
