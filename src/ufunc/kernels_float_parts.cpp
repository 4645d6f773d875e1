// Typed 1-D loops of the ufuncs that take a float apart or put one together: modf (fractional
// and integral parts), frexp (mantissa and power-of-two exponent) and ldexp (mantissa times a
// power of two), in NumPy 1.24's loop order (tests/data/ufunc_types_numpy124.txt).
//
// Each element goes through the C library's modf/frexp/ldexp in the loop's type, the functions
// NumPy's loops call, so values, NaN payloads and the FPU flags (ldexp's overflow and underflow)
// are NumPy's. float16 computes in float and rounds every result back to half with NumPy's
// conversion flags (math::half_result), as NumPy's half loops do: ldexp(float16(3), 20) is
// 3 * 2**20 in float, which then overflows float16 and warns.
#include <climits>
#include <cmath>
#include <cstdint>
#include <utility>

#include "ufunc/loops.hpp"
#include "ufunc/scalar_math.hpp"

namespace cnp::ufunc {

namespace {

// One input, two outputs from a functor returning std::pair<Out1, Out2>.
template <class In, class Out1, class Out2, class Op>
void unary2_loop(char* const* args, const int64_t* s, int64_t n, const void*) {
  const Op op{};
  const char* x = args[0];
  char* y1 = args[1];
  char* y2 = args[2];
  if (s[0] == sizeof(In) && s[1] == sizeof(Out1) && s[2] == sizeof(Out2)) {
    for (int64_t i = 0; i < n; ++i) {
      const auto r = op(ld<In>(x + i * sizeof(In)));
      st<Out1>(y1 + i * sizeof(Out1), r.first);
      st<Out2>(y2 + i * sizeof(Out2), r.second);
    }
    return;
  }
  for (int64_t i = 0; i < n; ++i) {
    const auto r = op(ld<In>(x + i * s[0]));
    st<Out1>(y1 + i * s[1], r.first);
    st<Out2>(y2 + i * s[2], r.second);
  }
}

template <class In, class Out1, class Out2, class Op>
Loop unary2() {
  return Loop{{type_num<In>, type_num<Out1>, type_num<Out2>, -1}, &unary2_loop<In, Out1, Out2, Op>, nullptr};
}

// modf(x) -> (fractional part, integral part), both signed like x: modf(-0.0) = (-0, -0),
// modf(inf) = (0, inf), NaN gives the input NaN twice.
struct ModfOp {
  std::pair<float, float> operator()(float x) const noexcept {
    float ip;
    const float fp = std::modf(x, &ip);
    return {fp, ip};
  }
  std::pair<double, double> operator()(double x) const noexcept {
    double ip;
    const double fp = std::modf(x, &ip);
    return {fp, ip};
  }
  std::pair<half_t, half_t> operator()(half_t x) const noexcept {
    const auto [fp, ip] = (*this)(math::half_value(x));
    return {math::half_result(fp), math::half_result(ip)};
  }
};

// frexp(x) -> (mantissa in [0.5, 1) signed like x, exponent as int32). Zero, inf and NaN come
// back unchanged with exponent 0 (glibc's choice, which NumPy's loops inherit).
struct FrexpOp {
  std::pair<float, int32_t> operator()(float x) const noexcept {
    int e = 0;
    const float m = std::frexp(x, &e);
    return {m, static_cast<int32_t>(e)};
  }
  std::pair<double, int32_t> operator()(double x) const noexcept {
    int e = 0;
    const double m = std::frexp(x, &e);
    return {m, static_cast<int32_t>(e)};
  }
  std::pair<half_t, int32_t> operator()(half_t x) const noexcept {
    const auto [m, e] = (*this)(math::half_value(x));
    return {math::half_result(m), e};
  }
};

// ldexp(x, n) = x * 2**n. An int64 exponent outside C's int is clamped to INT_MIN/INT_MAX, as
// NumPy's int64 loops do: the result has already overflowed (or underflowed) for any exponent
// that large, so ldexp(2.0, 2**40) is inf with the overflow warning and ldexp(2.0, -2**40) is 0.
inline int clamp_exponent(int64_t n) noexcept {
  return n > INT_MAX ? INT_MAX : n < INT_MIN ? INT_MIN : static_cast<int>(n);
}
struct LdexpOp {
  float operator()(float x, int32_t n) const noexcept { return std::ldexp(x, n); }
  double operator()(double x, int32_t n) const noexcept { return std::ldexp(x, n); }
  half_t operator()(half_t x, int32_t n) const noexcept { return math::half_result(std::ldexp(math::half_value(x), n)); }
  float operator()(float x, int64_t n) const noexcept { return std::ldexp(x, clamp_exponent(n)); }
  double operator()(double x, int64_t n) const noexcept { return std::ldexp(x, clamp_exponent(n)); }
  half_t operator()(half_t x, int64_t n) const noexcept {
    return math::half_result(std::ldexp(math::half_value(x), clamp_exponent(n)));
  }
};

// Per-element cost (Ufunc::cost): one libm call each, cheap next to a transcendental.
constexpr int16_t kLibmCall = 2;

}  // namespace

void init_float_parts(Table& t) {
  auto uf = [&t](Id id) -> Ufunc& {
    Ufunc& u = t[static_cast<int>(id)];
    u.cost = kLibmCall;
    return u;
  };
  {
    auto& v = uf(Id::modf).loops;  // e->ee f->ff d->dd
    v.push_back(unary2<half_t, half_t, half_t, ModfOp>());
    v.push_back(unary2<float, float, float, ModfOp>());
    v.push_back(unary2<double, double, double, ModfOp>());
  }
  {
    auto& v = uf(Id::frexp).loops;  // e->ei f->fi d->di
    v.push_back(unary2<half_t, half_t, int32_t, FrexpOp>());
    v.push_back(unary2<float, float, int32_t, FrexpOp>());
    v.push_back(unary2<double, double, int32_t, FrexpOp>());
  }
  {
    // NumPy's order: ei->e fi->f el->e fl->f di->d dl->d (its long double loops are not here).
    auto& v = uf(Id::ldexp).loops;
    v.push_back(binary<half_t, int32_t, half_t, LdexpOp>());
    v.push_back(binary<float, int32_t, float, LdexpOp>());
    v.push_back(binary<half_t, int64_t, half_t, LdexpOp>());
    v.push_back(binary<float, int64_t, float, LdexpOp>());
    v.push_back(binary<double, int32_t, double, LdexpOp>());
    v.push_back(binary<double, int64_t, double, LdexpOp>());
  }
}

}  // namespace cnp::ufunc
