/* cnumpy: the export macro and version numbers. Kept apart from the declaration headers so those
 * stay free of preprocessor logic (the Python bindings parse them). */
#ifndef CNUMPY_EXPORT_H
#define CNUMPY_EXPORT_H

#if defined(_WIN32)
#  if defined(CNUMPY_BUILDING)
#    define CNP_API __declspec(dllexport)
#  else
#    define CNP_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__)
#  define CNP_API __attribute__((visibility("default")))
#else
#  define CNP_API
#endif

#define CNP_VERSION_MAJOR 0
#define CNP_VERSION_MINOR 1
#define CNP_VERSION_PATCH 0
#define CNP_VERSION_NUMBER (CNP_VERSION_MAJOR * 10000 + CNP_VERSION_MINOR * 100 + CNP_VERSION_PATCH)
/* The ABI number: the SONAME is libcnumpy.so.<CNP_ABI_VERSION>; bindings check it at load time. */
#define CNP_ABI_VERSION 1

#endif
