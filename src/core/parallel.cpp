// A persistent pool: workers sleep on a condition variable, take parts from an atomic counter,
// and the caller takes parts too. One job at a time; a second caller runs its job itself.
#include "core/parallel.hpp"

#include <sched.h>

#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace cnp {

namespace {

int default_threads() noexcept {
  if (const char* env = std::getenv("CNUMPY_NUM_THREADS")) {
    int n = std::atoi(env);
    if (n > 0) return n > 256 ? 256 : n;
  }
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof(set), &set) == 0) {
    int n = CPU_COUNT(&set);
    if (n > 0) return n;
  }
  unsigned n = std::thread::hardware_concurrency();
  return n ? static_cast<int>(n) : 1;
}

std::atomic<int> g_threads{0};  // 0 = not decided yet
thread_local bool t_in_part = false;

class Pool {
 public:
  ~Pool() { stop_workers(); }

  // Runs the job if the pool is free; returns false (nothing run) if another job holds it.
  bool run(int nparts, int nthreads, const std::function<void(int)>& fn) {
    std::unique_lock<std::mutex> job_lock(job_mutex_, std::try_to_lock);
    if (!job_lock.owns_lock()) return false;
    ensure_workers(nthreads - 1);
    {
      std::lock_guard<std::mutex> lk(m_);
      fn_ = &fn;
      nparts_ = nparts;
      next_.store(0);
      pending_ = nparts;
      error_ = nullptr;
      ++generation_;
    }
    cv_.notify_all();
    work();
    std::unique_lock<std::mutex> lk(m_);
    done_cv_.wait(lk, [&] { return pending_ == 0; });
    fn_ = nullptr;
    if (error_) std::rethrow_exception(error_);
    return true;
  }

 private:
  void work() {
    t_in_part = true;
    for (;;) {
      int part = next_.fetch_add(1);
      if (part >= nparts_) break;
      std::exception_ptr err;
      try {
        (*fn_)(part);
      } catch (...) {
        err = std::current_exception();
      }
      std::lock_guard<std::mutex> lk(m_);
      if (err && !error_) error_ = err;
      if (--pending_ == 0) done_cv_.notify_all();
    }
    t_in_part = false;
  }

  void worker_main() {
    uint64_t seen;
    {
      std::lock_guard<std::mutex> lk(m_);
      seen = generation_;  // only jobs posted from now on
    }
    for (;;) {
      {
        std::unique_lock<std::mutex> lk(m_);
        cv_.wait(lk, [&] { return stop_ || generation_ != seen; });
        if (stop_) return;
        seen = generation_;
      }
      work();
    }
  }

  void ensure_workers(int n) {
    if (n < 0) n = 0;
    if (static_cast<int>(workers_.size()) == n) return;
    stop_workers();
    stop_ = false;
    for (int i = 0; i < n; ++i) workers_.emplace_back([this] { worker_main(); });
  }

  void stop_workers() {
    {
      std::lock_guard<std::mutex> lk(m_);
      stop_ = true;
    }
    cv_.notify_all();
    for (auto& t : workers_) t.join();
    workers_.clear();
  }

  std::mutex job_mutex_;
  std::mutex m_;
  std::condition_variable cv_, done_cv_;
  std::vector<std::thread> workers_;
  const std::function<void(int)>* fn_ = nullptr;
  std::atomic<int> nparts_{0};
  std::atomic<int> next_{0};
  int pending_ = 0;
  std::exception_ptr error_;
  uint64_t generation_ = 0;
  bool stop_ = false;
};

Pool& pool() {
  static Pool p;
  return p;
}

}  // namespace

int num_threads() noexcept {
  int n = g_threads.load(std::memory_order_relaxed);
  if (n == 0) {
    n = default_threads();
    g_threads.store(n, std::memory_order_relaxed);
  }
  return n;
}

void set_num_threads(int n) { g_threads.store(n > 0 ? (n > 256 ? 256 : n) : default_threads()); }

void parallel_run(int nparts, const std::function<void(int)>& fn) {
  int nt = num_threads();
  if (nparts <= 1 || nt <= 1 || t_in_part || !pool().run(nparts, nt < nparts ? nt : nparts, fn)) {
    for (int p = 0; p < nparts; ++p) fn(p);
  }
}

}  // namespace cnp
