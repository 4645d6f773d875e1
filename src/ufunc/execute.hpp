// Calling a ufunc: NumPy's type resolution (NEP 50 weak scalars, the loop tables, casting
// checks), broadcasting of every operand, output allocation, overlap protection, buffered casts,
// the where= mask, threads for large arrays, and the floating-point error check.
#pragma once
#include <array>
#include <cstdint>

#include "core/array.hpp"
#include "ufunc/ufunc.hpp"

namespace cnp::ufunc {

struct Args {
  Array* out[2] = {nullptr, nullptr};  // given outputs (written in place) or nullptr
  const Array* where = nullptr;        // bool mask or nullptr
  const Dtype* dtype = nullptr;        // output dtype or nullptr
  int32_t casting = CNP_CASTING_SAME_KIND;
  int32_t order = CNP_ORDER_K;
};

// Runs ufunc `id` on its nin inputs. Returns the nout results: the given out arrays (same
// buffer) or newly allocated ones. Throws cnp::Error with NumPy's messages.
std::array<Array, 2> call(Id id, const Array* const* inputs, const Args& args = {});

// NumPy 2's result_type for operands that may include Python scalars (NEP 50: a weak scalar
// takes the strongly typed operands' type when its kind is not higher).
const Dtype* common_dtype(int n, const Array* const* arrays);
// An operand in dtype `to`: a Python scalar converted by value (OverflowError for 300 into
// int8), anything else cast (unsafe) unless it already has that dtype.
Array as_dtype(const Array& a, const Dtype* to);
// A 0-d Python-float operand (weak), for rtol/atol-style constants.
Array weak_float(double v);

// The loop a plain call with inputs of these dtypes would use (NumPy's resolvers and linear
// search; TypeError with NumPy's message when there is none).
const Loop& resolve_loop(Id id, const Dtype* const* in);

// One-output shorthands.
Array call1(Id id, const Array& x, const Args& args = {});
Array call2(Id id, const Array& x1, const Array& x2, const Args& args = {});

}  // namespace cnp::ufunc
