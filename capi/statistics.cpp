// C entry points of include/cnumpy/statistics.h: validate handles, translate arguments, call
// src/statistics. The nan-skipping reductions share their signatures (and the macros of
// capi/reduce_args.hpp) with the plain ones of reduce.h.
#include "cnumpy/statistics.h"

#include "capi/reduce_args.hpp"
#include "statistics/statistics.hpp"
#include "ufunc/execute.hpp"

using namespace cnp;
using namespace cnp::capi;
namespace rd = cnp::reduce;
namespace st = cnp::statistics;

namespace {

// NumPy's _ureduce uses normalize_axis_tuple, whose duplicate message differs from ufunc.reduce's.
rd::Axes ureduce_axes(const Array& x, const int64_t* axes, int32_t naxes) {
  st::normalize_axis_tuple(axes, axes_count(axes, naxes), x.ndim());  // NumPy's checks and messages first
  return reduced_axes(x, axes, naxes);
}

cnp_status quantile_call(const cnp_array* a, const cnp_array* q, const int64_t* axes, int32_t naxes,
                         const char* method, cnp_array* out_array, int32_t keepdims, bool skip_nan, bool percent,
                         cnp_array** out) {
  return produce(out, out_array, [&] {
    const Array& x = array_of(a);
    const Array& qa = array_of(q);
    st::QMethod m = st::parse_qmethod(method);
    // NumPy's percentile divides q by 100 in q's own type (float32 q stays float32).
    Array qf = percent ? ufunc::call2(ufunc::Id::divide, qa, ufunc::weak_float(100.0)) : qa;
    return st::quantile(x, qf, ureduce_axes(x, axes, naxes), m, keepdims != 0, skip_nan, percent,
                        opt_out(out_array));
  });
}

cnp_status median_call(const cnp_array* a, const int64_t* axes, int32_t naxes, cnp_array* out_array, int32_t keepdims,
                       bool skip_nan, cnp_array** out) {
  return produce(out, out_array, [&] {
    const Array& x = array_of(a);
    return st::median(x, ureduce_axes(x, axes, naxes), keepdims != 0, skip_nan, opt_out(out_array));
  });
}

}  // namespace

extern "C" {

CNP_API cnp_status cnp_median(const cnp_array* a, const int64_t* axes, int32_t naxes, cnp_array* out_array, int32_t keepdims,
                              cnp_array** out) {
  return median_call(a, axes, naxes, out_array, keepdims, false, out);
}

CNP_API cnp_status cnp_nanmedian(const cnp_array* a, const int64_t* axes, int32_t naxes, cnp_array* out_array,
                                 int32_t keepdims, cnp_array** out) {
  return median_call(a, axes, naxes, out_array, keepdims, true, out);
}

#define CNP_QUANTILE(cname, skip, percent)                                                                            \
  CNP_API cnp_status cname(const cnp_array* a, const cnp_array* q, const int64_t* axes, int32_t naxes,          \
                                 const char* method, cnp_array* out_array, int32_t keepdims, cnp_array** out) {           \
    return quantile_call(a, q, axes, naxes, method, out_array, keepdims, skip, percent, out);                            \
  }
CNP_QUANTILE(cnp_quantile, false, false)
CNP_QUANTILE(cnp_percentile, false, true)
CNP_QUANTILE(cnp_nanquantile, true, false)
CNP_QUANTILE(cnp_nanpercentile, true, true)

CNP_RED_DTYPE(cnp_nansum, st::nansum)
CNP_RED_DTYPE(cnp_nanprod, st::nanprod)
CNP_RED_MINMAX(cnp_nanmin, st::nanmin)
CNP_RED_MINMAX(cnp_nanmax, st::nanmax)
CNP_RED_MEAN(cnp_nanmean, st::nanmean)

CNP_RED_VAR(cnp_nanvar, st::nanvar, false)
CNP_RED_VAR(cnp_nanstd, st::nanvar, true)
CNP_RED_ARG(cnp_nanargmin, st::nanarg, false)
CNP_RED_ARG(cnp_nanargmax, st::nanarg, true)
CNP_RED_ACC(cnp_nancumsum, st::nanaccumulate, false)
CNP_RED_ACC(cnp_nancumprod, st::nanaccumulate, true)

CNP_API cnp_status cnp_average(const cnp_array* a, const int64_t* axes, int32_t naxes, const cnp_array* weights,
                               int32_t keepdims, cnp_array** out, cnp_array** sum_of_weights) {
  return produce({Result{out}, Result{sum_of_weights, true}}, [&](auto& r) {
    const Array& x = array_of(a);
    Array* scale = sum_of_weights ? &r[1].emplace() : nullptr;
    r[0] = st::average(x, axes != nullptr, reduced_axes(x, axes, naxes), opt_array(weights),
                       keepdims != 0, scale);
  });
}

CNP_API cnp_status cnp_bincount(const cnp_array* x, const cnp_array* weights, int64_t minlength, cnp_array** out) {
  return produce(out, [&] { return st::bincount(array_of(x), opt_array(weights), minlength); });
}

CNP_API cnp_status cnp_histogram(const cnp_array* a, int64_t bins, const cnp_array* edges, const double* range,
                                 const cnp_array* weights, int32_t density, cnp_array** hist, cnp_array** bin_edges) {
  return produce({Result{hist}, Result{bin_edges}}, [&](auto& r) {
    st::histogram(array_of(a), bins, opt_array(edges), range, opt_array(weights), density != 0, &r[0].emplace(),
                  &r[1].emplace());
  });
}

CNP_API cnp_status cnp_diff(const cnp_array* a, int64_t n, int64_t axis, const cnp_array* prepend,
                            const cnp_array* append, cnp_array** out) {
  return produce(out, [&] { return st::diff(array_of(a), n, axis, opt_array(prepend), opt_array(append)); });
}

CNP_API cnp_status cnp_ediff1d(const cnp_array* a, const cnp_array* to_end, const cnp_array* to_begin,
                               cnp_array** out) {
  return produce(out, [&] { return st::ediff1d(array_of(a), opt_array(to_end), opt_array(to_begin)); });
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
    std::vector<Array> g = st::gradient(array_of(f), sp.data(), nspacing, axes, axes_count(axes, naxes), edge_order);
    std::vector<std::optional<Array>> r(std::make_move_iterator(g.begin()), std::make_move_iterator(g.end()));
    std::vector<Result> to(g.size());
    for (size_t i = 0; i < g.size(); ++i) to[i].dst = &results[i];
    // The count is known only now; the gradients own no caller memory, so boxing them after the
    // body is safe (a failed allocation frees the boxes made and writes nothing).
    std::vector<std::unique_ptr<cnp_array>> boxes(g.size());
    new_boxes(to.data(), to.size(), boxes.data());
    hand_out(to.data(), to.size(), r.data(), boxes.data());
    *nresults = static_cast<int32_t>(g.size());
  });
}

CNP_API cnp_status cnp_trapz(const cnp_array* y, const cnp_array* x, double dx, int64_t axis, cnp_array** out) {
  return produce(out, [&] { return st::trapz(array_of(y), opt_array(x), dx, axis); });
}

CNP_API cnp_status cnp_cov(const cnp_array* m, const cnp_array* y, int32_t rowvar, int32_t bias, const double* ddof,
                           const cnp_array* fweights, const cnp_array* aweights, const cnp_dtype* dtype,
                           cnp_array** out) {
  return produce(out, [&] {
    return st::cov(array_of(m), opt_array(y), rowvar != 0, bias != 0, ddof, opt_array(fweights), opt_array(aweights),
                   opt_dtype(dtype));
  });
}

CNP_API cnp_status cnp_corrcoef(const cnp_array* x, const cnp_array* y, int32_t rowvar, const cnp_dtype* dtype,
                                cnp_array** out) {
  return produce(out, [&] { return st::corrcoef(array_of(x), opt_array(y), rowvar != 0, opt_dtype(dtype)); });
}

}  // extern "C"
