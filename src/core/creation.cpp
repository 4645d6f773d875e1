#include "core/creation.hpp"

#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include "core/arith.hpp"
#include "core/broadcast.hpp"
#include "core/cast.hpp"
#include "core/error.hpp"
#include "core/iter.hpp"
#include "core/types.hpp"

namespace cnp {

namespace {

cnp_scalar typed_one() {
  cnp_scalar one{};
  one.typenum = CNP_INT64;
  one.value.i = 1;
  return one;
}

void check_order_cf(int32_t order) {
  if (order != CNP_ORDER_C && order != CNP_ORDER_F) throw_value("only 'C' or 'F' order is permitted");
}

bool is_int_scalar(const cnp_scalar& s) {
  char k = scalar_dtype(s)->kind;
  return k == 'b' || k == 'i' || k == 'u';
}
bool is_complex_scalar(const cnp_scalar& s) { return scalar_dtype(s)->kind == 'c'; }

// Python-number views of a scalar, used to reproduce arange's Python arithmetic.
__int128 as_int(const cnp_scalar& s) {
  return s.typenum == CNP_UINT64 || scalar_dtype(s)->kind == 'u' ? static_cast<__int128>(s.value.u)
                                                                    : static_cast<__int128>(s.value.i);
}
double as_real(const cnp_scalar& s) {
  if (is_int_scalar(s)) return static_cast<double>(as_int(s));
  if (is_complex_scalar(s)) return s.value.c[0];
  return s.value.f;
}
double as_imag(const cnp_scalar& s) { return is_complex_scalar(s) ? s.value.c[1] : 0.0; }

// NumPy 1.24's length rule: ceil of the ratio; a nonzero distance whose ratio underflows to 0
// (a step of inf) still gives one element unless the ratio is negative.
int64_t arange_length(double ratio, bool delta_nonzero) {
  if (ratio == 0.0 && delta_nonzero) return std::signbit(ratio) ? 0 : 1;
  double c = std::ceil(ratio);
  if (std::isnan(c)) throw_value("arange: cannot compute length");
  if (!(c >= -9223372036854775808.0 && c < 9223372036854775808.0)) throw_value("Maximum allowed size exceeded");
  return static_cast<int64_t>(c);
}

// NumPy's per-dtype "fill": extend buffer[0], buffer[1] as start + i*delta in the dtype's arithmetic.
template <class T>
void arange_fill(char* buf, int64_t length) {
  T* b = reinterpret_cast<T*>(buf);
  if constexpr (is_int_v<T>) {
    T start = b[0];
    T delta = static_cast<T>(b[1] - start);
    for (int64_t i = 2; i < length; ++i)
      b[i] = static_cast<T>(static_cast<uint64_t>(start) + static_cast<uint64_t>(i) * static_cast<uint64_t>(delta));
  } else if constexpr (std::is_same_v<T, half_t>) {
    float start = half_to_float(b[0].bits), delta = half_to_float(b[1].bits) - start;
    for (int64_t i = 2; i < length; ++i) b[i].bits = float_to_half(start + static_cast<float>(i) * delta);
  } else if constexpr (is_complex_v<T>) {
    using R = typename T::value_type;
    R sr = b[0].real(), si = b[0].imag(), dr = b[1].real() - sr, di = b[1].imag() - si;
    for (int64_t i = 2; i < length; ++i) b[i] = T(sr + static_cast<R>(i) * dr, si + static_cast<R>(i) * di);
  } else if constexpr (std::is_floating_point_v<T>) {
    T start = b[0], delta = b[1] - start;
    for (int64_t i = 2; i < length; ++i) b[i] = start + static_cast<T>(i) * delta;
  }
}

// Contiguous copy of `a` broadcast to shape, converted to dt.
Array contiguous_broadcast(const Array& a, int32_t ndim, const int64_t* shape, const Dtype* dt) {
  Array out = Array::allocate(dt, ndim, shape, CNP_ORDER_C);
  Array view = broadcast_to(a, ndim, shape);
  assign(out, view, CNP_CASTING_UNSAFE);
  return out;
}

const Dtype* inexact_of(const Dtype* d) {
  return (d->kind == 'b' || d->kind == 'i' || d->kind == 'u') ? default_float() : d;
}

// The (num, *B) samples of linspace in dt, before the axis move and the final cast.
template <class T>
void linspace_fill(const Array& start, const Array& stop, int64_t num, bool endpoint, Array& y, Array* step) {
  using A = Arith<T>;
  using V = typename A::V;
  const int64_t m = start.size();
  const T* s0 = reinterpret_cast<const T*>(start.data());
  const T* s1 = reinterpret_cast<const T*>(stop.data());
  T* out = reinterpret_cast<T*>(y.data());
  const int64_t div = endpoint ? num - 1 : num;
  std::vector<V> delta(static_cast<size_t>(m)), stp(static_cast<size_t>(m));
  bool any_step_zero = false;
  for (int64_t j = 0; j < m; ++j) {
    delta[j] = A::sub(A::load(s1[j]), A::load(s0[j]));
    if (div > 0) {
      stp[j] = A::div(delta[j], A::from_index(div));
      any_step_zero |= A::is_zero(stp[j]);
    }
  }
  for (int64_t i = 0; i < num; ++i) {
    V yi = A::from_index(i);
    for (int64_t j = 0; j < m; ++j) {
      V v;
      if (div > 0) v = any_step_zero ? A::mul(A::div(yi, A::from_index(div)), delta[j]) : A::mul(yi, stp[j]);
      else v = A::mul(yi, delta[j]);
      out[i * m + j] = A::store(A::add(v, A::load(s0[j])));
    }
  }
  if (endpoint && num > 1)
    for (int64_t j = 0; j < m; ++j) out[(num - 1) * m + j] = s1[j];
  if (step) {
    T* so = reinterpret_cast<T*>(step->data());
    for (int64_t j = 0; j < m; ++j)
      so[j] = div > 0 ? A::store(stp[j]) : A::store(A::from_double(std::numeric_limits<double>::quiet_NaN()));
  }
}

template <class F>
decltype(auto) visit_inexact(const Dtype* dt, F&& f) {
  switch (dt->typenum) {
    case CNP_FLOAT16: return f(Tag<half_t>{});
    case CNP_FLOAT32: return f(Tag<float>{});
    case CNP_FLOAT64: return f(Tag<double>{});
    case CNP_COMPLEX64: return f(Tag<c64_t>{});
    case CNP_COMPLEX128: return f(Tag<c128_t>{});
    default: throw Error(CNP_ERR_INTERNAL, "inexact dtype expected");
  }
}

void floor_inplace(Array& y) {
  visit_inexact(y.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    using A = Arith<T>;
    T* p = reinterpret_cast<T*>(y.data());
    for (int64_t i = 0, n = y.size(); i < n; ++i) p[i] = A::store(A::floor(A::load(p[i])));
  });
}

// Final `astype(dtype, copy=False)` of NumPy's Python implementations.
Array astype_nocopy(const Array& a, const Dtype* dtype) {
  if (a.dtype()->typenum == dtype->typenum) return a;
  return cast_copy(a, dtype, CNP_ORDER_K);
}

}  // namespace

Array make_array(int32_t ndim, const int64_t* shape, const Dtype* dtype, int32_t order, Init init) {
  check_order_cf(order);
  Array a = Array::allocate(dtype ? dtype : default_float(), ndim, shape, order, init == Init::Zeros);
  if (init == Init::Ones) fill(a, typed_one());
  return a;
}

Array make_like(const Array& proto, const Dtype* dtype, int32_t order, int32_t ndim, const int64_t* shape, Init init) {
  if (ndim >= 0) checked_size(ndim, shape, 1);
  Array a = allocate_like(proto, dtype ? dtype : proto.dtype(), order, ndim, shape, init == Init::Zeros);
  if (init == Init::Ones) fill(a, typed_one());
  return a;
}

namespace {
void fill_from(Array& out, const Array& fill_value) {
  // A Python scalar keeps its Python-value rules (NEP 50): 300 into int8 is an OverflowError.
  if (fill_value.weak() && fill_value.ndim() == 0) {
    cnp_scalar s = load_scalar(fill_value.dtype(), fill_value.data());
    s.flags |= CNP_SCALAR_WEAK;
    fill(out, s);
    return;
  }
  assign(out, fill_value, CNP_CASTING_UNSAFE);
}
}  // namespace

Array full(int32_t ndim, const int64_t* shape, const Array& fill_value, const Dtype* dtype, int32_t order) {
  check_order_cf(order);
  Array out = Array::allocate(dtype ? dtype : fill_value.dtype(), ndim, shape, order);
  fill_from(out, fill_value);
  return out;
}

Array full_like(const Array& proto, const Array& fill_value, const Dtype* dtype, int32_t order, int32_t ndim,
                const int64_t* shape) {
  Array out = make_like(proto, dtype, order, ndim, shape, Init::Empty);
  fill_from(out, fill_value);
  return out;
}

Array from_scalar(const cnp_scalar& value, const Dtype* dtype) {
  const Dtype* d = dtype ? dtype : scalar_dtype(value);
  Array a = Array::allocate(d, 0, nullptr, CNP_ORDER_C);
  store_scalar(value, d, a.data());
  a.set_weak((value.flags & CNP_SCALAR_WEAK) != 0);
  return a;
}

Array arange(const cnp_scalar* start_p, const cnp_scalar* stop_p, const cnp_scalar* step_p, const Dtype* dtype) {
  if (!start_p) throw_type("arange() requires stop to be specified.");
  cnp_scalar start = *start_p, stop, step;
  if (!stop_p) {  // arange(stop)
    stop = start;
    start = cnp_scalar{};
    start.typenum = CNP_INT64;
    start.flags = CNP_SCALAR_WEAK;
  } else {
    stop = *stop_p;
  }
  if (step_p) {
    step = *step_p;
  } else {
    step = cnp_scalar{};
    step.typenum = CNP_INT64;
    step.flags = CNP_SCALAR_WEAK;
    step.value.i = 1;
  }
  if (!dtype) {  // at least the default integer, like NumPy
    dtype = builtin_dtype(CNP_INT64);
    for (const cnp_scalar* s : {&start, &stop, &step}) dtype = promote_types(dtype, scalar_dtype(*s));
  }
  // length = ceil((stop - start) / step), computed with Python's number semantics.
  int64_t length;
  bool all_int = is_int_scalar(start) && is_int_scalar(stop) && is_int_scalar(step);
  bool any_complex = is_complex_scalar(start) || is_complex_scalar(stop) || is_complex_scalar(step);
  if (all_int) {
    __int128 st = as_int(step);
    if (st == 0) throw Error(CNP_ERR_ZERO_DIVISION, "division by zero");
    __int128 delta = as_int(stop) - as_int(start);
    length = arange_length(static_cast<double>(static_cast<long double>(delta) / static_cast<long double>(st)), delta != 0);
  } else if (any_complex) {
    double dr = as_real(stop) - as_real(start), di = as_imag(stop) - as_imag(start);
    double sr = as_real(step), si = as_imag(step);
    if (sr == 0 && si == 0) throw Error(CNP_ERR_ZERO_DIVISION, "complex division by zero");
    c128_t q = Arith<c128_t>::div(c128_t(dr, di), c128_t(sr, si));
    // NumPy's complex branch: min of the two ceilings, without the underflow rule.
    length = std::min(arange_length(q.real(), false), arange_length(q.imag(), false));
  } else {
    double sf = as_real(step);
    if (sf == 0) throw Error(CNP_ERR_ZERO_DIVISION, "float division by zero");
    double delta = as_real(stop) - as_real(start);
    length = arange_length(delta / sf, delta != 0);
  }
  if (length < 0) length = 0;
  if (dtype->kind == 'b' && length > 2)
    throw_type("arange() is only supported for booleans when the result has at most length 2.");
  Array out = Array::allocate(dtype, 1, &length, CNP_ORDER_C);
  if (length == 0) return out;
  store_scalar(start, dtype, out.data());
  if (length == 1) return out;
  // The second element is start + step as Python computes it.
  cnp_scalar next{};
  next.flags = start.flags & step.flags & CNP_SCALAR_WEAK;
  if (is_int_scalar(start) && is_int_scalar(step)) {
    __int128 v = as_int(start) + as_int(step);
    if (v > std::numeric_limits<int64_t>::max()) {
      next.typenum = CNP_UINT64;
      next.value.u = static_cast<uint64_t>(v);
    } else {
      next.typenum = CNP_INT64;
      next.value.i = static_cast<int64_t>(v);
    }
  } else if (is_complex_scalar(start) || is_complex_scalar(step)) {
    next.typenum = CNP_COMPLEX128;
    next.value.c[0] = as_real(start) + as_real(step);
    next.value.c[1] = as_imag(start) + as_imag(step);
  } else {
    next.typenum = CNP_FLOAT64;
    next.value.f = as_real(start) + as_real(step);
  }
  store_scalar(next, dtype, out.data() + dtype->itemsize);
  visit_type(dtype->typenum, [&](auto tag) { arange_fill<typename decltype(tag)::type>(out.data(), length); });
  return out;
}

Array broadcast_to(const Array& a, int32_t ndim, const int64_t* shape) {
  int64_t strides[kMaxDims];
  if (!broadcast_strides(a, ndim, shape, strides))
    throw_value("operands could not be broadcast together with remapped shapes");
  Array v = a.view(ndim, shape, strides, a.data());
  v.set_writeable(false);
  return v;
}

Array moveaxis(const Array& a, int64_t source, int64_t destination) {
  int32_t nd = a.ndim();
  source = normalize_axis(source, nd);
  destination = normalize_axis(destination, nd);
  int32_t order[kMaxDims];
  int32_t k = 0;
  for (int32_t i = 0; i < nd; ++i)
    if (i != source) order[k++] = i;
  for (int32_t i = nd - 1; i > destination; --i) order[i] = order[i - 1];
  order[destination] = static_cast<int32_t>(source);
  int64_t shape[kMaxDims], strides[kMaxDims];
  for (int32_t i = 0; i < nd; ++i) {
    shape[i] = a.shape(order[i]);
    strides[i] = a.stride(order[i]);
  }
  Array v = a.view(nd, shape, strides, a.data());
  v.set_owndata(a.owns_data());
  return v;
}

Array linspace(const Array& start, const Array& stop, int64_t num, bool endpoint, const Dtype* dtype, int64_t axis,
               Array* step_out) {
  if (num < 0) throw_value("Number of samples, " + std::to_string(num) + ", must be non-negative.");
  // dt = result_type(start * 1.0, stop * 1.0, float(num)): integers become float64, floats keep
  // their precision (NumPy 2's weak Python float).
  const Dtype* dt = promote_types(inexact_of(start.dtype()), inexact_of(stop.dtype()));
  int64_t bshape[kMaxDims + 1];
  const Array* ops[2] = {&stop, &start};
  int32_t bnd = broadcast_shape(2, ops, bshape + 1, BroadcastError::Ufunc);  // from stop - start
  Array s0 = contiguous_broadcast(start, bnd, bshape + 1, dt);
  Array s1 = contiguous_broadcast(stop, bnd, bshape + 1, dt);
  bshape[0] = num;
  Array y = Array::allocate(dt, bnd + 1, bshape, CNP_ORDER_C);
  Array step;
  if (step_out) step = Array::allocate(dt, bnd, bshape + 1, CNP_ORDER_C);
  visit_inexact(dt, [&](auto tag) {
    linspace_fill<typename decltype(tag)::type>(s0, s1, num, endpoint, y, step_out ? &step : nullptr);
  });
  if (axis != 0) {
    if (axis < -y.ndim() || axis >= y.ndim())  // numpy.moveaxis names the argument
      throw Error(CNP_ERR_AXIS, "destination: axis " + std::to_string(axis) + " is out of bounds for array of dimension " +
                                    std::to_string(y.ndim()));
    y = moveaxis(y, 0, axis);
  }
  bool integer_dtype = dtype && (dtype->kind == 'i' || dtype->kind == 'u');
  if (integer_dtype) floor_inplace(y);
  if (step_out) *step_out = step;
  return astype_nocopy(y, dtype ? dtype : dt);
}

namespace {
// power(base, y) with NumPy's broadcasting and result type (a Python-float base is weak); the
// output takes y's memory layout when it has y's shape, as a ufunc's order='K' output does.
Array power_of(const Array& base, const Array& y) {
  const Dtype* rt = base.weak() && base.dtype()->kind == 'f' && is_inexact(y.dtype()) ? y.dtype()
                                                                                     : promote_types(base.dtype(), y.dtype());
  int64_t shape[kMaxDims];
  const Array* ops[2] = {&base, &y};
  int32_t nd = broadcast_shape(2, ops, shape, BroadcastError::Ufunc);
  bool y_shaped = nd == y.ndim() && std::equal(shape, shape + nd, y.shape());
  Array out = y_shaped ? allocate_like(y, rt, CNP_ORDER_K, -1, nullptr, false) : Array::allocate(rt, nd, shape, CNP_ORDER_C);
  Array b = contiguous_broadcast(base, nd, shape, rt);
  Array e = contiguous_broadcast(y, nd, shape, rt);
  visit_inexact(rt, [&](auto tag) {
    using T = typename decltype(tag)::type;
    using A = Arith<T>;
    const int64_t* strides[3] = {out.strides(), b.strides(), e.strides()};
    char* bases[3] = {out.data(), b.data(), e.data()};
    for_each_run<3>(nd, shape, strides, bases, [](char* const* p, const int64_t* s, int64_t n) {
      for (int64_t i = 0; i < n; ++i) {
        T x, z;
        std::memcpy(&x, p[1] + i * s[1], sizeof(T));
        std::memcpy(&z, p[2] + i * s[2], sizeof(T));
        T r = A::store(A::pow(A::load(x), A::load(z)));
        std::memcpy(p[0] + i * s[0], &r, sizeof(T));
      }
    });
  });
  return out;
}
}  // namespace

Array logspace(const Array& start, const Array& stop, int64_t num, bool endpoint, const Array* base, const Dtype* dtype,
               int64_t axis) {
  Array y = linspace(start, stop, num, endpoint, nullptr, axis, nullptr);
  Array b;
  if (base) {
    b = *base;
  } else {
    cnp_scalar ten{};
    ten.typenum = CNP_FLOAT64;
    ten.flags = CNP_SCALAR_WEAK;
    ten.value.f = 10.0;
    b = from_scalar(ten, nullptr);
  }
  Array r = power_of(b, y);
  return dtype ? astype_nocopy(r, dtype) : r;
}

namespace {
// geomspace's body in its working type T (double or complex<double>), following NumPy 1.24:
// rotate purely imaginary and both-negative ranges onto the positive reals, take logspace of the
// log10s, pin the endpoints (through the output dtype), then undo the rotation.
template <class T>
Array geomspace_in(const Array& start, const Array& stop, int64_t num, bool endpoint, const Dtype* dt,
                   const Dtype* out_dtype, int32_t bnd, const int64_t* bshape) {
  using A = Arith<T>;
  Array s0 = contiguous_broadcast(start, bnd, bshape, dt);
  Array s1 = contiguous_broadcast(stop, bnd, bshape, dt);
  const int64_t m = s0.size();
  T* a0 = reinterpret_cast<T*>(s0.data());
  T* a1 = reinterpret_cast<T*>(s1.data());
  for (int64_t j = 0; j < m; ++j)
    if (A::is_zero(a0[j]) || A::is_zero(a1[j])) throw_value("Geometric sequence cannot include zero");
  std::vector<T> sign(static_cast<size_t>(m), A::from_double(1.0));
  for (int64_t j = 0; j < m; ++j) {
    if constexpr (is_complex_v<T>) {
      if (a0[j].real() == 0 && a1[j].real() == 0) {
        a0[j] = T(a0[j].imag(), 0);
        a1[j] = T(a1[j].imag(), 0);
        sign[j] = T(0, 1);
      }
      auto minus_one = [](T v) { return v.real() < 0 || (v.real() == 0 && v.imag() < 0); };  // sign(v) == -1
      if (minus_one(a0[j]) && minus_one(a1[j])) {
        a0[j] = -a0[j];
        a1[j] = -a1[j];
        sign[j] = -sign[j];
      }
    } else if (a0[j] < 0 && a1[j] < 0) {
      a0[j] = -a0[j];
      a1[j] = -a1[j];
      sign[j] = -sign[j];
    }
  }
  Array l0 = Array::allocate(dt, bnd, bshape, CNP_ORDER_C), l1 = Array::allocate(dt, bnd, bshape, CNP_ORDER_C);
  T* p0 = reinterpret_cast<T*>(l0.data());
  T* p1 = reinterpret_cast<T*>(l1.data());
  for (int64_t j = 0; j < m; ++j) {
    if constexpr (is_complex_v<T>) {  // NumPy's nc_log10: clog scaled by log10(e)
      const double log10e = 0.434294481903251827651128918916605082;
      T x = std::log(a0[j]), z = std::log(a1[j]);
      p0[j] = T(x.real() * log10e, x.imag() * log10e);
      p1[j] = T(z.real() * log10e, z.imag() * log10e);
    } else {
      p0[j] = std::log10(a0[j]);
      p1[j] = std::log10(a1[j]);
    }
  }
  Array r = logspace(l0, l1, num, endpoint, nullptr, out_dtype, 0);
  // result[0] = start and result[-1] = stop are stored in the output dtype; the sign product then
  // runs in dt (= promote(dt, dtype)), so round-trip the endpoints through the output dtype.
  Array rd = cast_copy(r, dt, CNP_ORDER_C);
  auto pin = [&](const Array& ends, int64_t row) {
    Array through = cast_copy(cast_copy(ends, out_dtype, CNP_ORDER_C), dt, CNP_ORDER_C);
    std::memcpy(rd.data() + row * m * dt->itemsize, through.data(), static_cast<size_t>(m * dt->itemsize));
  };
  if (num > 0) {
    pin(s0, 0);
    if (num > 1 && endpoint) pin(s1, num - 1);
  }
  T* p = reinterpret_cast<T*>(rd.data());
  for (int64_t i = 0; i < num; ++i)
    for (int64_t j = 0; j < m; ++j) p[i * m + j] = A::mul(sign[j], p[i * m + j]);
  return rd;
}
}  // namespace

Array geomspace(const Array& start, const Array& stop, int64_t num, bool endpoint, const Dtype* dtype, int64_t axis) {
  if (num < 0) throw_value("Number of samples, " + std::to_string(num) + ", must be non-negative.");
  // dt = result_type(start, stop, float(num), zeros((), dtype)): float64 at least, complex128 for complex.
  const Dtype* dt = promote_types(promote_types(start.dtype(), stop.dtype()), default_float());
  if (dtype) dt = promote_types(dt, dtype);
  const Dtype* out_dtype = dtype ? dtype : dt;
  int64_t bshape[kMaxDims];
  const Array* ops[2] = {&start, &stop};
  int32_t bnd = broadcast_shape(2, ops, bshape);
  Array rd = is_complex(dt) ? geomspace_in<c128_t>(start, stop, num, endpoint, dt, out_dtype, bnd, bshape)
                            : geomspace_in<double>(start, stop, num, endpoint, dt, out_dtype, bnd, bshape);
  if (axis != 0) rd = moveaxis(rd, 0, axis);
  return astype_nocopy(rd, out_dtype);
}

Array eye(int64_t n, int64_t m, int64_t k, const Dtype* dtype, int32_t order) {
  if (m == -1) m = n;  // -1, and only -1, means "not given"
  int64_t shape[2] = {n, m};
  Array a = make_array(2, shape, dtype, order, Init::Zeros);
  cnp_scalar one = typed_one();
  if (k >= m || k <= -n) return a;  // no negation: k may be INT64_MIN
  char* d = a.data();
  int64_t i0 = k >= 0 ? 0 : -k, j0 = k >= 0 ? k : 0;
  alignas(16) char item[16];
  store_scalar(one, a.dtype(), item);
  for (int64_t i = i0, j = j0; i < n && j < m; ++i, ++j)
    std::memcpy(d + i * a.stride(0) + j * a.stride(1), item, static_cast<size_t>(a.itemsize()));
  return a;
}

}  // namespace cnp
