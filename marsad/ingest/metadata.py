"""Which outlet an article comes from, and publication days written in metadata.

The outlet book (data/outlets.yaml) lists outlets with their names, aliases and
domains. An article names many outlets: the ones it quotes ("نقل موقع X عن")
and the one it is from. Only the second shows up in *signatures*: a byline
("خاص - X"), a source line ("المصدر: X"), a correspondent ("مراسل X"), a
statement made to it ("قال مصدر لموقع X"). Signatures are regex templates in
the YAML with a `{name}` slot; the strongest signature wins.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from marsad.arabic.normalize import NormalizedView, normalize
from marsad.config import Options, load_data_yaml
from marsad.errors import DataFileError
from marsad.model import Span

OUTLETS_FILE = "outlets.yaml"
_DAY_RE = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])")
# Words that introduce an outlet's name ("صحيفة عنب بلدي") without being part of it.
_GENERIC_RE = re.compile(r"^(?:موقع|صحيفه|جريده|قناه|شبكه|وكاله|منصه|تلفزيون|اذاعه|راديو|مجله|بوابه)\s+")
_PARTS_RE = re.compile(r"\s[|\-–—:]\s|\s*[|،]\s*")
# Characters before a plain mention searched for quoting words ("نقل موقع X").
QUOTING_WINDOW = 60
# A plain mention in an article that says "مراسلنا": weaker than any signature.
OWN_VOICE_WEIGHT = 30
_QUOTE = "[\"'(]"
_UNQUOTE = "[\"')]"
_END_OF_WORD = r"(?![^\W_])"


def parse_day(value: object) -> dt.date | None:
    """The calendar day of an ISO date or datetime string, as written. No time-zone shift:
    the day the outlet printed is the publication day its readers saw."""
    if not isinstance(value, str):
        return None
    m = _DAY_RE.match(value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class OutletEntry:
    """One outlet. `aliases_*` name it wherever they appear (safe for entity tagging);
    `signature_only` forms are also ordinary words or places (المدن, الجزيرة) and are
    trusted only inside a signature or in quotes."""

    id: str
    name_en: str
    name_ar: str
    aliases_ar: tuple[str, ...] = ()
    aliases_en: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    signature_only: tuple[str, ...] = ()

    @property
    def aliases(self) -> tuple[str, ...]:
        return self.aliases_ar + self.aliases_en


@dataclass(frozen=True, slots=True)
class OutletMatch:
    id: str
    name_en: str
    name_ar: str
    span: Span          # the outlet's name in the document text
    signature: str      # name of the signature that found it


@dataclass(frozen=True, slots=True)
class _Signature:
    name: str
    weight: int
    regex: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class _Matchers:
    signatures: list[_Signature]
    mention: re.Pattern[str]                 # a plain mention of an unambiguous name
    own_voice: re.Pattern[str] | None        # the article speaks as an outlet ("مراسلنا")
    quoting: re.Pattern[str] | None          # the words before a mention quote that outlet
    compiled: re.Pattern[str] | None = None  # a dateline of an article compiled from others' reports
    compiled_skips: frozenset[str] = frozenset()   # the signatures that then name another outlet


@dataclass(slots=True)
class _Hit:
    entry: OutletEntry
    signature: str
    weight: int
    span: Span


def outlet_key(name: str) -> str:
    """Lookup form of a name: normalised, case-folded, without spaces or punctuation,
    so "Al-Hal Net", "الحل نت" and "«الحل نت»" meet their entries."""
    return re.sub(r"[\W_]+", "", normalize(name).casefold())


class OutletBook:
    """The outlets of data/outlets.yaml, read once on first use."""

    def __init__(self, options: Options | None = None):
        self.options = options
        self._entries: list[OutletEntry] | None = None
        self._by_key: dict[str, OutletEntry] = {}
        self._by_domain: dict[str, OutletEntry] = {}
        self._raw_signatures: list = []
        self._raw_patterns: dict[str, str] = {}
        self._matchers: _Matchers | None = None

    @property
    def entries(self) -> list[OutletEntry]:
        if self._entries is None:
            self._load()
        return self._entries

    def find(self, name: str | None) -> OutletEntry | None:
        """The entry a name, site name, domain or URL refers to, or None."""
        name = (name or "").strip()
        if not name:
            return None
        entry = self.exact(name) or self.find_domain(name)
        if entry:
            return entry
        norm = normalize(name).casefold().strip(" \"'()")
        for part in [norm, *_PARTS_RE.split(norm)]:
            part = part.strip(" \"'()")
            entry = self.exact(part) or self.exact(_GENERIC_RE.sub("", part))
            if entry:
                return entry
        return None

    def exact(self, name: str) -> OutletEntry | None:
        """The entry with exactly this name or alias (up to normalisation and punctuation)."""
        self.entries  # noqa: B018 (loads the book)
        return self._by_key.get(outlet_key(name))

    def find_domain(self, url_or_host: str | None) -> OutletEntry | None:
        """The entry whose domain is the host of a URL (or a parent domain of it)."""
        text = (url_or_host or "").strip().lower()
        if "." not in text or " " in text:
            return None
        self.entries  # noqa: B018
        host = urlsplit(text if "//" in text else "//" + text).hostname or ""
        labels = host.split(".")
        for i in range(len(labels) - 1):
            entry = self._by_domain.get(".".join(labels[i:]))
            if entry:
                return entry
        return None

    # loading ---------------------------------------------------------------
    def _load(self) -> None:
        data = load_data_yaml(OUTLETS_FILE, self.options)
        path = self._path()
        if not isinstance(data, dict) or not isinstance(data.get("outlets"), list):
            raise DataFileError(path, "expected a mapping with an 'outlets' list")
        entries = []
        for i, raw in enumerate(data["outlets"], 1):
            entries.append(_entry(raw, path, i))
        seen_ids: set[str] = set()
        for e in entries:
            if e.id in seen_ids:
                raise DataFileError(path, f"outlet id {e.id!r} appears twice")
            seen_ids.add(e.id)
            for name in (e.name_en, e.name_ar, *e.aliases, *e.signature_only):
                other = self._by_key.setdefault(outlet_key(name), e)
                if other is not e:
                    raise DataFileError(path, f"name {name!r} is given to both {other.id} and {e.id}")
            for domain in e.domains:
                self._by_domain[domain.lower().removeprefix("www.")] = e
        self._raw_signatures = data.get("signatures") or []
        self._raw_patterns = {k: data.get(k) for k in ("own_voice", "quoting")}
        self._raw_compiled = data.get("compiled") or {}
        self._entries = entries

    def _path(self) -> str:
        return str(self.options.data_file(OUTLETS_FILE) if self.options else OUTLETS_FILE)

    def matchers(self) -> _Matchers:
        """The signatures and cues of the YAML, compiled on first use."""
        if self._matchers is None:
            entries = self.entries
            path = self._path()
            safe = _alternation(n for e in entries for n in (*e.aliases, *e.domains))
            short = _alternation(n for e in entries for n in e.signature_only)
            # {name}: a safe name, or a short one in quotes; {any_name}: any name.
            slots = {
                "{name}": (rf"(?P<qopen>{_QUOTE}\s*)?(?:(?P<name>{safe})|(?(qopen)(?P<qname>{short})|(?!)))"
                           rf"{_END_OF_WORD}(?(qopen)\s*{_UNQUOTE}|)"),
                "{any_name}": rf"(?P<qopen>{_QUOTE}\s*)?(?P<name>{safe}|{short}){_END_OF_WORD}(?(qopen)\s*{_UNQUOTE}|)",
            }
            signatures = []
            for raw in self._raw_signatures:
                if not isinstance(raw, dict) or not {"name", "weight", "pattern"} <= raw.keys():
                    raise DataFileError(path, f"signature {raw!r} needs name, weight and pattern")
                pattern = normalize(raw["pattern"])
                for slot, body in slots.items():
                    pattern = pattern.replace(slot, body)
                signatures.append(_Signature(raw["name"], int(raw["weight"]), _compile(pattern, path, raw["name"])))
            mention = _compile(rf"(?<![^\W_])(?P<name>{safe}){_END_OF_WORD}", path, "mention")
            cues = {k: _compile(normalize(p), path, k) if p else None for k, p in self._raw_patterns.items()}
            compiled = self._raw_compiled
            if compiled and not (isinstance(compiled, dict) and isinstance(compiled.get("pattern"), str)):
                raise DataFileError(path, "compiled needs a pattern (and the signatures it skips)")
            self._matchers = _Matchers(
                signatures, mention, **cues,
                compiled=_compile(normalize(compiled["pattern"]), path, "compiled") if compiled else None,
                compiled_skips=frozenset(compiled.get("skips") or ()) if compiled else frozenset())
        return self._matchers


def _entry(raw: object, path: str, i: int) -> OutletEntry:
    if not isinstance(raw, dict) or not all(isinstance(raw.get(k), str) and raw[k].strip()
                                            for k in ("id", "name_en", "name_ar")):
        raise DataFileError(path, f"outlet #{i} needs string fields id, name_en and name_ar")
    lists = {}
    for k in ("aliases_ar", "aliases_en", "domains", "signature_only"):
        value = raw.get(k) or []
        if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
            raise DataFileError(path, f"outlet {raw['id']}: {k} must be a list of names")
        lists[k] = tuple(str(v) for v in value)
    return OutletEntry(id=raw["id"], name_en=raw["name_en"], name_ar=raw["name_ar"], **lists)


def _alternation(names) -> str:
    """Regex alternation of names in normalised form, longest first so that
    "الجزيرة نت" wins over "الجزيرة"; words may be run together or hyphenated.
    A lookahead on the possible first letters lets the regex skip most positions fast."""
    forms, first = set(), set()
    for name in names:
        words = normalize(str(name)).split()
        if words:
            forms.add(r"\s*".join(re.escape(w).replace(r"\-", r"[-\s]?") for w in words))
            first.add(words[0][0])
    if not forms:
        return "(?!)"
    alternatives = "|".join(sorted(forms, key=len, reverse=True))
    return f"(?=[{''.join(re.escape(c) for c in sorted(first))}])(?:{alternatives})"


def _compile(pattern: str, path: str, name: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE | re.MULTILINE)
    except re.error as e:
        raise DataFileError(path, f"pattern {name!r} is not a valid regex: {e}") from None


@lru_cache(maxsize=1)
def _default_book() -> OutletBook:
    return OutletBook()


def detect_outlet(text: str, boilerplate: list[Span], book: OutletBook | None = None,
                  view: NormalizedView | None = None) -> OutletMatch | None:
    """The outlet the article is from, judged by its signatures; None when it has none.

    Names inside page furniture (`boilerplate`, e.g. a "read also" headline) are not
    evidence. A plain mention counts only in an article that speaks as an outlet
    ("مراسلنا") and only when it is not a quotation of that outlet.
    """
    book = book or _default_book()
    view = view or NormalizedView.of(text)
    matchers = book.matchers()
    hits: list[_Hit] = []

    def add(m: re.Match[str], group: str, signature: str, weight: int) -> None:
        span = view.span_to_original(*m.span(group))
        entry = book.exact(m[group])
        if entry and not any(b.overlaps(span) for b in boilerplate):
            hits.append(_Hit(entry, signature, weight, span))

    compiled = matchers.compiled is not None and any(
        not _in(view, m, boilerplate) for m in matchers.compiled.finditer(view.text))
    for sig in matchers.signatures:
        if compiled and sig.name in matchers.compiled_skips:
            continue   # "صنعاء – متابعات … مصادر محلية لـ«المصدر أونلاين»": another outlet's source
        for m in sig.regex.finditer(view.text):
            add(m, "name" if m["name"] else "qname", sig.name, sig.weight)
    own_voice, quoting = matchers.own_voice, matchers.quoting
    if own_voice and any(not _in(view, m, boilerplate) for m in own_voice.finditer(view.text)):
        for m in matchers.mention.finditer(view.text):
            before = view.text[max(0, m.start() - QUOTING_WINDOW):m.start()]
            if not (quoting and quoting.search(before)):
                add(m, "name", "own-voice", OWN_VOICE_WEIGHT)
    if not hits:
        return None
    by_outlet: dict[str, list[_Hit]] = {}
    for h in hits:
        by_outlet.setdefault(h.entry.id, []).append(h)

    def strength(group: list[_Hit]) -> tuple:
        return (max(h.weight for h in group), sum(h.weight for h in group), -min(h.span.start for h in group))

    best_group = max(by_outlet.values(), key=strength)
    best = min(best_group, key=lambda h: (-h.weight, h.span.start))
    e = best.entry
    return OutletMatch(id=e.id, name_en=e.name_en, name_ar=e.name_ar, span=best.span, signature=best.signature)


def _in(view: NormalizedView, m: re.Match[str], boilerplate: list[Span]) -> bool:
    span = view.span_to_original(*m.span())
    return any(b.overlaps(span) for b in boilerplate)
