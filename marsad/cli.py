"""The `marsad` command: a thin layer over marsad.api."""
from __future__ import annotations

import argparse
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, TextIO

from marsad.errors import MarsadError, UsageError

EXPORT_FORMATS = ("eval-json", "json", "acled-csv", "geojson")

EPILOG = """exit status: 0 success, 1 some inputs failed (each named on stderr with its reason),
2 unusable arguments or database.

examples:
  marsad extract examples/seeds --format eval-json -o pred.json
  marsad ingest articles/ --db sqlite:///marsad.db --workers 2
  marsad export --db sqlite:///marsad.db --format acled-csv -o events.csv
  marsad tag --conll tokens.txt -o tagged.txt
"""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="marsad", description="Arabic conflict reports in; entities, relations and events with evidence out.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--config", metavar="FILE", help="YAML file of options overriding the shipped defaults")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--no-progress", action="store_true", help="never draw a progress bar (it is drawn on "
                        "stderr only when stderr is a terminal)")

    def scale(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--workers", type=int, default=1, metavar="N",
                        help="run the pipeline on N processes (default 1); the output is the same, in input order")
        sp.add_argument("--dask", metavar="ADDRESS", help="run the pipeline on a Dask cluster: a scheduler address "
                        "(tcp://host:8786) or 'local' for one on this machine; needs marsad[dask]")

    ex = sub.add_parser("extract", help="run the pipeline on files or folders and write an export; no database",
                        description="Read .txt (UTF-8, cp1256, UTF-16), .html, .jsonl/.json files or folders of them "
                                    "(recursively), extract entities, relations and events, and write one export.")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    ex.add_argument("--format", choices=EXPORT_FORMATS, default="eval-json",
                    help="eval-json: the evaluation format of shared/eval (default); json: everything, one document "
                         "per line; acled-csv: ACLED's 31 columns; geojson: events with coordinates")
    ex.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    common(ex)
    scale(ex)

    ing = sub.add_parser("ingest", help="run the pipeline and store the results in a database",
                         description="Like extract, but store every document in one transaction. Re-ingesting an "
                                     "article with the same text changes nothing.")
    ing.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    ing.add_argument("--db", metavar="URL", help="SQLAlchemy URL (default sqlite:///marsad.db in the working "
                                                 "directory; postgresql+psycopg://… for a server)")
    common(ing)
    scale(ing)

    out = sub.add_parser("export", help="export what a database holds",
                         description="Write every stored document's entities, relations and events in one format.")
    out.add_argument("--db", metavar="URL", help="SQLAlchemy URL (default sqlite:///marsad.db)")
    out.add_argument("--format", choices=EXPORT_FORMATS, required=True, help="export format (see extract)")
    out.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")

    tag = sub.add_parser("tag", help="tag named entities in a token-per-line file (statistical NER)",
                         description="Read one token per line (blank line between sentences; a second column is "
                                     "ignored) and write `token TAG` lines, IOB2 with ANERcorp's types PERS, LOC, "
                                     "ORG, MISC, keeping the tokens, their order and the blank lines.")
    tag.add_argument("--conll", required=True, metavar="FILE", help="UTF-8 token-per-line file ('-' for stdin)")
    tag.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from marsad import api
    from marsad.config import Options
    try:
        options = Options.load(args.config, db_url=getattr(args, "db", None))
        progress = options.progress and not getattr(args, "no_progress", False) and sys.stderr.isatty()
        report = _Report()
        for path in getattr(args, "paths", ()):
            if not Path(path).exists():
                raise UsageError(f"no such file or folder: {path}")
            if getattr(args, "output", None) and Path(path).resolve() == Path(args.output).resolve():
                raise UsageError(f"-o {args.output} is also an input: writing it would destroy it")
        if args.command == "extract":
            with _output(args.output) as out:
                exclude = [args.output] if args.output else []
                docs = report.watch(api.extract(args.paths, options, exclude, **_scale(args)), progress)
                api.write_export(args.format, docs, out, options)
        elif args.command == "ingest":
            stored = api.ingest(report.watch(api.extract(args.paths, options, **_scale(args)), progress), options)
            print(f"marsad: {stored.added} document(s) stored, {stored.unchanged} unchanged, in {options.db_url}",
                  file=sys.stderr)
        elif args.command == "export":
            with _output(args.output) as out:
                api.export(args.format, out, options)
        elif args.command == "tag":
            _tag_conll(args.conll, args.output, options)
        return report.exit_status()
    except UsageError as e:
        print(f"marsad: {e}", file=sys.stderr)
        return 2
    except MarsadError as e:
        print(f"marsad: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("marsad: interrupted", file=sys.stderr)
        return 130


def _scale(args: argparse.Namespace) -> dict:
    if args.workers < 1:
        raise UsageError(f"--workers must be at least 1, not {args.workers}")
    if args.dask and args.workers > 1:
        raise UsageError("--workers and --dask do not go together: the Dask cluster has its own workers")
    return {"workers": args.workers, "dask": args.dask}


def _tag_conll(path: str, output: str | None, options) -> None:
    from marsad.extract.ner_crf import CrfTagger, tag_conll
    if path != "-" and not Path(path).is_file():
        raise UsageError(f"no such file: {path}")
    if output and path != "-" and Path(path).resolve() == Path(output).resolve():
        raise UsageError(f"-o {output} is also the input: writing it would destroy it")
    tagger = CrfTagger.load(options)
    with _output(output) as out:
        if path == "-":
            if hasattr(sys.stdin, "reconfigure"):
                sys.stdin.reconfigure(encoding="utf-8")
            tag_conll(sys.stdin, out, tagger)
        else:
            with open(path, encoding="utf-8-sig") as f:
                tag_conll(f, out, tagger)


class _Report:
    """Names every failed input on stderr as it happens, and counts them for the exit status."""

    def __init__(self) -> None:
        self.failed = 0
        self.done = 0

    def watch(self, items: Iterator, progress: bool) -> Iterator:
        from marsad.model import InputProblem
        bar = None
        if progress:
            from tqdm import tqdm
            bar = tqdm(unit="doc", file=sys.stderr)
        try:
            for item in items:
                if isinstance(item, InputProblem):
                    self.failed += 1
                    print(f"marsad: skipped {item.source}: {item.reason}", file=sys.stderr)
                    continue
                self.done += 1
                if bar is not None:
                    bar.update()
                yield item
        finally:
            if bar is not None:
                bar.close()
        if self.failed:
            print(f"marsad: {self.done} document(s) processed, {self.failed} input(s) failed", file=sys.stderr)

    def exit_status(self) -> int:
        return 1 if self.failed else 0


@contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    if path is None:
        # Arabic output must not depend on the terminal's locale (a cp1252 pipe, LANG=C)
        if hasattr(sys.stdout, "reconfigure") and (sys.stdout.encoding or "").lower().replace("-", "") != "utf8":
            sys.stdout.reconfigure(encoding="utf-8")
        yield sys.stdout
        return
    target = Path(path)
    if target.parent and not target.parent.exists():
        raise UsageError(f"cannot write {path}: folder {target.parent} does not exist")
    with open(target, "w", encoding="utf-8", newline="") as f:
        yield f
