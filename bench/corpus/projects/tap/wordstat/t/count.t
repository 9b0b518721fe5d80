use strict;
use warnings;
use Test::More;
use WordStat qw(count_words top_n);

my $counts = count_words(qw(b a c a b a d));
is($counts->{a}, 3, 'counts repeated words');
is($counts->{d}, 1, 'counts single words');
is_deeply([top_n($counts, 2)], ['a', 'b'], 'ranks by count');
is_deeply([top_n(count_words(qw(pear fig apple)), 3)], ['apple', 'fig', 'pear'], 'top_n breaks ties alphabetically');
is_deeply([top_n($counts, 10)], ['a', 'b', 'c', 'd'], 'top_n stops at the number of words');
is(scalar(keys %{ count_words() }), 0, 'no words, no counts');
done_testing;
