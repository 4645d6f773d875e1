// The one place where C++ meets the C ABI: every entry point runs its body through run(), get()
// or produce(), which catch every exception and turn it into a status plus cnp_last_error(), and
// validate handles so that NULL or foreign pointers become errors instead of crashes. get() and
// produce() are the only ways results are handed out (see "handing results out" below).
#pragma once
#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <memory>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "cnumpy/core.h"
#include "core/array.hpp"
#include "core/dtype.hpp"
#include "core/error.hpp"
#include "core/objects.hpp"
#include "ufunc/errstate.hpp"

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

// Native copies of byte-swapped inputs made for one entry point (array_of below): kept until the
// outermost run() returns, so the engines' references stay valid for the whole call.
// A byte-swapped array the callee writes into (out=, in-place) is handed to the engine as a
// native copy too; `writebacks` pairs the caller's array with that copy, and the copy's values
// are swapped back into it only when the outermost entry point succeeds (so a failing call writes
// nothing, as NumPy's buffered casts promise).
struct Writeback {
  Array target;
  const Array* native;
};
// The containers are touched only by calls that need them (byte-swapped arrays): the per-call
// state is a plain constant-initialised struct, so entering an entry point costs one TLS address
// and no TLS-initialisation call (a small call's cost is mostly such fixed overhead).
struct ScratchStore {
  std::deque<Array> arrays;
  std::vector<Writeback> writebacks;
};
inline thread_local ScratchStore scratch_store;
struct Scratch {
  int depth = 0;
  bool used = false;  // scratch_store holds something to clear when the outermost call returns
};
inline thread_local Scratch scratch;
struct ScratchScope {
  Scratch& s;
  ScratchScope() : s(scratch) { ++s.depth; }
  ~ScratchScope() {
    if (--s.depth == 0 && s.used) {
      s.used = false;
      scratch_store.writebacks.clear();
      scratch_store.arrays.clear();
    }
  }
};
void write_back_outputs();  // capi/dtype.cpp: the writebacks of a successful call, then none

template <class F>
cnp_status run(F&& body) noexcept {
  ErrnoKeeper keep_errno;
  try {
    ScratchScope scope;
    body();
    if (scope.s.depth == 1 && scope.s.used && !scratch_store.writebacks.empty()) write_back_outputs();
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

// Arrays of every descriptor including the object dtype: only the entry points audited for the
// object dtype's reference rules use these (docs/object-dtype.md lists them).
inline const Array& object_array_of(const cnp_array* h) {
  if (!h) throw Error(CNP_ERR_INVALID_HANDLE, "array handle is NULL");
  if (h->magic != kArrayMagic) throw Error(CNP_ERR_INVALID_HANDLE, "not a valid cnumpy array handle");
  return h->a;
}
inline Array& object_array_of(cnp_array* h) { return const_cast<Array&>(object_array_of(static_cast<const cnp_array*>(h))); }
// The central refusal of object arrays by everything else (docs/object-dtype.md).
[[noreturn]] void refuse_objects();  // capi/objects.cpp
// Arrays of any descriptor but object, as they are: the entry points that understand every dtype
// (array introspection, creation, views, copies and casts, printing, interchange) use these.
inline const Array& any_array_of(const cnp_array* h) {
  const Array& a = object_array_of(h);
  if (a.dtype()->kind == 'O') refuse_objects();
  return a;
}
inline Array& any_array_of(cnp_array* h) { return const_cast<Array&>(any_array_of(static_cast<const cnp_array*>(h))); }

// The one place where the numeric engines (ufuncs, reductions, sorting, linalg, statistics, fft
// ...) meet descriptors (docs/dtypes.md): they only ever see numeric arrays in native byte order.
// A byte-swapped input is replaced by a native copy for the duration of the call; an array of a
// kind the engines do not handle (strings, records, datetimes) is a TypeError.
const Array& native_input(const Array& a);            // capi/dtype.cpp
Array& native_output(Array& a);                       // capi/dtype.cpp
inline bool engine_ready(const Dtype* d) { return is_numeric(d) && !d->swapped; }
inline const Array& array_of(const cnp_array* h) {
  const Array& a = any_array_of(h);
  return engine_ready(a.dtype()) ? a : native_input(a);
}
// An array the callee writes into (out=, in-place): a byte-swapped one is computed natively and
// written back when the call succeeds (Scratch above); other kinds are a TypeError.
inline Array& array_of(cnp_array* h) {
  Array& a = any_array_of(h);
  return engine_ready(a.dtype()) ? a : native_output(a);
}
// An input of a call resolved through the loop registry (ufuncs): byte-swapped numbers become
// native copies as in array_of; other kinds go to the engine as they are, whose registry
// (core/loop_registry.hpp) finds their method or raises NumPy's dispatch error.
inline const Array& method_input(const cnp_array* h) {
  const Array& a = any_array_of(h);
  return is_numeric(a.dtype()) && a.dtype()->swapped ? native_input(a) : a;
}
// An output of such a call: byte-swapped numbers as in array_of(cnp_array*), other kinds as they
// are (the method's result is cast into them).
inline Array& method_output(cnp_array* h) {
  Array& a = any_array_of(h);
  return is_numeric(a.dtype()) && a.dtype()->swapped ? native_output(a) : a;
}
// An optional array argument: NULL means "not given".
inline const Array* opt_array(const cnp_array* h) { return h ? &array_of(h) : nullptr; }

// Any descriptor including object (dtype queries, the audited creation entry points).
inline const Dtype* object_dtype_of(const cnp_dtype* d) {
  if (!d) throw Error(CNP_ERR_INVALID_HANDLE, "dtype handle is NULL");
  if (d->magic != kDtypeMagic) throw Error(CNP_ERR_INVALID_HANDLE, "not a valid cnumpy dtype handle");
  return d;
}
inline const Dtype* opt_object_dtype(const cnp_dtype* d) { return d ? object_dtype_of(d) : nullptr; }
// Any descriptor but object (creation, casts).
inline const Dtype* any_dtype_of(const cnp_dtype* d) {
  const Dtype* t = object_dtype_of(d);
  if (t->kind == 'O') refuse_objects();
  return t;
}
inline const Dtype* opt_any_dtype(const cnp_dtype* d) { return d ? any_dtype_of(d) : nullptr; }
// A dtype= argument of a numeric engine: its native twin for a byte-swapped number, TypeError
// for the kinds the engines do not handle.
[[noreturn]] void refuse_dtype(const Dtype* d);  // capi/dtype.cpp
inline const Dtype* dtype_of(const cnp_dtype* d) {
  const Dtype* t = any_dtype_of(d);
  if (!is_numeric(t)) refuse_dtype(t);
  return native_numeric(t);
}
// An optional dtype: NULL means the function's NumPy default (the callee decides).
inline const Dtype* opt_dtype(const cnp_dtype* d) { return d ? dtype_of(d) : nullptr; }

// Another reference to the same handle (cnp_array_retain, astype without copy).
inline cnp_array* retain_handle(const cnp_array* h) {
  cnp_array* m = const_cast<cnp_array*>(h);
  m->refs.fetch_add(1, std::memory_order_relaxed);
  return m;
}

// An empty handle (refcount 1) for a result. Default-initialised on purpose: GCC zero-fills
// the whole box (560 bytes, mostly the unused shape/stride slots) for an aggregate `new
// cnp_array{...}` or a std::optional<Array>, which showed in the per-call cost of small calls.
inline cnp_array* new_box() {
  auto* h = new cnp_array;
  h->magic = kArrayMagic;
  h->refs.store(1, std::memory_order_relaxed);
  return h;
}

inline cnp_array* new_handle(Array&& a) {
  auto* h = new_box();
  h->a = std::move(a);
  return h;
}

// An optional out= array the callee writes into (NULL: not given).
inline Array* opt_out(cnp_array* h) { return h ? &array_of(h) : nullptr; }

// An optional tuple of axes, (axes, naxes) in the ABI (docs/api-conventions.md): axes NULL means
// None whatever naxes says; otherwise naxes >= 0 entries (0: the empty tuple). Returns the count
// the engine takes, -1 for None.
inline int32_t axes_count(const int64_t* axes, int32_t naxes) {
  if (!axes) return -1;
  if (naxes < 0) throw Error(CNP_ERR_VALUE, "naxes must be >= 0 (pass axes = NULL for None)");
  return naxes;
}

// A C array of n array handles (concatenate's, multi_dot's inputs).
inline std::vector<const Array*> array_list(int32_t n, const cnp_array* const* arrays) {
  if (n < 0 || (n > 0 && !arrays)) throw Error(CNP_ERR_INVALID_HANDLE, "arrays pointer is NULL");
  std::vector<const Array*> in;
  in.reserve(static_cast<size_t>(n));
  for (int32_t i = 0; i < n; ++i) in.push_back(&array_of(arrays[i]));
  return in;
}

// The same for the data-movement functions (concatenate, stack ...), which take every dtype.
inline std::vector<const Array*> any_array_list(int32_t n, const cnp_array* const* arrays) {
  if (n < 0 || (n > 0 && !arrays)) throw Error(CNP_ERR_INVALID_HANDLE, "arrays pointer is NULL");
  std::vector<const Array*> in;
  in.reserve(static_cast<size_t>(n));
  for (int32_t i = 0; i < n; ++i) in.push_back(&any_array_of(arrays[i]));
  return in;
}
// An optional out= array of a data-movement function (any dtype; NULL: not given).
inline Array* opt_any_out(cnp_array* h) { return h ? &any_array_of(h) : nullptr; }
// The same for the data-movement functions audited for object arrays (docs/object-dtype.md).
inline std::vector<const Array*> object_array_list(int32_t n, const cnp_array* const* arrays) {
  if (n < 0 || (n > 0 && !arrays)) throw Error(CNP_ERR_INVALID_HANDLE, "arrays pointer is NULL");
  std::vector<const Array*> in;
  in.reserve(static_cast<size_t>(n));
  for (int32_t i = 0; i < n; ++i) in.push_back(&object_array_of(arrays[i]));
  return in;
}
inline Array* opt_object_out(cnp_array* h) { return h ? &object_array_of(h) : nullptr; }

// Runs body under NumPy 1.24's cast warnings: the floating-point flags a cast raises (NaN or
// overflow into an integer) become a RuntimeWarning "... encountered in cast".
template <class F>
decltype(auto) with_cast_warnings(F&& body) {
  fpe_clear();
  if constexpr (std::is_void_v<decltype(body())>) {
    body();
    fpe_report(fpe_read(), "cast");
  } else {
    auto r = body();
    fpe_report(fpe_read(), "cast");
    return r;
  }
}

// A malloc'd copy of s, released by the caller with cnp_string_free.
inline char* to_c_string(const std::string& s) {
  char* p = static_cast<char*>(std::malloc(s.size() + 1));
  if (!p) throw std::bad_alloc();
  std::memcpy(p, s.c_str(), s.size() + 1);
  return p;
}

// ---- handing results out --------------------------------------------------------------------
// Two entry points, one rule (docs/api-conventions.md, Errors): out-parameters are written only
// on success, and pointer out-parameters are set to NULL first, so a failed call leaves NULL.
//   get(out, body)               one plain value: a count, a borrowed pointer, a dtype or string
//                                reference, a handle the body made itself;
//   produce(out, body)           one array result, handed out as a new handle;
//   produce(out, into, body)     the same with NumPy's out= array `into`;
//   produce({Result...}, body)   several array results (body(r) fills r[k]), all or nothing.

// For getters: writes *out only on success.
template <class T, class F>
cnp_status get(T* out, F&& body) noexcept {
  if constexpr (std::is_pointer_v<T>) {
    if (out) *out = nullptr;
  }
  return run([&] {
    require_out(out);
    *out = body();
  });
}

// Where one array result goes. optional: the caller may pass NULL for dst (a secondary result it
// did not ask for, like linspace's step); the body then leaves that value empty, as it may for a
// result the arguments do not call for (qr's q in mode 'r'). into: the caller's out= array; the
// result was written into it, so the caller gets a new reference to it (NumPy returns `out`
// itself) instead of a new handle.
struct Result {
  cnp_array** dst = nullptr;
  bool optional = false;
  cnp_array* into = nullptr;
};

// The new handles results[k] will need (none for a result not asked for or written into the
// caller's out= array). Allocated before anything is handed out, so a failure here leaves every
// out-parameter unwritten and frees what was allocated.
inline void new_boxes(const Result* results, size_t n, std::unique_ptr<cnp_array>* boxes) {
  for (size_t k = 0; k < n; ++k)
    if (results[k].dst && !results[k].into) boxes[k].reset(new_box());
}

// Hands out values[k] (those present) through results[k]: a new reference to the caller's out=
// array, or the value moved into its box from new_boxes. Nothing here can fail.
inline void hand_out(const Result* results, size_t n, std::optional<Array>* values,
                     std::unique_ptr<cnp_array>* boxes) noexcept {
  for (size_t k = 0; k < n; ++k) {
    if (!results[k].dst || !values[k]) continue;
    if (results[k].into) {
      *results[k].dst = retain_handle(results[k].into);
    } else {
      if (values[k]->dtype() && values[k]->dtype()->kind == 'O') settle_new(*values[k]);  // docs/object-dtype.md
      boxes[k]->a = std::move(*values[k]);
      *results[k].dst = boxes[k].release();
    }
  }
}

template <size_t N, class F>
cnp_status produce(const Result (&results)[N], F&& body) noexcept {
  for (const Result& r : results)
    if (r.dst) *r.dst = nullptr;
  return run([&] {
    for (const Result& r : results)
      if (!r.optional) require_out(r.dst);  // before the body: a result with nowhere to go would leak
    // The handles are allocated before the body runs: once the body has built its results (which
    // may own a caller's memory and deleter, as cnp_array_wrap's and DLPack's do), nothing can
    // fail, so a failed call never runs a deleter whose memory the caller still owns.
    std::array<std::unique_ptr<cnp_array>, N> boxes;
    new_boxes(results, N, boxes.data());
    std::array<std::optional<Array>, N> values;
    body(values);
    hand_out(results, N, values.data(), boxes.data());
  });
}

// One result: the same rules as above, without the std::optional (see new_box).
template <class F>
cnp_status produce(cnp_array** out, cnp_array* into, F&& body) noexcept {
  if (out) *out = nullptr;
  return run([&] {
    require_out(out);
    std::unique_ptr<cnp_array> box(into ? nullptr : new_box());  // before the body, as above
    Array value = body();
    if (into) {
      *out = retain_handle(into);
    } else {
      if (value.dtype() && value.dtype()->kind == 'O') settle_new(value);  // docs/object-dtype.md
      box->a = std::move(value);
      *out = box.release();
    }
  });
}

template <class F>
cnp_status produce(cnp_array** out, F&& body) noexcept {
  return produce(out, nullptr, std::forward<F>(body));
}

}  // namespace cnp::capi
