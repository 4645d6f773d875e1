/* cnumpy: NumPy's API as a C library. Include this one header.
 *
 * Reading order: core.h (conventions, status codes, dtypes, array handles, creation, views),
 * indexing.h, ufunc.h, reduce.h, statistics.h, manip.h, linalg.h, fft.h, print.h, interop.h,
 * sort.h, numeric.h, polynomial.h, random.h;
 * then the extensions. docs/api-conventions.md describes the conventions all of them share. */
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
#include "cnumpy/numeric.h"
#include "cnumpy/polynomial.h"
#include "cnumpy/random.h"

/* ---- cnumpy extensions: not part of NumPy ------------------------------------------------ */
#include "cnumpy/audio.h"   /* cnp_audio_*: resampling, loudness, normalisation */

#endif
