// Building blocks for the typed 1-D loops: unaligned-safe loads/stores, the element type <->
// typenum map, and loop templates for unary/binary/ternary functors with contiguous and
// broadcast-scalar fast paths the compiler can vectorise. A functor is a stateless struct with
//   Out operator()(In x) const            (unary)
//   Out operator()(In1 x, In2 y) const    (binary)
// on the storage types (bool_t, half_t, c64_t ...).
#pragma once
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "core/types.hpp"
#include "ufunc/ufunc.hpp"

namespace cnp::ufunc {

template <class T>
inline T ld(const char* p) noexcept { return load_elem<T>(p); }
template <class T>
inline void st(char* p, T v) noexcept { store_elem<T>(p, v); }

template <class T> inline constexpr int8_t type_num = -1;
template <> inline constexpr int8_t type_num<bool_t> = CNP_BOOL;
template <> inline constexpr int8_t type_num<int8_t> = CNP_INT8;
template <> inline constexpr int8_t type_num<uint8_t> = CNP_UINT8;
template <> inline constexpr int8_t type_num<int16_t> = CNP_INT16;
template <> inline constexpr int8_t type_num<uint16_t> = CNP_UINT16;
template <> inline constexpr int8_t type_num<int32_t> = CNP_INT32;
template <> inline constexpr int8_t type_num<uint32_t> = CNP_UINT32;
template <> inline constexpr int8_t type_num<int64_t> = CNP_INT64;
template <> inline constexpr int8_t type_num<uint64_t> = CNP_UINT64;
template <> inline constexpr int8_t type_num<half_t> = CNP_FLOAT16;
template <> inline constexpr int8_t type_num<float> = CNP_FLOAT32;
template <> inline constexpr int8_t type_num<double> = CNP_FLOAT64;
template <> inline constexpr int8_t type_num<c64_t> = CNP_COMPLEX64;
template <> inline constexpr int8_t type_num<c128_t> = CNP_COMPLEX128;

template <class In, class Out, class Op>
void unary_loop(char* const* args, const int64_t* s, int64_t n, const void*) {
  const char* x = args[0];
  char* y = args[1];
  const Op op{};
  if (s[0] == sizeof(In) && s[1] == sizeof(Out)) {
    for (int64_t i = 0; i < n; ++i) st<Out>(y + i * sizeof(Out), op(ld<In>(x + i * sizeof(In))));
  } else {
    for (int64_t i = 0; i < n; ++i) st<Out>(y + i * s[1], op(ld<In>(x + i * s[0])));
  }
}

template <class In1, class In2, class Out, class Op>
void binary_loop(char* const* args, const int64_t* s, int64_t n, const void*) {
  const char* a = args[0];
  const char* b = args[1];
  char* y = args[2];
  const Op op{};
  constexpr int64_t s1 = sizeof(In1), s2 = sizeof(In2), so = sizeof(Out);
  if (s[2] == so) {
    if (s[0] == s1 && s[1] == s2) {
      for (int64_t i = 0; i < n; ++i) st<Out>(y + i * so, op(ld<In1>(a + i * s1), ld<In2>(b + i * s2)));
      return;
    }
    if (s[0] == s1 && s[1] == 0) {  // array op scalar
      const In2 bv = ld<In2>(b);
      for (int64_t i = 0; i < n; ++i) st<Out>(y + i * so, op(ld<In1>(a + i * s1), bv));
      return;
    }
    if (s[0] == 0 && s[1] == s2) {  // scalar op array
      const In1 av = ld<In1>(a);
      for (int64_t i = 0; i < n; ++i) st<Out>(y + i * so, op(av, ld<In2>(b + i * s2)));
      return;
    }
  }
  for (int64_t i = 0; i < n; ++i) st<Out>(y + i * s[2], op(ld<In1>(a + i * s[0]), ld<In2>(b + i * s[1])));
}

template <class In1, class In2, class In3, class Out, class Op>
void ternary_loop(char* const* args, const int64_t* s, int64_t n, const void*) {
  const Op op{};
  for (int64_t i = 0; i < n; ++i)
    st<Out>(args[3] + i * s[3], op(ld<In1>(args[0] + i * s[0]), ld<In2>(args[1] + i * s[1]), ld<In3>(args[2] + i * s[2])));
}

// Two outputs from one binary functor returning std::pair<Out1, Out2> (divmod).
template <class In1, class In2, class Out1, class Out2, class Op>
void binary2_loop(char* const* args, const int64_t* s, int64_t n, const void*) {
  const Op op{};
  for (int64_t i = 0; i < n; ++i) {
    auto r = op(ld<In1>(args[0] + i * s[0]), ld<In2>(args[1] + i * s[1]));
    st<Out1>(args[2] + i * s[2], r.first);
    st<Out2>(args[3] + i * s[3], r.second);
  }
}

template <class In, class Out, class Op>
Loop unary() {
  return Loop{{type_num<In>, type_num<Out>, -1, -1}, &unary_loop<In, Out, Op>, nullptr};
}
template <class In1, class In2, class Out, class Op>
Loop binary() {
  return Loop{{type_num<In1>, type_num<In2>, type_num<Out>, -1}, &binary_loop<In1, In2, Out, Op>, nullptr};
}
template <class In1, class In2, class In3, class Out, class Op>
Loop ternary() {
  return Loop{{type_num<In1>, type_num<In2>, type_num<In3>, type_num<Out>}, &ternary_loop<In1, In2, In3, Out, Op>, nullptr};
}
template <class In1, class In2, class Out1, class Out2, class Op>
Loop binary2() {
  return Loop{{type_num<In1>, type_num<In2>, type_num<Out1>, type_num<Out2>}, &binary2_loop<In1, In2, Out1, Out2, Op>, nullptr};
}

// Same-type loops for a list of types, in the order given (NumPy's loop order):
//   append_unary<Op, int8_t, uint8_t, ...>(uf.loops)   ->  b->b, B->B, ...
template <class Op, class... Ts>
void append_unary(std::vector<Loop>& v) { (v.push_back(unary<Ts, Ts, Op>()), ...); }
template <class Op, class Out, class... Ts>
void append_unary_to(std::vector<Loop>& v) { (v.push_back(unary<Ts, Out, Op>()), ...); }
template <class Op, class... Ts>
void append_binary(std::vector<Loop>& v) { (v.push_back(binary<Ts, Ts, Ts, Op>()), ...); }
template <class Op, class Out, class... Ts>
void append_binary_to(std::vector<Loop>& v) { (v.push_back(binary<Ts, Ts, Out, Op>()), ...); }

}  // namespace cnp::ufunc
