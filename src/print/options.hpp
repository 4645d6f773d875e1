// The process-wide print options (numpy.set_printoptions), read once per printing call.
#pragma once
#include "cnumpy/print.h"

namespace cnp::print {

cnp_printoptions get_options();
void set_options(const cnp_printoptions& o);  // ValueError for out-of-range values

}  // namespace cnp::print
