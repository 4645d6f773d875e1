/*
 * cnumpy/io.h: numpy's binary I/O (numpy.save, numpy.load, numpy.lib.format.open_memmap,
 * numpy.savez, numpy.savez_compressed, numpy.lib.npyio.NpzFile, ndarray.tofile, numpy.fromfile,
 * numpy.fromstring) on paths, open file descriptors and memory. docs/io.md has the details.
 *
 * Common scheme:
 *  - .npy bytes are those numpy.save writes for the same array, byte for byte (format 1.0, or
 *    2.0 when the header passes 65535 bytes, or 3.0 for field names outside latin-1; version 0
 *    picks as numpy does, 1/2/3 force one). `used_version` (may be NULL) gets the version used.
 *  - Byte results (a .npy or .npz file in memory, a raw member of an archive) come back as a new
 *    1-D uint8 array: its data pointer and size are the bytes (cnp_array_data, cnp_array_size).
 *  - max_header_size: numpy.load's limit on the header's length in characters (numpy's default
 *    is 10000); negative = no limit (numpy's allow_pickle=True).
 *  - File descriptors are read and written from their current position, which is left just past
 *    the data (as numpy leaves a file object); they are never closed by the library.
 *  - Errors with numpy's messages: CNP_ERR_VALUE "the magic string is not correct; expected
 *    b'\x93NUMPY', got b'...'", "Header info length (N) is large and may not be safe to load
 *    securely. ...", "Cannot parse header: ...", "descr is not a valid dtype descriptor: ...",
 *    "EOF: reading array header, expected N bytes got M", "cannot reshape array of size N into
 *    shape (a,b)" (a short file), "Object arrays cannot be loaded when allow_pickle=False";
 *    CNP_ERR_OS "[Errno 2] No such file or directory: 'x.npy'"; CNP_ERR_NOT_IMPLEMENTED for a
 *    pickled object array with pickles allowed (cnumpy has no object dtype). Nothing is
 *    allocated for a declared size before the bytes present are known to cover it.
 *  - Version: every function of this header appeared in ABI 1 (cnumpy 0.1, libcnumpy.so.1).
 *
 * The block between CNP_DECLS_BEGIN and CNP_DECLS_END is plain C99 (read by the bindings).
 */
#ifndef CNUMPY_IO_H
#define CNUMPY_IO_H

#include "cnumpy/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/* CNP_DECLS_BEGIN */

/** An open .npz archive (numpy.lib.npyio.NpzFile); release with cnp_npz_free. */
typedef struct cnp_npz cnp_npz;

/** numpy.save(path, a) (no '.npy' is appended: the path is used as given). */
CNP_API cnp_status cnp_io_save(const char* path, const cnp_array* a, int32_t version, int32_t* used_version);
/** numpy.save to an open descriptor, at its position. */
CNP_API cnp_status cnp_io_save_fd(int32_t fd, const cnp_array* a, int32_t version, int32_t* used_version);
/** The bytes numpy.save would write. \param[out] out new 1-D uint8 array. */
CNP_API cnp_status cnp_io_save_bytes(const cnp_array* a, int32_t version, int32_t* used_version, cnp_array** out);
/** numpy.load of a .npy file. mmap_mode NULL: read into memory; "r", "r+", "c": memory-mapped
 *  (as cnp_io_open_memmap). allow_pickle 0/1 (only changes the messages and the header limit).
 *  \param[out] out new array (for "r" read-only; it keeps the mapping alive). */
CNP_API cnp_status cnp_io_load(const char* path, const char* mmap_mode, int32_t allow_pickle, int64_t max_header_size, cnp_array** out);
/** numpy.load of the .npy at a descriptor's position. */
CNP_API cnp_status cnp_io_load_fd(int32_t fd, int32_t allow_pickle, int64_t max_header_size, cnp_array** out);
/** numpy.load of .npy bytes in memory (copied). *consumed (may be NULL) gets the stream's length. */
CNP_API cnp_status cnp_io_load_bytes(const void* data, int64_t size, int32_t allow_pickle, int64_t max_header_size, int64_t* consumed, cnp_array** out);
/** numpy.lib.format.open_memmap(path, mode, dtype, shape, fortran_order, version): mode "r",
 *  "r+", "c" (also "readonly", "readwrite", "copyonwrite") map an existing file (dtype and shape
 *  ignored); "w+" ("write") creates it with dtype (NULL = float64) and shape. CNP_ERR_VALUE
 *  "mmap length is greater than file size" for a file shorter than its header declares. */
CNP_API cnp_status cnp_io_open_memmap(const char* path, const char* mode, const cnp_dtype* dtype, int32_t ndim, const int64_t* shape, int32_t fortran_order, int32_t version, int64_t max_header_size, cnp_array** out);
/** numpy.memmap(path, dtype, mode, offset, shape, order) over a raw file: mode "r", "r+", "c",
 *  "w+" (and the long names; NULL = "r+"; "w+" creates or truncates the file), dtype NULL =
 *  uint8, the data at byte offset (>= 0; the mapping starts at the page below it), ndim < 0 =
 *  shape None (the rest of the file as a 1-D array; shape ignored), otherwise shape[ndim]
 *  (ndim 0: a 0-d array of one item), fortran_order 1 = order 'F'. "r+" and "w+" extend a file
 *  shorter than offset + the data (with zeros, as numpy). Errors: CNP_ERR_VALUE "mode must be one
 *  of [...] (got 'x')", "shape must be given" ("w+" without a shape), "Size of available data is
 *  not a multiple of the data-type size.", "mmap length is greater than file size", "cannot mmap
 *  an empty file", "mmap offset is greater than file size", "negative dimensions are not
 *  allowed"; CNP_ERR_OVERFLOW "memory mapped offset must be positive"; CNP_ERR_OS from open and
 *  mmap. \param[out] out new array whose memory is the mapping ("r": read-only), unmapped when the
 *  last view of it is released. */
CNP_API cnp_status cnp_io_memmap(const char* path, const char* mode, const cnp_dtype* dtype, int64_t offset, int32_t ndim, const int64_t* shape, int32_t fortran_order, cnp_array** out);
/** cnp_io_memmap over an open descriptor (numpy.memmap of a file object): its access mode must
 *  allow the mapping's ("r+"/"w+" need it open for reading and writing); the descriptor is not
 *  closed and may be closed once the array exists. "w+" does not truncate it (numpy.memmap of a
 *  file object does not reopen it). */
CNP_API cnp_status cnp_io_memmap_fd(int32_t fd, const char* mode, const cnp_dtype* dtype, int64_t offset, int32_t ndim, const int64_t* shape, int32_t fortran_order, cnp_array** out);
/** Whether a's memory is a file mapping made by cnp_io_memmap, cnp_io_open_memmap or cnp_io_load
 *  with a mmap_mode (views of it included): *mapped 1/0, *offset the file offset of the mapped
 *  array's data (numpy.memmap.offset: the header length for .npy files; 0 when not mapped). */
CNP_API cnp_status cnp_io_memmap_info(const cnp_array* a, int32_t* mapped, int64_t* offset);
/** numpy.memmap.flush: writes the mapping holding a's memory back to its file (msync) for "r+"
 *  and "w+" maps; nothing for "r" and "c" maps and for memory that is not a mapping.
 *  CNP_ERR_OS when msync fails. */
CNP_API cnp_status cnp_io_memmap_flush(const cnp_array* a);

/** numpy.savez (compress 0) / numpy.savez_compressed (1) of n arrays named names[i] (members
 *  "<name>.npy"; numpy names positional arrays arr_0, arr_1, ...). CNP_ERR_VALUE for a repeated name. */
CNP_API cnp_status cnp_io_savez(const char* path, int32_t n, const char* const* names, const cnp_array* const* arrays, int32_t compress);
CNP_API cnp_status cnp_io_savez_fd(int32_t fd, int32_t n, const char* const* names, const cnp_array* const* arrays, int32_t compress);
/** The archive's bytes. \param[out] out new 1-D uint8 array. */
CNP_API cnp_status cnp_io_savez_bytes(int32_t n, const char* const* names, const cnp_array* const* arrays, int32_t compress, cnp_array** out);
/** numpy.load of a .npz: opens the archive (members are read on demand by cnp_npz_get).
 *  CNP_ERR_VALUE "File is not a zip file: ..." for a damaged archive. \param[out] out new handle. */
CNP_API cnp_status cnp_npz_open(const char* path, int32_t allow_pickle, int64_t max_header_size, cnp_npz** out);
/** The same from a descriptor (read from its position to its end). */
CNP_API cnp_status cnp_npz_open_fd(int32_t fd, int32_t allow_pickle, int64_t max_header_size, cnp_npz** out);
/** The same from bytes in memory (copied). */
CNP_API cnp_status cnp_npz_open_bytes(const void* data, int64_t size, int32_t allow_pickle, int64_t max_header_size, cnp_npz** out);
/** Number of members. */
CNP_API cnp_status cnp_npz_count(const cnp_npz* z, int64_t* out);
/** Name of member i as stored ("arr_0.npy"). \param[out] out owned by the handle. Errors: CNP_ERR_INDEX. */
CNP_API cnp_status cnp_npz_name(const cnp_npz* z, int64_t i, const char** out);
/** NpzFile[name]: name as stored or without ".npy". A member that is not a .npy comes back as
 *  its bytes (1-D uint8) with *raw = 1 (raw may be NULL). CNP_ERR_KEY "x is not a file in the
 *  archive"; CNP_ERR_VALUE for a damaged member (bad CRC, a size deflate cannot produce). */
CNP_API cnp_status cnp_npz_get(cnp_npz* z, const char* name, int32_t* raw, cnp_array** out);
/** NpzFile.close(): releases the archive (NULL accepted). Arrays already read stay valid. */
CNP_API void cnp_npz_free(cnp_npz* z);

/** ndarray.tofile(path, sep): sep NULL or "" writes the raw bytes in C order; otherwise text:
 *  each element as repr() of its Python value (numeric dtypes) joined by sep. */
CNP_API cnp_status cnp_io_tofile(const char* path, const cnp_array* a, const char* sep);
CNP_API cnp_status cnp_io_tofile_fd(int32_t fd, const cnp_array* a, const char* sep);
/** numpy.fromfile(path, dtype, count, sep, offset): dtype NULL = float64, count -1 = all; binary
 *  (sep NULL or "") reads what the file holds up to count items; text (numeric dtypes) parses
 *  numbers separated by sep (a space matches any whitespace) and stops with numpy's
 *  DeprecationWarning at unmatched data. offset: bytes skipped first (binary and text). */
CNP_API cnp_status cnp_io_fromfile(const char* path, const cnp_dtype* dtype, int64_t count, const char* sep, int64_t offset, cnp_array** out);
CNP_API cnp_status cnp_io_fromfile_fd(int32_t fd, const cnp_dtype* dtype, int64_t count, const char* sep, int64_t offset, cnp_array** out);
/** numpy.fromstring(data, dtype, count, sep): sep NULL or "" is numpy's deprecated binary mode
 *  (a DeprecationWarning; CNP_ERR_VALUE "string size must be a multiple of element size"). */
CNP_API cnp_status cnp_io_fromstring(const void* data, int64_t size, const cnp_dtype* dtype, int64_t count, const char* sep, cnp_array** out);

/* CNP_DECLS_END */

#ifdef __cplusplus
}
#endif

#endif
