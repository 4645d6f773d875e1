// dtype descriptors. Builtin numeric dtypes are immortal singletons; the refcount and the handle
// layout leave room for parametric dtypes (datetime unit, string width, record fields) that are
// allocated per instance.
#pragma once
#include <atomic>
#include <cstdint>
#include <string>

#include "cnumpy/core.h"

struct cnp_dtype {
  uint64_t magic;
  std::atomic<int64_t> refs;
  bool immortal;
  int32_t typenum;
  int64_t itemsize;
  int64_t alignment;
  char kind;  // NumPy's kind: b i u f c (M m S U V later)
  char chr;   // NumPy's type character
  std::string name;
  std::string str;  // array-protocol typestr, e.g. "<f8"
};

namespace cnp {

using Dtype = ::cnp_dtype;
inline constexpr uint64_t kDtypeMagic = 0x6370'6e64'7479'7065ull;  // "cpndtype"

// The immortal dtype of a builtin type number; TypeError for anything else.
const Dtype* builtin_dtype(int32_t typenum);
inline bool is_builtin_typenum(int32_t t) { return t >= 0 && t < CNP_NTYPES_BUILTIN; }

// Reference counting for handles handed across the ABI (no-ops for immortal dtypes).
Dtype* dtype_retain(const Dtype* d) noexcept;
void dtype_release(const Dtype* d) noexcept;

// Parses NumPy's spellings ("float32", "<f4", "f", "int", "?" ...).
const Dtype* parse_dtype(const char* spec);

// NumPy's casting tables for the builtin types.
bool can_cast(const Dtype* from, const Dtype* to, int32_t casting);
const Dtype* promote_types(const Dtype* a, const Dtype* b);
const char* casting_name(int32_t casting);  // "same_kind" ...; ValueError for an unknown value
// "dtype('float64')" as NumPy spells it in messages.
std::string dtype_repr(const Dtype* d);

// The dtype the library picks when a caller passes NULL.
inline const Dtype* default_float() { return builtin_dtype(CNP_FLOAT64); }

inline bool is_complex(const Dtype* d) { return d->kind == 'c'; }
inline bool is_integer(const Dtype* d) { return d->kind == 'i' || d->kind == 'u'; }
inline bool is_inexact(const Dtype* d) { return d->kind == 'f' || d->kind == 'c'; }

}  // namespace cnp
