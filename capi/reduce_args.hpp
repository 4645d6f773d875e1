// Argument translation shared by the reduction and statistics entry points.
#pragma once
#include "capi/guard.hpp"
#include "reduce/reduce.hpp"

namespace cnp::capi {

inline reduce::Opts opts(const cnp_dtype* dtype, cnp_array* out, int32_t keepdims, const cnp_array* initial, const cnp_array* where) {
  reduce::Opts o;
  o.dtype = opt_dtype(dtype);
  o.out = opt_out(out);
  o.keepdims = keepdims != 0;
  o.initial = opt_array(initial);
  o.where = opt_array(where);
  return o;
}

// One optional axis (naxes -1 = None).
inline bool single_axis(const int64_t* axes, int32_t naxes, int64_t* axis) {
  if (naxes < 0 || !axes) return false;
  if (naxes != 1) throw Error(CNP_ERR_TYPE, "'tuple' object cannot be interpreted as an integer");
  *axis = axes[0];
  return true;
}

}  // namespace cnp::capi
