"""A parser for the restricted C of cnumpy's declaration blocks (used by the ctypes backend).

It understands exactly what the public headers contain and fails loudly on anything else, so
a header change that the bindings cannot follow is caught at import instead of producing
wrong prototypes:
  enum [name] { A = <int expr>, ... };         constants (values may refer to earlier ones)
  typedef <type> name;                         aliases (typedef int32_t cnp_status;)
  typedef struct tag name;                     opaque handles
  typedef struct [tag] { fields } name;        structs; a field may be an inline union
  typedef <ret> (*name)(params);               function pointer types
  <ret> name(params);                          functions
Types are described as CType(base, ptr, array): base is a C type name ("int32_t",
"unsigned int", a typedef name), ptr the number of '*', array the length for "x[N]" fields.
"""
import re
from collections import namedtuple

CType = namedtuple("CType", "base ptr array")
Field = namedtuple("Field", "name ctype")          # ctype may also be a Union
Union = namedtuple("Union", "fields")
FuncPtr = namedtuple("FuncPtr", "ret params")      # params: list of Field
Function = namedtuple("Function", "name ret params")


class Decls:
    def __init__(self):
        self.consts = {}      # name -> int, in header order
        self.aliases = {}     # typedef name -> CType
        self.opaque = set()   # typedef names of incomplete structs
        self.structs = {}     # typedef name -> list of Field
        self.funcptrs = {}    # typedef name -> FuncPtr
        self.functions = []   # Function, in header order


_TOKEN = re.compile(r"\s*(?:([A-Za-z_]\w*)|(0[xX][0-9a-fA-F]+|\d+)[uUlL]*|(<<|>>|[^\s\w]))")
_QUALIFIERS = {"const", "volatile", "restrict", "extern"}
# Words that make up multi-word builtin type names ("unsigned long long").
_BUILTIN_WORDS = {"void", "char", "short", "int", "long", "float", "double", "signed",
                  "unsigned", "_Bool"}


def _tokenize(text):
    out, pos = [], 0
    text = text.rstrip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise SyntaxError("cnumpy header: cannot tokenize at %r" % text[pos:pos + 30])
        pos = m.end()
        ident, num, punct = m.groups()
        if num is not None:
            out.append(int(num, 0))
        else:
            out.append(ident if ident is not None else punct)
    return out


def _split(tokens, sep):
    """Splits at `sep` tokens that are not nested in (), {} or []."""
    parts, cur, depth = [], [], 0
    for t in tokens:
        if t in ("(", "{", "["):
            depth += 1
        elif t in (")", "}", "]"):
            depth -= 1
        if t == sep and depth == 0:
            parts.append(cur)
            cur = []
        else:
            cur.append(t)
    if depth != 0:
        raise SyntaxError("cnumpy header: unbalanced brackets")
    if cur:
        parts.append(cur)
    return parts


def _matching(tokens, i):
    """Index of the bracket closing the one at tokens[i]."""
    pairs = {"(": ")", "{": "}", "[": "]"}
    opening, closing, depth = tokens[i], pairs[tokens[i]], 0
    for j in range(i, len(tokens)):
        if tokens[j] == opening:
            depth += 1
        elif tokens[j] == closing:
            depth -= 1
            if depth == 0:
                return j
    raise SyntaxError("cnumpy header: unbalanced %r" % opening)


def _eval_const(tokens, consts):
    """Integer constant expressions: literals, earlier constants, + - * | & ~ << >> ( )."""
    pieces = []
    for t in tokens:
        if isinstance(t, int):
            pieces.append(str(t))
        elif t in consts:
            pieces.append(str(consts[t]))
        elif t in ("+", "-", "*", "|", "&", "~", "<<", ">>", "(", ")"):
            pieces.append(t)
        else:
            raise SyntaxError("cnumpy header: unsupported token %r in a constant" % (t,))
    return int(eval(" ".join(pieces), {"__builtins__": {}}, {}))  # only digits and operators


def _parse_enum(tokens, decls):
    lb = tokens.index("{")
    rb = _matching(tokens, lb)
    value = -1
    for item in _split(tokens[lb + 1:rb], ","):
        if not item:
            continue
        name = item[0]
        if len(item) > 1:
            if item[1] != "=":
                raise SyntaxError("cnumpy header: bad enumerator %r" % (item,))
            value = _eval_const(item[2:], decls.consts)
        else:
            value += 1
        decls.consts[name] = value
    return tokens[rb + 1:]


def _parse_type(tokens):
    """A declaration without brackets: qualifiers, base type words, '*'s, optional name and an
    optional [N]. Returns (name or None, CType)."""
    array = None
    if tokens and tokens[-1] == "]":
        lb = len(tokens) - 1 - tokens[::-1].index("[")
        array = _eval_const(tokens[lb + 1:-1], {})
        tokens = tokens[:lb]
    words = [t for t in tokens if t not in _QUALIFIERS]
    ptr = words.count("*")
    idents = [t for t in words if t != "*"]
    if not idents:
        raise SyntaxError("cnumpy header: missing type in %r" % (tokens,))
    name = None
    # The last identifier is the declared name unless it belongs to the type itself: it does
    # when it is the only one, after "struct" ("struct tag"), or when every identifier is a
    # builtin type word ("unsigned int").
    if idents[0] == "struct":
        has_name = len(idents) == 3
    else:
        has_name = len(idents) > 1 and not all(w in _BUILTIN_WORDS for w in idents)
    if has_name:
        name = idents.pop()
    base = " ".join(idents)
    if base.startswith("struct "):
        base = base[len("struct "):]
    return name, CType(base, ptr, array)


def _parse_params(tokens):
    params = []
    for p in _split(tokens, ","):
        name, ct = _parse_type(p)
        if ct.base == "void" and ct.ptr == 0 and name is None:
            continue   # f(void)
        params.append(Field(name, ct))
    return params


def _parse_fields(tokens):
    fields = []
    for decl in _split(tokens, ";"):
        if not decl:
            continue
        if decl[0] in ("union", "struct") and "{" in decl:
            lb = decl.index("{")
            rb = _matching(decl, lb)
            inner = _parse_fields(decl[lb + 1:rb])
            if decl[0] != "union":
                raise SyntaxError("cnumpy header: nested structs are not supported")
            if len(decl) != rb + 2:
                raise SyntaxError("cnumpy header: anonymous unions are not supported")
            fields.append(Field(decl[rb + 1], Union(inner)))
        else:
            name, ct = _parse_type(decl)
            fields.append(Field(name, ct))
    return fields


def _parse_typedef(tokens, decls):
    body = tokens[1:]
    if body[0] == "enum":
        rest = _parse_enum(body, decls)
        decls.aliases[rest[-1]] = CType("int", 0, None)
        return
    if body[0] == "struct":
        if "{" in body:
            lb = body.index("{")
            rb = _matching(body, lb)
            if len(body) != rb + 2:
                raise SyntaxError("cnumpy header: unsupported struct typedef %r" % (body,))
            decls.structs[body[rb + 1]] = _parse_fields(body[lb + 1:rb])
        else:
            if len(body) != 3:
                raise SyntaxError("cnumpy header: unsupported typedef %r" % (body,))
            decls.opaque.add(body[2])
        return
    if "(" in body:
        # typedef ret (*name)(params);
        lp = body.index("(")
        rp = _matching(body, lp)
        inner = body[lp + 1:rp]
        if not (len(inner) == 2 and inner[0] == "*") or body[rp + 1] != "(":
            raise SyntaxError("cnumpy header: unsupported typedef %r" % (body,))
        _, ret = _parse_type(body[:lp])
        pl = rp + 1
        pr = _matching(body, pl)
        decls.funcptrs[inner[1]] = FuncPtr(ret, _parse_params(body[pl + 1:pr]))
        return
    name, ct = _parse_type(body)
    if name is None:
        raise SyntaxError("cnumpy header: typedef without a name %r" % (body,))
    decls.aliases[name] = ct


def parse(text):
    """Parses comment-free declaration text into a Decls."""
    decls = Decls()
    for stmt in _split(_tokenize(text), ";"):
        if not stmt:
            continue
        head = stmt[0]
        if head == "typedef":
            _parse_typedef(stmt, decls)
        elif head == "enum":
            rest = _parse_enum(stmt, decls)
            if rest:
                raise SyntaxError("cnumpy header: enum variables are not supported")
        elif head == "struct" and "{" in stmt:
            lb = stmt.index("{")
            rb = _matching(stmt, lb)
            decls.structs[stmt[1]] = _parse_fields(stmt[lb + 1:rb])
        elif "(" in stmt:
            lp = stmt.index("(")
            rp = _matching(stmt, lp)
            if rp != len(stmt) - 1:
                raise SyntaxError("cnumpy header: unsupported declaration %r" % (stmt,))
            name, ret = _parse_type(stmt[:lp])
            if name is None:
                raise SyntaxError("cnumpy header: function without a name %r" % (stmt,))
            decls.functions.append(Function(name, ret, _parse_params(stmt[lp + 1:rp])))
        else:
            raise SyntaxError("cnumpy header: unsupported declaration %r" % (stmt,))
    return decls
