"""The `corpuskit` command line. Exit codes: 0 clean, 1 findings at or above the failing
severity, 2 usage or internal error."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from importlib import import_module

from corpuskit import __version__

USAGE_ERROR = 2


def _paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="*", help="seed files or folders (default: `paths` in the config, seeds/)"
    )


def _selection(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--select", help="comma-separated rule codes or prefixes to apply, replacing `select` (default ALL)"
    )
    parser.add_argument("--extend-select", help="comma-separated codes or prefixes to apply as well")
    parser.add_argument("--ignore", help="comma-separated rule codes or prefixes to skip, added to `ignore`")


def _fixing(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--unsafe-fixes", action="store_true", help="also delete removed boilerplate from the seed files"
    )
    parser.add_argument(
        "--diff", action="store_true", help="print the fixes as a diff, write nothing; exit 1 if any"
    )


def _no_cache(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the results cache")


def _count(text: str) -> int:
    """A whole number, 0 or more (argparse type).

    >>> _count("2"), _count("0")
    (2, 0)
    """
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return value


def _engine(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-j",
        "--jobs",
        type=_count,
        metavar="N",
        help="worker processes (0: one per CPU); default 1, with --engine ray all CPUs",
    )
    parser.add_argument(
        "--engine", choices=["local", "ray"], default="local", help="where seeds are cleaned (default local)"
    )
    parser.add_argument("--ray-address", metavar="ADDRESS", help="Ray cluster to join (--engine ray)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="corpuskit", description="Clean, validate and gate a corpus of text seeds."
    )
    parser.add_argument("--version", action="version", version=f"corpuskit {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser("build", help="write the cleaned corpus (JSONL) and a report per seed")
    _paths(build)
    build.add_argument("-o", "--output", help="corpus file (default build/corpus.jsonl)")
    build.add_argument("--reports", help="folder of per-seed reports (default build/reports)")
    build.add_argument(
        "--html", metavar="PATH", help="also write a review page (one self-contained HTML file)"
    )
    _selection(build)
    _engine(build)
    _no_cache(build)
    build.set_defaults(handler="build:run")

    check = commands.add_parser("check", help="report findings; exit 1 when the corpus fails the policy")
    _paths(check)
    check.add_argument(
        "--output-format",
        choices=["text", "concise", "json", "github", "sarif", "junit"],
        help="default text; github when GITHUB_ACTIONS is set",
    )
    check.add_argument("--output-file", metavar="PATH", help="write the output there instead of stdout")
    check.add_argument("--statistics", action="store_true", help="print the number of findings per rule")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings fail the gate")
    check.add_argument("--fix", action="store_true", help="apply safe fixes to the seed files, then check")
    _fixing(check)
    _selection(check)
    _engine(check)
    _no_cache(check)
    check.set_defaults(handler="check:run")

    fix = commands.add_parser(
        "fix",
        help="apply fixes to the seed files; exit 1 when one changed or cannot be read (the pre-commit hook)",
    )
    _paths(fix)
    _fixing(fix)
    _selection(fix)
    _no_cache(fix)
    fix.set_defaults(handler="fix:run")

    clean = commands.add_parser("clean", help="print the cleaned text of one seed")
    clean.add_argument("file", help="a seed file, or - for standard input")
    clean.add_argument("--json", action="store_true", help="print the record and its report instead")
    _selection(clean)
    clean.set_defaults(handler="clean:run")

    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument("--json", action="store_true")
    rules.set_defaults(handler="rules:run_list")

    rule = commands.add_parser("rule", help="print the documentation of one rule")
    rule.add_argument("code")
    rule.set_defaults(handler="rules:run_one")

    schema = commands.add_parser("schema", help="write the JSON Schemas of the models into schemas/")
    schema.add_argument("--dir", default="schemas")
    schema.add_argument("--check", action="store_true", help="only report out-of-date files (exit 1)")
    schema.set_defaults(handler="schema:run")

    config = commands.add_parser("config", help="print the effective settings and their defaults")
    config.set_defaults(handler="config:run")

    clean_cache = commands.add_parser("clean-cache", help="delete the results cache")
    clean_cache.set_defaults(handler="cache:run")
    return parser


def main(argv: list[str] | None = None) -> int:
    previous = _watch_interrupts()
    try:
        return _main(argv)
    except KeyboardInterrupt:
        print("corpuskit: interrupted; outputs left as they were", file=sys.stderr)
        return 130
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)


_interrupts: list[int] = []  # Ctrl-C received during this run


def _watch_interrupts():
    """Note every Ctrl-C before raising KeyboardInterrupt as Python does: a library that
    turns the KeyboardInterrupt into its own error (pydantic while serializing) must not
    make it look like an internal error. Returns the handler to put back."""
    if threading.current_thread() is not threading.main_thread():
        return None
    _interrupts.clear()

    def on_interrupt(signum, frame):
        _interrupts.append(signum)
        signal.default_int_handler(signum, frame)

    return signal.signal(signal.SIGINT, on_interrupt)


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if getattr(args, "diff", False) and any(
            getattr(args, name, None) for name in ("output_format", "output_file", "statistics")
        ):
            parser.error(
                "--diff prints the fixes as a diff; it takes no --output-format, --output-file, --statistics"
            )
    except SystemExit as exit_:
        return int(exit_.code or 0)
    module, function = args.handler.split(":")
    # pydantic would scan every installed package for plugins at import: a command line
    # run has none to load, and the scan costs more than the rest of a small check
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # numpy's BLAS would start a thread per core at import, which a run in this process
    # never uses (worker processes set the same)
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from corpuskit.destinations import DestinationError
    from corpuskit.discover import PathError
    from corpuskit.project import ConfigError

    try:
        return getattr(import_module(f"corpuskit.commands.{module}"), function)(args)
    except (ConfigError, PathError, DestinationError) as err:
        print(f"corpuskit: {err}", file=sys.stderr)
        return USAGE_ERROR
    except BrokenPipeError:  # the reader went away (`corpuskit check | head`)
        return _reader_gone()
    except OSError as err:  # an output that cannot be written: the disk, a folder, a permission
        where = f"{err.filename}: " if err.filename else ""
        reason = err.strerror or err
        print(f"corpuskit: cannot write {where}{reason}; outputs left as they were", file=sys.stderr)
        return USAGE_ERROR
    except Exception as err:  # the gate never shows a traceback
        if _interrupts:  # a Ctrl-C a library wrapped in its own error
            raise KeyboardInterrupt from None
        print(f"corpuskit: internal error: {type(err).__name__}: {err}", file=sys.stderr)
        return USAGE_ERROR


def _reader_gone() -> int:
    """Stop without a word when the program reading the output has closed it, as a
    pipeline expects; the exit code is the shell's for a write to a closed pipe (128 +
    SIGPIPE), so that `set -o pipefail` does not take a cut-off check for a passed one.
    Standard output is pointed at the null device first: the interpreter flushes it once
    more on its way out."""
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, sys.stdout.fileno())
    os.close(null)
    return 128 + 13
