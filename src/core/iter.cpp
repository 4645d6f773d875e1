// The one N-d traversal (iter.hpp): axis orders and the iterator's layout.
#include "core/iter.hpp"

#include <algorithm>
#include <cstdlib>

#include "core/broadcast.hpp"
#include "core/error.hpp"

namespace cnp {

namespace {
// Strides of `a` broadcast to (nd, shape), 0 along axes of length 1 (they never move).
void iter_strides(const Array& a, int32_t nd, const int64_t* shape, int64_t* out) {
  if (!broadcast_strides(a, nd, shape, out)) throw Error(CNP_ERR_INTERNAL, "iterator operand does not broadcast");
  for (int32_t d = 0; d < nd; ++d)
    if (shape[d] == 1) out[d] = 0;
}
}  // namespace

void best_axis_order(int n, const Array* const* arrays, int32_t nd, const int64_t* shape, int32_t* perm) {
  int64_t st[kIterMaxOps][kMaxDims];
  for (int k = 0; k < n; ++k) iter_strides(*arrays[k], nd, shape, st[k]);
  // inner[0] is the innermost axis; start from C order and insertion-sort.
  int32_t inner[kMaxDims];
  for (int32_t i = 0; i < nd; ++i) inner[i] = nd - 1 - i;
  for (int32_t i = 1; i < nd; ++i) {
    int32_t ax_i = inner[i];
    int32_t pos = i;
    for (int32_t j = i - 1; j >= 0; --j) {
      int32_t ax_j = inner[j];
      bool decided = false, swap = false;
      for (int k = 0; k < n; ++k) {
        int64_t si = std::llabs(st[k][ax_i]), sj = std::llabs(st[k][ax_j]);
        if (si == 0 || sj == 0) continue;
        if (si >= sj) {
          swap = false;  // any operand that prefers the current order wins (C order on conflict)
        } else if (!decided) {
          swap = true;
        }
        decided = true;
      }
      if (!decided) continue;
      if (!swap) break;
      pos = j;
    }
    for (int32_t m = i; m > pos; --m) inner[m] = inner[m - 1];
    inner[pos] = ax_i;
  }
  for (int32_t i = 0; i < nd; ++i) perm[i] = inner[nd - 1 - i];
}

void memory_order(int32_t ndim, const int64_t* strides, int32_t* perm) {
  for (int32_t i = 0; i < ndim; ++i) perm[i] = i;
  std::stable_sort(perm, perm + ndim,
                   [&](int32_t x, int32_t y) { return std::llabs(strides[x]) > std::llabs(strides[y]); });
}

bool same_elementwise(const Array& a, const Array& b, int32_t nd, const int64_t* shape) {
  if (a.data() != b.data() || a.itemsize() != b.itemsize()) return false;
  int64_t sa[kMaxDims], sb[kMaxDims];
  iter_strides(a, nd, shape, sa);
  iter_strides(b, nd, shape, sb);
  for (int32_t d = 0; d < nd; ++d)
    if (sa[d] != sb[d]) return false;
  return true;
}

void NdIter::init(int nop, int32_t nd, const int64_t* shape, const int64_t* const* strides, char* const* bases,
                  const int32_t* perm, bool flip) {
  nop_ = nop;
  size_ = 1;
  for (int32_t d = 0; d < nd; ++d) size_ *= shape[d];
  for (int k = 0; k < nop; ++k) base_[k] = bases[k];
  // Reorder, dropping length-1 axes.
  int32_t m = 0;
  for (int32_t i = 0; i < nd; ++i) {
    int32_t ax = perm[i];
    if (shape[ax] == 1) continue;
    shape_[m] = shape[ax];
    for (int k = 0; k < nop; ++k) strides_[k][m] = strides[k][ax];
    ++m;
  }
  // Walk memory forward: flip an axis every operand steps backwards along.
  for (int32_t d = 0; flip && d < m; ++d) {
    bool all_back = true, any_back = false;
    for (int k = 0; k < nop; ++k) {
      all_back &= strides_[k][d] <= 0;
      any_back |= strides_[k][d] < 0;
    }
    if (!all_back || !any_back) continue;
    for (int k = 0; k < nop; ++k) {
      base_[k] += strides_[k][d] * (shape_[d] - 1);
      strides_[k][d] = -strides_[k][d];
    }
  }
  // Merge an outer axis into the next inner one when every operand steps evenly across both.
  int32_t w = 0;
  for (int32_t d = 0; d < m; ++d) {
    if (w > 0) {
      bool ok = true;
      for (int k = 0; k < nop; ++k) ok &= strides_[k][w - 1] == strides_[k][d] * shape_[d];
      if (ok) {
        shape_[w - 1] *= shape_[d];
        for (int k = 0; k < nop; ++k) strides_[k][w - 1] = strides_[k][d];
        continue;
      }
    }
    shape_[w] = shape_[d];
    for (int k = 0; k < nop; ++k) strides_[k][w] = strides_[k][d];
    ++w;
  }
  nd_ = w;
}

void NdIter::init(int nop, const Array* const* ops, int32_t nd, const int64_t* shape, const int32_t* perm) {
  int64_t st[kIterMaxOps][kMaxDims];
  const int64_t* strides[kIterMaxOps];
  char* bases[kIterMaxOps];
  for (int k = 0; k < nop; ++k) {
    iter_strides(*ops[k], nd, shape, st[k]);
    strides[k] = st[k];
    bases[k] = ops[k]->data();
  }
  init(nop, nd, shape, strides, bases, perm, /*flip=*/true);
}

}  // namespace cnp
