"""URL slugs: make them, read them back, shorten them on a word boundary."""
from __future__ import annotations

import re
import unicodedata

_FOLD = {"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe"}


def slugify(title: str) -> str:
    text = "".join(_FOLD.get(ch, ch) for ch in title.lower())
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def unslug(slug: str) -> str:
    words = slug.split("-")
    return " ".join(words).capitalize()


def truncate(slug: str, limit: int) -> str:
    if len(slug) <= limit:
        return slug
    cut = slug[: limit + 1]
    return cut[: cut.rfind("-")] if "-" in cut else slug[:limit]
