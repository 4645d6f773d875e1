// The ufunc engine. Order of work mirrors NumPy's ufunc_generic_fastcall: resolve the loop,
// check casts, broadcast, allocate outputs, protect against overlap, then iterate in 1-D runs
// (buffered when an operand needs a cast, split by the where= mask) on one or more threads, and
// finally report floating-point errors.
#include "ufunc/execute.hpp"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "core/broadcast.hpp"
#include "core/bulk_copy.hpp"
#include "core/cast.hpp"
#include "core/error.hpp"
#include "core/iter.hpp"
#include "core/loop_registry.hpp"
#include "core/parallel.hpp"
#include "ufunc/errstate.hpp"

namespace cnp::ufunc {

namespace {

// NumPy's kind order for NEP 50: bool < integer < float < complex.
int category(const Dtype* d) {
  switch (d->kind) {
    case 'b': return 0;
    case 'i':
    case 'u': return 1;
    case 'f': return 2;
    default: return 3;
  }
}

// The dtype a weak (Python) scalar takes next to the strongly typed operands whose promoted type
// is `strong` (NumPy 2, NEP 50): the strong type when it is of the same or a higher kind, else the
// default type of the scalar's kind (complex next to float32/float16 stays single precision).
const Dtype* weak_dtype(const Dtype* weak, const Dtype* strong) {
  int w = category(weak), s = category(strong);
  if (w <= s) return strong;
  if (w == 3 && s == 2) return builtin_dtype(strong->typenum == CNP_FLOAT64 ? CNP_COMPLEX128 : CNP_COMPLEX64);
  if (w == 1) return builtin_dtype(CNP_INT64);
  return weak;  // float64 / complex128, what the scalar already is
}

bool is_comparison(Id id) {
  return id == Id::equal || id == Id::not_equal || id == Id::less || id == Id::less_equal || id == Id::greater ||
         id == Id::greater_equal;
}

// `index` is the operand's position among all operands (NumPy numbers a two-output ufunc's
// outputs after its inputs: divmod's second output is "output 3"); shown only when count > 1.
std::string casting_error(const Ufunc& uf, const char* what, int index, const Dtype* from, const Dtype* to,
                          int32_t casting, int count) {
  std::string s = std::string("Cannot cast ufunc '") + uf.name + "' " + what + " ";
  if (count > 1) s += std::to_string(index) + " ";
  return s + "from " + dtype_repr(from) + " to " + dtype_repr(to) + " with casting rule '" + casting_name(casting) + "'";
}

[[noreturn]] void no_loop(const Ufunc& uf) {
  throw_type(std::string("ufunc '") + uf.name +
             "' not supported for the input types, and the inputs could not be safely coerced to any supported "
             "types according to the casting rule ''safe''");
}

bool weak_int_fits(const Array& a, const Dtype* to);

// A Python int whose effective type (NEP 50, next to strongly typed operands) is not an integer.
bool lifted_int(const Array* input, const Dtype* effective) {
  return input->weak() && is_integer(input->dtype()) && !is_integer(effective);
}

// Picks the loop for the (effective) input dtypes: NumPy's special resolvers, then the linear
// search: the first loop whose inputs cast safely.
const Loop& resolve(const Ufunc& uf, const Dtype* const* in, const Array* const* inputs, const Args& args) {
  const int nin = uf.nin, nout = uf.nout;
  auto loop_in = [&](const Loop& l, int32_t casting) {
    for (int i = 0; i < nin; ++i) {
      const Dtype* want = builtin_dtype(l.types[i]);
      // A Python int that NEP 50 made a float next to a float array (ldexp(float32_array, 3))
      // still takes an integer operand of a loop when its value fits (NumPy: 'fi->f', and 'fl->f'
      // for 2**40), as the loops that take an integer beside a float need.
      if (uf.int_beside_float && lifted_int(inputs[i], in[i]) && is_integer(want)) {
        if (!weak_int_fits(*inputs[i], want)) return false;
        continue;
      }
      if (!can_cast(in[i], want, casting)) return false;
    }
    return true;
  };
  if (args.dtype) {
    // dtype= fixes the output types (NumPy 1.24's type-tuple resolver): first the loops with those
    // outputs whose inputs cast safely; then the homogeneous loop (every operand of that type),
    // whose inputs are checked afterwards under the call's casting rule, so the error names that
    // cast ("Cannot cast ufunc 'absolute' input from dtype('complex128') to dtype('float32')");
    // without one, no loop (ldexp(float64, int, dtype=float32): its loops take an integer x2).
    const int8_t want = static_cast<int8_t>(args.dtype->typenum);
    for (const Loop& l : uf.loops) {
      bool outs_match = true;
      for (int k = 0; k < nout; ++k) outs_match &= l.types[nin + k] == want;
      if (outs_match && loop_in(l, CNP_CASTING_SAFE)) return l;
    }
    for (const Loop& l : uf.loops) {
      bool homogeneous = true;
      for (int k = 0; k < nin + nout; ++k) homogeneous &= l.types[k] == want;
      if (homogeneous) return l;
    }
    throw_type(std::string("No loop matching the specified signature and casting was found for ufunc ") + uf.name);
  }
  switch (uf.resolver) {
    case Resolver::Subtract:
      if (in[0]->kind == 'b' && in[1]->kind == 'b')
        throw_type("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` "
                   "operator, or the logical_xor function instead.");
      break;
    case Resolver::Negative:
      if (in[0]->kind == 'b')
        throw_type("The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the "
                   "logical_not function instead.");
      break;
    case Resolver::TrueDivide: {
      bool all_int = true;
      for (int i = 0; i < nin; ++i) all_int &= in[i]->kind == 'b' || is_integer(in[i]);
      if (all_int) {
        for (const Loop& l : uf.loops)
          if (l.types[0] == CNP_FLOAT64 && l.types[1] == CNP_FLOAT64) return l;
      }
      break;
    }
    case Resolver::Default: break;
  }
  if (uf.resolver == Resolver::Uniform) {
    // Promote the inputs, then the loop must take exactly that type (NumPy's uniform resolver:
    // positive/sign/gcd/lcm have no bool loop and bool does not fall through to int8).
    const Dtype* common = in[0];
    for (int i = 1; i < nin; ++i) common = promote_types(common, in[i]);
    for (const Loop& l : uf.loops) {
      bool all = true;
      for (int k = 0; k < nin; ++k) all &= l.types[k] == common->typenum;
      if (all) return l;
    }
    std::string sig = nin > 1 ? "(" : "";
    for (int i = 0; i < nin; ++i) {
      std::string cls;
      if (inputs[i]->weak()) {  // a Python scalar shows as NumPy's abstract DType
        char k = inputs[i]->dtype()->kind;
        cls = k == 'c' ? "numpy._ComplexAbstractDType" : k == 'f' ? "numpy._FloatAbstractDType" : "numpy._IntegerAbstractDType";
      } else {
        cls = "numpy.dtype[" + (in[i]->name == "bool" ? std::string("bool_") : in[i]->name) + "]";
      }
      sig += (i ? ", " : "") + std::string("<class '") + cls + "'>";
    }
    if (nin > 1) sig += ")";
    throw_type(std::string("ufunc '") + uf.name + "' did not contain a loop with signature matching types " + sig +
               " -> None");
  }
  // The first loop the inputs cast to safely. Output arrays do not steer the choice and the
  // call's own casting rule is checked afterwards (inputs first, then outputs), as NumPy's
  // promotion-based dispatch does: casting='no' reports the cast it forbids, not a missing loop.
  for (const Loop& l : uf.loops)
    if (loop_in(l, CNP_CASTING_SAFE)) return l;
  no_loop(uf);
}

// A 0-d copy of a Python scalar in the loop's type, by NEP 50's value rules (OverflowError for
// 300 into int8 ...).
Array convert_weak(const Array& a, const Dtype* to) {
  cnp_scalar v = load_scalar(a.dtype(), a.data());
  v.flags |= CNP_SCALAR_WEAK;
  Array r = Array::allocate(to, 0, nullptr, CNP_ORDER_C);
  store_scalar(v, to, r.data());
  return r;
}

// Does a weak Python integer fit the integer type `to`? (comparisons with out-of-range Python
// ints are answered exactly by NumPy 2 instead of raising).
bool weak_int_fits(const Array& a, const Dtype* to) {
  if (!is_integer(a.dtype()) || !is_integer(to)) return true;
  cnp_scalar v = load_scalar(a.dtype(), a.data());
  bool neg = a.dtype()->kind == 'i' && v.value.i < 0;
  int bits = static_cast<int>(to->itemsize * 8);
  if (to->kind == 'u') {
    if (neg) return false;
    return bits == 64 || v.value.u < (uint64_t{1} << bits);
  }
  if (neg) return bits == 64 || v.value.i >= -(int64_t{1} << (bits - 1));
  if (a.dtype()->kind == 'u' && v.value.u > static_cast<uint64_t>(INT64_MAX)) return false;
  return bits == 64 || v.value.i < (int64_t{1} << (bits - 1));
}

// The loop chosen for each (ufunc, input types) without dtype=: index + 1, 0 = not resolved yet.
// Resolution is a pure function of those, and the linear search costs more than a small add.
std::atomic<int16_t> g_loop_cache[kCount][CNP_NTYPES_BUILTIN][CNP_NTYPES_BUILTIN];

const Loop& resolve_cached(Id id, const Ufunc& uf, const Dtype* const* in, const Array* const* inputs, const Args& args) {
  // Not cached: dtype=, and a Python int beside a float array for the ufuncs whose loops take
  // one by value (the loop then depends on the int's value).
  bool by_value = false;
  if (uf.int_beside_float)
    for (int i = 0; i < uf.nin; ++i) by_value |= lifted_int(inputs[i], in[i]);
  if (args.dtype || uf.nin > 2 || by_value) return resolve(uf, in, inputs, args);
  auto& slot = g_loop_cache[static_cast<int>(id)][in[0]->typenum][uf.nin == 2 ? in[1]->typenum : 0];
  int16_t hit = slot.load(std::memory_order_relaxed);
  if (hit > 0) return uf.loops[hit - 1];
  const Loop& l = resolve(uf, in, inputs, args);
  slot.store(static_cast<int16_t>(&l - uf.loops.data() + 1), std::memory_order_relaxed);
  return l;
}

}  // namespace

const Loop& resolve_loop(Id id, const Dtype* const* in) {
  const Ufunc& uf = get(id);
  Array probes[kMaxArgs];
  const Array* inputs[kMaxArgs];
  for (int i = 0; i < uf.nin; ++i) {
    probes[i] = Array::allocate(in[i], 0, nullptr, CNP_ORDER_C);
    inputs[i] = &probes[i];
  }
  return resolve_cached(id, uf, in, inputs, Args{});
}

namespace {

constexpr int kMaxOps = kMaxArgs + 1;  // inputs, outputs and the where mask
constexpr int64_t kBuffer = 2048;      // elements per cast buffer (NumPy uses 8192 bytes-ish blocks)
constexpr int64_t kParallelWork = int64_t{1} << 17;  // elements x cost before threads pay off
// Outputs this large will not stay in cache for a next operation anyway (NumPy's benchmark sizes:
// 1e7 doubles are 80 MB), so they are streamed to memory.
constexpr int64_t kStreamBytes = int64_t{16} << 20;

struct Plan {
  const Loop* loop = nullptr;
  int nin = 0, nout = 0, nop = 0;  // nop = nin + nout (+1 with where)
  bool has_where = false;
  const Array* op[kMaxOps] = {};   // operands as iterated (the caller's arrays or own[k])
  Array own[kMaxOps];              // converted, copied or newly allocated operands
  const Dtype* loop_dtype[kMaxArgs] = {};
  CastLoop cast_in[kMaxArgs] = {};   // operand dtype -> loop dtype (inputs) or nullptr
  CastLoop cast_out[kMaxArgs] = {};  // loop dtype -> operand dtype (outputs) or nullptr
  bool any_cast = false;
  bool stream = false;  // one output of >= kStreamBytes: write it with non-temporal stores
};

constexpr int64_t kStreamBlock = 2048;  // elements computed into L1 before they are streamed out

// Runs the loop over one 1-D run: cast buffers when needed. `n` elements at ptrs/strides.
void run_chunk(const Plan& p, char* const* ptrs, const int64_t* strides, int64_t n, char* scratch) {
  if (!p.any_cast) {
    const int o = p.nin;
    const int64_t isz = p.loop_dtype[o]->itemsize;
    if (p.stream && strides[o] == isz && n >= 2 * kStreamBlock) {
      // Large contiguous output: compute blocks into an L1 buffer and stream them out, which
      // saves the read-for-ownership of every output line (a third of an add's memory traffic).
      char* args[kMaxArgs];
      int64_t st[kMaxArgs];
      for (int k = 0; k < p.nin + p.nout; ++k) st[k] = strides[k];
      st[o] = isz;
      for (int64_t off = 0; off < n; off += kStreamBlock) {
        int64_t m = std::min(kStreamBlock, n - off);
        for (int k = 0; k < p.nin + p.nout; ++k) args[k] = ptrs[k] + off * strides[k];
        args[o] = scratch;
        p.loop->fn(args, st, m, p.loop->data);
        stream_copy(ptrs[o] + off * isz, scratch, m * isz);
      }
      return;
    }
    p.loop->fn(ptrs, strides, n, p.loop->data);
    return;
  }
  char* args[kMaxArgs];
  int64_t st[kMaxArgs];
  for (int64_t off = 0; off < n; off += kBuffer) {
    int64_t m = std::min(kBuffer, n - off);
    for (int k = 0; k < p.nin + p.nout; ++k) {
      char* at = ptrs[k] + off * strides[k];
      bool cast = k < p.nin ? p.cast_in[k] != nullptr : p.cast_out[k] != nullptr;
      if (!cast) {
        args[k] = at;
        st[k] = strides[k];
        continue;
      }
      args[k] = scratch + k * kBuffer * 16;
      st[k] = p.loop_dtype[k]->itemsize;
      if (k < p.nin) p.cast_in[k](at, strides[k], args[k], st[k], m);
    }
    p.loop->fn(args, st, m, p.loop->data);
    for (int k = p.nin; k < p.nin + p.nout; ++k)
      if (p.cast_out[k]) p.cast_out[k](args[k], st[k], ptrs[k] + off * strides[k], strides[k], m);
  }
}

// One 1-D run of the iteration: split by the where mask (last operand) into runs of True.
void run_masked(const Plan& p, char* const* ptrs, const int64_t* strides, int64_t n, char* scratch) {
  if (!p.has_where) {
    run_chunk(p, ptrs, strides, n, scratch);
    return;
  }
  const char* mask = ptrs[p.nop - 1];
  const int64_t ms = strides[p.nop - 1];
  int64_t i = 0;
  while (i < n) {
    while (i < n && !mask[i * ms]) ++i;
    int64_t j = i;
    while (j < n && mask[j * ms]) ++j;
    if (j > i) {
      char* sub[kMaxOps];
      for (int k = 0; k < p.nop; ++k) sub[k] = ptrs[k] + i * strides[k];
      run_chunk(p, sub, strides, j - i, scratch);
    }
    i = j;
  }
}

// No method of the registry takes these inputs' classes: NumPy's dispatch error (the DType
// classes for the comparisons, the descriptors otherwise, as NumPy 1.24's resolvers word it).
// Datetimes: the ufuncs with datetime loops (src/datetime/arith.cpp) take every pair with a
// datetime side, so here a datetime meets a ufunc without them (power, sqrt, ...): NumPy's
// legacy resolver's "not supported for the input types".
[[noreturn]] void no_method(Id id, const Ufunc& uf, const Array* const* inputs) {
  const int nin = uf.nin;
  const bool classes = is_comparison(id);
  for (int i = 0; i < nin; ++i)
    if (is_datetime(inputs[i]->dtype()))
      throw_type(std::string("ufunc '") + uf.name + "' not supported for the input types, and the inputs could not be "
                 "safely coerced to any supported types according to the casting rule ''safe''");
  std::string sig = nin > 1 ? "(" : "";
  for (int i = 0; i < nin; ++i) {
    const Dtype* d = inputs[i]->dtype();
    if (inputs[i]->weak() && is_numeric(d)) d = builtin_dtype(d->kind == 'f' ? CNP_FLOAT64 : d->kind == 'c' ? CNP_COMPLEX128 : CNP_INT64);
    sig += (i ? ", " : "") + (classes ? "<class '" + dclass_name(d) + "'>" : dtype_repr(d));
  }
  if (nin > 1) sig += ")";
  throw_type(std::string("ufunc '") + uf.name + "' did not contain a loop with signature matching types " + sig +
             " -> None");
}

// A call resolved by a registry method other than the legacy numeric one: the method computes
// the descriptors it runs on and its loop (with per-call data); inputs it wants in another
// descriptor are cast first, outputs are made in the resolved descriptors and, for out=, cast
// into the caller's arrays under the casting rule (masked by where=) once every element is known,
// so a failing call writes nothing.
std::array<Array, 2> call_method(const Ufunc& uf, const Method& m, const Array* const* inputs, const Args& args) {
  const int nin = uf.nin, nout = uf.nout;
  const Dtype* in[kMaxArgs] = {};
  for (int i = 0; i < nin; ++i) in[i] = inputs[i]->dtype();
  ResolvedLoop r;
  m.resolve(m, in, r);
  if (args.dtype)
    for (int k = 0; k < nout; ++k)
      if (!dtype_equal(args.dtype, r.descrs[nin + k].get()))
        throw_type(std::string("No loop matching the specified signature and casting was found for ufunc ") + uf.name);
  // NumPy's PyUFunc_ValidateCasting: each input must cast to the descriptor the loop reads
  // under the casting rule ("Cannot cast ufunc 'add' input 1 from dtype('<m8[M]') to
  // dtype('<m8[D]') with casting rule 'same_kind'").
  for (int i = 0; i < nin; ++i)
    if (!inputs[i]->weak() && !can_cast(in[i], r.descrs[i].get(), args.casting))
      throw_type(casting_error(uf, "input", i, in[i], r.descrs[i].get(), args.casting, nin));
  Array own[kMaxArgs];
  const Array* ops[kMaxOps];
  for (int i = 0; i < nin; ++i) {
    ops[i] = inputs[i];
    if (!dtype_equal(in[i], r.descrs[i].get())) {
      own[i] = cast_copy(*inputs[i], r.descrs[i].get(), CNP_ORDER_K);
      ops[i] = &own[i];
    }
  }
  for (int k = 0; k < nout; ++k)
    if (args.out[k] && !can_cast(r.descrs[nin + k].get(), args.out[k]->dtype(), args.casting))
      throw_type(casting_error(uf, "output", nin + k, r.descrs[nin + k].get(), args.out[k]->dtype(), args.casting, nout));
  const Array* all[kMaxOps];
  int nall = 0;
  for (int i = 0; i < nin; ++i) all[nall++] = ops[i];
  for (int k = 0; k < nout; ++k)
    if (args.out[k]) all[nall++] = args.out[k];
  if (args.where) all[nall++] = args.where;
  int64_t shape[kMaxDims];
  const int32_t nd = broadcast_shape(nall, all, shape, BroadcastError::Ufunc);
  for (int k = 0; k < nout; ++k) {
    Array* o = args.out[k];
    if (!o) continue;
    bool same = o->ndim() == nd;
    for (int32_t d = 0; same && d < nd; ++d) same = o->shape(d) == shape[d];
    if (!same)
      throw_value("non-broadcastable output operand with shape " + numpy_shape_string(o->ndim(), o->shape()) +
                  " doesn't match the broadcast shape " + numpy_shape_string(nd, shape));
  }
  std::array<Array, 2> results;
  for (int k = 0; k < nout; ++k) {
    results[k] = Array::allocate(r.descrs[nin + k].get(), nd, shape, CNP_ORDER_C);
    ops[nin + k] = &results[k];
  }
  int32_t perm[kMaxDims];
  for (int32_t d = 0; d < nd; ++d) perm[d] = d;
  NdIter it;
  it.init(nin + nout, ops, nd, shape, perm);
  fpe_clear();  // the datetime loops raise divide-by-zero like NumPy's (RuntimeWarning / errstate)
  if (it.size() > 0)
    it.for_range(0, it.size(), [&](char* const* ptrs, const int64_t* strides, int64_t n) { r.fn(ptrs, strides, n, r.data); });
  fpe_report(fpe_read(), uf.name);
  Array mask;
  const Array* where = args.where;
  if (where && where->dtype()->typenum != CNP_BOOL) {
    mask = cast_copy(*where, builtin_dtype(CNP_BOOL), CNP_ORDER_K);
    where = &mask;
  }
  for (int k = 0; k < nout; ++k) {
    if (!args.out[k]) continue;
    assign(*args.out[k], results[k], CNP_CASTING_UNSAFE, where);
    results[k] = *args.out[k];
  }
  return results;
}

}  // namespace

std::array<Array, 2> call(Id id, const Array* const* inputs, const Args& args) {
  const Ufunc& uf = get(id);
  if (uf.loops.empty() && uf.kernels != Kernels::registry) throw Error(CNP_ERR_NOT_IMPLEMENTED, std::string("ufunc '") + uf.name + "' is not implemented");
  const int nin = uf.nin, nout = uf.nout;
  casting_name(args.casting);  // ValueError for a bad value
  if (args.order < CNP_ORDER_C || args.order > CNP_ORDER_K) throw_value("order must be one of 'C', 'F', 'A', or 'K'");
  Array* outs[2] = {args.out[0], args.out[1]};
  for (int k = 0; k < nout; ++k)
    if (outs[k] && !outs[k]->writeable()) throw_value("output array is read-only");

  // ---- the method of the loop registry for the inputs' classes ----
  {
    const Dtype* given[kMaxArgs];
    for (int i = 0; i < nin; ++i) given[i] = inputs[i]->dtype();
    const Method* m = loop_registry().find(static_cast<int32_t>(id), given, nin);
    if (!m) no_method(id, uf, inputs);
    if (!m->legacy()) return call_method(uf, *m, inputs, args);
  }

  // ---- effective input dtypes (NEP 50) and the loop ----
  const Dtype* eff[kMaxArgs] = {};
  const Dtype* strong = nullptr;
  bool any_weak = false;
  for (int i = 0; i < nin; ++i) {
    eff[i] = inputs[i]->dtype();
    if (inputs[i]->weak()) {
      any_weak = true;
    } else {
      strong = strong ? promote_types(strong, eff[i]) : eff[i];
    }
  }
  if (any_weak && strong) {
    for (int i = 0; i < nin; ++i)
      if (inputs[i]->weak()) eff[i] = weak_dtype(eff[i], strong);
  }
  const Loop* loop = &resolve_cached(id, uf, eff, inputs, args);
  if (any_weak && is_comparison(id)) {
    // NumPy 2 compares with out-of-range Python integers exactly: treat the scalar as a typed
    // integer (int64/uint64) instead of raising the OverflowError of the conversion.
    bool refit = false;
    for (int i = 0; i < nin; ++i)
      if (inputs[i]->weak() && !weak_int_fits(*inputs[i], builtin_dtype(loop->types[i]))) {
        eff[i] = inputs[i]->dtype();
        refit = true;
      }
    if (refit) {
      const Dtype* s2 = nullptr;
      for (int i = 0; i < nin; ++i) s2 = s2 ? promote_types(s2, eff[i]) : eff[i];
      for (int i = 0; i < nin; ++i) eff[i] = s2;
      loop = &resolve(uf, eff, inputs, args);
    }
  }

  Plan p;
  p.loop = loop;
  p.nin = nin;
  p.nout = nout;
  for (int k = 0; k < nin + nout; ++k) p.loop_dtype[k] = builtin_dtype(loop->types[k]);
  for (int i = 0; i < nin; ++i) {
    // A Python scalar's conversion is checked by value (convert_weak) unless dtype= forces a kind.
    if (inputs[i]->weak() && !args.dtype) continue;
    if (uf.int_beside_float && lifted_int(inputs[i], eff[i]) && is_integer(p.loop_dtype[i])) continue;  // by value
    if (!can_cast(eff[i], p.loop_dtype[i], args.casting))
      throw_type(casting_error(uf, "input", i, eff[i], p.loop_dtype[i], args.casting, nin));
  }
  for (int k = 0; k < nout; ++k)
    if (outs[k] && !can_cast(p.loop_dtype[nin + k], outs[k]->dtype(), args.casting))
      throw_type(casting_error(uf, "output", nin + k, p.loop_dtype[nin + k], outs[k]->dtype(), args.casting, nout));
  for (int k = 0; k < nout; ++k)  // numbers into strings or datetimes: not through the numeric buffers
    if (outs[k] && !is_numeric(outs[k]->dtype()))
      throw_type("cnumpy: this function does not support arrays of " + outs[k]->dtype()->repr);

  // ---- broadcasting: inputs, given outputs and where, in NumPy's operand order ----
  const Array* all[kMaxOps];
  int nall = 0;
  for (int i = 0; i < nin; ++i) all[nall++] = inputs[i];
  for (int k = 0; k < nout; ++k)
    if (outs[k]) all[nall++] = outs[k];
  if (args.where) all[nall++] = args.where;
  int64_t shape[kMaxDims];
  const int32_t nd = broadcast_shape(nall, all, shape, BroadcastError::Ufunc);
  for (int k = 0; k < nout; ++k) {
    if (!outs[k]) continue;
    bool same = outs[k]->ndim() == nd;
    for (int32_t d = 0; same && d < nd; ++d) same = outs[k]->shape(d) == shape[d];
    if (!same)
      throw_value("non-broadcastable output operand with shape " + numpy_shape_string(outs[k]->ndim(), outs[k]->shape()) +
                  " doesn't match the broadcast shape " + numpy_shape_string(nd, shape));
  }

  // ---- inputs: Python scalars converted by value, overlap with outputs broken by a copy ----
  fpe_clear();  // a scalar that overflows its new type warns "overflow encountered in cast"
  bool converted = false;
  for (int i = 0; i < nin; ++i) {
    const Array& a = *inputs[i];
    if (a.weak() && a.dtype() != p.loop_dtype[i]) {
      p.own[i] = convert_weak(a, p.loop_dtype[i]);
      p.op[i] = &p.own[i];
      converted = true;
    } else if (a.ndim() == 0 && a.dtype() != p.loop_dtype[i]) {
      p.own[i] = cast_copy(a, p.loop_dtype[i], CNP_ORDER_K);  // one element: cast once, not per run
      p.op[i] = &p.own[i];
      converted = true;
    } else {
      p.op[i] = &a;
    }
  }
  if (converted) {
    fpe_report(fpe_read(), "cast");
    fpe_clear();
  }
  std::array<Array, 2> results;
  for (int k = 0; k < nout; ++k) {
    if (outs[k]) p.op[nin + k] = outs[k];
  }
  p.has_where = args.where != nullptr;
  if (p.has_where) {
    if (args.where->dtype()->typenum == CNP_BOOL) {
      p.op[nin + nout] = args.where;
    } else {
      p.own[nin + nout] = cast_copy(*args.where, builtin_dtype(CNP_BOOL), CNP_ORDER_K);
      p.op[nin + nout] = &p.own[nin + nout];
    }
  }
  p.nop = nin + nout + (p.has_where ? 1 : 0);

  // Iteration order from the operands we have (NumPy's best axis ordering, C order on ties);
  // new outputs are laid out in that order (order K), or C/F as asked.
  NdIter it;
  {
    const Array* known[kMaxOps];
    int nk = 0;
    for (int i = 0; i < nin; ++i) known[nk++] = p.op[i];
    for (int k = 0; k < nout; ++k)
      if (outs[k]) known[nk++] = p.op[nin + k];
    int32_t perm[kMaxDims];
    int32_t order = args.order;
    if (order == CNP_ORDER_A) {
      bool all_f = true, all_c = true;
      for (int i = 0; i < nk; ++i) {
        all_f &= known[i]->f_contiguous();
        all_c &= known[i]->c_contiguous();
      }
      order = (all_f && !all_c) ? CNP_ORDER_F : CNP_ORDER_C;
    }
    if (order == CNP_ORDER_K) {
      best_axis_order(nk, known, nd, shape, perm);
    } else {
      for (int32_t d = 0; d < nd; ++d) perm[d] = order == CNP_ORDER_F ? nd - 1 - d : d;
    }
    for (int k = 0; k < nout; ++k) {
      if (outs[k]) continue;
      int64_t pshape[kMaxDims], pstrides[kMaxDims], strides[kMaxDims];
      for (int32_t d = 0; d < nd; ++d) pshape[d] = shape[perm[d]];
      Array fresh = Array::allocate(p.loop_dtype[nin + k], nd, pshape, CNP_ORDER_C);
      contiguous_strides(nd, pshape, fresh.itemsize(), CNP_ORDER_C, pstrides);
      for (int32_t d = 0; d < nd; ++d) strides[perm[d]] = pstrides[d];
      p.own[nin + k] = fresh.view(nd, shape, strides, fresh.data());
      p.op[nin + k] = &p.own[nin + k];
    }
    // A result the ufunc allocated owns its data (NumPy's OWNDATA) although it is another
    // reference to p.own's view of the fresh buffer: p.own dies with this call.
    for (int k = 0; k < nout; ++k) {
      results[k] = *p.op[nin + k];
      if (!outs[k]) results[k].set_owndata(true);
    }
    // An input that overlaps an output other than element-for-element is read from a copy.
    for (int i = 0; i < p.nop; ++i) {
      if (i >= nin && i < nin + nout) continue;
      for (int k = 0; k < nout; ++k) {
        const Array& o = *p.op[nin + k];
        if (!may_share_memory(*p.op[i], o)) continue;
        if (same_elementwise(*p.op[i], o, nd, shape)) continue;
        Array copy = cast_copy(*p.op[i], p.op[i]->dtype(), CNP_ORDER_K);
        p.own[i] = std::move(copy);
        p.op[i] = &p.own[i];
        break;
      }
    }
    for (int i = 0; i < nin; ++i) warn_if_discarding_imag(is_complex(p.op[i]->dtype()), p.loop_dtype[i]);
    for (int k = nin; k < nin + nout; ++k) warn_if_discarding_imag(is_complex(p.loop_dtype[k]), p.op[k]->dtype());
    for (int i = 0; i < nin; ++i) {
      p.cast_in[i] = p.op[i]->dtype() == p.loop_dtype[i] ? nullptr : cast_loop(p.op[i]->dtype()->typenum, p.loop_dtype[i]->typenum);
      p.any_cast |= p.cast_in[i] != nullptr;
    }
    for (int k = nin; k < nin + nout; ++k) {
      p.cast_out[k] = p.op[k]->dtype() == p.loop_dtype[k] ? nullptr : cast_loop(p.loop_dtype[k]->typenum, p.op[k]->dtype()->typenum);
      p.any_cast |= p.cast_out[k] != nullptr;
    }
    it.init(p.nop, p.op, nd, shape, perm);
  }

  // ---- run ----
  const int64_t total = it.size();
  if (total > 0) {
    std::atomic<int> flags{0};
    int nthreads = num_threads();
    int64_t work = total * std::max<int64_t>(uf.cost, 1);
    int nparts = (nthreads > 1 && work >= kParallelWork) ? nthreads : 1;
    // Split points on multiples of 1024 elements keep each thread's output cache lines its own.
    int64_t per = (total + nparts - 1) / nparts;
    per = (per + 1023) / 1024 * 1024;
    nparts = static_cast<int>((total + per - 1) / per);
    p.stream = !p.any_cast && !p.has_where && nout == 1 && total * p.loop_dtype[nin]->itemsize >= kStreamBytes;
    auto part = [&](int i) {
      bool worker = nparts > 1;
      if (worker) fpe_clear();
      std::vector<char> scratch(p.any_cast  ? static_cast<size_t>(kBuffer * 16 * kMaxArgs)
                                : p.stream ? static_cast<size_t>(kStreamBlock * 16 + 64)
                                           : 0);
      int64_t b = i * per, e = std::min(total, b + per);
      it.for_range(b, e, [&](char* const* ptrs, const int64_t* strides, int64_t n) {
        run_masked(p, ptrs, strides, n, scratch.data());
      });
      if (p.stream) stream_fence();  // streamed stores visible before the part counts as done
      if (worker) flags.fetch_or(fpe_read());
    };
    if (nparts > 1) {
      parallel_run(nparts, part);
    } else {
      part(0);
    }
    fpe_report(flags.load() | fpe_read(), uf.name);
  }
  return results;
}

const Dtype* common_dtype(int n, const Array* const* arrays) {
  const Dtype* strong = nullptr;
  const Dtype* weak = nullptr;
  for (int i = 0; i < n; ++i) {
    const Dtype* d = arrays[i]->dtype();
    if (arrays[i]->weak())
      weak = weak ? promote_types(weak, d) : d;
    else
      strong = strong ? promote_types(strong, d) : d;
  }
  if (!strong) return weak;
  return weak ? weak_dtype(weak, strong) : strong;
}

Array as_dtype(const Array& a, const Dtype* to) {
  if (a.dtype() == to) return a;
  if (a.weak()) return convert_weak(a, to);
  return cast_copy(a, to, CNP_ORDER_K);
}

Array weak_float(double v) {
  Array r = Array::allocate(builtin_dtype(CNP_FLOAT64), 0, nullptr, CNP_ORDER_C);
  std::memcpy(r.data(), &v, sizeof v);
  r.set_weak(true);
  return r;
}

Array call1(Id id, const Array& x, const Args& args) {
  const Array* in[1] = {&x};
  return std::move(call(id, in, args)[0]);
}

Array call2(Id id, const Array& x1, const Array& x2, const Args& args) {
  const Array* in[2] = {&x1, &x2};
  return std::move(call(id, in, args)[0]);
}

}  // namespace cnp::ufunc
