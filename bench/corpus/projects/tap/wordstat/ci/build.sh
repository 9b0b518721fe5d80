#!/usr/bin/env bash
# The CI build: unit tests with prove, then the command-line tests with bats.
set -eu
prove -l t/
