// Cache-blocked c2c passes (see blocked.hpp).
#include "fft/blocked.hpp"

#include <algorithm>
#include <cstring>
#include <memory>
#include <new>
#include <vector>

#include "core/dtype.hpp"
#include "core/parallel.hpp"
#include "fft/plan_cache.hpp"

namespace cnp::fft {

namespace {

constexpr int64_t kLinesPerBlock = 16;         // most neighbouring lines copied together
constexpr int64_t kBlockBytes = 256 * 1024;    // target working set of one block (L2)

struct AlignedFree {
  void operator()(char* p) const { ::operator delete[](p, std::align_val_t(64)); }
};
using Buffer = std::unique_ptr<char[], AlignedFree>;

Buffer aligned_buffer(int64_t bytes) {
  return Buffer(static_cast<char*>(::operator new[](static_cast<size_t>(bytes), std::align_val_t(64))));
}

// Lines along the last axis: contiguous, transformed in place in blocks of rows. Blocks start at
// multiples of 8 rows (of >= 8 bytes each), so (with the 64-byte aligned array) every block has the alignment of the
// first and one plan (plus one for the last, shorter block) serves all.
void last_axis(Array& buf, int64_t n, int64_t lines, int64_t elem, bool inverse, bool single) {
  int64_t rows = std::max<int64_t>(8, (kBlockBytes / (n * elem)) / 8 * 8);
  rows = std::min(rows, lines);
  int64_t nblocks = (lines + rows - 1) / rows;
  char* base = static_cast<char*>(buf.data());
  Kind kind = inverse ? Kind::c2c_backward : Kind::c2c_forward;
  auto plan_for = [&](int64_t count, char* at) {
    Problem p{kind, single, {{n, 1, 1}}, {{count, n, n}}, 1, false};
    return get_plan(p, at, at);
  };
  auto full = plan_for(rows, base);
  int64_t last_rows = lines - (nblocks - 1) * rows;
  char* last_at = base + (nblocks - 1) * rows * n * elem;
  auto tail = last_rows == rows ? full : plan_for(last_rows, last_at);
  int parts = static_cast<int>(std::min<int64_t>(num_threads(), nblocks));
  parallel_run(parts, [&](int part) {
    for (int64_t b = part; b < nblocks; b += parts) {
      char* at = base + b * rows * n * elem;
      (b + 1 == nblocks ? tail : full)->execute(kind, at, at);
    }
  });
}

// Any other axis: n lines of `inner` elements apart, `outer` such groups. A block is (group,
// first line) and holds up to kLinesPerBlock neighbouring lines, copied into [n][width] order.
void other_axis(Array& buf, int64_t n, int64_t inner, int64_t outer, int64_t elem, bool inverse, bool single) {
  // Up to kLinesPerBlock lines, fewer for long lines so that the block stays cache-sized.
  int64_t width = std::min({kLinesPerBlock, inner, std::max<int64_t>(1, kBlockBytes / (n * elem))});
  int64_t per_group = (inner + width - 1) / width;
  int64_t nblocks = outer * per_group;
  int parts = static_cast<int>(std::min<int64_t>(num_threads(), nblocks));
  std::vector<Buffer> scratch;
  for (int i = 0; i < parts; ++i) scratch.push_back(aligned_buffer(n * width * elem));
  Kind kind = inverse ? Kind::c2c_backward : Kind::c2c_forward;
  auto plan_for = [&](int64_t w) {
    // ESTIMATE: the block is contiguous and in cache, where its plans are good (no planning cost).
    Problem p{kind, single, {{n, w, w}}, {{w, 1, 1}}, 1, false};
    return get_plan(p, scratch[0].get(), scratch[0].get());  // every buffer is 64-byte aligned
  };
  auto full = plan_for(width);
  int64_t last_width = inner - (per_group - 1) * width;
  auto tail = last_width == width ? full : plan_for(last_width);
  char* base = static_cast<char*>(buf.data());
  parallel_run(parts, [&](int part) {
    char* tmp = scratch[static_cast<size_t>(part)].get();
    for (int64_t b = part; b < nblocks; b += parts) {
      int64_t group = b / per_group, j = b % per_group;
      int64_t w = j + 1 == per_group ? last_width : width;
      char* first = base + (group * n * inner + j * width) * elem;
      size_t run = static_cast<size_t>(w * elem);
      for (int64_t i = 0; i < n; ++i) std::memcpy(tmp + i * w * elem, first + i * inner * elem, run);
      (w == width ? full : tail)->execute(kind, tmp, tmp);
      for (int64_t i = 0; i < n; ++i) std::memcpy(first + i * inner * elem, tmp + i * w * elem, run);
    }
  });
}

}  // namespace

void c2c_pass_blocked(Array& buf, int axis, bool inverse) {
  int64_t n = buf.shape(axis);
  if (n <= 1 || buf.size() == 0) return;  // a length-1 transform is the identity
  bool single = buf.dtype()->typenum == CNP_COMPLEX64;
  int64_t elem = buf.dtype()->itemsize;
  int64_t inner = 1, outer = 1;
  for (int i = axis + 1; i < buf.ndim(); ++i) inner *= buf.shape(i);
  for (int i = 0; i < axis; ++i) outer *= buf.shape(i);
  if (inner == 1)
    last_axis(buf, n, outer, elem, inverse, single);
  else
    other_axis(buf, n, inner, outer, elem, inverse, single);
}

}  // namespace cnp::fft
