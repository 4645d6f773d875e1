"""The ufunc objects: NumPy's names, arities, identities and one-line summaries, one row per
ufunc, and NumPy's aliases (the same object under another name)."""
from ._ufunc import ufunc

_INF = float("inf")

# (name, nin, nout, identity, summary): NumPy's names, arities and identities.
_TABLE = [
    ("add", 2, 1, 0, "Add arguments element-wise."),
    ("subtract", 2, 1, None, "Subtract arguments, element-wise."),
    ("multiply", 2, 1, 1, "Multiply arguments element-wise."),
    ("divide", 2, 1, None, "Divide arguments element-wise."),
    ("floor_divide", 2, 1, None, "Return the largest integer smaller or equal to the division "
     "of the inputs."),
    ("remainder", 2, 1, None, "Returns the element-wise remainder of division."),
    ("fmod", 2, 1, None, "Returns the element-wise remainder of division."),
    ("divmod", 2, 2, None, "Return element-wise quotient and remainder simultaneously."),
    ("power", 2, 1, None, "First array elements raised to powers from second array, "
     "element-wise."),
    ("float_power", 2, 1, None, "First array elements raised to powers from second array, "
     "element-wise."),
    ("negative", 1, 1, None, "Numerical negative, element-wise."),
    ("positive", 1, 1, None, "Numerical positive, element-wise."),
    ("absolute", 1, 1, None, "Calculate the absolute value element-wise."),
    ("fabs", 1, 1, None, "Compute the absolute values element-wise."),
    ("sign", 1, 1, None, "Returns an element-wise indication of the sign of a number."),
    ("reciprocal", 1, 1, None, "Return the reciprocal of the argument, element-wise."),
    ("square", 1, 1, None, "Return the element-wise square of the input."),
    ("sqrt", 1, 1, None, "Return the non-negative square-root of an array, element-wise."),
    ("cbrt", 1, 1, None, "Return the cube-root of an array, element-wise."),
    ("exp", 1, 1, None, "Calculate the exponential of all elements in the input array."),
    ("exp2", 1, 1, None, "Calculate `2**p` for all `p` in the input array."),
    ("expm1", 1, 1, None, "Calculate ``exp(x) - 1`` for all elements in the array."),
    ("log", 1, 1, None, "Natural logarithm, element-wise."),
    ("log2", 1, 1, None, "Base-2 logarithm of `x`."),
    ("log10", 1, 1, None, "Return the base 10 logarithm of the input array, element-wise."),
    ("log1p", 1, 1, None, "Return the natural logarithm of one plus the input array, "
     "element-wise."),
    ("logaddexp", 2, 1, -_INF, "Logarithm of the sum of exponentiations of the inputs."),
    ("logaddexp2", 2, 1, -_INF, "Logarithm of the sum of exponentiations of the inputs in "
     "base-2."),
    ("sin", 1, 1, None, "Trigonometric sine, element-wise."),
    ("cos", 1, 1, None, "Cosine element-wise."),
    ("tan", 1, 1, None, "Compute tangent element-wise."),
    ("arcsin", 1, 1, None, "Inverse sine, element-wise."),
    ("arccos", 1, 1, None, "Trigonometric inverse cosine, element-wise."),
    ("arctan", 1, 1, None, "Trigonometric inverse tangent, element-wise."),
    ("arctan2", 2, 1, None, "Element-wise arc tangent of ``x1/x2`` choosing the quadrant "
     "correctly."),
    ("hypot", 2, 1, 0, 'Given the "legs" of a right triangle, return its hypotenuse.'),
    ("sinh", 1, 1, None, "Hyperbolic sine, element-wise."),
    ("cosh", 1, 1, None, "Hyperbolic cosine, element-wise."),
    ("tanh", 1, 1, None, "Compute hyperbolic tangent element-wise."),
    ("arcsinh", 1, 1, None, "Inverse hyperbolic sine element-wise."),
    ("arccosh", 1, 1, None, "Inverse hyperbolic cosine, element-wise."),
    ("arctanh", 1, 1, None, "Inverse hyperbolic tangent element-wise."),
    ("deg2rad", 1, 1, None, "Convert angles from degrees to radians."),
    ("rad2deg", 1, 1, None, "Convert angles from radians to degrees."),
    ("degrees", 1, 1, None, "Convert angles from radians to degrees."),
    ("radians", 1, 1, None, "Convert angles from degrees to radians."),
    ("floor", 1, 1, None, "Return the floor of the input, element-wise."),
    ("ceil", 1, 1, None, "Return the ceiling of the input, element-wise."),
    ("trunc", 1, 1, None, "Return the truncated value of the input, element-wise."),
    ("rint", 1, 1, None, "Round elements of the array to the nearest integer."),
    ("equal", 2, 1, None, "Return (x1 == x2) element-wise."),
    ("not_equal", 2, 1, None, "Return (x1 != x2) element-wise."),
    ("less", 2, 1, None, "Return the truth value of (x1 < x2) element-wise."),
    ("less_equal", 2, 1, None, "Return the truth value of (x1 <= x2) element-wise."),
    ("greater", 2, 1, None, "Return the truth value of (x1 > x2) element-wise."),
    ("greater_equal", 2, 1, None, "Return the truth value of (x1 >= x2) element-wise."),
    ("maximum", 2, 1, None, "Element-wise maximum of array elements."),
    ("minimum", 2, 1, None, "Element-wise minimum of array elements."),
    ("fmax", 2, 1, None, "Element-wise maximum of array elements."),
    ("fmin", 2, 1, None, "Element-wise minimum of array elements."),
    ("logical_and", 2, 1, True, "Compute the truth value of x1 AND x2 element-wise."),
    ("logical_or", 2, 1, False, "Compute the truth value of x1 OR x2 element-wise."),
    ("logical_xor", 2, 1, False, "Compute the truth value of x1 XOR x2, element-wise."),
    ("logical_not", 1, 1, None, "Compute the truth value of NOT x element-wise."),
    ("isnan", 1, 1, None, "Test element-wise for NaN and return result as a boolean array."),
    ("isinf", 1, 1, None, "Test element-wise for positive or negative infinity."),
    ("isfinite", 1, 1, None, "Test element-wise for finiteness (not infinity and not Not a "
     "Number)."),
    ("signbit", 1, 1, None, "Returns element-wise True where signbit is set (less than zero)."),
    ("copysign", 2, 1, None, "Change the sign of x1 to that of x2, element-wise."),
    ("nextafter", 2, 1, None, "Return the next floating-point value after x1 towards x2, "
     "element-wise."),
    ("spacing", 1, 1, None, "Return the distance between x and the nearest adjacent number."),
    ("bitwise_and", 2, 1, -1, "Compute the bit-wise AND of two arrays element-wise."),
    ("bitwise_or", 2, 1, 0, "Compute the bit-wise OR of two arrays element-wise."),
    ("bitwise_xor", 2, 1, 0, "Compute the bit-wise XOR of two arrays element-wise."),
    ("invert", 1, 1, None, "Compute bit-wise inversion, or bit-wise NOT, element-wise."),
    ("left_shift", 2, 1, None, "Shift the bits of an integer to the left."),
    ("right_shift", 2, 1, None, "Shift the bits of an integer to the right."),
    ("gcd", 2, 1, 0, "Returns the greatest common divisor of ``|x1|`` and ``|x2|``"),
    ("lcm", 2, 1, None, "Returns the lowest common multiple of ``|x1|`` and ``|x2|``"),
    ("conjugate", 1, 1, None, "Return the complex conjugate, element-wise."),
]
# NumPy's aliases: the same object under another name.
ALIASES = {"true_divide": "divide", "mod": "remainder", "abs": "absolute",
           "bitwise_not": "invert", "conj": "conjugate"}

UFUNCS = {}
for _row in _TABLE:
    UFUNCS[_row[0]] = ufunc(*_row)
for _alias, _target in ALIASES.items():
    UFUNCS[_alias] = UFUNCS[_target]
del _row, _alias, _target

NAMES = [r[0] for r in _TABLE] + list(ALIASES)
