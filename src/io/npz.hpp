// .npz archives (numpy.savez / savez_compressed / NpzFile) on libzip (docs/io.md says why).
#pragma once
#include <mutex>
#include <string>
#include <vector>

#include "core/array.hpp"

struct zip;

struct cnp_npz {
  uint64_t magic;
  struct zip* archive = nullptr;
  std::string bytes;               // the archive's bytes when opened from memory or a stream
  void* map = nullptr;             // or the file mapped read-only (a path: no copy at all)
  size_t map_len = 0;
  std::vector<std::string> names;  // member names in archive order
  int64_t archive_size = 0;        // bytes of the archive (bounds every member's declared size)
  int64_t max_header_size = 10000;
  bool allow_pickle = false;
  std::mutex lock;                 // a libzip archive is not safe for concurrent reads
  ~cnp_npz();
};

namespace cnp::io {
inline constexpr uint64_t kNpzMagic = 0x6370'6e6e'707a'6669ull;

cnp_npz* npz_open_path(const char* path, int64_t max_header_size, bool allow_pickle);
cnp_npz* npz_open_fd(int fd, int64_t max_header_size, bool allow_pickle);
cnp_npz* npz_open_bytes(const char* data, int64_t size, int64_t max_header_size, bool allow_pickle);
// NpzFile.__getitem__: "x" or "x.npy"; a member that is not a .npy comes back as its bytes
// (a 1-D uint8 array, *raw = true). KeyError "x is not a file in the archive".
Array npz_get(cnp_npz* z, const char* name, bool* raw);
// numpy.savez / savez_compressed: the archive's bytes.
std::string npz_bytes(int32_t n, const char* const* names, const Array* const* arrays, bool compress);
}  // namespace cnp::io
