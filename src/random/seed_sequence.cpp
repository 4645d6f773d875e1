// SeedSequence's mixing (see seed_sequence.hpp); constants from O'Neill's seed_seq_fe as NumPy.
#include "random/seed_sequence.hpp"

#include "core/error.hpp"

namespace cnp::random {

namespace {
constexpr uint32_t kInitA = 0x43b0d7e5u, kMultA = 0x931e8875u, kInitB = 0x8b51f9ddu, kMultB = 0x58f38dedu;
constexpr uint32_t kMixL = 0xca01f9ddu, kMixR = 0x4973f715u;

uint32_t hashmix(uint32_t v, uint32_t& h) {
  v ^= h;
  h *= kMultA;
  v *= h;
  return v ^ (v >> 16);
}
uint32_t mix(uint32_t x, uint32_t y) {
  uint32_t r = kMixL * x - kMixR * y;
  return r ^ (r >> 16);
}
}  // namespace

std::vector<uint32_t> seed_pool(const uint32_t* entropy, int64_t n_entropy, const uint32_t* spawn_key,
                                int64_t n_spawn, int64_t pool_size) {
  if (pool_size < 4) throw_value("The size of the entropy pool should be at least 4");
  std::vector<uint32_t> e(entropy, entropy + n_entropy);
  if (n_spawn > 0 && n_entropy < pool_size) e.resize(size_t(pool_size), 0u);
  e.insert(e.end(), spawn_key, spawn_key + n_spawn);
  std::vector<uint32_t> pool(static_cast<size_t>(pool_size));
  uint32_t h = kInitA;
  const int64_t n = int64_t(e.size());
  for (int64_t i = 0; i < pool_size; ++i) pool[size_t(i)] = hashmix(i < n ? e[size_t(i)] : 0u, h);
  for (int64_t s = 0; s < pool_size; ++s)
    for (int64_t d = 0; d < pool_size; ++d)
      if (s != d) pool[size_t(d)] = mix(pool[size_t(d)], hashmix(pool[size_t(s)], h));
  for (int64_t s = pool_size; s < n; ++s)
    for (int64_t d = 0; d < pool_size; ++d) pool[size_t(d)] = mix(pool[size_t(d)], hashmix(e[size_t(s)], h));
  return pool;
}

void generate_state(const uint32_t* pool, int64_t pool_size, uint32_t* out, int64_t n_words) {
  uint32_t h = kInitB;
  for (int64_t i = 0; i < n_words; ++i) {
    uint32_t v = pool[i % pool_size];
    v ^= h;
    h *= kMultB;
    v *= h;
    out[i] = v ^ (v >> 16);
  }
}

}  // namespace cnp::random
