"""Reading the JUnit XML that busted, testthat, behave, meson and OUnit write: failing cases and counts."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Failure:
    index: int  # 1-based position of the testcase in run order
    name: str
    classname: str
    tag: str  # failure or error
    message: str
    text: str


def failures(xml: Path | str) -> tuple[list[Failure], int]:
    """Every failed or errored testcase, and the number of testcases in all."""
    root = ET.parse(xml).getroot() if isinstance(xml, Path) else ET.fromstring(xml)
    found, total = [], 0
    for index, case in enumerate(root.iter("testcase"), start=1):
        total += 1
        problem = case.find("failure")
        if problem is None:
            problem = case.find("error")
        if problem is None:
            continue
        found.append(
            Failure(
                index,
                case.get("name", ""),
                case.get("classname", ""),
                problem.tag,
                problem.get("message", ""),
                problem.text or "",
            )
        )
    return found, total
