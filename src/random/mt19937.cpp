// The Mersenne Twister's regeneration and its two legacy seedings (see mt19937.hpp).
#include "random/mt19937.hpp"

#include "random/generated/tables.hpp"

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

// ---- jumped(): 2**128 steps ahead by Horner's rule on NumPy's jump polynomial -----------------
// (Haramoto, Matsumoto, Nishimura, Panneton, L'Ecuyer; NumPy's mt19937-jump.c): the state after
// the jump is sum_i c_i * T^i(state) over GF(2), where the c_i are the bits of the polynomial
// x^(2**128) mod the characteristic polynomial (generated/tables.hpp, poly_coef).

namespace cnp::random {

namespace {
constexpr int kMexp = 19937;

bool coef(int deg) { return (zig::poly_coef[deg >> 5] >> (deg & 31)) & 1u; }

// One step of the recurrence in place at the current position (the jump's own stepping).
void step(Mt19937& s) {
  const int num = s.pos;
  if (num < kMtN - kM) {
    s.key[num] = twist(s.key[num], s.key[num + 1], s.key[num + kM]);
    s.pos++;
  } else if (num < kMtN - 1) {
    s.key[num] = twist(s.key[num], s.key[num + 1], s.key[num + kM - kMtN]);
    s.pos++;
  } else if (num == kMtN - 1) {
    s.key[kMtN - 1] = twist(s.key[kMtN - 1], s.key[0], s.key[kM - 1]);
    s.pos = 0;
  }
}

// s1 += s2 over GF(2), each read from its own position.
void add(Mt19937& s1, const Mt19937& s2) {
  const int pt1 = s1.pos, pt2 = s2.pos;
  int i = 0;
  if (pt2 - pt1 >= 0) {
    for (; i < kMtN - pt2; i++) s1.key[i + pt1] ^= s2.key[i + pt2];
    for (; i < kMtN - pt1; i++) s1.key[i + pt1] ^= s2.key[i + (pt2 - kMtN)];
    for (; i < kMtN; i++) s1.key[i + (pt1 - kMtN)] ^= s2.key[i + (pt2 - kMtN)];
  } else {
    for (; i < kMtN - pt1; i++) s1.key[i + pt1] ^= s2.key[i + pt2];
    for (; i < kMtN - pt2; i++) s1.key[i + (pt1 - kMtN)] ^= s2.key[i + pt2];
    for (; i < kMtN; i++) s1.key[i + (pt1 - kMtN)] ^= s2.key[i + (pt2 - kMtN)];
  }
}
}  // namespace

void Mt19937::jump() {
  if (pos >= kMtN) pos = 0;
  int i = kMexp - 1;
  while (i >= 0 && !coef(i)) i--;
  Mt19937 acc = *this;
  if (i > 0) {
    step(acc);
    for (i--; i > 0; i--) {
      if (coef(i)) add(acc, *this);
      step(acc);
    }
    if (coef(0)) add(acc, *this);
  }
  *this = acc;
}

}  // namespace cnp::random
