/* cnumpy: NumPy's API as a C library. Include this one header.
 *
 * Reading order: core.h (conventions, status codes, dtypes, array handles, creation, views),
 * indexing.h, ufunc.h, reduce.h, statistics.h, manip.h, linalg.h, fft.h, print.h, interop.h,
 * sort.h, numeric.h, polynomial.h, random.h;
 * then the extensions (audio.h, queue.h). docs/api-conventions.md describes the conventions all of them share.
 *
 * Each function's comment gives its NumPy equivalent, its errors (a cnp_status and NumPy's
 * message, as cnp_last_error returns it) and who owns what it returns (a header's opening comment
 * states what all of its functions share: e.g. every array handed out is a new reference the
 * caller frees with cnp_array_free; borrowed pointers say so).
 *
 * Versions: every function appeared in ABI 0 (cnumpy 0.1, libcnumpy.so.0) unless its comment, or
 * its header's opening comment, says "ABI 1" (sort.h, numeric.h, polynomial.h, random.h, queue.h,
 * cnp_ufunc_count, cnp_ufunc_info_at). ABI 1
 * changed some signatures; docs/changelog.md lists them. */
#ifndef CNUMPY_H
#define CNUMPY_H

/* ---- NumPy's API ------------------------------------------------------------------------- */
#include "cnumpy/core.h"
#include "cnumpy/indexing.h"
#include "cnumpy/ufunc.h"
#include "cnumpy/reduce.h"
#include "cnumpy/statistics.h"
#include "cnumpy/manip.h"
#include "cnumpy/linalg.h"
#include "cnumpy/fft.h"
#include "cnumpy/print.h"
#include "cnumpy/interop.h"
#include "cnumpy/sort.h"
#include "cnumpy/datetime.h"
#include "cnumpy/numeric.h"
#include "cnumpy/polynomial.h"
#include "cnumpy/random.h"
#include "cnumpy/char.h"
#include "cnumpy/io.h"
#include "cnumpy/textio.h"

/* ---- cnumpy extensions: not part of NumPy ------------------------------------------------ */
#include "cnumpy/audio.h"   /* cnp_audio_*: resampling, loudness, normalisation */
#include "cnumpy/queue.h"   /* cnp_queue_*: SPSC record queue read as arrays without copying */

#endif
