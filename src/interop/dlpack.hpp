// DLPack (v0.6) export and import of arrays, zero-copy.
#pragma once
#include <dlpack/dlpack.h>

#include "core/array.hpp"

namespace cnp::interop {

// A new DLManagedTensor viewing a's memory; its deleter drops the reference it holds.
DLManagedTensor* to_dlpack(const Array& a);
// An array over the tensor's memory that calls the tensor's deleter when its last view goes.
// Throws (and leaves the tensor alone) when the device or dtype is not supported.
Array from_dlpack(DLManagedTensor* m, bool writeable);

}  // namespace cnp::interop
