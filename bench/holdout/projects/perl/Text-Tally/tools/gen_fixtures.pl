#!/usr/bin/perl
# Writes t/fixtures/NNNN-fields-K.csv: one CSV line of K fields each, some quoted.
use strict;
use warnings;

my $count = shift // 2000;
mkdir 't/fixtures';
for my $n (1 .. $count) {
    my $k = 1 + $n % 7;
    my @fields = map { $_ % 3 ? "v$n.$_" : qq("q$n, $_") } 1 .. $k;
    open my $fh, '>', sprintf('t/fixtures/%04d-fields-%d.csv', $n, $k) or die $!;
    print {$fh} join(',', @fields), "\n";
    close $fh;
}
print "wrote $count fixtures\n";
