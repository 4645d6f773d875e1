// promote_sequence: pairwise promotion for the value, NumPy's reduction over DType classes for
// the error message (which names the classes in the order NumPy's reduction meets them).
#include "core/result_type.hpp"

#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/loop_registry.hpp"

namespace cnp {

namespace {

constexpr int kNotImplemented = -1;

// NumPy's type number of d's DType class (its order decides which class handles a pair).
int npy_num(const Dtype* d) {
  static const int numbers[CNP_NTYPES_BUILTIN] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 23, 11, 12, 14, 15};
  switch (d->kind) {
    case 'S': return 18;
    case 'U': return 19;
    case 'V': return 20;
    case 'M': return 21;
    case 'm': return 22;
    case 'O': return 17;  // the object dtype (typenum CNP_OBJECT is past the builtin table)
    default: return numbers[d->typenum];
  }
}

bool is_number_class(int c) { return c <= 15 || c == 23; }

// NumPy 1.24's DType.__common_dtype__ of two classes (a representative descriptor each): the
// index (0: a, 1: b, 2: another class) or kNotImplemented. Only whether the result is `a`
// matters to the reduction, besides NotImplemented.
int class_common(const Dtype* a, const Dtype* b) {
  const int ca = npy_num(a), cb = npy_num(b);
  if (ca == 18 || ca == 19) {  // bytes and str know the numbers (and str knows bytes)
    if (is_number_class(cb) || (ca == 19 && cb == 18)) return 0;
    return kNotImplemented;
  }
  if (ca == 21 && cb == 22) return 0;  // datetime with timedelta
  if (cb > ca) return kNotImplemented;  // the larger type number handles the pair
  if (is_number_class(ca) && is_number_class(cb)) {
    const int t = npy_num(promote_types(native_numeric(a), native_numeric(b)));
    return t == ca ? 0 : t == cb ? 1 : 2;
  }
  if (ca == 22 && (cb <= 10)) return 0;  // timedelta with bool and integers
  if (ca == 22 && cb == 21) return 1;
  return kNotImplemented;
}

std::string class_repr(const Dtype* d) { return "<class '" + dclass_name(d) + "'>"; }

[[noreturn]] void sequence_error(const Dtype* const* in, size_t n) {
  std::vector<const Dtype*> d(in, in + n);
  // reduce_dtypes_to_most_knowledgeable: pairs from both ends, NotImplemented swaps the pair,
  // a pair the low one absorbs drops the high one; then again over the first half.
  size_t len = n;
  int res = 0;
  while (len >= 2) {
    const size_t half = len / 2;
    for (size_t low = 0; low < half; ++low) {
      const size_t high = len - 1 - low;
      if (!d[low] || !d[high]) continue;
      res = npy_num(d[low]) == npy_num(d[high]) ? 0 : class_common(d[low], d[high]);
      if (res == kNotImplemented) std::swap(d[low], d[high]);
      else if (res == 0) d[high] = nullptr;
    }
    if (len == 2) break;
    len -= half;
  }
  const Dtype* main = d[0];
  for (size_t i = res == kNotImplemented ? 1 : 2; i < n; ++i) {
    if (!d[i] || !main) continue;
    if (npy_num(d[i]) != npy_num(main) && class_common(main, d[i]) == kNotImplemented) {
      std::string all;
      for (size_t k = 0; k < n; ++k) all += (k ? ", " : "") + class_repr(in[k]);
      throw_type("The DType " + class_repr(d[i]) + " could not be promoted by " + class_repr(main) +
                 ". This means that no common DType exists for the given inputs. For example they cannot be "
                 "stored in a single array unless the dtype is `object`. The full list of DTypes is: (" + all + ")");
    }
  }
  throw_type("The DTypes " + class_repr(in[0]) + " and " + class_repr(in[n - 1]) +
             " do not have a common DType. For example they cannot be stored in a single array unless the dtype is "
             "`object`.");
}

bool same_class(const Dtype* a, const Dtype* b) { return npy_num(a) == npy_num(b); }

}  // namespace

DtypeRef promote_sequence(const Dtype* const* ds, size_t n) {
  if (n == 0) throw_value("at least one array or dtype is required");
  // Classes without a common DType: NumPy's error for the sequence.
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j)
      if (!same_class(ds[i], ds[j]) && class_common(ds[i], ds[j]) == kNotImplemented &&
          class_common(ds[j], ds[i]) == kNotImplemented)
        sequence_error(ds, n);
  DtypeRef r = promote_any(ds[0], ds[0]);
  for (size_t i = 1; i < n; ++i) r = promote_any(r.get(), ds[i]);
  return r;
}

}  // namespace cnp
