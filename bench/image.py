"""The action's image: its size, and the time from `docker run` to the step's exit on a small log, the way the
runner runs the action (tests/container/build.sh run: workspace, file commands, INPUT_* variables, no
network), against the same entry point run without a container.

    python bench/image.py [--runs 5]

Needs the image: `bash tests/container/build.sh build` (or a run of the container tests), and root for podman.
A job that pulls the published image also pays the pull, which this machine (no registry) cannot measure: the
image's size is its measure.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "tests" / "container" / "build.sh"
SMALL_LOG = ROOT / "tests" / "fixtures" / "logs" / "pytest" / "failures.log"  # a real pytest run, 3 failures
INPUTS = {"log-files": "test_output.log", "fail-on": "never", "index-path": "", "summary": "always"}


def job_folder(base: Path, number: int) -> Path:
    job = base / f"job-{number}"
    (job / "workspace").mkdir(parents=True)
    for name in ("output", "step_summary"):
        (job / "file_commands").mkdir(exist_ok=True)
        (job / "file_commands" / name).touch()
    shutil.copy(SMALL_LOG, job / "workspace" / "test_output.log")
    return job


def in_container(job: Path) -> None:
    subprocess.run(["bash", str(BUILD), "run", str(job), *(f"{k}={v}" for k, v in INPUTS.items())], check=True,
                   capture_output=True, timeout=600)


def without_container(job: Path) -> None:
    env = {"PATH": os.environ["PATH"], "GITHUB_WORKSPACE": str(job / "workspace"),
           "GITHUB_OUTPUT": str(job / "file_commands" / "output"),
           "GITHUB_STEP_SUMMARY": str(job / "file_commands" / "step_summary"),
           **{f"INPUT_{name.upper()}": value for name, value in INPUTS.items()}}
    subprocess.run([sys.executable, str(ROOT / "entrypoint.py")], env=env, check=True, capture_output=True,
                   timeout=600)


def timed(run: Callable[[Path], None], base: Path, runs: int, start: int) -> list[float]:
    seconds = []
    for number in range(start, start + runs):
        job = job_folder(base, number)
        began = time.perf_counter()
        run(job)
        seconds.append(time.perf_counter() - began)
        if not (job / "workspace" / "tokenopt-digest.md").is_file():
            raise SystemExit(f"no digest written in {job}")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    size = subprocess.run(["bash", str(BUILD), "size"], capture_output=True, text=True, check=False)
    if size.returncode != 0:
        print(f"no image: run `bash {BUILD.relative_to(ROOT)} build` first\n{size.stderr}", file=sys.stderr)
        return 2
    print(f"image size: {int(size.stdout) / 1e6:.1f} MB ({int(size.stdout):,} bytes, uncompressed)")
    print(f"small log: {SMALL_LOG.relative_to(ROOT)} ({SMALL_LOG.stat().st_size:,} bytes)")
    with tempfile.TemporaryDirectory(prefix="tokenopt-bench-image-") as base:
        timed(in_container, Path(base), 1, 0)  # a first run warms the page cache; not counted
        for label, run, start in (("container (podman run, the runner's way)", in_container, 1),
                                  ("same entry point, no container", without_container, 100)):
            seconds = timed(run, Path(base), args.runs, start)
            print(f"{label}: median {statistics.median(seconds):.2f} s, min {min(seconds):.2f} s, "
                  f"max {max(seconds):.2f} s over {args.runs} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
