"""Web server cases on projects/web/storefront: the real nginx and Apache httpd serve a static site and
proxy a small Python API on 127.0.0.1; a smoke step requests every page (200/404/500/502/503 answers),
then the job prints the servers' error and access logs. Facts from the servers' second, structured
access log of the same requests (nginx: JSON log_format; Apache: a tab-separated LogFormat)."""
from __future__ import annotations

import json
from pathlib import Path

from gen.common import WORK, Job, copy_project, fact, mutate, run_only, tool_version, write_case

ECO = "web"
API_BUG = ("backend.py", "order['total_cents'] / 100", "order['total'] / 100")


def prepare(case: str, mutations: list[tuple[str, str, str]]) -> tuple[Job, Path]:
    origin = copy_project("web", "storefront", case)
    for path, old, new in mutations:
        mutate(origin, path, old, new)
    job = Job(case)
    src = job.checkout(origin, WORK / case)
    return job, src


def status_facts(requests: list[tuple[int, str]], expected: list[str], source: str) -> list[dict]:
    """A 5xx answer is an error whose status must survive; a 404 is a warning; then how many requests
    answered otherwise than the smoke list expects."""
    facts = []
    for status, request in requests:
        if status >= 500:
            facts.append(fact("critical", "error", [f'"{request}" {status}'], f"{source}: status >= 500"))
        elif status == 404:
            facts.append(fact("medium", "warning", [f'"{request}" 404'], f"{source}: status 404"))
    wrong = sum(1 for (status, _), want in zip(requests, expected, strict=True) if str(status) != want)
    facts.append(fact("high", "summary", [f"{wrong} of {len(expected)} requests failed"],
                      f"{source} statuses against ci/urls-*.txt"))
    return facts


def nginx_case() -> None:
    case = "web-nginx-5xx-access-error-logs"
    job, src = prepare(case, [API_BUG])
    job.run("Versions", "nginx -v 2>&1 && python3 --version", src)
    job.run("Smoke test", "ci/smoke.sh nginx", src, expect_fail=True)
    job.run("Server logs", "tail -n +1 logs/error.log logs/access.log", src, always=True, expect_fail=False)
    entries = [json.loads(line) for line in (src / "logs/access.json").read_text().splitlines()]
    expected = [line.split()[0] for line in (src / "ci/urls-nginx.txt").read_text().splitlines()]
    facts = status_facts([(e["status"], e["request"]) for e in entries], expected, "nginx access log, JSON log_format")
    for e in entries:
        if e["status"] == 502 and e["upstream_addr"]:
            facts.append(fact("high", "location", [f'upstream: "http://{e["upstream_addr"]}'],
                              "nginx JSON access log $upstream_addr of the 502, as the error log names the upstream"))
    facts.append(fact("low", "summary", [tool_version("nginx -v 2>&1")], "nginx -v"))
    write_case(job, ECO, "nginx", facts, [tool_version("nginx -v 2>&1")])


def apache_case() -> None:
    case = "web-apache-5xx-access-error-logs"
    job, src = prepare(case, [API_BUG, ("cgi-bin/report.cgi", 'echo "Content-Type: text/plain"\necho\n', 'echo "Daily report"\n')])
    job.run("Versions", "apache2 -v && python3 --version", src)
    job.run("Smoke test", "ci/smoke.sh apache", src, expect_fail=True)
    job.run("Server logs", "tail -n +1 logs/error.log logs/access.log", src, always=True, expect_fail=False)
    rows = [line.split("\t") for line in (src / "logs/access.tsv").read_text().splitlines()]
    expected = [line.split()[0] for line in (src / "ci/urls-apache.txt").read_text().splitlines()]
    facts = status_facts([(int(status), request) for status, request, _ in rows], expected, "Apache access log, tab LogFormat %>s %r %B")
    facts.append(fact("low", "summary", [tool_version("apache2 -v")], "apache2 -v"))
    write_case(job, ECO, "apache httpd", facts, [tool_version("apache2 -v")])


def main() -> None:
    if run_only(globals()):
        return
    nginx_case()
    apache_case()
