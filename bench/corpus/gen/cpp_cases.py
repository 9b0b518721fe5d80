"""C++ cases on projects/cpp/shapes: CMake + ctest running a GoogleTest binary (Debian's libgtest-dev;
facts from the same run's GTEST_OUTPUT=json and ctest --output-junit), the same framed by Buildkite, and
a g++ build whose log holds real ESC ( B (tput sgr0) and OSC 8 hyperlinks (-fdiagnostics-urls=always),
facts from g++ -fdiagnostics-format=json."""
from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from gen.common import WORK, Job, capture, copy_project, fact, mutate, run_only, tool_version, write_case

ECO = "cpp"
ENV = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
HULL_COLLINEAR = ("src/shapes.cpp", "cross(hull[k - 2], hull[k - 1], points[i]) <= 0) --k;", "cross(hull[k - 2], hull[k - 1], points[i]) < 0) --k;")
HULL_START = ("src/shapes.cpp", "return a.x < b.x || (a.x == b.x && a.y < b.y);", "return a.x < b.x || (a.x == b.x && a.y > b.y);")
PERIMETER = ("src/shapes.cpp", "total += std::hypot(b.x - a.x, b.y - a.y);", "total += std::fabs(b.x - a.x) + std::fabs(b.y - a.y);")


def versions() -> list[str]:
    return [tool_version("g++ --version"), tool_version("cmake --version"), "googletest 1.12.1 (Debian libgtest-dev)"]


def prepare(case: str, mutations: list[tuple[str, str, str]], frame: str = "", env: dict[str, str] | None = None) -> tuple[Job, Path]:
    origin = copy_project("cpp", "shapes", case)
    for path, old, new in mutations:
        mutate(origin, path, old, new)
    job = Job(case, frame=frame, env={**ENV, **(env or {})})
    src = job.checkout(origin, WORK / case)
    return job, src


def gtest_facts(reports: Path, junit: Path) -> list[dict]:
    """GTEST_OUTPUT=json: each failed test as `[  FAILED  ] Suite.Name`, its assertion text (the
    `Expected equality…` / `Which is:` lines) and `file:line: Failure`; ctest's count line from its junit."""
    facts = []
    failed_names = []
    for report in sorted(reports.glob("*.json")):
        data = json.loads(report.read_text())
        for suite in data["testsuites"]:
            for test in suite["testsuite"]:
                if not test.get("failures"):
                    continue
                name = f"{suite['name']}.{test['name']}"
                failed_names.append(name)
                facts.append(fact("critical", "failed_test", [f"[  FAILED  ] {name} ("], "gtest json testsuite[].failures"))
                for failure in test["failures"]:
                    lines = failure["failure"].splitlines()
                    where = lines[0].split("/tests/", 1)[-1]
                    facts.append(fact("high", "location", [f"tests/{where}: Failure"], "gtest json failure text, first line"))
                    body = [line.strip() for line in lines[1:] if line.strip()]
                    facts.append(fact("critical", "error", body[:4], "gtest json failure text"))
    facts.append(fact("high", "summary", [f"[  FAILED  ] {len(failed_names)} test{'s' if len(failed_names) != 1 else ''}, listed below:"],
                      "gtest json failed test count"))
    root = ET.parse(junit).getroot()
    total = len(root.findall(".//testcase"))
    failed = sum(1 for c in root.iter("testcase") if c.get("status") == "fail")
    facts.append(fact("high", "summary", [f"tests passed, {failed} tests failed out of {total}"], "ctest --output-junit counts"))
    facts.append(fact("low", "summary", [tool_version("cmake --version")], "cmake --version"))
    return facts


def ctest_case() -> None:
    case = "cpp-ctest-gtest"
    job, src = prepare(case, [HULL_COLLINEAR, PERIMETER])
    build, reports, junit = WORK / case / "build", WORK / case / "gtest", WORK / case / "ctest.xml"
    shutil.rmtree(reports, ignore_errors=True)  # gtest numbers a second report instead of overwriting one
    job.run("Configure", f"cmake --version | sed -n 1p && cmake -S . -B {build} -DCMAKE_BUILD_TYPE=Debug", src, expect_fail=False)
    job.run("Build", f"cmake --build {build} -j2", src, expect_fail=False)
    job.run("Test", f"cd {build} && ctest --output-on-failure --output-junit {junit}", src,
            env={"GTEST_OUTPUT": f"json:{reports}/"}, expect_fail=True)
    write_case(job, ECO, "ctest+googletest", gtest_facts(reports, junit), versions())


def buildkite_case() -> None:
    case = "buildkite-ctest-gtest-600-passing"
    job, src = prepare(case, [HULL_START], frame="buildkite")
    build, reports, junit = WORK / case / "build", WORK / case / "gtest", WORK / case / "ctest.xml"
    shutil.rmtree(reports, ignore_errors=True)  # gtest numbers a second report instead of overwriting one
    job.run("Toolchain", "cmake --version | sed -n 1p && g++ --version | sed -n 1p", src)
    job.run("Build and test", "ci/build-and-test.sh", src, env={
        "BUILD_DIR": str(build), "CTEST_ARGS": f"--output-junit {junit}", "GTEST_OUTPUT": f"json:{reports}/"}, expect_fail=True)
    job.run("Upload artifacts", f"find {build} -type f -newer CMakeLists.txt | sort | xargs ls -l", src, always=True,
            expect_fail=False)
    facts = gtest_facts(reports, junit)
    facts.append(fact("high", "error", ["build failed in stage test"], "ci/build-and-test.sh fail() of the ctest stage"))
    facts.append(fact("high", "summary", ["Error: The command exited with status 1"], "Buildkite agent verdict"))
    write_case(job, ECO, "ctest+googletest (Buildkite)", facts, versions(), notes="framing: gen/ci_framing.py buildkite()")


def escape_case() -> None:
    case = "cpp-tput-esc-charset-osc8-links"
    flags = "-fdiagnostics-color=always -fdiagnostics-urls=always"
    job, src = prepare(case, [
        ("src/shapes.cpp", "    double sum = 0;\n", "    double sum = 0;\n    int corners = polygon.size();\n"),
        ("src/shapes.cpp", "    for (std::size_t i = 0; i < points.size(); ++i) {\n        while (k >= 2",
         "    for (int i = 0; i < points.size(); ++i) {\n        while (k >= 2"),
        ("src/shapes.cpp", "        out.push_back({std::stod(pair.substr(0, comma)), std::stod(pair.substr(comma + 1))});",
         "        out.push_back({std::stod(pair.substr(0, comma)), std::stod(pair.substr(comma + 1)), pair});"),
    ], env={"TERM": "xterm-256color"})
    build = WORK / case / "build"
    job.run("Toolchain", "cmake --version | sed -n 1p && g++ --version | sed -n 1p", src)
    job.run("Build and test", "ci/build-and-test.sh", src, env={"BUILD_DIR": str(build), "CXXFLAGS": flags},
            expect_fail=True)
    raw = capture("g++ -std=c++17 -Wall -Wextra -Isrc -fdiagnostics-format=json -c src/shapes.cpp -o /dev/null 2>&1", src, ENV)
    facts = []
    for d in json.loads(raw.splitlines()[0]):
        loc = d["locations"][0]["caret"]
        head = f"{loc['file']}:{loc['line']}:{loc['column']}: {d['kind']}: {d['message']}"
        if d["kind"] == "error":
            facts.append(fact("critical", "error", [head], "g++ -fdiagnostics-format=json"))
        elif d["kind"] == "warning":
            facts.append(fact("medium", "warning", [head, f"[{d['option']}]"], "g++ -fdiagnostics-format=json (option text under its OSC 8 link)"))
    facts.append(fact("high", "error", ["build failed in stage build"], "ci/build-and-test.sh fail() of the build stage"))
    facts.append(fact("low", "summary", [tool_version("cmake --version")], "cmake --version"))
    write_case(job, ECO, "g++ via cmake, tput and OSC 8", facts, versions(),
               notes="TERM=xterm-256color: tput sgr0 writes ESC ( B ESC [ m; g++ links each warning option with OSC 8")


def main() -> None:
    if run_only(globals()):
        return
    ctest_case()
    buildkite_case()
    escape_case()
