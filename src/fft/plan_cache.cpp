// The FFTW plan cache (see plan_cache.hpp).
#include "fft/plan_cache.hpp"

#include <fftw3.h>

#include <map>
#include <stdexcept>

#include "core/error.hpp"
#include "fft/wisdom.hpp"

namespace cnp::fft {

namespace {

constexpr int64_t kDefaultCapacity = 64;

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
  fftw_init_threads();
  fftwf_init_threads();
  import_shipped_wisdom_locked();
  done = true;
}

std::vector<fftw_iodim64> iodims(const std::vector<Dim>& v) {
  std::vector<fftw_iodim64> r(v.size());
  for (size_t i = 0; i < v.size(); ++i) r[i] = {v[i].n, v[i].is, v[i].os};
  return r;
}

void* make_plan_locked(const Problem& p, void* in, void* out) {
  init_threads_locked();
  auto d = iodims(p.dims);
  auto h = iodims(p.howmany);
  int rank = static_cast<int>(d.size()), hr = static_cast<int>(h.size());
  // ESTIMATE never reads or writes the arrays; c2r may destroy its input (our scratch copy).
  unsigned flags = FFTW_ESTIMATE | (p.kind == Kind::c2r ? FFTW_DESTROY_INPUT : 0u);
  // fftw_iodim64 and fftwf_iodim64 are the same layout.
  auto* fd = reinterpret_cast<fftwf_iodim64*>(d.data());
  auto* fh = reinterpret_cast<fftwf_iodim64*>(h.data());
  void* plan = nullptr;
  if (p.single) {
    fftwf_plan_with_nthreads(p.nthreads);
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
  return plan;
}

std::vector<int64_t> key_of(const Problem& p, void* in, void* out) {
  std::vector<int64_t> k;
  k.reserve(8 + 3 * (p.dims.size() + p.howmany.size()));
  int ain = p.single ? fftwf_alignment_of(static_cast<float*>(in)) : fftw_alignment_of(static_cast<double*>(in));
  int aout = p.single ? fftwf_alignment_of(static_cast<float*>(out)) : fftw_alignment_of(static_cast<double*>(out));
  k.insert(k.end(), {static_cast<int64_t>(p.kind), p.single ? 1 : 0, p.nthreads, in == out ? 1 : 0, ain, aout,
                     static_cast<int64_t>(p.dims.size())});
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
  if (single_)
    fftwf_destroy_plan(static_cast<fftwf_plan>(plan_));
  else
    fftw_destroy_plan(static_cast<fftw_plan>(plan_));
}

void Plan::execute(Kind kind, void* in, void* out) const {
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

std::shared_ptr<const Plan> get_plan(const Problem& p, void* in, void* out) {
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
