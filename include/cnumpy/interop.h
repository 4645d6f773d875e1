/*
 * cnumpy/interop.h: zero-copy exchange with other array libraries through DLPack
 * (dlpack.h v0.6, the version NumPy 1.22-1.26 speak; Debian's libdlpack-dev).
 *
 * The DLPack structs are passed as void* so that this header does not depend on dlpack.h (and the
 * Python bindings can read it): `managed` is a `DLManagedTensor*`. Include <dlpack/dlpack.h> to
 * look inside. Ownership follows the DLPack rules: whoever holds a DLManagedTensor calls its
 * deleter exactly once when done (cnp_dlpack_free does that).
 *
 * The block between CNP_DECLS_BEGIN and CNP_DECLS_END is plain C99 (read by the bindings).
 */
#ifndef CNUMPY_INTEROP_H
#define CNUMPY_INTEROP_H

#include "cnumpy/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/* CNP_DECLS_BEGIN */

/** Exports an array as a DLManagedTensor on the CPU (device kDLCPU, 0), without copying: data is
 *  the array's first element (byte_offset 0), shape and strides (in elements) are the array's.
 *  The tensor keeps the memory alive; its deleter releases it (the array handle itself may be
 *  freed at any time). Errors (NumPy's BufferError messages): CNP_ERR_TYPE for bool ("DLPack
 *  only supports signed/unsigned integers, float and complex dtypes."), CNP_ERR_VALUE for a
 *  read-only array ("Cannot export readonly array since signalling readonly is unsupported by
 *  DLPack.") or strides that are not a multiple of the itemsize ("DLPack only supports strides
 *  which are a multiple of itemsize.").
 *  \param[out] out new DLManagedTensor* owned by the caller (release with cnp_dlpack_free). */
CNP_API cnp_status cnp_array_to_dlpack(const cnp_array* a, void** out);

/** Wraps a DLManagedTensor (CPU memory, kDLInt/kDLUInt 8-64, kDLFloat 16/32/64, kDLComplex
 *  64/128, lanes 1) as an array without copying; strides NULL means C order. On success the
 *  array owns the tensor and calls its deleter once, when the last view of the memory goes; on
 *  failure the caller still owns it. Errors: CNP_ERR_VALUE "Unsupported device in DLTensor.",
 *  CNP_ERR_TYPE "Unsupported dtype in DLTensor.", CNP_ERR_INVALID_HANDLE for NULL.
 *  \param[in] writeable 0 for a read-only array. \param[out] out new reference. */
CNP_API cnp_status cnp_array_from_dlpack(void* managed, int32_t writeable, cnp_array** out);

/** Calls a DLManagedTensor's deleter (if it has one); NULL accepted. */
CNP_API void cnp_dlpack_free(void* managed);

/* CNP_DECLS_END */

#ifdef __cplusplus
}
#endif

#endif /* CNUMPY_INTEROP_H */
