// Structured arrays from C (issue 26, docs/records.md): record descriptors that mirror C structs
// (offsetof/sizeof, the compiler's padding), arrays of structs wrapped without copying with a
// deleter, field views (strided, zero-copy, writable, with a subarray member's axes, nested
// structs), and NumPy's errors for bad layouts. Run under valgrind with the "[records]" tag.
#include <catch2/catch.hpp>

#include <cstddef>
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
