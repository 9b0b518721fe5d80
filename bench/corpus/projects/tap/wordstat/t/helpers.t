use strict;
use warnings;
use Test::More;
use WordStat qw(parse_duration format_bytes slugify);

is(parse_duration('90s'), 90, 'parses seconds');
is(parse_duration('1h30m'), 5400, 'parses hours and minutes');
is(parse_duration('2d'), 172800, 'parses days');
eval { parse_duration('10x') };
like($@, qr/^bad duration '10x'/, 'rejects an unknown unit');
eval { parse_duration('') };
like($@, qr/^empty duration/, 'rejects an empty spec');
is(format_bytes(512), '512 B', 'formats bytes');
is(format_bytes(1536), '1.5 KiB', 'formats kibibytes');
is(format_bytes(5 * 1024 * 1024), '5.0 MiB', 'formats mebibytes');
is(slugify('Hello, World!'), 'hello-world', 'slugifies a title');
is(slugify('  --Already-Slugged--  '), 'already-slugged', 'trims dashes');
done_testing;
