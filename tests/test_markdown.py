"""Log text stays text: the job summary and the PR comment, rendered by GitHub's cmark-gfm over an adversarial
corpus (tests/live_markdown.py), hold no element the template did not write, and in text outside code no
mention, issue reference, math or emoji; the Markdown, JSON and text digests quote the log's own characters."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from live_markdown import (
    PAYLOADS,
    Outputs,
    Page,
    benign,
    code_text,
    foreign_links,
    hostile_outputs,
    live_elements,
    to_html,
)
from test_action import runner_env

from tokenopt import action
from tokenopt.cli import main

LINE_MARK = "\u23ce"  # ⏎, where one-line text had a line break


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Outputs, Outputs]:
    return (hostile_outputs(tmp_path_factory.mktemp("hostile")),
            hostile_outputs(tmp_path_factory.mktemp("benign"), benign))


@pytest.mark.parametrize("output", ["summary", "comment"])
def test_no_log_text_is_live_in_the_summary_or_the_comment(corpus: tuple[Outputs, Outputs], output: str):
    hostile, twin = (getattr(o, output) for o in corpus)
    assert live_elements(hostile, twin) == []
    assert Page(to_html(twin)).tags.keys() <= {"h2", "h3", "h4", "h5", "p", "ul", "li", "code", "pre", "table",
                                               "thead", "tbody", "tr", "th", "td", "details", "summary", "strong",
                                               "a", "<!--"}, "the benign twin shows what the template writes"
    page = Page(to_html(hostile))
    assert foreign_links(page) == [] and (output == "comment" or page.hrefs)  # the summary links to the run only


# The reproductions of issue 13: (what the log says, what must never be live outside code).
REPRODUCTIONS = [
    ("[Fix here](https://evil.example)", "evil.example"),  # a live link with the attacker's text
    ("GH-3 needs a look", "GH-3"),  # an issue reference
    ("`@octocat and `@octocat", "@octocat"),  # two backticks paired into a span, a live mention left over
    ("**bold** __strong__ *em* _em_", "bold"),
    ("$\\color{red}{\\textsf{Pwned}}$", "color"),
    ("[ref]: https://evil.example", "evil.example"),  # a reference definition
    ("@web-std/file", "@web"),
    ("#6", "#6"),
]


@pytest.mark.parametrize("output", ["summary", "comment"])
@pytest.mark.parametrize("quoted, never_live", REPRODUCTIONS, ids=[r[0] for r in REPRODUCTIONS])
def test_each_payload_is_quoted_in_code_and_nowhere_live(corpus: tuple[Outputs, Outputs], output: str,
                                                        quoted: str, never_live: str):
    markdown = getattr(corpus[0], output)
    page = Page(to_html(markdown))
    assert quoted in "".join(page.code)
    assert never_live not in "".join(page.prose) and foreign_links(page) == []


def test_newlines_from_decoded_json_open_no_heading_and_no_fence(corpus: tuple[Outputs, Outputs]):
    page = Page(to_html(corpus[0].summary))
    assert page.tags["h1"] == 0 and "Pwned heading" not in "".join(page.prose)
    assert "Pwned heading" in "".join(page.code)  # quoted: the record's own text, in code
    assert "Token budget:" in "".join(page.prose) and page.tags["details"] == 1  # nothing swallowed after it


def test_what_a_restored_index_says_is_quoted(corpus: tuple[Outputs, Outputs]):
    summary, code = corpus[0].summary, code_text(corpus[0].summary)
    assert "| 2nd run |" in summary  # the history column: a short verdict of ours, no date from the index
    assert "GH-3" not in "".join(Page(to_html(summary)).prose)
    assert f"`@octocat and `@octocat{LINE_MARK}https://evil.example/raw" in code  # a fixed failure's example


def test_the_json_digest_and_events_hold_the_logs_characters(corpus: tuple[Outputs, Outputs]):
    """The JSON ``digest`` is the Markdown digest: log text in code, in the log's own characters."""
    hostile = corpus[0]
    exact = ("@web-std/file", "#6", "<script>alert(1)</script>", "&lt;&amp;&#64;octocat&copy;", "owner/repo#123")
    assert all(payload in hostile.json_digest for payload in exact)
    assert all(any(payload in e["message"] for e in hostile.events) for payload in exact)
    assert "\u200b" not in hostile.json_digest + "".join(e["message"] for e in hostile.events)
    assert "&lt;script" not in hostile.json_digest


def test_the_text_digest_holds_the_logs_characters(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    service = tmp_path / "service.log"
    service.write_text("".join(json.dumps({"level": "error", "msg": p}) + "\n" for p in PAYLOADS), encoding="utf-8")
    assert main(["--log-file", str(service), "--format", "text", "--out", "-", "--index", ""]) == 0
    out = capsys.readouterr().out
    for payload in PAYLOADS:  # decoded from its record, or the record itself
        assert payload in out or json.dumps(payload)[1:-1] in out


def test_a_digest_cut_at_a_token_boundary_is_quoted_whole(tmp_path: Path):
    """Below the digest's own shape the budget cuts the text anywhere, inside a code span too: the rest of the
    span (here a note naming a binary file) would be live, so a cut digest goes into the summary as a block."""
    logs = [tmp_path / "run.log", tmp_path / "[Fix here](https:evil.example) @octocat GH-3 **b** $m$ :shipit:.log"]
    logs[0].write_text("".join(f"compiling module m{n} of the project\n" for n in range(300)))  # too big to pass
    logs[1].write_bytes(b"\x00\x01\x02\x03" * 64)
    cut = 0
    for budget in range(64, 112, 4):
        env = runner_env(tmp_path / str(budget), logs, TOKEN_BUDGET=str(budget), INDEX_PATH="")
        action.run(env)
        summary = Path(env["GITHUB_STEP_SUMMARY"]).read_text()
        cut += "/[Fix here](https:evil" in summary
        assert live_elements(summary, summary) == [], budget
    assert cut >= 4  # the cut fell inside the note's code span
