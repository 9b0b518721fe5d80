"""Build the fact-recall corpus: python bench/corpus/generate.py [ecosystem ...] (default: all)."""
from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

ECOSYSTEMS = ["python", "js", "rust", "go", "jvm", "c", "tap", "php", "ruby", "erlang", "node", "gradle", "maven",
              "cpp", "web", "more"]


def main(argv: list[str]) -> int:
    chosen = argv or ECOSYSTEMS
    for name in chosen:
        start = time.monotonic()
        print(f"== {name}")
        importlib.import_module(f"gen.{name}_cases").main()
        print(f"   ({time.monotonic() - start:.0f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
