// The SIMD transcendental loops (src/ufunc/simd_*.cpp) against the C library (glibc), on every
// SIMD path this CPU can run: values within 4 ULP, identical NaN / inf / signed-zero results,
// identical floating-point exception flags, every tail length, strided, reversed, unaligned and
// in-place runs, and no access outside the run (guard pages).
// The hidden test "[.simd-report]" prints the measured maximum ULP error per function and path.
#include <sys/mman.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cfenv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "ufunc/simd.hpp"
#include "ufunc/simd_paths.hpp"

using cnp::ufunc::Id;
using cnp::ufunc::LoopFn;
using cnp::ufunc::SimdPath;

namespace {

constexpr int kFlags = FE_DIVBYZERO | FE_INVALID | FE_OVERFLOW | FE_UNDERFLOW;  // what NumPy reports

struct Func {
  const char* name;
  Id id;
  double (*d)(double);
  float (*f)(float);
  double lo, hi;  // a typical argument range, for uniform samples
};

// The references: glibc, called out of line so nothing is folded at compile time.
#define REF(c)                                                         \
  [[gnu::noinline]] double ref_##c(double x) { return std::c(x); }     \
  [[gnu::noinline]] float ref_##c##f(float x) { return std::c(x); }
REF(sqrt) REF(cbrt) REF(exp) REF(exp2) REF(expm1) REF(log) REF(log2) REF(log10) REF(log1p) REF(sin)
REF(cos) REF(tan) REF(asin) REF(acos) REF(atan) REF(sinh) REF(cosh) REF(tanh) REF(asinh) REF(acosh)
REF(atanh)
#undef REF

const Func kFuncs[] = {
    {"sqrt", Id::sqrt, ref_sqrt, ref_sqrtf, 0, 1e6},
    {"cbrt", Id::cbrt, ref_cbrt, ref_cbrtf, -1e3, 1e3},
    {"exp", Id::exp, ref_exp, ref_expf, -750, 750},
    {"exp2", Id::exp2, ref_exp2, ref_exp2f, -1080, 1030},
    {"expm1", Id::expm1, ref_expm1, ref_expm1f, -50, 720},
    {"log", Id::log, ref_log, ref_logf, 0, 1e4},
    {"log2", Id::log2, ref_log2, ref_log2f, 0, 1e4},
    {"log10", Id::log10, ref_log10, ref_log10f, 0, 1e4},
    {"log1p", Id::log1p, ref_log1p, ref_log1pf, -1.1, 10},
    {"sin", Id::sin, ref_sin, ref_sinf, -100, 100},
    {"cos", Id::cos, ref_cos, ref_cosf, -100, 100},
    {"tan", Id::tan, ref_tan, ref_tanf, -100, 100},
    {"arcsin", Id::arcsin, ref_asin, ref_asinf, -1.1, 1.1},
    {"arccos", Id::arccos, ref_acos, ref_acosf, -1.1, 1.1},
    {"arctan", Id::arctan, ref_atan, ref_atanf, -100, 100},
    {"sinh", Id::sinh, ref_sinh, ref_sinhf, -720, 720},
    {"cosh", Id::cosh, ref_cosh, ref_coshf, -720, 720},
    {"tanh", Id::tanh, ref_tanh, ref_tanhf, -25, 25},
    {"arcsinh", Id::arcsinh, ref_asinh, ref_asinhf, -1e3, 1e3},
    {"arccosh", Id::arccosh, ref_acosh, ref_acoshf, 0.5, 1e3},
    {"arctanh", Id::arctanh, ref_atanh, ref_atanhf, -1.1, 1.1},
};

std::vector<SimdPath> paths() {
  std::vector<SimdPath> v;
  for (SimdPath p : {SimdPath::sse2, SimdPath::sse4, SimdPath::avx2, SimdPath::avx512})
    if (cnp::ufunc::simd_path_supported(p)) v.push_back(p);
  return v;
}

template <class T> struct Bits;
template <> struct Bits<double> { using U = uint64_t; using S = int64_t; };
template <> struct Bits<float> { using U = uint32_t; using S = int32_t; };

template <class T>
typename Bits<T>::U bits(T v) {
  typename Bits<T>::U u;
  std::memcpy(&u, &v, sizeof v);
  return u;
}
template <class T>
T from_bits(typename Bits<T>::U u) {
  T v;
  std::memcpy(&v, &u, sizeof v);
  return v;
}

// Distance in units in the last place (both NaN: 0; one NaN: huge).
template <class T>
double ulp_diff(T a, T b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b) ? 0 : 1e30;
  using S = typename Bits<T>::S;
  auto ord = [](T v) {
    const S s = static_cast<S>(bits(v));
    return s < 0 ? static_cast<long double>(std::numeric_limits<S>::min()) - s : static_cast<long double>(s);
  };
  return static_cast<double>(std::fabs(ord(a) - ord(b)));
}

template <class T>
T (*ref_of(const Func& f))(T) {
  if constexpr (sizeof(T) == 8) return f.d;
  else return f.f;
}

template <class T>
LoopFn loop_of(SimdPath p, const Func& f) {
  return cnp::ufunc::simd_loop_for(p, f.id, sizeof(T) == 8 ? CNP_FLOAT64 : CNP_FLOAT32);
}

template <class T>
void call(LoopFn fn, const T* in, T* out, int64_t n, int64_t sin = sizeof(T), int64_t sout = sizeof(T)) {
  char* args[2] = {reinterpret_cast<char*>(const_cast<T*>(in)), reinterpret_cast<char*>(out)};
  const int64_t s[2] = {sin, sout};
  fn(args, s, n, nullptr);
}

// Special arguments: zeros, infinities, NaNs, subnormals, extremes, domain edges and poles,
// overflow and underflow thresholds, huge trigonometric arguments.
template <class T>
std::vector<T> specials() {
  using L = std::numeric_limits<T>;
  std::vector<T> v = {T(0), -T(0), L::infinity(), -L::infinity(), L::quiet_NaN(), -L::quiet_NaN(),
                      L::signaling_NaN(), L::denorm_min(), -L::denorm_min(), L::min(), -L::min(),
                      L::min() / 2, -L::min() / 3, L::max(), -L::max(), L::epsilon(), -L::epsilon(),
                      T(1), T(-1), T(0.5), T(-0.5), T(2), T(-2), T(3), T(10), T(100), T(-100),
                      std::nextafter(T(1), T(0)), std::nextafter(T(-1), T(0)), std::nextafter(T(1), T(2)),
                      std::nextafter(T(-1), T(-2)), T(1.5), T(-1.5), T(0.75), T(-0.999), T(-1.0001),
                      T(709.78), T(709.79), T(710.5), T(-708.39), T(-708.4), T(-745.1), T(-745.2), T(-746),
                      T(88.72), T(88.73), T(89.5), T(-87.33), T(-87.34), T(-103.9), T(-104),
                      T(1023.99), T(1024), T(-1022), T(-1022.5), T(-1074), T(-1075), T(-1076),
                      T(127.99), T(128), T(-126), T(-126.5), T(-149), T(-150), T(-151),
                      T(3.14159265358979), T(-3.14159265358979), T(1.5707963267948966), T(6.283185307179586),
                      T(65536), T(-65536), T(65537.5), T(1e5), T(-1e6), T(1e10), T(1e15), T(1e22),
                      T(1e300), T(-1e300), T(1e38), T(3e38), T(1e19), T(2e19), T(1e154), T(2e154),
                      T(1e-300), T(-1e-300), T(1e-310), T(1e-37), T(1e-39), T(1e-45), T(0x1p-1000),
                      T(0x1p-1001), T(0x1p-120), T(0x1p-121), T(710), T(-710), T(89), T(-89), T(22), T(-22)};
  return v;
}

// Random arguments: every bit pattern (all binades, NaNs, infinities), log-uniform magnitudes,
// and uniform samples over the function's typical range.
template <class T>
std::vector<T> randoms(const Func& f, size_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<T> v;
  v.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    switch (i % 4) {
      case 0: v.push_back(from_bits<T>(static_cast<typename Bits<T>::U>(rng()))); break;
      case 1: {
        const double e = std::uniform_real_distribution<double>(-40, 40)(rng);
        const double s = rng() & 1 ? -1 : 1;
        v.push_back(static_cast<T>(s * std::exp2(e)));
        break;
      }
      default: v.push_back(static_cast<T>(std::uniform_real_distribution<double>(f.lo, f.hi)(rng)));
    }
  }
  return v;
}

template <class T>
bool same_bits(T a, T b) {
  return bits(a) == bits(b);
}

// Our result versus glibc's: identical when glibc's is NaN, infinite, zero or subnormal (and for
// sqrt), else within `tol` ULP.
template <class T>
bool acceptable(const Func& f, T ours, T ref, double tol) {
  if (std::isnan(ref)) return std::isnan(ours) && same_bits(ours, ref);
  if (std::isinf(ref) || ref == 0 || std::fpclassify(ref) == FP_SUBNORMAL || f.id == Id::sqrt)
    return same_bits(ours, ref);
  return ulp_diff(ours, ref) <= tol;
}

struct Report {
  double max_ulp = 0;
  double worst_x = 0;
  size_t bad = 0;
  std::string first_bad;
};

template <class T>
Report check_values(SimdPath p, const Func& f, const std::vector<T>& xs, double tol) {
  const LoopFn fn = loop_of<T>(p, f);
  REQUIRE(fn != nullptr);
  std::vector<T> out(xs.size());
  call(fn, xs.data(), out.data(), static_cast<int64_t>(xs.size()));
  const auto ref = ref_of<T>(f);
  Report r;
  for (size_t i = 0; i < xs.size(); ++i) {
    const T want = ref(xs[i]);
    if (!acceptable(f, out[i], want, tol)) {
      if (r.bad++ == 0) {
        char buf[200];
        std::snprintf(buf, sizeof buf, "%s(%.17g) = %.17g, glibc %.17g (%.0f ulp)", f.name,
                      static_cast<double>(xs[i]), static_cast<double>(out[i]), static_cast<double>(want),
                      ulp_diff(out[i], want));
        r.first_bad = buf;
      }
    }
    if (!std::isnan(want) && !std::isinf(want)) {
      const double u = ulp_diff(out[i], want);
      if (u > r.max_ulp) {
        r.max_ulp = u;
        r.worst_x = static_cast<double>(xs[i]);
      }
    }
  }
  return r;
}

// The flags glibc raises over a whole array, one element at a time.
template <class T>
int glibc_flags(const Func& f, const std::vector<T>& xs) {
  const auto ref = ref_of<T>(f);
  std::feclearexcept(FE_ALL_EXCEPT);
  volatile T sink;
  for (T x : xs) sink = ref(x);
  (void)sink;
  return std::fetestexcept(kFlags);
}

template <class T>
int our_flags(LoopFn fn, const std::vector<T>& xs) {
  std::vector<T> out(xs.size());
  std::feclearexcept(FE_ALL_EXCEPT);
  call(fn, xs.data(), out.data(), static_cast<int64_t>(xs.size()));
  return std::fetestexcept(kFlags);
}

std::string flag_names(int f) {
  std::string s;
  if (f & FE_DIVBYZERO) s += "divbyzero ";
  if (f & FE_INVALID) s += "invalid ";
  if (f & FE_OVERFLOW) s += "overflow ";
  if (f & FE_UNDERFLOW) s += "underflow ";
  return s.empty() ? "none" : s;
}

// A buffer whose end touches a PROT_NONE page: reading or writing past the run faults.
struct Guarded {
  char* base = nullptr;
  size_t len = 0;
  long page = sysconf(_SC_PAGESIZE);
  explicit Guarded(size_t bytes) {
    const size_t pages = (bytes + page - 1) / page + 1;
    len = pages * page;
    void* m = mmap(nullptr, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    REQUIRE(m != MAP_FAILED);
    base = static_cast<char*>(m);
    REQUIRE(mprotect(base + len - page, page, PROT_NONE) == 0);
  }
  ~Guarded() { munmap(base, len); }
  template <class T>
  T* end_aligned(size_t n) {  // n elements ending exactly at the guard page
    return reinterpret_cast<T*>(base + len - page - n * sizeof(T));
  }
};

template <class T>
void check_function(SimdPath p, const Func& f) {
  const std::string where = std::string(f.name) + (sizeof(T) == 8 ? " float64 " : " float32 ") +
                            cnp::ufunc::simd_path_name(p);
  INFO(where);
  const LoopFn fn = loop_of<T>(p, f);
  REQUIRE(fn != nullptr);
  const auto ref = ref_of<T>(f);

  {  // values: random over the whole domain and special arguments
    std::vector<T> xs = randoms<T>(f, 40000, 12345 + static_cast<int>(f.id));
    for (T s : specials<T>()) xs.push_back(s);
    const Report r = check_values<T>(p, f, xs, 4.0);
    INFO(r.first_bad);
    CHECK(r.bad == 0);
    // Each special value alone in every lane position of a vector.
    for (T s : specials<T>()) {
      for (int pos = 0; pos < 17; ++pos) {
        std::vector<T> v(33, T(0.375));
        v[pos] = s;
        const Report q = check_values<T>(p, f, v, 4.0);
        INFO(q.first_bad << " at lane " << pos);
        CHECK(q.bad == 0);
        if (q.bad) break;
      }
    }
  }

  {  // floating-point flags match glibc
    // The classic cases, alone in an ordinary array, at several lane positions.
    for (T s : specials<T>()) {
      for (int pos : {0, 3, 8, 17, 34}) {
        std::vector<T> v(37, T(0.625));
        v[pos] = s;
        const int want = glibc_flags<T>(f, v), got = our_flags<T>(fn, v);
        INFO("x = " << static_cast<double>(s) << " at " << pos << ": glibc " << flag_names(want) << ", ours "
                    << flag_names(got));
        REQUIRE(got == want);
      }
    }
    // Random arrays over the whole domain (the OR of the flags of the elements).
    for (uint64_t seed = 1; seed <= 40; ++seed) {
      const std::vector<T> v = randoms<T>(f, 64, seed * 7919 + static_cast<int>(f.id));
      const int want = glibc_flags<T>(f, v), got = our_flags<T>(fn, v);
      INFO("seed " << seed << ": glibc " << flag_names(want) << ", ours " << flag_names(got));
      REQUIRE(got == want);
    }
    // Ordinary arguments raise nothing, and flags raised before the loop stay raised.
    std::vector<T> ord(1000);
    const T base = f.id == Id::arccosh ? T(1.1) : T(0.1);
    for (size_t i = 0; i < ord.size(); ++i) ord[i] = base + T(0.0007) * static_cast<T>(i);
    CHECK(our_flags<T>(fn, ord) == 0);
    std::vector<T> out(ord.size());
    std::feclearexcept(FE_ALL_EXCEPT);
    std::feraiseexcept(FE_OVERFLOW);
    call(fn, ord.data(), out.data(), static_cast<int64_t>(ord.size()));
    CHECK(std::fetestexcept(kFlags) == FE_OVERFLOW);
    std::feclearexcept(FE_ALL_EXCEPT);
  }

  {  // every tail length; no access outside the run
    const int maxn = 2 * 16 + 1;  // 2 * widest vector + 1
    Guarded gin(maxn * sizeof(T) + 64), gout(maxn * sizeof(T) + 64);
    std::mt19937_64 rng(7);
    for (int n = 0; n <= maxn; ++n) {
      T* in = gin.end_aligned<T>(n);
      T* out = gout.end_aligned<T>(n);
      const T sentinel = T(-12345.5);
      out[-1] = sentinel;
      for (int i = 0; i < n; ++i) {
        in[i] = static_cast<T>(std::uniform_real_distribution<double>(f.lo, f.hi)(rng));
        out[i] = sentinel;
      }
      if (n > 2) in[n - 1] = std::numeric_limits<T>::quiet_NaN();  // a special lane in the tail
      if (n > 5) in[n / 2] = T(0);
      call(fn, in, out, n);
      INFO("n = " << n);
      CHECK(same_bits(out[-1], sentinel));
      for (int i = 0; i < n; ++i) {
        INFO("i = " << i << " x = " << static_cast<double>(in[i]));
        REQUIRE(acceptable(f, out[i], ref(in[i]), 4.0));
      }
    }
  }

  {  // strided, reversed, unaligned and in-place runs
    std::mt19937_64 rng(99);
    const int n = 1237;
    std::vector<T> src(3 * n);
    for (auto& x : src) x = static_cast<T>(std::uniform_real_distribution<double>(f.lo, f.hi)(rng));
    src[5] = std::numeric_limits<T>::infinity();
    src[6] = -T(0);
    const T fill = T(-777.25);
    // input stride 3, output stride 2
    {
      std::vector<T> out(2 * n, fill);
      call(fn, src.data(), out.data(), n, 3 * sizeof(T), 2 * sizeof(T));
      for (int i = 0; i < n; ++i) {
        INFO("strided i = " << i);
        REQUIRE(acceptable(f, out[2 * i], ref(src[3 * i]), 4.0));
        REQUIRE(same_bits(out[2 * i + 1], fill));
      }
    }
    // negative strides: input read backwards, output written backwards
    {
      std::vector<T> out(n, fill);
      call(fn, src.data() + n - 1, out.data() + n - 1, n, -static_cast<int64_t>(sizeof(T)),
           -static_cast<int64_t>(sizeof(T)));
      for (int i = 0; i < n; ++i) REQUIRE(acceptable(f, out[i], ref(src[i]), 4.0));
      std::vector<T> out2(n, fill);
      call(fn, src.data() + n - 1, out2.data(), n, -static_cast<int64_t>(sizeof(T)), sizeof(T));
      for (int i = 0; i < n; ++i) REQUIRE(acceptable(f, out2[i], ref(src[n - 1 - i]), 4.0));
    }
    // broadcast input (stride 0)
    {
      std::vector<T> out(n, fill);
      call(fn, src.data() + 7, out.data(), n, 0, sizeof(T));
      for (int i = 0; i < n; ++i) REQUIRE(acceptable(f, out[i], ref(src[7]), 4.0));
    }
    // unaligned contiguous pointers
    {
      std::vector<char> bin(n * sizeof(T) + 16), bout(n * sizeof(T) + 16);
      std::memcpy(bin.data() + 1, src.data(), n * sizeof(T));
      call(fn, reinterpret_cast<T*>(bin.data() + 1), reinterpret_cast<T*>(bout.data() + 3), n);
      for (int i = 0; i < n; ++i) {
        T y;
        std::memcpy(&y, bout.data() + 3 + i * sizeof(T), sizeof(T));
        REQUIRE(acceptable(f, y, ref(src[i]), 4.0));
      }
    }
    // in place, contiguous and strided
    {
      std::vector<T> buf(src.begin(), src.begin() + n);
      call(fn, buf.data(), buf.data(), n);
      for (int i = 0; i < n; ++i) REQUIRE(acceptable(f, buf[i], ref(src[i]), 4.0));
      std::vector<T> buf2(src.begin(), src.begin() + 2 * n);
      call(fn, buf2.data(), buf2.data(), n, 2 * sizeof(T), 2 * sizeof(T));
      for (int i = 0; i < n; ++i) {
        REQUIRE(acceptable(f, buf2[2 * i], ref(src[2 * i]), 4.0));
        REQUIRE(same_bits(buf2[2 * i + 1], src[2 * i + 1]));
      }
    }
  }
}

}  // namespace

TEST_CASE("SIMD paths: detection, override and the loop table", "[simd]") {
  using namespace cnp::ufunc;
  const SimdPath best = simd_best_path();
  CHECK(simd_path_supported(SimdPath::sse2));
  CHECK(simd_path_supported(SimdPath::scalar));
  CHECK(simd_path_supported(best));
  if (__builtin_cpu_supports("avx512f")) CHECK(best == SimdPath::avx512);
  const SimdPath saved = simd_active_path();
  for (SimdPath p : {SimdPath::scalar, SimdPath::sse2, SimdPath::sse4, SimdPath::avx2, SimdPath::avx512}) {
    simd_set_active_path(p);
    const SimdPath active = simd_active_path();
    CHECK(active == (p > best ? best : p));
    for (const Func& f : kFuncs) {
      CHECK(simd_loop(f.id, CNP_FLOAT64) == simd_loop_for(active, f.id, CNP_FLOAT64));
      CHECK(simd_loop(f.id, CNP_FLOAT32) == simd_loop_for(active, f.id, CNP_FLOAT32));
      if (active == SimdPath::scalar) CHECK(simd_loop(f.id, CNP_FLOAT64) == nullptr);
      else CHECK(simd_loop(f.id, CNP_FLOAT64) != nullptr);
    }
  }
  simd_set_active_path(saved);
  // Functions without a vectorised loop, and other dtypes.
  CHECK(simd_loop_for(best, Id::add, CNP_FLOAT64) == nullptr);
  CHECK(simd_loop_for(best, Id::arctan2, CNP_FLOAT64) == nullptr);
  CHECK(simd_loop_for(best, Id::exp, CNP_FLOAT16) == nullptr);
  CHECK(simd_loop_for(best, Id::exp, CNP_INT64) == nullptr);
  CHECK(simd_loop_for(best, Id::exp, CNP_COMPLEX128) == nullptr);
}

TEST_CASE("SIMD loops agree with glibc (float64)", "[simd]") {
  for (SimdPath p : paths())
    for (const Func& f : kFuncs) check_function<double>(p, f);
}

TEST_CASE("SIMD loops agree with glibc (float32)", "[simd]") {
  for (SimdPath p : paths())
    for (const Func& f : kFuncs) check_function<float>(p, f);
}

TEST_CASE("SIMD loops: classic floating-point errors", "[simd]") {
  struct Case {
    Id id;
    double x;
    int flags;
  };
  const Case cases[] = {
      {Id::log, 0.0, FE_DIVBYZERO},  {Id::log, -1.0, FE_INVALID},  {Id::log2, -0.0, FE_DIVBYZERO},
      {Id::log10, -2.0, FE_INVALID}, {Id::log1p, -1.0, FE_DIVBYZERO}, {Id::log1p, -2.0, FE_INVALID},
      {Id::exp, 1000.0, FE_OVERFLOW}, {Id::exp, -1000.0, FE_UNDERFLOW}, {Id::exp2, 2000.0, FE_OVERFLOW},
      {Id::sqrt, -1.0, FE_INVALID},  {Id::arcsin, 2.0, FE_INVALID}, {Id::arccosh, 0.5, FE_INVALID},
      {Id::arctanh, 1.0, FE_DIVBYZERO}, {Id::sinh, 1000.0, FE_OVERFLOW}, {Id::cosh, -1000.0, FE_OVERFLOW},
      {Id::sin, HUGE_VAL, FE_INVALID}, {Id::cos, -HUGE_VAL, FE_INVALID}, {Id::tan, HUGE_VAL, FE_INVALID},
      {Id::expm1, 1000.0, FE_OVERFLOW}, {Id::exp, 1.0, 0}, {Id::log, 2.0, 0}, {Id::sin, 1e30, 0},
  };
  for (SimdPath p : paths()) {
    for (const Case& c : cases) {
      INFO(cnp::ufunc::simd_path_name(p) << " ufunc " << static_cast<int>(c.id) << " x = " << c.x);
      for (int dt = 0; dt < 2; ++dt) {
        const LoopFn fn = cnp::ufunc::simd_loop_for(p, c.id, dt ? CNP_FLOAT32 : CNP_FLOAT64);
        REQUIRE(fn != nullptr);
        double d[40];
        float f[40];
        const double filler = c.id == Id::arctanh ? 0.75 : 1.25;  // inside the domain
        for (int i = 0; i < 40; ++i) {
          d[i] = filler;
          f[i] = static_cast<float>(filler);
        }
        d[21] = c.x;
        f[21] = static_cast<float>(c.x);
        std::feclearexcept(FE_ALL_EXCEPT);
        if (dt) call(fn, f, f, 40);
        else call(fn, d, d, 40);
        CHECK(std::fetestexcept(kFlags) == c.flags);
      }
    }
  }
  std::feclearexcept(FE_ALL_EXCEPT);
}

template <class T>
void check_long_run(SimdPath p, const Func& f) {
  // Beyond 4 MiB of output the loops stream (non-temporal stores) after an unaligned head.
  const int64_t n = (int64_t(4) << 20) / sizeof(T) + 13;
  std::vector<T> src(n + 3);
  std::mt19937_64 rng(3);
  for (auto& x : src) x = static_cast<T>(std::uniform_real_distribution<double>(f.lo, f.hi)(rng));
  for (int64_t i = 0; i < n; i += 100003) src[i] = std::numeric_limits<T>::quiet_NaN();
  const LoopFn fn = loop_of<T>(p, f);
  const auto ref = ref_of<T>(f);
  for (int offset : {0, 3}) {  // output 0 or 3 elements past the allocation's alignment
    std::vector<T> out(n + 3, T(-5));
    call(fn, src.data(), out.data() + offset, n);
    size_t bad = 0;
    for (int64_t i = 0; i < n; ++i) bad += !acceptable(f, out[offset + i], ref(src[i]), 4.0);
    INFO(f.name << (sizeof(T) == 8 ? " float64 " : " float32 ") << cnp::ufunc::simd_path_name(p) << " offset " << offset);
    CHECK(bad == 0);
    for (int k = 0; k < offset; ++k) CHECK(same_bits(out[k], T(-5)));
    for (int k = offset + static_cast<int>(n); k < static_cast<int>(n) + 3; ++k) CHECK(same_bits(out[k], T(-5)));
  }
  std::vector<T> inplace(src.begin() + 1, src.begin() + 1 + n);  // in place, unaligned start
  call(fn, inplace.data(), inplace.data(), n);
  size_t bad = 0;
  for (int64_t i = 0; i < n; ++i) bad += !acceptable(f, inplace[i], ref(src[1 + i]), 4.0);
  CHECK(bad == 0);
}

TEST_CASE("SIMD loops: long runs (streaming stores)", "[simd]") {
  for (SimdPath p : paths()) {
    for (const Func& f : kFuncs) {
      if (f.id != Id::sqrt && f.id != Id::exp && f.id != Id::sin) continue;
      check_long_run<double>(p, f);
      check_long_run<float>(p, f);
    }
  }
}

TEST_CASE("SIMD loops: concurrent calls are independent", "[simd]") {
  // Each thread has its own MXCSR; loops must neither share state nor leak flags across threads.
  const LoopFn fn = cnp::ufunc::simd_loop(Id::log, CNP_FLOAT64);
  if (!fn) return;
  std::vector<double> a(100000, 2.0), b(100000, 0.0), oa(a.size()), ob(b.size());
  int fa = -1, fb = -1;
  std::thread t1([&] {
    std::feclearexcept(FE_ALL_EXCEPT);
    for (int k = 0; k < 20; ++k) call(fn, a.data(), oa.data(), static_cast<int64_t>(a.size()));
    fa = std::fetestexcept(kFlags);
  });
  std::thread t2([&] {
    std::feclearexcept(FE_ALL_EXCEPT);
    for (int k = 0; k < 20; ++k) call(fn, b.data(), ob.data(), static_cast<int64_t>(b.size()));
    fb = std::fetestexcept(kFlags);
  });
  t1.join();
  t2.join();
  CHECK(fa == 0);
  CHECK(fb == FE_DIVBYZERO);
  CHECK(ulp_diff(oa[777], std::log(2.0)) <= 4);
  CHECK(ob[777] == -HUGE_VAL);
}

TEST_CASE("SIMD loops: maximum ULP error report", "[.simd-report]") {
  for (int dt = 0; dt < 2; ++dt) {
    std::printf("%-8s %-8s", dt ? "float32" : "float64", "");
    for (SimdPath p : paths()) std::printf(" %14s", cnp::ufunc::simd_path_name(p));
    std::printf("\n");
    for (const Func& f : kFuncs) {
      std::printf("%-8s %-8s", dt ? "float32" : "float64", f.name);
      for (SimdPath p : paths()) {
        Report r;
        if (dt) {
          std::vector<float> xs = randoms<float>(f, 1 << 21, 555);
          r = check_values<float>(p, f, xs, 4.0);
        } else {
          std::vector<double> xs = randoms<double>(f, 1 << 21, 555);
          r = check_values<double>(p, f, xs, 4.0);
        }
        std::printf(" %5.2f@%-8.3g", r.max_ulp, r.worst_x);
        if (r.bad) std::printf("!%zu", r.bad);
      }
      std::printf("\n");
    }
  }
}
