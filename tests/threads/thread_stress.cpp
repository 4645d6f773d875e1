// Eight threads calling the library at once (issue 18): every thread runs the same set of
// operations from every module (fft, matmul, ufuncs, reductions, resample, errstate, printing,
// random, sort) on inputs shared read-only by all threads, into private outputs, and each result
// must equal, byte for byte, the result of the same operation run alone on the main thread first.
// Only the public C ABI is used. Built in every configuration (a cheap check of thread safety),
// and the point of the ThreadSanitizer build of tools/test_all.sh (-DCNUMPY_SANITIZE=thread), which
// reports the data races a mismatch would only show by luck; tests/threads/tsan.supp lists the
// third-party frames TSan cannot see into (docs/reliability.md).
//   cnumpy_thread_stress [ITERATIONS]   (default 3 per thread)
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <latch>
#include <string>
#include <thread>
#include <vector>

#include <cnumpy/cnumpy.h>

namespace {

std::atomic<int> g_failures{0};
std::atomic<long> g_warnings{0};

void fail(const char* what, const char* detail) {
  if (g_failures.fetch_add(1) < 20) std::fprintf(stderr, "thread_stress: %s: %s\n", what, detail);
}

// Inputs every thread reads and no thread writes.
struct Shared {
  cnp_array* x = nullptr;        // float64 (4096,): fft, ufuncs, reductions, sort
  cnp_array* zeros = nullptr;    // float64 (64,) of zeros: divide by zero under errstate
  cnp_array* a = nullptr;        // float64 (96, 80): BLAS matmul
  cnp_array* b = nullptr;        // float64 (80, 72)
  cnp_array* sa = nullptr;       // complex128 (50, 4, 4): the small-matrix kernels
  cnp_array* sb = nullptr;       // complex128 (50, 4, 4)
  cnp_array* sf = nullptr;       // float32 (200, 8, 8)
  cnp_array* sound = nullptr;    // float32 (2, 3000): two channels to resample
  cnp_array* ints = nullptr;     // int64 (5000,): sort, argsort
  cnp_array* mat2d = nullptr;    // float64 (30, 40): reductions along an axis, fftn, repr
  cnp_array* big = nullptr;      // float64 (2**18,): large enough for the library's own threads
                                 // (ufuncs) and FFTW's threaded plans (>= 2**16 points)
};

cnp_array* from(const void* data, const char* dtype, int32_t ndim, const int64_t* shape) {
  cnp_dtype* dt = nullptr;
  cnp_array* out = nullptr;
  if (cnp_dtype_from_string(dtype, &dt) != CNP_OK) std::abort();
  if (cnp_array_from_data(data, dt, ndim, shape, nullptr, &out) != CNP_OK) std::abort();
  cnp_dtype_free(dt);
  return out;
}

Shared make_inputs() {
  Shared s;
  std::vector<double> x(4096), a(96 * 80), b(80 * 72), m(30 * 40), z(64, 0.0), c1(50 * 16 * 2), c2(50 * 16 * 2);
  std::vector<float> sf(200 * 64), sound(2 * 3000);
  std::vector<int64_t> ints(5000);
  std::vector<double> big(size_t(1) << 18);
  for (size_t i = 0; i < big.size(); ++i) big[i] = std::cos(1e-3 * double(i)) * double(i % 101);
  for (size_t i = 0; i < x.size(); ++i) x[i] = std::sin(0.37 * double(i)) + 0.001 * double(i % 17);
  for (size_t i = 0; i < a.size(); ++i) a[i] = double((i * 7919) % 101) / 50.0 - 1.0;
  for (size_t i = 0; i < b.size(); ++i) b[i] = double((i * 104729) % 97) / 48.0 - 1.0;
  for (size_t i = 0; i < m.size(); ++i) m[i] = double(i % 13) * 0.25 - 1.5;
  for (size_t i = 0; i < c1.size(); ++i) c1[i] = double((i * 31) % 23) / 11.0 - 1.0;
  for (size_t i = 0; i < c2.size(); ++i) c2[i] = double((i * 17) % 29) / 14.0 - 1.0;
  for (size_t i = 0; i < sf.size(); ++i) sf[i] = float((i * 13) % 37) / 18.0f - 1.0f;
  for (size_t i = 0; i < sound.size(); ++i) sound[i] = 0.5f * float(std::sin(0.05 * double(i)));
  for (size_t i = 0; i < ints.size(); ++i) ints[i] = int64_t((i * 2654435761u) % 100003) - 50000;
  const int64_t sx[] = {4096}, sz[] = {64}, sa[] = {96, 80}, sb[] = {80, 72}, sm[] = {30, 40};
  const int64_t sc[] = {50, 4, 4}, ssf[] = {200, 8, 8}, ssnd[] = {2, 3000}, si[] = {5000};
  s.x = from(x.data(), "float64", 1, sx);
  s.zeros = from(z.data(), "float64", 1, sz);
  s.a = from(a.data(), "float64", 2, sa);
  s.b = from(b.data(), "float64", 2, sb);
  s.mat2d = from(m.data(), "float64", 2, sm);
  s.sa = from(c1.data(), "complex128", 3, sc);
  s.sb = from(c2.data(), "complex128", 3, sc);
  s.sf = from(sf.data(), "float32", 3, ssf);
  s.sound = from(sound.data(), "float32", 2, ssnd);
  s.ints = from(ints.data(), "int64", 1, si);
  const int64_t sbig[] = {int64_t(big.size())};
  s.big = from(big.data(), "float64", 1, sbig);
  return s;
}

void free_inputs(Shared& s) {
  for (cnp_array* p : {s.x, s.zeros, s.a, s.b, s.sa, s.sb, s.sf, s.sound, s.ints, s.mat2d, s.big}) cnp_array_free(p);
}

// One result, kept as bytes: the status, then the array's shape, dtype and contiguous contents.
struct Recorder {
  std::vector<std::string> out;
  void status(const char* what, cnp_status st) {
    out.push_back(std::string(what) + " status " + std::to_string(int(st)) + (st != CNP_OK ? cnp_last_error() : ""));
  }
  // r by reference: it is read here, after the call that fills it (argument order is unspecified).
  void array(const char* what, cnp_status st, cnp_array*& r) {
    if (st != CNP_OK || r == nullptr) {
      status(what, st);
      fail(what, (std::to_string(int(st)) + " " + cnp_last_error()).c_str());
      return;
    }
    std::string rec = what;
    cnp_array* c = nullptr;
    if (cnp_copy(r, CNP_ORDER_C, &c) != CNP_OK) std::abort();
    int32_t ndim = 0;
    const int64_t* shape = nullptr;
    int64_t nbytes = 0;
    void* data = nullptr;
    cnp_dtype* dt = nullptr;
    const char* name = nullptr;
    cnp_array_ndim(c, &ndim);
    cnp_array_shape(c, &shape);
    for (int32_t i = 0; i < ndim; ++i) rec += " " + std::to_string(shape[i]);
    cnp_array_dtype(c, &dt);
    if (cnp_dtype_str(dt, &name) == CNP_OK) rec += std::string(" ") + name + ":";
    cnp_dtype_free(dt);
    cnp_array_nbytes(c, &nbytes);
    cnp_array_data(c, &data);
    rec.append(static_cast<const char*>(data), size_t(nbytes));
    out.push_back(std::move(rec));
    cnp_array_free(c);
    cnp_array_free(r);
    r = nullptr;
  }
  void text(const char* what, cnp_status st, char*& s) {
    if (st != CNP_OK) {
      status(what, st);
      fail(what, cnp_last_error());
      return;
    }
    out.push_back(std::string(what) + " " + s);
    cnp_string_free(s);
    s = nullptr;
  }
};

void warning_counter(int32_t, const char*, void*) { g_warnings.fetch_add(1, std::memory_order_relaxed); }

// The whole workload of one thread; `tid` only varies the error state, whose effect is checked
// here rather than recorded (each thread has its own).
void workload(const Shared& s, int tid, Recorder& rec) {
  cnp_array* r = nullptr;
  char* text = nullptr;

  // fft: the plan cache is shared; sizes repeat across threads so plans are reused concurrently.
  rec.array("fft", cnp_fft_fft(s.x, -1, -1, CNP_FFT_NORM_BACKWARD, &r), r);
  rec.array("fft n=1000", cnp_fft_fft(s.x, 1000, -1, CNP_FFT_NORM_ORTHO, &r), r);
  rec.array("rfft", cnp_fft_rfft(s.x, -1, -1, CNP_FFT_NORM_BACKWARD, &r), r);
  rec.array("irfft", cnp_fft_irfft(s.x, 512, -1, CNP_FFT_NORM_FORWARD, &r), r);
  rec.array("fft threaded", cnp_fft_fft(s.big, int64_t(1) << 16, -1, CNP_FFT_NORM_BACKWARD, &r), r);
  rec.array("rfftn", cnp_fft_rfftn(s.mat2d, nullptr, 0, nullptr, 0, CNP_FFT_NORM_BACKWARD, &r), r);

  // matmul: OpenBLAS for the large product, the small-matrix kernels for the stacks.
  rec.array("matmul", cnp_matmul(s.a, s.b, &r), r);
  rec.array("matmul c128 stack", cnp_matmul(s.sa, s.sb, &r), r);
  rec.array("matmul f32 stack", cnp_matmul(s.sf, s.sf, &r), r);
  rec.array("einsum", [&] {
    const cnp_array* ops[] = {s.a, s.b};
    return cnp_einsum("ij,jk->ik", 2, ops, &r);
  }(), r);

  // ufuncs
  rec.array("sin", cnp_sin(s.x, nullptr, &r), r);
  rec.array("add", cnp_add(s.x, s.x, nullptr, &r), r);
  rec.array("sin threaded", cnp_sin(s.big, nullptr, &r), r);
  rec.array("multiply threaded", cnp_multiply(s.big, s.big, nullptr, &r), r);
  rec.array("multiply bcast", cnp_multiply(s.mat2d, s.mat2d, nullptr, &r), r);

  // errstate: thread-local. Even threads raise on divide by zero, odd threads warn.
  cnp_errstate mine{tid % 2 ? CNP_FPE_WARN : CNP_FPE_RAISE, CNP_FPE_WARN, CNP_FPE_IGNORE, CNP_FPE_WARN};
  if (cnp_seterr(&mine) != CNP_OK) fail("seterr", cnp_last_error());
  {
    cnp_array* one = nullptr;
    cnp_scalar v;
    std::memset(&v, 0, sizeof v);
    v.typenum = CNP_FLOAT64;
    v.value.f = 1.0;
    cnp_array_from_scalar(&v, nullptr, &one);
    const cnp_status st = cnp_divide(one, s.zeros, nullptr, &r);
    if (tid % 2 == 0) {
      if (st != CNP_ERR_FLOATING_POINT) fail("errstate raise", "1/0 did not raise under divide='raise'");
      else if (std::strcmp(cnp_last_error(), "divide by zero encountered in divide") != 0)
        fail("errstate raise message", cnp_last_error());
    } else if (st != CNP_OK) {
      fail("errstate warn", cnp_last_error());
    }
    if (st == CNP_OK) cnp_array_free(r);
    cnp_array_free(one);
  }
  cnp_errstate back{};
  if (cnp_geterr(&back) != CNP_OK || std::memcmp(&back, &mine, sizeof back) != 0)
    fail("geterr", "the thread's error state changed under it");
  const cnp_errstate defaults{CNP_FPE_WARN, CNP_FPE_WARN, CNP_FPE_IGNORE, CNP_FPE_WARN};
  cnp_seterr(&defaults);

  // reductions
  const int64_t ax0 = 0, ax1 = 1;
  rec.array("sum", cnp_sum(s.x, nullptr, 0, nullptr, nullptr, 0, nullptr, nullptr, &r), r);
  rec.array("sum axis 0", cnp_sum(s.mat2d, &ax0, 1, nullptr, nullptr, 0, nullptr, nullptr, &r), r);
  rec.array("mean axis 1", cnp_mean(s.mat2d, &ax1, 1, nullptr, nullptr, 1, nullptr, &r), r);
  rec.array("std", cnp_std(s.x, nullptr, 0, nullptr, nullptr, 1.0, 0, nullptr, &r), r);
  rec.array("sum big", cnp_sum(s.big, nullptr, 0, nullptr, nullptr, 0, nullptr, nullptr, &r), r);
  rec.array("cumsum", cnp_cumsum(s.x, nullptr, nullptr, nullptr, &r), r);
  rec.array("max", cnp_max(s.mat2d, &ax1, 1, nullptr, 0, nullptr, nullptr, &r), r);
  rec.array("median", cnp_median(s.mat2d, &ax0, 1, nullptr, 0, &r), r);

  // audio
  rec.array("resample", cnp_audio_resample(s.sound, 44100.0, 48000.0, CNP_AUDIO_HQ, 1, &r), r);

  // sort
  rec.array("sort", cnp_sort(s.ints, nullptr, "quicksort", &r), r);
  rec.array("sort stable", cnp_sort(s.x, nullptr, "stable", &r), r);
  rec.array("argsort", cnp_argsort(s.ints, nullptr, "quicksort", &r), r);

  // random: a private generator per thread, same seed everywhere.
  {
    cnp_bitgen* g = nullptr;
    const int64_t n[] = {1000};
    if (cnp_bitgen_from_seed(CNP_BITGEN_PCG64, 1234, &g) != CNP_OK) fail("bitgen", cnp_last_error());
    rec.array("standard_normal", cnp_random_draw(g, "standard_normal", 0, nullptr, 1, n, nullptr, nullptr, &r), r);
    rec.array("random", cnp_random_draw(g, "random", 0, nullptr, 1, n, nullptr, nullptr, &r), r);
    cnp_bitgen_free(g);
  }

  // printing: the options are process-wide (as in NumPy); threads re-set the same values while
  // others print, which must neither tear the options nor change anyone's output.
  cnp_printoptions po{};
  if (cnp_get_printoptions(&po) != CNP_OK) fail("get_printoptions", cnp_last_error());
  if (cnp_set_printoptions(&po) != CNP_OK) fail("set_printoptions", cnp_last_error());
  rec.text("repr", cnp_array_repr(s.mat2d, &text), text);
  rec.text("str", cnp_array_str(s.sa, &text), text);
  rec.text("repr long", cnp_array_repr(s.x, &text), text);
}

}  // namespace

int main(int argc, char** argv) {
  const int iterations = argc > 1 ? std::atoi(argv[1]) : 3;
  constexpr int kThreads = 8;
  cnp_set_warning_handler(warning_counter, nullptr);
  Shared s = make_inputs();

  // The threads start together on a cold library (no FFT plan, sort kernel, print state or
  // ufunc table touched yet), so one-time initialisation races too; the single-threaded
  // reference is computed after they finish.
  std::latch start(kThreads);
  std::vector<std::vector<Recorder>> results(kThreads, std::vector<Recorder>(size_t(iterations)));
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      start.arrive_and_wait();
      for (int it = 0; it < iterations; ++it) workload(s, t, results[size_t(t)][size_t(it)]);
    });
  }
  for (auto& th : threads) th.join();
  const long threaded_warnings = g_warnings.load();

  Recorder reference;
  workload(s, 0, reference);
  int mismatches = 0;
  for (const auto& per_thread : results) {
    for (const Recorder& mine : per_thread) {
      if (mine.out.size() != reference.out.size()) {
        fail("thread", "a different number of results");
        continue;
      }
      for (size_t i = 0; i < mine.out.size(); ++i) {
        if (mine.out[i] != reference.out[i]) {
          ++mismatches;
          const std::string head = reference.out[i].substr(0, reference.out[i].find(' '));
          fail("result differs from the single-threaded run", head.c_str());
        }
      }
    }
  }
  free_inputs(s);
  // Odd threads warn once per iteration (divide='warn'), even ones raise: the handler is
  // process-wide, the error state is per thread.
  if (threaded_warnings != long(kThreads / 2) * iterations) fail("warnings", "not one per odd thread and iteration");
  std::printf("thread_stress: %d threads x %d iterations x %zu results: %d mismatches, %d failures, %ld warnings\n",
              kThreads, iterations, reference.out.size(), mismatches, g_failures.load(), threaded_warnings);
  return g_failures.load() == 0 ? 0 : 1;
}
