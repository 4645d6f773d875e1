// .npy streams on file descriptors and memory: numpy.save's bytes (header then raw data, C order
// or F order when the array is only F-contiguous) and numpy.load's checks. The data is written
// from the array's memory and read straight into the new array's memory (one pass, no staging),
// once the bytes present are known to cover what the header declares.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "io/io.hpp"

namespace cnp::io {

[[noreturn]] static void throw_errno(int err, const std::string& what) {
  throw Error(CNP_ERR_OS, "[Errno " + std::to_string(err) + "] " + std::strerror(err) + (what.empty() ? "" : ": " + what));
}

int open_file(const char* path, int flags, int mode) {
  if (!path) throw Error(CNP_ERR_INVALID_HANDLE, "path is NULL");
  int fd;
  do fd = ::open(path, flags | O_CLOEXEC, mode);
  while (fd < 0 && errno == EINTR);
  if (fd < 0) throw_errno(errno, py_repr(path));
  return fd;
}

void write_all_fd(int fd, const char* p, int64_t n) {
  while (n > 0) {
    ssize_t w = ::write(fd, p, static_cast<size_t>(std::min<int64_t>(n, int64_t{1} << 30)));
    if (w < 0) {
      if (errno == EINTR) continue;
      throw_errno(errno, "");
    }
    p += w;
    n -= w;
  }
}

FdSource::FdSource(int fd) : fd_(fd) {
  struct stat st;
  if (::fstat(fd, &st) != 0) throw_errno(errno, "");
  if (S_ISREG(st.st_mode)) {
    off_t pos = ::lseek(fd, 0, SEEK_CUR);
    if (pos >= 0) remaining_ = st.st_size > pos ? st.st_size - pos : 0;
  }
}

int64_t FdSource::read(char* buf, int64_t n) {
  int64_t total = 0;
  while (total < n) {
    ssize_t r = ::read(fd_, buf + total, static_cast<size_t>(std::min<int64_t>(n - total, int64_t{1} << 30)));
    if (r < 0) {
      if (errno == EINTR) continue;
      throw_errno(errno, "");
    }
    if (r == 0) break;
    total += r;
  }
  if (remaining_ >= 0) remaining_ = std::max<int64_t>(0, remaining_ - total);
  return total;
}

int64_t FdSource::remaining() const { return remaining_; }

int64_t MemSource::read(char* buf, int64_t n) {
  int64_t k = std::min(n, n_ - pos_);
  if (k > 0) std::memcpy(buf, p_ + pos_, static_cast<size_t>(k));
  pos_ += k;
  return k;
}

Array bytes_array(std::string&& bytes) {
  int64_t n = static_cast<int64_t>(bytes.size());
  Array a = Array::allocate(builtin_dtype(CNP_UINT8), 1, &n, CNP_ORDER_C);
  if (n) std::memcpy(a.data(), bytes.data(), bytes.size());
  return a;
}

void write_c_order(ByteSink& sink, const Array& a) {
  const int64_t item = a.itemsize();
  const int64_t n = a.size();
  if (n == 0 || item == 0) return;
  if (a.c_contiguous()) {
    sink.write(a.data(), n * item);
    return;
  }
  // Whole items gathered in C order through a bounded buffer, as numpy's buffered nditer does
  // (padding bytes of records included; no copy of the whole array).
  const int32_t nd = a.ndim();
  const int64_t kChunk = int64_t{16} << 20;
  std::string buf(static_cast<size_t>(std::min(n * item, std::max(kChunk, item))), '\0');
  size_t used = 0;
  const int64_t inner = a.shape(nd - 1), istride = a.stride(nd - 1);
  std::vector<int64_t> idx(static_cast<size_t>(nd), 0);
  for (;;) {
    const char* row = a.data();
    for (int32_t k = 0; k + 1 < nd; ++k) row += idx[static_cast<size_t>(k)] * a.stride(k);
    for (int64_t j = 0; j < inner; ++j) {
      if (used + static_cast<size_t>(item) > buf.size()) {
        sink.write(buf.data(), static_cast<int64_t>(used));
        used = 0;
      }
      std::memcpy(buf.data() + used, row + j * istride, static_cast<size_t>(item));
      used += static_cast<size_t>(item);
    }
    int32_t k = nd - 2;
    for (; k >= 0; --k) {
      if (++idx[static_cast<size_t>(k)] < a.shape(k)) break;
      idx[static_cast<size_t>(k)] = 0;
    }
    if (k < 0) break;
  }
  sink.write(buf.data(), static_cast<int64_t>(used));
}

void write_npy(ByteSink& sink, const Array& a, int version, int* used) {
  // numpy's header_data_from_array_1_0: C-contiguous wins, then F-contiguous, else C order.
  bool fortran = !a.c_contiguous() && a.f_contiguous();
  std::string pre = npy_preamble(a.dtype(), a.ndim(), a.shape(), fortran, version, used);
  sink.write(pre.data(), static_cast<int64_t>(pre.size()));
  int64_t nbytes = a.size() * a.itemsize();
  if (nbytes == 0) return;
  if (fortran) sink.write(a.data(), nbytes);
  else write_c_order(sink, a);
}

std::string npy_bytes(const Array& a, int version, int* used) {
  StringSink s;
  write_npy(s, a, version, used);
  return std::move(s.data);
}

namespace {

std::string shape_text(const std::vector<int64_t>& shape, bool reversed) {
  // numpy's reshape message spells the shape without spaces: (3,3), (4,), ().
  std::string s = "(";
  size_t n = shape.size();
  for (size_t i = 0; i < n; ++i) {
    if (i) s += ",";
    s += std::to_string(shape[reversed ? n - 1 - i : i]);
  }
  if (n == 1) s += ",";
  return s + ")";
}

[[noreturn]] void short_file(const NpyHeader& hd, int64_t bytes_present) {
  int64_t items = hd.dtype->itemsize ? bytes_present / hd.dtype->itemsize : 0;
  throw Error(CNP_ERR_VALUE, "cannot reshape array of size " + std::to_string(items) + " into shape " +
                                 shape_text(hd.shape, hd.fortran));
}

[[noreturn]] void short_stream(const NpyHeader& hd, int64_t bytes_present) {
  // numpy reads a non-file stream in chunks of BUFFER_SIZE // itemsize elements and names the chunk it failed in.
  const int64_t kBuffer = int64_t{1} << 18;
  int64_t item = hd.dtype->itemsize;
  int64_t chunk = (kBuffer / std::min(kBuffer, item)) * item;
  int64_t start = (bytes_present / chunk) * chunk;
  int64_t expect = std::min(chunk, hd.nbytes - start);
  throw Error(CNP_ERR_VALUE, "EOF: reading array data, expected " + std::to_string(expect) + " bytes got " +
                                 std::to_string(bytes_present - start));
}

}  // namespace

Array read_npy(ByteSource& src, int64_t max_header_size, bool allow_pickle, bool from_file) {
  NpyHeader hd = read_npy_header(src, allow_pickle ? -1 : max_header_size,
                                 allow_pickle ? ObjectPolicy::kLoadPickleAllowed : ObjectPolicy::kLoad);
  int32_t ndim = static_cast<int32_t>(hd.shape.size());
  int64_t rem = src.remaining();
  if (rem >= 0 && rem < hd.nbytes) {
    if (from_file) short_file(hd, rem);
    short_stream(hd, rem);
  }
  const int64_t kBlind = int64_t{64} << 20;  // unknown-length streams: allocate by what arrives beyond this
  if (rem < 0 && hd.nbytes > kBlind) {
    std::string staged;
    while (static_cast<int64_t>(staged.size()) < hd.nbytes) {
      int64_t chunk = std::min<int64_t>(hd.nbytes - static_cast<int64_t>(staged.size()), kBlind);
      size_t old = staged.size();
      staged.resize(old + static_cast<size_t>(chunk));
      int64_t got = src.read(staged.data() + old, chunk);
      staged.resize(old + static_cast<size_t>(got));
      if (got < chunk) break;
    }
    if (static_cast<int64_t>(staged.size()) < hd.nbytes) {
      if (from_file) short_file(hd, static_cast<int64_t>(staged.size()));
      short_stream(hd, static_cast<int64_t>(staged.size()));
    }
    Array a = Array::allocate(hd.dtype.get(), ndim, hd.shape.data(), hd.fortran ? CNP_ORDER_F : CNP_ORDER_C);
    std::memcpy(a.data(), staged.data(), staged.size());
    return a;
  }
  Array a = Array::allocate(hd.dtype.get(), ndim, hd.shape.data(), hd.fortran ? CNP_ORDER_F : CNP_ORDER_C);
  if (hd.nbytes > 0) {
    int64_t got = src.read(a.data(), hd.nbytes);
    if (got < hd.nbytes) {
      if (from_file) short_file(hd, got);
      short_stream(hd, got);
    }
  }
  return a;
}

}  // namespace cnp::io
