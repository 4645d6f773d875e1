// NumPy's array repr/str (numpy/core/arrayprint.py: array2string, _formatArray, array_repr,
// array_str) over a strided cnumpy Array.
#pragma once
#include <string>

#include "core/array.hpp"

namespace cnp::print {

std::string array_repr(const Array& a);
std::string array_str(const Array& a);

}  // namespace cnp::print
