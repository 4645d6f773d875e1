// Fuzz target: the ISO 8601 datetime parser (cnp_datetime_parse, the parser behind every
// string -> datetime64 cast). Any input, with the unit taken from the string or forced to one of
// NumPy's units, must give CNP_OK, CNP_ERR_VALUE (malformed text, fields out of range) or
// CNP_ERR_TYPE (a unit the string's precision may not be cast to), nothing else; a parsed value
// must format (cnp_dtype_format_element) and, for years of moderate size, parse back to itself.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "cnumpy/cnumpy.h"
#include "fuzz_target.hpp"

namespace {
[[noreturn]] void fail(const char* why, const std::string& text, const char* unit) {
  std::fprintf(stderr, "fuzz_datetime: %s for unit %s, text \"", why, unit ? unit : "(none)");
  for (unsigned char c : text) std::fprintf(stderr, c >= 32 && c < 127 ? "%c" : "\\x%02x", c);
  std::fprintf(stderr, "\"\n");
  std::abort();
}

void one(const std::string& text, const char* unit) {
  int64_t value = 0;
  cnp_dtype* d = nullptr;
  const cnp_status st = cnp_datetime_parse(text.c_str(), unit, &value, &d);
  if (st != CNP_OK) {
    if ((st != CNP_ERR_VALUE && st != CNP_ERR_TYPE) || d != nullptr) fail(cnp_status_name(st), text, unit);
    return;
  }
  if (!d) fail("no dtype", text, unit);
  char* shown = nullptr;
  if (cnp_dtype_format_element(d, &value, &shown) != CNP_OK || !shown) fail("does not format", text, unit);
  const char* u = nullptr;
  if (cnp_dtype_datetime_unit(d, &u) != CNP_OK || !u) fail("no unit", text, unit);
  // Years of up to 6 digits print as they parse; the printed text must parse back exactly.
  const char* dash = std::strchr(shown + 1, '-');
  const size_t year_digits = dash ? static_cast<size_t>(dash - shown) : std::strlen(shown);
  if (std::strcmp(u, "generic") != 0 && year_digits <= 6 && std::strcmp(shown, "NaT") != 0) {
    int64_t again = 0;
    cnp_dtype* d2 = nullptr;
    if (cnp_datetime_parse(shown, u, &again, &d2) != CNP_OK || again != value)
      fail("printed text does not parse back", text, unit);
    cnp_dtype_free(d2);
  }
  cnp_string_free(shown);
  cnp_dtype_free(d);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);  // C reads up to the first NUL
  static const char* const units[] = {nullptr, "Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns", "as"};
  for (const char* u : units) one(text, u);
  return 0;
}

namespace fuzz {
const char* const kSeeds[] = {"2024-01-01", "2024-06-30", "2025-01-01", "2024", "2024-03", "2024-03-10T12",
                              "2024-03-10T12:30", "2024-03-10 12:30:05", "2024-03-10T12:30:05.123456789",
                              "1970-01-01T00:00:00.000000000000000001", "NaT", "", "today", "now", "-0001-03",
                              "+2024", "10000-01-01", "1600-02-29", "2024-13-01", "2024-02-30", "2024-01-01T24",
                              "2024-03-10T12:30Z", "2024-03-10T12:30+01:30", "2024-03-10T12-0130", " 2024-01-01",
                              "20100312", "99999999999999999999999"};
const size_t kNumSeeds = sizeof kSeeds / sizeof *kSeeds;
const char* const kDict[] = {"-", ":", "T", " ", "Z", "+", ".", "0", "1", "2", "9", "12", "24", "60", "31", "29",
                             "02", "1970", "2024", "NaT", "today", "now", "\xff", "\x80", "000000", "+01:30"};
const size_t kNumDict = sizeof kDict / sizeof *kDict;
}  // namespace fuzz
