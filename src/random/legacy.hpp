// RandomState's distributions where they differ from Generator's, step for step as NumPy
// 1.24's numpy/random/src/legacy/legacy-distributions.c: the polar Gaussian with its cached
// second value (kept in the BitGen), -log(1 - U) exponentials, and the original binomial,
// hypergeometric, geometric and logseries algorithms.
#pragma once
#include <cstdint>

#include "random/bitgen.hpp"
#include "random/distributions.hpp"

namespace cnp::random::legacy {

double gauss(BitGen& g);
double standard_exponential(BitGen& g);
double standard_gamma(BitGen& g, double shape);
double pareto(BitGen& g, double a);
double weibull(BitGen& g, double a);
double power(BitGen& g, double a);
double chisquare(BitGen& g, double df);
double rayleigh(BitGen& g, double mode);
double noncentral_chisquare(BitGen& g, double df, double nonc);
double noncentral_f(BitGen& g, double dfnum, double dfden, double nonc);
double wald(BitGen& g, double mean, double scale);
double lognormal(BitGen& g, double mean, double sigma);
double standard_t(BitGen& g, double df);
int64_t negative_binomial(BitGen& g, double n, double p);
double standard_cauchy(BitGen& g);
double beta(BitGen& g, double a, double b);
double f(BitGen& g, double dfnum, double dfden);
int64_t binomial(BitGen& g, double p, int64_t n, BinomialCache& c);
int64_t hypergeometric(BitGen& g, int64_t good, int64_t bad, int64_t sample);
int64_t geometric(BitGen& g, double p);
int64_t logseries(BitGen& g, double p);

}  // namespace cnp::random::legacy
