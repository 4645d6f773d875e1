"""numpy's binary I/O against NumPy 1.24: .npy files byte for byte in both directions (every
dtype the project has, both byte orders, strings, datetimes, records with padding, titles,
nested fields and subarrays; C, Fortran, non-contiguous, 0-d and empty arrays; format versions
1.0/2.0/3.0), .npz archives both ways and NpzFile's mapping API, memory-mapped loading in every
mode, tofile/fromfile/fromstring, and damaged files: the same exception type and message as
NumPy (or, where NumPy itself crashes or allocates blindly, a clear ValueError)."""
import io
import mmap
import struct
import warnings
import zipfile

import numpy as np
import pytest

import cnumpy as cnp

DTYPES = ["?", "i1", "u1", "<i2", ">i2", "<u4", ">i4", "<i8", ">u8", "<f2", ">f2", "<f4", ">f4",
          "<f8", ">f8", "<c8", ">c16", "S1", "S7", "<U1", ">U5", "<M8[D]", ">M8[ns]", "<m8[s]",
          "V4",
          [("a", "<i4"), ("b", ">f8", (2,))],
          {"names": ["x", "y"], "formats": ["u1", "<f4"], "offsets": [0, 4], "itemsize": 12},
          [(("title", "a"), "<i2"), ("b", "S3")],
          [("nested", [("p", "i1"), ("q", "<U3")]), ("r", "<f8", (2, 2))]]
LAYOUTS = ["c", "f", "strided", "reversed", "0d", "empty", "1d"]


def values(dtype, n):
    dt = np.dtype(dtype)
    raw = np.random.default_rng(n).integers(0, 256, n * dt.itemsize, dtype=np.uint8)
    a = raw.view(dt) if dt.itemsize else np.zeros(n, dt)
    if dt.names:  # padding bytes zero, field bytes random
        a = np.zeros(n, dt)
        for name in dt.names:
            a[name] = raw.view(dt)[name]
    if dt.kind in "fc":
        a = np.arange(n).astype(dt)
    elif dt.kind == "U":
        a = np.array(["x%dé" % i for i in range(n)]).astype(dt)
    elif dt.kind == "b":
        a = np.arange(n) % 3 == 0
    elif dt.kind in "Mm":
        a = np.arange(n).astype(dt)
    return a.astype(dt)


def arrange(a, layout, mod=np):
    if layout == "c":
        return a[:24].reshape(2, 3, 4)
    if layout == "f":
        return mod.asfortranarray(a[:24].reshape(4, 6))
    if layout == "strided":
        return a[:24].reshape(4, 6)[::2, 1::2]
    if layout == "reversed":
        return a[:10][::-1]
    if layout == "0d":
        return a[3:4].reshape(())
    if layout == "empty":
        return a[:0].reshape(0, 5)
    return a[:7]


def np_bytes(a, **kw):
    b = io.BytesIO()
    np.save(b, a, **kw)
    return b.getvalue()


def cn_bytes(a):
    b = io.BytesIO()
    cnp.save(b, a)
    return b.getvalue()


def cn_copy(a):
    """The cnumpy array of NumPy array a, through NumPy's own file (the reader under test)."""
    return cnp.load(io.BytesIO(np_bytes(np.ascontiguousarray(a))))


def same(cn_result, expected):
    back = np.load(io.BytesIO(cn_bytes(cn_result)))
    assert back.dtype == expected.dtype and back.shape == expected.shape
    assert back.tobytes() == np.ascontiguousarray(expected).tobytes()


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("dtype", DTYPES, ids=str)
def test_npy_bytes_both_ways(dtype, layout):
    base = values(dtype, 24)
    ref = arrange(base, layout)
    # NumPy's file read by cnumpy: same dtype, shape, bytes; and written back identically.
    nb = np_bytes(ref)
    got = cnp.load(io.BytesIO(nb))
    assert str(got.dtype) == str(ref.dtype) and got.shape == ref.shape
    back = np.load(io.BytesIO(nb))
    assert (got.flags.c_contiguous, got.flags.f_contiguous) == (back.flags.c_contiguous, back.flags.f_contiguous)
    assert cn_bytes(got) == nb
    if base.dtype.names and base.dtype.itemsize > sum(base.dtype.fields[n][0].itemsize for n in base.dtype.names) \
            and layout in ("f", "strided"):
        return  # numpy's copies of padded records leave the padding uninitialised: no fixed bytes
    # The same layout made by cnumpy from the whole array: cnumpy's file equals NumPy's.
    c = cnp.load(io.BytesIO(np_bytes(base)))
    assert cn_bytes(arrange(c, layout, cnp)) == np_bytes(ref)


def test_header_versions_and_warnings():
    big = np.zeros(2, dtype=[("f%d" % i, "<f8") for i in range(5000)])
    with pytest.warns(UserWarning, match="format 2.0"):
        nb = np_bytes(big)
    c = cnp.load(io.BytesIO(nb), max_header_size=10 ** 6)
    with pytest.warns(UserWarning, match="format 2.0"):
        assert cn_bytes(c) == nb
    assert nb[6] == 2
    uni = np.zeros(3, dtype=[("\u20ac", "<i4")])
    with pytest.warns(UserWarning, match="format 3.0"):
        nb = np_bytes(uni)
    c = cnp.load(io.BytesIO(nb))
    with pytest.warns(UserWarning, match="format 3.0"):
        assert cn_bytes(c) == nb
    latin = np.zeros(3, dtype=[("\xe9", "<i4")])  # latin-1 fits format 1.0
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert cn_bytes(cnp.load(io.BytesIO(np_bytes(latin)))) == np_bytes(latin)


def test_long_suffix_and_python2_headers():
    hdr = b"{'descr': '<i4', 'fortran_order': False, 'shape': (3L,), }"
    hdr += b" " * (64 - (10 + len(hdr) + 1) % 64) + b"\n"
    data = b"\x93NUMPY\x01\x00" + struct.pack("<H", len(hdr)) + hdr + np.arange(3, dtype="<i4").tobytes()
    np.testing.assert_array_equal(np.load(io.BytesIO(data)), cnp.load(io.BytesIO(data)).tolist())


def test_paths_and_file_objects(tmp_path):
    a = cnp.arange(12.0).reshape(3, 4)
    cnp.save(str(tmp_path / "x"), a)  # '.npy' appended as numpy does
    assert (tmp_path / "x.npy").read_bytes() == np_bytes(np.arange(12.0).reshape(3, 4))
    cnp.save(tmp_path / "y.npy", a)
    np.testing.assert_array_equal(np.load(tmp_path / "y.npy"), np.arange(12.0).reshape(3, 4))
    # Several arrays in one real file: positions are kept in step with the Python file object.
    with open(tmp_path / "multi.npy", "wb") as f:
        cnp.save(f, a)
        f.write(b"between")
        cnp.save(f, cnp.arange(3))
    with open(tmp_path / "multi.npy", "rb") as f:
        x = np.load(f)
        assert f.read(7) == b"between"
        y = np.load(f)
    np.testing.assert_array_equal(x, np.arange(12.0).reshape(3, 4))
    np.testing.assert_array_equal(y, np.arange(3))
    with open(tmp_path / "multi.npy", "rb") as f:
        x = cnp.load(f)
        assert f.read(7) == b"between"
        y = cnp.load(f)
        assert f.read() == b""
    assert x.tolist() == np.arange(12.0).reshape(3, 4).tolist() and y.tolist() == [0, 1, 2]
    b = io.BytesIO(np_bytes(np.arange(3)) + np_bytes(np.ones(2)))
    assert cnp.load(b).tolist() == [0, 1, 2] and cnp.load(b).tolist() == [1.0, 1.0]


def test_ds_io_1(tmp_path):
    """DS-IO-1: the audit's 3x3 numeric array through save and load, both libraries."""
    ds = [[1.5, 2.0, -3.25], [4.0, 5.5, 6.0], [7.0, 8.0, 9.125]]
    cnp.save(tmp_path / "ds.npy", cnp.array(ds))
    np.save(tmp_path / "np.npy", np.array(ds))
    assert (tmp_path / "ds.npy").read_bytes() == (tmp_path / "np.npy").read_bytes()
    assert cnp.load(tmp_path / "np.npy").tolist() == np.load(tmp_path / "ds.npy").tolist() == ds


# ---- .npz -------------------------------------------------------------------------------------
@pytest.mark.parametrize("compressed", [False, True])
def test_npz_both_ways(tmp_path, compressed):
    save_np = np.savez_compressed if compressed else np.savez
    save_cn = cnp.savez_compressed if compressed else cnp.savez
    arrays = {"a": np.arange(10.0).reshape(2, 5), "s": np.array([b"x", b"yz"]),
              "r": np.zeros(2, dtype=[("p", "<i2"), ("q", ">f4")]), "e": np.zeros((0, 3)),
              "z": np.array(7, dtype=">i8")}
    save_np(tmp_path / "n", np.arange(4), **arrays)
    with cnp.load(tmp_path / "n.npz") as z:
        assert z.files == ["a", "s", "r", "e", "z", "arr_0"] or sorted(z.files) == sorted(
            list(arrays) + ["arr_0"])
        for k, v in arrays.items():
            assert cn_bytes(z[k]) == np_bytes(v)
        assert z["arr_0.npy"].tolist() == [0, 1, 2, 3]
    cn_arrays = {k: cnp.load(io.BytesIO(np_bytes(v))) for k, v in arrays.items()}
    save_cn(tmp_path / "c", cnp.arange(4), **cn_arrays)
    with zipfile.ZipFile(tmp_path / "c.npz") as zf:
        assert sorted(zf.namelist()) == sorted(["arr_0.npy"] + [k + ".npy" for k in arrays])
        method = zipfile.ZIP_DEFLATED if compressed else zipfile.ZIP_STORED
        assert all(i.compress_type == method for i in zf.infolist())
        assert zf.testzip() is None
    with np.load(tmp_path / "c.npz") as z:
        for k, v in arrays.items():
            assert np_bytes(z[k]) == np_bytes(v)
        np.testing.assert_array_equal(z["arr_0"], np.arange(4))


def test_npz_file_object_and_mapping(tmp_path):
    buf = io.BytesIO()
    cnp.savez(buf, cnp.arange(3), b=cnp.ones(2))
    buf.seek(0)
    z = cnp.load(buf)
    assert isinstance(z, cnp.lib.format.__class__) is False
    assert len(z) == 2 and set(z) == {"arr_0", "b"} and "b" in z and "c" not in z
    assert z.f.b.tolist() == [1.0, 1.0]
    assert sorted(k for k, _ in z.items()) == ["arr_0", "b"]
    with pytest.raises(KeyError, match="c is not a file in the archive"):
        z["c"]
    z.close()
    z.close()  # twice is fine, as in numpy
    with pytest.raises(AttributeError):
        z["b"]
    # A member that is not a .npy comes back as its bytes, as numpy's NpzFile does.
    with zipfile.ZipFile(tmp_path / "m.npz", "w") as zf:
        zf.writestr("notes.txt", b"hello")
        zf.writestr("x.npy", np_bytes(np.arange(2)))
    with cnp.load(tmp_path / "m.npz") as z, np.load(tmp_path / "m.npz") as nz:
        assert z.files == nz.files
        assert z["notes.txt"] == nz["notes.txt"] == b"hello"
        assert z["x"].tolist() == [0, 1]
    # An empty archive.
    cnp.savez(tmp_path / "empty.npz")
    assert np.load(tmp_path / "empty.npz").files == []
    np.savez(tmp_path / "empty2.npz")
    assert cnp.load(tmp_path / "empty2.npz").files == []


def test_savez_name_clash():
    with pytest.raises(ValueError, match="Cannot use un-named variables and keyword arr_0"):
        cnp.savez(io.BytesIO(), cnp.arange(2), arr_0=cnp.arange(3))


def _zip_with(member_bytes, name="a.npy", compress=zipfile.ZIP_STORED):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", compression=compress) as zf:
        zf.writestr(name, member_bytes)
    return bytearray(b.getvalue())


def test_npz_bounded_reads():
    # A .npy member whose header declares far more data than the member holds: numpy's EOF
    # message, and nothing allocated for the declared size.
    hdr = np_bytes(np.zeros(10 ** 12 // 8 // 1000))[:128]  # the header of a large array
    member = hdr + b"\0" * 80
    data = bytes(_zip_with(member))
    with cnp.load(io.BytesIO(data)) as z:
        with pytest.raises(ValueError, match="EOF: reading array data"):
            z["a"]
    # A member whose directory entry claims more than its compressed bytes can expand to.
    raw = _zip_with(b"x" * 100, "b.bin")
    cd = raw.rfind(b"PK\x01\x02")
    raw[cd + 24:cd + 28] = struct.pack("<I", 10 ** 9)  # uncompressed size in the central directory
    with cnp.load(io.BytesIO(bytes(raw))) as z:
        with pytest.raises(ValueError, match="more than decompression can produce|Bad zip"):
            z["b.bin"]
    # A flipped data byte: the CRC check fails.
    raw = _zip_with(np_bytes(np.arange(100)))
    raw[200] ^= 0xFF
    with cnp.load(io.BytesIO(bytes(raw))) as z:
        with pytest.raises(ValueError):
            z["a"]
    # A highly compressible member (legitimate ratio) still loads.
    big = np.zeros(2 * 10 ** 6)
    data = bytes(_zip_with(np_bytes(big), compress=zipfile.ZIP_DEFLATED))
    assert cnp.load(io.BytesIO(data))["a"].shape == (2 * 10 ** 6,)


def test_npz_damaged_archive():
    data = _zip_with(np_bytes(np.arange(3)))
    with pytest.raises(ValueError, match="File is not a zip file"):
        cnp.load(io.BytesIO(bytes(data[:40])))


# ---- memory maps --------------------------------------------------------------------------------
def test_mmap_modes(tmp_path):
    p = tmp_path / "m.npy"
    ref = np.arange(12.0).reshape(3, 4)
    np.save(p, ref)
    m = cnp.load(p, mmap_mode="r")
    assert not m.flags.writeable and m.tolist() == ref.tolist()
    with pytest.raises(ValueError, match="read-only"):
        m[0, 0] = 1
    with pytest.raises(ValueError):
        m.flags.writeable = True
    v = m[1:]  # views keep the mapping alive after the base goes
    del m
    assert v.sum() == ref[1:].sum()
    m = cnp.load(p, mmap_mode="r+")
    m[0, 0] = 42
    del m
    assert np.load(p)[0, 0] == 42
    m = cnp.load(p, mmap_mode="c")
    m[0, 0] = 7
    assert m[0, 0] == 7
    del m
    assert np.load(p)[0, 0] == 42
    np.save(p, np.asfortranarray(ref))
    m = cnp.load(p, mmap_mode="r")
    assert m.flags.f_contiguous and m.tolist() == ref.tolist()
    np.save(p, np.array(2.5))
    assert cnp.load(p, mmap_mode="r").tolist() == 2.5
    np.save(p, np.zeros((0, 4)))
    assert cnp.load(p, mmap_mode="r").shape == (0, 4)


def test_open_memmap_create(tmp_path):
    p = tmp_path / "w.npy"
    w = cnp.lib.format.open_memmap(p, mode="w+", dtype=">i2", shape=(2, 3), fortran_order=True)
    w[...] = cnp.arange(6, dtype=">i2").reshape(2, 3)
    del w
    ref = np.lib.format.open_memmap(tmp_path / "n.npy", mode="w+", dtype=">i2", shape=(2, 3),
                                    fortran_order=True)
    ref[...] = np.arange(6).reshape(2, 3)
    del ref
    assert p.read_bytes() == (tmp_path / "n.npy").read_bytes()
    with pytest.raises(ValueError, match="Memmap cannot use existing file handles"):
        with open(p, "rb") as f:
            cnp.lib.format.open_memmap(f)


def test_mmap_short_file(tmp_path):
    p = tmp_path / "s.npy"
    p.write_bytes(np_bytes(np.arange(100.0))[:300])
    for mod in (np, cnp):
        with pytest.raises(ValueError, match="mmap length is greater than file size"):
            mod.load(p, mmap_mode="r")


# ---- numpy.memmap -------------------------------------------------------------------------------
MEMMAP_CASES = [  # (dtype, shape, offset, order)
    ("f4", (3, 4), 0, "C"), ("<i8", (5,), 16, "C"), (">f8", (2, 3), 3, "F"), ("u1", (), 1, "C"),
    ("c16", (2, 2), 0, "F"), ("S3", (4,), 5, "C"), ("?", (7,), 4097, "C"),
    ("<M8[D]", (3,), 8, "C"), ("i2", (0, 3), 2, "C"), ("f8", (2, 3, 4), 4096, "C")]


def _raw(n):
    return bytes(range(256)) * (n // 256 + 1)


@pytest.mark.parametrize("dt,shape,offset,order", MEMMAP_CASES)
@pytest.mark.parametrize("mode", ["r", "r+", "c"])
def test_memmap_reads_as_numpy(tmp_path, dt, shape, offset, order, mode):
    p = tmp_path / "raw.bin"
    p.write_bytes(_raw(offset + 600))
    ref = np.memmap(p, dtype=dt, mode="r", offset=offset, shape=shape, order=order)
    m = cnp.memmap(p, dtype=dt, mode=mode, offset=offset, shape=shape, order=order)
    assert type(m) is cnp.memmap
    assert m.shape == ref.shape and m.dtype == cnp.dtype(dt) and m.strides == ref.strides
    assert m.tobytes() == ref.tobytes()
    assert (m.offset, m.mode, m.filename) == (ref.offset, mode, ref.filename)
    assert m.flags.writeable == (mode != "r")
    del m, ref


@pytest.mark.parametrize("mode", ["r+", "w+", "c"])
def test_memmap_writes_as_numpy(tmp_path, mode):
    files = []
    for mod in (np, cnp):
        p = tmp_path / ("%s.bin" % mod.__name__)
        p.write_bytes(b"\x01" * 50)
        m = mod.memmap(p, dtype="<i2", mode=mode, offset=6, shape=(4, 5))
        m[1:3, ::2] = 7
        m[0] = mod.arange(5)
        m.flush()
        del m
        files.append(p.read_bytes())
    assert files[0] == files[1]


def test_memmap_shape_none_and_fileobj(tmp_path):
    p = tmp_path / "a.bin"
    p.write_bytes(_raw(24)[:24])
    for kw in ({"dtype": "f8"}, {"dtype": "u1", "offset": 5}, {"dtype": "<i4", "offset": 4}):
        ref = np.memmap(p, mode="r", **kw)
        m = cnp.memmap(p, mode="r", **kw)
        assert m.shape == ref.shape and m.tobytes() == ref.tobytes()
        del ref
    with open(p, "rb") as f:
        m = cnp.memmap(f, dtype="u1", mode="r", shape=(3, 2), offset=2)
        ref = np.memmap(f, dtype="u1", mode="r", shape=(3, 2), offset=2)
        assert m.tobytes() == ref.tobytes() and m.filename == ref.filename == str(p)
    with open(p, "r+b") as f:   # 'w+' on a file object does not truncate it (numpy's rule)
        m = cnp.memmap(f, dtype="u1", mode="w+", shape=(30,))
        assert m[:24].tobytes() == _raw(24)[:24]
        m[25] = 9
        m.flush()
    assert p.read_bytes()[24:] == b"\0\x09" + b"\0" * 4
    import pathlib
    m = cnp.memmap(pathlib.Path(p), mode="r")
    assert isinstance(m.filename, pathlib.Path) and m.filename == p.resolve()


@pytest.mark.parametrize("case", [
    dict(mode="x"), dict(mode="w+"), dict(dtype="f8", offset=3), dict(shape=(100,), mode="r"),
    dict(shape=(100,), mode="c"), dict(offset=100, shape=(1,), mode="r"), dict(shape=(-1,)),
    dict(offset=-1, shape=(2,), mode="r"), dict(offset=1, dtype="<i4", mode="r"),
    dict(shape=(-1, 3), mode="r"), dict(shape=(2, -1, -1), mode="r"), dict(offset=20, mode="r"),
    dict(offset=4096, mode="r"), dict(offset=5, shape=(6,), mode="r"),
    dict(offset=11, mode="r", dtype="<i4")])
def test_memmap_errors_as_numpy(tmp_path, case):
    p = tmp_path / "e.bin"
    p.write_bytes(_raw(10)[:10])
    with pytest.raises(Exception) as ref:
        np.memmap(p, **case)
    with pytest.raises(type(ref.value)) as got:
        cnp.memmap(p, **case)
    assert str(got.value) == str(ref.value)


def test_memmap_empty_file(tmp_path):
    p = tmp_path / "z.bin"
    p.write_bytes(b"")
    for mod in (np, cnp):
        with pytest.raises(ValueError, match="cannot mmap an empty file"):
            mod.memmap(p, shape=(0, 4), mode="w+")
        with pytest.raises(ValueError, match="cannot mmap an empty file"):
            mod.memmap(p, mode="r")
    with pytest.raises(FileNotFoundError):
        cnp.memmap(tmp_path / "missing.bin", mode="r")


RESULT_TYPES = [
    "m[1:]", "m[0]", "m[[0, 1]]", "m[0, 0]", "m[...]", "m[None]", "m[m > 3]", "m.copy()",
    "m.reshape(12)", "m.T", "m.view()", "m.ravel()", "m + 1", "m.sum(axis=0)", "m.sum()",
    "mod.add(m, 1)", "m.astype(int)", "m.flatten()", "m.squeeze()", "mod.asarray(m)",
    "mod.asanyarray(m)", "m.view('i4')", "mod.sqrt(m)", "m.transpose()", "m.mean(axis=0)", "m.max()", "m.real",
    "m.swapaxes(0, 1)", "m.diagonal()", "m[1:][0]", "m.copy()[1:]", "-m", "m == m",
    "m.tolist()", "m[:, 1]", "m[1:].copy()"]


@pytest.mark.parametrize("expr", RESULT_TYPES)
def test_memmap_result_types(tmp_path, expr):
    got = []
    for mod in (np, cnp):
        m = mod.memmap(tmp_path / ("%s.bin" % mod.__name__), dtype="f4", mode="w+", shape=(3, 4))
        m[...] = mod.arange(12, dtype="f4").reshape(3, 4)
        r = eval(expr)
        name = type(r).__name__
        mapped = getattr(r, "_mmap", "absent")
        got.append((name, "absent" if mapped == "absent" else mapped is None,
                    getattr(r, "filename", None) is None, getattr(r, "offset", None),
                    getattr(r, "mode", None),
                    r.tolist() if hasattr(r, "tolist") else r))
        del m, r
    assert got[0] == got[1]


def _base_desc(r, m, mod):
    """Where r.base points, in library-neutral words."""
    b = r.base
    if b is None:
        return None
    if b is m:
        return "m"
    if isinstance(b, mmap.mmap):
        return "mmap"
    return type(b).__name__


BASE_EXPRS = ["m", "m[1:]", "m[1:][1:]", "m.T", "m.reshape(12)", "m.view()", "mod.asarray(m)",
              "m.view(mod.ndarray)", "m.copy()", "m[[0, 1]]", "m[1:].T", "m.ravel()"]


@pytest.mark.parametrize("how", ["memmap", "fileobj", "load", "open_memmap", "offset"])
def test_memmap_base(tmp_path, how):
    # NumPy: a memmap's base is Python's mmap object of the mapped region, a view's is the memmap
    # it views (chains collapse to it), asarray(m)'s is m, a copy's is None.
    got = []
    for mod in (np, cnp):
        p = tmp_path / ("%s_%s.bin" % (mod.__name__, how))
        f = None
        if how == "memmap":
            m = mod.memmap(p, dtype="f8", mode="w+", shape=(4, 3))
        elif how == "offset":
            p.write_bytes(b"\0" * 5000 + np.arange(12.0).tobytes())
            m = mod.memmap(p, dtype="f8", mode="r", offset=5000, shape=(4, 3))
        elif how == "fileobj":
            p.write_bytes(np.arange(12.0).tobytes())
            f = open(p, "r+b")
            m = mod.memmap(f, dtype="f8", mode="r+", shape=(4, 3))
        elif how == "load":
            np.save(p, np.arange(12.0).reshape(4, 3))
            m = mod.load(str(p) + ".npy", mmap_mode="r")
        else:
            m = mod.lib.format.open_memmap(str(p), mode="w+", dtype="f8", shape=(4, 3))
        rows = []
        for e in BASE_EXPRS:
            r = eval(e)
            rows.append((e, type(r).__name__, _base_desc(r, m, mod)))
        mm = m.base
        rows.append(("len", len(mm), mm[:8] == m.base[:8]))
        got.append(rows)
        del m, r, mm
        if f is not None:
            f.close()
    assert got[0] == got[1]


class _NpSub(np.memmap):
    pass


class _CnSub(cnp.memmap):
    pass


SUB_EXPRS = ["s + 1", "1 + s", "-s", "s * s", "s > 2", "s[1:]", "s[[0, 1]]", "s.sum(axis=0)", "s.sum()",
             "s.mean(axis=1)", "s.max()", "s[0, 0]", "s.copy()", "s.T", "s.cumsum()", "abs(s)",
             "s.clip(1, 5)", "s.astype('i4')"]


@pytest.mark.parametrize("expr", SUB_EXPRS)
def test_memmap_subclass_results(tmp_path, expr):
    # A subclass of memmap keeps its type for operator and reduction results (NumPy's
    # memmap.__array_wrap__ returns them unchanged; full reductions are 0-d subclass arrays).
    got = []
    for mod, cls in ((np, _NpSub), (cnp, _CnSub)):
        s = cls(tmp_path / ("%s.bin" % mod.__name__), dtype="f8", mode="w+", shape=(3, 4))
        s[...] = mod.arange(12.0).reshape(3, 4)
        r = eval(expr)
        is_sub = isinstance(r, cls)
        got.append((is_sub, type(r).__name__ if not is_sub else "Sub", getattr(r, "shape", None),
                    r.tolist() if hasattr(r, "tolist") else r,
                    getattr(r, "filename", "absent") is None, getattr(r, "mode", "absent")))
        del s, r
    assert got[0] == got[1]


def test_memmap_views_share_and_flush(tmp_path):
    p = tmp_path / "v.bin"
    m = cnp.memmap(p, dtype="f8", mode="w+", shape=(4, 3))
    v = m[1:3]
    assert v._mmap is m._mmap and v.filename == m.filename and v.offset == m.offset == 0
    v[...] = 5
    w = m.T.T.reshape(12)
    assert type(w) is cnp.memmap and w._mmap is m._mmap
    c = m.T.reshape(12)   # a copy: a memmap that maps nothing, as numpy's
    assert type(c) is cnp.memmap and c._mmap is None
    m += 1   # in place: still the memmap
    assert type(m) is cnp.memmap and m[1, 0] == 6 and v[0, 0] == 6
    cnp.add(m, 1, out=m)
    assert type(m) is cnp.memmap
    v.flush()
    del m   # the view keeps the mapping alive
    assert v[0, 0] == 7
    assert np.fromfile(p, "f8")[3] == 7
    del v, w
    r = cnp.memmap(p, dtype="f8", mode="r", shape=(4, 3))
    r.flush()   # nothing to write back: no error
    assert r.copy().flush() is None


def test_load_mmap_mode_returns_memmap(tmp_path):
    p = tmp_path / "l.npy"
    np.save(p, np.arange(6.0).reshape(2, 3))
    for mode in ("r", "r+", "c"):
        ref = np.load(p, mmap_mode=mode)
        m = cnp.load(p, mmap_mode=mode)
        assert type(m) is cnp.memmap
        assert (m.offset, m.mode, m.filename) == (ref.offset, ref.mode, ref.filename)
        assert type(m[0]) is cnp.memmap and type(m + 1) is cnp.ndarray
        del m, ref
    m = cnp.load(p, mmap_mode="r+")
    m[0, 0] = 9
    m.flush()
    assert np.load(p)[0, 0] == 9
    del m
    w = cnp.lib.format.open_memmap(tmp_path / "w.npy", mode="w+", dtype="i2", shape=(3,))
    assert type(w) is cnp.memmap and w.mode == "w+" and w.offset == 128


# ---- damaged .npy files: numpy's exception and message ---------------------------------------
def _npy(header, version=1, data=b""):
    fmt = "<H" if version == 1 else "<I"
    return b"\x93NUMPY" + bytes([version, 0]) + struct.pack(fmt, len(header)) + header + data


GOOD = np_bytes(np.arange(9.0).reshape(3, 3))
BAD_FILES = {
    "short_magic": b"\x93NUM",
    "bad_magic": b"\x93NUMPX\x01\x00" + b"x" * 60,
    "version_4": b"\x93NUMPY\x04\x00" + b"x" * 60,
    "version_1_1": b"\x93NUMPY\x01\x01" + b"x" * 60,
    "short_length": b"\x93NUMPY\x01\x00\x10",
    "short_header": b"\x93NUMPY\x01\x00\x76\x00{'descr'",
    "not_dict": _npy(b"[1, 2, 3]\n"),
    "syntax": _npy(b"{'descr': '<f8', 'fortran_order': False, 'shape': (3, 3)\n"),
    "call": _npy(b"{'descr': dtype('<f8'), 'fortran_order': False, 'shape': (3, 3)}\n"),
    "extra_key": _npy(b"{'descr': '<f8', 'fortran_order': False, 'shape': (3,), 'x': 1}\n"),
    "missing_key": _npy(b"{'descr': '<f8', 'shape': (3,)}\n"),
    "shape_list": _npy(b"{'descr': '<f8', 'fortran_order': False, 'shape': [3]}\n"),
    "shape_float": _npy(b"{'descr': '<f8', 'fortran_order': False, 'shape': (3.0,)}\n"),
    "fortran_int": _npy(b"{'descr': '<f8', 'fortran_order': 1, 'shape': (3,)}\n"),
    "descr_unknown": _npy(b"{'descr': '<q8', 'fortran_order': False, 'shape': (3,)}\n"),
    "descr_int": _npy(b"{'descr': 5, 'fortran_order': False, 'shape': (3,)}\n"),
    "descr_object": _npy(b"{'descr': '|O', 'fortran_order': False, 'shape': (3,)}\n"),
    "descr_record_object": _npy(b"{'descr': [('a', '|O')], 'fortran_order': False, 'shape': (3,)}\n"),
    "descr_field_len": _npy(b"{'descr': [('a',)], 'fortran_order': False, 'shape': (3,)}\n"),
    "descr_field_long": _npy(b"{'descr': [('a', '<i4', (2,), 1)], 'fortran_order': False, 'shape': (3,)}\n"),
    "short_data": GOOD[:-20],
    "no_data": GOOD[:128],
    "fortran_short": np_bytes(np.asfortranarray(np.ones((3, 4))))[:-8],
    "zero_d_short": np_bytes(np.array(1.0))[:-1],
    "big_header": _npy(b"{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }" + b" " * 20000 + b"\n"),
    "big_header_v2": _npy(b"{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }" + b" " * 20000 + b"\n", 2),
    "unicode_v3": _npy("{'descr': [('\u20ac', '<i4')], 'fortran_order': False, 'shape': (1,), }\n".encode(), 3,
                       b"\1\0\0\0"),
    "latin_v1": _npy("{'descr': [('\xe9', '<i4')], 'fortran_order': False, 'shape': (1,), }\n".encode("latin-1"), 1,
                     b"\1\0\0\0"),
    "bad_utf8_v3": _npy(b"{'descr': '<i4', 'fortran_order': False, 'shape': (1,), }\xff\n", 3, b"\1\0\0\0"),
    "pickle_like": b"\x80\x04\x95" + b"\0" * 20,
    # Found by the fuzzer: a subarray descr at the top level (numpy cannot reshape its items).
    "subarray_descr": _npy(b"{'descr': '(2,)<i4', 'fortran_order': False, 'shape': (2,), }\n", data=b"\0" * 16),
    "subarray_tuple": _npy(b"{'descr': ('<i4', (2,)), 'fortran_order': True, 'shape': (2, 1), }\n", data=b"\0" * 16),
    "descr_tuple_short": _npy(b"{'descr': ('<i4',), 'fortran_order': False, 'shape': (2,), }\n", data=b"\0" * 8),
    "subarray_one": _npy(b"{'descr': '(1,)<i4', 'fortran_order': False, 'shape': (2,), }\n", data=b"\0" * 8),
}


def _outcome(mod, data, where, tmp_path, **kw):
    if where == "file":
        p = tmp_path / ("f_%s.npy" % mod.__name__)
        p.write_bytes(data)
        src = p
    else:
        src = io.BytesIO(data)
    try:
        r = mod.load(src, **kw)
    except Exception as e:  # noqa: BLE001 - the exception is what is compared
        return type(e).__name__, str(e)
    return "ok", (str(r.dtype), r.shape, r.tobytes())


@pytest.mark.parametrize("where", ["file", "bytes"])
@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_damaged_npy_like_numpy(name, where, tmp_path):
    data = BAD_FILES[name]
    got, exp = _outcome(cnp, data, where, tmp_path), _outcome(np, data, where, tmp_path)
    if name in LOOSE:
        assert got[0] == LOOSE[name] and got[1].startswith("Cannot parse header: ")
    else:
        assert got == exp


# Where numpy's message comes from Python's parser internals: literal_eval's "malformed node or
# string ... <ast.Call object at 0x...>" (an address) and tokenize's TokenError (not a ValueError);
# cnumpy raises numpy's own "Cannot parse header" ValueError for both (docs/io.md).
LOOSE = {"call": "ValueError", "syntax": "ValueError"}


def test_empty_file_and_limits(tmp_path):
    p = tmp_path / "e.npy"
    p.write_bytes(b"")
    # NumPy 1.24: an empty file is not a .npy, so it is taken for a pickle.
    for kw in ({}, {"allow_pickle": True}):
        got, exp = _outcome(cnp, b"", "file", tmp_path, **kw), _outcome(np, b"", "file", tmp_path, **kw)
        assert got[0] == exp[0] and got[1].split(" file ")[0] == exp[1].split(" file ")[0]
    data = BAD_FILES["big_header"]
    assert _outcome(cnp, data, "bytes", tmp_path, allow_pickle=True)[0] == _outcome(
        np, data, "bytes", tmp_path, allow_pickle=True)[0]
    assert _outcome(cnp, data, "bytes", tmp_path, max_header_size=30000) == _outcome(
        np, data, "bytes", tmp_path, max_header_size=30000)
    with pytest.raises(ValueError, match="encoding must be"):
        cnp.load(io.BytesIO(GOOD), encoding="utf-8")


@pytest.mark.parametrize("header", [
    b"{'descr': '<f8', 'fortran_order': False, 'shape': (10000000000000,), }",
    b"{'descr': '<f8', 'fortran_order': False, 'shape': (4611686018427387904, 4), }",
    b"{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999999,), }",
    b"{'descr': '<f8', 'fortran_order': False, 'shape': (-3,), }",
    b"{'descr': 'S9223372036854775807', 'fortran_order': False, 'shape': (2,), }",
    b"{'descr': '<f8', 'fortran_order': False, 'shape': (" + b"1, " * 40 + b"), }",
    b"{'descr': " + b"[('a', " * 200 + b"'<i4'" + b")]" * 200 + b", 'fortran_order': False, 'shape': (1,), }",
])
@pytest.mark.parametrize("where", ["file", "bytes"])
def test_hostile_headers_fail_cleanly(header, where, tmp_path):
    """Where numpy allocates what the header says (MemoryError) or misbehaves, cnumpy refuses
    before allocating: a ValueError/OverflowError, never a crash."""
    kind, _ = _outcome(cnp, _npy(header + b"\n", data=b"\0" * 64), where, tmp_path)
    assert kind in ("ValueError", "OverflowError")


def test_pickles(tmp_path):
    p = tmp_path / "p.pkl"
    import pickle
    p.write_bytes(pickle.dumps({"a": 1}))
    assert cnp.load(p, allow_pickle=True) == {"a": 1}
    with pytest.raises(ValueError, match="Cannot load file containing pickled data"):
        cnp.load(p)
    p.write_bytes(b"not a pickle at all")
    with pytest.raises(pickle.UnpicklingError, match="Failed to interpret file"):
        cnp.load(p, allow_pickle=True)


# ---- tofile / fromfile / fromstring -----------------------------------------------------------
@pytest.mark.parametrize("dtype", ["<f8", ">i2", "u1", "<c8", "?", "<f2", [("a", "<i4"), ("b", "S2")]], ids=str)
def test_tofile_fromfile_binary(dtype, tmp_path):
    ref = values(dtype, 24)[:24].reshape(4, 6)[:, ::2]
    c = cn_copy(np.ascontiguousarray(ref))
    c = cnp.load(io.BytesIO(np_bytes(np.asfortranarray(ref))))  # F layout: tofile still writes C order
    c.tofile(tmp_path / "c.bin")
    ref.tofile(tmp_path / "n.bin")
    assert (tmp_path / "c.bin").read_bytes() == (tmp_path / "n.bin").read_bytes()
    dt = cn_copy(ref).dtype
    for count, offset in [(-1, 0), (3, 0), (100, 0), (-1, np.dtype(dtype).itemsize)]:
        got = cnp.fromfile(tmp_path / "n.bin", dtype=dt, count=count, offset=offset)
        exp = np.fromfile(tmp_path / "n.bin", dtype=dtype, count=count, offset=offset)
        same(got, exp)


@pytest.mark.parametrize("dtype", ["<f8", "<f4", "<i8", "i1", "u2", "?", "<c16", "<f2"])
@pytest.mark.parametrize("sep", [" ", ",", ", ", "\n", " ; "])
def test_tofile_text(dtype, sep, tmp_path):
    ref = np.array([0.1, 1e20, -3, 0, 2.5, 1e-7, 7]).astype(dtype)
    c = cn_copy(ref)
    c.tofile(tmp_path / "c.txt", sep=sep)
    ref.tofile(tmp_path / "n.txt", sep=sep)
    assert (tmp_path / "c.txt").read_bytes() == (tmp_path / "n.txt").read_bytes()
    fmt = "%s" if dtype in ("?", "<c16") else "%.3f"
    c.tofile(tmp_path / "c.txt", sep=sep, format=fmt)
    ref.tofile(tmp_path / "n.txt", sep=sep, format=fmt)
    assert (tmp_path / "c.txt").read_bytes() == (tmp_path / "n.txt").read_bytes()


TEXTS = ["1 2 3", "1, 2,3 ,4", "1.5 -2e3 nan inf -inf", "  +1.5e2 , -.5", "1,,2", "12abc 3",
         "300 -5 7", "1\n2\n3\n", "", "   ", "1 ; 2;3", "0x10 4", "1e400 -1e400 1e-400",
         "4 5 6 7 8 9", "3.9 -2.7"]


@pytest.mark.parametrize("dtype", ["<f8", "<f4", "<f2", "<i8", "i1", "u1", "<u8", "?", "<c16", ">i4"])
@pytest.mark.parametrize("sep", [" ", ",", ";"])
@pytest.mark.parametrize("text", TEXTS)
def test_fromstring_text(text, sep, dtype):
    if np.dtype(dtype).kind in "fbc" and text.strip() == "" and text:
        pytest.skip("numpy counts whitespace as a float/bool it never writes (uninitialised value)")
    with warnings.catch_warnings(record=True) as wn:
        warnings.simplefilter("always")
        exp = np.fromstring(text, dtype=dtype, sep=sep)
    with warnings.catch_warnings(record=True) as wc:
        warnings.simplefilter("always")
        got = cnp.fromstring(text, dtype=dtype, sep=sep)
    same(got, exp)
    assert [str(w.message) for w in wc] == [str(w.message) for w in wn]
    if len(exp) > 2:
        same(cnp.fromstring(text, dtype=dtype, sep=sep, count=2),
             np.fromstring(text, dtype=dtype, sep=sep, count=2))


def test_fromfile_text_and_position(tmp_path):
    p = tmp_path / "t.txt"
    p.write_text("1 2\n3\t4 ")
    same(cnp.fromfile(p, dtype="<i4", sep=" "), np.fromfile(p, dtype="<i4", sep=" "))
    same(cnp.fromfile(str(p), dtype="<f8", sep=" ", count=3), np.fromfile(str(p), sep=" ", count=3))
    b = tmp_path / "b.bin"
    b.write_bytes(bytes(range(16)))
    with open(b, "rb") as f:
        f.read(2)
        got = cnp.fromfile(f, dtype="u1", count=4)
        assert f.tell() == 6
    assert got.tolist() == [2, 3, 4, 5]


def test_fromstring_binary_mode():
    with pytest.warns(DeprecationWarning, match="binary mode of fromstring"):
        assert cnp.fromstring(b"\x01\x02\x03\x04", dtype="<u2").tolist() == [513, 1027]
    with pytest.warns(DeprecationWarning):
        with pytest.raises(ValueError, match="string size must be a multiple of element size"):
            cnp.fromstring(b"\x01\x02\x03", dtype="<u2")


# ---- the 'c' dtype (S1 with type character 'c') ---------------------------------------------
@pytest.mark.parametrize("spec", ["c", "|c", "<c", ">c", "=c", "(2,)c", "2c", "c,i4",
                                  [("x", "c"), ("y", "c", (2,))], "c2", "cc", "c0"])
def test_char_dtype(spec):
    try:
        n = np.dtype(spec)
    except TypeError as e:
        with pytest.raises(TypeError, match="not understood"):
            cnp.dtype(spec)
        assert "not understood" in str(e)
        return
    d = cnp.dtype(spec)
    assert (d.char, d.kind, d.str, d.itemsize, d.name, repr(d), str(d), d.descr) == \
        (n.char, n.kind, n.str, n.itemsize, n.name, repr(n), str(n), n.descr)
    if n.subdtype is None:
        assert d == cnp.dtype(n.str if n.names is None else n.descr)


def test_char_dtype_files():
    a = np.array([b"a", b"b", b"c"], dtype="c")
    c = cnp.array([b"a", b"b", b"c"], dtype="c")
    assert cn_bytes(c) == np_bytes(a)   # numpy writes '|S1'
    raw = _npy(b"{'descr': 'c', 'fortran_order': False, 'shape': (3,), }".ljust(117) + b"\n",
               data=b"xyz")
    got, exp = cnp.load(io.BytesIO(raw)), np.load(io.BytesIO(raw))
    assert got.tolist() == exp.tolist() and got.dtype.char == exp.dtype.char == "c"
    assert cnp.dtype("c") == cnp.dtype("S1") and hash(cnp.dtype("c")) == hash(cnp.dtype("S1"))


CHAR_SOURCES = [
    "abc", b"abc", "", b"", "a", b"a", [""], [b""], [], ["a", "b"], [["a"], ["b"]], ("ab", "cd"),
    [["ab", "cd"], ["ef", "gh"]], [["a", "b"], "cd"], [1, "a"], ["a", 1], 5, [1, 2], np.str_("abc"),
    ["abc", "de"], [b"ab", b"c"], ["a", "bc"], [["ab", "c"], ["ef", "gh"]], [1.5, "ab"], "\u00e9",
]


def _char_result(fn):
    try:
        r = fn()
    except Exception as e:      # numpy's errors: inhomogeneous shapes, non-ASCII characters
        return type(e).__name__, str(e)
    return r.tolist(), r.shape, r.dtype.char, r.dtype.str


@pytest.mark.parametrize("src", CHAR_SOURCES, ids=range(len(CHAR_SOURCES)))
@pytest.mark.parametrize("func", ["array", "asarray"])
def test_char_dtype_creation(src, func):
    # The 'c' dtype splits strings into characters (a string of length 1 is one character; bytes
    # split into their byte values, which then convert as numbers: b'abc' gives b'9' three times).
    assert _char_result(lambda: getattr(cnp, func)(src, dtype="c")) == \
        _char_result(lambda: getattr(np, func)(src, dtype="c"))


@pytest.mark.parametrize("src", [["ab", "cd"], [b"ab", b"c"], ["abc"], 5, [1.5, 2.0], "abc"])
def test_char_dtype_astype_and_arrays(src):
    # Arrays are cast, not split: astype('c') and array(ndarray, dtype='c') keep the first byte.
    n, c = np.array(src), cnp.array(src)
    assert _char_result(lambda: c.astype("c")) == _char_result(lambda: n.astype("c"))
    assert _char_result(lambda: cnp.array(c, dtype="c")) == _char_result(lambda: np.array(n, dtype="c"))
    assert _char_result(lambda: cnp.array("abc", dtype="c", ndmin=2)) == \
        _char_result(lambda: np.array("abc", dtype="c", ndmin=2))


def test_npzfile_zip_attribute(tmp_path):
    p = tmp_path / "z.npz"
    np.savez(p, a=np.arange(3), b=np.ones(2))
    for src in (p, io.BytesIO(p.read_bytes())):
        z, ref = cnp.load(src), np.load(p)
        assert isinstance(z.zip, zipfile.ZipFile)
        assert z.zip.namelist() == ref.zip.namelist() and z.files == ref.files
        assert z.zip.read("a.npy") == ref.zip.read("a.npy")
        assert (z.fid is None) == (ref.fid is None) if not isinstance(src, io.BytesIO) else z.fid is None
        z.close()
        ref.close()
        assert z.zip is None and z.f is None and ref.zip is None
    with cnp.load(p) as z:
        assert z["a"].tolist() == [0, 1, 2]
    assert z.zip is None
