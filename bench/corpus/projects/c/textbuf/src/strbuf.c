#include "strbuf.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sb_init(strbuf *sb) {
    sb->data = NULL;
    sb->len = 0;
    sb->cap = 0;
}

void sb_free(strbuf *sb) {
    free(sb->data);
    sb_init(sb);
}

static int sb_reserve(strbuf *sb, size_t extra) {
    size_t need = sb->len + extra + 1;
    if (need <= sb->cap) {
        return 0;
    }
    size_t cap = sb->cap ? sb->cap : 16;
    while (cap < need) {
        cap *= 2;
    }
    char *data = realloc(sb->data, cap);
    if (!data) {
        return -1;
    }
    sb->data = data;
    sb->cap = cap;
    return 0;
}

int sb_append(strbuf *sb, const char *text, size_t n) {
    if (sb_reserve(sb, n) != 0) {
        return -1;
    }
    memcpy(sb->data + sb->len, text, n);
    sb->len += n;
    sb->data[sb->len] = '\0';
    return 0;
}

int sb_append_str(strbuf *sb, const char *text) {
    return sb_append(sb, text, strlen(text));
}

int sb_appendf(strbuf *sb, const char *fmt, ...) {
    va_list args;
    va_start(args, fmt);
    int n = vsnprintf(NULL, 0, fmt, args);
    va_end(args);
    if (n < 0 || sb_reserve(sb, (size_t)n) != 0) {
        return -1;
    }
    va_start(args, fmt);
    vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, args);
    va_end(args);
    sb->len += (size_t)n;
    return 0;
}

void sb_trim(strbuf *sb) {
    if (sb->len == 0) {
        return;
    }
    size_t start = 0;
    while (start < sb->len && isspace((unsigned char)sb->data[start])) {
        start++;
    }
    size_t end = sb->len;
    while (end > start && isspace((unsigned char)sb->data[end - 1])) {
        end--;
    }
    memmove(sb->data, sb->data + start, end - start);
    sb->len = end - start;
    sb->data[sb->len] = '\0';
}

char *sb_detach(strbuf *sb) {
    char *out = sb->data;
    sb_init(sb);
    return out;
}
