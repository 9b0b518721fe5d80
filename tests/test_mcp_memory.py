"""--memory-file: the knowledge graph tokenopt merges into the MCP memory server's JSON-lines file.

The writer's merge rules are tested on their own; then the real ``@modelcontextprotocol/server-memory``
(installed by ``npm ci --prefix tests/mcp``) reads what real CLI runs wrote, over MCP on stdio.
"""
from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support import FIXTURES, ROOT

from tokenopt import index as index_store
from tokenopt import mcp_memory, state
from tokenopt.cli import main
from tokenopt.errors import StateError
from tokenopt.fingerprint import pattern_key
from tokenopt.model import Event, Pattern, Priority

PYTEST_LOG = FIXTURES / "pytest" / "failures.log"
SERVER_PACKAGE = ROOT / "tests" / "mcp" / "node_modules" / "@modelcontextprotocol" / "server-memory"
INSTALL = "npm ci --prefix tests/mcp --no-audit --no-fund"
FOREIGN = [b'{"type":"entity","name":"Alice","entityType":"person","observations":["Prefers short CI digests"]}',
           b'{"type": "relation", "from": "Alice", "to": "tokenopt-action", "relationType": "maintains", "x": 1}']


def pattern(message: str, priority: Priority = Priority.CRITICAL, location: str = "src/shop/cart.py:12",
            test: str = "tests/test_cart.py::test_total", count: int = 1) -> Pattern:
    event = Event(priority, "failed_test", message, "job.log", 1, location=location, test_id=test,
                  test_label=f"FAILED {test}" if test else "")
    event.key = pattern_key(event)
    return Pattern(event.key, event, count)


def recorded(*patterns: Pattern, index: index_store.Index | None = None,
             now: str = "2026-11-01T10:00:00Z") -> index_store.Index:
    index = index or index_store.Index()
    index.record(list(patterns), now=now, summaries=True)
    return index


def records(content: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in content.splitlines() if line.strip()]


def by_name(content: bytes) -> dict[str, dict[str, Any]]:
    return {r["name"]: r for r in records(content) if r["type"] == "entity"}


# The writer on its own


def test_one_entity_per_failure_pointing_at_its_test_and_file():
    index = recorded(pattern("AssertionError: total is 59.30"), pattern("3 failed, 25 passed", Priority.HIGH, "", ""),
                     pattern("DeprecationWarning: from_float()", Priority.MEDIUM, "src/shop/money.py:4", ""))
    content, bad = mcp_memory.merge(b"", index)
    entities = by_name(content)
    failure = next(e for n, e in entities.items() if n.startswith("tokenopt:") and "59.30" in str(e))
    assert bad == 0 and len([n for n in entities if n.startswith("tokenopt:")]) == 2  # no entity for the warning
    assert failure["entityType"] == "ci-error-pattern"
    assert failure["observations"][0].startswith("Summary: failed test at src/shop/cart.py:12: ")
    assert "Occurrences: seen in 1 run, 1 time in total" in failure["observations"]
    assert {"First seen: 2026-11-01T10:00:00Z", "Last seen: 2026-11-01T10:00:00Z", "Error kind: failed_test",
            "Example location: src/shop/cart.py:12", "Priority: critical"} <= set(failure["observations"])
    assert entities["test:tests/test_cart.py::test_total"]["entityType"] == "test"  # the "FAILED " word is gone
    assert entities["file:src/shop/cart.py"]["entityType"] == "source-file"
    relations = [r for r in records(content) if r["type"] == "relation"]
    assert {(r["to"], r["relationType"]) for r in relations if r["from"] == failure["name"]} == {
        ("test:tests/test_cart.py::test_total", "occurs_in"), ("file:src/shop/cart.py", "occurs_in")}


def test_others_lines_are_kept_byte_for_byte_and_in_order_even_malformed_ones():
    odd = [FOREIGN[0], b'{ "type" : "entity", "name": "Caf\xc3\xa9", "entityType": "place", "observations": [] }\r',
           b"this line is not JSON {", b"[1, 2, 3]", b'{"type":"entity","name":"tokenopt","entityType":"tool"}',
           b"\xff\xfe not even UTF-8", FOREIGN[1]]
    content, bad = mcp_memory.merge(b"\n".join(odd[:3]) + b"\n\n  \n" + b"\n".join(odd[3:]), recorded(pattern("boom")))
    lines = content.split(b"\n")
    assert bad == 2
    assert lines[:len(odd)] == odd  # blank lines dropped, everything else exactly where it was
    assert content.endswith(b"\n") and len(by_name(content[content.index(odd[-1]):])) == 3


def test_a_second_run_replaces_its_observations_instead_of_appending():
    index = recorded(pattern("boom", count=2))
    first, _ = mcp_memory.merge(b"\n".join(FOREIGN), index)
    recorded(pattern("boom", count=3), index=index, now="2026-11-02T10:00:00Z")
    second, _ = mcp_memory.merge(first, index)
    assert mcp_memory.merge(second, index)[0] == second  # the same index writes the same bytes
    assert len(second.splitlines()) == len(first.splitlines())
    entity = next(e for n, e in by_name(second).items() if n.startswith("tokenopt:"))
    occurrences = [o for o in entity["observations"] if o.startswith("Occurrences")]
    assert occurrences == ["Occurrences: seen in 2 runs, 5 times in total"]
    assert "Last seen: 2026-11-02T10:00:00Z" in entity["observations"]
    assert second.startswith(b"\n".join(FOREIGN) + b"\n")


def test_notes_others_added_to_tokenopt_entities_stay_and_survive_the_pattern():
    index = recorded(pattern("boom"), pattern("bang", location="src/b.py:1", test=""))
    content, _ = mcp_memory.merge(b"", index)
    names = sorted(n for n in by_name(content) if n.startswith("tokenopt:"))
    noted = [json.loads(line) for line in content.splitlines()]
    for record in noted:
        if record.get("name") in names:
            record["observations"].append(f"Note: ticket for {record['name']}")
    content = b"\n".join(json.dumps(r).encode() for r in noted)
    again, _ = mcp_memory.merge(content, index)
    assert all(f"Note: ticket for {n}" in by_name(again)[n]["observations"] for n in names)
    index.entries.clear()  # both patterns left the index: the annotated entities stay as they were
    emptied, _ = mcp_memory.merge(again, index)
    assert sorted(n for n in by_name(emptied) if n.startswith("tokenopt:")) == names
    assert by_name(emptied) == by_name(again)  # another index's patterns: kept as they are, relations too


def test_a_second_index_keeps_the_first_ones_entities():
    first = recorded(pattern("boom"), pattern("bang", location="src/b.py:1", test=""))
    second = recorded(pattern("crash in parser", location="src/parse.py:9", test="tests/test_p.py::test_p"))
    content, _ = mcp_memory.merge(mcp_memory.merge(b"", first)[0], second)
    ours = sorted(n for n in by_name(content) if n.startswith("tokenopt:"))
    assert len(ours) == 3  # the first index's two stay beside the second's one
    relations = {(r["from"], r["to"]) for r in records(content) if r["type"] == "relation"}
    assert len(relations) == 5 and all(to in by_name(content) for _, to in relations)


def test_shared_entities_are_added_once_never_edited_and_tokenopts_leftovers_go():
    theirs = b'{"type":"entity","name":"file:src/shop/cart.py","entityType":"module","observations":["Owned by Bo"]}'
    index = recorded(pattern("boom", location="src/old.py:1"))
    content, _ = mcp_memory.merge(theirs + b"\n", index)
    assert content.startswith(theirs + b"\n") and "file:src/old.py" in by_name(content)
    recorded(pattern("boom", location="src/new.py:2"), index=index, now="2026-11-02T10:00:00Z")
    content, _ = mcp_memory.merge(content, index)
    entities = by_name(content)
    assert "file:src/old.py" not in entities and "file:src/new.py" in entities  # tokenopt's own leftover went
    assert "file:src/shop/cart.py" in entities  # someone else's, though nothing points at it
    assert list(entities).count("test:tests/test_cart.py::test_total") == 1


def test_write_creates_the_file_and_keeps_its_permissions(tmp_path: Path):
    path = tmp_path / "graph" / "memory.jsonl"
    assert mcp_memory.write(recorded(pattern("boom")), path) == []
    path.chmod(0o640)
    path.write_bytes(b"broken {\n" + path.read_bytes())
    warnings = mcp_memory.write(recorded(pattern("boom")), path)
    assert len(warnings) == 1 and "1 line(s) are not JSON" in warnings[0]
    assert path.stat().st_mode & 0o777 == 0o640 and path.read_bytes().startswith(b"broken {\n")
    assert [p.name for p in path.parent.iterdir()] == ["memory.jsonl"]


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_a_failed_write_leaves_the_file_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str):
    path = tmp_path / "memory.jsonl"
    path.write_bytes(b"\n".join(FOREIGN))

    def fail(*args: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(state.os, failing, fail)
    with pytest.raises(StateError, match="cannot write memory file"):
        mcp_memory.write(recorded(pattern("boom")), path)
    assert path.read_bytes() == b"\n".join(FOREIGN)
    assert [p.name for p in tmp_path.iterdir()] == ["memory.jsonl"]  # no temp file left behind


def test_a_memory_file_that_is_not_a_regular_file_is_a_state_error(tmp_path: Path):
    with pytest.raises(StateError, match="not a regular file"):
        mcp_memory.write(recorded(pattern("boom")), tmp_path)


def test_the_cli_writes_the_graph_only_when_a_memory_file_is_given(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]):
    memory, index = tmp_path / "memory.jsonl", tmp_path / "index.json"
    base = ["--log-file", str(PYTEST_LOG), "--index", str(index), "--out", "-"]
    assert main([*base, "--store-memory"]) == 0 and not memory.exists() and index.exists()
    memory.write_text("not json\n")
    assert main([*base, "--memory-file", str(memory)]) == 0
    assert "memory server cannot load the file" in capsys.readouterr().err
    # one entity per failure; the run's result line ("3 failed, 25 passed") is not an error pattern
    assert len([n for n in by_name(memory.read_bytes()[9:]) if n.startswith("tokenopt:")]) == 3


# The real memory server reading what tokenopt wrote


class McpClient:
    """Just enough of an MCP client: JSON-RPC messages, one per line, over the server's stdin and stdout."""

    def __init__(self, server: Path, memory_file: Path, log: Path) -> None:
        self.log = log.open("wb")
        self.process = subprocess.Popen(["node", str(server)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=self.log, env={**os.environ, "MEMORY_FILE_PATH": str(memory_file)})
        self.lines: queue.Queue[bytes] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()
        self.last_id = 0

    def _pump(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)
        self.lines.put(b"")  # the server went away

    def send(self, message: dict[str, Any]) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps({"jsonrpc": "2.0", **message}).encode() + b"\n")
        self.process.stdin.flush()

    def request(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        self.last_id += 1
        self.send({"id": self.last_id, "method": method, "params": params})
        while True:
            line = self.lines.get(timeout=30)
            assert line, f"the memory server exited: {self.process.wait()}"
            message = json.loads(line)
            if message.get("id") == self.last_id:
                assert "error" not in message, message["error"]
                result: dict[str, Any] = message["result"]
                return result

    def call(self, tool: str, **arguments: Any) -> dict[str, Any]:
        result = self.request("tools/call", {"name": tool, "arguments": arguments})
        assert not result.get("isError"), result["content"]
        structured: dict[str, Any] = result.get("structuredContent") or json.loads(result["content"][0]["text"])
        return structured

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()  # end of input is how a stdio server is told to stop
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


@pytest.fixture(scope="module")
def server() -> Path:
    if shutil.which("node") is None:
        pytest.skip(f"node is not installed: install Node.js 20 or newer, then run {INSTALL}")
    try:
        manifest = json.loads((SERVER_PACKAGE / "package.json").read_text())
    except FileNotFoundError:
        pytest.skip(f"@modelcontextprotocol/server-memory is not installed: run {INSTALL}")
    return SERVER_PACKAGE / manifest["bin"]["mcp-server-memory"]


@pytest.fixture
def connect(server: Path, tmp_path: Path) -> Iterator[Any]:
    clients: list[McpClient] = []

    def start(memory_file: Path) -> McpClient:
        client = McpClient(server, memory_file, tmp_path / f"server-{len(clients)}.log")
        clients.append(client)
        hello = client.request("initialize", {"protocolVersion": "2025-06-18", "capabilities": {},
                                              "clientInfo": {"name": "tokenopt-tests", "version": "1"}})
        assert hello["serverInfo"]["name"] == "memory-server" and "tools" in hello["capabilities"]
        client.send({"method": "notifications/initialized"})
        return client

    yield start
    for client in clients:
        client.close()


def run_tokenopt(memory: Path, index: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "tokenopt", "--log-file", str(PYTEST_LOG), "--store-memory",
                           "--memory-file", str(memory), "--index", str(index), "--out", "-"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "tokenopt: warning" not in done.stderr


def ours(graph: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["name"]: e for e in graph["entities"] if e["name"].startswith("tokenopt:")}


def test_the_server_reads_the_graph_a_tokenopt_run_wrote(connect: Any, tmp_path: Path):
    memory = tmp_path / "memory.jsonl"
    run_tokenopt(memory, tmp_path / "index.json")
    client = connect(memory)
    graph = client.call("read_graph")
    patterns = ours(graph)
    assert len(patterns) == 3 and {e["entityType"] for e in patterns.values()} == {"ci-error-pattern"}
    keyerror = next(e for e in patterns.values() if "KeyError: 'AB100'" in e["observations"][0])
    assert {"Occurrences: seen in 1 run, 1 time in total", "Example location: invoicing/catalog.py:23",
            "Error kind: failed_test", "Priority: critical"} <= set(keyerror["observations"])
    test = "test:tests/test_invoice.py::test_invoice_with_dashed_sku"
    occurs = {(r["from"], r["to"]) for r in graph["relations"] if r["relationType"] == "occurs_in"}
    assert {(keyerror["name"], test), (keyerror["name"], "file:invoicing/catalog.py")} <= occurs
    found = client.call("search_nodes", query="tests/test_invoice.py::test_invoice_with_dashed_sku")
    assert {e["name"] for e in found["entities"]} == {test, keyerror["name"]}
    assert {"from": keyerror["name"], "to": test, "relationType": "occurs_in"} in found["relations"]


def test_foreign_memories_survive_two_runs_and_counts_update_in_place(connect: Any, tmp_path: Path):
    memory, index = tmp_path / "memory.jsonl", tmp_path / "index.json"
    memory.write_bytes(b"\n".join(FOREIGN) + b"\n")
    run_tokenopt(memory, index)
    first = connect(memory).call("read_graph")
    run_tokenopt(memory, index)
    assert memory.read_bytes().startswith(b"\n".join(FOREIGN) + b"\n")
    second = connect(memory).call("read_graph")
    assert {"name": "Alice", "entityType": "person", "observations": ["Prefers short CI digests"]} in second["entities"]
    assert {"from": "Alice", "to": "tokenopt-action", "relationType": "maintains"} in second["relations"]
    names = [e["name"] for e in second["entities"]]
    assert len(names) == len(set(names)) == len(first["entities"])
    assert len(second["relations"]) == len(first["relations"])
    for entity in ours(second).values():
        counts = [o for o in entity["observations"] if o.startswith("Occurrences")]
        assert counts == ["Occurrences: seen in 2 runs, 2 times in total"]


def test_what_the_server_adds_survives_the_next_run(connect: Any, tmp_path: Path):
    memory, index = tmp_path / "memory.jsonl", tmp_path / "index.json"
    memory.write_bytes(FOREIGN[0] + b"\n")
    run_tokenopt(memory, index)
    client = connect(memory)
    pattern_name = sorted(ours(client.call("read_graph")))[0]
    added = client.call("add_observations", observations=[
        {"entityName": "Alice", "contents": ["Asked for the flaky-test report"]},
        {"entityName": pattern_name, "contents": ["Tracked in issue 42"]}])
    assert [r["addedObservations"] for r in added["results"]] == [["Asked for the flaky-test report"],
                                                                   ["Tracked in issue 42"]]
    client.call("create_relations", relations=[{"from": "Alice", "to": pattern_name, "relationType": "triages"}])
    run_tokenopt(memory, index)
    graph = client.call("read_graph")  # the server reads the file afresh on every call
    alice = next(e for e in graph["entities"] if e["name"] == "Alice")
    assert alice["observations"] == ["Prefers short CI digests", "Asked for the flaky-test report"]
    noted = ours(graph)[pattern_name]["observations"]
    assert "Tracked in issue 42" in noted and "Occurrences: seen in 2 runs, 2 times in total" in noted
    assert {"from": "Alice", "to": pattern_name, "relationType": "triages"} in graph["relations"]
