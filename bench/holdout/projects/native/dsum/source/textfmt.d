/// Fixed-width text helpers.
module textfmt;

import std.string : leftJustify, rightJustify;
import std.conv : to;

string padLeft(string s, size_t width) { return s.rightJustify(width); }

string money(long cents)
{
    auto sign = cents < 0 ? "-" : "";
    auto c = cents < 0 ? -cents : cents;
    auto frac = (c % 100).to!string;
    return sign ~ (c / 100).to!string ~ "." ~ (frac.length < 2 ? "0" ~ frac : frac);
}

unittest
{
    assert(padLeft("7", 3) == "  7");
    assert(money(123_456) == "1234.56");
    assert(money(-5) == "-0.05");
}
