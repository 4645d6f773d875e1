// numpy.random through the C ABI (include/cnumpy/random.h): the bit generator handles against
// NumPy 1.24's known answers (the values in the comments' calls, printed by NumPy itself: the
// streams must be NumPy's bit for bit), state words, copies and advance, legacy seeding, and the
// error paths (NULL and foreign handles, bad kinds, methods and parameters). Runs under valgrind
// too (tag [random]).
#include <catch2/catch.hpp>

#include <cstring>
#include <string>
#include <vector>

#include "capi_test_util.hpp"
#include "cnumpy/cnumpy.h"

using capi_test::Handle;

namespace {

// Owns a bit generator handle.
struct Gen {
  cnp_bitgen* g = nullptr;
  Gen() = default;
  Gen(const Gen&) = delete;
  Gen& operator=(const Gen&) = delete;
  ~Gen() { cnp_bitgen_free(g); }
  cnp_bitgen** out() {
    cnp_bitgen_free(g);
    g = nullptr;
    return &g;
  }
  operator cnp_bitgen*() const { return g; }
};

template <class T>
std::vector<T> contents(const Handle& a) {
  int64_t n = 0;
  REQUIRE(cnp_array_size(a, &n) == CNP_OK);
  void* p = nullptr;
  REQUIRE(cnp_array_data(a, &p) == CNP_OK);
  std::vector<T> v(static_cast<size_t>(n));
  if (n) std::memcpy(v.data(), p, v.size() * sizeof(T));
  return v;
}

// A 0-d or 1-D array of C type T.
template <class T>
void make(Handle& out, int32_t typenum, const std::vector<T>& v, bool zero_d = false) {
  cnp_dtype* d = capi_test::dtype(typenum);
  const int64_t n = static_cast<int64_t>(v.size());
  REQUIRE(cnp_empty(zero_d ? 0 : 1, &n, d, CNP_ORDER_C, out.out()) == CNP_OK);
  cnp_dtype_free(d);
  void* p = nullptr;
  REQUIRE(cnp_array_data(out, &p) == CNP_OK);
  std::memcpy(p, v.data(), v.size() * sizeof(T));
}

std::vector<uint64_t> raw(cnp_bitgen* g, int64_t n) {
  Handle r;
  REQUIRE(cnp_random_raw(g, 1, &n, r.out()) == CNP_OK);
  return contents<uint64_t>(r);
}

}  // namespace

TEST_CASE("random: raw streams of every bit generator are NumPy's", "[random]") {
  struct Known {
    int32_t kind;
    std::vector<uint64_t> first;
  };
  // numpy.random.<Kind>(1234).random_raw(n)
  const Known known[] = {
      {CNP_BITGEN_PCG64, {18016930633132456890ull, 7013373421822782593ull, 17030886991259909300ull}},
      {CNP_BITGEN_MT19937, {517043487ull, 1364798666ull}},
      {CNP_BITGEN_PHILOX, {10279576102656843153ull, 4127205116560008386ull}},
      {CNP_BITGEN_SFC64, {15589695407542270895ull, 10171167000438971059ull}},
      {CNP_BITGEN_PCG64DXSM, {9980488623748769829ull, 1590816831561840018ull}},
  };
  for (const Known& k : known) {
    Gen g;
    REQUIRE(cnp_bitgen_from_seed(k.kind, 1234, g.out()) == CNP_OK);
    int32_t kind = -1;
    REQUIRE(cnp_bitgen_kind(g, &kind) == CNP_OK);
    CHECK(kind == k.kind);
    CHECK(raw(g, static_cast<int64_t>(k.first.size())) == k.first);
  }
}

TEST_CASE("random: SeedSequence words seed like cnp_bitgen_from_seed", "[random]") {
  Handle entropy, pool, words;
  make<uint32_t>(entropy, CNP_UINT32, {1234});
  REQUIRE(cnp_random_seedseq_pool(entropy, nullptr, 4, pool.out()) == CNP_OK);
  int64_t n = 0;
  REQUIRE(cnp_bitgen_seed_words(CNP_BITGEN_PCG64, &n) == CNP_OK);
  CHECK(n == 8);
  REQUIRE(cnp_random_seedseq_generate_state(pool, n, words.out()) == CNP_OK);
  Gen a, b;
  REQUIRE(cnp_bitgen_new(CNP_BITGEN_PCG64, words, a.out()) == CNP_OK);
  REQUIRE(cnp_bitgen_from_seed(CNP_BITGEN_PCG64, 1234, b.out()) == CNP_OK);
  CHECK(raw(a, 10) == raw(b, 10));
  CHECK(cnp_random_seedseq_pool(entropy, nullptr, 3, pool.out()) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "The size of the entropy pool should be at least 4");
  CHECK(cnp_bitgen_new(CNP_BITGEN_MT19937, words, a.out()) == CNP_ERR_VALUE);  // 624 words needed
  CHECK(a.g == nullptr);
}

TEST_CASE("random: Generator draws are NumPy's", "[random]") {
  // g = numpy.random.default_rng(1234); g.random(3); g.integers(0, 1000, 3); g.standard_normal(2)
  Gen g;
  REQUIRE(cnp_bitgen_from_seed(CNP_BITGEN_PCG64, 1234, g.out()) == CNP_OK);
  Handle r;
  const int64_t three = 3, two = 2;
  REQUIRE(cnp_random_draw(g, "random", 0, nullptr, 1, &three, nullptr, nullptr, r.out()) == CNP_OK);
  CHECK(contents<double>(r) == std::vector<double>{0.9766997666981422, 0.3801957350196178, 0.9232462337639554});
  Handle lo, hi;
  make<int64_t>(lo, CNP_INT64, {0}, true);
  make<int64_t>(hi, CNP_INT64, {1000}, true);
  REQUIRE(cnp_random_integers(g, lo, hi, 0, 0, 1, &three, nullptr, r.out()) == CNP_OK);
  CHECK(contents<int64_t>(r) == std::vector<int64_t>{104, 261, 138});
  REQUIRE(cnp_random_draw(g, "standard_normal", 0, nullptr, 1, &two, nullptr, nullptr, r.out()) == CNP_OK);
  CHECK(contents<double>(r) == std::vector<double>{2.913099222503971, -1.4788233606644015});
}

TEST_CASE("random: permutation and choice without replacement", "[random]") {
  // numpy.random.default_rng(5).permutation(6); default_rng(5).choice(10, 4, replace=False)
  Gen g;
  REQUIRE(cnp_bitgen_from_seed(CNP_BITGEN_PCG64, 5, g.out()) == CNP_OK);
  Handle a;
  capi_test::iota<int64_t>(a, CNP_INT64, {6});
  REQUIRE(cnp_random_shuffle(g, a) == CNP_OK);
  CHECK(contents<int64_t>(a) == std::vector<int64_t>{1, 4, 2, 3, 5, 0});
  REQUIRE(cnp_bitgen_from_seed(CNP_BITGEN_PCG64, 5, g.out()) == CNP_OK);
  Handle c;
  REQUIRE(cnp_random_choice_noreplace(g, 10, 4, 1, c.out()) == CNP_OK);
  CHECK(contents<int64_t>(c) == std::vector<int64_t>{4, 0, 8, 6});
  CHECK(cnp_random_choice_noreplace(g, 3, 4, 1, c.out()) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "Cannot take a larger sample than population when replace is False");
}

TEST_CASE("random: RandomState seeding and the legacy Gaussian", "[random]") {
  // r = numpy.random.RandomState(1234); r.rand(2); r.randn(3)
  Gen g;
  REQUIRE(cnp_bitgen_from_seed(CNP_BITGEN_MT19937, 0, g.out()) == CNP_OK);
  Handle key, r;
  make<int64_t>(key, CNP_INT64, {1234}, true);
  REQUIRE(cnp_bitgen_legacy_seed(g, key) == CNP_OK);
  const int64_t two = 2, three = 3;
  REQUIRE(cnp_random_legacy_draw(g, "random", 0, nullptr, 1, &two, r.out()) == CNP_OK);
  CHECK(contents<double>(r) == std::vector<double>{0.1915194503788923, 0.6221087710398319});
  REQUIRE(cnp_random_legacy_draw(g, "standard_normal", 0, nullptr, 1, &three, r.out()) == CNP_OK);
  CHECK(contents<double>(r) == std::vector<double>{1.4327069684260973, -0.3126518960917129, -0.7205887333650116});
  // the cached second Gaussian is part of the state words (the last two)
  Handle st;
  REQUIRE(cnp_bitgen_get_state(g, st.out()) == CNP_OK);
  auto w = contents<uint64_t>(st);
  REQUIRE(w.size() == 624 + 1 + 2);
  CHECK(w[625] == 1);
  // RandomState([1, 2, 3]).rand(2)
  make<int64_t>(key, CNP_INT64, {1, 2, 3});
  REQUIRE(cnp_bitgen_legacy_seed(g, key) == CNP_OK);
  REQUIRE(cnp_random_legacy_draw(g, "random", 0, nullptr, 1, &two, r.out()) == CNP_OK);
  CHECK(contents<double>(r) == std::vector<double>{0.6098612722867289, 0.8866970434146851});
  make<int64_t>(key, CNP_INT64, {-1}, true);
  CHECK(cnp_bitgen_legacy_seed(g, key) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "Seed must be between 0 and 2**32 - 1");
  Gen p;
  REQUIRE(cnp_bitgen_from_seed(CNP_BITGEN_PCG64, 0, p.out()) == CNP_OK);
  CHECK(cnp_bitgen_legacy_seed(p, key) == CNP_ERR_TYPE);
}

TEST_CASE("random: state words, copies and advance", "[random]") {
  for (int32_t kind : {CNP_BITGEN_PCG64, CNP_BITGEN_PCG64DXSM, CNP_BITGEN_MT19937, CNP_BITGEN_PHILOX,
                       CNP_BITGEN_SFC64}) {
    Gen g, c;
    REQUIRE(cnp_bitgen_from_seed(kind, 77, g.out()) == CNP_OK);
    raw(g, 3);
    Handle st;
    REQUIRE(cnp_bitgen_get_state(g, st.out()) == CNP_OK);
    REQUIRE(cnp_bitgen_copy(g, c.out()) == CNP_OK);
    const auto next = raw(g, 20);
    CHECK(raw(c, 20) == next);  // the copy is independent and identical
    REQUIRE(cnp_bitgen_set_state(g, st) == CNP_OK);
    CHECK(raw(g, 20) == next);
    Handle shorter;
    make<uint64_t>(shorter, CNP_UINT64, {1, 2});
    CHECK(cnp_bitgen_set_state(g, shorter) == CNP_ERR_VALUE);
  }
  // numpy.random.PCG64(1234).advance(1000).random_raw(1)
  Gen g;
  REQUIRE(cnp_bitgen_from_seed(CNP_BITGEN_PCG64, 1234, g.out()) == CNP_OK);
  Handle delta;
  make<uint64_t>(delta, CNP_UINT64, {0, 1000});
  REQUIRE(cnp_bitgen_advance(g, delta) == CNP_OK);
  CHECK(raw(g, 1) == std::vector<uint64_t>{15811087183041154249ull});
  Gen m;
  REQUIRE(cnp_bitgen_from_seed(CNP_BITGEN_MT19937, 1, m.out()) == CNP_OK);
  CHECK(cnp_bitgen_advance(m, delta) == CNP_ERR_NOT_IMPLEMENTED);
  // numpy.random.MT19937(1234).jumped().random_raw(2)
  REQUIRE(cnp_bitgen_from_seed(CNP_BITGEN_MT19937, 1234, m.out()) == CNP_OK);
  REQUIRE(cnp_bitgen_jump(m, 1) == CNP_OK);
  CHECK(raw(m, 2) == std::vector<uint64_t>{2854540662ull, 1088366752ull});
  Gen s;
  REQUIRE(cnp_bitgen_from_seed(CNP_BITGEN_SFC64, 1, s.out()) == CNP_OK);
  CHECK(cnp_bitgen_jump(s, 1) == CNP_ERR_NOT_IMPLEMENTED);
}

TEST_CASE("random: errors leave outputs NULL and never crash", "[random]") {
  Handle r;
  const int64_t n = 4;
  CHECK(cnp_random_draw(nullptr, "random", 0, nullptr, 1, &n, nullptr, nullptr, r.out()) == CNP_ERR_INVALID_HANDLE);
  CHECK(r.h == nullptr);
  int fake[16] = {};
  CHECK(cnp_random_raw(reinterpret_cast<cnp_bitgen*>(fake), 1, &n, r.out()) == CNP_ERR_INVALID_HANDLE);
  Gen g;
  CHECK(cnp_bitgen_from_seed(42, 1, g.out()) == CNP_ERR_VALUE);
  CHECK(cnp_bitgen_from_seed(CNP_BITGEN_PCG64, -1, g.out()) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "expected non-negative integer");
  REQUIRE(cnp_bitgen_from_seed(CNP_BITGEN_PCG64, 1, g.out()) == CNP_OK);
  CHECK(cnp_random_draw(g, "bogus", 0, nullptr, 1, &n, nullptr, nullptr, r.out()) == CNP_ERR_VALUE);
  CHECK(cnp_random_draw(g, nullptr, 0, nullptr, 1, &n, nullptr, nullptr, r.out()) == CNP_ERR_INVALID_HANDLE);
  Handle loc, scale;
  make<double>(loc, CNP_FLOAT64, {0.0}, true);
  make<double>(scale, CNP_FLOAT64, {-1.0}, true);
  const cnp_array* params[2] = {loc, scale};
  CHECK(cnp_random_draw(g, "normal", 2, params, 1, &n, nullptr, nullptr, r.out()) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "scale < 0");
  CHECK(cnp_random_draw(g, "normal", 1, params, 1, &n, nullptr, nullptr, r.out()) == CNP_ERR_TYPE);
  CHECK(r.h == nullptr);
  Handle lo, hi;
  make<int64_t>(lo, CNP_INT64, {5}, true);
  make<int64_t>(hi, CNP_INT64, {1}, true);
  CHECK(cnp_random_integers(g, lo, hi, 0, 0, 1, &n, nullptr, r.out()) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "low >= high");
  cnp_dtype* f8 = capi_test::dtype(CNP_FLOAT64);
  CHECK(cnp_random_integers(g, hi, lo, 0, 0, 1, &n, f8, r.out()) == CNP_ERR_TYPE);
  cnp_dtype_free(f8);
  cnp_bitgen_free(nullptr);
  CHECK(cnp_random_shuffle(g, nullptr) == CNP_ERR_INVALID_HANDLE);
}
