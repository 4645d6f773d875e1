// The C ABI under extreme arguments (issue 18), generated from the public headers.
//
// tests/abi/gen_abi_sweep.py reads the declaration blocks of include/cnumpy/*.h (as the Python
// package and tools/check_exports do) and writes a table of every function returning cnp_status
// with the kind of each parameter; a function added to a header is swept without being listed
// here. For each function this program makes a baseline call with small valid arguments, then
// changes one parameter at a time to extreme values:
//   - integers: INT64_MIN, INT64_MIN+1, -2**62, -2, -1, 0, 1, 2, 33, 2**32+1, 2**62, INT64_MAX-1,
//     INT64_MAX (the int32 limits for int32_t);
//   - shapes, strides, axes and other int64 tuples: contents such as {0, 2**62, 2**62},
//     {1<<62, 8}, {INT64_MIN}, {2**59, 0}, with their count, and counts from INT32_MIN to 40;
//   - arrays: NULL, 0-size arrays with huge partners ((0, 2**59), (2**59, 0) float64, (0, 2**62)
//     int8), 0-d, reversed (negative strides), int64 and complex128;
//   - doubles (NaN, +-inf, 1e-300, 1e308, -1), strings, dtypes, scalars, ufunc options.
// Every call must return a known status other than CNP_ERR_INTERNAL (no crash, no hang, and
// under ASan/UBSan no report: tools/test_all.sh runs this in the sanitizer build too), and keep
// the header's promises (docs/api-conventions.md):
//   - on failure, handle and pointer out-parameters are NULL, value out-parameters untouched
//     (caller-sized result arrays, cnp_gradient's, not written at all);
//   - const array inputs are never modified;
//   - "-1 and only -1 means not given": an integer parameter documented as "x -1 means ..."
//     accepts -1 (with otherwise valid arguments) and rejects -2 and INT_MIN.
// Results of successful calls are released; LeakSanitizer checks that failures leak nothing.
#include "cnumpy/cnumpy.h"

#include <cmath>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

enum Kind {
    K_I64, K_I32, K_F64, K_CARR, K_MARR, K_ALIST, K_OUT_HANDLE, K_DTYPE, K_DLIST, K_BITGEN,
    K_RESAMPLER, K_VEC, K_DVEC, K_STR, K_SLIST, K_OUT_STRING, K_OUT_PTR, K_OUT_SCALAR,
    K_UFUNC_ARGS, K_CBUF, K_SCALAR, K_QUEUE, K_NULL
};
struct ParamInfo {
    Kind kind;
    const char* name;
    int pair;          // index of the count parameter of a pointer parameter, or -1
    int optional;      // documented "-1 means not given" (integers)
    void (*free_fn)(void*);
};
enum { F_CALLER_MEMORY = 1, F_UNTOUCHED_ON_FAILURE = 2 };
struct Slot {
    void* p;
    int64_t i;
    double d;
};
struct FunctionInfo {
    const char* name;
    const ParamInfo* params;
    int nparams;
    cnp_status (*call)(Slot*);
    int flags;
};

#include "abi_sweep_table.inc"

constexpr int64_t I64_MIN = std::numeric_limits<int64_t>::min();
constexpr int64_t I64_MAX = std::numeric_limits<int64_t>::max();
constexpr int64_t I32_MIN = std::numeric_limits<int32_t>::min();
constexpr int64_t I32_MAX = std::numeric_limits<int32_t>::max();
// 2**32+1: a valid count whose int32 truncation is 1, and a request of 4-32 GiB, refused as
// CNP_ERR_MEMORY under the 4 GiB address-space cap. Not under ASan: its operator new cannot throw
// std::bad_alloc and aborts the process on any refused request (allocator_may_return_null covers
// malloc only), so a std::vector of a valid but huge size would end the sweep there.
#if defined(__SANITIZE_ADDRESS__)
constexpr int64_t kHugeValid = 0;
#else
constexpr int64_t kHugeValid = (int64_t{1} << 32) + 1;
#endif
constexpr int LIST = 40;          // every list argument has this many valid entries
constexpr int CELLS = 64;         // out-parameter cells (caller-sized result arrays fit)
constexpr size_t OUTBUF = 4096;   // value out-parameters and input buffers
void* const SENTINEL = reinterpret_cast<void*>(uintptr_t{0xD1});
constexpr unsigned char FILL = 0xA5;

// Each function is swept in a child process (a crash names its call and the sweep goes on); what
// the parent reads afterwards lives in shared memory.
struct Shared {
    char last_call[512];
    long calls;
    long baseline_ok;
    long optional_checked;
};
Shared* shared = nullptr;
int failures = 0;
bool verbose = false;       // ABI_SWEEP_VERBOSE=1: print each call and its status
const char* current = "";   // for the watchdog's message
std::string current_case;

// Findings of the sweep that are still open, each tracked in its
// issue: reported as KNOWN (not counted) until fixed; remove the line with the fix.
const char* known_finding(const char* name) {
    static const struct { const char* fn; const char* why; } kKnown[] = {
        // None open now; the form of an entry:
        // {"cnp_function", "issue N: what the sweep found"},
        {nullptr, nullptr},
    };
    for (const auto& k : kKnown)
        if (k.fn && std::strcmp(k.fn, name) == 0) return k.why;
    return nullptr;
}

void fail(const std::string& what) {
    if (++failures <= 200) std::fprintf(stderr, "FAIL: %s\n", what.c_str());
}

void on_alarm(int) {
    static const char msg[] = "abi_sweep: a call did not return within 60 s (hang): ";
    (void)!write(2, msg, sizeof msg - 1);
    (void)!write(2, current, std::strlen(current));
    (void)!write(2, "\n", 1);
    _exit(3);
}

// Arguments: the status and the address of the result (read after the call has run).
cnp_array* must(cnp_status st, cnp_array** a, const char* what) {
    if (st != CNP_OK || !*a) {
        std::fprintf(stderr, "abi_sweep: fixture %s failed: status %d %s\n", what, int(st), cnp_last_error());
        std::exit(2);
    }
    return *a;
}

cnp_dtype* dtype_of(int32_t typenum) {
    cnp_dtype* d = nullptr;
    if (cnp_dtype_from_typenum(typenum, &d) != CNP_OK) std::exit(2);
    return d;
}

cnp_array* filled(int32_t ndim, const int64_t* shape, int32_t typenum) {
    cnp_dtype* d = dtype_of(typenum);
    cnp_array* a = nullptr;
    must(cnp_zeros(ndim, shape, d, CNP_ORDER_C, &a), &a, "zeros");
    cnp_dtype_free(d);
    void* data = nullptr;
    int64_t nbytes = 0;
    cnp_array_data(a, &data);
    cnp_array_nbytes(a, &nbytes);
    auto* bytes = static_cast<unsigned char*>(data);
    for (int64_t k = 0; k < nbytes; ++k) bytes[k] = static_cast<unsigned char>(0x3F + 7 * k);
    if (typenum == CNP_FLOAT64 || typenum == CNP_COMPLEX128)   // small finite values
        for (int64_t k = 0; k < nbytes / 8; ++k) static_cast<double*>(data)[k] = 0.5 * double(k) + 0.25;
    return a;
}

// The inputs every call shares (const: must never change) and the mutable ones (out_array,
// in-place targets: each kind its own object).
struct Fixtures {
    cnp_array* a = nullptr;            // 2x3 float64: the default array argument
    cnp_array* bases[3] = {};          // defaults tried for a baseline: 2x3 float64, 2x3 int64, 3x3 float64
    std::vector<cnp_array*> variants;  // extreme array inputs (NULL first)
    std::vector<cnp_array*> checked;   // inputs whose bytes must never change
    std::vector<std::vector<unsigned char>> snapshot;
    std::vector<cnp_array*> mutables;  // variants for cnp_array* parameters (NULL first)
    cnp_array* m = nullptr;
    std::vector<cnp_dtype*> dtypes;    // NULL first
    cnp_dtype* f64 = nullptr;
    cnp_bitgen* g = nullptr;
    cnp_audio_resampler* r = nullptr;
    cnp_queue* q = nullptr;            // float64 records, 8 of them ready (each child has its copy)
};
// Never destroyed: a child process exits with the fixtures still reachable from here, so that
// LeakSanitizer reports only what the calls leaked.
Fixtures& fx = *new Fixtures;

std::vector<unsigned char> bytes_of(const cnp_array* a) {
    void* data = nullptr;
    int64_t n = 0;
    cnp_array_data(a, &data);
    cnp_array_nbytes(a, &n);
    auto* p = static_cast<unsigned char*>(data);
    return std::vector<unsigned char>(p, p + n);
}

void make_fixtures() {
    const int64_t s23[] = {2, 3};
    fx.a = filled(2, s23, CNP_FLOAT64);
    cnp_array* a0d = filled(0, nullptr, CNP_FLOAT64);
    cnp_array* ai = filled(2, s23, CNP_INT64);
    cnp_array* ac = filled(2, s23, CNP_COMPLEX128);
    cnp_array* rev = nullptr;
    cnp_index flip[2] = {};                              // a[::-1, ::-1]: negative strides
    for (auto& it : flip) {
        it.kind = CNP_INDEX_SLICE;
        it.flags = CNP_SLICE_HAS_STEP;
        it.step = -1;
    }
    must(cnp_array_index(fx.a, 2, flip, &rev), &rev, "a[::-1, ::-1]");
    const int64_t e1[] = {0, int64_t{1} << 59}, e2[] = {int64_t{1} << 59, 0}, e3[] = {0, int64_t{1} << 62};
    cnp_array *z1 = nullptr, *z2 = nullptr, *z3 = nullptr;
    cnp_dtype* i8 = dtype_of(CNP_INT8);
    must(cnp_zeros(2, e1, nullptr, CNP_ORDER_C, &z1), &z1, "zeros (0, 2**59)");
    must(cnp_zeros(2, e2, nullptr, CNP_ORDER_C, &z2), &z2, "zeros (2**59, 0)");
    must(cnp_zeros(2, e3, i8, CNP_ORDER_C, &z3), &z3, "zeros int8 (0, 2**62)");
    const int64_t s33[] = {3, 3};
    cnp_array* sq = filled(2, s33, CNP_FLOAT64);   // invertible, symmetric positive definite
    void* sqd = nullptr;
    cnp_array_data(sq, &sqd);
    for (int k = 0; k < 9; ++k) static_cast<double*>(sqd)[k] = k % 4 == 0 ? 4.0 : 0.5;
    fx.bases[0] = fx.a;
    fx.bases[1] = ai;
    fx.bases[2] = sq;
    fx.variants = {nullptr, z1, z2, z3, a0d, rev, ai, ac};
    fx.checked = {fx.a, a0d, ai, ac, sq};
    for (auto* c : fx.checked) fx.snapshot.push_back(bytes_of(c));

    fx.m = filled(2, s23, CNP_FLOAT64);
    cnp_array *m1 = nullptr, *m2 = nullptr;
    must(cnp_zeros(2, e1, nullptr, CNP_ORDER_C, &m1), &m1, "zeros");
    must(cnp_zeros(2, e2, nullptr, CNP_ORDER_C, &m2), &m2, "zeros");
    fx.mutables = {nullptr, fx.m, m1, m2, filled(0, nullptr, CNP_FLOAT64), filled(2, s23, CNP_INT64)};

    fx.f64 = dtype_of(CNP_FLOAT64);
    fx.dtypes = {nullptr, fx.f64, i8, dtype_of(CNP_COMPLEX128), dtype_of(CNP_BOOL)};
    if (cnp_bitgen_from_seed(CNP_BITGEN_PCG64, 1, &fx.g) != CNP_OK) std::exit(2);
    if (cnp_queue_create(fx.f64, 64, 0, &fx.q) != CNP_OK) std::exit(2);
    const double records[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    int64_t pushed = 0;
    if (cnp_queue_push_many(fx.q, records, 8, 0.0, &pushed) != CNP_OK || pushed != 8) std::exit(2);
    if (cnp_audio_resampler_create(48000, 44100, 1, CNP_FLOAT64, 0, 0, &fx.r) != CNP_OK) {
        std::fprintf(stderr, "abi_sweep: resampler fixture: %s\n", cnp_last_error());
        std::exit(2);
    }
}

// The most parameters a swept function may have (cnp_loadtxt_lines has 17).
constexpr int kMaxParams = 20;
// Storage behind one call's pointer arguments.
struct Storage {
    std::vector<cnp_array*> cells[kMaxParams];
    std::vector<const cnp_array*> alist[kMaxParams];
    std::vector<const cnp_dtype*> dlist[kMaxParams];
    std::vector<const char*> slist[kMaxParams];
    std::vector<int64_t> vec[kMaxParams];
    std::vector<double> dvec[kMaxParams];
    std::vector<unsigned char> buf[kMaxParams];
    cnp_scalar scalar[kMaxParams];
    cnp_ufunc_args uargs[kMaxParams];
    std::string str[kMaxParams];
};

std::vector<std::string> names_storage;

// Array parameters given as NULL ("not given") in the defaults: found per function by sweep()
// (optional arrays such as where=, initial=, weights= make the baseline fail when given a 2x3).
uint32_t null_arrays = 0;
// The baseline's configuration (found by sweep()): which array is the default, whether dtype
// parameters are given (float64) and whether strings get their name's default.
int base_index = 0;
bool dtype_given = false;

// Strings a baseline can succeed with, by parameter name (NULL otherwise).
const char* default_string(const char* name) {
    if (std::strcmp(name, "subscripts") == 0) return "ij->i";
    if (std::strcmp(name, "name") == 0) return "add";
    if (std::strcmp(name, "method") == 0) return "random";
    if (std::strcmp(name, "spec") == 0) return "f8";
    return nullptr;
}

bool is_timeout(const ParamInfo& p) { return std::strstr(p.name, "timeout") != nullptr; }

// Default (valid, small) arguments.
void defaults(const FunctionInfo& f, Slot* s, Storage& st) {
    for (int i = 0; i < f.nparams; ++i) {
        const ParamInfo& p = f.params[i];
        s[i] = Slot{nullptr, 0, 1.0};
        switch (p.kind) {
        case K_I64: s[i].i = 1; break;
        case K_I32: s[i].i = 0; break;
        case K_F64: s[i].d = is_timeout(p) ? 0.0 : 1.0; break;   // never wait by default
        case K_CARR: s[i].p = fx.bases[base_index]; break;
        case K_DTYPE: s[i].p = dtype_given ? fx.f64 : nullptr; break;
        case K_STR: s[i].p = const_cast<char*>(default_string(p.name)); break;
        // NumPy's out= is optional: not given by default; other mutable arrays (in-place
        // targets) are a 2x3 float64.
        case K_MARR: s[i].p = std::strcmp(p.name, "out_array") == 0 ? nullptr : fx.m; break;
        case K_ALIST: st.alist[i].assign(LIST, fx.bases[base_index]); s[i].p = st.alist[i].data(); break;
        case K_DLIST: st.dlist[i].assign(LIST, fx.f64); s[i].p = st.dlist[i].data(); break;
        case K_SLIST:
            if (std::strcmp(p.name, "titles") == 0) break;   // no titles (names are the defaults)
            st.slist[i].clear();
            for (int k = 0; k < LIST; ++k) st.slist[i].push_back(names_storage[k].c_str());
            s[i].p = st.slist[i].data();
            break;
        case K_OUT_HANDLE: case K_OUT_STRING: case K_OUT_PTR:
            st.cells[i].assign(CELLS, static_cast<cnp_array*>(SENTINEL));
            s[i].p = st.cells[i].data();
            break;
        case K_OUT_SCALAR: st.buf[i].assign(OUTBUF, FILL); s[i].p = st.buf[i].data(); break;
        case K_CBUF: st.buf[i].assign(OUTBUF, 0); s[i].p = st.buf[i].data(); break;
        case K_BITGEN: s[i].p = fx.g; break;
        case K_RESAMPLER: s[i].p = fx.r; break;
        case K_QUEUE: s[i].p = fx.q; break;
        case K_SCALAR:
            st.scalar[i] = cnp_scalar{};
            st.scalar[i].typenum = CNP_INT64;
            st.scalar[i].value.i = 3;
            s[i].p = &st.scalar[i];
            break;
        default: break;   // NULL: not given (dtype, axis, strings, ufunc options, queues...)
        }
    }
    for (int i = 0; i < f.nparams; ++i)
        if (null_arrays & (1u << i)) s[i].p = nullptr;
    // Counts: 1 when they count a list that has entries, 0 when their pointers are NULL.
    for (int i = 0; i < f.nparams; ++i) {
        const ParamInfo& p = f.params[i];
        if (p.pair < 0) continue;
        bool list = p.kind == K_ALIST || p.kind == K_DLIST || p.kind == K_SLIST;
        if (list) s[p.pair].i = 1;
        else if (s[p.pair].i != 1) s[p.pair].i = 0;
    }
}

bool is_count(const FunctionInfo& f, int j) {
    for (int i = 0; i < f.nparams; ++i)
        if (f.params[i].pair == j) return true;
    return false;
}

// One call and the checks of its promises. Returns the status.
cnp_status run(const FunctionInfo& f, Slot* s, Storage& st, const std::string& what) {
    current_case = std::string(f.name) + " " + what;
    current = current_case.c_str();
    std::snprintf(shared->last_call, sizeof shared->last_call, "%s", current);
    ++shared->calls;
    if (verbose) std::fprintf(stderr, "%s", current);
    alarm(60);
    cnp_status status = f.call(s);
    alarm(0);
    if (verbose) std::fprintf(stderr, " -> %s %s\n", cnp_status_name(status), status ? cnp_last_error() : "");
    if (status == CNP_ERR_INTERNAL || std::strcmp(cnp_status_name(status), "CNP_UNKNOWN") == 0)
        fail(current_case + ": status " + std::to_string(status) + " (" + cnp_last_error() + ")");
    for (int i = 0; i < f.nparams; ++i) {
        const ParamInfo& p = f.params[i];
        if (p.kind == K_OUT_HANDLE || p.kind == K_OUT_STRING || p.kind == K_OUT_PTR) {
            auto& cells = st.cells[i];
            if (status != CNP_OK) {
                bool untouched_all = (f.flags & F_UNTOUCHED_ON_FAILURE) != 0;
                for (int k = 0; k < CELLS; ++k) {
                    void* want = (k == 0 && !untouched_all) ? nullptr : SENTINEL;
                    if (static_cast<void*>(cells[k]) != want) {
                        fail(current_case + ": out-parameter " + p.name + "[" + std::to_string(k) +
                             "] " + (want ? "written" : "not NULL") + " after failure (status " +
                             std::to_string(status) + ")");
                        break;
                    }
                }
            } else if (p.free_fn) {
                for (int k = 0; k < CELLS; ++k)
                    if (cells[k] && static_cast<void*>(cells[k]) != SENTINEL) p.free_fn(cells[k]);
            }
            cells.assign(CELLS, static_cast<cnp_array*>(SENTINEL));
        } else if (p.kind == K_OUT_SCALAR) {
            auto& b = st.buf[i];
            if (status != CNP_OK) {
                for (size_t k = 0; k < OUTBUF; ++k)
                    if (b[k] != FILL) {
                        fail(current_case + ": value out-parameter " + p.name + " written after failure (status " +
                             std::to_string(status) + ")");
                        break;
                    }
            }
            b.assign(OUTBUF, FILL);
        }
    }
    for (size_t k = 0; k < fx.checked.size(); ++k)
        if (bytes_of(fx.checked[k]) != fx.snapshot[k]) {
            fail(current_case + ": a const input array was modified");
            fx.snapshot[k] = bytes_of(fx.checked[k]);
        }
    return status;
}

std::string arg_text(int64_t v) {
    if (v == I64_MIN) return "INT64_MIN";
    if (v == I64_MAX) return "INT64_MAX";
    if (v == I32_MIN) return "INT32_MIN";
    if (v == I32_MAX) return "INT32_MAX";
    return std::to_string(v);
}

const std::vector<std::vector<int64_t>>& vector_contents() {
    const int64_t p62 = int64_t{1} << 62, p59 = int64_t{1} << 59, p31 = int64_t{1} << 31;
    static const std::vector<std::vector<int64_t>> v = {
        {I64_MIN}, {I64_MAX}, {p62}, {-2}, {-1}, {0}, {I64_MIN + 1},
        {0, p62, p62}, {p62, p62, 0}, {0, p59}, {p59, 0}, {p62, 4}, {p62, 8}, {I64_MAX, I64_MAX},
        {I64_MIN, 0}, {-1, -1}, {0, 0}, {1, -2}, {p31, p31}, {int64_t{1} << 21, int64_t{1} << 21, int64_t{1} << 21},
        {-p62, 8}, {2, I64_MAX}, {I64_MAX, -1}};
    return v;
}

void sweep(const FunctionInfo& f) {
    Slot s[kMaxParams];
    Storage st;
    if (f.nparams > kMaxParams) {
        fail(std::string(f.name) + ": more than " + std::to_string(kMaxParams) + " parameters (raise the limit)");
        return;
    }
    // The baseline: small valid arguments. Tried with each default array (float64, int64, a
    // square matrix) and without and with dtypes; when it fails, optional arrays are left out,
    // last first, until the call succeeds.
    cnp_status base = CNP_ERR_VALUE;
    for (int config = 0; config < 6 && base != CNP_OK; ++config) {
        base_index = config / 2;
        dtype_given = config % 2 == 1;
        null_arrays = 0;
        defaults(f, s, st);
        base = run(f, s, st, "(defaults " + std::to_string(config) + ")");
        for (int i = f.nparams - 1; i >= 0 && base != CNP_OK; --i) {
            if (f.params[i].kind != K_CARR && f.params[i].kind != K_MARR) continue;
            null_arrays |= 1u << i;
            defaults(f, s, st);
            base = run(f, s, st, "(defaults " + std::to_string(config) + ", " + f.params[i].name + "=NULL)");
        }
    }
    if (base == CNP_OK) {
        ++shared->baseline_ok;
    } else {
        base_index = 0;
        dtype_given = false;
        null_arrays = 0;
    }

    for (int i = 0; i < f.nparams; ++i) {
        const ParamInfo& p = f.params[i];
        auto redo = [&]() { defaults(f, s, st); };
        auto label = [&](const std::string& v) { return std::string(p.name) + "=" + v; };
        switch (p.kind) {
        case K_I64: case K_I32: {
            bool wide = p.kind == K_I64;
            std::vector<int64_t> values = wide
                ? std::vector<int64_t>{I64_MIN, I64_MIN + 1, -(int64_t{1} << 62), I32_MIN, -2, -1, 0, 1, 2, 33,
                                       kHugeValid, int64_t{1} << 62, I64_MAX - 1, I64_MAX}
                : std::vector<int64_t>{I32_MIN, I32_MIN + 1, -2, -1, 0, 1, 2, 33, 40, I32_MAX};
            bool count = is_count(f, i);
            for (int64_t v : values) {
                redo();
                if (count) {
                    // A count beyond the lists' entries would make the caller's mistake: give
                    // NULL pointers then; otherwise the pointers hold LIST valid entries.
                    for (int j = 0; j < f.nparams; ++j) {
                        if (f.params[j].pair != i) continue;
                        if (v > (f.params[j].kind == K_CBUF ? static_cast<int64_t>(OUTBUF) : LIST)) {
                            s[j].p = nullptr;
                        } else if (f.params[j].kind == K_VEC) {
                            st.vec[j].assign(LIST, 1);
                            s[j].p = st.vec[j].data();
                        }
                    }
                }
                s[i].i = v;
                run(f, s, st, label(arg_text(v)));
            }
            if (p.optional) {
                // "-1 and only -1 means not given".
                ++shared->optional_checked;
                redo();
                s[i].i = -1;
                cnp_status none = run(f, s, st, label("-1 (not given)"));
                if (none != CNP_OK)
                    fail(std::string(f.name) + ": " + p.name + " = -1 (documented as not given) fails: " +
                         cnp_last_error());
                for (int64_t v : {int64_t{-2}, wide ? I64_MIN : I32_MIN}) {
                    redo();
                    s[i].i = v;
                    if (run(f, s, st, label(arg_text(v))) == CNP_OK)
                        fail(std::string(f.name) + ": " + p.name + " = " + arg_text(v) +
                             " accepted: only -1 means not given");
                }
            }
            break;
        }
        case K_F64:
            for (double v : {std::nan(""), HUGE_VAL, -HUGE_VAL, 0.0, -0.0, -1.0, 1e-300, 1e308}) {
                // Timeouts: a negative one means "wait without limit" (queue.h), as do huge ones.
                if (is_timeout(p) && (v < 0 || v == HUGE_VAL || v == 1e308)) continue;
                redo();
                s[i].d = v;
                run(f, s, st, label(std::to_string(v)));
            }
            break;
        case K_CARR:
            for (size_t k = 0; k < fx.variants.size(); ++k) {
                redo();
                s[i].p = fx.variants[k];
                run(f, s, st, label("array variant " + std::to_string(k)));
            }
            break;
        case K_MARR:
            for (size_t k = 0; k < fx.mutables.size(); ++k) {
                redo();
                s[i].p = fx.mutables[k];
                run(f, s, st, label("mutable variant " + std::to_string(k)));
            }
            break;
        case K_ALIST:
            for (size_t k = 0; k < fx.variants.size(); ++k) {
                redo();
                st.alist[i][0] = fx.variants[k];
                if (p.pair >= 0) s[p.pair].i = 2;
                st.alist[i][1] = fx.variants[(k + 1) % fx.variants.size()];
                run(f, s, st, label("list of variants " + std::to_string(k)));
            }
            break;
        case K_VEC: {
            const char* nm = p.name;
            if ((f.flags & F_CALLER_MEMORY) && std::strcmp(nm, "strides") == 0) break;
            for (const auto& c : vector_contents()) {
                redo();
                st.vec[i].assign(LIST, 1);
                std::copy(c.begin(), c.end(), st.vec[i].begin());
                s[i].p = st.vec[i].data();
                if (p.pair >= 0) {
                    s[p.pair].i = static_cast<int64_t>(c.size());
                    // The other tuples of the same count (shape beside strides): 2 each.
                    for (int j = 0; j < f.nparams; ++j)
                        if (j != i && f.params[j].pair == p.pair && f.params[j].kind == K_VEC) {
                            st.vec[j].assign(LIST, 2);
                            s[j].p = st.vec[j].data();
                        }
                }
                std::string text = "{";
                for (int64_t x : c) text += arg_text(x) + ",";
                run(f, s, st, label(text + "}"));
            }
            break;
        }
        case K_DVEC:
            for (double v : {std::nan(""), HUGE_VAL, -HUGE_VAL, -1e308, 0.0}) {
                redo();
                st.dvec[i].assign(LIST, v);
                s[i].p = st.dvec[i].data();
                run(f, s, st, label(std::to_string(v) + "..."));
            }
            break;
        case K_STR:
            for (const char* v : {static_cast<const char*>(nullptr), "", "\x01", "a", "i,i->i", "-1",
                                  "9223372036854775808"}) {
                redo();
                s[i].p = const_cast<char*>(v);
                run(f, s, st, label(v ? std::string("\"") + v + "\"" : std::string("NULL")));
            }
            redo();
            st.str[i].assign(5000, 'a');
            s[i].p = st.str[i].data();
            run(f, s, st, label("5000 x a"));
            break;
        case K_DTYPE:
            for (size_t k = 0; k < fx.dtypes.size(); ++k) {
                redo();
                s[i].p = fx.dtypes[k];
                run(f, s, st, label("dtype variant " + std::to_string(k)));
            }
            break;
        case K_DLIST:
            for (size_t k = 0; k < fx.dtypes.size(); ++k) {
                redo();
                st.dlist[i][0] = fx.dtypes[k];
                run(f, s, st, label("dtype list variant " + std::to_string(k)));
            }
            break;
        case K_BITGEN: case K_RESAMPLER: case K_QUEUE:
            redo();
            s[i].p = nullptr;
            run(f, s, st, label("NULL"));
            break;
        case K_SCALAR: {
            cnp_scalar vals[8] = {};
            int n = 0;
            for (int64_t v : {I64_MIN, I64_MAX, int64_t{0}}) {
                vals[n].typenum = CNP_INT64;
                vals[n++].value.i = v;
            }
            for (double v : {std::nan(""), HUGE_VAL, 1e300}) {
                vals[n].typenum = CNP_FLOAT64;
                vals[n++].value.f = v;
            }
            vals[n].typenum = -2;
            vals[n++].value.i = 1;
            for (int k = -1; k < n; ++k) {
                redo();
                if (k < 0) {
                    s[i].p = nullptr;
                } else {
                    st.scalar[i] = vals[k];
                    s[i].p = &st.scalar[i];
                }
                run(f, s, st, label("scalar variant " + std::to_string(k)));
            }
            break;
        }
        case K_UFUNC_ARGS:
            for (int k = 0; k < 7; ++k) {
                redo();
                cnp_ufunc_args& u = st.uargs[i];
                u = cnp_ufunc_args{};
                if (k == 1) u.casting = static_cast<int32_t>(I32_MIN);
                if (k == 2) u.order = static_cast<int32_t>(I32_MAX);
                if (k == 3) u.out[0] = fx.mutables[2];           // (0, 2**59)
                if (k == 4) u.where = fx.variants[2];            // (2**59, 0)
                if (k == 5) u.dtype = fx.dtypes[2];              // int8
                if (k == 6) { u.out[0] = fx.m; u.out[1] = fx.m; }
                s[i].p = &u;
                run(f, s, st, label("ufunc args variant " + std::to_string(k)));
            }
            break;
        default:
            break;
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    // Outside the sanitizers, a 4 GiB address-space limit turns a huge but valid request (2**32+1
    // elements) into the CNP_ERR_MEMORY being tested instead of minutes of page faults; under ASan
    // the allocator refuses it itself (max_allocation_size_mb, set by CTest).
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
#if defined(__has_feature)
#if !__has_feature(address_sanitizer) && !__has_feature(thread_sanitizer)
#define CNP_SWEEP_RLIMIT 1
#endif
#else
#define CNP_SWEEP_RLIMIT 1
#endif
#endif
#ifdef CNP_SWEEP_RLIMIT
    rlimit lim{size_t{4} << 30, size_t{4} << 30};
    setrlimit(RLIMIT_AS, &lim);
#endif
    std::signal(SIGALRM, on_alarm);
    verbose = std::getenv("ABI_SWEEP_VERBOSE") != nullptr;
    for (int k = 0; k < LIST; ++k) names_storage.push_back("f" + std::to_string(k));
    make_fixtures();
    const char* only = argc > 1 ? argv[1] : nullptr;   // a substring of the functions to sweep
    shared = static_cast<Shared*>(mmap(nullptr, sizeof(Shared), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0));
    if (shared == MAP_FAILED) return 2;
    *shared = Shared{};
    long functions = 0;
    for (const auto& f : FUNCTIONS) {
        if (only && std::strstr(f.name, only) == nullptr) continue;
        ++functions;
        std::fflush(nullptr);
        pid_t pid = fork();
        if (pid == 0) {
            failures = 0;
            sweep(f);
            std::fflush(nullptr);
            std::exit(failures ? 10 : 0);  // exit(), not _exit(): LeakSanitizer checks the child
        }
        int wst = 0;
        if (pid < 0 || waitpid(pid, &wst, 0) != pid) return 2;
        if (WIFSIGNALED(wst))
            fail(std::string(f.name) + ": crashed (signal " + std::to_string(WTERMSIG(wst)) + ") in the call " +
                 shared->last_call);
        else if (WEXITSTATUS(wst) == 10)
            ++failures;   // the child printed them
        else if (WEXITSTATUS(wst) != 0 && known_finding(f.name))
            std::fprintf(stderr, "KNOWN (open, %s): %s exited with %d after the call %s\n", known_finding(f.name),
                         f.name, WEXITSTATUS(wst), shared->last_call);
        else if (WEXITSTATUS(wst) != 0)
            fail(std::string(f.name) + ": the sweep's process exited with " + std::to_string(WEXITSTATUS(wst)) +
                 " (a sanitizer report, a leak or a hang) after the call " + shared->last_call);
    }
    std::printf("abi_sweep: %ld functions, %ld calls (%ld functions succeed with the defaults), "
                "%ld optional integers checked, %d functions with failures\n",
                functions, shared->calls, shared->baseline_ok, shared->optional_checked, failures);
    // Release the fixtures so that LeakSanitizer reports only what the calls leaked.
    for (auto* a : fx.variants) cnp_array_free(a);
    for (auto* a : fx.mutables) cnp_array_free(a);
    cnp_array_free(fx.a);
    cnp_array_free(fx.bases[2]);
    for (auto* d : fx.dtypes) cnp_dtype_free(d);
    cnp_bitgen_free(fx.g);
    cnp_audio_resampler_free(fx.r);
    cnp_queue_free(fx.q);
    return failures ? 1 : 0;
}
