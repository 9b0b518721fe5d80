"""A matrix in one digest: each job collects its findings into a folder (``mode: collect``, uploaded with
actions/upload-artifact), a final job merges every folder (``mode: merge``, ``python -m tokenopt merge OUT_DIR
IN_DIR...``) into the digest, summary, comment and verdict that digesting the jobs' logs together gives.

A job's folder is ``<collect-dir>/<job>/``: ``events.json`` (what the digest keeps or remembers, redacted, see
``collected``), ``digest.json`` (the job's own JSON summary) and ``index.json`` (its cross-run index, when it has
one). A folder that is missing, empty or corrupt is a note in the merged digest naming it, never a crash.
"""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import time
from pathlib import Path
from typing import Any

from . import index as index_store
from .collected import VERSION, Reader, framing_json, pattern_json, read_folder, read_framing, tallies_json
from .errors import InputError, NoInputError, StateError
from .history import Verdict
from .memory import Memory
from .model import Collected, Line, Priority
from .optimizer import Result, finish, processor_for
from .origins import Origin, place
from .output import summary_json, write_atomic
from .processor import Part
from .settings import Settings
from .tokens import load_counter
from .volume import Volume

EVENTS, DIGEST, INDEX = "events.json", "digest.json", "index.json"
MAX_EVENTS_BYTES = 256 * 1024 * 1024  # a collected file is a digest's worth of patterns: far below this
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def folder_name(job: str) -> str:
    """A job's folder: its name in safe characters and a hash of it, so two names never share a folder."""
    safe = _UNSAFE.sub("-", job).strip("-.")[:60] or "job"
    return f"{safe}-{hashlib.sha1(job.encode()).hexdigest()[:8]}"


def collect(result: Result, directory: str | Path, job: str) -> Path:
    """Write the job's findings to ``directory/<job>/``; its inputs are named after the job in the merged digest."""
    collected, settings = result.collected, result.settings
    target = Path(directory) / folder_name(job)
    labels = collected.labels
    unique = len(set(labels.values())) == len(labels)
    names = {source: job if len(collected.sources) == 1 else f"{job}: {labels[source] if unique else source}"
             for source in collected.sources}

    def rename(source: str) -> str:
        return names.get(source, f"{job}: {source}")

    payload = {
        "version": VERSION, "job": job, "profile": collected.profile, "sources": [rename(s) for s in collected.sources],
        "input_bytes": collected.input_bytes, "input_lines": collected.input_lines,
        "input_chars": collected.input_chars, "input_tokens": collected.input_tokens,
        "input_tokens_exact": collected.input_tokens_exact, "notes": collected.notes,
        "unread": [rename(s) for s in collected.unread], "fixed": result.memory.fixed,
        "tallies": tallies_json(collected.tallies),
        "patterns": [pattern_json(pattern, rename) for pattern in collected.patterns],
        "framings": [framing_json(framing, rename) for framing in collected.framings],
        "whole": None if collected.whole is None else [[rename(line.source), line.number, line.text]
                                                        for line in collected.whole],
    }
    write_atomic(target / EVENTS, json.dumps(payload, ensure_ascii=False) + "\n")
    write_atomic(target / DIGEST, summary_json(result))
    if settings.index and Path(settings.index).is_file():
        shutil.copyfile(settings.index, target / INDEX)
    return target


def job_folders(inputs: list[str]) -> tuple[list[Path], list[str]]:
    """The collected jobs' folders in ``inputs`` (a job's folder, or a folder of them, or of artifacts holding
    them), and a note for each input or artifact folder that holds none."""
    found: list[Path] = []
    notes: list[str] = []
    for name in inputs:
        path = Path(name)
        if not path.is_dir():
            notes.append(f"{name}: no such folder, so no collected job from it (was its artifact uploaded?)")
            continue
        if (path / EVENTS).exists():
            found.append(path)
            continue
        children = sorted(child for child in path.iterdir() if child.is_dir())
        for child in children:
            jobs = [child] if (child / EVENTS).exists() else sorted(
                grand for grand in child.iterdir() if grand.is_dir() and (grand / EVENTS).exists())
            found += jobs
            if not jobs:
                notes.append(f"{child}: no collected job in it ({EVENTS} is missing)")
        if not children:
            notes.append(f"{name}: no collected job in it ({EVENTS} is missing)")
    return found, notes


class Job:
    """One collected job read back: its part of the merged digest, its profile, what its memory found fixed."""

    def __init__(self, folder: Path) -> None:
        path = folder / EVENTS
        read = Reader(str(path))
        try:
            if path.stat().st_size > MAX_EVENTS_BYTES:
                raise read.fail(f"larger than {MAX_EVENTS_BYTES // 1024 // 1024} MiB")
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as error:
            raise read.fail(f"not a collected job's JSON ({error})") from None
        if read.get(data, "version", int) != VERSION:
            raise read.fail(f"version {data['version']}, this tokenopt reads version {VERSION}")
        self.folder, self.name = folder, read.get(data, "job", str)
        self.profile, self.sources = read.get(data, "profile", str), read.texts(data, "sources")
        self.fixed = read.texts(data, "fixed")
        volume = Volume(lines=read.number(data, "input_lines"), chars=read.number(data, "input_chars"),
                        exact=read.get(data, "input_tokens_exact", bool))
        volume.estimated = read.number(data, "input_tokens")
        self.part = Part(self.name, read_folder(data, read), [read_framing(f, read) for f in
                                                               read.get(data, "framings", list)],
                         volume, read.texts(data, "notes"), read.number(data, "input_bytes"), _whole(data, read), [],
                         read.texts(data, "unread"))


def _whole(data: Any, read: Reader) -> list[Line] | None:
    rows = read.get(data, "whole", (list, type(None)))
    if rows is None:
        return None
    if not all(isinstance(r, list) and len(r) == 3 and isinstance(r[0], str) and type(r[1]) is int
               and isinstance(r[2], str) for r in rows):
        raise read.fail("'whole' is not a list of [source, line, text]")
    return [Line(source, number, text) for source, number, text in rows]


def merge(settings: Settings, inputs: list[str], index_out: str = "") -> Result:
    """The digest of every collected job in ``inputs``, as if their logs had been digested together; the jobs'
    indexes merged into ``index_out`` (or ``settings.index``) when they have any."""
    started = time.perf_counter()
    folders, notes = job_folders(inputs)
    jobs: list[Job] = []
    for folder in folders:
        try:
            jobs.append(Job(folder))
        except InputError as error:
            notes.append(error.one_line())
    if not jobs:
        why = f": {notes[0]}" if notes else ""
        raise NoInputError(f"no collected job could be read in {', '.join(inputs)}{why}",
                           "give the folders mode: collect wrote (after actions/download-artifact)")
    counter = load_counter(settings.encoding, settings.encoding_dir, settings.allow_estimate)
    processor = processor_for(settings, counter, jobs[0].profile if settings.profile == "auto" else "")
    collected: Collected = processor.combine([s for job in jobs for s in job.sources], [job.part for job in jobs])
    collected.notes[:0] = notes
    place(collected, {source: Origin(source) for source in collected.sources})
    collected.notes += _merge_indexes(jobs, index_out or settings.index)
    return finish(settings.merged({"index": ""}), collected, counter, started, _memory(jobs, collected),
                  {"merged": [job.name for job in jobs]})


def _memory(jobs: list[Job], collected: Collected) -> Memory:
    """What the jobs' histories said, each job judged against its own runs: the failures' verdicts (a failure on
    several jobs takes its first job's) and what was fixed; nothing more is remembered by the merge."""
    fixed = list(dict.fromkeys(text for job in jobs for text in job.fixed))
    verdicts = {p.id: Verdict(p.id, p.verdict, p.first_seen, p.runs_seen, 0, 0, 0, bool(p.new), p.regression)
                for p in collected.patterns if p.priority == Priority.CRITICAL and p.verdict and p.id}
    return Memory(fixed=fixed, fixed_count=len(fixed), verdicts=verdicts)


def _merge_indexes(jobs: list[Job], out: str) -> list[str]:
    """The jobs' cross-run indexes as one, for the final job to cache; a problem is a note."""
    paths = [job.folder / INDEX for job in jobs if (job.folder / INDEX).is_file()]
    if not out or not paths:
        return []
    try:
        index_store.save(index_store.merge([index_store.load(path, move_aside=False) for path in paths]), out)
    except StateError as error:
        return [error.one_line()]
    return []
