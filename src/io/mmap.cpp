// numpy.lib.format.open_memmap (and numpy.load's mmap_mode): the array's memory is a mapping of
// the whole file (header included, so the data keeps its file offset and a zero-size array still
// maps something), released by the buffer's deleter when the last view goes. Loading reads only
// the header: O(1) in the file size. 'r' maps read-only (the array can never be made writeable),
// 'r+' and 'w+' map shared (writes reach the file), 'c' maps private (copy on write).
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <cstring>
#include <string>

#include "core/error.hpp"
#include "io/io.hpp"

namespace cnp::io {
namespace {

struct Mapping {
  void* base;
  size_t length;
  int64_t data_offset;  // the file offset of the array's data (memmap.offset)
  bool shared_write;    // 'r+'/'w+': msync has something to write back
};

void unmap(void*, void* ctx) {
  auto* m = static_cast<Mapping*>(ctx);
  ::munmap(m->base, m->length);
  delete m;
}

struct FdCloser {
  int fd;
  ~FdCloser() {
    if (fd >= 0) ::close(fd);
  }
};

[[noreturn]] void os_error(int err) {
  throw Error(CNP_ERR_OS, "[Errno " + std::to_string(err) + "] " + std::strerror(err));
}

}  // namespace

std::string canonical_mode(std::string_view mode) {
  std::string m(mode);
  if (m == "readonly") m = "r";
  else if (m == "copyonwrite") m = "c";
  else if (m == "readwrite") m = "r+";
  else if (m == "write") m = "w+";
  if (m != "r" && m != "r+" && m != "c" && m != "w+")
    throw Error(CNP_ERR_VALUE, "mode must be one of ['r', 'c', 'r+', 'w+', 'readonly', 'copyonwrite', 'readwrite', 'write'] (got " +
                                   py_repr(std::string(mode)) + ")");
  return m;
}

Array open_memmap(const char* path, std::string_view mode, const Dtype* dtype, int32_t ndim, const int64_t* shape,
                  bool fortran, int version, int64_t max_header_size) {
  std::string m = canonical_mode(mode);
  NpyHeader hd;
  int64_t offset = 0;
  FdCloser fd{-1};
  if (m == "w+") {
    if (!dtype) dtype = default_float();
    if (ndim < 0 || (ndim > 0 && !shape)) throw Error(CNP_ERR_VALUE, "shape must be given to create a file");
    if (ndim > kMaxDims) throw Error(CNP_ERR_VALUE, "maximum supported dimension for an ndarray is 32, found " + std::to_string(ndim));
    hd.dtype = DtypeRef::borrow(dtype);
    hd.shape.assign(shape, shape + ndim);
    hd.fortran = fortran;
    hd.count = checked_size(ndim, shape, dtype->itemsize);
    hd.nbytes = hd.count * dtype->itemsize;
    std::string pre = npy_preamble(dtype, ndim, shape, fortran, version, nullptr);
    fd.fd = open_file(path, O_RDWR | O_CREAT | O_TRUNC);
    write_all_fd(fd.fd, pre.data(), static_cast<int64_t>(pre.size()));
    offset = static_cast<int64_t>(pre.size());
    if (::ftruncate(fd.fd, offset + hd.nbytes) != 0) os_error(errno);
  } else {
    fd.fd = open_file(path, m == "r+" ? O_RDWR : O_RDONLY);
    FdSource src(fd.fd);
    hd = read_npy_header(src, max_header_size, ObjectPolicy::kMemmap);
    offset = hd.data_offset;
  }
  struct stat st;
  if (::fstat(fd.fd, &st) != 0) os_error(errno);
  int64_t length = offset + hd.nbytes;
  // Python's mmap refuses a mapping past the end of the file; numpy.memmap passes that on.
  if (st.st_size < length) throw Error(CNP_ERR_VALUE, "mmap length is greater than file size");
  int prot = m == "r" ? PROT_READ : PROT_READ | PROT_WRITE;
  int flags = m == "c" ? MAP_PRIVATE : MAP_SHARED;
  void* base = ::mmap(nullptr, static_cast<size_t>(length), prot, flags, fd.fd, 0);
  if (base == MAP_FAILED) os_error(errno);
  auto* ctx = new Mapping{base, static_cast<size_t>(length), offset, m == "r+" || m == "w+"};
  int32_t nd = static_cast<int32_t>(hd.shape.size());
  int64_t strides[kMaxDims];
  int64_t step = hd.dtype->itemsize;
  for (int32_t k = 0; k < nd; ++k) {
    int32_t i = hd.fortran ? k : nd - 1 - k;
    strides[i] = step;
    step *= hd.shape[i] ? hd.shape[i] : 1;
  }
  try {
    return Array::wrap(static_cast<char*>(base) + offset, hd.dtype.get(), nd, hd.shape.data(), strides, m != "r", unmap, ctx);
  } catch (...) {
    unmap(nullptr, ctx);
    throw;
  }
}

namespace {
// Python's mmap checks, in its order and words (numpy.memmap passes them on).
void check_map_range(int64_t file_size, int64_t start, int64_t* length) {
  if (*length == 0) {
    if (file_size == 0) throw Error(CNP_ERR_VALUE, "cannot mmap an empty file");
    if (start >= file_size) throw Error(CNP_ERR_VALUE, "mmap offset is greater than file size");
    *length = file_size - start;
  } else if (start > file_size || file_size - start < *length) {
    throw Error(CNP_ERR_VALUE, "mmap length is greater than file size");
  }
}

Mapping* mapping_of(const Array& a) {
  const Buffer* b = a.buffer();
  return b && b->deleter == unmap ? static_cast<Mapping*>(b->deleter_ctx) : nullptr;
}
}  // namespace

Array memmap(int fd, std::string_view mode, const Dtype* dtype, int64_t offset, int32_t ndim, const int64_t* shape,
             bool fortran) {
  std::string m = canonical_mode(mode);
  if (!dtype) dtype = builtin_dtype(CNP_UINT8);
  if (m == "w+" && ndim < 0) throw Error(CNP_ERR_VALUE, "shape must be given");
  if (ndim > kMaxDims)
    throw Error(CNP_ERR_VALUE, "maximum supported dimension for an ndarray is 32, found " + std::to_string(ndim));
  if (ndim > 0 && !shape) throw Error(CNP_ERR_INVALID_HANDLE, "shape pointer is NULL");
  struct stat st;
  if (::fstat(fd, &st) != 0) os_error(errno);
  int64_t flen = st.st_size;
  int64_t itemsize = dtype->itemsize;
  int64_t dims[kMaxDims];
  int32_t nd = ndim < 0 ? 1 : ndim;
  if (ndim < 0) {
    int64_t avail = flen - offset;
    if (itemsize == 0 || avail % itemsize)  // Python's % is floored: a negative remainder stays non-zero
      throw Error(CNP_ERR_VALUE, "Size of available data is not a multiple of the data-type size.");
    dims[0] = avail / itemsize;
  } else {
    std::copy(shape, shape + ndim, dims);
  }
  // numpy.memmap's order: the byte count from the shape (negative with a negative dimension),
  // the file extended, then Python's mmap checks (length, offset, file size), and only then
  // ndarray's check of the shape.
  bool negative = false;
  for (int32_t i = 0; i < nd; ++i) negative |= dims[i] < 0;
  int64_t nbytes = 0, end = 0;
  if (!negative) {
    nbytes = checked_size(nd, dims, itemsize) * itemsize;
  } else {
    int64_t prod = itemsize;
    for (int32_t i = 0; i < nd; ++i)
      if (__builtin_mul_overflow(prod, dims[i], &prod)) throw Error(CNP_ERR_OVERFLOW, "memory mapped length must be positive");
    nbytes = prod;
  }
  if (__builtin_add_overflow(offset, nbytes, &end)) throw Error(CNP_ERR_OVERFLOW, "mmap length is too large");
  if ((m == "w+" || m == "r+") && flen < end) {
    if (::ftruncate(fd, end) != 0) os_error(errno);  // numpy writes one zero byte at end - 1
    flen = end;
  }
  int64_t page = ::sysconf(_SC_PAGESIZE);
  int64_t start = offset - ((offset % page) + page) % page;  // Python's floored %
  int64_t length = end - start;
  if (length < 0) throw Error(CNP_ERR_OVERFLOW, "memory mapped length must be positive");
  if (offset < 0) throw Error(CNP_ERR_OVERFLOW, "memory mapped offset must be positive");
  check_map_range(flen, start, &length);
  if (negative) throw Error(CNP_ERR_VALUE, "negative dimensions are not allowed");
  int prot = m == "r" ? PROT_READ : PROT_READ | PROT_WRITE;
  int flags = m == "c" ? MAP_PRIVATE : MAP_SHARED;
  void* base = ::mmap(nullptr, static_cast<size_t>(length), prot, flags, fd, start);
  if (base == MAP_FAILED) os_error(errno);
  auto* ctx = new Mapping{base, static_cast<size_t>(length), offset, m == "r+" || m == "w+"};
  int64_t strides[kMaxDims];
  int64_t step = itemsize;
  for (int32_t k = 0; k < nd; ++k) {
    int32_t i = fortran ? k : nd - 1 - k;
    strides[i] = step;
    step *= dims[i] ? dims[i] : 1;
  }
  try {
    return Array::wrap(static_cast<char*>(base) + (offset - start), dtype, nd, dims, strides, m != "r", unmap, ctx);
  } catch (...) {
    unmap(nullptr, ctx);
    throw;
  }
}

bool memmap_info(const Array& a, int64_t* offset) {
  Mapping* m = mapping_of(a);
  if (m && offset) *offset = m->data_offset;
  return m != nullptr;
}

void memmap_flush(const Array& a) {
  Mapping* m = mapping_of(a);
  // Python's mmap.flush does nothing for read-only and copy-on-write maps.
  if (m && m->shared_write && ::msync(m->base, m->length, MS_SYNC) != 0) os_error(errno);
}

}  // namespace cnp::io
