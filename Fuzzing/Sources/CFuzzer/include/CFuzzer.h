// libFuzzer's driver entry (compiler-rt, linked by -sanitize=fuzzer). SwiftPM links an
// executable with its own renamed main (TARGET_main), so libFuzzer's main is never used: each
// target's TARGET_main hands argc/argv and its test function to this driver instead.
#include <stddef.h>
#include <stdint.h>
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*test)(const uint8_t *data, size_t size));
