#ifndef RINGBUF_H
#define RINGBUF_H
#include <stddef.h>

typedef struct {
    int items[8];
    size_t head, count;
} ringbuf;

void rb_init(ringbuf *rb);
int rb_push(ringbuf *rb, int value);   /* 0 on success, -1 when full */
int rb_pop(ringbuf *rb, int *out);     /* 0 on success, -1 when empty */
int rb_peek(const ringbuf *rb, int *out);
size_t rb_drain(ringbuf *rb, int *out, size_t max);
#define RB_CAPACITY 8
#endif
