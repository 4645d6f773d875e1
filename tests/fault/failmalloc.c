/* An LD_PRELOAD allocator shim for fault injection from Python (issue 18,
 * tests/fault/test_python_faults.py): makes the Nth heap allocation made on behalf of libcnumpy
 * fail, while the Python interpreter's own allocations always succeed.
 *
 * "On behalf of libcnumpy" means: a return address of libcnumpy's code is on the calling stack
 * (checked with backtrace() only while armed), so the library's own allocations, libstdc++'s
 * operator new, LAPACKE, OpenBLAS and FFTW called from the library all count, and the
 * interpreter's allocations between the Python wrapper and the C call do not (they would turn the
 * test into a test of CPython). Control, through ctypes:
 *   void failmalloc_arm(const char* library_substring, long long n)  n = 0: count only
 *   long long failmalloc_disarm(void)    allocations counted since arming
 *   long long failmalloc_refused(void)   allocations refused since arming
 * malloc, calloc, realloc, posix_memalign, aligned_alloc, memalign and valloc forward to glibc's
 * __libc_* entry points. */
#define _GNU_SOURCE
#include <errno.h>
#include <execinfo.h>
#include <link.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

void* __libc_malloc(size_t);
void* __libc_calloc(size_t, size_t);
void* __libc_realloc(void*, size_t);
void* __libc_memalign(size_t, size_t);

#define MAX_RANGES 8
static uintptr_t g_lo[MAX_RANGES], g_hi[MAX_RANGES];
static int g_nranges;
static const char* g_substring;
static volatile int g_armed;
static long long g_fail_at;
static long long g_count;   /* atomics below: the library's worker threads allocate too */
static long long g_refused;
static __thread int t_inside; /* backtrace() may allocate the first time: no recursion */

static int find_ranges(struct dl_phdr_info* info, size_t size, void* data) {
    (void)size;
    (void)data;
    if (!info->dlpi_name || !strstr(info->dlpi_name, g_substring)) return 0;
    for (int i = 0; i < info->dlpi_phnum && g_nranges < MAX_RANGES; ++i) {
        const ElfW(Phdr)* ph = &info->dlpi_phdr[i];
        if (ph->p_type == PT_LOAD && (ph->p_flags & PF_X)) {
            g_lo[g_nranges] = info->dlpi_addr + ph->p_vaddr;
            g_hi[g_nranges] = g_lo[g_nranges] + ph->p_memsz;
            ++g_nranges;
        }
    }
    return 0;
}

void failmalloc_arm(const char* library_substring, long long n) {
    void* warm[4];
    t_inside = 1;
    backtrace(warm, 4); /* loads libgcc_s now, not inside an armed malloc */
    t_inside = 0;
    g_substring = library_substring;
    g_nranges = 0;
    dl_iterate_phdr(find_ranges, NULL);
    __atomic_store_n(&g_count, 0, __ATOMIC_SEQ_CST);
    __atomic_store_n(&g_refused, 0, __ATOMIC_SEQ_CST);
    __atomic_store_n(&g_fail_at, n, __ATOMIC_SEQ_CST);
    __atomic_store_n(&g_armed, g_nranges > 0, __ATOMIC_SEQ_CST);
}

long long failmalloc_disarm(void) {
    __atomic_store_n(&g_armed, 0, __ATOMIC_SEQ_CST);
    return __atomic_load_n(&g_count, __ATOMIC_SEQ_CST);
}

long long failmalloc_refused(void) { return __atomic_load_n(&g_refused, __ATOMIC_SEQ_CST); }

static int from_library(void) {
    void* frames[64];
    int n;
    t_inside = 1;
    n = backtrace(frames, 64);
    t_inside = 0;
    for (int i = 0; i < n; ++i) {
        const uintptr_t pc = (uintptr_t)frames[i];
        for (int r = 0; r < g_nranges; ++r)
            if (pc >= g_lo[r] && pc < g_hi[r]) return 1;
    }
    return 0;
}

/* 1: this allocation fails. */
static int refuse(void) {
    long long k;
    if (!__atomic_load_n(&g_armed, __ATOMIC_RELAXED) || t_inside || !from_library()) return 0;
    k = __atomic_add_fetch(&g_count, 1, __ATOMIC_SEQ_CST);
    if (k != __atomic_load_n(&g_fail_at, __ATOMIC_RELAXED)) return 0;
    __atomic_add_fetch(&g_refused, 1, __ATOMIC_SEQ_CST);
    errno = ENOMEM;
    return 1;
}

void* malloc(size_t n) { return refuse() ? NULL : __libc_malloc(n); }
void* calloc(size_t a, size_t b) { return refuse() ? NULL : __libc_calloc(a, b); }
void* realloc(void* p, size_t n) {
    if (p && n == 0) return __libc_realloc(p, n);
    return refuse() ? NULL : __libc_realloc(p, n);
}
void* memalign(size_t align, size_t n) { return refuse() ? NULL : __libc_memalign(align, n); }
void* aligned_alloc(size_t align, size_t n) { return refuse() ? NULL : __libc_memalign(align, n); }
void* valloc(size_t n) { return refuse() ? NULL : __libc_memalign(4096, n); }
int posix_memalign(void** out, size_t align, size_t n) {
    void* p;
    if (align % sizeof(void*) != 0 || (align & (align - 1)) != 0) return EINVAL;
    if (refuse()) return ENOMEM;
    p = __libc_memalign(align, n);
    if (!p) return ENOMEM;
    *out = p;
    return 0;
}
