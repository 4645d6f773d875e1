// A ufunc is a name, an arity and NumPy's ordered list of typed 1-D loops. The engine
// (execute.cpp) resolves the loop for the operand dtypes, broadcasts, allocates, casts through
// small buffers and hands each loop 1-D strided runs; the loops (kernels_*.cpp) never see N-d.
#pragma once
#include <cstdint>
#include <vector>

#include "core/array.hpp"

namespace cnp::ufunc {

inline constexpr int kMaxArgs = 4;  // nin + nout (clip: 3 + 1, divmod: 2 + 2)

// One 1-D strided loop, like NumPy's PyUFuncGenericFunction: args[0..nin) are the inputs,
// args[nin..nin+nout) the outputs, strides in bytes (0 for a broadcast operand), n elements.
// Pointers may be unaligned: loops load and store through memcpy (see loops.hpp).
// A loop may throw cnp::Error (e.g. integers to negative powers); it signals floating-point
// conditions through the FPU flags (feraiseexcept for the integer cases NumPy reports).
using LoopFn = void (*)(char* const* args, const int64_t* strides, int64_t n, const void* data);

struct Loop {
  int8_t types[kMaxArgs];  // typenums of the inputs then the outputs
  LoopFn fn;
  const void* data = nullptr;
};

// How the engine picks a loop beyond NumPy's linear search over `loops`.
enum class Resolver : uint8_t {
  Default,     // first loop every input casts to safely (NumPy's legacy linear search)
  TrueDivide,  // integer and bool inputs use the float64 loop (NumPy's TrueDivisionTypeResolver)
  Subtract,    // bool - bool is a TypeError with NumPy's message
  Negative,    // -bool is a TypeError with NumPy's message
  Uniform,     // promote the inputs; the loop must take exactly that type (positive, sign, gcd, lcm)
};

// Rough cost per element, for the threading threshold: 1 for memory-bound loops (add, compare),
// larger for transcendental ones.
struct Ufunc {
  const char* name = nullptr;
  int8_t nin = 0, nout = 0;
  Resolver resolver = Resolver::Default;
  int16_t cost = 1;
  std::vector<Loop> loops;
};

// Every ufunc, in one list: X(identifier, nin, nout). The identifier is NumPy's name.
#define CNP_UFUNC_LIST(X) \
  X(add, 2, 1) X(subtract, 2, 1) X(multiply, 2, 1) X(divide, 2, 1) X(floor_divide, 2, 1) \
  X(remainder, 2, 1) X(fmod, 2, 1) X(divmod, 2, 2) X(power, 2, 1) X(float_power, 2, 1) \
  X(negative, 1, 1) X(positive, 1, 1) X(absolute, 1, 1) X(fabs, 1, 1) X(sign, 1, 1) \
  X(reciprocal, 1, 1) X(square, 1, 1) X(sqrt, 1, 1) X(cbrt, 1, 1) \
  X(exp, 1, 1) X(exp2, 1, 1) X(expm1, 1, 1) X(log, 1, 1) X(log2, 1, 1) X(log10, 1, 1) \
  X(log1p, 1, 1) X(logaddexp, 2, 1) X(logaddexp2, 2, 1) \
  X(sin, 1, 1) X(cos, 1, 1) X(tan, 1, 1) X(arcsin, 1, 1) X(arccos, 1, 1) X(arctan, 1, 1) \
  X(arctan2, 2, 1) X(hypot, 2, 1) X(sinh, 1, 1) X(cosh, 1, 1) X(tanh, 1, 1) X(arcsinh, 1, 1) \
  X(arccosh, 1, 1) X(arctanh, 1, 1) X(deg2rad, 1, 1) X(rad2deg, 1, 1) X(degrees, 1, 1) \
  X(radians, 1, 1) \
  X(floor, 1, 1) X(ceil, 1, 1) X(trunc, 1, 1) X(rint, 1, 1) X(clip, 3, 1) \
  X(equal, 2, 1) X(not_equal, 2, 1) X(less, 2, 1) X(less_equal, 2, 1) X(greater, 2, 1) \
  X(greater_equal, 2, 1) X(maximum, 2, 1) X(minimum, 2, 1) X(fmax, 2, 1) X(fmin, 2, 1) \
  X(logical_and, 2, 1) X(logical_or, 2, 1) X(logical_xor, 2, 1) X(logical_not, 1, 1) \
  X(isnan, 1, 1) X(isinf, 1, 1) X(isfinite, 1, 1) X(signbit, 1, 1) X(copysign, 2, 1) \
  X(nextafter, 2, 1) X(spacing, 1, 1) \
  X(bitwise_and, 2, 1) X(bitwise_or, 2, 1) X(bitwise_xor, 2, 1) X(invert, 1, 1) \
  X(left_shift, 2, 1) X(right_shift, 2, 1) X(gcd, 2, 1) X(lcm, 2, 1) X(conjugate, 1, 1)

enum class Id : int16_t {
#define CNP_UFUNC_ENUM(name, nin, nout) name,
  CNP_UFUNC_LIST(CNP_UFUNC_ENUM)
#undef CNP_UFUNC_ENUM
  count_
};
inline constexpr int kCount = static_cast<int>(Id::count_);

// The ufunc table, built once on first use (thread-safe).
const Ufunc& get(Id id);

// Kernel files fill their part of the table (name, nin and nout are preset by the registry): the
// init function sets loops (in NumPy's order), resolver and cost for its ufuncs.
using Table = Ufunc[kCount];
// kernels_arith.cpp: add subtract multiply divide floor_divide remainder fmod divmod power float_power
//   negative positive absolute fabs sign reciprocal square conjugate clip maximum minimum fmax fmin
void init_arith(Table& t);
// kernels_math.cpp: sqrt cbrt exp exp2 expm1 log log2 log10 log1p logaddexp logaddexp2 sin cos tan
//   arcsin arccos arctan arctan2 hypot sinh cosh tanh arcsinh arccosh arctanh deg2rad rad2deg
//   degrees radians floor ceil trunc rint spacing nextafter copysign signbit
void init_math(Table& t);
void init_compare(Table& t);  // kernels_compare.cpp: comparisons, logical_*, isnan/isinf/isfinite
void init_bitwise(Table& t);  // kernels_bitwise.cpp: bitwise_*, invert, shifts, gcd, lcm

}  // namespace cnp::ufunc
