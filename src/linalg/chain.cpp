// numpy.linalg.multi_dot: a chain of dots evaluated in the order with the fewest scalar
// multiplications, chosen exactly as NumPy chooses it (the closed form for three matrices, the
// matrix-chain dynamic programme for more, ties going to the first split), so results round the
// same way.
#include <limits>
#include <string>
#include <vector>

#include "core/views.hpp"
#include "linalg/batch.hpp"
#include "linalg/linalg.hpp"

namespace cnp::linalg {

namespace {
struct Chain {
  const std::vector<Array>& a;
  std::vector<std::vector<int>> split;
  Array eval(int i, int j) const {
    if (i == j) return a[size_t(i)];
    int k = split[size_t(i)][size_t(j)];
    return dot(eval(i, k), eval(k + 1, j));
  }
};
}  // namespace

Array multi_dot(const std::vector<const Array*>& arrays) {
  const int n = int(arrays.size());
  if (n < 2) throw_value("Expecting at least two arrays.");
  if (n == 2) return dot(*arrays[0], *arrays[1]);
  std::vector<Array> a;
  for (const Array* x : arrays) a.push_back(*x);
  // A 1-d first operand is a row vector, a 1-d last one a column; both are dropped at the end.
  const int32_t nd_first = a[0].ndim(), nd_last = a.back().ndim();
  if (nd_first == 1) {
    int64_t s[2] = {1, a[0].shape(0)};
    a[0] = reshape(a[0], 2, s, CNP_ORDER_C);
  }
  if (nd_last == 1) {
    int64_t s[2] = {a.back().shape(0), 1};
    a.back() = reshape(a.back(), 2, s, CNP_ORDER_C);
  }
  for (const Array& x : a)
    if (x.ndim() != 2)
      throw_linalg(std::to_string(x.ndim()) + "-dimensional array given. Array must be two-dimensional");
  Chain c{a, std::vector<std::vector<int>>(size_t(n), std::vector<int>(size_t(n), 0))};
  std::vector<double> p(size_t(n) + 1);  // NumPy computes the costs in floating point
  for (int i = 0; i < n; ++i) p[size_t(i)] = double(a[size_t(i)].shape(0));
  p[size_t(n)] = double(a.back().shape(1));
  Array r;
  if (n == 3) {
    const double cost1 = p[0] * p[1] * p[2] + p[0] * p[2] * p[3];  // (AB)C
    const double cost2 = p[1] * p[2] * p[3] + p[0] * p[1] * p[3];  // A(BC)
    r = cost1 < cost2 ? dot(dot(a[0], a[1]), a[2]) : dot(a[0], dot(a[1], a[2]));
  } else {
    std::vector<std::vector<double>> m(size_t(n), std::vector<double>(size_t(n), 0.0));
    for (int len = 1; len < n; ++len)
      for (int i = 0; i + len < n; ++i) {
        const int j = i + len;
        m[size_t(i)][size_t(j)] = std::numeric_limits<double>::infinity();
        for (int k = i; k < j; ++k) {
          double cost = m[size_t(i)][size_t(k)] + m[size_t(k) + 1][size_t(j)] + p[size_t(i)] * p[size_t(k) + 1] * p[size_t(j) + 1];
          if (cost < m[size_t(i)][size_t(j)]) m[size_t(i)][size_t(j)] = cost, c.split[size_t(i)][size_t(j)] = k;
        }
      }
    r = c.eval(0, n - 1);
  }
  if (nd_first == 1 && nd_last == 1) return reshape(r, 0, nullptr, CNP_ORDER_C);
  if (nd_first == 1) {
    int64_t s = r.shape(1);
    return reshape(r, 1, &s, CNP_ORDER_C);
  }
  if (nd_last == 1) {
    int64_t s = r.shape(0);
    return reshape(r, 1, &s, CNP_ORDER_C);
  }
  return r;
}

}  // namespace cnp::linalg
