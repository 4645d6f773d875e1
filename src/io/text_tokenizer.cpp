// loadtxt's row tokenizer (text_tokenizer.hpp). One pass over the bytes: runs of ordinary
// bytes are copied as a block, and with ASCII control characters (the usual case) a byte
// compare decides each position without decoding UTF-8.
#include "io/text_tokenizer.hpp"

#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/error.hpp"
#include "io/text_utf8.hpp"

namespace cnp::textio {

Tokenizer::Tokenizer(const char* data, size_t size, TokenizerConfig config)
    : begin_(data), pos_(data), end_(data + size), limit_(data + size), cfg_(std::move(config)) {
  ws_ = cfg_.delimiter.empty();
  auto one = [](const std::string& s) { return s.empty() || (s.size() == 1 && static_cast<unsigned char>(s[0]) < 0x80); };
  ascii_controls_ = one(cfg_.delimiter) && one(cfg_.comment) && one(cfg_.quote);
  if (ascii_controls_) {
    delim_ = cfg_.delimiter.empty() ? 0 : cfg_.delimiter[0];
    comment_ = cfg_.comment.empty() ? 0 : cfg_.comment[0];
    quote_ = cfg_.quote.empty() ? 0 : cfg_.quote[0];
  }
  // The unquoted scan skips every byte not marked here in a tight loop; a marked byte is then
  // classified exactly (a multi-byte space or control character needs decoding).
  special_['\r'] = special_['\n'] = true;
  for (const std::string* c : {&cfg_.delimiter, &cfg_.comment})
    if (!c->empty()) special_[static_cast<unsigned char>((*c)[0])] = true;
  if (ws_) {
    for (int b : {0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f}) special_[b] = true;
    for (int b = 0x80; b < 256; ++b) special_[b] = true;
  }
}

void Tokenizer::set_items(std::vector<size_t> item_ends) {
  size_t prev = 0;
  for (size_t e : item_ends) {
    if (e < prev || e > static_cast<size_t>(end_ - begin_)) throw Error(CNP_ERR_VALUE, "line ends must be non-decreasing offsets within the text");
    prev = e;
  }
  if (prev != static_cast<size_t>(end_ - begin_)) throw Error(CNP_ERR_VALUE, "the last line must end at the end of the text");
  item_ends_ = std::move(item_ends);
  item_ = 0;
  limit_ = item_ends_.empty() ? end_ : begin_ + item_ends_[0];
}

bool Tokenizer::next_item() {
  if (item_ends_.empty() || item_ + 1 >= item_ends_.size()) return false;
  limit_ = begin_ + item_ends_[++item_];
  return true;
}

// The first byte at or after p that may be special (16 bytes at a time): with ASCII control
// characters, a delimiter, comment, \r or \n; in whitespace mode also every byte <= 0x20 or
// >= 0x80 (a superset: the caller's byte loop classifies exactly what this stops at).
const char* Tokenizer::skip_plain(const char* p) const {
#if defined(__SSE2__)
  if (!ascii_controls_) return p;
  const __m128i nl = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
  const __m128i cm = _mm_set1_epi8(comment_ ? comment_ : '\n');
  const __m128i dl = _mm_set1_epi8(ws_ ? '\n' : delim_), low = _mm_set1_epi8(0x21);
  while (limit_ - p >= 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, cr)),
                               _mm_or_si128(_mm_cmpeq_epi8(v, cm), _mm_cmpeq_epi8(v, dl)));
    if (ws_) hit = _mm_or_si128(hit, _mm_cmplt_epi8(v, low));  // signed: also >= 0x80
    int mask = _mm_movemask_epi8(hit);
    if (mask) return p + __builtin_ctz(static_cast<unsigned>(mask));
    p += 16;
  }
#endif
  return p;
}

static bool starts_with(const char* p, const char* end, const std::string& s) {
  return !s.empty() && static_cast<size_t>(end - p) >= s.size() && std::memcmp(p, s.data(), s.size()) == 0;
}

// What the byte at p starts, for the unquoted states (NumPy's order: \r, \n, delimiter or
// whitespace, comment).
Tokenizer::At Tokenizer::classify(const char* p, int* len) const {
  char c = *p;
  *len = 1;
  if (c == '\r' || c == '\n') return At::kNewline;
  if (ascii_controls_) {
    if (ws_) {
      int n = space_len(p, limit_);
      if (n) {
        *len = n;
        return At::kDelimiter;
      }
    } else if (c == delim_) {
      return At::kDelimiter;
    }
    if (comment_ && c == comment_) return At::kComment;
    return At::kData;
  }
  if (ws_) {
    int n = space_len(p, limit_);
    if (n) {
      *len = n;
      return At::kDelimiter;
    }
  } else if (starts_with(p, limit_, cfg_.delimiter)) {
    *len = static_cast<int>(cfg_.delimiter.size());
    return At::kDelimiter;
  }
  if (starts_with(p, limit_, cfg_.comment)) {
    *len = static_cast<int>(cfg_.comment.size());
    return At::kComment;
  }
  return At::kData;
}

void Tokenizer::eat_newline() {
  if (pos_ < end_) hit_end_ = false;
  if (pos_ < limit_ && *pos_ == '\r') {
    ++pos_;
    if (pos_ < limit_ && *pos_ == '\n') ++pos_;
  } else if (pos_ < limit_ && *pos_ == '\n') {
    ++pos_;
  }
}

bool Tokenizer::skip_line() {
  if (!item_ends_.empty()) {  // one item is one line
    if (item_ >= item_ends_.size()) return false;
    pos_ = limit_;
    ++item_;
    if (item_ < item_ends_.size()) limit_ = begin_ + item_ends_[item_];
    return true;
  }
  if (pos_ >= end_) return false;
  while (pos_ < end_ && *pos_ != '\r' && *pos_ != '\n') ++pos_;
  eat_newline();
  return true;
}

bool Tokenizer::next_row() {
  nfields_ = 0;
  bool items = !item_ends_.empty();
  if (items ? item_ >= item_ends_.size() : pos_ >= end_) return false;
  buf_.clear();
  hit_end_ = true;
  views_.clear();
  quoted_.clear();
  bool row_done = false;
  while (!row_done) {
    // A new field: strip leading whitespace in whitespace mode, then look for an opening quote.
    bool quoted = false;
    if (ws_) {
      while (pos_ < limit_ && *pos_ != '\r' && *pos_ != '\n') {
        int n = space_len(pos_, limit_);
        if (!n) break;
        pos_ += n;
      }
    }
    if (pos_ < limit_ && !cfg_.quote.empty() &&
        (ascii_controls_ ? *pos_ == quote_ : starts_with(pos_, limit_, cfg_.quote))) {
      quoted = true;
      pos_ += cfg_.quote.size();
    }
    quoted_.push_back(quoted);
    bool in_quotes = quoted;
    // An unquoted field is one run of the input: it is viewed in place, not copied. A quoted
    // field (quotes removed, doubled quotes halved) is assembled in buf_.
    const char* direct = nullptr;
    size_t direct_len = 0, field_off = buf_.size();
    for (;;) {
      if (pos_ >= limit_) {
        if (in_quotes && next_item()) continue;  // a quoted field goes on in the next line item
        row_done = true;
        break;
      }
      if (in_quotes) {
        const char* q = pos_;
        if (ascii_controls_) {
          const void* f = std::memchr(pos_, quote_, static_cast<size_t>(limit_ - pos_));
          q = f ? static_cast<const char*>(f) : limit_;
        } else {
          while (q < limit_ && !starts_with(q, limit_, cfg_.quote)) ++q;
        }
        buf_.append(pos_, q);
        pos_ = q;
        if (q >= limit_) continue;
        pos_ += cfg_.quote.size();
        if (pos_ < limit_ && starts_with(pos_, limit_, cfg_.quote)) {  // "" is a literal quote
          buf_.append(cfg_.quote);
          pos_ += cfg_.quote.size();
        } else {
          in_quotes = false;
        }
        continue;
      }
      const char* run = pos_;
      int len = 1;
      At at = At::kEnd;
      pos_ = skip_plain(pos_);
      while (pos_ < limit_) {
        if (!special_[static_cast<unsigned char>(*pos_)]) {
          ++pos_;
          continue;
        }
        at = classify(pos_, &len);
        if (at != At::kData) break;
        ++pos_;
      }
      if (quoted) {
        buf_.append(run, pos_);
      } else {
        direct = run;
        direct_len = static_cast<size_t>(pos_ - run);
      }
      if (pos_ >= limit_) {
        row_done = true;
        break;
      }
      if (at == At::kDelimiter) {
        pos_ += len;
        break;  // the next field
      }
      if (at == At::kComment) {
        if (items) {
          pos_ = limit_;  // NumPy skips the rest of a line item, line breaks included
          row_done = true;
          break;
        }
        while (pos_ < end_ && *pos_ != '\r' && *pos_ != '\n') ++pos_;
      }
      eat_newline();
      row_done = true;
      break;
    }
    if (quoted) views_.push_back({nullptr, field_off, buf_.size() - field_off});
    else views_.push_back({direct, 0, direct_len});
  }
  if (items) {
    if (pos_ < limit_)
      throw Error(CNP_ERR_VALUE,
                  "Found an unquoted embedded newline within a single line of input.  This is currently not supported.");
    if (++item_ < item_ends_.size()) limit_ = begin_ + item_ends_[item_];
    hit_end_ = item_ >= item_ends_.size();  // the input's end is the last item's
  }
  for (auto& v : views_)
    if (!v.ptr) v.ptr = buf_.data() + v.off;  // buf_ no longer moves
  nfields_ = views_.size();
  // One empty unquoted field is an empty line; in whitespace mode a trailing empty field is
  // dropped. (NumPy checks the first field's quoted flag here, for either case.)
  if (nfields_ == 1 || (nfields_ > 0 && ws_)) {
    if (!quoted_[0] && views_[nfields_ - 1].len == 0) --nfields_;
  }
  return true;
}

void check_control_characters(int64_t delimiter, int64_t quote, int64_t comment) {
  auto fail2 = [](const char* a, const char* b) {
    throw Error(CNP_ERR_TYPE, std::string("The values for control characters '") + a + "' and '" + b +
                                  "' are incompatible");
  };
  auto fail1 = [](const char* a) {
    throw Error(CNP_ERR_TYPE, std::string("control character '") + a + "' cannot be a newline (`\\r` or `\\n`).");
  };
  auto newline = [](int64_t c) { return c == '\r' || c == '\n'; };
  if (comment >= 0) {
    if (newline(comment)) fail1("comment");
    if (comment == quote) fail2("comment", "quotechar");
    if (comment == delimiter) fail2("comment", "delimiter");
  }
  if (quote >= 0) {
    if (newline(quote)) fail1("quotechar");
    if (quote == delimiter) fail2("quotechar", "delimiter");
  }
  if (delimiter >= 0 && newline(delimiter)) fail1("delimiter");
  if (delimiter < 0) {
    if (comment >= 0 && py_isspace(static_cast<uint32_t>(comment))) fail2("delimiter", "comment");
    if (quote >= 0 && py_isspace(static_cast<uint32_t>(quote))) fail2("delimiter", "quotechar");
  }
}

}  // namespace cnp::textio
