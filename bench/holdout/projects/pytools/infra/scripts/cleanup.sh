#!/usr/bin/env bash
# Keep the newest N releases: ./scripts/cleanup.sh [N]
set -euo pipefail

keep="${1:-5}"
find /srv/ledger/releases -mindepth 1 -maxdepth 1 -printf '%T@ %p\n' | sort -rn | tail -n +"$((keep + 1))" |
  cut -d' ' -f2- | while read -r old; do
    rm -rf -- "$old"
  done
