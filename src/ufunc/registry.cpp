// The ufunc table: names and arities from CNP_UFUNC_LIST, loops from the kernel files, built once.
#include <mutex>

#include "ufunc/ufunc.hpp"

namespace cnp::ufunc {

namespace {
Table& build() {
  static Table table;
  int i = 0;
#define CNP_UFUNC_FILL(nm, ni, no)  \
  table[i].name = #nm;              \
  table[i].nin = ni;                \
  table[i].nout = no;               \
  ++i;
  CNP_UFUNC_LIST(CNP_UFUNC_FILL)
#undef CNP_UFUNC_FILL
  init_arith(table);
  init_math(table);
  init_compare(table);
  init_bitwise(table);
  // NumPy resolves these through promotion + an exact loop, not the safe-cast search, so
  // bool input is an error rather than an int8 result.
  for (Id id : {Id::positive, Id::sign, Id::gcd, Id::lcm}) table[static_cast<int>(id)].resolver = Resolver::Uniform;
  return table;
}
}  // namespace

const Ufunc& get(Id id) {
  static Table& table = build();  // C++ guarantees one thread-safe initialisation
  return table[static_cast<int>(id)];
}

}  // namespace cnp::ufunc
