#define _POSIX_C_SOURCE 200809L
#include "hash.h"

#include <stdlib.h>
#include <string.h>

struct entry {
    char *key;
    int value;
    entry *next;
};

uint32_t fnv1a(const char *text) {
    uint32_t h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        h ^= *p;
        h *= 16777619u;
    }
    return h;
}

int table_init(table *t, size_t nbuckets) {
    t->buckets = calloc(nbuckets, sizeof *t->buckets);
    t->nbuckets = nbuckets;
    t->count = 0;
    return t->buckets ? 0 : -1;
}

void table_free(table *t) {
    for (size_t i = 0; i < t->nbuckets; i++) {
        entry *e = t->buckets[i];
        while (e) {
            entry *next = e->next;
            free(e->key);
            free(e);
            e = next;
        }
    }
    free(t->buckets);
    t->buckets = NULL;
}

int table_put(table *t, const char *key, int value) {
    size_t i = fnv1a(key) % t->nbuckets;
    for (entry *e = t->buckets[i]; e; e = e->next) {
        if (strcmp(e->key, key) == 0) {
            e->value = value;
            return 0;
        }
    }
    entry *e = malloc(sizeof *e);
    if (!e) {
        return -1;
    }
    e->key = strdup(key);
    e->value = value;
    e->next = t->buckets[i];
    t->buckets[i] = e;
    t->count++;
    return 0;
}

int table_get(const table *t, const char *key, int *value) {
    for (entry *e = t->buckets[fnv1a(key) % t->nbuckets]; e; e = e->next) {
        if (strcmp(e->key, key) == 0) {
            *value = e->value;
            return 1;
        }
    }
    return 0;
}

/* A small rolling checksum that stays within int. */
int checksum(const int *values, int n) {
    int sum = 0;
    for (int i = 0; i < n; i++) {
        sum = (sum * 31 + values[i]) % 1000003;
    }
    return sum;
}
