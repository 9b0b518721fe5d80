#include <stdio.h>
#include <string.h>

#include "../src/hash.h"
#include "check.h"

int main(void) {
    CHECK(fnv1a("") == 2166136261u);
    CHECK(fnv1a("a") == 0xe40c292cu);

    table t;
    CHECK(table_init(&t, 8) == 0);
    char key[32];
    for (int i = 0; i < 200; i++) {
        snprintf(key, sizeof key, "key-%d", i);
        CHECK(table_put(&t, key, i * i) == 0);
    }
    CHECK(t.count == 200);
    int value = -1;
    CHECK(table_get(&t, "key-17", &value) == 1 && value == 289);
    CHECK(table_get(&t, "missing", &value) == 0);
    table_free(&t);

    int values[] = {1, 2, 3, 4, 5, 600000, 700000, 800000};
    CHECK(checksum(values, 8) == 362037);
    CHECK_DONE("hash");
}
