"""The command line as users run it: flags, exit codes, JSON, configs, usage history, comparison, rotation."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from support import FIXTURES

from tokenopt.cli import main

PYTEST_LOG = str(FIXTURES / "pytest" / "failures.log")


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(list(argv), environ={})
    out, err = capsys.readouterr()
    return code, out, err


def test_default_run_writes_to_logs_and_prints_the_summary(capsys, in_tmp: Path):
    code, out, err = run("--log-file", PYTEST_LOG, capsys=capsys)
    assert code == 0 and err == ""
    assert "Compression ratio:" in out and "Estimated tokens:" in out and "Digest written to: logs/digest-" in out
    written = list((in_tmp / "logs").glob("digest-*.txt"))
    assert len(written) == 1 and "test_total_with_discount" in written[0].read_text()


def test_json_to_stdout_has_the_documented_fields(capsys):
    code, out, err = run("--log-file", PYTEST_LOG, "--format", "json", "--out", "-", "--budget", "2000", capsys=capsys)
    data = json.loads(out)
    for field in ("digest", "tokens", "budget", "encoding", "profile", "input_bytes", "input_tokens",
                  "input_tokens_estimated", "compression_ratio", "priorities", "events"):
        assert field in data
    assert data["budget"] == 2000 and data["tokens"] <= 2000 and data["profile"] == "test_logs"
    assert data["priorities"]["critical"]["seen_patterns"] == 3
    event = data["events"][0]
    assert set(event) >= {"priority", "kind", "message", "location", "count"}
    assert "Compression ratio" in err  # the summary goes to stderr when the digest uses stdout


def test_fail_on_sets_the_exit_code(capsys):
    assert run("--log-file", PYTEST_LOG, "--out", "d.txt", "--fail-on", "critical", capsys=capsys)[0] == 1
    assert run("--log-file", str(FIXTURES / "pytest" / "passing.log"), "--out", "d.txt", "--fail-on", "critical",
               capsys=capsys)[0] == 0
    assert run("--log-file", PYTEST_LOG, "--out", "d.txt", "--fail-on", "never", capsys=capsys)[0] == 0


@pytest.mark.parametrize("argv, expected", [
    (["--log-file", "missing.log"], "missing.log: no such file"),
    (["--log-file", PYTEST_LOG, "--budget", "lots"], "--budget='lots' is not a whole number"),
    (["--log-file", PYTEST_LOG, "--budget", "0"], "--budget=0 is out of range"),
    (["--log-file", PYTEST_LOG, "--profile", "nope"], "invalid choice"),
    (["--log-file", PYTEST_LOG, "--encoding", "p99k"], "unknown encoding 'p99k'"),
    (["--log-file", PYTEST_LOG, "--load-config", "absent"], "no saved config 'absent'"),
    ([], "no log file given"),
])
def test_usage_and_input_errors_are_one_line_and_exit_2(argv: list[str], expected: str, capsys):
    code, out, err = run(*argv, capsys=capsys)
    assert code == 2 and out == ""
    assert expected in err and err.count("\n") == 1 and "Traceback" not in err


def test_save_and_load_config_round_trip_and_flags_win(capsys, in_tmp: Path):
    run("--log-file", PYTEST_LOG, "--budget", "1234", "--format", "markdown", "--reserve-percentage", "25",
        "--out", "a.md", "--save-config", "test_logs", capsys=capsys)
    saved = in_tmp / ".tokenopt" / "configs" / "test_logs.yaml"
    assert saved.exists() and "budget: 1234" in saved.read_text()
    run("--log-file", PYTEST_LOG, "--load-config", "test_logs", "--format", "json", "--out", "b.json", capsys=capsys)
    data = json.loads((in_tmp / "b.json").read_text())
    assert data["budget"] == 1234  # from the config
    assert data["digest"].startswith("# CI log digest")  # json carries the markdown digest; --format won
    run("--load-config", "test_logs", capsys=capsys)  # every option came back: the log files and --out too
    assert (in_tmp / "a.md").read_text().startswith("# CI log digest: 3 failed tests")


def test_malformed_config_is_a_clear_error(capsys, in_tmp: Path):
    folder = in_tmp / ".tokenopt" / "configs"
    folder.mkdir(parents=True)
    (folder / "broken.yaml").write_text("budget: [1, 2\n")
    (folder / "wrong.yaml").write_text("budget: many\n")
    for name, expected in (("broken", "is not valid YAML"), ("wrong", "budget='many' is not a whole number")):
        code, _, err = run("--log-file", PYTEST_LOG, "--load-config", name, capsys=capsys)
        assert code == 2 and expected in err and f"{name}.yaml" in err


def test_track_usage_appends_and_reports(capsys, in_tmp: Path):
    for _ in range(2):
        run("--log-file", PYTEST_LOG, "--out", "d.txt", "--track-usage", capsys=capsys)
    entries = [json.loads(line) for line in (in_tmp / ".tokenopt" / "usage.jsonl").read_text().splitlines()]
    assert len(entries) == 2
    assert set(entries[0]) >= {"time", "inputs", "input_bytes", "input_tokens", "output_tokens", "budget",
                               "compression_ratio", "seconds"}
    code, out, _ = run("--usage-report", capsys=capsys)
    assert code == 0 and out.startswith("2 runs recorded") and "d.txt" not in out


def test_compare_original_prints_both_approaches(capsys):
    code, out, _ = run("--log-file", PYTEST_LOG, "--out", "d.txt", "--compare-original", "--budget", "400",
                       capsys=capsys)
    table = out[out.index("approach"):]
    assert "tokenopt" in table and "original" in table
    ours = next(line for line in table.splitlines() if line.startswith("tokenopt")).split()
    assert ours[2] == "3/3"  # every failure kept within 400 tokens


def test_log_dir_rotation_keeps_the_newest(capsys, in_tmp: Path):
    for _ in range(4):
        run("--log-file", PYTEST_LOG, "--max-logs", "2", capsys=capsys)
    assert len(list((in_tmp / "logs").glob("digest-*"))) == 2


def test_glob_and_gzip_inputs_together(capsys, in_tmp: Path):
    import gzip

    (in_tmp / "build" / "a").mkdir(parents=True)
    (in_tmp / "build" / "a" / "cargo.log").write_bytes((FIXTURES / "cargo" / "test_failures.log").read_bytes())
    (in_tmp / "junit.log.gz").write_bytes(gzip.compress((FIXTURES / "pytest" / "failures.log").read_bytes()))
    code, out, _ = run("--log-file", "build/**/*.log", "--log-file", "junit.log.gz", "--budget", "2000",
                       "--out", "-", "--format", "json", capsys=capsys)
    data = json.loads(out[: out.rindex("}") + 1])
    assert data["sources"] == ["build/a/cargo.log", "junit.log.gz"]
    tests = {e["test_id"] for e in data["events"] if e["kind"] == "failed_test"}
    assert {"ring::tests::latest_after_wrap", "tests/test_invoice.py::test_total_with_discount"} <= tests


def test_estimate_is_labelled_when_no_encoding_file_is_allowed(capsys):
    code, out, err = run("--log-file", PYTEST_LOG, "--encoding", "o200k_base", "--out", "-", capsys=capsys)
    if code == 0:
        pytest.skip("an o200k_base file is installed on this machine")
    assert code == 2 and "--allow-estimate" in err
    code, out, err = run("--log-file", PYTEST_LOG, "--encoding", "o200k_base", "--allow-estimate", "--out", "-",
                         capsys=capsys)
    assert code == 0 and "ESTIMATED" in out and "ESTIMATED" in err


def test_entry_point_runs_as_a_module(in_tmp: Path):
    done = subprocess.run([sys.executable, "-m", "tokenopt", "--log-file", PYTEST_LOG, "--out", "d.txt"],
                          capture_output=True, text=True, check=False, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert done.returncode == 0 and "Compression ratio" in done.stdout


def test_writing_to_a_device_writes_through_and_never_replaces_it(capsys, in_tmp: Path):
    import os
    import stat

    code, _, _ = run("--log-file", PYTEST_LOG, "--out", os.devnull, "--compare-original", capsys=capsys)
    assert code == 0
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_out_with_a_markdown_or_json_name_picks_the_format(capsys, in_tmp: Path):
    run("--log-file", PYTEST_LOG, "--out", "d.md", "--index", "", capsys=capsys)
    run("--log-file", PYTEST_LOG, "--out", "d.json", "--index", "", capsys=capsys)
    run("--log-file", PYTEST_LOG, "--out", "d.json.txt", "--format", "text", "--index", "", capsys=capsys)
    assert (in_tmp / "d.md").read_text().startswith("# CI log digest")
    assert json.loads((in_tmp / "d.json").read_text())["digest"].startswith("# CI log digest")
    assert (in_tmp / "d.json.txt").read_text().startswith("CI log digest")


def test_fail_on_high_passes_a_green_build(capsys, in_tmp: Path):
    code, _, _ = run("--log-file", str(FIXTURES / "pytest" / "passing.log"), "--fail-on", "high", "--index", "",
                     "--out", "-", capsys=capsys)
    assert code == 0


def test_the_json_summary_is_the_summary(tmp_path: Path):
    from tokenopt import EnhancedTokenOptimizer
    from tokenopt.output import summary_json

    optimizer = EnhancedTokenOptimizer(max_token_budget=2000, index="", out=str(tmp_path / "d.json"),
                                       log_file=[PYTEST_LOG])
    result = optimizer.run()
    text = summary_json(result)
    assert json.loads(text) == json.loads(json.dumps(result.summary())) and text.endswith("}\n")
    assert result.summary()["events"]
