"""Offline, hash-checked encodings and the labelled estimate."""
from __future__ import annotations

import functools
import hashlib
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support import ROOT

from tokenopt.cli import main
from tokenopt.errors import EncodingUnavailableError
from tokenopt.tokens import KNOWN_ENCODINGS, SHAPES, candidate_files, load_counter, provide_encoding


def bundled_cl100k() -> Path:
    return next(p for p in candidate_files("cl100k_base") if p.is_file())


def test_counts_are_cl100k_and_special_tokens_are_plain_text(counter):
    assert counter.exact
    assert counter.encode("hello world") == [15339, 1917]  # the published cl100k_base ids
    assert counter.count("<|endoftext|>") > 1  # counted as text, never as the special token


def test_the_shapes_are_tiktokens_own(monkeypatch: pytest.MonkeyPatch):
    """The split patterns and special tokens load_counter builds with are those of tiktoken's constructors."""
    from tiktoken_ext import openai_public

    monkeypatch.setattr(openai_public, "load_tiktoken_bpe", lambda *args, **kwargs: {})  # the ranks: below
    for name in KNOWN_ENCODINGS:
        built = openai_public.ENCODING_CONSTRUCTORS[name]()
        assert (built["pat_str"], built["special_tokens"]) == SHAPES[name]


def test_the_counter_is_the_encoding_tiktoken_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, counter):
    """The ranks read in one pass are those tiktoken's own loader reads (from its cache, offline), so every
    count is the same."""
    import tiktoken
    from tiktoken_ext import openai_public

    url = KNOWN_ENCODINGS["cl100k_base"][0]
    (tmp_path / hashlib.sha1(url.encode()).hexdigest()).symlink_to(bundled_cl100k().resolve())
    monkeypatch.setenv("TIKTOKEN_CACHE_DIR", str(tmp_path))
    theirs = tiktoken.Encoding(**openai_public.cl100k_base())
    ours = counter.encoding
    assert ours._mergeable_ranks == theirs._mergeable_ranks
    assert (ours._pat_str, ours._special_tokens) == (theirs._pat_str, theirs._special_tokens)
    text = (ROOT / "bench" / "corpus" / "cases" / "py-pytest-basic" / "job.log").read_text() + "<|endoftext|> é 日本"
    assert ours.encode_ordinary(text) == theirs.encode_ordinary(text)
    assert ours.encode(text, allowed_special="all") == theirs.encode(text, allowed_special="all")


def test_a_file_with_the_wrong_hash_is_never_used(tmp_path: Path):
    bad = tmp_path / "o200k_base.tiktoken"
    shutil.copy(bundled_cl100k(), bad)  # right format, wrong content for o200k
    load_counter.cache_clear()
    with pytest.raises(EncodingUnavailableError, match="no offline copy"):
        load_counter("o200k_base", (str(tmp_path),))


def test_a_directory_copy_is_found_by_name(tmp_path: Path):
    shutil.copy(bundled_cl100k(), tmp_path / "cl100k_base.tiktoken")
    load_counter.cache_clear()
    assert load_counter("cl100k_base", (str(tmp_path),)).count("hello world") == 2


def test_unknown_encoding_and_the_labelled_estimate():
    with pytest.raises(EncodingUnavailableError, match="unknown encoding"):
        load_counter("p99k_base")
    estimate = load_counter("o200k_base", ("/nonexistent",), allow_estimate=True)
    if estimate.exact:
        pytest.skip("o200k_base is installed here")
    assert estimate.count("x" * 26) == 26  # an upper bound: a token covers at least one UTF-8 byte


def test_the_estimate_is_an_upper_bound_where_bytes_over_two_was_not(counter):
    from tokenopt.tokens import EstimateCounter

    rare = "ᚠᛇᚻ᛫ᛒᛦᚦ ꦲꦏ꧀ꦱꦫ ἀνάγκη 𓀀𓀁𓀂 \x01\x02\x03"
    assert counter.count(rare) > len(rare.encode()) / 2  # bytes / 2 under-counted these
    assert EstimateCounter("cl100k_base").count(rare) >= counter.count(rare)


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_the_estimate_is_never_below_the_exact_count(text: str):
    from tokenopt.tokens import EstimateCounter

    exact = load_counter("cl100k_base")
    assert EstimateCounter("cl100k_base").count(text) >= exact.count(text)


def test_an_estimated_budget_holds_in_real_tokens_for_rare_scripts(tmp_path: Path, counter):
    from tokenopt.optimizer import digest
    from tokenopt.processor import StreamLogProcessor
    from tokenopt.settings import Settings
    from tokenopt.tokens import EstimateCounter

    words = ["ᚠᛇᚻ᛫ᛒᛦᚦ", "ꦲꦏ꧀ꦱꦫ", "ἀνάγκη", "𓀀𓀁𓀂", "ⴰⵣⵓⵍ", "ᎣᏏᏲ", "ꓐꓳꓠ"]
    lines = [f"ERROR {words[n % 7]} {words[(n * 3) % 7]} {n} {words[(n * 5) % 7] * (1 + n % 4)}" for n in range(400)]
    (tmp_path / "rare.log").write_text("\n".join(lines) + "\n", encoding="utf-8")
    estimate = EstimateCounter("cl100k_base")
    collected = StreamLogProcessor(counter=estimate).process(str(tmp_path / "rare.log"))
    for budget in (200, 800, 3000):
        fitted = digest(collected, Settings(budget=budget, index=""), estimate)
        assert counter.count(fitted.text) <= budget, budget


@pytest.fixture
def file_server(tmp_path: Path) -> Iterator[str]:
    """Serves tmp_path/served on 127.0.0.1: a mirror of the encodings, for the download path."""
    served = tmp_path / "served"
    served.mkdir()
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(served))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as httpd:
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
        httpd.shutdown()


def test_an_encoding_is_provided_from_the_installed_copy(tmp_path: Path):
    said = provide_encoding("cl100k_base", str(tmp_path / "enc"))
    assert "from " in said and "checked" in said
    assert (tmp_path / "enc" / "cl100k_base.tiktoken").read_bytes() == bundled_cl100k().read_bytes()
    load_counter.cache_clear()
    assert load_counter("cl100k_base", (str(tmp_path / "enc"),)).count("hello world") == 2


def test_a_downloaded_encoding_is_kept_only_with_the_published_hash(tmp_path: Path, file_server: str):
    shutil.copy(bundled_cl100k(), tmp_path / "served" / "cl100k_base.tiktoken")
    (tmp_path / "served" / "o200k_base.tiktoken").write_bytes(bundled_cl100k().read_bytes())  # the wrong file
    said = provide_encoding("cl100k_base", str(tmp_path / "enc"), mirror=f"{file_server}/cl100k_base.tiktoken")
    assert said.startswith("cl100k_base: downloaded from http://127.0.0.1:")
    assert (tmp_path / "enc" / "cl100k_base.tiktoken").read_bytes() == bundled_cl100k().read_bytes()
    with pytest.raises(EncodingUnavailableError, match="does not have the published sha256"):
        provide_encoding("o200k_base", str(tmp_path / "enc"), mirror=f"{file_server}/o200k_base.tiktoken")
    with pytest.raises(EncodingUnavailableError, match="cannot download o200k_base"):
        provide_encoding("o200k_base", str(tmp_path / "enc"), mirror=f"{file_server}/missing.tiktoken")
    assert sorted(path.name for path in (tmp_path / "enc").iterdir()) == [
        "9b5ad71b2ce5302211f9c61530b329a4922fc6a4", "cl100k_base.tiktoken"]  # nothing half-written or unverified


def test_the_encodings_command_provides_files_or_says_why_not(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["encodings", str(tmp_path / "enc"), "cl100k_base"], environ={}) == 0
    assert "cl100k_base: from " in capsys.readouterr().out
    load_counter.cache_clear()
    assert load_counter("cl100k_base", (str(tmp_path / "enc"),)).exact
    refused = ((["encodings"], "needs a directory"), (["encodings", str(tmp_path), "p50k"], "unknown encoding"))
    for argv, says in refused:
        assert main(argv, environ={}) == 2
        err = capsys.readouterr().err
        assert says in err and err.count("\n") == 1
