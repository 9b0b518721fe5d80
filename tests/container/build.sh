#!/usr/bin/env bash
# Build the action's image and run it the way the GitHub runner runs a Docker container action, on a
# machine with no Docker engine and no registry: rootful podman from Debian, and `debian:bookworm-slim`
# made locally with debootstrap so the Dockerfile builds unchanged and nothing is pulled. On GitHub none
# of this is needed: the runner builds the Dockerfile with Docker and pulls the real base image.
#
# usage: tests/container/build.sh build
#        tests/container/build.sh run JOB_DIR [input-id=value | GITHUB_NAME=value] ...
#        tests/container/build.sh size
#   build    build localhost/tokenopt-action:test from the repository (warm: a few seconds)
#   run      run that image on JOB_DIR/workspace (mounted at /github/workspace, the working directory).
#            JOB_DIR/file_commands/{output,step_summary} are created empty, JOB_DIR/workflow/event.json
#            is used when present (a minimal push event otherwise). `log-files=logs/*.log` becomes
#            INPUT_LOG-FILES (upper-cased, hyphens kept, as the runner does); GITHUB_*/RUNNER_* pass as is.
#            The container's stdout is this script's stdout; its exit code is this script's exit code.
#   size     the image's size in bytes
# env:   TOKENOPT_CTR_DIR  podman storage, config and base image (default /tmp/tokenopt-ctr; keep it
#                          to get the warm path)
#        TOKENOPT_ENGINE   podman (default: this machine) or docker (a GitHub runner: the release workflow
#                          builds the image it publishes with Docker and runs the container tests on it)
#        TOKENOPT_IMAGE    the image's name (default localhost/tokenopt-action:test)
#        ENCODINGS         the Dockerfile's build argument: with podman here cl100k_base, since the official
#                          URL of o200k_base is out of reach; with docker the Dockerfile's default, both
#        NETWORK           network of the run (default none: the image must count tokens offline)
#        MIRROR, SECURITY  Debian mirrors for debootstrap (default: the ones this machine's apt uses)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
W=${TOKENOPT_CTR_DIR:-/tmp/tokenopt-ctr}
IMAGE=${TOKENOPT_IMAGE:-localhost/tokenopt-action:test}
ENGINE=${TOKENOPT_ENGINE:-podman}
BASE=docker.io/library/debian:bookworm-slim
t0=$(date +%s)
step() { echo "=== [$(($(date +%s) - t0))s] $*" >&2; }

install_tools() {
  command -v podman >/dev/null && command -v runc >/dev/null && command -v debootstrap >/dev/null && return
  step "apt-get install podman runc debootstrap"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends podman runc debootstrap \
    containernetworking-plugins iptables slirp4netns uidmap fuse-overlayfs catatonit >/dev/null
}

# A private podman configuration, exported for every podman call; nothing under /etc is changed.
configure_podman() {
  local hn hu
  hn=$(ulimit -Hn); hu=$(ulimit -Hu)
  [ "$hn" = unlimited ] && hn=1048576
  if [ "$hu" = unlimited ] || [ "$hu" -gt 32768 ]; then hu=32768; fi
  mkdir -p "$W/conf/pip"
  # The OCI runtime cannot raise rlimits above the caller's hard limits (podman's rootful default is
  # 1048576); crun 1.8 refuses the hybrid cgroup layout of these machines, runc copes.
  cat >"$W/conf/containers.conf" <<EOF
[containers]
default_ulimits = ["nofile=${hn}:${hn}", "nproc=${hu}:${hu}"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
EOF
  printf '[storage]\ndriver = "overlay"\ngraphroot = "%s/storage"\nrunroot = "%s/run"\n' "$W" "$W" \
    >"$W/conf/storage.conf"
  export CONTAINERS_CONF="$W/conf/containers.conf" CONTAINERS_STORAGE_CONF="$W/conf/storage.conf"
  # pip in RUN steps must trust this sandbox's TLS-intercepting egress: the host CA bundle reaches it
  # through a build-time bind mount only, never a layer of the image.
  cp /etc/ssl/certs/ca-certificates.crt "$W/conf/pip/host-ca.crt"
  printf '[global]\ncert = /etc/xdg/pip/host-ca.crt\n' >"$W/conf/pip/pip.conf"
}

# The mirror URIs this machine's apt uses (no host is hard-coded); $1: a regex the URI must match.
apt_uri() {
  { grep -hoE '^(URIs:[[:space:]]*|deb[[:space:]]+)[^[:space:]]+' /etc/apt/sources.list \
      /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list 2>/dev/null || true; } |
    awk -v want="$1" '$NF ~ want { print $NF; exit }'
}

# debian:bookworm-slim without a registry: debootstrap minbase, slimmed like the official image.
make_base_image() {
  podman image exists "$BASE" && return
  local mirror security r=$W/rootfs
  mirror=${MIRROR:-$(apt_uri '/debian/?$')}
  security=${SECURITY:-$(apt_uri '/debian-security/?$')}
  [ -n "$mirror" ] || { echo "no Debian mirror in the apt sources; set MIRROR" >&2; exit 2; }
  step "debootstrap bookworm (minbase) from $mirror"
  rm -rf "$r"
  debootstrap --variant=minbase bookworm "$r" "$mirror" >"$W/debootstrap.log"
  rm -rf "$r"/var/cache/apt/archives/*.deb "$r"/var/cache/apt/*.bin "$r"/var/lib/apt/lists/* \
    "$r"/usr/share/man/* "$r"/usr/share/info/* "$r"/usr/share/locale/* "$r"/var/log/*.log
  find "$r"/usr/share/doc -mindepth 1 -not -name copyright -not -type d -delete
  printf 'path-exclude /usr/share/%s/*\n' doc man info locale >"$r"/etc/dpkg/dpkg.cfg.d/docker
  echo 'path-include /usr/share/doc/*/copyright' >>"$r"/etc/dpkg/dpkg.cfg.d/docker
  # the official image's apt hygiene, so .debs and caches do not stay in RUN layers
  cat >"$r"/etc/apt/apt.conf.d/docker-clean <<'EOF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
EOF
  rm -f "$r"/etc/apt/sources.list
  {
    printf 'Types: deb\nURIs: %s\nSuites: bookworm bookworm-updates\nComponents: main\n' "$mirror"
    printf 'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\n'
    printf 'Types: deb\nURIs: %s\nSuites: bookworm-security\nComponents: main\n' "${security:-$mirror-security}"
    printf 'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n'
  } >"$r"/etc/apt/sources.list.d/debian.sources
  rm -f "$r"/etc/resolv.conf
  : >"$r"/etc/hostname
  step "import $BASE"
  tar --numeric-owner -C "$r" -c . | podman import --change 'CMD ["bash"]' \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - "$BASE" >/dev/null
  rm -rf "$r"
}

build() {
  if [ "$ENGINE" = docker ]; then
    step "docker build $IMAGE"
    docker build ${ENCODINGS:+--build-arg "ENCODINGS=$ENCODINGS"} -t "$IMAGE" "$ROOT" >&2
    step "built $IMAGE ($(docker image inspect --format '{{.Size}}' "$IMAGE") bytes)"
    return
  fi
  install_tools
  configure_podman
  make_base_image
  local previous
  previous=$(podman image inspect --format '{{.Id}}' "$IMAGE" 2>/dev/null || true)
  step "podman build $IMAGE"
  podman build --pull=never --network host --layers --format docker -v "$W/conf/pip:/etc/xdg/pip:ro" \
    --build-arg "ENCODINGS=${ENCODINGS:-cl100k_base}" -t "$IMAGE" "$ROOT" >&2
  # the image this build replaced is untagged now: drop it (its layers shared with the new one stay)
  if [ -n "$previous" ] && [ "$previous" != "$(podman image inspect --format '{{.Id}}' "$IMAGE")" ]; then
    podman rmi "$previous" >/dev/null 2>&1 || true
  fi
  step "built $IMAGE ($(podman image inspect --format '{{.Size}}' "$IMAGE") bytes)"
}

# The runner's `docker run` for a container action: the mounts, the working directory and the env it sets.
run() {
  local job arg key value
  job=$(mkdir -p "${1:?usage: $0 run JOB_DIR [input-id=value ...]}" && cd "$1" && pwd); shift
  [ "$ENGINE" = docker ] || configure_podman
  "$ENGINE" image inspect "$IMAGE" >/dev/null 2>&1 || { echo "no image $IMAGE: run '$0 build' first" >&2; exit 2; }
  mkdir -p "$job/workspace" "$job/file_commands" "$job/workflow" "$job/home" "$job/runner_temp"
  : >"$job/file_commands/output"; : >"$job/file_commands/step_summary"
  [ -f "$job/workflow/event.json" ] || echo '{"ref": "refs/heads/main"}' >"$job/workflow/event.json"
  local env=(
    -e GITHUB_ACTIONS=true -e CI=true -e HOME=/github/home -e RUNNER_OS=Linux -e RUNNER_TEMP=/github/runner_temp
    -e GITHUB_WORKSPACE=/github/workspace -e GITHUB_EVENT_PATH=/github/workflow/event.json
    -e GITHUB_EVENT_NAME=push -e GITHUB_REPOSITORY=octo-org/octo-repo -e GITHUB_API_URL=https://api.github.com
    -e GITHUB_OUTPUT=/github/file_commands/output -e GITHUB_STEP_SUMMARY=/github/file_commands/step_summary
  )
  for arg in "$@"; do
    key=${arg%%=*}; value=${arg#*=}
    case $key in
      GITHUB_* | RUNNER_*) env+=(-e "$key=$value") ;;
      *) key=${key^^}; env+=(-e "INPUT_${key// /_}=$value") ;;
    esac
  done
  step "$ENGINE run $IMAGE (network ${NETWORK:-none})"
  "$ENGINE" run --rm --network "${NETWORK:-none}" --workdir /github/workspace \
    -v "$job/workspace:/github/workspace" -v "$job/file_commands:/github/file_commands" \
    -v "$job/workflow:/github/workflow" -v "$job/home:/github/home" -v "$job/runner_temp:/github/runner_temp" \
    "${env[@]}" "$IMAGE"
}

size() {
  [ "$ENGINE" = docker ] || configure_podman
  "$ENGINE" image inspect --format '{{.Size}}' "$IMAGE"
}

case ${1:-} in
  build) build ;;
  run) shift; run "$@" ;;
  size) size ;;
  *) sed -n '2,30p' "$0" >&2; exit 2 ;;
esac
