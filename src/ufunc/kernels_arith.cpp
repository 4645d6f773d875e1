// Typed 1-D loops of the arithmetic ufuncs, in NumPy 1.24's loop order (see
// tests/data/ufunc_types_numpy124.txt), with NumPy's values and floating-point flags:
//  - integers wrap; x // 0, x % 0 and fmod(x, 0) give 0 and raise "divide by zero"; MIN // -1
//    gives MIN and raises "overflow"; floor_divide/remainder follow Python's signs;
//  - float16 computes in float and rounds every result back with NumPy's conversion flags;
//  - float floor_divide/remainder/divmod use NumPy's fmod-based divmod (the remainder takes the
//    divisor's sign, the quotient is snapped to an integer);
//  - complex multiply/divide/power are Arith's (NumPy's formulas), complex absolute is NumPy's
//    AVX-512 hypot (what NumPy runs on the CPUs that have it).
#include <cmath>
#include <limits>

#include "core/arith.hpp"
#include "ufunc/kernel_ops.hpp"

namespace cnp::ufunc {

namespace {

using namespace kern;

template <class T> inline constexpr bool is_bool = std::is_same_v<T, bool_t>;
template <class T> inline constexpr bool is_half = std::is_same_v<T, half_t>;

// ---- scalar helpers ----

// Python's floor division and modulo on integers; the divisor is nonzero and (MIN, -1) excluded.
template <class T>
inline T int_floordiv(T a, T b) noexcept {
  T q = static_cast<T>(a / b);
  if constexpr (std::is_signed_v<T>) {
    if (static_cast<T>(a % b) != 0 && ((a < 0) != (b < 0))) --q;
  }
  return q;
}
template <class T>
inline T int_mod(T a, T b) noexcept {
  T r = static_cast<T>(a % b);
  if constexpr (std::is_signed_v<T>) {
    if (r != 0 && ((r < 0) != (b < 0))) r = static_cast<T>(r + b);
  }
  return r;
}

// NumPy's divmod for floats: the remainder from fmod, moved to the divisor's sign; the quotient
// (a - mod) / b snapped to the nearest integer at or below it. b == 0 gives a / b and fmod's NaN.
template <class R>
inline R float_divmod(R a, R b, R& mod) noexcept {
  mod = std::fmod(a, b);
  if (b == 0) return a / b;
  R div = (a - mod) / b;
  if (mod != 0) {
    if (__builtin_isless(b, R(0)) != __builtin_isless(mod, R(0))) {
      mod += b;
      div -= R(1);
    }
  } else {
    mod = std::copysign(R(0), b);
  }
  R floordiv;
  if (div != 0) {
    floordiv = std::floor(div);
    if (__builtin_isgreater(div - floordiv, R(0.5))) floordiv += R(1);
  } else {
    floordiv = std::copysign(R(0), a / b);
  }
  return floordiv;
}
template <class R>
inline R float_floordiv(R a, R b, int& fl) noexcept {
  if (b == 0) {
    // NumPy flags the zero divisor itself: invalid for 0/0 and NaN/0, divide by zero otherwise.
    fl |= (a == 0 || std::isnan(a)) ? FE_INVALID : FE_DIVBYZERO;
    return a / b;
  }
  R mod;
  return float_divmod(a, b, mod);
}
template <class R>
inline R float_remainder(R a, R b) noexcept {
  if (b == 0) return std::fmod(a, b);
  R mod;
  float_divmod(a, b, mod);
  return mod;
}

// |z| as NumPy 1.24's AVX-512F loop computes it: an infinite part gives inf, else a NaN part
// gives NaN, else larger * sqrt(1 + (smaller / larger)**2) with a fused multiply-add.
template <class R>
inline R complex_abs(R re, R im) noexcept {
  constexpr R inf = std::numeric_limits<R>::infinity();
  R x = std::fabs(re), y = std::fabs(im);
  const bool re_inf = x == inf, im_inf = y == inf;
  if (im_inf) x = inf;
  if (re_inf) y = inf;
  const bool re_nan = std::isnan(x), im_nan = std::isnan(y);
  if (im_nan) x = std::numeric_limits<R>::quiet_NaN();
  if (re_nan) y = std::numeric_limits<R>::quiet_NaN();
  const R larger = x > y ? x : y;  // maxpd/minpd: the second operand unless the first wins
  const R smaller = x < y ? x : y;
  const R ratio = (larger == 0 || smaller == inf) ? R(0) : smaller / larger;
  return std::sqrt(std::fma(ratio, ratio, R(1))) * larger;
}

// Integer power by squaring, wrapping; negative exponents are an error for signed types.
template <class T>
inline T int_power(T a, T b) {
  if constexpr (std::is_signed_v<T>) {
    if (b < 0) throw_value("Integers to negative integer powers are not allowed.");
  }
  using U = wide_u<T>;
  U base = static_cast<U>(static_cast<std::make_unsigned_t<T>>(a));
  auto e = static_cast<std::make_unsigned_t<T>>(b);
  U r = 1;
  while (e) {
    if (e & 1) r = static_cast<U>(r * base);
    e >>= 1;
    if (e) base = static_cast<U>(base * base);
  }
  return static_cast<T>(r);
}

// ---- functors: Out operator()(In..., int& fl) with fl collecting FE_* bits ----

struct AddOp {
  template <class T>
  T operator()(T a, T b, int& fl) const noexcept {
    if constexpr (is_bool<T>) return mkbool((a.v | b.v) != 0);
    else if constexpr (is_int_v<T>) return wadd(a, b);
    else if constexpr (is_half<T>) return hr(hf(a) + hf(b), fl);
    else if constexpr (is_complex_v<T>) return T(a.real() + b.real(), a.imag() + b.imag());
    else return a + b;
  }
};
struct SubOp {
  template <class T>
  T operator()(T a, T b, int& fl) const noexcept {
    if constexpr (is_int_v<T>) return wsub(a, b);
    else if constexpr (is_half<T>) return hr(hf(a) - hf(b), fl);
    else if constexpr (is_complex_v<T>) return T(a.real() - b.real(), a.imag() - b.imag());
    else return a - b;
  }
};
struct MulOp {
  template <class T>
  T operator()(T a, T b, int& fl) const noexcept {
    if constexpr (is_bool<T>) return mkbool(a.v != 0 && b.v != 0);
    else if constexpr (is_int_v<T>) return wmul(a, b);
    else if constexpr (is_half<T>) return hr(hf(a) * hf(b), fl);
    else if constexpr (is_complex_v<T>) return Arith<T>::mul(a, b);
    else return a * b;
  }
};
struct DivOp {
  template <class T>
  T operator()(T a, T b, int& fl) const noexcept {
    if constexpr (is_half<T>) return hr(hf(a) / hf(b), fl);
    else if constexpr (is_complex_v<T>) return Arith<T>::div(a, b);
    else return a / b;
  }
};
struct FloorDivOp {
  template <class T>
  T operator()(T a, T b, int& fl) const noexcept {
    if constexpr (is_int_v<T>) {
      if (b == 0) {
        fl |= FE_DIVBYZERO;
        return 0;
      }
      if constexpr (std::is_signed_v<T>) {
        if (b == -1 && a == std::numeric_limits<T>::min()) {
          fl |= FE_OVERFLOW;
          return a;
        }
      }
      return int_floordiv(a, b);
    } else if constexpr (is_half<T>) {
      return hr(float_floordiv(hf(a), hf(b), fl), fl);
    } else {
      return float_floordiv(a, b, fl);
    }
  }
};
struct RemainderOp {
  template <class T>
  T operator()(T a, T b, int& fl) const noexcept {
    if constexpr (is_int_v<T>) {
      if (b == 0) {
        fl |= FE_DIVBYZERO;
        return 0;
      }
      if constexpr (std::is_signed_v<T>) {
        if (b == -1) return 0;
      }
      return int_mod(a, b);
    } else if constexpr (is_half<T>) {
      return hr(float_remainder(hf(a), hf(b)), fl);
    } else {
      return float_remainder(a, b);
    }
  }
};
struct FmodOp {
  template <class T>
  T operator()(T a, T b, int& fl) const noexcept {
    if constexpr (is_int_v<T>) {
      if (b == 0) {
        fl |= FE_DIVBYZERO;
        return 0;
      }
      if constexpr (std::is_signed_v<T>) {
        if (b == -1) return 0;
      }
      return static_cast<T>(a % b);
    } else if constexpr (is_half<T>) {
      return hr(std::fmod(hf(a), hf(b)), fl);
    } else {
      return std::fmod(a, b);
    }
  }
};
struct PowerOp {
  template <class T>
  T operator()(T a, T b, int& fl) const {
    if constexpr (is_int_v<T>) return int_power(a, b);
    else if constexpr (is_half<T>) return hr(std::pow(hf(a), hf(b)), fl);
    else if constexpr (is_complex_v<T>) return Arith<T>::pow(a, b);
    else return std::pow(a, b);
  }
};

template <class T>
void divmod_loop(char* const* args, const int64_t* s, int64_t n, const void*) {
  int fl = 0;
  for (int64_t i = 0; i < n; ++i) {
    const T a = ld<T>(args[0] + i * s[0]), b = ld<T>(args[1] + i * s[1]);
    T q, r;
    if constexpr (is_int_v<T>) {
      if (b == 0) {
        fl |= FE_DIVBYZERO;
        q = r = 0;
      } else if (std::is_signed_v<T> && b == static_cast<T>(-1) && a == std::numeric_limits<T>::min()) {
        fl |= FE_OVERFLOW;
        q = a;
        r = 0;
      } else {
        q = int_floordiv(a, b);
        r = int_mod(a, b);
      }
    } else if constexpr (is_half<T>) {
      float m;
      const float d = float_divmod(hf(a), hf(b), m);
      q = hr(d, fl);
      r = hr(m, fl);
    } else {
      q = float_divmod(a, b, r);
    }
    st<T>(args[2] + i * s[2], q);
    st<T>(args[3] + i * s[3], r);
  }
  raise_flags(fl);
}

struct NegOp {
  template <class T>
  T operator()(T a, int&) const noexcept {
    if constexpr (is_int_v<T>) return wneg(a);
    else if constexpr (is_half<T>) return half_t{static_cast<uint16_t>(a.bits ^ 0x8000u)};
    else if constexpr (is_complex_v<T>) return T(-a.real(), -a.imag());
    else return -a;
  }
};
struct PosOp {
  template <class T>
  T operator()(T a, int&) const noexcept { return a; }
};
struct AbsOp {
  template <class T>
  auto operator()(T a, int&) const noexcept {
    if constexpr (is_bool<T>) return mkbool(a.v != 0);
    else if constexpr (std::is_signed_v<T> && is_int_v<T>) return a < 0 ? wneg(a) : a;
    else if constexpr (is_int_v<T>) return a;
    else if constexpr (is_half<T>) return half_t{static_cast<uint16_t>(a.bits & 0x7fffu)};
    else if constexpr (is_complex_v<T>) return complex_abs(a.real(), a.imag());
    else return std::fabs(a);
  }
};
struct SignOp {
  template <class T>
  T operator()(T a, int& fl) const noexcept {
    if constexpr (std::is_signed_v<T> && is_int_v<T>) {
      return static_cast<T>((a > 0) - (a < 0));
    } else if constexpr (is_int_v<T>) {
      return static_cast<T>(a > 0);
    } else if constexpr (is_half<T>) {
      const float x = hf(a);
      if (std::isnan(x)) return a;
      return half_t{static_cast<uint16_t>(x > 0 ? 0x3c00u : x < 0 ? 0xbc00u : 0u)};
    } else if constexpr (is_complex_v<T>) {
      using R = typename T::value_type;
      const T zero(0, 0);
      if (c_gt(a, zero, fl)) return T(1, 0);
      if (c_lt(a, zero, fl)) return T(-1, 0);
      if (a.real() == 0 && a.imag() == 0) return T(0, 0);
      return T(std::numeric_limits<R>::quiet_NaN(), std::numeric_limits<R>::quiet_NaN());
    } else {
      return std::isnan(a) ? a : a > 0 ? T(1) : a < 0 ? T(-1) : T(0);
    }
  }
};
struct ReciprocalOp {
  template <class T>
  T operator()(T a, int& fl) const noexcept {
    if constexpr (is_int_v<T>) {
      // NumPy computes 1.0 / x and converts: 1/0 is inf, which converts like a cast (and raises
      // "invalid" besides "divide by zero"); otherwise only +-1 survive the truncation.
      if (a == 0) {
        fl |= FE_DIVBYZERO | FE_INVALID;
        return float_to_int<T>(std::numeric_limits<double>::infinity());
      }
      if (a == 1) return 1;
      if constexpr (std::is_signed_v<T>) {
        if (a == -1) return -1;
      }
      return 0;
    } else if constexpr (is_half<T>) {
      return hr(1.0f / hf(a), fl);
    } else if constexpr (is_complex_v<T>) {
      using R = typename T::value_type;
      const R r = a.real(), i = a.imag();
      if (s_le(std::fabs(i), std::fabs(r), fl)) {
        const R q = i / r;
        const R d = r + i * q;
        return T(R(1) / d, -q / d);
      }
      const R q = r / i;
      const R d = r * q + i;
      return T(q / d, R(-1) / d);
    } else {
      return T(1) / a;
    }
  }
};
struct SquareOp {
  template <class T>
  T operator()(T a, int& fl) const noexcept {
    if constexpr (is_int_v<T>) return wmul(a, a);
    else if constexpr (is_half<T>) return hr(hf(a) * hf(a), fl);
    else if constexpr (is_complex_v<T>) return Arith<T>::mul(a, a);
    else return a * a;
  }
};
struct ConjOp {
  template <class T>
  T operator()(T a, int&) const noexcept {
    if constexpr (is_complex_v<T>) return T(a.real(), -a.imag());
    else return a;
  }
};

// ---- maximum, minimum, fmax, fmin, clip ----
// Floats: maximum/minimum return a NaN first operand, else the first only when strictly
// greater/less (so maximum(-0.0, 0.0) is 0.0); fmax/fmin return the first when the second is NaN.
// float16 compares with >= / <= (its ties keep the first operand). Complex uses NumPy's
// lexicographic order. All quiet (run inside QuietFp) except the complex comparisons' flags.

template <bool Max, bool IgnoreNan>
struct MinMaxOp {
  template <class T>
  T operator()(T a, T b, int& fl) const noexcept {
    if constexpr (is_bool<T>) {
      return mkbool(Max ? (a.v != 0 || b.v != 0) : (a.v != 0 && b.v != 0));
    } else if constexpr (is_int_v<T>) {
      return Max ? (a > b ? a : b) : (a < b ? a : b);
    } else if constexpr (is_half<T>) {
      const float x = hf(a), y = hf(b);
      const bool keep = std::isnan(IgnoreNan ? y : x) || (Max ? x >= y : x <= y);
      return keep ? a : b;
    } else if constexpr (is_complex_v<T>) {
      const bool keep = c_isnan(IgnoreNan ? b : a) || (Max ? c_ge(a, b, fl) : c_le(a, b, fl));
      return keep ? a : b;
    } else {
      const bool keep = std::isnan(IgnoreNan ? b : a) || (Max ? a > b : a < b);
      return keep ? a : b;
    }
  }
};

// clip(x, lo, hi) = min(max(x, lo), hi) with NumPy's clip comparisons: a NaN x (or a NaN
// intermediate) wins, otherwise a NaN bound is taken. No flags (NumPy clears them after clip).
struct ClipOp {
  template <class T>
  static T cmax(T a, T b) noexcept {
    if constexpr (is_bool<T>) return (a.v != 0) >= (b.v != 0) ? a : b;
    else if constexpr (is_int_v<T>) return a > b ? a : b;
    else if constexpr (is_half<T>) return (std::isnan(hf(a)) || hf(a) >= hf(b)) ? a : b;
    else if constexpr (is_complex_v<T>) {
      const bool gt = a.real() == b.real() ? a.imag() > b.imag() : a.real() > b.real();
      return (c_isnan(a) || gt) ? a : b;
    } else {
      return std::isnan(a) ? a : (a > b ? a : b);
    }
  }
  template <class T>
  static T cmin(T a, T b) noexcept {
    if constexpr (is_bool<T>) return (a.v != 0) <= (b.v != 0) ? a : b;
    else if constexpr (is_int_v<T>) return a < b ? a : b;
    else if constexpr (is_half<T>) return (std::isnan(hf(a)) || hf(a) <= hf(b)) ? a : b;
    else if constexpr (is_complex_v<T>) {
      const bool lt = a.real() == b.real() ? a.imag() < b.imag() : a.real() < b.real();
      return (c_isnan(a) || lt) ? a : b;
    } else {
      return std::isnan(a) ? a : (a < b ? a : b);
    }
  }
  template <class T>
  T operator()(T x, T lo, T hi, int&) const noexcept {
    T r = cmin(cmax(x, lo), hi);
    if constexpr (is_bool<T>) r = mkbool(r.v != 0);
    return r;
  }
};

// ---- table builders ----

#define CNP_INTS int8_t, uint8_t, int16_t, uint16_t, int32_t, uint32_t, int64_t, uint64_t
#define CNP_REALS half_t, float, double
#define CNP_CPLX c64_t, c128_t

template <class Op, class... Ts>
void bin(std::vector<Loop>& v) {
  (v.push_back(Loop{{type_num<Ts>, type_num<Ts>, type_num<Ts>, -1}, &f_binary<Ts, Ts, Ts, Op>, nullptr}), ...);
}
template <class Op, class... Ts>
void qbin(std::vector<Loop>& v) {
  (v.push_back(Loop{{type_num<Ts>, type_num<Ts>, type_num<Ts>, -1}, &qf_binary<Ts, Ts, Ts, Op>, nullptr}), ...);
}
template <class Op, class... Ts>
void un(std::vector<Loop>& v) {
  (v.push_back(Loop{{type_num<Ts>, type_num<Ts>, -1, -1}, &f_unary<Ts, Ts, Op>, nullptr}), ...);
}
template <class Op, class... Ts>
void qun(std::vector<Loop>& v) {
  (v.push_back(Loop{{type_num<Ts>, type_num<Ts>, -1, -1}, &qf_unary<Ts, Ts, Op>, nullptr}), ...);
}
template <class Op, class Out, class In>
void un_to(std::vector<Loop>& v) {
  v.push_back(Loop{{type_num<In>, type_num<Out>, -1, -1}, &f_unary<In, Out, Op>, nullptr});
}
template <class... Ts>
void divmods(std::vector<Loop>& v) {
  (v.push_back(Loop{{type_num<Ts>, type_num<Ts>, type_num<Ts>, type_num<Ts>}, &divmod_loop<Ts>, nullptr}), ...);
}
template <class... Ts>
void clips(std::vector<Loop>& v) {
  (v.push_back(Loop{{type_num<Ts>, type_num<Ts>, type_num<Ts>, type_num<Ts>}, &qf_ternary<Ts, ClipOp>, nullptr}), ...);
}

}  // namespace

void init_arith(Table& t) {
  auto uf = [&t](Id id, int16_t cost, Resolver r = Resolver::Default) -> std::vector<Loop>& {
    Ufunc& u = t[static_cast<int>(id)];
    u.resolver = r;
    u.cost = cost;
    u.loops.clear();
    return u.loops;
  };

  bin<AddOp, bool_t, CNP_INTS, CNP_REALS, CNP_CPLX>(uf(Id::add, 1));
  bin<SubOp, CNP_INTS, CNP_REALS, CNP_CPLX>(uf(Id::subtract, 1, Resolver::Subtract));
  bin<MulOp, bool_t, CNP_INTS, CNP_REALS, CNP_CPLX>(uf(Id::multiply, 1));
  bin<DivOp, CNP_REALS, CNP_CPLX>(uf(Id::divide, 2, Resolver::TrueDivide));
  bin<FloorDivOp, CNP_INTS, CNP_REALS>(uf(Id::floor_divide, 4));
  bin<RemainderOp, CNP_INTS, CNP_REALS>(uf(Id::remainder, 4));
  bin<FmodOp, CNP_INTS, CNP_REALS>(uf(Id::fmod, 4));
  divmods<CNP_INTS, CNP_REALS>(uf(Id::divmod, 4));
  bin<PowerOp, CNP_INTS, CNP_REALS, CNP_CPLX>(uf(Id::power, 8));
  bin<PowerOp, double, c128_t>(uf(Id::float_power, 8));

  un<NegOp, CNP_INTS, CNP_REALS, CNP_CPLX>(uf(Id::negative, 1, Resolver::Negative));
  un<PosOp, CNP_INTS, CNP_REALS, CNP_CPLX>(uf(Id::positive, 1));
  {
    auto& v = uf(Id::absolute, 1);
    un<AbsOp, bool_t, CNP_INTS, CNP_REALS>(v);
    un_to<AbsOp, float, c64_t>(v);
    un_to<AbsOp, double, c128_t>(v);
  }
  un<AbsOp, CNP_REALS>(uf(Id::fabs, 1));
  // sign compares NaN quietly like NumPy's (complex raises its comparisons' own flags).
  qun<SignOp, CNP_INTS, CNP_REALS, CNP_CPLX>(uf(Id::sign, 1));
  un<ReciprocalOp, CNP_INTS, CNP_REALS, CNP_CPLX>(uf(Id::reciprocal, 2));
  un<SquareOp, CNP_INTS, CNP_REALS, CNP_CPLX>(uf(Id::square, 1));
  un<ConjOp, CNP_INTS, CNP_REALS, CNP_CPLX>(uf(Id::conjugate, 1));

  clips<bool_t, CNP_INTS, CNP_REALS, CNP_CPLX>(uf(Id::clip, 1));
  qbin<MinMaxOp<true, false>, bool_t, CNP_INTS, CNP_REALS, CNP_CPLX>(uf(Id::maximum, 1));
  qbin<MinMaxOp<false, false>, bool_t, CNP_INTS, CNP_REALS, CNP_CPLX>(uf(Id::minimum, 1));
  qbin<MinMaxOp<true, true>, bool_t, CNP_INTS, CNP_REALS, CNP_CPLX>(uf(Id::fmax, 1));
  qbin<MinMaxOp<false, true>, bool_t, CNP_INTS, CNP_REALS, CNP_CPLX>(uf(Id::fmin, 1));
}

}  // namespace cnp::ufunc
