"""npm-hosted tools no recognizer knows, on projects/web/sitekit (installed with `npm ci` from its lock
file): markdownlint (--json), stylelint (--formatter json), prettier --check (--list-different), an
esbuild bundle error (esbuild's JS API: errors and warnings as objects), and an npm ERESOLVE against
local tarballs (npm install --json)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from hgen.base import Job, capture, fact, prepare, run_only, tool_version, write_case
from hgen.ci_frames import FramedJob

ECO = "web"
ENV = {"npm_config_update_notifier": "false", "npm_config_fund": "false", "npm_config_audit": "false"}


def versions() -> list[str]:
    return [tool_version("node --version"), tool_version("npm --version")]


def setup(job: Job, mutations: list[tuple[str, str, str]]) -> Path:
    src = prepare(job, ECO, "sitekit", mutations)
    job.run("Install", "node --version && npm --version && npm ci", src, expect_fail=False)
    return src


def markdownlint_case() -> None:
    case = "md-markdownlint-gitlab"
    job = FramedJob(case, system="gitlab", env=ENV)
    src = setup(
        job,
        [
            ("docs/guide.md", "## Prices\n", "#### Prices   \n"),
            (
                "docs/guide.md",
                "The cart lists each item",
                "See https://example.invalid/cart-docs for the layout.\nThe cart lists each item",
            ),
            ("README.md", "## Build\n\n", "## Build\n"),
        ],
    )
    job.run("lint:md", "npx markdownlint --version && npm run lint:md", src, expect_fail=True)
    job.run_after("after_script", "echo 'markdown lint done'", src)
    out = capture("npx markdownlint --json docs README.md 2>&1 >/dev/null", src, ENV)
    facts = []
    for r in json.loads(out[out.index("[") :]):
        where = f"{r['fileName']}:{r['lineNumber']}"
        rule = "/".join(r["ruleNames"][:2])
        facts.append(
            fact(
                "critical",
                "error",
                [where, f"{rule} {r['ruleDescription']}"],
                "second markdownlint run, --json (fileName, lineNumber, ruleNames, ruleDescription)",
            )
        )
    facts += job.verdict_facts()
    facts.append(
        fact("low", "summary", [tool_version(f"cd {src} && npx markdownlint --version")], "markdownlint --version")
    )
    write_case(job, ECO, "markdownlint-cli", facts, versions())


def stylelint_case() -> None:
    case = "css-stylelint"
    job = Job(case, env=ENV)
    src = setup(
        job,
        [
            ("styles/site.css", "--accent: #0b7285;", "--accent: #0b728;"),
            ("styles/site.css", "  font-weight: 600;\n}", "  font-weight: 600;\n  font-weight: 700;\n}"),
            ("styles/site.css", "body {\n  margin: 0;", "body {\n  margin: 0px;\n  background: #ffffff;"),
            ("styles/site.css", ".total {", ".Total_Price {"),
        ],
    )
    job.run("Lint styles", "npx stylelint --version && npm run lint:css", src, expect_fail=True)
    out = capture("npx stylelint --formatter json 'styles/**/*.css' 2>&1", src, ENV)
    facts = []
    for result in json.loads(out[out.index("[") :]):
        for w in result["warnings"]:
            text = re.sub(rf" \({re.escape(w['rule'])}\)$", "", w["text"])
            facts.append(
                fact(
                    "critical",
                    "error",
                    [f"{w['line']}:{w['column']}", text, w["rule"]],
                    "second stylelint run, --formatter json (line, column, text less its rule, rule)",
                )
            )
    found = [w for r in json.loads(out[out.index("[") :]) for w in r["warnings"]]
    errors = sum(w["severity"] == "error" for w in found)
    plural = {True: "s", False: ""}
    facts.append(
        fact(
            "high",
            "summary",
            [
                f"✖ {len(found)} problem{plural[len(found) != 1]} ({errors} error"
                f"{plural[errors != 1]}, {len(found) - errors} warning{plural[len(found) - errors != 1]})"
            ],
            "second stylelint run (counts by severity, as stylelint words them)",
        )
    )
    facts.append(fact("low", "summary", [tool_version(f"cd {src} && npx stylelint --version")], "stylelint --version"))
    write_case(job, ECO, "stylelint", facts, versions())


def prettier_case() -> None:
    case = "js-prettier-check"
    job = Job(case, env=ENV)
    src = setup(
        job,
        [
            ("src/price.js", "currency }", "currency: currency }"),
            (
                "src/main.js",
                "  { name: 'Pen', cents: 120, quantity: 5 },",
                '  { name: "Pen", cents: 120, quantity: 5 }',
            ),
        ],
    )
    job.run("Check formatting", "npx prettier --version && npm run format:check", src, expect_fail=True)
    files = capture("npx prettier --list-different src styles", src, ENV).split()
    facts = [fact("critical", "error", [f"[warn] {f}"], "second run, prettier --list-different") for f in files]
    facts.append(
        fact(
            "high",
            "summary",
            [f"[warn] Code style issues found in {len(files)} files."],
            "second run, prettier --list-different (count)",
        )
    )
    facts.append(fact("low", "summary", [tool_version(f"cd {src} && npx prettier --version")], "prettier --version"))
    write_case(job, ECO, "prettier", facts, versions())


ESBUILD_JSON = (
    "require('esbuild').build({entryPoints: ['src/main.js'], bundle: true, write: false, logLevel: 'silent'})"
    ".then(r => console.log(JSON.stringify(r)), e => console.log(JSON.stringify(e)))"
)


def esbuild_case() -> None:
    case = "js-esbuild-bundle-error-github"
    job = FramedJob(case, system="github", env=ENV)
    src = prepare(
        job,
        ECO,
        "sitekit",
        [
            ("src/main.js", "from './price.js'", "from './pricing.js'"),
            (
                "src/main.js",
                "{ name: 'Notebook', cents: 450, quantity: 2 }",
                "{ name: 'Notebook', cents: 450, quantity: 2, name: 'Notebook A5' }",
            ),
        ],
    )
    job.run("Install", "npm ci", src, expect_fail=False)
    job.run("Build", "npx esbuild --version && npm run build", src, expect_fail=True)
    job.run_after(
        "Post Run actions/cache", "du -sh node_modules | cut -f1 && echo 'Cache saved with key: npm-linux-x64'", src
    )
    result = json.loads(capture(f'node -e "{ESBUILD_JSON}"', src, ENV))
    facts = []
    for kind, priority in (("errors", "critical"), ("warnings", "medium")):
        for m in result.get(kind, []):
            loc = m["location"]
            label = "ERROR" if kind == "errors" else "WARNING"
            facts.append(
                fact(
                    priority,
                    "error" if kind == "errors" else "warning",
                    [f"[{label}] {m['text']}", f"{loc['file']}:{loc['line']}:{loc['column']}:"],
                    f"second build through esbuild's JS API ({kind}: text, location)",
                )
            )
    facts += job.verdict_facts()
    facts.append(fact("low", "summary", [tool_version(f"cd {src} && npx esbuild --version")], "esbuild --version"))
    write_case(job, ECO, "esbuild", facts, versions())


def eresolve_case() -> None:
    case = "npm-eresolve-peer-conflict"
    job = Job(case, env=ENV)
    src = prepare(
        job,
        ECO,
        "widgets-app",
        [
            ("packages/core/package.json", '"version":"1.2.0"', '"version":"2.0.0"'),
        ],
    )
    job.run(
        "Pack local packages",
        "node --version && npm --version && npm run pack:local && ls vendor",
        src,
        expect_fail=False,
    )
    job.run("Install", "npm install", src, expect_fail=True)
    out = capture("rm -rf node_modules package-lock.json; npm install --json 2>/dev/null", src, ENV)
    error = json.loads(out)["error"]
    detail = [line for line in error["detail"].splitlines() if line and not line.startswith("/")]
    source = "second run, npm install --json (error.code, summary, detail)"
    facts = [
        fact("critical", "error", [f"npm error code {error['code']}"], source),
        fact("critical", "error", [f"npm error {error['code']} {error['summary']}"], source),
    ]
    for line in detail:
        if line.startswith(("peer ", "Found: ", "While resolving: ")):
            facts.append(
                fact("critical" if line.startswith("peer ") else "high", "error", [f"npm error {line}"], source)
            )
    facts.append(fact("low", "summary", [tool_version("npm --version")], "npm --version"))
    write_case(job, ECO, "npm", facts, versions())


def main() -> None:
    if run_only(globals()):
        return
    markdownlint_case()
    stylelint_case()
    prettier_case()
    esbuild_case()
    eresolve_case()
