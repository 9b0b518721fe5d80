"""C cases on projects/c/textbuf: gcc via make (facts from a second build with -fdiagnostics-format=json)
and cmake + ctest with AddressSanitizer/UBSan (facts from ctest --output-junit of the same run)."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from gen.common import WORK, Job, capture, copy_project, fact, mutate, run_only, tool_version, write_case

ECO = "c"
ENV = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}


def versions() -> list[str]:
    return [tool_version("gcc --version"), tool_version("make --version"), tool_version("cmake --version")]


def prepare(case: str, mutations: list[tuple[str, str, str]], runner: bool = False) -> tuple[Job, Path]:
    origin = copy_project("c", "textbuf", case)
    for path, old, new in mutations:
        if "*" in path:
            for file in sorted(origin.glob(path)):
                mutate(origin, str(file.relative_to(origin)), old, new)
        else:
            mutate(origin, path, old, new)
    job = Job(case, runner=runner, env=ENV)
    src = job.checkout(origin, WORK / case)
    job.run("Toolchain", "gcc --version && make --version | sed -n 1p", src)
    return job, src


def gcc_json_facts(src: Path, make_args: str) -> list[dict]:
    """Rebuild from clean with -fdiagnostics-format=json; one fact per distinct diagnostic."""
    out = capture(f"make clean >/dev/null; make -k {make_args} 2>&1 >/dev/null; make clean >/dev/null", src, ENV)
    seen = set()
    facts = []
    errors = 0
    for line in out.splitlines():
        if not line.startswith("["):
            continue
        for d in json.loads(line):
            loc = d["locations"][0]["caret"]
            # a warning is one fact however many files repeat it (a header's warning in every unit that
            # includes it, the same slip in each generated codec); errors stay one per location
            key = (d["kind"], d["message"], d.get("option")) if d["kind"] == "warning" else (
                loc["file"], loc["line"], loc["column"], d["kind"], d["message"])
            if key in seen:
                continue
            seen.add(key)
            head = f"{loc['file']}:{loc['line']}:{loc['column']}: {d['kind']}: {d['message']}"
            option = [f"[{d['option']}]"] if d.get("option") else []
            if d["kind"] == "error":
                errors += 1
                facts.append(fact("critical", "error", [head], "gcc -fdiagnostics-format=json"))
            elif d["kind"] == "warning":
                facts.append(fact("medium", "warning", [f"warning: {d['message']}", *option],
                                  f"gcc -fdiagnostics-format=json (first at {loc['file']}:{loc['line']})"))
    return facts


def make_case(case: str, mutations: list[tuple[str, str, str]], color: bool = False, check: bool = False) -> None:
    job, src = prepare(case, mutations)
    flags = "-std=c11 -O1 -g -Wall -Wextra" + (" -fdiagnostics-color=always" if color else "")
    job.run("Build", f"make -k CFLAGS='{flags}'", src, expect_fail=not check)
    if check:
        job.run("Test", f"make check CFLAGS='{flags}'", src, expect_fail=True)
        out = capture("make check 2>&1", src, ENV)
        facts = []
        for m in re.finditer(r"^(tests/\S+\.c:\d+): (check failed: .*|expected .*)$", out, re.M):
            facts.append(fact("critical", "error", [m.group(2)], "test binary output (check.h) of make check"))
            facts.append(fact("high", "location", [m.group(1)], "test binary output (check.h) of make check"))
        for m in re.finditer(r"^(\w+): FAIL \((\d+) failed checks\)$", out, re.M):
            facts.append(fact("critical", "failed_test", [m.group(0)], "test binary summary line"))
        facts.append(fact("high", "summary", ["make: *** [Makefile:20: check] Error 1"], "make exit status"))
    else:
        facts = [fact("high", "summary", ["make: Target 'all' not remade because of errors."], "make -k exit")]
    facts += gcc_json_facts(src, "CFLAGS='-std=c11 -O1 -g -Wall -Wextra -fdiagnostics-format=json'")
    facts.append(fact("low", "summary", [tool_version("gcc --version")], "gcc --version"))
    write_case(job, ECO, "gcc+make", facts, versions())


def sanitizer_case() -> None:
    case = "c-cmake-ctest-asan-ubsan"
    job, src = prepare(case, [
        ("src/strbuf.c", "    size_t need = sb->len + extra + 1;", "    size_t need = sb->len + extra;"),
        ("src/hash.c", "        sum = (sum * 31 + values[i]) % 1000003;", "        sum = sum * 31 + values[i];"),
    ])
    build = WORK / case / "build"
    junit = WORK / case / "ctest.xml"
    job.run("Configure", f"cmake --version | sed -n 1p && cmake -S . -B {build} -DTEXTBUF_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug", src,
            expect_fail=False)
    job.run("Build", f"cmake --build {build} -j2", src, expect_fail=False)
    job.run("Test", f"cd {build} && ctest --output-on-failure --output-junit {junit}", src, expect_fail=True)
    root = ET.parse(junit).getroot()
    facts = []
    failed = total = 0
    for index, case_el in enumerate(root.iter("testcase"), start=1):
        total += 1
        if case_el.get("status") != "fail":
            continue
        failed += 1
        name = case_el.get("name")
        facts.append(fact("critical", "failed_test", [f"{index} - {name} ("], "ctest --output-junit testcase status=fail"))
        out = case_el.findtext("system-out") or ""
        asan = re.search(r"ERROR: AddressSanitizer: ([\w-]+)", out)
        if asan:
            facts.append(fact("critical", "error", [asan.group(0)], "ctest junit system-out: ASan report"))
            frame = re.search(r"#\d+ 0x[0-9a-f]+ in (\w+) \S*/(src/[\w/]+\.c:\d+)", out)
            if frame:
                facts.append(fact("high", "location", [f"in {frame.group(1)} ", frame.group(2)],
                                  "ctest junit system-out: ASan stack, first project frame"))
        for m in re.finditer(r"(src/[\w/]+\.c:\d+:\d+): runtime error: (.+)", out):
            facts.append(fact("critical", "error", [f"runtime error: {m.group(2).strip()}"], "ctest junit system-out: UBSan"))
            facts.append(fact("high", "location", [m.group(1)], "ctest junit system-out: UBSan location"))
    facts.append(fact("high", "summary", [f"tests passed, {failed} tests failed out of {total}"], "ctest --output-junit counts"))
    facts.append(fact("low", "summary", [tool_version("cmake --version")], "cmake --version"))
    write_case(job, ECO, "cmake+ctest+sanitizers", facts, versions())


def main() -> None:
    if run_only(globals()):
        return
    make_case("c-make-gcc-errors", [
        ("src/strbuf.c", "    sb->len += n;\n    sb->data[sb->len] = '\\0';", "    sb->lenght += n;\n    sb->data[sb->len] = '\\0';"),
        ("src/csv.c", "    int quoted = 0;\n", ""),
        ("src/hash.c", "    e->next = t->buckets[i];", "    e->next = t->buckets[i]\n"),
        ("src/hash.c", "int checksum(const int *values, int n) {", "int checksum(const int *values, unsigned n) {"),
    ])
    make_case("c-gcc-warnings-flood-color", [
        ("src/strbuf.h", "char *sb_detach(strbuf *sb);", "char *sb_detach(strbuf *sb);\n\nstatic const char *sb_version(void) {\n    return \"1.4\";\n}"),
        ("src/csv.h", "void csv_row_free(csv_row *row);",
         "void csv_row_free(csv_row *row);\n\nstatic inline int csv_is_full(const csv_row *row) {\n"
         "    return row->count >= sizeof row->fields / sizeof row->fields[0];\n}"),
        ("src/strbuf.h", "char *sb_detach(strbuf *sb);", "char *sb_detach(strbuf *sb);\n\nstatic int sb_is_empty(const strbuf *sb) {\n    return sb->len == 0;\n}"),
        ("src/codecs/*.c", "    for (size_t i = 0; i < n; i++) {", "    for (int i = 0; i < n; i++) {"),
        ("src/codecs/*.c", "        unsigned char c = (unsigned char)in[i];", "        char c = in[i];"),
        ("src/hash.c", "        sum = (sum * 31 + values[i]) % 1000003;", "        sum = (sum * 31 + values[i]) % 1000033;"),
    ], color=True, check=True)
    sanitizer_case()
