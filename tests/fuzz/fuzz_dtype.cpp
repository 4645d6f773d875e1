// Fuzz target: the dtype-string parser (cnp_dtype_from_string). Any input must give CNP_OK,
// CNP_ERR_TYPE, CNP_ERR_VALUE (malformed comma strings, impossible sizes) or
// CNP_ERR_NOT_IMPLEMENTED (what NumPy has and cnumpy lacks, e.g. long double), and a parsed dtype
// must report its spellings and, unless it is a void/record, round-trip through its .str.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "cnumpy/cnumpy.h"
#include "fuzz_target.hpp"

namespace {
[[noreturn]] void fail(const char* why, const std::string& spec) {
  std::fprintf(stderr, "fuzz_dtype: %s for spec \"", why);
  for (unsigned char c : spec) std::fprintf(stderr, c >= 32 && c < 127 ? "%c" : "\\x%02x", c);
  std::fprintf(stderr, "\"\n");
  std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string spec(reinterpret_cast<const char*>(data), size);  // C reads up to the first NUL
  cnp_dtype* d = nullptr;
  const cnp_status st = cnp_dtype_from_string(spec.c_str(), &d);
  if (st != CNP_OK) {
    if ((st != CNP_ERR_TYPE && st != CNP_ERR_VALUE && st != CNP_ERR_NOT_IMPLEMENTED) || d != nullptr)
      fail(cnp_status_name(st), spec);
    return 0;
  }
  const char *name = nullptr, *str = nullptr, *repr = nullptr;
  if (cnp_dtype_name(d, &name) != CNP_OK || !name) fail("no name", spec);
  if (cnp_dtype_repr(d, &repr) != CNP_OK || !repr) fail("no repr", spec);
  if (cnp_dtype_str(d, &str) != CNP_OK || !str) fail("no str", spec);
  int32_t kind = 0, equal = 0;
  if (cnp_dtype_kind(d, &kind) != CNP_OK) fail("no kind", spec);
  if (kind != 'V') {
    cnp_dtype* again = nullptr;
    if (cnp_dtype_from_string(str, &again) != CNP_OK || cnp_dtype_equal(again, d, &equal) != CNP_OK || !equal)
      fail("str does not round-trip", spec);
    cnp_dtype_free(again);
  }
  cnp_dtype_free(d);
  return 0;
}

namespace fuzz {
const char* const kSeeds[] = {"f8", "<f8", ">i4", "=u2", "|b1", "float64", "complex128", "c8", "int8", "uint64",
                              "bool", "?", "e", "half", "longlong", "intp", "S", "d", "F", "<c16", "i",
                              "U5", ">U3", "S3", "V8", "M8[25s]", "m8[ms]", "datetime64[D]", "i4, f8, S3",
                              "(2,3)f8, i4", "3i4", "i4,(2,3)f8,S5", ">M8[3D]", "m8[7us]", "M8[generic]",
                              "M8", "U0", "(2,)(3,)i4", "a5", "<m8[2Y]", "(3,)M8[ms], <U4", "f8,", "b1,i8,?"};
const size_t kNumSeeds = sizeof kSeeds / sizeof *kSeeds;
const char* const kDict[] = {"<", ">", "=", "|", "f", "i", "u", "c", "b", "1", "2", "4", "8", "16", "int", "float",
                             "complex", "uint", "64", "32", "\xff", "\x80", " ", ",", "U", "S", "V", "M8",
                             "m8", "[", "]", "s", "ms", "(", ")", "datetime64", "generic", "us", "ns", "as",
                             "Y", "W", "D", "h", "2147483648", "9223372036854775807", "(0,)", "-1", "timedelta64"};
const size_t kNumDict = sizeof kDict / sizeof *kDict;
}  // namespace fuzz
