/* cnumpy: NumPy's API as a C library. Include this one header. */
#ifndef CNUMPY_H
#define CNUMPY_H
#include "cnumpy/core.h"
#include "cnumpy/ufunc.h"
#include "cnumpy/reduce.h"
#include "cnumpy/fft.h"
#include "cnumpy/statistics.h"
#include "cnumpy/audio.h"
#include "cnumpy/print.h"
#include "cnumpy/interop.h"
#include "cnumpy/linalg.h"
#include "cnumpy/manip.h"
#include "cnumpy/sort.h"
#endif
