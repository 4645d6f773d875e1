// .npz archives: read with libzip, which reads zip64 (numpy.savez writes every member with
// force_zip64), deflate and stored members, from files, descriptors and memory, and checks each
// member's CRC. Zip bombs: a member is read only up to the uncompressed size the central
// directory declares, that size must be one deflate could produce from the compressed bytes
// present (at most 1032 output bytes per input byte), and the .npy header inside must declare no
// more data than the member holds, so nothing is allocated or inflated beyond what the archive's
// own size allows.
#include "io/npz.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>
#include <zlib.h>

#include <cstring>
#include <ctime>
#include <memory>
#include <string>

#include "core/error.hpp"
#include "io/io.hpp"

cnp_npz::~cnp_npz() {
  if (archive) zip_discard(archive);
  if (map) ::munmap(map, map_len);
  magic = 0;
}

namespace cnp::io {
namespace {

constexpr int64_t kDeflateMaxRatio = 1032;  // deflate's largest expansion (258-byte matches in ~2 bits)

[[noreturn]] void bad_zip(const std::string& why) { throw Error(CNP_ERR_VALUE, "File is not a zip file: " + why); }

cnp_npz* finish_open(std::unique_ptr<cnp_npz> z) {
  zip_int64_t n = zip_get_num_entries(z->archive, 0);
  if (n < 0) bad_zip("cannot count the members");
  for (zip_int64_t i = 0; i < n; ++i) {
    const char* name = zip_get_name(z->archive, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_GUESS);
    if (!name) bad_zip("cannot read a member name");
    z->names.emplace_back(name);
  }
  return z.release();
}

std::unique_ptr<cnp_npz> new_npz(int64_t max_header_size, bool allow_pickle) {
  auto z = std::make_unique<cnp_npz>();
  z->magic = kNpzMagic;
  z->max_header_size = max_header_size;
  z->allow_pickle = allow_pickle;
  return z;
}

// One member as a ByteSource: never asks libzip for more than the declared size.
class MemberSource : public ByteSource {
 public:
  MemberSource(zip_t* za, zip_uint64_t index, int64_t size) : size_(size) {
    f_ = zip_fopen_index(za, index, 0);
    if (!f_) throw Error(CNP_ERR_VALUE, std::string("Bad zip member: ") + zip_strerror(za));
  }
  ~MemberSource() override {
    if (f_) zip_fclose(f_);
  }
  int64_t read(char* buf, int64_t n) override {
    n = std::min(n, size_ - pos_);
    int64_t total = 0;
    while (total < n) {
      zip_int64_t r = zip_fread(f_, buf + total, static_cast<zip_uint64_t>(n - total));
      if (r < 0) throw Error(CNP_ERR_VALUE, std::string("Bad zip member: ") + zip_file_strerror(f_));
      if (r == 0) break;
      total += r;
    }
    pos_ += total;
    return total;
  }
  int64_t remaining() const override { return size_ - pos_; }
  // Reads to the member's end (at most what was declared) so that libzip checks its CRC.
  void finish() {
    char tail[4096];
    while (pos_ < size_) {
      int64_t got = read(tail, std::min<int64_t>(sizeof tail, size_ - pos_));
      if (got == 0) break;
    }
    zip_int64_t r = zip_fread(f_, tail, 1);
    if (r < 0) throw Error(CNP_ERR_VALUE, std::string("Bad zip member: ") + zip_file_strerror(f_));
    if (r > 0) throw Error(CNP_ERR_VALUE, "Bad zip member: more data than its declared size");
  }

 private:
  zip_file_t* f_ = nullptr;
  int64_t size_, pos_ = 0;
};

}  // namespace

namespace {

// libzip over memory the handle owns (its string or its mapping).
cnp_npz* open_over(std::unique_ptr<cnp_npz> z, const char* data, size_t size) {
  z->archive_size = static_cast<int64_t>(size);
  // libzip opens no bytes as a new, empty archive; Python's zipfile (and so numpy) refuses them.
  if (size == 0) bad_zip("Not a zip archive");
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(size ? data : nullptr, size, 0, &err);
  if (!src) {
    std::string why = zip_error_strerror(&err);
    zip_error_fini(&err);
    throw Error(CNP_ERR_MEMORY, why);
  }
  z->archive = zip_open_from_source(src, ZIP_RDONLY, &err);
  if (!z->archive) {
    zip_source_free(src);
    std::string why = zip_error_strerror(&err);
    zip_error_fini(&err);
    bad_zip(why);
  }
  zip_error_fini(&err);
  return finish_open(std::move(z));
}

}  // namespace

cnp_npz* npz_open_path(const char* path, int64_t max_header_size, bool allow_pickle) {
  int fd = open_file(path, O_RDONLY);
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    void* m = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    if (m != MAP_FAILED) {
      auto z = new_npz(max_header_size, allow_pickle);
      z->map = m;
      z->map_len = static_cast<size_t>(st.st_size);
      return open_over(std::move(z), static_cast<const char*>(m), z->map_len);
    }
  }
  return npz_open_fd(fd, max_header_size, allow_pickle);
}

cnp_npz* npz_open_fd(int fd, int64_t max_header_size, bool allow_pickle) {
  // The archive is read into memory once (zip readers seek all over it): the file's size bounds it.
  FdSource src(fd);
  auto z = new_npz(max_header_size, allow_pickle);
  int64_t rem = src.remaining();
  if (rem >= 0) {
    z->bytes.resize(static_cast<size_t>(rem));
    z->bytes.resize(static_cast<size_t>(src.read(z->bytes.data(), rem)));
  } else {
    char buf[1 << 16];
    for (;;) {
      int64_t got = src.read(buf, sizeof buf);
      z->bytes.append(buf, static_cast<size_t>(got));
      if (got < static_cast<int64_t>(sizeof buf)) break;
    }
  }
  const char* p = z->bytes.data();
  size_t n = z->bytes.size();
  return open_over(std::move(z), p, n);
}

cnp_npz* npz_open_bytes(const char* data, int64_t size, int64_t max_header_size, bool allow_pickle) {
  if (!data && size) throw Error(CNP_ERR_INVALID_HANDLE, "data is NULL");
  if (size < 0) throw Error(CNP_ERR_VALUE, "size must be >= 0");
  auto z = new_npz(max_header_size, allow_pickle);
  z->bytes.assign(data ? data : "", static_cast<size_t>(size));
  const char* p = z->bytes.data();
  size_t n = z->bytes.size();
  return open_over(std::move(z), p, n);
}

Array npz_get(cnp_npz* z, const char* name, bool* raw) {
  if (!name) throw Error(CNP_ERR_INVALID_HANDLE, "name is NULL");
  std::lock_guard<std::mutex> guard(z->lock);
  std::string key = name;
  int64_t index = -1;
  for (size_t i = 0; i < z->names.size() && index < 0; ++i)
    if (z->names[i] == key) index = static_cast<int64_t>(i);
  for (size_t i = 0; i < z->names.size() && index < 0; ++i)
    if (z->names[i] == key + ".npy") index = static_cast<int64_t>(i);
  if (index < 0) throw Error(CNP_ERR_KEY, key + " is not a file in the archive");
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(z->archive, static_cast<zip_uint64_t>(index), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) ||
      !(st.valid & ZIP_STAT_COMP_SIZE))
    throw Error(CNP_ERR_VALUE, "Bad zip member: " + z->names[static_cast<size_t>(index)]);
  // The declared size must be producible from the bytes present (stored: equal; deflate: the
  // largest expansion), so reading never allocates beyond a multiple of the archive's size.
  uint64_t cap = st.comp_size > static_cast<uint64_t>(z->archive_size) ? 0 : st.comp_size * kDeflateMaxRatio + 64;
  if (st.size > cap || st.size > static_cast<uint64_t>(INT64_MAX))
    throw Error(CNP_ERR_VALUE, "Bad zip member " + py_repr(z->names[static_cast<size_t>(index)]) + ": declares " +
                                   std::to_string(st.size) + " bytes from " + std::to_string(st.comp_size) +
                                   " compressed bytes, more than decompression can produce");
  int64_t size = static_cast<int64_t>(st.size);
  char magic[6];
  int64_t got;
  {
    MemberSource probe(z->archive, static_cast<zip_uint64_t>(index), size);
    got = probe.read(magic, 6);
  }
  MemberSource src(z->archive, static_cast<zip_uint64_t>(index), size);
  if (got == 6 && std::memcmp(magic, "\x93NUMPY", 6) == 0) {
    *raw = false;
    Array a = read_npy(src, z->max_header_size, z->allow_pickle, false);
    src.finish();
    return a;
  }
  *raw = true;
  std::string bytes(static_cast<size_t>(size), '\0');
  int64_t n = src.read(bytes.data(), size);
  if (n != size) throw Error(CNP_ERR_VALUE, "Bad zip member: shorter than its declared size");
  src.finish();
  return bytes_array(std::move(bytes));
}

namespace {

// The zip container of numpy.savez, written directly (zlib's raw deflate for the compressed
// form, as Python's zipfile uses it): libzip's writer staged every member through its buffer
// sources and was 15x slower than zipfile here. Each local header carries the zip64 extra field
// (zipfile's force_zip64, which numpy.savez asks for), so members of any size need no rewrite;
// the central directory and end records switch to zip64 only where a value needs it.
void put16(std::string& s, uint32_t v) {
  s += static_cast<char>(v & 0xFF);
  s += static_cast<char>((v >> 8) & 0xFF);
}
void put32(std::string& s, uint32_t v) {
  put16(s, v & 0xFFFF);
  put16(s, v >> 16);
}
void put64(std::string& s, uint64_t v) {
  put32(s, static_cast<uint32_t>(v & 0xFFFFFFFFu));
  put32(s, static_cast<uint32_t>(v >> 32));
}
void patch32(std::string& s, size_t at, uint32_t v) {
  for (int k = 0; k < 4; ++k) s[at + static_cast<size_t>(k)] = static_cast<char>((v >> (8 * k)) & 0xFF);
}
void patch64(std::string& s, size_t at, uint64_t v) {
  patch32(s, at, static_cast<uint32_t>(v & 0xFFFFFFFFu));
  patch32(s, at + 4, static_cast<uint32_t>(v >> 32));
}

struct Entry {
  std::string name;
  uint32_t crc = 0;
  uint64_t csize = 0, usize = 0, offset = 0;
  bool deflate = false;
};

// MS-DOS date and time of now (zipfile stamps members with the local time).
void dos_time(uint16_t* t, uint16_t* d) {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  *t = static_cast<uint16_t>((tm.tm_hour << 11) | (tm.tm_min << 5) | (tm.tm_sec / 2));
  *d = static_cast<uint16_t>(((tm.tm_year - 80) << 9) | ((tm.tm_mon + 1) << 5) | tm.tm_mday);
}

// Appends one member's data (stored or raw-deflated) from the .npy stream of a, returning crc.
class MemberSink : public ByteSink {
 public:
  MemberSink(std::string& out, bool deflate) : out_(out), deflate_(deflate) {
    if (deflate_) {
      std::memset(&z_, 0, sizeof z_);
      if (deflateInit2(&z_, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw Error(CNP_ERR_MEMORY, "zlib: deflateInit2 failed");
    }
  }
  ~MemberSink() override {
    if (deflate_) deflateEnd(&z_);
  }
  void write(const char* p, int64_t n) override {
    while (n > 0) {
      uInt k = static_cast<uInt>(std::min<int64_t>(n, int64_t{1} << 30));
      crc_ = crc32(crc_, reinterpret_cast<const Bytef*>(p), k);
      usize_ += k;
      if (deflate_) pump(p, k, Z_NO_FLUSH);
      else out_.append(p, k);
      p += k;
      n -= k;
    }
  }
  void finish() {
    if (deflate_) pump(nullptr, 0, Z_FINISH);
  }
  uint32_t crc() const { return static_cast<uint32_t>(crc_); }
  uint64_t usize() const { return usize_; }

 private:
  void pump(const char* p, uInt n, int flush) {
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(p));
    z_.avail_in = n;
    char buf[1 << 16];
    for (;;) {
      z_.next_out = reinterpret_cast<Bytef*>(buf);
      z_.avail_out = sizeof buf;
      int r = deflate(&z_, flush);
      if (r == Z_STREAM_ERROR) throw Error(CNP_ERR_INTERNAL, "zlib: deflate failed");
      out_.append(buf, sizeof buf - z_.avail_out);
      if (flush == Z_FINISH ? r == Z_STREAM_END : (z_.avail_in == 0 && z_.avail_out != 0)) break;
    }
  }
  std::string& out_;
  bool deflate_;
  z_stream z_;
  uLong crc_ = crc32(0L, Z_NULL, 0);
  uint64_t usize_ = 0;
};

}  // namespace

std::string npz_bytes(int32_t n, const char* const* names, const Array* const* arrays, bool compress) {
  if (n < 0 || (n > 0 && (!names || !arrays))) throw Error(CNP_ERR_INVALID_HANDLE, "names or arrays is NULL");
  for (int32_t i = 0; i < n; ++i) {
    if (!names[i]) throw Error(CNP_ERR_INVALID_HANDLE, "name is NULL");
    for (int32_t j = 0; j < i; ++j)
      if (std::strcmp(names[i], names[j]) == 0) throw Error(CNP_ERR_VALUE, std::string("duplicate member name ") + py_repr(names[i]));
  }
  uint16_t mtime, mdate;
  dos_time(&mtime, &mdate);
  std::string out;
  if (!compress) {
    uint64_t total = 22;
    for (int32_t i = 0; i < n; ++i)
      total += static_cast<uint64_t>(arrays[i]->size() * arrays[i]->itemsize()) + 2 * std::strlen(names[i]) + 400;
    out.reserve(static_cast<size_t>(total));  // one allocation: no regrowth copies of large members
  }
  std::vector<Entry> entries;
  for (int32_t i = 0; i < n; ++i) {
    Entry e;
    e.name = std::string(names[i]) + ".npy";
    e.deflate = compress;
    e.offset = out.size();
    bool utf8 = false;
    for (unsigned char c : e.name) utf8 = utf8 || c >= 0x80;
    put32(out, 0x04034b50);
    put16(out, 45);                                   // version needed: zip64
    put16(out, utf8 ? 0x800 : 0);                     // flags: UTF-8 name
    put16(out, compress ? 8 : 0);
    put16(out, mtime);
    put16(out, mdate);
    size_t crc_at = out.size();
    put32(out, 0);                                    // crc, patched
    put32(out, 0xFFFFFFFFu);                          // sizes in the zip64 extra
    put32(out, 0xFFFFFFFFu);
    put16(out, static_cast<uint32_t>(e.name.size()));
    put16(out, 20);
    out += e.name;
    put16(out, 0x0001);                               // zip64 extra: uncompressed, compressed size
    put16(out, 16);
    size_t sizes_at = out.size();
    put64(out, 0);
    put64(out, 0);
    size_t data_at = out.size();
    MemberSink sink(out, compress);
    write_npy(sink, *arrays[i], 0, nullptr);
    sink.finish();
    e.crc = sink.crc();
    e.usize = sink.usize();
    e.csize = out.size() - data_at;
    patch32(out, crc_at, e.crc);
    patch64(out, sizes_at, e.usize);
    patch64(out, sizes_at + 8, e.csize);
    entries.push_back(std::move(e));
  }
  const uint64_t cd_offset = out.size();
  for (const Entry& e : entries) {
    bool big_u = e.usize >= 0xFFFFFFFFu, big_c = e.csize >= 0xFFFFFFFFu, big_o = e.offset >= 0xFFFFFFFFu;
    uint32_t extra = (big_u ? 8 : 0) + (big_c ? 8 : 0) + (big_o ? 8 : 0);
    bool utf8 = false;
    for (unsigned char c : e.name) utf8 = utf8 || c >= 0x80;
    put32(out, 0x02014b50);
    put16(out, (3 << 8) | 45);                        // made by: Unix, zip 4.5
    put16(out, 45);
    put16(out, utf8 ? 0x800 : 0);
    put16(out, e.deflate ? 8 : 0);
    put16(out, mtime);
    put16(out, mdate);
    put32(out, e.crc);
    put32(out, big_c ? 0xFFFFFFFFu : static_cast<uint32_t>(e.csize));
    put32(out, big_u ? 0xFFFFFFFFu : static_cast<uint32_t>(e.usize));
    put16(out, static_cast<uint32_t>(e.name.size()));
    put16(out, extra ? extra + 4 : 0);
    put16(out, 0);                                    // comment
    put16(out, 0);                                    // disk
    put16(out, 0);                                    // internal attributes
    put32(out, 0600u << 16);                          // external: -rw------- (zipfile's for written members)
    put32(out, big_o ? 0xFFFFFFFFu : static_cast<uint32_t>(e.offset));
    out += e.name;
    if (extra) {
      put16(out, 0x0001);
      put16(out, extra);
      if (big_u) put64(out, e.usize);
      if (big_c) put64(out, e.csize);
      if (big_o) put64(out, e.offset);
    }
  }
  const uint64_t cd_size = out.size() - cd_offset;
  const uint64_t count = entries.size();
  if (count >= 0xFFFF || cd_offset >= 0xFFFFFFFFu || cd_size >= 0xFFFFFFFFu) {
    const uint64_t z64_at = out.size();
    put32(out, 0x06064b50);
    put64(out, 44);
    put16(out, 45);
    put16(out, 45);
    put32(out, 0);
    put32(out, 0);
    put64(out, count);
    put64(out, count);
    put64(out, cd_size);
    put64(out, cd_offset);
    put32(out, 0x07064b50);
    put32(out, 0);
    put64(out, z64_at);
    put32(out, 1);
  }
  put32(out, 0x06054b50);
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<uint32_t>(std::min<uint64_t>(count, 0xFFFF)));
  put16(out, static_cast<uint32_t>(std::min<uint64_t>(count, 0xFFFF)));
  put32(out, static_cast<uint32_t>(std::min<uint64_t>(cd_size, 0xFFFFFFFFu)));
  put32(out, static_cast<uint32_t>(std::min<uint64_t>(cd_offset, 0xFFFFFFFFu)));
  put16(out, 0);
  return out;
}

}  // namespace cnp::io
