"""JSON Lines (one article per line) and JSON files (one article, or a list of them).

A JSONL file may hold millions of articles: it is read line by line, and a bad
line becomes an InputProblem naming the file and line while the rest go on.
"""
from __future__ import annotations

import codecs
import io
import json
from pathlib import Path
from typing import BinaryIO, Iterator

from marsad.errors import InputError
from marsad.ingest.metadata import parse_day
from marsad.model import DateValue, Document, DocumentMeta, InputProblem

# Keys this reader understands; any others are kept in meta.extra.
_KNOWN = {"text", "doc_id", "id", "title", "url", "outlet", "published"}
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_jsonl_file(path: Path, max_line_bytes: int) -> Iterator[Document | InputProblem]:
    """One document per non-blank line; a bad line is a problem named "path:LINE"."""
    with path.open("rb") as f:
        for lineno, line, problem in _lines(f, max_line_bytes):
            source = f"{path}:{lineno}"
            if problem:
                yield InputProblem(source, problem)
                continue
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                yield InputProblem(source, f"invalid JSON: {e.msg} (column {e.colno})")
                continue
            yield _record(obj, path, source, default_id=f"{path.stem}-{lineno}")


def _lines(f: BinaryIO, limit: int) -> Iterator[tuple[int, str, str | None]]:
    """(line number, decoded line, problem): a line over the limit is skipped without
    ever being held in memory whole, and reported as a problem."""
    head = f.read(4)
    f.seek(0)
    wide = next((enc for bom, enc in _WIDE_BOMS if head.startswith(bom)), None)
    if wide:  # rare: UTF-16/32 lines cannot be split on b"\n", so let a text wrapper do it
        reader = io.TextIOWrapper(f, encoding=wide, newline="")
        read = reader.readline
    else:
        read = f.readline
    newline = "\n" if wide else b"\n"
    lineno = 0
    while True:
        raw = read(limit + 1)
        if not raw:
            return
        lineno += 1
        if len(raw) > limit and not raw.endswith(newline):
            while raw and not raw.endswith(newline):   # drain the rest of the long line
                raw = read(limit + 1)
            yield lineno, "", f"line longer than max_file_bytes ({limit:,}); skipped"
            continue
        if wide:
            yield lineno, raw, None
            continue
        if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
        try:
            yield lineno, raw.decode("utf-8"), None
        except UnicodeDecodeError as e:
            yield lineno, "", f"not UTF-8 (byte {e.start} of the line); save the file as UTF-8"


def read_json_file(path: Path, source: str) -> Iterator[Document | InputProblem]:
    """A .json file: one article object, or a list of them (item numbers count from 1)."""
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError as e:
        raise InputError(source, f"not UTF-8 (byte {e.start})") from None
    except json.JSONDecodeError as e:
        raise InputError(source, f"invalid JSON: {e.msg} (line {e.lineno}, column {e.colno})") from None
    if isinstance(data, dict):
        yield _record(data, path, source, default_id=path.stem)
    elif isinstance(data, list):
        for i, obj in enumerate(data, 1):
            yield _record(obj, path, f"{source}:{i}", default_id=f"{path.stem}-{i}")
    else:
        raise InputError(source, f"expected an article object or a list of them, got {_kind(data)}")


def _record(obj: object, path: Path, source: str, default_id: str) -> Document | InputProblem:
    if not isinstance(obj, dict):
        return InputProblem(source, f"expected a JSON object, got {_kind(obj)}")
    text = obj.get("text")
    if text is None:
        return InputProblem(source, 'no "text" field')
    if not isinstance(text, str):
        return InputProblem(source, f'"text" must be a string, got {_kind(text)}')
    if not text.strip():
        return InputProblem(source, 'empty "text"')
    doc_id = obj.get("doc_id", obj.get("id"))
    usable = isinstance(doc_id, (str, int)) and not isinstance(doc_id, bool) and str(doc_id).strip()
    doc_id = str(doc_id).strip() if usable else default_id
    meta = DocumentMeta(source_path=str(path), title=_str(obj.get("title")), url=_str(obj.get("url")),
                        extra={k: v for k, v in obj.items() if k not in _KNOWN})
    outlet = _str(obj.get("outlet"))
    if outlet:
        meta.outlet, meta.outlet_source = outlet, "jsonl"
    day = parse_day(obj.get("published"))
    if day:
        meta.published = DateValue.day(day, source="jsonl")
        meta.published_source = "jsonl"
    elif obj.get("published") is not None:
        meta.extra["published_unparsed"] = obj["published"]   # kept for the record, not guessed at
    return Document(doc_id=doc_id, text=text, meta=meta)


def _str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _kind(value: object) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean",
            type(None): "null"}.get(type(value), "a number")
