// The process-wide print options (numpy.set_printoptions), read once per printing call.
#pragma once
#include "cnumpy/print.h"

namespace cnp::print {

cnp_printoptions get_options();
void set_options(const cnp_printoptions& o);  // ValueError for out-of-range values
void check_legacy(int32_t legacy);             // ValueError for a value that is not a CNP_LEGACY_*

}  // namespace cnp::print
