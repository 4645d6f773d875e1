// The object dtype's reference contract (docs/object-dtype.md) with counting hooks: every copy
// increfs, every overwrite and free decrefs, and everything else refuses object arrays.
#include <catch2/catch.hpp>

#include <cstring>
#include <map>
#include <vector>

#include "capi_test_util.hpp"
#include "cnumpy/cnumpy.h"

using capi_test::Handle;

namespace {

// References per fake object; a decref below zero or a NULL entry is recorded as an error.
struct Counts {
  std::map<void*, int64_t> refs;
  int64_t errors = 0;
  int64_t calls = 0;
  int64_t largest_batch = 0;
};

void count_incref(void* const* objects, int64_t n, void* ctx) {
  auto* c = static_cast<Counts*>(ctx);
  ++c->calls;
  c->largest_batch = std::max(c->largest_batch, n);
  if (n <= 0) ++c->errors;
  for (int64_t i = 0; i < n; ++i) {
    if (!objects[i]) ++c->errors;
    ++c->refs[objects[i]];
  }
}

void count_decref(void* const* objects, int64_t n, void* ctx) {
  auto* c = static_cast<Counts*>(ctx);
  ++c->calls;
  c->largest_batch = std::max(c->largest_batch, n);
  if (n <= 0) ++c->errors;
  for (int64_t i = 0; i < n; ++i) {
    if (!objects[i]) ++c->errors;
    if (--c->refs[objects[i]] < 0) ++c->errors;
  }
}

// Installs the counting hooks for one test case; at its end every reference must be gone.
struct Hooked {
  Counts counts;
  Hooked() { REQUIRE(cnp_set_object_hooks(count_incref, count_decref, &counts) == CNP_OK); }
  ~Hooked() { cnp_set_object_hooks(nullptr, nullptr, nullptr); }
  int64_t refs(void* p) { return counts.refs[p]; }
  void require_clean() {
    int64_t live = -1;
    REQUIRE(cnp_object_live(&live) == CNP_OK);
    CHECK(live == 0);
    for (const auto& kv : counts.refs) CHECK(kv.second == 0);
    CHECK(counts.errors == 0);
  }
};

char g_objects[8];  // fake objects: only their addresses matter
void* obj(int i) { return &g_objects[i]; }

cnp_dtype* object_dtype() {
  cnp_dtype* d = nullptr;
  REQUIRE(cnp_dtype_from_string("O", &d) == CNP_OK);
  return d;
}

// An object array of the given references (NULL = None), shape (n,) or as given.
void make_objects(Handle& out, std::vector<void*> items, std::vector<int64_t> shape = {}) {
  if (shape.empty()) shape = {static_cast<int64_t>(items.size())};
  cnp_dtype* d = object_dtype();
  REQUIRE(cnp_array_from_data(items.data(), d, static_cast<int32_t>(shape.size()), shape.data(), nullptr, out.out()) ==
          CNP_OK);
  cnp_dtype_free(d);
}

void* item(const cnp_array* a, std::vector<int64_t> idx) {
  void* p = nullptr;
  REQUIRE(cnp_array_getitem_bytes(a, static_cast<int32_t>(idx.size()), idx.data(), &p, sizeof p) == CNP_OK);
  return p;
}

}  // namespace

TEST_CASE("object dtype: spellings, casting levels and refusals of records") {
  for (const char* s : {"O", "|O", "=O", ">O", "O8", "O4", "object", "object_", "object0"}) {
    cnp_dtype* d = nullptr;
    REQUIRE(cnp_dtype_from_string(s, &d) == CNP_OK);
    int32_t t = -1, kind = 0, chr = 0;
    int64_t size = 0;
    const char* str = nullptr;
    const char* name = nullptr;
    const char* repr = nullptr;
    REQUIRE(cnp_dtype_typenum(d, &t) == CNP_OK);
    REQUIRE(cnp_dtype_kind(d, &kind) == CNP_OK);
    REQUIRE(cnp_dtype_char(d, &chr) == CNP_OK);
    REQUIRE(cnp_dtype_itemsize(d, &size) == CNP_OK);
    REQUIRE(cnp_dtype_str(d, &str) == CNP_OK);
    REQUIRE(cnp_dtype_name(d, &name) == CNP_OK);
    REQUIRE(cnp_dtype_repr(d, &repr) == CNP_OK);
    CHECK(t == CNP_OBJECT);
    CHECK(kind == 'O');
    CHECK(chr == 'O');
    CHECK(size == static_cast<int64_t>(sizeof(void*)));
    CHECK(std::string(str) == "|O");
    CHECK(std::string(name) == "object");
    CHECK(std::string(repr) == "dtype('O')");
    cnp_dtype_free(d);
  }
  cnp_dtype* d = nullptr;
  CHECK(cnp_dtype_from_string(">object", &d) == CNP_ERR_TYPE);
  CHECK(d == nullptr);
  CHECK(cnp_dtype_from_string("i4, O", &d) == CNP_ERR_TYPE);
  CHECK(std::string(cnp_last_error()).find("object fields") != std::string::npos);
  cnp_dtype* o = object_dtype();
  cnp_dtype* f8 = capi_test::dtype(CNP_FLOAT64);
  int32_t ok = -1;
  REQUIRE(cnp_can_cast(f8, o, CNP_CASTING_SAFE, &ok) == CNP_OK);
  CHECK(ok == 1);
  REQUIRE(cnp_can_cast(o, f8, CNP_CASTING_SAME_KIND, &ok) == CNP_OK);
  CHECK(ok == 0);
  cnp_dtype* p = nullptr;
  REQUIRE(cnp_promote_types(f8, o, &p) == CNP_OK);
  int32_t t = -1;
  REQUIRE(cnp_dtype_typenum(p, &t) == CNP_OK);
  CHECK(t == CNP_OBJECT);
  cnp_dtype* by_num = nullptr;
  REQUIRE(cnp_dtype_from_typenum(CNP_OBJECT, &by_num) == CNP_OK);
  REQUIRE(cnp_dtype_num(by_num, &t) == CNP_OK);
  CHECK(t == 17);  // NumPy's NPY_OBJECT
  for (cnp_dtype* x : {o, f8, p, by_num}) cnp_dtype_free(x);
}

TEST_CASE("object dtype: no hooks, no object arrays") {
  REQUIRE(cnp_set_object_hooks(nullptr, nullptr, nullptr) == CNP_OK);
  cnp_dtype* d = object_dtype();
  int64_t n = 3;
  Handle a;
  CHECK(cnp_empty(1, &n, d, CNP_ORDER_C, a.out()) == CNP_ERR_TYPE);
  CHECK(a.h == nullptr);
  CHECK(std::string(cnp_last_error()).find("cnp_set_object_hooks") != std::string::npos);
  CHECK(cnp_set_object_hooks(count_incref, nullptr, nullptr) == CNP_ERR_VALUE);
  cnp_dtype_free(d);
}

TEST_CASE("object dtype: copies incref, frees and overwrites decref") {
  Hooked h;
  {
    Handle a;
    make_objects(a, {obj(0), obj(1), nullptr, obj(0)});
    CHECK(h.refs(obj(0)) == 2);
    CHECK(h.refs(obj(1)) == 1);
    CHECK(item(a, {2}) == nullptr);
    CHECK(item(a, {1}) == obj(1));
    {
      Handle c, v, r;
      REQUIRE(cnp_copy(a, CNP_ORDER_C, c.out()) == CNP_OK);
      CHECK(h.refs(obj(0)) == 4);
      int64_t shape[2] = {2, 2};
      REQUIRE(cnp_reshape(a, 2, shape, CNP_ORDER_C, v.out()) == CNP_OK);  // a view: no new references
      CHECK(h.refs(obj(0)) == 4);
      REQUIRE(cnp_transpose(v, nullptr, 0, r.out()) == CNP_OK);
      Handle flat;
      REQUIRE(cnp_ravel(r, CNP_ORDER_C, flat.out()) == CNP_OK);  // a copy of the transposed view
      CHECK(h.refs(obj(0)) == 6);
      CHECK(item(flat, {1}) == nullptr);
      CHECK(item(flat, {2}) == obj(1));
      // Hooks cannot change while object arrays hold references.
      CHECK(cnp_set_object_hooks(count_incref, count_incref, &h.counts) == CNP_ERR_VALUE);
    }
    CHECK(h.refs(obj(0)) == 2);
    // One element replaced: the new reference taken, the old one dropped.
    void* p = obj(2);
    int64_t i = 0;
    REQUIRE(cnp_array_setitem_bytes(a, 1, &i, &p, sizeof p) == CNP_OK);
    CHECK(h.refs(obj(0)) == 1);
    CHECK(h.refs(obj(2)) == 1);
    // The whole array filled.
    REQUIRE(cnp_object_fill(a, obj(3)) == CNP_OK);
    CHECK(h.refs(obj(3)) == 4);
    CHECK(h.refs(obj(0)) == 0);
    CHECK(h.refs(obj(1)) == 0);
    REQUIRE(cnp_object_fill(a, nullptr) == CNP_OK);  // None everywhere
    CHECK(h.refs(obj(3)) == 0);
  }
  h.require_clean();
}

TEST_CASE("object dtype: data movement through take, fancy indexing, concatenate, repeat, copyto") {
  Hooked h;
  {
    Handle a;
    make_objects(a, {obj(0), obj(1), obj(2), obj(3), obj(4), obj(5)}, {2, 3});
    Handle idx, t;
    int64_t picks[4] = {2, 2, 0, 1};
    int64_t n4 = 4;
    REQUIRE(cnp_array_from_data(picks, capi_test::dtype(CNP_INT64), 1, &n4, nullptr, idx.out()) == CNP_OK);
    int64_t axis1 = 1;
    REQUIRE(cnp_take(a, idx, &axis1, 0, t.out()) == CNP_OK);  // shape (2, 4)
    CHECK(h.refs(obj(2)) == 3);
    CHECK(h.refs(obj(5)) == 3);
    cnp_index fancy[2] = {{CNP_INDEX_SLICE, 0, 0, 0, 1, nullptr}, {CNP_INDEX_ARRAY, 0, 0, 0, 0, idx}};
    Handle g;
    REQUIRE(cnp_array_index(a, 2, fancy, g.out()) == CNP_OK);
    CHECK(h.refs(obj(2)) == 5);
    const cnp_array* parts[2] = {a, t};
    Handle cat;
    REQUIRE(cnp_concatenate(2, parts, &axis1, nullptr, nullptr, CNP_CASTING_SAME_KIND, cat.out()) == CNP_OK);
    CHECK(h.refs(obj(2)) == 8);
    Handle rep, twice;
    int64_t two = 2;
    REQUIRE(cnp_array_from_data(&two, capi_test::dtype(CNP_INT64), 0, nullptr, nullptr, twice.out()) == CNP_OK);
    REQUIRE(cnp_repeat(a, twice, nullptr, rep.out()) == CNP_OK);
    CHECK(h.refs(obj(0)) == 1 + 1 + 1 + 2 + 2);  // a, take, fancy, concatenate (a and t), repeat
    // a[:, 1:] = a[:, :-1] (overlapping): each slot's new reference taken, the old one dropped.
    cnp_index dst[2] = {{CNP_INDEX_SLICE, 0, 0, 0, 1, nullptr}, {CNP_INDEX_SLICE, CNP_SLICE_HAS_START, 1, 0, 1, nullptr}};
    cnp_index src[2] = {{CNP_INDEX_SLICE, 0, 0, 0, 1, nullptr}, {CNP_INDEX_SLICE, CNP_SLICE_HAS_STOP, 0, -1, 1, nullptr}};
    Handle dv, sv;
    REQUIRE(cnp_array_index(a, 2, dst, dv.out()) == CNP_OK);
    REQUIRE(cnp_array_index(a, 2, src, sv.out()) == CNP_OK);
    int64_t before0 = h.refs(obj(0)), before2 = h.refs(obj(2));
    REQUIRE(cnp_copyto(dv, sv, CNP_CASTING_SAME_KIND, nullptr) == CNP_OK);
    CHECK(item(a, {0, 2}) == obj(1));
    CHECK(item(a, {0, 1}) == obj(0));
    CHECK(h.refs(obj(0)) == before0 + 1);
    CHECK(h.refs(obj(2)) == before2 - 1);
    // Fancy assignment a[:, [0, 0]] = obj(5) column (through index_assign).
    Handle five;
    make_objects(five, {obj(5)}, {1});
    int64_t zeros[2] = {0, 0};
    int64_t n2 = 2;
    Handle zi;
    REQUIRE(cnp_array_from_data(zeros, capi_test::dtype(CNP_INT64), 1, &n2, nullptr, zi.out()) == CNP_OK);
    cnp_index at[2] = {{CNP_INDEX_SLICE, 0, 0, 0, 1, nullptr}, {CNP_INDEX_ARRAY, 0, 0, 0, 0, zi}};
    int64_t before5 = h.refs(obj(5));
    REQUIRE(cnp_array_index_assign(a, 2, at, five) == CNP_OK);
    CHECK(h.refs(obj(5)) == before5 + 2);
    CHECK(item(a, {1, 0}) == obj(5));
  }
  h.require_clean();
}

TEST_CASE("object dtype: large copies go to the hooks in batches") {
  Hooked h;
  {
    std::vector<void*> items(10000);
    for (size_t i = 0; i < items.size(); ++i) items[i] = obj(static_cast<int>(i % 7));
    Handle a, b;
    make_objects(a, items);
    REQUIRE(cnp_copy(a, CNP_ORDER_C, b.out()) == CNP_OK);
    CHECK(h.refs(obj(0)) == 2 * 1429);
    CHECK(h.counts.largest_batch == 4096);
  }
  h.require_clean();
}

TEST_CASE("object dtype: everything else refuses object arrays") {
  Hooked h;
  {
    Handle a;
    make_objects(a, {obj(0), obj(1)});
    cnp_dtype* f8 = capi_test::dtype(CNP_FLOAT64);
    cnp_dtype* i8 = capi_test::dtype(CNP_INT64);
    cnp_dtype* o = object_dtype();
    Handle r, f;
    int64_t n = 2;
    REQUIRE(cnp_zeros(1, &n, f8, CNP_ORDER_C, f.out()) == CNP_OK);
    CHECK(cnp_add(a, a, nullptr, r.out()) == CNP_ERR_TYPE);
    CHECK(r.h == nullptr);
    CHECK(cnp_add(f, f, nullptr, r.out()) == CNP_OK);
    cnp_ufunc_args args = CNP_UFUNC_ARGS_INIT;
    args.out[0] = a;
    CHECK(cnp_add(f, f, &args, r.out()) == CNP_ERR_TYPE);  // out= an object array
    CHECK(cnp_sum(a, nullptr, 0, nullptr, nullptr, 0, nullptr, nullptr, r.out()) == CNP_ERR_TYPE);
    CHECK(cnp_astype(a, f8, CNP_ORDER_K, CNP_CASTING_UNSAFE, 1, r.out()) == CNP_ERR_TYPE);
    CHECK(cnp_astype(f, o, CNP_ORDER_K, CNP_CASTING_UNSAFE, 1, r.out()) == CNP_ERR_TYPE);
    CHECK(cnp_array_view(a, i8, r.out()) == CNP_ERR_TYPE);
    CHECK(std::string(cnp_last_error()) == "Cannot change data-type for object array.");
    CHECK(cnp_array_view(f, o, r.out()) == CNP_ERR_TYPE);
    int64_t st = 8;
    CHECK(cnp_as_strided(a, 1, &n, &st, 1, r.out()) == CNP_ERR_TYPE);
    CHECK(cnp_sort(a, nullptr, nullptr, r.out()) == CNP_ERR_TYPE);
    CHECK(cnp_zeros(1, &n, o, CNP_ORDER_C, r.out()) == CNP_ERR_TYPE);
    CHECK(cnp_ones(1, &n, o, CNP_ORDER_C, r.out()) == CNP_ERR_TYPE);
    char* text = nullptr;
    CHECK(cnp_array_repr(a, &text) == CNP_ERR_TYPE);
    CHECK(text == nullptr);
    cnp_scalar s{};
    int64_t zero = 0;
    CHECK(cnp_array_getitem(a, 1, &zero, &s) == CNP_ERR_TYPE);
    CHECK(cnp_array_setitem(a, 1, &zero, &s) == CNP_ERR_TYPE);
    CHECK(cnp_array_fill(a, &s) == CNP_ERR_TYPE);
    void* raw[2] = {obj(0), obj(1)};
    CHECK(cnp_array_wrap(raw, o, 1, &n, nullptr, 1, nullptr, nullptr, r.out()) == CNP_ERR_TYPE);
    CHECK(cnp_object_fill(f, obj(0)) == CNP_ERR_TYPE);
    for (cnp_dtype* x : {f8, i8, o}) cnp_dtype_free(x);
    CHECK(h.refs(obj(0)) == 1);
  }
  h.require_clean();
}
