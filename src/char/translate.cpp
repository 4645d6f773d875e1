// str.translate (a table of code points to strings or deletion) and bytes.translate (a 256-byte
// table and deletechars); the result keeps a's dtype (cut to its width, as NumPy stores it).
#include <algorithm>
#include <unordered_map>

#include "char/char.hpp"

namespace cnp::chr {

namespace {

// A new array of a's dtype whose every element is f(a's element text) into r (empty on entry).
template <class F>
Array each_text(const Array& a, F f) {
  const Shape s = broadcast_of({&a});
  Array out = new_output(a.dtype(), s);
  const Layout la = layout_of(a.dtype());
  for_each_element({&a, &out}, s, [&](char* const* p, Scratch& sc) {
    Text &t = sc.t[0], &r = sc.t[1];
    load(p[0], la, t);
    r.clear();
    f(t, r);
    store(p[1], la, r);
  });
  return out;
}

}  // namespace

Array translate(const Array& a, const Array& keys_in, const Array& values, const Array& deleted) {
  string_array(a);
  const int64_t n = keys_in.ndim() == 1 ? keys_in.shape(0) : -1;
  if (n < 0 || !is_string(values.dtype()) || values.ndim() != 1 || values.shape(0) != n || deleted.ndim() != 1 ||
      deleted.shape(0) != n || deleted.dtype()->kind != 'b')
    throw Error(CNP_ERR_VALUE, "translate: keys, values and deleted must be 1-D arrays of one length");
  const Array keys = int_array(keys_in, "translate: keys must be integers");
  std::unordered_map<char32_t, int64_t> where;
  for (int64_t i = 0; i < n; ++i)  // the first entry wins, like a dict built in order
    where.emplace(static_cast<char32_t>(get_int(keys.data() + i * keys.stride(0))), i);
  std::vector<bool> gone(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) gone[static_cast<size_t>(i)] = deleted.data()[i * deleted.stride(0)] != 0;
  std::vector<Text> repl(static_cast<size_t>(n));
  const Layout lv = layout_of(values.dtype());
  for (int64_t i = 0; i < n; ++i) load(values.data() + i * values.stride(0), lv, repl[static_cast<size_t>(i)]);
  return each_text(a, [&](const Text& t, Text& r) {
    for (char32_t c : t) {
      auto it = where.find(c);
      if (it == where.end()) r.push_back(c);
      else if (!gone[static_cast<size_t>(it->second)]) r += repl[static_cast<size_t>(it->second)];
    }
  });
}

Array translate_bytes(const Array& a, const uint8_t* table, const uint8_t* deletechars, int64_t ndelete) {
  string_array(a);
  if (a.dtype()->kind != 'S') throw Error(CNP_ERR_TYPE, "translate_bytes needs an S array");
  if (ndelete < 0 || (ndelete > 0 && !deletechars)) throw Error(CNP_ERR_VALUE, "deletechars is NULL");
  bool del[256] = {};
  for (int64_t i = 0; i < ndelete; ++i) del[deletechars[i]] = true;
  return each_text(a, [&](const Text& t, Text& r) {
    for (char32_t c : t)
      if (!del[c]) r.push_back(table ? table[c] : c);
  });
}

}  // namespace cnp::chr
