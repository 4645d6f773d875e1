// Fuzz target: record and subarray dtypes built from parts (cnp_dtype_record, cnp_dtype_subarray:
// numpy.dtype({'names', 'formats', 'offsets', 'titles', 'itemsize'}, align) and (base, shape)),
// the constructors behind the parametric spellings that are not strings. The input is read as
// text lines: "align itemsize", then per field (at most 6) "name offset title format", where
// offset "-" means NULL offsets, title "-" no title, and format any dtype string (itself parsed),
// optionally followed by a subarray shape "(d0,d1,...)". Any input must give CNP_OK or a
// VALUE/TYPE/NOT_IMPLEMENTED error; a built record's fields must lie inside its itemsize, its
// descriptions must exist, and an array of it must be creatable and printable.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "cnumpy/cnumpy.h"
#include "fuzz_target.hpp"

namespace {
[[noreturn]] void fail(const char* why, const std::string& spec) {
  std::fprintf(stderr, "fuzz_record: %s for input \"", why);
  for (unsigned char c : spec) std::fprintf(stderr, c >= 32 && c < 127 ? "%c" : "\\x%02x", c);
  std::fprintf(stderr, "\"\n");
  std::abort();
}

bool acceptable(cnp_status st) {
  return st == CNP_OK || st == CNP_ERR_VALUE || st == CNP_ERR_TYPE || st == CNP_ERR_NOT_IMPLEMENTED ||
         st == CNP_ERR_MEMORY;
}

// "(2,3)" -> {2, 3}; false when the text is not such a tuple.
bool parse_shape(const std::string& t, std::vector<int64_t>& shape) {
  if (t.size() < 2 || t.front() != '(' || t.back() != ')') return false;
  std::stringstream in(t.substr(1, t.size() - 2));
  std::string part;
  while (std::getline(in, part, ',')) {
    if (part.empty()) continue;
    char* end = nullptr;
    const long long v = std::strtoll(part.c_str(), &end, 10);
    if (*end != '\0') return false;
    shape.push_back(v);
  }
  return shape.size() <= 40;
}

// Elements printed for one value of d: subarray shapes (up to a 0 axis) times the elements of
// nested records' fields (saturating at 2**40).
int64_t printed_elements(const cnp_dtype* d, int depth = 0) {
  constexpr int64_t kCap = int64_t(1) << 40;
  int32_t ndim = 0;
  const int64_t* dims = nullptr;
  int64_t count = 1;
  if (cnp_dtype_ndim(d, &ndim) == CNP_OK && cnp_dtype_shape(d, &dims) == CNP_OK)
    for (int32_t k = 0; k < ndim; ++k) {
      // an empty subarray still prints one "[]" per index of the axes before its first 0 (as
      // NumPy's does: shape (10**6, 0) prints a million of them)
      if (dims[k] <= 0) break;
      count = count <= kCap / dims[k] ? count * dims[k] : kCap;
    }
  cnp_dtype* base = nullptr;
  int64_t inner = 1, nfields = 0;
  if (depth < 16 && cnp_dtype_base(d, &base) == CNP_OK && base && cnp_dtype_nfields(base, &nfields) == CNP_OK &&
      nfields > 0) {
    inner = 0;
    for (int64_t i = 0; i < nfields; ++i) {
      cnp_dtype* f = nullptr;
      if (cnp_dtype_field_dtype(base, i, &f) == CNP_OK) inner = std::min(kCap, inner + printed_elements(f, depth + 1));
      cnp_dtype_free(f);
    }
  }
  cnp_dtype_free(base);
  return inner == 0 ? count : (count <= kCap / inner ? count * inner : kCap);
}

struct Field {
  std::string name, title;
  bool has_title = false;
  int64_t offset = 0;
  cnp_dtype* dtype = nullptr;
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string spec(reinterpret_cast<const char*>(data), size);
  std::stringstream lines(spec);
  std::string line;
  long long align = 0, itemsize = -1;
  if (!std::getline(lines, line)) return 0;
  if (std::sscanf(line.c_str(), "%lld %lld", &align, &itemsize) != 2) return 0;
  std::vector<Field> fields;
  bool offsets_given = true;
  // Subarray elements per record (from shapes and "3S"-style prefixes alike): printing is linear
  // in them, and zero-size elements (S0) leave them unbounded by the itemsize, so an array of the
  // record is printed only for records of few elements (NumPy prints subarrays in full too).
  int64_t elements = 0;
  while (fields.size() < 6 && std::getline(lines, line)) {
    std::stringstream words(line);
    std::string name, offset, title, format, shape_text;
    if (!(words >> name >> offset >> title >> format)) break;
    words >> shape_text;
    Field f;
    f.name = name == "''" ? std::string() : name;
    if (offset == "-") offsets_given = false;
    else f.offset = std::strtoll(offset.c_str(), nullptr, 10);
    f.has_title = title != "-";
    f.title = title;
    cnp_dtype* base = nullptr;
    cnp_status st = cnp_dtype_from_string(format.c_str(), &base);
    if (!acceptable(st)) fail("dtype_from_string status", spec);
    if (st != CNP_OK) break;
    std::vector<int64_t> shape;
    if (parse_shape(shape_text, shape)) {
      st = cnp_dtype_subarray(base, int32_t(shape.size()), shape.data(), &f.dtype);
      if (!acceptable(st) || (st != CNP_OK && f.dtype)) fail("dtype_subarray status", spec);
      cnp_dtype_free(base);
      if (st != CNP_OK) break;
    } else {
      f.dtype = base;
    }
    elements = std::min(int64_t(1) << 40, elements + printed_elements(f.dtype));
    fields.push_back(std::move(f));
  }
  std::vector<const char*> names, titles;
  std::vector<const cnp_dtype*> dtypes;
  std::vector<int64_t> offsets;
  for (const Field& f : fields) {
    names.push_back(f.name.c_str());
    titles.push_back(f.has_title ? f.title.c_str() : nullptr);
    dtypes.push_back(f.dtype);
    offsets.push_back(f.offset);
  }
  cnp_dtype* rec = nullptr;
  const cnp_status st = cnp_dtype_record(int64_t(fields.size()), names.data(), dtypes.data(),
                                         offsets_given ? offsets.data() : nullptr, titles.data(), itemsize,
                                         align != 0, &rec);
  if (!acceptable(st) || (st != CNP_OK && rec)) fail("dtype_record status", spec);
  if (st == CNP_OK) {
    int64_t nfields = -1, total = -1;
    if (cnp_dtype_nfields(rec, &nfields) != CNP_OK || nfields != int64_t(fields.size())) fail("nfields", spec);
    if (cnp_dtype_itemsize(rec, &total) != CNP_OK || total < 0) fail("itemsize", spec);
    for (int64_t i = 0; i < nfields; ++i) {
      int64_t off = -1, fsize = -1;
      cnp_dtype* fd = nullptr;
      if (cnp_dtype_field_offset(rec, i, &off) != CNP_OK || cnp_dtype_field_dtype(rec, i, &fd) != CNP_OK)
        fail("field query", spec);
      cnp_dtype_itemsize(fd, &fsize);
      if (off < 0 || fsize < 0 || off > total || fsize > total - off) fail("field outside the record", spec);
      cnp_dtype_free(fd);
    }
    const char *descr = nullptr, *repr = nullptr;
    if (cnp_dtype_descr(rec, &descr) != CNP_OK && cnp_last_status() == CNP_ERR_INTERNAL) fail("descr", spec);
    if (cnp_dtype_repr(rec, &repr) != CNP_OK || !repr) fail("repr", spec);
    // Printing is linear in the elements and bytes: the bounds keep every path of the record
    // printer (fields, nested records, subarrays summarized past the 1000-element threshold, void
    // bytes) while keeping an execution cheap (it was most of the target's time at 640 exec/s).
    if (total <= (int64_t(1) << 12) && elements <= 1100) {
      const int64_t shape[] = {2};
      cnp_array* a = nullptr;
      const cnp_status za = cnp_zeros(1, shape, rec, CNP_ORDER_C, &a);
      if (!acceptable(za)) fail("zeros status", spec);
      char* text = nullptr;
      if (za == CNP_OK) {
        const cnp_status rs = cnp_array_repr(a, &text);
        if (!acceptable(rs)) fail("repr of an array of the record", spec);
        cnp_string_free(text);
      }
      cnp_array_free(a);
    }
    cnp_dtype_free(rec);
  }
  for (Field& f : fields) cnp_dtype_free(f.dtype);
  return 0;
}

namespace fuzz {
const char* const kSeeds[] = {
    "0 -1\na - - i4\nb - - f8\n",
    "1 -1\nx 0 - u1\ny 4 title f4 (2,3)\n",
    "0 24\na 0 - <i2\nb 8 - >c8\n",
    "1 -1\na 0 - i4\nb 1 - i8\n",
    "0 4\na 0 - f8\n",
    "0 -1\na 0 t i4\nb 4 t i4\n",
    "0 -1\na 0 - i4\na 4 - i4\n",
    "0 -1\nm 0 - M8[3D] (2,)\nu 8 - U3\ns 20 - S0\n",
    "1 -1\nv 0 - V7\nq 7 - ?\n",
    "0 -1\n'' 0 - i4 (0,)\n",
};
const size_t kNumSeeds = sizeof kSeeds / sizeof *kSeeds;
const char* const kDict[] = {"\n", " ", "-", "0", "1", "8", "-1", "9223372036854775807", "-9223372036854775808",
                             "4611686018427387904", "2147483647", "(", ")", ",", "i4", "f8", "c16", "S", "U",
                             "V", "M8[ns]", "m8[7W]", "O", "(2,3)", "(-1,)", "(0,)", "title", "a", "b"};
const size_t kNumDict = sizeof kDict / sizeof *kDict;
}  // namespace fuzz
