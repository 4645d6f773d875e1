"""numpy.ma, first step: masked arrays (docs/ma.md lists the subset)."""
from . import core
from .core import *     # noqa: F401,F403 -- the public names are core's __all__, as in NumPy

__all__ = ["core"] + core.__all__
