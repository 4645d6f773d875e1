// compare_chararrays (numpy.char.equal ... less): NumPy's string comparison with optional
// removal of trailing whitespace first (NumPy strips NULs and ASCII whitespace, for U too).
#include <cstring>

#include "char/char.hpp"
#include "char/chars.hpp"

namespace cnp::chr {

Array compare(const Array& a, const Array& b, const char* op, bool rstrip) {
  if (!is_string(a.dtype()) || !is_string(b.dtype())) throw Error(CNP_ERR_TYPE, "comparison of non-string arrays");
  int which = -1;
  static const char* const ops[] = {"==", "!=", "<", "<=", ">", ">="};
  for (int i = 0; op && i < 6; ++i)
    if (std::strcmp(op, ops[i]) == 0) which = i;
  if (which < 0) throw Error(CNP_ERR_VALUE, "comparison must be '==', '!=', '<', '>', '<=', '>='");
  // NumPy returns NotImplemented for S against U (the Python layer hands that back).
  if (a.dtype()->kind != b.dtype()->kind) throw Error(CNP_ERR_NOT_IMPLEMENTED, "NotImplemented");
  const Array* ops2[] = {&a, &b};
  Shape s;
  s.nd = broadcast_shape(2, ops2, s.dims, BroadcastError::Ufunc);
  Array out = new_output(builtin_dtype(CNP_BOOL), s);
  const Layout la = layout_of(a.dtype()), lb = layout_of(b.dtype());
  for_each_element({&a, &b, &out}, s, [&](char* const* p, Scratch& sc) {
    Text &x = sc.t[0], &y = sc.t[1];
    load(p[0], la, x);
    load(p[1], lb, y);
    if (rstrip) {
      while (!x.empty() && (x.back() == 0 || ascii_space(x.back()))) x.pop_back();
      while (!y.empty() && (y.back() == 0 || ascii_space(y.back()))) y.pop_back();
    }
    const int c = x.compare(y);
    bool r = false;
    switch (which) {
      case 0: r = c == 0; break;
      case 1: r = c != 0; break;
      case 2: r = c < 0; break;
      case 3: r = c <= 0; break;
      case 4: r = c > 0; break;
      case 5: r = c >= 0; break;
    }
    *p[2] = static_cast<char>(r);
  });
  return out;
}

}  // namespace cnp::chr
