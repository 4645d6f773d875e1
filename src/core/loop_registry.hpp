// The one registry from (operation, input descriptors) to a strided loop plus per-call data:
// NumPy's ArrayMethod (NEP 42/43). docs/dtypes.md, "The loop registry", says how a module adds
// its loops.
//
// An operation is a number: the ufuncs use their ufunc::Id (declarations.hpp), other operations
// take numbers from kOpFirstExtra on. For each operation the registry holds methods, each for one
// signature of DType classes (the class of a descriptor: NumPy's DType, e.g. "unicode" for every
// <U3/>U12, "number" for the builtin numbers). A call finds the first method whose signature
// matches its inputs' classes, then asks the method to resolve: from the actual descriptors the
// method computes the descriptors it runs on (outputs included) and picks its loop and the data
// that loop needs for this call (string widths, byte order, datetime unit factors).
//
// The builtin numbers are one "legacy" method per ufunc (NumPy's legacy wrapping ArrayMethod):
// NumPy's ordered list of typed loops with its linear search and type resolvers, which the ufunc
// engine runs on its fast path (src/ufunc/execute.cpp); the reductions take their loops from the
// same method.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/dtype.hpp"

namespace cnp {

inline constexpr int kMaxLoopArgs = 4;  // nin + nout (ufunc::kMaxArgs)

// A 1-D strided loop (ufunc.hpp's LoopFn): args[0..nin) inputs, then outputs; byte strides;
// `data`: the method's static data or the per-call data of the resolved loop.
using StridedFn = void (*)(char* const* args, const int64_t* strides, int64_t n, const void* data);

// NumPy's DType classes as the registry matches them. `number` is every builtin numeric type
// (bool through complex128, either byte order): the legacy methods take them all and resolve the
// exact loop by type number.
enum class DClass : uint8_t { number, bytes, unicode, datetime, timedelta, void_, any };
DClass dclass_of(const Dtype* d);
// NumPy's spelling of the class of d in dispatch errors: "numpy.dtype[str_]", "numpy.dtype[int64]".
std::string dclass_name(const Dtype* d);

// A method resolved for one call: the loop, its data and the descriptors it runs on.
struct ResolvedLoop {
  StridedFn fn = nullptr;
  const void* data = nullptr;
  std::shared_ptr<const void> per_call;  // owns `data` when the method made it for this call
  DtypeRef descrs[kMaxLoopArgs];          // inputs (as the loop reads them) then outputs
};

struct Method;
// NumPy's resolve_descriptors + get_strided_loop: from the given descriptors (the inputs', then
// the outputs' where the caller fixes them, as a cast does) fills r: every operand's descriptor
// and the loop with its data. Throws NumPy's error when the descriptors are refused.
using ResolveFn = void (*)(const Method& m, const Dtype* const* in, ResolvedLoop& r);

struct Method {
  const char* name = "";
  int8_t nin = 0, nout = 0;
  DClass sig[kMaxLoopArgs] = {};  // the inputs' (then outputs') classes; DClass::any matches all
  ResolveFn resolve = nullptr;    // nullptr for a legacy method
  const void* data = nullptr;     // static data for resolve (a legacy method: its ufunc::Ufunc)
  // NumPy's entry in ufunc.types for this method ("M->?"), listed after the numeric loops; only
  // for ufuncs whose loops are all registry methods (isnat). nullptr: not listed.
  const char* types = nullptr;
  bool legacy() const { return resolve == nullptr; }
};

inline constexpr int32_t kOpFirstExtra = 1024;  // operation numbers past the ufuncs
// Casts: methods of one input and one output whose signature names both classes (from, to);
// they are looked up and resolved with both descriptors given (any_cast_loop, cast_any.cpp).
inline constexpr int32_t kOpCast = kOpFirstExtra;
// Sorting (sort, argsort, partition, searchsorted, unique, isin, lexsort, argmax/argmin of the
// descriptors the numeric kernels do not know): methods of one input whose `data` is a
// sorting::SortMethod (src/sort/methods.hpp), chosen by the input's DType class.
inline constexpr int32_t kOpSort = kOpFirstExtra + 1;

class LoopRegistry {
 public:
  // Adds m to operation op; methods are tried in the order they were added.
  void add(int32_t op, const Method& m);
  // The first method of op whose signature matches the classes of `given`: its n descriptors are
  // the inputs (n == nin) or the inputs then the outputs (n == nin + nout: casts). nullptr: none.
  const Method* find(int32_t op, const Dtype* const* given, int n) const;
  // The legacy (builtin numbers) method of op, or nullptr.
  const Method* legacy(int32_t op) const;
  // Every method of op in registration order (empty for an unknown op).
  const std::vector<Method>& methods(int32_t op) const;

 private:
  std::vector<std::vector<Method>> ops_;
};

// The registry, built once on first use (thread-safe): every registration function below runs
// once, in this order. A module adds its function here and to loop_registry.cpp's list.
const LoopRegistry& loop_registry();
void register_ufunc_legacy(LoopRegistry& r);     // src/ufunc/registry.cpp: the numeric loops
void register_string_compare(LoopRegistry& r);   // src/ufunc/string_compare.cpp
void register_casts(LoopRegistry& r);            // src/core/cast_any.cpp
void register_datetime_casts(LoopRegistry& r);   // src/datetime/casts.cpp
void register_datetime_ufuncs(LoopRegistry& r);  // src/datetime/arith.cpp
void register_string_sort(LoopRegistry& r);      // src/sort/string_sort.cpp
void register_datetime_sort(LoopRegistry& r);    // src/datetime/sort.cpp
void register_record_sort(LoopRegistry& r);      // src/sort/record_sort.cpp

}  // namespace cnp
