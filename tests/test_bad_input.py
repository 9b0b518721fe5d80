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

from tokenopt import reader
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
    monkeypatch.setattr(reader, "DECOMPRESSED_FLOOR", 1 << 20)
    monkeypatch.setattr(reader, "BOMB_RATIO", 100)
    payload = b"FAILED tests/a.py::test_first - boom\n" + b"y" * (32 << 20)
    (tmp_path / "bomb.log.gz").write_bytes(gzip.compress(payload, 9))
    summary = digest_of(capsys, "--log-file", str(tmp_path / "bomb.log.gz"))
    assert any("decompression bomb" in note for note in summary["notes"])
    assert summary["input_bytes"] < 32 << 20 and "test_first" in summary["digest"]


def test_a_zip_with_thousands_of_members_is_read_member_by_member(tmp_path: Path, capsys):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for n in range(3000):
            archive.writestr(f"shard-{n:04}.log", f"ok shard {n}\n" + ("FAILED t.py::test_shard_7 - x\n" if n == 7
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
    assert summary["cut_to_fit"]
    if budget >= 3:
        assert "[digest cut" in summary["digest"] or "digest cut to fit" in summary["digest"]


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
