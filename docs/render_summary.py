#!/usr/bin/env python3
"""Render the action's job summary as a person sees it on GitHub, and screenshot it.

Regenerates docs/summary.png, docs/summary-history.png and docs/summary-digest.png:

    python docs/render_summary.py            # from the repository root (or anywhere)
    python docs/render_summary.py --keep /tmp/x   # also keep each page's summary .md and .html there

Prerequisites (once):
    apt-get install -y chromium fonts-noto-color-emoji   # headless browser, and a font for the emoji
    (cd docs && npm ci)                                   # marked (GFM renderer) + github-markdown-css
and tokenopt importable: the repository's .venv if there is one, else this Python with the repo on the path.

What it does: runs tokenopt.action.run() the way the runner does (GITHUB_WORKSPACE, GITHUB_STEP_SUMMARY,
GITHUB_OUTPUT, INPUT_* variables) on real failing logs copied into a temporary workspace; renders the
summary Markdown with marked (GitHub-flavoured: tables, fenced code, raw <details> kept as GitHub keeps
it) inside github-markdown-css; measures the page height in headless Chromium and screenshots it at
exactly that height.
"""
from __future__ import annotations

import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
WIDTH = 1000  # px, about the width of the summary pane in a run's page on a laptop screen
MAX_HEIGHT = 1800  # px; taller pages are cut there and fade out (the full digest runs to ~5,500 px)

FIRST_LOGS = [ROOT / "examples/ci_job_pytest_runner.log", ROOT / "tests/fixtures/logs/cargo/test_failures.log"]
EXTRA_LOG = ROOT / "tests/fixtures/logs/jest/failures.log"

# Runs in a child process: action.run() changes directory and prints workflow commands.
CHILD = r"""
import json, os, sys
from tokenopt import action
env = {k: v for k, v in os.environ.items() if not k.startswith(("INPUT_", "GITHUB_"))}
env.update(json.loads(sys.argv[1]))
sys.exit(action.run(env))
"""

# marked with GFM: tables, fenced code, autolinks; raw HTML (<details>, <summary>) passes through.
RENDER_JS = r"""
import { marked } from "marked";
import { readFileSync } from "node:fs";
const source = readFileSync(0, "utf8");
process.stdout.write(marked.parse(source, { gfm: true, breaks: false }));
"""

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>{css}</style>
<style>
  html, body {{ margin: 0; background: #f6f8fa; }}
  body {{ padding: 16px; box-sizing: border-box; width: {width}px; }}
  .pane {{ background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; }}
  .pane-head {{ padding: 12px 16px; border-bottom: 1px solid #d1d9e0; font: 600 14px -apple-system,
               BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328; }}
  .markdown-body {{ padding: 16px 24px 8px; }}
  .fade {{ position: fixed; left: 0; right: 0; bottom: 0; height: 120px; display: none;
          background: linear-gradient(rgba(246, 248, 250, 0), #f6f8fa 85%); }}
  .cut .fade {{ display: block; }}
  .markdown-body {{
    font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif,
                 "Noto Color Emoji"; }}
  .markdown-body code, .markdown-body pre {{
    font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono",
                 monospace, "Noto Color Emoji"; }}
</style></head>
<body><div class="pane"><div class="pane-head">{title}</div>
<article class="markdown-body">
{body}
</article></div>
<div class="fade"></div>
<script>
  const height = Math.ceil(document.body.getBoundingClientRect().height);
  document.documentElement.setAttribute("data-height", height);
  if (height > {max_height}) document.documentElement.className = "cut";
</script>
</body></html>
"""


def python_for_tokenopt() -> str:
    venv = ROOT / ".venv/bin/python"
    return str(venv) if venv.exists() else sys.executable


def run_action(workspace: Path, logs: list[Path], index_path: str, tag: str) -> str:
    """One step run; returns the Markdown it appended to GITHUB_STEP_SUMMARY."""
    (workspace / "logs").mkdir(parents=True, exist_ok=True)
    for log in logs:
        shutil.copy(log, workspace / "logs" / f"{log.parent.name}-{log.name}")
    summary, output = workspace.parent / f"summary-{tag}.md", workspace.parent / f"output-{tag}.txt"
    summary.write_text("", encoding="utf-8")
    env = {"GITHUB_WORKSPACE": str(workspace), "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_OUTPUT": str(output),
           "INPUT_LOG-FILES": "logs/*.log", "INPUT_INDEX-PATH": index_path}
    child_env = dict(os.environ)
    child_env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), child_env.get("PYTHONPATH")]))
    proc = subprocess.run([python_for_tokenopt(), "-c", CHILD, json.dumps(env)], env=child_env,
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1):  # 1 is "fail-on met", which these logs should trigger
        sys.exit(f"action run {tag} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}")
    text = summary.read_text(encoding="utf-8")
    if not text.strip():
        sys.exit(f"action run {tag} wrote no summary:\n{proc.stdout}\n{proc.stderr}")
    return text


def markdown_to_html(markdown: str) -> str:
    if not (DOCS / "node_modules/marked").is_dir():
        sys.exit("missing npm packages: run `npm ci` in docs/")
    proc = subprocess.run(["node", "--input-type=module", "-e", RENDER_JS], cwd=DOCS, input=markdown,
                          capture_output=True, text=True, check=True)
    return proc.stdout


def open_details(body: str) -> str:
    return re.sub(r"<details>", "<details open>", body)


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if path := shutil.which(name):
            return path
    sys.exit("missing chromium: apt-get install -y chromium fonts-noto-color-emoji")


def browser(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([chromium(), "--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars",
                           "--force-device-scale-factor=1", "--default-background-color=00000000", *args],
                          capture_output=True, text=True, check=True, timeout=120)


def screenshot(page: Path, png: Path) -> None:
    dom = browser(f"--window-size={WIDTH},800", "--dump-dom", page.as_uri()).stdout
    match = re.search(r'data-height="(\d+)"', dom)
    height = min(int(match.group(1)), MAX_HEIGHT) if match else MAX_HEIGHT
    png.unlink(missing_ok=True)
    browser(f"--window-size={WIDTH},{height}", f"--screenshot={png}", page.as_uri())
    if not png.exists():
        sys.exit(f"chromium wrote no {png}")
    print(f"{png.relative_to(ROOT)}  {WIDTH}x{height}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", metavar="DIR", type=Path, help="also write each page's .md and .html to DIR")
    args = parser.parse_args()
    css = (DOCS / "node_modules/github-markdown-css/github-markdown-light.css").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="tokenopt-render-") as tmp:
        tmp = Path(tmp)
        first = run_action(tmp / "plain", FIRST_LOGS, "", "plain")
        run_action(tmp / "history", FIRST_LOGS, ".tokenopt/index.json", "history-1")
        second = run_action(tmp / "history", FIRST_LOGS + [EXTRA_LOG], ".tokenopt/index.json", "history-2")
        pages = {
            "summary": (first, False, "test summary"),
            "summary-history": (second, False, "test summary (second run, with the cross-run index)"),
            "summary-digest": (first, True, "test summary (digest expanded)"),
        }
        for name, (markdown, expand, title) in pages.items():
            body = markdown_to_html(markdown)
            body = open_details(body) if expand else body
            page = tmp / f"{name}.html"
            page.write_text(PAGE.format(title=html.escape(title), css=css, width=WIDTH,
                                             max_height=MAX_HEIGHT, body=body), encoding="utf-8")
            screenshot(page, DOCS / f"{name}.png")
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                shutil.copy(page, args.keep / f"{name}.html")
                (args.keep / f"{name}.md").write_text(markdown, encoding="utf-8")


if __name__ == "__main__":
    main()
