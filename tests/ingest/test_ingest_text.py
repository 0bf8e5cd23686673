"""Decoding plain-text articles: encodings, binary and empty files, exact text."""
import os

import pytest

from marsad.config import Options
from marsad.errors import InputError
from marsad.ingest import read_inputs
from marsad.ingest.text import decode_bytes
from marsad.model import Document, InputProblem

ARTICLE = ("قال مصدر خاص لموقع تلفزيون سوريا، اليوم الأربعاء، إن التعزيزات تضمنت 5 عربات عسكرية.\r\n"
           "وأضاف\u00a0المصدر أن الاشتباكات تجددت في البوكمال.  \n")


def read_one(path, **options):
    items = list(read_inputs([path], Options(**options)))
    assert len(items) == 1
    return items[0]


@pytest.mark.parametrize("encoded", [
    pytest.param(ARTICLE.encode("utf-8"), id="utf-8"),
    pytest.param(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"), id="utf-8-bom"),
    pytest.param(ARTICLE.encode("cp1256"), id="windows-1256"),
    pytest.param(ARTICLE.encode("utf-16"), id="utf-16-bom"),
    pytest.param(b"\xff\xfe" + ARTICLE.encode("utf-16-le"), id="utf-16-le-bom"),
    pytest.param(b"\xfe\xff" + ARTICLE.encode("utf-16-be"), id="utf-16-be-bom"),
    pytest.param(ARTICLE.encode("utf-16-le"), id="utf-16-le-no-bom"),
    pytest.param(ARTICLE.encode("utf-16-be"), id="utf-16-be-no-bom"),
    pytest.param(ARTICLE.encode("utf-32"), id="utf-32-bom"),
])
def test_decodes_to_the_exact_text(encoded):
    assert decode_bytes(encoded, "a.txt") == ARTICLE


def test_utf16_without_bom_and_without_spaces_is_still_found():
    assert decode_bytes("سلام".encode("utf-16-le"), "a.txt") == "سلام"


def test_ascii_utf16_without_bom_is_found_by_its_nul_pattern():
    assert decode_bytes("SY24 report\n".encode("utf-16-be"), "a.txt") == "SY24 report\n"


@pytest.mark.parametrize("data, kind", [
    (b"\x89PNG\r\n\x1a\n" + os.urandom(600), "PNG image"),
    (b"%PDF-1.7\n" + os.urandom(600), "PDF document"),
    (b"PK\x03\x04" + os.urandom(600), "ZIP"),
    (b"abc\x00def\x00" * 50, "NUL bytes"),
    (bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 50, "control bytes"),
])
def test_binary_data_is_refused_with_its_kind(data, kind):
    with pytest.raises(InputError, match="looks like binary data") as e:
        decode_bytes(data, "x.txt")
    assert kind in e.value.reason


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n", "\u00a0\n".encode("utf-8"), " \n".encode("utf-16")])
def test_empty_or_blank_file_is_refused(data):
    with pytest.raises(InputError, match="empty file"):
        decode_bytes(data, "x.txt")


def test_txt_file_becomes_document_with_stem_as_id(tmp_path):
    path = tmp_path / "000_report.txt"
    path.write_bytes(ARTICLE.encode("cp1256"))
    doc = read_one(path)
    assert isinstance(doc, Document)
    assert doc.doc_id == "000_report"
    assert doc.text == ARTICLE          # CRLF, no-break space and trailing blanks kept
    assert doc.meta.source_path == str(path)


def test_binary_file_is_a_problem_not_an_exception(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2000))
    problem = read_one(path)
    assert isinstance(problem, InputProblem)
    assert problem.source == str(path)
    assert "PNG" in problem.reason


def test_empty_file_is_a_problem(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    problem = read_one(path)
    assert isinstance(problem, InputProblem) and "empty file" in problem.reason


def test_file_over_the_size_limit_is_a_problem(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("اشتباكات " * 200, encoding="utf-8")
    problem = read_one(path, max_file_bytes=100)
    assert isinstance(problem, InputProblem) and "max_file_bytes" in problem.reason


@pytest.fixture
def twenty_mb(tmp_path):
    path = tmp_path / "large.txt"
    text = ARTICLE * (20_000_000 // len(ARTICLE.encode("utf-8")) + 1)
    path.write_text(text, encoding="utf-8", newline="")
    return path, text


def test_large_text_file_over_the_default_limit_is_reported(twenty_mb):
    problem = read_one(twenty_mb[0])
    assert isinstance(problem, InputProblem) and "max_file_bytes" in problem.reason


def test_large_text_file_is_read_whole_when_the_limit_allows(twenty_mb):
    path, text = twenty_mb
    doc = read_one(path, max_file_bytes=32 * 1024 * 1024)
    assert isinstance(doc, Document) and doc.text == text
