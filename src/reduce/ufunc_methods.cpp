// The methods of binary ufuncs: reduce, accumulate, reduceat and at, for every ufunc with a
// two-input, one-output loop. NumPy's machinery in one place: the loop is resolved as NumPy's
// reducelike_promote_and_resolve does (out stands in for the first operand; add/multiply widen
// small integers; logical ops reduce in bool), then the ufunc's own 1-D loop combines the
// accumulator with each element. add/multiply/maximum/minimum/logical_and/logical_or reductions
// go to the specialised engine in reduce.cpp (pairwise sums, threads); everything else runs here.
#include "reduce/ufunc_methods.hpp"

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "core/broadcast.hpp"
#include "core/cast.hpp"
#include "core/creation.hpp"
#include "core/error.hpp"
#include "core/iter.hpp"
#include "core/loop_registry.hpp"
#include "core/types.hpp"
#include "datetime/functions.hpp"
#include "indexing/advanced.hpp"
#include "ufunc/errstate.hpp"
#include "ufunc/execute.hpp"

namespace cnp::reduce {

using ufunc::Id;
using ufunc::Loop;

namespace {

const Dtype* dt(int t) { return builtin_dtype(t); }
const int64_t kNoDims[1] = {0};  // shape/strides of a 0-d view (never read, but not NULL)

struct Identity {
  bool has = false;          // NumPy's identity (used for empty reductions and where=)
  bool reorderable = false;  // more than one axis may be reduced at once
  cnp_scalar value{};
};

// From the ufunc's declaration (ufunc/declarations.hpp).
Identity identity_of(Id id) {
  Identity r;
  const ufunc::Identity declared = ufunc::get(id).identity;
  r.has = ufunc::identity_value(declared, &r.value);
  r.reorderable = r.has || declared == ufunc::Identity::reorderable;
  return r;
}

bool is_comparison(Id id) {
  return id == Id::equal || id == Id::not_equal || id == Id::less || id == Id::less_equal || id == Id::greater ||
         id == Id::greater_equal;
}

[[noreturn]] void no_signature(const char* name) {
  throw_type(std::string("No loop matching the specified signature and casting was found for ufunc ") + name);
}

// NumPy's reducelike_promote_and_resolve for ufunc.<method>: operands (out or a, a, out).
// `uniform` (accumulate, reduceat) also requires the second input to match.
const Loop& method_loop(Id id, const char* method, const Dtype* in, const Dtype* out_dt, const Dtype* dtype,
                        bool uniform) {
  // The ufunc's numeric loops (its legacy method's; isnat has none, and is unary).
  const ufunc::Ufunc& uf = ufunc::get(id);
  if (uf.nin != 2) throw_value(std::string(method) + " only supported for binary functions");
  if (uf.nout != 1) throw_value(std::string(method) + " only supported for functions returning a single value");
  const Dtype* fixed = dtype;
  if (!fixed && !out_dt && (id == Id::add || id == Id::multiply) &&
      (in->kind == 'b' || (is_integer(in) && in->itemsize < 8)))
    fixed = dt(in->kind == 'u' ? CNP_UINT64 : CNP_INT64);
  auto find = [&](int t0, int t1, int t2) -> const Loop* {
    for (const Loop& l : uf.loops)
      if ((t0 < 0 || l.types[0] == t0) && (t1 < 0 || l.types[1] == t1) && (t2 < 0 || l.types[2] == t2)) return &l;
    return nullptr;
  };
  if ((id == Id::logical_and || id == Id::logical_or || id == Id::logical_xor) && !dtype &&
      (!out_dt || out_dt->kind == 'b'))
    return *find(CNP_BOOL, CNP_BOOL, CNP_BOOL);  // NumPy's logical promoter: reduce in bool
  if (is_comparison(id)) {
    if (fixed ? fixed->kind != 'b' : (in->kind != 'b' || (out_dt && out_dt->kind != 'b'))) no_signature(uf.name);
    return *find(CNP_BOOL, CNP_BOOL, CNP_BOOL);
  }
  const Loop* l = nullptr;
  if (fixed) {
    const int t = fixed->typenum;
    for (const Loop& c : uf.loops)
      if (c.types[0] == t && c.types[2] == t && (!uniform || c.types[1] == t) &&
          can_cast(in, dt(c.types[1]), CNP_CASTING_SAFE)) {
        l = &c;
        break;
      }
    if (!l) l = find(t, uniform ? t : -1, t);
    if (!l) no_signature(uf.name);
  } else {
    const Dtype* ins[2] = {out_dt ? out_dt : in, in};
    try {
      l = &ufunc::resolve_loop(id, ins);
    } catch (const Error& e) {
      // NumPy names the missing accumulator operand "None" in the no-loop message.
      std::string m = e.what();
      const std::string cls = "(<class '";
      const size_t at = m.find(cls), end = at == std::string::npos ? at : m.find("'>", at);
      if (!out_dt && end != std::string::npos && m.find("did not contain a loop") != std::string::npos)
        m = m.substr(0, at + 1) + "None" + m.substr(end + 2);
      throw Error(e.status(), m);
    }
  }
  if (l->types[0] != l->types[2] || (uniform && l->types[1] != l->types[0]))
    throw_type(std::string("the resolved dtypes are not compatible with ") + uf.name + "." + method +
               ". Resolved (" + dtype_repr(dt(l->types[0])) + ", " + dtype_repr(dt(l->types[1])) + ", " +
               dtype_repr(dt(l->types[2])) + ")");
  return *l;
}

// acc op= x for one pair through the loop (acc is read and written in place).
inline void combine1(const Loop& l, char* acc, const char* x) {
  char* args[3] = {acc, const_cast<char*>(x), acc};
  const int64_t st[3] = {0, 0, 0};
  l.fn(args, st, 1, l.data);
}

// acc[i] op= x[i] for n elements (no aliasing between different i).
inline void combine_run(const Loop& l, char* acc, int64_t sacc, const char* x, int64_t sx, int64_t n) {
  char* args[3] = {acc, const_cast<char*>(x), acc};
  const int64_t st[3] = {sacc, sx, sacc};
  l.fn(args, st, n, l.data);
}

// *o = *o op in[0..n) with NumPy's reduce inner loop (the output is the first input, stride 0):
// float16 add/subtract/multiply/divide accumulate in float over the run and round once, as
// NumPy's half loops do; every other loop combines one element at a time.
void reduce_run_any(const Loop& l, Id id, char* o, const char* in, int64_t n, int64_t stride) {
  if (n <= 0) return;
  if (l.types[2] == CNP_FLOAT16 &&
      (id == Id::add || id == Id::subtract || id == Id::multiply || id == Id::divide)) {
    uint16_t h;
    std::memcpy(&h, o, 2);
    float io = half_to_float(h);
    for (int64_t i = 0; i < n; ++i) {
      std::memcpy(&h, in + i * stride, 2);
      const float v = half_to_float(h);
      switch (id) {
        case Id::add: io += v; break;
        case Id::subtract: io -= v; break;
        case Id::multiply: io *= v; break;
        default: io /= v; break;
      }
    }
    h = float_to_half(io);
    std::memcpy(o, &h, 2);
    return;
  }
  for (int64_t i = 0; i < n; ++i) combine1(l, o, in + i * stride);
}

// The shape and the strides of x and r without axis `ax` (one step of accumulate or reduceat).
struct Slab {
  int64_t shape[kMaxDims], xs[kMaxDims], rs[kMaxDims];
  int32_t nd = 0;
};
Slab slab_without(int64_t ax, const Array& x, const Array& r) {
  Slab s;
  for (int32_t i = 0; i < x.ndim(); ++i)
    if (i != ax) {
      s.shape[s.nd] = x.shape(i);
      s.xs[s.nd] = x.stride(i);
      s.rs[s.nd++] = r.stride(i);
    }
  return s;
}

// The reduce engine in reduce.cpp, for the ufuncs it implements, when NumPy's defaults apply.
bool specialised(Id id, const Array& a, const Axes& ax, const Dtype* dtype, Array* out, bool keepdims,
                 const Array* initial, bool skip_identity, const Array* where, Array* result) {
  if (skip_identity) return false;
  const Opts o{dtype, out, keepdims, initial, where};
  switch (id) {
    case Id::add: *result = sum(a, ax, o); return true;
    case Id::multiply: *result = prod(a, ax, o); return true;
    case Id::maximum: if (dtype) return false; *result = amax(a, ax, o); return true;
    case Id::minimum: if (dtype) return false; *result = amin(a, ax, o); return true;
    case Id::logical_and:
      if (dtype || (out && out->dtype()->kind != 'b') || initial) return false;
      *result = all(a, ax, o);
      return true;
    case Id::logical_or:
      if (dtype || (out && out->dtype()->kind != 'b') || initial) return false;
      *result = any(a, ax, o);
      return true;
    default: return false;
  }
}

}  // namespace

Array method_reduce(Id id, const Array& a_in, const Axes& ax, const Dtype* dtype, Array* out, bool keepdims,
                    const Array* initial, bool skip_identity, const Array* where) {
  Array a = a_in;
  if (ufunc::get(id).nin != 2) throw_value("reduce only supported for binary functions");
  if (ufunc::get(id).nout != 1) throw_value("reduce only supported for functions returning a single value");
  if (is_datetime(a.dtype()) && dtype && is_numeric(dtype) &&
      (id == Id::maximum || id == Id::minimum || id == Id::fmax || id == Id::fmin)) {
    // NumPy's uniform resolver honours a number dtype: the values, cast unsafely, reduce as numbers
    a = cast_copy(a_in, dtype, CNP_ORDER_K);
  } else if (is_datetime(a.dtype())) {  // datetime64/timedelta64: the loop registry's datetime methods
    return dt::reduce_times(id, a, ax, Opts{dtype, out, keepdims, initial, where}, skip_identity);
  }
  const ufunc::Ufunc& uf = ufunc::get(id);
  const Loop& loop = method_loop(id, "reduce", a.dtype(), out ? out->dtype() : nullptr, dtype, false);
  const Identity ident = identity_of(id);
  const int32_t nd = a.ndim();
  int32_t nred = 0;
  int64_t rcount = 1;
  for (int32_t i = 0; i < nd; ++i)
    if (ax.mask[i]) {
      ++nred;
      rcount *= a.shape(i);
    }
  if (nred > 1 && !ident.reorderable)
    throw_value(std::string("reduction operation '") + uf.name +
                "' is not reorderable, so at most one axis may be specified");
  check_out(uf.name, a, ax, keepdims, out);
  if (Array r; specialised(id, a, ax, dtype, out, keepdims, initial, skip_identity, where, &r)) return r;

  const Dtype* acc = dt(loop.types[2]);
  const bool use_identity = !initial && !skip_identity && ident.has;
  const bool has_start = initial || use_identity;
  if (where && !has_start)
    throw_value(std::string("reduction operation '") + uf.name +
                "' does not have an identity, so to use a where mask one has to specify 'initial'");
  int64_t kshape[kMaxDims], kstr[kMaxDims];
  for (int32_t i = 0; i < nd; ++i) kshape[i] = ax.mask[i] ? 1 : a.shape(i);
  Array r = Array::allocate(acc, nd, kshape, CNP_ORDER_C);
  if (rcount == 0 && r.size() > 0 && !has_start)
    throw_value(std::string("zero-size array to reduction operation ") + uf.name + " which has no identity");
  const Array x = a.dtype() == dt(loop.types[1]) ? a : cast_copy(a, dt(loop.types[1]), CNP_ORDER_K);
  if (!has_start && nred > 1 && r.size() > 0 && rcount > 0) {
    // Several axes without a start value (add.reduce(axis=None, initial=None)): the first
    // element must be combined once, so the reduced axes become one (kept axes first, then the
    // reduced ones, as one C-contiguous copy) and that one axis is reduced.
    int64_t shape[kMaxDims], strides[kMaxDims];
    int32_t k = 0;
    for (int pass = 0; pass < 2; ++pass)
      for (int32_t i = 0; i < nd; ++i)
        if (ax.mask[i] == (pass == 1)) {
          shape[k] = x.shape(i);
          strides[k++] = x.stride(i);
        }
    const Array moved = cast_copy(x.view(nd, shape, strides, x.data()), x.dtype(), CNP_ORDER_C);
    const int32_t nk = nd - nred;
    shape[nk] = rcount;
    int64_t cstr[kMaxDims];
    contiguous_strides(nk + 1, shape, moved.itemsize(), CNP_ORDER_C, cstr);
    Axes last;
    last.mask[nk] = true;
    Array red = method_reduce(id, moved.view(nk + 1, shape, cstr, moved.data()), last, dtype, nullptr, false, nullptr,
                              true, nullptr);
    if (keepdims) {
      int64_t rstr[kMaxDims];
      contiguous_strides(nd, kshape, red.itemsize(), CNP_ORDER_C, rstr);
      red = red.view(nd, kshape, rstr, red.data());
    }
    return to_out(red, out);
  }
  for (int32_t i = 0; i < nd; ++i) kstr[i] = ax.mask[i] ? 0 : r.stride(i);
  fpe_clear();
  Array src = x;
  if (initial) {
    assign(r, *initial, CNP_CASTING_UNSAFE);
  } else if (use_identity) {
    fill(r, ident.value);
  } else if (r.size() > 0) {
    // No start value: the first element along the reduced axes, then the rest (one reduced
    // axis here: several are merged into one above).
    Array first = x.view(nd, kshape, x.strides(), x.data());
    assign(r, first, CNP_CASTING_UNSAFE);
    if (nred == 1) {
      for (int32_t i = 0; i < nd; ++i)
        if (ax.mask[i]) {
          int64_t sh[kMaxDims];
          for (int32_t k = 0; k < nd; ++k) sh[k] = x.shape(k);
          sh[i] -= 1;
          src = x.view(nd, sh, x.strides(), x.data() + x.stride(i));
        }
    }
  }
  const bool copied_all = !has_start && nred == 0;  // axis=(): the copy is the result
  if (src.size() > 0 && r.size() > 0 && !copied_all) {
    int64_t wstr[kMaxDims] = {};
    static const uint8_t kTrue = 1;
    char* wbase = const_cast<char*>(reinterpret_cast<const char*>(&kTrue));
    if (where) {
      if (!broadcast_strides(*where, nd, x.shape(), wstr))
        throw_value("operands could not be broadcast together with remapped shapes");
      // src may start one element in along the axis: shift the mask the same way.
      wbase = const_cast<char*>(where->data());
      for (int32_t i = 0; i < nd; ++i)
        if (src.shape(i) != x.shape(i)) wbase += wstr[i];
    }
    const int64_t* strides[3] = {src.strides(), kstr, wstr};
    char* bases[3] = {const_cast<char*>(src.data()), r.data(), wbase};
    for_each_run<3>(nd, src.shape(), strides, bases, [&](char* const* p, const int64_t* s, int64_t n) {
      if (!where && s[1] != 0) {
        combine_run(loop, p[1], s[1], p[0], s[0], n);
        return;
      }
      if (!where) {  // out stride 0: NumPy's reduce inner loop over the run
        reduce_run_any(loop, id, p[1], p[0], n, s[0]);
        return;
      }
      for (int64_t i = 0; i < n; ++i)
        if (p[2][i * s[2]]) combine1(loop, p[1] + i * s[1], p[0] + i * s[0]);
    });
  }
  fpe_report(fpe_read(), "reduce");
  if (!keepdims) {
    int64_t oshape[kMaxDims];
    int32_t ond = 0;
    for (int32_t i = 0; i < nd; ++i)
      if (!ax.mask[i]) oshape[ond++] = a.shape(i);
    int64_t ostr[kMaxDims];
    contiguous_strides(ond, oshape, r.itemsize(), CNP_ORDER_C, ostr);
    r = r.view(ond, oshape, ostr, r.data());
  }
  return to_out(r, out);
}

Array method_accumulate(Id id, const Array& a, int64_t axis, const Dtype* dtype, Array* out) {
  if (a.ndim() == 0) throw_type("cannot accumulate on a scalar");
  const int64_t ax = normalize_axis(axis, a.ndim());
  const Loop& loop = method_loop(id, "accumulate", a.dtype(), out ? out->dtype() : nullptr, dtype, true);
  if (id == Id::add || id == Id::multiply) return accumulate(id == Id::multiply, a, true, ax, dtype, out);
  const Dtype* acc = dt(loop.types[2]);
  const Array x = a.dtype() == acc ? a : cast_copy(a, acc, CNP_ORDER_K);
  Array r = Array::allocate(acc, a.ndim(), a.shape(), CNP_ORDER_C);
  const int64_t len = a.shape(ax);
  // One slab (the array without `ax`) per step: r[i] = r[i-1] op x[i].
  const Slab sl = slab_without(ax, x, r);
  const int64_t *sshape = sl.shape, *xs = sl.xs, *rs = sl.rs;
  const int32_t sd = sl.nd;
  fpe_clear();
  if (r.size() > 0) {
    Array r0 = r.view(sd, sshape, rs, r.data()), x0 = x.view(sd, sshape, xs, const_cast<char*>(x.data()));
    assign(r0, x0, CNP_CASTING_UNSAFE);
    for (int64_t i = 1; i < len; ++i) {
      const int64_t* strides[3] = {xs, rs, rs};
      char* bases[3] = {const_cast<char*>(x.data()) + i * x.stride(ax), r.data() + (i - 1) * r.stride(ax),
                        r.data() + i * r.stride(ax)};
      for_each_run<3>(sd, sshape, strides, bases, [&](char* const* p, const int64_t* s, int64_t n) {
        char* args[3] = {p[1], p[0], p[2]};
        const int64_t st[3] = {s[1], s[0], s[2]};
        loop.fn(args, st, n, loop.data);
      });
    }
  }
  fpe_report(fpe_read(), "accumulate");
  return accumulate_out(r, out, true);
}

Array method_reduceat(Id id, const Array& a, const Array& indices0, int64_t axis, const Dtype* dtype, Array* out) {
  const ufunc::Ufunc& uf = ufunc::get(id);
  if (indices0.ndim() > 1) throw_value("object too deep for desired array");
  if (indices0.ndim() < 1) throw_value("object of too small depth for desired array");
  if (a.ndim() == 0) throw_type("cannot reduceat on a scalar");
  const int64_t ax = normalize_axis(axis, a.ndim());
  const Loop& loop = method_loop(id, "reduceat", a.dtype(), out ? out->dtype() : nullptr, dtype, true);
  const Array idx = cast_copy(indices0, dt(CNP_INT64), CNP_ORDER_C);
  const int64_t* ip = reinterpret_cast<const int64_t*>(idx.data());
  const int64_t ni = idx.size(), len = a.shape(ax);
  for (int64_t j = 0; j < ni; ++j)
    if (ip[j] < 0 || ip[j] >= len)
      throw_index("index " + std::to_string(ip[j]) + " out-of-bounds in " + uf.name + ".reduceat [0, " +
                  std::to_string(len) + ")");
  const Dtype* acc = dt(loop.types[2]);
  const Array x = a.dtype() == acc ? a : cast_copy(a, acc, CNP_ORDER_K);
  const int32_t nd = a.ndim();
  int64_t rshape[kMaxDims];
  for (int32_t i = 0; i < nd; ++i) rshape[i] = i == ax ? ni : a.shape(i);
  Array r = Array::allocate(acc, nd, rshape, CNP_ORDER_C);
  // The ops NumPy runs with its reduce inner loop (add sums each segment pairwise after its
  // first element) use the same routine as the reductions; the others combine one by one.
  Op op{};
  const bool fast = op_of(id, &op) && (op != Op::land && op != Op::lor);
  const Slab sl = slab_without(ax, x, r);
  const int64_t *sshape = sl.shape, *xs = sl.xs, *rs = sl.rs;
  const int32_t sd = sl.nd;
  const int64_t xa = x.stride(ax), ra = r.stride(ax);
  fpe_clear();
  for (int64_t j = 0; j < ni; ++j) {
    const int64_t s = ip[j], e = j + 1 < ni ? ip[j + 1] : len;
    const int64_t count = e > s ? e - s : 1;
    const int64_t* strides[2] = {xs, rs};
    char* bases[2] = {const_cast<char*>(x.data()) + s * xa, r.data() + j * ra};
    for_each_run<2>(sd, sshape, strides, bases, [&](char* const* p, const int64_t* st, int64_t n) {
      for (int64_t k = 0; k < n; ++k) {
        char* o = p[1] + k * st[1];
        const char* in = p[0] + k * st[0];
        std::memcpy(o, in, static_cast<size_t>(acc->itemsize));
        if (fast) {
          reduce_segment(op, acc->typenum, o, in + xa, count - 1, xa);
        } else {
          reduce_run_any(loop, id, o, in + xa, count - 1, xa);
        }
      }
    });
  }
  fpe_report(fpe_read(), "reduceat");
  if (out) {
    out->require_writeable();
    bool same = out->ndim() == r.ndim();
    for (int32_t i = 0; same && i < nd; ++i) same = out->shape(i) == r.shape(i);
    if (!same) throw_value("output operand has the wrong shape for reduceat");
    assign(*out, r, CNP_CASTING_UNSAFE);
    return *out;
  }
  return r;
}

void method_at(Id id, Array& a, int32_t nitems, const cnp_index* items, const Array* b) {
  const ufunc::Ufunc& uf = ufunc::get(id);
  if (uf.nout != 1) throw_value("Only single output ufuncs supported at this time");
  if (uf.nin == 2 && !b) throw_value("second operand needed for ufunc");
  if (uf.nin == 1 && b) throw_value("second operand provided when ufunc is unary");
  if (uf.nin > 2) throw_value("Only unary and binary ufuncs supported at this time");
  a.require_writeable();
  // The byte offset of every element of a, indexed like a: NumPy's index rules and errors
  // (bounds, masks, broadcasting of index arrays) come from the one indexing engine.
  const int32_t nd = a.ndim();
  Array offs = Array::allocate(dt(CNP_INT64), nd, a.shape(), CNP_ORDER_C);
  {
    int64_t* op = reinterpret_cast<int64_t*>(offs.data());
    const int64_t n = offs.size();
    int64_t counter[kMaxDims] = {};
    int64_t off = 0;
    for (int64_t k = 0; k < n; ++k) {
      op[k] = off;
      for (int32_t d = nd - 1; d >= 0; --d) {
        off += a.stride(d);
        if (++counter[d] < a.shape(d)) break;
        off -= a.stride(d) * a.shape(d);
        counter[d] = 0;
      }
    }
  }
  const Array sel0 = index_get(offs, nitems, items);
  const Array sel = sel0.c_contiguous() ? sel0 : cast_copy(sel0, sel0.dtype(), CNP_ORDER_C);
  const Loop* loop;
  if (uf.nin == 2) {
    // A Python scalar b takes a's type when its kind allows (NEP 50), as in a plain call.
    const Array* both[2] = {&a, b};
    const Dtype* ins[2] = {a.dtype(), b->weak() ? ufunc::common_dtype(2, both) : b->dtype()};
    loop = &ufunc::resolve_loop(id, ins);
  } else {
    const Dtype* ins[1] = {a.dtype()};
    loop = &ufunc::resolve_loop(id, ins);
  }
  Array bv;
  if (b) {
    int64_t bs[kMaxDims];
    if (!broadcast_strides(*b, sel.ndim(), sel.shape(), bs)) throw_value("array is not broadcastable to correct shape");
    const Array bcast = b->view(sel.ndim(), sel.shape(), bs, const_cast<char*>(b->data()));
    bv = cast_copy(bcast, dt(loop->types[1]), CNP_ORDER_C);
  }
  const Dtype* in0 = dt(loop->types[0]);
  const Dtype* res = dt(loop->types[uf.nin]);
  const int64_t n = sel.size();
  const int64_t* op = reinterpret_cast<const int64_t*>(sel.data());
  // One element at a time, in index order, so repeated indices accumulate (unbuffered).
  Array cell = a.view(0, kNoDims, kNoDims, a.data());
  Array x = Array::allocate(in0, 0, kNoDims, CNP_ORDER_C), y = Array::allocate(res, 0, kNoDims, CNP_ORDER_C);
  fpe_clear();
  for (int64_t k = 0; k < n; ++k) {
    cell = a.view(0, kNoDims, kNoDims, a.data() + op[k]);
    assign(x, cell, CNP_CASTING_UNSAFE);
    char* args[3] = {x.data(), b ? bv.data() + k * bv.itemsize() : y.data(), y.data()};
    if (uf.nin == 1) args[1] = y.data();
    const int64_t st[3] = {0, 0, 0};
    loop->fn(args, st, 1, loop->data);
    assign(cell, y, CNP_CASTING_UNSAFE);
  }
  fpe_report(fpe_read(), "at");
}

Id ufunc_id(const char* name) {
  if (!name) throw_value("ufunc name is NULL");
  const std::string n(name);
  for (const ufunc::Alias& alias : ufunc::kAliases)
    if (n == alias.name) return alias.id;
  for (int i = 0; i < ufunc::kCount; ++i)
    if (n == ufunc::get(static_cast<Id>(i)).name) return static_cast<Id>(i);
  throw_value("unknown ufunc '" + n + "'");
}

}  // namespace cnp::reduce
