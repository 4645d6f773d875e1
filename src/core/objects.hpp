// The object dtype's references (docs/object-dtype.md). Object items are moved as plain 8-byte
// items inside a call; the references are settled here, once, where a call hands an object array
// out (settle_new), writes into one (ObjectWrites, store_object) or frees one (drop_buffer_refs).
#pragma once
#include <cstdint>
#include <vector>

#include "core/array.hpp"

namespace cnp {

// The one object descriptor (immortal).
const Dtype* object_dtype();
inline bool is_object(const Dtype* d) { return d->kind == 'O'; }
// TypeError when no hooks are installed (nothing may make an object array then).
void require_object_hooks();
bool set_object_hooks(cnp_object_refs_fn incref, cnp_object_refs_fn decref, void* ctx);
int64_t objects_live();

// incref / decref the non-NULL pointers among n (batched; the hooks never see NULL).
void objects_incref(void* const* p, int64_t n);
void objects_decref(void* const* p, int64_t n);

// A fresh object array about to be handed out: if its buffer does not own its references yet,
// every non-NULL slot is incref'd and the buffer becomes an owner (its free decrefs them).
void settle_new(const Array& a);
// Called by Array's release for an owning buffer: decrefs every non-NULL slot.
void drop_buffer_refs(Buffer* b) noexcept;

// A write into an existing object array: the slots of `target`'s byte extent are copied at
// construction; the destructor (success or failure) increfs their new contents and then decrefs
// the copy. Only writes inside that extent are accounted for.
class ObjectWrites {
 public:
  explicit ObjectWrites(const Array& target);
  ~ObjectWrites();
  ObjectWrites(const ObjectWrites&) = delete;
  ObjectWrites& operator=(const ObjectWrites&) = delete;

 private:
  void** slots_ = nullptr;
  std::vector<void*> old_;
};

// One slot: stores `object` (a new reference) and drops the one it replaces.
void store_object(char* slot, void* object);
// Every element of an object array becomes `object`.
void fill_objects(Array& a, void* object);

}  // namespace cnp
