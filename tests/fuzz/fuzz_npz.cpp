// Fuzz target: the .npz reader (libzip over memory, then each member through the .npy reader
// with the size bounds of src/io/npz.cpp). Any input must open or fail with CNP_ERR_VALUE, and
// every member must load, come back as raw bytes or fail cleanly (CNP_ERR_VALUE, OVERFLOW,
// NOT_IMPLEMENTED); a member's declared size never drives an allocation beyond what deflate
// could produce from the bytes present (ASan's allocation limit in tools/fuzz.sh checks it).
#include <cstdio>
#include <cstdlib>

#include "cnumpy/cnumpy.h"
#include "fuzz_target.hpp"

namespace {
[[noreturn]] void fail(const char* why, cnp_status st) { fuzz::fail_status("fuzz_npz", why, st); }
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  cnp_npz* z = nullptr;
  cnp_status st = cnp_npz_open_bytes(data, static_cast<int64_t>(size), 0, 10000, &z);
  if (st != CNP_OK) {
    if (st != CNP_ERR_VALUE || z) fail("open", st);
    return 0;
  }
  int64_t n = 0;
  if (cnp_npz_count(z, &n) != CNP_OK || n < 0) fail("count", CNP_OK);
  for (int64_t i = 0; i < n && i < 64; ++i) {
    const char* name = nullptr;
    if (cnp_npz_name(z, i, &name) != CNP_OK || !name) fail("name", CNP_OK);
    cnp_array* a = nullptr;
    int32_t raw = -1;
    st = cnp_npz_get(z, name, &raw, &a);
    if (st == CNP_OK) {
      if (raw != 0 && raw != 1) fail("raw flag", st);
      cnp_array_free(a);
    } else if ((st != CNP_ERR_VALUE && st != CNP_ERR_OVERFLOW && st != CNP_ERR_NOT_IMPLEMENTED && st != CNP_ERR_INDEX) || a) {
      fail("get", st);
    }
  }
  cnp_array* missing = nullptr;
  if (cnp_npz_get(z, "\x01no such member", nullptr, &missing) != CNP_ERR_KEY || missing) fail("missing key", CNP_OK);
  cnp_npz_free(z);
  return 0;
}

#define CNP_FUZZ_SEEDS_FILE "generated/npz_seeds.inc"
#include "binary_seeds.inc"

namespace fuzz {
const char* const kDict[] = {"PK\x03\x04", "PK\x01\x02", "PK\x05\x06", "PK\x06\x06", "PK\x06\x07", "PK\x07\x08",
                             "\x93NUMPY", ".npy", "\xff\xff\xff\xff", "\x08", "\x14", "\x2d",
                             "'shape': (", "'descr': '<f8'"};
const size_t kNumDict = sizeof kDict / sizeof *kDict;
}  // namespace fuzz
