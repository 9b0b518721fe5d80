"""The failures of a doctest run as JSON records (doctest's own runner, not its printout): for each failed
example its file, line, source, expected and actual output. Usage: python doctest_failures.py FILE..."""
from __future__ import annotations

import doctest
import json
import sys


class Recorder(doctest.DocTestRunner):
    def __init__(self) -> None:
        super().__init__(optionflags=doctest.NORMALIZE_WHITESPACE)
        self.records: list[dict] = []

    def report_failure(self, out, test, example, got):  # type: ignore[no-untyped-def]
        self.records.append({"file": test.filename, "line": test.lineno + example.lineno + 1,
                             "source": example.source.strip(), "want": example.want.strip(), "got": got.strip()})

    def report_unexpected_exception(self, out, test, example, exc_info):  # type: ignore[no-untyped-def]
        self.records.append({"file": test.filename, "line": test.lineno + example.lineno + 1,
                             "source": example.source.strip(), "want": example.want.strip(),
                             "got": f"{exc_info[0].__name__}: {exc_info[1]}"})


def main(paths: list[str]) -> None:
    runner = Recorder()
    for path in paths:
        text = open(path, encoding="utf-8").read()
        test = doctest.DocTestParser().get_doctest(text, {}, path, path, 0)
        runner.run(test, out=lambda _s: None)
    print(json.dumps({"failures": runner.records, "failed": runner.failures, "tried": runner.tries}))


if __name__ == "__main__":
    main(sys.argv[1:])
