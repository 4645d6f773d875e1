// Batches of the ring as arrays (queue_arrays.hpp).
#include "queue/queue_arrays.hpp"

#include <algorithm>
#include <string>

#include "core/error.hpp"

namespace cnp::queue {

namespace {
Array empty_of(const Dtype* d) {
  int64_t zero = 0;
  return Array::allocate(d, 1, &zero, CNP_ORDER_C);
}

void release_view(void* /*data*/, void* ctx) noexcept {
  auto* b = static_cast<Batch*>(ctx);
  Ring* r = b->ring;
  r->release(b);
  r->unref();
}

// Validates the arguments and waits for the first record; false when there is nothing to take.
bool prepare(Ring& ring, int64_t max, double timeout_s) {
  if (max < 0) throw_value("pop: max must be >= 0, got " + std::to_string(max));
  Deadline::of(timeout_s, "pop");  // the NaN check, named after the caller
  if (timeout_s != 0) ring.wait(max > 0 ? 1 : 0, timeout_s);
  return max > 0;
}
}  // namespace

Array pop_view(Ring& ring, const Dtype* dtype, int64_t max, double timeout_s) {
  if (!prepare(ring, max, timeout_s)) return empty_of(dtype);
  Array empty = empty_of(dtype);  // allocated first: nothing can fail once a batch is taken, but the view
  Batch* b = ring.take(max, true);
  if (!b) return empty;
  int64_t len = static_cast<int64_t>(b->end - b->begin);
  ring.retain();  // for the view: the ring outlives every batch handed out
  try {
    Array a = Array::wrap(const_cast<char*>(ring.data_of(b)), dtype, 1, &len, nullptr, false, &release_view, b);
    return a;
  } catch (...) {  // the deleter was not called: release here (the records are lost to the consumer)
    ring.release(b);
    ring.unref();
    throw;
  }
}

Array pop_copy(Ring& ring, const Dtype* dtype, int64_t max, double timeout_s) {
  if (!prepare(ring, max, timeout_s)) return empty_of(dtype);
  // The copy is allocated before anything is taken, so a failed allocation loses no record.
  int64_t want = std::min(ring.ready(), max);
  if (want == 0) return empty_of(dtype);
  Array out = Array::allocate(dtype, 1, &want, CNP_ORDER_C);
  Batch* b = ring.take(want, false);  // at most want: only this thread takes records
  if (!b) return empty_of(dtype);
  int64_t len = static_cast<int64_t>(b->end - b->begin);
  ring.copy_out(b, out.data());
  ring.release(b);
  if (len == want) return out;
  // drop-oldest discarded some records between the count and the take
  return out.view(1, &len, out.strides(), out.data());
}

}  // namespace cnp::queue
