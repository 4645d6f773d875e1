// Reduction engine: NumPy's pairwise summation bit for bit, and results independent of the
// thread count.
#include <catch2/catch.hpp>

#include <cstring>
#include <string>
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

TEST_CASE("statistics: C entry points compute and reject bad input", "[statistics]") {
  double vals[7] = {5, 1, 4, 2, 3, 9, 0};
  int64_t n = 7;
  cnp_dtype* f8 = nullptr;
  REQUIRE(cnp_dtype_from_string("float64", &f8) == CNP_OK);
  cnp_array* a = nullptr;
  REQUIRE(cnp_array_from_data(vals, f8, 1, &n, nullptr, &a) == CNP_OK);
  cnp_array* med = nullptr;
  REQUIRE(cnp_median(a, nullptr, -1, nullptr, 0, &med) == CNP_OK);
  CHECK(*reinterpret_cast<const double*>(med->a.data()) == 3.0);
  double qv = 0.25;
  int64_t zero = 0;
  cnp_array* q = nullptr;
  REQUIRE(cnp_array_from_data(&qv, f8, 0, &zero, nullptr, &q) == CNP_OK);
  cnp_array* r = nullptr;
  REQUIRE(cnp_quantile(a, q, nullptr, -1, "lower", nullptr, 0, &r) == CNP_OK);
  CHECK(*reinterpret_cast<const double*>(r->a.data()) == 1.0);
  cnp_array_free(r);
  r = reinterpret_cast<cnp_array*>(0x1);
  CHECK(cnp_quantile(a, q, nullptr, -1, "bogus", nullptr, 0, &r) == CNP_ERR_VALUE);
  CHECK(r == nullptr);
  CHECK(cnp_median(nullptr, nullptr, -1, nullptr, 0, &r) != CNP_OK);
  CHECK(cnp_quantile(a, nullptr, nullptr, -1, nullptr, nullptr, 0, &r) != CNP_OK);
  cnp_array *h = nullptr, *e = nullptr;
  REQUIRE(cnp_histogram(a, 3, nullptr, nullptr, nullptr, 0, &h, &e) == CNP_OK);
  const int64_t* hp = reinterpret_cast<const int64_t*>(h->a.data());
  CHECK(hp[0] + hp[1] + hp[2] == 7);
  cnp_array_free(h);
  cnp_array_free(e);
  double bad_range[2] = {3, 1};
  CHECK(cnp_histogram(a, 3, nullptr, bad_range, nullptr, 0, &h, &e) == CNP_ERR_VALUE);
  CHECK(h == nullptr);
  CHECK(e == nullptr);
  CHECK(cnp_bincount(a, nullptr, 0, &r) == CNP_ERR_TYPE);
  cnp_array* outs[1] = {nullptr};
  int32_t nout = -1;
  REQUIRE(cnp_gradient(a, nullptr, 0, nullptr, -1, 1, outs, &nout) == CNP_OK);
  CHECK(nout == 1);
  cnp_array_free(outs[0]);
  nout = -7;
  outs[0] = nullptr;
  CHECK(cnp_gradient(a, nullptr, 0, nullptr, -1, 3, outs, &nout) == CNP_ERR_VALUE);
  CHECK(nout == -7);  // out-parameters untouched on failure (issue 18)
  CHECK(outs[0] == nullptr);
  cnp_array* c = nullptr;
  CHECK(cnp_cov(a, nullptr, 1, 0, nullptr, nullptr, nullptr, nullptr, &c) == CNP_OK);
  cnp_array_free(c);
  cnp_array_free(q);
  cnp_array_free(med);
  cnp_array_free(a);
  cnp_dtype_free(f8);
}

TEST_CASE("ufunc methods: C entry points compute and reject bad input", "[reduce]") {
  double vals[6] = {8, 2, 2, 1, 4, 0.5};
  int64_t shape[2] = {2, 3};
  cnp_dtype* f8 = nullptr;
  REQUIRE(cnp_dtype_from_string("float64", &f8) == CNP_OK);
  cnp_array* a = nullptr;
  REQUIRE(cnp_array_from_data(vals, f8, 2, shape, nullptr, &a) == CNP_OK);
  const int64_t ax1 = 1;
  cnp_array* r = nullptr;
  // subtract.reduce along axis 1: 8-2-2 = 4, 1-4-0.5 = -3.5
  REQUIRE(cnp_ufunc_reduce("subtract", a, &ax1, 1, nullptr, nullptr, 0, nullptr, 0, nullptr, &r) == CNP_OK);
  const double* rp = reinterpret_cast<const double*>(r->a.data());
  CHECK(rp[0] == 4.0);
  CHECK(rp[1] == -3.5);
  cnp_array_free(r);
  // divide.accumulate along axis 1
  REQUIRE(cnp_ufunc_accumulate("divide", a, 1, nullptr, nullptr, &r) == CNP_OK);
  rp = reinterpret_cast<const double*>(r->a.data());
  CHECK(rp[2] == 2.0);
  CHECK(rp[5] == 0.5);
  cnp_array_free(r);
  // maximum.reduceat over [0, 2) and [2, 3) along axis 1
  int64_t iv[2] = {0, 2}, ni = 2;
  cnp_dtype* i8 = nullptr;
  REQUIRE(cnp_dtype_from_string("int64", &i8) == CNP_OK);
  cnp_array* idx = nullptr;
  REQUIRE(cnp_array_from_data(iv, i8, 1, &ni, nullptr, &idx) == CNP_OK);
  REQUIRE(cnp_ufunc_reduceat("maximum", a, idx, 1, nullptr, nullptr, &r) == CNP_OK);
  rp = reinterpret_cast<const double*>(r->a.data());
  CHECK(rp[0] == 8.0);
  CHECK(rp[3] == 0.5);
  cnp_array_free(r);
  // add.at with a repeated index: a[0, 1] += 1 twice
  cnp_array* idx2 = nullptr;
  int64_t rep[2] = {1, 1};
  REQUIRE(cnp_array_from_data(rep, i8, 1, &ni, nullptr, &idx2) == CNP_OK);
  cnp_index items[2] = {};
  items[0].kind = CNP_INDEX_INTEGER;
  items[0].start = 0;
  items[1].kind = CNP_INDEX_ARRAY;
  items[1].array = idx2;
  double one = 1.0;
  int64_t zero = 0;
  cnp_array* b = nullptr;
  REQUIRE(cnp_array_from_data(&one, f8, 0, &zero, nullptr, &b) == CNP_OK);
  REQUIRE(cnp_ufunc_at("add", a, 2, items, b) == CNP_OK);
  CHECK(reinterpret_cast<const double*>(a->a.data())[1] == 4.0);
  // errors: unknown ufunc, NULL handles, unary reduce, not reorderable, out of bounds
  r = reinterpret_cast<cnp_array*>(0x1);
  CHECK(cnp_ufunc_reduce("bogus", a, nullptr, -1, nullptr, nullptr, 0, nullptr, 0, nullptr, &r) == CNP_ERR_VALUE);
  CHECK(r == nullptr);
  CHECK(cnp_ufunc_reduce(nullptr, a, nullptr, -1, nullptr, nullptr, 0, nullptr, 0, nullptr, &r) != CNP_OK);
  CHECK(cnp_ufunc_reduce("add", nullptr, nullptr, -1, nullptr, nullptr, 0, nullptr, 0, nullptr, &r) != CNP_OK);
  CHECK(cnp_ufunc_reduce("sin", a, nullptr, -1, nullptr, nullptr, 0, nullptr, 0, nullptr, &r) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "reduce only supported for binary functions");
  CHECK(cnp_ufunc_reduce("subtract", a, nullptr, -1, nullptr, nullptr, 0, nullptr, 0, nullptr, &r) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) ==
        "reduction operation 'subtract' is not reorderable, so at most one axis may be specified");
  int64_t oob[2] = {0, 7};
  cnp_array* idx3 = nullptr;
  REQUIRE(cnp_array_from_data(oob, i8, 1, &ni, nullptr, &idx3) == CNP_OK);
  CHECK(cnp_ufunc_reduceat("add", a, idx3, 1, nullptr, nullptr, &r) == CNP_ERR_INDEX);
  cnp_array_free(idx3);
  CHECK(std::string(cnp_last_error()) == "index 7 out-of-bounds in add.reduceat [0, 3)");
  CHECK(cnp_ufunc_at("add", a, 2, items, nullptr) == CNP_ERR_VALUE);
  CHECK(cnp_ufunc_at("add", a, 2, nullptr, b) != CNP_OK);
  CHECK(cnp_ufunc_at("add", nullptr, 2, items, b) != CNP_OK);
  CHECK(reinterpret_cast<const double*>(a->a.data())[1] == 4.0);
  cnp_array_free(b);
  cnp_array_free(idx2);
  cnp_array_free(idx);
  cnp_array_free(a);
  cnp_dtype_free(i8);
  cnp_dtype_free(f8);
}

// ABI 1's argument conventions (docs/api-conventions.md): axes NULL is None whatever naxes says,
// a list needs naxes >= 0 (0: the empty tuple), a single optional axis is a pointer (NULL: None).
TEST_CASE("reduce: optional axis and axes conventions", "[reduce][abi]") {
  double vals[6] = {3, 1, 2, 6, 5, 4};
  int64_t shape[2] = {2, 3};
  cnp_dtype* f8 = nullptr;
  REQUIRE(cnp_dtype_from_typenum(CNP_FLOAT64, &f8) == CNP_OK);
  cnp_array* a = nullptr;
  REQUIRE(cnp_array_from_data(vals, f8, 2, shape, nullptr, &a) == CNP_OK);
  CHECK(cnp_abi_version() == 1);

  CHECK(sum_of(a, nullptr, 5) == 21.0);  // axes NULL: None, naxes ignored
  std::vector<double> per_row, same;
  int64_t one = 1;
  sum_of(a, &one, 1, &per_row);
  CHECK(per_row == std::vector<double>{6.0, 15.0});
  sum_of(a, &one, 0, &same);  // the empty tuple: nothing reduced
  CHECK(same == std::vector<double>(vals, vals + 6));
  cnp_array* r = reinterpret_cast<cnp_array*>(0x1);
  CHECK(cnp_sum(a, &one, -1, nullptr, nullptr, 0, nullptr, nullptr, &r) == CNP_ERR_VALUE);
  CHECK(r == nullptr);
  CHECK(cnp_fft_fftshift(a, &one, -1, &r) == CNP_ERR_VALUE);

  REQUIRE(cnp_argmax(a, nullptr, nullptr, 0, &r) == CNP_OK);  // flattened
  CHECK(*reinterpret_cast<const int64_t*>(r->a.data()) == 3);
  cnp_array_free(r);
  REQUIRE(cnp_argmin(a, &one, nullptr, 0, &r) == CNP_OK);
  CHECK(r->a.ndim() == 1);
  CHECK(reinterpret_cast<const int64_t*>(r->a.data())[1] == 2);
  cnp_array_free(r);
  REQUIRE(cnp_cumsum(a, nullptr, nullptr, nullptr, &r) == CNP_OK);
  CHECK(r->a.ndim() == 1);
  CHECK(reinterpret_cast<const double*>(r->a.data())[5] == 21.0);
  cnp_array_free(r);

  // NumPy's out=: the result is written into out_array and *out is a new reference to it.
  cnp_array* target = nullptr;
  int64_t two = 2;
  REQUIRE(cnp_zeros(1, &two, f8, CNP_ORDER_C, &target) == CNP_OK);
  REQUIRE(cnp_sum(a, &one, 1, nullptr, target, 0, nullptr, nullptr, &r) == CNP_OK);
  CHECK(r == target);
  CHECK(reinterpret_cast<const double*>(target->a.data())[1] == 15.0);
  cnp_array_free(r);
  cnp_array_free(target);
  cnp_array_free(a);
}
