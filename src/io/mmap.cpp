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
#include <cstring>
#include <string>

#include "core/error.hpp"
#include "io/io.hpp"

namespace cnp::io {
namespace {

struct Mapping {
  void* base;
  size_t length;
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

Array open_memmap(const char* path, std::string_view mode, const Dtype* dtype, int32_t ndim, const int64_t* shape,
                  bool fortran, int version, int64_t max_header_size) {
  std::string m(mode);
  if (m == "readonly") m = "r";
  else if (m == "copyonwrite") m = "c";
  else if (m == "readwrite") m = "r+";
  else if (m == "write") m = "w+";
  if (m != "r" && m != "r+" && m != "c" && m != "w+")
    throw Error(CNP_ERR_VALUE, "mode must be one of ['r', 'c', 'r+', 'w+', 'readonly', 'copyonwrite', 'readwrite', 'write'] (got " +
                                   py_repr(std::string(mode)) + ")");
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
  auto* ctx = new Mapping{base, static_cast<size_t>(length)};
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

}  // namespace cnp::io
