// Reductions (NumPy's ufunc.reduce machinery for add/multiply/minimum/maximum/logical_and/
// logical_or) and the functions built on them: sum prod min max mean var std ptp all any
// count_nonzero argmin argmax cumsum cumprod. See docs/reduce.md for the summation order.
#pragma once
#include <cstdint>

#include "core/array.hpp"
#include "ufunc/ufunc.hpp"

namespace cnp::reduce {

enum class Op { add, mul, min, max, land, lor };

// The reduction op a ufunc maps to (add, multiply, minimum, maximum, logical_and, logical_or).
bool op_of(ufunc::Id id, Op* op);

// Reduced-axis mask from an axes list (naxes -1 = all), with NumPy's AxisError / duplicate check.
struct Axes {
  bool mask[kMaxDims] = {};
  bool all = false;
};
Axes parse_axes(const int64_t* axes, int32_t naxes, int32_t ndim);

struct Opts {
  const Dtype* dtype = nullptr;     // accumulator/result dtype (nullptr = NumPy's default)
  Array* out = nullptr;             // written with unsafe casting, returned
  bool keepdims = false;
  const Array* initial = nullptr;   // 0-d start value
  const Array* where = nullptr;     // bool mask broadcast to the input
};

// The engine: reduces `a` (already of dtype `acc`, or cast to it) over `ax` with `op`.
// The result has dtype acc (bool for land/lor).
Array reduce(Op op, const Array& a, const Axes& ax, const Dtype* acc, bool keepdims, const Array* initial,
             const Array* where);

Array sum(const Array& a, const Axes& ax, const Opts& o);
Array prod(const Array& a, const Axes& ax, const Opts& o);
Array amin(const Array& a, const Axes& ax, const Opts& o);
Array amax(const Array& a, const Axes& ax, const Opts& o);
Array all(const Array& a, const Axes& ax, const Opts& o);
Array any(const Array& a, const Axes& ax, const Opts& o);
Array mean(const Array& a, const Axes& ax, const Opts& o);
Array var(const Array& a, const Axes& ax, const Opts& o, double ddof, bool take_sqrt);
Array ptp(const Array& a, const Axes& ax, const Opts& o);
Array count_nonzero(const Array& a, const Axes& ax, bool keepdims);
// axis < 0 after has_axis=false means None (flattened).
Array arg(bool is_max, const Array& a, bool has_axis, int64_t axis, Array* out, bool keepdims);
Array accumulate(bool is_prod, const Array& a, bool has_axis, int64_t axis, const Dtype* dtype, Array* out);

// NumPy's checks of a reduction's out operand against the input and the reduced axes (its
// messages name the ufunc: "output parameter for reduction operation add has the wrong number
// of dimensions ...", the remapped-shapes broadcast error, the disabled-reduction error).
void check_out(const char* ufunc_name, const Array& a, const Axes& ax, bool keepdims, const Array* out);

// Writes an accumulation result into `out` (NumPy's shape checks and messages); r if none.
Array accumulate_out(const Array& r, Array* out, bool has_axis);

// Writes a reduction result into `out` (shape-checked, unsafe casting) and returns out; r if none.
Array to_out(Array r, Array* out);

// NumPy's reduce inner loop for one run: *o = *o op in[0..n) (pairwise for float add), o and in
// of dtype `typenum`.
void reduce_segment(Op op, int32_t typenum, char* o, const char* in, int64_t n, int64_t stride);

// NumPy's pairwise summation (exposed for the tests).
double pairwise_sum_f64(const double* a, int64_t n, int64_t stride_bytes);

}  // namespace cnp::reduce
