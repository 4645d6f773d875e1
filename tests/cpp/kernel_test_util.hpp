// Helpers for the white-box tests of the arithmetic, comparison and bitwise loops
// (test_kernels_arith.cpp, test_kernels_compare.cpp, test_kernels_bitwise.cpp): find a ufunc's
// loop by its types and run it on contiguous (tiled past the vector blocks, so the scalar tail
// runs too), strided and broadcast (stride 0) operands, checking every run against the expected
// values and returning the FPU flags the contiguous run raised.
#pragma once
#include <catch2/catch.hpp>
#include <algorithm>
#include <cfenv>
#include <cmath>
#include <complex>
#include <cstring>
#include <functional>
#include <limits>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "core/types.hpp"
#include "ufunc/loops.hpp"
#include "ufunc/ufunc.hpp"

namespace kt {

using namespace cnp;
using namespace cnp::ufunc;

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr float kInfF = std::numeric_limits<float>::infinity();
constexpr float kNaNF = std::numeric_limits<float>::quiet_NaN();
constexpr int kFlags = FE_DIVBYZERO | FE_OVERFLOW | FE_UNDERFLOW | FE_INVALID;
constexpr int kDiv = FE_DIVBYZERO, kOver = FE_OVERFLOW, kUnder = FE_UNDERFLOW, kInv = FE_INVALID;

inline half_t H(double v) { return half_t{double_to_half(v)}; }
inline bool_t B(bool v) { return bool_t{static_cast<uint8_t>(v)}; }

inline const Loop& find_loop(Id id, std::initializer_list<int> types) {
  const Ufunc& u = get(id);
  for (const Loop& l : u.loops) {
    bool ok = true;
    int k = 0;
    for (int t : types) ok = ok && l.types[k++] == t;
    if (ok && k == u.nin + u.nout) return l;
  }
  FAIL("no loop of " << u.name << " for these types");
  return u.loops.front();
}

// Equality that distinguishes -0.0 from 0.0 and treats every NaN alike.
template <class R>
bool same_real(R a, R b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  return a == b && std::signbit(a) == std::signbit(b);
}
template <class T>
bool same(T a, T b) {
  if constexpr (std::is_same_v<T, bool_t>) return a.v == b.v;
  else if constexpr (std::is_same_v<T, half_t>) return same_real(half_to_float(a.bits), half_to_float(b.bits));
  else if constexpr (is_complex_v<T>) return same_real(a.real(), b.real()) && same_real(a.imag(), b.imag());
  else if constexpr (std::is_floating_point_v<T>) return same_real(a, b);
  else return a == b;
}
template <class T>
std::string show(T v) {
  std::ostringstream o;
  o.precision(17);
  if constexpr (std::is_same_v<T, bool_t>) o << "bool(" << int(v.v) << ")";
  else if constexpr (std::is_same_v<T, half_t>) o << "half(" << half_to_float(v.bits) << ")";
  else if constexpr (is_complex_v<T>) o << "(" << v.real() << (std::signbit(v.imag()) ? "" : "+") << v.imag() << "j)";
  else if constexpr (std::is_floating_point_v<T>) o << v;
  else o << static_cast<int64_t>(v);
  return o.str();
}

inline int run_raw(const Loop& l, std::vector<char*> args, std::vector<int64_t> strides, int64_t n) {
  std::feclearexcept(FE_ALL_EXCEPT);
  l.fn(args.data(), strides.data(), n, l.data);
  return std::fetestexcept(kFlags);
}

template <class T>
std::vector<char> spaced(const std::vector<T>& v, int64_t step) {  // elements `step` slots apart
  std::vector<char> buf(std::max<size_t>(v.size(), 1) * step * sizeof(T) + 1);
  for (size_t i = 0; i < v.size(); ++i) st<T>(buf.data() + 1 + i * step * sizeof(T), v[i]);  // unaligned
  return buf;
}

template <class Out>
void expect_all(const char* what, const std::vector<char>& buf, int64_t step, size_t n,
                const std::function<Out(size_t)>& want) {
  for (size_t i = 0; i < n; ++i) {
    const Out got = ld<Out>(buf.data() + 1 + i * step * sizeof(Out));
    const Out w = want(i);
    INFO(what << " element " << i << ": got " << show(got) << ", want " << show(w));
    CHECK(same(got, w));
  }
}

// Checks out[i] = f(ins[i]...) for every i on contiguous, strided and broadcast runs; returns the
// flags raised by the contiguous run (every element, three times over plus a tail).
template <class Out, class... In>
int check(Id id, const std::vector<Out>& want, const std::vector<In>&... ins) {
  constexpr size_t nin = sizeof...(In);
  const Loop& loop = find_loop(id, {type_num<In>..., type_num<Out>});
  const size_t n = want.size();
  REQUIRE(((ins.size() == n) && ...));
  const auto inputs = std::make_tuple(std::cref(ins)...);

  // Contiguous, tiled to 3n + min(n, 5) elements.
  const size_t m = 3 * n + std::min<size_t>(n, 5);
  auto tile = [&](const auto& v) {
    using T = typename std::decay_t<decltype(v)>::value_type;
    std::vector<T> t(m);
    for (size_t i = 0; i < m; ++i) t[i] = v[i % n];
    return t;
  };
  int flags = 0;
  {
    std::vector<std::vector<char>> bufs = {spaced(tile(ins), 1)...};
    std::vector<char> out(m * sizeof(Out) + 1);
    std::vector<char*> args;
    for (auto& b : bufs) args.push_back(b.data() + 1);
    args.push_back(out.data() + 1);
    std::vector<int64_t> strides = {static_cast<int64_t>(sizeof(In))..., static_cast<int64_t>(sizeof(Out))};
    flags = run_raw(loop, args, strides, static_cast<int64_t>(m));
    expect_all<Out>("contiguous", out, 1, m, [&](size_t i) { return want[i % n]; });
  }
  // Strided: inputs two slots apart, output three.
  {
    std::vector<std::vector<char>> bufs = {spaced(ins, 2)...};
    std::vector<char> out(n * 3 * sizeof(Out) + 1);
    std::vector<char*> args;
    for (auto& b : bufs) args.push_back(b.data() + 1);
    args.push_back(out.data() + 1);
    std::vector<int64_t> strides = {static_cast<int64_t>(2 * sizeof(In))..., static_cast<int64_t>(3 * sizeof(Out))};
    const int f = run_raw(loop, args, strides, static_cast<int64_t>(n));
    CHECK(f == flags);
    expect_all<Out>("strided", out, 3, n, [&](size_t i) { return want[i]; });
  }
  // Broadcast: operand p is one element with stride 0, the others 19 copies of element i.
  if constexpr (nin >= 2) {
    for (size_t i = 0; i < n; ++i) {
      for (size_t p = 0; p < nin; ++p) {
        constexpr size_t r = 19;
        std::vector<std::vector<char>> bufs;
        std::vector<int64_t> strides;
        size_t q = 0;
        std::apply([&](const auto&... v) {
          (([&] {
             using T = typename std::decay_t<decltype(v)>::value_type;
             std::vector<T> rep(q == p ? 1 : r, v[i]);
             bufs.push_back(spaced(rep, 1));
             strides.push_back(q == p ? 0 : static_cast<int64_t>(sizeof(T)));
             ++q;
           }()),
           ...);
        }, inputs);
        std::vector<char> out(r * sizeof(Out) + 1);
        std::vector<char*> args;
        for (auto& b : bufs) args.push_back(b.data() + 1);
        args.push_back(out.data() + 1);
        strides.push_back(sizeof(Out));
        run_raw(loop, args, strides, r);
        INFO("broadcast operand " << p);
        expect_all<Out>("broadcast", out, 1, r, [&](size_t) { return want[i]; });
      }
    }
  }
  return flags;
}

// Calls the loop once on these inputs (n elements, contiguous) and returns the raised flags.
template <class Out, class... In>
int flags_of(Id id, const std::vector<In>&... ins) {
  const Loop& loop = find_loop(id, {type_num<In>..., type_num<Out>});
  const size_t n = std::get<0>(std::make_tuple(ins.size()...));
  std::vector<Out> out(n);
  std::vector<char*> args = {const_cast<char*>(reinterpret_cast<const char*>(ins.data()))..., reinterpret_cast<char*>(out.data())};
  std::vector<int64_t> strides = {static_cast<int64_t>(sizeof(In))..., static_cast<int64_t>(sizeof(Out))};
  return run_raw(loop, args, strides, static_cast<int64_t>(n));
}

}  // namespace kt
