"""The generic failure finder: failure lines found in any log, success-shaped lines left alone, each failure its
own event with the lines around it."""
from __future__ import annotations

import pytest

from tokenopt.finder import FailureFinder, assess, failure_lines
from tokenopt.model import Line, Priority


@pytest.mark.parametrize("text", [
    "> Task :platform-base:projectHealth FAILED",
    "[FAILED] Timed out after 1.001s.",
    "rake aborted!",
    "[info] - parses headers *** FAILED ***",
    "not ok 3 - handles empty input",
    "Chrome Headless 120.0 (Linux x86_64) App should render FAILED",
    "Segmentation fault (core dumped)",
    "  × includes a failing case",
    "│  └─ roundTrip() ✘ expected: <1> but was: <2>",
    "Traceback (most recent call last):",
])
def test_failure_lines_are_critical(text: str):
    finding = assess(text)
    assert finding is not None and finding.priority == Priority.CRITICAL, text


@pytest.mark.parametrize("text", [
    "Execution failed for task ':lib:compileJava'.",
    "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.11.0:compile",
    "npm ERR! code ELIFECYCLE",
    "XCTAssertTrue failed - expected true",
    "cpu_sup_SUITE:util_api failed on line 121",
    "error Command failed with exit code 1.",
    "PackagesNotFoundError: The following packages are not available from current channels:",
])
def test_error_lines_are_found(text: str):
    finding = assess(text)
    assert finding is not None and finding.priority >= Priority.HIGH, text


@pytest.mark.parametrize("text", [
    "[INFO] Tests run: 12, Failures: 0, Errors: 0, Skipped: 0",
    "✓ includes with string error message (2 ms)",
    "tests/test_errors.py::test_error_is_raised PASSED                          [ 42%]",
    "ok 4 - reports an error for bad input",
    "[         0 containers aborted    ]",
    "== 0 failed, 12 passed in 0.31s ==",
    "$ pytest --maxfail=1 -x tests",
    "gcc -Werror -Wall -c src/error_handler.c",
    "ok  \texample.com/pkg/errors\t0.012s",
    "=================================== FAILURES ===================================",
    "   12 |     if (error) return -1;",
    "No syntax errors detected in src/Invoice.php",
])
def test_success_shaped_lines_are_no_failure(text: str):
    finding = assess(text)
    assert finding is None or finding.priority < Priority.HIGH, (text, finding)


def test_warning_lines_that_quote_a_failure_word_are_warnings():
    finding = assess("src/a.c:3:5: warning: this call may fail when the buffer is full [-Wformat]")
    assert finding is not None and finding.priority == Priority.MEDIUM


def events(texts: list[str]) -> list:
    finder, found = FailureFinder(), []
    for number, text in enumerate(texts, start=1):
        found += finder.see(Line("job.log", number, text))[0]
    return found + finder.finish()


def test_each_failure_is_its_own_event_with_the_lines_around_it():
    found = events(["=== RUN   TestTypedGetters",
                    "    parse_test.go:72: List(http.origins) = [a b]",
                    "--- FAIL: TestTypedGetters (0.00s)",
                    "FAIL example.com/kvconf/config 0.05s"])
    assert [e.message for e in found] == ["--- FAIL: TestTypedGetters (0.00s)", "FAIL example.com/kvconf/config 0.05s"]
    assert "parse_test.go:72: List(http.origins) = [a b]" in found[0].detail  # what grep -C2 would show


def test_a_list_after_a_blank_line_stays_with_its_error():
    found = events(["PackagesNotFoundError: The following packages are not available from current channels:", "",
                    "  - numpy=9.9", "  - scipy=0.1", "", "Current channels: https://conda.anaconda.org"])
    assert len(found) == 1 and "  - scipy=0.1" in found[0].excerpt


def test_quoted_source_under_a_warning_is_not_an_error():
    found = events(["src/Order.java:8: warning: [serial] serializable class StorageException has no serialVersionUID",
                    "    public static final class StorageException extends RuntimeException {",
                    "                        ^"])
    assert [e.priority for e in found] == [Priority.MEDIUM]


def test_a_deep_recursion_is_its_frames_once_and_a_count():
    frames = ['  File "app.py", line 3, in walk', "    return walk(n - 1)"] * 20
    found = events(["Traceback (most recent call last):", *frames, "RecursionError: maximum recursion depth exceeded"])
    assert len(found) == 1 and found[0].message == "RecursionError: maximum recursion depth exceeded"
    excerpt = "\n".join(found[0].excerpt)
    assert excerpt.count("return walk(n - 1)") == 1 and "the same 2 lines again ×19" in excerpt


def test_failure_lines_helper_matches_the_grep_words_and_more():
    lines = ["building", "error: linker failed", "Killed", "done"]
    assert failure_lines(lines) == ["error: linker failed", "Killed"]


def test_what_shells_and_system_tools_say_when_they_cannot_go_on_is_an_error():
    for line in ("cp: cannot stat '/nonexistent/config.yaml': No such file or directory",
                 "./deploy.sh: line 4: terraform: command not found", "Can't locate Foo/Bar.pm in @INC",
                 "psql: error: could not connect to server: Connection refused", "mkdir: /srv: Permission denied"):
        finding = assess(line)
        assert finding is not None and finding.kind == "error", line
    for line in ("Fix Location handling so it can't be abused", "Cache not found for input keys: deps-abc"):
        assert assess(line) is None, line
