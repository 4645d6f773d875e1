// Under a 2 GiB address-space limit (setrlimit RLIMIT_AS, issue 18): operations whose results or
// scratch do not fit must fail with CNP_ERR_MEMORY (never abort, crash or another status), ones
// that fit must succeed, and after every failure the library must compute a small reference
// result again. Covers what the allocation-count sweeps cannot: real large-allocation failures in
// mmap-backed malloc, OpenBLAS/LAPACK workspaces, FFTW plans and std::vector growth.
// Not run under the sanitizers (they reserve terabytes of shadow memory).
#include <sys/mman.h>
#include <sys/resource.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "cnumpy/cnumpy.h"
#include "fft/transforms.hpp"

namespace {
int g_failures = 0;

void check(bool ok, const std::string& what) {
  if (!ok) {
    ++g_failures;
    std::fprintf(stderr, "address_limit: %s (%s)\n", what.c_str(), cnp_last_error());
  }
}

cnp_dtype* dt(const char* s) {
  cnp_dtype* d = nullptr;
  cnp_dtype_from_string(s, &d);
  return d;
}

// A small computation through several modules; must give the same text before and after.
std::string small_reference() {
  const double v[] = {3, 1, 2, 5, 4, 0};
  const int64_t shape[] = {2, 3}, vshape[] = {6};
  cnp_dtype* f8 = dt("float64");
  cnp_array *a = nullptr, *b = nullptr, *m = nullptr, *f = nullptr, *s = nullptr;
  std::string out;
  cnp_array* parts[4] = {};
  if (cnp_array_from_data(v, f8, 2, shape, nullptr, &a) == CNP_OK &&
      cnp_array_from_data(v, f8, 1, vshape, nullptr, &b) == CNP_OK) {
    cnp_array* t = nullptr;
    if (cnp_transpose(a, nullptr, -1, &t) == CNP_OK && cnp_matmul(a, t, &m) == CNP_OK &&
        cnp_fft_fft(b, -1, -1, CNP_FFT_NORM_BACKWARD, &f) == CNP_OK && cnp_sort(b, nullptr, "quicksort", &s) == CNP_OK) {
      parts[0] = m, parts[1] = f, parts[2] = s, parts[3] = a;
      for (cnp_array* p : parts) {
        char* text = nullptr;
        if (cnp_array_repr(p, &text) == CNP_OK) out += text, out += "\n";
        cnp_string_free(text);
      }
    }
    cnp_array_free(t);
  }
  for (cnp_array* p : {a, b, m, f, s}) cnp_array_free(p);
  cnp_dtype_free(f8);
  return out;
}

// op must return CNP_OK (fits) or CNP_ERR_MEMORY (does not fit); expect_memory: it cannot fit.
void attempt(const char* what, bool expect_memory, const std::function<cnp_status(cnp_array**)>& op,
             const std::string& reference) {
  cnp_array* r = nullptr;
  const cnp_status st = op(&r);
  if (expect_memory) check(st == CNP_ERR_MEMORY, std::string(what) + ": expected CNP_ERR_MEMORY, got " + cnp_status_name(st));
  else check(st == CNP_OK || st == CNP_ERR_MEMORY, std::string(what) + ": status " + cnp_status_name(st));
  check((st == CNP_OK) == (r != nullptr), std::string(what) + ": out-parameter does not match the status");
  cnp_array_free(r);
  check(small_reference() == reference, std::string(what) + ": the library computes differently afterwards");
  std::printf("address_limit: %-44s %s\n", what, cnp_status_name(st));
}
// A transform large enough for FFTW's threads, with the address space filled up to less headroom
// than its threaded-execution probe asks for (a copy of input and output) but enough for the
// output and FFTW's own scratch: it must run on the calling thread (threads_for's fallback; an
// allocation failure on FFTW's worker threads would abort) and give the threaded run's values.
void threaded_fft_falls_back(cnp_dtype* c16, const std::string& reference) {
  constexpr int64_t n = int64_t(1) << 22;               // 64 MiB of complex128 each way
  const int64_t shape[] = {n};
  cnp_array *x = nullptr, *expected = nullptr, *got = nullptr, *diff = nullptr, *maxabs = nullptr;
  cnp_set_num_threads(2);
  check(cnp_ones(1, shape, c16, CNP_ORDER_C, &x) == CNP_OK, "fallback: input");
  check(x && cnp_fft_fft(x, -1, -1, CNP_FFT_NORM_BACKWARD, &expected) == CNP_OK, "fallback: threaded reference");
  const int64_t before = cnp::fft::threaded_fallbacks();
  check(before == 0, "fallback: a transform fell back before the address space was filled");
  // Fill the address space with 8 MiB mappings (mmap itself: malloc could keep freed blocks in
  // its heap), then give back 12 of them: 96 MiB of headroom, less than the probe's 128 MiB,
  // more than the output's 64 MiB.
  constexpr size_t block = size_t(8) << 20;
  std::vector<void*> ballast;
  for (;;) {
    void* p = mmap(nullptr, block, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) break;
    ballast.push_back(p);
  }
  for (int k = 0; k < 12 && !ballast.empty(); ++k) {
    munmap(ballast.back(), block);
    ballast.pop_back();
  }
  const cnp_status st = x ? cnp_fft_fft(x, -1, -1, CNP_FFT_NORM_BACKWARD, &got) : CNP_ERR_VALUE;
  for (void* p : ballast) munmap(p, block);
  check(st == CNP_OK, std::string("fallback: the transform under pressure: ") + cnp_status_name(st));
  check(cnp::fft::threaded_fallbacks() == before + 1, "fallback: the transform did not fall back to one thread");
  if (got && expected && cnp_subtract(got, expected, nullptr, &diff) == CNP_OK) {
    cnp_array* mag = nullptr;
    double worst = -1;
    if (cnp_absolute(diff, nullptr, &mag) == CNP_OK &&
        cnp_amax(mag, nullptr, 0, nullptr, 0, nullptr, nullptr, &maxabs) == CNP_OK)
      cnp_array_getitem_bytes(maxabs, 0, nullptr, &worst, sizeof worst);
    cnp_array_free(mag);
    // Other plans, other rounding: equal to a few ulps of the largest value (n).
    check(worst >= 0.0 && worst <= 1e-9 * double(n), "fallback: the single-thread result differs from the threaded one");
  }
  for (cnp_array* a : {x, expected, got, diff, maxabs}) cnp_array_free(a);
  check(small_reference() == reference, "fallback: the library computes differently afterwards");
  std::printf("address_limit: %-44s %s\n", "fft 2**22 points with 96 MiB headroom", cnp_status_name(st));
}
}  // namespace

int main() {
  const std::string reference = small_reference();  // also initialises OpenBLAS, FFTW, sort
  check(!reference.empty(), "reference computation");
  const rlim_t limit = rlim_t(2) << 30;
  struct rlimit rl = {limit, limit};
  if (setrlimit(RLIMIT_AS, &rl) != 0) {
    std::perror("setrlimit");
    return 1;
  }
  cnp_dtype* f8 = dt("float64");
  cnp_dtype* c16 = dt("complex128");
  const int64_t huge = int64_t(1) << 28;  // 2 GiB of float64: more than the whole address space
  attempt("zeros 2**28 float64", true, [&](cnp_array** r) {
    const int64_t shape[] = {huge};
    return cnp_zeros(1, shape, f8, CNP_ORDER_C, r);
  }, reference);
  attempt("empty 3 x 2**26 complex128", true, [&](cnp_array** r) {
    const int64_t shape[] = {3, huge / 4};
    return cnp_empty(2, shape, c16, CNP_ORDER_C, r);
  }, reference);
  // 1 GiB fits, and the second one in the same call does not.
  cnp_array* big = nullptr;
  {
    const int64_t shape[] = {huge / 2};
    check(cnp_zeros(1, shape, f8, CNP_ORDER_C, &big) == CNP_OK, "zeros 2**27 float64 (1 GiB) fits");
  }
  if (big) {
    attempt("add of 1 GiB arrays (result does not fit twice)", false, [&](cnp_array** r) {
      cnp_array* tmp = nullptr;
      cnp_status st = cnp_add(big, big, nullptr, &tmp);
      if (st != CNP_OK) return st;
      st = cnp_multiply(big, tmp, nullptr, r);
      cnp_array_free(tmp);
      return st;
    }, reference);
    attempt("concatenate 1 GiB twice", true, [&](cnp_array** r) {
      const cnp_array* parts[] = {big, big};
      const int64_t axis = 0;
      return cnp_concatenate(2, parts, &axis, nullptr, nullptr, CNP_CASTING_SAME_KIND, r);
    }, reference);
    attempt("fft of 2**27 points (2 GiB complex result)", true,
            [&](cnp_array** r) { return cnp_fft_fft(big, -1, -1, CNP_FFT_NORM_BACKWARD, r); }, reference);
    attempt("sort 1 GiB (copy)", false, [&](cnp_array** r) { return cnp_sort(big, nullptr, "stable", r); }, reference);
    attempt("sum 1 GiB (fits: must succeed)", false, [&](cnp_array** r) {
      const cnp_status st = cnp_sum(big, nullptr, 0, nullptr, nullptr, 0, nullptr, nullptr, r);
      check(st == CNP_OK, "sum of 1 GiB needs no memory and must succeed");
      return st;
    }, reference);
    attempt("cumsum 1 GiB", false, [&](cnp_array** r) { return cnp_cumsum(big, nullptr, nullptr, nullptr, r); },
            reference);
    cnp_array_free(big);
  }
  attempt("matmul 12000 x 12000 float64 (3 x 1.1 GiB)", true, [&](cnp_array** r) {
    const int64_t shape[] = {12000, 12000};
    cnp_array* a = nullptr;
    cnp_status st = cnp_ones(2, shape, f8, CNP_ORDER_C, &a);
    if (st != CNP_OK) return st;
    st = cnp_matmul(a, a, r);
    cnp_array_free(a);
    return st;
  }, reference);
  // 800 MB input; LAPACK's copy of it plus u and vh cannot fit (fails before any computing).
  attempt("linalg.svd 10000 x 10000 (copies, workspaces)", true, [&](cnp_array** r) {
    cnp_array* a = nullptr;
    cnp_status st = cnp_eye(10000, 10000, 0, f8, CNP_ORDER_C, &a);
    if (st != CNP_OK) return st;
    cnp_array *u = nullptr, *s = nullptr, *vh = nullptr;
    st = cnp_linalg_svd(a, 1, &u, &s, &vh);
    cnp_array_free(a);
    cnp_array_free(u);
    cnp_array_free(vh);
    *r = s;
    return st;
  }, reference);
  attempt("repr of a 2**40-element broadcast view", false, [&](cnp_array** r) {
    cnp_array* one = nullptr;
    const int64_t one_shape[] = {1}, wide[] = {int64_t(1) << 40};
    cnp_status st = cnp_ones(1, one_shape, f8, CNP_ORDER_C, &one);
    if (st != CNP_OK) return st;
    st = cnp_broadcast_to(one, 1, wide, r);
    cnp_array_free(one);
    if (st != CNP_OK) return st;
    char* text = nullptr;
    st = cnp_array_repr(*r, &text);
    cnp_string_free(text);
    if (st != CNP_OK) {
      cnp_array_free(*r);
      *r = nullptr;
    }
    return st;
  }, reference);
  threaded_fft_falls_back(c16, reference);
  cnp_dtype_free(f8);
  cnp_dtype_free(c16);
  std::printf("address_limit: %s\n", g_failures ? "FAILED" : "all operations failed cleanly or succeeded");
  return g_failures ? 1 : 0;
}
