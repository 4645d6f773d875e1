#!/usr/bin/python3
"""Scenario 4 of the second seed (issue 23): word frequencies and fast lookups.

Corpus: a text of N tokens drawn with a Zipf law (s = 1.1, seeded) from the 104k words of
/usr/share/dict/words (Debian's wamerican), lower-cased, joined with spaces; and the real
license texts of /usr/share/common-licenses (about 48k tokens). Steps, each timed separately
(median of repeats):

  tokenise   text.split() (Python; the same list feeds every counter)
  to array   the token list as a <U n array (cnumpy.array / numpy.array)
  count      collections.Counter(tokens); a dict loop; numpy.unique(a, return_counts=True);
             cnumpy.unique(a, return_counts=True)
  lookups    10**6 query words (half present, half absent): dict.get per word;
             searchsorted into the sorted unique words + an equality check (NumPy, cnumpy);
             isin (NumPy, cnumpy)

Prints a markdown section (docs/ffi-benchmarks.md, "10. Word frequencies").
Usage: CNUMPY_LIBRARY=build/libcnumpy.so /usr/bin/python3 bench/ffi/bench_words.py [--quick]
"""
import argparse
import collections
import glob
import os
import statistics
import sys
import time

import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPO, "bindings", "python"))
os.environ.setdefault("CNUMPY_LIBRARY", os.path.join(REPO, "build", "libcnumpy.so"))
import cnumpy as cnp  # noqa: E402

WORDS = "/usr/share/dict/words"


def median_time(fn, repeats):
    fn()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def zipf_text(n, seed=4):
    with open(WORDS, encoding="utf-8") as f:
        vocab = [w.lower() for w in f.read().split()]
    rng = np.random.default_rng(seed)
    ranks = rng.zipf(1.1, n)
    ranks = ranks[ranks <= len(vocab)] - 1
    while len(ranks) < n:
        more = rng.zipf(1.1, n)
        ranks = np.concatenate([ranks, more[more <= len(vocab)] - 1])
    order = rng.permutation(len(vocab))  # which word gets which rank
    return " ".join(vocab[order[r]] for r in ranks[:n].tolist()), vocab


def license_text():
    parts = []
    for p in sorted(glob.glob("/usr/share/common-licenses/*")):
        if os.path.isfile(p):
            with open(p, encoding="utf-8", errors="replace") as f:
                parts.append(f.read().lower())
    return " ".join(parts)


def dict_count(tokens):
    d = {}
    for w in tokens:
        d[w] = d.get(w, 0) + 1
    return d


def run(text, queries, repeats):
    rows = []
    tokens = text.split()
    rows.append(("tokenise: `text.split()`", median_time(text.split, repeats), None, None))
    t_np_arr = median_time(lambda: np.array(tokens), repeats)
    t_cnp_arr = median_time(lambda: cnp.array(tokens), repeats)
    a_np, a_cnp = np.array(tokens), cnp.array(tokens)
    t_counter = median_time(lambda: collections.Counter(tokens), repeats)
    t_dict = median_time(lambda: dict_count(tokens), repeats)
    t_np_u = median_time(lambda: np.unique(a_np, return_counts=True), repeats)
    t_cnp_u = median_time(lambda: cnp.unique(a_cnp, return_counts=True), repeats)
    # The results agree.
    counts = collections.Counter(tokens)
    u, c = cnp.unique(a_cnp, return_counts=True)
    assert dict(zip(u.tolist(), c.tolist())) == counts
    rows += [("list -> array", None, t_np_arr, t_cnp_arr),
             ("count: `Counter(tokens)` / dict loop", t_counter, None, None),
             ("count: dict loop", t_dict, None, None),
             ("count: `unique(a, return_counts=True)`", None, t_np_u, t_cnp_u)]
    # Lookups: 10**6 words, half of them absent.
    q_np, q_cnp = np.array(queries), cnp.array(queries)
    un, cn = np.unique(a_np, return_counts=True)
    uc, cc = cnp.unique(a_cnp, return_counts=True)

    def lookup(xp, uniq, cnt, q):
        i = xp.searchsorted(uniq, q)
        i[i == len(uniq)] = 0
        hit = uniq[i] == q
        return xp.where(hit, cnt[i], 0)
    assert lookup(cnp, uc, cc, q_cnp).tolist() == lookup(np, un, cn, q_np).tolist() == \
        [counts.get(w, 0) for w in queries]
    t_get = median_time(lambda: [counts.get(w, 0) for w in queries], repeats)
    t_np_l = median_time(lambda: lookup(np, un, cn, q_np), repeats)
    t_cnp_l = median_time(lambda: lookup(cnp, uc, cc, q_cnp), repeats)
    t_np_in = median_time(lambda: np.isin(q_np, un), repeats)
    t_cnp_in = median_time(lambda: cnp.isin(q_cnp, uc), repeats)
    t_set = median_time(lambda: [w in counts for w in queries], repeats)
    rows += [("lookups: counts of 10**6 words (`dict.get` / searchsorted + `==`)", t_get, t_np_l, t_cnp_l),
             ("lookups: membership of 10**6 words (`in` / `isin`)", t_set, t_np_in, t_cnp_in)]
    return rows, len(tokens), len(counts)


def fmt(t):
    if t is None:
        return "-"
    return "%.0f ms" % (t * 1e3) if t >= 0.01 else "%.2f ms" % (t * 1e3)


def table(rows):
    out = ["| step | Python (dict/Counter) | NumPy 1.24 | cnumpy | NumPy / cnumpy |",
           "| --- | ---: | ---: | ---: | ---: |"]
    for name, py, n, c in rows:
        ratio = "%.1f" % (n / c) if n and c else "-"
        out.append("| %s | %s | %s | %s | %s |" % (name, fmt(py), fmt(n), fmt(c), ratio))
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    n = 10**5 if args.quick else 10**6
    repeats = 3 if args.quick else 5
    text, vocab = zipf_text(n)
    rng = np.random.default_rng(5)
    present = text.split()
    queries = [present[i] for i in rng.integers(0, len(present), n // 2).tolist()] + \
        [vocab[i] + "qx" for i in rng.integers(0, len(vocab), n - n // 2).tolist()]
    print("### Zipf text (%d tokens from %s)\n" % (n, WORDS))
    rows, ntok, nuniq = run(text, queries, repeats)
    print("%d tokens, %d distinct words.\n" % (ntok, nuniq))
    print(table(rows))
    lic = license_text()
    print("\n### License texts (/usr/share/common-licenses)\n")
    rows, ntok, nuniq = run(lic, queries, repeats)
    print("%d tokens, %d distinct words.\n" % (ntok, nuniq))
    print(table(rows))


if __name__ == "__main__":
    main()
