// The one place where C++ meets the C ABI: every entry point runs its body through run()/produce(),
// which catch every exception and turn it into a status plus cnp_last_error(), and validate handles
// so that NULL or foreign pointers become errors instead of crashes.
#pragma once
#include <cerrno>
#include <initializer_list>
#include <memory>
#include <new>
#include <stdexcept>
#include <utility>

#include "cnumpy/core.h"
#include "core/array.hpp"
#include "core/dtype.hpp"
#include "core/error.hpp"

namespace cnp::capi {

inline cnp_status fail(cnp_status status, const char* message) noexcept {
  set_last_error(status, message);
  return status;
}

// libm calls inside the library (pow, exp, ...) may set errno; a C caller (CPython's complex
// abs, say) that checks errno after its own math must not see ours, so errno is restored.
struct ErrnoKeeper {
  int saved = errno;
  ~ErrnoKeeper() { errno = saved; }
};

template <class F>
cnp_status run(F&& body) noexcept {
  ErrnoKeeper keep_errno;
  try {
    body();
    return CNP_OK;
  } catch (const Error& e) {
    return fail(e.status(), e.what());
  } catch (const std::bad_alloc&) {
    return fail(CNP_ERR_MEMORY, "Unable to allocate memory");
  } catch (const std::length_error&) {  // a container asked for more than max_size()
    return fail(CNP_ERR_VALUE,
                "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
  } catch (const std::exception& e) {
    return fail(CNP_ERR_INTERNAL, e.what());
  } catch (...) {
    return fail(CNP_ERR_INTERNAL, "unknown internal error");
  }
}

template <class T>
T* require_out(T* out) {
  if (!out) throw Error(CNP_ERR_INVALID_HANDLE, "output pointer is NULL");
  return out;
}

inline const Array& array_of(const cnp_array* h) {
  if (!h) throw Error(CNP_ERR_INVALID_HANDLE, "array handle is NULL");
  if (h->magic != kArrayMagic) throw Error(CNP_ERR_INVALID_HANDLE, "not a valid cnumpy array handle");
  return h->a;
}
inline Array& array_of(cnp_array* h) { return const_cast<Array&>(array_of(static_cast<const cnp_array*>(h))); }
// An optional array argument: NULL means "not given".
inline const Array* opt_array(const cnp_array* h) { return h ? &array_of(h) : nullptr; }

inline const Dtype* dtype_of(const cnp_dtype* d) {
  if (!d) throw Error(CNP_ERR_INVALID_HANDLE, "dtype handle is NULL");
  if (d->magic != kDtypeMagic) throw Error(CNP_ERR_INVALID_HANDLE, "not a valid cnumpy dtype handle");
  return d;
}
// An optional dtype: NULL means the function's NumPy default (the callee decides).
inline const Dtype* opt_dtype(const cnp_dtype* d) { return d ? dtype_of(d) : nullptr; }

// Another reference to the same handle (cnp_array_retain, astype without copy).
inline cnp_array* retain_handle(const cnp_array* h) {
  cnp_array* m = const_cast<cnp_array*>(h);
  m->refs.fetch_add(1, std::memory_order_relaxed);
  return m;
}

inline cnp_array* new_handle(Array&& a) {
  auto* h = new cnp_array{kArrayMagic, {1}, std::move(a)};
  return h;
}

// Runs a body that returns an Array and hands it out as a new handle (NULL on failure).
template <class F>
cnp_status produce(cnp_array** out, F&& body) noexcept {
  if (out) *out = nullptr;
  return run([&] {
    require_out(out);  // before the body: a result with nowhere to go would leak
    // The handle is allocated before the body runs: once the body has built its result (which
    // may own a caller's memory and deleter, as cnp_array_wrap's does), nothing can fail, so a
    // failed call never runs a deleter the caller still expects to own.
    std::unique_ptr<cnp_array> h(new cnp_array{kArrayMagic, {1}, Array()});
    h->a = body();
    *out = h.release();
  });
}

// Hands several results out at once (functions with more than one array out-parameter): every
// handle is allocated before any out-parameter is written, so a failure leaks nothing and leaves
// the outs NULL. Pairs whose out is NULL (a result not requested) are skipped.
inline void hand_out(std::initializer_list<std::pair<cnp_array**, Array*>> results) {
  std::unique_ptr<cnp_array> boxes[8];
  size_t n = 0;
  for (const auto& r : results)
    if (r.first) boxes[n++].reset(new cnp_array{kArrayMagic, {1}, Array()});
  n = 0;
  for (const auto& r : results)
    if (r.first) {
      boxes[n]->a = std::move(*r.second);
      *r.first = boxes[n++].release();
    }
}

// For getters: writes *out only on success.
template <class T, class F>
cnp_status get(T* out, F&& body) noexcept {
  return run([&] {
    require_out(out);
    *out = body();
  });
}

}  // namespace cnp::capi
