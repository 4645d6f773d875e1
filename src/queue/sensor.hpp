// The demo producer (cnp_queue_sensor_*): a native thread pushing simulated sensor readings into
// a queue at a given rate, as a driver or a network thread would. It lives in the library, not in
// examples/, because the Python tests and bench/ffi need a producer that is not Python: without it
// Python could only feed the queue from Python, which measures the GIL rather than the queue.
#pragma once
#include <atomic>
#include <cstdint>
#include <thread>

#include "core/dtype.hpp"
#include "queue/ring.hpp"

namespace cnp::queue {

// The record the sensor writes into a queue of the sensor dtype: 24 bytes,
// {timestamp: int64 ns of CLOCK_MONOTONIC at the push, seq: int64 0, 1, 2, ...,
//  value: float32, sensor: uint16, 2 bytes of zero padding}.
struct SensorRecord {
  int64_t timestamp;
  int64_t seq;
  float value;
  uint16_t sensor;
  uint16_t pad;
};
static_assert(sizeof(SensorRecord) == 24);

// The descriptor of SensorRecord (a borrowed reference, alive for the process).
const Dtype* sensor_dtype();

class Sensor {
 public:
  // Starts the thread. rate_hz: records per second (0: as fast as the queue takes them), pushed
  // `batch` at a time; count: total records (negative: until stopped); close_at_end closes the
  // queue after the last record. The queue's dtype decides what is written (sensor.cpp).
  Sensor(Ring* ring, const Dtype* dtype, double rate_hz, int64_t batch, int64_t count, bool close_at_end);
  ~Sensor();
  // Stops the thread (if running) and returns the number of records the queue accepted.
  int64_t stop();

 private:
  void run() noexcept;
  void fill(char* buf, int64_t first_seq, int64_t n, int64_t now_ns) const;

  Ring* ring_;
  double rate_;
  int64_t batch_, count_;
  bool close_at_end_;
  int kind_;  // what fill() writes
  std::atomic<bool> stop_{false};
  std::atomic<int64_t> accepted_{0};
  std::thread thread_;
};

}  // namespace cnp::queue
