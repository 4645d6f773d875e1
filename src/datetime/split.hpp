// Splitting a long element-wise job over the library's thread pool (core/parallel.hpp) in
// fixed parts. Errors are NumPy's first error: each part records its own, and the lowest part's
// is rethrown, so the message never depends on scheduling.
#pragma once
#include <algorithm>
#include <cstdint>
#include <exception>
#include <vector>

#include "core/parallel.hpp"

namespace cnp::dt {

// Elements per part below which a job stays on the calling thread.
inline constexpr int64_t kMinPart = 1 << 16;

template <class F>
void split_run(int64_t n, F&& f) {
  const int64_t want = std::min<int64_t>(num_threads(), n / kMinPart);
  if (want <= 1) {
    f(int64_t{0}, n);
    return;
  }
  const int parts = static_cast<int>(want);
  std::vector<std::exception_ptr> errors(static_cast<size_t>(parts));
  parallel_run(parts, [&](int p) {
    const int64_t b = n * p / parts, e = n * (p + 1) / parts;
    try {
      f(b, e);
    } catch (...) {
      errors[static_cast<size_t>(p)] = std::current_exception();
    }
  });
  for (const std::exception_ptr& e : errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace cnp::dt
