// C entry points of include/cnumpy/numeric.h: validate handles, call src/numeric.
#include "cnumpy/numeric.h"

#include "capi/guard.hpp"
#include "numeric/numeric.hpp"

using namespace cnp;
using namespace cnp::capi;

extern "C" {

CNP_API cnp_status cnp_correlate(const cnp_array* a, const cnp_array* v, int32_t mode, cnp_array** out) {
  return produce(out, [&] { return numeric::correlate(array_of(a), array_of(v), mode); });
}

CNP_API cnp_status cnp_convolve(const cnp_array* a, const cnp_array* v, int32_t mode, cnp_array** out) {
  return produce(out, [&] { return numeric::convolve(array_of(a), array_of(v), mode); });
}

CNP_API cnp_status cnp_interp(const cnp_array* x, const cnp_array* xp, const cnp_array* fp, const double* left,
                              const double* right, const double* period, cnp_array** out) {
  return produce(out, [&] { return numeric::interp(array_of(x), array_of(xp), array_of(fp), left, right, period); });
}

}  // extern "C"
