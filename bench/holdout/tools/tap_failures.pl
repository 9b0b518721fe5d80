#!/usr/bin/perl
# The failures of a Perl test suite as tab-separated records, read with TAP::Parser (the TAP stream
# itself, not the harness's printout): FAIL file number description diagnostics(\x1f-joined), one
# FILE line per test file (file, tests run, failed, exit status), for: perl tap_failures.pl -Iblib/lib t/*.t
use strict;
use warnings;
use TAP::Parser;

my @switches = grep { /^-I/ } @ARGV;
for my $file (grep { !/^-I/ } @ARGV) {
    my $parser = TAP::Parser->new({ source => $file, switches => \@switches, merge => 1 });
    my ($last, @records);
    while (my $result = $parser->next) {
        if ($result->is_test) {
            $last = $result->is_ok ? undef : { number => $result->number, desc => $result->description, diag => [] };
            push @records, $last if $last;
        } elsif ($last && $result->is_comment) {
            push @{ $last->{diag} }, $result->as_string;
        }
    }
    for my $r (@records) {
        (my $desc = $r->{desc}) =~ s/^- //;
        print join("\t", 'FAIL', $file, $r->{number}, $desc, join("\x1f", @{ $r->{diag} })), "\n";
    }
    print join("\t", 'FILE', $file, scalar $parser->tests_run, scalar $parser->failed, $parser->exit), "\n";
}
