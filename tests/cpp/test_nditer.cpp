// The one N-d iterator (core/iter.hpp: axis ordering, coalescing, flipping, range splitting,
// narrowing, for_each_run) and the thread pool.
#include <catch2/catch.hpp>
#include <atomic>
#include <cfenv>
#include <vector>

#include "core/broadcast.hpp"
#include "core/error.hpp"
#include "core/parallel.hpp"
#include "core/views.hpp"
#include "ufunc/errstate.hpp"
#include "core/iter.hpp"

using namespace cnp;

namespace {
Array make(std::vector<int64_t> shape, int32_t order = CNP_ORDER_C) {
  return Array::allocate(builtin_dtype(CNP_FLOAT64), static_cast<int32_t>(shape.size()), shape.data(), order, true);
}
struct Run {
  std::vector<char*> ptrs;
  std::vector<int64_t> strides;
  int64_t n;
};
std::vector<Run> runs(const NdIter& it, int nop, int64_t b, int64_t e) {
  std::vector<Run> out;
  it.for_range(b, e, [&](char* const* p, const int64_t* s, int64_t n) {
    out.push_back({std::vector<char*>(p, p + nop), std::vector<int64_t>(s, s + nop), n});
  });
  return out;
}
}  // namespace

TEST_CASE("nditer: contiguous operands coalesce into one run") {
  Array a = make({3, 4, 5}), b = make({3, 4, 5});
  const Array* ops[2] = {&a, &b};
  int32_t perm[3];
  best_axis_order(2, ops, 3, a.shape(), perm);
  CHECK(perm[0] == 0);
  CHECK(perm[2] == 2);
  NdIter it;
  it.init(2, ops, 3, a.shape(), perm);
  CHECK(it.ndim() == 1);
  auto r = runs(it, 2, 0, it.size());
  REQUIRE(r.size() == 1);
  CHECK(r[0].n == 60);
  CHECK(r[0].strides[0] == 8);
}

TEST_CASE("nditer: Fortran operands are walked in memory order") {
  Array a = make({3, 4}, CNP_ORDER_F), b = make({3, 4}, CNP_ORDER_F);
  const Array* ops[2] = {&a, &b};
  int32_t perm[2];
  best_axis_order(2, ops, 2, a.shape(), perm);
  CHECK(perm[0] == 1);
  CHECK(perm[1] == 0);
}

TEST_CASE("nditer: conflicting orders keep C order") {
  Array a = make({3, 4}, CNP_ORDER_F), b = make({3, 4}, CNP_ORDER_C);
  const Array* ops[2] = {&b, &a};
  int32_t perm[2];
  best_axis_order(2, ops, 2, a.shape(), perm);
  CHECK(perm[0] == 0);
  CHECK(perm[1] == 1);
}

TEST_CASE("nditer: broadcast operand has stride 0, negative strides are flipped") {
  Array a = make({4, 5});
  Array row = make({5});
  // a reversed along axis 1
  int64_t shape[2] = {4, 5}, strides[2] = {40, -8};
  Array rev = a.view(2, shape, strides, a.data() + 32);
  Array out = make({4, 5});
  int64_t ostrides[2] = {40, -8};
  Array orev = out.view(2, shape, ostrides, out.data() + 32);
  const Array* ops[3] = {&rev, &row, &orev};
  int32_t perm[2] = {0, 1};
  NdIter it;
  it.init(3, ops, 2, shape, perm);
  auto r = runs(it, 3, 0, it.size());
  REQUIRE(r.size() == 4);
  // row has stride -8 too? No: row is broadcast along axis 0 and steps +8 along axis 1, so the
  // axis is not flipped (operands disagree) and rev keeps its negative stride.
  CHECK(r[0].strides[0] == -8);
  CHECK(r[0].strides[1] == 8);
  CHECK(r[0].n == 5);
}

TEST_CASE("nditer: an axis every operand walks backwards is flipped") {
  Array a = make({6});
  int64_t shape[1] = {6}, strides[1] = {-8};
  Array rev = a.view(1, shape, strides, a.data() + 40);
  const Array* ops[1] = {&rev};
  int32_t perm[1] = {0};
  NdIter it;
  it.init(1, ops, 1, shape, perm);
  auto r = runs(it, 1, 0, 6);
  REQUIRE(r.size() == 1);
  CHECK(r[0].strides[0] == 8);
  CHECK(r[0].ptrs[0] == a.data());
}

TEST_CASE("nditer: any split of the flattened range visits every element once") {
  Array a = make({3, 7});
  int64_t shape[2] = {3, 5}, strides[2] = {56, 8};  // a non-mergeable view (row padding)
  Array v = a.view(2, shape, strides, a.data());
  const Array* ops[1] = {&v};
  int32_t perm[2] = {0, 1};
  NdIter it;
  it.init(1, ops, 2, shape, perm);
  REQUIRE(it.size() == 15);
  for (int64_t split = 0; split <= 15; ++split) {
    std::vector<int> seen(21, 0);
    for (auto [b, e] : {std::pair<int64_t, int64_t>{0, split}, {split, 15}}) {
      for (auto& r : runs(it, 1, b, e))
        for (int64_t i = 0; i < r.n; ++i) ++seen[(r.ptrs[0] + i * r.strides[0] - a.data()) / 8];
    }
    for (int row = 0; row < 3; ++row)
      for (int col = 0; col < 7; ++col) CHECK(seen[row * 7 + col] == (col < 5 ? 1 : 0));
  }
}

TEST_CASE("for_each_run: first operand's memory order, backward axes kept, length-1 and empty axes") {
  // A (3, 4) C-order array viewed transposed with its rows reversed: memory order walks the
  // original rows outermost (largest |stride|), still backwards (no flip for casts).
  Array a = make({3, 4});
  int64_t shape[2] = {4, 3}, strides[2] = {8, -32};
  char* base = a.data() + 2 * 32;
  const int64_t* st[1] = {strides};
  char* bases[1] = {base};
  std::vector<std::pair<char*, int64_t>> seen;
  for_each_run<1>(2, shape, st, bases, [&](char* const* p, const int64_t* s, int64_t n) {
    CHECK(s[0] == 8);
    CHECK(n == 4);
    seen.push_back({p[0], n});
  });
  REQUIRE(seen.size() == 3);
  for (int r = 0; r < 3; ++r) CHECK(seen[r].first == base - 32 * r);
  // All axes of length 1: one call with zero strides; an empty axis: no call.
  int64_t ones[3] = {1, 1, 1}, zero[2] = {2, 0}, s3[3] = {24, 8, 8};
  const int64_t* st3[1] = {s3};
  int calls = 0;
  for_each_run<1>(3, ones, st3, bases, [&](char* const*, const int64_t* s, int64_t n) {
    ++calls;
    CHECK(s[0] == 0);
    CHECK(n == 1);
  });
  CHECK(calls == 1);
  for_each_run<1>(2, zero, st3, bases, [&](char* const*, const int64_t*, int64_t) { ++calls; });
  CHECK(calls == 1);
}

TEST_CASE("nditer: narrow restricts one axis (reduce's split of a kept axis)") {
  Array a = make({4, 6});
  int64_t shape[2] = {4, 5}, strides[2] = {48, 8};  // row padding: two axes stay
  const int64_t* st[1] = {strides};
  char* bases[1] = {a.data()};
  int32_t perm[2] = {0, 1};
  NdIter it;
  it.init(1, 2, shape, st, bases, perm, /*flip=*/false);
  REQUIRE(it.ndim() == 2);
  it.narrow(0, 1, 3);
  CHECK(it.size() == 10);
  auto r = runs(it, 1, 0, it.size());
  REQUIRE(r.size() == 2);
  CHECK(r[0].ptrs[0] == a.data() + 48);
  CHECK(r[1].ptrs[0] == a.data() + 96);
}

TEST_CASE("broadcast_shape reports NumPy's ufunc message") {
  Array a = make({2, 3}), b = make({4});
  const Array* ops[2] = {&a, &b};
  int64_t shape[kMaxDims];
  CHECK_THROWS_WITH(cnp::broadcast_shape(2, ops, shape, cnp::BroadcastError::Ufunc), "operands could not be broadcast together with shapes (2,3) (4,) ");
  Array c = make({1, 3});
  const Array* ok[2] = {&a, &c};
  CHECK(cnp::broadcast_shape(2, ok, shape, cnp::BroadcastError::Ufunc) == 2);
  CHECK(shape[0] == 2);
  CHECK(shape[1] == 3);
}

TEST_CASE("parallel_run: every part runs once, exceptions propagate, thread count settable") {
  int saved = num_threads();
  for (int nt : {1, 2, 4}) {
    set_num_threads(nt);
    std::vector<std::atomic<int>> hits(37);
    parallel_run(37, [&](int i) { hits[i].fetch_add(1); });
    for (auto& h : hits) CHECK(h.load() == 1);
    CHECK_THROWS_WITH(parallel_run(5, [&](int i) {
                        if (i == 3) throw std::runtime_error("part 3 failed");
                      }),
                      "part 3 failed");
  }
  set_num_threads(0);
  CHECK(num_threads() >= 1);
  set_num_threads(saved);
}

TEST_CASE("errstate: flags become warnings or errors with NumPy's words") {
  cnp_errstate saved = errstate();
  set_errstate({CNP_FPE_RAISE, CNP_FPE_IGNORE, CNP_FPE_IGNORE, CNP_FPE_WARN});
  CHECK_THROWS_WITH(fpe_report(FE_DIVBYZERO, "log"), "divide by zero encountered in log");
  CHECK_NOTHROW(fpe_report(FE_OVERFLOW, "exp"));
  CHECK_THROWS_AS(set_errstate({7, 0, 0, 0}), cnp::Error);
  set_errstate(saved);
}
