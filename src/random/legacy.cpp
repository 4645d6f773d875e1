// RandomState's legacy distributions (see legacy.hpp).
#include "random/legacy.hpp"

#include <algorithm>
#include <cmath>

namespace cnp::random::legacy {

double gauss(BitGen& g) {
  if (g.has_gauss) {
    const double t = g.gauss;
    g.has_gauss = 0;
    g.gauss = 0.0;
    return t;
  }
  double x1, x2, r2;
  do {
    x1 = 2.0 * g.next_double() - 1.0;
    x2 = 2.0 * g.next_double() - 1.0;
    r2 = x1 * x1 + x2 * x2;
  } while (r2 >= 1.0 || r2 == 0.0);
  const double f = std::sqrt(-2.0 * std::log(r2) / r2);
  g.gauss = f * x1;
  g.has_gauss = 1;
  return f * x2;
}

double standard_exponential(BitGen& g) { return -std::log(1.0 - g.next_double()); }

double standard_gamma(BitGen& g, double shape) {
  if (shape == 1.0) return legacy::standard_exponential(g);
  if (shape == 0.0) return 0.0;
  if (shape < 1.0) {
    for (;;) {
      const double U = g.next_double();
      const double V = legacy::standard_exponential(g);
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
      X = legacy::gauss(g);
      V = 1.0 + c * X;
    } while (V <= 0.0);
    V = V * V * V;
    const double U = g.next_double();
    if (U < 1.0 - 0.0331 * (X * X) * (X * X)) return b * V;
    if (std::log(U) < 0.5 * X * X + b * (1. - V + std::log(V))) return b * V;
  }
}

double pareto(BitGen& g, double a) { return std::exp(legacy::standard_exponential(g) / a) - 1; }
double weibull(BitGen& g, double a) {
  if (a == 0.0) return 0.0;
  return std::pow(legacy::standard_exponential(g), 1. / a);
}
double power(BitGen& g, double a) { return std::pow(1 - std::exp(-legacy::standard_exponential(g)), 1. / a); }
double chisquare(BitGen& g, double df) { return 2.0 * legacy::standard_gamma(g, df / 2.0); }
double rayleigh(BitGen& g, double mode) { return mode * std::sqrt(-2.0 * std::log1p(-g.next_double())); }

double noncentral_chisquare(BitGen& g, double df, double nonc) {
  if (nonc == 0) return legacy::chisquare(g, df);
  if (1 < df) {
    const double Chi2 = legacy::chisquare(g, df - 1);
    const double n = legacy::gauss(g) + std::sqrt(nonc);
    return Chi2 + n * n;
  }
  const int64_t i = random::poisson(g, nonc / 2.0);
  const double out = legacy::chisquare(g, df + 2 * double(i));
  return std::isnan(nonc) ? NAN : out;
}

double noncentral_f(BitGen& g, double dfnum, double dfden, double nonc) {
  const double t = legacy::noncentral_chisquare(g, dfnum, nonc) * dfden;
  return t / (legacy::chisquare(g, dfden) * dfnum);
}

double wald(BitGen& g, double mean, double scale) {
  const double mu_2l = mean / (2 * scale);
  double Y = legacy::gauss(g);
  Y = mean * Y * Y;
  const double X = mean + mu_2l * (Y - std::sqrt(4 * scale * Y + Y * Y));
  const double U = g.next_double();
  if (U <= mean / (mean + X)) return X;
  return mean * mean / X;
}

double lognormal(BitGen& g, double mean, double sigma) { return std::exp(mean + sigma * legacy::gauss(g)); }

double standard_t(BitGen& g, double df) {
  const double num = legacy::gauss(g);
  const double denom = legacy::standard_gamma(g, df / 2);
  return std::sqrt(df / 2) * num / std::sqrt(denom);
}

int64_t negative_binomial(BitGen& g, double n, double p) {
  const double Y = ((1 - p) / p) * legacy::standard_gamma(g, n);
  return random::poisson(g, Y);
}

double standard_cauchy(BitGen& g) {
  const double a = legacy::gauss(g);
  return a / legacy::gauss(g);
}

double beta(BitGen& g, double a, double b) {
  if (a <= 1.0 && b <= 1.0) {
    for (;;) {
      const double U = g.next_double(), V = g.next_double();
      const double X = std::pow(U, 1.0 / a), Y = std::pow(V, 1.0 / b);
      if ((X + Y) <= 1.0) {
        if (X + Y > 0) return X / (X + Y);
        double logX = std::log(U) / a, logY = std::log(V) / b;
        const double logM = logX > logY ? logX : logY;
        logX -= logM;
        logY -= logM;
        return std::exp(logX - std::log(std::exp(logX) + std::exp(logY)));
      }
    }
  }
  const double Ga = legacy::standard_gamma(g, a);
  const double Gb = legacy::standard_gamma(g, b);
  return Ga / (Ga + Gb);
}

double f(BitGen& g, double dfnum, double dfden) {
  const double a = legacy::chisquare(g, dfnum) * dfden;
  return a / (legacy::chisquare(g, dfden) * dfnum);
}

int64_t binomial(BitGen& g, double p, int64_t n, BinomialCache& c) {
  if (p <= 0.5) {
    if (p * double(n) <= 30.0) return binomial_inversion(g, n, p, c);
    return binomial_btpe(g, n, p, c);
  }
  const double q = 1.0 - p;
  if (q * double(n) <= 30.0) return n - binomial_inversion(g, n, q, c);
  return n - binomial_btpe(g, n, q, c);
}

namespace {
int64_t hypergeometric_hyp(BitGen& g, int64_t good, int64_t bad, int64_t sample) {
  const int64_t d1 = bad + good - sample;
  const double d2 = double(std::min(bad, good));
  double y = d2;
  int64_t k = sample;
  while (y > 0.0) {
    const double u = g.next_double();
    y -= double(int64_t(std::floor(u + y / double(d1 + k))));
    k--;
    if (k == 0) break;
  }
  int64_t z = int64_t(d2 - y);
  if (good > bad) z = sample - z;
  return z;
}

int64_t hypergeometric_hrua(BitGen& g, int64_t good, int64_t bad, int64_t sample) {
  constexpr double D1 = 1.7155277699214135, D2 = 0.8989161620588988;
  const int64_t mingoodbad = std::min(good, bad), popsize = good + bad, maxgoodbad = std::max(good, bad);
  const int64_t m = std::min(sample, popsize - sample);
  const double d4 = double(mingoodbad) / double(popsize);
  const double d5 = 1.0 - d4;
  const double d6 = double(m) * d4 + 0.5;
  const double d7 = std::sqrt(double(popsize - m) * double(sample) * d4 * d5 / double(popsize - 1) + 0.5);
  const double d8 = D1 * d7 + D2;
  const int64_t d9 = int64_t(std::floor(double(m + 1) * double(mingoodbad + 1) / double(popsize + 2)));
  const double d10 = (loggam(double(d9 + 1)) + loggam(double(mingoodbad - d9 + 1)) + loggam(double(m - d9 + 1)) +
                      loggam(double(maxgoodbad - m + d9 + 1)));
  const double d11 = std::min(double(std::min(m, mingoodbad)) + 1.0, std::floor(d6 + 16 * d7));
  int64_t Z;
  for (;;) {
    const double X = g.next_double();
    const double Y = g.next_double();
    const double W = d6 + d8 * (Y - 0.5) / X;
    if (W < 0.0 || W >= d11) continue;
    Z = int64_t(std::floor(W));
    const double T = d10 - (loggam(double(Z + 1)) + loggam(double(mingoodbad - Z + 1)) + loggam(double(m - Z + 1)) +
                            loggam(double(maxgoodbad - m + Z + 1)));
    if ((X * (4.0 - X) - 3.0) <= T) break;
    if (X * (X - T) >= 1) continue;
    if (2.0 * std::log(X) <= T) break;
  }
  if (good > bad) Z = m - Z;
  if (m < sample) Z = good - Z;
  return Z;
}
}  // namespace

int64_t hypergeometric(BitGen& g, int64_t good, int64_t bad, int64_t sample) {
  if (sample > 10) return hypergeometric_hrua(g, good, bad, sample);
  if (sample > 0) return hypergeometric_hyp(g, good, bad, sample);
  return 0;
}

int64_t geometric(BitGen& g, double p) {
  if (p >= 0.333333333333333333333333) return geometric_search(g, p);
  return int64_t(std::ceil(std::log1p(-g.next_double()) / std::log(1 - p)));
}

int64_t logseries(BitGen& g, double p) {
  const double r = std::log(1.0 - p);
  for (;;) {
    const double V = g.next_double();
    if (V >= p) return 1;
    const double U = g.next_double();
    const double q = 1.0 - std::exp(r * U);
    if (V <= q * q) {
      const int64_t result = int64_t(std::floor(1 + std::log(V) / std::log(q)));
      if (result < 1 || V == 0.0) continue;
      return result;
    }
    if (V >= q) return 1;
    return 2;
  }
}

}  // namespace cnp::random::legacy
