// .npz archives on libzip: it reads and writes zip64 (numpy.savez writes every member with
// force_zip64), deflate and stored members, from files, descriptors and memory, and checks each
// member's CRC. Zip bombs: a member is read only up to the uncompressed size the central
// directory declares, that size must be one deflate could produce from the compressed bytes
// present (at most 1032 output bytes per input byte), and the .npy header inside must declare no
// more data than the member holds, so nothing is allocated or inflated beyond what the archive's
// own size allows.
#include "io/npz.hpp"

#include <fcntl.h>
#include <unistd.h>
#include <zip.h>

#include <cstring>
#include <memory>
#include <string>

#include "core/error.hpp"
#include "io/io.hpp"

cnp_npz::~cnp_npz() {
  if (archive) zip_discard(archive);
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

cnp_npz* npz_open_path(const char* path, int64_t max_header_size, bool allow_pickle) {
  int fd = open_file(path, O_RDONLY);
  try {
    cnp_npz* z = npz_open_fd(fd, max_header_size, allow_pickle);
    ::close(fd);
    return z;
  } catch (...) {
    ::close(fd);
    throw;
  }
}

cnp_npz* npz_open_fd(int fd, int64_t max_header_size, bool allow_pickle) {
  // The archive is read into memory once (zip readers seek all over it): the file's size bounds it.
  FdSource src(fd);
  std::string bytes;
  char buf[1 << 16];
  for (;;) {
    int64_t got = src.read(buf, sizeof buf);
    bytes.append(buf, static_cast<size_t>(got));
    if (got < static_cast<int64_t>(sizeof buf)) break;
  }
  return npz_open_bytes(bytes.data(), static_cast<int64_t>(bytes.size()), max_header_size, allow_pickle);
}

cnp_npz* npz_open_bytes(const char* data, int64_t size, int64_t max_header_size, bool allow_pickle) {
  if (!data && size) throw Error(CNP_ERR_INVALID_HANDLE, "data is NULL");
  if (size < 0) throw Error(CNP_ERR_VALUE, "size must be >= 0");
  auto z = new_npz(max_header_size, allow_pickle);
  z->bytes.assign(data ? data : "", static_cast<size_t>(size));
  z->archive_size = size;
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(z->bytes.data(), z->bytes.size(), 0, &err);
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

std::string npz_bytes(int32_t n, const char* const* names, const Array* const* arrays, bool compress) {
  if (n < 0 || (n > 0 && (!names || !arrays))) throw Error(CNP_ERR_INVALID_HANDLE, "names or arrays is NULL");
  if (n == 0) {
    // libzip writes nothing for an empty archive; zipfile writes the 22-byte end record.
    return std::string("PK\x05\x06", 4) + std::string(18, '\0');
  }
  for (int32_t i = 0; i < n; ++i) {
    if (!names[i]) throw Error(CNP_ERR_INVALID_HANDLE, "name is NULL");
    for (int32_t j = 0; j < i; ++j)
      if (std::strcmp(names[i], names[j]) == 0) throw Error(CNP_ERR_VALUE, std::string("duplicate member name ") + py_repr(names[i]));
  }
  std::vector<std::string> blobs(static_cast<size_t>(n));  // must outlive zip_close
  for (int32_t i = 0; i < n; ++i) blobs[static_cast<size_t>(i)] = npy_bytes(*arrays[i], 0, nullptr);
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &err);
  if (!out) throw std::bad_alloc();
  zip_source_keep(out);
  struct SourceHold {
    zip_source_t* s;
    ~SourceHold() { zip_source_free(s); }
  } hold{out};
  zip_t* za = zip_open_from_source(out, ZIP_TRUNCATE, &err);
  if (!za) {
    std::string why = zip_error_strerror(&err);
    zip_error_fini(&err);
    throw Error(CNP_ERR_INTERNAL, "libzip: " + why);
  }
  zip_error_fini(&err);
  auto fail = [&](const std::string& what) {
    std::string why = zip_strerror(za);
    zip_discard(za);
    throw Error(CNP_ERR_INTERNAL, "libzip: " + what + ": " + why);
  };
  for (int32_t i = 0; i < n; ++i) {
    const std::string& b = blobs[static_cast<size_t>(i)];
    zip_source_t* s = zip_source_buffer(za, b.data(), b.size(), 0);
    if (!s) fail("source");
    std::string member = std::string(names[i]) + ".npy";
    zip_int64_t idx = zip_file_add(za, member.c_str(), s, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
      zip_source_free(s);
      fail("add " + member);
    }
    if (zip_set_file_compression(za, static_cast<zip_uint64_t>(idx), compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0) != 0)
      fail("compression");
  }
  if (zip_close(za) != 0) fail("close");
  zip_stat_t st;
  if (zip_source_open(out) != 0) throw Error(CNP_ERR_INTERNAL, "libzip: reopening the archive buffer");
  zip_stat_init(&st);
  std::string result;
  if (zip_source_stat(out, &st) == 0 && (st.valid & ZIP_STAT_SIZE)) {
    result.resize(static_cast<size_t>(st.size));
    zip_int64_t r = zip_source_read(out, result.data(), st.size);
    if (r < 0 || static_cast<zip_uint64_t>(r) != st.size) {
      zip_source_close(out);
      throw Error(CNP_ERR_INTERNAL, "libzip: reading the archive buffer");
    }
  }
  zip_source_close(out);
  return result;
}

}  // namespace cnp::io
