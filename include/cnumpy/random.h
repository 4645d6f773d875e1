/*
 * cnumpy/random.h: numpy.random with NumPy 1.24's exact streams (docs/random.md).
 *
 * A cnp_bitgen is one bit generator (NumPy's PCG64, PCG64DXSM, MT19937, Philox or SFC64) with
 * its state; Generator's and RandomState's methods are functions over it. The same seed gives
 * NumPy's numbers bit for bit: integer outputs and raw streams always, floating outputs to the
 * last bit (the same libm calls as NumPy's, glibc's).
 *
 * Seeding: NumPy seeds a bit generator from SeedSequence(seed).generate_state(...). From C,
 * cnp_bitgen_from_seed(kind, seed) does all of it for a non-negative integer seed below 2**63
 * (cnp_bitgen_from_seed(CNP_BITGEN_PCG64, 1234, &g) is numpy.random.default_rng(1234)'s bit
 * generator); cnp_random_seedseq_pool/_generate_state expose SeedSequence itself (any entropy,
 * spawn keys) and cnp_bitgen_new takes its words. RandomState's legacy seeding:
 * cnp_bitgen_legacy_seed.
 *
 * Threads: a cnp_bitgen is not thread-safe; a handle shared between threads needs the caller's
 * lock around every call, as NumPy's Generator holds its bit generator's lock. Different handles
 * may be used concurrently.
 *
 * Common arguments:
 *  - size: (ndim, size) with size NULL for NumPy's size=None (the output takes the broadcast
 *    shape of the parameters, 0-d when all parameters are 0-d).
 *  - Errors as NumPy words them: CNP_ERR_VALUE "scale < 0", "p < 0, p > 1 or p is NaN",
 *    "low >= high", "ngood + nbad < nsample", ...; CNP_ERR_OVERFLOW "Range exceeds valid bounds".
 *    Nothing is drawn (the state does not move) when a call fails its checks.
 *
 * The block between CNP_DECLS_BEGIN and CNP_DECLS_END is plain C99 (read by the bindings).
 */
#ifndef CNUMPY_RANDOM_H
#define CNUMPY_RANDOM_H

#include "cnumpy/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/* CNP_DECLS_BEGIN */

/** A bit generator with its state (opaque); free with cnp_bitgen_free. */
typedef struct cnp_bitgen cnp_bitgen;

/** Bit generator kinds (NumPy's classes). */
enum {
    CNP_BITGEN_PCG64 = 0,
    CNP_BITGEN_PCG64DXSM = 1,
    CNP_BITGEN_MT19937 = 2,
    CNP_BITGEN_PHILOX = 3,
    CNP_BITGEN_SFC64 = 4
};

/** SeedSequence's entropy pool: entropy and spawn_key are 1-D uint32 arrays of words (NumPy's
 *  _coerce_to_uint32_array of the entropy and of the spawn key; spawn_key NULL = ()), pool_size
 *  >= 4 (CNP_ERR_VALUE "The size of the entropy pool should be at least 4"). *out: the uint32
 *  pool (SeedSequence.pool). */
CNP_API cnp_status cnp_random_seedseq_pool(const cnp_array* entropy, const cnp_array* spawn_key, int64_t pool_size, cnp_array** out);
/** SeedSequence.generate_state(n_words, uint32) from a pool: a uint32 array of n_words (two
 *  words per uint64 word, low first, for dtype=uint64). */
CNP_API cnp_status cnp_random_seedseq_generate_state(const cnp_array* pool, int64_t n_words, cnp_array** out);

/** Number of uint32 SeedSequence words kind is seeded from (PCG64/PCG64DXSM 8, MT19937 624,
 *  Philox 4, SFC64 6). CNP_ERR_VALUE for an unknown kind. */
CNP_API cnp_status cnp_bitgen_seed_words(int32_t kind, int64_t* out);
/** A new bit generator of kind seeded as NumPy's class seeds itself from a SeedSequence:
 *  seed_words holds SeedSequence.generate_state(cnp_bitgen_seed_words(kind), uint32) (1-D,
 *  cast to uint32). Philox's counter starts at 0. */
CNP_API cnp_status cnp_bitgen_new(int32_t kind, const cnp_array* seed_words, cnp_bitgen** out);
/** NumPy's BitGenerator(seed) for a non-negative integer seed (SeedSequence(seed) inside);
 *  CNP_ERR_VALUE "expected non-negative integer" for a negative seed (larger seeds: through
 *  cnp_random_seedseq_pool). */
CNP_API cnp_status cnp_bitgen_from_seed(int32_t kind, int64_t seed, cnp_bitgen** out);
/** An independent copy (same kind and state). */
CNP_API cnp_status cnp_bitgen_copy(const cnp_bitgen* g, cnp_bitgen** out);
/** Frees a bit generator (NULL accepted). */
CNP_API void cnp_bitgen_free(cnp_bitgen* g);
/** The kind (CNP_BITGEN_*). */
CNP_API cnp_status cnp_bitgen_kind(const cnp_bitgen* g, int32_t* out);
/** The state as a 1-D uint64 array, per kind (then two words for RandomState's cached
 *  Gaussian: has_gauss, the double's bits):
 *   PCG64/PCG64DXSM: state high, state low, inc high, inc low, has_uint32, uinteger
 *   MT19937: key[624], pos
 *   Philox: counter[4], key[2], buffer[4], buffer_pos, has_uint32, uinteger
 *   SFC64: s[4], has_uint32, uinteger */
CNP_API cnp_status cnp_bitgen_get_state(const cnp_bitgen* g, cnp_array** out);
/** Sets the state from words laid out as cnp_bitgen_get_state's (cast to uint64).
 *  CNP_ERR_VALUE for a wrong length or an out-of-range position. */
CNP_API cnp_status cnp_bitgen_set_state(cnp_bitgen* g, const cnp_array* words);
/** RandomState.seed for MT19937: key 0-d = the integer seed (init_genrand), 1-D = init_by_array.
 *  CNP_ERR_VALUE "Seed must be between 0 and 2**32 - 1", "Seed must be non-empty", "Seed array
 *  must be 1-d"; CNP_ERR_TYPE "can only re-seed a MT19937 BitGenerator". Clears the cached
 *  Gaussian. */
CNP_API cnp_status cnp_bitgen_legacy_seed(cnp_bitgen* g, const cnp_array* key);
/** advance(delta) of PCG64/PCG64DXSM (delta: 2 uint64 words, high first) and Philox (4 words,
 *  low first); CNP_ERR_NOT_IMPLEMENTED for other kinds. jumped() is advance by
 *  0x9e3779b97f4a7c15f39cc0605cedc835 * jumps (PCG) or 2**128 * jumps (Philox). */
CNP_API cnp_status cnp_bitgen_advance(cnp_bitgen* g, const cnp_array* delta);
/** BitGenerator.jumped(jumps)'s state change, in place (copy first with cnp_bitgen_copy for
 *  NumPy's new generator): PCG64/PCG64DXSM and Philox as cnp_bitgen_advance documents, MT19937 by
 *  NumPy's 2**128-step jump polynomial applied jumps times; CNP_ERR_NOT_IMPLEMENTED for SFC64,
 *  CNP_ERR_VALUE for jumps < 0. */
CNP_API cnp_status cnp_bitgen_jump(cnp_bitgen* g, int64_t jumps);
/** BitGenerator.random_raw(size): uint64 raw outputs (MT19937: its 32-bit words). */
CNP_API cnp_status cnp_random_raw(cnp_bitgen* g, int32_t ndim, const int64_t* size, cnp_array** out);

/** A distribution method of numpy.random.Generator: method is its name ("random",
 *  "standard_normal", "normal", "standard_exponential", "standard_exponential_inv" (method='inv'),
 *  "exponential", "uniform", "standard_gamma", "gamma", "beta", "f", "noncentral_f",
 *  "chisquare", "noncentral_chisquare", "standard_t", "standard_cauchy", "vonmises", "pareto",
 *  "weibull", "power", "laplace", "gumbel", "logistic", "lognormal", "rayleigh", "wald",
 *  "triangular", "binomial", "negative_binomial", "poisson", "zipf", "geometric",
 *  "hypergeometric", "logseries"), params its parameters in NumPy's order (float64; int64 for
 *  binomial's n and hypergeometric's), broadcast against each other and size. dtype NULL =
 *  float64 (int64 for the discrete ones); CNP_FLOAT32 for random, standard_normal,
 *  standard_exponential and standard_gamma. out_array: NumPy's out= (contiguous, of the output
 *  dtype), NULL = not given. */
CNP_API cnp_status cnp_random_draw(cnp_bitgen* g, const char* method, int32_t nparams, const cnp_array* const* params, int32_t ndim, const int64_t* size, const cnp_dtype* dtype, cnp_array* out_array, cnp_array** out);
/** The same for numpy.random.RandomState's methods (legacy algorithms: the polar Gaussian with
 *  its cached value, -log(1-U) exponentials, the original binomial/hypergeometric/...); same
 *  names ("random" is random_sample), float64 only. */
CNP_API cnp_status cnp_random_legacy_draw(cnp_bitgen* g, const char* method, int32_t nparams, const cnp_array* const* params, int32_t ndim, const int64_t* size, cnp_array** out);
/** Generator.integers(low, high, size, dtype, endpoint) (masked 0: Lemire's method) and
 *  RandomState.randint (masked 1: masked rejection, endpoint 0). low/high any integer (or
 *  float) arrays, broadcast; dtype NULL = int64, any integer type or bool. CNP_ERR_VALUE
 *  "low is out of bounds for int8", "high is out of bounds for int8", "low >= high",
 *  "high <= 0"; CNP_ERR_TYPE "Unsupported dtype dtype('float64') for integers". */
CNP_API cnp_status cnp_random_integers(cnp_bitgen* g, const cnp_array* low, const cnp_array* high, int32_t endpoint, int32_t masked, int32_t ndim, const int64_t* size, const cnp_dtype* dtype, cnp_array** out);
/** shuffle(a) in place along the first axis (Generator and RandomState draw the same). */
CNP_API cnp_status cnp_random_shuffle(cnp_bitgen* g, cnp_array* a);
/** multinomial(n, pvals, size): int64 counts. n (int64, any shape) and the rows of pvals (float64,
 *  last axis the categories, d of them) broadcast as Generator.multinomial does; the output is
 *  that shape (or size, which must equal it) + (d,); with a 0-d n and 1-d pvals, size (or ())
 *  + (d,). The caller checks the pvals rows (NumPy's "sum(pvals[:-1]) > 1.0"); CNP_ERR_VALUE
 *  "n < 0". legacy 0/1 (the same draws). */
CNP_API cnp_status cnp_random_multinomial(cnp_bitgen* g, const cnp_array* n, const cnp_array* pvals, int32_t ndim, const int64_t* size, int32_t legacy, cnp_array** out);

/** Generator.choice(pop_size, size, replace=False, shuffle) without p: int64 indices (1-D, size
 *  long) by NumPy's tail shuffle or Floyd's algorithm. CNP_ERR_VALUE "Cannot take a larger sample
 *  than population when replace is False". */
CNP_API cnp_status cnp_random_choice_noreplace(cnp_bitgen* g, int64_t pop_size, int64_t size, int32_t shuffle, cnp_array** out);

/** Generator.multivariate_hypergeometric(colors, nsample, size, method): int64 counts of shape
 *  size + (len(colors),) (size NULL = None); marginals 1 = method 'marginals', 0 = 'count'.
 *  CNP_ERR_VALUE "nsample > sum(colors)", "nsample must be nonnegative.", ... */
CNP_API cnp_status cnp_random_multivariate_hypergeometric(cnp_bitgen* g, const cnp_array* colors, int64_t nsample, int32_t ndim, const int64_t* size, int32_t marginals, cnp_array** out);

/* CNP_DECLS_END */

#ifdef __cplusplus
}
#endif

#endif
