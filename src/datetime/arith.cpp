// The datetime64/timedelta64 ufunc loops of the loop registry, with NumPy 1.24's type resolution
// (ufunc_type_resolution.c: the addition, subtraction, multiplication, division, remainder and
// divmod resolvers; the comparison and maximum/minimum promotion) and its loops (loops.c.src):
// NaT in, NaT out (comparisons: False, != True; floor_divide: 0); int64 arithmetic wraps.
#include <cfenv>
#include <cmath>
#include <cstring>
#include <string>

#include "core/error.hpp"
#include "core/loop_registry.hpp"
#include "datetime/units.hpp"
#include "ufunc/ufunc.hpp"

namespace cnp {

namespace {

using dt::kNaT;
using ufunc::Id;

inline int64_t ld(const char* p) {
  int64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
inline double ldd(const char* p) {
  double v;
  std::memcpy(&v, p, 8);
  return v;
}
template <class T>
inline void st(char* p, T v) {
  std::memcpy(p, &v, sizeof(T));
}
inline int64_t wrap_add(int64_t a, int64_t b) { return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b)); }
inline int64_t wrap_sub(int64_t a, int64_t b) { return static_cast<int64_t>(static_cast<uint64_t>(a) - static_cast<uint64_t>(b)); }
inline int64_t wrap_mul(int64_t a, int64_t b) { return static_cast<int64_t>(static_cast<uint64_t>(a) * static_cast<uint64_t>(b)); }
// double -> int64 as the x86 conversion NumPy's loops compile to: out of range (and NaN) gives
// INT64_MIN, which is NaT.
inline int64_t d2i(double x) {
  if (!(x >= -9223372036854775808.0 && x < 9223372036854775808.0)) return kNaT;
  return static_cast<int64_t>(x);
}
inline int64_t floordiv(int64_t a, int64_t b) {
  if (a == INT64_MIN && b == -1) return INT64_MIN;
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

// ---- loops -----------------------------------------------------------------------------------
template <class F>
void binary(char* const* args, const int64_t* s, int64_t n, F f) {
  const char* a = args[0];
  const char* b = args[1];
  char* o = args[2];
  for (int64_t i = 0; i < n; ++i) f(a + i * s[0], b + i * s[1], o + i * s[2]);
}
template <class F>
void unary(char* const* args, const int64_t* s, int64_t n, F f) {
  for (int64_t i = 0; i < n; ++i) f(args[0] + i * s[0], args[1] + i * s[1]);
}

void add_loop(char* const* args, const int64_t* s, int64_t n, const void*) {
  binary(args, s, n, [](const char* a, const char* b, char* o) {
    const int64_t x = ld(a), y = ld(b);
    st(o, x == kNaT || y == kNaT ? kNaT : wrap_add(x, y));
  });
}
void sub_loop(char* const* args, const int64_t* s, int64_t n, const void*) {
  binary(args, s, n, [](const char* a, const char* b, char* o) {
    const int64_t x = ld(a), y = ld(b);
    st(o, x == kNaT || y == kNaT ? kNaT : wrap_sub(x, y));
  });
}
void mq_mul(char* const* args, const int64_t* s, int64_t n, const void*) {
  binary(args, s, n, [](const char* a, const char* b, char* o) {
    const int64_t x = ld(a);
    st(o, x == kNaT ? kNaT : wrap_mul(x, ld(b)));
  });
}
void qm_mul(char* const* args, const int64_t* s, int64_t n, const void*) {
  binary(args, s, n, [](const char* a, const char* b, char* o) {
    const int64_t y = ld(b);
    st(o, y == kNaT ? kNaT : wrap_mul(ld(a), y));
  });
}
void md_mul(char* const* args, const int64_t* s, int64_t n, const void*) {
  binary(args, s, n, [](const char* a, const char* b, char* o) {
    const int64_t x = ld(a);
    const double y = ldd(b);
    st(o, x == kNaT || std::isnan(y) ? kNaT : d2i(static_cast<double>(x) * y));
  });
}
void dm_mul(char* const* args, const int64_t* s, int64_t n, const void*) {
  binary(args, s, n, [](const char* a, const char* b, char* o) {
    const double x = ldd(a);
    const int64_t y = ld(b);
    st(o, y == kNaT || std::isnan(x) ? kNaT : d2i(x * static_cast<double>(y)));
  });
}
// m8 / int and m8 // int: NaT for a zero divisor, with NumPy 1.24's divide-by-zero flag.
void mq_div(char* const* args, const int64_t* s, int64_t n, const void*) {
  bool zero = false;
  binary(args, s, n, [&](const char* a, const char* b, char* o) {
    const int64_t x = ld(a), y = ld(b);
    zero |= y == 0;
    st(o, x == kNaT || y == 0 ? kNaT : (y == -1 ? wrap_sub(0, x) : x / y));
  });
  if (zero) std::feraiseexcept(FE_DIVBYZERO);
}
void md_div(char* const* args, const int64_t* s, int64_t n, const void*) {
  binary(args, s, n, [](const char* a, const char* b, char* o) {
    const int64_t x = ld(a);
    const double r = static_cast<double>(x) / ldd(b);
    st(o, x == kNaT || std::isnan(r) ? kNaT : d2i(r));
  });
}
void mm_d_div(char* const* args, const int64_t* s, int64_t n, const void*) {
  binary(args, s, n, [](const char* a, const char* b, char* o) {
    const int64_t x = ld(a), y = ld(b);
    st(o, x == kNaT || y == kNaT ? std::nan("") : static_cast<double>(x) / static_cast<double>(y));
  });
}
void mm_q_floordiv(char* const* args, const int64_t* s, int64_t n, const void*) {
  bool zero = false;
  binary(args, s, n, [&](const char* a, const char* b, char* o) {
    const int64_t x = ld(a), y = ld(b);
    if (x == kNaT || y == kNaT) {
      st<int64_t>(o, 0);
    } else if (y == 0) {
      zero = true;
      st<int64_t>(o, 0);
    } else {
      st(o, floordiv(x, y));
    }
  });
  if (zero) std::feraiseexcept(FE_DIVBYZERO);
}
void mm_m_remainder(char* const* args, const int64_t* s, int64_t n, const void*) {
  bool zero = false;
  binary(args, s, n, [&](const char* a, const char* b, char* o) {
    const int64_t x = ld(a), y = ld(b);
    if (x == kNaT || y == kNaT) {
      st(o, kNaT);
    } else if (y == 0) {
      zero = true;
      st(o, kNaT);
    } else {
      const int64_t r = y == -1 ? 0 : x % y;
      st(o, r != 0 && ((x < 0) != (y < 0)) ? r + y : r);
    }
  });
  if (zero) std::feraiseexcept(FE_DIVBYZERO);
}
void mm_divmod(char* const* args, const int64_t* s, int64_t n, const void*) {
  bool zero = false;
  for (int64_t i = 0; i < n; ++i) {
    const int64_t x = ld(args[0] + i * s[0]), y = ld(args[1] + i * s[1]);
    int64_t q = 0, r = kNaT;
    if (x == kNaT || y == kNaT) {
    } else if (y == 0) {
      zero = true;
    } else {
      q = floordiv(x, y);
      r = wrap_sub(x, wrap_mul(q, y));
    }
    st(args[2] + i * s[2], q);
    st(args[3] + i * s[3], r);
  }
  if (zero) std::feraiseexcept(FE_DIVBYZERO);
}
void neg_loop(char* const* args, const int64_t* s, int64_t n, const void*) {
  unary(args, s, n, [](const char* a, char* o) {
    const int64_t x = ld(a);
    st(o, x == kNaT ? kNaT : wrap_sub(0, x));
  });
}
void pos_loop(char* const* args, const int64_t* s, int64_t n, const void*) {
  unary(args, s, n, [](const char* a, char* o) { st(o, ld(a)); });
}
void abs_loop(char* const* args, const int64_t* s, int64_t n, const void*) {
  unary(args, s, n, [](const char* a, char* o) {
    const int64_t x = ld(a);
    st(o, x == kNaT ? kNaT : (x < 0 ? wrap_sub(0, x) : x));
  });
}
void sign_loop(char* const* args, const int64_t* s, int64_t n, const void*) {
  unary(args, s, n, [](const char* a, char* o) {
    const int64_t x = ld(a);
    st<int64_t>(o, x > 0 ? 1 : (x < 0 ? -1 : 0));
  });
}
template <bool NaTValue>
void isnat_loop(char* const* args, const int64_t* s, int64_t n, const void*) {
  if (s[0] == 8 && s[1] == 1) {  // contiguous: a loop the compiler vectorises
    const char* a = args[0];
    char* o = args[1];
    for (int64_t i = 0; i < n; ++i) o[i] = static_cast<char>((ld(a + 8 * i) == kNaT) == NaTValue);
    return;
  }
  unary(args, s, n, [](const char* a, char* o) { *o = static_cast<char>((ld(a) == kNaT) == NaTValue); });
}
void false_loop(char* const* args, const int64_t* s, int64_t n, const void*) {
  unary(args, s, n, [](const char*, char* o) { *o = 0; });
}

enum class Cmp { eq, ne, lt, le, gt, ge };
template <Cmp C>
void cmp_loop(char* const* args, const int64_t* s, int64_t n, const void*) {
  binary(args, s, n, [](const char* a, const char* b, char* o) {
    const int64_t x = ld(a), y = ld(b);
    bool r;
    if (x == kNaT || y == kNaT) {
      r = C == Cmp::ne;
    } else {
      switch (C) {
        case Cmp::eq: r = x == y; break;
        case Cmp::ne: r = x != y; break;
        case Cmp::lt: r = x < y; break;
        case Cmp::le: r = x <= y; break;
        case Cmp::gt: r = x > y; break;
        default: r = x >= y; break;
      }
    }
    *o = static_cast<char>(r);
  });
}
// maximum/minimum propagate NaT; fmax/fmin ignore it (the other operand wins).
template <bool Max, bool Propagate>
void extreme_loop(char* const* args, const int64_t* s, int64_t n, const void*) {
  binary(args, s, n, [](const char* a, const char* b, char* o) {
    const int64_t x = ld(a), y = ld(b);
    int64_t r;
    if (x == kNaT) r = Propagate ? kNaT : y;
    else if (y == kNaT) r = Propagate ? kNaT : x;
    else r = Max ? (x >= y ? x : y) : (x <= y ? x : y);
    st(o, r);
  });
}

// ---- type resolution -----------------------------------------------------------------------
bool int_like(const Dtype* d) { return d->kind == 'i' || d->kind == 'u' || d->kind == 'b'; }
bool signed_int_like(const Dtype* d) { return d->kind == 'i' || d->kind == 'b'; }
bool is_float(const Dtype* d) { return d->kind == 'f'; }
DtypeRef canon(const Dtype* d) { return make_datetime(d->kind, d->unit, d->unit_count); }
DtypeRef td(const Dtype* d) { return make_datetime('m', d->unit, d->unit_count); }
DtypeRef builtin(int t) { return DtypeRef::borrow(builtin_dtype(t)); }

// Per operation: the ufunc name for messages and the loops the resolver picks from.
struct OpInfo {
  Id id;
  const char* name;
};

[[noreturn]] void binary_error(const char* name, const Dtype* a, const Dtype* b) {
  throw_type(std::string("ufunc '") + name + "' cannot use operands with types " + dtype_repr(a) + " and " + dtype_repr(b));
}

void set(ResolvedLoop& r, StridedFn fn, DtypeRef a, DtypeRef b, DtypeRef o) {
  r.fn = fn;
  r.descrs[0] = std::move(a);
  r.descrs[1] = std::move(b);
  r.descrs[2] = std::move(o);
}

const char* name_of(const Method& m) { return static_cast<const OpInfo*>(m.data)->name; }
Id id_of(const Method& m) { return static_cast<const OpInfo*>(m.data)->id; }

void resolve_add_sub(const Method& m, const Dtype* const* in, ResolvedLoop& r) {
  const Dtype *a = in[0], *b = in[1];
  const bool add = id_of(m) == Id::add;
  const StridedFn fn = add ? &add_loop : &sub_loop;
  const char ka = a->kind, kb = b->kind;
  if (ka == 'm' && kb == 'm') {
    DtypeRef p = dt::promote_times(a, b);
    return set(r, fn, p, p, p);
  }
  if (ka == 'm' && int_like(b)) return set(r, fn, canon(a), canon(a), canon(a));
  if (ka == 'M' && int_like(b)) return set(r, fn, canon(a), td(a), canon(a));
  if (ka == 'M' && kb == 'm') {
    DtypeRef p = dt::promote_times(a, b);
    return set(r, fn, p, td(p.get()), p);
  }
  if (add) {
    if (ka == 'm' && kb == 'M') {
      DtypeRef p = dt::promote_times(a, b);
      return set(r, fn, td(p.get()), p, p);
    }
    if (int_like(a) && kb == 'm') return set(r, fn, canon(b), canon(b), canon(b));
    if (int_like(a) && kb == 'M') return set(r, fn, td(b), canon(b), canon(b));
  } else {
    if (ka == 'M' && kb == 'M') {
      DtypeRef p = dt::promote_times(a, b);
      return set(r, fn, p, p, td(p.get()));
    }
    if (int_like(a) && kb == 'm') return set(r, fn, canon(b), canon(b), canon(b));
  }
  binary_error(name_of(m), a, b);
}

void resolve_multiply(const Method& m, const Dtype* const* in, ResolvedLoop& r) {
  const Dtype *a = in[0], *b = in[1];
  if (a->kind == 'm' && int_like(b)) return set(r, &mq_mul, canon(a), builtin(CNP_INT64), canon(a));
  if (a->kind == 'm' && is_float(b)) return set(r, &md_mul, canon(a), builtin(CNP_FLOAT64), canon(a));
  if (int_like(a) && b->kind == 'm') return set(r, &qm_mul, builtin(CNP_INT64), canon(b), canon(b));
  if (is_float(a) && b->kind == 'm') return set(r, &dm_mul, builtin(CNP_FLOAT64), canon(b), canon(b));
  binary_error(name_of(m), a, b);
}

void resolve_divide(const Method& m, const Dtype* const* in, ResolvedLoop& r) {
  const Dtype *a = in[0], *b = in[1];
  const bool floor = id_of(m) == Id::floor_divide;
  if (a->kind == 'm' && b->kind == 'm') {
    DtypeRef p = dt::promote_times(a, b);
    if (floor) return set(r, &mm_q_floordiv, p, p, builtin(CNP_INT64));
    return set(r, &mm_d_div, p, p, builtin(CNP_FLOAT64));
  }
  if (a->kind == 'm' && (b->kind == 'i' || b->kind == 'u')) return set(r, &mq_div, canon(a), builtin(CNP_INT64), canon(a));
  if (a->kind == 'm' && is_float(b)) return set(r, &md_div, canon(a), builtin(CNP_FLOAT64), canon(a));
  binary_error(name_of(m), a, b);
}

void resolve_remainder(const Method& m, const Dtype* const* in, ResolvedLoop& r) {
  const Dtype *a = in[0], *b = in[1];
  if (a->kind == 'm' && b->kind == 'm') {
    DtypeRef p = dt::promote_times(a, b);
    if (id_of(m) == Id::divmod) {
      set(r, &mm_divmod, p, p, builtin(CNP_INT64));
      r.descrs[3] = p;
      return;
    }
    return set(r, &mm_m_remainder, p, p, p);
  }
  binary_error(name_of(m), a, b);
}

// Comparisons and maximum/minimum: NumPy's promotion of the two (M with M, m with m or a
// signed integer) then a uniform loop; M against m fails the 'same_kind' input cast; any other
// pair has no common DType.
DtypeRef uniform_promote(const Method& m, const Dtype* a, const Dtype* b) {
  const char ka = a->kind, kb = b->kind;
  if ((ka == 'M' && kb == 'M') || (ka == 'm' && kb == 'm')) return dt::promote_times(a, b);
  if (ka == 'm' && signed_int_like(b)) return canon(a);
  if (kb == 'm' && signed_int_like(a)) return canon(b);
  if ((ka == 'M' && kb == 'm') || (ka == 'm' && kb == 'M')) {
    DtypeRef p = dt::promote_times(a, b);  // M8 with the gcd unit
    const int which = ka == 'm' ? 0 : 1;
    const Dtype* from = which == 0 ? a : b;
    throw_type(std::string("Cannot cast ufunc '") + name_of(m) + "' input " + std::to_string(which) + " from " +
               dtype_repr(from) + " to " + dtype_repr(p.get()) + " with casting rule 'same_kind'");
  }
  const std::string ca = dclass_name(a), cb = dclass_name(b);
  throw_type("The DType <class '" + ca + "'> could not be promoted by <class '" + cb +
             "'>. This means that no common DType exists for the given inputs. For example they cannot be stored in a "
             "single array unless the dtype is `object`. The full list of DTypes is: (<class '" + ca + "'>, <class '" +
             cb + "'>)");
}

StridedFn compare_fn(Id id) {
  switch (id) {
    case Id::equal: return &cmp_loop<Cmp::eq>;
    case Id::not_equal: return &cmp_loop<Cmp::ne>;
    case Id::less: return &cmp_loop<Cmp::lt>;
    case Id::less_equal: return &cmp_loop<Cmp::le>;
    case Id::greater: return &cmp_loop<Cmp::gt>;
    default: return &cmp_loop<Cmp::ge>;
  }
}

void resolve_compare(const Method& m, const Dtype* const* in, ResolvedLoop& r) {
  DtypeRef p = uniform_promote(m, in[0], in[1]);
  set(r, compare_fn(id_of(m)), p, p, builtin(CNP_BOOL));
}

void resolve_extreme(const Method& m, const Dtype* const* in, ResolvedLoop& r) {
  DtypeRef p = uniform_promote(m, in[0], in[1]);
  StridedFn fn;
  switch (id_of(m)) {
    case Id::maximum: fn = &extreme_loop<true, true>; break;
    case Id::minimum: fn = &extreme_loop<false, true>; break;
    case Id::fmax: fn = &extreme_loop<true, false>; break;
    default: fn = &extreme_loop<false, false>; break;
  }
  set(r, fn, p, p, p);
}

// Unary: timedelta arithmetic, and the NaT tests of both kinds.
void resolve_unary(const Method& m, const Dtype* const* in, ResolvedLoop& r) {
  const Dtype* a = in[0];
  const Id id = id_of(m);
  r.descrs[0] = canon(a);
  switch (id) {
    case Id::isnan: case Id::isnat: r.fn = &isnat_loop<true>; r.descrs[1] = builtin(CNP_BOOL); return;
    case Id::isfinite: r.fn = &isnat_loop<false>; r.descrs[1] = builtin(CNP_BOOL); return;
    case Id::isinf: r.fn = &false_loop; r.descrs[1] = builtin(CNP_BOOL); return;
    default: break;
  }
  if (a->kind != 'm')
    throw_type(std::string("ufunc '") + name_of(m) + "' did not contain a loop with signature matching types <class '" +
               dclass_name(a) + "'> -> None");
  r.descrs[1] = canon(a);
  switch (id) {
    case Id::negative: r.fn = &neg_loop; return;
    case Id::positive: r.fn = &pos_loop; return;
    case Id::absolute: r.fn = &abs_loop; return;
    default: r.fn = &sign_loop; return;
  }
}

// isnat of anything but datetimes (NumPy's PyUFunc_IsNaTTypeResolver).
void resolve_not_time(const Method&, const Dtype* const*, ResolvedLoop&) {
  throw_type("ufunc 'isnat' is only defined for np.datetime64 and np.timedelta64.");
}

}  // namespace

void register_datetime_ufuncs(LoopRegistry& reg) {
  using C = DClass;
  static const OpInfo ops[] = {
      {Id::add, "add"},           {Id::subtract, "subtract"},       {Id::multiply, "multiply"},
      {Id::divide, "divide"},     {Id::floor_divide, "floor_divide"}, {Id::remainder, "remainder"},
      {Id::divmod, "divmod"},     {Id::equal, "equal"},               {Id::not_equal, "not_equal"},
      {Id::less, "less"},         {Id::less_equal, "less_equal"},     {Id::greater, "greater"},
      {Id::greater_equal, "greater_equal"}, {Id::maximum, "maximum"}, {Id::minimum, "minimum"},
      {Id::fmax, "fmax"},         {Id::fmin, "fmin"},                 {Id::negative, "negative"},
      {Id::positive, "positive"}, {Id::absolute, "absolute"},         {Id::sign, "sign"},
      {Id::isnan, "isnan"},       {Id::isinf, "isinf"},               {Id::isfinite, "isfinite"},
      {Id::isnat, "isnat"},
  };
  for (const OpInfo& op : ops) {
    ResolveFn fn = nullptr;
    int nout = 1;
    switch (op.id) {
      case Id::add: case Id::subtract: fn = &resolve_add_sub; break;
      case Id::multiply: fn = &resolve_multiply; break;
      case Id::divide: case Id::floor_divide: fn = &resolve_divide; break;
      case Id::remainder: fn = &resolve_remainder; break;
      case Id::divmod: fn = &resolve_remainder; nout = 2; break;
      case Id::equal: case Id::not_equal: case Id::less: case Id::less_equal: case Id::greater:
      case Id::greater_equal: fn = &resolve_compare; break;
      case Id::maximum: case Id::minimum: case Id::fmax: case Id::fmin: fn = &resolve_extreme; break;
      default: fn = &resolve_unary; break;
    }
    const bool unary_op = op.id == Id::negative || op.id == Id::positive || op.id == Id::absolute ||
                          op.id == Id::sign || op.id == Id::isnan || op.id == Id::isinf || op.id == Id::isfinite ||
                          op.id == Id::isnat;
    auto add = [&](C a, C b) {
      Method m;
      if (op.id == Id::isnat) m.types = a == C::datetime ? "M->?" : "m->?";
      m.name = "datetime";
      m.nin = unary_op ? 1 : 2;
      m.nout = static_cast<int8_t>(nout);
      m.sig[0] = a;
      m.sig[1] = b;
      m.resolve = fn;
      m.data = &op;
      reg.add(static_cast<int32_t>(op.id), m);
    };
    if (unary_op) {
      add(C::datetime, C::any);
      add(C::timedelta, C::any);
      if (op.id == Id::isnat) {  // isnat has no numeric loops: every other input is NumPy's TypeError
        Method m;
        m.name = "isnat";
        m.nin = 1;
        m.nout = 1;
        m.sig[0] = C::any;
        m.sig[1] = C::any;
        m.resolve = &resolve_not_time;
        reg.add(static_cast<int32_t>(op.id), m);
      }
      continue;
    }
    // Every pair with a datetime or timedelta side: the resolver accepts NumPy's combinations
    // and raises NumPy's error for the rest.
    for (C t : {C::datetime, C::timedelta}) {
      add(t, C::any);
      add(C::any, t);
    }
  }
}

}  // namespace cnp
