"""pytest plugin: write every recorded warning as one JSON line to $WARNINGS_JSON (structured output
for the corpus generator; load with `-p pytest_warnings_json` and this folder on PYTHONPATH)."""
import json
import os


def pytest_warning_recorded(warning_message, when, nodeid, location):
    path = os.environ.get("WARNINGS_JSON")
    if not path:
        return
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(json.dumps({
            "category": warning_message.category.__name__,
            "message": str(warning_message.message),
            "filename": warning_message.filename,
            "lineno": warning_message.lineno,
            "when": when,
            "nodeid": nodeid,
        }) + "\n")
