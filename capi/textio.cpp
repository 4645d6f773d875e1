// C entry points of the text I/O module (include/cnumpy/textio.h): argument checks, file
// reading/writing for the *_path forms, then src/io's readers and writer.
#include "cnumpy/textio.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "capi/guard.hpp"
#include "io/text_file.hpp"
#include "io/text_loadtxt.hpp"
#include "io/text_savetxt.hpp"

using namespace cnp;
using namespace cnp::capi;
namespace tio = cnp::textio;

namespace {

std::string_view buffer(const char* data, int64_t size) {
  if (size < 0) throw Error(CNP_ERR_VALUE, "size must be >= 0");
  if (!data && size > 0) throw Error(CNP_ERR_INVALID_HANDLE, "data pointer is NULL");
  return {data ? data : "", static_cast<size_t>(size)};
}

// Python's OSError wording for a file that cannot be opened.
[[noreturn]] void os_error(int err, const char* path) {
  throw Error(CNP_ERR_OS, "[Errno " + std::to_string(err) + "] " + std::strerror(err) + ": " + py_repr(path));
}

tio::LoadtxtArgs loadtxt_args(int32_t delimiter, int32_t comment, const char* const* comments, int32_t ncomments,
                              int32_t quotechar, int64_t skiprows, const int64_t* usecols, int64_t nusecols,
                              int32_t ndmin, int64_t max_rows, int32_t unpack) {
  tio::LoadtxtArgs a;
  a.delimiter = delimiter < 0 ? -1 : delimiter;
  a.comment = comment < 0 ? -1 : comment;
  a.quote = quotechar < 0 ? -1 : quotechar;
  if (ncomments < 0 || (ncomments > 0 && !comments)) throw Error(CNP_ERR_INVALID_HANDLE, "comments pointer is NULL");
  for (int32_t i = 0; i < ncomments; ++i) {
    if (!comments[i]) throw Error(CNP_ERR_INVALID_HANDLE, "comments pointer is NULL");
    a.comments.emplace_back(comments[i]);
  }
  a.skiprows = skiprows;
  if (usecols) {
    if (nusecols < 0) throw Error(CNP_ERR_VALUE, "nusecols must be >= 0");
    a.has_usecols = true;
    a.usecols.assign(usecols, usecols + nusecols);
  }
  a.ndmin = ndmin;
  a.max_rows = max_rows < 0 ? -1 : max_rows;
  if (max_rows < -1) throw Error(CNP_ERR_VALUE, "max_rows must be nonnegative");
  a.unpack = unpack != 0;
  return a;
}

const Dtype* dtype_or_default(const cnp_dtype* d) {
  if (!d) return default_float();
  if (d->magic != kDtypeMagic) throw Error(CNP_ERR_INVALID_HANDLE, "not a valid cnumpy dtype handle");
  return d;
}

tio::SavetxtArgs savetxt_args(const char* const* fmts, int32_t nfmts, int32_t fmt_is_list, const char* delimiter,
                              const char* newline, const char* header, const char* footer, const char* comments) {
  tio::SavetxtArgs a;
  if (fmts) {
    if (nfmts <= 0) throw Error(CNP_ERR_VALUE, "nfmts must be > 0");
    a.fmts.clear();
    for (int32_t i = 0; i < nfmts; ++i) {
      if (!fmts[i]) throw Error(CNP_ERR_INVALID_HANDLE, "fmts pointer is NULL");
      a.fmts.emplace_back(fmts[i]);
    }
  }
  a.fmt_is_list = fmt_is_list != 0;
  if (delimiter) a.delimiter = delimiter;
  if (newline) a.newline = newline;
  if (header) a.header = header;
  if (footer) a.footer = footer;
  if (comments) a.comments = comments;
  return a;
}

tio::GenfromtxtArgs genfromtxt_args(int32_t delimiter, const char* comments, int64_t skip_header, int64_t skip_footer,
                                    const int64_t* usecols, int64_t nusecols, const char* const* missing,
                                    int32_t nmissing, int64_t max_rows) {
  tio::GenfromtxtArgs a;
  a.delimiter = delimiter < 0 ? -1 : delimiter;
  a.comments = comments ? comments : "";
  a.skip_header = skip_header < 0 ? 0 : skip_header;
  a.skip_footer = skip_footer < 0 ? 0 : skip_footer;
  a.max_rows = max_rows < 0 ? -1 : max_rows;
  if (usecols) {
    if (nusecols < 0) throw Error(CNP_ERR_VALUE, "nusecols must be >= 0");
    a.has_usecols = true;
    a.usecols.assign(usecols, usecols + nusecols);
  }
  if (nmissing < 0 || (nmissing > 0 && !missing)) throw Error(CNP_ERR_INVALID_HANDLE, "missing pointer is NULL");
  for (int32_t i = 0; i < nmissing; ++i) {
    if (!missing[i]) throw Error(CNP_ERR_INVALID_HANDLE, "missing pointer is NULL");
    a.missing.emplace_back(missing[i]);
  }
  return a;
}

// The fast path's result and mask into produce's results; NotImplementedError when it declines.
template <class R>
void genfromtxt_into(R& r, std::string_view text, const cnp_dtype* dtype, const tio::GenfromtxtArgs& a,
                     const cnp_array* filling, bool want_mask) {
  Array fill;
  if (filling) fill = any_array_of(filling);
  Array values, m;
  if (!tio::genfromtxt_numeric(text, dtype_or_default(dtype), fill, a, &values, want_mask ? &m : nullptr))
    throw Error(CNP_ERR_NOT_IMPLEMENTED, "genfromtxt: not handled by the fast path");
  r[0] = values;
  if (want_mask) r[1] = m;
}

template <class R>
void infer_into(R& r, std::string_view text, const char* const* names, int32_t nnames, int32_t structured,
                int32_t strings, const tio::GenfromtxtArgs& a, const cnp_array* filling, bool want_mask) {
  if (strings < 0 || strings > 2) throw Error(CNP_ERR_VALUE, "strings must be 0, 1 or 2");
  if (nnames < 0 || (nnames > 0 && !names)) throw Error(CNP_ERR_INVALID_HANDLE, "names pointer is NULL");
  std::vector<std::string> ns;
  for (int32_t i = 0; i < nnames; ++i) {
    if (!names[i]) throw Error(CNP_ERR_INVALID_HANDLE, "names pointer is NULL");
    ns.emplace_back(names[i]);
  }
  Array fill;
  if (filling) fill = any_array_of(filling);
  Array values, m;
  if (!tio::genfromtxt_infer(text, ns, structured != 0, strings, fill, a, &values, want_mask ? &m : nullptr))
    throw Error(CNP_ERR_NOT_IMPLEMENTED, "genfromtxt: not handled by the fast path");
  r[0] = values;
  if (want_mask) r[1] = m;
}

}  // namespace

extern "C" {

CNP_API cnp_status cnp_loadtxt(const char* data, int64_t size, const cnp_dtype* dtype, int32_t delimiter,
                               int32_t comment, const char* const* comments, int32_t ncomments, int32_t quotechar,
                               int64_t skiprows, const int64_t* usecols, int64_t nusecols, int32_t ndmin,
                               int64_t max_rows, int32_t unpack, cnp_array** out) {
  return produce(out, [&] {
    auto args = loadtxt_args(delimiter, comment, comments, ncomments, quotechar, skiprows, usecols, nusecols, ndmin,
                             max_rows, unpack);
    return tio::loadtxt(buffer(data, size), dtype_or_default(dtype), args);
  });
}

CNP_API cnp_status cnp_loadtxt_lines(const char* data, int64_t size, const int64_t* line_ends, int64_t nline_ends,
                                     const cnp_dtype* dtype, int32_t delimiter, int32_t comment,
                                     const char* const* comments, int32_t ncomments, int32_t quotechar,
                                     int64_t skiprows, const int64_t* usecols, int64_t nusecols, int32_t ndmin,
                                     int64_t max_rows, int32_t unpack, cnp_array** out) {
  return produce(out, [&] {
    auto args = loadtxt_args(delimiter, comment, comments, ncomments, quotechar, skiprows, usecols, nusecols, ndmin,
                             max_rows, unpack);
    std::string_view text = buffer(data, size);
    if (nline_ends < 0 || (nline_ends > 0 && !line_ends)) throw Error(CNP_ERR_INVALID_HANDLE, "line_ends pointer is NULL");
    args.has_lines = true;
    for (int64_t i = 0; i < nline_ends; ++i) {
      if (line_ends[i] < 0 || static_cast<uint64_t>(line_ends[i]) > text.size() ||
          (i > 0 && line_ends[i] < line_ends[i - 1]))
        throw Error(CNP_ERR_VALUE, "line ends must be non-decreasing offsets within the text");
      args.line_ends.push_back(static_cast<size_t>(line_ends[i]));
    }
    return tio::loadtxt(text, dtype_or_default(dtype), args);
  });
}

CNP_API cnp_status cnp_loadtxt_path(const char* path, const cnp_dtype* dtype, int32_t delimiter, int32_t comment,
                                    const char* const* comments, int32_t ncomments, int32_t quotechar,
                                    int64_t skiprows, const int64_t* usecols, int64_t nusecols, int32_t ndmin,
                                    int64_t max_rows, int32_t unpack, cnp_array** out) {
  return produce(out, [&] {
    auto args = loadtxt_args(delimiter, comment, comments, ncomments, quotechar, skiprows, usecols, nusecols, ndmin,
                             max_rows, unpack);
    const Dtype* d = dtype_or_default(dtype);
    tio::TextFile file(path);
    return tio::loadtxt(file.text(), d, args);
  });
}

CNP_API cnp_status cnp_savetxt(const cnp_array* x, const char* const* fmts, int32_t nfmts, int32_t fmt_is_list,
                               const char* delimiter, const char* newline, const char* header, const char* footer,
                               const char* comments, int64_t* out_size, char** out) {
  if (out) *out = nullptr;
  return run([&] {
    require_out(out);
    require_out(out_size);
    auto args = savetxt_args(fmts, nfmts, fmt_is_list, delimiter, newline, header, footer, comments);
    std::string text = tio::savetxt(any_array_of(x), args);
    char* p = to_c_string(text);
    *out = p;
    *out_size = static_cast<int64_t>(text.size());
  });
}

CNP_API cnp_status cnp_savetxt_path(const char* path, const cnp_array* x, const char* const* fmts, int32_t nfmts,
                                    int32_t fmt_is_list, const char* delimiter, const char* newline,
                                    const char* header, const char* footer, const char* comments) {
  return run([&] {
    if (!path) throw Error(CNP_ERR_INVALID_HANDLE, "path is NULL");
    auto args = savetxt_args(fmts, nfmts, fmt_is_list, delimiter, newline, header, footer, comments);
    std::string text = tio::savetxt(any_array_of(x), args);
    FILE* f = std::fopen(path, "wb");
    if (!f) os_error(errno, path);
    size_t n = std::fwrite(text.data(), 1, text.size(), f);
    int err = errno;
    if (std::fclose(f) != 0 || n != text.size()) os_error(err ? err : EIO, path);
  });
}

CNP_API cnp_status cnp_genfromtxt_numeric(const char* data, int64_t size, const cnp_dtype* dtype, int32_t delimiter,
                                          const char* comments, int64_t skip_header, int64_t skip_footer,
                                          const int64_t* usecols, int64_t nusecols, const char* const* missing,
                                          int32_t nmissing, const cnp_array* filling, int64_t max_rows,
                                          cnp_array** out, cnp_array** mask) {
  return produce({Result{out}, Result{mask, true}}, [&](auto& r) {
    auto a = genfromtxt_args(delimiter, comments, skip_header, skip_footer, usecols, nusecols, missing, nmissing,
                             max_rows);
    genfromtxt_into(r, buffer(data, size), dtype, a, filling, mask != nullptr);
  });
}

CNP_API cnp_status cnp_genfromtxt_numeric_path(const char* path, const cnp_dtype* dtype, int32_t delimiter,
                                               const char* comments, int64_t skip_header, int64_t skip_footer,
                                               const int64_t* usecols, int64_t nusecols, const char* const* missing,
                                               int32_t nmissing, const cnp_array* filling, int64_t max_rows,
                                               cnp_array** out, cnp_array** mask) {
  return produce({Result{out}, Result{mask, true}}, [&](auto& r) {
    auto a = genfromtxt_args(delimiter, comments, skip_header, skip_footer, usecols, nusecols, missing, nmissing,
                             max_rows);
    dtype_or_default(dtype);  // a bad handle is refused before the file is opened
    tio::TextFile file(path);
    genfromtxt_into(r, file.text(), dtype, a, filling, mask != nullptr);
  });
}

CNP_API cnp_status cnp_genfromtxt_infer(const char* data, int64_t size, const char* const* names, int32_t nnames,
                                        int32_t structured, int32_t strings, int32_t delimiter,
                                        const char* comments,
                                        int64_t skip_header, int64_t skip_footer, const int64_t* usecols,
                                        int64_t nusecols, const char* const* missing, int32_t nmissing,
                                        const cnp_array* filling, int64_t max_rows, cnp_array** out,
                                        cnp_array** mask) {
  return produce({Result{out}, Result{mask, true}}, [&](auto& r) {
    auto a = genfromtxt_args(delimiter, comments, skip_header, skip_footer, usecols, nusecols, missing, nmissing,
                             max_rows);
    infer_into(r, buffer(data, size), names, nnames, structured, strings, a, filling, mask != nullptr);
  });
}

CNP_API cnp_status cnp_genfromtxt_infer_path(const char* path, const char* const* names, int32_t nnames,
                                             int32_t structured, int32_t strings, int32_t delimiter,
                                        const char* comments,
                                             int64_t skip_header, int64_t skip_footer, const int64_t* usecols,
                                             int64_t nusecols, const char* const* missing, int32_t nmissing,
                                             const cnp_array* filling, int64_t max_rows, cnp_array** out,
                                             cnp_array** mask) {
  return produce({Result{out}, Result{mask, true}}, [&](auto& r) {
    auto a = genfromtxt_args(delimiter, comments, skip_header, skip_footer, usecols, nusecols, missing, nmissing,
                             max_rows);
    tio::TextFile file(path);
    infer_into(r, file.text(), names, nnames, structured, strings, a, filling, mask != nullptr);
  });
}

}  // extern "C"
