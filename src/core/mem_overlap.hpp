// Exact memory overlap of two strided arrays (numpy.shares_memory): do they have a byte in common?
//
// The bytes of an array are base + sum(stride_i * x_i) + j with 0 <= x_i < shape_i and
// 0 <= j < itemsize. Two arrays share a byte when such offsets coincide, an integer problem that
// becomes, after turning every stride positive (x -> shape - 1 - x) and moving one array to the
// other side, a bounded linear Diophantine equation with positive coefficients:
//
//     sum a_k * x_k == b,   0 <= x_k <= ub_k,   a_k > 0
//
// It is NP-hard in general; mem_overlap.cpp solves it by depth-first search over gcd-reduced
// equations (the method NumPy uses), counting the candidates it rejects so that a caller can
// bound the work. Common slicing patterns take one candidate per dimension.
#pragma once
#include <cstdint>

#include "core/array.hpp"

namespace cnp {

// The answers of NumPy's solver (its mem_overlap_t values, which the ABI hands out as they are).
enum class Overlap : int32_t {
  no = 0,
  yes = 1,
  too_hard = -1,  // the bound on the work was reached before an answer
  overflow = -2,  // the problem does not fit 64-bit integers
};

// max_work: -1 (NumPy's MAY_SHARE_EXACT) or any negative = no limit; 0 (MAY_SHARE_BOUNDS) = only
// compare the byte ranges (too_hard when they overlap); n > 0 = give up after n rejected
// candidates.
Overlap solve_shares_memory(const Array& a, const Array& b, int64_t max_work);

// One term of the equation: coefficient a > 0, bound 0 <= x <= ub.
struct DiophantineTerm {
  int64_t a;
  int64_t ub;
};

// Solves sum E[k].a * x[k] == b, 0 <= x[k] <= E[k].ub (terms may be in any order; the solver
// sorts and simplifies a copy). Exposed for the tests, which check it against brute force.
Overlap solve_diophantine(const DiophantineTerm* terms, int n, int64_t b, int64_t max_work);

}  // namespace cnp
