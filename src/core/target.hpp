// How a function is compiled for several x86-64 ISAs (docs/architecture.md, "SIMD dispatch"):
// CNP_TARGET_CLONES makes GCC emit an AVX-512, an AVX2 and a baseline (SSE2) copy and pick one
// once at load time (an ifunc). It is the rule for new code: one macro, one ISA list, no per-ISA
// files. The clones must compute the same operations in the same order (no FMA contraction, see
// -ffp-contract=off), so results are bit-identical whichever copy runs; and no vector value may
// cross an out-of-line call inside clone code, since the clones' by-value vector ABIs differ.
// Elsewhere (other compilers or architectures) it expands to nothing: one portable copy.
// Under ThreadSanitizer it also expands to nothing: target_clones dispatches through IFUNC
// resolvers, which the dynamic loader runs before TSan's runtime is initialised (the instrumented
// resolver segfaults at load time). The baseline copy is then the only one, and the other dispatch
// (CNP_CPU_HAS below: a run-time check and a plain call) is unaffected.
#pragma once

#if defined(__SANITIZE_THREAD__)
#define CNP_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define CNP_TSAN 1
#endif
#endif

// clang (14) cannot clone function templates (and the clones are for speed, which a clang build,
// used for coverage-guided fuzzing, does not need): one copy there too.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && !defined(CNP_TSAN)
#define CNP_TARGET_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define CNP_TARGET_CLONES
#endif

// The one exception, for code written with one extension's intrinsics that the clones cannot
// express, and whose use is a run-time choice of its own (docs/architecture.md lists each):
// CNP_TARGET_ISA("fma") compiles one function for that extension, and CNP_CPU_HAS("fma") is the
// check its caller makes before picking it (GCC's __builtin_cpu_supports, which also checks that
// the OS saves the wider registers). Defined on x86-64 GCC only (CNP_HAVE_TARGET_ISA): elsewhere
// the portable code is the only copy (clang 14's __builtin_cpu_supports does not know "f16c";
// clang builds are for fuzzing, not speed).
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define CNP_HAVE_TARGET_ISA 1
#define CNP_TARGET_ISA(isa) __attribute__((target(isa)))
#define CNP_CPU_HAS(isa) (__builtin_cpu_init(), __builtin_cpu_supports(isa) != 0)
#endif
