// A straight element-order copy between transposed layouts reads (or writes) one element per
// cache line: NumPy's ascontiguousarray(a.T) runs at a fraction of memory bandwidth. Copying in
// tiles keeps the source lines of one tile in L1 while the destination is written contiguously.
#include "core/blocked_copy.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>

#include "core/parallel.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace cnp {

namespace {
constexpr int64_t kTile = 64;                 // elements per tile side: runs of 64 elements on both sides, tiles in L2
constexpr int64_t kMinBytes = 1 << 16;        // small copies: the plain loop is as good
constexpr int64_t kParallelBytes = 1 << 22;   // large copies: split the tile rows over the pool
// The source rows of the next tile, fetched while the current one is copied: each tile reads
// 64 short runs (one per source row, 512 bytes for float64) from 64 different pages, which the
// hardware prefetchers learn too late; asking for them one tile ahead hides that latency
// (measured on the 2-core bench machine: a 4000x4000 float64 transposed copy went from ~23 to
// ~6-7 ms on one core).
struct NextTile {
  const char* src = nullptr;  // first byte of the next tile's first source row (nullptr: none)
  int64_t rows = 0;           // source rows in it
  int64_t bytes = 0;          // bytes of each row it reads
  int64_t stride = 0;         // bytes between its rows
  // Fetches the part `step` of `nsteps` of the rows (the tile kernels spread the work).
  void fetch(int64_t step, int64_t nsteps) const {
    if (!src) return;
    for (int64_t k = rows * step / nsteps, e = rows * (step + 1) / nsteps; k < e; ++k)
      for (int64_t b = 0; b < bytes; b += 64) prefetch(src + k * stride + b);
  }
  // GCC deletes a loop whose body is only __builtin_prefetch (no side effects, C++ forward
  // progress), so on x86 the instruction is spelled out as volatile asm.
  static void prefetch(const char* p) {
#if defined(__x86_64__) || defined(__i386__)
    __asm__ volatile("prefetcht0 %0" : : "m"(*p));
#else
    __builtin_prefetch(p);
#endif
  }
};

// A same-type tile with element strides: dst rows are contiguous, src columns are.
template <class T>
void tile_copy(char* d, const char* s, int64_t dsr, int64_t ssc, int64_t rows, int64_t cols, const NextTile& next) {
  T* dt = reinterpret_cast<T*>(d);
  const T* st = reinterpret_cast<const T*>(s);
  // 4x4 register blocks: four source columns are read contiguously, four destination rows are
  // written contiguously.
  int64_t r = 0;
  for (; r + 4 <= rows; r += 4) {
    next.fetch(r / 4, rows / 4);
    int64_t c = 0;
    for (; c + 4 <= cols; c += 4) {
      const T* s0 = st + r + c * ssc;
      T* d0 = dt + r * dsr + c;
      for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 4; ++j) d0[i * dsr + j] = s0[i + j * ssc];
    }
    for (; c < cols; ++c)
      for (int i = 0; i < 4; ++i) dt[(r + i) * dsr + c] = st[r + i + c * ssc];
  }
  for (; r < rows; ++r)
    for (int64_t c = 0; c < cols; ++c) dt[r * dsr + c] = st[r + c * ssc];
}
using TileFn = void (*)(char*, const char*, int64_t, int64_t, int64_t, int64_t, const NextTile&);

#if defined(__SSE2__)
// Destinations far larger than the last-level cache: streaming (non-temporal) stores write whole
// lines straight to memory instead of first reading every destination line for ownership, so the
// copy moves 2 bytes of memory traffic per byte instead of 3. Two (8-byte) or four (4-byte)
// destination rows are filled together, 16 bytes per store, so every line is completed by
// consecutive stores (one write-combining buffer per row). Requires 16-byte aligned destination
// rows; the caller checks.
constexpr int64_t kStreamBytes = int64_t{1} << 24;  // destinations above ~half the L3

void tile_stream8(char* d, const char* s, int64_t dsr, int64_t ssc, int64_t rows, int64_t cols, const NextTile& next) {
  double* dt = reinterpret_cast<double*>(d);
  const double* st = reinterpret_cast<const double*>(s);
  int64_t r = 0;
  for (; r + 2 <= rows; r += 2) {
    next.fetch(r / 2, rows / 2);
    double* d0 = dt + r * dsr;
    double* d1 = d0 + dsr;
    int64_t c = 0;
    for (; c + 2 <= cols; c += 2) {
      const __m128d a = _mm_loadu_pd(st + r + c * ssc), b = _mm_loadu_pd(st + r + (c + 1) * ssc);
      _mm_stream_pd(d0 + c, _mm_unpacklo_pd(a, b));
      _mm_stream_pd(d1 + c, _mm_unpackhi_pd(a, b));
    }
    for (; c < cols; ++c) {
      d0[c] = st[r + c * ssc];
      d1[c] = st[r + 1 + c * ssc];
    }
  }
  for (; r < rows; ++r)
    for (int64_t c = 0; c < cols; ++c) dt[r * dsr + c] = st[r + c * ssc];
}

void tile_stream4(char* d, const char* s, int64_t dsr, int64_t ssc, int64_t rows, int64_t cols, const NextTile& next) {
  float* dt = reinterpret_cast<float*>(d);
  const float* st = reinterpret_cast<const float*>(s);
  int64_t r = 0;
  for (; r + 4 <= rows; r += 4) {
    next.fetch(r / 4, rows / 4);
    int64_t c = 0;
    for (; c + 4 <= cols; c += 4) {
      const float* s0 = st + r + c * ssc;
      __m128 x0 = _mm_loadu_ps(s0), x1 = _mm_loadu_ps(s0 + ssc), x2 = _mm_loadu_ps(s0 + 2 * ssc),
             x3 = _mm_loadu_ps(s0 + 3 * ssc);
      _MM_TRANSPOSE4_PS(x0, x1, x2, x3);
      float* d0 = dt + r * dsr + c;
      _mm_stream_ps(d0, x0);
      _mm_stream_ps(d0 + dsr, x1);
      _mm_stream_ps(d0 + 2 * dsr, x2);
      _mm_stream_ps(d0 + 3 * dsr, x3);
    }
    for (; c < cols; ++c)
      for (int i = 0; i < 4; ++i) dt[(r + i) * dsr + c] = st[r + i + c * ssc];
  }
  for (; r < rows; ++r)
    for (int64_t c = 0; c < cols; ++c) dt[r * dsr + c] = st[r + c * ssc];
}
#endif

}  // namespace

bool blocked_copy(Array& dst, const Array& src, const int64_t* src_strides, CastLoop loop) {
  int32_t nd = 0;
  int64_t sh[kMaxDims], ds[kMaxDims], ss[kMaxDims];
  for (int32_t i = 0; i < dst.ndim(); ++i) {
    if (dst.shape(i) == 1) continue;
    sh[nd] = dst.shape(i);
    ds[nd] = dst.stride(i);
    ss[nd++] = src_strides[i];
  }
  if (nd < 2) return false;
  const int64_t dsz = dst.itemsize(), ssz = src.itemsize();
  if (dst.size() * std::max(dsz, ssz) < kMinBytes) return false;
  int32_t id = 0, is = 0;
  for (int32_t i = 1; i < nd; ++i) {
    if (std::llabs(ds[i]) < std::llabs(ds[id])) id = i;
    if (std::llabs(ss[i]) < std::llabs(ss[is])) is = i;
  }
  if (id == is || std::llabs(ds[id]) != dsz || std::llabs(ss[is]) != ssz) return false;
  if (std::llabs(ss[id]) < 64 || std::llabs(ds[is]) < 64) return false;
  if (sh[id] < 16 || sh[is] < 16) return false;
  // The other axes are walked one (id, is) plane at a time.
  int32_t no = 0;
  int64_t osh[kMaxDims], ods[kMaxDims], oss[kMaxDims];
  for (int32_t i = 0; i < nd; ++i)
    if (i != id && i != is) {
      osh[no] = sh[i];
      ods[no] = ds[i];
      oss[no++] = ss[i];
    }
  const int64_t nrows = sh[is], ncols = sh[id];
  const int64_t ntile_rows = (nrows + kTile - 1) / kTile;
  // Same-type copies with aligned, element-multiple strides use a typed tile kernel.
  TileFn tile = nullptr;
  if (dst.dtype()->typenum == src.dtype()->typenum && ds[id] == dsz && ss[is] == ssz && ds[is] % dsz == 0 &&
      ss[id] % ssz == 0 && ds[is] > 0 && ss[id] > 0 && reinterpret_cast<uintptr_t>(dst.data()) % dsz == 0 &&
      reinterpret_cast<uintptr_t>(src.data()) % ssz == 0) {
    bool aligned = true;
    for (int32_t i = 0; i < no; ++i) aligned &= ods[i] % dsz == 0 && oss[i] % ssz == 0;
    if (aligned) {
      switch (dsz) {
        case 1: tile = &tile_copy<uint8_t>; break;
        case 2: tile = &tile_copy<uint16_t>; break;
        case 4: tile = &tile_copy<uint32_t>; break;
        case 8: tile = &tile_copy<uint64_t>; break;
        default: break;
      }
    }
  }
  bool streaming = false;
#if defined(__SSE2__)
  // Streaming tiles: every tile starts a destination row on a 16-byte boundary when the base,
  // the row stride and the tile width (kTile elements) are multiples of 16 bytes.
  if (tile && (dsz == 8 || dsz == 4) && dst.size() * dsz >= kStreamBytes && ds[is] % 16 == 0 &&
      reinterpret_cast<uintptr_t>(dst.data()) % 16 == 0 && (kTile * dsz) % 16 == 0) {
    bool aligned = true;
    for (int32_t i = 0; i < no; ++i) aligned &= ods[i] % 16 == 0;
    if (aligned) {
      tile = dsz == 8 ? &tile_stream8 : &tile_stream4;
      streaming = true;
    }
  }
#endif
  auto plane = [&](char* d, const char* s, int64_t tr0, int64_t tr1) {
    if (tile) {
      for (int64_t tr = tr0; tr < tr1; ++tr) {
        const int64_t r0 = tr * kTile, r1 = std::min(nrows, r0 + kTile);
        for (int64_t c0 = 0; c0 < ncols; c0 += kTile) {
          // The next tile: along the same tile row, else the start of the next one (if ours).
          NextTile next;
          next.stride = ss[id];
          if (c0 + kTile < ncols) {
            next.src = s + r0 * ssz + (c0 + kTile) * ss[id];
            next.rows = std::min(kTile, ncols - c0 - kTile);
            next.bytes = (r1 - r0) * ssz;
          } else if (tr + 1 < tr1) {
            next.src = s + r1 * ssz;
            next.rows = std::min(kTile, ncols);
            next.bytes = (std::min(nrows, r1 + kTile) - r1) * ssz;
          }
          tile(d + r0 * ds[is] + c0 * dsz, s + r0 * ssz + c0 * ss[id], ds[is] / dsz, ss[id] / ssz, r1 - r0,
               std::min(kTile, ncols - c0), next);
        }
      }
      return;
    }
    for (int64_t tr = tr0; tr < tr1; ++tr) {
      const int64_t r0 = tr * kTile, r1 = std::min(nrows, r0 + kTile);
      for (int64_t c0 = 0; c0 < ncols; c0 += kTile) {
        const int64_t bw = std::min(kTile, ncols - c0);
        for (int64_t r = r0; r < r1; ++r)
          loop(s + r * ss[is] + c0 * ss[id], ss[id], d + r * ds[is] + c0 * ds[id], ds[id], bw);
      }
    }
  };
  int64_t nplanes = 1;
  for (int32_t i = 0; i < no; ++i) nplanes *= osh[i];
  auto run_plane = [&](int64_t p, int64_t tr0, int64_t tr1) {
    char* d = dst.data();
    const char* s = src.data();
    for (int32_t i = no - 1; i >= 0; --i) {
      const int64_t c = p % osh[i];
      p /= osh[i];
      d += c * ods[i];
      s += c * oss[i];
    }
    plane(d, s, tr0, tr1);
  };
  const int64_t bytes = dst.size() * std::max(dsz, ssz);
  // Only plain copies go parallel: a converting cast may raise floating-point flags, which live
  // on the thread that raised them.
  const bool plain = dst.dtype()->typenum == src.dtype()->typenum;
  const int nthreads = plain && bytes >= kParallelBytes ? num_threads() : 1;
  // Streaming stores are weakly ordered: each thread fences its own before the data is handed on.
  auto fence = [streaming] {
#if defined(__SSE2__)
    if (streaming) _mm_sfence();
#else
    (void)streaming;
#endif
  };
  if (nthreads <= 1) {
    for (int64_t p = 0; p < nplanes; ++p) run_plane(p, 0, ntile_rows);
    fence();
    return true;
  }
  // Parts: fixed slices of tile rows of every plane (no result depends on the split). A few parts
  // per thread: the pool hands them out as threads free up, so a thread slowed down by another
  // process on a shared machine does not hold up the whole copy.
  const int nparts = static_cast<int>(std::min<int64_t>(int64_t{nthreads} * 4, ntile_rows));
  parallel_run(nparts, [&](int part) {
    const int64_t tr0 = ntile_rows * part / nparts, tr1 = ntile_rows * (part + 1) / nparts;
    for (int64_t p = 0; p < nplanes; ++p) run_plane(p, tr0, tr1);
    fence();
  });
  return true;
}

}  // namespace cnp
