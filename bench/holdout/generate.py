"""Build the held-out set: python bench/holdout/generate.py [group ...] (default: all).

HOLDOUT_ONLY is not needed: CORPUS_ONLY=fn1,fn2 runs single generator functions, as in bench/corpus."""
from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

GROUPS = ["elixir", "lua", "r", "perl", "haskell", "ocaml", "native", "pytools", "web", "lint"]


def main(argv: list[str]) -> int:
    for name in argv or GROUPS:
        start = time.monotonic()
        print(f"== {name}")
        importlib.import_module(f"hgen.{name}_cases").main()
        print(f"   ({time.monotonic() - start:.0f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
