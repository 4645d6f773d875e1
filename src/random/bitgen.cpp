// Creation, seeding, state words and advance of the bit generators (see bitgen.hpp).
#include "random/bitgen.hpp"

#include <cstring>
#include <new>

#include "core/error.hpp"

namespace cnp::random {

BitGen::BitGen(Kind k) : kind(k) {
  switch (k) {
    case kPcg64: new (&pcg) Pcg64(); break;
    case kPcg64Dxsm: new (&dxsm) Pcg64Dxsm(); break;
    case kMt19937: new (&mt) Mt19937(); break;
    case kPhilox: new (&philox) Philox(); break;
    case kSfc64: new (&sfc) Sfc64(); break;
    default: throw_value("unknown bit generator kind");
  }
}

int64_t seed_words(Kind k) {
  switch (k) {
    case kPcg64:
    case kPcg64Dxsm: return 8;
    case kMt19937: return kMtN;
    case kPhilox: return 4;
    default: return 6;
  }
}

namespace {
uint64_t word64(const uint32_t* w, int i) { return uint64_t(w[2 * i]) | uint64_t(w[2 * i + 1]) << 32; }
u128 join(uint64_t hi, uint64_t lo) { return u128(hi) << 64 | lo; }
}  // namespace

void seed_from_words(BitGen& g, const uint32_t* w, int64_t n) {
  if (n != seed_words(g.kind)) throw_value("wrong number of seed words for this bit generator");
  switch (g.kind) {
    case kPcg64:
    case kPcg64Dxsm: {
      u128 s = join(word64(w, 0), word64(w, 1)), inc = join(word64(w, 2), word64(w, 3));
      if (g.kind == kPcg64) {
        g.pcg.seed(s, inc);
        g.pcg.has_uint32 = 0;
        g.pcg.uinteger = 0;
      } else {
        g.dxsm.seed(s, inc);
        g.dxsm.has_uint32 = 0;
        g.dxsm.uinteger = 0;
      }
      break;
    }
    case kMt19937:
      // NumPy's MT19937(seed): words 1..623 of the state, the MSB word first, and the position
      // left at 623 (the loop variable's last value in _mt19937.pyx).
      g.mt.key[0] = 0x80000000u;
      for (int i = 1; i < kMtN; ++i) g.mt.key[i] = w[i];
      g.mt.pos = kMtN - 1;
      break;
    case kPhilox:
      g.philox = Philox();
      g.philox.key[0] = word64(w, 0);
      g.philox.key[1] = word64(w, 1);
      break;
    case kSfc64: {
      uint64_t s[3] = {word64(w, 0), word64(w, 1), word64(w, 2)};
      g.sfc.seed(s);
      g.sfc.has_uint32 = 0;
      g.sfc.uinteger = 0;
      break;
    }
  }
}

int64_t state_words(Kind k) {
  switch (k) {
    case kPcg64:
    case kPcg64Dxsm: return 4 + 2 + 2;
    case kMt19937: return kMtN + 1 + 2;
    case kPhilox: return 4 + 2 + 4 + 1 + 2 + 2;
    default: return 4 + 2 + 2;
  }
}

std::vector<uint64_t> get_state(const BitGen& g) {
  std::vector<uint64_t> w;
  auto pcg_like = [&](u128 s, u128 inc, int has, uint32_t u) {
    w = {uint64_t(s >> 64), uint64_t(s), uint64_t(inc >> 64), uint64_t(inc), uint64_t(has), u};
  };
  switch (g.kind) {
    case kPcg64: pcg_like(g.pcg.state, g.pcg.inc, g.pcg.has_uint32, g.pcg.uinteger); break;
    case kPcg64Dxsm: pcg_like(g.dxsm.state, g.dxsm.inc, g.dxsm.has_uint32, g.dxsm.uinteger); break;
    case kMt19937:
      w.assign(g.mt.key, g.mt.key + kMtN);
      w.push_back(uint64_t(g.mt.pos));
      break;
    case kPhilox: {
      const Philox& p = g.philox;
      w.assign(p.ctr, p.ctr + 4);
      w.insert(w.end(), p.key, p.key + 2);
      w.insert(w.end(), p.buffer, p.buffer + 4);
      w.push_back(uint64_t(p.buffer_pos));
      w.push_back(uint64_t(p.has_uint32));
      w.push_back(p.uinteger);
      break;
    }
    case kSfc64:
      w.assign(g.sfc.s, g.sfc.s + 4);
      w.push_back(uint64_t(g.sfc.has_uint32));
      w.push_back(g.sfc.uinteger);
      break;
  }
  uint64_t gbits;
  std::memcpy(&gbits, &g.gauss, 8);
  w.push_back(uint64_t(g.has_gauss));
  w.push_back(gbits);
  return w;
}

void set_state(BitGen& g, const uint64_t* w, int64_t n) {
  if (n != state_words(g.kind)) throw_value("wrong number of state words for this bit generator");
  switch (g.kind) {
    case kPcg64:
      g.pcg.state = join(w[0], w[1]);
      g.pcg.inc = join(w[2], w[3]);
      g.pcg.has_uint32 = int(w[4] != 0);
      g.pcg.uinteger = uint32_t(w[5]);
      break;
    case kPcg64Dxsm:
      g.dxsm.state = join(w[0], w[1]);
      g.dxsm.inc = join(w[2], w[3]);
      g.dxsm.has_uint32 = int(w[4] != 0);
      g.dxsm.uinteger = uint32_t(w[5]);
      break;
    case kMt19937:
      if (w[kMtN] > uint64_t(kMtN)) throw_value("pos must be in [0, 624]");
      for (int i = 0; i < kMtN; ++i) g.mt.key[i] = uint32_t(w[i]);
      g.mt.pos = int(w[kMtN]);
      break;
    case kPhilox: {
      Philox& p = g.philox;
      if (w[10] > 4) throw_value("buffer_pos must be in [0, 4]");
      for (int i = 0; i < 4; ++i) p.ctr[i] = w[i];
      p.key[0] = w[4];
      p.key[1] = w[5];
      for (int i = 0; i < 4; ++i) p.buffer[i] = w[6 + i];
      p.buffer_pos = int(w[10]);
      p.has_uint32 = int(w[11] != 0);
      p.uinteger = uint32_t(w[12]);
      break;
    }
    case kSfc64:
      for (int i = 0; i < 4; ++i) g.sfc.s[i] = w[i];
      g.sfc.has_uint32 = int(w[4] != 0);
      g.sfc.uinteger = uint32_t(w[5]);
      break;
  }
  g.has_gauss = int(w[n - 2] != 0);
  std::memcpy(&g.gauss, &w[n - 1], 8);
}

void advance(BitGen& g, const uint64_t* d, int64_t n) {
  switch (g.kind) {
    case kPcg64:
      if (n != 2) throw_value("advance needs a 128-bit delta");
      g.pcg.state = lcg_advance(g.pcg.state, join(d[0], d[1]), kPcgMult, g.pcg.inc);
      g.pcg.has_uint32 = 0;
      g.pcg.uinteger = 0;
      break;
    case kPcg64Dxsm:
      if (n != 2) throw_value("advance needs a 128-bit delta");
      g.dxsm.state = lcg_advance(g.dxsm.state, join(d[0], d[1]), u128(kPcgCheapMult), g.dxsm.inc);
      g.dxsm.has_uint32 = 0;
      g.dxsm.uinteger = 0;
      break;
    case kPhilox:
      if (n != 4) throw_value("advance needs a 256-bit delta");
      g.philox.advance(d);
      g.philox.buffer_pos = 4;
      for (auto& b : g.philox.buffer) b = 0;
      g.philox.has_uint32 = 0;
      g.philox.uinteger = 0;
      break;
    default: throw Error(CNP_ERR_NOT_IMPLEMENTED, "this bit generator cannot be advanced");
  }
}

void jump(BitGen& g, int64_t jumps) {
  if (jumps < 0) throw_value("jumps must be non-negative");
  const u128 phi = (u128(0x9e3779b97f4a7c15ull) << 64) | 0xf39cc0605cedc835ull;
  switch (g.kind) {
    case kPcg64:
    case kPcg64Dxsm: {
      const u128 d = phi * u128(uint64_t(jumps));
      const uint64_t w[2] = {uint64_t(d >> 64), uint64_t(d)};
      advance(g, w, 2);
      break;
    }
    case kPhilox: {
      const uint64_t w[4] = {0, 0, uint64_t(jumps), 0};
      advance(g, w, 4);
      break;
    }
    case kMt19937:
      for (int64_t i = 0; i < jumps; ++i) g.mt.jump();
      break;
    default: throw Error(CNP_ERR_NOT_IMPLEMENTED, "this bit generator cannot be jumped");
  }
}

}  // namespace cnp::random
