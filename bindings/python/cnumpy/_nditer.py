"""numpy.nditer (docs/numpy-differences.md): readonly/readwrite/writeonly and allocate operands
broadcast together, op_axes and itershape, reductions (reduce_ok, with allocate; unbuffered),
multi_index, c_index/f_index, external_loop, buffered iteration with op_dtypes casting,
writemasked/arraymask, copy/updateifcopy, ranged iteration (iterrange), order C/F/A/K, the
context manager, iternext/finished/iterindex/operands/itviews/value, copy(), remove_axis,
remove_multi_index, enable_external_loop.

The iteration order is NumPy's: for order='K' the axes are sorted by the operands' strides with
NumPy's insertion sort, axes whose strides are all negative are walked backwards (memory order),
and, unless an index is tracked, neighbouring axes that are contiguous for every operand are
coalesced (which decides the chunks external_loop hands out). Elements are 0-d views into the
operands (read-only for readonly operands); buffered operands are read into a buffer of the
requested dtype and written back chunk by chunk (and at close()).
"""
import operator

from ._casting import can_cast, result_type
from ._convert import asanyarray
from ._creation import empty
from ._dtype import dtype as _dtype
from ._ndarray import ndarray
from ._shape_funcs import broadcast_to
from ._stride_tricks import as_strided

_GLOBAL = {"buffered", "c_index", "f_index", "multi_index", "external_loop", "refs_ok",
           "zerosize_ok", "reduce_ok", "grow_inner", "delay_bufalloc", "ranged", "common_dtype",
           "copy_if_overlap"}
_PER_OP = {"readonly", "readwrite", "writeonly", "allocate", "no_broadcast", "copy",
           "updateifcopy", "contig", "aligned", "nbo", "no_subtype", "arraymask", "writemasked",
           "overlap_assume_elementwise", "virtual"}
_BUFSIZE = 8192


def _flag_list(flags, what):
    flags = [] if flags is None else list(flags)
    for f in flags:
        if not isinstance(f, str):
            raise ValueError("%s must be a list or tuple of strings" % what)
    return flags


class nditer:
    """numpy.nditer (see the module docstring for the supported forms)."""

    def __init__(self, op, flags=None, op_flags=None, op_dtypes=None, order="K",
                 casting="safe", op_axes=None, itershape=None, buffersize=0):
        single = not isinstance(op, (list, tuple))
        ops = [op] if single else list(op)
        nop = len(ops)
        if nop == 0:
            raise ValueError("Must provide at least one operand")
        flags = _flag_list(flags, "flags")
        for f in flags:
            if f not in _GLOBAL:
                raise ValueError('Unexpected iterator global flag "%s"' % f)
        if order not in ("C", "F", "A", "K"):
            raise ValueError("order must be one of 'C', 'F', 'A', or 'K' (got %r)" % (order,))
        self._multi = "multi_index" in flags
        self._cindex = "c_index" in flags
        self._findex = "f_index" in flags
        if self._cindex and self._findex:
            raise ValueError("Iterator flags C_INDEX and F_INDEX cannot both be specified")
        self._external = "external_loop" in flags
        if self._external and (self._multi or self._cindex or self._findex):
            raise ValueError("Iterator flag EXTERNAL_LOOP cannot be used if an index or "
                             "multi-index is being tracked")
        self._buffered = "buffered" in flags
        self._ranged = "ranged" in flags
        if self._ranged and self._external and not self._buffered:
            raise ValueError("Iterator flag RANGED cannot be used with the flag EXTERNAL_LOOP "
                             "unless BUFFERED is also enabled")
        self._buffersize = buffersize if buffersize and buffersize > 0 else _BUFSIZE

        # per-operand flags
        if op_flags is None:
            per_op = [["allocate", "writeonly"] if o is None else ["readonly"] for o in ops]
        else:
            op_flags = list(op_flags)
            if op_flags and all(isinstance(f, str) for f in op_flags):
                per_op = [list(op_flags) for _ in ops]
            else:
                if len(op_flags) != nop:
                    raise ValueError("op_flags must be a tuple/list matching the number of "
                                     "ops")
                per_op = [_flag_list(f, "op_flags") for f in op_flags]
        for fl in per_op:
            for f in fl:
                if f not in _PER_OP:
                    raise ValueError('Unexpected per-op iterator flag "%s"' % f)
            if sum(f in fl for f in ("readonly", "readwrite", "writeonly")) > 1:
                raise ValueError("Only one of the iterator flags READWRITE, READONLY, and "
                                 "WRITEONLY may be specified for an operand")
            if not any(f in fl for f in ("readonly", "readwrite", "writeonly")):
                raise ValueError("None of the iterator flags READWRITE, READONLY, or WRITEONLY "
                                 "were specified for an operand")
        self._writable = ["readwrite" in fl or "writeonly" in fl for fl in per_op]
        self._readable = ["writeonly" not in fl for fl in per_op]
        # writemasked operands are written back only where the arraymask operand is True (with
        # buffering; without it, writes go straight to the operand, as in NumPy)
        self._mask = None
        masked = []
        for i, fl in enumerate(per_op):
            if "arraymask" in fl:
                if self._mask is not None:
                    raise ValueError("Only one iterator operand may receive an ARRAYMASK flag")
                if "writemasked" in fl:
                    raise ValueError("The iterator flag WRITEMASKED may not be used together "
                                     "with ARRAYMASK")
                self._mask = i
            if "writemasked" in fl:
                if not self._writable[i]:
                    raise ValueError("The iterator flag WRITEMASKED may only be used with "
                                     "READWRITE or WRITEONLY")
                masked.append(i)
        if masked and self._mask is None:
            raise ValueError("An iterator operand was flagged as WRITEMASKED, but no ARRAYMASK "
                             "operand was given to supply the mask")
        if self._mask is not None and not masked:
            raise ValueError("An iterator operand was flagged as the ARRAYMASK, but no "
                             "WRITEMASKED operands were given to use the mask")
        self._masked = set(masked)

        arrays = []
        for i, (o, fl) in enumerate(zip(ops, per_op)):
            if o is None:
                if "allocate" not in fl:
                    raise ValueError("Iterator operand was NULL, but neither the ALLOCATE nor "
                                     "the VIRTUAL flag was specified")
                if not self._writable[i]:
                    raise ValueError("Automatic allocation was requested for an iterator "
                                     "operand, but it wasn't flagged for writing")
                arrays.append(None)
                continue
            a = o if isinstance(o, ndarray) else asanyarray(o)
            if self._writable[i] and not a.flags.writeable:
                raise ValueError("operand array with iterator write flag set is read-only")
            arrays.append(a)

        # the iteration shape: NumPy's broadcast of the given operands, each seen through its
        # op_axes (iteration axis j is the operand's axis op_axes[i][j], or a new axis), against
        # the fixed entries of itershape
        given = [a for a in arrays if a is not None]
        axes = _parse_op_axes(op_axes, nop, arrays, itershape)
        if itershape is not None:
            itershape = tuple(-1 if operator.index(d) < 0 else operator.index(d)
                              for d in itershape)
        explicit = axes is not None
        if axes is None and itershape is None:
            shape = _broadcast_shape([a.shape for a in given])
            nd = len(shape)
            axes = [None if a is None else list(range(a.ndim - nd, a.ndim)) for a in arrays]
            remapped = [None if a is None else _remap(a, ax) for a, ax in zip(arrays, axes)]
        else:
            if axes is None:
                nd = max([len(itershape)] + [a.ndim for a in given])
                axes = [None] * nop
            else:
                nd = next(len(ax) for ax in axes if ax is not None)
            own = [ax for ax in axes]
            axes = [(list(range(a.ndim - nd, a.ndim)) if a is not None else None)
                    if ax is None else ax for a, ax in zip(arrays, axes)]
            remapped = [None if a is None else _remap(a, ax) for a, ax in zip(arrays, axes)]
            shape = _remapped_broadcast(arrays, own, remapped, itershape, nd)
        self._reduce = False
        for i, a in enumerate(arrays):
            if not self._writable[i]:
                continue
            ax = axes[i] if axes[i] is not None else list(range(nd))
            rshape = remapped[i].shape if a is not None else tuple(
                shape[j] if ax[j] >= 0 else 1 for j in range(nd))
            for j in range(nd - 1, -1, -1):
                if rshape[j] == 1 and shape[j] != 1:
                    if "reduce_ok" not in flags:
                        raise ValueError(
                            "output operand requires a reduction along dimension %d, but the "
                            "reduction is not enabled. The dimension size of 1 does not match "
                            "the expected output shape." % (-1 if explicit and ax[j] < 0 else nd - 1 - j))
                    if not self._readable[i]:
                        raise ValueError("output operand requires a reduction, but is flagged "
                                         "as write-only, not read-write")
                    self._reduce = True
        if self._buffered:
            for i, a in enumerate(arrays):
                if a is None and self._readable[i] and "delay_bufalloc" not in flags:
                    raise ValueError("Automatic allocation was requested for an iterator "
                                     "operand, and it was flagged as readable, but buffering  "
                                     "without delayed allocation was enabled")
            if self._reduce:
                raise NotImplementedError("cnumpy.nditer: buffered reductions are not "
                                          "supported")
        size = 1
        for d in shape:
            size *= d
        if size == 0 and "zerosize_ok" not in flags:
            raise ValueError("Iteration of zero-sized operands is not enabled")

        # requested dtypes and the casting check
        if op_dtypes is None:
            op_dtypes = [None] * nop
        elif not isinstance(op_dtypes, (list, tuple)):
            op_dtypes = [op_dtypes] * nop
        if len(op_dtypes) != nop:
            raise ValueError("op_dtypes must be a tuple/list matching the number of ops")
        dts = [None if d is None else _dtype(d) for d in op_dtypes]
        if "common_dtype" in flags:
            common = result_type(*given) if given else _dtype("f8")
            dts = [common if d is None else d for d in dts]
        for i, a in enumerate(arrays):
            if a is None:
                if dts[i] is None:
                    dts[i] = result_type(*given) if given else None
                    if dts[i] is None:
                        raise TypeError("Iterator output operand has no dtype")
                continue
            if dts[i] is None:
                dts[i] = a.dtype
        self._needs_copy = [a is not None and dts[i] != a.dtype for i, a in enumerate(arrays)]
        for i, a in enumerate(arrays):
            if not self._needs_copy[i]:
                continue
            if self._readable[i] and not can_cast(a.dtype, dts[i], casting):
                raise TypeError("Iterator operand %d dtype could not be cast from %r to %r "
                                "according to the rule %r" % (i, a.dtype, dts[i], casting))
            if self._writable[i] and not can_cast(dts[i], a.dtype, casting):
                raise TypeError("Iterator requested dtype could not be cast from %r to %r, the "
                                "operand %d dtype, according to the rule %r"
                                % (dts[i], a.dtype, i, casting))
            if not self._buffered and not ("copy" in per_op[i] or
                                           "updateifcopy" in per_op[i]):
                raise TypeError("Iterator operand required copying or buffering, but neither "
                                "copying nor buffering was enabled")
        self._dtypes = tuple(dts)

        # axis order (outer to inner) and the axes walked backwards
        views = [None if a is None else _stretch(r, shape, self._writable[i])
                 for i, (a, r) in enumerate(zip(arrays, remapped))]
        strides = [v.strides if v is not None else None for v in views]
        if order == "A":
            order = "F" if given and all(a.flags.f_contiguous for a in given) else "C"
        if order == "C":
            inner_first = list(range(nd - 1, -1, -1))
        elif order == "F":
            inner_first = list(range(nd))
        else:
            inner_first = _best_order(shape, [s for s in strides if s is not None])
        flips = set()
        if order == "K":
            for ax in range(nd):
                st = [s[ax] for s in strides if s is not None]
                if any(x < 0 for x in st) and all(x <= 0 for x in st):
                    flips.add(ax)
        self._order = inner_first[::-1]        # outer to inner
        self._flips = flips
        self._shape = shape

        # allocated operands: laid out in iteration order (without the axes op_axes leaves out:
        # a reduction's output)
        for i, a in enumerate(arrays):
            if a is None:
                ax = axes[i] if axes[i] is not None else list(range(nd))
                nk = sum(1 for v in ax if v >= 0)
                op_shape = [1] * nk
                for j, v in enumerate(ax):
                    if v >= 0:
                        op_shape[v] = shape[j]
                mem = [ax[j] for j in self._order if ax[j] >= 0]      # outer to inner
                buf = empty(tuple(op_shape[k] for k in mem), dtype=dts[i])
                inv = [mem.index(k) for k in range(nk)]
                arrays[i] = buf.transpose(inv) if nk else buf
                views[i] = _stretch(_remap(arrays[i], ax), shape, True)
        # copies for copy/updateifcopy without buffering
        self._writeback = []
        for i, a in enumerate(arrays):
            if self._needs_copy[i] and not self._buffered:
                tmp = a.astype(dts[i], order="K")
                if self._writable[i] and "updateifcopy" in per_op[i]:
                    self._writeback.append((a, tmp))
                arrays[i] = tmp
                views[i] = _stretch(_remap(tmp, axes[i]), shape, self._writable[i])
                self._needs_copy[i] = False
        self._operands = tuple(arrays)

        # iteration views: permuted, flipped, then coalesced unless an index is tracked
        self._views = views
        self._children = []     # nested_iters: the inner iterators rebased when this one moves
        self._nest = None
        self._full = [self._iter_view(v) for v in views]
        self._coalesce()
        self._itersize = size
        self._start, self._stop = 0, size       # iterrange (ranged iteration)
        self._iterindex = 0
        self._started = False
        self._closed = False
        self._buffers = None
        self._buf_start = None
        if self._buffered:
            self._buffers = [None] * nop
        self._single = single

    # ---- set-up helpers ----
    def _iter_view(self, v):
        if not self._shape:
            return v
        v = v.transpose(self._order)
        if self._flips:
            v = v[tuple(slice(None, None, -1) if ax in self._flips else slice(None)
                        for ax in self._order)]
        return v

    def _coalesce(self):
        """Merge neighbouring axes that every operand (and a tracked index) walks with one
        stride, as NumPy's npyiter_coalesce_axes: it decides itviews, shape and the
        external_loop chunks."""
        dims = [self._shape[ax] for ax in self._order]
        if self._multi or not dims:
            self._cdims = dims
            self._cviews = list(self._full)
            self._protect()
            return
        # NumPy gives length-1 axes a zero stride, so they always merge
        strides = [[0 if dims[k] == 1 else st for k, st in enumerate(v.strides)]
                   for v in self._full]
        if self._cindex or self._findex:
            strides.append([0 if dims[k] == 1 else st
                            for k, st in enumerate(self._index_strides())])
        groups = [[len(dims) - 1]]
        cur_shape = dims[-1]
        cur = [st[-1] for st in strides]
        for k in range(len(dims) - 2, -1, -1):   # from inner to outer
            if all((cur_shape == 1 and c == 0) or (dims[k] == 1 and st[k] == 0) or
                   c * cur_shape == st[k] for c, st in zip(cur, strides)):
                groups[-1].insert(0, k)
                cur_shape *= dims[k]
                cur = [c if c != 0 else st[k] for c, st in zip(cur, strides)]
            else:
                groups.append([k])
                cur_shape = dims[k]
                cur = [st[k] for st in strides]
        groups.reverse()
        cdims = []
        for g in groups:
            n = 1
            for j in g:
                n *= dims[j]
            cdims.append(n)
        self._cdims = cdims
        self._cviews = [v.reshape(cdims) for v in self._full]
        self._protect()

    def _protect(self):
        """Read-only operands are handed out through read-only views (made once here, so the
        element views taken from them are read-only too)."""
        for i, v in enumerate(self._cviews):
            if not self._writable[i] and v.flags.writeable:
                v = v[...]
                v.flags.writeable = False
                self._cviews[i] = v

    def _index_strides(self):
        """Element strides of the C or F index along the iteration axes (outer to inner),
        negative for walked-backwards axes."""
        nd = len(self._shape)
        step = [0] * nd
        acc = 1
        axes = range(nd - 1, -1, -1) if self._cindex else range(nd)
        for ax in axes:
            step[ax] = acc
            acc *= self._shape[ax]
        return [-step[ax] if ax in self._flips else step[ax] for ax in self._order]

    # ---- position ----
    def _position(self, flat):
        """Coordinates along the coalesced iteration dims of the flat iteration index."""
        pos = []
        for d in reversed(self._cdims):
            pos.append(flat % d if d else 0)
            flat = flat // d if d else 0
        return tuple(reversed(pos))

    def _coords(self):
        """The multi-index in the operands' own axes."""
        flat = self._iterindex
        dims = [self._shape[ax] for ax in self._order]
        coords = [0] * len(self._shape)
        for k in range(len(dims) - 1, -1, -1):
            c = flat % dims[k]
            flat //= dims[k]
            ax = self._order[k]
            coords[ax] = dims[k] - 1 - c if ax in self._flips else c
        return tuple(coords)

    # ---- buffers ----
    def _buffer_start(self, index):
        """The first iteration index of the buffer holding `index` (buffers are laid out from
        the start of the iteration range)."""
        return index - (index - self._start) % self._buffersize

    def _fill_buffers(self, start):
        self._flush()
        stop = min(start + self._buffersize, self._stop)
        for i, v in enumerate(self._full):
            flat = v.flat[start:stop]
            buf = flat.astype(self._dtypes[i]) if flat.dtype != self._dtypes[i] else flat
            if not self._writable[i]:
                buf.flags.writeable = False
            self._buffers[i] = buf
        self._buf_start = start

    def _flush(self):
        if self._buffers is None or self._buf_start is None:
            return
        start = self._buf_start
        for i, v in enumerate(self._full):
            if self._writable[i] and self._buffers[i] is not None:
                b = self._buffers[i]
                b = b.astype(v.dtype, casting="unsafe") if b.dtype != v.dtype else b
                if i in self._masked and self._needs_copy[i]:
                    # only where the mask is True: the other elements keep the operand's values
                    # (an operand needing no cast is used in place by NumPy: every write lands)
                    cur = v.flat[start:start + b.size]
                    mask = self._buffers[self._mask].astype(bool)
                    cur[mask] = b[mask]
                    b = cur
                v.flat[start:start + b.size] = b
        self._buf_start = None

    def _chunk(self):
        """(start, stop) of the external_loop chunk holding iterindex."""
        if self._buffered:
            start = self._buffer_start(self._iterindex) \
                if self._buf_start is None else self._buf_start
            return start, min(start + self._buffersize, self._stop)
        inner = self._cdims[-1] if self._cdims else 1
        start = self._iterindex - self._iterindex % inner
        return start, start + inner

    def _element(self, i):
        if self._buffered:
            if self._buf_start is None or not \
                    self._buf_start <= self._iterindex < self._buf_start + \
                    self._buffers[0].size:
                self._fill_buffers(self._buffer_start(self._iterindex))
            b = self._buffers[i]
            if self._external:
                v = b
            else:
                v = b[self._iterindex - self._buf_start, ...]
        elif not self._cdims:
            v = self._cviews[i][...]
        elif self._external:
            pos = self._position(self._iterindex)[:-1]
            v = self._cviews[i][pos] if pos else self._cviews[i][...]
        else:
            v = self._cviews[i][self._position(self._iterindex) + (Ellipsis,)]
        return v

    # ---- the iterator protocol ----
    def _check(self):
        if self._closed:
            raise ValueError("Iterator is invalid")

    @property
    def finished(self):
        return not self._closed and self._iterindex >= self._stop

    def iternext(self):
        """Advance one element (one chunk with external_loop); False when finished."""
        if self._closed or self.finished:
            return False
        if self._external:
            self._iterindex = self._chunk()[1]
        else:
            self._iterindex += 1
        if self.finished:
            self._flush()
        elif self._children:
            self._rebase_children()
        return not self.finished

    def __iter__(self):
        return self

    def __next__(self):
        if self._started:
            self.iternext()
        self._started = True
        if self._closed or self.finished:
            raise StopIteration
        return self.value

    @property
    def value(self):
        if self._closed or self.finished:
            raise ValueError("Iterator is past the end")
        vals = tuple(self._element(i) for i in range(len(self._operands)))
        return vals[0] if len(vals) == 1 else vals

    def __getitem__(self, i):
        vals = self.value
        if not isinstance(vals, tuple):
            vals = (vals,)
        return vals[i]

    def __len__(self):
        return len(self._operands)      # the iterator is a sequence of its operands' values

    def reset(self):
        """Back to the first element."""
        self._check()
        self._flush()
        self._iterindex = self._start
        self._started = False
        if self._children:
            self._rebase_children()

    def close(self):
        """Write back buffered and copied operands (also done by the with-block's end)."""
        if self._closed:
            return
        self._flush()
        for orig, tmp in self._writeback:
            orig[...] = tmp.astype(orig.dtype, casting="unsafe")
        self._closed = True

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ---- attributes ----
    def _past_end(self):
        if self._closed or self.finished:
            raise ValueError("Iterator is past the end")

    @property
    def iterindex(self):
        self._past_end()
        return self._iterindex

    @iterindex.setter
    def iterindex(self, value):
        self._check()
        if not self._start <= value < self._stop:
            raise IndexError("Iterator GotoIterIndex called with an iterindex outside the "
                             "iteration range.")
        self._flush()
        self._iterindex = value
        self._started = False
        if self._children:
            self._rebase_children()

    @property
    def itersize(self):
        self._check()
        return self._itersize

    @property
    def iterrange(self):
        self._check()
        return (self._start, self._stop)

    @iterrange.setter
    def iterrange(self, value):
        self._check()
        start, stop = value
        if not self._ranged:
            raise ValueError("Cannot call ResetToIterIndexRange on an iterator without "
                             "requesting ranged iteration support in the constructor")
        if start < 0 or stop > self._itersize:
            raise ValueError("Out-of-bounds range [%d, %d) passed to ResetToIterIndexRange"
                             % (start, stop))
        if start > stop:
            raise ValueError("Invalid range [%d, %d) passed to ResetToIterIndexRange"
                             % (start, stop))
        self._flush()
        self._start, self._stop = start, stop
        self._iterindex = start
        self._started = False
        if self._children:
            self._rebase_children()

    @property
    def multi_index(self):
        self._past_end()
        if not self._multi:
            raise ValueError("Iterator is not tracking a multi-index")
        return self._coords()

    @multi_index.setter
    def multi_index(self, value):
        if not self._multi:
            raise ValueError("Iterator is not tracking a multi-index")
        value = tuple(value)
        if len(value) != len(self._shape):
            raise ValueError("Wrong number of indices")
        flat = 0
        for ax in self._order:
            d = self._shape[ax]
            c = value[ax]
            if not 0 <= c < d:
                raise IndexError("Iterator requested a multi-index out of bounds")
            flat = flat * d + (d - 1 - c if ax in self._flips else c)
        self._flush()
        self._iterindex = flat
        self._started = False
        if self._children:
            self._rebase_children()

    @property
    def index(self):
        self._past_end()
        if not (self._cindex or self._findex):
            raise ValueError("Iterator does not have an index")
        coords = self._coords()
        idx = 0
        axes = range(len(self._shape)) if self._cindex else range(len(self._shape) - 1, -1, -1)
        for ax in axes:
            idx = idx * self._shape[ax] + coords[ax]
        return idx

    @property
    def has_multi_index(self):
        return self._multi

    @property
    def has_index(self):
        return self._cindex or self._findex

    @property
    def has_delayed_bufalloc(self):
        return False

    @property
    def iterationneedsapi(self):
        return False

    @property
    def operands(self):
        self._check()
        return self._operands

    @property
    def itviews(self):
        self._check()
        if self._buffered:
            raise ValueError("cannot provide an iterator view when buffering is enabled")
        return tuple(self._cviews)

    @property
    def dtypes(self):
        self._check()
        return self._dtypes

    @property
    def nop(self):
        self._check()
        return len(self._operands)

    @property
    def ndim(self):
        self._check()
        return len(self._shape) if self._multi else len(self._cdims)

    @property
    def shape(self):
        self._past_end()
        if self._multi:
            return self._shape
        return tuple(reversed(self._cdims))     # NumPy's internal order: innermost first

    def remove_multi_index(self):
        """Stop tracking the multi-index (the axes may then coalesce); back to the start."""
        self._check()
        self._multi = False
        self._coalesce()
        self.reset()

    def remove_axis(self, i):
        """Stop iterating over axis i (of the multi-index) and go back to the start; the
        operands are taken at index 0 of that axis (also for an axis walked backwards:
        NumPy's NpyIter_RemoveAxis moves such an axis back to its start)."""
        self._check()
        if not self._multi:
            raise RuntimeError("Iterator RemoveAxis may only be called if a multi-index is "
                               "being tracked")
        if self._cindex or self._findex:
            raise RuntimeError("Iterator RemoveAxis may not be called on an index is being "
                               "tracked")
        if self._buffered:
            raise RuntimeError("Iterator RemoveAxis may not be called on a buffered iterator")
        i = operator.index(i)
        nd = len(self._shape)
        if not 0 <= i < nd:
            raise ValueError("axis out of bounds in iterator RemoveAxis")
        key = (slice(None),) * i + (0, Ellipsis)
        self._views = [v[key] for v in self._views]
        self._shape = self._shape[:i] + self._shape[i + 1:]
        self._order = [ax - (ax > i) for ax in self._order if ax != i]
        self._flips = {ax - (ax > i) for ax in self._flips if ax != i}
        self._full = [self._iter_view(v) for v in self._views]
        self._coalesce()
        size = 1
        for d in self._shape:
            size *= d
        self._itersize = size
        self._start, self._stop = 0, size
        self.reset()

    # ---- nested_iters ----
    def _rebase_children(self):
        if self.finished:
            return
        for c in self._children:
            c._rebase()

    def _rebase(self):
        """Point this inner iterator at the elements its outer iterators are at (NumPy's
        NpyIter_ResetBasePointers): every op axis an outer level iterates is narrowed to the
        outer position (a length-1 slice, which _remap then takes at index 0)."""
        levels, my_axes, arrays = self._nest
        views = []
        for i, a in enumerate(arrays):
            key = [slice(None)] * a.ndim
            for it, axes in levels:
                coords = it._coords()
                for j, ax in enumerate(axes[i]):
                    if ax >= 0:
                        key[ax] = slice(coords[j], coords[j] + 1)
            views.append(_stretch(_remap(a[tuple(key)], my_axes[i]), self._shape,
                                  self._writable[i]))
        self._views = views
        self._full = [self._iter_view(v) for v in views]
        self._coalesce()
        self._iterindex = self._start
        self._started = False
        if self._children:
            self._rebase_children()

    def copy(self):
        """An independent iterator at the same position (NumPy's nditer.copy)."""
        self._check()
        c = object.__new__(type(self))
        c.__dict__.update(self.__dict__)
        c._views, c._full, c._cviews = list(self._views), list(self._full), list(self._cviews)
        c._writeback = list(self._writeback)
        if self._buffers is not None:
            c._buffers = [None if b is None else b.copy() for b in self._buffers]
        return c

    def enable_external_loop(self):
        """Hand out the inner loop as 1-d chunks from now on."""
        self._check()
        if self._multi or self._cindex or self._findex:
            raise ValueError("Iterator flag EXTERNAL_LOOP cannot be used if an index or "
                             "multi-index is being tracked")
        self._external = True


def nested_iters(op, axes, flags=None, op_flags=None, op_dtypes=None, order="K", casting="safe",
                 buffersize=0):
    """numpy.nested_iters: one nditer per group of axes (each group the op_axes of every
    operand of its iterator); moving an outer iterator restarts the inner ones at its position.
    Only the innermost iterator hands out external_loop chunks."""
    single = not isinstance(op, (list, tuple))
    ops = [op] if single else list(op)
    seen = set()
    groups = []
    for g in axes:
        g = [operator.index(ax) for ax in g]
        for ax in g:
            if ax in seen:
                raise ValueError("An axis is used more than once")
            seen.add(ax)
        groups.append(g)
    its = []
    levels = []
    outer_flags = [f for f in (flags or ()) if f != "external_loop"]
    for k, g in enumerate(groups):
        per_op = [list(g) for _ in ops]
        cur = ops if not its else list(its[0].operands)
        it = nditer(cur, flags=flags if k == len(groups) - 1 else outer_flags,
                    op_flags=op_flags, op_dtypes=op_dtypes, order=order,
                    casting=casting, op_axes=per_op, buffersize=buffersize)
        if its:
            if it._buffered or it._writeback or any(it._needs_copy):
                raise NotImplementedError("cnumpy.nested_iters: buffering and copies are not "
                                          "supported")
            it._nest = (list(levels), per_op, list(its[0].operands))
            its[-1]._children.append(it)
            it._rebase()
        levels.append((it, per_op))
        its.append(it)
    return tuple(its)


def _parse_op_axes(op_axes, nop, arrays, itershape):
    """op_axes as a list of None or lists of axes (-1: a new axis), checked as NumPy does."""
    if op_axes is None:
        return None
    if not isinstance(op_axes, (list, tuple)) or len(op_axes) != nop:
        raise ValueError("op_axes must be a tuple/list matching the number of ops")
    out = []
    nd = None
    for i, ax in enumerate(op_axes):
        if ax is None:
            out.append(None)
            continue
        if not isinstance(ax, (list, tuple)):
            raise ValueError("Each entry of op_axes must be None or a tuple/list")
        if len(ax) > 32:
            raise ValueError("Too many dimensions in op_axes")
        if nd is None:
            nd = len(ax)
        elif len(ax) != nd:
            raise ValueError("Each entry of op_axes must have the same size")
        vals = [-1 if v is None else operator.index(v) for v in ax]
        vals = [-1 if v < 0 else v for v in vals]
        a = arrays[i]
        seen = set()
        for j, v in enumerate(vals):
            if v < 0:
                continue
            if a is not None and v >= a.ndim:
                raise ValueError("Iterator input op_axes[%d][%d] (==%d) is not a valid axis of "
                                 "op[%d], which has %d dimensions " % (i, len(vals) - 1 - j, v,
                                                                      i, a.ndim))
            if v in seen:
                raise ValueError("The 'op_axes' provided to the iterator constructor for "
                                 "operand %d contained duplicate value %d" % (i, v))
            seen.add(v)
        out.append(vals)
    if nd is None:
        raise ValueError("If op_axes is provided, at least one list of axes must be contained "
                         "within it")
    if itershape is not None and len(itershape) != nd:
        raise ValueError("'op_axes' and 'itershape' must have the same number of entries equal "
                         "to the iterator ndim")
    return out


def _remap(a, axes):
    """a seen along the iteration axes: axis j is a's axis axes[j] (a length-1 new axis for a
    negative entry); a's axes that op_axes leaves out are taken at index 0, as NumPy does."""
    if axes is None:
        return a
    used = [v for v in axes if v >= 0]
    if len(used) < a.ndim:
        a = a[tuple(slice(None) if k in used else 0 for k in range(a.ndim)) + (Ellipsis,)]
    kept = sorted(used)
    perm = [kept.index(v) for v in used]
    if perm != list(range(len(perm))):
        a = a.transpose(perm)
    if len(used) == len(axes) and all(v >= 0 for v in axes):
        return a
    return a[tuple(None if v < 0 else slice(None) for v in axes)]


def _stretch(v, shape, writable):
    """v broadcast to the iteration shape: read-only for inputs, a writable view with zero
    strides along the reduced axes for a reduction's output."""
    if v.shape == shape:
        return v
    if not writable:
        return broadcast_to(v, shape)
    return as_strided(v, shape=shape, strides=tuple(
        0 if n == 1 and d != 1 else st for n, d, st in zip(v.shape, shape, v.strides)),
        writeable=True)


def _shape_text(dims, ending):
    """NumPy's convert_shape_to_string: leading new axes (-1) left out, later ones 'newaxis'."""
    i = 0
    while i < len(dims) and dims[i] < 0:
        i += 1
    if i == len(dims):
        return "()" + ending
    parts = [str(dims[i])] + ["newaxis" if d < 0 else str(d) for d in dims[i + 1:]]
    return "(" + ",".join(parts) + (",)" if len(dims) == 1 else ")") + ending


def _remapped_broadcast(arrays, op_axes, remapped, itershape, nd):
    """The iteration shape when op_axes or itershape is given (fixed itershape entries cannot
    be broadcast), with NumPy's 'remapped shapes' message."""
    shape = [1] * nd
    fixed = [False] * nd
    if itershape is not None:
        for j, d in enumerate(itershape):
            jj = nd - len(itershape) + j
            if d >= 0:
                shape[jj] = d
                fixed[jj] = True
    ok = True
    for r in remapped:
        if r is None:
            continue
        for j, d in enumerate(r.shape):
            if d == 1 or d == shape[j]:
                continue
            if shape[j] == 1 and not fixed[j]:
                shape[j] = d
            else:
                ok = False
    if ok:
        return tuple(shape)
    msg = "operands could not be broadcast together with remapped shapes [original->remapped]: "
    for a, ax in zip(arrays, op_axes):
        if a is None:
            continue
        if ax is None:
            msg += _shape_text(a.shape, " ")
        else:
            rem = [a.shape[v] if 0 <= v < a.ndim else -1 for v in ax]
            msg += _shape_text(a.shape, "->") + _shape_text(rem, " ")
    if itershape is not None:
        msg += " and requested shape " + _shape_text(itershape, "")
    raise ValueError(msg)


def _broadcast_shape(shapes):
    nd = max((len(s) for s in shapes), default=0)
    out = [1] * nd
    for s in shapes:
        for k, d in enumerate(s):
            ax = nd - len(s) + k
            if d != 1:
                if out[ax] not in (1, d):
                    raise ValueError("operands could not be broadcast together with shapes " +
                                     "".join("(%s) " % ",".join(str(x) for x in sh)
                                             if len(sh) != 1 else "(%d,) " % sh[0]
                                             for sh in shapes))
                out[ax] = d
    return tuple(out)


def _best_order(shape, strides):
    """NumPy's npyiter_find_best_axis_ordering: an insertion sort of the axes (innermost
    first) by the operands' absolute strides; ambiguous comparisons keep C order."""
    nd = len(shape)
    perm = list(range(nd - 1, -1, -1))     # innermost first: C order
    for i0 in range(1, nd):
        ipos = i0
        ax0 = perm[i0]
        for i1 in range(i0 - 1, -1, -1):
            ax1 = perm[i1]
            ambig, swap = True, False
            for s in strides:
                if s[ax0] != 0 and s[ax1] != 0:
                    if abs(s[ax1]) <= abs(s[ax0]):
                        swap = False
                    elif ambig:
                        swap = True
                    ambig = False
            if not ambig:
                if swap:
                    ipos = i1
                else:
                    break
        if ipos != i0:
            perm[ipos + 1:i0 + 1] = perm[ipos:i0]
            perm[ipos] = ax0
    return perm
