// Fault injection (issue 18): the Nth heap allocation of an operation fails, for every N the
// operation makes, across operations from every module. Each call must return CNP_OK or
// CNP_ERR_MEMORY (never abort, never another status), leave no leaked blocks, and the library
// must compute the same results afterwards. Also covers the contracts that only show under
// allocation failure: cnp_array_wrap / cnp_array_from_dlpack never run the caller's deleter on
// failure (finding 4), the first error on a thread needs no allocation (finding 5), and LAPACK's
// own workspace failures are MemoryError, not "did not converge" (finding 14).
//
// The program defines malloc and friends itself (forwarding to glibc's __libc_* entry points), so
// the library, libstdc++'s operator new, LAPACKE and FFTW all allocate through it. It cannot run
// under AddressSanitizer or valgrind, which replace the allocator themselves.
#include <dlpack/dlpack.h>
#include <malloc.h>

#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include "cnumpy/cnumpy.h"
#include "fft/plan_cache.hpp"  // white-box: clear_plan_cache, so that every run plans again

extern "C" {
void* __libc_malloc(size_t);
void* __libc_calloc(size_t, size_t);
void* __libc_realloc(void*, size_t);
void __libc_free(void*);
void* __libc_memalign(size_t, size_t);
}

namespace {

std::atomic<int64_t> g_count{0};   // allocations since arming
std::atomic<int64_t> g_fail_at{0};  // 0: disarmed; N: the Nth allocation fails
std::atomic<bool> g_fail_all{false};
std::atomic<int64_t> g_live{0};     // live blocks (allocations minus frees)
std::atomic<int64_t> g_failed{0};   // allocations refused so far

bool refuse() {
  if (g_fail_all.load(std::memory_order_relaxed)) return true;
  const int64_t at = g_fail_at.load(std::memory_order_relaxed);
  if (at == 0) return false;
  return g_count.fetch_add(1, std::memory_order_relaxed) + 1 == at;
}

void* counted(void* p) {
  if (p) g_live.fetch_add(1, std::memory_order_relaxed);
  return p;
}

}  // namespace

extern "C" {
void* malloc(size_t n) {
  if (refuse()) return g_failed++, errno = ENOMEM, nullptr;
  return counted(__libc_malloc(n));
}
void* calloc(size_t a, size_t b) {
  if (refuse()) return g_failed++, errno = ENOMEM, nullptr;
  return counted(__libc_calloc(a, b));
}
void* realloc(void* p, size_t n) {
  if (!p) return malloc(n);
  if (n == 0) {
    free(p);
    return nullptr;
  }
  if (refuse()) return g_failed++, errno = ENOMEM, nullptr;
  return __libc_realloc(p, n);
}
void free(void* p) {
  if (p) g_live.fetch_sub(1, std::memory_order_relaxed);
  __libc_free(p);
}
void* memalign(size_t al, size_t n) {
  if (refuse()) return g_failed++, errno = ENOMEM, nullptr;
  return counted(__libc_memalign(al, n));
}
void* aligned_alloc(size_t al, size_t n) { return memalign(al, n); }
int posix_memalign(void** out, size_t al, size_t n) {
  void* p = memalign(al, n);
  if (!p) return ENOMEM;
  *out = p;
  return 0;
}
void* valloc(size_t n) { return memalign(4096, n); }
void* pvalloc(size_t n) { return memalign(4096, (n + 4095) & ~size_t{4095}); }
}

namespace {

int g_failures = 0;

void expect(bool ok, const std::string& what) {
  if (!ok) {
    ++g_failures;
    std::fprintf(stderr, "FAIL: %s\n", what.c_str());
  }
}

cnp_array* vec(std::vector<double> v, std::vector<int64_t> shape) {
  cnp_dtype* d = nullptr;
  cnp_dtype_from_typenum(CNP_FLOAT64, &d);
  cnp_array* a = nullptr;
  if (cnp_array_from_data(v.data(), d, static_cast<int32_t>(shape.size()), shape.data(), nullptr, &a) != CNP_OK)
    std::abort();
  return a;
}

// The repr of a result (what "the same result afterwards" compares), freeing it.
std::string take(cnp_array* r) {
  char* s = nullptr;
  std::string out = "<none>";
  if (r && cnp_array_repr(r, &s) == CNP_OK) out = s;
  cnp_string_free(s);
  cnp_array_free(r);
  return out;
}

// A copy of a C string made with fault injection paused (the harness's own allocations must not
// fail).
std::string copy_disarmed(const char* c) {
  const int64_t at = g_fail_at.exchange(0);
  const bool all = g_fail_all.exchange(false);
  std::string s = c;
  g_fail_at = at;
  g_fail_all = all;
  return s;
}

struct Op {
  const char* name;
  // FFTW (finding 3): each N runs in a forked child, since an allocation failing inside FFTW's
  // planner disables planning for the rest of that process (and leaks the partial plan).
  bool fork_each = false;
  // Runs the operation; returns its status and (on success) its result array in *r (or, for
  // results that are not arrays, text in *t). Results are described after disarming.
  std::function<cnp_status(cnp_array** r, std::string* t)> call;
  cnp_status run(std::string* out) const {
    cnp_array* r = nullptr;
    std::string t;
    cnp_status st = call(&r, &t);
    const int64_t at = g_fail_at.exchange(0);
    const bool all = g_fail_all.exchange(false);
    *out = r ? take(r) : t;
    g_fail_at = at;
    g_fail_all = all;
    return st;
  }
};

// Sweeps N = 1.. over every allocation the operation makes (all of them when there are few,
// else an even sample of `cap`).
void sweep(const Op& op, int64_t cap = 400) {
  std::string want, got;
  if (op.run(&want) != CNP_OK || op.run(&want) != CNP_OK) {  // twice: caches warm
    expect(false, std::string(op.name) + ": fails without fault injection");
    return;
  }
  g_count = 0;
  g_fail_at = INT64_MAX;  // armed but never failing: counts the allocations
  op.run(&got);
  const int64_t total = g_count.exchange(0);
  g_fail_at = 0;
  const int64_t live_before = g_live.load();
  const int64_t step = total > cap ? total / cap : 1;
  int64_t tried = 0, memory_errors = 0;
  for (int64_t n = 1; n <= total && op.fork_each; n += step) {
    std::fflush(stdout);
    std::fflush(stderr);
    const pid_t pid = fork();
    if (pid == 0) {
      alarm(120);  // a hang fails the test instead of stalling it
      cnp_set_num_threads(1);
      g_count = 0;
      g_fail_at = n;
      std::string r;
      cnp_status st = op.run(&r);
      g_fail_at = 0;
      std::string again;
      cnp_status st2 = op.run(&again);  // usable afterwards: the same result or MemoryError
      _exit((st == CNP_OK || st == CNP_ERR_MEMORY) && (st2 == CNP_ERR_MEMORY || (st2 == CNP_OK && again == want))
                ? (st == CNP_ERR_MEMORY ? 3 : 0)
                : 1);
    }
    int ws = 0;
    waitpid(pid, &ws, 0);
    ++tried;
    if (WIFEXITED(ws) && WEXITSTATUS(ws) == 3) ++memory_errors;
    expect(WIFEXITED(ws) && (WEXITSTATUS(ws) == 0 || WEXITSTATUS(ws) == 3),
           std::string(op.name) + ": allocation " + std::to_string(n) + " failing: child " +
               (WIFSIGNALED(ws) ? "killed by signal " + std::to_string(WTERMSIG(ws)) : "reported a wrong status"));
  }
  for (int64_t n = 1; n <= total && !op.fork_each; n += step) {
    g_count = 0;
    const int64_t failed_before = g_failed.load();
    g_fail_at = n;
    std::string r;
    cnp_status st = op.run(&r);
    g_fail_at = 0;
    ++tried;
    const bool refused = g_failed.load() != failed_before;
    if (st == CNP_ERR_MEMORY) ++memory_errors;
    expect(st == CNP_OK || st == CNP_ERR_MEMORY,
           std::string(op.name) + ": allocation " + std::to_string(n) + " failing gave status " +
               cnp_status_name(st) + " (" + cnp_last_error() + ")");
    expect(st != CNP_OK || r == want || !refused,
           std::string(op.name) + ": allocation " + std::to_string(n) + " failing changed the result");
  }
  op.run(&got);
  expect(got == want, std::string(op.name) + ": result differs after the sweep");
  const int64_t leaked = g_live.load() - live_before;
  expect(leaked == 0, std::string(op.name) + ": " + std::to_string(leaked) + " blocks leaked over the sweep");
  std::printf("%-22s allocations %5lld  tried %5lld  MemoryError %5lld  leaked %lld\n", op.name,
              static_cast<long long>(total), static_cast<long long>(tried), static_cast<long long>(memory_errors),
              static_cast<long long>(leaked));
}

int g_deleted = 0;
void count_delete(void*, void*) { ++g_deleted; }

// Finding 4: on failure the deleter is not called and the caller still owns the memory.
void wrap_contract() {
  static double data[6] = {1, 2, 3, 4, 5, 6};
  cnp_dtype* d = nullptr;
  cnp_dtype_from_typenum(CNP_FLOAT64, &d);
  const int64_t shape[2] = {2, 3};
  for (int64_t n = 1; n <= 8; ++n) {
    g_deleted = 0;
    cnp_array* a = nullptr;
    g_count = 0;
    g_fail_at = n;
    cnp_status st = cnp_array_wrap(data, d, 2, shape, nullptr, 1, count_delete, nullptr, &a);
    g_fail_at = 0;
    if (st == CNP_OK) {
      expect(g_deleted == 0, "wrap: deleter ran while the array lives");
      cnp_array_free(a);
      expect(g_deleted == 1, "wrap: deleter not run exactly once at the last free");
    } else {
      expect(st == CNP_ERR_MEMORY, "wrap: allocation failure gave another status");
      expect(a == nullptr, "wrap: out set on failure");
      expect(g_deleted == 0, "wrap: deleter ran on failure (the caller would free twice)");
    }
  }
  // The same through DLPack.
  for (int64_t n = 1; n <= 8; ++n) {
    static int64_t dl_shape[1] = {6};
    static int managed_deleted;
    managed_deleted = 0;
    DLManagedTensor m{};
    m.dl_tensor.data = data;
    m.dl_tensor.device = {kDLCPU, 0};
    m.dl_tensor.ndim = 1;
    m.dl_tensor.dtype = {kDLFloat, 64, 1};
    m.dl_tensor.shape = dl_shape;
    m.deleter = [](DLManagedTensor*) { ++managed_deleted; };
    cnp_array* a = nullptr;
    g_count = 0;
    g_fail_at = n;
    cnp_status st = cnp_array_from_dlpack(&m, 1, &a);
    g_fail_at = 0;
    if (st == CNP_OK) {
      cnp_array_free(a);
      expect(managed_deleted == 1, "from_dlpack: deleter not run exactly once");
    } else {
      expect(managed_deleted == 0, "from_dlpack: deleter ran on failure");
    }
  }
  std::printf("%-22s deleter never runs on failure, exactly once on success\n", "wrap/from_dlpack");
}

// Finding 5: the first error on a fresh thread, with every allocation failing, returns a status
// (glibc aborted when the thread-local message needed a TLS destructor).
void first_error_on_a_thread() {
  cnp_status st = CNP_OK;
  const char* msg = nullptr;
  cnp_array* a = vec({1, 2, 3, 4, 5, 6}, {6});
  std::thread t([&] {
    const int64_t bad[1] = {4};
    cnp_array* r = nullptr;
    g_fail_all = true;
    st = cnp_reshape(a, 1, bad, CNP_ORDER_C, &r);
    msg = cnp_last_error();
    g_fail_all = false;
  });
  t.join();
  expect(st == CNP_ERR_VALUE || st == CNP_ERR_MEMORY, "first error on a thread under OOM: wrong status");
  expect(msg != nullptr, "first error on a thread under OOM: no message");
  cnp_array_free(a);
  std::printf("%-22s status %s\n", "first error, OOM", cnp_status_name(st));
}

}  // namespace

int main() {
  cnp_set_num_threads(2);
  cnp_array* m = vec({4, 1, 2, 1, 5, 3, 2, 3, 6}, {3, 3});
  cnp_array* v = vec({3, 1, 4, 1, 5, 9, 2, 6}, {8});
  std::vector<double> lv(4410), gv(32 * 30);
  for (size_t i = 0; i < lv.size(); ++i) lv[i] = std::sin(0.05 * double(i));
  for (size_t i = 0; i < gv.size(); ++i) gv[i] = double(i % 7);
  cnp_array* long_vec = vec(lv, {4410});
  cnp_array* grid = vec(gv, {32, 30});
  std::vector<Op> ops = {
      {"zeros+reshape", false, [&](cnp_array** res, std::string* out) {
         const int64_t s[2] = {4, 6}, s2[3] = {2, 3, 4};
         cnp_array *z = nullptr, *r = nullptr;
         cnp_status st = cnp_zeros(2, s, nullptr, CNP_ORDER_F, &z);
         if (st == CNP_OK) st = cnp_reshape(z, 3, s2, CNP_ORDER_C, &r);
         cnp_array_free(z);
         if (st == CNP_OK) *res = r;
         return st;
       }},
      {"dtype_from_string", false, [&](cnp_array** res, std::string* out) {
         cnp_dtype* d = nullptr;
         cnp_status st = cnp_dtype_from_string("<c16", &d);
         const char* name = nullptr;
         if (st == CNP_OK) st = cnp_dtype_name(d, &name);
         if (st == CNP_OK) *out = copy_disarmed(name);
         cnp_dtype_free(d);
         return st;
       }},
      {"add", false, [&](cnp_array** res, std::string* out) {
         cnp_array* r = nullptr;
         cnp_status st = cnp_add(m, m, nullptr, &r);
         if (st == CNP_OK) *res = r;
         return st;
       }},
      {"sum axis 0", false, [&](cnp_array** res, std::string* out) {
         cnp_array* r = nullptr;
         const int64_t ax[1] = {0};
         cnp_status st = cnp_sum(m, ax, 1, nullptr, nullptr, 0, nullptr, nullptr, &r);
         if (st == CNP_OK) *res = r;
         return st;
       }},
      {"median", false, [&](cnp_array** res, std::string* out) {
         cnp_array* r = nullptr;
         cnp_status st = cnp_median(v, nullptr, -1, nullptr, 0, &r);
         if (st == CNP_OK) *res = r;
         return st;
       }},
      {"concatenate", false, [&](cnp_array** res, std::string* out) {
         cnp_array* r = nullptr;
         const cnp_array* parts[2] = {v, v};
         cnp_status st = cnp_concatenate(2, parts, nullptr, nullptr, nullptr, CNP_CASTING_SAME_KIND, &r);
         if (st == CNP_OK) *res = r;
         return st;
       }},
      {"matmul", false, [&](cnp_array** res, std::string* out) {
         cnp_array* r = nullptr;
         cnp_status st = cnp_matmul(m, m, &r);
         if (st == CNP_OK) *res = r;
         return st;
       }},
      {"einsum", false, [&](cnp_array** res, std::string* out) {
         cnp_array* r = nullptr;
         const cnp_array* ops2[2] = {m, m};
         cnp_status st = cnp_einsum("ij,jk->ik", 2, ops2, &r);
         if (st == CNP_OK) *res = r;
         return st;
       }},
      {"linalg.inv", false, [&](cnp_array** res, std::string* out) {
         cnp_array* r = nullptr;
         cnp_status st = cnp_linalg_inv(m, &r);
         if (st == CNP_OK) *res = r;
         return st;
       }},
      {"linalg.svd", false, [&](cnp_array** res, std::string* out) {
         cnp_array *u = nullptr, *s = nullptr, *vh = nullptr;
         cnp_status st = cnp_linalg_svd(m, 0, &u, &s, &vh);
         if (st == CNP_OK) *res = s;
         cnp_array_free(u);
         cnp_array_free(vh);
         return st;
       }},
      {"linalg.eig", false, [&](cnp_array** res, std::string* out) {
         cnp_array *w = nullptr, *vv = nullptr;
         cnp_status st = cnp_linalg_eig(m, &w, &vv);
         if (st == CNP_OK) *res = w;
         cnp_array_free(vv);
         return st;
       }},
      {"linalg.lstsq", false, [&](cnp_array** res, std::string* out) {
         cnp_array *x = nullptr, *rs = nullptr, *rk = nullptr, *s = nullptr;
         cnp_status st = cnp_linalg_lstsq(m, m, -1.0, &x, &rs, &rk, &s);
         if (st == CNP_OK) *res = s;
         cnp_array_free(x);
         cnp_array_free(rs);
         cnp_array_free(rk);
         return st;
       }},
      {"fft, planned", true, [&](cnp_array** res, std::string*) {
         cnp::fft::clear_plan_cache();
         return cnp_fft_fft(long_vec, -1, -1, CNP_FFT_NORM_BACKWARD, res);
       }},
      {"rfftn, planned", true, [&](cnp_array** res, std::string*) {
         cnp::fft::clear_plan_cache();
         return cnp_fft_rfftn(grid, nullptr, -1, nullptr, -1, CNP_FFT_NORM_ORTHO, res);
       }},
      {"audio.resample", true, [&](cnp_array** res, std::string*) {
         cnp::fft::clear_plan_cache();
         return cnp_audio_resample(long_vec, 44100, 48000, 2, 0, res);
       }},
      {"repr", false, [&](cnp_array** res, std::string* out) {
         char* s = nullptr;
         cnp_status st = cnp_array_repr(m, &s);
         if (st == CNP_OK) *out = copy_disarmed(s);
         cnp_string_free(s);
         return st;
       }},
  };
  for (const Op& op : ops) sweep(op);
  wrap_contract();
  first_error_on_a_thread();
  cnp_array_free(m);
  cnp_array_free(v);
  cnp_array_free(long_vec);
  cnp_array_free(grid);
  if (g_failures) {
    std::fprintf(stderr, "%d fault-injection check(s) failed\n", g_failures);
    return 1;
  }
  std::printf("fault injection: all checks passed\n");
  return 0;
}
