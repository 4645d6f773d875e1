// Reduction engine: NumPy's pairwise summation bit for bit, and results independent of the
// thread count.
#include <catch2/catch.hpp>

#include <cstring>
#include <vector>

#include "cnumpy/cnumpy.h"
#include "core/array.hpp"
#include "core/parallel.hpp"
#include "reduce/reduce.hpp"

namespace {
double sum_of(cnp_array* a, const int64_t* axes, int32_t naxes, std::vector<double>* all = nullptr) {
  cnp_array* r = nullptr;
  REQUIRE(cnp_sum(a, axes, naxes, nullptr, nullptr, 0, nullptr, nullptr, &r) == CNP_OK);
  const double* p = reinterpret_cast<const double*>(r->a.data());  // white-box: the handle's array
  int64_t n = r->a.size();
  if (all) all->assign(p, p + n);
  double v = p[0];
  cnp_array_free(r);
  return v;
}
}  // namespace

TEST_CASE("reduce: pairwise sum follows NumPy's blocking", "[reduce]") {
  std::vector<double> v(1000, 0.1);
  // Reference: NumPy's recursion written out for n = 1000 (> 128: halves at 496/504 ...).
  double ref = cnp::reduce::pairwise_sum_f64(v.data(), 1000, sizeof(double));
  double seq = 0;
  for (double x : v) seq += x;
  CHECK(ref != seq);
  double l = cnp::reduce::pairwise_sum_f64(v.data(), 496, 8), r = cnp::reduce::pairwise_sum_f64(v.data() + 496, 504, 8);
  CHECK(ref == l + r);
}

TEST_CASE("reduce: sum(full(10_000_001, 0.1)) equals NumPy's", "[reduce]") {
  cnp_array* a = nullptr;
  cnp_scalar s{};
  s.typenum = CNP_FLOAT64;
  s.value.f = 0.1;
  int64_t n = 10000001;
  cnp_array* fv = nullptr;
  REQUIRE(cnp_array_from_scalar(&s, nullptr, &fv) == CNP_OK);
  REQUIRE(cnp_full(1, &n, fv, nullptr, CNP_ORDER_C, &a) == CNP_OK);
  cnp_array_free(fv);
  CHECK(sum_of(a, nullptr, -1) == 1000000.0999999782);  // numpy 1.24: np.full(10_000_001, 0.1).sum()
  cnp_array_free(a);
}

TEST_CASE("reduce: results do not depend on the thread count", "[reduce]") {
  int64_t shape[2] = {700, 900};
  std::vector<double> data(700 * 900);
  for (size_t i = 0; i < data.size(); ++i) data[i] = static_cast<double>((i * 7919) % 1000) * 0.013;
  cnp_array* a = nullptr;
  cnp_dtype* f8 = nullptr;
  REQUIRE(cnp_dtype_from_typenum(CNP_FLOAT64, &f8) == CNP_OK);
  REQUIRE(cnp_array_wrap(data.data(), f8, 2, shape, nullptr, 1, nullptr, nullptr, &a) == CNP_OK);
  std::vector<std::vector<double>> results;
  for (int threads : {1, 2, 3, 8}) {
    cnp::set_num_threads(threads);
    std::vector<double> full, ax0, ax1;
    int64_t z = 0, o = 1;
    sum_of(a, nullptr, -1, &full);
    sum_of(a, &z, 1, &ax0);
    sum_of(a, &o, 1, &ax1);
    full.insert(full.end(), ax0.begin(), ax0.end());
    full.insert(full.end(), ax1.begin(), ax1.end());
    results.push_back(full);
  }
  cnp::set_num_threads(0);
  for (auto& r : results) CHECK(std::memcmp(r.data(), results[0].data(), r.size() * sizeof(double)) == 0);
  cnp_array_free(a);
}
