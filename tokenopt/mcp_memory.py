"""The index's failure patterns as a knowledge graph for the MCP memory server (``--memory-file``).

The server (``@modelcontextprotocol/server-memory``) keeps its graph in a JSON-lines file: one object per
line, ``"type": "entity"`` or ``"type": "relation"``. That file is shared with the server itself and with
every assistant or tool talking to it, so tokenopt rewrites only what it owns — entities named
``tokenopt:<id>`` and the ``occurs_in`` relations leaving them — and keeps every other line exactly as it
found it, malformed ones included. The ``test:`` and ``file:`` entities those relations point at are
shared names: tokenopt adds them when missing and never edits one that exists.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from . import state
from .errors import StateError
from .formats import bare_test_id
from .index import Entry, Index
from .model import RESULT_KINDS

PREFIX = "tokenopt:"
PATTERN_TYPE = "ci-error-pattern"
RELATION = "occurs_in"
PRIORITIES = ("critical", "high")  # what an assistant should know about; warnings would bury it
# Every observation tokenopt writes starts with one of these labels: on its own entities, an observation
# with another start was added by someone else (an assistant, a person) and is kept across runs.
LABELS = ("Summary", "Example", "Occurrences", "First seen", "Last seen", "Example location", "Error kind",
          "Priority")
TEST_NOTE = "A test that tokenopt saw failing in CI"
FILE_NOTE = "A file where tokenopt found CI errors"
_LINE_SUFFIX = re.compile(r"(?::\d+){1,2}$")

Record = dict[str, Any]


def write(index: Index, path: str | Path) -> list[str]:
    """Merge the index's patterns into the memory file at ``path`` and replace it atomically, under the lock
    every tokenopt writer takes; return warnings about the file for the user (lines kept that the server
    cannot read). Through a symlink, the file it names is updated and the link stays."""
    real = state.regular_file(path, "memory file")
    with state.locked(real, "memory file"):
        try:
            existing = real.read_bytes()
        except FileNotFoundError:
            existing = b""
        except OSError as error:
            raise StateError(f"cannot read memory file {real}: {error.strerror}",
                             "check the --memory-file path and its permissions") from None
        content, bad = merge(existing, index)
        state.replace(real, content, "memory file")  # keeps the file's mode: the server and others read it
    if not bad:
        return []
    return [f"memory file {real}: {bad} line(s) are not JSON; kept as they were, but the memory server "
            "cannot load the file until they are fixed"]


def merge(existing: bytes, index: Index) -> tuple[bytes, int]:
    """The new file content, and how many lines of ``existing`` are not JSON (kept as they are). Patterns of
    ``index`` are written anew; tokenopt's entities of patterns this index does not hold (another job's index,
    another repository's) stay as they are, with their relations."""
    kept, owned, owned_relations = _split(existing)
    entities, relations = graph(index)
    for entity in entities:
        _, notes = owned.pop(entity["name"], (b"", []))
        owned_relations.pop(entity["name"], None)
        entity["observations"] += [note for note in notes if note not in entity["observations"]]
    leftovers = [raw for raw, _ in owned.values()] + [raw for raws in owned_relations.values() for raw, _ in raws]
    needed = {relation["to"] for relation in relations} | {
        obj["to"] for raws in owned_relations.values() for _, obj in raws if isinstance(obj.get("to"), str)}
    present = {obj["name"] for _, obj in kept if obj is not None and _is_entity(obj)}
    referenced = needed | {obj.get(end) for _, obj in kept if obj is not None and _is_relation(obj)
                           for end in ("from", "to")}
    # A shared entity exactly as tokenopt made it that nothing points at any more is tokenopt's leftover.
    lines = [raw for raw, obj in kept if obj is None or obj.get("name") in referenced or not _made_here(obj)]
    support = [_support(name) for name in sorted(needed - present)]
    lines += leftovers + [_dump(record) for record in [*entities, *support, *relations]]
    return b"".join(line + b"\n" for line in lines), sum(1 for _, obj in kept if obj is None)


def graph(index: Index) -> tuple[list[Record], list[Record]]:
    """tokenopt's own entities and relations for the patterns of ``index``, in a stable order."""
    entries = sorted((e for e in index.entries.values() if e.priority in PRIORITIES and e.kind not in RESULT_KINDS),
                     key=lambda e: (e.first_seen, e.id))
    entities: list[Record] = []
    relations: list[Record] = []
    for entry in entries:
        name = PREFIX + entry.id
        entities.append({"type": "entity", "name": name, "entityType": PATTERN_TYPE,
                         "observations": observations(entry)})
        targets = [f"test:{test}" for test in [bare_test_id(entry.test_id).strip()] if test]
        targets += [f"file:{file}" for file in [_LINE_SUFFIX.sub("", entry.location)] if file]
        relations += [{"type": "relation", "from": name, "to": to, "relationType": RELATION} for to in targets]
    return entities, relations


def observations(entry: Entry) -> list[str]:
    """What the graph says about one pattern; each run replaces these (labelled, see ``LABELS``)."""
    runs, total = entry.runs_seen, entry.total_count
    found = [f"Summary: {entry.summary}" if entry.summary else f"Example: {entry.example[:300]}",
             f"Occurrences: seen in {runs} run{'s' * (runs != 1)}, {total} time{'s' * (total != 1)} in total",
             f"First seen: {entry.first_seen}", f"Last seen: {entry.last_seen}"]
    if entry.location:
        found.append(f"Example location: {entry.location}")
    return found + [f"Error kind: {entry.kind}", f"Priority: {entry.priority}"]


def _split(existing: bytes) -> tuple[list[tuple[bytes, Record | None]], dict[str, tuple[bytes, list[str]]],
                                      dict[str, list[tuple[bytes, Record]]]]:
    """Others' lines in file order (raw, and parsed or None when not JSON), tokenopt's own entities by name (raw,
    and the observations others added to them) and tokenopt's own relations by the entity they leave."""
    kept: list[tuple[bytes, Record | None]] = []
    owned: dict[str, tuple[bytes, list[str]]] = {}
    owned_relations: dict[str, list[tuple[bytes, Record]]] = {}
    for raw in existing.split(b"\n"):
        if not raw.strip():
            continue  # the server skips blank lines as well: they carry nothing
        try:
            obj = json.loads(raw)
        except ValueError:
            kept.append((raw, None))
            continue
        if not isinstance(obj, dict):
            kept.append((raw, {}))
        elif _is_relation(obj) and obj.get("relationType") == RELATION and _owned(obj.get("from")):
            owned_relations.setdefault(obj["from"], []).append((raw, obj))
        elif _is_entity(obj) and _owned(obj["name"]):
            first, notes = owned.get(obj["name"], (raw, []))
            found = obj.get("observations")
            notes += [o for o in found if isinstance(o, str) and not _labelled(o)] if isinstance(found, list) else []
            owned[obj["name"]] = (first, notes)
        else:
            kept.append((raw, obj))
    return kept, owned, owned_relations


def _is_entity(obj: Record) -> bool:
    return obj.get("type") == "entity" and isinstance(obj.get("name"), str)


def _is_relation(obj: Record) -> bool:
    return obj.get("type") == "relation"


def _owned(name: Any) -> bool:
    return isinstance(name, str) and name.startswith(PREFIX)


def _labelled(observation: str) -> bool:
    return observation.startswith(tuple(f"{label}: " for label in LABELS))


def _support(name: str) -> Record:
    """The shared entity a relation points at: a test or a file, with one line saying where it came from."""
    is_test = name.startswith("test:")
    return {"type": "entity", "name": name, "entityType": "test" if is_test else "source-file",
            "observations": [TEST_NOTE if is_test else FILE_NOTE]}


def _made_here(obj: Record) -> bool:
    name = obj.get("name")
    return isinstance(name, str) and name.startswith(("test:", "file:")) and obj == _support(name)


def _dump(record: Record) -> bytes:
    # Compact and in the server's own key order, so a round trip through the server changes no byte.
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
