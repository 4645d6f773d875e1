// NumPy's SeedSequence: the entropy pool (hash-mixed entropy words and spawn key) and
// generate_state. The Python layer turns ints and sequences into uint32 words
// (_coerce_to_uint32_array) and keeps the tree bookkeeping (spawn keys, children counts).
#pragma once
#include <cstdint>
#include <vector>

namespace cnp::random {

// The pool of pool_size words for run entropy and spawn-key words, both already uint32 words.
// When a spawn key is present, the run entropy is zero-padded to pool_size first (NumPy >= 1.19).
std::vector<uint32_t> seed_pool(const uint32_t* entropy, int64_t n_entropy, const uint32_t* spawn_key,
                                int64_t n_spawn, int64_t pool_size);
// generate_state(n_words, uint32) from a pool.
void generate_state(const uint32_t* pool, int64_t pool_size, uint32_t* out, int64_t n_words);

}  // namespace cnp::random
