"""Every recognizer, in precedence order: specific families first (mypy's "error:" before the C
compiler's, vitest's FAIL before jest's), the generic keyword fallbacks last."""
from .applogs import APPLOGS
from .generic import GENERIC
from .go import GO
from .javascript import JAVASCRIPT
from .jvm import JVM
from .linters import LINTERS
from .native import NATIVE
from .python import PYTHON
from .rules import Family
from .runner import RUNNER
from .rust import RUST

FAMILIES: tuple[Family, ...] = (RUNNER, PYTHON, LINTERS, GO, RUST, JVM, JAVASCRIPT, NATIVE, APPLOGS, GENERIC)
