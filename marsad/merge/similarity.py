"""How likely two reported events are one occurrence: a score in [0, 1], or None when they cannot be.

Each component compares what both reports say; a component one of them is
silent on scores `rules.unknown` (neither for nor against). Hard
contradictions veto the pair: incompatible types, dates further apart than
`date_gap_days`, places further apart than `far_km`.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable

from marsad.merge.records import EventRecord, MergeRules
from marsad.model import PlaceRef
from marsad.resolve.places import distance_km


class WordWeights:
    """Inverse document frequencies over the evidence sentences seen so far
    (words common to every report weigh little)."""

    def __init__(self) -> None:
        self.df: Counter[str] = Counter()
        self.n = 0

    def add(self, words: Iterable[str]) -> None:
        self.df.update(set(words))
        self.n += 1

    def weigh(self, words: Iterable[str]) -> dict[str, float]:
        return {w: math.log((1 + self.n) / (1 + self.df[w])) for w in set(words)}


# Fewer shared words than this say nothing, however rare they are.
MIN_SHARED_WORDS = 3
# A run of this many content words in the same order in both sentences is a retold or copied clause.
COPIED_RUN = 6


def containment(a: dict[str, float], b: dict[str, float], shared: set[str]) -> float:
    """The weight of the shared words over the weight of the shorter sentence: a clause one
    outlet copies into a longer sentence of its own still matches."""
    # fsum: a float sum that does not depend on the order of the words, which follows the
    # process's string hashing; a plain sum moved scores by a rounding error from run to run
    smaller = min(math.fsum(a.values()), math.fsum(b.values()))
    return math.fsum(a[w] for w in shared) / smaller if smaller else 0.0


def longest_run(a: list[str], b: list[str]) -> int:
    """The longest sequence of consecutive words both sentences contain (sparse: only the
    positions where a word of `a` occurs in `b` are visited)."""
    positions: dict[str, list[int]] = {}
    for j, w in enumerate(b):
        positions.setdefault(w, []).append(j)
    best, prev = 0, {}
    for x in a:
        cur = {j: prev.get(j - 1, 0) + 1 for j in positions.get(x, ())}
        if cur:
            best = max(best, max(cur.values()))
        prev = cur
    return best


def wording(a: list[str], b: list[str], wa: dict[str, float], wb: dict[str, float]) -> float:
    """How alike two sentences are worded: shared rare words, or a clause told in the same words."""
    shared = wa.keys() & wb.keys()
    if len(shared) < MIN_SHARED_WORDS:
        return 0.0
    run = longest_run(a, b)
    copied = min(1.0, run / COPIED_RUN) if run >= MIN_SHARED_WORDS else 0.0
    return max(containment(wa, wb, shared), copied)


def weekday_distance(a: int, b: int) -> int:
    return min((a - b) % 7, (b - a) % 7)


def date_score(a: EventRecord, b: EventRecord, rules: MergeRules) -> float | None:
    ra, rb = a.date_range, b.date_range
    if ra is None and rb is None:
        return rules.unknown
    if ra is None or rb is None:
        dated, undated = (a, b) if ra is not None else (b, a)
        day = dated.member.date.value if dated.member.date else None
        if day is None or not undated.weekdays:
            return rules.unknown
        apart = min(weekday_distance(day.weekday(), w) for w in undated.weekdays)
        if apart > 1:
            return None
        # "ليل الاثنين" against a resolved Tuesday: the same night told two ways, or not; a disagreement
        return rules.unknown / 2 if apart == 1 else 1.0
    gap = (max(ra[0], rb[0]) - min(ra[1], rb[1])).days
    if gap > rules.date_gap_days:
        return None
    if gap <= 0:
        return 1.0 if (ra[0] == ra[1] == rb[0] == rb[1]) else 0.85
    if gap == 1 and (a.night or b.night):
        return rules.night_gap_score   # "مساء الاثنين" and "أمس الثلاثاء"
    return 0.6 - 0.4 * gap / (rules.date_gap_days + 1)


# How two reported places relate, and what that is worth.
PLACE_SCORES = {"same": 1.0, "inside": 0.8, "near": 0.7, "apart": 0.3, "far": None}


def place_relation(a: EventRecord, b: EventRecord, rules: MergeRules) -> str:
    """"same", "inside" (one contains the other), "near" (within same_km), "apart",
    "far" (beyond far_km) or "unknown"."""
    pa, pb = a.member.place, b.member.place
    if pa is None or pb is None:
        return "unknown"
    if a.place_ids and b.place_ids:
        if a.place_ids[0] == b.place_ids[0]:
            return "same"
        if a.place_ids[0] in b.place_ids or b.place_ids[0] in a.place_ids:
            return "inside"       # a roundabout inside the town the other report names
    if _in_region(pa, pb) or _in_region(pb, pa):
        return "inside"           # "ريف دير الزور الشرقي" and a town of that province
    if None in (pa.lat, pa.lon, pb.lat, pb.lon):
        return "unknown"
    km = distance_km(pa.lat, pa.lon, pb.lat, pb.lon)
    return "near" if km <= rules.same_km else "far" if km > rules.far_km else "apart"


def _in_region(town: PlaceRef, region: PlaceRef) -> bool:
    """Whether `region` is a province's countryside or district (ACLED geo-precision 3; its point is
    the province's capital, so distance says nothing) and `town`, named precisely, lies in it."""
    return (region.geo_precision == 3 and (town.geo_precision or 3) < 3 and region.admin1_pcode is not None
            and town.admin1_pcode == region.admin1_pcode
            and region.admin2_pcode in (None, town.admin2_pcode))


def place_score(relation: str, rules: MergeRules) -> float | None:
    """What two places so related are worth, None when they are too far apart to be one occurrence."""
    return rules.unknown if relation == "unknown" else PLACE_SCORES[relation]


def places_say_nothing(relation: str, a: EventRecord, b: EventRecord, rules: MergeRules) -> bool:
    """Agreements told apart: one outlet names where it was signed, another where it applies or
    where the article is set ("وقّعا في دارة عزة", "الاتفاق … في عفرين")."""
    return relation in ("apart", "far") and {a.member.type, b.member.type} <= rules.placeless_types


def actor_score(a: EventRecord, b: EventRecord, rules: MergeRules) -> float:
    ka, kb = set(a.actor_keys), set(b.actor_keys)
    if not ka or not kb:
        return rules.unknown
    overlap = len(ka & kb) / min(len(ka), len(kb)) or rules.blamed_apart
    # the same actor doing it in one report and suffering it in the other: opposed accounts, less alike
    # (not in talks or an agreement, where who is named first says nothing)
    symmetric = {a.member.type, b.member.type} <= rules.symmetric_types
    if not symmetric and set(a.side_a) & set(b.side_b) and not set(a.side_a) & set(b.side_a):
        overlap *= 0.5
    return overlap


def similarity(a: EventRecord, b: EventRecord, rules: MergeRules, wording_of: Callable[[], float]) -> float | None:
    """The weighted score of one pair, None when they cannot be the same occurrence.

    `wording_of` gives the similarity of their evidence wording (the caller holds
    the document frequencies); it is called only when the words can decide.
    """
    if a.doc_id == b.doc_id:
        return None
    t = rules.type_score(a.member.type, b.member.type)
    if t is None:
        return None
    d = date_score(a, b, rules)
    relation = place_relation(a, b, rules)
    silent = places_say_nothing(relation, a, b, rules)
    # (places that say nothing weigh nothing: the other components decide, in the same proportions)
    p = 0.0 if silent else place_score(relation, rules)
    if d is None or p is None:
        return None
    w = rules.weights
    scale = 1.0 - w["place"] / sum(w.values()) if silent else 1.0
    rest = w["type"] * t + w["date"] * d + w["place"] * p + w["actors"] * actor_score(a, b, rules)
    if (rest + w["words"]) / scale < rules.threshold:
        return None      # not even the same words could make them one
    words = wording_of()
    if (a.date_range is None or b.date_range is None) and words < rules.undated_min_words:
        return None
    return (rest + w["words"] * words) / scale
