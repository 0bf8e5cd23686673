"""A document's text cut into pieces at every annotation boundary, for highlighting.

The text is never rewritten: pieces are slices of `Document.text` at span
offsets, and templates escape each piece (autoescape), so hostile article text
shows as text. Each piece carries the annotations that cover it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from marsad.model import Document, Span
from marsad.web.data import date_label


@dataclass(slots=True)
class Piece:
    text: str
    start: int
    entity: dict[str, Any] | None = None      # the innermost mention covering the piece
    events: list[dict[str, Any]] = field(default_factory=list)   # triggers covering it
    evidence: bool = False
    boilerplate: bool = False
    tips: list[str] = field(default_factory=list)

    @property
    def classes(self) -> str:
        c = []
        if self.entity:
            c += ["ent", f"ent-{self.entity['type']}"]
        if self.events:
            c += ["trigger", *(f"ev-{e['status']}" for e in self.events[:1])]
        if self.evidence:
            c.append("evidence")
        if self.boilerplate:
            c.append("boilerplate")
        return " ".join(c)

    @property
    def plain(self) -> bool:
        return not (self.entity or self.events or self.evidence or self.boilerplate)


def pieces(doc: Document, actor_ids: set[str]) -> list[Piece]:
    """The text as pieces; `actor_ids` are stable ids that have an actor page (a mention links there)."""
    annotations: list[tuple[Span, str, dict[str, Any]]] = []
    mentions = {(m.span, m.entity_id): m for m in doc.mentions}
    for e in doc.entities:
        for m in e.mentions:
            mentions.setdefault((m.span, m.entity_id), m)
    for m in mentions.values():
        ent = doc.entity(m.entity_id) if m.entity_id else None
        stable = ent.stable_id if ent else None
        info = {"type": m.type, "text": m.text, "name_en": ent.name_en if ent else None,
                "name_ar": ent.name_ar if ent else None, "stable_id": stable, "source": m.source,
                "confidence": m.confidence, "link": stable if stable in actor_ids else None}
        tip = f"{m.type} · {(ent.name_en or ent.name_ar) if ent else m.text}"
        if stable:
            tip += f" · {stable}"
        annotations.append((m.span, "entity", info | {"tip": tip}))
    for ev in doc.events:
        status = ev.review.status if ev.review else "unreviewed"
        info = {"id": ev.id, "type": ev.type, "modality": ev.modality, "status": status,
                "tip": f"event {ev.id}: {ev.type} ({ev.modality}) {date_label(ev.date)} "
                       f"{(ev.place.name_en or ev.place.name_ar or '') if ev.place else ''}".strip()
                       + ("" if status == "unreviewed" else f" · {status}")}
        annotations.append((ev.trigger, "event", info))
        for s in ev.evidence:
            annotations.append((s, "evidence", {}))
    for s in doc.boilerplate:
        annotations.append((s, "boilerplate", {"tip": "boilerplate (not part of the report)"}))

    n = len(doc.text)
    cuts = {0, n}
    for span, _, _ in annotations:
        if span.end > span.start:
            cuts.update((min(span.start, n), min(span.end, n)))
    bounds = sorted(cuts)
    # annotations by start, so each piece only checks the ones that can cover it
    active: list[tuple[Span, str, dict[str, Any]]] = []
    pending = sorted((a for a in annotations if a[0].end > a[0].start), key=lambda a: a[0].start)
    out: list[Piece] = []
    k = 0
    for start, end in zip(bounds, bounds[1:]):
        while k < len(pending) and pending[k][0].start <= start:
            active.append(pending[k])
            k += 1
        active = [a for a in active if a[0].end > start]
        piece = Piece(text=doc.text[start:end], start=start)
        best: Span | None = None
        for span, kind, info in active:
            if kind == "entity":
                if best is None or len(span) < len(best):
                    best, piece.entity = span, info
            elif kind == "event":
                piece.events.append(info)
            elif kind == "evidence":
                piece.evidence = True
            else:
                piece.boilerplate = True
            if info.get("tip") and info["tip"] not in piece.tips:
                piece.tips.append(info["tip"])
        out.append(piece)
    return _join_plain(out)


def _join_plain(ps: list[Piece]) -> list[Piece]:
    """Neighbouring pieces with the same annotations become one (fewer elements to render)."""
    out: list[Piece] = []
    for p in ps:
        last = out[-1] if out else None
        if last is not None and last.entity == p.entity and last.events == p.events and \
                last.evidence == p.evidence and last.boilerplate == p.boilerplate:
            last.text += p.text
        else:
            out.append(p)
    return out
