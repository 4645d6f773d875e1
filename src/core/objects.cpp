// The object dtype's references: the hooks, settling a fresh result, writes into existing object
// arrays and the free of an owning buffer (docs/object-dtype.md has the rules and why they sit at
// the ABI boundary rather than in every data mover).
#include "core/objects.hpp"

#include <atomic>
#include <cstring>
#include <mutex>

#include "core/error.hpp"
#include "core/iter.hpp"

namespace cnp {

namespace {

struct Hooks {
  cnp_object_refs_fn incref = nullptr;
  cnp_object_refs_fn decref = nullptr;
  void* ctx = nullptr;
};
std::mutex g_hooks_mutex;
Hooks g_hooks;
std::atomic<int64_t> g_live{0};  // owning buffers


// Runs of at most kBatch non-NULL references go to a hook at a time (the hooks' contract).
constexpr int64_t kBatch = 4096;

template <class Get>
void batched(cnp_object_refs_fn fn, int64_t n, Get get) noexcept {
  if (!fn) return;
  void* run[kBatch];
  int64_t k = 0;
  for (int64_t i = 0; i < n; ++i) {
    void* p = get(i);
    if (!p) continue;
    run[k++] = p;
    if (k == kBatch) {
      fn(run, k, g_hooks.ctx);
      k = 0;
    }
  }
  if (k) fn(run, k, g_hooks.ctx);
}

}  // namespace

const Dtype* object_dtype() {
  static Dtype d;
  static const bool filled = [] {
    d.magic = kDtypeMagic;
    d.refs.store(1);
    d.immortal = true;
    d.typenum = CNP_OBJECT;
    d.itemsize = static_cast<int64_t>(sizeof(void*));
    d.alignment = static_cast<int64_t>(alignof(void*));
    d.kind = 'O';
    d.chr = 'O';
    d.byteorder = '|';
    finish_spellings(&d);
    return true;
  }();
  (void)filled;
  return &d;
}

void require_object_hooks() {
  if (!g_hooks.incref) throw_type("cnumpy: object arrays need reference hooks (cnp_set_object_hooks)");
}

bool set_object_hooks(cnp_object_refs_fn incref, cnp_object_refs_fn decref, void* ctx) {
  if (!incref != !decref) throw_value("cnumpy: give both object hooks or neither");
  std::lock_guard<std::mutex> lk(g_hooks_mutex);
  if (g_live.load() != 0 && (incref != g_hooks.incref || decref != g_hooks.decref || ctx != g_hooks.ctx))
    throw_value("cnumpy: the object hooks cannot change while object arrays are alive");
  g_hooks = {incref, decref, ctx};
  return true;
}

int64_t objects_live() { return g_live.load(); }

void objects_incref(void* const* p, int64_t n) { batched(g_hooks.incref, n, [p](int64_t i) { return p[i]; }); }
void objects_decref(void* const* p, int64_t n) { batched(g_hooks.decref, n, [p](int64_t i) { return p[i]; }); }

void settle_new(const Array& a) {
  Buffer* b = a.buffer();
  if (!b || !b->objects || b->owns_refs) return;
  void* const* slots = reinterpret_cast<void* const*>(b->base);
  objects_incref(slots, b->nbytes / static_cast<int64_t>(sizeof(void*)));
  b->owns_refs = true;
  g_live.fetch_add(1);
}

void drop_buffer_refs(Buffer* b) noexcept {
  if (!b->owns_refs) return;
  objects_decref(reinterpret_cast<void* const*>(b->base), b->nbytes / static_cast<int64_t>(sizeof(void*)));
  b->owns_refs = false;
  g_live.fetch_sub(1);
}

ObjectWrites::ObjectWrites(const Array& target) {
  if (!is_object(target.dtype()) || target.size() == 0) return;
  int64_t lo, hi;
  if (!byte_extent(target.ndim(), target.shape(), target.strides(), target.itemsize(), &lo, &hi))
    throw_value("cnumpy: object array geometry out of range");
  slots_ = reinterpret_cast<void**>(target.data() + lo);
  const size_t n = static_cast<size_t>((hi - lo) / static_cast<int64_t>(sizeof(void*)));
  old_.assign(slots_, slots_ + n);
}

ObjectWrites::~ObjectWrites() {
  if (!slots_) return;
  // New references first: an object both overwritten and written must not reach zero between.
  objects_incref(slots_, static_cast<int64_t>(old_.size()));
  objects_decref(old_.data(), static_cast<int64_t>(old_.size()));
}

void store_object(char* slot, void* object) {
  void* old;
  std::memcpy(&old, slot, sizeof old);
  objects_incref(&object, 1);
  std::memcpy(slot, &object, sizeof object);
  objects_decref(&old, 1);
}

void fill_objects(Array& a, void* object) {
  if (!is_object(a.dtype())) throw_type("cnumpy: cnp_object_fill needs an object array, not " + a.dtype()->repr);
  a.require_writeable();
  if (a.size() == 0) return;
  ObjectWrites w(a);
  const int64_t* strides[1] = {a.strides()};
  char* bases[1] = {a.data()};
  for_each_run<1>(a.ndim(), a.shape(), strides, bases, [&](char* const* p, const int64_t* s, int64_t n) {
    for (int64_t i = 0; i < n; ++i) std::memcpy(p[0] + i * s[0], &object, sizeof object);
  });
}

}  // namespace cnp
