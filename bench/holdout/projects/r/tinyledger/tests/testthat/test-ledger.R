entries <- data.frame(
  date = c("2024-02-03", "2024-01-15", "2024-02-20"),
  amount = c(-2500L, 10000L, 4000L)
)

test_that("balance runs in date order", {
  expect_equal(balance(entries), c(10000L, 7500L, 11500L))
})

test_that("monthly_totals groups by month", {
  totals <- monthly_totals(entries)
  expect_equal(unname(totals[["2024-02"]]), 1500L)
  expect_named(totals, c("2024-01", "2024-02"))
})

test_that("an empty ledger has no balance", {
  expect_length(balance(entries[0, ]), 0)
})
