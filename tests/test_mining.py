"""TemplateMiner: one template per event shape, wildcards where values vary, bounded and deterministic."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tokenopt.mining import WILDCARD, MinerConfig, Template, TemplateMiner, mask, tokenize

W = WILDCARD
FIXTURE_LOGS = sorted((Path(__file__).parent / "fixtures" / "logs").glob("*/*.log"))


def mine(lines: list[str], config: MinerConfig | None = None) -> tuple[TemplateMiner, list[Template]]:
    miner = TemplateMiner(config)
    joined = [miner.add(line) for line in lines]
    return miner, [miner.resolve(template) for template in joined]


@pytest.mark.parametrize(
    ("message", "shape"),
    [
        ("evicted chunk chk_-5531907 from tier 2 of rack7-n03", "evicted chunk <*> from tier <*> of <*>"),
        ("lease renewed for worker by (gid=50)", "lease renewed for worker by (gid=<*>)"),
        ("runner(pool_main)[4411]: heartbeat ok", "runner(pool_main)[<*>]: heartbeat ok"),
        ("m.example.org:8443 closed, 2048 bytes (2.00 KB) sent, took <1 sec", "<*> closed, <*> sent, took <*>"),
        ("upload from 192.168.4.20 () at Tue Mar  5 08:01:44 2024", "upload from <*> () at <*>"),
        ('retry=none, cached:false, label="Nightly Build"', "retry=<*>, cached:<*>, label=<*>"),
        ("Worker pool drained, shutting down", "Worker pool drained, shutting down"),
    ],
)
def test_mask_replaces_values_and_keeps_wording(message, shape):
    assert mask(message) == shape


def test_same_shape_with_other_values_joins_one_template():
    lines = [f"Accepted publickey for deploy from 10.1.{n}.{n * 3} port {40000 + n} ssh2" for n in range(50)]
    miner, joined = mine(lines)
    assert len(miner.templates()) == 1
    assert {t.id for t in joined} == {joined[0].id}
    assert joined[0].count == 50


def test_different_event_types_stay_apart():
    lines = [
        "Worker 3 started in 12 ms",
        "Worker 4 stopped after 9 retries",
        "Cache miss for key user:42",
        "Disk /dev/sda1 is 91% full",
        "Worker 5 started in 15 ms",
        "Cache miss for key user:77",
    ]
    miner, joined = mine(lines)
    assert len(miner.templates()) == 4
    assert joined[0] is joined[4]
    assert joined[2] is joined[5]
    assert len({joined[0].id, joined[1].id, joined[2].id, joined[3].id}) == 4


def test_a_word_becomes_a_wildcard_once_enough_values_were_seen():
    miner, _ = mine([f"rejected token for account {name} from 10.0.0.{n}" for n, name in enumerate(["ann", "bo"])])
    assert len(miner.templates()) == 2, "two values are not yet evidence of a variable"
    first = miner.templates()[0]
    merged = miner.resolve(miner.add("rejected token for account cy from 10.0.0.9"))
    assert miner.templates() == [merged]
    assert merged.tokens == ("rejected", "token", "for", "account", W, "from", W)
    assert miner.resolve(first) is merged, "lines mined before the merge follow their template"
    assert merged.count == 3


def test_capitalised_words_need_more_evidence_than_lower_case_ones():
    states = ["Queued", "Running", "Blocked", "Finished"]
    miner, _ = mine([f"job {n}-a state {state} (scheduler event)" for n, state in enumerate(states * 3)])
    assert sorted(t.tokens[3] for t in miner.templates()) == sorted(states)
    miner.add("job 99-a state Cancelled (scheduler event)")
    assert [t.tokens[3] for t in miner.templates()] == [W]


def test_the_first_word_names_the_event():
    daemons = ["cachesrv", "authd", "queue", "indexer", "mailer"]
    miner, _ = mine([f"{daemon} warmup done" for daemon in daemons])
    assert [t.tokens[0] for t in miner.templates()] == daemons


def test_a_list_of_values_of_any_length_is_one_wildcard():
    miner, joined = mine([
        "could not reach mirrors m01 m02 m03",
        "could not reach mirrors m11 m12 m13 m14 m15 m16",
    ])
    assert len(miner.templates()) == 1
    assert joined[0].tokens[-1] == W


def test_every_line_fits_the_template_it_ends_in_and_counts_add_up():
    lines = [line for path in FIXTURE_LOGS for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(lines) > 500
    miner, joined = mine(lines)
    assert all(template.covers(tokenize(line)) for line, template in zip(lines, joined, strict=True))
    assert sum(t.count for t in miner.templates()) == len(lines)
    assert {t.id for t in joined} == {t.id for t in miner.templates()}
    assert len(miner.templates()) < len(set(lines))


def test_mining_is_deterministic():
    lines = [line for path in FIXTURE_LOGS[:4] for line in path.read_text(encoding="utf-8").splitlines()]
    first, joined_first = mine(lines)
    second, joined_second = mine(lines)
    assert [(t.id, t.tokens, t.count) for t in first.templates()] == [
        (t.id, t.tokens, t.count) for t in second.templates()
    ]
    assert [t.id for t in joined_first] == [t.id for t in joined_second]


def test_empty_and_blank_lines_form_their_own_template():
    miner, joined = mine(["", "   ", "job finished", ""])
    assert joined[0] is joined[1] is joined[3]
    assert joined[0].tokens == ()
    assert joined[0].count == 3
    assert joined[2].tokens == ("job", "finished")


def test_a_very_long_line_is_mined():
    words = " ".join(f"word{n % 7}x item{n}" for n in range(20_000))
    long_line = f"payload start {words} payload end"
    miner, joined = mine([long_line, long_line.replace("item1", "item9")])
    assert len(long_line) > 200_000
    assert joined[0] is joined[1]
    assert joined[0].tokens[:2] == ("payload", "start")
    assert joined[0].tokens[-2:] == ("payload", "end")


def test_a_full_miner_widens_a_template_or_uses_the_catch_all_and_loses_no_line():
    miner = TemplateMiner(MinerConfig(max_templates=2, max_shapes=2))
    for line in ["job alpha done", "job beta done", "job gamma done"]:
        miner.add(line)
    assert [t.tokens for t in miner.templates()] == [("job", W, "done")], "the third shape widened the closest"
    miner.add("disk 1 full")
    catch_all = miner.add("queue drained, nothing to do")
    assert catch_all.id == -1
    assert [t.id >= 0 for t in miner.templates()] == [True, True, False]
    assert [t.count for t in miner.templates()] == [3, 1, 1]


@pytest.mark.parametrize("field", ["min_distinct_values", "min_distinct_capitalised", "max_templates", "max_shapes"])
def test_config_rejects_values_that_cannot_work(field):
    with pytest.raises(ValueError, match=field):
        MinerConfig(**{field: 1})


SHAPES = [
    "user {v} logged in from {n}",
    "request {n} took {n} ms",
    "cache {v} evicted {n} entries",
    "shutting down",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(SHAPES), st.sampled_from(["ann", "bo", "cy", "di"]), st.integers(0, 999))))
def test_any_stream_keeps_counts_and_coverage(stream):
    lines = [shape.format(v=value, n=number) for shape, value, number in stream]
    miner, joined = mine(lines)
    assert sum(t.count for t in miner.templates()) == len(lines)
    assert all(template.covers(tokenize(line)) for line, template in zip(lines, joined, strict=True))
    assert len(miner.templates()) <= len(SHAPES) * 4
