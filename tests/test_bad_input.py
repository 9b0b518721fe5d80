"""Bad input: one clear line and the right exit code, never a traceback, never lost data."""
from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from support import FIXTURES

from tokenopt import archive
from tokenopt.cli import main
from tokenopt.tokens import load_counter

PYTEST_LOG = FIXTURES / "pytest" / "failures.log"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--index", ""])
    out, err = capsys.readouterr()
    return code, out, err


def digest_of(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    code, out, err = run(capsys, *argv, "--format", "json", "--out", "-")
    assert code == 0, err
    return json.loads(out[: out.rindex("}") + 1])


def assert_one_line_error(err: str, *words: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("tokenopt: error: ") and "Traceback" not in err
    assert all(word in lines[0] for word in words), lines[0]


@pytest.mark.parametrize("make, words", [
    (lambda d: str(d / "missing.log"), ("missing.log", "no such file")),
    (lambda d: str(d / "nothing-*.log"), ("no file matches",)),
    (lambda d: str(d), ("is a directory",)),
])
def test_inputs_that_cannot_be_read_are_one_line_and_exit_2(tmp_path: Path, capsys, make, words):
    code, _, err = run(capsys, "--log-file", make(tmp_path))
    assert code == 2
    assert_one_line_error(err, *words)


def test_an_empty_file_gives_a_valid_digest(tmp_path: Path, capsys):
    (tmp_path / "empty.log").write_bytes(b"")
    summary = digest_of(capsys, "--log-file", str(tmp_path / "empty.log"))
    assert summary["input_lines"] == 0 and "no failures or errors found" in summary["digest"]
    assert summary["notes"] == [f"{tmp_path / 'empty.log'}: empty, no lines in it"]


def test_binary_files_are_skipped_with_a_note_and_the_rest_is_read(tmp_path: Path, capsys):
    (tmp_path / "core.bin").write_bytes(bytes(range(256)) * 64)
    summary = digest_of(capsys, "--log-file", str(tmp_path / "core.bin"), "--log-file", str(PYTEST_LOG))
    assert any("core.bin: skipped, looks binary" in note for note in summary["notes"])
    assert "test_total_with_discount" in summary["digest"]


def test_nul_bytes_invalid_utf8_and_utf16_are_read(tmp_path: Path, capsys):
    (tmp_path / "mixed.log").write_bytes(b"ok line\nFAILED tests/a.py::t_nul - bad\x00byte\n"
                                         b"\xff\xfe\xfa broken utf8 ERROR\n")
    (tmp_path / "wide.log").write_bytes("FAILED tests/b.py::t_wide - AssertionError\n".encode("utf-16"))
    summary = digest_of(capsys, "--log-file", str(tmp_path / "mixed.log"), "--log-file", str(tmp_path / "wide.log"))
    tests = {e["test_id"] for e in summary["events"] if e["kind"] == "failed_test"}
    assert {"tests/a.py::t_nul", "tests/b.py::t_wide"} <= tests
    assert "\ufffd" in summary["digest"] or "broken utf8" in summary["digest"]


def test_a_huge_line_without_newline_is_clipped_in_bounded_memory(tmp_path: Path, capsys):
    with (tmp_path / "one-line.log").open("wb") as out:
        for _ in range(64):
            out.write(b"x" * (1 << 20))  # 64 MiB, no newline: the 1 GB case at a test's size
        out.write(b" ERROR at the very end")
    summary = digest_of(capsys, "--log-file", str(tmp_path / "one-line.log"), "--budget", "2000")
    assert summary["input_lines"] == 1 and summary["input_bytes"] == (64 << 20) + len(" ERROR at the very end")
    assert summary["tokens"] <= 2000 and "1 line(s) longer than 65,536 bytes clipped" in summary["digest"]


def test_a_gzip_bomb_stops_at_the_cap_with_a_note(tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch):
    # The real floor is 256 MiB and the ratio 1000: the same code, at a test's size.
    monkeypatch.setattr(archive, "DECOMPRESSED_FLOOR", 1 << 20)
    monkeypatch.setattr(archive, "BOMB_RATIO", 100)
    payload = b"FAILED tests/a.py::test_first - boom\n" + b"y" * (32 << 20)
    (tmp_path / "bomb.log.gz").write_bytes(gzip.compress(payload, 9))
    summary = digest_of(capsys, "--log-file", str(tmp_path / "bomb.log.gz"))
    assert any("decompression bomb" in note for note in summary["notes"])
    assert summary["input_bytes"] < 32 << 20 and "test_first" in summary["digest"]


def test_a_zip_with_thousands_of_members_is_read_member_by_member(tmp_path: Path, capsys):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zipped:
        for n in range(3000):
            zipped.writestr(f"shard-{n:04}.log", f"ok shard {n}\n" + ("FAILED t.py::test_shard_7 - x\n" if n == 7
                                                                      else ""))
    (tmp_path / "shards.zip").write_bytes(buffer.getvalue())
    summary = digest_of(capsys, "--log-file", str(tmp_path / "shards.zip"))
    assert summary["input_lines"] == 3001 and "test_shard_7" in summary["digest"]


def test_a_symlink_loop_under_a_recursive_glob_reads_each_file_once(tmp_path: Path, capsys):
    (tmp_path / "build" / "a").mkdir(parents=True)
    (tmp_path / "build" / "a" / "up").symlink_to("..")
    (tmp_path / "build" / "a" / "job.log").write_bytes(PYTEST_LOG.read_bytes())
    summary = digest_of(capsys, "--log-file", str(tmp_path / "build" / "**" / "*.log"))
    assert summary["sources"] == [str(tmp_path / "build" / "a" / "job.log")]


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("setpriv"), reason="needs root and util-linux setpriv")
def test_an_unreadable_file_is_one_line_and_exit_2(tmp_path: Path):
    secret = tmp_path / "secret.log"
    secret.write_text("FAILED x\n")
    secret.chmod(0o600)
    os.chown(secret, 65534, 65534)  # someone else's private file
    # root reads anything; without these two capabilities it is refused like any other user
    drop = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-dac_override,-dac_read_search"]
    done = subprocess.run([*drop, sys.executable, "-m", "tokenopt", "--log-file", str(secret), "--index", "",
                           "--out", "-"], capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert_one_line_error(done.stderr, "secret.log", "permission denied")


@pytest.mark.parametrize("budget", [1, 3, 8, 20, 40, 60])
def test_a_budget_below_the_smallest_digest_still_fits_and_says_so(tmp_path: Path, capsys, budget: int):
    summary = digest_of(capsys, "--log-file", str(PYTEST_LOG), "--budget", str(budget))
    assert summary["tokens"] == load_counter("cl100k_base").count(summary["digest"]) <= budget
    # too small for the digest's shape: cut, with a marker; or just room for the headline and what was left out
    if summary["cut_to_fit"]:
        assert budget < 3 or "[digest cut" in summary["digest"] or "digest cut to fit" in summary["digest"]
    else:
        assert summary["digest"].startswith("# CI log digest: 3 failed tests") and "Left out:" in summary["digest"]


@pytest.mark.parametrize("argv, words", [
    (("--encoding", "p50k_nope"), ("unknown encoding 'p50k_nope'", "cl100k_base")),
    (("--budget", "many"), ("--budget", "whole number")),
    (("--profile", "everything"), ("--profile",)),
])
def test_bad_options_are_one_line_and_exit_2(capsys, argv, words):
    code, _, err = run(capsys, "--log-file", str(PYTEST_LOG), *argv)
    assert code == 2
    assert_one_line_error(err, *words)


def test_a_malformed_saved_config_is_one_line(tmp_path: Path, capsys):
    (tmp_path / "configs").mkdir()
    (tmp_path / "configs" / "broken.yaml").write_text("budget: [unclosed\n")
    code, _, err = run(capsys, "--log-file", str(PYTEST_LOG), "--config-dir", str(tmp_path / "configs"),
                       "--load-config", "broken")
    assert code == 2
    assert_one_line_error(err, "broken")


@pytest.mark.parametrize("content", [
    b"{broken",
    b'{"schema": "tokenopt-index", "version": 7, "runs": [], "patterns": []}',
    b'{"schema": "tokenopt-index", "version": 1, "runs": [], "patterns": [{"id": 1',
])
def test_a_corrupt_truncated_or_newer_index_is_set_aside_and_the_run_goes_on(tmp_path: Path, capsys, content: bytes):
    index = tmp_path / "index.json"
    index.write_bytes(content)
    code = main(["--log-file", str(PYTEST_LOG), "--index", str(index), "--format", "json", "--out", "-"])
    out = capsys.readouterr().out
    summary = json.loads(out[: out.rindex("}") + 1])
    assert code == 0 and any("moved aside" in note for note in summary["notes"])
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("index.json.")]
    assert len(kept) == 1 and kept[0].read_bytes() == content  # the old file is kept, not lost
    assert json.loads(index.read_text())["schema"] == "tokenopt-index"  # and a fresh one was written


# Issue 13, "nothing lost, nothing silently green": each case below was found by an adversarial run.

def fails_on_critical(capsys: pytest.CaptureFixture[str], *logs: str) -> tuple[int, dict, str]:
    args = [arg for log in logs for arg in ("--log-file", log)]
    code = main([*args, "--index", "", "--fail-on", "critical", "--format", "json", "--out", "-"])
    out, err = capsys.readouterr()
    return code, json.loads(out[: out.rindex("}") + 1]), err


def job_zip(method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as zipped:
        zipped.writestr("job/1_setup.txt", "Collecting pytest\n" * 200)
        zipped.writestr("job/2_test.txt", PYTEST_LOG.read_text())
    return buffer.getvalue()


@pytest.mark.parametrize("method", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_a_zip_without_its_central_directory_is_read_from_its_local_headers(tmp_path: Path, capsys, method: int):
    data = job_zip(method)
    directory = data.index(b"PK\x01\x02")  # the first central-directory record: everything after it is cut
    (tmp_path / "logs.zip").write_bytes(data[: directory + 10])
    code, summary, _ = fails_on_critical(capsys, str(tmp_path / "logs.zip"))
    assert code == 1 and "test_total_with_discount" in summary["digest"]
    assert summary["input_lines"] == 200 + len(PYTEST_LOG.read_text().splitlines())
    assert any("logs.zip: no central directory" in note for note in summary["notes"])


def test_a_zip_cut_inside_a_member_keeps_what_was_read_and_says_so(tmp_path: Path, capsys):
    data = job_zip()
    second = data.index(b"PK\x03\x04", 4)
    (tmp_path / "logs.zip").write_bytes(data[: second + (data.index(b"PK\x01\x02") - second) // 2])
    code, summary, _ = fails_on_critical(capsys, str(tmp_path / "logs.zip"))
    assert summary["input_lines"] >= 200 and code in (0, 1)
    assert any("logs.zip!job/2_test.txt: input ends early" in note for note in summary["notes"]), summary["notes"]


def test_a_log_that_begins_with_nul_bytes_is_read_past_them(tmp_path: Path, capsys):
    # logrotate's copytruncate: the writer goes on at its old offset, the file begins with a hole of NULs.
    (tmp_path / "app.log").write_bytes(b"\x00" * 65536 + b"2026-11-20 10:15:32 ERROR db: connection refused\n" * 200
                                       + b"2026-11-20 10:15:33 FATAL worker: out of memory\n")
    code, summary, _ = fails_on_critical(capsys, str(tmp_path / "app.log"))
    assert code == 1 and summary["input_lines"] == 201
    assert "out of memory" in summary["digest"] and "connection refused" in summary["digest"]
    assert any("65,536 NUL bytes" in note for note in summary["notes"])


def test_an_input_with_nothing_readable_never_passes_silently_under_a_fail_policy(tmp_path: Path, capsys):
    (tmp_path / "core.bin").write_bytes(bytes(range(256)) * 64)
    code, summary, err = fails_on_critical(capsys, str(tmp_path / "core.bin"))
    assert code == 1 and "nothing could be read" in err
    assert "no failures or errors found" not in summary["digest"] and "nothing could be read" in summary["digest"]
    assert any("core.bin: skipped" in note for note in summary["notes"])
    code, out, _ = run(capsys, "--log-file", str(tmp_path / "core.bin"), "--out", "-")
    assert code == 0 and "core.bin: skipped" in out  # no fail policy: the note says it, the run passes


def test_an_empty_log_is_not_unreadable(tmp_path: Path, capsys):
    (tmp_path / "empty.log").write_bytes(b"")
    code, summary, _ = fails_on_critical(capsys, str(tmp_path / "empty.log"))
    assert code == 0 and "no failures or errors found" in summary["digest"]


def test_a_dangling_symlink_matched_by_a_glob_is_a_note_and_the_rest_is_read(tmp_path: Path, capsys):
    (tmp_path / "logs").mkdir()
    shutil.copy(PYTEST_LOG, tmp_path / "logs" / "job.log")
    (tmp_path / "logs" / "gone.log").symlink_to(tmp_path / "rotated-away.log")
    code, summary, _ = fails_on_critical(capsys, str(tmp_path / "logs" / "*.log"))
    assert code == 1 and "test_total_with_discount" in summary["digest"]
    assert any("gone.log: skipped" in note and "dangling symlink" in note for note in summary["notes"])


def test_a_named_dangling_symlink_stays_a_usage_error(tmp_path: Path, capsys):
    (tmp_path / "gone.log").symlink_to(tmp_path / "rotated-away.log")
    code, _, err = run(capsys, "--log-file", str(tmp_path / "gone.log"))
    assert code == 2
    assert_one_line_error(err, "gone.log", "no such file")


def test_a_socket_matched_by_a_glob_is_a_note(tmp_path: Path, capsys):
    import socket

    (tmp_path / "logs").mkdir()
    shutil.copy(PYTEST_LOG, tmp_path / "logs" / "job.log")
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind(str(tmp_path / "logs" / "agent.log"))
        code, summary, _ = fails_on_critical(capsys, str(tmp_path / "logs" / "*.log"))
    assert code == 1 and any("agent.log: skipped" in note for note in summary["notes"])


def special_files(tmp_path: Path) -> list[Path]:
    """A FIFO, and where root may make them, a character device (a /dev/null of our own) and a symlink to it."""
    os.mkfifo(tmp_path / "fifo")
    found = [tmp_path / "fifo"]
    if os.geteuid() == 0:
        import stat

        os.mknod(tmp_path / "null", stat.S_IFCHR | 0o666, os.makedev(1, 3))
        (tmp_path / "to-null").symlink_to(tmp_path / "null")
        found += [tmp_path / "null", tmp_path / "to-null"]
    (tmp_path / "dir.json").mkdir()
    return [*found, tmp_path / "dir.json"]


@pytest.mark.parametrize("flag", ["--index", "--memory-file", "--usage-file"])
def test_a_state_file_that_is_not_a_regular_file_is_refused_and_left_alone(tmp_path: Path, flag: str):
    for special in special_files(tmp_path):
        before = sorted(os.listdir(tmp_path)), os.lstat(special)
        extra = ["--track-usage"] if flag == "--usage-file" else []
        index = [] if flag == "--index" else ["--index", str(tmp_path / "index.json")]
        done = subprocess.run([sys.executable, "-m", "tokenopt", "--log-file", str(PYTEST_LOG), "--out", os.devnull,
                               *index, flag, str(special), *extra], capture_output=True, text=True, timeout=60,
                              check=False)
        assert done.returncode == 2, (special, done.stderr)
        assert_one_line_error(done.stderr, str(special), "not a regular file")
        after = sorted(os.listdir(tmp_path)), os.lstat(special)
        assert [name for name in after[0] if name != "index.json"] == [n for n in before[0] if n != "index.json"]
        assert (after[1].st_mode, after[1].st_ino) == (before[1].st_mode, before[1].st_ino)


def test_a_json_log_line_with_a_lone_surrogate_is_read(tmp_path: Path, capsys):
    (tmp_path / "app.jsonl").write_text('{"level": "error", "msg": "bad \\ud800 value"}\n'
                                        '{"level": "fatal", "msg": "pair \\ud83d\\ude00 kept"}\n')
    (tmp_path / "go.jsonl").write_text('{"Time":"2026-11-20T10:15:32Z","Action":"output","Package":"x",'
                                       '"Output":"panic: bad \\udc00 rune\\n"}\n')
    code, summary, err = fails_on_critical(capsys, str(tmp_path / "app.jsonl"), str(tmp_path / "go.jsonl"))
    assert code == 1, err
    messages = [event["message"] for event in summary["events"]]
    # a JSON record is quoted as the log has it; go test -json's output is decoded, its lone surrogate as U+FFFD
    assert '{"level": "error", "msg": "bad \\ud800 value"}' in messages
    assert "panic: bad \ufffd rune" in messages


HAND_EDITED = [
    ("counts", []), ("first_seen", None), ("older_count", float("nan")), ("older_runs", "3"), ("location", 42),
]


@pytest.mark.parametrize("field, value", HAND_EDITED)
def test_a_hand_edited_index_is_moved_aside_before_anything_is_saved(tmp_path: Path, capsys, field: str, value):
    index = tmp_path / "index.json"
    assert main(["--log-file", str(PYTEST_LOG), "--index", str(index), "--out", os.devnull]) == 0
    data = json.loads(index.read_text())
    data["jobs"][0]["patterns"][0][field] = value
    content = json.dumps(data).encode()  # NaN is written as the bare NaN json.dumps allows
    index.write_bytes(content)
    capsys.readouterr()
    code = main(["--log-file", str(PYTEST_LOG), "--index", str(index), "--format", "json", "--out", "-"])
    out, err = capsys.readouterr()
    assert code == 0, err
    summary = json.loads(out[: out.rindex("}") + 1])
    assert any("moved aside" in note for note in summary["notes"])
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("index.json.")]
    assert len(kept) == 1 and kept[0].read_bytes() == content
    assert json.loads(index.read_text())["schema"] == "tokenopt-index"


def test_an_index_of_another_fingerprint_version_is_set_aside_not_silently_emptied(tmp_path: Path, capsys):
    index = tmp_path / "index.json"
    assert main(["--log-file", str(PYTEST_LOG), "--index", str(index), "--out", os.devnull]) == 0
    data = json.loads(index.read_text())
    data["fingerprint_version"] -= 1
    index.write_text(json.dumps(data))
    capsys.readouterr()
    code = main(["--log-file", str(PYTEST_LOG), "--index", str(index), "--format", "json", "--out", "-"])
    out = capsys.readouterr().out
    summary = json.loads(out[: out.rindex("}") + 1])
    assert code == 0 and any("fingerprint version" in note and "moved aside" in note for note in summary["notes"])
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("index.json.")]
    assert len(kept) == 1 and json.loads(kept[0].read_text())["jobs"] == data["jobs"]


@pytest.mark.parametrize("argv, words", [
    (("--max-log-size-mb", "inf"), ("--max-log-size-mb", "finite")),
    (("--max-log-size-mb", "nan"), ("--max-log-size-mb", "finite")),
    (("--reserve-percentage", "nan"), ("--reserve-percentage", "finite")),
    (("--max-line-bytes", "1000000000"), ("--max-line-bytes", "16777216")),
])
def test_unbounded_numbers_are_one_line_and_exit_2(capsys, argv, words):
    code, _, err = run(capsys, "--log-file", str(PYTEST_LOG), *argv)
    assert code == 2
    assert_one_line_error(err, *words)


def test_a_fifo_with_no_writer_does_not_hang(tmp_path: Path):
    os.mkfifo(tmp_path / "pipe.log")
    done = subprocess.run([sys.executable, "-m", "tokenopt", "--log-file", str(tmp_path / "pipe.log"),
                           "--log-file", str(PYTEST_LOG), "--index", "", "--out", "-", "--format", "json"],
                          capture_output=True, text=True, timeout=30, check=False)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert any("pipe.log" in note and "no writer" in note for note in summary["notes"])
    assert "test_total_with_discount" in summary["digest"]


def test_pipes_with_a_writer_are_read(tmp_path: Path):
    os.mkfifo(tmp_path / "pipe.log")
    script = (f"cat {PYTEST_LOG} > {tmp_path / 'pipe.log'} & "
              f"{sys.executable} -m tokenopt --index '' --out - --format json --log-file {tmp_path / 'pipe.log'} "
              f"--log-file <(cat {FIXTURES / 'jest' / 'failures.log'}); wait")
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=30, check=False)
    assert done.returncode == 0, done.stderr
    digest = json.loads(done.stdout)["digest"]
    assert "test_total_with_discount" in digest and "summarize applies coupon" in digest


def test_a_gzip_stops_at_the_absolute_inflation_cap_whatever_its_ratio(tmp_path: Path, capsys,
                                                                        monkeypatch: pytest.MonkeyPatch):
    # The real cap is 1 GiB: the same code at a test's size. The ratio (~340:1) is under the bomb ratio.
    monkeypatch.setattr(archive, "MAX_INFLATED_BYTES", 2 << 20)
    monkeypatch.setattr(archive, "DECOMPRESSED_FLOOR", 1 << 20)
    line = b"2026-11-20 10:15:32 INFO worker 7 processed batch %d in 3 ms\n"
    lines = b"".join(line % (n % 10) for n in range(200_000))
    payload = b"FAILED tests/a.py::test_first - boom\n" + lines
    (tmp_path / "big.log.gz").write_bytes(gzip.compress(payload, 9))
    assert len(payload) < archive.BOMB_RATIO * len(gzip.compress(payload, 9))
    summary = digest_of(capsys, "--log-file", str(tmp_path / "big.log.gz"))
    assert summary["input_bytes"] <= 2 << 20 and "test_first" in summary["digest"]
    assert any("big.log.gz: stopped after 2,097,152 decompressed bytes" in note for note in summary["notes"])


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc, where no file can be created")
def test_an_index_that_cannot_be_written_is_a_warning_after_the_digest(tmp_path: Path, capsys):
    code = main(["--log-file", str(PYTEST_LOG), "--index", "/proc/tokenopt-index.json", "--fail-on", "critical",
                 "--out", str(tmp_path / "digest.md")])
    out, err = capsys.readouterr()
    assert code == 1 and "test_total_with_discount" in (tmp_path / "digest.md").read_text()  # the run's own result
    assert err.splitlines() == [err.strip()] and err.startswith("tokenopt: warning: cannot write index /proc/")
    assert "Note: cannot write index" in out
