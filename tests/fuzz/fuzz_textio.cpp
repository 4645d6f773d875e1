// Fuzz target: the text readers and writer (cnp_loadtxt, cnp_genfromtxt_numeric,
// cnp_genfromtxt_infer, cnp_savetxt, and the file readers cnp_loadtxt_path and
// cnp_genfromtxt_infer_path).
// The first byte picks the options (delimiter, quote and comment characters, dtype, usecols,
// ndmin, max_rows), the rest is the file's text. Every call must end in CNP_OK or a clean
// CNP_ERR_VALUE/TYPE/NOT_IMPLEMENTED with no result handed out; a loaded numeric array is written
// back with savetxt and, for float64, read again: the values must survive the round trip.
// The file readers get the same text written to a file: they must refuse invalid UTF-8 with
// Python's codec message and otherwise agree (status, size) with the in-memory readers given the
// text with \r\n and \r read as \n.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <unistd.h>

#include "cnumpy/cnumpy.h"
#include "fuzz_target.hpp"

namespace {
[[noreturn]] void fail(const char* why, cnp_status st) { fuzz::fail_status("fuzz_textio", why, st); }
bool clean(cnp_status st) {
  return st == CNP_OK || st == CNP_ERR_VALUE || st == CNP_ERR_TYPE || st == CNP_ERR_NOT_IMPLEMENTED;
}

// One scratch file per process (the smoke driver runs beside other tests), removed at exit.
struct Scratch {
  std::string path;
  Scratch() {
    const char* dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    path = std::string(dir) + "/cnumpy_fuzz_textio." + std::to_string(getpid());
  }
  ~Scratch() { unlink(path.c_str()); }
  bool write(const char* p, size_t n) const {
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return false;
    bool ok = std::fwrite(p, 1, n, f) == n;
    return std::fclose(f) == 0 && ok;
  }
};

std::string universal_newlines(const char* p, size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) {
    if (p[i] != '\r') {
      s.push_back(p[i]);
      continue;
    }
    s.push_back('\n');
    if (i + 1 < n && p[i + 1] == '\n') ++i;
  }
  return s;
}

int64_t size_of(const cnp_array* a) {
  int64_t n = -1;
  if (a) cnp_array_size(a, &n);
  return n;
}

// A file reader's result against the in-memory reader's on the translated text.
// ferr: the file reader's message, saved before the in-memory call replaced it.
void check_file(const char* what, cnp_status fst, const std::string& ferr, const cnp_array* fa, cnp_status mst,
                const cnp_array* ma) {
  if (!clean(fst) || (fst != CNP_OK && fa)) fail(what, fst);
  if (fst == CNP_ERR_VALUE && ferr.find("'utf-8' codec can't decode byte 0x") == 0) return;
  if (fst != mst || size_of(fa) != size_of(ma)) {
    std::fprintf(stderr, "file reader: %s %s; in memory: %s\n", cnp_status_name(fst), ferr.c_str(),
                 cnp_status_name(mst));
    fail(what, mst);
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t opt = data[0];
  const char* text = reinterpret_cast<const char*>(data + 1);
  const int64_t n = static_cast<int64_t>(size - 1);
  static const int32_t delims[] = {-1, ',', ';', '\t'};
  static const char* const dtypes[] = {"f8", "i4", "U", "c16", "S3", "f4,i8", "u1", "?"};
  const int32_t delim = delims[opt & 3];
  const int32_t quote = (opt & 4) ? '"' : -1;
  const int32_t comment = (opt & 8) ? '#' : -1;
  cnp_dtype* dt = nullptr;
  if (cnp_dtype_from_string(dtypes[(opt >> 4) & 7], &dt) != CNP_OK) fail("dtype", CNP_ERR_VALUE);
  const int64_t usecols[] = {0, -1};
  const bool use = opt & 0x80;
  cnp_array* out = nullptr;
  cnp_status st = cnp_loadtxt(text, n, dt, delim, comment, nullptr, 0, quote, opt & 1, use ? usecols : nullptr,
                              use ? 2 : 0, (opt >> 1) % 3, (opt & 2) ? 3 : -1, 0, &out);
  if (!clean(st) || (st != CNP_OK && out)) fail("loadtxt status", st);
  if (st == CNP_OK) {
    char* s = nullptr;
    int64_t len = 0;
    const char* fmt = "%.17g";
    st = cnp_savetxt(out, &fmt, 1, 0, ",", "\n", nullptr, nullptr, nullptr, &len, &s);
    if (!clean(st)) fail("savetxt status", st);
    if (st == CNP_OK) {
      if (static_cast<int64_t>(std::strlen(s)) != len) fail("savetxt length", st);
      int32_t kind = 0;
      cnp_dtype* od = nullptr;
      int32_t nd = 0;
      cnp_array_dtype(out, &od);
      cnp_dtype_kind(od, &kind);
      cnp_array_ndim(out, &nd);
      if (kind == 'f' && nd == 2) {
        cnp_array* back = nullptr;
        cnp_status st2 = cnp_loadtxt(s, len, od, ',', -1, nullptr, 0, -1, 0, nullptr, 0, 2, -1, 0, &back);
        if (st2 == CNP_OK) {
          int64_t a = 0, b = 0;
          cnp_array_size(out, &a);
          cnp_array_size(back, &b);
          if (a != b && a != 0) fail("round trip size", st2);
        }
        cnp_array_free(back);
      }
      cnp_dtype_free(od);
      cnp_string_free(s);
    }
  }
  cnp_array_free(out);
  cnp_array *g = nullptr, *m = nullptr;
  const char* missing = "N/A";
  st = cnp_genfromtxt_numeric(text, n, nullptr, delim, comment >= 0 ? "#" : nullptr, opt & 1, (opt >> 2) & 1,
                              nullptr, 0, &missing, 1, nullptr, -1, &g, &m);
  if (!clean(st) || (st != CNP_OK && (g || m))) fail("genfromtxt status", st);
  cnp_array_free(g);
  cnp_array_free(m);
  // dtype=None inference (2-D or a record with these names) and a record dtype of numbers.
  const char* names[] = {"a", "b", "c"};
  g = m = nullptr;
  st = cnp_genfromtxt_infer(text, n, names, 3, (opt >> 3) & 1, (opt >> 5) % 3, delim, comment >= 0 ? "#" : nullptr, opt & 1,
                            (opt >> 2) & 1, nullptr, 0, &missing, 1, nullptr, -1, &g, (opt & 16) ? &m : nullptr);
  if (!clean(st) || (st != CNP_OK && (g || m))) fail("genfromtxt_infer status", st);
  cnp_array_free(g);
  cnp_array_free(m);
  cnp_dtype* rec = nullptr;
  if (cnp_dtype_from_string("i2,?,f4", &rec) == CNP_OK) {
    g = nullptr;
    st = cnp_genfromtxt_numeric(text, n, rec, delim, comment >= 0 ? "#" : nullptr, 0, 0, nullptr, 0, &missing, 1,
                                nullptr, -1, &g, nullptr);
    if (!clean(st) || (st != CNP_OK && g)) fail("genfromtxt record status", st);
    cnp_array_free(g);
    cnp_dtype_free(rec);
  }
  // The file readers on the same bytes.
  static const Scratch scratch;
  if (scratch.write(text, static_cast<size_t>(n))) {
    const std::string t = universal_newlines(text, static_cast<size_t>(n));
    cnp_array *fa = nullptr, *ma = nullptr;
    cnp_status fst = cnp_loadtxt_path(scratch.path.c_str(), dt, delim, comment, nullptr, 0, quote, opt & 1, nullptr, 0,
                                      (opt >> 1) % 3, -1, 0, &fa);
    std::string err = fst == CNP_OK ? "" : cnp_last_error();
    cnp_status mst = cnp_loadtxt(t.data(), static_cast<int64_t>(t.size()), dt, delim, comment, nullptr, 0, quote,
                                 opt & 1, nullptr, 0, (opt >> 1) % 3, -1, 0, &ma);
    check_file("loadtxt_path", fst, err, fa, mst, ma);
    cnp_array_free(fa);
    cnp_array_free(ma);
    fa = ma = nullptr;
    fst = cnp_genfromtxt_infer_path(scratch.path.c_str(), names, 3, (opt >> 3) & 1, (opt >> 5) % 3, delim,
                                    comment >= 0 ? "#" : nullptr, opt & 1, (opt >> 2) & 1, nullptr, 0, &missing, 1,
                                    nullptr, -1, &fa, nullptr);
    err = fst == CNP_OK ? "" : cnp_last_error();
    mst = cnp_genfromtxt_infer(t.data(), static_cast<int64_t>(t.size()), names, 3, (opt >> 3) & 1, (opt >> 5) % 3,
                               delim, comment >= 0 ? "#" : nullptr, opt & 1, (opt >> 2) & 1, nullptr, 0, &missing, 1,
                               nullptr, -1, &ma, nullptr);
    check_file("genfromtxt_infer_path", fst, err, fa, mst, ma);
    cnp_array_free(fa);
    cnp_array_free(ma);
  }
  cnp_dtype_free(dt);
  return 0;
}

namespace fuzz {
const char* const kSeeds[] = {
    "\x01" "1,2,3\n4,5,6\n7,8,9\n", "\x40" "1 2 3\n4 5 6\n", "\x05" "\"a,b\",1\n\"c\"\"d\",2\n",
    "\x09" "# c\n1,2 # x\n\n3,4\r\n", "\x21" "a b\nc d\n", "\x31" "1+2j,(3-4j)\n5j,6\n",
    "\x10" "1 2\n3 x\n", "\x41" "abc,de\n", "\x51" "1.5,2\n3,4\n", "\x81" "1,2,3\n4,5\n",
    "\x02" "inf,-nan,1e400\n+.5,5.,-0\n", "\x61" "255,256,-1\n", "\x71" "0,1,2\n",
    "\x01" "1,,3\nN/A,5,6\n", "\x0d" "\xc3\xa9,1\n\xe2\x82\xac,2\n",
    "\x01" "1,2\r\n3,4\r5,6\r", "\x05" "\"a\r\nb\",1\r\n", "\x01" "1,\xff\n", "\x21" "\xe2\x82,1\n",
};
const size_t kNumSeeds = sizeof kSeeds / sizeof *kSeeds;
const char* const kDict[] = {",", ";", "\t", "\n", "\r\n", "\r", "\"", "\"\"", "#", " ", "1", "-", "+", ".",
                             "e", "E", "inf", "nan", "j", "(", ")", "1e308", "N/A", "\xc2\xa0", "\xe2\x80\x83",
                             "9223372036854775808", "0x1", "1_0"};
const size_t kNumDict = sizeof kDict / sizeof *kDict;
}  // namespace fuzz
