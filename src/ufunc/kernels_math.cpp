// Typed 1-D loops of the floating-point math ufuncs, in NumPy 1.24's loop order (see
// tests/data/ufunc_types_numpy124.txt). Real functions call the C library (the functions NumPy's
// scalar loops call, so the FPU flags match); float16 computes in float and rounds back, raising
// NumPy's conversion flags; complex functions are in complex_math.hpp. The float32/float64 loops
// of unary functions use the vectorised SLEEF loops (simd.hpp) where they exist.
#include <cmath>

#include "ufunc/complex_math.hpp"
#include "ufunc/loops.hpp"
#include "ufunc/scalar_math.hpp"
#include "ufunc/simd.hpp"

namespace cnp::ufunc {

namespace {

// ---- operation functors: float and double (and complex where NumPy has complex loops) ----

#define CNP_REAL_OP(Name, expr)                                               \
  struct Name {                                                               \
    float operator()(float x) const noexcept { return expr; }                 \
    double operator()(double x) const noexcept { return expr; }               \
  };
#define CNP_REAL_COMPLEX_OP(Name, expr, cexpr)                                \
  struct Name {                                                               \
    float operator()(float x) const noexcept { return expr; }                 \
    double operator()(double x) const noexcept { return expr; }               \
    c64_t operator()(c64_t x) const noexcept { return cexpr; }                \
    c128_t operator()(c128_t x) const noexcept { return cexpr; }              \
  };

CNP_REAL_COMPLEX_OP(SqrtOp, std::sqrt(x), cmath::sqrt(x))
CNP_REAL_OP(CbrtOp, std::cbrt(x))
CNP_REAL_COMPLEX_OP(ExpOp, std::exp(x), cmath::exp(x))
CNP_REAL_COMPLEX_OP(Exp2Op, std::exp2(x), cmath::exp2(x))
CNP_REAL_COMPLEX_OP(Expm1Op, std::expm1(x), cmath::expm1(x))
CNP_REAL_COMPLEX_OP(LogOp, std::log(x), cmath::log(x))
CNP_REAL_COMPLEX_OP(Log2Op, std::log2(x), cmath::log2(x))
CNP_REAL_COMPLEX_OP(Log10Op, math::domain_nan(x, std::log10(x)), cmath::log10(x))
CNP_REAL_COMPLEX_OP(Log1pOp, std::log1p(x), cmath::log1p(x))
CNP_REAL_COMPLEX_OP(SinOp, std::sin(x), cmath::sin(x))
CNP_REAL_COMPLEX_OP(CosOp, std::cos(x), cmath::cos(x))
CNP_REAL_COMPLEX_OP(TanOp, std::tan(x), cmath::tan(x))
CNP_REAL_COMPLEX_OP(ArcsinOp, math::domain_nan(x, std::asin(x)), cmath::asin(x))
CNP_REAL_COMPLEX_OP(ArccosOp, math::domain_nan(x, std::acos(x)), cmath::acos(x))
CNP_REAL_COMPLEX_OP(ArctanOp, std::atan(x), cmath::atan(x))
CNP_REAL_COMPLEX_OP(SinhOp, std::sinh(x), cmath::sinh(x))
CNP_REAL_COMPLEX_OP(CoshOp, std::cosh(x), cmath::cosh(x))
CNP_REAL_COMPLEX_OP(TanhOp, std::tanh(x), cmath::tanh(x))
CNP_REAL_COMPLEX_OP(ArcsinhOp, std::asinh(x), cmath::asinh(x))
CNP_REAL_COMPLEX_OP(ArccoshOp, std::acosh(x), cmath::acosh(x))
CNP_REAL_COMPLEX_OP(ArctanhOp, std::atanh(x), cmath::atanh(x))
CNP_REAL_OP(Deg2radOp, x * math::kDegToRad<decltype(x)>)
CNP_REAL_OP(Rad2degOp, x * math::kRadToDeg<decltype(x)>)
CNP_REAL_OP(FloorOp, std::floor(x))
CNP_REAL_OP(CeilOp, std::ceil(x))
CNP_REAL_OP(TruncOp, std::trunc(x))
CNP_REAL_COMPLEX_OP(RintOp, std::rint(x), cmath::rint(x))
#undef CNP_REAL_OP
#undef CNP_REAL_COMPLEX_OP

#define CNP_REAL_BINARY_OP(Name, expr)                                        \
  struct Name {                                                               \
    float operator()(float x, float y) const noexcept { return expr; }        \
    double operator()(double x, double y) const noexcept { return expr; }     \
  };
CNP_REAL_BINARY_OP(LogaddexpOp, math::logaddexp(x, y))
CNP_REAL_BINARY_OP(Logaddexp2Op, math::logaddexp2(x, y))
CNP_REAL_BINARY_OP(Arctan2Op, std::atan2(x, y))
CNP_REAL_BINARY_OP(HypotOp, std::hypot(x, y))
CNP_REAL_BINARY_OP(CopysignOp, std::copysign(x, y))
CNP_REAL_BINARY_OP(NextafterOp, std::nextafter(x, y))
#undef CNP_REAL_BINARY_OP

struct SpacingOp {
  float operator()(float x) const noexcept { return math::spacing(x); }
  double operator()(double x) const noexcept { return math::spacing(x); }
  half_t operator()(half_t x) const noexcept { return math::half_spacing(x); }
};
struct HalfNextafterOp {
  half_t operator()(half_t x, half_t y) const noexcept { return math::half_nextafter(x, y); }
};
struct HalfCopysignOp {  // bitwise, like NumPy: NaN payloads are kept
  half_t operator()(half_t x, half_t y) const noexcept {
    return half_t{static_cast<uint16_t>((x.bits & 0x7fffu) | (y.bits & 0x8000u))};
  }
};
// Reads the sign bit directly (GCC 12 fails to compile a vectorised std::signbit on float).
struct SignbitOp {
  bool_t operator()(half_t x) const noexcept { return bool_t{static_cast<uint8_t>(x.bits >> 15)}; }
  bool_t operator()(float x) const noexcept { return bool_t{static_cast<uint8_t>(math::bits_of(x) >> 31)}; }
  bool_t operator()(double x) const noexcept { return bool_t{static_cast<uint8_t>(math::bits_of(x) >> 63)}; }
};

// float16 through the float function, rounded back with NumPy's overflow/underflow flags.
template <class Op>
struct ViaFloat {
  half_t operator()(half_t x) const noexcept { return math::half_result(Op{}(math::half_value(x))); }
  half_t operator()(half_t x, half_t y) const noexcept {
    return math::half_result(Op{}(math::half_value(x), math::half_value(y)));
  }
};

// ---- table builders ----

template <class T, class Op>
Loop real_unary(Id id) {
  Loop l = unary<T, T, Op>();
  if (LoopFn v = simd_loop(id, type_num<T>)) l.fn = v;
  return l;
}

// e->e f->f d->d, with the vectorised float/double loops when there are any.
template <class Op>
void add_real(Ufunc& u, Id id) {
  u.loops.push_back(unary<half_t, half_t, ViaFloat<Op>>());
  u.loops.push_back(real_unary<float, Op>(id));
  u.loops.push_back(real_unary<double, Op>(id));
}
// ... then F->F D->D.
template <class Op>
void add_real_complex(Ufunc& u, Id id) {
  add_real<Op>(u, id);
  u.loops.push_back(unary<c64_t, c64_t, Op>());
  u.loops.push_back(unary<c128_t, c128_t, Op>());
}
// ee->e ff->f dd->d.
template <class Op, class HalfOp = ViaFloat<Op>>
void add_real_binary(Ufunc& u) {
  u.loops.push_back(binary<half_t, half_t, half_t, HalfOp>());
  u.loops.push_back(binary<float, float, float, Op>());
  u.loops.push_back(binary<double, double, double, Op>());
}

// Rough per-element cost (see Ufunc::cost): libm transcendental calls ~8, cheap rounding ~1.
constexpr int16_t kCheap = 1, kSqrt = 4, kTranscendental = 8, kTwoCalls = 16;

}  // namespace

void init_math(Table& t) {
  auto uf = [&t](Id id, int16_t cost) -> Ufunc& {
    Ufunc& u = t[static_cast<int>(id)];
    u.resolver = Resolver::Default;
    u.cost = cost;
    return u;
  };

  add_real_complex<SqrtOp>(uf(Id::sqrt, kSqrt), Id::sqrt);
  add_real<CbrtOp>(uf(Id::cbrt, kTranscendental), Id::cbrt);
  add_real_complex<ExpOp>(uf(Id::exp, kTranscendental), Id::exp);
  add_real_complex<Exp2Op>(uf(Id::exp2, kTranscendental), Id::exp2);
  add_real_complex<Expm1Op>(uf(Id::expm1, kTranscendental), Id::expm1);
  add_real_complex<LogOp>(uf(Id::log, kTranscendental), Id::log);
  add_real_complex<Log2Op>(uf(Id::log2, kTranscendental), Id::log2);
  add_real_complex<Log10Op>(uf(Id::log10, kTranscendental), Id::log10);
  add_real_complex<Log1pOp>(uf(Id::log1p, kTranscendental), Id::log1p);
  add_real_binary<LogaddexpOp>(uf(Id::logaddexp, kTwoCalls));
  add_real_binary<Logaddexp2Op>(uf(Id::logaddexp2, kTwoCalls));

  add_real_complex<SinOp>(uf(Id::sin, kTranscendental), Id::sin);
  add_real_complex<CosOp>(uf(Id::cos, kTranscendental), Id::cos);
  add_real_complex<TanOp>(uf(Id::tan, kTranscendental), Id::tan);
  add_real_complex<ArcsinOp>(uf(Id::arcsin, kTranscendental), Id::arcsin);
  add_real_complex<ArccosOp>(uf(Id::arccos, kTranscendental), Id::arccos);
  add_real_complex<ArctanOp>(uf(Id::arctan, kTranscendental), Id::arctan);
  add_real_binary<Arctan2Op>(uf(Id::arctan2, kTranscendental));
  add_real_binary<HypotOp>(uf(Id::hypot, kTranscendental));
  add_real_complex<SinhOp>(uf(Id::sinh, kTranscendental), Id::sinh);
  add_real_complex<CoshOp>(uf(Id::cosh, kTranscendental), Id::cosh);
  add_real_complex<TanhOp>(uf(Id::tanh, kTranscendental), Id::tanh);
  add_real_complex<ArcsinhOp>(uf(Id::arcsinh, kTranscendental), Id::arcsinh);
  add_real_complex<ArccoshOp>(uf(Id::arccosh, kTranscendental), Id::arccosh);
  add_real_complex<ArctanhOp>(uf(Id::arctanh, kTranscendental), Id::arctanh);

  add_real<Deg2radOp>(uf(Id::deg2rad, kCheap), Id::deg2rad);
  add_real<Rad2degOp>(uf(Id::rad2deg, kCheap), Id::rad2deg);
  add_real<Rad2degOp>(uf(Id::degrees, kCheap), Id::degrees);
  add_real<Deg2radOp>(uf(Id::radians, kCheap), Id::radians);

  add_real<FloorOp>(uf(Id::floor, kCheap), Id::floor);
  add_real<CeilOp>(uf(Id::ceil, kCheap), Id::ceil);
  add_real<TruncOp>(uf(Id::trunc, kCheap), Id::trunc);
  add_real_complex<RintOp>(uf(Id::rint, kCheap), Id::rint);

  {
    Ufunc& u = uf(Id::spacing, kCheap);
    u.loops.push_back(unary<half_t, half_t, SpacingOp>());
    u.loops.push_back(real_unary<float, SpacingOp>(Id::spacing));
    u.loops.push_back(real_unary<double, SpacingOp>(Id::spacing));
  }
  add_real_binary<NextafterOp, HalfNextafterOp>(uf(Id::nextafter, kCheap));
  add_real_binary<CopysignOp, HalfCopysignOp>(uf(Id::copysign, kCheap));
  append_unary_to<SignbitOp, bool_t, half_t, float, double>(uf(Id::signbit, kCheap).loops);
}

}  // namespace cnp::ufunc
