#!/usr/bin/env bash
# CI entry point: configure, build and test with status lines in colour (tput) and Buildkite-style groups.
set -euo pipefail
build=${BUILD_DIR:-build}
bold=$(tput bold 2>/dev/null || true); red=$(tput setaf 1 2>/dev/null || true)
green=$(tput setaf 2 2>/dev/null || true); reset=$(tput sgr0 2>/dev/null || true)
stage() { echo "${GROUP_MARK:---- }$1"; echo "${bold}==> $2${reset}"; }
fail() { echo "${red}${bold}error:${reset} build failed in stage $1"; exit 1; }

stage ":cmake: Configure" "cmake ${CMAKE_ARGS:-}"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug ${CMAKE_ARGS:-} || fail configure
stage ":hammer: Build" "cmake --build $build"
cmake --build "$build" -j2 || fail build
GROUP_MARK="+++ " stage ":test_tube: Test" "ctest --output-on-failure"
(cd "$build" && ctest --output-on-failure ${CTEST_ARGS:-}) || fail test
echo "${green}all stages passed${reset}"
