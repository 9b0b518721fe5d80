"""No path from input to output skips redaction: escaped and nested JSON, text a rewriter decodes, text
composed from several lines, clipped lines (UTF-8 and UTF-16), and the whole run with every output.

Issue 13 (an adversarial run) found each of these leaking; every value here is fresh and fake
(``secret_corpus``).
"""
from __future__ import annotations

import json
import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from secret_corpus import ALNUM, CASES, CLIP_BYTES, ENCODINGS, case, every_case, fake, kept, leaks, plant, run

from tokenopt.escapes import views
from tokenopt.formats import Classifier
from tokenopt.processor import StreamLogProcessor
from tokenopt.reader import LineReader, expand_sources
from tokenopt.redact import Redactor

RNG = random.Random(1313)
PASSWORD, TOKEN, BEARER = fake(RNG, ALNUM, 10), fake(RNG, ALNUM, 32), fake(RNG, ALNUM + "-_", 40)
SIGNATURE = fake(RNG, ALNUM, 43) + "%3D"


def test_json_nested_in_a_json_string_is_redacted_and_the_record_still_decodes() -> None:
    request = json.dumps({"password": PASSWORD, "token": TOKEN})
    line = json.dumps({"level": "error", "msg": "call failed", "request": request}, separators=(",", ":"))
    out = Redactor()(line)
    assert PASSWORD not in out and TOKEN not in out
    record = json.loads(out)
    assert record["msg"] == "call failed"
    assert json.loads(record["request"]) == {"password": "[REDACTED:password]", "token": "[REDACTED:secret]"}


def test_a_sas_signature_behind_go_escaped_ampersands_is_redacted() -> None:
    output = f"PUT https://acct.blob.core.windows.net/c/b?sv=2022-11-02&sp=rw&sig={SIGNATURE} 201\n"
    line = json.dumps({"Time": "2026-11-20T10:15:32Z", "Action": "output", "Package": "example.com/app",
                       "Output": output}).replace("&", "\\u0026")
    out = Redactor()(line)
    assert SIGNATURE not in out and SIGNATURE[:20] not in out
    assert json.loads(out)["Output"] == output.replace(SIGNATURE, "[REDACTED:azure-sas-signature]")


def test_an_authorization_header_after_an_escaped_newline_is_redacted() -> None:
    line = json.dumps({"level": "error", "msg": f"request failed\nAuthorization: Bearer {BEARER}\nHost: x"})
    out = Redactor()(line)
    assert BEARER not in out
    assert json.loads(out)["msg"] == "request failed\nAuthorization: Bearer [REDACTED:authorization]\nHost: x"


def test_a_token_written_with_unicode_escapes_is_redacted() -> None:
    token = "ghp_" + fake(RNG, ALNUM, 36)
    escaped = "".join(f"\\u{ord(c):04x}" if i % 3 == 0 else c for i, c in enumerate(token))
    line = '{"level":"error","msg":"push with ' + escaped + ' refused"}'
    out = Redactor()(line)
    assert json.loads(out)["msg"] == "push with [REDACTED:github-token] refused"


def test_views_decode_nested_escapes_and_surrogate_pairs_and_map_back_to_the_raw_line() -> None:
    raw = json.dumps({"outer": json.dumps({"inner": "x&y \U0001f600 z"})})
    deepest = views(raw)[-1]
    assert '"inner": "x&y \U0001f600 z"' in deepest.text
    start = deepest.text.index("x&y")
    assert raw[slice(*deepest.raw_span(start, start + 3))] == "x&y"
    smiley = deepest.text.index("\U0001f600")
    assert raw[slice(*deepest.raw_span(smiley, smiley + 1))] == "\\\\ud83d\\\\ude00"


def test_a_private_key_printed_by_a_go_test_is_redacted_line_by_line(tmp_path: Path) -> None:
    """go test -json wraps each line of the key in its own record: only the decoded lines, which the
    classifier redacts again, show a key block (folding would hide a body line, so events are read here)."""
    body = [fake(RNG, ALNUM + "+/", 64) for _ in range(4)] + [fake(RNG, ALNUM, 20) + "=="]
    lines = ["-----BEGIN RSA PRIVATE KEY-----", *body, "-----END RSA PRIVATE KEY-----", "--- FAIL: TestKey (0.00s)"]
    records = [json.dumps({"Time": "2026-11-20T10:15:32Z", "Action": "output", "Package": "example.com/app",
                           "Test": "TestKey", "Output": line + "\n"}) for line in lines]
    (tmp_path / "go.log").write_text("\n".join(records) + "\n")
    redactor = Redactor()
    read = list(LineReader(65_536, redactor).lines(expand_sources((str(tmp_path / "go.log"),))[0]))
    classifier = Classifier(redact=redactor.detached())
    events = [*classifier.feed(read), *classifier.finish()]
    shown = "\n".join(text for event in events for text in (event.message, *event.excerpt))
    assert shown.count("[REDACTED:private-key]") == len(lines) - 1
    assert not [line for line in body if line in shown]


def test_a_value_masked_later_in_the_log_is_masked_wherever_it_was_kept(tmp_path: Path) -> None:
    value = fake(RNG, ALNUM, 24)
    (tmp_path / "job.log").write_text(f"ERROR cannot reach db with {value}\n::add-mask::{value}\nERROR again\n")
    shown = _kept_text(StreamLogProcessor().process(str(tmp_path / "job.log")))
    assert value not in shown and "ERROR cannot reach db with [REDACTED:masked]" in shown


def _kept_text(collected: object) -> str:
    events = [pattern.event for pattern in collected.patterns]  # type: ignore[attr-defined]
    return "\n".join(text for event in events for text in (event.message, *event.excerpt))


def _read(path: Path, cap: int) -> tuple[list[str], LineReader]:
    reader = LineReader(cap, Redactor())
    return [line.text for line in reader.lines(expand_sources((str(path),))[0])], reader


def test_a_clip_never_leaves_the_head_of_the_token_it_cuts(tmp_path: Path) -> None:
    token = "ghp_" + fake(RNG, ALNUM, 36)
    head = "curl -H token: " + "x" * (256 - 15 - 20)
    (tmp_path / "long.log").write_bytes(f"{head} {token} and more\nnext\n".encode())
    lines, reader = _read(tmp_path / "long.log", 256)
    dropped = len(f"{head} {token} and more") - len(f"{head} ")  # the cap fell in the token: all of it goes
    assert lines[0] == f"{head}  …[line clipped: {dropped} more bytes]"
    assert token[:20] not in lines[0] and lines[1] == "next"
    assert "1 line(s) longer than 256 bytes clipped" in reader.notes[0]


def test_a_utf16_line_over_the_cap_is_clipped_like_utf8_never_split(tmp_path: Path) -> None:
    token = "ghp_" + fake(RNG, ALNUM, 36)
    line = "word " * 24 + token + " tail"  # the cap (256 bytes, 128 characters) falls inside the token
    (tmp_path / "wide.log").write_bytes(b"\xff\xfe" + f"{line}\nnext\n".encode("utf-16-le"))
    lines, reader = _read(tmp_path / "wide.log", 256)
    assert lines == ["word " * 24 + f" …[line clipped: {2 * (len(line) - 120)} more bytes]", "next"]
    assert reader.notes == [f"{tmp_path / 'wide.log'}: 1 line(s) longer than 256 bytes clipped "
                            f"({2 * (len(line) - 120)} bytes not read; see --max-line-bytes)"]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_every_sample_in_every_encoding_reaches_no_output(encoding: str, tmp_path: Path) -> None:
    cases = every_case(encoding, random.Random(f"paths/{encoding}"))
    outputs = run(cases, tmp_path, CLIP_BYTES if encoding == "clip" else 65_536)
    assert {f"{one.kind}: {one.secret}": leaks(outputs, one) for one in cases if leaks(outputs, one)} == {}
    assert [one.kind for one in cases if not kept(outputs, one)] == []


NORMAL = ["+ pip install -e .[test]", "Collecting tiktoken>=0.7", "============ 3 passed in 0.41s ============",
          "##[group]Run pytest -q", "   Compiling serde v1.0.210", "npm warn deprecated inflight@1.0.6"]
_CASE = st.tuples(st.sampled_from([*CASES, ("masked", 0)]), st.sampled_from(list(ENCODINGS)),
                  st.integers(0, 2**32), st.lists(st.sampled_from(NORMAL), max_size=4))


def _check_case(drawn: tuple[tuple[str, int], str, int, list[str]]) -> None:
    (kind, index), encoding, seed, normal = drawn
    one = case(kind, index, encoding, random.Random(seed))
    with tempfile.TemporaryDirectory() as work:
        log = type(one)(one.kind, one.encoding, (*normal, *one.lines, *normal), one.secret, one.tag)
        outputs = run([log], Path(work), CLIP_BYTES if encoding == "clip" else 65_536)
    assert leaks(outputs, one) == []
    assert kept(outputs, one)


@settings(max_examples=20, deadline=None)
@given(_CASE)
def test_a_sample_in_any_encoding_among_normal_lines_reaches_no_output(
        drawn: tuple[tuple[str, int], str, int, list[str]]) -> None:
    _check_case(drawn)


@pytest.mark.slow
@settings(max_examples=1_000, deadline=None)
@given(_CASE)
def test_a_sample_in_any_encoding_among_normal_lines_reaches_no_output_long(
        drawn: tuple[tuple[str, int], str, int, list[str]]) -> None:
    _check_case(drawn)


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(CASES), st.integers(0, 2**32), _TEXT, _TEXT)
def test_a_sample_in_a_json_record_with_arbitrary_text_is_redacted_once_and_for_all(
        case_: tuple[str, int], seed: int, before: str, after: str) -> None:
    """A JSON record (letters escaped at random) around text of any characters: the secret is gone from the
    record as written and as decoded, and redacting again changes nothing."""
    rng = random.Random(seed)
    line, secret = plant(*case_, seed)
    record = '{"level":"error","msg":"' + _escaped(f"{before} {line} {after}", rng) + '"}'
    out = Redactor()(record)
    assert secret not in out and Redactor()(out) == out
    try:
        message = json.loads(out)["msg"]
    except ValueError:
        return  # a cut key runs to the end of the line: the record is shown as written, still redacted
    assert secret not in message


def _escaped(text: str, rng: random.Random) -> str:
    return "".join(f"\\u{ord(c):04x}" if c.isascii() and c.isalpha() and rng.random() < 0.2 else
                   json.dumps(c)[1:-1] for c in text)
