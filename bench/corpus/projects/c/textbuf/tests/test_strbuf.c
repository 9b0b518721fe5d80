#include <stdlib.h>
#include <string.h>

#include "../src/strbuf.h"
#include "check.h"

int main(void) {
    strbuf sb;
    sb_init(&sb);
    CHECK(sb_append_str(&sb, "hello") == 0);
    CHECK(sb_appendf(&sb, ", %s #%d", "world", 42) == 0);
    CHECK_STR(sb.data, "hello, world #42");
    CHECK(sb.len == 16);
    for (int i = 0; i < 100; i++) {
        sb_append(&sb, "x", 1);
    }
    CHECK(sb.len == 116);
    sb_free(&sb);

    sb_append_str(&sb, "  \t padded text \n ");
    sb_trim(&sb);
    CHECK_STR(sb.data, "padded text");
    char *owned = sb_detach(&sb);
    CHECK(sb.data == NULL && sb.len == 0);
    free(owned);
    CHECK_DONE("strbuf");
}
