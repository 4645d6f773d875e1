// Text I/O through the C ABI (include/cnumpy/textio.h): loadtxt on buffers and paths (values,
// shapes, quotes, comments, usecols, records, NumPy's messages), savetxt's bytes (compared with
// what NumPy 1.24 writes for the same arrays), genfromtxt's fast path and its "not handled"
// answer, and the error paths (NULL pointers, bad sizes, missing files).
#include <fcntl.h>
#include <unistd.h>
#include <cstring>
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#include "cnumpy/cnumpy.h"

namespace {

cnp_array* load(const std::string& text, const char* dtype = "f8", int32_t delim = ',', int32_t quote = -1,
                const int64_t* usecols = nullptr, int64_t nuse = 0, int32_t ndmin = 0, cnp_status* st = nullptr) {
  cnp_dtype* d = nullptr;
  REQUIRE(cnp_dtype_from_string(dtype, &d) == CNP_OK);
  cnp_array* out = nullptr;
  cnp_status s = cnp_loadtxt(text.data(), static_cast<int64_t>(text.size()), d, delim, '#', nullptr, 0, quote, 0,
                             usecols, nuse, ndmin, -1, 0, &out);
  cnp_dtype_free(d);
  if (st) *st = s;
  else REQUIRE(s == CNP_OK);
  return out;
}

std::vector<int64_t> shape_of(const cnp_array* a) {
  int32_t nd = 0;
  const int64_t* sh = nullptr;
  cnp_array_ndim(a, &nd);
  cnp_array_shape(a, &sh);
  return std::vector<int64_t>(sh, sh + nd);
}

const double* doubles(const cnp_array* a) {
  void* p = nullptr;
  cnp_array_data(a, &p);
  return static_cast<const double*>(p);
}

std::string saved(const cnp_array* a, const char* fmt, const char* delim = " ", const char* header = nullptr) {
  char* s = nullptr;
  int64_t n = 0;
  REQUIRE(cnp_savetxt(a, fmt ? &fmt : nullptr, 1, 0, delim, nullptr, header, nullptr, nullptr, &n, &s) == CNP_OK);
  std::string r(s, static_cast<size_t>(n));
  cnp_string_free(s);
  return r;
}

}  // namespace

TEST_CASE("loadtxt reads DS-IO-1 and words NumPy's errors", "[textio]") {
  cnp_array* a = load("1.0,2.5,-3.0\n4.0,0.0,6.25\n-7.5,8.0,9.0\n");
  REQUIRE(shape_of(a) == std::vector<int64_t>{3, 3});
  const double* v = doubles(a);
  CHECK(v[1] == 2.5);
  CHECK(v[8] == 9.0);
  cnp_array_free(a);

  cnp_status st;
  CHECK(load("1,2\n3,x\n", "f8", ',', -1, nullptr, 0, 0, &st) == nullptr);
  CHECK(st == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "could not convert string 'x' to float64 at row 1, column 2.");
  CHECK(load("1,2,3\n4,5\n", "f8", ',', -1, nullptr, 0, 0, &st) == nullptr);
  CHECK(std::string(cnp_last_error()) ==
        "the number of columns changed from 3 to 2 at row 2; use `usecols` to select a subset and avoid this error");
  CHECK(load("1 2\n", "f8", ',', ',', nullptr, 0, 0, &st) == nullptr);
  CHECK(st == CNP_ERR_TYPE);
  CHECK(load("1 2\n", "f8", -1, -1, nullptr, 0, 3, &st) == nullptr);
  CHECK(std::string(cnp_last_error()) == "Illegal value of ndmin keyword: 3");
}

TEST_CASE("loadtxt: quotes, usecols, records, ndmin", "[textio]") {
  const int64_t cols[] = {-1, 0};
  cnp_array* a = load("\"1\",2,3\r\n4,\"5\",6\r\n", "i8", ',', '"', cols, 2);
  REQUIRE(shape_of(a) == std::vector<int64_t>{2, 2});
  void* p = nullptr;
  cnp_array_data(a, &p);
  CHECK(static_cast<int64_t*>(p)[0] == 3);
  CHECK(static_cast<int64_t*>(p)[1] == 1);
  cnp_array_free(a);
  a = load("1 2.5\n3 4.5\n", "i4,f8", -1);
  CHECK(shape_of(a) == std::vector<int64_t>{2});
  cnp_array_free(a);
  a = load("7\n", "f8", -1, -1, nullptr, 0, 2);
  CHECK(shape_of(a) == std::vector<int64_t>{1, 1});
  cnp_array_free(a);
  a = load("ab cde\n", "U", -1);
  cnp_dtype* d = nullptr;
  cnp_array_dtype(a, &d);
  const char* str = nullptr;
  cnp_dtype_str(d, &str);
  CHECK(std::string(str) == "<U3");
  cnp_dtype_free(d);
  cnp_array_free(a);
}

TEST_CASE("loadtxt_path and savetxt_path", "[textio]") {
  const char* path = "cnumpy_test_textio.txt";
  cnp_array* a = load("1,2\n3,4\n");
  const char* fmt = "%.3f";
  REQUIRE(cnp_savetxt_path(path, a, &fmt, 1, 0, ",", nullptr, "h", nullptr, nullptr) == CNP_OK);
  cnp_array* b = nullptr;
  REQUIRE(cnp_loadtxt_path(path, nullptr, ',', '#', nullptr, 0, -1, 0, nullptr, 0, 0, -1, 0, &b) == CNP_OK);
  CHECK(doubles(b)[3] == 4.0);
  cnp_array_free(b);
  std::remove(path);
  CHECK(cnp_loadtxt_path("/nonexistent/x.txt", nullptr, ',', '#', nullptr, 0, -1, 0, nullptr, 0, 0, -1, 0, &b) ==
        CNP_ERR_OS);
  CHECK(b == nullptr);
  CHECK(std::string(cnp_last_error()) == "[Errno 2] No such file or directory: '/nonexistent/x.txt'");
  cnp_array_free(a);
}

TEST_CASE("savetxt writes NumPy's bytes", "[textio]") {
  cnp_array* a = load("1.5,-2.25e-10\ninf,nan\n");
  // np.savetxt(f, a) / fmt='%10.3f' / fmt='%d' (NumPy 1.24's output)
  CHECK(saved(a, nullptr) ==
        "1.500000000000000000e+00 -2.249999999999999985e-10\ninf nan\n");
  CHECK(saved(a, "%10.3f", ",", "x\ny") == "# x\n# y\n     1.500,    -0.000\n       inf,       nan\n");
  char* s = nullptr;
  int64_t n = 0;
  const char* fmt = "%d";
  CHECK(cnp_savetxt(a, &fmt, 1, 0, " ", nullptr, nullptr, nullptr, nullptr, &n, &s) == CNP_ERR_OVERFLOW);
  CHECK(s == nullptr);
  const char* two = "%d %d %d";
  CHECK(cnp_savetxt(a, &two, 1, 0, " ", nullptr, nullptr, nullptr, nullptr, &n, &s) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "fmt has wrong number of % formats:  %d %d %d");
  const char* str = "%s";
  CHECK(cnp_savetxt(a, &str, 1, 0, " ", nullptr, nullptr, nullptr, nullptr, &n, &s) == CNP_ERR_NOT_IMPLEMENTED);
  CHECK(cnp_savetxt(nullptr, nullptr, 0, 0, nullptr, nullptr, nullptr, nullptr, nullptr, &n, &s) ==
        CNP_ERR_INVALID_HANDLE);
  cnp_array_free(a);
  cnp_array* c = load("1+2j,-3-4.5j\n", "c16", ',', -1, nullptr, 0, 2);
  CHECK(saved(c, "%.1f", ",") == " (1.0+2.0j), (-3.0-4.5j)\n");
  cnp_array_free(c);
}

TEST_CASE("genfromtxt fast path", "[textio]") {
  const std::string t = "1,,3\nN/A,5,6\n";
  const char* miss = "N/A";
  cnp_array *out = nullptr, *mask = nullptr;
  REQUIRE(cnp_genfromtxt_numeric(t.data(), static_cast<int64_t>(t.size()), nullptr, ',', "#", 0, 0, nullptr, 0,
                                 &miss, 1, nullptr, -1, &out, &mask) == CNP_OK);
  const double* v = doubles(out);
  CHECK(std::isnan(v[1]));
  CHECK(std::isnan(v[3]));
  CHECK(v[5] == 6.0);
  void* m = nullptr;
  cnp_array_data(mask, &m);
  CHECK(static_cast<uint8_t*>(m)[1] == 1);
  CHECK(static_cast<uint8_t*>(m)[0] == 0);
  cnp_array_free(out);
  cnp_array_free(mask);
  const std::string bad = "1,2\n3\n";
  CHECK(cnp_genfromtxt_numeric(bad.data(), static_cast<int64_t>(bad.size()), nullptr, ',', "#", 0, 0, nullptr, 0,
                               nullptr, 0, nullptr, -1, &out, nullptr) == CNP_ERR_NOT_IMPLEMENTED);
  CHECK(out == nullptr);
  CHECK(cnp_loadtxt(nullptr, 5, nullptr, -1, -1, nullptr, 0, -1, 0, nullptr, 0, 0, -1, 0, &out) ==
        CNP_ERR_INVALID_HANDLE);
  CHECK(cnp_loadtxt("1", -1, nullptr, -1, -1, nullptr, 0, -1, 0, nullptr, 0, 0, -1, 0, &out) == CNP_ERR_VALUE);
}

TEST_CASE("genfromtxt inference, records and files", "[textio]") {
  // dtype=None: int64, float64 and bool columns give a record with the names; all int: 2-D int64.
  const std::string t = "1,2.5,True\n3,4,false\n";
  const char* names[] = {"a", "b", "c"};
  cnp_array* out = nullptr;
  REQUIRE(cnp_genfromtxt_infer(t.data(), static_cast<int64_t>(t.size()), names, 3, 0, 1, ',', "#", 0, 0, nullptr, 0,
                               nullptr, 0, nullptr, -1, &out, nullptr) == CNP_OK);
  CHECK(shape_of(out) == std::vector<int64_t>{2});
  cnp_dtype* d = nullptr;
  REQUIRE(cnp_array_dtype(out, &d) == CNP_OK);
  const char* repr = nullptr;
  REQUIRE(cnp_dtype_repr(d, &repr) == CNP_OK);
  CHECK(std::string(repr) == "dtype([('a', '<i8'), ('b', '<f8'), ('c', '?')])");
  cnp_dtype_free(d);
  cnp_array_free(out);
  const std::string ints = "1,2\n-3,4\n";
  REQUIRE(cnp_genfromtxt_infer(ints.data(), static_cast<int64_t>(ints.size()), nullptr, 0, 0, 0, ',', "#", 0, 0, nullptr,
                               0, nullptr, 0, nullptr, -1, &out, nullptr) == CNP_OK);
  CHECK(shape_of(out) == std::vector<int64_t>{2, 2});
  void* p = nullptr;
  cnp_array_data(out, &p);
  CHECK(static_cast<int64_t*>(p)[2] == -3);
  cnp_array_free(out);
  // A str column: "<U n" (strings 1), "|S n" when Latin-1 (strings 2), refused with strings 0.
  const std::string mixed = "1,ab\n2,c\n";
  REQUIRE(cnp_genfromtxt_infer(mixed.data(), static_cast<int64_t>(mixed.size()), names, 2, 0, 2, ',', "#", 0, 0,
                               nullptr, 0, nullptr, 0, nullptr, -1, &out, nullptr) == CNP_OK);
  REQUIRE(cnp_array_dtype(out, &d) == CNP_OK);
  REQUIRE(cnp_dtype_repr(d, &repr) == CNP_OK);
  CHECK(std::string(repr) == "dtype([('a', '<i8'), ('b', 'S2')])");
  cnp_dtype_free(d);
  cnp_array_free(out);
  // A column complex() may read ("1j"), or names not matching the columns: the general algorithm.
  const std::string strs = "1,1j\n";
  CHECK(cnp_genfromtxt_infer(strs.data(), static_cast<int64_t>(strs.size()), names, 2, 0, 0, ',', "#", 0, 0, nullptr, 0,
                             nullptr, 0, nullptr, -1, &out, nullptr) == CNP_ERR_NOT_IMPLEMENTED);
  CHECK(out == nullptr);
  CHECK(cnp_genfromtxt_infer(t.data(), static_cast<int64_t>(t.size()), names, 2, 0, 0, ',', "#", 0, 0, nullptr, 0,
                             nullptr, 0, nullptr, -1, &out, nullptr) == CNP_ERR_NOT_IMPLEMENTED);
  CHECK(cnp_genfromtxt_infer(t.data(), static_cast<int64_t>(t.size()), nullptr, 2, 0, 0, ',', "#", 0, 0, nullptr, 0,
                             nullptr, 0, nullptr, -1, &out, nullptr) == CNP_ERR_INVALID_HANDLE);
  // A record dtype of numbers: one column per field.
  REQUIRE(cnp_dtype_from_string("i2,f4", &d) == CNP_OK);
  REQUIRE(cnp_genfromtxt_numeric(ints.data(), static_cast<int64_t>(ints.size()), d, ',', "#", 0, 0, nullptr, 0,
                                 nullptr, 0, nullptr, -1, &out, nullptr) == CNP_OK);
  CHECK(shape_of(out) == std::vector<int64_t>{2});
  cnp_array_data(out, &p);
  int16_t i0;
  std::memcpy(&i0, static_cast<char*>(p) + 6, 2);
  CHECK(i0 == -3);
  cnp_array_free(out);
  cnp_dtype_free(d);
  // Files: mapped, UTF-8 checked with Python's message.
  char path[] = "/tmp/cnumpy_textio_XXXXXX";
  int fd = mkstemp(path);
  REQUIRE(fd >= 0);
  const std::string body = "1,2\r\n3,4\r\n\xff\n";
  REQUIRE(write(fd, body.data(), body.size() - 2) == static_cast<ssize_t>(body.size() - 2));
  close(fd);
  REQUIRE(cnp_genfromtxt_infer_path(path, nullptr, 0, 0, 0, ',', "#", 0, 0, nullptr, 0, nullptr, 0, nullptr, -1, &out,
                                    nullptr) == CNP_OK);
  CHECK(shape_of(out) == std::vector<int64_t>{2, 2});
  cnp_array_free(out);
  fd = open(path, O_WRONLY | O_TRUNC);
  REQUIRE(write(fd, body.data(), body.size()) == static_cast<ssize_t>(body.size()));
  close(fd);
  CHECK(cnp_genfromtxt_numeric_path(path, nullptr, ',', "#", 0, 0, nullptr, 0, nullptr, 0, nullptr, -1, &out,
                                    nullptr) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "'utf-8' codec can't decode byte 0xff in position 10: invalid start byte");
  CHECK(out == nullptr);
  unlink(path);
  CHECK(cnp_loadtxt_path(path, nullptr, ',', '#', nullptr, 0, -1, 0, nullptr, 0, 0, -1, 0, &out) == CNP_ERR_OS);
}

TEST_CASE("loadtxt of line items: a quoted field continues into the next item", "[textio]") {
  // ['"a', 'b",1', '2,3']: NumPy reads "ab" (nothing added between the items)
  std::string text = std::string("\"a") + "b\",1" + "2,3";
  const int64_t ends[3] = {2, 6, 9};
  cnp_dtype* d = nullptr;
  REQUIRE(cnp_dtype_from_string("U3", &d) == CNP_OK);
  cnp_array* out = nullptr;
  REQUIRE(cnp_loadtxt_lines(text.data(), static_cast<int64_t>(text.size()), ends, 3, d, ',', '#', nullptr, 0, '"',
                            0, nullptr, 0, 0, -1, 0, &out) == CNP_OK);
  CHECK(shape_of(out) == std::vector<int64_t>{2, 2});
  cnp_array_free(out);
  // an unquoted line break inside an item
  std::string bad = "1\n2";
  const int64_t bad_end[1] = {3};
  out = nullptr;
  CHECK(cnp_loadtxt_lines(bad.data(), 3, bad_end, 1, d, -1, '#', nullptr, 0, -1, 0, nullptr, 0, 0, -1, 0, &out) ==
        CNP_ERR_VALUE);
  CHECK(out == nullptr);
  CHECK(std::string(cnp_last_error()).find("unquoted embedded newline") != std::string::npos);
  // line ends that do not end at the text's end
  const int64_t short_end[1] = {2};
  CHECK(cnp_loadtxt_lines(bad.data(), 3, short_end, 1, d, -1, '#', nullptr, 0, -1, 0, nullptr, 0, 0, -1, 0, &out) ==
        CNP_ERR_VALUE);
  CHECK(cnp_loadtxt_lines(bad.data(), 3, nullptr, 1, d, -1, '#', nullptr, 0, -1, 0, nullptr, 0, 0, -1, 0, &out) ==
        CNP_ERR_INVALID_HANDLE);
  // line ends going back (the documented "non-decreasing offsets")
  const int64_t back[3] = {6, 2, 9};
  CHECK(cnp_loadtxt_lines(text.data(), static_cast<int64_t>(text.size()), back, 3, d, ',', '#', nullptr, 0, '"', 0,
                          nullptr, 0, 0, -1, 0, &out) == CNP_ERR_VALUE);
  CHECK(out == nullptr);
  cnp_dtype_free(d);
}

TEST_CASE("savetxt of a (2**59, 0) array fails at once with MemoryError", "[textio]") {
  const int64_t shape[2] = {int64_t{1} << 59, 0};
  cnp_array* a = nullptr;
  REQUIRE(cnp_zeros(2, shape, nullptr, CNP_ORDER_C, &a) == CNP_OK);
  char* text = reinterpret_cast<char*>(0x1);
  int64_t n = -1;
  CHECK(cnp_savetxt(a, nullptr, 0, 0, nullptr, nullptr, nullptr, nullptr, nullptr, &n, &text) == CNP_ERR_MEMORY);
  CHECK(text == nullptr);
  const int64_t three[2] = {3, 0};
  cnp_array* b = nullptr;
  REQUIRE(cnp_zeros(2, three, nullptr, CNP_ORDER_C, &b) == CNP_OK);
  REQUIRE(cnp_savetxt(b, nullptr, 0, 0, nullptr, nullptr, nullptr, nullptr, nullptr, &n, &text) == CNP_OK);
  CHECK(std::string(text, static_cast<size_t>(n)) == "\n\n\n");  // NumPy: one newline per row
  cnp_string_free(text);
  cnp_array_free(a);
  cnp_array_free(b);
}
