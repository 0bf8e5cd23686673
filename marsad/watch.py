"""`marsad watch`: poll feeds and ingest each new article once, through the path `marsad ingest` takes.

The state file (option watch_state) keeps, per feed, the validators of its
last answer and the entries already handled, so that a restarted watcher asks
with If-None-Match / If-Modified-Since and fetches no article twice. It is
rewritten (atomically) after every entry: a watcher killed at any point
refetches at most the entry it was working on, which the store then finds
already stored.

An entry is *handled* when its article is stored, was already stored, or
failed for good (reported). One that failed for a passing reason (time-out,
server error) is reported and tried again at the next polls, watch_retries
times; meanwhile its feed's validators are not kept, so the feed is read again.
"""
from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from marsad import api
from marsad.config import Options
from marsad.errors import FetchError, InputError, UsageError
from marsad.ingest.feeds import Feed, FeedEntry, entry_document, fetch, is_url, parse_feed
from marsad.model import InputProblem

if TYPE_CHECKING:
    from marsad.pipeline import Pipeline
    from marsad.store import Store

# Entries remembered per feed besides those the feed still lists: feeds drop old entries,
# and one that comes back after this many newer ones is fetched again (and found stored).
SEEN_LIMIT = 1000


@dataclass(slots=True)
class PollResult:
    feeds: int = 0
    not_modified: int = 0       # answered 304
    new_entries: int = 0
    added: int = 0
    unchanged: int = 0          # the article's text was already stored
    failed: int = 0             # feeds and entries reported as problems


@dataclass(slots=True)
class _FeedState:
    etag: str | None = None
    last_modified: str | None = None
    seen: list[str] = field(default_factory=list)
    retries: dict[str, int] = field(default_factory=dict)


class WatchState:
    """Per feed: validators, entries handled, failures being retried. Stored as JSON."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.feeds: dict[str, _FeedState] = {}
        if not self.path.exists():
            return
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self.feeds = {url: _FeedState(**value) for url, value in data["feeds"].items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
            raise UsageError(f"cannot read the watch state {self.path} ({type(e).__name__}: {e}); delete it to "
                             "start afresh (articles already stored will not be stored twice)") from None

    def feed(self, url: str) -> _FeedState:
        return self.feeds.setdefault(url, _FeedState())

    def save(self) -> None:
        data = {"feeds": {url: {"etag": s.etag, "last_modified": s.last_modified, "seen": s.seen,
                                "retries": s.retries} for url, s in self.feeds.items()}}
        tmp = self.path.with_name(self.path.name + ".tmp")
        try:
            tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
            os.replace(tmp, self.path)      # readers and a crash see the old file or the new one
        except OSError as e:
            raise UsageError(f"cannot write the watch state {self.path}: {e.strerror or e}") from None


class Watcher:
    """Polls feeds into a store. `problems` hears of every feed or article that failed."""

    def __init__(self, feeds: Iterable[str], options: Options, store: Store, state: WatchState,
                 problems: Callable[[InputProblem], None] | None = None, pipeline: Pipeline | None = None):
        from marsad.pipeline import Pipeline

        self.feeds = [_location(f) for f in feeds]
        self.options = options
        self.store = store
        self.state = state
        self.problems = problems
        self.pipeline = pipeline or Pipeline(options)

    def poll(self) -> PollResult:
        result = PollResult()
        for url in self.feeds:
            result.feeds += 1
            self._poll_feed(url, result)
        return result

    def _poll_feed(self, url: str, result: PollResult) -> None:
        state = self.state.feed(url)
        try:
            answer = fetch(url, timeout=self.options.http_timeout, max_bytes=self.options.max_file_bytes,
                           etag=state.etag, last_modified=state.last_modified)
            if answer.status == 304:
                result.not_modified += 1
                return
            feed = parse_feed(answer)
        except InputError as e:
            self._report(result, InputProblem(e.source, e.reason))
            return
        feed.url = url      # state and doc_ids follow the feed as given, not where it redirected
        seen = set(state.seen)
        for entry in reversed(feed.entries):    # feeds list the newest first
            if entry.key not in seen:
                result.new_entries += 1
                if self._handle(feed, entry, state, result):
                    state.seen.append(entry.key)
                    seen.add(entry.key)
                self.state.save()
        listed = {e.key for e in feed.entries}
        older = [k for k in state.seen if k not in listed]
        state.seen = older[-SEEN_LIMIT:] + [k for k in state.seen if k in listed]
        state.retries = {k: n for k, n in state.retries.items() if k in listed}     # gone from the feed: dropped
        if not state.retries:       # with a retry pending, the feed must be read again next time
            state.etag, state.last_modified = answer.etag, answer.last_modified
        self.state.save()

    def _handle(self, feed: Feed, entry: FeedEntry, state: _FeedState, result: PollResult) -> bool:
        """Fetch, extract and store one entry's article; True when the entry is done with."""
        try:
            doc = entry_document(feed, entry, timeout=self.options.http_timeout,
                                 max_bytes=self.options.max_file_bytes)
        except FetchError as e:
            if not e.transient:
                return self._failed(result, state, entry, InputProblem(e.source, e.reason))
            tries = state.retries.get(entry.key, 0) + 1
            if tries >= self.options.watch_retries:
                return self._failed(result, state, entry,
                                    InputProblem(e.source, f"{e.reason}; given up after {tries} attempts"))
            state.retries[entry.key] = tries
            self._report(result, InputProblem(e.source, f"{e.reason}; will try again at the next poll "
                                                        f"(attempt {tries} of {self.options.watch_retries})"))
            return False
        except InputError as e:
            return self._failed(result, state, entry, InputProblem(e.source, e.reason))
        state.retries.pop(entry.key, None)
        for item in api.process([doc], self.options, self.pipeline):
            if isinstance(item, InputProblem):
                self._report(result, item)
                continue
            stored = api.ingest([item], self.options, store=self.store, problems=lambda p: self._report(result, p))
            result.added += stored.added
            result.unchanged += stored.unchanged
        return True

    def _failed(self, result: PollResult, state: _FeedState, entry: FeedEntry, problem: InputProblem) -> bool:
        state.retries.pop(entry.key, None)
        self._report(result, problem)
        return True

    def _report(self, result: PollResult, problem: InputProblem) -> None:
        result.failed += 1
        if self.problems is not None:
            self.problems(problem)


def _location(feed: str) -> str:
    """A feed as a URL: http(s) as given, a local file as a file: URL."""
    if is_url(feed):
        return feed
    path = Path(feed)
    if not path.is_file():
        raise UsageError(f"no such feed file: {feed} (give a file or an http(s) URL)")
    return path.resolve().as_uri()


def watch(feeds: Iterable[str], options: Options, *, polls: int | None = None, interval: float | None = None,
          problems: Callable[[InputProblem], None] | None = None,
          on_poll: Callable[[PollResult], Any] | None = None) -> None:
    """Poll `feeds` every `interval` seconds (default: option watch_interval), forever or `polls` times."""
    interval = options.watch_interval if interval is None else interval
    if interval < 0:
        raise UsageError(f"the interval must be 0 or more seconds, not {interval}")
    feeds = [_location(f) for f in feeds]       # a missing feed file is an error before anything starts
    state = WatchState(options.watch_state)
    with api.open_store(options) as store:
        watcher = Watcher(feeds, options, store, state, problems)
        done = 0
        while True:
            result = watcher.poll()
            done += 1
            if on_poll is not None:
                on_poll(result)
            if polls is not None and done >= polls:
                return
            time.sleep(interval)
