"""Identity that holds: a re-run of the same failure keeps its key, two different failures never share one.

Every line here is a real tool's, from the fixtures (tests/fixtures/logs) or printed by the command named beside
it; a re-run's line is the same line as a second run printed it, or with the values a re-run changes (a pid,
a date, an address, a port) changed as it would change them.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from support import FIXTURES

from tokenopt import EnhancedTokenOptimizer
from tokenopt.dedup import Folder, variants_note
from tokenopt.fingerprint import mask, pattern_key
from tokenopt.formats import FAMILIES, Classifier
from tokenopt.model import Event, Priority
from tokenopt.reader import LineReader, expand_sources
from tokenopt.redact import Redactor
from tokenopt.steps import StepTracker


def events(text: str, folder: Path) -> list[Event]:
    """The critical and high events the recognizers make of ``text``, read as the processor reads a log."""
    log = folder / "job.log"
    log.write_text(text)
    redactor = Redactor()
    reader = LineReader(65_536, redactor)
    classifier = Classifier(FAMILIES, StepTracker(), redactor.detached())
    found: list[Event] = []
    for chunk in reader.chunks(expand_sources((str(log),)), 1000):
        found += classifier.feed(chunk)
    found += classifier.finish()
    return [event for event in found if event.priority >= Priority.HIGH]


ASAN = (FIXTURES / "sanitizers" / "asan_heap_overflow.log").read_text()
APACHE = (FIXTURES / "apache" / "error_and_access.log").read_text()


@pytest.mark.parametrize("first, rerun", [
    # AddressSanitizer prints its pid around every report line; a re-run has another pid and other addresses
    (ASAN, ASAN.replace("==19999==", "==23403==").replace("0x603000000060", "0x602000000020")
     .replace("0x557ba26c3418", "0x55d0c81f2418").replace("0x7ffe16d99e80", "0x7ffc2a1b3f10")),
    # Apache's error log: the weekday moves with the date, and the pid, thread id and client port are the run's
    (APACHE, APACHE.replace("Wed Dec 02 20:18:0", "Thu Dec 03 09:41:2").replace("02/Dec/2026:20:18:0",
     "03/Dec/2026:09:41:2").replace("pid 3591:tid 3626", "pid 4120:tid 4163")
     .replace("pid 3589:tid 3599", "pid 4118:tid 4131").replace(":39138", ":51744").replace(":39146", ":51752")),
    # python3 -c "import tempfile,os; d=tempfile.mkdtemp(); os.rmdir(d); os.listdir(d)", run twice
    ("Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\n"
     "FileNotFoundError: [Errno 2] No such file or directory: '/tmp/tmpzq1jlrdd'\n",
     "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\n"
     "FileNotFoundError: [Errno 2] No such file or directory: '/tmp/tmpgtilsnye'\n"),
], ids=["asan-pid-and-addresses", "apache-date-pid-tid-port", "python-mkdtemp-name"])
def test_a_rerun_keeps_every_key(first: str, rerun: str, tmp_path: Path):
    before, after = ([pattern_key(e) for e in events(text, tmp_path)] for text in (first, rerun))
    assert before and first != rerun
    assert before == after


def test_a_real_rerun_of_pytest_keeps_every_id(tmp_path: Path):
    """Two runs of tests/fixtures/projects/pytest/parametrized one after the other: other durations, another
    pytest-N temporary directory; the JSON summary's ids are the same."""
    ids = []
    for name in ("parametrized", "parametrized_rerun"):
        optimizer = EnhancedTokenOptimizer(max_token_budget=50_000, format="json", out=str(tmp_path / name),
                                           index="")
        summary = optimizer.process_logs(str(FIXTURES / "pytest" / f"{name}.log"))[0]
        ids.append([(e["id"], e["kind"]) for e in summary["events"] if e["priority"] in ("critical", "high")])
    assert len(ids[0]) >= 4  # three failed tests and the result line
    assert ids[0] == ids[1]


def test_two_cases_of_a_parametrized_test_keep_two_ids(tmp_path: Path):
    text = (FIXTURES / "pytest" / "parametrized.log").read_text()
    failed = {e.test_id: pattern_key(e) for e in events(text, tmp_path) if e.test_id}
    assert failed["test_parse[10ms-10]"] != failed["test_parse[250ms-250]"]


def test_two_mocha_tests_of_one_suite_keep_two_ids(tmp_path: Path):
    """mocha names a failure "1) suite" with the test's title on the next line: the suite alone named two
    failures "truncate never exceeds its limit" (limit 1 on 3 characters, limit 2 on 6 characters), one id."""
    failed = [e for e in events((FIXTURES / "mocha" / "error_named_tests.log").read_text(), tmp_path) if e.test_id]
    labels = {pattern_key(e): e.test_label for e in failed}
    assert len(failed) >= 4
    assert len(labels) == len(failed), f"one key holds several tests: {[e.test_label for e in failed]}"


@pytest.mark.parametrize("first, rerun", [
    ("Randomized with seed 4567", "Randomized with seed 112"),
    ("Using --randomly-seed=123", "Using --randomly-seed=98231"),
    ("Build #1234 failed", "Build #1301 failed"),
    # tempfile on a Windows runner: the user's temporary directory and a random name
    (r"No such file or directory: 'C:\Users\runneradmin\AppData\Local\Temp\tmpab12cd9x\a.json'",
     r"No such file or directory: 'C:\Users\runneradmin\AppData\Local\Temp\tmp0qz81kfe\a.json'"),
    ("2026/11/24 14:22:02 [error] 31706#31706: *3 open() failed",
     "2026/12/01 09:01:40 [error] 4411#4411: *3 open() failed"),
])
def test_what_a_rerun_draws_anew_is_masked(first: str, rerun: str):
    assert mask(first) == mask(rerun)


@pytest.mark.parametrize("message, other, priorities", [
    ("E       AttributeError: 'NoneType' object has no attribute 'millis'",
     "E       TypeError: 'NoneType' object has no attribute 'millis'", (Priority.CRITICAL, Priority.HIGH)),
    ("make: *** [Makefile:11: build/src/strbuf.o] Error 1", "make: *** [Makefile:11: build/src/csv.o] Error 1",
     (Priority.CRITICAL, Priority.HIGH)),
    # a critical failure at another line is another thing to fix (a warning's lines fold, listed as [varies])
    ("tests/test_durations.py:8: AttributeError", "tests/test_durations.py:19: AttributeError", (Priority.CRITICAL,)),
    ("==19999==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x603000000060",
     "==19999==ERROR: AddressSanitizer: heap-use-after-free on address 0x603000000060",
     (Priority.CRITICAL, Priority.HIGH)),
])
def test_identity_is_never_masked(message: str, other: str, priorities: tuple[Priority, ...]):
    """An error type, a file name, a critical failure's line: the mask keeps each of them."""
    for priority in priorities:
        first, second = (Event(priority, "error", text, "job.log", 1) for text in (message, other))
        assert pattern_key(first) != pattern_key(second)


def test_a_fold_of_two_pids_shows_both():
    """Masking a pid folds two reports of one crash; the fold still says which pids it saw."""
    folder = Folder()
    for number, pid in enumerate(("19999", "20417"), 1):
        folder.add(Event(Priority.CRITICAL, "failure", f"=={pid}==ABORTING", "job.log", number))
    [pattern] = folder.ordered()
    assert pattern.count == 2
    assert variants_note(pattern) == ["==20417==ABORTING"]
