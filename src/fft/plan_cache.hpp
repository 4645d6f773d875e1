// FFTW plans, cached and shared between threads.
//
// FFTW's planner, fftw_destroy_plan and fftw_plan_with_nthreads are not thread-safe: every such call
// runs under one process-wide mutex (fftw_lock()). The new-array execute functions
// (fftw_execute_dft ...) are thread-safe, so plans are executed without it on the caller's arrays.
// A plan is keyed by everything FFTW bakes into it: kind, precision, sizes and strides (guru
// dims), in-place or not, the arrays' SIMD alignment and the thread count. The cache is a bounded
// LRU; plans are shared_ptrs so that evicting one that another thread is executing is safe.
#pragma once
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace cnp::fft {

enum class Kind : int32_t { c2c_forward = 0, c2c_backward = 1, r2c = 2, c2r = 3 };

// One guru dimension: length, input and output stride in elements (complex or real units).
struct Dim {
  int64_t n, is, os;
};

struct Problem {
  Kind kind;
  bool single;                  // fftwf_ (float) instead of fftw_ (double)
  std::vector<Dim> dims;        // the transform dimensions
  std::vector<Dim> howmany;     // the batch loops
  int nthreads = 1;
  bool may_measure = true;      // false: always FFTW_ESTIMATE (the blocked passes' in-cache blocks)
};

class Plan {
 public:
  Plan(void* p, bool single) : plan_(p), single_(single) {}
  ~Plan();
  Plan(const Plan&) = delete;
  Plan& operator=(const Plan&) = delete;
  // Runs the plan on new arrays (same layout, alignment and in-placeness as planned). Thread-safe.
  // MemoryError when FFTW runs out of memory (it would abort; see plan_cache.cpp).
  void execute(Kind kind, void* in, void* out) const;

 private:
  void execute_unguarded(Kind kind, void* in, void* out) const;
  void* plan_;
  bool single_;
};

// The plan for this problem on arrays like in/out, from the cache or newly made. Multi-dimensional
// (of >= 2**13 points per transform) and strided batched problems of >= 2**15 points in all are
// planned with FFTW_MEASURE (bounded in time, one thread) on scratch arrays, everything else with
// FFTW_ESTIMATE; the caller's arrays are never touched.
// Throws on planner failure.
std::shared_ptr<const Plan> get_plan(const Problem& p, void* in, void* out);

// The mutex around every non-execute FFTW call.
std::mutex& fftw_lock();

struct CacheStats {
  int64_t hits, misses, size, capacity;
};
CacheStats plan_cache_stats();
void set_plan_cache_capacity(int64_t capacity);  // <= 0 restores the default (64)
void clear_plan_cache();

// FFTW's accumulated wisdom (double or single precision) as FFTW's text format, and its import
// (merged into the current wisdom; plans already cached are kept). Import throws a ValueError for
// text FFTW cannot parse.
std::string export_wisdom(bool single);
void import_wisdom(bool single, const char* text);

}  // namespace cnp::fft
