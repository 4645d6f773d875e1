// C entry points of numpy's binary I/O (include/cnumpy/io.h): validate handles and arguments,
// call src/io. Arrays are taken as they are (byte-swapped descriptors included: a '>f8' array is
// saved as '>f8').
#include "cnumpy/io.h"

#include <fcntl.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "capi/guard.hpp"
#include "io/io.hpp"
#include "io/npz.hpp"

using namespace cnp;
using namespace cnp::capi;
namespace io = cnp::io;

namespace {

struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

int check_fd(int32_t fd) {
  if (fd < 0) throw Error(CNP_ERR_OS, "[Errno 9] Bad file descriptor");
  return fd;
}

cnp_npz* npz_of(const cnp_npz* z) {
  if (!z) throw Error(CNP_ERR_INVALID_HANDLE, "npz handle is NULL");
  if (z->magic != io::kNpzMagic) throw Error(CNP_ERR_INVALID_HANDLE, "not a valid cnumpy npz handle");
  return const_cast<cnp_npz*>(z);
}

std::vector<const Array*> npz_inputs(int32_t n, const char* const* names, const cnp_array* const* arrays) {
  if (n < 0 || (n > 0 && (!names || !arrays))) throw Error(CNP_ERR_INVALID_HANDLE, "names or arrays pointer is NULL");
  std::vector<const Array*> in;
  for (int32_t i = 0; i < n; ++i) in.push_back(&any_array_of(arrays[i]));
  return in;
}

void store_version(int32_t* used_version, int v) {
  if (used_version) *used_version = v;
}

}  // namespace

extern "C" {

CNP_API cnp_status cnp_io_save(const char* path, const cnp_array* a, int32_t version, int32_t* used_version) {
  return run([&] {
    const Array& arr = any_array_of(a);
    int used = 0;
    // The header is checked before the file is created (no empty file left behind).
    io::npy_preamble(arr.dtype(), arr.ndim(), arr.shape(), !arr.c_contiguous() && arr.f_contiguous(), version, &used);
    Fd fd{io::open_file(path, O_WRONLY | O_CREAT | O_TRUNC)};
    io::FdSink sink(fd.fd);
    io::write_npy(sink, arr, version, &used);
    store_version(used_version, used);
  });
}

CNP_API cnp_status cnp_io_save_fd(int32_t fd, const cnp_array* a, int32_t version, int32_t* used_version) {
  return run([&] {
    const Array& arr = any_array_of(a);
    io::FdSink sink(check_fd(fd));
    int used = 0;
    io::write_npy(sink, arr, version, &used);
    store_version(used_version, used);
  });
}

CNP_API cnp_status cnp_io_save_bytes(const cnp_array* a, int32_t version, int32_t* used_version, cnp_array** out) {
  return produce(out, [&] {
    int used = 0;
    Array r = io::bytes_array(io::npy_bytes(any_array_of(a), version, &used));
    store_version(used_version, used);
    return r;
  });
}

CNP_API cnp_status cnp_io_load(const char* path, const char* mmap_mode, int32_t allow_pickle, int64_t max_header_size,
                               cnp_array** out) {
  return produce(out, [&] {
    if (mmap_mode) {
      std::string m = mmap_mode;
      if (m == "w+" || m == "write") throw Error(CNP_ERR_VALUE, "mmap_mode 'w+' creates a file: use cnp_io_open_memmap");
      return io::open_memmap(path, m, nullptr, 0, nullptr, false, 0, allow_pickle ? -1 : max_header_size);
    }
    Fd fd{io::open_file(path, O_RDONLY)};
    io::FdSource src(fd.fd);
    return io::read_npy(src, max_header_size, allow_pickle != 0, true);
  });
}

CNP_API cnp_status cnp_io_load_fd(int32_t fd, int32_t allow_pickle, int64_t max_header_size, cnp_array** out) {
  return produce(out, [&] {
    io::FdSource src(check_fd(fd));
    return io::read_npy(src, max_header_size, allow_pickle != 0, true);
  });
}

CNP_API cnp_status cnp_io_load_bytes(const void* data, int64_t size, int32_t allow_pickle, int64_t max_header_size,
                                     int64_t* consumed, cnp_array** out) {
  return produce(out, [&] {
    if (!data && size) throw Error(CNP_ERR_INVALID_HANDLE, "data is NULL");
    if (size < 0) throw Error(CNP_ERR_VALUE, "size must be >= 0");
    io::MemSource src(static_cast<const char*>(data), size);
    Array r = io::read_npy(src, max_header_size, allow_pickle != 0, false);
    if (consumed) *consumed = src.position();
    return r;
  });
}

CNP_API cnp_status cnp_io_open_memmap(const char* path, const char* mode, const cnp_dtype* dtype, int32_t ndim,
                                      const int64_t* shape, int32_t fortran_order, int32_t version, int64_t max_header_size,
                                      cnp_array** out) {
  return produce(out, [&] {
    return io::open_memmap(path, mode ? mode : "r+", opt_any_dtype(dtype), ndim, shape, fortran_order != 0, version,
                           max_header_size);
  });
}

namespace {
int memmap_open_flags(const char* mode) {
  std::string m = io::canonical_mode(mode ? mode : "r+");
  if (m == "w+") return O_RDWR | O_CREAT | O_TRUNC;
  return m == "r+" ? O_RDWR : O_RDONLY;
}
}  // namespace

CNP_API cnp_status cnp_io_memmap(const char* path, const char* mode, const cnp_dtype* dtype, int64_t offset,
                                 int32_t ndim, const int64_t* shape, int32_t fortran_order, cnp_array** out) {
  return produce(out, [&] {
    int flags = memmap_open_flags(mode);  // a bad mode is refused before the file is opened
    Fd fd{io::open_file(path, flags)};
    return io::memmap(fd.fd, mode ? mode : "r+", opt_any_dtype(dtype), offset, ndim, shape, fortran_order != 0);
  });
}

CNP_API cnp_status cnp_io_memmap_fd(int32_t fd, const char* mode, const cnp_dtype* dtype, int64_t offset,
                                    int32_t ndim, const int64_t* shape, int32_t fortran_order, cnp_array** out) {
  return produce(out, [&] {
    return io::memmap(check_fd(fd), mode ? mode : "r+", opt_any_dtype(dtype), offset, ndim, shape, fortran_order != 0);
  });
}

CNP_API cnp_status cnp_io_memmap_info(const cnp_array* a, int32_t* mapped, int64_t* offset) {
  return run([&] {
    require_out(mapped);
    require_out(offset);
    int64_t off = 0;
    bool m = io::memmap_info(any_array_of(a), &off);
    *mapped = m ? 1 : 0;
    *offset = m ? off : 0;
  });
}

CNP_API cnp_status cnp_io_memmap_flush(const cnp_array* a) {
  return run([&] { io::memmap_flush(any_array_of(a)); });
}

CNP_API cnp_status cnp_io_savez(const char* path, int32_t n, const char* const* names, const cnp_array* const* arrays,
                                int32_t compress) {
  return run([&] {
    std::string bytes = io::npz_bytes(n, names, npz_inputs(n, names, arrays).data(), compress != 0);
    Fd fd{io::open_file(path, O_WRONLY | O_CREAT | O_TRUNC)};
    io::write_all_fd(fd.fd, bytes.data(), static_cast<int64_t>(bytes.size()));
  });
}

CNP_API cnp_status cnp_io_savez_fd(int32_t fd, int32_t n, const char* const* names, const cnp_array* const* arrays,
                                   int32_t compress) {
  return run([&] {
    std::string bytes = io::npz_bytes(n, names, npz_inputs(n, names, arrays).data(), compress != 0);
    io::write_all_fd(check_fd(fd), bytes.data(), static_cast<int64_t>(bytes.size()));
  });
}

CNP_API cnp_status cnp_io_savez_bytes(int32_t n, const char* const* names, const cnp_array* const* arrays, int32_t compress,
                                      cnp_array** out) {
  return produce(out, [&] { return io::bytes_array(io::npz_bytes(n, names, npz_inputs(n, names, arrays).data(), compress != 0)); });
}

CNP_API cnp_status cnp_npz_open(const char* path, int32_t allow_pickle, int64_t max_header_size, cnp_npz** out) {
  return get(out, [&] { return io::npz_open_path(path, max_header_size, allow_pickle != 0); });
}

CNP_API cnp_status cnp_npz_open_fd(int32_t fd, int32_t allow_pickle, int64_t max_header_size, cnp_npz** out) {
  return get(out, [&] { return io::npz_open_fd(check_fd(fd), max_header_size, allow_pickle != 0); });
}

CNP_API cnp_status cnp_npz_open_bytes(const void* data, int64_t size, int32_t allow_pickle, int64_t max_header_size,
                                      cnp_npz** out) {
  return get(out, [&] {
    return io::npz_open_bytes(static_cast<const char*>(data), size, max_header_size, allow_pickle != 0);
  });
}

CNP_API cnp_status cnp_npz_count(const cnp_npz* z, int64_t* out) {
  return get(out, [&] { return static_cast<int64_t>(npz_of(z)->names.size()); });
}

CNP_API cnp_status cnp_npz_name(const cnp_npz* z, int64_t i, const char** out) {
  return get(out, [&] {
    cnp_npz* h = npz_of(z);
    if (i < 0 || i >= static_cast<int64_t>(h->names.size())) throw Error(CNP_ERR_INDEX, "member index out of range");
    return h->names[static_cast<size_t>(i)].c_str();
  });
}

CNP_API cnp_status cnp_npz_get(cnp_npz* z, const char* name, int32_t* raw, cnp_array** out) {
  return produce(out, [&] {
    bool is_raw = false;
    Array r = io::npz_get(npz_of(z), name, &is_raw);
    if (raw) *raw = is_raw ? 1 : 0;
    return r;
  });
}

CNP_API void cnp_npz_free(cnp_npz* z) {
  if (!z || z->magic != io::kNpzMagic) return;
  delete z;
}

CNP_API cnp_status cnp_io_tofile(const char* path, const cnp_array* a, const char* sep) {
  return run([&] {
    const Array& arr = any_array_of(a);
    Fd fd{io::open_file(path, O_WRONLY | O_CREAT | O_TRUNC)};
    io::tofile(fd.fd, arr, sep ? sep : "");
  });
}

CNP_API cnp_status cnp_io_tofile_fd(int32_t fd, const cnp_array* a, const char* sep) {
  return run([&] { io::tofile(check_fd(fd), any_array_of(a), sep ? sep : ""); });
}

CNP_API cnp_status cnp_io_fromfile(const char* path, const cnp_dtype* dtype, int64_t count, const char* sep, int64_t offset,
                                   cnp_array** out) {
  return produce(out, [&] {
    const Dtype* d = opt_any_dtype(dtype);
    Fd fd{io::open_file(path, O_RDONLY)};
    return io::fromfile(fd.fd, d, count, sep ? sep : "", offset);
  });
}

CNP_API cnp_status cnp_io_fromfile_fd(int32_t fd, const cnp_dtype* dtype, int64_t count, const char* sep, int64_t offset,
                                      cnp_array** out) {
  return produce(out, [&] { return io::fromfile(check_fd(fd), opt_any_dtype(dtype), count, sep ? sep : "", offset); });
}

CNP_API cnp_status cnp_io_fromstring(const void* data, int64_t size, const cnp_dtype* dtype, int64_t count, const char* sep,
                                     cnp_array** out) {
  return produce(out, [&] {
    return io::fromstring(static_cast<const char*>(data), size, opt_any_dtype(dtype), count, sep ? sep : "");
  });
}

}  // extern "C"
