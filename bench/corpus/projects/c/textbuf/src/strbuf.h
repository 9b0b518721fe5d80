#ifndef TEXTBUF_STRBUF_H
#define TEXTBUF_STRBUF_H

#include <stddef.h>

typedef struct {
    char *data;
    size_t len;
    size_t cap;
} strbuf;

void sb_init(strbuf *sb);
void sb_free(strbuf *sb);
int sb_append(strbuf *sb, const char *text, size_t n);
int sb_appendf(strbuf *sb, const char *fmt, ...);
int sb_append_str(strbuf *sb, const char *text);
void sb_trim(strbuf *sb);
char *sb_detach(strbuf *sb);

#endif
