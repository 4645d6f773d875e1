// C entry points of DLPack exchange: thin wrappers over src/interop.
#include "cnumpy/interop.h"

#include "capi/guard.hpp"
#include "interop/dlpack.hpp"

using namespace cnp;
using namespace cnp::capi;

extern "C" {

CNP_API cnp_status cnp_array_to_dlpack(const cnp_array* a, void** out) {
  return get(out, [&] { return static_cast<void*>(interop::to_dlpack(array_of(a))); });
}

CNP_API cnp_status cnp_array_from_dlpack(void* managed, int32_t writeable, cnp_array** out) {
  return produce(out, [&] {
    if (!managed) throw Error(CNP_ERR_INVALID_HANDLE, "DLManagedTensor pointer is NULL");
    return interop::from_dlpack(static_cast<DLManagedTensor*>(managed), writeable != 0);
  });
}

CNP_API void cnp_dlpack_free(void* managed) {
  auto* m = static_cast<DLManagedTensor*>(managed);
  if (m && m->deleter) m->deleter(m);
}

}  // extern "C"
