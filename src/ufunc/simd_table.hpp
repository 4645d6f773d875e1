// What the ISA-specific SIMD files (simd_avx512.cpp, simd_avx2.cpp, simd_sse.cpp) and the generic
// dispatcher (simd_dispatch.cpp) share: the function list, the loop tables each ISA file exports as
// constant data, and the glibc scalar functions the loops fall back to for special lanes.
//
// The ISA files are compiled with -mavx512f / -mavx2 -mfma (CMakeLists.txt), so this header must
// stay free of inline functions with external linkage (the ODR trap: a COMDAT copy compiled for
// AVX-512 could be the one the linker keeps). Plain types, enums and extern declarations only.
#pragma once
#include <cstdint>

namespace cnp::ufunc::simd {

// Same signature as cnp::ufunc::LoopFn (ufunc.hpp, not included here on purpose).
using Loop1 = void (*)(char* const* args, const int64_t* strides, int64_t n, const void* data);

// X(ufunc name, SLEEF name): the SLEEF-backed functions, in table order after sqrt (which is the
// hardware instruction in every ISA).
#define CNP_SIMD_TRANSCENDENTAL(X)                                                                 \
  X(cbrt, cbrt) X(exp, exp) X(exp2, exp2) X(expm1, expm1) X(log, log) X(log2, log2)              \
  X(log10, log10) X(log1p, log1p) X(sin, sin) X(cos, cos) X(tan, tan) X(arcsin, asin)           \
  X(arccos, acos) X(arctan, atan) X(sinh, sinh) X(cosh, cosh) X(tanh, tanh) X(arcsinh, asinh)   \
  X(arccosh, acosh) X(arctanh, atanh)
#define CNP_SIMD_FUNCS(X) X(sqrt, sqrt) CNP_SIMD_TRANSCENDENTAL(X)

enum class Fn : uint8_t {
#define CNP_SIMD_ENUM(name, sleef) name,
  CNP_SIMD_FUNCS(CNP_SIMD_ENUM)
#undef CNP_SIMD_ENUM
  count_
};
inline constexpr int kFnCount = static_cast<int>(Fn::count_);

// One ISA's loops, indexed by Fn. Exported by the ISA files as constant-initialised data (no code
// runs at load time in a file compiled for a CPU we may not have).
struct Table {
  Loop1 f64[kFnCount];
  Loop1 f32[kFnCount];
};
extern const Table kTableAvx512;  // simd_avx512.cpp: SLEEF *_u10avx512f, 8 doubles / 16 floats
extern const Table kTableAvx2;    // simd_avx2.cpp: SLEEF *_u10avx2 (AVX2 + FMA), 4 / 8
extern const Table kTableSse4;    // simd_sse.cpp: SLEEF *_u10sse4 (SSE4.1), 2 / 4
extern const Table kTableSse2;    // simd_sse.cpp: SLEEF *_u10sse2, 2 / 4

// The C library's functions (glibc), defined in generic code (simd_dispatch.cpp): the loops use
// them for special lanes (non-finite, subnormal, domain and pole cases) so that values, signs of
// zero and floating-point exception flags are exactly the C library's there.
struct ScalarFns {
  double (*f64[kFnCount])(double);
  float (*f32[kFnCount])(float);
};
extern const ScalarFns kScalarFns;

}  // namespace cnp::ufunc::simd
