use strict;
use warnings;
use Test::More;
use Text::Tally qw(split_csv);

# Every generated fixture line must split into the number of fields its name promises.
my @files = glob('t/fixtures/*.csv');
plan skip_all => 'no fixtures (run tools/gen_fixtures.pl)' unless @files;
for my $file (@files) {
    my ($want) = $file =~ /fields-(\d+)/;
    open my $fh, '<', $file or die "$file: $!";
    my $line = <$fh>;
    chomp $line;
    is(scalar(() = split_csv($line)), $want, "$file splits into $want fields");
}
done_testing();
