// C entry points of include/cnumpy/char.h (numpy.char): validate handles, call src/char. The
// string functions take arrays of every descriptor as they are (any_array_of): byte-swapped U
// arrays are read in place and the engine refuses non-strings with NumPy's messages.
#include "cnumpy/char.h"

#include "capi/guard.hpp"
#include "char/char.hpp"

using namespace cnp;
using namespace cnp::capi;
namespace ch = cnp::chr;

namespace {
// An optional argument (NULL: Python's None).
const Array* opt(const cnp_array* h) { return h ? &any_array_of(h) : nullptr; }
}  // namespace

extern "C" {

CNP_API cnp_status cnp_char_upper(const cnp_array* a, cnp_array** out) {
  return produce(out, [&] { return ch::change_case(any_array_of(a), ch::Case::upper); });
}

CNP_API cnp_status cnp_char_lower(const cnp_array* a, cnp_array** out) {
  return produce(out, [&] { return ch::change_case(any_array_of(a), ch::Case::lower); });
}

CNP_API cnp_status cnp_char_swapcase(const cnp_array* a, cnp_array** out) {
  return produce(out, [&] { return ch::change_case(any_array_of(a), ch::Case::swapcase); });
}

CNP_API cnp_status cnp_char_capitalize(const cnp_array* a, cnp_array** out) {
  return produce(out, [&] { return ch::change_case(any_array_of(a), ch::Case::capitalize); });
}

CNP_API cnp_status cnp_char_title(const cnp_array* a, cnp_array** out) {
  return produce(out, [&] { return ch::change_case(any_array_of(a), ch::Case::title); });
}

CNP_API cnp_status cnp_char_isalnum(const cnp_array* a, cnp_array** out) {
  return produce(out, [&] { return ch::classify(any_array_of(a), ch::Class::alnum); });
}

CNP_API cnp_status cnp_char_isalpha(const cnp_array* a, cnp_array** out) {
  return produce(out, [&] { return ch::classify(any_array_of(a), ch::Class::alpha); });
}

CNP_API cnp_status cnp_char_isdecimal(const cnp_array* a, cnp_array** out) {
  return produce(out, [&] { return ch::classify(any_array_of(a), ch::Class::decimal); });
}

CNP_API cnp_status cnp_char_isdigit(const cnp_array* a, cnp_array** out) {
  return produce(out, [&] { return ch::classify(any_array_of(a), ch::Class::digit); });
}

CNP_API cnp_status cnp_char_islower(const cnp_array* a, cnp_array** out) {
  return produce(out, [&] { return ch::classify(any_array_of(a), ch::Class::lower); });
}

CNP_API cnp_status cnp_char_isnumeric(const cnp_array* a, cnp_array** out) {
  return produce(out, [&] { return ch::classify(any_array_of(a), ch::Class::numeric); });
}

CNP_API cnp_status cnp_char_isspace(const cnp_array* a, cnp_array** out) {
  return produce(out, [&] { return ch::classify(any_array_of(a), ch::Class::space); });
}

CNP_API cnp_status cnp_char_istitle(const cnp_array* a, cnp_array** out) {
  return produce(out, [&] { return ch::classify(any_array_of(a), ch::Class::title); });
}

CNP_API cnp_status cnp_char_isupper(const cnp_array* a, cnp_array** out) {
  return produce(out, [&] { return ch::classify(any_array_of(a), ch::Class::upper); });
}

CNP_API cnp_status cnp_char_str_len(const cnp_array* a, cnp_array** out) {
  return produce(out, [&] { return ch::str_len(any_array_of(a)); });
}

CNP_API cnp_status cnp_char_count(const cnp_array* a, const cnp_array* sub, const cnp_array* start, const cnp_array* end,
                                 cnp_array** out) {
  return produce(out, [&] { return ch::find(any_array_of(a), any_array_of(sub), any_array_of(start), opt(end), ch::Find::count); });
}

CNP_API cnp_status cnp_char_find(const cnp_array* a, const cnp_array* sub, const cnp_array* start, const cnp_array* end,
                                 cnp_array** out) {
  return produce(out, [&] { return ch::find(any_array_of(a), any_array_of(sub), any_array_of(start), opt(end), ch::Find::find); });
}

CNP_API cnp_status cnp_char_rfind(const cnp_array* a, const cnp_array* sub, const cnp_array* start, const cnp_array* end,
                                 cnp_array** out) {
  return produce(out, [&] { return ch::find(any_array_of(a), any_array_of(sub), any_array_of(start), opt(end), ch::Find::rfind); });
}

CNP_API cnp_status cnp_char_index(const cnp_array* a, const cnp_array* sub, const cnp_array* start, const cnp_array* end,
                                 cnp_array** out) {
  return produce(out, [&] { return ch::find(any_array_of(a), any_array_of(sub), any_array_of(start), opt(end), ch::Find::index); });
}

CNP_API cnp_status cnp_char_rindex(const cnp_array* a, const cnp_array* sub, const cnp_array* start, const cnp_array* end,
                                 cnp_array** out) {
  return produce(out, [&] { return ch::find(any_array_of(a), any_array_of(sub), any_array_of(start), opt(end), ch::Find::rindex); });
}

CNP_API cnp_status cnp_char_startswith(const cnp_array* a, const cnp_array* prefix, const cnp_array* start, const cnp_array* end,
                                 cnp_array** out) {
  return produce(out, [&] { return ch::starts_with(any_array_of(a), any_array_of(prefix), any_array_of(start), opt(end), false); });
}

CNP_API cnp_status cnp_char_endswith(const cnp_array* a, const cnp_array* prefix, const cnp_array* start, const cnp_array* end,
                                 cnp_array** out) {
  return produce(out, [&] { return ch::starts_with(any_array_of(a), any_array_of(prefix), any_array_of(start), opt(end), true); });
}

CNP_API cnp_status cnp_char_strip(const cnp_array* a, const cnp_array* chars, cnp_array** out) {
  return produce(out, [&] { return ch::strip(any_array_of(a), opt(chars), ch::Side::both); });
}

CNP_API cnp_status cnp_char_lstrip(const cnp_array* a, const cnp_array* chars, cnp_array** out) {
  return produce(out, [&] { return ch::strip(any_array_of(a), opt(chars), ch::Side::left); });
}

CNP_API cnp_status cnp_char_rstrip(const cnp_array* a, const cnp_array* chars, cnp_array** out) {
  return produce(out, [&] { return ch::strip(any_array_of(a), opt(chars), ch::Side::right); });
}

CNP_API cnp_status cnp_char_center(const cnp_array* a, const cnp_array* width, const cnp_array* fillchar, cnp_array** out) {
  return produce(out, [&] { return ch::justify(any_array_of(a), any_array_of(width), any_array_of(fillchar), ch::Side::both); });
}

CNP_API cnp_status cnp_char_ljust(const cnp_array* a, const cnp_array* width, const cnp_array* fillchar, cnp_array** out) {
  return produce(out, [&] { return ch::justify(any_array_of(a), any_array_of(width), any_array_of(fillchar), ch::Side::left); });
}

CNP_API cnp_status cnp_char_rjust(const cnp_array* a, const cnp_array* width, const cnp_array* fillchar, cnp_array** out) {
  return produce(out, [&] { return ch::justify(any_array_of(a), any_array_of(width), any_array_of(fillchar), ch::Side::right); });
}

CNP_API cnp_status cnp_char_zfill(const cnp_array* a, const cnp_array* width, cnp_array** out) {
  return produce(out, [&] { return ch::zfill(any_array_of(a), any_array_of(width)); });
}

CNP_API cnp_status cnp_char_expandtabs(const cnp_array* a, const cnp_array* tabsize, cnp_array** out) {
  return produce(out, [&] { return ch::expandtabs(any_array_of(a), any_array_of(tabsize)); });
}

CNP_API cnp_status cnp_char_replace(const cnp_array* a, const cnp_array* old, const cnp_array* repl, const cnp_array* count,
                                 cnp_array** out) {
  return produce(out, [&] { return ch::replace(any_array_of(a), any_array_of(old), any_array_of(repl), opt(count)); });
}

CNP_API cnp_status cnp_char_add(const cnp_array* x1, const cnp_array* x2, cnp_array** out) {
  return produce(out, [&] { return ch::add(any_array_of(x1), any_array_of(x2)); });
}

CNP_API cnp_status cnp_char_multiply(const cnp_array* a, const cnp_array* i, cnp_array** out) {
  return produce(out, [&] { return ch::multiply(any_array_of(a), any_array_of(i)); });
}

CNP_API cnp_status cnp_char_join(const cnp_array* sep, const cnp_array* seq, cnp_array** out) {
  return produce(out, [&] { return ch::join(any_array_of(sep), any_array_of(seq)); });
}

CNP_API cnp_status cnp_char_mod(const cnp_array* a, const cnp_array* values, cnp_array** out) {
  return produce(out, [&] { return ch::mod(any_array_of(a), any_array_of(values)); });
}

CNP_API cnp_status cnp_char_partition(const cnp_array* a, const cnp_array* sep, cnp_array** out) {
  return produce(out, [&] { return ch::partition(any_array_of(a), any_array_of(sep), false); });
}

CNP_API cnp_status cnp_char_rpartition(const cnp_array* a, const cnp_array* sep, cnp_array** out) {
  return produce(out, [&] { return ch::partition(any_array_of(a), any_array_of(sep), true); });
}

CNP_API cnp_status cnp_char_split(const cnp_array* a, const cnp_array* sep, const cnp_array* maxsplit, cnp_array** pieces,
                                 cnp_array** counts) {
  return produce({Result{pieces}, Result{counts}}, [&](std::array<std::optional<Array>, 2>& r) {
    Array p, c;
    ch::split(any_array_of(a), opt(sep), opt(maxsplit), false, p, c);
    r[0] = std::move(p);
    r[1] = std::move(c);
  });
}

CNP_API cnp_status cnp_char_rsplit(const cnp_array* a, const cnp_array* sep, const cnp_array* maxsplit, cnp_array** pieces,
                                 cnp_array** counts) {
  return produce({Result{pieces}, Result{counts}}, [&](std::array<std::optional<Array>, 2>& r) {
    Array p, c;
    ch::split(any_array_of(a), opt(sep), opt(maxsplit), true, p, c);
    r[0] = std::move(p);
    r[1] = std::move(c);
  });
}

CNP_API cnp_status cnp_char_splitlines(const cnp_array* a, const cnp_array* keepends, cnp_array** pieces, cnp_array** counts) {
  return produce({Result{pieces}, Result{counts}}, [&](std::array<std::optional<Array>, 2>& r) {
    Array p, c;
    ch::splitlines(any_array_of(a), opt(keepends), p, c);
    r[0] = std::move(p);
    r[1] = std::move(c);
  });
}

CNP_API cnp_status cnp_char_compare(const cnp_array* a, const cnp_array* b, const char* cmp, int32_t rstrip, cnp_array** out) {
  return produce(out, [&] { return ch::compare(any_array_of(a), any_array_of(b), cmp, rstrip != 0); });
}

CNP_API cnp_status cnp_char_equal(const cnp_array* x1, const cnp_array* x2, cnp_array** out) {
  return produce(out, [&] { return ch::compare(any_array_of(x1), any_array_of(x2), "==", true); });
}

CNP_API cnp_status cnp_char_not_equal(const cnp_array* x1, const cnp_array* x2, cnp_array** out) {
  return produce(out, [&] { return ch::compare(any_array_of(x1), any_array_of(x2), "!=", true); });
}

CNP_API cnp_status cnp_char_less(const cnp_array* x1, const cnp_array* x2, cnp_array** out) {
  return produce(out, [&] { return ch::compare(any_array_of(x1), any_array_of(x2), "<", true); });
}

CNP_API cnp_status cnp_char_less_equal(const cnp_array* x1, const cnp_array* x2, cnp_array** out) {
  return produce(out, [&] { return ch::compare(any_array_of(x1), any_array_of(x2), "<=", true); });
}

CNP_API cnp_status cnp_char_greater(const cnp_array* x1, const cnp_array* x2, cnp_array** out) {
  return produce(out, [&] { return ch::compare(any_array_of(x1), any_array_of(x2), ">", true); });
}

CNP_API cnp_status cnp_char_greater_equal(const cnp_array* x1, const cnp_array* x2, cnp_array** out) {
  return produce(out, [&] { return ch::compare(any_array_of(x1), any_array_of(x2), ">=", true); });
}

CNP_API cnp_status cnp_char_encode(const cnp_array* a, const char* encoding, const char* errors, cnp_array** out) {
  return produce(out, [&] { return ch::encode(any_array_of(a), encoding, errors); });
}

CNP_API cnp_status cnp_char_decode(const cnp_array* a, const char* encoding, const char* errors, cnp_array** out) {
  return produce(out, [&] { return ch::decode(any_array_of(a), encoding, errors); });
}

CNP_API cnp_status cnp_char_translate(const cnp_array* a, const cnp_array* keys, const cnp_array* values,
                                      const cnp_array* deleted, cnp_array** out) {
  return produce(out, [&] {
    return ch::translate(any_array_of(a), any_array_of(keys), any_array_of(values), any_array_of(deleted));
  });
}

CNP_API cnp_status cnp_char_translate_bytes(const cnp_array* a, const char* table, const char* deletechars,
                                            int64_t ndelete, cnp_array** out) {
  return produce(out, [&] {
    return ch::translate_bytes(any_array_of(a), reinterpret_cast<const uint8_t*>(table),
                               reinterpret_cast<const uint8_t*>(deletechars), ndelete);
  });
}

}  // extern "C"
