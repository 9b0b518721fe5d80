"""Copy one step's real output from a plain corpus case into tests/fixtures/logs/<tool>/<name>.log, with a
<name>.cmd that records the command, the tool versions and how to regenerate it.

    python bench/corpus/extract_fixture.py CASE "STEP TITLE" TOOL NAME
"""
from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent
FIXTURES = CORPUS.parent.parent / "tests" / "fixtures" / "logs"


def steps(cmd_txt: str) -> list[tuple[str, int, str]]:
    """(title, exit code, command) of each step, from a case's cmd.txt."""
    found = re.findall(r"^# step: (.+) \(exit (\d+), [\d.]+s\)\n(.+)$", cmd_txt, re.M)
    return [(title, int(code), command) for title, code, command in found]


def step_output(log: str, command: str, commands: list[str]) -> str:
    """The lines after `$ <command>` up to the next step's `$ ` line (plain logs only)."""
    lines = log.split("\n")
    start = lines.index(f"$ {command}") + 1
    others = {f"$ {c}" for c in commands if c != command}
    end = next((i for i in range(start, len(lines)) if lines[i] in others), len(lines))
    return "\n".join(lines[start:end]).rstrip("\n") + "\n"


def main(case: str, title: str, tool: str, name: str) -> int:
    folder = CORPUS / "cases" / case
    cmd_txt = (folder / "cmd.txt").read_text()
    listed = steps(cmd_txt)
    title_, code, command = next(s for s in listed if s[0] == title)
    text = step_output((folder / "job.log").read_text(), command, [c for _, _, c in listed])
    versions = cmd_txt.split("# versions\n", 1)[1].split("\n# notes", 1)[0].strip().replace("\n", "; ")
    out = FIXTURES / tool
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{name}.log").write_text(text)
    (out / f"{name}.cmd").write_text(
        f"command: {command}\n"
        f"working directory: the case's checkout under /tmp/ci-work/{case}/ (bench/corpus, step \"{title_}\")\n"
        f"tool: {versions}\n"
        f"date: {dt.date.today().isoformat()}\n"
        f"exit code: {code}\n"
        f"bug: the mutations of corpus case {case} (bench/corpus/gen/*_cases.py); its facts.json lists what failed\n"
        f"regenerate: bash bench/corpus/generate.sh (case {case}), then "
        f"python bench/corpus/extract_fixture.py {case} \"{title_}\" {tool} {name}\n")
    print(f"{out / name}.log: {len(text.splitlines())} lines, {len(text.encode()) / 1024:.1f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
