package Text::Tally;
use strict;
use warnings;
use Exporter 'import';

our $VERSION = '0.07';
our @EXPORT_OK = qw(split_csv column_sum column_max median);

# Split one CSV line; double quotes protect commas, "" is a literal quote.
sub split_csv {
    my ($line) = @_;
    my (@fields, $field, $quoted);
    $field = '';
    for my $ch (split //, $line) {
        if ($ch eq '"') {
            $quoted = !$quoted;
            next;
        }
        if ($ch eq ',' && !$quoted) {
            push @fields, $field;
            $field = '';
            next;
        }
        $field .= $ch;
    }
    push @fields, $field;
    return @fields;
}

sub column_sum {
    my ($rows, $col) = @_;
    my $sum = 0;
    $sum += $_->[$col] for @$rows;
    return $sum;
}

sub column_max {
    my ($rows, $col) = @_;
    my $max;
    for my $row (@$rows) {
        $max = $row->[$col] if !defined $max || $row->[$col] > $max;
    }
    return $max;
}

sub median {
    my @sorted = sort { $a <=> $b } @_;
    my $mid = int(@sorted / 2);
    return @sorted % 2 ? $sorted[$mid] : ($sorted[$mid - 1] + $sorted[$mid]) / 2;
}

1;
