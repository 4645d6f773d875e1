// datetime_as_string, isnat and the datetime reductions (functions.hpp).
#include "datetime/functions.hpp"

#include <cstring>
#include <vector>

#include "core/cast.hpp"
#include "core/error.hpp"
#include "core/iter.hpp"
#include "core/loop_registry.hpp"
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

Array isnat(const Array& a, Array* out) {
  if (a.dtype()->kind != 'M' && a.dtype()->kind != 'm')
    throw_type("ufunc 'isnat' is only defined for np.datetime64 and np.timedelta64.");
  Array r = Array::allocate(builtin_dtype(CNP_BOOL), a.ndim(), a.shape(), CNP_ORDER_C);
  const bool swapped = a.dtype()->swapped;
  each_element(a, r, [&](const char* s, char* o) {
    uint64_t u;
    std::memcpy(&u, s, 8);
    if (swapped) u = __builtin_bswap64(u);
    *o = static_cast<char>(static_cast<int64_t>(u) == kNaT);
  });
  if (out) {
    assign(*out, r, CNP_CASTING_SAME_KIND, nullptr);
    return *out;
  }
  return r;
}

Array reduce_times(ufunc::Id id, const Array& a, const reduce::Axes& ax, const reduce::Opts& o) {
  if (o.where || o.initial || o.dtype)
    throw Error(CNP_ERR_NOT_IMPLEMENTED, "cnumpy: dtype=, initial= and where= are not supported for datetime reductions");
  const Dtype* d = a.dtype();
  const Dtype* given[2] = {d, d};
  const Method* m = loop_registry().find(static_cast<int32_t>(id), given, 2);
  const char* name = ufunc::get(id).name;
  if (!m) throw_type(std::string("ufunc '") + name + "' not supported for the input types");
  ResolvedLoop r;
  m->resolve(*m, given, r);
  const Dtype* acc = r.descrs[0].get();
  if (!dtype_equal(acc, r.descrs[2].get()) || !dtype_equal(acc, r.descrs[1].get()))
    throw_type(std::string("the resolved dtypes are not compatible with ") + name + ".reduce. Resolved (" +
               dtype_repr(r.descrs[0].get()) + ", " + dtype_repr(r.descrs[1].get()) + ", " +
               dtype_repr(r.descrs[2].get()) + ")");
  // Kept axes first, reduced axes last, as one contiguous copy in the loop's descriptor.
  const int32_t nd = a.ndim();
  int64_t shape[kMaxDims], strides[kMaxDims], out_shape[kMaxDims], keep_shape[kMaxDims];
  int32_t k = 0, nkept = 0;
  int64_t nout = 1, rlen = 1;
  for (int32_t i = 0; i < nd; ++i) {
    const bool red = ax.all || ax.mask[i];
    keep_shape[i] = red ? 1 : a.shape(i);
    if (!red) {
      shape[k] = a.shape(i);
      strides[k++] = a.stride(i);
      out_shape[nkept++] = a.shape(i);
      nout *= a.shape(i);
    }
  }
  for (int32_t i = 0; i < nd; ++i)
    if (ax.all || ax.mask[i]) {
      shape[k] = a.shape(i);
      strides[k++] = a.stride(i);
      rlen *= a.shape(i);
    }
  const Array moved = a.view(nd, shape, strides, a.data());
  const Array buf = cast_copy(moved, acc, CNP_ORDER_C);
  Array res = o.keepdims ? Array::allocate(acc, nd, keep_shape, CNP_ORDER_C)
                         : Array::allocate(acc, nkept, out_shape, CNP_ORDER_C);
  char* dst = res.data();
  if (rlen == 0) {
    if (nout > 0 && id != ufunc::Id::add)
      throw_value(std::string("zero-size array to reduction operation ") + name + " which has no identity");
    std::memset(dst, 0, static_cast<size_t>(nout) * 8);
  } else {
    const char* src = buf.data();
    for (int64_t i = 0; i < nout; ++i) {
      char* accp = dst + i * 8;
      std::memcpy(accp, src + i * rlen * 8, 8);
      if (rlen > 1) {
        char* args[3] = {accp, const_cast<char*>(src + (i * rlen + 1) * 8), accp};
        const int64_t st[3] = {0, 8, 0};
        r.fn(args, st, rlen - 1, r.data);
      }
    }
  }
  return reduce::to_out(res, o.out);
}

}  // namespace cnp::dt
