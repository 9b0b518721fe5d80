package WordStat;
# Word statistics for plain text: tokenising, counting, ranking, and a few helpers the CLI uses.
use strict;
use warnings;
use Exporter 'import';

our @EXPORT_OK = qw(tokenize count_words top_n parse_duration format_bytes slugify);

sub tokenize {
    my ($text) = @_;
    return () unless defined $text;
    my @words = map { lc } ($text =~ /([\p{L}\p{N}']+)/g);
    return grep { $_ ne "'" } map { s/^'+|'+$//gr } @words;
}

sub count_words {
    my (@words) = @_;
    my %counts;
    $counts{$_}++ for @words;
    return \%counts;
}

sub top_n {
    my ($counts, $n) = @_;
    my @ranked = sort { $counts->{$b} <=> $counts->{$a} || $a cmp $b } keys %$counts;
    $n = @ranked if $n > @ranked;
    return @ranked[0 .. $n - 1];
}

my %UNIT = (s => 1, m => 60, h => 3600, d => 86400);

sub parse_duration {
    my ($spec) = @_;
    die "empty duration\n" unless defined $spec && length $spec;
    my $total = 0;
    my $rest = $spec;
    while ($rest =~ s/^(\d+)([smhd])//) {
        $total += $1 * $UNIT{$2};
    }
    die "bad duration '$spec'\n" if length $rest;
    return $total;
}

sub format_bytes {
    my ($bytes) = @_;
    my @units = ('B', 'KiB', 'MiB', 'GiB');
    my $i = 0;
    while ($bytes >= 1024 && $i < $#units) {
        $bytes /= 1024;
        $i++;
    }
    return $i == 0 ? "$bytes B" : sprintf('%.1f %s', $bytes, $units[$i]);
}

sub slugify {
    my ($title) = @_;
    my $slug = lc $title;
    $slug =~ s/[^a-z0-9]+/-/g;
    $slug =~ s/^-+|-+$//g;
    return $slug;
}

1;
