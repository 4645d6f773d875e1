// A Python literal reader for the .npy header (NumPy reads it with ast.literal_eval): strings,
// integers, floats, True/False/None, tuples, lists and dicts, nested, and Python's repr of the
// values read (NumPy's header error messages quote them with {!r}). Bounded: nesting depth and
// integer magnitudes are checked, so no input drives recursion or allocation beyond its own size.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cnp::io {

struct PyDictItem;

struct PyValue {
  enum Kind { kStr, kBytes, kInt, kFloat, kComplex, kBool, kNone, kTuple, kList, kDict, kSet } kind = kNone;
  std::string text;        // kStr (UTF-8), kBytes; kInt: the decimal digits when it does not fit int64
  int64_t i = 0;           // kInt (when fits), kBool
  bool big = false;        // kInt beyond int64
  double f = 0, imag = 0;  // kFloat, kComplex
  std::vector<PyValue> items;                       // tuple, list, set
  std::vector<PyDictItem> dict;    // dict in insertion order (later keys replace)
  bool is_int() const { return kind == kInt || kind == kBool; }
};

// A dict entry. Not std::pair<PyValue, PyValue>: pair's traits need PyValue complete inside
// PyValue's own definition, which clang's libstdc++ checks refuse.
struct PyDictItem {
  PyValue first, second;
};

// Parses one literal (leading spaces/tabs and trailing whitespace allowed, '#' comments as
// Python). Throws SyntaxErrorLiteral on anything literal_eval would refuse.
struct SyntaxErrorLiteral {};
PyValue parse_literal(std::string_view text, bool allow_long_suffix);

// Python's repr of a float ("0.1", "1e+20", "inf").
std::string float_repr(double x);
// Python's repr of a value.
std::string py_repr_value(const PyValue& v);

}  // namespace cnp::io
