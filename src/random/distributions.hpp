// Generator's distributions, one function per draw, step for step as NumPy 1.24's
// numpy/random/src/distributions/distributions.c (and random_hypergeometric.c) so that the same
// state gives the same numbers (floating results go through the same libm calls, glibc's).
#pragma once
#include <cstdint>

#include "random/bitgen.hpp"

namespace cnp::random {

// Binomial's cached setup (NumPy's binomial_t), kept across the draws of one call.
struct BinomialCache {
  bool has = false;
  int64_t nsave = 0, m = 0;
  double psave = 0, r = 0, q = 0, fm = 0, p1 = 0, xm = 0, xl = 0, xr = 0, c = 0, laml = 0, lamr = 0, p2 = 0,
         p3 = 0, p4 = 0;
};

double standard_gamma(BitGen& g, double shape);
float standard_gamma_f(BitGen& g, float shape);
double loggam(double x);
double logfactorial(int64_t k);
uint64_t random_interval(BitGen& g, uint64_t max);

double beta(BitGen& g, double a, double b);
double chisquare(BitGen& g, double df);
double f(BitGen& g, double dfnum, double dfden);
double standard_cauchy(BitGen& g);
double pareto(BitGen& g, double a);
double weibull(BitGen& g, double a);
double power(BitGen& g, double a);
double laplace(BitGen& g, double loc, double scale);
double gumbel(BitGen& g, double loc, double scale);
double logistic(BitGen& g, double loc, double scale);
double lognormal(BitGen& g, double mean, double sigma);
double rayleigh(BitGen& g, double mode);
double standard_t(BitGen& g, double df);
int64_t poisson(BitGen& g, double lam);
int64_t negative_binomial(BitGen& g, double n, double p);
int64_t binomial(BitGen& g, double p, int64_t n, BinomialCache& c);
int64_t binomial_btpe(BitGen& g, int64_t n, double p, BinomialCache& c);
int64_t binomial_inversion(BitGen& g, int64_t n, double p, BinomialCache& c);
double noncentral_chisquare(BitGen& g, double df, double nonc);
double noncentral_f(BitGen& g, double dfnum, double dfden, double nonc);
double wald(BitGen& g, double mean, double scale);
double vonmises(BitGen& g, double mu, double kappa, bool legacy);
int64_t logseries(BitGen& g, double p);
int64_t geometric_search(BitGen& g, double p);
int64_t geometric(BitGen& g, double p);
int64_t zipf(BitGen& g, double a);
double triangular(BitGen& g, double left, double mode, double right);
int64_t hypergeometric(BitGen& g, int64_t good, int64_t bad, int64_t sample);
// Multinomial counts of n draws over d categories (pix: probabilities) into mnix (zeroed).
void multinomial(BitGen& g, int64_t n, int64_t* mnix, const double* pix, int64_t d, BinomialCache& c);

}  // namespace cnp::random
