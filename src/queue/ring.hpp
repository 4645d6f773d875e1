// A bounded single-producer/single-consumer ring of fixed-size records (docs/queue.md).
//
// Three sequence numbers (64-bit, never wrapping) describe the ring; slot = seq % capacity:
//   head  next record the producer writes            (written by the producer)
//   rd    next record handed to the consumer         (the consumer; under drop-oldest also the
//                                                      producer, which discards unread records)
//   rel   every record below it is free again         (releases; drop-oldest's discards)
// so [rel, rd) is held by the consumer (views it has not released), [rd, head) is ready and
// head - rel <= capacity. Each index sits on its own cache line, next to the other side's cached
// copy of it, so the two threads share a line only when they must exchange a value.
//
// A batch the consumer takes is a contiguous run of slots; it becomes free when it is released
// (the array view's deleter). Batches may be released in any order: `rel` advances over the
// longest released prefix (a small consumer-side list under a mutex the producer never takes).
// The ring knows bytes only (no dtype, no arrays: queue_arrays.hpp makes views and copies of
// batches), so it compiles on its own with the stress test under ThreadSanitizer.
// Blocking (the consumer's wait, the producer under the block policy) uses a condition variable
// reached only when the waiter has announced itself, so the lock-free fast paths make no system
// call.
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>


namespace cnp::queue {

enum Overflow : int32_t { kDropNewest = 0, kDropOldest = 1, kBlock = 2 };

// What info() reports (the values of the header's CNP_QUEUE_* counters).
enum Info : int32_t {
  kCapacity = 0, kItemsize = 1, kReady = 2, kHeld = 3, kPushed = 4, kPopped = 5,
  kDroppedNewest = 6, kDroppedOldest = 7, kProducerWaits = 8, kClosed = 9, kOverflowPolicy = 10
};

inline constexpr int64_t kMaxCapacityBytes = int64_t(1) << 40;  // 1 TiB: a typo, not a ring
inline constexpr size_t kLine = 64;

class Ring;

// A timeout in seconds turned into a point in time: 0 = do not wait, negative (or beyond about
// 30 years) = no limit, NaN = ValueError naming fn.
struct Deadline {
  bool forever = false;
  std::chrono::steady_clock::time_point at;
  static Deadline of(double seconds, const char* fn);
};

// One batch handed to the consumer: slots [begin, end) until released.
struct Batch {
  Ring* ring;
  uint64_t begin, end;
  bool done = false;
};

class Ring {
 public:
  // Reference count 1 (the creator's). capacity records of itemsize bytes (> 0).
  static Ring* create(int64_t itemsize, int64_t capacity, int32_t overflow);
  void retain() noexcept { refs_.fetch_add(1, std::memory_order_relaxed); }
  void unref() noexcept;  // deletes the ring with the last reference

  // ---- producer (one thread at a time) ----
  // Copies up to n records; returns how many were accepted. Full ring: drop-newest refuses the
  // rest, drop-oldest discards unread records (never held ones), block waits up to timeout_s
  // seconds (negative: no limit) for the consumer to free slots. ValueError once closed.
  int64_t push(const void* records, int64_t n, double timeout_s);

  // ---- consumer (one thread at a time) ----
  // Waits (timeout_s: 0 = do not wait, negative = no limit) until min_count records are ready
  // or the queue is closed; returns the number ready.
  int64_t wait(int64_t min_count, double timeout_s);
  // Records ready now.
  int64_t ready() const noexcept;
  // Takes up to max ready records as one held batch (nullptr when none is ready). With
  // stop_at_wrap the batch ends at the end of the ring at the latest, so its slots are
  // contiguous (the next take starts at slot 0). The slots stay reserved until release(batch).
  Batch* take(int64_t max, bool stop_at_wrap);
  const char* data_of(const Batch* b) const noexcept { return slot(b->begin); }
  // Copies a batch's records (across the end of the ring) to dst.
  void copy_out(const Batch* b, char* dst) const noexcept;
  // Frees a batch's slots (any thread, any order); the batch pointer is invalid afterwards.
  void release(Batch* b) noexcept;

  // ---- any thread ----
  void close() noexcept;  // no more pushes; waiters wake; ready records can still be popped
  bool closed() const noexcept { return closed_.load(std::memory_order_acquire); }
  int64_t info(int32_t what) const;
  int64_t itemsize() const noexcept { return item_; }
  int32_t overflow() const noexcept { return overflow_; }


 private:
  Ring() = default;
  ~Ring();
  friend struct std::default_delete<Ring>;
  char* slot(uint64_t seq) const { return data_ + (seq % cap_) * item_; }
  // Claims up to max ready records starting at rd (stopping at the end of the ring if
  // stop_at_wrap); 0 when none is ready.
  uint64_t claim(int64_t max, bool stop_at_wrap, uint64_t* begin);
  void advance_rel(uint64_t to) noexcept;
  bool discard_oldest(uint64_t h, uint64_t want);
  bool wait_for_space(uint64_t h, uint64_t need, const Deadline& deadline);
  void wake_consumer(uint64_t h);
  void wake_producer();

  // Producer's line: head and its cached view of rel.
  alignas(kLine) std::atomic<uint64_t> head_{0};
  uint64_t rel_cache_ = 0;
  // Consumer's line.
  alignas(kLine) std::atomic<uint64_t> rd_{0};
  // Releases.
  alignas(kLine) std::atomic<uint64_t> rel_{0};
  // Wake-up announcements: the head value the waiting consumer needs and the rel value the
  // waiting producer needs (UINT64_MAX: nobody waits). The producer asks for a quarter of the
  // ring (or what it still has to push, if less) rather than one slot, so a consumer releasing
  // batch after batch does not wake it for every one (no ping-pong on a full ring).
  alignas(kLine) std::atomic<uint64_t> wake_at_{UINT64_MAX};
  std::atomic<uint64_t> producer_wake_at_{UINT64_MAX};
  std::atomic<bool> closed_{false};
  // Counters: each written by one side only (relaxed), read by info() from anywhere.
  alignas(kLine) std::atomic<int64_t> pushed_{0}, dropped_newest_{0}, dropped_oldest_{0}, producer_waits_{0};
  alignas(kLine) std::atomic<int64_t> popped_{0};

  alignas(kLine) std::atomic<int64_t> refs_{1};
  std::mutex held_mu_;           // the consumer's list of batches (never taken by the producer)
  std::deque<Batch*> held_;
  std::mutex wait_mu_;           // only for sleeping and waking
  std::condition_variable consumer_cv_, producer_cv_;

  char* data_ = nullptr;
  uint64_t cap_ = 0;
  int64_t item_ = 0;
  int32_t overflow_ = kDropNewest;
};

}  // namespace cnp::queue
