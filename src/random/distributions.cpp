// Generator's distributions (see distributions.hpp): NumPy 1.24's algorithms and operation
// order, including its quirks (retry by recursion written as loops here).
#include "random/distributions.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "random/generated/tables.hpp"
#include "random/ziggurat.hpp"

namespace cnp::random {

double standard_gamma(BitGen& g, double shape) {
  if (shape == 1.0) return standard_exponential(g);
  if (shape == 0.0) return 0.0;
  if (shape < 1.0) {
    for (;;) {
      const double U = g.next_double();
      const double V = standard_exponential(g);
      if (U <= 1.0 - shape) {
        const double X = std::pow(U, 1. / shape);
        if (X <= V) return X;
      } else {
        const double Y = -std::log((1 - U) / shape);
        const double X = std::pow(1.0 - shape + shape * Y, 1. / shape);
        if (X <= (V + Y)) return X;
      }
    }
  }
  const double b = shape - 1. / 3.;
  const double c = 1. / std::sqrt(9 * b);
  for (;;) {
    double X, V;
    do {
      X = standard_normal(g);
      V = 1.0 + c * X;
    } while (V <= 0.0);
    V = V * V * V;
    const double U = g.next_double();
    if (U < 1.0 - 0.0331 * (X * X) * (X * X)) return b * V;
    if (std::log(U) < 0.5 * X * X + b * (1. - V + std::log(V))) return b * V;
  }
}

float standard_gamma_f(BitGen& g, float shape) {
  if (shape == 1.0f) return standard_exponential_f(g);
  if (shape == 0.0f) return 0.0f;
  if (shape < 1.0f) {
    for (;;) {
      const float U = g.next_float();
      const float V = standard_exponential_f(g);
      if (U <= 1.0f - shape) {
        const float X = powf(U, 1.0f / shape);
        if (X <= V) return X;
      } else {
        const float Y = -logf((1.0f - U) / shape);
        const float X = powf(1.0f - shape + shape * Y, 1.0f / shape);
        if (X <= (V + Y)) return X;
      }
    }
  }
  const float b = shape - 1.0f / 3.0f;
  const float c = 1.0f / sqrtf(9.0f * b);
  for (;;) {
    float X, V;
    do {
      X = standard_normal_f(g);
      V = 1.0f + c * X;
    } while (V <= 0.0f);
    V = V * V * V;
    const float U = g.next_float();
    if (U < 1.0f - 0.0331f * (X * X) * (X * X)) return b * V;
    if (logf(U) < 0.5f * X * X + b * (1.0f - V + logf(V))) return b * V;
  }
}

double loggam(double x) {
  static const double a[10] = {8.333333333333333e-02, -2.777777777777778e-03, 7.936507936507937e-04,
                               -5.952380952380952e-04, 8.417508417508418e-04, -1.917526917526918e-03,
                               6.410256410256410e-03, -2.955065359477124e-02, 1.796443723688307e-01,
                               -1.39243221690590e+00};
  if (x == 1.0 || x == 2.0) return 0.0;
  int64_t n = x < 7.0 ? int64_t(7 - x) : 0;
  double x0 = x + double(n);
  const double x2 = (1.0 / x0) * (1.0 / x0);
  const double lg2pi = 1.8378770664093453e+00;
  double gl0 = a[9];
  for (int k = 8; k >= 0; --k) {
    gl0 *= x2;
    gl0 += a[k];
  }
  double gl = gl0 / x0 + 0.5 * lg2pi + (x0 - 0.5) * std::log(x0) - x0;
  if (x < 7.0) {
    for (int64_t k = 1; k <= n; ++k) {
      gl -= std::log(x0 - 1.0);
      x0 -= 1.0;
    }
  }
  return gl;
}

double logfactorial(int64_t k) {
  const double halfln2pi = 0.9189385332046728;
  if (k < int64_t(sizeof(zig::logfact) / sizeof(zig::logfact[0]))) return zig::logfact[k];
  const double kd = double(k);
  return (kd + 0.5) * std::log(kd) - kd + (halfln2pi + (1.0 / kd) * (1 / 12.0 - 1 / (360.0 * kd * kd)));
}

uint64_t random_interval(BitGen& g, uint64_t max) {
  if (max == 0) return 0;
  uint64_t mask = max, value;
  mask |= mask >> 1;
  mask |= mask >> 2;
  mask |= mask >> 4;
  mask |= mask >> 8;
  mask |= mask >> 16;
  mask |= mask >> 32;
  if (max <= 0xffffffffull) {
    while ((value = (g.next32() & mask)) > max) {
    }
  } else {
    while ((value = (g.next64() & mask)) > max) {
    }
  }
  return value;
}

double beta(BitGen& g, double a, double b) {
  if (a <= 1.0 && b <= 1.0) {
    for (;;) {
      const double U = g.next_double(), V = g.next_double();
      const double X = std::pow(U, 1.0 / a), Y = std::pow(V, 1.0 / b);
      const double XpY = X + Y;
      if (XpY <= 1.0 && XpY > 0.0) {
        if (X + Y > 0) return X / XpY;
        double logX = std::log(U) / a, logY = std::log(V) / b;
        const double logM = logX > logY ? logX : logY;
        logX -= logM;
        logY -= logM;
        return std::exp(logX - std::log(std::exp(logX) + std::exp(logY)));
      }
    }
  }
  const double Ga = standard_gamma(g, a);
  const double Gb = standard_gamma(g, b);
  return Ga / (Ga + Gb);
}

double chisquare(BitGen& g, double df) { return 2.0 * standard_gamma(g, df / 2.0); }
double f(BitGen& g, double dfnum, double dfden) {
  const double a = chisquare(g, dfnum) * dfden;
  return a / (chisquare(g, dfden) * dfnum);
}
double standard_cauchy(BitGen& g) {
  const double n = standard_normal(g);
  return n / standard_normal(g);
}
double pareto(BitGen& g, double a) { return std::expm1(standard_exponential(g) / a); }
double weibull(BitGen& g, double a) {
  if (a == 0.0) return 0.0;
  return std::pow(standard_exponential(g), 1. / a);
}
double power(BitGen& g, double a) { return std::pow(-std::expm1(-standard_exponential(g)), 1. / a); }
double laplace(BitGen& g, double loc, double scale) {
  for (;;) {
    const double U = g.next_double();
    if (U >= 0.5) return loc - scale * std::log(2.0 - U - U);
    if (U > 0.0) return loc + scale * std::log(U + U);
  }
}
double gumbel(BitGen& g, double loc, double scale) {
  for (;;) {
    const double U = 1.0 - g.next_double();
    if (U < 1.0) return loc - scale * std::log(-std::log(U));
  }
}
double logistic(BitGen& g, double loc, double scale) {
  for (;;) {
    const double U = g.next_double();
    if (U > 0.0) return loc + scale * std::log(U / (1.0 - U));
  }
}
double lognormal(BitGen& g, double mean, double sigma) { return std::exp(mean + sigma * standard_normal(g)); }
double rayleigh(BitGen& g, double mode) { return mode * std::sqrt(2.0 * standard_exponential(g)); }
double standard_t(BitGen& g, double df) {
  const double num = standard_normal(g);
  const double denom = standard_gamma(g, df / 2);
  return std::sqrt(df / 2) * num / std::sqrt(denom);
}

namespace {
int64_t poisson_mult(BitGen& g, double lam) {
  const double enlam = std::exp(-lam);
  int64_t X = 0;
  double prod = 1.0;
  for (;;) {
    prod *= g.next_double();
    if (prod > enlam)
      X += 1;
    else
      return X;
  }
}

int64_t poisson_ptrs(BitGen& g, double lam) {
  const double slam = std::sqrt(lam), loglam = std::log(lam);
  const double b = 0.931 + 2.53 * slam;
  const double a = -0.059 + 0.02483 * b;
  const double invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const double vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const double U = g.next_double() - 0.5;
    const double V = g.next_double();
    const double us = 0.5 - std::fabs(U);
    const int64_t k = int64_t(std::floor((2 * a / us + b) * U + lam + 0.43));
    if (us >= 0.07 && V <= vr) return k;
    if (k < 0 || (us < 0.013 && V > us)) continue;
    if ((std::log(V) + std::log(invalpha) - std::log(a / (us * us) + b)) <=
        (-lam + double(k) * loglam - loggam(double(k + 1))))
      return k;
  }
}
}  // namespace

int64_t poisson(BitGen& g, double lam) {
  if (lam >= 10) return poisson_ptrs(g, lam);
  if (lam == 0) return 0;
  return poisson_mult(g, lam);
}

int64_t negative_binomial(BitGen& g, double n, double p) {
  const double Y = ((1 - p) / p) * standard_gamma(g, n);
  return poisson(g, Y);
}

int64_t binomial_btpe(BitGen& g, int64_t n, double p, BinomialCache& bc) {
  double r, q, fm, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4;
  int64_t m;
  if (!bc.has || bc.nsave != n || bc.psave != p) {
    bc.nsave = n;
    bc.psave = p;
    bc.has = true;
    bc.r = r = std::min(p, 1.0 - p);
    bc.q = q = 1.0 - r;
    bc.fm = fm = double(n) * r + r;
    bc.m = m = int64_t(std::floor(bc.fm));
    bc.p1 = p1 = std::floor(2.195 * std::sqrt(double(n) * r * q) - 4.6 * q) + 0.5;
    bc.xm = xm = double(m) + 0.5;
    bc.xl = xl = xm - p1;
    bc.xr = xr = xm + p1;
    bc.c = c = 0.134 + 20.5 / (15.3 + double(m));
    double a = (fm - xl) / (fm - xl * r);
    bc.laml = laml = a * (1.0 + a / 2.0);
    a = (xr - fm) / (xr * q);
    bc.lamr = lamr = a * (1.0 + a / 2.0);
    bc.p2 = p2 = p1 * (1.0 + 2.0 * c);
    bc.p3 = p3 = p2 + c / laml;
    bc.p4 = p4 = p3 + c / lamr;
  } else {
    r = bc.r;
    q = bc.q;
    fm = bc.fm;
    m = bc.m;
    p1 = bc.p1;
    xm = bc.xm;
    xl = bc.xl;
    xr = bc.xr;
    c = bc.c;
    laml = bc.laml;
    lamr = bc.lamr;
    p2 = bc.p2;
    p3 = bc.p3;
    p4 = bc.p4;
  }
  const double nd = double(n);
  auto done = [&](int64_t y) { return p > 0.5 ? n - y : y; };  // Step60
  for (;;) {  // Step10
    const double nrq = nd * r * q;
    const double u = g.next_double() * p4;
    double v = g.next_double();
    int64_t y;
    if (u <= p1) {
      y = int64_t(std::floor(xm - p1 * v + u));
      return done(y);
    }
    if (u <= p2) {  // Step20
      const double x = xl + (u - p1) / c;
      v = v * c + 1.0 - std::fabs(double(m) - x + 0.5) / p1;
      if (v > 1.0) continue;
      y = int64_t(std::floor(x));
    } else if (u <= p3) {  // Step30
      y = int64_t(std::floor(xl + std::log(v) / laml));
      if (y < 0 || v == 0.0) continue;
      v = v * (u - p2) * laml;
    } else {  // Step40
      y = int64_t(std::floor(xr - std::log(v) / lamr));
      if (y > n || v == 0.0) continue;
      v = v * (u - p3) * lamr;
    }
    // Step50
    const int64_t k = std::llabs(y - m);
    if (!(k > 20 && double(k) < (nrq / 2.0 - 1))) {
      const double s = r / q;
      const double a = s * (nd + 1);
      double F = 1.0;
      if (m < y) {
        for (int64_t i = m + 1; i <= y; ++i) F *= (a / double(i) - s);
      } else if (m > y) {
        for (int64_t i = y + 1; i <= m; ++i) F /= (a / double(i) - s);
      }
      if (v > F) continue;
      return done(y);
    }
    // Step52
    {
      const double kd = double(k);
      const double rho = (kd / nrq) * ((kd * (kd / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
      const double t = -kd * kd / (2 * nrq);
      const double A = std::log(v);
      if (A < (t - rho)) return done(y);
      if (A > (t + rho)) continue;
      const double x1 = double(y + 1), f1 = double(m + 1), z = double(n + 1 - m), w = double(n - y + 1);
      const double x2 = x1 * x1, f2 = f1 * f1, z2 = z * z, w2 = w * w;
      if (A > (xm * std::log(f1 / x1) + (double(n - m) + 0.5) * std::log(z / w) +
               double(y - m) * std::log(w * r / (x1 * q)) +
               (13680. - (462. - (132. - (99. - 140. / f2) / f2) / f2) / f2) / f1 / 166320. +
               (13680. - (462. - (132. - (99. - 140. / z2) / z2) / z2) / z2) / z / 166320. +
               (13680. - (462. - (132. - (99. - 140. / x2) / x2) / x2) / x2) / x1 / 166320. +
               (13680. - (462. - (132. - (99. - 140. / w2) / w2) / w2) / w2) / w / 166320.))
        continue;
      return done(y);
    }
  }
}

int64_t binomial_inversion(BitGen& g, int64_t n, double p, BinomialCache& bc) {
  double q, qn, np, px, U;
  int64_t X, bound;
  if (!bc.has || bc.nsave != n || bc.psave != p) {
    bc.nsave = n;
    bc.psave = p;
    bc.has = true;
    bc.q = q = 1.0 - p;
    bc.r = qn = std::exp(double(n) * std::log(q));
    bc.c = np = double(n) * p;
    bc.m = bound = int64_t(std::min(double(n), np + 10.0 * std::sqrt(np * q + 1)));
  } else {
    q = bc.q;
    qn = bc.r;
    np = bc.c;
    bound = bc.m;
  }
  X = 0;
  px = qn;
  U = g.next_double();
  while (U > px) {
    X++;
    if (X > bound) {
      X = 0;
      px = qn;
      U = g.next_double();
    } else {
      U -= px;
      px = (double(n - X + 1) * p * px) / (double(X) * q);
    }
  }
  return X;
}

int64_t binomial(BitGen& g, double p, int64_t n, BinomialCache& bc) {
  if (n == 0 || p == 0.0) return 0;
  if (p <= 0.5) {
    if (p * double(n) <= 30.0) return binomial_inversion(g, n, p, bc);
    return binomial_btpe(g, n, p, bc);
  }
  const double q = 1.0 - p;
  if (q * double(n) <= 30.0) return n - binomial_inversion(g, n, q, bc);
  return n - binomial_btpe(g, n, q, bc);
}

double noncentral_chisquare(BitGen& g, double df, double nonc) {
  if (std::isnan(nonc)) return NAN;
  if (nonc == 0) return chisquare(g, df);
  if (1 < df) {
    const double Chi2 = chisquare(g, df - 1);
    const double n = standard_normal(g) + std::sqrt(nonc);
    return Chi2 + n * n;
  }
  const int64_t i = poisson(g, nonc / 2.0);
  return chisquare(g, df + 2 * double(i));
}

double noncentral_f(BitGen& g, double dfnum, double dfden, double nonc) {
  const double t = noncentral_chisquare(g, dfnum, nonc) * dfden;
  return t / (chisquare(g, dfden) * dfnum);
}

double wald(BitGen& g, double mean, double scale) {
  const double mu_2l = mean / (2 * scale);
  double Y = standard_normal(g);
  Y = mean * Y * Y;
  const double X = mean + mu_2l * (Y - std::sqrt(4 * scale * Y + Y * Y));
  const double U = g.next_double();
  if (U <= mean / (mean + X)) return X;
  return mean * mean / X;
}

double vonmises(BitGen& g, double mu, double kappa, bool legacy) {
  if (std::isnan(kappa)) return NAN;
  if (kappa < 1e-8) return M_PI * (2 * g.next_double() - 1);
  double s;
  if (kappa < 1e-5) {
    s = (1. / kappa + kappa);
  } else if (kappa <= 1e6 || legacy) {
    const double r = 1 + std::sqrt(1 + 4 * kappa * kappa);
    const double rho = (r - std::sqrt(2 * r)) / (2 * kappa);
    s = (1 + rho * rho) / (2 * rho);
  } else {
    double result = mu + std::sqrt(1. / kappa) * standard_normal(g);
    if (result < -M_PI) result += 2 * M_PI;
    if (result > M_PI) result -= 2 * M_PI;
    return result;
  }
  double W;
  for (;;) {
    const double U = g.next_double();
    const double Z = std::cos(M_PI * U);
    W = (1 + s * Z) / (s + Z);
    const double Y = kappa * (s - W);
    const double V = g.next_double();
    if ((Y * (2 - Y) - V >= 0) || (std::log(Y / V) + 1 - Y >= 0)) break;
  }
  const double U = g.next_double();
  double result = std::acos(W);
  if (U < 0.5) result = -result;
  result += mu;
  const bool neg = result < 0;
  double mod = std::fabs(result);
  mod = (std::fmod(mod + M_PI, 2 * M_PI) - M_PI);
  if (neg) mod *= -1;
  return mod;
}

int64_t logseries(BitGen& g, double p) {
  const double r = std::log1p(-p);
  for (;;) {
    const double V = g.next_double();
    if (V >= p) return 1;
    const double U = g.next_double();
    const double q = -std::expm1(r * U);
    if (V <= q * q) {
      const int64_t result = int64_t(std::floor(1 + std::log(V) / std::log(q)));
      if (result < 1 || V == 0.0) continue;
      return result;
    }
    if (V >= q) return 1;
    return 2;
  }
}

int64_t geometric_search(BitGen& g, double p) {
  int64_t X = 1;
  double sum = p, prod = p;
  const double q = 1.0 - p;
  const double U = g.next_double();
  while (U > sum) {
    prod *= q;
    sum += prod;
    X++;
  }
  return X;
}

int64_t geometric(BitGen& g, double p) {
  if (p >= 0.333333333333333333333333) return geometric_search(g, p);
  return int64_t(std::ceil(-standard_exponential(g) / std::log1p(-p)));
}

int64_t zipf(BitGen& g, double a) {
  // NumPy 1.24 loops forever from a >= 1025 (2**(a-1) overflows and every draw is rejected);
  // later NumPy returns 1 there (P(X > 1) < 3e-309), and so does cnumpy. Below 1025 the stream
  // is 1.24's.
  if (a >= 1025) return 1;
  const double am1 = a - 1.0;
  const double b = std::pow(2.0, am1);
  for (;;) {
    const double U = 1.0 - g.next_double();
    const double V = g.next_double();
    const double X = std::floor(std::pow(U, -1.0 / am1));
    if (X > double(INT64_MAX) || X < 1.0) continue;
    const double T = std::pow(1.0 + 1.0 / X, am1);
    if (V * X * (T - 1.0) / (b - 1.0) <= T / b) return int64_t(X);
  }
}

double triangular(BitGen& g, double left, double mode, double right) {
  const double base = right - left;
  const double leftbase = mode - left;
  const double ratio = leftbase / base;
  const double leftprod = leftbase * base;
  const double rightprod = (right - mode) * base;
  const double U = g.next_double();
  if (U <= ratio) return left + std::sqrt(U * leftprod);
  return right - std::sqrt((1.0 - U) * rightprod);
}

namespace {
int64_t hypergeometric_sample(BitGen& g, int64_t good, int64_t bad, int64_t sample) {
  const int64_t total = good + bad;
  int64_t computed_sample = sample > total / 2 ? total - sample : sample;
  int64_t remaining_total = total, remaining_good = good;
  while (computed_sample > 0 && remaining_good > 0 && remaining_total > remaining_good) {
    --remaining_total;
    if (int64_t(random_interval(g, uint64_t(remaining_total))) < remaining_good) --remaining_good;
    --computed_sample;
  }
  if (remaining_total == remaining_good) remaining_good -= computed_sample;
  return sample > total / 2 ? remaining_good : good - remaining_good;
}

constexpr double kD1 = 1.7155277699214135, kD2 = 0.8989161620588988;

int64_t hypergeometric_hrua(BitGen& g, int64_t good, int64_t bad, int64_t sample) {
  const int64_t popsize = good + bad;
  const int64_t computed_sample = std::min(sample, popsize - sample);
  const int64_t mingoodbad = std::min(good, bad), maxgoodbad = std::max(good, bad);
  const double p = double(mingoodbad) / double(popsize);
  const double q = double(maxgoodbad) / double(popsize);
  const double mu = double(computed_sample) * p;
  const double a = mu + 0.5;
  const double var = (double(popsize - computed_sample) * double(computed_sample) * p * q / double(popsize - 1));
  const double c = std::sqrt(var + 0.5);
  const double h = kD1 * c + kD2;
  const int64_t m = int64_t(std::floor(double(computed_sample + 1) * double(mingoodbad + 1) / double(popsize + 2)));
  const double gg = (logfactorial(m) + logfactorial(mingoodbad - m) + logfactorial(computed_sample - m) +
                     logfactorial(maxgoodbad - computed_sample + m));
  const double b = std::min(double(std::min(computed_sample, mingoodbad) + 1), std::floor(a + 16 * c));
  int64_t K;
  for (;;) {
    const double U = g.next_double();
    const double V = g.next_double();
    const double X = a + h * (V - 0.5) / U;
    if (X < 0.0 || X >= b) continue;
    K = int64_t(std::floor(X));
    const double gp = (logfactorial(K) + logfactorial(mingoodbad - K) + logfactorial(computed_sample - K) +
                       logfactorial(maxgoodbad - computed_sample + K));
    const double T = gg - gp;
    if ((U * (4.0 - U) - 3.0) <= T) break;
    if (U * (U - T) >= 1) continue;
    if (2.0 * std::log(U) <= T) break;
  }
  if (good > bad) K = computed_sample - K;
  if (computed_sample < sample) K = good - K;
  return K;
}
}  // namespace

int64_t hypergeometric(BitGen& g, int64_t good, int64_t bad, int64_t sample) {
  if (sample >= 10 && sample <= good + bad - 10) return hypergeometric_hrua(g, good, bad, sample);
  return hypergeometric_sample(g, good, bad, sample);
}

void multinomial(BitGen& g, int64_t n, int64_t* mnix, const double* pix, int64_t d, BinomialCache& c) {
  double remaining_p = 1.0;
  int64_t dn = n;
  for (int64_t j = 0; j < d - 1; ++j) {
    mnix[j] = binomial(g, pix[j] / remaining_p, dn, c);
    dn = dn - mnix[j];
    if (dn <= 0) break;
    remaining_p -= pix[j];
  }
  if (dn > 0) mnix[d - 1] = dn;
}

}  // namespace cnp::random
