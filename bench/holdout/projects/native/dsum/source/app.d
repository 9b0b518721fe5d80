import std.stdio : writeln;
import stats, textfmt;

void main() { writeln(money(12_345), " ", median([3.0, 1.0, 2.0])); }
