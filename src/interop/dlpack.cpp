// See dlpack.hpp. Messages are NumPy's (numpy/core/src/multiarray/dlpack.c, 1.24).
#include "interop/dlpack.hpp"

#include <memory>

#include "core/error.hpp"

namespace cnp::interop {
namespace {

// The exported tensor and what keeps its memory alive, freed together by the deleter.
struct Export {
  DLManagedTensor tensor;
  Array keep;  // a view sharing the buffer: the memory lives as long as the tensor
  int64_t shape[kMaxDims];
  int64_t strides[kMaxDims];
};

void delete_export(DLManagedTensor* self) { delete static_cast<Export*>(self->manager_ctx); }

DLDataType dl_dtype(const Dtype* d) {
  DLDataType t{};
  t.lanes = 1;
  t.bits = static_cast<uint8_t>(d->itemsize * 8);
  switch (d->kind) {
    case 'i': t.code = kDLInt; break;
    case 'u': t.code = kDLUInt; break;
    case 'f': t.code = kDLFloat; break;
    case 'c': t.code = kDLComplex; break;
    default: throw Error(CNP_ERR_TYPE, "DLPack only supports signed/unsigned integers, float and complex dtypes.");
  }
  return t;
}

int32_t typenum_of(DLDataType t) {
  if (t.lanes != 1) return -1;
  switch (t.code) {
    case kDLInt:
      switch (t.bits) { case 8: return CNP_INT8; case 16: return CNP_INT16; case 32: return CNP_INT32; case 64: return CNP_INT64; }
      break;
    case kDLUInt:
      switch (t.bits) { case 8: return CNP_UINT8; case 16: return CNP_UINT16; case 32: return CNP_UINT32; case 64: return CNP_UINT64; }
      break;
    case kDLFloat:
      switch (t.bits) { case 16: return CNP_FLOAT16; case 32: return CNP_FLOAT32; case 64: return CNP_FLOAT64; }
      break;
    case kDLComplex:
      switch (t.bits) { case 64: return CNP_COMPLEX64; case 128: return CNP_COMPLEX128; }
      break;
  }
  return -1;
}

void call_tensor_deleter(void* /*data*/, void* ctx) {
  auto* m = static_cast<DLManagedTensor*>(ctx);
  if (m->deleter) m->deleter(m);
}

}  // namespace

DLManagedTensor* to_dlpack(const Array& a) {
  DLDataType t = dl_dtype(a.dtype());
  if (!a.writeable())
    throw Error(CNP_ERR_VALUE, "Cannot export readonly array since signalling readonly is unsupported by DLPack.");
  auto e = std::make_unique<Export>();
  const int64_t item = a.itemsize();
  for (int32_t i = 0; i < a.ndim(); ++i) {
    if (a.shape(i) != 1 && a.stride(i) % item != 0)
      throw Error(CNP_ERR_VALUE, "DLPack only supports strides which are a multiple of itemsize.");
    e->shape[i] = a.shape(i);
    e->strides[i] = a.stride(i) / item;
  }
  e->keep = a;
  DLTensor& dl = e->tensor.dl_tensor;
  dl.data = a.data();
  dl.device = DLDevice{kDLCPU, 0};
  dl.ndim = a.ndim();
  dl.dtype = t;
  dl.shape = e->shape;
  dl.strides = e->strides;
  dl.byte_offset = 0;
  e->tensor.manager_ctx = e.get();
  e->tensor.deleter = delete_export;
  return &e.release()->tensor;
}

Array from_dlpack(DLManagedTensor* m, bool writeable) {
  const DLTensor& dl = m->dl_tensor;
  if (dl.device.device_type != kDLCPU && dl.device.device_type != kDLCUDAHost && dl.device.device_type != kDLROCMHost)
    throw Error(CNP_ERR_VALUE, "Unsupported device in DLTensor.");
  const int32_t typenum = typenum_of(dl.dtype);
  if (typenum < 0) throw Error(CNP_ERR_TYPE, "Unsupported dtype in DLTensor.");
  if (dl.ndim < 0 || dl.ndim > kMaxDims) throw Error(CNP_ERR_VALUE, "DLTensor has too many dimensions.");
  const Dtype* d = builtin_dtype(typenum);
  checked_size(dl.ndim, dl.shape, d->itemsize);  // before the shape is read
  int64_t strides[kMaxDims];
  if (dl.strides) {
    for (int32_t i = 0; i < dl.ndim; ++i)
      if (!mul_fits(dl.strides[i], d->itemsize, &strides[i]))
        throw_value("strides is incompatible with shape of requested array and size of buffer");
  } else {
    contiguous_strides(dl.ndim, dl.shape, d->itemsize, CNP_ORDER_C, strides);
  }
  char* data = static_cast<char*>(dl.data) + dl.byte_offset;
  return Array::wrap(data, d, dl.ndim, dl.shape, strides, writeable, call_tensor_deleter, m);
}

}  // namespace cnp::interop
