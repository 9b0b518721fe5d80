import unittest

from ledger.money import Money, parse_amount
from ledger.parse import RowError, parse_rows
from ledger.stats import by_category, running_balance

CSV = "date,payee,category,amount\n2024-01-03,Grocer,Food,-54.20\n2024-01-05,Employer,Salary,100.00\n"


class MoneyTest(unittest.TestCase):
    def test_parse_plain(self):
        self.assertEqual(parse_amount("12.34"), Money(1234))

    def test_parse_parenthesised(self):
        self.assertEqual(parse_amount("(2.50)"), Money(-250))

    def test_split_three_ways(self):
        self.assertEqual([m.cents for m in Money(100).split(3)], [34, 33, 33])

    def test_str(self):
        self.assertEqual(str(Money(100050)), "1,000.50")


class ParseTest(unittest.TestCase):
    def test_rows(self):
        entries = parse_rows(CSV)
        self.assertEqual(len(entries), 2)
        self.assertEqual(entries[1].payee, "Employer")

    def test_bad_row(self):
        with self.assertRaises(RowError):
            parse_rows(CSV + "2024-01-06,X,Food,??\n")


class StatsTest(unittest.TestCase):
    def test_by_category(self):
        self.assertDictEqual(by_category(parse_rows(CSV)), {"food": Money(-5420), "salary": Money(10000)})

    def test_running_balance(self):
        self.assertListEqual(running_balance(parse_rows(CSV)), [Money(-5420), Money(4580)])


if __name__ == "__main__":
    unittest.main()
