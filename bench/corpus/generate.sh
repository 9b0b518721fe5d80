#!/usr/bin/env bash
# Regenerate the fact-recall corpus: every case is rebuilt by running the real tools on a mutated copy
# of a project under projects/. Usage: bash bench/corpus/generate.sh [python js rust go jvm c tap php ruby erlang
# node gradle maven cpp web more]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# the tools of the later ecosystems come from Debian (no network beyond the package registries):
#   apt-get install -y php-cli phpunit ruby-rspec erlang erlang-common-test erlang-eunit bats gradle \
#     maven-debian-helper libmaven-compiler-plugin-java libsurefire-java junit4 googletest libgtest-dev \
#     nginx apache2 chromium
# the JS project's dependencies (jest, typescript, eslint) for `npm ci` in each case come from its lock file
exec python3 "$here/generate.py" "$@"
