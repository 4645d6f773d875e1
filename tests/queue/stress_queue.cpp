// Stress test of the SPSC ring alone (src/queue/ring.cpp, no rest of the library), so that it can
// be compiled with -fsanitize=thread by itself (tests/CMakeLists.txt: queue_stress_tsan) while
// the library's own TSan build belongs to the hardening work.
//
// For each overflow policy a producer pushes the sequence 0, 1, 2, ... as uint64 records flat out
// in random push sizes while the consumer takes random batch sizes, keeps up to a few batches held
// and releases them in random order (as views freed by a garbage collector would be), sometimes
// copying instead. Checked: every record arrives at most once and in order; under BLOCK none is
// lost; under the DROP policies the counters account for every record. Then close-while-waiting
// for both sides. Runtime: CNUMPY_QUEUE_STRESS_SECONDS per policy (default 0.7 s; 10 for a soak).
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <thread>
#include <vector>

#include "core/error.hpp"
#include "queue/ring.hpp"

using cnp::queue::Batch;
using cnp::queue::Ring;
namespace qu = cnp::queue;

namespace {
int failures = 0;
#define CHECK(cond, ...)                                         \
  do {                                                           \
    if (!(cond)) {                                               \
      std::fprintf(stderr, "FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond); \
      std::fprintf(stderr, __VA_ARGS__);                         \
      std::fprintf(stderr, "\n");                                \
      ++failures;                                                \
    }                                                            \
  } while (0)

double seconds_per_policy() {
  const char* s = std::getenv("CNUMPY_QUEUE_STRESS_SECONDS");
  double v = s ? std::atof(s) : 0.7;
  return v > 0 ? v : 0.7;
}

void run_policy(int32_t policy, const char* name, int64_t capacity, double seconds) {
  Ring* ring = Ring::create(8, capacity, policy);
  std::atomic<bool> stop{false};
  std::atomic<uint64_t> produced{0};
  std::thread producer([&] {
    std::mt19937_64 rng(1234 + policy);
    std::vector<uint64_t> buf(4096);
    uint64_t next = 0;
    while (!stop.load(std::memory_order_relaxed)) {
      size_t n = 1 + rng() % (rng() % 8 == 0 ? 4096 : 64);
      for (size_t k = 0; k < n; ++k) buf[k] = next + k;
      int64_t put = ring->push(buf.data(), static_cast<int64_t>(n), policy == qu::kBlock ? 0.01 : 0.0);
      // BLOCK: what was not accepted is pushed again (the sequence must stay gap-free).
      next += policy == qu::kBlock ? static_cast<uint64_t>(put) : n;
    }
    produced.store(next);
    ring->close();
  });

  std::mt19937_64 rng(99 + policy);
  std::vector<Batch*> held;
  uint64_t expect = 0;  // the smallest sequence number still possible
  uint64_t received = 0, batches = 0, out_of_order = 0;
  std::vector<uint64_t> copy(capacity);
  auto check_run = [&](const uint64_t* v, uint64_t n) {
    for (uint64_t k = 0; k < n; ++k) {
      if (v[k] < expect || (policy == qu::kBlock && v[k] != expect)) ++out_of_order;
      expect = v[k] + 1;
    }
    received += n;
  };
  auto release_one = [&] {
    size_t i = rng() % held.size();
    ring->release(held[i]);
    held.erase(held.begin() + static_cast<long>(i));
  };
  auto t_end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  for (;;) {  // until the producer has stopped (at t_end) and everything is drained
    int64_t max = 1 + static_cast<int64_t>(rng() % (rng() % 4 == 0 ? 4096 : 32));
    // Nothing ready: the held batches may be what stops the producer (the documented rule: a
    // consumer that keeps views makes the queue look full), so they go before sleeping.
    if (ring->ready() == 0)
      while (!held.empty()) release_one();
    if (ring->wait(1, 0.002) == 0) {
      if (ring->closed() && ring->ready() == 0) break;
      if (std::chrono::steady_clock::now() >= t_end) stop.store(true);
      continue;
    }
    if (std::chrono::steady_clock::now() >= t_end) stop.store(true);
    if (rng() % 5 == 0) {  // a copying pop
      Batch* b = ring->take(max, false);
      if (!b) continue;
      ring->copy_out(b, reinterpret_cast<char*>(copy.data()));
      check_run(copy.data(), b->end - b->begin);
      ring->release(b);
    } else {  // a view: read in place, hold a few, release in random order
      Batch* b = ring->take(max, true);
      if (!b) continue;
      check_run(reinterpret_cast<const uint64_t*>(ring->data_of(b)), b->end - b->begin);
      held.push_back(b);
      while (held.size() > rng() % 4) release_one();
    }
    ++batches;
  }
  while (!held.empty()) release_one();
  producer.join();
  int64_t pushed = ring->info(qu::kPushed), dn = ring->info(qu::kDroppedNewest), dold = ring->info(qu::kDroppedOldest);
  CHECK(out_of_order == 0, "%s: %llu records out of order or duplicated", name, (unsigned long long)out_of_order);
  CHECK(ring->info(qu::kHeld) == 0 && ring->ready() == 0, "%s: records left after draining", name);
  CHECK(static_cast<int64_t>(received) == ring->info(qu::kPopped), "%s: popped counter", name);
  if (policy == qu::kBlock) {
    CHECK(received == produced.load() && dn == 0 && dold == 0, "%s: received %llu of %llu", name,
          (unsigned long long)received, (unsigned long long)produced.load());
  } else {
    // every record offered was accepted or refused; every accepted one popped or discarded
    CHECK(static_cast<uint64_t>(pushed + dn) == produced.load(), "%s: pushed %lld + dropped %lld != %llu", name,
          (long long)pushed, (long long)dn, (unsigned long long)produced.load());
    CHECK(static_cast<int64_t>(received) + dold == pushed, "%s: received %llu + discarded %lld != pushed %lld", name,
          (unsigned long long)received, (long long)dold, (long long)pushed);
  }
  std::printf("%-12s %10.0f records/s, %llu records in %llu batches, dropped newest %lld, oldest %lld\n", name,
              received / seconds, (unsigned long long)received, (unsigned long long)batches, (long long)dn,
              (long long)dold);
  ring->unref();
}

void close_while_waiting() {
  Ring* ring = Ring::create(4, 8, qu::kBlock);
  std::thread closer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    ring->close();
  });
  int64_t ready = ring->wait(1, -1.0);  // no limit: only close() can end it
  CHECK(ready == 0 && ring->closed(), "consumer woken by close");
  closer.join();
  ring->unref();

  ring = Ring::create(4, 2, qu::kBlock);
  uint32_t v[3] = {1, 2, 3};
  std::thread closer2([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    ring->close();
  });
  int64_t put = ring->push(v, 3, -1.0);  // the third waits for space that never comes
  CHECK(put == 2, "producer woken by close after %lld", (long long)put);
  closer2.join();
  bool threw = false;
  try {
    ring->push(v, 1, 0);
  } catch (const cnp::Error&) {
    threw = true;
  }
  CHECK(threw, "push after close fails");
  ring->unref();
}
}  // namespace

int main() {
  double s = seconds_per_policy();
  run_policy(qu::kBlock, "block", 1024, s);
  run_policy(qu::kDropNewest, "drop_newest", 1024, s);
  run_policy(qu::kDropOldest, "drop_oldest", 1024, s);
  run_policy(qu::kBlock, "block/small", 7, s / 2);  // odd capacity: wrap-around at every offset
  run_policy(qu::kDropOldest, "oldest/small", 5, s / 2);
  close_while_waiting();
  if (failures) std::fprintf(stderr, "%d failure(s)\n", failures);
  return failures ? 1 : 0;
}
