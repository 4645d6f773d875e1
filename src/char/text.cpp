// The argument checks and output allocation shared by the numpy.char functions (text.hpp).
#include "char/text.hpp"

#include "core/cast.hpp"

namespace cnp::chr {

const Array& string_array(const Array& a) {
  if (!is_string(a.dtype())) throw Error(CNP_ERR_TYPE, "string operation on non-string array");
  return a;
}

Array int_array(const Array& a, const char* message) {
  const Dtype* d = a.dtype();
  if (d->kind != 'i' && d->kind != 'u') throw Error(CNP_ERR_TYPE, message);
  if (d->typenum == CNP_INT64 && !d->swapped) return a;
  return cast_copy(a, builtin_dtype(CNP_INT64), CNP_ORDER_K);
}

std::string scalar_type_name(const Dtype* d) {
  if (d->kind == 'S') return "numpy.bytes_";
  if (d->kind == 'U') return "numpy.str_";
  if (d->kind == 'b') return "numpy.bool_";
  return "numpy." + d->name;
}

void check_str_arg(const Array& a, const Array& arg, const char* message) {
  if (a.dtype()->kind != 'U' || arg.dtype()->kind == 'U') return;
  std::string m = message;
  const size_t at = m.find("%s");
  if (at != std::string::npos) m.replace(at, 2, scalar_type_name(arg.dtype()));
  throw Error(CNP_ERR_TYPE, m);
}

Shape broadcast_of(std::initializer_list<const Array*> ops) {
  Shape s;
  std::vector<const Array*> v(ops);
  s.nd = broadcast_shape(static_cast<int>(v.size()), v.data(), s.dims);
  return s;
}

Array new_output(const Dtype* dtype, const Shape& s) {
  return Array::allocate(dtype, s.nd, s.dims, CNP_ORDER_C);
}

DtypeRef string_dtype(bool unicode, int64_t width, char order) {
  return make_flexible(unicode ? 'U' : 'S', width, order);
}

}  // namespace cnp::chr
