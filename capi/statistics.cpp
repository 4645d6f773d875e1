// C entry points of include/cnumpy/statistics.h beyond the nan reductions (which share the
// reduction macros in capi/reduce.cpp): validate handles, translate arguments, call src/reduce.
#include "cnumpy/statistics.h"

#include "capi/reduce_args.hpp"
#include "reduce/statistics.hpp"
#include "ufunc/execute.hpp"

using namespace cnp;
using namespace cnp::capi;
namespace rd = cnp::reduce;

namespace {

Array* opt_out(cnp_array* out) { return out ? &array_of(out) : nullptr; }

// NumPy's _ureduce uses normalize_axis_tuple, whose duplicate message differs from ufunc.reduce's.
rd::Axes ureduce_axes(const int64_t* axes, int32_t naxes, int32_t ndim) {
  rd::normalize_axis_tuple(axes, naxes, ndim);  // NumPy's checks and messages first
  return rd::parse_axes(axes, naxes, ndim);
}

cnp_status quantile_call(const cnp_array* a, const cnp_array* q, const int64_t* axes, int32_t naxes,
                         const char* method, cnp_array* out, int32_t keepdims, bool skip_nan, bool percent,
                         cnp_array** result) {
  return reduce_call(out, result, [&] {
    const Array& x = array_of(a);
    const Array& qa = array_of(q);
    rd::QMethod m = rd::parse_qmethod(method);
    // NumPy's percentile divides q by 100 in q's own type (float32 q stays float32).
    Array qf = percent ? ufunc::call2(ufunc::Id::divide, qa, ufunc::weak_float(100.0)) : qa;
    return rd::quantile(x, qf, ureduce_axes(axes, naxes, x.ndim()), m, keepdims != 0, skip_nan, percent,
                        opt_out(out));
  });
}

cnp_status median_call(const cnp_array* a, const int64_t* axes, int32_t naxes, cnp_array* out, int32_t keepdims,
                       bool skip_nan, cnp_array** result) {
  return reduce_call(out, result, [&] {
    const Array& x = array_of(a);
    return rd::median(x, ureduce_axes(axes, naxes, x.ndim()), keepdims != 0, skip_nan, opt_out(out));
  });
}

}  // namespace

extern "C" {

CNP_API cnp_status cnp_median(const cnp_array* a, const int64_t* axes, int32_t naxes, cnp_array* out, int32_t keepdims,
                              cnp_array** result) {
  return median_call(a, axes, naxes, out, keepdims, false, result);
}

CNP_API cnp_status cnp_nanmedian(const cnp_array* a, const int64_t* axes, int32_t naxes, cnp_array* out,
                                 int32_t keepdims, cnp_array** result) {
  return median_call(a, axes, naxes, out, keepdims, true, result);
}

#define CNP_QUANTILE(cname, skip, percent)                                                                            \
  CNP_API cnp_status cnp_##cname(const cnp_array* a, const cnp_array* q, const int64_t* axes, int32_t naxes,          \
                                 const char* method, cnp_array* out, int32_t keepdims, cnp_array** result) {           \
    return quantile_call(a, q, axes, naxes, method, out, keepdims, skip, percent, result);                            \
  }
CNP_QUANTILE(quantile, false, false)
CNP_QUANTILE(percentile, false, true)
CNP_QUANTILE(nanquantile, true, false)
CNP_QUANTILE(nanpercentile, true, true)

CNP_API cnp_status cnp_average(const cnp_array* a, const int64_t* axes, int32_t naxes, const cnp_array* weights,
                               int32_t keepdims, cnp_array** result, cnp_array** sum_of_weights) {
  if (result) *result = nullptr;
  if (sum_of_weights) *sum_of_weights = nullptr;
  return run([&] {
    require_out(result);
    const Array& x = array_of(a);
    Array scale;
    Array r = rd::average(x, naxes >= 0 && axes, rd::parse_axes(axes, naxes, x.ndim()), opt_array(weights),
                          keepdims != 0, sum_of_weights ? &scale : nullptr);
    hand_out({{result, &r}, {sum_of_weights, &scale}});
  });
}

CNP_API cnp_status cnp_bincount(const cnp_array* x, const cnp_array* weights, int64_t minlength, cnp_array** result) {
  return produce(result, [&] { return rd::bincount(array_of(x), opt_array(weights), minlength); });
}

CNP_API cnp_status cnp_histogram(const cnp_array* a, int64_t bins, const cnp_array* edges, const double* range,
                                 const cnp_array* weights, int32_t density, cnp_array** hist, cnp_array** bin_edges) {
  if (hist) *hist = nullptr;
  if (bin_edges) *bin_edges = nullptr;
  return run([&] {
    require_out(hist);
    require_out(bin_edges);
    Array h, e;
    rd::histogram(array_of(a), bins, opt_array(edges), range, opt_array(weights), density != 0, &h, &e);
    hand_out({{hist, &h}, {bin_edges, &e}});
  });
}

CNP_API cnp_status cnp_diff(const cnp_array* a, int64_t n, int64_t axis, const cnp_array* prepend,
                            const cnp_array* append, cnp_array** result) {
  return produce(result, [&] { return rd::diff(array_of(a), n, axis, opt_array(prepend), opt_array(append)); });
}

CNP_API cnp_status cnp_ediff1d(const cnp_array* a, const cnp_array* to_end, const cnp_array* to_begin,
                               cnp_array** result) {
  return produce(result, [&] { return rd::ediff1d(array_of(a), opt_array(to_end), opt_array(to_begin)); });
}

CNP_API cnp_status cnp_gradient(const cnp_array* f, const cnp_array* const* spacing, int32_t nspacing,
                                const int64_t* axes, int32_t naxes, int32_t edge_order, cnp_array** results,
                                int32_t* nresults) {
  // On failure neither results[] nor *nresults is written; on success both are, all at once.
  return run([&] {
    require_out(results);
    require_out(nresults);
    if (nspacing < 0 || (nspacing > 0 && !spacing)) throw Error(CNP_ERR_VALUE, "invalid spacing arguments");
    std::vector<const Array*> sp;
    for (int32_t i = 0; i < nspacing; ++i) sp.push_back(&array_of(spacing[i]));
    std::vector<Array> r = rd::gradient(array_of(f), sp.data(), nspacing, axes, naxes, edge_order);
    std::vector<std::unique_ptr<cnp_array>> handles;
    handles.reserve(r.size());  // no growth (and no failure) while a raw handle is in flight
    for (Array& x : r) handles.emplace_back(new_handle(std::move(x)));
    for (size_t i = 0; i < handles.size(); ++i) results[i] = handles[i].release();
    *nresults = static_cast<int32_t>(r.size());
  });
}

CNP_API cnp_status cnp_trapz(const cnp_array* y, const cnp_array* x, double dx, int64_t axis, cnp_array** result) {
  return produce(result, [&] { return rd::trapz(array_of(y), opt_array(x), dx, axis); });
}

CNP_API cnp_status cnp_cov(const cnp_array* m, const cnp_array* y, int32_t rowvar, int32_t bias, const double* ddof,
                           const cnp_array* fweights, const cnp_array* aweights, const cnp_dtype* dtype,
                           cnp_array** result) {
  return produce(result, [&] {
    return rd::cov(array_of(m), opt_array(y), rowvar != 0, bias != 0, ddof, opt_array(fweights), opt_array(aweights),
                   opt_dtype(dtype));
  });
}

CNP_API cnp_status cnp_corrcoef(const cnp_array* x, const cnp_array* y, int32_t rowvar, const cnp_dtype* dtype,
                                cnp_array** result) {
  return produce(result, [&] { return rd::corrcoef(array_of(x), opt_array(y), rowvar != 0, opt_dtype(dtype)); });
}

}  // extern "C"
