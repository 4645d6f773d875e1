# Debian packages with CPack: `cpack -G DEB` in the build folder writes
#   libcnumpy<ABI>   the shared library (Depends computed by dpkg-shlibdeps: OpenBLAS, LAPACKE,
#                    FFTW3, SLEEF, libc, libstdc++ ... the runtime packages of what it links)
#   libcnumpy-dev    headers, the libcnumpy.so link, cnumpy.pc, the CMake package
#   python3-cnumpy   the Python package (its own copy of the headers, _speedups when built)
# installed under /usr. `apt-get install ./libcnumpy1_*.deb ./python3-cnumpy_*.deb` then works on a
# machine that never built cnumpy (tools/fresh_check.sh checks it in a clean Debian root).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME cnumpy)
set(CPACK_PACKAGE_VENDOR "cnumpy")
set(CPACK_PACKAGE_CONTACT "cnumpy developers <cnumpy-dev@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "NumPy's API as a C library with a flat C ABI")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_ENABLE_COMPONENT_DEPENDS ON)     # dev and python depend on the exact library

set(CPACK_COMPONENTS_ALL lib dev)
if(CNUMPY_INSTALL_PYTHON)
  list(APPEND CPACK_COMPONENTS_ALL python)
endif()

set(CPACK_DEBIAN_LIB_PACKAGE_NAME libcnumpy${CNUMPY_ABI_VERSION})
set(CPACK_DEBIAN_LIB_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_LIB_PACKAGE_SHLIBDEPS ON)
# Highway's vqsort is dlopen'ed (src/sort/kernels.cpp), so shlibdeps cannot see it; without it
# sorting falls back to std::sort.
set(CPACK_DEBIAN_LIB_PACKAGE_RECOMMENDS "libhwy1")
set(CPACK_COMPONENT_LIB_DESCRIPTION "NumPy's API as a C library: shared library
 N-d strided arrays, NumPy's dtypes, casting and ufuncs, reductions and statistics, shape
 manipulation and indexing, linalg (OpenBLAS/LAPACKE), fft (FFTW3), NumPy's printing, DLPack.")

set(CPACK_DEBIAN_DEV_PACKAGE_NAME libcnumpy-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_COMPONENT_DEV_DEPENDS lib)
set(CPACK_COMPONENT_DEV_DESCRIPTION "NumPy's API as a C library: development files
 C headers, pkg-config file (cnumpy.pc) and CMake package (find_package(cnumpy)).")

set(CPACK_DEBIAN_PYTHON_PACKAGE_NAME python3-cnumpy)
set(CPACK_DEBIAN_PYTHON_PACKAGE_SECTION python)
set(CPACK_DEBIAN_PYTHON_PACKAGE_SHLIBDEPS ON)     # the optional _speedups extension
set(CPACK_DEBIAN_PYTHON_PACKAGE_DEPENDS "python3 (>= 3.9)")
set(CPACK_COMPONENT_PYTHON_DEPENDS lib)
set(CPACK_COMPONENT_PYTHON_DESCRIPTION "NumPy's API as a C library: Python bindings
 The cnumpy package (ctypes by default, cffi optional) over libcnumpy; imports no NumPy.")

include(CPack)
