#include "ufunc/errstate.hpp"

#include <cfenv>
#if defined(__x86_64__)
#include <xmmintrin.h>
#endif
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

#if defined(__x86_64__)
// Float and double arithmetic runs on SSE/AVX, whose flags live in MXCSR; glibc's feraiseexcept
// sets overflow/underflow in the x87 status word. Both use the FE_* bit positions. glibc's
// feclearexcept rewrites the whole x87 environment (fnstenv/fldenv), which costs more than a
// 10-element add, so read both registers directly and clear only what is set.
namespace {
inline unsigned x87_status() noexcept {
  unsigned short sw;
  __asm__ __volatile__("fnstsw %0" : "=am"(sw));
  return sw;
}
}  // namespace
void fpe_clear() noexcept {
  unsigned csr = _mm_getcsr();
  if (csr & kAll) _mm_setcsr(csr & ~static_cast<unsigned>(kAll));
  if (x87_status() & kAll) __asm__ __volatile__("fnclex");
}
int fpe_read() noexcept { return static_cast<int>((_mm_getcsr() | x87_status()) & kAll); }
#else
void fpe_clear() noexcept { std::feclearexcept(kAll); }
int fpe_read() noexcept { return std::fetestexcept(kAll); }
#endif

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
