# The results of a testthat run as tab-separated records (testthat's list of results, not its printout):
# one line per failed, errored or warning expectation: kind, file:line, test name, message lines joined
# by \x1f; then a COUNT line (failed, warnings, skipped, passed). Usage: Rscript testthat_results.R PKGDIR
args <- commandArgs(trailingOnly = TRUE)
res <- testthat::test_local(args[[1]], reporter = "silent", stop_on_failure = FALSE, stop_on_warning = FALSE)
counts <- c(fail = 0, warn = 0, skip = 0, pass = 0)
for (test in res) {
  for (r in test$results) {
    kind <- if (inherits(r, "expectation_error")) "Error" else if (inherits(r, "expectation_failure")) "Failure"
      else if (inherits(r, "expectation_warning")) "Warning" else if (inherits(r, "expectation_skip")) "Skip" else "Pass"
    key <- c(Error = "fail", Failure = "fail", Warning = "warn", Skip = "skip", Pass = "pass")[[kind]]
    counts[[key]] <- counts[[key]] + 1
    if (kind %in% c("Error", "Failure", "Warning")) {
      line <- if (is.null(r$srcref)) NA else r$srcref[[1]]
      msg <- gsub("\n", "\x1f", conditionMessage(r), fixed = TRUE)
      cat(kind, sprintf("%s:%s", test$file, line), test$test, msg, sep = "\t")
      cat("\n")
    }
  }
}
cat("COUNT", counts[["fail"]], counts[["warn"]], counts[["skip"]], counts[["pass"]], sep = "\t")
cat("\n")
