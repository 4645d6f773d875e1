// The bounded Diophantine solver behind numpy.shares_memory (see mem_overlap.hpp).
//
// Method (NumPy's, after its mem_overlap.c notes): with terms sorted by decreasing coefficient,
// a1 x1 + a2 x2 + ... == b is reduced pairwise: g = gcd(a1, a2) and x' = (a1/g) x1 + (a2/g) x2
// turn the first two terms into g x' with 0 <= x' <= (a1/g) ub1 + (a2/g) ub2, and so on, until
// a_{n-1}' x' + a_n x_n == b. The search enumerates the x_n that this last two-term equation
// allows (its solutions are an arithmetic progression in a parameter t, bounded by both
// variables' ranges), and for each goes one level down with b - a_n x_n. A level whose gcd does
// not divide b, or whose t range is empty, rejects the candidate; the count of rejections is the
// "work" that max_work bounds, counted as NumPy counts it so that the same problems give up.
#include "core/mem_overlap.hpp"

#include <algorithm>
#include <cstdint>
#include <tuple>
#include <utility>
#include <vector>

namespace cnp {

namespace {

using i128 = __int128;

// g = gcd(a1, a2) > 0 and gamma, epsilon with gamma*a1 + epsilon*a2 == g (extended Euclid; the
// coefficients stay below the inputs in magnitude, so nothing overflows).
struct Bezout {
  int64_t g, gamma, epsilon;
};
Bezout extended_gcd(int64_t a1, int64_t a2) {
  int64_t r0 = a1, r1 = a2, s0 = 1, s1 = 0, t0 = 0, t1 = 1;
  while (r1 != 0) {
    const int64_t q = r0 / r1;
    std::tie(r0, r1) = std::pair{r1, r0 - q * r1};
    std::tie(s0, s1) = std::pair{s1, s0 - q * s1};
    std::tie(t0, t1) = std::pair{t1, t0 - q * t1};
  }
  return {r0, s0, t0};
}

i128 floor_div(i128 a, int64_t b) {  // b > 0
  i128 q = a / b;
  if (a % b != 0 && a < 0) --q;
  return q;
}
i128 ceil_div(i128 a, int64_t b) {  // b > 0
  i128 q = a / b;
  if (a % b != 0 && a > 0) ++q;
  return q;
}
bool fits64(i128 v) { return v >= INT64_MIN && v <= INT64_MAX; }

struct Search {
  std::vector<DiophantineTerm> E;   // the terms, sorted by decreasing coefficient
  std::vector<DiophantineTerm> Ep;  // Ep[k]: the first k + 2 terms reduced to one
  std::vector<int64_t> gamma, epsilon;
  int64_t max_work;
  int64_t count = 0;

  // The gcd chain: Ep[0] merges E[0] and E[1], Ep[k] merges Ep[k-1] and E[k+1]. The bound of
  // the last merged term is never used (the search solves the last pair directly).
  bool precompute() {
    const int n = static_cast<int>(E.size());
    Ep.resize(n);
    gamma.resize(n);
    epsilon.resize(n);
    for (int j = 1; j < n; ++j) {
      const DiophantineTerm& left = j == 1 ? E[0] : Ep[j - 2];
      const Bezout z = extended_gcd(left.a, E[j].a);
      Ep[j - 1].a = z.g;
      gamma[j - 1] = z.gamma;
      epsilon[j - 1] = z.epsilon;
      if (j < n - 1) {
        int64_t p, q, s;
        if (__builtin_mul_overflow(left.ub, left.a / z.g, &p) || __builtin_mul_overflow(E[j].ub, E[j].a / z.g, &q) ||
            __builtin_add_overflow(p, q, &s))
          return false;
        Ep[j - 1].ub = s;
      }
    }
    return true;
  }

  // Is there a solution of the first v + 1 terms summing to b?
  Overlap dfs(int v, int64_t b) {
    if (max_work >= 0 && count >= max_work) return Overlap::too_hard;
    const DiophantineTerm& left = v == 1 ? E[0] : Ep[v - 2];
    const int64_t a1 = left.a, u1 = left.ub, a2 = E[v].a, u2 = E[v].ub;
    const int64_t g = Ep[v - 1].a;
    if (b % g != 0) {
      ++count;
      return Overlap::no;
    }
    // Solutions of a1 x1 + a2 x2 == b: x1 = gamma c + c1 t, x2 = epsilon c - c2 t for integer t,
    // kept within 0 <= x1 <= u1 and 0 <= x2 <= u2.
    const int64_t c = b / g, c1 = a2 / g, c2 = a1 / g;
    const i128 x10 = i128{gamma[v - 1]} * c, x20 = i128{epsilon[v - 1]} * c;
    const i128 t_lo = std::max(ceil_div(-x10, c1), ceil_div(x20 - u2, c2));
    const i128 t_hi = std::min(floor_div(i128{u1} - x10, c1), floor_div(x20, c2));
    if (t_lo > t_hi) {
      ++count;
      return Overlap::no;
    }
    if (!fits64(t_lo) || !fits64(t_hi) || !fits64(t_hi - t_lo)) return Overlap::overflow;
    if (v == 1) return Overlap::yes;  // x1 and x2 found
    // x2 for t = t_lo, t_lo + 1, ... (each within [0, u2], so these products fit).
    const int64_t x2_first = static_cast<int64_t>(x20 - i128{c2} * static_cast<int64_t>(t_lo));
    const int64_t steps = static_cast<int64_t>(t_hi - t_lo);
    for (int64_t t = 0; t <= steps; ++t) {
      const int64_t x2 = x2_first - c2 * t;
      int64_t used, rest;
      if (__builtin_mul_overflow(a2, x2, &used) || __builtin_sub_overflow(b, used, &rest)) return Overlap::overflow;
      const Overlap r = dfs(v - 1, rest);
      if (r != Overlap::no) return r;
    }
    ++count;
    return Overlap::no;
  }
};

// Sorts by decreasing coefficient, merges equal coefficients (their bounds add), trims each bound
// to b / a and drops the variables that must be 0. The yes/no answer is unchanged. false on
// overflow.
bool simplify(std::vector<DiophantineTerm>& E, int64_t b) {
  std::stable_sort(E.begin(), E.end(), [](const DiophantineTerm& x, const DiophantineTerm& y) { return x.a > y.a; });
  std::vector<DiophantineTerm> merged;
  bool overflow = false;
  for (const DiophantineTerm& t : E) {
    if (!merged.empty() && merged.back().a == t.a)
      overflow |= __builtin_add_overflow(merged.back().ub, t.ub, &merged.back().ub);
    else
      merged.push_back(t);
  }
  E.clear();
  for (DiophantineTerm t : merged) {
    t.ub = std::min(t.ub, b / t.a);
    if (t.ub != 0) E.push_back(t);
  }
  return !overflow;
}

}  // namespace

Overlap solve_diophantine(const DiophantineTerm* terms, int n, int64_t b, int64_t max_work) {
  for (int k = 0; k < n; ++k)
    if (terms[k].a <= 0 || terms[k].ub < 0) return Overlap::no;  // no x satisfies an empty bound
  if (b < 0) return Overlap::no;
  Search s;
  s.E.assign(terms, terms + n);
  s.max_work = max_work;
  if (!simplify(s.E, b)) return Overlap::overflow;
  const int m = static_cast<int>(s.E.size());
  if (m == 0) return b == 0 ? Overlap::yes : Overlap::no;
  if (m == 1) return b % s.E[0].a == 0 && b / s.E[0].a <= s.E[0].ub ? Overlap::yes : Overlap::no;
  if (!s.precompute()) return Overlap::overflow;
  return s.dfs(m - 1, b);
}

Overlap solve_shares_memory(const Array& a, const Array& b, int64_t max_work) {
  if (a.size() == 0 || b.size() == 0) return Overlap::no;
  int64_t alo, ahi, blo, bhi;
  if (!byte_extent(a.ndim(), a.shape(), a.strides(), a.itemsize(), &alo, &ahi) ||
      !byte_extent(b.ndim(), b.shape(), b.strides(), b.itemsize(), &blo, &bhi))
    return Overlap::overflow;
  // Byte ranges [start, end) of each array, as unsigned addresses.
  const uintptr_t s1 = reinterpret_cast<uintptr_t>(a.data()) + static_cast<uintptr_t>(alo);
  const uintptr_t e1 = reinterpret_cast<uintptr_t>(a.data()) + static_cast<uintptr_t>(ahi);
  const uintptr_t s2 = reinterpret_cast<uintptr_t>(b.data()) + static_cast<uintptr_t>(blo);
  const uintptr_t e2 = reinterpret_cast<uintptr_t>(b.data()) + static_cast<uintptr_t>(bhi);
  if (!(s1 < e2 && s2 < e1)) return Overlap::no;
  if (max_work == 0) return Overlap::too_hard;  // bounds only, and they overlap
  // With every stride made positive, a's bytes are s1 + sum |stride| x + j and b's are
  // e2 - 1 - sum |stride| x' - j'; equating them puts both arrays' terms on one side with
  // right-hand side e2 - 1 - s1 (or, symmetrically, e1 - 1 - s2: the smaller is searched).
  const uintptr_t rhs = std::min(e2 - 1 - s1, e1 - 1 - s2);
  if (rhs > static_cast<uintptr_t>(INT64_MAX)) return Overlap::overflow;
  std::vector<DiophantineTerm> terms;
  for (const Array* x : {&a, &b})
    for (int32_t i = 0; i < x->ndim(); ++i) {
      const int64_t s = x->strides()[i];
      if (x->shape(i) <= 1 || s == 0) continue;  // a fixed or repeated index adds no byte
      if (s == INT64_MIN) return Overlap::overflow;
      terms.push_back({s < 0 ? -s : s, x->shape(i) - 1});
    }
  for (const Array* x : {&a, &b})
    if (x->itemsize() > 1) terms.push_back({1, x->itemsize() - 1});  // the bytes of one element
  return solve_diophantine(terms.data(), static_cast<int>(terms.size()), static_cast<int64_t>(rhs), max_work);
}

}  // namespace cnp
