/* Codec "b32": encodes a buffer into a strbuf (the table of the codec suite). */
#include <string.h>

#include "../strbuf.h"
#include "../csv.h"

int codec_b32_encode(strbuf *out, const char *in, size_t n) {
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)in[i];
        char pair[2] = {digits[c >> 4], digits[c & 15]};
        if (sb_append(out, pair, 2) != 0) {
            return -1;
        }
    }
    return 0;
}

const char *codec_b32_name(void) {
    return "b32";
}
