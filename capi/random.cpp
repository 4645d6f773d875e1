// C entry points of numpy.random (include/cnumpy/random.h): validate handles, convert word
// arrays, call src/random.
#include "cnumpy/random.h"

#include <cstring>
#include <vector>

#include "capi/guard.hpp"
#include "core/cast.hpp"
#include "random/bitgen.hpp"
#include "random/draw.hpp"
#include "random/seed_sequence.hpp"

struct cnp_bitgen {
  uint64_t magic;
  cnp::random::BitGen g;
};

using namespace cnp;
using namespace cnp::capi;
namespace rnd = cnp::random;

namespace {

constexpr uint64_t kBitgenMagic = 0x6370'6e62'6974'6765ull;  // "cpnbitge"

rnd::BitGen& gen_of(const cnp_bitgen* h) {
  if (!h) throw Error(CNP_ERR_INVALID_HANDLE, "bit generator handle is NULL");
  if (h->magic != kBitgenMagic) throw Error(CNP_ERR_INVALID_HANDLE, "not a valid cnumpy bit generator handle");
  return const_cast<cnp_bitgen*>(h)->g;
}

rnd::Kind kind_of(int32_t kind) {
  if (kind < rnd::kPcg64 || kind > rnd::kSfc64) throw_value("unknown bit generator kind " + std::to_string(kind));
  return rnd::Kind(kind);
}

// A 1-D (or 0-d) array's values as words of type T (cast unsafely, as NumPy's astype).
template <class T>
std::vector<T> words(const Array& a, int32_t typenum) {
  Array c = cast_copy(a, builtin_dtype(typenum), CNP_ORDER_C);
  const T* p = reinterpret_cast<const T*>(c.data());
  return std::vector<T>(p, p + c.size());
}

template <class T>
Array word_array(const std::vector<T>& w, int32_t typenum) {
  const int64_t n = int64_t(w.size());
  Array a = Array::allocate(builtin_dtype(typenum), 1, &n, CNP_ORDER_C);
  if (n) std::memcpy(a.data(), w.data(), w.size() * sizeof(T));
  return a;
}

cnp_bitgen* new_bitgen(rnd::Kind k) {
  auto* h = new cnp_bitgen{kBitgenMagic, rnd::BitGen(k)};
  return h;
}

}  // namespace

extern "C" {

CNP_API cnp_status cnp_random_seedseq_pool(const cnp_array* entropy, const cnp_array* spawn_key, int64_t pool_size,
                                           cnp_array** out) {
  return produce(out, [&] {
    auto e = words<uint32_t>(array_of(entropy), CNP_UINT32);
    std::vector<uint32_t> s;
    if (spawn_key) s = words<uint32_t>(array_of(spawn_key), CNP_UINT32);
    return word_array(rnd::seed_pool(e.data(), int64_t(e.size()), s.data(), int64_t(s.size()), pool_size), CNP_UINT32);
  });
}

CNP_API cnp_status cnp_random_seedseq_generate_state(const cnp_array* pool, int64_t n_words, cnp_array** out) {
  return produce(out, [&] {
    auto p = words<uint32_t>(array_of(pool), CNP_UINT32);
    if (p.empty()) throw_value("the pool is empty");
    if (n_words < 0) throw_value("negative dimensions are not allowed");
    std::vector<uint32_t> w(static_cast<size_t>(n_words));
    rnd::generate_state(p.data(), int64_t(p.size()), w.data(), n_words);
    return word_array(w, CNP_UINT32);
  });
}

CNP_API cnp_status cnp_bitgen_seed_words(int32_t kind, int64_t* out) {
  return get(out, [&] { return rnd::seed_words(kind_of(kind)); });
}

CNP_API cnp_status cnp_bitgen_new(int32_t kind, const cnp_array* seed_words, cnp_bitgen** out) {
  return get(out, [&] {
    const rnd::Kind k = kind_of(kind);
    auto w = words<uint32_t>(array_of(seed_words), CNP_UINT32);
    std::unique_ptr<cnp_bitgen> h(new_bitgen(k));
    rnd::seed_from_words(h->g, w.data(), int64_t(w.size()));
    return h.release();
  });
}

CNP_API cnp_status cnp_bitgen_from_seed(int32_t kind, int64_t seed, cnp_bitgen** out) {
  return get(out, [&] {
    const rnd::Kind k = kind_of(kind);
    if (seed < 0) throw_value("expected non-negative integer");
    std::vector<uint32_t> e{uint32_t(seed)};
    if (uint64_t(seed) >> 32) e.push_back(uint32_t(uint64_t(seed) >> 32));
    auto pool = rnd::seed_pool(e.data(), int64_t(e.size()), nullptr, 0, 4);
    std::vector<uint32_t> w(static_cast<size_t>(rnd::seed_words(k)));
    rnd::generate_state(pool.data(), 4, w.data(), int64_t(w.size()));
    std::unique_ptr<cnp_bitgen> h(new_bitgen(k));
    rnd::seed_from_words(h->g, w.data(), int64_t(w.size()));
    return h.release();
  });
}

CNP_API cnp_status cnp_bitgen_copy(const cnp_bitgen* g, cnp_bitgen** out) {
  return get(out, [&] {
    const rnd::BitGen& src = gen_of(g);
    return new cnp_bitgen{kBitgenMagic, src};
  });
}

CNP_API void cnp_bitgen_free(cnp_bitgen* g) {
  if (!g || g->magic != kBitgenMagic) return;
  g->magic = 0;
  delete g;
}

CNP_API cnp_status cnp_bitgen_kind(const cnp_bitgen* g, int32_t* out) {
  return get(out, [&] { return int32_t(gen_of(g).kind); });
}

CNP_API cnp_status cnp_bitgen_get_state(const cnp_bitgen* g, cnp_array** out) {
  return produce(out, [&] { return word_array(rnd::get_state(gen_of(g)), CNP_UINT64); });
}

CNP_API cnp_status cnp_bitgen_set_state(cnp_bitgen* g, const cnp_array* state) {
  return run([&] {
    rnd::BitGen& bg = gen_of(g);
    auto w = words<uint64_t>(array_of(state), CNP_UINT64);
    rnd::set_state(bg, w.data(), int64_t(w.size()));
  });
}

CNP_API cnp_status cnp_bitgen_legacy_seed(cnp_bitgen* g, const cnp_array* key) {
  return run([&] {
    rnd::BitGen& bg = gen_of(g);
    if (bg.kind != rnd::kMt19937) throw_type("can only re-seed a MT19937 BitGenerator");
    const Array& k = array_of(key);
    if (k.ndim() == 0) {
      auto v = words<int64_t>(k, CNP_INT64);
      if (is_integer(k.dtype()) && k.dtype()->typenum == CNP_UINT64) {
        auto u = words<uint64_t>(k, CNP_UINT64);
        if (u[0] > 0xFFFFFFFFull) throw_value("Seed must be between 0 and 2**32 - 1");
      } else if (v[0] < 0 || v[0] > 0xFFFFFFFFll) {
        throw_value("Seed must be between 0 and 2**32 - 1");
      }
      bg.mt.seed_scalar(uint32_t(v[0]));
    } else {
      if (k.size() == 0) throw_value("Seed must be non-empty");
      if (k.ndim() != 1) throw_value("Seed array must be 1-d");
      auto v = words<int64_t>(k, CNP_INT64);
      for (int64_t x : v)
        if (x < 0 || x > 0xFFFFFFFFll) throw_value("Seed must be between 0 and 2**32 - 1");
      std::vector<uint32_t> u(v.begin(), v.end());
      bg.mt.seed_array(u.data(), int64_t(u.size()));
    }
    bg.has_gauss = 0;
    bg.gauss = 0.0;
  });
}

CNP_API cnp_status cnp_bitgen_advance(cnp_bitgen* g, const cnp_array* delta) {
  return run([&] {
    rnd::BitGen& bg = gen_of(g);
    auto w = words<uint64_t>(array_of(delta), CNP_UINT64);
    rnd::advance(bg, w.data(), int64_t(w.size()));
  });
}

CNP_API cnp_status cnp_bitgen_jump(cnp_bitgen* g, int64_t jumps) {
  return run([&] { rnd::jump(gen_of(g), jumps); });
}

CNP_API cnp_status cnp_random_raw(cnp_bitgen* g, int32_t ndim, const int64_t* size, cnp_array** out) {
  return produce(out, [&] { return rnd::random_raw(gen_of(g), ndim, size); });
}

CNP_API cnp_status cnp_random_draw(cnp_bitgen* g, const char* method, int32_t nparams, const cnp_array* const* params,
                                   int32_t ndim, const int64_t* size, const cnp_dtype* dtype, cnp_array* out_array,
                                   cnp_array** out) {
  return produce(out, out_array, [&] {
    rnd::BitGen& bg = gen_of(g);
    auto ps = array_list(nparams, params);
    return rnd::draw(bg, method, false, nparams, ps.data(), ndim, size, opt_dtype(dtype), opt_out(out_array));
  });
}

CNP_API cnp_status cnp_random_legacy_draw(cnp_bitgen* g, const char* method, int32_t nparams,
                                          const cnp_array* const* params, int32_t ndim, const int64_t* size,
                                          cnp_array** out) {
  return produce(out, [&] {
    rnd::BitGen& bg = gen_of(g);
    auto ps = array_list(nparams, params);
    return rnd::draw(bg, method, true, nparams, ps.data(), ndim, size, nullptr, nullptr);
  });
}

CNP_API cnp_status cnp_random_integers(cnp_bitgen* g, const cnp_array* low, const cnp_array* high, int32_t endpoint,
                                       int32_t masked, int32_t ndim, const int64_t* size, const cnp_dtype* dtype,
                                       cnp_array** out) {
  return produce(out, [&] {
    return rnd::integers(gen_of(g), array_of(low), array_of(high), endpoint != 0, masked != 0, ndim, size,
                         opt_dtype(dtype));
  });
}

CNP_API cnp_status cnp_random_shuffle(cnp_bitgen* g, cnp_array* a) {
  return run([&] { rnd::shuffle(gen_of(g), array_of(a)); });
}

CNP_API cnp_status cnp_random_multinomial(cnp_bitgen* g, const cnp_array* n, const cnp_array* pvals, int32_t ndim,
                                          const int64_t* size, int32_t legacy, cnp_array** out) {
  return produce(out, [&] {
    return rnd::multinomial(gen_of(g), array_of(n), array_of(pvals), ndim, size, legacy != 0);
  });
}

CNP_API cnp_status cnp_random_choice_noreplace(cnp_bitgen* g, int64_t pop_size, int64_t size, int32_t shuffle,
                                               cnp_array** out) {
  return produce(out, [&] { return rnd::choice_noreplace(gen_of(g), pop_size, size, shuffle != 0); });
}

CNP_API cnp_status cnp_random_multivariate_hypergeometric(cnp_bitgen* g, const cnp_array* colors, int64_t nsample,
                                                          int32_t ndim, const int64_t* size, int32_t marginals,
                                                          cnp_array** out) {
  return produce(out, [&] {
    return rnd::multivariate_hypergeometric(gen_of(g), array_of(colors), nsample, ndim, size, marginals != 0);
  });
}

}  // extern "C"
