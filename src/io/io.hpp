// numpy's binary I/O (docs/io.md): the .npy header (npy_header.cpp), .npy streams on files,
// descriptors and memory (npy_file.cpp), memory-mapped .npy files (mmap.cpp), .npz archives
// (npz.cpp, libzip) and ndarray.tofile / numpy.fromfile / numpy.fromstring (rawfile.cpp).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/array.hpp"
#include "core/dtype.hpp"

namespace cnp::io {

// ---- .npy header (npy_header.cpp) -----------------------------------------------------------
inline constexpr int64_t kDefaultMaxHeaderSize = 10000;  // numpy.lib.format._MAX_HEADER_SIZE

struct NpyHeader {
  DtypeRef dtype;
  std::vector<int64_t> shape;
  bool fortran = false;
  int major = 1, minor = 0;
  int64_t data_offset = 0;  // bytes from the start of the .npy stream to the data
  int64_t count = 1;        // elements
  int64_t nbytes = 0;       // count * itemsize (checked)
};

// Where the bytes of a .npy stream come from: read up to n bytes, fewer only at the end.
struct ByteSource {
  virtual ~ByteSource() = default;
  virtual int64_t read(char* buf, int64_t n) = 0;
  // Bytes left when known (a regular file, memory, a zip member), else -1.
  virtual int64_t remaining() const { return -1; }
};
struct ByteSink {
  virtual ~ByteSink() = default;
  virtual void write(const char* p, int64_t n) = 0;
};

// What refuses an object dtype: numpy.load's allow_pickle=False message, or open_memmap's.
enum class ObjectPolicy { kLoad, kLoadPickleAllowed, kMemmap };

// The preamble (magic, version, header length, header dict, padding, '\n') numpy.save writes for
// this array geometry: version 0 picks 1.0, else 2.0 (header > 65535 bytes), else 3.0 (non-latin-1
// text), as numpy's _wrap_header_guess_version; *used gets the version's major number.
std::string npy_preamble(const Dtype* dtype, int32_t ndim, const int64_t* shape, bool fortran, int version, int* used);
// Reads and checks magic, version and header with numpy's messages; max_header_size < 0: no limit.
NpyHeader read_npy_header(ByteSource& src, int64_t max_header_size, ObjectPolicy policy);
// numpy.lib.format.descr_to_dtype for a header's descr text (exposed for the fuzz target).
DtypeRef dtype_from_descr_text(std::string_view text);

// ---- .npy streams (npy_file.cpp) --------------------------------------------------------------
// The array's items in C order (raw bytes, whatever the layout), through a bounded buffer.
void write_c_order(ByteSink& sink, const Array& a);
// numpy.save: the header, then the data in C order (or F order when only F-contiguous).
void write_npy(ByteSink& sink, const Array& a, int version, int* used);
// numpy.load of a .npy stream. from_file: a short file gives numpy.fromfile's "cannot reshape"
// message, else _read_bytes's "EOF: reading array data ..." (numpy's two paths).
Array read_npy(ByteSource& src, int64_t max_header_size, bool allow_pickle, bool from_file);
std::string npy_bytes(const Array& a, int version, int* used);

// File descriptors: whole writes and reads, EINTR retried, OSError with strerror text.
void write_all_fd(int fd, const char* p, int64_t n);
class FdSource : public ByteSource {
 public:
  explicit FdSource(int fd);
  int64_t read(char* buf, int64_t n) override;
  int64_t remaining() const override;

 private:
  int fd_;
  int64_t remaining_ = -1;  // regular files: size - position at the start, then counted down
};
class FdSink : public ByteSink {
 public:
  explicit FdSink(int fd) : fd_(fd) {}
  void write(const char* p, int64_t n) override { write_all_fd(fd_, p, n); }

 private:
  int fd_;
};
class MemSource : public ByteSource {
 public:
  MemSource(const char* p, int64_t n) : p_(p), n_(n) {}
  int64_t read(char* buf, int64_t n) override;
  int64_t remaining() const override { return n_ - pos_; }
  int64_t position() const { return pos_; }

 private:
  const char* p_;
  int64_t n_, pos_ = 0;
};
struct StringSink : ByteSink {
  std::string data;
  void write(const char* p, int64_t n) override { data.append(p, static_cast<size_t>(n)); }
};
// A 1-D uint8 array owning a copy of bytes (how byte results cross the C ABI).
Array bytes_array(std::string&& bytes);
// open(2) with numpy/Python's OSError wording "[Errno 2] No such file or directory: 'x.npy'".
int open_file(const char* path, int flags, int mode = 0666);

// ---- memory maps (mmap.cpp) -------------------------------------------------------------------
// numpy.lib.format.open_memmap: mode "r", "r+", "c" read an existing file; "w+" creates one
// (dtype, shape, fortran, version). The array's buffer is the mapping (unmapped with the last view).
Array open_memmap(const char* path, std::string_view mode, const Dtype* dtype, int32_t ndim, const int64_t* shape,
                  bool fortran, int version, int64_t max_header_size);
// numpy.memmap's mode names to "r", "r+", "c", "w+" (ValueError with numpy's message otherwise).
std::string canonical_mode(std::string_view mode);
// numpy.memmap over a raw file descriptor: mode as above, dtype NULL = uint8, the
// data at byte `offset`, ndim < 0 = shape None (the rest of the file as 1-D); a descriptor is not
// truncated ("w+" truncates at open: the path form). The mapping starts
// at the page below offset; the file is extended for "r+"/"w+" when shorter than the data.
Array memmap(int fd, std::string_view mode, const Dtype* dtype, int64_t offset, int32_t ndim, const int64_t* shape,
             bool fortran);
// Whether a's memory is one of these mappings (views share it), and the mapping's data offset.
bool memmap_info(const Array& a, int64_t* offset);
// numpy.memmap.flush: msync of the whole mapping for shared writeable maps; nothing otherwise.
void memmap_flush(const Array& a);

// ---- raw files (rawfile.cpp) -------------------------------------------------------------------
// ndarray.tofile: binary (sep empty) in C order, or text: elements as str() joined by sep.
void tofile(int fd, const Array& a, std::string_view sep);
// numpy.fromfile / numpy.fromstring: binary (sep empty) or text separated by sep.
Array fromfile(int fd, const Dtype* dtype, int64_t count, std::string_view sep, int64_t offset);
Array fromstring(const char* data, int64_t size, const Dtype* dtype, int64_t count, std::string_view sep);

}  // namespace cnp::io
