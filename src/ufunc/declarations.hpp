// The one declaration of every ufunc. Everything else about a ufunc derives from this list:
//   - the registry (registry.cpp): Id, name, nin, nout, type resolver, and which kernel file
//     fills its loops (each kernel file's init function must fill exactly the ufuncs declared
//     with its name; the registry checks it when it builds the table);
//   - the reduction identities (reduce/ufunc_methods.cpp identity_of, through identity_value);
//   - the C entry points (capi/ufunc.cpp): each written out by its full name, checked at compile
//     time against this list (name or alias, arity);
//   - the Python ufunc objects (bindings/python/cnumpy/_ufunc_table.py), which read name, arity,
//     identity and summary from the library through cnp_ufunc_count/cnp_ufunc_info_at;
//   - tools/check_exports checks that include/cnumpy/ufunc.h declares one prototype per row and
//     alias, with nin inputs and nout outputs (the header stays written out: it is the contract).
// Adding a ufunc: one row here, its loops in the kernel file named by the row, its prototype in
// ufunc.h and its entry point line in capi/ufunc.cpp (the compiler and check_exports catch a
// missing or mismatched one).
//
// X(name, nin, nout, identity, resolver, kernels, summary)
//   name      NumPy's name (also the C++ identifier ufunc::Id::name and the C name cnp_<name>)
//   identity  NumPy's ufunc.identity (Identity in ufunc.hpp): none, reorderable (no identity,
//             but a reduction may take several axes at once), zero, one, minus_one, minus_inf,
//             false_, true_
//   resolver  how the loop is picked (Resolver in ufunc.hpp)
//   kernels   the kernel file whose init function fills the loops: arith, math, compare, bitwise,
//             float_parts (kernels_float_parts.cpp: modf, frexp, ldexp);
//             registry: no numeric loops, only loop-registry methods (isnat, src/datetime/arith.cpp)
//   summary   NumPy's one-line docstring summary
#pragma once

#define CNP_UFUNC_PUBLIC(X)                                                                                        \
  X(add, 2, 1, zero, Default, arith, "Add arguments element-wise.")                                                \
  X(subtract, 2, 1, none, Subtract, arith, "Subtract arguments, element-wise.")                                    \
  X(multiply, 2, 1, one, Default, arith, "Multiply arguments element-wise.")                                       \
  X(divide, 2, 1, none, TrueDivide, arith, "Divide arguments element-wise.")                                       \
  X(floor_divide, 2, 1, none, Default, arith,                                                                      \
    "Return the largest integer smaller or equal to the division of the inputs.")                                  \
  X(remainder, 2, 1, none, Default, arith, "Returns the element-wise remainder of division.")                      \
  X(fmod, 2, 1, none, Default, arith, "Returns the element-wise remainder of division.")                           \
  X(divmod, 2, 2, none, Default, arith, "Return element-wise quotient and remainder simultaneously.")              \
  X(power, 2, 1, none, Default, arith, "First array elements raised to powers from second array, element-wise.")   \
  X(float_power, 2, 1, none, Default, arith,                                                                       \
    "First array elements raised to powers from second array, element-wise.")                                      \
  X(negative, 1, 1, none, Negative, arith, "Numerical negative, element-wise.")                                    \
  X(positive, 1, 1, none, Uniform, arith, "Numerical positive, element-wise.")                                     \
  X(absolute, 1, 1, none, Default, arith, "Calculate the absolute value element-wise.")                            \
  X(fabs, 1, 1, none, Default, arith, "Compute the absolute values element-wise.")                                 \
  X(sign, 1, 1, none, Uniform, arith, "Returns an element-wise indication of the sign of a number.")               \
  X(reciprocal, 1, 1, none, Default, arith, "Return the reciprocal of the argument, element-wise.")                \
  X(square, 1, 1, none, Default, arith, "Return the element-wise square of the input.")                            \
  X(sqrt, 1, 1, none, Default, math, "Return the non-negative square-root of an array, element-wise.")             \
  X(cbrt, 1, 1, none, Default, math, "Return the cube-root of an array, element-wise.")                            \
  X(exp, 1, 1, none, Default, math, "Calculate the exponential of all elements in the input array.")               \
  X(exp2, 1, 1, none, Default, math, "Calculate `2**p` for all `p` in the input array.")                           \
  X(expm1, 1, 1, none, Default, math, "Calculate ``exp(x) - 1`` for all elements in the array.")                   \
  X(log, 1, 1, none, Default, math, "Natural logarithm, element-wise.")                                            \
  X(log2, 1, 1, none, Default, math, "Base-2 logarithm of `x`.")                                                   \
  X(log10, 1, 1, none, Default, math, "Return the base 10 logarithm of the input array, element-wise.")            \
  X(log1p, 1, 1, none, Default, math, "Return the natural logarithm of one plus the input array, element-wise.")   \
  X(logaddexp, 2, 1, minus_inf, Default, math, "Logarithm of the sum of exponentiations of the inputs.")           \
  X(logaddexp2, 2, 1, minus_inf, Default, math, "Logarithm of the sum of exponentiations of the inputs in base-2.") \
  X(sin, 1, 1, none, Default, math, "Trigonometric sine, element-wise.")                                           \
  X(cos, 1, 1, none, Default, math, "Cosine element-wise.")                                                        \
  X(tan, 1, 1, none, Default, math, "Compute tangent element-wise.")                                               \
  X(arcsin, 1, 1, none, Default, math, "Inverse sine, element-wise.")                                              \
  X(arccos, 1, 1, none, Default, math, "Trigonometric inverse cosine, element-wise.")                              \
  X(arctan, 1, 1, none, Default, math, "Trigonometric inverse tangent, element-wise.")                             \
  X(arctan2, 2, 1, none, Default, math, "Element-wise arc tangent of ``x1/x2`` choosing the quadrant correctly.")  \
  X(hypot, 2, 1, zero, Default, math, "Given the \"legs\" of a right triangle, return its hypotenuse.")            \
  X(sinh, 1, 1, none, Default, math, "Hyperbolic sine, element-wise.")                                             \
  X(cosh, 1, 1, none, Default, math, "Hyperbolic cosine, element-wise.")                                           \
  X(tanh, 1, 1, none, Default, math, "Compute hyperbolic tangent element-wise.")                                   \
  X(arcsinh, 1, 1, none, Default, math, "Inverse hyperbolic sine element-wise.")                                   \
  X(arccosh, 1, 1, none, Default, math, "Inverse hyperbolic cosine, element-wise.")                                \
  X(arctanh, 1, 1, none, Default, math, "Inverse hyperbolic tangent element-wise.")                                \
  X(deg2rad, 1, 1, none, Default, math, "Convert angles from degrees to radians.")                                 \
  X(rad2deg, 1, 1, none, Default, math, "Convert angles from radians to degrees.")                                 \
  X(degrees, 1, 1, none, Default, math, "Convert angles from radians to degrees.")                                 \
  X(radians, 1, 1, none, Default, math, "Convert angles from degrees to radians.")                                 \
  X(floor, 1, 1, none, Default, math, "Return the floor of the input, element-wise.")                              \
  X(ceil, 1, 1, none, Default, math, "Return the ceiling of the input, element-wise.")                             \
  X(trunc, 1, 1, none, Default, math, "Return the truncated value of the input, element-wise.")                    \
  X(rint, 1, 1, none, Default, math, "Round elements of the array to the nearest integer.")                        \
  X(equal, 2, 1, none, Default, compare, "Return (x1 == x2) element-wise.")                                        \
  X(not_equal, 2, 1, none, Default, compare, "Return (x1 != x2) element-wise.")                                    \
  X(less, 2, 1, none, Default, compare, "Return the truth value of (x1 < x2) element-wise.")                       \
  X(less_equal, 2, 1, none, Default, compare, "Return the truth value of (x1 <= x2) element-wise.")                \
  X(greater, 2, 1, none, Default, compare, "Return the truth value of (x1 > x2) element-wise.")                    \
  X(greater_equal, 2, 1, none, Default, compare, "Return the truth value of (x1 >= x2) element-wise.")             \
  X(maximum, 2, 1, reorderable, Default, arith, "Element-wise maximum of array elements.")                         \
  X(minimum, 2, 1, reorderable, Default, arith, "Element-wise minimum of array elements.")                         \
  X(fmax, 2, 1, reorderable, Default, arith, "Element-wise maximum of array elements.")                            \
  X(fmin, 2, 1, reorderable, Default, arith, "Element-wise minimum of array elements.")                            \
  X(logical_and, 2, 1, true_, Default, compare, "Compute the truth value of x1 AND x2 element-wise.")              \
  X(logical_or, 2, 1, false_, Default, compare, "Compute the truth value of x1 OR x2 element-wise.")               \
  X(logical_xor, 2, 1, false_, Default, compare, "Compute the truth value of x1 XOR x2, element-wise.")            \
  X(logical_not, 1, 1, none, Default, compare, "Compute the truth value of NOT x element-wise.")                   \
  X(isnan, 1, 1, none, Default, compare, "Test element-wise for NaN and return result as a boolean array.")        \
  X(isinf, 1, 1, none, Default, compare, "Test element-wise for positive or negative infinity.")                   \
  X(isfinite, 1, 1, none, Default, compare,                                                                        \
    "Test element-wise for finiteness (not infinity and not Not a Number).")                                       \
  X(isnat, 1, 1, none, Default, registry, "Test element-wise for NaT (not a time) and return result as a boolean array.") \
  X(signbit, 1, 1, none, Default, math, "Returns element-wise True where signbit is set (less than zero).")         \
  X(copysign, 2, 1, none, Default, math, "Change the sign of x1 to that of x2, element-wise.")                     \
  X(nextafter, 2, 1, none, Default, math, "Return the next floating-point value after x1 towards x2, element-wise.") \
  X(spacing, 1, 1, none, Default, math, "Return the distance between x and the nearest adjacent number.")          \
  X(modf, 1, 2, none, Default, float_parts, "Return the fractional and integral parts of an array, element-wise.")  \
  X(frexp, 1, 2, none, Default, float_parts, "Decompose the elements of x into mantissa and twos exponent.")        \
  X(ldexp, 2, 1, none, Default, float_parts, "Returns x1 * 2**x2, element-wise.")                                   \
  X(heaviside, 2, 1, none, Default, math, "Compute the Heaviside step function.")                                  \
  X(bitwise_and, 2, 1, minus_one, Default, bitwise, "Compute the bit-wise AND of two arrays element-wise.")        \
  X(bitwise_or, 2, 1, zero, Default, bitwise, "Compute the bit-wise OR of two arrays element-wise.")               \
  X(bitwise_xor, 2, 1, zero, Default, bitwise, "Compute the bit-wise XOR of two arrays element-wise.")             \
  X(invert, 1, 1, none, Default, bitwise, "Compute bit-wise inversion, or bit-wise NOT, element-wise.")            \
  X(left_shift, 2, 1, none, Default, bitwise, "Shift the bits of an integer to the left.")                         \
  X(right_shift, 2, 1, none, Default, bitwise, "Shift the bits of an integer to the right.")                       \
  X(gcd, 2, 1, zero, Uniform, bitwise, "Returns the greatest common divisor of ``|x1|`` and ``|x2|``")             \
  X(lcm, 2, 1, none, Uniform, bitwise, "Returns the lowest common multiple of ``|x1|`` and ``|x2|``")              \
  X(conjugate, 1, 1, none, Default, arith, "Return the complex conjugate, element-wise.")

// Ufuncs NumPy keeps in numpy.core.umath only, behind a function of its own (np.clip calls
// umath.clip after its argument checks): same columns, but no Python ufunc object.
#define CNP_UFUNC_UMATH_ONLY(X) X(clip, 3, 1, none, Default, arith, "Clip (limit) the values in an array.")

// Every ufunc: the public ones (NumPy's ufunc objects, np.add ...), then the umath-only ones.
#define CNP_UFUNC_LIST(X) CNP_UFUNC_PUBLIC(X) CNP_UFUNC_UMATH_ONLY(X)

// NumPy's aliases: the same ufunc under another name. X(alias, name): cnp_<alias> is an entry
// point of its own that calls the ufunc `name`; Python binds the same object to both names.
#define CNP_UFUNC_ALIASES(X) \
  X(true_divide, divide) X(mod, remainder) X(abs, absolute) X(bitwise_not, invert) X(conj, conjugate)
