"""Native builds without a recognizer: meson test (JUnit), an autotools ./configure failure (config.log),
gfortran (a second build with -fdiagnostics-plain-output: its JSON output is unreliable for Fortran),
Nim (a second `nim c`), D unittests under ldc2 (a second run of the test binary)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from hgen.base import Job, capture, fact, prepare, run_only, tool_version, write_case
from hgen.ci_frames import FramedJob

ECO = "native"
ENV = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}


def meson_case() -> None:
    case = "c-meson-test-failures-travis"
    job = FramedJob(case, system="travis", env=ENV)
    src = prepare(
        job,
        ECO,
        "ringbuf",
        [
            (
                "src/ringbuf.c",
                "rb->items[(rb->head + rb->count) % RB_CAPACITY] = value;",
                "rb->items[(rb->head + rb->count) % 6] = value;",
            ),
            (
                "src/ringbuf.c",
                "    if (rb->count == 0) return -1;\n    *out = rb->items[rb->head];\n    return 0;",
                "    if (rb->count == 0) return -1;\n"
                "    *out = rb->items[(rb->head + rb->count - 1) % RB_CAPACITY];\n    return 0;",
            ),
            ("src/ringbuf.c", "    size_t n = 0;\n    while", "    int n = 0;\n    while"),
        ],
    )
    job.run("install", "meson --version && ninja --version && gcc --version | head -1", src, expect_fail=False)
    job.run("before_script", "meson setup _build", src, expect_fail=False)
    job.run("script", "meson compile -C _build && meson test -C _build --print-errorlogs", src, expect_fail=True)
    job.run_after("after_failure", "cat _build/meson-logs/testlog.txt | grep -c '^==' || true", src)
    facts = meson_facts(src)
    facts += job.verdict_facts()
    facts.append(fact("low", "summary", [tool_version("meson --version")], "meson --version"))
    write_case(job, ECO, "meson+ninja", facts, [tool_version("meson --version"), tool_version("gcc --version")])


def meson_facts(src: Path) -> list[dict]:
    """Failed tests, their messages and locations from meson's JUnit report; gcc's warnings from a JSON compile."""
    root = ET.parse(src / "_build/meson-logs/testlog.junit.xml").getroot()
    source = "meson's JUnit report of the same run (_build/meson-logs/testlog.junit.xml)"
    cases = list(root.iter("testcase"))
    width = max(len(c.get("name", "")) for c in cases)
    failed = [c for c in cases if c.find("failure") is not None]
    facts = []
    for case_el in failed:
        facts.append(
            fact(
                "critical",
                "failed_test",
                [f"{case_el.get('name', '').ljust(width)} FAIL"],
                source + " (failed testcase; name padded to the longest, as meson prints it)",
            )
        )
        location, message = (case_el.findtext("system-err") or "").strip().splitlines()[0].split(": ", 1)
        facts.append(fact("critical", "error", [message], source + " (system-err)"))
        facts.append(fact("high", "location", [location], source + " (system-err)"))
    diagnostics = capture(
        "gcc -std=c11 -Wall -Wextra -fdiagnostics-format=json -c src/ringbuf.c -o /dev/null 2>&1", src, ENV
    )
    for d in json.loads(diagnostics or "[]"):
        facts.append(
            fact(
                "medium",
                "warning",
                [f"warning: {d['message']}", f"[{d['option']}]"],
                "gcc -fdiagnostics-format=json on the library source (meson's warning_level=2 flags)",
            )
        )
    facts.append(fact("high", "summary", ["Summary of Failures:"], source + " (some test failed)"))
    facts.append(fact("high", "summary", [f"{'Fail:':<20}{len(failed)}"], source + " (counts, in meson's layout)"))
    return facts


def configure_case() -> None:
    case = "c-autotools-configure-error"
    job = Job(case, env=ENV)
    src = prepare(
        job,
        ECO,
        "confcheck",
        [
            (
                "configure.ac",
                "AC_CHECK_HEADER([zlib.h], [], [AC_MSG_ERROR([zlib.h not found: install the zlib "
                "development package (zlib1g-dev)])])",
                "AC_CHECK_HEADER([zstd.h], [], [AC_MSG_ERROR([zstd.h not found: "
                "install the zstd development package (libzstd-dev)])])",
            ),
        ],
    )
    job.run("Bootstrap", "autoreconf --version | head -1 && autoreconf -fi", src, expect_fail=False)
    job.run("Configure", "./configure --prefix=/usr", src, expect_fail=True)
    log = (src / "config.log").read_text()
    error = re.search(r"^configure:\d+: error: (.*)$", log, re.M)
    checked = re.findall(r"^configure:\d+: checking (for zstd\.h)\n(?:.*\n)*?configure:\d+: result: (\w+)", log, re.M)
    facts = [fact("critical", "error", [f"configure: error: {error.group(1)}"], "config.log: configure:LINE: error:")]
    facts += [
        fact("high", "error", [f"checking {what}... {result}"], "config.log: the failing check and its result")
        for what, result in checked
    ]
    failed_include = re.search(r"^conftest\.c:\d+:\d+: fatal error: (zstd\.h: No such file or directory)$", log, re.M)
    if failed_include and failed_include.group(1) in job.text():
        facts.append(fact("high", "error", [failed_include.group(1)], "config.log: the compiler's error"))
    facts.append(fact("low", "summary", [tool_version("autoreconf --version")], "autoreconf --version"))
    write_case(job, ECO, "autoconf", facts, [tool_version("autoreconf --version"), tool_version("gcc --version")])


def gfortran_case() -> None:
    case = "fortran-gfortran-errors"
    job = Job(case, env=ENV)
    src = prepare(
        job,
        ECO,
        "fstats",
        [
            ("src/stats.f90", "    m = sum(x) / size(x)", "    m = sum(x) / size(x)\n    total = m"),
            ("src/stats.f90", "    v = v / (size(x) - 1)", "    v = v / (size(x) - 1"),
        ],
    )
    job.run("Toolchain", "gfortran --version | head -1", src, expect_fail=False)
    job.run("Build", "make -k", src, expect_fail=True)
    out = capture(
        "make clean >/dev/null; make -k FFLAGS='-O2 -Wall -std=f2008 -fdiagnostics-plain-output' 2>&1", src, ENV
    )
    facts = [
        fact(
            "critical",
            "error",
            [f"{where}:", f"Error: {message}"],
            "second build with -fdiagnostics-plain-output (one line per diagnostic)",
        )
        for where, message in re.findall(r"^(\S+\.f90:\d+:\d+): Error: (.*)$", out, re.M)
    ]
    facts.append(fact("high", "summary", ["make: Target 'fstats' not remade because of errors."], "make -k exit"))
    facts.append(fact("low", "summary", [tool_version("gfortran --version")], "gfortran --version"))
    write_case(job, ECO, "gfortran+make", facts, [tool_version("gfortran --version")])


def nim_case() -> None:
    case = "nim-compile-error"
    job = Job(case, env=ENV)
    src = prepare(
        job,
        ECO,
        "nimcsv",
        [
            ("src/columns.nim", "formatFloat(total, ffDecimal, 2)", 'formatFloat(total, ffDecimal, "2")'),
        ],
    )
    job.run("Toolchain", "nim --version | head -1", src, expect_fail=False)
    job.run("Build", "nim c --colors:off -d:release -o:csvsum src/csvsum.nim", src, expect_fail=True)
    out = capture("nim c --colors:off --hints:off -o:csvsum src/csvsum.nim 2>&1", src, ENV)
    facts = []
    for where, message in re.findall(r"^\S*?(src/\S+\.nim\(\d+, \d+\)) Error: (.*)$", out, re.M):
        facts.append(fact("critical", "error", [where, f"Error: {message}"], "second nim c run: the compiler's report"))
    for detail in re.findall(r"^  (but expression .*)$", out, re.M):
        facts.append(fact("high", "error", [detail], "second nim c run: the mismatch's explanation"))
    facts.append(fact("low", "summary", [tool_version("nim --version")], "nim --version"))
    write_case(job, ECO, "nim", facts, [tool_version("nim --version")])


def d_case() -> None:
    case = "d-ldc2-unittest-failures"
    job = Job(case, env=ENV)
    src = prepare(
        job,
        ECO,
        "dsum",
        [
            ("source/stats.d", "(s[mid - 1] + s[mid]) / 2", "s[mid]"),
            ("source/textfmt.d", 'frac.length < 2 ? "0" ~ frac : frac', "frac"),
        ],
    )
    build = "ldc2 -unittest -checkaction=context -Isource -od=_obj -of=dsum-test source/*.d"
    job.run("Toolchain", "ldc2 --version | head -1", src, expect_fail=False)
    job.run("Build tests", build, src, expect_fail=False)
    job.run("Test", "./dsum-test", src, expect_fail=True)
    out = capture("./dsum-test 2>&1", src, ENV)
    source = "second run of the test binary: druntime's unittest report"
    facts = [
        fact("critical", "error", [line], source + " (AssertError with file(line) and values)")
        for line in re.findall(r"^core\.exception\.AssertError@.*$", out, re.M)
    ]
    facts.append(
        fact(
            "high",
            "summary",
            [re.search(r"^\d+/\d+ modules FAILED unittests$", out, re.M).group(0)],
            source + " (module count)",
        )
    )
    facts.append(fact("low", "summary", [tool_version("ldc2 --version")], "ldc2 --version"))
    write_case(job, ECO, "ldc2 unittest", facts, [tool_version("ldc2 --version")])


def main() -> None:
    if run_only(globals()):
        return
    meson_case()
    configure_case()
    gfortran_case()
    nim_case()
    d_case()
