// The transforms: argument handling as NumPy's numpy.fft, resizing (zero-pad / truncate) into
// library-owned buffers, batched strided FFTW plans (guru interface) along any axes, and norm.
#include "fft/transforms.hpp"

#include <atomic>
#include <cmath>
#include <complex>
#include <cstdlib>
#include <string>

#include "core/cast.hpp"
#include "core/dtype.hpp"
#include "core/error.hpp"
#include "core/parallel.hpp"
#include "fft/blocked.hpp"
#include "fft/plan_cache.hpp"

namespace cnp::fft {

namespace {

// Transforms this large (points) use FFTW's threads, up to the library's thread setting.
constexpr int64_t kThreadedPoints = int64_t(1) << 16;
constexpr int kMaxFftwThreads = 8;

// Transforms that would have been threaded but ran on the calling thread for lack of headroom
// (threads_for); read by tests/fault/address_limit.cpp to see that the fallback is taken.
std::atomic<int64_t> g_threaded_fallbacks{0};

struct Precision {
  bool single;
  const Dtype* real;
  const Dtype* cplx;
};

// NumPy 2: float32/complex64 (and float16) stay single precision; everything else is double.
Precision precision_of(const Dtype* d) {
  if (d->kind != 'b' && d->kind != 'i' && d->kind != 'u' && d->kind != 'f' && d->kind != 'c')
    throw_type("ufunc 'fft' did not contain a loop with signature matching types");
  bool single = d->typenum == CNP_FLOAT32 || d->typenum == CNP_COMPLEX64 || d->typenum == CNP_FLOAT16;
  return single ? Precision{true, builtin_dtype(CNP_FLOAT32), builtin_dtype(CNP_COMPLEX64)}
                : Precision{false, builtin_dtype(CNP_FLOAT64), builtin_dtype(CNP_COMPLEX128)};
}

[[noreturn]] void bad_n(int64_t n) {
  throw_value("Invalid number of FFT data points (" + std::to_string(n) + ") specified.");
}

void check_norm(int32_t norm) {
  if (norm < kBackward || norm > kForward)
    throw_value("Invalid norm value " + std::to_string(norm) + "; should be \"backward\", \"ortho\" or \"forward\".");
}

// The factor NumPy applies for a transform over npoints points.
double norm_factor(int32_t norm, bool inverse, double npoints) {
  if (norm == kOrtho) return 1.0 / std::sqrt(npoints);
  if ((norm == kBackward) == inverse) return 1.0 / npoints;
  return 1.0;
}

int32_t swap_norm(int32_t norm) {
  return norm == kBackward ? kForward : norm == kForward ? kBackward : kOrtho;
}

// Threads for a transform of `points` points whose input and output take `bytes` together.
// FFTW's threaded executions allocate on FFTW's worker threads (the buffered solvers' scratch,
// the spawn loop's bookkeeping), where an allocation failure aborts the process: fftw_guarded's
// jump target exists only on the calling thread. So a threaded plan is used only when the
// allocator has headroom for a copy of the data (more than those allocations take); under memory
// pressure the transform runs on the calling thread, where a failure inside FFTW is a MemoryError.
int threads_for(int64_t points, int64_t bytes) {
  if (points < kThreadedPoints) return 1;
  int t = num_threads();
  t = t < 1 ? 1 : (t > kMaxFftwThreads ? kMaxFftwThreads : t);
  if (t > 1) {
    void* probe = std::malloc(static_cast<size_t>(bytes));  // mapped, never touched: no page is used
    if (!probe) {
      g_threaded_fallbacks.fetch_add(1, std::memory_order_relaxed);
      return 1;
    }
    std::free(probe);
  }
  return t;
}

// A new C-ordered array of dtype with a's values resized along the axes to the lengths in ns:
// truncated, or zero-padded at the end.
Array resized(const Array& a, const Dtype* dtype, const std::vector<int>& axes, const std::vector<int64_t>& ns) {
  int64_t shape[kMaxDims], common[kMaxDims];
  bool pad = false;
  for (int i = 0; i < a.ndim(); ++i) shape[i] = common[i] = a.shape(i);
  for (size_t k = 0; k < axes.size(); ++k) {
    int ax = axes[k];
    shape[ax] = ns[k];
    if (ns[k] > a.shape(ax)) pad = true;
    common[ax] = std::min(ns[k], a.shape(ax));
  }
  Array out = Array::allocate(dtype, a.ndim(), shape, CNP_ORDER_C, pad);
  if (checked_size(a.ndim(), common, 1) == 0) return out;
  Array dst = out.view(a.ndim(), common, out.strides(), out.data());
  Array src = a.view(a.ndim(), common, a.strides(), a.data());
  assign(dst, src, CNP_CASTING_UNSAFE);
  return out;
}

// Whether FFTW can read `a` in place: element-aligned, strides positive multiples of the element.
bool fftw_readable(const Array& a, int64_t elem) {
  if (reinterpret_cast<uintptr_t>(a.data()) % (elem >= 8 ? 8 : 4) != 0) return false;
  for (int i = 0; i < a.ndim(); ++i) {
    if (a.shape(i) <= 1) continue;
    if (a.stride(i) <= 0 || a.stride(i) % elem != 0) return false;
  }
  return true;
}

// Guru dims: the transform axes, then every other axis of length > 1 as a batch loop.
// Strides are in elements (in_elem / out_elem bytes).
void make_dims(const Array& in, int64_t in_elem, const Array& out, int64_t out_elem, const std::vector<int>& axes,
               const std::vector<int64_t>& logical_n, Problem& p) {
  bool is_axis[kMaxDims] = {};
  for (size_t k = 0; k < axes.size(); ++k) {
    int ax = axes[k];
    is_axis[ax] = true;
    p.dims.push_back({logical_n[k], in.shape(ax) > 1 ? in.stride(ax) / in_elem : 1,
                      out.shape(ax) > 1 ? out.stride(ax) / out_elem : 1});
  }
  for (int i = 0; i < out.ndim(); ++i) {
    if (is_axis[i] || out.shape(i) == 1) continue;
    p.howmany.push_back({out.shape(i), in.stride(i) / in_elem, out.stride(i) / out_elem});
  }
}

// Multiplies a library-allocated contiguous result by factor (and conjugates it when asked).
void finish(Array& out, double factor, bool conj = false) {
  bool single = out.dtype()->typenum == CNP_FLOAT32 || out.dtype()->typenum == CNP_COMPLEX64;
  if (!conj && factor == 1.0) return;
  int64_t reals = out.size() * (is_complex(out.dtype()) ? 2 : 1);  // walked as interleaved reals
  if (single) {
    float* p = reinterpret_cast<float*>(out.data());
    float f = static_cast<float>(factor);
    for (int64_t i = 0; i < reals; ++i) p[i] = (conj && (i & 1)) ? -(p[i] * f) : p[i] * f;
  } else {
    double* p = reinterpret_cast<double*>(out.data());
    for (int64_t i = 0; i < reals; ++i) p[i] = (conj && (i & 1)) ? -(p[i] * factor) : p[i] * factor;
  }
}

// dst = src * factor (conjugated when asked): both C-contiguous complex arrays of one dtype and size.
void scaled_copy(const Array& src, Array& dst, double factor, bool conj) {
  int64_t reals = src.size() * 2;
  if (src.dtype()->typenum == CNP_COMPLEX64) {
    const float* s = reinterpret_cast<const float*>(src.data());
    float* d = reinterpret_cast<float*>(dst.data());
    float f = static_cast<float>(factor), g = conj ? -f : f;
    for (int64_t i = 0; i < reals; i += 2) {
      d[i] = s[i] * f;
      d[i + 1] = s[i + 1] * g;
    }
  } else {
    const double* s = reinterpret_cast<const double*>(src.data());
    double* d = reinterpret_cast<double*>(dst.data());
    double g = conj ? -factor : factor;
    for (int64_t i = 0; i < reals; i += 2) {
      d[i] = s[i] * factor;
      d[i + 1] = s[i + 1] * g;
    }
  }
}

std::vector<int> one_axis(const Array& a, int64_t axis) {
  return {static_cast<int>(normalize_axis(axis, a.ndim()))};
}

// Whether a c2c over these axes (points = their product) goes through the blocked passes: a
// multi-dimensional one of more than kBlockedPoints points in all (smaller ones get one measured
// FFTW plan, which is faster there), or a batch along a strided axis (not the last one) of more
// than kBlockedBatchPoints (a measured plan for those costs ~1 s and was 1-5x slower).
bool blocked_worthwhile(const Array& a, const std::vector<int>& axes, double points) {
  double total = points;
  bool on_axis[kMaxDims] = {};
  for (int ax : axes) on_axis[ax] = true;
  for (int i = 0; i < a.ndim(); ++i)
    if (!on_axis[i]) total *= static_cast<double>(a.shape(i));
  if (axes.size() >= 2) return total > kBlockedPoints;
  if (total <= kBlockedBatchPoints) return false;
  for (int i = axes[0] + 1; i < a.ndim(); ++i)
    if (a.shape(i) > 1) return true;
  return false;
}

// Complex-to-complex over distinct axes with lengths ns. may_reuse: `a` is a library temporary
// that may be overwritten (an in-place transform when no resizing is needed).
// The transform's point count (product of the lengths, each checked >= 1 with NumPy's error);
// *same_len: every length equals the input's along its axis (no padding or truncation).
double checked_points(const Array& a, const std::vector<int>& axes, const std::vector<int64_t>& ns, bool* same_len) {
  double points = 1;
  for (size_t k = 0; k < axes.size(); ++k) {
    if (ns[k] < 1) bad_n(ns[k]);
    points *= static_cast<double>(ns[k]);
    if (ns[k] != a.shape(axes[k])) *same_len = false;
  }
  return points;
}

Array c2c(const Array& a, const std::vector<int>& axes, const std::vector<int64_t>& ns, int32_t norm, bool inverse,
          bool may_reuse = false) {
  Precision pr = precision_of(a.dtype());
  int64_t elem = pr.cplx->itemsize;
  bool same_len = true;
  const double points = checked_points(a, axes, ns, &same_len);
  if (blocked_worthwhile(a, axes, points)) {
    // A library-owned C-ordered copy (or `a` itself when it already is one), transformed in place.
    Array buf = may_reuse && same_len && a.dtype() == pr.cplx && a.c_contiguous() && a.writeable()
                    ? a
                    : resized(a, pr.cplx, axes, ns);
    for (int ax : axes) c2c_pass_blocked(buf, ax, inverse);
    finish(buf, norm_factor(norm, inverse, points));
    return buf;
  }
  Array in, out;
  if (same_len && a.dtype() == pr.cplx && fftw_readable(a, elem)) {
    in = a;
    if (may_reuse && a.c_contiguous() && a.writeable()) {
      out = a;
    } else {
      out = Array::allocate(pr.cplx, a.ndim(), a.shape(), CNP_ORDER_C);
    }
  } else {
    // Converted or resized into a temporary, then transformed out of place: FFTW's in-place
    // batched plans were 2-2.5x slower here (8 x 16384 complex128: 0.95 ms against 0.41 ms).
    in = resized(a, pr.cplx, axes, ns);
    out = Array::allocate(pr.cplx, in.ndim(), in.shape(), CNP_ORDER_C);
  }
  if (out.size() == 0) return out;
  Problem p{inverse ? Kind::c2c_backward : Kind::c2c_forward, pr.single, {}, {}, 1};
  make_dims(in, elem, out, elem, axes, ns, p);
  p.nthreads = threads_for(out.size(), in.size() * in.dtype()->itemsize + out.size() * out.dtype()->itemsize);
  auto plan = get_plan(p, in.data(), out.data());
  plan->execute(p.kind, in.data(), out.data());
  finish(out, norm_factor(norm, inverse, points));
  return out;
}

// Real-to-complex over distinct axes (the last one halved to n/2+1), one FFTW plan.
Array r2c(const Array& a, const std::vector<int>& axes, const std::vector<int64_t>& ns, int32_t norm, bool conj_out,
          bool inverse_norm) {
  if (is_complex(a.dtype())) throw_type("ufunc 'rfft' did not contain a loop with signature matching types");
  Precision pr = precision_of(a.dtype());
  bool same_len = true;
  const double points = checked_points(a, axes, ns, &same_len);
  Array in;
  if (same_len && a.dtype() == pr.real && fftw_readable(a, pr.real->itemsize))
    in = a;
  else
    in = resized(a, pr.real, axes, ns);
  int64_t shape[kMaxDims];
  for (int i = 0; i < a.ndim(); ++i) shape[i] = in.shape(i);
  shape[axes.back()] = ns.back() / 2 + 1;
  Array out = Array::allocate(pr.cplx, a.ndim(), shape, CNP_ORDER_C);
  if (out.size() == 0) return out;
  Problem p{Kind::r2c, pr.single, {}, {}, 1};
  make_dims(in, pr.real->itemsize, out, pr.cplx->itemsize, axes, ns, p);
  p.nthreads = threads_for(in.size(), in.size() * in.dtype()->itemsize + out.size() * out.dtype()->itemsize);
  auto plan = get_plan(p, in.data(), out.data());
  plan->execute(p.kind, in.data(), out.data());
  finish(out, norm_factor(norm, inverse_norm, points), conj_out);
  return out;
}

// Complex-to-real over distinct axes (the last one has n/2+1 inputs for n outputs), one FFTW plan.
// may_destroy: `a` is a library temporary that may serve as FFTW's (overwritten) input.
Array c2r(const Array& a, const std::vector<int>& axes, const std::vector<int64_t>& ns, int32_t norm, bool conj_in,
          bool may_destroy = false) {
  Precision pr = precision_of(a.dtype());
  double points = 1;
  for (size_t k = 0; k < axes.size(); ++k) {
    if (ns[k] < 1) bad_n(ns[k]);
    points *= static_cast<double>(ns[k]);
  }
  // A scratch copy unless `a` may be destroyed: c2r overwrites its input.
  std::vector<int64_t> in_ns = ns;
  in_ns.back() = ns.back() / 2 + 1;
  bool same_len = true;
  for (size_t k = 0; k < axes.size(); ++k)
    if (a.shape(axes[k]) != in_ns[k]) same_len = false;
  // The norm factor (and hfft's conjugation) is applied to the input, in the same pass as the copy
  // when `a` is already C-ordered in the working dtype: c2r is linear, and one pass over the
  // output is saved.
  double factor = norm_factor(norm, true, points);
  Array in;
  if (may_destroy && same_len && a.dtype() == pr.cplx && a.c_contiguous() && a.writeable()) {
    in = a;
    finish(in, factor, conj_in);
  } else if (same_len && a.dtype() == pr.cplx && a.c_contiguous()) {
    in = Array::allocate(pr.cplx, a.ndim(), a.shape(), CNP_ORDER_C);
    scaled_copy(a, in, factor, conj_in);
  } else {
    in = resized(a, pr.cplx, axes, in_ns);
    finish(in, factor, conj_in);
  }
  int64_t shape[kMaxDims];
  for (int i = 0; i < a.ndim(); ++i) shape[i] = in.shape(i);
  shape[axes.back()] = ns.back();
  Array out = Array::allocate(pr.real, a.ndim(), shape, CNP_ORDER_C);
  if (out.size() == 0) return out;
  Problem p{Kind::c2r, pr.single, {}, {}, 1};
  make_dims(in, pr.cplx->itemsize, out, pr.real->itemsize, axes, ns, p);
  p.nthreads = threads_for(out.size(), in.size() * in.dtype()->itemsize + out.size() * out.dtype()->itemsize);
  auto plan = get_plan(p, in.data(), out.data());
  plan->execute(p.kind, in.data(), out.data());
  return out;
}

// NumPy's _cook_nd_args: the lengths and (normalised) axes of an n-d transform.
void cook(const Array& a, const NdArgs& args, bool invreal, std::vector<int64_t>& s, std::vector<int>& axes) {
  // A count of -1 is None (capi turns a NULL list into -1); 0 is the empty list.
  bool has_s = args.ns >= 0;
  bool has_axes = args.naxes >= 0;
  std::vector<int64_t> raw_axes;
  if (has_axes) {
    if (args.naxes > 0) raw_axes.assign(args.axes, args.axes + args.naxes);
  } else if (has_s) {
    for (int32_t i = -args.ns; i < 0; ++i) raw_axes.push_back(i);
  } else if (args.two_d) {
    raw_axes = {-2, -1};
  } else {
    for (int32_t i = -a.ndim(); i < 0; ++i) raw_axes.push_back(i);
  }
  for (int64_t ax : raw_axes) axes.push_back(static_cast<int>(normalize_axis(ax, a.ndim())));
  if (has_s) {
    if (args.ns > 0) s.assign(args.s, args.s + args.ns);
  } else {
    for (int ax : axes) s.push_back(a.shape(ax));
  }
  if (s.size() != axes.size()) throw_value("Shape and axes have different lengths.");
  if (invreal && !has_s && !axes.empty()) s.back() = (a.shape(axes.back()) - 1) * 2;
}

double product(const std::vector<int64_t>& s) {
  double p = 1;
  for (int64_t n : s) p *= static_cast<double>(n);
  return p;
}

bool distinct(const std::vector<int>& axes) {
  bool seen[kMaxDims] = {};
  for (int ax : axes) {
    if (seen[ax]) return false;
    seen[ax] = true;
  }
  return true;
}

// c2c over axes (NumPy's order: last axis first); one multi-dimensional plan when the axes are distinct.
Array c2c_nd(const Array& a, const std::vector<int>& axes, const std::vector<int64_t>& s, int32_t norm, bool inverse,
             bool may_reuse) {
  for (size_t k = axes.size(); k-- > 0;)
    if (s[k] < 1) bad_n(s[k]);
  if (distinct(axes)) return c2c(a, axes, s, norm, inverse, may_reuse);
  Array cur = a;
  bool reuse = may_reuse;
  for (size_t k = axes.size(); k-- > 0;) {
    cur = c2c(cur, {axes[k]}, {s[k]}, norm, inverse, reuse);
    reuse = true;
  }
  return cur;
}

}  // namespace

int64_t threaded_fallbacks() { return g_threaded_fallbacks.load(std::memory_order_relaxed); }

Array fft(const Array& a, int64_t n, int64_t axis, int32_t norm, bool inverse) {
  check_norm(norm);
  auto axes = one_axis(a, axis);
  if (n == -1) n = a.shape(axes[0]);  // -1, and only -1: not given; others fail the n >= 1 check
  return c2c(a, axes, {n}, norm, inverse);
}

Array rfft(const Array& a, int64_t n, int64_t axis, int32_t norm) {
  check_norm(norm);
  int ax = one_axis(a, axis)[0];
  if (n == -1) n = a.shape(ax);
  return r2c(a, {ax}, {n}, norm, false, false);
}

Array irfft(const Array& a, int64_t n, int64_t axis, int32_t norm) {
  check_norm(norm);
  int ax = one_axis(a, axis)[0];
  if (n == -1) n = (a.shape(ax) - 1) * 2;
  return c2r(a, {ax}, {n}, norm, false);
}

Array hfft(const Array& a, int64_t n, int64_t axis, int32_t norm) {
  check_norm(norm);
  int ax = one_axis(a, axis)[0];
  if (n == -1) n = (a.shape(ax) - 1) * 2;
  return c2r(a, {ax}, {n}, swap_norm(norm), true);
}

Array ihfft(const Array& a, int64_t n, int64_t axis, int32_t norm) {
  check_norm(norm);
  int ax = one_axis(a, axis)[0];
  if (n == -1) n = a.shape(ax);
  // conj(rfft(a, n, norm=swap(norm))): the swapped norm applied as a forward transform
  return r2c(a, {ax}, {n}, swap_norm(norm), true, false);
}

Array fftn(const Array& a, const NdArgs& args, int32_t norm, bool inverse) {
  check_norm(norm);
  std::vector<int64_t> s;
  std::vector<int> axes;
  cook(a, args, false, s, axes);
  if (axes.empty()) return cast_copy(a, a.dtype(), CNP_ORDER_K);
  return c2c_nd(a, axes, s, norm, inverse, false);
}

Array rfftn(const Array& a, const NdArgs& args, int32_t norm) {
  check_norm(norm);
  std::vector<int64_t> s;
  std::vector<int> axes;
  cook(a, args, false, s, axes);
  if (axes.empty()) throw_index("list index out of range");
  // NumPy's order of the n checks: rfft over the last axis, then fft over the others, first to last.
  if (s.back() < 1) bad_n(s.back());
  for (size_t k = 0; k + 1 < s.size(); ++k)
    if (s[k] < 1) bad_n(s[k]);
  if (distinct(axes)) {
    if (axes.size() == 1 || product(s) <= kBlockedPoints) return r2c(a, axes, s, norm, false, false);  // one multi-dimensional plan
    // Larger: rfft over the last axis, then the blocked c2c passes over the others.
    Array r = r2c(a, {axes.back()}, {s.back()}, norm, false, false);
    axes.pop_back();
    s.pop_back();
    return c2c(r, axes, s, norm, false, true);
  }
  // Repeated axes: NumPy's sequence, rfft over the last axis, then c2c over the others.
  Array r = r2c(a, {axes.back()}, {s.back()}, norm, false, false);
  for (size_t k = 0; k + 1 < axes.size(); ++k) r = c2c(r, {axes[k]}, {s[k]}, norm, false, true);
  return r;
}

Array irfftn(const Array& a, const NdArgs& args, int32_t norm) {
  check_norm(norm);
  std::vector<int64_t> s;
  std::vector<int> axes;
  cook(a, args, true, s, axes);
  if (axes.empty()) throw_index("list index out of range");
  // NumPy's order of the n checks: ifft over the other axes (first to last), then irfft.
  for (int64_t n : s)
    if (n < 1) bad_n(n);
  if (distinct(axes)) {
    if (axes.size() == 1 || product(s) <= kBlockedPoints) return c2r(a, axes, s, norm, false);  // one multi-dimensional plan
    // Larger: the blocked c2c passes over the other axes, then irfft over the last.
    std::vector<int> others(axes.begin(), axes.end() - 1);
    std::vector<int64_t> others_s(s.begin(), s.end() - 1);
    Array c = c2c(a, others, others_s, norm, true, false);
    return c2r(c, {axes.back()}, {s.back()}, norm, false, true);
  }
  // Repeated axes: NumPy's sequence, ifft over the other axes (first to last), then irfft.
  Array c = a;
  for (size_t k = 0; k + 1 < axes.size(); ++k) c = c2c(c, {axes[k]}, {s[k]}, norm, true, k > 0);
  return c2r(c, {axes.back()}, {s.back()}, norm, false);
}

}  // namespace cnp::fft
