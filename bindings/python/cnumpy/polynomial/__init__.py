"""numpy.polynomial (NumPy 1.24): the six series classes and their modules. Evaluation runs in
the library (include/cnumpy/polynomial.h); docs/polynomial.md has the details."""
from . import polyutils
from . import polynomial, chebyshev, legendre, laguerre, hermite, hermite_e
from ._polybase import set_default_printstyle
from .polynomial import Polynomial
from .chebyshev import Chebyshev
from .legendre import Legendre
from .hermite import Hermite
from .hermite_e import HermiteE
from .laguerre import Laguerre

__all__ = ["set_default_printstyle", "polynomial", "Polynomial", "chebyshev", "Chebyshev",
           "legendre", "Legendre", "hermite", "Hermite", "hermite_e", "HermiteE", "laguerre",
           "Laguerre"]
_SUBMODULES = (polyutils,)   # numpy.polynomial.polyutils is importable as an attribute too

