"""numpy.ma, first step: masked arrays (docs/ma.md lists the subset)."""
from . import core
from .core import (
    MaskedArray, masked_array, array, asarray, asanyarray, MAError, MaskError, MaskType, nomask,
    masked, masked_print_option, getmask, getmaskarray, getdata, filled, is_masked,
    isMaskedArray, make_mask, make_mask_none, mask_or, masked_where, masked_invalid,
    masked_equal, masked_not_equal, masked_greater, masked_greater_equal, masked_less,
    masked_less_equal, masked_inside, masked_outside, masked_values, compressed, count,
    default_fill_value, minimum_fill_value, maximum_fill_value, sum, prod, product, mean,
    std, var, min, max, amin, amax, all, any, sqrt, log, log2, log10, arcsin, arccos,
    arccosh, arctanh, tan, exp, sin, cos, arctan, arcsinh, sinh, cosh, tanh, absolute, fabs,
    negative, floor, ceil, logical_not, conjugate, invert, abs, add, subtract, multiply,
    arctan2, hypot, equal, not_equal, less, less_equal, greater, greater_equal, logical_and,
    logical_or, logical_xor, bitwise_and, bitwise_or, bitwise_xor, true_divide, divide,
    floor_divide, remainder, mod, fmod, power, MaskedConstant, masked_singleton, isarray,
    isMA, is_mask)

__all__ = ["core", "MaskedArray", "masked_array", "array", "asarray", "asanyarray", "MAError", "MaskError",
           "MaskType", "nomask", "masked", "masked_print_option", "getmask", "getmaskarray",
           "getdata", "filled", "is_masked", "isMaskedArray", "make_mask", "make_mask_none",
           "mask_or", "masked_where", "masked_invalid", "masked_equal", "masked_not_equal",
           "masked_greater", "masked_greater_equal", "masked_less", "masked_less_equal",
           "masked_inside", "masked_outside", "masked_values", "compressed", "count",
           "default_fill_value", "minimum_fill_value", "maximum_fill_value", "sum", "prod",
           "product", "mean", "std", "var", "min", "max", "amin", "amax", "all", "any", "sqrt",
           "log", "log2", "log10", "arcsin", "arccos", "arccosh", "arctanh", "tan",
           "exp", "sin", "cos", "arctan", "arcsinh", "sinh", "cosh", "tanh", "absolute", "fabs",
           "negative", "floor", "ceil", "logical_not", "conjugate", "invert", "abs", "add",
           "subtract", "multiply", "arctan2", "hypot", "equal", "not_equal", "less",
           "less_equal", "greater", "greater_equal", "logical_and", "logical_or", "logical_xor",
           "bitwise_and", "bitwise_or", "bitwise_xor", "true_divide", "divide", "floor_divide",
           "remainder", "mod", "fmod", "power", "MaskedConstant", "masked_singleton", "isarray",
           "isMA", "is_mask"]
