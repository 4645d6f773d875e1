// C entry points of the ufunc module: thin wrappers that validate handles, translate
// cnp_ufunc_args, and call the engine (src/ufunc).
#include "cnumpy/ufunc.h"

#include <string>

#include "capi/guard.hpp"
#include "core/dtype.hpp"
#include "core/loop_registry.hpp"
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
  for (int k = 0; k < nout; ++k) r.out[k] = a->out[k] ? &method_output(a->out[k]) : nullptr;
  r.where = opt_array(a->where);
  r.dtype = opt_dtype(a->dtype);
  r.casting = a->casting;
  r.order = a->order;
  return r;
}

// The ufunc's results through produce(): result k goes to outs[k], or is the caller's out array
// args->out[k] (then the caller gets a new reference to that handle).
template <size_t NOUT>
cnp_status call_ufunc(uf::Id id, std::initializer_list<const cnp_array*> in, const cnp_ufunc_args* args,
                      const std::array<cnp_array**, NOUT>& outs) {
  Result to[NOUT];
  for (size_t k = 0; k < NOUT; ++k) to[k] = Result{outs[k], false, args ? args->out[k] : nullptr};
  return produce(to, [&](auto& r) {
    const Array* inputs[uf::kMaxArgs];
    int nin = 0;
    for (const cnp_array* h : in) inputs[nin++] = &method_input(h);
    auto results = uf::call(id, inputs, to_args(args, NOUT));
    for (size_t k = 0; k < NOUT; ++k) r[k] = std::move(results[k]);
  });
}

}  // namespace

extern "C" {

// One entry point per row of ufunc/declarations.hpp (and per alias), written out by its full
// name; the static_assert holds each line to the declaration (name or alias, arity), and
// tools/check_exports checks every row has its line and its prototype in ufunc.h.
#define CNP_UNARY(cname, id)                                                                     \
  static_assert(uf::entry_point_matches(#cname, uf::Id::id, 1, 1), #cname " is not declared");   \
  CNP_API cnp_status cname(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out) {     \
    return call_ufunc<1>(uf::Id::id, {x}, args, {out});                                           \
  }
#define CNP_BINARY(cname, id)                                                                                          \
  static_assert(uf::entry_point_matches(#cname, uf::Id::id, 2, 1), #cname " is not declared");                         \
  CNP_API cnp_status cname(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out) { \
    return call_ufunc<1>(uf::Id::id, {x1, x2}, args, {out});                                                          \
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
CNP_UNARY(cnp_isnat, isnat)
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
CNP_BINARY(cnp_ldexp, ldexp)
CNP_BINARY(cnp_heaviside, heaviside)
CNP_BINARY(cnp_bitwise_and, bitwise_and)
CNP_BINARY(cnp_bitwise_or, bitwise_or)
CNP_BINARY(cnp_bitwise_xor, bitwise_xor)
CNP_BINARY(cnp_left_shift, left_shift)
CNP_BINARY(cnp_right_shift, right_shift)
CNP_BINARY(cnp_gcd, gcd)
CNP_BINARY(cnp_lcm, lcm)

#undef CNP_UNARY
#undef CNP_BINARY

static_assert(uf::entry_point_matches("cnp_divmod", uf::Id::divmod, 2, 2));
CNP_API cnp_status cnp_divmod(const cnp_array* x1, const cnp_array* x2, const cnp_ufunc_args* args, cnp_array** out1,
                              cnp_array** out2) {
  return call_ufunc<2>(uf::Id::divmod, {x1, x2}, args, {out1, out2});
}

static_assert(uf::entry_point_matches("cnp_modf", uf::Id::modf, 1, 2));
CNP_API cnp_status cnp_modf(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out1, cnp_array** out2) {
  return call_ufunc<2>(uf::Id::modf, {x}, args, {out1, out2});
}
static_assert(uf::entry_point_matches("cnp_frexp", uf::Id::frexp, 1, 2));
CNP_API cnp_status cnp_frexp(const cnp_array* x, const cnp_ufunc_args* args, cnp_array** out1, cnp_array** out2) {
  return call_ufunc<2>(uf::Id::frexp, {x}, args, {out1, out2});
}

static_assert(uf::entry_point_matches("cnp_clip", uf::Id::clip, 3, 1));
CNP_API cnp_status cnp_clip(const cnp_array* a, const cnp_array* a_min, const cnp_array* a_max,
                            const cnp_ufunc_args* args, cnp_array** out) {
  return produce(out, args ? args->out[0] : nullptr,
                 [&] { return uf::clip(array_of(a), opt_array(a_min), opt_array(a_max), to_args(args, 1)); });
}

CNP_API cnp_status cnp_around(const cnp_array* a, int64_t decimals, cnp_array* out_array, cnp_array** out) {
  return produce(out, out_array, [&] {
    Array* o = opt_out(out_array);
    if (o) o->require_writeable();
    return uf::around(array_of(a), decimals, o);
  });
}
CNP_API cnp_status cnp_round(const cnp_array* a, int64_t decimals, cnp_array* out_array, cnp_array** out) {
  return cnp_around(a, decimals, out_array, out);
}

CNP_API cnp_status cnp_fix(const cnp_array* x, cnp_array* out_array, cnp_array** out) {
  return produce(out, out_array, [&] { return uf::fix(array_of(x), opt_out(out_array)); });
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
  return produce(out, [&] { return uf::where(array_of(condition), method_input(x), method_input(y)); });
}

CNP_API int32_t cnp_ufunc_count(void) { return uf::kPublicCount + uf::kAliasCount; }

CNP_API cnp_status cnp_ufunc_info_at(int32_t index, cnp_ufunc_info* out) {
  return get(out, [&] {
    if (index < 0 || index >= uf::kPublicCount + uf::kAliasCount) throw Error(CNP_ERR_INDEX, "ufunc index out of range");
    cnp_ufunc_info info{};
    uf::Id id = static_cast<uf::Id>(index);
    if (index >= uf::kPublicCount) {
      const uf::Alias& alias = uf::kAliases[index - uf::kPublicCount];
      id = alias.id;
      info.name = alias.name;
      info.alias_of = uf::get(id).name;
    }
    const uf::Ufunc& u = uf::get(id);
    if (!info.name) info.name = u.name;
    info.summary = u.summary;
    info.nin = u.nin;
    info.nout = u.nout;
    info.has_identity = uf::identity_value(u.identity, &info.identity);
    return info;
  });
}

CNP_API cnp_status cnp_ufunc_types_at(int32_t index, char** out) {
  return get(out, [&] {
    if (index < 0 || index >= uf::kPublicCount + uf::kAliasCount) throw Error(CNP_ERR_INDEX, "ufunc index out of range");
    uf::Id id = index >= uf::kPublicCount ? uf::kAliases[index - uf::kPublicCount].id : static_cast<uf::Id>(index);
    const uf::Ufunc& u = uf::get(id);
    std::string text;
    for (const uf::Loop& loop : u.loops) {
      if (!text.empty()) text += ' ';
      for (int k = 0; k < u.nin + u.nout; ++k) {
        if (k == u.nin) text += "->";
        text += builtin_dtype(loop.types[k])->chr;
      }
    }
    for (const Method& m : loop_registry().methods(static_cast<int32_t>(id)))
      if (m.types) text += (text.empty() ? "" : " ") + std::string(m.types);
    return to_c_string(text);
  });
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
