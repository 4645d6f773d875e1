// NumPy's floating-point error state (np.seterr/np.errstate), per thread, and the check that
// turns the FPU flags a ufunc's loops raised into warnings or a FloatingPointError.
#pragma once
#include <cstdint>

#include "cnumpy/ufunc.h"

namespace cnp {

// The calling thread's modes (CNP_FPE_*); defaults divide/over/invalid warn, under ignore.
cnp_errstate& errstate() noexcept;
void set_errstate(const cnp_errstate& s);  // ValueError for an unknown mode

// FPU exception flags (FE_DIVBYZERO | FE_OVERFLOW | FE_UNDERFLOW | FE_INVALID subset).
void fpe_clear() noexcept;
int fpe_read() noexcept;
// Reports raised flags in NumPy's order (divide, over, under, invalid) with NumPy's wording,
// "divide by zero encountered in log": "warn" goes to the warning handler, "raise" throws
// CNP_ERR_FLOATING_POINT. `where` is the ufunc (or "cast") name.
void fpe_report(int flags, const char* where);

}  // namespace cnp
