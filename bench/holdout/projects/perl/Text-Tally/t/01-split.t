use strict;
use warnings;
use Test::More tests => 4;
use Text::Tally qw(split_csv);

is_deeply([split_csv('a,b,c')], [qw(a b c)], 'plain fields');
is_deeply([split_csv('"x, y",z')], ['x, y', 'z'], 'quoted comma stays in its field');
is_deeply([split_csv('a,,c')], ['a', '', 'c'], 'empty field kept');
is(scalar(() = split_csv('one')), 1, 'single field');
