// C entry points of the matrix products and numpy.linalg: thin wrappers over src/linalg.
#include "cnumpy/linalg.h"

#include <vector>

#include "capi/guard.hpp"
#include "linalg/linalg.hpp"

using namespace cnp;
using namespace cnp::capi;
namespace la = cnp::linalg;

namespace {
// Several out-parameters: all cleared first, all written only on success.
cnp_status clear(std::initializer_list<cnp_array**> outs) {
  for (cnp_array** o : outs)
    if (o) *o = nullptr;
  return CNP_OK;
}

std::vector<const Array*> array_list(int32_t n, const cnp_array* const* arrays) {
  if (n < 0 || (n > 0 && !arrays)) throw Error(CNP_ERR_INVALID_HANDLE, "arrays pointer is NULL");
  std::vector<const Array*> in;
  for (int32_t i = 0; i < n; ++i) in.push_back(&array_of(arrays[i]));
  return in;
}
}  // namespace

extern "C" {

#define CNP_BINARY(cname, fn)                                                             \
  CNP_API cnp_status cname(const cnp_array* a, const cnp_array* b, cnp_array** out) {     \
    return produce(out, [&] { return la::fn(array_of(a), array_of(b)); });               \
  }
CNP_BINARY(cnp_matmul, matmul)
CNP_BINARY(cnp_dot, dot)
CNP_BINARY(cnp_vdot, vdot)
CNP_BINARY(cnp_inner, inner)
CNP_BINARY(cnp_outer, outer)
CNP_BINARY(cnp_linalg_solve, solve)
CNP_BINARY(cnp_kron, kron)

CNP_API cnp_status cnp_trace(const cnp_array* a, int64_t offset, int64_t axis1, int64_t axis2, const cnp_dtype* dtype,
                             cnp_array** out) {
  return produce(out, [&] { return la::trace(array_of(a), offset, axis1, axis2, opt_dtype(dtype)); });
}
CNP_API cnp_status cnp_tensordot(const cnp_array* a, const cnp_array* b, const int64_t* axes_a, const int64_t* axes_b,
                                 int32_t naxes, cnp_array** out) {
  return produce(out, [&] {
    if (naxes < 0 || (naxes > 0 && (!axes_a || !axes_b))) throw Error(CNP_ERR_INVALID_HANDLE, "axes pointer is NULL");
    return la::tensordot(array_of(a), array_of(b), axes_a, axes_b, naxes);
  });
}
CNP_API cnp_status cnp_linalg_norm(const cnp_array* x, int32_t ord_kind, double ord, const int64_t* axes, int32_t naxes,
                                   int32_t keepdims, cnp_array** out) {
  return produce(out, [&] {
    if (ord_kind < CNP_LINALG_NORM_DEFAULT || ord_kind > CNP_LINALG_NORM_NUC) throw_value("Invalid norm order");
    if (naxes > 0 && !axes) throw Error(CNP_ERR_INVALID_HANDLE, "axes pointer is NULL");
    return la::norm(array_of(x), ord_kind, ord, axes, naxes, keepdims != 0);
  });
}
CNP_API cnp_status cnp_linalg_cond(const cnp_array* x, int32_t p_kind, double p, cnp_array** out) {
  return produce(out, [&] {
    if (p_kind < CNP_LINALG_NORM_DEFAULT || p_kind > CNP_LINALG_NORM_NUC) throw_value("Invalid norm order for matrices.");
    return la::cond(array_of(x), p_kind, p);
  });
}
CNP_API cnp_status cnp_linalg_multi_dot(int32_t n, const cnp_array* const* arrays, cnp_array** out) {
  return produce(out, [&] { return la::multi_dot(array_list(n, arrays)); });
}
CNP_API cnp_status cnp_einsum(const char* subscripts, int32_t n, const cnp_array* const* operands, cnp_array** out) {
  return produce(out, [&] {
    if (!subscripts) throw Error(CNP_ERR_INVALID_HANDLE, "subscripts pointer is NULL");
    return la::einsum(subscripts, array_list(n, operands));
  });
}
CNP_API cnp_status cnp_linalg_pinv(const cnp_array* a, const cnp_array* rcond, cnp_array** out) {
  return produce(out, [&] { return la::pinv(array_of(a), opt_array(rcond)); });
}
CNP_API cnp_status cnp_linalg_matrix_rank(const cnp_array* a, const cnp_array* tol, cnp_array** out) {
  return produce(out, [&] { return la::matrix_rank(array_of(a), opt_array(tol)); });
}
CNP_API cnp_status cnp_linalg_matrix_power(const cnp_array* a, int64_t n, cnp_array** out) {
  return produce(out, [&] { return la::matrix_power(array_of(a), n); });
}

CNP_API cnp_status cnp_linalg_inv(const cnp_array* a, cnp_array** out) {
  return produce(out, [&] { return la::inv(array_of(a)); });
}
CNP_API cnp_status cnp_linalg_det(const cnp_array* a, cnp_array** out) {
  return produce(out, [&] { return la::det(array_of(a)); });
}
CNP_API cnp_status cnp_linalg_cholesky(const cnp_array* a, cnp_array** out) {
  return produce(out, [&] { return la::cholesky(array_of(a)); });
}

CNP_API cnp_status cnp_linalg_slogdet(const cnp_array* a, cnp_array** sign, cnp_array** logdet) {
  clear({sign, logdet});
  return run([&] {
    require_out(sign);
    require_out(logdet);
    Array s, l;
    la::slogdet(array_of(a), s, l);
    hand_out({{sign, &s}, {logdet, &l}});
  });
}

CNP_API cnp_status cnp_linalg_lstsq(const cnp_array* a, const cnp_array* b, double rcond, cnp_array** x,
                                    cnp_array** residuals, cnp_array** rank, cnp_array** s) {
  clear({x, residuals, rank, s});
  return run([&] {
    require_out(x);
    require_out(residuals);
    require_out(rank);
    require_out(s);
    Array xa, ra, ka, sa;
    la::lstsq(array_of(a), array_of(b), rcond, xa, ra, ka, sa);
    hand_out({{x, &xa}, {residuals, &ra}, {rank, &ka}, {s, &sa}});
  });
}

CNP_API cnp_status cnp_linalg_eigh(const cnp_array* a, int32_t uplo, cnp_array** w, cnp_array** v) {
  clear({w, v});
  return run([&] {
    require_out(w);
    if (uplo != 'L' && uplo != 'U') throw_value("UPLO argument must be 'L' or 'U'");
    Array wa, va;
    la::eigh(array_of(a), char(uplo), wa, v ? &va : nullptr);
    hand_out({{w, &wa}, {v, &va}});
  });
}

CNP_API cnp_status cnp_linalg_eig(const cnp_array* a, cnp_array** w, cnp_array** v) {
  clear({w, v});
  return run([&] {
    require_out(w);
    Array wa, va;
    la::eig(array_of(a), wa, v ? &va : nullptr);
    hand_out({{w, &wa}, {v, &va}});
  });
}

CNP_API cnp_status cnp_linalg_svd(const cnp_array* a, int32_t full_matrices, cnp_array** u, cnp_array** s, cnp_array** vh) {
  clear({u, s, vh});
  return run([&] {
    require_out(s);
    if ((u == nullptr) != (vh == nullptr)) throw_value("svd: u and vh must both be given or both be NULL");
    Array ua, sa, va;
    la::svd(array_of(a), full_matrices != 0, u ? &ua : nullptr, sa, u ? &va : nullptr);
    hand_out({{s, &sa}, {u, &ua}, {vh, &va}});
  });
}

CNP_API cnp_status cnp_linalg_qr(const cnp_array* a, int32_t mode, cnp_array** q, cnp_array** r) {
  clear({q, r});
  return run([&] {
    require_out(r);
    if (mode < CNP_LINALG_QR_REDUCED || mode > CNP_LINALG_QR_RAW) throw_value("Unrecognized mode");
    if (mode != CNP_LINALG_QR_R) require_out(q);
    Array qa, ra;
    la::qr(array_of(a), mode, mode != CNP_LINALG_QR_R ? &qa : nullptr, ra);
    hand_out({{r, &ra}, {mode != CNP_LINALG_QR_R ? q : nullptr, &qa}});
  });
}

}  // extern "C"
