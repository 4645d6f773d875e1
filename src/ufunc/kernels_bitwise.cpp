// Typed 1-D loops of the bitwise ufuncs, gcd and lcm, in NumPy 1.24's loop order.
//  - bool: and/or/xor are the logical operations, invert is logical not (outputs 0/1);
//  - shifts: a count outside [0, bits) (negative counts included) shifts everything out: 0, or
//    -1 for a right shift of a negative value; int8/int16 shift in int like C and keep the low bits;
//  - gcd/lcm work on the magnitudes in C's promoted type (int for 8/16-bit types), so
//    gcd(INT_MIN, 0) is INT_MIN again and lcm wraps.
#include "ufunc/kernel_ops.hpp"

namespace cnp::ufunc {

namespace {

using namespace kern;

template <class T> inline constexpr bool is_bool = std::is_same_v<T, bool_t>;

struct AndOp {
  template <class T>
  T operator()(T a, T b, int&) const noexcept {
    if constexpr (is_bool<T>) return mkbool(a.v != 0 && b.v != 0);
    else return static_cast<T>(a & b);
  }
};
struct OrOp {
  template <class T>
  T operator()(T a, T b, int&) const noexcept {
    if constexpr (is_bool<T>) return mkbool(a.v != 0 || b.v != 0);
    else return static_cast<T>(a | b);
  }
};
struct XorOp {
  template <class T>
  T operator()(T a, T b, int&) const noexcept {
    if constexpr (is_bool<T>) return mkbool((a.v != 0) != (b.v != 0));
    else return static_cast<T>(a ^ b);
  }
};
struct InvertOp {
  template <class T>
  T operator()(T a, int&) const noexcept {
    if constexpr (is_bool<T>) return mkbool(a.v == 0);
    else return static_cast<T>(~a);
  }
};

template <class T> inline constexpr unsigned kBits = sizeof(T) * 8;

struct LshiftOp {
  template <class T>
  T operator()(T a, T b, int&) const noexcept {
    const auto c = static_cast<std::make_unsigned_t<T>>(b);
    return c < kBits<T> ? static_cast<T>(static_cast<wide_u<T>>(a) << c) : T(0);
  }
};
struct RshiftOp {
  template <class T>
  T operator()(T a, T b, int&) const noexcept {
    const auto c = static_cast<std::make_unsigned_t<T>>(b);
    if constexpr (std::is_signed_v<T>) return c < kBits<T> ? static_cast<T>(a >> c) : static_cast<T>(a < 0 ? -1 : 0);
    else return c < kBits<T> ? static_cast<T>(a >> c) : T(0);
  }
};

// |a| in C's promoted unsigned type (INT_MIN stays 2**(bits-1)).
template <class T>
inline wide_u<T> umag(T a) noexcept {
  using U = wide_u<T>;
  if constexpr (std::is_signed_v<T>) {
    using S = std::make_signed_t<U>;
    const S w = static_cast<S>(a);
    return w < 0 ? static_cast<U>(U(0) - static_cast<U>(w)) : static_cast<U>(w);
  } else {
    return static_cast<U>(a);
  }
}
template <class U>
inline U ugcd(U a, U b) noexcept {
  while (b != 0) {
    const U r = a % b;
    a = b;
    b = r;
  }
  return a;
}
struct GcdOp {
  template <class T>
  T operator()(T a, T b, int&) const noexcept { return static_cast<T>(ugcd(umag(a), umag(b))); }
};
struct LcmOp {
  template <class T>
  T operator()(T a, T b, int&) const noexcept {
    const auto x = umag(a), y = umag(b);
    const auto g = ugcd(x, y);
    return g == 0 ? T(0) : static_cast<T>(static_cast<decltype(x)>(x / g * y));
  }
};

#define CNP_INTS int8_t, uint8_t, int16_t, uint16_t, int32_t, uint32_t, int64_t, uint64_t

template <class Op, class... Ts>
void bin(std::vector<Loop>& v) {
  (v.push_back(Loop{{type_num<Ts>, type_num<Ts>, type_num<Ts>, -1}, &f_binary<Ts, Ts, Ts, Op>, nullptr}), ...);
}
template <class Op, class... Ts>
void un(std::vector<Loop>& v) {
  (v.push_back(Loop{{type_num<Ts>, type_num<Ts>, -1, -1}, &f_unary<Ts, Ts, Op>, nullptr}), ...);
}

}  // namespace

void init_bitwise(Table& t) {
  auto uf = [&t](Id id, int16_t cost) -> std::vector<Loop>& {
    Ufunc& u = t[static_cast<int>(id)];
    u.cost = cost;
    u.loops.clear();
    return u.loops;
  };
  bin<AndOp, bool_t, CNP_INTS>(uf(Id::bitwise_and, 1));
  bin<OrOp, bool_t, CNP_INTS>(uf(Id::bitwise_or, 1));
  bin<XorOp, bool_t, CNP_INTS>(uf(Id::bitwise_xor, 1));
  un<InvertOp, bool_t, CNP_INTS>(uf(Id::invert, 1));
  bin<LshiftOp, CNP_INTS>(uf(Id::left_shift, 1));
  bin<RshiftOp, CNP_INTS>(uf(Id::right_shift, 1));
  bin<GcdOp, CNP_INTS>(uf(Id::gcd, 8));
  bin<LcmOp, CNP_INTS>(uf(Id::lcm, 8));
}

}  // namespace cnp::ufunc
