// Large plain byte copies with streaming (non-temporal) stores.
#pragma once
#include <cstdint>

namespace cnp {

// Copies with non-temporal stores: the destination is not read into the cache first (no
// read-for-ownership) and does not evict the source. Callers finish with stream_fence() before
// the data is handed to another thread or returned.
void stream_copy(char* dst, const char* src, int64_t bytes);
void stream_fence();

// One contiguous run of a gathered copy (concatenate's slabs, one per input and outer index).
struct CopyRun {
  char* dst;
  const char* src;
  int64_t bytes;
};

// Copies every run (they must not overlap each other): streamed when the total is large, plain
// memcpy otherwise.
void copy_runs(const CopyRun* runs, int64_t nruns);

}  // namespace cnp
