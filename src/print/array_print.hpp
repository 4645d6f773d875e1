// NumPy's array repr/str (numpy/core/arrayprint.py: array2string, _formatArray, array_repr,
// array_str) over a strided cnumpy Array.
#pragma once
#include <string>
#include <vector>

#include "cnumpy/print.h"

#include "core/array.hpp"

namespace cnp::print {

std::string array_repr(const Array& a);

// NumPy's array2string(a, ...) with per-call options (legacy off). texts: NULL, or one ready-made
// text per shown element (all elements, or the corners of a summarised array, in C order of
// NumPy's _leading_trailing(a)) printed instead of the dtype's own format (formatter=, masked
// items); the layout is the same.
std::string array2string(const Array& a, const cnp_printoptions& o, const std::string& separator,
                         const std::string& prefix, const std::string& suffix,
                         const std::vector<std::string>* texts = nullptr);
std::string array_str(const Array& a);

}  // namespace cnp::print
