#include "ufunc/errstate.hpp"

#include <cfenv>
#include <string>

#include "core/error.hpp"

namespace cnp {

namespace {
thread_local cnp_errstate t_state{CNP_FPE_WARN, CNP_FPE_WARN, CNP_FPE_IGNORE, CNP_FPE_WARN};
constexpr int kAll = FE_DIVBYZERO | FE_OVERFLOW | FE_UNDERFLOW | FE_INVALID;

void check_mode(int32_t m) {
  if (m < CNP_FPE_IGNORE || m > CNP_FPE_RAISE) throw_value("invalid floating-point error mode " + std::to_string(m));
}
}  // namespace

cnp_errstate& errstate() noexcept { return t_state; }

void set_errstate(const cnp_errstate& s) {
  check_mode(s.divide);
  check_mode(s.over);
  check_mode(s.under);
  check_mode(s.invalid);
  t_state = s;
}

void fpe_clear() noexcept { std::feclearexcept(kAll); }
int fpe_read() noexcept { return std::fetestexcept(kAll); }

void fpe_report(int flags, const char* where) {
  if (!(flags & kAll)) return;
  const struct {
    int flag;
    int32_t mode;
    const char* what;
  } checks[] = {
      {FE_DIVBYZERO, t_state.divide, "divide by zero"},
      {FE_OVERFLOW, t_state.over, "overflow"},
      {FE_UNDERFLOW, t_state.under, "underflow"},
      {FE_INVALID, t_state.invalid, "invalid value"},
  };
  for (const auto& c : checks) {
    if (!(flags & c.flag) || c.mode == CNP_FPE_IGNORE) continue;
    std::string msg = std::string(c.what) + " encountered in " + where;
    if (c.mode == CNP_FPE_RAISE) throw Error(CNP_ERR_FLOATING_POINT, msg);
    warn(CNP_WARN_RUNTIME, msg);
  }
}

}  // namespace cnp
