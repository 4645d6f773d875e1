// Text files for the *_path readers (text_file.hpp).
#include "io/text_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "core/dtype.hpp"
#include "core/error.hpp"
#include "io/text_utf8.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace cnp::textio {

namespace {

[[noreturn]] void os_error(int err, const char* path) {
  throw Error(CNP_ERR_OS, "[Errno " + std::to_string(err) + "] " + std::strerror(err) + ": " + py_repr(path));
}

// Python's text mode: \r\n and a lone \r become \n.
std::string universal_newlines(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\r') {
      out.push_back(s[i]);
      continue;
    }
    out.push_back('\n');
    if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
  }
  return out;
}

struct Fd {
  int fd;
  ~Fd() { ::close(fd); }
};

}  // namespace

size_t utf8_invalid_at(std::string_view s) noexcept {
  const char* p = s.data();
  const char* end = p + s.size();
  while (p < end) {
#if defined(__SSE2__)
    while (end - p >= 64) {  // 64 ASCII bytes per step: the common case of a numeric file
      __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16));
      __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 32));
      __m128i d = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 48));
      if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d)))) break;
      p += 64;
    }
#endif
    while (end - p >= 8) {
      uint64_t w;
      std::memcpy(&w, p, 8);
      if (w & 0x8080808080808080ull) break;
      p += 8;
    }
    if (p >= end) break;
    if (static_cast<unsigned char>(*p) < 0x80) {
      ++p;
      continue;
    }
    uint32_t cp;
    int n = utf8_decode(p, end, &cp);
    if (n == 0) return static_cast<size_t>(p - s.data());
    p += n;
  }
  return std::string_view::npos;
}

TextFile::TextFile(const char* path) {
  if (!path) throw Error(CNP_ERR_INVALID_HANDLE, "path is NULL");
  Fd f{::open(path, O_RDONLY | O_CLOEXEC)};
  if (f.fd < 0) os_error(errno, path);
  struct stat st;
  if (::fstat(f.fd, &st) != 0) os_error(errno, path);
  if (S_ISDIR(st.st_mode)) os_error(EISDIR, path);
  if (S_ISREG(st.st_mode) && st.st_size > 0) {
    size_t n = static_cast<size_t>(st.st_size);
    void* m = ::mmap(nullptr, n, PROT_READ, MAP_PRIVATE | MAP_POPULATE, f.fd, 0);
    if (m != MAP_FAILED) {
      map_.addr = m;
      map_.size = n;
      text_ = std::string_view(static_cast<const char*>(m), n);
    }
  }
  if (!map_.addr) {  // not a regular file, or mmap refused: read it
    char buf[1 << 16];
    for (;;) {
      ssize_t n = ::read(f.fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) os_error(errno, path);
      if (n == 0) break;
      copy_.append(buf, static_cast<size_t>(n));
    }
    text_ = copy_;
  }
  size_t bad = utf8_invalid_at(text_);
  if (bad != std::string_view::npos) {
    // Python's reason words for the byte at `bad` (utf8_decode refused the sequence there).
    const auto* u = reinterpret_cast<const unsigned char*>(text_.data());
    unsigned char c = u[bad];
    size_t len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    const char* reason = "invalid start byte";
    if (len) {
      reason = "unexpected end of data";
      for (size_t k = 1; k < len; ++k)
        if (bad + k < text_.size() && (u[bad + k] & 0xc0) != 0x80) reason = "invalid continuation byte";
      if (bad + len <= text_.size() && reason[0] == 'u') reason = "invalid continuation byte";
    }
    char msg[160];
    std::snprintf(msg, sizeof msg, "'utf-8' codec can't decode byte 0x%02x in position %zu: %s", c, bad, reason);
    throw Error(CNP_ERR_VALUE, msg);
  }
  if (std::memchr(text_.data(), '\r', text_.size())) {
    std::string t = universal_newlines(text_);
    copy_.swap(t);
    text_ = copy_;
  }
}

TextFile::Mapping::~Mapping() {
  if (addr) ::munmap(addr, size);
}

}  // namespace cnp::textio
