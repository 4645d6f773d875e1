// numpy.fft internals: the FFTW plan cache (hits, LRU bound) and concurrent transforms.
#include <catch2/catch.hpp>

#include "capi_test_util.hpp"
#include <cmath>
#include <complex>
#include <string>
#include <thread>
#include <vector>

#include "cnumpy/cnumpy.h"
#include "fft/plan_cache.hpp"

namespace {

using capi_test::Handle;
using capi_test::dtype;

void* data_of(const cnp_array* a) {
  void* p = nullptr;
  cnp_array_data(a, &p);
  return p;
}

// A complex128 1-D array of n elements x[k] = cos(k) + i sin(2k). No Catch2 macros: runs on
// worker threads too.
bool make_input(int64_t n, Handle& out) {
  cnp_dtype* dt = nullptr;
  if (cnp_dtype_from_typenum(CNP_COMPLEX128, &dt) != CNP_OK) return false;
  cnp_status st = cnp_empty(1, &n, dt, CNP_ORDER_C, out.out());
  cnp_dtype_free(dt);
  if (st != CNP_OK) return false;
  auto* p = static_cast<std::complex<double>*>(data_of(out));
  for (int64_t k = 0; k < n; ++k) p[k] = {std::cos(double(k)), std::sin(2.0 * k)};
  return true;
}

// Max abs error of fft(x) against the naive DFT.
double dft_error(const cnp_array* x, const cnp_array* y, int64_t n) {
  auto* in = static_cast<const std::complex<double>*>(data_of(x));
  auto* out = static_cast<const std::complex<double>*>(data_of(y));
  double err = 0;
  for (int64_t j = 0; j < n; ++j) {
    std::complex<double> s = 0;
    for (int64_t k = 0; k < n; ++k) s += in[k] * std::polar(1.0, -2 * M_PI * double(j * k % n) / double(n));
    err = std::max(err, std::abs(s - out[j]));
  }
  return err;
}

}  // namespace

TEST_CASE("fft plan cache hits and stays bounded", "[fft]") {
  using namespace cnp::fft;
  clear_plan_cache();
  set_plan_cache_capacity(4);
  Handle x;
  REQUIRE(make_input(32, x));
  {
    Handle y1, y2;
    REQUIRE(cnp_fft_fft(x, -1, -1, CNP_FFT_NORM_BACKWARD, y1.out()) == CNP_OK);
    auto s1 = plan_cache_stats();
    REQUIRE(s1.misses == 1);
    REQUIRE(s1.size == 1);
    REQUIRE(cnp_fft_fft(x, -1, -1, CNP_FFT_NORM_BACKWARD, y2.out()) == CNP_OK);
    auto s2 = plan_cache_stats();
    REQUIRE(s2.hits == 1);
    REQUIRE(s2.misses == 1);
    REQUIRE(dft_error(x, y1, 32) < 1e-10);
  }
  for (int64_t n = 2; n < 12; ++n) {
    Handle y;
    REQUIRE(cnp_fft_fft(x, n, -1, CNP_FFT_NORM_BACKWARD, y.out()) == CNP_OK);
  }
  auto s3 = plan_cache_stats();
  REQUIRE(s3.size == 4);
  REQUIRE(s3.capacity == 4);
  set_plan_cache_capacity(0);
  REQUIRE(plan_cache_stats().capacity == 64);
}

TEST_CASE("fft from four threads gives correct results", "[fft]") {
  const int64_t sizes[4] = {64, 97, 128, 360};
  std::vector<std::thread> threads;
  std::vector<double> worst(4, 0.0);
  std::vector<int> failures(4, 0);
  cnp::fft::set_plan_cache_capacity(3);  // forces evictions while other threads execute
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int rep = 0; rep < 25; ++rep) {
        int64_t n = sizes[(t + rep) % 4];
        Handle x, y;
        if (!make_input(n, x) || cnp_fft_fft(x, -1, 0, CNP_FFT_NORM_BACKWARD, y.out()) != CNP_OK) {
          ++failures[t];
          continue;
        }
        if (rep % 5 == 0) worst[t] = std::max(worst[t], dft_error(x, y, n));
      }
    });
  }
  for (auto& th : threads) th.join();
  cnp::fft::set_plan_cache_capacity(0);
  for (int t = 0; t < 4; ++t) {
    REQUIRE(failures[t] == 0);
    REQUIRE(worst[t] < 1e-9);
  }
}

TEST_CASE("fft C ABI errors", "[fft]") {
  Handle x, y;
  REQUIRE(make_input(4, x));
  REQUIRE(cnp_fft_fft(x, 0, -1, CNP_FFT_NORM_BACKWARD, y.out()) == CNP_ERR_VALUE);
  REQUIRE(std::string(cnp_last_error()) == "Invalid number of FFT data points (0) specified.");
  REQUIRE(y.h == nullptr);
  REQUIRE(cnp_fft_fft(x, -1, 2, CNP_FFT_NORM_BACKWARD, y.out()) == CNP_ERR_AXIS);
  REQUIRE(cnp_fft_rfft(x, -1, -1, CNP_FFT_NORM_BACKWARD, y.out()) == CNP_ERR_TYPE);
  REQUIRE(cnp_fft_fft(nullptr, -1, -1, CNP_FFT_NORM_BACKWARD, y.out()) == CNP_ERR_INVALID_HANDLE);
}
