#ifndef TEXTBUF_CHECK_H
#define TEXTBUF_CHECK_H

#include <stdio.h>

static int check_failures = 0;

#define CHECK(expr)                                                              \
    do {                                                                         \
        if (!(expr)) {                                                           \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #expr); \
            check_failures++;                                                    \
        }                                                                        \
    } while (0)

#define CHECK_STR(got, want)                                                     \
    do {                                                                         \
        if (strcmp((got), (want)) != 0) {                                        \
            fprintf(stderr, "%s:%d: expected \"%s\", got \"%s\"\n", __FILE__, __LINE__, (want), (got)); \
            check_failures++;                                                    \
        }                                                                        \
    } while (0)

#define CHECK_DONE(name)                                                         \
    do {                                                                         \
        printf("%s: %s (%d failed checks)\n", (name), check_failures ? "FAIL" : "ok", check_failures); \
        return check_failures ? 1 : 0;                                           \
    } while (0)

#endif
