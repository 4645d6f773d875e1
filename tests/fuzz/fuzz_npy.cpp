// Fuzz target: the .npy reader (cnp_io_load_bytes: magic, version, header length, the header's
// Python literal, descr to dtype, the declared shape against the bytes present). Any input must
// give CNP_OK or a clean error (CNP_ERR_VALUE, OVERFLOW, INDEX as numpy's IndexError, NOT_IMPLEMENTED
// for pickled object arrays; KEY/TYPE never); a loaded array must save to a .npy that loads back to the same
// bytes, dtype and shape, and the reader must never allocate for a size the input does not hold.
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "cnumpy/cnumpy.h"
#include "fuzz_target.hpp"

namespace {
[[noreturn]] void fail(const char* why, cnp_status st) { fuzz::fail_status("fuzz_npy", why, st); }

// numpy's own exception types for bad headers: ValueError, OverflowError (huge ints), IndexError
// (a one-element descr tuple: numpy's descr_to_dtype indexes descr[1]), and NotImplementedError
// for pickled object arrays cnumpy cannot hold.
bool clean_error(cnp_status st) {
  return st == CNP_ERR_VALUE || st == CNP_ERR_OVERFLOW || st == CNP_ERR_NOT_IMPLEMENTED || st == CNP_ERR_INDEX;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  for (int32_t allow_pickle = 0; allow_pickle < 2; ++allow_pickle) {
    cnp_array* a = nullptr;
    int64_t consumed = -1;
    cnp_status st = cnp_io_load_bytes(data, static_cast<int64_t>(size), allow_pickle, 10000, &consumed, &a);
    if (st != CNP_OK) {
      if (!clean_error(st) || a) fail("unexpected status", st);
      continue;
    }
    if (consumed < 0 || consumed > static_cast<int64_t>(size)) fail("consumed out of range", st);
    cnp_array* bytes = nullptr;
    st = cnp_io_save_bytes(a, 0, nullptr, &bytes);
    if (st != CNP_OK) {
      // A header can name dtypes whose descr numpy cannot write back (overlapping fields).
      if (st != CNP_ERR_VALUE) fail("save failed", st);
      cnp_array_free(a);
      continue;
    }
    cnp_array* again = nullptr;
    void* p = nullptr;
    int64_t n = 0;
    if (cnp_array_data(bytes, &p) != CNP_OK || cnp_array_size(bytes, &n) != CNP_OK) fail("bytes", CNP_OK);
    st = cnp_io_load_bytes(p, n, 1, -1, nullptr, &again);
    if (st != CNP_OK) fail("reload failed", st);
    int32_t equal = 0;
    cnp_dtype *d1 = nullptr, *d2 = nullptr;
    if (cnp_array_dtype(a, &d1) != CNP_OK || cnp_array_dtype(again, &d2) != CNP_OK ||
        cnp_dtype_equal(d1, d2, &equal) != CNP_OK || !equal)
      fail("dtype changed in the round trip", CNP_OK);
    int32_t nd1 = -1, nd2 = -2;
    const int64_t *s1 = nullptr, *s2 = nullptr;
    if (cnp_array_ndim(a, &nd1) != CNP_OK || cnp_array_ndim(again, &nd2) != CNP_OK || nd1 != nd2 ||
        cnp_array_shape(a, &s1) != CNP_OK || cnp_array_shape(again, &s2) != CNP_OK ||
        (nd1 > 0 && std::memcmp(s1, s2, sizeof(int64_t) * static_cast<size_t>(nd1))))
      fail("shape changed in the round trip", CNP_OK);
    cnp_dtype_free(d1);
    cnp_dtype_free(d2);
    cnp_array_free(again);
    cnp_array_free(bytes);
    cnp_array_free(a);
  }
  return 0;
}

#define CNP_FUZZ_SEEDS_FILE "generated/npy_seeds.inc"
#include "binary_seeds.inc"

namespace fuzz {
const char* const kDict[] = {"\x93NUMPY", "'descr'", "'fortran_order'", "'shape'", "True", "False", "{", "}", "(",
                             ")", "[", "]", ", ", ": ", "'<f8'", "'>i4'", "'|b1'", "'<U3'", "'|S0'", "'<M8[D]'",
                             "'|V4'", "'|O'", "('a', '<i4')", "('', '|V3')", "(('t', 'n'), 'i1')", "(2, 3)",
                             "-1", "9223372036854775807", "4294967296", "0x10", "1L", "\\x", "\\u20ac", "'",
                             "\"", "#", "\n", "\xff\xff", "\x01"};
const size_t kNumDict = sizeof kDict / sizeof *kDict;
}  // namespace fuzz
