"""Page furniture: whole lines of a page that are not the article.

Patterns live in data/boilerplate.yaml. Each must match a whole line, compared
in normalised form so that hamza, alef maqsura, ta marbuta, harakat and odd
spaces do not matter; spans are the line in the original text, trimmed.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from marsad.arabic.normalize import normalize
from marsad.arabic.tokenize import LINE_BREAK_RE
from marsad.config import Options, load_data_yaml
from marsad.errors import DataFileError
from marsad.model import Span

BOILERPLATE_FILE = "boilerplate.yaml"
# Furniture is short; a longer line is article text and is not even tried.
MAX_LINE = 400
# A headline under a bare "read also" label is at most this many words.
MAX_LINKED_HEADLINE_WORDS = 20
_FRAGMENT_RE = re.compile(r"\{([A-Za-z_]\w*)\}")


@dataclass(frozen=True, slots=True)
class BoilerplatePatterns:
    """All line patterns compiled into one alternation (one match attempt per line);
    each pattern is a named group, so the match says which one fired."""

    regex: re.Pattern[str]
    takes_next_line: frozenset[str]   # names of patterns whose content is on the next line

    def match(self, normalized_line: str) -> str | None:
        m = self.regex.fullmatch(normalized_line)
        return m.lastgroup if m else None


def load_patterns(options: Options | None = None) -> BoilerplatePatterns:
    """Read and compile data/boilerplate.yaml (or the options' data directory)."""
    data = load_data_yaml(BOILERPLATE_FILE, options)
    path = str(options.data_file(BOILERPLATE_FILE) if options else BOILERPLATE_FILE)
    if not isinstance(data, dict) or not isinstance(data.get("patterns"), list):
        raise DataFileError(path, "expected a mapping with a 'patterns' list")
    fragments: dict[str, str] = {}
    for name, body in (data.get("fragments") or {}).items():
        fragments[name] = _expand(str(body), fragments, path, name)
    groups, next_line, seen = [], set(), set()
    for i, raw in enumerate(data["patterns"], 1):
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not isinstance(raw.get("regex"), str):
            raise DataFileError(path, f"pattern #{i} needs a name and a regex")
        name = raw["name"]
        if not re.fullmatch(r"[A-Za-z_]\w*", name) or name in seen:
            raise DataFileError(path, f"pattern name {name!r} must be a unique identifier")
        seen.add(name)
        body = _expand(raw["regex"], fragments, path, name)
        _check(body, path, name)
        groups.append(f"(?P<{name}>{body})")
        if raw.get("next_line"):
            next_line.add(name)
    regex = re.compile("|".join(groups), re.IGNORECASE)
    return BoilerplatePatterns(regex, frozenset(next_line))


def _expand(pattern: str, fragments: dict[str, str], path: str, name: str) -> str:
    def sub(m: re.Match[str]) -> str:
        if m[1] not in fragments:
            raise DataFileError(path, f"pattern {name!r} uses unknown fragment {{{m[1]}}}")
        return f"(?:{fragments[m[1]]})"
    # normalised like the lines, so the YAML can be written in ordinary Arabic
    return _FRAGMENT_RE.sub(sub, normalize(pattern))


def _check(body: str, path: str, name: str) -> None:
    if "(?P<" in body:
        raise DataFileError(path, f"pattern {name!r} must not define named groups")
    try:
        re.compile(body)
    except re.error as e:
        raise DataFileError(path, f"pattern {name!r} is not a valid regex: {e}") from None


@lru_cache(maxsize=1)
def _default_patterns() -> BoilerplatePatterns:
    return load_patterns()


def find_boilerplate(text: str, patterns: BoilerplatePatterns | None = None) -> list[Span]:
    """Spans of the lines of `text` that are page furniture, in text order."""
    patterns = patterns or _default_patterns()
    spans: list[Span] = []
    pending_headline = False   # the previous furniture line was a bare "read also" label
    in_list = False            # ... or a linked headline below one: the list goes on to a blank line
    pos = 0
    for line in LINE_BREAK_RE.split(text):
        start, end = _trim(text, pos, pos + len(line))
        pos += len(line)
        if pos < len(text):
            pos += 2 if text.startswith("\r\n", pos) else 1
        if start == end:
            pending_headline = pending_headline and not in_list
            in_list = False
            continue
        norm = " ".join(normalize(text[start:end]).split()) if end - start <= MAX_LINE else ""
        fired = patterns.match(norm) if norm else None
        if fired:
            spans.append(Span(start, end))
            pending_headline, in_list = fired in patterns.takes_next_line, False
        elif pending_headline and _headline_like(norm):
            spans.append(Span(start, end))
            in_list = True
        else:
            pending_headline = in_list = False
    return spans


def _headline_like(norm: str) -> bool:
    """A linked headline: short, and not a sentence ending in a full stop (then the label
    lost its link and this is the article going on)."""
    return bool(norm) and len(norm.split()) <= MAX_LINKED_HEADLINE_WORDS and not norm.endswith((".", "。"))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding white space and invisible format marks (direction marks, zero-width
    spaces): they are not the line's content. Harakat stay: they belong to the last word."""
    while start < end and _blank(text[start]):
        start += 1
    while end > start and _blank(text[end - 1]):
        end -= 1
    return start, end


def _blank(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch) == "Cf"
