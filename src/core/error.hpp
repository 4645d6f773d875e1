// Errors inside the library are C++ exceptions carrying a cnp_status and NumPy's message; the capi
// boundary catches them (capi/guard.hpp) and turns them into a status plus cnp_last_error().
#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>

#include "cnumpy/core.h"

namespace cnp {

// One list of statuses and their names, so the enum in the header and the name table cannot drift:
// status.cpp static_asserts every value against the header's enum.
#define CNP_STATUS_MAP(X)        \
  X(CNP_OK, 0)                   \
  X(CNP_ERR_VALUE, 1)            \
  X(CNP_ERR_TYPE, 2)             \
  X(CNP_ERR_INDEX, 3)            \
  X(CNP_ERR_AXIS, 4)             \
  X(CNP_ERR_ZERO_DIVISION, 5)    \
  X(CNP_ERR_LINALG, 6)           \
  X(CNP_ERR_MEMORY, 7)           \
  X(CNP_ERR_OS, 8)               \
  X(CNP_ERR_NOT_IMPLEMENTED, 9)  \
  X(CNP_ERR_OVERFLOW, 10)        \
  X(CNP_ERR_FLOATING_POINT, 11)  \
  X(CNP_ERR_RUNTIME, 12)         \
  X(CNP_ERR_KEY, 13)             \
  X(CNP_ERR_INVALID_HANDLE, 14)  \
  X(CNP_ERR_INTERNAL, 99)

class Error : public std::runtime_error {
 public:
  Error(cnp_status status, const std::string& message) : std::runtime_error(message), status_(status) {}
  cnp_status status() const noexcept { return status_; }

 private:
  cnp_status status_;
};

[[noreturn]] inline void throw_value(const std::string& m) { throw Error(CNP_ERR_VALUE, m); }
[[noreturn]] inline void throw_type(const std::string& m) { throw Error(CNP_ERR_TYPE, m); }
[[noreturn]] inline void throw_index(const std::string& m) { throw Error(CNP_ERR_INDEX, m); }
// NumPy's AxisError text: "axis 2 is out of bounds for array of dimension 2".
[[noreturn]] void throw_axis(int64_t axis, int64_t ndim);

// Normalises a possibly negative axis against ndim, raising NumPy's AxisError.
int64_t normalize_axis(int64_t axis, int64_t ndim);

// Per-thread record of the last failure (what cnp_last_error/cnp_last_status report).
void set_last_error(cnp_status status, const char* message) noexcept;
const char* last_error_message() noexcept;
cnp_status last_error_status() noexcept;
const char* status_name(cnp_status status) noexcept;

// Warnings go to the handler installed by cnp_set_warning_handler (dropped if none).
void warn(int32_t category, const std::string& message);
void set_warning_handler(cnp_warning_fn fn, void* ctx) noexcept;

}  // namespace cnp
