// numpy's binary I/O through the C ABI (include/cnumpy/io.h): .npy on paths, descriptors and
// memory (the exact bytes numpy.save writes for a 3x3 float64, the audit's DS-IO-1), format
// versions, memory maps in every mode, .npz archives, tofile/fromfile/fromstring, and the
// error paths (bad magic, truncation, huge declared shapes, bad handles) with numpy's messages.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "capi_test_util.hpp"
#include "cnumpy/cnumpy.h"
#include "io/pyliteral.hpp"

using capi_test::Handle;

namespace {

std::string temp_path(const char* name) {
  const char* dir = std::getenv("TMPDIR");
  return std::string(dir && *dir ? dir : "/tmp") + "/cnp_test_io_" + std::to_string(::getpid()) + "_" + name;
}

std::string bytes_of(const cnp_array* a) {
  void* p = nullptr;
  int64_t n = 0;
  REQUIRE(cnp_array_data(a, &p) == CNP_OK);
  REQUIRE(cnp_array_size(a, &n) == CNP_OK);
  return std::string(static_cast<const char*>(p), static_cast<size_t>(n));
}

std::vector<double> doubles_of(const cnp_array* a) {
  void* p = nullptr;
  int64_t n = 0;
  REQUIRE(cnp_array_data(a, &p) == CNP_OK);
  REQUIRE(cnp_array_size(a, &n) == CNP_OK);
  const double* d = static_cast<const double*>(p);
  return std::vector<double>(d, d + n);
}

// DS-IO-1 and the bytes numpy 1.24 writes for it (np.save of np.arange(9.).reshape(3, 3)):
// the 118-byte header padded to 128 bytes with spaces and '\n', then the data.
// A format 1.0 preamble around a header dict, padded as numpy pads it (total a multiple of 64).
std::string npy_with(const std::string& dict) {
  size_t total = (10 + dict.size() + 1 + 63) / 64 * 64;
  if ((10 + dict.size() + 1) % 64 == 0) total += 64;  // numpy always pads by 1..64
  size_t hlen = total - 10;
  std::string s = std::string("\x93NUMPY\x01\x00", 8);
  s += static_cast<char>(hlen & 0xFF);
  s += static_cast<char>(hlen >> 8);
  return s + dict + std::string(hlen - dict.size() - 1, ' ') + "\n";
}
const std::string kHeader33 = npy_with("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 3), }" + std::string(20, ' '));

void ds_io_1(Handle& a) { capi_test::iota<double>(a, CNP_FLOAT64, {3, 3}, 0.0); }

}  // namespace

TEST_CASE("save writes numpy's bytes and load reads them (memory, path, fd)", "[io]") {
  Handle a;
  ds_io_1(a);
  Handle bytes;
  int32_t used = 0;
  REQUIRE(cnp_io_save_bytes(a, 0, &used, bytes.out()) == CNP_OK);
  CHECK(used == 1);
  std::string b = bytes_of(bytes);
  REQUIRE(b.size() == 128 + 72);
  CHECK(b.substr(0, 128) == kHeader33);

  Handle back;
  int64_t consumed = 0;
  REQUIRE(cnp_io_load_bytes(b.data(), static_cast<int64_t>(b.size()), 0, 10000, &consumed, back.out()) == CNP_OK);
  CHECK(consumed == 200);
  CHECK(doubles_of(back) == std::vector<double>{0, 1, 2, 3, 4, 5, 6, 7, 8});

  std::string path = temp_path("a.npy");
  REQUIRE(cnp_io_save(path.c_str(), a, 0, nullptr) == CNP_OK);
  REQUIRE(cnp_io_load(path.c_str(), nullptr, 0, 10000, back.out()) == CNP_OK);
  CHECK(doubles_of(back) == std::vector<double>{0, 1, 2, 3, 4, 5, 6, 7, 8});

  // Two arrays through one descriptor: each load leaves the position after its data.
  int fd = ::open(path.c_str(), O_RDWR | O_TRUNC);
  REQUIRE(fd >= 0);
  REQUIRE(cnp_io_save_fd(fd, a, 0, nullptr) == CNP_OK);
  REQUIRE(cnp_io_save_fd(fd, a, 2, &used) == CNP_OK);
  CHECK(used == 2);
  REQUIRE(::lseek(fd, 0, SEEK_SET) == 0);
  REQUIRE(cnp_io_load_fd(fd, 0, 10000, back.out()) == CNP_OK);
  CHECK(::lseek(fd, 0, SEEK_CUR) == 200);
  REQUIRE(cnp_io_load_fd(fd, 0, 10000, back.out()) == CNP_OK);
  CHECK(doubles_of(back).size() == 9);
  ::close(fd);
  std::remove(path.c_str());
}

TEST_CASE("memory maps: r is read-only, r+ writes through, c copies, w+ creates", "[io]") {
  Handle a;
  ds_io_1(a);
  std::string path = temp_path("m.npy");
  REQUIRE(cnp_io_save(path.c_str(), a, 0, nullptr) == CNP_OK);
  Handle m;
  REQUIRE(cnp_io_load(path.c_str(), "r", 0, 10000, m.out()) == CNP_OK);
  int32_t flags = 0;
  REQUIRE(cnp_array_flags(m, &flags) == CNP_OK);
  CHECK((flags & CNP_FLAG_WRITEABLE) == 0);
  CHECK(cnp_array_set_writeable(m, 1) == CNP_ERR_VALUE);
  CHECK(doubles_of(m)[8] == 8.0);

  REQUIRE(cnp_io_load(path.c_str(), "r+", 0, 10000, m.out()) == CNP_OK);
  void* p = nullptr;
  REQUIRE(cnp_array_data(m, &p) == CNP_OK);
  static_cast<double*>(p)[0] = 42.0;
  REQUIRE(cnp_io_load(path.c_str(), "c", 0, 10000, m.out()) == CNP_OK);
  REQUIRE(cnp_array_data(m, &p) == CNP_OK);
  CHECK(static_cast<double*>(p)[0] == 42.0);  // r+ wrote the file
  static_cast<double*>(p)[0] = -1.0;           // c does not
  Handle fresh;
  REQUIRE(cnp_io_load(path.c_str(), nullptr, 0, 10000, fresh.out()) == CNP_OK);
  CHECK(doubles_of(fresh)[0] == 42.0);

  const int64_t shape[2] = {2, 3};
  cnp_dtype* i2 = capi_test::dtype(CNP_INT16);
  REQUIRE(cnp_io_open_memmap(path.c_str(), "w+", i2, 2, shape, 1, 0, 10000, m.out()) == CNP_OK);
  cnp_dtype_free(i2);
  REQUIRE(cnp_array_flags(m, &flags) == CNP_OK);
  CHECK((flags & CNP_FLAG_F_CONTIGUOUS) != 0);
  Handle bytes;
  REQUIRE(cnp_io_save_bytes(m, 0, nullptr, bytes.out()) == CNP_OK);
  CHECK(bytes_of(bytes).find("'fortran_order': True, 'shape': (2, 3), }") != std::string::npos);

  CHECK(cnp_io_load(path.c_str(), "x", 0, 10000, m.out()) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()).find("mode must be one of") == 0);
  std::remove(path.c_str());
}

TEST_CASE("npz archives: write, list, read lazily, raw members, missing names", "[io]") {
  Handle a, b;
  ds_io_1(a);
  capi_test::iota<int32_t>(b, CNP_INT32, {4}, 5);
  const char* names[2] = {"arr_0", "b"};
  const cnp_array* arrays[2] = {a, b};
  for (int32_t compress = 0; compress < 2; ++compress) {
    Handle zipped;
    REQUIRE(cnp_io_savez_bytes(2, names, arrays, compress, zipped.out()) == CNP_OK);
    std::string z = bytes_of(zipped);
    CHECK(z.substr(0, 4) == "PK\x03\x04");
    cnp_npz* npz = nullptr;
    REQUIRE(cnp_npz_open_bytes(z.data(), static_cast<int64_t>(z.size()), 0, 10000, &npz) == CNP_OK);
    int64_t n = 0;
    REQUIRE(cnp_npz_count(npz, &n) == CNP_OK);
    CHECK(n == 2);
    const char* name = nullptr;
    REQUIRE(cnp_npz_name(npz, 1, &name) == CNP_OK);
    CHECK(std::string(name) == "b.npy");
    CHECK(cnp_npz_name(npz, 2, &name) == CNP_ERR_INDEX);
    Handle got;
    int32_t raw = -1;
    REQUIRE(cnp_npz_get(npz, "arr_0", &raw, got.out()) == CNP_OK);
    CHECK(raw == 0);
    CHECK(doubles_of(got)[4] == 4.0);
    REQUIRE(cnp_npz_get(npz, "b.npy", nullptr, got.out()) == CNP_OK);
    CHECK(cnp_npz_get(npz, "nope", nullptr, got.out()) == CNP_ERR_KEY);
    CHECK(std::string(cnp_last_error()) == "nope is not a file in the archive");
    cnp_npz_free(npz);
  }
  std::string path = temp_path("z.npz");
  REQUIRE(cnp_io_savez(path.c_str(), 2, names, arrays, 1) == CNP_OK);
  cnp_npz* npz = nullptr;
  REQUIRE(cnp_npz_open(path.c_str(), 0, 10000, &npz) == CNP_OK);
  cnp_npz_free(npz);
  int fd = ::open(path.c_str(), O_RDONLY);
  REQUIRE(cnp_npz_open_fd(fd, 0, 10000, &npz) == CNP_OK);
  ::close(fd);
  Handle got;
  REQUIRE(cnp_npz_get(npz, "b", nullptr, got.out()) == CNP_OK);
  cnp_npz_free(npz);
  cnp_npz_free(nullptr);
  const char* dup[2] = {"x", "x"};
  CHECK(cnp_io_savez_bytes(2, dup, arrays, 0, got.out()) == CNP_ERR_VALUE);
  CHECK(cnp_npz_open_bytes("PK\x03\x04garbage", 11, 0, 10000, &npz) == CNP_ERR_VALUE);
  CHECK(npz == nullptr);
  // No bytes are no archive (zipfile's BadZipFile), not libzip's new empty one (ABI sweep, issue 18).
  CHECK(cnp_npz_open_bytes("", 0, 0, 10000, &npz) == CNP_ERR_VALUE);
  CHECK(npz == nullptr);
  CHECK(std::string(cnp_last_error()) == "File is not a zip file: Not a zip archive");
  int64_t count = 0;
  CHECK(cnp_npz_count(nullptr, &count) == CNP_ERR_INVALID_HANDLE);
  std::remove(path.c_str());
}

TEST_CASE("damaged .npy input fails with numpy's messages and allocates nothing blindly", "[io]") {
  Handle out;
  auto load = [&](const std::string& s) { return cnp_io_load_bytes(s.data(), static_cast<int64_t>(s.size()), 0, 10000, nullptr, out.out()); };
  CHECK(load(std::string("\x93NUMPX\x01\x00xxxxxxxx", 16)) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "the magic string is not correct; expected b'\\x93NUMPY', got b'\\x93NUMPX'");
  CHECK(load(std::string("\x93NUMPY\x01\x00", 8)) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "EOF: reading array header length, expected 2 bytes got 0");
  CHECK(load(npy_with("{'descr': '<f8', 'fortran_order': False, 'shape': (10**15,), }")) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()).find("Cannot parse header: ") == 0);  // not a literal numpy accepts
  std::string huge = npy_with("{'descr': '<f8', 'fortran_order': False, 'shape': (999999999999999,), }");
  CHECK(load(huge + std::string(64, '\0')) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()).find("EOF: reading array data") == 0);
  std::string path = temp_path("short.npy");
  FILE* f = std::fopen(path.c_str(), "wb");
  std::fwrite(huge.data(), 1, huge.size(), f);
  std::fwrite("\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 1, 16, f);
  std::fclose(f);
  CHECK(cnp_io_load(path.c_str(), nullptr, 0, 10000, out.out()) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "cannot reshape array of size 2 into shape (999999999999999,)");
  CHECK(cnp_io_load(path.c_str(), "r", 0, 10000, out.out()) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "mmap length is greater than file size");
  std::remove(path.c_str());
  CHECK(cnp_io_load(path.c_str(), nullptr, 0, 10000, out.out()) == CNP_ERR_OS);
  CHECK(std::string(cnp_last_error()).find("[Errno 2] No such file or directory") == 0);
  CHECK(cnp_io_save_bytes(nullptr, 0, nullptr, out.out()) == CNP_ERR_INVALID_HANDLE);
  CHECK(cnp_io_load_fd(-1, 0, 10000, out.out()) == CNP_ERR_OS);
}

TEST_CASE("tofile, fromfile and fromstring", "[io]") {
  Handle a;
  ds_io_1(a);
  std::string path = temp_path("t.bin");
  REQUIRE(cnp_io_tofile(path.c_str(), a, nullptr) == CNP_OK);
  Handle back;
  REQUIRE(cnp_io_fromfile(path.c_str(), nullptr, -1, nullptr, 8, back.out()) == CNP_OK);
  CHECK(doubles_of(back) == std::vector<double>{1, 2, 3, 4, 5, 6, 7, 8});
  REQUIRE(cnp_io_tofile(path.c_str(), a, ", ") == CNP_OK);
  FILE* f = std::fopen(path.c_str(), "rb");
  char text[128] = {0};
  size_t n = std::fread(text, 1, sizeof text - 1, f);
  std::fclose(f);
  CHECK(std::string(text, n) == "0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0");
  REQUIRE(cnp_io_fromfile(path.c_str(), nullptr, 4, ",", 0, back.out()) == CNP_OK);
  CHECK(doubles_of(back) == std::vector<double>{0, 1, 2, 3});
  const char* s = "1.5 -2e3 nan";
  REQUIRE(cnp_io_fromstring(s, static_cast<int64_t>(std::strlen(s)), nullptr, -1, " ", back.out()) == CNP_OK);
  std::vector<double> v = doubles_of(back);
  REQUIRE(v.size() == 3);
  CHECK(v[0] == 1.5);
  CHECK(v[1] == -2000.0);
  CHECK(v[2] != v[2]);
  CHECK(cnp_io_fromstring("abc", 3, nullptr, -1, nullptr, back.out()) == CNP_ERR_VALUE);
  std::remove(path.c_str());
}

TEST_CASE("the header's Python literals and their repr", "[io]") {
  using cnp::io::parse_literal;
  using cnp::io::py_repr_value;
  CHECK(py_repr_value(parse_literal("{'a': (1,), \"b\": [1.5, -2, True, None], }", false)) ==
        "{'a': (1,), 'b': [1.5, -2, True, None]}");
  CHECK(py_repr_value(parse_literal("(0x10, 0o7, 1_000, 1e300, 2j, 1+2j, b'\\x00')", false)) ==
        "(16, 7, 1000, 1e+300, 2j, (1+2j), b'\\x00')");
  CHECK(py_repr_value(parse_literal("99999999999999999999", false)) == "99999999999999999999");
  CHECK(py_repr_value(parse_literal("'a' 'b'  # comment\n", false)) == "'ab'");
  CHECK(py_repr_value(parse_literal("3L", true)) == "3");
  CHECK_THROWS_AS(parse_literal("3L", false), cnp::io::SyntaxErrorLiteral);
  CHECK_THROWS_AS(parse_literal("[" + std::string(200, '[') + "]", false), cnp::io::SyntaxErrorLiteral);
  CHECK_THROWS_AS(parse_literal("{[1]: 2}", false), cnp::io::SyntaxErrorLiteral);
  CHECK_THROWS_AS(parse_literal("dtype('f8')", false), cnp::io::SyntaxErrorLiteral);
  CHECK_THROWS_AS(parse_literal("010", false), cnp::io::SyntaxErrorLiteral);
}

TEST_CASE("numpy.memmap over raw files: offsets, shape None, flush, info", "[io]") {
  std::string path = temp_path("raw.bin");
  {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    REQUIRE(f);
    for (int i = 0; i < 10; ++i) std::fputc(i, f);
    std::fclose(f);
  }
  cnp_array* a = nullptr;
  // shape None: the rest of the file from the offset, uint8 by default
  REQUIRE(cnp_io_memmap(path.c_str(), "r", nullptr, 3, -1, nullptr, 0, &a) == CNP_OK);
  Handle ha;
  ha.h = a;
  CHECK(bytes_of(a) == std::string("\x03\x04\x05\x06\x07\x08\x09", 7));
  int32_t mapped = 0;
  int64_t offset = -1;
  REQUIRE(cnp_io_memmap_info(a, &mapped, &offset) == CNP_OK);
  CHECK(mapped == 1);
  CHECK(offset == 3);
  REQUIRE(cnp_io_memmap_flush(a) == CNP_OK);  // read-only: nothing to write back
  // r+ extends a short file with zeros and writes through
  const int64_t shape[1] = {4};
  cnp_dtype* i2 = nullptr;
  REQUIRE(cnp_dtype_from_string("<i2", &i2) == CNP_OK);
  cnp_array* w = nullptr;
  REQUIRE(cnp_io_memmap(path.c_str(), "r+", i2, 8, 1, shape, 0, &w) == CNP_OK);
  cnp_dtype_free(i2);
  void* p = nullptr;
  REQUIRE(cnp_array_data(w, &p) == CNP_OK);
  static_cast<char*>(p)[6] = 0x2a;
  REQUIRE(cnp_io_memmap_flush(w) == CNP_OK);
  cnp_array_free(w);
  std::FILE* f = std::fopen(path.c_str(), "rb");
  REQUIRE(f);
  std::string back(32, '\0');
  back.resize(std::fread(&back[0], 1, back.size(), f));
  std::fclose(f);
  CHECK(back.size() == 16);
  CHECK(back[14] == 0x2a);
  // errors, with Python's mmap words; the out-parameter stays NULL
  cnp_array* bad = reinterpret_cast<cnp_array*>(0x1);
  const int64_t big[1] = {100};
  CHECK(cnp_io_memmap(path.c_str(), "r", nullptr, 0, 1, big, 0, &bad) == CNP_ERR_VALUE);
  CHECK(bad == nullptr);
  CHECK(std::string(cnp_last_error()) == "mmap length is greater than file size");
  CHECK(cnp_io_memmap(path.c_str(), "x", nullptr, 0, -1, nullptr, 0, &bad) == CNP_ERR_VALUE);
  CHECK(cnp_io_memmap(path.c_str(), "w+", nullptr, 0, -1, nullptr, 0, &bad) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "shape must be given");
  CHECK(cnp_io_memmap(path.c_str(), "r", nullptr, -1, 1, shape, 0, &bad) == CNP_ERR_OVERFLOW);
  CHECK(cnp_io_memmap(path.c_str(), "r", nullptr, 0, 1, nullptr, 0, &bad) == CNP_ERR_INVALID_HANDLE);
  CHECK(cnp_io_memmap_fd(-1, "r", nullptr, 0, -1, nullptr, 0, &bad) != CNP_OK);
  // a plain array is not a mapping; flush is then a no-op
  cnp_array* z = nullptr;
  REQUIRE(cnp_zeros(1, shape, nullptr, CNP_ORDER_C, &z) == CNP_OK);
  REQUIRE(cnp_io_memmap_info(z, &mapped, &offset) == CNP_OK);
  CHECK(mapped == 0);
  CHECK(cnp_io_memmap_flush(z) == CNP_OK);
  cnp_array_free(z);
  std::remove(path.c_str());
}
