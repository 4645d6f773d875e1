// Evaluation of polynomial series at points (numpy.polyval and the *val functions of the six
// numpy.polynomial bases): one fused pass per point, with NumPy's operation order (docs/polynomial.md).
#pragma once
#include <cstdint>

#include "core/array.hpp"

namespace cnp::polynomial {

// The bases; the numbers are the C ABI's CNP_POLY_* values (include/cnumpy/polynomial.h).
enum class Basis : int32_t {
  legacy = 0,     // numpy.polyval: highest degree first, y = 0; y = y*x + p[i]
  power = 1,      // numpy.polynomial.polynomial.polyval: Horner from c[-1] (c[-1] + x*0 first)
  chebyshev = 2,  // chebval: Clenshaw
  legendre = 3,
  laguerre = 4,
  hermite = 5,
  hermite_e = 6,
};

Basis parse_basis(int32_t basis);

// c: coefficients along axis 0 (ndim >= 1, length >= 1); x: any shape. The result has shape
// c.shape[1:] + x.shape and dtype `dtype` (float32, float64, complex64 or complex128); nullptr
// means NumPy's result type (bool/integer coefficients become float64, then c and x promoted).
// c and x are cast to it (x stays real when the result is complex and x is real, as NumPy
// computes the x-only terms such as 2*x before mixing them with complex coefficients).
Array evaluate(Basis basis, const Array& c, const Array& x, const Dtype* dtype);

}  // namespace cnp::polynomial
