// Fuzz target: print options (cnp_set_printoptions) and the printer that reads them. Bytes fill
// the options (small signed values, so that out-of-range ones are tried too) and pick an array;
// a rejected set must leave the options unchanged; repr and str must succeed under accepted ones
// (except NumPy's own TypeError of legacy 1.13 with floatmode 'unique' and exponent output).
#include <cstdlib>
#include <cstring>

#include "cnumpy/cnumpy.h"
#include "fuzz_target.hpp"

namespace {
cnp_array* make(int32_t typenum, int64_t n) {
  cnp_dtype* d = nullptr;
  cnp_dtype_from_typenum(typenum, &d);
  cnp_array *a = nullptr, *r = nullptr;
  cnp_scalar start{CNP_FLOAT64, 0, {0}}, stop{CNP_FLOAT64, 0, {0}}, step{CNP_FLOAT64, 0, {0}};
  start.value.f = -1.25e-5;
  stop.value.f = 3.5e7;
  step.value.f = 3.5e7 / double(n);
  if (cnp_arange(&start, &stop, &step, d, &a) != CNP_OK) std::abort();
  int64_t size = 0;
  cnp_array_size(a, &size);
  const int64_t shape[2] = {2, size / 2};  // 2-D, dropping an odd last element
  cnp_array* part = nullptr;
  cnp_index it{};
  it.kind = CNP_INDEX_SLICE;
  it.flags = CNP_SLICE_HAS_STOP;
  it.stop = size / 2 * 2;
  if (cnp_array_index(a, 1, &it, &part) != CNP_OK || cnp_reshape(part, 2, shape, CNP_ORDER_C, &r) != CNP_OK)
    std::abort();
  cnp_array_free(part);
  cnp_array_free(a);
  return r;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Arrays of up to 96 elements and thresholds up to 127: each is printed in full or summarized
  // depending on the options, as with the 2,000-4,000-element arrays and thresholds up to 5,080
  // this target used at first, which spent most of its time formatting thousands of numbers.
  static cnp_array* arrays[4] = {make(CNP_FLOAT64, 20), make(CNP_FLOAT32, 64), make(CNP_COMPLEX128, 8),
                                 make(CNP_INT16, 96)};
  static cnp_printoptions defaults = [] {
    cnp_printoptions o;
    cnp_get_printoptions(&o);
    return o;
  }();
  uint8_t b[8] = {};
  std::memcpy(b, data, size < 8 ? size : 8);
  cnp_printoptions o;
  o.precision = static_cast<int8_t>(b[0]) % 40;
  o.edgeitems = static_cast<int8_t>(b[1]) % 8;
  o.threshold = static_cast<int8_t>(b[2]);
  o.linewidth = static_cast<int8_t>(b[3]);
  o.suppress = static_cast<int8_t>(b[4]) % 3;
  o.sign = static_cast<int8_t>(b[5]) % 5;
  o.floatmode = static_cast<int8_t>(b[6]) % 6;
  static const int32_t legacies[4] = {CNP_LEGACY_OFF, CNP_LEGACY_1_13, CNP_LEGACY_1_21, 7};  // 7: refused
  o.legacy = legacies[(b[7] >> 4) & 3];
  cnp_printoptions before, after;
  cnp_get_printoptions(&before);
  if (cnp_set_printoptions(&o) != CNP_OK) {
    cnp_get_printoptions(&after);
    if (std::memcmp(&before, &after, sizeof before) != 0) std::abort();  // a rejected set changes nothing
    return 0;
  }
  // NumPy's one printing error under accepted options: legacy 1.13 prints exponents with
  // unique=False, which floatmode 'unique' (no precision) cannot do (TypeError, no string)
  const bool may_refuse = o.legacy == CNP_LEGACY_1_13 && o.floatmode == CNP_FLOATMODE_UNIQUE;
  auto printed = [may_refuse](cnp_status st, char* s) {
    if (st == CNP_OK ? !s : !(may_refuse && st == CNP_ERR_TYPE && !s)) std::abort();
    cnp_string_free(s);
  };
  char* s = nullptr;
  cnp_status st = cnp_array_repr(arrays[b[7] & 3], &s);
  printed(st, s);
  s = nullptr;
  st = cnp_array_str(arrays[(b[7] >> 2) & 3], &s);
  printed(st, s);
  cnp_set_printoptions(&defaults);
  return 0;
}

namespace fuzz {
const char* const kSeeds[] = {"\x08\x03\x19\x4b\x00\x00\x01\x00", "\x03\x01\x01\x14\x01\x01\x02\x05",
                              "\x00\x00\x00\x01\x00\x02\x03\x0a", "\xff\xff\xff\xff\xff\xff\xff\xff"};
const size_t kNumSeeds = sizeof kSeeds / sizeof *kSeeds;
const char* const kDict[] = {"\x00", "\x01", "\x7f", "\x80", "\xff"};
const size_t kNumDict = sizeof kDict / sizeof *kDict;
}  // namespace fuzz
