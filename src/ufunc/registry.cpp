// The ufunc table: every column of declarations.hpp, then the loops and costs from the kernel
// files, built once.
#include <limits>
#include <string>

#include "core/error.hpp"
#include "core/loop_registry.hpp"
#include "ufunc/ufunc.hpp"

namespace cnp::ufunc {

namespace {

// Runs one kernel file's init function and checks that it filled exactly the ufuncs declared
// with its name: a row naming the wrong file (or a file filling an undeclared ufunc) is a bug.
void fill_from(Table& table, Kernels kernels, void (*init)(Table&)) {
  size_t sizes[kCount];
  for (int i = 0; i < kCount; ++i) sizes[i] = table[i].loops.size();
  init(table);
  for (int i = 0; i < kCount; ++i) {
    const bool mine = table[i].kernels == kernels;
    const bool touched = table[i].loops.size() != sizes[i];
    if (mine != touched || (mine && table[i].loops.empty()))
      throw Error(CNP_ERR_INTERNAL, std::string("ufunc table: kernels column of '") + table[i].name +
                                        "' does not match the kernel file that fills its loops");
  }
}

Table& build() {
  static Table table;
  int i = 0;
#define CNP_UFUNC_FILL(nm, ni, no, ident, res, kern, doc) \
  table[i].name = #nm;                                    \
  table[i].nin = ni;                                      \
  table[i].nout = no;                                     \
  table[i].identity = Identity::ident;                    \
  table[i].resolver = Resolver::res;                      \
  table[i].kernels = Kernels::kern;                       \
  table[i].summary = doc;                                 \
  ++i;
  CNP_UFUNC_LIST(CNP_UFUNC_FILL)
#undef CNP_UFUNC_FILL
  fill_from(table, Kernels::arith, init_arith);
  fill_from(table, Kernels::math, init_math);
  fill_from(table, Kernels::compare, init_compare);
  fill_from(table, Kernels::bitwise, init_bitwise);
  fill_from(table, Kernels::float_parts, init_float_parts);
  for (Ufunc& u : table)
    for (const Loop& l : u.loops) {
      bool has_int = false, has_float = false;
      for (int k = 0; k < u.nin; ++k) {
        const int8_t t = l.types[k];
        has_int |= t >= CNP_INT8 && t <= CNP_UINT64;
        has_float |= t == CNP_FLOAT16 || t == CNP_FLOAT32 || t == CNP_FLOAT64;
      }
      u.int_beside_float |= has_int && has_float;
    }
  return table;
}
}  // namespace

const Ufunc& get(Id id) {
  static Table& table = build();  // C++ guarantees one thread-safe initialisation
  return table[static_cast<int>(id)];
}

bool identity_value(Identity identity, cnp_scalar* out) {
  *out = cnp_scalar{};
  switch (identity) {
    case Identity::none: case Identity::reorderable: return false;
    case Identity::zero: out->typenum = CNP_INT64; out->value.i = 0; return true;
    case Identity::one: out->typenum = CNP_INT64; out->value.i = 1; return true;
    case Identity::minus_one: out->typenum = CNP_INT64; out->value.i = -1; return true;
    case Identity::minus_inf:
      out->typenum = CNP_FLOAT64;
      out->value.f = -std::numeric_limits<double>::infinity();
      return true;
    case Identity::false_: out->typenum = CNP_BOOL; out->value.i = 0; return true;
    case Identity::true_: out->typenum = CNP_BOOL; out->value.i = 1; return true;
  }
  return false;
}

}  // namespace cnp::ufunc

namespace cnp {

// Every ufunc's typed numeric loops as its legacy method: inputs of any builtin number; the
// engine resolves the loop among them (NumPy's resolvers and linear search).
void register_ufunc_legacy(LoopRegistry& r) {
  for (int i = 0; i < ufunc::kCount; ++i) {
    const ufunc::Ufunc& uf = ufunc::get(static_cast<ufunc::Id>(i));
    if (uf.kernels == ufunc::Kernels::registry) continue;  // no numeric loops (isnat)
    Method m;
    m.name = uf.name;
    m.nin = uf.nin;
    m.nout = uf.nout;
    for (int k = 0; k < kMaxLoopArgs; ++k) m.sig[k] = DClass::number;
    m.data = &uf;
    r.add(i, m);
  }
}

}  // namespace cnp
