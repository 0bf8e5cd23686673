"""Statistical named-entity tagger: stacked linear-chain CRFs (python-crfsuite), ANERcorp's types.

    >>> from marsad.extract.ner_crf import CrfTagger
    >>> tagger = CrfTagger.load()
    >>> tagger.tag("صرح المتحدث باسم الوزارة سامر الحلبي".split())
    ['O', 'O', 'O', 'O', 'B-PERS', 'I-PERS']
    >>> list(tagger.tag_sentences([["قال", "بشار", "الأسد"], ["وزار", "الأسد", "حلب"]]))
    [['O', 'B-PERS', 'I-PERS'], ['O', 'B-PERS', 'O']]

Tags are IOB2 with ANERcorp's four types: PERS, LOC, ORG, MISC. The models
(`data/models/ner_crf.stage1.crfsuite`, `ner_crf.crfsuite`), the word clusters
(`ner_clusters.tsv`) and their description (`ner_crf.json`: data, features,
hyper-parameters, dev scores) are made by `scripts/train_ner.py`; nothing is read
before the first call that needs it. Command line: `marsad tag --conll FILE`.

Features of a token, computed once per word type and cached, then shifted over a window
of ±2: the normalised form, the barest clitic reading (`analyse`) and the proclitics it
removed (و ف ب ل ك ال), prefixes and suffixes 1–4, the letter trigrams inside and the
letter pattern of that bare form, shape and length, word clusters, cue words of
`entity_cues.yaml` and context words of `ner_lexicon.yaml` (titles and verbs of speech
around persons, place nouns, organisation heads, sports and product words), word bigrams;
per sentence, membership in marsad's own dictionaries (given names, actor aliases by
actor type, place, country and outlet aliases) and in the name lists of `ner_lexicon.yaml`
(given names, foreign surnames, places, organisations, other names) with B/I position,
found by `PhraseMatcher` over `name_keys`. The dictionaries are read from the data
directory, so names added there reach the tagger without retraining.

Two stages: the first CRF tags every sentence; the second sees those tags (the token's
and its neighbours') and the types the first gave the same word (bare form) elsewhere
in the `doc_window` sentences around it. `tag_sentences` therefore treats the sentences
it is given as running text (a name found once helps its other mentions); `tag` sees
one sentence alone.

The models are trained with CRFsuite and decoded by `crf_decode` (NumPy), which gives
CRFsuite's tags without building a feature string per token. A CrfTagger is not
thread-safe: use one per thread.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from functools import cached_property, lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence, TextIO

from marsad.arabic.normalize import normalize
from marsad.arabic.tokenize import Token, analyse
from marsad.config import DATA_DIR, Options, read_yaml
from marsad.extract.lexicon import PhraseMatcher, key_of, name_keys
from marsad.model import Span

TYPES = ("PERS", "LOC", "ORG", "MISC")
MODEL_SUBDIR = "models"
MODEL_FILE = "ner_crf.crfsuite"            # the (second-stage) model
STAGE1_FILE = "ner_crf.stage1.crfsuite"    # the first-stage model whose tags the second one reads
META_FILE = "ner_crf.json"
CLUSTERS_FILE = "ner_clusters.tsv"
LEXICON_FILE = "ner_lexicon.yaml"          # the tagger's own name lists and context words

# Cue lists of entity_cues.yaml that become token features (their name is the feature value).
_CUE_LISTS = ("roles", "honorifics", "group_nouns", "units", "site_nouns", "locative_before")
_CLITIC_FLAGS = {"و": "conj", "ف": "conj", "ب": "prep_b", "ل": "prep_l", "ك": "prep_k"}


@dataclass(frozen=True, slots=True)
class FeatureConfig:
    """Which feature groups a model was trained with (stored in its json, read back by the tagger)."""

    window: int = 2          # neighbours on each side
    affixes: int = 4         # prefixes and suffixes 1..affixes of the bare reading
    char_ngrams: int = 0     # letter n-grams of this length inside the bare reading (0: none)
    clusters: bool = True    # word-cluster ids (data/models/ner_clusters.tsv)
    gazetteers: bool = True  # membership in marsad's name dictionaries
    lexicon: bool = True     # names and context words of ner_lexicon.yaml
    cues: bool = True        # cue words of entity_cues.yaml
    bigrams: bool = True     # word bigrams w-1|w0 and w0|w+1
    pattern: bool = True     # the bare form with letters that are rarely affixes as "C" (مقاتل → مCاتC)
    stacked: bool = True     # a second CRF over the first one's tags in the sentence and the document
    doc_window: int = 15     # sentences either side that count as the same document

    @classmethod
    def from_dict(cls, d: dict | None) -> FeatureConfig:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in (d or {}).items() if k in known})

    def to_dict(self) -> dict:
        return asdict(self)


# ------------------------------------------------------------------ resources


def models_dir(options: Options | None = None) -> Path:
    return (Path(options.data_dir) if options else DATA_DIR) / MODEL_SUBDIR


@lru_cache(maxsize=4)
def _name_matcher(data_dir: Path) -> tuple[PhraseMatcher[str], dict[str, int]]:
    """One matcher over every dictionary name of the data directory; payload = gazetteer type."""
    from marsad.ingest.metadata import OutletBook
    from marsad.resolve.kb import ActorBase
    from marsad.resolve.places import Gazetteer

    options = Options(data_dir=data_dir)
    entries: list[tuple[str, str]] = []
    for line in (data_dir / "given_names.txt").read_text(encoding="utf-8").splitlines():
        name = line.strip()
        if name and not name.startswith("#"):
            entries.append((name, "GIVEN"))
    for alias, actor, ambiguous in ActorBase.load(options).alias_entries():
        entries.append((alias, "ACTOR_AMB" if ambiguous else f"ACTOR_{actor.type}"))
    for name, place_id in Gazetteer.load(options).alias_entries():
        entries.append((name, "COUNTRY" if place_id.startswith("country:") else "PLACE"))
    for entry in OutletBook(options).entries:
        entries.extend((alias, "OUTLET") for alias in entry.aliases)
    matcher: PhraseMatcher[str] = PhraseMatcher()
    seen: set[tuple[str, str]] = set()
    counts: dict[str, int] = {}
    for phrase, typ in entries:
        if (phrase, typ) in seen:
            continue
        seen.add((phrase, typ))
        matcher.add(phrase, typ)
        counts[typ] = counts.get(typ, 0) + 1
    return matcher, dict(sorted(counts.items()))


@lru_cache(maxsize=4)
def _cue_words(data_dir: Path) -> dict[str, str]:
    """Matching key of a cue word → its list name ("الرئيس" → "roles")."""
    raw = read_yaml(data_dir / "entity_cues.yaml") or {}
    out: dict[str, str] = {}
    for name in _CUE_LISTS:
        words = raw.get(name) or ()
        for w in (words.keys() if isinstance(words, dict) else words):
            for k in _analysed(normalize(str(w)))[0]:
                out.setdefault(key_of(k), name)
    return out


@lru_cache(maxsize=4)
def _lexicon(data_dir: Path) -> tuple[PhraseMatcher[str], dict[str, tuple[str, ...]], dict[str, int]]:
    """ner_lexicon.yaml: a matcher over its name lists (payload LEX_<LIST>), the matching key
    of each context word → the names of the lists it is in, and the size of every list."""
    from marsad.errors import DataFileError

    path = data_dir / LEXICON_FILE
    raw = read_yaml(path) or {}
    phrases = raw.get("phrases") or {} if isinstance(raw, dict) else None
    words = raw.get("words") or {} if isinstance(raw, dict) else None
    if not isinstance(phrases, dict) or not isinstance(words, dict):
        raise DataFileError(str(path), "'phrases' and 'words' must each map list names to lists of words")
    matcher: PhraseMatcher[str] = PhraseMatcher()
    sizes: dict[str, int] = {}
    for name, items in phrases.items():
        for phrase in dict.fromkeys(map(str, items or ())):
            matcher.add(phrase, "LEX_" + name.upper())
        sizes["LEX_" + name.upper()] = len(set(items or ()))
    lists: dict[str, set[str]] = {}
    for name, items in words.items():
        for w in items or ():
            for k in _analysed(normalize(str(w)))[0]:
                lists.setdefault(key_of(k), set()).add(name)
        sizes[name] = len(set(items or ()))
    return matcher, {k: tuple(sorted(v)) for k, v in lists.items()}, sizes


def read_clusters(path: Path) -> dict[str, tuple[str, ...]]:
    """word → cluster ids, coarse to fine, from a TSV of `word<TAB>id<TAB>id…` (# comments)."""
    out: dict[str, tuple[str, ...]] = {}
    if not path.exists():
        return out
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            word, *ids = line.rstrip("\n").split("\t")
            out[word] = tuple(ids)
    return out


def gazetteer_sizes(options: Options | None = None) -> dict[str, int]:
    """Number of dictionary phrases per gazetteer type and of words per ner_lexicon.yaml list
    (for the model's json)."""
    data_dir = Path(options.data_dir) if options else DATA_DIR
    return {**_name_matcher(data_dir)[1], **_lexicon(data_dir)[2]}


@lru_cache(maxsize=200_000)
def _analysed(norm: str):
    return analyse(norm)


# ------------------------------------------------------------------ features


class _Word:
    """Everything about one word type the features need, computed once."""

    __slots__ = ("token", "keys", "own", "ctx", "doc_key", "scores")

    def __init__(self, token: Token, keys: frozenset[str], own: list[str], ctx: dict[int, list[str]],
                 doc_key: str):
        self.token = token
        self.keys = keys
        self.own = own
        self.ctx = ctx
        self.doc_key = doc_key
        self.scores = None   # the tagger's weight sums for this word (CrfTagger._word_scores)


def _shape(word: str) -> str:
    out = []
    for ch in word:
        if ch.isdigit():
            c = "d"
        elif "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufefc":
            c = "a"
        elif ch.isalpha():
            c = "X" if ch.isupper() else "x"
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:6]


# Letters that are often affixes or long vowels, kept in a word's pattern; others become "C".
_PATTERN_KEEP = frozenset("اويتمنهس")


def _pattern(bare: str) -> str:
    return "".join(c if c in _PATTERN_KEEP or not c.isalpha() else "C" for c in bare)[:10]


def _length_bucket(n: int) -> str:
    return "1" if n <= 1 else "2" if n == 2 else "3" if n == 3 else "4-5" if n <= 5 else "6-8" if n <= 8 else "9+"


class FeatureExtractor:
    """Token features for the CRF: `sentence(tokens)` → one list of feature strings per token."""

    def __init__(self, config: FeatureConfig, clusters: dict[str, tuple[str, ...]] | None = None,
                 options: Options | None = None):
        self.config = config
        data_dir = Path(options.data_dir) if options else DATA_DIR
        self.clusters = clusters or {}
        lexicon = _lexicon(data_dir) if config.lexicon else None
        self.matchers = ([_name_matcher(data_dir)[0]] if config.gazetteers else []) + (
            [lexicon[0]] if lexicon else [])
        self.cues = _cue_words(data_dir) if config.cues else {}
        self.context_words = lexicon[1] if lexicon else {}
        self._cache: dict[str, _Word] = {}
        w = config.window
        self.offsets = [o for o in range(-w, w + 1) if o]   # the neighbours a token's features see

    # per word type ------------------------------------------------

    def word(self, text: str) -> _Word:
        info = self._cache.get(text)
        if info is None:
            if len(self._cache) > 300_000:
                self._cache.clear()
            info = self._cache[text] = self._make_word(text)
        return info

    def _make_word(self, text: str) -> _Word:
        cfg = self.config
        norm = normalize(text) or text
        stems, forms, bare = _analysed(norm)
        token = Token(Span(0, len(text)), text, norm, stems, forms, bare)
        low = norm.lower()
        blow = bare.lower()
        clitics = norm[: len(norm) - len(bare)] if bare != norm and norm.endswith(bare) else ""
        own = ["w=" + low, "b=" + blow, "cl=" + clitics, "sh=" + _shape(text), "len=" + _length_bucket(len(bare))]
        if text != norm:
            own.append("r=" + text)
        if clitics:
            rest = clitics
            if clitics.endswith("ال") or clitics.endswith("لل"):
                own.append("art")
                rest = clitics[:-1] if clitics.endswith("لل") else clitics[:-2]   # لل = ل + ال
            for ch in rest:
                flag = _CLITIC_FLAGS.get(ch)
                if flag:
                    own.append(flag)
        for k in range(1, cfg.affixes + 1):
            if len(blow) > k:
                own.append(f"p{k}=" + blow[:k])
                own.append(f"s{k}=" + blow[-k:])
        n = cfg.char_ngrams
        if n and len(blow) > n:
            own.extend(sorted({f"ng={blow[i:i + n]}" for i in range(1, len(blow) - n)}))
        if any(c.isdigit() for c in norm):
            own.append("digit")
        if cfg.pattern and len(blow) > 2:
            own.append("pt=" + _pattern(blow))
        clus: tuple[str, ...] = ()
        if self.clusters:
            clus = self.clusters.get(low) or self.clusters.get(blow) or ()
            own.extend(f"c{n}=" + c for n, c in enumerate(clus))
            if not clus:
                own.append("c=none")
        cue = None
        if self.cues:
            for s in sorted(stems):   # sorted: the same cue whatever the hash seed
                cue = self.cues.get(key_of(s))
                if cue:
                    own.append("cue=" + cue)
                    break
        lex: list[str] = []
        if self.context_words:
            lex = sorted({name for s in stems for name in self.context_words.get(key_of(s), ())})
            own.extend("lx=" + name for name in lex)
        # what the neighbours see of this word
        ctx: dict[int, list[str]] = {}
        for o in self.offsets:
            p = f"{o:+d}:"
            feats = [p + "w=" + low]
            if abs(o) == 1:
                feats += [p + "b=" + blow, p + "cl=" + clitics, p + "sh=" + _shape(text)]
                if len(blow) > 2:
                    feats.append(p + "s2=" + blow[-2:])
                feats.extend(f"{p}c{n}=" + c for n, c in enumerate(clus))
            elif clus:
                feats.append(f"{p}c1=" + clus[min(1, len(clus) - 1)])
            if cue:
                feats.append(p + "cue=" + cue)
            feats.extend(p + "lx=" + name for name in lex)
            ctx[o] = feats
        keys = name_keys(token) if self.matchers else frozenset()
        doc_key = blow if len(blow) > 1 and blow[0].isalnum() else ""
        return _Word(token, keys, own, ctx, doc_key)

    def doc_keys(self, tokens: Sequence[str]) -> list[str]:
        """Per token, the form under which its other occurrences in a document are counted ('' = none)."""
        return [self.word(t).doc_key for t in tokens]

    # per sentence -------------------------------------------------

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        words = [self.word(t) for t in tokens]
        n = len(words)
        out: list[list[str]] = []
        offsets = self.offsets
        for i, (w, extra) in enumerate(zip(words, self.sentence_features(words))):
            f = ["bias"] + w.own
            for o in offsets:
                j = i + o
                if 0 <= j < n:
                    f += words[j].ctx[o]
                elif j == -1:
                    f.append("BOS")
                elif j == n:
                    f.append("EOS")
            out.append(f + extra)
        return out

    def sentence_features(self, words: list[_Word], weighed: WeighedBigrams | None = None) -> list[list[str]]:
        """Per token, the features that depend on the sentence rather than on word types alone:
        word bigrams and dictionary membership (its own and its neighbours').

        With `weighed` (decoding), a bigram no model weighs is left out: it would add nothing."""
        n = len(words)
        gaz = self._gazetteer(words) if self.matchers else None
        bigrams = self.config.bigrams
        out: list[list[str]] = []
        for i, w in enumerate(words):
            f: list[str] = []
            if bigrams:
                low = w.own[0]
                if i > 0:
                    before = words[i - 1].own[0]
                    if weighed is None or before in weighed.before_left and low in weighed.before_right:
                        f.append("bg-=" + before + "|" + low)
                if i + 1 < n:
                    after = words[i + 1].own[0]
                    if weighed is None or low in weighed.after_left and after in weighed.after_right:
                        f.append("bg+=" + low + "|" + after)
            if gaz is not None:
                g = gaz[i]
                if g:
                    f += g
                if i > 0 and gaz[i - 1]:
                    f += ["-1:" + x for x in gaz[i - 1]]
                if i + 1 < n and gaz[i + 1]:
                    f += ["+1:" + x for x in gaz[i + 1]]
            out.append(f)
        return out

    def _gazetteer(self, words: list[_Word]) -> list[list[str]]:
        tokens = [w.token for w in words]
        keys = [w.keys for w in words]
        marks: list[set[str] | None] = [None] * len(words)
        for matcher in self.matchers:
            for m in matcher.find_all(tokens, keys):
                for i in range(m.start, m.end):
                    s = marks[i]
                    if s is None:
                        s = marks[i] = set()
                    s.add(("g=" + m.payload + (":B" if i == m.start else ":I")))
        return [sorted(s) if s else [] for s in marks]


@dataclass(frozen=True)
class WeighedBigrams:
    """The words on each side of the bigram features some model weighs ("bg-=w=A|w=B",
    "bg+=…"). Fewer than 1 % of a text's bigrams are weighed; the tagger makes the string of a
    bigram only when both its words are on these sides, and so gives the same scores."""

    before_left: frozenset[str]
    before_right: frozenset[str]
    after_left: frozenset[str]
    after_right: frozenset[str]

    @classmethod
    def of(cls, attributes: Iterable[str]) -> WeighedBigrams:
        sides: dict[str, tuple[set[str], set[str]]] = {"bg-=": (set(), set()), "bg+=": (set(), set())}
        for attr in attributes:
            side = sides.get(attr[:4])
            if side is None:
                continue
            pair = attr[4:]
            # a word may hold "|" itself: every place the pair could split is kept, so none is missed
            at = pair.find("|")
            while at >= 0:
                side[0].add(pair[:at])
                side[1].add(pair[at + 1:])
                at = pair.find("|", at + 1)
        (bl, br), (al, ar) = sides["bg-="], sides["bg+="]
        return cls(frozenset(bl), frozenset(br), frozenset(al), frozenset(ar))


class _Spelling(dict):
    """A tag or type → its feature after `prefix` ("s1=" + "B-PERS"), as `spell` gives it, made
    once per value."""

    def __init__(self, prefix: str, spell: Callable[[str], object]):
        super().__init__()
        self.prefix = prefix
        self.spell = spell

    def __missing__(self, value: str):
        item = self[value] = self.spell(self.prefix + value)
        return item


def add_stacked_features(feats: list[list[list]], keys: list[list[str]], tags: list[list[str]],
                         window: int, targets: range | None = None,
                         spell: Callable[[str], object] = str) -> None:
    """Second-stage features, added in place to each sentence's first-stage features.

    `feats`, `keys` and `tags` hold, per sentence of one stream in reading order, the
    first-stage features, the document keys (`FeatureExtractor.doc_keys`) and the first
    stage's tags. A token gets its own first-stage tag and its neighbours' (s1=), and the
    entity types the first stage gave to the other occurrences of its key in the sentences
    within `window` of its own (d=TYPE for each, dm=TYPE for the most frequent). Only the
    sentences of `targets` (default: all) get features; the others are context.

    A feature is added as `spell` gives its string, and left out where that is None: the
    decoder passes the model's row lookup (`attributes.get`), so that it neither builds nor
    hashes these strings, which it would only turn into rows."""
    n = len(feats)
    targets = targets if targets is not None else range(n)
    per_sent: list[dict[str, dict[str, int]]] = []
    for ks, ts in zip(keys, tags):
        d: dict[str, dict[str, int]] = {}
        for k, t in zip(ks, ts):
            if k:
                c = d.setdefault(k, {})
                typ = t[2:] or "O"
                c[typ] = c.get(typ, 0) + 1
        per_sent.append(d)
    counts: dict[str, dict[str, int]] = {}

    def move(d: dict[str, dict[str, int]], sign: int) -> None:
        for k, c in d.items():
            tot = counts.setdefault(k, {})
            for typ, v in c.items():
                tot[typ] = tot.get(typ, 0) + sign * v

    if not len(targets):
        return
    own_tag, tag_before, tag_after, doc_type, doc_most = (
        _Spelling(prefix, spell) for prefix in ("s1=", "s1-=", "s1+=", "d=", "dm="))
    lo = targets[0]
    for j in range(max(0, lo - window), min(n, lo + window + 1)):
        move(per_sent[j], 1)
    for s in targets:
        if s > lo:
            if s + window < n:
                move(per_sent[s + window], 1)
            if s - window - 1 >= 0:
                move(per_sent[s - window - 1], -1)
        f_s, k_s, t_s = feats[s], keys[s], tags[s]
        m = len(t_s)
        for i in range(m):
            f = f_s[i]
            for item in (own_tag[t_s[i]], tag_before[t_s[i - 1] if i else "BOS"],
                         tag_after[t_s[i + 1] if i + 1 < m else "EOS"]):
                if item is not None:
                    f.append(item)
            k = k_s[i]
            if not k:
                continue
            own = t_s[i][2:] or "O"
            best, best_n = None, 0
            for typ, v in counts[k].items():
                if typ == own:
                    v -= 1
                if v > 0:
                    item = doc_type[typ]
                    if item is not None:
                        f.append(item)
                    if v > best_n or (v == best_n and typ < best):
                        best, best_n = typ, v
            if best:
                item = doc_most[best]
                if item is not None:
                    f.append(item)


# ------------------------------------------------------------------ IOB2


def repair_iob2(tags: Sequence[str]) -> list[str]:
    """Valid IOB2: an I-X that does not continue an X entity becomes B-X."""
    out: list[str] = []
    prev = "O"
    for t in tags:
        if t.startswith("I-") and prev[2:] != t[2:]:
            t = "B-" + t[2:]
        out.append(t)
        prev = t
    return out


# ------------------------------------------------------------------ the tagger


class CrfTagger:
    """The committed CRF model(s) with the feature extractor; everything opens on first use."""

    block = 1000   # sentences tagged at once by tag_sentences (plus doc_window either side)

    def __init__(self, model_dir: Path, options: Options | None = None):
        self.model_dir = Path(model_dir)
        self.options = options
        self._tables: tuple | None = None
        self._features: FeatureExtractor | None = None
        self._meta: dict | None = None

    @classmethod
    def load(cls, options: Options | None = None) -> CrfTagger:
        """The tagger of the data directory's `models/` (one per data directory, opened lazily)."""
        model_dir = models_dir(options)
        tagger = _TAGGERS.get(model_dir)
        if tagger is None:
            tagger = _TAGGERS[model_dir] = cls(model_dir, options)
        return tagger

    @property
    def meta(self) -> dict:
        """The model's json: data, features, hyper-parameters and dev scores."""
        if self._meta is None:
            path = self.model_dir / META_FILE
            self._meta = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        return self._meta

    @property
    def config(self) -> FeatureConfig:
        return self.features.config

    @property
    def features(self) -> FeatureExtractor:
        if self._features is None:
            config = FeatureConfig.from_dict(self.meta.get("features"))
            clusters = read_clusters(self.model_dir / CLUSTERS_FILE) if config.clusters else {}
            self._features = FeatureExtractor(config, clusters, self.options)
        return self._features

    def tables(self) -> tuple:
        """(first-stage weights or None, final weights): `WeightTable`s read from the model
        files once."""
        if self._tables is None:
            from marsad.errors import DataFileError
            from marsad.extract.crf_decode import WeightTable

            def open_(name: str) -> WeightTable:
                path = self.model_dir / name
                if not path.exists():
                    raise DataFileError(str(path), "not found: train it with scripts/train_ner.py")
                return WeightTable.from_crfsuite(path)

            stage1 = open_(STAGE1_FILE) if self.features.config.stacked else None
            self._tables = (stage1, open_(MODEL_FILE))
        return self._tables

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """IOB2 tags (PERS, LOC, ORG, MISC) for one sentence of tokens."""
        return next(self.tag_sentences([tokens])) if tokens else []

    def tag_sentences(self, sentences: Iterable[Sequence[str]]) -> Iterator[list[str]]:
        """IOB2 tags for each sentence of a text (or a file of them) in reading order, lazily.

        With a stacked model, the sentences within `doc_window` of each other are one
        document: a name the first stage found in one informs the others. Reads at most
        `block` + `doc_window` sentences ahead of the one it yields."""
        import numpy as np

        stage1, final = self.tables()
        fe = self.features
        w = fe.config.doc_window if stage1 is not None else 0
        buf: list[_Scored] = []
        start = 0            # first sentence of buf not yet yielded; the ones before are context
        it = iter(sentences)
        exhausted = False
        while True:
            incoming: list[list[str]] = []
            while not exhausted and len(buf) + len(incoming) - start < self.block + w:
                try:
                    incoming.append(list(next(it)))
                except StopIteration:
                    exhausted = True
            fresh = self._scored(incoming)
            if stage1 is not None:
                tagged = [s for s in fresh if s.tokens]
                for s, tags in zip(tagged, stage1.viterbi([s.scores[:, 0, :len(stage1.labels)] for s in tagged])):
                    s.stage1 = repair_iob2(tags)
            buf.extend(fresh)
            end = len(buf) if exhausted else start + self.block
            if end <= start:
                return
            targets = buf[start:end]
            live = [k for k, s in enumerate(targets) if s.tokens]
            emissions = [targets[k].scores[:, -1, :len(final.labels)] for k in live]
            if stage1 is not None and live:
                stacked = [[[] for _ in s.tokens] for s in buf]
                add_stacked_features(stacked, [s.doc_keys for s in buf], [s.stage1 for s in buf], w,
                                     range(start, end), final.attributes.get)
                # the sentences end to end, so that their second-stage features are added with one
                # reduction rather than one per sentence (the same sums)
                joined = np.concatenate(emissions)
                final.add_rows(joined, [bag for k in live for bag in stacked[start + k]])
                ends = list(accumulate(len(e) for e in emissions))
                emissions = [joined[lo:hi] for lo, hi in zip([0, *ends], ends)]
            decoded = iter(final.viterbi(emissions))
            for s in targets:
                yield repair_iob2(next(decoded)) if s.tokens else []
            drop = max(0, end - w)
            buf = buf[drop:]
            start = end - drop

    def _scored(self, sentences: list[list[str]]) -> list[_Scored]:
        """Sentences with their state scores under every model, (tokens, models, labels), from
        the features of the first stage; the second stage's own features are added later.

        The sentences are scored end to end, with a few NumPy calls for them all rather than a
        dozen per sentence: each token gets the same terms, added in the same order."""
        import numpy as np

        fe = self.features
        words_of = [[fe.word(t) for t in tokens] for tokens in sentences]
        words = [w for ws in words_of for w in ws]
        if not words:
            return [_Scored(tokens, None, []) for tokens in sentences]
        # (tokens, 1 + offsets, models, labels): one concatenate of the words' sums, which are kept
        # with a leading axis of 1 (np.stack would reshape each of them first)
        per_word = np.concatenate([self._word_scores(w) for w in words])
        scores = per_word[:, 0].copy()
        sizes = [len(ws) for ws in words_of]
        length = np.repeat(sizes, sizes)                        # of each token's sentence
        place = np.arange(len(words)) - np.repeat(np.cumsum(sizes) - sizes, sizes)   # in it
        edges = self._edge_scores
        for k, o in enumerate(fe.offsets, 1):
            seen = place + o                                    # the neighbour seen at offset o
            inside = np.flatnonzero((seen >= 0) & (seen < length))
            scores[inside] += per_word[inside + o, k]
            scores[seen == -1] += edges[0]                      # before the first token (BOS)
            scores[seen == length] += edges[1]                  # after the last (EOS)
        self._weights.add_bags(scores, [f for ws in words_of for f in fe.sentence_features(ws, self._weighed_bigrams)])
        out: list[_Scored] = []
        at = 0
        for tokens, ws in zip(sentences, words_of):
            # (doc_keys = fe.doc_keys(tokens))
            out.append(_Scored(tokens, scores[at:at + len(ws)], [w.doc_key for w in ws]) if ws
                       else _Scored(tokens, None, []))
            at += len(ws)
        return out

    def _word_scores(self, word: _Word):
        """(1, 1 + offsets, models, labels): what the word's own features and, per offset, what a
        neighbour sees of it add to the label scores; summed once per word type."""
        if word.scores is None:
            bags = [["bias", *word.own], *(word.ctx[o] for o in self.features.offsets)]
            word.scores = self._weights.sum_bags(bags)[None]
        return word.scores

    @cached_property
    def _weights(self):
        """Every model's weights behind one lookup per attribute."""
        from marsad.extract.crf_decode import Weights
        return Weights.joint([t for t in self.tables() if t is not None])

    @cached_property
    def _weighed_bigrams(self) -> WeighedBigrams:
        return WeighedBigrams.of(self._weights.attributes)

    @cached_property
    def _edge_scores(self):
        """(2, models, labels): a window that runs past the first token (BOS) or the last (EOS)."""
        return self._weights.sum_bags([["BOS"], ["EOS"]])


@dataclass(slots=True)
class _Scored:
    """One sentence on its way through the tagger."""

    tokens: list[str]
    scores: object            # NumPy (tokens, models, labels), or None for an empty sentence
    doc_keys: list[str]
    stage1: list[str] = field(default_factory=list)


_TAGGERS: dict[Path, CrfTagger] = {}


# ------------------------------------------------------------------ CoNLL files


def tag_conll(in_stream: TextIO, out_stream: TextIO, tagger: CrfTagger | None = None) -> tuple[int, int]:
    """Tag a token-per-line stream: writes `token TAG` per line, keeping the tokens, their order
    and every blank line.

    The first whitespace-separated field of a line is the token; further columns (a gold
    tag, say) are ignored; a line of only whitespace counts as blank. Returns (sentences,
    tokens) tagged.
    """
    from collections import deque

    tagger = tagger or CrfTagger.load()
    pending: deque[tuple[int, list[str]]] = deque()   # (blank lines before, tokens), read not written
    trailing = 0

    def sentences() -> Iterator[list[str]]:
        nonlocal trailing
        blanks, toks = 0, []
        for line in in_stream:
            parts = line.split()
            if parts:
                toks.append(parts[0])
                continue
            if toks:
                pending.append((blanks, toks))
                yield toks
                blanks, toks = 0, []
            blanks += 1
        if toks:
            pending.append((blanks, toks))
            yield toks
            blanks = 0
        trailing = blanks

    n_sent = n_tok = 0
    for tags in tagger.tag_sentences(sentences()):
        blanks, toks = pending.popleft()
        out_stream.write("\n" * blanks)
        out_stream.write("".join(f"{tok} {tag}\n" for tok, tag in zip(toks, tags)))
        n_sent += 1
        n_tok += len(toks)
    out_stream.write("\n" * trailing)
    return n_sent, n_tok
