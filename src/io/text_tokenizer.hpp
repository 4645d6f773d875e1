// The row tokenizer of loadtxt, with NumPy 1.24's rules (numpy/core/src/multiarray/textreading/
// tokenize.cpp): a field starts quoted only when its first character (after leading whitespace in
// whitespace mode) is the quote character; inside quotes delimiters and newlines are data and a
// doubled quote is one quote; after the closing quote the field continues unquoted. A comment
// character at any unquoted position ends the row. \n, \r\n and \r end a row. A row of one empty
// unquoted field is an empty row (skipped by the readers), and in whitespace mode a trailing
// empty field is dropped (" 1 ".split()).
// The input is UTF-8; control characters are code points (any, not only ASCII).
#pragma once
#include <cstddef>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cnp::textio {

struct TokenizerConfig {
  std::string delimiter;  // UTF-8 of one code point; empty: any run of whitespace (NumPy's None)
  std::string comment;    // empty: no comments
  std::string quote;      // empty: no quoting
};

class Tokenizer {
 public:
  Tokenizer(const char* data, size_t size, TokenizerConfig config);
  // Lines given one by one (NumPy's input from a list or generator: each item is one line).
  // item_ends: the byte offset where each item ends, non-decreasing, the last == size. An item's
  // end ends its row unless a quoted field is open: the field then continues into the next item
  // (with no line break added, as NumPy's reader and Python's csv module read ['"a', 'b"'] as
  // "ab"); a line break inside an item that is followed by more of it is NumPy's "unquoted
  // embedded newline" ValueError; a comment runs to the item's end.
  void set_items(std::vector<size_t> item_ends);
  // Skips the rest of the current line, quotes not considered (skiprows). False at the end.
  bool skip_line();
  // Reads the next row; false when the input was already exhausted. A row may have 0 fields
  // (an empty or comment-only line).
  bool next_row();
  size_t nfields() const { return nfields_; }
  std::string_view field(size_t i) const { return {views_[i].ptr, views_[i].len}; }
  bool at_end() const { return pos_ >= end_ && item_ >= item_ends_.size(); }
  // Whether the last row ran into the end of the input (no line end after it): NumPy's
  // "finished reading the file" result of a tokenize call.
  bool row_hit_end() const { return hit_end_; }
  // Line items not yet finished (item mode; 0 otherwise): a bound for the rows left.
  size_t items_left() const { return item_ < item_ends_.size() ? item_ends_.size() - item_ : 0; }
  // Bytes consumed so far (for callers that resume elsewhere).
  size_t offset() const { return static_cast<size_t>(pos_ - begin_); }

 private:
  enum class At { kData, kDelimiter, kNewline, kComment, kEnd };
  At classify(const char* p, int* len) const;
  void eat_newline();
  bool next_item();  // item mode: moves limit_ to the next item's end (false at the last)
  const char* skip_plain(const char* p) const;


  const char* begin_;
  const char* pos_;
  const char* end_;
  const char* limit_;            // where the current line's item ends (end_ unless in item mode)
  std::vector<size_t> item_ends_;
  size_t item_ = 0;              // the current item (item mode)
  TokenizerConfig cfg_;
  bool ws_;                      // whitespace-delimited
  bool ascii_controls_;          // every control character is one ASCII byte
  char delim_ = 0, comment_ = 0, quote_ = 0;
  std::array<bool, 256> special_{};  // bytes that may start a delimiter, comment, space or line end
  struct FieldView {
    const char* ptr;  // into the input, or (once the row is done) into buf_
    size_t off;       // offset in buf_ while the row is read (quoted fields)
    size_t len;
  };
  std::string buf_;                // the row's quoted fields
  std::vector<FieldView> views_;
  std::vector<uint8_t> quoted_;  // bytes, not vector<bool>: pushed once per field
  size_t nfields_ = 0;
  bool hit_end_ = false;
};

// NumPy's TypeError for control characters that collide or are newlines
// ("The values for control characters 'comment' and 'delimiter' are incompatible").
void check_control_characters(int64_t delimiter, int64_t quote, int64_t comment);

}  // namespace cnp::textio
