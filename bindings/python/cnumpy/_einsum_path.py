"""numpy.einsum_path: the contraction order NumPy's 'greedy' and 'optimal' searches choose for
an einsum expression, and NumPy's printed report of it (numpy/core/einsumfunc.py's cost model:
flops = size of the contracted index space x (terms - 1, + 1 with an inner product), greedy
pairs ranked by (-(sizes removed), flops), an explicit ['einsum_path', ...] path checked).

The search works on Python sets of labels and breaks ties by the first pair in
itertools.combinations order, as NumPy's does, so the path and the report are NumPy's. (cnumpy's
own einsum contracts in its own order; the path is informational.)
"""
import itertools
import operator

from ._convert import asanyarray

_SYMBOLS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
# Built from the same string as NumPy's einsum_symbols_set, so that the labels given to ellipses
# (taken from this set's iteration order) are the ones NumPy picks in the same process.
_SYMBOLS_SET = set(_SYMBOLS)


def _size(labels, dims):
    n = 1
    for c in labels:
        n *= dims[c]
    return n


def _flops(labels, inner, num_terms, dims):
    factor = max(1, num_terms - 1) + (1 if inner else 0)
    return _size(labels, dims) * factor


def _contract(positions, input_sets, output_set):
    """(labels of the new term, remaining terms with it appended, labels summed away, all labels
    of the contraction) for contracting the terms at `positions`."""
    contracted = set()
    kept = output_set.copy()
    remaining = []
    for i, labels in enumerate(input_sets):
        if i in positions:
            contracted |= labels
        else:
            remaining.append(labels)
            kept |= labels
    new = kept & contracted
    remaining.append(new)
    return new, remaining, contracted - new, contracted


def _optimal(input_sets, output_set, dims, memory_limit):
    """Every order of pair contractions within the memory limit; the cheapest."""
    candidates = [(0, [], input_sets)]
    n = len(input_sets)
    for step in range(n - 1):
        found = []
        for cost, path, sets in candidates:
            for pair in itertools.combinations(range(n - step), 2):
                new, rest, removed, labels = _contract(pair, sets, output_set)
                if _size(new, dims) > memory_limit:
                    continue
                found.append((cost + _flops(labels, removed, len(pair), dims), path + [pair],
                              rest))
        if not found:
            path = min(candidates, key=lambda c: c[0])[1]
            return path + [tuple(range(n - step))]
        candidates = found
    if not candidates:
        return [tuple(range(n))]
    return min(candidates, key=lambda c: c[0])[1]


def _candidate(pair, input_sets, output_set, dims, memory_limit, path_cost, naive_cost):
    new, rest, removed, labels = _contract(pair, input_sets, output_set)
    new_size = _size(new, dims)
    if new_size > memory_limit:
        return None
    removed_size = sum(_size(input_sets[p], dims) for p in pair) - new_size
    cost = _flops(labels, removed, len(pair), dims)
    if path_cost + cost > naive_cost:
        return None
    return [(-removed_size, cost), pair, rest]


def _renumber(candidates, best):
    """The candidates that do not use the two terms just contracted, renumbered for the term
    list after that contraction."""
    bx, by = best[1]
    out = []
    for key, (x, y), sets in candidates:
        if x in best[1] or y in best[1]:
            continue
        del sets[by - int(by > x) - int(by > y)]
        del sets[bx - int(bx > x) - int(bx > y)]
        sets.insert(-1, best[2][-1])
        out.append((key, (x - int(x > bx) - int(x > by), y - int(y > bx) - int(y > by)), sets))
    return out


def _greedy(input_sets, output_set, dims, memory_limit):
    """The best pair by (-(sizes removed), flops) at each step; pairs sharing no label only when
    no other pair is left."""
    if len(input_sets) == 1:
        return [(0,)]
    if len(input_sets) == 2:
        return [(0, 1)]
    _, _, removed, labels = _contract(range(len(input_sets)), input_sets, output_set)
    naive_cost = _flops(labels, removed, len(input_sets), dims)
    pairs = itertools.combinations(range(len(input_sets)), 2)
    known = []
    path_cost = 0
    path = []
    for _step in range(len(input_sets) - 1):
        for pair in pairs:
            if input_sets[pair[0]].isdisjoint(input_sets[pair[1]]):
                continue
            c = _candidate(pair, input_sets, output_set, dims, memory_limit, path_cost,
                           naive_cost)
            if c is not None:
                known.append(c)
        if not known:
            for pair in itertools.combinations(range(len(input_sets)), 2):
                c = _candidate(pair, input_sets, output_set, dims, memory_limit, path_cost,
                               naive_cost)
                if c is not None:
                    known.append(c)
            if not known:
                path.append(tuple(range(len(input_sets))))
                break
        best = min(known, key=lambda c: c[0])
        known = _renumber(known, best)
        input_sets = best[2]
        last = len(input_sets) - 1
        pairs = ((i, last) for i in range(last))
        path.append(best[1])
        path_cost += best[0][1]
    return path


def _blas_able(inputs, result, removed):
    """NumPy's _can_dot: whether a pair contraction is a DOT/GEMV/GEMM without data movement."""
    if not removed or len(inputs) != 2:
        return False
    left, right = inputs
    for c in set(left + right):
        nl, nr = left.count(c), right.count(c)
        if nl > 1 or nr > 1 or nl + nr > 2:
            return False
        if nl + nr - 1 == int(c in result):
            return False
    rs = len(removed)
    if left == right:
        return True
    if set(left) == set(right):
        return False
    if left[-rs:] == right[:rs] or left[:rs] == right[-rs:] or left[-rs:] == right[-rs:] \
            or left[:rs] == right[:rs]:
        return True
    return bool(set(left) - removed) and bool(set(right) - removed)


def _label(s):
    try:
        return _SYMBOLS[operator.index(s)]
    except TypeError as e:
        raise TypeError("For this input type lists must contain either int or Ellipsis") from e


def _sublist_text(sub):
    return "".join("..." if s is Ellipsis else _label(s) for s in sub)


def _implicit_output(subscripts):
    """The output of subscripts without '->': the labels that appear once, sorted (NumPy's
    implicit mode); every label must be a valid symbol."""
    flat = subscripts.replace(",", "")
    output = ""
    for s in sorted(set(flat)):
        if s not in _SYMBOLS:
            raise ValueError("Character %s is not a valid symbol." % s)
        if flat.count(s) == 1:
            output += s
    return output


def _parse(operands):
    """NumPy's _parse_einsum_input: (input subscripts, output subscript, operands) with
    ellipses replaced by labels and the implicit output spelled out."""
    if len(operands) == 0:
        raise ValueError("No input operands")
    if isinstance(operands[0], str):
        subscripts = operands[0].replace(" ", "")
        operands = [asanyarray(v) for v in operands[1:]]
        for s in subscripts:
            if s not in ".,->" and s not in _SYMBOLS:
                raise ValueError("Character %s is not a valid symbol." % s)
    else:
        rest = list(operands)
        ops, subs = [], []
        for _ in range(len(operands) // 2):
            ops.append(rest.pop(0))
            subs.append(rest.pop(0))
        out = rest[-1] if rest else None
        operands = [asanyarray(v) for v in ops]
        subscripts = ",".join(_sublist_text(s) for s in subs)
        if out is not None:
            subscripts += "->" + _sublist_text(out)
    if "-" in subscripts or ">" in subscripts:
        if subscripts.count("-") > 1 or subscripts.count(">") > 1 or \
                subscripts.count("->") != 1:
            raise ValueError("Subscripts can only contain one '->'.")
    if "." in subscripts:
        used = subscripts.replace(".", "").replace(",", "").replace("->", "")
        free = "".join(list(_SYMBOLS_SET - set(used)))
        longest = 0
        if "->" in subscripts:
            lhs, out_sub = subscripts.split("->")
            terms, has_out = lhs.split(","), True
        else:
            terms, has_out = subscripts.split(","), False
        for i, term in enumerate(terms):
            if "." not in term:
                continue
            if term.count(".") != 3 or term.count("...") != 1:
                raise ValueError("Invalid Ellipses.")
            count = 0 if operands[i].shape == () else max(operands[i].ndim, 1) - (len(term) - 3)
            longest = max(longest, count)
            if count < 0:
                raise ValueError("Ellipses lengths do not match.")
            terms[i] = term.replace("...", "" if count == 0 else free[-count:])
        subscripts = ",".join(terms)
        out_ellipsis = free[-longest:] if longest else ""
        if has_out:
            subscripts += "->" + out_sub.replace("...", out_ellipsis)
        else:
            single = _implicit_output(subscripts)
            subscripts += "->" + out_ellipsis + "".join(sorted(set(single) - set(out_ellipsis)))
    if "->" in subscripts:
        lhs, output = subscripts.split("->")
    else:
        lhs = subscripts
        output = _implicit_output(subscripts)
    for c in output:
        if c not in lhs:
            raise ValueError("Output character %s did not appear in the input" % c)
    if len(lhs.split(",")) != len(operands):
        raise ValueError("Number of einsum subscripts must be equal to the number of operands.")
    return lhs, output, operands


def einsum_path(*operands, optimize="greedy", einsum_call=False):
    """numpy.einsum_path(subscripts, *operands, optimize='greedy'): (['einsum_path', pairs...],
    NumPy's printed report)."""
    path_type = optimize
    if path_type is True:
        path_type = "greedy"
    if path_type is None:
        path_type = False
    explicit = False
    memory_limit = None
    if path_type is False or isinstance(path_type, str):
        pass
    elif len(path_type) and path_type[0] == "einsum_path":
        explicit = True
    elif len(path_type) == 2 and isinstance(path_type[0], str) and \
            isinstance(path_type[1], (int, float)):
        memory_limit = int(path_type[1])
        path_type = path_type[0]
    else:
        raise TypeError("Did not understand the path: %s" % str(path_type))

    lhs, output, operands = _parse(operands)
    terms = lhs.split(",")
    input_sets = [set(t) for t in terms]
    output_set = set(output)
    labels = set(lhs.replace(",", ""))
    dims = {}
    ones = [[] for _ in terms]
    for t, term in enumerate(terms):
        shape = operands[t].shape
        if len(shape) != len(term):
            raise ValueError("Einstein sum subscript %s does not contain the correct number of "
                             "indices for operand %d." % (lhs[t], t))
        for k, c in enumerate(term):
            d = shape[k]
            if d == 1:
                ones[t].append(c)
            if c in dims:
                if dims[c] == 1:
                    dims[c] = d
                elif d not in (1, dims[c]):
                    raise ValueError("Size of label '%s' for operand %d (%d) does not match "
                                     "previous terms (%d)." % (c, t, dims[c], d))
            else:
                dims[c] = d
    ones = [set(x) for x in ones]
    max_size = max(_size(t, dims) for t in terms + [output])
    memory_arg = max_size if memory_limit is None else memory_limit
    inner = sum(len(s) for s in input_sets) - len(labels) > 0
    naive_cost = _flops(labels, inner, len(terms), dims)

    if explicit:
        path = list(path_type[1:])
    elif path_type is False or len(terms) in (1, 2) or labels == output_set:
        path = [tuple(range(len(terms)))]
    elif path_type == "greedy":
        path = _greedy(input_sets, output_set, dims, memory_arg)
    elif path_type == "optimal":
        path = _optimal(input_sets, output_set, dims, memory_arg)
    else:
        raise KeyError("Path name %s not found", path_type)

    costs, scales, sizes, steps = [], [], [], []
    for n, inds in enumerate(path):
        inds = tuple(sorted(list(inds), reverse=True))
        new, input_sets, removed, contracted = _contract(inds, input_sets, output_set)
        costs.append(_flops(contracted, removed, len(inds), dims))
        scales.append(len(contracted))
        sizes.append(_size(new, dims))
        bcast = set()
        taken = []
        for x in inds:
            taken.append(terms.pop(x))
            bcast |= ones.pop(x)
        blas = False if removed & bcast else _blas_able(taken, new, removed)
        if n == len(path) - 1:
            result = output
        else:
            result = "".join(c for _, c in sorted((dims[c], c) for c in new))
        terms.append(result)
        ones.append(bcast - removed)
        steps.append((inds, removed, ",".join(taken) + "->" + result, terms[:], blas))
    opt_cost = sum(costs) + 1
    if len(terms) != 1:
        raise RuntimeError("Invalid einsum_path is specified: {} more operands has to be "
                           "contracted.".format(len(terms) - 1))
    if einsum_call:
        return operands, steps
    report = "  Complete contraction:  %s\n" % (lhs + "->" + output)
    report += "         Naive scaling:  %d\n" % len(labels)
    report += "     Optimized scaling:  %d\n" % max(scales)
    report += "      Naive FLOP count:  %.3e\n" % naive_cost
    report += "  Optimized FLOP count:  %.3e\n" % opt_cost
    report += "   Theoretical speedup:  %3.3f\n" % (naive_cost / opt_cost)
    report += "  Largest intermediate:  %.3e elements\n" % max(sizes)
    report += "-" * 74 + "\n"
    report += "%6s %24s %40s\n" % ("scaling", "current", "remaining")
    report += "-" * 74
    for n, (_, _, text, remaining, _) in enumerate(steps):
        report += "\n%4d    %24s %40s" % (scales[n], text, ",".join(remaining) + "->" + output)
    return ["einsum_path"] + path, report
