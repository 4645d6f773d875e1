// The SPSC ring (ring.hpp says how the three sequence numbers work together).
#include "queue/ring.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>

#include "core/error.hpp"  // header-only: the ring builds without the rest of the library

namespace cnp::queue {

using Clock = std::chrono::steady_clock;

Deadline Deadline::of(double seconds, const char* fn) {
  if (std::isnan(seconds)) throw_value(std::string(fn) + ": timeout must be a number, got nan");
  Deadline d;
  if (seconds < 0 || seconds > 1e9) {
    d.forever = true;
  } else {
    d.at = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  }
  return d;
}

Ring* Ring::create(int64_t itemsize, int64_t capacity, int32_t overflow) {
  if (itemsize <= 0) throw_value("Queue: the record dtype must have a nonzero itemsize");
  if (capacity < 1) throw_value("Queue: capacity must be >= 1, got " + std::to_string(capacity));
  int64_t bytes;
  if (__builtin_mul_overflow(capacity, itemsize, &bytes) || bytes > kMaxCapacityBytes)
    throw_value("Queue: capacity * itemsize must be at most 2**40 bytes");
  if (overflow != kDropNewest && overflow != kDropOldest && overflow != kBlock)
    throw_value("Queue: overflow must be CNP_QUEUE_DROP_NEWEST, CNP_QUEUE_DROP_OLDEST or CNP_QUEUE_BLOCK, got " +
                std::to_string(overflow));
  size_t alloc = (static_cast<size_t>(bytes) + kLine - 1) / kLine * kLine;
  std::unique_ptr<Ring> r(new Ring());
  r->data_ = static_cast<char*>(std::aligned_alloc(kLine, alloc));
  if (!r->data_) throw std::bad_alloc();
  std::memset(r->data_, 0, alloc);  // the padding of records never holds stale heap bytes
  r->cap_ = static_cast<uint64_t>(capacity);
  r->item_ = itemsize;
  r->overflow_ = overflow;
  return r.release();
}

Ring::~Ring() {
  std::free(data_);
}

void Ring::unref() noexcept {
  if (refs_.fetch_sub(1, std::memory_order_acq_rel) == 1) delete this;
}

// ---- producer -----------------------------------------------------------------------------------

int64_t Ring::push(const void* records, int64_t n, double timeout_s) {
  if (n < 0) throw_value("push: n must be >= 0, got " + std::to_string(n));
  if (n > 0 && !records) throw Error(CNP_ERR_INVALID_HANDLE, "push: records pointer is NULL");
  Deadline deadline = Deadline::of(timeout_s, "push");
  if (closed()) throw_value("push: the queue is closed");
  const char* src = static_cast<const char*>(records);
  uint64_t h = head_.load(std::memory_order_relaxed);
  const uint64_t want = static_cast<uint64_t>(n);
  uint64_t done = 0;
  while (done < want) {
    uint64_t space = cap_ - (h - rel_cache_);
    if (space == 0) {  // the cached value is stale only when the ring looks full
      rel_cache_ = rel_.load(std::memory_order_acquire);
      space = cap_ - (h - rel_cache_);
    }
    if (space == 0) {
      if (overflow_ == kDropOldest && discard_oldest(h, want - done)) continue;
      if (overflow_ == kBlock) {
        if (wait_for_space(h, want - done, deadline)) continue;
        break;  // timed out or closed: the caller sees the count
      }
      dropped_newest_.fetch_add(static_cast<int64_t>(want - done), std::memory_order_relaxed);
      break;
    }
    uint64_t m = std::min(space, want - done);
    uint64_t s = h % cap_;
    uint64_t first = std::min(m, cap_ - s);
    std::memcpy(data_ + s * item_, src + done * item_, first * item_);
    if (m > first) std::memcpy(data_, src + (done + first) * item_, (m - first) * item_);
    h += m;
    done += m;
    // seq_cst: ordered before the load of wake_at_ in wake_consumer (the consumer stores
    // wake_at_ and then loads head_), so one of the two sides always sees the other.
    head_.store(h, std::memory_order_seq_cst);
    pushed_.fetch_add(static_cast<int64_t>(m), std::memory_order_relaxed);
    wake_consumer(h);
  }
  return static_cast<int64_t>(done);
}

// Drop-oldest on a full ring: discard unread records, but only when the consumer holds none
// (rel == rd). Held slots are views someone may be reading and are never overwritten; then the
// new records are refused instead (false). Returns true when the caller should look again.
bool Ring::discard_oldest(uint64_t h, uint64_t want) {
  uint64_t r = rd_.load(std::memory_order_acquire);
  uint64_t rl = rel_.load(std::memory_order_acquire);
  if (rl != r || r >= h) return false;
  uint64_t k = std::min(want, h - r);
  // rd only grows, so a successful exchange means rd (and with it rel, since rel <= rd and rel
  // was r) stayed r throughout: nobody held a slot when the records were discarded.
  if (!rd_.compare_exchange_strong(r, r + k, std::memory_order_acq_rel)) return true;  // the consumer took them
  uint64_t expected = r;
  // May fail when the consumer has meanwhile taken and released later records (rel moved past
  // ours, which frees the discarded slots too).
  rel_.compare_exchange_strong(expected, r + k, std::memory_order_acq_rel);
  dropped_oldest_.fetch_add(static_cast<int64_t>(k), std::memory_order_relaxed);
  rel_cache_ = rel_.load(std::memory_order_acquire);
  return true;
}

void Ring::wake_consumer(uint64_t h) {
  if (wake_at_.load(std::memory_order_seq_cst) <= h) {
    { std::lock_guard<std::mutex> lk(wait_mu_); }  // the waiter is either before its check or asleep
    consumer_cv_.notify_all();
  }
}

// ---- consumer -----------------------------------------------------------------------------------

int64_t Ring::wait(int64_t min_count, double timeout_s) {
  if (min_count < 0 || static_cast<uint64_t>(min_count) > cap_)
    throw_value("wait: min_count must be in [0, capacity], got " + std::to_string(min_count));
  Deadline deadline = Deadline::of(timeout_s, "wait");
  const uint64_t need = static_cast<uint64_t>(min_count);
  auto ready = [&] { return head_.load(std::memory_order_seq_cst) - rd_.load(std::memory_order_acquire); };
  uint64_t r = ready();
  if (r >= need || timeout_s == 0 || closed()) return static_cast<int64_t>(r);
  std::unique_lock<std::mutex> lk(wait_mu_);
  for (;;) {
    wake_at_.store(rd_.load(std::memory_order_acquire) + need, std::memory_order_seq_cst);
    r = ready();
    if (r >= need || closed()) break;
    if (deadline.forever) {
      consumer_cv_.wait(lk);
    } else if (consumer_cv_.wait_until(lk, deadline.at) == std::cv_status::timeout) {
      r = ready();
      break;
    }
  }
  wake_at_.store(UINT64_MAX, std::memory_order_relaxed);
  return static_cast<int64_t>(r);
}

uint64_t Ring::claim(int64_t max, bool stop_at_wrap, uint64_t* begin) {
  for (;;) {
    uint64_t r = rd_.load(std::memory_order_acquire);
    uint64_t h = head_.load(std::memory_order_acquire);
    if (h <= r) return 0;
    uint64_t m = std::min<uint64_t>(h - r, static_cast<uint64_t>(max));
    if (stop_at_wrap) m = std::min(m, cap_ - r % cap_);
    if (overflow_ != kDropOldest) {  // the consumer is rd's only writer
      rd_.store(r + m, std::memory_order_release);
      *begin = r;
      return m;
    }
    if (rd_.compare_exchange_weak(r, r + m, std::memory_order_acq_rel)) {  // races discard_oldest
      *begin = r;
      return m;
    }
  }
}

int64_t Ring::ready() const noexcept {
  uint64_t r = rd_.load(std::memory_order_acquire);
  return static_cast<int64_t>(head_.load(std::memory_order_acquire) - r);
}

Batch* Ring::take(int64_t max, bool stop_at_wrap) {
  if (max <= 0) return nullptr;
  auto b = std::make_unique<Batch>(Batch{this, 0, 0});
  std::lock_guard<std::mutex> lk(held_mu_);
  uint64_t begin = 0;
  uint64_t m = claim(max, stop_at_wrap, &begin);
  if (m == 0) return nullptr;
  try {
    held_.push_back(b.get());
  } catch (...) {
    rd_.store(begin, std::memory_order_release);  // nobody else moves rd while we hold [begin, ..)
    throw;
  }
  b->begin = begin;
  b->end = begin + m;
  popped_.fetch_add(static_cast<int64_t>(m), std::memory_order_relaxed);
  return b.release();
}

void Ring::copy_out(const Batch* b, char* dst) const noexcept {
  uint64_t m = b->end - b->begin;
  uint64_t s = b->begin % cap_;
  uint64_t first = std::min(m, cap_ - s);
  std::memcpy(dst, data_ + s * item_, first * item_);
  if (m > first) std::memcpy(dst + first * item_, data_, (m - first) * item_);
}

void Ring::release(Batch* b) noexcept {
  uint64_t to = 0;
  bool moved = false;
  {
    std::lock_guard<std::mutex> lk(held_mu_);
    b->done = true;
    while (!held_.empty() && held_.front()->done) {
      to = held_.front()->end;
      delete held_.front();
      held_.pop_front();
      moved = true;
    }
  }
  if (!moved) return;
  advance_rel(to);
  if (producer_wake_at_.load(std::memory_order_seq_cst) <= to) {
    { std::lock_guard<std::mutex> lk(wait_mu_); }
    producer_cv_.notify_all();
  }
}

void Ring::advance_rel(uint64_t to) noexcept {
  uint64_t cur = rel_.load(std::memory_order_relaxed);
  // seq_cst: ordered before the load of producer_wake_at_ (the producer stores it, then loads rel_).
  while (cur < to && !rel_.compare_exchange_weak(cur, to, std::memory_order_seq_cst)) {
  }
}

// The block policy: sleeps until the consumer has freed min(need, capacity / 4) slots (at least
// one), the queue is closed or the deadline passes (true: there is space now).
bool Ring::wait_for_space(uint64_t h, uint64_t need, const Deadline& deadline) {
  if (!deadline.forever && Clock::now() >= deadline.at) return false;
  producer_waits_.fetch_add(1, std::memory_order_relaxed);
  const uint64_t slots = std::max<uint64_t>(1, std::min(need, cap_ / 4));
  std::unique_lock<std::mutex> lk(wait_mu_);
  // seq_cst: ordered before the load of rel_ below (release() advances rel_, then loads this)
  producer_wake_at_.store(h - cap_ + slots, std::memory_order_seq_cst);
  for (;;) {
    rel_cache_ = rel_.load(std::memory_order_seq_cst);
    if (h - rel_cache_ <= cap_ - slots || closed()) break;
    if (deadline.forever) {
      producer_cv_.wait(lk);
    } else if (producer_cv_.wait_until(lk, deadline.at) == std::cv_status::timeout) {
      rel_cache_ = rel_.load(std::memory_order_seq_cst);
      break;
    }
  }
  producer_wake_at_.store(UINT64_MAX, std::memory_order_relaxed);
  return h - rel_cache_ < cap_;
}

// ---- any thread ---------------------------------------------------------------------------------

void Ring::close() noexcept {
  closed_.store(true, std::memory_order_seq_cst);
  { std::lock_guard<std::mutex> lk(wait_mu_); }
  consumer_cv_.notify_all();
  producer_cv_.notify_all();
}

int64_t Ring::info(int32_t what) const {
  auto u = [](uint64_t v) { return static_cast<int64_t>(v); };
  switch (what) {
    case kCapacity: return u(cap_);
    case kItemsize: return item_;
    case kReady: {
      uint64_t r = rd_.load(std::memory_order_acquire);
      return u(head_.load(std::memory_order_acquire) - r);
    }
    case kHeld: {
      uint64_t rl = rel_.load(std::memory_order_acquire);
      return u(rd_.load(std::memory_order_acquire) - rl);
    }
    case kPushed: return pushed_.load(std::memory_order_relaxed);
    case kPopped: return popped_.load(std::memory_order_relaxed);
    case kDroppedNewest: return dropped_newest_.load(std::memory_order_relaxed);
    case kDroppedOldest: return dropped_oldest_.load(std::memory_order_relaxed);
    case kProducerWaits: return producer_waits_.load(std::memory_order_relaxed);
    case kClosed: return closed() ? 1 : 0;
    case kOverflowPolicy: return overflow_;
    default: throw_value("queue info: unknown item " + std::to_string(what));
  }
}

}  // namespace cnp::queue
