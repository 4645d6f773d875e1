// A small process-wide cache of filter tables (polyphase rows, FFT filter spectra): designing them
// costs thousands of Bessel-function evaluations, which dominated short one-shot calls and the
// creation of streaming resamplers. Entries are immutable and shared; the cache keeps the most
// recently used kMaxEntries per element type.
#pragma once
#include <cstdio>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace cnp::audio {

inline constexpr size_t kMaxTableEntries = 16;

// A key from the numbers that determine a table (printed exactly).
template <class... A>
std::string table_key(const char* kind, A... v) {
  std::string k = kind;
  char buf[40];
  ((std::snprintf(buf, sizeof buf, "|%.17g", static_cast<double>(v)), k += buf), ...);
  return k;
}

template <class T, class Build>
std::shared_ptr<const std::vector<T>> cached_table(const std::string& key, Build build) {
  static std::mutex mu;
  static std::list<std::pair<std::string, std::shared_ptr<const std::vector<T>>>> lru;
  {
    std::lock_guard<std::mutex> g(mu);
    for (auto it = lru.begin(); it != lru.end(); ++it)
      if (it->first == key) {
        lru.splice(lru.begin(), lru, it);
        return it->second;
      }
  }
  auto t = std::make_shared<const std::vector<T>>(build());  // outside the lock
  std::lock_guard<std::mutex> g(mu);
  lru.emplace_front(key, t);
  if (lru.size() > kMaxTableEntries) lru.pop_back();
  return t;
}

}  // namespace cnp::audio
