"""numpy.random against NumPy 1.24, bit for bit: raw streams of the five bit generators for
several seeds (ints, big ints, sequences, spawned SeedSequences), every Generator and
RandomState method on 1000 draws for several seeds and parameter sets, every integer dtype of
integers/randint (the buffered 8/16-bit draws, full ranges, endpoint, broadcast bounds),
float32 outputs, parameter broadcasting, mixed call sequences on one generator, state
save/restore (dicts and RandomState tuples, the cached Gaussian), advance/jumped, spawn trees,
shuffle/permutation/permuted/choice, and NumPy's exceptions and messages for bad parameters."""
import warnings

import numpy as np
import pytest

import cnumpy as cnp
from cnp_helpers import check, check_error

N = 1000
SEEDS = [0, 1234, 2**100 + 3, [1, 2, 3]]
KINDS = ["PCG64", "PCG64DXSM", "MT19937", "Philox", "SFC64"]


def gen(xp, kind="PCG64", seed=1234):
    return xp.random.Generator(getattr(xp.random, kind)(seed))


def values(x):
    """A cnumpy or NumPy result as a NumPy value, for comparisons across calls."""
    if isinstance(x, cnp.ndarray):
        return np.array(x.tolist(), dtype=np.dtype(x.dtype.name))
    return np.asarray(x)


# ---- bit generators and SeedSequence ------------------------------------------------------------
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("seed", SEEDS, ids=["0", "1234", "big", "list"])
def test_raw_streams(kind, seed):
    check(lambda xp: getattr(xp.random, kind)(seed).random_raw(N))


@pytest.mark.parametrize("kind", KINDS)
def test_raw_scalar_and_shape(kind):
    check(lambda xp: getattr(xp.random, kind)(7).random_raw())
    check(lambda xp: getattr(xp.random, kind)(7).random_raw((3, 4)))


@pytest.mark.parametrize("kind", KINDS)
def test_seed_sequence_seeding(kind):
    check(lambda xp: getattr(xp.random, kind)(xp.random.SeedSequence(99, spawn_key=(3, 1))).random_raw(50))


def test_seed_sequence_generate_state():
    for entropy in [0, 5, 2**128 + 7, [1, 2, 3, 4, 5, 6], "0x1f", "12345", range(3)]:
        check(lambda xp: xp.random.SeedSequence(entropy).generate_state(10))
        check(lambda xp: xp.random.SeedSequence(entropy).generate_state(7, "uint64"))
    check(lambda xp: xp.random.SeedSequence(3, pool_size=8).generate_state(20))
    check(lambda xp: xp.random.SeedSequence(3, pool_size=8).pool)
    check(lambda xp: xp.random.SeedSequence(3, spawn_key=(0,)).pool)


def test_seed_sequence_spawn_tree():
    def tree(xp):
        root = xp.random.SeedSequence(2024)
        kids = root.spawn(3)
        grand = kids[1].spawn(2)
        more = root.spawn(2)
        out = [s.generate_state(4) for s in kids + grand + more]
        return xp.concatenate(out), root.n_children_spawned, kids[1].spawn_key, grand[1].spawn_key
    a, b = check(lambda xp: tree(xp)[0])
    assert tree(np)[1:] == tree(cnp)[1:]
    check(lambda xp: xp.random.default_rng(xp.random.SeedSequence(5).spawn(2)[1]).random(20))


def test_seed_sequence_state_and_repr():
    s_np, s_cn = np.random.SeedSequence(7, spawn_key=(1,)), cnp.random.SeedSequence(7, spawn_key=(1,))
    assert s_np.state == s_cn.state
    assert repr(s_np) == repr(s_cn)
    assert cnp.random.SeedSequence().entropy != cnp.random.SeedSequence().entropy


def test_seed_errors():
    check_error(lambda xp: xp.random.SeedSequence(-1))
    check_error(lambda xp: xp.random.SeedSequence([1, -2]))
    check_error(lambda xp: xp.random.SeedSequence(1.5))
    check_error(lambda xp: xp.random.SeedSequence([1.5]))
    check_error(lambda xp: xp.random.SeedSequence("abc"))
    check_error(lambda xp: xp.random.SeedSequence(1, pool_size=2))
    check_error(lambda xp: xp.random.default_rng(-5))
    check_error(lambda xp: xp.random.PCG64(-5))
    check_error(lambda xp: xp.random.SeedSequence(1).generate_state(3, "int32"))


def _state_values(st):
    """A state dict with arrays as lists (comparable across the two libraries)."""
    if isinstance(st, dict):
        return {k: _state_values(v) for k, v in st.items()}
    if isinstance(st, (np.ndarray, cnp.ndarray)):
        return values(st).tolist()
    return st


@pytest.mark.parametrize("kind", KINDS)
def test_state_dicts(kind):
    g_np, g_cn = gen(np, kind, 11), gen(cnp, kind, 11)
    g_np.random(3)
    g_cn.random(3)
    g_np.integers(0, 10, 3, dtype=np.int16)      # leaves a buffered 32-bit half on most kinds
    g_cn.integers(0, 10, 3, dtype="int16")
    g_np.bit_generator.random_raw(1) if kind == "Philox" else None
    g_cn.bit_generator.random_raw(1) if kind == "Philox" else None
    assert _state_values(g_np.bit_generator.state) == _state_values(g_cn.bit_generator.state)


@pytest.mark.parametrize("kind", KINDS)
def test_state_save_restore_and_transfer(kind):
    g_np, g_cn = gen(np, kind, 5), gen(cnp, kind, 5)
    saved = g_cn.bit_generator.state
    first = values(g_cn.standard_normal(100))
    g_cn.bit_generator.state = saved
    assert np.array_equal(first, values(g_cn.standard_normal(100)))
    # NumPy's state dict (with NumPy arrays) moves the generator to exactly NumPy's place
    g_np.random(17)
    st = g_np.bit_generator.state
    g_cn.bit_generator.state = st
    assert np.array_equal(g_np.random(50), values(g_cn.random(50)))


def test_state_errors():
    check_error(lambda xp: setattr(xp.random.PCG64(1), "state", {"bit_generator": "MT19937"}))
    check_error(lambda xp: setattr(xp.random.PCG64(1), "state", [1, 2]))
    check_error(lambda xp: setattr(xp.random.SFC64(1), "state", {"bit_generator": "PCG64"}))


@pytest.mark.parametrize("kind", ["PCG64", "PCG64DXSM", "Philox"])
def test_advance_and_jumped(kind):
    check(lambda xp: getattr(xp.random, kind)(3).advance(12345).random_raw(20))
    check(lambda xp: getattr(xp.random, kind)(3).advance(2**130 + 5).random_raw(5))
    check(lambda xp: getattr(xp.random, kind)(3).jumped().random_raw(20))
    check(lambda xp: getattr(xp.random, kind)(3).jumped(3).random_raw(20))


def test_mt19937_jumped():
    check(lambda xp: xp.random.MT19937(1234).jumped().random_raw(10))
    check(lambda xp: xp.random.MT19937(7).jumped(2).random_raw(10))

    def after_draws(xp):
        bg = xp.random.MT19937(5)
        bg.random_raw(700)                  # position mid-block
        return bg.jumped().random_raw(5)
    check(after_draws)


def test_philox_key_counter():
    check(lambda xp: xp.random.Philox(key=2**96 + 2**33 + 5).random_raw(20))
    check(lambda xp: xp.random.Philox(key=7, counter=[1, 2, 3, 4]).random_raw(20))
    check_error(lambda xp: xp.random.Philox(1, key=2))
    check_error(lambda xp: xp.random.Philox(key=-1))


# ---- Generator ------------------------------------------------------------------------------------
GEN_CASES = [
    ("random", ()), ("standard_normal", ()), ("standard_exponential", ()), ("standard_cauchy", ()),
    ("normal", (1.5, 2.0)), ("exponential", (3.0,)), ("uniform", (-1, 5)),
    ("standard_gamma", (0.5,)), ("standard_gamma", (1.0,)), ("standard_gamma", (3.0,)),
    ("gamma", (2.0, 3.0)), ("beta", (0.5, 0.7)), ("beta", (2.0, 3.0)), ("f", (3, 4)),
    ("noncentral_f", (3, 4, 2)), ("chisquare", (3,)), ("noncentral_chisquare", (3, 2)),
    ("noncentral_chisquare", (0.5, 2)), ("noncentral_chisquare", (3, 0)), ("standard_t", (5,)),
    ("vonmises", (0.5, 2.0)), ("vonmises", (0.5, 1e-6)), ("vonmises", (0.5, 1e7)),
    ("pareto", (3.0,)), ("weibull", (2.0,)), ("weibull", (0.0,)), ("power", (2.0,)),
    ("laplace", (1, 2)), ("gumbel", (1, 2)), ("logistic", (1, 2)), ("lognormal", (1, 0.5)),
    ("rayleigh", (2,)), ("wald", (1, 2)), ("triangular", (0, 1, 3)),
    ("binomial", (10, 0.3)), ("binomial", (1000, 0.3)), ("binomial", (1000, 0.8)),
    ("binomial", (0, 0.5)), ("negative_binomial", (5, 0.3)), ("negative_binomial", (0.5, 0.9)),
    ("poisson", (3.0,)), ("poisson", (100.0,)), ("poisson", (0.0,)), ("zipf", (2.0,)),
    ("zipf", (1.1,)), ("geometric", (0.2,)), ("geometric", (0.6,)), ("geometric", (1.0,)),
    ("hypergeometric", (10, 20, 5)), ("hypergeometric", (100, 200, 50)),
    ("hypergeometric", (5, 0, 3)), ("logseries", (0.7,)), ("logseries", (0.999,)),
]


@pytest.mark.parametrize("name,args", GEN_CASES, ids=[f"{n}{a}" for n, a in GEN_CASES])
@pytest.mark.parametrize("seed", [0, 987654321])
def test_generator_methods(name, args, seed):
    check(lambda xp: getattr(xp.random.default_rng(seed), name)(*args, size=N))


@pytest.mark.parametrize("name,args", GEN_CASES[:20], ids=[f"{n}{a}" for n, a in GEN_CASES[:20]])
@pytest.mark.parametrize("kind", ["MT19937", "Philox", "SFC64", "PCG64DXSM"])
def test_generator_methods_other_bitgens(name, args, kind):
    check(lambda xp: getattr(gen(xp, kind, 42), name)(*args, size=300))


@pytest.mark.parametrize("name,args", [c for c in GEN_CASES if c[1]][:12])
def test_generator_scalar_results(name, args):
    check(lambda xp: getattr(xp.random.default_rng(3), name)(*args))
    check(lambda xp: getattr(xp.random.default_rng(3), name)(*args, size=()))
    check(lambda xp: getattr(xp.random.default_rng(3), name)(*args, size=(2, 0, 3)))


@pytest.mark.parametrize("name", ["random", "standard_normal", "standard_exponential"])
@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_float_dtypes(name, dtype):
    check(lambda xp: getattr(xp.random.default_rng(8), name)(N, dtype=dtype))
    check(lambda xp: getattr(xp.random.default_rng(8), name)(dtype=dtype))


@pytest.mark.parametrize("shape", [0.3, 1.0, 4.5])
def test_standard_gamma_float32(shape):
    check(lambda xp: xp.random.default_rng(8).standard_gamma(shape, N, dtype="float32"))
    check(lambda xp: xp.random.default_rng(8).standard_gamma([0.5, 2.0, 9.0], dtype="float32"))


def test_standard_exponential_inv():
    check(lambda xp: xp.random.default_rng(1).standard_exponential(N, method="inv"))
    check(lambda xp: xp.random.default_rng(1).standard_exponential(N, dtype="float32", method="inv"))


def test_out_argument():
    for name in ["random", "standard_normal", "standard_exponential"]:
        def fill(xp):
            out = xp.zeros((4, 5))
            r = getattr(xp.random.default_rng(2), name)(out=out)
            assert r is out
            return out
        check(fill)
    check_error(lambda xp: xp.random.default_rng(2).random(out=xp.zeros(5, dtype="float32")))
    check_error(lambda xp: xp.random.default_rng(2).random(size=4, out=xp.zeros(5)))
    check(lambda xp: xp.random.default_rng(2).standard_gamma(2.0, out=xp.zeros((2, 3))))


INT_DTYPES = ["int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "bool"]


@pytest.mark.parametrize("dtype", INT_DTYPES)
@pytest.mark.parametrize("endpoint", [False, True])
def test_integers_dtypes(dtype, endpoint):
    info = np.iinfo(dtype) if dtype != "bool" else None
    lo, hi = (0, 1) if dtype == "bool" else (int(info.min), int(info.max))
    hi_open = hi if endpoint else hi + 1
    check(lambda xp: xp.random.default_rng(4).integers(lo, hi_open, N, dtype=dtype, endpoint=endpoint))
    small_hi = 1 if dtype == "bool" else 10
    check(lambda xp: xp.random.default_rng(4).integers(0, small_hi, N, dtype=dtype, endpoint=endpoint))
    check(lambda xp: xp.random.default_rng(4).integers(lo, lo + (0 if endpoint else 1), 20, dtype=dtype,
                                                      endpoint=endpoint))
    check(lambda xp: xp.random.default_rng(4).integers(small_hi, dtype=dtype))


@pytest.mark.parametrize("dtype", INT_DTYPES)
def test_randint_dtypes(dtype):
    hi = 2 if dtype == "bool" else 100
    check(lambda xp: xp.random.RandomState(4).randint(0, hi, N, dtype=dtype))
    check(lambda xp: xp.random.RandomState(4).randint(hi, size=N, dtype=dtype))


def test_integers_ranges():
    for lo, hi in [(0, 2**32), (0, 2**32 - 1), (5, 2**40), (-2**63, 2**63), (0, 2**64 - 1)]:
        dt = "uint64" if hi > 2**63 else "int64"
        check(lambda xp: xp.random.default_rng(6).integers(lo, hi, 200, dtype=dt))
        check(lambda xp: xp.random.RandomState(6).randint(lo, hi, 200, dtype=dt))
    check(lambda xp: xp.random.default_rng(6).integers(0, 2**64, 50, dtype="uint64"))
    check(lambda xp: xp.random.default_rng(6).integers(-5, 5))


def test_integers_broadcast():
    check(lambda xp: xp.random.default_rng(1).integers([0, 5, 10], [[20], [30]]))
    check(lambda xp: xp.random.default_rng(1).integers([0, 5, 10], [[20], [30]], size=(2, 3)))
    check(lambda xp: xp.random.default_rng(1).integers(0, [10, 20, 30], size=(4, 3), dtype="uint8"))
    check(lambda xp: xp.random.default_rng(1).integers([-3, 0], 2**40, dtype="int64"))
    check(lambda xp: xp.random.default_rng(1).integers(xp.array([1, 2], dtype="int8"), 100, dtype="int16"))
    check(lambda xp: xp.random.RandomState(1).randint([0, 5, 10], [[20], [30]]))


def test_integers_errors():
    g = lambda xp: xp.random.default_rng(1)  # noqa: E731
    check_error(lambda xp: g(xp).integers(5, 1))
    check_error(lambda xp: g(xp).integers(0))
    check_error(lambda xp: g(xp).integers(-1, endpoint=True))
    check_error(lambda xp: g(xp).integers(5, 5))
    check_error(lambda xp: g(xp).integers(0, 300, dtype="uint8"))
    check_error(lambda xp: g(xp).integers(-1, 3, dtype="uint8"))
    check_error(lambda xp: g(xp).integers(-129, 3, dtype="int8"))
    check_error(lambda xp: g(xp).integers(0, 2**64 + 1, dtype="uint64"))
    check_error(lambda xp: g(xp).integers(0, 5, dtype="float64"))
    check_error(lambda xp: g(xp).integers([5, 0], [1, 10]))
    check_error(lambda xp: g(xp).integers([0, 0], [1, 300], dtype="uint8"))
    check(lambda xp: g(xp).integers(5, 1, size=0))
    check_error(lambda xp: xp.random.RandomState(1).randint(3, 1))
    check_error(lambda xp: xp.random.RandomState(1).randint(0, 5, dtype="float32"))


def test_parameter_broadcasting():
    check(lambda xp: xp.random.default_rng(2).normal([0, 1, 2], [[1], [2]]))
    check(lambda xp: xp.random.default_rng(2).normal([0, 1, 2], [[1], [2]], size=(4, 2, 3)))
    check(lambda xp: xp.random.default_rng(2).uniform(xp.zeros((2, 1)), [1, 2, 3]))
    check(lambda xp: xp.random.default_rng(2).binomial([5, 50, 500], [[0.1], [0.9]]))
    check(lambda xp: xp.random.default_rng(2).hypergeometric([10, 100], [20, 200], [5, 50]))
    check(lambda xp: xp.random.default_rng(2).triangular(0, [0.5, 1], 2, size=(3, 2)))
    check(lambda xp: xp.random.default_rng(2).standard_gamma(xp.array([[0.5], [2.0]]), size=(2, 3)))
    check(lambda xp: xp.random.default_rng(2).exponential(xp.arange(1.0, 7.0)[::2]))
    check_error(lambda xp: xp.random.default_rng(2).normal([0, 1, 2], 1, size=2))
    check_error(lambda xp: xp.random.default_rng(2).normal([0, 1, 2], 1, size=(2, 4)))
    check_error(lambda xp: xp.random.default_rng(2).normal([0, 1, 2], [1, 2]))


BAD_PARAMS = [
    ("normal", (0, -1)), ("normal", (0, [1, -1])), ("normal", (0, -0.0)), ("exponential", (-1,)),
    ("gamma", (-1, 1)), ("gamma", (1, -1)), ("beta", (0, 1)), ("beta", (1, [1, 0])),
    ("f", (0, 1)), ("noncentral_f", (1, 1, -1)), ("chisquare", (0,)), ("chisquare", ([1, 0],)),
    ("noncentral_chisquare", (1, -1)), ("standard_t", (0,)), ("vonmises", (0, -1)),
    ("pareto", (0,)), ("weibull", (-1,)), ("power", (0,)), ("laplace", (0, -1)),
    ("gumbel", (0, -1)), ("logistic", (0, -1)), ("lognormal", (0, -1)), ("rayleigh", (-1,)),
    ("wald", (0, 1)), ("wald", (1, 0)), ("triangular", (2, 1, 3)), ("triangular", (0, 4, 3)),
    ("triangular", (1, 1, 1)), ("triangular", ([0, 2], 1, 3)), ("binomial", (-1, 0.5)),
    ("binomial", (5, 1.5)), ("binomial", (5, float("nan"))), ("binomial", ([5, 5], [0.5, -0.1])),
    ("negative_binomial", (0, 0.5)), ("negative_binomial", (5, 0)),
    ("negative_binomial", (float("nan"), 0.5)), ("negative_binomial", (1e20, 1e-10)),
    ("poisson", (-1,)), ("poisson", (1e20,)), ("poisson", ([1, float("nan")],)),
    ("zipf", (1,)), ("zipf", ([2, 0.5],)), ("geometric", (0,)), ("geometric", (1.5,)),
    ("hypergeometric", (5, 5, 20)), ("hypergeometric", (-1, 5, 2)), ("hypergeometric", (2**31, 5, 2)),
    ("hypergeometric", ([5, 5], 5, [2, 20])), ("logseries", (1,)), ("logseries", (-0.1,)),
    ("logseries", ([0.5, 1.0],)), ("uniform", (0, float("inf"))), ("uniform", ([0, 0], [1, float("inf")])),
    ("uniform", (1, 0)),
]


@pytest.mark.parametrize("name,args", BAD_PARAMS, ids=[f"{n}{a}" for n, a in BAD_PARAMS])
def test_bad_parameters(name, args):
    def call(xp):
        g = xp.random.default_rng(0)
        r = getattr(g, name)(*args)
        return r, g.random(3)        # nothing drawn by a failed call: the state is unchanged
    check_error(lambda xp: call(xp))


@pytest.mark.parametrize("name,args", BAD_PARAMS[:30] + [("negative_binomial", (5, 1.5)),
                                                            ("hypergeometric", (5, 5, 0)),
                                                            ("poisson", (1e19,))],
                         ids=lambda v: str(v))
def test_bad_parameters_legacy(name, args):
    check(lambda xp: getattr(xp.random.RandomState(0), name)(*args))


def test_mixed_sequence_one_generator():
    def seq(xp):
        g = xp.random.default_rng(31337)
        out = [g.random(5), g.integers(0, 7, 9, dtype="int8"), g.standard_normal(3),
               g.integers(0, 2**40, 4), g.random(2, dtype="float32").astype("float64"),
               g.integers(0, 3, 5, dtype="uint16"), g.exponential(2.0, 4), g.gamma(0.5, 1, 3),
               g.binomial(100, 0.4, 3).astype("float64"), g.permutation(6).astype("float64"),
               g.choice(10, 3, replace=False).astype("float64"), g.random(3)]
        return xp.concatenate([xp.asarray(o, dtype="float64").ravel() for o in out])
    check(seq)


def test_spawned_generators():
    check(lambda xp: xp.concatenate([xp.random.default_rng(s).random(10)
                                     for s in xp.random.SeedSequence(12).spawn(4)]))


def test_default_rng_forms():
    check(lambda xp: xp.random.default_rng([1, 2, 3]).random(10))
    check(lambda xp: xp.random.default_rng(xp.random.SeedSequence(4)).random(10))
    check(lambda xp: xp.random.default_rng(xp.random.MT19937(4)).random(10))
    g = cnp.random.default_rng(1)
    assert cnp.random.default_rng(g) is g
    a, b = cnp.random.default_rng().random(4), cnp.random.default_rng().random(4)
    assert not np.array_equal(values(a), values(b))     # OS entropy


def test_bytes():
    for n in [0, 1, 5, 8, 10]:
        assert np.random.default_rng(9).bytes(n) == cnp.random.default_rng(9).bytes(n)
        assert np.random.RandomState(9).bytes(n) == cnp.random.RandomState(9).bytes(n)


# ---- permutations and sampling -------------------------------------------------------------------
def test_shuffle_and_permutation():
    def shuf(xp, x, **kw):
        g = xp.random.default_rng(5)
        g.shuffle(x, **kw)
        return x
    check(lambda xp: shuf(xp, xp.arange(1000)))
    check(lambda xp: shuf(xp, xp.arange(24.0).reshape(6, 4)))
    check(lambda xp: shuf(xp, xp.arange(24).reshape(2, 3, 4), axis=1))
    check(lambda xp: shuf(xp, xp.arange(20, dtype="int8")[::-2]))
    check(lambda xp: shuf(xp, xp.arange(40).reshape(8, 5)[:, ::2]))
    check(lambda xp: shuf(xp, xp.zeros((0, 3))))
    check(lambda xp: xp.random.default_rng(5).permutation(1000))
    check(lambda xp: xp.random.default_rng(5).permutation(xp.arange(12).reshape(3, 4)))
    check(lambda xp: xp.random.default_rng(5).permutation(xp.arange(12).reshape(3, 4), axis=1))
    check(lambda xp: xp.random.default_rng(5).permutation([1.5, 2.5, 3.5]))
    lst_np, lst_cn = list(range(10)), list(range(10))
    np.random.default_rng(5).shuffle(lst_np)
    cnp.random.default_rng(5).shuffle(lst_cn)
    assert lst_np == lst_cn
    check_error(lambda xp: shuf(xp, xp.arange(3), axis=1))


def test_permuted():
    x = lambda xp: xp.arange(24).reshape(3, 8)  # noqa: E731
    check(lambda xp: xp.random.default_rng(3).permuted(x(xp), axis=1))
    check(lambda xp: xp.random.default_rng(3).permuted(x(xp), axis=0))
    check(lambda xp: xp.random.default_rng(3).permuted(x(xp)))
    check(lambda xp: xp.random.default_rng(3).permuted(xp.arange(24).reshape(2, 3, 4), axis=1))
    check(lambda xp: xp.random.default_rng(3).permuted(xp.arange(24).reshape(2, 3, 4).T))

    def into(xp):
        a = x(xp)
        r = xp.random.default_rng(3).permuted(a, axis=1, out=a)
        assert r is a
        return a
    check(into)


@pytest.mark.parametrize("cls", ["Generator", "RandomState"])
def test_choice(cls):
    def mk(xp):
        return xp.random.default_rng(77) if cls == "Generator" else xp.random.RandomState(77)
    check(lambda xp: mk(xp).choice(100, 50))
    check(lambda xp: mk(xp).choice(100, 50, replace=False))
    check(lambda xp: mk(xp).choice(100, (5, 4), replace=False))
    check(lambda xp: mk(xp).choice(5, 50, p=[0.1, 0.2, 0.3, 0.2, 0.2]))
    check(lambda xp: mk(xp).choice(5, 3, replace=False, p=[0.1, 0.2, 0.3, 0.2, 0.2]))
    check(lambda xp: mk(xp).choice([1.5, 2.5, 3.5], 6))
    check(lambda xp: mk(xp).choice(10))
    check(lambda xp: mk(xp).choice(20000, 3000, replace=False))
    check_error(lambda xp: mk(xp).choice(5, 6, replace=False))
    check_error(lambda xp: mk(xp).choice(5, 3, p=[0.5, 0.5, 0.5, 0.0, 0.0]))
    check_error(lambda xp: mk(xp).choice(3, 3, p=[0.5, -0.5, 1.0]))
    check_error(lambda xp: mk(xp).choice(3, 3, p=[0.5, float("nan"), 0.5]))
    check_error(lambda xp: mk(xp).choice(3, 3, p=[0.5, 0.5]))
    check_error(lambda xp: mk(xp).choice(0, 3))
    check_error(lambda xp: mk(xp).choice(-3, 3))
    check_error(lambda xp: mk(xp).choice(2.5, 3))


def test_choice_generator_options():
    g = lambda xp: xp.random.default_rng(13)  # noqa: E731
    check(lambda xp: g(xp).choice(20000, 300, replace=False, shuffle=False))
    check(lambda xp: g(xp).choice(xp.arange(12).reshape(3, 4), 5, axis=1))
    check(lambda xp: g(xp).choice(xp.arange(12).reshape(3, 4), 2, replace=False, axis=0))
    check(lambda xp: g(xp).choice(xp.arange(12).reshape(3, 4), 2))


def test_multinomial_dirichlet():
    for cls in ["Generator", "RandomState"]:
        mk = (lambda xp: xp.random.default_rng(4)) if cls == "Generator" else (lambda xp: xp.random.RandomState(4))
        check(lambda xp: mk(xp).multinomial(100, [0.2, 0.3, 0.5], size=50))
        check(lambda xp: mk(xp).multinomial(20, [1 / 6.] * 6))
        check(lambda xp: mk(xp).dirichlet([0.5, 1.0, 2.0], 100))
        check(lambda xp: mk(xp).dirichlet([2.0, 3.0]))
        check_error(lambda xp: mk(xp).dirichlet([1.0, 0.0]))
        check_error(lambda xp: mk(xp).multinomial(10, [0.5, 1.5]))
    check(lambda xp: xp.random.default_rng(4).dirichlet([0.05, 0.01, 0.02], 30))
    check(lambda xp: xp.random.default_rng(4).multinomial([10, 20], [0.5, 0.5]))


@pytest.mark.parametrize("method", ["svd", "eigh", "cholesky"])
def test_multivariate_normal(method):
    cov = [[2.0, 0.5, 0.1], [0.5, 1.0, 0.2], [0.1, 0.2, 3.0]]
    # NumPy's x @ factor.T runs in its BLAS (with fused multiply-adds): within a few ulp
    check(lambda xp: xp.random.default_rng(1).multivariate_normal([1, 2, 3], cov, 50, method=method), ulp=8)
    check(lambda xp: xp.random.RandomState(1).multivariate_normal([1, 2, 3], cov, 50), ulp=8)
    check_error(lambda xp: xp.random.default_rng(1).multivariate_normal([1, 2], cov))
    check_error(lambda xp: xp.random.default_rng(1).multivariate_normal([1, 2, 3], cov, method="qr"))
    for xp in (np, cnp):
        with pytest.warns(RuntimeWarning, match="covariance is not symmetric positive-semidefinite."):
            xp.random.default_rng(1).multivariate_normal([0, 0], [[1, 2], [2, 1]])
    check_error(lambda xp: xp.random.default_rng(1).multivariate_normal([0, 0], [[1, 2], [2, 1]],
                                                                         check_valid="raise"))


# ---- RandomState and the module functions ----------------------------------------------------------
LEGACY_CASES = [
    ("random_sample", ()), ("standard_normal", ()), ("standard_exponential", ()),
    ("standard_cauchy", ()), ("normal", (1.5, 2.0)), ("exponential", (3.0,)), ("uniform", (-1, 5)),
    ("uniform", (5, -1)), ("standard_gamma", (0.5,)), ("standard_gamma", (3.0,)),
    ("gamma", (2.0, 3.0)), ("beta", (0.5, 0.7)), ("beta", (2.0, 3.0)), ("f", (3, 4)),
    ("noncentral_f", (3, 4, 2)), ("chisquare", (3,)), ("noncentral_chisquare", (3, 2)),
    ("noncentral_chisquare", (0.5, 2)), ("standard_t", (5,)), ("vonmises", (0.5, 2.0)),
    ("vonmises", (0.5, 1e7)), ("pareto", (3.0,)), ("weibull", (2.0,)), ("power", (2.0,)),
    ("laplace", (1, 2)), ("gumbel", (1, 2)), ("logistic", (1, 2)), ("lognormal", (1, 0.5)),
    ("rayleigh", (2,)), ("wald", (1, 2)), ("triangular", (0, 1, 3)), ("binomial", (10, 0.3)),
    ("binomial", (1000, 0.3)), ("binomial", (1000, 0.8)), ("negative_binomial", (5, 0.3)),
    ("poisson", (3.0,)), ("poisson", (100.0,)), ("zipf", (2.0,)), ("geometric", (0.2,)),
    ("geometric", (0.6,)), ("hypergeometric", (10, 20, 5)), ("hypergeometric", (100, 200, 50)),
    ("logseries", (0.7,)), ("random_integers", (1, 6)), ("tomaxint", ()),
]


@pytest.mark.parametrize("name,args", LEGACY_CASES, ids=[f"{n}{a}" for n, a in LEGACY_CASES])
@pytest.mark.parametrize("seed", [0, 2**32 - 1, [1, 2, 3]], ids=["0", "max", "array"])
def test_random_state_methods(name, args, seed):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        check(lambda xp: getattr(xp.random.RandomState(seed), name)(*args, size=N))


def test_random_state_scalars():
    for name, args in LEGACY_CASES[:10] + [("binomial", (10, 0.3)), ("poisson", (3.0,))]:
        check(lambda xp: getattr(xp.random.RandomState(5), name)(*args))
    check(lambda xp: xp.random.RandomState(5).randint(10))
    check(lambda xp: xp.random.RandomState(5).randint(2, dtype=bool))
    check(lambda xp: xp.random.RandomState(5).rand())
    check(lambda xp: xp.random.RandomState(5).randn(2, 3))


def test_legacy_gauss_cache_in_state():
    def st(xp):
        r = xp.random.RandomState(3)
        r.randn(3)                      # an odd count leaves the second Gaussian cached
        s = r.get_state()
        a = r.randn(5)
        r.set_state(s)
        return xp.concatenate([a, r.randn(5)]), s[3], s[4]
    a, b = st(np), st(cnp)
    assert np.array_equal(a[0], values(b[0]))
    assert a[1:] == b[1:]
    r_np, r_cn = np.random.RandomState(8), cnp.random.RandomState(8)
    r_np.standard_normal(7)
    r_cn.set_state(r_np.get_state())           # NumPy's tuple carries the cached Gaussian
    assert np.array_equal(r_np.standard_normal(4), values(r_cn.standard_normal(4)))
    d = r_cn.get_state(legacy=False)
    assert d["bit_generator"] == "MT19937" and "has_gauss" in d


def test_random_state_seeding():
    for seed in [0, 1, 12345, 2**32 - 1, [0], [1, 2, 3, 4], list(range(700))]:
        check(lambda xp: xp.random.RandomState(seed).random_sample(20))
    check_error(lambda xp: xp.random.RandomState(-1))
    check_error(lambda xp: xp.random.RandomState(2**32))
    check_error(lambda xp: xp.random.RandomState([1, -1]))
    check_error(lambda xp: xp.random.RandomState([]))
    check_error(lambda xp: xp.random.RandomState([[1, 2], [3, 4]]))
    check_error(lambda xp: xp.random.RandomState(1.5))
    check_error(lambda xp: xp.random.RandomState(1).set_state(("PCG64", None, 0)))
    check_error(lambda xp: xp.random.RandomState(1).set_state(5))
    check(lambda xp: xp.random.RandomState(xp.random.MT19937(5)).random_sample(5))


def test_module_functions():
    def seq(xp):
        xp.random.seed(1234)
        out = [xp.random.rand(5), xp.random.randn(3), xp.random.randint(0, 10, 4).astype("float64"),
               xp.random.random_sample(2), xp.random.random(2), xp.random.ranf(2),
               xp.random.sample(2), xp.random.uniform(0, 3, 2), xp.random.normal(1, 2, 3),
               xp.random.permutation(5).astype("float64"), xp.random.choice(10, 3).astype("float64"),
               xp.random.standard_gamma(2.0, 3), xp.random.binomial(10, 0.5, 3).astype("float64")]
        return xp.concatenate([xp.asarray(o, dtype="float64") for o in out])
    check(seq)

    def state_roundtrip(xp):
        xp.random.seed(99)
        s = xp.random.get_state()
        a = xp.random.rand(4)
        xp.random.set_state(s)
        return xp.concatenate([a, xp.random.rand(4)])
    check(state_roundtrip)

    def shuffled(xp):
        xp.random.seed(3)
        a = xp.arange(10)
        xp.random.shuffle(a)
        return a
    check(shuffled)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        check(lambda xp: (xp.random.seed(4), xp.random.random_integers(1, 6, 10))[1])
    check_error(lambda xp: xp.random.seed(-1))
    check_error(lambda xp: xp.random.normal(0, -1))


def test_threads_share_global_state_safely():
    import threading
    cnp.random.seed(0)
    results = []

    def work():
        results.append(values(cnp.random.rand(1000)))
    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    got = np.sort(np.concatenate(results))
    np.random.seed(0)
    assert np.array_equal(got, np.sort(np.random.rand(4000)))   # the same 4000 draws, each once


@pytest.mark.parametrize("kind", ["PCG64", "PCG64DXSM"])
def test_large_random_split_over_threads(kind):
    # >= 2**20 doubles are filled in parts from advanced states: the same values and end state
    def big(xp):
        g = gen(xp, kind, 21)
        g.random(3)
        a = g.random(2**20 + 7)
        return xp.concatenate([a[:5], a[-5:], a[::100003], g.random(4), g.integers(0, 9, 3) * 1.0])
    check(big)


@pytest.mark.parametrize("method", ["count", "marginals"])
def test_multivariate_hypergeometric(method):
    g = lambda xp: xp.random.default_rng(17)  # noqa: E731
    check(lambda xp: g(xp).multivariate_hypergeometric([16, 8, 4], 6, size=200, method=method))
    check(lambda xp: g(xp).multivariate_hypergeometric([16, 8, 4], 20, size=(3, 4), method=method))
    check(lambda xp: g(xp).multivariate_hypergeometric([5, 0, 3], 4, method=method))
    check(lambda xp: g(xp).multivariate_hypergeometric([], 0, size=3, method=method))
    check(lambda xp: g(xp).multivariate_hypergeometric([1000, 2000, 3000], 2500, size=5, method=method))
    check_error(lambda xp: g(xp).multivariate_hypergeometric([3, 4], 8, method=method))
    check_error(lambda xp: g(xp).multivariate_hypergeometric([3, -4], 2, method=method))
    check_error(lambda xp: g(xp).multivariate_hypergeometric([3, 4], -1, method=method))
    check_error(lambda xp: g(xp).multivariate_hypergeometric([3.5, 4], 1, method=method))
    check_error(lambda xp: g(xp).multivariate_hypergeometric([[3, 4]], 1, method=method))
    check_error(lambda xp: g(xp).multivariate_hypergeometric([3, 4], 1, method="bogus"))


def test_zipf_large_a_returns():
    # NumPy 1.24 loops forever here; cnumpy answers 1 (P(X > 1) < 3e-309) as later NumPy does
    assert values(cnp.random.default_rng(1).zipf(1e10, 5)).tolist() == [1] * 5
    assert cnp.random.RandomState(1).zipf(2000.0) == 1
    check(lambda xp: xp.random.default_rng(1).zipf(1024.5, 5))


def test_pickle_round_trip():
    import pickle
    for obj in [cnp.random.default_rng(3), cnp.random.RandomState(3), cnp.random.Philox(3),
                cnp.random.MT19937(3), cnp.random.SFC64(3), cnp.random.PCG64DXSM(3)]:
        if isinstance(obj, cnp.random.RandomState):
            obj.randn(3)                             # a cached Gaussian travels with the state
            draw = lambda o: o.randn(5)  # noqa: E731
        elif isinstance(obj, cnp.random.Generator):
            obj.random(3)
            draw = lambda o: o.random(5)  # noqa: E731
        else:
            obj.random_raw(3)
            draw = lambda o: o.random_raw(5)  # noqa: E731
        clone = pickle.loads(pickle.dumps(obj))
        assert np.array_equal(values(draw(clone)), values(draw(obj)))


def test_multinomial_broadcast():
    g = lambda xp: xp.random.default_rng(23)  # noqa: E731
    pv = [[0.1, 0.2, 0.7], [0.5, 0.25, 0.25]]
    check(lambda xp: g(xp).multinomial(10, pv))
    check(lambda xp: g(xp).multinomial([[5], [50], [500]], pv))
    check(lambda xp: g(xp).multinomial([5, 50], pv, size=(3, 2)))
    check(lambda xp: g(xp).multinomial(xp.array([1000, 10]), [0.3, 0.7]))
    check_error(lambda xp: g(xp).multinomial([5, 50], pv, size=3))
    check_error(lambda xp: g(xp).multinomial([5, 50, 7], pv))
    check_error(lambda xp: g(xp).multinomial([5, -1], pv))
    check_error(lambda xp: g(xp).multinomial(5, [[0.9, 0.9, 0.1]]))
    check_error(lambda xp: g(xp).multinomial(5, []))
    check_error(lambda xp: xp.random.RandomState(1).multinomial(-1, [0.5, 0.5]))
    check_error(lambda xp: g(xp).normal([[0.0, 1.0, 2.0]] * 2, 1.0, size=3))
