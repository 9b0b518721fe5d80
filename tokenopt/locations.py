"""Where a failure is: the ``file:line`` of the project's own code that a person opens to fix it.

Frames of the standard library, the toolchain, dependencies and the test harness are skipped: a
location in ``/opt/hostedtoolcache/…/socket.py`` or ``/rustc/…`` is true and useless.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

_LOCATION = re.compile(
    r"File \"(?P<pf>[^\"]+)\", line (?P<pl>\d+)"
    r"|(?P<p>(?:(?<![A-Za-z])[A-Za-z]:)?[\w.@~+\-/\\]*[\w\-]\.[A-Za-z]{1,6})"
    r"(?::\[?(?P<l>\d+)(?:[:,](?P<c>\d+))?\]?|\((?P<tl>\d+),(?P<tc>\d+)\))"
)
# Code that is not the project's: interpreters, toolchains, package caches, dependencies, test harnesses.
THIRD_PARTY = re.compile(
    r"site-packages|dist-packages|/lib/python\d[.\d]*/|node_modules|<frozen |<string>|/opt/hostedtoolcache/"
    r"|/usr/(?:lib|lib64|include|share|local/lib|local/include|local/go)/"
    r"|/rustc/|\.rustup/|\.cargo/registry|/go/src/runtime|/usr/local/go/|/pkg/mod/|/\.m2/|\.gradle/caches"
    r"|(?:^|[\s(/])(?:java|jdk|sun|javax|junit|kotlin|scala)\.|java\.base/"
    r"|(?:^|[\s(/])org\.(?:junit|opentest4j|apache\.maven|gradle|scalatest)\.|^node:|\(node:|node:internal"
    r"|libsanitizer|/sysdeps/|/csu/|<anonymous>|/gems/|/rubygems/|/vendor/|/lib/erlang/|/erts-")
# Stack frames printed innermost first: JVM and JavaScript "at …", sanitizer "#0 0x… in …", Go's "\t/path.go:21".
_TOP_FIRST_FRAME = re.compile(r"\.(?:java|kt|scala|groovy):\d+\)|^\s+at \S.*:\d+(?::\d+)?\)?$"
                              r"|^\s*#\d+ 0x[0-9a-f]+ in |^\s+\S+\.go:\d+(?: \+0x[0-9a-f]+)?$")
# Where the stack that matters starts: the deepest cause, the panicking goroutine, the sanitizer's report.
_STACK_START = re.compile(r"^\s*(?:Caused by: |=> |Exception in thread )|^goroutine \d+ \[running\]|==\d+==ERROR")
# Lines that name a file without being where the failure is: the include chain above a compiler error.
_NOT_A_PLACE = re.compile(r"^\s*(?:In file included from |from \S+:\d+[,:]|In function |In member function )")


def is_project_path(path: str) -> bool:
    return not THIRD_PARTY.search(path)


def find_location(texts: list[str]) -> str:
    """The innermost ``file:line`` of the project's own code among ``texts``.

    Python prints the innermost frame last, so the scan runs from the end and stops at the first hit.
    JVM, JavaScript, Go and sanitizer stacks print it first: there the first frame of the project's own
    code after the deepest cause (or the panic, or the report) wins.
    """
    texts = [text for text in texts if not _NOT_A_PLACE.match(text)]
    if any(_TOP_FIRST_FRAME.search(text) for text in texts):
        start = max((i for i, text in enumerate(texts) if _STACK_START.search(text)), default=0)
        frames = [t for t in texts[start:] if _TOP_FIRST_FRAME.search(t) and is_project_path(t)]
        found = _last_location(frames[:1])
        if found:
            return found
    return _last_location(list(reversed(texts)))


def _last_location(texts: list[str]) -> str:
    for text in texts:
        if ":" not in text and "(" not in text and ", line " not in text:
            continue
        for match in reversed(list(_LOCATION.finditer(text))):
            path = match.group("pf") or match.group("p")
            number = match.group("pl") or match.group("l") or match.group("tl")
            if number and is_project_path(path):
                path = "/" + path.lstrip("/") if path.startswith("//") else path  # file:///x → /x
                column = match.group("c") or match.group("tc")
                return f"{path}:{number}:{column}" if column else f"{path}:{number}"
    return ""


# Where a hosted runner checks a repository out: /home/runner/work/<repo>/<repo>/ (Linux), /Users/runner/work/…
# (macOS), D:\a\<repo>\<repo>\ (Windows).
_RUNNER_WORKSPACE = re.compile(r"^(?:/home/runner/work|/Users/runner/work|[A-Za-z]:[\\/]a)"
                               r"[\\/][^\\/]+[\\/][^\\/]+[\\/]")


def repository_path(path: str, workspace: str = "") -> str:
    """``path`` relative to the repository: inside ``workspace`` (GITHUB_WORKSPACE) or a hosted runner's
    checkout, the rest of it; any other path as it is."""
    root = workspace.rstrip("/\\")
    if root and path.startswith(root) and path[len(root):][:1] in ("/", "\\"):
        return path[len(root) + 1:]
    found = _RUNNER_WORKSPACE.match(path)
    return path[found.end():] if found else path


# go test's verdict on a package, printed after its tests' output: "FAIL\texample.com/shop/tally\t0.002s".
_GO_PACKAGE_FAILED = re.compile(r"^FAIL\s+(\S+)\s+(?:[\d.]+s|\(cached\)|\[)")


def go_packages(failures: Iterable[tuple[str, int, str]]) -> dict[str, list[tuple[int, str]]]:
    """Per input, the lines where go test said a package failed, from (source, line, message) of result lines."""
    found: dict[str, list[tuple[int, str]]] = {}
    for source, line, message in failures:
        verdict = _GO_PACKAGE_FAILED.match(message)
        if verdict:
            found.setdefault(source, []).append((line, verdict.group(1)))
    return {source: sorted(lines) for source, lines in found.items()}


def go_file(name: str, package: str, exists: Callable[[str], bool]) -> str:
    """A test file go names bare (``money_test.go``) as a repository path: in the package's folder, ``./ledger``
    as written, an import path (``example.com/x/ledger``) by its longest tail that ``exists`` in the checkout."""
    if package.startswith("./"):
        return f"{package[2:].rstrip('/')}/{name}" if package[2:] else name
    parts = package.split("/")
    return next((path for path in ("/".join([*parts[i:], name]) for i in range(len(parts))) if exists(path)), name)
