#define _POSIX_C_SOURCE 200809L
#include "csv.h"

#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

int csv_split(const char *line, csv_row *row) {
    strbuf field;
    sb_init(&field);
    row->count = 0;
    int quoted = 0;
    for (const char *p = line;; p++) {
        char c = *p;
        if (c == '"') {
            if (quoted && p[1] == '"') {
                sb_append(&field, "\"", 1);
                p++;
            } else {
                quoted = !quoted;
            }
        } else if ((c == ',' && !quoted) || c == '\0') {
            if (row->count == CSV_MAX_FIELDS) {
                sb_free(&field);
                csv_row_free(row);
                return -1;
            }
            row->fields[row->count++] = field.data ? sb_detach(&field) : strdup("");
            if (c == '\0') {
                break;
            }
        } else {
            sb_append(&field, &c, 1);
        }
    }
    return row->count;
}

void csv_row_free(csv_row *row) {
    for (int i = 0; i < row->count; i++) {
        free(row->fields[i]);
    }
    row->count = 0;
}

int csv_sum_column(const char *const *lines, int n, int column, long *total) {
    *total = 0;
    for (int i = 0; i < n; i++) {
        csv_row row;
        if (csv_split(lines[i], &row) <= column) {
            csv_row_free(&row);
            return -1;
        }
        *total += strtol(row.fields[column], NULL, 10);
        csv_row_free(&row);
    }
    return 0;
}
