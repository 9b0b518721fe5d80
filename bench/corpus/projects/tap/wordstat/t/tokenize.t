use strict;
use warnings;
use utf8;
use Test::More;
use WordStat qw(tokenize);

is_deeply([tokenize("Hello, world")], ['hello', 'world'], 'splits on punctuation and lowercases');
is_deeply([tokenize("it's the dog's bone")], ["it's", 'the', "dog's", 'bone'], 'keeps inner apostrophes');
is_deeply([tokenize("'quoted' words")], ['quoted', 'words'], 'strips outer quotes');
is_deeply([tokenize("Grüße aus Köln")], ['grüße', 'aus', 'köln'], 'keeps letters outside ASCII');
is_deeply([tokenize("route 66 and 7th")], ['route', '66', 'and', '7th'], 'keeps numbers');
is_deeply([tokenize(undef)], [], 'undef gives no words');
is_deeply([tokenize("   ")], [], 'blank gives no words');
done_testing;
