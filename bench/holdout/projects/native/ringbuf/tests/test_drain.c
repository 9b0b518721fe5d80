#include "ringbuf.h"
#include "check.h"
int main(void) {
    ringbuf rb; int out[8];
    rb_init(&rb);
    for (int i = 1; i <= 5; i++) rb_push(&rb, i * i);
    CHECK_EQ(rb_drain(&rb, out, 3), 3);
    CHECK_EQ(out[2], 9);
    CHECK_EQ(rb_drain(&rb, out, 8), 2);
    CHECK_EQ(out[1], 25);
    puts("drain: ok");
    return 0;
}
