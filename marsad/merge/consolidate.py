"""An incident record from its members: consolidated values, and the fields on which sources disagree.

Nothing is averaged. Each source keeps its own values (`Incident.members`);
the consolidated values follow ACLED (the lowest reported fatalities, the
range kept), and a disagreement is listed with every competing value and its
sources. Differences of precision are not disagreements: "several" wounded
against "four", a roundabout against its town, a week against a day in it.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from marsad.merge.records import EventRecord, MergeRules
from marsad.merge.similarity import place_relation
from marsad.model import Conflict, ConflictValue, DateValue, Incident, PlaceRef

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def build_incident(incident_id: str, records: Sequence[EventRecord], rules: MergeRules) -> Incident:
    members = [r.member for r in records]
    killed = [m.killed for m in members if m.killed is not None]
    injured = [m.injured for m in members if m.injured is not None]
    return Incident(
        id=incident_id,
        type=Counter(m.type for m in members).most_common(1)[0][0],
        members=members,
        date=_date(records),
        place=_place(records),
        actors=list(dict.fromkeys(a for m in members for a in m.actors)),
        fatalities=min(killed, default=None), fatalities_max=max(killed, default=None),
        injured=min(injured, default=None), injured_max=max(injured, default=None),
        conflicts=find_conflicts(records, rules),
    )


def _date(records: Sequence[EventRecord]) -> DateValue | None:
    """The day most sources give (if any), within the range all dated sources span."""
    ranges = [r.date_range for r in records if r.date_range is not None]
    if not ranges:
        return None
    lo, hi = min(a for a, _ in ranges), max(b for _, b in ranges)
    days = Counter(r.member.date.value for r in records if r.member.date and r.member.date.value)
    best = days.most_common(2)
    if best and (len(best) == 1 or best[0][1] > best[1][1]):
        return DateValue(value=best[0][0], min=lo, max=hi, precision="day" if lo == hi else "range")
    return DateValue.between(lo, hi)


def _place(records: Sequence[EventRecord]) -> PlaceRef | None:
    """The most specific place any source gives (a roundabout rather than its town)."""
    placed = [r for r in records if r.member.place is not None]
    if not placed:
        return None
    best = max(placed, key=lambda r: (len(r.place_ids), -(r.member.place.geo_precision or 9)))
    return best.member.place


# --------------------------------------------------------------------------- conflicts


def _places_disagree(a: EventRecord, b: EventRecord, rules: MergeRules) -> bool:
    """Places apart, or two towns or villages named, however near ("أطراف بلدة الشحيل" against
    "أطراف بلدة البصيرة")."""
    relation = place_relation(a, b, rules)
    return relation in ("apart", "far") or (
        relation in ("near", "inside") and a.settlement and b.settlement and a.place_ids[0] != b.place_ids[0])


def find_conflicts(records: Sequence[EventRecord], rules: MergeRules) -> list[Conflict]:
    """Fields on which reports from different documents contradict each other."""
    checks: list[tuple[str, Callable[[EventRecord, EventRecord], bool], Callable[[EventRecord], str]]] = [
        ("date", _dates_disagree, _date_text),
        ("location", lambda a, b: _places_disagree(a, b, rules), _place_text),
        ("casualties", _tolls_disagree, _toll_text),
        ("actors", lambda a, b: _blame_disagrees(a, b, rules), lambda r: ", ".join(r.side_a) or "-"),
        ("type", lambda a, b: a.member.type != b.member.type, lambda r: r.member.type),
        ("cause", lambda a, b: bool(a.causes and b.causes and not set(a.causes) & set(b.causes)),
         lambda r: ", ".join(r.causes)),
    ]
    out = []
    for field_name, disagree, describe in checks:
        involved = {r.key: r for a in records for b in records
                    if a.doc_id < b.doc_id and disagree(a, b) for r in (a, b)}
        if involved:
            values: dict[str, list[str]] = {}
            for r in records:
                if r.key in involved:
                    values.setdefault(describe(r), []).append(r.key)
            out.append(Conflict(field_name, [ConflictValue(v, keys) for v, keys in values.items()]))
    return out


def _dates_disagree(a: EventRecord, b: EventRecord) -> bool:
    ra, rb = a.date_range, b.date_range
    if ra is not None and rb is not None:
        return ra[1] < rb[0] or rb[1] < ra[0]
    for dated, undated in ((a, b), (b, a)):
        day = dated.member.date.value if dated.member.date else None
        if day is not None and undated.date_range is None and undated.weekdays \
                and day.weekday() not in undated.weekdays:
            return True
    return False


def _date_text(r: EventRecord) -> str:
    d = r.member.date
    if d is not None and d.min is not None:
        if d.value is not None:
            return f"{d.value.isoformat()} ({WEEKDAY_NAMES[d.value.weekday()]})"
        return f"{d.min.isoformat()}..{d.max.isoformat()}"
    return " or ".join(WEEKDAY_NAMES[w] for w in r.weekdays) or "no date"


def _place_text(r: EventRecord) -> str:
    p = r.member.place
    return (p.name_en or p.name_ar or "?") if p else "no place"


def _tolls_disagree(a: EventRecord, b: EventRecord) -> bool:
    """Exact tolls that differ, or an exact toll below what the other report says at least."""
    for exact, least in (("killed", "killed_min"), ("injured", "injured_min")):
        xa, xb = getattr(a.member, exact), getattr(b.member, exact)
        if xa is not None and xb is not None:
            if xa != xb:
                return True
        elif xa is not None and xa < getattr(b.member, least):
            return True
        elif xb is not None and xb < getattr(a.member, least):
            return True
    return False


def _toll_text(r: EventRecord) -> str:
    m = r.member
    part = lambda exact, least: str(exact) if exact is not None else (f"≥{least}" if least else "-")  # noqa: E731
    return f"killed {part(m.killed, m.killed_min)}, injured {part(m.injured, m.injured_min)}"


def _blame_disagrees(a: EventRecord, b: EventRecord, rules: MergeRules) -> bool:
    """They name no perpetrator in common: one report's perpetrator is the other's victim, or each
    names another ("مسلحان مجهولان" aside: who is not named is no one, and "المهربين" may be anyone
    who smuggles). A unit and the force it belongs to, or a state and its forces, are one perpetrator.
    (Only acts by one side on another have a perpetrator: in a clash or talks, who is named first
    says nothing.)"""
    sa, sb = set(a.side_a), set(b.side_a)
    if not sa or not sb or sa & sb or not a.agents or not b.agents:
        return False
    return bool(sa & set(b.side_b)) or bool(sb & set(a.side_b)) or (
        {a.member.type, b.member.type} <= rules.one_sided_types and not set(a.agents) & set(b.agents))

