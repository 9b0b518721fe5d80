#!/usr/bin/env bash
# Deploy a release: ./scripts/deploy.sh ENVIRONMENT
set -euo pipefail

env_name="${1:?usage: deploy.sh ENVIRONMENT}"
release_dir="/srv/ledger/releases/$(date +%Y%m%d%H%M%S)"

mkdir -p "$release_dir"
cp -r build/. "$release_dir/"
ln -sfn "$release_dir" /srv/ledger/current
echo "deployed to $env_name: $release_dir"
