"""Log text that tries to become live Markdown, and the check that it stays text.

``hostile_outputs`` builds a workspace whose logs and restored index carry every payload in every place the
log reaches the job summary and the PR comment, runs the real action on it, and returns both outputs;
``live_elements`` renders them with GitHub's cmark-gfm and lists whatever came alive: an element the
template did not write (found by comparing with a benign twin of the same shape, whose payloads have their
punctuation replaced by letters) and, in text outside code, what GitHub's own post-processing would turn
into a mention, an issue reference, math or an emoji (cmark-gfm does not do those).

Used by tests/test_markdown.py and bench/adversarial.py.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import cmarkgfm
from cmarkgfm.cmark import Options

from tokenopt import action
from tokenopt.optimizer import EnhancedTokenOptimizer
from tokenopt.reports import Report

PAYLOADS = [
    "[Fix here](https://evil.example)",
    "GH-3 needs a look",
    "`@octocat and `@octocat",
    "**bold** __strong__ *em* _em_",
    "$\\color{red}{\\textsf{Pwned}}$",
    "x\n# Pwned heading\n```",
    "[ref]: https://evil.example\nsee [ref] now",
    "</details><img src=https://evil.example/x.png> @octocat #123",
    "![t](https://evil.example/t.png) | break | table",
    "````",
    "~~~",
    "~~strike~~",
    "<script>alert(1)</script>",
    '<a href="https://evil.example">click</a>',
    "https://evil.example/raw",
    "www.evil.example",
    "mail admin@evil.example",
    "owner/repo#123",
    "@web-std/file",
    "#6",
    ":shipit: :+1:",
    "- [ ] task\n- [x] done",
    "> quoted\n>> deeper",
    "Setext\n===",
    "---\n***",
    "1. ordered\n2. list",
    "    indented code",
    "trailing backslash\\\nhard break  \nspaces",
    "&lt;&amp;&#64;octocat&copy;",
    "<!-- open comment",
    "[^1] footnote\n[^1]: https://evil.example",
    "<details><summary>fake</summary>",
    "\\`escaped backtick\\` `` ` ``",
    "| a | b |\n|---|---|\n| c | d |",
    "[x]: <https://evil.example>\n[x]",
    "CR\r# pwned after a carriage return",
]
HOSTILE_TITLE = "CI [Fix here](https://evil.example) @octocat #1 **b**"
# A location is a file name (anything but "/" and NUL): a test file's and a crashing script's.
HOSTILE_NAME = "[Fix here](https:evil.example) @octocat #1 GH-3 `x` **b** $m$ :shipit: <b>"
GONE_TESTS = 12  # tests that fail only in the seeding run: the index's "fixed since the last run"
# The bulk of a log, folding into one pattern: the budget is capped at the log's size, and everything else must fit,
# so that the benign twin keeps the same items.
BULK = "for attempt in range(4000):\n    print(f'waiting for the database, attempt {attempt}')\n"

EXTENSIONS = ("table", "autolink", "strikethrough", "tagfilter", "tasklist")
_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")
# What GitHub links or replaces in rendered text (outside code) after cmark-gfm: cmark-gfm leaves these alone.
POST_PROCESSED = {
    "mention": re.compile(r"(?<![\w`])@[A-Za-z0-9]"),
    "reference": re.compile(r"(?<![\w&])#\d|\bGH-\d|\b[\w.-]+/[\w.-]+#\d", re.IGNORECASE),
    "math": re.compile(r"\$[^$\n]+\$"),
    "emoji": re.compile(r":[a-z0-9_+-]+:"),
}


def benign(text: str) -> str:
    """The same shape (lines, words, length) with no markup: ASCII punctuation becomes letters."""
    return _PUNCTUATION.sub("x", text)


def to_html(markdown: str) -> str:
    """Markdown rendered as GitHub renders a comment or a job summary (raw HTML such as <details> passes)."""
    return cmarkgfm.markdown_to_html_with_extensions(markdown, options=Options.CMARK_OPT_UNSAFE,
                                                     extensions=list(EXTENSIONS))


class Page(HTMLParser):
    """The elements of rendered HTML, by tag, and its text: in code, in headings, and the rest (prose)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.hrefs: list[str] = []  # where its links go
        self.prose: list[str] = []
        self.headings: list[str] = []
        self.code: list[str] = []
        self._open: Counter[str] = Counter()
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        self._open[_KIND.get(tag, "")] += 1
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        self._open[_KIND.get(tag, "")] -= 1

    def handle_comment(self, data: str) -> None:
        self.tags["<!--"] += 1

    def handle_data(self, data: str) -> None:
        inside = self.code if self._open["code"] > 0 else self.headings if self._open["heading"] > 0 else self.prose
        inside.append(data)


_JOB_LINK = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]+)?/[\w.-]+/[\w.-]+/actions/runs/[0-9]+"
                       r"(?:/job/[0-9]+(?:#step:[0-9]+:[0-9]+)?)?")
_KIND = {"code": "code", "pre": "code", **{f"h{n}": "heading" for n in range(1, 7)}}


def live_elements(markdown: str, benign_markdown: str) -> list[str]:
    """What renders live in ``markdown`` beyond what its benign twin renders: one string per element."""
    page, twin = Page(to_html(markdown)), Page(to_html(benign_markdown))
    found = [f"<{tag}>" for tag, n in (page.tags - twin.tags).items() for _ in range(n)]
    # the templates write no picture, and no link but to a line of a job's log on GitHub
    found += ["<img>"] * twin.tags["img"]
    found += [f"<a href={href!r}>" for href in foreign_links(page) + foreign_links(twin)]
    text = "".join(page.prose + page.headings)
    for name, pattern in POST_PROCESSED.items():
        found += [f"{name} {match!r}" for match in pattern.findall(text)]
    return found


def foreign_links(page: Page) -> list[str]:
    """Where the page's links go, other than to a job's log on GitHub (the only links the templates write)."""
    return [href for href in page.hrefs if not _JOB_LINK.fullmatch(href)]


def code_text(markdown: str) -> str:
    """The text GitHub shows inside code spans and blocks."""
    return "".join(Page(to_html(markdown)).code)


@dataclass
class Outputs:
    summary: str
    comment: str
    stdout: str  # what the action printed (workflow commands)
    events: list[dict]  # the JSON summary's events
    json_digest: str


def hostile_outputs(root: Path, transform: Callable[[str], str] = str,
                    printed: Callable[[], str] = lambda: "") -> Outputs:
    """Build the workspace with ``transform`` applied to every payload, run the action for the summary and
    the pipeline for the comment (from an identical copy: a run changes the index), collect both."""
    workspace = build_workspace(root, transform)
    twin = root / "twin"
    shutil.copytree(workspace, twin)
    env = {"GITHUB_WORKSPACE": str(workspace), "GITHUB_STEP_SUMMARY": str(root / "summary.md"),
           "GITHUB_OUTPUT": str(root / "output"), "INPUT_LOG-FILES": "logs/*.log",
           "INPUT_COMMENT-TITLE": transform(HOSTILE_TITLE),
           # the run's context: every failure in the summary links to the run's page
           "GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "octo-org/octo-repo", "GITHUB_RUN_ID": "42"}
    here = os.getcwd()
    try:
        action.run(env)
        stdout = printed()
        settings, options = action.read_inputs(env)
        os.chdir(twin)
        comment = Report(EnhancedTokenOptimizer(settings=settings).run(), options.comment_title).comment()
    finally:
        os.chdir(here)
    document = json.loads((workspace / "tokenopt-digest.json").read_text(encoding="utf-8"))
    return Outputs((root / "summary.md").read_text(encoding="utf-8"), comment, stdout, document["events"],
                   document["digest"])


def build_workspace(root: Path, transform: Callable[[str], str] = str) -> Path:
    """logs/: a real pytest run (payloads as test ids, assertion messages, source lines and a file name)
    shaped as a GitHub job log whose step is named by a payload; JSON log records whose decoded messages hold
    the payloads (newlines included); a binary file named by payloads (a note). .tokenopt/index.json: seeded
    by a real run, then edited by hand to carry payloads in ``first_seen``, ``example`` and ``location``."""
    payloads = [transform(p) for p in PAYLOADS]
    workspace, project = root / "workspace", root / "project"
    logs = workspace / "logs"
    logs.mkdir(parents=True)
    name = transform(HOSTILE_NAME)
    write_project(project, payloads, name)
    records = [{"level": "error" if n % 2 else "critical", "msg": p, "logger": "svc"} for n, p in enumerate(payloads)]
    (logs / "service.log").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    binary = " ".join(payloads[:8]).replace("/", "\u2215").replace("\x00", "")[:200]
    (logs / f"{binary}.log").write_bytes(b"\x00\x01\x02\x03" * 64)
    crash, bulk = python_output(project, f"{name}.py"), python_output(project, "bulk.py")
    named = pytest_output(project, "named")  # its own run: a name sorts differently from its twin's
    for gone in (True, False):  # the seeding run, then this run
        steps = [("python bulk.py", bulk), (f"python -m pytest -k '{payloads[0]}'",
                                             pytest_output(project, "test_payloads.py", gone)),
                 ("python -m pytest", named), ("python crash.py", crash)]
        (logs / "job.log").write_text(job_log(steps), encoding="utf-8")
        if gone:
            seed(workspace)
    hand_edit(workspace / ".tokenopt" / "index.json", payloads)
    return workspace


def write_project(project: Path, payloads: list[str], name: str) -> None:
    project.mkdir(parents=True)
    literal = [p for p in payloads if "\n" not in p and "\r" not in p][:6]
    (project / "test_payloads.py").write_text(
        "import os\nimport pytest\n\n"
        f"PAYLOADS = {payloads!r}\n\n\n"
        "@pytest.mark.parametrize('payload', PAYLOADS, ids=PAYLOADS)\n"
        "def test_payload(payload):\n    assert False, payload\n\n\n"
        "def test_literals():\n"
        f"    assert {literal[0]!r} == {' '.join(literal[1:])!r}\n\n\n"
        f"@pytest.mark.parametrize('n', range({GONE_TESTS}))\n"
        "def test_gone(n):\n    assert not os.environ.get('GONE'), f'gone {n}'\n", encoding="utf-8")
    (project / "named").mkdir()
    (project / "named" / f"test_{name}.py").write_text("def test_in_a_named_file():\n    assert 1 == 2\n",
                                                       encoding="utf-8")
    (project / f"{name}.py").write_text(f"raise RuntimeError({payloads[1]!r})\n", encoding="utf-8")
    (project / "bulk.py").write_text(BULK, encoding="utf-8")


def pytest_output(project: Path, tests: str, gone: bool = False) -> str:
    env = {**os.environ, "GONE": "1" if gone else ""}
    run = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--import-mode=importlib",
                          "-v", "--tb=short", "-rf", tests], cwd=project, env=env, capture_output=True, text=True,
                         check=False)
    if "failed" not in run.stdout:
        raise RuntimeError(f"the payload project did not run:\n{run.stdout}\n{run.stderr}")
    return run.stdout


def python_output(project: Path, script: str) -> str:
    run = subprocess.run([sys.executable, script], cwd=project, capture_output=True, text=True, check=False)
    return run.stdout + run.stderr


def job_log(steps: list[tuple[str, str]]) -> str:
    """Outputs as a GitHub Actions job log: a group per step, named by its command, the runner's final error."""
    lines = []
    for command, output in steps:
        lines += [f"##[group]Run {command.splitlines()[0]}", "##[endgroup]", *output.rstrip("\n").split("\n")]
    lines.append("##[error]Process completed with exit code 1.")
    return "".join(f"2026-11-24T13:44:{n // 1000:02d}.{n % 1000:03d}0000Z {line}\n" for n, line in enumerate(lines))


def seed(workspace: Path) -> None:
    here = os.getcwd()
    try:
        os.chdir(workspace)
        EnhancedTokenOptimizer(log_file=("logs/*.log",), out=str(workspace / "seed.md")).run()
    finally:
        os.chdir(here)


def hand_edit(path: Path, payloads: list[str]) -> None:
    """What a poisoned cache holds: payloads as dates, examples and locations."""
    data = json.loads(path.read_text(encoding="utf-8"))
    patterns = [entry for job in data["jobs"] for entry in job["patterns"]]
    gone = [e for e in patterns if "test_gone" in (e.get("test_id") or e.get("example", ""))]
    for n, entry in enumerate(patterns):
        entry["first_seen"] = payloads[n % len(payloads)]
    for n, entry in enumerate(gone):
        entry["example"] = "\n".join(payloads[n::len(gone)])
        entry["location"] = payloads[(n + 5) % len(payloads)]
    path.write_text(json.dumps(data), encoding="utf-8")
