// Fuzz target: the einsum subscript parser (cnp_einsum). The first byte picks one to three
// operands of small fixed shapes (ranks 0-3), the rest is the subscript string. Any input must
// give a status (never a crash, hang or sanitizer report), and a result must be a valid array.
#include <cstdlib>
#include <string>

#include "cnumpy/cnumpy.h"
#include "fuzz_target.hpp"

namespace {
cnp_array* make(int32_t ndim) {
  static const int64_t shape[3] = {2, 2, 2};
  cnp_dtype* d = nullptr;
  cnp_dtype_from_typenum(CNP_FLOAT64, &d);
  cnp_array* a = nullptr;
  if (cnp_ones(ndim, shape, d, CNP_ORDER_C, &a) != CNP_OK) std::abort();
  return a;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static cnp_array* arrays[4] = {make(0), make(1), make(2), make(3)};
  if (size == 0) return 0;
  const int n = 1 + data[0] % 3;
  const cnp_array* ops[3] = {arrays[(data[0] >> 2) & 3], arrays[(data[0] >> 4) & 3], arrays[(data[0] >> 6) & 3]};
  const std::string subscripts(reinterpret_cast<const char*>(data + 1), size - 1);
  cnp_array* out = nullptr;
  const cnp_status st = cnp_einsum(subscripts.c_str(), n, ops, &out);
  if (st == CNP_OK) {
    int64_t count = -1;
    if (!out || cnp_array_size(out, &count) != CNP_OK || count < 0) std::abort();
  } else if (out != nullptr || st == CNP_ERR_INTERNAL) {
    std::abort();
  }
  cnp_array_free(out);
  return 0;
}

namespace fuzz {
const char* const kSeeds[] = {"\x15ij,jk->ik", "\x09ii", "\x09ii->i", "\x15...i,...i->...", "\x25i,i", "\x39ijk->kji",
                              "\x15ij->", "\x01->", "\x0d...", "\x15" "ab,bc", "\x3aijk,ij,i->k", "\x09i...->..."};
const size_t kNumSeeds = sizeof kSeeds / sizeof *kSeeds;
const char* const kDict[] = {"->", "...", ",", "i", "j", "k", "A", "Z", ".", "-", ">", " ", "..", "ii"};
const size_t kNumDict = sizeof kDict / sizeof *kDict;
}  // namespace fuzz
