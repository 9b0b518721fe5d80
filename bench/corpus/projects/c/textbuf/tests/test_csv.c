#include <string.h>

#include "../src/csv.h"
#include "check.h"

int main(void) {
    csv_row row;
    CHECK(csv_split("a,b,,d", &row) == 4);
    CHECK_STR(row.fields[2], "");
    CHECK_STR(row.fields[3], "d");
    csv_row_free(&row);

    CHECK(csv_split("\"x, y\",\"say \"\"hi\"\"\",z", &row) == 3);
    CHECK_STR(row.fields[0], "x, y");
    CHECK_STR(row.fields[1], "say \"hi\"");
    csv_row_free(&row);

    const char *lines[] = {"apples,3,1.20", "pears,12,0.80", "plums,7,2.10"};
    long total = 0;
    CHECK(csv_sum_column(lines, 3, 1, &total) == 0);
    CHECK(total == 22);
    CHECK(csv_sum_column(lines, 3, 5, &total) == -1);
    CHECK_DONE("csv");
}
