#ifndef TEXTBUF_CSV_H
#define TEXTBUF_CSV_H

#include <stddef.h>

#define CSV_MAX_FIELDS 16

typedef struct {
    char *fields[CSV_MAX_FIELDS];
    int count;
} csv_row;

/* Split one line on commas, honouring double quotes; returns the field count or -1. */
int csv_split(const char *line, csv_row *row);
void csv_row_free(csv_row *row);
int csv_sum_column(const char *const *lines, int n, int column, long *total);

#endif
