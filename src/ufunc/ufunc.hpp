// A ufunc is a name, an arity and NumPy's ordered list of typed 1-D loops. The engine
// (execute.cpp) resolves the loop for the operand dtypes, broadcasts, allocates, casts through
// small buffers and hands each loop 1-D strided runs; the loops (kernels_*.cpp) never see N-d.
#pragma once
#include <cstdint>
#include <vector>

#include "core/array.hpp"
#include "ufunc/declarations.hpp"

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

// NumPy's ufunc.identity (the identity column of declarations.hpp). `reorderable`: no identity,
// but a reduction may take several axes at once (maximum, minimum, fmax, fmin).
enum class Identity : uint8_t { none, reorderable, zero, one, minus_one, minus_inf, false_, true_ };

// The kernel file that fills a ufunc's loops (the kernels column of declarations.hpp).
// `registry`: no numeric loops at all; every loop is a method of the loop registry (isnat: the
// datetime module's methods, and a catch-all one giving NumPy's TypeError for other inputs).
enum class Kernels : uint8_t { arith, math, compare, bitwise, float_parts, registry };

// One entry of the table: the declaration's columns, then what the kernel file fills in (loops,
// and cost: the rough cost per element for the threading threshold, 1 for memory-bound loops
// such as add or compare, larger for transcendental ones).
struct Ufunc {
  const char* name = nullptr;
  int8_t nin = 0, nout = 0;
  Resolver resolver = Resolver::Default;
  Identity identity = Identity::none;
  Kernels kernels = Kernels::arith;
  const char* summary = nullptr;
  int16_t cost = 1;
  std::vector<Loop> loops;
  // Some loop takes an integer input next to a floating one (ldexp: 'fi->f'), set by the
  // registry from the loops: a Python int there is matched by value, not by the float type NEP 50
  // gives it next to a float array (execute.cpp resolve).
  bool int_beside_float = false;
};

enum class Id : int16_t {
#define CNP_UFUNC_ENUM(name, nin, nout, identity, resolver, kernels, summary) name,
  CNP_UFUNC_LIST(CNP_UFUNC_ENUM)
#undef CNP_UFUNC_ENUM
  count_
};
inline constexpr int kCount = static_cast<int>(Id::count_);
// The public ufuncs (NumPy's ufunc objects) come first in Id order, the umath-only ones after.
inline constexpr int kPublicCount = 0
#define CNP_UFUNC_COUNT(...) +1
    CNP_UFUNC_PUBLIC(CNP_UFUNC_COUNT);
#undef CNP_UFUNC_COUNT

// NumPy's aliases (CNP_UFUNC_ALIASES) in declaration order: the alias and the ufunc it names.
struct Alias {
  const char* name;
  Id id;
};
inline constexpr Alias kAliases[] = {
#define CNP_UFUNC_ALIAS(alias, target) {#alias, Id::target},
    CNP_UFUNC_ALIASES(CNP_UFUNC_ALIAS)
#undef CNP_UFUNC_ALIAS
};
inline constexpr int kAliasCount = static_cast<int>(sizeof(kAliases) / sizeof(kAliases[0]));

// The declared arity, at compile time (capi/ufunc.cpp checks each entry point against it).
inline constexpr int8_t kNin[] = {
#define CNP_UFUNC_NIN(name, nin, ...) nin,
    CNP_UFUNC_LIST(CNP_UFUNC_NIN)
#undef CNP_UFUNC_NIN
};
inline constexpr int8_t kNout[] = {
#define CNP_UFUNC_NOUT(name, nin, nout, ...) nout,
    CNP_UFUNC_LIST(CNP_UFUNC_NOUT)
#undef CNP_UFUNC_NOUT
};
inline constexpr const char* kNames[] = {
#define CNP_UFUNC_NAME(name, ...) #name,
    CNP_UFUNC_LIST(CNP_UFUNC_NAME)
#undef CNP_UFUNC_NAME
};

namespace detail {
constexpr bool same(const char* a, const char* b) {
  while (*a && *a == *b) ++a, ++b;
  return *a == *b;
}
}  // namespace detail

// Whether the C entry point `cname` ("cnp_add", "cnp_abs") is the ufunc id under its own name or
// one of its declared aliases, with nin inputs and nout outputs.
constexpr bool entry_point_matches(const char* cname, Id id, int nin, int nout) {
  const int i = static_cast<int>(id);
  if (kNin[i] != nin || kNout[i] != nout) return false;
  if (!(cname[0] == 'c' && cname[1] == 'n' && cname[2] == 'p' && cname[3] == '_')) return false;
  if (detail::same(cname + 4, kNames[i])) return true;
  for (const Alias& a : kAliases)
    if (a.id == id && detail::same(cname + 4, a.name)) return true;
  return false;
}

// NumPy's identity value as a scalar (bool for logical_and/or/xor, int64 or float64 otherwise);
// false for none and reorderable. Used by the reductions and handed to Python.
bool identity_value(Identity identity, cnp_scalar* out);

// The ufunc table, built once on first use (thread-safe).
const Ufunc& get(Id id);

// Kernel files fill their part of the table (the registry presets the declaration's columns):
// each init function sets loops (in NumPy's order) and cost for exactly the ufuncs whose kernels
// column names its file (the registry checks it), and nothing else.
using Table = Ufunc[kCount];
void init_arith(Table& t);    // kernels_arith.cpp
void init_math(Table& t);     // kernels_math.cpp
void init_compare(Table& t);  // kernels_compare.cpp
void init_bitwise(Table& t);  // kernels_bitwise.cpp
void init_float_parts(Table& t);  // kernels_float_parts.cpp

}  // namespace cnp::ufunc
