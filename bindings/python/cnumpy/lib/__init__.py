"""numpy.lib: the submodules scripts import by path (numpy.lib.stride_tricks, numpy.lib.format).
The functions numpy.lib also re-exports at the top level live in cnumpy's own modules."""
from . import format, stride_tricks

__all__ = ["format", "stride_tricks"]
