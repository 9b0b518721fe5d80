"""Every recognizer, in precedence order: specific families first (mypy's "error:" before the C
compiler's, vitest's FAIL before jest's). What none of them claims goes to the generic failure finder
(``tokenopt.finder``); CI framings are the step tracker's (``tokenopt.steps``)."""
from .applogs import APPLOGS
from .erlang import ERLANG
from .go import GO
from .javascript import JAVASCRIPT
from .jvm import JVM
from .linters import LINTERS
from .native import NATIVE
from .python import PYTHON
from .rules import Family
from .rust import RUST
from .tap import TAP
from .xunit import XUNIT

FAMILIES: tuple[Family, ...] = (XUNIT, PYTHON, LINTERS, GO, RUST, JVM, TAP, JAVASCRIPT, NATIVE, ERLANG, APPLOGS)


def without(names: tuple[str, ...]) -> tuple[Family, ...]:
    """The families except those named (``all`` names every one: the generic finder alone)."""
    unknown = set(names) - {f.name for f in FAMILIES} - {"all"}
    if unknown:
        raise ValueError(f"unknown recognizer family: {', '.join(sorted(unknown))}")
    return () if "all" in names else tuple(f for f in FAMILIES if f.name not in names)
