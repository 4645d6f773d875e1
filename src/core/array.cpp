#include "core/array.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <new>

#include <sys/mman.h>

#include "core/error.hpp"
#include "core/objects.hpp"

namespace cnp {

namespace {

Buffer* buffer_retain(Buffer* b) noexcept {
  if (b) b->refs.fetch_add(1, std::memory_order_relaxed);
  return b;
}


// NumPy's _size_to_string: "8.00 TiB", "80 bytes".
std::string size_to_string(uint64_t nbytes) {
  static const char* units[] = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  int bit_length = 0;
  for (uint64_t v = nbytes; v; v >>= 1) ++bit_length;
  int unit = (bit_length - 1 > 1 ? bit_length - 1 : 1) / 10;
  double n = static_cast<double>(nbytes) / static_cast<double>(uint64_t{1} << (unit * 10));
  if (static_cast<long long>(n + 0.5) == 1024 && n >= 1023.5) {  // Python's round() ties go to even; 1023.5 rounds to 1024 either way
    ++unit;
    n /= 1024;
  }
  char buf[64];
  if (unit == 0) std::snprintf(buf, sizeof buf, "%llu bytes", static_cast<unsigned long long>(nbytes));
  else std::snprintf(buf, sizeof buf, "%.2f %s", n, units[unit]);
  return buf;
}

// Large uninitialised buffers are recycled. A freed 80 MB temporary is otherwise unmapped by
// malloc and faulted back in (and zeroed by the kernel) on the next request, which costs more than
// the arithmetic that fills it: `c = a + b` in a loop would spend most of its time in page
// faults. A few blocks are kept, bounded in count and bytes; a request takes a block at most 25 %
// larger than it needs. Zeroed requests (zeros) keep using calloc's fresh zero pages.
constexpr uint64_t kRecycleMin = uint64_t{8} << 20;
constexpr uint64_t kRecycleMaxBytes = uint64_t{512} << 20;
constexpr int kRecycleBlocks = 4;
struct Recycled {
  void* raw;
  uint64_t capacity;
};
std::mutex g_recycle_mutex;
Recycled g_recycled[kRecycleBlocks];
int g_nrecycled = 0;
uint64_t g_recycled_bytes = 0;

void* recycle_take(uint64_t need, uint64_t* capacity) {
  if (need < kRecycleMin) return nullptr;
  std::lock_guard<std::mutex> lk(g_recycle_mutex);
  int best = -1;
  for (int i = 0; i < g_nrecycled; ++i) {
    uint64_t c = g_recycled[i].capacity;
    if (c >= need && c - need <= need / 4 && (best < 0 || c < g_recycled[best].capacity)) best = i;
  }
  if (best < 0) return nullptr;
  void* raw = g_recycled[best].raw;
  *capacity = g_recycled[best].capacity;
  g_recycled_bytes -= *capacity;
  g_recycled[best] = g_recycled[--g_nrecycled];
  return raw;
}

// Keeps a block for reuse (true) or leaves it to the caller to free (false).
bool recycle_put(void* raw, uint64_t capacity) {
  if (capacity < kRecycleMin || capacity > kRecycleMaxBytes) return false;
  void* evicted[kRecycleBlocks];
  int nevicted = 0;
  {
    std::lock_guard<std::mutex> lk(g_recycle_mutex);
    // Oldest blocks go first (they sit at the front).
    while (g_nrecycled > 0 && (g_nrecycled == kRecycleBlocks || g_recycled_bytes + capacity > kRecycleMaxBytes)) {
      evicted[nevicted++] = g_recycled[0].raw;
      g_recycled_bytes -= g_recycled[0].capacity;
      std::memmove(g_recycled, g_recycled + 1, sizeof(Recycled) * static_cast<size_t>(--g_nrecycled));
    }
    g_recycled[g_nrecycled++] = {raw, capacity};
    g_recycled_bytes += capacity;
  }
  for (int i = 0; i < nevicted; ++i) std::free(evicted[i]);
  return true;
}

// Like NumPy, ask for transparent huge pages on large buffers: with THP in "madvise" mode a fresh
// 80 MB buffer otherwise costs ~20k page faults instead of ~600.
void advise_huge_pages(char* p, uint64_t nbytes) {
#ifdef MADV_HUGEPAGE
  constexpr uint64_t kThreshold = uint64_t{1} << 22;  // 4 MiB, NumPy's threshold
  if (nbytes < kThreshold) return;
  uintptr_t start = (reinterpret_cast<uintptr_t>(p) + 4095) & ~uintptr_t{4095};
  uintptr_t end = reinterpret_cast<uintptr_t>(p) + nbytes;
  if (end > start) madvise(reinterpret_cast<void*>(start), end - start, MADV_HUGEPAGE);  // advisory: errors ignored
#else
  (void)p;
  (void)nbytes;
#endif
}

}  // namespace

Array::Array(const Array& o)
    : dtype_(dtype_retain(o.dtype_)), ndim_(o.ndim_), data_(o.data_), buffer_(buffer_retain(o.buffer_)),
      writeable_(o.writeable_), owndata_(false), weak_(o.weak_) {
  std::memcpy(shape_, o.shape_, sizeof(int64_t) * ndim_);
  std::memcpy(strides_, o.strides_, sizeof(int64_t) * ndim_);
}

Array::Array(Array&& o) noexcept
    : dtype_(o.dtype_), ndim_(o.ndim_), data_(o.data_), buffer_(o.buffer_), writeable_(o.writeable_),
      owndata_(o.owndata_), weak_(o.weak_) {
  std::memcpy(shape_, o.shape_, sizeof(int64_t) * ndim_);
  std::memcpy(strides_, o.strides_, sizeof(int64_t) * ndim_);
  o.dtype_ = nullptr;
  o.buffer_ = nullptr;
  o.data_ = nullptr;
}

Array& Array::operator=(const Array& o) {
  if (this != &o) *this = Array(o);
  return *this;
}

Array& Array::operator=(Array&& o) noexcept {
  if (this == &o) return *this;
  release();
  dtype_ = o.dtype_;
  ndim_ = o.ndim_;
  std::memcpy(shape_, o.shape_, sizeof(int64_t) * ndim_);
  std::memcpy(strides_, o.strides_, sizeof(int64_t) * ndim_);
  data_ = o.data_;
  buffer_ = o.buffer_;
  writeable_ = o.writeable_;
  owndata_ = o.owndata_;
  weak_ = o.weak_;
  o.dtype_ = nullptr;
  o.buffer_ = nullptr;
  o.data_ = nullptr;
  return *this;
}

// The last reference: a count of 1 read with acquire needs no read-modify-write (no other
// thread can add a reference without holding one), which saves an atomic RMW on the common
// case of a temporary dropped by its only owner.
template <class Count>
inline bool drop_last(Count& refs) noexcept {
  return refs.load(std::memory_order_acquire) == 1 || refs.fetch_sub(1, std::memory_order_acq_rel) == 1;
}

void Array::release() noexcept {
  if (buffer_ && drop_last(buffer_->refs)) {
    if (buffer_->owns_refs) drop_buffer_refs(buffer_);
    if (buffer_->inline_data) {  // header and memory are one block (Array::allocate)
      buffer_->~Buffer();
      std::free(buffer_);
    } else {
      if (buffer_->deleter) buffer_->deleter(buffer_->base, buffer_->deleter_ctx);
      if (!buffer_->raw || !recycle_put(buffer_->raw, buffer_->capacity)) std::free(buffer_->raw);
      delete buffer_;
    }
  }
  if (dtype_) dtype_release(dtype_);
  buffer_ = nullptr;
  dtype_ = nullptr;
}

std::string shape_str(int32_t ndim, const int64_t* shape) {
  std::string s = "(";
  for (int32_t i = 0; i < ndim; ++i) {
    if (i) s += ", ";
    s += std::to_string(shape[i]);
  }
  if (ndim == 1) s += ",";
  return s + ")";
}

std::string numpy_shape_string(int32_t ndim, const int64_t* shape) {
  int32_t i = 0;
  while (i < ndim && shape[i] < 0) ++i;
  if (i == ndim) return "()";
  std::string s = "(";
  s.append(std::to_string(shape[i++]));
  for (; i < ndim; ++i) {
    s.push_back(',');
    s.append(shape[i] < 0 ? std::string("newaxis") : std::to_string(shape[i]));
  }
  s.append(ndim == 1 ? ",)" : ")");
  return s;
}

int64_t checked_size(int32_t ndim, const int64_t* shape, int64_t itemsize) {
  if (ndim < 0) throw_value("negative dimensions are not allowed");
  if (ndim > kMaxDims)
    throw_value("maximum supported dimension for an ndarray is 32, found " + std::to_string(ndim));
  if (ndim > 0 && !shape) throw Error(CNP_ERR_INVALID_HANDLE, "shape pointer is NULL");
  // Like NumPy's PyArray_NewFromDescr: itemsize times every non-zero dimension must fit, even when
  // another dimension is 0 (zeros((0, 2**62, 2**62)) is "too big"), so strides never overflow.
  bool has_zero = false, overflow = false;
  int64_t nbytes = itemsize > 0 ? itemsize : 1;
  for (int32_t i = 0; i < ndim; ++i) {
    if (shape[i] < 0) throw_value("negative dimensions are not allowed");
    if (shape[i] == 0) has_zero = true;
    else if (!overflow && !mul_fits(nbytes, shape[i], &nbytes)) overflow = true;
  }
  if (overflow)
    throw_value("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
  if (has_zero) return 0;
  int64_t size = 1;
  for (int32_t i = 0; i < ndim; ++i) size *= shape[i];  // fits: it divides nbytes
  return size;
}

bool byte_extent(int32_t ndim, const int64_t* shape, const int64_t* strides, int64_t itemsize, int64_t* lo, int64_t* hi) {
  *lo = *hi = 0;
  for (int32_t i = 0; i < ndim; ++i)
    if (shape[i] == 0) return true;
  for (int32_t i = 0; i < ndim; ++i) {
    int64_t span;
    if (!mul_fits(shape[i] - 1, strides[i], &span)) return false;
    if (!add_fits(span < 0 ? *lo : *hi, span, span < 0 ? lo : hi)) return false;
  }
  return add_fits(*hi, itemsize, hi);
}

void contiguous_strides(int32_t ndim, const int64_t* shape, int64_t itemsize, int32_t order, int64_t* strides) {
  int64_t s = itemsize;
  if (order == CNP_ORDER_F) {
    for (int32_t i = 0; i < ndim; ++i) {
      strides[i] = s;
      s *= shape[i] ? shape[i] : 1;
    }
  } else {
    for (int32_t i = ndim - 1; i >= 0; --i) {
      strides[i] = s;
      s *= shape[i] ? shape[i] : 1;
    }
  }
}

namespace {
// Small arrays (zeros(10), the result of `a + b` on a few elements) are the per-call cost of a
// Python loop: their Buffer header and memory share one malloc block (one allocation instead of
// two, and malloc + memset instead of calloc, which bypasses malloc's thread cache). The block
// stays within malloc's per-thread cache sizes (<= 1032 bytes).
constexpr uint64_t kInlineMaxBytes = 1024 - 64 - sizeof(Buffer);

[[noreturn]] void throw_no_memory(uint64_t nbytes, int32_t ndim, const int64_t* shape, const Dtype* dtype) {
  throw Error(CNP_ERR_MEMORY, "Unable to allocate " + size_to_string(nbytes) + " for an array with shape " +
                                  shape_str(ndim, shape) + " and data type " + dtype->name);
}

char* align64(void* p) { return reinterpret_cast<char*>((reinterpret_cast<uintptr_t>(p) + 63) & ~uintptr_t{63}); }

Buffer* allocate_buffer(uint64_t nbytes, bool zeroed, int32_t ndim, const int64_t* shape, const Dtype* dtype) {
  if (nbytes <= kInlineMaxBytes) {
    void* block = std::malloc(sizeof(Buffer) + 64 + nbytes);
    if (!block) throw_no_memory(nbytes, ndim, shape, dtype);
    auto* buf = new (block) Buffer;
    buf->inline_data = true;
    buf->base = align64(static_cast<char*>(block) + sizeof(Buffer));
    if (zeroed) std::memset(buf->base, 0, nbytes);
    buf->nbytes = static_cast<int64_t>(nbytes);
    buf->owned = true;
    return buf;
  }
  // 64 extra bytes to align the start to a cache line. calloc for zeros: large requests get fresh
  // zero pages from the kernel, so zeros() costs no pass over memory (as in NumPy).
  uint64_t capacity = nbytes + 64;
  void* raw = nbytes > (uint64_t{1} << 62) ? nullptr
              : zeroed                     ? std::calloc(capacity, 1)
                                           : recycle_take(capacity, &capacity);
  if (!raw && !zeroed && nbytes <= (uint64_t{1} << 62)) raw = std::malloc(capacity);
  if (!raw) throw_no_memory(nbytes, ndim, shape, dtype);
  auto* buf = new (std::nothrow) Buffer;
  if (!buf) {
    std::free(raw);
    throw std::bad_alloc();
  }
  buf->raw = raw;
  buf->base = align64(raw);
  advise_huge_pages(buf->base, nbytes);
  buf->nbytes = static_cast<int64_t>(nbytes);
  buf->capacity = capacity;
  buf->owned = true;
  return buf;
}
}  // namespace

Array Array::allocate(const Dtype* dtype, int32_t ndim, const int64_t* shape, int32_t order, bool zeroed) {
  int64_t size = checked_size(ndim, shape, dtype->itemsize);
  uint64_t nbytes = static_cast<uint64_t>(size) * static_cast<uint64_t>(dtype->itemsize);
  // Records are written field by field and their holes (padding, bytes no field names) are never
  // written by a copy or cast (NumPy's rule), so they start as zeros rather than stale memory.
  if (is_record(dtype)) zeroed = true;
  // Object items start as NULL (None): every slot is a valid reference at all times.
  const bool objects = is_object(dtype);
  if (objects) {
    require_object_hooks();
    zeroed = true;
  }
  Buffer* buf = allocate_buffer(nbytes, zeroed, ndim, shape, dtype);
  buf->objects = objects;
  Array a;
  a.dtype_ = dtype_retain(dtype);
  a.ndim_ = ndim;
  if (ndim > 0) std::memcpy(a.shape_, shape, sizeof(int64_t) * ndim);  // shape may be NULL for 0-d
  // NumPy gives freshly allocated empty arrays zero strides.
  if (size == 0) std::fill(a.strides_, a.strides_ + ndim, 0);
  else contiguous_strides(ndim, shape, dtype->itemsize, order == CNP_ORDER_F ? CNP_ORDER_F : CNP_ORDER_C, a.strides_);
  a.data_ = buf->base;
  a.buffer_ = buf;
  a.owndata_ = true;
  return a;
}

Array Array::wrap(char* data, const Dtype* dtype, int32_t ndim, const int64_t* shape, const int64_t* strides,
                  bool writeable, cnp_deleter deleter, void* ctx) {
  // Foreign memory holds no references the library could account for.
  if (is_object(dtype)) throw_type("cnumpy: object arrays cannot wrap foreign memory");
  checked_size(ndim, shape, dtype->itemsize);
  int64_t lo, hi;
  if (strides && !byte_extent(ndim, shape, strides, dtype->itemsize, &lo, &hi))
    throw_value("strides is incompatible with shape of requested array and size of buffer");
  auto* buf = new Buffer;
  buf->base = data;
  buf->deleter = deleter;
  buf->deleter_ctx = ctx;
  buf->readonly = !writeable;
  // The wrapped memory's extent from `data` on, so that as_strided (sliding_window_view) can
  // check views of it; a negative-stride layout reaches below `data` and stays unknown (0),
  // since base must remain the pointer handed to the deleter.
  if (!strides)
    buf->nbytes = checked_size(ndim, shape, dtype->itemsize) * dtype->itemsize;
  else if (lo >= 0)
    buf->nbytes = hi;
  Array a;
  a.dtype_ = dtype_retain(dtype);
  a.ndim_ = ndim;
  if (ndim > 0) std::memcpy(a.shape_, shape, sizeof(int64_t) * ndim);
  if (strides && ndim > 0) std::memcpy(a.strides_, strides, sizeof(int64_t) * ndim);
  else if (!strides) contiguous_strides(ndim, shape, dtype->itemsize, CNP_ORDER_C, a.strides_);
  a.data_ = data;
  a.buffer_ = buf;
  a.writeable_ = writeable;
  return a;
}

int64_t Array::size() const {
  int64_t n = 1;
  for (int32_t i = 0; i < ndim_; ++i) n *= shape_[i];
  return n;
}

// Contiguity as NumPy (relaxed strides) defines it: axes of length 1 may have any stride, and
// an empty array is contiguous both ways.
bool Array::c_contiguous() const {
  for (int32_t i = 0; i < ndim_; ++i)
    if (shape_[i] == 0) return true;  // empty: contiguous whatever the strides
  int64_t expected = itemsize();
  for (int32_t i = ndim_ - 1; i >= 0; --i) {
    if (shape_[i] != 1) {
      if (strides_[i] != expected) return false;
      expected *= shape_[i];
    }
  }
  return true;
}

bool Array::f_contiguous() const {
  for (int32_t i = 0; i < ndim_; ++i)
    if (shape_[i] == 0) return true;  // empty: contiguous whatever the strides
  int64_t expected = itemsize();
  for (int32_t i = 0; i < ndim_; ++i) {
    if (shape_[i] != 1) {
      if (strides_[i] != expected) return false;
      expected *= shape_[i];
    }
  }
  return true;
}

bool Array::aligned() const {
  int64_t al = dtype_->alignment;
  if (reinterpret_cast<uintptr_t>(data_) % al) return false;
  for (int32_t i = 0; i < ndim_; ++i)
    if (shape_[i] > 1 && strides_[i] % al) return false;
  return true;
}

int32_t Array::flags() const {
  int32_t f = 0;
  if (c_contiguous()) f |= CNP_FLAG_C_CONTIGUOUS;
  if (f_contiguous()) f |= CNP_FLAG_F_CONTIGUOUS;
  if (owndata_) f |= CNP_FLAG_OWNDATA;
  if (aligned()) f |= CNP_FLAG_ALIGNED;
  if (writeable_) f |= CNP_FLAG_WRITEABLE;
  return f;
}

Array Array::view(int32_t ndim, const int64_t* shape, const int64_t* strides, char* data) const {
  Array v(*this);
  v.ndim_ = ndim;
  if (ndim > 0) {  // a 0-d view may come with NULL shape and strides (memcpy's arguments must not be NULL)
    std::memcpy(v.shape_, shape, sizeof(int64_t) * ndim);
    std::memcpy(v.strides_, strides, sizeof(int64_t) * ndim);
  }
  v.data_ = data;
  v.owndata_ = false;
  v.weak_ = false;
  return v;
}

Array Array::view_as(const Dtype* dtype, int32_t ndim, const int64_t* shape, const int64_t* strides, char* data) const {
  Array v = view(ndim, shape, strides, data);
  if (v.dtype_ != dtype) {
    dtype_release(v.dtype_);
    v.dtype_ = dtype_retain(dtype);
  }
  return v;
}

void Array::set_writeable(bool w) {
  if (w && buffer_ && buffer_->readonly) throw_value("cannot set WRITEABLE flag to True of this array");
  writeable_ = w;
}

void Array::require_writeable() const {
  if (!writeable_) throw_value("assignment destination is read-only");
}

bool may_share_memory(const Array& a, const Array& b) {
  if (a.size() == 0 || b.size() == 0) return false;
  int64_t alo, ahi, blo, bhi;
  // A geometry whose extent overflows (only foreign strides can) is assumed to overlap.
  if (!byte_extent(a.ndim(), a.shape(), a.strides(), a.itemsize(), &alo, &ahi) ||
      !byte_extent(b.ndim(), b.shape(), b.strides(), b.itemsize(), &blo, &bhi))
    return true;
  const uintptr_t pa = reinterpret_cast<uintptr_t>(a.data()), pb = reinterpret_cast<uintptr_t>(b.data());
  return pa + static_cast<uintptr_t>(alo) < pb + static_cast<uintptr_t>(bhi) &&
         pb + static_cast<uintptr_t>(blo) < pa + static_cast<uintptr_t>(ahi);
}

}  // namespace cnp
