// The record queue through its C ABI (include/cnumpy/queue.h): ordering, the wrap-around and
// lifetime rules of popped views, the overflow policies and their counters, close while waiting,
// record dtypes, the demo sensor, argument errors. The long randomised run is tests/queue/
// stress_queue.cpp (also under ThreadSanitizer); these run under valgrind too ("[queue]").
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstring>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "capi_test_util.hpp"
#include "cnumpy/cnumpy.h"

using capi_test::Handle;

namespace {
struct Queue {
  cnp_queue* q = nullptr;
  Queue(int32_t typenum, int64_t capacity, int32_t policy) {
    cnp_dtype* d = capi_test::dtype(typenum);
    REQUIRE(cnp_queue_create(d, capacity, policy, &q) == CNP_OK);
    cnp_dtype_free(d);
  }
  ~Queue() { cnp_queue_free(q); }
  int64_t info(int32_t what) const {
    int64_t v = -1;
    REQUIRE(cnp_queue_info(q, what, &v) == CNP_OK);
    return v;
  }
  int64_t push(const std::vector<int64_t>& v, double timeout = 0) {
    int64_t n = -1;
    REQUIRE(cnp_queue_push_many(q, v.data(), static_cast<int64_t>(v.size()), timeout, &n) == CNP_OK);
    return n;
  }
  operator cnp_queue*() const { return q; }
};

std::vector<int64_t> range(int64_t a, int64_t b) {
  std::vector<int64_t> v;
  for (int64_t i = a; i < b; ++i) v.push_back(i);
  return v;
}

std::vector<int64_t> values(const cnp_array* a) {
  int64_t n = 0;
  void* p = nullptr;
  REQUIRE(cnp_array_size(a, &n) == CNP_OK);
  REQUIRE(cnp_array_data(a, &p) == CNP_OK);
  std::vector<int64_t> v(static_cast<size_t>(n));
  if (n) std::memcpy(v.data(), p, static_cast<size_t>(n) * 8);
  return v;
}

std::vector<int64_t> pop(cnp_queue* q, int64_t max, double timeout = 0) {
  Handle h;
  REQUIRE(cnp_queue_pop(q, max, timeout, h.out()) == CNP_OK);
  return values(h);
}

std::string last_error() { return cnp_last_error(); }
}  // namespace

TEST_CASE("queue keeps order and hands out read-only views of the ring", "[queue]") {
  Queue q(CNP_INT64, 16, CNP_QUEUE_DROP_NEWEST);
  CHECK(q.push(range(0, 10)) == 10);
  CHECK(q.info(CNP_QUEUE_READY) == 10);
  Handle a;
  REQUIRE(cnp_queue_pop(q, 4, 0, a.out()) == CNP_OK);
  CHECK(values(a) == range(0, 4));
  int32_t flags = 0;
  REQUIRE(cnp_array_flags(a, &flags) == CNP_OK);
  CHECK((flags & CNP_FLAG_WRITEABLE) == 0);
  CHECK(q.info(CNP_QUEUE_HELD) == 4);
  CHECK(pop(q, 100) == range(4, 10));
  // the second batch was freed at once, but its slots wait behind the first batch's
  CHECK(q.info(CNP_QUEUE_HELD) == 10);
  a.out();
  CHECK(q.info(CNP_QUEUE_HELD) == 0);
  CHECK(pop(q, 100).empty());
  CHECK(q.info(CNP_QUEUE_PUSHED) == 10);
  CHECK(q.info(CNP_QUEUE_POPPED) == 10);
}

TEST_CASE("queue views stop at the end of the ring, pop_copy crosses it", "[queue]") {
  Queue q(CNP_INT64, 8, CNP_QUEUE_DROP_NEWEST);
  CHECK(q.push(range(0, 6)) == 6);
  CHECK(pop(q, 6) == range(0, 6));
  CHECK(q.push(range(6, 12)) == 6);  // slots 6, 7, 0, 1, 2, 3
  CHECK(pop(q, 100) == range(6, 8));   // stops at the end of the ring
  CHECK(pop(q, 100) == range(8, 12));  // continues at slot 0
  CHECK(q.push(range(12, 18)) == 6);   // slots 4..7, 0, 1
  Handle c;
  REQUIRE(cnp_queue_pop_copy(q, 100, 0, c.out()) == CNP_OK);
  CHECK(values(c) == range(12, 18));
  CHECK(q.info(CNP_QUEUE_HELD) == 0);
  int32_t flags = 0;
  REQUIRE(cnp_array_flags(c, &flags) == CNP_OK);
  CHECK((flags & CNP_FLAG_WRITEABLE) != 0);
}

TEST_CASE("queue: held views are never overwritten, release in any order", "[queue]") {
  for (int32_t policy : {CNP_QUEUE_DROP_NEWEST, CNP_QUEUE_DROP_OLDEST}) {
    Queue q(CNP_INT64, 8, policy);
    CHECK(q.push(range(0, 8)) == 8);
    Handle a, b, view_of_a;
    REQUIRE(cnp_queue_pop(q, 3, 0, a.out()) == CNP_OK);
    REQUIRE(cnp_queue_pop(q, 3, 0, b.out()) == CNP_OK);
    REQUIRE(cnp_transpose(a, nullptr, 0, view_of_a.out()) == CNP_OK);  // a view of the view
    // full of held and unread records: under drop-oldest the 2 unread ones are discarded first
    // full of held and unread records: even drop-oldest cannot free a slot (the unread ones sit
    // behind held ones), so the new records are refused under both policies
    CHECK(q.push(range(100, 104)) == 0);
    CHECK(q.info(CNP_QUEUE_DROPPED_NEWEST) == 4);
    CHECK(q.info(CNP_QUEUE_DROPPED_OLDEST) == 0);
    b.out();  // released out of order: a still holds the oldest slots, nothing is freed
    CHECK(q.info(CNP_QUEUE_HELD) == 6);
    CHECK(q.push(range(100, 101)) == 0);
    a.out();  // a view of a keeps the batch
    CHECK(q.info(CNP_QUEUE_HELD) == 6);
    CHECK(values(view_of_a) == range(0, 3));
    view_of_a.out();
    CHECK(q.info(CNP_QUEUE_HELD) == 0);
    CHECK(q.push(range(200, 206)) == 6);
    CHECK(pop(q, 100) == range(6, 8));
    CHECK(pop(q, 100) == range(200, 206));
  }
}

TEST_CASE("queue overflow policies and their counters", "[queue]") {
  SECTION("drop newest") {
    Queue q(CNP_INT64, 4, CNP_QUEUE_DROP_NEWEST);
    CHECK(q.push(range(0, 6)) == 4);
    CHECK(q.info(CNP_QUEUE_DROPPED_NEWEST) == 2);
    CHECK(pop(q, 10) == range(0, 4));
  }
  SECTION("drop oldest") {
    Queue q(CNP_INT64, 4, CNP_QUEUE_DROP_OLDEST);
    CHECK(q.push(range(0, 6)) == 6);
    CHECK(q.push(range(6, 7)) == 1);
    CHECK(q.info(CNP_QUEUE_DROPPED_OLDEST) == 3);
    CHECK(q.info(CNP_QUEUE_DROPPED_NEWEST) == 0);
    Handle c;
    REQUIRE(cnp_queue_pop_copy(q, 10, 0, c.out()) == CNP_OK);
    CHECK(values(c) == range(3, 7));
  }
  SECTION("block: a timeout returns what fit, then the consumer makes room") {
    Queue q(CNP_INT64, 4, CNP_QUEUE_BLOCK);
    CHECK(q.push(range(0, 6), 0.01) == 4);
    CHECK(q.info(CNP_QUEUE_DROPPED_NEWEST) == 0);
    CHECK(q.info(CNP_QUEUE_PRODUCER_WAITS) == 1);
    std::thread consumer([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      CHECK(pop(q, 10) == range(0, 4));
    });
    CHECK(q.push(range(4, 8), -1.0) == 4);  // waits for the consumer
    consumer.join();
    CHECK(pop(q, 10) == range(4, 8));
  }
}

TEST_CASE("queue close wakes a waiting consumer and a blocked producer", "[queue]") {
  Queue q(CNP_INT64, 2, CNP_QUEUE_BLOCK);
  std::thread closer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    REQUIRE(cnp_queue_close(q) == CNP_OK);
  });
  Handle h;
  REQUIRE(cnp_queue_pop(q, 10, -1.0, h.out()) == CNP_OK);  // no limit: only close ends it
  CHECK(values(h).empty());
  closer.join();
  CHECK(q.info(CNP_QUEUE_CLOSED) == 1);
  int64_t n = 0;
  int64_t one = 1;
  CHECK(cnp_queue_push_many(q, &one, 1, 0, &n) == CNP_ERR_VALUE);
  CHECK(last_error() == "push: the queue is closed");

  Queue p(CNP_INT64, 2, CNP_QUEUE_BLOCK);
  std::thread closer2([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    REQUIRE(cnp_queue_close(p) == CNP_OK);
  });
  CHECK(p.push(range(0, 5), -1.0) == 2);  // woken by close with 2 of 5 accepted
  closer2.join();
  CHECK(pop(p, 10) == range(0, 2));  // what was pushed before close can still be popped
  int64_t ready = -1;
  REQUIRE(cnp_queue_wait(p, 1, -1.0, &ready) == CNP_OK);  // closed: returns at once
  CHECK(ready == 0);
}

TEST_CASE("queue of records: the sensor dtype and a record made with cnp_dtype_record", "[queue]") {
  cnp_dtype* sd = nullptr;
  REQUIRE(cnp_queue_sensor_dtype(&sd) == CNP_OK);
  int64_t itemsize = 0;
  REQUIRE(cnp_dtype_itemsize(sd, &itemsize) == CNP_OK);
  CHECK(itemsize == 24);
  cnp_queue* q = nullptr;
  REQUIRE(cnp_queue_create(sd, 64, CNP_QUEUE_BLOCK, &q) == CNP_OK);
  cnp_queue_sensor* s = nullptr;
  REQUIRE(cnp_queue_sensor_start(q, 0.0, 7, 100, 1, &s) == CNP_OK);
  int64_t seq = 0;
  for (;;) {
    Handle h;
    REQUIRE(cnp_queue_pop(q, 16, -1.0, h.out()) == CNP_OK);
    int64_t n = 0;
    void* p = nullptr;
    REQUIRE(cnp_array_size(h, &n) == CNP_OK);
    if (n == 0) break;  // closed by the sensor after its 100 records
    REQUIRE(cnp_array_data(h, &p) == CNP_OK);
    for (int64_t k = 0; k < n; ++k) {
      const char* r = static_cast<const char*>(p) + k * 24;
      int64_t got, ts;
      float value;
      uint16_t sensor;
      std::memcpy(&ts, r, 8);
      std::memcpy(&got, r + 8, 8);
      std::memcpy(&value, r + 16, 4);
      std::memcpy(&sensor, r + 20, 2);
      CHECK(got == seq);
      CHECK(sensor == seq % 4);
      CHECK(ts > 0);
      CHECK(std::fabs(value - 0.5 * std::sin(2 * M_PI * 440.0 * seq / 48000.0)) < 1e-6);
      ++seq;
    }
  }
  CHECK(seq == 100);
  int64_t pushed = 0;
  REQUIRE(cnp_queue_sensor_stop(s, &pushed) == CNP_OK);
  CHECK(pushed == 100);
  cnp_queue_sensor_free(s);
  cnp_queue_free(q);

  // a packed record {t: int64, v: float32} of 12 bytes: odd slot addresses are fine
  cnp_dtype* i8 = capi_test::dtype(CNP_INT64);
  cnp_dtype* f4 = capi_test::dtype(CNP_FLOAT32);
  const char* names[] = {"t", "v"};
  const cnp_dtype* types[] = {i8, f4};
  cnp_dtype* rec = nullptr;
  REQUIRE(cnp_dtype_record(2, names, types, nullptr, nullptr, -1, 0, &rec) == CNP_OK);
  REQUIRE(cnp_queue_create(rec, 5, CNP_QUEUE_DROP_NEWEST, &q) == CNP_OK);
  char recs[3 * 12];
  for (int k = 0; k < 3; ++k) {
    int64_t t = k;
    float v = 0.5f * static_cast<float>(k);
    std::memcpy(recs + 12 * k, &t, 8);
    std::memcpy(recs + 12 * k + 8, &v, 4);
  }
  REQUIRE(cnp_queue_push(q, recs) == CNP_OK);
  int64_t n = 0;
  REQUIRE(cnp_queue_push_many(q, recs + 12, 2, 0, &n) == CNP_OK);
  CHECK(n == 2);
  Handle h;
  REQUIRE(cnp_queue_pop(q, 10, 0, h.out()) == CNP_OK);
  cnp_dtype* got = nullptr;
  REQUIRE(cnp_array_dtype(h, &got) == CNP_OK);
  int32_t eq = 0;
  REQUIRE(cnp_dtype_equal(got, rec, &eq) == CNP_OK);
  CHECK(eq == 1);
  void* p = nullptr;
  REQUIRE(cnp_array_data(h, &p) == CNP_OK);
  CHECK(std::memcmp(p, recs, sizeof recs) == 0);
  // push_array: the dtype must match
  Handle wrong;
  capi_test::iota<int64_t>(wrong, CNP_INT64, {3});
  CHECK(cnp_queue_push_array(q, wrong, 0, &n) == CNP_ERR_TYPE);
  CHECK(last_error().find("push: the array's dtype int64 is not the queue's dtype") == 0);
  cnp_dtype_free(got);
  cnp_dtype_free(rec);
  cnp_dtype_free(i8);
  cnp_dtype_free(f4);
  cnp_queue_free(q);  // h still holds a view: the ring lives until it goes
  CHECK(std::memcmp(p, recs, sizeof recs) == 0);
}

TEST_CASE("queue push_array takes any layout in C order", "[queue]") {
  Queue q(CNP_INT64, 32, CNP_QUEUE_DROP_NEWEST);
  Handle a, t;
  capi_test::iota<int64_t>(a, CNP_INT64, {3, 4});
  REQUIRE(cnp_transpose(a, nullptr, 0, t.out()) == CNP_OK);
  int64_t n = 0;
  REQUIRE(cnp_queue_push_array(q, t, 0, &n) == CNP_OK);
  CHECK(n == 12);
  CHECK(pop(q, 100) == std::vector<int64_t>{0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11});
}

TEST_CASE("queue: producer flat out, consumer in random batch sizes, nothing lost or repeated", "[queue]") {
  Queue q(CNP_INT64, 256, CNP_QUEUE_BLOCK);
  cnp_queue_sensor* s = nullptr;
  const int64_t total = 20000;
  REQUIRE(cnp_queue_sensor_start(q, 0.0, 13, total, 1, &s) == CNP_OK);
  std::mt19937 rng(7);
  int64_t expect = 0;
  bool ok = true;
  std::vector<Handle> held(3);
  for (int iter = 0;; ++iter) {
    Handle& h = held[static_cast<size_t>(iter) % 3];  // up to 2 earlier batches stay held
    REQUIRE(cnp_queue_pop(q, 1 + rng() % 300, 0.5, h.out()) == CNP_OK);
    std::vector<int64_t> v = values(h);
    if (v.empty()) {
      int64_t closed = 0;
      REQUIRE(cnp_queue_info(q, CNP_QUEUE_CLOSED, &closed) == CNP_OK);
      if (closed && q.info(CNP_QUEUE_READY) == 0) break;
      for (auto& x : held) x.out();
      continue;
    }
    for (int64_t x : v) ok = ok && x == expect++;
  }
  CHECK(ok);
  CHECK(expect == total);
  cnp_queue_sensor_free(s);
}

TEST_CASE("queue argument errors", "[queue]") {
  cnp_dtype* d = capi_test::dtype(CNP_FLOAT64);
  cnp_queue* q = nullptr;
  CHECK(cnp_queue_create(d, 0, CNP_QUEUE_BLOCK, &q) == CNP_ERR_VALUE);
  CHECK(last_error() == "Queue: capacity must be >= 1, got 0");
  CHECK(q == nullptr);
  CHECK(cnp_queue_create(d, 4, 9, &q) == CNP_ERR_VALUE);
  CHECK(cnp_queue_create(d, int64_t(1) << 40, 0, &q) == CNP_ERR_VALUE);
  CHECK(cnp_queue_create(nullptr, 4, 0, &q) == CNP_ERR_INVALID_HANDLE);
  REQUIRE(cnp_queue_create(d, 4, CNP_QUEUE_DROP_NEWEST, &q) == CNP_OK);
  Handle h;
  CHECK(cnp_queue_pop(q, -1, 0, h.out()) == CNP_ERR_VALUE);
  CHECK(last_error() == "pop: max must be >= 0, got -1");
  CHECK(cnp_queue_pop(q, 1, std::nan(""), h.out()) == CNP_ERR_VALUE);
  CHECK(last_error() == "pop: timeout must be a number, got nan");
  int64_t r = 0;
  CHECK(cnp_queue_wait(q, 5, 0, &r) == CNP_ERR_VALUE);
  CHECK(cnp_queue_push_many(q, nullptr, 2, 0, &r) == CNP_ERR_INVALID_HANDLE);
  CHECK(cnp_queue_push_many(q, &r, -1, 0, &r) == CNP_ERR_VALUE);
  CHECK(cnp_queue_info(q, 99, &r) == CNP_ERR_VALUE);
  CHECK(cnp_queue_pop(nullptr, 1, 0, h.out()) == CNP_ERR_INVALID_HANDLE);
  CHECK(cnp_queue_pop(reinterpret_cast<cnp_queue*>(d), 1, 0, h.out()) == CNP_ERR_INVALID_HANDLE);
  cnp_queue_sensor* s = nullptr;
  CHECK(cnp_queue_sensor_start(q, -1.0, 1, 1, 0, &s) == CNP_ERR_VALUE);
  CHECK(cnp_queue_sensor_start(q, 1.0, 0, 1, 0, &s) == CNP_ERR_VALUE);
  CHECK(s == nullptr);
  cnp_queue_free(q);
  cnp_dtype* c16 = capi_test::dtype(CNP_COMPLEX128);
  REQUIRE(cnp_queue_create(c16, 4, CNP_QUEUE_DROP_NEWEST, &q) == CNP_OK);
  CHECK(cnp_queue_sensor_start(q, 1.0, 1, 1, 0, &s) == CNP_ERR_TYPE);
  cnp_queue_free(q);
  cnp_queue_free(nullptr);
  cnp_queue_sensor_free(nullptr);
  cnp_dtype_free(c16);
  cnp_dtype_free(d);
}
