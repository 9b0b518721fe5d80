#include "ringbuf.h"
#include "check.h"
int main(void) {
    ringbuf rb; int v;
    rb_init(&rb);
    CHECK_EQ(rb_push(&rb, 1), 0); CHECK_EQ(rb_push(&rb, 2), 0);
    CHECK_EQ(rb_pop(&rb, &v), 0); CHECK_EQ(v, 1);
    CHECK_EQ(rb_pop(&rb, &v), 0); CHECK_EQ(v, 2);
    puts("push_pop: ok");
    return 0;
}
