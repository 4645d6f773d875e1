// numpy.savetxt's text (NumPy 1.24's rules: the row format built from fmt, header and footer
// prefixed by comments, complex columns as ' (%s+%sj)' with '+-' turned into '-').
#pragma once
#include <string>
#include <vector>

#include "core/array.hpp"

namespace cnp::textio {

struct SavetxtArgs {
  std::vector<std::string> fmts{"%.18e"};
  bool fmt_is_list = false;  // fmt given as a sequence (one format per column)
  std::string delimiter = " ", newline = "\n", header, footer, comments = "# ";
};

// The whole file's text. CNP_ERR_NOT_IMPLEMENTED when a conversion needs Python's own %
// operator (%s, %r, mapping keys, ...; text_format.hpp): the Python layer then formats rows.
std::string savetxt(const Array& x, const SavetxtArgs& args);

}  // namespace cnp::textio
