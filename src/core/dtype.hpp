// dtype descriptors (docs/dtypes.md). The builtin numeric dtypes and their byte-swapped twins are
// immortal singletons; parametric descriptors (strings, datetimes, void, records, subarrays) are
// allocated per instance and refcounted. A descriptor is immutable once made.
#pragma once
#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cnumpy/core.h"

struct cnp_dtype;

namespace cnp {
// One field of a record descriptor: its own descriptor (a reference the record holds), the byte
// offset inside the record and an optional title (NumPy's second name for the field).
struct DtypeField {
  std::string name;
  const cnp_dtype* dtype = nullptr;
  int64_t offset = 0;
  bool has_title = false;
  std::string title;
};

// NumPy's datetime units (NPY_DATETIMEUNIT order; B, the removed business day, is never made).
enum DatetimeUnit : int32_t {
  kUnitY = 0, kUnitM = 1, kUnitW = 2, kUnitB = 3, kUnitD = 4, kUnith = 5, kUnitm = 6, kUnits = 7,
  kUnitms = 8, kUnitus = 9, kUnitns = 10, kUnitps = 11, kUnitfs = 12, kUnitas = 13, kUnitGeneric = 14
};
}  // namespace cnp

struct cnp_dtype {
  uint64_t magic;
  std::atomic<int64_t> refs;
  bool immortal;
  int32_t typenum;   // CNP_* (builtin number, or CNP_DATETIME64 ... CNP_VOID)
  int64_t itemsize;
  int64_t alignment;
  char kind;  // NumPy's kind: b i u f c M m S U V
  char chr;   // NumPy's type character
  std::string name;
  std::string str;  // array-protocol typestr, e.g. "<f8", "|S3", ">M8[25s]"
  // Byte order as .str spells it: '<' or '>' for multi-byte scalars, '|' where it does not apply.
  char byteorder = '|';
  bool swapped = false;  // the bytes of each element are in non-native order
  // datetime64 / timedelta64
  int32_t unit = cnp::kUnitGeneric;
  int32_t unit_count = 1;
  // records (kind 'V' with fields)
  bool has_fields = false;  // a record (possibly with no fields: dtype([]))
  std::vector<cnp::DtypeField> fields;
  bool aligned_struct = false;  // made with align=True (NumPy's isalignedstruct)
  // subarray (kind 'V'): base descriptor (a reference) and shape
  const cnp_dtype* base = nullptr;
  std::vector<int64_t> sub_shape;
  // Cached spellings (set once when the descriptor is finished).
  std::string descr;  // Python literal of dtype.descr
  std::string repr;   // "dtype(...)" exactly as NumPy prints it
  std::string text;   // str(dtype)
  // repr and str under legacy print modes up to '1.21' ({'names':['a'], ...}); empty: the same
  std::string repr_legacy, text_legacy;
  std::string key;    // canonical text: equal descriptors have equal keys (hashing)
  ~cnp_dtype();
};

namespace cnp {

using Dtype = ::cnp_dtype;
inline constexpr uint64_t kDtypeMagic = 0x6370'6e64'7479'7065ull;  // "cpndtype"
inline constexpr char kNativeOrder = '<';  // x86-64/AArch64 Linux: little-endian

// The immortal dtype of a builtin type number; TypeError for anything else.
const Dtype* builtin_dtype(int32_t typenum);
// The immortal byte-swapped twin of a builtin (the builtin itself for one-byte types).
const Dtype* swapped_builtin(int32_t typenum);
inline bool is_builtin_typenum(int32_t t) { return t >= 0 && t < CNP_NTYPES_BUILTIN; }

// Reference counting for handles handed across the ABI (no-ops for immortal dtypes).
Dtype* dtype_retain(const Dtype* d) noexcept;
void dtype_release(const Dtype* d) noexcept;

// An owning reference (for descriptors made on the fly).
class DtypeRef {
 public:
  DtypeRef() = default;
  explicit DtypeRef(const Dtype* adopt) : d_(adopt) {}  // takes over one reference
  static DtypeRef borrow(const Dtype* d) { return DtypeRef(dtype_retain(d)); }
  DtypeRef(const DtypeRef& o) : d_(o.d_ ? dtype_retain(o.d_) : nullptr) {}
  DtypeRef(DtypeRef&& o) noexcept : d_(std::exchange(o.d_, nullptr)) {}
  DtypeRef& operator=(DtypeRef o) noexcept {
    std::swap(d_, o.d_);
    return *this;
  }
  ~DtypeRef() { dtype_release(d_); }
  const Dtype* get() const { return d_; }
  const Dtype* operator->() const { return d_; }
  explicit operator bool() const { return d_ != nullptr; }
  const Dtype* release() { return std::exchange(d_, nullptr); }  // hands the reference out

 private:
  const Dtype* d_ = nullptr;
};

// ---- kinds ----------------------------------------------------------------------------------
inline bool is_complex(const Dtype* d) { return d->kind == 'c'; }
inline bool is_integer(const Dtype* d) { return d->kind == 'i' || d->kind == 'u'; }
inline bool is_inexact(const Dtype* d) { return d->kind == 'f' || d->kind == 'c'; }
inline bool is_numeric(const Dtype* d) { return is_builtin_typenum(d->typenum); }  // bool too
inline bool is_datetime(const Dtype* d) { return d->kind == 'M' || d->kind == 'm'; }
inline bool is_flexible(const Dtype* d) { return d->kind == 'S' || d->kind == 'U' || d->kind == 'V'; }
inline bool is_record(const Dtype* d) { return d->has_fields; }
inline bool is_subarray(const Dtype* d) { return d->base != nullptr; }
// Every scalar (non-record, non-subarray) of native or no byte order, and records of such fields.
bool dtype_isnative(const Dtype* d);
// The same descriptor with native byte order everywhere (fields included); a new reference.
DtypeRef native_of(const Dtype* d);
// The native twin of a byte-swapped builtin, or d itself.
inline const Dtype* native_numeric(const Dtype* d) { return d->swapped && is_numeric(d) ? builtin_dtype(d->typenum) : d; }

// ---- making descriptors (dtype_make.cpp) ------------------------------------------------------
// 'S' / 'U' (width in characters) / 'V' (bytes); order '<', '>', '=' or '|' ('|'/'=' = native).
DtypeRef make_flexible(char kind, int64_t width, char order = '=');
// 'M' / 'm' with a unit (kUnitGeneric for "M8") and a multiplier.
DtypeRef make_datetime(char kind, int32_t unit, int64_t count, char order = '=');
struct FieldSpec {
  std::string name;
  DtypeRef dtype;
  int64_t offset = -1;  // -1: placed after the previous field (aligned when align)
  bool has_title = false;
  std::string title;
};
// A record; itemsize -1: the end of the last field (rounded up to the alignment when align).
// NumPy's errors for duplicate names, overlapping fields, a too small itemsize.
DtypeRef make_record(std::vector<FieldSpec> fields, int64_t itemsize, bool align);
// (base, shape): a subarray descriptor; an empty shape gives base itself (NumPy).
DtypeRef make_subarray(const Dtype* base, std::vector<int64_t> shape);
// NumPy's newbyteorder: 'S' swaps, '<' '>' '=' '|' set (applied to every field of a record).
DtypeRef with_byteorder(const Dtype* d, char order);
// NumPy's datetime unit spellings ("ms") and back; -1 for an unknown spelling.
int32_t datetime_unit_from(std::string_view s);
const char* datetime_unit_name(int32_t unit);

// ---- spelling (dtype_parse.cpp, dtype_str.cpp) ------------------------------------------------
// Parses every string NumPy accepts ("float32", ">f8", "U10", "M8[ms]", "i4, f8, (2,)S3" ...)
// with NumPy's TypeError / ValueError messages.
DtypeRef parse_dtype(const char* spec);
// Fills name, str, descr, repr, text and key of a finished descriptor.
void finish_spellings(Dtype* d);
// Python's repr of a str (quotes and escapes as Python chooses).
std::string py_repr(const std::string& s);
// Python's repr of bytes: b'..' with \xNN for the non-printable and non-ASCII ones.
std::string bytes_repr(const std::string& b);

// ---- casting and promotion ------------------------------------------------------------------
// NumPy's casting tables for every descriptor.
bool can_cast(const Dtype* from, const Dtype* to, int32_t casting);
// The strictest rule (CNP_CASTING_NO ... UNSAFE) under which from casts to to; -1: never.
int32_t cast_level(const Dtype* from, const Dtype* to);
// promote_types; for the builtins a borrowed immortal dtype. Parametric results come back from
// promote_any as a reference.
const Dtype* promote_types(const Dtype* a, const Dtype* b);
DtypeRef promote_any(const Dtype* a, const Dtype* b);
bool dtype_equal(const Dtype* a, const Dtype* b);
const char* casting_name(int32_t casting);  // "same_kind" ...; ValueError for an unknown value
// "dtype('float64')" as NumPy spells it in messages.
std::string dtype_repr(const Dtype* d);

// NumPy's sizing of an unsized target ("U", "S", "V") from the source of a cast: numbers get
// the text width NumPy requires ("<U21" for int64, "<U32" for floats), datetimes their ISO width,
// strings keep their length. Other targets come back as they are.
DtypeRef adapt_flexible(const Dtype* from, const Dtype* to);

// The dtype the library picks when a caller passes NULL.
inline const Dtype* default_float() { return builtin_dtype(CNP_FLOAT64); }

}  // namespace cnp
