// The object dtype's hooks and fill (include/cnumpy/core.h, docs/object-dtype.md).
#include "capi/guard.hpp"
#include "core/objects.hpp"

using namespace cnp;
using namespace cnp::capi;

namespace cnp::capi {
void refuse_objects() { throw_type("cnumpy: this function does not support arrays of dtype('O')"); }
}  // namespace cnp::capi

extern "C" {

CNP_API cnp_status cnp_set_object_hooks(cnp_object_refs_fn incref, cnp_object_refs_fn decref, void* ctx) {
  return run([&] { set_object_hooks(incref, decref, ctx); });
}

CNP_API cnp_status cnp_object_live(int64_t* out) {
  return get(out, [&] { return objects_live(); });
}

CNP_API cnp_status cnp_object_fill(cnp_array* array, void* object) {
  return run([&] { fill_objects(object_array_of(array), object); });
}

}  // extern "C"
