#include <stdio.h>
#include <stdlib.h>
#define CHECK_EQ(got, want) do { long g_ = (long)(got), w_ = (long)(want); \
    if (g_ != w_) { fprintf(stderr, "%s:%d: CHECK_EQ(%s, %s) failed: got %ld, want %ld\n", \
                            __FILE__, __LINE__, #got, #want, g_, w_); exit(1); } } while (0)
