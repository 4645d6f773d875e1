"""Where the library of an installed package lives: None in a checkout (and for pip installs);
`cmake --install` replaces this file with the installed libcnumpy.so.N's path."""
LIBRARY = None
