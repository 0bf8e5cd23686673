"""Arabic names in Latin letters, for readers without Arabic: فراس العراقية → Firas al-Iraqiya.

Arabic script leaves short vowels out, so no rule recovers every spelling. The order is:
1. the usual English spelling of frequent name words (data/transliteration.yaml);
2. a nisba on a known place keeps the place's English name: العراقية → al-Iraqiya,
   النجفي → al-Najafi (the caller passes a place lookup);
3. letter rules, with a vowel put into consonant clusters: خرفان → Kharfan.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Callable

from marsad.arabic.normalize import normalize
from marsad.config import DATA_DIR, read_yaml

PlaceLookup = Callable[[str], "str | None"]   # Arabic place name → English name, or None

_VOWELS = set("aiu")
_LEADING_ARTICLE_EN = re.compile(r"^(?:al|an|ar|as|ash|at|ad|az)[- ]", re.IGNORECASE)


@lru_cache(maxsize=4)
def _tables(data_dir: str) -> tuple[dict[str, str], dict[str, str]]:
    raw = read_yaml(Path(data_dir) / "transliteration.yaml") or {}
    words = {normalize(k): v for k, v in (raw.get("words") or {}).items()}
    letters = dict(raw.get("letters") or {})   # looked up on normalised text: آ and أ never reach it
    return words, letters


def transliterate(name_ar: str, place_lookup: PlaceLookup | None = None, data_dir: Path = DATA_DIR) -> str:
    """A readable Latin form of an Arabic name."""
    words, letters = _tables(str(data_dir))
    tokens = [w for w in normalize(name_ar).split() if w.strip('"')]
    # "عبد الله" written apart is the one name "عبدالله": Abdullah
    joined: list[str] = []
    for w in tokens:
        if joined and joined[-1] == "عبد" and "عبد" + w in words:
            joined[-1] = "عبد" + w
        else:
            joined.append(w)
    parts = [_word(w, words, letters, place_lookup) for w in joined]
    text = " ".join(p for p in parts if p)
    return text[:1].upper() + text[1:]


def _word(w: str, words: dict[str, str], letters: dict[str, str], place_lookup: PlaceLookup | None) -> str:
    w = w.strip('"\'«»()')
    if w in words:
        return words[w]
    if w.startswith("ال") and len(w) > 3:
        rest = w[2:]
        if rest in words:
            return "al-" + _cap(words[rest])
        return "al-" + _cap(_nisba(rest, place_lookup, letters) or _letters(rest, letters))
    return _cap(_letters(w, letters))


def _nisba(stem: str, place_lookup: PlaceLookup | None, letters: dict[str, str]) -> str | None:
    """عراقيه → Iraqiya when العراق is a known place; نجفي → Najafi."""
    if place_lookup is None:
        return None
    for ending, latin in (("يه", "iya"), ("ي", "i")):
        if stem.endswith(ending) and len(stem) > len(ending) + 1:
            base = stem[: -len(ending)]
            english = place_lookup("ال" + base) or place_lookup(base)
            if english:
                english = _LEADING_ARTICLE_EN.sub("", english.split("(")[0].strip())
                # only a place whose English name is its Arabic one (Iraq, Najaf), not an exonym
                # (Aleppo for حلب, Egypt for مصر): those read better letter by letter
                if _skeleton(english) != _skeleton(_letters(base, letters)):
                    return None
                english = english[:-1] if english[-1:] in ("a", "e") else english
                return english + latin
    return None


def _skeleton(latin: str) -> str:
    """Consonants only, the way Arabic writes them: "Iraq" and "araq" both give "rq"."""
    return re.sub(r"[^bcdfghjklmnpqrstvwxyz]", "", latin.lower().replace("'", ""))


def _letters(w: str, letters: dict[str, str]) -> str:
    out: list[str] = []
    n = len(w)
    for i, ch in enumerate(w):
        prev_vowelish = i > 0 and w[i - 1] in "اوي"
        if ch == "و":
            if i + 2 == n and w[i + 1] == "ي":
                out.append("aw")   # final وي: موسوي → Musawi
            else:
                out.append("w" if i == 0 or prev_vowelish or (i + 1 < n and w[i + 1] == "ا") else "u")
        elif ch == "ي":
            if i == n - 1 or (i + 1 < n and w[i + 1] == "ه" and i + 2 == n):
                out.append("i")   # final ي, and ية: the nisba
            else:
                out.append("y" if i == 0 or prev_vowelish or (i + 1 < n and w[i + 1] == "ا") else "i")
        elif ch == "ه" and i == n - 1:
            out.append("ya" if i > 0 and w[i - 1] == "ي" else "a")   # ta marbuta, folded to ه
        elif ch == "ع" and i == 0:
            out.append("a")
        else:
            out.append(letters.get(ch, ch if ch.isascii() else ""))
    return _vowel_clusters(out)


def _vowel_clusters(units: list[str]) -> str:
    """Put an "a" into consonant clusters the script wrote without vowels."""
    result: list[str] = []
    cluster: list[str] = []

    def flush(final: bool) -> None:
        if len(cluster) >= 2:
            at_start = not result
            if at_start or len(cluster) >= 3:
                cluster.insert(1, "a")
            elif final:
                cluster.insert(len(cluster) - 1, "a")
        result.extend(cluster)
        cluster.clear()

    for u in units:
        if u and (u[0] in _VOWELS or not u[0].isalpha() and u != "'"):
            flush(False)   # a vowel, or a digit: neither is part of a consonant cluster
            result.append(u)
        elif u:
            cluster.append(u)
    flush(True)
    return "".join(result).replace("'", "")


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]
