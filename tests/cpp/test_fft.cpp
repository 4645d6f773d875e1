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

namespace {

// A complex128 C-ordered rows x cols array, x[r, c] = cos(r + 3c) + i sin(2r - c) * seed.
bool make_2d(int64_t rows, int64_t cols, double seed, Handle& out) {
  cnp_dtype* dt = nullptr;
  if (cnp_dtype_from_typenum(CNP_COMPLEX128, &dt) != CNP_OK) return false;
  int64_t shape[2] = {rows, cols};
  cnp_status st = cnp_empty(2, shape, dt, CNP_ORDER_C, out.out());
  cnp_dtype_free(dt);
  if (st != CNP_OK) return false;
  auto* p = static_cast<std::complex<double>*>(data_of(out));
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t c = 0; c < cols; ++c)
      p[r * cols + c] = {std::cos(double(r + 3 * c)), seed * std::sin(double(2 * r - c))};
  return true;
}

// Max abs difference of two complex128 arrays of n elements.
double max_diff(const cnp_array* a, const cnp_array* b, int64_t n) {
  auto* x = static_cast<const std::complex<double>*>(data_of(a));
  auto* y = static_cast<const std::complex<double>*>(data_of(b));
  double e = 0;
  for (int64_t i = 0; i < n; ++i) e = std::max(e, std::abs(x[i] - y[i]));
  return e;
}

// The 2-D DFT of x (rows x cols) at output bin (j, k), summed directly.
std::complex<double> dft2_at(const cnp_array* x, int64_t rows, int64_t cols, int64_t j, int64_t k) {
  auto* p = static_cast<const std::complex<double>*>(data_of(x));
  std::complex<double> s = 0;
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t c = 0; c < cols; ++c)
      s += p[r * cols + c] * std::polar(1.0, -2 * M_PI * (double(j * r % rows) / double(rows) +
                                                          double(k * c % cols) / double(cols)));
  return s;
}

}  // namespace

TEST_CASE("fft measured 2-D plans from four threads", "[fft]") {
  // 256x256 and 128x512 are planned with FFTW_MEASURE (under the FFTW mutex) while other threads
  // execute plans; each thread checks fft2 against bins of the direct DFT, and ifft2(fft2(x)) == x.
  const int64_t shapes[2][2] = {{256, 256}, {128, 512}};
  std::vector<int> failures(4, 0);
  std::vector<double> worst(4, 0.0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int rep = 0; rep < 4; ++rep) {
        int64_t rows = shapes[(t + rep) % 2][0], cols = shapes[(t + rep) % 2][1];
        Handle x, keep, y, z;
        if (!make_2d(rows, cols, 1.0 + t, x) || !make_2d(rows, cols, 1.0 + t, keep) ||
            cnp_fft_fft2(x, nullptr, -1, nullptr, -1, CNP_FFT_NORM_BACKWARD, y.out()) != CNP_OK ||
            cnp_fft_ifft2(y, nullptr, -1, nullptr, -1, CNP_FFT_NORM_BACKWARD, z.out()) != CNP_OK) {
          ++failures[t];
          continue;
        }
        double e = std::max(max_diff(z, x, rows * cols), max_diff(x, keep, rows * cols));
        auto* py = static_cast<const std::complex<double>*>(data_of(y));
        for (int64_t b = 0; b < 3; ++b) {
          int64_t j = (7 * b + t) % rows, k = (13 * b + rep) % cols;
          e = std::max(e, std::abs(py[j * cols + k] - dft2_at(x, rows, cols, j, k)) / double(rows * cols));
        }
        worst[t] = std::max(worst[t], e);
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t) {
    REQUIRE(failures[t] == 0);
    REQUIRE(worst[t] < 1e-12);
  }
}

TEST_CASE("fft wisdom export and import", "[fft]") {
  {
    Handle x, y;  // a measured plan, so that the double-precision wisdom is not empty
    REQUIRE(make_2d(256, 128, 1.0, x));
    REQUIRE(cnp_fft_fft2(x, nullptr, -1, nullptr, -1, CNP_FFT_NORM_BACKWARD, y.out()) == CNP_OK);
  }
  for (int32_t single = 0; single < 2; ++single) {
    char* w = nullptr;
    REQUIRE(cnp_fft_export_wisdom(single, &w) == CNP_OK);
    REQUIRE(w != nullptr);
    std::string text(w);
    cnp_string_free(w);
    REQUIRE(text.rfind("(fftw-", 0) == 0);
    REQUIRE(text.find(single ? "fftwf_wisdom" : "fftw_wisdom") != std::string::npos);
    // Round trip: importing it again succeeds and leaves the wisdom as it was.
    REQUIRE(cnp_fft_import_wisdom(single, text.c_str()) == CNP_OK);
    char* again = nullptr;
    REQUIRE(cnp_fft_export_wisdom(single, &again) == CNP_OK);
    REQUIRE(std::string(again) == text);
    cnp_string_free(again);
    // Malformed text: an error with a message, not a crash, and the wisdom is unchanged.
    // (FFTW reads one wisdom expression and ignores whatever follows it.)
    const std::string bad[] = {"", "(", "garbage", "(fftw-3.3.10 fftw_wisdom #x1 #x2", text.substr(0, text.size() / 2),
                               text.substr(0, text.size() - 3)};
    for (const std::string& b : bad) {
      REQUIRE(cnp_fft_import_wisdom(single, b.c_str()) == CNP_ERR_VALUE);
      REQUIRE(std::string(cnp_last_error()).rfind("FFTW could not import this", 0) == 0);
    }
    REQUIRE(cnp_fft_export_wisdom(single, &again) == CNP_OK);
    REQUIRE(std::string(again) == text);
    cnp_string_free(again);
    // The other precision's wisdom is rejected.
    char* other = nullptr;
    REQUIRE(cnp_fft_export_wisdom(1 - single, &other) == CNP_OK);
    REQUIRE(cnp_fft_import_wisdom(single, other) == CNP_ERR_VALUE);
    cnp_string_free(other);
  }
  char* w = reinterpret_cast<char*>(1);
  REQUIRE(cnp_fft_export_wisdom(2, &w) == CNP_ERR_VALUE);
  REQUIRE(w == nullptr);
  REQUIRE(cnp_fft_export_wisdom(0, nullptr) == CNP_ERR_INVALID_HANDLE);
  REQUIRE(cnp_fft_import_wisdom(0, nullptr) == CNP_ERR_INVALID_HANDLE);
  REQUIRE(cnp_fft_import_wisdom(-1, "x") == CNP_ERR_VALUE);
}

TEST_CASE("fft blocked passes from three threads match the single-threaded result", "[fft]") {
  // 1100x1000 complex (> 2**20 points) takes the blocked passes, which split their blocks over
  // the library's pool; concurrent callers share the pool (or run serially) and get the same bits.
  Handle x, want;
  REQUIRE(make_2d(1100, 1000, 0.5, x));
  int32_t old = cnp_get_num_threads();
  REQUIRE(cnp_set_num_threads(1) == CNP_OK);
  REQUIRE(cnp_fft_fft2(x, nullptr, -1, nullptr, -1, CNP_FFT_NORM_ORTHO, want.out()) == CNP_OK);
  REQUIRE(cnp_set_num_threads(old) == CNP_OK);
  // Spot-check the reference against the direct DFT (ortho: divided by sqrt(rows*cols)).
  auto* pw = static_cast<const std::complex<double>*>(data_of(want));
  for (int64_t b = 0; b < 2; ++b) {
    int64_t j = 17 * b + 3, k = 101 * b + 5;
    REQUIRE(std::abs(pw[j * 1000 + k] - dft2_at(x, 1100, 1000, j, k) / std::sqrt(1100.0 * 1000.0)) < 1e-9);
  }
  std::vector<double> diff(3, -1.0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 3; ++t) {
    threads.emplace_back([&, t] {
      Handle y;
      if (cnp_fft_fft2(x, nullptr, -1, nullptr, -1, CNP_FFT_NORM_ORTHO, y.out()) == CNP_OK)
        diff[t] = max_diff(y, want, 1100 * 1000);
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 3; ++t) REQUIRE(diff[t] == 0.0);
}
