"""RSpec cases on projects/ruby/pantry (Debian's ruby-rspec): failures among pending examples (pending is
not failed), a GitLab CI framing with hundreds of passing documentation lines and an after_script, and a
coloured run saved through `cat -v`. Facts from the same run's --format json report."""
from __future__ import annotations

import json
from pathlib import Path

from gen.common import WORK, Job, copy_project, fact, mutate, run_only, tool_version, write_case

ECO = "ruby"
ENV = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
SLUG = ("lib/pantry/recipe.rb", 'name.downcase.gsub(/[^a-z0-9]+/, "-").gsub(/\\A-|-\\z/, "")',
        'name.downcase.gsub(/[^a-z0-9]+/, "-")')
PLUS = ("lib/pantry/quantity.rb", "Quantity.new(amount + other.to(unit).amount, unit)", "Quantity.new(amount + other.amount, unit)")
SORT = ("lib/pantry/shopping_list.rb", "end.sort_by(&:first)", "end.sort_by { |_name, quantity| -quantity.amount }")
STOCK = ("lib/pantry/shopping_list.rb", "have.to(quantity.unit).amount", "have.amount")


def versions() -> list[str]:
    return [tool_version("ruby --version"), tool_version("rspec --version | sed -n 2p | xargs")]


def prepare(case: str, mutations: list[tuple[str, str, str]], frame: str = "") -> tuple[Job, Path]:
    origin = copy_project("ruby", "pantry", case)
    for path, old, new in mutations:
        mutate(origin, path, old, new)
    job = Job(case, env=ENV, frame=frame)
    src = job.checkout(origin, WORK / case)
    job.run("Ruby", "ruby --version && rspec --version", src)
    return job, src


def rspec_facts(report: Path, src: Path) -> list[dict]:
    """Failed examples only (pending ones are not failures): the rerun line's two halves, the
    exception's first message lines, the first project frame, and the summary line."""
    data = json.loads(report.read_text())
    facts = []
    for example in data["examples"]:
        if example["status"] != "failed":
            continue
        facts.append(fact("critical", "failed_test", [f"rspec {example['file_path']}:{example['line_number']}",
                                                      f"# {example['full_description']}"],
                          "rspec --format json examples[status=failed] file_path:line_number + full_description"))
        exception = example["exception"]
        lines = [line.strip() for line in exception["message"].splitlines() if line.strip()]
        detail = lines[:2] if lines and lines[0].startswith("expected") else lines[:1]
        facts.append(fact("critical", "error", detail, f"rspec --format json exception.message ({exception['class']})"))
        root = f"{src}/"
        frame = next(("./" + b.split(":in ")[0].removeprefix(root) for b in exception["backtrace"] if b.startswith(root)), "")
        if frame:
            facts.append(fact("high", "location", [f"# {frame}"], "rspec --format json exception.backtrace, first project frame (made relative, as rspec prints it)"))
    facts.append(fact("high", "summary", [data["summary_line"]], "rspec --format json summary_line"))
    facts.append(fact("low", "summary", [tool_version("rspec --version | sed -n 2p").strip()], "rspec --version"))
    return facts


def plain_case() -> None:
    case = "ruby-rspec-pending-and-failures"
    job, src = prepare(case, [PLUS, SORT, STOCK])
    report = WORK / case / "rspec.json"
    job.run("Test", f"rspec --format progress --format json --out {report}", src, expect_fail=True)
    write_case(job, ECO, "rspec", rspec_facts(report, src), versions())


def gitlab_case() -> None:
    case = "gitlab-rspec-700-passing-then-after-script"
    job, src = prepare(case, [SLUG, ("spec/recipe_spec.rb", 'ingredients["milk"].unit).to eq("ml")', 'ingredients["milk"].units).to eq("ml")')],
                       frame="gitlab")
    report = WORK / case / "rspec.json"
    job.run("Test", f"rspec --format documentation --format json --out {report}", src, env={"PANTRY_BULK": "24"},
            expect_fail=True)
    job.run("After script", "gem env && gem list --local", src, always=True, expect_fail=False)
    facts = rspec_facts(report, src)
    facts.append(fact("high", "summary", ["ERROR: Job failed: exit code 1"], "GitLab runner verdict"))
    write_case(job, ECO, "rspec (GitLab CI)", facts, versions(), notes="framing: gen/ci_framing.py gitlab()")


def cat_v_case() -> None:
    case = "ruby-rspec-color-saved-with-cat-v"
    job, src = prepare(case, [PLUS, SLUG])
    report = WORK / case / "rspec.json"
    job.run("Test", f"rspec --force-color --format documentation --format json --out {report} 2>&1 | cat -v", src,
            expect_fail=True)
    write_case(job, ECO, "rspec | cat -v", rspec_facts(report, src), versions(),
               notes="the colour escapes are literal text (^[[31m) because the output went through cat -v")


def main() -> None:
    if run_only(globals()):
        return
    plain_case()
    gitlab_case()
    cat_v_case()
