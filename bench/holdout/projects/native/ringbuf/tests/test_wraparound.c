#include "ringbuf.h"
#include "check.h"
int main(void) {
    ringbuf rb; int v;
    rb_init(&rb);
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 6; i++) CHECK_EQ(rb_push(&rb, round * 10 + i), 0);
        for (int i = 0; i < 6; i++) { CHECK_EQ(rb_pop(&rb, &v), 0); CHECK_EQ(v, round * 10 + i); }
    }
    puts("wraparound: ok");
    return 0;
}
