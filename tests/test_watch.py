"""`marsad watch`: feeds polled from a local HTTP server; new articles ingested once, conditional
requests answered 304, broken articles reported while the rest goes on, restarts fetch nothing twice."""
from __future__ import annotations

import json

import pytest

from marsad import api
from marsad.cli import main
from marsad.config import Options
from marsad.errors import UsageError
from marsad.model import InputProblem
from marsad.store import Store
from marsad.watch import PollResult, Watcher, WatchState

STORIES = [
    ("قصف على سرمين", "قصفت قوات النظام بالمدفعية الثقيلة أطراف بلدة سرمين في ريف إدلب الشرقي صباح اليوم، "
                      "ما أدى إلى إصابة مدنيين اثنين بجروح متفاوتة."),
    ("اشتباكات في ذيبان", "اندلعت اشتباكات عنيفة بين قوات سوريا الديمقراطية ومسلحين من أبناء العشائر في بلدة ذيبان "
                          "بريف دير الزور الشرقي، أسفرت عن مقتل أربعة عناصر."),
    ("اعتقالات في الشحيل", "اعتقلت قوات سوريا الديمقراطية ثلاثة شبان من أبناء بلدة الشحيل بتهمة التعامل مع خلايا "
                           "تنظيم داعش، بحسب ما أفاد مصدر محلي."),
    ("تعزيزات إلى البوكمال", "استقدم الحرس الثوري الإيراني تعزيزات عسكرية إلى مدينة البوكمال على الحدود السورية "
                             "العراقية، شملت عربات وأسلحة ثقيلة."),
]


@pytest.fixture(scope="module")
def pipeline():
    from marsad.pipeline import Pipeline
    return Pipeline(Options.load())


class Site:
    """A news site on the local server: article pages and an RSS feed whose ETag follows its content."""

    def __init__(self, server, name: str = "عنب بلدي", prefix: str = ""):
        self.server, self.name, self.prefix = server, name, prefix
        self.items: list[dict] = []
        self.feed_url = server.base + f"{prefix}/feed.xml"

    def publish(self, i: int, *, status: int = 200) -> str:
        title, body = STORIES[i]
        path = f"{self.prefix}/news/{i}"
        self.server.put(path, self.server.article_page(title, body, site=self.name), status=status)
        self.items.insert(0, {"guid": f"{self.prefix}/news/{i}", "link": self.server.base + path, "title": title,
                              "pubDate": f"Tue, {12 - i} Mar 2024 08:00:00 +0300"})
        self.server.put(f"{self.prefix}/feed.xml", self.server.rss(self.name, self.items), "application/rss+xml",
                        etag=f'"{len(self.items)}"')
        return path


def make_watcher(tmp_path, feeds, pipeline, problems=None, **options) -> tuple[Watcher, Store]:
    opts = Options.load(db_url=f"sqlite:///{tmp_path / 'm.db'}", watch_state=str(tmp_path / "state.json"),
                        http_timeout=5, **options)
    store = api.open_store(opts)
    return Watcher(feeds, opts, store, WatchState(opts.watch_state), problems, pipeline), store


def stored_urls(store: Store) -> list[str]:
    return sorted(d.meta.url for d in store.iter_documents())


def test_new_entries_are_ingested_once_and_unchanged_feeds_answer_304(tmp_path, feed_server, pipeline):
    site = Site(feed_server)
    paths = [site.publish(0), site.publish(1)]
    watcher, store = make_watcher(tmp_path, [site.feed_url], pipeline)
    with store:
        first = watcher.poll()
        assert (first.new_entries, first.added, first.failed, first.not_modified) == (2, 2, 0, 0)
        assert stored_urls(store) == sorted(feed_server.base + p for p in paths)
        doc = store.get(next(d.doc_id for d in store.iter_documents()))
        assert doc.meta.outlet_source == "feed" and doc.events        # extracted like any ingested article

        second = watcher.poll()
        assert (second.not_modified, second.new_entries, second.added) == (1, 0, 0)
        headers, status = feed_server.hits("/feed.xml")[-1]
        assert headers["if-none-match"] == '"2"' and status == 304
        assert all(len(feed_server.hits(p)) == 1 for p in paths)      # no article fetched twice

        new = site.publish(2)                                          # the feed changes: a new ETag
        third = watcher.poll()
        assert (third.not_modified, third.new_entries, third.added) == (0, 1, 1)
        assert len(feed_server.hits(new)) == 1 and all(len(feed_server.hits(p)) == 1 for p in paths)
        assert store.count_documents() == 3


def test_a_broken_article_is_reported_and_the_rest_goes_on(tmp_path, feed_server, pipeline):
    site = Site(feed_server)
    site.publish(0)
    broken = site.publish(1, status=404)
    site.publish(2)
    problems: list[InputProblem] = []
    watcher, store = make_watcher(tmp_path, [site.feed_url], pipeline, problems.append)
    with store:
        result = watcher.poll()
        assert (result.new_entries, result.added, result.failed) == (3, 2, 1)
        assert [(p.source, p.reason) for p in problems] == [(feed_server.base + broken, "HTTP 404 Not Found")]
        site.publish(3)
        result = watcher.poll()             # a missing page is not asked for again
        assert (result.new_entries, result.added, result.failed) == (1, 1, 0)
        assert len(feed_server.hits(broken)) == 1 and store.count_documents() == 3


def test_a_passing_failure_is_tried_again_at_the_next_poll(tmp_path, feed_server, pipeline):
    site = Site(feed_server)
    flaky = site.publish(0, status=503)
    problems: list[InputProblem] = []
    watcher, store = make_watcher(tmp_path, [site.feed_url], pipeline, problems.append)
    with store:
        assert watcher.poll().failed == 1
        assert "will try again" in problems[0].reason
        feed_server.pages[flaky]["status"] = 200                       # the server recovers
        result = watcher.poll()
        # the feed is read again in full (no 304) while an entry waits for its retry
        assert feed_server.hits("/feed.xml")[-1][1] == 200
        assert (result.added, result.failed) == (1, 0)
        assert watcher.poll().not_modified == 1


def test_a_failure_that_does_not_pass_is_given_up(tmp_path, feed_server, pipeline):
    site = Site(feed_server)
    flaky = site.publish(0, status=500)
    problems: list[InputProblem] = []
    watcher, store = make_watcher(tmp_path, [site.feed_url], pipeline, problems.append, watch_retries=2)
    with store:
        watcher.poll()
        watcher.poll()
        watcher.poll()
    assert len(feed_server.hits(flaky)) == 2
    assert "given up after 2 attempts" in problems[-1].reason


def test_a_restarted_watcher_fetches_nothing_twice(tmp_path, feed_server, pipeline):
    site = Site(feed_server)
    paths = [site.publish(0), site.publish(1)]
    watcher, store = make_watcher(tmp_path, [site.feed_url], pipeline)
    with store:
        watcher.poll()
    restarted, store = make_watcher(tmp_path, [site.feed_url], pipeline)      # a new process, same state file
    with store:
        assert restarted.poll().not_modified == 1
    assert feed_server.hits("/feed.xml")[-1][0]["if-none-match"] == '"2"'
    assert all(len(feed_server.hits(p)) == 1 for p in paths)


def test_without_validators_the_seen_entries_still_prevent_refetching(tmp_path, feed_server, pipeline):
    site = Site(feed_server)
    path = site.publish(0)
    feed_server.pages["/feed.xml"]["etag"] = None                       # a server that gives no ETag
    watcher, store = make_watcher(tmp_path, [site.feed_url], pipeline)
    with store:
        watcher.poll()
        result = watcher.poll()
    assert (result.not_modified, result.new_entries) == (0, 0)
    assert len(feed_server.hits(path)) == 1


def test_the_same_story_in_two_feeds_is_stored_once(tmp_path, feed_server, pipeline):
    a, b = Site(feed_server, "عنب بلدي", "/a"), Site(feed_server, "عنب بلدي", "/b")
    a.publish(0)
    b.publish(0)             # another URL, the same page
    watcher, store = make_watcher(tmp_path, [a.feed_url, b.feed_url], pipeline)
    with store:
        result = watcher.poll()
        assert (result.feeds, result.new_entries, result.added, result.unchanged) == (2, 2, 1, 1)
        assert store.count_documents() == 1


def test_a_feed_that_fails_is_reported_and_the_other_feeds_are_read(tmp_path, feed_server, pipeline):
    site = Site(feed_server)
    site.publish(0)
    feed_server.put("/gone.xml", "", status=404)
    feed_server.put("/page.html", feed_server.article_page("عنوان", STORIES[1][1]))
    problems: list[InputProblem] = []
    watcher, store = make_watcher(tmp_path, [feed_server.base + "/gone.xml", feed_server.base + "/page.html",
                                             site.feed_url], pipeline, problems.append)
    with store:
        result = watcher.poll()
    assert (result.feeds, result.failed, result.added) == (3, 2, 1)
    assert [p.source for p in problems] == [feed_server.base + "/gone.xml", feed_server.base + "/page.html"]
    assert "not an RSS or Atom feed" in problems[1].reason


def test_a_feed_file(tmp_path, feed_server, pipeline):
    site = Site(feed_server)
    site.publish(0)
    feed_file = tmp_path / "feed.xml"
    feed_file.write_bytes(feed_server.pages["/feed.xml"]["body"])
    watcher, store = make_watcher(tmp_path, [str(feed_file)], pipeline)
    with store:
        assert watcher.poll().added == 1
        assert watcher.poll().new_entries == 0


def test_a_missing_feed_file_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="no such feed file"):
        api.watch([str(tmp_path / "nope.xml")], Options.load(db_url=f"sqlite:///{tmp_path / 'm.db'}"), polls=1)


def test_a_damaged_state_file_says_what_to_do(tmp_path):
    state = tmp_path / "state.json"
    state.write_text("{not json", encoding="utf-8")
    with pytest.raises(UsageError, match="delete it to start afresh"):
        WatchState(state)


def test_api_watch_polls_the_given_number_of_times(tmp_path, feed_server):
    site = Site(feed_server)
    site.publish(0)
    polls: list[PollResult] = []
    opts = Options.load(db_url=f"sqlite:///{tmp_path / 'm.db'}", watch_state=str(tmp_path / "s.json"))
    api.watch([site.feed_url], opts, polls=2, interval=0, on_poll=polls.append)
    assert [(p.added, p.not_modified) for p in polls] == [(1, 0), (0, 1)]


def test_cli_watch_once_reports_the_failures(tmp_path, feed_server, capsys):
    site = Site(feed_server)
    site.publish(0)
    broken = site.publish(1, status=404)
    db, state, report = f"sqlite:///{tmp_path / 'm.db'}", tmp_path / "state.json", tmp_path / "failed.csv"
    argv = ["watch", site.feed_url, "--once", "--db", db, "--state", str(state), "--report", str(report)]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "2 new entr(ies), 1 stored, 0 already stored, 1 failed" in err
    assert f"skipped {feed_server.base + broken}: HTTP 404" in err
    assert report.read_text(encoding="utf-8").splitlines()[1].startswith(f"{feed_server.base + broken},HTTP 404")
    assert json.loads(state.read_text(encoding="utf-8"))["feeds"][site.feed_url]["etag"] == '"2"'

    assert main(argv) == 0                  # again: nothing new, nothing failed
    assert "(1 not modified): 0 new entr(ies)" in capsys.readouterr().err
