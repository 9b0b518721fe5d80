"""Credentials of every kind the redactor claims, the encodings a CI log wraps them in, and a whole
tokenopt run that tells whether any of them reached an output.

Every value is built from a random generator, in its kind's shape but fake, so no real secret (and no
literal a secret scanner would flag) is in the repository. Shared by the redaction tests and
``bench/redaction.py`` (which puts tests/ on its path).
"""
from __future__ import annotations

import base64
import html
import json
import random
import string
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tokenopt import EnhancedTokenOptimizer
from tokenopt.action import annotation_commands
from tokenopt.escapes import views
from tokenopt.reports import Report

ALNUM = string.ascii_letters + string.digits
URLSAFE = ALNUM + "_-"
HEX = "0123456789abcdef"
DIGITS = string.digits
BASE32 = string.ascii_uppercase + "234567"


def fake(rng: random.Random, alphabet: str, size: int) -> str:
    """Random text of ``size`` from ``alphabet`` that holds a digit and a letter (as generated keys do)."""
    body = [rng.choice(alphabet) for _ in range(size)]
    digits, letters = [c for c in alphabet if c.isdigit()], [c for c in alphabet if c.isalpha()]
    if digits and letters and size >= 2:
        body[rng.randrange(size // 2)] = rng.choice(digits)
        body[size // 2 + rng.randrange(size - size // 2)] = rng.choice(letters)
    return "".join(body)


def b64url(data: dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


# kind -> builds (line, secret) from a random generator; the line holds the secret once, in context.
Sample = Callable[[random.Random], tuple[str, str]]


def put(template: str, secret: str) -> tuple[str, str]:
    return template.format(secret), secret


def _pem_inline(r: random.Random) -> tuple[str, str]:
    body = "\\n".join(fake(r, ALNUM + "+/", 64) for _ in range(4))
    key = f"-----BEGIN PRIVATE KEY-----\\n{body}\\n-----END PRIVATE KEY-----"
    return f'  "private_key": "{key}\\n",', key


def _ado_pat(r: random.Random) -> str:
    """Azure DevOps's 84-character PAT: 52 random, the CASK signature JQQJ99, provider data, AZDO, 4 more."""
    return (fake(r, ALNUM, 52) + "JQQJ99" + fake(r, ALNUM, 1) + r.choice("ABCDEFGHIJKL") + fake(r, ALNUM, 12)
            + "AAAA" + "AZDO" + fake(r, ALNUM, 4))


SAMPLES: dict[str, list[Sample]] = {
    "private-key": [_pem_inline],
    "github-token": [lambda r: put("export GH_TOKEN={} # from the vault", "ghp_" + fake(r, ALNUM, 36)),
                     lambda r: put("remote: token {} was revoked", "github_pat_" + fake(r, ALNUM + "_", 82)),
                     lambda r: put("git push https://x-access-token:{}@github.com/o/r.git",
                                   "ghs_" + fake(r, ALNUM, 36))],
    "aws-access-key-id": [lambda r: put("aws_access_key_id = {}", "AKIA" + fake(r, BASE32, 16)),
                          lambda r: put('"AccessKeyId": "{}",', "ASIA" + fake(r, BASE32, 16))],
    "aws-secret-key": [lambda r: put("aws_secret_access_key = {}", fake(r, ALNUM + "/+", 40)),
                       lambda r: put('"SecretAccessKey": "{}",', fake(r, ALNUM + "/+", 40)),
                       lambda r: put("+ aws configure set aws_secret_access_key {}", fake(r, ALNUM + "/+", 40))],
    "aws-session-token": [lambda r: put("+ aws configure set aws_session_token {} --profile ci",
                                        "IQoJb3JpZ2luX2Vj" + fake(r, ALNUM + "/+", 300)),
                          lambda r: put('"SessionToken": "{}",', "FwoGZXIvYXdzE" + fake(r, ALNUM + "/+", 200))],
    "slack-token": [lambda r: put("posting with {} to #ci",
                                  f"xoxb-{fake(r, DIGITS, 12)}-{fake(r, DIGITS, 13)}-{fake(r, ALNUM, 24)}")],
    "slack-webhook": [lambda r: put("curl -X POST -d @msg.json https://hooks.slack.com/{} -s",
                                    f"services/T{fake(r, ALNUM.upper(), 8)}/B{fake(r, ALNUM.upper(), 8)}/"
                                    f"{fake(r, ALNUM, 24)}")],
    "discord-webhook": [lambda r: put("notify https://discord.com/api/webhooks/{} done",
                                      f"{fake(r, DIGITS, 18)}/{fake(r, URLSAFE, 68)}")],
    "anthropic-key": [lambda r: put("ANTHROPIC_API_KEY={}", "sk-ant-api03-" + fake(r, URLSAFE, 93) + "AA")],
    "openai-key": [lambda r: put("Incorrect API key provided: {}. You can find your key at",
                                 "sk-proj-" + fake(r, URLSAFE, 74) + "T3BlbkFJ" + fake(r, URLSAFE, 74)),
                   lambda r: put("key {} set", "sk-" + fake(r, ALNUM, 20) + "T3BlbkFJ" + fake(r, ALNUM, 20))],
    "gitlab-token": [lambda r: put("git clone https://oauth2:{}@gitlab.com/g/p.git", "glpat-" + fake(r, URLSAFE, 20))],
    "grafana-token": [lambda r: put("GRAFANA_SA={} ok", f"glsa_{fake(r, ALNUM, 32)}_{fake(r, HEX, 8)}")],
    "npm-token": [lambda r: put("//registry.npmjs.org/:_authToken={}", "npm_" + fake(r, ALNUM, 36))],
    "pypi-token": [lambda r: put("TWINE_PASSWORD={}", "pypi-AgEIcHlwaS5vcmc" + fake(r, URLSAFE, 70))],
    "stripe-key": [lambda r: put("stripe.api_key = '{}'", "sk_" + "live_" + fake(r, ALNUM, 24)),
                   lambda r: put("webhook secret {} loaded", "whsec_" + fake(r, ALNUM, 32))],
    "google-api-key": [lambda r: put("GET https://maps.example.com/geocode?key={}&q=x 403",
                                     "AIza" + fake(r, URLSAFE, 35))],
    "google-oauth": [lambda r: put("client secret {} rejected", "GOCSPX-" + fake(r, URLSAFE, 28)),
                     lambda r: put("using access token {} for gcs", "ya29." + fake(r, URLSAFE, 80))],
    "azure-storage-key": [lambda r: put("DefaultEndpointsProtocol=https;AccountName=a;AccountKey={};EndpointSuffix=x",
                                        fake(r, ALNUM + "+/", 86) + "==")],
    "azure-sas-signature": [lambda r: put("PUT https://acct.blob.core.windows.net/c/b?sv=2022-11-02&sp=rw&sig={} 201",
                                          fake(r, ALNUM, 43) + "%3D"),
                            lambda r: put("Endpoint=sb://ns.servicebus.windows.net/;SharedAccessSignature=SharedAccess"
                                          "Signature sr=ns&sig={}&se=1790000000&skn=send", fake(r, ALNUM, 43) + "%3D")],
    "azure-client-secret": [lambda r: put("AZURE_CLIENT_SECRET={}",
                                          fake(r, ALNUM, 3) + "8Q~" + fake(r, ALNUM, 34))],
    "azure-devops-pat": [lambda r: put("##[debug]git -c http.extraheader using PAT {} for dev.azure.com", _ado_pat(r)),
                         lambda r: put("AZURE_DEVOPS_EXT_PAT={} az devops configure",
                                       fake(r, string.ascii_lowercase + "234567", 52))],
    "heroku-key": [lambda r: put("heroku auth {} ok", "HRKU-AA" + fake(r, URLSAFE, 58))],
    "sendgrid-key": [lambda r: put("SENDGRID={}", f"SG.{fake(r, URLSAFE, 22)}.{fake(r, URLSAFE, 43)}")],
    "twilio-key": [lambda r: put("twilio api key {} created", "SK" + fake(r, HEX, 32))],
    "digitalocean-token": [lambda r: put("doctl auth init -t {}", "dop_v1_" + fake(r, HEX, 64))],
    "vault-token": [lambda r: put("VAULT_TOKEN={}", "hvs." + fake(r, URLSAFE, 90))],
    "huggingface-token": [lambda r: put("huggingface-cli login --token {}", "hf_" + fake(r, string.ascii_letters, 34))],
    "shopify-token": [lambda r: put("X-Shopify-Access: {}", "shpat_" + fake(r, HEX, 32))],
    "mailgun-key": [lambda r: put("mailgun api:{}", "key-" + fake(r, HEX, 32))],
    "age-secret-key": [lambda r: put("# {}", "AGE-SECRET-KEY-1" + fake(r, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58))],
    "postman-key": [lambda r: put("postman {} ok", f"PMAK-{fake(r, HEX, 24)}-{fake(r, HEX, 34)}")],
    "newrelic-key": [lambda r: put("NEW_RELIC_USER {} set", "NRAK-" + fake(r, ALNUM.upper(), 27))],
    "square-token": [lambda r: put("square {} ok", "sq0atp-" + fake(r, URLSAFE, 22))],
    "terraform-token": [lambda r: put("token {} written",
                                      f"{fake(r, HEX, 14)}.atlasv1.{fake(r, string.ascii_lowercase + DIGITS, 67)}")],
    "buildkite-token": [lambda r: put("bk {} ok", "bkua_" + fake(r, HEX, 40))],
    "dockerhub-token": [lambda r: put("echo {} | docker login -u bot --password-stdin",
                                      "dckr_pat_" + fake(r, URLSAFE, 27))],
    "sentry-token": [lambda r: put("SENTRY_AUTH {} ok", "sntrys_eyJ" + fake(r, ALNUM + "+/", 80))],
    "artifactory-key": [lambda r: put("jfrog key {} ok", "AKCp" + fake(r, ALNUM, 69))],
    "jwt": [lambda r: put("id_token: {}", ".".join((b64url({"alg": "HS256", "typ": "JWT"}),
                                                   b64url({"sub": "ci-bot", "exp": r.randrange(10**9)}),
                                                   fake(r, URLSAFE, 43))))],
    "url-password": [lambda r: put("Cloning https://deploy:{}@git.example.com/org/repo.git", fake(r, ALNUM, 16)),
                     lambda r: put("REDIS_URL=redis://:{}@redis:6379/0", fake(r, ALNUM, 14))],
    "authorization": [lambda r: put('curl -sS -H "Authorization: Bearer {}" https://api.example.com/v1',
                                    fake(r, ALNUM, 40)),
                      lambda r: put("> Authorization: Basic {}", base64.b64encode(b"bot:" + fake(r, ALNUM, 12).encode())
                                    .decode()),
                      lambda r: put("Authorization: SSWS {}", "00" + fake(r, URLSAFE, 40))],
    "curl-user": [lambda r: put("+ curl -u deploy:{} https://example.com/upload", fake(r, ALNUM, 16))],
    "cli-password": [lambda r: put("+ docker login -u bot -p {} ghcr.io", fake(r, ALNUM, 16)),
                     lambda r: put("+ mysql --user root --password {} -e 'select 1'", fake(r, ALNUM, 16)),
                     lambda r: put("+ mysql -h db -uroot -p{} -e 'select 1'", fake(r, ALNUM, 16)),
                     lambda r: put("+ /usr/bin/mysqldump -u root -p'{}' app", fake(r, ALNUM, 16)),
                     lambda r: put("+ sshpass -p {} ssh deploy@10.0.0.5 ./release.sh", fake(r, ALNUM, 16))],
    "netrc-password": [lambda r: put("machine api.example.com login bot password {}", fake(r, ALNUM, 16))],
    "docker-auth": [lambda r: put('{{"auths": {{"ghcr.io": {{"auth": "{}"}}}}}}',
                                  base64.b64encode(b"bot:" + fake(r, ALNUM, 20).encode()).decode())],
    "npmrc-auth": [lambda r: put("_auth={}", base64.b64encode(b"bot:" + fake(r, ALNUM, 20).encode()).decode())],
    "password": [lambda r: put("DB_PASSWORD={} ./migrate", fake(r, ALNUM, 12)),
                 lambda r: put('{{"user": "bot", "password": "{}"}}', fake(r, ALNUM + "!@#", 12)),
                 lambda r: put("    password: {}", fake(r, ALNUM, 12)),
                 lambda r: put("-Dspring.datasource.password={} -jar app.jar", fake(r, ALNUM, 12)),
                 lambda r: put("MYSQL_PWD={} mysql -uroot -e 'select 1'", fake(r, ALNUM, 12)),
                 lambda r: put("SSHPASS={} sshpass -e ssh deploy@host", fake(r, ALNUM, 12))],
    "secret": [lambda r: put("client_secret={}&grant_type=client_credentials", fake(r, ALNUM, 32)),
               lambda r: put('{{"api_key": "{}", "region": "eu"}}', fake(r, ALNUM, 32)),
               lambda r: put("GET /v1/items?access_token={}&page=2 200", fake(r, ALNUM, 32)),
               lambda r: put("X-API-Key: {}", fake(r, ALNUM, 32))],
}
CASES = [(kind, i) for kind, builders in SAMPLES.items() for i in range(len(builders))]


def sample(kind: str, index: int, seed: int | None = None) -> tuple[str, str]:
    return SAMPLES[kind][index](random.Random(f"{kind}/{index}" if seed is None else seed))


PLANTABLE = {
    "password": lambda r: put("password={}", fake(r, ALNUM, 12)),
    "secret": lambda r: put("api_key={}", fake(r, ALNUM, 32)),
}


def plant(kind: str, index: int, seed: int) -> tuple[str, str]:
    """A credential in context to plant in arbitrary text; assignments in their ``=`` form, as ``key: value``
    is only redacted at the end of a line (mid-sentence it is prose) and arbitrary text follows the plant."""
    return PLANTABLE[kind](random.Random(seed)) if kind in PLANTABLE else sample(kind, index, seed)




# How CI logs wrap a line: each takes the line and its secret and gives the log line(s) and what must not
# appear in any output (for a clip, the part of the secret before the cut: a credential's head).
RUNNER_STAMP = "2026-11-20T10:15:32.1234567Z "
CLIP_BYTES = 1024  # --max-line-bytes for the clip encoding


def _json_string(text: str, rng: random.Random) -> str:
    """``text`` as a JSON string the way Go writes it (``&<>`` as ``\\u0026``…), a few letters as ``\\uXXXX``."""
    out = []
    for char in text:
        if char in "&<>" or (char.isascii() and char.isalpha() and rng.random() < 0.15):
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(json.dumps(char)[1:-1])
    return "".join(out)


def _plain(line: str, secret: str, rng: random.Random) -> tuple[str, str]:
    return line, secret


def _json(line: str, secret: str, rng: random.Random) -> tuple[str, str]:
    return '{"level":"error","ts":"2026-11-20T10:15:32Z","msg":"' + _json_string(line, rng) + '"}', secret


def _nested_json(line: str, secret: str, rng: random.Random) -> tuple[str, str]:
    request = json.dumps({"detail": line, "attempt": 2})
    return '{"level":"error","msg":"call failed","request":"' + _json_string(request, rng) + '"}', secret


def _go_test_json(line: str, secret: str, rng: random.Random) -> tuple[str, str]:
    record = '{"Time":"2026-11-20T10:15:32.123456789Z","Action":"output","Package":"example.com/app/api",' \
             '"Test":"TestCall","Output":"' + _json_string(f"    call_test.go:41: {line}\n", rng) + '"}'
    return record, secret


def _ansi(line: str, secret: str, rng: random.Random) -> tuple[str, str]:
    at = line.index(secret) + rng.randrange(1, len(secret))
    end = line.index(secret) + len(secret)
    return f"\x1b[31m{line[:at]}\x1b[1;33m{line[at:end]}\x1b[0m{line[end:]}", secret


def _runner_stamp(line: str, secret: str, rng: random.Random) -> tuple[str, str]:
    return RUNNER_STAMP + line, secret


def _clip(line: str, secret: str, rng: random.Random) -> tuple[str, str]:
    """Words before the line so that the CLIP_BYTES cap falls in the middle of the secret."""
    half = len(secret) // 2
    room = CLIP_BYTES - len(line[: line.index(secret)].encode()) - half
    padding = ("build step output " * (room // 18 + 1))[: room - 1] + " "
    head, colon, rest = line.partition(": ")  # after "ERROR <tag>:", so each line stays its own pattern
    return head + colon + padding + rest, secret[:half]


ENCODINGS: dict[str, Callable[[str, str, random.Random], tuple[str, str]]] = {
    "plain": _plain, "json": _json, "nested-json": _nested_json, "go-test-json": _go_test_json,
    "ansi": _ansi, "runner-stamp": _runner_stamp, "clip": _clip,
}


@dataclass(frozen=True)
class Case:
    """One sample in one encoding: the log lines, what must reach no output, and a word of the line that
    tells it was kept (a digest that dropped the line would hide nothing)."""

    kind: str
    encoding: str
    lines: tuple[str, ...]
    secret: str
    tag: str


def case(kind: str, index: int, encoding: str, rng: random.Random) -> Case:
    """An error line holding the ``index``-th sample of ``kind`` (or a masked value), in ``encoding``."""
    tag = "".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(10))
    before: tuple[str, ...] = ()
    if kind == "masked":
        value = fake(rng, ALNUM + "-_", 20)
        before, (line, secret) = (f"::add-mask::{value}",), put("connecting with {} to db", value)
    else:
        line, secret = SAMPLES[kind][index](rng)
    encoded, hidden = ENCODINGS[encoding](f"ERROR {tag}: {line}", secret, rng)
    return Case(kind, encoding, (*before, encoded), hidden, tag)


def every_case(encoding: str, rng: random.Random) -> list[Case]:
    """Every sample of every kind, and a masked value, in ``encoding``."""
    return [case(kind, i, encoding, rng) for kind, i in [*CASES, ("masked", 0)]]


def run(cases: list[Case], work: Path, max_line_bytes: int = 65_536) -> dict[str, str]:
    """One tokenopt run over a log of ``cases`` writing all it can (JSON digest, index, memory file, job
    summary, PR comment, annotations); each output's text, unescaped as a reader would see it."""
    log = work / "job.log"
    log.write_text("".join(line + "\n" for one in cases for line in one.lines), encoding="utf-8")
    optimizer = EnhancedTokenOptimizer(log_file=[str(log)], format="json", out=str(work / "digest.json"),
                                       index=str(work / "index.json"), memory_file=str(work / "memory.jsonl"),
                                       store_memory=True, max_line_bytes=max_line_bytes)
    result = optimizer.run()
    report = Report(result, "CI log digest")
    texts = {path.name: path.read_text(encoding="utf-8") for path in sorted(work.iterdir()) if path != log}
    texts.update(summary=report.summary(), comment=report.comment(),
                 annotations="\n".join(annotation_commands(result)))
    return {name: readable(text) for name, text in texts.items()}


def readable(text: str) -> str:
    """Text as its reader sees it: JSON strings decoded (and escapes in them, as in a quoted JSON record),
    Markdown and workflow-command escapes undone."""
    text = html.unescape(text).replace("\u200b", "").replace("\\|", "|").replace("!\\[", "![")
    text = text.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")
    return "\n".join(view.text for piece in [text, *_strings(text)] for view in views(piece))


def _strings(text: str) -> list[str]:
    """The string values of every JSON document (or JSON line) in ``text``."""
    found: list[str] = []
    for document in [text, *text.splitlines()]:
        try:
            _walk(json.loads(document), found)
        except ValueError:
            continue
    return found


def _walk(value: object, found: list[str]) -> None:
    if isinstance(value, str):
        found.append(value)
    elif isinstance(value, dict):
        for item in value.values():
            _walk(item, found)
    elif isinstance(value, list):
        for item in value:
            _walk(item, found)


def kept(outputs: dict[str, str], one: Case) -> bool:
    """Whether the case's line reached an output at all (its tag is there): else it hid nothing."""
    return any(one.tag in text for text in outputs.values())


def leaks(outputs: dict[str, str], one: Case) -> list[str]:
    """The outputs that hold the case's secret (in a decoded JSON string too)."""
    return [name for name, text in outputs.items() if one.secret in text]
