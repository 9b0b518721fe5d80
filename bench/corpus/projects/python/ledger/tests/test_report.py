from ledger.parse import parse_rows
from ledger.report import render_report


def test_report_lists_categories_in_order(sample_csv):
    lines = render_report(parse_rows(sample_csv)).splitlines()
    assert [line.split()[0] for line in lines[2:6]] == ["food", "gifts", "salary", "utilities"]


def test_report_grand_total(sample_csv):
    assert render_report(parse_rows(sample_csv)).splitlines()[-1].endswith("4,768.30")
