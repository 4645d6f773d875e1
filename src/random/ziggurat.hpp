// Generator's standard normal and standard exponential: Marsaglia and Tsang's ziggurat with
// NumPy's 256-layer tables (generated/tables.hpp), double and float versions, step for step as
// numpy/random/src/distributions/distributions.c so that the streams are NumPy's. Templates
// over the engine so that fill loops inline the raw draws.
#pragma once
#include <cmath>
#include <cstdint>

#include "random/bitgen.hpp"
#include "random/generated/tables.hpp"

namespace cnp::random {

template <class E>
double standard_exponential(E& e) {
  for (;;) {
    uint64_t ri = e.next64() >> 3;
    const uint8_t idx = uint8_t(ri & 0xFF);
    ri >>= 8;
    const double x = double(ri) * zig::we_double[idx];
    if (ri < zig::ke_double[idx]) return x;
    if (idx == 0) return zig::ziggurat_exp_r - std::log1p(-next_double(e));
    if ((zig::fe_double[idx - 1] - zig::fe_double[idx]) * next_double(e) + zig::fe_double[idx] < std::exp(-x))
      return x;
    // else: a fresh draw (NumPy recurses)
  }
}

template <class E>
float standard_exponential_f(E& e) {
  for (;;) {
    uint32_t ri = next32(e) >> 1;
    const uint8_t idx = uint8_t(ri & 0xFF);
    ri >>= 8;
    const float x = float(ri) * zig::we_float[idx];
    if (ri < zig::ke_float[idx]) return x;
    if (idx == 0) return zig::ziggurat_exp_r_f - std::log1p(-next_float(e));
    if ((zig::fe_float[idx - 1] - zig::fe_float[idx]) * next_float(e) + zig::fe_float[idx] < std::exp(-x))
      return x;
  }
}

template <class E>
double standard_normal(E& e) {
  for (;;) {
    uint64_t r = e.next64();
    const int idx = int(r & 0xff);
    r >>= 8;
    const int sign = int(r & 0x1);
    const uint64_t rabs = (r >> 1) & 0x000fffffffffffffull;
    double x = double(rabs) * zig::wi_double[idx];
    if (sign & 0x1) x = -x;
    if (rabs < zig::ki_double[idx]) return x;
    if (idx == 0) {
      for (;;) {
        const double xx = -zig::ziggurat_nor_inv_r * std::log1p(-next_double(e));
        const double yy = -std::log1p(-next_double(e));
        if (yy + yy > xx * xx) return ((rabs >> 8) & 0x1) ? -(zig::ziggurat_nor_r + xx) : zig::ziggurat_nor_r + xx;
      }
    }
    if (((zig::fi_double[idx - 1] - zig::fi_double[idx]) * next_double(e) + zig::fi_double[idx]) <
        std::exp(-0.5 * x * x))
      return x;
  }
}

template <class E>
float standard_normal_f(E& e) {
  for (;;) {
    const uint32_t r = next32(e);
    const int idx = int(r & 0xff);
    const int sign = int((r >> 8) & 0x1);
    const uint32_t rabs = (r >> 9) & 0x0007fffff;
    float x = float(rabs) * zig::wi_float[idx];
    if (sign & 0x1) x = -x;
    if (rabs < zig::ki_float[idx]) return x;
    if (idx == 0) {
      for (;;) {
        const float xx = -zig::ziggurat_nor_inv_r_f * std::log1p(-next_float(e));
        const float yy = -std::log1p(-next_float(e));
        if (yy + yy > xx * xx) return ((rabs >> 8) & 0x1) ? -(zig::ziggurat_nor_r_f + xx) : zig::ziggurat_nor_r_f + xx;
      }
    }
    // NumPy compares in double here (exp(-0.5 * x * x) with x promoted).
    if (((zig::fi_float[idx - 1] - zig::fi_float[idx]) * next_float(e) + zig::fi_float[idx]) <
        std::exp(-0.5 * double(x) * double(x)))
      return x;
  }
}

}  // namespace cnp::random
