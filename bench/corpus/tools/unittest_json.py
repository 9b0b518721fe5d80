"""Run unittest discovery like `python -m unittest discover` and print the outcome as JSON:
every failure and error with the test's id as unittest prints it and the formatted traceback."""
import json
import sys
import unittest


def main() -> int:
    start, top = sys.argv[1], sys.argv[2]
    suite = unittest.defaultTestLoader.discover(start, top_level_dir=top)
    result = unittest.TestResult()
    suite.run(result)
    out = {
        "testsRun": result.testsRun,
        "failures": [{"test": str(test), "id": test.id(), "traceback": text} for test, text in result.failures],
        "errors": [{"test": str(test), "id": test.id(), "traceback": text} for test, text in result.errors],
        "skipped": len(result.skipped),
    }
    json.dump(out, sys.stdout, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
