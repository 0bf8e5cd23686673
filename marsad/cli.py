"""The `marsad` command: a thin layer over marsad.api."""
from __future__ import annotations

import argparse
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, TextIO

from marsad.errors import MarsadError, UsageError

EXPORT_FORMATS = ("eval-json", "json", "acled-csv", "acled-incidents-csv", "geojson")   # = marsad.export.FORMATS

EPILOG = """exit status: 0 success, 1 some inputs failed (each named on stderr with its reason),
2 unusable arguments or database.

examples:
  marsad extract examples/seeds --format eval-json -o pred.json
  marsad ingest articles/ --db sqlite:///marsad.db --workers 2
  marsad ingest articles/ --db postgresql://marsad@localhost:5432/marsad --report failed.jsonl
  marsad ingest articles/ --resume          # after an interrupted ingest: skip what is stored
  marsad export --db sqlite:///marsad.db --format acled-csv -o events.csv
  marsad watch https://example.org/feed.xml --interval 600
  marsad tag --conll tokens.txt -o tagged.txt
  marsad user add amal --db sqlite:///marsad.db && marsad serve --db sqlite:///marsad.db
"""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="marsad", description="Arabic conflict reports in; entities, relations and events with evidence out.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--config", metavar="FILE", help="YAML file of options overriding the shipped defaults")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--no-incidents", action="store_true", help="do not merge reports of one occurrence "
                        "across documents (faster, and memory does not grow with the corpus; a later ingest "
                        "resolves what this one stored)")
        sp.add_argument("--no-progress", action="store_true", help="never draw a progress bar (it is drawn on "
                        "stderr only when stderr is a terminal)")
        report_option(sp)

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
                         "per line, then one per incident; acled-csv: ACLED's 31 columns, one row per "
                         "event; acled-incidents-csv: one row per incident, all its sources named; "
                         "geojson: events with coordinates")
    ex.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout (-: stdout)")
    common(ex)
    scale(ex)

    ing = sub.add_parser("ingest", help="run the pipeline and store the results in a database",
                         description="Like extract, but store every document in one transaction. Re-ingesting an "
                                     "article with the same text changes nothing.")
    ing.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    ing.add_argument("--db", metavar="URL", help="SQLAlchemy URL (default sqlite:///marsad.db in the working "
                                                 "directory; postgresql://user@host:5432/dbname for a server)")
    ing.add_argument("--resume", action="store_true", help="skip, before extraction, every input whose text the "
                     "database already holds: continues an interrupted ingest without redoing its work")
    common(ing)
    scale(ing)

    out = sub.add_parser("export", help="export what a database holds",
                         description="Write every stored document's entities, relations and events in one format.")
    out.add_argument("--db", metavar="URL", help="SQLAlchemy URL (default sqlite:///marsad.db)")
    out.add_argument("--format", choices=EXPORT_FORMATS, required=True, help="export format (see extract)")
    out.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout (-: stdout)")

    add_watch_parser(sub)

    tag = sub.add_parser("tag", help="tag named entities in a token-per-line file (statistical NER)",
                         description="Read one token per line (blank line between sentences; a second column is "
                                     "ignored) and write `token TAG` lines, IOB2 with ANERcorp's types PERS, LOC, "
                                     "ORG, MISC, keeping the tokens, their order and the blank lines.")
    tag.add_argument("--conll", required=True, metavar="FILE", help="UTF-8 token-per-line file ('-' for stdin)")
    tag.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout (-: stdout)")
    _web_parsers(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from marsad import api
    from marsad.config import Options
    try:
        options = Options.load(args.config, db_url=getattr(args, "db", None),
                               incidents=False if getattr(args, "no_incidents", False) else None)
        progress = options.progress and not getattr(args, "no_progress", False) and sys.stderr.isatty()
        for path in getattr(args, "paths", ()):
            if not Path(path).exists():
                raise UsageError(f"no such file or folder: {path}")
            for flag, written in (("-o", getattr(args, "output", None)), ("--report", getattr(args, "report", None))):
                if written and Path(path).resolve() == Path(written).resolve():
                    raise UsageError(f"{flag} {written} is also an input: writing it would destroy it")
        report = _Report(getattr(args, "report", None))
        if args.command == "extract":
            with _output(args.output) as out:
                exclude = [f for f in (args.output, args.report) if f]
                items, incidents = api.extract_with_incidents(args.paths, options, exclude, **_scale(args))
                api.write_export(args.format, report.watch(items, progress), out, options, incidents=incidents)
        elif args.command == "ingest":
            _ingest(args, options, report, progress)
        elif args.command == "watch":
            _watch(args, options, report)
        elif args.command == "export":
            with _output(args.output) as out:
                api.export(args.format, out, options)
        elif args.command == "tag":
            _tag_conll(args.conll, args.output, options)
        elif args.command in ("serve", "user"):
            _web_command(args, options)
        return report.close()
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


# --------------------------------------------------------------------------- web workbench: serve, user

def _web_parsers(sub) -> None:
    srv = sub.add_parser("serve", help="run the analysts' web workbench on a database",
                         description="Pages for documents (highlighted, right to left), events, incidents, timeline, "
                                     "map and actors; a JSON API (/api, /openapi.json); reviews by logged-in analysts. "
                                     "Needs: pip install 'marsad[web]'.")
    srv.add_argument("--db", metavar="URL", help="SQLAlchemy URL (default sqlite:///marsad.db)")
    srv.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    srv.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    usr = sub.add_parser("user", help="manage analysts' accounts for the workbench",
                         description="Accounts for editing in the workbench; the password is asked for on the "
                                     "terminal (or read from stdin when it is not a terminal) and stored as an "
                                     "argon2 hash.")
    usr.add_argument("action", choices=("add", "list"), help="add an account, or list the accounts")
    usr.add_argument("name", nargs="?", help="user name (for add)")
    usr.add_argument("--db", metavar="URL", help="SQLAlchemy URL (default sqlite:///marsad.db)")


def _web_command(args, options) -> None:
    from marsad import api
    if args.command == "serve":
        try:
            from marsad.web.app import serve
        except ImportError as e:
            raise UsageError(f"the workbench needs its extra packages ({e.name} is missing): "
                             "pip install 'marsad[web]'") from None
        serve(options, args.host, args.port)
        return
    from marsad.review.accounts import Accounts
    with api.open_store(options) as store:
        accounts = Accounts(store.engine)
        if args.action == "list":
            for name in accounts.users():
                print(name)
            return
        if not args.name:
            raise UsageError("marsad user add needs a user name")
        if sys.stdin.isatty():
            import getpass
            password = getpass.getpass(f"password for {args.name}: ")
            if password != getpass.getpass("again: "):
                raise UsageError("the two passwords differ")
        else:
            password = sys.stdin.readline().rstrip("\r\n")
        accounts.add_user(args.name, password)
        print(f"marsad: user {args.name} added to {options.db_url}", file=sys.stderr)


class _Report:
    """Names every failed input on stderr as it happens (and in the --report file), and counts
    them for the exit status."""

    def __init__(self, path: str | None = None) -> None:
        from marsad.report import FailureReport
        self.failed = 0
        self.done = 0
        self.log = FailureReport(path) if path else None

    def problem(self, item) -> None:
        self.failed += 1
        print(f"marsad: skipped {item.source}: {item.reason}", file=sys.stderr)
        if self.log is not None:
            self.log.add(item)

    def watch(self, items: Iterator, progress: bool) -> Iterator:
        from marsad.model import InputProblem
        bar = None
        if progress:
            from tqdm import tqdm
            bar = tqdm(unit="doc", file=sys.stderr)
        try:
            for item in items:
                if isinstance(item, InputProblem):
                    self.problem(item)
                    continue
                self.done += 1
                if bar is not None:
                    bar.update()
                yield item
        finally:
            if bar is not None:
                bar.close()

    def close(self) -> int:
        """Say how many inputs failed; the exit status."""
        if self.log is not None:
            self.log.close()
        if self.failed:
            listed = f" (listed in {self.log.path})" if self.log is not None else ""
            print(f"marsad: {self.done} document(s) processed, {self.failed} input(s) failed{listed}",
                  file=sys.stderr)
        return 1 if self.failed else 0


# ---------------------------------------------------------------- ingest --resume, --report; watch

def report_option(sp: argparse.ArgumentParser) -> None:
    sp.add_argument("--report", metavar="FILE", help="also list every input that failed in FILE, with the reason "
                    "and the time (JSON Lines; CSV when FILE ends in .csv)")


def _ingest(args: argparse.Namespace, options, report: _Report, progress: bool) -> None:
    from marsad import api
    with api.open_store(options) as store:
        skip = api.AlreadyStored(store) if args.resume else None
        exclude = [args.report] if args.report else []
        docs = report.watch(api.extract(args.paths, options, exclude, skip=skip, **_scale(args)), progress)
        stored = api.ingest(docs, options, store=store, problems=report.problem)
        skipped = f", {skip.count} already stored (not extracted again)" if skip is not None else ""
        print(f"marsad: {stored.added} document(s) stored, {stored.unchanged} unchanged{skipped}, in {store.safe_url}",
              file=sys.stderr)


def add_watch_parser(sub) -> None:
    w = sub.add_parser("watch", help="poll RSS/Atom feeds and ingest each new article",
                       description="Fetch RSS or Atom feeds (URLs or files) every --interval seconds, fetch the "
                                   "articles of entries not seen before, and ingest them like `marsad ingest`. "
                                   "Feeds are asked with If-None-Match / If-Modified-Since; the feeds' validators "
                                   "and the entries seen are kept in the state file, so a restart fetches nothing "
                                   "twice. Stop it with Ctrl-C.")
    w.add_argument("feeds", nargs="+", metavar="FEED", help="feed URL (http, https) or feed file")
    w.add_argument("--db", metavar="URL", help="SQLAlchemy URL (default sqlite:///marsad.db)")
    w.add_argument("--interval", type=float, metavar="S", help="seconds between polls (default: option "
                   "watch_interval, 900)")
    w.add_argument("--once", action="store_true", help="poll every feed once and exit")
    w.add_argument("--state", metavar="FILE", help="state file (default: option watch_state, marsad-watch.json)")
    report_option(w)


def _watch(args: argparse.Namespace, options, report: _Report) -> None:
    from marsad import api
    if args.state:
        options.watch_state = args.state

    def said(r) -> None:
        report.done += r.added + r.unchanged
        print(f"marsad: polled {r.feeds} feed(s) ({r.not_modified} not modified): {r.new_entries} new entr(ies), "
              f"{r.added} stored, {r.unchanged} already stored, {r.failed} failed", file=sys.stderr)
    api.watch(args.feeds, options, polls=1 if args.once else None, interval=args.interval,
              problems=report.problem, on_poll=said)


@contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    if path is None or path == "-":
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
