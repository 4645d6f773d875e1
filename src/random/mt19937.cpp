// The Mersenne Twister's regeneration and its two legacy seedings (see mt19937.hpp).
#include "random/mt19937.hpp"

namespace cnp::random {

namespace {
constexpr int kM = 397;
constexpr uint32_t kMatrixA = 0x9908b0dfu, kUpper = 0x80000000u, kLower = 0x7fffffffu;

uint32_t twist(uint32_t a, uint32_t b, uint32_t m) {
  uint32_t y = (a & kUpper) | (b & kLower);
  return m ^ (y >> 1) ^ (uint32_t(-int32_t(y & 1)) & kMatrixA);
}
}  // namespace

void Mt19937::regenerate() {
  int i = 0;
  for (; i < kMtN - kM; ++i) key[i] = twist(key[i], key[i + 1], key[i + kM]);
  for (; i < kMtN - 1; ++i) key[i] = twist(key[i], key[i + 1], key[i + kM - kMtN]);
  key[kMtN - 1] = twist(key[kMtN - 1], key[0], key[kM - 1]);
  pos = 0;
}

void Mt19937::seed_scalar(uint32_t s) {
  for (int p = 0; p < kMtN; ++p) {
    key[p] = s;
    s = 1812433253u * (s ^ (s >> 30)) + uint32_t(p) + 1;
  }
  pos = kMtN;
}

void Mt19937::seed_array(const uint32_t* init_key, int64_t n) {
  uint32_t* mt = key;
  mt[0] = 19650218u;
  for (int i = 1; i < kMtN; ++i) mt[i] = 1812433253u * (mt[i - 1] ^ (mt[i - 1] >> 30)) + uint32_t(i);
  int64_t i = 1, j = 0;
  for (int64_t k = kMtN > n ? kMtN : n; k; --k) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + init_key[j] + uint32_t(j);
    ++i;
    ++j;
    if (i >= kMtN) {
      mt[0] = mt[kMtN - 1];
      i = 1;
    }
    if (j >= n) j = 0;
  }
  for (int k = kMtN - 1; k; --k) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - uint32_t(i);
    ++i;
    if (i >= kMtN) {
      mt[0] = mt[kMtN - 1];
      i = 1;
    }
  }
  mt[0] = 0x80000000u;
  pos = kMtN;
}

}  // namespace cnp::random
