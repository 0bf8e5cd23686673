"""Files and folders to Documents, one at a time, never stopping for a bad input."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator

from marsad.config import Options
from marsad.errors import InputError
from marsad.ingest.html import read_html_file
from marsad.ingest.jsonl import read_json_file, read_jsonl_file
from marsad.ingest.text import read_text_file
from marsad.model import Document, InputProblem

_HTML = {".html", ".htm"}


def read_inputs(paths: Iterable[str | Path], options: Options,
                exclude: Iterable[str | Path] = ()) -> Iterator[Document | InputProblem]:
    """Documents from files and folders (recursively, in sorted order), or a problem
    for each input that cannot be read. Streams: nothing is read ahead. Files in
    `exclude` (the run's own output, written into an input folder) are never read."""
    extensions = {e.lower() if e.startswith(".") else "." + e.lower() for e in options.extensions}
    skip = {Path(p).resolve() for p in exclude}
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for item in _walk(path, extensions):
                if isinstance(item, InputProblem):
                    yield item
                elif item.resolve() not in skip:
                    yield from from_file(item, options)
        elif path.is_file():
            if _suffix(path) in extensions:
                yield from from_file(path, options)
            else:
                yield InputProblem(str(path), f"unsupported file type {_suffix(path) or '(no extension)'}; "
                                              f"expected one of {', '.join(sorted(extensions))}")
        elif path.exists():
            yield InputProblem(str(path), "not a regular file or folder")
        else:
            yield InputProblem(str(path), "no such file or folder")


def _walk(folder: Path, extensions: set[str]) -> Iterator[Path | InputProblem]:
    """Files under a folder in sorted path order. Hidden entries are skipped, and so are
    symlinked folders, which could loop."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as e:
        yield InputProblem(str(folder), f"cannot list folder: {e.strerror or e}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path, extensions)
        elif entry.is_file() and _suffix(path) in extensions:
            yield path


def from_file(path: Path, options: Options) -> Iterator[Document | InputProblem]:
    """The documents of one file (several for JSON / JSONL), or the problems met."""
    source = str(path)
    suffix = _suffix(path)
    try:
        if suffix == ".jsonl":   # streamed line by line: the size limit applies to each line
            yield from read_jsonl_file(path, options.max_file_bytes)
            return
        size = path.stat().st_size
        if size > options.max_file_bytes:
            yield InputProblem(source, f"file is {size:,} bytes, over the {options.max_file_bytes:,}-byte "
                                       "limit (option max_file_bytes); raise the limit or split the file")
        elif suffix == ".json":
            yield from read_json_file(path, source)
        elif suffix in _HTML:
            yield read_html_file(path, source)
        else:   # .txt, and any other extension the user allows, is plain text
            yield read_text_file(path, source)
    except InputError as e:
        yield InputProblem(e.source, e.reason)
    except UnicodeDecodeError as e:   # a UTF-16/32 JSONL file broken part-way
        yield InputProblem(source, f"cannot decode the file as {e.encoding} (byte {e.start}); save it as UTF-8")
    except OSError as e:
        yield InputProblem(source, f"cannot read: {e.strerror or e}")


def _suffix(path: Path) -> str:
    return path.suffix.lower()
