#ifndef TEXTBUF_HASH_H
#define TEXTBUF_HASH_H

#include <stddef.h>
#include <stdint.h>

uint32_t fnv1a(const char *text);

typedef struct entry entry;

typedef struct {
    entry **buckets;
    size_t nbuckets;
    size_t count;
} table;

int table_init(table *t, size_t nbuckets);
void table_free(table *t);
int table_put(table *t, const char *key, int value);
int table_get(const table *t, const char *key, int *value);
int checksum(const int *values, int n);

#endif
