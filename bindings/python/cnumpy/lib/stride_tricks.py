"""numpy.lib.stride_tricks: as_strided (checked against the array's memory, unlike NumPy's)
and sliding_window_view, from cnumpy's _stride_tricks."""
from .._stride_tricks import as_strided, sliding_window_view
from .._shape_funcs import broadcast_to, broadcast_arrays, broadcast_shapes

__all__ = ["as_strided", "sliding_window_view", "broadcast_to", "broadcast_arrays",
           "broadcast_shapes"]
