// numpy.einsum (the optimize=False path): subscripts parsed as NumPy's C parser does (same
// messages), repeated labels of one operand taken as a diagonal view, labels used by one operand
// only summed away, then the operands contracted pairwise, left to right, each contraction one
// (batched) matmul, so GEMM-shaped products reach BLAS and stacks of small ones the
// small-matrix kernel.
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "core/cast.hpp"
#include "core/error.hpp"
#include "core/views.hpp"
#include "linalg/linalg.hpp"
#include "reduce/reduce.hpp"
#include "ufunc/execute.hpp"

namespace cnp::linalg {

namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// head + c + tail (built by append: GCC 12 warns falsely about string + char + string).
std::string msg(const char* head, char c, const char* tail) {
  std::string m(head);
  m.push_back(c);
  m.append(tail);
  return m;
}

// Labels of one operand as NumPy's parser leaves them: a letter, or 0 for a broadcast
// (ellipsis) dimension.
std::vector<int> parse_operand(const char* s, size_t len, int32_t ndim, size_t iop, int counts[128]) {
  std::vector<int> labels;
  int ellipsis = -1;
  for (size_t i = 0; i < len; ++i) {
    char c = s[i];
    if (is_letter(c)) {
      if (int32_t(labels.size()) >= ndim)
        throw_value("einstein sum subscripts string contains too many subscripts for operand " + std::to_string(iop));
      labels.push_back(c);
      counts[int(c)]++;
    } else if (c == '.') {
      if (ellipsis != -1 || i + 2 >= len || s[++i] != '.' || s[++i] != '.')
        throw_value("einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in operand " +
                    std::to_string(iop));
      ellipsis = int(labels.size());
    } else if (c != ' ') {
      throw_value(msg("invalid subscript '", c, "' in einstein sum subscripts string, subscripts must be letters"));
    }
  }
  if (ellipsis == -1) {
    if (int32_t(labels.size()) != ndim)
      throw_value("operand has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided "
                  "to broadcast the extra dimensions.");
  } else {
    labels.insert(labels.begin() + ellipsis, size_t(ndim) - labels.size(), 0);
  }
  return labels;
}

std::vector<int> parse_output(const char* s, int32_t nbroadcast, const int counts[128]) {
  std::vector<int> out;
  const size_t len = std::strlen(s);
  bool ellipsis = false;
  for (size_t i = 0; i < len; ++i) {
    char c = s[i];
    if (is_letter(c)) {
      if (std::memchr(s + i + 1, c, len - i - 1))
        throw_value(msg("einstein sum subscripts string includes output subscript '", c, "' multiple times"));
      if (counts[int(c)] == 0)
        throw_value(msg("einstein sum subscripts string included output subscript '", c,
                        "' which never appeared in an input"));
      out.push_back(c);
    } else if (c == '.') {
      if (ellipsis || i + 2 >= len || s[++i] != '.' || s[++i] != '.')
        throw_value("einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in the output");
      ellipsis = true;
      out.insert(out.end(), size_t(nbroadcast), 0);
    } else if (c != ' ') {
      throw_value(msg("invalid subscript '", c, "' in einstein sum subscripts string, subscripts must be letters"));
    }
  }
  if (!ellipsis && nbroadcast > 0)
    throw_value("output has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to "
                "broadcast the extra dimensions.");
  if (int32_t(out.size()) > kMaxDims) throw_value("einstein sum subscript string has too many output dimensions");
  return out;
}

// NumPy's convert_shape_to_string: leading newaxis (-1) entries are not printed.
std::string shape_str(const std::vector<int64_t>& v) {
  size_t i = 0;
  while (i < v.size() && v[i] < 0) ++i;
  if (i == v.size()) return "()";
  std::string s = "(";
  s += std::to_string(v[i++]);
  for (; i < v.size(); ++i) {
    s += ',';
    s += v[i] < 0 ? std::string("newaxis") : std::to_string(v[i]);
  }
  s += v.size() == 1 ? ",)" : ")";
  return s;
}

// An operand during the computation: the array and, per axis, its iteration dimension (output
// dimensions first, then the summed labels in character order, as NumPy's iterator has them).
struct Term {
  Array a;
  std::vector<int> dims;
  bool fresh = false;  // a new array (not a view of a caller's operand)
};

int find(const std::vector<int>& v, int x) {
  auto it = std::find(v.begin(), v.end(), x);
  return it == v.end() ? -1 : int(it - v.begin());
}

// Sums the axes of t whose dimension is not in keep (in t's dtype, like NumPy's einsum).
void sum_unkept(Term& t, const std::vector<bool>& keep) {
  int64_t axes[kMaxDims];
  int32_t n = 0;
  std::vector<int> rest;
  for (size_t i = 0; i < t.dims.size(); ++i) {
    if (keep[size_t(t.dims[i])]) rest.push_back(t.dims[i]);
    else axes[n++] = int64_t(i);
  }
  if (n == 0) return;
  reduce::Opts o;
  o.dtype = t.a.dtype();
  t.a = reduce::sum(t.a, reduce::parse_axes(axes, n, t.a.ndim()), o);
  t.dims = rest;
  t.fresh = true;
}

// The axes of t in the given dimension order (a view).
Array arranged(const Term& t, const std::vector<int>& order) {
  int64_t perm[kMaxDims];
  for (size_t i = 0; i < order.size(); ++i) perm[i] = find(t.dims, order[i]);
  return transpose(t.a, perm, int32_t(order.size()));
}

// x and y contracted over their shared dimensions not in keep, as one batched matmul
// (batch, x-only, summed) x (batch, summed, y-only).
Term contract(Term x, Term y, const std::vector<bool>& keep) {
  // A summed dimension of size 1 in one operand only (broadcast) is summed in the other first.
  for (size_t i = 0; i < x.dims.size(); ++i) {
    int j = find(y.dims, x.dims[i]);
    if (j < 0 || keep[size_t(x.dims[i])] || x.a.shape(int32_t(i)) == y.a.shape(j)) continue;
    Term& one = x.a.shape(int32_t(i)) == 1 ? x : y;
    Term& other = x.a.shape(int32_t(i)) == 1 ? y : x;
    const int d = x.dims[i];
    std::vector<bool> k2(keep.size(), true);
    k2[size_t(d)] = false;
    sum_unkept(other, k2);
    int64_t zero_axis = find(one.dims, d);
    // drop the size-1 axis of `one` (a view)
    int64_t shp[kMaxDims];
    int32_t nd = 0;
    for (int32_t a = 0; a < one.a.ndim(); ++a)
      if (a != zero_axis) shp[nd++] = one.a.shape(a);
    one.a = reshape(one.a, nd, shp, CNP_ORDER_C);
    one.dims.erase(one.dims.begin() + zero_axis);
    return contract(std::move(x), std::move(y), keep);
  }
  std::vector<int> batch, summed, xo, yo;
  for (int d : x.dims) {
    if (find(y.dims, d) >= 0) (keep[size_t(d)] ? batch : summed).push_back(d);
    else xo.push_back(d);
  }
  for (int d : y.dims)
    if (find(x.dims, d) < 0) yo.push_back(d);
  auto size_in = [](const Term& t, int d) { return t.a.shape(find(t.dims, d)); };
  int64_t M = 1, K = 1, N = 1;
  for (int d : xo) M *= size_in(x, d);
  for (int d : summed) K *= size_in(x, d);
  for (int d : yo) N *= size_in(y, d);
  std::vector<int> ox = batch, oy = batch;
  ox.insert(ox.end(), xo.begin(), xo.end());
  ox.insert(ox.end(), summed.begin(), summed.end());
  oy.insert(oy.end(), summed.begin(), summed.end());
  oy.insert(oy.end(), yo.begin(), yo.end());
  int64_t sx[kMaxDims + 2], sy[kMaxDims + 2], sr[kMaxDims];
  const int32_t nb = int32_t(batch.size());
  for (int32_t i = 0; i < nb; ++i) {
    sx[i] = size_in(x, batch[size_t(i)]);
    sy[i] = size_in(y, batch[size_t(i)]);
    sr[i] = std::max(sx[i], sy[i]) == 1 ? 1 : (sx[i] == 1 ? sy[i] : sx[i]);
  }
  sx[nb] = M, sx[nb + 1] = K;
  sy[nb] = K, sy[nb + 1] = N;
  Array xm = reshape(arranged(x, ox), nb + 2, sx, CNP_ORDER_C);
  Array ym = reshape(arranged(y, oy), nb + 2, sy, CNP_ORDER_C);
  Array r = matmul(xm, ym);  // matmul broadcasts the size-1 batch axes
  Term t;
  t.dims = batch;
  int32_t nr = nb;
  for (int d : xo) t.dims.push_back(d), sr[nr++] = size_in(x, d);
  for (int d : yo) t.dims.push_back(d), sr[nr++] = size_in(y, d);
  t.a = reshape(r, nr, sr, CNP_ORDER_C);
  t.fresh = true;
  return t;
}

}  // namespace

Array einsum(const char* subscripts, const std::vector<const Array*>& ops) {
  const size_t nop = ops.size();
  if (nop == 0) throw_value("must specify the einstein sum subscripts string and at least one operand");
  int counts[128] = {};
  std::vector<std::vector<int>> labels(nop);
  const char* s = subscripts;
  for (size_t iop = 0; iop < nop; ++iop) {
    size_t len = std::strcspn(s, ",-");
    if (iop == nop - 1 && s[len] == ',')
      throw_value("more operands provided to einstein sum function than specified in the subscripts string");
    if (iop < nop - 1 && s[len] != ',')
      throw_value("fewer operands provided to einstein sum function than specified in the subscripts string");
    labels[iop] = parse_operand(s, len, ops[iop]->ndim(), iop, counts);
    s += len;
    if (iop < nop - 1) ++s;
  }
  int32_t nbroadcast = 0;
  for (auto& l : labels) nbroadcast = std::max<int32_t>(nbroadcast, int32_t(std::count(l.begin(), l.end(), 0)));
  std::vector<int> out;
  if (*s == '\0') {
    out.assign(size_t(nbroadcast), 0);
    for (int c = 0; c < 128; ++c)
      if (counts[c] == 1) out.push_back(c);
    if (int32_t(out.size()) > kMaxDims) throw_value("einstein sum subscript string has too many output dimensions");
  } else {
    if (s[0] != '-' || s[1] != '>')
      throw_value("einstein sum subscript string does not contain proper '->' output specified");
    out = parse_output(s + 2, nbroadcast, counts);
  }
  // Iteration dimensions: the output's, then every other label in character order.
  const int32_t nout = int32_t(out.size());
  int dim_of[128];
  std::fill(dim_of, dim_of + 128, -1);
  int ndims = nout;
  for (int32_t i = 0; i < nout; ++i)
    if (out[size_t(i)]) dim_of[out[size_t(i)]] = i;
  for (int c = 1; c < 128; ++c)
    if (counts[c] && dim_of[c] < 0) dim_of[c] = ndims++;
  std::vector<int> bdims;  // output positions of the broadcast dimensions
  for (int32_t i = 0; i < nout; ++i)
    if (out[size_t(i)] == 0) bdims.push_back(i);

  // Each operand as a view with one axis per distinct label (repeated labels: the diagonal).
  std::vector<Term> terms(nop);
  for (size_t iop = 0; iop < nop; ++iop) {
    const Array& a = *ops[iop];
    const auto& l = labels[iop];
    const int nb = int(std::count(l.begin(), l.end(), 0));
    int64_t shp[kMaxDims], st[kMaxDims];
    int32_t nd = 0;
    Term& t = terms[iop];
    int bseen = 0;
    for (int32_t ax = 0; ax < a.ndim(); ++ax) {
      int d = l[size_t(ax)] ? dim_of[l[size_t(ax)]] : bdims[bdims.size() - size_t(nb) + size_t(bseen++)];
      int prev = find(t.dims, d);
      if (prev >= 0) {
        if (shp[prev] != a.shape(ax))
          throw_value("dimensions in operand " + std::to_string(iop) +
                      msg(" for collapsing index '", char(l[size_t(ax)]), "' don't match (") + std::to_string(shp[prev]) +
                      " != " + std::to_string(a.shape(ax)) + ")");
        st[prev] += a.stride(ax);
        continue;
      }
      t.dims.push_back(d);
      shp[nd] = a.shape(ax);
      st[nd++] = a.stride(ax);
    }
    t.a = a.view(nd, shp, st, a.data());
    t.a.set_weak(a.weak());  // a Python scalar operand keeps NEP 50's weak promotion
  }
  // Broadcast check over the iteration dimensions, with NumPy's iterator message.
  std::vector<int64_t> size(size_t(ndims), -1);
  bool bad = false;
  for (auto& t : terms)
    for (size_t i = 0; i < t.dims.size(); ++i) {
      int64_t n = t.a.shape(int32_t(i));
      int64_t& cur = size[size_t(t.dims[i])];
      if (cur < 0 || cur == 1) cur = n;
      else if (n != 1 && n != cur) bad = true;
    }
  if (bad) {
    std::string m = "operands could not be broadcast together with remapped shapes [original->remapped]: ";
    for (auto& t : terms) {
      std::vector<int64_t> orig(t.a.shape(), t.a.shape() + t.a.ndim()), remap(size_t(ndims), -1);
      for (size_t i = 0; i < t.dims.size(); ++i) remap[size_t(t.dims[i])] = orig[i];
      m += shape_str(orig) + "->" + shape_str(remap) + " ";
    }
    throw_value(m);
  }
  // One compute dtype for every operand (NumPy's result_type).
  std::vector<const Array*> views;
  for (auto& t : terms) views.push_back(&t.a);
  const Dtype* dt = ufunc::common_dtype(int(nop), views.data());
  for (auto& t : terms)
    if (t.a.dtype() != dt) t.a = ufunc::as_dtype(t.a, dt), t.fresh = true;

  // Which dimensions the operands after index i (and the output) still need.
  auto needed_after = [&](size_t i) {
    std::vector<bool> keep(size_t(ndims), false);
    for (int32_t d = 0; d < nout; ++d) keep[size_t(d)] = true;
    for (size_t j = i + 1; j < nop; ++j)
      for (int d : terms[j].dims) keep[size_t(d)] = true;
    return keep;
  };
  auto needed_except = [&](size_t i) {
    std::vector<bool> keep = needed_after(i);
    for (size_t j = 0; j < i; ++j)
      for (int d : terms[j].dims) keep[size_t(d)] = true;
    return keep;
  };
  for (size_t i = 0; i < nop; ++i) sum_unkept(terms[i], needed_except(i));
  Term acc = std::move(terms[0]);
  for (size_t i = 1; i < nop; ++i) {
    std::vector<bool> keep = needed_after(i);
    acc = contract(std::move(acc), std::move(terms[i]), keep);
    sum_unkept(acc, keep);
  }
  std::vector<bool> keep_out(size_t(ndims), false);
  for (int32_t d = 0; d < nout; ++d) keep_out[size_t(d)] = true;
  sum_unkept(acc, keep_out);
  // Output dimensions present nowhere in the result are broadcast (size-1) ones missing from it:
  // give them their size-1 axes.
  std::vector<int> order(static_cast<size_t>(nout));
  for (int32_t d = 0; d < nout; ++d) order[size_t(d)] = d;
  if (int32_t(acc.dims.size()) != nout) {
    int64_t shp[kMaxDims], st[kMaxDims];
    for (int32_t d = 0; d < nout; ++d) {
      int k = find(acc.dims, d);
      shp[d] = k >= 0 ? acc.a.shape(k) : 1;
      st[d] = k >= 0 ? acc.a.stride(k) : 0;
    }
    acc.a = acc.a.view(nout, shp, st, acc.a.data());
    acc.dims = order;
  }
  Array r = arranged(acc, order);
  // A single operand with nothing summed is returned as a view of it, as NumPy does.
  return r;
}

}  // namespace cnp::linalg
