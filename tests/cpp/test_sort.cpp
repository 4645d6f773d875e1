// Sorting kernels (src/sort): against std::stable_sort with NumPy's order, on sizes around each
// kernel's thresholds (counting sort, vqsort, the parallel split), with 1, 2 and 3 threads, and
// through every vqsort target this machine runs; plus the C ABI's error paths.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>
#include <random>
#include <vector>

#include <hwy/targets.h>

#include "capi_test_util.hpp"
#include "cnumpy/cnumpy.h"
#include "core/parallel.hpp"
#include "sort/kernels.hpp"
#include "sort/keys.hpp"

using namespace cnp;
using namespace cnp::sorting;

namespace {

// NumPy's LT for real values (NaN last); -0.0 == 0.0.
template <class T>
bool np_less(T a, T b) {
  if constexpr (std::is_floating_point_v<T>) return a < b || (b != b && a == a);
  else return a < b;
}

template <class T>
std::vector<T> sample(size_t n, uint32_t seed, int variety) {
  std::mt19937_64 rng(seed);
  std::vector<T> v(n);
  for (auto& x : v) {
    uint64_t r = rng();
    if constexpr (std::is_floating_point_v<T>) {
      switch (r % 8) {
        case 0: x = std::numeric_limits<T>::quiet_NaN(); break;
        case 1: x = (r & 8) ? T(-0.0) : T(0.0); break;
        case 2: x = (r & 8) ? std::numeric_limits<T>::infinity() : -std::numeric_limits<T>::infinity(); break;
        default: x = static_cast<T>(static_cast<int64_t>(r >> 20) % variety) / T(4);
      }
      if (r % 29 == 0) x = -std::numeric_limits<T>::quiet_NaN();
    } else {
      x = static_cast<T>(static_cast<int64_t>(r >> 3) % variety);
      if (r % 17 == 0) x = std::numeric_limits<T>::min();
      if (r % 19 == 0) x = std::numeric_limits<T>::max();
    }
  }
  return v;
}

// Bitwise equality (distinguishes -0.0 from 0.0 and NaN payloads).
template <class T>
bool same_bits(const std::vector<T>& a, const std::vector<T>& b) {
  // memcmp must not see the NULL data() of empty vectors (UBSan), whatever the length
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0);
}

template <class T>
void check_type(size_t n, uint32_t seed, int variety) {
  std::vector<T> v = sample<T>(n, seed, variety);
  std::vector<int64_t> ref(n);
  std::iota(ref.begin(), ref.end(), int64_t{0});
  std::stable_sort(ref.begin(), ref.end(), [&](int64_t a, int64_t b) { return np_less(v[a], v[b]); });
  std::vector<T> stable_ref(n);
  for (size_t i = 0; i < n; ++i) stable_ref[i] = v[ref[i]];

  std::vector<int64_t> perm(n);
  argsort_values(v.data(), static_cast<int64_t>(n), perm.data());
  CHECK(perm == ref);  // the exact stable permutation

  std::vector<T> s = v;
  sort_values(s.data(), static_cast<int64_t>(n), true);
  CHECK(same_bits(s, stable_ref));  // stable: equal values (±0, NaNs) in input order

  std::vector<T> u = v;
  sort_values(u.data(), static_cast<int64_t>(n), false);
  bool ordered = true;
  for (size_t i = 1; i < n; ++i) ordered &= !np_less(u[i], u[i - 1]);
  CHECK(ordered);
  std::vector<T> u2 = v;
  sort_values(u2.data(), static_cast<int64_t>(n), false);
  CHECK(same_bits(u, u2));  // deterministic despite vqsort's random pivots

  if (n > 0) {
    int64_t kth[2] = {0, static_cast<int64_t>(n / 2)};
    int64_t nk = n > 1 ? 2 : 1;
    std::vector<T> p = v;
    select_values(p.data(), static_cast<int64_t>(n), kth, nk);
    std::vector<int64_t> ap(n);
    argselect_values(v.data(), static_cast<int64_t>(n), kth, nk, ap.data());
    for (int64_t j = 0; j < nk; ++j) {
      size_t k = static_cast<size_t>(kth[j]);
      T want = stable_ref[k];
      CHECK((p[k] == want || (p[k] != p[k] && want != want)));
      T got = v[ap[k]];
      CHECK((got == want || (got != got && want != want)));
      for (size_t i = 0; i < k; ++i) CHECK(!np_less(want, p[i]));
      for (size_t i = k + 1; i < n; ++i) CHECK(!np_less(p[i], want));
    }
  }
}

template <class T>
void check_sizes() {
  for (size_t n : {0, 1, 2, 3, 16, 17, 255, 256, 1023, 1025, 65535, 65537, 140000}) {
    INFO("n = " << n);
    check_type<T>(n, static_cast<uint32_t>(n), 5);
    if (n > 100) check_type<T>(n, static_cast<uint32_t>(n + 1), 1 << 20);
  }
}

}  // namespace

TEST_CASE("sort kernels: every integer and float type, sizes around the thresholds", "[sort]") {
  for (int threads : {1, 2, 3}) {
    INFO("threads = " << threads);
    cnp::set_num_threads(threads);
    check_sizes<int8_t>();
    check_sizes<uint8_t>();
    check_sizes<int16_t>();
    check_sizes<uint16_t>();
    check_sizes<int32_t>();
    check_sizes<uint32_t>();
    check_sizes<int64_t>();
    check_sizes<uint64_t>();
    check_sizes<float>();
    check_sizes<double>();
  }
  cnp::set_num_threads(0);
}

TEST_CASE("sort kernels: every vqsort target this CPU runs", "[sort]") {
  REQUIRE(vqsort_loaded());  // libhwy_contrib.so.1 is installed with libhwy-dev
  // Supported by the CPU and compiled into the library (HWY_TARGETS: the same defaults as
  // Debian's build of libhwy_contrib), as hwy::SupportedAndGeneratedTargets computes it.
  const int64_t targets = vqsort_targets() & HWY_TARGETS;
  int tried = 0;
  for (int64_t bit : {int64_t{HWY_AVX3_DL}, int64_t{HWY_AVX3}, int64_t{HWY_AVX2}, int64_t{HWY_SSE4}, int64_t{HWY_SSSE3}}) {
    if (!(targets & bit)) continue;
    INFO("target " << hwy::TargetName(bit));
    vqsort_force_targets(bit);
    check_type<double>(5000, 7, 1 << 20);
    check_type<int32_t>(5000, 8, 100);
    check_type<uint16_t>(5000, 9, 1000);
    check_type<int64_t>(300000, 10, 1 << 30);  // parallel split too
    ++tried;
  }
  vqsort_force_targets(0);
  CHECK(tried >= 2);
}

TEST_CASE("sort keys: NumPy's complex order", "[sort]") {
  using C = std::complex<double>;
  const double nan = std::nan("");
  // All R+Rj (by real, then imaginary part) < all R+nanj (by real) < nan+Rj < nan+nanj.
  std::vector<C> ordered = {C(-1, 5), C(1, -1), C(1, 2), C(2, 0), C(1, nan), C(3, nan), C(nan, -3), C(nan, 1), C(nan, nan)};
  for (size_t i = 0; i < ordered.size(); ++i)
    for (size_t j = 0; j < ordered.size(); ++j) {
      INFO(i << " " << j);
      CHECK(complex_less(ordered[i], ordered[j]) == (i < j));
    }
  std::vector<C> v = {ordered[7], ordered[3], ordered[0], ordered[5], ordered[8], ordered[2], ordered[6], ordered[1], ordered[4]};
  sort_values(v.data(), static_cast<int64_t>(v.size()), true);
  CHECK(std::memcmp(v.data(), ordered.data(), v.size() * sizeof(C)) == 0);
  CHECK(canon_key(-0.0) == canon_key(0.0));
  CHECK(canon_key(std::nan("")) == canon_key(-std::nan("")));
  CHECK(canon_key(std::numeric_limits<double>::infinity()) < canon_key(std::nan("")));
}

TEST_CASE("sort C ABI: errors leave outputs NULL and inputs untouched", "[sort]") {
  using capi_test::Handle;
  Handle a;
  cnp_scalar stop = {CNP_INT64, 0, {0}};
  stop.value.i = 7;
  REQUIRE(cnp_arange(&stop, nullptr, nullptr, nullptr, a.out()) == CNP_OK);
  cnp_array* out = reinterpret_cast<cnp_array*>(1);
  CHECK(cnp_sort(a, nullptr, "bogus", &out) == CNP_ERR_VALUE);
  CHECK(out == nullptr);
  CHECK(std::string(cnp_last_error()) == "sort kind must be one of 'quick', 'heap', or 'stable' (got 'bogus')");
  int64_t axis = 1;
  CHECK(cnp_argsort(a, &axis, nullptr, &out) == CNP_ERR_AXIS);
  Handle kth;
  cnp_scalar ten = {CNP_INT64, 0, {0}};
  ten.value.i = 10;
  REQUIRE(cnp_array_from_scalar(&ten, nullptr, kth.out()) == CNP_OK);
  CHECK(cnp_partition(a, kth, nullptr, nullptr, &out) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "kth(=10) out of bounds (7)");
  CHECK(cnp_searchsorted(a, a, "middle", nullptr, &out) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "search side must be 'left' or 'right' (got 'middle')");
  CHECK(cnp_lexsort(0, nullptr, -1, &out) == CNP_ERR_TYPE);
  CHECK(cnp_sort(nullptr, nullptr, nullptr, &out) == CNP_ERR_INVALID_HANDLE);
  cnp_array *v = reinterpret_cast<cnp_array*>(1), *c = reinterpret_cast<cnp_array*>(1);
  CHECK(cnp_unique(nullptr, 1, &v, nullptr, nullptr, &c) == CNP_ERR_INVALID_HANDLE);
  CHECK(v == nullptr);
  CHECK(c == nullptr);
  CHECK(cnp_unique(a, 1, nullptr, nullptr, nullptr, nullptr) == CNP_ERR_INVALID_HANDLE);
  Handle u, cnt;
  REQUIRE(cnp_unique(a, 1, u.out(), nullptr, nullptr, cnt.out()) == CNP_OK);
  int64_t n = 0;
  REQUIRE(cnp_array_size(u, &n) == CNP_OK);
  CHECK(n == 7);
}
