// The demo sensor thread (sensor.hpp).
#include "queue/sensor.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <ctime>
#include <vector>

#include "core/error.hpp"

namespace cnp::queue {

namespace {
enum Kind { kRecord, kInteger, kFloat32, kFloat64 };

int64_t monotonic_ns() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);  // the clock of Python's time.monotonic_ns()
  return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// A 440 Hz tone at the sample rate (48 kHz when the sensor runs flat out): a signal the audio
// example can resample and a reader can check.
double tone(int64_t n, double rate) {
  double fs = rate > 0 ? rate : 48000.0;
  return 0.5 * std::sin(2.0 * M_PI * 440.0 * std::fmod(static_cast<double>(n), fs) / fs);
}
}  // namespace

const Dtype* sensor_dtype() {
  static const DtypeRef d = [] {
    std::vector<FieldSpec> f(4);
    f[0] = FieldSpec{"timestamp", DtypeRef::borrow(builtin_dtype(CNP_INT64)), 0, false, ""};
    f[1] = FieldSpec{"seq", DtypeRef::borrow(builtin_dtype(CNP_INT64)), 8, false, ""};
    f[2] = FieldSpec{"value", DtypeRef::borrow(builtin_dtype(CNP_FLOAT32)), 16, false, ""};
    f[3] = FieldSpec{"sensor", DtypeRef::borrow(builtin_dtype(CNP_UINT16)), 20, false, ""};
    return make_record(std::move(f), sizeof(SensorRecord), false);
  }();
  return d.get();
}

Sensor::Sensor(Ring* ring, const Dtype* dtype, double rate_hz, int64_t batch, int64_t count, bool close_at_end)
    : ring_(ring), rate_(rate_hz), batch_(batch), count_(count), close_at_end_(close_at_end) {
  if (!(rate_hz >= 0) || !std::isfinite(rate_hz))
    throw_value("sensor: rate_hz must be a finite number >= 0, got " + std::to_string(rate_hz));
  if (batch < 1 || batch > (int64_t(1) << 24)) throw_value("sensor: batch must be in [1, 2**24], got " + std::to_string(batch));
  // -1 and only -1 means "until stopped" (the ABI's rule for optional integers).
  if (count < -1) throw_value("sensor: count must be >= 0 or -1, got " + std::to_string(count));
  const Dtype* d = dtype;
  if (d->itemsize != ring->itemsize()) throw_value("sensor: the dtype does not match the queue's records");
  if (d->key == sensor_dtype()->key) kind_ = kRecord;
  else if (d->typenum == CNP_FLOAT32 && !d->swapped) kind_ = kFloat32;
  else if (d->typenum == CNP_FLOAT64 && !d->swapped) kind_ = kFloat64;
  else if (is_builtin_typenum(d->typenum) && is_integer(d) && !d->swapped) kind_ = kInteger;
  else
    throw_type("sensor: the queue's dtype must be the sensor record (cnp_queue_sensor_dtype), an integer, "
               "float32 or float64 type, got " + d->text);
  if (ring->closed()) throw_value("sensor: the queue is closed");
  ring_->retain();
  try {
    thread_ = std::thread([this] { run(); });
  } catch (...) {
    ring_->unref();
    throw;
  }
}

Sensor::~Sensor() {
  stop();
  ring_->unref();
}

int64_t Sensor::stop() {
  stop_.store(true, std::memory_order_relaxed);
  if (thread_.joinable()) thread_.join();
  return accepted_.load(std::memory_order_relaxed);
}

void Sensor::fill(char* buf, int64_t first, int64_t n, int64_t now_ns) const {
  int64_t item = ring_->itemsize();
  for (int64_t k = 0; k < n; ++k) {
    int64_t seq = first + k;
    char* p = buf + k * item;
    switch (kind_) {
      case kRecord: {
        SensorRecord r{now_ns, seq, static_cast<float>(tone(seq, rate_)), static_cast<uint16_t>(seq % 4), 0};
        std::memcpy(p, &r, sizeof r);
        break;
      }
      case kInteger:  // the low bytes of seq (little-endian, like the native integers)
        std::memcpy(p, &seq, static_cast<size_t>(item));
        break;
      case kFloat32: {
        float v = static_cast<float>(tone(seq, rate_));
        std::memcpy(p, &v, 4);
        break;
      }
      default: {
        double v = tone(seq, rate_);
        std::memcpy(p, &v, 8);
      }
    }
  }
}

void Sensor::run() noexcept {
  try {
    std::vector<char> buf(static_cast<size_t>(batch_ * ring_->itemsize()));
    auto t0 = std::chrono::steady_clock::now();
    const bool block = ring_->overflow() == kBlock;
    int64_t n = 0;
    while (!stop_.load(std::memory_order_relaxed) && (count_ < 0 || n < count_)) {
      int64_t k = count_ < 0 ? batch_ : std::min(batch_, count_ - n);
      if (rate_ > 0) {  // paced by the total so far, so sleep overshoots do not accumulate
        auto due = t0 + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                            std::chrono::duration<double>(static_cast<double>(n) / rate_));
        // in slices, so that stop() is answered within 50 ms even at a rate of one per hour
        while (!stop_.load(std::memory_order_relaxed) && std::chrono::steady_clock::now() < due)
          std::this_thread::sleep_until(std::min(due, std::chrono::steady_clock::now() + std::chrono::milliseconds(50)));
        if (stop_.load(std::memory_order_relaxed)) break;
      }
      fill(buf.data(), n, k, monotonic_ns());
      int64_t put = 0;
      // Under the block policy a full queue makes push wait; short waits keep stop() responsive.
      do {
        if (ring_->closed()) break;
        put += ring_->push(buf.data() + put * ring_->itemsize(), k - put, block ? 0.05 : 0.0);
      } while (block && put < k && !stop_.load(std::memory_order_relaxed));
      accepted_.fetch_add(put, std::memory_order_relaxed);
      if (ring_->closed()) break;
      n += k;
    }
  } catch (...) {
    // push fails only once the queue is closed (a race with close()): the thread just ends.
  }
  if (close_at_end_) ring_->close();
}

}  // namespace cnp::queue
