"""JSON Lines and JSON inputs: one article per record, bad records reported alone."""
import datetime as dt
import json

import pytest

from marsad.config import Options
from marsad.ingest import read_inputs
from marsad.model import Document, InputProblem

TEXT = "قتل ثلاثة مدنيين بقصف مدفعي على بلدة كفرنبل في ريف إدلب الجنوبي."


def write_lines(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def read(path, **options):
    return list(read_inputs([path], Options(**options)))


def test_each_line_is_a_document_with_its_fields(tmp_path):
    path = write_lines(tmp_path / "feed.jsonl", [json.dumps({
        "id": "a1", "text": TEXT, "title": "قصف على كفرنبل", "url": "https://example.org/a1",
        "outlet": "عنب بلدي", "published": "2021-02-24T19:54:00+02:00", "lang": "ar"}, ensure_ascii=False)])
    [doc] = read(path)
    assert doc.doc_id == "a1" and doc.text == TEXT
    assert doc.meta.title == "قصف على كفرنبل" and doc.meta.url == "https://example.org/a1"
    assert doc.meta.outlet == "عنب بلدي" and doc.meta.outlet_source == "jsonl"
    assert doc.meta.published.value == dt.date(2021, 2, 24) and doc.meta.published.source == "jsonl"
    assert doc.meta.extra == {"lang": "ar"}


def test_malformed_line_is_a_problem_for_that_line_only(tmp_path):
    path = write_lines(tmp_path / "feed.jsonl", [
        json.dumps({"doc_id": "first", "text": TEXT}),
        '{"doc_id": "broken", "text": ',
        json.dumps({"doc_id": "third", "text": TEXT}),
    ])
    items = read(path)
    assert [type(i) for i in items] == [Document, InputProblem, Document]
    assert items[1].source == f"{path}:2" and "invalid JSON" in items[1].reason
    assert items[2].doc_id == "third"


@pytest.mark.parametrize("record, reason", [
    ({"doc_id": "x"}, 'no "text"'),
    ({"text": 42}, '"text" must be a string'),
    ({"text": "   "}, 'empty "text"'),
    (["not", "an", "object"], "expected a JSON object"),
])
def test_record_without_usable_text_is_a_problem(tmp_path, record, reason):
    path = write_lines(tmp_path / "feed.jsonl", [json.dumps(record), json.dumps({"text": TEXT})])
    problem, doc = read(path)
    assert isinstance(problem, InputProblem) and problem.source == f"{path}:1" and reason in problem.reason
    assert isinstance(doc, Document)


def test_missing_id_falls_back_to_file_stem_and_line(tmp_path):
    path = write_lines(tmp_path / "feed.jsonl", ["", json.dumps({"text": TEXT})])
    [doc] = read(path)
    assert doc.doc_id == "feed-2"


@pytest.mark.parametrize("value", ["yesterday", "24/02/2021", "2021-13-45", 20210224])
def test_unparseable_date_is_ignored(tmp_path, value):
    path = write_lines(tmp_path / "feed.jsonl", [json.dumps({"text": TEXT, "published": value})])
    [doc] = read(path)
    assert doc.meta.published is None


def test_utf8_bom_on_first_line_is_accepted(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": 7, "text": TEXT}).encode() + b"\n")
    [doc] = read(path)
    assert doc.doc_id == "7" and doc.text == TEXT


def test_line_over_the_size_limit_is_skipped_and_reported(tmp_path):
    path = write_lines(tmp_path / "feed.jsonl", [json.dumps({"text": TEXT * 50}), json.dumps({"text": TEXT})])
    problem, doc = read(path, max_file_bytes=1000)
    assert isinstance(problem, InputProblem) and problem.source == f"{path}:1"
    assert isinstance(doc, Document) and doc.text == TEXT


def test_json_file_with_a_list_of_articles(tmp_path):
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([{"text": TEXT}, {"title": "no text"}, {"id": "c", "text": TEXT}]), encoding="utf-8")
    first, problem, third = read(path)
    assert first.doc_id == "batch-1" and third.doc_id == "c"
    assert isinstance(problem, InputProblem) and problem.source == f"{path}:2"


def test_json_file_with_one_article(tmp_path):
    path = tmp_path / "single.json"
    path.write_text(json.dumps({"text": TEXT, "published": "2021-02-15"}), encoding="utf-8")
    [doc] = read(path)
    assert doc.doc_id == "single" and doc.meta.published.value == dt.date(2021, 2, 15)


def test_invalid_json_file_is_a_problem(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("[{", encoding="utf-8")
    [problem] = read(path)
    assert isinstance(problem, InputProblem) and "invalid JSON" in problem.reason
