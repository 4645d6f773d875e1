// C entry points of the array printer and print options: thin wrappers over src/print.
#include "cnumpy/print.h"

#include <cstdlib>
#include <string>
#include <vector>

#include "capi/guard.hpp"
#include "print/array_print.hpp"
#include "print/digits.hpp"
#include "print/options.hpp"

using namespace cnp;
using namespace cnp::capi;

extern "C" {

CNP_API cnp_status cnp_get_printoptions(cnp_printoptions* out) {
  return get(out, [] { return print::get_options(); });
}

CNP_API cnp_status cnp_set_printoptions(const cnp_printoptions* options) {
  return run([&] {
    if (!options) throw Error(CNP_ERR_INVALID_HANDLE, "print options pointer is NULL");
    print::set_options(*options);
  });
}

CNP_API cnp_status cnp_array_repr(const cnp_array* a, char** out) {
  return get(out, [&] { return to_c_string(print::array_repr(any_array_of(a))); });
}

CNP_API cnp_status cnp_array_str(const cnp_array* a, char** out) {
  return get(out, [&] { return to_c_string(print::array_str(any_array_of(a))); });
}

CNP_API cnp_status cnp_array2string(const cnp_array* a, const cnp_printoptions* options, const char* separator,
                                    const char* prefix, const char* suffix, const char* const* texts,
                                    int64_t ntexts, char** out) {
  return get(out, [&] {
    const Array& arr = any_array_of(a);
    const cnp_printoptions o = options ? *options : print::get_options();
    std::vector<std::string> t;
    if (texts) {
      if (ntexts < 0) throw Error(CNP_ERR_VALUE, "ntexts must be >= 0");
      t.reserve(static_cast<size_t>(ntexts));
      for (int64_t i = 0; i < ntexts; ++i) t.emplace_back(texts[i] ? texts[i] : "");
    }
    auto str = [](const char* s) { return std::string(s ? s : ""); };
    return to_c_string(print::array2string(arr, o, str(separator), str(prefix), str(suffix), texts ? &t : nullptr));
  });
}

CNP_API cnp_status cnp_format_float_defaults(cnp_format_float_options* out) {
  return get(out, [] {
    cnp_format_float_options o{};
    o.unique = 1;
    o.fractional = 1;
    o.trim = CNP_TRIM_KEEP;
    o.precision = o.pad_left = o.pad_right = o.exp_digits = o.min_digits = -1;
    return o;
  });
}

CNP_API cnp_status cnp_format_float(double value, int32_t typenum, const cnp_format_float_options* options,
                                    char** out) {
  return get(out, [&] {
    if (!options) throw Error(CNP_ERR_INVALID_HANDLE, "format options pointer is NULL");
    const cnp_format_float_options& o = *options;
    // NumPy's argument checks, in its order (format_float_* in arrayprint.py, then dragon4.c)
    auto count = [](int32_t v, const char* name) {
      if (v < -1) throw Error(CNP_ERR_VALUE, std::string(name) + " must be >= 0");
      return static_cast<int>(v);
    };
    print::DragonArgs a;
    a.precision = count(o.precision, "precision");
    a.pad_left = count(o.pad_left, "pad_left");
    if (!o.scientific) a.pad_right = count(o.pad_right, "pad_right");
    if (o.scientific) a.exp_digits = count(o.exp_digits, "exp_digits");
    a.min_digits = count(o.min_digits, "min_digits");
    a.fractional = o.scientific || o.fractional;
    if (!a.fractional && a.precision == 0)
      throw Error(CNP_ERR_VALUE, "precision must be greater than 0 if fractional=False");
    if (a.min_digits > 0 && a.precision > 0 && a.min_digits > a.precision)
      throw Error(CNP_ERR_VALUE, "min_digits must be less than or equal to precision");
    switch (o.trim) {
      case CNP_TRIM_KEEP: a.trim = print::Trim::Keep; break;
      case CNP_TRIM_ZEROS: a.trim = print::Trim::Zeros; break;
      case CNP_TRIM_ONE_ZERO: a.trim = print::Trim::LeaveOneZero; break;
      case CNP_TRIM_POINT: a.trim = print::Trim::DptZeros; break;
      default: throw Error(CNP_ERR_VALUE, "trim must be one of CNP_TRIM_KEEP, CNP_TRIM_ZEROS, CNP_TRIM_ONE_ZERO, CNP_TRIM_POINT");
    }
    a.unique = o.unique != 0;
    if (!a.unique && a.precision < 0) throw Error(CNP_ERR_TYPE, "in non-unique mode `precision` must be supplied");
    a.sign = o.sign != 0;
    print::FloatKind kind;
    switch (typenum) {
      case CNP_FLOAT16: kind = print::FloatKind::Half; break;
      case CNP_FLOAT32: kind = print::FloatKind::Single; break;
      case CNP_FLOAT64: kind = print::FloatKind::Double; break;
      default: throw Error(CNP_ERR_TYPE, "cnp_format_float: typenum must be CNP_FLOAT16, CNP_FLOAT32 or CNP_FLOAT64");
    }
    std::string s = o.scientific ? print::dragon4_scientific(value, kind, a) : print::dragon4_positional(value, kind, a);
    return to_c_string(s);
  });
}

CNP_API void cnp_string_free(char* s) { std::free(s); }

}  // extern "C"
