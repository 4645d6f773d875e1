// Array-level datetime functions: numpy.datetime_as_string and the reductions of
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

// ufunc.reduce for add/multiply/maximum/minimum/fmax/fmin over datetime/timedelta arrays, as
// NumPy 1.24: the registry's method resolved for (out or input, input) gives the accumulator;
// dtype= names a DType only (a unit is NumPy's TypeError; add/multiply ignore it); initial=
// converted as NumPy's setitem does (strings parsed, Python ints raw, same-kind scalars under
// 'same_kind', other numbers cast raw); where= with initial or add's identity (0, unless
// skip_identity: ufunc.reduce's initial=None); empty reductions without a start: NumPy's
// "zero-size array to reduction operation maximum which has no identity". out= gets the result
// by an unsafe cast.
Array reduce_times(ufunc::Id id, const Array& a, const reduce::Axes& ax, const reduce::Opts& o,
                   bool skip_identity = false);

}  // namespace cnp::dt
