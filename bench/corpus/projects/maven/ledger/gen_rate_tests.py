"""Writes src/test/java/com/acme/ledger/table/RateNNNTest.java: 150 test classes, 12 checks each, one class
per rate (NNN x 37 basis points), expected values exact half-even results from Python's decimal module."""
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

AMOUNTS = [1, 5, 50, 99, 100, 149, 250, 999, 1005, 12345, 99999, 1000000]
OUT = Path(__file__).parent / "src/test/java/com/acme/ledger/table"

for n in range(1, 151):
    bp = n * 37
    methods = []
    for i, cents in enumerate(AMOUNTS, start=1):
        want = int((Decimal(cents) * bp / Decimal(10000)).quantize(Decimal(1), rounding=ROUND_HALF_EVEN))
        methods.append(f"    @Test\n    public void amount{i:02d}() {{\n        assertEquals({want}L, Percent.of({cents}L, {bp}));\n    }}\n")
    body = "\n".join(methods)
    (OUT / f"Rate{n:03d}Test.java").write_text(
        f"package com.acme.ledger.table;\n\nimport static org.junit.Assert.assertEquals;\n\nimport com.acme.ledger.Percent;\n"
        f"import org.junit.Test;\n\n/** {bp} basis points of twelve amounts, half-even. */\npublic class Rate{n:03d}Test {{\n{body}}}\n")
