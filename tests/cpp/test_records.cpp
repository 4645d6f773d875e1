// Structured arrays from C (issue 26, docs/records.md): record descriptors that mirror C structs
// (offsetof/sizeof, the compiler's padding), arrays of structs wrapped without copying with a
// deleter, field views (strided, zero-copy, writable, with a subarray member's axes, nested
// structs), and NumPy's errors for bad layouts. Run under valgrind with the "[records]" tag.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "capi_test_util.hpp"
#include "cnumpy/cnumpy.h"

using capi_test::Handle;

namespace {

struct Person {
  char name[16];
  int32_t age;
  double salary;
};

struct Point {
  float x, y;
};

struct Particle {
  int8_t kind;
  Point pos;        // a nested struct
  double v[3];      // an array member: a subarray field
  uint16_t flags;
};

// Frees its dtype reference.
struct DtypeRef {
  cnp_dtype* d = nullptr;
  ~DtypeRef() { cnp_dtype_free(d); }
  cnp_dtype** out() { return &d; }
  operator cnp_dtype*() const { return d; }
};

void record_of(const std::vector<const char*>& names, const std::vector<cnp_dtype*>& members,
               const std::vector<int64_t>& offsets, int64_t itemsize, cnp_dtype** out) {
  REQUIRE(cnp_dtype_record(static_cast<int64_t>(names.size()), names.data(),
                           const_cast<const cnp_dtype* const*>(members.data()), offsets.data(), nullptr, itemsize, 1,
                           out) == CNP_OK);
}

void person_dtype(cnp_dtype** out) {
  DtypeRef s16, i4, f8;
  REQUIRE(cnp_dtype_from_string("S16", s16.out()) == CNP_OK);
  REQUIRE(cnp_dtype_from_typenum(CNP_INT32, i4.out()) == CNP_OK);
  REQUIRE(cnp_dtype_from_typenum(CNP_FLOAT64, f8.out()) == CNP_OK);
  record_of({"name", "age", "salary"}, {s16, i4, f8},
            {offsetof(Person, name), offsetof(Person, age), offsetof(Person, salary)}, sizeof(Person), out);
}

std::string repr(const cnp_dtype* d) {
  const char* s = nullptr;
  REQUIRE(cnp_dtype_repr(d, &s) == CNP_OK);
  return s;
}

int deleter_calls = 0;
void count_and_free(void* data, void* ctx) {
  ++deleter_calls;
  CHECK(ctx == &deleter_calls);
  delete[] static_cast<Person*>(data);
}

template <class T>
T load(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

}  // namespace

TEST_CASE("C ABI records: a descriptor mirroring a C struct", "[records][capi]") {
  DtypeRef person;
  person_dtype(person.out());
  int64_t itemsize = 0, off = 0;
  int32_t aligned = 0;
  REQUIRE(cnp_dtype_itemsize(person, &itemsize) == CNP_OK);
  CHECK(itemsize == static_cast<int64_t>(sizeof(Person)));
  REQUIRE(cnp_dtype_field_offset(person, 2, &off) == CNP_OK);
  CHECK(off == static_cast<int64_t>(offsetof(Person, salary)));
  REQUIRE(cnp_dtype_isalignedstruct(person, &aligned) == CNP_OK);
  CHECK(aligned == 1);
  // numpy.dtype([('name', 'S16'), ('age', '<i4'), ('salary', '<f8')], align=True)
  CHECK(repr(person) == "dtype([('name', 'S16'), ('age', '<i4'), ('salary', '<f8')], align=True)");

  // The same layout computed by the library (offsets NULL, align) as NumPy's align=True does.
  DtypeRef s16, i4, f8, packed;
  REQUIRE(cnp_dtype_from_string("S16", s16.out()) == CNP_OK);
  REQUIRE(cnp_dtype_from_typenum(CNP_INT32, i4.out()) == CNP_OK);
  REQUIRE(cnp_dtype_from_typenum(CNP_FLOAT64, f8.out()) == CNP_OK);
  const char* names[3] = {"name", "age", "salary"};
  const cnp_dtype* members[3] = {s16, i4, f8};
  REQUIRE(cnp_dtype_record(3, names, members, nullptr, nullptr, -1, 1, packed.out()) == CNP_OK);
  int32_t eq = 0;
  REQUIRE(cnp_dtype_equal(person, packed, &eq) == CNP_OK);
  CHECK(eq == 1);
}

TEST_CASE("C ABI records: nested struct and array member", "[records][capi]") {
  DtypeRef i1, f4, f8, u2, point, vec3, particle;
  REQUIRE(cnp_dtype_from_typenum(CNP_INT8, i1.out()) == CNP_OK);
  REQUIRE(cnp_dtype_from_typenum(CNP_FLOAT32, f4.out()) == CNP_OK);
  REQUIRE(cnp_dtype_from_typenum(CNP_FLOAT64, f8.out()) == CNP_OK);
  REQUIRE(cnp_dtype_from_typenum(CNP_UINT16, u2.out()) == CNP_OK);
  record_of({"x", "y"}, {f4, f4}, {offsetof(Point, x), offsetof(Point, y)}, sizeof(Point), point.out());
  int64_t three = 3;
  REQUIRE(cnp_dtype_subarray(f8, 1, &three, vec3.out()) == CNP_OK);
  record_of({"kind", "pos", "v", "flags"}, {i1, point, vec3, u2},
            {offsetof(Particle, kind), offsetof(Particle, pos), offsetof(Particle, v), offsetof(Particle, flags)},
            sizeof(Particle), particle.out());
  // NumPy's repr of the same dtype built with align=True (the offsets are the compiler's)
  CHECK(repr(particle) ==
        "dtype([('kind', 'i1'), ('pos', [('x', '<f4'), ('y', '<f4')]), ('v', '<f8', (3,)), ('flags', '<u2')], "
        "align=True)");

  std::vector<Particle> ps(4);
  for (size_t i = 0; i < ps.size(); ++i) {
    ps[i].kind = static_cast<int8_t>(i);
    ps[i].pos = {static_cast<float>(i), -static_cast<float>(i)};
    for (int k = 0; k < 3; ++k) ps[i].v[k] = 10.0 * static_cast<double>(i) + k;
    ps[i].flags = static_cast<uint16_t>(100 + i);
  }
  int64_t n = static_cast<int64_t>(ps.size());
  Handle arr, v, pos, y;
  REQUIRE(cnp_array_wrap(ps.data(), particle, 1, &n, nullptr, 1, nullptr, nullptr, arr.out()) == CNP_OK);
  REQUIRE(cnp_array_field(arr, "v", v.out()) == CNP_OK);
  int32_t ndim = 0;
  const int64_t *shape = nullptr, *strides = nullptr;
  void* data = nullptr;
  REQUIRE(cnp_array_ndim(v, &ndim) == CNP_OK);
  REQUIRE(cnp_array_shape(v, &shape) == CNP_OK);
  REQUIRE(cnp_array_strides(v, &strides) == CNP_OK);
  REQUIRE(cnp_array_data(v, &data) == CNP_OK);
  CHECK(ndim == 2);
  CHECK(shape[0] == 4);
  CHECK(shape[1] == 3);
  CHECK(strides[0] == static_cast<int64_t>(sizeof(Particle)));
  CHECK(strides[1] == 8);
  CHECK(data == static_cast<void*>(ps[0].v));
  // a nested struct's field: a view of a view, still the structs' memory
  REQUIRE(cnp_array_field(arr, "pos", pos.out()) == CNP_OK);
  REQUIRE(cnp_array_field(pos, "y", y.out()) == CNP_OK);
  REQUIRE(cnp_array_data(y, &data) == CNP_OK);
  CHECK(data == static_cast<void*>(&ps[0].pos.y));
  cnp_scalar s{};
  s.typenum = CNP_FLOAT64;
  s.value.f = 2.5;
  REQUIRE(cnp_array_fill(y, &s) == CNP_OK);
  for (const Particle& p : ps) CHECK(p.pos.y == 2.5f);
  CHECK(ps[2].pos.x == 2.0f);
  CHECK(ps[3].flags == 103);
}

TEST_CASE("C ABI records: wrapping an array of structs with a deleter", "[records][capi]") {
  DtypeRef person;
  person_dtype(person.out());
  deleter_calls = 0;
  auto* table = new Person[5]();
  for (int i = 0; i < 5; ++i) {
    std::snprintf(table[i].name, sizeof table[i].name, "p%d", i);
    table[i].age = 20 + i;
    table[i].salary = 1000.0 * i;
  }
  int64_t n = 5;
  cnp_array* arr = nullptr;
  REQUIRE(cnp_array_wrap(table, person, 1, &n, nullptr, 1, count_and_free, &deleter_calls, &arr) == CNP_OK);
  cnp_array* age = nullptr;
  REQUIRE(cnp_array_field(arr, "age", &age) == CNP_OK);
  cnp_array_free(arr);          // the field view keeps the table alive
  CHECK(deleter_calls == 0);
  const int64_t* strides = nullptr;
  void* data = nullptr;
  REQUIRE(cnp_array_strides(age, &strides) == CNP_OK);
  REQUIRE(cnp_array_data(age, &data) == CNP_OK);
  CHECK(strides[0] == static_cast<int64_t>(sizeof(Person)));
  CHECK(data == static_cast<void*>(&table[0].age));
  // O(1): the view's reads are the structs' bytes
  cnp_scalar item{};
  int64_t i3 = 3;
  REQUIRE(cnp_array_getitem(age, 1, &i3, &item) == CNP_OK);
  CHECK(item.value.i == 23);
  item.typenum = CNP_INT64;
  item.value.i = 99;
  REQUIRE(cnp_array_setitem(age, 1, &i3, &item) == CNP_OK);
  CHECK(table[3].age == 99);
  CHECK(std::string(table[3].name) == "p3");
  cnp_array_free(age);
  CHECK(deleter_calls == 1);
}

TEST_CASE("C ABI records: a Person array read field by field matches the structs", "[records][capi]") {
  DtypeRef person;
  person_dtype(person.out());
  std::vector<Person> people(7);
  for (size_t i = 0; i < people.size(); ++i) {
    people[i].age = static_cast<int32_t>(i * 3);
    people[i].salary = 0.5 * static_cast<double>(i);
  }
  int64_t n = 7, stride = 2 * static_cast<int64_t>(sizeof(Person));
  int64_t half = 4;
  Handle every_other, salary;
  // a strided wrap (every other struct), read-only
  REQUIRE(cnp_array_wrap(people.data(), person, 1, &half, &stride, 0, nullptr, nullptr, every_other.out()) == CNP_OK);
  REQUIRE(cnp_array_field(every_other, "salary", salary.out()) == CNP_OK);
  Handle total;
  REQUIRE(cnp_sum(salary, nullptr, 0, nullptr, nullptr, 0, nullptr, nullptr, total.out()) == CNP_OK);
  cnp_scalar s{};
  REQUIRE(cnp_array_getitem(total, 0, nullptr, &s) == CNP_OK);
  CHECK(s.value.f == 0.5 * (0 + 2 + 4 + 6));
  cnp_scalar one{};
  one.typenum = CNP_FLOAT64;
  CHECK(cnp_array_fill(salary, &one) == CNP_ERR_VALUE);      // read-only wrap
  CHECK(std::string(cnp_last_error()) == "assignment destination is read-only");
  (void)n;
}

TEST_CASE("C ABI records: a packed, misaligned table of structs", "[records][capi]") {
  // A byte buffer holding 3 packed records {int32 a; double b;} (12 bytes each) from offset 1:
  // no member is aligned. As in NumPy, a packed record has alignment 1 (the table is "aligned")
  // while its float64 field's view is not.
  DtypeRef i4, f8, packed;
  REQUIRE(cnp_dtype_from_typenum(CNP_INT32, i4.out()) == CNP_OK);
  REQUIRE(cnp_dtype_from_typenum(CNP_FLOAT64, f8.out()) == CNP_OK);
  const char* names[2] = {"a", "b"};
  const cnp_dtype* members[2] = {i4, f8};
  const int64_t offs[2] = {0, 4};
  REQUIRE(cnp_dtype_record(2, names, members, offs, nullptr, 12, 0, packed.out()) == CNP_OK);
  std::vector<char> bytes(1 + 3 * 12);
  for (int i = 0; i < 3; ++i) {
    int32_t a = 10 * i;
    double b = 0.25 * i;
    std::memcpy(bytes.data() + 1 + 12 * i, &a, 4);
    std::memcpy(bytes.data() + 1 + 12 * i + 4, &b, 8);
  }
  int64_t n = 3;
  Handle arr, b, total;
  REQUIRE(cnp_array_wrap(bytes.data() + 1, packed, 1, &n, nullptr, 1, nullptr, nullptr, arr.out()) == CNP_OK);
  int32_t flags = 0;
  REQUIRE(cnp_array_flags(arr, &flags) == CNP_OK);
  CHECK((flags & CNP_FLAG_ALIGNED) != 0);
  REQUIRE(cnp_array_field(arr, "b", b.out()) == CNP_OK);
  REQUIRE(cnp_array_flags(b, &flags) == CNP_OK);
  CHECK((flags & CNP_FLAG_ALIGNED) == 0);
  REQUIRE(cnp_sum(b, nullptr, 0, nullptr, nullptr, 0, nullptr, nullptr, total.out()) == CNP_OK);
  cnp_scalar s{};
  REQUIRE(cnp_array_getitem(total, 0, nullptr, &s) == CNP_OK);
  CHECK(s.value.f == 0.75);
  cnp_scalar v{};
  v.typenum = CNP_FLOAT64;
  v.value.f = -1.5;
  REQUIRE(cnp_array_fill(b, &v) == CNP_OK);
  CHECK(load<double>(bytes.data() + 1 + 12 * 2 + 4) == -1.5);
  CHECK(load<int32_t>(bytes.data() + 1 + 12 * 2) == 20);
}

TEST_CASE("C ABI records: bad layouts and fields give NumPy's errors", "[records][capi]") {
  DtypeRef i4, f8;
  REQUIRE(cnp_dtype_from_typenum(CNP_INT32, i4.out()) == CNP_OK);
  REQUIRE(cnp_dtype_from_typenum(CNP_FLOAT64, f8.out()) == CNP_OK);
  const char* names[2] = {"a", "b"};
  const char* same[2] = {"a", "a"};
  const cnp_dtype* members[2] = {i4, f8};
  struct Case {
    const char* const* names;
    std::vector<int64_t> offsets;
    int64_t itemsize;
    int32_t align;
    const char* message;
  };
  const Case cases[] = {
      {names, {0, -8}, -1, 0, "offset -8 cannot be negative"},
      {names, {0, 8}, 12, 0, "NumPy dtype descriptor requires 16 bytes, cannot override to smaller itemsize of 12"},
      {names, {0, 2}, -1, 1,
       "offset 2 for NumPy dtype with fields is not divisible by the field alignment 8 with align=True"},
      {same, {0, 8}, -1, 0, "field 'a' occurs more than once"},
  };
  for (const Case& c : cases) {
    cnp_dtype* out = reinterpret_cast<cnp_dtype*>(&deleter_calls);   // must come back NULL
    CHECK(cnp_dtype_record(2, c.names, members, c.offsets.data(), nullptr, c.itemsize, c.align, &out) ==
          CNP_ERR_VALUE);
    CHECK(out == nullptr);
    CHECK(std::string(cnp_last_error()) == c.message);
  }
  // overlapping fields are allowed (NumPy: a union-like view), their descr is not
  DtypeRef overlap;
  const int64_t offs[2] = {0, 2};
  const cnp_dtype* two_i4[2] = {i4, i4};
  REQUIRE(cnp_dtype_record(2, names, two_i4, offs, nullptr, -1, 0, overlap.out()) == CNP_OK);
  int64_t itemsize = 0;
  REQUIRE(cnp_dtype_itemsize(overlap, &itemsize) == CNP_OK);
  CHECK(itemsize == 6);

  // a field that is not there; a field of an array without fields
  DtypeRef person;
  person_dtype(person.out());
  Handle arr, plain;
  int64_t two = 2;
  REQUIRE(cnp_zeros(1, &two, person, CNP_ORDER_C, arr.out()) == CNP_OK);
  cnp_array* out = nullptr;
  CHECK(cnp_array_field(arr, "height", &out) == CNP_ERR_VALUE);
  CHECK(out == nullptr);
  CHECK(std::string(cnp_last_error()) == "no field of name height");
  REQUIRE(cnp_zeros(1, &two, i4, CNP_ORDER_C, plain.out()) == CNP_OK);
  CHECK(cnp_array_field(plain, "a", &out) != CNP_OK);
  CHECK(out == nullptr);
  CHECK(cnp_array_field(arr, nullptr, &out) != CNP_OK);
  CHECK(out == nullptr);
}

// ---- sorting records (NumPy's VOID_compare order, include/cnumpy/sort.h) -----------------------
// Tagged [record_sort], not [records]: sorting loads Highway's vqsort (dlopen), whose start-up
// RDTSCP valgrind cannot run, and the [records] cases are the valgrind run's.
namespace {

// NumPy's order of two Persons with the fields compared in `keys` order (0 name, 1 age, 2
// salary): name by memcmp, age by value, salary with NaNs last and -0.0 == 0.0.
int person_compare(const Person& a, const Person& b, const std::vector<int>& keys) {
  for (int k : keys) {
    int c = 0;
    if (k == 0) c = std::memcmp(a.name, b.name, sizeof a.name);
    if (k == 1) c = (a.age > b.age) - (a.age < b.age);
    if (k == 2) {
      const bool na = std::isnan(a.salary), nb = std::isnan(b.salary);
      c = na || nb ? int(na) - int(nb) : (a.salary > b.salary) - (a.salary < b.salary);
    }
    if (c != 0) return c;
  }
  return 0;
}

std::vector<Person> some_people(size_t n) {
  std::vector<Person> p(n);
  const double salaries[] = {100.0, -0.0, 0.0, std::nan(""), 250.5, 100.0};
  for (size_t i = 0; i < n; ++i) {
    std::snprintf(p[i].name, sizeof p[i].name, "p%zu", (i * 7) % 5);
    p[i].age = static_cast<int32_t>((i * 13) % 4) - 1;
    p[i].salary = salaries[(i * 5) % 6];
  }
  return p;
}

std::vector<int64_t> indices_of(const cnp_array* a) {
  int64_t n = 0;
  REQUIRE(cnp_array_size(a, &n) == CNP_OK);
  void* p = nullptr;
  REQUIRE(cnp_array_data(a, &p) == CNP_OK);
  const auto* v = static_cast<const int64_t*>(p);
  return std::vector<int64_t>(v, v + n);
}

}  // namespace

TEST_CASE("C ABI records: argsort and sort of structs with order", "[record_sort][capi][sort]") {
  DtypeRef person;
  person_dtype(person.out());
  std::vector<Person> people = some_people(41);
  int64_t n = static_cast<int64_t>(people.size());
  Handle table;
  REQUIRE(cnp_array_wrap(people.data(), person, 1, &n, nullptr, 1, nullptr, nullptr, table.out()) == CNP_OK);
  struct Case {
    std::vector<const char*> order;
    std::vector<int> keys;  // the compare order this means
  };
  const std::vector<Case> cases = {
      {{}, {0, 1, 2}}, {{"age"}, {1, 0, 2}}, {{"salary", "age"}, {2, 1, 0}}, {{"salary"}, {2, 0, 1}}};
  for (const Case& c : cases) {
    std::vector<int64_t> want(people.size());
    for (size_t i = 0; i < want.size(); ++i) want[i] = static_cast<int64_t>(i);
    std::stable_sort(want.begin(), want.end(),
                     [&](int64_t a, int64_t b) { return person_compare(people[a], people[b], c.keys) < 0; });
    Handle idx, sorted;
    const char* kind = "stable";
    REQUIRE(cnp_argsort_order(table, nullptr, kind, c.order.data(), static_cast<int32_t>(c.order.size()), idx.out()) ==
            CNP_OK);
    CHECK(indices_of(idx) == want);
    REQUIRE(cnp_sort_order(table, nullptr, nullptr, c.order.data(), static_cast<int32_t>(c.order.size()),
                           sorted.out()) == CNP_OK);
    cnp_dtype* d = nullptr;
    REQUIRE(cnp_array_dtype(sorted, &d) == CNP_OK);
    CHECK(repr(d) == repr(person));  // the order= view's descriptor does not leak out
    cnp_dtype_free(d);
    void* p = nullptr;
    REQUIRE(cnp_array_data(sorted, &p) == CNP_OK);
    const auto* out = static_cast<const Person*>(p);
    for (size_t i = 0; i < people.size(); ++i) CHECK(person_compare(out[i], people[want[i]], {0, 1, 2}) == 0);
  }
  // order NULL is None: the plain functions and the _order ones agree
  Handle a1, a2;
  REQUIRE(cnp_argsort(table, nullptr, nullptr, a1.out()) == CNP_OK);
  REQUIRE(cnp_argsort_order(table, nullptr, nullptr, nullptr, 0, a2.out()) == CNP_OK);
  CHECK(indices_of(a1) == indices_of(a2));
}

TEST_CASE("C ABI records: in-place sort and partition of a strided table", "[record_sort][capi][sort]") {
  DtypeRef person;
  person_dtype(person.out());
  std::vector<Person> people = some_people(30);
  std::vector<Person> every_other;
  for (size_t i = 0; i < people.size(); i += 2) every_other.push_back(people[i]);
  int64_t half = 15, stride = 2 * static_cast<int64_t>(sizeof(Person));
  Handle view;
  REQUIRE(cnp_array_wrap(people.data(), person, 1, &half, &stride, 1, nullptr, nullptr, view.out()) == CNP_OK);
  const char* order[] = {"age", "salary"};
  REQUIRE(cnp_array_sort_order(view, 0, "mergesort", order, 2) == CNP_OK);
  std::stable_sort(every_other.begin(), every_other.end(),
                   [](const Person& a, const Person& b) { return person_compare(a, b, {1, 2, 0}) < 0; });
  for (size_t i = 0; i < every_other.size(); ++i) {
    CHECK(person_compare(people[2 * i], every_other[i], {0, 1, 2}) == 0);
    CHECK(std::string(people[2 * i + 1].name) == std::string(some_people(30)[2 * i + 1].name));  // untouched
  }
  // partition: the kth record is the one a full sort puts there
  Handle kth, part;
  iota<int64_t>(kth, CNP_INT64, {}, 7);
  std::vector<Person> fresh = some_people(30);
  int64_t n = 30;
  Handle table;
  REQUIRE(cnp_array_wrap(fresh.data(), person, 1, &n, nullptr, 0, nullptr, nullptr, table.out()) == CNP_OK);
  const char* by_salary[] = {"salary"};
  REQUIRE(cnp_partition_order(table, kth, nullptr, nullptr, by_salary, 1, part.out()) == CNP_OK);
  std::vector<Person> full = fresh;
  std::stable_sort(full.begin(), full.end(),
                   [](const Person& a, const Person& b) { return person_compare(a, b, {2, 0, 1}) < 0; });
  void* p = nullptr;
  REQUIRE(cnp_array_data(part, &p) == CNP_OK);
  CHECK(person_compare(static_cast<const Person*>(p)[7], full[7], {0, 1, 2}) == 0);
  Handle apart;
  REQUIRE(cnp_argpartition_order(table, kth, nullptr, nullptr, by_salary, 1, apart.out()) == CNP_OK);
  CHECK(person_compare(fresh[indices_of(apart)[7]], full[7], {0, 1, 2}) == 0);
  // read-only: in place refuses
  CHECK(cnp_array_partition_order(table, kth, 0, nullptr, by_salary, 1) == CNP_ERR_VALUE);
}

TEST_CASE("C ABI records: NumPy's per-field orders (float16 NaN first, subarrays by bytes)", "[record_sort][capi][sort]") {
  // {float16 h; int32 v[2]}: float16 NaNs sort FIRST in a record (NumPy's HALF_compare); the
  // subarray compares its raw bytes (little-endian 256 = 00 01 00 00 sorts before 1 = 01 00 00 00).
  DtypeRef f2, i4, sub, rec;
  REQUIRE(cnp_dtype_from_typenum(CNP_FLOAT16, f2.out()) == CNP_OK);
  REQUIRE(cnp_dtype_from_typenum(CNP_INT32, i4.out()) == CNP_OK);
  const int64_t two = 2;
  REQUIRE(cnp_dtype_subarray(i4, 1, &two, sub.out()) == CNP_OK);
  const char* names[] = {"h", "v"};
  const cnp_dtype* members[] = {f2, sub};
  const int64_t offsets[] = {0, 4};
  REQUIRE(cnp_dtype_record(2, names, members, offsets, nullptr, 12, 0, rec.out()) == CNP_OK);
  struct R {
    uint16_t h;
    uint16_t pad;
    int32_t v[2];
  };
  std::vector<R> rs = {{0x3c00, 0, {1, 0}}, {0x7e00, 0, {5, 5}}, {0x3c00, 0, {256, 0}}, {0xbc00, 0, {-1, 0}}};
  int64_t n = 4;
  Handle a, idx;
  REQUIRE(cnp_array_wrap(rs.data(), rec, 1, &n, nullptr, 0, nullptr, nullptr, a.out()) == CNP_OK);
  REQUIRE(cnp_argsort(a, nullptr, nullptr, idx.out()) == CNP_OK);
  CHECK(indices_of(idx) == std::vector<int64_t>{1, 3, 2, 0});  // NaN, -1.0, then 1.0 by the bytes of v
  const char* by_v[] = {"v"};
  REQUIRE(cnp_argsort_order(a, nullptr, nullptr, by_v, 1, idx.out()) == CNP_OK);
  CHECK(indices_of(idx) == std::vector<int64_t>{2, 0, 1, 3});  // 00 01.., 01 00.., 05.., ff..
  // argmax/argmin: NumPy has no order for them on records
  Handle m;
  CHECK(cnp_argmax(a, nullptr, nullptr, 0, m.out()) == CNP_ERR_TYPE);
  CHECK(std::string(cnp_last_error()) == "data type not ordered");
}

TEST_CASE("C ABI records: order= errors as NumPy's", "[record_sort][capi][sort]") {
  DtypeRef person;
  person_dtype(person.out());
  std::vector<Person> people = some_people(3);
  int64_t n = 3;
  Handle table, ints;
  REQUIRE(cnp_array_wrap(people.data(), person, 1, &n, nullptr, 1, nullptr, nullptr, table.out()) == CNP_OK);
  iota<int32_t>(ints, CNP_INT32, {3});
  struct Bad {
    std::vector<const char*> order;
    const char* message;
  };
  for (const Bad& b : std::vector<Bad>{{{"height"}, "unknown field name: height"},
                                       {{"age", "age"}, "duplicate field name: age"},
                                       {{"age", "name", "x"}, "unknown field name: x"}}) {
    cnp_array* out = reinterpret_cast<cnp_array*>(&n);  // must come back NULL
    CHECK(cnp_sort_order(table, nullptr, nullptr, b.order.data(), static_cast<int32_t>(b.order.size()), &out) ==
          CNP_ERR_VALUE);
    CHECK(out == nullptr);
    CHECK(std::string(cnp_last_error()) == b.message);
    CHECK(cnp_array_sort_order(table, 0, nullptr, b.order.data(), static_cast<int32_t>(b.order.size())) ==
          CNP_ERR_VALUE);
  }
  CHECK(std::string(people[0].name) == std::string(some_people(3)[0].name));  // nothing written
  const char* empty_order[] = {"x"};
  Handle r;
  CHECK(cnp_argsort_order(ints, nullptr, nullptr, empty_order, 0, r.out()) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "Cannot specify order when the array has no fields.");
  CHECK(cnp_argsort_order(table, nullptr, nullptr, nullptr, 1, r.out()) == CNP_ERR_INVALID_HANDLE);
  const char* null_name[] = {nullptr};
  CHECK(cnp_argsort_order(table, nullptr, nullptr, null_name, 1, r.out()) == CNP_ERR_INVALID_HANDLE);
  CHECK(cnp_argsort_order(table, nullptr, "bogus", empty_order, 1, r.out()) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "sort kind must be one of 'quick', 'heap', or 'stable' (got 'bogus')");
}

TEST_CASE("C ABI records: lexsort, unique, searchsorted and in1d of records", "[record_sort][capi][sort]") {
  DtypeRef person;
  person_dtype(person.out());
  std::vector<Person> people = some_people(20);
  int64_t n = 20;
  Handle table;
  REQUIRE(cnp_array_wrap(people.data(), person, 1, &n, nullptr, 0, nullptr, nullptr, table.out()) == CNP_OK);
  std::vector<int64_t> want(people.size());
  for (size_t i = 0; i < want.size(); ++i) want[i] = static_cast<int64_t>(i);
  std::stable_sort(want.begin(), want.end(),
                   [&](int64_t a, int64_t b) { return person_compare(people[a], people[b], {0, 1, 2}) < 0; });
  Handle lex;
  const cnp_array* keys[] = {table};
  REQUIRE(cnp_lexsort(1, keys, -1, lex.out()) == CNP_OK);
  CHECK(indices_of(lex) == want);
  // unique: NumPy's == groups (a NaN salary makes a record unequal to every other)
  Handle values, counts;
  REQUIRE(cnp_unique(table, 1, values.out(), nullptr, nullptr, counts.out()) == CNP_OK);
  std::vector<int64_t> want_counts;
  for (size_t i = 0; i < want.size(); ++i) {
    const Person& p = people[want[i]];
    const bool same = i > 0 && !std::isnan(p.salary) && person_compare(p, people[want[i - 1]], {0, 1, 2}) == 0;
    if (same) ++want_counts.back();
    else want_counts.push_back(1);
  }
  CHECK(indices_of(counts) == want_counts);
  // searchsorted in the sorted table finds each record's first position
  Handle sorted, pos;
  REQUIRE(cnp_sort(table, nullptr, nullptr, sorted.out()) == CNP_OK);
  REQUIRE(cnp_searchsorted(sorted, table, "left", nullptr, pos.out()) == CNP_OK);
  const std::vector<int64_t> got = indices_of(pos);
  for (size_t i = 0; i < people.size(); ++i) {
    int64_t first = 0;
    while (person_compare(people[want[first]], people[i], {0, 1, 2}) < 0) ++first;
    CHECK(got[i] == first);
  }
  Handle found;
  REQUIRE(cnp_in1d(table, table, 0, found.out()) == CNP_OK);
  void* p = nullptr;
  REQUIRE(cnp_array_data(found, &p) == CNP_OK);
  for (size_t i = 0; i < people.size(); ++i) CHECK(static_cast<const bool*>(p)[i] == !std::isnan(people[i].salary));
}
