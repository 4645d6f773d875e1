// datetime_as_string and the datetime reductions (functions.hpp); isnat is a ufunc (arith.cpp).
#include "datetime/functions.hpp"

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "core/cast.hpp"
#include "core/creation.hpp"
#include "core/error.hpp"
#include "core/iter.hpp"
#include "core/loop_registry.hpp"
#include "datetime/casts.hpp"
#include "datetime/parse.hpp"
#include "datetime/split.hpp"
#include "datetime/units.hpp"

namespace cnp::dt {

namespace {
const char* casting_word(int32_t c) {
  switch (c) {
    case CNP_CASTING_NO: return "'no'";
    case CNP_CASTING_EQUIV: return "'equiv'";
    case CNP_CASTING_SAFE: return "'safe'";
    case CNP_CASTING_SAME_KIND: return "'same_kind'";
    default: return "'unsafe'";
  }
}

template <class F>
void each_element(const Array& in, Array& out, F f) {
  const Array* ops[2] = {&in, &out};
  int32_t perm[kMaxDims];
  for (int32_t i = 0; i < in.ndim(); ++i) perm[i] = i;
  if (in.size() == 0) return;
  NdIter it;
  it.init(2, ops, in.ndim(), in.shape(), perm);
  split_run(it.size(), [&](int64_t b, int64_t e) {
    it.for_range(b, e, [&](char* const* p, const int64_t* s, int64_t n) {
      for (int64_t i = 0; i < n; ++i) f(p[0] + i * s[0], p[1] + i * s[1]);
    });
  });
}
}  // namespace

Array datetime_as_string(const Array& a, int32_t unit, Zone zone, int32_t offset_minutes, int32_t casting) {
  const Dtype* d = a.dtype();
  if (d->kind != 'M') throw_type("input must have type NumPy datetime");
  if (unit == kAsStringUnitNone) {
    unit = d->unit;
  } else if (unit >= 0 && !can_cast_datetime_units(d->unit, unit, casting)) {
    throw_type(std::string("Cannot create a datetime string as units '") + datetime_unit_name(unit) +
               "' from a NumPy datetime with units '" + datetime_unit_name(d->unit) + "' according to the rule " +
               casting_word(casting));
  }
  const bool local = zone == Zone::local || zone == Zone::offset;
  const int64_t width = iso_strlen(local, unit) ;
  DtypeRef ud = make_flexible('U', width);
  Array out = Array::allocate(ud.get(), a.ndim(), a.shape(), CNP_ORDER_C, true);
  const int32_t from_unit = d->unit;
  const int64_t count = d->unit_count;
  const bool swapped = d->swapped;
  const int64_t cap = width;
  each_element(a, out, [&](const char* s, char* o) {
    uint64_t u;
    std::memcpy(&u, s, 8);
    if (swapped) u = __builtin_bswap64(u);
    const int64_t v = static_cast<int64_t>(u);
    char buf[kMaxIsoLen];
    size_t len;
    if (v == kNaT) {
      std::memcpy(buf, "NaT", 3);
      len = 3;
    } else {
      DateTimeStruct st;
      value_to_struct(v, from_unit, count, &st);
      len = format_iso(st, unit, zone, offset_minutes, casting, buf);
    }
    if (static_cast<int64_t>(len) > cap) len = static_cast<size_t>(cap);
    for (size_t k = 0; k < len; ++k) {
      const uint32_t c = static_cast<unsigned char>(buf[k]);
      std::memcpy(o + 4 * k, &c, 4);
    }
  });
  return out;
}

namespace {

bool is_extreme(ufunc::Id id) {
  return id == ufunc::Id::maximum || id == ufunc::Id::minimum || id == ufunc::Id::fmax || id == ufunc::Id::fmin;
}

int64_t load64(const char* p) {
  int64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

// A 0-d U or S array as UTF-8 text (the ISO parser and strtol read bytes).
std::string text_of(const Array& s) {
  std::string t;
  const Dtype* d = s.dtype();
  if (d->kind == 'S') {
    t.assign(s.data(), static_cast<size_t>(d->itemsize));
  } else {
    for (int64_t i = 0; i < d->itemsize / 4; ++i) {
      uint32_t c;
      std::memcpy(&c, s.data() + 4 * i, 4);
      if (d->swapped) c = __builtin_bswap32(c);
      if (c < 0x80) {
        t += static_cast<char>(c);
      } else if (c < 0x800) {
        t += static_cast<char>(0xC0 | (c >> 6));
        t += static_cast<char>(0x80 | (c & 0x3F));
      } else if (c < 0x10000) {
        t += static_cast<char>(0xE0 | (c >> 12));
        t += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        t += static_cast<char>(0x80 | (c & 0x3F));
      } else {
        t += static_cast<char>(0xF0 | (c >> 18));
        t += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        t += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        t += static_cast<char>(0x80 | (c & 0x3F));
      }
    }
  }
  const size_t nul = t.find('\0');
  if (nul != std::string::npos) t.resize(nul);
  return t;
}

// NumPy 1.24 packs a reduction's `initial` into the accumulator's descriptor with its setitem
// (convert_pyobject_to_datetime/_timedelta under 'same_kind') or, for a value of another DType,
// an unsafe cast of the raw value. Here the Python layer's operand stands for the object: weak
// ints are Python ints (raw values), weak floats and complex numbers Python floats (refused).
int64_t initial_value(const Array& iv, const Dtype* acc) {
  const bool datetime = acc->kind == 'M';
  const std::string refuse = std::string("Could not convert object to NumPy ") + (datetime ? "datetime" : "timedelta");
  const Dtype* d = iv.dtype();
  if (iv.ndim() != 0 || (iv.weak() && (d->kind == 'f' || d->kind == 'c'))) throw_value(refuse);
  if (iv.weak() && datetime && acc->unit == kUnitGeneric)
    throw_value("Converting an integer to a NumPy datetime requires a specified unit");
  if (iv.weak() && d->kind == 'u' && static_cast<int64_t>(load64(iv.data())) < 0) throw Error(CNP_ERR_OVERFLOW, "int too big to convert");
  if (d->kind == 'U' || d->kind == 'S') {
    const std::string t = text_of(iv);
    if (datetime) {
      bool tz = false;
      const int64_t v = parse_to_value(t.data(), t.size(), acc->unit, acc->unit_count, &tz);
      if (tz) warn_timezone();
      return v;
    }
    if (t.empty() || ((t.size() == 3) && (t[0] | 0x20) == 'n' && (t[1] | 0x20) == 'a' && (t[2] | 0x20) == 't'))
      return kNaT;
    char* end = nullptr;
    const long long v = std::strtoll(t.c_str(), &end, 10);  // NumPy: strtol over the whole string
    if (end == t.c_str() + t.size()) return v;
    throw_value(refuse);
  }
  if (d->kind == acc->kind) {  // same DType: the setitem's metadata check ('same_kind'), then units
    DtypeRef native = make_datetime(d->kind, d->unit, d->unit_count);
    const Array v = cast_copy(iv, native.get(), CNP_ORDER_C);
    int64_t x = load64(v.data());
    if (x == kNaT) return kNaT;
    const bool ok = datetime ? can_cast_datetime_units(d->unit, acc->unit, CNP_CASTING_SAME_KIND)
                             : can_cast_timedelta_units(d->unit, acc->unit, CNP_CASTING_SAME_KIND);
    if (!ok)  // NumPy's text names a timedelta64 scalar for datetimes too
      throw_type("Cannot cast NumPy timedelta64 scalar from metadata " + metastr(d->unit, d->unit_count) + " to " +
                 metastr(acc->unit, acc->unit_count) + " according to the rule 'same_kind'");
    int64_t y;
    convert_values(&x, &y, 1, native.get(), acc);
    return y;
  }
  if (!is_numeric(d) && !is_datetime(d)) throw_value(refuse);
  const Array v = cast_copy(iv, acc, CNP_ORDER_C);  // numbers, the other time kind: raw values
  return load64(v.data());
}

}  // namespace

Array reduce_times(ufunc::Id id, const Array& a, const reduce::Axes& ax, const reduce::Opts& o, bool skip_identity) {
  const char* name = ufunc::get(id).name;
  // dtype= selects a DType only (NumPy's signature normalisation); the datetime resolvers of add
  // and multiply ignore it, maximum/minimum with a number dtype are the caller's (method_reduce).
  if (o.dtype && is_datetime(o.dtype) && o.dtype->unit != kUnitGeneric)
    throw_type("The `dtype` and `signature` arguments to ufuncs only select the general DType and not details such "
               "as the byte order or time unit. You can avoid this error by using the scalar types `np.float64` or "
               "the dtype string notation.");
  // The loop is resolved for (out or input, input) as NumPy's reducelike_promote_and_resolve
  // does; its first descriptor is the accumulator and must be the output's. A datetime out with
  // a timedelta input (or the reverse) meets in datetime64 for maximum/minimum (the reduction
  // casts unsafely, so NumPy's promotion gives M8 there).
  const Dtype* given[2] = {o.out ? o.out->dtype() : a.dtype(), a.dtype()};
  DtypeRef as_dt[2];
  if (is_extreme(id) && is_datetime(given[0]) && given[0]->kind != given[1]->kind)
    for (int k = 0; k < 2; ++k) {
      as_dt[k] = make_datetime('M', given[k]->unit, given[k]->unit_count);
      given[k] = as_dt[k].get();
    }
  const Method* m = loop_registry().find(static_cast<int32_t>(id), given, 2);
  if (!m) throw_type(std::string("ufunc '") + name + "' not supported for the input types");
  ResolvedLoop r;
  m->resolve(*m, given, r);
  const Dtype* acc = r.descrs[0].get();
  if (!dtype_equal(acc, r.descrs[2].get()))
    throw_type(std::string("the resolved dtypes are not compatible with ") + name + ".reduce. Resolved (" +
               dtype_repr(r.descrs[0].get()) + ", " + dtype_repr(r.descrs[1].get()) + ", " +
               dtype_repr(r.descrs[2].get()) + ")");
  reduce::check_out(name, a, ax, o.keepdims, o.out);
  // The start of every reduction: initial=, else the identity (add: 0 in the accumulator's
  // descriptor, so an M8 out starts at the epoch as in NumPy), else the first element.
  const bool identity = id == ufunc::Id::add && !skip_identity;
  int64_t start = 0;
  const bool has_start = o.initial || identity;
  if (o.initial) start = initial_value(*o.initial, acc);
  if (o.where && !has_start)
    throw_value(std::string("reduction operation '") + name +
                "' does not have an identity, so to use a where mask one has to specify 'initial'");
  // Kept axes first, reduced axes last, as one contiguous copy in the loop's input descriptor
  // (and the where mask the same way).
  const int32_t nd = a.ndim();
  int64_t shape[kMaxDims], strides[kMaxDims], wstrides[kMaxDims], out_shape[kMaxDims], keep_shape[kMaxDims];
  Array wfull;
  if (o.where) wfull = broadcast_to(*o.where, nd, a.shape());
  int32_t k = 0, nkept = 0;
  int64_t nout = 1, rlen = 1;
  for (int pass = 0; pass < 2; ++pass)
    for (int32_t i = 0; i < nd; ++i) {
      const bool red = ax.all || ax.mask[i];
      if (pass == 0) keep_shape[i] = red ? 1 : a.shape(i);
      if (red != (pass == 1)) continue;
      shape[k] = a.shape(i);
      strides[k] = a.stride(i);
      if (o.where) wstrides[k] = wfull.stride(i);
      ++k;
      if (pass == 0) {
        out_shape[nkept++] = a.shape(i);
        nout *= a.shape(i);
      } else {
        rlen *= a.shape(i);
      }
    }
  const Array buf = cast_copy(a.view(nd, shape, strides, a.data()), r.descrs[1].get(), CNP_ORDER_C);
  Array mask;
  if (o.where) mask = cast_copy(wfull.view(nd, shape, wstrides, wfull.data()), builtin_dtype(CNP_BOOL), CNP_ORDER_C);
  Array res = o.keepdims ? Array::allocate(acc, nd, keep_shape, CNP_ORDER_C)
                         : Array::allocate(acc, nkept, out_shape, CNP_ORDER_C);
  if (rlen == 0 && nout > 0 && !has_start)
    throw_value(std::string("zero-size array to reduction operation ") + name + " which has no identity");
  char* dst = res.data();
  const char* src = buf.data();
  const int64_t skip = has_start ? 0 : 1;  // the first element starts the reduction
  Array firsts;
  if (!has_start && nout > 0) {  // each row's first element, in the accumulator's descriptor
    const int64_t st = rlen * buf.dtype()->itemsize;
    firsts = cast_copy(buf.view(1, &nout, &st, buf.data()), acc, CNP_ORDER_C);
  }
  for (int64_t i = 0; i < nout; ++i) {
    char* accp = dst + i * 8;
    if (has_start) std::memcpy(accp, &start, 8);
    else std::memcpy(accp, firsts.data() + i * 8, 8);
    const char* row = src + (i * rlen) * 8;
    const int64_t st3[3] = {0, 8, 0};
    if (!o.where) {
      if (rlen > skip) {
        char* args[3] = {accp, const_cast<char*>(row + skip * 8), accp};
        r.fn(args, st3, rlen - skip, r.data);
      }
      continue;
    }
    const char* mrow = mask.data() + i * rlen;
    for (int64_t j = 0; j < rlen;) {  // runs of unmasked elements
      while (j < rlen && !mrow[j]) ++j;
      int64_t e = j;
      while (e < rlen && mrow[e]) ++e;
      if (e > j) {
        char* args[3] = {accp, const_cast<char*>(row + j * 8), accp};
        r.fn(args, st3, e - j, r.data);
      }
      j = e;
    }
  }
  return reduce::to_out(res, o.out);
}

}  // namespace cnp::dt
