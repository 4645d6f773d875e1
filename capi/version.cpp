// Versions, errors and warnings.
#include "capi/guard.hpp"

extern "C" {

CNP_API int32_t cnp_version_number(void) { return CNP_VERSION_NUMBER; }

#define CNP_STR2(x) #x
#define CNP_STR(x) CNP_STR2(x)
CNP_API const char* cnp_version_string(void) {
  return CNP_STR(CNP_VERSION_MAJOR) "." CNP_STR(CNP_VERSION_MINOR) "." CNP_STR(CNP_VERSION_PATCH);
}

CNP_API int32_t cnp_abi_version(void) { return CNP_ABI_VERSION; }
CNP_API const char* cnp_last_error(void) { return cnp::last_error_message(); }
CNP_API cnp_status cnp_last_status(void) { return cnp::last_error_status(); }
CNP_API const char* cnp_status_name(cnp_status status) { return cnp::status_name(status); }
CNP_API void cnp_set_warning_handler(cnp_warning_fn fn, void* ctx) { cnp::set_warning_handler(fn, ctx); }

}  // extern "C"
