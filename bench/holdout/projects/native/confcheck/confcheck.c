#include "config.h"
#include <stdio.h>
#include <zlib.h>

int main(void) {
    printf("confcheck %s with zlib %s\n", PACKAGE_VERSION, zlibVersion());
    return 0;
}
