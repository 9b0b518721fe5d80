"""Streaming input on real files: compression, normalising, clipping, decoding, and clear errors."""
from __future__ import annotations

import gzip
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from support import unblock_fifo_later

from tokenopt.errors import InputError, NoInputError
from tokenopt.reader import LineReader, expand_sources, normalise


def read(*patterns: str, cap: int = 65_536) -> tuple[list[str], LineReader]:
    reader = LineReader(cap, lambda text: text)
    lines = [line.text for chunk in reader.chunks(expand_sources(patterns), 7) for line in chunk]
    return lines, reader


def test_normalise_strips_runner_stamps_ansi_and_progress_frames():
    assert normalise("2026-11-20T10:15:32.1234567Z ##[group]Run pytest\n") == "##[group]Run pytest"
    assert normalise("\x1b[31mFAILED\x1b[0m test_a\r\n") == "FAILED test_a"
    assert normalise("Downloading 10%\rDownloading 55%\rDownloading 100%\n") == "Downloading 100%"
    assert normalise("a\x00b") == "ab"


def test_plain_gzip_and_zip_read_the_same_lines(tmp_path: Path):
    text = "one\ntwo\r\nthree"
    (tmp_path / "a.log").write_text(text)
    (tmp_path / "a.log.gz").write_bytes(gzip.compress(text.encode()))
    with zipfile.ZipFile(tmp_path / "a.zip", "w") as archive:
        archive.writestr("job/1_build.txt", text)
        archive.writestr("job/", "")
    for name in ("a.log", "a.log.gz", "a.zip"):
        lines, _ = read(str(tmp_path / name))
        assert lines == ["one", "two", "three"], name


def test_truncated_gzip_keeps_what_was_read_with_a_note(tmp_path: Path):
    data = gzip.compress(("line\n" * 5000).encode())
    (tmp_path / "cut.gz").write_bytes(data[: len(data) // 2])
    lines, reader = read(str(tmp_path / "cut.gz"))
    assert 0 < len(lines) < 5000
    assert "ends early" in reader.notes[0]


def test_overlong_line_is_clipped_with_a_marker_and_the_next_line_survives(tmp_path: Path):
    (tmp_path / "long.log").write_bytes(b"word " * 2_000 + b"\nafter\n")
    lines, reader = read(str(tmp_path / "long.log"), cap=1024)
    # the cap falls at the end of the 205th word, which goes too (it could have been a credential's head)
    assert lines[0] == "word " * 204 + " …[line clipped: 8980 more bytes]"
    assert lines[1] == "after"
    assert reader.bytes_read == 10_007


def test_invalid_utf8_is_repaired_and_utf16_is_decoded(tmp_path: Path):
    (tmp_path / "bad.log").write_bytes(b"ok \xff\xfe bytes\n")
    (tmp_path / "wide.log").write_bytes("\ufeffhello\r\nworld\r\n".encode("utf-16-le").replace(b"", b"", 0))
    (tmp_path / "wide.log").write_bytes(b"\xff\xfe" + "hello\r\nworld\r\n".encode("utf-16-le"))
    assert read(str(tmp_path / "bad.log"))[0] == ["ok \ufffd\ufffd bytes"]
    assert read(str(tmp_path / "wide.log"))[0] == ["hello", "world"]


def test_binary_file_is_skipped_with_a_note(tmp_path: Path):
    (tmp_path / "core").write_bytes(bytes(range(256)) * 64)
    lines, reader = read(str(tmp_path / "core"))
    assert lines == [] and "looks binary" in reader.notes[0]


def test_globs_recurse_dedupe_and_exclude(tmp_path: Path):
    for name in ("build/a.log", "build/sub/b.log", "build/vendor/c.log"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(name)
    pattern = str(tmp_path / "build" / "**" / "*.log")
    names = [s.name for s in expand_sources((pattern, pattern, "!**/vendor/*.log"))]
    assert [Path(n).relative_to(tmp_path).as_posix() for n in names] == ["build/a.log", "build/sub/b.log"]


def test_missing_directory_and_unmatched_inputs_are_clear_errors(tmp_path: Path):
    with pytest.raises(InputError, match="no such file"):
        expand_sources((str(tmp_path / "nope.log"),))
    with pytest.raises(InputError, match="is a directory"):
        expand_sources((str(tmp_path),))
    with pytest.raises(NoInputError, match="no file matches"):
        expand_sources((str(tmp_path / "*.log"),))


def test_empty_file_gives_no_lines(tmp_path: Path):
    (tmp_path / "empty.log").write_text("")
    assert read(str(tmp_path / "empty.log"))[0] == []


def test_stdin_plain_and_gzip_through_the_cli(tmp_path: Path):
    for payload in (b"FAILED tests/t.py::test_x - assert 1 == 2\n", gzip.compress(b"FAILED tests/t.py::test_x\n")):
        done = subprocess.run([sys.executable, "-m", "tokenopt", "--log-file", "-", "--out", "-", "--format", "json"],
                              input=payload, capture_output=True, cwd=tmp_path, check=False)
        assert done.returncode == 0, done.stderr
        assert b'"test_id": "tests/t.py::test_x"' in done.stdout


class _Unseekable:
    """A write-only stream without seek: zipfile then writes each member with a data descriptor, the way
    streaming zip writers do (sizes after the data, zeros in the local header)."""

    def __init__(self) -> None:
        self.data = bytearray()

    def write(self, data: bytes) -> int:
        self.data += data
        return len(data)

    def flush(self) -> None:
        pass


def streamed_zip(members: dict[str, str]) -> bytes:
    out = _Unseekable()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:  # type: ignore[arg-type]
        for name, text in members.items():
            archive.writestr(name, text)
    return bytes(out.data)


def test_a_streamed_zip_without_its_central_directory_is_read_from_its_local_headers(tmp_path: Path):
    data = streamed_zip({"a.txt": "one\ntwo\n", "dir/": "", "b.txt": "three\n" * 1000})
    assert data[6] & 0x08  # the local headers say "sizes follow the data"
    (tmp_path / "cut.zip").write_bytes(data[: data.index(b"PK\x01\x02")])
    lines, reader = read(str(tmp_path / "cut.zip"))
    assert lines == ["one", "two"] + ["three"] * 1000
    assert reader.notes == [f"{tmp_path / 'cut.zip'}: no central directory (a truncated archive?): "
                            "read 2 members from their local headers"]


def test_a_zip_with_nothing_recoverable_is_unreadable_with_a_note(tmp_path: Path):
    (tmp_path / "cut.zip").write_bytes(b"PK\x03\x04" + b"\x00" * 10)
    lines, reader = read(str(tmp_path / "cut.zip"))
    assert lines == [] and reader.unread == [str(tmp_path / "cut.zip")] and "no central directory" in reader.notes[0]


def test_a_zip_member_that_is_encrypted_is_skipped_with_a_note(tmp_path: Path):
    with zipfile.ZipFile(tmp_path / "a.zip", "w") as archive:
        archive.writestr("plain.txt", "visible\n")
        archive.writestr("secret.txt", "hidden\n")
    data = bytearray((tmp_path / "a.zip").read_bytes())
    for start in (data.index(b"PK\x03\x04", 4) + 6, data.rindex(b"PK\x01\x02") + 8):  # mark secret.txt encrypted
        data[start] |= 0x01
    (tmp_path / "a.zip").write_bytes(bytes(data))
    lines, reader = read(str(tmp_path / "a.zip"))
    assert lines == ["visible"] and any("secret.txt: skipped" in note for note in reader.notes)


def test_leading_nul_bytes_are_skipped_and_counted(tmp_path: Path):
    (tmp_path / "app.log").write_bytes(b"\x00" * 200_000 + b"ERROR after the hole\n")
    (tmp_path / "zeros.log").write_bytes(b"\x00" * 10_000)
    lines, reader = read(str(tmp_path / "app.log"), str(tmp_path / "zeros.log"))
    assert lines == ["ERROR after the hole"] and reader.bytes_read == 210_021
    assert reader.unread == [str(tmp_path / "zeros.log")] and len(reader.notes) == 2
    assert "200,000 NUL bytes" in reader.notes[0] and "10,000 NUL bytes" in reader.notes[1]


def test_a_fifo_without_a_writer_gives_nothing_and_a_note(tmp_path: Path):
    os.mkfifo(tmp_path / "pipe")
    watchdog = unblock_fifo_later(tmp_path / "pipe")
    lines, reader = read(str(tmp_path / "pipe"))
    watchdog.cancel()
    assert lines == [] and reader.unread == [str(tmp_path / "pipe")] and "no writer" in reader.notes[0]


@pytest.mark.parametrize("streamed", [False, True])
def test_a_zip_cut_anywhere_reads_a_prefix_of_its_lines_and_never_raises(tmp_path: Path, streamed: bool):
    members = {"a.txt": "".join(f"alpha {n}\n" for n in range(40)), "b.txt": "".join(f"beta {n}\n" for n in range(40))}
    if streamed:
        data = streamed_zip(members)
    else:
        with zipfile.ZipFile(tmp_path / "whole.zip", "w", zipfile.ZIP_DEFLATED) as archive:
            for name, text in members.items():
                archive.writestr(name, text)
        data = (tmp_path / "whole.zip").read_bytes()
    everything = "".join(members.values()).splitlines()
    second = data.index(b"PK\x03\x04", 4)
    for cut in range(4, len(data) + 1):  # shorter, it is not a zip: "PK" is read as text
        (tmp_path / "cut.zip").write_bytes(data[:cut])
        lines, _ = read(str(tmp_path / "cut.zip"))
        assert cut < second or len(lines) >= 40, cut  # a member that is whole is read whole
        # a line cut short is kept as far as it goes
        assert lines[:-1] == everything[: len(lines) - 1] and everything[len(lines) - 1].startswith(lines[-1]) \
            if lines else True, cut


def test_a_short_log_with_a_stray_nul_and_control_bytes_is_text(tmp_path: Path):
    log = tmp_path / "job.log"
    log.write_bytes(b"FAILED tests/test_mod.py::test_a_0 - assert 1 == 2\nValueError: \x1f\x08\nwarning: \x1f\x00\n")
    reader = LineReader(65_536, lambda text: text)
    lines = [line.text for chunk in reader.chunks(expand_sources((str(log),)), 10) for line in chunk]
    assert lines[0] == "FAILED tests/test_mod.py::test_a_0 - assert 1 == 2" and len(lines) == 3 and not reader.notes
