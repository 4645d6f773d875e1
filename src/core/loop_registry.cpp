// The loop registry (loop_registry.hpp): classes of descriptors, lookup, and the one build.
#include "core/loop_registry.hpp"

#include "core/error.hpp"

namespace cnp {

DClass dclass_of(const Dtype* d) {
  if (is_numeric(d)) return DClass::number;
  switch (d->kind) {
    case 'S': return DClass::bytes;
    case 'U': return DClass::unicode;
    case 'M': return DClass::datetime;
    case 'm': return DClass::timedelta;
    default: return DClass::void_;
  }
}

std::string dclass_name(const Dtype* d) {
  const char* n = nullptr;
  switch (dclass_of(d)) {
    case DClass::number: n = d->typenum == CNP_BOOL ? "bool_" : nullptr; break;
    case DClass::bytes: n = "bytes_"; break;
    case DClass::unicode: n = "str_"; break;
    case DClass::datetime: n = "datetime64"; break;
    case DClass::timedelta: n = "timedelta64"; break;
    default: n = d->kind == 'O' ? "object_" : "void"; break;
  }
  return std::string("numpy.dtype[") + (n ? std::string(n) : builtin_dtype(d->typenum)->name) + "]";
}

void LoopRegistry::add(int32_t op, const Method& m) {
  if (op < 0) throw Error(CNP_ERR_INTERNAL, "loop registry: negative operation number");
  if (static_cast<size_t>(op) >= ops_.size()) ops_.resize(static_cast<size_t>(op) + 1);
  ops_[static_cast<size_t>(op)].push_back(m);
}

const Method* LoopRegistry::find(int32_t op, const Dtype* const* given, int n) const {
  if (op < 0 || static_cast<size_t>(op) >= ops_.size()) return nullptr;
  // No C loop takes object items (their operations are the host's: docs/object-dtype.md).
  for (int i = 0; i < n; ++i)
    if (given[i] && given[i]->kind == 'O') return nullptr;
  for (const Method& m : ops_[static_cast<size_t>(op)]) {
    if (m.nin != n && m.nin + m.nout != n) continue;
    bool match = true;
    for (int i = 0; match && i < n; ++i) match = m.sig[i] == DClass::any || m.sig[i] == dclass_of(given[i]);
    if (match) return &m;
  }
  return nullptr;
}

const Method* LoopRegistry::legacy(int32_t op) const {
  if (op < 0 || static_cast<size_t>(op) >= ops_.size()) return nullptr;
  for (const Method& m : ops_[static_cast<size_t>(op)])
    if (m.legacy()) return &m;
  return nullptr;
}

const std::vector<Method>& LoopRegistry::methods(int32_t op) const {
  static const std::vector<Method> none;
  if (op < 0 || static_cast<size_t>(op) >= ops_.size()) return none;
  return ops_[static_cast<size_t>(op)];
}

const LoopRegistry& loop_registry() {
  // C++ guarantees one thread-safe initialisation; afterwards the registry is read-only.
  static const LoopRegistry registry = [] {
    LoopRegistry r;
    register_ufunc_legacy(r);
    register_string_compare(r);
    register_casts(r);
    register_datetime_casts(r);
    register_datetime_ufuncs(r);
    register_string_sort(r);
    register_datetime_sort(r);
    register_record_sort(r);
    return r;
  }();
  return registry;
}

}  // namespace cnp
