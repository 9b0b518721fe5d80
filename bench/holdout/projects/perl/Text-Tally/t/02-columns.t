use strict;
use warnings;
use Test::More tests => 5;
use Text::Tally qw(column_sum column_max median);

my $rows = [[1, 10], [2, -4], [3, 7]];
is(column_sum($rows, 1), 13, 'column_sum adds a column');
is(column_max($rows, 1), 10, 'column_max finds the largest value');
is(column_max([[-5], [-2], [-9]], 0), -2, 'column_max with only negative values');
is(median(3, 1, 2), 2, 'median of an odd count');
is(median(4, 1, 3, 2), 2.5, 'median of an even count');
