#!/usr/bin/env perl
# TAP on stdin (or the files named) -> one JSON object per test point, read by TAP::Parser (Perl core).
# Each object: file, number, description, ok, directive (TODO/SKIP), the comment lines (diagnostics)
# that follow the test point up to the next one, and its YAML diagnostics block (TAP 13) if any. The corpus generators build TAP facts from this.
use strict;
use warnings;
use JSON::PP;
use TAP::Parser;

my $json = JSON::PP->new->canonical->utf8;
my @sources = @ARGV ? @ARGV : ('-');
for my $source (@sources) {
    my $tap = do { local $/; my $fh; $source eq '-' ? ($fh = \*STDIN) : open($fh, '<', $source) or die "$source: $!"; <$fh> };
    my $parser = TAP::Parser->new({ tap => $tap });
    my $current;
    my $flush = sub { print $json->encode($current), "\n" if $current; $current = undef };
    while (my $result = $parser->next) {
        if ($result->is_test) {
            $flush->();
            $current = { file => $source, number => $result->number + 0, description => $result->description,
                         ok => ($result->is_actual_ok ? JSON::PP::true : JSON::PP::false),
                         directive => $result->directive, explanation => $result->explanation, comments => [] };
        } elsif ($result->is_yaml && $current) {
            $current->{yaml} = $result->data;
            $current->{yaml_lines} = [split /\n/, $result->raw];
        } elsif ($result->is_comment && $current) {
            push @{ $current->{comments} }, $result->as_string;
        }
    }
    $flush->();
}
