#' Parse "1,234.50" or "-12" into cents.
parse_amount <- function(text) {
  clean <- gsub(",", "", trimws(text), fixed = TRUE)
  if (!grepl("^-?[0-9]+(\\.[0-9]{1,2})?$", clean)) {
    stop(sprintf("not an amount: '%s'", text), call. = FALSE)
  }
  as.integer(round(as.numeric(clean) * 100))
}

#' Format cents as "1,234.50".
format_money <- function(cents) {
  formatC(cents / 100, format = "f", digits = 2, big.mark = ",")
}

#' Running balance of a data frame with columns date and amount (cents).
balance <- function(entries) {
  entries <- entries[order(entries$date), ]
  cumsum(entries$amount)
}

#' Totals per "YYYY-MM".
monthly_totals <- function(entries) {
  months <- substr(entries$date, 1, 7)
  tapply(entries$amount, months, sum)
}
