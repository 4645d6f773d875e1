// C entry points of the polynomial module (include/cnumpy/polynomial.h): validate handles, call
// src/polynomial.
#include "cnumpy/polynomial.h"

#include "capi/guard.hpp"
#include "polynomial/eval.hpp"

using namespace cnp;
using namespace cnp::capi;
namespace po = cnp::polynomial;

extern "C" {

CNP_API cnp_status cnp_poly_val(int32_t basis, const cnp_array* c, const cnp_array* x, const cnp_dtype* dtype,
                                cnp_array** out) {
  return produce(out, [&] { return po::evaluate(po::parse_basis(basis), array_of(c), array_of(x), opt_dtype(dtype)); });
}

}  // extern "C"
