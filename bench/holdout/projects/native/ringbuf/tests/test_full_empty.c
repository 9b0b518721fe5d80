#include "ringbuf.h"
#include "check.h"
int main(void) {
    ringbuf rb; int v;
    rb_init(&rb);
    CHECK_EQ(rb_pop(&rb, &v), -1);
    for (int i = 0; i < RB_CAPACITY; i++) CHECK_EQ(rb_push(&rb, i), 0);
    CHECK_EQ(rb_push(&rb, 99), -1);
    puts("full_empty: ok");
    return 0;
}
