#!/usr/bin/env bash
# Regenerate the fact-recall corpus: every case is rebuilt by running the real tools on a mutated copy
# of a project under projects/. Usage: bash bench/corpus/generate.sh [python js rust go jvm c]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# the JS project's dependencies (jest, typescript, eslint) for `npm ci` in each case come from its lock file
exec python3 "$here/generate.py" "$@"
