// C entry points of the array printer and print options: thin wrappers over src/print.
#include "cnumpy/print.h"

#include <cstdlib>

#include "capi/guard.hpp"
#include "print/array_print.hpp"
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

CNP_API void cnp_string_free(char* s) { std::free(s); }

}  // extern "C"
