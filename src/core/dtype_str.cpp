// The spellings of a descriptor, exactly as NumPy 1.24 writes them: .str, .name, .descr, repr()
// and str() (NumPy's numpy/core/_dtype.py logic), plus a canonical key for hashing.
#include <string>

#include "core/dtype.hpp"
#include "core/error.hpp"

namespace cnp {

namespace {

const char* builtin_name(int32_t t) {
  static const char* names[] = {"bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64",
                                "uint64", "float16", "float32", "float64", "complex64", "complex128"};
  return names[t];
}

const char* kind_stem(char k) {
  switch (k) {
    case 'u': return "uint";
    case 'i': return "int";
    case 'c': return "complex";
    case 'f': return "float";
    case 'b': return "bool";
    case 'V': return "void";
    case 'M': return "datetime";
    case 'm': return "timedelta";
    case 'S': return "bytes";
    default: return "str";
  }
}

std::string datetime_meta(const Dtype* d) {
  if (d->unit == kUnitGeneric) return "";
  std::string u = datetime_unit_name(d->unit);
  return d->unit_count == 1 ? "[" + u + "]" : "[" + std::to_string(d->unit_count) + u + "]";
}

std::string shape_tuple(const std::vector<int64_t>& s) {
  std::string r = "(";
  for (size_t i = 0; i < s.size(); ++i) r += (i ? ", " : "") + std::to_string(s[i]);
  return r + (s.size() == 1 ? ",)" : ")");
}

std::string order_str(const Dtype* d) { return d->byteorder == '|' ? "" : std::string(1, d->byteorder); }

std::string construction_repr(const Dtype* d, bool include_align, bool short_form, bool compact = false);

std::string scalar_str(const Dtype* d, bool short_form) {
  std::string bo = order_str(d);
  switch (d->kind) {
    case 'b': return short_form ? "'?'" : "'bool'";
    case 'S': return d->itemsize ? "'S" + std::to_string(d->itemsize) + "'" : "'S'";
    case 'U': return d->itemsize ? "'" + bo + "U" + std::to_string(d->itemsize / 4) + "'" : "'" + bo + "U'";
    case 'V': return d->itemsize ? "'V" + std::to_string(d->itemsize) + "'" : "'V'";
    case 'M': return "'" + bo + "M8" + datetime_meta(d) + "'";
    case 'm': return "'" + bo + "m8" + datetime_meta(d) + "'";
    case 'O': return "'O'";
    default:
      if (short_form || d->swapped) return "'" + bo + d->kind + std::to_string(d->itemsize) + "'";
      return "'" + std::string(kind_stem(d->kind)) + std::to_string(8 * d->itemsize) + "'";
  }
}

bool is_packed(const Dtype* d) {
  int64_t max_align = 1, total = 0;
  for (const DtypeField& f : d->fields) {
    if (d->aligned_struct) {
      int64_t a = f.dtype->alignment;
      total = (total + a - 1) / a * a;
      max_align = std::max(max_align, a);
    }
    if (f.offset != total) return false;
    total += f.dtype->itemsize;
  }
  if (d->aligned_struct) total = (total + max_align - 1) / max_align * max_align;
  return total == d->itemsize;
}

std::string struct_list_str(const Dtype* d, bool compact) {
  std::string r = "[";
  for (size_t i = 0; i < d->fields.size(); ++i) {
    const DtypeField& f = d->fields[i];
    r += i ? ", (" : "(";
    if (f.has_title) r += "(" + py_repr(f.title) + ", " + py_repr(f.name) + "), ";
    else r += py_repr(f.name) + ", ";
    if (is_subarray(f.dtype)) r += construction_repr(f.dtype->base, false, true, compact) + ", " + shape_tuple(f.dtype->sub_shape);
    else r += construction_repr(f.dtype, false, true, compact);
    r += ")";
  }
  return r + "]";
}

// compact: NumPy's spelling under legacy print modes up to '1.21' ({'names':['a','b'], ...}: no
// space after the colons and between list items).
std::string struct_dict_str(const Dtype* d, bool include_align, bool compact) {
  std::string names, formats, offsets, titles;
  bool any_title = false;
  for (size_t i = 0; i < d->fields.size(); ++i) {
    const DtypeField& f = d->fields[i];
    const char* sep = i ? (compact ? "," : ", ") : "";
    names += sep + py_repr(f.name);
    formats += sep + construction_repr(f.dtype, false, true, compact);
    offsets += sep + std::to_string(f.offset);
    titles += sep + (f.has_title ? py_repr(f.title) : std::string("None"));
    any_title |= f.has_title;
  }
  const std::string colon = compact ? ":" : ": ";
  std::string r = "{'names'" + colon + "[" + names + "], 'formats'" + colon + "[" + formats + "], 'offsets'" + colon +
                  "[" + offsets + "]";
  if (any_title) r += ", 'titles'" + colon + "[" + titles + "]";
  r += ", 'itemsize'" + colon + std::to_string(d->itemsize);
  if (include_align && d->aligned_struct) r += ", 'aligned'" + colon + "True";
  return r + "}";
}

std::string struct_str(const Dtype* d, bool include_align, bool compact = false) {
  if (!(include_align && d->aligned_struct) && is_packed(d)) return struct_list_str(d, compact);
  return struct_dict_str(d, include_align, compact);
}

std::string construction_repr(const Dtype* d, bool include_align, bool short_form, bool compact) {
  if (is_record(d)) return struct_str(d, include_align, compact);
  if (is_subarray(d))
    return "(" + construction_repr(d->base, false, true, compact) + ", " + shape_tuple(d->sub_shape) + ")";
  return scalar_str(d, short_form);
}

// NumPy's _array_descr; false for overlapping or out-of-order fields (ValueError at query time).
bool array_descr(const Dtype* d, std::string& out) {
  if (!is_record(d)) {
    if (is_subarray(d)) {
      std::string b;
      if (!array_descr(d->base, b)) return false;
      out = "(" + b + ", " + shape_tuple(d->sub_shape) + ")";
    } else {
      out = py_repr(d->str);
    }
    return true;
  }
  std::string r = "[";
  int64_t offset = 0;
  bool first = true;
  auto add = [&](const std::string& item) {
    r += (first ? "" : ", ") + item;
    first = false;
  };
  for (const DtypeField& f : d->fields) {
    if (f.offset > offset) {
      add("('', '|V" + std::to_string(f.offset - offset) + "')");
      offset = f.offset;
    } else if (f.offset < offset) {
      return false;
    }
    std::string name = f.has_title ? "(" + py_repr(f.title) + ", " + py_repr(f.name) + ")" : py_repr(f.name);
    std::string sub;
    if (is_subarray(f.dtype)) {
      if (!array_descr(f.dtype->base, sub)) return false;
      add("(" + name + ", " + sub + ", " + shape_tuple(f.dtype->sub_shape) + ")");
    } else {
      if (!array_descr(f.dtype, sub)) return false;
      add("(" + name + ", " + sub + ")");
    }
    offset += f.dtype->itemsize;
  }
  if (d->itemsize > offset) add("('', '|V" + std::to_string(d->itemsize - offset) + "')");
  out = r + "]";
  return true;
}

std::string canonical_key(const Dtype* d) {
  if (is_record(d)) {
    std::string r = "{";
    for (const DtypeField& f : d->fields)
      r += py_repr(f.name) + (f.has_title ? "/" + py_repr(f.title) : "") + ":" + canonical_key(f.dtype) + "@" +
           std::to_string(f.offset) + ",";
    return r + "}" + std::to_string(d->itemsize);
  }
  if (is_subarray(d)) return "(" + canonical_key(d->base) + "," + shape_tuple(d->sub_shape) + ")";
  return d->str;
}

}  // namespace

std::string py_repr(const std::string& s) {
  char q = s.find('\'') != std::string::npos && s.find('"') == std::string::npos ? '"' : '\'';
  std::string r(1, q);
  static const char* hex = "0123456789abcdef";
  for (unsigned char c : s) {
    if (c == '\\') r += "\\\\";
    else if (c == static_cast<unsigned char>(q)) r += std::string("\\") + q;
    else if (c == '\n') r += "\\n";
    else if (c == '\r') r += "\\r";
    else if (c == '\t') r += "\\t";
    else if (c < 0x20 || c == 0x7f) r += std::string("\\x") + hex[c >> 4] + hex[c & 15];
    else r += static_cast<char>(c);
  }
  return r + q;
}

// Python's repr of bytes: b'..' with \xNN for the non-printable and non-ASCII ones.
std::string bytes_repr(const std::string& b) {
  bool dq = b.find('\'') != std::string::npos && b.find('"') == std::string::npos;
  char q = dq ? '"' : '\'';
  std::string r = std::string("b") + q;
  static const char* hex = "0123456789abcdef";
  for (unsigned char c : b) {
    if (c == '\\') r += "\\\\";
    else if (c == static_cast<unsigned char>(q)) r += std::string("\\") + q;
    else if (c == '\n') r += "\\n";
    else if (c == '\r') r += "\\r";
    else if (c == '\t') r += "\\t";
    else if (c < 0x20 || c >= 0x7f) r += std::string("\\x") + hex[c >> 4] + hex[c & 15];
    else r += static_cast<char>(c);
  }
  return r + q;
}

void finish_spellings(Dtype* d) {
  std::string bo = d->byteorder == '|' ? "|" : std::string(1, d->byteorder);
  std::string bits = std::to_string(d->itemsize * 8);
  if (d->kind == 'O') {
    d->str = "|O";
    d->name = "object";
  } else if (is_numeric(d)) {
    d->str = bo + d->kind + std::to_string(d->itemsize);
    d->name = builtin_name(d->typenum);
  } else if (is_datetime(d)) {
    d->str = bo + d->kind + "8" + datetime_meta(d);
    d->name = std::string(d->kind == 'M' ? "datetime64" : "timedelta64") + datetime_meta(d);
  } else {
    int64_t n = d->kind == 'U' ? d->itemsize / 4 : d->itemsize;
    d->str = bo + d->kind + std::to_string(n);
    d->name = std::string(kind_stem(d->kind)) + (d->itemsize ? bits : "");
  }
  d->repr = "dtype(" + construction_repr(d, false, false) + (d->aligned_struct ? ", align=True" : "") + ")";
  if (is_record(d)) d->text = struct_str(d, true);
  else if (is_subarray(d)) d->text = construction_repr(d, false, true);
  else if (is_flexible(d) || d->swapped) d->text = d->str;
  else d->text = d->name;
  if (is_record(d) || is_subarray(d)) {  // the legacy ('1.13', '1.21') spellings, where they differ
    std::string r = "dtype(" + construction_repr(d, false, false, true) + (d->aligned_struct ? ", align=True" : "") + ")";
    std::string t = is_record(d) ? struct_str(d, true, true) : construction_repr(d, false, true, true);
    if (r != d->repr) d->repr_legacy = std::move(r);
    if (t != d->text) d->text_legacy = std::move(t);
  }
  std::string descr;
  if (!is_record(d)) d->descr = "[('', " + py_repr(d->str) + ")]";
  else d->descr = array_descr(d, descr) ? descr : std::string();
  d->key = canonical_key(d);
}

}  // namespace cnp
