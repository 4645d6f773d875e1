// The N-d strided array: a dtype, shape and byte strides over a shared, refcounted buffer.
#pragma once
#include <atomic>
#include <cstdint>
#include <string>

#include "cnumpy/core.h"
#include "core/dtype.hpp"

namespace cnp {

inline constexpr int kMaxDims = 32;  // NumPy's NPY_MAXDIMS

// Memory shared by all views of one allocation. Freed (or handed to the foreign deleter) when
// the last view goes.
struct Buffer {
  std::atomic<int64_t> refs{1};
  void* raw = nullptr;        // what to free when we allocated (malloc/calloc result)
  char* base = nullptr;       // start of the usable memory
  int64_t nbytes = 0;
  uint64_t capacity = 0;      // bytes at raw (for recycling large blocks)
  cnp_deleter deleter = nullptr;  // foreign memory owned by us
  void* deleter_ctx = nullptr;
  bool readonly = false;      // the memory itself may not be written
  bool owned = false;         // allocated by the library (OWNDATA for the first array)
  bool inline_data = false;   // small array: the memory follows this header in one malloc block
  bool objects = false;       // object items (zeroed at allocation; docs/object-dtype.md)
  bool owns_refs = false;     // ... whose references this buffer owns (decref'd when freed)
};

// A value type: copies share the buffer (refcount) like NumPy views do.
class Array {
 public:
  // User-provided on purpose: `Array()` (a handle's empty box, a temporary) would otherwise be
  // value-initialised, zeroing the 512 bytes of shape and strides on every call.
  Array() noexcept {}
  Array(const Array& o);
  Array(Array&& o) noexcept;
  Array& operator=(const Array& o);
  Array& operator=(Array&& o) noexcept;
  ~Array() {
    if (buffer_ || (dtype_ && !dtype_->immortal)) release();  // inline: most temporaries are empty
  }

  // A new uninitialised (or zeroed) array owning 64-byte aligned memory. order is CNP_ORDER_C/F.
  static Array allocate(const Dtype* dtype, int32_t ndim, const int64_t* shape, int32_t order, bool zeroed = false);
  // Wraps memory the library does not own (deleter NULL: borrowed).
  static Array wrap(char* data, const Dtype* dtype, int32_t ndim, const int64_t* shape, const int64_t* strides,
                    bool writeable, cnp_deleter deleter, void* ctx);

  const Dtype* dtype() const { return dtype_; }
  int32_t ndim() const { return ndim_; }
  const int64_t* shape() const { return shape_; }
  const int64_t* strides() const { return strides_; }
  int64_t shape(int i) const { return shape_[i]; }
  int64_t stride(int i) const { return strides_[i]; }
  char* data() const { return data_; }
  int64_t itemsize() const { return dtype_->itemsize; }
  int64_t size() const;
  bool writeable() const { return writeable_; }
  bool weak() const { return weak_; }
  Buffer* buffer() const { return buffer_; }

  bool c_contiguous() const;
  bool f_contiguous() const;
  bool aligned() const;
  int32_t flags() const;  // CNP_FLAG_* bits
  bool owns_data() const { return owndata_; }

  // A view: same buffer and dtype, new geometry (caller guarantees it stays inside the buffer).
  Array view(int32_t ndim, const int64_t* shape, const int64_t* strides, char* data) const;
  // The same, seen as another dtype (the real or imaginary part of a complex array).
  Array view_as(const Dtype* dtype, int32_t ndim, const int64_t* shape, const int64_t* strides, char* data) const;

  void set_writeable(bool w);
  void set_weak(bool w) { weak_ = w; }
  void set_owndata(bool o) { owndata_ = o; }
  void require_writeable() const;  // ValueError "assignment destination is read-only"

 private:
  void release() noexcept;  // drops the buffer and dtype references

 private:
  const Dtype* dtype_ = nullptr;
  int32_t ndim_ = 0;
  // Only the first ndim_ entries are meaningful (and copied): an Array is cheap to copy.
  int64_t shape_[kMaxDims];
  int64_t strides_[kMaxDims];
  char* data_ = nullptr;
  Buffer* buffer_ = nullptr;
  bool writeable_ = true;
  bool owndata_ = false;
  bool weak_ = false;  // made from a Python scalar (NEP 50 weak promotion)
};

// Overflow-checked int64 arithmetic for every shape, stride and byte-offset computation on values
// a caller chose: false when the exact result does not fit (*r is then unspecified).
[[nodiscard]] inline bool mul_fits(int64_t a, int64_t b, int64_t* r) { return !__builtin_mul_overflow(a, b, r); }
[[nodiscard]] inline bool add_fits(int64_t a, int64_t b, int64_t* r) { return !__builtin_add_overflow(a, b, r); }
// Validates a shape (negative dims, rank) and returns the element count, raising NumPy's errors
// when size * itemsize overflows (as in NumPy, zero-length axes do not excuse the others).
int64_t checked_size(int32_t ndim, const int64_t* shape, int64_t itemsize);
// The byte offsets [*lo, *hi) from the first element that a geometry can touch (hi includes the
// last element's itemsize; both 0 when the shape has a zero). false when any step overflows int64.
[[nodiscard]] bool byte_extent(int32_t ndim, const int64_t* shape, const int64_t* strides, int64_t itemsize, int64_t* lo,
                               int64_t* hi);
// C or F strides for a shape.
void contiguous_strides(int32_t ndim, const int64_t* shape, int64_t itemsize, int32_t order, int64_t* strides);
// Python's tuple spelling of a shape: "(2, 3)", "(4,)", "()".
std::string shape_str(int32_t ndim, const int64_t* shape);
// NumPy's C-level spelling used in reshape/broadcast messages: "(2,3)", "(4,)"; leading negative
// (unknown) entries are skipped and later ones print as "newaxis".
std::string numpy_shape_string(int32_t ndim, const int64_t* shape);
// True when the byte ranges the two arrays can touch overlap.
bool may_share_memory(const Array& a, const Array& b);

}  // namespace cnp

// The handle the ABI hands out: a refcounted box around an Array.
struct cnp_array {
  uint64_t magic;
  std::atomic<int64_t> refs;
  cnp::Array a;
};

namespace cnp {
inline constexpr uint64_t kArrayMagic = 0x6370'6e61'7272'6179ull;  // "cpnarray"
}

namespace cnp {
// NumPy's new-array-like-prototype rule (empty_like, copy, astype): order C/F as asked, A is F
// when the prototype is F-contiguous only, K keeps the prototype's axis order by stride. ndim -1
// keeps the prototype's shape; a different rank falls back to C order.
// The axes of `a` ordered by |stride|, largest first, ties in axis order (NumPy's sorted stride
// permutation): the memory order of the axes.
void axes_by_stride(const Array& a, int32_t* perm);
Array allocate_like(const Array& proto, const Dtype* dtype, int32_t order, int32_t ndim, const int64_t* shape, bool zeroed);
// NumPy's PyArray_CreateMultiSortedStridePerm: the axes ordered by |stride| over several arrays
// of the same rank (largest first; length-1 axes take no part; where the arrays disagree, C
// order wins). concatenate lays its result out this way.
void axes_by_strides_of(const Array* const* arrays, int32_t narrays, int32_t ndim, int32_t* perm);
// A new array whose memory is C order over the axes taken in `perm` order.
Array allocate_in_axis_order(const Dtype* dtype, int32_t ndim, const int64_t* shape, const int32_t* perm, bool zeroed);
}  // namespace cnp
