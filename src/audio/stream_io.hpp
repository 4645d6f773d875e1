// Chunk input and output arrays of the streaming resamplers: layout checks, conversion to the
// compute type with per-channel pointers, and output arrays in the caller's layout.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "audio/polyphase.hpp"
#include "audio/resampler.hpp"
#include "core/array.hpp"
#include "core/cast.hpp"
#include "core/dtype.hpp"
#include "core/error.hpp"

namespace cnp::audio {

template <class C>
struct ChunkIn {
  Array a;  // the chunk as a C-contiguous array of the compute type
  int64_t frames = 0;
  int64_t stride = 1;  // between frames of one channel
  std::vector<const C*> ch;
};

template <class C>
ChunkIn<C> read_chunk(const Array& chunk, bool planar, int64_t channels, int32_t* ndim_out) {
  int32_t nd = chunk.ndim();
  if (nd != 1 && nd != 2)
    throw_value("Resampler.process: expected a 1-D (frames,) or 2-D (frames, channels) array, got " +
                std::to_string(nd) + "-D");
  int64_t frames = nd == 1 ? chunk.shape(0) : chunk.shape(planar ? 1 : 0);
  int64_t chans = nd == 1 ? 1 : chunk.shape(planar ? 0 : 1);
  if (chans != channels)
    throw_value("Resampler.process: the resampler has " + std::to_string(channels) + " channel(s), the chunk has " +
                std::to_string(chans));
  working_typenum("Resampler.process", chunk.dtype());
  *ndim_out = nd;
  ChunkIn<C> in;
  in.frames = frames;
  if (frames == 0) return in;
  constexpr int32_t ctype = sizeof(C) == 8 ? CNP_FLOAT64 : CNP_FLOAT32;
  // Already C-contiguous in the compute type: read it in place (a new reference, no copy).
  if (chunk.dtype()->typenum == ctype && chunk.c_contiguous() && chunk.aligned())
    in.a = chunk;
  else
    in.a = cast_copy(chunk, builtin_dtype(ctype), CNP_ORDER_C);
  const C* base = reinterpret_cast<const C*>(in.a.data());
  in.stride = nd == 1 ? 1 : planar ? 1 : channels;
  int64_t cs = nd == 1 ? 0 : planar ? frames : 1;
  for (int64_t c = 0; c < channels; ++c) in.ch.push_back(base + c * cs);
  return in;
}

// A new output array of `count` frames in the caller's layout, and where frame 0 goes.
inline Array new_output(int32_t typenum, int32_t nd, bool planar, int64_t count, int64_t channels, Sink* sink) {
  int64_t shape[2];
  if (nd == 1) {
    shape[0] = count;
  } else if (planar) {
    shape[0] = channels;
    shape[1] = count;
  } else {
    shape[0] = count;
    shape[1] = channels;
  }
  Array out = Array::allocate(builtin_dtype(typenum), nd, shape, CNP_ORDER_C);
  sink->data = out.data();
  sink->typenum = typenum;
  sink->fstride = nd == 1 ? 1 : planar ? 1 : channels;
  sink->cstride = nd == 1 ? 0 : planar ? count : 1;
  return out;
}

}  // namespace cnp::audio
