"""Grouping accuracy and speed of tokenopt's template miner on the 16 Loghub-2k datasets, against Drain3.

For each dataset (``<Name>_2k.log`` with ``<Name>_2k.log_structured_corrected.csv``, or the original
``<Name>_2k.log_structured.csv`` labels when no corrected file is there) the log header is cut off with
the dataset's header layout (written below), the miner runs once over the 2,000 messages in order, and
the final clusters are scored with the usual Loghub grouping accuracy: a line counts as correct only
when its predicted cluster holds exactly the lines of its ground-truth event. Speed times the miner
alone (a fresh miner per pass, so nothing learnt in one pass helps the next) over several passes of
the same messages.

Drain3 runs with ``TemplateMinerConfig()`` as it comes (no masking instructions). It is an optional,
bench-only install (``pip install drain3``); without it its columns say ``n/a``.

    python bench/grouping.py --data /work/shared/data/loghub/corrected --repeats 20
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tokenopt.mining import TemplateMiner, mask  # noqa: E402

DEFAULT_DATA = Path("/work/shared/data/loghub/corrected")

# The header layout of each dataset: <Field> is one header field, <Content> the message the miner sees,
# {?…} an optional part, a space any run of blanks; everything else is literal.
LAYOUTS = {
    "HDFS": "<Date> <Time> <Pid> <Level> <Component>: <Content>",
    "Hadoop": "<Date> <Time> <Level> [<Process>] <Component>: <Content>",
    "Spark": "<Date> <Time> <Level> <Component>: <Content>",
    "Zookeeper": "<Date> <Time> - <Level> [<Node>:<Component>@<Id>] - <Content>",
    "BGL": "<Label> <Timestamp> <Date> <Node> <Time> <NodeRepeat> <Type> <Component> <Level> <Content>",
    "HPC": "<LogId> <Node> <Component> <State> <Time> <Flag> <Content>",
    "Thunderbird": "<Label> <Timestamp> <Date> <User> <Month> <Day> <Time> <Location> <Component>{?[<PID>]}: <Content>",
    "Windows": "<Date> <Time>, <Level> <Component> <Content>",
    "Linux": "<Month> <Date> <Time> <Level> <Component>{?[<PID>]}: <Content>",
    "Android": "<Date> <Time> <Pid> <Tid> <Level> <Component>: <Content>",
    "HealthApp": "<Time>|<Component>|<Pid>|<Content>",
    "Apache": "[<Time>] [<Level>] <Content>",
    "Proxifier": "[<Time>] <Program> - <Content>",
    "OpenSSH": "<Date> <Day> <Time> <Component> sshd[<Pid>]: <Content>",
    "OpenStack": "<Logrecord> <Date> <Time> <Pid> <Level> <Component> [<ADDR>] <Content>",
    "Mac": "<Month> <Date> <Time> <User> <Component>{?[<PID>]}{? (<Address>)}: <Content>",
}

_LAYOUT_PART = re.compile(r"<(\w+)>|\{\?|\}| +|[^<{} ]+|.")


def layout_regex(layout: str) -> re.Pattern[str]:
    """The regex of a header layout: header fields are shortest matches, the content takes the rest."""
    out = []
    for part in _LAYOUT_PART.finditer(layout):
        text, field = part.group(0), part.group(1)
        if field == "Content":
            out.append(r"(?P<Content>.*)")
        elif field:
            out.append(rf"(?P<{field}>.*?)")
        elif text == "{?":
            out.append("(?:")
        elif text == "}":
            out.append(")?")
        elif text.isspace():
            out.append(r"\s+")
        else:
            out.append(re.escape(text))
    return re.compile("^" + "".join(out) + "$")


def load(data: Path, name: str) -> tuple[list[str], list[str], int]:
    """The messages, their ground-truth event ids, and how many messages differ from the labelled content."""
    pattern = layout_regex(LAYOUTS[name])
    raw = (data / name / f"{name}_2k.log").read_text(encoding="utf-8", errors="replace").splitlines()
    labels = data / name / f"{name}_2k.log_structured_corrected.csv"
    if not labels.exists():  # the original Loghub-2k labels, for a check on data the defaults were not tuned on
        labels = data / name / f"{name}_2k.log_structured.csv"
    with open(labels, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    if len(rows) != len(raw):
        raise SystemExit(f"{name}: {len(raw)} log lines but {len(rows)} labelled rows")
    messages, events, mismatched = [], [], 0
    for line, row in zip(raw, rows, strict=True):
        match = pattern.match(line.rstrip("\r"))
        message = match.group("Content") if match else line
        mismatched += message.strip() != row["Content"].strip()
        messages.append(message)
        events.append(row["EventId"])
    return messages, events, mismatched


def grouping_accuracy(truth: Sequence[str], predicted: Sequence[object]) -> float:
    """Share of lines whose predicted cluster is exactly the set of lines of their true event."""
    true_sets: dict[str, set[int]] = defaultdict(set)
    predicted_sets: dict[object, set[int]] = defaultdict(set)
    for index, (event, cluster) in enumerate(zip(truth, predicted, strict=True)):
        true_sets[event].add(index)
        predicted_sets[cluster].add(index)
    correct = sum(len(lines) for lines in true_sets.values() if predicted_sets[predicted[next(iter(lines))]] == lines)
    return correct / len(truth)


def tokenopt_labels(messages: Sequence[str]) -> list[object]:
    miner = TemplateMiner()
    joined = [miner.add(message) for message in messages]
    # Templates may merge after a line joined: score the template each line ends up in.
    return [miner.resolve(template).id for template in joined]


def mask_pass(messages: Sequence[str]) -> None:
    for message in messages:
        mask(message)


def tokenopt_pass(messages: Sequence[str]) -> None:
    add = TemplateMiner().add
    for message in messages:
        add(message)


def drain3_factory() -> Callable[[], object] | None:
    try:
        from drain3 import TemplateMiner as Drain3Miner
        from drain3.template_miner_config import TemplateMinerConfig
    except ImportError:
        return None
    return lambda: Drain3Miner(config=TemplateMinerConfig())


def drain3_labels(factory: Callable[[], object], messages: Sequence[str]) -> list[object]:
    miner = factory()
    return [miner.add_log_message(message)["cluster_id"] for message in messages]  # type: ignore[attr-defined]


def drain3_pass(factory: Callable[[], object], messages: Sequence[str]) -> None:
    add = factory().add_log_message  # type: ignore[attr-defined]
    for message in messages:
        add(message)


def lines_per_second(run_pass: Callable[[], None], lines: int, repeats: int) -> float:
    run_pass()  # warm-up: imports, regex compilation
    start = time.perf_counter()
    for _ in range(repeats):
        run_pass()
    return lines * repeats / (time.perf_counter() - start)


def measure(data: Path, name: str, repeats: int, drain3: Callable[[], object] | None) -> dict[str, float | None]:
    messages, truth, mismatched = load(data, name)
    if mismatched:
        print(f"note: {name}: {mismatched} message(s) differ from the labelled Content column", file=sys.stderr)
    row: dict[str, float | None] = {
        "ga": grouping_accuracy(truth, tokenopt_labels(messages)),
        "speed": lines_per_second(lambda: tokenopt_pass(messages), len(messages), repeats),
        "mask_speed": lines_per_second(lambda: mask_pass(messages), len(messages), repeats),
        "ga_drain3": None,
        "speed_drain3": None,
    }
    if drain3 is not None:
        row["ga_drain3"] = grouping_accuracy(truth, drain3_labels(drain3, messages))
        row["speed_drain3"] = lines_per_second(lambda: drain3_pass(drain3, messages), len(messages), repeats)
    return row


def cell(value: float | None, spec: str) -> str:
    return "n/a" if value is None else format(value, spec)


def print_table(rows: dict[str, dict[str, float | None]]) -> None:
    print(f"{'dataset':<12} {'GA tokenopt':>11} {'GA drain3':>9} {'lines/s tokenopt':>16} {'lines/s drain3':>14}")
    for name, row in rows.items():
        print(
            f"{name:<12} {cell(row['ga'], '.3f'):>11} {cell(row['ga_drain3'], '.3f'):>9} "
            f"{cell(row['speed'], ',.0f'):>16} {cell(row['speed_drain3'], ',.0f'):>14}"
        )
    mean: dict[str, float | None] = {}
    for key in ("ga", "ga_drain3", "speed", "speed_drain3"):
        values = [row[key] for row in rows.values()]
        mean[key] = None if None in values else sum(v for v in values if v is not None) / len(values)
    print(
        f"{'mean':<12} {cell(mean['ga'], '.3f'):>11} {cell(mean['ga_drain3'], '.3f'):>9} "
        f"{cell(mean['speed'], ',.0f'):>16} {cell(mean['speed_drain3'], ',.0f'):>14}"
    )
    worst = min(rows, key=lambda name: rows[name]["ga"] or 0.0)
    print(f"lowest GA tokenopt: {worst} {cell(rows[worst]['ga'], '.3f')}")
    if mean["ga_drain3"] is not None:
        behind = [n for n, r in rows.items() if (r["ga"] or 0.0) < (r["ga_drain3"] or 0.0)]
        print(f"datasets where tokenopt's GA is below drain3's: {', '.join(behind) or 'none'}")
    mask_share = sum((r["speed"] or 0.0) / (r["mask_speed"] or 1.0) for r in rows.values()) / len(rows)
    print(f"masking alone: {mask_share:.0%} of tokenopt's per-line time (mean over datasets)")
    if mean["speed"] and mean["speed_drain3"]:
        print(f"speed ratio tokenopt / drain3 (mean lines/s): {mean['speed'] / mean['speed_drain3']:.1f}x")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="directory holding <Name>/<Name>_2k.log")
    parser.add_argument("--repeats", type=int, default=20, help="timed passes over each dataset's messages")
    parser.add_argument("--datasets", nargs="*", default=list(LAYOUTS), choices=list(LAYOUTS), metavar="NAME")
    args = parser.parse_args(argv)
    drain3 = drain3_factory()
    if drain3 is None:
        print("drain3 is not installed (pip install drain3): its columns are skipped", file=sys.stderr)
    rows = {name: measure(args.data, name, args.repeats, drain3) for name in args.datasets}
    print(f"python {sys.version.split()[0]}, {args.repeats} timed passes per dataset, data {args.data}")
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
