// The C ABI of the parametric dtypes (issue 19): parsing, builders, attributes, byte order,
// arrays of records and strings through creation/view/copy, element bytes, and invalid handles.
#include <catch2/catch.hpp>

#include <cstring>
#include <string>
#include <vector>

#include "capi_test_util.hpp"
#include "cnumpy/cnumpy.h"
#include "core/loop_registry.hpp"
#include "ufunc/ufunc.hpp"

using capi_test::Handle;

namespace {

struct Dt {
  cnp_dtype* d = nullptr;
  explicit Dt(const char* spec) { REQUIRE(cnp_dtype_from_string(spec, &d) == CNP_OK); }
  Dt() = default;
  ~Dt() { cnp_dtype_free(d); }
  Dt(const Dt&) = delete;
  Dt& operator=(const Dt&) = delete;
};

std::string str_of(cnp_status (*fn)(const cnp_dtype*, const char**), const cnp_dtype* d) {
  const char* s = nullptr;
  REQUIRE(fn(d, &s) == CNP_OK);
  return s;
}

}  // namespace

TEST_CASE("C ABI: dtype strings of every kind", "[dtype][capi]") {
  struct Row {
    const char* spec;
    const char* str;
    const char* repr;
    int64_t itemsize;
    int32_t byteorder;
  };
  const Row rows[] = {
      {">f8", ">f8", "dtype('>f8')", 8, '>'},
      {"U5", "<U5", "dtype('<U5')", 20, '='},
      {"S3", "|S3", "dtype('S3')", 3, '|'},
      {"M8[25s]", "<M8[25s]", "dtype('<M8[25s]')", 8, '='},
      {"timedelta64[2W]", "<m8[2W]", "dtype('<m8[2W]')", 8, '='},
      {"i4, f8, S3", "|V15", "dtype([('f0', '<i4'), ('f1', '<f8'), ('f2', 'S3')])", 15, '|'},
      {"3i4", "|V12", "dtype(('<i4', (3,)))", 12, '|'},
      {"V8", "|V8", "dtype('V8')", 8, '|'},
      // a count before an unsized S/U/V is its size, not a subarray of zero-size items
      {"3S", "|S3", "dtype('S3')", 3, '|'},
      {">3U", ">U3", "dtype('>U3')", 12, '>'},
      {"(2,3)111S", "|V666", "dtype(('S111', (2, 3)))", 666, '|'},
      {"3S, 2U", "|V11", "dtype([('f0', 'S3'), ('f1', '<U2')])", 11, '|'},
      {"1i4", "<i4", "dtype('int32')", 4, '='},
  };
  for (const Row& r : rows) {
    INFO(r.spec);
    Dt d(r.spec);
    CHECK(str_of(cnp_dtype_str, d.d) == r.str);
    CHECK(str_of(cnp_dtype_repr, d.d) == r.repr);
    int64_t isz = 0;
    int32_t bo = 0;
    REQUIRE(cnp_dtype_itemsize(d.d, &isz) == CNP_OK);
    REQUIRE(cnp_dtype_byteorder(d.d, &bo) == CNP_OK);
    CHECK(isz == r.itemsize);
    CHECK(bo == r.byteorder);
  }
  cnp_dtype* bad = nullptr;
  CHECK(cnp_dtype_from_string("M8[xx]", &bad) == CNP_ERR_TYPE);
  CHECK(std::string(cnp_last_error()) == "Invalid datetime unit in metadata string \"[xx]\"");
  CHECK(bad == nullptr);
  CHECK(cnp_dtype_from_string("x", &bad) == CNP_ERR_TYPE);
  CHECK(std::string(cnp_last_error()) == "data type 'x' not understood");
  for (const char* spec : {"(3,)S", "()U", "(2,)0S", "2147483648S"}) {
    INFO(spec);
    CHECK(cnp_dtype_from_string(spec, &bad) == CNP_ERR_VALUE);
    CHECK(std::string(cnp_last_error()) == "invalid itemsize in generic type tuple");
    CHECK(bad == nullptr);
  }
}

TEST_CASE("C ABI: record builder, fields, align and titles", "[dtype][capi]") {
  Dt i1("i1"), f8("f8"), u4("U4");
  const char* names[] = {"a", "b", "c"};
  const cnp_dtype* types[] = {i1.d, f8.d, u4.d};
  const char* titles[] = {nullptr, "B", nullptr};
  cnp_dtype* rec = nullptr;
  REQUIRE(cnp_dtype_record(3, names, types, nullptr, titles, -1, 1, &rec) == CNP_OK);
  int64_t isz = 0, nf = 0, off = 0;
  REQUIRE(cnp_dtype_itemsize(rec, &isz) == CNP_OK);
  CHECK(isz == 32);  // 1 + pad 7 + 8 + 16
  REQUIRE(cnp_dtype_nfields(rec, &nf) == CNP_OK);
  CHECK(nf == 3);
  REQUIRE(cnp_dtype_field_offset(rec, 1, &off) == CNP_OK);
  CHECK(off == 8);
  const char* title = nullptr;
  REQUIRE(cnp_dtype_field_title(rec, 1, &title) == CNP_OK);
  CHECK(std::string(title) == "B");
  REQUIRE(cnp_dtype_field_title(rec, 0, &title) == CNP_OK);
  CHECK(title == nullptr);
  cnp_dtype* fd = nullptr;
  REQUIRE(cnp_dtype_field_dtype(rec, 2, &fd) == CNP_OK);
  CHECK(str_of(cnp_dtype_str, fd) == "<U4");
  cnp_dtype_free(fd);
  CHECK(str_of(cnp_dtype_repr, rec) ==
        "dtype([('a', 'i1'), (('B', 'b'), '<f8'), ('c', '<U4')], align=True)");  // NumPy 1.24's repr
  // Byte order through every field.
  cnp_dtype* big = nullptr;
  REQUIRE(cnp_dtype_newbyteorder(rec, '>', &big) == CNP_OK);
  int32_t native = 1;
  REQUIRE(cnp_dtype_isnative(big, &native) == CNP_OK);
  CHECK(native == 0);
  int32_t eq = 1;
  REQUIRE(cnp_dtype_equal(rec, big, &eq) == CNP_OK);
  CHECK(eq == 0);
  cnp_dtype_free(big);
  cnp_dtype_free(rec);
  // Errors: duplicate names, too small itemsize, misaligned offsets.
  const char* dup[] = {"a", "a"};
  const cnp_dtype* two[] = {i1.d, f8.d};
  CHECK(cnp_dtype_record(2, dup, two, nullptr, nullptr, -1, 0, &rec) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "field 'a' occurs more than once");
  CHECK(rec == nullptr);
  const char* ab[] = {"a", "b"};
  CHECK(cnp_dtype_record(2, ab, two, nullptr, nullptr, 4, 0, &rec) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) == "NumPy dtype descriptor requires 9 bytes, cannot override to smaller itemsize of 4");
  const int64_t offs[] = {0, 3};
  CHECK(cnp_dtype_record(2, ab, two, offs, nullptr, -1, 1, &rec) == CNP_ERR_VALUE);
  CHECK(std::string(cnp_last_error()) ==
        "offset 3 for NumPy dtype with fields is not divisible by the field alignment 8 with align=True");
}

TEST_CASE("C ABI: subarrays and datetime metadata", "[dtype][capi]") {
  Dt f4("<f4");
  const int64_t shape[] = {2, 3};
  cnp_dtype* sub = nullptr;
  REQUIRE(cnp_dtype_subarray(f4.d, 2, shape, &sub) == CNP_OK);
  int32_t nd = 0;
  const int64_t* sh = nullptr;
  REQUIRE(cnp_dtype_ndim(sub, &nd) == CNP_OK);
  REQUIRE(cnp_dtype_shape(sub, &sh) == CNP_OK);
  CHECK(nd == 2);
  CHECK(sh[0] == 2);
  CHECK(sh[1] == 3);
  cnp_dtype* base = nullptr;
  REQUIRE(cnp_dtype_base(sub, &base) == CNP_OK);
  CHECK(str_of(cnp_dtype_str, base) == "<f4");
  cnp_dtype_free(base);
  cnp_dtype_free(sub);
  const int64_t neg[] = {-1};
  CHECK(cnp_dtype_subarray(f4.d, 1, neg, &sub) == CNP_ERR_VALUE);
  Dt dt("M8[25s]");
  const char* unit = nullptr;
  int64_t count = 0;
  REQUIRE(cnp_dtype_datetime_unit(dt.d, &unit) == CNP_OK);
  REQUIRE(cnp_dtype_datetime_count(dt.d, &count) == CNP_OK);
  CHECK(std::string(unit) == "s");
  CHECK(count == 25);
  CHECK(cnp_dtype_datetime_unit(f4.d, &unit) == CNP_ERR_TYPE);
}

TEST_CASE("C ABI: casting tables and promotion of the new kinds", "[dtype][capi]") {
  auto level = [](const char* a, const char* b) {
    Dt x(a), y(b);
    for (int32_t c = CNP_CASTING_NO; c <= CNP_CASTING_UNSAFE; ++c) {
      int32_t ok = 0;
      REQUIRE(cnp_can_cast(x.d, y.d, c, &ok) == CNP_OK);
      if (ok) return c;
    }
    return -1;
  };
  CHECK(level("f8", ">f8") == CNP_CASTING_EQUIV);
  CHECK(level("i4", "U11") == CNP_CASTING_SAFE);
  CHECK(level("i4", "U10") == CNP_CASTING_SAME_KIND);
  CHECK(level("U3", "S3") == CNP_CASTING_UNSAFE);
  CHECK(level("M8[s]", "M8[ms]") == CNP_CASTING_SAFE);
  CHECK(level("M8[ms]", "M8[s]") == CNP_CASTING_SAME_KIND);
  CHECK(level("m8[M]", "m8[D]") == CNP_CASTING_UNSAFE);
  CHECK(level("i4, f8", "i8, f8") == CNP_CASTING_SAFE);
  CHECK(level("i4, f8", "i4") == -1);
  Dt a("S3"), b("U5");
  cnp_dtype* p = nullptr;
  REQUIRE(cnp_promote_types(a.d, b.d, &p) == CNP_OK);
  CHECK(str_of(cnp_dtype_str, p) == "<U5");
  cnp_dtype_free(p);
  Dt m("M8[s]");
  CHECK(cnp_promote_types(a.d, m.d, &p) == CNP_ERR_TYPE);
}

TEST_CASE("C ABI: arrays of records and byte-swapped numbers", "[dtype][capi]") {
  Dt rec("i4, >f8");
  const int64_t shape[] = {3};
  Handle a;
  REQUIRE(cnp_zeros(1, shape, rec.d, CNP_ORDER_C, a.out()) == CNP_OK);
  // Element bytes: write record 1, read it back.
  unsigned char item[12] = {7, 0, 0, 0, 0x3f, 0xf8, 0, 0, 0, 0, 0, 0};  // 7, 1.5 big-endian
  const int64_t idx[] = {1};
  REQUIRE(cnp_array_setitem_bytes(a, 1, idx, item, 12) == CNP_OK);
  unsigned char back[12] = {};
  REQUIRE(cnp_array_getitem_bytes(a, 1, idx, back, 12) == CNP_OK);
  CHECK(std::memcmp(item, back, 12) == 0);
  CHECK(cnp_array_getitem_bytes(a, 1, idx, back, 8) == CNP_ERR_VALUE);
  // A field view, then astype of it to native.
  Handle f;
  REQUIRE(cnp_array_field(a, "f1", f.out()) == CNP_OK);
  Dt native("f8");
  Handle g;
  REQUIRE(cnp_astype(f, native.d, CNP_ORDER_K, CNP_CASTING_UNSAFE, 1, g.out()) == CNP_OK);
  cnp_scalar s{};
  REQUIRE(cnp_array_getitem(g, 1, idx, &s) == CNP_OK);
  CHECK(s.value.f == 1.5);
  // Engines get native copies of byte-swapped inputs.
  Handle sum;
  REQUIRE(cnp_sum(f, nullptr, 0, nullptr, nullptr, 0, nullptr, nullptr, sum.out()) == CNP_OK);
  cnp_scalar t{};
  REQUIRE(cnp_array_getitem(sum, 0, nullptr, &t) == CNP_OK);
  CHECK(t.value.f == 1.5);
  // ...and refuse records.
  Handle bad;
  CHECK(cnp_sum(a, nullptr, 0, nullptr, nullptr, 0, nullptr, nullptr, bad.out()) == CNP_ERR_TYPE);
  // view with another itemsize, byteswap.
  Dt u1("u1");
  Handle v;
  REQUIRE(cnp_array_view(a, u1.d, v.out()) == CNP_OK);
  const int64_t* vs = nullptr;
  REQUIRE(cnp_array_shape(v, &vs) == CNP_OK);
  CHECK(vs[0] == 36);
  Handle sw;
  REQUIRE(cnp_array_byteswap(g, 0, sw.out()) == CNP_OK);
  unsigned char raw[8];
  REQUIRE(cnp_array_getitem_bytes(sw, 1, idx, raw, 8) == CNP_OK);
  CHECK(raw[0] == 0x3f);
  CHECK(raw[1] == 0xf8);
  char* text = nullptr;
  REQUIRE(cnp_array_repr(a, &text) == CNP_OK);
  CHECK(std::string(text) == "array([(0, 0. ), (7, 1.5), (0, 0. )], dtype=[('f0', '<i4'), ('f1', '>f8')])");
  cnp_string_free(text);
}

TEST_CASE("C ABI: invalid dtype handles", "[dtype][capi]") {
  int32_t i = 0;
  int64_t n = 0;
  const char* s = nullptr;
  cnp_dtype* d = nullptr;
  unsigned char junk[64] = {};
  const cnp_dtype* foreign = reinterpret_cast<const cnp_dtype*>(junk);
  CHECK(cnp_dtype_isnative(nullptr, &i) == CNP_ERR_INVALID_HANDLE);
  CHECK(cnp_dtype_isnative(foreign, &i) == CNP_ERR_INVALID_HANDLE);
  CHECK(cnp_dtype_nfields(foreign, &n) == CNP_ERR_INVALID_HANDLE);
  CHECK(cnp_dtype_descr(foreign, &s) == CNP_ERR_INVALID_HANDLE);
  CHECK(cnp_dtype_newbyteorder(foreign, 'S', &d) == CNP_ERR_INVALID_HANDLE);
  CHECK(cnp_dtype_subarray(foreign, 0, nullptr, &d) == CNP_ERR_INVALID_HANDLE);
  const char* names[] = {"a"};
  const cnp_dtype* types[] = {foreign};
  CHECK(cnp_dtype_record(1, names, types, nullptr, nullptr, -1, 0, &d) == CNP_ERR_INVALID_HANDLE);
  CHECK(d == nullptr);
  Dt f8("f8");
  CHECK(cnp_dtype_newbyteorder(f8.d, 'x', &d) == CNP_ERR_VALUE);
}

namespace {
// A 1-d array of n elements of `spec` from raw bytes.
void from_bytes(const char* spec, const void* data, int64_t n, cnp_array** out) {
  Dt d(spec);
  const int64_t shape[] = {n};
  REQUIRE(cnp_array_from_data(data, d.d, 1, shape, nullptr, out) == CNP_OK);
}

std::vector<int> bools(const cnp_array* a, int n) {
  std::vector<int> r;
  for (int64_t i = 0; i < n; ++i) {
    cnp_scalar s{};
    const int64_t idx[] = {i};
    REQUIRE(cnp_array_getitem(a, 1, idx, &s) == CNP_OK);
    r.push_back(static_cast<int>(s.value.i));
  }
  return r;
}
}  // namespace

TEST_CASE("loop registry: legacy numeric methods and string comparison methods", "[dtype][registry]") {
  using cnp::DClass;
  const cnp::LoopRegistry& reg = cnp::loop_registry();
  const int32_t equal = static_cast<int32_t>(cnp::ufunc::Id::equal);
  const int32_t add = static_cast<int32_t>(cnp::ufunc::Id::add);
  const cnp::Dtype* f8 = cnp::builtin_dtype(CNP_FLOAT64);
  cnp::DtypeRef u3 = cnp::parse_dtype("U3"), u5 = cnp::parse_dtype(">U5"), s2 = cnp::parse_dtype("S2");
  const cnp::Dtype* nums[2] = {f8, cnp::swapped_builtin(CNP_INT32)};
  const cnp::Method* m = reg.find(add, nums, 2);
  REQUIRE(m);
  CHECK(m->legacy());
  CHECK(m == reg.legacy(add));
  CHECK(static_cast<const cnp::ufunc::Ufunc*>(m->data) == &cnp::ufunc::get(cnp::ufunc::Id::add));
  const cnp::Dtype* strs[2] = {u3.get(), u5.get()};
  CHECK(reg.find(add, strs, 2) == nullptr);
  const cnp::Method* cmp = reg.find(equal, strs, 2);
  REQUIRE(cmp);
  CHECK_FALSE(cmp->legacy());
  const cnp::Dtype* mixed[2] = {u3.get(), s2.get()};
  CHECK(reg.find(equal, mixed, 2) == nullptr);
  CHECK(cnp::dclass_of(u5.get()) == DClass::unicode);
  CHECK(cnp::dclass_name(s2.get()) == "numpy.dtype[bytes_]");
  CHECK(cnp::dclass_name(cnp::builtin_dtype(CNP_BOOL)) == "numpy.dtype[bool_]");
  // Casts: one method per pair of classes, resolved with both descriptors.
  const cnp::Dtype* cast_pair[2] = {u3.get(), f8};
  const cnp::Method* text_to_number = reg.find(cnp::kOpCast, cast_pair, 2);
  REQUIRE(text_to_number);
  CHECK(std::string(text_to_number->name) == "text_to_number");
  cnp::DtypeRef rec = cnp::parse_dtype("i4, f8");
  const cnp::Dtype* to_record[2] = {f8, rec.get()};
  CHECK(std::string(reg.find(cnp::kOpCast, to_record, 2)->name) == "void_cast");
  cnp::ResolvedLoop cast;
  text_to_number->resolve(*text_to_number, cast_pair, cast);
  const char32_t text[3] = {U'2', U'.', U'5'};
  double parsed = 0;
  char* cargs[2] = {reinterpret_cast<char*>(const_cast<char32_t*>(text)), reinterpret_cast<char*>(&parsed)};
  const int64_t cstrides[2] = {12, 8};
  cast.fn(cargs, cstrides, 1, cast.data);
  CHECK(parsed == 2.5);
  // resolve_descriptors: bool output, the widths and byte orders as per-call data.
  cnp::ResolvedLoop r;
  cmp->resolve(*cmp, strs, r);
  CHECK(r.descrs[2].get() == cnp::builtin_dtype(CNP_BOOL));
  REQUIRE(r.per_call);
  const char32_t a[3] = {U'a', U'b', 0};
  const uint32_t b[5] = {__builtin_bswap32(uint32_t{U'a'}), __builtin_bswap32(uint32_t{U'b'}), 0, 0, 0};
  char out = 0;
  char* args[3] = {reinterpret_cast<char*>(const_cast<char32_t*>(a)), reinterpret_cast<char*>(const_cast<uint32_t*>(b)), &out};
  const int64_t strides[3] = {12, 20, 1};
  r.fn(args, strides, 1, r.data);
  CHECK(out == 1);
}

TEST_CASE("C ABI: string comparison ufuncs and byte-swapped out=", "[dtype][capi][registry]") {
  // S arrays of different widths: trailing NULs ignored, bytes unsigned.
  const char s3[] = "ab\0b\0\0\xff\0\0";   // "ab", "b", "\xff"
  const char s2[] = "ab" "bc" "\x01\0";     // "ab", "bc", "\x01"
  Handle x, y, r;
  from_bytes("S3", s3, 3, x.out());
  from_bytes("S2", s2, 3, y.out());
  REQUIRE(cnp_equal(x, y, nullptr, r.out()) == CNP_OK);
  CHECK(bools(r, 3) == std::vector<int>{1, 0, 0});
  Handle lt;
  REQUIRE(cnp_less(x, y, nullptr, lt.out()) == CNP_OK);
  CHECK(bools(lt, 3) == std::vector<int>{0, 1, 0});
  // U against S: NumPy's dispatch error.
  const char32_t u[3] = {U'a', U'b', U'c'};
  Handle w, bad;
  from_bytes("U1", u, 3, w.out());
  CHECK(cnp_equal(w, x, nullptr, bad.out()) == CNP_ERR_TYPE);
  CHECK(std::string(cnp_last_error()) ==
        "ufunc 'equal' did not contain a loop with signature matching types (<class 'numpy.dtype[str_]'>, "
        "<class 'numpy.dtype[bytes_]'>) -> None");
  CHECK(bad.h == nullptr);
  // A byte-swapped out= array gets the values (swapped back), and a failing call leaves it alone.
  const double v[3] = {1.5, -2.0, 4.0};
  Handle f, o;
  from_bytes("f8", v, 3, f.out());
  const double big_zero[3] = {0, 0, 0};
  from_bytes(">f8", big_zero, 3, o.out());
  cnp_ufunc_args args = CNP_UFUNC_ARGS_INIT;
  args.out[0] = o;
  Handle res;
  REQUIRE(cnp_add(f, f, &args, res.out()) == CNP_OK);
  CHECK(res.h == o.h);
  unsigned char raw[8];
  const int64_t idx[] = {0};
  REQUIRE(cnp_array_getitem_bytes(o, 1, idx, raw, 8) == CNP_OK);
  CHECK(raw[0] == 0x40);  // 3.0 big-endian: 40 08 00 ...
  CHECK(raw[1] == 0x08);
  Handle res2;
  CHECK(cnp_add(f, x, &args, res2.out()) == CNP_ERR_TYPE);
  REQUIRE(cnp_array_getitem_bytes(o, 1, idx, raw, 8) == CNP_OK);
  CHECK(raw[0] == 0x40);
}
