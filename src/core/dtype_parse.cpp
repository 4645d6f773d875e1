// Parsing NumPy's dtype strings (NumPy 1.24's _convert_from_str and _commastring): type names and
// codes with an optional byte order, sized kinds ("U10", "S3", "V8", "f8"), datetime metadata
// ("M8[25s]", "datetime64[D]") and comma-separated records ("i4, (2,3)f8, S3").
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/dtype.hpp"
#include "core/error.hpp"
#include "core/objects.hpp"

namespace cnp {

// NumPy's 'c': an S1 whose type character is 'c' (equal to S1 in every other respect); built in
// dtype_make.cpp, declared here only (its one caller).
DtypeRef make_char();

namespace {

struct Alias {
  std::string_view text;
  int32_t typenum;
};

// NumPy's names and codes for the builtin types (numpy.sctypeDict; native byte order).
constexpr Alias kAliases[] = {
    {"bool", CNP_BOOL}, {"?", CNP_BOOL}, {"b1", CNP_BOOL}, {"bool_", CNP_BOOL}, {"bool8", CNP_BOOL},
    {"int8", CNP_INT8}, {"i1", CNP_INT8}, {"b", CNP_INT8}, {"byte", CNP_INT8},
    {"uint8", CNP_UINT8}, {"u1", CNP_UINT8}, {"B", CNP_UINT8}, {"ubyte", CNP_UINT8},
    {"int16", CNP_INT16}, {"i2", CNP_INT16}, {"h", CNP_INT16}, {"short", CNP_INT16},
    {"uint16", CNP_UINT16}, {"u2", CNP_UINT16}, {"H", CNP_UINT16}, {"ushort", CNP_UINT16},
    {"int32", CNP_INT32}, {"i4", CNP_INT32}, {"i", CNP_INT32}, {"intc", CNP_INT32},
    {"uint32", CNP_UINT32}, {"u4", CNP_UINT32}, {"I", CNP_UINT32}, {"uintc", CNP_UINT32},
    {"int64", CNP_INT64}, {"i8", CNP_INT64}, {"l", CNP_INT64}, {"q", CNP_INT64}, {"int", CNP_INT64},
    {"int_", CNP_INT64}, {"intp", CNP_INT64}, {"p", CNP_INT64}, {"long", CNP_INT64}, {"longlong", CNP_INT64},
    {"int0", CNP_INT64},
    {"uint64", CNP_UINT64}, {"u8", CNP_UINT64}, {"L", CNP_UINT64}, {"Q", CNP_UINT64}, {"uint", CNP_UINT64},
    {"uintp", CNP_UINT64}, {"P", CNP_UINT64}, {"ulong", CNP_UINT64}, {"ulonglong", CNP_UINT64}, {"uint0", CNP_UINT64},
    {"float16", CNP_FLOAT16}, {"f2", CNP_FLOAT16}, {"e", CNP_FLOAT16}, {"half", CNP_FLOAT16},
    {"float32", CNP_FLOAT32}, {"f4", CNP_FLOAT32}, {"f", CNP_FLOAT32}, {"single", CNP_FLOAT32},
    {"float64", CNP_FLOAT64}, {"f8", CNP_FLOAT64}, {"d", CNP_FLOAT64}, {"float", CNP_FLOAT64},
    {"double", CNP_FLOAT64}, {"float_", CNP_FLOAT64},
    {"complex64", CNP_COMPLEX64}, {"c8", CNP_COMPLEX64}, {"F", CNP_COMPLEX64}, {"csingle", CNP_COMPLEX64},
    {"singlecomplex", CNP_COMPLEX64},
    {"complex128", CNP_COMPLEX128}, {"c16", CNP_COMPLEX128}, {"D", CNP_COMPLEX128}, {"complex", CNP_COMPLEX128},
    {"cdouble", CNP_COMPLEX128}, {"complex_", CNP_COMPLEX128}, {"cfloat", CNP_COMPLEX128},
};

// Unsized flexible kinds by name (numpy.sctypeDict): S0, U0, V0, generic datetimes.
struct KindAlias {
  std::string_view text;
  char kind;
};
constexpr KindAlias kKindAliases[] = {
    {"S", 'S'}, {"a", 'S'}, {"bytes", 'S'}, {"bytes0", 'S'}, {"bytes_", 'S'}, {"string_", 'S'},
    {"U", 'U'}, {"str", 'U'}, {"str0", 'U'}, {"str_", 'U'}, {"unicode", 'U'}, {"unicode_", 'U'},
    {"V", 'V'}, {"void", 'V'}, {"void0", 'V'},
};

// Spellings NumPy accepts for dtypes outside cnumpy's scope (object, long double).
bool numpy_knows_but_unsupported(std::string_view s) {
  for (std::string_view t : {"O", "object", "object0", "object_", "g", "G", "f16", "c32", "longdouble",
                             "clongdouble", "float128", "complex256", "longfloat", "clongfloat", "longcomplex"})
    if (s == t) return true;
  return false;
}

[[noreturn]] void not_understood(std::string_view spec) { throw_type("data type " + py_repr(std::string(spec)) + " not understood"); }

bool is_order(char c) { return c == '<' || c == '>' || c == '|' || c == '='; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// NumPy's _check_for_commastring: a leading count/shape or a comma outside [] brackets.
bool is_commastring(std::string_view t) {
  size_t len = t.size();
  if (len == 0) return false;
  if (is_digit(t[0]) || (len > 1 && is_order(t[0]) && is_digit(t[1]))) return true;
  if ((len > 1 && t[0] == '(' && t[1] == ')') || (len > 3 && is_order(t[0]) && t[1] == '(' && t[2] == ')')) return true;
  int sq = 0;
  for (char c : t) {
    if (c == ',' && sq == 0) return true;
    if (c == '[') ++sq;
    if (c == ']') --sq;
  }
  return false;
}

// NumPy's convert_datetime_divisor_to_multiple: [count unit / den] becomes a multiple of the
// first of a few finer units that den divides (M/3 -> 10D: a month counts 30 days here, as in
// NumPy's table). Returns the new count and sets *unit. NumPy's table makes W/11 a 0-year unit
// and a negative divisor a negative multiplier (and crashes on 0); those are refused here with
// its divisor message.
int64_t divide_datetime_unit(int32_t* unit, int64_t count, int64_t den, const std::string& meta) {
  struct Row {
    int n;
    int64_t factor[3];
    int32_t finer[3];
  };
  const int32_t u = *unit;
  Row row{};
  switch (u) {
    case kUnitY: row = {3, {12, 52, 365}, {kUnitM, kUnitW, kUnitD}}; break;
    case kUnitM: row = {3, {4, 30, 720}, {kUnitW, kUnitD, kUnith}}; break;
    case kUnitW: row = {3, {7, 168, 10080}, {kUnitD, kUnith, kUnitm}}; break;
    case kUnitD: row = {3, {24, 1440, 86400}, {kUnith, kUnitm, kUnits}}; break;
    case kUnith: row = {2, {60, 3600, 0}, {kUnitm, kUnits, 0}}; break;
    case kUnitm: row = {2, {60, 60000, 0}, {kUnits, kUnitms, 0}}; break;
    default: row = {u == kUnitas ? 0 : u == kUnitfs ? 1 : 2, {1000, 1000000, 0}, {u + 1, u + 2, 0}}; break;
  }
  for (int k = 0; den > 0 && k < row.n; ++k) {
    if (row.factor[k] % den != 0) continue;
    const int64_t q = row.factor[k] / den;
    if (count * q > INT_MAX) throw_type("Invalid datetime metadata string \"" + meta + "\"");
    *unit = row.finer[k];
    return count * q;
  }
  throw_value("divisor (" + std::to_string(den) + ") is not a multiple of a lower-unit in datetime metadata \"" + meta + "\"");
}

// "[25s]" -> unit and count (NumPy's parse_datetime_metadata_from_metastr messages).
void parse_datetime_meta(std::string_view meta, int32_t* unit, int64_t* count) {
  *unit = kUnitGeneric;
  *count = 1;
  if (meta.empty()) return;
  std::string m(meta);
  if (meta.front() != '[' || meta.back() != ']' || meta.size() < 3)
    throw_type("Invalid datetime metadata string \"" + m + "\"");
  std::string_view body = meta.substr(1, meta.size() - 2);
  size_t i = 0;
  int64_t n = 0;
  bool digits = false;
  while (i < body.size() && is_digit(body[i])) {
    digits = true;
    n = n * 10 + (body[i] - '0');
    if (n > INT_MAX) throw_type("Invalid datetime metadata string \"" + m + "\"");
    ++i;
  }
  std::string_view u = body.substr(i);
  const size_t slash = u.find('/');
  std::string_view unit_text = u.substr(0, slash);
  if (unit_text.empty()) throw_type("Invalid datetime metadata string \"" + m + "\" at position " + std::to_string(i + 1));
  int32_t unit_num = datetime_unit_from(unit_text);
  if (unit_num < 0 || unit_num == kUnitGeneric) throw_type("Invalid datetime unit in metadata string \"" + m + "\"");
  if (digits && n == 0) throw_type("Invalid datetime metadata string \"" + m + "\"");
  *unit = unit_num;
  *count = digits ? n : 1;
  if (slash == std::string_view::npos) return;
  // "[2M/3]": a divisor (strtol's syntax: spaces, a sign, digits), turned into a multiple of a
  // finer unit as NumPy does.
  const size_t den_at = i + slash + 1;  // position in `body`; the message counts from '['
  std::string_view den_text = body.substr(den_at);
  size_t k = 0;
  while (k < den_text.size() && (den_text[k] == ' ' || (den_text[k] >= '\t' && den_text[k] <= '\r'))) ++k;
  bool neg = k < den_text.size() && (den_text[k] == '-' || den_text[k] == '+') && den_text[k++] == '-';
  const size_t first_digit = k;
  int64_t den = 0;
  while (k < den_text.size() && is_digit(den_text[k])) {
    den = std::min<int64_t>(den * 10 + (den_text[k] - '0'), int64_t{1} << 40);
    ++k;
  }
  if (k == first_digit || k != den_text.size())
    throw_type("Invalid datetime metadata string \"" + m + "\" at position " + std::to_string(den_at + 1));
  if (neg) den = -den;
  if (den != 1) *count = divide_datetime_unit(unit, *count, den, m);
}

// "M8", "m8[s]", "datetime64[D]", "timedelta64": the datetime spellings (body without order).
bool parse_datetime(std::string_view t, char order, DtypeRef* out) {
  char kind;
  std::string_view rest;
  if (t.substr(0, 2) == "M8" || t.substr(0, 2) == "m8") {
    kind = t[0];
    rest = t.substr(2);
  } else if (t.substr(0, 10) == "datetime64") {
    kind = 'M';
    rest = t.substr(10);
  } else if (t.substr(0, 11) == "timedelta64") {
    kind = 'm';
    rest = t.substr(11);
  } else {
    return false;
  }
  if (!rest.empty() && rest[0] != '[') return false;
  int32_t unit;
  int64_t count;
  parse_datetime_meta(rest, &unit, &count);
  *out = make_datetime(kind, unit, count, order);
  return true;
}

DtypeRef parse_commastring(std::string_view spec);

// One non-comma string (NumPy's _convert_from_str after the comma check).
DtypeRef parse_single(std::string_view spec) {
  std::string_view t = spec;
  char order = '=';
  if (t.size() > 1 && is_order(t[0])) {
    order = t[0] == '|' ? '=' : t[0];
    t.remove_prefix(1);
  }
  DtypeRef dt;
  if (parse_datetime(t, order, &dt)) return dt;
  if (t.size() == 1 && (t[0] == 'M' || t[0] == 'm')) return make_datetime(t[0], kUnitGeneric, 1, order);
  if (t == "c") return make_char();  // NumPy's one-character string: S1 with char 'c'

  if (t.size() > 1 && !is_digit(t[0])) {
    // kind + size: "f8", "U10", "S3", "V8"
    std::string_view num = t.substr(1);
    bool all_digits = !num.empty();
    for (char c : num) all_digits &= is_digit(c);
    if (all_digits) {
      errno = 0;
      std::string n(num);
      char* end = nullptr;
      long long width = std::strtoll(n.c_str(), &end, 10);
      if (errno == 0 && *end == '\0' && width >= INT_MIN && width <= INT_MAX) {
        char k = t[0];
        if (k == 'S' || k == 'a' || k == 'U' || k == 'V') {
          if (width < 0) not_understood(spec);  // NumPy 1.24 accepts 'U-1' (a bug): refused here
          return make_flexible(k == 'a' ? 'S' : k, width, order);
        }
      }
    }
  }
  // With a byte-order prefix only codes and kind+size spellings are read; names go to NumPy's
  // type dictionary with the prefix included, where they are not found ('>float64').
  bool coded = t.size() == 1 || (std::isalpha(static_cast<unsigned char>(t[0])) &&
                                 std::all_of(t.begin() + 1, t.end(), [](char c) { return is_digit(c); }));
  if (t.size() != spec.size() && !coded) not_understood(spec);
  for (const Alias& a : kAliases)
    if (a.text == t) return with_byteorder(builtin_dtype(a.typenum), order);
  for (const KindAlias& a : kKindAliases)
    if (a.text == t) return make_flexible(a.kind, 0, order);
  // The object dtype: with a byte order only the code ('>O'), as NumPy ('>object' is not understood).
  if (t == "O" || t == "O4" || t == "O8" || (t.size() == spec.size() && (t == "object" || t == "object0" || t == "object_")))
    return DtypeRef::borrow(object_dtype());
  if (numpy_knows_but_unsupported(t)) {
    throw Error(CNP_ERR_NOT_IMPLEMENTED, "data type '" + std::string(spec) + "' is not supported by cnumpy yet");
  }
  not_understood(spec);
}

// One item of a comma string (NumPy's format_re): [order] [repeats/shape] [order] type.
struct CommaItem {
  std::string type;
  std::vector<int64_t> shape;
  bool has_shape = false;
  bool is_tuple = false;  // the repeats are a tuple literal ("(3,)", "3,", "()"), not an int
};

constexpr const char* kShapeSyntaxError = "invalid syntax (<unknown>, line 1)";

std::vector<int64_t> parse_repeats(std::string_view r, std::string_view whole) {
  // " 3 ", "(2,3)", "(2,)", "()": Python literal of an int or a tuple of ints.
  std::string s;
  for (char c : r)
    if (c != ' ') s += c;
  std::vector<int64_t> shape;
  bool paren = !s.empty() && s.front() == '(';
  if (paren) {
    if (s.back() != ')') throw_value("format number 1 of \"" + std::string(whole) + "\" is not recognized");
    s = s.substr(1, s.size() - 2);
  }
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(',', i);
    std::string part = s.substr(i, j == std::string::npos ? std::string::npos : j - i);
    // NumPy reads the shape with ast.literal_eval: its SyntaxError (a ValueError in C, which the
    // Python package raises as SyntaxError).
    if (part.empty()) throw Error(CNP_ERR_VALUE, kShapeSyntaxError);
    int64_t v = 0;
    for (char c : part) {
      if (!is_digit(c) || v > (INT64_MAX - 9) / 10)
        throw_value("invalid shape in fixed-type tuple: dtype size in bytes must fit into a C int.");
      v = v * 10 + (c - '0');
    }
    shape.push_back(v);
    if (j == std::string::npos) break;
    i = j + 1;
  }
  return shape;
}

std::vector<CommaItem> split_commastring(std::string_view s) {
  std::vector<CommaItem> items;
  size_t pos = 0;
  auto fail = [&] {
    throw_value("format number " + std::to_string(items.size() + 1) + " of \"" + std::string(s) + "\" is not recognized");
  };
  while (pos < s.size()) {
    size_t p = pos;
    std::string order1, order2;
    if (p < s.size() && is_order(s[p])) order1 = s[p++];
    size_t rs = p;
    while (p < s.size() && s[p] == ' ') ++p;
    if (p < s.size() && s[p] == '(') ++p;
    while (p < s.size() && (s[p] == ' ' || s[p] == ',' || is_digit(s[p]))) ++p;
    if (p < s.size() && s[p] == ')') ++p;
    while (p < s.size() && s[p] == ' ') ++p;
    std::string_view repeats = s.substr(rs, p - rs);
    // format_re's repeats group may swallow a separator comma: give back a trailing ", " run
    // when no type follows the shape-less digits (NumPy's regex backtracks the same way).
    if (p < s.size() && is_order(s[p])) order2 = s[p++];
    size_t ts = p;
    while (p < s.size() && (std::isalnum(static_cast<unsigned char>(s[p])) || s[p] == '.' || s[p] == '?')) ++p;
    if (p < s.size() && s[p] == '[') {
      size_t close = s.find(']', p);
      if (close != std::string_view::npos && close > p + 1) p = close + 1;
    }
    std::string type(s.substr(ts, p - ts));
    if (p == pos) fail();
    pos = p;
    if (pos < s.size()) {
      size_t q = pos;
      while (q < s.size() && std::isspace(static_cast<unsigned char>(s[q]))) ++q;
      if (q == s.size()) {
        pos = q;
      } else {
        if (s[q] != ',') fail();
        ++q;
        while (q < s.size() && std::isspace(static_cast<unsigned char>(s[q]))) ++q;
        pos = q;
      }
    }
    std::string order;
    if (order2.empty()) order = order1;
    else if (order1.empty()) order = order2;
    else {
      char a = order1[0] == '=' ? kNativeOrder : order1[0], b = order2[0] == '=' ? kNativeOrder : order2[0];
      if (a != b) throw_value("inconsistent byte-order specification " + std::string(1, a) + " and " + std::string(1, b));
      order = std::string(1, a);
    }
    if (order == "|" || order == "=" || order == std::string(1, kNativeOrder)) order.clear();
    CommaItem item;
    item.type = order + type;
    std::string rtrim;
    for (char c : repeats)
      if (c != ' ') rtrim += c;
    if (!rtrim.empty()) {
      item.has_shape = true;
      item.is_tuple = rtrim.find(',') != std::string::npos || rtrim == "()";
      item.shape = parse_repeats(repeats, s);
    }
    items.push_back(std::move(item));
  }
  return items;
}

// NumPy's (type, repeats) tuple of a comma-string item: an unsized S/U/V takes an int as its
// size ('3S' is S3, '(2,)3U' two U3), a sized type an int or tuple as its subarray shape; an
// int 1 means the type itself (NumPy 1.24 also warns FutureWarning there: numpy-differences.md).
DtypeRef item_dtype(const CommaItem& it) {
  DtypeRef base = parse_dtype(it.type.c_str());
  if (!it.has_shape) return base;
  const Dtype* b = base.get();
  if (b->itemsize == 0 && (b->kind == 'S' || b->kind == 'U' || b->kind == 'V') && !is_record(b) && !is_subarray(b)) {
    if (it.is_tuple || it.shape.size() != 1 || it.shape[0] > INT_MAX)
      throw_value("invalid itemsize in generic type tuple");
    return make_flexible(b->kind, it.shape[0], b->byteorder);
  }
  if (!it.is_tuple && it.shape.size() == 1 && it.shape[0] == 1) return base;  // (no FutureWarning: docs)
  return make_subarray(b, it.shape);
}

DtypeRef parse_commastring(std::string_view spec) {
  std::vector<CommaItem> items = split_commastring(spec);
  if (items.size() == 1) return item_dtype(items[0]);
  std::vector<FieldSpec> fields;
  for (size_t i = 0; i < items.size(); ++i) {
    FieldSpec f;
    f.name = "f" + std::to_string(i);
    f.dtype = item_dtype(items[i]);
    fields.push_back(std::move(f));
  }
  return make_record(std::move(fields), -1, false);
}

}  // namespace

DtypeRef parse_dtype(const char* spec) {
  std::string_view s(spec);
  if (s.empty()) not_understood(s);
  if (is_commastring(s)) return parse_commastring(s);
  return parse_single(s);
}

}  // namespace cnp
