// The FFTW plan cache (see plan_cache.hpp).
#include "fft/plan_cache.hpp"

#include <fftw3.h>

#include <pthread.h>
#include <setjmp.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <map>
#include <stdexcept>

#include "core/error.hpp"
#include "fft/wisdom.hpp"

namespace cnp::fft {

namespace {

// FFTW aborts the process when one of its own allocations fails (fftw_assertion_failed ->
// abort(), "fftw: alloc.c:29: assertion failed"), while planning and in buffered executions.
// Every call into FFTW runs under fftw_guarded(): a SIGABRT raised on that thread while it is
// inside jumps back out of FFTW and the call fails with MemoryError. FFTW may leak the partial
// plan; the process survives. A SIGABRT anywhere else goes to the handler that was installed
// before (the default: terminate). Only C frames lie between the jump and its target.
// An execution leaves FFTW's state as it was; a planner left midway may not (its hash table and
// twiddle lists were seen corrupted), so after that no plan is made or destroyed again: numpy.fft
// fails with MemoryError for new problem shapes until the process restarts.
thread_local sigjmp_buf* t_fftw_jump = nullptr;
std::atomic<bool> g_planner_broken{false};
const char* const kPlannerBroken =
    "Unable to allocate memory for FFTW's planner (FFT planning stays disabled in this process: FFTW's "
    "state is unknown after an allocation failed inside it)";
struct sigaction g_prev_abrt;

void on_sigabrt(int sig, siginfo_t* info, void* uctx) {
  if (sigjmp_buf* j = t_fftw_jump) {
    t_fftw_jump = nullptr;
    siglongjmp(*j, 1);
  }
  if (g_prev_abrt.sa_flags & SA_SIGINFO) {
    if (g_prev_abrt.sa_sigaction) g_prev_abrt.sa_sigaction(sig, info, uctx);
  } else if (g_prev_abrt.sa_handler == SIG_DFL) {
    signal(SIGABRT, SIG_DFL);
    raise(SIGABRT);
  } else if (g_prev_abrt.sa_handler != SIG_IGN) {
    g_prev_abrt.sa_handler(sig);
  }
}

template <class F>
void fftw_guarded(F&& call, bool planning = false) {
  static const bool installed = [] {
    struct sigaction sa = {};
    sa.sa_sigaction = on_sigabrt;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    return sigaction(SIGABRT, &sa, &g_prev_abrt) == 0;
  }();
  (void)installed;
  sigjmp_buf jump;
  sigjmp_buf* const outer = t_fftw_jump;
  if (sigsetjmp(jump, 0)) {  // no mask saved (no syscall per call): unblock SIGABRT by hand
    t_fftw_jump = outer;
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGABRT);
    pthread_sigmask(SIG_UNBLOCK, &s, nullptr);
    if (planning) {
      g_planner_broken = true;
      throw Error(CNP_ERR_MEMORY, kPlannerBroken);
    }
    throw Error(CNP_ERR_MEMORY, "Unable to allocate memory for FFTW");
  }
  t_fftw_jump = &jump;
  call();
  t_fftw_jump = outer;
}

constexpr int64_t kDefaultCapacity = 64;
// FFTW_MEASURE for problems of at least this many points (see wants_measure), with this bound on
// the planning time of one plan (FFTW finishes with ESTIMATE choices once it is exceeded).
constexpr double kMeasurePoints = 1 << 15;
constexpr double kMeasureSeconds = 2.5;
constexpr double kMeasureTransformPoints = 1 << 13;

struct Entry {
  std::shared_ptr<const Plan> plan;
  uint64_t tick;
};

struct Cache {
  std::mutex mu;
  std::map<std::vector<int64_t>, Entry> entries;
  uint64_t tick = 0;
  int64_t hits = 0, misses = 0, capacity = kDefaultCapacity;
};

Cache& cache() {
  static Cache* c = new Cache;  // never destroyed: plans may outlive static destruction order
  return *c;
}

void init_threads_locked() {
  static bool done = false;
  if (done) return;
  fftw_guarded(
      [] {
        fftw_init_threads();
        fftwf_init_threads();
        import_shipped_wisdom_locked();
      },
      true);
  done = true;
}

std::vector<fftw_iodim64> iodims(const std::vector<Dim>& v) {
  std::vector<fftw_iodim64> r(v.size());
  for (size_t i = 0; i < v.size(); ++i) r[i] = {v[i].n, v[i].is, v[i].os};
  return r;
}

// Whether FFTW_MEASURE pays for this problem. FFTW_ESTIMATE's cost model ignores caches: for a
// multi-dimensional or strided batched transform of a power-of-two size it walks the columns at a
// large stride (1024x1024 complex: ~50 ms instead of ~7 ms with the buffered plan MEASURE finds).
// Contiguous batches and single 1-D transforms, however large, are planned well by ESTIMATE
// (MEASURE of a 2**20 1-D transform takes seconds and finds nothing faster), so they keep it.
bool wants_measure(const Problem& p) {
  if (!p.may_measure) return false;
  double points = 1;
  for (const Dim& d : p.dims) points *= static_cast<double>(d.n);
  for (const Dim& d : p.howmany) points *= static_cast<double>(d.n);
  if (points < kMeasurePoints) return false;
  if (p.dims.size() >= 2) {
    // A batch of small multi-dimensional transforms (fft2 of 1000x32x32): each one fits in cache,
    // where ESTIMATE's plans are good.
    double transform = 1;
    for (const Dim& d : p.dims) transform *= static_cast<double>(d.n);
    return transform >= kMeasureTransformPoints;
  }
  return !p.howmany.empty() && (p.dims[0].is != 1 || p.dims[0].os != 1);
}

// Elements spanned by one array of the problem (output = false: the input). The halved last
// transform dimension of the complex side of r2c/c2r has n/2+1 elements.
int64_t extent(const Problem& p, bool output) {
  bool halved = (p.kind == Kind::r2c && output) || (p.kind == Kind::c2r && !output);
  int64_t e = 1;
  for (size_t i = 0; i < p.dims.size(); ++i) {
    int64_t n = (halved && i + 1 == p.dims.size()) ? p.dims[i].n / 2 + 1 : p.dims[i].n;
    e += (n - 1) * std::abs(output ? p.dims[i].os : p.dims[i].is);
  }
  for (const Dim& d : p.howmany) e += (d.n - 1) * std::abs(output ? d.os : d.is);
  return e;
}

int64_t elem_size(const Problem& p, bool output) {
  bool cplx = p.kind == Kind::c2c_forward || p.kind == Kind::c2c_backward || (p.kind == Kind::r2c) == output;
  return (p.single ? 4 : 8) * (cplx ? 2 : 1);
}

// fftw_malloc'ed planning arrays for MEASURE, which overwrites the arrays it plans on: never the
// caller's data. Each has the same SIMD alignment as the array it stands for (FFTW plans depend on
// it), and one buffer serves both sides of an in-place problem.
struct Scratch {
  void* base[2] = {nullptr, nullptr};
  void* in = nullptr;
  void* out = nullptr;
  bool single;
  ~Scratch() {
    for (void* b : base)
      if (b) single ? fftwf_free(b) : fftw_free(b);
  }
  static void* shifted(void* b, void* like, bool single) {
    int a = single ? fftwf_alignment_of(static_cast<float*>(like)) : fftw_alignment_of(static_cast<double*>(like));
    return static_cast<char*>(b) + a;  // fftw_malloc's alignment is a multiple of every residue
  }
  // False when the arrays would be much larger than the problem's data (sparse views) or memory
  // is short: the caller plans with ESTIMATE instead.
  bool make(const Problem& p, void* user_in, void* user_out) {
    single = p.single;
    int64_t xin = extent(p, false), xout = extent(p, true);
    double points = 1;
    for (const Dim& d : p.dims) points *= static_cast<double>(d.n);
    for (const Dim& d : p.howmany) points *= static_cast<double>(d.n);
    if (static_cast<double>(xin + xout) > 8.0 * points) return false;
    int64_t ein = xin * elem_size(p, false), eout = xout * elem_size(p, true);
    auto alloc = [&](int64_t bytes) {
      size_t n = static_cast<size_t>(bytes) + 64;
      return single ? fftwf_malloc(n) : fftw_malloc(n);
    };
    if (user_in == user_out) {
      base[0] = alloc(std::max(ein, eout));
      if (!base[0]) return false;
      in = out = shifted(base[0], user_in, single);
      return true;
    }
    base[0] = alloc(ein);
    base[1] = alloc(eout);
    if (!base[0] || !base[1]) return false;
    in = shifted(base[0], user_in, single);
    out = shifted(base[1], user_out, single);
    return true;
  }
};

void* plan_locked(const Problem& p, void* in, void* out, unsigned flags) {
  auto d = iodims(p.dims);
  auto h = iodims(p.howmany);
  int rank = static_cast<int>(d.size()), hr = static_cast<int>(h.size());
  // fftw_iodim64 and fftwf_iodim64 are the same layout.
  auto* fd = reinterpret_cast<fftwf_iodim64*>(d.data());
  auto* fh = reinterpret_cast<fftwf_iodim64*>(h.data());
  void* plan = nullptr;
  fftw_guarded([&] {
    if (p.single) {
      fftwf_plan_with_nthreads(p.nthreads);
      fftwf_set_timelimit(kMeasureSeconds);
      switch (p.kind) {
        case Kind::c2c_forward:
        case Kind::c2c_backward:
          plan = fftwf_plan_guru64_dft(rank, fd, hr, fh, static_cast<fftwf_complex*>(in),
                                       static_cast<fftwf_complex*>(out),
                                       p.kind == Kind::c2c_forward ? FFTW_FORWARD : FFTW_BACKWARD, flags);
          break;
        case Kind::r2c:
          plan = fftwf_plan_guru64_dft_r2c(rank, fd, hr, fh, static_cast<float*>(in), static_cast<fftwf_complex*>(out),
                                           flags);
          break;
        case Kind::c2r:
          plan = fftwf_plan_guru64_dft_c2r(rank, fd, hr, fh, static_cast<fftwf_complex*>(in), static_cast<float*>(out),
                                           flags);
          break;
      }
    } else {
      fftw_plan_with_nthreads(p.nthreads);
      fftw_set_timelimit(kMeasureSeconds);
      switch (p.kind) {
        case Kind::c2c_forward:
        case Kind::c2c_backward:
          plan = fftw_plan_guru64_dft(rank, d.data(), hr, h.data(), static_cast<fftw_complex*>(in),
                                      static_cast<fftw_complex*>(out),
                                      p.kind == Kind::c2c_forward ? FFTW_FORWARD : FFTW_BACKWARD, flags);
          break;
        case Kind::r2c:
          plan = fftw_plan_guru64_dft_r2c(rank, d.data(), hr, h.data(), static_cast<double*>(in),
                                          static_cast<fftw_complex*>(out), flags);
          break;
        case Kind::c2r:
          plan = fftw_plan_guru64_dft_c2r(rank, d.data(), hr, h.data(), static_cast<fftw_complex*>(in),
                                          static_cast<double*>(out), flags);
          break;
      }
    }
  }, true);
  return plan;
}

// The plan for p on arrays like in/out. MEASURE plans on scratch arrays; the plan is then executed
// on the real ones through the new-array functions (same layout and alignment, so valid there).
void* make_plan_locked(const Problem& p, void* in, void* out) {
  init_threads_locked();
  // c2r may destroy its input (always our scratch copy).
  unsigned keep = p.kind == Kind::c2r ? FFTW_DESTROY_INPUT : 0u;
  if (wants_measure(p)) {
    Scratch s;
    if (s.make(p, in, out)) {
      if (void* plan = plan_locked(p, s.in, s.out, FFTW_MEASURE | keep)) return plan;
    }
  }
  // ESTIMATE never reads or writes the arrays.
  return plan_locked(p, in, out, FFTW_ESTIMATE | keep);
}

std::vector<int64_t> key_of(const Problem& p, void* in, void* out) {
  std::vector<int64_t> k;
  k.reserve(8 + 3 * (p.dims.size() + p.howmany.size()));
  int ain = p.single ? fftwf_alignment_of(static_cast<float*>(in)) : fftw_alignment_of(static_cast<double*>(in));
  int aout = p.single ? fftwf_alignment_of(static_cast<float*>(out)) : fftw_alignment_of(static_cast<double*>(out));
  k.insert(k.end(), {static_cast<int64_t>(p.kind), p.single ? 1 : 0, p.nthreads, in == out ? 1 : 0, ain, aout,
                     p.may_measure ? 1 : 0, static_cast<int64_t>(p.dims.size())});
  for (const Dim& d : p.dims) k.insert(k.end(), {d.n, d.is, d.os});
  for (const Dim& d : p.howmany) k.insert(k.end(), {d.n, d.is, d.os});
  return k;
}

}  // namespace

std::mutex& fftw_lock() {
  static std::mutex* m = new std::mutex;
  return *m;
}

Plan::~Plan() {
  std::lock_guard<std::mutex> g(fftw_lock());
  if (g_planner_broken) return;  // leaked: destroying touches the planner's shared twiddles
  if (single_)
    fftwf_destroy_plan(static_cast<fftwf_plan>(plan_));
  else
    fftw_destroy_plan(static_cast<fftw_plan>(plan_));
}

void Plan::execute(Kind kind, void* in, void* out) const {
  fftw_guarded([&] { execute_unguarded(kind, in, out); });
}

void Plan::execute_unguarded(Kind kind, void* in, void* out) const {
  if (single_) {
    auto p = static_cast<fftwf_plan>(plan_);
    switch (kind) {
      case Kind::c2c_forward:
      case Kind::c2c_backward:
        fftwf_execute_dft(p, static_cast<fftwf_complex*>(in), static_cast<fftwf_complex*>(out));
        break;
      case Kind::r2c: fftwf_execute_dft_r2c(p, static_cast<float*>(in), static_cast<fftwf_complex*>(out)); break;
      case Kind::c2r: fftwf_execute_dft_c2r(p, static_cast<fftwf_complex*>(in), static_cast<float*>(out)); break;
    }
  } else {
    auto p = static_cast<fftw_plan>(plan_);
    switch (kind) {
      case Kind::c2c_forward:
      case Kind::c2c_backward:
        fftw_execute_dft(p, static_cast<fftw_complex*>(in), static_cast<fftw_complex*>(out));
        break;
      case Kind::r2c: fftw_execute_dft_r2c(p, static_cast<double*>(in), static_cast<fftw_complex*>(out)); break;
      case Kind::c2r: fftw_execute_dft_c2r(p, static_cast<fftw_complex*>(in), static_cast<double*>(out)); break;
    }
  }
}

std::shared_ptr<const Plan> get_plan(const Problem& problem, void* in, void* out) {
  // MEASURE plans are made for one thread: FFTW's threaded planner times every candidate on all
  // threads, which on a busy machine took > 10 s for a 1024x1024 column pass (the time limit is
  // only checked between candidates) and then chose a plan slower than the serial one.
  Problem p = problem;
  if (wants_measure(p)) p.nthreads = 1;
  std::vector<int64_t> key = key_of(p, in, out);
  Cache& c = cache();
  {
    std::lock_guard<std::mutex> g(c.mu);
    auto it = c.entries.find(key);
    if (it != c.entries.end()) {
      ++c.hits;
      it->second.tick = ++c.tick;
      return it->second.plan;
    }
    ++c.misses;
  }
  void* raw;
  {
    std::lock_guard<std::mutex> g(fftw_lock());
    if (g_planner_broken) throw Error(CNP_ERR_MEMORY, kPlannerBroken);
    raw = make_plan_locked(p, in, out);
  }
  if (!raw) throw Error(CNP_ERR_INTERNAL, "FFTW could not plan this transform");
  auto plan = std::make_shared<const Plan>(raw, p.single);
  std::vector<std::shared_ptr<const Plan>> evicted;  // destroyed after the cache lock is released
  {
    std::lock_guard<std::mutex> g(c.mu);
    auto [it, inserted] = c.entries.emplace(key, Entry{plan, ++c.tick});
    if (!inserted) {  // another thread planned the same problem meanwhile: keep one
      evicted.push_back(std::move(plan));
      plan = it->second.plan;
    }
    while (static_cast<int64_t>(c.entries.size()) > c.capacity) {
      auto oldest = c.entries.begin();
      for (auto e = c.entries.begin(); e != c.entries.end(); ++e)
        if (e->second.tick < oldest->second.tick) oldest = e;
      evicted.push_back(std::move(oldest->second.plan));
      c.entries.erase(oldest);
    }
  }
  return plan;
}

std::string export_wisdom(bool single) {
  char* text;
  {
    std::lock_guard<std::mutex> g(fftw_lock());
    init_threads_locked();  // the threaded solvers are part of the configuration wisdom is tied to
    text = single ? fftwf_export_wisdom_to_string() : fftw_export_wisdom_to_string();
  }
  if (!text) throw std::bad_alloc();
  std::string r(text);
  std::free(text);  // FFTW hands out malloc'ed strings
  return r;
}

void import_wisdom(bool single, const char* text) {
  int ok;
  {
    std::lock_guard<std::mutex> g(fftw_lock());
    init_threads_locked();  // wisdom names the planner's configuration, threaded solvers included
    ok = single ? fftwf_import_wisdom_from_string(text) : fftw_import_wisdom_from_string(text);
  }
  if (!ok) throw_value(std::string("FFTW could not import this ") + (single ? "single" : "double") +
                       "-precision wisdom");
}

CacheStats plan_cache_stats() {
  Cache& c = cache();
  std::lock_guard<std::mutex> g(c.mu);
  return {c.hits, c.misses, static_cast<int64_t>(c.entries.size()), c.capacity};
}

void set_plan_cache_capacity(int64_t capacity) {
  Cache& c = cache();
  std::vector<std::shared_ptr<const Plan>> evicted;
  std::lock_guard<std::mutex> g(c.mu);
  c.capacity = capacity <= 0 ? kDefaultCapacity : capacity;
  while (static_cast<int64_t>(c.entries.size()) > c.capacity) {
    auto oldest = c.entries.begin();
    for (auto e = c.entries.begin(); e != c.entries.end(); ++e)
      if (e->second.tick < oldest->second.tick) oldest = e;
    evicted.push_back(std::move(oldest->second.plan));
    c.entries.erase(oldest);
  }
}

void clear_plan_cache() {
  Cache& c = cache();
  std::map<std::vector<int64_t>, Entry> old;
  {
    std::lock_guard<std::mutex> g(c.mu);
    old.swap(c.entries);
    c.hits = c.misses = 0;
  }
}

}  // namespace cnp::fft
