#include "core/error.hpp"

#include <atomic>
#include <cstring>
#include <mutex>

namespace cnp {

#define CNP_CHECK_STATUS(name, value) static_assert(name == value, #name " drifted from the header");
CNP_STATUS_MAP(CNP_CHECK_STATUS)
#undef CNP_CHECK_STATUS

namespace {
// Trivially destructible thread-locals only: a std::string here made the first error on each
// thread register a TLS destructor, an allocation whose failure aborts the process inside glibc.
// Messages longer than the buffer are cut (with "...").
constexpr size_t kMessageCap = 4096;
thread_local char t_message[kMessageCap];
thread_local cnp_status t_status = CNP_OK;

std::mutex g_warn_mutex;
cnp_warning_fn g_warn_fn = nullptr;
void* g_warn_ctx = nullptr;
}  // namespace

void throw_axis(int64_t axis, int64_t ndim) {
  throw Error(CNP_ERR_AXIS, "axis " + std::to_string(axis) + " is out of bounds for array of dimension " +
                                std::to_string(ndim));
}

int64_t normalize_axis(int64_t axis, int64_t ndim) {
  if (axis < -ndim || axis >= ndim) throw_axis(axis, ndim);
  return axis < 0 ? axis + ndim : axis;
}

void set_last_error(cnp_status status, const char* message) noexcept {
  t_status = status;
  if (!message) message = "";
  size_t n = std::strlen(message);
  if (n < kMessageCap) {
    std::memmove(t_message, message, n + 1);
  } else {
    std::memmove(t_message, message, kMessageCap - 4);
    std::memcpy(t_message + kMessageCap - 4, "...", 4);
  }
}

const char* last_error_message() noexcept { return t_message; }
cnp_status last_error_status() noexcept { return t_status; }

const char* status_name(cnp_status status) noexcept {
  switch (status) {
#define CNP_NAME_CASE(name, value) \
  case value:                      \
    return #name;
    CNP_STATUS_MAP(CNP_NAME_CASE)
#undef CNP_NAME_CASE
    default:
      return "CNP_UNKNOWN";
  }
}

void set_warning_handler(cnp_warning_fn fn, void* ctx) noexcept {
  std::lock_guard<std::mutex> lock(g_warn_mutex);
  g_warn_fn = fn;
  g_warn_ctx = ctx;
}

void warn(int32_t category, const std::string& message) {
  cnp_warning_fn fn;
  void* ctx;
  {
    std::lock_guard<std::mutex> lock(g_warn_mutex);
    fn = g_warn_fn;
    ctx = g_warn_ctx;
  }
  if (fn) fn(category, message.c_str(), ctx);  // outside the lock: the handler may call back into us
}

}  // namespace cnp
