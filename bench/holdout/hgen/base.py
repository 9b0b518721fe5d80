"""The held-out set's use of the corpus machinery (bench/corpus/gen/common.py): the same job steps,
fact checks and case writing, pointed at this set's projects, cases and work folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

HOLDOUT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HOLDOUT.parent / "corpus"))

from gen import common  # noqa: E402  (the corpus generators' package, found through the path above)
from gen.common import Job, capture, fact, mutate, run_only, tool_version, write_case  # noqa: E402,F401

common.PROJECTS = HOLDOUT / "projects"
common.CASES = Path(os.environ.get("HOLDOUT_CASES", HOLDOUT / "cases"))
common.WORK = Path(os.environ.get("HOLDOUT_WORK", "/tmp/ci-holdout"))
WORK = common.WORK
TOOLS = HOLDOUT / "tools"
CorpusError = common.CorpusError


def prepare(job: Job, ecosystem: str, project: str, mutations: list[tuple[str, str, str]]) -> Path:
    """Copy a clean project, apply the case's named bugs, and check it out as the job's first step."""
    origin = common.copy_project(ecosystem, project, job.case)
    for path, old, new in mutations:
        mutate(origin, path, old, new)
    return job.checkout(origin, WORK / job.case)
