#!/usr/bin/python3
"""Generates the call table of the C ABI sweep (tests/abi/abi_sweep.cpp, issue 18).

Reads the public headers' declaration blocks exactly as the Python package does
(bindings/python/cnumpy/_header.py: the text between CNP_DECLS_BEGIN and CNP_DECLS_END), so a
function added to a header is swept without anyone listing it. For every exported function
returning cnp_status it writes
  - a parameter table: what kind of argument each parameter is (integer, array, tuple of int64
    with its count, output cell, ...), which count parameter belongs to which pointer, and
    whether the header documents "-1 means not given" for an integer parameter;
  - a thunk that calls the function with arguments taken from a generic slot array.
The driver decides the values. Usage: gen_abi_sweep.py INCLUDE_DIR OUTPUT_FILE
"""
import importlib.util
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def _load_header_module():
    # The package's own header reader, loaded by path (importing the package would load the
    # library).
    path = os.path.join(REPO, "bindings", "python", "cnumpy", "_header.py")
    spec = importlib.util.spec_from_file_location("_cnp_header", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# Functions whose arguments are not a question of input validation: they change process-wide
# state (which would change every later call), hand the library callbacks or foreign memory the
# caller vouches for, or release handles.
SKIP = {
    "cnp_set_num_threads", "cnp_set_warning_handler", "cnp_set_printoptions", "cnp_seterr",
    "cnp_set_errstate", "cnp_fft_import_wisdom", "cnp_fft_forget_wisdom", "cnp_array_wrap",
    "cnp_array_from_dlpack", "cnp_dlpack_free", "cnp_set_object_hooks",
}
# Functions that read caller memory through (shape, strides) without knowing its extent: the
# strides are the caller's promise, so only shapes are swept there.
CALLER_MEMORY = {"cnp_array_from_data"}
# Out-parameters that are caller-sized arrays of results: not written at all on failure.
UNTOUCHED_ON_FAILURE = {"cnp_gradient"}
# void** results that must be released (others are borrowed pointers).
VOID_OUT_FREE = {"cnp_array_to_dlpack": "cnp_dlpack_free"}
# Integer parameters that give the length of pointer parameters next to them.
BUFFER_SIZE_NAMES = {"size", "nbytes"}
COUNT_NAMES = {"ndim", "naxes", "ns", "nindex", "nspacing", "nitems", "n", "nfields", "ntexts", "nparams"}

_PARAM = re.compile(r"^(?P<const>const\s+)?(?P<base>\w+)\s*(?P<stars>(?:\*\s*(?:const\s*)?)*)(?P<name>\w+)?$")
_PROTO = re.compile(r"^\s*([\w\s\*]+?)\s*\b(cnp_\w+)\s*\(([^;]*?)\)\s*;", re.M)


def prototypes(header):
    """(name, return type, [(const, base, stars, name)]) for every declared function."""
    text = header.declarations(os.path.join(REPO, "include") if header_root is None else header_root)
    for m in _PROTO.finditer(text):
        ret, name, params = " ".join(m.group(1).split()), m.group(2), m.group(3).strip()
        out = []
        if params not in ("", "void"):
            for p in params.split(","):
                pm = _PARAM.match(" ".join(p.split()))
                if not pm:
                    raise SystemExit("gen_abi_sweep: cannot read parameter %r of %s" % (p, name))
                out.append((bool(pm.group("const")), pm.group("base"), pm.group("stars").replace(" ", ""),
                            pm.group("name") or ""))
        yield name, ret, out


def doc_comments(include_dir):
    """name -> the documentation that applies to it: the /** */ comment right before its
    prototype (one comment may document a group of prototypes)."""
    docs = {}
    for fname in sorted(os.listdir(include_dir)):
        if not fname.endswith(".h"):
            continue
        with open(os.path.join(include_dir, fname), encoding="utf-8") as f:
            text = f.read()
        begin = text.find("/* CNP_DECLS_BEGIN */")
        if begin < 0:
            continue
        body = text[begin:text.find("/* CNP_DECLS_END */", begin)]
        last = ""
        for m in re.finditer(r"/\*(.*?)\*/|\bCNP_API\b[^;]*?\b(cnp_\w+)\s*\(", body, re.S):
            if m.group(1) is not None:
                last = m.group(1)
            else:
                docs[m.group(2)] = " ".join(last.split())
    return docs


def optional_int(doc, pname):
    """True when the documentation says that -1 for this integer parameter means "not given"
    (NumPy's None) or "keep", in the words the headers use: "n -1 means not given", "ndim -1
    keeps", "M -1 means M = N", "itemsize -1 means ..."."""
    pat = r"(?<![\w-])%s\s+-1\s+(?:means|keeps|stands)\b" % re.escape(pname)
    return re.search(pat, doc) is not None


def kind_of(fname, const, base, stars, opaque, structs):
    """The driver's argument kind of one parameter."""
    ptr = stars.count("*")
    if ptr == 0:
        if base == "int64_t":
            return "K_I64"
        if base in ("int32_t", "cnp_status"):
            return "K_I32"
        if base == "double":
            return "K_F64"
        return "K_NULL"   # callbacks (skipped functions only)
    if base == "cnp_array":
        if ptr == 1:
            return "K_CARR" if const else "K_MARR"
        if ptr == 2 and const:
            return "K_ALIST"
        if ptr == 2:
            return "K_OUT_HANDLE"
    if base in opaque and ptr == 2 and not const:
        return "K_OUT_HANDLE"
    if base == "cnp_dtype" and ptr == 1:
        return "K_DTYPE"
    if base == "cnp_dtype" and ptr == 2 and const:
        return "K_DLIST"
    if base == "cnp_bitgen" and ptr == 1:
        return "K_BITGEN"
    if base == "cnp_queue" and ptr == 1:
        return "K_QUEUE"
    if base == "cnp_audio_resampler" and ptr == 1:
        return "K_RESAMPLER"
    if base == "int64_t" and ptr == 1 and const:
        return "K_VEC"
    if base == "double" and ptr == 1 and const:
        return "K_DVEC"
    if base == "char" and ptr == 1 and const:
        return "K_STR"
    if const and stars == "**" and base in ("char", "int64_t"):
        return "K_OUT_PTR"        # const char** / const int64_t** out: a borrowed pointer
    if base == "char" and ptr == 2 and const:
        return "K_SLIST"          # const char* const*
    if base == "char" and ptr == 2:
        return "K_OUT_STRING"
    if base == "cnp_scalar" and ptr == 1 and const:
        return "K_SCALAR"
    if base == "cnp_ufunc_args" and const:
        return "K_UFUNC_ARGS"
    if base == "void" and ptr == 1 and const:
        return "K_CBUF"
    if base == "void" and ptr == 1:
        return "K_OUT_SCALAR"     # getitem_bytes' buffer
    if not const and stars == "**" and base == "void":
        return "K_OUT_PTR"        # data pointer or DLPack capsule
    if not const and ptr == 1 and (base in ("int32_t", "int64_t", "double") or base in structs):
        return "K_OUT_SCALAR"     # a value: written only on success
    return "K_NULL"               # sensors, index items, const option structs: NULL


def main():
    global header_root
    include_root, output = sys.argv[1], sys.argv[2]
    header_root = include_root
    header = _load_header_module()
    cp_path = os.path.join(REPO, "bindings", "python", "cnumpy", "_cparser.py")
    spec = importlib.util.spec_from_file_location("_cnp_cparser", cp_path)
    cparser = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cparser)
    decls = cparser.parse(header.declarations(include_root))
    docs = doc_comments(os.path.join(include_root, "cnumpy"))

    out = ["// Generated by tests/abi/gen_abi_sweep.py from the declaration blocks of include/cnumpy/*.h.",
           "// Do not edit: the build regenerates it when a header changes.", ""]
    table = []
    nparams_total = 0
    for name, ret, params in prototypes(header):
        if name in SKIP or ret != "cnp_status":
            continue
        kinds = [kind_of(name, c, b, s, decls.opaque, decls.structs) for c, b, s, _ in params]
        # Count parameters: the integer named like a count (or n<list>) next to a pointer (skipping other
        # pointers of the same group: `ndim, shape, strides`, `axes_a, axes_b, naxes`).
        pair = [-1] * len(params)
        listy = ("K_VEC", "K_ALIST", "K_DLIST", "K_SLIST")
        for i, k in enumerate(kinds):
            if k not in listy:
                continue
            for step in (-1, 1):
                j = i + step
                while 0 <= j < len(params) and kinds[j] in listy:
                    j += step
                if 0 <= j < len(params) and kinds[j] in ("K_I32", "K_I64") and (
                        params[j][3] in COUNT_NAMES or params[j][3] == "n" + params[i][3]):  # fmts, nfmts
                    pair[i] = j
                    break
        # A byte buffer and its size (`data, size`): the size says how many bytes the pointer
        # holds, so the sweep never hands a size beyond its buffer (that would be its own bug).
        for i, k in enumerate(kinds):
            if k == "K_CBUF" and i + 1 < len(params) and kinds[i + 1] == "K_I64" and \
                    params[i + 1][3] in BUFFER_SIZE_NAMES:
                pair[i] = i + 1
        doc = docs.get(name, "")
        rows = []
        for i, ((c, b, s, pname), k) in enumerate(zip(params, kinds)):
            opt = int(k in ("K_I32", "K_I64") and optional_int(doc, pname))
            free = "nullptr"
            if k == "K_OUT_HANDLE":
                free = "reinterpret_cast<void (*)(void*)>(&%s_free)" % b
            elif k == "K_OUT_STRING":
                free = "reinterpret_cast<void (*)(void*)>(&cnp_string_free)"
            elif k == "K_OUT_PTR" and name in VOID_OUT_FREE:
                free = "reinterpret_cast<void (*)(void*)>(&%s)" % VOID_OUT_FREE[name]
            rows.append('{%s, "%s", %d, %d, %s}' % (k, pname, pair[i], opt, free))
        ident = "p_" + name
        if rows:
            out.append("static const ParamInfo %s[] = {%s};" % (ident, ",\n    ".join(rows)))
        args = []
        for i, ((c, b, s, pname), k) in enumerate(zip(params, kinds)):
            ctype = ("const " if c else "") + b + s.replace("const", " const ")
            if k == "K_I64":
                args.append("static_cast<int64_t>(a[%d].i)" % i)
            elif k == "K_I32":
                args.append("static_cast<%s>(a[%d].i)" % (b, i))
            elif k == "K_F64":
                args.append("a[%d].d" % i)
            else:
                args.append("(%s)a[%d].p" % (ctype, i))
        out.append("static cnp_status call_%s(Slot* a) { (void)a; return %s(%s); }" % (name, name, ", ".join(args)))
        flags = []
        if name in CALLER_MEMORY:
            flags.append("F_CALLER_MEMORY")
        if name in UNTOUCHED_ON_FAILURE:
            flags.append("F_UNTOUCHED_ON_FAILURE")
        table.append('{"%s", %s, %d, &call_%s, %s}' % (name, ident if rows else "nullptr", len(params), name,
                                                       " | ".join(flags) or "0"))
        nparams_total += len(params)
    out.append("")
    out.append("static const FunctionInfo FUNCTIONS[] = {\n    %s};" % ",\n    ".join(table))
    out.append("")
    text = "\n".join(out)
    # Write only when changed, so an unrelated header edit does not rebuild the sweep.
    try:
        with open(output, encoding="utf-8") as f:
            if f.read() == text:
                return
    except OSError:
        pass
    with open(output, "w", encoding="utf-8") as f:
        f.write(text)


header_root = None

if __name__ == "__main__":
    main()
