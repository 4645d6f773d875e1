// dtype handles: parsing, building records and subarrays, byte order, every attribute NumPy's
// dtype has, and NumPy's casting tables (docs/dtypes.md).
#include "capi/guard.hpp"
#include "core/cast.hpp"
#include "core/cast_any.hpp"
#include "core/parallel.hpp"

#include <algorithm>

using namespace cnp;
using namespace cnp::capi;

namespace cnp::capi {

const Array& native_input(const Array& a) {
  const Dtype* d = a.dtype();
  if (!is_numeric(d)) throw_type("cnumpy: this function does not support arrays of " + d->repr);
  const Dtype* native = builtin_dtype(d->typenum);
  int64_t n = a.size();
  if (a.c_contiguous() && n * d->itemsize >= (int64_t{1} << 20)) {
    // Large contiguous inputs: the swap is memory-bound, so it is split over the pool's threads.
    Array out = Array::allocate(native, a.ndim(), a.shape(), CNP_ORDER_C);
    int64_t width = d->kind == 'c' ? d->itemsize / 2 : d->itemsize;
    int64_t scalars = n * (d->itemsize / width);
    int parts = std::max(1, num_threads());
    const char* src = a.data();
    char* dst = out.data();
    parallel_run(parts, [&](int k) {
      int64_t lo = scalars * k / parts, hi = scalars * (k + 1) / parts;
      swap_copy_contiguous(src + lo * width, dst + lo * width, hi - lo, width);
    });
    scratch.used = true;
    scratch_store.arrays.push_back(std::move(out));
  } else {
    scratch.used = true;
    scratch_store.arrays.push_back(cast_copy(a, native, CNP_ORDER_K));
  }
  return scratch_store.arrays.back();
}

Array& native_output(Array& a) {
  const Dtype* d = a.dtype();
  if (!is_numeric(d)) throw_type("cnumpy: this function does not support arrays of " + d->repr);
  // The current values too: where= leaves elements alone, in-place operations read them.
  scratch.used = true;
  scratch_store.arrays.push_back(cast_copy(a, builtin_dtype(d->typenum), CNP_ORDER_K));
  Array& native = scratch_store.arrays.back();
  if (!a.writeable()) native.set_writeable(false);  // the engine reports it in its own words
  scratch_store.writebacks.push_back(Writeback{a, &native});
  return native;
}

void write_back_outputs() {
  // Taken out first: the assignments below run no entry point, but the list must be empty
  // whatever happens.
  std::vector<Writeback> list = std::move(scratch_store.writebacks);
  scratch_store.writebacks.clear();
  for (Writeback& w : list) assign(w.target, *w.native, CNP_CASTING_UNSAFE);
}

void refuse_dtype(const Dtype* d) { throw_type("cnumpy: this function does not support " + d->repr); }

}  // namespace cnp::capi

namespace {
// NumPy's type numbers (NPY_TYPES on LP64 Linux).
int32_t numpy_num(const Dtype* d) {
  static const int32_t builtin[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 23, 11, 12, 14, 15};
  if (is_numeric(d)) return builtin[d->typenum];
  switch (d->kind) {
    case 'O': return 17;
    case 'S': return 18;
    case 'U': return 19;
    case 'M': return 21;
    case 'm': return 22;
    default: return 20;
  }
}

const DtypeField& field_at(const Dtype* d, int64_t i) {
  if (!is_record(d)) throw Error(CNP_ERR_KEY, "There are no fields in dtype " + d->text + ".");
  if (i < 0 || i >= static_cast<int64_t>(d->fields.size())) throw Error(CNP_ERR_INDEX, "field index out of range");
  return d->fields[static_cast<size_t>(i)];
}

char byteorder_char(int32_t order) {
  switch (order) {
    case 'S': case 's': return 'S';
    case '<': case 'L': case 'l': return '<';
    case '>': case 'B': case 'b': return '>';
    case '=': case 'N': case 'n': return '=';
    case '|': case 'I': case 'i': return '|';
    default: throw_value(std::string(1, static_cast<char>(order)) + " is an unrecognized byteorder");
  }
}

}  // namespace

extern "C" {

CNP_API cnp_status cnp_dtype_from_string(const char* spec, cnp_dtype** out) {
  return get(out, [&] {
    if (!spec) throw Error(CNP_ERR_INVALID_HANDLE, "dtype string is NULL");
    return const_cast<cnp_dtype*>(parse_dtype(spec).release());
  });
}

CNP_API cnp_status cnp_dtype_from_typenum(int32_t typenum, cnp_dtype** out) {
  return get(out, [&] { return dtype_retain(typenum == CNP_OBJECT ? object_dtype() : builtin_dtype(typenum)); });
}

CNP_API cnp_status cnp_dtype_record(int64_t nfields, const char* const* names, const cnp_dtype* const* dtypes,
                                    const int64_t* offsets, const char* const* titles, int64_t itemsize, int32_t align,
                                    cnp_dtype** out) {
  return get(out, [&] {
    if (nfields < 0) throw_value("nfields must be >= 0");
    if (nfields > 0 && (!names || !dtypes)) throw Error(CNP_ERR_INVALID_HANDLE, "names or dtypes pointer is NULL");
    std::vector<FieldSpec> fs;
    for (int64_t i = 0; i < nfields; ++i) {
      FieldSpec f;
      if (!names[i]) throw Error(CNP_ERR_INVALID_HANDLE, "field name is NULL");
      f.name = names[i];
      f.dtype = DtypeRef::borrow(object_dtype_of(dtypes[i]));
      f.offset = offsets ? offsets[i] : -1;
      if (offsets && offsets[i] < 0) throw_value("offset " + std::to_string(offsets[i]) + " cannot be negative");
      if (titles && titles[i]) {
        f.has_title = true;
        f.title = titles[i];
      }
      fs.push_back(std::move(f));
    }
    return const_cast<cnp_dtype*>(make_record(std::move(fs), itemsize, align != 0).release());
  });
}

CNP_API cnp_status cnp_dtype_subarray(const cnp_dtype* base, int32_t ndim, const int64_t* shape, cnp_dtype** out) {
  return get(out, [&] {
    const Dtype* b = object_dtype_of(base);
    if (ndim < 0 || (ndim > 0 && !shape)) throw Error(CNP_ERR_INVALID_HANDLE, "shape pointer is NULL");
    if (ndim > kMaxDims) throw_value("invalid shape in fixed-type tuple: dimension too large");
    return const_cast<cnp_dtype*>(make_subarray(b, std::vector<int64_t>(shape, shape + ndim)).release());
  });
}

CNP_API cnp_status cnp_dtype_newbyteorder(const cnp_dtype* d, int32_t order, cnp_dtype** out) {
  return get(out, [&] { return const_cast<cnp_dtype*>(with_byteorder(object_dtype_of(d), byteorder_char(order)).release()); });
}

CNP_API void cnp_dtype_free(cnp_dtype* dtype) {
  if (dtype && dtype->magic == kDtypeMagic) dtype_release(dtype);
}

CNP_API cnp_status cnp_dtype_typenum(const cnp_dtype* d, int32_t* out) { return get(out, [&] { return object_dtype_of(d)->typenum; }); }
CNP_API cnp_status cnp_dtype_num(const cnp_dtype* d, int32_t* out) { return get(out, [&] { return numpy_num(object_dtype_of(d)); }); }
CNP_API cnp_status cnp_dtype_itemsize(const cnp_dtype* d, int64_t* out) { return get(out, [&] { return object_dtype_of(d)->itemsize; }); }
CNP_API cnp_status cnp_dtype_alignment(const cnp_dtype* d, int64_t* out) { return get(out, [&] { return object_dtype_of(d)->alignment; }); }
CNP_API cnp_status cnp_dtype_kind(const cnp_dtype* d, int32_t* out) { return get(out, [&] { return int32_t{object_dtype_of(d)->kind}; }); }
CNP_API cnp_status cnp_dtype_char(const cnp_dtype* d, int32_t* out) { return get(out, [&] { return int32_t{object_dtype_of(d)->chr}; }); }
CNP_API cnp_status cnp_dtype_name(const cnp_dtype* d, const char** out) { return get(out, [&] { return object_dtype_of(d)->name.c_str(); }); }
CNP_API cnp_status cnp_dtype_str(const cnp_dtype* d, const char** out) { return get(out, [&] { return object_dtype_of(d)->str.c_str(); }); }
CNP_API cnp_status cnp_dtype_repr(const cnp_dtype* d, const char** out) { return get(out, [&] { return object_dtype_of(d)->repr.c_str(); }); }
CNP_API cnp_status cnp_dtype_text(const cnp_dtype* d, const char** out) { return get(out, [&] { return object_dtype_of(d)->text.c_str(); }); }
// The legacy print modes ('1.13', '1.21') spell dict forms compactly, as NumPy's _dtype.py does.
CNP_API cnp_status cnp_dtype_repr_legacy(const cnp_dtype* d, const char** out) {
  return get(out, [&] {
    const Dtype* t = object_dtype_of(d);
    return (t->repr_legacy.empty() ? t->repr : t->repr_legacy).c_str();
  });
}
CNP_API cnp_status cnp_dtype_text_legacy(const cnp_dtype* d, const char** out) {
  return get(out, [&] {
    const Dtype* t = object_dtype_of(d);
    return (t->text_legacy.empty() ? t->text : t->text_legacy).c_str();
  });
}
CNP_API cnp_status cnp_dtype_key(const cnp_dtype* d, const char** out) { return get(out, [&] { return object_dtype_of(d)->key.c_str(); }); }

CNP_API cnp_status cnp_dtype_descr(const cnp_dtype* d, const char** out) {
  return get(out, [&] {
    const Dtype* t = object_dtype_of(d);
    if (t->descr.empty()) throw_value("dtype.descr is not defined for types with overlapping or out-of-order fields");
    return t->descr.c_str();
  });
}

CNP_API cnp_status cnp_dtype_byteorder(const cnp_dtype* d, int32_t* out) {
  return get(out, [&] {
    const Dtype* t = object_dtype_of(d);
    if (t->byteorder == '|') return int32_t{'|'};
    return int32_t{t->byteorder == kNativeOrder ? '=' : t->byteorder};
  });
}

CNP_API cnp_status cnp_dtype_isnative(const cnp_dtype* d, int32_t* out) {
  return get(out, [&] { return int32_t{dtype_isnative(object_dtype_of(d))}; });
}

CNP_API cnp_status cnp_dtype_isbuiltin(const cnp_dtype* d, int32_t* out) {
  return get(out, [&] {
    const Dtype* t = object_dtype_of(d);
    // NumPy: 1 for the builtin descriptors (native numbers, unsized S/U/V), 0 for the rest.
    if (is_numeric(t)) return int32_t{!t->swapped};
    if (t->kind == 'O') return int32_t{1};
    return int32_t{is_flexible(t) && t->itemsize == 0 && !is_record(t) && !t->swapped};
  });
}

CNP_API cnp_status cnp_dtype_isalignedstruct(const cnp_dtype* d, int32_t* out) {
  return get(out, [&] { return int32_t{object_dtype_of(d)->aligned_struct}; });
}

CNP_API cnp_status cnp_dtype_datetime_unit(const cnp_dtype* d, const char** out) {
  return get(out, [&] {
    const Dtype* t = object_dtype_of(d);
    if (!is_datetime(t)) throw_type("cannot get datetime metadata from non-datetime type");
    return datetime_unit_name(t->unit);
  });
}

CNP_API cnp_status cnp_dtype_datetime_count(const cnp_dtype* d, int64_t* out) {
  return get(out, [&] {
    const Dtype* t = object_dtype_of(d);
    if (!is_datetime(t)) throw_type("cannot get datetime metadata from non-datetime type");
    return int64_t{t->unit_count};
  });
}

CNP_API cnp_status cnp_dtype_nfields(const cnp_dtype* d, int64_t* out) {
  return get(out, [&] {
    const Dtype* t = object_dtype_of(d);
    return is_record(t) ? static_cast<int64_t>(t->fields.size()) : int64_t{-1};
  });
}

CNP_API cnp_status cnp_dtype_field_name(const cnp_dtype* d, int64_t i, const char** out) {
  return get(out, [&] { return field_at(object_dtype_of(d), i).name.c_str(); });
}

CNP_API cnp_status cnp_dtype_field_dtype(const cnp_dtype* d, int64_t i, cnp_dtype** out) {
  return get(out, [&] { return dtype_retain(field_at(object_dtype_of(d), i).dtype); });
}

CNP_API cnp_status cnp_dtype_field_offset(const cnp_dtype* d, int64_t i, int64_t* out) {
  return get(out, [&] { return field_at(object_dtype_of(d), i).offset; });
}

CNP_API cnp_status cnp_dtype_field_title(const cnp_dtype* d, int64_t i, const char** out) {
  return get(out, [&] {
    const DtypeField& f = field_at(object_dtype_of(d), i);
    return f.has_title ? f.title.c_str() : static_cast<const char*>(nullptr);
  });
}

CNP_API cnp_status cnp_dtype_base(const cnp_dtype* d, cnp_dtype** out) {
  return get(out, [&] {
    const Dtype* t = object_dtype_of(d);
    return dtype_retain(is_subarray(t) ? t->base : t);
  });
}

CNP_API cnp_status cnp_dtype_ndim(const cnp_dtype* d, int32_t* out) {
  return get(out, [&] { return static_cast<int32_t>(object_dtype_of(d)->sub_shape.size()); });
}

CNP_API cnp_status cnp_dtype_shape(const cnp_dtype* d, const int64_t** out) {
  return get(out, [&] { return object_dtype_of(d)->sub_shape.data(); });
}

CNP_API cnp_status cnp_dtype_format_element(const cnp_dtype* d, const void* element, char** out) {
  return get(out, [&] {
    const Dtype* t = object_dtype_of(d);
    if (!element) throw Error(CNP_ERR_INVALID_HANDLE, "element pointer is NULL");
    const char* p = static_cast<const char*>(element);
    if (is_numeric(t)) {
      alignas(16) char buf[16];
      std::memcpy(buf, p, static_cast<size_t>(t->itemsize));
      if (t->swapped) byteswap_inplace(buf, t->itemsize, 1, t);
      return to_c_string(number_text(builtin_dtype(t->typenum), buf));
    }
    if (is_datetime(t)) {
      int64_t v;
      std::memcpy(&v, p, 8);
      if (t->swapped) v = static_cast<int64_t>(__builtin_bswap64(static_cast<uint64_t>(v)));
      return to_c_string(t->kind == 'M' ? datetime_text(v, t->unit, t->unit_count) : timedelta_text(v, t->unit, t->unit_count));
    }
    if (t->kind == 'S' || t->kind == 'U') return to_c_string(element_text(t, p));
    throw_type("cnumpy: no text form for an element of " + t->repr);
  });
}

CNP_API cnp_status cnp_dtype_equal(const cnp_dtype* a, const cnp_dtype* b, int32_t* out) {
  return get(out, [&] { return int32_t{dtype_equal(object_dtype_of(a), object_dtype_of(b))}; });
}

CNP_API cnp_status cnp_can_cast(const cnp_dtype* from, const cnp_dtype* to, int32_t casting, int32_t* out) {
  return get(out, [&] { return int32_t{can_cast(object_dtype_of(from), object_dtype_of(to), casting)}; });
}

CNP_API cnp_status cnp_promote_types(const cnp_dtype* a, const cnp_dtype* b, cnp_dtype** out) {
  return get(out, [&] { return const_cast<cnp_dtype*>(promote_any(object_dtype_of(a), object_dtype_of(b)).release()); });
}

CNP_API cnp_status cnp_result_type(int64_t n, const cnp_dtype* const* dtypes, cnp_dtype** out) {
  return get(out, [&] {
    if (n <= 0) throw_value("at least one array or dtype is required");
    if (!dtypes) throw Error(CNP_ERR_INVALID_HANDLE, "dtypes pointer is NULL");
    // Numbers: NumPy's rule, which does not depend on the order: the "most knowledgeable" type
    // (the highest NumPy type number, float16 being the highest) promoted with each input, then
    // those results promoted together. Pairwise left to right would give
    // result_type(uint16, int16, float16) = float64 but (float16, uint16, int16) = float32.
    bool numbers = true;
    for (int64_t i = 0; i < n && numbers; ++i) numbers = is_numeric(object_dtype_of(dtypes[i]));
    if (numbers && n > 2) {
      int64_t main = 0;
      for (int64_t i = 1; i < n; ++i)
        if (numpy_num(object_dtype_of(dtypes[i])) > numpy_num(object_dtype_of(dtypes[main]))) main = i;
      const Dtype* m = object_dtype_of(dtypes[main]);
      DtypeRef r = promote_any(m, object_dtype_of(dtypes[0]));
      for (int64_t i = 1; i < n; ++i) r = promote_any(r.get(), promote_any(m, object_dtype_of(dtypes[i])).get());
      return const_cast<cnp_dtype*>(r.release());
    }
    DtypeRef r = native_of(object_dtype_of(dtypes[0]));
    for (int64_t i = 1; i < n; ++i) r = promote_any(r.get(), object_dtype_of(dtypes[i]));
    return const_cast<cnp_dtype*>(r.release());
  });
}

}  // extern "C"
