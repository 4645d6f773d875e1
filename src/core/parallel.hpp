// The library's own worker threads: a small persistent pool that splits one job into parts.
// Parts are fixed by the caller (never by timing), so results cannot depend on the thread count
// or on scheduling.
#pragma once
#include <cstdint>
#include <functional>

namespace cnp {

// Threads a job may use (including the caller). Default: CNUMPY_NUM_THREADS if set, else the CPUs
// this process may run on.
int num_threads() noexcept;
// n <= 0 restores the default.
void set_num_threads(int n);

// Runs fn(part) for every part in [0, nparts), on the pool and the calling thread, and returns
// when all are done. The first exception thrown by a part is rethrown here (the other parts still
// finish). Calls from inside a part, or while another thread's job holds the pool, run serially.
void parallel_run(int nparts, const std::function<void(int)>& fn);

}  // namespace cnp
