// C entry points of the ufunc module: thin wrappers that validate handles, translate
// cnp_ufunc_args, and call the engine (src/ufunc).
#include "cnumpy/ufunc.h"

#include "capi/guard.hpp"
#include "core/parallel.hpp"
#include "ufunc/errstate.hpp"
#include "ufunc/execute.hpp"
#include "ufunc/functions.hpp"

using namespace cnp;
using namespace cnp::capi;
namespace uf = cnp::ufunc;

namespace {

uf::Args to_args(const cnp_ufunc_args* a, int nout) {
  uf::Args r;
  if (!a) return r;
  for (int k = 0; k < nout; ++k) r.out[k] = a->out[k] ? &array_of(a->out[k]) : nullptr;
  r.where = opt_array(a->where);
  r.dtype = opt_dtype(a->dtype);
  r.casting = a->casting;
  r.order = a->order;
  return r;
}

// The handle for result k: the caller's out array (a new reference to the same handle) or a new one.
cnp_array* result_handle(const cnp_ufunc_args* a, int k, Array&& value) {
  if (a && a->out[k]) return retain_handle(a->out[k]);
  return new_handle(std::move(value));
}

cnp_status call_n(uf::Id id, const cnp_array* const* in, int nin, const cnp_ufunc_args* args, cnp_array** out1,
                  cnp_array** out2) {
  if (out1) *out1 = nullptr;
  if (out2) *out2 = nullptr;
  return run([&] {
    require_out(out1);
    int nout = out2 ? 2 : 1;
    if (nout == 2) require_out(out2);
    const Array* inputs[uf::kMaxArgs];
    for (int i = 0; i < nin; ++i) inputs[i] = &array_of(in[i]);
    auto results = uf::call(id, inputs, to_args(args, nout));
    cnp_array* h1 = result_handle(args, 0, std::move(results[0]));
    if (nout == 2) {
      try {
        *out2 = result_handle(args, 1, std::move(results[1]));
      } catch (...) {
        cnp_array_free(h1);
        throw;
      }
    }
    *out1 = h1;
  });
}

}  // namespace

extern "C" {

#define CNP_UNARY(cname, id)                                                                       \
  CNP_API cnp_status cname(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out) { \
    const cnp_array* in[1] = {x};                                                                  \
    return call_n(uf::Id::id, in, 1, args, out, nullptr);                                          \
  }
#define CNP_BINARY(cname, id)                                                                                          \
  CNP_API cnp_status cname(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out) { \
    const cnp_array* in[2] = {x1, x2};                                                                                 \
    return call_n(uf::Id::id, in, 2, args, out, nullptr);                                                              \
  }

CNP_UNARY(cnp_negative, negative)
CNP_UNARY(cnp_positive, positive)
CNP_UNARY(cnp_absolute, absolute)
CNP_UNARY(cnp_abs, absolute)
CNP_UNARY(cnp_fabs, fabs)
CNP_UNARY(cnp_sign, sign)
CNP_UNARY(cnp_reciprocal, reciprocal)
CNP_UNARY(cnp_square, square)
CNP_UNARY(cnp_sqrt, sqrt)
CNP_UNARY(cnp_cbrt, cbrt)
CNP_UNARY(cnp_exp, exp)
CNP_UNARY(cnp_exp2, exp2)
CNP_UNARY(cnp_expm1, expm1)
CNP_UNARY(cnp_log, log)
CNP_UNARY(cnp_log2, log2)
CNP_UNARY(cnp_log10, log10)
CNP_UNARY(cnp_log1p, log1p)
CNP_UNARY(cnp_sin, sin)
CNP_UNARY(cnp_cos, cos)
CNP_UNARY(cnp_tan, tan)
CNP_UNARY(cnp_arcsin, arcsin)
CNP_UNARY(cnp_arccos, arccos)
CNP_UNARY(cnp_arctan, arctan)
CNP_UNARY(cnp_sinh, sinh)
CNP_UNARY(cnp_cosh, cosh)
CNP_UNARY(cnp_tanh, tanh)
CNP_UNARY(cnp_arcsinh, arcsinh)
CNP_UNARY(cnp_arccosh, arccosh)
CNP_UNARY(cnp_arctanh, arctanh)
CNP_UNARY(cnp_deg2rad, deg2rad)
CNP_UNARY(cnp_rad2deg, rad2deg)
CNP_UNARY(cnp_degrees, degrees)
CNP_UNARY(cnp_radians, radians)
CNP_UNARY(cnp_floor, floor)
CNP_UNARY(cnp_ceil, ceil)
CNP_UNARY(cnp_trunc, trunc)
CNP_UNARY(cnp_rint, rint)
CNP_UNARY(cnp_logical_not, logical_not)
CNP_UNARY(cnp_isnan, isnan)
CNP_UNARY(cnp_isinf, isinf)
CNP_UNARY(cnp_isfinite, isfinite)
CNP_UNARY(cnp_signbit, signbit)
CNP_UNARY(cnp_spacing, spacing)
CNP_UNARY(cnp_invert, invert)
CNP_UNARY(cnp_bitwise_not, invert)
CNP_UNARY(cnp_conjugate, conjugate)
CNP_UNARY(cnp_conj, conjugate)

CNP_BINARY(cnp_add, add)
CNP_BINARY(cnp_subtract, subtract)
CNP_BINARY(cnp_multiply, multiply)
CNP_BINARY(cnp_divide, divide)
CNP_BINARY(cnp_true_divide, divide)
CNP_BINARY(cnp_floor_divide, floor_divide)
CNP_BINARY(cnp_remainder, remainder)
CNP_BINARY(cnp_mod, remainder)
CNP_BINARY(cnp_fmod, fmod)
CNP_BINARY(cnp_power, power)
CNP_BINARY(cnp_float_power, float_power)
CNP_BINARY(cnp_logaddexp, logaddexp)
CNP_BINARY(cnp_logaddexp2, logaddexp2)
CNP_BINARY(cnp_arctan2, arctan2)
CNP_BINARY(cnp_hypot, hypot)
CNP_BINARY(cnp_equal, equal)
CNP_BINARY(cnp_not_equal, not_equal)
CNP_BINARY(cnp_less, less)
CNP_BINARY(cnp_less_equal, less_equal)
CNP_BINARY(cnp_greater, greater)
CNP_BINARY(cnp_greater_equal, greater_equal)
CNP_BINARY(cnp_maximum, maximum)
CNP_BINARY(cnp_minimum, minimum)
CNP_BINARY(cnp_fmax, fmax)
CNP_BINARY(cnp_fmin, fmin)
CNP_BINARY(cnp_logical_and, logical_and)
CNP_BINARY(cnp_logical_or, logical_or)
CNP_BINARY(cnp_logical_xor, logical_xor)
CNP_BINARY(cnp_copysign, copysign)
CNP_BINARY(cnp_nextafter, nextafter)
CNP_BINARY(cnp_bitwise_and, bitwise_and)
CNP_BINARY(cnp_bitwise_or, bitwise_or)
CNP_BINARY(cnp_bitwise_xor, bitwise_xor)
CNP_BINARY(cnp_left_shift, left_shift)
CNP_BINARY(cnp_right_shift, right_shift)
CNP_BINARY(cnp_gcd, gcd)
CNP_BINARY(cnp_lcm, lcm)

#undef CNP_UNARY
#undef CNP_BINARY

CNP_API cnp_status cnp_divmod(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out1,
                              cnp_array** out2) {
  const cnp_array* in[2] = {x1, x2};
  if (!out2) {
    if (out1) *out1 = nullptr;
    return fail(CNP_ERR_INVALID_HANDLE, "output pointer is NULL");
  }
  return call_n(uf::Id::divmod, in, 2, args, out1, out2);
}

CNP_API cnp_status cnp_clip(const cnp_array* a, const cnp_array* a_min, const cnp_array* a_max,
                            const cnp_ufunc_args* args, cnp_array** out) {
  if (out) *out = nullptr;
  return run([&] {
    require_out(out);
    Array r = uf::clip(array_of(a), opt_array(a_min), opt_array(a_max), to_args(args, 1));
    *out = result_handle(args, 0, std::move(r));
  });
}

static cnp_status out_or_new(cnp_array* out_arr, cnp_array** out, Array&& r) {
  *out = out_arr ? retain_handle(out_arr) : new_handle(std::move(r));
  return CNP_OK;
}

CNP_API cnp_status cnp_around(const cnp_array* a, int64_t decimals, cnp_array* out_arr, cnp_array** out) {
  if (out) *out = nullptr;
  return run([&] {
    require_out(out);
    Array* o = out_arr ? &array_of(out_arr) : nullptr;
    if (o) o->require_writeable();
    out_or_new(out_arr, out, uf::around(array_of(a), decimals, o));
  });
}
CNP_API cnp_status cnp_round(const cnp_array* a, int64_t decimals, cnp_array* out_arr, cnp_array** out) {
  return cnp_around(a, decimals, out_arr, out);
}

CNP_API cnp_status cnp_fix(const cnp_array* x, cnp_array* out_arr, cnp_array** out) {
  if (out) *out = nullptr;
  return run([&] {
    require_out(out);
    Array* o = out_arr ? &array_of(out_arr) : nullptr;
    out_or_new(out_arr, out, uf::fix(array_of(x), o));
  });
}

CNP_API cnp_status cnp_real(const cnp_array* val, cnp_array** out) {
  return produce(out, [&] { return uf::real(array_of(val)); });
}
CNP_API cnp_status cnp_imag(const cnp_array* val, cnp_array** out) {
  return produce(out, [&] { return uf::imag(array_of(val)); });
}
CNP_API cnp_status cnp_angle(const cnp_array* z, int32_t deg, cnp_array** out) {
  return produce(out, [&] { return uf::angle(array_of(z), deg != 0); });
}
CNP_API cnp_status cnp_isclose(const cnp_array* a, const cnp_array* b, double rtol, double atol, int32_t equal_nan,
                               cnp_array** out) {
  return produce(out, [&] { return uf::isclose(array_of(a), array_of(b), rtol, atol, equal_nan != 0); });
}
CNP_API cnp_status cnp_allclose(const cnp_array* a, const cnp_array* b, double rtol, double atol, int32_t equal_nan,
                                int32_t* out) {
  return get(out, [&] { return int32_t{uf::allclose(array_of(a), array_of(b), rtol, atol, equal_nan != 0)}; });
}
CNP_API cnp_status cnp_array_equal(const cnp_array* a1, const cnp_array* a2, int32_t equal_nan, int32_t* out) {
  return get(out, [&] { return int32_t{uf::array_equal(array_of(a1), array_of(a2), equal_nan != 0)}; });
}
CNP_API cnp_status cnp_where(const cnp_array* condition, const cnp_array* x, const cnp_array* y, cnp_array** out) {
  return produce(out, [&] { return uf::where(array_of(condition), array_of(x), array_of(y)); });
}

CNP_API cnp_status cnp_geterr(cnp_errstate* out) { return get(out, [&] { return errstate(); }); }
CNP_API cnp_status cnp_seterr(const cnp_errstate* state) {
  return run([&] {
    if (!state) throw Error(CNP_ERR_INVALID_HANDLE, "errstate pointer is NULL");
    set_errstate(*state);
  });
}

CNP_API cnp_status cnp_set_num_threads(int32_t n) {
  return run([&] { set_num_threads(n); });
}
CNP_API int32_t cnp_get_num_threads(void) { return num_threads(); }

}  // extern "C"
