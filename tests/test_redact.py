"""Redaction: every credential kind is caught with the rest of its line intact, look-alikes are left alone.

The credential samples are in ``secret_corpus``: built from a seeded random generator, in the right shape
but fake, so no real secret (and no literal a secret scanner would flag) is in the repository.
"""
from __future__ import annotations

import base64
import hashlib
import random
import uuid
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from secret_corpus import ALNUM, CASES, SAMPLES, fake, plant, sample

from tokenopt.reader import LineReader, expand_sources
from tokenopt.redact import KINDS, Redactor

ROOT = Path(__file__).resolve().parent.parent


def test_every_kind_has_a_sample_and_there_are_at_least_25() -> None:
    assert set(SAMPLES) == set(KINDS) - {"masked"}
    assert len(KINDS) >= 25


@pytest.mark.parametrize(("kind", "index"), CASES)
def test_credential_is_replaced_by_its_kind_and_the_rest_of_the_line_survives(kind: str, index: int) -> None:
    line, secret = sample(kind, index)
    redactor = Redactor()
    out = redactor(line)
    assert secret not in out
    assert out == line.replace(secret, f"[REDACTED:{kind}]")
    assert redactor.count == 1


def _issue_forms() -> list[tuple[str, str, str]]:
    """Issue 13's common real forms of claimed kinds (fresh values of the reported shapes)."""
    r = random.Random(13)
    forms = [("REDIS_URL=redis://:{}@redis:6379/0", fake(r, ALNUM, 14), "url-password"),
             ("Authorization: SSWS {}", "00Ba6r5" + fake(r, ALNUM + "_-", 35), "authorization"),
             ("aws configure set aws_secret_access_key {}", "wJalr" + fake(r, ALNUM + "/+", 35), "aws-secret-key"),
             ("MYSQL_PWD={} mysql -uroot", fake(r, ALNUM, 12), "password"),
             ("mysql -uroot -p{} -e 'select 1'", fake(r, ALNUM, 12), "cli-password"),
             ("sshpass -p {} ssh deploy@host", fake(r, ALNUM, 12), "cli-password"),
             ("AZURE_DEVOPS_EXT_PAT={}", fake(r, "abcdefghijklmnopqrstuvwxyz234567", 52), "azure-devops-pat"),
             ("token {} ok", fake(r, ALNUM, 52) + "JQQJ99xC" + fake(r, ALNUM, 12) + "AAAAAZDO" + fake(r, ALNUM, 4),
              "azure-devops-pat")]
    return [(template.format(secret), secret, kind) for template, secret, kind in forms]


@pytest.mark.parametrize(("line", "secret", "kind"), _issue_forms())
def test_common_real_forms_of_claimed_kinds_are_redacted(line: str, secret: str, kind: str) -> None:
    assert Redactor()(line) == line.replace(secret, f"[REDACTED:{kind}]")


@pytest.mark.parametrize(("kind", "index"), CASES)
def test_redacting_twice_changes_nothing(kind: str, index: int) -> None:
    once = Redactor()(sample(kind, index)[0])
    again = Redactor()
    assert again(once) == once
    assert again.count == 0


SHA = hashlib.sha1(b"tokenopt").hexdigest()
UUID = str(uuid.UUID(int=0x1234_5678_9ABC_4DEF_8123_4567_89AB_CDEF))
B64 = base64.b64encode(hashlib.sha512(b"tokenopt").digest()).decode()
MD5 = hashlib.md5(b"tokenopt").hexdigest()
LOOK_ALIKES: dict[str, list[str]] = {
    "github-token": ["ghp_short", "see https://github.com/org/repo/pull/12 and gho_" + "x1" * 5],
    "aws-access-key-id": ["AKIA" + "B" * 15 + " too short", "ASIAPACIFICREGIONSXYZ21 is 21 long", "ASIAN markets"],
    "aws-secret-key": ["aws_secret_access_key = ${{ secrets.AWS_SECRET_ACCESS_KEY }}", "aws_secret_access_key = short"],
    "slack-token": ["xoxb-short", "xoxo-1234567890123 hugs"],
    "slack-webhook": ["docs at https://hooks.slack.com/ and https://api.slack.com/messaging/webhooks"],
    "anthropic-key": ["sk-ant- is the prefix of Anthropic keys"],
    "openai-key": ["deployment sk-payments-service-worker-prod-east-1 ready", "risk-assessment-report-generator-2026"],
    "gitlab-token": ["glpat- tokens expire", "gldt-short"],
    "npm-token": ["npm_config_cache=/home/runner/.npm", "npm_lifecycle_event=test"],
    "pypi-token": ["Looking in indexes: https://pypi.org/simple", "pypi-simple-index 1.0"],
    "stripe-key": ["pk_live_" + "Ab1" * 8 + " is publishable", "sk_test_short"],
    "google-api-key": ["AIza too short AIzaSy1234"],
    "azure-storage-key": ["AccountName=acct;AccountKey=;EndpointSuffix=x"],
    "azure-sas-signature": ["sig=short", "checking sig= field"],
    "twilio-key": ["SKU-12345 out of stock", "SK" + "0" * 31 + " is 31"],
    "mailgun-key": ["key-value store ready", "cache key-" + "a" * 10],
    "huggingface-token": ["from huggingface_hub import hf_hub_download", "hf_transfer enabled"],
    "vault-token": ["hvs.short"],
    "jwt": ["eyJ alone", "eyJhbGciOi.eyJzdWIi"],
    "url-password": ["git@github.com:org/repo.git", "ssh://git@github.com/org/repo.git", "http://localhost:8080/x@y",
                     "https://user@example.com/p", "akka://ClusterSystem@node-3:2552/user/worker",
                     "Looking in indexes: https://__token__:****@pypi.example.com/simple",
                     "https://bot:${{ secrets.TOKEN }}@example.com"],
    "authorization": ["authorization failed for user bob", "Authorization: Bearer ***",
                      "Authorization: Bearer $TOKEN", "missing Authorization header", "Authorization: required"],
    "curl-user": ["docker run -u 1000:1000 image", "curl -u $USER:$PASS https://example.com"],
    "cli-password": ["WARNING! Using --password via the CLI is insecure. Use --password-stdin.",
                     "gh auth login --with-token < token.txt", "docker login -u bot -p *** ghcr.io"],
    "docker-auth": ['{"auths": {"ghcr.io": {"auth": ""}}}', '"auths": {}'],
    "private-key": ["grep -r 'BEGIN RSA PRIVATE KEY' .", '    if line.startswith("-----BEGIN PRIVATE KEY-----"):',
                    "-----BEGIN CERTIFICATE-----"],
    "password": ["password must be at least 8 chars", "Access denied for user 'root'@'localhost' (using password: YES)",
                 "Enter passphrase for key '/home/u/.ssh/id_ed25519':",
                 "tests/test_auth.py::test_password_reset PASSED",
                 "PASSWORD=${{ secrets.DB_PASSWORD }}", "password: ********", "Password:", "password: must be set",
                 "assert user.password == expected", "check_password(pw)"],
    "secret": ["SyntaxError: Unexpected token ';'",
               "SyntaxError: Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON",
               "Unexpected token: punc (})", "tokens=123", "max_tokens: 4096", "test_secret_rotation PASSED",
               "secret: my-app-secret", "token: 2196", "GITHUB_TOKEN: ***", "api_key=None", "token = self._token",
               "Bad session token: com.example.auth.Session@1a2b3c4d", "secretName: db-credentials",
               "token: ActivityRecordToken", "csrf_token=AbCdEf", "secret_key=settings.SECRET_KEY",
               # issue 13: names with a short number are names
               "credentials: ci-robot2", "secret: app-tls-cert-v2", "tokenName: deploy-bot-v12",
               "secretRef: db_password_3"],
    # issue 13: base64 that is no user:password, hex with no provider around it, a CDN's signed URL, a
    # compiler flag on a line that names mysql, base32 with nothing saying Azure DevOps
    "issue 13": ['{"auth": "disabled"}', '"auth": "required", "mode": "strict"', '{"auth": "YWJjZGVmZ2g="}',
                 f"cache key-{MD5} stored", f"restore key-{MD5}", f"upload SK{MD5} done", f"sku SK{MD5.upper()}",
                 "GET https://cdn.example.net/app.js?v=3&sig=" + "Ab12" * 8 + " 200",
                 "https://img.example.com/a.png?expires=1790000000&sig=" + "a1B2c3D4" * 4,
                 "gcc -I/usr/include/mysql -pthread -O2 -c db.c", "+ mysql -u root -p app_db < schema.sql",
                 "+ mysql -h db -P3306 -uroot app", "PWD=/home/runner/work/app OLDPWD=/home/runner",
                 "onion " + "abcdefghijklmnopqrstuvwxyz234567" * 2, "Authorization: missing header",
                 "authorization: token expired at noon"],
    "facts": [f"HEAD is now at {SHA[:7]} fix", f"commit {SHA}", f"request {UUID} failed", f"integrity sha512-{B64}",
              f"Digest: sha256:{hashlib.sha256(b'x').hexdigest()}", "tests/test_tokens.py::test_count[cl100k] PASSED",
              "  File \"/home/runner/work/app/app/auth/secret_store.py\", line 42, in load",
              "E   AssertionError: assert 4096 == 4097", "Downloading https://files.example.org/pkgs/a-1.0-py3-none-any.whl"],
}


@pytest.mark.parametrize("line", [line for lines in LOOK_ALIKES.values() for line in lines])
def test_look_alike_is_left_alone(line: str) -> None:
    redactor = Redactor()
    assert redactor(line) == line
    assert redactor.count == 0


def _key_block(rng: random.Random, kind: str = "RSA PRIVATE KEY", prefix: str = "") -> list[str]:
    body = [fake(rng, ALNUM + "+/", 64) for _ in range(5)] + [fake(rng, ALNUM + "+/", 20) + "=="]
    return [f"{prefix}-----BEGIN {kind}-----", *(prefix + line for line in body), f"{prefix}-----END {kind}-----"]


@pytest.mark.parametrize("kind", ["RSA PRIVATE KEY", "OPENSSH PRIVATE KEY", "ENCRYPTED PRIVATE KEY",
                                  "PGP PRIVATE KEY BLOCK"])
def test_every_line_of_a_private_key_block_is_redacted_and_the_log_goes_on(kind: str) -> None:
    block = _key_block(random.Random(kind), kind)
    lines = ["+ cat deploy_key", *block, "+ ssh-add deploy_key", "Identity added: deploy_key (bot@ci)"]
    redactor = Redactor()
    out = [redactor(line) for line in lines]
    assert out == [lines[0], *["[REDACTED:private-key]"] * len(block), *lines[-2:]]
    assert redactor.count == len(block)


def test_key_block_with_a_prefix_and_header_lines_is_redacted() -> None:
    rng = random.Random(5)
    body = [fake(rng, ALNUM + "+/", 64) for _ in range(3)] + ["AbCd=="]
    lines = ["#7 0.311 -----BEGIN RSA PRIVATE KEY-----", "#7 0.312 Proc-Type: 4,ENCRYPTED",
             "#7 0.312 DEK-Info: AES-128-CBC,0A1B2C3D4E5F", "#7 0.313 ",
             *(f"#7 0.{314 + i} {line}" for i, line in enumerate(body)), "#7 0.399 -----END RSA PRIVATE KEY-----",
             "#7 DONE 0.4s"]
    redactor = Redactor()
    out = [redactor(line) for line in lines]
    assert not any(line in "\n".join(out) for line in body)
    assert out[0] == "#7 0.311 [REDACTED:private-key]" and out[-1] == "#7 DONE 0.4s"
    assert out[1] == "#7 0.312 [REDACTED:private-key]" and out[3] == "#7 0.313 "


def test_key_header_in_code_or_an_unterminated_block_does_not_swallow_the_log() -> None:
    lines = ['KEY_HEADER = "-----BEGIN PRIVATE KEY-----"', "def load():", "    return True",
             "FAILED tests/test_keys.py::test_load - AssertionError", "E   assert 1 == 2"]
    redactor = Redactor()
    assert [redactor(line) for line in lines] == lines
    rng = random.Random(9)
    cut = ["-----BEGIN PRIVATE KEY-----", fake(rng, ALNUM, 64)] + [f"step {i} ok" for i in range(10)]
    out = [redactor(line) for line in cut]
    assert out[:2] == ["[REDACTED:private-key]"] * 2 and out[2:] == cut[2:]


def test_lines_interleaved_in_a_key_block_are_still_redacted_as_usual() -> None:
    block = _key_block(random.Random(3))
    token = "ghp_" + fake(random.Random(4), ALNUM, 36)
    lines = [*block[:3], f"other job: GH_TOKEN={token}", *block[3:]]
    out = [Redactor()(line) for line in lines[3:4]]
    redactor = Redactor()
    full = [redactor(line) for line in lines]
    assert full[3] == out[0] == "other job: GH_TOKEN=[REDACTED:github-token]"
    assert full.count("[REDACTED:private-key]") == len(block)


def test_add_mask_registers_the_value_for_the_rest_of_the_log() -> None:
    value = fake(random.Random(1), ALNUM, 20)
    redactor = Redactor()
    assert redactor(f"::add-mask::{value}") == "::add-mask::[REDACTED:masked]"
    assert redactor(f"connecting with {value} to db") == "connecting with [REDACTED:masked] to db"
    assert redactor(f"2026-01-01T00:00:00.1234567Z ::add-mask::{value}x9") == \
        "2026-01-01T00:00:00.1234567Z ::add-mask::[REDACTED:masked]"
    assert redactor(f"both {value}x9 and {value}") == "both [REDACTED:masked] and [REDACTED:masked]"


def test_add_mask_of_an_echoed_command_strips_quotes_and_ignores_variables() -> None:
    value = fake(random.Random(2), ALNUM, 12)
    redactor = Redactor()
    redactor(f"+ echo '::add-mask::{value}'")
    redactor('##[command]echo "::add-mask::$DEPLOY_TOKEN"')
    assert redactor.extra_values == [value]
    assert redactor(f"value={value};") == "value=[REDACTED:masked];"
    assert redactor("uses $DEPLOY_TOKEN") == "uses $DEPLOY_TOKEN"


def test_registered_values_are_masked_and_never_inside_a_marker() -> None:
    redactor = Redactor()
    redactor.register("  hunter-two  ")
    redactor.register("ACTED")  # part of every marker
    redactor.register("abc")  # too short: would mask words
    once = redactor("login hunter-two REDACTED")
    assert once == "login [REDACTED:masked] RED[REDACTED:masked]"
    assert redactor(once) == once
    assert "abc" not in redactor.extra_values


_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=120)
_PLANTED = st.tuples(st.sampled_from(CASES), st.integers(0, 2**32), _TEXT, st.integers(0, 120))


def _check_planted(planted: tuple[tuple[str, int], int, str, int]) -> None:
    (kind, index), seed, text, cut = planted
    snippet, secret = plant(kind, index, seed)
    cut = min(cut, len(text))
    line = f"{text[:cut]} {snippet} {text[cut:]}"
    out = Redactor()(line)
    assert secret not in out
    assert Redactor()(out) == out


@settings(max_examples=200, deadline=None)
@given(_PLANTED)
def test_planted_credential_never_survives_arbitrary_text(planted: tuple[tuple[str, int], int, str, int]) -> None:
    _check_planted(planted)


@pytest.mark.slow
@settings(max_examples=10_000, deadline=None)
@given(_PLANTED)
def test_planted_credential_never_survives_arbitrary_text_long(planted: tuple[tuple[str, int], int, str, int]) -> None:
    _check_planted(planted)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXT, max_size=8))
def test_redaction_of_arbitrary_lines_is_idempotent(lines: list[str]) -> None:
    first, second = Redactor(), Redactor()
    once = [first(line) for line in lines]
    assert [second(line) for line in once] == once


def test_real_fixture_logs_have_nothing_redacted() -> None:
    """These logs hold no credentials: any marker here is a false positive that would hide a fact."""
    redactor = Redactor()
    reader = LineReader(65_536, redactor)
    patterns = (str(ROOT / "tests" / "fixtures" / "logs" / "**" / "*.log"), str(ROOT / "examples" / "*.log"),
                str(ROOT / "bench" / "corpus" / "cases" / "*" / "job.log*"))
    sources = expand_sources(patterns)
    hits = [f"{line.source}:{line.number}: {line.text}" for source in sources for line in reader.lines(source)
            if "[REDACTED:" in line.text]
    assert len(sources) >= 60
    assert hits == [] and redactor.count == 0


def test_line_whose_length_changes_when_lower_cased_is_still_redacted() -> None:
    # "İ".lower() is two characters: spans found in the lower-cased line would be off by one
    value = fake(random.Random(6), ALNUM, 14)
    line = f"İzmir deploy: DB_PASSWORD={value} and Authorization: Bearer {value}x"
    assert len(line.lower()) != len(line)
    assert Redactor()(line) == "İzmir deploy: DB_PASSWORD=[REDACTED:password] and Authorization: Bearer " \
                               "[REDACTED:authorization]"


def test_an_unterminated_key_block_does_not_run_into_the_next_input(tmp_path: Path):
    body = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7" + "A" * 12
    (tmp_path / "a.log").write_text(f"-----BEGIN PRIVATE KEY-----\n{body}\n")  # cut off: no END
    (tmp_path / "b.log").write_text(f"{body}\nok\n")  # key-shaped, but another input's own line
    reader = LineReader(65_536, Redactor())
    lines = [line.text for chunk in reader.chunks(expand_sources((str(tmp_path / "*.log"),)), 100) for line in chunk]
    assert body not in lines[1] and lines[2] == body


def test_add_mask_inside_a_message_masks_one_word_and_keeps_the_message() -> None:
    redactor = Redactor()
    line = "E   AssertionError: expected ::add-mask::s3cr3t-value to be ignored"
    assert redactor(line) == "E   AssertionError: expected ::add-mask::[REDACTED:masked] to be ignored"
