// The calling scheme of every distribution method (NumPy's _common.pyx cont/disc): parameters
// converted to float64 (int64 for integer parameters), checked against their constraints with
// NumPy's messages (scalar or array wording), broadcast against each other and `size`, then
// one draw per output element in C order with that element's parameters.
#pragma once
#include <cstdint>

#include "core/array.hpp"
#include "random/bitgen.hpp"

namespace cnp::random {

// size: nullptr for None (the output takes the parameters' broadcast shape; 0-d when all are
// scalars); dtype: nullptr for the method's default; out: NumPy's out= (nullptr: not given).
Array draw(BitGen& g, const char* method, bool legacy, int32_t nparams, const Array* const* params, int32_t ndim,
           const int64_t* size, const Dtype* dtype, Array* out);

// Generator.integers / RandomState.randint: the bounded-integer algorithms of
// _bounded_integers.pyx (masked rejection for RandomState, Lemire's for Generator; 8/16-bit
// and bool draws from a 32-bit buffer kept for the call).
Array integers(BitGen& g, const Array& low, const Array& high, bool endpoint, bool masked, int32_t ndim,
               const int64_t* size, const Dtype* dtype);

// shuffle along axis 0, in place (Fisher-Yates with random_interval, as both NumPy classes).
void shuffle(BitGen& g, Array& a);

// multinomial(n, pvals, size): n int64 array broadcast with size, pvals 1-D float64.
Array multinomial(BitGen& g, const Array& n, const Array& pvals, int32_t ndim, const int64_t* size, bool legacy);

// Raw 64-bit outputs (BitGenerator.random_raw).
Array random_raw(BitGen& g, int32_t ndim, const int64_t* size);

}  // namespace cnp::random

namespace cnp::random {
// Generator.choice(pop_size, size, replace=False) without p: the indices (int64, 1-D) by a tail
// shuffle (large samples of large populations) or Floyd's algorithm, then shuffled if asked.
Array choice_noreplace(BitGen& g, int64_t pop_size, int64_t size, bool shuffle);
}  // namespace cnp::random

namespace cnp::random {
// Generator.multivariate_hypergeometric(colors, nsample, size, method): int64 of shape
// size + (len(colors),); marginals: NumPy's 'marginals' method, else 'count'.
Array multivariate_hypergeometric(BitGen& g, const Array& colors, int64_t nsample, int32_t ndim, const int64_t* size,
                                  bool marginals);
}  // namespace cnp::random
