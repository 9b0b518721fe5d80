library(testthat)
library(tinyledger)

test_check("tinyledger")
