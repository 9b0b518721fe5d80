/// Running statistics over doubles.
module stats;

import std.algorithm : sort, sum;
import std.array : array;

double mean(const double[] xs) { return xs.sum / xs.length; }

double median(const double[] xs)
{
    auto s = xs.dup.sort.array;
    auto mid = s.length / 2;
    return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

unittest
{
    assert(mean([1.0, 2.0, 6.0]) == 3.0);
    assert(median([5.0, 1.0, 3.0]) == 3.0);
    assert(median([4.0, 1.0, 3.0, 2.0]) == 2.5);
}
