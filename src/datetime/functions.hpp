// Array-level datetime functions: numpy.datetime_as_string, numpy.isnat and the reductions of
// datetime/timedelta arrays (sum, min, max through the loop registry's methods).
#pragma once
#include <cstdint>

#include "core/array.hpp"
#include "datetime/format.hpp"
#include "reduce/reduce.hpp"

namespace cnp::dt {

// numpy.datetime_as_string: unit kUnitGeneric+1 (kAsStringUnitNone) = the array's own unit, -1 =
// 'auto' (the finest unit that loses nothing, per element), else a unit; zone/offset as
// format_iso; casting: how the array's unit may become `unit` (TypeError "Cannot create a datetime
// string as units 'D' from a NumPy datetime with units 'm' according to the rule 'safe'").
inline constexpr int32_t kAsStringUnitNone = 100;
Array datetime_as_string(const Array& a, int32_t unit, Zone zone, int32_t offset_minutes, int32_t casting);

// numpy.isnat: TypeError "ufunc 'isnat' is only defined for np.datetime64 and np.timedelta64."
Array isnat(const Array& a, Array* out);

// ufunc.reduce for add/multiply/maximum/minimum/fmax/fmin over datetime/timedelta arrays:
// the registry's method for (dtype, dtype) combines the elements (NaT propagating as the loops
// do); empty reductions: add gives 0, the others NumPy's "zero-size array to reduction operation
// maximum which has no identity".
Array reduce_times(ufunc::Id id, const Array& a, const reduce::Axes& ax, const reduce::Opts& o);

}  // namespace cnp::dt
