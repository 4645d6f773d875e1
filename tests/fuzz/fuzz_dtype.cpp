// Fuzz target: the dtype-string parser (cnp_dtype_from_string). Any input must give CNP_OK or
// CNP_ERR_TYPE (CNP_ERR_NOT_IMPLEMENTED for what NumPy has and cnumpy lacks, e.g. non-native byte
// order), and a parsed dtype must report a name and round-trip through it.
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
    if ((st != CNP_ERR_TYPE && st != CNP_ERR_NOT_IMPLEMENTED) || d != nullptr) fail(cnp_status_name(st), spec);
    return 0;
  }
  const char* name = nullptr;
  if (cnp_dtype_name(d, &name) != CNP_OK || !name) fail("no name", spec);
  cnp_dtype* again = nullptr;
  if (cnp_dtype_from_string(name, &again) != CNP_OK || again != d) fail("name does not round-trip", spec);
  cnp_dtype_free(again);
  cnp_dtype_free(d);
  return 0;
}

namespace fuzz {
const char* const kSeeds[] = {"f8", "<f8", ">i4", "=u2", "|b1", "float64", "complex128", "c8", "int8", "uint64",
                              "bool", "?", "e", "half", "longlong", "intp", "S", "d", "F", "<c16", "i"};
const size_t kNumSeeds = sizeof kSeeds / sizeof *kSeeds;
const char* const kDict[] = {"<", ">", "=", "|", "f", "i", "u", "c", "b", "1", "2", "4", "8", "16", "int", "float",
                             "complex", "uint", "64", "32", "\xff", "\x80", " ", ","};
const size_t kNumDict = sizeof kDict / sizeof *kDict;
}  // namespace fuzz
