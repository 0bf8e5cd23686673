"""Stand-in incidents for a store that has none yet (benchmarks, screenshots, tests).

marsad.merge builds the real incidents when articles are ingested. Before it has, these
group the first asserted event of each type that several documents report, so the incident
pages have something to show. Never used by `marsad serve`.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from marsad.model import Document, Event, Incident, IncidentMember
from marsad.review.audit import consolidate


def member_of(doc: Document, ev: Event) -> IncidentMember:
    """An incident member carrying the values `doc` gives for `ev`."""
    return IncidentMember(doc_id=doc.doc_id, event_id=ev.id, type=ev.type, modality=ev.modality,
                          outlet=doc.meta.outlet, published=doc.meta.published, date=ev.date, place=ev.place,
                          actors=[doc.entity(a).stable_id for a in ev.actors if doc.entity(a)],
                          killed=ev.casualties.killed_total, injured=ev.casualties.injured_total)


def demo_incidents(docs: list[Document], types: list[str] | None = None,
                   ids: list[str] | None = None) -> Callable[[], list[Incident]]:
    """One incident per event type (or per type of `types`, named by `ids`) reported by two documents or more."""
    groups: dict[str, list[IncidentMember]] = defaultdict(list)
    for doc in docs:
        for t in dict.fromkeys(e.type for e in doc.events if e.modality == "asserted"):
            if types is None or t in types:
                ev = next(e for e in doc.events if e.type == t and e.modality == "asserted")
                groups[t].append(member_of(doc, ev))
    order = types or list(groups)
    names = dict(zip(order, ids)) if ids else {t: f"demo-{t.lower()}" for t in order}
    built = [consolidate(names[t], groups[t]) for t in order if len(groups[t]) > 1]
    return lambda: built
