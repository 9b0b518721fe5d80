#include "ringbuf.h"

void rb_init(ringbuf *rb) { rb->head = rb->count = 0; }

int rb_push(ringbuf *rb, int value) {
    if (rb->count == RB_CAPACITY) return -1;
    rb->items[(rb->head + rb->count) % RB_CAPACITY] = value;
    rb->count++;
    return 0;
}

int rb_pop(ringbuf *rb, int *out) {
    if (rb->count == 0) return -1;
    *out = rb->items[rb->head];
    rb->head = (rb->head + 1) % RB_CAPACITY;
    rb->count--;
    return 0;
}

int rb_peek(const ringbuf *rb, int *out) {
    if (rb->count == 0) return -1;
    *out = rb->items[rb->head];
    return 0;
}

size_t rb_drain(ringbuf *rb, int *out, size_t max) {
    size_t n = 0;
    while (n < max && rb_pop(rb, &out[n]) == 0) n++;
    return n;
}
