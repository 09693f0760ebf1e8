// Declarations only (CFuzzer.h); the driver itself is in compiler-rt.
