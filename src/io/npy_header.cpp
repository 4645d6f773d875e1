// The .npy header exactly as numpy/lib/format.py writes and reads it: the dict text (sorted
// keys, repr of the descr, Python's tuple repr of the shape, the growth-axis spaces), padding to
// a multiple of 64 bytes with spaces and a final '\n', version 1.0/2.0/3.0 selection, and the
// reader's checks with numpy's messages. Every length taken from the file is checked against
// the bytes actually present before anything is allocated for it.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

#include "core/array.hpp"
#include "core/error.hpp"
#include "io/io.hpp"
#include "io/pyliteral.hpp"

namespace cnp::io {
namespace {

constexpr char kMagic[] = "\x93NUMPY";
constexpr int kMagicLen = 8;            // prefix + major + minor
constexpr int kArrayAlign = 64;
constexpr int kGrowthAxisMaxDigits = 21;

// UTF-8 to latin-1; false when a character is above U+00FF (Python's UnicodeEncodeError).
bool to_latin1(const std::string& in, std::string* out) {
  out->clear();
  for (size_t i = 0; i < in.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    if (c < 0x80) {
      *out += static_cast<char>(c);
    } else if ((c & 0xE0) == 0xC0 && i + 1 < in.size()) {
      uint32_t cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(in[i + 1]) & 0x3Fu);
      if (cp > 0xFF) return false;
      *out += static_cast<char>(cp);
      ++i;
    } else {
      return false;
    }
  }
  return true;
}

std::string latin1_to_utf8(const std::string& in) {
  std::string out;
  out.reserve(in.size());
  for (unsigned char c : in) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

// Validates UTF-8 and counts characters; Python's UnicodeDecodeError wording on failure.
int64_t utf8_length(const std::string& s) {
  int64_t n = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 && c >= 0xC2 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 && c <= 0xF4 ? 4 : 0;
    bool ok = len != 0 && i + len <= s.size();
    for (size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (ok && len == 3) {
      unsigned char d = static_cast<unsigned char>(s[i + 1]);
      ok = !(c == 0xE0 && d < 0xA0) && !(c == 0xED && d >= 0xA0);
    }
    if (ok && len == 4) {
      unsigned char d = static_cast<unsigned char>(s[i + 1]);
      ok = !(c == 0xF0 && d < 0x90) && !(c == 0xF4 && d >= 0x90);
    }
    if (!ok) {
      char buf[160];
      std::snprintf(buf, sizeof buf, "'utf-8' codec can't decode byte 0x%02x in position %zu: %s", c, i,
                    len == 0 ? "invalid start byte" : i + len > s.size() ? "unexpected end of data" : "invalid continuation byte");
      throw Error(CNP_ERR_VALUE, buf);
    }
    i += len;
    ++n;
  }
  return n;
}

// Reads exactly n bytes or throws numpy's _read_bytes message. The buffer grows with the data
// actually read (never to a length the file only declares).
std::string read_exact(ByteSource& src, int64_t want, const char* what) {
  int64_t rem = src.remaining();
  int64_t limit = rem >= 0 ? std::min(want, rem) : want;
  std::string out;
  while (static_cast<int64_t>(out.size()) < limit) {
    int64_t chunk = std::min<int64_t>(limit - static_cast<int64_t>(out.size()), int64_t{1} << 20);
    size_t old = out.size();
    out.resize(old + static_cast<size_t>(chunk));
    int64_t got = src.read(out.data() + old, chunk);
    out.resize(old + static_cast<size_t>(got));
    if (got < chunk) break;
  }
  if (static_cast<int64_t>(out.size()) != want) {
    char buf[200];
    std::snprintf(buf, sizeof buf, "EOF: reading %s, expected %lld bytes got %lld", what, static_cast<long long>(want),
                  static_cast<long long>(out.size()));
    throw Error(CNP_ERR_VALUE, buf);
  }
  return out;
}

[[noreturn]] void invalid_descr(const PyValue& descr) {
  throw Error(CNP_ERR_VALUE, "descr is not a valid dtype descriptor: " + py_repr_value(descr));
}

struct DescrTypeError {};  // numpy's TypeError inside descr_to_dtype

bool names_object(const std::string& s) {
  std::string t = s;
  if (!t.empty() && std::strchr("<>|=", t[0])) t.erase(0, 1);
  return t == "O" || t == "O8" || t == "O4" || t == "object" || t == "object_";
}
bool has_object(const PyValue& v) {
  if (v.kind == PyValue::kStr) return names_object(v.text);
  if (v.kind == PyValue::kList || v.kind == PyValue::kTuple) {
    for (const PyValue& x : v.items)
      if (has_object(x)) return true;
  }
  return false;
}

std::vector<int64_t> subarray_shape(const PyValue& s) {
  std::vector<int64_t> shape;
  auto dim = [](const PyValue& x) {
    if (!x.is_int() || x.big) throw DescrTypeError{};
    return x.i;
  };
  if (s.is_int()) shape.push_back(dim(s));
  else if (s.kind == PyValue::kTuple || s.kind == PyValue::kList) for (const PyValue& x : s.items) shape.push_back(dim(x));
  else throw DescrTypeError{};
  return shape;
}

[[noreturn]] void unpack_error(size_t got, size_t expected) {
  if (got < expected)
    throw Error(CNP_ERR_VALUE, "not enough values to unpack (expected " + std::to_string(expected) + ", got " + std::to_string(got) + ")");
  throw Error(CNP_ERR_VALUE, "too many values to unpack (expected " + std::to_string(expected) + ")");
}

DtypeRef descr_to_dtype(const PyValue& d, int depth) {
  if (depth > 32) throw DescrTypeError{};
  if (d.kind == PyValue::kStr) {
    if (d.text.find('\0') != std::string::npos) throw DescrTypeError{};
    try {
      DtypeRef t = parse_dtype(d.text.c_str());
      if (t->kind == 'O') throw DescrTypeError{};  // object arrays are pickled, not stored as items
      return t;
    } catch (const Error& e) {
      if (e.status() == CNP_ERR_TYPE) throw DescrTypeError{};
      throw;
    }
  }
  if (d.kind == PyValue::kTuple) {
    if (d.items.size() < 2) throw Error(CNP_ERR_INDEX, "tuple index out of range");
    DtypeRef base = descr_to_dtype(d.items[0], depth + 1);
    if (d.items.size() != 2) throw DescrTypeError{};
    return make_subarray(base.get(), subarray_shape(d.items[1]));
  }
  if (d.kind != PyValue::kList) throw DescrTypeError{};
  std::vector<FieldSpec> fields;
  int64_t offset = 0;
  for (const PyValue& f : d.items) {
    if (f.kind != PyValue::kTuple && f.kind != PyValue::kList) throw DescrTypeError{};
    size_t n = f.items.size();
    if (n != 2 && n != 3) unpack_error(n, 3);
    DtypeRef dt = descr_to_dtype(f.items[1], depth + 1);
    // numpy.dtype((t, 1)) is t itself (the deprecated '1type' synonym numpy 1.24 still honours).
    if (n == 3 && !(f.items[2].is_int() && !f.items[2].big && f.items[2].i == 1))
      dt = make_subarray(dt.get(), subarray_shape(f.items[2]));
    const PyValue& name = f.items[0];
    bool pad = name.kind == PyValue::kStr && name.text.empty() && dt->kind == 'V' && !is_record(dt.get());
    if (!pad) {
      FieldSpec spec;
      if (name.kind == PyValue::kTuple) {
        if (name.items.size() != 2) unpack_error(name.items.size(), 2);
        const PyValue& title = name.items[0];
        const PyValue& nm = name.items[1];
        if (nm.kind != PyValue::kStr) throw DescrTypeError{};
        spec.name = nm.text;
        if (title.kind == PyValue::kStr) {
          spec.has_title = true;
          spec.title = title.text;
        } else if (title.kind != PyValue::kNone) {
          throw DescrTypeError{};
        }
      } else if (name.kind == PyValue::kStr) {
        spec.name = name.text;
      } else {
        throw DescrTypeError{};
      }
      spec.offset = offset;
      spec.dtype = dt;
      fields.push_back(std::move(spec));
    }
    if (!add_fits(offset, dt->itemsize, &offset)) throw Error(CNP_ERR_VALUE, "dtype itemsize overflows");
  }
  return make_record(std::move(fields), offset, false);
}

}  // namespace

std::string npy_preamble(const Dtype* dtype, int32_t ndim, const int64_t* shape, bool fortran, int version, int* used) {
  if (version != 0 && version != 1 && version != 2 && version != 3)
    throw Error(CNP_ERR_VALUE, "we only support format version (1,0), (2,0), and (3,0), not (" + std::to_string(version) + ", 0)");
  std::string descr;
  if (is_record(dtype)) {
    if (dtype->descr.empty()) throw Error(CNP_ERR_VALUE, "dtype.descr is not defined for types with overlapping or out-of-order fields");
    descr = dtype->descr;
  } else {
    descr = py_repr(dtype->str);
  }
  std::string h = "{'descr': " + descr + ", 'fortran_order': " + (fortran ? "True" : "False") +
                  ", 'shape': " + shape_str(ndim, shape) + ", }";
  if (ndim > 0) {
    size_t digits = std::to_string(shape[fortran ? ndim - 1 : 0]).size();
    if (digits < kGrowthAxisMaxDigits) h.append(kGrowthAxisMaxDigits - digits, ' ');
  }
  auto wrap = [&](int v, std::string* out) {
    std::string enc;
    if (v < 3) {
      if (!to_latin1(h, &enc)) return false;
    } else {
      enc = h;
    }
    int lensize = v == 1 ? 2 : 4;
    uint64_t hlen = enc.size() + 1;
    uint64_t padlen = kArrayAlign - ((kMagicLen + lensize + hlen) % kArrayAlign);
    uint64_t total = hlen + padlen;
    if ((v == 1 && total > 0xFFFF) || total > 0xFFFFFFFFull) {
      if (version != 0) throw Error(CNP_ERR_VALUE, "Header length " + std::to_string(hlen) + " too big for version=(" + std::to_string(v) + ", 0)");
      return false;
    }
    out->assign(kMagic, 6);
    *out += static_cast<char>(v);
    *out += '\0';
    for (int k = 0; k < lensize; ++k) *out += static_cast<char>((total >> (8 * k)) & 0xFF);
    *out += enc;
    out->append(static_cast<size_t>(padlen), ' ');
    *out += '\n';
    return true;
  };
  std::string out;
  if (version != 0) {
    if (!wrap(version, &out))
      throw Error(CNP_ERR_VALUE, "'latin-1' codec can't encode the header of this dtype: its field names need format version 3.0");
    if (used) *used = version;
    return out;
  }
  for (int v = 1; v <= 3; ++v)
    if (wrap(v, &out)) {
      if (used) *used = v;
      return out;
    }
  throw Error(CNP_ERR_VALUE, "Header length " + std::to_string(h.size() + 1) + " too big for version=(3, 0)");
}

DtypeRef dtype_from_descr_text(std::string_view text) {
  PyValue v;
  try {
    v = parse_literal(text, false);
  } catch (const SyntaxErrorLiteral&) {
    throw Error(CNP_ERR_VALUE, "Cannot parse descr: " + py_repr(std::string(text)));
  }
  try {
    return descr_to_dtype(v, 0);
  } catch (const DescrTypeError&) {
    invalid_descr(v);
  }
}

NpyHeader read_npy_header(ByteSource& src, int64_t max_header_size, ObjectPolicy policy) {
  NpyHeader hd;
  std::string magic = read_exact(src, kMagicLen, "magic string");
  if (std::memcmp(magic.data(), kMagic, 6) != 0) {
    PyValue got;
    got.kind = PyValue::kBytes;
    got.text = magic.substr(0, 6);
    throw Error(CNP_ERR_VALUE, "the magic string is not correct; expected b'\\x93NUMPY', got " + py_repr_value(got));
  }
  int major = static_cast<unsigned char>(magic[6]), minor = static_cast<unsigned char>(magic[7]);
  if (minor != 0 || major < 1 || major > 3)
    throw Error(CNP_ERR_VALUE, "we only support format version (1,0), (2,0), and (3,0), not (" + std::to_string(major) + ", " +
                                   std::to_string(minor) + ")");
  hd.major = major;
  hd.minor = minor;
  int lensize = major == 1 ? 2 : 4;
  std::string lb = read_exact(src, lensize, "array header length");
  uint64_t hlen = 0;
  for (int k = 0; k < lensize; ++k) hlen |= static_cast<uint64_t>(static_cast<unsigned char>(lb[k])) << (8 * k);
  bool latin1 = major < 3;
  // The size limit before the read when the length alone decides it (latin-1: one char a byte)
  // and the bytes are there (otherwise numpy's EOF message comes first).
  int64_t rem = src.remaining();
  auto too_large = [](uint64_t n) {
    return Error(CNP_ERR_VALUE, "Header info length (" + std::to_string(n) +
                                    ") is large and may not be safe to load securely.\nTo allow loading, adjust "
                                    "`max_header_size` or fully trust the `.npy` file using `allow_pickle=True`.\n"
                                    "For safety against large resource use or crashes, sandboxing may be necessary.");
  };
  if (latin1 && max_header_size >= 0 && hlen > static_cast<uint64_t>(max_header_size) && rem >= 0 &&
      static_cast<uint64_t>(rem) >= hlen)
    throw too_large(hlen);
  std::string raw = read_exact(src, static_cast<int64_t>(hlen), "array header");
  std::string header = latin1 ? latin1_to_utf8(raw) : raw;
  int64_t nchars = latin1 ? static_cast<int64_t>(raw.size()) : utf8_length(raw);
  if (max_header_size >= 0 && nchars > max_header_size) throw too_large(static_cast<uint64_t>(nchars));
  hd.data_offset = kMagicLen + lensize + static_cast<int64_t>(hlen);

  PyValue d;
  try {
    d = parse_literal(header, latin1);
  } catch (const SyntaxErrorLiteral&) {
    throw Error(CNP_ERR_VALUE, "Cannot parse header: " + py_repr(header));
  }
  if (d.kind != PyValue::kDict) throw Error(CNP_ERR_VALUE, "Header is not a dictionary: " + py_repr_value(d));
  const PyValue *descr = nullptr, *fortran = nullptr, *shape = nullptr;
  bool other = false;
  for (const auto& kv : d.dict) {
    if (kv.first.kind == PyValue::kStr && kv.first.text == "descr") descr = &kv.second;
    else if (kv.first.kind == PyValue::kStr && kv.first.text == "fortran_order") fortran = &kv.second;
    else if (kv.first.kind == PyValue::kStr && kv.first.text == "shape") shape = &kv.second;
    else other = true;
  }
  if (other || !descr || !fortran || !shape) {
    std::vector<std::string> keys;
    for (const auto& kv : d.dict) keys.push_back(py_repr_value(kv.first));
    // sorted() of the keys: strings compare by code point, which their UTF-8 byte order keeps.
    std::vector<std::pair<std::string, std::string>> order;
    for (const auto& kv : d.dict) order.emplace_back(kv.first.kind == PyValue::kStr ? kv.first.text : py_repr_value(kv.first), py_repr_value(kv.first));
    std::sort(order.begin(), order.end());
    std::string list = "[";
    for (size_t i = 0; i < order.size(); ++i) list += (i ? ", " : "") + order[i].second;
    throw Error(CNP_ERR_VALUE, "Header does not contain the correct keys: " + list + "]");
  }
  bool shape_ok = shape->kind == PyValue::kTuple;
  if (shape_ok)
    for (const PyValue& x : shape->items) shape_ok = shape_ok && x.is_int();
  if (!shape_ok) throw Error(CNP_ERR_VALUE, "shape is not valid: " + py_repr_value(*shape));
  if (fortran->kind != PyValue::kBool) throw Error(CNP_ERR_VALUE, "fortran_order is not a valid bool: " + py_repr_value(*fortran));
  if (has_object(*descr)) {
    if (policy == ObjectPolicy::kMemmap) throw Error(CNP_ERR_VALUE, "Array can't be memory-mapped: Python objects in dtype.");
    if (policy == ObjectPolicy::kLoad) throw Error(CNP_ERR_VALUE, "Object arrays cannot be loaded when allow_pickle=False");
    throw Error(CNP_ERR_NOT_IMPLEMENTED, "cnumpy has no object dtype: this file holds a pickled object array");
  }
  try {
    hd.dtype = descr_to_dtype(*descr, 0);
  } catch (const DescrTypeError&) {
    invalid_descr(*descr);
  }
  hd.fortran = fortran->i != 0;
  if (shape->items.size() > static_cast<size_t>(kMaxDims))
    throw Error(CNP_ERR_VALUE, "maximum supported dimension for an ndarray is " + std::to_string(kMaxDims) + ", found " +
                                   std::to_string(shape->items.size()));
  for (const PyValue& x : shape->items) {
    if (x.big) throw Error(CNP_ERR_OVERFLOW, "Python int too large to convert to C long");
    hd.shape.push_back(x.i);
  }
  if (is_subarray(hd.dtype.get())) {
    // numpy reads count items of a subarray dtype as count x subshape elements of its base, then
    // sets the header's shape: only a one-element subarray fits ('(1,)i4' is 'i4').
    int64_t sub = 1;
    for (int64_t d : hd.dtype->sub_shape)
      if (!mul_fits(sub, d, &sub)) throw Error(CNP_ERR_VALUE, "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
    int64_t count = checked_size(static_cast<int32_t>(hd.shape.size()), hd.shape.data(), hd.dtype->itemsize);
    if (sub != 1) {
      if (!mul_fits(count, sub, &count)) throw Error(CNP_ERR_VALUE, "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
      std::string s = "(";
      size_t nd = hd.shape.size();
      for (size_t i = 0; i < nd; ++i) s += (i ? "," : "") + std::to_string(hd.shape[hd.fortran ? nd - 1 - i : i]);
      if (nd == 1) s += ",";
      throw Error(CNP_ERR_VALUE, "cannot reshape array of size " + std::to_string(count) + " into shape " + s + ")");
    }
    hd.dtype = DtypeRef::borrow(hd.dtype->base);
  }
  hd.count = checked_size(static_cast<int32_t>(hd.shape.size()), hd.shape.data(), hd.dtype->itemsize);
  hd.nbytes = hd.count * hd.dtype->itemsize;
  return hd;
}

}  // namespace cnp::io
