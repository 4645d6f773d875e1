// C entry points of the queue extension (include/cnumpy/queue.h): thin wrappers over src/queue.
#include "cnumpy/queue.h"

#include <memory>

#include "capi/guard.hpp"
#include "core/cast.hpp"
#include "queue/queue_arrays.hpp"
#include "queue/ring.hpp"
#include "queue/sensor.hpp"

using namespace cnp;
using namespace cnp::capi;
namespace qu = cnp::queue;

namespace {
constexpr uint64_t kQueueMagic = 0x6370'6e71'7565'7565ull;   // "cpnqueue"
constexpr uint64_t kSensorMagic = 0x6370'6e73'656e'736full;  // "cpnsenso"
}  // namespace

struct cnp_queue {
  uint64_t magic;
  qu::Ring* ring;      // one reference
  const Dtype* dtype;  // one reference
};

struct cnp_queue_sensor {
  uint64_t magic;
  std::unique_ptr<qu::Sensor> s;
};

namespace {
const cnp_queue* queue_of(const cnp_queue* q) {
  if (!q) throw Error(CNP_ERR_INVALID_HANDLE, "queue handle is NULL");
  if (q->magic != kQueueMagic) throw Error(CNP_ERR_INVALID_HANDLE, "not a valid cnumpy queue handle");
  return q;
}
qu::Ring* ring_of(const cnp_queue* q) { return queue_of(q)->ring; }
cnp_queue_sensor* sensor_of(cnp_queue_sensor* s) {
  if (!s) throw Error(CNP_ERR_INVALID_HANDLE, "sensor handle is NULL");
  if (s->magic != kSensorMagic) throw Error(CNP_ERR_INVALID_HANDLE, "not a valid cnumpy queue sensor handle");
  return s;
}
}  // namespace

extern "C" {

CNP_API cnp_status cnp_queue_create(const cnp_dtype* dtype, int64_t capacity, int32_t overflow, cnp_queue** out) {
  return get(out, [&] {
    const Dtype* d = any_dtype_of(dtype);
    auto box = std::make_unique<cnp_queue>(cnp_queue{kQueueMagic, nullptr, nullptr});
    box->ring = qu::Ring::create(d->itemsize, capacity, overflow);
    box->dtype = dtype_retain(d);
    return box.release();
  });
}

CNP_API void cnp_queue_free(cnp_queue* q) {
  if (!q || q->magic != kQueueMagic) return;
  q->magic = 0;
  q->ring->close();
  q->ring->unref();
  dtype_release(q->dtype);
  delete q;
}

CNP_API cnp_status cnp_queue_push(cnp_queue* q, const void* record) {
  return run([&] { ring_of(q)->push(record, 1, -1.0); });
}

CNP_API cnp_status cnp_queue_push_many(cnp_queue* q, const void* records, int64_t n, double timeout_s, int64_t* pushed) {
  return run([&] {
    int64_t k = ring_of(q)->push(records, n, timeout_s);
    if (pushed) *pushed = k;
  });
}

CNP_API cnp_status cnp_queue_push_array(cnp_queue* q, const cnp_array* records, double timeout_s, int64_t* pushed) {
  return run([&] {
    const cnp_queue* h = queue_of(q);
    qu::Ring* r = h->ring;
    const Array& a = any_array_of(records);
    if (a.dtype()->key != h->dtype->key)
      throw_type("push: the array's dtype " + a.dtype()->text + " is not the queue's dtype " + h->dtype->text);
    int64_t k;
    if (a.c_contiguous()) {
      k = r->push(a.data(), a.size(), timeout_s);
    } else {
      Array c = cast_copy(a, a.dtype(), CNP_ORDER_C);
      k = r->push(c.data(), c.size(), timeout_s);
    }
    if (pushed) *pushed = k;
  });
}

CNP_API cnp_status cnp_queue_wait(cnp_queue* q, int64_t min_count, double timeout_s, int64_t* ready) {
  return get(ready, [&] { return ring_of(q)->wait(min_count, timeout_s); });
}

CNP_API cnp_status cnp_queue_pop(cnp_queue* q, int64_t max, double timeout_s, cnp_array** out) {
  return produce(out, [&] { const cnp_queue* h = queue_of(q);
    return qu::pop_view(*h->ring, h->dtype, max, timeout_s); });
}

CNP_API cnp_status cnp_queue_pop_copy(cnp_queue* q, int64_t max, double timeout_s, cnp_array** out) {
  return produce(out, [&] { const cnp_queue* h = queue_of(q);
    return qu::pop_copy(*h->ring, h->dtype, max, timeout_s); });
}

CNP_API cnp_status cnp_queue_close(cnp_queue* q) {
  return run([&] { ring_of(q)->close(); });
}

CNP_API cnp_status cnp_queue_info(const cnp_queue* q, int32_t what, int64_t* out) {
  return get(out, [&] { return ring_of(q)->info(what); });
}

CNP_API cnp_status cnp_queue_dtype(const cnp_queue* q, cnp_dtype** out) {
  return get(out, [&] { return dtype_retain(queue_of(q)->dtype); });
}

CNP_API cnp_status cnp_queue_sensor_dtype(cnp_dtype** out) {
  return get(out, [&] { return dtype_retain(qu::sensor_dtype()); });
}

CNP_API cnp_status cnp_queue_sensor_start(cnp_queue* q, double rate_hz, int64_t batch, int64_t count,
                                          int32_t close_at_end, cnp_queue_sensor** out) {
  return get(out, [&] {
    auto box = std::make_unique<cnp_queue_sensor>(cnp_queue_sensor{kSensorMagic, nullptr});
    const cnp_queue* h = queue_of(q);
    box->s = std::make_unique<qu::Sensor>(h->ring, h->dtype, rate_hz, batch, count, close_at_end != 0);
    return box.release();
  });
}

CNP_API cnp_status cnp_queue_sensor_stop(cnp_queue_sensor* s, int64_t* pushed) {
  return run([&] {
    int64_t k = sensor_of(s)->s->stop();
    if (pushed) *pushed = k;
  });
}

CNP_API void cnp_queue_sensor_free(cnp_queue_sensor* s) {
  if (!s || s->magic != kSensorMagic) return;
  s->magic = 0;
  delete s;
}

}  // extern "C"
