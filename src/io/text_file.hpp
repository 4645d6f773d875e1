// A text file's bytes for the *_path readers (cnp_loadtxt_path, cnp_genfromtxt_numeric_path),
// as Python's text mode with UTF-8 would hand them to NumPy: strict UTF-8 (a decode failure is
// Python's UnicodeDecodeError wording) and universal newlines (\r\n and \r read as \n).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace cnp::textio {

class TextFile {
 public:
  // CNP_ERR_OS "[Errno 2] No such file or directory: 'x'" (Python's open), CNP_ERR_VALUE
  // "'utf-8' codec can't decode byte 0xff in position 5: invalid start byte".
  explicit TextFile(const char* path);
  TextFile(const TextFile&) = delete;
  TextFile& operator=(const TextFile&) = delete;
  std::string_view text() const { return text_; }

 private:
  // A regular file is mapped read-only with MAP_POPULATE: the page cache's pages are mapped in
  // one call. read(2) into fresh memory costs a page fault per 4 KB, which on this project's
  // VMs took longer than parsing the numbers (docs/textio.md, "Speed").
  struct Mapping {
    void* addr = nullptr;
    size_t size = 0;
    Mapping() = default;
    Mapping(const Mapping&) = delete;
    Mapping& operator=(const Mapping&) = delete;
    ~Mapping();
  } map_;  // a member: unmapped also when the constructor throws
  std::string copy_;  // pipes and the like (read), or the text after newline translation
  std::string_view text_;
};

// The offset of the first byte that is not part of valid UTF-8 (Python's strict decoder: no
// surrogates, no overlong forms), or npos. 64 ASCII bytes at a time (SSE2).
size_t utf8_invalid_at(std::string_view s) noexcept;

}  // namespace cnp::textio
