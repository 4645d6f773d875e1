"""numpy.lib: the submodules scripts import by path (numpy.lib.stride_tricks). The functions
numpy.lib also re-exports at the top level live in cnumpy's own modules."""
from . import stride_tricks

__all__ = ["stride_tricks"]
