test_that("parse_amount reads thousands separators and cents", {
  expect_equal(parse_amount("1,234.50"), 123450L)
  expect_equal(parse_amount("-12"), -1200L)
})

test_that("parse_amount rejects text", {
  expect_error(parse_amount("twelve"), "not an amount: 'twelve'")
})

test_that("format_money adds separators and two decimals", {
  expect_equal(format_money(123450L), "1,234.50")
})
