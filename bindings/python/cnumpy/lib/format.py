"""numpy.lib.format: the .npy format's memory-mapped opener (the reader and writer are the
library's, include/cnumpy/io.h)."""
from .._npyio import MAGIC_PREFIX, open_memmap

__all__ = ["MAGIC_PREFIX", "open_memmap"]
