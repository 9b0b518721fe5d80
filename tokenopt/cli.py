"""argv → Settings → the pipeline; the one error boundary of the command line."""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from . import __version__, config_store, index_cli, matrix, state, usage
from .errors import StateError, TokenoptError, UsageError
from .optimizer import EnhancedTokenOptimizer, Result
from .output import summary_json, write_atomic
from .runs import JOBS, Access
from .settings import DEFAULT_BUDGET, FAIL_ON, FORMATS, OUTCOMES, PROFILES, Settings
from .tokens import load_counter, provide_encoding

EXIT_OK, EXIT_FAILURES, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message, "see python -m tokenopt --help")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m tokenopt", argument_default=argparse.SUPPRESS,
                description="Turn CI logs into a short digest that fits an exact token budget.")
    add = p.add_argument
    add("--log-file", action="append", metavar="PATH",
        help="log file, glob (** ok), .gz/.zip, or - for stdin; repeatable")
    add("--run", metavar="URL|ID",
        help="a GitHub Actions run's (or job's) URL, or a run id with --repository: digest its job logs, read "
             "through the REST API with the token in GH_TOKEN or GITHUB_TOKEN (it needs actions: read)")
    add("--repository", metavar="OWNER/NAME", help="the repository of a run given by id")
    add("--jobs", choices=JOBS, help="which of the run's jobs to read: failed (default) or all")
    add("--budget", "--max-token-budget", dest="budget", metavar="N", help=f"token budget (default {DEFAULT_BUDGET})")
    add("--reserve-percentage", metavar="P", help="share of the budget held for critical events (default 10)")
    add("--encoding", metavar="NAME", help="tiktoken encoding: cl100k_base (default) or o200k_base")
    add("--encoding-dir", action="append", metavar="DIR", help="directory holding NAME.tiktoken files; repeatable")
    add("--allow-estimate", action="store_const", const=True,
        help="when no encoding file is found, count UTF-8 bytes (a labelled upper bound) instead of stopping")
    add("--profile", choices=PROFILES, help="auto (default) picks from the first lines")
    add("--no-recognizer", action="append", metavar="FAMILY",
        help="switch a recognizer family off (python, jvm, …; all: the generic failure finder alone); repeatable")
    add("--chunk-size", metavar="N|auto", help="lines per processing chunk (default auto)")
    add("--workers", metavar="N", help="processes reading several inputs in parallel (default 0: one per core)")
    add("--max-line-bytes", metavar="N",
        help="longer lines are clipped with a marker (default 65536, at most 16777216)")
    add("--out", metavar="PATH", help="write the digest here (- for stdout) instead of --log-dir")
    add("--log-dir", metavar="DIR", help="where digests rotate when --out is not given (default ./logs)")
    add("--max-log-size-mb", metavar="MB", help="total size kept in --log-dir (default 5)")
    add("--max-logs", metavar="N", help="digests kept in --log-dir (default 10)")
    add("--format", choices=FORMATS, help="text (default), markdown or json")
    add("--template", metavar="FILE", help="your own Jinja template for the digest")
    add("--fail-on", choices=FAIL_ON, help="exit 1 when events this severe were found (default never)")
    add("--config-dir", metavar="DIR", help="where named configs live (default .tokenopt/configs)")
    add("--save-config", metavar="NAME", help="save this run's options as NAME")
    add("--load-config", metavar="NAME", help="start from the options saved as NAME; flags still win")
    add("--track-usage", action="store_const", const=True, help="append this run to the usage history")
    add("--usage-file", metavar="PATH", help="usage history file (default .tokenopt/usage.jsonl)")
    add("--usage-report", action="store_true", help="print usage totals and the last runs, then exit")
    add("--compare-original", action="store_const", const=True,
        help="also run the naive read-all/grep/cut approach and print both side by side")
    _add_memory_options(add)
    add("--debug", action="store_true", help="show tracebacks of internal errors")
    add("--version", action="version", version=f"tokenopt {__version__}")
    return p


def _add_memory_options(add: Any) -> None:
    """What ties a run to its job's history, and what is remembered across runs."""
    add("--job", metavar="NAME", help="the job this run belongs to: its history is compared with this job's only "
        "(default: a key of the inputs)")
    add("--commit", metavar="SHA", help="the commit built (default $GITHUB_SHA): a failure and a pass on one commit "
        "is flaky")
    add("--outcome", choices=OUTCOMES, help="whether the job passed, for what its passing runs teach (default auto: "
        "no failure and no failing step in the log)")
    add("--ignore-flaky", action="store_const", const=True, help="flaky failures do not meet --fail-on")
    add("--store-memory", action="store_const", const=True, help="keep error summaries in the cross-run index")
    add("--index", metavar="PATH", help="cross-run index file (default .tokenopt/index.json; '' for none)")
    add("--index-max-patterns", metavar="N", help="patterns the index keeps, least recently seen go first (5000)")
    add("--memory-file", metavar="PATH",
        help="also write the error summaries as an MCP memory-server graph (JSON lines); implies --store-memory")
    add("--collect", metavar="DIR", help="also write this job's findings to DIR/<job>/ for `tokenopt merge` (a matrix "
        "job; the job is named by --job, else by its inputs)")


def settings_from_args(args: argparse.Namespace, environ: dict[str, str]) -> Settings:
    """Defaults, then a loaded config, then the flags given: later wins."""
    flags: dict[str, Any] = {k: v for k, v in vars(args).items()
                             if k not in ("save_config", "load_config", "usage_report", "debug", "collect")}
    config_dir = flags.get("config_dir", Settings.config_dir)
    values: dict[str, Any] = {}
    if getattr(args, "load_config", None):
        values.update(config_store.load(args.load_config, config_dir))
    values.update(flags)
    if "format" not in values and str(values.get("out", "")).endswith((".md", ".json")):
        values["format"] = "markdown" if values["out"].endswith(".md") else "json"  # --out says what it wants
    if "commit" not in values and environ.get("GITHUB_SHA"):
        values["commit"] = environ["GITHUB_SHA"]
    dirs = list(values.get("encoding_dir", []))
    dirs += [environ[name] for name in ("TOKENOPT_ENCODINGS_DIR", "TIKTOKEN_CACHE_DIR") if environ.get(name)]
    values["encoding_dir"] = dirs
    return Settings.from_mapping(values, origin="--{name}")


def main(argv: Sequence[str] | None = None, environ: dict[str, str] | None = None) -> int:
    debug = "--debug" in (sys.argv[1:] if argv is None else argv)
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv[:1] == ["index"]:
            return index_cli.main(argv[1:])
        if argv[:1] == ["encodings"]:
            return encodings(argv[1:])
        if argv[:1] == ["merge"]:
            return merge_command(argv[1:], dict(os.environ if environ is None else environ))
        return _run(build_parser().parse_args(argv), dict(os.environ if environ is None else environ))
    except TokenoptError as error:
        print(f"tokenopt: error: {error.one_line()}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("tokenopt: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # the boundary: anything unexpected is one line unless --debug
        if debug:
            raise
        print(f"tokenopt: internal error: {type(error).__name__}: {error} — rerun with --debug and report it",
              file=sys.stderr)
        return EXIT_INTERNAL


def _run(args: argparse.Namespace, environ: dict[str, str]) -> int:
    settings = settings_from_args(args, environ)
    report_usage = getattr(args, "usage_report", False)
    check_state_files(settings, report_usage)
    if report_usage:
        print(usage.report(settings.usage_file))
        return EXIT_OK
    if settings.run and settings.compare_original:
        raise UsageError("--compare-original reads --log-file inputs, not a run's logs", "drop one of the two")
    result = EnhancedTokenOptimizer(settings=settings).run(access=access_from(environ))
    summary = result.summary()
    warnings = list(result.warnings)
    if settings.track_usage:
        try:
            usage.record(settings.usage_file, summary, [*settings.log_file, *([settings.run] if settings.run else [])])
        except StateError as error:
            warnings.append(error.one_line())
    for warning in warnings:  # the digest is out; a state file that could not be written is worth a line
        print(f"tokenopt: warning: {warning}", file=sys.stderr)
    if getattr(args, "collect", None):
        labels = ", ".join(result.collected.labels.values())
        folder = matrix.collect(result, args.collect, settings.job or labels or "job")
        print(f"Collected to: {folder}", file=sys.stderr if settings.out == "-" else sys.stdout)
    if getattr(args, "save_config", None):
        saved = config_store.save(settings, args.save_config)
        print(f"Config saved to: {saved}", file=sys.stderr if settings.out == "-" else sys.stdout)
    report = sys.stderr if settings.out == "-" else sys.stdout
    print(describe(result), file=report)
    if settings.compare_original:
        print(compare(settings, summary), file=report)
    if not result.fails(settings.fail_on, settings.ignore_flaky):
        return EXIT_OK
    if result.collected.nothing_read:
        print(f"tokenopt: nothing could be read from the inputs (see the notes): failing because --fail-on "
              f"{settings.fail_on}", file=sys.stderr)
    return EXIT_FAILURES


def merge_command(argv: list[str], environ: dict[str, str]) -> int:
    """``python -m tokenopt merge OUT_DIR IN_DIR...``: the collected jobs' findings as one digest in OUT_DIR
    (digest.md, digest.json, and index.json when the jobs had indexes); exit 1 when --fail-on is met."""
    parser = _Parser(prog="python -m tokenopt merge", argument_default=argparse.SUPPRESS,
                     description="Merge the folders `--collect` (the action's mode: collect) wrote into one digest.")
    parser.add_argument("out_dir")
    parser.add_argument("inputs", nargs="+", metavar="IN_DIR")
    for flag, help_text in (("--budget", "token budget"), ("--fail-on", "exit 1 when events this severe were found"),
                            ("--encoding", "tiktoken encoding"), ("--profile", "force a profile")):
        parser.add_argument(flag, help=help_text)
    args = vars(parser.parse_args(argv))
    out_dir, inputs = Path(args.pop("out_dir")), args.pop("inputs")
    dirs = [environ[n] for n in ("TOKENOPT_ENCODINGS_DIR", "TIKTOKEN_CACHE_DIR") if environ.get(n)]
    settings = Settings.from_mapping({**args, "out": str(out_dir / "digest.md"), "format": "markdown",
                                      "encoding_dir": dirs}, origin="--{name}")
    result = matrix.merge(settings, inputs, str(out_dir / "index.json"))
    json_path = out_dir / "digest.json"
    write_atomic(json_path, summary_json(result))
    print(describe(result))
    return EXIT_FAILURES if result.fails(settings.fail_on, settings.ignore_flaky) else EXIT_OK


def check_state_files(settings: Settings, report_usage: bool = False) -> None:
    """Refuse, before anything is read or written, a state file that is not a regular file (a device, a
    FIFO, a directory, a symlink to one): tokenopt would replace it."""
    for path, what, used in ((settings.index, "index", True), (settings.memory_file, "memory file", True),
                             (settings.usage_file, "usage file", settings.track_usage or report_usage)):
        if path and used:
            state.regular_file(path, what)


def encodings(argv: list[str]) -> int:
    """``python -m tokenopt encodings DIR NAME...``: a verified copy of each encoding in DIR, for --encoding-dir
    (the image build and the composite action run this; so may an air-gapped runner's setup)."""
    if len(argv) < 2:
        raise UsageError("encodings needs a directory and encoding names",
                         "python -m tokenopt encodings DIR cl100k_base o200k_base")
    for name in argv[1:]:
        print(f"tokenopt: {provide_encoding(name, argv[0])}")
    return EXIT_OK


def access_from(environ: dict[str, str]) -> Access:
    """The token as gh reads it (GH_TOKEN first, then GITHUB_TOKEN); inside a workflow, its GitHub's URLs."""
    token = environ.get("GH_TOKEN") or environ.get("GITHUB_TOKEN") or ""
    return Access(token, environ.get("GITHUB_SERVER_URL") or "https://github.com", environ.get("GITHUB_API_URL", ""))


def describe(result: Result) -> str:
    """The short summary a person reads after a run (no log text: only figures, paths and counts)."""
    s = result.summary()
    exactness = "exact" if s["tokens_exact"] else "ESTIMATED: no tokenizer file"
    dropped = ", ".join(f"{name} {p['dropped_patterns']}" + (f" (+{p['trimmed']} trimmed)" if p["trimmed"] else "")
                        for name, p in s["priorities"].items())
    approx = "~" if s["input_tokens_estimated"] else ""
    return "\n".join([
        f"tokenopt: {s['digest'].splitlines()[0].split(': ', 1)[-1] if s['digest'] else 'empty digest'}",
        f"Compression ratio: {s['compression_ratio']:.2%} ({s['tokens']:,} digest tokens from {approx}"
        f"{s['input_tokens']:,} input tokens)",
        f"Estimated tokens: {s['tokens']:,} ({exactness}, {s['encoding']}; budget {s['budget']:,})",
        f"Digest written to: {'standard output' if s['output_path'] == '-' else s['output_path']}",
        f"Dropped patterns per priority: {dropped}",
        *(f"Note: {note}" for note in s["notes"]),
    ])


def compare(settings: Settings, summary: dict[str, Any]) -> str:
    counter = load_counter(settings.encoding, settings.encoding_dir, settings.allow_estimate)
    failures = usage.failure_markers(summary)
    quiet = settings.merged({"out": os.devnull, "format": "text"})
    ours = usage.measure("tokenopt", lambda: EnhancedTokenOptimizer(settings=quiet).run().digest, counter, failures)
    naive = usage.measure("original", lambda: usage.naive_original(settings.log_file, settings.budget, counter),
                          counter, failures)
    return "\n" + usage.comparison_table([ours, naive], len(failures))


