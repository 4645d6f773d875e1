#include "ufunc/functions.hpp"

#include <climits>
#include <cmath>
#include <cstring>

#include "core/broadcast.hpp"
#include "core/cast.hpp"
#include "core/error.hpp"
#include "core/result_type.hpp"
#include "core/iter.hpp"
#include "ufunc/errstate.hpp"

namespace cnp::ufunc {

namespace {
Array fresh_like_shape(const Dtype* dtype, int32_t nd, const int64_t* shape) {
  return Array::allocate(dtype, nd, shape, CNP_ORDER_C);
}

// Runs body with one error mode overridden, restoring the caller's state afterwards.
template <class F>
auto with_errstate(cnp_errstate s, F&& body) {
  cnp_errstate saved = errstate();
  errstate() = s;
  struct Restore {
    cnp_errstate s;
    ~Restore() { errstate() = s; }
  } restore{saved};
  return body();
}
}  // namespace

bool all_true(const Array& b) {
  Array m = b.dtype()->typenum == CNP_BOOL ? b : cast_copy(b, builtin_dtype(CNP_BOOL), CNP_ORDER_K);
  bool ok = true;
  const int64_t* strides[1] = {m.strides()};
  char* bases[1] = {m.data()};
  for_each_run<1>(m.ndim(), m.shape(), strides, bases, [&](char* const* p, const int64_t* s, int64_t n) {
    for (int64_t i = 0; ok && i < n; ++i) ok = p[0][i * s[0]] != 0;
  });
  return ok;
}

Array clip(const Array& a, const Array* lo, const Array* hi, const Args& args) {
  if (!lo && !hi) throw_value("One of max or min must be given");
  if (!lo) return call2(Id::minimum, a, *hi, args);
  if (!hi) return call2(Id::maximum, a, *lo, args);
  const Array* in[3] = {&a, lo, hi};
  return std::move(call(Id::clip, in, args)[0]);
}

// 10**n as NumPy's PyArray_Round computes it: exact from a table up to 1e8, then by repeated
// multiplication (so 10**300 is 1.0000000000000002e300's scale, not the nearest double to 1e300).
static double power_of_ten(int64_t n) {
  static const double exact[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
  if (n < 9) return exact[n];
  double r = 1e9;
  while (n-- > 9) r *= 10.0;
  return r;
}

Array around(const Array& a, int64_t decimals, Array* out) {
  // NumPy's decimals is a C int (PyArg "i"): beyond it, 10**decimals would be 0 or inf and the
  // result NaN.
  if (decimals < INT32_MIN) throw Error(CNP_ERR_OVERFLOW, "signed integer is less than minimum");
  if (decimals > INT32_MAX) throw Error(CNP_ERR_OVERFLOW, "signed integer is greater than maximum");
  Args args;
  args.out[0] = out;
  const Dtype* d = a.dtype();
  if (is_complex(d)) {
    // NumPy rounds the real and imaginary parts separately (a complex multiply would turn
    // (x + inf j) * 10 into nan).
    Array r = cast_copy(a, d, CNP_ORDER_K);
    Array re = real(r), im = imag(r);
    around(re, decimals, &re);
    around(im, decimals, &im);
    if (!out) return r;
    assign(*out, r, CNP_CASTING_SAME_KIND);
    return *out;
  }
  if (decimals >= 0 && is_integer(d)) {
    if (!out) return cast_copy(a, d, CNP_ORDER_K);
    assign(*out, a, CNP_CASTING_SAME_KIND);
    return *out;
  }
  if (decimals == 0) return call1(Id::rint, a, args);
  // NumPy's PyArray_Round: scale into the result array (float64 for integers, else a's own
  // dtype, so bool fails NumPy's way), rint in place, scale back, and cast integers back.
  bool neg = decimals < 0;
  Array f = weak_float(power_of_ten(neg ? -decimals : decimals));
  bool to_int = is_integer(d) && !out;
  Array r = out ? *out
                : Array::allocate(to_int ? builtin_dtype(CNP_FLOAT64) : d, a.ndim(), a.shape(),
                                  a.f_contiguous() && !a.c_contiguous() ? CNP_ORDER_F : CNP_ORDER_C);
  Args inplace;
  inplace.out[0] = &r;
  call2(neg ? Id::divide : Id::multiply, a, f, inplace);
  call1(Id::rint, r, inplace);
  call2(neg ? Id::multiply : Id::divide, r, f, inplace);
  if (!to_int) return r;
  fpe_clear();
  Array back = cast_copy(r, d, CNP_ORDER_K);
  fpe_report(fpe_read(), "cast");
  return back;
}

Array fix(const Array& x, Array* out) {
  Args args;
  args.out[0] = out;
  Array r = call1(Id::ceil, x, args);
  Array nonneg = call2(Id::greater_equal, x, [] {
    Array z = Array::allocate(builtin_dtype(CNP_INT64), 0, nullptr, CNP_ORDER_C);
    std::memset(z.data(), 0, 8);
    z.set_weak(true);
    return z;
  }());
  Args masked;
  masked.out[0] = &r;
  masked.where = &nonneg;
  call1(Id::floor, x, masked);
  return r;
}

Array real(const Array& a) {
  if (!is_complex(a.dtype())) return a;
  const Dtype* part = builtin_dtype(a.dtype()->typenum == CNP_COMPLEX64 ? CNP_FLOAT32 : CNP_FLOAT64);
  return a.view_as(part, a.ndim(), a.shape(), a.strides(), a.data());
}

Array imag(const Array& a) {
  if (is_complex(a.dtype())) {
    const Dtype* part = builtin_dtype(a.dtype()->typenum == CNP_COMPLEX64 ? CNP_FLOAT32 : CNP_FLOAT64);
    return a.view_as(part, a.ndim(), a.shape(), a.strides(), a.data() + part->itemsize);
  }
  Array z = Array::allocate(a.dtype(), a.ndim(), a.shape(), CNP_ORDER_C, /*zeroed=*/true);
  z.set_writeable(false);
  return z;
}

Array angle(const Array& z, bool deg) {
  Array r;
  if (is_complex(z.dtype())) {
    r = call2(Id::arctan2, imag(z), real(z));
  } else {
    Array zero = Array::allocate(builtin_dtype(CNP_INT64), 0, nullptr, CNP_ORDER_C, true);
    zero.set_weak(true);
    r = call2(Id::arctan2, zero, z);
  }
  if (deg) {
    Args inplace;
    inplace.out[0] = &r;
    call2(Id::multiply, r, weak_float(180.0 / M_PI), inplace);
  }
  return r;
}

Array isclose(const Array& a, const Array& b, double rtol, double atol, bool equal_nan) {
  // NumPy: y becomes inexact (result_type(y, 1.0)) so abs(y) cannot overflow for INT_MIN.
  Array one = weak_float(1.0);
  const Array* yd[2] = {&b, &one};
  Array y = as_dtype(b, common_dtype(2, yd));
  const Array& x = a;
  Array finite = call2(Id::logical_and, call1(Id::isfinite, x), call1(Id::isfinite, y));
  Array within = with_errstate(cnp_errstate{errstate().divide, errstate().over, errstate().under, CNP_FPE_IGNORE}, [&] {
    Array diff = call1(Id::absolute, call2(Id::subtract, x, y));
    Array tol = call2(Id::add, weak_float(atol), call2(Id::multiply, weak_float(rtol), call1(Id::absolute, y)));
    return call2(Id::less_equal, diff, tol);
  });
  Array cond = where(finite, within, call2(Id::equal, x, y));
  if (equal_nan) {
    Args inplace;
    inplace.out[0] = &cond;
    call2(Id::logical_or, cond, call2(Id::logical_and, call1(Id::isnan, x), call1(Id::isnan, y)), inplace);
  }
  return cond;
}

bool allclose(const Array& a, const Array& b, double rtol, double atol, bool equal_nan) {
  return all_true(isclose(a, b, rtol, atol, equal_nan));
}

bool array_equal(const Array& a1, const Array& a2, bool equal_nan) {
  if (a1.ndim() != a2.ndim()) return false;
  for (int32_t d = 0; d < a1.ndim(); ++d)
    if (a1.shape(d) != a2.shape(d)) return false;
  Array eq = call2(Id::equal, a1, a2);
  if (equal_nan) {
    Args inplace;
    inplace.out[0] = &eq;
    call2(Id::logical_or, eq, call2(Id::logical_and, call1(Id::isnan, a1), call1(Id::isnan, a2)), inplace);
  }
  return all_true(eq);
}

namespace {
// NumPy 1.24's min_scalar_type of a 0-d number: what its value needs (5 -> uint8, -300 ->
// int16); it sizes the string a number meets (where(c, U-array, 5) is <U3).
const Dtype* min_scalar_dtype(const Array& a) {
  const Dtype* d = a.dtype();
  if (!is_integer(d)) return native_numeric(d);
  cnp_scalar v = load_scalar(d, a.data());
  if (d->kind == 'u' || v.value.i >= 0) {
    const uint64_t u = d->kind == 'u' ? v.value.u : static_cast<uint64_t>(v.value.i);
    return builtin_dtype(u <= 0xff ? CNP_UINT8 : u <= 0xffff ? CNP_UINT16 : u <= 0xffffffffu ? CNP_UINT32 : CNP_UINT64);
  }
  const int64_t i = v.value.i;
  return builtin_dtype(i >= -128 ? CNP_INT8 : i >= -32768 ? CNP_INT16 : i >= INT32_MIN ? CNP_INT32 : CNP_INT64);
}

// where's result dtype when x or y is not a number: NumPy 1.24's result_type, whose value-based
// rule sizes a 0-d number by its value when the other operand has dimensions.
DtypeRef where_dtype(const Array& x, const Array& y) {
  const bool value_based = (x.ndim() == 0) != (y.ndim() == 0);
  auto eff = [&](const Array& a) {
    return value_based && a.ndim() == 0 && is_numeric(a.dtype()) ? min_scalar_dtype(a) : a.dtype();
  };
  const Dtype* ds[2] = {eff(x), eff(y)};
  return promote_sequence(ds, 2);
}
}  // namespace

Array where(const Array& cond, const Array& x, const Array& y) {
  const Array* all[3] = {&cond, &x, &y};
  int64_t shape[kMaxDims];
  int32_t nd = broadcast_shape(3, all, shape, BroadcastError::Ufunc);
  const Array* xy[2] = {&x, &y};
  // Numbers follow the ufuncs' promotion (weak Python scalars); other descriptors (strings,
  // datetimes, records) NumPy's result_type, their elements moved as bytes.
  const bool numbers = is_numeric(x.dtype()) && is_numeric(y.dtype());
  DtypeRef dref = numbers ? DtypeRef::borrow(common_dtype(2, xy)) : where_dtype(x, y);
  const Dtype* dt = dref.get();
  Array xs = numbers ? as_dtype(x, dt) : (dtype_equal(x.dtype(), dt) ? x : cast_copy(x, dt, CNP_ORDER_K));
  Array ys = numbers ? as_dtype(y, dt) : (dtype_equal(y.dtype(), dt) ? y : cast_copy(y, dt, CNP_ORDER_K));
  Array c = cond.dtype()->typenum == CNP_BOOL ? cond : cast_copy(cond, builtin_dtype(CNP_BOOL), CNP_ORDER_K);
  Array r = fresh_like_shape(dt, nd, shape);
  assign(r, ys, CNP_CASTING_UNSAFE);
  assign(r, xs, CNP_CASTING_UNSAFE, &c);
  return r;
}

}  // namespace cnp::ufunc
