"""The generic rules on real tool output: every failure a developer needs is an event of the right priority."""
from __future__ import annotations

from pathlib import Path

import pytest
from support import FIXTURES, ROOT

from tokenopt.dedup import Folder
from tokenopt.formats import Classifier, canonical_test_id, find_location
from tokenopt.model import Line, Priority
from tokenopt.processor import StreamLogProcessor
from tokenopt.reader import LineReader, expand_sources
from tokenopt.tokens import EstimateCounter

CASES = ROOT / "bench" / "corpus" / "cases"


def collect(relative: str) -> list:
    reader = LineReader(65_536, lambda text: text)
    classifier, folder = Classifier(), Folder()
    for chunk in reader.chunks(expand_sources((str(FIXTURES / relative),)), 100):
        folder.extend(classifier.feed(chunk))
    folder.extend(classifier.finish())
    return folder.ordered()


def critical(relative: str) -> list:
    return [p for p in collect(relative) if p.priority == Priority.CRITICAL]


def test_pytest_failures_become_one_critical_event_each_with_message_and_location():
    found = {p.event.test_id: p.event for p in critical("pytest/failures.log")}
    assert set(found) == {"test_total_with_discount", "test_invoice_with_dashed_sku",
                          "test_parse_amount[(5.00)-expected5]"}
    keyerror = found["test_invoice_with_dashed_sku"]
    assert "KeyError: 'AB100'" in keyerror.message
    assert keyerror.location == "invoicing/catalog.py:23"  # the innermost frame of the project's code
    assert any("return self._prices[key]" in line for line in keyerror.excerpt)


def test_pytest_section_and_summary_line_fold_without_double_counting():
    patterns = critical("pytest/failures.log")
    assert all(p.count == 1 for p in patterns)


@pytest.mark.parametrize("relative, expected", [
    ("jest/failures.log", {"cart › summarize applies coupon", "formatAddress › formats an address without line2"}),
    ("jest/failures_color.log", {"cart › summarize applies coupon",
                                 "formatAddress › formats an address without line2"}),
    ("cargo/test_failures.log", {"ring::tests::latest_after_wrap", "stats::tests::parse_samples_with_trailing_comma"}),
])
def test_test_runner_failures_are_critical(relative: str, expected: set[str]):
    assert {p.event.test_id for p in critical(relative)} == expected


def test_jest_failure_keeps_its_diff_and_the_next_suite_is_not_swallowed():
    events = {p.event.test_id: p.event for p in critical("jest/failures.log")}
    diff = events["cart › summarize applies coupon"]
    assert any('"count": 6' in line for line in diff.excerpt)
    assert not any("format.test.js" in line and "FAIL" in line for line in diff.excerpt)
    assert diff.location == "__tests__/cart.test.js:38:29"


def test_one_test_failing_in_two_steps_is_two_failures_not_two_views(tmp_path: Path):
    """jasmine and karma run the same spec in two steps: its failure under karma is not the jasmine report seen
    again (count 2, karma's line kept), in one input or in two; a section and its summary line still fold."""
    logs = [CASES / name / "job.log" for name in ("node-jasmine", "node-karma-chrome-headless")]
    joined = tmp_path / "both.log"
    joined.write_bytes(b"".join(log.read_bytes() for log in logs))
    karma = "Chrome Headless 156.0.0.0 (Linux 0.0.0) wordWrap returns no lines for blank text FAILED"
    for inputs in ([str(joined)], [str(log) for log in logs]):
        collected = StreamLogProcessor(counter=EstimateCounter("cl100k_base")).process(inputs)
        failed = [p for p in collected.patterns if p.event.test_id.endswith("wordWrap returns no lines for blank text")]
        assert [p.count for p in failed] == [2]
        assert karma in [failed[0].event.message, *failed[0].variants]
    assert all(p.count == 1 for p in critical("pytest/failures.log"))


def test_distinct_compile_errors_are_never_folded_together():
    javac = critical("javac/compile_error.log")
    assert [p.event.location for p in javac] == ["src/com/example/library/Catalog.java:19",
                                                 "src/com/example/library/Catalog.java:29"]
    assert all(p.count == 1 for p in javac)
    assert len(critical("mypy/type_errors.log")) == 5
    assert len(critical("tsc/type_errors.log")) == 3


def test_gcc_errors_carry_their_source_excerpt_and_notes():
    events = [p.event for p in critical("gcc/compile_errors.log")]
    assert [e.location for e in events] == ["geometry.c:21:23", "geometry.c:35:12"]
    assert any("note: each undeclared identifier" in line for line in events[1].excerpt)


def test_java_cause_chain_is_one_event_ending_at_the_root_cause():
    (chain,) = critical("java/exception_chain.log")
    assert chain.event.kind == "exception"
    assert any("Caused by: java.lang.NumberFormatException" in line for line in chain.event.excerpt)


def test_warnings_are_medium_and_summaries_high():
    patterns = collect("cargo/test_failures.log")
    by_priority = {p.event.message: p.priority for p in patterns}
    assert by_priority["warning: unused variable: `unused_total`"] == Priority.MEDIUM
    assert any(m.startswith("test result: FAILED") and v == Priority.HIGH for m, v in by_priority.items())


def test_python_traceback_message_is_the_exception_line():
    lines = ["Traceback (most recent call last):", '  File "app/main.py", line 3, in <module>', "    run()",
             '  File "/usr/lib/python3/site-packages/x.py", line 9, in run', "    raise KeyError('k')",
             "KeyError: 'k'", "next line"]
    classifier = Classifier()
    events = classifier.feed([Line("log", n, t) for n, t in enumerate(lines, 1)]) + classifier.finish()
    assert events[0].message == "KeyError: 'k'"
    assert events[0].location == "app/main.py:3"  # third-party frames are skipped
    assert events[1].priority == Priority.LOW


def test_canonical_test_id_joins_pytest_spellings():
    assert canonical_test_id("tests/test_a.py::TestX::test_y[1]") == "TestX.test_y[1]"
    assert canonical_test_id("cart › adds") == "cart › adds"


def test_find_location_reads_common_shapes():
    assert find_location(["src/main.ts(6,29): error TS2345"]) == "src/main.ts:6:29"
    assert find_location(["\tat com.x.Foo.bar(Foo.java:12)"]) == "Foo.java:12"
    assert find_location(["[ERROR] /w/src/main/java/x/Order.java:[27,122] incompatible types"]) == \
        "/w/src/main/java/x/Order.java:27:122"
    assert find_location(["no location here"]) == ""


@pytest.mark.parametrize("frames, expected", [
    (['  File "/home/runner/work/app/app/client.py", line 40, in fetch',
      '  File "/opt/hostedtoolcache/Python/3.11.7/x64/lib/python3.11/socket.py", line 294, in connect'],
     "/home/runner/work/app/app/client.py:40"),
    (["thread 'main' panicked at src/ring.rs:32:25:", "   1: /rustc/59807616e/library/core/src/panicking.rs:72:14"],
     "src/ring.rs:32:25"),
    (["In file included from src/codec.c:3:", "src/codec.h:12:5: error: unknown type name 'u8'"],
     "src/codec.h:12:5"),
    (["   at lib (node_modules/express/lib/router.js:12:3)", "   at handler (src/server.js:40:7)"],
     "src/server.js:40:7"),
])
def test_locations_are_the_projects_own_frames(frames: list[str], expected: str):
    assert find_location(frames) == expected


def test_a_recursion_keeps_its_frames_once_with_a_count():
    frames = ['  File "app.py", line 3, in walk', "    return walk(n - 1)"] * 1024
    classifier = Classifier()
    lines = ["Traceback (most recent call last):", *frames, "RecursionError: maximum recursion depth exceeded"]
    found = classifier.feed([Line("job.log", n, text) for n, text in enumerate(lines, start=1)])
    found += classifier.finish()
    (event,) = [e for e in found if e.priority == Priority.CRITICAL]
    assert event.message == "RecursionError: maximum recursion depth exceeded"
    assert sum("return walk" in line for line in event.excerpt) == 1
    assert any("the same 2 lines again ×1,023" in line for line in event.excerpt)


def test_go_verbose_messages_printed_before_the_fail_line_stay_with_the_failure():
    log = ROOT / "bench" / "corpus" / "cases" / "go-test-buried-6000-subtests" / "job.log.gz"
    reader = LineReader(65_536, lambda text: text)
    classifier, folder = Classifier(), Folder()
    for chunk in reader.chunks(expand_sources((str(log),)), 500):
        folder.extend(classifier.feed(chunk))
    folder.extend(classifier.finish())
    failures = [p.event for p in folder.ordered() if p.priority == Priority.CRITICAL]
    assert [e.test_id for e in failures] == ["TestTypedGetters"]
    assert failures[0].message == "--- FAIL: TestTypedGetters (0.00s)"  # the failure line as go printed it
    assert failures[0].detail[0].startswith('parse_test.go:72: List(http.origins) = ["a.example"')


def test_a_tap_yaml_error_block_gives_its_message_and_values_and_the_next_subtest_is_not_its_own():
    failures = {p.event.message.strip(): p.event for p in critical("node_test/tap.log")}
    punctuation = failures["not ok 2 - drops punctuation"]
    assert punctuation.detail[:2] == ("Expected values to be strictly equal:", "+ actual - expected")
    assert "expected: 'what-why-how'" in punctuation.detail and "actual: 'what?-why!-how.'" in punctuation.detail
    assert "error: |-" not in punctuation.detail
    for event in failures.values():
        assert not any(line.strip().startswith("# Subtest:") for line in event.excerpt), event.message
